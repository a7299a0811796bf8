"""Writers of one user's file: the lock beside it, lost updates, hard links, leftovers of killed writes, messages."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import changes as c
from app.filelock import FileLocked
from app.gate import FileRefused
from app.jsonio import read_json_file
from app.resources import sample_path
from app.workfile import FileChanged, WorkFile, find_recoverable, read_workshop, write_workshop_file

ROOT = Path(__file__).resolve().parent.parent
HEADER = "Кто даёт;Кому;Обещание;Статус\n"


def env_with(data_dir: Path) -> dict[str, str]:
    """The environment of a process with its own data folder (another user or a portable copy)."""
    return {**os.environ, "CLIENTOCRACY_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}


def cli(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "cli", *args], cwd=ROOT, env=env_with(data_dir),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def python(data_dir: Path, code: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env_with(data_dir), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def table(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.csv"
    path.write_text(f"{HEADER}ИТ;Доставка;{text};принято\n", encoding="utf-8")
    return path


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    file = tmp_path / "w.clientocracy"
    write_workshop_file(file, read_json_file(sample_path()))
    return file


def promise_texts(file: Path) -> set[str]:
    return {p.text for p in read_workshop(file).promises}


def test_two_concurrent_import_promises_lose_nothing(tmp_path: Path, workshop: Path) -> None:
    tables = tmp_path / "tables"
    tables.mkdir()
    succeeded: list[str] = []
    rounds = 12  # the old code lost an update in 14 of 30 rounds and every round once writes raced here
    for round_number in range(rounds):
        texts = [f"Обещание {round_number}-{side}" for side in "ab"]
        runs = [cli(tmp_path / f"data-{side}", "import-promises", str(workshop),
                    str(table(tables, f"t{round_number}{side}", text))) for side, text in zip("ab", texts, strict=True)]
        for run, text in zip(runs, texts, strict=True):
            out, err = run.communicate(timeout=120)
            assert "Traceback" not in err
            if run.returncode == 0:
                succeeded.append(text)
            else:
                assert run.returncode == 2 and err.count("\n") == 1 and str(workshop) in err, err
    assert len(succeeded) >= rounds, "of two writers at once one waits its turn: at least one succeeds in each round"
    missing = set(succeeded) - promise_texts(workshop)
    assert not missing, f"reported added but lost: {sorted(missing)}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data-a", "data-b", "tables", "w.clientocracy"]


HOLD_OPEN = """
import sys
from app.workfile import WorkFile
work = WorkFile.open(sys.argv[1] if len(sys.argv) > 1 else {path!r})
print("open", flush=True)
sys.stdin.readline()
work.close()
"""


def test_an_open_file_is_seen_from_another_data_folder_and_the_command_line(tmp_path: Path, workshop: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    holder = python(tmp_path / "their-data", HOLD_OPEN.format(path=str(workshop)))
    try:
        assert holder.stdout.readline() == "open\n"
        monkeypatch.setenv("CLIENTOCRACY_DATA_DIR", str(tmp_path / "my-data"))
        with pytest.raises(FileLocked, match=f"already open by .* \\(process {holder.pid}\\)"):
            WorkFile.open(workshop)
        before = workshop.read_bytes()
        started = time.monotonic()
        run = cli(tmp_path / "cli-data", "import-promises", str(workshop), str(table(tmp_path, "t", "Новое")))
        out, err = run.communicate(timeout=60)
        assert time.monotonic() - started < 20, "no long wait for a file an app has open"
        assert run.returncode == 2 and err.strip() == (
            f"clientocracy: {workshop}: already open by {err.split(' by ', 1)[1].strip()}") and str(holder.pid) in err
        assert workshop.read_bytes() == before
    finally:
        holder.communicate("\n", timeout=30)
    WorkFile.open(workshop).close()  # free once the other app closed it
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["t.csv", "w.clientocracy"]


def test_a_hard_link_is_refused_for_writing(tmp_path: Path, workshop: Path) -> None:
    other_name = tmp_path / "also.clientocracy"
    os.link(workshop, other_name)
    before = workshop.read_bytes()
    run = cli(tmp_path / "data", "import-promises", str(other_name), str(table(tmp_path, "t", "Новое")))
    out, err = run.communicate(timeout=60)
    assert run.returncode == 2 and err == (f"clientocracy: {other_name}: has 2 names (hard links); a save would leave "
                                           "the other names with the old workshop, so it is not written (copy it "
                                           "to a file of its own)\n")
    assert workshop.read_bytes() == before
    with pytest.raises(FileRefused, match="hard links"):
        WorkFile.open(workshop)
    run = cli(tmp_path / "data", "new", "--sample", "--force", str(other_name))
    assert run.communicate(timeout=60)[1].endswith("(copy it to a file of its own)\n") and run.returncode == 2
    assert workshop.read_bytes() == before


def test_new_force_does_not_replace_a_file_open_in_the_app_even_through_a_link(tmp_path: Path,
                                                                              workshop: Path) -> None:
    link = tmp_path / "link.clientocracy"
    link.symlink_to(workshop)
    work = WorkFile.open(link)
    try:
        with pytest.raises(FileLocked):
            WorkFile.open(workshop)
        before = workshop.read_bytes()
        run = cli(tmp_path / "data", "new", "--force", str(workshop))
        out, err = run.communicate(timeout=60)
        assert run.returncode == 2 and err.startswith(f"clientocracy: {workshop}: already open by ")
        assert workshop.read_bytes() == before
    finally:
        work.close()


def test_a_save_refuses_a_file_changed_since_it_was_read(workshop: Path) -> None:
    work = WorkFile.open(workshop)
    try:
        work.document.apply(c.update(work.document, "", title="Моя правка"))
        theirs = read_json_file(sample_path())
        theirs.info.title = "Их правка"
        downloaded = workshop.with_name("downloaded.clientocracy")
        write_workshop_file(downloaded, theirs)
        os.replace(downloaded, workshop)  # a sync client, or a program that knows no lock, replaces the file
        with pytest.raises(FileChanged) as refused:
            work.save()
        assert str(refused.value).startswith(f"{workshop}: changed on disk since it was opened")
        assert read_workshop(workshop).info.title == "Их правка", "the other writer's version stays"
        assert work.modified and work.document.model.info.title == "Моя правка", "my work stays in the app"
        work.save(workshop.with_name("mine.clientocracy"))  # saved under another name, as the message says
        assert read_workshop(workshop.with_name("mine.clientocracy")).info.title == "Моя правка"
    finally:
        work.close()


KILLED_LOCK_HOLDER = """
import os, signal
from app.filelock import FileLock
FileLock.take({path!r}, 0.0, "write")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_the_lock_of_a_killed_writer_is_taken_over(tmp_path: Path, workshop: Path) -> None:
    killed = python(tmp_path / "data", KILLED_LOCK_HOLDER.format(path=str(workshop)))
    killed.communicate(timeout=60)
    assert killed.returncode == -signal.SIGKILL and (tmp_path / ".~lock.w.clientocracy#").exists()
    run = cli(tmp_path / "data", "import-promises", str(workshop), str(table(tmp_path, "t", "После сбоя")))
    out, err = run.communicate(timeout=60)
    assert (run.returncode, err) == (0, "") and "После сбоя" in promise_texts(workshop)
    assert not (tmp_path / ".~lock.w.clientocracy#").exists()


