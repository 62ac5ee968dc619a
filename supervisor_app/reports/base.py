"""What every printed page shares: the template, the bundled font, the footer, the QR code.

Byte-identical output: the canvas runs in reportlab's invariant mode (fixed document id, no
timestamps, deterministic font subset names), and the PDF's creation date is pinned to the
form's generation date. Nothing else the PDF embeds depends on the clock or the machine.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import re
import threading
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import inch
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import textobject
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from supervisor_app.i18n import _, format_date
from supervisor_app.reports.archival import make_archival
from supervisor_app.resources import resource_path

FONT = "SupervisorApp-DejaVuSans"
FONT_BOLD = "SupervisorApp-DejaVuSans-Bold"
QR_FORM = "fingerprintQR"

RENDER_LOCK = threading.Lock()
"""reportlab keeps per-font state in module globals: one render at a time."""


class TemplateError(Exception):
    """The form template (resources/templates/attestation.toml) is missing a key or unreadable."""


class Words:
    """A read-only view of one table of the template: ``words.heading``, ``words["in-person"]``."""

    def __init__(self, data: dict[str, Any], path: str) -> None:
        self._data = data
        self._path = path

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        return self[key]

    def __getitem__(self, key: str) -> Any:
        try:
            value = self._data[key]
        except KeyError:
            raise TemplateError(
                f"resources/templates/attestation.toml: [{self._path}] has no key {key!r}"
            ) from None
        if isinstance(value, dict):
            return Words(value, f"{self._path}.{key}" if self._path else key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self._data else default

    def fill(self, key: str, **values: Any) -> str:
        """The text at ``key`` with its {placeholders} filled in."""
        text = self[key]
        try:
            return str(text).format(**values)
        except (KeyError, IndexError) as exc:
            raise TemplateError(
                f"resources/templates/attestation.toml: [{self._path}] {key}: unknown placeholder {exc}"
            ) from None


@cache
def template() -> Words:
    path = resource_path("templates", "attestation.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"{path}: cannot be read ({exc})") from exc
    return Words(data, "")


def _merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        merged[key] = (
            _merged(base[key], value)
            if isinstance(value, dict) and isinstance(base.get(key), dict)
            else value
        )
    return merged


@cache
def profile_template(code: str) -> Words:
    """The template in one board's words: its ``[profiles.CODE]`` table over the common one."""
    data = template()._data
    own = data.get("profiles", {}).get(code.upper(), {})
    return Words(_merged(data, own), "") if own else template()


@cache
def register_fonts() -> tuple[str, str]:
    """Register the bundled DejaVu Sans (regular, bold) once; return their names."""
    page = template().page
    for name, file in ((FONT, page.font_regular), (FONT_BOLD, page.font_bold)):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    return FONT, FONT_BOLD


@dataclass(frozen=True)
class Style:
    """Page geometry and type, from the template's [page] table."""

    width: float
    height: float
    margin: float
    normal: float
    small: float
    rule: float
    qr: float

    @property
    def left(self) -> float:
        return self.margin

    @property
    def right(self) -> float:
        return self.width - self.margin

    @property
    def top(self) -> float:
        return self.height - self.margin

    @property
    def inner_width(self) -> float:
        return self.width - 2 * self.margin

    @property
    def footer_top(self) -> float:
        """The highest point the footer uses (content stays above it)."""
        return self.margin + self.qr + 4

    @classmethod
    @cache
    def load(cls) -> Style:
        page = template().page
        size = {"letter": LETTER, "a4": A4}.get(str(page.size).lower())
        if size is None:
            raise TemplateError(f"[page] size must be letter or a4, not {page.size!r}")
        margin = float(page.margin_inches)
        if margin < 0.5:
            raise TemplateError("[page] margin_inches must be at least 0.5 (office printers clip less)")
        return cls(
            width=size[0],
            height=size[1],
            margin=margin * inch,
            normal=float(page.size_normal),
            small=float(page.size_small),
            rule=float(page.rule_width),
            qr=float(page.qr_size_inches) * inch,
        )


# --------------------------------------------------------------------------------------------
# Text


def width(text: str, size: float, *, bold: bool = False) -> float:
    return _width(text, size, bold)


def _width(text: str, size: float, bold: bool) -> float:
    return _string_width(text, FONT_BOLD if bold else FONT, size)


@lru_cache(maxsize=1 << 16)
def _string_width(text: str, font: str, size: float) -> float:
    # reportlab measures TTF text a character at a time in Python (without rl-accel), and
    # drawString measures every string it draws; the same words and cells come back on every
    # page and every print.
    return pdfmetrics.stringWidth(text, font, size)


