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

from supervisor_app.reports.base import (
    FONT_BOLD,
    Footer,
    FormCanvas,
    paragraph,
    paragraph_height,
    profile_facts,
    profile_template,
    render,
)
from supervisor_app.reports.data import VerificationData
from supervisor_app.reports.manifest import MANIFEST_NAME, form_manifest, qr_text
from supervisor_app.reports.verification.common import WORDS, measuring, page_title, words
from supervisor_app.reports.verification.form_page import form_page, summary_page
from supervisor_app.reports.verification.session_log import appendix


def render_verification(
    data: VerificationData, *, serial: str, generated: dt.date, app_version: str, with_notes: bool = False
) -> bytes:
    """The form, its summary page and its session log as PDF bytes. Same arguments, same bytes.

    ``with_notes`` adds the agency notes pages at the end (the profile's sources, each rule's
    source and what to verify with the board): for the agency's file, never for the board.
    """
    token = WORDS.set(profile_template(data.credential_code))
    try:
        return _render(
            data, serial=serial, generated=generated, app_version=app_version, with_notes=with_notes
        )
    finally:
        WORDS.reset(token)


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
            if form_page(measuring(canvas.style), data, serial, density) >= canvas.style.footer_top + 10:
                break
        form_page(canvas, data, serial, density)
        canvas.showPage()
        summary_page(canvas, data, serial)
        canvas.showPage()
        appendix(canvas, data, serial)
        if with_notes:
            _agency_notes(canvas, data, serial)

    manifest = form_manifest(data, serial=serial, generated=generated, app_version=app_version)
    attachment = (
        MANIFEST_NAME,
        json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(),
        "What this form attests, for supervisor-app check-form",
    )
    return render(draw, footer=footer, info=info, attachment=attachment)


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
            a.fill("sources_intro", **profile_facts(data)),
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
    y = page_title(canvas, s, a.notes_heading, serial)
    for text, bold, indent in items:
        if not text:
            y -= s.normal * 0.6
            continue
        if y - paragraph_height(text, s.normal, s.inner_width - indent) < s.footer_top + 8:
            canvas.showPage()
            y = page_title(canvas, s, a.notes_heading, serial)
        if bold:
            canvas.setFont(FONT_BOLD, s.normal)
            canvas.drawString(s.left, y, text)
            y -= s.normal * 1.5
        else:
            y = paragraph(canvas, s.left + indent, y, text, s.normal, s.inner_width - indent)
    canvas.showPage()


__all__ = ["render_verification"]
