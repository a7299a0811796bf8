"""A closed workshop goes: nothing the views share per document (change channel, live checks) keeps it alive."""

from __future__ import annotations

import gc
import weakref

from app import changes
from app.document import Document
from app.jsonio import read_json_file
from app.resources import sample_path
from widgets.base.live import changes_of
from widgets.base.live_checks import checks_of


def test_a_document_with_its_channel_and_live_checks_is_collected_once_dropped(qapp) -> None:
    doc = Document(read_json_file(sample_path()))
    changes_of(doc)
    checks = checks_of(doc)
    checks.live()  # the findings worked out: the live checks now hold the document
    heard = []
    checks.updated.connect(heard.append)
    doc.apply(changes.update(doc, doc.model.teams[0].id, lead="", members=()))  # a team without people
    assert heard, "the live checks follow the document's edits"
    assert checks_of(doc) is checks, "one live checks object per document while it lives"
    gone = weakref.ref(doc)
    del doc, checks, heard
    gc.collect()
    assert gone() is None, "a closed workshop stays in memory"


def test_an_open_workshop_is_kept_out_of_the_collectors_scans_and_a_closed_one_goes_all_the_same(
        qtbot, tmp_path) -> None:
    """Issue 18: the collector's scans of a large open workshop paused its window (0.1-0.5 s each); its objects are
    frozen out of them. A workshop closed for another one is still collected, by the window itself (the test runs
    no collection of its own), once the event loop has turned."""
    from app.workfile import write_workshop_file
    from tests.test_shell_dialogs import open_window
    from widgets.shell.settings import Settings  # noqa: F401  (the window's own settings)

    first, second = tmp_path / "first.clientocracy", tmp_path / "second.clientocracy"
    write_workshop_file(first, read_json_file(sample_path()))
    write_workshop_file(second, read_json_file(sample_path()))
    window = open_window(qtbot, None)
    assert window.open_path(first)
    opened = weakref.ref(window.document)
    frozen = gc.get_freeze_count()
    assert frozen > sum(len(window.document.model.collection(k)) for k in ("promise", "team")), \
        "the open workshop's objects are out of the collector's scans"
    window.show_page("promises")
    assert window.open_path(second)
    qtbot.waitUntil(lambda: opened() is None, timeout=3000)
    assert gc.get_freeze_count() > 0, "the workshop open now is frozen in its turn"
    window.ask_before_closing = False
    window.close()
    assert gc.get_freeze_count() == 0, "a closed window hands everything back to the collector"
