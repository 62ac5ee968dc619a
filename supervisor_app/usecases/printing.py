"""Printing: the board's form and the supervisee's progress statement, one way for the app and
the command line.

One order for both actions: **build** (gather from signed records, render the PDF), **record**
(the form's attestation row and audit ``print`` event, or the statement's audit ``print``
event) and **commit**, and only **then** write the file. A refusal, a record that fails
verification or a commit that fails leaves no file behind, and no file exists whose print is
not on record.

Who writes: given ``out``, the use case writes the file. The bytes are staged beside the target
before the commit (so a folder that cannot be written refuses the print and records nothing)
and take the real name only once the commit went through. Without ``out`` the caller gets the
bytes back after the commit and delivers them itself (the app sends them to the printer once
the printer has started; :func:`build_form` gives it the form to show and the print dialog's
title before anything is recorded).

Languages: the board's form is always built in English (the board's language), whatever the
app's, inside ``i18n.using("en")``; the statement in its supervisee's language (or the app's,
if they have none), inside ``i18n.using(language)``, on this thread only.
"""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from supervisor_app import i18n, reports
from supervisor_app.db import UnitOfWork
from supervisor_app.fileops import remove_file
from supervisor_app.reports.data import PrintRecord, StatementData, VerificationData
from supervisor_app.services import attestation, audit
from supervisor_app.services.errors import DomainError
from supervisor_app.storage import publish_staged, stage_private, write_private

BOARD_LANGUAGE = "en"
"""The board's form is printed in the board's language, whatever the app's."""
STATEMENT_DOCUMENT = "progress statement"
"""The ``document`` an audit ``print`` event of a progress statement names."""


@dataclass(frozen=True)
class FormRequest:
    """Which verification form: the supervisee, the supervisor who attests, the range."""

    supervisee_id: int | str
    supervisor_id: int | str
    date_from: str | dt.date | None = None
    date_to: str | dt.date | None = None
    signed_only: bool = False  # leave out records still waiting for signature
    with_notes: bool = False  # the agency notes pages after the session log (never for the board)


@dataclass(frozen=True)
class BuiltForm:
    """A form rendered with the serial number its print will be filed under. Nothing recorded."""

    data: VerificationData
    planned: PrintRecord
    pdf: bytes


@dataclass(frozen=True)
class PrintedForm:
    pdf: bytes
    record: PrintRecord
    data: VerificationData
    path: Path | None = None  # the file written (``out``), else None: the caller delivers ``pdf``


@dataclass(frozen=True)
class PrintedStatement:
    pdf: bytes
    data: StatementData
    recorded: bool  # False for a database opened read-only: then nothing is written
    path: Path | None = None


def build_form(uow: UnitOfWork, request: FormRequest, *, app_version: str) -> BuiltForm:
    """Prepare and render the form with the serial :func:`~attestation.plan_print` foresees.

    Writes nothing: a read. Refuses (:class:`~supervisor_app.services.errors.DomainError`)
    as :func:`~attestation.prepare_verification` does, before any print dialog.
    """
    data = prepare_form(uow, request)
    planned = attestation.plan_print(uow, data)
    return BuiltForm(data, planned, _render_form(data, planned, request, app_version))


def print_form(
    uow: UnitOfWork,
    request: FormRequest,
    *,
    printed_by: str,
    app_version: str,
    out: Path | None = None,
    built: BuiltForm | None = None,
) -> PrintedForm:
    """Print the board's form: build it, record the print (serial number, audit event), commit,
    then write ``out`` (or hand the bytes back).

    ``built`` (from :func:`build_form` for this request, e.g. shown to the user first): record
    exactly that print; if its serial number went to another print meanwhile, a DomainError
    says so and nothing is recorded or written.
    """
    if built is None:
        data = prepare_form(uow, request)
        record = attestation.record_print(uow, data, printed_by=printed_by)
        pdf = _render_form(data, record, request, app_version)
    else:
        data, pdf = built.data, built.pdf
        record = attestation.record_print(uow, data, printed_by=printed_by, planned=built.planned)
    path = _commit_then_write(uow, pdf, out)
    return PrintedForm(pdf, record, data, path)


