"""File ▸ Export ▸ Handout branding: the consultant's logo and accent colour, kept in the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from widgets.shell.settings import Settings

PREVIEW = QSize(360, 90)  # room for the logo in the preview


def default_accent() -> str:
    """The exports' own accent colour (exports.style loads no export library)."""
    from exports.style import ACCENT

    return ACCENT


def read_logo(path: str, size: QSize = PREVIEW) -> QImage:
    """The logo file scaled to fit `size` (an SVG rendered at that size); a null image when unreadable.

    The file passes the exports' own checks first (a regular file of bounded size, an SVG that refers to no other
    file), so a pipe or a huge picture never blocks the window and the preview shows only what the handout can draw.
    """
    from exports.logo import check_logo  # the exports' libraries load when the dialog is used, not at start-up

    try:
        check_logo(Path(path))
    except Exception:  # LogoError, FileRefused or OSError: the preview says the file cannot be read
        return QImage()
    reader = QImageReader(path)
    natural = reader.size()
    if natural.isValid() and not natural.isEmpty():
        reader.setScaledSize(natural.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


class BrandingDialog(QDialog):
    """Choose a logo (PNG, JPEG or SVG) and an accent colour, see them as on the cover, keep them or reset."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("brandingDialog")
        self.settings = settings
        current = settings.branding()
        self.logo: str | None = current["logo"]
        self.accent: str | None = current["accent"]

        self.band = QLabel(objectName="brandingBand")
        self.band.setMinimumHeight(64)
        self.band.setContentsMargins(16, 8, 16, 8)
        self.preview = QLabel(objectName="brandingLogo")
        self.preview.setMinimumSize(PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.preview.setContentsMargins(16, 8, 16, 8)
        page = QWidget(objectName="brandingPreview")
        page.setStyleSheet("#brandingPreview { background: white; border: 1px solid #C9CED6; }")
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(self.band)
        page_layout.addWidget(self.preview)

        self.logo_name = QLabel(objectName="brandingLogoName")
        self.logo_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = choose = QPushButton(objectName="brandingChooseLogo")
        choose.clicked.connect(self.choose_logo)
        self.clear_button = QPushButton(objectName="brandingClearLogo")
        self.clear_button.clicked.connect(lambda: self.set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_name, 1)
        logo_row.addWidget(choose)
        logo_row.addWidget(self.clear_button)
        self.colour_button = QPushButton(objectName="brandingAccent")
        self.colour_button.clicked.connect(self.choose_accent)
        self.logo_label, self.accent_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.logo_label, logo_row)
        form.addRow(self.accent_label, self.colour_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.Reset)
        buttons.button(QDialogButtonBox.StandardButton.Reset).setObjectName("brandingReset")
        buttons.button(QDialogButtonBox.StandardButton.Reset).clicked.connect(self.reset)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.note = note = QLabel()
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(page)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language (the dialog may be open while the language changes)."""
        self.setWindowTitle(self.tr("Handout branding"))
        self.choose_button.setText(self.tr("Choose logo…"))
        self.clear_button.setText(self.tr("No logo"))
        self.logo_label.setText(self.tr("Logo:"))
        self.accent_label.setText(self.tr("Accent colour:"))
        self.note.setText(self.tr("Shown on the cover of PDF handouts and slides and on the first slide of decks."))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------- choices
    def set_logo(self, path: str | None) -> None:
        """Use the logo file `path` (None: no logo)."""
        self.logo = path or None
        self.refresh()

    def set_accent(self, colour: str | None) -> None:
        """Use the accent colour "#RRGGBB" (None: the default)."""
        self.accent = colour.upper() if colour else None
        self.refresh()

    def choose_logo(self) -> None:
        """Ask for a logo file (PNG, JPEG or SVG)."""
        start = str(Path(self.logo).parent) if self.logo else self.settings.last_folder()
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a logo"), start,
                                              self.tr("Logo (*.png *.jpg *.jpeg *.svg)"))
        if path:
            self.set_logo(path)

    def choose_accent(self) -> None:
        """Ask for the accent colour."""
        colour = QColorDialog.getColor(QColor(self.accent or default_accent()), self, self.tr("Accent colour"))
        if colour.isValid():
            self.set_accent(colour.name())

    def reset(self) -> None:
        """Back to no logo and the default accent colour."""
        self.logo, self.accent = None, None
        self.refresh()

    def accept(self) -> None:
        """Keep the choices in the settings."""
        self.settings.set_branding(self.logo, self.accent)
        self.settings.sync()
        super().accept()

    # ----------------------------------------------------------------- preview
    def refresh(self) -> None:
        """Show the choices: the colour on its button and on the band, the logo below it as on the cover."""
        accent = self.accent or default_accent()
        light = QColor(accent).lightnessF() > 0.6
        ink = "#1B1F24" if light else "white"
        self.colour_button.setText(accent if self.accent else self.tr("{colour} (default)").format(colour=accent))
        self.colour_button.setStyleSheet(f"QPushButton#brandingAccent {{ background: {accent}; color: {ink}; "
                                         "padding: 4px 12px; }")
        self.band.setStyleSheet(f"QLabel#brandingBand {{ background: {accent}; color: {ink}; font-weight: bold; "
                                "font-size: 15pt; }")
        self.band.setText(self.tr("Workshop title"))
        self.clear_button.setEnabled(self.logo is not None)
        if self.logo is None:
            self.logo_name.setText(self.tr("No logo"))
            self.preview.setPixmap(QPixmap())
            self.preview.setText("")
            return
        self.logo_name.setText(Path(self.logo).name)
        self.logo_name.setToolTip(self.logo)
        image = read_logo(self.logo)
        if image.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("This file cannot be read as a picture."))
        else:
            self.preview.setText("")
            self.preview.setPixmap(QPixmap.fromImage(image))
