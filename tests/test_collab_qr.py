"""The share dialog's QR code holds the join link; Join… takes that link pasted."""

from __future__ import annotations

import segno
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtTest import QTest

from app.collab.net import Invitation, parse_link
from app.generate import small_workshop
from app.workfile import WorkFile
from tests.test_collab_window import _share_by_menu
from tests.test_shell_dialogs import open_window
from widgets.collab.dialogs import JoinDialog, ShareDialog
from widgets.collab.qr import QUIET_ZONE
from widgets.shell.i18n import Translations


def read_modules(image: QImage) -> list[list[bool]]:
    """The modules of a QR code as drawn (white quiet zone round it): the centre of each module, dark or not."""
    dark = [[image.pixelColor(x, y).lightness() < 128 for x in range(image.width())] for y in range(image.height())]
    rows = [y for y, row in enumerate(dark) if any(row)]
    cols = [x for x in range(image.width()) if any(row[x] for row in dark)]
    top, left, size = rows[0], cols[0], cols[-1] - cols[0] + 1
    module = 1
    while dark[top][left + module]:  # the finder pattern's top row is 7 dark modules
        module += 1
    module //= 7
    count = size // module
    return [[dark[top + r * module + module // 2][left + c * module + module // 2] for c in range(count)]
            for r in range(count)]


def test_the_share_dialog_shows_the_join_link_as_a_qr_code(qtbot, english: Translations) -> None:
    window = open_window(qtbot, WorkFile.new(small_workshop(2)), english)
    invitation = _share_by_menu(qtbot, window)
    try:
        dialog = window.findChild(ShareDialog)
        link = f"clientocracy://127.0.0.1:{invitation.port}?code={invitation.code}"
        assert invitation.link == link
        assert dialog.qr.isVisible() and link in dialog.link.text()
        drawn = read_modules(dialog.qr.pixmap().toImage())
        expected = [[bool(m) for m in row] for row in segno.make(link, error="m", micro=False).matrix]
        assert drawn == expected  # what a phone's camera reads is the link, module by module
        image = dialog.qr.pixmap().toImage()
        module = image.width() // (len(expected) + 2 * QUIET_ZONE)
        assert all(image.pixelColor(x, module).lightness() > 200 for x in range(image.width()))  # the quiet zone
        window.live.stop()
        assert not dialog.qr.isVisible()
    finally:
        window.live.stop()


def test_a_pasted_link_fills_the_address_and_the_code(qtbot, english: Translations) -> None:
    dialog = JoinDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    QGuiApplication.clipboard().setText("clientocracy://192.168.1.5:9000?code=ABCDE-FGH23")
    dialog.address.setFocus()
    QTest.keySequence(dialog.address, "Ctrl+V")
    assert dialog.address.text() == "192.168.1.5:9000"
    assert dialog.code.text() == "ABCDE-FGH23"
    assert dialog.invitation() == Invitation("192.168.1.5", 9000, "ABCDEFGH23")


def test_a_link_is_read_only_when_it_is_one() -> None:
    assert parse_link("clientocracy://[::1]:8765?code=abcde-fgh23") == Invitation("::1", 8765, "ABCDEFGH23")
    assert parse_link("192.168.1.5:8765") is None
    assert parse_link("clientocracy://192.168.1.5:8765") is None  # no code
    assert parse_link("clientocracy://192.168.1.5:99999?code=A") is None
