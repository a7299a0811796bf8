"""Strategy quality shown plainly: the tagline, the to-be curve's focus, divergence from rivals, the canvas checks."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app import changes
from app.strategy import canvas_findings, divergences, focus, to_be_curve
from widgets.base.findings_text import translated_templates
from widgets.base.text_size import text_size
from widgets.canvas.common import INK, MUTED, CanvasContext, FollowsWhenShown, Touch
from widgets.canvas.fonts import SizedFonts

SEVERITY_MARKS = {"error": "⛔", "warning": "⚠", "hint": "ℹ"}
SEVERITY_COLORS = {"error": "#C0392B", "warning": "#B86E00", "hint": "#5B6270"}
VERDICT_COLORS = {"focused": "#00805D", "high": "#00805D", "moderate": "#B86E00", "diffuse": "#B86E00",
                  "flat": "#C0392B", "low": "#C0392B", "unknown": MUTED}


class TaglineEdit(QLineEdit):
    """The canvas's tagline (the strategy in one line), edited in place: one edit when it is finished."""

    def __init__(self, ctx: CanvasContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.retranslate()
        self.editingFinished.connect(self.commit)

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)

    def retranslate(self) -> None:
        """The placeholder in the current language."""
        self.setPlaceholderText(self.tr("Tagline: the strategy in one line"))

    def refresh(self) -> None:
        """Show the canvas's tagline (unless the user is typing in it)."""
        canvas = self.ctx.canvas
        if not self.hasFocus() or canvas is None:
            self.setText(canvas.tagline if canvas else "")
        self.setEnabled(canvas is not None)

    def commit(self) -> None:
        """Store the typed tagline when it changed."""
        canvas = self.ctx.canvas
        text = " ".join(self.text().split())
        if canvas is not None and text != canvas.tagline:
            self.ctx.push(changes.update(self.ctx.document, canvas.id, tagline=text),
                          lambda: QCoreApplication.translate("TaglineEdit", "Edit tagline"))


class QualityPanel(FollowsWhenShown, QWidget):
    """Focus, divergence and checks of the canvas shown, recomputed after the edits that touch it."""

    def __init__(self, ctx: CanvasContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fonts = SizedFonts()  # set in pixels: they follow the text size (View ▸ Larger text)
        text_size().changed.connect(self.follow_text_size)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        self.tagline_caption = QLabel(self)
        self.tagline_caption.setStyleSheet(f"color: {MUTED}; font-weight: 600;")
        layout.addWidget(self.tagline_caption)
        self.tagline = TaglineEdit(ctx, self)
        self.fonts.set(self.tagline, 16)
        layout.addWidget(self.tagline)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.fonts.set(self.summary, 14)
        layout.addWidget(self.summary)
        self.checks_caption = QLabel(self)
        self.checks_caption.setStyleSheet(f"color: {MUTED}; font-weight: 600;")
        layout.addWidget(self.checks_caption)
        self.findings = QListWidget(self)
        self.findings.setWordWrap(True)
        self.findings.itemActivated.connect(self._finding_chosen)
        self.findings.itemClicked.connect(self._finding_chosen)
        layout.addWidget(self.findings, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self._set_texts()

    def _set_texts(self) -> None:
        self.tagline_caption.setText(self.tr("Tagline"))
        self.checks_caption.setText(self.tr("Checks"))

    def follow_text_size(self) -> None:
        """Set the texts sized in pixels at the app's new text size."""
        self.fonts.apply()
        self.updateGeometry()

    def retranslate(self) -> None:
        """Captions, the summary and the checks in the current language."""
        self._set_texts()
        self.refresh()

    def rebuild(self) -> None:
        """Show the context's canvas."""
        self.refresh()

    def follow(self, touch: Touch) -> None:
        """Recompute soon after an edit of the canvas (several edits in a row recompute once)."""
        if "tagline" in touch.canvas_fields:
            self.tagline.refresh()
        if touch.on_canvas:
            self._timer.start()

    def refresh(self) -> None:
        """Recompute focus, divergence and checks now."""
        self.tagline.refresh()
        canvas = self.ctx.canvas
        self.findings.clear()
        if canvas is None:
            self.summary.setText("")
            return
        self.summary.setText(self._summary_html())
        for f in canvas_findings(canvas, translated_templates()):
            item = QListWidgetItem(f"{SEVERITY_MARKS.get(f.severity, '')}  {f.message}")
            item.setForeground(Qt.GlobalColor.black)
            item.setData(Qt.ItemDataRole.UserRole, list(f.ids))
            item.setToolTip(f.code)
            self.findings.addItem(item)
        if not self.findings.count():
            self.findings.addItem(QListWidgetItem(self.tr("✓  No findings on this canvas")))

    def _summary_html(self) -> str:
        canvas = self.ctx.canvas
        assert canvas is not None
        curve = to_be_curve(canvas)
        if curve is None:
            return html.escape(self.tr("Add a visible to-be curve to judge the strategy's focus and divergence."))
        e = html.escape
        names = {f.id: f.name for f in canvas.factors}
        parts = []
        fc = focus(canvas, curve)
        assert fc is not None
        verdicts = {"focused": self.tr("focused"), "diffuse": self.tr("diffuse: it stands out almost everywhere"),
                    "flat": self.tr("flat: nothing stands out"),
                    "high": self.tr("high"), "moderate": self.tr("moderate"), "low": self.tr("low: close to it"),
                    "unknown": self.tr("nothing to compare")}
        peaks = ", ".join(e(names[p]) for p in fc.peaks) or "—"
        parts.append(
            f"<p style='color:{INK}'><b>{e(self.tr('Focus'))}</b> — "
            + e(self.tr("“%1” stands out on %2 of %3 factors")).replace("%1", e(curve.name))
            .replace("%2", str(len(fc.peaks))).replace("%3", str(fc.total))
            + f": {peaks}. <span style='color:{VERDICT_COLORS[fc.verdict]}'><b>{e(verdicts[fc.verdict])}</b></span></p>"
        )
        rows = []
        for d in divergences(canvas, curve):
            other = self.ctx.document.get(d.curve)
            gap = f"{d.mean_gap:.1f}"
            text = e(self.tr("mean gap %1 levels, differs on %2 of %3 factors")).replace("%1", gap) \
                .replace("%2", str(len(d.differing))).replace("%3", str(d.compared))
            rows.append(f"<tr><td style='padding-right:8px'><b>{e(other.name)}</b></td><td>{text}</td>"
                        f"<td style='padding-left:8px; color:{VERDICT_COLORS[d.verdict]}'>"
                        f"<b>{e(verdicts[d.verdict])}</b></td></tr>")
        if rows:
            parts.append(f"<p><b>{e(self.tr('Divergence'))}</b></p><table>{''.join(rows)}</table>")
        else:
            parts.append(f"<p style='color:{MUTED}'>" + e(self.tr("No visible competitor or alternative curve to "
                                                                  "compare with.")) + "</p>")
        return "".join(parts)

    def _finding_chosen(self, item: QListWidgetItem) -> None:
        ids = item.data(Qt.ItemDataRole.UserRole) or []
        for obj_id in ids:
            kind = self.ctx.document.kind_of(obj_id)
            if kind == "factor":
                self.ctx.select(factor_id=obj_id)
                return
            if kind == "curve":
                self.ctx.select(curve_id=obj_id)
