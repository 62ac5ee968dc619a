"""What every command shares: exit codes, :class:`CliError`, the global options and the id
checks, printing (:func:`show`, :func:`table`), reading a password, and :func:`write`, the
command line's one write path. Imports nothing heavy: every command's parser is built from
these at start-up."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from supervisor_app.i18n import N_, _

if TYPE_CHECKING:
    from supervisor_app.db import UnitOfWork

EXIT_OK, EXIT_FAILURE, EXIT_INVALID = 0, 1, 2


CLOCK_HELP = N_("sign although the computer's clock reads earlier than the newest signature (it is right)")
"""Marked here, translated where the parser is built (``_(CLOCK_HELP)``)."""


class CliError(Exception):
    """Bad use of the command line that the command itself finds (not a service's refusal, a
    :class:`~supervisor_app.services.errors.DomainError`): its message on stderr, exit 2 (or
    ``exit_code``), nothing written."""

    def __init__(self, message: str, exit_code: int = EXIT_INVALID) -> None:
        super().__init__(message)
        self.exit_code = exit_code


# --------------------------------------------------------------------------------------------
# Argument parsing


def global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        default=default,
        help=_(
            "database file or SQLAlchemy URL (default: $SUPERVISOR_APP_DB, else supervisor.db in your data folder)"
        ),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help=_("print machine-readable JSON"),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help=_("use a throwaway database filled with sample data (never your real one)"),
    )
    parser.add_argument(
        "--open-hours",
        nargs="+",
        metavar="FILE",
        default=default,
        help=_(
            "instead of a database, open hours files read-only (no supervisor account needed); "
            "for progress, statement, list and verify, e.g. 'progress --open-hours ana.hours'"
        ),
    )


def domain_pair(text: str) -> tuple[str, str]:
    code, sep, minutes = text.partition("=")
    if not sep or not code.strip():
        raise argparse.ArgumentTypeError(
            _("expected CODE=MINUTES, e.g. advocacy=30 (got {text!r})").format(text=text)
        )
    return code.strip(), minutes.strip()


RECORD_ID_LENGTH = 36  # a UUID; any unique prefix of 6 or more characters will do
PERSON_ID_DIGITS = 19  # SQLite's integers: the largest id has 19 digits
_RECORD_ID = re.compile(r"[0-9A-Fa-f-]*")


def _record_id(text: str) -> str:
    """A record id (or prefix) as typed: checked for its shape before any look-up, so a
    megabyte of text is refused in a line instead of reaching SQLite's LIKE."""
    value = text.strip()
    if len(value) > RECORD_ID_LENGTH:
        raise argparse.ArgumentTypeError(
            _("a record id has at most {limit} characters (got {length})").format(
                limit=RECORD_ID_LENGTH, length=f"{len(value):,}"
            )
        )
    if not _RECORD_ID.fullmatch(value):
        raise argparse.ArgumentTypeError(
            _(
                "{value!r} is not a record id: record ids are made of the digits 0-9, the letters a-f and '-'"
            ).format(value=value)
        )
    return value


def _person_id(text: str) -> str:
    """A supervisor's or supervisee's id number, refused when far too long to be one (the
    services say what is wrong with a shorter one)."""
    if len(text.strip()) > PERSON_ID_DIGITS:
        raise argparse.ArgumentTypeError(
            _("an id number has at most {limit} digits (got {length} characters)").format(
                limit=PERSON_ID_DIGITS, length=f"{len(text.strip()):,}"
            )
        )
    return text


_ID_TYPES = {
    "record": _record_id,
    "records": _record_id,
    "supervisee": _person_id,
    "supervisor": _person_id,
    "id": _person_id,
    "same_person_as": _person_id,
    "link_supervisee": _person_id,
}


