"""The supervisee's progress statement: where they stand, in bars and plain words.

Signed hours are solid, pending hours hatched (readable in black and white), the requirement
a tick. Below the bars: what is still missing, the notes (caps, windows, pending), the
figures to verify with the board, and the sources of every rule.

Written for the supervisee, in their language: the caller builds it inside
``i18n.using(language)`` (:mod:`supervisor_app.usecases.printing`). The English wording is
the template's (resources/templates/attestation.toml, shared with the board's form, which
stays English); each text is translated where drawn (:func:`_t`), dates and hours follow the
language's locale. The fingerprint and the verification data are printed as they are.
"""

from __future__ import annotations

import datetime as dt

from supervisor_app.i18n import N_, _, format_date, format_hours, ngettext
from supervisor_app.labels import domain_label
from supervisor_app.reports.base import (
    FONT,
    FONT_BOLD,
    Footer,
    FormCanvas,
    Style,
    fit,
    heading,
    paragraph,
    paragraph_height,
    profile_facts,
    profile_template,
    render,
    template,
    width,
)
from supervisor_app.reports.data import STATEMENT_TITLE, DomainBar, PartSummary, StatementData

BAR_HEIGHT = 7.0

TEMPLATE_TEXTS = (
    # [statement] of resources/templates/attestation.toml, and its boards' own words
    N_("SUPERVISED HOURS: PROGRESS STATEMENT"),
    N_(
        "{name} toward the {credential} ({code}), as of {date}. Signed records count; pending records "
        "are shown apart."
    ),
    N_("This statement is for the supervisee's review. It is not the board's verification form."),
    N_("Requirements profile: {board}, {code} version {version}, effective {effective}."),
    N_("Supervisee"),
    N_("ICB applicant/ID no."),
    N_("Supervisor of record"),
    N_("Agency"),
    N_("Start date"),
    N_("SUPERVISION"),
    N_("SUPERVISED WORK EXPERIENCE"),
    N_("All domains"),
    N_("required {hours} h"),
    N_("no minimum"),
    N_("must be covered"),
    N_("signed {hours} h"),
    N_("pending {hours} h"),
    N_("{counted} of {required} h counted"),
    N_("Signed {signed} h; counted {counted} h."),
    N_("Solid: signed. Hatched: waiting for signature. Tick: the requirement."),
    N_(
        "Sessions signed: {count}, from {first} to {last} ({months}; {needed} needed). Individual "
        "{individual} h, group {group} h."
    ),
    N_("No signed supervision sessions yet."),
    N_("Only experience hours from the last {years} years count; {hours} h are older and no longer count."),
    N_("STATUS"),
    N_("All requirements in this profile are met by signed records."),
    N_("Still to do:"),
    N_("NOTES"),
    N_("VERIFY WITH THE BOARD"),
    N_("SOURCES"),
    N_("HOURS BY SUPERVISOR"),
    N_(
        "Signed hours that still stand, per supervisor. Each supervisor attests, on their own form, only "
        "the hours they supervised."
    ),
    N_("Supervisor"),
    N_("Supervision h"),
    N_("Experience h"),
    N_("({hours} counted)"),
    N_("EDUCATION (TRAINING HOURS)"),
    N_(
        "{done} of {required} h of education recorded; {self_reported} h of them self-reported (not "
        "confirmed by a supervisor). The board asks for the certificates."
    ),
    N_("LPC license no."),
    N_("Employee or student ID"),
    # [footer] (base.FormCanvas translates them; the form is built in English)
    N_("Page {page} of {pages}"),
    N_("Generated {date}"),
    N_("Progress statement (not an attestation)"),
    N_("Record fingerprint (SHA-256 over {count} signatures):"),
)
"""Every English text of the template the statement prints, marked for the catalogue (a test
keeps this list equal to the template's)."""


def _t(text: str, **values: object) -> str:
    """A text of the template in the current language, its {placeholders} filled in."""
    translated = _(text) if text else text
    return translated.format(**values) if values else translated


def _day(day: dt.date | None) -> str:
    """A date as the reader's language writes it ("" for none)."""
    return format_date(day) if day else ""


def hours(minutes: int) -> str:
    """Hours with two decimals in the reader's locale."""
    return format_hours(minutes)


def _months(count: int) -> str:
    return ngettext("{count} month", "{count} months", count).format(count=count)


