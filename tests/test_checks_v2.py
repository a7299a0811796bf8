"""The methodology checks of version 2 (FORMAT.md): each code on a hand-made workshop and silent on its sound
counterpart, one problem reported once, approvals told from rights, and the approval steps of the client path."""

from __future__ import annotations

import pytest

from app import model as m
from app.approvals import is_approval
from app.checks import CHECKS, CODES, TEMPLATES, run_checks
from app.client_path import all_approval_steps, approval_steps
from tests.test_promise_map_labels import english  # noqa: F401 (a fixture: the UI in English)

V2 = {
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
}
GRANTED = (m.Grant("Возвращать деньги до 3 000 ₽ без согласования", True),)
MOTIVATION = m.Motivation("margin", 10, (m.Share("Мария Лебедева", 1.0),))


def sound() -> m.Workshop:
    """A workshop of the method kept well: a value held on the council, a client promise resting on a firm supporting
    promise made to its promiser, teams with people and motivation, a decided experiment, a canvas with its tagline,
    a reading that met the target. Every test breaks one thing in it."""
    factors = [m.Factor(f"f{i}", f"Фактор {i}") for i in range(1, 7)]
    to_be = m.Curve("tobe", "Мы через год", "to_be", levels={f.id: 1 for f in factors})
    return m.Workshop(
        info=m.WorkshopInfo(title="Сессия", evolutionary_goal="Свежая еда рядом с домом"),
        values=[m.Value("v1", "Свежесть", holder="Анна Петрова")],
        segments=[m.Segment("s1", "Семьи у дома")],
        teams=[
            m.Team("shop", "Магазин на Лесной", "client_facing", lead="Мария Лебедева",
                   indicator=m.Indicator("Повторные покупки"), economics=m.Economics(100.0, 80.0),
                   motivation=MOTIVATION),
            m.Team("log", "Логистика", "service", lead="Виктор Зуев", indicator=m.Indicator("Полки полны к 8:00")),
            m.Team("cn", "Совет управляющих", "council", members=("Анна  Петрова", "Игорь Смирнов"),
                   indicator=m.Indicator("Движение к цели")),
        ],
        links=[m.Link("l1", "shop", "s1"), m.Link("l2", "log", "shop")],
        promises=[
            m.Promise("root", "shop", "s1", "Вернём деньги за испорченный продукт в тот же день", metric="Часы",
                      status="accepted", authorities=GRANTED),
            m.Promise("sup", "log", "shop", "Сообщаем о порче партии за час", parent="root", metric="Минуты",
                      status="kept", resources=(m.Grant("Датчики холода", True),)),
        ],
        experiments=[m.Experiment("e1", "shop", "Возврат без чека удержит семьи", status="done", decision="keep")],
        readings=[m.Reading("r1", "root", "2026-03", "5 ч", met=True)],
        canvases=[m.Canvas("c1", "Ритейл у дома", tagline="Свежее рядом, без очередей", factors=factors,
                           curves=[to_be])],
    )


def of(w: m.Workshop, code: str) -> list[tuple[str, ...]]:
    """The ids of the findings of one code."""
    return [f.ids for f in run_checks(w) if f.code == code]


def message(w: m.Workshop, code: str) -> str:
    [found] = [f for f in run_checks(w) if f.code == code]
    assert found.severity == V2[code]
    return found.message


def get(w: m.Workshop, obj_id: str) -> m.Promise | m.Team:
    return next(o for o in (*w.promises, *w.teams) if o.id == obj_id)


def test_the_sound_workshop_has_no_finding() -> None:
    assert run_checks(sound()) == []


def test_codes_and_severities_as_the_table_of_version_2() -> None:
    assert {code: CHECKS[code] for code in V2} == V2
    assert list(CODES[12:12 + len(V2)]) == list(V2)  # after the codes of version 1, in the table's order
    assert set(V2) <= {key.split("/")[0] for key in TEMPLATES}


