"""JSON interchange: round trips, the canonical form, and documents refused with the path of their problem."""

from __future__ import annotations

import copy
import json
import math
import os
import pickle
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import changes, jsonio
from app import model as m
from app.document import Document
from app.generate import small_workshop
from app.jsonio import FormatError, dumps, loads, read_json_file, workshop_from_json, workshop_to_json
from app.resources import sample_path

GROCERY = Path("/work/shared/samples/grocery.json")
if not GROCERY.exists():  # the sample also ships with the app
    GROCERY = Path(__file__).resolve().parent.parent / "resources" / "samples" / "grocery.json"


def base() -> dict[str, Any]:
    """A small valid document in canonical form: every field written, one object of every kind."""
    return {
        "format": "clientocracy-workshop",
        "version": 2,
        "workshop": {"title": "Сессия", "organization": "ООО", "facilitator": "Ф", "date": "2026-11-20",
                     "language": "ru", "evolutionary_goal": "Цель", "goal_rationale": "", "notes": ""},
        "values": [{"id": "v1", "name": "Свежесть", "description": "", "holder": "Анна"}],
        "segments": [{"id": "s1", "name": "Семьи", "description": ""}],
        "pains": [{"id": "pn1", "segment": "s1", "text": "Очереди", "severity": 4}],
        "propositions": [{"id": "pr1", "segment": "s1", "statement": "Быстро", "tagline": "Раз-два"}],
        "canvases": [{
            "id": "c1", "title": "Канва", "segment": "s1", "tagline": "", "scale": [0, 5], "step": 0.5,
            "factors": [
                {"id": "f1", "name": "Цена", "description": "", "higher_is_costlier": True, "errc": "reduce",
                 "errc_note": ""},
                {"id": "f2", "name": "Свежесть", "description": "", "higher_is_costlier": False, "errc": None,
                 "errc_note": ""}],
            "curves": [
                {"id": "k1", "name": "Мы", "kind": "as_is", "color": "#0072B2", "visible": True,
                 "reference": True, "levels": {"f1": 3, "f2": 2.5}},
                {"id": "k2", "name": "Они", "kind": "competitor", "color": "#D55E00", "visible": False,
                 "reference": False, "levels": {"f1": 5}}]}],
        "teams": [
            {"id": "t1", "name": "Магазин", "kind": "client_facing", "purpose": "", "lead": "Мария",
             "members": ["Мария", "Пётр"], "indicator": {"name": "Возвраты", "target": "70%", "current": "58%"},
             "economics": {"revenue": 4200000, "costs": 3650000.5, "currency": "RUB", "period": "month",
                           "internal_revenue": None, "internal_costs": 120000},
             "notes": "", "motivation": {"basis": "margin", "percent": 10,
                                         "shares": [{"member": "Мария", "share": 0.6},
                                                    {"member": "Пётр", "share": 0.4}]},
             "experiment_budget": 30000},
            {"id": "t2", "name": "Логистика", "kind": "service", "purpose": "", "lead": "", "members": [],
             "indicator": None, "economics": {"revenue": None, "costs": None, "currency": "RUB",
                                              "period": "month", "internal_revenue": 120000,
                                              "internal_costs": None}, "notes": "", "motivation": None,
             "experiment_budget": None}],
        "links": [{"id": "l1", "from": "t1", "to": "s1"}, {"id": "l2", "from": "t2", "to": "t1"}],
        "promises": [
            {"id": "p1", "from": "t1", "to": "s1", "text": "Свежее", "value": "v1", "parent": None, "metric": "",
             "target": "", "status": "accepted", "authorities": [{"text": "Списывать", "granted": True}],
             "resources": [{"text": "Холодильник", "granted": False}], "notes": "", "price": None,
             "co_promisers": [], "alternatives": ["t2"]},
            {"id": "p2", "from": "t2", "to": "t1", "text": "Полки полны", "value": None, "parent": "p1",
             "metric": "", "target": "", "status": "draft", "authorities": [], "resources": [], "notes": "",
             "price": 120000, "co_promisers": [], "alternatives": []}],
        "experiments": [{"id": "e1", "team": "t1", "hypothesis": "H", "metric": "M", "budget": 50000,
                         "start": "2026-12-01", "end": None, "status": "done", "result": "", "decision": "keep",
                         "promise": "p1", "learning": "Ошибка в расчёте"}],
        "readings": [{"id": "r1", "of": "p1", "period": "2026-11", "value": "96%", "met": True, "note": ""},
                     {"id": "r2", "of": "t1", "period": "2026-11-30", "value": "58%", "met": None, "note": "н/д"}],
        "layouts": {"structure": {"t1": [0, 10.5], "s1": [-100, 0]}, "promises": {"t2": [1, 2]}},
    }


