"""Handouts and decks that fit the workshop (issue 15): only what it has, a summary of a large one, method errors."""

from __future__ import annotations

import ctypes
import math
from pathlib import Path

import pytest

from app import model as m
from app.generate import generate_workshop
from app.promise_tree import promise_numbers, widest
from exports import export_pdf, export_pictures, export_pptx, export_slides_pdf
from exports.i18n import Words
from tests.exports_support import pdfinfo, pdftotext, sample, squeeze

ELIMINATE = Words("ru")["eliminate"].upper()  # the ERRC grid's first heading, as the handout prints it
HALO = "F2C1A5"  # app.palette.HALO: the editor's method-error halo
PROBLEM = "D55E00"  # app.palette.PROBLEM


def pages(path: Path) -> int:
    return int(pdfinfo(path)["Pages"])


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def slides(path: Path):
    from pptx import Presentation

    return list(Presentation(str(path)).slides)


def text_sizes(path: Path) -> list[tuple[int, str, float]]:
    """(page, character, size in points as printed: font size × the text matrix's scale) of every visible glyph."""
    import pypdfium2
    import pypdfium2.raw as raw

    out = []
    document = pypdfium2.PdfDocument(str(path))
    try:
        for number, page in enumerate(document, start=1):
            text = page.get_textpage()
            for i in range(text.count_chars()):
                ch = text.get_text_range(i, 1)
                if not ch or ch.isspace():
                    continue
                matrix = raw.FS_MATRIX()
                raw.FPDFText_GetMatrix(text.raw, i, ctypes.byref(matrix))
                scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
                out.append((number, ch, raw.FPDFText_GetFontSize(text.raw, i) * scale))
    finally:
        document.close()
    return out


def one_canvas() -> m.Workshop:
    """A workshop that holds one strategy canvas and nothing else."""
    canvas = sample().canvases[0]
    canvas.segment = None
    canvas.factors[0].description = "Цена корзины из 20 товаров"
    return m.Workshop(info=m.WorkshopInfo(title="Канва сети", date="2026-11-20"), canvases=[canvas])


def test_a_one_canvas_workshop_gives_a_cover_and_its_canvas(tmp_path: Path) -> None:
    w = one_canvas()
    handout = export_pdf(w, tmp_path / "one.pdf")
    deck = export_pptx(w, tmp_path / "one.pptx")
    slides_pdf = export_slides_pdf(w, tmp_path / "one-slides.pdf")
    pictures = export_pictures(w, tmp_path / "pics", formats=("png",))
    assert pages(handout) <= 4 and pages(slides_pdf) <= 4 and len(slides(deck)) <= 4
    assert len(pictures) == 1 and pictures[0].name.startswith("canvas-1-")
    text = pdftotext(handout)
    assert "нет" not in lines(text)  # no «нет» under an empty heading
    for absent in ("Эволюционная цель", "Клиенты, боли", "Структура от клиента", "Карта обещаний",
                   "Система обещаний", "Команды", "Содержание"):
        assert absent not in text, absent
    squeezed = squeeze(text)
    for factor in w.canvases[0].factors:
        assert squeeze(factor.name) in squeezed, factor.name
    assert ELIMINATE in text and "Факторы" in text and "Цена корзины из 20 товаров" in text
    deck_text = " ".join(shape.name for slide in slides(deck) for shape in slide.shapes)
    assert "Chart:" in deck_text and "ERRC" in deck_text and "Структура" not in deck_text
    goal_slide = pdftotext(slides_pdf)
    assert "Эволюционная цель" not in goal_slide and "нет" not in lines(goal_slide)


def test_a_promises_only_workshop_has_no_canvas_goal_or_empty_tables(tmp_path: Path) -> None:
    w = sample()
    w.canvases, w.values, w.pains, w.propositions, w.experiments, w.readings = [], [], [], [], [], []
    w.info.evolutionary_goal = w.info.goal_rationale = ""
    for t in w.teams:
        t.economics = None
        t.indicator = None
    text = pdftotext(export_pdf(w, tmp_path / "promises.pdf"))
    assert "Карта обещаний" in text and "Система обещаний" in text and "Структура от клиента" in text
    for absent in ("Стратегическая канва", "Эволюционная цель", "Экономика команд", "Показатели успеха",
                   "Эксперименты", "Выручка"):
        assert absent not in text, absent
    assert "нет" not in lines(text)
    slides_text = pdftotext(export_slides_pdf(w, tmp_path / "promises-slides.pdf"))
    assert "Эволюционная цель" not in slides_text and "Экономика" not in slides_text
    titles = [s.name for slide in slides(export_pptx(w, tmp_path / "p.pptx")) for s in slide.shapes]
    assert "Chart:" not in " ".join(titles)


