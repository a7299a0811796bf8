"""Live co-editing of one workshop by several laptops, on the pycrdt (Yjs) engine; no Qt here."""

DEFAULT_PORT = 8765
"""The port a room listens on unless told otherwise."""