def refused(data: Any) -> FormatError:
    """The FormatError the importer raises for `data` (fails the test when it accepts it)."""
    with pytest.raises(FormatError) as info:
        workshop_from_json(data)
    return info.value


def text_refused(text: str | bytes) -> FormatError:
    """The FormatError `loads` raises for `text`."""
    with pytest.raises(FormatError) as info:
        loads(text)
    return info.value


# ------------------------------------------------------------------------------------------ round trips
def test_base_document_is_canonical_and_comes_back_equal() -> None:
    w = workshop_from_json(base())
    assert workshop_to_json(w) == base()
    assert w.promises[1].from_ == "t2" and w.promises[1].parent == "p1"
    assert w.teams[0].members == ("Мария", "Пётр") and w.teams[1].indicator is None
    assert w.canvases[0].scale == (0, 5) and w.layouts["structure"]["t1"] == (0.0, 10.5)
    assert w.promises[0].resources == (m.Grant("Холодильник", False),)


def test_absent_optional_fields_get_the_model_defaults() -> None:
    minimal = {"format": "clientocracy-workshop", "version": 1, "workshop": {"title": "T"},
               "segments": [{"id": "s"}], "canvases": [{"id": "c", "factors": [{"id": "f"}], "curves": [{"id": "k"}]}],
               "teams": [{"id": "t"}], "promises": [{"id": "p", "from": "t", "to": "s"}],
               "experiments": [{"id": "e"}]}
    out = workshop_to_json(workshop_from_json(minimal))
    assert out["workshop"] == {"title": "T", "organization": "", "facilitator": "", "date": "", "language": "ru",
                               "evolutionary_goal": "", "goal_rationale": "", "notes": ""}
    assert out["values"] == out["pains"] == out["propositions"] == out["links"] == []
    assert out["canvases"] == [{"id": "c", "title": "", "segment": None, "tagline": "", "scale": [0, 5], "step": 0.5,
                                "factors": [{"id": "f", "name": "", "description": "", "higher_is_costlier": False,
                                             "errc": None, "errc_note": ""}],
                                "curves": [{"id": "k", "name": "", "kind": "as_is", "color": "#0072B2",
                                            "visible": True, "reference": False, "levels": {}}]}]
    assert out["teams"] == [{"id": "t", "name": "", "kind": "client_facing", "purpose": "", "lead": "", "members": [],
                             "indicator": None, "economics": None, "notes": "", "motivation": None,
                             "experiment_budget": None}]
    assert out["promises"][0] == {"id": "p", "from": "t", "to": "s", "text": "", "value": None, "parent": None,
                                  "metric": "", "target": "", "status": "draft", "authorities": [], "resources": [],
                                  "notes": "", "price": None, "co_promisers": [], "alternatives": []}
    assert out["experiments"][0] == {"id": "e", "team": None, "hypothesis": "", "metric": "", "budget": None,
                                     "start": None, "end": None, "status": "planned", "result": "", "decision": None,
                                     "promise": None, "learning": ""}
    assert out["readings"] == []
    assert out["layouts"] == {"structure": {}, "promises": {}}


def test_keys_are_written_in_the_order_of_format_md() -> None:
    out = json.loads(dumps(workshop_from_json(base())))
    assert list(out) == ["format", "version", "workshop", "values", "segments", "pains", "propositions", "canvases",
                         "teams", "links", "promises", "experiments", "readings", "layouts"]
    assert list(out["promises"][0]) == ["id", "from", "to", "text", "value", "parent", "metric", "target", "status",
                                        "authorities", "resources", "notes", "price", "co_promisers", "alternatives"]
    assert list(out["canvases"][0]) == ["id", "title", "segment", "tagline", "scale", "step", "factors", "curves"]
    assert list(out["teams"][0]["economics"]) == ["revenue", "costs", "currency", "period", "internal_revenue",
                                                  "internal_costs"]
    assert list(out["teams"][0]["motivation"]) == ["basis", "percent", "shares"]
    assert list(out["readings"][0]) == ["id", "of", "period", "value", "met", "note"]


def test_dumps_is_indented_utf8_and_writes_integral_floats_as_ints() -> None:
    data = base()
    data["canvases"][0]["scale"] = [0.0, 10.0]
    data["canvases"][0]["curves"][0]["levels"] = {"f1": 3.0, "f2": 2.5}
    data["layouts"]["structure"]["t1"] = [-0.0, 1e6]
    data["teams"][0]["economics"]["costs"] = 1e20
    text = dumps(workshop_from_json(data))
    assert '"title": "Сессия"' in text and "\\u" not in text
    assert text.startswith('{\n  "format": "clientocracy-workshop",\n  "version": 2,\n')
    assert '"f1": 3,' in text and '"f2": 2.5\n' in text and "3.0" not in text
    assert '"scale": [\n        0,\n        10\n      ]' in text
    assert "1e+20" in text  # beyond exact integers a float stays a float, so it reads back as the same number
    assert dumps(loads(text)) == text


