"""The strategy canvas editor: canvas chooser, the chart with legend and tagline, the table, curves, ERRC, quality."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import changes
from app import model as m
from app.document import Document
from app.edits import Edit, Leaf
from app.strategy import change_scale, duplicate_canvas, new_curve
from widgets.canvas.axis import font_px
from widgets.canvas.chart import ChartView
from widgets.canvas.common import INK, MUTED, CanvasContext, Touch, default_curve, touch_of
from widgets.canvas.curves import CurvesPanel, kind_names
from widgets.canvas.errc import ErrcPanel
from widgets.canvas.factor import FactorPanel
from widgets.canvas.legend import Legend
from widgets.canvas.quality import QualityPanel, TaglineEdit
from widgets.canvas.table import NAME, LevelsTable

SCALES: tuple[tuple[tuple[float, float], float], ...] = (((0, 5), 0.5), ((0, 10), 1.0))
TITLE_STYLE = f"QLineEdit {{ border: none; background: transparent; color: {INK}; }}" \
    " QLineEdit:focus { background: #F4F8FC; }"
TAGLINE_STYLE = f"QLineEdit {{ border: none; background: transparent; color: {MUTED}; }}" \
    " QLineEdit:focus { background: #F4F8FC; }"
ADD_STYLE = "QLineEdit { border: 1px dashed #C9CED6; border-radius: 4px; padding: 3px 8px; background: white; }"


def _unsubscriber(document: Document, callback: Callable[..., None]) -> Callable[..., None]:
    """A slot that stops `callback` from following `document` (connected to the editor's `destroyed`)."""

    def unsubscribe(*_args: Any) -> None:
        try:
            document.unsubscribe(callback)
        except ValueError:  # already unsubscribed (detach() came first)
            pass

    return unsubscribe


class CanvasEditor(QWidget):
    """The strategy canvases of a workshop, one shown at a time, every change an undoable edit of the document."""

    selection_changed = Signal(list)

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self.ctx = CanvasContext(document, undo_stack, self)
        self._retranslating = False
        self.body = self._build()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body)
        self.ctx.selection_changed.connect(self._selection_changed)
        self.ctx.hinted.connect(self.show_hint)
        document.subscribe(self._on_edit)
        self._subscribed = True
        self.destroyed.connect(_unsubscriber(document, self._on_edit))
        first = document.model.canvases[0].id if document.model.canvases else None
        self.show_canvas(first)

    # ------------------------------------------------------------ building
    def _build(self) -> QWidget:
        """Every widget of the editor, in one body that a change of language rebuilds."""
        body = QWidget(self)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_bar())
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_empty())
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self._build_chart_side())
        self.side = self._build_side()
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(True)
        self.splitter.setSizes([1040, 560])
        self.stack.addWidget(self.splitter)
        return body

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.LanguageChange and not self._retranslating:
            self._retranslating = True  # every child gets the event too: rebuild once, after they all had it
            QTimer.singleShot(0, self._retranslate)
        super().changeEvent(ev)

    def _retranslate(self) -> None:
        """Build the widgets again in the new language, on the same canvas, selection, tab and mode."""
        self._retranslating = False
        curve, factor = self.ctx.curve_id, self.ctx.factor_id
        tab, chart_only = self.tabs.currentIndex(), self.chart_only.isChecked()
        old = self.body
        self.body = self._build()
        self.layout().replaceWidget(old, self.body)
        old.hide()
        old.deleteLater()
        self.show_canvas(self.ctx.canvas_id)
        self.ctx.select(curve, factor)
        self.tabs.setCurrentIndex(tab)
        self.chart_only.setChecked(chart_only)

    def _build_bar(self) -> QWidget:
        bar = QFrame(self)
        bar.setObjectName("canvasBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(QLabel(self.tr("Canvas:")))
        self.chooser = QComboBox(bar)
        self.chooser.setMinimumContentsLength(24)
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.activated.connect(lambda i: self.show_canvas(self.chooser.itemData(i)))
        row.addWidget(self.chooser)
        self.buttons: dict[str, QToolButton] = {}
        for key, text, tip, slot in (
            ("new", self.tr("New"), self.tr("Add a canvas (e.g. one per segment)"), self.add_canvas),
            ("rename", self.tr("Rename"), self.tr("Rename this canvas"), self.rename_canvas),
            ("duplicate", self.tr("Duplicate"), self.tr("Copy this canvas, e.g. to draw an alternative"),
             self.duplicate_canvas),
            ("delete", self.tr("Delete"), self.tr("Delete this canvas (Undo brings it back)"), self.delete_canvas),
        ):
            button = QToolButton(bar)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addSpacing(16)
        row.addWidget(QLabel(self.tr("Segment:")))
        self.segment = QComboBox(bar)
        self.segment.setMinimumContentsLength(14)
        self.segment.activated.connect(self._segment_chosen)
        row.addWidget(self.segment)
        row.addWidget(QLabel(self.tr("Scale:")))
        self.scale = QComboBox(bar)
        for (low, high), step in SCALES:
            self.scale.addItem(f"{low:g}–{high:g}", ((low, high), step))
        self.scale.activated.connect(self._scale_chosen)
        row.addWidget(self.scale)
        row.addStretch(1)
        self.chart_only = QToolButton(bar)
        self.chart_only.setText(self.tr("Chart only"))
        self.chart_only.setToolTip(self.tr("Hide the table and panels, e.g. on the projector"))
        self.chart_only.setCheckable(True)
        self.chart_only.toggled.connect(lambda on: self.side.setVisible(not on))
        row.addWidget(self.chart_only)
        return bar

    def _build_empty(self) -> QWidget:
        page = QWidget(self)
        col = QVBoxLayout(page)
        col.addStretch(1)
        text = QLabel(self.tr("This workshop has no strategy canvas yet."), page)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setFont(font_px(self.font(), 18))
        col.addWidget(text)
        button = QPushButton(self.tr("Create a canvas"), page)
        button.clicked.connect(self.add_canvas)
        col.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        col.addStretch(1)
        return page

    def _build_chart_side(self) -> QWidget:
        side = QWidget(self)
        side.setObjectName("chartSide")
        side.setAutoFillBackground(True)
        palette = side.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("white"))
        side.setPalette(palette)
        col = QVBoxLayout(side)
        col.setContentsMargins(12, 8, 4, 6)
        col.setSpacing(2)
        self.title = QLineEdit(side)
        self.title.setObjectName("canvasTitle")
        self.title.setStyleSheet(TITLE_STYLE)
        self.title.setFont(font_px(self.font(), 24, bold=True))
        self.title.setPlaceholderText(self.tr("Canvas title"))
        self.title.editingFinished.connect(self._title_edited)
        col.addWidget(self.title)
        self.tagline = TaglineEdit(self.ctx, side)
        self.tagline.setObjectName("canvasTagline")
        self.tagline.setStyleSheet(TAGLINE_STYLE)
        self.tagline.setFont(font_px(self.font(), 17, italic=True))
        col.addWidget(self.tagline)
        self.legend = Legend(self.ctx, side)
        col.addWidget(self.legend)
        self.chart = ChartView(self.ctx, side)
        col.addWidget(self.chart, 1)
        row = QHBoxLayout()
        self.add_factor = QLineEdit(side)
        self.add_factor.setObjectName("addFactor")
        self.add_factor.setStyleSheet(ADD_STYLE)
        self.add_factor.setPlaceholderText(self.tr("+ Add a factor: type its name, press Enter"))
        self.add_factor.setFont(font_px(self.font(), 14))
        self.add_factor.returnPressed.connect(self._add_factor_typed)
        row.addWidget(self.add_factor, 2)
        self.hint = QLabel(side)
        self.hint.setObjectName("canvasHint")
        self.hint.setStyleSheet("color: #B86E00;")
        self.hint.setWordWrap(True)
        row.addWidget(self.hint, 3)
        col.addLayout(row)
        self._hint_timer = QTimer(side)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.setInterval(6000)
        self._hint_timer.timeout.connect(self.hint.clear)
        return side

    def _build_side(self) -> QWidget:
        side = QSplitter(Qt.Orientation.Vertical, self)
        self.table = LevelsTable(self.ctx, side)
        self.tabs = QTabWidget(side)
        self.curves = CurvesPanel(self.ctx, self.tabs)
        self.errc = ErrcPanel(self.ctx, self.tabs)
        self.quality = QualityPanel(self.ctx, self.tabs)
        self.details = FactorPanel(self.ctx, self.tabs)
        self.tabs.addTab(self.curves, self.tr("Curves"))
        self.tabs.addTab(self.errc, self.tr("ERRC grid"))
        self.tabs.addTab(self.quality, self.tr("Quality"))
        self.tabs.addTab(self.details, self.tr("Factor"))
        self.tabs.setTabToolTip(self.tabs.indexOf(self.details),
                                self.tr("The selected factor's description, price-like mark and ERRC note"))
        self.table.doubleClicked.connect(self._table_double_clicked)
        side.addWidget(self.table)
        side.addWidget(self.tabs)
        side.setSizes([330, 470])
        return side

    # ------------------------------------------------------------ canvases
    @property
    def canvas(self) -> m.Canvas | None:
        """The canvas shown."""
        return self.ctx.canvas

    def show_canvas(self, canvas_id: str | None) -> None:
        """Show the canvas `canvas_id` (None or an unknown id: the empty page)."""
        if canvas_id is not None and self.document.kind_of(canvas_id) != "canvas":
            canvas_id = None
        self.ctx.canvas_id = canvas_id
        canvas = self.ctx.canvas
        self.ctx.curve_id = default_curve(canvas) if canvas else None
        self.ctx.factor_id = None
        self.stack.setCurrentIndex(1 if canvas else 0)
        for key in ("rename", "duplicate", "delete"):
            self.buttons[key].setEnabled(canvas is not None)
        self.segment.setEnabled(canvas is not None)
        self.scale.setEnabled(canvas is not None)
        self._fill_chooser()
        self._fill_segments()
        self._show_canvas_fields()
        self.chart.set_canvas(canvas)
        self.legend.relayout()
        self.table.reset_canvas()
        self.curves.reset_canvas()
        self.errc.reset_canvas()
        self.quality.reset_canvas()
        self.details.reset_canvas()
        self._selection_changed()

    def _fill_chooser(self) -> None:
        self.chooser.clear()
        for c in self.document.model.canvases:
            self.chooser.addItem(c.title or self.tr("Untitled canvas"), c.id)
        index = self.chooser.findData(self.ctx.canvas_id)
        self.chooser.setCurrentIndex(index)

    def _fill_segments(self) -> None:
        self.segment.clear()
        self.segment.addItem(self.tr("(any)"), None)
        for s in self.document.model.segments:
            self.segment.addItem(s.name or "—", s.id)
        canvas = self.canvas
        self.segment.setCurrentIndex(max(0, self.segment.findData(canvas.segment if canvas else None)))

    def _show_canvas_fields(self) -> None:
        canvas = self.canvas
        if not self.title.hasFocus():
            self.title.setText(canvas.title if canvas else "")
        self.tagline.refresh()
        if canvas is not None:
            key = ((float(canvas.scale[0]), float(canvas.scale[1])), float(canvas.step))
            index = next((i for i in range(self.scale.count()) if self.scale.itemData(i) == key), -1)
            if index < 0:
                low, high = key[0]
                self.scale.addItem(f"{low:g}–{high:g} ({self.tr('step')} {key[1]:g})", key)
                index = self.scale.count() - 1
            self.scale.setCurrentIndex(index)

    def add_canvas(self) -> None:
        """Add a canvas with an as-is and a to-be curve, and show it."""
        count = len(self.document.model.canvases) + 1
        canvas = m.Canvas(changes.new_id(), self.tr("Canvas %1").replace("%1", str(count)))
        names = kind_names()
        for kind in ("as_is", "to_be"):
            canvas.curves.append(new_curve(canvas, names[kind], kind))
        if self.ctx.push(changes.insert(self.document, canvas, label=self.tr("Add canvas"))):
            self.show_canvas(canvas.id)
            self.title.setFocus()
            self.title.selectAll()

    def rename_canvas(self) -> None:
        """Put the cursor in the canvas's title to rename it."""
        self.title.setFocus()
        self.title.selectAll()

    def duplicate_canvas(self) -> None:
        """Copy the canvas shown (fresh ids) right after it, and show the copy."""
        canvas = self.canvas
        if canvas is None:
            return
        title = self.tr("%1 (copy)").replace("%1", canvas.title)
        copy = duplicate_canvas(canvas, title)
        index = self.document.index_of(canvas.id) + 1
        if self.ctx.push(changes.insert(self.document, copy, index, label=self.tr("Duplicate canvas"))):
            self.show_canvas(copy.id)

    def delete_canvas(self) -> None:
        """Delete the canvas shown (one undo brings it back)."""
        if self.canvas is not None:
            self.ctx.push(changes.delete(self.document, self.canvas.id, self.tr("Delete canvas")))

    def _title_edited(self) -> None:
        canvas = self.canvas
        title = " ".join(self.title.text().split())
        if canvas is not None and title and title != canvas.title:
            self.ctx.push(changes.update(self.document, canvas.id, title=title, label=self.tr("Rename canvas")))
        elif canvas is not None:
            self.title.setText(canvas.title)

    def _segment_chosen(self, index: int) -> None:
        canvas = self.canvas
        segment = self.segment.itemData(index)
        if canvas is not None and segment != canvas.segment:
            self.ctx.push(changes.update(self.document, canvas.id, segment=segment))

    def _scale_chosen(self, index: int) -> None:
        canvas = self.canvas
        scale, step = self.scale.itemData(index)
        if canvas is not None and (tuple(canvas.scale), canvas.step) != (scale, step):
            self.ctx.push(change_scale(self.document, canvas.id, scale, step, self.tr("Change scale")))

    # ------------------------------------------------------------- factors
    def _add_factor_typed(self) -> None:
        name = " ".join(self.add_factor.text().split())
        if name and self.add_factor_named(name):
            self.add_factor.clear()

    def add_factor_named(self, name: str) -> str | None:
        """Add a factor at the end of the canvas and select it; returns its id."""
        canvas = self.canvas
        if canvas is None:
            return None
        factor = m.Factor(changes.new_id(), name)
        if self.ctx.push(changes.insert(self.document, factor, parent=canvas.id, label=self.tr("Add factor"))):
            self.ctx.select(factor_id=factor.id)
            return factor.id
        return None

    def show_factor_details(self) -> None:
        """Show the Factor tab (the selected factor's details), with the side panels."""
        self.chart_only.setChecked(False)
        self.tabs.setCurrentWidget(self.details)

    def _table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() == NAME:
            self.show_factor_details()

    def delete_selection(self) -> None:
        """Delete the selected factor with its levels (the shell's Delete action)."""
        if self.ctx.factor_id is not None:
            self.chart.delete_factor(self.ctx.factor_id)

    # ---------------------------------------------------------- following
    def _on_edit(self, document: Document, edit: Edit, applied: list[Leaf]) -> None:
        touch = touch_of(document, self.ctx.canvas_id, applied)
        if touch.canvas_removed or (self.ctx.canvas_id is None and document.model.canvases):
            self._show_neighbour(applied)
            return
        if touch.canvas_list:
            self._fill_chooser()
        if touch.segments or "segment" in touch.canvas_fields:
            self._fill_segments()
        if touch.canvas_fields & {"title", "tagline", "scale", "step"}:
            self._show_canvas_fields()
        if not touch.on_canvas:
            return
        self._follow(touch)

    def _follow(self, touch: Touch) -> None:
        self.chart.apply(touch)
        self.legend.apply(touch)
        self.table.apply(touch)
        self.curves.apply(touch)
        self.errc.apply(touch)
        self.quality.apply(touch)
        self.details.apply(touch)
        self.ctx.repair_selection()

    def _show_neighbour(self, applied: list[Leaf]) -> None:
        canvases = self.document.model.canvases
        if not canvases:
            self.show_canvas(None)
            return
        index = next((leaf.index for leaf in applied if getattr(leaf, "kind", "") == "canvas"
                      and getattr(leaf, "id", None) == self.ctx.canvas_id and hasattr(leaf, "index")), 0)
        self.show_canvas(canvases[min(index, len(canvases) - 1)].id)

    # ---------------------------------------------------------- selection
    def _selection_changed(self) -> None:
        ids = [i for i in (self.ctx.curve_id, self.ctx.factor_id) if i]
        if self.ctx.factor_id is None and self.ctx.curve_id is None and self.ctx.canvas_id:
            ids = [self.ctx.canvas_id]
        self.selection_changed.emit(ids)

    def select_ids(self, ids: list[str]) -> None:
        """Show and select what `ids` name: a canvas, a factor and/or a curve (switching canvas if needed)."""
        for obj_id in ids:
            kind = self.document.kind_of(obj_id)
            if kind == "canvas":
                if obj_id != self.ctx.canvas_id:
                    self.show_canvas(obj_id)
            elif kind in ("factor", "curve"):
                parent = self.document.parent_of(obj_id)
                if parent != self.ctx.canvas_id:
                    self.show_canvas(parent)
                if kind == "factor":
                    self.ctx.select(factor_id=obj_id)
                else:
                    self.ctx.select(curve_id=obj_id)

    def show_hint(self, text: str) -> None:
        """Say briefly why something was not done."""
        self.hint.setText(text)
        self._hint_timer.start()

    def detach(self) -> None:
        """Stop following the document (the shell calls this before dropping the editor)."""
        if self._subscribed:
            _unsubscriber(self.document, self._on_edit)()
            self._subscribed = False
