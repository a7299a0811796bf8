"""Importing a promise table: sheet rows become one batch of edits, with every row it could not take reported.

Parties are found by name the way people type them (any case, е = ё, spaces). A promiser that does not exist
becomes a new team; a promisee is an existing segment, else an existing team, else a new team when the sheet
has it promising something (or the cell ends with «(команда)»), else a new client segment (or «(сегмент)»).
A root value that does not exist is created. A row whose promiser is a client segment, whose required cells
are empty or whose status is unknown is not taken; a parent that cannot be found is left out with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app import changes as c
from app import model as m
from app.document import Document
from app.edits import Batch, Edit, Insert, Update
from app.promise_sheet import (
    SheetRow,
    header_marker,
    normalize,
    parse_grants,
    parse_status,
    read_sheet,
    row_reference,
    strip_marker,
)

# Messages (English source text; the GUI translates the template, then fills in the fields).
EMPTY_CELL = "the cell «{column}» is empty"
UNKNOWN_STATUS = "unknown status «{status}» (черновик, обсуждается, принято, выполнено, нарушено, снято)"
CLIENT_PROMISES = "«{name}» is a client segment, and a client never promises"
SELF_PROMISE = "«{name}» cannot promise to itself"
SAME_NAME = "several teams are called «{name}»; the first one is used"
PARENT_MISSING = "the promise it supports («{parent}») was not found; imported without it"
PARENT_AMBIGUOUS = "several promises read «{parent}»; imported without the promise it supports"
PARENT_SKIPPED = "the promise it supports (row {parent_row}) was not imported; imported without it"
PARENT_CYCLE = "the promises it supports lead back to itself; imported without the promise it supports"
_COLUMN_NAMES = {"from": "Кто даёт", "to": "Кому", "text": "Обещание"}


@dataclass(frozen=True)
class RowProblem:
    """Something about one row of the sheet: its row number, a message template and the template's fields."""

    row: int
    template: str
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The English message with its fields filled in."""
        return self.template.format(**self.fields)

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


@dataclass
class ImportResult:
    """What an import would do: one batch (None when no row could be taken) and what it had to say."""

    batch: Batch | None
    taken: int = 0
    skipped: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    created_teams: list[str] = field(default_factory=list)
    created_segments: list[str] = field(default_factory=list)
    created_values: list[str] = field(default_factory=list)
    unknown_headers: list[str] = field(default_factory=list)


def import_sheet(doc: Document, path: str | Path) -> ImportResult:
    """Read a .xlsx or .csv promise table and build the batch that adds its promises (SheetError if unreadable)."""
    rows, unknown = read_sheet(path)
    result = import_rows(doc, rows)
    result.unknown_headers = unknown
    return result


def _by_name(objs: list[Any], attr: str = "name") -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for obj in objs:
        found.setdefault(normalize(getattr(obj, attr)), []).append(obj.id)
    return found


class _Importer:
    """One import: the indexes of what exists, what the sheet creates, and the rows taken so far."""

    def __init__(self, doc: Document, rows: list[SheetRow]) -> None:
        w = doc.model
        self.doc = doc
        self.rows = rows
        self.teams = _by_name(w.teams)
        self.segments = _by_name(w.segments)
        self.values = _by_name(w.values)
        self.existing_texts = _by_name(w.promises, "text")
        self.new_teams: dict[str, m.Team] = {}
        self.new_segments: dict[str, m.Segment] = {}
        self.new_values: dict[str, m.Value] = {}
        self.promisers = {normalize(strip_marker(r.cells.get("from", ""))) for r in rows}
        self.result = ImportResult(None)
        self.taken: list[tuple[SheetRow, m.Promise]] = []

    # -- parties
    def _team(self, name: str, row: int, creating: dict[str, Any]) -> str:
        key = normalize(name)
        if key in self.teams:
            ids = self.teams[key]
            if len(ids) > 1:
                self.result.warnings.append(RowProblem(row, SAME_NAME, {"name": name}))
            return ids[0]
        team = self.new_teams.get(key) or creating.get(key)
        if team is None:
            team = creating[key] = m.Team(c.new_id(), name)
        return team.id

    def _segment(self, name: str, creating: dict[str, Any]) -> str:
        key = normalize(name)
        if key in self.segments:
            return self.segments[key][0]
        segment = self.new_segments.get(key) or creating.get(key)
        if segment is None:
            segment = creating[key] = m.Segment(c.new_id(), name)
        return segment.id

    def _promisee(self, cell: str, row: int, teams: dict[str, Any], segments: dict[str, Any]) -> str:
        marker, name = header_marker(cell), strip_marker(cell)
        key = normalize(name)
        if marker == "team":
            return self._team(name, row, teams)
        if marker == "segment" or key in self.segments or key in self.new_segments:
            return self._segment(name, segments)
        if key in self.teams or key in self.new_teams or key in self.promisers:
            return self._team(name, row, teams)
        return self._segment(name, segments)

    # -- rows
    def take(self, row: SheetRow) -> None:
        cells = {k: v.strip() for k, v in row.cells.items()}
        for key in ("from", "to", "text"):
            if not cells.get(key):
                self.result.skipped.append(RowProblem(row.number, EMPTY_CELL, {"column": _COLUMN_NAMES[key]}))
                return
        status = parse_status(cells.get("status", ""))
        if status is None:
            self.result.skipped.append(RowProblem(row.number, UNKNOWN_STATUS, {"status": cells["status"]}))
            return
        from_name = strip_marker(cells["from"])
        key = normalize(from_name)
        marker = header_marker(cells["from"])
        if marker == "segment" or (
            marker is None and key not in self.teams and key not in self.new_teams and key in self.segments
        ):
            self.result.skipped.append(RowProblem(row.number, CLIENT_PROMISES, {"name": from_name}))
            return
        teams: dict[str, m.Team] = {}
        segments: dict[str, m.Segment] = {}
        warnings_before = len(self.result.warnings)
        promiser = self._team(from_name, row.number, teams)
        promisee = self._promisee(cells["to"], row.number, teams, segments)
        if promiser == promisee:
            del self.result.warnings[warnings_before:]
            self.result.skipped.append(RowProblem(row.number, SELF_PROMISE, {"name": from_name}))
            return
        self.new_teams.update(teams)
        self.new_segments.update(segments)
        value = None
        if cells.get("value"):
            vkey = normalize(cells["value"])
            if vkey in self.values:
                value = self.values[vkey][0]
            else:
                if vkey not in self.new_values:
                    self.new_values[vkey] = m.Value(c.new_id(), cells["value"])
                value = self.new_values[vkey].id
        promise = m.Promise(
            c.new_id(), promiser, promisee, cells["text"], value, None, cells.get("metric", ""),
            cells.get("target", ""), status, parse_grants(row.cells.get("authorities", "")),
            parse_grants(row.cells.get("resources", "")), row.cells.get("notes", "").strip(),
        )
        self.taken.append((row, promise))

    # -- parents
    def parents(self) -> dict[str, str]:
        """Promise id → parent id for every taken row whose «Поддерживает» could be resolved."""
        by_row = {row.number: p.id for row, p in self.taken}
        all_rows = {row.number for row in self.rows}
        texts: dict[str, list[str]] = {}
        for _row, p in self.taken:
            texts.setdefault(normalize(p.text), []).append(p.id)
        found: dict[str, str] = {}
        for row, p in self.taken:
            cell = row.cells.get("parent", "").strip()
            if not cell:
                continue
            ref = row_reference(cell)
            if ref is not None:
                if ref in by_row and by_row[ref] != p.id:
                    found[p.id] = by_row[ref]
                elif ref in all_rows and ref not in by_row:
                    self.result.warnings.append(RowProblem(row.number, PARENT_SKIPPED, {"parent_row": ref}))
                else:
                    self.result.warnings.append(RowProblem(row.number, PARENT_MISSING, {"parent": cell}))
                continue
            key = normalize(cell)
            candidates = [i for i in texts.get(key, []) if i != p.id] or self.existing_texts.get(key, [])
            if len(candidates) == 1:
                found[p.id] = candidates[0]
            else:
                template = PARENT_AMBIGUOUS if candidates else PARENT_MISSING
                self.result.warnings.append(RowProblem(row.number, template, {"parent": cell}))
        rows_of = {p.id: row.number for row, p in self.taken}
        for pid in list(found):
            seen, current = {pid}, found.get(pid)
            while current is not None and current in found:
                if current in seen:
                    self.result.warnings.append(RowProblem(rows_of[pid], PARENT_CYCLE))
                    del found[pid]
                    break
                seen.add(current)
                current = found.get(current)
        return found

    # -- the batch
    def batch(self) -> Batch | None:
        if not self.taken:
            return None
        parents = self.parents()
        to_segment = {p.from_ for _r, p in self.taken if p.to in self._segment_ids()}
        edits: list[Edit] = []
        for kind, objs in (("value", self.new_values), ("segment", self.new_segments), ("team", self.new_teams)):
            start = len(self.doc.model.collection(kind))
            for i, obj in enumerate(objs.values()):
                if isinstance(obj, m.Team):
                    obj = m.Team(obj.id, obj.name, _team_kind(obj, obj.id in to_segment))
                edits.append(Insert(kind, obj, start + i))
        start = len(self.doc.model.promises)
        inserted: set[str] = set()
        later: list[Update] = []
        for i, (_row, p) in enumerate(self.taken):
            parent = parents.get(p.id)
            if parent is not None and (parent in inserted or self.doc.find(parent) is not None):
                p = replace(p, parent=parent)
            elif parent is not None:
                later.append(Update("promise", p.id, {"parent": (None, parent)}))
            edits.append(Insert("promise", p, start + i))
            inserted.add(p.id)
        r = self.result
        r.taken = len(self.taken)
        r.created_teams = [t.name for t in self.new_teams.values()]
        r.created_segments = [s.name for s in self.new_segments.values()]
        r.created_values = [v.name for v in self.new_values.values()]
        return Batch((*edits, *later), "Import promises")

    def _segment_ids(self) -> set[str]:
        return {s.id for s in self.doc.model.segments} | {s.id for s in self.new_segments.values()}


def _team_kind(team: m.Team, promises_to_client: bool) -> str:
    """The kind of a team the import creates: the council by name, client-facing when it promises to a client."""
    if normalize(team.name).startswith(("совет", "council")):
        return "council"
    return "client_facing" if promises_to_client else "service"


def import_rows(doc: Document, rows: list[SheetRow]) -> ImportResult:
    """Build the batch that adds the promises of `rows` to the document (nothing is applied here)."""
    importer = _Importer(doc, rows)
    for row in rows:
        importer.take(row)
    batch = importer.batch()
    importer.result.batch = batch
    importer.result.skipped.sort(key=lambda p: p.row)
    importer.result.warnings.sort(key=lambda p: p.row)
    return importer.result