@lru_cache(maxsize=1 << 14)
def _fp(value: float) -> str:
    # reportlab formats every coordinate anew (in Python, without rl-accel); a table's columns
    # and rows come back on every line and page.
    return fp_str(value)


# reportlab's bidiShapedText without RTL support (no rlbidi): the text as it is, and its width.
_PLAIN_TEXT = getattr(textobject, "rtlSupport", False) is False


@lru_cache(maxsize=64)
def _qr_runs(data: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """The module count and the dark runs ``(row, first column, length)`` of a QR code of
    ``data`` (error correction M): choosing its mask is the slow part, the same for a reprint."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(data)
    qr.make()
    runs = []
    for r, row in enumerate(qr.modules):
        c = 0
        for dark, run in itertools.groupby(bool(m) for m in row):
            length = len(list(run))
            if dark:
                runs.append((r, c, length))
            c += length
    return qr.getModuleCount(), tuple(runs)


@lru_cache(maxsize=64)
def _qr_path(data: str, size: float) -> str:
    """The path operators of a QR code of ``data`` filling a ``size`` square with a 2-module
    quiet zone: one rectangle per dark run (the same for every print of the same form)."""
    count, runs = _qr_runs(data)
    border = 2
    box = size / (count + 2 * border)
    path = PDFPathObject()
    for r, c, length in runs:
        path.rect((c + border) * box, size - (r + border + 1) * box, length * box, box)
    return str(path.getCode())


_BREAKS = re.compile(r"(?<=[ /-])")


def wrap(text: str, size: float, max_width: float, *, bold: bool = False) -> list[str]:
    """Lines of at most ``max_width``, broken after spaces, slashes and hyphens."""
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        line = ""
        for token in _BREAKS.split(paragraph):
            if not token:
                continue
            candidate = line + token
            if line and width(candidate.rstrip(), size, bold=bold) > max_width:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line = candidate
            while width(line.rstrip(), size, bold=bold) > max_width and len(line) > 1:
                # one word wider than the column: break it
                cut = len(line) - 1
                while cut > 1 and width(line[:cut] + "-", size, bold=bold) > max_width:
                    cut -= 1
                lines.append(line[:cut] + "-")
                line = line[cut:]
        lines.append(line.rstrip())
    return lines


def fit(text: str, size: float, max_width: float, *, bold: bool = False) -> str:
    """``text`` shortened with an ellipsis if it is wider than ``max_width``."""
    if width(text, size, bold=bold) <= max_width:
        return text
    while text and width(text + "…", size, bold=bold) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"


def date_text(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def profile_facts(data: Any) -> dict[str, str]:
    """The credential profile a report's figures follow (``data``: a statement's or a form's),
    as the templates' ``{board}``, ``{code}``, ``{version}`` and ``{effective}``."""
    return {
        "board": data.board,
        "code": data.credential_code,
        "version": data.profile_version,
        "effective": date_text(data.profile_effective),
    }


def months_text(count: int) -> str:
    words = template().words
    return words.fill("month" if count == 1 else "months", count=count)


# --------------------------------------------------------------------------------------------
# The canvas: deferred pages (for "Page X of Y"), invariant, footer on every page


@dataclass(frozen=True)
class Footer:
    applicant: str
    generated: dt.date
    app_version: str
    fingerprint: str
    signature_count: int
    label: str  # "Form ATT-2026-000042" or "Progress statement ..."
    qr: str = ""  # what the QR code says (default: the fingerprint)
    # The date as people of the current language write it (the statement), not ISO (the form).
    local_dates: bool = False


class FormCanvas(Canvas):
    """A canvas that keeps its pages until ``save`` so each footer can say "Page X of Y"."""

    def __init__(self, buffer: io.BytesIO, *, style: Style, footer: Footer, info: dict[str, str]) -> None:
        super().__init__(
            buffer,
            pagesize=(style.width, style.height),
            invariant=1,
            pageCompression=1,
            pdfVersion=(1, 7),  # PDF/A-3 (reports.archival) is based on PDF 1.7
            initialFontName=FONT,  # no stray unembedded Helvetica: every font is embedded
        )
        self.style = style
        self.footer = footer
        self._pages: list[dict[str, Any]] = []
        # (font, size, leading, text) -> the text's operators, as reportlab formats them
        self._text_ops: dict[tuple[str, float, float, str], str] = {}
        _pin_timestamp(self, footer.generated)
        self.setTitle(info.get("title", ""))
        self.setAuthor(info.get("author", ""))
        self.setSubject(info.get("subject", ""))
        self.setCreator(f"supervisor_app {footer.app_version}")
        self.setKeywords(f"record fingerprint {footer.fingerprint}")
        self.setLineWidth(style.rule)
        self._define_qr()

    def _define_qr(self) -> None:
        """The fingerprint's QR code, drawn once as a form every page reuses.

        Upper-case hex is QR "alphanumeric" data: a smaller code (bigger modules) than bytes.
        The modules are drawn as one path of row runs (reportlab's QrCodeWidget builds a
        validated shape per run, several times slower).
        """
        size = self.style.qr
        self.beginForm(QR_FORM, 0, 0, size, size)
        path = PDFPathObject([_qr_path(self.footer.qr or self.footer.fingerprint.upper(), size)])
        self.drawPath(path, stroke=0, fill=1)
        self.endForm()

    # drawString/drawRightString as reportlab writes them (the same operators, byte for byte),
    # without a text object per string: the width comes from the cache, and each distinct
    # string is formatted (split into font subsets, escaped) once per document. reportlab's
    # own path is most of a table's cost: a form's appendix draws some 2,400 cells, most of
    # them the same dates, hours and words.
    def drawString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:  # noqa: N802
        if args or kwargs or not _PLAIN_TEXT:
            super().drawString(x, y, text, *args, **kwargs)
            return
        self._text_line(x, y, text)

    def drawRightString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:  # noqa: N802
        if args or kwargs or not _PLAIN_TEXT:
            super().drawRightString(x, y, text, *args, **kwargs)
            return
        self._text_line(x - _string_width(text, self._fontname, self._fontsize), y, text)

    def _text_line(self, x: float, y: float, text: str) -> None:
        """What ``t = beginText(x, y); t.textLine(text); drawText(t)`` appends (bottom-up page)."""
        key = (self._fontname, self._fontsize, self._leading, text)
        ops = self._text_ops.get(key)
        if ops is None:
            ops = self._text_ops[key] = self._format_text(text)
        self._code.append(f"BT 1 0 0 1 {_fp(x)} {_fp(y)} Tm {ops} T* ET")

    def _format_text(self, text: str) -> str:
        """The operators reportlab's text object writes for ``text`` in the current font (its
        ``_formatText`` for an embedded TrueType font, the only kind a form uses)."""
        font = pdfmetrics.getFont(self._fontname)
        if not getattr(font, "_dynamicFont", False):
            return str(self.beginText()._formatText(text))
        doc = self._doc
        tmpl = f"{_fp(self._fontsize)} Tf {_fp(self._leading)} TL"
        parts: list[str] = []
        current = -1
        for subset, chunk in font.splitString(text, doc):
            if subset != current:
                parts.append(f"{font.getSubsetInternalName(subset, doc)} {tmpl}")
                current = subset
            parts.append(f"({self._escape(chunk)}) Tj")
        return " ".join(parts)

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        if self._code:
            self.showPage()
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _draw_footer(self, page: int, pages: int) -> None:
        s, f = self.style, self.footer
        words = template().footer
        qr = s.qr
        self.saveState()
        self.setLineWidth(s.rule)
        self.line(s.left, s.footer_top, s.right, s.footer_top)
        self.translate(s.right - qr, s.margin)
        self.doForm(QR_FORM)
        self.restoreState()
        text_width = s.inner_width - qr - 8
        # In the current language: the statement's reader's; the form is built in English.
        generated = format_date(f.generated) if f.local_dates else date_text(f.generated)
        line1 = "  ·  ".join(
            [
                _(words.page).format(page=page, pages=pages),
                words.fill("applicant", name=f.applicant),
                _(words.generated).format(date=generated),
                words.fill("app", version=f.app_version),
            ]
        )
        y = s.footer_top - s.small - 4
        self.setFont(FONT_BOLD, s.small)
        self.drawString(s.left, y, fit(line1, s.small, text_width, bold=True))
        self.setFont(FONT, s.small)
        y -= s.small + 3
        self.drawString(s.left, y, fit(f.label, s.small, text_width))
        y -= s.small + 3
        self.drawString(s.left, y, _(words.fingerprint).format(count=f.signature_count))
        y -= s.small + 3
        groups = " ".join(f.fingerprint[i : i + 4] for i in range(0, len(f.fingerprint), 4))
        self.drawString(s.left, y, groups)


def _pin_timestamp(canvas: Canvas, day: dt.date) -> None:
    """Make the PDF's CreationDate/ModDate the generation date (midnight UTC), whatever the clock."""
    stamp = TimeStamp(invariant=1)
    moment = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    stamp.t = moment.timestamp()
    stamp.lt = moment.timetuple()
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    doc = canvas._doc  # reportlab has no public setter for the document's timestamp
    if hasattr(doc, "_timeStamp") and hasattr(doc, "signature"):
        doc._timeStamp = stamp
        # The document id is an MD5 seeded with the timestamp when the document is created
        # (from $SOURCE_DATE_EPOCH if set): seed it again, as reportlab does, with the pinned one.
        signature = hashlib.md5(usedforsecurity=False)
        signature.update(b"a reportlab document")
        signature.update(ascii(stamp.t).encode("latin-1"))
        doc.signature = signature


def embed_file(canvas: Canvas, name: str, data: bytes, *, description: str, mime: str) -> None:
    """Attach ``data`` to the document as the embedded file ``name`` (the catalog's
    EmbeddedFiles name tree; readers list it as an attachment). reportlab has no call for this:
    the objects are its own low-level PDF dictionaries and stream."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString

    doc = canvas._doc
    stream = PDFStream(
        PDFDictionary(
            {
                "Type": PDFName("EmbeddedFile"),
                "Subtype": PDFName(mime.replace("/", "#2F")),
                "Params": PDFDictionary({"Size": len(data)}),
            }
        ),
        data,
    )
    spec = PDFDictionary(
        {
            "Type": PDFName("Filespec"),
            "F": PDFString(name),
            "UF": PDFString(name),
            "Desc": PDFString(description),
            "EF": PDFDictionary({"F": doc.Reference(stream)}),
            "AFRelationship": PDFName("Data"),  # PDF/A-3: the form's data, as an associated file
        }
    )
    doc._supervisor_app_file_specs = [*getattr(doc, "_supervisor_app_file_specs", []), doc.Reference(spec)]
    doc.Catalog.Names = PDFDictionary(
        {"EmbeddedFiles": PDFDictionary({"Names": PDFArray([PDFString(name), doc.Reference(spec)])})}
    )


def render(
    draw: Callable[[FormCanvas], None],
    *,
    footer: Footer,
    info: dict[str, str],
    attachment: tuple[str, bytes, str] | None = None,
) -> bytes:
    """Run ``draw`` on a fresh invariant canvas and return the PDF bytes; ``attachment``
    (name, bytes, description) is embedded as a JSON file."""
    register_fonts()
    style = Style.load()
    buffer = io.BytesIO()
    with RENDER_LOCK:
        use_a85 = rl_config.useA85
        rl_config.useA85 = 0  # binary (compressed) streams: smaller, faster, just as portable
        try:
            canvas = FormCanvas(buffer, style=style, footer=footer, info=info)
            draw(canvas)
            if attachment is not None:
                name, data, description = attachment
                embed_file(canvas, name, data, description=description, mime="application/json")
            make_archival(canvas, creator=f"supervisor_app {footer.app_version}", generated=footer.generated)
            canvas.save()
        finally:
            rl_config.useA85 = use_a85
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------
# Drawing helpers


def heading(canvas: Canvas, style: Style, y: float, text: str, *, right_text: str = "") -> float:
    """A section heading (bold, normal size) with a thin rule above; returns the next baseline."""
    canvas.setLineWidth(style.rule)
    canvas.line(style.left, y, style.right, y)
    y -= style.normal + 5
    canvas.setFont(FONT_BOLD, style.normal)
    canvas.drawString(style.left, y, text)
    if right_text:
        canvas.setFont(FONT, style.normal)
        canvas.drawRightString(style.right, y, right_text)
    return y - style.normal - 5


def paragraph(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    max_width: float,
    *,
    leading: float | None = None,
) -> float:
    """Wrapped text from baseline ``y`` down; returns the baseline after the last line."""
    leading = leading or size * 1.35
    canvas.setFont(FONT, size)
    for line in wrap(text, size, max_width):
        canvas.drawString(x, y, line)
        y -= leading
    return y


def paragraph_height(text: str, size: float, max_width: float, *, leading: float | None = None) -> float:
    return len(wrap(text, size, max_width)) * (leading or size * 1.35)


def checkbox(canvas: Canvas, x: float, y: float, size: float) -> None:
    canvas.rect(x, y - 1, size, size, stroke=1, fill=0)
