"""What the views of the promise editor share: the document, the undo stack, the selection and the live checks."""

from __future__ import annotations

from collections.abc import Iterable, Set

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from app.changed import Changes
from app.checks import CODES, Finding
from app.document import Document
from app.edits import Edit
from app.live_checks import FindingsUpdate, LiveChecks
from widgets.base.live import changes_of
from widgets.base.live_checks import checks_of
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
        self.checks = checks_of(document)
        self._problems: dict[str, int] = {}  # first id -> how many of its findings are errors or warnings
        self._checks_due = QTimer(self)
        self._checks_due.setSingleShot(True)
        self._checks_due.setInterval(0)
        self._checks_due.timeout.connect(self.recompute_checks)
        self._count_problems(self.checks.live().findings(), +1)
        changes_of(document).changed.connect(self._on_changes)
        self.checks.updated.connect(self._on_findings)

    # -- edits
    def push(self, edit: Edit, text: Name = None) -> str | None:
        """Apply `edit` as one undoable step; a refusal is shown as a hint and returned."""
        reason = push_edit(self.undo_stack, self.document, edit, text)
        if reason:
            self.hinted.emit(reason)
        return reason

    def _on_changes(self, changes: Changes) -> None:
        if changes.everything or changes.deleted:
            self._checks_due.start()  # a selected object may be gone: looked at once after the burst

    def _on_findings(self, update: FindingsUpdate) -> None:
        if update.everything:
            self._problems.clear()
            self._count_problems(self.checks.live().findings(), +1)
        else:
            self._count_problems(update.removed, -1)
            self._count_problems(update.added, +1)
        self._checks_due.start()  # the views hear of it once after the burst

    def _count_problems(self, findings: Iterable[Finding], step: int) -> None:
        for f in findings:
            if f.ids and f.severity in PROBLEM_SEVERITIES:
                count = self._problems.get(f.ids[0], 0) + step
                if count > 0:
                    self._problems[f.ids[0]] = count
                else:
                    self._problems.pop(f.ids[0], None)

    # -- selection
    def select(self, ids: list[str]) -> None:
        """Make `ids` (promises, teams, segments) the selection and tell every view."""
        ids = list(dict.fromkeys(ids))
        if ids != self.selection:
            self.selection = ids
            self.selection_changed.emit(ids)

    # -- checks
    def recompute_checks(self) -> None:
        """Tell the views the findings changed (the live checks keep them; done once after each burst of edits)."""
        self._checks_due.stop()
        gone = [i for i in self.selection if self.document.find(i) is None]
        if gone:
            self.select([i for i in self.selection if i not in gone])
        self.findings_changed.emit()

    @property
    def findings(self) -> list[Finding]:
        """Every finding, in the checks' order."""
        return self.checks.live().findings()

    @property
    def findings_of(self) -> FindingsOf:
        """The findings by every id they name."""
        return FindingsOf(self.checks.live())

    @property
    def problem_ids(self) -> Set[str]:
        """The promises (and other first ids) with findings that are errors or warnings."""
        return self._problems.keys()

    def flush(self) -> None:
        """Bring the findings up to date at once if edits are waiting for them."""
        if self._checks_due.isActive():
            self.recompute_checks()

    def retranslate(self) -> None:
        """The findings' messages in the current language (the table shows them as tooltips)."""
        self.checks.retranslate()
        self.recompute_checks()


class FindingsOf:
    """The findings that name an id, each id's list in the checks' order (`findings_by_id`, looked up live)."""

    def __init__(self, live: LiveChecks) -> None:
        self.live = live

    def get(self, obj_id: str, default: list[Finding] | None = None) -> list[Finding]:
        found = self.live.findings_of(obj_id)
        if not found:
            return [] if default is None else default
        rank = {code: n for n, code in enumerate(CODES)}
        return sorted(found, key=lambda f: rank.get(f.code, len(rank)))

    def __getitem__(self, obj_id: str) -> list[Finding]:
        found = self.get(obj_id)
        if not found:
            raise KeyError(obj_id)
        return found

    def __contains__(self, obj_id: object) -> bool:
        return isinstance(obj_id, str) and bool(self.live.findings_of(obj_id))
