"""The methodology findings' messages in the user's language (FORMAT.md's templates, the "checks" context)."""

from __future__ import annotations

from typing import Any, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
}
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


class _Template(str):
    """A message template whose `format` also translates the enumerated words it is given."""

    def format(self, *args: Any, **fields: Any) -> str:  # type: ignore[override]
        for name, words in FIELD_WORDS.items():
            if name in fields and fields[name] in words:
                fields[name] = QCoreApplication.translate("checks", words[fields[name]])
        return str.format(self, *args, **fields)


def translated_templates() -> Mapping[str, str]:
    """The check templates in the current language, ready for run_checks(templates=...)."""
    found = {}
    for key, text in TEMPLATES.items():
        template = QCoreApplication.translate("checks", text)
        found[key] = _Template(template) if any(f"{{{name}}}" in template for name in FIELD_WORDS) else template
    return found