# ----------------------------------------------------------------------------------- promise-chain-at-risk
@pytest.mark.parametrize(("status", "metric", "words"), [
    ("draft", "Минуты", "still a draft"),
    ("negotiating", "Минуты", "still under negotiation"),
    ("broken", "Минуты", "broken"),
    ("accepted", "", "has no metric"),
])
def test_chain_at_risk_names_the_promise_and_its_weak_support(status: str, metric: str, words: str) -> None:
    w = sound()
    sup = get(w, "sup")
    sup.status, sup.metric = status, metric
    assert of(w, "promise-chain-at-risk") == [("root", "sup")]
    text = message(w, "promise-chain-at-risk")
    assert '"Вернём деньги за испорченный продукт в тот же день" from "Магазин на Лесной" is accepted' in text
    assert '"Сообщаем о порче партии за час" from "Логистика"' in text and text.endswith(words)


@pytest.mark.parametrize("status", ["draft", "negotiating", "broken", "retired"])
def test_chain_at_risk_only_under_a_promise_accepted_or_kept(status: str) -> None:
    w = sound()
    get(w, "root").status = status
    get(w, "sup").status = "draft"
    assert of(w, "promise-chain-at-risk") == []


def test_chain_at_risk_ignores_a_retired_support_and_a_promise_without_parent() -> None:
    w = sound()
    get(w, "sup").status, get(w, "sup").metric = "retired", ""
    assert of(w, "promise-chain-at-risk") == []
    get(w, "sup").status, get(w, "sup").parent = "draft", None
    assert of(w, "promise-chain-at-risk") == []


# ----------------------------------------------------------------------------------- authority-is-approval
@pytest.mark.parametrize("text", [
    "После согласования с директором", "Согласовать возврат с юристом", "по СОГЛАСОВАНИЮ с финансами",
    "Утверждение скидки коммерческим директором", "С разрешения управляющего", "Возврат с визой бухгалтерии",
    "After approval by the CFO", "Approve refunds with the head office", "Needs sign-off from legal",
    "Permission of the regional manager",
])
def test_approvals_are_told_by_the_word_stems(text: str) -> None:
    assert is_approval(text)


@pytest.mark.parametrize("text", [
    "Возвращать деньги до 3 000 ₽ без согласования", "Менять маршрут курьера без предварительного согласования",
    "Тратить в пределах согласованного бюджета", "Закупать в рамках утверждённого лимита",
    "Разрешение споров с клиентом на месте", "Разрешено менять поставщика", "Выбирать перевозчика",
    "Refund within the approved budget", "Refund without approval", "Несогласованные заказы отменять",
])
def test_rights_are_not_approvals(text: str) -> None:
    assert not is_approval(text)


def test_authority_is_approval_names_the_promise_and_the_approvals() -> None:
    w = sound()
    root = get(w, "root")
    root.authorities = (*GRANTED, m.Grant("После согласования с директором", True),
                        m.Grant("Sign-off by the CFO", True))
    assert of(w, "authority-is-approval") == [("root", "shop")]
    text = message(w, "authority-is-approval")
    assert '"Вернём деньги за испорченный продукт в тот же день" from "Магазин на Лесной"' in text
    assert '"После согласования с директором", "Sign-off by the CFO"' in text
    assert "без согласования" not in text  # the right is not named as an approval
    # A resource is not an authority: the code is about authorities.
    root.authorities = GRANTED
    root.resources = (m.Grant("Бюджет после утверждения", True),)
    assert of(w, "authority-is-approval") == []


def test_an_ungranted_approval_is_reported_once_as_an_approval() -> None:
    w = sound()
    root = get(w, "root")
    root.authorities = (m.Grant("После согласования с директором", False),)
    assert [(f.code, f.ids) for f in run_checks(w)] == [("authority-is-approval", ("root", "shop"))]
    # Another grant that is missing still makes the accepted promise unempowered, named without the approval.
    root.authorities = (m.Grant("После согласования с директором", False), m.Grant("Списывать товар", False))
    [unempowered] = [f for f in run_checks(w) if f.code == "promise-unempowered"]
    assert '"Списывать товар"' in unempowered.message and "директором" not in unempowered.message


