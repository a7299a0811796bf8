"""The stage navigator: the evolutionary goal and the method's 9 stages, what each holds and whether it is ready."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import model as m
from app.changed import Changes
from app.document import Document
from widgets.base.live import changes_of

if TYPE_CHECKING:
    from app.checks import Finding

GOAL = 0  # row of the evolutionary goal; stage n is row n
STAGE_COUNT = 9

# The stage a finding belongs to, by code (promise findings by whether the promise goes to a client).
_CODE_STAGE = {
    "promise-from-client": 4,
    "team-no-client-promise": 4,
    "team-not-serving-client": 5,
    "team-no-indicator": 8,
    "team-no-motivation": 7,
    "motivation-shares": 7,
    "reading-not-met": 8,
    "experiment-without-decision": 9,
    "link-without-promise": 6,
    "promise-without-link": 6,
    "canvas-factor-count": 3,
    "errc-contradicts-curves": 3,
    "curve-unscored": 3,
    "no-evolutionary-goal": GOAL,
    # version 2 (the seed's stages, L465–473); authority-is-approval goes by the promise's kind, as the grants do
    "canvas-no-tagline": 3,
    "promise-chain-at-risk": 5,
    "promise-parent-mismatch": 5,
    "value-without-holder": 6,
    "holder-not-on-council": 6,
    "team-without-people": 6,
}


@dataclass(frozen=True)
class StageState:
    """What a row of the navigator shows: how much the stage holds, whether it has what it needs, open problems."""

    counts: str
    ready: bool
    problems: int


class StageTexts(QObject):
    """The navigator's words (a QObject so that lupdate and tr() share the context "StageTexts")."""

    def titles(self) -> list[str]:
        """The goal and the 9 stages, in order."""
        return [
            self.tr("Evolutionary goal"),
            self.tr("Client segments"),
            self.tr("Client pains"),
            self.tr("Value proposition & canvas"),
            self.tr("Promises to clients"),
            self.tr("Internal promises"),
            self.tr("Council & autonomous teams"),
            self.tr("Team economics & motivation"),
            self.tr("Success indicators"),
            self.tr("Experiments & improvement"),
        ]

    def problems(self, count: int) -> str:
        """The tooltip of a stage with open problems."""
        return self.tr("%n open problem(s) in the checks", "", count)

    def ready(self) -> str:
        """The tooltip of a stage that has what it needs."""
        return self.tr("This stage has what it needs")

    def states(self, w: m.Workshop, findings: list[Finding], document: Document | None = None,
               problems: list[int] | None = None, cache: dict[str, Any] | None = None) -> list[StageState]:
        """The state of every row, from the counts of the workshop and the methodology findings (or the problems
        per stage counted already; given the document, the promises are counted from its index, not one by one).
        `cache` keeps the counts of teams ("teams") and of promises ("promises") until its owner drops them."""
        cache = {} if cache is None else cache
        segments = {s.id for s in w.segments}
        if "teams" not in cache:
            cache["teams"] = _team_counts(w)
        kinds, teams, has_council, with_economics, motivated, both, indicators, measured = cache["teams"]
        if "promises" not in cache:
            if document is not None:
                count = document.references.count
                cache["promises"] = (range(sum(count(s, "promise", "to") for s in segments)),
                                     range(sum(count(t, "promise", "to") for t in kinds)))
            else:
                cache["promises"] = ([p.id for p in w.promises if p.to in segments],
                                     [p.id for p in w.promises if p.to in kinds])
        external, internal = cache["promises"]
        running = [e for e in w.experiments if e.status == "running"]
        done = [e for e in w.experiments if e.status == "done"]
        if problems is None:
            external_ids = set(external)  # ids: counted from the workshop, not the document
            problems = stage_problems(findings, external_ids.__contains__)
        blocking = [n > 0 for n in problems]
        painful = {p.segment for p in w.pains}
        proposed = {p.segment for p in w.propositions}
        ready = [
            bool(w.info.evolutionary_goal.strip()),
            bool(segments),
            bool(segments) and segments <= painful,
            bool(segments) and segments <= proposed and bool(w.canvases),
            bool(external),
            bool(internal),
            has_council and bool(teams) and bool(w.links),
            bool(teams) and both == len(teams),
            bool(w.teams) and measured == len(w.teams),
            bool(w.experiments) and all(e.promise for e in running) and all(e.decision for e in done),
        ]
        goal = " ".join(w.info.evolutionary_goal.split())
        counts = [
            goal or self.tr("Not formulated yet"),
            self.tr("%n segment(s)", "", len(w.segments)),
            self.tr("%n pain(s)", "", len(w.pains)),
            ", ".join([self.tr("%n proposition(s)", "", len(w.propositions)),
                       self.tr("%n canvas(es)", "", len(w.canvases))]),
            self.tr("%n promise(s) to clients", "", len(external)),
            self.tr("%n internal promise(s)", "", len(internal)),
            ", ".join([self.tr("%n team(s)", "", len(teams)),
                       self.tr("council") if has_council else self.tr("no council")]),
            ", ".join([self.tr("%n team(s) with economics", "", with_economics),
                       self.tr("%n with motivation", "", motivated)]),
            ", ".join([self.tr("%n indicator(s)", "", indicators), self.tr("%n with readings", "", measured)]),
            self.tr("%n experiment(s)", "", len(w.experiments)),
        ]
        return [StageState(counts[i], ready[i] and not blocking[i], problems[i]) for i in range(STAGE_COUNT + 1)]


