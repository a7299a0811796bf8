"""The summary's economics totals (a large workshop's handout and deck): after settlement, per currency."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from app import economics as eco
from app import model as m
from app.jsonio import read_json_file
from app.resources import sample_path
from exports.summary import economics_totals
from tests.test_economics_exports import _text


def _by_kind(w: m.Workshop) -> dict[tuple[str, str], object]:
    return {(r.currency, r.kind): r for r in economics_totals(w)}


def test_the_sample_counts_no_service_team_as_a_loss_and_its_totals_are_the_settled_ones() -> None:
    w = read_json_file(sample_path())
    rows = _by_kind(w)
    (whole,) = eco.totals(w)
    everything = rows[("RUB", "")]
    assert (everything.revenue, everything.costs, everything.settlement) == (whole.revenue, whole.costs, 0.0)
    assert everything.margin == whole.result == 290_000
    service = rows[("RUB", "service")]
    assert service.costs > 0 and service.revenue == 0
    assert service.losses == 0 and service.margin >= 0, "service teams are paid on the internal market"
    assert sum(r.losses for r in rows.values()) == 0
    assert everything.cost_centres == 1  # customer care: a cost centre, not a loss
    assert not any(r.at_a_loss for r in rows.values())
    assert rows[("RUB", "council")].margin < 0 and not rows[("RUB", "council")].at_a_loss  # management, no loss


def two_currencies(teams: int = 70) -> m.Workshop:
    """A large workshop (the handout's summary) whose even teams keep roubles and odd teams euros."""
    from app.generate import generate_workshop

    w = generate_workshop(teams=teams, promises=160, links=80, canvases=0, seed=3)
    for i, t in enumerate(w.teams):
        currency = "RUB" if i % 2 == 0 else "EUR"
        revenue = 1_000_000.0 if currency == "RUB" else 10_000.0
        w.teams[i] = replace(t, kind="client_facing", economics=m.Economics(
            revenue=revenue, costs=revenue * 1.2 if i in (0, 1) else revenue / 2, currency=currency))
    return w


def test_roubles_and_euros_are_never_added_together() -> None:
    w = two_currencies()
    rows = economics_totals(w)
    assert [(r.currency, r.kind) for r in rows] == [("RUB", "client_facing"), ("RUB", ""),
                                                    ("EUR", "client_facing"), ("EUR", "")]
    rub, eur = _by_kind(w)[("RUB", "")], _by_kind(w)[("EUR", "")]
    assert (rub.teams, rub.revenue, rub.losses) == (35, 35_000_000, 1)
    assert (eur.teams, eur.revenue, eur.losses) == (35, 350_000, 1)
    assert rub.margin == 34 * 500_000 - 200_000 and eur.margin == 34 * 5_000 - 2_000


def test_the_summary_handout_shows_one_block_per_currency(tmp_path: Path) -> None:
    from exports import export_pdf

    text = _text(export_pdf(two_currencies(), tmp_path / "h.pdf"))
    section = text[text.rindex("Экономика команд: итоги"):]  # the section, not its line in the contents
    assert "Взаиморасчёты" in section and re.search(r"Центры .*\n.*затрат", section)  # a header on two lines
    assert re.search(r"Все команды 35 35 000 000 ₽", section)
    assert re.search(r"Все команды 35 350 000 €", section)
    assert "35 350 000 ₽" not in section, "roubles and euros in one sum"


def test_the_summary_deck_shows_one_block_per_currency(tmp_path: Path) -> None:
    from pptx import Presentation

    from exports import export_pptx

    deck = Presentation(str(export_pptx(two_currencies(), tmp_path / "d.pptx")))
    rows = [[c.text for c in row.cells] for slide in deck.slides for s in slide.shapes if s.has_table
            for row in s.table.rows]
    totals = [r for r in rows if r[0].startswith("Все команды")]
    assert [r[2] for r in totals] == ["35\u00a0000\u00a0000\u00a0₽", "350\u00a0000\u00a0€"]
    assert [r[7] for r in totals] == ["0", "0"]  # no cost centres
