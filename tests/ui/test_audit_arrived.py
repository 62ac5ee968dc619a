"""The Audit page's second list: the audit events that arrived from laptops by sync, beside
this database's own trail, each naming the database it came from; filtered as the local
trail is; an empty list saying what it means. Driven by clicks and typing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from test_sync import Laptop, _laptop, _session, _sign

from supervisor_app.services import people
from supervisor_app.ui.pages import Page
from tests.conftest import TODAY
from tests.ui.helpers import go_to


def _pick(qtbot, combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Open ``combo`` with the mouse and choose the item ``text`` with the keys, as a person would."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not in {combo.accessibleName()}"
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    for _step in range(abs(index - combo.currentIndex())):  # the arrow keys to the item, then Enter
        qtbot.keyClick(view, Qt.Key.Key_Down if index > combo.currentIndex() else Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText() == text


def _column(page, title: str) -> int:  # type: ignore[no-untyped-def]
    return next(c for c, col in enumerate(page.model.columns) if col.title == title)


def _cells(page, title: str) -> list[str]:  # type: ignore[no-untyped-def]
    column = _column(page, title)
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


@pytest.fixture
def dana(tmp_path: Path) -> Iterator[Laptop]:
    place = _laptop(tmp_path / "laptop.db", "Dana Whitaker", "Ana")
    _session(place, 30, 60, "Ana")
    _sign(place)
    with place.db.uow(f"supervisor:{place.supervisor}") as uow:  # an event by that database's supervisor
        people.set_active(uow, supervisee_id=place.supervisees["Ana"], active=False)
        uow.commit()
    yield place
    place.db.close()


def _chain(db) -> str:  # type: ignore[no-untyped-def]
    with db.uow("test", reading=True) as uow:
        return str(uow.raw().execute("SELECT global_id FROM database_identity").fetchone()[0])


def test_the_events_that_arrived_from_a_laptop_are_listed_naming_its_database(
    qtbot, world, make_window, dana: Laptop
) -> None:
    from supervisor_app.usecases.syncing import sync

    sync(dana.db, world.db)
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.AUDIT)
    page = window.audit
    where = _column(page, "Where")
    assert page.view.isColumnHidden(where)
    local = page.model.rowCount()
    assert local > 0 and not page.empty.isVisible()

    _pick(qtbot, page.source, "Arrived from other databases")
    assert not page.view.isColumnHidden(where)
    with dana.db.uow("test", reading=True) as uow:
        laptop_events = uow.raw().execute("SELECT count(*) FROM audit_event").fetchone()[0]
    assert page.model.rowCount() == laptop_events
    chain = _chain(dana.db)
    assert set(_cells(page, "Where")) == {f"Database {chain[:8]} (Prairie Lakes (TEST))"}
    assert page.model.index(0, where).data(Qt.ItemDataRole.ToolTipRole) == chain
    assert "Signed" in _cells(page, "Action")
    assert f"supervisor #{dana.supervisor} there" in _cells(page, "Who")  # that database's numbers
    assert "Dana Whitaker" not in _cells(page, "Who")
    assert "supervisee #1 there" in _cells(page, "Supervisee")
    assert not page.supervisee.isEnabled()  # this database's supervisees do not number its events
    assert not page.empty.isVisible()

    _pick(qtbot, page.action, "Signed")
    assert set(_cells(page, "Action")) == {"Signed"} and page.model.rowCount() >= 1

    page.date_from.setDate(QDate(TODAY + dt.timedelta(days=3)))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.empty.isVisible() and page.empty.text() == "No event matches these filters."

    _pick(qtbot, page.source, "This database")  # back: the local trail, its filters as set
    page.date_from.setDate(QDate(2000, 1, 1))
    _pick(qtbot, page.action, "Any action")
    qtbot.waitUntil(lambda: page.model.rowCount() >= local)
    assert page.view.isColumnHidden(where) and page.supervisee.isEnabled()
    assert not page.empty.isVisible()


def test_nothing_arrived_says_what_that_means(qtbot, world, make_window) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.AUDIT)
    page = window.audit
    _pick(qtbot, page.source, "Arrived from other databases")
    assert page.model.rowCount() == 0
    assert page.empty.isVisible()
    assert page.empty.text().startswith("No audit events from other databases are kept here.")
    _pick(qtbot, page.action, "Signed")  # filtered, still nothing arrived: the same sentence
    assert page.empty.text().startswith("No audit events from other databases are kept here.")
