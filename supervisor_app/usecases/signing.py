"""Signing, voiding and amending records: one function per action, each committing once.

The services (:mod:`supervisor_app.services.signoff`, :func:`records.amend_record`) check,
change and flush; these functions run one of them in the caller's unit of work (opened by the
command line or by :meth:`AppContext.write <supervisor_app.ui.context.AppContext.write>`, with
the actor set), commit once, and return its result. A refusal
(:class:`~supervisor_app.services.errors.DomainError`) is raised before the commit, so nothing
is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from supervisor_app.services import records, signoff

if TYPE_CHECKING:
    from supervisor_app.db import UnitOfWork
    from supervisor_app.models import SignOff
    from supervisor_app.services.records import Record


def sign(
    uow: UnitOfWork,
    *,
    supervisor_id: int,
    password: str,
    record_ids: Sequence[str] | None = None,
    now: dt.datetime | None = None,
    clock_is_right: bool = False,
) -> signoff.SignResult:
    """Sign ``record_ids`` (None: every record pending for the supervisor) with their password."""
    result = signoff.sign(
        uow,
        supervisor_id=supervisor_id,
        password=password,
        record_ids=record_ids,
        now=now,
        clock_is_right=clock_is_right,
    )
    uow.commit()
    return result


def void(
    uow: UnitOfWork,
    *,
    record_id: str,
    reason: str,
    supervisor_id: int,
    password: str,
    now: dt.datetime | None = None,
    clock_is_right: bool = False,
) -> SignOff:
    """Void a signed record, with a reason; returns the void's link in the chain."""
    link = signoff.void(
        uow,
        record_id=record_id,
        reason=reason,
        supervisor_id=supervisor_id,
        password=password,
        now=now,
        clock_is_right=clock_is_right,
    )
    uow.commit()
    return link


def amend(
    uow: UnitOfWork, *, record_id: str, reason: str, today: dt.date | None = None, **changes: Any
) -> Record:
    """A new pending version of a signed record, with a reason (the original is untouched)."""
    row = records.amend_record(uow, record_id=record_id, reason=reason, today=today, **changes)
    uow.commit()
    return row
