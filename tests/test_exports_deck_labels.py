"""Slide labels of at least 12 pt in the deck (issue 15): a dense diagram is split over slides, never shrunk."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.generate import generate_workshop
from exports import export_pptx, slide_plan
from tests.exports_support import sample


def runs(path: Path):
    """(slide title, shape name, text, size in points) of every run with text and a size: shapes in groups
    and table cells too."""
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    def walk(shapes):
        for shape in shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
                yield from walk(shape.shapes)
            else:
                yield shape

    for slide in Presentation(str(path)).slides:
        title = next((s.text_frame.text for s in slide.shapes if s.name == "Title"), "")
        for shape in walk(slide.shapes):
            frames = [shape.text_frame] if shape.has_text_frame else []
            if getattr(shape, "has_table", False):
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            for frame in frames:
                for paragraph in frame.paragraphs:
                    for run in paragraph.runs:
                        if run.text.strip() and run.font.size is not None:
                            yield title, shape.name, run.text, run.font.size.pt


@pytest.mark.parametrize("make", [
    sample,
    lambda: generate_workshop(teams=40, promises=150, segments=5, canvases=1),  # dense structure and promise map
    lambda: generate_workshop(teams=500, promises=3000),  # the summary's maps per segment
], ids=["sample", "150 promises", "3000 promises"])
def test_every_label_on_every_slide_is_at_least_12_pt(tmp_path: Path, make) -> None:
    path = export_pptx(make(), tmp_path / "d.pptx")
    every = list(runs(path))
    assert len(every) > 50
    small = [r for r in every if r[3] < slide_plan.MIN_LABEL]
    assert not small, small[:5]


def test_a_dense_structure_is_split_over_numbered_slides_with_every_team(tmp_path: Path) -> None:
    w = generate_workshop(teams=40, promises=150, segments=5, canvases=1)
    path = export_pptx(w, tmp_path / "d.pptx")
    structure = [(title, name) for title, name, _text, _size in runs(path) if title.startswith("Структура от клиента")]
    titles = sorted({title for title, _ in structure})
    assert len(titles) > 1 and titles[0] == f"Структура от клиента (1/{len(titles)})"
    drawn = {name for _, name in structure}
    assert all(f"{t.name} [{t.id}]" in drawn for t in w.teams if any(lk.from_ == t.id for lk in w.links))
