"""The lazy table model: ids first, rows fetched as the table shows them, cells held in Qt's item store."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView

from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.tablemodels import PAGE, Column, LazyTableModel, attach


@dataclass
class Thing:
    id: int
    name: str
    amount: float
    late: bool


THINGS = [Thing(i, f"thing {i:03d}", i * 1.5, i % 7 == 0) for i in range(1, 241)]
COLUMNS = [
    Column("Name", lambda t: t.name, tooltip=lambda t: f"Thing number {t.id}"),
    Column("Amount", lambda t: f"{t.amount:.2f}", align_right=True, foreground=lambda t: "#b00020" if t.late else None),
]


class Source:
    """Services over a list, counting what the model asks for."""

    def __init__(self) -> None:
        self.pages: list[list[int]] = []
        self.id_calls: list[dict] = []

    def ids(self, _session, *, limit=None, offset=0, **filters):
        self.id_calls.append({"limit": limit, "offset": offset, **filters})
        ids = [t.id for t in THINGS if filters.get("late") is None or t.late == filters["late"]]
        return ids[offset : offset + limit] if limit else ids

    def rows(self, _session, ids):
        self.pages.append(list(ids))
        by_id = {t.id: t for t in THINGS}
        return [by_id[i] for i in ids]


def settle(runner: DbRunner) -> None:
    for _ in range(6):
        runner.wait_for_idle(10_000)
        QApplication.processEvents()


@pytest.fixture
def shown(db, qtbot):
    def make(id_page: int = 0):
        runner = DbRunner(db)
        source = Source()
        model = LazyTableModel(runner, COLUMNS, source.ids, source.rows, id_page=id_page)
        table = QTableView()
        qtbot.addWidget(table)
        attach(table, model)
        table.resize(500, 300)
        table.show()
        model.reload()
        settle(runner)
        return runner, source, model, table

    return make


def test_the_first_screenful_comes_with_the_ids_and_later_pages_when_shown(shown):
    runner, source, model, table = shown()
    assert model.rowCount() == len(THINGS) and model.ids == [t.id for t in THINGS]
    assert source.pages == [model.ids[:PAGE]]  # one page: what the screen shows
    assert model.index(0, 0).data() == "thing 001"
    assert model.row_object(PAGE + 10) is None  # not fetched: nobody has looked at it

    table.scrollTo(model.index(PAGE * 3 + 5, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    settle(runner)
    assert model.row_object(PAGE * 3 + 5) == THINGS[PAGE * 3 + 5]
    assert model.index(PAGE * 3 + 5, 0).data() == THINGS[PAGE * 3 + 5].name
    assert source.pages[1:] == [model.ids[PAGE * 3 : PAGE * 4]]  # the page on the screen, and only it
    assert model.ids[PAGE : PAGE * 2] not in source.pages  # the page scrolled past is never read


def test_the_screenful_is_written_before_the_paint_and_the_rest_of_the_page_just_after(db, qtbot):
    runner = DbRunner(db)
    source = Source()
    model = LazyTableModel(runner, COLUMNS, source.ids, source.rows)
    table = QTableView()
    qtbot.addWidget(table)
    attach(table, model)
    table.resize(500, 300)
    table.show()
    screenful = model.screenful()
    assert 5 < screenful < PAGE  # about 300 px of 30 px rows
    written: list[tuple[int, str | None]] = []
    model.loaded.connect(lambda _n: written.extend((r, model.index(r, 0).data()) for r in (0, screenful - 1,
                                                                                              screenful, PAGE - 1)))
    model.reload()
    settle(runner)
    assert written == [(0, "thing 001"), (screenful - 1, THINGS[screenful - 1].name), (screenful, None),
                       (PAGE - 1, None)]  # when the view is told: only what it shows
    assert model.index(screenful, 0).data() == THINGS[screenful].name  # the rest, one turn later
    assert model.index(PAGE - 1, 0).data() == THINGS[PAGE - 1].name
    assert model.index(PAGE - 1, 1).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    assert source.pages == [model.ids[:PAGE]]  # still one trip for the whole page


def test_cells_carry_alignment_colour_and_tooltip_and_are_not_editable(shown):
    _runner, _source, model, _table = shown()
    late = model.index(6, 1)  # thing 7
    assert late.data() == "10.50"
    assert late.data(Qt.ItemDataRole.TextAlignmentRole) == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert late.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"
    assert model.index(5, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(5, 0).data(Qt.ItemDataRole.ToolTipRole) == "Thing number 6"
    assert not model.flags(late) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(late) & Qt.ItemFlag.ItemIsSelectable
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Amount"


def test_a_new_search_replaces_the_rows_and_refresh_reads_the_shown_ones_again(shown):
    runner, source, model, _table = shown()
    model.set_filters(late=True)
    settle(runner)
    late = [t for t in THINGS if t.late]
    assert model.rowCount() == len(late) and model.index(0, 0).data() == late[0].name
    assert model.row_object(1) == late[1]
    before = len(source.pages)
    model.refresh_rows()
    settle(runner)
    assert source.pages[before:] == [[t.id for t in late]]  # the shown page, read again
    assert model.index(1, 0).data() == late[1].name


def test_paged_ids_grow_as_the_user_scrolls_to_the_end(shown):
    runner, source, model, table = shown(id_page=100)
    assert model.rowCount() == 100 and not model.complete
    for expected in (200, len(THINGS)):
        table.scrollToBottom()
        settle(runner)
        assert model.rowCount() == expected
    assert model.complete and model.ids == [t.id for t in THINGS]
    assert [c["offset"] for c in source.id_calls] == [0, 100, 200]
    assert model.index(len(THINGS) - 1, 0).data() == THINGS[-1].name


def test_a_failed_search_leaves_the_rows_shown_whole_and_not_editable(shown):
    runner, source, model, table = shown()
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    failures: list[str] = []
    model.loadFailed.connect(failures.append)

    def broken(_session, **_filters):
        raise OSError("the disk went away")

    model._ids_query = broken
    model.reload()  # fails on the worker...
    model.show_rows(PAGE * 3, PAGE * 3 + 5)  # ...while a page of the rows still shown is on its way
    settle(runner)
    assert failures and model.loading is False
    assert model.rowCount() == len(THINGS)  # the earlier result stays
    assert model.index(PAGE * 3 + 5, 0).data() == THINGS[PAGE * 3 + 5].name  # and its late page is written
    assert source.pages[-1] == model.ids[PAGE * 3 : PAGE * 4]
