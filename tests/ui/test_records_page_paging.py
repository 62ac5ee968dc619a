"""The Records page's tables load by pages, not all at once, and filters and search use the same pages."""

from __future__ import annotations

from supervisor_app.services import overview
from supervisor_app.ui.lazy_model import LazyTableModel
from supervisor_app.ui.pages import Page
from supervisor_app.ui.record_table import RecordTable, session_columns, session_query
from tests.conftest import session_fields
from tests.ui.helpers import bulk_sessions, go_to


def test_session_table_fetches_by_pages_not_all_at_once(qtbot, world, make_window) -> None:
    bulk_sessions(world.db.path, supervisor_id=world.dana, supervisee_id=world.ana, count=3000)
    window = make_window(world.db, supervisor_id=world.dana)
    table = RecordTable(
        window.ctx, None, kind="session", columns=session_columns(), name="test", parent=window
    )
    table.set_query(*session_query(overview.SessionFilter()))
    model: LazyTableModel = table.model
    assert model.rowCount() == model.page_size == 200
    assert model.canFetchMore()
    assert "3,000 sessions" in table.count.text()
    model.fetchMore()
    assert model.rowCount() == 400
    keys = [model.row(i).key for i in range(model.rowCount())]
    assert keys == sorted(keys, reverse=True) and len(set(keys)) == len(keys)  # newest first, no repeats
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 3000
    assert model.fetch_calls == 15

    # The view itself asks for more only as it scrolls.
    go_to(qtbot, window, Page.RECORDS)
    page = window.records_page
    assert page.sessions.model.rowCount() == 200
    page.sessions.view.scrollToBottom()
    assert page.sessions.model.rowCount() in (400, 600)


def test_filters_and_search_use_the_same_pages(qtbot, world, make_window) -> None:
    bulk_sessions(world.db.path, supervisor_id=world.dana, supervisee_id=world.ana, count=450)
    from supervisor_app.services import records

    with world.uow() as uow:
        records.add_session(
            uow, **session_fields(world, supervisee_ids=[world.ben], topics="Ethics refresher", start="16:30")
        )
        uow.commit()
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.RECORDS)
    page = window.records_page
    page.search.setText("ethics")
    page.apply_filters()
    assert page.sessions.model.rowCount() == 1
    assert page.sessions.model.row(0).attendees == "Ben Example"
    page.search.clear()
    page.status.setCurrentIndex(page.status.findData("pending"))
    assert page.sessions.model.rowCount() == 1
