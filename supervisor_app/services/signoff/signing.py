"""Signing and voiding: the chain link, the content hash, the clock check, the keyed signature.

Services: they change and flush; the caller (a use case, :mod:`supervisor_app.usecases.signing`) commits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import N_, _
from supervisor_app.models import (
    ExperienceEntry,
    RecordKind,
    RecordStatus,
    Signature,
    SignOff,
    Supervisee,
    SupervisionSession,
    Supervisor,
    new_uuid,
    utcnow,
)
from supervisor_app.services import audit, keys, qualification, signatures
from supervisor_app.services.auth import authenticate
from supervisor_app.services.canonical import (
    GENESIS,
    IN_CHUNK,
    SIGN,
    SIGNED,
    VOID,
    Hashing,
    chain_hash,
    content_digests,
    content_payload,
    content_payload_v2,
    database_identity,
    dbapi,
    hashing_for,
    read_batch,
    sha256_hex,
    stamp_text,
    to_json,
    void_content_hash,
)
from supervisor_app.services.errors import DomainError
from supervisor_app.services.records import (
    Record,
    check_counts_at_signing,
    display_status,
    find_record,
    record_kind,
    record_supervisee_ids,
    refuse_arrived,
)
from supervisor_app.services.supervisors import inherited_from
from supervisor_app.services.validation import clean_text

# --------------------------------------------------------------------------------------------
# Hashes


def content_hash(kind: str, row: Sequence[Any], hashing: Hashing | None = None) -> str:
    """SHA-256 over the canonical serialisation of one record (a row of :func:`read_records`):
    content version 1 (people as this file's row ids, records signed before keys), or with
    ``hashing`` (:func:`~supervisor_app.services.canonical.hashing_for`) version 2 (people as
    global ids, records signed with keys)."""
    kind = RecordKind(kind).value
    if hashing is not None:
        return sha256_hex(to_json(content_payload_v2(kind, row, row[12], row[13], hashing)))
    return sha256_hex(to_json(content_payload(kind, row, row[12], row[13])))


# --------------------------------------------------------------------------------------------
# Signing


@dataclass(frozen=True)
class SignResult:
    signed: list[str]
    first_seq: int
    last_seq: int
    # Said at signing, not refused: a supervisor with no credential recorded (qualification).
    warnings: tuple[str, ...] = ()


class ClockBehind(DomainError):
    """The computer's clock reads earlier than the newest signature: a signature dated now
    would go back in time in the chain. Refused unless the supervisor confirms the clock."""


_STATUS_WORDS = {"amended": N_("amended"), "voided": N_("voided")}
"""The statuses a record that cannot be voided has, as the refusal names them."""


def _when(value: dt.datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def check_clock(uow: UnitOfWork, *, now: dt.datetime | None = None) -> None:
    """Raise :class:`ClockBehind` if ``now`` (default: the computer's clock) is earlier than the
    newest signature's time. Signatures take their time from the local clock; one set back
    would date a signature before the one already linked ahead of it."""
    now = now or utcnow()
    newest = uow.session.execute(
        select(SignOff.seq, SignOff.signed_at).order_by(SignOff.seq.desc()).limit(1)
    ).first()
    if newest is not None and newest[1] > now:
        raise ClockBehind(
            _(
                "The computer's clock says {now}, earlier than the newest signature "
                "(#{newest_seq}, {newest_at}). A signature now would be dated before it. "
                "Check the date and time of the computer; sign once it is right, or confirm that "
                "the clock is right as it is."
            ).format(now=_when(now), newest_seq=newest[0], newest_at=_when(newest[1])),
            code="sign.clock_behind",
            field="clock",
            params={"now": now, "newest_seq": newest[0], "newest_at": newest[1]},
        )


def _next_link(uow: UnitOfWork) -> tuple[int, str]:
    last = uow.session.execute(
        select(SignOff.seq, SignOff.chain_hash).order_by(SignOff.seq.desc()).limit(1)
    ).first()
    return (last[0] + 1, last[1]) if last else (1, GENESIS)


def _own_supervisees(uow: UnitOfWork, records: Sequence[Record], supervisor_id: int) -> dict[int, str]:
    """{id: name} of the supervisees on these records who are this supervisor (one query)."""
    ids = sorted({sid for record in records for sid in record_supervisee_ids(record)})
    own: dict[int, str] = {}
    for start in range(0, len(ids), IN_CHUNK):
        rows = uow.session.execute(
            select(Supervisee.id, Supervisee.name).where(
                Supervisee.id.in_(ids[start : start + IN_CHUNK]),
                Supervisee.same_person_supervisor_id == supervisor_id,
            )
        )
        own.update((sid, name) for sid, name in rows)
    return own


def _check_may_sign(
    record: Record, supervisor_id: int, own: dict[int, str], inherited: Iterable[int] = ()
) -> None:
    """Only the supervisor of record signs, or, for a supervisor who left, their successor
    (``inherited``: :func:`~supervisor_app.services.supervisors.inherited_from`), as their own
    word; nobody signs a record they are supervised in. ``own``: :func:`_own_supervisees` of
    the batch."""
    if record.supervisor_id != supervisor_id and record.supervisor_id not in inherited:
        raise DomainError(
            _(
                "Record {record} belongs to another supervisor; only its supervisor of record can sign it."
            ).format(record=record.id[:8]),
            code="sign.not_their_record",
            params={"record": record.id},
            field="record",
        )
    for supervisee_id in record_supervisee_ids(record):
        if supervisee_id in own:
            raise DomainError(
                _(
                    "Record {record} is your own supervised time ({supervisee}); nobody signs their own hours."
                ).format(record=record.id[:8], supervisee=own[supervisee_id]),
                code="sign.own_hours",
                params={"record": record.id, "supervisee": own[supervisee_id]},
                field="record",
            )


def _load_records(uow: UnitOfWork, record_ids: Sequence[str]) -> list[Record]:
    """The records for these ids (full ids in one query each kind; prefixes one by one)."""
    wanted = list(dict.fromkeys(r.strip().lower() for r in record_ids))
    found: dict[str, Record] = {}
    for model, loader in (
        (SupervisionSession, selectinload(SupervisionSession.attendees)),
        (ExperienceEntry, selectinload(ExperienceEntry.allocations)),
    ):
        for start in range(0, len(wanted), IN_CHUNK):
            chunk = wanted[start : start + IN_CHUNK]
            for record in uow.session.scalars(select(model).options(loader).where(model.id.in_(chunk))):
                found[record.id] = record
    result: list[Record] = []
    seen: set[str] = set()
    for rid in wanted:
        record = found.get(rid) or find_record(uow, rid)
        if record.id not in seen:
            seen.add(record.id)
            result.append(record)
    return result


def _record_hashes(uow: UnitOfWork, by_kind: dict[RecordKind, list[Record]]) -> dict[str, str]:
    """{record id: content hash}, read from storage exactly as :func:`verify` reads it."""
    uow.flush()
    conn = dbapi(uow)
    hashes: dict[str, str] = {}
    for kind, items in by_kind.items():
        ids = [r.id for r in items]
        batch = read_batch(conn, kind, ids)
        digests = content_digests(batch, hashing_for(conn, ids))
        hashes.update(zip(map(itemgetter(0), batch.rows), digests, strict=True))
    return hashes


def _identities(
    uow: UnitOfWork, supervisor: Supervisor, key_fingerprint: str, supervisee_ids: Iterable[int]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Who signs and whom the records concern, as they stand now (for the payload)."""
    signer = signatures.signer_of(supervisor, key=key_fingerprint)
    ids = sorted(set(supervisee_ids))
    people = []
    for start in range(0, len(ids), IN_CHUNK):
        for row in uow.session.execute(
            select(Supervisee.global_id, Supervisee.name, Supervisee.icb_id, Supervisee.credential).where(
                Supervisee.id.in_(ids[start : start + IN_CHUNK])
            )
        ):
            people.append(
                signatures.supervisee_identity(
                    global_id=row[0], name=row[1], icb_id=row[2], credential=row[3]
                )
            )
    return signer, people


def _add_keyed_signature(
    uow: UnitOfWork,
    *,
    action: str,
    links: list[dict[str, Any]],
    supervisor: Supervisor,
    password: str,
    supervisee_ids: Iterable[int],
    stamp: dt.datetime,
) -> None:
    """The keyed signature over these new links (one batch, or one void), in the caller's
    transaction: the supervisor's key opened with the password (made if they have none)."""
    from supervisor_app.services.signoff.heads import heads_now  # heads -> checks -> this module

    key, private = keys.unlock(uow, supervisor.id, password, now=stamp)
    chain, _keys_from = database_identity(dbapi(uow))
    supervisee_ids = sorted(set(supervisee_ids))
    signer, people = _identities(uow, supervisor, key.fingerprint, supervisee_ids)
    signature_id = new_uuid()
    payload = signatures.make_payload(
        signature_id=signature_id,
        chain=chain or "",
        action=action,
        signed_at=stamp_text(stamp),
        prev_chain_hash=links[0]["prev_chain_hash"],
        links=links,
        signer=signer,
        supervisees=people,
        # The audit trail as it stood (its own hash chain): editing or deleting an event before
        # this signature, even with the trail's chain recomputed, no longer reaches this head.
        audit_head=audit.chain_head(uow),
        # Each supervisee's head over all their links, these included: their view checks this
        # key's newest signature instead of every batch (signoff.heads).
        heads=heads_now(dbapi(uow), supervisee_ids),
    )
    uow.session.execute(
        Signature.__table__.insert(),
        [
            {
                "id": signature_id,
                "chain_id": chain or "",
                "key_fingerprint": key.fingerprint,
                "first_seq": links[0]["seq"],
                "last_seq": links[-1]["seq"],
                "signed_at": stamp,
                "payload": signatures.payload_text(payload),
                "signature": signatures.sign_payload(private, payload),
            }
        ],
    )


def pending_ids(uow: UnitOfWork, *, supervisor_id: int) -> list[str]:
    ids: list[str] = []
    for model in (SupervisionSession, ExperienceEntry):
        ids.extend(
            uow.session.scalars(
                select(model.id).where(
                    model.supervisor_id == supervisor_id, model.status == RecordStatus.PENDING
                )
            )
        )
    return ids


def sign(
    uow: UnitOfWork,
    *,
    supervisor_id: int,
    password: str,
    record_ids: Sequence[str] | None = None,
    now: dt.datetime | None = None,
    clock_is_right: bool = False,
) -> SignResult:
    """Sign pending records (``None``: all of this supervisor's pending records), all or none.

    The password is checked once for the batch (and the lock-out at ``now``). A time earlier
    than the newest signature's is refused (:class:`ClockBehind`) unless ``clock_is_right``.
    Commits on success; a refusal leaves every record pending.
    """
    # The transaction first (on the agency database it waits for the write lock), then the
    # clock: a desk that waited for another's batch must not date its own before it.
    uow.session.connection()
    stamp = now or utcnow()
    supervisor = authenticate(
        uow, supervisor_id=supervisor_id, password=password, now=stamp, record_ids=record_ids
    )
    if not clock_is_right:
        check_clock(uow, now=stamp)
    if record_ids is None:
        record_ids = pending_ids(uow, supervisor_id=supervisor.id)
        if not record_ids:
            raise DomainError(
                _("{supervisor} has no pending records to sign.").format(supervisor=supervisor.name),
                code="sign.nothing_pending",
                field="record",
                params={"supervisor": supervisor.name},
            )
    elif not record_ids:
        raise DomainError(_("Choose at least one record to sign."), code="sign.none_chosen", field="record")
    records = _load_records(uow, record_ids)
    own = _own_supervisees(uow, records, supervisor.id)
    inherited = inherited_from(uow, supervisor.id)
    for record in records:
        if record.status != RecordStatus.PENDING:
            raise DomainError(
                _("Record {record} is already signed.").format(record=record.id[:8]),
                code="sign.already_signed",
                params={"record": record.id},
                field="record",
            )
        _check_may_sign(record, supervisor.id, own, inherited)
        if record.supersedes_id:
            original = find_record(uow, record.supersedes_id)
            # An original signed in another database: only its own supervisor signs an amendment.
            refuse_arrived(uow, original, N_("amended"), supervisor_id=supervisor.id)
            if display_status(uow, original).value != RecordStatus.SIGNED:
                raise DomainError(
                    _("Record {record} amends {original}, which was replaced or voided since.").format(
                        record=record.id[:8], original=original.id[:8]
                    ),
                    code="sign.amended_record_replaced",
                    params={"record": record.id, "original": original.id},
                    field="record",
                )
    check_counts_at_signing(uow, records)
    warnings = qualification.check_records(uow, records)
    # Order the batch by date so the chain reads chronologically.
    records.sort(key=lambda r: (r.date if isinstance(r, SupervisionSession) else r.period_start, r.id))
    seq, prev = _next_link(uow)
    first = seq
    by_kind: dict[RecordKind, list[Record]] = {}
    for record in records:
        by_kind.setdefault(record_kind(record), []).append(record)
    hashes = _record_hashes(uow, by_kind)
    signed_at = stamp_text(stamp)
    links = []
    for record in records:
        kind = record_kind(record)
        link = chain_hash(
            prev=prev,
            seq=seq,
            kind=kind.value,
            record_id=record.id,
            action=SIGN,
            signer_id=supervisor.id,
            signed_at=signed_at,
            reason="",
            content=hashes[record.id],
        )
        links.append(
            {
                "seq": seq,
                "record_kind": kind.value,
                "record_id": record.id,
                "action": SIGN,
                "signer_id": supervisor.id,
                "signed_at": stamp,
                "reason": "",
                "content_hash": hashes[record.id],
                "prev_chain_hash": prev,
                "chain_hash": link,
            }
        )
        prev = link
        seq += 1
    uow.session.execute(SignOff.__table__.insert(), links)
    _add_keyed_signature(
        uow,
        action=SIGN,
        links=links,
        supervisor=supervisor,
        password=password,
        supervisee_ids=[sid for record in records for sid in record_supervisee_ids(record)],
        stamp=stamp,
    )
    for kind, items in by_kind.items():
        model = SupervisionSession if kind is RecordKind.SESSION else ExperienceEntry
        ids = [r.id for r in items]
        for start in range(0, len(ids), IN_CHUNK):
            uow.session.execute(
                model.__table__.update()
                .where(model.id.in_(ids[start : start + IN_CHUNK]))
                .values(status=SIGNED, updated_at=stamp)
            )
    audit_rows = []
    for record in records:
        successor = (
            {"details": audit.details_text({"as_successor_of": record.supervisor_id})}
            if record.supervisor_id != supervisor.id
            else {}
        )
        for supervisee_id in record_supervisee_ids(record):
            audit_rows.append({"record_id": record.id, "supervisee_id": supervisee_id, **successor})
    _bulk_audit(uow, audit.AuditAction.SIGN, audit_rows, stamp)
    uow.flush()
    for record in records:
        uow.session.expire(record, ["status", "updated_at"])
    return SignResult(
        signed=[r.id for r in records], first_seq=first, last_seq=seq - 1, warnings=tuple(warnings)
    )


def _bulk_audit(uow: UnitOfWork, action: str, rows: list[dict[str, Any]], at: dt.datetime) -> None:
    if rows:
        audit.append_events(uow, [{"at": at, "action": action, **row} for row in rows])


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
    """Withdraw a signed record with a reason; the void is itself a signed link. Commits.
    The clock is checked as :func:`sign` checks it."""
    # The transaction first (on the agency database it waits for the write lock), then the
    # clock: a desk that waited for another's batch must not date its own before it.
    uow.session.connection()
    stamp = now or utcnow()
    supervisor = authenticate(
        uow, supervisor_id=supervisor_id, password=password, now=stamp, record_ids=[record_id]
    )
    if not clock_is_right:
        check_clock(uow, now=stamp)
    reason = clean_text(
        reason, field="reason", label=_("Reason for the void"), max_length=1000, required=True
    )
    record = find_record(uow, record_id)
    refuse_arrived(uow, record, N_("voided"))
    status = display_status(uow, record)
    if status.value == RecordStatus.PENDING:
        raise DomainError(
            _("Record {record} is not signed yet; delete it instead of voiding it.").format(
                record=record.id[:8]
            ),
            code="void.not_signed",
            params={"record": record.id},
            field="record",
        )
    if status.value != RecordStatus.SIGNED:
        raise DomainError(
            _("Record {record} is already {status}; it cannot be voided.").format(
                record=record.id[:8], status=_(_STATUS_WORDS.get(status.value, status.value))
            ),
            code="void.not_voidable",
            params={"record": record.id, "status": status.value},
            field="record",
        )
    _check_may_sign(
        record,
        supervisor.id,
        _own_supervisees(uow, [record], supervisor.id),
        inherited_from(uow, supervisor.id),
    )
    kind = record_kind(record)
    content = void_content_hash(_record_hashes(uow, {kind: [record]})[record.id], reason)
    seq, prev = _next_link(uow)
    link = SignOff(
        seq=seq,
        record_kind=kind.value,
        record_id=record.id,
        action=VOID,
        signer_id=supervisor.id,
        signed_at=stamp,
        reason=reason,
        content_hash=content,
        prev_chain_hash=prev,
        chain_hash=chain_hash(
            prev=prev,
            seq=seq,
            kind=kind.value,
            record_id=record.id,
            action=VOID,
            signer_id=supervisor.id,
            signed_at=stamp,
            reason=reason,
            content=content,
        ),
    )
    uow.session.add(link)
    uow.flush()
    _add_keyed_signature(
        uow,
        action=VOID,
        links=[
            {
                "seq": seq,
                "record_kind": kind.value,
                "record_id": record.id,
                "action": VOID,
                "content_hash": content,
                "chain_hash": link.chain_hash,
                "prev_chain_hash": prev,
            }
        ],
        supervisor=supervisor,
        password=password,
        supervisee_ids=record_supervisee_ids(record),
        stamp=stamp,
    )
    for supervisee_id in record_supervisee_ids(record):
        audit.log(
            uow,
            audit.AuditAction.VOID,
            record_id=record.id,
            supervisee_id=supervisee_id,
            details={"reason": reason},
        )
    uow.flush()
    return link
