"""Hours files in the app: a supervisor gives a supervisee their hours file; another agency's
database imports it (what it holds shown first, a same-name person linked on request) and its
records arrive signed and read-only, naming who signed them and where; a tampered file is
refused in words with nothing written; the supervisee opens their files with no account."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QRadioButton

from supervisor_app import clock
from supervisor_app.db import Database, open_database
from supervisor_app.services import hours_files, people, records
from supervisor_app.ui.hours_window import HoursWindow, open_hours_window
from supervisor_app.ui.lazy_model import ROW_ROLE
from supervisor_app.ui.sign_in_dialog import SignInDialog
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, TODAY, experience_fields, session_fields, snapshot
from tests.ui.helpers import choose, open_supervisee


def _signed_records(world) -> None:  # type: ignore[no-untyped-def]
    """Ana: a 90-minute session and 30 hours of experience, signed by Dana (Prairie Lakes)."""
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world, minutes=90, allocations={"advocacy": 90}))
        records.add_experience(uow, **experience_fields(world))
        uow.commit()
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)


@pytest.fixture
def ana_file(world, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    _signed_records(world)
    path = tmp_path / "ana.hours"
    with world.uow() as uow:
        hours_files.write_hours_file(uow, supervisee_id=world.ana, path=path)
        uow.commit()
    return path


@pytest.fixture
def other(tmp_path: Path) -> Iterator[tuple[Database, int, int]]:
    """Lakeshore: its own database (its own chain), Mei, and an Ana Example of its own."""
    db = open_database(tmp_path / "lakeshore.db")
    with db.uow("test") as uow:
        mei = people.add_supervisor(
            uow, name="Mei Chen", credentials="CRSS", agency="Lakeshore (TEST)", password=PASSWORD
        )
        ana = people.add_supervisee(
            uow, name="Ana  example", credential="CRSS", start_date=TODAY - dt.timedelta(days=90)
        )
        uow.commit()
        ids = (mei.id, ana.id)
    yield db, *ids
    db.close()


def _click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    """A click where a person would: on a radio button's circle, else in the middle."""
    assert widget.isVisible() and widget.isEnabled(), widget.text()
    at = QPoint(8, widget.height() // 2) if isinstance(widget, QRadioButton) else widget.rect().center()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=at)


def test_give_a_supervisee_their_hours_file_from_their_page(world, make_window, qtbot, tmp_path) -> None:
    _signed_records(world)
    window = make_window(world.db, supervisor_id=world.dana)
    open_supervisee(qtbot, window, world.ana)
    detail = window.detail
    button = detail.hours_file_button
    assert button.text() == "Give Ana Example their hours &file…"
    asked: list[str] = []
    window.transfer.ask_hours_path = lambda suggested: (asked.append(suggested), str(tmp_path / "for ana"))[1]
    _click(qtbot, button)

    assert asked == [f"Ana Example hours {clock.today().isoformat()}.hours"]
    saved = tmp_path / "for ana.hours"  # the extension is added
    assert saved.is_file()
    back = hours_files.read_hours_file(saved)
    assert back.supervisee["name"] == "Ana Example" and len(back.records) == 2
    box = window.transfer.box
    assert box is not None and box.isVisible()
    text = box.text()
    assert str(saved) in text
    assert "2 signed records" in text
    assert "1.50 h of supervision and 30.00 h of experience" in text
    assert "signed by Dana Whitaker" in text


def test_the_file_menu_names_the_supervisee_on_show_and_gives_their_file(
    qtbot, world, make_window, tmp_path
) -> None:
    _signed_records(world)
    window = make_window(world.db, supervisor_id=world.dana)
    open_supervisee(qtbot, window, world.ben)
    bar = window.menuBar()
    file_menu = bar.actions()[0]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(file_menu).center())
    qtbot.waitUntil(file_menu.menu().isVisible)
    assert window.give_hours_action.text() == "&Give Ben Example their hours file…"
    qtbot.keyClick(file_menu.menu(), Qt.Key.Key_Escape)
    window.transfer.ask_hours_path = lambda suggested: str(tmp_path / suggested)
    choose(qtbot, window, window.give_hours_action)
    saved = tmp_path / f"Ben Example hours {clock.today().isoformat()}.hours"
    assert hours_files.read_hours_file(saved).records == []  # Ben has no signed records
    assert "0 signed records" in window.transfer.box.text()


