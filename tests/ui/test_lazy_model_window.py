"""LazyTableModel keeps a bounded window of pages: rows dropped from it come back by their keyset
boundary, unchanged, whether the view, a selection or a reload asks for them."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QItemSelectionModel, Qt

from supervisor_app.services import overview
from supervisor_app.ui.lazy_model import ROW_ROLE, LazyTableModel
from supervisor_app.ui.record_table import RecordTable, session_columns, session_query
from tests.ui.helpers import bulk_sessions

PAGE, WINDOW = 7, 3


def _fresh(world) -> list[overview.SessionRow]:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        return overview.session_page(uow, limit=100_000)


def _model(window, **kwargs) -> LazyTableModel:  # type: ignore[no-untyped-def]
    ctx = window.ctx
    model = LazyTableModel(session_columns(), page_size=PAGE, window=WINDOW, **kwargs)
    model.set_fetch(
        lambda after, limit: ctx.read_now(lambda uow: overview.session_page(uow, after=after, limit=limit))
    )
    return model


def _scroll_to_end(model: LazyTableModel) -> None:
    while model.canFetchMore():
        model.fetchMore()
        assert model.held_rows() <= PAGE * WINDOW


def test_scrolling_far_holds_a_window_and_dropped_rows_read_back_the_same(world, make_window) -> None:
    bulk_sessions(world.db.path, supervisor_id=world.dana, supervisee_id=world.ana, count=300)
    model = _model(make_window(world.db, supervisor_id=world.dana))
    _scroll_to_end(model)
    assert model.rowCount() == 300 and model.fetch_calls == 300 // PAGE + 1
    assert model.held_rows() <= PAGE * WINDOW and model.refetch_calls == 0

    fresh = _fresh(world)
    assert len(fresh) == 300
    # Every row, in an order that keeps evicting: from the end back to the start, then shuffled.
    for i in list(reversed(range(300))) + [5, 290, 17, 150, 0, 299, 64]:
        assert model.row(i) == fresh[i]
        shown = [model.data(model.index(i, c)) for c in range(model.columnCount())]
        assert shown == [str(column.value(fresh[i])) for column in model.columns]
        assert model.data(model.index(i, 0), ROW_ROLE) == fresh[i]
        assert model.held_rows() <= PAGE * WINDOW
    assert model.refetch_calls > 0
    assert model.rowCount() == 300  # fetching a page again never changes the count
    assert model.rows() == fresh


def test_reload_after_records_change_keeps_the_rows_loaded(world, make_window) -> None:
    bulk_sessions(
        world.db.path, supervisor_id=world.dana, supervisee_id=world.ana, count=200, status="pending"
    )
    model = _model(make_window(world.db, supervisor_id=world.dana))
    for _ in range(20):
        model.fetchMore()
    loaded = model.rowCount()
    assert loaded == 21 * PAGE and model.canFetchMore()

    # Two records deleted from the first pages (evicted by now), three added among the newest.
    gone = [model.row(3).id, model.row(10).id]
    conn = sqlite3.connect(world.db.path)
    conn.executemany("DELETE FROM session_attendee WHERE session_id = ?", [(rid,) for rid in gone])
    conn.executemany("DELETE FROM session_allocation WHERE session_id = ?", [(rid,) for rid in gone])
    conn.executemany("DELETE FROM supervision_session WHERE id = ?", [(rid,) for rid in gone])
    conn.commit()
    conn.close()
    bulk_sessions(world.db.path, supervisor_id=world.rafael, supervisee_id=world.petra, count=3)

    model.reload()
    assert model.rowCount() == loaded and model.canFetchMore()
    assert model.held_rows() <= PAGE * WINDOW
    fresh = _fresh(world)
    assert [model.row(i) for i in range(loaded)] == fresh[:loaded]
    assert not set(gone) & {model.row(i).id for i in range(loaded)}
    _scroll_to_end(model)
    assert model.rowCount() == len(fresh) == 201
    assert model.rows() == fresh


def test_reload_of_the_whole_list_when_it_shrinks(world, make_window) -> None:
    bulk_sessions(
        world.db.path, supervisor_id=world.dana, supervisee_id=world.ana, count=30, status="pending"
    )
    model = _model(make_window(world.db, supervisor_id=world.dana))
    _scroll_to_end(model)
    assert model.rowCount() == 30
    conn = sqlite3.connect(world.db.path)
    conn.execute("DELETE FROM session_attendee")
    conn.execute("DELETE FROM session_allocation")
    conn.execute("DELETE FROM supervision_session WHERE rowid % 3 = 0")
    conn.commit()
    conn.close()
    model.reload()
    fresh = _fresh(world)
    assert model.rowCount() == len(fresh) == 20 and not model.canFetchMore()
    assert model.rows() == fresh


def test_a_change_nobody_announced_is_noticed_when_a_page_comes_back(world, make_window, qtbot) -> None:
    bulk_sessions(world.db.path, supervisor_id=world.dana, supervisee_id=world.ana, count=60)
    model = _model(make_window(world.db, supervisor_id=world.dana))
    _scroll_to_end(model)
    bulk_sessions(world.db.path, supervisor_id=world.rafael, supervisee_id=world.petra, count=1)  # newest
    with qtbot.waitSignal(model.modelReset, timeout=2000):
        model.row(0)  # page 0 comes back one row off: the model reloads itself
    fresh = _fresh(world)
    assert model.rowCount() >= 60
    assert [model.row(i) for i in range(model.rowCount())] == fresh[: model.rowCount()]


def test_selecting_a_row_whose_page_was_dropped_gives_that_record(world, make_window, qtbot) -> None:
    bulk_sessions(world.db.path, supervisor_id=world.dana, supervisee_id=world.ana, count=120)
    window = make_window(world.db, supervisor_id=world.dana)
    table = RecordTable(window.ctx, None, kind="session", columns=session_columns(), name="test")
    qtbot.addWidget(table)
    table.model.page_size, table.model.window = PAGE, WINDOW
    table.set_query(*session_query(overview.SessionFilter()))
    table.resize(900, 300)
    table.show()
    _scroll_to_end(table.model)
    table.view.scrollToBottom()
    qtbot.wait(10)
    fresh = _fresh(world)
    for row in (2, 40, 119, 9):
        table.select_row(row)
        current = table.current()
        assert current is not None and current.id == fresh[row].id
        table.view.scrollTo(table.model.index(row, 0))
        qtbot.wait(5)
        assert table.model.held_rows() <= PAGE * WINDOW


def test_to_sign_selection_reads_rows_outside_the_window(qtbot, world, make_window) -> None:
    bulk_sessions(
        world.db.path, supervisor_id=world.dana, supervisee_id=world.ana, count=50, status="pending"
    )
    window = make_window(world.db, supervisor_id=world.dana)
    page = window.to_sign
    page.model.page_size, page.model.window = PAGE, 2
    page.model.set_fetch(
        lambda after, limit: window.ctx.read_now(
            lambda uow: overview.pending_page(uow, supervisor_id=world.dana, after=after, limit=limit)
        )
    )
    qtbot.mouseClick(page.select_all_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 50 and page.model.held_rows() <= PAGE * 2
    with world.uow() as uow:
        pending = overview.pending_page(uow, supervisor_id=world.dana, limit=1000)
    assert [r.id for r in page.selected_rows()] == [r.id for r in pending]
    selection = page.view.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (1, 33):
        selection.select(page.model.index(row, 0), flags)
    assert [r.id for r in page.selected_rows()] == [pending[1].id, pending[33].id]
    assert "2 selected" in page.summary.text()
    assert page.model.data(page.model.index(1, 3), Qt.ItemDataRole.DisplayRole) == pending[1].supervisees
