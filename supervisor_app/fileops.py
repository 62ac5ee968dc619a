"""Replacing and deleting files the way Windows needs, and where a database should not live.

On Windows a file cannot be replaced or deleted while any handle on it is open: a SQLite
connection of our own, or antivirus, a backup tool or OneDrive reading a file that was just
written (they hold it for a moment). Every replace or delete of a database, a backup, the lock
file or a temporary file goes through :func:`replace_file` or :func:`remove_file`: they close
the connections they are given first, then try, and while the file is held they wait and try
again (a few seconds in all) before giving up with :class:`FileHeldError`, whose message says
what held it in plain words. On Linux and macOS an open file can be replaced, so the waiting
only ever happens there for a folder that cannot be written (and the message says so).

Where a database lives matters too (:func:`location_problem`, :func:`sync_folder`):

- on a network drive (a ``\\\\server\\share`` path, a mapped drive Windows reports as remote,
  an NFS/SMB/CIFS mount) SQLite's file locking is unreliable: two computers, or one dropped
  connection, can damage the file. Such a database is refused unless IT has said otherwise
  (``SUPERVISOR_APP_ALLOW_NETWORK_DB=1``).
- in a folder a sync client copies (OneDrive, which Windows may redirect Documents into;
  Dropbox, Google Drive, iCloud) the client holds the file while it uploads and may make
  "conflicted copies": allowed, with a warning.

Nothing here imports Qt; the detection functions take what they look at (the mount table, the
drive type, the environment) as arguments, so every case is testable on any system.
"""

from __future__ import annotations

import errno
import gc
import ntpath
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from supervisor_app.i18n import _

# Seconds to wait before each retry: about 4 s in all, longer than antivirus usually holds a
# new file, short enough that a person waiting on a restore is not left wondering.
RETRY_DELAYS: tuple[float, ...] = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0)
ENV_ALLOW_NETWORK = "SUPERVISOR_APP_ALLOW_NETWORK_DB"


class Closable(Protocol):
    def close(self) -> object: ...


class FileHeldError(PermissionError):
    """A file could not be replaced or deleted, after waiting; ``str()`` says why plainly."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(errno.EACCES, message, str(path))
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


def _held(exc: OSError) -> bool:
    """Whether ``exc`` is what Windows reports for a file another handle holds (sharing or lock
    violation, access denied while a scanner has it) or a permission refusal: worth a retry."""
    return isinstance(exc, PermissionError) or getattr(exc, "winerror", None) in (5, 32, 33)


def _retrying(
    action: Callable[[], None],
    path: Path,
    verb: str,
    close: Iterable[Closable],
    delays: Sequence[float] | None,
) -> None:
    for handle in close:  # our own connections first: on Windows they hold the file too
        handle.close()
    delays = RETRY_DELAYS if delays is None else delays
    started = time.monotonic()
    for attempt in range(len(delays) + 1):
        try:
            action()
            return
        except OSError as exc:
            if not _held(exc):
                raise
            if attempt == len(delays):
                raise FileHeldError(_held_message(path, verb, time.monotonic() - started), path) from exc
            if attempt == 0:
                gc.collect()  # a connection nobody closed, still open until collected
            time.sleep(delays[attempt])


def _held_message(path: Path, verb: str, waited: float) -> str:
    folder = path.parent
    if folder.is_dir() and not os.access(folder, os.W_OK):
        why = _("the folder {folder} cannot be written").format(folder=folder)
    elif path.exists() and not os.access(path, os.W_OK):
        why = _("the file is read-only")
    else:
        why = _(
            "another program has it open (often antivirus, a backup tool or OneDrive checking a "
            "file that was just written, or another copy of supervisor_app)"
        )
    message = (
        _(
            "{path} could not be deleted: {why}. Tried for {seconds} s; "
            "close other programs using it, wait a moment and try again."
        )
        if verb == "deleted"
        else _(
            "{path} could not be replaced: {why}. Tried for {seconds} s; "
            "close other programs using it, wait a moment and try again."
        )
    )
    return message.format(path=path, why=why, seconds=f"{waited:.0f}")


def replace_file(
    source: Path,
    target: Path,
    *,
    close: Iterable[Closable] = (),
    delays: Sequence[float] | None = None,
) -> None:
    """``os.replace(source, target)``, after closing ``close``; waits and retries while either
    file is held, then raises :class:`FileHeldError`."""
    _retrying(lambda: os.replace(source, target), Path(target), "replaced", close, delays)


def remove_file(
    path: Path,
    *,
    missing_ok: bool = True,
    close: Iterable[Closable] = (),
    delays: Sequence[float] | None = None,
) -> None:
    """Delete ``path``, after closing ``close``; waits and retries while it is held, then
    raises :class:`FileHeldError`."""
    _retrying(lambda: Path(path).unlink(missing_ok=missing_ok), Path(path), "deleted", close, delays)


def remove_folder(folder: Path, *, delays: Sequence[float] = (0.05, 0.1, 0.25, 0.5)) -> bool:
    """Delete a temporary ``folder`` and everything in it, each file through :func:`remove_file`
    (a scanner holding a just-written copy is waited for, briefly). What is still held after
    that is left for the system's temporary-files cleanup: returns whether all of it went."""
    whole = True
    for path in sorted(Path(folder).rglob("*"), key=lambda p: len(p.parts), reverse=True):
        try:
            if path.is_dir() and not path.is_symlink():
                path.rmdir()
            else:
                remove_file(path, delays=delays)
        except OSError:
            whole = False
    try:
        Path(folder).rmdir()
    except FileNotFoundError:
        pass
    except OSError:
        whole = False
    return whole


