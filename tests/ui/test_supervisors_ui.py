"""Settings > Supervisors, the supervisee's "Change supervisor…", and the password routes
(issues 13 and 14), driven through the widgets: each refusal shows its message beside the
field and changes nothing."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QDate, Qt

from supervisor_app.services import audit, auth, people, supervisors
from supervisor_app.ui.pages import Page
from tests.conftest import PASSWORD, TODAY, snapshot
from tests.ui.helpers import go_to, open_supervisee, sign_in

NEW_PASSWORD = "a brand new passphrase"


def _settings(qtbot, window):  # type: ignore[no-untyped-def]
    go_to(qtbot, window, Page.SETTINGS)
    return window.settings_page


def _click_row(qtbot, settings, name: str) -> None:  # type: ignore[no-untyped-def]
    view = settings.supervisors_view
    row = next(i for i, r in enumerate(settings.supervisors.rows()) if r.name == name)
    rect = view.visualRect(settings.supervisors.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert settings.selected_supervisor().name == name


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(widget, text)


def test_editing_a_supervisor_from_settings(qtbot, world, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    settings = _settings(qtbot, window)
    assert [r.name for r in settings.supervisors.rows()] == ["Dana Whitaker", "Rafael Ortiz"]
    _click_row(qtbot, settings, "Rafael Ortiz")
    qtbot.mouseClick(settings.edit_supervisor_button, Qt.MouseButton.LeftButton)
    dialog = settings.supervisor_dialog
    assert dialog.windowTitle() == "Edit supervisor"
    assert dialog.form.edits["name"].text() == "Rafael Ortiz"
    # A date that is not one: the message under the field, nothing saved.
    before = snapshot(world.db)
    _type(qtbot, dialog.form.edits["license_expires"], "31/12/2027")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "License expiry '31/12/2027' is not a date" in dialog.form.errors["license_expires"].text()
    assert dialog.form.errors["license_expires"].isVisibleTo(dialog)
    assert snapshot(world.db) == before
    _type(qtbot, dialog.form.edits["license_expires"], (TODAY - dt.timedelta(days=3)).isoformat())
    _type(qtbot, dialog.form.edits["license_type"], "LCPC")
    _type(qtbot, dialog.form.edits["license_number"], "180.0042")
    qtbot.keyClick(dialog.form.edits["license_number"], Qt.Key.Key_Return)
    assert not dialog.isVisible()
    with world.uow() as uow:
        rafael = people.get_supervisor(uow, world.rafael)
        assert (rafael.license_type, rafael.license_number) == ("LCPC", "180.0042")
        details = json.loads(audit.list_events(uow, limit=1)[0].details)
    assert details["before"]["license_number"] == "" and details["after"]["license_number"] == "180.0042"
    # The list shows the expired license in words.
    row = next(i for i, r in enumerate(settings.supervisors.rows()) if r.name == "Rafael Ortiz")
    assert "license expired" in settings.supervisors.data(settings.supervisors.index(row, 3))


def test_a_new_supervisor_sees_their_recovery_key_once(qtbot, world, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    settings = _settings(qtbot, window)
    qtbot.mouseClick(settings.new_supervisor_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    qtbot.keyClicks(dialog.form.edits["name"], "Lee Tran")
    qtbot.keyClicks(dialog.form.edits["credentials"], "CRSS")
    qtbot.keyClicks(dialog.passwords.first, PASSWORD)
    qtbot.keyClicks(dialog.passwords.second, PASSWORD)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    key_dialog = dialog.key_dialog
    assert key_dialog is not None and key_dialog.isVisible()
    key = key_dialog.key.text()
    assert len(key) == 29 and key_dialog.key.isReadOnly()
    with world.uow() as uow:
        lee = next(s for s in people.list_supervisors(uow) if s.name == "Lee Tran")
        assert lee.recovery_key_hash is not None and key not in lee.recovery_key_hash
        lee_id = lee.id
    qtbot.mouseClick(key_dialog.done_button, Qt.MouseButton.LeftButton)
    assert not key_dialog.isVisible()
    with world.uow() as uow:  # the key works
        auth.reset_with_recovery_key(uow, supervisor_id=lee_id, recovery_key=key, new_password=NEW_PASSWORD)
        uow.commit()


def test_another_supervisor_sets_the_first_password(qtbot, world, make_window) -> None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        bare = people.add_supervisor(uow, name="Mai Lê", credentials="LCSW").id
        uow.commit()
    window = make_window(world.db, supervisor_id=world.dana)
    settings = _settings(qtbot, window)
    _click_row(qtbot, settings, "Mai Lê")
    assert "no password yet" in settings.supervisors.data(settings.supervisors.index(1, 4))
    qtbot.mouseClick(settings.set_password_button, Qt.MouseButton.LeftButton)
    dialog = settings.supervisor_dialog
    qtbot.keyClicks(dialog.old, "not my password")
    qtbot.keyClicks(dialog.passwords.first, NEW_PASSWORD)
    qtbot.keyClicks(dialog.passwords.second, NEW_PASSWORD)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Wrong password for Dana Whitaker" in dialog.old_error.text() and dialog.isVisible()
    with world.uow() as uow:
        assert people.get_supervisor(uow, bare).password_hash is None
    _type(qtbot, dialog.old, PASSWORD)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.key_dialog is not None and len(dialog.key_dialog.key.text()) == 29
    dialog.key_dialog.accept()
    assert settings.supervisors_status.text() == "Password set for Mai Lê."
    with world.uow() as uow:
        assert people.get_supervisor(uow, bare).password_hash is not None
    # Dana cannot "set" her own password this way.
    _click_row(qtbot, settings, "Dana Whitaker")
    assert not settings.set_password_button.isEnabled()


def test_a_supervisor_who_left_is_handed_over(qtbot, world, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.rafael, name="Rafael Ortiz")
    settings = _settings(qtbot, window)
    with world.uow() as uow:  # Petra is also Rafael: he cannot take her over
        people.get_supervisee(uow, world.petra).same_person_supervisor_id = world.rafael
        uow.commit()
    _click_row(qtbot, settings, "Dana Whitaker")
    qtbot.mouseClick(settings.leave_button, Qt.MouseButton.LeftButton)
    dialog = settings.supervisor_dialog
    assert dialog.successor.currentText() == "Rafael Ortiz (CADC)"
    before = snapshot(world.db)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Petra Nowak: Rafael Ortiz cannot supervise their own hours" in dialog.error_text("successor")
    assert dialog.isVisible() and snapshot(world.db) == before
    dialog.reject()
    with world.uow() as uow:
        people.get_supervisee(uow, world.petra).same_person_supervisor_id = None
        uow.commit()
    qtbot.mouseClick(settings.leave_button, Qt.MouseButton.LeftButton)
    dialog = settings.supervisor_dialog
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert (
        "Dana Whitaker is marked inactive; 4 supervisees now with Rafael Ortiz"
        in settings.supervisors_status.text()
    )
    with world.uow() as uow:
        dana = people.get_supervisor(uow, world.dana)
        assert not dana.active and dana.successor_id == world.rafael
    row = next(i for i, r in enumerate(settings.supervisors.rows()) if r.name == "Dana Whitaker")
    assert settings.supervisors.data(settings.supervisors.index(row, 4)).startswith("Left ")
    _click_row(qtbot, settings, "Dana Whitaker")
    assert not settings.leave_button.isEnabled() and settings.reactivate_button.isEnabled()
    qtbot.mouseClick(settings.reactivate_button, Qt.MouseButton.LeftButton)
    with world.uow() as uow:
        assert people.get_supervisor(uow, world.dana).active


def test_change_supervisor_from_the_supervisee_page(qtbot, world, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    open_supervisee(qtbot, window, world.ana)
    page = window.detail
    assert page.change_supervisor_button.isVisible()
    qtbot.mouseClick(page.change_supervisor_button, Qt.MouseButton.LeftButton)
    dialog = page.change_supervisor_dialog
    assert "Dana Whitaker" in dialog.history.text()
    assert dialog.supervisor.currentText() == "Rafael Ortiz (CADC)"  # not the current one
    # Before Ana started: refused under the date, nothing changed.
    before = snapshot(world.db)
    dialog.date.setFocus()
    dialog.date.setDate(QDate(2000, 1, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "before Ana Example started" in dialog.error_text("effective_from")
    assert dialog.isVisible() and snapshot(world.db) == before
    day = TODAY - dt.timedelta(days=2)
    dialog.date.setDate(QDate(day.year, day.month, day.day))
    qtbot.keyClicks(dialog.reason, "Caseload")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with world.uow() as uow:
        assert people.get_supervisee(uow, world.ana).supervisor_id == world.rafael
        history = supervisors.supervisor_history(uow, supervisee_id=world.ana)
    assert [h.supervisor_name for h in history] == ["Dana Whitaker", "Rafael Ortiz"]
    assert history[1].since == day


def test_forgot_password_on_the_sign_in_screen(qtbot, world, make_controller) -> None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        key = auth.new_recovery_key_for(uow, supervisor_id=world.dana, password=PASSWORD)
        uow.commit()
    controller = make_controller(world.db)
    controller.start()
    sign_in_dialog = controller.dialog
    sign_in_dialog.supervisor.setCurrentIndex(sign_in_dialog.supervisor.findData(world.dana))
    qtbot.mouseClick(sign_in_dialog.forgot_button, Qt.MouseButton.LeftButton)
    dialog = sign_in_dialog.forgot_dialog
    assert dialog.windowTitle() == "Forgot password: Dana Whitaker"
    qtbot.keyClicks(dialog.old, "AAAAA-BBBBB-CCCCC")
    qtbot.keyClicks(dialog.passwords.first, NEW_PASSWORD)
    qtbot.keyClicks(dialog.passwords.second, NEW_PASSWORD)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Wrong recovery key for Dana Whitaker" in dialog.old_error.text()
    _type(qtbot, dialog.old, key.lower())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    new_key = dialog.key_dialog.key.text()
    assert new_key != key
    dialog.key_dialog.accept()
    window = sign_in(controller, world.dana, NEW_PASSWORD)
    assert window is not None


def test_the_successor_reviews_and_signs_what_was_left_pending(qtbot, world, make_window) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from supervisor_app.models import SignOff
    from supervisor_app.services import records, signoff
    from tests.conftest import session_fields

    with world.uow() as uow:
        left = [
            records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=d))).id
            for d in (4, 3)
        ]
        supervisors.supervisor_leaves(uow, supervisor_id=world.dana, successor_id=world.rafael)
        uow.commit()
    window = make_window(world.db, supervisor_id=world.rafael, name="Rafael Ortiz")
    settings = _settings(qtbot, window)
    _click_row(qtbot, settings, "Rafael Ortiz")
    assert not settings.inherited_button.isEnabled()
    _click_row(qtbot, settings, "Dana Whitaker")
    assert settings.inherited_button.isEnabled()
    qtbot.mouseClick(settings.inherited_button, Qt.MouseButton.LeftButton)
    dialog = settings.supervisor_dialog
    assert dialog.model.rowCount() == 2 and not dialog.sign_button.isEnabled()
    qtbot.mouseClick(dialog.select_all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    password = dialog.password_dialog
    assert "supervised by Dana Whitaker, as Rafael Ortiz" in password.message.text()
    qtbot.keyClicks(password.password, "not his password")
    qtbot.mouseClick(password.ok_button, Qt.MouseButton.LeftButton)
    assert "Wrong password for Rafael Ortiz" in password.error_text("password")
    with world.uow() as uow:
        assert signoff.pending_ids(uow, supervisor_id=world.dana) != []
    password.password.clear()
    qtbot.keyClicks(password.password, PASSWORD)
    qtbot.mouseClick(password.ok_button, Qt.MouseButton.LeftButton)
    assert not password.isVisible()
    assert dialog.status.text() == "Signed 2 records as Rafael Ortiz."
    assert dialog.model.rowCount() == 0
    with world.uow() as uow:
        signers = set(uow.session.scalars(select(SignOff.signer_id).where(SignOff.record_id.in_(left))))
        assert signers == {world.rafael}
        assert all(records.find_record(uow, rid).supervisor_id == world.dana for rid in left)
        assert signoff.verify(uow).ok


def test_the_first_account_is_shown_its_recovery_key(qtbot, db, make_controller) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(db)
    controller.start()
    dialog = controller.dialog
    qtbot.keyClicks(dialog.agency, "Lakeside Peer Center")
    qtbot.keyClicks(dialog.supervisor.edits["name"], "Rosa Diaz")
    qtbot.keyClicks(dialog.supervisor.edits["credentials"], "CRSS")
    qtbot.keyClicks(dialog.supervisor.edits["license_expires"], "next year")
    qtbot.keyClicks(dialog.passwords.first, PASSWORD)
    qtbot.keyClicks(dialog.passwords.second, PASSWORD)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "License expiry 'next year' is not a date" in dialog.error_text("license_expires")
    assert controller.window is None
    _type(qtbot, dialog.supervisor.edits["license_expires"], "2028-01-31")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert controller.window is not None
    key_dialog = dialog.key_dialog
    assert key_dialog is not None and key_dialog.isVisible() and len(key_dialog.key.text()) == 29
    with db.uow() as uow:
        rosa = people.list_supervisors(uow)[0]
        assert rosa.license_expires == dt.date(2028, 1, 31)
        auth.reset_with_recovery_key(
            uow, supervisor_id=rosa.id, recovery_key=key_dialog.key.text(), new_password=NEW_PASSWORD
        )
        uow.commit()
    key_dialog.accept()
