"""Names of edits for the undo menu and history, in the user's language, composed from the core's descriptions.

The undo adapter names a command `QCoreApplication.translate("edits", describe(edit))`; describe() gives plain
English ("Change segment name", "Delete team", "3 changes"). EditNames is a translator that answers for the
"edits" context by reading that description and composing the name from translated words, so the Russian
grammar (cases, word order) lives in the catalogue, not in code.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTranslator

# The kind as the object of a verb ("Add %1": добавить корневую ценность).
OBJECT_WORDS: dict[str, str] = {
    "value": QT_TRANSLATE_NOOP("edit_object", "root value"),
    "segment": QT_TRANSLATE_NOOP("edit_object", "client segment"),
    "pain": QT_TRANSLATE_NOOP("edit_object", "pain"),
    "proposition": QT_TRANSLATE_NOOP("edit_object", "value proposition"),
    "canvas": QT_TRANSLATE_NOOP("edit_object", "strategy canvas"),
    "team": QT_TRANSLATE_NOOP("edit_object", "team"),
    "link": QT_TRANSLATE_NOOP("edit_object", "structure link"),
    "promise": QT_TRANSLATE_NOOP("edit_object", "promise"),
    "experiment": QT_TRANSLATE_NOOP("edit_object", "experiment"),
    "factor": QT_TRANSLATE_NOOP("edit_object", "factor"),
    "curve": QT_TRANSLATE_NOOP("edit_object", "value curve"),
    "reading": QT_TRANSLATE_NOOP("edit_object", "reading"),
}
# The kind as the owner of a field ("Change %1 %2": изменить название сегмента).
OWNER_WORDS: dict[str, str] = {
    "value": QT_TRANSLATE_NOOP("edit_owner", "root value"),
    "segment": QT_TRANSLATE_NOOP("edit_owner", "segment"),
    "pain": QT_TRANSLATE_NOOP("edit_owner", "pain"),
    "proposition": QT_TRANSLATE_NOOP("edit_owner", "proposition"),
    "canvas": QT_TRANSLATE_NOOP("edit_owner", "canvas"),
    "team": QT_TRANSLATE_NOOP("edit_owner", "team"),
    "link": QT_TRANSLATE_NOOP("edit_owner", "link"),
    "promise": QT_TRANSLATE_NOOP("edit_owner", "promise"),
    "experiment": QT_TRANSLATE_NOOP("edit_owner", "experiment"),
    "factor": QT_TRANSLATE_NOOP("edit_owner", "factor"),
    "curve": QT_TRANSLATE_NOOP("edit_owner", "curve"),
    "reading": QT_TRANSLATE_NOOP("edit_owner", "reading"),
}
# Fields as the object of "change"; (kind, field) first, then the field alone.
FIELD_WORDS: dict[tuple[str, str] | str, str] = {
    ("promise", "from_"): QT_TRANSLATE_NOOP("edit_field", "promiser"),
    ("promise", "to"): QT_TRANSLATE_NOOP("edit_field", "promisee"),
    ("promise", "target"): QT_TRANSLATE_NOOP("edit_field", "target value"),
    ("link", "from_"): QT_TRANSLATE_NOOP("edit_field", "serving team"),
    ("link", "to"): QT_TRANSLATE_NOOP("edit_field", "served party"),
    "name": QT_TRANSLATE_NOOP("edit_field", "name"),
    "title": QT_TRANSLATE_NOOP("edit_field", "title"),
    "description": QT_TRANSLATE_NOOP("edit_field", "description"),
    "holder": QT_TRANSLATE_NOOP("edit_field", "holder"),
    "segment": QT_TRANSLATE_NOOP("edit_field", "segment"),
    "text": QT_TRANSLATE_NOOP("edit_field", "text"),
    "severity": QT_TRANSLATE_NOOP("edit_field", "severity"),
    "statement": QT_TRANSLATE_NOOP("edit_field", "statement"),
    "tagline": QT_TRANSLATE_NOOP("edit_field", "tagline"),
    "scale": QT_TRANSLATE_NOOP("edit_field", "scale"),
    "step": QT_TRANSLATE_NOOP("edit_field", "step"),
    "higher_is_costlier": QT_TRANSLATE_NOOP("edit_field", "price-like mark"),
    "errc": QT_TRANSLATE_NOOP("edit_field", "ERRC action"),
    "errc_note": QT_TRANSLATE_NOOP("edit_field", "ERRC note"),
    "kind": QT_TRANSLATE_NOOP("edit_field", "kind"),
    "color": QT_TRANSLATE_NOOP("edit_field", "colour"),
    "visible": QT_TRANSLATE_NOOP("edit_field", "visibility"),
    "reference": QT_TRANSLATE_NOOP("edit_field", "reference mark"),
    "purpose": QT_TRANSLATE_NOOP("edit_field", "purpose"),
    "lead": QT_TRANSLATE_NOOP("edit_field", "lead"),
    "members": QT_TRANSLATE_NOOP("edit_field", "members"),
    "indicator": QT_TRANSLATE_NOOP("edit_field", "success indicator"),
    "economics": QT_TRANSLATE_NOOP("edit_field", "economics"),
    "notes": QT_TRANSLATE_NOOP("edit_field", "notes"),
    "from_": QT_TRANSLATE_NOOP("edit_field", "source"),
    "to": QT_TRANSLATE_NOOP("edit_field", "target"),
    "value": QT_TRANSLATE_NOOP("edit_field", "root value"),
    "parent": QT_TRANSLATE_NOOP("edit_field", "parent promise"),
    "metric": QT_TRANSLATE_NOOP("edit_field", "metric"),
    "target": QT_TRANSLATE_NOOP("edit_field", "target"),
    "status": QT_TRANSLATE_NOOP("edit_field", "status"),
    "authorities": QT_TRANSLATE_NOOP("edit_field", "authorities"),
    "resources": QT_TRANSLATE_NOOP("edit_field", "resources"),
    "team": QT_TRANSLATE_NOOP("edit_field", "team"),
    "hypothesis": QT_TRANSLATE_NOOP("edit_field", "hypothesis"),
    "budget": QT_TRANSLATE_NOOP("edit_field", "budget"),
    "start": QT_TRANSLATE_NOOP("edit_field", "start date"),
    "end": QT_TRANSLATE_NOOP("edit_field", "end date"),
    "result": QT_TRANSLATE_NOOP("edit_field", "result"),
    "decision": QT_TRANSLATE_NOOP("edit_field", "decision"),
    "organization": QT_TRANSLATE_NOOP("edit_field", "organisation"),
    "facilitator": QT_TRANSLATE_NOOP("edit_field", "facilitator"),
    "date": QT_TRANSLATE_NOOP("edit_field", "date"),
    "language": QT_TRANSLATE_NOOP("edit_field", "language"),
    "evolutionary_goal": QT_TRANSLATE_NOOP("edit_field", "evolutionary goal"),
    "goal_rationale": QT_TRANSLATE_NOOP("edit_field", "goal rationale"),
    "extra": QT_TRANSLATE_NOOP("edit_field", "extensions"),
    "levels": QT_TRANSLATE_NOOP("edit_field", "levels"),
    "factors": QT_TRANSLATE_NOOP("edit_field", "factors"),
    "curves": QT_TRANSLATE_NOOP("edit_field", "curves"),
    "motivation": QT_TRANSLATE_NOOP("edit_field", "motivation"),
    "experiment_budget": QT_TRANSLATE_NOOP("edit_field", "experiment budget"),
    "price": QT_TRANSLATE_NOOP("edit_field", "internal price"),
    "co_promisers": QT_TRANSLATE_NOOP("edit_field", "joint promisers"),
    "alternatives": QT_TRANSLATE_NOOP("edit_field", "alternative promisers"),
    ("experiment", "promise"): QT_TRANSLATE_NOOP("edit_field", "promise served"),
    "learning": QT_TRANSLATE_NOOP("edit_field", "learning"),
    "of": QT_TRANSLATE_NOOP("edit_field", "measured object"),
    "period": QT_TRANSLATE_NOOP("edit_field", "period"),
    "met": QT_TRANSLATE_NOOP("edit_field", "met mark"),
    "note": QT_TRANSLATE_NOOP("edit_field", "note"),
}

# Fields whose word already names their owner: "Change promise parent" is named "Change parent promise", not
# «Изменить родительское обещание обещания».
OWNER_IN_FIELD: frozenset[tuple[str, str]] = frozenset({("promise", "parent"), ("promise", "from_"),
                                                         ("promise", "to")})

_VERBS = {
    "Add": QT_TRANSLATE_NOOP("edit_label", "Add %1"),
    "Delete": QT_TRANSLATE_NOOP("edit_label", "Delete %1"),
    "Reorder": QT_TRANSLATE_NOOP("edit_label", "Move %1"),
}
_CHANGE_FIELDS = QT_TRANSLATE_NOOP("edit_label", "Change %1")
_CHANGE_OWNER_FIELDS = QT_TRANSLATE_NOOP("edit_label", "Change %1 %2")
_FIXED = {
    "Set level": QT_TRANSLATE_NOOP("edit_label", "Set level"),
    "Move node": QT_TRANSLATE_NOOP("edit_label", "Move node"),
}
_VERB_RE = re.compile(r"(Add|Delete|Reorder) (\w+)")
_CHANGE_RE = re.compile(r"Change (\w+) (\w+(?:, \w+)*)")
_COUNT_RE = re.compile(r"(\d+) changes")


def _t(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)


class EditWords(QObject):
    """Names of edits with plural forms (lupdate finds plurals in tr() calls of a class)."""

    def changes(self, count: int) -> str:
        """The name of a batch of `count` edits."""
        return self.tr("%n change(s)", "", count)


def field_word(kind: str, name: str) -> str:
    """A field's name in the current language ("evolutionary goal"), as the object of "change"."""
    word = FIELD_WORDS.get((kind, name)) or FIELD_WORDS.get(name)
    return _t("edit_field", word) if word else name.strip("_").replace("_", " ")


