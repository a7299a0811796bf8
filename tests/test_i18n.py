"""Translations: every marked string of widgets/ is translated, plural forms are right, Qt's own dialogs too."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

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
    assert 'Обещание «Хлеб к 7 утра» от «Пекарня» уже принято, но не предоставлено: «Менять график печи»' in messages
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


# ------------------------------------------------------------------------------ the shell switched live
def russian_of(context: str, source: str, n: int = -1) -> str:
    """The Russian text of a catalogue entry (the Russian catalogue must be installed); fails if it has none."""
    text = QCoreApplication.translate(context, source, None, n)
    assert text != source, f"{context}: {source!r} has no Russian translation"
    return text


def test_switching_the_language_live_reaches_every_text_of_the_shell(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QTabBar

    from app.workfile import WorkFile
    from tests.test_shell_dialogs import open_window, small_workshop
    from widgets.shell.branding_dialog import BrandingDialog

    english = i18n.Translations()
    english.apply("en")
    try:
        window = open_window(qtbot, WorkFile.new(small_workshop(), tmp_path / "bakery.clientocracy"), english)
        workspace = window.workspace
        tables = {key: workspace.workshop.page(key) for key in workspace.workshop.specs}
        form = workspace.workshop.page("details")
        window.snapshots.save_snapshot("до перерыва")
        viewer = window.snapshots.open_read_only()
        branding = BrandingDialog(window.settings, window)
        branding.show()
        assert window.navigator.rows[1].counts.text() == "2 segments"
        file_menu = window.menus.menus["file"]
        window.menus["language_ru"].trigger()
        qtbot.waitUntil(lambda: file_menu.title() == "&Файл")

        menus = window.menus
        assert menus["save"].statusTip() == russian_of("menus", "Save the workshop to its file")
        assert menus.menus["edit"].title() == russian_of("menus", "&Edit")
        for key, title in (("stages", "Stages"), ("checks", "Checks"), ("history", "History"),
                           ("snapshots", "Snapshots")):
            assert window.docks[key].windowTitle() == russian_of("MainWindow", title)
        dock_tabs = {bar.tabText(i) for bar in window.findChildren(QTabBar) for i in range(bar.count())}
        assert russian_of("MainWindow", "Snapshots") in dock_tabs and russian_of("MainWindow", "History") in dock_tabs
        assert window.welcome.new_button.text() == russian_of("WelcomePage", "New workshop")
        navigator = window.navigator
        assert navigator.rows[1].title.text() == russian_of("StageTexts", "Client segments")
        assert navigator.rows[1].counts.text() == "2 сегмента", "the counts follow at once, not at the next edit"
        assert window.checks.buttons["hint"].text().split()[1] in ("подсказка", "подсказки", "подсказок")
        panel = window.snapshots
        assert panel.save_button.text() == russian_of("SnapshotsPanel", "Save snapshot…")
        assert panel.restore_button.text() == russian_of("SnapshotsPanel", "Restore")
        assert panel.list.headerItem().text(0) == russian_of("SnapshotsPanel", "Snapshot")
        assert viewer.restore_button.text() == russian_of("SnapshotViewer", "Restore this snapshot")
        assert viewer.windowTitle() == russian_of("SnapshotViewer", "Snapshot “%1” (read-only)").replace(
            "%1", "до перерыва")
        assert branding.windowTitle() == russian_of("BrandingDialog", "Handout branding")
        segments = tables["segments"]
        assert segments.model.headerData(0, Qt.Orientation.Horizontal) == russian_of("columns", "Client segment")
        assert segments.add_button.text() == "Добавить"
        assert form.labels["organization"].text() == russian_of("WorkshopForm", "Organisation")
        assert form.values.add_button.text() == "Добавить"
        assert workspace.page_bar.tabText(0) == russian_of("Workspace", "Workshop")
        assert workspace.workshop.tabText(1) == russian_of("pages", "Segments")
        window.menus["language_en"].trigger()
        qtbot.waitUntil(lambda: file_menu.title() == "&File")
        assert navigator.rows[1].counts.text() == "2 segments" and panel.save_button.text() == "Save snapshot…"
        assert viewer.restore_button.text() == "Restore this snapshot" and branding.windowTitle() == "Handout branding"
        branding.close()
        viewer.close()
    finally:
        english.clear()


# ------------------------------------------------------------------------------ the Russian words themselves
def test_a_level_drag_is_named_with_the_factor_as_the_factor_and_the_curve_as_the_curve(qtbot, russian) -> None:
    from tests.canvas_support import drag, make_editor, sample_document

    editor, stack = make_editor(qtbot, sample_document())
    chart = editor.chart
    to_be, fresh = "crv-021", "fac-014"  # the curve «Мы через год», the factor «Свежесть»
    drag(chart.viewport(), chart.point_pos(to_be, fresh), chart.point_pos(to_be, fresh, 2.3))
    assert stack.count() == 1
    assert stack.text(0) == "Уровень кривой «Мы через год» по фактору «Свежесть»"


def test_the_file_dialog_speaks_russian(qtbot, russian) -> None:
    from PySide6.QtWidgets import QFileDialog, QLabel

    assert i18n.qt_catalogues("ru"), "PySide6 ships Qt's own Russian catalogue (qtbase_ru.qm)"
    dialog = QFileDialog(None, "Открыть сессию", "", "Сессии (*.clientocracy)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own dialog, as on a desktop without a portal
    dialog.show()
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    for name in ("lookInLabel", "fileNameLabel", "fileTypeLabel"):
        assert re.search("[А-Яа-яЁё]", labels[name]) and not re.search("[A-Za-z]", labels[name]), labels
    dialog.close()


def test_a_promise_s_parent_is_named_without_saying_promise_twice(qtbot, russian) -> None:
    from PySide6.QtGui import QUndoStack

    from app import changes
    from app.document import Document
    from tests.canvas_support import sample_document
    from widgets.base.undo import EditCommand

    document: Document = sample_document()
    first, second = document.model.promises[:2]
    stack = QUndoStack()
    stack.push(EditCommand(document, changes.update(document, first.id, parent=second.id)))
    stack.push(EditCommand(document, changes.update(document, first.id, to=second.from_)))
    stack.push(EditCommand(document, changes.update(document, first.id, metric="Доля свежего хлеба")))
    assert [stack.text(i) for i in range(3)] == ["Изменить родительское обещание", "Изменить получателя обещания",
                                                 "Изменить метрику обещания"]
    assert edit_name("Change promise parent, metric") == "Изменить родительское обещание, метрику обещания"
    stack.clear()


def test_a_finding_quotes_a_list_of_names_as_russian_does(russian) -> None:
    w = m.Workshop(
        segments=[m.Segment("s1", "Семьи")],
        teams=[m.Team("t1", "Пекарня")],
        promises=[m.Promise("p1", "t1", "s1", "Хлеб к 7 утра", metric="доля", status="accepted",
                            authorities=(m.Grant("Менять график печи", False), m.Grant("Нанимать пекарей", False)))],
    )
    messages = [f.message for f in run_checks(w, translated_templates(w))]
    assert ("Обещание «Хлеб к 7 утра» от «Пекарня» уже принято, но не предоставлено: «Менять график печи», "
            "«Нанимать пекарей»") in messages


def test_no_russian_text_is_a_plural_written_with_brackets() -> None:
    """Plurals are Qt's numerus forms (1 участник, 2 участника, 5 участников), never «участник(ов)»."""
    bracketed = re.compile(r"\w\((?:s|es|ies|а|ы|и|ов|ей|ь)\)")
    wrong = [f"{msg.context}: {msg.source!r} -> {text!r}" for msg in read_ts(i18n.ts_path("ru"))
             for text in msg.translations if bracketed.search(text)]
    assert wrong == []


