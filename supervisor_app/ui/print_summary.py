"""The summary shown beside a form's preview: the figures of a verification form or a progress
statement as a few lines of HTML (the words are the attestation page's)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from supervisor_app.reports.data import StatementData, VerificationData
from supervisor_app.units import hours, hours_change


def verification_html(data: VerificationData, serial: str) -> str:
    rows = "".join(
        f"<tr><td>{escape(d.label)}</td><td align='right'>{hours(d.individual_minutes)}</td>"
        f"<td align='right'>{hours(d.group_minutes)}</td><td align='right'><b>{hours(d.total_minutes)}</b></td></tr>"
        for d in data.domains
    )
    words = (
        QCoreApplication.translate("AttestationsPage", "Domain"),
        QCoreApplication.translate("AttestationsPage", "Individual"),
        QCoreApplication.translate("AttestationsPage", "Group"),
        QCoreApplication.translate("AttestationsPage", "Total h"),
    )
    head = "".join(f"<th>{escape(word)}</th>" for word in words)
    sessions = QCoreApplication.translate(
        "AttestationsPage", "%n session(s) ({i} individual, {g} group)", None, data.sessions_total
    ).format(i=data.sessions_individual, g=data.sessions_group)
    experience = QCoreApplication.translate(
        "AttestationsPage",
        "Supervised experience in the range: {h} h (%n entry(ies))",
        None,
        data.experience_entries,
    ).format(h=hours(data.experience_minutes))
    serial_text = QCoreApplication.translate("AttestationsPage", "Serial: {serial}").format(
        serial=serial or QCoreApplication.translate("AttestationsPage", "assigned when printed")
    )
    total = QCoreApplication.translate("AttestationsPage", "Total")
    fingerprint = QCoreApplication.translate("AttestationsPage", "Record fingerprint")
    return (
        f"<h3>{escape(data.form_title)}</h3>"
        f"<p><b>{escape(data.applicant_name)}</b> ({escape(data.credential_code)}) · "
        f"{escape(data.supervisor_name)}, {escape(data.supervisor_credentials)}<br>"
        f"{data.date_from.isoformat()} – {data.date_to.isoformat()} · {escape(sessions)}</p>"
        f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>{rows}"
        f"<tr><td><b>{escape(total)}</b></td><td align='right'>{hours(data.individual_minutes)}</td>"
        f"<td align='right'>{hours(data.group_minutes)}</td><td align='right'><b>{hours(data.supervision_minutes)}</b></td></tr></table>"
        f"<p>{escape(experience)}</p>"
        f"{_counted_html(data)}"
        f"<p>{escape(serial_text)}<br>{escape(fingerprint)}: <tt>{escape(data.fingerprint_groups)}</tt></p>"
        f"{_agency_notes_html(data)}"
    )


def _counted_html(data: VerificationData) -> str:
    """Signed and counted where they differ, with the reasons (as the form's page 2 says)."""
    if not data.counted_reasons:
        return ""
    counted = QCoreApplication.translate(
        "AttestationsPage",
        "Counted toward the requirement: supervision {s} h of {ss} h signed, experience {e} h of {es} h.",
    ).format(
        s=hours(data.counted_supervision_minutes),
        ss=hours(data.supervision_minutes),
        e=hours(data.counted_experience_minutes),
        es=hours(data.experience_minutes),
    )
    reasons = "".join(f"<li>{escape(reason)}</li>" for reason in data.counted_reasons)
    return f"<p>{escape(counted)}</p><ul>{reasons}</ul>"


def _agency_notes_html(data: VerificationData) -> str:
    """The agency's doubts: shown here, never on the form (only on the agency notes pages)."""
    if not data.verify_notes:
        return ""
    items = "".join(f"<li>{escape(note)}</li>" for note in data.verify_notes)
    heading = QCoreApplication.translate(
        "AttestationsPage", "To verify with the board (not printed on the form):"
    )
    return f"<p><small><b>{escape(heading)}</b></small></p><ul><small>{items}</small></ul>"


def statement_html(data: StatementData) -> str:
    met = QCoreApplication.translate("AttestationsPage", "Every requirement is met.")
    unmet = "".join(f"<li>{escape(u)}</li>" for u in data.unmet) or f"<li>{escape(met)}</li>"
    title = QCoreApplication.translate("AttestationsPage", "Progress statement: {name} ({code})").format(
        name=data.applicant_name, code=data.credential_code
    )
    as_of = QCoreApplication.translate("AttestationsPage", "As of {day} · supervisor {name}").format(
        day=data.as_of.isoformat(), name=data.supervisor_name
    )
    part = QCoreApplication.translate(
        "AttestationsPage", "{what}: {signed} of {required} h signed ({pending} h pending)"
    )
    supervision = part.format(
        what=QCoreApplication.translate("AttestationsPage", "Supervision"),
        signed=hours(data.supervision.counted_minutes),
        required=hours(data.supervision.required_minutes),
        pending=hours_change(data.supervision.pending_minutes),
    )
    experience = part.format(
        what=QCoreApplication.translate("AttestationsPage", "Experience"),
        signed=hours(data.experience.counted_minutes),
        required=hours(data.experience.required_minutes),
        pending=hours_change(data.experience.pending_minutes),
    )
    still_needed = QCoreApplication.translate("AttestationsPage", "Still needed")
    fingerprint = QCoreApplication.translate("AttestationsPage", "Record fingerprint")
    return (
        f"<h3>{escape(title)}</h3><p>{escape(as_of)}</p>"
        f"<p>{escape(supervision)}<br>{escape(experience)}</p>"
        f"<p><b>{escape(still_needed)}</b></p><ul>{unmet}</ul>"
        f"<p>{escape(fingerprint)}: <tt>{escape(data.fingerprint_groups)}</tt></p>"
    )


__all__ = ["statement_html", "verification_html"]