def test_grocery_sample_loads_and_comes_back_byte_for_byte() -> None:
    w = read_json_file(GROCERY)
    assert w.info.title == "Свежий квартал: стратегическая сессия"
    assert [len(w.values), len(w.segments), len(w.teams), len(w.links), len(w.promises)] == [3, 2, 8, 9, 8]
    assert w.canvases[0].curves[1].levels["fac-012"] == 2.5 and w.canvases[0].scale == (0, 5)
    assert w.teams[2].economics == m.Economics(None, 450000)
    text = dumps(w)
    assert dumps(loads(text)) == text
    assert dumps(loads(text.encode("utf-8"))) == text


def _defaults() -> dict[str, dict[str, Any]]:
    """The JSON written for every field of every kind when nothing is set: kind -> key -> value."""
    one = {kind: [cls(id="x")] for kind, cls in m.TOP_KINDS.items()}
    one["canvas"] = [m.Canvas("x", factors=[m.Factor("f")], curves=[m.Curve("k")])]
    out = workshop_to_json(m.Workshop(**{m.COLLECTIONS[kind]: objs for kind, objs in one.items()}))
    found = {kind: out[m.COLLECTIONS[kind]][0] for kind in m.TOP_KINDS}
    return {**found, "workshop": out["workshop"], "factor": found["canvas"]["factors"][0],
            "curve": found["canvas"]["curves"][0]}


DEFAULTS = _defaults()


def _kind_at(path: list[str]) -> str | None:
    """The kind of object at a JSON path such as ["canvases", 0, "curves", 1]."""
    names = [p for p in path if isinstance(p, str)]
    if not names or not isinstance(path[-1], int) and names[-1] != "workshop":
        return None
    return "workshop" if names[-1] == "workshop" else m.KIND_OF_COLLECTION.get(names[-1])


def _compare(given: Any, written: Any, path: list, added: list[str]) -> None:
    """Assert that every key and value of `given` is in `written`; collect keys written on top of them."""
    where = ".".join(map(str, path)) or "(root)"
    if isinstance(given, dict):
        assert isinstance(written, dict), where
        for key, value in given.items():
            assert key in written, f"{where}: {key} lost"
            _compare(value, written[key], [*path, key], added)
        kind = _kind_at(path)
        for key in written.keys() - given.keys():
            assert kind is not None, f"{where}.{key} added where no defaults apply"
            assert written[key] == DEFAULTS[kind][key], f"{where}.{key} is not the default"
            added.append(f"{where}.{key}")
    elif isinstance(given, list):
        assert isinstance(written, list) and len(written) == len(given), where
        for i, (a, b) in enumerate(zip(given, written, strict=True)):
            _compare(a, b, [*path, i], added)
    else:
        assert type(given) is type(written) and given == written, f"{where}: {given!r} became {written!r}"


def test_grocery_export_differs_from_the_input_only_by_defaults_of_absent_keys() -> None:
    given = json.loads(GROCERY.read_text(encoding="utf-8"))
    written = json.loads(dumps(loads(GROCERY.read_bytes())))
    assert (given["version"], written["version"]) == (1, 2)  # a version 1 document is written as version 2
    assert written.pop("readings") == []  # version 2's new list, empty
    for team in written["teams"]:  # version 2's new economics figures, unknown
        if team["economics"] is not None:
            assert team["economics"].pop("internal_revenue") is None and team["economics"].pop("internal_costs") is None
    added: list[str] = []
    _compare({**given, "version": 2}, written, [], added)
    assert "canvases.0.segment" in added  # the sample leaves out its canvas's segment, written as null
    assert "promises.0.price" in added and "teams.0.motivation" in added


def test_x_keys_are_kept_in_place_everywhere() -> None:
    data = base()
    data["x-tool"] = {"name": "script", "n": [1, 2.5, None, True, {"deep": "да"}]}
    data["workshop"]["x-room"] = "3"
    data["layouts"]["x-zoom"] = 1.5
    data["canvases"][0]["x-a"] = 1
    data["canvases"][0]["factors"][0]["x-b"] = [1]
    data["canvases"][0]["curves"][1]["x-c"] = None
    data["teams"][0]["indicator"]["x-d"] = "d"
    data["teams"][0]["economics"]["x-e"] = "e"
    data["promises"][0]["authorities"][0]["x-f"] = False
    data["experiments"][0]["x-g"] = {}
    w = workshop_from_json(copy.deepcopy(data))
    assert w.extra == {"x-tool": data["x-tool"]} and w.layouts_extra == {"x-zoom": 1.5}
    assert w.teams[0].economics.extra == {"x-e": "e"} and w.promises[0].authorities[0].extra == {"x-f": False}
    assert workshop_to_json(w) == data
    text = dumps(w)
    assert dumps(loads(text)) == text