def test_the_checks_panel_titles_its_groups_in_russian(qtbot, russian) -> None:
    from app.document import Document
    from widgets.shell.checks_panel import CODE_ROLE, ChecksPanel

    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.bind(Document(m.Workshop(teams=[m.Team("team-032", "")])))
    panel.recompute()
    titles = {panel.model.index(r, 0).data(CODE_ROLE): panel.model.index(r, 0).data()
              for r in range(panel.model.rowCount())}
    assert titles["team-no-indicator"] == russian_of("checks", "Teams without a success indicator")
    assert titles["no-evolutionary-goal"] == russian_of("checks", "No evolutionary goal")
    finding = panel.model.index(0, 0, panel.model.group_index("team-no-indicator")).data()
    assert finding == f"У команды «{russian_of('checks', '(no name)')}» нет показателя успеха"


def test_every_field_of_every_kind_has_a_word_in_an_edit_s_name() -> None:
    """No field's code name (an English word or one with "_") reaches the undo history."""
    import dataclasses

    from widgets.shell.edit_names import FIELD_WORDS

    kinds = {"value": m.Value, "segment": m.Segment, "pain": m.Pain, "proposition": m.Proposition,
             "factor": m.Factor, "curve": m.Curve, "canvas": m.Canvas, "team": m.Team, "link": m.Link,
             "promise": m.Promise, "experiment": m.Experiment, "reading": m.Reading, "workshop": m.WorkshopInfo}
    missing = [f"{kind}.{f.name}" for kind, cls in kinds.items() for f in dataclasses.fields(cls)
               if f.name != "id" and (kind, f.name) not in FIELD_WORDS and f.name not in FIELD_WORDS]
    assert missing == []
