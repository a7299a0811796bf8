"""The translation catalogue's upkeep: extract the strings of widgets/ with lupdate, merge them into the `.ts` files.

lupdate files a string marked through a module's own wrapper (`def tr(text): return
QCoreApplication.translate(CONTEXT, text)`) under an empty context; here it gets the context the wrapper uses at
run time, so those strings are translated too.
"""

from __future__ import annotations

import ast
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from widgets.shell.i18n import ROOT, SOURCE_LANGUAGE, source_files, tool

PLURAL_FORMS = {"ru": 3, "en": 2}

Key = tuple[str, str, str]  # context, source, comment (disambiguation)


@dataclass
class Message:
    """One string to translate and, in a catalogue, its translation (numerus forms for plurals)."""

    context: str
    source: str
    comment: str = ""
    numerus: bool = False
    translations: list[str] = field(default_factory=list)
    finished: bool = False

    @property
    def key(self) -> Key:
        return (self.context, self.source, self.comment)


# ----------------------------------------------------------------------------------------------- reading
def read_ts(path: Path) -> list[Message]:
    """The messages of a `.ts` file, with their translations and whether each is finished."""
    root = ET.parse(path).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                texts, state = [], "unfinished"
            else:
                forms = translation.findall("numerusform")
                texts = [f.text or "" for f in forms] if numerus else [translation.text or ""]
                state = translation.get("type", "")
            found.append(Message(name, message.findtext("source") or "", message.findtext("comment") or "", numerus,
                                 texts, state not in ("unfinished", "vanished", "obsolete")
                                 and all(t.strip() for t in texts) and bool(texts)))
    return found


def _constants(tree: ast.Module) -> dict[str, str]:
    return {t.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
            for t in node.targets if isinstance(t, ast.Name)
            and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)}


def _parse(path: Path) -> ast.Module | None:
    try:
        return ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return None


def _resolve(name: str, tree: ast.Module) -> str | None:
    """A module-level string constant of `tree`, or one it imports by name from another module of the project."""
    found = _constants(tree).get(name)
    if found is not None:
        return found
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and any(a.name == name for a in node.names):
            other = _parse(ROOT.joinpath(*node.module.split(".")).with_suffix(".py"))
            if other is not None:
                return _constants(other).get(name)
    return None


def wrapper_context(path: Path) -> str | None:
    """The context of a module's own `tr()` wrapper (the first argument of the translate call inside it)."""
    tree = _parse(path)
    if tree is None:
        return None
    for node in tree.body:
        if not (isinstance(node, ast.FunctionDef) and node.name in ("tr", "_tr", "_")):
            continue
        for call in ast.walk(node):
            if isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "translate" and call.args:
                first = call.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    return first.value
                if isinstance(first, ast.Name):
                    return _resolve(first.id, tree)
    return None


def extract() -> list[Message]:
    """Every string marked for translation under widgets/, with the context it is looked up in at run time."""
    command = tool("lupdate")
    if command is None:
        raise RuntimeError("pyside6-lupdate not found (install PySide6 with its tools)")
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "extract.ts"
        subprocess.run([*command, *files, "-ts", str(target), "-locations", "absolute", "-silent"],
                       check=True, cwd=ROOT, capture_output=True, timeout=300)
        root = ET.parse(target).getroot()
    messages: dict[Key, Message] = {}
    contexts: dict[str, str | None] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment") or ""
            numerus = message.get("numerus") == "yes"
            names = [name]
            if not name:
                files_of = {loc.get("filename", "") for loc in message.iter("location")}
                for file in files_of:
                    if file not in contexts:
                        contexts[file] = wrapper_context((target.parent / file).resolve()
                                                         if not Path(file).is_absolute() else Path(file))
                names = sorted({contexts[f] or "" for f in files_of}) or [""]
            for context_name in names:
                found = Message(context_name, source, comment, numerus)
                messages.setdefault(found.key, found)
    for path in source_files():
        for context_name, source, numerus in scan(path):
            if context_name is not None:
                found = Message(context_name, source, "", numerus)
                known = messages.setdefault(found.key, found)
                if numerus and not known.numerus:  # lupdate misses the count of a translate() split over lines
                    messages[found.key] = Message(known.context, known.source, known.comment, True)
    return list(messages.values())


def scan(path: Path) -> list[tuple[str | None, str, bool]]:
    """The strings a module marks for translation, found by reading its syntax tree: (context, source, plural).

    lupdate misses some (a tr() inside an f-string, a plural whose count is an expression); this finds them. The
    context is the class for self.tr(), the wrapper's for a module's tr(), None when it cannot be known."""
    tree = _parse(path)
    if tree is None:
        return []
    wrapper = wrapper_context(path)
    found: list[tuple[str | None, str, bool]] = []

    def text(node: ast.AST) -> str | None:
        return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None

    def context(node: ast.AST) -> str | None:
        return text(node) or (_resolve(node.id, tree) if isinstance(node, ast.Name) else None)

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                func, args = child.func, child.args
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name == "tr" and args and text(args[0]) is not None:
                    owner = cls if isinstance(func, ast.Attribute) else wrapper
                    found.append((owner, text(args[0]), len(args) >= 3))
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 and text(args[1]) is not None:
                    found.append((context(args[0]), text(args[1]), name == "translate" and len(args) >= 4))
            visit(child, cls)

    visit(tree, None)
    return found


# ----------------------------------------------------------------------------------------------- writing
def merge(extracted: list[Message], path: Path, language: str) -> list[Message]:
    """The catalogue of `language` for the extracted strings, keeping the translations `path` already has."""
    old = {m.key: m for m in read_ts(path)} if path.is_file() else {}
    merged = []
    for message in extracted:
        if language == SOURCE_LANGUAGE and not message.numerus:
            continue  # English needs only its plural forms
        forms = PLURAL_FORMS.get(language, 2) if message.numerus else 1
        kept = old.get(message.key)
        texts = list(kept.translations) if kept is not None else []
        texts = (texts + [""] * forms)[:forms]
        finished = kept is not None and kept.finished and all(t.strip() for t in texts)
        merged.append(Message(message.context, message.source, message.comment, message.numerus, texts, finished))
    return merged


def write_ts(messages: list[Message], path: Path, language: str) -> None:
    """Write a `.ts` file (contexts sorted, messages in order), the way Qt Linguist reads it."""
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage=SOURCE_LANGUAGE)
    by_context: dict[str, list[Message]] = {}
    for message in messages:
        by_context.setdefault(message.context, []).append(message)
    for name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for message in by_context[name]:
            element = ET.SubElement(context, "message")
            if message.numerus:
                element.set("numerus", "yes")
            ET.SubElement(element, "source").text = message.source
            if message.comment:
                ET.SubElement(element, "comment").text = message.comment
            translation = ET.SubElement(element, "translation")
            if not message.finished:
                translation.set("type", "unfinished")
            if message.numerus:
                for text in message.translations:
                    ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = message.translations[0] if message.translations else ""
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def update(path: Path, language: str, extracted: list[Message] | None = None) -> list[Message]:
    """Refresh the catalogue at `path` from the sources; returns its messages (new ones unfinished)."""
    merged = merge(extracted if extracted is not None else extract(), path, language)
    write_ts(merged, path, language)
    return merged