def test_export_and_import_share_no_mutable_state_with_their_input() -> None:
    data = base()
    data["x-list"] = [1, 2]
    w = workshop_from_json(data)
    data["x-list"].append(3)
    assert w.extra["x-list"] == [1, 2]
    out = workshop_to_json(w)
    out["x-list"].append(4)
    out["canvases"][0]["curves"][0]["levels"]["f1"] = 0
    assert w.extra["x-list"] == [1, 2] and w.canvases[0].curves[0].levels["f1"] == 3


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=10**6))
def test_generated_small_workshops_round_trip(seed: int) -> None:
    w = small_workshop(seed)
    text = dumps(w)
    again = loads(text)
    assert again == w
    assert dumps(again) == text
    assert workshop_to_json(workshop_from_json(json.loads(text))) == json.loads(text)


def test_a_workshop_edited_through_the_document_exports_and_imports() -> None:
    doc = Document(loads(GROCERY.read_bytes()))
    doc.apply(changes.update(doc, "", date="2026-12-01", notes="строка\nвторая"))
    doc.apply(changes.set_position(doc, "structure", "team-025", (12.0, -3.5)))
    doc.apply(changes.set_level(doc, "crv-020", "fac-012", 4.5))
    doc.apply(changes.delete(doc, "team-031"))
    again = loads(dumps(doc.model))
    assert again == doc.model
    assert again.layouts["structure"] == {"team-025": (12.0, -3.5)}


# ------------------------------------------------------------------------------------------ refused documents
def _team(i: int, **fields: Any) -> Callable[[dict], None]:
    """A change that sets fields of the i-th team."""
    return lambda d: d["teams"][i].update(fields)


def _promise(i: int, **fields: Any) -> Callable[[dict], None]:
    """A change that sets fields of the i-th promise."""
    return lambda d: d["promises"][i].update(fields)


def _canvas(**fields: Any) -> Callable[[dict], None]:
    """A change that sets fields of the canvas."""
    return lambda d: d["canvases"][0].update(fields)


def _curve(i: int, **fields: Any) -> Callable[[dict], None]:
    """A change that sets fields of the i-th curve."""
    return lambda d: d["canvases"][0]["curves"][i].update(fields)


def _level(factor: str, value: Any) -> Callable[[dict], None]:
    """A change that sets the first curve's level on `factor`."""
    return lambda d: d["canvases"][0]["curves"][0]["levels"].update({factor: value})


