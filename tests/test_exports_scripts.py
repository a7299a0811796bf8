"""Every script in the exports (issue 15): Chinese in an embedded subset, Arabic and Hebrew joined and right to left,
the text layer in the order the user typed; the deck carries the text as typed and leaves its script to the theme."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from app import model as m
from exports import export_pdf, export_pptx, export_slides_pdf, fonts
from tests.exports_support import fonts_table, pdftotext, sample

TEAM = "李雷"
PROMISE = "مرحبا بالعميل"
NOTE = "שלום לצוות"
BIDI_MARKS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")  # pdftotext wraps right-to-left runs in these


def many_scripts() -> m.Workshop:
    """The sample with a team «李雷» and a promise «مرحبا بالعميل» with a Hebrew note."""
    w = sample()
    team = dataclasses.replace(w.teams[0], name=TEAM)
    promise = dataclasses.replace(w.promises[0], text=PROMISE, notes=NOTE)
    return dataclasses.replace(w, teams=[team, *w.teams[1:]], promises=[promise, *w.promises[1:]])


@pytest.mark.parametrize("export", [export_pdf, export_slides_pdf], ids=["handout", "slides"])
def test_the_text_layer_has_every_script_in_logical_order(tmp_path: Path, export) -> None:
    out = tmp_path / "x.pdf"
    export(many_scripts(), out)
    text = BIDI_MARKS.sub("", pdftotext(out))
    assert TEAM in text and PROMISE in text
    assert "\ufffd" not in text
    embedded = {row[0].split("+", 1)[1]: row for row in fonts_table(out) if "+" in row[0]}
    assert "DroidSansFallback" in embedded and "DejaVuSans" in embedded  # subsets: a prefix, «emb yes sub yes»
    assert embedded["DroidSansFallback"][-5:-2] == ["yes", "yes", "yes"]


def test_the_handout_prints_the_hebrew_note(tmp_path: Path) -> None:
    out = tmp_path / "h.pdf"
    export_pdf(many_scripts(), out)
    assert NOTE in BIDI_MARKS.sub("", pdftotext(out))


def test_arabic_is_drawn_joined_and_right_to_left() -> None:
    drawn = "".join(chunk for _, chunk in fonts.runs("Обещание: " + PROMISE))
    assert drawn.startswith("Обещание: ")
    arabic = drawn.removeprefix("Обещание: ")
    assert all("\ufe70" <= ch <= "\ufeff" or ch == " " for ch in arabic)  # presentation forms: letters joined
    first_word_drawn_last = arabic.split(" ")[-1]
    assert first_word_drawn_last[-1] in "\ufee3\ufee1"  # م of «مرحبا» at the right end, in its initial form
    assert fonts.runs(TEAM) == [(fonts.CJK, TEAM)]


def test_the_deck_carries_the_text_as_typed_and_leaves_the_script_to_the_theme(tmp_path: Path) -> None:
    from pptx import Presentation

    out = tmp_path / "d.pptx"
    export_pptx(many_scripts(), out)
    texts, cs_fonts = [], set()
    for slide in Presentation(str(out)).slides:
        for element in slide.shapes._spTree.iter():
            if element.tag.endswith("}t") and element.text:
                texts.append(element.text)
            if element.tag.endswith("}cs"):
                cs_fonts.add(element.get("typeface"))
    joined = "\n".join(texts)
    assert TEAM in joined and PROMISE in joined  # logical order, unshaped: PowerPoint shapes it
    assert "PT Sans" not in cs_fonts  # PT Sans has no Arabic or Hebrew: the theme's complex-script font draws them
