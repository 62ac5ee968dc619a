"""What goes on a printed attestation: the data, the refusals, and the record of each print.

Three steps, so the UI can render off its thread and the CLI can refuse before writing:

1. :func:`prepare_verification` reads, from *signed, standing* records only, every field the
   board's form asks for (DOMAIN.md, "What the printed attestation carries") into a frozen
   :class:`VerificationData`. It refuses (:class:`DomainError`) when the range has no signed
   sessions or has pending records, and raises
   :class:`~supervisor_app.services.signoff.RecordsFailVerification` when any record it would
   print fails verification. It writes nothing.
2. :func:`record_print` creates (or, for a reprint, reuses) the :class:`Attestation` row and
   writes an audit ``print`` event every time.
3. :func:`supervisor_app.reports.render_verification` turns the data into PDF bytes.
   :func:`print_verification` does 2 and 3 in one transaction. The app instead renders with
   the serial :func:`plan_print` foresees, prints, and records (``record_print(planned=...)``)
   only once the job was sent, so a cancelled or failed print is not in the audit trail.

The record fingerprint
----------------------
SHA-256 over the ASCII concatenation of the ``chain_hash`` values (64 lower-case hex digits
each, no separator) of the included signature links, in ``seq`` order. Included are *every*
link of every record the form prints:

- the sign link of each counted session and experience entry;
- the sign link of each amended original listed (in small type) under its replacement;
- the sign link *and* the void link of each voided session listed (struck through).

So the fingerprint covers everything on the paper, counted or not: if a record shown is later
amended or voided, the fingerprint (and so the serial number) changes. Anyone holding the
database can recompute it with :func:`fingerprint_of`.

Reprints: a print with the same supervisee, supervisor, range and fingerprint reuses the row
(its serial number and first print date), so the PDF is byte-identical. The people and agency
details (names, addresses, numbers) are read fresh at each print: if they were edited
between two prints of the same records, the reprint shows the new details under the same
serial number.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import distinct, func, select

from supervisor_app.db import UnitOfWork
from supervisor_app.models import (
    Attestation,
    AuditEvent,
    DisplayStatus,
    ExperienceAllocation,
    ExperienceEntry,
    ExperienceKind,
    RecordKind,
    RecordStatus,
    SessionAllocation,
    SessionAttendee,
    SessionFormat,
    SignOff,
    Supervisee,
    SupervisionSession,
    Supervisor,
    SupervisorKey,
    utcnow,
)
from supervisor_app.services import audit, board_rules, trails
from supervisor_app.services.canonical import ACTION, CHAIN, CONTENT, REASON, RID, SEQ, SIGNER
from supervisor_app.services.errors import DomainError
from supervisor_app.services.jobs import FormJob, form_answers
from supervisor_app.services.people import get_supervisee, get_supervisor
from supervisor_app.services.profiles import GENERAL_DOMAIN, CredentialProfile
from supervisor_app.services.progress import (
    SupervisorHours,
    compute_progress,
    hours,
    months_between,
    supervisee_record_ids,
)
from supervisor_app.services.records import counts_clause
from supervisor_app.services.signoff import SuperviseeRecords, require_supervisee_verified
from supervisor_app.services.validation import parse_date

VERIFICATION = "verification"
"""``Attestation.kind`` of a supervision verification form."""

SERIAL_PREFIX = "ATT"


# --------------------------------------------------------------------------------------------
# The data a form carries (plain values: no ORM objects escape)


@dataclass(frozen=True)
class DomainHours:
    """Supervision minutes in one performance domain, split by format."""

    code: str
    label: str
    individual_minutes: int = 0
    group_minutes: int = 0

    @property
    def total_minutes(self) -> int:
        return self.individual_minutes + self.group_minutes


@dataclass(frozen=True)
class LogEntry:
    """One session in the appendix, or an amended original listed below its replacement."""

    record_id: str
    date: dt.date
    start: dt.time | None
    minutes: int
    format: str
    attendees: int
    modality: str
    domain_minutes: tuple[tuple[str, int], ...]  # (domain code, minutes), in the form's order
    status: str  # DisplayStatus value: signed (counted), voided, amended (an original)
    sign_seq: int
    void_seq: int | None = None
    void_reason: str = ""
    replaced_reason: str = ""  # for an amended original: why the newer version replaced it
    replaced: tuple[LogEntry, ...] = ()  # amended originals, newest first

    @property
    def counted(self) -> bool:
        return self.status == DisplayStatus.SIGNED.value

    def minutes_in(self, code: str) -> int:
        return dict(self.domain_minutes).get(code, 0)


@dataclass(frozen=True)
class FormRecord:
    """One record a form prints, as its manifest lists it: what it said and how it was signed."""

    record_id: str
    kind: str  # RecordKind value: session or experience
    date: dt.date  # the session's date, or the experience period's first day
    date_to: dt.date | None  # the experience period's last day (None for a session)
    format: str  # individual or group (a session); paid, volunteer or internship (experience)
    status: str  # DisplayStatus value: signed (counted), voided, amended (an original)
    domain_minutes: tuple[tuple[str, int], ...]
    sign_seq: int
    content_hash: str  # of its sign link
    chain_hash: str
    void_seq: int | None = None
    void_chain_hash: str = ""

    @property
    def minutes(self) -> int:
        return sum(m for _, m in self.domain_minutes)

    @property
    def counted(self) -> bool:
        return self.status == DisplayStatus.SIGNED.value


@dataclass(frozen=True)
class VerificationData:
    """Everything printed on one supervision verification (form page and session log)."""

    # The request
    supervisee_id: int
    supervisor_id: int
    date_from: dt.date  # the range asked for; an open end is the first/last session's date
    date_to: dt.date
    # Applicant
    applicant_name: str
    applicant_icb_id: str
    position: str
    start_date: dt.date | None
    # Credential and its profile
    credential_code: str
    credential_name: str
    board: str
    profile_version: str
    profile_effective: dt.date
    form_title: str
    statement: str
    show_recovery_support_51: bool
    form_notes: tuple[str, ...]
    profile_sources: tuple[str, ...]
    verify_notes: tuple[str, ...]
    # Supervisor and agency
    supervisor_name: str
    supervisor_credentials: str
    supervisor_icb_number: str
    supervisor_license_type: str
    supervisor_license_number: str
    supervisor_title: str
    agency_name: str
    agency_address: str
    agency_phone: str
    # Supervision (counted sessions only)
    first_session: dt.date
    last_session: dt.date
    span_months: int
    domains: tuple[DomainHours, ...]
    sessions_individual: int
    sessions_group: int
    # Experience entries overlapping the range (counted only)
    experience_from: dt.date | None
    experience_to: dt.date | None
    experience_entries: int
    paid_minutes: int
    volunteer_minutes: int
    internship_minutes: int
    # The session log and the fingerprint
    log: tuple[LogEntry, ...]
    record_ids: tuple[str, ...]  # every record the form prints (counted or not)
    signature_count: int
    fingerprint: str
    pending_left_out: int = 0  # pending records in range left out (signed_only); never printed
    # Who signed records of this supervisor who is not them (a successor, after they left):
    # (name, how many of the form's records), by name.
    signed_by_others: tuple[tuple[str, int], ...] = ()
    form_records: tuple[FormRecord, ...] = ()  # every record printed, for the form's manifest
    supervisor_key_fingerprint: str = ""  # the signing supervisor's key ("" until keys exist)
    # How a reviewer reaches the supervisor, and their certificate's and license's expiry.
    supervisor_phone: str = ""
    supervisor_email: str = ""
    supervisor_certification_expires: dt.date | None = None
    supervisor_license_expires: dt.date | None = None
    # The recorded credential that qualifies the supervisor for this profile (who may
    # supervise, issue 18): (kind, number, expiry), held on the form's last date if one is.
    supervisor_qualifying: tuple[str, str, dt.date | None] | None = None
    # Experience of the counted entries per area (code, label, minutes), in the profile's order.
    experience_domains: tuple[tuple[str, str, int], ...] = ()
    # What counts (the group cap, the window, the yearly cap: board_rules), and why it differs.
    counted_supervision_minutes: int = 0
    counted_experience_minutes: int = 0
    counted_reasons: tuple[str, ...] = ()
    # The board's weekly supervision rule over the form's experience (LCPC): the weeks
    # checked and the Mondays of the weeks short of it; its words ("" without the rule).
    weekly_rule: str = ""
    weekly_min_minutes: int = 0
    weeks_checked: int = 0
    weekly_gaps: tuple[dt.date, ...] = ()
    # Minimums the board sets for some areas of the experience: (label, required, shown, source).
    area_minimums: tuple[tuple[str, int, int, str], ...] = ()
    # Supervision per month of the counted sessions: ("YYYY-MM", individual, group minutes).
    monthly: tuple[tuple[str, int, int], ...] = ()
    # For the agency's notes (never on the board's form): each rule's source, and doubts.
    rule_sources: tuple[tuple[str, str, bool], ...] = ()
    # The 51% recovery-support answer of each job held in the form's period (profiles that ask).
    recovery_support_jobs: tuple[FormJob, ...] = ()

    @property
    def sessions_total(self) -> int:
        return self.sessions_individual + self.sessions_group

    @property
    def individual_minutes(self) -> int:
        return sum(d.individual_minutes for d in self.domains)

    @property
    def group_minutes(self) -> int:
        return sum(d.group_minutes for d in self.domains)

    @property
    def supervision_minutes(self) -> int:
        return self.individual_minutes + self.group_minutes

    @property
    def experience_minutes(self) -> int:
        return self.paid_minutes + self.volunteer_minutes + self.internship_minutes

    @property
    def fingerprint_groups(self) -> str:
        return fingerprint_groups(self.fingerprint)

    @property
    def domain_labels(self) -> dict[str, str]:
        return {d.code: d.label for d in self.domains}


@dataclass(frozen=True)
class DomainBar:
    """One bar of the progress statement."""

    code: str
    label: str
    required_minutes: int
    signed_minutes: int
    pending_minutes: int
    individual_minutes: int = 0
    group_minutes: int = 0


@dataclass(frozen=True)
class PartSummary:
    """Supervision or experience on the progress statement."""

    required_minutes: int
    signed_minutes: int
    pending_minutes: int
    counted_minutes: int
    domains: tuple[DomainBar, ...]


@dataclass(frozen=True)
class StatementData:
    """What a supervisee reviews: progress toward the credential, signed vs pending."""

    supervisee_id: int
    applicant_name: str
    applicant_icb_id: str
    position: str
    start_date: dt.date | None
    supervisor_name: str
    agency_name: str
    credential_code: str
    credential_name: str
    board: str
    profile_version: str
    profile_effective: dt.date
    as_of: dt.date
    supervision: PartSummary
    experience: PartSummary
    individual_minutes: int
    group_minutes: int
    sessions_signed: int
    first_session: dt.date | None
    last_session: dt.date | None
    span_months: int
    min_span_months: int
    cover_every_domain: bool
    experience_window_years: int | None
    outside_window_minutes: int
    eligible: bool
    unmet: tuple[str, ...]
    notes: tuple[str, ...]
    verify_notes: tuple[str, ...]
    sources: tuple[str, ...]
    rule_sources: tuple[tuple[str, str, bool], ...]  # (requirement, source, verify with the board)
    signature_count: int
    fingerprint: str
    supervisors: tuple[SupervisorHours, ...] = ()  # each supervisor's signed hours, by name
    # Why a counted figure differs from the signed one (board_rules), per part.
    supervision_reasons: tuple[str, ...] = ()
    experience_reasons: tuple[str, ...] = ()
    weekly_gaps: tuple[dt.date, ...] = ()
    # Education (training hours, issue 20): done, required, self-reported minutes; what is missing.
    education: tuple[int, int, int] | None = None
    education_missing: tuple[str, ...] = ()

    @property
    def fingerprint_groups(self) -> str:
        return fingerprint_groups(self.fingerprint)


@dataclass(frozen=True)
class PrintRecord:
    """The attestation row a print was recorded under."""

    attestation_id: int
    serial: str
    generated: dt.date  # the date printed on the form: the row's first print, in local time
    printed_at: dt.datetime
    reprint: bool


@dataclass(frozen=True)
class PrintedForm:
    pdf: bytes
    record: PrintRecord


@dataclass(frozen=True)
class AttestationEntry:
    """One line of "what was printed"."""

    id: int
    serial: str
    kind: str
    supervisee_id: int
    supervisee_name: str
    supervisor_id: int | None
    supervisor_name: str
    date_from: dt.date | None
    date_to: dt.date | None
    record_count: int
    supervision_minutes: int
    experience_minutes: int
    fingerprint: str
    printed_by: str
    printed_at: dt.datetime
    times_printed: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "serial": self.serial,
            "kind": self.kind,
            "supervisee": {"id": self.supervisee_id, "name": self.supervisee_name},
            "supervisor": {"id": self.supervisor_id, "name": self.supervisor_name},
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "record_count": self.record_count,
            "supervision_minutes": self.supervision_minutes,
            "experience_minutes": self.experience_minutes,
            "fingerprint": self.fingerprint,
            "printed_by": self.printed_by,
            "printed_at": self.printed_at.isoformat(),
            "times_printed": self.times_printed,
        }


# --------------------------------------------------------------------------------------------
# The fingerprint


def fingerprint_of(chain_hashes: Iterable[str]) -> str:
    """SHA-256 over the chain hashes (already in ``seq`` order), concatenated as ASCII hex."""
    digest = hashlib.sha256()
    for chain in chain_hashes:
        digest.update(chain.encode("ascii"))
    return digest.hexdigest()


def fingerprint_groups(fingerprint: str) -> str:
    """'3f2a9c41...' -> '3f2a 9c41 ...' (groups of 4 hex digits)."""
    return " ".join(fingerprint[i : i + 4] for i in range(0, len(fingerprint), 4))


def _links(uow: UnitOfWork, record_ids: Sequence[str]) -> list[tuple[int, str, str, str, str]]:
    """(seq, record_id, action, chain_hash, reason) of every link of these records, by seq."""
    rows: list[tuple[int, str, str, str, str]] = []
    ids = list(record_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows.extend(
            tuple(r)  # type: ignore[misc]
            for r in uow.session.execute(
                select(
                    SignOff.seq, SignOff.record_id, SignOff.action, SignOff.chain_hash, SignOff.reason
                ).where(SignOff.record_id.in_(chunk))
            )
        )
    rows.sort()
    return rows


# --------------------------------------------------------------------------------------------
# Preparing a verification


def _date_or_none(value: str | dt.date | None, *, field: str, label: str) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value, field=field, label=label)


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _domain_order(profile: CredentialProfile, codes: Iterable[str]) -> list[tuple[str, str]]:
    """(code, label): the profile's domains first, then general, then codes of older versions."""
    ordered = [(d.code, d.label) for d in profile.domains]
    known = {c for c, _ in ordered}
    extra = sorted(set(codes) - known)
    if GENERAL_DOMAIN in extra:
        extra.remove(GENERAL_DOMAIN)
        extra.insert(0, GENERAL_DOMAIN)
    return ordered + [(c, profile.label(c)) for c in extra]


