"""Who may supervise (issue 18): a record is signed only if its supervisor held, on the
record's date, a credential or licence that qualifies a supervisor for each supervisee's
profile (``[who_may_supervise]`` in the profile, plus the kinds the agency adds where the
profile lets it).

- Recorded credentials, none qualifying on the date (wrong kind, expired, not yet issued):
  :func:`check_records` refuses with a message naming the credential and the date.
- No credential recorded at all: a warning (:func:`check_records` returns it), not a refusal,
  so files made before the rule still sign; the message says how to record one.
- :func:`expiring`: a supervisor's qualifying credentials that expire within
  :data:`WARN_DAYS` (the To sign page and the Due view warn).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import N_, _
from supervisor_app.models import PersonCredential, Supervisee, SupervisionSession, Supervisor
from supervisor_app.services.errors import DomainError
from supervisor_app.services.people import agency_for
from supervisor_app.services.profiles import CredentialProfile, QualifyingKind, split_kinds

WARN_DAYS = 60
"""How long ahead an expiring qualifying credential is warned about."""

HOW_TO_RECORD = N_(
    "Record it with its number and expiry under File > Training and credentials… "
    "(or: supervisor-app credential add --supervisor {id} --kind KIND --number NUMBER --expires YYYY-MM-DD)."
)


def qualifying_kinds(profile: CredentialProfile, agency_kinds: Iterable[str] = ()) -> list[QualifyingKind]:
    """The kinds that qualify a supervisor for this profile (empty: the profile has no rule)."""
    rule = profile.who_may_supervise
    if rule is None:
        return []
    kinds = list(rule.kinds)
    if rule.agency_may_add:
        for kind in agency_kinds:
            if not any(k.matches(kind) for k in kinds):
                kinds.append(QualifyingKind(kind, kind, _("added by the agency")))
    return kinds


def agency_kinds(uow: UnitOfWork, supervisor_id: int) -> list[str]:
    agency = agency_for(uow, supervisor_id=supervisor_id)
    return split_kinds(agency.supervisor_kinds) if agency is not None else []


def _held(row: PersonCredential, day: dt.date) -> bool:
    return (row.issued_on is None or row.issued_on <= day) and (
        row.expires_on is None or row.expires_on >= day
    )


def describe(row: PersonCredential) -> str:
    """'LCPC 180-001234, expires 2027-03-31' (as printed and in messages)."""
    text = row.kind + (f" {row.number}" if row.number else "")
    if row.expires_on is not None:
        text += _(", expires {date}").format(date=row.expires_on.isoformat())
    return text


@dataclass(frozen=True)
class Check:
    """What :func:`reason` found: a refusal (``refused``) or a warning, in plain words."""

    message: str
    refused: bool


def reason(
    rows: Sequence[PersonCredential],
    kinds: Sequence[QualifyingKind],
    *,
    supervisor_name: str,
    supervisor_id: int,
    profile_code: str,
    day: dt.date,
) -> Check | None:
    """Why a supervisor with these credentials may not supervise a ``profile_code`` record of
    ``day`` (None: they may)."""
    if not kinds:
        return None
    names = ", ".join(k.kind for k in kinds)
    how = _(HOW_TO_RECORD).format(id=supervisor_id)
    if not rows:
        return Check(
            _(
                "{supervisor} has recorded no credential; a {credential} supervisor must hold one of: {names}. {how}"
            ).format(supervisor=supervisor_name, credential=profile_code, names=names, how=how),
            refused=False,
        )
    matching = [r for r in rows if any(k.matches(r.kind) for k in kinds)]
    if not matching:
        recorded = ", ".join(sorted({r.kind for r in rows}))
        return Check(
            _(
                "{supervisor}'s credentials ({recorded}) do not qualify a {credential} supervisor; "
                "one of {names} is needed. {how}"
            ).format(
                supervisor=supervisor_name, recorded=recorded, credential=profile_code, names=names, how=how
            ),
            refused=True,
        )
    if any(_held(r, day) for r in matching):
        return None
    why = []
    for row in matching:
        label = row.kind + (f" {row.number}" if row.number else "")
        if row.expires_on is not None and row.expires_on < day:
            why.append(_("{label} expired on {date}").format(label=label, date=row.expires_on.isoformat()))
        elif row.issued_on is not None:
            why.append(
                _("{label} was issued only on {date}").format(label=label, date=row.issued_on.isoformat())
            )
    return Check(
        _(
            "{supervisor}'s {why}: not held on {day}. A {credential} supervisor "
            "must hold one of {names} on the record's date. If it was renewed, record the renewal. {how}"
        ).format(
            supervisor=supervisor_name,
            why="; ".join(why),
            day=day.isoformat(),
            credential=profile_code,
            names=names,
            how=how,
        ),
        refused=True,
    )


def _days(record: object) -> list[dt.date]:
    if isinstance(record, SupervisionSession):
        return [record.date]
    start, end = record.period_start, record.period_end  # type: ignore[attr-defined]
    return [start] if end is None or end == start else [start, end]


def _record_label(record: object) -> str:
    if isinstance(record, SupervisionSession):
        return _("Session {id} of {date}").format(id=record.id[:8], date=record.date.isoformat())
    return _("Experience {id} from {date}").format(id=record.id[:8], date=record.period_start.isoformat())  # type: ignore[attr-defined]


def check_records(uow: UnitOfWork, records: Sequence[object]) -> list[str]:
    """Refuse (DomainError) the first record whose supervisor did not qualify on its date;
    return the warnings (one per supervisor with no credential recorded)."""
    from supervisor_app.services.records import record_supervisee_ids

    profiles = uow.db.profiles
    supervisee_ids = sorted({sid for r in records for sid in record_supervisee_ids(r)})
    codes: dict[int, str] = {}
    for start in range(0, len(supervisee_ids), 500):
        codes.update(
            uow.session.execute(
                select(Supervisee.id, Supervisee.credential).where(
                    Supervisee.id.in_(supervisee_ids[start : start + 500])
                )
            ).all()
        )
    rows_of: dict[int, list[PersonCredential]] = {}
    kinds_of: dict[tuple[int, str], list[QualifyingKind]] = {}
    warnings: dict[int, str] = {}
    for record in records:
        supervisor_id: int = record.supervisor_id  # type: ignore[attr-defined]
        if supervisor_id not in rows_of:
            rows_of[supervisor_id] = list(
                uow.session.scalars(
                    select(PersonCredential).where(PersonCredential.supervisor_id == supervisor_id)
                )
            )
        for code in sorted({codes[sid] for sid in record_supervisee_ids(record) if sid in codes}):
            if code not in profiles:
                continue
            key = (supervisor_id, code)
            if key not in kinds_of:
                kinds_of[key] = qualifying_kinds(profiles.get(code), agency_kinds(uow, supervisor_id))
            for day in _days(record):
                found = reason(
                    rows_of[supervisor_id],
                    kinds_of[key],
                    supervisor_name=uow.session.get(Supervisor, supervisor_id).name,  # type: ignore[union-attr]
                    supervisor_id=supervisor_id,
                    profile_code=code,
                    day=day,
                )
                if found is None:
                    continue
                if found.refused:
                    raise DomainError(
                        _("{record} cannot be signed: {message}").format(
                            record=_record_label(record), message=found.message
                        ),
                        field="record",
                        code="sign.supervisor_not_qualified",
                    )
                warnings.setdefault(supervisor_id, found.message)
    return list(warnings.values())


def qualifying_credentials(
    uow: UnitOfWork, *, supervisor_id: int, profile: CredentialProfile | None = None
) -> list[PersonCredential]:
    """A supervisor's recorded credentials that qualify a supervisor for ``profile`` (for any
    profile when None), latest expiry first."""
    agency = agency_kinds(uow, supervisor_id)
    chosen = [profile] if profile is not None else list(uow.db.profiles)
    kinds = [k for p in chosen for k in qualifying_kinds(p, agency)]
    rows = uow.session.scalars(
        select(PersonCredential).where(PersonCredential.supervisor_id == supervisor_id)
    )
    found = [r for r in rows if any(k.matches(r.kind) for k in kinds)]
    return sorted(found, key=lambda r: (r.expires_on is None, r.expires_on or dt.date.max), reverse=True)


def expiring(
    uow: UnitOfWork, *, supervisor_id: int, today: dt.date, days: int = WARN_DAYS
) -> list[PersonCredential]:
    """The supervisor's qualifying credentials held today that expire within ``days``, unless
    another qualifying one runs past that."""
    rows = [r for r in qualifying_credentials(uow, supervisor_id=supervisor_id) if _held(r, today)]
    horizon = today + dt.timedelta(days=days)
    if not rows or any(r.expires_on is None or r.expires_on > horizon for r in rows):
        return []
    return sorted(rows, key=lambda r: r.expires_on or dt.date.max)
