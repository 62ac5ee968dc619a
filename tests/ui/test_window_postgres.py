"""The desktop app on the agency database (PostgreSQL, a director's desk), driven through events
on the real server the test session starts: sign in, every page, a session added and signed,
the supervisee list's figures, the file-only parts hidden or disabled with the reason, and a
server that stops (a calm message, nothing half-written)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import func, select

from supervisor_app import clock
from supervisor_app.models import SupervisionSession
from supervisor_app.services import attestation, people, records
from supervisor_app.services.overview import supervisee_summaries
from supervisor_app.ui.common import SERVER_LOST, _tr, to_qdate
from supervisor_app.ui.pages import Page
from supervisor_app.ui.password_dialog import PasswordDialog
from supervisor_app.ui.session_editor import SessionEditor
from supervisor_app.ui.sign_in_dialog import SignInDialog
from supervisor_app.ui.supervisee_table_model import SuperviseeTableModel
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, session_fields
from tests.ui.helpers import go_to, open_supervisee
from tests.ui.test_every_button import click_every_page, closer, three_sessions_two_signed  # noqa: F401 - the fixture

pytestmark = pytest.mark.postgres
TODAY = clock.today()


@pytest.fixture
def backend() -> str:
    """``db`` and ``world`` (tests/conftest.py) on a fresh agency database of the session's server."""
    return "postgres"


def _sign_in(qtbot: Any, launch: Any, url: str, supervisor_id: int) -> Any:
    started = launch(url)
    assert started.dialog is None, "the agency database was refused"
    assert started.opened[-1].lock is None  # a server: no lock file
    controller = started.controller()
    dialog = controller.dialog
    assert isinstance(dialog, SignInDialog)
    assert (
        not dialog.open_button.isEnabled() and "start the app with that file" in dialog.open_button.toolTip()
    )
    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData(supervisor_id))
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert controller.window is not None
    return controller


def test_the_window_opens_on_the_agency_database_and_every_page_shows(world, launch, qtbot) -> None:
    url = world.db.url
    controller = _sign_in(qtbot, launch, url, world.dana)
    window = controller.window
    qtbot.waitExposed(window)
    server = url.rsplit("@", 1)[1]  # 127.0.0.1:port/test_n
    host_port, database = server.split("/")
    place = f"{database} on {host_port}"
    # The title and the status bar name the server and the database; never the URL (a password
    # may be in it), nor the user.
    assert window.windowTitle() == f"Dana Whitaker — agency database {place}"
    assert window.db_label.text() == f"Agency database: {place}"
    assert "supervisor_app_test" not in window.windowTitle() + window.db_label.text()
    assert controller.prefs.last_database != url  # the next start does not pick a URL as a file

    for page in window.pages.pages():
        go_to(qtbot, window, page)  # pytest-qt fails the test on any exception in a slot
        assert window.current_page() is not None
    open_supervisee(qtbot, window, world.ana)
    assert window.detail.supervisee_id == world.ana

    # File-only things: hidden or disabled, and the page says why.
    go_to(qtbot, window, Page.SETTINGS)
    settings = window.settings_page
    assert settings.path.text() == f"Agency database: {place}"
    assert not settings.backup_button.isVisibleTo(settings)
    assert not settings.backups_box.isVisibleTo(settings)
    assert (
        not settings.open_button.isEnabled()
        and "start the app with that file" in settings.open_button.toolTip()
    )
    assert settings.backup_status.isVisibleTo(settings)
    assert "backed up by its administrator" in settings.backup_status.text()
    assert not window.open_action.isEnabled()
    assert window.open_action.toolTip() == settings.open_button.toolTip()  # one reason, said alike
    assert not window.server_banner.isVisible()