def _range_text(date_from: dt.date | None, date_to: dt.date | None) -> str:
    """' between X and Y' (with its leading space), or '' for an open range."""
    if date_from and date_to:
        return f" between {date_from.isoformat()} and {date_to.isoformat()}"
    if date_from:
        return f" from {date_from.isoformat()} on"
    if date_to:
        return f" up to {date_to.isoformat()}"
    return ""


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


@dataclass
class _Figures:
    """What a verification form adds up over its range (before the session log)."""

    pending_sessions: int
    pending_experience: int
    per_format: dict[str, tuple[int, Any, Any]]  # {format: (count, first date, last date)}
    minutes: dict[str, dict[str, int]]  # {domain: {format: minutes}} of counted sessions
    by_kind: dict[str, int]  # {experience kind: minutes} of counted entries
    experience: tuple[int, Any, Any]  # counted entries: count, first start, last end
    experience_ids: list[str]


def _figures_from_sql(
    uow: UnitOfWork, *, supervisee_id: int, supervisor_id: int, start: dt.date | None, end: dt.date | None
) -> _Figures:
    S, A, T = SupervisionSession, SessionAllocation, SessionAttendee
    E, EA = ExperienceEntry, ExperienceAllocation
    attended = select(T.session_id).where(T.supervisee_id == supervisee_id)
    in_range = [S.supervisor_id == supervisor_id, S.id.in_(attended)]
    if start:
        in_range.append(S.date >= start)
    if end:
        in_range.append(S.date <= end)
    pending_sessions = uow.session.scalar(
        select(func.count()).select_from(S).where(*in_range, S.status == RecordStatus.PENDING)
    )
    exp_requested = [E.supervisee_id == supervisee_id, E.supervisor_id == supervisor_id]
    if start:
        exp_requested.append(E.period_end >= start)
    if end:
        exp_requested.append(E.period_start <= end)
    pending_experience = uow.session.scalar(
        select(func.count()).select_from(E).where(*exp_requested, E.status == RecordStatus.PENDING)
    )
    counted = [*in_range, counts_clause(S)]
    per_format = {
        fmt: (count, first, last)
        for fmt, count, first, last in uow.session.execute(
            select(S.format, func.count(), func.min(S.date), func.max(S.date))
            .where(*counted)
            .group_by(S.format)
        )
    }
    minutes: dict[str, dict[str, int]] = {}
    for fmt, code, total in uow.session.execute(
        select(S.format, A.domain_code, func.sum(A.minutes))
        .join(A, A.session_id == S.id)
        .where(*counted)
        .group_by(S.format, A.domain_code)
    ):
        minutes.setdefault(code, {})[fmt] = int(total)
    exp_where = [*exp_requested, counts_clause(E)]
    by_kind = {
        kind: int(total)
        for kind, total in uow.session.execute(
            select(E.kind, func.sum(EA.minutes))
            .join(EA, EA.entry_id == E.id)
            .where(*exp_where)
            .group_by(E.kind)
        )
    }
    exp_count, exp_first, exp_last = uow.session.execute(
        select(func.count(distinct(E.id)), func.min(E.period_start), func.max(E.period_end)).where(*exp_where)
    ).one()
    return _Figures(
        pending_sessions or 0,
        pending_experience or 0,
        per_format,
        minutes,
        by_kind,
        (int(exp_count or 0), exp_first, exp_last),
        list(uow.session.scalars(select(E.id).where(*exp_where))),
    )