def test_importing_an_hours_file_shows_it_links_the_same_name_and_records_arrive_signed_read_only(
    ana_file, other, make_window, qtbot
) -> None:
    db, mei, local_ana = other
    window = make_window(db, supervisor_id=mei, name="Mei Chen")
    before = snapshot(db)
    window.transfer.ask_import_file = lambda: str(ana_file)
    choose(qtbot, window, window.import_action)
    dialog = window.transfer.dialog
    assert dialog is not None and dialog.objectName() == "hours_import_dialog" and dialog.isVisible()
    assert dialog.fields["supervisee"].text() == "Ana Example (CRSS, ICB id A-0)"
    assert dialog.fields["records"].text() == "2 signed records"
    assert dialog.fields["hours"].text() == "1.50 h of supervision, 30.00 h of experience"
    assert dialog.fields["signed_by"].text() == "Dana Whitaker"
    assert dialog.fields["where"].text() == "Prairie Lakes (TEST)"
    # Someone here has her name under another id: nothing imports until the supervisor says who.
    assert dialog.person_box.isVisible()
    assert not dialog.import_button.isEnabled()
    link, new = dialog.choice.buttons()
    assert link.text() == f"The same person: link to Ana  example (id {local_ana})"
    assert new.text() == "Someone else: add Ana Example as a new person"
    assert snapshot(db) == before  # looking changed nothing
    _click(qtbot, link)
    assert dialog.import_button.text() == "&Import 2 records"
    _click(qtbot, dialog.import_button)
    assert "Imported 2 signed records for Ana  example." in dialog.status.text()
    assert "linked to Ana  example" in dialog.status.text()
    _click(qtbot, dialog.close_button)

    open_supervisee(qtbot, window, local_ana)
    table = window.detail.sessions
    assert table.model.rowCount() == 1
    model = table.model
    status_column = next(i for i, c in enumerate(model.columns) if c.title == "Status")
    index = model.index(0, status_column)
    assert model.data(index) == "Signed elsewhere"
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "Signed by Dana Whitaker at Prairie Lakes (TEST), in another database" in tip
    table.select_row(0)
    assert table.current() is not None
    for button in table.buttons:
        assert not button.isEnabled()
        assert "read-only here" in button.toolTip()
    experience = window.detail.experience
    experience.select_row(0)
    assert not experience.amend_button.isEnabled() and not experience.void_button.isEnabled()
    assert experience.model.data(experience.model.index(0, 0), ROW_ROLE).arrival.signer == "Dana Whitaker"
    # Her progress here counts them, signed.
    progress = window.detail.data.progress
    assert (progress.supervision.signed_minutes, progress.experience.signed_minutes) == (90, 1800)


