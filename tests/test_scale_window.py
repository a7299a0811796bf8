"""A large workshop followed edit by edit: the checks panel's rows at once, a batch of positions item by item."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app import changes as c
from app import model as m
from app.document import EVERYTHING_AT, Document
from app.edits import Batch, SetPosition
from app.generate import generate_workshop
from tests.test_checks_panel import children, double_click, group_of
from widgets.shell.checks_panel import COUNT_ROLE, FINDING_ROLE, ChecksPanel
from widgets.shell.i18n import Translations


@pytest.fixture
def english(qapp) -> Iterator[Translations]:
    translations = Translations()
    translations.apply("en")
    yield translations
    translations.clear()


def _panel(qtbot, doc: Document) -> ChecksPanel:
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    qtbot.waitExposed(panel)
    panel.bind(doc)
    panel.recompute()
    return panel


def test_an_opened_group_follows_an_edit_at_once_even_when_painted_before_the_refresh(qtbot, english) -> None:
    doc = Document(generate_workshop(teams=60, promises=400, links=120, canvases=1, seed=11))
    panel = _panel(qtbot, doc)
    group = group_of(panel, "promise-no-metric")
    if not panel.view.isExpanded(group):
        double_click(qtbot, panel, group)
    count = group.data(COUNT_ROLE)
    rows = children(panel, group)
    first = rows[0].data(FINDING_ROLE).ids[0]
    doc.apply(c.update(doc, first, metric="Доля заказов вовремя"))
    panel.view.viewport().grab()  # a paint before the deferred refresh: the rows are the live findings already
    group = group_of(panel, "promise-no-metric")
    assert group.data(COUNT_ROLE) == count - 1
    shown = [index.data() for index in children(panel, group)]
    assert len(shown) == count - 1 and all(shown)
    assert not any(first in index.data(FINDING_ROLE).ids for index in children(panel, group))
    qtbot.wait(1)
    assert panel.buttons["warning"].text().startswith(str(sum(
        1 for f in panel.findings if f.severity == "warning")))


def test_a_batch_of_positions_alone_is_followed_item_by_item_not_as_everything() -> None:
    doc = Document(m.Workshop(teams=[m.Team(f"t{n}", f"Команда {n}") for n in range(EVERYTHING_AT + 10)]))
    seen = []
    doc.listen(seen.append)
    doc.apply(Batch(tuple(SetPosition("structure", t.id, None, (float(n), 0.0))
                          for n, t in enumerate(doc.model.teams))))
    assert not seen[-1].everything and len(seen[-1].placed("structure")) == EVERYTHING_AT + 10
    doc.apply(Batch(tuple(c.update(doc, t.id, name=f"Команда №{n}") for n, t in enumerate(doc.model.teams))))
    assert seen[-1].everything  # as many other edits: views rebuild once
