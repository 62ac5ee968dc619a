"""Tables load by pages; the supervisee list agrees with the progress service; audit and verify."""

from __future__ import annotations

import sqlite3

from supervisor_app.services import overview
from supervisor_app.services.progress import compute_progress
from supervisor_app.ui.lazy_model import LazyTableModel
from supervisor_app.ui.record_table import RecordTable, session_columns, session_query
from tests.conftest import PASSWORD, session_fields
from tests.ui.helpers import bulk_sessions


def test_session_table_fetches_by_pages_not_all_at_once(world, make_window) -> None:
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
    window.show_page(1)
    page = window.records_page
    assert page.sessions.model.rowCount() == 200
    page.sessions.view.scrollToBottom()
    assert page.sessions.model.rowCount() in (400, 600)


def test_filters_and_search_use_the_same_pages(world, make_window) -> None:
    bulk_sessions(world.db.path, supervisor_id=world.dana, supervisee_id=world.ana, count=450)
    from supervisor_app.services import records

    with world.uow() as uow:
        records.add_session(
            uow, **session_fields(world, supervisee_ids=[world.ben], topics="Ethics refresher", start="16:30")
        )
        uow.commit()
    window = make_window(world.db, supervisor_id=world.dana)
    window.show_page(1)
    page = window.records_page
    page.search.setText("ethics")
    page.apply_filters()
    assert page.sessions.model.rowCount() == 1
    assert page.sessions.model.row(0).attendees == "Ben Example"
    page.search.clear()
    page.status.setCurrentIndex(page.status.findData("pending"))
    assert page.sessions.model.rowCount() == 1


def test_supervisee_list_matches_the_progress_service(world) -> None:
    """Signed, pending, group, amended, voided and out-of-window records: the same figures."""
    import datetime as dt

    from supervisor_app.services import records
    from supervisor_app.usecases import signing
    from tests.conftest import experience_fields

    today = dt.date.today()
    with world.uow() as uow:
        ids = []
        for week in range(1, 40):
            day = today - dt.timedelta(weeks=week)
            ids.append(records.add_session(uow, **session_fields(world, date=day, minutes=60)).id)
            if week % 2:
                ids.append(
                    records.add_session(
                        uow,
                        **session_fields(
                            world,
                            date=day,
                            start="15:00",
                            minutes=90,
                            format="group",
                            supervisee_ids=[world.ana, world.ben, world.carla],
                            allocations={"recovery-support": 90},
                        ),
                    ).id
                )
        ids.append(
            records.add_experience(
                uow,
                **experience_fields(
                    world,
                    period_start=today - dt.timedelta(days=60),
                    period_end=today - dt.timedelta(days=40),
                ),
            ).id
        )
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=ids)
        amended = records.amend_record(
            uow, record_id=ids[0], reason="corrected", minutes=45, allocations={"advocacy": 45}
        )
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[amended.id])
        signing.void(uow, record_id=ids[1], reason="twice", supervisor_id=world.dana, password=PASSWORD)
        records.add_session(uow, **session_fields(world, date=today - dt.timedelta(days=1)))
        records.add_experience(
            uow,
            **experience_fields(
                world, period_start=today - dt.timedelta(days=20), period_end=today - dt.timedelta(days=10)
            ),
        )
        uow.commit()
    with world.uow() as uow:
        summaries = overview.supervisee_summaries(uow)
        assert len(summaries) == 4
        for summary in summaries:
            progress = compute_progress(uow, supervisee_id=summary.id)
            assert summary.supervision_counted_minutes == progress.supervision.counted_minutes
            assert summary.supervision_required_minutes == progress.supervision.required_minutes
            assert summary.experience_counted_minutes == progress.experience.counted_minutes
            assert summary.supervision_pending_minutes == progress.supervision.pending_minutes
            assert summary.experience_pending_minutes == progress.experience.pending_minutes
            assert summary.unmet == progress.unmet
            assert summary.eligible == progress.eligible
    ana = next(s for s in summaries if s.id == world.ana)
    assert ana.supervision_counted_minutes > 0 and ana.supervision_pending_minutes == 60
    assert {s.status for s in summaries} == {"on-track", "overdue"}


def test_supervisee_list_search_status_and_open(world, make_window) -> None:
    from supervisor_app.services import records

    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    window = make_window(world.db, supervisor_id=world.dana)
    page = window.list_page
    assert page.proxy.rowCount() == 4
    statuses = {page.model.row(i).name: page.model.row(i).status for i in range(page.model.rowCount())}
    assert statuses["Ana Example"] == "on-track"  # a session yesterday
    assert statuses["Ben Example"] == "overdue"  # started 500 days ago, no session
    page.search.setText("núñez")
    assert page.proxy.rowCount() == 1
    page.search.setText("carla cr")
    assert page.proxy.rowCount() == 1
    page._open_current()
    assert window.current_page() is window.detail
    assert window.detail.supervisee_id == world.carla
    assert (
        "every domain must be covered" in window.detail.unmet.text()
        or "Supervision needs" in window.detail.unmet.text()
    )
    window.back_to_list()
    assert window.current_page() is page


def test_audit_filters_and_verify_lists_every_problem(world, make_window) -> None:
    from supervisor_app.services import records
    from supervisor_app.usecases import signing

    with world.uow() as uow:
        rid = records.add_session(uow, **session_fields(world)).id
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[rid])
    window = make_window(world.db, supervisor_id=world.dana)
    window.show_page(4)
    audit = window.audit
    assert audit.model.rowCount() >= 3
    audit.action.setCurrentIndex(audit.action.findData("sign"))
    assert audit.model.rowCount() == 1
    assert audit.model.data(audit.model.index(0, 4)) == "Ana Example"
    audit.verify_button.click()
    assert "All good" in audit.result.text()

    conn = sqlite3.connect(world.db.path)
    conn.execute("DROP TRIGGER supervision_session_final_update")
    conn.execute("UPDATE supervision_session SET minutes = 120 WHERE id = ?", (rid,))
    conn.commit()
    conn.close()
    window.verify_records()
    assert "1 problem found" in audit.result.text()
    assert audit.problems.count() == 1 and "content changed" in audit.problems.item(0).text()
