"""Sync with the agency server from the main window (issue 17, docs/SYNC.md).

File ▸ Sync with the agency (Ctrl+Shift+Y) and the Sync button in the status bar run
:func:`supervisor_app.usecases.syncing.sync` off the UI thread; its progress lines show in the
status bar, the window stays usable, and a second Sync while one runs is refused. At the end the
summary shows in the status bar; a dialog only for a refusal (the record it names) or a server
that cannot be reached (calmly: offline at an outreach site is normal). The status bar says when
the last sync was, or since when the server has not answered, and how many records were signed
here since. Settings (:mod:`supervisor_app.ui.sync_settings`) sets the server, and whether to
sync when the app starts and after signing. A laptop with no server set shows none of this.

The password is never saved: a URL without one, to a server that asks, gets a password dialog
once per run (kept in :attr:`AppContext.sync_password`); libpq's own ``~/.pgpass`` works too.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QSizePolicy, QWidget

from supervisor_app.ui.common import server_lost, show_error
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.qt_fixes import emit

if TYPE_CHECKING:
    from supervisor_app.db import Database
    from supervisor_app.ui.password_dialog import PasswordDialog
    from supervisor_app.usecases.syncing import SyncSummary

CONNECT_TIMEOUT = 10
"""Seconds to wait for the server to answer: one that does not is "not reachable", not a hang."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("sync", text)


def can_sync(ctx: AppContext) -> bool:
    """Sync is for a supervisor's own laptop: a database file this copy of the app may write,
    not the demo's, not a review, not the agency database itself."""
    db = ctx.db
    return (
        not ctx.read_only
        and not ctx.demo
        and db.path is not None
        and not db.is_postgres
        and ctx.supervisor_id is not None
    )


def url_problem(url: str) -> str:
    """Why ``url`` cannot be the agency server's address, or "" when it can (empty: no server)."""
    if not url:
        return ""
    from sqlalchemy.engine import make_url

    from supervisor_app.agency_schema import refuse_unless_postgres
    from supervisor_app.storage import DatabaseError

    try:
        refuse_unless_postgres(url)
        parsed = make_url(url)
    except (DatabaseError, ValueError) as exc:
        return str(exc)
    if parsed.password:
        return _tr(
            "Leave the password out of the address: the app asks for it once each time it runs "
            "(or IT puts it in your PostgreSQL password file), and never saves it."
        )
    if not parsed.database:
        return _tr("The address names no database: it ends with /the-database's-name.")
    return ""