KILLED_WRITE = """
import os, signal
from app.fsutil import atomic_target
with atomic_target({path!r}, suffix=".clientocracy") as tmp:
    tmp.write_bytes(b"SQLite format 3\\0half a workshop")
    os.kill(os.getpid(), signal.SIGKILL)
"""


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".w.clientocracy."))


def test_temporary_files_of_killed_writes_are_removed_by_the_next_write_and_open(tmp_path: Path,
                                                                               workshop: Path) -> None:
    for _ in range(2):
        killed = python(tmp_path / "data", KILLED_WRITE.format(path=str(workshop)))
        killed.communicate(timeout=60)
        assert killed.returncode == -signal.SIGKILL
    assert len(leftovers(tmp_path)) == 2
    for leftover in leftovers(tmp_path):
        age(tmp_path / leftover, 60)  # a minute later, the user runs the next command
    run = cli(tmp_path / "data", "import-promises", str(workshop), str(table(tmp_path, "t", "Дальше")))
    assert run.communicate(timeout=60)[1] == "" and run.returncode == 0
    assert leftovers(tmp_path) == [] and sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "t.csv", "w.clientocracy"]
    killed = python(tmp_path / "data", KILLED_WRITE.format(path=str(workshop)))
    killed.communicate(timeout=60)
    (leftover,) = leftovers(tmp_path)
    age(tmp_path / leftover, 60)
    WorkFile.open(workshop).close()
    assert leftovers(tmp_path) == [], "opening the file cleans up too"


LIVE_WRITE = """
import sys
from app.fsutil import atomic_target
with atomic_target({path!r}, suffix=".clientocracy") as tmp:
    tmp.write_bytes(open({path!r}, "rb").read())
    print("writing", flush=True)
    sys.stdin.readline()
"""


