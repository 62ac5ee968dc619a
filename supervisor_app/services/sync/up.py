"""Up: the laptop's own and imported chains after the agency's head per chain, checked on the
laptop, then checked again and imported in one agency transaction per batch."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.services.errors import DomainError
from supervisor_app.services.hours_files import (
    Collected,
    HoursImportSummary,
    check_members,
    collect_hours,
    import_members,
    known_records,
)
from supervisor_app.services.signoff import signing
from supervisor_app.services.sync.state import held_head, own_supervisors


def collect_up(
    local: UnitOfWork, agency_heads: dict[str, int], *, also_supervisors: Sequence[str] = ()
) -> Collected:
    """Every signed record of this database's supervisees whose chain goes beyond what the
    agency holds (``agency_heads``), checked here before it leaves (a broken local record is
    stopped at home: :class:`~supervisor_app.services.signoff.RecordsFailVerification` or the
    refusal naming it). Pending records never leave; records signed before keys are left out,
    counted. This database's own supervisors travel too (the agency then knows them, to give
    them supervisees), and ``also_supervisors`` (global ids: those the people member names).
    The batches are checked whole where they arrive (:func:`take_batch`), not here a second
    time: what leaves is verified by :func:`collect_hours`. Reads only."""
    ids = [sid for (sid,) in signing.dbapi(local).execute("SELECT id FROM supervisee ORDER BY id").fetchall()]
    mine = own_supervisors(local)
    return collect_hours(
        local, supervisee_ids=ids, after=agency_heads, also_supervisors=sorted({*mine, *also_supervisors})
    )


def refuse_fork(local: UnitOfWork, agency: UnitOfWork, *, chain: str) -> None:
    """The agency's last link of this database's chain must be this database's link at that
    seq: otherwise this database's history was changed or restored from an older backup, and
    anything it sends would fork the chain (never merged). Raises naming the link and record."""
    held = held_head(agency, chain)
    if held is None:
        return
    here = (
        signing.dbapi(local).execute("SELECT chain_hash FROM sign_off WHERE seq = ?", (held.seq,)).fetchone()
    )
    if here is not None and here[0] == held.chain_hash:
        return
    if here is None:
        message = _(
            "Sync is refused, nothing was sent: the agency database holds link {seq} of this database "
            "(record {record}), and this database stops before it. It was restored from an older backup; "
            "ask IT before signing anything more here."
        )
    else:
        message = _(
            "Sync is refused, nothing was sent: the agency database holds link {seq} of this database "
            "(record {record}), and this database has another link there. Its history was changed or it "
            "was restored from an older backup; ask IT before signing anything more here."
        )
    raise DomainError(
        message.format(seq=held.seq, record=held.record_id), code="sync.chain_forked", field="server"
    )


def take_batch(
    uow: UnitOfWork, members: dict[str, Any], *, source: str, agency: bool = False
) -> HoursImportSummary:
    """One batch into the database of ``uow``: checked whole as it arrives (the same checks an
    hours file gets), then imported; a refusal raises the :class:`DomainError` naming the record
    and nothing is written. ``agency``: ``uow`` is the agency's, where the supervisors who arrive
    are its staff (active). Flushes; the caller commits. On PostgreSQL two syncs queue on the
    database's write lock (:data:`supervisor_app.db.WRITE_LOCK`, taken at BEGIN)."""
    hours = check_members(members, source=source, known=known_records(uow))
    return import_members(uow, hours, source=source, supervisors_active=agency)