def agency_address(url: str, password: str = "") -> str:
    """``url`` with the password given this run and a connection timeout, to connect with
    (never saved, never shown)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if password:
        parsed = parsed.set(password=password)
    if "connect_timeout" not in parsed.query:
        parsed = parsed.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT)})
    return parsed.render_as_string(hide_password=False)


def open_agency(url: str, password: str = "") -> Database:
    """The agency database (off the UI thread: it connects)."""
    from supervisor_app.db import open_database

    return open_database(agency_address(url, password))


def problem(exc: BaseException) -> str:
    """What kind of failure ``exc`` is: ``password`` (the server wants one), ``wrong_password``,
    ``unreachable`` (the server, or the network, did not answer), ``refused`` (a
    :class:`DomainError`: the message names the record), or ``other``."""
    from supervisor_app.services.errors import DomainError

    if isinstance(exc, DomainError):
        return "refused"
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop()
        if item is None or any(item is s for s in seen):
            continue
        seen.append(item)
        todo += [item.__cause__, item.__context__, getattr(item, "orig", None)]
    text = " ".join(str(e) for e in seen).lower()
    if "no password supplied" in text:
        return "password"
    if "password authentication failed" in text or any(getattr(e, "sqlstate", "") == "28P01" for e in seen):
        return "wrong_password"
    # The connection failed or was lost, as the window judges it (common.server_lost): not a
    # refusal by the database (a trigger's error, a constraint, a lock waited for too long), nor
    # the laptop's own file (locked, its disk full), which are problems to show as they are.
    if any(server_lost(e) for e in seen):
        return "unreachable"
    return "other"


def read_status(uow: Any, url: str) -> tuple[dt.datetime | None, int]:
    """(when the last sync with ``url`` finished, or None; how many links, signings and voids,
    were signed on this laptop since: what the next sync sends)."""
    from supervisor_app.services.hours_files.file_format import chain_identity
    from supervisor_app.services.signoff import signing
    from supervisor_app.services.sync.state import url_hash

    conn = signing.dbapi(uow)
    row = conn.execute(
        "SELECT heads, synced_at FROM sync_peer WHERE url_hash = ? ORDER BY synced_at DESC LIMIT 1",
        (url_hash(url),),
    ).fetchone()
    head = 0
    when = None
    if row is not None:
        chain, _keys_from = chain_identity(conn)
        head = int(json.loads(row[0] or "{}").get(chain, 0))
        when = _utc(row[1])
    (pending,) = conn.execute("SELECT count(*) FROM sign_off WHERE seq > ?", (head,)).fetchone()
    return when, int(pending)


def _utc(value: Any) -> dt.datetime | None:
    if value is None or value == "":
        return None
    stamp = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def _when(stamp: dt.datetime) -> str:
    local = stamp.astimezone()
    if local.date() == dt.datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def ask_server_password(
    ctx: AppContext,
    parent: QWidget,
    url: str,
    *,
    wrong: bool,
    then: Callable[[], None],
    cancelled: Callable[[], None],
) -> PasswordDialog:
    """Ask for the agency server's password (kept for this run only, in ``ctx``), then ``then()``."""
    from sqlalchemy.engine import make_url

    from supervisor_app.ui.password_dialog import PasswordDialog

    parsed = make_url(url)
    role = parsed.username or ""
    text = _tr(
        "The agency server {server} asks for the password of {role}. The app keeps it only while it "
        "runs and never saves it. (IT can instead put it in your PostgreSQL password file, ~/.pgpass.)"
    ).format(server=parsed.host or parsed.database or "", role=role)
    if wrong:
        text = _tr("The server refused that password.") + " " + text
    dialog = PasswordDialog(
        title=_tr("Agency server password"), message=text, action=_tr("&Connect"), signer=role, parent=parent
    )
    dialog.setObjectName("server_password_dialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)

    def submitted(password: str, _reason: str) -> None:
        ctx.sync_password = password
        dialog.accept()
        then()

    dialog.submitted.connect(submitted)
    dialog.rejected.connect(cancelled)
    dialog.open()
    return dialog


class SyncControl(QObject):
    """The main window's Sync action, its status-bar part, and the syncs it runs."""

    said = Signal(str)  # a progress line from the sync (emitted off the UI thread)
    finished = Signal(object)  # the SyncSummary of a sync that completed

    def __init__(self, ctx: AppContext, window: Any) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.running = False
        self.dialog: QWidget | None = None  # the password dialog or message box on show
        self.action = QAction(self.tr("S&ync with the agency"), window)
        self.action.setObjectName("sync")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+Y"))
        tip = self.tr(
            "Send this laptop's signed records to the agency server and receive your supervisees' others"
        )
        self.action.setStatusTip(tip)
        self.action.setToolTip(tip)
        self.action.triggered.connect(lambda _checked=False: self.sync())
        window.addAction(self.action)
        window.file_menu.insertAction(window.open_action, self.action)

        self.box = QWidget(window)
        self.box.setObjectName("sync_status")
        row = QHBoxLayout(self.box)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self.box)
        self.label.setObjectName("sync_label")
        self.label.setAccessibleName(self.tr("Sync status"))
        # Whole, even in a narrow window: the database's path beside it gives way instead.
        self.label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.button = QPushButton(self.tr("Sync"), self.box)
        self.button.setObjectName("sync_button")
        self.button.setAccessibleName(self.tr("Sync with the agency now"))
        self.button.setToolTip(tip + " (Ctrl+Shift+Y)")
        self.button.clicked.connect(lambda _checked=False: self.sync())
        row.addWidget(self.label)
        row.addWidget(self.button)
        window.statusBar().insertPermanentWidget(0, self.box)

        self.said.connect(self._show_progress)  # queued when emitted by the worker thread
        if getattr(window, "actions", None) is not None:
            window.actions.signed.connect(self._after_signing)
        ctx.records_changed.connect(self.update)
        self.update()
        if self.url and ctx.prefs.sync_at_start and not ctx.sync_started:
            ctx.sync_started = True  # once a run, not at every sign-in
            QTimer.singleShot(0, lambda: self.sync(automatic=True))

    @property
    def url(self) -> str:
        url = self.ctx.prefs.sync_url
        return url if url and not url_problem(url) and can_sync(self.ctx) else ""

    # Status ------------------------------------------------------------------------------------
    def update(self) -> None:
        """Show or hide the sync UI (a server set or not) and read the status line."""
        url = self.url
        self.action.setVisible(bool(url))
        self.action.setEnabled(bool(url))
        self.box.setVisible(bool(url))
        if not url or self.running:
            return
        self.ctx.read(lambda uow: read_status(uow, url), on_done=self._show_status, on_error=lambda _e: None)

    def _kept(self, name: str) -> dict[str, Any]:
        from supervisor_app.services.sync.state import url_hash

        record = self.ctx.prefs.sync_record(name)
        same = record.get("db") == str(self.ctx.db.path) and record.get("server") == url_hash(self.url)
        return record if same else {}

    def _keep(self, name: str, **values: Any) -> None:
        from supervisor_app.services.sync.state import url_hash

        self.ctx.prefs.set_sync_record(
            name, {"db": str(self.ctx.db.path), "server": url_hash(self.url), **values}
        )

    def _show_status(self, status: tuple[dt.datetime | None, int]) -> None:
        if self.running:
            return
        synced_at, pending = status
        last = self._kept("last")
        away = _utc(self._kept("unreachable").get("since"))
        if away is not None and (synced_at is None or away > synced_at):
            text = self.tr("Agency server not reachable since {when}").format(when=_when(away))
        elif synced_at is None:
            text = self.tr("Never synced")
        elif last:
            text = self.tr(
                "Last sync: {when} ({sent} sent, {received} received, {skipped} already there)"
            ).format(
                when=_when(synced_at),
                sent=last.get("sent", 0),
                received=last.get("received", 0),
                skipped=last.get("skipped", 0),
            )
            if last.get("left_out"):
                text += " · " + self.tr(
                    "%n record(s) signed before keys stay on this laptop", "", last["left_out"]
                )
        else:
            text = self.tr("Last sync: {when}").format(when=_when(synced_at))
        if pending:
            text += " · " + self.tr("%n record(s) signed since", "", pending)
        self.label.setText(text)
        self.label.setAccessibleDescription(text)

    def _show_progress(self, text: str) -> None:
        self.label.setText(text)

    # Syncing -----------------------------------------------------------------------------------
    def sync(self, *, automatic: bool = False) -> bool:
        """Start a sync (False: none started, no server, or one is running already)."""
        url = self.url
        if not url:
            return False
        if self.running:
            self.window.statusBar().showMessage(
                self.tr("A sync is already running; wait for it to finish."), 6000
            )
            return False
        self.running = True
        self._show_progress(self.tr("Syncing with the agency…"))
        local = self.ctx.db
        password = self.ctx.sync_password
        said = self.said

        def job(_progress: Any) -> SyncSummary:
            from supervisor_app.usecases import syncing

            agency = open_agency(url, password)
            try:
                return syncing.sync(local, agency, url=url, progress=lambda text: emit(said, text))
            finally:
                agency.close()

        self.ctx.runner.run(
            job, on_done=self._done, on_error=lambda exc: self._failed(exc, automatic=automatic)
        )
        return True

    def _after_signing(self, _count: int) -> None:
        if self.ctx.prefs.sync_after_signing:
            self.sync(automatic=True)

    def _done(self, summary: SyncSummary) -> None:
        self.running = False
        now = dt.datetime.now(dt.UTC).isoformat()
        self._keep(
            "last",
            at=now,
            sent=summary.sent,
            received=summary.received,
            skipped=summary.skipped,
            left_out=summary.left_out,
        )
        self.ctx.prefs.set_sync_record("unreachable", None)
        self.label.setToolTip(summary.text())
        if summary.received:
            emit(self.ctx.records_changed)  # the pages show what came down (and update() runs)
        else:
            self.update()
        emit(self.finished, summary)

    def _failed(self, exc: BaseException, *, automatic: bool) -> None:
        from supervisor_app.storage import DatabaseError

        self.running = False
        kind = problem(exc)
        if kind in ("password", "wrong_password"):
            self.ctx.sync_password = ""
            self.dialog = ask_server_password(
                self.ctx,
                self.window,
                self.url,
                wrong=kind == "wrong_password",
                then=lambda: self.sync(automatic=automatic),
                cancelled=self._no_password,
            )
            return
        if kind == "unreachable":
            if not self._kept("unreachable"):
                self._keep("unreachable", since=dt.datetime.now(dt.UTC).isoformat())
            self.update()
            self.window.statusBar().showMessage(
                self.tr("Not synced: the agency server cannot be reached. Your work is safe on this laptop."),
                10000,
            )
            if not automatic:  # a sync at start or after signing says it in the status bar only
                self._tell(
                    QMessageBox.Icon.Information,
                    self.tr("Agency server not reachable"),
                    self.tr(
                        "The agency server cannot be reached right now (no network here, or the server "
                        "is down). Your work is safe on this laptop: nothing was lost or changed. Sync "
                        "again when you are connected."
                    ),
                )
            return
        self.update()
        if kind == "refused":
            self._tell(
                QMessageBox.Icon.Warning,
                self.tr("Sync stopped"),
                self.tr(
                    "The sync stopped at a record it could not take; what it moved before that is kept, "
                    "and valid.\n\n{reason}"
                ).format(reason=str(exc)),
            )
        elif isinstance(exc, DatabaseError) and exc.kind == "busy":  # another writer holds it
            self.window.statusBar().showMessage(self.tr("Not synced: the agency database is busy."), 10000)
            if not automatic:
                self._tell(QMessageBox.Icon.Information, self.tr("Agency database busy"), str(exc))
        elif isinstance(exc, DatabaseError):  # the server answers, but its database is not ready
            self._tell(
                QMessageBox.Icon.Warning,
                self.tr("Sync stopped"),
                self.tr("The sync could not start: {reason}").format(reason=str(exc)),
            )
        else:
            show_error(self.window, exc, title=self.tr("Sync stopped"))

    def _no_password(self) -> None:
        self.update()
        self.window.statusBar().showMessage(self.tr("Not synced: the agency server needs a password."), 10000)

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("sync_message")
        box.setAccessibleName(title)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()
