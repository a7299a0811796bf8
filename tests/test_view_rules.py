"""Rules every view keeps, read from the source: one change channel, Qt-owned lifetimes, no probing of editors."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDGETS = ROOT / "widgets"
CHANNEL = WIDGETS / "base" / "live.py"
# The per-document objects that the document itself tells (no view's slot): the change channel and the live checks.
DOCUMENT_LISTENERS = (CHANNEL, WIDGETS / "base" / "live_checks.py")


@cache
def widget_sources() -> list[tuple[Path, ast.Module]]:
    """Every module under widgets/, parsed (once: the rules only read the trees)."""
    return [(path, ast.parse(path.read_text(encoding="utf-8"), str(path)))
            for path in sorted(WIDGETS.rglob("*.py")) if "__pycache__" not in path.parts]


@cache
def calls(tree: ast.AST) -> list[ast.Call]:
    """Every call in `tree`."""
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"


def test_views_follow_the_document_only_through_its_change_channel() -> None:
    found = []
    for path, tree in widget_sources():
        for call in calls(tree):
            name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
            by_hand = name in ("subscribe", "unsubscribe", "detach", "stop_listening")
            if by_hand or (name == "listen" and path not in DOCUMENT_LISTENERS):
                found.append(f"{where(path, call)} calls {name}()")
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name in ("detach", "subscribe", "unsubscribe"):
                found.append(f"{where(path, node)} defines {node.name}()")
    assert not found, "views must connect to widgets.base.live instead:\n" + "\n".join(found)


def test_the_change_channel_is_connected_to_bound_methods() -> None:
    """A lambda or partial would keep a dead view connected; a bound method of a QObject is dropped by Qt."""
    found = []
    for path, tree in widget_sources():
        for call in calls(tree):
            func = call.func
            if not (isinstance(func, ast.Attribute) and func.attr == "connect"):
                continue
            signal = func.value
            if not (isinstance(signal, ast.Attribute) and signal.attr == "changed"):
                continue
            source = ast.unparse(signal.value)
            if "changes_of" not in source and "channel" not in source:
                continue
            target = call.args[0] if call.args else None
            on_self = isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
            if not (on_self and target.value.id == "self"):
                found.append(f"{where(path, call)} connects {ast.unparse(target) if target else '?'}")
    assert not found, "connect a bound method of the view itself:\n" + "\n".join(found)


def test_every_single_shot_timer_has_an_owner() -> None:
    """QTimer.singleShot(ms, callable) fires even when the object behind the callable is gone."""
    found = [where(path, call) for path, tree in widget_sources() for call in calls(tree)
             if isinstance(call.func, ast.Attribute) and call.func.attr == "singleShot" and len(call.args) < 3]
    assert not found, "give QTimer.singleShot a context object: " + ", ".join(found)


def test_the_shell_calls_editors_through_their_interface_not_by_probing_names() -> None:
    found = [where(path, call) for path, tree in widget_sources() if "shell" in path.parts
             for call in calls(tree) if isinstance(call.func, ast.Name) and call.func.id == "hasattr"]
    assert not found, "the shell uses widgets.base.editor_api.Editor, not hasattr: " + ", ".join(found)


def test_the_rules_see_a_breach(tmp_path: Path) -> None:
    """The checks above find what they look for (they would pass vacuously if the parsing went wrong)."""
    bad = ast.parse("QTimer.singleShot(0, self.x)\nchanges_of(d).changed.connect(lambda c: None)\ndoc.subscribe(f)\n")
    kinds = {getattr(c.func, "attr", "") for c in calls(bad)}
    assert {"singleShot", "connect", "subscribe"} <= kinds
    assert len(widget_sources()) > 50
