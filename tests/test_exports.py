"""Exports from the model: handout text and fonts, page sizes, stress content, deck read-back, safe writes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import model as m
from exports import ExportError, export_pdf, export_pictures, export_pptx, export_slides_pdf
from exports.geometry import build_diagram
from tests.exports_support import (
    body_text,
    fonts_table,
    page_sizes,
    pdfinfo,
    pdftotext,
    sample,
    squeeze,
    stress,
)

A4 = (595, 842)
A3_LANDSCAPE = (1191, 842)


def visible(text: str) -> str:
    """`text` as the PDF shows it: characters no bundled font has become U+FFFD, shaping marks vanish."""
    from exports import fonts

    fonts.register()
    have = fonts.charset(fonts.SANS) | fonts.charset(fonts.SYMBOLS) | fonts.charset(fonts.EMOJI)
    return "".join(ch if ch in have or ch.isspace() else fonts.REPLACEMENT for ch in fonts.clean(text))


@pytest.fixture(scope="module")
def handout(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("handout") / "handout.pdf"
    export_pdf(sample(), path)
    return path


def test_handout_has_every_factor_team_and_promise(handout: Path) -> None:
    w = sample()
    text = body_text(handout, w)
    for canvas in w.canvases:
        for f in canvas.factors:
            assert squeeze(f.name) in text, f.name
    for t in w.teams:
        assert squeeze(t.name) in text, t.name
    for p in w.promises:
        assert squeeze(p.text) in text, p.text
        for g in (*p.authorities, *p.resources):
            assert squeeze(g.text) in text, g.text
    assert "Стр. 2 из" in pdftotext(handout)


def test_handout_fonts_are_all_embedded(handout: Path) -> None:
    rows = fonts_table(handout)
    assert rows, "the handout uses no font at all?"
    for row in rows:
        assert row[-5] == "yes", f"font not embedded: {row}"  # columns: ... emb sub uni object ID


def test_handout_is_a4_portrait_with_landscape_pages_for_diagrams(handout: Path) -> None:
    sizes = page_sizes(handout)
    assert sizes[0] == A4 and sizes.count(A4) >= len(sizes) - 4
    assert set(sizes) <= {A4, (A4[1], A4[0])}
    total = int(pdfinfo(handout)["Pages"])
    assert f"Стр. {total} из {total}" in pdftotext(handout)


def test_a3_landscape_in_english(tmp_path: Path) -> None:
    w = sample()
    w.info.language = "en"
    w.readings = []  # short: without the figures' pages
    path = export_pdf(w, tmp_path / "a3.pdf", page="A3", landscape=True, findings=[])
    sizes = page_sizes(path)
    assert set(sizes) == {A3_LANDSCAPE}
    text = pdftotext(path)
    assert f"Page 1 of {len(sizes)}" not in text  # the cover has no footer
    # a short handout has its contents on the cover, not on a page of their own (issue 15)
    assert f"Page {len(sizes)} of {len(sizes)}" in text and "CONTENTS" in text and "No open findings." in text


def test_stress_workshop_loses_no_text(tmp_path: Path) -> None:
    w = stress()
    path = export_pdf(w, tmp_path / "stress.pdf", full=True)  # 300 promises: the full register is the appendix
    text = body_text(path, w)
    assert "Клиент😀доволен" in text and "Команда😀доволен" in text  # emoji and both neighbours
    expected = [w.info.evolutionary_goal, w.pains[1].text, w.propositions[0].statement, w.experiments[0].hypothesis,
                *(s.description for s in w.segments), *(f.name for f in w.canvases[0].factors),
                *(t.name for t in w.teams)]
    for p in w.promises:
        expected += [p.text, p.metric, *(g.text for g in (*p.authorities, *p.resources))]
    missing = [x[:60] for x in expected if squeeze(visible(x)) not in text]
    assert not missing, missing
    assert all(row[-5] == "yes" for row in fonts_table(path))


def test_stress_deck_and_slides_export(tmp_path: Path) -> None:
    w = stress()
    export_pptx(w, tmp_path / "stress.pptx")
    slides = export_slides_pdf(w, tmp_path / "stress-slides.pdf")
    assert set(page_sizes(slides)) == {(960, 540)}


def _deck(tmp_path: Path):
    from pptx import Presentation

    return Presentation(str(export_pptx(sample(), tmp_path / "deck.pptx")))


def test_deck_chart_is_native_line_with_markers_holding_the_levels(tmp_path: Path) -> None:
    from pptx.enum.chart import XL_CHART_TYPE

    w = sample()
    w.canvases[0].curves[0].levels.pop(w.canvases[0].factors[2].id)  # an unscored level is a gap
    from pptx import Presentation

    prs = Presentation(str(export_pptx(w, tmp_path / "deck.pptx")))
    charts = [s.chart for slide in prs.slides for s in slide.shapes if getattr(s, "has_chart", False) and s.has_chart]
    assert len(charts) == len(w.canvases)
    chart, canvas = charts[0], w.canvases[0]
    assert chart.chart_type == XL_CHART_TYPE.LINE_MARKERS
    curves = [c for c in canvas.curves if c.visible]
    series = list(chart.plots[0].series)
    assert [s.name for s in series] == [c.name for c in curves]
    for s, c in zip(series, curves, strict=True):
        assert list(s.values) == [c.levels.get(f.id) for f in canvas.factors]
    assert list(chart.plots[0].categories)[0].startswith(canvas.factors[0].name)


def test_deck_org_slide_has_team_shapes_and_glued_connectors(tmp_path: Path) -> None:
    w = sample()
    for slide in _deck(tmp_path).slides:
        groups = [s for s in slide.shapes if s.shape_type == 6]  # MSO_SHAPE_TYPE.GROUP
        if groups and groups[0].name == "Структура от клиента":
            shapes = list(groups[0].shapes)
            break
    else:
        pytest.fail("no structure slide")
    names = {s.name for s in shapes}  # each shape named after its object, with the id in brackets (issue 15)
    assert {f"{t.name} [{t.id}]" for t in w.teams} | {f"{s.name} [{s.id}]" for s in w.segments} <= names
    from pptx.shapes.connector import Connector

    connectors = [s for s in shapes if isinstance(s, Connector) and not s.name.startswith("Legend")]
    assert len(connectors) == len(w.links)
    ids = {s.shape_id for s in shapes}
    ns = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    for c in connectors:
        start, end = c._element.find(f".//{ns}stCxn"), c._element.find(f".//{ns}endCxn")
        assert int(start.get("id")) in ids and int(end.get("id")) in ids


def test_slides_pdf_is_16_9(tmp_path: Path) -> None:
    path = export_slides_pdf(sample(), tmp_path / "slides.pdf")
    assert set(page_sizes(path)) == {(960, 540)}
    assert all(row[-5] == "yes" for row in fonts_table(path))


def test_pictures_png_and_svg(tmp_path: Path) -> None:
    from xml.etree import ElementTree

    from PIL import Image

    files = export_pictures(sample(), tmp_path / "pics", scale=1.5)
    assert {f.suffix for f in files} == {".png", ".svg"} and len(files) == 6
    for f in files:
        if f.suffix == ".png":
            with Image.open(f) as image:
                assert image.width > 1000 and image.getextrema() != ((255, 255),) * 3  # not blank
        else:
            ElementTree.parse(f)


def test_failed_export_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import exports.handout

    target = tmp_path / "handout.pdf"
    target.write_bytes(b"previous")

    def broken(workshop, path, **kwargs):
        Path(path).write_bytes(b"%PDF-half")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(exports.handout, "write_handout", broken)
    with pytest.raises(ExportError, match="disk on fire"):
        export_pdf(sample(), target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]


def test_diagrams_use_stored_positions_and_place_the_rest() -> None:
    w = sample()
    w.layouts["structure"] = {w.teams[0].id: (500.0, 40.0)}
    diagram = build_diagram(w, "structure")
    assert (diagram.nodes[w.teams[0].id].cx, diagram.nodes[w.teams[0].id].cy) == (500.0, 40.0)
    assert set(diagram.nodes) == {s.id for s in w.segments} | {t.id for t in w.teams}
    promises = build_diagram(w, "promises")  # the first time, the promise map takes the structure's places
    assert (promises.nodes[w.teams[0].id].cx, promises.nodes[w.teams[0].id].cy) == (500.0, 40.0)


def test_exports_import_light_and_without_qt() -> None:
    code = ("import sys, exports; assert 'reportlab' not in sys.modules and 'pptx' not in sys.modules;"
            "from app.jsonio import read_json_file; from app.resources import sample_path;"
            "import tempfile, os; d = tempfile.mkdtemp(); w = read_json_file(sample_path());"
            "exports.export_pdf(w, os.path.join(d, 'a.pdf')); exports.export_pptx(w, os.path.join(d, 'a.pptx'));"
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken6'))]")
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


def test_empty_workshop_exports(tmp_path: Path) -> None:
    w = m.Workshop(info=m.WorkshopInfo(title="Пусто"))
    export_pdf(w, tmp_path / "e.pdf")
    export_pptx(w, tmp_path / "e.pptx")
    export_slides_pdf(w, tmp_path / "e-slides.pdf")
    assert export_pictures(w, tmp_path / "pics") == []  # nothing to draw: no blank pictures (issue 15)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (issue 7: where installed)")
def test_libreoffice_renders_the_deck_with_every_slide_and_factor(tmp_path: Path) -> None:
    deck = export_pptx(sample(), tmp_path / "deck.pptx")
    done = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck)],
                          capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "deck.pdf"
    assert done.returncode == 0 and pdf.is_file(), done.stderr
    from pptx import Presentation

    assert int(pdfinfo(pdf)["Pages"]) == len(Presentation(str(deck)).slides)
    text = squeeze(pdftotext(pdf))
    for canvas in sample().canvases:
        for factor in canvas.factors:
            assert squeeze(factor.name) in text, factor.name
