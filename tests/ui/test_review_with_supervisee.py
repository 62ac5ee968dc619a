"""Review with a supervisee: a signed-in supervisor opens a read-only review for one named
supervisee; the window, its navigation, search, lock and quit stay on that person until a
supervisor's password ends it; group sessions name nobody else; both ends are audited."""

from __future__ import annotations

import datetime as dt
import sqlite3

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget

from supervisor_app import clock
from supervisor_app.models import Supervisor
from supervisor_app.services import audit, records
from supervisor_app.services.auth import MAX_FAILED_ATTEMPTS
from supervisor_app.ui.end_review_dialog import EndReviewDialog
from supervisor_app.ui.lock_cover import LockCover
from supervisor_app.ui.pages import Page
from supervisor_app.ui.sign_in_dialog import SignInDialog
from supervisor_app.ui.start_review_dialog import StartReviewDialog
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, session_fields
from tests.ui.helpers import choose, go_to, sign_in
from tests.ui.test_accessibility import unnamed_controls

TODAY = clock.today()
OTHERS = ("Ana Example", "Ben Example", "Petra Nowak")  # everyone but Carla


def _group_session(world) -> str:  # type: ignore[no-untyped-def]
    """A signed group session of Ana, Ben and Carla, and an individual one of Carla's."""
    with world.uow() as uow:
        group = records.add_session(
            uow,
            **session_fields(
                world,
                supervisee_ids=[world.ana, world.ben, world.carla],
                format="group",
                topics="Group: sharing your story",
            ),
        ).id
        single = records.add_session(
            uow, **session_fields(world, supervisee_ids=[world.carla], date=TODAY - dt.timedelta(days=8))
        ).id
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[group, single])
    return group


def _review_carla(qtbot, world, controller):  # type: ignore[no-untyped-def]
    """Dana signs in, finds Carla, and opens a review with her (Enter in the dialog)."""
    controller.start()
    window = sign_in(controller, world.dana, PASSWORD)
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Find))  # the supervisee list's search
    qtbot.keyClicks(window.list_page.search, "Carla")
    qtbot.mouseClick(window.list_page.open_button, Qt.MouseButton.LeftButton)
    detail = window.detail
    assert detail.supervisee_id == world.carla
    assert detail.review_button.text() == "Review &with Carla Núñez…"
    qtbot.mouseClick(detail.review_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, StartReviewDialog) and dialog.supervisee.currentData() == world.carla
    assert unnamed_controls(dialog) == []
    qtbot.keyClick(dialog.supervisee, Qt.Key.Key_Return)
    review = controller.window
    assert review is not window and review.review
    review.activateWindow()  # a person's keys go to the window in front
    qtbot.waitUntil(review.isActiveWindow)
    return review


def _texts(root: QWidget) -> str:
    """Every piece of text the window shows: labels, buttons, fields, combo items, table cells
    and their tooltips, titles."""
    parts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            parts += [widget.text(), widget.toolTip()]
        elif isinstance(widget, QLineEdit):
            parts.append(widget.text())
        elif isinstance(widget, QComboBox):
            parts += [widget.itemText(i) for i in range(widget.count())]
    for table in (root.detail.sessions, root.detail.experience):
        model = table.model
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                parts += [
                    str(model.data(index) or ""),
                    str(model.data(index, Qt.ItemDataRole.ToolTipRole) or ""),
                ]
    return "\n".join(parts)


def _records(world) -> list[str]:  # type: ignore[no-untyped-def]
    """Every row but the audit trail and the supervisors' attempt counters."""
    conn = sqlite3.connect(world.db.path)
    try:
        return [
            line
            for line in conn.iterdump()
            if not line.startswith(('INSERT INTO "audit_event"', 'INSERT INTO "supervisor"'))
        ]
    finally:
        conn.close()


def _events(world, action: str) -> list[audit.AuditEntry]:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        return [e for e in audit.list_events(uow) if e.action == action]


