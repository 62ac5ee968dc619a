"""The credentials and licences each person holds: a supervisor's or a supervisee's, with
number, issue date, expiry and issuing board.

Renewals (:mod:`~supervisor_app.services.training`) and what is due
(:mod:`~supervisor_app.services.due`) read them; :func:`held_on` answers "which credentials
did this supervisor hold on that day" for the rule on who may supervise a record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from supervisor_app import clock
from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import N_, _
from supervisor_app.models import PersonCredential
from supervisor_app.services import audit
from supervisor_app.services.errors import DomainError
from supervisor_app.services.people import get_supervisee, get_supervisor
from supervisor_app.services.validation import clean_text, parse_date


@dataclass(frozen=True)
class Person:
    """A supervisee or a supervisor (exactly one id set): whose credentials and training."""

    supervisee_id: int | None = None
    supervisor_id: int | None = None

    def __post_init__(self) -> None:
        if (self.supervisee_id is None) == (self.supervisor_id is None):
            raise ValueError("a person is a supervisee or a supervisor")

    def columns(self) -> dict[str, int | None]:
        return {"supervisee_id": self.supervisee_id, "supervisor_id": self.supervisor_id}

    def clause(self, model: Any) -> Any:
        if self.supervisee_id is not None:
            return model.supervisee_id == self.supervisee_id
        return model.supervisor_id == self.supervisor_id

    def name(self, uow: UnitOfWork) -> str:
        if self.supervisee_id is not None:
            return get_supervisee(uow, self.supervisee_id).name
        return get_supervisor(uow, self.supervisor_id).name  # type: ignore[arg-type]

    def check(self, uow: UnitOfWork) -> None:
        """Refuse an id nobody has (a DomainError naming it)."""
        self.name(uow)


@dataclass(frozen=True)
class CredentialValues:
    kind: str
    number: str
    issued_on: dt.date | None
    expires_on: dt.date | None
    board: str


def _optional_date(value: str | dt.date | None, *, field: str, label: str) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value, field=field, label=label)


def check_credential(
    uow: UnitOfWork,
    *,
    kind: str,
    number: str = "",
    issued_on: str | dt.date | None = None,
    expires_on: str | dt.date | None = None,
    board: str = "",
    today: dt.date | None = None,
) -> CredentialValues:
    """The values as stored, or a DomainError naming the field."""
    today = today or clock.today()
    kind = clean_text(kind, field="kind", label=N_("Credential"), max_length=40, required=True)
    if kind.upper() in uow.db.profiles:
        kind = kind.upper()
    number = clean_text(number, field="number", label=N_("Number"), max_length=60)
    issued = _optional_date(issued_on, field="issued_on", label=N_("Issue date"))
    expires = _optional_date(expires_on, field="expires_on", label=N_("Expiry date"))
    if issued is not None and issued > today:
        raise DomainError(
            _("Issue date {issued} is in the future; enter the date the credential was issued.").format(
                issued=issued.isoformat()
            ),
            field="issued_on",
            code="credential.issued_in_future",
            params={"issued": issued},
        )
    if issued is not None and expires is not None and expires < issued:
        raise DomainError(
            _("Expiry date {expires} is before the issue date {issued}.").format(
                expires=expires.isoformat(), issued=issued.isoformat()
            ),
            field="expires_on",
            code="credential.expires_before_issue",
            params={"expires": expires, "issued": issued},
        )
    board = clean_text(board, field="board", label=N_("Issuing board"), max_length=200)
    if not board and kind in uow.db.profiles:
        board = uow.db.profiles.get(kind).board
    return CredentialValues(kind, number, issued, expires, board)


def add_credential(uow: UnitOfWork, *, person: Person, today: dt.date | None = None, **values: Any) -> int:
    """Record a credential a person holds; returns its id. The caller commits."""
    person.check(uow)
    checked = check_credential(uow, today=today, **values)
    row = PersonCredential(**person.columns(), **checked.__dict__)
    uow.session.add(row)
    uow.session.flush()
    audit.log(
        uow,
        audit.AuditAction.CREATE,
        supervisee_id=person.supervisee_id,
        details={"credential": row.id, "kind": checked.kind, "supervisor": person.supervisor_id},
    )
    return row.id


def get_credential(uow: UnitOfWork, credential_id: int | str) -> PersonCredential:
    try:
        row = uow.session.get(PersonCredential, int(credential_id))
    except (TypeError, ValueError):
        row = None
    if row is None:
        raise DomainError(
            _("There is no credential with id {credential_id}.").format(credential_id=credential_id),
            field="credential",
            code="credential.unknown",
            params={"credential_id": credential_id},
        )
    return row


def edit_credential(
    uow: UnitOfWork, *, credential_id: int | str, today: dt.date | None = None, **values: Any
) -> None:
    row = get_credential(uow, credential_id)
    checked = check_credential(uow, today=today, **values)
    before = {k: getattr(row, k) for k in checked.__dict__}
    for key, value in checked.__dict__.items():
        setattr(row, key, value)
    audit.log(
        uow,
        audit.AuditAction.EDIT,
        supervisee_id=row.supervisee_id,
        details={"credential": row.id, "changes": audit.changes(before, checked.__dict__)},
    )


def delete_credential(uow: UnitOfWork, *, credential_id: int | str) -> None:
    row = get_credential(uow, credential_id)
    audit.log(
        uow,
        "delete-credential",
        supervisee_id=row.supervisee_id,
        details={
            "credential": row.id,
            "kind": row.kind,
            "number": row.number,
            "supervisor": row.supervisor_id,
        },
    )
    uow.session.delete(row)


def list_credentials(uow: UnitOfWork, *, person: Person) -> list[PersonCredential]:
    return list(
        uow.session.scalars(
            select(PersonCredential)
            .where(person.clause(PersonCredential))
            .order_by(PersonCredential.kind, PersonCredential.expires_on, PersonCredential.id)
        )
    )


def held_on(uow: UnitOfWork, *, supervisor_id: int, day: dt.date) -> list[PersonCredential]:
    """The credentials a supervisor held on ``day`` (issued by then, not yet expired; a
    missing date does not exclude): for the rule on who may supervise a record."""
    return list(
        uow.session.scalars(
            select(PersonCredential).where(
                PersonCredential.supervisor_id == supervisor_id,
                or_(PersonCredential.issued_on.is_(None), PersonCredential.issued_on <= day),
                or_(PersonCredential.expires_on.is_(None), PersonCredential.expires_on >= day),
            )
        )
    )


def to_json(row: PersonCredential) -> dict[str, Any]:
    return {
        "id": row.id,
        "supervisee_id": row.supervisee_id,
        "supervisor_id": row.supervisor_id,
        "kind": row.kind,
        "number": row.number,
        "issued_on": row.issued_on.isoformat() if row.issued_on else None,
        "expires_on": row.expires_on.isoformat() if row.expires_on else None,
        "board": row.board,
    }


def check_hire_date(hire_date: str | dt.date | None, *, today: dt.date | None = None) -> dt.date | None:
    """A hire date as stored (None when empty), or a DomainError: not in the future."""
    day = _optional_date(hire_date, field="hire_date", label=N_("Hire date"))
    if day is not None and day > (today or clock.today()):
        raise DomainError(
            _("The hire date {day} is in the future.").format(day=day.isoformat()),
            field="hire_date",
            code="supervisee.hire_in_future",
            params={"day": day},
        )
    return day


def set_hire_date(
    uow: UnitOfWork,
    *,
    supervisee_id: int | str,
    hire_date: str | dt.date | None,
    today: dt.date | None = None,
) -> None:
    """Record (or clear, with None or "") the day the agency hired a supervisee: an employer's
    credential deadline counts from it. The caller commits."""
    supervisee = get_supervisee(uow, supervisee_id)
    day = check_hire_date(hire_date, today=today)
    before = supervisee.hire_date
    supervisee.hire_date = day
    audit.log(
        uow,
        audit.AuditAction.EDIT,
        supervisee_id=supervisee.id,
        # the shape of update_supervisee's events, so that the hire date travels by sync (person_merge)
        details={"supervisee": supervisee.id, **audit.changes({"hire_date": before}, {"hire_date": day})},
    )
