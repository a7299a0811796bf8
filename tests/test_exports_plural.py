"""Counts in the exports' words agree with their nouns (1 замечание, 2 замечания, 5 замечаний; 21, 22, 11–14)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from app import model as m
from app.checks import run_checks
from exports import export_pdf
from exports.economics_words import say
from exports.i18n import Words
from tests.exports_support import pdftotext, sample

FINDINGS = {
    0: "замечаний", 1: "замечание", 2: "замечания", 3: "замечания", 4: "замечания", 5: "замечаний",
    10: "замечаний", 11: "замечаний", 12: "замечаний", 14: "замечаний", 20: "замечаний", 21: "замечание",
    22: "замечания", 24: "замечания", 25: "замечаний", 100: "замечаний", 101: "замечание", 111: "замечаний",
    112: "замечаний", 121: "замечание", 1001: "замечание", 1_000_000: "замечаний",
}


@pytest.mark.parametrize(("count", "noun"), FINDINGS.items())
def test_russian_counts_agree_with_the_noun(count: int, noun: str) -> None:
    words = Words("ru")
    assert words("more_findings", n=words.number(count)) == f"…и ещё {words.number(count)} {noun} этого вида"


@pytest.mark.parametrize(("count", "teams", "promises"), [
    (1, "команда", "обещание"), (3, "команды", "обещания"), (11, "команд", "обещаний"),
    (21, "команда", "обещание"), (1234, "команды", "обещания"), (3000, "команд", "обещаний"),
])
def test_the_summary_note_counts_teams_and_promises(count: int, teams: str, promises: str) -> None:
    words = Words("ru")
    n = words.number(count)
    assert words("summary_note", teams=n, promises=n).startswith(f"Сводка: {n} {teams} и {n} {promises}.")


def test_fractions_take_the_genitive_singular_and_english_counts_one_or_many() -> None:
    ru, en = Words("ru"), Words("en")
    assert ru.plural("2,5", "команда|команды|команд") == "команды"
    assert [en.plural(en.number(n), "team|teams") for n in (1, 2, 21, 1001)] == ["team", "teams", "teams", "teams"]
    assert en("summary_note", teams="1", promises="1,001").startswith("Summary: 1 team and 1,001 promises.")


def test_economics_words_agree_in_the_genitive() -> None:
    ru, en = Words("ru"), Words("en")
    assert say(ru, "pools_total", teams="1", amount="5 ₽") == "Фонды премий 1 команды: 5 ₽ за период."
    assert say(ru, "pools_total", teams="22", amount="5 ₽") == "Фонды премий 22 команд: 5 ₽ за период."
    assert say(ru, "pools_off", n="21") == "У 21 команды доли участников не складываются в 1."
    assert say(ru, "more_settlements", n="3", total="1 ₽").startswith("…и ещё 3 расчёта;")
    assert say(en, "more_settlements", n="1", total="$1").startswith("…and 1 more settlement;")


@pytest.mark.parametrize(("rest", "noun"), [(1, "замечание"), (2, "замечания"), (5, "замечаний")])
def test_the_handout_counts_the_findings_left_out(tmp_path: Path, rest: int, noun: str) -> None:
    w = sample()
    team, segment = w.teams[0], w.segments[0]

    def unmeasured(count: int) -> m.Workshop:
        extra = [m.Promise(id=f"px{i}", from_=team.id, to=segment.id, text=f"Обещание {i}") for i in range(count)]
        return dataclasses.replace(w, promises=[*w.promises, *extra])

    shown = 15  # exports.handout_tables.EXAMPLES["warning"]
    have = sum(1 for f in run_checks(unmeasured(0)) if f.code == "promise-no-metric")
    out = tmp_path / "h.pdf"
    export_pdf(unmeasured(shown + rest - have), out)
    text = re.sub(r"\s+", " ", pdftotext(out))
    assert f"ещё {rest} {noun} этого вида" in text
