"""`clientocracy merge` and the lineage that lets two shared copies find the state both started from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import changes as c
from app import model as m
from app.lineage import common_base, of_store, read_copy, share_copy
from app.resources import sample_path
from app.workfile import WorkFile, read_workshop
from cli.main import main

PROMISE, OTHER_PROMISE, TEAM = "prm-042", "prm-043", "team-025"


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path]:
    """The consultant's own file and the copy given to a colleague, each then edited apart and saved."""
    origin, shared = tmp_path / "mine.clientocracy", tmp_path / "theirs.clientocracy"
    work = WorkFile.new(read_workshop(sample_path()), path=origin)
    try:
        share_copy(work.store, work.document.model, shared)
        work.document.apply(c.update(work.document, PROMISE, status="kept"))
        work.save()
    finally:
        work.close()
    other = WorkFile.open(shared)
    try:
        other.document.apply(c.update(other.document, PROMISE, metric="Возврат за 5 минут"))
        other.document.apply(c.insert(other.document, m.Value("val-new", "Открытость")))
        other.save()
    finally:
        other.close()
    return origin, shared


def test_two_shared_copies_merge_without_naming_the_base(copies, tmp_path, capsys):
    mine, theirs = copies
    before = [p.read_bytes() for p in copies]
    out = tmp_path / "merged.clientocracy"
    status, stdout, err = run(capsys, "merge", mine, theirs, "-o", out)
    assert (status, err) == (0, "")
    assert stdout.strip() == f"{out}: merged, 0 conflicts"
    merged = read_workshop(out)
    promise = next(p for p in merged.promises if p.id == PROMISE)
    assert (promise.status, promise.metric) == ("kept", "Возврат за 5 минут")
    assert "val-new" in [v.id for v in merged.values]
    assert [p.read_bytes() for p in copies] == before  # inputs are never changed
    lineages = [read_copy(p)[1] for p in (mine, theirs, out)]
    assert set(lineages[0].revisions) | set(lineages[1].revisions) <= set(lineages[2].revisions)
    assert lineages[2].workshop_id == lineages[0].workshop_id == lineages[1].workshop_id


def test_the_copy_records_the_split_and_both_find_it(copies):
    (mine, mine_lineage), (theirs, theirs_lineage) = (read_copy(p) for p in copies)
    assert theirs_lineage.copied_from in mine_lineage.revisions
    base = common_base(mine_lineage, theirs_lineage)
    assert base is not None
    assert next(p for p in base.promises if p.id == PROMISE).status == "accepted"