# --------------------------------------------------------------------------------- promise-parent-mismatch
def test_parent_mismatch_when_the_support_goes_elsewhere() -> None:
    w = sound()
    w.teams.append(m.Team("it", "ИТ", "service", lead="Денис Ковалёв", indicator=m.Indicator("Доступность")))
    w.links.append(m.Link("l3", "log", "it"))
    get(w, "sup").to = "it"
    assert of(w, "promise-parent-mismatch") == [("sup", "root")]
    text = message(w, "promise-parent-mismatch")
    assert '"Сообщаем о порче партии за час" supports "Вернём деньги за испорченный продукт в тот же день"' in text
    assert 'from "Магазин на Лесной" but is made to "ИТ"' in text


def test_parent_mismatch_accepts_a_co_promiser_of_a_joint_promise() -> None:
    w = sound()
    w.teams.append(m.Team("it", "ИТ", "service", lead="Денис Ковалёв", indicator=m.Indicator("Доступность")))
    w.links += [m.Link("l3", "log", "it"), m.Link("l4", "it", "s1")]
    get(w, "sup").to = "it"
    get(w, "root").co_promisers = ("it",)
    assert of(w, "promise-parent-mismatch") == []


# ------------------------------------------------------------------------------------------------- values
def test_value_without_holder() -> None:
    w = sound()
    w.values.append(m.Value("v2", "Скорость", holder="  "))
    assert of(w, "value-without-holder") == [("v2",)]
    assert message(w, "value-without-holder") == 'Root value "Скорость" has no holder'
    assert of(w, "holder-not-on-council") == []  # no holder is not a holder off the council


def test_holder_not_on_council() -> None:
    w = sound()
    w.values.append(m.Value("v2", "Скорость", holder="Виктор Зуев"))  # the lead of Logistics, not of the council
    assert of(w, "holder-not-on-council") == [("v2", "cn")]
    assert message(w, "holder-not-on-council") == (
        '"Виктор Зуев", the holder of root value "Скорость", is neither the lead nor a member of the council of '
        "managers")
    get(w, "cn").lead = "виктор  зуев"  # the council's lead, written another way
    assert of(w, "holder-not-on-council") == []


def test_holder_not_on_council_when_there_is_no_council() -> None:
    w = sound()
    get(w, "cn").kind = "service"
    w.links.append(m.Link("l3", "cn", "shop"))
    w.promises.append(m.Promise("p3", "cn", "shop", "Цель ясна", metric="Да"))
    assert of(w, "holder-not-on-council") == [("v1",)]
    assert "the workshop has none yet" in message(w, "holder-not-on-council")


# -------------------------------------------------------------------------------------------------- teams
def test_team_without_people() -> None:
    w = sound()
    get(w, "log").lead = ""
    get(w, "log").members = ("", " ")
    assert of(w, "team-without-people") == [("log",)]
    assert message(w, "team-without-people") == 'Team "Логистика" has neither a lead nor members'
    get(w, "log").members = ("Алексей Фомин",)  # members without a lead are people
    assert of(w, "team-without-people") == []


def test_team_no_motivation() -> None:
    w = sound()
    get(w, "shop").motivation = None
    assert of(w, "team-no-motivation") == [("shop",)]
    assert message(w, "team-no-motivation") == (
        'Team "Магазин на Лесной" has economics but no motivation for its members')
    get(w, "shop").economics = m.Economics()  # nothing worked out yet: no economics to share
    assert of(w, "team-no-motivation") == []
    get(w, "shop").economics = m.Economics(internal_costs=30.0)
    assert of(w, "team-no-motivation") == [("shop",)]