@contextmanager
def temporary_folder(prefix: str) -> Iterator[Path]:
    """A new temporary folder, deleted with :func:`remove_folder` afterwards (never an error
    for a file antivirus still holds, as :class:`tempfile.TemporaryDirectory` would raise)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield folder
    finally:
        remove_folder(folder)


# --------------------------------------------------------------------------------------------
# Network drives

# Linux /proc/mounts and macOS `mount` file system types that are reached over the network.
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "coda", "afpfs",
        "webdav", "davfs", "fuse.davfs2", "fuse.sshfs", "sshfs", "9p", "glusterfs", "fuse.glusterfs",
        "ceph", "fuse.ceph", "lustre", "gpfs", "fuse.rclone", "fuse.s3fs",
    }
)  # fmt: skip
DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a mapped network drive


def _unescape_mount(field: str) -> str:
    # /proc/mounts writes a space as \040, a tab as \011, a backslash as \134
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m[1], 8)), field)


def parse_proc_mounts(text: str) -> list[tuple[str, str, str]]:
    """(device, mount point, file system type) for each line of Linux's /proc/mounts."""
    found = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            found.append((_unescape_mount(fields[0]), _unescape_mount(fields[1]), fields[2]))
    return found


_MACOS_MOUNT = re.compile(r"^(?P<device>.+?) on (?P<point>/.*?) \((?P<type>[^,)]+)")


def parse_macos_mount(text: str) -> list[tuple[str, str, str]]:
    """(device, mount point, file system type) for each line of macOS's ``mount`` output
    (``//ana@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by ana)``)."""
    found = []
    for line in text.splitlines():
        match = _MACOS_MOUNT.match(line)
        if match:
            found.append((match["device"], match["point"], match["type"].strip()))
    return found


def mount_of(path: str, mounts: Iterable[tuple[str, str, str]]) -> tuple[str, str, str] | None:
    """The mount ``path`` (absolute, symbolic links resolved) is on: the longest mount point
    that contains it (the last one mounted there, as the kernel lists them)."""
    best: tuple[str, str, str] | None = None
    for mount in mounts:
        point = mount[1].rstrip("/") or "/"
        inside = path == point or path.startswith(point + "/") or point == "/"
        if inside and (best is None or len(point) >= len(best[1].rstrip("/") or "/")):
            best = mount
    return best


def posix_network_reason(path: str, mounts: Iterable[tuple[str, str, str]]) -> str | None:
    """Why ``path`` is on a network file system (from its mount), or None."""
    mount = mount_of(path, mounts)
    if mount is None:
        return None
    device, point, fstype = mount
    if fstype.lower() in NETWORK_FILESYSTEMS:
        return _("it is on {point}, a network share ({fstype} from {device})").format(
            point=point, fstype=fstype, device=device
        )
    return None