def check_ids(parser: argparse.ArgumentParser) -> None:
    """Give every id argument of every command its check (see :data:`_ID_TYPES`)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                check_ids(child)
        elif action.type is None and action.dest in _ID_TYPES:
            if action.dest == "records" and action.option_strings:
                continue  # export --records FILE names a file
            action.type = _ID_TYPES[action.dest]


def show_recovery_key(args: argparse.Namespace, name: str, supervisor_id: int, key: str | None) -> None:
    """The recovery key, once, on stderr (stdout stays the command's answer)."""
    if key and not args.json:
        print(_("Recovery key for {name}: {key}").format(name=name, key=key), file=sys.stderr)
        print(
            _(
                "Write it down and keep it away from this computer. With it a forgotten password can be "
                "replaced (supervisor recover {id}). It is shown only this once."
            ).format(id=supervisor_id),
            file=sys.stderr,
        )


def two_lines(refusal: str) -> tuple[str, str]:
    """Two lines of standard input; ``refusal`` (translated, whole sentence) when one is missing."""
    first = sys.stdin.readline()
    second = sys.stdin.readline()
    if not first or not second.rstrip("\r\n"):
        raise CliError(refusal)
    return first.rstrip("\r\n"), second.rstrip("\r\n")


def version() -> str:
    from supervisor_app import __version__

    return __version__


def iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


class VersionAction(argparse.Action):
    """``--version``: the version is read (importlib.metadata) only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any) -> None:
        print(f"supervisor_app {version()}")
        parser.exit()


def check_database_target(target: str | None, command: Command | None = None) -> None:
    """A malformed or non-SQLite URL in --db or $SUPERVISOR_APP_DB is a usage error (exit 2);
    a ``postgresql+psycopg://`` URL (the agency database) is taken by the commands that work
    there (``Command.agency``) and refused, naming them, by the others."""
    from supervisor_app.db import ENV_DB

    given, source = (target, "--db") if target else (os.environ.get(ENV_DB), f"${ENV_DB}")
    if given and "://" not in given:
        no_dangling_link(Path(given).expanduser(), source)
    if not given or "://" not in given:
        return
    from sqlalchemy.engine import make_url  # a URL only: a path needs no SQLAlchemy to start
    from sqlalchemy.exc import ArgumentError

    try:
        backend = make_url(given).get_backend_name()
    except ArgumentError:
        raise CliError(
            _(
                "{source} {given!r} is neither a file path nor a database URL "
                "(e.g. sqlite:///path/to/supervisor.db)."
            ).format(source=source, given=given)
        ) from None
    if backend == "postgresql":
        refuse_on_agency_database(given, command)
        return
    if backend != "sqlite":
        raise CliError(
            _("{source} {given!r}: only SQLite databases are supported, not {backend}.").format(
                source=source, given=given, backend=backend
            )
        )


def refuse_on_agency_database(url: str, command: Command | None) -> None:
    """Exit 2 unless ``command`` works on the agency database and ``url`` is one it can open
    (``postgresql+psycopg://``)."""
    from supervisor_app.agency_schema import refuse_unless_postgres
    from supervisor_app.cli.table import COMMANDS
    from supervisor_app.storage import DatabaseError

    try:
        refuse_unless_postgres(url)
    except DatabaseError as exc:
        raise CliError(str(exc)) from None
    if command is not None and command.agency:
        return
    if command is not None and command.name == "sync":
        raise CliError(
            _(
                "sync works on a laptop's database file (--db PATH); the agency database is the one "
                "it syncs with: --server URL."
            )
        )
    if command is not None:
        raise CliError(
            _(
                "{command} works on a laptop's database file only, not on the agency database "
                "(PostgreSQL): the agency database is checked at each open and backed up by its "
                "administrator (pg_dump)."
            ).format(command=command.name)
        )
    raise CliError(
        _(
            "{command} does not work on the agency database (PostgreSQL) yet; there, only {commands} "
            "do for now (issue 17). Forms, imports, hours files and backups work on a laptop's "
            "database file."
        ).format(
            command=command.name if command is not None else _("This command"),
            commands=", ".join(c.name for c in COMMANDS if c.agency),
        )
    )


def no_dangling_link(path: Path, option: str) -> None:
    """A path through a symbolic link to nothing is bad input (exit 2): nothing is created."""
    from supervisor_app.db import dangling_link

    link = dangling_link(path)
    if link is not None:
        raise CliError(
            _(
                "{option} {path}: {link} is a symbolic link to {target}, which does not exist. "
                "Nothing was created."
            ).format(option=option, path=path, link=link, target=os.readlink(link))
        )


def read_password(args: argparse.Namespace, prompt: str | None = None) -> str:
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise CliError(_("--password-stdin was given but standard input is empty."))
        return line.rstrip("\r\n")
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(_("Password: ") if prompt is None else prompt)
    raise CliError(_("A password is required: pass --password-stdin and write it to standard input."))


def show(args: argparse.Namespace, data: Any, text: str | Callable[[], str]) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=None, default=str))
    else:
        print(text() if callable(text) else text)


