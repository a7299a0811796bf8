"""The `clientocracy` command line: above the core, the exports and the desktop app it drives."""
