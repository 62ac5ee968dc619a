"""The command line: the same services as the app, a contract other tools script against.

Exit codes: 0 done; 2 invalid input or usage (message on stderr, nothing written); 1 any
other failure.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from supervisor_app.cli import jobs as cli_jobs
from supervisor_app.cli import training as cli_training

EXIT_OK, EXIT_FAILURE, EXIT_INVALID = 0, 1, 2


CLOCK_HELP = "sign although the computer's clock reads earlier than the newest signature (it is right)"


class CliError(Exception):
    def __init__(self, message: str, exit_code: int = EXIT_INVALID) -> None:
        super().__init__(message)
        self.exit_code = exit_code


# --------------------------------------------------------------------------------------------
# Argument parsing


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        default=default,
        help="database file or SQLAlchemy URL (default: $SUPERVISOR_APP_DB, else supervisor.db in your data folder)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="print machine-readable JSON",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="use a throwaway database filled with sample data (never your real one)",
    )
    parser.add_argument(
        "--open-hours",
        nargs="+",
        metavar="FILE",
        default=default,
        help="instead of a database, open hours files read-only (no supervisor account needed); "
        "for progress, statement, list and verify, e.g. 'progress --open-hours ana.hours'",
    )


def _domain_pair(text: str) -> tuple[str, str]:
    code, sep, minutes = text.partition("=")
    if not sep or not code.strip():
        raise argparse.ArgumentTypeError(f"expected CODE=MINUTES, e.g. advocacy=30 (got {text!r})")
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
            f"a record id has at most {RECORD_ID_LENGTH} characters (got {len(value):,})"
        )
    if not _RECORD_ID.fullmatch(value):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a record id: record ids are made of the digits 0-9, the letters a-f and '-'"
        )
    return value


def _person_id(text: str) -> str:
    """A supervisor's or supervisee's id number, refused when far too long to be one (the
    services say what is wrong with a shorter one)."""
    if len(text.strip()) > PERSON_ID_DIGITS:
        raise argparse.ArgumentTypeError(
            f"an id number has at most {PERSON_ID_DIGITS} digits (got {len(text.strip()):,} characters)"
        )
    return text


def _limit(text: str) -> int:
    try:
        value = int(text) if len(text) <= 10 else -1
    except ValueError:
        value = -1
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError(
            f"expected a number of events from 1 to 1,000,000 (got {text[:20]!r})"
        )
    return value


_ID_TYPES = {
    "record": _record_id,
    "records": _record_id,
    "supervisee": _person_id,
    "supervisor": _person_id,
    "id": _person_id,
    "same_person_as": _person_id,
    "link_supervisee": _person_id,
}


def _check_ids(parser: argparse.ArgumentParser) -> None:
    """Give every id argument of every command its check (see :data:`_ID_TYPES`)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                _check_ids(child)
        elif action.type is None and action.dest in _ID_TYPES:
            if action.dest == "records" and action.option_strings:
                continue  # export --records FILE names a file
            action.type = _ID_TYPES[action.dest]


def _session_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--supervisor", required=required, help="supervisor id")
    parser.add_argument(
        "--supervisee",
        action="append",
        required=required,
        metavar="ID",
        help="supervisee id (repeat for a group)",
    )
    parser.add_argument("--date", required=required, help="YYYY-MM-DD")
    parser.add_argument("--start", help="HH:MM")
    parser.add_argument("--minutes", required=required)
    parser.add_argument("--format", required=required, help="individual|group")
    parser.add_argument("--modality", required=required, help="in-person|video|phone")
    parser.add_argument(
        "--domain", action="append", type=_domain_pair, required=required, metavar="CODE=MINUTES"
    )
    parser.add_argument("--site", default=None)
    parser.add_argument("--topics", default=None, help="what was discussed; no client information")


def _experience_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--supervisee", required=required)
    parser.add_argument("--supervisor", required=required)
    parser.add_argument("--from", dest="period_start", required=required, metavar="DATE")
    parser.add_argument("--to", dest="period_end", required=required, metavar="DATE")
    parser.add_argument(
        "--domain", action="append", type=_domain_pair, required=required, metavar="CODE=MINUTES"
    )
    parser.add_argument("--setting", default=None)
    parser.add_argument("--kind", default=None, help="paid|volunteer|internship")


def _supervisor_change_parsers(sup_sub: Any, common: argparse.ArgumentParser) -> None:
    """supervisor edit | leave | reactivate | recover | recovery-key."""
    edit = sup_sub.add_parser(
        "edit", parents=[common], help="change a supervisor's details (the options given)"
    )
    edit.add_argument("id")
    for option in (
        "name",
        "credentials",
        "title",
        "icb-number",
        "license-type",
        "license-number",
        "email",
        "phone",
    ):
        edit.add_argument(f"--{option}", default=None)
    edit.add_argument("--license", default=None, help='license type and number, e.g. "LCPC 180.000123"')
    edit.add_argument(
        "--certification-expires", default=None, metavar="DATE", help='ICB certification; "" clears'
    )
    edit.add_argument("--license-expires", default=None, metavar="DATE", help='"" clears')
    leave = sup_sub.add_parser(
        "leave",
        parents=[common],
        help="a supervisor who left: mark them inactive and hand their supervisees and pending records "
        "to a successor",
    )
    leave.add_argument("id")
    leave.add_argument("--successor", default=None, metavar="SUPERVISOR_ID")
    leave.add_argument("--from", dest="effective_from", default=None, metavar="DATE", help="default: today")
    leave.add_argument("--reason", default="")
    reactivate = sup_sub.add_parser("reactivate", parents=[common], help="a supervisor who came back")
    reactivate.add_argument("id")
    recover = sup_sub.add_parser(
        "recover",
        parents=[common],
        help="a forgotten password: the recovery key and the new password on two lines of stdin",
    )
    recover.add_argument("id")
    key = sup_sub.add_parser(
        "recovery-key",
        parents=[common],
        help="a new recovery key (the password on stdin); the old one stops working",
    )
    key.add_argument("id")


def _show_recovery_key(args: argparse.Namespace, name: str, supervisor_id: int, key: str | None) -> None:
    """The recovery key, once, on stderr (stdout stays the command's answer)."""
    if key and not args.json:
        print(
            f"Recovery key for {name}: {key}\n"
            "Write it down and keep it away from this computer. With it a forgotten password can be "
            f"replaced (supervisor recover {supervisor_id}). It is shown only this once.",
            file=sys.stderr,
        )


def _two_lines(what: str) -> tuple[str, str]:
    first = sys.stdin.readline()
    second = sys.stdin.readline()
    if not first or not second.rstrip("\r\n"):
        raise CliError(f"Give {what} as two lines on standard input.")
    return first.rstrip("\r\n"), second.rstrip("\r\n")