def test_a_tampered_hours_file_is_refused_in_words_and_nothing_is_written(
    qtbot, ana_file, other, make_window, tmp_path
) -> None:
    db, mei, _ana = other
    tampered = tmp_path / "tampered.hours"
    with zipfile.ZipFile(ana_file) as source, zipfile.ZipFile(tampered, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "records.json":
                rows = json.loads(data)
                session = next(r for r in rows if r["kind"] == "session")
                session["content"][6] = "900"  # 90 minutes made 900
                data = json.dumps(rows).encode()
            target.writestr(name, data)
    before = snapshot(db)
    window = make_window(db, supervisor_id=mei, name="Mei Chen")
    window.transfer.ask_import_file = lambda: str(tampered)
    choose(qtbot, window, window.import_action)
    dialog = window.transfer.dialog
    assert dialog.objectName() == "hours_import_dialog"
    text = dialog.status.text()
    assert text.startswith("tampered.hours is refused, nothing was imported: record ")
    assert "its content is not what was signed (the record was altered)" in text
    assert not dialog.import_button.isEnabled() and not dialog.contents.isVisible()
    assert dialog.close_button.text() == "Close"
    dialog.import_now()  # even forced, nothing happens
    assert snapshot(db) == before


def test_open_hours_shows_the_supervisees_progress_with_no_sign_in(ana_file, runner, prefs, qtbot) -> None:
    opened: list[HoursWindow] = []
    open_hours_window([str(ana_file)], runner=runner, prefs=prefs, on_open=opened.append)
    assert len(opened) == 1
    window = opened[0]
    qtbot.addWidget(window)
    try:
        assert window.isVisible()
        assert window.windowTitle() == "ana.hours (hours file, read only)"
        assert "Ana Example's hours file(s)" in window.banner_text.text()
        assert "ana.hours" in window.banner_text.text()
        assert window.ctx.read_only and window.ctx.supervisor_id is None
        assert not any(isinstance(w, SignInDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
        detail = window.detail
        assert detail.data.progress.supervision.signed_minutes == 90
        assert detail.supervision_panel.bars["total"].format().startswith("1.50 of ")
        assert detail.experience_panel.bars["total"].format().startswith("30.00 of ")
        for button in (detail.edit_button, detail.hours_file_button, detail.new_session_button):
            assert not button.isVisible()
        # My statement: their own, printable; the records list is read-only.
        nav, row = window.nav, window.stack.indexOf(window.statement)
        qtbot.mouseClick(
            nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(row)).center()
        )
        assert window.stack.currentWidget() is window.statement
        assert window.statement.can_print
        assert window.statement.supervisee.currentText() == "Ana Example"
        assert not window.statement.supervisee.isEnabled()
        assert all(not b.isVisible() for b in detail.sessions.buttons)
    finally:
        folder = window.view.folder
        window.close()
    assert not folder.exists()  # the temporary copy is gone


def test_open_hours_refuses_a_file_that_is_not_one(runner, prefs, tmp_path) -> None:
    path = tmp_path / "notes.hours"
    path.write_text("not an hours file")
    opened: list[HoursWindow] = []
    refused: list[BaseException] = []
    open_hours_window(
        [str(path)], runner=runner, prefs=prefs, on_open=opened.append, on_refused=refused.append
    )
    assert not opened
    assert "notes.hours is refused" in str(refused[0])


@pytest.mark.parametrize("screen", ["sign-in", "first-run"])
def test_a_supervisee_opens_their_hours_file_from_the_start_screen(
    screen, world, ana_file, make_controller, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """No account needed: on the sign-in screen of an agency's file, or on the first-run
    screen of a new one (a supervisee's own laptop), 'Open an hours file…' shows their hours
    read-only; nothing is written to the database and nobody signs in."""
    db = world.db if screen == "sign-in" else open_database(tmp_path / "mine.db")
    controller = make_controller(db)
    controller.start()
    dialog = controller.dialog
    qtbot.waitExposed(dialog)
    asked: list[object] = []

    def choose(parent):  # type: ignore[no-untyped-def]
        asked.append(parent)
        return [str(ana_file)]

    controller.ask_hours_files = choose
    before = snapshot(db)
    qtbot.mouseClick(dialog.hours_button, Qt.MouseButton.LeftButton)

    assert asked == [dialog]
    [window] = controller.hours_windows
    try:
        assert window.isVisible() and window.ctx.read_only and window.ctx.supervisor_id is None
        assert window.detail.data.progress.supervision.signed_minutes == 90
        assert dialog.isVisible()  # the start screen stays for whoever comes next
    finally:
        window.close()
    assert snapshot(db) == before
    if screen == "first-run":
        db.close()