def _figures_from_rows(
    records: SuperviseeRecords,
    *,
    supervisee_id: int,
    supervisor_id: int,
    start: dt.date | None,
    end: dt.date | None,
) -> _Figures | None:
    """The same figures from the verified rows; None when a row holds something only a hand
    edit stores (text where a date was, an irregular allocation): then SQL adds them up."""
    low, high = start.isoformat() if start else None, end.isoformat() if end else None
    pending_value, signed_value = RecordStatus.PENDING.value, RecordStatus.SIGNED.value
    left_out = records.superseded | records.voided
    pending_sessions = pending_experience = 0
    per_format: dict[str, tuple[int, Any, Any]] = {}
    minutes: dict[str, dict[str, int]] = {}
    batch = records.sessions
    for rid, status, sup, day, _start, _min, fmt, *_rest in batch.rows:
        if sup != supervisor_id or supervisee_id not in batch.attendees.get(rid, ()):
            continue
        if day.__class__ is not str or fmt.__class__ is not str:
            return None
        if (low is not None and day < low) or (high is not None and day > high):
            continue
        if status == pending_value:
            pending_sessions += 1
        elif status == signed_value and rid not in left_out:
            count, first, last = per_format.get(fmt, (0, day, day))
            per_format[fmt] = (count + 1, min(first, day), max(last, day))
            for item in batch.allocations.get(rid, ()):
                if item.__class__ is not str:
                    return None
                code, _, spent = item.rpartition("=")
                by_format = minutes.setdefault(code, {})
                by_format[fmt] = by_format.get(fmt, 0) + int(spent)
    by_kind: dict[str, int] = {}
    experience_ids: list[str] = []
    exp_first: Any = None
    exp_last: Any = None
    batch = records.experience
    for rid, status, sup, begins, ends, owner, kind, *_rest in batch.rows:
        if owner != supervisee_id or sup != supervisor_id:
            continue
        if begins.__class__ is not str or ends.__class__ is not str or kind.__class__ is not str:
            return None
        if (low is not None and ends < low) or (high is not None and begins > high):
            continue
        if status == pending_value:
            pending_experience += 1
        elif status == signed_value and rid not in left_out:
            experience_ids.append(rid)
            exp_first = begins if exp_first is None else min(exp_first, begins)
            exp_last = ends if exp_last is None else max(exp_last, ends)
            items = batch.allocations.get(rid, ())
            if items:
                total = 0
                for item in items:
                    if item.__class__ is not str:
                        return None
                    total += int(item.rpartition("=")[2])
                by_kind[kind] = by_kind.get(kind, 0) + total
    return _Figures(
        pending_sessions,
        pending_experience,
        per_format,
        minutes,
        by_kind,
        (len(experience_ids), exp_first, exp_last),
        experience_ids,
    )


