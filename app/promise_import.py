"""Importing a promise table: sheet rows become one batch of edits, with every row it could not take reported.

Parties are found by name the way people type them (any case, е = ё, spaces). A promiser that does not exist
becomes a new team; a promisee is an existing segment, else an existing team, else a new team when the sheet
has it promising something (or the cell ends with «(команда)»), else a new client segment (or «(сегмент)»).
A root value that does not exist is created. A row may name co-promisers (key "co", one team per line: a
joint promise, as the practitioners' tree layout of app.promise_tree_sheet writes «Урегулирование, Финансы») and
alternative promisers (key "alternatives", one team per line); teams it names there are created as well.
A row whose promiser is a client segment, whose required cells are empty or whose status is unknown is not
taken; a parent that cannot be found is left out with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from app import changes as c
from app import model as m
from app.document import Document
from app.edits import Batch, Edit, Insert, SetPosition, Update
from app.layout_graph import Size
from app.layout_missing import place_missing
from app.promise_sheet import (
    COLUMNS,
    STATUS_NAMES,
    Columns,
    SheetRow,
    SheetTable,
    header_marker,
    normalize,
    parse_grants,
    parse_status,
    row_reference,
    strip_marker,
)
from app.promise_tree_sheet import read_promise_table

# What a row can have wrong: a code, and the message in English (the CLI's words; the GUI translates by code).
MESSAGES: dict[str, str] = {
    "empty-cell": "the cell «{column}» is empty",
    "unknown-status": "unknown status «{status}» ({statuses})",
    "client-promises": "«{name}» is a client segment, and a client never promises",
    "self-promise": "«{name}» cannot promise to itself",
    "same-name": "several teams are called «{name}»; the first one is used",
    "parent-missing": "the promise it supports («{parent}») was not found; imported without it",
    "parent-ambiguous": "several promises read «{parent}»; imported without the promise it supports",
    "parent-skipped": "the promise it supports (row {parent_row}) was not imported; imported without it",
    "parent-cycle": "the promises it supports lead back to itself; imported without the promise it supports",
}
STATUS_LIST = ", ".join(STATUS_NAMES.values())


@dataclass(frozen=True)
class RowProblem:
    """Something about one row of the sheet: its row number, a code of MESSAGES and the message's fields."""

    row: int
    code: str
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def template(self) -> str:
        """The English message template of the code."""
        return MESSAGES[self.code]

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
    """Read a .xlsx or .csv promise table (flat, or the practitioners' tree workbook) and build the batch that adds
    its promises (SheetError if unreadable)."""
    return import_table(doc, read_promise_table(path))


def import_table(doc: Document, table: SheetTable, columns: Columns | None = None,
                 sizes: Mapping[str, Size] | None = None) -> ImportResult:
    """The batch that adds the promises of a table read with `columns` (its guessed columns by default).

    `sizes` (node id → width, height) are the nodes' sizes on screen, for placing the new parties."""
    result = import_rows(doc, table.rows(columns), table.header_names(columns), sizes)
    result.unknown_headers = table.unknown(columns)
    return result


def _by_name(objs: list[Any], attr: str = "name") -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for obj in objs:
        found.setdefault(normalize(getattr(obj, attr)), []).append(obj.id)
    return found


