"""The dashboard in the handout, the PDF slides and the deck (only when the workshop has figures), and the
read-only «for the team» PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

import exports
from app import model as m
from cli.main import main
from tests.exports_support import pdftotext, squeeze
from tests.readings_support import sample_with_readings

TITLE = "Дашборд: прозрачность в цифрах"


def slide_titles(path: Path) -> list[str]:
    titles = []
    for slide in Presentation(str(path)).slides:
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        titles.append(texts[0] if texts else "")
    return titles


def test_the_handout_has_the_dashboard_only_when_there_are_figures(tmp_path: Path) -> None:
    with_figures = sample_with_readings()
    exports.export_pdf(with_figures, tmp_path / "with.pdf")
    text = pdftotext(tmp_path / "with.pdf")
    assert TITLE in text
    dashboard = squeeze(text[text.rindex(TITLE):])
    for expected in ("Всяорганизация", "67%", "Обещанияклиентам", "Внутренниеобещаниямеждукомандами",
                     "Показателиуспехакоманд", "96%·2026-03", "✓выполнено", "✕нарушено", "нетданных"):
        assert expected in dashboard, expected
    without = sample_with_readings()
    without.readings = []
    exports.export_pdf(without, tmp_path / "without.pdf")
    assert "Дашборд" not in pdftotext(tmp_path / "without.pdf")


def test_the_pdf_slides_and_the_deck_have_the_dashboard_only_when_there_are_figures(tmp_path: Path) -> None:
    w = sample_with_readings()
    exports.export_slides_pdf(w, tmp_path / "slides.pdf")
    assert TITLE in pdftotext(tmp_path / "slides.pdf")
    exports.export_pptx(w, tmp_path / "deck.pptx")
    titles = slide_titles(tmp_path / "deck.pptx")
    assert TITLE in titles and f"{TITLE}: обещания клиентам" in titles
    table = next(shape.table for slide in Presentation(str(tmp_path / "deck.pptx")).slides
                 for shape in slide.shapes if shape.has_table and slide.shapes[0].has_text_frame
                 and "клиентам" in slide.shapes[0].text_frame.text)
    trends = [table.cell(row, 3).text for row in range(1, len(table.rows))]
    assert "91% → 94% → 96%" in trends  # the last figures in the order they came
    w.readings = []
    exports.export_pptx(w, tmp_path / "plain.pptx")
    assert not any("Дашборд" in t for t in slide_titles(tmp_path / "plain.pptx"))


def test_the_team_pdf_holds_one_teams_promises_figures_and_economics(tmp_path: Path) -> None:
    source = tmp_path / "w.json"
    from app.jsonio import write_json_file

    write_json_file(source, sample_with_readings())
    out = tmp_path / "logistics.pdf"
    assert main(["export", str(source), "--team", "логистика", "--pdf", str(out)]) == 0
    text = squeeze(pdftotext(out))
    for expected in ("Длякоманды", "Логистика", "Полкипополненык08:00", "Значенияпопериодам", "2026-01",
                     "97%", "Экономикакоманды", "700000₽"):
        assert expected in text, expected
    assert squeeze("Доставим заказ за 60 минут") not in text  # another team's promise


def test_the_team_export_says_what_is_wrong(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from app.jsonio import write_json_file

    source = tmp_path / "w.json"
    write_json_file(source, sample_with_readings())
    assert main(["export", str(source), "--team", "Бухгалтерия", "--pdf", str(tmp_path / "x.pdf")]) == 2
    assert "no team is called so" in capsys.readouterr().err
    assert main(["export", str(source), "--team", "team-029", "--pptx", str(tmp_path / "x.pptx")]) == 2
    assert "--team" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.pptx").exists()


def test_a_team_without_figures_gets_a_calm_page(tmp_path: Path) -> None:
    w = m.Workshop(info=m.WorkshopInfo(title="Пекарня"), teams=[m.Team("t", "Пекарня")])
    exports.export_team_pdf(w, tmp_path / "t.pdf", team="t")
    assert "Пока нет данных." in pdftotext(tmp_path / "t.pdf")


def test_a_large_workshops_dashboard_names_the_teams_with_the_most_broken_promises_first(tmp_path: Path) -> None:
    """A company's dashboard is a summary: the organisation and the teams with the most broken promises (it listed
    all 5,000 teams, hundreds of slides), then the measured lines with the broken ones first, and it says so."""
    from app.generate import generate_workshop
    from app.readings import dashboard
    from exports.dashboard import SUMMARY_TEAMS

    w = generate_workshop(teams=200, promises=600, links=300, canvases=0, seed=4)
    readings = []
    for i, team in enumerate(w.teams):  # the team at index i breaks i % 7 of its promises
        mine = [p for p in w.promises if p.from_ == team.id][:6]
        for j, p in enumerate(mine):
            readings.append(m.Reading(f"r{i}-{j}", p.id, "2026-11", "80%", j >= i % 7))
    w.readings = readings
    board = dashboard(w)
    most = max(f.tally.not_met for f in board.teams)
    worst = [f.team.name for f in board.teams if f.tally.not_met == most]
    exports.export_pptx(w, tmp_path / "deck.pptx")
    titles = [t for t in slide_titles(tmp_path / "deck.pptx") if t.startswith(TITLE)]
    assert len(titles) <= 1 + 3 * 2, titles  # tallies on one slide, each section on a slide or two
    exports.export_pdf(w, tmp_path / "handout.pdf")
    text = squeeze(pdftotext(tmp_path / "handout.pdf"))
    dashboard = text[text.rindex(squeeze(TITLE)):]
    named = squeeze(f"Названы команды с наибольшим числом нарушенных обещаний: {SUMMARY_TEAMS} из {len(board.teams)}")
    assert named in dashboard and len(board.teams) > 150
    assert all(squeeze(name) in dashboard[:dashboard.index(named)] for name in worst) and worst
