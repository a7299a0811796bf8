"""Who is where: each participant's selection marked on the others' diagrams and canvas, in their colour."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from app.generate import small_workshop
from app.workfile import WorkFile
from tests.collab_support import WAIT_S, state
from tests.test_collab_window import _share_by_menu
from tests.test_shell_dialogs import open_window
from widgets.base.remote_selection import halo_colour
from widgets.canvas.remote import RemoteSelectionItem
from widgets.shell.i18n import Translations
from widgets.shell.main_window import MainWindow

WAIT_MS = int(WAIT_S * 1000)


@pytest.fixture
def room(qtbot, english: Translations) -> Iterator[tuple[MainWindow, MainWindow]]:  # noqa: F811
    """The facilitator's window sharing a workshop and a participant called "Group 2" who joined it."""
    host = open_window(qtbot, WorkFile.new(small_workshop(11)), english)
    guest = open_window(qtbot, None, english)
    for window in (host, guest):
        window.resize(1280, 800)
    invitation = _share_by_menu(qtbot, host)
    assert guest.live.join_room(invitation, "Group 2")
    qtbot.waitUntil(lambda: guest.document is not None and state(guest.document) == state(host.document),
                    timeout=WAIT_MS)
    yield host, guest
    host.live.stop()
    guest.live.stop()


def wait_for(done) -> None:
    deadline = time.monotonic() + WAIT_S
    while not done():
        assert time.monotonic() < deadline, "not within the wait"
        QTest.qWait(5)


def _colour(window: MainWindow) -> str:
    endpoint = window.live.session.endpoint
    assert endpoint is not None
    return endpoint.colour


def _click_node(editor, node_id: str) -> None:
    """A click on a node of a diagram editor, as the user makes it."""
    node = editor.scene.nodes[node_id]
    editor.view.ensureVisible(node)
    at = editor.view.mapFromScene(node.pos() + node.rect.topLeft() / 2)
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def _pixels_of(image: QImage, colour: str) -> int:
    """How many pixels of the image are (nearly) this colour."""
    want = QColor(colour)
    found = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue()) < 30:
                found += 1
    return found


def _ring_pixels(editor, node_id: str, colour: str) -> int:
    """Pixels of `colour` on and round a node as the diagram shows it now."""
    QTest.qWait(20)
    node = editor.scene.nodes[node_id]
    editor.view.ensureVisible(node)
    area = editor.view.mapFromScene(node.sceneBoundingRect()).boundingRect().adjusted(-4, -4, 4, 4)
    return _pixels_of(editor.view.viewport().grab(area).toImage(), colour)


def test_a_team_selected_on_one_laptop_is_ringed_in_its_colour_on_the_other(room) -> None:
    host, guest = room
    team = host.document.model.teams[0]
    host_structure = host.workspace.show_page("structure").editor
    guest_structure = guest.workspace.show_page("structure").editor
    colour = halo_colour(QColor(_colour(guest))).name()
    before = _ring_pixels(host_structure, team.id, colour)

    _click_node(guest_structure, team.id)
    assert guest_structure.selected_ids() == [team.id]
    wait_for(lambda: host_structure.scene.remote_note(team.id) != "")
    assert host_structure.scene.remote_note(team.id) == "Selected by Group 2"  # the name on hover
    after = _ring_pixels(host_structure, team.id, colour)
    assert after > before + 20  # a ring in the participant's colour round the team

    other = host.document.model.teams[1]
    _click_node(guest_structure, other.id)  # the mark follows the participant's selection
    wait_for(lambda: host_structure.scene.remote_note(other.id) != "")
    assert host_structure.scene.remote_note(team.id) == ""
    assert next(iter(host_structure.scene.remote.marks.values())).colour == QColor(_colour(guest))


