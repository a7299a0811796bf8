"""Tests of the methodology checks: every code triggered and not, the bundled sample, order and speed."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from app import model as m
from app.checks import (
    CHECKS,
    CODES,
    SEVERITIES,
    TEMPLATES,
    Finding,
    finding_to_json,
    findings_by_id,
    run_checks,
)

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / "grocery.json"

GRANTED = (m.Grant("Decide refunds", True),)


def base() -> m.Workshop:
    """A small workshop that passes every check; each test changes one thing in it."""
    factors = [m.Factor(f"f{i}", f"Factor {i}") for i in range(1, 7)]
    for f, action in zip(factors, ("eliminate", "reduce", "raise", "create", None, None), strict=True):
        f.errc = action
    to_be = m.Curve("tobe", "We next year", "to_be", levels={"f1": 0, "f2": 2, "f3": 4, "f4": 3, "f5": 1, "f6": 1})
    ref = m.Curve("ref", "Hypermarkets", "competitor", reference=True, levels={f.id: 0 for f in factors})
    ref.levels.update({"f1": 3, "f2": 4, "f3": 2})
    return m.Workshop(
        info=m.WorkshopInfo(title="T", evolutionary_goal="Fresh food near home"),
        segments=[m.Segment("s1", "Families"), m.Segment("s2", "Office workers")],
        teams=[
            m.Team("cf", "Shop", "client_facing", lead="Maria", indicator=m.Indicator("Returning buyers")),
            m.Team("svc", "Logistics", "service", lead="Victor", indicator=m.Indicator("Shelves full by 8")),
            m.Team("cn", "Council", "council", lead="Anna", indicator=m.Indicator("Goal progress")),
        ],
        links=[m.Link("l1", "cf", "s1"), m.Link("l2", "svc", "cf")],
        promises=[
            m.Promise("p1", "cf", "s1", "Fresh food", metric="Share fresh", status="accepted", authorities=GRANTED),
            m.Promise("p2", "svc", "cf", "Shelves full", metric="Days", status="kept", resources=GRANTED),
        ],
        canvases=[m.Canvas("c1", "Retail", tagline="Fresh near home", factors=factors, curves=[to_be, ref])],
    )


def of(w: m.Workshop, code: str) -> list[tuple[str, ...]]:
    """The ids of the findings of one code."""
    return [f.ids for f in run_checks(w) if f.code == code]


def promise(w: m.Workshop, pid: str) -> m.Promise:
    return next(p for p in w.promises if p.id == pid)


def team(w: m.Workshop, tid: str) -> m.Team:
    return next(t for t in w.teams if t.id == tid)


def curve(w: m.Workshop, cid: str) -> m.Curve:
    return next(c for c in w.canvases[0].curves if c.id == cid)


def test_base_workshop_is_clean() -> None:
    assert run_checks(base()) == []


def test_table_codes_and_severities() -> None:
    assert SEVERITIES == ("error", "warning", "hint")
    assert CHECKS == {
        "promise-no-metric": "warning",
        "promise-unempowered": "error",
        "promise-from-client": "error",
        "team-no-client-promise": "warning",
        "team-not-serving-client": "warning",
        "team-no-indicator": "hint",
        "link-without-promise": "hint",
        "promise-without-link": "hint",
        "canvas-factor-count": "hint",
        "errc-contradicts-curves": "warning",
        "curve-unscored": "hint",
        "no-evolutionary-goal": "hint",
        # version 2 (tests/test_checks_v2.py)
        "promise-chain-at-risk": "warning",
        "authority-is-approval": "warning",
        "promise-parent-mismatch": "hint",
        "value-without-holder": "hint",
        "holder-not-on-council": "warning",
        "team-without-people": "hint",
        "team-no-motivation": "hint",
        "experiment-without-decision": "hint",
        "canvas-no-tagline": "hint",
        "reading-not-met": "warning",
        # this app's own (docs/format-additions.md)
        "motivation-shares": "warning",
    }
    assert set(CODES) <= {key.split("/")[0] for key in TEMPLATES}


REPO = Path(__file__).resolve().parent.parent
FORMAT_MD = REPO.parent / "shared" / "FORMAT.md"  # shared/ lies beside the checkout (and beside CI's clone)
if not FORMAT_MD.exists():
    FORMAT_MD = Path("/work/shared/FORMAT.md")


def _code_rows(text: str) -> dict[str, str]:
    """The `| `code` | severity | when |` rows of a Markdown text's tables of checks."""
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| (error|warning|hint) \|", text, flags=re.MULTILINE)
    return dict(rows)


