"""Live co-editing on the room's network: the Qt side of app.collab (a session, its dialogs, its status)."""
