"""The shell's look: one style sheet, high contrast for a projector, the accent blue of the method's goal."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

INK = "#1d2733"
MUTED = "#5b6673"
RULE = "#d9dee5"
ACCENT = "#0072B2"
READY = "#1b7f4b"
ATTENTION = "#b86e00"

STYLE = f"""
QMainWindow {{ background: #ffffff; }}
#header {{ background: #ffffff; border-bottom: 1px solid {RULE}; }}
#title {{ font-weight: 600; color: {INK}; }}
#subtitle {{ color: {MUTED}; }}
#headerGoal {{ color: {ACCENT}; }}
#pageBar {{ background: #ffffff; }}
#pageBar::tab {{ padding: 8px 18px; color: {MUTED}; background: transparent; border: none;
                 border-bottom: 3px solid transparent; font-weight: 600; }}
#pageBar::tab:selected {{ color: {INK}; border-bottom: 3px solid {ACCENT}; }}
#pageBar::tab:hover:!selected {{ color: {INK}; }}
#workshopPage::pane {{ border: none; border-top: 1px solid {RULE}; }}
#workshopPage > QTabBar::tab {{ padding: 6px 14px; color: {MUTED}; background: #f6f7f9; border: 1px solid {RULE};
                               border-bottom: none; margin-right: 2px; }}
#workshopPage > QTabBar::tab:selected {{ color: {INK}; background: #ffffff; }}
#pageAbout {{ color: {MUTED}; }}
#goalBox {{ background: #eef5fb; border-left: 4px solid {ACCENT}; border-radius: 3px; }}
#goalCaption {{ color: {ACCENT}; font-weight: 600; letter-spacing: 1px; }}
#goalEdit {{ color: {INK}; background: #ffffff; border: 1px solid #c9d6e3; }}
#fieldCaption, #sectionCaption {{ color: {MUTED}; font-weight: 600; }}
#stages {{ background: #f6f7f9; border: none; outline: none; }}
#stages::item {{ border-bottom: 1px solid #e6e9ee; }}
#stages::item:selected {{ background: #dcebf7; }}
#stages::item:hover:!selected {{ background: #eef2f6; }}
#stageBadge {{ background: {ACCENT}; color: white; border-radius: 13px; font-weight: 600; }}
#stageTitle {{ color: {INK}; }}
#stageCount {{ color: {MUTED}; }}
#stageMark {{ font-weight: 700; font-size: 12pt; }}
#stageMark[state="ready"] {{ color: {READY}; }}
#stageMark[state="problems"] {{ color: {ATTENTION}; font-size: 10pt; }}
#editorPlaceholder {{ color: {MUTED}; font-size: 13pt; background: #fafbfc; }}
QTableView {{ border: none; gridline-color: #e6e9ee; selection-background-color: #dcebf7;
              selection-color: {INK}; alternate-background-color: #f8f9fb; }}
QHeaderView::section {{ padding: 6px 8px; background: #f6f7f9; color: #3b4652; font-weight: 600; border: none;
                        border-right: 1px solid #e6e9ee; border-bottom: 1px solid {RULE}; }}
QDockWidget::title {{ padding: 5px 8px; background: #eef1f4; color: #3b4652; }}
#findings {{ border: none; }}
#welcomeTitle {{ font-weight: 600; color: {INK}; }}
#welcomeText {{ color: {MUTED}; }}
#welcome QPushButton {{ padding: 10px 22px; }}
#welcomeRecent {{ border: 1px solid {RULE}; }}
"""

# Font sizes (points at the normal text size) of the shell's larger texts, by object name. They are set in code,
# not in the style sheet, so that they follow View ▸ Larger text (see `size_fonts`).
FONT_POINTS = {"title": 19.0, "headerGoal": 11.5, "goalCaption": 8.5, "goalEdit": 13.0, "welcomeTitle": 26.0,
               "welcomeText": 12.0, "welcomeNew": 11.0, "welcomeSample": 11.0, "welcomeOpen": 11.0}


def size_fonts(root: QWidget, scale: float) -> None:
    """Give the shell's larger texts under `root` their sizes `scale` times the normal ones."""
    for name, points in FONT_POINTS.items():
        for widget in root.findChildren(QWidget, name):
            font = QFont(widget.font())
            font.setPointSizeF(round(points * scale, 1))
            widget.setFont(font)