def test_the_sign_in_screen_offers_no_review_without_a_password(world, make_controller) -> None:
    controller = make_controller(world.db)
    controller.start()
    dialog = controller.dialog
    assert isinstance(dialog, SignInDialog)
    assert not hasattr(dialog, "supervisee") and not hasattr(dialog, "review_button")
    buttons = [b.text().replace("&", "") for b in dialog.findChildren(QAbstractButton)]
    assert not [b for b in buttons if "Review" in b]
    shown = "\n".join(w.text() for w in dialog.findChildren(QLabel)) + "\n".join(
        c.itemText(i) for c in dialog.findChildren(QComboBox) for i in range(c.count())
    )
    for name in (*OTHERS, "Carla Núñez"):  # no supervisee is named before a supervisor signs in
        assert name not in shown
    assert "Review with" in shown  # where the review is now


def test_a_supervisor_opens_a_review_for_one_named_supervisee_and_it_is_audited(
    qtbot, world, make_controller
) -> None:
    controller = make_controller(world.db)
    window = _review_carla(qtbot, world, controller)
    identity = controller.ctx.identity
    assert identity.supervisee_id == world.carla and identity.reviewer_id == world.dana
    assert identity.supervisor_id is None and controller.ctx.read_only
    assert [window.pages.item(page).text() for page in window.pages.pages()] == [
        "My progress",
        "My statement",
    ]
    assert window.detail.supervisee_id == world.carla
    assert "Carla Núñez" in window.windowTitle() and "review" in window.windowTitle()
    assert "Carla Núñez" in window.who_label.text()
    started = _events(world, audit.AuditAction.REVIEW_START)
    assert len(started) == 1
    assert started[0].actor == f"supervisor:{world.dana}" and started[0].supervisee_id == world.carla
    assert f'"supervisor_id": {world.dana}' in started[0].details
    # Leaving is not on offer without the password: no sign-out, no "Review with" again.
    assert not window.sign_out_action.isVisible() and not window.sign_out_action.isEnabled()
    assert not window.review_action.isVisible() and window.end_review_action.isVisible()


def test_the_file_menu_opens_the_review_for_the_supervisee_on_show_or_chosen(
    qtbot, world, make_controller
) -> None:
    controller = make_controller(world.db)
    controller.start()
    window = sign_in(controller, world.dana, PASSWORD)
    window.list_page.select_id(world.ben)
    choose(qtbot, window, window.review_action)
    dialog = window.dialog
    assert isinstance(dialog, StartReviewDialog) and dialog.supervisee.currentData() == world.ben
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Cancel: nothing starts, nothing recorded
    assert controller.window is window and not controller.ctx.review
    assert _events(world, audit.AuditAction.REVIEW_START) == []
    go_to(qtbot, window, Page.RECORDS)  # Records: nobody on show, the supervisor picks
    choose(qtbot, window, window.review_action)
    dialog = window.dialog
    dialog.supervisee.setFocus()
    dialog.supervisee.setCurrentIndex(dialog.supervisee.findData(world.petra))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert controller.ctx.identity.supervisee_id == world.petra
    assert controller.window.detail.supervisee_id == world.petra


