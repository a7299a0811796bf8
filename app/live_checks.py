"""The methodology findings kept up to date edit by edit: only what the changed objects can affect is checked again.

`LiveChecks(document)` checks the whole workshop once, then `update(changes)` after each applied edit checks again
the subjects (promises, teams, links, canvases, the workshop) that the edit's objects can affect, as each rule's
scope declares (app.check_rules). A code without a rule (a new check not yet written as one) is run whole when its
declared kinds change, or after every edit when it declares none: slower, never wrong. `findings()` is in the
order of `app.checks.run_checks`, which stays the reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

from app import checks
from app.changed import WORKSHOP, Changes
from app.check_rules import RULES, Context, Fields, Rule, Scope
from app.edits import Delete, Insert, Update, leaves

if TYPE_CHECKING:
    from app.checks import Finding
    from app.document import Document

WHOLE_SCOPES: dict[str, Mapping[str, Fields]] = {}
"""For a code without a rule: the kinds (and fields) whose change makes it run again (none declared: any change)."""


@dataclass
class FindingsUpdate:
    """What one update changed: the codes whose findings differ, the findings gone and the findings new."""

    codes: set[str] = field(default_factory=set)
    removed: list[Finding] = field(default_factory=list)
    added: list[Finding] = field(default_factory=list)
    everything: bool = False


class LiveChecks:
    """The findings of one document, by code and subject, with an index by every id they name."""

    def __init__(self, document: Document, templates: Mapping[str, str] | None = None) -> None:
        self.document = document
        self.context = Context(document, templates)
        self.rules: dict[str, Rule] = {rule.code: rule for rule in RULES if rule.code in checks.CHECKS}
        self._by_subject: dict[str, dict[str, tuple[Finding, ...]]] = {}  # code -> subject id -> findings
        self._whole: dict[str, list[Finding]] = {}  # codes without a rule: their findings in order
        self._ordered: dict[str, list[Finding]] = {}  # code -> its findings in order (made when asked)
        self._by_id: dict[str, dict[Finding, None]] = {}
        self._counts: dict[str, int] = {}
        self.rebuild()

    # ------------------------------------------------------------------ asking
    def findings(self) -> list[Finding]:
        """Every finding, in the order of `run_checks`: by code as in FORMAT.md's table, then in model order."""
        return [f for code in checks.CODES for f in self.of_code(code)]

    def of_code(self, code: str) -> list[Finding]:
        """The findings of one code, in model order of their subjects."""
        if code in self._whole:
            return self._whole[code]
        found = self._ordered.get(code)
        if found is None:
            found = self._ordered[code] = self._in_order(code)
        return found

    def unordered(self, code: str) -> Iterator[Finding]:
        """The findings of one code in no particular order (no sorting: for counting)."""
        if code in self._whole:
            return iter(self._whole[code])
        return (f for found in self._by_subject.get(code, {}).values() for f in found)

    def count(self, code: str) -> int:
        """How many findings a code has now."""
        return self._counts.get(code, 0)

    def codes(self) -> list[tuple[str, str]]:
        """(code, severity) of every code that has findings now, in the checks' order."""
        return [(code, checks.CHECKS[code]) for code in checks.CODES if self._counts.get(code)]

    def findings_of(self, obj_id: str) -> list[Finding]:
        """The findings that name `obj_id` (in no particular order)."""
        return list(self._by_id.get(obj_id, ()))

    # -------------------------------------------------------------- following
    def set_templates(self, templates: Mapping[str, str] | None) -> FindingsUpdate:
        """Word the findings with other templates (another language): every finding is made again."""
        self.context.templates = templates or checks.TEMPLATES
        return self.rebuild()

    def rebuild(self) -> FindingsUpdate:
        """Check the whole workshop again."""
        removed = [f for found in self._by_id.values() for f in found]
        self._by_subject.clear()
        self._whole.clear()
        self._ordered.clear()
        self._by_id.clear()
        self._counts.clear()
        self.context.forget()
        by_code: dict[str, list[Finding]] = {}
        for f in checks.run_checks(self.document.model, self.context.templates):  # the reference, in one pass
            by_code.setdefault(f.code, []).append(f)
        for code in checks.CODES:
            rule = self.rules.get(code)
            found = by_code.get(code, [])
            if rule is None:
                self._whole[code] = found
            else:
                by_subject = self._by_subject[code] = {}
                at = rule.scope.subject_at
                for f in found:
                    subject = f.ids[at] if rule.scope.subject != WORKSHOP else ""
                    by_subject[subject] = (*by_subject.get(subject, ()), f)
            self._index(found)
            self._counts[code] = len(found)
        added = [f for found in self._by_id.values() for f in found]
        return FindingsUpdate(set(checks.CODES), list(dict.fromkeys(removed)), list(dict.fromkeys(added)),
                              everything=True)

    def update(self, changes: Changes) -> FindingsUpdate:
        """Follow one applied edit: check again what it can affect; returns what changed."""
        if changes.everything:
            return self.rebuild()
        touched = _Touched(self.document, changes)
        if any(touched.matches(rule.scope.whole) for rule in self.rules.values()):
            self.context.forget()
        result = FindingsUpdate()
        for code in checks.CODES:
            rule = self.rules.get(code)
            if rule is None:
                if touched.matches(WHOLE_SCOPES.get(code)):
                    before = self._whole.get(code, [])
                    self._run_whole(code)
                    if self._whole[code] != before:
                        result.codes.add(code)
                        self._diff(result, before, self._whole[code])
                continue
            subjects = touched.subjects(rule.scope, self.context)
            if subjects:
                removed, added = self._recheck(code, rule, subjects)
                if removed != added:
                    result.codes.add(code)
                    result.removed += removed
                    result.added += added
            if changes.moved.get(rule.scope.subject) and self.count(code):
                self._ordered.pop(code, None)  # the subjects moved: their findings' order changes
                result.codes.add(code)
        return result

    # ------------------------------------------------------------------ inside
    def _subjects(self, kind: str) -> Iterable[str]:
        if kind == WORKSHOP:
            return ("",)
        if kind in ("factor", "curve"):
            return [child.id for canvas in self.document.model.canvases for child in getattr(canvas, kind + "s")]
        return [obj.id for obj in self.document.model.collection(kind)]

    def _recheck(self, code: str, rule: Rule, subjects: Iterable[str]) -> tuple[list[Finding], list[Finding]]:
        """Check `subjects` again for `code`; returns the findings removed and added (equal when none changed)."""
        by_subject = self._by_subject.setdefault(code, {})
        removed: list[Finding] = []
        added: list[Finding] = []
        for subject in subjects:
            old = by_subject.pop(subject, ())
            obj = self.document.model.info if subject == "" else self.document.find(subject)
            new = tuple(rule.check(self.context, obj)) if obj is not None else ()
            if new:
                by_subject[subject] = new
            if old != new:
                removed += old
                added += new
                self._unindex(old)
                self._index(new)
        if removed or added:
            self._ordered.pop(code, None)
            self._counts[code] = self._counts.get(code, 0) + len(added) - len(removed)
        return removed, added

    def _run_whole(self, code: str) -> None:
        old = self._whole.get(code, [])
        new = checks.run_checks(self.document.model, self.context.templates, codes=(code,))
        self._unindex(old)
        self._index(new)
        self._whole[code] = new
        self._counts[code] = len(new)

    @staticmethod
    def _diff(result: FindingsUpdate, before: list[Finding], after: list[Finding]) -> None:
        old, new = set(before), set(after)
        result.removed += [f for f in before if f not in new]
        result.added += [f for f in after if f not in old]

    def _in_order(self, code: str) -> list[Finding]:
        by_subject = self._by_subject.get(code, {})
        if not by_subject:
            return []
        kind = self.rules[code].scope.subject
        if kind == WORKSHOP:
            return list(by_subject.get("", ()))
        if 4 * len(by_subject) < len(self.document.model.collection(kind)):  # few: sort them by their place
            subjects = sorted(by_subject, key=self.document.index_of)
        else:
            subjects = [s for s in self._subjects(kind) if s in by_subject]
        return [f for s in subjects for f in by_subject[s]]

    def _index(self, found: Iterable[Finding]) -> None:
        for f in found:
            for obj_id in dict.fromkeys(f.ids):
                self._by_id.setdefault(obj_id, {})[f] = None

    def _unindex(self, found: Iterable[Finding]) -> None:
        for f in found:
            for obj_id in dict.fromkeys(f.ids):
                named = self._by_id.get(obj_id)
                if named is not None:
                    named.pop(f, None)
                    if not named:
                        del self._by_id[obj_id]


