"""Experiments without approval: a team's running experiments overspending its monthly budget are said in the
handout's experiments section and shown in the deck's budget table, as the handout's economics section has it."""

from __future__ import annotations

from pathlib import Path

from app import model as m
from app.jsonio import read_json_file
from app.resources import sample_path
from tests.test_economics_exports import _text

SHOP = "team-025"


def overspent() -> m.Workshop:
    """The sample with one more running experiment of the shop: 80,000 ₽ a month against a budget of 60,000 ₽."""
    w = read_json_file(sample_path())
    w.experiments.append(m.Experiment("exp-x", SHOP, "Доставка за час удержит семьи", budget=30000.0,
                                      status="running"))
    return w


def test_the_handouts_experiments_say_which_team_overspends_its_budget(tmp_path: Path) -> None:
    from exports import export_pdf

    said = ("Эксперименты команды «Магазин на Лесной» без согласования тратят 80 000 ₽ в месяц — на 20 000 ₽ "
            "больше её бюджета (60 000 ₽).")
    text = " ".join(_text(export_pdf(overspent(), tmp_path / "h.pdf")).split())
    assert said in text[text.index("Доставка за час"):]  # under the experiments' table, where the experiment is
    calm = " ".join(_text(export_pdf(read_json_file(sample_path()), tmp_path / "c.pdf")).split())
    assert "больше её бюджета" not in calm  # within budget: nothing said


def test_the_deck_has_the_experiment_budget_table(tmp_path: Path) -> None:
    from pptx import Presentation

    from exports import export_pptx

    def budget_rows(w: m.Workshop) -> list[list[str]]:
        deck = Presentation(str(export_pptx(w, tmp_path / "d.pptx")))
        for slide in deck.slides:
            title = next(s.text_frame.text for s in slide.shapes if s.has_text_frame)
            if title == "Эксперименты без согласования":
                return [[c.text for c in row.cells] for s in slide.shapes if s.has_table for row in s.table.rows]
        return []

    rows = budget_rows(read_json_file(sample_path()))
    assert rows[0] == ["Команда", "Бюджет в месяц", "Идёт на эксперименты", "Осталось"]
    assert ["Магазин на Лесной", "60\u00a0000\u00a0₽", "50\u00a0000\u00a0₽", "10\u00a0000\u00a0₽"] in rows
    assert len(rows) == 4  # the three teams with a budget
    assert ["Магазин на Лесной", "60\u00a0000\u00a0₽", "80\u00a0000\u00a0₽", "⚠ −20\u00a0000\u00a0₽"] in budget_rows(
        overspent())
