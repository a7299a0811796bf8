"""The application shell: the main window, menus, dialogs, files, settings, stages, panels, tables and forms."""