def _team_counts(w: m.Workshop) -> tuple:
    """What the rows count of the teams: their kinds by id, the teams (not councils), whether there is a council,
    how many have economics, motivation, both, an indicator, an indicator with readings."""
    kinds = {t.id: t.kind for t in w.teams}
    teams = [t for t in w.teams if t.kind != "council"]
    with_economics = sum(t.economics is not None and (t.economics.revenue is not None
                                                      or t.economics.costs is not None) for t in teams)
    motivated = sum(t.motivation is not None and t.motivation.percent is not None for t in teams)
    both = sum(t.economics is not None and (t.economics.revenue is not None or t.economics.costs is not None)
               and t.motivation is not None and t.motivation.percent is not None for t in teams)
    read = {r.of for r in w.readings}
    indicators = sum(t.indicator is not None and bool(t.indicator.name.strip()) for t in w.teams)
    measured = sum(t.indicator is not None and bool(t.indicator.name.strip()) and t.id in read for t in w.teams)
    return kinds, teams, "council" in kinds.values(), with_economics, motivated, both, indicators, measured


def stage_of(code: str, first_id: str | None, to_client: Callable[[str], bool]) -> int:
    """The stage of a finding: by its code, or (promise-no-metric, promise-unempowered and the like) by whether its
    promise goes to a client (`to_client(promise id)`)."""
    stage = _CODE_STAGE.get(code)
    if stage is None:
        stage = 4 if first_id is not None and to_client(first_id) else 5
    return stage


def stage_problems(findings: list[Finding], to_client: Callable[[str], bool]) -> list[int]:
    """Errors and warnings per row (the goal and the 9 stages)."""
    problems = [0] * (STAGE_COUNT + 1)
    for f in findings:
        if f.severity != "hint":
            problems[stage_of(f.code, f.ids[0] if f.ids else None, to_client)] += 1
    return problems


MARK_MOST = 999
"""A row's mark counts problems up to this many, then says «! 999+» (the tooltip and the checks give the count)."""


