"""To sign and who may supervise (issue 18): the refusal for a supervisor whose credential
does not qualify on the record's date, shown in the password dialog with nothing changed, and
the warning 60 days before the signer's qualifying credential expires."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import delete

from supervisor_app.models import PersonCredential
from supervisor_app.services import records
from supervisor_app.services.person_credentials import Person, add_credential
from supervisor_app.ui.pages import Page
from supervisor_app.ui.password_dialog import PasswordDialog
from tests.conftest import PASSWORD, session_fields, snapshot
from tests.ui.helpers import go_to

TODAY = dt.date.today()
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
