"""Duplication («Задвоение», tool 11): where client promises rest on one team alone, marked on the structure, and
alternative promisers marked in the promise inspector and the tree of promises."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from app import model as m
from app.document import Document
from app.duplication import duplication
from app.edits import Update
from app.resources import sample_path
from app.workfile import read_workshop
from tests.test_promise_map_editor import WINDOWS, open_editor
from tests.test_promise_tree import _open_tree
from widgets.base.undo import push_edit
from widgets.promises.tree import DUPLICATE
from widgets.structure.dependence import DependenceMark
from widgets.structure.editor import StructureEditor

CARE, SHOP, DELIVERY, LOGISTICS, PURCHASING, IT = "team-027", "team-025", "team-026", "team-029", "team-030", "team-031"


def test_logistics_and_it_carry_the_store_alone_in_the_sample() -> None:
    d = duplication(read_workshop(sample_path()))
    assert d.client_promises == ["prm-042", "prm-043", "prm-044", "prm-045"]
    assert d.carried == {IT: ["prm-042", "prm-043"], LOGISTICS: ["prm-043"], PURCHASING: ["prm-043"]}
    assert d.critical()[0] == IT
    assert d.chains["prm-043"] == ["prm-043", "prm-048", "prm-046", "prm-047"]  # ИТ's cash desks: general supply
    assert d.single_point("prm-044")  # Доставка's own promise: only Доставка can keep it
    assert SHOP not in d.carried and DELIVERY not in d.carried  # a client-facing team carries only its own


def test_an_alternative_promiser_or_a_twin_promise_takes_the_weight_off_a_team() -> None:
    w = read_workshop(sample_path())
    w.promises = [replace(p, alternatives=(PURCHASING,)) if p.id == "prm-046" else p for p in w.promises]
    assert LOGISTICS not in duplication(w).carried
    assert not duplication(w).single_point("prm-046")
    twin = replace(next(p for p in w.promises if p.id == "prm-048"), id="twin", from_=LOGISTICS)
    w.promises.append(twin)  # Логистика makes the same promise to the store: ИТ is not alone any more
    assert duplication(w).carried[IT] == ["prm-042"]


def test_joint_promisers_are_each_a_single_point_and_retired_promises_do_not_count() -> None:
    w = read_workshop(sample_path())
    w.promises = [replace(p, co_promisers=(PURCHASING,)) if p.id == "prm-049" else p for p in w.promises]
    assert duplication(w).carried[PURCHASING] == ["prm-042", "prm-043"]
    w.promises = [replace(p, status="retired") if p.id == "prm-048" else p for p in w.promises]
    assert duplication(w).carried[IT] == ["prm-042"]


def _structure(qtbot: Any, workshop: m.Workshop) -> StructureEditor:
    window = QMainWindow()
    qtbot.addWidget(window)
    editor = StructureEditor(Document(workshop), QUndoStack())
    window.setCentralWidget(editor)
    window.resize(1600, 950)
    window.show()
    qtbot.waitExposed(window)
    WINDOWS.append(window)
    return editor


def _marks(editor: StructureEditor) -> dict[str, str]:
    """Team id → the text of the mark drawn on its node."""
    return {node_id: child.text for node_id, node in editor.scene.nodes.items() for child in node.childItems()
            if isinstance(child, DependenceMark) and child.scene() is editor.scene}


def test_the_structure_marks_the_teams_everything_rests_on(qtbot: Any) -> None:
    editor = _structure(qtbot, read_workshop(sample_path()))
    qtbot.waitUntil(lambda: _marks(editor) == {IT: "⚠ 2", LOGISTICS: "⚠ 1", PURCHASING: "⚠ 1"})  # after the 1st frame
    tip = editor._tooltip_for(IT)
    assert "Вернём деньги за испорченный товар" in tip and "Свежие продукты на полке" in tip
    assert "⚠" not in editor._tooltip_for(DELIVERY)
    stack = editor.undo_stack
    push_edit(stack, editor.document, Update("promise", "prm-046", {"alternatives": ((), (PURCHASING,))}))
    qtbot.waitUntil(lambda: LOGISTICS not in _marks(editor))
    assert _marks(editor) == {IT: "⚠ 2", PURCHASING: "⚠ 1"}
    stack.undo()
    qtbot.waitUntil(lambda: LOGISTICS in _marks(editor))
    editor.document.apply(Update("team", IT, {"name": ("ИТ", "Информационные технологии")}))  # node redrawn
    qtbot.waitUntil(lambda: _marks(editor).get(IT) == "⚠ 2")


def test_the_inspector_marks_an_alternative_promiser_with_one_undo(qtbot: Any) -> None:
    editor = open_editor(qtbot, read_workshop(sample_path()))
    editor.ctx.select(["prm-046"])
    button = editor.inspector.alternatives
    assert button.text() == "— none: a single point of failure —"
    steps = editor.undo_stack.count()
    action = next(a for a in button.menu().actions() if a.data() == PURCHASING)
    assert LOGISTICS not in [a.data() for a in button.menu().actions()]  # the promiser is not its own alternative
    action.trigger()
    assert editor.document.get("prm-046").alternatives == (PURCHASING,)
    assert editor.undo_stack.count() == steps + 1 and button.text() == "Закупки"
    editor.undo_stack.undo()
    assert editor.document.get("prm-046").alternatives == ()


def test_the_tree_shows_single_points_and_alternatives(qtbot: Any) -> None:
    editor = open_editor(qtbot, read_workshop(sample_path()))
    panel = _open_tree(qtbot, editor)
    cell = panel.model.index_of("prm-046", DUPLICATE)
    assert cell.data() == "⚠ only Логистика"
    assert cell.data(Qt.ItemDataRole.ForegroundRole) is not None
    panel.set_alternatives("prm-046", (PURCHASING, IT))
    assert panel.model.index_of("prm-046", DUPLICATE).data() == "↔ Закупки, ИТ"
    assert "Закупки" in panel.model.index_of("prm-046", DUPLICATE).data(Qt.ItemDataRole.ToolTipRole)
    assert panel.model.index_of("prm-044", DUPLICATE).data() == "⚠ only Доставка"  # its own client promise
    editor.undo_stack.undo()
    assert panel.model.index_of("prm-046", DUPLICATE).data() == "⚠ only Логистика"
