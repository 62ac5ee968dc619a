"""Small helpers for the UI tests."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QWidget

from supervisor_app import clock
from supervisor_app.ui.pages import Page
from supervisor_app.ui.supervisee_table_model import ROW_ROLE

TODAY = clock.today()


def visible_enabled_buttons(root: QWidget) -> list[str]:
    return [
        b.text().replace("&", "")
        for b in root.findChildren(QAbstractButton)
        if b.isVisibleTo(root) and b.isEnabled() and b.text()
    ]


def bulk_sessions(
    path: Path, *, supervisor_id: int, supervisee_id: int, count: int, status: str = "signed"
) -> None:
    """``count`` one-hour sessions inserted straight into the file (fast; no sign-off chain)."""
    conn = sqlite3.connect(path)
    try:
        sessions, attendees, allocations = [], [], []
        stamp = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
        for index in range(count):
            rid = str(uuid.uuid4())
            day = (TODAY - dt.timedelta(days=1 + index // 4)).isoformat()
            start = f"{8 + index % 4:02d}:00:00.000000"
            sessions.append(
                (
                    rid,
                    supervisor_id,
                    day,
                    start,
                    60,
                    "individual",
                    "in-person",
                    "",
                    "bulk",
                    "pending",
                    "",
                    stamp,
                    stamp,
                )
            )
            attendees.append((rid, supervisee_id))
            allocations.append((rid, "advocacy", 60))
        first_rowid = conn.execute("SELECT coalesce(max(rowid), 0) FROM supervision_session").fetchone()[0]
        conn.executemany(
            "INSERT INTO supervision_session (id, supervisor_id, date, start_time, minutes, format, modality, site, "
            "topics, status, amendment_reason, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            sessions,
        )
        conn.executemany("INSERT INTO session_attendee (session_id, supervisee_id) VALUES (?,?)", attendees)
        conn.executemany(
            "INSERT INTO session_allocation (session_id, domain_code, minutes) VALUES (?,?,?)", allocations
        )
        if status != "pending":
            conn.execute("UPDATE supervision_session SET status = ? WHERE rowid > ?", (status, first_rowid))
        conn.commit()
    finally:
        conn.close()


def sign_in(controller, supervisor_id: int, password: str):  # type: ignore[no-untyped-def]
    """Sign in on the controller's sign-in dialog; returns the main window."""
    dialog = controller.dialog
    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData(supervisor_id))
    dialog.password.setText(password)
    QTest.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)  # qtbot.mouseClick is this
    return controller.window


def go_to(qtbot, window, page: Page) -> None:  # type: ignore[no-untyped-def]
    """Click ``page``'s entry in the window's navigation list, as a person would."""
    row = window.pages.row(page)
    assert row is not None, f"{page} has no entry in this window's navigation"
    nav = window.nav
    item = nav.item(row)
    nav.scrollToItem(item)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())
    assert nav.currentRow() == row, f"clicking {page} showed row {nav.currentRow()}"


def choose(qtbot, window, action) -> None:  # type: ignore[no-untyped-def]
    """Choose ``action`` from the window's menu bar with the mouse, as a person would: click its
    menu's title, then (through a submenu if it is in one) the action itself."""
    bar = window.menuBar()
    for top in bar.actions():
        trail = _menu_trail(top.menu(), action)
        if trail:
            break
    else:
        raise AssertionError(f"{action.objectName()} is in no menu of the menu bar")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(top).center())
    menu = top.menu()
    qtbot.waitUntil(menu.isVisible)
    for step in trail:
        rect = menu.actionGeometry(step)
        if step.menu() is not None:  # a submenu: pointing at it opens it
            menu.setActiveAction(step)
            qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=rect.center())
            menu = step.menu()
            qtbot.waitUntil(menu.isVisible)
        else:
            assert step.isEnabled(), f"{step.objectName()} is not enabled"
            qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=rect.center())


def _menu_trail(menu, action) -> list:  # type: ignore[no-untyped-def]
    """The entries to choose in ``menu``, through submenus, to reach ``action`` ([] if not there)."""
    for entry in menu.actions():
        if entry is action:
            return [entry]
        if entry.menu() is not None:
            rest = _menu_trail(entry.menu(), action)
            if rest:
                return [entry, *rest]
    return []


def open_supervisee(qtbot, window, supervisee_id: int) -> None:  # type: ignore[no-untyped-def]
    """Open a supervisee's page as a person would: Supervisees in the navigation, back to the
    list if someone's page is on show, click their row, Enter."""
    go_to(qtbot, window, Page.SUPERVISEES)
    page = window.list_page
    if window.people.currentWidget() is not page:
        qtbot.mouseClick(window.detail.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.proxy.rowCount() > 0)
    rows = [
        r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data(ROW_ROLE).id == supervisee_id
    ]
    assert rows, f"supervisee {supervisee_id} is not in the list"
    index = page.proxy.index(rows[0], 0)
    page.table.scrollTo(index)
    qtbot.mouseClick(
        page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center()
    )
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.detail.supervisee_id == supervisee_id and window.current_page() is window.detail