def test_the_review_reaches_nobody_else_by_any_route(qtbot, world, make_controller, tmp_path) -> None:
    _group_session(world)
    controller = make_controller(world.db)
    window = _review_carla(qtbot, world, controller)
    detail = window.detail
    # Navigation: two screens, both Carla's; Ctrl+1, Ctrl+2, and no Ctrl+3 at all.
    shortcuts = {s.toString() for a in window.actions_with_shortcuts() for s in a.shortcuts()}
    assert "Ctrl+3" not in shortcuts
    for keys in ("Ctrl+2", "Ctrl+1", "Ctrl+3", "Ctrl+5"):
        qtbot.keySequence(window, QKeySequence(keys))
        assert detail.supervisee_id == world.carla
    assert window.current_page() is detail
    # Back and forward (Alt+Left, the mouse's back button): nowhere to go.
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert not window.back_action.isEnabled() and window.current_page() is detail
    window.back_action.trigger()  # disabled, so no widget offers it: even from code it does nothing
    window.back_to_list()  # from code too: there is no list to go back to
    assert window.current_page() is detail and window.list_page is None
    # Search (Ctrl+F): no search box anywhere, and no list of people behind it.
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Find))
    assert window.current_page() is detail and not isinstance(window.focusWidget(), QLineEdit)
    # The statement page offers Carla alone; no tab of her page names anyone else.
    go_to(qtbot, window, Page.ATTESTATIONS)
    page = window.attestations
    assert [page.supervisee.itemText(i) for i in range(page.supervisee.count())] == ["Carla Núñez"]
    assert not page.supervisee.isEnabled()
    go_to(qtbot, window, Page.DETAIL)
    for tab in range(detail.tabs.count()):
        detail.tabs.setCurrentIndex(tab)
        text = _texts(window)
        for name in OTHERS:
            assert name not in text, (name, tab)
    for page_name in ("records_page", "to_sign", "audit", "settings_page"):
        assert getattr(window, page_name) is None
    # The statement she can save names only her.
    go_to(qtbot, window, Page.ATTESTATIONS)
    page.ask_save_path = lambda _suggested: str(tmp_path / "statement.pdf")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    pdf = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "statement.pdf").pages)
    assert "Carla Núñez" in pdf and not [name for name in OTHERS if name in pdf]


