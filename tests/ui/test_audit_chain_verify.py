"""The Audit page's Verify lists the audit trail's and the print records' problems, and a chain
cut off against a backup, by what they concern (not as records)."""

from __future__ import annotations

import datetime as dt
import sqlite3

from PySide6.QtCore import Qt

from supervisor_app.services import backup, records
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, session_fields

TODAY = dt.date.today()


def _tamper(path, *statements: str) -> None:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_verify_on_the_audit_page_names_an_edited_event_and_a_cut_off_chain(
    world, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        ids = [
            records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=d))).id
            for d in (3, 2)
        ]
        uow.commit()
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=ids)
    backup.backup_file(world.db.path, reason="manual", now=dt.datetime(2026, 3, 4, 5, 6, tzinfo=dt.UTC))
    conn = sqlite3.connect(world.db.path)
    at, action = conn.execute("SELECT at, action FROM audit_event WHERE id = 2").fetchone()
    newest = conn.execute("SELECT max(seq) FROM sign_off").fetchone()[0]
    conn.close()
    _tamper(
        world.db.path,
        "UPDATE audit_event SET actor = 'someone' WHERE id = 2",
        f"DELETE FROM sign_off WHERE seq = {newest}",
    )
    window = make_window(world.db, supervisor_id=world.dana)
    window.show_page(4)
    page = window.audit
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report is not None)
    items = [page.problems.item(i).text() for i in range(page.problems.count())]
    assert (
        f"Audit event #2 ({at[:16]}, {action}): was changed after it was written, or written outside the app (its hash does not match it)"
        in items
    )
    assert any(
        item.startswith(
            "Signature chain: is shorter than the backup of 2026-03-04 05:06 UTC: it had 2 signatures"
        )
        for item in items
    )
    assert not any(item.startswith("Record audit") or item.startswith("Record signature") for item in items)