class _Importer:
    """One import: the indexes of what exists, what the sheet creates, and the rows taken so far."""

    def __init__(self, doc: Document, rows: list[SheetRow], headers: Mapping[str, str]) -> None:
        w = doc.model
        self.doc = doc
        self.rows = rows
        self.headers = {**{c.key: c.header for c in COLUMNS}, **headers}
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
                self.result.warnings.append(RowProblem(row, "same-name", {"name": name}))
            return ids[0]
        team = self.new_teams.get(key) or creating.get(key)
        if team is None:
            team = creating[key] = m.Team(c.new_id(), name)
        return team.id

    def _teams(self, cell: str, row: int, creating: dict[str, Any], promiser: str) -> tuple[str, ...]:
        """The teams of a cell, one a line (created by name when new), without the promiser itself."""
        names = [strip_marker(n) for n in cell.split("\n") if n.strip()]
        return tuple(dict.fromkeys(t for t in (self._team(n, row, creating) for n in names) if t != promiser))

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
                self.result.skipped.append(RowProblem(row.number, "empty-cell", {"column": self.headers[key]}))
                return
        status = parse_status(cells.get("status", ""))
        if status is None:
            fields = {"status": cells["status"], "statuses": STATUS_LIST}
            self.result.skipped.append(RowProblem(row.number, "unknown-status", fields))
            return
        from_name = strip_marker(cells["from"])
        key = normalize(from_name)
        marker = header_marker(cells["from"])
        if marker == "segment" or (
            marker is None and key not in self.teams and key not in self.new_teams and key in self.segments
        ):
            self.result.skipped.append(RowProblem(row.number, "client-promises", {"name": from_name}))
            return
        teams: dict[str, m.Team] = {}
        segments: dict[str, m.Segment] = {}
        warnings_before = len(self.result.warnings)
        promiser = self._team(from_name, row.number, teams)
        promisee = self._promisee(cells["to"], row.number, teams, segments)
        if promiser == promisee:
            del self.result.warnings[warnings_before:]
            self.result.skipped.append(RowProblem(row.number, "self-promise", {"name": from_name}))
            return
        co, alternatives = (self._teams(row.cells.get(key, ""), row.number, teams, promiser)
                            for key in ("co", "alternatives"))
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
            parse_grants(row.cells.get("resources", "")), row.cells.get("notes", "").strip(), co_promisers=co,
            alternatives=alternatives,
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
                    self.result.warnings.append(RowProblem(row.number, "parent-skipped", {"parent_row": ref}))
                else:
                    self.result.warnings.append(RowProblem(row.number, "parent-missing", {"parent": cell}))
                continue
            key = normalize(cell)
            candidates = [i for i in texts.get(key, []) if i != p.id] or self.existing_texts.get(key, [])
            if len(candidates) == 1:
                found[p.id] = candidates[0]
            else:
                code = "parent-ambiguous" if candidates else "parent-missing"
                self.result.warnings.append(RowProblem(row.number, code, {"parent": cell}))
        rows_of = {p.id: row.number for row, p in self.taken}
        for pid in list(found):
            seen, current = {pid}, found.get(pid)
            while current is not None and current in found:
                if current in seen:
                    self.result.warnings.append(RowProblem(rows_of[pid], "parent-cycle"))
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


def import_rows(doc: Document, rows: list[SheetRow], headers: Mapping[str, str] | None = None,
                sizes: Mapping[str, Size] | None = None) -> ImportResult:
    """Build the batch that adds the promises of `rows` to the document (nothing is applied here).

    `headers` name the columns in messages as the sheet writes them (column key → header; COLUMNS' by default).
    """
    importer = _Importer(doc, rows, headers or {})
    for row in rows:
        importer.take(row)
    batch = importer.batch()
    if batch is not None:
        batch = Batch((*batch.edits, *placements(doc, batch, sizes)), batch.label)
    importer.result.batch = batch
    importer.result.skipped.sort(key=lambda p: p.row)
    importer.result.warnings.sort(key=lambda p: p.row)
    return importer.result


def placements(doc: Document, batch: Batch, sizes: Mapping[str, Size] | None = None) -> list[SetPosition]:
    """Where the parties a batch creates stand on the diagrams: near the parties they promise to and from.

    On the structure a new party's promises count as its links, so place_missing puts it beside its partners,
    never in a corner. A structure with nothing stored yet gets every party where it is shown now (as the
    editors store them on the first gesture); the promise map without its own positions follows the structure.
    """
    from app.layout import diagram_positions

    new = {e.obj.id: e.obj for e in batch.edits if isinstance(e, Insert) and e.kind in ("team", "segment")}
    promises = [e.obj for e in batch.edits if isinstance(e, Insert) and e.kind == "promise"]
    if not new:
        return []
    w = doc.model
    after = replace(
        w, teams=[*w.teams, *(o for o in new.values() if isinstance(o, m.Team))],
        segments=[*w.segments, *(o for o in new.values() if isinstance(o, m.Segment))],
        promises=[*w.promises, *promises])
    partners = [m.Link(f"import-{p.id}", p.from_, p.to) for p in promises if p.from_ in new or p.to in new]
    edits: list[SetPosition] = []
    for diagram in ("structure", "promises"):
        stored = w.layouts.get(diagram, {})
        if diagram == "promises" and not stored:
            continue
        shown = diagram_positions(w, diagram, sizes) if w.teams or w.segments else {}
        links = [*w.links, *partners] if diagram == "structure" else w.links
        if not shown:
            continue  # nothing drawn yet: the automatic layout places everything
        found = {**shown, **place_missing(replace(after, links=links, layouts={**w.layouts, diagram: shown}),
                                          diagram, sizes)}
        provisional = [n for n in shown if n not in stored] if diagram == "structure" else []
        wanted = [*provisional, *new]  # the promise map's editor stores its own shown ones (its first gesture)
        edits += [SetPosition(diagram, n, None, found[n]) for n in wanted if n in found]
    return edits