def test_motivation_shares_this_apps_own_warning() -> None:
    w = sound()
    assert CHECKS["motivation-shares"] == "warning"
    shop = get(w, "shop")
    shop.motivation = m.Motivation("margin", 10, (m.Share("Мария Лебедева", 0.5), m.Share("Олег Ким", 0.4)))
    [found] = [f for f in run_checks(w) if f.code == "motivation-shares"]
    assert (found.severity, found.ids) == ("warning", ("shop",))
    assert found.message == 'Members\' shares of the bonus pool of team "Магазин на Лесной" add up to 0.9, not 1'
    shop.motivation = m.Motivation("margin", 10, tuple(m.Share(n, s) for n, s in (("А", 0.33), ("Б", 0.33),
                                                                                   ("В", 0.335))))
    assert of(w, "motivation-shares") == []  # 0.995: within half a per cent
    shop.motivation = m.Motivation("margin", 10, ())  # no shares typed yet: nothing to add up
    assert of(w, "motivation-shares") == []
    from exports.findings import RU_TEMPLATES

    shop.motivation = m.Motivation("margin", 10, (m.Share("Мария Лебедева", 0.6),))
    [ru] = run_checks(w, templates=RU_TEMPLATES)
    assert ru.message == "Доли участников в фонде премий команды «Магазин на Лесной» в сумме дают 0.6, а не 1"


def test_motivation_shares_marks_stage_7_and_is_in_check_json(qtbot, tmp_path, capsys) -> None:
    import json

    from app.jsonio import write_json_file
    from cli.main import main
    from widgets.shell.stages import StageTexts

    w = sound()
    get(w, "shop").motivation = m.Motivation("margin", 10, (m.Share("Мария Лебедева", 0.7), m.Share("Олег Ким", 0.5)))
    findings = run_checks(w)
    assert [f.code for f in findings] == ["motivation-shares"]
    assert [i for i, s in enumerate(StageTexts().states(w, findings)) if s.problems] == [7]
    path = tmp_path / "w.json"
    write_json_file(path, w)
    assert main(["check", str(path), "--json"]) == 0  # a warning: exit 0
    found = json.loads(capsys.readouterr().out)
    assert [(f["code"], f["severity"], f["ids"]) for f in found] == [("motivation-shares", "warning", ["shop"])]
    assert "1.2" in found[0]["message"]


# ----------------------------------------------------------------------------------- experiments, canvases
def test_experiment_without_decision() -> None:
    w = sound()
    w.experiments[0].decision = None
    assert of(w, "experiment-without-decision") == [("e1",)]
    assert message(w, "experiment-without-decision") == (
        'Experiment "Возврат без чека удержит семьи" is done but has no decision: keep, drop or iterate')
    w.experiments[0].status = "running"
    assert of(w, "experiment-without-decision") == []


def test_canvas_no_tagline() -> None:
    w = sound()
    w.canvases[0].tagline = " "
    assert of(w, "canvas-no-tagline") == [("c1",)]
    assert message(w, "canvas-no-tagline").startswith('Canvas "Ритейл у дома" has a to-be curve but no tagline')
    w.canvases[0].curves[0].kind = "as_is"  # nothing planned yet: no strategy to say in one line
    assert of(w, "canvas-no-tagline") == []


# ------------------------------------------------------------------------------------------ reading-not-met
def test_reading_not_met_by_the_latest_reading() -> None:
    w = sound()
    w.readings += [m.Reading("r2", "root", "2026-04-15", "30 ч", met=False)]
    assert of(w, "reading-not-met") == [("root", "r2")]
    text = message(w, "reading-not-met")
    assert '"Вернём деньги за испорченный продукт в тот же день" from "Магазин на Лесной" is accepted' in text
    assert "30 ч for 2026-04-15" in text
    w.readings.append(m.Reading("r3", "root", "2026-04", "6 ч", met=True))  # the whole of April, later than its 15th
    assert of(w, "reading-not-met") == []
    w.readings.append(m.Reading("r4", "root", "2026-02", "40 ч", met=False))  # an older miss is history
    assert of(w, "reading-not-met") == []


def test_reading_not_met_only_for_a_promise_accepted_or_kept() -> None:
    w = sound()
    w.readings = [m.Reading("r2", "root", "2026-04", "30 ч", met=False),
                  m.Reading("r3", "shop", "2026-04", "1 %", met=False)]  # a team's indicator: not this code
    get(w, "root").status = "negotiating"
    assert of(w, "reading-not-met") == []
    get(w, "root").status = "kept"
    assert of(w, "reading-not-met") == [("root", "r2")]
    w.readings[0].met = None  # not judged yet
    assert of(w, "reading-not-met") == []