class StageRow(QWidget):
    """One row: a badge with the stage's number, its title, what it holds, and its mark."""

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 10, 8)
        row.setSpacing(10)
        self.badge = QLabel("◎" if number == GOAL else str(number), objectName="stageBadge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setFixedSize(26, 26)
        text = QVBoxLayout()
        text.setSpacing(1)
        self.title = QLabel(objectName="stageTitle")
        self.title.setWordWrap(True)  # the seed's stage names (L465–473) are sentences: they wrap, never clip
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.counts = QLabel(objectName="stageCount")
        text.addWidget(self.title)
        text.addWidget(self.counts)
        self.mark = QLabel(objectName="stageMark")
        self.mark.setFixedWidth(30)  # widened when it counts problems
        self.mark.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        row.addWidget(self.mark)

    def show_state(self, state: StageState, texts: StageTexts) -> None:
        """Show what the stage holds and its mark: ✓ when ready, ! with the count of open problems."""
        metrics = self.counts.fontMetrics()
        counts = metrics.elidedText(state.counts, Qt.TextElideMode.ElideRight, 200)
        self.counts.setText(counts)
        self.counts.setToolTip(state.counts if counts != state.counts else "")
        if state.problems:
            self.mark.setText(f"! {state.problems}" if state.problems <= MARK_MOST else f"! {MARK_MOST}+")
            self.mark.setProperty("state", "problems")
            self.mark.setToolTip(texts.problems(state.problems))
        elif state.ready:
            self.mark.setText("✓")
            self.mark.setProperty("state", "ready")
            self.mark.setToolTip(texts.ready())
        else:
            self.mark.setText("")
            self.mark.setProperty("state", "")
            self.mark.setToolTip("")
        self.mark.style().unpolish(self.mark)
        self.mark.style().polish(self.mark)
        if state.problems:  # the widest mark in its own font (the style's, known once polished)
            self.mark.setFixedWidth(max(30, self.mark.fontMetrics().horizontalAdvance(f"! {MARK_MOST}+") + 4))


class StageNavigator(QListWidget):
    """The goal and the 9 stages down the side; activating a row asks the window to open where it is worked on.

    The counts follow the bound document's edits (once per burst); the marks follow the findings it is shown.
    """

    stage_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stages")
        self.texts = StageTexts(self)
        self.rows: list[StageRow] = []
        self._states: list[StageState] = []
        self.document: Document | None = None
        self._findings: Any = None  # the findings by code (a FindingsSource) or a list; None before the checks
        self._problems: dict[str, list[int]] = {}  # errors and warnings per row of each code, kept till it changes
        self._counted: dict[str, Any] = {}  # the counts of teams and of promises, kept till they change
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.update_states)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for number in range(STAGE_COUNT + 1):
            row = StageRow(number)
            item = QListWidgetItem(self)
            self.setItemWidget(item, row)
            self.rows.append(row)
        self.retranslate()
        self.itemClicked.connect(lambda item: self.stage_activated.emit(self.row(item)))
        self.itemActivated.connect(lambda item: self.stage_activated.emit(self.row(item)))

    def retranslate(self) -> None:
        """Titles in the current language (the counts follow at the next refresh)."""
        for row, title in zip(self.rows, self.texts.titles(), strict=True):
            row.title.setText(title)
        self._fit()

    def bind(self, document: Document | None) -> None:
        """Show the stages of `document` and follow its edits (None: show no counts and no marks)."""
        from widgets.base.live_checks import checks_of

        if self.document is not None:
            changes_of(self.document).changed.disconnect(self._on_changes)
            checks_of(self.document).updated.disconnect(self._on_findings)
        self.document, self._findings = document, None
        self._counted.clear()
        self._problems.clear()
        self._timer.stop()
        if document is None:
            self.clear_states()
            return
        changes_of(document).changed.connect(self._on_changes)
        checks_of(document).updated.connect(self._on_findings)
        self.update_states()

    def _on_changes(self, changed: Changes) -> None:
        if changed.everything or "to" in changed.fields("promise") or changed.structural("promise", "segment"):
            self._problems.clear()  # a promise may go to a client now, or no more
            self._counted.pop("promises", None)
        if changed.touches("team", "reading"):
            self._counted.clear()
        if changed.everything or changed.kinds() - {"position"}:
            self._timer.start(0)  # a burst of edits counts once

    def _on_findings(self, update: Any) -> None:
        """The live findings changed (an edit, the language): the codes' problems per row follow the findings gone
        and new (a promise's stage holds: an edit that sends one elsewhere clears the counts); counted once."""
        if update.everything:
            self._problems.clear()
        for code in update.codes:
            if code in _CODE_STAGE:
                self._problems.pop(code, None)  # counted from the findings' count: nothing to follow
        for findings, step in ((update.removed, -1), (update.added, 1)):
            for f in findings:
                counted = self._problems.get(f.code)
                if counted is not None and f.code not in _CODE_STAGE:
                    counted[stage_of(f.code, f.ids[0] if f.ids else None, self._to_client)] += step
        self._timer.start(0)

    def _to_client(self, promise_id: str) -> bool:
        """Whether a promise goes to a client segment."""
        doc = self.document
        p = doc.find(promise_id) if doc is not None else None
        return isinstance(p, m.Promise) and doc is not None and doc.kind_of(p.to) == "segment"

    def show_findings(self, findings: Any, codes: set[str] | None = None) -> None:
        """Mark the stages from the findings (by code, or a list); `codes`: those changed since last shown (the
        live findings tell the navigator themselves: then only a refresh still due is done now)."""
        if findings is self._findings and codes is not None:
            if self._timer.isActive():
                self.update_states()
            return
        self._problems.clear()
        self._findings = findings
        self.update_states()

    def _stage_problems(self) -> list[int] | None:
        """Errors and warnings per row, each code counted again only when its findings changed."""
        source, doc = self._findings, self.document
        if source is None or isinstance(source, list) or doc is None:
            return None
        to_client = self._to_client
        problems = [0] * (STAGE_COUNT + 1)
        for code, severity in source.codes():
            if severity == "hint":
                continue
            counted = self._problems.get(code)
            if counted is None:
                counted = [0] * (STAGE_COUNT + 1)
                if code in _CODE_STAGE:
                    counted[_CODE_STAGE[code]] = source.count(code)
                else:
                    for f in getattr(source, "unordered", source.of_code)(code):
                        counted[stage_of(code, f.ids[0] if f.ids else None, to_client)] += 1
                self._problems[code] = counted
            problems = [a + b for a, b in zip(problems, counted, strict=True)]
        return problems

    def update_states(self) -> None:
        """Count again what the bound workshop holds, with the marks of the last findings."""
        self._timer.stop()
        if self.document is not None:
            self.refresh(self.document.model, self._findings)

    def refresh(self, workshop: m.Workshop, findings: Any) -> None:
        """Show what each stage holds now, and its mark (no marks while the findings are not known yet)."""
        problems = self._stage_problems() if findings is not None and findings is self._findings else None
        listed = findings if isinstance(findings, list) else []
        if workshop is not (self.document.model if self.document is not None else None):
            self._counted.clear()
        states = self.texts.states(workshop, listed, self.document, problems, self._counted)
        if findings is None:
            states = [StageState(s.counts, False, 0) for s in states]
        for row, state, old in zip(self.rows, states, self._states or [None] * len(states), strict=True):
            if state != old:
                row.show_state(state, self.texts)
        self._states = states
        self._fit()

    def clear_states(self) -> None:
        """Show no counts and no marks (no workshop is open)."""
        self._states = []
        for row in self.rows:
            row.counts.setText("")
            row.mark.setText("")

    def state(self, stage: int) -> StageState | None:
        """The state last shown for a stage."""
        return self._states[stage] if self._states else None

    def _fit(self) -> None:
        width = max(self.viewport().width(), 200)
        widest = 0
        for index, row in enumerate(self.rows):
            hint = row.sizeHint()
            widest = max(widest, hint.width())
            if row.hasHeightForWidth():  # a wrapped title: the list's width, as tall as its lines there
                hint = QSize(width, row.heightForWidth(width))
            self.item(index).setSizeHint(hint)
        self.setMinimumWidth(min(max(widest, 260), 340))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit()  # the titles wrap to the new width

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()  # laid out at last: the titles wrap to the width shown

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._states = []  # every row is shown again, its counts in the new language
            self.update_states()
        super().changeEvent(event)
