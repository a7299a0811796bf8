"""The page shown when no workshop is open: start a new one, from the sample, open a file, or a recent one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from widgets.shell.files import file_exists
from widgets.shell.settings import Settings


class WelcomePage(QWidget):
    """Calm first steps: three buttons and the recent files (a missing one is shown greyed and cannot be chosen)."""

    new_requested = Signal()
    sample_requested = Signal()
    open_requested = Signal()
    recent_chosen = Signal(Path)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.settings = settings
        self.title = QLabel("Clientocracy Studio", objectName="welcomeTitle")
        self.text = QLabel(objectName="welcomeText", wordWrap=True)
        self.new_button = QPushButton(objectName="welcomeNew")
        self.sample_button = QPushButton(objectName="welcomeSample")
        self.open_button = QPushButton(objectName="welcomeOpen")
        self.new_button.clicked.connect(self.new_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.recent_caption = QLabel(objectName="sectionCaption")
        self.recent = QListWidget(objectName="welcomeRecent")
        self.recent.itemActivated.connect(self._chosen)  # a double click (or Enter): the style's activation gesture
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        for button in (self.new_button, self.sample_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(14)
        column.addStretch(1)
        column.addWidget(self.title)
        column.addWidget(self.text)
        column.addSpacing(8)
        column.addLayout(buttons)
        column.addSpacing(16)
        column.addWidget(self.recent_caption)
        column.addWidget(self.recent)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)
        self.retranslate()

    def refresh(self) -> None:
        """List the recent files again."""
        self.recent.clear()
        for path in self.settings.recent_files():
            exists = file_exists(path)
            label = Path(path).name + ("  " + self.tr("(missing)") if exists is False else "")
            item = QListWidgetItem(f"{label}\n{Path(path).parent}", self.recent)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            if exists is False:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.recent.setVisible(self.recent.count() > 0)
        self.recent_caption.setVisible(self.recent.count() > 0)

    def _chosen(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path and item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.recent_chosen.emit(Path(path))

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.text.setText(self.tr("Walk a company's leadership through the nine stages of Clientocracy: clients "
                                  "and their pains, the strategy canvas, the structure from the client, promises, "
                                  "economics, indicators and experiments."))
        self.new_button.setText(self.tr("New workshop"))
        self.sample_button.setText(self.tr("New from the sample"))
        self.open_button.setText(self.tr("Open…"))
        self.recent_caption.setText(self.tr("Recent workshops"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
