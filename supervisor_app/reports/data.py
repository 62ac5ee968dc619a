"""The data the reports draw: plain frozen values, no ORM object, no database.

The attestation gathering reads them from signed records; the renderers
(:mod:`supervisor_app.reports`) turn them into PDF bytes. Nothing here imports the domain
layer or SQLAlchemy, so the reports never reach upward into it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from supervisor_app.i18n import N_


@dataclass(frozen=True)
class FormJob:
    """A job as the verification form prints it."""

    title: str
    employer: str
    date_from: dt.date
    date_to: dt.date | None
    answer: bool | None
    description: str  # "attached" (a file), "on file" (its text), "" (none recorded)


class SupervisorLine(Protocol):
    """One supervisor's share of the supervisee's hours, as the statement prints it
    (progress's ``SupervisorHours`` is one)."""

    name: str
    credentials: str
    agency: str
    supervision_counted_minutes: int
    experience_minutes: int
    experience_counted_minutes: int

    @property
    def supervision_minutes(self) -> int: ...


def fingerprint_groups(fingerprint: str) -> str:
    """'3f2a9c41...' -> '3f2a 9c41 ...' (groups of 4 hex digits)."""
    return " ".join(fingerprint[i : i + 4] for i in range(0, len(fingerprint), 4))


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
        return self.status == "signed"

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
        return self.status == "signed"


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


STATEMENT_TITLE = N_("Progress statement: {name} ({code})")
"""The statement PDF's title, in its reader's language (check-form recognises it by this)."""


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
    supervisors: tuple[SupervisorLine, ...] = ()  # each supervisor's signed hours, by name
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


__all__ = [
    "DomainBar",
    "DomainHours",
    "FormJob",
    "FormRecord",
    "LogEntry",
    "PartSummary",
    "PrintRecord",
    "StatementData",
    "SupervisorLine",
    "VerificationData",
    "fingerprint_groups",
]