def edit_name(description: str) -> str | None:
    """The translated name of an edit from its English description, or None when it is not one of describe()'s."""
    if description in _FIXED:
        return _t("edit_label", _FIXED[description])
    match = _VERB_RE.fullmatch(description)
    if match and match.group(2) in OBJECT_WORDS:
        return _t("edit_label", _VERBS[match.group(1)]).replace("%1", _t("edit_object", OBJECT_WORDS[match.group(2)]))
    match = _CHANGE_RE.fullmatch(description)
    if match and (match.group(1) in OWNER_WORDS or match.group(1) == "workshop"):
        kind = match.group(1)
        names = match.group(2).split(", ")
        fields = ", ".join(field_word(kind, name) for name in names)
        if kind == "workshop" or all((kind, name) in OWNER_IN_FIELD for name in names):
            return _t("edit_label", _CHANGE_FIELDS).replace("%1", fields)
        owner = _t("edit_owner", OWNER_WORDS[kind])
        return _t("edit_label", _CHANGE_OWNER_FIELDS).replace("%1", owner).replace("%2", fields)
    match = _COUNT_RE.fullmatch(description)
    if match:
        return EditWords().changes(int(match.group(1)))
    return None


class EditNames(QTranslator):
    """A translator for the "edits" context only: names the core's edit descriptions in the current language."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        if context != "edits":
            return None
        return edit_name(source)

    def isEmpty(self) -> bool:
        return False
