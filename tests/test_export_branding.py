"""The consultant's branding: a PNG or SVG logo and an accent colour on handouts, slides and decks."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cli.main import main
from exports import export_pdf, export_pptx, export_slides_pdf
from tests.exports_support import need, pdftotext, sample

ACCENT = "#7A1FA2"
SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60" viewBox="0 0 240 60">
<rect x="0" y="0" width="60" height="60" fill="#E4572E"/>
<text x="70" y="42" font-family="Helvetica" font-size="30" fill="#222222">ZETALOGO</text></svg>"""


def png_logo(path: Path) -> Path:
    """A 300 × 100 PNG: a magenta square on white."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (300, 100), "white")
    ImageDraw.Draw(image).rectangle((0, 0, 100, 100), fill=(200, 30, 120))
    image.save(path)
    return path


def svg_logo(path: Path) -> Path:
    path.write_text(SVG, encoding="utf-8")
    return path


def image_count(pdf: Path, page: int = 1) -> int:
    out = subprocess.run([need("pdfimages"), "-list", "-f", str(page), "-l", str(page), str(pdf)],
                         capture_output=True, text=True, check=True).stdout
    return len(out.splitlines()) - 2  # two header lines


def top_pixel(pdf: Path) -> tuple[int, int, int]:
    """The colour near the top left of the first page, where the cover band is."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        image = document[0].render(scale=0.5).to_pil().convert("RGB")
        return image.getpixel((5, 5))
    finally:
        document.close()


def test_png_logo_and_accent_on_the_handout_cover(tmp_path: Path) -> None:
    plain, branded = tmp_path / "plain.pdf", tmp_path / "branded.pdf"
    export_pdf(sample(), plain)
    export_pdf(sample(), branded, branding={"logo": png_logo(tmp_path / "logo.png"), "accent": ACCENT})
    assert image_count(plain) == 0 and image_count(branded) == 1
    assert top_pixel(branded) == (0x7A, 0x1F, 0xA2)
    assert top_pixel(plain) != (0x7A, 0x1F, 0xA2)


def test_svg_logo_is_drawn_as_vectors_on_handout_and_slides(tmp_path: Path) -> None:
    logo = svg_logo(tmp_path / "logo.svg")
    handout, slides = tmp_path / "handout.pdf", tmp_path / "slides.pdf"
    export_pdf(sample(), handout, branding={"logo": logo})
    export_slides_pdf(sample(), slides, branding={"logo": logo, "accent": ACCENT})
    assert "ZETALOGO" in pdftotext(handout)
    assert image_count(handout) == 0  # vectors, not a picture
    assert "ZETALOGO" in pdftotext(slides)
    assert top_pixel(slides) == (0x7A, 0x1F, 0xA2)


def test_a_missing_logo_is_left_out_and_a_broken_one_is_named(tmp_path: Path) -> None:
    """A logo whose file has gone (a stale setting) is left out; a broken one fails the export naming it (issue 13:
    never dropped silently from one export and failing another)."""
    out = tmp_path / "gone.pdf"
    export_pdf(sample(), out, branding={"logo": tmp_path / "gone.png"})
    assert out.read_bytes().startswith(b"%PDF")
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg this is not", encoding="utf-8")
    for export, out in ((export_pdf, tmp_path / "broken.pdf"), (export_pptx, tmp_path / "broken.pptx")):
        with pytest.raises(Exception, match="broken.svg: the SVG logo "):
            export(sample(), out, branding={"logo": broken})
        assert not out.exists()


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_deck_title_slide_has_the_logo_picture_and_the_accent_band(tmp_path: Path, kind: str) -> None:
    from pptx import Presentation

    logo = png_logo(tmp_path / "logo.png") if kind == "png" else svg_logo(tmp_path / "logo.svg")
    out = tmp_path / "deck.pptx"
    export_pptx(sample(), out, branding={"logo": logo, "accent": ACCENT})
    first = Presentation(str(out)).slides[0]
    shapes = {s.name: s for s in first.shapes}
    assert str(shapes["Band"].fill.fore_color.rgb) == ACCENT[1:]
    picture = shapes["Logo"]
    assert picture.image.content_type == "image/png"
    assert picture.width / picture.height == pytest.approx(4 if kind == "svg" else 3, rel=0.05)


def test_cli_logo_and_accent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from app.resources import sample_path

    logo = svg_logo(tmp_path / "logo.svg")
    out = tmp_path / "h.pdf"
    assert main(["export", str(sample_path()), "--pdf", str(out), "--logo", str(logo), "--accent", ACCENT]) == 0
    assert "ZETALOGO" in pdftotext(out) and top_pixel(out) == (0x7A, 0x1F, 0xA2)
    for bad in (["--accent", "purple"], ["--accent", "#12345"], ["--logo", str(tmp_path / "gone.png")],
                ["--logo", str(tmp_path / "h.pdf")]):
        status = main(["export", str(sample_path()), "--pdf", str(tmp_path / "x.pdf"), *bad])
        err = capsys.readouterr().err
        assert status == 2 and err.count("\n") == 1, (bad, err)
    assert not (tmp_path / "x.pdf").exists()
