"""The promise table as a spreadsheet: lossless XLSX/CSV round trips, headers as people type them, bad rows."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app import model as m
from app.document import Document
from app.jsonio import workshop_to_json
from app.promise_import import import_rows, import_sheet
from app.promise_sheet import (
    SheetError,
    SheetRow,
    export_rows,
    header_key,
    parse_grants,
    parse_status,
    read_sheet,
    write_sheet,
)
from app.resources import sample_path
from app.workfile import read_workshop

HEADERS = ["Кто даёт", "Кому", "Обещание", "Метрика", "Цель", "Статус", "Полномочия", "Ресурсы", "Ценность",
           "Поддерживает"]


def _named(w: m.Workshop) -> list[tuple]:
    """Every promise with its parties, value and parent by name: what a table must carry."""
    names = {x.id: x.name for x in (*w.teams, *w.segments, *w.values)}
    texts = {p.id: p.text for p in w.promises}
    return [(names[p.from_], names[p.to], p.text, p.metric, p.target, p.status, p.authorities, p.resources,
             names.get(p.value or ""), texts.get(p.parent or ""), p.notes) for p in w.promises]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_of_the_sample_into_an_empty_workshop(tmp_path: Path, suffix: str) -> None:
    sample = read_workshop(sample_path())
    sample.promises[3] = replace(sample.promises[3], notes="Обсудить; с кухней\nв пятницу",
                                 authorities=(m.Grant("Решать; без согласования", False),))
    path = tmp_path / f"promises{suffix}"
    write_sheet(sample, path)
    doc = Document(m.Workshop())
    result = import_sheet(doc, path)
    assert result.skipped == [] and result.warnings == [] and result.taken == len(sample.promises)
    doc.apply(result.batch)
    assert _named(doc.model) == _named(sample)
    kinds = {t.name: t.kind for t in doc.model.teams}
    assert kinds["Доставка"] == "client_facing" and kinds["ИТ"] == "service"
    assert sorted(s.name for s in doc.model.segments) == ["Молодые семьи", "Офисные сотрудники"]
    doc.apply(result.batch.inverse())  # the whole import is one step
    assert workshop_to_json(doc.model) == workshop_to_json(m.Workshop())


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_into_the_same_parties_reuses_them(tmp_path: Path, suffix: str) -> None:
    sample = read_workshop(sample_path())
    path = tmp_path / f"p{suffix}"
    write_sheet(sample, path)
    target = read_workshop(sample_path())
    target.promises = []
    doc = Document(target)
    result = import_sheet(doc, path)
    assert (result.created_teams, result.created_segments, result.created_values) == ([], [], [])
    doc.apply(result.batch)
    assert [replace_id(p) for p in doc.model.promises] == [replace_id(p) for p in sample.promises]
    assert export_rows(doc.model) == export_rows(sample)


def replace_id(p: m.Promise) -> tuple:
    return (p.from_, p.to, p.text, p.value, p.metric, p.target, p.status, p.authorities, p.resources, p.notes)


def test_headers_as_people_type_them() -> None:
    assert header_key("Кто дает (команда)") == "from"
    assert header_key("  КТО ДАЁТ ") == "from"
    assert header_key("кому:") == "to"
    assert header_key("Полномочия [список]") == "authorities"
    assert header_key("Поддерживает (родительское обещание)") == "parent"
    assert header_key("Цель") == "target" and header_key("Promise") == "text"
    assert header_key("Бюджет") is None


def test_grants_and_statuses_as_people_type_them() -> None:
    assert parse_grants("✓ Выбирать перевозчика; Бюджет (есть) ;  Сервер") == (
        m.Grant("Выбирать перевозчика", True), m.Grant("Бюджет", True), m.Grant("Сервер", False))
    assert parse_grants("- Решать; без согласования\n[x] Два грузовика\n\n") == (
        m.Grant("Решать; без согласования", False), m.Grant("Два грузовика", True))
    assert parse_grants("") == ()
    for text, code in (("Принято", "accepted"), ("ВЫПОЛНЕНО", "kept"), ("kept", "kept"), ("снято", "retired"),
                       ("обсуждается", "negotiating"), ("нарушено", "broken"), ("", "draft"), ("Draft", "draft")):
        assert parse_status(text) == code, text
    assert parse_status("может быть") is None


def _workbook(path: Path, rows: list[list[object]], title: str | None = "Обещания отдела") -> None:
    wb = Workbook()
    ws = wb.active
    if title:
        ws.append([title])  # people put a title above the table
        ws.append([])
    for row in rows:
        ws.append(row)
    wb.save(path)


def test_bad_rows_are_reported_by_their_row_number(tmp_path: Path) -> None:
    sample = read_workshop(sample_path())
    path = tmp_path / "bad.xlsx"
    _workbook(path, [
        ["Кто дает (команда)", "КОМУ", "обещание", "Статус", "Полномочия", "Лишняя колонка"],
        ["ИТ", "Доставка", "Приложение курьера не падает", "принято", "Выбирать инструменты", "x"],   # row 4
        ["Молодые семьи", "ИТ", "Будем покупать", "", "", ""],                                         # row 5
        ["Логистика", "", "Без получателя", "", "", ""],                                               # row 6
        ["Закупки", "Студенты", "Скидка по студенческому", "может быть", "", ""],                       # row 7
        [None, None, None, None, None, None],                                                          # row 8: empty
        ["Новая команда (команда)", "Студенты", "Завтраки у общежития", "обсуждается", "", ""],        # row 9
        ["ИТ", "ИТ", "Сам себе", "", "", ""],                                                          # row 10
    ])
    doc = Document(sample)
    result = import_sheet(doc, path)
    assert [(p.row, p.code) for p in result.skipped] == [
        (5, "client-promises"), (6, "empty-cell"), (7, "unknown-status"), (10, "self-promise")]
    assert "client segment" in str(result.skipped[0])
    assert str(result.skipped[1]) == "row 6: the cell «КОМУ» is empty"  # the header as the sheet writes it
    assert result.unknown_headers == ["Лишняя колонка"]
    assert result.taken == 2 and result.created_teams == ["Новая команда"]
    assert result.created_segments == ["Студенты"]
    doc.apply(result.batch)
    added = doc.model.promises[-2:]
    assert doc.kind_of(added[0].to) == "team" and added[0].status == "accepted"
    assert added[0].authorities == (m.Grant("Выбирать инструменты", False),)
    assert doc.kind_of(added[1].to) == "segment" and doc.get(added[1].from_).name == "Новая команда"


def test_parents_by_text_or_row_number_and_missing_ones(tmp_path: Path) -> None:
    path = tmp_path / "parents.xlsx"
    _workbook(path, [
        HEADERS,
        ["Склад", "Магазин", "Полки полны к 8:00", "", "", "", "", "", "", "№ 4"],      # row 2 → row 4 (later)
        ["Закупки", "Склад", "Поставки вовремя", "", "", "", "", "", "", "Полки полны к 8:00"],
        ["Магазин", "Семьи", "Свежее к открытию", "", "", "", "", "", "Свежесть", ""],
        ["ИТ", "Склад", "Учёт без сбоев", "", "", "", "", "", "", "Такого нет"],
    ], title=None)
    doc = Document(m.Workshop())
    result = import_sheet(doc, path)
    assert [(w.row, w.code) for w in result.warnings] == [(5, "parent-missing")]
    doc.apply(result.batch)
    by_text = {p.text: p for p in doc.model.promises}
    assert by_text["Полки полны к 8:00"].parent == by_text["Свежее к открытию"].id
    assert by_text["Поставки вовремя"].parent == by_text["Полки полны к 8:00"].id
    assert by_text["Учёт без сбоев"].parent is None
    assert [v.name for v in doc.model.values] == ["Свежесть"]
    assert [s.name for s in doc.model.segments] == ["Семьи"]  # Склад and Магазин promise, so they are teams


def test_csv_from_a_russian_excel_in_windows_1251(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    text = "Кто дает;Кому;Обещание;Статус\r\nДоставка;Молодые семьи;\"Привезём; за час\";Принято\r\n"
    path.write_bytes(text.encode("cp1251"))
    rows, _ = read_sheet(path)
    assert rows == [SheetRow(2, {"from": "Доставка", "to": "Молодые семьи", "text": "Привезём; за час",
                                 "status": "Принято"})]
    result = import_rows(Document(read_workshop(sample_path())), rows)
    assert result.created_teams == [] and result.created_segments == [] and result.taken == 1


def test_formula_like_text_stays_text(tmp_path: Path) -> None:
    w = read_workshop(sample_path())
    w.promises[0].text = "=HYPERLINK(\"http://x\")"
    path = tmp_path / "f.xlsx"
    write_sheet(w, path)
    ws = load_workbook(path).active
    assert ws["C2"].data_type == "s" and ws["C2"].value == w.promises[0].text
    assert export_rows(w)[1][2] == w.promises[0].text


def test_unreadable_tables_are_refused(tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"not a zip")
    no_headers = tmp_path / "plain.csv"
    no_headers.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    for path, words in ((fake, "not"), (no_headers, "no header row"), (tmp_path / "old.xls", ".xlsx"),
                        (tmp_path / "t.txt", ".csv")):
        with pytest.raises(SheetError) as refused:
            read_sheet(path)
        assert words in str(refused.value) and str(path) in str(refused.value)


def test_a_cell_with_line_breaks_and_semicolons_gives_clean_items() -> None:
    assert parse_grants("право А;\nправо Б;") == (m.Grant("право А", False), m.Grant("право Б", False))
    assert parse_grants("✓ право А;\r\n- право Б ;\n\n") == (m.Grant("право А", True), m.Grant("право Б", False))
    assert parse_grants("Бюджет (есть);\nСервер;") == (m.Grant("Бюджет", True), m.Grant("Сервер", False))
    assert parse_grants("право А; право Б;\nправо В") == (
        m.Grant("право А", False), m.Grant("право Б", False), m.Grant("право В", False))
    assert parse_grants("Решать; без согласования\n") == (m.Grant("Решать; без согласования", False),)
    assert parse_grants("Решать; без согласования\nБюджет") == (
        m.Grant("Решать; без согласования", False), m.Grant("Бюджет", False))
    assert parse_grants(";\n;") == ()


def test_a_new_team_is_placed_by_its_partners_on_both_diagrams() -> None:
    from app.layout import diagram_positions, layered_layout
    from app.promise_import import import_rows

    w = read_workshop(sample_path())
    w.layouts = {d: layered_layout(w, d) for d in ("structure", "promises")}
    doc = Document(w)
    stored = {d: dict(w.layouts[d]) for d in w.layouts}
    result = import_rows(doc, [SheetRow(2, {"from": "Пекарня", "to": "Кухня готовой еды", "text": "Хлеб к 7:00"})])
    doc.apply(result.batch)
    bakery = next(t.id for t in doc.model.teams if t.name == "Пекарня")
    for diagram in ("structure", "promises"):
        layout = doc.model.layouts[diagram]
        assert {n: xy for n, xy in layout.items() if n != bakery} == stored[diagram]  # nothing else moved
        (x, y), (kx, ky) = layout[bakery], layout["team-028"]
        assert abs(x - kx) + abs(y - ky) < 450, diagram
        ys = [y for _, y in stored[diagram].values()]
        assert y <= max(ys) + 1, diagram  # not under everything, in a corner
    doc.apply(result.batch.inverse())
    assert {d: dict(doc.model.layouts.get(d, {})) for d in stored} == stored
    assert diagram_positions(doc.model, "structure") == stored["structure"]


def test_a_column_can_be_read_as_another_field(tmp_path: Path) -> None:
    from app.promise_import import import_table
    from app.promise_sheet import missing_columns, read_table

    path = tmp_path / "t.csv"
    path.write_text("Кто даёт;Кому;Обещание;Ответственный\nДоставка;Молодые семьи;Быстро;Анна\n", encoding="utf-8")
    table = read_table(path)
    assert table.columns == {0: "from", 1: "to", 2: "text"} and table.unknown() == ["Ответственный"]
    result = import_table(Document(read_workshop(sample_path())), table, {0: "from", 1: "to", 2: "text", 3: "notes"})
    assert result.unknown_headers == [] and result.batch is not None
    assert result.batch.edits[0].obj.notes == "Анна"
    assert missing_columns({0: "from", 2: "text"}) == ["to"]
