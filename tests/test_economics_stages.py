"""Stage ticks that mean something: 7 wants economics and motivation, 8 an indicator and a reading, 9 experiments
that serve a promise and end in a decision."""

from __future__ import annotations

from dataclasses import replace

from app import model as m
from widgets.shell.stages import StageNavigator


def _workshop() -> m.Workshop:
    economics = m.Economics(1000, 800)
    motivation = m.Motivation("margin", 10, (m.Share("Анна", 1.0),))
    indicator = m.Indicator("Возвраты", "70%", "58%")
    return m.Workshop(
        segments=[m.Segment("s", "Семьи")],
        teams=[m.Team("shop", "Магазин", "client_facing", lead="Анна", economics=economics, motivation=motivation,
                      indicator=indicator),
               m.Team("it", "ИТ", "service", economics=m.Economics(None, 300), motivation=motivation,
                      indicator=indicator),
               m.Team("council", "Совет", "council", indicator=indicator)],
        promises=[m.Promise("p", "shop", "s", "Свежее", metric="доля", status="accepted")],
        readings=[m.Reading("r1", "shop", "2026-11", "60%", False), m.Reading("r2", "it", "2026-11", "99%", True),
                  m.Reading("r3", "council", "2026-11", "1", True)],
        experiments=[m.Experiment("e1", "shop", status="running", promise="p"),
                     m.Experiment("e2", "shop", status="done", decision="keep")],
    )


def _marks(qtbot, w: m.Workshop) -> dict[int, str]:
    navigator = StageNavigator()
    qtbot.addWidget(navigator)
    navigator.refresh(w, [])
    return {stage: navigator.rows[stage].mark.text() for stage in (7, 8, 9)}


def test_a_complete_workshop_ticks_stages_7_8_and_9(qtbot) -> None:
    assert _marks(qtbot, _workshop()) == {7: "✓", 8: "✓", 9: "✓"}


def test_stage_7_waits_for_every_teams_motivation_not_just_a_number(qtbot) -> None:
    w = _workshop()
    w.teams[1] = replace(w.teams[1], motivation=None)  # the service team has economics but no motivation
    assert _marks(qtbot, w)[7] == ""
    w = _workshop()
    w.teams[1] = replace(w.teams[1], economics=None)
    assert _marks(qtbot, w)[7] == ""


def test_stage_8_waits_for_a_reading_of_every_teams_indicator(qtbot) -> None:
    w = _workshop()
    w.readings = w.readings[:2]  # the council's indicator has never been read
    assert _marks(qtbot, w)[8] == ""


def test_stage_9_wants_running_experiments_to_serve_a_promise_and_done_ones_decided(qtbot) -> None:
    w = _workshop()
    w.experiments[0] = replace(w.experiments[0], promise=None)
    assert _marks(qtbot, w)[9] == ""
    w = _workshop()
    w.experiments[1] = replace(w.experiments[1], decision=None)
    assert _marks(qtbot, w)[9] == ""
    w = _workshop()
    w.experiments = [m.Experiment("e3", "shop", status="planned")]  # planned: nothing asked of it yet
    assert _marks(qtbot, w)[9] == "✓"