def _supervisor_change(args: argparse.Namespace, uow: Any) -> None:
    """supervisor edit | leave | reactivate | recover | recovery-key | passwd; supervisee transfer."""
    from supervisor_app.services import auth, people, supervisors

    if args.command == "supervisee":  # transfer
        result = supervisors.change_supervisor(
            uow,
            supervisee_id=args.id,
            supervisor_id=args.to,
            effective_from=args.effective_from,
            reason=args.reason,
        )
        uow.commit()
        stay = (
            f" {result.records_from_then} record(s) of {result.previous_supervisor_name} dated from then on stay theirs."
            if result.records_from_then
            else ""
        )
        _out(
            args,
            {**result.__dict__, "effective_from": result.effective_from.isoformat()},
            f"{result.supervisee_name}: supervised by {result.supervisor_name} from "
            f"{result.effective_from.isoformat()}"
            + (f" (before: {result.previous_supervisor_name})." if result.previous_supervisor_name else ".")
            + stay,
        )
        return
    action = args.action
    supervisor = people.get_supervisor(uow, args.id)
    if action == "edit":
        changes = {
            field: getattr(args, field)
            for field in supervisors.EDITABLE
            if getattr(args, field, None) is not None
        }
        if args.license is not None:
            if "license_type" in changes or "license_number" in changes:
                raise CliError("Give --license, or --license-type and --license-number, not both.")
            license_type, _, license_number = args.license.strip().partition(" ")
            changes.update(license_type=license_type, license_number=license_number.strip())
        if not changes:
            raise CliError("Nothing to change: give at least one option, e.g. --license-expires 2027-06-30.")
        changed = supervisors.edit_supervisor(uow, supervisor_id=supervisor.id, **changes)
        uow.commit()
        _out(
            args,
            {"id": supervisor.id, "changed": {f: [_iso(b), _iso(a)] for f, (b, a) in changed.items()}},
            (f"Changed for {supervisor.name}: {', '.join(changed)}." if changed else "Nothing changed."),
        )
    elif action == "leave":
        result = supervisors.supervisor_leaves(
            uow,
            supervisor_id=supervisor.id,
            successor_id=args.successor,
            effective_from=args.effective_from,
            reason=args.reason,
        )
        uow.commit()
        lines = [f"{result.supervisor_name} is marked inactive from {result.left_on.isoformat()}."]
        if result.successor_id is not None:
            lines.append(
                f"{len(result.supervisees)} supervisee(s) now supervised by {result.successor_name}."
                + (
                    f" {result.pending} pending record(s) for {result.successor_name} to review and sign "
                    f"(list sessions --supervisor {result.supervisor_id}; sign --supervisor "
                    f"{result.successor_id} RECORD_ID ...)."
                    if result.pending
                    else ""
                )
            )
        _out(
            args,
            {
                "id": result.supervisor_id,
                "successor": result.successor_id,
                "left_on": result.left_on.isoformat(),
                "supervisees": [m.supervisee_id for m in result.supervisees],
                "pending": result.pending,
            },
            "\n".join(lines),
        )
    elif action == "reactivate":
        supervisors.reactivate_supervisor(uow, supervisor_id=supervisor.id)
        uow.commit()
        _out(args, {"id": supervisor.id, "active": True}, f"{supervisor.name} is active again.")
    elif action == "recover":
        recovery_key, new = _two_lines("the recovery key and the new password")
        uow.actor = f"supervisor:{supervisor.id}"
        key = auth.reset_with_recovery_key(
            uow, supervisor_id=supervisor.id, recovery_key=recovery_key, new_password=new
        )
        uow.commit()
        _out(
            args,
            {"id": supervisor.id, "changed": True, "recovery_key": key},
            f"Password changed for {supervisor.name}.",
        )
        _show_recovery_key(args, supervisor.name, supervisor.id, key)
    elif action == "recovery-key":
        password = sys.stdin.readline().rstrip("\r\n")
        uow.actor = f"supervisor:{supervisor.id}"
        key = auth.new_recovery_key_for(uow, supervisor_id=supervisor.id, password=password)
        uow.commit()
        _out(
            args, {"id": supervisor.id, "recovery_key": key}, f"New recovery key made for {supervisor.name}."
        )
        _show_recovery_key(args, supervisor.name, supervisor.id, key)
    elif action == "passwd":
        if args.by is not None:
            by = people.get_supervisor(uow, args.by, field="by")
            by_password, new = _two_lines(f"{by.name}'s password and the new password")
            uow.actor = f"supervisor:{by.id}"
            key = auth.set_password_by_another(
                uow,
                supervisor_id=supervisor.id,
                new_password=new,
                by_supervisor_id=by.id,
                by_password=by_password,
            )
            uow.commit()
            text = f"Password set for {supervisor.name} by {by.name}."
        else:
            old = sys.stdin.readline().rstrip("\r\n")
            new = sys.stdin.readline().rstrip("\r\n")
            if not new:
                raise CliError("Give the old and the new password as two lines on standard input.")
            uow.actor = f"supervisor:{supervisor.id}"
            key = auth.change_password(uow, supervisor_id=supervisor.id, old_password=old, new_password=new)
            uow.commit()
            text = f"Password changed for {supervisor.name}."
        _out(args, {"id": supervisor.id, "changed": True, **({"recovery_key": key} if key else {})}, text)
        _show_recovery_key(args, supervisor.name, supervisor.id, key)


def _version() -> str:
    from supervisor_app import __version__

    return __version__


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _hours_import_json(summary: Any) -> dict[str, Any]:
    return {
        "hours_file": str(summary.path),
        "supervisee": {"id": summary.supervisee_id, "name": summary.supervisee_name},
        "added": summary.added,
        "already": summary.already,
        "supervisee_added": summary.supervisee_added,
        "linked": summary.linked,
        "supervisors_added": list(summary.supervisors_added),
        "same_name": [{"id": pid, "name": name} for pid, name in summary.same_name],
    }


