"""Translations: every marked string of widgets/ is translated, plural forms are right, Qt's own dialogs too."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app import model as m
from app.checks import run_checks
from widgets.base.findings_text import translated_templates
from widgets.shell import i18n
from widgets.shell.catalog import Message, extract, read_ts
from widgets.shell.edit_names import edit_name
from widgets.shell.stages import StageTexts

PLACEHOLDER = re.compile(r"%n|%L?\d|\{\w*\}")


@pytest.fixture(scope="module")
def extracted() -> list[Message]:
    return extract()


@pytest.fixture
def russian(qapp):
    translations = i18n.Translations()
    translations.apply("ru")
    yield translations
    translations.clear()


@pytest.mark.parametrize("language", list(i18n.LANGUAGES))
def test_a_shipped_catalogue_has_no_unfinished_entries(language: str) -> None:
    messages = read_ts(i18n.ts_path(language))
    unfinished = [f"{msg.context}: {msg.source!r}" for msg in messages if not msg.finished]
    assert not unfinished, f"{i18n.ts_path(language).name} has unfinished entries (translate them): {unfinished}"


def test_every_string_of_widgets_is_in_the_russian_catalogue(extracted: list[Message]) -> None:
    shipped = {msg.key for msg in read_ts(i18n.ts_path("ru")) if msg.finished}
    missing = [f"{msg.context}: {msg.source!r}" for msg in extracted if msg.key not in shipped]
    assert not missing, f"run `python -m widgets.shell.i18n update` and translate: {missing}"


def test_every_plural_has_english_forms(extracted: list[Message]) -> None:
    shipped = {msg.key for msg in read_ts(i18n.ts_path("en")) if msg.finished}
    missing = [msg.source for msg in extracted if msg.numerus and msg.key not in shipped]
    assert not missing, f"clientocracy_en.ts lacks the plural forms of {missing}"


def test_translations_keep_their_placeholders() -> None:
    wrong = []
    for msg in read_ts(i18n.ts_path("ru")):
        if not msg.finished:
            continue
        wanted = sorted(set(PLACEHOLDER.findall(msg.source)) - ({"%n"} if msg.numerus else set()))
        for text in msg.translations:
            if sorted(set(PLACEHOLDER.findall(text)) - ({"%n"} if msg.numerus else set())) != wanted:
                wrong.append(f"{msg.context}: {msg.source!r} -> {text!r}")
    assert not wrong, wrong


def test_the_app_compiles_a_missing_catalogue_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for language in i18n.LANGUAGES:
        shutil.copy(i18n.ts_path(language), tmp_path)
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    qm = i18n.compile_language("ru")
    assert qm == tmp_path / "clientocracy_ru.qm" and qm.is_file()
    translator = QTranslator()
    assert translator.load(str(qm)) and translator.translate("MainWindow", "History") == "История"


def test_russian_plural_forms(russian) -> None:
    texts = StageTexts()
    counts = {n: texts.tr("%n segment(s)", "", n) for n in (0, 1, 2, 4, 5, 11, 12, 21, 22, 104, 111)}
    assert counts == {0: "0 сегментов", 1: "1 сегмент", 2: "2 сегмента", 4: "4 сегмента", 5: "5 сегментов",
                      11: "11 сегментов", 12: "12 сегментов", 21: "21 сегмент", 22: "22 сегмента",
                      104: "104 сегмента", 111: "111 сегментов"}


def test_english_plural_forms(qapp) -> None:
    translations = i18n.Translations()
    translations.apply("en")
    try:
        texts = StageTexts()
        assert [texts.tr("%n pain(s)", "", n) for n in (0, 1, 2)] == ["0 pains", "1 pain", "2 pains"]
    finally:
        translations.clear()


def test_qt_standard_dialogs_speak_russian_too(russian) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"


def test_edits_are_named_in_russian(russian) -> None:
    assert edit_name("Change segment name") == "Изменить название сегмента"
    assert edit_name("Delete team") == "Удалить команду"
    assert edit_name("Add value") == "Добавить корневую ценность"
    assert edit_name("Change workshop evolutionary_goal") == "Изменить эволюционную цель"
    assert edit_name("3 changes") == "3 изменения"
    assert edit_name("Drag curve") is None  # not one of describe()'s: the editor's own label stays
    assert QCoreApplication.translate("edits", "Change team indicator") == "Изменить показатель успеха команды"


def test_check_messages_are_russian_with_the_status_word_translated(russian) -> None:
    w = m.Workshop(
        segments=[m.Segment("s1", "Семьи")],
        teams=[m.Team("t1", "Пекарня")],
        promises=[m.Promise("p1", "t1", "s1", "Хлеб к 7 утра", metric="доля", status="accepted",
                            authorities=(m.Grant("Менять график печи", False),))],
    )
    messages = [f.message for f in run_checks(w, translated_templates())]
    assert 'Обещание «Хлеб к 7 утра» от «Пекарня» уже принято, но не предоставлено: "Менять график печи"' in messages
    assert "У сессии нет эволюционной цели" in messages


def test_no_aliases_of_the_translation_functions() -> None:
    """lupdate only sees calls spelled out (self.tr, QCoreApplication.translate, QT_TRANSLATE_NOOP): a string
    passed through an alias such as `N = QT_TRANSLATE_NOOP` silently stays English."""
    import re
    from pathlib import Path

    alias = re.compile(r"^\s*\w+\s*=\s*(QT_TRANSLATE_NOOP|QT_TR_NOOP|QCoreApplication\.translate|self\.tr)\s*$", re.M)
    root = Path(__file__).resolve().parent.parent / "widgets"
    found = [f"{p.relative_to(root)}: {m.group(0).strip()}" for p in root.rglob("*.py")
             for m in alias.finditer(p.read_text(encoding="utf-8"))]
    assert found == []