def test_group_sessions_show_only_the_size_of_the_group_in_review(qtbot, world, make_controller) -> None:
    _group_session(world)
    controller = make_controller(world.db)
    window = _review_carla(qtbot, world, controller)
    detail = window.detail
    qtbot.keyClick(detail.tabs, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Sessio&ns
    assert detail.tabs.currentWidget() is detail.sessions
    model = detail.sessions.model
    column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index(
        "Attendees"
    )
    shown = [model.index(r, column).data() for r in range(model.rowCount())]
    tips = [model.index(r, column).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    assert sorted(shown) == ["Carla Núñez", "Group of 3"]
    assert sorted(tips) == ["Carla Núñez", "Group of 3"]
    # The supervisor, back in their own view, sees the names as before.
    qtbot.mouseClick(window.end_review_button, Qt.MouseButton.LeftButton)
    end = window.dialog
    qtbot.keyClicks(end.password, PASSWORD)
    qtbot.keyClick(end.password, Qt.Key.Key_Return)
    supervisor_view = controller.window
    assert not supervisor_view.review and supervisor_view.detail.supervisee_id == world.carla
    model = supervisor_view.detail.sessions.model
    names = {model.index(r, column).data() for r in range(model.rowCount())}
    assert "Ana Example, Ben Example, Carla Núñez" in {", ".join(sorted(n.split(", "))) for n in names}


def test_a_wrong_password_stays_in_the_review_and_changes_nothing_but_the_count(
    qtbot, world, make_controller
) -> None:
    controller = make_controller(world.db)
    window = _review_carla(qtbot, world, controller)
    qtbot.keyClick(window.nav, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # En&d review…
    qtbot.waitUntil(lambda: window.dialog is not None)  # a mnemonic clicks the button as a mouse would
    dialog = window.dialog
    assert isinstance(dialog, EndReviewDialog) and dialog.supervisor.currentData() == world.dana
    assert unnamed_controls(dialog) == [] and unnamed_controls(window) == []
    assert dialog.password.hasFocus() or dialog.focusWidget() is dialog.password
    before = _records(world)
    qtbot.keyClicks(dialog.password, "not the password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "Wrong password for Dana Whitaker. 4 attempts left" in dialog.error.text()
    assert dialog.isVisible() and controller.window is window and controller.ctx.review
    assert controller.ctx.identity.supervisee_id == world.carla
    assert _events(world, audit.AuditAction.REVIEW_END) == []
    failed = _events(world, audit.AuditAction.FAILED_SIGN_IN)
    assert len(failed) == 1 and failed[0].actor == f"supervisor:{world.dana}"
    with world.uow() as uow:
        assert uow.session.get(Supervisor, world.dana).failed_attempts == 1
    assert _records(world) == before
    # Esc keeps the review; nothing else was written (only the counted attempt above).
    qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and controller.window is window and controller.ctx.review
    # The lock-out is the usual one: five wrong passwords lock Dana for five minutes.
    qtbot.mouseClick(window.end_review_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        dialog.password.setText("still wrong")
        qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    assert "locked for Dana Whitaker" in dialog.error.text()
    dialog.password.setText(PASSWORD)  # even the right one, while locked
    qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    assert "Signing is locked for Dana Whitaker" in dialog.error.text()
    assert controller.window is window and controller.ctx.review
    assert len(_events(world, audit.AuditAction.LOCKED)) == 1
    assert _events(world, audit.AuditAction.REVIEW_END) == []
    # Another supervisor's password ends it (and that supervisor is then signed in).
    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData(world.rafael))
    qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    assert controller.ctx.identity.supervisor_id == world.rafael and not controller.ctx.review
    assert _records(world) == before  # the attempts and the review's end are all that was written


def test_the_right_password_leaves_the_review_on_the_supervisees_page(qtbot, world, make_controller) -> None:
    controller = make_controller(world.db)
    window = _review_carla(qtbot, world, controller)
    qtbot.mouseClick(window.end_review_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    back = controller.window
    assert back is not window and not back.review and controller.ctx.supervisor_id == world.dana
    assert back.current_page() is back.detail and back.detail.supervisee_id == world.carla
    assert back.list_page is not None and len(back.pages.pages()) == 7  # with Due (issue 20)
    ended = _events(world, audit.AuditAction.REVIEW_END)
    assert len(ended) == 1
    assert ended[0].actor == f"supervisor:{world.dana}" and ended[0].supervisee_id == world.carla


def test_lock_and_idle_keep_the_review_on_the_person(qtbot, world, make_controller, prefs) -> None:
    prefs.idle_minutes = 1
    controller = make_controller(world.db)
    window = _review_carla(qtbot, world, controller)
    qtbot.keySequence(window, QKeySequence("Ctrl+L"))
    lock = controller.lock_dialog
    assert isinstance(lock, EndReviewDialog) and lock.isVisible() and unnamed_controls(lock) == []
    assert [c.parentWidget() for c in controller._covers] == [window]
    assert "Carla Núñez" in lock.findChildren(QLabel)[0].text()
    qtbot.keyClick(lock.password, Qt.Key.Key_Escape)  # Esc does not unlock
    assert controller.locked and lock.isVisible()
    qtbot.keyClicks(lock.password, "wrong")
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)  # Enter: Continue review
    assert "Wrong password" in lock.error.text() and controller.locked
    lock.password.setText(PASSWORD)
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    assert not controller.locked and controller.window is window and controller.ctx.review
    assert controller.ctx.identity.supervisee_id == world.carla
    assert not [c for c in window.findChildren(LockCover) if c.isVisible()]
    assert _events(world, audit.AuditAction.REVIEW_END) == []

    controller.idle.last_input -= 61  # a minute without keyboard or mouse
    controller.idle.check()
    lock = controller.lock_dialog
    assert isinstance(lock, EndReviewDialog) and controller.window is window
    lock.password.setText(PASSWORD)
    qtbot.mouseClick(lock.end_button, Qt.MouseButton.LeftButton)
    assert not controller.locked and not controller.ctx.review
    assert controller.window.detail.supervisee_id == world.carla
    assert len(_events(world, audit.AuditAction.REVIEW_END)) == 1


def test_quitting_a_review_needs_a_supervisors_password(qtbot, world, make_controller) -> None:
    controller = make_controller(world.db)
    window = _review_carla(qtbot, world, controller)
    finished: list[int] = []
    controller.finished.connect(finished.append)
    choose(qtbot, window, window.quit_action)
    dialog = window.dialog
    assert isinstance(dialog, EndReviewDialog) and window.isVisible() and finished == []
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert window.isVisible() and controller.ctx.review and finished == []
    window.close()  # the window's own close button
    dialog = window.dialog
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    assert finished == [0]
    assert len(_events(world, audit.AuditAction.REVIEW_END)) == 1