BAD: list[tuple[str, Callable[[dict], Any], str]] = [
    # unknown keys
    ("unknown top key", lambda d: d.update(colour=1), "colour: unknown key"),
    ("misspelt key", _team(1, purpse="x"), 'teams[1].purpse: unknown key; did you mean "purpose"?'),
    ("unknown key in workshop", lambda d: d["workshop"].update(author="x"), "workshop.author: unknown key"),
    ("unknown key in factor", lambda d: d["canvases"][0]["factors"][1].update(weight=1),
     "canvases[0].factors[1].weight: unknown key"),
    ("unknown key in indicator", lambda d: d["teams"][0]["indicator"].update(unit="%"),
     "teams[0].indicator.unit: unknown key"),
    ("unknown key in economics", lambda d: d["teams"][0]["economics"].update(profit=1),
     "teams[0].economics.profit: unknown key"),
    ("unknown key in grant", lambda d: d["promises"][0]["resources"][0].update(by="x"),
     "promises[0].resources[0].by: unknown key"),
    ("unknown diagram", lambda d: d["layouts"].update(grid={}), "layouts.grid: unknown diagram 'grid'"),
    # wrong types
    ("list is an object", lambda d: d.update(teams={"t1": {}}), "teams: expected a list, got an object"),
    ("item is a string", lambda d: d["teams"].append("t3"), "teams[2]: expected an object (a team), got \"t3\""),
    ("title is a number", lambda d: d["workshop"].update(title=5), "workshop.title: expected a string, got 5"),
    ("id is a number", _team(0, id=1), "teams[0].id: expected a string, got 1"),
    ("members is a string", _team(0, members="Мария"), "teams[0].members: expected a list, got \"Мария\""),
    ("member is a number", _team(0, members=["Мария", 3]), "teams[0].members[1]: expected a string, got 3"),
    ("bool is a string", lambda d: d["canvases"][0]["factors"][0].update(higher_is_costlier="yes"),
     "canvases[0].factors[0].higher_is_costlier: expected true or false, got \"yes\""),
    ("bool is a number", _curve(1, visible=1), "canvases[0].curves[1].visible: expected true or false, got 1"),
    ("number is a bool", lambda d: d["pains"][0].update(severity=True),
     "pains[0].severity: expected a number or null, got true"),
    ("number is a string", lambda d: d["teams"][0]["economics"].update(revenue="100"),
     "teams[0].economics.revenue: expected a number or null, got \"100\""),
    ("string is null", _promise(0, text=None), "promises[0].text: expected a string, got null"),
    ("granted is a string", lambda d: d["promises"][0]["authorities"][0].update(granted="да"),
     "promises[0].authorities[0].granted: expected true or false"),
    ("indicator is a string", _team(0, indicator="70%"), "teams[0].indicator: expected an object (an indicator)"),
    ("scale of one number", _canvas(scale=[5]), "canvases[0].scale: expected [min, max], two numbers"),
    ("scale with a string", _canvas(scale=[0, "5"]), 'canvases[0].scale[1]: expected a number, got "5"'),
    ("level is a string", _level("f1", "3"), 'canvases[0].curves[0].levels.f1: expected a number, got "3"'),
    ("level is null", _level("f1", None), "canvases[0].curves[0].levels.f1: expected a number, got null"),
    ("position of one number", lambda d: d["layouts"]["structure"].update(t1=[1]),
     "layouts.structure.t1: expected a position [x, y]"),
    ("position with a bool", lambda d: d["layouts"]["promises"].update(t2=[1, False]),
     "layouts.promises.t2[1]: expected a number, got false"),
    ("budget is a bool", lambda d: d["experiments"][0].update(budget=True),
     "experiments[0].budget: expected a number or null, got true"),
    ("NaN level", _level("f1", math.nan), "canvases[0].curves[0].levels.f1: NaN is not a finite number"),
    ("infinite budget", lambda d: d["experiments"][0].update(budget=-math.inf),
     "experiments[0].budget: -Infinity is not a finite number"),
    ("NaN in an x- value", lambda d: d.update({"x-a": [1, math.nan]}), "x-a[1]: NaN is not a finite number"),
    ("object in an x- value", lambda d: d.update({"x-a": {"b": object()}}), "x-a.b: object is not a JSON value"),
    ("huge step", _canvas(step=10**400), "canvases[0].step: the number is too large"),
    # values out of range, unknown enums
    ("severity 6", lambda d: d["pains"][0].update(severity=6), "pains[0].severity: severity 6 is not an integer"),
    ("severity 2.5", lambda d: d["pains"][0].update(severity=2.5), "pains[0].severity: severity 2.5 is not"),
    ("reversed scale", _canvas(scale=[5, 0]), "canvases[0].scale: scale [5, 0] is not [min, max]"),
    ("zero step", _canvas(step=0), "canvases[0].step: step 0 is not a positive number"),
    ("level above the scale", _level("f2", 7), "canvases[0].curves[0].levels.f2: level 7 is outside the scale [0, 5]"),
    ("negative level", _level("f2", -0.5), "canvases[0].curves[0].levels.f2: level -0.5 is outside the scale"),
    ("level on an unknown factor", _level("f9", 1), 'canvases[0].curves[0].levels.f9: no factor with id "f9"'),
    ("level on a team", _level("t1", 1), 'canvases[0].curves[0].levels.t1: no factor with id "t1"'),
    ("two reference curves", _curve(1, reference=True),
     "canvases[0].curves[1].reference: more than one reference curve"),
    ("unknown team kind", _team(1, kind="x"), "teams[1].kind: unknown kind 'x' (one of client_facing, service"),
    ("unknown curve kind", _curve(0, kind="mine"), "canvases[0].curves[0].kind: unknown kind 'mine'"),
    ("unknown errc", lambda d: d["canvases"][0]["factors"][0].update(errc="keep"),
     "canvases[0].factors[0].errc: unknown errc 'keep'"),
    ("unknown status", _promise(1, status="done"), "promises[1].status: unknown status 'done'"),
    ("unknown experiment status", lambda d: d["experiments"][0].update(status="kept"),
     "experiments[0].status: unknown status 'kept'"),
    ("unknown decision", lambda d: d["experiments"][0].update(decision="maybe"),
     "experiments[0].decision: unknown decision 'maybe'"),
    ("unknown language", lambda d: d["workshop"].update(language="de"), "workshop.language: unknown language 'de'"),
    ("bad colour", _curve(1, color="red"), "canvases[0].curves[1].color: colour 'red' is not"),
    # dangling references, one per reference field
    ("pain segment", lambda d: d["pains"][0].update(segment="s9"), 'pains[0].segment: no segment with id "s9"'),
    ("proposition segment", lambda d: d["propositions"][0].update(segment="t1"),
     'propositions[0].segment: no segment with id "t1"'),
    ("canvas segment", _canvas(segment="s9"), 'canvases[0].segment: no segment with id "s9"'),
    ("link from", lambda d: d["links"][1].update({"from": "s1"}), 'links[1].from: no team with id "s1"'),
    ("link to", lambda d: d["links"][0].update(to="v1"), 'links[0].to: no team or segment with id "v1"'),
    ("promise from", _promise(0, **{"from": "t9"}), 'promises[0].from: no team or segment with id "t9"'),
    ("promise to", _promise(1, to="p1"), 'promises[1].to: no team or segment with id "p1"'),
    ("promise value", _promise(0, value="t1"), 'promises[0].value: no value with id "t1"'),
    ("promise parent", _promise(1, parent="p9"), 'promises[1].parent: no promise with id "p9"'),
    ("experiment team", lambda d: d["experiments"][0].update(team="s1"), 'experiments[0].team: no team with id "s1"'),
    ("position of a value", lambda d: d["layouts"]["structure"].update(v1=[0, 0]),
     'layouts.structure.v1: no team or segment with id "v1"'),
    ("position of nothing", lambda d: d["layouts"]["promises"].update({"нет такого": [0, 0]}),
     'layouts.promises["нет такого"]: no team or segment with id "нет такого"'),
    # ids
    ("duplicate id", _team(1, id="s1"), 'teams[1].id: id "s1" is already used by segments[0]'),
    ("factor id reused", _team(0, id="f2"), 'teams[0].id: id "f2" is already used by canvases[0].factors[1]'),
    ("curve id reused", lambda d: d["canvases"][0]["curves"][1].update(id="f1"),
     'canvases[0].curves[1].id: id "f1" is already used by canvases[0].factors[0]'),
    ("empty id", _team(0, id=""), "teams[0].id: an id must be a non-empty string"),
    ("missing id", lambda d: d["links"][0].pop("id"), "links[0].id: missing: every link needs an id"),
    # parent cycles
    ("self parent", _promise(1, parent="p2"),
     'promises[1].parent: promises support each other in a cycle ("p2" → "p2")'),
    ("parent cycle", _promise(0, parent="p2"), 'promises[0].parent: promises support each other in a cycle ("p1" → '
                                               '"p2" → "p1")'),
    # the document itself
    ("missing title", lambda d: d["workshop"].pop("title"), "workshop.title: missing"),
    ("missing workshop", lambda d: d.pop("workshop"), "workshop: missing"),
    ("newer version", lambda d: d.update(version=3), "version: made by a newer version (3); this app reads version 2"),
    ("version zero", lambda d: d.update(version=0), "version: unknown version 0"),
    ("version as text", lambda d: d.update(version="1"), 'version: unknown version "1"'),
    ("no version", lambda d: d.pop("version"), "version: missing"),
    ("wrong format", lambda d: d.update(format="clientocracy"),
     'format: not a clientocracy-workshop document (format "clientocracy")'),
    ("no format", lambda d: d.pop("format"), "(root): not a clientocracy-workshop document"),
]


