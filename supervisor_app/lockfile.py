"""Who has a database open in the app: a lock file beside it, ``<database>.lock``.

SQLite itself keeps two writers from corrupting the file; the lock file is for people: a second
copy of the app opens the database read-only and says who holds it, instead of two supervisors
editing the same records at once. A lock left by a crashed app (its process is gone) is taken
over. The command line does not take the lock: its writes wait on SQLite's busy timeout.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from supervisor_app.fileops import remove_file
from supervisor_app.i18n import _


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        try:
            when = dt.datetime.fromisoformat(self.since).astimezone().strftime("%Y-%m-%d %H:%M")
        except ValueError:
            when = self.since
        return _("{user} on {host} (since {when})").format(user=self.user, host=self.host, when=when)


def _me() -> LockHolder:
    try:
        user = getpass.getuser()
    except Exception:  # no login name (some service accounts)
        user = "unknown user"
    return LockHolder(
        user, socket.gethostname(), os.getpid(), dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    )


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:  # Windows raises OSError for a pid that is gone
        return False
    return True


class DatabaseLock:
    """``acquire()`` returns None when we hold the lock, else who does."""

    def __init__(self, database: Path) -> None:
        self.path = Path(str(database) + ".lock")
        self.held = False

    def read(self) -> LockHolder | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return LockHolder(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def acquire(self) -> LockHolder | None:
        me = _me()
        for _attempt in range(2):
            try:
                fd = os.open(
                    self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600
                )  # who has it open: theirs only
            except FileExistsError:
                holder = self.read()
                stale = holder is None or (holder.host == me.host and not process_alive(holder.pid))
                if holder is not None and holder.host == me.host and holder.pid == me.pid:
                    self.held = True
                    return None
                if not stale:
                    return holder
                try:
                    remove_file(self.path)  # left by an app that crashed: take it over
                except OSError:
                    return holder  # still held (Windows): treated as taken, the app opens read-only
                continue
            except OSError:
                return None  # a read-only folder: nothing to coordinate with
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(me.__dict__, handle)
            self.held = True
            return None
        return self.read()

    def release(self) -> None:
        if self.held:
            holder = self.read()
            if holder is not None and holder.pid == os.getpid():
                with suppress(OSError):  # held past the retries: the next start sees it stale
                    remove_file(self.path)
            self.held = False
