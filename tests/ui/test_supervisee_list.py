"""The supervisee list: who is there shows first and their hours right after (a large agency's
first view is not kept waiting on the totals), the figures agree with the progress service,
search, status and open, and each row says whether its figures are verified."""

from __future__ import annotations

from PySide6.QtCore import Qt

from supervisor_app import clock
from supervisor_app.services import overview, people, records
from supervisor_app.services.overview import supervisee_summaries
from supervisor_app.services.progress import compute_progress
from supervisor_app.services.roster import supervisee_names
from supervisor_app.ui import supervisee_list_page
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.supervisee_table_model import ROW_ROLE, SuperviseeTableModel
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, session_fields, tamper


def _watch(page) -> list[list[tuple[str, bool, str]]]:  # type: ignore[no-untyped-def]
    """Every state the table was reset to: (name, figures computed, supervision cell)."""
    seen: list[list[tuple[str, bool, str]]] = []
    model = page.model

    def record() -> None:
        seen.append(
            [
                (
                    model.row(i).name,
                    model.row(i).figures,
                    model.index(i, SuperviseeTableModel.SUPERVISION).data(),
                )
                for i in range(model.rowCount())
            ]
        )

    model.modelReset.connect(record)
    return seen


def test_names_come_first_then_the_figures(world, make_window) -> None:
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    window = make_window(world.db, supervisor_id=world.dana)  # the page loads when it shows
    page = window.list_page
    seen = _watch(page)
    page.model.set_rows([])
    page.refresh()  # the first view: an empty list
    names, figures = seen[-2], seen[-1]
    assert [n for n, _f, _cell in names] == [n for n, _f, _cell in figures]  # same people, same order
    assert all(not f and cell == "…" for _n, f, cell in names)
    assert all(f and "%" in cell for _n, f, cell in figures)
    assert "eligible" in page.summary.text()  # the summary line counts statuses once figures are in


def test_a_list_with_figures_is_refreshed_without_going_back_to_names(world, make_window) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    page = window.list_page
    assert page.model.rowCount() and all(page.model.row(i).figures for i in range(page.model.rowCount()))
    seen = _watch(page)
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    emit(window.ctx.records_changed)
    assert seen and all(all(f for _n, f, _c in state) for state in seen)  # no blink back to "…"


def test_changing_the_filter_shows_names_first_again(qtbot, world, make_window) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    page = window.list_page
    seen = _watch(page)
    qtbot.keyClick(page.show_inactive, Qt.Key.Key_Space)  # ticks it
    assert len(seen) == 2 and not any(f for _n, f, _c in seen[0]) and all(f for _n, f, _c in seen[1])


def test_supervisee_names_lists_the_same_people_as_the_summaries(world) -> None:
    with world.uow() as uow:
        people.set_active(uow, supervisee_id=world.ben, active=False)
        uow.commit()
    with world.db.uow(reading=True) as uow:
        for kwargs in ({}, {"include_inactive": True}, {"supervisor_id": world.dana}):
            names = supervisee_names(uow, **kwargs)
            full = supervisee_summaries(uow, **kwargs)
            assert [(s.id, s.name, s.supervisor_name) for s in names] == [
                (s.id, s.name, s.supervisor_name) for s in full
            ]
            assert not any(s.figures for s in names) and all(s.figures for s in full)
        assert len(supervisee_names(uow, include_inactive=True)) == len(supervisee_names(uow)) + 1


def _filling(page) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """After each row's figures arrive (no reset): the names with figures, in list order."""
    states: list[list[str]] = []
    proxy = page.proxy

    def record(*_args: object) -> None:
        rows = [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]
        states.append([row.name for row in rows if row.figures])

    page.model.dataChanged.connect(record)
    return states


def _figures(rows) -> dict[int, tuple]:  # type: ignore[no-untyped-def]
    return {
        r.id: (
            r.supervision_counted_minutes,
            r.supervision_pending_minutes,
            r.experience_counted_minutes,
            r.status,
        )
        for r in rows
    }


