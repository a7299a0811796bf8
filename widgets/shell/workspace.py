"""The workspace of one open workshop: its header, the page bar, the workshop page (forms, tables) and the editors."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QLabel, QStackedWidget, QTabBar, QTabWidget, QVBoxLayout, QWidget

from app.changed import WORKSHOP, Changes
from app.document import Document
from widgets.base.live import changes_of
from widgets.base.table_specs import TableSpec, table_specs
from widgets.economics.page import EconomicsPage
from widgets.shell.editor_pages import EDITORS, EditorPage
from widgets.shell.forms import WorkshopForm
from widgets.shell.table_page import TablePage

PAGES = ("workshop", *EDITORS)  # the page bar, in order
DETAILS = "details"  # the first tab of the workshop page
ECONOMICS = "economics"  # stage 7's page: the internal market and motivation, after the economics table


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as written (Qt would read «<b>…</b>» in it as markup), wrapped to the screen."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


class WorkshopPage(QTabWidget):
    """The goal and details, then one tab per list; each tab is built when first shown."""

    hint = Signal(str)

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshopPage")
        self.setDocumentMode(True)
        self.document = document
        self.undo_stack = undo_stack
        self.specs: dict[str, TableSpec] = table_specs()
        self.keys = [DETAILS, *self.specs]
        self.keys.insert(self.keys.index("results") + 1 if "results" in self.keys else len(self.keys), ECONOMICS)
        self.built: dict[str, QWidget] = {}
        for _key in self.keys:
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            self.addTab(holder, "")
        self.currentChanged.connect(lambda index: self.page(self.keys[index]))
        self.retranslate()
        self.page(DETAILS)

    def page(self, key: str) -> QWidget:
        """The tab's content (built now if needed): the WorkshopForm for "details", else a TablePage."""
        if key in self.built:
            return self.built[key]
        if key == DETAILS:
            page: QWidget = WorkshopForm(self.document, self.undo_stack)
        elif key == ECONOMICS:
            page = EconomicsPage(self.document, self.undo_stack)
        else:
            spec = self.specs[key]
            page = TablePage(self.document, self.undo_stack, spec.kind, spec.columns, spec.new_row, spec.first_key,
                             spec.about)
        page.hint.connect(self.hint)
        self.built[key] = page
        self.widget(self.keys.index(key)).layout().addWidget(page)
        return page

    def show_tab(self, key: str) -> QWidget:
        """Bring a tab forward; returns its content."""
        page = self.page(key)
        self.setCurrentIndex(self.keys.index(key))
        return page

    def current_key(self) -> str:
        """The key of the tab shown."""
        return self.keys[self.currentIndex()]

    def current_table(self) -> TablePage | None:
        """The table page in front (on the details tab: the root values)."""
        page = self.built.get(self.current_key())
        if isinstance(page, WorkshopForm):
            return page.values
        return page if isinstance(page, TablePage) else None

    def retranslate(self) -> None:
        """Tab titles in the current language."""
        self.setTabText(0, self.tr("Goal & details").replace("&", "&&"))
        for index, key in enumerate(self.keys):
            if key in self.specs:
                self.setTabText(index, QCoreApplication.translate("pages", self.specs[key].title).replace("&", "&&"))
        self.setTabText(self.keys.index(ECONOMICS), self.tr("Internal market & motivation").replace("&", "&&"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class Workspace(QWidget):
    """Everything shown for one workshop in the middle of the window."""

    hint = Signal(str)
    page_changed = Signal(str)
    selection_changed = Signal(list)

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.document = document
        self.undo_stack = undo_stack
        self.title_label = QLabel(objectName="title")
        self.subtitle_label = QLabel(objectName="subtitle")
        self.goal_label = QLabel(objectName="headerGoal")
        for label in (self.title_label, self.subtitle_label, self.goal_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # the user's words, «<b>» and all, never markup
        header = QFrame(objectName="header")
        box = QVBoxLayout(header)
        box.setContentsMargins(20, 10, 20, 8)
        box.setSpacing(2)
        box.addWidget(self.title_label)
        box.addWidget(self.subtitle_label)
        box.addWidget(self.goal_label)
        self.page_bar = QTabBar(objectName="pageBar")
        self.page_bar.setDocumentMode(True)
        self.page_bar.setExpanding(False)
        self.stack = QStackedWidget()
        self.workshop = WorkshopPage(document, undo_stack)
        self.workshop.hint.connect(self.hint)
        self.editors: dict[str, EditorPage] = {}
        self.stack.addWidget(self.workshop)
        for key, spec in EDITORS.items():
            page = EditorPage(spec, document, undo_stack)
            page.selection_changed.connect(self.selection_changed)
            self.editors[key] = page
            self.stack.addWidget(page)
        for _key in PAGES:
            self.page_bar.addTab("")
        self.page_bar.currentChanged.connect(self._page_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.page_bar)
        layout.addWidget(self.stack, 1)
        self.retranslate()
        self.refresh_header()
        changes_of(document).changed.connect(self._on_changes)

    # ------------------------------------------------------------------- pages
    def _page_chosen(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.page_changed.emit(PAGES[index])

    def show_page(self, key: str) -> QWidget:
        """Bring a page forward ("workshop", "canvas", "structure", "promises"); returns it."""
        self.page_bar.setCurrentIndex(PAGES.index(key))
        return self.stack.widget(PAGES.index(key))

    def current_page(self) -> str:
        """The key of the page shown."""
        return PAGES[self.stack.currentIndex()]

    def current_editor(self) -> EditorPage | None:
        """The editor page in front, or None on the workshop page."""
        return self.editors.get(self.current_page())

    def current_table(self) -> TablePage | None:
        """The table in front, or None on an editor page."""
        return self.workshop.current_table() if self.current_page() == "workshop" else None

    def show_table(self, key: str, ids: list[str] | None = None, column: str | None = None) -> TablePage:
        """Bring a table forward and select rows in it."""
        self.show_page("workshop")
        page = self.workshop.show_tab(key)
        table = page.values if isinstance(page, WorkshopForm) else page
        if ids:
            table.select_ids(ids, column)
        table.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return table

    def show_details(self, field: str = "evolutionary_goal") -> WorkshopForm:
        """Bring the goal and details forward, with the keyboard in `field`."""
        self.show_page("workshop")
        form = self.workshop.show_tab("details")
        form.focus_field(field)  # type: ignore[attr-defined]
        return form  # type: ignore[return-value]

    # ------------------------------------------------------------------ header
    def refresh_header(self) -> None:
        """The workshop's title, organisation, facilitator, date and goal on top."""
        info = self.document.model.info
        self.title_label.setText(info.title or self.tr("Untitled workshop"))
        self.subtitle_label.setText("  ·  ".join(x for x in (info.organization, info.facilitator, info.date) if x))
        self.subtitle_label.setVisible(bool(self.subtitle_label.text()))
        goal = " ".join(info.evolutionary_goal.split())
        self.goal_label.setText(f"◎  {goal}" if goal else self.tr("◎  The evolutionary goal is not formulated yet"))
        self.goal_label.setToolTip(plain_tooltip(info.evolutionary_goal))

    def _on_changes(self, changed: Changes) -> None:
        """The header follows the workshop's details."""
        if changed.touches(WORKSHOP):
            self.refresh_header()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.page_bar.setTabText(0, self.tr("Workshop"))
        for index, spec in enumerate(EDITORS.values(), start=1):
            self.page_bar.setTabText(index, QCoreApplication.translate("pages", spec.title))
            self.page_bar.setTabToolTip(index, QCoreApplication.translate("pages", spec.about))
        self.page_bar.setTabToolTip(0, self.tr("The goal, the workshop's details and every list as a table"))
        self.refresh_header()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