def test_every_code_is_in_formats_tables_or_documented_as_this_apps_own() -> None:
    """CHECKS is FORMAT.md's two tables of checks plus the codes docs/format-additions.md documents as this app's
    own, each with the severity its table gives; an own code comes after FORMAT.md's codes and is not one of them."""
    text = FORMAT_MD.read_text(encoding="utf-8")
    tables = text[text.index("## Methodology checks"):]
    format_codes = _code_rows(tables)
    additions = (REPO / "docs" / "format-additions.md").read_text(encoding="utf-8")
    own = _code_rows(additions[additions.index("### This app's own checks"):])
    assert len(format_codes) >= 22 and own  # both tables of FORMAT.md were read, and the own table
    assert not set(own) & set(format_codes)
    assert CHECKS == {**format_codes, **own}
    assert list(CODES) == [*format_codes, *own]


# --------------------------------------------------------------------------- promises
@pytest.mark.parametrize("metric", ["", "   "])
def test_promise_no_metric(metric: str) -> None:
    w = base()
    promise(w, "p2").metric = metric
    assert of(w, "promise-no-metric") == [("p2",)]
    promise(w, "p2").metric = "Days"
    assert of(w, "promise-no-metric") == []


def test_promise_unempowered_when_something_is_not_granted() -> None:
    w = base()
    p = promise(w, "p1")
    p.text = "Свежие продукты на полке к открытию"
    p.resources = (m.Grant("Холодильное оборудование", False),)
    [f] = [f for f in run_checks(w) if f.code == "promise-unempowered"]
    assert (f.severity, f.ids) == ("error", ("p1", "cf"))
    assert "Свежие продукты на полке к открытию" in f.message and '"Холодильное оборудование"' in f.message
    # The same promise still being negotiated is fine: it is not claimed to be accepted.
    p.status = "negotiating"
    assert of(w, "promise-unempowered") == []
    # Granted, it is fine accepted.
    p.status = "accepted"
    p.resources = (m.Grant("Холодильное оборудование", True),)
    assert of(w, "promise-unempowered") == []


def test_promise_unempowered_when_kept_with_an_ungranted_authority() -> None:
    w = base()
    promise(w, "p2").authorities = (m.Grant("Choose the carrier", False),)
    assert of(w, "promise-unempowered") == [("p2", "svc")]
    promise(w, "p2").authorities = (m.Grant("Choose the carrier", True),)
    assert of(w, "promise-unempowered") == []


def test_promise_unempowered_when_it_lists_nothing() -> None:
    w = base()
    p = promise(w, "p2")
    p.resources = ()
    [f] = [f for f in run_checks(w) if f.code == "promise-unempowered"]
    assert f.ids == ("p2", "svc") and "no authorities or resources" in f.message
    # One granted item of either kind is enough (p1 lists only an authority, p2 now only a resource).
    p.resources = GRANTED
    assert of(w, "promise-unempowered") == []
    # A draft that lists nothing is no claim yet.
    p.resources, p.status = (), "draft"
    assert of(w, "promise-unempowered") == []


@pytest.mark.parametrize("status", ["draft", "negotiating", "broken", "retired"])
def test_promise_unempowered_only_for_accepted_or_kept(status: str) -> None:
    w = base()
    promise(w, "p1").status = status
    promise(w, "p1").authorities = (m.Grant("x", False),)
    assert of(w, "promise-unempowered") == []