class _Version(argparse.Action):
    """``--version``: the version is read (importlib.metadata) only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any) -> None:
        print(f"supervisor_app {_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="supervisor-app",
        description="Supervision hours, sign-off and ICB attestation forms. With no command, opens the app.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version number and exit")
    _global_options(parser, suppress=False)
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_: str, **kwargs: Any) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_, parents=[common], **kwargs)

    command("init", "create (or upgrade) the database")
    command("profiles", "list the credential profiles and their rules")

    supervisor = command("supervisor", "add supervisors, change a password")
    sup_sub = supervisor.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = sup_sub.add_parser("add", parents=[common], help="add a supervisor")
    add.add_argument("--name", required=True)
    add.add_argument("--credentials", required=True, help='as printed, e.g. "CRSS, LCPC"')
    add.add_argument("--title", default="")
    add.add_argument("--icb-number", default="")
    add.add_argument("--license", default="", help='license type and number, e.g. "LCPC 180.000123"')
    add.add_argument("--email", default="")
    add.add_argument("--phone", default="")
    add.add_argument("--agency", default=None)
    add.add_argument("--certification-expires", default=None, metavar="DATE", help="ICB certification expiry")
    add.add_argument("--license-expires", default=None, metavar="DATE")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (the recovery key is then printed once, on stderr)",
    )
    passwd = sup_sub.add_parser(
        "passwd",
        parents=[common],
        help="change a password (old and new on two lines of stdin); with --by, another supervisor "
        "sets it (their password and the new one on two lines): a first or a forgotten password",
    )
    passwd.add_argument("id")
    passwd.add_argument("--by", default=None, metavar="SUPERVISOR_ID", help="the supervisor who sets it")
    _supervisor_change_parsers(sup_sub, common)

    supervisee = command("supervisee", "add supervisees, change their details, mark them inactive")
    see_sub = supervisee.add_subparsers(dest="action", metavar="ACTION", required=True)
    transfer = see_sub.add_parser(
        "transfer",
        parents=[common],
        help="change a supervisee's supervisor from a date (earlier records stay with the earlier one)",
    )
    transfer.add_argument("id")
    transfer.add_argument("--to", required=True, metavar="SUPERVISOR_ID", help="the new supervisor")
    transfer.add_argument("--from", dest="effective_from", required=True, metavar="DATE", help="first day")
    transfer.add_argument("--reason", default="")
    add = see_sub.add_parser("add", parents=[common], help="add a supervisee")
    add.add_argument("--name", required=True)
    add.add_argument("--credential", required=True, help="credential code, e.g. CRSS")
    add.add_argument("--icb-id", default="")
    add.add_argument("--start", default=None, help="start date YYYY-MM-DD")
    add.add_argument("--position", default="")
    add.add_argument("--supervisor", default=None, help="supervisor of record (id)")
    add.add_argument("--agency", default=None)
    add.add_argument(
        "--same-person-as",
        default=None,
        metavar="SUPERVISOR_ID",
        help="this supervisee is also that supervisor (they may never sign their own hours)",
    )
    edit = see_sub.add_parser(
        "edit",
        parents=[common],
        help="change a supervisee's details (only those given), or mark them inactive",
    )
    edit.add_argument("id", metavar="ID", help="supervisee id")
    edit.add_argument("--name", default=None)
    edit.add_argument("--credential", default=None, help="only while no records are in the old one's domains")
    edit.add_argument("--icb-id", default=None, help='"" clears it')
    edit.add_argument("--start", default=None, help='start date YYYY-MM-DD ("" clears it)')
    edit.add_argument("--position", default=None, help='"" clears it')
    state = edit.add_mutually_exclusive_group()
    state.add_argument(
        "--inactive",
        dest="active",
        action="store_const",
        const=False,
        default=None,
        help="they left the agency",
    )
    state.add_argument("--active", dest="active", action="store_const", const=True, help="reactivate them")
    cli_training.add_hire_date_parser(see_sub, common)

    agency = command("agency", "change the agency's details printed on the forms")
    agency_sub = agency.add_subparsers(dest="action", metavar="ACTION", required=True)
    edit = agency_sub.add_parser("edit", parents=[common], help="change the agency's name, address or phone")
    edit.add_argument(
        "id", nargs="?", default=None, metavar="ID", help="agency id (needed only if there are several)"
    )
    edit.add_argument("--name", default=None)
    edit.add_argument("--address", default=None, help='"" clears it')
    edit.add_argument("--phone", default=None, help='"" clears it')
    edit.add_argument(
        "--supervisor-kinds",
        default=None,
        metavar="KINDS",
        help="credentials that also qualify a supervisor here, comma-separated (CRSS, CPRS, CADC, QMHP "
        'profiles; not the LCPC, set by rule); "" clears them',
    )

    session = command("session", "add supervision sessions")
    ses_sub = session.add_subparsers(dest="action", metavar="ACTION", required=True)
    _session_options(ses_sub.add_parser("add", parents=[common], help="add a pending session"), required=True)

    experience = command("experience", "add supervised experience")
    exp_sub = experience.add_subparsers(dest="action", metavar="ACTION", required=True)
    _experience_options(
        exp_sub.add_parser("add", parents=[common], help="add a pending experience entry"),
        required=True,
    )

    listing = command("list", "list supervisors, supervisees, sessions or experience")
    listing.add_argument("what", choices=["supervisors", "supervisees", "sessions", "experience"])
    listing.add_argument("--supervisee", default=None)
    listing.add_argument("--supervisor", default=None)

    progress = command("progress", "a supervisee's progress toward the credential")
    progress.add_argument("--supervisee", help="supervisee id (with --open-hours: the files' supervisee)")

    command("demo", "fill the database with a realistic sample agency")

    sign = command("sign", "sign pending records (password required)")
    sign.add_argument("--supervisor", required=True)
    sign.add_argument("--all", action="store_true", help="every pending record of this supervisor")
    sign.add_argument("records", nargs="*", metavar="RECORD_ID")
    sign.add_argument("--password-stdin", action="store_true")
    sign.add_argument("--clock-is-right", action="store_true", help=CLOCK_HELP)

    amend = command("amend", "correct a signed record: a new pending version with a reason")
    amend.add_argument("record", metavar="RECORD_ID")
    amend.add_argument("--reason", required=True)
    # The union of session and experience options; each applies to its own kind.
    amend.add_argument("--supervisor")
    amend.add_argument("--supervisee", action="append", metavar="ID")
    amend.add_argument("--date")
    amend.add_argument("--start")
    amend.add_argument("--minutes")
    amend.add_argument("--format")
    amend.add_argument("--modality")
    amend.add_argument("--domain", action="append", type=_domain_pair, metavar="CODE=MINUTES")
    amend.add_argument("--site")
    amend.add_argument("--topics")
    amend.add_argument("--from", dest="period_start", metavar="DATE")
    amend.add_argument("--to", dest="period_end", metavar="DATE")
    amend.add_argument("--setting")
    amend.add_argument("--kind")

    void = command("void", "withdraw a signed record with a reason (password required)")
    void.add_argument("record", metavar="RECORD_ID")
    void.add_argument("--reason", required=True)
    void.add_argument("--supervisor", required=True)
    void.add_argument("--password-stdin", action="store_true")
    void.add_argument("--clock-is-right", action="store_true", help=CLOCK_HELP)

    command("verify", "check every signature and record; exit 1 if anything was altered")
    command(
        "check",
        "check the whole database file now (it is checked by itself once a day and after an unclean "
        "shutdown); exit 1 if it is damaged",
    )

    audit = command("audit", "show the audit trail")
    audit.add_argument("--record", default=None)
    audit.add_argument("--supervisee", default=None)
    audit.add_argument("--limit", type=_limit, default=200)

    backup = command("backup", "copy the database to a file, safely, even while the app is open")
    backup.add_argument("--out", required=True, metavar="FILE")
    restore = command("restore", "replace the database with a backup (checked and verified first)")
    restore.add_argument("file", metavar="FILE")
    command("backups", "list the automatic backups of the database")
    sub.add_parser(
        "selftest", help="check this installation on a throwaway database (for IT); exit 0 if all is well"
    )

    importing = command(
        "import", "import past sessions and experience from CSV or XLSX, or an hours file (all or nothing)"
    )
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    importing.add_argument(
        "--link-supervisee",
        metavar="ID",
        help="hours files: the file's supervisee is this person here (recorded under another id)",
    )
    hours_file = command(
        "hours-file", "write a supervisee's signed records, with their signatures, to an hours file"
    )
    hours_file.add_argument("--supervisee", required=True)
    hours_file.add_argument("--out", required=True, metavar="FILE")
    # `export --json FILE` names a file, so this command takes the global options without
    # the --json output switch (its output is the file).
    no_json = argparse.ArgumentParser(add_help=False)
    no_json.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS)
    no_json.add_argument("--demo", action="store_true", default=argparse.SUPPRESS)
    exporting = sub.add_parser("export", help="export everything for the agency's archive", parents=[no_json])
    target = exporting.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", metavar="DIR", help="one CSV file per table in this folder")
    target.add_argument("--json", dest="json_file", metavar="FILE", help="one JSON file")
    target.add_argument(
        "--records", metavar="FILE", help="sessions and experience in the import format (.csv/.xlsx)"
    )
    attest = command("attest", "print the supervision verification form (signed records only) to a PDF")
    attest.add_argument("--supervisee", required=True)
    attest.add_argument("--supervisor", required=True)
    attest.add_argument("--from", dest="date_from", metavar="DATE")
    attest.add_argument("--to", dest="date_to", metavar="DATE")
    attest.add_argument("--out", required=True, metavar="FILE.pdf")
    attest.add_argument(
        "--signed-only",
        action="store_true",
        help="print although pending records exist in the range (they are left out)",
    )
    attest.add_argument(
        "--with-notes",
        action="store_true",
        help="add the agency notes pages (each rule's source, what to verify with the board) after "
        "the session log; for the agency's file, not for the board",
    )
    statement = command("statement", "print a supervisee's progress statement to a PDF")
    statement.add_argument("--supervisee", help="supervisee id (with --open-hours: the files' supervisee)")
    statement.add_argument("--out", required=True, metavar="FILE.pdf")
    check = command(
        "check-form",
        "check a printed attestation form against the signed records: exit 0 it matches, 1 it differs, "
        "2 not one of our forms",
    )
    check.add_argument("form", metavar="FORM.pdf")
    printed = command("attestations", "list the attestation forms printed so far")
    printed.add_argument("--supervisee", default=None)

    template = command("template", "write an import template (.csv or .xlsx) with the documented columns")
    template.add_argument("file", metavar="FILE")
    cli_training.add_parsers(sub, common)
    cli_jobs.add_parsers(sub, common)
    _check_ids(parser)
    return parser


# --------------------------------------------------------------------------------------------
# Running


@contextlib.contextmanager
def _database(args: argparse.Namespace) -> Iterator[Any]:
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
    _check_database_target(args.db)
    try:
        db = open_database(args.db, reading=args.command in READ_ONLY_COMMANDS, on_full_check=_checking_note)
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


def _check(args: argparse.Namespace) -> int:
    """``check``: SQLite's page-by-page check of the whole file now, whatever the day, with the
    checks every command makes (header, length, schema, revision). Reads only."""
    import time

    from supervisor_app.db import open_database, resolve_database, url_database

    if getattr(args, "demo", False) or getattr(args, "open_hours", None):
        raise CliError(
            "check looks at a database file (--db, or the default one); give no --demo or --open-hours."
        )
    _check_database_target(args.db)
    database = url_database(resolve_database(args.db))
    if database is None or not Path(database).is_file():
        raise CliError(f"{database or args.db} does not exist: there is nothing to check.")
    path = Path(database)
    started = time.perf_counter()
    db = open_database(path, integrity=True, reading=True, migrate=False)
    db.close()
    took = time.perf_counter() - started
    _out(
        args,
        {"database": str(path), "sound": True, "seconds": round(took, 3)},
        f"OK: {path.name} is sound: every page reads, and its schema and revision are supervisor_app's "
        f"({took:.1f} s). The next whole-file check is due in a day.",
    )
    return EXIT_OK


HOURS_VIEW_COMMANDS = frozenset({"progress", "statement", "list", "verify"})


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


def _check_database_target(target: str | None) -> None:
    """A malformed or non-SQLite URL in --db or $SUPERVISOR_APP_DB is a usage error (exit 2)."""
    from supervisor_app.db import ENV_DB

    given, source = (target, "--db") if target else (os.environ.get(ENV_DB), f"${ENV_DB}")
    if given and "://" not in given:
        _no_dangling_link(Path(given).expanduser(), source)
    if not given or "://" not in given:
        return
    from sqlalchemy.engine import make_url  # a URL only: a path needs no SQLAlchemy to start
    from sqlalchemy.exc import ArgumentError

    try:
        backend = make_url(given).get_backend_name()
    except ArgumentError:
        raise CliError(
            f"{source} {given!r} is neither a file path nor a database URL (e.g. sqlite:///path/to/supervisor.db)."
        ) from None
    if backend != "sqlite":
        raise CliError(f"{source} {given!r}: only SQLite databases are supported, not {backend}.")


def _no_dangling_link(path: Path, option: str) -> None:
    """A path through a symbolic link to nothing is bad input (exit 2): nothing is created."""
    from supervisor_app.db import dangling_link

    link = dangling_link(path)
    if link is not None:
        raise CliError(
            f"{option} {path}: {link} is a symbolic link to {os.readlink(link)}, which does not exist. "
            "Nothing was created."
        )


def _actor() -> str:
    try:
        import getpass

        return f"cli:{getpass.getuser()}"
    except Exception:  # no user name on some systems
        return "cli"


def _read_password(args: argparse.Namespace, prompt: str = "Password: ") -> str:
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise CliError("--password-stdin was given but standard input is empty.")
        return line.rstrip("\r\n")
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    raise CliError("A password is required: pass --password-stdin and write it to standard input.")


def _out(args: argparse.Namespace, data: Any, text: str | Callable[[], str]) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=None, default=str))
    else:
        print(text() if callable(text) else text)


def _table(rows: Sequence[Sequence[Any]], headers: Sequence[str]) -> str:
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _allocations(pairs: list[tuple[str, str]] | None) -> list[tuple[str, str]] | None:
    return list(pairs) if pairs else None


def _person_json(row: Any, fields: Sequence[str]) -> dict[str, Any]:
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
    "agency_id",
    "supervisor_id",
    "active",
    "same_person_supervisor_id",
    "created_at",
    "updated_at",
    "global_id",
]


# Commands that only read: their transaction never takes the write lock, so a long verify
# does not keep the app (or another command) from saving.
READ_ONLY_COMMANDS = frozenset(
    {"profiles", "list", "progress", "verify", "attestations", "backups", "audit", "check-form", "check"}
)


def run(args: argparse.Namespace) -> int:
    command = args.command
    if command == "restore":
        return _restore(args)
    if command == "check-form":
        return _check_form(args)
    if command == "check":
        return _check(args)
    if command == "selftest":  # never opens the user's database
        from supervisor_app.selftest import run_selftest

        return run_selftest()
    from supervisor_app.services import audit, people, records, signoff
    from supervisor_app.services.errors import DomainError
    from supervisor_app.services.progress import compute_progress, hours

    reading = command in READ_ONLY_COMMANDS or command in cli_training.READ_ONLY
    with _database(args) as db, db.uow(_actor(), reading=reading) as uow:
        if cli_training.handles(args):
            return cli_training.run(args, uow, _out, _read_password)
        if cli_jobs.handles(args):
            return cli_jobs.run(args, uow, _out)
        if command == "init":
            _out(args, {"database": db.url}, f"Database ready: {db.path or db.url}")
            if db.path is not None:
                from supervisor_app.fileops import sync_warning

                warning = sync_warning(db.path)  # OneDrive and the like: allowed, but said
                if warning:
                    print(f"Warning: {warning}", file=sys.stderr)
        elif command == "profiles":
            data = []
            lines = []
            for p in db.profiles:
                data.append(
                    {
                        "code": p.code,
                        "name": p.name,
                        "board": p.board,
                        "version": p.version,
                        "effective": p.effective.isoformat(),
                        "domains": {d.code: d.label for d in p.domains},
                        "supervision_minutes": p.supervision.total_minutes.value,
                        "experience_minutes": p.experience.total_minutes.value,
                        "unconfirmed": [name for name, _ in p.unconfirmed_rules()],
                        "source_file": p.path,
                        "overridden": p.overridden,
                    }
                )
                flag = (
                    " (verify with ICB: " + ", ".join(n for n, _ in p.unconfirmed_rules()) + ")"
                    if p.has_unconfirmed
                    else ""
                )
                lines.append(
                    f"{p.code:6} {p.name} — {p.board}, version {p.version}\n"
                    f"       supervision {hours(p.supervision.total_minutes.value)} h, experience "
                    f"{hours(p.experience.total_minutes.value)} h{flag}\n"
                    f"       domains: {', '.join(d.code for d in p.domains)}"
                )
            _out(args, data, "\n".join(lines))
        elif command == "supervisor" and args.action == "add":
            from supervisor_app.services.supervisors import create_supervisor

            password = _read_password(args) if args.password_stdin else None
            license_type, _, license_number = args.license.strip().partition(" ")
            row, key = create_supervisor(
                uow,
                name=args.name,
                credentials=args.credentials,
                title=args.title,
                icb_number=args.icb_number,
                license_type=license_type,
                license_number=license_number.strip(),
                email=args.email,
                phone=args.phone,
                certification_expires=args.certification_expires,
                license_expires=args.license_expires,
                agency=args.agency,
                password=password,
            )
            uow.commit()
            _out(args, {"id": row.id, **({"recovery_key": key} if key else {})}, str(row.id))
            _show_recovery_key(args, row.name, row.id, key)
        elif (command == "supervisor" and args.action != "add") or (
            command == "supervisee" and args.action == "transfer"
        ):
            _supervisor_change(args, uow)
        elif command == "supervisee" and args.action == "add":
            row = people.add_supervisee(
                uow,
                name=args.name,
                credential=args.credential,
                icb_id=args.icb_id,
                start_date=args.start,
                position=args.position,
                supervisor_id=args.supervisor,
                agency=args.agency,
                same_person_supervisor_id=args.same_person_as,
            )
            uow.commit()
            _out(args, {"id": row.id}, str(row.id))
        elif command == "supervisee" and args.action == "edit":
            _edit_supervisee(args, uow)
        elif command == "agency" and args.action == "edit":
            _edit_agency(args, uow)
        elif command == "session" and args.action == "add":
            row = records.add_session(
                uow,
                supervisor_id=args.supervisor,
                supervisee_ids=args.supervisee,
                date=args.date,
                start=args.start,
                minutes=args.minutes,
                format=args.format,
                modality=args.modality,
                allocations=args.domain,
                site=args.site or "",
                topics=args.topics or "",
            )
            uow.commit()
            _out(args, {"id": row.id}, row.id)
        elif command == "experience" and args.action == "add":
            row = records.add_experience(
                uow,
                supervisee_id=args.supervisee,
                supervisor_id=args.supervisor,
                period_start=args.period_start,
                period_end=args.period_end,
                allocations=args.domain,
                setting=args.setting or "",
                kind=args.kind or "paid",
            )
            uow.commit()
            _out(args, {"id": row.id}, row.id)
        elif command == "list":
            _list(args, uow)
        elif command == "progress":
            if args.supervisee is None:
                raise CliError(
                    "the following arguments are required: --supervisee (or --open-hours with one supervisee's files)"
                )
            result = compute_progress(uow, supervisee_id=args.supervisee)
            _out(args, result.to_json(), lambda: _progress_text(result))
        elif command == "demo":
            from supervisor_app.services.demo import DEMO_PASSWORD, load_demo

            summary = load_demo(uow)
            _out(
                args,
                summary.__dict__,
                f"Sample agency added: {summary.supervisors} supervisors, {summary.supervisees} supervisees, "
                f"{summary.sessions} sessions, {summary.experience} experience entries "
                f"({summary.signed} signed). Demo supervisors' password: {DEMO_PASSWORD}",
            )
        elif command == "sign":
            if args.all == bool(args.records):
                raise CliError("Give either --all or one or more record ids.")
            supervisor = people.get_supervisor(uow, args.supervisor)
            password = _read_password(args)
            uow.actor = f"supervisor:{supervisor.id}"
            from supervisor_app.usecases import signing

            result = signing.sign(
                uow,
                supervisor_id=supervisor.id,
                password=password,
                record_ids=None if args.all else args.records,
                clock_is_right=args.clock_is_right,
            )
            for warning in result.warnings:
                print(f"warning: {warning}", file=sys.stderr)
            _out(
                args,
                {"signed": result.signed},
                f"Signed {len(result.signed)} record(s) as {supervisor.name}.",
            )
        elif command == "amend":
            changes = {
                "supervisor_id": args.supervisor,
                "date": args.date,
                "start": args.start,
                "minutes": args.minutes,
                "format": args.format,
                "modality": args.modality,
                "allocations": _allocations(args.domain),
                "site": args.site,
                "topics": args.topics,
                "period_start": args.period_start,
                "period_end": args.period_end,
                "setting": args.setting,
                "kind": args.kind,
            }
            from supervisor_app.models import RecordKind

            original = records.find_record(uow, args.record)
            if records.record_kind(original) is RecordKind.SESSION:
                changes["supervisee_ids"] = args.supervisee
                for key in ("period_start", "period_end", "setting", "kind"):
                    if changes.pop(key) is not None:
                        raise CliError(
                            f"--{key.replace('_', '-')} applies to experience entries, not sessions."
                        )
            else:
                if args.supervisee:
                    if len(args.supervisee) > 1:
                        raise CliError("An experience entry has one supervisee.")
                    changes["supervisee_id"] = args.supervisee[0]
                for key in ("date", "start", "minutes", "format", "modality", "site", "topics"):
                    if changes.pop(key) is not None:
                        raise CliError(f"--{key} applies to sessions, not experience entries.")
            from supervisor_app.usecases import signing

            row = signing.amend(uow, record_id=original.id, reason=args.reason, **changes)
            _out(args, {"id": row.id, "amends": original.id}, row.id)
        elif command == "void":
            supervisor = people.get_supervisor(uow, args.supervisor)
            password = _read_password(args)
            uow.actor = f"supervisor:{supervisor.id}"
            from supervisor_app.usecases import signing

            link = signing.void(
                uow,
                record_id=args.record,
                reason=args.reason,
                supervisor_id=supervisor.id,
                password=password,
                clock_is_right=args.clock_is_right,
            )
            _out(args, {"voided": link.record_id, "signature": link.seq}, f"Voided {link.record_id}.")
        elif command == "verify":
            report = signoff.verify(uow)
            data = {
                "ok": report.ok,
                "records_checked": report.records_checked,
                "signatures_checked": report.signatures_checked,
                "problems": [{"record_id": p.record_id, "problem": p.message} for p in report.problems],
                "warnings": [{"record_id": p.record_id, "warning": p.message} for p in report.warnings],
                "keyed_signatures_checked": report.keyed_signatures_checked,
                "notes": [{"record_id": p.record_id, "note": p.message} for p in report.notes],
            }
            if args.json:
                _out(args, data, "")
            elif report.ok:
                print(
                    f"OK: {report.records_checked} records and {report.signatures_checked} signatures verified; nothing was altered."
                )
            else:
                for problem in report.problems:
                    print(f"{problem.record_id}: {problem.message}")
            if not args.json:
                for warning in report.warnings:
                    print(f"warning: {warning.record_id}: {warning.message}")
                for note in report.notes:
                    print(
                        f"note: {note.record_id}: {note.message}"
                        if note.record_id
                        else f"note: {note.message}"
                    )
            return EXIT_OK if report.ok else EXIT_FAILURE
        elif command == "audit":
            supervisee_id = people.get_supervisee(uow, args.supervisee).id if args.supervisee else None
            events = audit.list_events(
                uow, record_id=args.record, supervisee_id=supervisee_id, limit=args.limit
            )
            data = [{**e.__dict__, "at": e.at.isoformat()} for e in events]
            _out(
                args,
                data,
                lambda: _table(
                    [
                        (
                            e.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                            e.actor,
                            e.action,
                            (e.record_id or "")[:8],
                            e.supervisee_id or "",
                            e.details[:60],
                        )
                        for e in events
                    ],
                    ["when (local)", "who", "action", "record", "supervisee", "details"],
                ),
            )
        elif command == "backup":
            from supervisor_app.usecases import backups

            _no_dangling_link(Path(args.out).expanduser(), "--out")
            out = Path(args.out).expanduser().resolve()
            if db.path is None:
                raise CliError("Only a database file can be backed up.")
            if out == db.path:
                raise CliError("The backup must go to another file than the database itself.")
            if out.exists() and out.is_dir():
                raise CliError(f"{out} is a folder; give a file name for the backup.")
            backups.backup_now(db, out)
            _out(args, {"backup": str(out)}, f"Backed up to {out}")
        elif command == "import":
            from supervisor_app.services import hours_files
            from supervisor_app.usecases import transfer

            path = Path(args.file).expanduser()
            if not path.is_file():
                raise CliError(f"{path} does not exist.")
            if hours_files.is_hours_file(path):  # by its content, whatever its name
                if args.dry_run:
                    checked = hours_files.read_hours_file(path)
                    _out(
                        args,
                        {"hours_file": str(path), "records": len(checked.records), "ok": True},
                        f"{path.name}: an hours file of {checked.supervisee['name']}, {len(checked.records)} "
                        "signed record(s), every signature checks. Nothing was written (--dry-run).",
                    )
                    return EXIT_OK
                summary = hours_files.import_hours_file(uow, path, link_supervisee_id=args.link_supervisee)
                uow.commit()
                _out(args, _hours_import_json(summary), summary.text())
                return EXIT_OK
            if args.link_supervisee is not None:
                raise CliError("--link-supervisee is for hours files; this is a spreadsheet.")
            report = transfer.import_records(db, uow.actor, path, dry_run=args.dry_run)
            if not report.ok:
                print(report.text(), file=sys.stderr)
                if args.json:
                    print(json.dumps(report.to_json(), ensure_ascii=False, default=str))
                return EXIT_INVALID
            _out(args, report.to_json(), report.text())
        elif command == "hours-file":
            from supervisor_app.services import hours_files

            out = Path(args.out).expanduser()
            written = hours_files.write_hours_file(uow, supervisee_id=args.supervisee, path=out)
            uow.commit()
            _out(
                args,
                {
                    "file": str(written.path),
                    "supervisee": written.supervisee_id,
                    "records": written.records,
                    "voids": written.voids,
                    "signatures": written.signatures,
                    "left_out": list(written.left_out),
                },
                written.text(),
            )
        elif command == "export":
            from supervisor_app.usecases import transfer

            for option, value in (
                ("--out", args.out),
                ("--json", args.json_file),
                ("--records", args.records),
            ):
                if value:
                    _no_dangling_link(Path(value).expanduser(), option)
            if args.out:
                result = transfer.export_archive(db, uow.actor, Path(args.out).expanduser())
                _out(
                    args,
                    {"files": [str(f) for f in result.files], "rows": result.rows},
                    f"Exported {sum(result.rows.values())} rows to {len(result.files)} CSV files in {args.out}",
                )
            elif args.json_file:
                result = transfer.export_archive(
                    db, uow.actor, Path(args.json_file).expanduser(), as_json=True
                )
                _out(
                    args,
                    {"file": args.json_file, "rows": result.rows},
                    f"Exported {sum(result.rows.values())} rows of {len(result.rows)} tables to {args.json_file}",
                )
            else:
                count = transfer.export_records(db, uow.actor, Path(args.records).expanduser())
                _out(
                    args, {"file": args.records, "records": count}, f"Wrote {count} records to {args.records}"
                )
        elif command == "attest":
            from supervisor_app.usecases import printing

            out = _pdf_target(args.out)
            request = printing.FormRequest(
                args.supervisee, args.supervisor, args.date_from, args.date_to, args.signed_only, args.with_notes
            )
            try:  # recorded and committed, then written
                printed = printing.print_form(
                    uow, request, printed_by=uow.actor, app_version=_version(), out=out
                )
            except signoff.RecordsFailVerification as exc:
                raise CliError(str(exc)) from exc
            except DomainError as exc:
                if exc.code == "print.pending_records":
                    raise CliError(
                        f"{exc.message} Add --signed-only to print the signed records only."
                    ) from exc
                raise
            except OSError as exc:
                raise CliError(f"Could not write {out}: {exc.strerror or exc}", EXIT_FAILURE) from exc
            data, record = printed.data, printed.record
            _out(
                args,
                {
                    "file": str(out),
                    "serial": record.serial,
                    "reprint": record.reprint,
                    "fingerprint": data.fingerprint,
                },
                f"{'Reprinted' if record.reprint else 'Printed'} {record.serial} to {out}",
            )
        elif command == "statement":
            from supervisor_app.usecases import printing

            if args.supervisee is None:
                raise CliError(
                    "the following arguments are required: --supervisee (or --open-hours with one supervisee's files)"
                )
            out = _pdf_target(args.out)
            try:  # hours files opened read-only (--open-hours) record nothing
                printing.print_statement(
                    uow, supervisee_id=args.supervisee, app_version=_version(), out=out, record=not db.readonly
                )
            except signoff.RecordsFailVerification as exc:
                raise CliError(str(exc)) from exc
            except OSError as exc:
                raise CliError(f"Could not write {out}: {exc.strerror or exc}", EXIT_FAILURE) from exc
            _out(args, {"file": str(out)}, f"Progress statement written to {out}")
        elif command == "attestations":
            from supervisor_app.services import attestation

            entries = attestation.list_attestations(uow, supervisee_id=args.supervisee)
            _out(
                args,
                [e.to_json() for e in entries],
                lambda: (
                    _table(
                        [
                            (
                                e.serial,
                                e.supervisee_name,
                                e.supervisor_name,
                                e.date_from or "",
                                e.date_to or "",
                                hours(e.supervision_minutes),
                                e.fingerprint[:19],
                                e.printed_at.astimezone().strftime("%Y-%m-%d"),
                            )
                            for e in entries
                        ],
                        [
                            "serial",
                            "supervisee",
                            "supervisor",
                            "from",
                            "to",
                            "hours",
                            "fingerprint",
                            "printed",
                        ],
                    )
                    if entries
                    else "No attestation printed yet."
                ),
            )
        elif command == "template":
            from supervisor_app.usecases import transfer

            _no_dangling_link(Path(args.file).expanduser(), "template")
            path = transfer.write_template(Path(args.file).expanduser(), profiles=db.profiles)
            _out(args, {"file": str(path)}, f"Template written to {path}")
        elif command == "backups":
            from supervisor_app.storage import list_backups

            found = list_backups(db.path) if db.path else []
            data = [
                {"path": str(b.path), "taken_at": b.taken_at.isoformat(), "reason": b.reason, "size": b.size}
                for b in found
            ]
            _out(
                args,
                data,
                lambda: (
                    _table(
                        [
                            (
                                b.taken_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                                b.reason,
                                f"{b.size / 1e6:.1f} MB",
                                b.path,
                            )
                            for b in found
                        ],
                        ["taken (local)", "why", "size", "file"],
                    )
                    if found
                    else "No automatic backups yet."
                ),
            )
        else:  # pragma: no cover - argparse prevents this
            raise CliError(f"unknown command {command!r}")
    return EXIT_OK


def _check_form(args: argparse.Namespace) -> int:
    """``check-form FORM.pdf``: the form is read first (not one of our forms: exit 2, whatever
    the database), then checked against a source of signed records: the database (``--db``)."""
    from supervisor_app.services.form_check import DatabaseSource, check_form, read_form

    path = Path(args.form).expanduser()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CliError(f"Cannot read {args.form}: {exc.strerror or exc}") from exc
    form = read_form(data, name=path.name)
    with _database(args) as db, db.uow(_actor(), reading=True) as uow:
        source = DatabaseSource(uow, f"the database {db.path or db.url}")
        result = check_form(form, source)
    _out(args, result.to_json(), result.text)
    return EXIT_OK if result.matches else EXIT_FAILURE


def _pdf_target(value: str) -> Path:
    out = Path(value).expanduser()
    _no_dangling_link(out.parent, "--out")
    if out.suffix.lower() != ".pdf":
        raise CliError(f"--out must name a .pdf file (got {value!r}).")
    if not out.parent.is_dir():
        raise CliError(f"The folder {out.parent} does not exist.")
    return out


def _restore(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from supervisor_app.db import resolve_database
    from supervisor_app.lockfile import DatabaseLock
    from supervisor_app.storage import DatabaseError
    from supervisor_app.usecases import backups

    if getattr(args, "demo", False):
        raise CliError("restore does not apply to the demo database.")
    _check_database_target(args.db)
    database = make_url(resolve_database(args.db)).database
    if not database:
        raise CliError("restore needs a database file.")
    path = Path(database)
    lock = DatabaseLock(path)
    holder = lock.acquire()
    if holder is not None:
        raise CliError(
            f"The database is open in the app ({holder.describe()}); close it there first.", EXIT_FAILURE
        )
    try:
        result = backups.restore(path, Path(args.file).expanduser())
    except DatabaseError as exc:  # a bad backup file is bad input; a read-only or full disk is not
        raise CliError(
            str(exc), EXIT_FAILURE if exc.kind in ("read-only", "storage") else EXIT_INVALID
        ) from exc
    finally:
        lock.release()
    _out(
        args,
        {
            "restored_from": str(result.restored_from),
            "replaced_copy": str(result.replaced_copy) if result.replaced_copy else None,
            "records_checked": result.records_checked,
        },
        f"Restored from {result.restored_from} ({result.records_checked} records verified)."
        + (f" The replaced database is kept as {result.replaced_copy}." if result.replaced_copy else ""),
    )
    return EXIT_OK


def _changed_text(before: dict[str, Any], after: dict[str, Any]) -> str:
    """What an edit changed, one "field: old -> new" per change."""
    parts = [
        f"{key}: {_shown(before[key])} -> {_shown(after[key])}" for key in after if before[key] != after[key]
    ]
    return "; ".join(parts) if parts else "nothing changed"


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "(none)"
    if isinstance(value, bool):
        return "active" if value else "inactive"
    return repr(value) if isinstance(value, str) else str(value)


def _edit_supervisee(args: argparse.Namespace, uow: Any) -> None:
    from supervisor_app.services import people
    from supervisor_app.services.supervisee_edits import update_supervisee

    given = {
        "name": args.name,
        "credential": args.credential,
        "icb_id": args.icb_id,
        "start_date": args.start,
        "position": args.position,
    }
    given = {key: value for key, value in given.items() if value is not None}
    if not given and args.active is None:
        raise CliError(
            "Nothing to change: give --name, --credential, --icb-id, --start, --position, --inactive or --active."
        )
    person = people.get_supervisee(uow, args.id)
    keys = ["name", "credential", "icb_id", "start_date", "position", "active"]
    before = {key: getattr(person, key) for key in keys}
    if given:
        current = {key: before[key] for key in keys if key != "active"}
        update_supervisee(uow, supervisee_id=person.id, **(current | given))
    if args.active is not None:
        people.set_active(uow, supervisee_id=person.id, active=args.active)
    uow.commit()
    after = {key: getattr(person, key) for key in keys}
    _out(
        args,
        _person_json(person, SUPERVISEE_FIELDS),
        f"{person.name} (supervisee {person.id}): {_changed_text(before, after)}.",
    )


def _edit_agency(args: argparse.Namespace, uow: Any) -> None:
    from sqlalchemy import select

    from supervisor_app.models import Agency
    from supervisor_app.services import people

    if args.name is None and args.address is None and args.phone is None and args.supervisor_kinds is None:
        raise CliError("Nothing to change: give --name, --address, --phone or --supervisor-kinds.")
    if args.id is not None:
        agency = people.get_agency(uow, args.id)
    else:
        agencies = uow.session.scalars(select(Agency).order_by(Agency.id).limit(6)).all()
        if not agencies:
            raise CliError("There is no agency yet: `supervisor add --agency NAME` records one.")
        if len(agencies) > 1:
            listed = ", ".join(f"{a.id} ({a.name})" for a in agencies[:5])
            raise CliError(f"There are several agencies; give the id of the one to change: {listed}.")
        agency = agencies[0]
    keys = ["name", "address", "phone", "supervisor_kinds"]
    before = {key: getattr(agency, key) for key in keys}
    given = {
        "name": args.name,
        "address": args.address,
        "phone": args.phone,
        "supervisor_kinds": args.supervisor_kinds,
    }
    people.update_agency(
        uow, agency_id=agency.id, **{key: before[key] if given[key] is None else given[key] for key in keys}
    )
    uow.commit()
    after = {key: getattr(agency, key) for key in keys}
    _out(
        args,
        {"id": agency.id, **after},
        f"{agency.name} (agency {agency.id}): {_changed_text(before, after)}.",
    )


def _list(args: argparse.Namespace, uow: Any) -> None:
    from supervisor_app.services import people, records
    from supervisor_app.services.progress import hours

    supervisee_id = people.get_supervisee(uow, args.supervisee).id if args.supervisee else None
    supervisor_id = people.get_supervisor(uow, args.supervisor).id if args.supervisor else None
    if args.what == "supervisors":
        rows = people.list_supervisors(uow)
        data = [
            _person_json(r, SUPERVISOR_FIELDS) | {"has_password": r.password_hash is not None} for r in rows
        ]
        _out(
            args,
            data,
            lambda: _table(
                [(r.id, r.name, r.credentials, r.title, "yes" if r.active else "no") for r in rows],
                ["id", "name", "credentials", "title", "active"],
            ),
        )
    elif args.what == "supervisees":
        rows = people.list_supervisees(uow, supervisor_id=supervisor_id)
        data = [_person_json(r, SUPERVISEE_FIELDS) for r in rows]
        _out(
            args,
            data,
            lambda: _table(
                [
                    (
                        r.id,
                        r.name,
                        r.credential,
                        r.icb_id,
                        r.start_date or "",
                        r.supervisor_id or "",
                        "yes" if r.active else "no",
                    )
                    for r in rows
                ],
                ["id", "name", "credential", "icb id", "start", "supervisor", "active"],
            ),
        )
    elif args.what == "sessions":
        data = _with_origins(
            uow, records.list_records(uow, "session", supervisee_id=supervisee_id, supervisor_id=supervisor_id)
        )
        _out(
            args,
            data,
            lambda: _table(
                [
                    (
                        r["id"][:8],
                        r["date"],
                        r["start"] or "",
                        r["minutes"],
                        r["format"],
                        r["modality"],
                        ",".join(map(str, r["supervisee_ids"])),
                        r["status"]
                        + (f" -> {r['replaced_by'][:8]}" if r["replaced_by"] else "")
                        + _origin_text(r),
                    )
                    for r in data
                ],
                ["id", "date", "start", "min", "format", "modality", "supervisees", "status"],
            ),
        )
    else:
        data = _with_origins(
            uow, records.list_records(uow, "experience", supervisee_id=supervisee_id, supervisor_id=supervisor_id)
        )
        _out(
            args,
            data,
            lambda: _table(
                [
                    (
                        r["id"][:8],
                        r["from"],
                        r["to"],
                        hours(r["minutes"]),
                        r["kind"],
                        r["supervisee_id"],
                        r["status"]
                        + (f" -> {r['replaced_by'][:8]}" if r["replaced_by"] else "")
                        + _origin_text(r),
                    )
                    for r in data
                ],
                ["id", "from", "to", "hours", "kind", "supervisee", "status"],
            ),
        )


def _with_origins(uow: Any, data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records that arrived in an hours file carry ``signed_elsewhere``: the agency and the
    database (chain) they were signed in, and by whom."""
    from supervisor_app.services.signoff import record_origins

    origins = record_origins(uow, [r["id"] for r in data])
    for row in data:
        if row["id"] in origins:
            row["signed_elsewhere"] = origins[row["id"]]
    return data


