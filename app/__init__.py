"""Clientocracy Studio's core: the workshop model, edits, files, checks and the command line (no Qt)."""

__version__ = "0.1.0"