# -------------------------------------------------------------------------------------- one problem once
def test_a_promise_from_a_client_is_one_error() -> None:
    w = sound()
    w.promises.append(m.Promise("back", "s1", "shop", "Покупаем каждый день", status="accepted",
                                authorities=(m.Grant("С разрешения директора", False),), parent="root"))
    w.readings.append(m.Reading("r2", "back", "2026-04", "нет", met=False))
    assert [(f.code, f.severity, f.ids) for f in run_checks(w)] == [
        ("promise-from-client", "error", ("back", "s1"))]


def test_a_client_facing_team_that_promises_no_client_is_one_warning() -> None:
    w = sound()
    w.teams.append(m.Team("kit", "Кухня готовой еды", "client_facing", lead="Тимур Алиев",
                          indicator=m.Indicator("Продажи")))
    w.links.append(m.Link("l3", "kit", "s1"))
    assert [(f.code, f.ids) for f in run_checks(w)] == [("team-no-client-promise", ("kit",))]
    # Once it promises one client, a link to another client without a promise is a finding of its own.
    w.segments.append(m.Segment("s2", "Офисы"))
    w.links.append(m.Link("l4", "kit", "s2"))
    w.promises.append(m.Promise("p3", "kit", "s1", "Обед за 10 минут", metric="Минуты"))
    assert [(f.code, f.ids) for f in run_checks(w)] == [("link-without-promise", ("l4", "kit", "s2"))]


# ------------------------------------------------------------------------------------------ the client path
def test_approval_steps_on_a_client_promise_chain() -> None:
    w = sound()
    assert approval_steps(w, "root").count == 0  # the path from the client
    get(w, "root").authorities = (*GRANTED, m.Grant("После согласования с директором", True))
    get(w, "sup").authorities = (m.Grant("С визой главного инженера", True),)
    get(w, "sup").status = "negotiating"
    w.promises.append(m.Promise("sup2", "log", "shop", "Холод в машинах", parent="sup", metric="°C",
                                status="negotiating", authorities=(m.Grant("Approval of the fleet head", False),)))
    steps = approval_steps(w, "root")
    assert (steps.approvals, steps.negotiating, steps.count) == (3, 2, 5)
    assert steps.promises == ("root", "sup", "sup2")
    assert all_approval_steps(w) == {"root": steps}  # only client promises are counted
    get(w, "sup2").status = "retired"  # a retired promise holds nothing up
    assert approval_steps(w, "root").count == 3