def test_conflicts_are_listed_resolved_to_the_preferred_side_with_status_1(tmp_path, capsys):
    base = tmp_path / "base.json"
    assert run(capsys, "export", sample_path(), "--json", base)[0] == 0
    document = json.loads(base.read_text(encoding="utf-8"))
    for name, status in (("a", "kept"), ("b", "broken")):
        document["promises"][0]["status"] = status
        (tmp_path / f"{name}.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.json"
    status, stdout, _ = run(capsys, "merge", tmp_path / "a.json", tmp_path / "b.json", "--base", base, "-o", out)
    assert status == 1
    assert f"({PROMISE}) status: mine \"kept\", theirs \"broken\", base \"accepted\"; resolved to mine" in stdout
    assert stdout.strip().endswith("merged, 1 conflict (resolved to mine)")
    assert json.loads(out.read_text(encoding="utf-8"))["promises"][0]["status"] == "kept"
    status, stdout, _ = run(capsys, "merge", tmp_path / "a.json", tmp_path / "b.json", "--base", base, "-o", out,
                            "--prefer", "theirs", "--json")
    assert status == 1
    [conflict] = json.loads(stdout)
    assert conflict == {"conflict": "field", "kind": "promise", "id": PROMISE, "name": conflict["name"],
                        "field": "status", "mine": "kept", "theirs": "broken", "base": "accepted",
                        "deleted_in": None, "reasons": [], "resolved": "theirs"}
    assert json.loads(out.read_text(encoding="utf-8"))["promises"][0]["status"] == "broken"


def test_a_delete_against_an_edit_is_reported_in_json(copies, tmp_path, capsys):
    mine, theirs = copies
    work = WorkFile.open(mine)
    try:
        work.document.apply(c.delete(work.document, OTHER_PROMISE))
        work.save()
    finally:
        work.close()
    other = WorkFile.open(theirs)
    try:
        other.document.apply(c.update(other.document, OTHER_PROMISE, notes="Проверить в пятницу"))
        other.save()
    finally:
        other.close()
    out = tmp_path / "merged.json"
    status, stdout, _ = run(capsys, "merge", mine, theirs, "-o", out, "--json", "--prefer", "theirs")
    assert status == 1
    [conflict] = json.loads(stdout)
    assert (conflict["conflict"], conflict["id"], conflict["deleted_in"], conflict["resolved"]) == (
        "deleted", OTHER_PROMISE, "mine", "theirs")
    assert conflict["mine"] is None and conflict["theirs"]["notes"] == "Проверить в пятницу"
    merged = json.loads(out.read_text(encoding="utf-8"))
    assert OTHER_PROMISE in [p["id"] for p in merged["promises"]]


@pytest.mark.parametrize("case", ["unrelated", "no-lineage", "output-is-input", "not-a-workshop"])
def test_unusable_inputs_exit_2_with_one_line_and_nothing_written(case, copies, tmp_path, capsys):
    mine, theirs = copies
    out = tmp_path / "out.clientocracy"
    stranger = tmp_path / "stranger.json"
    stranger.write_text(json.dumps({"format": "clientocracy-workshop", "version": 2,
                                    "teams": [{"id": "t-x", "name": "Чужая"}]}), encoding="utf-8")
    junk = tmp_path / "junk.clientocracy"
    junk.write_bytes(b"not a workshop at all" * 100)
    args = {"unrelated": [mine, stranger, "--base", theirs, "-o", out],
            "no-lineage": [mine, stranger, "-o", out],
            "output-is-input": [mine, theirs, "-o", theirs],
            "not-a-workshop": [mine, junk, "-o", out]}[case]
    before = theirs.read_bytes()
    status, stdout, err = run(capsys, "merge", *args)
    assert status == 2
    assert stdout == "" and len(err.strip().splitlines()) == 1 and err.startswith("clientocracy")
    assert not out.exists()
    assert theirs.read_bytes() == before


def test_every_save_records_a_revision(tmp_path):
    path = tmp_path / "w.clientocracy"
    work = WorkFile.new(m.Workshop(info=m.WorkshopInfo(title="Сессия")), path=path)
    try:
        first = of_store(work.store)
        work.save()
        second = of_store(work.store)
    finally:
        work.close()
    assert first.workshop_id is not None and second.workshop_id == first.workshop_id
    assert len(second.revisions) == len(first.revisions) + 1 and second.revisions[:-1] == first.revisions
    assert read_copy(path)[1].revisions == second.revisions


def test_a_second_merge_with_the_same_colleague_starts_from_the_first(copies):
    """After a merge the colleague's merged state is the base of the next one: what both already share is no
    conflict, only what changed since."""
    from app.lineage import record_merge
    from app.merge import merge
    from app.snapshots import restore_edit

    mine, theirs = copies

    def merge_in() -> list:
        work = WorkFile.open(mine)
        try:
            their_state, their_lineage = read_copy(theirs)
            base = common_base(of_store(work.store), their_lineage)
            result = merge(base, work.document.model, their_state)
            work.document.apply(restore_edit(work.document, result.workshop))
            record_merge(work.store, their_lineage, their_state)
            work.save()
            return result.conflicts
        finally:
            work.close()

    assert merge_in() == []
    for path, value in ((mine, "за 3 минуты"), (theirs, "за 4 минуты")):  # both go on after the first merge...
        work = WorkFile.open(path)
        try:
            work.document.apply(c.update(work.document, OTHER_PROMISE, target=value))
            work.save()
        finally:
            work.close()
    [conflict] = merge_in()  # ...so only the field both changed since conflicts, not the metric merged before
    started = next(p for p in read_workshop(sample_path()).promises if p.id == OTHER_PROMISE).target
    assert (conflict.id, conflict.field, conflict.mine, conflict.theirs, conflict.base) == (
        OTHER_PROMISE, "target", "за 3 минуты", "за 4 минуты", started)
    merged = read_workshop(mine)
    assert next(p for p in merged.promises if p.id == PROMISE).metric == "Возврат за 5 минут"