def _key_fingerprint(uow: UnitOfWork, supervisor_id: int) -> str:
    """The supervisor's signing key, for the form's manifest and QR ("" before they have one)."""
    from supervisor_app.services import keys

    key = keys.current_key(uow, supervisor_id)
    return key.fingerprint if key is not None else ""


def _refuse_supervisor_from_elsewhere(uow: UnitOfWork, supervisor: Supervisor) -> None:
    """A supervisor known here only from an hours file (no account, only public keys) prints
    no attestation here: it is printed by the supervisor, where they supervised."""
    if supervisor.password_hash is not None:
        return
    sealed = uow.session.scalars(
        select(SupervisorKey.sealed_private_key).where(SupervisorKey.supervisor_id == supervisor.id)
    ).all()
    if sealed and not any(sealed):
        raise DomainError(
            f"{supervisor.name}'s records here arrived signed in an hours file from another database; "
            "their attestation form is printed by them, where they supervised. The progress statement "
            "counts these hours.",
            field="supervisor",
        )


def prepare_verification(
    uow: UnitOfWork,
    *,
    supervisee_id: int | str,
    supervisor_id: int | str,
    date_from: str | dt.date | None = None,
    date_to: str | dt.date | None = None,
    signed_only: bool = False,
    today: dt.date | None = None,
) -> VerificationData:
    """Gather one supervision verification from signed, standing records. Writes nothing.

    The range is inclusive; an open end is open (all dates). Sessions count by their date;
    experience entries when their period overlaps the range, as whole entries (hours are never
    prorated; the form prints the entries' own first and last dates). ``data.date_from`` and
    ``data.date_to`` are the range with an open end replaced by the first/last session's date:
    that is the range the attestation row records.

    Refuses with :class:`DomainError` when there is no signed session in the range, or when
    records in the range wait for signature (unless ``signed_only``); raises
    :class:`RecordsFailVerification` naming any record that fails verification.
    """
    # The date on the form is the print's (record_print); ``today`` only places the experience
    # window, as the progress statement places it.
    today = today or dt.date.today()
    supervisee = get_supervisee(uow, supervisee_id)
    supervisor = get_supervisor(uow, supervisor_id)
    _refuse_supervisor_from_elsewhere(uow, supervisor)
    start = _date_or_none(date_from, field="date_from", label="From date")
    end = _date_or_none(date_to, field="date_to", label="To date")
    if start and end and end < start:
        raise DomainError(
            f"The range ends ({end.isoformat()}) before it starts ({start.isoformat()}).", field="date_to"
        )
    try:
        profile = uow.db.profiles.get(supervisee.credential)
    except KeyError as exc:
        raise DomainError(str(exc.args[0]), field="supervisee") from None

    # Every record ever signed for this supervisee, verified (a signed record deleted or
    # detached from them must stop the print, not silently drop out of the totals); read once:
    # the figures and the session log below come from the same rows.
    records = require_supervisee_verified(uow, supervisee.id)
    figures = _figures_from_rows(
        records, supervisee_id=supervisee.id, supervisor_id=supervisor.id, start=start, end=end
    ) or _figures_from_sql(
        uow, supervisee_id=supervisee.id, supervisor_id=supervisor.id, start=start, end=end
    )
    pending_sessions, pending_experience = figures.pending_sessions, figures.pending_experience
    pending = pending_sessions + pending_experience
    per_format, minutes, by_kind = figures.per_format, figures.minutes, figures.by_kind
    exp_count, exp_first, exp_last = figures.experience
    experience_ids = figures.experience_ids
    if not per_format:
        waiting = (
            f" {_plural(pending, 'record')} {'is' if pending == 1 else 'are'} waiting for "
            f"{supervisor.name}'s signature; sign {'it' if pending == 1 else 'them'} first."
            if pending
            else ""
        )
        raise DomainError(
            f"There are no signed supervision sessions by {supervisor.name} for {supervisee.name}"
            f"{_range_text(start, end)}, so there is nothing to attest.{waiting}",
            field="date_from" if (start or end) else "supervisee",
        )
    if pending and not signed_only:
        parts = []
        if pending_sessions:
            parts.append(_plural(pending_sessions, "session"))
        if pending_experience:
            parts.append(_plural(pending_experience, "experience entry", "experience entries"))
        raise DomainError(
            f"{' and '.join(parts)} for {supervisee.name}{_range_text(start, end)} "
            f"{'is' if pending == 1 else 'are'} still waiting for {supervisor.name}'s signature. "
            f"Sign {'it' if pending == 1 else 'them'} first, or print the signed records only "
            f"(the {_plural(pending, 'pending record')} will be left off the form).",
            field="signed_only",
        )
    first = min(_as_date(v[1]) for v in per_format.values())  # type: ignore[type-var]
    last = max(_as_date(v[2]) for v in per_format.values())  # type: ignore[type-var]
    assert first is not None and last is not None
    range_from, range_to = start or first, end or last

    domains = tuple(
        DomainHours(
            code,
            label,
            individual_minutes=minutes.get(code, {}).get(SessionFormat.INDIVIDUAL.value, 0),
            group_minutes=minutes.get(code, {}).get(SessionFormat.GROUP.value, 0),
        )
        for code, label in _domain_order(profile, minutes)
    )

    # The session log: counted and voided sessions in range, amended originals below them.
    log, session_ids = _session_log(
        uow,
        records,
        supervisee_id=supervisee.id,
        supervisor_id=supervisor.id,
        start=start,
        end=end,
        profile=profile,
    )
    record_ids = tuple(sorted(set(session_ids) | set(experience_ids)))
    links = _record_links(records, record_ids)
    signed_by_others = _other_signers(uow, records, record_ids, supervisor.id)
    form_records = _form_records(records, log, experience_ids, profile)
    board = _board_figures(profile, log, form_records, minutes, today=today)

    agency = supervisor.agency or supervisee.agency
    return VerificationData(
        supervisee_id=supervisee.id,
        supervisor_id=supervisor.id,
        date_from=range_from,
        date_to=range_to,
        applicant_name=supervisee.name,
        applicant_icb_id=supervisee.icb_id,
        position=supervisee.position,
        start_date=supervisee.start_date,
        credential_code=profile.code,
        credential_name=profile.name,
        board=profile.board,
        profile_version=profile.version,
        profile_effective=profile.effective,
        form_title=profile.attestation.title,
        statement=" ".join(profile.attestation.statement.split()),
        show_recovery_support_51=profile.attestation.show_recovery_support_51,
        form_notes=profile.attestation.notes,
        profile_sources=profile.sources,
        verify_notes=profile.verify_notes,
        supervisor_name=supervisor.name,
        supervisor_credentials=supervisor.credentials,
        supervisor_icb_number=supervisor.icb_number,
        supervisor_license_type=supervisor.license_type,
        supervisor_license_number=supervisor.license_number,
        supervisor_title=supervisor.title,
        agency_name=agency.name if agency else "",
        agency_address=agency.address if agency else "",
        agency_phone=agency.phone if agency else "",
        first_session=first,
        last_session=last,
        span_months=months_between(first, last),
        domains=domains,
        sessions_individual=per_format.get(SessionFormat.INDIVIDUAL.value, (0,))[0],
        sessions_group=per_format.get(SessionFormat.GROUP.value, (0,))[0],
        experience_from=_as_date(exp_first),
        experience_to=_as_date(exp_last),
        experience_entries=int(exp_count or 0),
        paid_minutes=by_kind.get(ExperienceKind.PAID.value, 0),
        volunteer_minutes=by_kind.get(ExperienceKind.VOLUNTEER.value, 0),
        internship_minutes=by_kind.get(ExperienceKind.INTERNSHIP.value, 0),
        log=log,
        record_ids=record_ids,
        signature_count=len(links),
        fingerprint=fingerprint_of(link[3] for link in links),
        pending_left_out=pending,
        signed_by_others=signed_by_others,
        supervisor_key_fingerprint=_key_fingerprint(uow, supervisor.id),
        form_records=form_records,
        supervisor_phone=supervisor.phone or "",
        supervisor_email=supervisor.email or "",
        supervisor_certification_expires=supervisor.certification_expires,
        supervisor_license_expires=supervisor.license_expires,
        supervisor_qualifying=_qualifying(uow, supervisor.id, profile, last),
        rule_sources=rule_sources(profile),
        recovery_support_jobs=form_answers(uow, supervisee_id=supervisee.id, start=range_from, end=range_to)
        if profile.attestation.show_recovery_support_51
        else (),
        **board,
    )