# ------------------------------------------------------------------------------------------- the command line
@pytest.mark.parametrize("language", ["ru", "en"])
def test_check_prints_the_findings_in_the_workshops_language(
    language: str, tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from app.jsonio import write_json_file
    from cli.main import main

    w = sound()
    w.info.language = language
    get(w, "root").authorities = (m.Grant("После согласования с директором", True),)
    w.teams[1].lead = ""
    path = tmp_path / "w.json"
    write_json_file(path, w)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    if language == "ru":
        assert "В полномочиях обещания «Вернём деньги за испорченный продукт в тот же день» команды «Магазин на " \
               "Лесной» — согласование" in out
        assert "согласование: «После согласования с директором»; полномочие — это право" in out  # quoted «so»
        assert "В команде «Логистика» нет ни лидера, ни участников" in out
        assert out.splitlines()[-1].endswith("ошибки: 0, предупреждения: 1, подсказки: 1")
    else:
        assert 'Team "Логистика" has neither a lead nor members' in out
        assert out.splitlines()[-1].endswith("0 errors, 1 warnings, 1 hints")
    assert main(["check", str(path), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(f["code"], f["severity"], f["ids"]) for f in found] == [
        ("authority-is-approval", "warning", ["root", "shop"]), ("team-without-people", "hint", ["log"])]
    assert ("нет ни лидера" in found[1]["message"]) == (language == "ru")


# ------------------------------------------------------------------------------------------- the stage ticks
@pytest.mark.parametrize(("code", "stage"), [
    ("promise-chain-at-risk", 5), ("authority-is-approval", 4), ("holder-not-on-council", 6), ("reading-not-met", 8)])
def test_a_warning_of_version_2_marks_its_stage(qtbot, code: str, stage: int) -> None:
    from widgets.shell.stages import StageTexts

    w = sound()
    if code == "promise-chain-at-risk":
        get(w, "sup").status = "negotiating"
    elif code == "authority-is-approval":
        get(w, "root").authorities = (m.Grant("С визой директора", True),)
    elif code == "holder-not-on-council":
        w.values[0].holder = "Виктор Зуев"
    else:
        w.readings.append(m.Reading("r2", "root", "2026-04", "30 ч", met=False))
    findings = run_checks(w)
    assert [f.code for f in findings] == [code]
    states = StageTexts().states(w, findings)
    assert [i for i, s in enumerate(states) if s.problems] == [stage]


# ------------------------------------------------------------------------------ the client path on the map
@pytest.mark.usefixtures("english")  # the card's words in English, whatever language an earlier test left
def test_the_map_shows_the_approval_steps_of_a_client_promise(qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QToolTip

    from app.jsonio import read_json_file
    from app.resources import sample_path
    from tests.test_promise_map_labels import WINDOWS, hover, open_editor

    w = read_json_file(sample_path())
    shop_promise = next(p for p in w.promises if p.id == "prm-043")  # the shop's promise to families
    shop_promise.authorities = (*shop_promise.authorities, m.Grant("Скидка после согласования с директором", True))
    try:
        editor = open_editor(qtbot, w)
        editor.view.set_zoom(1.0)
        edge = editor.diagram.edge_of("prm-043")
        editor.view.centerOn(edge.middle())
        QApplication.processEvents()
        at = hover(qtbot, editor, edge.middle())
        # Purchases' promise under it is still negotiating (prm-047) and the shop's own authority is an approval.
        qtbot.waitUntil(lambda: QToolTip.isVisible() and "Approval steps: 2" in QToolTip.text(), timeout=5000)
        qtbot.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
        qtbot.waitUntil(lambda: editor.inspector.promise_id == "prm-043")
        assert editor.inspector.approval_steps.isVisible()
        assert editor.inspector.approval_steps.text() == "Approval steps: 2"
        # The path from the client: the approval rewritten as a right, the supporting promise agreed.
        editor.ctx.push(changes_update(editor, "prm-043", authorities=shop_promise.authorities[:-1]))
        editor.ctx.push(changes_update(editor, "prm-047", status="accepted"))
        qtbot.waitUntil(lambda: editor.inspector.approval_steps.text() == "Approval steps: 0")
        # An internal promise has no client path to count.
        editor.select_ids(["prm-047"])
        assert not editor.inspector.approval_steps.isVisible()
        assert "Approval steps" not in editor.diagram.card(editor.diagram.edge_of("prm-047"))
    finally:
        QToolTip.hideText()
        WINDOWS.clear()


def changes_update(editor, obj_id: str, **fields):
    from app import changes

    return changes.update(editor.document, obj_id, **fields)


# ------------------------------------------------------------------------------------------ the seed's words
SEED_STAGES = (  # the method's 9 stages, word for word (seed L465–473)
    "Определить своего клиента или заказчика",
    "Найти боли, проблемы клиента или заказчика",
    "Определить ценностное предложение для клиента или заказчика, построить стратегическую канву",
    "Сформулировать обещания клиенту, определить метрики оценки их выполнения и необходимые полномочия",
    "Сформировать внутренние обещания, договориться о полномочиях для их выполнения",
    "Создать Совет управляющих и автономные команды",
    "Рассчитать экономику команд и разработать мотивацию для каждого ее участника",
    "Установить показатель успешности работы команды",
    "Прилаживать: экспериментировать, анализировать ошибки и улучшать на основе обратной связи",
)
GRID = "ешётка «упразднить — снизить — повысить — создать»"


@pytest.fixture
def russian(qapp):
    from widgets.shell import i18n

    translations = i18n.Translations()
    translations.apply("ru")
    yield translations
    translations.clear()


def test_the_seeds_words_win_in_russian(russian, qtbot) -> None:
    import re

    from PySide6.QtCore import QCoreApplication

    from exports.i18n import Words
    from widgets.shell.guide import guide_html
    from widgets.shell.stages import StageNavigator

    titles = re.findall(r"<li><b>(.*?)</b>", guide_html())
    assert titles == list(SEED_STAGES)
    navigator = StageNavigator()
    qtbot.addWidget(navigator)
    shown = [row.title.text() for row in navigator.rows]
    assert "клиента или заказчика" in shown[1] and "мотивация каждого ее участника" in shown[7]
    assert shown[9].startswith("Прилаживать")
    # The ERRC grid is «решётка «упразднить — снизить — повысить — создать»» in the editor and in the exports.
    assert QCoreApplication.translate("CanvasEditor", "ERRC grid") == "Р" + GRID
    assert Words("ru")["errc"] == "Р" + GRID and Words("ru")["eliminate"] == "Упразднить"
    # A team's head is its «лидер».
    assert QCoreApplication.translate("StructureEditor", "Lead") == "Лидер"
    assert QCoreApplication.translate("columns", "Lead") == "Лидер" and Words("ru")["lead"] == "Лидер"


def test_the_russian_catalogue_says_neither_ispc_nor_rukovoditel() -> None:
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "resources" / "translations"
    catalogue = (folder / "clientocracy_ru.ts").read_text(encoding="utf-8")
    assert "ИСПС" not in catalogue and "уководител" not in catalogue and "Сетка" not in catalogue


def test_a_wrapped_stage_name_is_shown_whole(russian, qtbot) -> None:
    from widgets.shell.stages import StageNavigator

    navigator = StageNavigator()
    qtbot.addWidget(navigator)
    navigator.resize(300, 900)
    navigator.show()
    qtbot.waitExposed(navigator)
    row = navigator.rows[9]  # «Прилаживать: экспериментировать, анализировать ошибки, улучшать»
    qtbot.waitUntil(lambda: row.title.height() >= row.title.heightForWidth(row.title.width()) > 20)
    assert row.title.height() > row.counts.height() * 1.5  # on more than one line, none of them cut
    assert navigator.visualItemRect(navigator.item(9)).width() <= navigator.viewport().width()
    assert row.mark.geometry().right() <= navigator.viewport().width()  # the tick is not cut either


# ------------------------------------------------------------------------------------------- the checks panel
def test_the_checks_panel_shows_version_2_findings_live_under_their_titles(qtbot) -> None:
    from PySide6.QtCore import Qt

    from app import changes
    from tests.test_checks_panel import CODE_ROLE, children, double_click, group_rows, make_panel

    w = sound()
    get(w, "root").authorities = (m.Grant("После согласования с директором", True),)
    panel = make_panel(qtbot, w)
    [group] = group_rows(panel)
    assert group.data(CODE_ROLE) == "authority-is-approval"
    assert "Approvals listed as authorities" in group.data(Qt.ItemDataRole.DisplayRole)
    [row] = children(panel, group)
    text = row.data(Qt.ItemDataRole.DisplayRole)
    assert '"Вернём деньги за испорченный продукт в тот же день"' in text and "После согласования" in text
    # An edit in the workshop: the team loses its people, and the panel follows.
    panel.document.apply(changes.update(panel.document, "log", lead=""))
    qtbot.waitUntil(lambda: [g.data(CODE_ROLE) for g in group_rows(panel)] == [
        "authority-is-approval", "team-without-people"])
    chosen: list = []
    panel.finding_activated.connect(chosen.append)
    double_click(qtbot, panel, children(panel, group_rows(panel)[1])[0])
    assert [f.ids for f in chosen] == [("log",)]
