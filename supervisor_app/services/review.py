"""Review with a supervisee: a supervisor hands the computer to one supervisee, who sees only
their own hours, read only, until a supervisor's password ends the review. Both ends are in
the audit trail (who, for whom)."""

from __future__ import annotations

import datetime as dt

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.models import Supervisee, Supervisor
from supervisor_app.services import audit
from supervisor_app.services.auth import authenticate
from supervisor_app.services.errors import DomainError


def start_review(uow: UnitOfWork, *, supervisor_id: int, supervisee_id: int) -> str:
    """Log that ``supervisor_id`` opened a review for ``supervisee_id``; the supervisee's name.

    Does not commit (a read-only copy of the database cannot record it)."""
    supervisor = uow.session.get(Supervisor, supervisor_id)
    if supervisor is None or not supervisor.active:
        raise DomainError(
            _("Only a signed-in, active supervisor can start a review."),
            code="review.no_supervisor",
            field="supervisor",
        )
    supervisee = uow.session.get(Supervisee, supervisee_id)
    if supervisee is None:
        raise DomainError(
            _("There is no supervisee with id {supervisee_id}.").format(supervisee_id=supervisee_id),
            code="review.no_such_supervisee",
            field="supervisee",
            params={"supervisee_id": supervisee_id},
        )
    audit.log(
        uow,
        audit.AuditAction.REVIEW_START,
        supervisee_id=supervisee.id,
        details={"supervisor_id": supervisor.id, "supervisee_id": supervisee.id},
    )
    return supervisee.name


def end_review(
    uow: UnitOfWork,
    *,
    supervisor_id: int,
    password: str,
    supervisee_id: int,
    now: dt.datetime | None = None,
) -> Supervisor:
    """A supervisor's password ends the review of ``supervisee_id``; logged, not committed.

    A wrong password is counted (in a unit of work of its own) like any other, toward the same lock-out:
    :class:`~supervisor_app.services.auth.WrongPassword` is raised and the review goes on."""
    supervisor = authenticate(uow, supervisor_id=supervisor_id, password=password, now=now)
    audit.log(
        uow,
        audit.AuditAction.REVIEW_END,
        supervisee_id=supervisee_id,
        details={"supervisor_id": supervisor.id, "supervisee_id": supervisee_id},
    )
    return supervisor
