"""Two windows in one live session: File ▸ Share on this network… and Join…, edits both ways, undo of one's own."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app import changes as ch
from app.collab.net import Invitation, normal_code
from app.generate import small_workshop
from app.workfile import WorkFile
from tests.collab_support import WAIT_S, state
from tests.test_shell_dialogs import open_window
from widgets.base.undo import push_edit
from widgets.collab.dialogs import ShareDialog
from widgets.shell.i18n import Translations
from widgets.shell.main_window import MainWindow

WAIT_MS = int(WAIT_S * 1000)


def wait_for(done) -> None:
    """Let the event loop run until `done()` holds (AssertionError after WAIT_S): updates arrive through it."""
    deadline = time.monotonic() + WAIT_S
    while not done():
        assert time.monotonic() < deadline, "not within the wait"
        QTest.qWait(5)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _share_by_menu(qtbot, window: MainWindow) -> Invitation:
    """File ▸ Share on this network…, this computer's loopback, Start sharing: the room's invitation."""
    window.menus["share"].trigger()
    dialog = window.findChild(ShareDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.network.setCurrentIndex(dialog.network.findData("127.0.0.1"))
    dialog.port.setValue(_free_port())
    QTest.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.invitation is not None, timeout=WAIT_MS)
    assert dialog.address.isVisible() and dialog.code.isVisible()
    invitation = dialog.invitation
    assert dialog.address.text().endswith(invitation.address)
    assert normal_code(dialog.code.text().split(":", 1)[1]) == invitation.code
    return invitation


@pytest.fixture
def pair(qtbot, english: Translations) -> Iterator[tuple[MainWindow, MainWindow]]:
    """A facilitator's window sharing a workshop, and a participant's window that joined it."""
    host = open_window(qtbot, WorkFile.new(small_workshop(11)), english)
    guest = open_window(qtbot, None, english)
    invitation = _share_by_menu(qtbot, host)
    assert guest.live.join_room(invitation)
    qtbot.waitUntil(lambda: guest.document is not None and state(guest.document) == state(host.document),
                    timeout=WAIT_MS)
    yield host, guest
    host.live.stop()
    guest.live.stop()


def test_sharing_shows_an_address_on_the_chosen_interface_and_a_code(qtbot, english: Translations) -> None:
    window = open_window(qtbot, WorkFile.new(small_workshop(2)), english)
    invitation = _share_by_menu(qtbot, window)
    assert invitation.host == "127.0.0.1" and len(invitation.code) >= 10
    assert "Sharing on 127.0.0.1" in window.live.status_label.text()
    window.findChild(ShareDialog).stop.click()
    assert window.live.session is None and not window.live.status_label.isVisible()


def test_a_joined_window_shows_the_hosts_workshop_and_follows_its_edits(pair) -> None:
    host, guest = pair
    assert guest.document.model.info.title == host.document.model.info.title
    assert guest.windowTitle().startswith(host.document.model.info.title)  # the room's title, not "Shared workshop"
    assert "Connected to 127.0.0.1" in guest.live.status_label.text()
    promise = host.document.model.promises[0]
    push_edit(host.undo_stack, host.document, ch.update(host.document, promise.id, status="kept"))
    wait_for(lambda: guest.document.find(promise.id).status == "kept")
    assert guest.document.find(promise.id).status == "kept"
    assert guest.undo_stack.count() == 0  # the host's edit is not the participant's to undo
    assert guest.isWindowModified()
    assert "1 laptop" in host.live.status_label.text()


def test_undo_takes_back_only_ones_own_edit(pair) -> None:
    host, guest = pair
    first, second = guest.document.model.promises[0], guest.document.model.promises[1]
    push_edit(guest.undo_stack, guest.document, ch.update(guest.document, first.id, text="Мой текст"))
    push_edit(guest.undo_stack, guest.document, ch.insert(guest.document, small_value("v-guest"), index=0))
    wait_for(lambda: host.document.find("v-guest") is not None)
    push_edit(host.undo_stack, host.document, ch.update(host.document, second.id, text="Текст ведущего"))
    push_edit(host.undo_stack, host.document, ch.insert(host.document, small_value("v-host"), index=0))
    wait_for(lambda: guest.document.find("v-host") is not None)
    guest.menus["undo"].trigger()  # the guest's insert, now at index 1 behind the host's
    guest.menus["undo"].trigger()  # the guest's text
    wait_for(lambda: host.document.find("v-guest") is None)
    wait_for(lambda: host.document.find(first.id).text == first.text)
    for window in (host, guest):
        assert window.document.find("v-host") is not None
        assert window.document.find(second.id).text == "Текст ведущего"
        assert window.document.find(first.id).text == first.text
    assert state(host.document) == state(guest.document)


def test_a_participant_offline_keeps_editing_and_both_sides_sync_on_return(pair) -> None:
    host, guest = pair
    guest.live.session.go_offline()
    wait_for(lambda: guest.live.session.status == "offline")
    assert "Offline" in guest.live.status_label.text()
    promise = guest.document.model.promises[0]
    push_edit(guest.undo_stack, guest.document, ch.update(guest.document, promise.id, metric="NPS"))
    push_edit(host.undo_stack, host.document, ch.update(host.document, "", notes="Пока вы были офлайн"))
    guest.live.session.go_offline(False)
    wait_for(lambda: host.document.find(promise.id).metric == "NPS"
                   and guest.document.model.info.notes == "Пока вы были офлайн")
    assert state(host.document) == state(guest.document)


def test_opening_another_workshop_ends_the_session(pair) -> None:
    host, guest = pair
    guest.set_work(WorkFile.new(small_workshop(2)))
    assert guest.live.session is None
    wait_for(lambda: host.live.session.participants() == 0)


def test_join_dialog_refuses_what_is_not_an_address(qtbot, english: Translations) -> None:
    from widgets.collab.dialogs import JoinDialog

    dialog = JoinDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.address, "  ")
    QTest.keyClicks(dialog.code, "abcde-fgh23")
    dialog.accept()
    assert dialog.isVisible() and "address" in dialog.problem.text()
    dialog.address.setText("")
    QTest.keyClicks(dialog.address, "192.168.1.5:9000")
    assert dialog.invitation() == Invitation("192.168.1.5", 9000, "ABCDEFGH23")


def small_value(value_id: str):
    from app import model as m

    return m.Value(id=value_id, name=value_id)


def test_undo_of_an_edit_whose_object_another_laptop_deleted_is_skipped_quietly(pair) -> None:
    host, guest = pair
    push_edit(guest.undo_stack, guest.document, ch.insert(guest.document, small_value("v-gone"), index=0))
    wait_for(lambda: host.document.find("v-gone") is not None)
    push_edit(host.undo_stack, host.document, ch.delete(host.document, "v-gone"))
    wait_for(lambda: guest.document.find("v-gone") is None)
    guest.menus["undo"].trigger()  # nothing left to take back: no error, the others' deletion stands
    assert not guest.undo_stack.canUndo() and guest.document.find("v-gone") is None
    QTest.qWait(50)
    assert state(host.document) == state(guest.document)


def test_the_facilitator_sees_who_joined_by_name(qtbot, english: Translations) -> None:
    host = open_window(qtbot, WorkFile.new(small_workshop(2)), english)
    guest = open_window(qtbot, None, english)
    invitation = _share_by_menu(qtbot, host)
    try:
        guest.live.join_room(invitation, "Группа 2: Доставка <b>")
        dialog = host.findChild(ShareDialog)
        wait_for(lambda: dialog.who.count() == 1)
        item = dialog.who.item(0)
        assert item.text() == "Группа 2: Доставка <b>"  # as typed, never as markup
        assert item.checkState() == Qt.CheckState.Checked and dialog.who.isVisible()  # may edit
    finally:
        host.live.stop()
        guest.live.stop()


def test_joining_an_address_where_no_one_shares_says_so_and_keeps_trying(qtbot, english: Translations) -> None:
    guest = open_window(qtbot, None, english)
    try:
        guest.live.join_room(Invitation("127.0.0.1", _free_port(), "ABCDEFGH23"))
        wait_for(lambda: "Cannot reach 127.0.0.1" in guest.live.status_label.text())
        assert guest.document is not None and guest.live.session.role == "guest"
    finally:
        guest.live.stop()


def test_the_facilitator_locks_editing_while_presenting(pair) -> None:
    host, guest = pair
    dialog = host.findChild(ShareDialog)
    host.menus["share"].trigger()
    assert dialog.lock.isVisible()
    QTest.mouseClick(dialog.lock, Qt.MouseButton.LeftButton)
    wait_for(lambda: not guest.centralWidget().isEnabled())
    assert "locked editing" in guest.live.status_label.text()
    promise = guest.document.model.promises[0]
    guest.document.apply(ch.update(guest.document, promise.id, metric="во время показа"))  # past the locked window
    push_edit(host.undo_stack, host.document, ch.update(host.document, "", notes="Показ"))
    wait_for(lambda: guest.document.model.info.notes == "Показ")  # the presenter's edits still reach everyone
    assert host.document.find(promise.id).metric != "во время показа"
    QTest.mouseClick(dialog.lock, Qt.MouseButton.LeftButton)
    wait_for(lambda: guest.centralWidget().isEnabled())
    wait_for(lambda: host.document.find(promise.id).metric == "во время показа")  # taken once unlocked
    wait_for(lambda: state(host.document) == state(guest.document))


def test_the_facilitator_makes_one_participant_read_only(qtbot, english: Translations) -> None:
    host = open_window(qtbot, WorkFile.new(small_workshop(11)), english)
    reader, writer = open_window(qtbot, None, english), open_window(qtbot, None, english)
    invitation = _share_by_menu(qtbot, host)
    try:
        reader.live.join_room(invitation, "Наблюдатель")
        writer.live.join_room(invitation, "Группа 1")
        dialog = host.findChild(ShareDialog)
        wait_for(lambda: dialog.who.count() == 2)
        watcher = next(dialog.who.item(n) for n in range(2) if dialog.who.item(n).text() == "Наблюдатель")
        rect = dialog.who.visualItemRect(watcher)
        check = QPoint(rect.left() + rect.height() // 2, rect.center().y())  # the tick box at the item's left
        QTest.mouseClick(dialog.who.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, check)
        wait_for(lambda: not reader.centralWidget().isEnabled())
        assert writer.centralWidget().isEnabled()
        promise = host.document.model.promises[0]
        reader.document.apply(ch.update(reader.document, promise.id, metric="не принято"))
        push_edit(writer.undo_stack, writer.document, ch.update(writer.document, promise.id, target="95 %"))
        wait_for(lambda: host.document.find(promise.id).target == "95 %")
        wait_for(lambda: reader.document.find(promise.id).target == "95 %")  # the reader still follows
        assert host.document.find(promise.id).metric != "не принято"
    finally:
        host.live.stop()
        reader.live.stop()
        writer.live.stop()