def table(rows: Sequence[Sequence[Any]], headers: Sequence[str]) -> str:
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def person_json(row: Any, fields: Sequence[str]) -> dict[str, Any]:
    data = {}
    for name in fields:
        value = getattr(row, name)
        data[name] = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value
    return data


SUPERVISOR_FIELDS = [
    "id",
    "name",
    "credentials",
    "title",
    "icb_number",
    "license_type",
    "license_number",
    "email",
    "phone",
    "certification_expires",
    "license_expires",
    "agency_id",
    "active",
    "left_on",
    "successor_id",
    "failed_attempts",
    "locked_until",
    "created_at",
    "updated_at",
    "global_id",
]
SUPERVISEE_FIELDS = [
    "id",
    "name",
    "icb_id",
    "credential",
    "position",
    "start_date",
    "hire_date",
    "language",
    "agency_id",
    "supervisor_id",
    "active",
    "same_person_supervisor_id",
    "created_at",
    "updated_at",
    "global_id",
]


def pdf_target(value: str) -> Path:
    out = Path(value).expanduser()
    no_dangling_link(out.parent, "--out")
    if out.suffix.lower() != ".pdf":
        raise CliError(_("--out must name a .pdf file (got {value!r}).").format(value=value))
    if not out.parent.is_dir():
        raise CliError(_("The folder {folder} does not exist.").format(folder=out.parent))
    return out


# --------------------------------------------------------------------------------------------
# The table's rows, and the one write path

Handler = Callable[..., int]
"""``handler(args, uow) -> exit code`` (``handler(args)`` for a command that opens what it
needs itself)."""


class Command(NamedTuple):
    """One row of the table of commands (:mod:`supervisor_app.cli.table`).

    ``name`` is what is typed: ``"init"``, or a group and its action, ``"supervisor add"``.
    ``database`` says what :func:`~supervisor_app.cli.running.run` opens for the handler:
    ``"write"`` a unit of work that may write, ``"read"`` one that only reads (it never takes
    the write lock, so a long verify does not keep the app from saving), ``"own"`` nothing
    (the handler opens what it needs, or no database at all). ``opens_for_reading`` opens the
    file itself as for reading (a read-only disk is then readable); by default as the unit of
    work. ``hours_view``: the command also works on hours files opened read-only
    (``--open-hours``). ``parents``: ``"common"`` the global options, ``"no_json"`` those
    without ``--json`` (``export --json FILE`` names a file), ``"none"`` none. ``agency``: it
    works on the agency database too (``--db postgresql+psycopg://...``, issue 17); the others
    refuse such a URL. ``plain``: a reading command whose reads are plain SQL; on a SQLite
    file its unit of work has no SQLAlchemy engine under it (:meth:`~supervisor_app.db.Database.uow`),
    so the process imports neither SQLAlchemy nor the models (issue 19).
    """

    name: str
    help: str
    handler: Handler
    arguments: Callable[[argparse.ArgumentParser], None] | None = None
    database: str = "write"
    opens_for_reading: bool | None = None
    hours_view: bool = False
    parents: str = "common"
    agency: bool = False
    plain: bool = False

    @property
    def reading(self) -> bool:
        return self.database == "read"

    @property
    def opens_reading(self) -> bool:
        return self.reading if self.opens_for_reading is None else self.opens_for_reading


T = TypeVar("T")


def write(uow: UnitOfWork, work: Callable[[UnitOfWork], T]) -> T:
    """A command's one change, the command line's one write path (as the app's
    :func:`~supervisor_app.ui.context.write_now`): ``work`` calls the services, which check,
    change and flush; then one commit. A refusal raised by ``work`` commits nothing (the
    unit of work rolls back). The use cases that commit themselves (signing, printing,
    transfer, backups, hours files) are called directly."""
    result = work(uow)
    uow.commit()
    return result