@pytest.mark.parametrize(("mutate", "expected"), [pytest.param(f, e, id=i) for i, f, e in BAD])
def test_bad_documents_are_refused_naming_the_path(mutate: Callable[[dict], Any], expected: str) -> None:
    data = base()
    mutate(data)
    error = refused(data)
    assert str(error).startswith(expected), str(error)
    assert "\n" not in str(error)
    assert error.path == expected.split(": ")[0]


@pytest.mark.parametrize("data", [[], [base()], "text", 1, None])
def test_json_that_is_not_an_object_is_not_a_workshop(data: Any) -> None:
    assert str(refused(data)).startswith("(root): not a clientocracy-workshop document")


def test_a_document_that_holds_itself_is_refused_not_a_recursion_error() -> None:
    data = base()
    data["x-self"] = data
    assert "nested deeper than" in str(refused(data))


def test_messages_stay_on_one_line_and_short() -> None:
    error = refused({**base(), "teams": [{"id": "t", "kind": "a\nb" + "x" * 5000}]})
    assert str(error).startswith("teams[0].kind: unknown kind 'a\\nb") and "\n" not in str(error)
    assert len(str(error)) < 1000


def test_format_error_is_a_value_error_that_survives_pickling() -> None:
    error = refused({**base(), "version": 3})
    assert isinstance(error, ValueError)
    again = pickle.loads(pickle.dumps(error))
    assert (again.path, again.reason, str(again)) == (error.path, error.reason, str(error))


# ------------------------------------------------------------------------------------------ text and files
def _text(data: dict) -> str:
    """A document as JSON text, indented differently from dumps."""
    return json.dumps(data, ensure_ascii=False, indent=1)


