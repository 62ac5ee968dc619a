"""Running a command: :func:`main` parses the command line, :func:`run` opens what the
command's row in the table asks for (:mod:`supervisor_app.cli.table`) and calls its handler;
refusals become a line on stderr and an exit code."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from supervisor_app.cli.common import EXIT_FAILURE, EXIT_INVALID, EXIT_OK, CliError, check_database_target
from supervisor_app.cli.table import HOURS_VIEW_COMMANDS, build_parser, command_for


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # usage errors (2), --help and --version (0): a code, not an exception
        return exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_INVALID)
    from supervisor_app.db import provide_profiles

    provide_profiles(_load_profiles)  # the database layer is handed the domain's credential profiles
    if args.command is None:
        from supervisor_app.ui.app import run_app

        return run_app(db_target=args.db, demo=args.demo, hours_files=args.open_hours)
    from supervisor_app.services.errors import DomainError
    from supervisor_app.storage import DatabaseError

    try:
        return run(args)
    except (DomainError, CliError) as exc:
        if isinstance(exc, DomainError) and exc.code == "sign.clock_behind":
            print(f"supervisor-app: {exc} To confirm it, add --clock-is-right.", file=sys.stderr)
            return EXIT_INVALID
        print(f"supervisor-app: {exc}", file=sys.stderr)
        return exc.exit_code if isinstance(exc, CliError) else EXIT_INVALID
    except DatabaseError as exc:
        print(f"supervisor-app: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `supervisor-app list sessions | head`: the reader left, not an error
        with contextlib.suppress(Exception):  # no second complaint when Python flushes stdout at exit
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILURE
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for users
        if isinstance(
            exc, _loaded_class("supervisor_app.services.signoff.checks", "RecordsFailVerification")
        ) or (isinstance(exc, _loaded_class("supervisor_app.services.profiles", "ProfileError"))):
            print(f"supervisor-app: {exc}", file=sys.stderr)
            return EXIT_FAILURE
        if isinstance(exc, OSError) and exc.filename and not os.environ.get("SUPERVISOR_APP_DEBUG"):
            # A file the command read or wrote (a read-only folder, a full disk): which, and why.
            print(f"supervisor-app: {exc.filename}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_FAILURE
        print(f"supervisor-app: unexpected error: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        if os.environ.get("SUPERVISOR_APP_DEBUG"):
            raise
        return EXIT_FAILURE


def run(args: argparse.Namespace) -> int:
    """The command's handler, in the unit of work its row asks for (none: the handler opens
    what it needs)."""
    command = command_for(args)
    if command is None:  # pragma: no cover - main opens the app
        raise CliError("no command given")
    if command.database == "own":
        return command.handler(args)
    with database(args, reading=command.opens_reading) as db, db.uow(actor(), reading=command.reading) as uow:
        return command.handler(args, uow)


@contextlib.contextmanager
def database(args: argparse.Namespace, *, reading: bool) -> Iterator[Any]:
    """The database the command works on: the demo's, hours files opened read-only
    (``--open-hours``), or the file or URL given (``--db``, else the default one)."""
    from supervisor_app.db import open_database
    from supervisor_app.storage import DatabaseError

    if getattr(args, "demo", False):
        from supervisor_app.services.demo import demo_database

        with demo_database() as db:
            yield db
        return
    if getattr(args, "open_hours", None):
        yield from _hours_view(args)
        return
    check_database_target(args.db)
    try:
        db = open_database(args.db, reading=reading, on_full_check=_checking_note)
    except DatabaseError as exc:
        raise CliError(str(exc), EXIT_FAILURE) from exc
    try:
        yield db
    finally:
        db.close()


def _checking_note(reason: str) -> None:
    """Before SQLite's whole-file check (once a day, after an unclean shutdown), a person at a
    terminal is told why this command takes a moment; scripts' output stays as it is."""
    if sys.stderr.isatty():
        print(f"supervisor-app: checking the whole database file first ({reason}) …", file=sys.stderr)


def _hours_view(args: argparse.Namespace) -> Iterator[Any]:
    """Hours files opened read-only in a temporary database (``--open-hours``)."""
    from supervisor_app.services.hours_files import open_hours_files

    if args.command not in HOURS_VIEW_COMMANDS:
        raise CliError(
            f"--open-hours works with {', '.join(sorted(HOURS_VIEW_COMMANDS))}, not {args.command}."
        )
    if getattr(args, "db", None):
        raise CliError("Give either --db or --open-hours, not both.")
    paths = [Path(p).expanduser() for p in args.open_hours]
    for path in paths:
        if not path.is_file():
            raise CliError(f"{path} does not exist.")
    view = open_hours_files(paths)
    try:
        if getattr(args, "supervisee", None) is None and len(view.supervisee_ids) == 1:
            args.supervisee = str(view.supervisee_ids[0])
        yield view
    finally:
        view.close()


def actor() -> str:
    try:
        import getpass

        return f"cli:{getpass.getuser()}"
    except Exception:  # no user name on some systems
        return "cli"


def _load_profiles():  # type: ignore[no-untyped-def]
    """The credential profiles, imported only when a command reads them (start-up time)."""
    from supervisor_app.usecases.opening import load_profiles

    return load_profiles()


class _NeverRaised(Exception):
    pass


def _loaded_class(module: str, name: str) -> type[BaseException]:
    """The exception class ``module.name`` if a command has imported the module (it alone
    raises it), else one that nothing raises: the handlers in :func:`main` do not import the
    sign-off service (the ORM, the models, the keys' cryptography) for every command."""
    loaded = sys.modules.get(module)
    return getattr(loaded, name) if loaded is not None else _NeverRaised
