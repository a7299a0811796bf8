"""Live workshop mode: the workshop's story on the projector, editable, with reveal, a lock and an agenda timer."""

from __future__ import annotations

from widgets.presentation.window import PresentationWindow, choose_screen, open_presentation

__all__ = ["PresentationWindow", "choose_screen", "open_presentation"]
