"""The strategy canvas editor: canvas chooser, the chart with legend and tagline, the table, curves, ERRC, quality."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import changes
from app import model as m
from app.changed import Changes
from app.document import Document
from app.strategy import change_scale, duplicate_canvas, new_curve
from widgets.base.editor_api import EditorAction
from widgets.base.live import changes_of
from widgets.base.remote_selection import RemoteSelection
from widgets.base.text_size import text_size
from widgets.canvas.chart import ChartView
from widgets.canvas.common import INK, MUTED, CanvasContext, default_curve, touch_in
from widgets.canvas.curves import CurvesPanel, kind_names
from widgets.canvas.errc import ErrcPanel
from widgets.canvas.factor import FactorPanel
from widgets.canvas.fonts import SizedFonts
from widgets.canvas.legend import Legend
from widgets.canvas.paste import add_factor_names, is_a_list
from widgets.canvas.quality import QualityPanel, TaglineEdit
from widgets.canvas.table import NAME, LevelsTable

SIDE_WIDTH = 560  # the side panel's width on a wide screen (at least)
CHART_WIDTH = 620  # what the chart keeps at least before the side panel gives up its width
SCALES: tuple[tuple[tuple[float, float], float], ...] = (((0, 5), 0.5), ((0, 10), 1.0))
TITLE_STYLE = f"QLineEdit {{ border: none; background: transparent; color: {INK}; }}" \
    " QLineEdit:focus { background: #F4F8FC; }"
TAGLINE_STYLE = f"QLineEdit {{ border: none; background: transparent; color: {MUTED}; }}" \
    " QLineEdit:focus { background: #F4F8FC; }"
ADD_STYLE = "QLineEdit { border: 1px dashed #C9CED6; border-radius: 4px; padding: 3px 8px; background: white; }"


class CanvasEditor(QWidget):
    """The strategy canvases of a workshop, one shown at a time, every change an undoable edit of the document.

    It offers the shell the `widgets.base.editor_api.Editor` interface.
    """

    selection_changed = Signal(list)

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fonts = SizedFonts()  # set in pixels: they follow the text size (View ▸ Larger text)
        text_size().changed.connect(self.follow_text_size)
        self.document = document
        self.undo_stack = undo_stack
        self.ctx = CanvasContext(document, undo_stack, self)
        self._canvas_index = 0  # where the canvas shown stands: its neighbour is shown when it is deleted
        self._picked: str | None = None  # the factor or curve the user picked last: what Delete removes
        self._last_curve: str | None = None
        self._following = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_bar())
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_empty())
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self._build_chart_side())
        self.side = self._build_side()
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(True)
        self.splitter.setSizes([1040, 560])
        self._side_moved = False  # until the user drags the splitter, the side panel keeps its share of the width
        self.splitter.splitterMoved.connect(self._splitter_moved)
        self.stack.addWidget(self.splitter)
        self._set_texts()
        self.ctx.selection_changed.connect(self._selection_changed)
        self.ctx.hinted.connect(self.show_hint)
        changes_of(document).changed.connect(self._on_changes)
        first = document.model.canvases[0].id if document.model.canvases else None
        self.show_canvas(first)

    # ------------------------------------------------------------ building
    def _splitter_moved(self) -> None:
        self._side_moved = True

    def resizeEvent(self, ev) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(ev)
        if not self._side_moved:  # a wide screen gives the table room for the curves' names, a small one the chart
            side = max(SIDE_WIDTH, round(self.width() * 0.32))
            side = max(min(side, self.width() - CHART_WIDTH), round(self.width() * 0.3))
            self.splitter.setSizes([max(1, self.width() - side), side])

    def _build_bar(self) -> QWidget:
        """The canvas chooser and its buttons, the segment and the scale: a tool bar, so on a narrow screen what
        does not fit goes into its » menu instead of making the window wider."""
        bar = QToolBar(self)
        bar.setObjectName("canvasBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setStyleSheet("QToolBar { border: none; padding: 1px 4px; spacing: 4px; }")
        self.canvas_caption = QLabel(bar)
        bar.addWidget(self.canvas_caption)
        self.chooser = QComboBox(bar)
        self.chooser.setMinimumContentsLength(24)
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.activated.connect(lambda i: self.show_canvas(self.chooser.itemData(i)))
        bar.addWidget(self.chooser)
        self.bar_actions: dict[str, QAction] = {}  # actions, so an overflowed one is still in the » menu
        self.buttons: dict[str, QToolButton] = {}
        for key, slot in (("new", self.add_canvas), ("rename", self.rename_canvas),
                          ("duplicate", self.duplicate_canvas), ("delete", self.delete_canvas)):
            action = QAction(self)
            action.triggered.connect(slot)
            bar.addAction(action)
            self.bar_actions[key] = action
            self.buttons[key] = cast(QToolButton, bar.widgetForAction(action))
        bar.addSeparator()
        self.segment_caption = QLabel(bar)
        bar.addWidget(self.segment_caption)
        self.segment = QComboBox(bar)
        self.segment.setMinimumContentsLength(14)
        self.segment.activated.connect(self._segment_chosen)
        bar.addWidget(self.segment)
        self.scale_caption = QLabel(bar)
        bar.addWidget(self.scale_caption)
        self.scale = QComboBox(bar)
        self.scale.activated.connect(self._scale_chosen)
        bar.addWidget(self.scale)
        spring = QWidget(bar)
        spring.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spring)
        chart_only = QAction(self)
        chart_only.setCheckable(True)
        chart_only.toggled.connect(lambda on: self.side.setVisible(not on))
        bar.addAction(chart_only)
        self.bar_actions["chart_only"] = chart_only
        self.chart_only = cast(QToolButton, bar.widgetForAction(chart_only))
        self.chart_only.toggled.connect(chart_only.setChecked)  # checking the button itself acts too
        return bar

    def _build_empty(self) -> QWidget:
        page = QWidget(self)
        col = QVBoxLayout(page)
        col.addStretch(1)
        self.empty_text = QLabel(page)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fonts.set(self.empty_text, 18)
        col.addWidget(self.empty_text)
        self.create_button = QPushButton(page)
        self.create_button.clicked.connect(self.add_canvas)
        col.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignHCenter)
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
        col.setContentsMargins(12, 4, 4, 2)
        col.setSpacing(0)  # a 1280×720 screen gives the chart every pixel
        self.chart_side = side
        self.title = QLineEdit(side)
        self.title.setObjectName("canvasTitle")
        self.title.setStyleSheet(TITLE_STYLE)
        self.fonts.set(self.title, 24, bold=True)
        self.title.editingFinished.connect(self._title_edited)
        col.addWidget(self.title)
        self.tagline = TaglineEdit(self.ctx, side)
        self.tagline.setObjectName("canvasTagline")
        self.tagline.setStyleSheet(TAGLINE_STYLE)
        self.fonts.set(self.tagline, 17, italic=True)
        col.addWidget(self.tagline)
        self.legend = Legend(self.ctx, side)
        col.addWidget(self.legend)
        self.chart = ChartView(self.ctx, side)
        col.addWidget(self.chart, 1)
        row = QHBoxLayout()
        self.add_factor = QLineEdit(side)
        self.add_factor.setObjectName("addFactor")
        self.add_factor.setStyleSheet(ADD_STYLE)
        self.fonts.set(self.add_factor, 14)
        self.add_factor.returnPressed.connect(self._add_factor_typed)
        self.add_factor.installEventFilter(self)  # a pasted list of names adds them all
        row.addWidget(self.add_factor, 2)
        self.hint = QLabel(side)
        self.hint.setObjectName("canvasHint")
        self.hint.setStyleSheet("color: #B86E00;")
        self.hint.setWordWrap(True)
        row.addWidget(self.hint, 3)
        col.addLayout(row)
        self._hint_timer = QTimer(self)
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
        for panel in (self.curves, self.errc, self.quality, self.details):
            self.tabs.addTab(panel, "")
        self.table.doubleClicked.connect(self._table_double_clicked)
        side.addWidget(self.table)
        side.addWidget(self.tabs)
        side.setSizes([330, 470])
        return side

    # ------------------------------------------------------------ language
    def _set_texts(self) -> None:
        """The editor's own fixed texts in the current language (its parts handle their own)."""
        self.canvas_caption.setText(self.tr("Canvas:"))
        for key, text, tip in (
            ("new", self.tr("New"), self.tr("Add a canvas (e.g. one per segment)")),
            ("rename", self.tr("Rename"), self.tr("Rename this canvas")),
            ("duplicate", self.tr("Duplicate"), self.tr("Copy this canvas, e.g. to draw an alternative")),
            ("delete", self.tr("Delete"), self.tr("Delete this canvas (Undo brings it back)")),
        ):
            self.bar_actions[key].setText(text)
            self.bar_actions[key].setToolTip(tip)
        self.segment_caption.setText(self.tr("Segment:"))
        self.scale_caption.setText(self.tr("Scale:"))
        self.bar_actions["chart_only"].setText(self.tr("Chart only"))
        self.bar_actions["chart_only"].setToolTip(self.tr("Hide the table and panels, e.g. on the projector"))
        self.empty_text.setText(self.tr("This workshop has no strategy canvas yet."))
        self.create_button.setText(self.tr("Create a canvas"))
        self.title.setPlaceholderText(self.tr("Canvas title"))
        self.add_factor.setPlaceholderText(self.tr("+ Add a factor: type its name, press Enter"))
        for panel, text in ((self.curves, self.tr("Curves")), (self.errc, self.tr("ERRC grid")),
                            (self.quality, self.tr("Quality")), (self.details, self.tr("Factor"))):
            self.tabs.setTabText(self.tabs.indexOf(panel), text)
        self.tabs.setTabToolTip(self.tabs.indexOf(self.details),
                                self.tr("The selected factor's description, price-like mark and ERRC note"))
        self.hint.clear()  # a hint is said once, in the language it was said in
        self._fill_chooser()
        self._fill_segments()
        self._fill_scales()

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.LanguageChange:
            self._set_texts()  # Qt then hands the event to every part, which resets its own texts
        super().changeEvent(ev)

    def follow_text_size(self) -> None:
        """Set the texts sized in pixels at the app's new text size."""
        self.fonts.apply()
        self.updateGeometry()

    def retranslate(self) -> None:
        """Every text of the editor and its parts in the current language, without building anything again."""
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LanguageChange))

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
        self._canvas_index = self.document.index_of(canvas_id) if canvas_id else 0
        self.ctx.curve_id = default_curve(canvas) if canvas else None
        self.ctx.factor_id = None
        self._picked = None
        self._last_curve = self.ctx.curve_id
        for key in ("rename", "duplicate", "delete"):
            self.bar_actions[key].setEnabled(canvas is not None)
        self.segment.setEnabled(canvas is not None)
        self.scale.setEnabled(canvas is not None)
        self._fill_chooser()
        self._fill_segments()
        self._fill_scales()
        self._show_canvas_fields()
        self.chart.set_canvas(canvas)
        self.legend.relayout()
        self.table.reset_canvas()
        self.curves.reset_canvas()
        self.errc.reset_canvas()
        self.quality.reset_canvas()
        self.details.reset_canvas()
        self.stack.setCurrentIndex(1 if canvas else 0)  # after the views let go of a canvas that may be gone
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

    def _fill_scales(self) -> None:
        """The usual scales, and the canvas's own when it is another (its step written out)."""
        self.scale.clear()
        for (low, high), step in SCALES:
            self.scale.addItem(f"{low:g}–{high:g}", ((low, high), step))
        canvas = self.canvas
        if canvas is None:
            return
        key = ((float(canvas.scale[0]), float(canvas.scale[1])), float(canvas.step))
        index = next((i for i in range(self.scale.count()) if self.scale.itemData(i) == key), -1)
        if index < 0:
            low, high = key[0]
            self.scale.addItem(f"{low:g}–{high:g} ({self.tr('step')} {key[1]:g})", key)
            index = self.scale.count() - 1
        self.scale.setCurrentIndex(index)

    def _show_canvas_fields(self) -> None:
        canvas = self.canvas
        if not self.title.hasFocus():
            self.title.setText(canvas.title if canvas else "")
        self.tagline.refresh()

    def add_canvas(self) -> None:
        """Add a canvas with an as-is and a to-be curve, and show it."""
        count = len(self.document.model.canvases) + 1
        canvas = m.Canvas(changes.new_id(), self.tr("Canvas %1").replace("%1", str(count)))
        names = kind_names()
        for kind in ("as_is", "to_be"):
            canvas.curves.append(new_curve(canvas, names[kind], kind))
        if self.ctx.push(changes.insert(self.document, canvas),
                         lambda: QCoreApplication.translate("CanvasEditor", "Add canvas")):
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
        if self.ctx.push(changes.insert(self.document, copy, index),
                         lambda: QCoreApplication.translate("CanvasEditor", "Duplicate canvas")):
            self.show_canvas(copy.id)

    def delete_canvas(self) -> None:
        """Delete the canvas shown (one undo brings it back)."""
        if self.canvas is not None:
            self.ctx.push(changes.delete(self.document, self.canvas.id),
                          lambda: QCoreApplication.translate("CanvasEditor", "Delete canvas"))

    def _title_edited(self) -> None:
        canvas = self.canvas
        title = " ".join(self.title.text().split())
        if canvas is not None and title and title != canvas.title:
            self.ctx.push(changes.update(self.document, canvas.id, title=title),
                          lambda: QCoreApplication.translate("CanvasEditor", "Rename canvas"))
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
            self.ctx.push(change_scale(self.document, canvas.id, scale, step),
                          lambda: QCoreApplication.translate("CanvasEditor", "Change scale"))

    # ------------------------------------------------------------- factors
    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.add_factor and ev.type() == QEvent.Type.KeyPress and ev.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text()
            if is_a_list(text):
                add_factor_names(self.ctx, self.add_factor.text() + text)
                self.add_factor.clear()
                return True
        return super().eventFilter(obj, ev)

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
        if self.ctx.push(changes.insert(self.document, factor, parent=canvas.id),
                         lambda: QCoreApplication.translate("CanvasEditor", "Add factor")):
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

    # ---------------------------------------------------------- following
    def _on_changes(self, changes: Changes) -> None:
        if changes.everything:
            self._renew()
            return
        touch = touch_in(changes, self.ctx.canvas_id)
        if touch.canvas_removed or (self.ctx.canvas_id is None and self.document.model.canvases):
            self._show_neighbour()
            return
        if touch.canvas_list:
            self._fill_chooser()
            if self.ctx.canvas_id is not None:
                self._canvas_index = self.document.index_of(self.ctx.canvas_id)
        if touch.segments or "segment" in touch.canvas_fields:
            self._fill_segments()
        if touch.canvas_fields & {"scale", "step"}:
            self._fill_scales()
        if touch.canvas_fields & {"title", "tagline"}:
            self._show_canvas_fields()
        if touch.on_canvas:
            self._follow(changes)

    def _follow(self, changes: Changes) -> None:
        self._following = True
        try:
            for view in (self.chart, self.legend, self.table, self.curves, self.errc, self.quality, self.details):
                view.apply(changes)
            self.ctx.repair_selection()
        finally:
            self._following = False
        if self._picked is not None and self.document.find(self._picked) is None:
            self._set_picked(None)

    def _renew(self) -> None:
        """Everything may differ (a snapshot restored): show the same canvas and selection when they still exist."""
        curve, factor, picked = self.ctx.curve_id, self.ctx.factor_id, self._picked
        if self.ctx.canvas_id is None or self.document.kind_of(self.ctx.canvas_id) != "canvas":
            self._show_neighbour()
            return
        self.show_canvas(self.ctx.canvas_id)
        canvas = self.ctx.canvas
        assert canvas is not None
        self._following = True
        try:
            self.ctx.select(curve if curve in {c.id for c in canvas.curves} else self.ctx.curve_id,
                            factor if factor in {f.id for f in canvas.factors} else None)
        finally:
            self._following = False
        self._set_picked(picked if picked is not None and self.document.find(picked) is not None else None)

    def _show_neighbour(self) -> None:
        canvases = self.document.model.canvases
        if not canvases:
            self.show_canvas(None)
            return
        self.show_canvas(canvases[min(self._canvas_index, len(canvases) - 1)].id)

    # ---------------------------------------------------------- selection
    def show_remote_selections(self, selections: list[RemoteSelection]) -> None:
        """Mark the factor columns and curves the other participants of a live session selected, in their colour."""
        self.chart.remote.show(selections)

    def _selection_ids(self) -> list[str]:
        ids = [i for i in (self.ctx.curve_id, self.ctx.factor_id) if i]
        if self.ctx.factor_id is None and self.ctx.curve_id is None and self.ctx.canvas_id:
            ids = [self.ctx.canvas_id]
        return ids

    def _selection_changed(self) -> None:
        curve, factor = self.ctx.curve_id, self.ctx.factor_id
        if not self._following:  # the user picked: a factor, else a curve (a factor let go picks nothing)
            self._picked = factor if factor is not None else (curve if curve != self._last_curve else None)
        self._last_curve = curve
        self.selection_changed.emit(self._selection_ids())

    def selected_ids(self) -> list[str]:
        """The curve and factor selected (the canvas shown when neither is)."""
        return self._selection_ids()

    def select_ids(self, ids: list[str]) -> None:
        """Show and select what `ids` name: a canvas, a factor and/or a curve (switching canvas if needed)."""
        canvas_id = curve_id = factor_id = None
        for obj_id in ids:
            kind = self.document.kind_of(obj_id)
            if kind == "canvas":
                canvas_id = obj_id
            elif kind in ("factor", "curve"):
                canvas_id = self.document.parent_of(obj_id)
                if kind == "factor":
                    factor_id = obj_id
                else:
                    curve_id = obj_id
        if canvas_id is None:
            return
        if canvas_id != self.ctx.canvas_id:
            self.show_canvas(canvas_id)
        self.ctx.select(curve_id if curve_id is not None else self.ctx.curve_id, factor_id)
        self._set_picked(factor_id or curve_id)

    def _set_picked(self, picked: str | None) -> None:
        """Make `picked` what Delete removes; the shell hears of it as a change of selection."""
        if picked != self._picked:
            self._picked = picked
            self.selection_changed.emit(self._selection_ids())

    def show_hint(self, text: str) -> None:
        """Say briefly why something was not done."""
        self.hint.setText(text)
        self._hint_timer.start()

    # ------------------------------------------------------- editor interface
    def unavailable(self, action: EditorAction) -> str | None:
        """Why `action` does not apply to the canvas now, in the current language; None when it does."""
        if action in (EditorAction.ZOOM_IN, EditorAction.ZOOM_OUT, EditorAction.ZOOM_FIT):
            return self.tr("The chart always fits its window")
        if action == EditorAction.SELECT_ALL:
            return self.tr("The canvas selects one factor or curve at a time")
        if action == EditorAction.FIND:
            return None if self.document.model.canvases else self.tr("This workshop has no strategy canvas yet.")
        if self.canvas is None:
            return self.tr("This workshop has no strategy canvas yet.")
        if action == EditorAction.DELETE and self._picked is None:
            return self.tr("Select a factor or a curve to delete it")
        return None

    def delete_selection(self) -> None:
        """Delete the factor (with its levels) or the curve picked last: one undoable edit."""
        picked = self._picked
        kind = self.document.kind_of(picked) if picked else None
        if kind == "factor":
            self.chart.delete_factor(picked)
        elif kind == "curve":
            self.curves.delete_curve(picked)

    def select_all(self) -> None:
        """Nothing to do: the canvas selects one factor or curve at a time (see `unavailable`)."""

    def copy_picture(self) -> None:
        """Put the chart with its title, tagline and legend on the clipboard as a PNG picture."""
        if self.canvas is None:
            return
        bottom = self.chart.geometry().bottom()
        image = self.chart_side.grab(QRect(0, 0, self.chart_side.width(), bottom + 1)).toImage()
        # setImage: Qt owns the clipboard's data (offered as PNG too); mime data made in Python crashes at exit
        QApplication.clipboard().setImage(image)

    def zoom_in(self) -> None:
        """Nothing to do: the chart always fits its window."""

    def zoom_out(self) -> None:
        """Nothing to do: the chart always fits its window."""

    def zoom_fit(self) -> None:
        """Nothing to do: the chart always fits its window."""

    def find(self, text: str) -> int:  # type: ignore[override]  # the Editor interface's find, not QWidget.find(id)
        """Select the first factor or curve whose name holds `text` (the canvas shown first); how many do."""
        needle = " ".join(text.split()).casefold()
        if not needle:
            return 0
        canvases = sorted(self.document.model.canvases, key=lambda c: c.id != self.ctx.canvas_id)
        names: list[tuple[str, str]] = []
        for c in canvases:
            names += [(f.id, f.name) for f in c.factors] + [(k.id, k.name) for k in c.curves]
        found = [obj_id for obj_id, name in names if needle in name.casefold()]
        if found:
            self.select_ids(found[:1])
        return len(found)
