"""The methodology findings' messages in the user's language (FORMAT.md's templates, the "checks" context)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from app.document import Document
    from app.model import Workshop

# FORMAT.md's templates in the "checks" context: the Russian catalogue words them for a board room.
TEMPLATES: dict[str, str] = {
    "promise-no-metric": QT_TRANSLATE_NOOP("checks", 'Promise "{promise}" from "{team}" has no metric'),
    "promise-unempowered": QT_TRANSLATE_NOOP(
        "checks", 'Promise "{promise}" from "{team}" is {status} but not granted: {missing}'),
    "promise-unempowered/none": QT_TRANSLATE_NOOP(
        "checks", 'Promise "{promise}" from "{team}" is {status} but lists no authorities or resources'),
    "promise-from-client": QT_TRANSLATE_NOOP(
        "checks", 'Promise "{promise}" is made by the client segment "{segment}"; a client never promises'),
    "team-no-client-promise": QT_TRANSLATE_NOOP(
        "checks", 'Client-facing team "{team}" makes no promise to any client segment'),
    "team-not-serving-client": QT_TRANSLATE_NOOP(
        "checks", 'Service team "{team}" has no chain of promises that reaches a client segment'),
    "team-no-indicator": QT_TRANSLATE_NOOP("checks", 'Team "{team}" has no success indicator'),
    "link-without-promise": QT_TRANSLATE_NOOP(
        "checks", '"{source}" serves "{target}" in the structure but has made it no promise yet'),
    "promise-without-link": QT_TRANSLATE_NOOP(
        "checks", 'Promise "{promise}" from "{source}" to "{target}" has no matching structure link'),
    "canvas-factor-count": QT_TRANSLATE_NOOP(
        "checks", 'Canvas "{canvas}" has {count} factors; a strategy canvas needs 6 to 12'),
    "errc-contradicts-curves": QT_TRANSLATE_NOOP(
        "checks", 'Factor "{factor}" on canvas "{canvas}" is marked {action}, but the to-be curve "{to_be}" is at '
                  '{to_be_level} and the reference curve "{reference}" at {reference_level} (scale minimum {minimum})'),
    "curve-unscored": QT_TRANSLATE_NOOP("checks", 'Curve "{curve}" on canvas "{canvas}" has no level for {missing}'),
    "no-evolutionary-goal": QT_TRANSLATE_NOOP("checks", "The workshop has no evolutionary goal"),
    # version 2
    "promise-chain-at-risk": QT_TRANSLATE_NOOP(
        "checks", 'Promise "{promise}" from "{team}" is {status} but rests on "{supporting}" from "{supporter}", '
                  "which has no metric"),
    "promise-chain-at-risk/draft": QT_TRANSLATE_NOOP(
        "checks", 'Promise "{promise}" from "{team}" is {status} but rests on "{supporting}" from "{supporter}", '
                  "which is still a draft"),
    "promise-chain-at-risk/negotiating": QT_TRANSLATE_NOOP(
        "checks", 'Promise "{promise}" from "{team}" is {status} but rests on "{supporting}" from "{supporter}", '
                  "which is still under negotiation"),
    "promise-chain-at-risk/broken": QT_TRANSLATE_NOOP(
        "checks", 'Promise "{promise}" from "{team}" is {status} but rests on "{supporting}" from "{supporter}", '
                  "which is broken"),
    "authority-is-approval": QT_TRANSLATE_NOOP(
        "checks", 'Promise "{promise}" from "{team}" lists an approval as an authority: {approvals}; an authority '
                  "is a right to act without approvals"),
    "promise-parent-mismatch": QT_TRANSLATE_NOOP(
        "checks", 'Promise "{promise}" supports "{parent}" from "{parent_team}" but is made to "{promisee}"; a '
                  "supporting promise is made to the team that gave the promise it supports"),
    "value-without-holder": QT_TRANSLATE_NOOP("checks", 'Root value "{value}" has no holder'),
    "holder-not-on-council": QT_TRANSLATE_NOOP(
        "checks", '"{holder}", the holder of root value "{value}", is neither the lead nor a member of the council '
                  "of managers"),
    "holder-not-on-council/no-council": QT_TRANSLATE_NOOP(
        "checks", '"{holder}", the holder of root value "{value}", sits on no council of managers: the workshop '
                  "has none yet"),
    "team-without-people": QT_TRANSLATE_NOOP("checks", 'Team "{team}" has neither a lead nor members'),
    "team-no-motivation": QT_TRANSLATE_NOOP("checks", 'Team "{team}" has economics but no motivation for its members'),
    "experiment-without-decision": QT_TRANSLATE_NOOP(
        "checks", 'Experiment "{experiment}" is done but has no decision: keep, drop or iterate'),
    "canvas-no-tagline": QT_TRANSLATE_NOOP(
        "checks", 'Canvas "{canvas}" has a to-be curve but no tagline: the strategy in one line'),
    "reading-not-met": QT_TRANSLATE_NOOP(
        "checks", 'Promise "{promise}" from "{team}" is {status} but its latest reading, {value} for {period}, '
                  "missed the target"),
    # this app's own check (docs/format-additions.md)
    "motivation-shares": QT_TRANSLATE_NOOP(
        "checks", 'Members\' shares of the bonus pool of team "{team}" add up to {total}, not 1'),
}
# Each code's human title: the header of its group in the checks panel (a code is never shown).
TITLES: dict[str, str] = {
    "promise-no-metric": QT_TRANSLATE_NOOP("checks", "Promises without a metric"),
    "promise-unempowered": QT_TRANSLATE_NOOP("checks", "Accepted promises without the authorities or resources"),
    "promise-from-client": QT_TRANSLATE_NOOP("checks", "Promises made by a client segment"),
    "team-no-client-promise": QT_TRANSLATE_NOOP("checks", "Client-facing teams that promise nothing to clients"),
    "team-not-serving-client": QT_TRANSLATE_NOOP("checks", "Service teams whose promises never reach a client"),
    "team-no-indicator": QT_TRANSLATE_NOOP("checks", "Teams without a success indicator"),
    "link-without-promise": QT_TRANSLATE_NOOP("checks", "Structure links without a promise"),
    "promise-without-link": QT_TRANSLATE_NOOP("checks", "Promises without a structure link"),
    "canvas-factor-count": QT_TRANSLATE_NOOP("checks", "Canvases with too few or too many factors"),
    "errc-contradicts-curves": QT_TRANSLATE_NOOP("checks", "ERRC actions the curves contradict"),
    "curve-unscored": QT_TRANSLATE_NOOP("checks", "Curves with unscored factors"),
    "no-evolutionary-goal": QT_TRANSLATE_NOOP("checks", "No evolutionary goal"),
    "promise-chain-at-risk": QT_TRANSLATE_NOOP(
        "checks", "Accepted promises resting on supporting promises not yet firm"),
    "authority-is-approval": QT_TRANSLATE_NOOP("checks", "Approvals listed as authorities"),
    "promise-parent-mismatch": QT_TRANSLATE_NOOP("checks", "Supporting promises made to someone else"),
    "value-without-holder": QT_TRANSLATE_NOOP("checks", "Root values without a holder"),
    "holder-not-on-council": QT_TRANSLATE_NOOP("checks", "Holders of root values off the council"),
    "team-without-people": QT_TRANSLATE_NOOP("checks", "Teams without a lead or members"),
    "team-no-motivation": QT_TRANSLATE_NOOP("checks", "Teams with economics but no motivation"),
    "experiment-without-decision": QT_TRANSLATE_NOOP("checks", "Finished experiments without a decision"),
    "canvas-no-tagline": QT_TRANSLATE_NOOP("checks", "Canvases without a tagline"),
    "reading-not-met": QT_TRANSLATE_NOOP("checks", "Promises whose latest reading missed the target"),
    "motivation-shares": QT_TRANSLATE_NOOP("checks", "Bonus pools whose members' shares do not add up to 1"),
}
OTHER_TITLE = QT_TRANSLATE_NOOP("checks", "Other findings")
# What a message says in place of an object that has no name (the core would name it by its id).
NO_NAME = QT_TRANSLATE_NOOP("checks", "(no name)")
NO_TEXT = QT_TRANSLATE_NOOP("checks", "(no text)")
# Words the core puts into messages as they are (a status, an ERRC action): translated before formatting.
FIELD_WORDS: dict[str, dict[str, str]] = {
    "status": {"accepted": QT_TRANSLATE_NOOP("checks", "accepted"), "kept": QT_TRANSLATE_NOOP("checks", "kept")},
    "action": {
        "eliminate": QT_TRANSLATE_NOOP("checks", "“eliminate”"),
        "reduce": QT_TRANSLATE_NOOP("checks", "“reduce”"),
        "raise": QT_TRANSLATE_NOOP("checks", "“raise”"),
        "create": QT_TRANSLATE_NOOP("checks", "“create”"),
    },
}
LIST_FIELDS = ("missing", "approvals")  # the core quotes each name of these lists "so" and joins them with ", "


def finding_title(code: str) -> str:
    """The human title of a finding's code in the current language ("Teams without a success indicator")."""
    return QCoreApplication.translate("checks", TITLES.get(code, OTHER_TITLE))


