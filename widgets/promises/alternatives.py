"""Duplication in the promise inspector: a button listing the alternative promisers of a promise, with a menu of
the teams to tick («Задвоение», tool 11: who else could keep the promise if its team fails)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from app import model as m


class AlternativesButton(QToolButton):
    """Shows the alternative promisers ("—" for none); its menu ticks teams in and out, each tick one edit."""

    teams_edited = Signal(tuple)
    """The new tuple of team ids."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alternativePromisers")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(self.toolButtonStyle().ToolButtonTextOnly)
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self.menu_.triggered.connect(self._ticked)
        self.current: tuple[str, ...] = ()
        self._names: dict[str, str] = {}
        self.retranslate()

    def show_for(self, w: m.Workshop, p: m.Promise) -> None:
        """List the teams other than the promiser, ticking the promise's alternatives."""
        self.current = tuple(p.alternatives)
        self._names = {t.id: t.name for t in w.teams}
        self.menu_.clear()
        for team in w.teams:
            if team.id == p.from_:
                continue
            action = self.menu_.addAction(team.name)
            action.setCheckable(True)
            action.setChecked(team.id in self.current)
            action.setData(team.id)
        self._show_text()

    def _show_text(self) -> None:
        names = [self._names.get(t, t) for t in self.current]
        self.setText(", ".join(names) if names else self.tr("— none: a single point of failure —"))

    def _ticked(self, action: QAction) -> None:
        team = action.data()
        wanted = tuple(t for t in self.current if t != team) if team in self.current else (*self.current, team)
        self.teams_edited.emit(wanted)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The tooltip and the empty text in the current language."""
        self.setToolTip(self.tr("Duplication (tool 11): teams that could keep this promise if its team fails. "
                                "Without one the promise is a single point of failure."))
        self._show_text()