def _qualifying(
    uow: UnitOfWork, supervisor_id: int, profile: CredentialProfile, day: dt.date
) -> tuple[str, str, dt.date | None] | None:
    """The supervisor's recorded qualifying credential to print: one held on ``day``, else
    the latest (None: none recorded)."""
    from supervisor_app.services import qualification

    rows = qualification.qualifying_credentials(uow, supervisor_id=supervisor_id, profile=profile)
    held = [
        r for r in rows
        if (r.issued_on is None or r.issued_on <= day) and (r.expires_on is None or r.expires_on >= day)
    ]  # fmt: skip
    chosen = (held or rows)[:1]
    return (chosen[0].kind, chosen[0].number, chosen[0].expires_on) if chosen else None


def rule_sources(profile: CredentialProfile) -> tuple[tuple[str, str, bool], ...]:
    """(requirement, source and note, verify with the board) of every rule the profile states."""
    sup, exp = profile.supervision, profile.experience
    return tuple(
        (name, rule.source + (f" ({rule.note})" if rule.note else ""), rule.verify)
        for name, rule in (
            ("Supervision total", sup.total_minutes),
            ("Supervision per domain", sup.domain_min_minutes),
            ("Every domain covered", sup.cover_every_domain),
            ("Supervision span", sup.min_span_months),
            ("Group supervision cap", sup.group_cap_fraction),
            ("Group size", sup.max_group_size),
            ("Modalities that count", sup.counted_modalities),
            ("Individual supervision", sup.individual_max_supervisees),
            ("Weekly supervision", sup.weekly_min_minutes),
            ("Experience total", exp.total_minutes),
            ("Experience window", exp.window_years),
            ("Experience minimum by area", exp.domain_minimums),
            ("Experience per year", exp.yearly_cap_minutes),
        )
        if rule is not None
    )


def _board_figures(
    profile: CredentialProfile,
    log: Sequence[LogEntry],
    form_records: Sequence[FormRecord],
    minutes: dict[str, dict[str, int]],
    *,
    today: dt.date,
) -> dict[str, Any]:
    """What counts of the form's records, by the same rules as progress (board_rules)."""
    individual = sum(m.get(SessionFormat.INDIVIDUAL.value, 0) for m in minutes.values())
    group = sum(m.get(SessionFormat.GROUP.value, 0) for m in minutes.values())
    supervision = board_rules.counted_supervision(profile, individual, group)
    uncounted = sum(
        e.minutes for e in log if e.counted and not board_rules.modality_counts(profile, e.modality)
    )
    if uncounted:  # signed before the rule was in the profile: shown, not counted
        supervision = board_rules.Counted(
            supervision.signed_minutes,
            max(0, supervision.counted_minutes - uncounted),
            (board_rules.modality_reason(profile, uncounted), *supervision.reasons),
        )
    entries = [r for r in form_records if r.kind == RecordKind.EXPERIENCE.value and r.counted]
    experience = board_rules.counted_experience(
        profile, [(r.date, r.date_to or r.date, r.minutes) for r in entries], today=today
    )
    by_area: dict[str, int] = {}
    for record in entries:
        for code, spent in record.domain_minutes:
            by_area[code] = by_area.get(code, 0) + spent
    experience_domains = tuple(
        (code, label, by_area.get(code, 0))
        for code, label in _domain_order(profile, by_area)
        if code != GENERAL_DOMAIN
    )
    counted_sessions = [e for e in log if e.counted]
    monthly: dict[str, list[int]] = {}
    for entry in counted_sessions:
        month = monthly.setdefault(entry.date.strftime("%Y-%m"), [0, 0])
        month[entry.format == SessionFormat.GROUP.value] += entry.minutes
    rule = profile.supervision.weekly_min_minutes
    periods = [(r.date, r.date_to or r.date) for r in entries]
    sessions = [
        (e.date, e.minutes) for e in counted_sessions if board_rules.modality_counts(profile, e.modality)
    ]
    gaps = board_rules.weekly_gaps(profile, sessions, periods)
    span = periods or ([(min(d for d, _ in sessions), max(d for d, _ in sessions))] if sessions else [])
    minimums = profile.experience.domain_minimums
    return {
        "experience_domains": experience_domains,
        "counted_supervision_minutes": supervision.counted_minutes,
        "counted_experience_minutes": experience.counted_minutes,
        "counted_reasons": supervision.reasons + experience.reasons,
        "weekly_rule": rule.source if rule is not None and rule.value > 0 else "",
        "weekly_min_minutes": rule.value if rule is not None else 0,
        "weeks_checked": board_rules.weeks_of(span) if rule is not None else 0,
        "weekly_gaps": tuple(gaps),
        "area_minimums": tuple(
            (profile.label(code), required, by_area.get(code, 0), minimums.source)
            for code, required in minimums.value.items()
        )
        if minimums is not None
        else (),
        "monthly": tuple((month, ind, grp) for month, (ind, grp) in sorted(monthly.items())),
    }


def _other_signers(
    uow: UnitOfWork, records: SuperviseeRecords, record_ids: Iterable[str], supervisor_id: int
) -> tuple[tuple[str, int], ...]:
    """(name, records) of whoever signed these records who is not their supervisor of record."""
    counts: dict[int, int] = {}
    for rid in record_ids:
        link = records.signs.get(rid)
        if link is not None and link[SIGNER] != supervisor_id:
            counts[link[SIGNER]] = counts.get(link[SIGNER], 0) + 1
    if not counts:
        return ()
    query = select(Supervisor.id, Supervisor.name).where(Supervisor.id.in_(counts))
    names = {sid: name for sid, name in uow.session.execute(query)}
    return tuple(sorted((names.get(sid, f"supervisor {sid}"), n) for sid, n in counts.items()))


def _time(value: Any) -> dt.time | None:
    return value if value is None or isinstance(value, dt.time) else dt.time.fromisoformat(value)


