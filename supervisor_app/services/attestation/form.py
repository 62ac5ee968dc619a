"""Gathering one supervision verification: every field the board's form asks for, from
signed, standing records only (DOMAIN.md, "What the printed attestation carries"), with the
refusals (nothing signed, records still pending, a supervisor from elsewhere). Writes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select

from supervisor_app import clock
from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _, ngettext
from supervisor_app.models import (
    DisplayStatus,
    ExperienceKind,
    RecordKind,
    RecordStatus,
    SessionFormat,
    Supervisor,
    SupervisorKey,
)
from supervisor_app.reports.data import DomainHours, FormRecord, LogEntry, VerificationData
from supervisor_app.reports.manifest import fingerprint_of
from supervisor_app.services import board_rules
from supervisor_app.services.attestation.figures import figures_from_rows, figures_from_sql
from supervisor_app.services.canonical import ACTION, CHAIN, CONTENT, REASON, RID, SEQ, SIGNER
from supervisor_app.services.errors import DomainError
from supervisor_app.services.jobs import form_answers
from supervisor_app.services.people import get_supervisee, get_supervisor
from supervisor_app.services.profiles import GENERAL_DOMAIN, SUPERVISION, CredentialProfile
from supervisor_app.services.requirements import months_between
from supervisor_app.services.signoff import SuperviseeRecords, require_supervisee_verified
from supervisor_app.services.validation import parse_date


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
    known = {c for c, _label in ordered}
    extra = sorted(set(codes) - known)
    if GENERAL_DOMAIN in extra:
        extra.remove(GENERAL_DOMAIN)
        extra.insert(0, GENERAL_DOMAIN)
    return ordered + [(c, profile.label(c)) for c in extra]


def _range_text(date_from: dt.date | None, date_to: dt.date | None) -> str:
    """' between X and Y' (with its leading space), or '' for an open range."""
    if date_from and date_to:
        return " " + _("between {start} and {end}").format(
            start=date_from.isoformat(), end=date_to.isoformat()
        )
    if date_from:
        return " " + _("from {start} on").format(start=date_from.isoformat())
    if date_to:
        return " " + _("up to {end}").format(end=date_to.isoformat())
    return ""


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
            _(
                "{supervisor}'s records here arrived signed in an hours file from another database; "
                "their attestation form is printed by them, where they supervised. The progress statement "
                "counts these hours."
            ).format(supervisor=supervisor.name),
            code="print.supervisor_elsewhere",
            field="supervisor",
            params={"supervisor": supervisor.name},
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
    today = today or clock.today()
    supervisee = get_supervisee(uow, supervisee_id)
    supervisor = get_supervisor(uow, supervisor_id)
    _refuse_supervisor_from_elsewhere(uow, supervisor)
    start = _date_or_none(date_from, field="date_from", label=_("From date"))
    end = _date_or_none(date_to, field="date_to", label=_("To date"))
    if start and end and end < start:
        raise DomainError(
            _("The range ends ({end}) before it starts ({start}).").format(
                end=end.isoformat(), start=start.isoformat()
            ),
            code="print.range_reversed",
            field="date_to",
            params={"from": start, "to": end},
        )
    try:
        profile = uow.db.profiles.get(supervisee.credential)
    except KeyError as exc:
        raise DomainError(
            str(exc.args[0]),
            code="print.unknown_credential",
            field="supervisee",
            params={"credential": supervisee.credential},
        ) from None

    # Every record ever signed for this supervisee, verified (a signed record deleted or
    # detached from them must stop the print, not silently drop out of the totals); read once:
    # the figures and the session log below come from the same rows.
    records = require_supervisee_verified(uow, supervisee.id)
    figures = figures_from_rows(
        records, supervisee_id=supervisee.id, supervisor_id=supervisor.id, start=start, end=end
    ) or figures_from_sql(uow, supervisee_id=supervisee.id, supervisor_id=supervisor.id, start=start, end=end)
    pending_sessions, pending_experience = figures.pending_sessions, figures.pending_experience
    pending = pending_sessions + pending_experience
    per_format, minutes, by_kind = figures.per_format, figures.minutes, figures.by_kind
    exp_count, exp_first, exp_last = figures.experience
    experience_ids = figures.experience_ids
    if not per_format:
        waiting = (
            " "
            + ngettext(
                "{n} record is waiting for {supervisor}'s signature; sign it first.",
                "{n} records are waiting for {supervisor}'s signature; sign them first.",
                pending,
            ).format(n=pending, supervisor=supervisor.name)
            if pending
            else ""
        )
        raise DomainError(
            _(
                "There are no signed supervision sessions by {supervisor} for {supervisee}{range}, "
                "so there is nothing to attest.{waiting}"
            ).format(
                supervisor=supervisor.name,
                supervisee=supervisee.name,
                range=_range_text(start, end),
                waiting=waiting,
            ),
            code="print.nothing_signed",
            field="date_from" if (start or end) else "supervisee",
            params={
                "pending": pending,
                "supervisor": supervisor.name,
                "supervisee": supervisee.name,
            },
        )
    if pending and not signed_only:
        sessions = ngettext("{n} session", "{n} sessions", pending_sessions).format(n=pending_sessions)
        entries = ngettext("{n} experience entry", "{n} experience entries", pending_experience).format(
            n=pending_experience
        )
        if pending_sessions and pending_experience:
            what = _("{sessions} and {entries}").format(sessions=sessions, entries=entries)
        else:
            what = sessions if pending_sessions else entries
        raise DomainError(
            ngettext(
                "{what} for {supervisee}{range} is still waiting for {supervisor}'s signature. "
                "Sign it first, or print the signed records only "
                "(the {n} pending record will be left off the form).",
                "{what} for {supervisee}{range} are still waiting for {supervisor}'s signature. "
                "Sign them first, or print the signed records only "
                "(the {n} pending records will be left off the form).",
                pending,
            ).format(
                what=what,
                supervisee=supervisee.name,
                range=_range_text(start, end),
                supervisor=supervisor.name,
                n=pending,
            ),
            code="print.pending_records",
            field="signed_only",
            params={
                "sessions": pending_sessions,
                "experience": pending_experience,
                "supervisee": supervisee.name,
                "supervisor": supervisor.name,
            },
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
    """(requirement, source and note, verify with the board) of every rule the profile states
    that the form lists (:data:`~supervisor_app.services.profiles.RULES`), supervision first."""
    listed = sorted(
        ((spec, rule) for spec, rule in profile.rules() if spec.form and rule is not None),
        key=lambda item: item[0].part != SUPERVISION,
    )
    return tuple(
        (spec.form, rule.source + (f" ({rule.note})" if rule.note else ""), rule.verify)
        for spec, rule in listed
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
    span = periods or (
        [(min(d for d, _minutes in sessions), max(d for d, _minutes in sessions))] if sessions else []
    )
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
    order = [code for code, _label in _domain_order(profile, ())]
    known = set(order)

    def domain_minutes(rid: str) -> tuple[tuple[str, int], ...]:
        given: dict[str, int] = {}
        for item in batch.allocations.get(rid, ()):
            code, _sep, minutes = item.rpartition("=")
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
    order = [code for code, _label in _domain_order(profile, ())]
    rows = {row[0]: row for row in records.experience.rows}
    for rid in experience_ids:
        row = rows.get(rid)
        if row is None:
            continue
        given: dict[str, int] = {}
        for item in records.experience.allocations.get(rid, ()):
            code, _sep, minutes = str(item).rpartition("=")
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


__all__ = ["prepare_verification", "rule_sources"]