def _origin_text(row: dict[str, Any]) -> str:
    origin = row.get("signed_elsewhere")
    if not origin:
        return ""
    where = origin["agency"] or f"database {origin['chain'][:8]}"
    return f" (signed by {origin['signer']}, {where})"


def _progress_text(result: Any) -> str:
    from supervisor_app.services.progress import hours

    lines = [
        f"{result.supervisee_name} — {result.profile.code} ({result.profile.name})",
        f"Eligible: {'yes' if result.eligible else 'no'}",
        "",
    ]
    for title, part in (("Supervision", result.supervision), ("Experience", result.experience)):
        lines.append(
            f"{title}: {hours(part.signed_minutes)} h signed, {hours(part.pending_minutes)} h pending, "
            f"{hours(part.required_minutes)} h required"
        )
        for domain in part.domains.values():
            required = f" / {hours(domain.required_minutes)} required" if domain.required_minutes else ""
            lines.append(
                f"  {domain.label:32} {hours(domain.signed_minutes):>9} signed"
                f"{hours(domain.pending_minutes):>9} pending{required}"
            )
        lines.append("")
    if result.supervisors:
        lines.append("By supervisor (signed; counted in brackets when less):")
        for share in result.supervisors:
            who = f"{share.name} ({share.credentials})" if share.credentials else share.name
            if share.agency:
                who += f", {share.agency}"
            supervision, experience = hours(share.supervision_minutes), hours(share.experience_minutes)
            if share.supervision_counted_minutes != share.supervision_minutes:
                supervision += f" ({hours(share.supervision_counted_minutes)})"
            if share.experience_counted_minutes != share.experience_minutes:
                experience += f" ({hours(share.experience_counted_minutes)})"
            lines.append(f"  {who:40} supervision {supervision:>9} h  experience {experience:>9} h")
        lines.append("")
    if result.unmet:
        lines.append("Still needed:")
        lines.extend(f"  - {text}" for text in result.unmet)
    if result.notes:
        lines.append("Notes:")
        lines.extend(f"  - {text}" for text in result.notes)
    return "\n".join(lines).rstrip()


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
        if isinstance(exc, _loaded_class("supervisor_app.services.signoff.signing", "ClockBehind")):
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

