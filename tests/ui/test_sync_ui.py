"""Sync in the desktop app (issue 17): Settings ▸ Agency server, the Sync button and action,
the status bar, sync after signing. Real laptops (SQLite files), the real agency database on
the session's PostgreSQL server, events as a supervisor makes them.

Laptop A: Dana supervises Ana and signed an hour with her. Rosa's laptop (the app's): Rosa
supervises Cleo, with a pending session. Both synced once; then the agency gave Ana to Rosa.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import sqlite3
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from supervisor_app.db import Database, open_database
from supervisor_app.services import people, records, supervisors
from supervisor_app.services.signoff import signing as chain
from supervisor_app.ui.common import scroll_into_view
from supervisor_app.ui.pages import Page
from supervisor_app.ui.password_dialog import PasswordDialog
from supervisor_app.usecases import signing
from supervisor_app.usecases.syncing import sync
from tests.conftest import PASSWORD, TODAY, snapshot
from tests.ui.helpers import go_to


@dataclass
class Agency:
    url: str
    db: Database
    rosa_db: Database
    rosa: int
    cleo_session: str


def _session(db: Database, supervisor: int, supervisee: int, minutes: int) -> str:
    with db.uow() as uow:
        row = records.add_session(
            uow,
            supervisor_id=supervisor,
            supervisee_ids=[supervisee],
            date=TODAY - dt.timedelta(days=20),
            start="10:00",
            minutes=minutes,
            format="individual",
            modality="in-person",
            allocations={"advocacy": minutes},
            topics="Boundaries",
        )
        uow.commit()
        return row.id


def _laptop(path: Path, supervisor: str, supervisee: str) -> tuple[Database, int, int]:
    db = open_database(path)
    with db.uow() as uow:
        who = people.add_supervisor(
            uow, name=supervisor, credentials="CRSS", agency="Prairie Lakes (TEST)", password=PASSWORD
        )
        given = people.add_supervisee(
            uow,
            name=supervisee,
            credential="CRSS",
            start_date=TODAY - dt.timedelta(days=500),
            supervisor_id=who.id,
        )
        uow.commit()
    return db, who.id, given.id


@pytest.fixture
def agency(tmp_path: Path, postgres_server) -> Iterator[Agency]:  # type: ignore[no-untyped-def]
    from tests.postgres import agency_url

    url = agency_url(postgres_server)
    db = open_database(url)
    a, dana, ana = _laptop(tmp_path / "a.db", "Dana Whitaker", "Ana Example")
    _session(a, dana, ana, 60)
    with a.uow() as uow:
        signing.sign(uow, supervisor_id=dana, password=PASSWORD)
    rosa_db, rosa, cleo = _laptop(tmp_path / "rosa.db", "Rosa Diaz", "Cleo Example")
    cleo_session = _session(rosa_db, rosa, cleo, 45)
    sync(a, db)
    sync(rosa_db, db, url=url)  # Rosa is known at the agency (as the app would, by its URL)
    with db.uow() as uow:  # the director gives Ana to Rosa
        conn = chain.dbapi(uow)
        ana_here = conn.execute("SELECT id FROM supervisee WHERE name = 'Ana Example'").fetchone()[0]
        rosa_here = conn.execute("SELECT id FROM supervisor WHERE name = 'Rosa Diaz'").fetchone()[0]
        supervisors.change_supervisor(
            uow, supervisee_id=ana_here, supervisor_id=rosa_here, effective_from=TODAY - dt.timedelta(days=2)
        )
        uow.commit()
    yield Agency(url, db, rosa_db, rosa, cleo_session)
    a.close()
    rosa_db.close()
    db.close()


def _names(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.list_page.model
    return sorted(model.row(i).name for i in range(model.rowCount()))


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _tick(qtbot, box) -> None:  # type: ignore[no-untyped-def]
    """Click a check box on its box (its centre may be past the end of its text)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    """With SUPERVISOR_APP_SHOTS=folder, save what ``widget`` shows (to look at it)."""
    folder = os.environ.get("SUPERVISOR_APP_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        QApplication.processEvents()  # the layouts catch up with the texts, as on screen
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def test_a_laptop_with_no_server_shows_no_sync_and_a_bad_address_saves_nothing(
    qtbot, world, make_window, prefs, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(world.db, supervisor_id=world.dana)
    control = window.sync_control
    assert not control.action.isVisible() and not control.box.isVisibleTo(window)
    assert "sync" not in {a.objectName() for a in window.actions_with_shortcuts()}

    go_to(qtbot, window, Page.SETTINGS)
    page = window.settings_page
    for bad, why in (
        ("mysql://me@agency-host/agency", "postgresql+psycopg://"),
        ("postgresql+psycopg://me:secret@agency-host/agency", "Leave the password out"),
        ("postgresql+psycopg://me@agency-host", "names no database"),
    ):
        page.server_url.clear()
        qtbot.keyClicks(page.server_url, bad)
        qtbot.mouseClick(page.server_save_button, Qt.MouseButton.LeftButton)
        assert page.server_error.isVisibleTo(page) and why in page.server_error.text()
        assert prefs.sync_url == ""
        assert not control.action.isVisible()
    ini = tmp_path / "settings.ini"
    assert not ini.exists() or "secret" not in ini.read_text(encoding="utf-8")

    page.server_url.clear()
    qtbot.keyClicks(page.server_url, "postgresql+psycopg://rosa@agency-host/agency")
    qtbot.keyClick(page.server_url, Qt.Key.Key_Return)
    assert not page.server_error.isVisibleTo(page)
    assert prefs.sync_url == "postgresql+psycopg://rosa@agency-host/agency"
    assert control.action.isVisible() and control.box.isVisibleTo(window)
    assert control.label.text() == "Never synced"
    _tick(qtbot, page.sync_after_signing)
    assert prefs.sync_after_signing and not prefs.sync_at_start


def test_an_unreachable_server_is_said_calmly_and_changes_nothing(qtbot, world, make_window, prefs) -> None:  # type: ignore[no-untyped-def]
    prefs.sync_url = f"postgresql+psycopg://rosa@127.0.0.1:{_closed_port()}/agency"
    window = make_window(world.db, supervisor_id=world.dana)
    before = snapshot(world.db)
    qtbot.mouseClick(window.sync_control.button, Qt.MouseButton.LeftButton)
    box = window.sync_control.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.icon() == QMessageBox.Icon.Information
    assert "Your work is safe on this laptop" in box.text()
    assert "Traceback" not in box.text() and "psycopg" not in box.text()
    box.done(0)
    assert window.sync_control.label.text().startswith("Agency server not reachable since ")
    assert snapshot(world.db) == before
    assert not window.sync_control.running


@pytest.mark.postgres
def test_sync_from_the_button_brings_a_supervisees_hours_signed_elsewhere(
    qtbot, agency, make_window, prefs
) -> None:  # type: ignore[no-untyped-def]
    prefs.sync_url = agency.url
    window = make_window(agency.rosa_db, supervisor_id=agency.rosa, name="Rosa Diaz")
    qtbot.waitUntil(lambda: _names(window) == ["Cleo Example"])
    control = window.sync_control
    assert control.label.text().startswith("Last sync: ")
    said: list[str] = []
    control.said.connect(said.append)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    done: list[object] = []
    control.finished.connect(done.append)
    # A second click while the sync runs (here: at its first progress line) is refused.
    control.said.connect(lambda _text: qtbot.mouseClick(control.button, Qt.MouseButton.LeftButton))

    qtbot.mouseClick(control.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _names(window) == ["Ana Example", "Cleo Example"])
    assert said and any(text.startswith("Received batch ") for text in said)  # the usecase's own lines
    assert "A sync is already running; wait for it to finish." in messages
    assert len(done) == 1
    assert control.label.toolTip() == "Sync done: 0 record(s) sent, 1 received, 0 already there."
    assert control.label.text().startswith("Last sync: ")
    assert "(0 sent, 1 received, 0 already there)" in control.label.text()
    assert window.sync_control.dialog is None  # no dialog for a sync that went well
    _shot(window, "main_window_after_sync")
    go_to(qtbot, window, Page.SETTINGS)
    scroll_into_view(window.settings_page.server_status)
    _shot(window, "settings_agency_server")


@pytest.mark.postgres
def test_test_connection_and_sync_after_signing(qtbot, agency, make_window, prefs) -> None:  # type: ignore[no-untyped-def]
    window = make_window(agency.rosa_db, supervisor_id=agency.rosa, name="Rosa Diaz")
    go_to(qtbot, window, Page.SETTINGS)
    page = window.settings_page
    qtbot.keyClicks(page.server_url, agency.url)
    qtbot.mouseClick(page.server_test_button, Qt.MouseButton.LeftButton)
    assert page.server_status.text().startswith("✓ Connected: the agency database ")
    assert prefs.sync_url == ""  # testing saves nothing
    qtbot.mouseClick(page.server_save_button, Qt.MouseButton.LeftButton)
    _tick(qtbot, page.sync_after_signing)
    assert prefs.sync_url == agency.url and prefs.sync_after_signing

    go_to(qtbot, window, Page.TO_SIGN)
    qtbot.mouseClick(window.to_sign.select_all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.to_sign.sign_button, Qt.MouseButton.LeftButton)
    dialog = window.actions.dialog
    assert isinstance(dialog, PasswordDialog)
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with agency.db.uow() as uow:
        held = (
            chain.dbapi(uow)
            .execute("SELECT count(*) FROM supervision_session WHERE id = ?", (agency.cleo_session,))
            .fetchone()
        )
    assert held == (1,)
    qtbot.waitUntil(lambda: "(1 sent, 1 received, 0 already there)" in window.sync_control.label.text())
    assert "signed since" not in window.sync_control.label.text()


@pytest.mark.postgres
def test_sync_when_the_app_starts_once_a_run_without_blocking_the_window(
    qtbot, agency, make_window, prefs
) -> None:  # type: ignore[no-untyped-def]
    prefs.sync_url = agency.url
    prefs.sync_at_start = True
    window = make_window(agency.rosa_db, supervisor_id=agency.rosa, name="Rosa Diaz")
    assert window.isVisible() and "Ana Example" not in _names(window)  # shown first, synced after
    qtbot.waitUntil(lambda: _names(window) == ["Ana Example", "Cleo Example"])
    assert window.sync_control.dialog is None
    assert window.ctx.sync_started


class PasswordServer:
    """Speaks just enough of PostgreSQL's wire protocol to ask for a password and refuse every
    one it is sent; keeps the passwords (to show what the app sent, and that it sent one)."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.port = int(self.sock.getsockname()[1])
        self.passwords: list[str] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _addr = self.sock.accept()
            except OSError:
                return
            with conn:
                try:
                    self._talk(conn)
                except OSError:
                    pass

    @staticmethod
    def _read(conn: socket.socket, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = conn.recv(n - len(data))
            if not chunk:
                raise OSError("closed")
            data += chunk
        return data

    def _talk(self, conn: socket.socket) -> None:
        while True:  # SSL and GSS encryption requests: no; then the startup message
            (length,) = struct.unpack("!i", self._read(conn, 4))
            body = self._read(conn, length - 4)
            if length == 8 and struct.unpack("!i", body)[0] in (80877103, 80877104):
                conn.sendall(b"N")
                continue
            break
        conn.sendall(b"R" + struct.pack("!ii", 8, 3))  # AuthenticationCleartextPassword
        kind = self._read(conn, 1)
        (length,) = struct.unpack("!i", self._read(conn, 4))
        body = self._read(conn, length - 4)
        if kind == b"p":
            self.passwords.append(body.rstrip(b"\0").decode())
        fields = b'SFATAL\0C28P01\0Mpassword authentication failed for user "rosa"\0\0'
        conn.sendall(b"E" + struct.pack("!i", len(fields) + 4) + fields)

    def close(self) -> None:
        self.sock.close()


def test_a_server_that_asks_for_a_password_gets_it_once_and_nothing_saves_it(
    qtbot, world, make_window, prefs, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    server = PasswordServer()
    try:
        prefs.sync_url = f"postgresql+psycopg://rosa@127.0.0.1:{server.port}/agency"
        window = make_window(world.db, supervisor_id=world.dana)
        control = window.sync_control
        before = snapshot(world.db)
        qtbot.mouseClick(control.button, Qt.MouseButton.LeftButton)
        dialog = control.dialog
        assert isinstance(dialog, PasswordDialog) and dialog.isVisible()
        assert "asks for the password of rosa" in dialog.message.text()
        assert server.passwords == []  # nothing was sent without one
        qtbot.keyClicks(dialog.password, "s3cret horse")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: server.passwords == ["s3cret horse"])
        again = control.dialog
        assert isinstance(again, PasswordDialog) and again is not dialog and again.isVisible()
        assert again.message.text().startswith("The server refused that password.")
        assert window.ctx.sync_password == ""
        messages: list[str] = []
        window.statusBar().messageChanged.connect(messages.append)
        qtbot.keyClick(again, Qt.Key.Key_Escape)
        assert "Not synced: the agency server needs a password." in messages
        assert snapshot(world.db) == before
        ini = tmp_path / "settings.ini"
        assert "s3cret" not in ini.read_text(encoding="utf-8")
        assert not control.running
    finally:
        server.close()


def _agency_counts(db: Database) -> tuple[int, ...]:
    with db.uow() as uow:
        conn = chain.dbapi(uow)
        return tuple(
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("supervision_session", "foreign_link", "signature", "supervisee", "audit_event")
        )


@pytest.mark.postgres
def test_a_refusal_names_the_record_in_a_dialog_and_sends_nothing(
    qtbot, agency, make_window, prefs, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """Rosa's laptop restored from a backup taken before a signing the agency holds: signing again
    there forks its chain, and the sync refuses, saying so."""
    older = tmp_path / "rosa-backup.db"
    with sqlite3.connect(agency.rosa_db.path) as source, sqlite3.connect(older) as copy:
        source.backup(copy)
    with agency.rosa_db.uow() as uow:
        signing.sign(uow, supervisor_id=agency.rosa, password=PASSWORD)
    sync(agency.rosa_db, agency.db, url=agency.url)
    restored = open_database(older)
    try:
        with restored.uow() as uow:
            signing.sign(uow, supervisor_id=agency.rosa, password=PASSWORD)
        prefs.sync_url = agency.url
        window = make_window(restored, supervisor_id=agency.rosa, name="Rosa Diaz")
        before = (_agency_counts(agency.db), snapshot(restored))
        qtbot.mouseClick(window.sync_control.button, Qt.MouseButton.LeftButton)
        box = window.sync_control.dialog
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert box.icon() == QMessageBox.Icon.Warning and box.windowTitle() == "Sync stopped"
        assert "restored from an older backup" in box.text() and agency.cleo_session in box.text()
        box.done(0)
        assert (_agency_counts(agency.db), snapshot(restored)) == before
        assert not window.sync_control.running
    finally:
        restored.close()


@pytest.mark.postgres
def test_the_sync_runs_off_the_ui_thread_and_the_window_stays_usable(qtbot, agency, prefs) -> None:  # type: ignore[no-untyped-def]
    from supervisor_app.ui.context import AppContext, Identity
    from supervisor_app.ui.main_window import MainWindow
    from supervisor_app.ui.tasks import TaskRunner

    prefs.sync_url = agency.url
    runner = TaskRunner()  # real threads, as in the app
    ctx = AppContext(agency.rosa_db, runner=runner, prefs=prefs)
    ctx.set_identity(Identity(name="Rosa Diaz", supervisor_id=agency.rosa))
    window = MainWindow(ctx)
    window.show()
    try:
        qtbot.waitUntil(lambda: _names(window) == ["Cleo Example"])
        qtbot.mouseClick(window.sync_control.button, Qt.MouseButton.LeftButton)
        assert window.sync_control.running  # the click came back before the sync ended
        assert window.sync_control.label.text() == "Syncing with the agency…"
        go_to(qtbot, window, Page.RECORDS)  # the window answers meanwhile
        qtbot.waitUntil(lambda: not window.sync_control.running, timeout=20_000)
        go_to(qtbot, window, Page.SUPERVISEES)
        qtbot.waitUntil(lambda: _names(window) == ["Ana Example", "Cleo Example"])
    finally:
        runner.wait()
        window._closing_for_switch = True
        window.close()
        ctx.close()


@pytest.mark.postgres
def test_a_busy_agency_database_is_said_so_and_the_next_sync_sends_everything(
    qtbot, agency, make_window, prefs, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Another writer holds the agency's write lock longer than a writer waits: the sync says the
    agency database is busy (not unreachable, not "could not start"), sends nothing, and the
    next sync, once the lock is free, sends it all."""
    import psycopg

    from supervisor_app import db as db_module

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    with agency.rosa_db.uow() as uow:
        signing.sign(uow, supervisor_id=agency.rosa, password=PASSWORD)
    prefs.sync_url = agency.url
    window = make_window(agency.rosa_db, supervisor_id=agency.rosa, name="Rosa Diaz")
    before = (_agency_counts(agency.db), snapshot(agency.rosa_db))
    with psycopg.connect(agency.url.replace("+psycopg", ""), autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (db_module.WRITE_LOCK,))
        qtbot.mouseClick(window.sync_control.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.sync_control.running, timeout=20_000)
        box = window.sync_control.dialog
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert box.icon() == QMessageBox.Icon.Information and box.windowTitle() == "Agency database busy"
        assert box.text().startswith("The agency database is busy") and "Try again in a minute" in box.text()
        assert window.statusBar().currentMessage() == "Not synced: the agency database is busy."
        box.done(0)
    assert (_agency_counts(agency.db), snapshot(agency.rosa_db)) == before
    qtbot.mouseClick(window.sync_control.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.sync_control.running, timeout=20_000)
    assert _agency_counts(agency.db) != before[0]


@pytest.mark.postgres
def test_a_server_whose_database_is_not_ready_says_what_it_needs(
    qtbot, world, make_window, prefs, postgres_server
) -> None:  # type: ignore[no-untyped-def]
    prefs.sync_url = postgres_server.url(postgres_server.create_database())  # no agency schema in it
    window = make_window(world.db, supervisor_id=world.dana)
    before = snapshot(world.db)
    qtbot.mouseClick(window.sync_control.button, Qt.MouseButton.LeftButton)
    box = window.sync_control.dialog
    assert isinstance(box, QMessageBox) and box.icon() == QMessageBox.Icon.Warning
    assert box.text().startswith("The sync could not start: ") and "the IT person runs init" in box.text()
    box.done(0)
    assert snapshot(world.db) == before
    assert window.sync_control.label.text() == "Never synced"


@pytest.mark.postgres
def test_only_a_lost_connection_counts_as_not_reachable(agency: Agency) -> None:
    """A refusal by the agency database itself (a protective trigger) is shown as it is, not
    as an offline server; a closed port is offline."""
    from supervisor_app.ui.sync_control import open_agency, problem

    with pytest.raises(Exception) as refused:  # noqa: PT011 - whatever the driver raises
        with agency.db.uow() as uow:
            chain.dbapi(uow).execute("UPDATE supervisor SET global_id = 'x'")
            uow.commit()
    assert problem(refused.value) == "other"
    with pytest.raises(Exception) as offline:  # noqa: PT011
        open_agency(f"postgresql+psycopg://rosa@127.0.0.1:{_closed_port()}/agency")
    assert problem(offline.value) == "unreachable"