def test_a_write_in_progress_keeps_its_temporary_file(tmp_path: Path, workshop: Path) -> None:
    writer = python(tmp_path / "data", LIVE_WRITE.format(path=str(workshop)))
    try:
        assert writer.stdout.readline() == "writing\n"
        (in_progress,) = leftovers(tmp_path)
        age(tmp_path / in_progress, 60)  # a slow write
        write_workshop_file(workshop, read_workshop(workshop))
        assert leftovers(tmp_path) == [in_progress], "another writer's file in the making was removed"
    finally:
        writer.communicate("\n", timeout=30)
    assert writer.returncode == 0 and leftovers(tmp_path) == []


KILLED_SESSION = """
import os, signal
from app import changes as c
from app.workfile import WorkFile
work = WorkFile.open({path!r})
work.document.apply(c.update(work.document, "", title={title!r}))
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_working_copies_of_killed_runs_do_not_pile_up(tmp_path: Path, workshop: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    for run_number in range(4):
        killed = python(data, KILLED_SESSION.format(path=str(workshop), title=f"Прогон {run_number}"))
        killed.communicate(timeout=60)
        assert killed.returncode == -signal.SIGKILL
        time.sleep(0.02)
    assert len(list((data / "working").glob("*.clientocracy"))) == 4
    monkeypatch.setenv("CLIENTOCRACY_DATA_DIR", str(data))
    (offered,) = find_recoverable()
    assert offered.origin == workshop.resolve() and offered.title == "Прогон 3", "the newest is offered"
    assert sorted(p.name for p in (data / "working").iterdir()) == sorted(
        [offered.working_copy.name, offered.working_copy.with_suffix(".lock").name])
    restored = WorkFile.restore(offered)
    restored.save()
    restored.close()
    assert read_workshop(workshop).info.title == "Прогон 3" and find_recoverable() == []


def test_a_damaged_file_is_named_not_the_working_copy(tmp_path: Path, workshop: Path) -> None:
    conn = sqlite3.connect(workshop)
    conn.execute("UPDATE promises SET from_ = 'team-nobody'")
    conn.commit()
    conn.close()
    run = cli(tmp_path / "data", "import-promises", str(workshop), str(table(tmp_path, "t", "Новое")))
    out, err = run.communicate(timeout=60)
    assert run.returncode == 2 and err.startswith(f"clientocracy: {workshop}: damaged (promises[0].from: no team")
    assert "working" not in err and err.count("\n") == 1


def test_a_json_error_names_the_file_once(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "clientocracy", "promises": [1, 2', encoding="utf-8")
    run = cli(tmp_path / "data", "import", str(bad), str(tmp_path / "out.clientocracy"))
    out, err = run.communicate(timeout=60)
    assert run.returncode == 2 and err.count(str(bad)) == 1 and err.startswith(f"clientocracy: {bad}: "), err
    assert not (tmp_path / "out.clientocracy").exists()


def test_a_long_legal_name_gets_its_lock_and_leaves_nothing(tmp_path: Path) -> None:
    long_name = tmp_path / ("о" * 120 + ".clientocracy")  # 253 bytes: legal, too long for a naive lock name
    write_workshop_file(long_name, read_json_file(sample_path()))
    run = cli(tmp_path / "data", "import-promises", str(long_name), str(table(tmp_path, "t", "Длинное имя")))
    out, err = run.communicate(timeout=60)
    assert (run.returncode, err) == (0, "") and "Длинное имя" in promise_texts(long_name)
    work = WorkFile.open(long_name)
    try:
        (lock,) = [p for p in tmp_path.iterdir() if p.name.startswith(".~lock.")]
        assert len(lock.name.encode()) <= 255
        with pytest.raises(FileLocked):
            WorkFile.open(long_name)
    finally:
        work.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["t.csv", long_name.name]


def test_a_lock_from_another_machine_is_respected_and_says_how_to_clear_it(tmp_path: Path, workshop: Path) -> None:
    lock = tmp_path / ".~lock.w.clientocracy#"
    lock.write_text('{"user": "anna", "host": "laptop-anna", "pid": 4242, "since": "2026-12-05 09:00", '
                    '"purpose": "open"}', encoding="utf-8")
    before = workshop.read_bytes()
    run = cli(tmp_path / "data", "import-promises", str(workshop), str(table(tmp_path, "t", "Новое")))
    out, err = run.communicate(timeout=60)
    assert run.returncode == 2 and err == (
        f"clientocracy: {workshop}: already open by anna on laptop-anna (process 4242) since 2026-12-05 09:00 "
        "(if it is not, delete .~lock.w.clientocracy# beside it)\n")
    assert workshop.read_bytes() == before
    lock.unlink()  # the user checked: Anna's laptop crashed
    run = cli(tmp_path / "data", "import-promises", str(workshop), str(table(tmp_path, "t", "Новое")))
    assert run.communicate(timeout=60)[1] == "" and run.returncode == 0
