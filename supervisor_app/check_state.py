"""When SQLite's whole-file check runs: at most once a day, and after an unclean shutdown.

``PRAGMA quick_check`` reads every page of the database (1.5 s for a 2 GB agency file), so it
is not run by every command and every start. Every open still makes the cheap checks
(:func:`supervisor_app.storage.check_file`: the header, the length of the file, the table list,
the exact schema, the revision); the whole-file check runs when one of these holds:

- the file has not passed it on this computer yet (a new copy, a file from elsewhere);
- the file at that path is not the one that passed (restored, copied over: another inode);
- its last pass was a day ago or more (or the clock says it is in the future);
- a process that had it open for writing ended without closing it (a crash, a killed
  process, a power cut): its open-marker is still there and the process is gone.

What passed, and who has the file open, is kept outside the file, in the user's data folder
(``file-checks/``), keyed by the file's full path: a damaged or altered file cannot vouch for
itself. Nothing here imports more than the standard library.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import logging
import os
import socket
from pathlib import Path

from supervisor_app.i18n import _

log = logging.getLogger(__name__)

FULL_CHECK_INTERVAL = dt.timedelta(days=1)
FOLDER_NAME = "file-checks"
_serial = itertools.count(1)  # one marker per open handle: two handles in a process close apart


def _folder() -> Path:
    from supervisor_app.storage import user_data_dir

    return user_data_dir() / FOLDER_NAME


def _key(path: Path) -> str:
    return hashlib.sha256(os.fsencode(os.path.abspath(path))).hexdigest()[:32]


def _state_file(path: Path) -> Path:
    return _folder() / f"{_key(path)}.json"


def _identity(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_ino, stat.st_dev


def _read_state(path: Path) -> dict | None:  # type: ignore[type-arg]
    try:
        data = json.loads(_state_file(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def stale_markers(path: Path) -> list[Path]:
    """Open-markers of ``path`` left by processes of this computer that are gone (they did not
    close the file: a crash, a kill, a power cut)."""
    folder = _folder()
    prefix = f"{_key(path)}.open-"
    host = socket.gethostname()
    found = []
    try:
        names = [name for name in os.listdir(folder) if name.startswith(prefix)]
    except OSError:
        return []
    if not names:
        return []
    from supervisor_app.lockfile import process_alive

    for name in names:
        marker = folder / name
        try:
            pid = int(name[len(prefix) :].split("-")[0])
            marker_host = marker.read_text(encoding="utf-8").strip()
        except (ValueError, OSError):
            continue
        if marker_host == host and pid != os.getpid() and not process_alive(pid):
            found.append(marker)
    return found


def full_check_due(path: Path, *, now: dt.datetime | None = None) -> str | None:
    """Why the whole-file check of ``path`` is due now, in plain words; None when it is not."""
    if stale_markers(path):
        return _("it was not closed properly last time (the app or a command was stopped)")
    state = _read_state(path)
    if state is None:
        return _("it has not been checked on this computer yet")
    try:
        if (int(state["inode"]), int(state["device"])) != _identity(path):
            return _("the file was replaced since its last check")
        checked = dt.datetime.fromisoformat(str(state["checked_at"]))
    except (OSError, KeyError, TypeError, ValueError):
        return _("it has not been checked on this computer yet")
    age = (now or dt.datetime.now(dt.UTC)) - checked
    if not dt.timedelta(0) <= age < FULL_CHECK_INTERVAL:
        return _("its last check was a day ago or more")
    return None


def record_full_check(path: Path, *, started: dt.datetime, stale: list[Path] | None = None) -> None:
    """``path`` passed the whole-file check that began at ``started``; the open-markers of
    crashed processes seen before it began (``stale``) are answered by it and removed. A state
    that cannot be written (a read-only data folder) only means the check runs again."""
    try:
        from supervisor_app.storage import private_folder, write_private

        folder = _folder()
        private_folder(folder)
        inode, device = _identity(path)
        state = {
            "path": os.path.abspath(path),
            "checked_at": started.astimezone(dt.UTC).isoformat(),
            "inode": inode,
            "device": device,
        }
        write_private(_state_file(path), json.dumps(state).encode("utf-8"))
        for marker in stale or []:
            marker.unlink(missing_ok=True)
        _forget_gone(folder)
    except OSError as exc:
        log.warning("could not record the whole-file check of %s: %s", path, exc)


def _forget_gone(folder: Path) -> None:
    """Drop what is kept for files that no longer exist (a demo's or a restore's temporary copy),
    so the folder does not grow; a few small files, read when a check passed."""
    for state_file in folder.glob("*.json"):
        try:
            gone = not Path(json.loads(state_file.read_text(encoding="utf-8"))["path"]).exists()
        except (OSError, ValueError, KeyError, TypeError):
            gone = True
        if gone:
            key = state_file.stem
            for leftover in [state_file, *folder.glob(f"{key}.open-*")]:
                leftover.unlink(missing_ok=True)


def forget_full_check(path: Path) -> None:
    """Make the next open of ``path`` check the whole file (it was found damaged, or replaced)."""
    try:
        _state_file(path).unlink(missing_ok=True)
    except OSError:
        pass


def mark_open(path: Path) -> Path | None:
    """Say that this process has ``path`` open for writing, until :func:`mark_closed`. A marker
    left behind (the process ended without closing) makes the next open check the whole file."""
    try:
        from supervisor_app.storage import private, private_folder

        folder = _folder()
        private_folder(folder)
        marker = folder / f"{_key(path)}.open-{os.getpid()}-{next(_serial)}"
        private(marker)
        marker.write_text(socket.gethostname(), encoding="utf-8")
        return marker
    except OSError as exc:
        log.warning("could not mark %s as open: %s", path, exc)
        return None


def mark_closed(marker: Path | None) -> None:
    if marker is not None:
        try:
            marker.unlink(missing_ok=True)
        except OSError:
            pass
