"""The To sign page: a laptop's size, lengths in minutes when not whole quarter-hours, a signed
record that says an amendment of it is waiting, and the signer's qualification checked before
signing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import delete

from supervisor_app.models import PersonCredential
from supervisor_app.services import records
from supervisor_app.services.person_credentials import Person, add_credential
from supervisor_app.ui.pages import Page
from supervisor_app.ui.password_dialog import PasswordDialog
from supervisor_app.ui.session_editor import SessionEditor
from supervisor_app.units import duration
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, TODAY, experience_fields, session_fields, snapshot
from tests.ui.helpers import go_to


def _add(world, **overrides) -> str:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        rid = records.add_session(uow, **session_fields(world, **overrides)).id
        uow.commit()
    return rid


def test_duration_is_hours_for_quarter_hours_and_minutes_otherwise() -> None:
    assert [duration(m) for m in (15, 60, 90, 5, 20, 70)] == [
        "0.25 h",
        "1.00 h",
        "1.50 h",
        "5 min",
        "20 min",
        "1 h 10 min",
    ]


def test_to_sign_fits_a_laptop_screen_and_shows_minutes(qtbot, world, make_window) -> None:
    _add(
        world,
        supervisee_ids=[world.ana, world.ben, world.carla],
        format="group",
        topics="A long topic " * 10,
    )
    with world.uow() as uow:  # experience is not kept in quarter-hours
        records.add_experience(
            uow, **experience_fields(world, allocations={"recovery-support": 1200, "advocacy": 20})
        )
        uow.commit()
    window = make_window(world.db, supervisor_id=world.dana)
    window.resize(1366, 768)
    go_to(qtbot, window, Page.TO_SIGN)
    page = window.to_sign
    qtbot.waitUntil(lambda: page.view.isVisible())
    view = page.view
    assert view.horizontalScrollBar().maximum() == 0  # every column in view, no sideways scrolling
    header = view.horizontalHeader()
    assert sum(header.sectionSize(c) for c in range(header.count())) <= view.viewport().width()
    entry = next(r for r in range(page.model.rowCount()) if page.model.row(r).kind == "experience")
    assert page.model.index(entry, 2).data() == "20 h 20 min"
    assert "Advocacy 20 min" in page.model.index(entry, 5).data()
    assert "Check them" not in page.explain.text()  # no check boxes: the words say select
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(page.model.index(entry, 1)).center()
    )
    assert "1 selected (20 h 20 min)" in page.summary.text()


def test_an_empty_to_sign_page_stays_at_the_top(qtbot, world, make_window) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    window.resize(1366, 768)
    go_to(qtbot, window, Page.TO_SIGN)
    page = window.to_sign
    assert page.empty.isVisible() and not page.view.isVisible()
    assert page.empty.geometry().bottom() < page.height() // 3  # not spread over the page's height
    assert page.explain.height() < 100


def test_the_original_shows_its_waiting_amendment_and_a_second_amend_is_refused(
    qtbot, world, make_window
) -> None:
    rid = _add(world, date=TODAY - dt.timedelta(days=4))
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[rid])
    with world.uow() as uow:
        records.amend_record(
            uow, record_id=rid, reason="Length corrected", minutes=45, allocations={"advocacy": 45}
        )
        uow.commit()
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.RECORDS)
    table = window.records_page.sessions
    rows = [table.model.row(i) for i in range(table.model.rowCount())]
    original = next(i for i, r in enumerate(rows) if r.id == rid)
    status_column = next(c for c, col in enumerate(table.model.columns) if col.title == "Status")
    assert table.model.index(original, status_column).data() == "Signed · amendment waiting"
    assert "amendment of this record waits" in table.model.index(original, status_column).data(
        Qt.ItemDataRole.ToolTipRole
    )

    before = snapshot(world.db)
    view = table.view
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(table.model.index(original, 0)).center(),
    )
    assert table.amend_button.isEnabled()
    qtbot.mouseClick(table.amend_button, Qt.MouseButton.LeftButton)
    box = window.actions.dialog
    assert isinstance(box, QMessageBox) and not isinstance(box, SessionEditor)  # no form to fill in
    day = (TODAY - dt.timedelta(days=4)).isoformat()
    assert f"the session of {day}, 0.75 h" in box.text() and "“Length corrected”" in box.text()
    assert rid[:8] not in box.text()  # in words, not record ids
    box.done(0)
    assert snapshot(world.db) == before


# To sign and who may supervise (issue 18): the refusal for a supervisor whose credential
# does not qualify on the record's date, shown in the password dialog with nothing changed, and
# the warning 60 days before the signer's qualifying credential expires.


DAY = dt.timedelta(days=1)


def _dana_holds(world, **values) -> None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        uow.session.execute(delete(PersonCredential).where(PersonCredential.supervisor_id == world.dana))
        add_credential(uow, person=Person(supervisor_id=world.dana), **values)
        uow.commit()


def _pending(world, day: dt.date) -> str:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        record_id = records.add_session(uow, **session_fields(world, date=day)).id
        uow.commit()
    return record_id


def test_to_sign_refuses_an_unqualified_supervisor_and_changes_nothing(world, make_window, qtbot) -> None:
    record_day = TODAY - 5 * DAY
    _dana_holds(world, kind="CRSS", number="5100", expires_on=record_day - DAY)
    record_id = _pending(world, record_day)
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.TO_SIGN)
    page = window.to_sign
    assert not page.credential_warning.isVisibleTo(page)  # expired already: the refusal says it
    qtbot.mouseClick(page.select_all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    dialog = window.actions.dialog
    assert isinstance(dialog, PasswordDialog)
    before = snapshot(world.db)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    shown = dialog.error_text("record")
    assert shown.startswith(f"Session {record_id[:8]} of {record_day.isoformat()} cannot be signed: ")
    assert f"Dana Whitaker's CRSS 5100 expired on {(record_day - DAY).isoformat()}" in shown
    assert "File > Training and credentials…" in shown
    assert dialog.isVisible()
    assert snapshot(world.db) == before
    assert page.model.rowCount() == 1
    dialog.close()


def test_to_sign_warns_60_days_before_the_signers_credential_expires(world, make_window, qtbot) -> None:
    expires = TODAY + 30 * DAY
    _dana_holds(world, kind="LCSW", number="149.1", expires_on=expires)
    _pending(world, TODAY - DAY)
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.TO_SIGN)
    page = window.to_sign
    assert page.credential_warning.isVisibleTo(page)
    assert page.credential_warning.text() == (
        f"Your LCSW 149.1 expires on {expires.isoformat()} (in 30 days). Records dated after that cannot "
        "be signed until you record the renewal (File > Training and credentials…)."
    )
    # Signing still works meanwhile.
    qtbot.mouseClick(page.select_all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    dialog = window.actions.dialog
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert page.model.rowCount() == 0


def test_settings_agency_adds_a_kind_that_qualifies_then_signing_works(world, make_window, qtbot) -> None:
    _dana_holds(world, kind="LSW", number="150.1")
    record_id = _pending(world, TODAY - 2 * DAY)
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.SETTINGS)
    settings = window.settings_page
    shown = settings.profile_view.toPlainText()  # the CRSS profile, with who may supervise
    assert "Who may supervise" in shown and "Your agency may add kinds" in shown
    field = settings.agency_kinds
    assert field.text() == ""
    before = snapshot(world.db)
    qtbot.keyClicks(field, "Z" * 41)  # too long for a credential's name
    qtbot.mouseClick(settings.agency_save_button, Qt.MouseButton.LeftButton)
    assert "longer than a credential's name" in settings.agency_errors.labels["supervisor_kinds"].text()
    assert snapshot(world.db) == before
    field.selectAll()
    qtbot.keyClicks(field, "lsw, CCS")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "lsw, CCS"
    assert "Saved" in settings.agency_status.text()

    go_to(qtbot, window, Page.TO_SIGN)
    page = window.to_sign
    qtbot.mouseClick(page.select_all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    dialog = window.actions.dialog
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    with world.uow() as uow:
        assert records.display_status(uow, records.find_record(uow, record_id)).value == "signed"