def render_statement(data: StatementData, *, generated: dt.date, app_version: str) -> bytes:
    """The progress statement as PDF bytes. Same arguments, same bytes."""
    words = template()
    footer = Footer(
        applicant=data.applicant_name,
        generated=generated,
        app_version=app_version,
        fingerprint=data.fingerprint,
        signature_count=data.signature_count,
        label=_t(words.footer.statement) + f"  ·  {data.credential_code}",
        local_dates=True,
    )
    info = {
        "title": _(STATEMENT_TITLE).format(name=data.applicant_name, code=data.credential_code),
        "author": data.supervisor_name,
        "subject": _("{credential} ({code}), as of {date}").format(
            credential=data.credential_name, code=data.credential_code, date=_day(data.as_of)
        ),
    }
    return render(lambda canvas: _draw(canvas, data), footer=footer, info=info)


class _Flow:
    """A y cursor that starts a new page when the next item would run into the footer."""

    def __init__(self, canvas: FormCanvas) -> None:
        self.canvas = canvas
        self.s = canvas.style
        self.y = self.s.top - self.s.normal

    def need(self, height: float) -> None:
        if self.y - height < self.s.footer_top + 8:
            self.canvas.showPage()
            self.y = self.s.top - self.s.normal


def _draw(canvas: FormCanvas, data: StatementData) -> None:
    s = canvas.style
    w = profile_template(data.credential_code).statement
    flow = _Flow(canvas)

    canvas.setFont(FONT_BOLD, s.normal)
    canvas.drawString(s.left, flow.y, _t(w.title))
    canvas.setFont(FONT, s.normal)
    canvas.drawRightString(s.right, flow.y, _day(data.as_of))
    flow.y -= s.normal * 1.7
    flow.y = paragraph(
        canvas,
        s.left,
        flow.y,
        _t(
            w.subtitle,
            name=data.applicant_name,
            credential=data.credential_name,
            code=data.credential_code,
            date=_day(data.as_of),
        ),
        s.normal,
        s.inner_width,
    )
    flow.y = paragraph(canvas, s.left, flow.y, _t(w.not_attestation), s.small, s.inner_width)
    flow.y = paragraph(
        canvas,
        s.left,
        flow.y,
        _t(w.profile, **(profile_facts(data) | {"effective": _day(data.profile_effective)})),
        s.small,
        s.inner_width,
    )
    flow.y -= 2

    # Who
    canvas.setLineWidth(s.rule)
    canvas.line(s.left, flow.y, s.right, flow.y)
    flow.y -= s.normal + 6
    gap = 18.0
    col_w = (s.inner_width - gap) / 2
    left = [(_t(w.applicant), data.applicant_name), (_t(w.icb_id), data.applicant_icb_id)]
    right = [(_t(w.supervisor), data.supervisor_name), (_t(w.start_date), _day(data.start_date))]
    agency_label = _t(w.agency)
    label_w = max(width(label, s.small) for label in [*(row[0] for row in left + right), agency_label]) + 8
    for index in range(max(len(left), len(right))):
        for x, rows in ((s.left, left), (s.left + col_w + gap, right)):
            if index < len(rows):
                canvas.setFont(FONT, s.small)
                canvas.drawString(x, flow.y, rows[index][0])
                canvas.setFont(FONT, s.normal)
                canvas.drawString(x + label_w, flow.y, fit(rows[index][1], s.normal, col_w - label_w))
        flow.y -= s.normal * 1.6
    canvas.setFont(FONT, s.small)
    canvas.drawString(s.left, flow.y, agency_label)
    canvas.setFont(FONT, s.normal)
    canvas.drawString(s.left + label_w, flow.y, fit(data.agency_name, s.normal, s.inner_width - label_w))
    flow.y -= s.normal * 1.2

    # Supervision
    _part(canvas, flow, _t(w.supervision_heading), data.supervision, data, supervision=True)
    if data.sessions_signed:
        text = _t(
            w.span,
            count=data.sessions_signed,
            first=_day(data.first_session),
            last=_day(data.last_session),
            months=_months(data.span_months),
            needed=_months(data.min_span_months),
            individual=hours(data.individual_minutes),
            group=hours(data.group_minutes),
        )
    else:
        text = _t(w.no_sessions)
    flow.need(paragraph_height(text, s.normal, s.inner_width))
    flow.y = paragraph(canvas, s.left, flow.y, text, s.normal, s.inner_width)
    _counted_line(canvas, flow, data.supervision, data.supervision_reasons)
    flow.y -= 4

    # Experience
    _part(canvas, flow, _t(w.experience_heading), data.experience, data, supervision=False)
    if data.outside_window_minutes and data.experience_window_years:
        text = _t(w.window, years=data.experience_window_years, hours=hours(data.outside_window_minutes))
        flow.need(paragraph_height(text, s.normal, s.inner_width))
        flow.y = paragraph(canvas, s.left, flow.y, text, s.normal, s.inner_width)
    _counted_line(canvas, flow, data.experience, data.experience_reasons)
    flow.y -= 4
    if data.supervisors:
        _by_supervisor(canvas, flow, data)
    if data.education is not None:  # beside supervision and experience; never on the board's form
        done, required, self_reported = (hours(m) for m in data.education)
        total = _t(w.education_total, done=done, required=required, self_reported=self_reported)
        _list(canvas, flow, _t(w.education_heading), [total, *data.education_missing])

    # Status, notes, board, sources
    if data.eligible:
        _list(canvas, flow, _t(w.status_heading), [_t(w.eligible)], bullets=False)
    else:
        _list(canvas, flow, _t(w.status_heading), list(data.unmet), intro=_t(w.unmet_intro))
    if data.notes:
        _list(canvas, flow, _t(w.notes_heading), list(data.notes))
    if data.verify_notes:
        _list(canvas, flow, _t(w.verify_heading), list(data.verify_notes))
    sources = list(data.sources) + [
        (_("{name}: {source} (verify with the board)") if verify else _("{name}: {source}")).format(
            name=name, source=source
        )
        for name, source, verify in data.rule_sources
    ]
    _list(canvas, flow, _t(w.sources_heading), sources, small=True)
    canvas.showPage()