def windows_network_reason(path: str, drive_type: Callable[[str], int] | None) -> str | None:
    """Why the Windows ``path`` is on the network (a UNC path, or a drive letter Windows
    reports as a network drive through ``drive_type``, e.g. GetDriveTypeW), or None."""
    if path.startswith(("\\\\?\\", "//?/")):  # the long-path prefix: \\?\C:\... or \\?\UNC\server\share
        rest = path[4:]
        path = "\\\\" + rest[4:] if rest[:4].upper() == "UNC\\" else rest
    drive, _rest = ntpath.splitdrive(path)
    if drive.startswith(("\\\\", "//")):
        return _("it is on the network share {share}").format(share=drive.replace("/", chr(92)))
    if drive and drive_type is not None and drive_type(drive + "\\") == DRIVE_REMOTE:
        return _("it is on {drive}, a network drive").format(drive=drive.upper())
    return None


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _existing(path: Path) -> Path:
    """``path``, or its nearest folder that exists (a database not created yet)."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def network_reason(path: Path, *, platform: str | None = None) -> str | None:
    """Why the database ``path`` is on a network drive, in plain words; None when it is local
    (or when the system cannot tell)."""
    platform = platform or sys.platform
    try:
        if platform == "win32":
            return windows_network_reason(os.path.abspath(path), _windows_drive_type)
        where = str(_existing(Path(os.path.abspath(path))).resolve())
        if platform.startswith("linux"):
            text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
            return posix_network_reason(where, parse_proc_mounts(text))
        if platform == "darwin":
            import subprocess

            text = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5).stdout
            return posix_network_reason(where, parse_macos_mount(text))
    except (OSError, ValueError, AttributeError):
        return None
    return None


def network_allowed(environ: Mapping[str, str] | None = None) -> bool:
    environ = os.environ if environ is None else environ
    return environ.get(ENV_ALLOW_NETWORK, "").strip().lower() in ("1", "yes", "true")


def network_message(path: Path, why: str) -> str:
    return _(
        "{path} is not on this computer: {why}. SQLite's file locking over network file sharing "
        "(SMB, NFS) is unreliable: two computers using the file, or a dropped connection in the "
        "middle of a save, can damage the database. Keep the database on this computer (the app's "
        "own folder is the default) and share hours files or backups instead. IT can allow it "
        "anyway with {setting}=1."
    ).format(path=path, why=why, setting=ENV_ALLOW_NETWORK)


# --------------------------------------------------------------------------------------------
# Sync folders (OneDrive and the like)

_SYNC_ENV = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
_SYNC_PART = re.compile(
    r"^(?:OneDrive(?: - .+)?|Dropbox(?: \(.+\))?|Google Drive|My Drive|Mobile Documents|iCloud Drive.*)$",
    re.IGNORECASE,
)


def sync_folder(path: str, environ: Mapping[str, str], *, windows: bool) -> str | None:
    """The sync client's folder that ``path`` is inside (OneDrive, which Windows may redirect
    Documents and Desktop into; Dropbox, Google Drive, iCloud), or None."""
    flavour = ntpath if windows else os.path
    norm = flavour.normcase(flavour.normpath(path))
    for name in _SYNC_ENV:
        root = environ.get(name)
        if root:
            root_norm = flavour.normcase(flavour.normpath(root))
            if norm == root_norm or norm.startswith(root_norm.rstrip(flavour.sep) + flavour.sep):
                return root
    parts = re.split(r"[\\/]" if windows else "/", path)
    for index, part in enumerate(parts[:-1]):
        if _SYNC_PART.match(part):
            return (("\\" if windows else "/").join(parts[: index + 1])) or part
    return None


def sync_warning(path: Path, environ: Mapping[str, str] | None = None) -> str | None:
    """A warning when the database ``path`` is in a folder a sync client copies; None if not."""
    environ = os.environ if environ is None else environ
    root = sync_folder(os.path.abspath(path), environ, windows=sys.platform == "win32")
    if root is None:
        return None
    return _(
        "{path} is in {root}, a folder a sync service (OneDrive, Dropbox, ...) copies to the "
        "cloud. The sync client holds the file while it uploads it, and two computers syncing it "
        "make conflicting copies. Keep the database in the app's own folder (the default) and "
        "rely on its backups."
    ).format(path=path, root=root)


def location_problem(path: Path, *, environ: Mapping[str, str] | None = None) -> str | None:
    """Why the database ``path`` must not be used where it is (a network drive), or None."""
    why = network_reason(path)
    if why is None or network_allowed(environ):
        return None
    return network_message(path, why)


__all__ = [
    "FileHeldError",
    "location_problem",
    "mount_of",
    "network_reason",
    "parse_macos_mount",
    "parse_proc_mounts",
    "posix_network_reason",
    "remove_file",
    "remove_folder",
    "replace_file",
    "sync_folder",
    "sync_warning",
    "temporary_folder",
    "windows_network_reason",
]