class _Touched:
    """What an edit touched, as a rule's scope asks it: which kinds and fields, and which objects around them."""

    def __init__(self, document: Document, changes: Changes) -> None:
        self.document = document
        self.changes = changes
        self.gone: dict[str, tuple[str, Any]] = {}  # deleted id -> (kind, the object as it was)
        self.old_values: dict[str, dict[str, Any]] = {}  # updated id -> field -> value before the edit
        self.new_objects: dict[str, Any] = {}
        for leaf in leaves(changes.edit) if changes.edit is not None else ():
            if isinstance(leaf, Delete):
                self.gone.setdefault(leaf.id, (leaf.kind, leaf.obj))
            elif isinstance(leaf, Insert):
                self.new_objects[leaf.id] = leaf.obj
            elif isinstance(leaf, Update):
                olds = self.old_values.setdefault(leaf.id, {})
                for name, (old, _new) in leaf.changes.items():
                    olds.setdefault(name, old)

    def _kinds(self) -> Iterator[tuple[str, frozenset[str] | None, Iterable[str]]]:
        """(kind, fields updated or None for inserted/deleted, ids) for every change of the edit."""
        c = self.changes
        for kind, ids in (*c.inserted.items(), *c.deleted.items(), *c.moved.items()):
            yield kind, None, ids
        for kind, by_id in c.updated.items():
            for obj_id, fields in by_id.items():
                yield kind, fields, (obj_id,)
        if c.levels:
            yield "level", None, {curve for curve, _factor in c.levels}

    def matches(self, reads: Mapping[str, Fields] | None) -> bool:
        """Whether the edit changed any of `reads` (None: anything at all)."""
        if reads is None:
            return bool(self.changes.kinds() - {"position"})
        return any(kind in reads and _reads(reads[kind], fields) for kind, fields, _ids in self._kinds())

    def subjects(self, scope: Scope, context: Context) -> set[str]:
        """The subjects of `scope` whose findings the edit can change."""
        if self.matches(scope.whole):
            changed = context.changed_in(scope.derived) if scope.derived else None
            if changed is None:
                return set(self._all(scope.subject))
            joined_or_left = {i for i in changed if self.document.kind_of(i) == scope.subject}
            return joined_or_left | self._near(scope)
        return self._near(scope)

    def _near(self, scope: Scope) -> set[str]:
        """The subjects the changed objects can affect through their references (or the workshop itself)."""
        if scope.subject == WORKSHOP:
            return {""} if self.matches(scope.reads) else set()
        reads = {**scope.reads, scope.subject: scope.reads.get(scope.subject, frozenset())}  # its own come and go
        # The changed objects, and what their changed references pointed to before and after: everything that
        # refers to either may be judged differently now (a link whose team gained a promise). What a changed object
        # refers to and did not stop referring to is itself a subject at most (a promise whose reading changed).
        touched: set[str] = set()
        referred: set[str] = set()
        for kind, fields, ids in self._kinds():
            if kind not in reads or not _reads(reads[kind], fields):
                continue
            for obj_id in ids:
                touched.add(obj_id)
                touched.update(self._referents(kind, obj_id, fields, now=False))
                referred.update(self._referents(kind, obj_id, frozenset()))
                parent = self.changes.parents.get(obj_id)
                if parent is not None:
                    touched.add(parent)
        doc = self.document
        found = {obj_id for obj_id in referred if doc.kind_of(obj_id) == scope.subject}
        for obj_id in touched:
            obj_kind = doc.kind_of(obj_id) or (self.gone[obj_id][0] if obj_id in self.gone else None)
            if obj_kind == scope.subject:
                found.add(obj_id)
            for ref_kind, ref_id, _name in doc.references.referrers(obj_id):
                if ref_kind == scope.subject:
                    found.add(ref_id)
        for name in scope.further:  # one step more: those that refer to the subjects found
            found.update(ref for obj_id in list(found) for ref in doc.references.referring(obj_id, scope.subject, name))
        return found

    def _all(self, kind: str) -> list[str]:
        if kind == WORKSHOP:
            return [""]
        gone = [obj_id for obj_id, (k, _obj) in self.gone.items() if k == kind]
        return [obj.id for obj in self.document.model.collection(kind)] + gone

    def _referents(self, kind: str, obj_id: str, fields: frozenset[str] | None, now: bool = True) -> Iterator[str]:
        """The ids an object refers to through the fields that changed (all of them when it came or went: `fields`
        None), before and after the edit; with `now`, also what it refers to now through any field."""
        obj = self.document.find(obj_id)
        was = self.gone.get(obj_id, (None, None))[1]
        olds = self.old_values.get(obj_id, {})
        for name in self.document.references.fields.get(kind, ()):
            changed = fields is None or name in fields
            values = [getattr(obj, name, None)] if now or changed else []
            if changed:
                values += [getattr(was, name, None), olds.get(name)]
            for value in values:
                if isinstance(value, str) and value:
                    yield value
                elif isinstance(value, tuple):
                    yield from (v for v in value if isinstance(v, str))


def _reads(wanted: Fields, fields: frozenset[str] | None) -> bool:
    """Whether a change of `fields` (None: inserted or deleted) is one a scope's `wanted` fields read."""
    return fields is None or wanted is None or not wanted.isdisjoint(fields)
