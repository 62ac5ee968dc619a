"""The supervision verification: the form page, then the session log appendix.

Page 1 is the form (FORM.md's sketch). The appendix lists every session behind it, one row
each, with the column headers repeated on every page, a subtotal at each page's foot and, on
the last page, a grand total equal to the form's total. Amended rows carry an "A" and the
version they replaced follows in small type; voided rows carry a "V", are struck through and
are left out of every total. Hours are integer minutes shown with two decimals.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, cast

from supervisor_app.reports.base import (
    FONT,
    FONT_BOLD,
    Footer,
    FormCanvas,
    Style,
    Words,
    checkbox,
    date_text,
    fit,
    heading,
    months_text,
    paragraph,
    paragraph_height,
    profile_template,
    render,
    template,
    width,
    wrap,
)
from supervisor_app.reports.data import FormJob, LogEntry, VerificationData
from supervisor_app.reports.manifest import MANIFEST_NAME, form_manifest, qr_text
from supervisor_app.units import hours, normal_kind

PAD = 3.0  # inside each table cell, left and right

_WORDS: ContextVar[Words | None] = ContextVar("verification_words", default=None)


def words() -> Words:
    """The template in the words of the board the form being drawn goes to."""
    return _WORDS.get() or template()


def render_verification(
    data: VerificationData, *, serial: str, generated: dt.date, app_version: str, with_notes: bool = False
) -> bytes:
    """The form, its summary page and its session log as PDF bytes. Same arguments, same bytes.

    ``with_notes`` adds the agency notes pages at the end (the profile's sources, each rule's
    source and what to verify with the board): for the agency's file, never for the board.
    """
    token = _WORDS.set(profile_template(data.credential_code))
    try:
        return _render(
            data, serial=serial, generated=generated, app_version=app_version, with_notes=with_notes
        )
    finally:
        _WORDS.reset(token)


def _render(
    data: VerificationData, *, serial: str, generated: dt.date, app_version: str, with_notes: bool
) -> bytes:
    words_ = words()
    footer = Footer(
        applicant=data.applicant_name,
        generated=generated,
        app_version=app_version,
        fingerprint=data.fingerprint,
        signature_count=data.signature_count,
        label=words_.footer.fill("serial", serial=serial)
        + "  ·  "
        + f"{data.credential_code}  ·  {data.supervisor_name}",
        qr=qr_text(data.fingerprint, serial, data.supervisor_key_fingerprint),
    )
    info = {
        "title": f"{data.form_title}: {data.applicant_name} ({serial})",
        "author": data.supervisor_name,
        "subject": f"{data.credential_name} ({data.credential_code}), supervision "
        f"{data.first_session.isoformat()} to {data.last_session.isoformat()}",
    }

    def draw(canvas: FormCanvas) -> None:
        # The form is one page: with many domains (the CADC's 12) the rows close up to fit.
        for density in (1.0, 0.92, 0.84, 0.76):
            if _form_page(_measuring(canvas.style), data, serial, density) >= canvas.style.footer_top + 10:
                break
        _form_page(canvas, data, serial, density)
        canvas.showPage()
        _summary_page(canvas, data, serial)
        canvas.showPage()
        _appendix(canvas, data, serial)
        if with_notes:
            _agency_notes(canvas, data, serial)

    manifest = form_manifest(data, serial=serial, generated=generated, app_version=app_version)
    attachment = (
        MANIFEST_NAME,
        json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(),
        "What this form attests, for supervisor-app check-form",
    )
    return render(draw, footer=footer, info=info, attachment=attachment)


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


def _form_page(canvas: FormCanvas, data: VerificationData, serial: str, density: float = 1.0) -> float:
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
        w.fill(
            "profile",
            board=data.board,
            code=data.credential_code,
            version=data.profile_version,
            effective=date_text(data.profile_effective),
        ),
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


def _summary_page(canvas: FormCanvas, data: VerificationData, serial: str) -> None:
    s = canvas.style
    sm = words().verification.summary
    y = _page_title(canvas, s, sm.heading, serial)
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


# --------------------------------------------------------------------------------------------
# The session log


@dataclass
class Column:
    key: str
    title: str
    width: float
    align: str = "left"  # left | right
    x: float = 0.0


@dataclass
class Block:
    """One appendix row and the small-type lines under it, kept together on a page."""

    entry: LogEntry
    domains_lines: list[str]  # text mode only: the "hours per domain" cell, wrapped
    notes: list[str] = field(default_factory=list)  # small-type lines (replaced versions, void)

    def height(self, row: float, small_row: float) -> float:
        return max(1, len(self.domains_lines)) * row + len(self.notes) * small_row


def _format_word(entry: LogEntry) -> str:
    terms = words().words
    if entry.format == "group":
        return terms.fill("group_with_size", count=entry.attendees)
    return terms.get(entry.format, entry.format)


def _modality_word(entry: LogEntry) -> str:
    return words().words.get(entry.modality, entry.modality)


def _start_text(entry: LogEntry) -> str:
    return entry.start.strftime("%H:%M") if entry.start else ""


def _domains_text(entry: LogEntry, labels: dict[str, str]) -> str:
    return ", ".join(f"{labels.get(code, code)} {hours(m)}" for code, m in entry.domain_minutes)


def _columns(
    data: VerificationData, codes: list[str], labels: dict[str, str], s: Style
) -> tuple[list[Column], bool, bool]:
    """The appendix columns, their widths measured on the data; (columns, text mode, bold headers)."""
    a = words().appendix
    n = s.normal
    entries = [e for entry in data.log for e in (entry, *entry.replaced)]

    def widest(texts: list[str], default: str) -> float:
        return max((width(t, n) for t in texts), default=width(default, n))

    cells = {
        "mark": widest([a.mark_amended + a.mark_voided], "A"),
        "date": widest(["2026-12-31"], ""),
        "start": widest(["00:00"], ""),
        "record": widest([e.record_id[:8] for e in entries], "00000000"),
        "format": widest([_format_word(e) for e in entries], "individual"),
        "modality": widest([_modality_word(e) for e in entries], "in person"),
    }
    biggest = max([data.supervision_minutes, *(e.minutes for e in entries)])
    fixed = [
        Column(key, a[key], max(cell, width(a[key], s.small, bold=True)) + 2 * PAD)
        for key, cell in cells.items()
    ]
    hours_col = Column(
        "hours",
        a.hours,
        max(width(hours(biggest), n, bold=True), width(a.hours, s.small, bold=True)) + 2 * PAD + 2,
        "right",
    )
    rest = s.inner_width - sum(c.width for c in fixed) - hours_col.width
    text_mode = (
        not codes
        or len(codes) > int(a.max_domain_columns)
        or rest / len(codes) < width(hours(biggest), n, bold=True) + 2 * PAD + 2
    )
    if text_mode:
        columns = [*fixed, Column("domains", a.domains, rest), hours_col]
    else:
        each = rest / len(codes)
        columns = [*fixed, *(Column(f"d:{c}", labels.get(c, c), each, "right") for c in codes), hours_col]
    x = s.left
    for column in columns:
        column.x = x
        x += column.width
    # Bold column headers unless a word would not fit its column (then all regular: never hyphenated).
    bold = all(
        width(word, s.small, bold=True) <= column.width - 2 * PAD
        for column in columns
        for word in column.title.replace("/", "/ ").split()
    )
    return columns, text_mode, bold


def _notes(entry: LogEntry, labels: dict[str, str], s: Style, max_width: float) -> list[str]:
    a = words().appendix
    lines: list[str] = []
    for older in entry.replaced:
        text = a.fill(
            "replaced",
            record=older.record_id[:8],
            seq=older.sign_seq,
            date=date_text(older.date),
            start=_start_text(older),
            hours=hours(older.minutes),
            format=_format_word(older),
            modality=_modality_word(older),
            domains=_domains_text(older, labels),
            reason=older.replaced_reason or "-",
        )
        lines.extend(wrap(text, s.small, max_width))
    if entry.status == "voided":
        lines.extend(
            wrap(
                a.fill("voided", seq=entry.void_seq or "?", reason=entry.void_reason or "-"),
                s.small,
                max_width,
            )
        )
    return lines


def _header_lines(column: Column, s: Style, bold: bool) -> list[str]:
    return wrap(column.title, s.small, column.width - 2 * PAD, bold=bold) if column.title else []


def _appendix(canvas: FormCanvas, data: VerificationData, serial: str) -> None:
    s = canvas.style
    a = words().appendix
    labels = data.domain_labels
    codes = [d.code for d in data.domains]
    for entry in data.log:
        for sub in (entry, *entry.replaced):
            for code, _m in sub.domain_minutes:
                if code not in codes:
                    codes.append(code)
                    labels.setdefault(code, code)
    columns, text_mode, header_bold = _columns(data, codes, labels, s)
    by_key = {c.key: c for c in columns}
    row = s.normal * 1.45
    small_row = s.small * 1.35
    note_x = by_key["start"].x + PAD
    note_w = s.right - note_x - PAD

    blocks = []
    for entry in data.log:
        cell = (
            wrap(_domains_text(entry, labels), s.normal, by_key["domains"].width - 2 * PAD)
            if text_mode
            else []
        )
        blocks.append(Block(entry, cell, _notes(entry, labels, s, note_w)))

    header_depth = max(len(_header_lines(c, s, header_bold)) for c in columns) * small_row
    legend = wrap(a.legend, s.small, s.inner_width)
    subheading = a.fill(
        "subheading",
        applicant=data.applicant_name,
        supervisor=data.supervisor_name,
        first=date_text(data.date_from),
        last=date_text(data.date_to),
    )
    first_baseline = _appendix_header(
        _measuring(s), s, columns, subheading, serial, header_depth, small_row, header_bold
    )
    legend_y = s.footer_top + 8 + (len(legend) - 1) * small_row
    # Reserved at every page foot: the subtotal, the grand total (last page) and the legend.
    bottom = legend_y + small_row + 2 * row + 8
    capacity = first_baseline + row - bottom

    pages: list[list[Block]] = [[]]
    used = 0.0
    for block in blocks:
        need = block.height(row, small_row)
        if pages[-1] and used + need > capacity:
            pages.append([])
            used = 0.0
        pages[-1].append(block)
        used += need

    grand: dict[str, int] = {}
    grand_count = 0
    for number, page in enumerate(pages, start=1):
        y = _appendix_header(canvas, s, columns, subheading, serial, header_depth, small_row, header_bold)
        subtotal: dict[str, int] = {}
        count = 0
        for block in page:
            y = _draw_block(canvas, s, block, columns, by_key, text_mode, row, small_row, note_x, y)
            if block.entry.counted:
                count += 1
                subtotal["hours"] = subtotal.get("hours", 0) + block.entry.minutes
                for code, minutes in block.entry.domain_minutes:
                    subtotal[f"d:{code}"] = subtotal.get(f"d:{code}", 0) + minutes
        for key, minutes in subtotal.items():
            grand[key] = grand.get(key, 0) + minutes
        grand_count += count
        y += row - s.normal * 0.75
        canvas.setLineWidth(s.rule)
        canvas.line(s.left, y, s.right, y)
        y -= s.normal + 3
        _total_row(
            canvas,
            s,
            columns,
            a.fill("page_subtotal", count=_sessions(count)),
            subtotal,
            text_mode,
            y,
            bold=False,
        )
        if number == len(pages):
            y -= row
            _total_row(
                canvas,
                s,
                columns,
                a.fill("grand_total", count=_sessions(grand_count)),
                grand,
                text_mode,
                y,
                bold=True,
            )
            y -= row + 6
            limit = legend_y + small_row + 6
            sections = []
            if text_mode:
                sections.append(lambda c, d, y_: _domain_totals_section(c, d, y_, labels, grand))
            for section in sections:
                if section(_measuring(s), data, y) < limit:  # does not fit: a page of its own
                    _draw_legend(canvas, s, legend, legend_y, small_row)
                    canvas.showPage()
                    y = _page_title(canvas, s, a.heading, serial)
                    legend, limit = [], s.footer_top + 8
                y = section(canvas, data, y) - 6
        _draw_legend(canvas, s, legend, legend_y, small_row)
        canvas.showPage()


class NullCanvas:
    """Stands in for the canvas to measure a section: every drawing call does nothing."""

    def __init__(self, style: Style) -> None:
        self.style = style

    def __getattr__(self, name: str) -> Callable[..., None]:
        return lambda *args, **kwargs: None


def _measuring(style: Style) -> FormCanvas:
    """A canvas that draws nothing: run a drawing function on it to learn where it ends."""
    return cast(FormCanvas, NullCanvas(style))


def _draw_legend(canvas: FormCanvas, s: Style, legend: list[str], y: float, small_row: float) -> None:
    canvas.setFont(FONT, s.small)
    for line in legend:
        canvas.drawString(s.left, y, line)
        y -= small_row


def _page_title(canvas: FormCanvas, s: Style, title: str, serial: str) -> float:
    y = s.top - s.normal
    serial_text = words().verification.fill("serial", serial=serial)
    canvas.setFont(FONT_BOLD, s.normal)
    canvas.drawString(
        s.left, y, fit(title, s.normal, s.inner_width - width(serial_text, s.normal) - 12, bold=True)
    )
    canvas.setFont(FONT, s.normal)
    canvas.drawRightString(s.right, y, serial_text)
    return y - s.normal - 10


def _sessions(count: int) -> str:
    a = words().appendix
    return a.fill("session" if count == 1 else "sessions", count=count)


def _appendix_header(
    canvas: FormCanvas,
    s: Style,
    columns: list[Column],
    subheading: str,
    serial: str,
    depth: float,
    small_row: float,
    bold: bool,
) -> float:
    a = words().appendix
    y = s.top - s.normal
    canvas.setFont(FONT_BOLD, s.normal)
    canvas.drawString(s.left, y, a.heading)
    canvas.setFont(FONT, s.normal)
    canvas.drawRightString(s.right, y, words().verification.fill("serial", serial=serial))
    y -= s.normal + 4
    y = paragraph(canvas, s.left, y, subheading, s.small, s.inner_width)
    y -= 2
    canvas.setLineWidth(s.rule)
    canvas.line(s.left, y + s.small, s.right, y + s.small)
    y -= 2
    bottom = y - depth + small_row
    canvas.setFont(FONT_BOLD if bold else FONT, s.small)
    for column in columns:
        lines = _header_lines(column, s, bold)
        line_y = bottom + (len(lines) - 1) * small_row
        for line in lines:
            if column.align == "right":
                canvas.drawRightString(column.x + column.width - PAD, line_y, line)
            else:
                canvas.drawString(column.x + PAD, line_y, line)
            line_y -= small_row
    y = bottom - 4
    canvas.line(s.left, y, s.right, y)
    return y - s.normal - 3


def _cell(canvas: FormCanvas, column: Column, y: float, text: str) -> None:
    if column.align == "right":
        canvas.drawRightString(column.x + column.width - PAD, y, text)
    else:
        canvas.drawString(column.x + PAD, y, text)


def _draw_block(
    canvas: FormCanvas,
    s: Style,
    block: Block,
    columns: list[Column],
    by_key: dict[str, Column],
    text_mode: bool,
    row: float,
    small_row: float,
    note_x: float,
    y: float,
) -> float:
    entry = block.entry
    a = words().appendix
    mark = ""
    if entry.replaced:
        mark += a.mark_amended
    if entry.status == "voided":
        mark += a.mark_voided
    values = {
        "date": date_text(entry.date),
        "start": _start_text(entry),
        "record": entry.record_id[:8],
        "format": _format_word(entry),
        "modality": _modality_word(entry),
        "mark": mark,
        "hours": hours(entry.minutes),
    }
    minutes = dict(entry.domain_minutes)
    canvas.setFont(FONT, s.normal)
    for column in columns:
        if column.key.startswith("d:"):
            value = minutes.get(column.key[2:], 0)
            _cell(canvas, column, y, hours(value) if value else "")
        elif column.key == "domains":
            line_y = y
            for line in block.domains_lines:
                canvas.drawString(column.x + PAD, line_y, line)
                line_y -= row
        else:
            _cell(canvas, column, y, values[column.key])
    lines = max(1, len(block.domains_lines))
    if entry.status == "voided":
        canvas.setLineWidth(max(s.rule, 0.7))
        for index in range(lines):
            strike_y = y - index * row + s.normal * 0.36
            canvas.line(s.left + 1, strike_y, s.right - 1, strike_y)
        canvas.setLineWidth(s.rule)
    y -= lines * row
    if block.notes:
        y += row - s.normal - 1  # the small lines sit close under their row
        canvas.setFont(FONT, s.small)
        for line in block.notes:
            y -= small_row
            canvas.drawString(note_x, y + small_row - s.small * 0.35, line)
        y -= row - s.normal
    return y


def _total_row(
    canvas: FormCanvas,
    s: Style,
    columns: list[Column],
    label: str,
    totals: dict[str, int],
    text_mode: bool,
    y: float,
    *,
    bold: bool,
) -> None:
    font = FONT_BOLD if bold else FONT
    canvas.setFont(font, s.normal)
    first_number = next(c for c in columns if c.key.startswith("d:") or c.key in ("domains", "hours"))
    label_room = first_number.x - s.left - PAD
    if text_mode:
        label_room = columns[-1].x - s.left - PAD
    canvas.drawString(s.left + PAD, y, fit(label, s.normal, label_room, bold=bold))
    for column in columns:
        if column.key.startswith("d:") or column.key == "hours":
            canvas.setFont(font, s.normal)
            _cell(canvas, column, y, hours(totals.get(column.key, 0)))


def _domain_totals_section(
    canvas: FormCanvas, data: VerificationData, y: float, labels: dict[str, str], grand: dict[str, int]
) -> float:
    """With too many domains for columns: the per-domain grand totals as a small table."""
    s = canvas.style
    sv = words().verification.supervision
    y = heading(canvas, s, y, words().appendix.domain_totals_heading)
    canvas.setFont(FONT_BOLD, s.small)
    canvas.drawString(s.left, y, sv.domain)
    canvas.drawRightString(s.right, y, sv.total)
    y -= 3
    canvas.line(s.left, y, s.right, y)
    y -= s.normal + 3
    total = 0
    for code, label in labels.items():
        minutes = grand.get(f"d:{code}", 0)
        total += minutes
        canvas.setFont(FONT, s.normal)
        canvas.drawString(s.left, y, label)
        canvas.drawRightString(s.right, y, hours(minutes))
        y -= s.normal * 1.5
    canvas.line(s.left, y + s.normal, s.right, y + s.normal)
    y -= 3
    canvas.setFont(FONT_BOLD, s.normal)
    canvas.drawString(s.left, y, sv.total_row)
    canvas.drawRightString(s.right, y, hours(total))
    return y - s.normal


def _agency_notes(canvas: FormCanvas, data: VerificationData, serial: str) -> None:
    """The agency notes pages (``--with-notes``): where each figure came from and what the
    agency should still verify with the board. Never part of the form sent to the board."""
    s = canvas.style
    a = words().appendix
    items: list[tuple[str, bool, float]] = [  # (text, bold, indent)
        (a.notes_intro, False, 0),
        ("", False, 0),
        (a.sources_heading, True, 0),
        (
            a.fill(
                "sources_intro",
                board=data.board,
                code=data.credential_code,
                version=data.profile_version,
                effective=date_text(data.profile_effective),
            ),
            False,
            0,
        ),
        *((f"• {source}", False, 8) for source in data.profile_sources),
        ("", False, 0),
        (a.rules_heading, True, 0),
        *(
            (f"• {name}: {source}" + (f" {a.verify_mark}" if verify else ""), False, 8)
            for name, source, verify in data.rule_sources
        ),
    ]
    if data.verify_notes:
        items += [("", False, 0), (a.verify_heading, True, 0)]
        items += [(f"• {note}", False, 8) for note in data.verify_notes]
    y = _page_title(canvas, s, a.notes_heading, serial)
    for text, bold, indent in items:
        if not text:
            y -= s.normal * 0.6
            continue
        if y - paragraph_height(text, s.normal, s.inner_width - indent) < s.footer_top + 8:
            canvas.showPage()
            y = _page_title(canvas, s, a.notes_heading, serial)
        if bold:
            canvas.setFont(FONT_BOLD, s.normal)
            canvas.drawString(s.left, y, text)
            y -= s.normal * 1.5
        else:
            y = paragraph(canvas, s.left + indent, y, text, s.normal, s.inner_width - indent)
    canvas.showPage()


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
