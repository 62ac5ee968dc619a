"""A supervisee's language in the app (issue 21): chosen in the supervisee dialog, shown on
their page, and the review with them shown in it (gettext's texts, Qt's own and the app's
translations), the supervisor's language back when the review ends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from supervisor_app import i18n
from supervisor_app.services import people, records
from supervisor_app.services.supervisee_edits import update_supervisee
from supervisor_app.ui import language_switch
from supervisor_app.ui.start_review_dialog import StartReviewDialog
from supervisor_app.ui.supervisee_dialog import SuperviseeDialog
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, TODAY, session_fields
from tests.ui.helpers import choose, open_supervisee, sign_in


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    while language_switch.switched():
        language_switch.restore_language()
    i18n.set_language("en")


def _language(world, supervisee_id: int) -> str | None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        return people.get_supervisee(uow, supervisee_id).language


def _info(detail) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {
        label.accessibleName(): label.text()
        for label in detail.findChildren(QLabel)
        if label.accessibleName()
    }


def test_the_language_is_chosen_in_the_dialog_and_shown_on_their_page(make_window, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    open_supervisee(qtbot, window, world.ana)
    detail = window.detail
    assert _info(detail)["Language of statements and review"] == "as the app"
    qtbot.mouseClick(detail.edit_button, Qt.MouseButton.LeftButton)
    dialog = detail.edit_dialog
    assert isinstance(dialog, SuperviseeDialog)
    combo = dialog.language
    assert [combo.itemText(i) for i in range(combo.count())] == ["As the app", "English", "Español"]
    assert combo.currentData() is None
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)  # the last: Español
    assert combo.currentData() == "es"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert _language(world, world.ana) == "es"
    assert _info(detail)["Language of statements and review"] == "Español"
    # Back to the app's: Home picks "As the app".
    qtbot.mouseClick(detail.edit_button, Qt.MouseButton.LeftButton)
    dialog = detail.edit_dialog
    assert dialog.language.currentData() == "es"
    dialog.language.setFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_Home)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _language(world, world.ana) is None


def test_a_new_supervisee_gets_a_language(make_window, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    choose(qtbot, window, window.new_supervisee_action)
    dialog = window.dialog
    assert isinstance(dialog, SuperviseeDialog)
    qtbot.keyClicks(dialog.name, "Lucia Ramos")
    dialog.language.setFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_End)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with world.uow() as uow:
        [lucia] = [s for s in people.list_supervisees(uow) if s.name == "Lucia Ramos"]
        assert lucia.language == "es"


def _signed_carla(world) -> None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        ids = [records.add_session(uow, **session_fields(world, supervisee_ids=[world.carla])).id]
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=ids)
    with world.uow() as uow:
        update_supervisee(
            uow,
            supervisee_id=world.carla,
            name="Carla Núñez",
            credential="CRSS",
            icb_id="A-2",
            start_date=TODAY - dt.timedelta(days=500),
            language="es",
        )
        uow.commit()


def _domain_names(window) -> list[str]:  # type: ignore[no-untyped-def]
    panel = window.detail.supervision_panel
    # "Advocacy\n(Defensa)": the reader's own name on a second line under the board's
    return [
        label.text().replace("\n", " ") for label in panel.findChildren(QLabel) if label.buddy() is not None
    ]


def test_a_spanish_supervisees_review_is_in_spanish_until_it_ends(qtbot, world, make_controller) -> None:  # type: ignore[no-untyped-def]
    _signed_carla(world)
    controller = make_controller(world.db)
    controller.start()
    window = sign_in(controller, world.dana, PASSWORD)
    open_supervisee(qtbot, window, world.carla)
    assert "Advocacy" in _domain_names(window)
    qtbot.mouseClick(window.detail.review_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, StartReviewDialog)
    assert dialog.language_note.isVisibleTo(dialog)
    assert "Español" in dialog.language_note.text() and "English" in dialog.language_note.text()
    qtbot.keyClick(dialog.supervisee, Qt.Key.Key_Return)
    review = controller.window
    assert review is not window and review.review
    # Built after the switch: gettext's texts, Qt's own and the app's are Spanish.
    assert i18n.current() == "es" and language_switch.switched()
    assert "Advocacy (Defensa)" in _domain_names(review)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    # The end of the review: a supervisor's password, then the supervisor's English again.
    qtbot.mouseClick(review.end_review_button, Qt.MouseButton.LeftButton)
    end = review.dialog
    qtbot.keyClicks(end.password, PASSWORD)
    qtbot.keyClick(end.password, Qt.Key.Key_Return)
    back = controller.window
    assert back is not review and not back.review
    assert i18n.current() == "en" and not language_switch.switched()
    assert "Advocacy" in _domain_names(back) and "Advocacy (Defensa)" not in _domain_names(back)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert back.windowTitle() == window.windowTitle()


def test_a_supervisee_without_a_language_is_reviewed_in_the_apps(qtbot, world, make_controller) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(world.db)
    controller.start()
    window = sign_in(controller, world.dana, PASSWORD)
    open_supervisee(qtbot, window, world.ana)
    qtbot.mouseClick(window.detail.review_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert not dialog.language_note.isVisibleTo(dialog)
    qtbot.keyClick(dialog.supervisee, Qt.Key.Key_Return)
    assert controller.window.review and i18n.current() == "en" and not language_switch.switched()


def test_ending_a_spanish_review_from_the_lock_screen_brings_english_back(
    qtbot, world, make_controller
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence

    from supervisor_app.ui.end_review_dialog import EndReviewDialog

    _signed_carla(world)
    controller = make_controller(world.db)
    controller.start()
    window = sign_in(controller, world.dana, PASSWORD)
    open_supervisee(qtbot, window, world.carla)
    qtbot.mouseClick(window.detail.review_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.dialog.supervisee, Qt.Key.Key_Return)
    review = controller.window
    assert i18n.current() == "es"
    review.activateWindow()  # a person's keys go to the window in front
    qtbot.waitUntil(review.isActiveWindow)
    qtbot.keySequence(review, QKeySequence("Ctrl+L"))
    lock = controller.lock_dialog
    assert isinstance(lock, EndReviewDialog)
    lock.password.setText(PASSWORD)
    qtbot.mouseClick(lock.end_button, Qt.MouseButton.LeftButton)
    assert not controller.ctx.review and i18n.current() == "en" and not language_switch.switched()
    assert "Advocacy (Defensa)" not in _domain_names(controller.window)