@pytest.mark.parametrize(("text", "expected"), [
    ("", "(root): not valid JSON: Expecting value at line 1, column 1"),
    ('{\n  "format": "clientocracy-workshop",\n  "version" 1\n}', "(root): not valid JSON: Expecting ':' delimiter "
                                                                  "at line 3, column 13"),
    ("[1, 2]", "(root): not a clientocracy-workshop document (the JSON is a list, not an object)"),
    ('"clientocracy-workshop"', "(root): not a clientocracy-workshop document"),
    ('{"format": "clientocracy-workshop", "version": 1, "version": 2}', "version: this key appears more than once"),
    ("[" * 100_000 + "]" * 100_000, "(root): not a workshop: the JSON is nested too deeply"),
    ('{"format": "clientocracy-workshop", "version": 1, "x-n": ' + "9" * 5000 + "}",
     "(root): not valid JSON: a number has more digits than this app reads"),
])
def test_text_that_is_not_a_workshop(text: str, expected: str) -> None:
    assert str(text_refused(text)).startswith(expected)


@pytest.mark.parametrize(("literal", "shown"), [("NaN", "NaN"), ("Infinity", "Infinity"), ("-Infinity", "-Infinity"),
                                                ("1e999", "Infinity")])
def test_non_finite_numbers_are_refused_where_they_stand(literal: str, shown: str) -> None:
    text = _text(base()).replace('"budget": 50000', f'"budget": {literal}')
    assert literal in text
    assert str(text_refused(text)).startswith(f"experiments[0].budget: {shown} is not a finite number")


def test_lone_surrogates_are_refused_but_pairs_are_text() -> None:
    text = _text(base()).replace('"Логистика"', '"Лог\\ud800истика"')
    assert str(text_refused(text)).startswith("teams[1].name: the text holds a lone surrogate")
    assert str(text_refused(text.encode())).startswith("teams[1].name: the text holds a lone surrogate")
    raw = {**base(), "x-\udc00": 1}
    assert "lone surrogate" in str(refused(raw))
    assert loads(text.replace("\\ud800", "\\ud83d\\ude00")).teams[1].name == "Лог😀истика"


def test_bytes_are_utf8_with_an_optional_bom() -> None:
    text = _text(base())
    assert loads(b"\xef\xbb\xbf" + text.encode()) == loads(text) == loads("\ufeff" + text)
    assert str(text_refused(text.encode("cp1251"))).startswith("(root): not UTF-8 text (byte ")


def test_oversized_text_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _text(base())
    monkeypatch.setattr(jsonio, "MAX_BYTES", len(text) - 1)
    assert str(text_refused(text)).startswith("(root): the document is larger than")
    assert str(text_refused(text.encode())).startswith("(root): the document is larger than")


def test_deep_x_values_are_refused_with_their_path() -> None:
    deep: Any = "дно"
    for _ in range(jsonio.MAX_EXTRA_DEPTH + 1):
        deep = [deep]
    error = text_refused(_text({**base(), "x-deep": deep}))
    assert error.path.startswith("x-deep[0][0]") and "nested deeper than" in error.reason


def test_read_json_file_names_the_file(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(_text(base()), encoding="utf-8")
    assert read_json_file(good) == workshop_from_json(base())
    bad = tmp_path / "bad.json"
    bad.write_text(_text({**base(), "version": 3}), encoding="utf-8")
    assert str(pytest.raises(FormatError, read_json_file, bad).value) == (
        f"{bad}: version: made by a newer version (3); this app reads version 2")
    for path in (tmp_path / "missing.json", tmp_path):
        error = pytest.raises(FormatError, read_json_file, path).value
        assert str(error).startswith(f"{path}: cannot read the file (")
        assert error.file == str(path)


def test_write_json_file_writes_dumps_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    w = workshop_from_json(base())
    jsonio.write_json_file(target, w)
    assert target.read_bytes() == (dumps(w) + "\n").encode("utf-8")
    assert read_json_file(target) == w
    before = target.read_bytes()

    def half_then_fail(self: Path, data: bytes) -> int:
        with open(self, "wb") as file:
            file.write(data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", half_then_fail)
    w.info.title = "Новое"
    with pytest.raises(OSError):
        jsonio.write_json_file(target, w)
    assert target.read_bytes() == before
    assert os.listdir(tmp_path) == ["out.json"]


# ------------------------------------------------------------------------------------------ never a traceback
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    """Every path to a value inside a JSON document."""
    found = [path]
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, item in items:
        found += _paths(item, (*path, key))
    return found


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_value_anywhere_is_either_accepted_and_stable_or_refused(data: st.DataObject) -> None:
    document = base()
    path = data.draw(st.sampled_from(_paths(document)[1:]))
    holder = document
    for key in path[:-1]:
        holder = holder[key]
    if data.draw(st.booleans()) and isinstance(holder, dict):
        holder[data.draw(st.sampled_from(["x-mine", "extra", path[-1]]))] = data.draw(_JSON)
    else:
        holder[path[-1]] = data.draw(_JSON)
    try:
        w = workshop_from_json(document)
    except FormatError as error:
        assert str(error).split(": ")[0] and "\n" not in str(error)
        return
    text = dumps(w)
    assert dumps(loads(text)) == text


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.binary(), st.builds(lambda n: _text(base())[:n], st.integers(0, 3000))))
def test_any_text_is_either_a_workshop_or_a_format_error(text: str | bytes) -> None:
    try:
        loads(text)
    except FormatError as error:
        assert "\n" not in str(error)


