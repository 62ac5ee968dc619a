"""The Audit page: the trail in words (people by name, records by kind and date, a form's serial
number whole, the "Who" filter ignoring accents), its filters, and Verify listing every problem."""

from __future__ import annotations

import datetime as dt
import sqlite3

from PySide6.QtCore import Qt

from supervisor_app import storage
from supervisor_app.services import attestation, people, records
from supervisor_app.ui.pages import Page
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, TODAY, session_fields
from tests.ui.helpers import choose, go_to
from tests.ui.test_search_folding import _type


def _column(page, title: str) -> int:  # type: ignore[no-untyped-def]
    return next(c for c, col in enumerate(page.model.columns) if col.title == title)


def _row(page, action_words: str) -> int:  # type: ignore[no-untyped-def]
    action = _column(page, "Action")
    return next(r for r in range(page.model.rowCount()) if page.model.index(r, action).data() == action_words)


def test_details_name_people_and_records_instead_of_ids(qtbot, world, make_window) -> None:
    day = TODAY - dt.timedelta(days=6)
    with world.uow("supervisor:1") as uow:
        rid = records.add_session(uow, **session_fields(world, date=day)).id
        uow.commit()
    with world.uow("supervisor:1") as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[rid])
    with world.uow("supervisor:1") as uow:
        data = attestation.prepare_verification(uow, supervisee_id=world.ana, supervisor_id=world.dana)
        serial = attestation.record_print(uow, data, printed_by="Dana Whitaker").serial
        uow.commit()
    with world.uow("supervisor:1") as uow:
        records.amend_record(
            uow, record_id=rid, reason="Length corrected", minutes=45, allocations={"advocacy": 45}
        )
        people.set_active(uow, supervisee_id=world.ben, active=False)
        uow.commit()

    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.AUDIT)
    page = window.audit
    details, record = _column(page, "Details"), _column(page, "Record")

    amended = _row(page, "Amended")
    text = page.model.index(amended, details).data()
    assert f"Amends: the session of {day.isoformat()}" in text and "Reason: Length corrected" in text
    assert rid not in text and rid[:8] not in text

    created = _row(page, "Created")
    assert (
        page.model.index(created, details).data() == f"Kind: Session; Date: {day.isoformat()}; Length: 1.00 h"
    )
    assert f"the session of {day.isoformat()}" in page.model.index(created, record).data(
        Qt.ItemDataRole.ToolTipRole
    )

    edited = _row(page, "Edited")
    assert page.model.index(edited, details).data() == "Supervisee: Ben Example; Active: yes → no"

    printed = _row(page, "Printed")
    assert page.model.index(printed, record).data() == serial  # whole, not cut at 8 characters
    text = page.model.index(printed, details).data()
    assert "Supervisor: Dana Whitaker" in text and "supervisor_id" not in text


def test_the_who_filter_ignores_accents(qtbot, world, make_window) -> None:
    with world.uow("test") as uow:
        lukasz = people.add_supervisor(uow, name="Łukasz Żółw", credentials="CADC", password=PASSWORD).id
        uow.commit()
    with world.uow(f"supervisor:{lukasz}") as uow:
        people.set_active(uow, supervisee_id=world.ben, active=False)
        uow.commit()
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.AUDIT)
    page = window.audit
    every = page.model.rowCount()
    _type(qtbot, page.actor, "lukasz zolw")
    page._debounce.stop()
    page.apply_filters()  # what the debounce timer runs
    who = _column(page, "Who")
    assert page.model.rowCount() == 1 < every
    assert page.model.index(0, who).data() == "Łukasz Żółw"


def test_audit_filters_and_verify_lists_every_problem(qtbot, world, make_window) -> None:
    from supervisor_app.services import records

    with world.uow() as uow:
        rid = records.add_session(uow, **session_fields(world)).id
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[rid])
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.AUDIT)
    audit = window.audit
    assert audit.model.rowCount() >= 3
    audit.action.setCurrentIndex(audit.action.findData("sign"))
    assert audit.model.rowCount() == 1
    assert audit.model.data(audit.model.index(0, _column(audit, "Supervisee"))) == "Ana Example"
    qtbot.mouseClick(audit.verify_button, Qt.MouseButton.LeftButton)
    assert "All good" in audit.result.text()

    conn = sqlite3.connect(world.db.path)
    conn.execute("DROP TRIGGER supervision_session_final_update")
    conn.execute("UPDATE supervision_session SET minutes = 120 WHERE id = ?", (rid,))
    conn.commit()
    conn.close()
    choose(qtbot, window, window.verify_action)
    assert "1 problem found" in audit.result.text()
    assert audit.problems.count() == 1 and "content changed" in audit.problems.item(0).text()


# The Audit page's Verify lists the audit trail's and the print records' problems, and a chain
# cut off against a backup, by what they concern (not as records).


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
    storage.backup_file(world.db.path, reason="manual", now=dt.datetime(2026, 3, 4, 5, 6, tzinfo=dt.UTC))
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
    go_to(qtbot, window, Page.AUDIT)
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
