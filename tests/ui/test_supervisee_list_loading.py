"""The supervisee list shows who is there first and adds up their hours right after, so the
first view of a large agency is not kept waiting on the totals."""

from __future__ import annotations

from supervisor_app.services import people, records
from supervisor_app.services.overview import supervisee_summaries
from supervisor_app.services.roster import supervisee_names
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.supervisee_table_model import SuperviseeTableModel
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
