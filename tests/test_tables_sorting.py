"""The tables sort and filter themselves: a click on a header gives a Python sort's order, the selection and the
current row survive a sort, an edit and a filter, an edited row moves to its new place, and the promise table opens
in the tree's order even at 30,000 promises."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

from app import model as m
from app.document import Document
from app.generate import generate_workshop
from app.promise_tree import number_key, shared_tree
from widgets.base.table_specs import table_specs
from widgets.base.tables import ID_ROLE, ObjectTable
from widgets.promises.context import PromiseContext
from widgets.promises.table import PromiseTablePanel
from widgets.shell.i18n import Translations
from widgets.shell.table_page import TablePage


def promise_panel(qtbot, document: Document) -> PromiseTablePanel:
    panel = PromiseTablePanel(PromiseContext(document, QUndoStack()))
    qtbot.addWidget(panel)
    panel.resize(1500, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.table.setFocus()
    return panel


def click_header(table: QTableView, column: int) -> None:
    header = table.horizontalHeader()
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(
        header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2))


def click_row(table: ObjectTable, obj_id: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    index = table.proxy_index(obj_id, 3)
    table.scrollTo(index)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, table.visualRect(index).center())


def shown_ids(table: ObjectTable) -> list[str]:
    return [table.proxy.index(r, 0).data(ID_ROLE) for r in range(table.proxy.rowCount())]


def shown_texts(table: ObjectTable, column: int) -> dict[str, str]:
    return {table.proxy.index(r, 0).data(ID_ROLE): table.proxy.index(r, column).data()
            for r in range(table.proxy.rowCount())}


def type_into(widget, text: str) -> None:
    """Type `text` key by key, Cyrillic too (QTest.keyClicks takes ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def type_in_cell(table: ObjectTable, obj_id: str, key: str, text: str, click: bool = True) -> None:
    """Put the keyboard on the cell (a click, or it is there already), type a new text over it and press Enter."""
    index = table.proxy_index(obj_id, table.source.column_of(key))
    table.scrollTo(index)
    if click:
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    assert table.currentIndex() == index
    QTest.keyClick(table, Qt.Key.Key_F2)
    assert table.state() == QTableView.State.EditingState
    editor = next(w for w in table.viewport().findChildren(QLineEdit) if w.isVisible())
    editor.selectAll()
    type_into(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on the next turn of the event loop


def text_key(text: str) -> str:
    return (text or "").casefold()


@pytest.fixture
def workshop_doc(english) -> Document:
    return Document(generate_workshop(teams=40, promises=300, links=60, canvases=1, seed=5))


def test_a_click_on_each_header_sorts_as_python_sorts_what_the_cells_show(qtbot, workshop_doc: Document) -> None:
    panel = promise_panel(qtbot, workshop_doc)
    table = panel.table
    in_document = [p.id for p in workshop_doc.model.promises]
    for col, column in enumerate(table.source.columns):
        key = number_key if column.key == "number" else text_key
        for descending in (False, True):
            click_header(table, col)
            header = table.horizontalHeader()
            if column.key == "number" and not descending and header.sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
                click_header(table, col)  # opened sorted by №: the first click turned it round
            assert header.sortIndicatorSection() == col
            descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            texts = shown_texts(table, col)
            expected = sorted(in_document, key=lambda i: key(texts[i]), reverse=descending)  # stable: ties in order
            assert shown_ids(table) == expected, (column.key, descending)


def test_the_promise_table_opens_in_the_tree_order(qtbot, workshop_doc: Document) -> None:
    panel = promise_panel(qtbot, workshop_doc)
    table = panel.table
    number = table.source.column_of("number")
    assert table.horizontalHeader().sortIndicatorSection() == number
    assert shown_ids(table) == shared_tree(workshop_doc.model).order


def teams_page(qtbot, document: Document) -> TablePage:  # noqa: ANN001
    """The teams table of `document`, shown."""
    spec = table_specs()["teams"]
    page = TablePage(document, QUndoStack(), spec.kind, spec.columns, spec.new_row, spec.first_key, spec.about)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    return page


def test_cyrillic_names_sort_as_their_codes_go_whatever_the_case(qtbot, english) -> None:
    document = Document(m.Workshop(teams=[m.Team("t1", "ёлка"), m.Team("t2", "Яблоко"), m.Team("t3", "абрикос"),
                                          m.Team("t4", "Ель"), m.Team("t5", "Банк"), m.Team("t6", "аист")]))
    page = teams_page(qtbot, document)
    click_header(page.table, page.model.column_of("name"))
    names = [page.table.proxy.index(r, page.model.column_of("name")).data() for r in range(6)]
    assert names == ["абрикос", "аист", "Банк", "Ель", "Яблоко", "ёлка"]


def test_the_selection_and_the_current_row_survive_a_sort(qtbot, workshop_doc: Document) -> None:
    panel = promise_panel(qtbot, workshop_doc)
    table = panel.table
    chosen = [p.id for p in workshop_doc.model.promises[10:13]]
    click_row(table, chosen[0])
    for obj_id in chosen[1:]:
        click_row(table, obj_id, Qt.KeyboardModifier.ControlModifier)
    assert sorted(table.selected_ids()) == sorted(chosen) and table.current_id() == chosen[-1]
    for key in ("text", "from", "status"):
        click_header(table, table.source.column_of(key))
        assert sorted(table.selected_ids()) == sorted(chosen), key
        assert table.current_id() == chosen[-1], key
        rows = {table.proxy.mapToSource(i).row() for i in table.selectionModel().selectedRows()}
        assert {table.source.id_at(r) for r in rows} == set(chosen)


def test_a_typed_edit_of_the_sorted_column_moves_the_row_to_its_place_with_the_keyboard(
        qtbot, workshop_doc: Document) -> None:
    panel = promise_panel(qtbot, workshop_doc)
    table = panel.table
    metric = table.source.column_of("metric")
    click_header(table, metric)
    assert table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    moved = shown_ids(table)[150]
    other = shown_ids(table)[40]
    click_row(table, other)
    click_row(table, moved, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(table, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # to the metric, both kept selected
    type_in_cell(table, moved, "metric", "AAA first of all", click=False)
    assert workshop_doc.get(moved).metric == "AAA first of all"
    in_document = [p.id for p in workshop_doc.model.promises]
    expected = sorted(in_document, key=lambda i: text_key(workshop_doc.get(i).metric))  # a stable Python sort
    place = expected.index(moved)
    assert place < 40 and shown_ids(table) == expected, "the edited row moved to its new place at once"
    assert table.current_id() == moved and table.currentIndex().row() == place
    assert sorted(table.selected_ids()) == sorted([moved, other])
    assert table.visualRect(table.currentIndex()).intersects(table.viewport().rect()), "kept in sight"
    # an edit of another column leaves the row where it is
    type_in_cell(table, moved, "target", "99 %")
    assert shown_ids(table) == expected and table.current_id() == moved
    # undo puts it back among the others, still sorted
    table.source.undo_stack.undo()
    table.source.undo_stack.undo()
    texts = shown_texts(table, metric)
    assert [text_key(texts[i]) for i in shown_ids(table)] == sorted(text_key(t) for t in texts.values())
    assert table.current_id() == moved


def test_a_new_promise_takes_its_place_in_the_sorted_table_and_a_deleted_one_leaves(
        qtbot, workshop_doc: Document) -> None:
    from app import changes

    panel = promise_panel(qtbot, workshop_doc)
    table = panel.table
    click_header(table, table.source.column_of("text"))
    first = workshop_doc.model.promises[0]
    new = m.Promise("prm-new", first.from_, first.to, "Ааа — самое первое обещание")
    workshop_doc.apply(changes.insert(workshop_doc, new))
    assert shown_ids(table)[0] == "prm-new"
    workshop_doc.apply(changes.delete(workshop_doc, "prm-new"))
    assert "prm-new" not in shown_ids(table) and table.proxy.rowCount() == len(workshop_doc.model.promises)


def test_typing_a_filter_shows_the_matching_rows_in_order_and_an_edit_hides_a_row_that_no_longer_matches(
        qtbot, workshop_doc: Document) -> None:
    panel = promise_panel(qtbot, workshop_doc)
    table = panel.table
    click_header(table, table.source.column_of("text"))
    kept = shown_ids(table)[5]
    click_row(table, kept)
    word = workshop_doc.get(kept).text.split()[0][:4]
    panel.words.setFocus()
    type_into(panel.words, word)
    expected = [i for i in shown_ids(table)]
    matching = {p.id for p in workshop_doc.model.promises
                if word.casefold().replace("ё", "е") in " ".join(
                    (p.text, p.metric, p.target, p.notes)).casefold().replace("ё", "е")}
    assert set(expected) == matching and 0 < len(expected) < len(workshop_doc.model.promises)
    texts = shown_texts(table, table.source.column_of("text"))
    assert [text_key(texts[i]) for i in expected] == sorted(text_key(texts[i]) for i in expected)
    assert table.current_id() == kept and table.selected_ids() == [kept]
    assert panel.count.text() == f"{len(expected)} of {len(workshop_doc.model.promises)} promises"
    type_in_cell(table, kept, "text", "Совсем другое")  # no longer matches: hidden
    assert kept not in shown_ids(table)
    QTest.keyClick(panel.words, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(panel.words, Qt.Key.Key_Backspace)
    assert len(shown_ids(table)) == len(workshop_doc.model.promises)
    texts = shown_texts(table, table.source.column_of("text"))
    assert [text_key(texts[i]) for i in shown_ids(table)] == sorted(text_key(t) for t in texts.values())


def test_a_row_added_to_a_sorted_table_goes_after_the_current_one_in_the_document(qtbot, english) -> None:
    document = Document(generate_workshop(teams=30, promises=10, links=5, canvases=1, seed=2))
    page = teams_page(qtbot, document)
    click_header(page.table, page.model.column_of("name"))
    current = shown_ids(page.table)[3]
    click_row(page.table, current)
    QTest.keyClick(page.table, Qt.Key.Key_Insert)
    teams = [t.id for t in document.model.teams]
    new = teams[teams.index(current) + 1]
    assert new not in {current} and len(teams) == 31
    assert page.table.current_id() == new and page.table.state() == QTableView.State.EditingState


def test_a_30000_promise_workshop_opens_sorted_by_number(qtbot, english) -> None:
    document = Document(generate_workshop(teams=5000, promises=30000, links=100, canvases=0, seed=1))
    panel = promise_panel(qtbot, document)
    table = panel.table
    number = table.source.column_of("number")
    assert table.horizontalHeader().sortIndicatorSection() == number
    shown = [table.proxy.index(r, number).data() for r in range(40)]
    tree = shared_tree(document.model)
    assert shown == [tree.numbers[i] for i in tree.order[:40]]
    assert shown[0] == "1.1" and shown == sorted(shown, key=number_key)
    assert shown_ids(table) == tree.order


def test_the_economics_table_sorted_by_a_computed_figure_follows_an_edit_of_what_it_is_computed_from(
        qtbot, english) -> None:
    from widgets.economics.money_table import MoneyTableModel

    teams = [m.Team(f"t{n}", f"Команда {n}", "client_facing", economics=m.Economics(1000.0 * n, 500.0))
             for n in range(1, 6)]
    document = Document(m.Workshop(teams=teams, promises=[m.Promise("p1", "t1", "t3", "Отчёт к 9:00")]))
    model = MoneyTableModel(document, QUndoStack())
    table = ObjectTable(model)
    model.setParent(table)
    qtbot.addWidget(table)
    table.resize(1500, 400)
    table.show()
    settled = model.column_of("settled")
    click_header(table, settled)
    click_header(table, settled)  # descending: the best result first
    assert shown_ids(table) == ["t5", "t4", "t3", "t2", "t1"]
    click_row(table, "t2")
    type_in_cell(table, "t2", "revenue", "9000")  # its settled margin becomes the best
    assert document.get("t2").economics.revenue == 9000
    assert shown_ids(table) == ["t2", "t5", "t4", "t3", "t1"] and table.current_id() == "t2"
    # a price on an internal promise: t1 earns it, t3 pays it; their rows move though no team was edited
    from app import changes

    document.apply(changes.update(document, "p1", price=20000.0))
    assert shown_ids(table) == ["t1", "t2", "t5", "t4", "t3"] and table.current_id() == "t2"


def test_a_table_sorted_by_words_sorts_again_in_the_new_language(qtbot, workshop_doc: Document) -> None:
    panel = promise_panel(qtbot, workshop_doc)
    table = panel.table
    status = table.source.column_of("status")
    click_header(table, status)
    english = shown_texts(table, status)
    russian = Translations()
    russian.apply("ru")
    try:
        qtbot.wait(1)
        texts = shown_texts(table, status)
        assert texts != english, "the statuses read in Russian"
        assert [text_key(texts[i]) for i in shown_ids(table)] == sorted(text_key(t) for t in texts.values())
    finally:
        russian.clear()


def test_the_number_column_shows_the_deepest_number_whole_and_widens_when_a_promise_goes_deeper(
        qtbot, english) -> None:
    from app import changes

    document = Document(generate_workshop(teams=40, promises=300, links=60, canvases=1, seed=5))
    panel = promise_panel(qtbot, document)
    table = panel.table
    number = table.source.column_of("number")

    def fits() -> bool:
        widest = max(table.source.numbers().values(), key=len)
        return table.fontMetrics().horizontalAdvance(widest) + 8 <= table.columnWidth(number)

    assert fits()
    before = table.columnWidth(number)
    deepest = max(document.model.promises, key=lambda p: len(table.source.numbers()[p.id]))
    parent = deepest.id
    for depth in range(4):  # a chain of supporting promises four steps deeper
        child = m.Promise(f"deeper-{depth}", deepest.to, deepest.from_, f"Опора {depth}", parent=parent)
        document.apply(changes.insert(document, child))
        parent = child.id
    QApplication.processEvents()
    assert fits() and table.columnWidth(number) > before
    index = table.proxy_index(parent, number)
    assert index.data() == table.source.numbers()[parent] and index.data().count(".") >= 4