def test_findings_are_sentences_without_check_codes(tmp_path: Path) -> None:
    w = sample()
    w.promises[0].status = "accepted"
    w.promises[0].authorities = (m.Grant("Решать о возврате", False),)
    text = " ".join(pdftotext(export_pdf(w, tmp_path / "findings.pdf")).split())
    assert "Открытые замечания" in text and "принято, но не обеспечено" in text
    for code in ("promise-unempowered", "link-without-promise", "team-no-indicator", "clientocracy check"):
        assert code not in text


@pytest.fixture(scope="module")
def large() -> m.Workshop:
    return generate_workshop(teams=500, promises=3000)


@pytest.fixture(scope="module")
def large_exports(large: m.Workshop, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("large")
    return {"pdf": export_pdf(large, folder / "large.pdf"), "slides": export_slides_pdf(large, folder / "s.pdf"),
            "pptx": export_pptx(large, folder / "large.pptx")}


def test_a_large_workshop_is_a_summary_of_at_most_40_pages_and_slides(large: m.Workshop,
                                                                       large_exports: dict[str, Path]) -> None:
    assert pages(large_exports["pdf"]) <= 40
    assert pages(large_exports["slides"]) <= 40
    assert len(slides(large_exports["pptx"])) <= 40
    text = pdftotext(large_exports["pdf"])
    assert "Клиентский слой и совет управляющих" in text and "Сервисные команды по группам" in text
    assert text.count("Цепочка обещаний клиенту:") >= 2 * 10  # ten segment maps: the contents and the pages
    assert "Обещания с ошибками метода" in text and "Экономика команд: итоги" in text
    council = [t for t in large.teams if t.kind == "council"]
    assert council and all(t.name in text for t in council)  # the council in full
    assert "Приложение" not in text
    slides_text = pdftotext(large_exports["slides"])
    # the slides split each segment map so that its labels stay at 12 pt, within a budget of diagram slides
    from exports.slide_plan import SUMMARY_DIAGRAM_SLIDES

    assert 10 <= slides_text.count("Цепочка обещаний клиенту:") <= SUMMARY_DIAGRAM_SLIDES


def test_no_label_of_the_large_summary_is_printed_below_6_pt(large_exports: dict[str, Path],
                                                             tmp_path: Path) -> None:
    from tests.exports_support import stress

    paths = {**large_exports, "stress": export_pdf(stress(), tmp_path / "stress.pdf"),
             "16 factors": export_pdf(sixteen_factors(), tmp_path / "sixteen.pdf")}
    for key, path in paths.items():
        if path.suffix != ".pdf":
            continue
        tiny = [(page, ch, round(size, 2)) for page, ch, size in text_sizes(path) if size < 5.99]
        assert not tiny, (key, tiny[:10])


def sixteen_factors() -> m.Workshop:
    """A canvas of 16 factors with long names (the most the book's horizontal labels take)."""
    w = generate_workshop(teams=3, promises=3, canvases=1, curves=4, factors=16, segments=2)
    w.canvases[0].factors[3].name = "Урегулирование убытков без визита в офис"
    return w


def test_sixteen_factor_names_run_across_and_the_canvas_shares_its_page_with_the_errc_grid(tmp_path: Path) -> None:
    import pypdfium2

    w = sixteen_factors()
    w.canvases[0].factors[5].name, w.canvases[0].factors[5].errc = "Тишина", None
    path = export_pdf(w, tmp_path / "sixteen.pdf")
    text = pdftotext(path)
    page = next(i for i, p in enumerate(text.split("\f")) if ELIMINATE in p)
    document = pypdfium2.PdfDocument(str(path))
    try:
        textpage = document[page].get_textpage()
        chars = textpage.get_text_range(0, textpage.count_chars())
        label, grid = chars.find("Тишина"), chars.find(ELIMINATE)
        first, last = textpage.get_charbox(label), textpage.get_charbox(label + len("Тишина") - 1)
        assert first[1] > textpage.get_charbox(grid)[3]  # the chart's label, above the ERRC grid
        assert last[0] > first[2] and abs(last[1] - first[1]) < 1  # the name runs across, not upright
    finally:
        document.close()
    assert w.canvases[0].title in text.split("\f")[page]  # the chart and its ERRC grid on one page


def test_full_registers_go_to_an_appendix_only_when_asked(large: m.Workshop, tmp_path: Path) -> None:
    full = export_pdf(large, tmp_path / "full.pdf", full=True)
    text = pdftotext(full)
    assert "Приложение: полные реестры" in text
    numbers = promise_numbers(large)  # the tree of promises' numbers (1.2.1), as the map and the table show them
    first_words = {line.split(" ")[0] for line in lines(text)}  # pdftotext may join a number and the next cell
    assert widest(numbers) in first_words  # the widest number, on one line (never «3.120/.1»)
    assert all(numbers[p.id] in first_words for p in large.promises[::250])
    assert len(slides(export_pptx(large, tmp_path / "full.pptx", full=True))) > 40


def test_cli_export_full(large: m.Workshop, tmp_path: Path) -> None:
    from app.jsonio import write_json_file
    from cli.main import main

    source = tmp_path / "large.json"
    write_json_file(source, large)
    assert main(["export", str(source), "--pdf", str(tmp_path / "summary.pdf")]) == 0
    assert main(["export", str(source), "--pdf", str(tmp_path / "full.pdf"), "--full"]) == 0
    assert "Приложение" not in pdftotext(tmp_path / "summary.pdf")
    assert "Приложение: полные реестры" in pdftotext(tmp_path / "full.pdf")
    assert pages(tmp_path / "full.pdf") > pages(tmp_path / "summary.pdf")


def with_method_errors() -> m.Workshop:
    """The sample with an accepted promise missing an authority, a promise from a client and a broken one."""
    w = sample()
    w.promises[0].status = "accepted"
    w.promises[0].authorities = (m.Grant("Решать о возврате до 5 000 ₽", False),)
    w.promises[1].from_, w.promises[1].to = w.segments[0].id, w.teams[0].id
    w.promises[2].status = "broken"
    return w


ERROR_WORDS = ("принято без полномочий или ресурсов", "обещание от клиента: клиент не обещает", "обещание нарушено")


def test_method_errors_are_in_the_legend_of_the_handout_and_the_slides(tmp_path: Path) -> None:
    w = with_method_errors()
    for path in (export_pdf(w, tmp_path / "h.pdf"), export_slides_pdf(w, tmp_path / "s.pdf")):
        text = " ".join(pdftotext(path).split())
        for words in ERROR_WORDS:
            assert words in text, (path.name, words)
    clean = sample()
    for p in clean.promises:
        p.status = "accepted"
        p.authorities, p.resources = (m.Grant("Решать", True),), ()
    text = " ".join(pdftotext(export_pdf(clean, tmp_path / "clean.pdf")).split())
    assert not any(words in text for words in ERROR_WORDS)  # the legend lists only what occurs
    assert "принято" in text and "черновик" not in text and "обсуждается" not in text


def _line(shape) -> tuple[str, str]:
    """(colour, preset dash) of a connector's line."""
    ns = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    ln = shape._element.find(f".//{ns}ln")
    color = ln.find(f"{ns}solidFill/{ns}srgbClr").get("val")
    dash = ln.find(f"{ns}prstDash")
    return color, dash.get("val") if dash is not None else ""


def test_the_deck_draws_method_errors_with_a_halo_a_marker_and_a_legend(tmp_path: Path) -> None:
    from pptx.shapes.connector import Connector

    w = with_method_errors()
    promise_map = None
    for slide in slides(export_pptx(w, tmp_path / "deck.pptx")):
        groups = [s for s in slide.shapes if s.shape_type == 6 and s.name == "Карта обещаний"]
        if groups:
            promise_map = list(groups[0].shapes)
    assert promise_map is not None
    by_name = {}
    for shape in promise_map:
        by_name.setdefault(shape.name, []).append(shape)
    for promise, words in zip(w.promises[:3], ERROR_WORDS, strict=True):
        marks = by_name.get(f"{words} [{promise.id}]", [])
        halos = [s for s in marks if isinstance(s, Connector)]
        markers = [s for s in marks if not isinstance(s, Connector)]
        assert halos and _line(halos[0])[0] == HALO, words
        assert markers and str(markers[0].fill.fore_color.rgb) == PROBLEM, words
        arrows = [s for s in promise_map if isinstance(s, Connector) and s.name.endswith(f"[{promise.id}]")
                  and s.name != f"{words} [{promise.id}]"]
        assert len(arrows) == 1 and promise.text[:20] in arrows[0].name, words  # «N. text [id]» over its halo
        assert any(s.name == f"Legend: {words}" for s in promise_map), words
    broken = next(s for s in promise_map if isinstance(s, Connector) and s.name.endswith(f"[{w.promises[2].id}]")
                  and not s.name.startswith(ERROR_WORDS[2]))
    assert _line(broken)[1] == "sysDashDotDot"  # broken keeps its status's dash under the marker


def test_opposite_promises_between_one_pair_use_different_sides(tmp_path: Path) -> None:
    from pptx.shapes.connector import Connector

    w = sample()
    teams = {t.id for t in w.teams}
    first = next(p for p in w.promises if p.from_ in teams and p.to in teams)
    w.promises.append(m.Promise("p-back", first.to, first.from_, "Обратное обещание", status="draft"))
    shapes = None
    for slide in slides(export_pptx(w, tmp_path / "deck.pptx")):
        groups = [s for s in slide.shapes if s.shape_type == 6 and s.name == "Карта обещаний"]
        shapes = list(groups[0].shapes) if groups else shapes
    ns = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    ends = {}
    for s in shapes or []:
        if isinstance(s, Connector) and s.name[0].isdigit() and s.name.endswith((f"[{first.id}]", "[p-back]")):
            start, end = s._element.find(f".//{ns}stCxn"), s._element.find(f".//{ns}endCxn")
            ends[s.name] = {(start.get("id"), start.get("idx")), (end.get("id"), end.get("idx"))}
    assert len(ends) == 2
    one, other = ends.values()
    assert one != other  # not one double-headed arrow


def test_tables_never_split_numbers_or_short_words_and_hyphenate_russian_at_syllables(tmp_path: Path) -> None:
    from exports import fonts, wrap

    fonts.register()
    w = sample()
    w.promises[1].status = "negotiating"
    w.teams[0].economics = m.Economics(1_000_000_000_000.0, 5.0)
    w.teams[0].name = "Урегулирование убытков автовладельцев"
    text = pdftotext(export_pdf(w, tmp_path / "tables.pdf"))
    found = lines(text)
    assert "обсуждается" in found and "обсуждаетс" not in found  # a short word whole, never «обсуждаетс/я»
    assert "1 000 000 000 000 ₽" in found  # a number whole on one line (pdftotext shows its non-breaking spaces)
    assert "000 ₽" not in found and "0 ₽" not in found
    pieces = wrap.wrap_lines("Урегулирование", fonts.SANS, 8, 40)
    assert len(pieces) > 1 and all(p.endswith("-") for p in pieces[:-1])  # at syllables, with a hyphen
    assert "".join(p.rstrip("-") for p in pieces) == "Урегулирование"
    from exports.hyphen import breaks

    assert breaks("Урегулирование") == (3, 5, 7, 9, 11)  # Уре-гу-ли-ро-ва-ние
    assert breaks("Pomegranate") == ()  # other scripts are never hyphenated


def test_status_and_grant_colours_reach_4_5_to_1_on_their_rows() -> None:
    from exports.style import PAPER_TINT, STATUS_COLORS, contrast, readable

    for color in (*STATUS_COLORS.values(), "#D55E00", "#009E73", "#B86E00"):
        for background in ("#FFFFFF", PAPER_TINT):
            assert contrast(readable(color, background), background) >= 4.5, (color, background)
    assert readable("#0072B2") == "#0072B2"  # a colour that reads already is kept
    assert contrast("#E69F00") < 3 and readable("#E69F00") != "#E69F00"


def test_the_deck_says_who_made_it_and_is_16_9_throughout(tmp_path: Path) -> None:
    import zipfile

    from pptx import Presentation

    w = sample()
    path = export_pptx(w, tmp_path / "deck.pptx", branding={"accent": "#7A1F5C"})
    prs = Presentation(str(path))
    core = prs.core_properties
    assert core.title == w.info.title and core.author == w.info.facilitator == core.last_modified_by
    assert core.created.year >= 2026 and core.modified.year >= 2026 and "Canny" not in core.last_modified_by
    with zipfile.ZipFile(path) as z:
        app = z.read("docProps/app.xml").decode()
        theme = z.read("ppt/theme/theme1.xml").decode()
        thumbnail = z.read("docProps/thumbnail.jpeg")
    assert f"<Company>{w.info.organization}</Company>" in app and "16:9" in app and "Clientocracy Studio" in app
    assert '<a:latin typeface="PT Sans"' in theme and '<a:accent1><a:srgbClr val="7A1F5C"' in theme
    from io import BytesIO

    from PIL import Image

    image = Image.open(BytesIO(thumbnail))
    assert image.size == (256, 144) and image.getpixel((5, 5)) != (255, 255, 255)  # the accent band, not blank
    assert abs(image.getpixel((5, 5))[0] - 0x7A) < 12
    title_layout = prs.slide_layouts[0]
    widest = max(s.left + s.width for s in title_layout.placeholders)
    assert widest > prs.slide_width * 0.8  # the layouts span the 16:9 slide, not the old 4:3 width


def test_svg_pictures_name_real_fonts_and_a_second_renderer_draws_curves_as_lines(qapp, tmp_path: Path) -> None:
    import re

    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    written = export_pictures(sample(), tmp_path / "pics", formats=("svg",))
    assert written
    for path in written:
        text = path.read_text(encoding="utf-8")
        assert "CS-Sans" not in text and "fill: None" not in text and 'fill="None"' not in text, path.name
        families = re.findall(r"font-family[:=] ?\"?([^;\"]+)", text)
        assert families and all(f.rstrip().endswith("sans-serif") for f in families), path.name
    canvas = next(p for p in written if p.name.startswith("canvas-"))
    renderer = QSvgRenderer(str(canvas))
    assert renderer.isValid()
    image = QImage(renderer.defaultSize(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    dark = sum(QColor(image.pixel(x, y)).lightness() < 60
               for x in range(0, image.width(), 4) for y in range(0, image.height(), 4))
    assert dark < image.width() * image.height() / 16 * 0.02  # text and lines only: no curve filled black


def test_rival_curves_differ_by_dash_and_marker_not_colour_alone(tmp_path: Path) -> None:
    from pptx.enum.chart import XL_MARKER_STYLE

    from exports.style import curve_styles

    canvas = sample().canvases[0]
    for c in canvas.curves:
        c.color = "#0072B2"  # the same colour for all: only the line and marker can tell them apart
    rivals = [c for c in canvas.curves if c.kind in ("competitor", "alternative")]
    styles = [(st.dash, st.shape) for c, st in zip(canvas.curves, curve_styles(canvas.curves), strict=True)
              if c.kind in ("competitor", "alternative")]
    assert len(rivals) >= 2 and len(set(styles)) == len(styles)
    w = m.Workshop(info=m.WorkshopInfo(title="Канва"), canvases=[canvas])
    chart = next(shape.chart for slide in slides(export_pptx(w, tmp_path / "c.pptx")) for shape in slide.shapes
                 if shape.has_chart)
    markers = [series.marker.style for series in chart.plots[0].series]
    assert XL_MARKER_STYLE.SQUARE in markers and XL_MARKER_STYLE.TRIANGLE in markers


def test_team_and_promise_notes_are_in_the_handout(tmp_path: Path) -> None:
    w = sample()
    w.teams[0].notes = "Пилот в двух районах до марта"
    w.promises[0].notes = "Согласовано с финансовой службой"
    text = squeeze(pdftotext(export_pdf(w, tmp_path / "notes.pdf")))
    assert squeeze(w.teams[0].notes) in text and squeeze(w.promises[0].notes) in text


@pytest.mark.parametrize(("page", "landscape"), [("A4", True), ("A3", False), ("A3", True)])
def test_every_page_size_keeps_the_canvas_with_its_errc_grid(tmp_path: Path, page: str, landscape: bool) -> None:
    w = sample()
    path = export_pdf(w, tmp_path / "h.pdf", page=page, landscape=landscape)  # contents may run past the cover
    pages_text = pdftotext(path).split("\f")
    page_of_grid = next(i for i, p in enumerate(pages_text) if ELIMINATE in p)
    assert w.canvases[0].title in pages_text[page_of_grid]
    assert "СОДЕРЖАНИЕ" in pages_text[0] or "Содержание" in pages_text[1]  # on the cover, or on a page of its own


def test_row_numbers_of_a_long_register_stay_whole(tmp_path: Path) -> None:
    w = sample()
    template = w.promises[-1]
    w.promises += [m.Promise(f"extra-{i}", template.from_, template.to, f"Обещание {i}", status="draft")
                   for i in range(1200)]
    found = lines(pdftotext(export_pdf(w, tmp_path / "long.pdf", full=True)))
    numbers = [line for line in found if line.replace(".", "").isdigit()]
    assert numbers and max(len(n) for n in numbers) >= 4  # four-digit row numbers are printed whole
