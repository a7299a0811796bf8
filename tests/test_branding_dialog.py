"""File ▸ Export ▸ Handout branding: the logo and accent colour are chosen, previewed, kept and used by exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QDialog, QFileDialog

from tests.test_export_branding import ACCENT, image_count, png_logo, svg_logo, top_pixel
from widgets.shell.branding_dialog import BrandingDialog
from widgets.shell.i18n import Translations
from widgets.shell.main_window import MainWindow
from widgets.shell.settings import Settings


def test_settings_keep_the_branding(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    assert settings.branding() == {"logo": None, "accent": None}
    settings.set_branding(tmp_path / "logo.svg", ACCENT)
    settings.sync()
    assert Settings(tmp_path / "s.ini").branding() == {"logo": str(tmp_path / "logo.svg"), "accent": ACCENT}
    settings.set_branding(None, None)
    assert settings.branding() == {"logo": None, "accent": None}


def test_dialog_chooses_previews_keeps_and_resets(qtbot, tmp_path: Path, english: Translations,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(tmp_path / "s.ini")
    dialog = BrandingDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.preview.pixmap().isNull() and not dialog.clear_button.isEnabled()
    logo = svg_logo(tmp_path / "logo.svg")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(logo), ""))
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor(ACCENT))
    dialog.findChild(type(dialog.clear_button), "brandingChooseLogo").click()
    dialog.colour_button.click()
    assert not dialog.preview.pixmap().isNull() and dialog.preview.pixmap().width() > 100  # the SVG rendered
    assert dialog.logo_name.text() == "logo.svg" and dialog.colour_button.text() == ACCENT
    assert ACCENT in dialog.band.styleSheet()
    dialog.grab().save(str(tmp_path / "branding.png"))
    assert settings.branding()["logo"] is None  # nothing kept before OK
    dialog.accept()
    assert settings.branding() == {"logo": str(logo), "accent": ACCENT}

    again = BrandingDialog(settings)
    qtbot.addWidget(again)
    assert again.logo == str(logo) and again.accent == ACCENT
    again.reset()
    assert again.preview.pixmap().isNull() and "(default)" in again.colour_button.text()
    again.accept()
    assert settings.branding() == {"logo": None, "accent": None}


def test_dialog_says_when_a_logo_cannot_be_read(qtbot, tmp_path: Path, english: Translations) -> None:
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not a picture")
    dialog = BrandingDialog(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(dialog)
    dialog.set_logo(str(bad))
    assert dialog.preview.pixmap().isNull() and "cannot be read" in dialog.preview.text()


def test_branding_is_in_the_export_menu_and_reaches_the_handout(qtbot, window: MainWindow, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from widgets.shell import files

    action = window.menus["branding"]
    assert action in window.menus.menus["export"].actions()
    assert action.text() == "Handout &branding…"
    shown = []

    def fake_exec(dialog: BrandingDialog) -> int:
        shown.append(dialog)
        dialog.set_logo(str(png_logo(tmp_path / "logo.png")))
        dialog.set_accent(ACCENT)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BrandingDialog, "exec", fake_exec)
    action.trigger()
    assert len(shown) == 1 and window.settings.branding()["accent"] == ACCENT
    target = tmp_path / "handout.pdf"
    monkeypatch.setattr(files, "ask_export_path", lambda *a: target)
    window.menus.menus["file"].aboutToShow.emit()
    with qtbot.waitSignal(window.exporter.finished, timeout=60_000):
        window.menus["export_pdf"].trigger()
    assert image_count(target) == 1 and top_pixel(target) == (0x7A, 0x1F, 0xA2)


def test_a_pipe_or_an_svg_that_reaches_for_another_file_is_never_read_by_the_preview(
        qtbot, tmp_path: Path, english: Translations) -> None:
    """Choosing a FIFO as the logo used to block the window in Qt's image reader; an SVG that refers to another file
    is refused as the exports refuse it, so the preview never promises a logo the handout cannot draw."""
    import os

    pipe = tmp_path / "logo.png"
    os.mkfifo(pipe)
    sneaky = tmp_path / "logo.svg"
    sneaky.write_text('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                      'width="10" height="10"><image xlink:href="/etc/hostname" width="10" height="10"/></svg>')
    dialog = BrandingDialog(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(dialog)
    for path in (pipe, sneaky):
        dialog.set_logo(str(path))  # returns at once: nothing waits for a writer on the pipe
        assert dialog.preview.pixmap().isNull() and "cannot be read" in dialog.preview.text()