def test_dates_must_be_iso() -> None:
    document = json.loads(sample_path().read_text(encoding="utf-8"))
    document["workshop"]["date"] = "20.11.2026"
    with pytest.raises(FormatError, match=r"^workshop\.date: date '20\.11\.2026' is not a date written as YYYY-MM-DD"):
        workshop_from_json(document)


# ------------------------------------------------------------------------------------------ version 2
def test_a_version_1_document_reads_as_version_2_without_the_new_fields() -> None:
    data = base()
    data["version"] = 1
    del data["readings"]
    for team in data["teams"]:
        del team["motivation"], team["experiment_budget"], team["economics"]["internal_revenue"]
        del team["economics"]["internal_costs"]
    for promise in data["promises"]:
        del promise["price"], promise["co_promisers"], promise["alternatives"]
    for experiment in data["experiments"]:
        del experiment["promise"], experiment["learning"]
    w = workshop_from_json(data)
    assert w.readings == [] and w.teams[0].motivation is None and w.promises[0].alternatives == ()
    assert workshop_to_json(w)["version"] == 2


def test_version_2_fields_come_back_equal_through_the_workshop_file(tmp_path: Path) -> None:
    from app.workfile import read_workshop, write_workshop_file

    w = workshop_from_json(base())
    path = tmp_path / "v2.clientocracy"
    write_workshop_file(path, w)
    again = read_workshop(path)
    assert workshop_to_json(again) == base()
    assert again.teams[0].motivation.shares[1] == m.Share("Пётр", 0.4)
    assert [r.met for r in again.readings] == [True, None]


@pytest.mark.parametrize("change, message", [
    (lambda d: d["readings"][0].update(of="nobody"), 'readings[0].of: no promise or team with id "nobody"'),
    (lambda d: d["readings"][0].update(period="ноябрь"), "is not a month (YYYY-MM) or a date"),
    (lambda d: d["promises"][0].update(alternatives=["t9"]), 'promises[0].alternatives: no team with id "t9"'),
    (lambda d: d["teams"][0]["motivation"].update(basis="mood"), "unknown motivation basis 'mood'"),
    (lambda d: d["teams"][0]["motivation"]["shares"][0].update(share=1.5), "share of the pool is not a number"),
    (lambda d: d["experiments"][0].update(promise="p9"), 'experiments[0].promise: no promise with id "p9"'),
    (lambda d: d["readings"][0].update(met="yes"), "readings[0].met: expected true or false"),
])
def test_bad_version_2_fields_are_refused_naming_the_path(change: Callable[[dict], None], message: str) -> None:
    data = base()
    change(data)
    assert message in str(refused(data))


def test_a_small_document_whose_defaults_make_a_row_too_large_is_refused_naming_the_promise() -> None:
    """1.6 MB of empty grants («{}») would be stored as 18 MB of defaults: refused on reading, as the file gate
    would refuse the row, with the path of the promise."""
    data = json.loads(GROCERY.read_text(encoding="utf-8"))
    data["promises"][0]["authorities"] = [{}] * 400_000
    with pytest.raises(FormatError) as info:
        loads(json.dumps(data))
    assert info.value.path.startswith("promises[0]") and "too large" in info.value.reason


def test_the_fields_passed_over_by_the_reference_and_value_checks_have_no_rule_there() -> None:
    """Reading a file looks only at the fields that have a rule (issue 18: half the cells of a large workshop):
    any value in another field passes `field_problem`, so nothing is missed by passing it over."""
    from app.validate import field_problem, ruled_fields

    for kind in (*m.KINDS, "workshop"):
        passed_over = [name for name in m.field_names(kind) if name not in ruled_fields(kind)]
        for name in passed_over:
            for odd in (object(), None, 5, "x", ()):
                assert field_problem(kind, name, odd, lambda _id: None) is None, (kind, name, odd)
    assert "from_" in ruled_fields("promise") and "text" not in ruled_fields("promise")