def _counted_line(canvas: FormCanvas, flow: _Flow, part: PartSummary, reasons: tuple[str, ...]) -> None:
    """Signed and counted side by side where they differ, with the reason (the same figure and
    words as the form and ``progress --json``)."""
    if part.counted_minutes == part.signed_minutes:
        return
    s = flow.s
    text = _t(
        template().statement.counted_differs,
        signed=hours(part.signed_minutes),
        counted=hours(part.counted_minutes),
    )
    text = " ".join([text, *reasons])
    flow.need(paragraph_height(text, s.normal, s.inner_width))
    flow.y = paragraph(canvas, s.left, flow.y, text, s.normal, s.inner_width)


def _by_supervisor(canvas: FormCanvas, flow: _Flow, data: StatementData) -> None:
    """One row per supervisor: who (their agency below, in small type) and their signed
    supervision and experience hours (and what counts of them, when a cap or the window leaves
    some out)."""
    s = flow.s
    w = template().statement

    def figure(signed: int, counted: int) -> str:
        text = hours(signed)
        return text if counted == signed else f"{text} " + _t(w.by_supervisor_counted, hours=hours(counted))

    rows = [
        (
            f"{p.name} ({p.credentials})" if p.credentials else p.name,
            p.agency,
            figure(p.supervision_minutes, p.supervision_counted_minutes),
            figure(p.experience_minutes, p.experience_counted_minutes),
        )
        for p in data.supervisors
    ]
    header = (
        _("{supervisor} ({agency})").format(
            supervisor=_t(w.by_supervisor_name), agency=_t(w.by_supervisor_agency).lower()
        ),
        "",
        _t(w.by_supervisor_supervision),
        _t(w.by_supervisor_experience),
    )
    intro = _t(w.by_supervisor_intro)
    figures_w = [
        max(width(row[i], s.normal, bold=row is header) for row in [*rows, header]) + 18 for i in (2, 3)
    ]
    name_w = s.inner_width - sum(figures_w)
    row_h = s.normal * 1.3 + s.small * 1.3
    flow.need(2 * s.normal + 10 + paragraph_height(intro, s.small, s.inner_width) + 2 * row_h)
    flow.y = heading(canvas, s, flow.y, _t(w.by_supervisor_heading))
    flow.y = paragraph(canvas, s.left, flow.y, intro, s.small, s.inner_width)
    flow.y -= 2
    for index, row in enumerate([header, *rows]):
        bold = index == 0
        flow.need(row_h)
        canvas.setFont(FONT_BOLD if bold else FONT, s.normal)
        canvas.drawString(s.left, flow.y, fit(row[0], s.normal, name_w - 8, bold=bold))
        canvas.drawRightString(s.left + name_w + figures_w[0], flow.y, row[2])
        canvas.drawRightString(s.right, flow.y, row[3])
        flow.y -= s.normal * 1.3
        if row[1]:
            canvas.setFont(FONT, s.small)
            canvas.drawString(s.left, flow.y + 1, fit(row[1], s.small, name_w - 8))
            flow.y -= s.small * 1.3
    flow.y -= 4


def _list(
    canvas: FormCanvas,
    flow: _Flow,
    title: str,
    items: list[str],
    *,
    intro: str = "",
    bullets: bool = True,
    small: bool = False,
) -> None:
    s = flow.s
    size = s.small if small else s.normal
    indent = 16 if bullets else 0
    first = paragraph_height(items[0], size, s.inner_width - indent) if items else 0
    flow.need(2 * s.normal + 10 + first + (s.normal * 1.4 if intro else 0))
    flow.y = heading(canvas, s, flow.y, title)
    if intro:
        flow.y = paragraph(canvas, s.left, flow.y, intro, s.normal, s.inner_width)
    for item in items:
        flow.need(paragraph_height(item, size, s.inner_width - indent))
        if bullets:
            canvas.setFont(FONT, size)
            canvas.drawString(s.left + 4, flow.y, "•")
        flow.y = paragraph(canvas, s.left + indent, flow.y, item, size, s.inner_width - indent)
    flow.y -= 4