def _session_log(
    uow: UnitOfWork,
    records: SuperviseeRecords,
    *,
    supervisee_id: int,
    supervisor_id: int,
    start: dt.date | None,
    end: dt.date | None,
    profile: CredentialProfile,
) -> tuple[tuple[LogEntry, ...], list[str]]:
    """The appendix rows and the ids of every session printed, from the verified rows of the
    supervisee's records: their signed sessions with this supervisor in the range that still
    stand or were voided (by date, start, id), and below each the originals it amended."""
    batch = records.sessions
    by_id = {row[0]: row for row in batch.rows}
    low, high = start.isoformat() if start else None, end.isoformat() if end else None
    signed = RecordStatus.SIGNED.value
    shown = [
        row
        for row in batch.rows
        if row[1] == signed
        and row[2] == supervisor_id
        and supervisee_id in batch.attendees.get(row[0], ())
        and (low is None or row[3] >= low)
        and (high is None or row[3] <= high)
        and (row[0] in records.voids or row[0] not in records.superseded)
    ]
    shown.sort(key=lambda r: (r[3], r[4] is not None, r[4] or "", r[0]))
    # Amended originals: each printed row's supersedes chain.
    originals: dict[str, tuple[Any, ...]] = {}
    wanted = {r[10] for r in shown if r[10]}
    while wanted:
        missing = [rid for rid in wanted if rid not in by_id]
        if missing:  # an original that does not list the supervisee: read (and verified) too
            more = require_supervisee_verified(uow, supervisee_id, also=missing)
            batch, records = more.sessions, more
            by_id = {row[0]: row for row in batch.rows}
        found = [by_id[rid] for rid in wanted if rid in by_id]
        for row in found:
            originals[row[0]] = row
        wanted = {r[10] for r in found if r[10] and r[10] not in originals}
    ids = [r[0] for r in shown] + list(originals)
    order = [code for code, _ in _domain_order(profile, ())]
    known = set(order)

    def domain_minutes(rid: str) -> tuple[tuple[str, int], ...]:
        given: dict[str, int] = {}
        for item in batch.allocations.get(rid, ()):
            code, _, minutes = item.rpartition("=")
            given[code] = int(minutes)
        codes = [c for c in order if c in given] + sorted(set(given) - known)
        return tuple((c, given[c]) for c in codes)

    def entry(row: tuple[Any, ...], display: str, **extra: Any) -> LogEntry:
        rid = row[0]
        sign, void = records.signs.get(rid), records.voids.get(rid)
        return LogEntry(
            record_id=rid,
            date=dt.date.fromisoformat(row[3]),
            start=_time(row[4]),
            minutes=row[5],
            format=row[6],
            attendees=len(batch.attendees.get(rid, ())),
            modality=row[7],
            domain_minutes=domain_minutes(rid),
            status=display,
            sign_seq=sign[SEQ] if sign else 0,
            void_seq=void[SEQ] if void else None,
            void_reason=void[REASON] if void else "",
            **extra,
        )

    log = []
    for row in shown:
        replaced = []
        newer = row
        while newer[10] and newer[10] in originals:
            older = originals[newer[10]]
            replaced.append(entry(older, DisplayStatus.AMENDED.value, replaced_reason=newer[11]))
            newer = older
        display = DisplayStatus.VOIDED.value if row[0] in records.voids else DisplayStatus.SIGNED.value
        log.append(entry(row, display, replaced=tuple(replaced)))
    return tuple(log), ids


def _form_records(
    records: SuperviseeRecords,
    log: Iterable[LogEntry],
    experience_ids: Iterable[str],
    profile: CredentialProfile,
) -> tuple[FormRecord, ...]:
    """The manifest's list: every session of the log (amended originals too) and every counted
    experience entry, each with its sign (and void) link as verification read them."""

    def links(rid: str) -> dict[str, Any]:
        sign, void = records.signs.get(rid), records.voids.get(rid)
        return {
            "sign_seq": sign[SEQ] if sign else 0,
            "content_hash": sign[CONTENT] if sign else "",
            "chain_hash": sign[CHAIN] if sign else "",
            "void_seq": void[SEQ] if void else None,
            "void_chain_hash": void[CHAIN] if void else "",
        }

    found: list[FormRecord] = []
    for entry in log:
        for item in (entry, *entry.replaced):
            found.append(
                FormRecord(
                    record_id=item.record_id,
                    kind=RecordKind.SESSION.value,
                    date=item.date,
                    date_to=None,
                    format=item.format,
                    status=item.status,
                    domain_minutes=item.domain_minutes,
                    **links(item.record_id),
                )
            )
    order = [code for code, _ in _domain_order(profile, ())]
    rows = {row[0]: row for row in records.experience.rows}
    for rid in experience_ids:
        row = rows.get(rid)
        if row is None:
            continue
        given: dict[str, int] = {}
        for item in records.experience.allocations.get(rid, ()):
            code, _, minutes = str(item).rpartition("=")
            given[code] = given.get(code, 0) + int(minutes)
        codes = [c for c in order if c in given] + sorted(set(given) - set(order))
        found.append(
            FormRecord(
                record_id=rid,
                kind=RecordKind.EXPERIENCE.value,
                date=dt.date.fromisoformat(str(row[3])),
                date_to=dt.date.fromisoformat(str(row[4])),
                format=str(row[6]),
                status=DisplayStatus.SIGNED.value,
                domain_minutes=tuple((c, given[c]) for c in codes),
                **links(rid),
            )
        )
    found.sort(key=lambda r: (r.sign_seq, r.record_id))
    return tuple(found)


# --------------------------------------------------------------------------------------------
# The form's manifest: what it attests, machine-readable (embedded in the PDF)

MANIFEST_FORMAT = "supervisor_app/attestation"
MANIFEST_VERSION = 1
MANIFEST_NAME = "attestation-manifest.json"
"""The manifest's file name inside the PDF (an embedded file)."""


