"""A team or promise with figures (readings) is deleted with them in one step, and a snapshot brings them back."""

from __future__ import annotations

from app import changes
from app.document import Document
from app.jsonio import workshop_to_json
from app.snapshots import restore_edit
from tests.readings_support import sample_with_readings

IT = "team-031"


def test_deleting_a_team_takes_its_figures_and_its_promises_figures_and_one_undo_restores_them() -> None:
    doc = Document(sample_with_readings())
    before = workshop_to_json(doc.model)
    promises = {p.id for p in doc.model.promises if IT in (p.from_, p.to)}
    figures = {x.id for x in doc.model.readings if x.of in promises | {IT}}
    assert len(figures) >= 3  # the sample's IT promises have figures of several months
    edit = changes.delete(doc, IT)
    doc.apply(edit)
    assert not {x.id for x in doc.model.readings} & figures and doc.find(IT) is None
    doc.apply(edit.inverse())
    assert workshop_to_json(doc.model) == before


def test_restoring_a_snapshot_brings_back_deleted_figures() -> None:
    doc = Document(sample_with_readings())
    saved = workshop_to_json(doc.model)
    snapshot = Document(sample_with_readings()).model
    for reading in list(doc.model.readings[:3]):
        doc.apply(changes.delete(doc, reading.id))
    doc.apply(restore_edit(doc, snapshot))
    assert workshop_to_json(doc.model) == saved