def unnamed_objects(workshop: Workshop) -> dict[str, str]:
    """The ids of the objects that have no name, each with the words a message shows instead of the id."""
    no_name, no_text = QCoreApplication.translate("checks", NO_NAME), QCoreApplication.translate("checks", NO_TEXT)
    found = {p.id: no_text for p in workshop.promises if not p.text.strip()}
    found.update((o.id, no_name) for o in (*workshop.segments, *workshop.teams, *workshop.values) if not o.name.strip())
    found.update((e.id, no_text) for e in workshop.experiments if not e.hypothesis.strip())
    for canvas in workshop.canvases:
        if not canvas.title.strip():
            found[canvas.id] = no_name
        found.update((o.id, no_name) for o in (*canvas.factors, *canvas.curves) if not o.name.strip())
    return found


class UnnamedOf(Mapping[str, str]):
    """`unnamed_objects` of a document, looked up one id at a time (a workshop of 30,000 promises is not walked)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.no_name = QCoreApplication.translate("checks", NO_NAME)
        self.no_text = QCoreApplication.translate("checks", NO_TEXT)

    def __getitem__(self, obj_id: str) -> str:
        obj, kind = self.document.find(obj_id), self.document.kind_of(obj_id)
        if kind == "promise" and not obj.text.strip():
            return self.no_text
        if kind == "experiment" and not obj.hypothesis.strip():
            return self.no_text
        if kind in ("segment", "team", "value", "factor", "curve") and not obj.name.strip():
            return self.no_name
        if kind == "canvas" and not obj.title.strip():
            return self.no_name
        raise KeyError(obj_id)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(unnamed_objects(self.document.model))

    def __len__(self) -> int:
        return len(unnamed_objects(self.document.model))


class _Template(str):
    """A message template whose `format` translates the enumerated words it is given, names an unnamed object in
    words instead of by its id, and quotes a list of names the way the template quotes a name."""

    unnamed: Mapping[str, str] = {}

    def format(self, *args: Any, **fields: Any) -> str:  # type: ignore[override]
        for name, words in FIELD_WORDS.items():
            if name in fields and fields[name] in words:
                fields[name] = QCoreApplication.translate("checks", words[fields[name]])
        for name, value in fields.items():
            if isinstance(value, str):
                fields[name] = self._names(value) if name in LIST_FIELDS else self.unnamed.get(value, value)
        return str.format(self, *args, **fields)

    def _names(self, value: str) -> str:
        """A list of quoted names, each unnamed one in words, quoted as the template quotes a name."""
        if not (len(value) > 1 and value.startswith('"') and value.endswith('"')):
            return value
        names = [self.unnamed.get(name, name) for name in value[1:-1].split('", "')]
        opening, closing = ("«", "»") if "«" in self else ('"', '"')  # a Russian sentence quotes «so»
        return ", ".join(f"{opening}{name}{closing}" for name in names)


def translated_templates(workshop: Workshop | None = None, document: Document | None = None) -> Mapping[str, str]:
    """The check templates in the current language, ready for run_checks(templates=...); given the workshop (or
    the document, looked up as needed), an object without a name is named in words ("(no name)"), never by its id."""
    unnamed: Mapping[str, str] = UnnamedOf(document) if document is not None else (
        unnamed_objects(workshop) if workshop is not None else {})
    found = {}
    for key, text in TEMPLATES.items():
        template = _Template(QCoreApplication.translate("checks", text))
        template.unnamed = unnamed
        found[key] = template
    return found
