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
