"""The audit trail in words: people by name, records by kind and date, a form's serial number
whole, and the "Who" filter ignoring accents."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from supervisor_app.services import attestation, people, records
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, TODAY, session_fields
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
    with world.uow("supervisor:1") as uow:
        records.amend_record(
            uow, record_id=rid, reason="Length corrected", minutes=45, allocations={"advocacy": 45}
        )
        people.set_active(uow, supervisee_id=world.ben, active=False)
        uow.commit()

    window = make_window(world.db, supervisor_id=world.dana)
    window.show_page(4)
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
    window.show_page(4)
    page = window.audit
    every = page.model.rowCount()
    _type(qtbot, page.actor, "lukasz zolw")
    page._debounce.stop()
    page.apply_filters()  # what the debounce timer runs
    who = _column(page, "Who")
    assert page.model.rowCount() == 1 < every
    assert page.model.index(0, who).data() == "Łukasz Żółw"
