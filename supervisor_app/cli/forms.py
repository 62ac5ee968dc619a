"""The commands about printed forms: ``attest``, ``statement`` (the use case
:mod:`supervisor_app.usecases.printing`: recorded and committed, then written),
``check-form`` and ``attestations``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from supervisor_app.cli.common import EXIT_FAILURE, EXIT_OK, CliError, pdf_target, show, table, version
from supervisor_app.i18n import _

if TYPE_CHECKING:
    from supervisor_app.db import UnitOfWork


def attest_arguments(attest: argparse.ArgumentParser) -> None:
    attest.add_argument("--supervisee", required=True)
    attest.add_argument("--supervisor", required=True)
    attest.add_argument("--from", dest="date_from", metavar="DATE")
    attest.add_argument("--to", dest="date_to", metavar="DATE")
    attest.add_argument("--out", required=True, metavar="FILE.pdf")
    attest.add_argument(
        "--signed-only",
        action="store_true",
        help=_("print although pending records exist in the range (they are left out)"),
    )
    attest.add_argument(
        "--with-notes",
        action="store_true",
        help=_(
            "add the agency notes pages (each rule's source, what to verify with the board) after "
            "the session log; for the agency's file, not for the board"
        ),
    )


def attest(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services.errors import DomainError
    from supervisor_app.services.signoff import RecordsFailVerification
    from supervisor_app.usecases import printing

    out = pdf_target(args.out)
    request = printing.FormRequest(
        args.supervisee, args.supervisor, args.date_from, args.date_to, args.signed_only, args.with_notes
    )
    try:  # recorded and committed, then written
        printed = printing.print_form(uow, request, printed_by=uow.actor, app_version=version(), out=out)
    except RecordsFailVerification as exc:
        raise CliError(str(exc)) from exc
    except DomainError as exc:
        if exc.code == "print.pending_records":
            raise CliError(
                exc.message + " " + _("Add --signed-only to print the signed records only.")
            ) from exc
        raise
    except OSError as exc:
        raise CliError(
            _("Could not write {path}: {reason}").format(path=out, reason=exc.strerror or exc), EXIT_FAILURE
        ) from exc
    data, record = printed.data, printed.record
    show(
        args,
        {
            "file": str(out),
            "serial": record.serial,
            "reprint": record.reprint,
            "fingerprint": data.fingerprint,
        },
        (_("Reprinted {serial} to {path}") if record.reprint else _("Printed {serial} to {path}")).format(
            serial=record.serial, path=out
        ),
    )
    return EXIT_OK


def statement_arguments(statement: argparse.ArgumentParser) -> None:
    statement.add_argument("--supervisee", help=_("supervisee id (with --open-hours: the files' supervisee)"))
    statement.add_argument("--out", required=True, metavar="FILE.pdf")


def statement(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services.signoff import RecordsFailVerification
    from supervisor_app.usecases import printing

    if args.supervisee is None:
        raise CliError(
            _(
                "the following arguments are required: --supervisee (or --open-hours with one "
                "supervisee's files)"
            )
        )
    out = pdf_target(args.out)
    try:  # hours files opened read-only (--open-hours) record nothing
        printing.print_statement(
            uow, supervisee_id=args.supervisee, app_version=version(), out=out, record=not uow.db.readonly
        )
    except RecordsFailVerification as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(
            _("Could not write {path}: {reason}").format(path=out, reason=exc.strerror or exc), EXIT_FAILURE
        ) from exc
    show(args, {"file": str(out)}, _("Progress statement written to {path}").format(path=out))
    return EXIT_OK


def check_form_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument("form", metavar="FORM.pdf")


def check_form(args: argparse.Namespace) -> int:
    """``check-form FORM.pdf``: the form is read first (not one of our forms: exit 2, whatever
    the database), then checked against a source of signed records: the database (``--db``)."""
    from supervisor_app.cli.running import actor, database
    from supervisor_app.services import form_check

    path = Path(args.form).expanduser()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CliError(
            _("Cannot read {path}: {reason}").format(path=args.form, reason=exc.strerror or exc)
        ) from exc
    form = form_check.read_form(data, name=path.name)
    with database(args, reading=True) as db, db.uow(actor(), reading=True) as uow:
        source = form_check.DatabaseSource(uow, f"the database {db.path or db.url}")  # in --json too
        result = form_check.check_form(form, source)
    show(args, result.to_json(), result.text)
    return EXIT_OK if result.matches else EXIT_FAILURE


def attestations_arguments(printed: argparse.ArgumentParser) -> None:
    printed.add_argument("--supervisee", default=None)


def attestations(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import attestation
    from supervisor_app.units import hours

    entries = attestation.list_attestations(uow, supervisee_id=args.supervisee)
    show(
        args,
        [e.to_json() for e in entries],
        lambda: (
            table(
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
                    _("serial"),
                    _("supervisee"),
                    _("supervisor"),
                    _("from"),
                    _("to"),
                    _("hours"),
                    _("fingerprint"),
                    _("printed"),
                ],
            )
            if entries
            else _("No attestation printed yet.")
        ),
    )
    return EXIT_OK