def test_promise_from_client() -> None:
    w = base()
    w.promises.append(m.Promise("p3", "s1", "cf", "We shop daily", metric="Visits", status="draft"))
    [f] = [f for f in run_checks(w) if f.code == "promise-from-client"]
    assert (f.severity, f.ids) == ("error", ("p3", "s1"))
    assert '"Families"' in f.message
    promise(w, "p3").from_, promise(w, "p3").to = "cf", "s1"
    assert of(w, "promise-from-client") == []


# ------------------------------------------------------------------------------ teams
def test_team_no_client_promise() -> None:
    w = base()
    # The shop's only promise goes to a team instead of a segment.
    promise(w, "p1").to = "svc"
    assert of(w, "team-no-client-promise") == [("cf",)]
    promise(w, "p1").to = "s2"  # any segment will do
    assert of(w, "team-no-client-promise") == []


def test_team_no_client_promise_ignores_other_kinds() -> None:
    w = base()
    w.teams.append(m.Team("cf2", "Delivery", "client_facing", indicator=m.Indicator("On time")))
    assert of(w, "team-no-client-promise") == [("cf2",)]
    team(w, "cf2").kind = "service"  # the service and council teams promise no segment in base() either
    assert of(w, "team-no-client-promise") == []


def test_team_not_serving_client_direct_chain() -> None:
    w = base()
    # svc -> cf, and cf promises nothing to a segment: the chain stops short of the client.
    promise(w, "p1").to = "s1"
    promise(w, "p1").from_ = "cn"
    assert of(w, "team-not-serving-client") == [("svc",)]
    promise(w, "p1").from_ = "cf"
    assert of(w, "team-not-serving-client") == []


def test_team_not_serving_client_long_chain_and_links_do_not_count() -> None:
    w = base()
    w.teams += [m.Team("it", "IT", "service", indicator=m.Indicator("Uptime"))]
    w.links.append(m.Link("l3", "it", "svc"))
    # A structure link alone is no promise: IT reaches nobody.
    assert of(w, "team-not-serving-client") == [("it",)]
    # it -> svc -> cf -> s1: three promises to the client.
    w.promises.append(m.Promise("p3", "it", "svc", "Tills work", metric="Uptime", status="draft"))
    assert of(w, "team-not-serving-client") == []


def test_team_not_serving_client_in_a_cycle() -> None:
    w = base()
    w.teams += [
        m.Team("a", "A", "service", indicator=m.Indicator("x")),
        m.Team("b", "B", "service", indicator=m.Indicator("x")),
    ]
    w.links += [m.Link("la", "a", "b"), m.Link("lb", "b", "a")]
    w.promises += [m.Promise("pa", "a", "b", "x", metric="x"), m.Promise("pb", "b", "a", "y", metric="y")]
    assert of(w, "team-not-serving-client") == [("a",), ("b",)]
    w.links.append(m.Link("lc", "b", "cf"))
    w.promises.append(m.Promise("pc", "b", "cf", "z", metric="z"))  # b -> cf -> s1, and a -> b
    assert of(w, "team-not-serving-client") == []


def test_team_no_indicator() -> None:
    w = base()
    team(w, "svc").indicator = None
    team(w, "cn").indicator = m.Indicator("", "", "")  # an empty indicator is no indicator; the council counts
    findings = [f for f in run_checks(w) if f.code == "team-no-indicator"]
    assert [(f.severity, f.ids) for f in findings] == [("hint", ("svc",)), ("hint", ("cn",))]
    team(w, "svc").indicator = m.Indicator("Shelves full by 8")
    team(w, "cn").indicator = m.Indicator("Goal progress", "", "")
    assert of(w, "team-no-indicator") == []


# -------------------------------------------------------------------- links and promises
def test_link_without_promise() -> None:
    w = base()
    w.links.append(m.Link("l3", "svc", "s2"))
    [f] = [f for f in run_checks(w) if f.code == "link-without-promise"]
    assert (f.severity, f.ids) == ("hint", ("l3", "svc", "s2"))
    assert f.message == '"Logistics" serves "Office workers" in the structure but has made it no promise yet'
    w.promises.append(m.Promise("p3", "svc", "s2", "Lunch", metric="Minutes"))
    assert of(w, "link-without-promise") == []


