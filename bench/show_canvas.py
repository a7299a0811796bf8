"""Show the canvas editor alone on a workshop (default: the bundled sample), or save a screenshot offscreen.

    .venv/bin/python bench/show_canvas.py [FILE.json|FILE.clientocracy] [--shot OUT.png] [--size 1600x900]
    .venv/bin/python bench/show_canvas.py --demo 12x6 --shot /tmp/canvas.png
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import model as m  # noqa: E402
from app.document import Document  # noqa: E402
from app.resources import sample_path  # noqa: E402
from app.workfile import read_workshop  # noqa: E402

FACTORS = ("Цена", "Ширина ассортимента", "Свежесть продуктов", "Скорость покупки", "Возврат без чека",
           "Акции и скидки", "Доставка за 30 минут", "Готовая еда", "Качество обслуживания",
           "Расположение рядом с домом",
           "Программа лояльности", "Собственная торговая марка", "Экологичная упаковка", "Онлайн-заказ",
           "Часы работы", "Дегустации", "Парковка", "Фермерские продукты", "Персональные рекомендации",
           "Оплата по QR-коду", "Кафе в магазине", "Чистота в зале", "Очереди на кассах", "Самообслуживание",
           "Детская комната", "Сезонные товары", "Продукты для диет", "Отзывы покупателей", "Подарочные карты",
           "Благотворительность")
CURVES = (("Мы сейчас", "as_is"), ("Мы через год", "to_be"), ("Гипермаркеты", "competitor"),
          ("Магазины у дома", "competitor"), ("Дискаунтеры", "competitor"), ("Готовим дома", "alternative"),
          ("Маркетплейсы", "competitor"), ("Рынок", "alternative"), ("Мы через год (смелый)", "to_be"),
          ("Доставка еды", "alternative"))
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")


def demo_workshop(n_factors: int, n_curves: int, seed: int = 7) -> m.Workshop:
    """A workshop with one canvas of `n_factors` × `n_curves`, levels on 0–5 shaped like a real canvas.

    The rivals follow one industry profile with a little noise, the as-is curve sits just under it, the to-be
    curves drop some factors and stand out on a few, the alternatives follow a profile of their own.
    """
    import math
    import random

    rng = random.Random(seed)
    factors = [m.Factor(f"f{i}", FACTORS[i % len(FACTORS)] + ("" if i < len(FACTORS) else f" {i}"),
                        higher_is_costlier=i == 0) for i in range(n_factors)]
    industry = [2.5 + 1.8 * math.sin(i * 0.9 + 0.4) for i in range(n_factors)]
    other = [2.5 - 1.6 * math.cos(i * 0.6) for i in range(n_factors)]
    bold = [(0.4 if i % 4 == 1 else 4.8 if i % 4 == 3 else industry[i] - 1.2) for i in range(n_factors)]

    def snap(v: float) -> float:
        return min(5.0, max(0.0, round(v * 2) / 2))

    curves = []
    for j in range(n_curves):
        name, kind = CURVES[j % len(CURVES)]
        if kind == "to_be":
            shift = 0.0 if j < len(CURVES) else 0.5
            base = [b + (0.6 if j == 8 else 0) + shift for b in bold]
        elif kind == "alternative":
            base = [o + rng.uniform(-0.6, 0.6) for o in other]
        elif kind == "as_is":
            base = [b - 0.4 for b in industry]
        else:
            base = [b + rng.uniform(-0.8, 0.8) for b in industry]
        levels = {f.id: snap(v) for f, v in zip(factors, base, strict=True)}
        curves.append(m.Curve(f"c{j}", name, kind, PALETTE[j % len(PALETTE)], reference=j == 2, levels=levels))
    canvas = m.Canvas("cv", "Продуктовый ритейл у дома: канва", tagline="Свежее — рядом, спор — в вашу пользу",
                      factors=factors, curves=curves)
    return m.Workshop(info=m.WorkshopInfo(title="Demo"), canvases=[canvas])


def main() -> int:
    """Build the editor on the workshop and show it (or save a screenshot)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?")
    parser.add_argument("--demo", help="FACTORSxCURVES instead of a file, e.g. 12x6")
    parser.add_argument("--shot", help="save a screenshot here and quit")
    parser.add_argument("--size", default="1600x900")
    parser.add_argument("--tab", type=int, default=0, help="side tab to show: 0 curves, 1 ERRC, 2 quality")
    parser.add_argument("--chart-only", action="store_true", help="hide the table and panels")
    args = parser.parse_args()
    qapp = QApplication.instance() or QApplication(sys.argv)
    if args.demo:
        nf, nc = (int(x) for x in args.demo.split("x"))
        workshop = demo_workshop(nf, nc)
    else:
        workshop = read_workshop(Path(args.file) if args.file else sample_path())
    from widgets.canvas.editor import CanvasEditor

    doc = Document(workshop)
    stack = QUndoStack()
    editor = CanvasEditor(doc, stack)
    QShortcut(QKeySequence.StandardKey.Undo, editor, stack.undo)
    QShortcut(QKeySequence.StandardKey.Redo, editor, stack.redo)
    w, h = (int(x) for x in args.size.split("x"))
    editor.resize(w, h)
    editor.tabs.setCurrentIndex(args.tab)
    editor.chart_only.setChecked(args.chart_only)
    editor.show()
    if args.shot:
        for _ in range(3):
            qapp.processEvents()
        editor.grab().save(args.shot)
        print(args.shot)
        return 0
    return qapp.exec()


if __name__ == "__main__":
    raise SystemExit(main())
