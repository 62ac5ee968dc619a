"""The table of commands: every command the CLI knows, its help, its arguments, its handler and
what it opens. :func:`build_parser` builds the parser from it; :func:`command_for` finds the
row a parsed command line names. A new command is one row here and one short handler.

The rows are in the order ``--help`` lists them; a group (``supervisor``, ``training``...)
is listed where its first action is.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from supervisor_app.cli import admin, forms, jobs, people, records, syncing, training, transfer
from supervisor_app.cli.common import Command, VersionAction, check_ids, global_options
from supervisor_app.i18n import N_, _

GROUPS = {
    "supervisor": N_("add supervisors, change a password"),
    "supervisee": N_("add supervisees, change their details, mark them inactive"),
    "agency": N_("change the agency's details printed on the forms"),
    "session": N_("add supervision sessions"),
    "experience": N_("add supervised experience"),
    "training": N_("training and education hours, certificates, confirmation"),
    "credential": N_("credentials and licences people hold (number, issue date, expiry)"),
    "job": N_("a supervisee's jobs and the 51%% recovery-support answer (CRSS/CPRS)"),
}
"""The commands that take an ACTION, and their help (marked here, translated in :func:`build_parser`)."""

COMMANDS: tuple[Command, ...] = (
    Command(
        "init",
        N_("create (or upgrade) the database; with --db postgresql+psycopg://..., the agency database"),
        admin.init,
        admin.init_arguments,
        database="own",
    ),
    Command(
        "profiles",
        N_("list the credential profiles and their rules"),
        admin.profiles,
        database="read",
        agency=True,
    ),
    # supervisor
    Command(
        "supervisor add",
        N_("add a supervisor"),
        people.supervisor_add,
        people.supervisor_add_arguments,
        agency=True,
    ),
    Command(
        "supervisor passwd",
        N_(
            "change a password (old and new on two lines of stdin); with --by, another supervisor "
            "sets it (their password and the new one on two lines): a first or a forgotten password"
        ),
        people.supervisor_passwd,
        people.supervisor_passwd_arguments,
        agency=True,
    ),
    Command(
        "supervisor edit",
        N_("change a supervisor's details (the options given)"),
        people.supervisor_edit,
        people.supervisor_edit_arguments,
        agency=True,
    ),
    Command(
        "supervisor leave",
        N_(
            "a supervisor who left: mark them inactive and hand their supervisees and pending records "
            "to a successor"
        ),
        people.supervisor_leave,
        people.supervisor_leave_arguments,
        agency=True,
    ),
    Command(
        "supervisor reactivate",
        N_("a supervisor who came back"),
        people.supervisor_reactivate,
        people.one_id,
        agency=True,
    ),
    Command(
        "supervisor recover",
        N_("a forgotten password: the recovery key and the new password on two lines of stdin"),
        people.supervisor_recover,
        people.one_id,
        agency=True,
    ),
    Command(
        "supervisor recovery-key",
        N_("a new recovery key (the password on stdin); the old one stops working"),
        people.supervisor_recovery_key,
        people.one_id,
        agency=True,
    ),
    # supervisee
    Command(
        "supervisee transfer",
        N_("change a supervisee's supervisor from a date (earlier records stay with the earlier one)"),
        people.supervisee_transfer,
        people.supervisee_transfer_arguments,
        agency=True,
    ),
    Command(
        "supervisee add",
        N_("add a supervisee"),
        people.supervisee_add,
        people.supervisee_add_arguments,
        agency=True,
    ),
    Command(
        "supervisee edit",
        N_("change a supervisee's details (only those given), or mark them inactive"),
        people.supervisee_edit,
        people.supervisee_edit_arguments,
        agency=True,
    ),
    Command(
        "supervisee hire-date",
        N_("record the day the agency hired a supervisee ('' clears it)"),
        training.hire_date,
        training.hire_date_arguments,
        agency=True,
    ),
    Command(
        "agency edit",
        N_("change the agency's name, address or phone"),
        people.agency_edit,
        people.agency_edit_arguments,
        agency=True,
    ),
    # records
    Command(
        "session add",
        N_("add a pending session"),
        records.session_add,
        records.session_arguments,
        agency=True,
    ),
    Command(
        "experience add",
        N_("add a pending experience entry"),
        records.experience_add,
        records.experience_arguments,
        agency=True,
    ),
    Command(
        "list",
        N_("list supervisors, supervisees, sessions or experience"),
        records.list_,
        records.list_arguments,
        database="read",
        agency=True,
        hours_view=True,
    ),
    Command(
        "progress",
        N_("a supervisee's progress toward the credential"),
        records.progress,
        records.progress_arguments,
        database="read",
        hours_view=True,
        agency=True,
        plain=True,
    ),
    Command("demo", N_("fill the database with a realistic sample agency"), admin.demo),
    Command(
        "sign",
        N_("sign pending records (password required)"),
        records.sign,
        records.sign_arguments,
        agency=True,
    ),
    Command(
        "amend",
        N_("correct a signed record: a new pending version with a reason"),
        records.amend,
        records.amend_arguments,
        agency=True,
    ),
    Command(
        "void",
        N_("withdraw a signed record with a reason (password required)"),
        records.void,
        records.void_arguments,
        agency=True,
    ),
    Command(
        "verify",
        N_("check every signature and record; exit 1 if anything was altered"),
        records.verify,
        database="read",
        hours_view=True,
        agency=True,
    ),
    Command(
        "check",
        N_(
            "check the whole database file now (it is checked by itself once a day and after an unclean "
            "shutdown); exit 1 if it is damaged"
        ),
        admin.check,
        database="own",
    ),
    Command(
        "audit",
        N_("show the audit trail"),
        records.audit,
        records.audit_arguments,
        database="read",
        agency=True,
    ),
    # the database file
    Command(
        "backup",
        N_("copy the database to a file, safely, even while the app is open"),
        admin.backup,
        admin.backup_arguments,
    ),
    Command(
        "restore",
        N_("replace the database with a backup (checked and verified first)"),
        admin.restore,
        admin.restore_arguments,
        database="own",
    ),
    Command("backups", N_("list the automatic backups of the database"), admin.backups, database="read"),
    Command(
        "selftest",
        N_("check this installation on a throwaway database (for IT); exit 0 if all is well"),
        admin.selftest,
        database="own",
        parents="none",
    ),
    # records in and out
    Command(
        "import",
        N_("import past sessions and experience from CSV or XLSX, or an hours file (all or nothing)"),
        transfer.import_,
        transfer.import_arguments,
        agency=True,
    ),
    Command(
        "hours-file",
        N_("write a supervisee's signed records, with their signatures, to an hours file"),
        transfer.hours_file,
        transfer.hours_file_arguments,
        agency=True,
    ),
    Command(
        "sync",
        N_(
            "sync this database with the agency database (--server URL): send its signed records, "
            "receive those of its supervisors' supervisees"
        ),
        syncing.sync,
        syncing.sync_arguments,
        database="own",
    ),
    Command(
        "export",
        N_("export everything for the agency's archive"),
        transfer.export,
        transfer.export_arguments,
        parents="no_json",
        agency=True,
    ),
    # forms
    Command(
        "attest",
        N_("print the supervision verification form (signed records only) to a PDF"),
        forms.attest,
        forms.attest_arguments,
        agency=True,
    ),
    Command(
        "statement",
        N_("print a supervisee's progress statement to a PDF"),
        forms.statement,
        forms.statement_arguments,
        hours_view=True,
        agency=True,
    ),
    Command(
        "check-form",
        N_(
            "check a printed attestation form against the signed records: exit 0 it matches, 1 it differs, "
            "2 not one of our forms"
        ),
        forms.check_form,
        forms.check_form_arguments,
        database="own",
        agency=True,
    ),
    Command(
        "attestations",
        N_("list the attestation forms printed so far"),
        forms.attestations,
        forms.attestations_arguments,
        database="read",
        agency=True,
    ),
    Command(
        "template",
        N_("write an import template (.csv or .xlsx) with the documented columns"),
        transfer.template,
        transfer.file_argument,
        agency=True,
    ),
    # training, credentials, what is due (issue 20)
    Command(
        "due",
        N_("what is due: expiring credentials, renewals short of CEUs, supervision gaps, ..."),
        training.due,
        training.due_arguments,
        database="read",
        opens_for_reading=False,
        agency=True,
    ),
    Command(
        "training add",
        N_("record a training (self-reported)"),
        training.training_add,
        training.training_add_arguments,
        agency=True,
    ),
    Command(
        "training list",
        N_("a person's training, education and renewals"),
        training.training_list,
        training.who_arguments,
        agency=True,
    ),
    Command(
        "training confirm",
        N_("confirm a supervisee's training (signs it)"),
        training.training_confirm,
        training.confirm_arguments,
        agency=True,
    ),
    Command(
        "training attach",
        N_("attach (or replace) the certificate"),
        training.training_attach,
        training.attach_arguments,
        agency=True,
    ),
    Command(
        "training certificate",
        N_("save a training's certificate to a file"),
        training.training_certificate,
        training.certificate_arguments,
        agency=True,
    ),
    Command(
        "training delete",
        N_("delete a self-reported training"),
        training.training_delete,
        training.entry_argument,
        agency=True,
    ),
    Command(
        "training import",
        N_("import training from CSV or XLSX (all or nothing)"),
        training.training_import,
        training.import_arguments,
        agency=True,
    ),
    Command(
        "training template",
        N_("write a training import template (.csv)"),
        training.training_template,
        transfer.file_argument,
        agency=True,
    ),
    Command(
        "credential add",
        N_("record a credential a person holds"),
        training.credential_add,
        training.credential_add_arguments,
        agency=True,
    ),
    Command(
        "credential list",
        N_("a person's credentials"),
        training.credential_list,
        training.who_arguments,
        agency=True,
    ),
    Command(
        "credential delete",
        N_("delete a credential recorded by mistake"),
        training.credential_delete,
        training.credential_delete_arguments,
        agency=True,
    ),
    # jobs (issue 18)
    Command("job add", N_("record a supervisee's job"), jobs.add, jobs.add_arguments, agency=True),
    Command(
        "job list", N_("a supervisee's jobs and their answers"), jobs.list_, jobs.list_arguments, agency=True
    ),
    Command("job edit", N_("change a job or its answer"), jobs.edit, jobs.edit_arguments, agency=True),
    Command(
        "job description",
        N_("save a job's description file"),
        jobs.description,
        jobs.description_arguments,
        agency=True,
    ),
)

BY_NAME = {command.name: command for command in COMMANDS}

HOURS_VIEW_COMMANDS = frozenset(c.name for c in COMMANDS if c.hours_view)
"""What ``--open-hours`` works with: hours files opened read-only."""


def command_for(args: argparse.Namespace) -> Command | None:
    """The row the parsed command line names (None: no command, the app opens)."""
    if args.command is None:
        return None
    action = getattr(args, "action", None) if args.command in GROUPS else None
    return BY_NAME[f"{args.command} {action}" if action else args.command]


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser. Given the command line (``argv``), only the commands it may
    name get their arguments (a command's first word among its tokens; every command when
    none is): the others are listed, with their help, but never parse anything here (issue
    19: the parser of all the commands took a tenth of a ``progress``)."""
    named = None if argv is None else set(argv)
    if named is not None and not named & {command.name.partition(" ")[0] for command in COMMANDS}:
        named = None
    parser = argparse.ArgumentParser(
        prog="supervisor-app",
        description=_(
            "Supervision hours, sign-off and ICB attestation forms. With no command, opens the app."
        ),
    )
    parser.add_argument(
        "--version", action=VersionAction, nargs=0, help=_("show the version number and exit")
    )
    global_options(parser, suppress=False)
    common = argparse.ArgumentParser(add_help=False)
    global_options(common, suppress=True)
    # `export --json FILE` names a file, so that command takes the global options without
    # the --json output switch (its output is the file).
    no_json = argparse.ArgumentParser(add_help=False)
    no_json.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS)
    no_json.add_argument("--demo", action="store_true", default=argparse.SUPPRESS)
    parents = {"common": [common], "no_json": [no_json], "none": []}
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    actions: dict[str, Any] = {}
    for command in COMMANDS:
        group, __, action = command.name.partition(" ")
        if named is not None and group not in named:
            if group not in actions:  # listed in --help, never parsed
                actions[group] = sub.add_parser(group, help=_(GROUPS[group] if action else command.help))
            continue
        if action:
            if group not in actions:
                group_parser = sub.add_parser(group, help=_(GROUPS[group]), parents=[common])
                actions[group] = group_parser.add_subparsers(dest="action", metavar="ACTION", required=True)
            leaf = actions[group].add_parser(action, parents=parents[command.parents], help=_(command.help))
        else:
            leaf = sub.add_parser(command.name, help=_(command.help), parents=parents[command.parents])
        if command.arguments is not None:
            command.arguments(leaf)
    check_ids(parser)
    return parser
