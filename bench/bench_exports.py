"""Benchmark of the exports: handout and deck of the sample and of a large workshop, against LibreOffice.

Run from the checkout: `.venv/bin/python bench/bench_exports.py` (prints one line per measurement).
Targets (issue 7): sample handout ≤ 300 ms, deck ≤ 300 ms; large handout ≤ 2 s, deck ≤ 1 s; the sample
handout under 0.2 × `soffice --headless --convert-to pdf` of the same deck.
Issue 15: the large workshop (500 teams, 3,000 promises) is a summary of ≤ 40 pages / slides in ≤ 1 s; with the
full registers (`--full`) ≤ 2 s.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    """The median wall time of `fn` in seconds."""
    times = []
    for _ in range(repeat):
        cold()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cold() -> None:
    """Forget what earlier exports measured (wrapped texts and cells, the tree of promises): each run is timed as
    the first export of a workshop, not as a repeat that finds every text already wrapped."""
    import app.promise_tree
    import exports.handout_tables
    import exports.pdf_grid
    import exports.wrap

    exports.wrap._wrapped.cache_clear()
    exports.pdf_grid._cell_lines.cache_clear()
    exports.pdf_grid._runs.cache_clear()
    exports.handout_tables._unbreakable.cache_clear()
    app.promise_tree._RECENT.clear()


def pages(path: Path) -> str:
    if shutil.which("pdfinfo") is None:
        return "?"
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return next((line.split(":")[1].strip() for line in out.splitlines() if line.startswith("Pages")), "?")


def slide_count(path: Path) -> int:
    from pptx import Presentation

    return len(Presentation(str(path)).slides)


def main() -> None:
    start = time.perf_counter()
    import exports  # light: no reportlab, no python-pptx

    light = time.perf_counter() - start
    start = time.perf_counter()
    import exports.deck  # noqa: F401
    import exports.handout  # noqa: F401

    heavy = time.perf_counter() - start
    print(f"import exports {light * 1000:.0f} ms; reportlab + python-pptx export modules {heavy * 1000:.0f} ms")

    from app.jsonio import read_json_file
    from app.resources import sample_path

    try:
        from app.generate import generate_workshop

        large = generate_workshop(teams=500, promises=3000)
    except ImportError:
        sys.exit("app.generate is missing: no large workshop to measure")
    sample = read_json_file(sample_path())
    out = Path(tempfile.mkdtemp(prefix="bench-exports-"))
    exports.export_pdf(sample, out / "warm.pdf")  # fonts registered once per process
    results = {}
    for name, w, repeat in (("sample", sample, 5), ("large", large, 3)):
        pdf, pptx = out / f"{name}.pdf", out / f"{name}.pptx"
        results[name, "pdf"] = timed(lambda w=w, pdf=pdf: exports.export_pdf(w, pdf), repeat)
        results[name, "pptx"] = timed(lambda w=w, pptx=pptx: exports.export_pptx(w, pptx), repeat)
        results[name, "slides"] = timed(lambda w=w, n=name: exports.export_slides_pdf(w, out / f"{n}-s.pdf"), repeat)
        print(f"{name}: handout {results[name, 'pdf'] * 1000:.0f} ms ({pages(pdf)} pages), "
              f"deck {results[name, 'pptx'] * 1000:.0f} ms, "
              f"PDF slides {results[name, 'slides'] * 1000:.0f} ms ({pages(out / f'{name}-s.pdf')} pages)")
    full_pdf, full_deck = out / "large-full.pdf", out / "large-full.pptx"
    results["full", "pdf"] = timed(lambda: exports.export_pdf(large, full_pdf, full=True), 3)
    results["full", "pptx"] = timed(lambda: exports.export_pptx(large, full_deck, full=True), 2)
    print(f"large --full: handout {results['full', 'pdf'] * 1000:.0f} ms ({pages(full_pdf)} pages), "
          f"deck {results['full', 'pptx'] * 1000:.0f} ms ({slide_count(full_deck)} slides)")
    print(f"large summary deck: {slide_count(out / 'large.pptx')} slides")
    pics = timed(lambda: exports.export_pictures(sample, out / "pics"), 3)
    print(f"sample pictures (PNG ×2 + SVG, 3 drawings): {pics * 1000:.0f} ms")
    targets = {("sample", "pdf"): 0.3, ("sample", "pptx"): 0.3, ("large", "pdf"): 1.0, ("large", "pptx"): 1.0,
               ("large", "slides"): 1.0, ("full", "pdf"): 2.0, ("full", "pptx"): 2.0}
    for key, limit in targets.items():
        verdict = "ok" if results[key] <= limit else "OVER"
        print(f"target {key[0]} {key[1]} ≤ {limit * 1000:.0f} ms: {results[key] * 1000:.0f} ms {verdict}")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice is not installed: no LibreOffice comparison (apt-get install libreoffice-impress)")
        return
    profile = out / "lo-profile"
    convert = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(out / "lo"), str(out / "sample.pptx")]
    subprocess.run(convert, capture_output=True, check=False)  # first start creates the profile
    lo = timed(lambda: subprocess.run(convert, capture_output=True, check=True), 3)
    ratio = results["sample", "pdf"] / lo
    print(f"soffice --convert-to pdf of the sample deck: {lo * 1000:.0f} ms; "
          f"sample handout / soffice = {ratio:.3f} ({'ok' if ratio < 0.2 else 'OVER'} against < 0.2)")


if __name__ == "__main__":
    main()