def test_link_without_promise_is_by_pair_not_direction() -> None:
    w = base()
    w.links.append(m.Link("l3", "s1", "cf"))  # the reverse of p1's pair is not p1's pair
    assert of(w, "link-without-promise") == [("l3", "s1", "cf")]


def test_promise_without_link() -> None:
    w = base()
    w.promises.append(m.Promise("p3", "svc", "s2", "Lunch", metric="Minutes"))
    assert of(w, "promise-without-link") == [("p3", "svc", "s2")]
    w.links.append(m.Link("l3", "svc", "s2"))
    assert of(w, "promise-without-link") == []


# --------------------------------------------------------------------------- canvases
@pytest.mark.parametrize(("count", "found"), [(0, True), (5, True), (6, False), (12, False), (13, True)])
def test_canvas_factor_count(count: int, found: bool) -> None:
    w = base()
    c = w.canvases[0]
    c.factors = [m.Factor(f"f{i}", f"Factor {i}") for i in range(1, count + 1)]
    for cv in c.curves:
        cv.levels = {f.id: 1 for f in c.factors}
    assert of(w, "canvas-factor-count") == ([("c1",)] if found else [])


@pytest.mark.parametrize(
    ("factor", "to_be", "reference", "found"),
    [
        ("f1", 0, 3, False),  # eliminate: to-be at the scale minimum
        ("f1", 0.5, 3, True),
        ("f1", 0, 0, False),  # the reference does not matter for eliminate
        ("f2", 2, 4, False),  # reduce: min < to-be < reference
        ("f2", 4, 4, True),  # not below the reference
        ("f2", 0, 4, True),  # at the minimum: that is eliminate, not reduce
        ("f2", 4.5, 4, True),
        ("f3", 4, 2, False),  # raise: to-be > reference
        ("f3", 2, 2, True),
        ("f3", 1, 2, True),
        ("f4", 3, 0, False),  # create: reference at the minimum, to-be above it
        ("f4", 3, 1, True),
        ("f4", 0, 0, True),
        ("f5", 5, 0, False),  # no ERRC action: nothing to contradict
    ],
)
def test_errc_contradicts_curves(factor: str, to_be: float, reference: float, found: bool) -> None:
    w = base()
    curve(w, "tobe").levels[factor] = to_be
    curve(w, "ref").levels[factor] = reference
    assert of(w, "errc-contradicts-curves") == ([(factor, "c1", "tobe", "ref")] if found else [])


def test_errc_message_names_factor_canvas_and_curves() -> None:
    w = base()
    curve(w, "tobe").levels["f3"] = 1.5
    [f] = [f for f in run_checks(w) if f.code == "errc-contradicts-curves"]
    assert f.severity == "warning"
    for part in ('"Factor 3"', '"Retail"', "raise", '"We next year"', "1.5", '"Hypermarkets"'):
        assert part in f.message


def test_errc_respects_the_scale_minimum() -> None:
    w = base()
    c = w.canvases[0]
    c.scale = (1, 10)
    for cv in c.curves:
        cv.levels = {k: v + 1 for k, v in cv.levels.items()}
    assert of(w, "errc-contradicts-curves") == []
    curve(w, "tobe").levels["f1"] = 0.0 + 1.5  # eliminate needs 1 on a 1-10 scale
    assert of(w, "errc-contradicts-curves") == [("f1", "c1", "tobe", "ref")]


