"""Workshops and PDF helpers for the export tests: the sample, a stress workshop, pdftotext/pdffonts/pdfinfo."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app import model as m
from app.resources import sample_path

LONG_WORDS = ("свежесть", "очередь", "возврат", "доставка", "касса", "полка", "утро", "вечер", "обед", "склад")


def need(tool: str) -> str:
    """The path of a poppler tool; the export tests need poppler-utils (apt-get install poppler-utils)."""
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing: install poppler-utils (apt-get install -y poppler-utils)")
    return path


def sample() -> m.Workshop:
    from app.jsonio import read_json_file

    return read_json_file(sample_path())


def long_text(seed: int, length: int = 5000) -> str:
    """A text of `length` characters made of numbered sentences (so that any part can be found again)."""
    words, n, out = LONG_WORDS, 0, []
    while sum(len(s) + 1 for s in out) < length:
        out.append(f"Фраза {seed}-{n}: {words[n % len(words)]} и {words[(n * 3 + seed) % len(words)]}.")
        n += 1
    return " ".join(out)[:length].rstrip() + "."


def stress() -> m.Workshop:
    """Emoji, 5,000-character texts, 40 factors, 300 promises, unscored levels, a missing layout."""
    w = m.Workshop(info=m.WorkshopInfo(title="Стресс-тест 🚀 выгрузки", organization="ООО «Проверка» ✅",
                                       facilitator="Ведущая 👩‍💼", date="2026-11-20", language="ru",
                                       evolutionary_goal=long_text(1), goal_rationale="Причина 🤔 в том, что…"))
    w.values = [m.Value("v1", "Ценность ❤️", long_text(2, 600), "Держатель")]
    w.segments = [m.Segment(f"s{i}", f"Сегмент {i} 🛒", long_text(10 + i, 800)) for i in range(3)]
    w.pains = [m.Pain("p1", "s0", "Клиент😀доволен не всегда", 5), m.Pain("p2", "s1", long_text(3), 2)]
    w.propositions = [m.Proposition("pr1", "s0", long_text(4, 1200), "Слоган 🍏")]
    factors = [m.Factor(f"f{i}", f"Фактор номер {i} с длинным названием {'🚚' if i % 7 == 0 else ''}",
                        long_text(100 + i, 300) if i % 5 == 0 else "", i == 0, m.ERRC_ACTIONS[i % 4] if i % 3 else None,
                        "Комментарий 💡" if i % 4 == 0 else "") for i in range(40)]
    factors[1].name = long_text(5)  # a 5,000-character factor name
    curves = [m.Curve(f"c{k}", f"Кривая {k}", kind, color, levels={f.id: (i + k) % 6 for i, f in enumerate(factors)
                                                                      if (i + k) % 9})
              for k, (kind, color) in enumerate((("as_is", "#0072B2"), ("to_be", "#D55E00"),
                                                 ("competitor", "#009E73"), ("alternative", "#CC79A7")))]
    w.canvases = [m.Canvas("cv", "Канва на 40 факторов 📈", "s0", "Слоган канвы", (0, 5), 0.5, factors, curves)]
    kinds = ["client_facing"] * 8 + ["service"] * 10 + ["council"]
    w.teams = [m.Team(f"t{i}", f"Команда {i}" + (" 🔧" if i % 5 == 0 else ""), kind, long_text(20 + i, 200), "Лид",
                      ("А", "Б"), m.Indicator("Показатель", "90%", "80%"), m.Economics(1000.0 * i, 900.0 * i))
               for i, kind in enumerate(kinds)]
    w.teams[3].name = "Команда😀доволен"
    w.links = [m.Link(f"l{i}", f"t{i}", f"s{i % 3}" if i < 8 else f"t{i % 8}") for i in range(18)]
    w.promises = [
        m.Promise(f"pm{i}", f"t{i % 18}", f"s{i % 3}" if i % 2 else f"t{(i + 1) % 8}",
                  long_text(1000 + i) if i % 50 == 0 else f"Обещание {i} 👍 клиенту", None, None,
                  f"Метрика {i}", "95%", m.PROMISE_STATUSES[i % 6],
                  (m.Grant(f"Полномочие {i} ✅", True), m.Grant(long_text(2000 + i, 700) if i % 60 == 0 else "Право",
                                                               i % 2 == 0)),
                  (m.Grant("Ресурс 💰", False),))
        for i in range(300)
    ]
    w.experiments = [m.Experiment("e1", "t1", "Гипотеза 🧪 " + long_text(6, 900), "Метрика", 1000.0,
                                  "2026-12-01", "2026-12-31", "running", "Результат", "iterate")]
    w.layouts["structure"] = {"t0": (0.0, 0.0), "s0": (200.0, -150.0)}
    return w


def pdftotext(path: Path) -> str:
    return subprocess.run([need("pdftotext"), "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def body_text(path: Path, w: m.Workshop) -> str:
    """The text of the PDF without running headers and footers and without any whitespace (line breaks of
    wrapped text and page breaks inside long paragraphs then do not matter)."""
    drop = {w.info.title.strip(), w.info.organization.strip(), "20 ноября 2026", "20 November 2026"}
    lines = [ln for ln in pdftotext(path).splitlines()
             if ln.strip() not in drop and not re.fullmatch(r"\s*(Стр\.|Page) \d+ (из|of) \d+\s*", ln)]
    return squeeze("\n".join(lines))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run([need("pdfinfo"), str(path)], check=True, capture_output=True, text=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def page_sizes(path: Path) -> list[tuple[float, float]]:
    out = subprocess.run([need("pdfinfo"), "-f", "1", "-l", "9999", str(path)], check=True, capture_output=True,
                         text=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)
    return [(round(float(a)), round(float(b))) for a, b in sizes]


def fonts_table(path: Path) -> list[list[str]]:
    out = subprocess.run([need("pdffonts"), str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]
