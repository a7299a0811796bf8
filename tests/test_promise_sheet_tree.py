"""The practitioners' spreadsheets as they are: the tree template (merged cells, joint promises, «Общие обещания»)
imports as the tree it describes and exports back in the same layout; merged cells in a flat sheet carry down."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from app import model as m
from app.document import Document
from app.promise_import import import_sheet
from app.promise_tree import promise_numbers
from app.promise_tree_sheet import GENERAL_HEADERS, MAIN_HEADERS, write_tree_xlsx
from app.resources import sample_path
from app.workfile import read_workshop
from cli.main import main

TEMPLATE = [
    ["Кто дает (команда)", "Кому (клиент, команда, роль)", "ЦЕННОСТЬ", "Корневое обещание", "Метрики",
     "Поддерживающее обещание", "Кто дает", "Кому", "Метрики", "Комментарий"],
    ["Урегулирование", "Клиенты", "Скорость", "Выплата за 24 часа", "95% выплат за сутки",
     "Документы проверяются за 2 часа", "Андеррайтинг", "", "≤ 2 ч", ""],
    [None, None, None, None, None, "Деньги на счёте к утру", "Финансы; Казначейство", "Урегулирование", "", ""],
    ["", "", "", "Ответ на звонок за минуту", "", "", "", "", "", "обсудить с контакт-центром"],
    ["Продажи", "Партнёры", "Надёжность", "Полис без ошибок", "0 переделок", "Тарифы в системе без ошибок", "ИТ",
     "Продажи", "", ""],
]


def _template(path: Path) -> Path:
    """The practitioners' template: the first root's cells merged over its two rows, a second root with blank
    (carried) team, client and value, a joint promise, a column of comments and a sheet «Общие обещания»."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Обещания"
    for row in TEMPLATE:
        ws.append(row)
    for col in "ABCDE":
        ws.merge_cells(f"{col}2:{col}3")
    general = wb.create_sheet("Общие обещания")
    general.append(list(GENERAL_HEADERS))
    general.append(["Выплата за 24 часа после подачи документов", "Гарантированный срок выплаты",
                    "Урегулирование, Финансы", "Все клиенты", "95% выплат в течение 24 часов"])
    wb.save(path)
    return path


def _tree(w: m.Workshop) -> list[tuple]:
    """Every promise by its number: text, promiser, co-promisers, promisee, value, metric (names, not ids)."""
    names = {x.id: x.name for x in (*w.teams, *w.segments, *w.values)}
    numbers = promise_numbers(w)
    return sorted((numbers[p.id], p.text, names[p.from_], tuple(names[t] for t in p.co_promisers), names[p.to],
                   names.get(p.value or "", ""), p.metric) for p in w.promises)


def test_the_template_imports_as_the_tree_it_describes(tmp_path: Path) -> None:
    doc = Document(m.Workshop(values=[m.Value("v-speed", "скорость")]))  # matched by name, any case
    result = import_sheet(doc, _template(tmp_path / "template.xlsx"))
    assert result.skipped == [] and result.warnings == []
    doc.apply(result.batch)
    w = doc.model
    assert [v.name for v in w.values] == ["скорость", "Надёжность"]  # the existing value reused, one created
    assert sorted(result.created_teams) == ["Андеррайтинг", "ИТ", "Казначейство", "Продажи", "Урегулирование",
                                            "Финансы"]
    assert sorted(result.created_segments) == ["Все клиенты", "Клиенты", "Партнёры"]
    assert _tree(w) == [
        ("1.1", "Выплата за 24 часа", "Урегулирование", (), "Клиенты", "скорость", "95% выплат за сутки"),
        ("1.1.1", "Документы проверяются за 2 часа", "Андеррайтинг", (), "Урегулирование", "скорость", "≤ 2 ч"),
        ("1.1.2", "Деньги на счёте к утру", "Финансы", ("Казначейство",), "Урегулирование", "скорость", ""),
        ("1.2", "Ответ на звонок за минуту", "Урегулирование", (), "Клиенты", "скорость", ""),
        ("2.1", "Полис без ошибок", "Продажи", (), "Партнёры", "Надёжность", "0 переделок"),
        ("2.1.1", "Тарифы в системе без ошибок", "ИТ", (), "Продажи", "Надёжность", ""),
        ("3.1", "Выплата за 24 часа после подачи документов", "Урегулирование", ("Финансы",), "Все клиенты", "",
         "95% выплат в течение 24 часов"),
    ]
    notes = {p.text: p.notes for p in w.promises}
    assert notes["Ответ на звонок за минуту"] == "Комментарий: обсудить с контакт-центром"  # nothing dropped
    assert notes["Выплата за 24 часа после подачи документов"] == "Гарантированный срок выплаты"
    doc.apply(result.batch.inverse())  # the whole import is one step
    assert doc.model.promises == [] and [v.name for v in doc.model.values] == ["скорость"]