def test_errc_silent_without_or_with_unscored_curves() -> None:
    w = base()
    curve(w, "tobe").levels["f3"] = 0  # contradicts raise
    assert of(w, "errc-contradicts-curves") == [("f3", "c1", "tobe", "ref")]
    # Unscored on that factor, either curve: silent.
    del curve(w, "ref").levels["f3"]
    assert of(w, "errc-contradicts-curves") == []
    curve(w, "ref").levels["f3"] = 2
    del curve(w, "tobe").levels["f3"]
    assert of(w, "errc-contradicts-curves") == []
    curve(w, "tobe").levels["f3"] = 0
    # No reference curve: silent.
    curve(w, "ref").reference = False
    assert of(w, "errc-contradicts-curves") == []
    curve(w, "ref").reference = True
    # No visible to-be curve: silent (the hidden one is not the to-be curve).
    curve(w, "tobe").visible = False
    assert of(w, "errc-contradicts-curves") == []
    curve(w, "tobe").visible = True
    curve(w, "tobe").kind = "as_is"
    assert of(w, "errc-contradicts-curves") == []


def test_errc_uses_the_first_visible_to_be_curve() -> None:
    w = base()
    c = w.canvases[0]
    bad = m.Curve("tobe2", "Alternative plan", "to_be", levels=dict(curve(w, "tobe").levels))
    bad.levels["f3"] = 0  # contradicts raise
    c.curves.append(bad)
    assert of(w, "errc-contradicts-curves") == []  # "tobe" comes first and agrees
    c.curves.insert(0, c.curves.pop())  # now "tobe2" comes first
    assert of(w, "errc-contradicts-curves") == [("f3", "c1", "tobe2", "ref")]
    bad.visible = False  # hidden: "tobe" is the to-be curve again
    assert of(w, "errc-contradicts-curves") == []


def test_curve_unscored() -> None:
    w = base()
    del curve(w, "tobe").levels["f5"]
    del curve(w, "tobe").levels["f6"]
    [f] = [f for f in run_checks(w) if f.code == "curve-unscored"]
    assert (f.severity, f.ids) == ("hint", ("tobe", "c1", "f5", "f6"))
    assert '"Factor 5", "Factor 6"' in f.message
    curve(w, "tobe").visible = False  # only visible curves are checked
    assert of(w, "curve-unscored") == []
    curve(w, "tobe").visible = True
    curve(w, "tobe").levels.update(f5=0, f6=0)  # 0 ("not offered") is a level
    assert of(w, "curve-unscored") == []


# --------------------------------------------------------------------------- workshop
@pytest.mark.parametrize("goal", ["", "  \n"])
def test_no_evolutionary_goal(goal: str) -> None:
    w = base()
    w.info.evolutionary_goal = goal
    assert [(f.code, f.severity, f.ids) for f in run_checks(w)] == [("no-evolutionary-goal", "hint", ())]
    w.info.evolutionary_goal = "Fresh food near home"
    assert of(w, "no-evolutionary-goal") == []


# ---------------------------------------------------------------- order, JSON, helpers
def test_order_follows_the_table_then_the_model() -> None:
    w = base()
    w.info.evolutionary_goal = ""
    team(w, "cn").indicator = None
    team(w, "svc").indicator = None
    promise(w, "p2").metric = ""
    promise(w, "p1").metric = ""
    w.promises.append(m.Promise("p3", "svc", "s2", "Lunch", metric="Minutes"))
    codes = [(f.code, f.ids[:1]) for f in run_checks(w)]
    assert codes == [
        ("promise-no-metric", ("p1",)),
        ("promise-no-metric", ("p2",)),
        ("team-no-indicator", ("svc",)),
        ("team-no-indicator", ("cn",)),
        ("promise-without-link", ("p3",)),
        ("no-evolutionary-goal", ()),
    ]
    assert run_checks(w) == run_checks(w)


def test_finding_to_json_and_by_id() -> None:
    f = Finding("promise-without-link", "hint", "m", ("p3", "svc", "s2"))
    assert finding_to_json(f) == {
        "code": "promise-without-link",
        "severity": "hint",
        "message": "m",
        "ids": ["p3", "svc", "s2"],
    }
    g = Finding("team-no-indicator", "hint", "n", ("svc",))
    assert findings_by_id([f, g]) == {"p3": [f], "svc": [f, g], "s2": [f]}


