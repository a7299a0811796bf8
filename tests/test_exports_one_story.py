"""One story (issue 15): the PDF slides and the deck have the same slides in the same order, their tables cut
into slides by one plan (exports.slide_plan), on the sample and on large generated workshops."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.generate import generate_workshop
from exports import export_pptx, export_slides_pdf, slide_plan
from exports.i18n import Words
from tests.exports_support import pdftotext, sample


def pdf_titles(path: Path) -> list[str]:
    """The title band of every PDF slide (kicker and title), whitespace squeezed."""
    import pypdfium2

    out = []
    for page in pypdfium2.PdfDocument(str(path)):
        width, height = page.get_size()
        out.append(" ".join(page.get_textpage().get_text_bounded(0, height - 90, width, height - 40).split()))
    return out


def deck_titles(path: Path) -> list[str]:
    from pptx import Presentation

    return [" ".join(next((s.text_frame.text for s in slide.shapes if s.name == "Title"), "").split())
            for slide in Presentation(str(path)).slides]


def both(tmp_path: Path, w, full: bool = False) -> tuple[list[str], list[str]]:
    """The PDF slides' and the deck's titles; the first PDF slide's is the cover's whole text."""
    pdf, deck = tmp_path / "s.pdf", tmp_path / "d.pptx"
    export_slides_pdf(w, pdf, full=full)
    export_pptx(w, deck, full=full)
    titles = pdf_titles(pdf)
    titles[0] = " ".join(pdftotext(pdf).split("\f")[0].split())
    return titles, deck_titles(deck)


@pytest.mark.parametrize("make", [
    sample,
    lambda: generate_workshop(teams=40, promises=150, segments=5, canvases=1),  # a long promise table, in full
    lambda: generate_workshop(teams=500, promises=3000),  # a summary
], ids=["sample", "150 promises", "3000 promises"])
def test_the_pdf_slides_and_the_deck_tell_one_story(tmp_path: Path, make) -> None:
    w = make()
    pdf, deck = both(tmp_path, w)
    assert len(pdf) == len(deck) > 3
    assert w.info.title in pdf[0] and deck[0] == w.info.title  # the title slide
    assert pdf[1:] == deck[1:]
    continued = Words(w.info.language)["continued"]
    assert not any(continued in title for title in pdf)  # every slide titled as the deck titles it


def test_a_long_table_takes_the_same_numbered_slides_in_both(tmp_path: Path) -> None:
    w = generate_workshop(teams=40, promises=150, segments=5, canvases=1)
    pdf, deck = both(tmp_path, w)
    promises = Words("ru")["promises"]
    pages = [t for t in deck if t.startswith(promises + " (")]
    assert len(pages) > 5 and pages[0] == f"{promises} (1/{len(pages)})" and pages == [
        t for t in pdf if t.startswith(promises + " (")]


def test_the_appendix_of_a_large_workshop_is_cut_alike(tmp_path: Path) -> None:
    w = generate_workshop(teams=120, promises=600, segments=8, canvases=1)
    pdf, deck = both(tmp_path, w, full=True)
    assert pdf[1:] == deck[1:] and len(deck) > 20


def test_the_plan_fills_a_slide_and_shares_a_longer_table_evenly_between_slides() -> None:
    from exports.pptx_xml import Run, TableCell

    row = [TableCell((Run("строка", slide_plan.TABLE_SIZE),))]
    per_slide = (slide_plan.ROOM - slide_plan.head_height()) // slide_plan.row_height(row, [5_000_000])
    assert [len(s.rows) for s in slide_plan.table_slides("Т", ["з"], [row] * per_slide, [5_000_000])] == [per_slide]
    # one row more: two half-full slides, not a full one and a slide holding one row
    slides = slide_plan.table_slides("Т", ["заголовок"], [row] * (per_slide + 1), [5_000_000])
    assert [s.title for s in slides] == ["Т (1/2)", "Т (2/2)"]
    assert sorted(len(s.rows) for s in slides) == [(per_slide + 1) // 2, per_slide + 1 - (per_slide + 1) // 2]
    tall = [TableCell((Run("строка\nещё одна\nи ещё", slide_plan.TABLE_SIZE),))]
    rows = [tall] * 3 + [row] * per_slide  # rows of different heights: no slide overflows, and none is nearly empty
    heights = [[slide_plan.row_height(r, [5_000_000]) for r in s.rows] for s in
               slide_plan.table_slides("Т", ["з"], rows, [5_000_000])]
    assert len(heights) == 2 and all(slide_plan.head_height() + sum(h) <= slide_plan.ROOM for h in heights)
    assert min(sum(h) for h in heights) >= max(sum(h) for h in heights) - max(max(h) for h in heights)
    assert [s.title for s in slide_plan.table_slides("Т", ["з"], [], [5_000_000])] == ["Т"]


def test_a_chain_too_wide_for_a_slide_is_cut_between_parties_that_promise_each_other_nothing() -> None:
    from exports.geometry import Node

    row = [Node(f"t{k}", "service", f"Команда {k}", 250.0 * k, 0.0) for k in range(30)]
    pairs = [(f"t{k}", f"t{k + 1}") for k in range(0, 30, 2)]  # each team promises its right-hand neighbour
    parts = slide_plan.split_nodes(row, pairs)
    assert len(parts) > 1 and sorted(n.id for part in parts for n in part) == sorted(n.id for n in row)
    assert all(slide_plan.label_size(n, slide_plan.diagram_scale(part)) >= slide_plan.MIN_LABEL
               for part in parts for n in part)
    for part in parts:  # no team stands on its slide without the arrow it has
        ids = {n.id for n in part}
        assert all((a in ids) == (b in ids) for a, b in pairs), [n.id for n in part]


def test_a_party_alone_on_a_split_chain_slide_could_join_its_partners_only_with_labels_too_small() -> None:
    from exports.geometry import build_diagram
    from exports.scope import scope_of

    w = generate_workshop(teams=500, promises=3000)
    chains: dict[str, list] = {}
    for title, workshop, part in slide_plan.diagram_slides(w, scope_of(w), Words(w.info.language)):
        numbered = re.fullmatch(r"(.*) \(\d+/\d+\)", title)
        if numbered:
            chains.setdefault(numbered.group(1), []).append((workshop, part))
    assert chains, "the generated workshop's chains are meant to need several slides"
    alone = 0
    for parts in chains.values():
        whole = build_diagram(parts[0][0], parts[0][1].name)
        partners = {n: {e.target for e in whole.edges if e.source == n} | {e.source for e in whole.edges
                                                                           if e.target == n} for n in whole.nodes}
        for _workshop, part in parts:
            linked = {e.source for e in part.edges} | {e.target for e in part.edges}
            for node_id, node in part.nodes.items():
                if node_id in linked:
                    continue
                alone += 1
                for _other_workshop, other in parts:  # every slide holding a partner: too full to take it
                    if other is not part and partners[node_id] & other.nodes.keys():
                        joined = [*other.nodes.values(), node]
                        scale = slide_plan.diagram_scale(joined)
                        assert min(slide_plan.label_size(n, scale) for n in joined) < slide_plan.MIN_LABEL, node_id
    assert alone < sum(len(part.nodes) for parts in chains.values() for _w, part in parts) / 8
