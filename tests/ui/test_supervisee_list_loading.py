"""The supervisee list shows who is there first and adds up their hours right after, so the
first view of a large agency is not kept waiting on the totals."""

from __future__ import annotations

from supervisor_app.services import people, records
from supervisor_app.services.overview import supervisee_summaries
from supervisor_app.services.roster import supervisee_names
from supervisor_app.ui import supervisee_list_page
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.supervisee_table_model import ROW_ROLE, SuperviseeTableModel
from tests.conftest import session_fields


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


def test_changing_the_filter_shows_names_first_again(world, make_window) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    page = window.list_page
    seen = _watch(page)
    page.show_inactive.setChecked(True)
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