def build_statement(
    uow: UnitOfWork, *, supervisee_id: int | str, app_version: str, today: dt.date | None = None
) -> tuple[StatementData, bytes]:
    """The supervisee's progress statement and its PDF, in their language (the app's if they
    have none). Writes nothing."""
    with i18n.using(statement_language(uow, supervisee_id)):
        data = attestation.prepare_statement(uow, supervisee_id=supervisee_id, today=today)
        return data, reports.render_statement(data, generated=data.as_of, app_version=app_version)


def statement_language(uow: UnitOfWork, supervisee_id: int | str) -> str:
    """The language of a supervisee's statement and review: theirs, else the current one."""
    from supervisor_app.services.people import get_supervisee

    return get_supervisee(uow, supervisee_id).language or i18n.current()


def print_statement(
    uow: UnitOfWork,
    *,
    supervisee_id: int | str,
    app_version: str,
    out: Path | None = None,
    record: bool = True,
    built: tuple[StatementData, bytes] | None = None,
) -> PrintedStatement:
    """Print a progress statement: build it, add an audit ``print`` event naming the document
    and where it went, commit, then write ``out`` (or hand the bytes back).

    ``record=False`` for a database opened read-only (an hours file, review mode): nothing is
    recorded, the statement is still built (and written).
    """
    data, pdf = built or build_statement(uow, supervisee_id=supervisee_id, app_version=app_version)
    if record:
        audit.log(
            uow,
            audit.AuditAction.PRINT,
            supervisee_id=data.supervisee_id,
            details={"document": STATEMENT_DOCUMENT, "file": str(out) if out is not None else "printer"},
        )
        path = _commit_then_write(uow, pdf, out)
    else:
        path = _write(pdf, out)
    return PrintedStatement(pdf, data, record, path)


def prepare_form(uow: UnitOfWork, request: FormRequest) -> VerificationData:
    """The form's data and checks, in the board's language. A refusal is said in the user's
    language: the checks are run again in it (a read: they write nothing) for its words."""

    def prepare() -> VerificationData:
        return attestation.prepare_verification(
            uow,
            supervisee_id=request.supervisee_id,
            supervisor_id=request.supervisor_id,
            date_from=request.date_from,
            date_to=request.date_to,
            signed_only=request.signed_only,
        )

    try:
        with i18n.using(BOARD_LANGUAGE):
            return prepare()
    except DomainError:
        if i18n.current() == BOARD_LANGUAGE:
            raise
        prepare()  # the same refusal, in the user's words
        raise


def _render_form(
    data: VerificationData, record: PrintRecord, request: FormRequest, app_version: str
) -> bytes:
    with i18n.using(BOARD_LANGUAGE):
        return reports.render_verification(
            data,
            serial=record.serial,
            generated=record.generated,
            app_version=app_version,
            with_notes=request.with_notes,
        )


def _commit_then_write(uow: UnitOfWork, pdf: bytes, out: Path | None) -> Path | None:
    """Commit, then give the file its name: staged beside ``out`` first (an unwritable folder
    fails here, before the commit), renamed over ``out`` once committed."""
    if out is None:
        uow.commit()
        return None
    staged = stage_private(out, pdf)  # the form holds names: readable by the user only
    try:
        uow.commit()
    except BaseException:
        with suppress(OSError):
            remove_file(staged, delays=())
        raise
    publish_staged(staged, out)
    return out


def _write(pdf: bytes, out: Path | None) -> Path | None:
    if out is not None:
        write_private(out, pdf)
    return out


__all__ = [
    "BOARD_LANGUAGE",
    "STATEMENT_DOCUMENT",
    "BuiltForm",
    "FormRequest",
    "PrintedForm",
    "PrintedStatement",
    "build_form",
    "build_statement",
    "print_form",
    "prepare_form",
    "print_statement",
    "statement_language",
]