def test_a_session_added_and_signed_at_the_desk_shows_in_the_list(world, launch, qtbot) -> None:
    controller = _sign_in(qtbot, launch, world.db.url, world.dana)
    window = controller.window
    editor = window.actions.new_session([world.ana])
    assert isinstance(editor, SessionEditor)
    editor.date.setDate(to_qdate(TODAY - dt.timedelta(days=1)))
    editor.minutes.setValue(60)
    editor.allocations.spin("advocacy").setValue(60)
    editor.topics.setPlainText("Boundaries and self-care")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible(), editor.general_error.text()

    go_to(qtbot, window, Page.TO_SIGN)
    page = window.to_sign
    assert page.model.rowCount() == 1
    qtbot.mouseClick(page.select_all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    dialog = window.actions.dialog
    assert isinstance(dialog, PasswordDialog)
    dialog.password.setText("wrong password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "Wrong password" in dialog.error_text("password")
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.model.rowCount() == 0
    with world.db.uow(reading=True) as uow:
        rows = records.list_records(uow, "session", supervisee_id=world.ana)
        expected = {s.id: s.supervision_counted_minutes for s in supervisee_summaries(uow)}
    assert [r["status"] for r in rows] == ["signed"]

    go_to(qtbot, window, Page.SUPERVISEES)
    list_page = window.list_page
    qtbot.waitUntil(lambda: all(row.figures for row in list_page.model.rows()))
    shown = {row.id: row.supervision_counted_minutes for row in list_page.model.rows()}
    assert shown == expected and shown[world.ana] == 60


def test_every_button_of_the_desk(world, make_window, qtbot, closer) -> None:  # noqa: F811
    ids = three_sessions_two_signed(world)
    window = make_window(world.db, supervisor_id=world.dana)
    qtbot.waitExposed(window)
    window.attestations.set_supervisee(world.ana)
    asked_pdf: list[str] = []
    window.attestations.ask_save_path = lambda suggested: asked_pdf.append(suggested) or ""
    clicked = click_every_page(qtbot, closer, window, world.ana)
    assert {"Amend…", "Void…"} <= set(clicked["RecordsPage"])
    assert {"Sign 1 selected…", "Edit…", "Delete"} <= set(clicked["ToSignPage"])
    assert {"Preview", "Print…", "Save PDF…"} <= set(clicked["AttestationsPage"]) and asked_pdf
    assert "Verify records" in clicked["AuditPage"]
    # Nothing of the file's: no backup, restore or other file to click.
    settings = set(clicked["SettingsPage"])
    assert {"Change my password…", "New supervisor…"} <= settings
    assert not settings & {
        "Back up now…",
        "Restore this backup…",
        "Open backups folder",
        "Open another database…",
    }
    assert {"Back to list", "Attestation…", "Edit details…"} <= set(clicked["SuperviseeDetailPage"])
    assert any("PrintDialog" in name for name in closer.closed), closer.closed
    assert not [name for name in closer.closed if "Not done" in name], closer.closed
    with world.uow() as uow:
        assert attestation.list_attestations(uow) == []  # the print dialog was closed: nothing printed
        assert records.find_record(uow, ids[2]) is not None  # Delete was not confirmed


# A server that stops ------------------------------------------------------------------------


@pytest.fixture
def own_server() -> Iterator[Any]:
    """A server of this test's own, to stop and start again (the session's serves the others)."""
    from postgres import NO_SERVER, PostgresServer, server_bin_dir

    if server_bin_dir() is None:
        pytest.skip(NO_SERVER)
    server = PostgresServer.start()
    yield server
    server.stop()


def _stop(server: Any) -> None:
    server._run("pg_ctl", "-D", str(server.data), "-m", "fast", "-w", "stop")


def _start_again(server: Any) -> None:
    options = f"-p {server.port} -k {server.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    server._run(
        "pg_ctl",
        "-D",
        str(server.data),
        "-l",
        str(server.folder / "server.log"),
        "-w",
        "-o",
        options,
        "start",
    )


def _sessions(url: str) -> int:
    from supervisor_app.db import open_database

    db = open_database(url)
    try:
        with db.uow(reading=True) as uow:
            return uow.session.scalar(select(func.count()).select_from(SupervisionSession)) or 0
    finally:
        db.close()


def test_a_stopped_server_is_said_calmly_and_nothing_is_half_written(own_server, make_window, qtbot) -> None:
    from postgres import agency_url

    from supervisor_app.db import open_database

    url = agency_url(own_server)
    db = open_database(url)
    with db.uow("test") as uow:
        dana = people.add_supervisor(uow, name="Dana Whitaker", credentials="CRSS", password=PASSWORD).id
        ana = people.add_supervisee(uow, name="Ana Example", credential="CRSS", supervisor_id=dana).id
        uow.commit()
    try:
        window = make_window(db, supervisor_id=dana)
        editor = window.actions.new_session([ana])
        editor.date.setDate(to_qdate(TODAY - dt.timedelta(days=1)))
        editor.minutes.setValue(60)
        editor.allocations.spin("advocacy").setValue(60)
        editor.topics.setPlainText("Written while the server stops")

        _stop(own_server)
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        # The editor stays open with what was typed, and says what happened in a sentence.
        assert editor.isVisible() and editor.topics.toPlainText() == "Written while the server stops"
        assert editor.general_error.text() == _tr(SERVER_LOST)
        assert "Traceback" not in editor.general_error.text()
        assert window.server_banner.isVisible()
        assert "The agency database cannot be reached" in window.server_text.text()
        # A page read on the UI thread fails too: the banner stays, the page is as it was.
        with qtbot.capture_exceptions():
            go_to(qtbot, window, Page.RECORDS)
        assert window.server_banner.isVisible()
        qtbot.mouseClick(window.retry_button, Qt.MouseButton.LeftButton)
        assert window.server_banner.isVisible()  # still unreachable

        _start_again(own_server)
        assert _sessions(url) == 0  # nothing half-written
        qtbot.mouseClick(window.retry_button, Qt.MouseButton.LeftButton)
        assert not window.server_banner.isVisible()
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # the same editor, saved now
        assert not editor.isVisible(), editor.general_error.text()
        assert _sessions(url) == 1
    finally:
        for widget in QApplication.topLevelWidgets():
            widget.close() if widget.isVisible() and widget is not window else None
        db.close()


# Starting on it -------------------------------------------------------------------------------


def test_the_agency_database_in_the_environment_wins_over_the_last_file(tmp_path, monkeypatch) -> None:
    from supervisor_app.db import ENV_DB
    from supervisor_app.ui.app import start_target

    last = tmp_path / "laptop.db"
    last.write_bytes(b"")
    url = "postgresql+psycopg://director@db.example.org/agency"
    monkeypatch.delenv(ENV_DB, raising=False)
    assert start_target(None, str(last)) == str(last)
    assert start_target(None, str(tmp_path / "gone.db")) is None
    monkeypatch.setenv(ENV_DB, url)
    assert start_target(None, str(last)) == url
    assert start_target(str(last), str(last)) == str(last)  # --db wins over everything


def test_no_command_opens_the_window_on_the_url(world, monkeypatch) -> None:
    from supervisor_app.cli import main

    opened: list[dict[str, Any]] = []
    monkeypatch.setattr("supervisor_app.ui.app.run_app", lambda **kwargs: opened.append(kwargs) or 0)
    assert main(["--db", world.db.url]) == 0
    assert opened and opened[0]["db_target"] == world.db.url


def test_the_first_supervisor_is_made_at_the_desk_on_a_new_agency_database(
    db, make_controller, qtbot
) -> None:
    from supervisor_app.models import Agency, Supervisor
    from supervisor_app.ui.first_run_dialog import FirstRunDialog

    controller = make_controller(db)
    controller.start()
    dialog = controller.dialog
    assert isinstance(dialog, FirstRunDialog)
    assert any("kept on the agency's server" in label.text() for label in dialog.findChildren(QLabel))
    dialog.agency.setText("Lakeside Peer Center")
    dialog.supervisor.edits["name"].setText("Rosa Díaz")
    dialog.supervisor.edits["credentials"].setText("CRSS, LCPC")
    dialog.passwords.first.setText(PASSWORD)
    dialog.passwords.second.setText(PASSWORD)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    window = controller.window
    assert window is not None and "Signed in: Rosa Díaz" in window.who_label.text()
    with db.uow(reading=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Supervisor)) == 1
        assert uow.session.scalar(select(Agency.name)) == "Lakeside Peer Center"


