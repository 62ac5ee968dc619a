"""Running a command: :func:`main` parses the command line, :func:`run` opens what the
command's row in the table asks for (:mod:`supervisor_app.cli.table`) and calls its handler;
refusals become a line on stderr and an exit code."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from supervisor_app import i18n
from supervisor_app.cli.common import EXIT_FAILURE, EXIT_INVALID, EXIT_OK, CliError, check_database_target
from supervisor_app.cli.table import HOURS_VIEW_COMMANDS, build_parser, command_for
from supervisor_app.i18n import N_, _

LANGUAGE_VARIABLE = "SUPERVISOR_APP_LANG"
"""The environment variable that chooses the language when ``--lang`` does not."""


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # the process's own command line (the script, -m, the frozen app): it ends after this
        # Python's shutdown walks every object SQLAlchemy, the models and the command made in
        # its garbage collections (0.1-0.2 s CPU after a progress view at scale 1, issue 19);
        # frozen, they are left to the OS. atexit handlers, flushes and closes still run.
        atexit.register(gc.freeze)
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        language, explicit = chosen_language(argv)
    except i18n.UnknownLanguage as exc:
        i18n.set_language(system_language())
        print(
            "supervisor-app: "
            + _("{where}: there is no language {code}; the app speaks {languages}.").format(
                where=exc.args[1],
                code=exc.args[0],
                languages=", ".join(f"{code} ({name})" for code, name in i18n.LANGUAGES.items()),
            ),
            file=sys.stderr,
        )
        return EXIT_INVALID
    i18n.set_language(language)  # before the parser is built: its help texts are translated
    _argparse_speaks_the_language()
    parser = build_parser(argv)
    parser.add_argument(
        "--lang",
        metavar="|".join(i18n.LANGUAGES),
        type=i18n.normalize,
        default=None,
        help=_(
            "the language of messages and help: {languages} (default: ${variable}, else the system's)"
        ).format(languages=", ".join(i18n.LANGUAGES), variable=LANGUAGE_VARIABLE),
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # usage errors (2), --help and --version (0): a code, not an exception
        return exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_INVALID)
    from supervisor_app.db import provide_profiles

    provide_profiles(_load_profiles)  # the database layer is handed the domain's credential profiles
    if args.command is None:
        from supervisor_app.ui.app import run_app

        return run_app(
            db_target=args.db,
            demo=args.demo,
            hours_files=args.open_hours,
            language=language if explicit else None,
        )
    from supervisor_app.services.errors import DomainError
    from supervisor_app.storage import DatabaseError

    # --json is for scripts: what it writes (messages and notes inside the JSON too) stays in
    # the app's English, whatever the language, as do its refusals on stderr.
    scripted = i18n.using(i18n.SOURCE_LANGUAGE) if getattr(args, "json", False) else contextlib.nullcontext()
    try:
        with scripted:
            return run(args)
    except (DomainError, CliError) as exc:
        if isinstance(exc, DomainError) and exc.code == "sign.clock_behind":
            print(f"supervisor-app: {exc} " + _("To confirm it, add --clock-is-right."), file=sys.stderr)
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
        from supervisor_app.storage import server_lost

        if server_lost(exc) and not os.environ.get("SUPERVISOR_APP_DEBUG"):
            # A state, not the input: the transaction was rolled back with the connection.
            print(
                "supervisor-app: "
                + _(
                    "The agency database server stopped answering (it stopped, or the network is "
                    "down): nothing more was written. Try again when it is back."
                ),
                file=sys.stderr,
            )
            return EXIT_FAILURE
        if isinstance(
            exc, _loaded_class("supervisor_app.services.signoff.checks", "RecordsFailVerification")
        ) or (isinstance(exc, _loaded_class("supervisor_app.services.profiles", "ProfileError"))):
            print(f"supervisor-app: {exc}", file=sys.stderr)
            return EXIT_FAILURE
        if isinstance(exc, OSError) and exc.filename and not os.environ.get("SUPERVISOR_APP_DEBUG"):
            # A file the command read or wrote (a read-only folder, a full disk): which, and why.
            print(f"supervisor-app: {exc.filename}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_FAILURE
        print(
            "supervisor-app: "
            + _("unexpected error: {kind}: {error}").format(kind=exc.__class__.__name__, error=exc),
            file=sys.stderr,
        )
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
    with (
        database(args, reading=command.opens_reading) as db,
        db.uow(actor(), reading=command.reading, plain=command.plain) as uow,
    ):
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
    check_database_target(args.db, command_for(args))
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
        print(
            "supervisor-app: "
            + _("checking the whole database file first ({reason}) …").format(reason=reason),
            file=sys.stderr,
        )


def _hours_view(args: argparse.Namespace) -> Iterator[Any]:
    """Hours files opened read-only in a temporary database (``--open-hours``)."""
    from supervisor_app.services.hours_files import open_hours_files

    if args.command not in HOURS_VIEW_COMMANDS:
        raise CliError(
            _("--open-hours works with {commands}, not {command}.").format(
                commands=", ".join(sorted(HOURS_VIEW_COMMANDS)), command=args.command
            )
        )
    if getattr(args, "db", None):
        raise CliError(_("Give either --db or --open-hours, not both."))
    paths = [Path(p).expanduser() for p in args.open_hours]
    for path in paths:
        if not path.is_file():
            raise CliError(_("{path} does not exist.").format(path=path))
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


# -- the language ---------------------------------------------------------------------------


def chosen_language(argv: Sequence[str]) -> tuple[str, bool]:
    """The language of this run and whether it was asked for: ``--lang`` (before the command,
    read here before the parser exists so its help is translated), else $SUPERVISOR_APP_LANG,
    else the system's. Raises UnknownLanguage, saying which, for a language the app lacks."""
    for index, token in enumerate(argv):
        if token == "--":
            break
        if token == "--lang" and index + 1 < len(argv):
            return _known(argv[index + 1], "--lang"), True
        if token.startswith("--lang="):
            return _known(token.partition("=")[2], "--lang"), True
    chosen = os.environ.get(LANGUAGE_VARIABLE, "").strip()
    if chosen:
        return _known(chosen, f"${LANGUAGE_VARIABLE}"), True
    return system_language(), False


def _known(code: str, where: str) -> str:
    """``code`` as the app keeps it; UnknownLanguage(code, where) if the app does not speak it."""
    try:
        return i18n.normalize(code)
    except i18n.UnknownLanguage:
        raise i18n.UnknownLanguage(code, where) from None


def system_language() -> str:
    """The system's language: the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), and on
    Windows, where a terminal's environment rarely says, the user's display language."""
    found = i18n.system_language()
    if found == i18n.SOURCE_LANGUAGE and sys.platform == "win32":
        import ctypes
        import locale

        try:
            name = locale.windows_locale.get(ctypes.windll.kernel32.GetUserDefaultUILanguage(), "")  # type: ignore[attr-defined]
            return i18n.normalize(name)
        except (OSError, AttributeError, i18n.UnknownLanguage):
            return found
    return found


ARGPARSE_TEXTS = (
    # argparse's own texts (its usage line, headings and refusals), in our catalogue so that
    # `--help` and a usage error read in the chosen language; argparse looks them up by these msgids.
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
)


def _argparse_speaks_the_language() -> None:
    """argparse translates with the gettext module's default domain; point it at ours."""
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
