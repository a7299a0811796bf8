"""The first main window follows the document: tables and stage counts change with each edit."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableView

from app import changes
from app import model as m
from app.document import Document
from widgets import gui
from widgets.main_window import MainWindow, plural


def small_workshop() -> m.Workshop:
    return m.Workshop(
        info=m.WorkshopInfo(title="Пекарня у дома", evolutionary_goal="Свежий хлеб к завтраку в каждом доме"),
        segments=[m.Segment("s1", "Семьи"), m.Segment("s2", "Офисы")],
        pains=[m.Pain("p1", "s1", "Хлеб к вечеру чёрствый", 4)],
        teams=[m.Team("t1", "Пекарня", "client_facing"), m.Team("c1", "Совет управляющих", "council")],
        promises=[m.Promise("pr1", "t1", "s1", "Хлеб из печи к 7 утра", status="accepted")],
    )


@pytest.fixture
def window(qtbot) -> MainWindow:
    win = MainWindow(Document(small_workshop()), "bakery.json")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def rows(win: MainWindow, kind: str) -> int:
    return win.findChild(QTableView, f"{kind}Table").model().rowCount()


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0 болей"), (1, "1 боль"), (2, "2 боли"), (4, "4 боли"), (5, "5 болей"), (11, "11 болей"),
     (12, "12 болей"), (21, "21 боль"), (22, "22 боли"), (111, "111 болей"), (104, "104 боли")],
)
def test_russian_plural_forms(n: int, text: str) -> None:
    assert plural(n, "боль|боли|болей") == text


def test_english_plural_forms() -> None:
    assert [plural(n, "pain|pains") for n in (0, 1, 2)] == ["0 pains", "1 pain", "2 pains"]


def test_shows_the_workshop(window: MainWindow) -> None:
    assert window.title_label.text() == "Пекарня у дома"
    assert window.goal_label.text() == "Свежий хлеб к завтраку в каждом доме"
    assert window.stage_list.count() == 9
    assert [label.text() for label in window.stage_counts[:2]] == ["2 сегмента", "1 боль"]
    assert window.stage_counts[3].text() == "1 обещание"
    assert window.stage_counts[5].text() == "1 команда, совет"
    assert (rows(window, "segment"), rows(window, "pain"), rows(window, "team"), rows(window, "promise")) == (
        2, 1, 2, 1
    )


def test_edits_refresh_the_table_and_the_counts(window: MainWindow) -> None:
    doc = window.document
    doc.apply(changes.insert(doc, m.Segment("s3", "Студенты")))
    assert rows(window, "segment") == 3
    assert window.stage_counts[0].text() == "3 сегмента"
    assert window.tabs.tabText(0) == "Сегменты (3)"

    doc.apply(changes.update(doc, "s1", name="Молодые семьи"))
    pains = window.findChild(QTableView, "painTable").model()
    assert pains.index(0, 0).data() == "Молодые семьи"

    doc.apply(changes.delete(doc, "s1"))  # takes its pain and the promise to it in the same batch
    assert rows(window, "segment") == 2 and rows(window, "pain") == 0 and rows(window, "promise") == 0
    assert window.stage_counts[1].text() == "0 болей"
    segments = window.findChild(QTableView, "segmentTable").model()
    assert [segments.index(r, 0).data() for r in range(2)] == ["Офисы", "Студенты"]

    doc.apply(changes.move(doc, "s3", 0))
    assert [segments.index(r, 0).data() for r in range(2)] == ["Студенты", "Офисы"]

    doc.apply(changes.update(doc, "", title="Пекарня на углу"))
    assert window.title_label.text() == "Пекарня на углу"


def test_closing_stops_following_the_document(window: MainWindow) -> None:
    doc = window.document
    window.close()
    doc.apply(changes.insert(doc, m.Segment("s3", "Студенты")))
    assert rows(window, "segment") == 2


def test_a_file_that_does_not_open_is_a_dialog(qtbot, monkeypatch, tmp_path) -> None:
    shown: list[tuple[str | None, BaseException]] = []
    monkeypatch.setattr(gui, "report_open_error", lambda path, error: shown.append((path, error)))
    bad = tmp_path / "broken.json"
    bad.write_text("{ not json", encoding="utf-8")
    assert gui.open_window(str(bad)) is None
    assert shown and shown[0][0] == str(bad)


def test_a_smoke_check_on_a_missing_file_says_why_on_stderr(qtbot, tmp_path, capsys) -> None:
    missing = str(tmp_path / "missing.clientocracy")
    assert gui.main([missing, "--smoke"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_the_app_starts_on_the_sample_and_paints(qtbot, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("CLIENTOCRACY_DATA_DIR", str(tmp_path))  # working copies stay out of the user's folder
    assert gui.main(["--smoke"]) == 0


def test_a_missing_file_ends_with_a_dialog_not_a_traceback(qtbot, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("CLIENTOCRACY_DATA_DIR", str(tmp_path / "data"))
    shown: list[str | None] = []
    monkeypatch.setattr(gui, "report_open_error", lambda path, error: shown.append(path))
    missing = str(tmp_path / "missing.clientocracy")
    assert gui.main([missing]) == 2
    assert shown == [missing]
    assert gui.main(["a.json", "b.json"]) == 2


def test_a_crashed_session_is_offered_and_restored(qtbot, monkeypatch, tmp_path) -> None:
    from app.workfile import WorkFile, find_recoverable

    work = WorkFile.new(m.Workshop(info=m.WorkshopInfo(title="Сессия до сбоя")), tmp_path / "w.clientocracy")
    work.document.apply(changes.insert(work.document, m.Segment("s1", "Семьи")))
    work._lock.release()  # what a crash leaves behind
    work.conn.close()
    asked: list[str] = []
    monkeypatch.setattr(gui, "ask_restore", lambda left: asked.append(left.title) or "restore")
    window = gui.open_window(None)
    qtbot.addWidget(window)
    assert asked == ["Сессия до сбоя"]
    assert [s.name for s in window.work_file.document.model.segments] == ["Семьи"]
    window.work_file.close()
    assert find_recoverable() == []
