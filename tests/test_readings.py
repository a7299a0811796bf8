"""Transparency in figures: the latest reading of a promise or team, its series, roll-ups and the spreadsheet import."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from app import model as m
from app import readings as r
from app.document import Document
from app.promise_sheet import SheetError
from app.reading_import import import_readings, parse_met, parse_period
from cli.main import main
from tests.readings_support import sample_with_readings


def reading(of: str, period: str, value: str = "", met: bool | None = None, rid: str = "") -> m.Reading:
    return m.Reading(rid or f"{of}-{period}-{value}", of, period, value, met)


def test_the_latest_reading_is_of_the_latest_period_whatever_the_order_typed() -> None:
    w = m.Workshop(teams=[m.Team("t1", "Доставка")], readings=[
        reading("t1", "2026-03", "92%", True), reading("t1", "2026-01", "85%", False),
        reading("t1", "2026-03-15", "94%", None), reading("t1", "2026-02", "88%", False)])
    assert [x.period for x in r.series(w, "t1")] == ["2026-01", "2026-02", "2026-03", "2026-03-15"]
    assert r.latest(w, "t1").value == "94%" and r.state_of(r.latest(w, "t1")) == r.UNKNOWN
    assert r.latest(w, "nobody") is None and r.state_of(None) == r.NO_READINGS


def test_of_two_readings_of_one_period_the_last_typed_is_the_latest() -> None:
    w = m.Workshop(readings=[reading("p1", "2026-04", "90%", False, "a"), reading("p1", "2026-04", "97%", True, "b")])
    assert r.latest(w, "p1").id == "b"
    assert r.states(w) == {"p1": r.MET}


def test_values_give_their_numbers_for_the_sparkline() -> None:
    assert r.number("95 %") == 95 and r.number("1 200,5 ₽") == 1200.5 and r.number("≤ 5 минут") == 5
    assert r.number("−3,5") == -3.5 and r.number("нет данных") is None
    assert r.next_period("2026-12") == "2027-01" and r.next_period("2026-03-15") == "2026-04"
    assert r.current_month(datetime.date(2026, 7, 9)) == "2026-07"


def test_the_dashboard_rolls_up_per_team_and_for_the_organisation() -> None:
    board = r.dashboard(sample_with_readings())
    assert len(board.client) == 4 and len(board.internal) == 4  # the sample's promises to clients and to teams
    assert all(line.kind == "team" for line in board.indicators)
    council = "team-032"  # its indicator is not named: not on the dashboard
    assert council not in {line.obj_id for line in board.indicators}
    org = board.organisation
    assert (org.met, org.not_met, org.unknown) == (4, 2, 1) and org.total == len(board.lines)
    assert org.share_met == pytest.approx(4 / 6)
    teams = {f.team.name: f.tally for f in board.teams}
    assert (teams["Логистика"].met, teams["Логистика"].not_met) == (0, 2)  # its promise and its indicator
    assert teams["ИТ"].met == 2 and teams["Доставка"].unknown == 1


def test_a_joint_promise_counts_for_every_promiser_and_retired_ones_are_left_out() -> None:
    w = m.Workshop(segments=[m.Segment("s", "Клиенты")],
                   teams=[m.Team("a", "А"), m.Team("b", "Б")],
                   promises=[m.Promise("p", "a", "s", "Вместе", co_promisers=("b",), status="accepted"),
                             m.Promise("old", "a", "s", "Снято", status="retired")],
                   readings=[reading("p", "2026-01", "1", False)])
    board = r.dashboard(w)
    assert [line.obj_id for line in board.client] == ["p"]
    assert {f.team.id: f.tally.not_met for f in board.teams} == {"a": 1, "b": 1}
    assert board.organisation.not_met == 1  # counted once for the organisation


# ------------------------------------------------------------------------------------------------ import
def _workbook(path: Path, rows: list[list[object]]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Показатели за квартал"])  # people put a title above the table
    ws.append([])
    ws.append(["Период", "Обещание или команда", "Значение", "Выполнено", "Комментарий"])
    for row in rows:
        ws.append(row)
    wb.save(path)


def test_readings_import_from_a_workbook_by_id_text_or_name(tmp_path: Path) -> None:
    doc = Document(sample_with_readings())
    before = len(doc.model.readings)
    path = tmp_path / "figures.xlsx"
    _workbook(path, [
        ["2026-04", "prm-044", "97%", "да", ""],
        ["04.2026", "доставим заказ за 60 минут ", "98%", "да", "повтор строки: берётся последняя"],
        [datetime.datetime(2026, 4, 30), "Свежие продукты на полке к открытию", "91%", "нет", "поставщик"],
        ["апрель 2026", "Логистика", "95%", None, None],
        ["2026-03", "team-026", "93%", True, "исправлено"],  # the period it has: replaced, not doubled
        ["2026-13", "prm-044", "1", "да", None],
        ["2026-04", "Неизвестное обещание", "1", "да", None],
        ["2026-04", "prm-044", "1", "может быть", None],
        ["2026-04", "", "1", "да", None],
    ])
    result = import_readings(doc, path)
    assert (result.added, result.replaced) == (3, 1)
    assert [(p.row, p.code) for p in result.skipped] == [(9, "bad-period"), (10, "not-found"), (11, "bad-met"),
                                                         (12, "empty-cell")]
    assert "Обещание или команда" in str(result.skipped[-1])
    doc.apply(result.batch)
    assert len(doc.model.readings) == before + 3
    assert r.latest(doc.model, "prm-044").value == "98%"
    fresh = r.latest(doc.model, "prm-043")
    assert (fresh.period, fresh.met, fresh.note) == ("2026-04-30", False, "поставщик")
    assert r.latest(doc.model, "team-029").period == "2026-04" and r.latest(doc.model, "team-029").met is None
    march = next(x for x in doc.model.readings if x.of == "team-026" and x.period == "2026-03")
    assert (march.value, march.met, march.note) == ("93%", True, "исправлено")
    doc.apply(result.batch.inverse())  # one undo takes the whole import back
    assert len(doc.model.readings) == before and r.latest(doc.model, "prm-044").value == "96%"


def test_periods_and_verdicts_as_people_type_them() -> None:
    assert [parse_period(x) for x in ("2026-3", "3.2026", "15.03.2026", "март 2026", "Март 2026 г.",
                                      "2026-02-30", "весной")] == [
        "2026-03", "2026-03", "2026-03-15", "2026-03", "2026-03", None, None]
    assert [parse_met(x) for x in ("да", "Нет", "✓", "", "не выполнено", "может")] == [
        (True, True), (False, True), (True, True), (None, True), (False, True), (None, False)]


def test_a_table_without_the_readings_headers_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    wb = Workbook()
    wb.active.append(["Кто даёт", "Кому", "Обещание"])
    wb.save(path)
    with pytest.raises(SheetError, match="Период"):
        import_readings(Document(m.Workshop()), path)


def test_cli_import_readings_adds_them_to_a_workshop_file(tmp_path: Path, capsys) -> None:
    from app.jsonio import write_json_file
    from app.workfile import read_workshop

    target = tmp_path / "w.json"
    write_json_file(target, sample_with_readings())
    table = tmp_path / "figures.xlsx"
    _workbook(table, [["2026-04", "prm-044", "97%", "да", ""], ["2026-04", "Никто", "1", "да", ""]])
    assert main(["import-readings", str(target), str(table)]) == 2  # a bad row: nothing written
    assert "row 5" in capsys.readouterr().err
    assert r.latest(read_workshop(target), "prm-044").value == "96%"
    assert main(["import-readings", str(target), str(table), "--skip-bad-rows"]) == 0
    assert "1 readings added" in capsys.readouterr().out
    assert r.latest(read_workshop(target), "prm-044").value == "97%"
