"""The processes run.py starts: each measures one thing in a fresh interpreter and prints JSON.

    python benchmarks/_children.py startup-app DB SUPERVISOR_ID
    python benchmarks/_children.py startup-baseline DB
    python benchmarks/_children.py startup-bare
    python benchmarks/_children.py sessions-app DB SUPERVISOR_ID CAP_SECONDS
    python benchmarks/_children.py sessions-baseline DB

The startup children print ``{"ready": <time.time()>}`` the moment the main window is shown
with the supervisee list populated; the parent measures from just before it started the
process, so shutting down is not counted. The app then quits as it would (its background
work finished, its lock file released); the baselines exit at once.

Qt runs offscreen (``QT_QPA_PLATFORM=offscreen``, set by the parent). Nothing here writes to
the database: the app is signed in without the password step (see ``_sign_in``).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

POLL_MS = 2

# BENCH_PROFILE=out.txt (with pyinstrument installed: `uv run --with pyinstrument ...`) writes a
# pyinstrument profile of the child up to its answer: how the figures in the README were explained.
_PROFILER: Any = None
if os.environ.get("BENCH_PROFILE"):
    from pyinstrument import Profiler

    _PROFILER = Profiler(interval=0.0005)
    _PROFILER.start()


def _emit(payload: dict[str, Any]) -> None:
    if _PROFILER is not None and _PROFILER.is_running:
        _PROFILER.stop()
        with open(os.environ["BENCH_PROFILE"], "w", encoding="utf-8") as handle:
            handle.write(_PROFILER.output_text(unicode=True, show_all=False))
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


def _when(app: Any, ready: Callable[[], bool], then: Callable[[], None], timeout: float = 600.0) -> None:
    """Poll ``ready`` every few ms from the event loop; call ``then`` once it is true."""
    from PySide6.QtCore import QTimer

    deadline = time.monotonic() + timeout
    timer = QTimer(app)
    timer.setInterval(POLL_MS)

    def tick() -> None:
        if ready():
            timer.stop()
            then()
        elif time.monotonic() > deadline:
            timer.stop()
            _emit({"error": f"not ready after {timeout:.0f} s"})
            os._exit(3)

    timer.timeout.connect(tick)
    timer.start()


def _supervisee_table_ready(window: Any) -> bool:
    """The main window is visible and its supervisee table has rows."""
    from PySide6.QtWidgets import QTableView

    if window is None or not window.isVisible():
        return False
    table = window.findChild(QTableView, "supervisee_table")
    return table is not None and table.model() is not None and table.model().rowCount() > 0


def _supervisee_figures_ready(window: Any) -> bool:
    """Every row of the supervisee table has its progress figures (an app that shows names
    first fills them in a moment later)."""
    from PySide6.QtWidgets import QTableView

    table = window.findChild(QTableView, "supervisee_table")
    model = table.model() if table is not None else None
    if model is None or model.rowCount() == 0:
        return False
    source = model.sourceModel() if hasattr(model, "sourceModel") else model
    rows = getattr(source, "_rows", None)
    return rows is None or all(getattr(row, "figures", True) for row in rows)


def _sign_in(controller: Any, supervisor_id: int) -> None:
    """What the sign-in dialog does after a right password, minus the argon2 check (a deliberate
    cost of its own, measured by sign_batch) and minus the typing."""
    from supervisor_app.ui.context import Identity

    dialog = controller.dialog
    name = controller.ctx.read_now(lambda uow: _supervisor_name(uow, supervisor_id))
    identity = Identity(name=name, supervisor_id=supervisor_id)
    if dialog is not None and hasattr(dialog, "signed_in"):
        dialog.signed_in.emit(identity)
        dialog.accept()
    else:
        controller.signed_in(identity)


def _supervisor_name(uow: Any, supervisor_id: int) -> str:
    """The name the sign-in dialog shows for the supervisor (from its own list, as it does)."""
    from supervisor_app.services import roster

    names = {sid: name for sid, name, _credentials in roster.supervisors(uow)}
    return names.get(supervisor_id, "?")


def _watchdog(seconds: float) -> None:
    """A child never hangs: whatever happens (a dialog waiting for a click), it answers."""
    import threading

    def fire() -> None:
        _emit({"error": f"no answer after {seconds:.0f} s"})
        os._exit(3)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()


def startup_app(db: str, supervisor_id: int) -> None:
    """The real entry point (``supervisor-app --db DB``), signed in as soon as it asks."""
    _watchdog(900)
    from supervisor_app.ui import controller as controller_module

    try:  # a database the app refuses to open shows a dialog and waits: report it instead
        from supervisor_app.ui import database_opener

        def show_problem(self: Any, error: Any, path: Any) -> None:
            _emit({"error": f"the app cannot open the database: {error}"})
            os._exit(3)

        database_opener.DatabaseOpener.show_problem = show_problem  # type: ignore[method-assign]
    except ImportError:  # an older app without the opener
        pass

    original_start = controller_module.AppController.start
    answered: list[bool] = []

    def start(self: Any) -> None:
        original_start(self)
        _sign_in(self, supervisor_id)
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()

        shown: list[float] = []

        def ready() -> None:
            shown.append(time.time())
            # For information: when the progress columns are in too (the list shows names first).
            _when(app, lambda: _supervisee_figures_ready(self.window), figures)

        def figures() -> None:
            _emit({"ready": shown[0], "figures": time.time()})
            answered.append(True)
            # Then quit the way the app does (background work such as the daily backup is
            # finished, the lock file released): the next start finds things as a user would.
            app.exit(0)

        _when(app, lambda: _supervisee_table_ready(self.window), ready)

    controller_module.AppController.start = start  # type: ignore[method-assign]
    from supervisor_app.cli import main

    main(["--db", db])
    if not answered:
        _emit({"error": "the app returned before its main window was ready"})
    os._exit(0 if answered else 3)


def startup_baseline(db: str) -> None:
    """The least this stack can do: Qt, SQLAlchemy imported, one raw query, names in a window."""
    import sqlite3

    import sqlalchemy  # noqa: F401  (imported, as the app must)
    from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow

    app = QApplication(sys.argv)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    names = [row[0] for row in conn.execute("SELECT name FROM supervisee ORDER BY name")]
    window = QMainWindow()
    listing = QListWidget(window)
    listing.addItems(names)
    window.setCentralWidget(listing)
    window.resize(1280, 720)
    window.show()
    _when(
        app,
        lambda: window.isVisible() and listing.count() > 0,
        lambda: (_emit({"ready": time.time()}), os._exit(0)),
    )
    app.exec()


def startup_bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1280, 720)
    window.show()
    _when(app, window.isVisible, lambda: (_emit({"ready": time.time()}), os._exit(0)))
    app.exec()


def _peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: on Linux a child started from a
    big parent reports the parent's size in ru_maxrss (it is kept across fork and exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def sessions_app(db: str, supervisor_id: int, cap_seconds: float) -> None:
    """The app open on the big database; the Records page opened (list_open), then its
    sessions list scrolled to the end (rss)."""
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication

    _watchdog(cap_seconds + 900)
    app = QApplication(sys.argv)
    from supervisor_app.db import open_database
    from supervisor_app.ui.context import AppContext, Identity
    from supervisor_app.ui.main_window import MainWindow
    from supervisor_app.ui.pages import Page
    from supervisor_app.ui.settings import Preferences
    from supervisor_app.ui.tasks import TaskRunner

    database = open_database(db)
    runner = TaskRunner()
    ctx = AppContext(database, runner=runner, prefs=Preferences())
    ctx.set_identity(
        Identity(
            name=ctx.read_now(lambda uow: _supervisor_name(uow, supervisor_id)), supervisor_id=supervisor_id
        )
    )
    window = MainWindow(ctx)
    window.show()
    deadline = time.monotonic() + 600
    while not _supervisee_table_ready(window) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.002)
    result: dict[str, Any] = {"rss_open_mb": _peak_rss_mb()}

    page = getattr(window, "records_page", None)
    table = getattr(page, "sessions", None)
    model = getattr(table, "model", None)
    view = getattr(table, "view", None)
    if page is None or model is None or view is None:
        _emit({"error": "MainWindow has no records_page.sessions.model/view (the UI changed?)", **result})
        os._exit(0)
    # list_open: the user clicks Records; the page loads its first pages on show.
    started = time.perf_counter()
    window.show_page(Page.RECORDS)
    while model.rowCount() == 0 and time.perf_counter() - started < 60:
        app.processEvents()
    result["list_open_ms"] = (time.perf_counter() - started) * 1000
    result["first_page_rows"] = model.rowCount()
    warm = []
    for _ in range(5):
        started = time.perf_counter()
        page.apply_filters()
        warm.append((time.perf_counter() - started) * 1000)
    result["list_open_warm_ms"] = sorted(warm)[len(warm) // 2]
    runner.wait()
    app.processEvents()

    # rss: scroll the sessions list to its end, a page at a time as the view asks for more.
    started = time.perf_counter()
    fetches = 0
    capped = False
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        fetches += 1
        if fetches % 25 == 0:
            view.scrollToBottom()
            app.processEvents()
            if time.perf_counter() - started > cap_seconds:
                capped = True
                break
    view.scrollToBottom()
    app.processEvents()
    runner.wait()
    app.processEvents()
    result.update(
        rows_loaded=model.rowCount(),
        scroll_seconds=time.perf_counter() - started,
        fetches=fetches,
        capped=capped,
        peak_rss_mb=_peak_rss_mb(),
    )
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    result["total_sessions"] = conn.execute("SELECT count(*) FROM supervision_session").fetchone()[0]
    conn.close()
    _emit(result)
    os._exit(0)


FIRST_PAGE_SQL = """
SELECT s.id, s.date, coalesce(s.start_time, '') AS start_key, s.minutes, s.format, s.modality, s.site,
       s.topics, s.supervisor_id, p.name,
       (SELECT group_concat(e.name, ', ') FROM session_attendee t JOIN supervisee e ON e.id = t.supervisee_id
         WHERE t.session_id = s.id),
       (SELECT group_concat(a.domain_code || '=' || a.minutes, ';') FROM session_allocation a
         WHERE a.session_id = s.id),
       CASE WHEN s.status = 'pending' THEN 'pending'
            WHEN EXISTS (SELECT 1 FROM sign_off v WHERE v.record_id = s.id AND v.action = 'void') THEN 'voided'
            WHEN EXISTS (SELECT 1 FROM supervision_session n WHERE n.supersedes_id = s.id AND n.status = 'signed')
              THEN 'amended'
            ELSE 'signed' END,
       s.supersedes_id, s.amendment_reason
