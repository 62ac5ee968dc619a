"""What every screen is given: the database, who is signed in, the task runner, preferences,
and the one app-wide "records changed" signal.

Passed to each widget explicitly (no module-level singletons). Every write goes through
:meth:`AppContext.write`, which commits and then emits :attr:`records_changed`, so every open
view refreshes from one place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from supervisor_app.db import Database, UnitOfWork, open_reader
from supervisor_app.ui.qt_fixes import emit, emit_loses_a_reference
from supervisor_app.ui.settings import Preferences
from supervisor_app.ui.tasks import Progress, TaskRunner
from supervisor_app.ui.tasks import _alive as alive

log = logging.getLogger(__name__)


def write_now(db: Database, actor: str, work: Callable[[UnitOfWork], Any]) -> Any:
    """One action in one unit of work, committed once: the app's one write path.
    :meth:`AppContext.write` runs it off the UI thread for a signed-in supervisor; checking a
    password (sign-in, unlock, the end of a review) and starting a review call it in their
    own task. On a database another copy of the app holds (read-only) nothing is kept."""
    with db.uow(actor) as uow:
        result = work(uow)
        if not db.readonly:
            uow.commit()
        return result


@dataclass(frozen=True)
class Identity:
    """Who is using the app: a signed-in supervisor, or a supervisee reviewing (read-only) their
    own hours, in a review a supervisor (``reviewer_id``) opened for them."""

    name: str
    supervisor_id: int | None = None
    supervisee_id: int | None = None
    reviewer_id: int | None = None

    @property
    def review(self) -> bool:
        return self.supervisee_id is not None

    @property
    def actor(self) -> str:
        if self.supervisor_id is not None:
            return f"supervisor:{self.supervisor_id}"
        return f"review:supervisee:{self.supervisee_id}"


class AppContext(QObject):
    records_changed = Signal()
    """Emitted after every committed change; every view refreshes on it."""
    identity_changed = Signal()
    server_lost = Signal()
    """The agency database's server could not be reached (stopped, the network down): emitted
    at each failed read or write; the window says so, calmly, once."""

    def __init__(
        self,
        db: Database,
        *,
        runner: TaskRunner,
        prefs: Preferences,
        demo: bool = False,
        held_by: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.reader = open_reader(db)
        self.runner = runner
        self.prefs = prefs
        self.demo = demo
        self.held_by = held_by
        """Who holds the database when another copy of the app has it open (read-only here)."""
        self.identity: Identity | None = None
        self.sync_password = ""
        """The agency server's password given this run (ui/sync_control.py); never saved."""
        self.sync_started = False
        """Whether this run has synced at start already (Settings: "Sync when the app starts")."""
        emit_loses_a_reference()  # decide once, on the main thread

    # Who -----------------------------------------------------------------------------------
    def set_identity(self, identity: Identity | None) -> None:
        self.identity = identity
        emit(self.identity_changed)

    @property
    def supervisor_id(self) -> int | None:
        return self.identity.supervisor_id if self.identity else None

    @property
    def review(self) -> bool:
        return bool(self.identity and self.identity.review)

    @property
    def read_only(self) -> bool:
        """Nothing can be edited, signed or recorded: a supervisee reviewing, or a database that
        another copy of the app holds. Every edit, sign and print control keys on this."""
        return self.review or self.db.readonly

    @property
    def actor(self) -> str:
        return self.identity.actor if self.identity else "ui"

    @property
    def on_server(self) -> bool:
        """The agency database (PostgreSQL, a director's desk), not a file: no lock file, no
        backups or restore here (its administrator backs it up), no file check."""
        return self.db.is_postgres

    @property
    def location(self) -> str:
        """Where the records are: the file's path, or the agency database's name and server
        (never the URL: it may hold a password)."""
        if self.on_server:
            return server_place(self.db.url)
        return str(self.db.path or self.db.url)

    # Database work -----------------------------------------------------------------------
    def read_now(self, work: Callable[[UnitOfWork], Any]) -> Any:
        """A quick read on the UI thread (a few rows for a combo box, one page of a table)."""
        try:
            with self.reader.uow(self.actor) as uow:
                return work(uow)
        except Exception as exc:
            self.noticed(exc)
            raise

    def noticed(self, exc: BaseException) -> None:
        """A read or write failed: when the agency database's server is out of reach, say so
        (:attr:`server_lost`)."""
        if self.on_server:
            from supervisor_app.ui.common import server_lost

            if server_lost(exc):
                emit(self.server_lost)

    def read(
        self,
        work: Callable[[UnitOfWork], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        with_progress: bool = False,
        on_progress: Progress | None = None,
    ) -> None:
        """A read that may take a while, off the UI thread, on a snapshot."""
        reader = self.reader
        actor = self.actor

        def job(progress: Progress) -> Any:
            with reader.uow(actor) as uow:
                return work(uow, progress) if with_progress else work(uow)  # type: ignore[call-arg]

        self.runner.run(job, on_done=on_done, on_error=self._failing(on_error), on_progress=on_progress)

    def write(
        self,
        work: Callable[[UnitOfWork], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        actor: str | None = None,
    ) -> None:
        """One user action in one unit of work, committed, then :attr:`records_changed`.

        A :class:`~supervisor_app.services.errors.DomainError` goes to ``on_error`` and nothing
        is written (the unit of work rolls back).
        """
        if self.read_only:
            raise PermissionError("read only: review mode, or another copy of the app holds the database")
        db = self.db
        actor = actor or self.actor

        def job(_progress: Progress) -> Any:
            return write_now(db, actor, work)

        def done(result: Any) -> None:
            emit(self.records_changed)
            if on_done is not None and alive(on_done):  # its widget may have closed meanwhile
                on_done(result)

        self.runner.run(job, on_done=done, on_error=self._failing(on_error))

    def _failing(self, on_error: Callable[[BaseException], None] | None) -> Callable[[BaseException], None]:
        """What :meth:`read` and :meth:`write` do when the work fails: note a lost server, then
        ``on_error`` (logged when there is none). The runner checks the widget of the function
        it is given, this one, so ``on_error``'s is checked here: it may have closed while the
        work ran."""

        def failed(exc: BaseException) -> None:
            # A wrong password is counted in a unit of work of its own: the trail changed.
            from supervisor_app.services.auth import WrongPassword

            if isinstance(exc, WrongPassword):
                emit(self.records_changed)
            self.noticed(exc)
            if on_error is None:
                log.error("background work failed: %s", exc)
            elif alive(on_error):
                on_error(exc)

        return failed

    def replace_database(self, db: Database) -> None:
        """Carry on with ``db`` (the same file, reopened after a restore); views refresh on
        the :attr:`records_changed` the caller emits."""
        self.reader.close()
        self.db = db
        self.reader = open_reader(db)

    def close(self) -> None:
        self.reader.close()


def server_place(url: str) -> str:
    """The agency database's name and its server, from its URL ("agency on db.example.org:5432"):
    the user name and password left out."""
    from PySide6.QtCore import QCoreApplication
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    host = parsed.query.get("host")  # a unix socket's folder: ?host=/var/run/postgresql
    server = parsed.host or (host if isinstance(host, str) else "") or "localhost"
    if parsed.port:
        server = f"{server}:{parsed.port}"
    return QCoreApplication.translate("AppContext", "{database} on {server}").format(
        database=parsed.database or "", server=server
    )
