"""The handout and the deck show margins after settlement, settlements, the management cost, pools and shares."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

from app import model as m
from app.jsonio import read_json_file
from app.resources import sample_path
from exports import export_pdf, export_pptx


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"[ \u00a0]+", " ", out)


def test_the_samples_handout_explains_its_result_after_settlement(tmp_path: Path) -> None:
    text = _text(export_pdf(read_json_file(sample_path()), tmp_path / "h.pdf"))
    assert "Маржа после" in text and "взаиморасчётов" in text
    assert "Итого −" not in text and not re.search(r"Итого по организации.*−", text)
    assert re.search(r"Итого по организации \(в\s.*?290 000 ₽", text, re.S)
    assert "Центры затрат −670 000 ₽" in text  # Customer care: a cost centre, not a loss
    assert "центр затрат" in text and re.search(r"обслуживает:\s+Молодые семьи", text)
    assert "Затраты на управление: 90 000 ₽ в месяц — 0,99 % выручки" in text
    assert re.search(r"Магазин на Лесной Логистика 750 000 ₽ • Полки пополнены к 08:00", text)
    assert "Мария Лебедева — 40 % · 23 200 ₽" in text  # her share of the shop's pool, in money
    assert re.search(r"Магазин на Лесной 60 000 ₽ 50 000 ₽ 10 000 ₽", text)  # experiment budget: spent, left


def test_shares_that_do_not_add_up_are_flagged_in_the_handout(tmp_path: Path) -> None:
    w = read_json_file(sample_path())
    shop = w.teams[0]
    w.teams[0] = replace(shop, motivation=replace(shop.motivation, shares=(m.Share("Мария Лебедева", 0.5),)))
    text = _text(export_pdf(w, tmp_path / "h.pdf"))
    assert "доли в сумме 0,5, а не 1" in text
    assert "без доли: Пётр Орлов, Дина Юсупова" in text


def test_the_deck_has_slides_after_settlement_settlements_and_motivation(tmp_path: Path) -> None:
    from pptx import Presentation

    deck = Presentation(str(export_pptx(read_json_file(sample_path()), tmp_path / "d.pptx")))
    texts = {}
    for slide in deck.slides:
        title = next(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        cells = [c.text for s in slide.shapes if s.has_table for row in s.table.rows for c in row.cells]
        texts[title] = " | ".join(cells)
    assert "290\u00a0000\u00a0₽" in texts["Экономика команд после взаиморасчётов"]
    assert "0,99\u00a0%" in texts["Экономика команд после взаиморасчётов"]
    assert "750\u00a0000\u00a0₽" in texts["Взаиморасчёты между командами"]
    assert "Мария Лебедева — 40\u00a0% · 23\u00a0200\u00a0₽" in texts["Мотивация участников"]