def test_everyones_figures_fill_in_a_chunk_at_a_time_from_the_top(world, make_window, monkeypatch) -> None:
    monkeypatch.setattr(supervisee_list_page, "FIGURES_CHUNK", 1)
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    window = make_window(world.db, supervisor_id=world.rafael)  # none of his own: everyone
    page = window.list_page
    assert not page.only_mine.isChecked()
    page.model.set_rows([])
    states = _filling(page)
    page.refresh()
    order = ["Ana Example", "Ben Example", "Carla Núñez", "Petra Nowak"]
    assert states == [order[:1], order[:2], order[:3], order]  # one more each time, top first
    with world.db.uow(reading=True) as uow:
        expected = _figures(supervisee_summaries(uow))
    assert _figures(page.model.rows()) == expected
    assert "eligible" in page.summary.text() and "adding up" not in page.summary.text()


def test_a_change_while_adding_up_everyone_starts_over_and_shows_it(world, make_window, monkeypatch) -> None:
    monkeypatch.setattr(supervisee_list_page, "FIGURES_CHUNK", 1)
    window = make_window(world.db, supervisor_id=world.rafael)
    page = window.list_page
    states = _filling(page)
    changed: list[bool] = []

    def change_once(*_args: object) -> None:
        if not changed:  # a session for Ana saved just as her figures came in
            changed.append(True)
            with world.uow() as uow:
                records.add_session(uow, **session_fields(world))
                uow.commit()
            emit(window.ctx.records_changed)

    page.model.dataChanged.connect(change_once)
    emit(window.ctx.records_changed)
    with world.db.uow(reading=True) as uow:
        expected = _figures(supervisee_summaries(uow))
    ana = next(r for r in page.model.rows() if r.id == world.ana)
    assert ana.supervision_pending_minutes == 60  # added up again after the change
    assert _figures(page.model.rows()) == expected
    assert states[-1] == ["Ana Example", "Ben Example", "Carla Núñez", "Petra Nowak"]
    assert not page._loading and "eligible" in page.summary.text()


def test_supervisee_list_matches_the_progress_service(world) -> None:
    """Signed, pending, group, amended, voided and out-of-window records: the same figures."""
    import datetime as dt

    from supervisor_app.services import records
    from tests.conftest import experience_fields

    today = clock.today()
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


def test_supervisee_list_search_status_and_open(qtbot, world, make_window) -> None:
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
    qtbot.mouseClick(window.detail.back_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is page


# The supervisee list verifies the whole file once, in the background, and says for each row
# whether its figures are verified: a record changed outside the app shows on its supervisee's
# row the next time the list loads (issue 19).


LEFT = Qt.MouseButton.LeftButton


def _rows(page):  # type: ignore[no-untyped-def]
    return {page.model.row(i).name: page.model.row(i) for i in range(page.model.rowCount())}


def _status(page, name: str) -> str:  # type: ignore[no-untyped-def]
    for i in range(page.model.rowCount()):
        if page.model.row(i).name == name:
            return page.model.index(i, SuperviseeTableModel.STATUS).data()
    raise AssertionError(name)


def test_every_row_is_verified_and_a_tampered_record_marks_its_supervisee(world, make_window, qtbot) -> None:
    with world.uow() as uow:
        ana = records.add_session(uow, **session_fields(world)).id
        records.add_session(uow, **session_fields(world, supervisee_ids=[world.ben], start="12:00"))
        uow.commit()
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
    window = make_window(world.db, supervisor_id=world.dana)
    page = window.list_page
    rows = _rows(page)
    assert rows and all(row.verified for row in rows.values())  # verified once the list showed
    assert not page.checking.isVisible()
    tip = page.model.index(0, SuperviseeTableModel.STATUS).data(Qt.ItemDataRole.ToolTipRole) or ""
    assert "Not verified yet" not in tip

    # Someone changes a signed record with sqlite3; the list loads again (the user shows the
    # inactive supervisees too): the file is verified again, and Ana's row says so.
    tamper(world.db.path, "UPDATE supervision_session SET minutes = 600 WHERE id = :id", id=ana)
    qtbot.mouseClick(page.show_inactive, LEFT)
    rows = _rows(page)
    assert rows["Ana Example"].verified is False
    assert _status(page, "Ana Example") == "Records fail verification"
    assert (
        rows["Ben Example"].verified is True and _status(page, "Ben Example") != "Records fail verification"
    )
    assert page.checking.isVisible()
    assert page.checking.text() == "1 supervisee with records that fail verification"