def manifest_totals(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The totals a manifest's records add up to (counted records only): the form's figures."""
    totals: dict[str, Any] = {
        "supervision_minutes": 0,
        "individual_minutes": 0,
        "group_minutes": 0,
        "sessions": 0,
        "experience_minutes": 0,
        "experience_entries": 0,
        "domains": {},
    }
    domains: dict[str, int] = totals["domains"]
    for record in records:
        if record.get("status") != DisplayStatus.SIGNED.value:
            continue
        minutes = sum(int(m) for m in record.get("minutes", {}).values())
        if record.get("kind") == RecordKind.SESSION.value:
            totals["sessions"] += 1
            totals["supervision_minutes"] += minutes
            part = (
                "group_minutes" if record.get("format") == SessionFormat.GROUP.value else "individual_minutes"
            )
            totals[part] += minutes
            for code, spent in record.get("minutes", {}).items():
                domains[code] = domains.get(code, 0) + int(spent)
        else:
            totals["experience_entries"] += 1
            totals["experience_minutes"] += minutes
    return totals


def form_manifest(
    data: VerificationData, *, serial: str, generated: dt.date, app_version: str
) -> dict[str, Any]:
    """What a printed form attests, as the JSON the PDF carries and ``check-form`` reads.

    Every record the form prints (counted, voided, amended originals) with its minutes per
    domain and its sign (and void) link's hashes, and the totals they add up to; the
    fingerprint is recomputable from the records' chain hashes (:func:`manifest_fingerprint`).
    """
    records = [
        {
            "id": r.record_id,
            "kind": r.kind,
            "date": r.date.isoformat(),
            **({"to": r.date_to.isoformat()} if r.date_to else {}),
            "format": r.format,
            "status": r.status,
            "minutes": dict(r.domain_minutes),
            "sign": {"seq": r.sign_seq, "content_hash": r.content_hash, "chain_hash": r.chain_hash},
            "void": {"seq": r.void_seq, "chain_hash": r.void_chain_hash} if r.void_seq is not None else None,
        }
        for r in data.form_records
    ]
    return {
        "format": MANIFEST_FORMAT,
        "version": MANIFEST_VERSION,
        "serial": serial,
        "generated": generated.isoformat(),
        "app_version": app_version,
        "fingerprint": data.fingerprint,
        "signature_count": data.signature_count,
        "credential": data.credential_code,
        "supervisee": {
            "id": data.supervisee_id,
            "name": data.applicant_name,
            "icb_id": data.applicant_icb_id,
        },
        "supervisor": {
            "id": data.supervisor_id,
            "name": data.supervisor_name,
            "credentials": data.supervisor_credentials,
            "icb_number": data.supervisor_icb_number,
            "license": " ".join(
                p for p in (data.supervisor_license_type, data.supervisor_license_number) if p
            ),
            "key_fingerprint": data.supervisor_key_fingerprint,
        },
        "agency": data.agency_name,
        "from": data.date_from.isoformat(),
        "to": data.date_to.isoformat(),
        "records": records,
        "totals": manifest_totals(records),
    }


def manifest_fingerprint(records: Iterable[dict[str, Any]]) -> str:
    """The record fingerprint recomputed from a manifest's records (their links, in seq order)."""
    links: list[tuple[int, str]] = []
    for record in records:
        sign, void = record.get("sign") or {}, record.get("void") or {}
        if sign.get("chain_hash"):
            links.append((int(sign.get("seq") or 0), str(sign["chain_hash"])))
        if void.get("chain_hash"):
            links.append((int(void.get("seq") or 0), str(void["chain_hash"])))
    return fingerprint_of(chain for _seq, chain in sorted(links))


def qr_text(fingerprint: str, serial: str, key_fingerprint: str) -> str:
    """What a form's QR code says: ``FINGERPRINT/SERIAL/KEY`` in upper case (QR "alphanumeric"
    data, a smaller code than bytes); the key part is empty until supervisors have keys."""
    return f"{fingerprint}/{serial}/{key_fingerprint}".upper()


def _record_links(
    records: SuperviseeRecords, record_ids: Iterable[str]
) -> list[tuple[int, str, str, str, str]]:
    """(seq, record_id, action, chain_hash, reason) of every link of these records, by seq: as
    :func:`_links` reads them, from the verified rows."""
    links = []
    for rid in record_ids:
        for link in (records.signs.get(rid), records.voids.get(rid)):
            if link is not None:
                links.append((link[SEQ], link[RID], link[ACTION], link[CHAIN], link[REASON]))
    links.sort()
    return links


# --------------------------------------------------------------------------------------------
# Recording a print


def _local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone().date()


def _existing_row(uow: UnitOfWork, data: VerificationData) -> Attestation | None:
    """The attestation row an earlier print of exactly these records made, if any."""
    return uow.session.scalar(
        select(Attestation)
        .where(
            Attestation.kind == VERIFICATION,
            Attestation.supervisee_id == data.supervisee_id,
            Attestation.supervisor_id == data.supervisor_id,
            Attestation.date_from == data.date_from,
            Attestation.date_to == data.date_to,
            Attestation.fingerprint == data.fingerprint,
        )
        .order_by(Attestation.id)
        .limit(1)
    )


def plan_print(uow: UnitOfWork, data: VerificationData, *, now: dt.datetime | None = None) -> PrintRecord:
    """The record a print of ``data`` would be filed under, without writing anything.

    A reprint gets its existing row; a first print the next serial number, stamped ``now``.
    The UI renders the form with this serial, sends it to the printer (or a file), and only
    then calls :func:`record_print` with ``planned=``, so a cancelled or failed print leaves
    no trace in the audit trail.
    """
    existing = _existing_row(uow, data)
    if existing is not None:
        return PrintRecord(
            attestation_id=existing.id,
            serial=existing.serial,
            generated=_local_date(existing.printed_at),
            printed_at=existing.printed_at,
            reprint=True,
        )
    stamp = now or utcnow()
    next_id = (uow.session.scalar(select(func.max(Attestation.id))) or 0) + 1
    return PrintRecord(
        attestation_id=next_id,
        serial=f"{SERIAL_PREFIX}-{_local_date(stamp).year:04d}-{next_id:06d}",
        generated=_local_date(stamp),
        printed_at=stamp,
        reprint=False,
    )


def record_print(
    uow: UnitOfWork,
    data: VerificationData,
    *,
    printed_by: str,
    now: dt.datetime | None = None,
    commit: bool = True,
    planned: PrintRecord | None = None,
) -> PrintRecord:
    """Record one print of ``data``: a new attestation row, or the existing one for a reprint.

    A reprint (same supervisee, supervisor, range and fingerprint) reuses the row, so it keeps
    its serial number and its first print date (the date printed on the form). Every print,
    first or not, adds an audit ``print`` event. Commits unless ``commit=False`` (then the
    caller commits, e.g. once the PDF is rendered).

    ``planned`` (from :func:`plan_print`, for a form already printed with that serial):
    the record must be exactly that one, or a DomainError says so and nothing is written.
    """
    printed_by = (printed_by or "").strip() or uow.actor
    plan = plan_print(uow, data, now=planned.printed_at if planned is not None else now)
    if planned is not None and (plan.serial, plan.reprint) != (planned.serial, planned.reprint):
        raise DomainError(
            f"The form was printed as {planned.serial}, but that serial number was given to another "
            f"print meanwhile, so this print was not recorded. Print it again.",
            field="supervisee",
        )
    if plan.reprint:
        row = uow.session.get(Attestation, plan.attestation_id)
        assert row is not None
    else:
        uow.flush()
        (new_id,) = trails.append(  # the one insert of print records: it chains them
            uow,
            trails.PRINTS,
            [
                {
                    "id": plan.attestation_id,
                    "serial": plan.serial,
                    "kind": VERIFICATION,
                    "fingerprint": data.fingerprint,
                    "supervisee_id": data.supervisee_id,
                    "supervisor_id": data.supervisor_id,
                    "date_from": data.date_from,
                    "date_to": data.date_to,
                    "record_count": len(data.record_ids),
                    "supervision_minutes": data.supervision_minutes,
                    "experience_minutes": data.experience_minutes,
                    "printed_by": printed_by[:200],
                    "printed_at": plan.printed_at,
                }
            ],
        )
        row = uow.session.get(Attestation, new_id)
        assert row is not None
    reprint = plan.reprint
    audit.log(
        uow,
        audit.AuditAction.PRINT,
        record_id=row.serial,
        supervisee_id=data.supervisee_id,
        details={
            "serial": row.serial,
            "kind": VERIFICATION,
            "reprint": reprint,
            "printed_by": printed_by,
            "supervisor_id": data.supervisor_id,
            "from": data.date_from,
            "to": data.date_to,
            "fingerprint": data.fingerprint,
            "records": len(data.record_ids),
            "supervision_minutes": data.supervision_minutes,
            "experience_minutes": data.experience_minutes,
        },
    )
    uow.flush()
    record = PrintRecord(
        attestation_id=row.id,
        serial=row.serial,
        generated=_local_date(row.printed_at),
        printed_at=row.printed_at,
        reprint=reprint,
    )
    if commit:
        uow.commit()
    return record


def print_verification(
    uow: UnitOfWork,
    data: VerificationData,
    *,
    printed_by: str,
    app_version: str | None = None,
    now: dt.datetime | None = None,
) -> PrintedForm:
    """Record the print and render the PDF in one transaction: committed only once rendered."""
    from supervisor_app import __version__
    from supervisor_app.reports import render_verification

    record = record_print(uow, data, printed_by=printed_by, now=now, commit=False)
    pdf = render_verification(
        data, serial=record.serial, generated=record.generated, app_version=app_version or __version__
    )
    uow.commit()
    return PrintedForm(pdf=pdf, record=record)


def list_attestations(uow: UnitOfWork, *, supervisee_id: int | str | None = None) -> list[AttestationEntry]:
    """What was printed, newest first, with how many times each form was printed."""
    if supervisee_id is not None:
        supervisee_id = get_supervisee(uow, supervisee_id).id
    prints = (
        select(func.count())
        .where(AuditEvent.action == audit.AuditAction.PRINT, AuditEvent.record_id == Attestation.serial)
        .correlate(Attestation)
        .scalar_subquery()
    )
    query = (
        select(Attestation, Supervisee.name, Supervisor.name, prints)
        .join(Supervisee, Supervisee.id == Attestation.supervisee_id)
        .outerjoin(Supervisor, Supervisor.id == Attestation.supervisor_id)
        .order_by(Attestation.id.desc())
    )
    if supervisee_id is not None:
        query = query.where(Attestation.supervisee_id == supervisee_id)
    return [
        AttestationEntry(
            id=row.id,
            serial=row.serial,
            kind=row.kind,
            supervisee_id=row.supervisee_id,
            supervisee_name=supervisee_name,
            supervisor_id=row.supervisor_id,
            supervisor_name=supervisor_name or "",
            date_from=row.date_from,
            date_to=row.date_to,
            record_count=row.record_count,
            supervision_minutes=row.supervision_minutes,
            experience_minutes=row.experience_minutes,
            fingerprint=row.fingerprint,
            printed_by=row.printed_by,
            printed_at=row.printed_at,
            times_printed=int(count or 0),
        )
        for row, supervisee_name, supervisor_name, count in uow.session.execute(query)
    ]


# --------------------------------------------------------------------------------------------
# The progress statement


def _part_summary(part: Any) -> PartSummary:
    return PartSummary(
        required_minutes=part.required_minutes,
        signed_minutes=part.signed_minutes,
        pending_minutes=part.pending_minutes,
        counted_minutes=part.counted_minutes,
        domains=tuple(
            DomainBar(
                code=d.code,
                label=d.label,
                required_minutes=d.required_minutes,
                signed_minutes=d.signed_minutes,
                pending_minutes=d.pending_minutes,
                individual_minutes=d.individual_minutes,
                group_minutes=d.group_minutes,
            )
            for d in part.domains.values()
        ),
    )


def prepare_statement(
    uow: UnitOfWork, *, supervisee_id: int | str, today: dt.date | None = None
) -> StatementData:
    """The supervisee's progress statement (signed vs pending, what is still missing). Writes nothing.

    Raises :class:`RecordsFailVerification` if any of the supervisee's signed records fail
    verification. The fingerprint covers every link (sign and void) of every signed record
    of the supervisee, counted or not.
    """
    today = today or dt.date.today()
    progress = compute_progress(uow, supervisee_id=supervisee_id, today=today)
    supervisee = get_supervisee(uow, supervisee_id)
    profile = progress.profile
    links = _links(uow, sorted(supervisee_record_ids(uow, supervisee.id)))
    supervisor = supervisee.supervisor
    agency = supervisee.agency or (supervisor.agency if supervisor else None)
    return StatementData(
        supervisee_id=supervisee.id,
        applicant_name=supervisee.name,
        applicant_icb_id=supervisee.icb_id,
        position=supervisee.position,
        start_date=supervisee.start_date,
        supervisor_name=supervisor.name if supervisor else "",
        agency_name=agency.name if agency else "",
        credential_code=profile.code,
        credential_name=profile.name,
        board=profile.board,
        profile_version=profile.version,
        profile_effective=profile.effective,
        as_of=today,
        supervision=_part_summary(progress.supervision),
        experience=_part_summary(progress.experience),
        individual_minutes=progress.individual_minutes,
        group_minutes=progress.group_minutes,
        sessions_signed=progress.sessions_signed,
        first_session=progress.first_session,
        last_session=progress.last_session,
        span_months=progress.span_months,
        min_span_months=profile.supervision.min_span_months.value,
        cover_every_domain=profile.supervision.cover_every_domain.value,
        experience_window_years=(
            profile.experience.window_years.value if profile.experience.window_years else None
        ),
        outside_window_minutes=progress.outside_window_minutes,
        eligible=progress.eligible,
        unmet=tuple(progress.unmet),
        notes=tuple(progress.notes),
        verify_notes=profile.verify_notes,
        sources=profile.sources,
        rule_sources=rule_sources(profile),
        signature_count=len(links),
        fingerprint=fingerprint_of(link[3] for link in links),
        supervisors=tuple(progress.supervisors),
        supervision_reasons=tuple(progress.supervision_reasons),
        experience_reasons=tuple(progress.experience_reasons),
        weekly_gaps=tuple(progress.weekly_gaps),
        **_education(uow, profile, supervisee.id),
    )


def _education(uow: UnitOfWork, profile: Any, supervisee_id: int) -> dict[str, Any]:
    """The statement's education figures (none for a profile that counts no education hours)."""
    from supervisor_app.services import training
    from supervisor_app.services.person_credentials import Person

    if not profile.education.total_hours and not profile.education_requirements:
        return {}
    rows = training.list_training(uow, person=Person(supervisee_id=supervisee_id))
    result = training.education_progress(profile, rows)
    return {
        "education": (result.done_minutes, result.required_minutes, result.self_reported_minutes),
        "education_missing": tuple(result.missing),
    }


__all__ = [
    "AttestationEntry",
    "DomainBar",
    "DomainHours",
    "FormRecord",
    "LogEntry",
    "PartSummary",
    "PrintRecord",
    "PrintedForm",
    "StatementData",
    "VerificationData",
    "fingerprint_groups",
    "fingerprint_of",
    "form_manifest",
    "hours",
    "list_attestations",
    "manifest_fingerprint",
    "manifest_totals",
    "plan_print",
    "prepare_statement",
    "prepare_verification",
    "print_verification",
    "qr_text",
    "record_print",
]