def test_a_row_without_a_promise_is_reported_not_dropped(tmp_path: Path) -> None:
    path = _template(tmp_path / "template.xlsx")
    wb = load_workbook(path)
    wb["Обещания"].append(["Продажи", "", "", "", "", "", "", "", "", "позвонить Ивану"])
    wb.save(path)
    result = import_sheet(Document(m.Workshop()), path)
    assert [(p.row, p.code) for p in result.skipped] == [(6, "empty-cell")]


def test_the_tree_exports_back_to_the_same_layout(tmp_path: Path) -> None:
    doc = Document(m.Workshop())
    doc.apply(import_sheet(doc, _template(tmp_path / "template.xlsx")).batch)
    out = tmp_path / "back.xlsx"
    write_tree_xlsx(doc.model, out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Обещания", "Общие обещания"]
    main_sheet = wb["Обещания"]
    rows = [list(r) for r in main_sheet.iter_rows(values_only=True)]
    assert rows[0] == list(MAIN_HEADERS)
    assert rows[1] == ["Урегулирование", "Клиенты", "Скорость", "Выплата за 24 часа",
                       "95% выплат за сутки", "Документы проверяются за 2 часа", "Андеррайтинг", "Урегулирование",
                       "≤ 2 ч"]
    assert rows[2][:5] == [None] * 5 and rows[2][5:7] == ["Деньги на счёте к утру", "Финансы, Казначейство"]
    assert "A2:A3" in {str(r) for r in main_sheet.merged_cells.ranges}  # the root's cells merged down its rows
    assert [list(r) for r in wb["Общие обещания"].iter_rows(values_only=True)][1] == [
        "Выплата за 24 часа после подачи документов", "Гарантированный срок выплаты", "Урегулирование, Финансы",
        "Все клиенты", "95% выплат в течение 24 часов"]
    again = Document(m.Workshop())
    result = import_sheet(again, out)
    assert result.skipped == [] and result.warnings == []
    again.apply(result.batch)
    assert _tree(again.model) == _tree(doc.model)


def test_the_sample_round_trips_through_the_tree_layout(tmp_path: Path) -> None:
    sample = read_workshop(sample_path())
    out = tmp_path / "sample-tree.xlsx"
    write_tree_xlsx(sample, out)
    doc = Document(m.Workshop(values=[m.Value(v.id, v.name) for v in sample.values]))
    result = import_sheet(doc, out)
    assert result.skipped == [] and result.warnings == []
    doc.apply(result.batch)
    assert [n for n, *_ in _tree(doc.model)] == sorted(promise_numbers(sample).values())
    expected = [(n, text, frm, co, to, val, metric.split(" — ")[0]) for n, text, frm, co, to, val, metric in
                _tree(sample)]
    assert [(n, text, frm, co, to, val, metric.split(" — ")[0]) for n, text, frm, co, to, val, metric in
            _tree(doc.model)] == expected


def test_merged_cells_of_a_flat_sheet_carry_down(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Кто даёт", "Кому", "Обещание", "Метрика"])
    ws.append(["Логистика", "Магазин", "Полки пополнены к 08:00", "доля полок"])
    ws.append([None, None, "Отгрузка без пересорта", ""])
    ws.append(["ИТ", "Магазин", "Кассы без сбоев", ""])
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    path = tmp_path / "flat.xlsx"
    wb.save(path)
    doc = Document(m.Workshop())
    result = import_sheet(doc, path)
    assert result.skipped == []
    doc.apply(result.batch)
    names = {x.id: x.name for x in (*doc.model.teams, *doc.model.segments)}
    assert [(names[p.from_], names[p.to], p.text, p.metric) for p in doc.model.promises] == [
        ("Логистика", "Магазин", "Полки пополнены к 08:00", "доля полок"),
        ("Логистика", "Магазин", "Отгрузка без пересорта", ""),  # carried down, the metric not (no merge)
        ("ИТ", "Магазин", "Кассы без сбоев", ""),
    ]


def test_cli_exports_the_tree_and_imports_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workshop = tmp_path / "w.clientocracy"
    assert main(["new", str(workshop), "--sample"]) == 0
    out = tmp_path / "tree.xlsx"
    assert main(["export", str(workshop), "--promises", str(out), "--tree"]) == 0
    assert load_workbook(out).sheetnames == ["Обещания", "Общие обещания"]
    assert main(["export", str(workshop), "--promises", str(tmp_path / "t.csv"), "--tree"]) == 2
    assert "--tree" in capsys.readouterr().err
    empty = tmp_path / "empty.clientocracy"
    assert main(["new", str(empty)]) == 0
    capsys.readouterr()
    assert main(["import-promises", str(empty), str(_template(tmp_path / "template.xlsx"))]) == 0
    assert "7 promises added" in capsys.readouterr().out
    got = read_workshop(empty)
    assert sorted(promise_numbers(got).values()) == ["1.1", "1.1.1", "1.1.2", "1.2", "2.1", "2.1.1", "3.1"]


def test_the_map_imports_the_template_through_its_preview_as_one_undo(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tests.test_promise_map_editor import open_editor
    from tests.test_promise_tree import _open_tree

    editor = open_editor(qtbot, m.Workshop())
    preview = editor.import_table(str(_template(tmp_path / "template.xlsx")))
    assert preview is not None and preview.isVisible()
    assert preview.summary.text() == "7 promise(s) will be added from «template.xlsx»."
    assert preview.combos[7].currentData() == "co" and preview.combos[7].currentText() == \
        "Joint promisers (one team a line)"
    steps = editor.undo_stack.count()
    QTest.mouseClick(preview.ok_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert len(editor.document.model.promises) == 7 and editor.undo_stack.count() == steps + 1
    panel = _open_tree(qtbot, editor)
    joint = next(p for p in editor.document.model.promises if p.text == "Деньги на счёте к утру")
    assert panel.model.index_of(joint.id, 0).data() == "1.1.2"
    assert panel.model.index_of(joint.id, 2).data() == "Финансы, Казначейство"
    editor.undo_stack.undo()
    assert editor.document.model.promises == []


def test_the_map_exports_the_tree_of_promises(qtbot: Any, tmp_path: Path) -> None:
    from tests.test_promise_map_editor import open_editor

    editor = open_editor(qtbot, read_workshop(sample_path()))
    out = tmp_path / "tree.xlsx"
    editor.export_table(str(out), tree=True)
    rows = workbook_rows(out, "Обещания")
    assert rows[0] == list(MAIN_HEADERS)
    assert rows[1][2:4] == ["Свежесть", "Свежие продукты на полке к открытию"]  # 1 → 1.1, with 1.1.1 beside it
    assert rows[1][5:7] == ["Полки пополнены к 08:00", "Логистика"]


def workbook_rows(path: Path, sheet: str) -> list[list[Any]]:
    """The values of a sheet's rows."""
    return [list(r) for r in load_workbook(path)[sheet].iter_rows(values_only=True)]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_flat_table_keeps_joint_and_alternative_promisers(tmp_path: Path, suffix: str) -> None:
    from app.promise_sheet import write_sheet

    w = read_workshop(sample_path())
    logistics, purchasing, it = "team-029", "team-030", "team-031"
    w.promises = [replace(p, co_promisers=(purchasing,), alternatives=(it, logistics))
                  if p.id == "prm-046" else p for p in w.promises]
    path = tmp_path / f"flat{suffix}"
    write_sheet(w, path)
    doc = Document(m.Workshop())
    result = import_sheet(doc, path)
    assert result.skipped == [] and result.warnings == []
    doc.apply(result.batch)
    names = {t.id: t.name for t in doc.model.teams}
    p = next(p for p in doc.model.promises if p.text == "Полки пополнены к 08:00")
    assert [names[t] for t in p.co_promisers] == ["Закупки"]
    assert [names[t] for t in p.alternatives] == ["ИТ"]  # the promiser is never its own alternative