FROM supervision_session s JOIN supervisor p ON p.id = s.supervisor_id
ORDER BY s.date DESC, start_key DESC, s.id DESC
LIMIT 200
"""


def sessions_baseline(db: str) -> None:
    """The floor: Qt, the database open with sqlite3, the same first page in a table view."""
    import sqlite3

    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv)
    window = QMainWindow()
    view = QTableView(window)
    window.setCentralWidget(view)
    window.resize(1280, 720)
    window.show()
    app.processEvents()
    started = time.perf_counter()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = conn.execute(FIRST_PAGE_SQL).fetchall()
    model = QStandardItemModel(len(rows), 15)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            model.setItem(r, c, QStandardItem("" if value is None else str(value)))
    view.setModel(model)
    app.processEvents()
    elapsed = (time.perf_counter() - started) * 1000
    _emit({"list_open_ms": elapsed, "first_page_rows": len(rows), "peak_rss_mb": _peak_rss_mb()})
    os._exit(0)


def main() -> None:
    from supervisor_app.db import provide_profiles
    from supervisor_app.usecases.opening import load_profiles

    provide_profiles(load_profiles)  # as the app's start does
    mode, *args = sys.argv[1:]
    if mode == "startup-app":
        startup_app(args[0], int(args[1]))
    elif mode == "startup-baseline":
        startup_baseline(args[0])
    elif mode == "startup-bare":
        startup_bare()
    elif mode == "sessions-app":
        sessions_app(args[0], int(args[1]), float(args[2]))
    elif mode == "sessions-baseline":
        sessions_baseline(args[0])
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main()