def test_a_server_out_of_reach_at_start_is_said_and_nothing_opens(launch) -> None:
    started = launch("postgresql+psycopg://supervisor_app@127.0.0.1:1/agency")  # nothing listens there
    dialog = started.dialog
    assert dialog is not None and not started.opened
    assert "The agency database cannot be reached" in dialog.message.text()
    assert "Traceback" not in dialog.message.text()
    assert not dialog.restore_button.isVisibleTo(dialog)  # no backup of a server here


def test_an_attestation_is_printed_and_the_records_verified_at_the_desk(
    world, make_window, qtbot, tmp_path
) -> None:
    from pypdf import PdfReader

    with world.uow() as uow:
        ids = [
            records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=7 * (n + 1)))).id
            for n in range(2)
        ]
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=ids)
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.ATTESTATIONS)
    page = window.attestations
    page.set_supervisee(world.ana)
    out = tmp_path / "ana.pdf"
    page.ask_save_path = lambda _suggested: str(out)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    with world.uow() as uow:
        [entry] = attestation.list_attestations(uow)
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Ana Example" in text and entry.serial in text and entry.serial in page.status.text()

    go_to(qtbot, window, Page.AUDIT)
    qtbot.mouseClick(window.audit.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "All good" in window.audit.result.text(), timeout=20_000)


def test_the_whole_agency_is_added_up_in_one_read_and_not_verified_by_the_list(
    world, make_window, monkeypatch
) -> None:
    """On the agency database a chunk of the list costs nearly what everyone does, and verifying
    every signature runs in this process: everyone's figures come in one read, and the list
    leaves the verification to Audit (a supervisee's page checks theirs)."""
    from supervisor_app.ui import supervisee_list_page
    from supervisor_app.ui.supervisee_table_model import ROW_ROLE

    monkeypatch.setattr(supervisee_list_page, "FIGURES_CHUNK", 1)
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    window = make_window(world.db, supervisor_id=world.rafael)  # none of his own: everyone
    page = window.list_page
    page.model.set_rows([])
    reads: list[Any] = []
    read = page.ctx.read
    monkeypatch.setattr(page.ctx, "read", lambda work, **kwargs: reads.append(work) or read(work, **kwargs))
    page.refresh()
    assert len(reads) == 2  # who is there, then everyone's figures: not one read per supervisee
    assert all(row.figures for row in page.model.rows()) and page.model.rowCount() == 4
    assert not page._verifying and not page.checking.isVisible()
    row = page.proxy.index(0, SuperviseeTableModel.STATUS)
    assert page.proxy.index(0, 0).data(ROW_ROLE).verified is None
    assert "Audit ▸ Verify records" in row.data(Qt.ItemDataRole.ToolTipRole)
