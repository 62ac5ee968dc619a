"""Page 1, the board's form, and page 2, its summary continued (the form and this page stand
alone, before the session log)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from supervisor_app.reports.base import (
    FONT,
    FONT_BOLD,
    FormCanvas,
    Style,
    Words,
    checkbox,
    date_text,
    fit,
    heading,
    months_text,
    paragraph,
    profile_facts,
    width,
)
from supervisor_app.reports.data import FormJob, VerificationData
from supervisor_app.reports.verification.common import page_title, words
from supervisor_app.units import hours, normal_kind

# --------------------------------------------------------------------------------------------
# Page 1: the form


def _field(
    canvas: FormCanvas, s: Style, x: float, y: float, label: str, value: str, label_w: float, col_w: float
) -> None:
    canvas.setFont(FONT, s.small)
    canvas.drawString(x, y, label)
    if value:
        canvas.setFont(FONT, s.normal)
        canvas.drawString(x + label_w, y, fit(value, s.normal, col_w - label_w - 6))
    else:  # not on record: a line to fill in by hand
        canvas.setLineWidth(s.rule)
        canvas.line(x + label_w, y - 2, x + col_w - 10, y - 2)


def form_page(canvas: FormCanvas, data: VerificationData, serial: str, density: float = 1.0) -> float:
    """Draw the form; return the lowest baseline used (to check that it fits above the footer)."""
    s = canvas.style
    w = words().verification
    row = s.normal * 1.7 * density  # generous rows: this page is read, checked and signed
    y = s.top - s.normal

    # Title block
    canvas.setFont(FONT_BOLD, s.normal)
    serial_text = w.fill("serial", serial=serial)
    canvas.drawString(
        s.left,
        y,
        fit(data.form_title.upper(), s.normal, s.inner_width - width(serial_text, s.normal) - 12, bold=True),
    )
    canvas.setFont(FONT, s.normal)
    canvas.drawRightString(s.right, y, serial_text)
    y -= row
    canvas.drawString(s.left, y, w.fill("credential", name=data.credential_name, code=data.credential_code))
    y -= s.normal * 1.4
    y = paragraph(
        canvas,
        s.left,
        y,
        w.fill("profile", **profile_facts(data)),
        s.small,
        s.inner_width,
    )
    y -= 2

    # Applicant | Supervisor
    gap = 18.0
    col_w = (s.inner_width - gap) / 2
    left_x, right_x = s.left, s.left + col_w + gap
    ap, su = w.applicant, w.supervisor
    applicant_rows = [
        (ap.name, data.applicant_name),
        (ap.icb_id, data.applicant_icb_id),
        (ap.position, data.position),
        (ap.start_date, date_text(data.start_date)),
    ]
    applicant_rows = [(label, value) for label, value in applicant_rows if label]  # "": not this board's
    license_number, license_expires = data.supervisor_license_number, data.supervisor_license_expires
    certification_expires = data.supervisor_certification_expires
    qualifying_rows: list[tuple[str, str, str, dt.date | None]] = []
    if data.supervisor_qualifying is not None:
        # The recorded credential that qualifies the supervisor: it gives the licence's or the
        # certificate's number and expiry when it is that one, else a line of its own.
        kind, number, expires = data.supervisor_qualifying
        if data.supervisor_license_type and normal_kind(kind) == normal_kind(data.supervisor_license_type):
            license_number, license_expires = number or license_number, expires or license_expires
        elif number and su.icb_number and number == data.supervisor_icb_number:
            certification_expires = expires or certification_expires
        else:
            qualifying_rows.append(
                (su.qualifying, f"{kind} {number}".strip(), su.qualifying_expires, expires)
            )
    license_text = " ".join(v for v in (data.supervisor_license_type, license_number) if v)
    supervisor_rows = [(su.name, data.supervisor_name), (su.credentials, data.supervisor_credentials)]
    # A certificate or license the supervisor does not hold gets no line (a board that does not
    # ask for one has "" as its label).
    for label, value, expires_label, expires in (
        (
            su.icb_number,
            data.supervisor_icb_number,
            su.certification_expires,
            certification_expires,
        ),
        (su.license, license_text, su.license_expires, license_expires),
        *qualifying_rows,
    ):
        if label and value:
            supervisor_rows.append((label, value))
            if expires:
                supervisor_rows.append((expires_label, date_text(expires)))
    supervisor_rows += [
        (su.title, data.supervisor_title),
        (su.phone, data.supervisor_phone),
        (su.email, data.supervisor_email),
    ]
    if data.signed_by_others:  # the supervisor left: a successor signed what they left pending
        supervisor_rows.append((su.signed_by, _signed_by_text(su, data)))
    label_w = max(width(label, s.small) for label, _ in applicant_rows + supervisor_rows) + 8
    canvas.setLineWidth(s.rule)
    canvas.line(s.left, y, s.right, y)
    y -= s.normal + 5
    canvas.setFont(FONT_BOLD, s.normal)
    canvas.drawString(left_x, y, ap.heading)
    canvas.drawString(right_x, y, su.heading)
    y -= row
    for index in range(max(len(applicant_rows), len(supervisor_rows))):
        if index < len(applicant_rows):
            _field(canvas, s, left_x, y, *applicant_rows[index], label_w, col_w)
        if index < len(supervisor_rows):
            _field(canvas, s, right_x, y, *supervisor_rows[index], label_w, col_w)
        y -= row
    y += row - s.normal - 3

    # Agency
    ag = w.agency
    y = heading(canvas, s, y, ag.heading)
    agency_label_w = max(width(t, s.small) for t in (ag.name, ag.address, ag.phone)) + 8
    _field(canvas, s, left_x, y, ag.name, data.agency_name, agency_label_w, col_w + gap + col_w * 0.45)
    _field(canvas, s, right_x + col_w * 0.45, y, ag.phone, data.agency_phone, agency_label_w, col_w * 0.55)
    y -= row
    _field(canvas, s, left_x, y, ag.address, data.agency_address, agency_label_w, s.inner_width)
    y -= row
    if data.show_recovery_support_51:
        y = _recovery_support_51(canvas, s, y, ag, data.recovery_support_jobs)
    for note in data.form_notes:
        y = paragraph(canvas, s.left, y, note, s.small, s.inner_width)
    y -= 4 - s.normal * 0.35

    # Supervision per domain
    sv = w.supervision
    period = sv.fill(
        "period",
        first=date_text(data.first_session),
        last=date_text(data.last_session),
        months=months_text(data.span_months),
    )
    y = heading(canvas, s, y, sv.heading, right_text=period)
    number_x = [s.right - 180, s.right - 90, s.right]  # right edges: individual, group, total
    canvas.setFont(FONT_BOLD, s.small)
    canvas.drawString(s.left, y, sv.domain)
    for x, text in zip(number_x, (sv.individual, sv.group, sv.total), strict=True):
        canvas.drawRightString(x, y, text)
    y -= 3
    canvas.line(s.left, y, s.right, y)
    y -= s.normal + 3
    table_row = s.normal * max(1.25, 1.5 * density)
    canvas.setFont(FONT, s.normal)
    for domain in data.domains:
        canvas.drawString(s.left, y, fit(domain.label, s.normal, number_x[0] - 70 - s.left))
        for x, minutes in zip(
            number_x, (domain.individual_minutes, domain.group_minutes, domain.total_minutes), strict=True
        ):
            canvas.drawRightString(x, y, hours(minutes))
        y -= table_row
    y += table_row - s.normal * 0.45  # the rule just under the last domain's descenders
    canvas.line(s.left, y, s.right, y)
    y -= s.normal + 2
    canvas.setFont(FONT_BOLD, s.normal)
    canvas.drawString(s.left, y, sv.total_row)
    for x, minutes in zip(
        number_x, (data.individual_minutes, data.group_minutes, data.supervision_minutes), strict=True
    ):
        canvas.drawRightString(x, y, hours(minutes))
    y -= table_row
    canvas.setFont(FONT, s.normal)
    y = paragraph(
        canvas,
        s.left,
        y,
        sv.fill(
            "sessions",
            total=data.sessions_total,
            individual=data.sessions_individual,
            group=data.sessions_group,
        ),
        s.normal,
        s.inner_width,
    )
    y = _counted_line(canvas, s, y, w, data.counted_supervision_minutes, data.supervision_minutes)
    y -= 5 - s.normal * 0.35

    # Experience
    ex = w.experience
    if data.experience_entries:
        entries = ex.fill(
            "entry" if data.experience_entries == 1 else "entries", count=data.experience_entries
        )
        period = ex.fill(
            "period",
            first=date_text(data.experience_from),
            last=date_text(data.experience_to),
            entries=entries,
        )
    else:
        period = ex.none
    y = heading(canvas, s, y, ex.heading, right_text=period)
    if ex.by == "area" and data.experience_domains:
        y = _experience_by_area(canvas, data, y, table_row)
    else:
        exp_x = [s.right - 270, *number_x]
        canvas.setFont(FONT_BOLD, s.small)
        for x, text in zip(exp_x, (ex.paid, ex.volunteer, ex.internship, ex.total), strict=True):
            canvas.drawRightString(x, y, text)
        y -= 3
        canvas.line(s.left, y, s.right, y)
        y -= s.normal + 3
        canvas.setFont(FONT, s.normal)
        canvas.drawString(s.left, y, ex.hours)
        for x, minutes in zip(
            exp_x,
            (data.paid_minutes, data.volunteer_minutes, data.internship_minutes),
            strict=False,
        ):
            canvas.drawRightString(x, y, hours(minutes))
        canvas.setFont(FONT_BOLD, s.normal)
        canvas.drawRightString(exp_x[3], y, hours(data.experience_minutes))
        y -= s.normal + 3
    y = _counted_line(canvas, s, y, w, data.counted_experience_minutes, data.experience_minutes)
    y -= 3

    # Attestation and signatures
    at = w.attestation
    y = heading(canvas, s, y, at.heading)
    y = paragraph(canvas, s.left, y, data.statement, s.normal, s.inner_width)
    sign_w = s.inner_width * 0.62
    date_x = s.left + sign_w + 24
    space = max(30.0, min(44.0, (y - s.footer_top - 2 * (s.small + 8)) / 2 - 4))
    for label, name in (
        (at.supervisor_signature, data.supervisor_name),
        (at.applicant_signature, data.applicant_name),
    ):
        y -= space
        canvas.setLineWidth(s.rule)
        canvas.line(s.left, y, s.left + sign_w, y)
        canvas.line(date_x, y, s.right, y)
        y -= s.small + 3
        canvas.setFont(FONT, s.small)
        canvas.drawString(s.left, y, f"{label}  ({at.fill('printed_name', name=name)})")
        canvas.drawString(date_x, y, at.date)
        y -= 4
    return y


def _experience_by_area(canvas: FormCanvas, data: VerificationData, y: float, table_row: float) -> float:
    """The experience as one row per area (the LCPC's direct face-to-face service and other
    professional work), then the total."""
    s = canvas.style
    ex = words().verification.experience
    canvas.setFont(FONT_BOLD, s.small)
    canvas.drawString(s.left, y, ex.area)
    canvas.drawRightString(s.right, y, ex.total)
    y -= 3
    canvas.line(s.left, y, s.right, y)
    y -= s.normal + 3
    canvas.setFont(FONT, s.normal)
    for _code, label, minutes in data.experience_domains:
        canvas.drawString(s.left, y, fit(label, s.normal, s.inner_width - 90))
        canvas.drawRightString(s.right, y, hours(minutes))
        y -= table_row
    y += table_row - s.normal * 0.45
    canvas.line(s.left, y, s.right, y)
    y -= s.normal + 2
    canvas.setFont(FONT_BOLD, s.normal)
    canvas.drawString(s.left, y, ex.total_row)
    canvas.drawRightString(s.right, y, hours(data.experience_minutes))
    return y - s.normal - 3


# --------------------------------------------------------------------------------------------
# Page 2: the summary, continued (the form and this page stand alone, before the session log)


def summary_page(canvas: FormCanvas, data: VerificationData, serial: str) -> None:
    s = canvas.style
    sm = words().verification.summary
    y = page_title(canvas, s, sm.heading, serial)
    subheading = words().appendix.fill(
        "subheading",
        applicant=data.applicant_name,
        supervisor=data.supervisor_name,
        first=date_text(data.date_from),
        last=date_text(data.date_to),
    )
    y = paragraph(canvas, s.left, y, subheading.split(":")[0] + ".", s.small, s.inner_width) - 4

    # What counts: signed and counted, with the reason where they differ.
    y = heading(canvas, s, y, sm.counted_heading)
    if not data.counted_reasons:
        y = paragraph(
            canvas,
            s.left,
            y,
            sm.fill(
                "counted_same",
                supervision=hours(data.supervision_minutes),
                experience=hours(data.experience_minutes),
            ),
            s.normal,
            s.inner_width,
        )
    else:
        lines = [
            sm.fill(
                "counted_supervision",
                signed=hours(data.supervision_minutes),
                counted=hours(data.counted_supervision_minutes),
            ),
            sm.fill(
                "counted_experience",
                signed=hours(data.experience_minutes),
                counted=hours(data.counted_experience_minutes),
            ),
            *data.counted_reasons,
        ]
        for line in lines:
            y = paragraph(canvas, s.left, y, line, s.normal, s.inner_width)
    y -= 4

    # The board's own rules, as checked on these records.
    checks: list[str] = []
    if data.weekly_rule:
        gaps = len(data.weekly_gaps)
        checks.append(
            sm.fill(
                "weekly",
                hours=hours(data.weekly_min_minutes),
                met=data.weeks_checked - gaps,
                weeks=data.weeks_checked,
            )
            + " "
            + sm.fill("weekly_rule", rule=data.weekly_rule)
        )
        if gaps:
            shown = ", ".join(w.isoformat() for w in data.weekly_gaps[:12])
            more = f" (+{gaps - 12})" if gaps > 12 else ""
            checks.append(sm.fill("weekly_gaps", weeks=shown + more))
    for label, required, shown, source in data.area_minimums:
        checks.append(
            sm.fill("area_minimum", label=label, shown=hours(shown), required=hours(required), source=source)
        )
    if checks:
        y = heading(canvas, s, y, sm.rules_heading)
        for line in checks:
            y = paragraph(canvas, s.left, y, line, s.normal, s.inner_width)
        y -= 4

    # Supervision by month: one or two columns of months.
    y = heading(canvas, s, y, sm.monthly_heading)
    room = y - (s.footer_top + 8) - 140  # the fingerprint and the closing line below
    row = s.normal * 1.45
    per_column = max(1, int(room // row) - 2)
    months = list(data.monthly)
    columns = 1 if len(months) <= per_column else 2
    col_w = (s.inner_width - 18) / 2  # one column of months reads as well at half the page
    rows = -(-len(months) // columns) if months else 0
    top = y
    for column in range(columns):
        x = s.left + column * (col_w + 18)
        y = top
        edges = [x + col_w - 150, x + col_w - 75, x + col_w]
        canvas.setFont(FONT_BOLD, s.small)
        canvas.drawString(x, y, sm.month)
        for edge, text in zip(edges, (sm.individual, sm.group, sm.total), strict=True):
            canvas.drawRightString(edge, y, text)
        y -= 3
        canvas.setLineWidth(s.rule)
        canvas.line(x, y, x + col_w, y)
        y -= s.normal + 3
        canvas.setFont(FONT, s.normal)
        for month, individual, group in months[column * rows : (column + 1) * rows]:
            canvas.drawString(x, y, month)
            for edge, minutes in zip(edges, (individual, group, individual + group), strict=True):
                canvas.drawRightString(edge, y, hours(minutes))
            y -= row
    y = top - 3 - s.normal - 3 - rows * row
    y += row - s.normal * 0.45
    canvas.line(s.left, y, edges[-1], y)
    y -= s.normal + 2
    canvas.setFont(FONT_BOLD, s.normal)
    sv = words().verification.supervision
    canvas.drawString(s.left, y, sv.total_row)
    sums = (sum(m[1] for m in months), sum(m[2] for m in months), sum(m[1] + m[2] for m in months))
    for edge, minutes in zip(edges, sums, strict=True):  # under the last column of months
        canvas.drawRightString(edge, y, hours(minutes))
    y -= s.normal + 10

    y = heading(canvas, s, y, sm.fingerprint_heading)
    a = words().appendix
    y = paragraph(
        canvas, s.left, y, a.fill("fingerprint_text", count=data.signature_count), s.normal, s.inner_width
    )
    y -= 2
    canvas.setFont(FONT_BOLD, s.normal)
    canvas.drawString(s.left, y, data.fingerprint_groups)
    y -= s.normal + 8
    paragraph(canvas, s.left, y, sm.log, s.normal, s.inner_width)


def _signed_by_text(su: Words, data: VerificationData) -> str:
    """Who signed records of this supervisor who is not them: the form says both."""
    total = len(data.record_ids)
    return "; ".join(
        su.fill("signed_by_value", name=name, count=count, total=total)
        for name, count in data.signed_by_others
    )


def _yes_no_boxes(canvas: FormCanvas, s: Style, y: float, ag: Any) -> None:
    """Empty yes/no boxes at the right of the line: for the supervisor to complete by hand."""
    box = s.normal
    answers = (ag.yes, ag.no)
    x = s.right - sum(box + 4 + width(a, s.normal) for a in answers) - 16 * (len(answers) - 1)
    for answer in answers:
        checkbox(canvas, x, y, box)
        canvas.setFont(FONT, s.normal)
        canvas.drawString(x + box + 4, y, answer)
        x += box + 4 + width(answer, s.normal) + 16


def _counted_line(canvas: FormCanvas, s: Style, y: float, w: Any, counted: int, signed: int) -> float:
    """The line saying how much of the signed time counts, where what counts differs."""
    if counted == signed:
        return y
    return paragraph(
        canvas,
        s.left,
        y,
        w.fill("counted", counted=hours(counted), signed=hours(signed)),
        s.normal,
        s.inner_width,
    )


def _recovery_support_51(canvas: FormCanvas, s: Style, y: float, ag: Any, jobs: tuple[FormJob, ...]) -> float:
    """The 51% recovery-support question, once: answered per job held in the form's period as
    recorded in the app; a job not answered (or no job recorded) keeps the boxes blank."""
    canvas.setFont(FONT, s.normal)
    if not jobs:
        canvas.drawString(s.left, y, ag.recovery_support_51)
        _yes_no_boxes(canvas, s, y, ag)
        return y - s.normal * 1.5
    boxes_w = 2 * (s.normal + 4) + width(ag.yes, s.normal) + width(ag.no, s.normal) + 24
    lines: list[tuple[str, bool]] = []  # (text, answered)
    for job in jobs:
        job_text = ag.fill(
            "recovery_support_51_job",
            job=", ".join(v for v in (job.title, job.employer) if v),
            start=date_text(job.date_from),
            end=date_text(job.date_to) if job.date_to else ag.recovery_support_51_present,
        )
        if job.answer is None:
            lines.append((job_text, False))
            continue
        description = {"attached": ag.recovery_support_51_attached, "on file": ag.recovery_support_51_on_file}
        lines.append(
            (
                ag.fill(
                    "recovery_support_51_answer",
                    answer=ag.recovery_support_51_yes if job.answer else ag.recovery_support_51_no,
                    job=job_text,
                    description=description.get(job.description, ""),
                ),
                True,
            )
        )
    question = ag.recovery_support_51_question
    if len(lines) == 1 and lines[0][1]:  # one job, answered: one sentence
        return (
            paragraph(canvas, s.left, y, f"{question} {lines[0][0]}", s.normal, s.inner_width)
            - s.normal * 0.15
        )
    canvas.drawString(s.left, y, question)
    y -= s.normal * 1.35
    indent = s.left + 10
    for text, answered in lines:
        if answered:
            y = paragraph(canvas, indent, y, text, s.normal, s.right - indent)
        else:
            canvas.setFont(FONT, s.normal)
            canvas.drawString(indent, y, fit(text, s.normal, s.right - indent - boxes_w))
            _yes_no_boxes(canvas, s, y, ag)
            y -= s.normal * 1.5
    return y - s.normal * 0.15
