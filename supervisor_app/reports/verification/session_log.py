"""The session log appendix: one row per session behind the form, the column headers repeated
on every page, a subtotal at each page's foot and, on the last page, a grand total equal to the
form's total. Amended rows carry an "A" and the version they replaced follows in small type;
voided rows carry a "V", are struck through and are left out of every total."""

from __future__ import annotations

from dataclasses import dataclass, field

from supervisor_app.reports.base import (
    FONT,
    FONT_BOLD,
    FormCanvas,
    Style,
    date_text,
    fit,
    heading,
    paragraph,
    width,
    wrap,
)
from supervisor_app.reports.data import LogEntry, VerificationData
from supervisor_app.reports.verification.common import PAD, measuring, page_title, words
from supervisor_app.units import hours

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


def appendix(canvas: FormCanvas, data: VerificationData, serial: str) -> None:
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
        measuring(s), s, columns, subheading, serial, header_depth, small_row, header_bold
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
                if section(measuring(s), data, y) < limit:  # does not fit: a page of its own
                    _draw_legend(canvas, s, legend, legend_y, small_row)
                    canvas.showPage()
                    y = page_title(canvas, s, a.heading, serial)
                    legend, limit = [], s.footer_top + 8
                y = section(canvas, data, y) - 6
        _draw_legend(canvas, s, legend, legend_y, small_row)
        canvas.showPage()


def _draw_legend(canvas: FormCanvas, s: Style, legend: list[str], y: float, small_row: float) -> None:
    canvas.setFont(FONT, s.small)
    for line in legend:
        canvas.drawString(s.left, y, line)
        y -= small_row


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
