"""What the shell, the editors and the presentation share: the change channel, the editor interface, undo, tables."""
