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
