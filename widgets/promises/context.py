"""What the views of the promise editor share: the document, the undo stack, the selection and the live checks."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from app.changed import Changes
from app.checks import Finding, findings_by_id, run_checks
from app.document import Document
from app.edits import Edit
from widgets.base.findings_text import translated_templates
from widgets.base.live import changes_of
from widgets.base.undo import Name, push_edit

PROBLEM_SEVERITIES = ("error", "warning")
"""Findings that make a promise "have problems" (hints such as a missing structure link do not)."""


class PromiseContext(QObject):
    """The shared state of the map, the inspector and the table; every change to the workshop goes through `push`."""

    selection_changed = Signal(list)
    findings_changed = Signal()
    """The findings were computed again."""
    hinted = Signal(str)
    text_requested = Signal(str)
    """Someone asked to type a promise's text (a double-click on its arrow): the inspector takes the keyboard."""

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self.selection: list[str] = []
        self.findings: list[Finding] = []
        self._findings_of: dict[str, list[Finding]] | None = None
        self.problem_ids: set[str] = set()
        self._checks_due = QTimer(self)
        self._checks_due.setSingleShot(True)
        self._checks_due.setInterval(0)
        self._checks_due.timeout.connect(self.recompute_checks)
        self.recompute_checks()
        changes_of(document).changed.connect(self._on_changes)

    # -- edits
    def push(self, edit: Edit, text: Name = None) -> str | None:
        """Apply `edit` as one undoable step; a refusal is shown as a hint and returned."""
        reason = push_edit(self.undo_stack, self.document, edit, text)
        if reason:
            self.hinted.emit(reason)
        return reason

    def _on_changes(self, _changes: Changes) -> None:
        self._checks_due.start()  # any change may change a finding: run the checks once after the burst

    # -- selection
    def select(self, ids: list[str]) -> None:
        """Make `ids` (promises, teams, segments) the selection and tell every view."""
        ids = list(dict.fromkeys(ids))
        if ids != self.selection:
            self.selection = ids
            self.selection_changed.emit(ids)

    # -- checks
    def recompute_checks(self) -> None:
        """Run the methodology checks on the workshop now (normally done once after each burst of edits)."""
        self._checks_due.stop()
        gone = [i for i in self.selection if self.document.find(i) is None]
        if gone:
            self.select([i for i in self.selection if i not in gone])
        self.findings = run_checks(self.document.model, translated_templates())
        self._findings_of = None
        self.problem_ids = {f.ids[0] for f in self.findings if f.ids and f.severity in PROBLEM_SEVERITIES}
        self.findings_changed.emit()

    @property
    def findings_of(self) -> dict[str, list[Finding]]:
        """The findings by every id they name (grouped on first use after each run of the checks)."""
        if self._findings_of is None:
            self._findings_of = findings_by_id(self.findings)
        return self._findings_of

    def flush(self) -> None:
        """Bring the findings up to date at once if edits are waiting for them."""
        if self._checks_due.isActive():
            self.recompute_checks()

    def retranslate(self) -> None:
        """The findings' messages in the current language (the table shows them as tooltips)."""
        self.recompute_checks()