def test_the_facilitators_selection_shows_on_the_participants_promise_map(room) -> None:
    host, guest = room
    promise = host.document.model.promises[0]
    guest_map = guest.workspace.show_page("promises").editor
    host_map = host.workspace.show_page("promises").editor
    host_map.select_ids([promise.id])
    edge = guest_map.diagram.edge_of(promise.id)
    assert edge is not None
    wait_for(lambda: guest_map.diagram.scene.remote_note(edge.edge_id) != "")
    assert guest_map.diagram.scene.remote_note(edge.edge_id) == "Selected by Facilitator"
    mark = next(iter(guest_map.diagram.scene.remote.marks.values()))
    assert mark.colour == QColor(_colour(host)) and edge.edge_id in mark.ids

    host_map.select_ids([])  # selecting nothing takes the mark away
    wait_for(lambda: not guest_map.diagram.scene.remote.marks)


def test_a_factor_selected_on_the_canvas_outlines_its_column_on_the_other_laptop(room) -> None:
    host, guest = room
    host_canvas = host.workspace.show_page("canvas").editor
    guest_canvas = guest.workspace.show_page("canvas").editor
    factor = guest_canvas.ctx.canvas.factors[1]
    QTest.mouseClick(guest_canvas.chart.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     guest_canvas.chart.label_pos(factor.id))
    assert guest_canvas.ctx.factor_id == factor.id
    wait_for(lambda: bool(host_canvas.chart.remote.items))
    item = host_canvas.chart.remote.items[0]
    assert isinstance(item, RemoteSelectionItem)
    assert item.columns == [1] and item.colour == halo_colour(QColor(_colour(guest)))
    assert item.toolTip() == "Selected by Group 2"


def test_a_participant_who_leaves_is_no_longer_marked(room) -> None:
    host, guest = room
    team = host.document.model.teams[0]
    host_structure = host.workspace.show_page("structure").editor
    _click_node(guest.workspace.show_page("structure").editor, team.id)
    wait_for(lambda: host_structure.scene.remote_note(team.id) != "")
    guest.live.stop()
    wait_for(lambda: host_structure.scene.remote_note(team.id) == "")
    assert not host_structure.scene.remote.marks


def test_ending_the_session_unmarks_every_other_selection(room) -> None:
    host, guest = room
    team = host.document.model.teams[0]
    guest_structure = guest.workspace.show_page("structure").editor
    _click_node(host.workspace.show_page("structure").editor, team.id)
    wait_for(lambda: guest_structure.scene.remote_note(team.id) != "")
    host.live.stop()  # the room closes: the participant's window shows no one's selection
    wait_for(lambda: not guest_structure.scene.remote.marks)


def test_the_name_is_added_to_a_card_or_a_plain_tooltip_on_a_line_of_its_own() -> None:
    from widgets.diagram.remote import with_note

    assert with_note("Kitchen", "Selected by Group 2") == "Kitchen\nSelected by Group 2"
    assert with_note("<qt><b>1.2</b> Fresh</qt>", "Selected by <Group>") == \
        "<qt><b>1.2</b> Fresh<br><b>Selected by &lt;Group&gt;</b></qt>"
    assert with_note("", "Selected by Group 2") == "Selected by Group 2"
    assert with_note("Kitchen", "") == "Kitchen"


def test_what_is_selected_when_sharing_starts_shows_on_the_joining_laptop(qtbot, english: Translations) -> None:  # noqa: F811
    host = open_window(qtbot, WorkFile.new(small_workshop(11)), english)
    guest = open_window(qtbot, None, english)
    team = host.document.model.teams[0]
    structure = host.workspace.show_page("structure").editor
    _click_node(structure, team.id)  # selected before the room opens
    try:
        invitation = _share_by_menu(qtbot, host)
        assert guest.live.join_room(invitation, "Group 2")
        guest_structure = guest.workspace.show_page("structure").editor
        wait_for(lambda: team.id in guest_structure.scene.nodes and guest_structure.scene.remote_note(team.id))
        assert guest_structure.scene.remote_note(team.id) == "Selected by Facilitator"
    finally:
        host.live.stop()
        guest.live.stop()
