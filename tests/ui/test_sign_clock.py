"""Signing in the app while the computer's clock reads earlier than the newest signature: a
question first; No changes nothing and says why in the dialog, Yes signs with the clock as it is."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from supervisor_app import clock
from supervisor_app.models import utcnow
from supervisor_app.services import records, signoff
from supervisor_app.ui.pages import Page
from supervisor_app.ui.password_dialog import PasswordDialog
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, session_fields, snapshot
from tests.ui.helpers import go_to

TODAY = clock.today()


def _setup(world) -> list[str]:  # type: ignore[no-untyped-def]
    """One session signed while the clock was a day ahead, and one pending."""
    with world.uow() as uow:
        ids = [
            records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=d))).id
            for d in (2, 1)
        ]
        uow.commit()
    with world.uow() as uow:
        signing.sign(
            uow,
            supervisor_id=world.dana,
            password=PASSWORD,
            record_ids=ids[:1],
            now=utcnow() + dt.timedelta(days=1),
        )
    return ids


def _status(world, record_id: str) -> str:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        return records.display_status(uow, records.find_record(uow, record_id)).value


def _submit(qtbot, dialog: PasswordDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_no_keeps_the_records_pending_and_says_why(world, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _signed, pending = _setup(world)
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.TO_SIGN)
    asked: list[str] = []
    window.actions.confirm = lambda title, _text: asked.append(title) or False
    qtbot.mouseClick(window.to_sign.select_all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.to_sign.sign_button, Qt.MouseButton.LeftButton)
    dialog = window.actions.dialog
    assert isinstance(dialog, PasswordDialog)
    before = snapshot(world.db)
    _submit(qtbot, dialog)
    assert asked == ["Is the computer's clock right?"]
    assert dialog.isVisible()
    assert "earlier than the newest signature" in dialog.general_error.text()
    assert _status(world, pending) == "pending"
    assert snapshot(world.db) == before


def test_yes_signs_with_the_clock_as_it_is(world, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _signed, pending = _setup(world)
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.TO_SIGN)
    texts: list[str] = []
    window.actions.confirm = lambda _title, text: texts.append(text) or True
    qtbot.mouseClick(window.to_sign.select_all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.to_sign.sign_button, Qt.MouseButton.LeftButton)
    dialog = window.actions.dialog
    _submit(qtbot, dialog)
    assert len(texts) == 1 and "(#1, " in texts[0]
    assert not dialog.isVisible()
    assert _status(world, pending) == "signed"
    with world.uow() as uow:
        report = signoff.verify(uow)
    assert report.ok and [w.record_id for w in report.warnings] == [pending]


def test_verify_on_the_audit_page_lists_the_warning(world, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _signed, pending = _setup(world)
    with world.uow() as uow:
        signing.sign(
            uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[pending], clock_is_right=True
        )
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.AUDIT)
    page = window.audit
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report is not None)
    assert "All good" in page.result.text()
    items = [page.problems.item(i).text() for i in range(page.problems.count())]
    assert len(items) == 1 and items[0].startswith(f"Warning, record {pending}: signature #2 is dated")