def test_templates_can_be_replaced_by_code() -> None:
    w = base()
    w.info.evolutionary_goal = ""
    team(w, "svc").indicator = None
    [a, b] = run_checks(w, templates={"team-no-indicator": "У команды «{team}» нет показателя успеха"})
    assert a.message == "У команды «Logistics» нет показателя успеха"
    assert b.message == TEMPLATES["no-evolutionary-goal"]


# ----------------------------------------------------------------------- the sample
def read_sample() -> m.Workshop:
    from app.jsonio import read_json_file

    return read_json_file(SAMPLE)


def test_grocery_sample_findings() -> None:
    """Expected findings worked out by reading grocery.json, not by running the checks."""
    expected = [
        # The council has an indicator object whose fields are all empty: no success indicator. Every other
        # team names one. (Teams of every kind are checked: the table says "a team".)
        ("team-no-indicator", ("team-032",)),
        # Logistics serves the ready-food kitchen (lnk-038) but promises only the shop on Lesnaya (prm-046).
        ("link-without-promise", ("lnk-038", "team-029", "team-028")),
        # IT serves Delivery (lnk-041) but promises only the shop (prm-048) and Customer care (prm-049).
        ("link-without-promise", ("lnk-041", "team-031", "team-026")),
        # IT promises Customer care (prm-049) with no structure link IT -> Customer care (only to 025 and 026).
        ("promise-without-link", ("prm-049", "team-031", "team-027")),
        # The canvas has a to-be curve ("Мы через год") and an empty tagline.
        ("canvas-no-tagline", ("cnv-024",)),
        # Logistics' shelves promise (prm-046, accepted): its latest figure, 93 % in 2026-11 (rd-015), misses 98 %.
        ("reading-not-met", ("prm-046", "rd-015")),
    ]
    # Silent, and why:
    # - every promise has a metric; every accepted/kept one (042, 044, 046, 048, 049) has all granted; the
    #   ungranted items sit on promises still negotiating (043, 047) and the empty draft 045 claims nothing;
    # - all promises come from teams; each client-facing team (025-028) promises a segment directly;
    # - service teams: 029 -> 025 -> seg-004, 030 -> 025 -> seg-004, 031 -> 025/027 -> seg-004;
    # - the canvas has 8 factors; to-be is "Мы через год" (crv-021), reference "Гипермаркеты" (crv-022), scale
    #   min 0: reduce 2.5<3 and 2<5, raise 5>2, 4.5>1, 4>2, create ref 0 with 4 and 3.5, eliminate 0 - all agree;
    # - all four visible curves score all eight factors; the evolutionary goal is set;
    # - version 2: the values' holders sit on the council; every team has people and a motivation; the authorities
    #   are rights («…без согласования»); the supporting promises 046 and 047 sit under 043, still negotiating, and
    #   049 (kept) under 042 (accepted) goes to its promiser 027; the experiment done is decided;
    #   every other latest figure of an accepted or kept promise meets its target.
    findings = run_checks(read_sample())
    assert [(f.code, f.ids) for f in findings] == expected
    assert [f.severity for f in findings] == ["hint"] * 5 + ["warning"]
    assert findings[0].message == 'Team "Совет управляющих" has no success indicator'
    assert findings[3].message == (
        'Promise "История покупок клиента открывается за секунду" from "ИТ" to "Служба заботы" '
        "has no matching structure link"
    )


# ------------------------------------------------------------------------------ speed
def test_speed_on_a_large_workshop() -> None:
    from app.generate import generate_workshop

    w = generate_workshop(teams=500, promises=3000, links=1000)
    assert run_checks(w) == run_checks(w)
    # CPU time of this thread, best of five: other processes on a busy machine do not count.
    best = min(_timed(w) for _ in range(5))
    assert best < 0.05, f"run_checks took {best * 1000:.1f} ms"


def _timed(w: m.Workshop) -> float:
    t0 = time.thread_time()
    run_checks(w)
    return time.thread_time() - t0