def _part(
    canvas: FormCanvas, flow: _Flow, title: str, part: PartSummary, data: StatementData, *, supervision: bool
) -> None:
    s = flow.s
    w = template().statement
    domains = [d for d in part.domains if d.signed_minutes or d.pending_minutes or d.code != "general"]
    flow.need(2 * s.normal + 10 + (len(domains) + 2) * 22)
    flow.y = heading(
        canvas,
        s,
        flow.y,
        title,
        right_text=_t(w.counted, counted=hours(part.counted_minutes), required=hours(part.required_minutes)),
    )
    overall_label = _t(w.overall)
    label_w = (
        max(
            [width(domain_label(d.label), s.normal) for d in domains]
            + [width(overall_label, s.normal, bold=True)]
        )
        + 10
    )
    bar_x = s.left + label_w
    bar_w = s.inner_width - label_w
    overall = DomainBar(
        "all", overall_label, part.required_minutes, part.signed_minutes, part.pending_minutes
    )
    _bar(
        canvas,
        s,
        flow,
        overall,
        bar_x,
        bar_w,
        max(part.required_minutes, part.signed_minutes + part.pending_minutes),
        bold=True,
    )
    scale = max(
        [d.required_minutes for d in domains] + [d.signed_minutes + d.pending_minutes for d in domains] + [1]
    )
    for domain in domains:
        _bar(canvas, s, flow, domain, bar_x, bar_w, scale, cover=supervision and data.cover_every_domain)
    canvas.setFont(FONT, s.small)
    canvas.drawString(bar_x, flow.y - 1, _t(w.legend))
    flow.y -= s.small + s.normal + 4


def _bar(
    canvas: FormCanvas,
    s: Style,
    flow: _Flow,
    bar: DomainBar,
    x: float,
    bar_w: float,
    scale: int,
    *,
    bold: bool = False,
    cover: bool = False,
) -> None:
    w = template().statement
    flow.need(s.normal + s.small + BAR_HEIGHT + 8)
    y = flow.y
    canvas.setFont(FONT_BOLD if bold else FONT, s.normal)
    canvas.drawString(s.left, y - BAR_HEIGHT + 1, bar.label if bar.code == "all" else domain_label(bar.label))
    scale = max(scale, 1)
    top = y + 1
    base = top - BAR_HEIGHT
    signed_w = bar_w * min(bar.signed_minutes, scale) / scale
    pending_w = bar_w * min(bar.pending_minutes, scale - min(bar.signed_minutes, scale)) / scale
    canvas.saveState()
    canvas.setLineWidth(s.rule)
    canvas.setStrokeGray(0.55)
    canvas.rect(x, base, bar_w, BAR_HEIGHT, stroke=1, fill=0)
    canvas.restoreState()
    if signed_w > 0:
        canvas.saveState()
        canvas.setFillGray(0.2)
        canvas.rect(x, base, signed_w, BAR_HEIGHT, stroke=0, fill=1)
        canvas.restoreState()
    if pending_w > 0.5:
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(x + signed_w, base, pending_w, BAR_HEIGHT)
        canvas.clipPath(path, stroke=1, fill=0)
        canvas.setLineWidth(s.rule)
        step = 3.0
        offset = x + signed_w - BAR_HEIGHT
        while offset < x + signed_w + pending_w:
            canvas.line(offset, base, offset + BAR_HEIGHT, top)
            offset += step
        canvas.restoreState()
    if bar.required_minutes:
        tick = x + bar_w * min(bar.required_minutes, scale) / scale
        canvas.saveState()
        canvas.setLineWidth(1.4)
        canvas.line(tick, base - 2.5, tick, top + 2.5)
        canvas.restoreState()
    parts = [_t(w.signed, hours=hours(bar.signed_minutes))]
    if bar.pending_minutes:
        parts.append(_t(w.pending, hours=hours(bar.pending_minutes)))
    if bar.required_minutes:
        parts.append(_t(w.required, hours=hours(bar.required_minutes)))
    elif cover and bar.code != "all":
        parts.append(f"{_t(w.no_minimum)}; {_t(w.must_cover)}")
    canvas.setFont(FONT, s.small)
    canvas.drawString(x, base - s.small - 1.5, "  ·  ".join(parts))
    flow.y = base - s.small - 1.5 - s.normal - 2
