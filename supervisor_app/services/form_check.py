"""Checking a printed attestation form against signed records (``supervisor-app check-form``).

A form's PDF carries a manifest (:func:`~supervisor_app.reports.manifest.form_manifest`):
every record it prints, with its minutes and its signature's hashes, and the totals. Checking
a form is three steps:

1. :func:`read_form` reads the PDF: the manifest, and what is printed on the page (the
   fingerprint). A file that is not one of our attestation forms raises :class:`NotAForm`.
2. The manifest is checked against itself: its records' chain hashes must give its
   fingerprint, the fingerprint printed on the page must be the same, and its totals must be
   what its records add up to. Anything else means the file was edited after printing.
3. Each record is looked up in a **source of signed records** (:class:`RecordSource`): this
   database (:class:`DatabaseSource`), or (another module) an hours file. The record must be
   there, signed, verified, with the very signature the form printed, the same minutes, and
   not voided or amended since; the totals of the same records as they stand now must equal
   the form's.

A source only answers "what do you know of these record ids", so any other store of signed
records plugs in the same way.
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import select

from supervisor_app import i18n
from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import N_, _, ngettext
from supervisor_app.models import (
    DisplayStatus,
    ExperienceAllocation,
    ExperienceEntry,
    RecordKind,
    RecordStatus,
    SessionAllocation,
    SignOff,
    SignOffAction,
    SupervisionSession,
)
from supervisor_app.reports.data import STATEMENT_TITLE
from supervisor_app.reports.manifest import (
    MANIFEST_FORMAT,
    MANIFEST_NAME,
    MANIFEST_VERSION,
    manifest_fingerprint,
    manifest_totals,
)
from supervisor_app.services.errors import DomainError
from supervisor_app.units import hours

MAX_FORM_BYTES = 64 * 1024 * 1024
"""A bigger file is not one of our forms (a 300-session form is well under a megabyte)."""

_GROUPS = re.compile(r"\b((?:[0-9a-f]{4} ){15}[0-9a-f]{4})\b")


class NotAForm(DomainError):
    """The file is not an attestation form this app printed (or not a PDF at all)."""


# --------------------------------------------------------------------------------------------
# Reading the PDF


@dataclass(frozen=True)
class FormFile:
    """What a form's PDF holds."""

    name: str
    manifest: dict[str, Any] | None  # None: no manifest (removed after printing)
    printed_fingerprint: str  # the fingerprint printed on the first page ("" if none found)
    title: str
    edited: tuple[str, ...] = ()  # why the manifest cannot be trusted, found while reading it


def read_form(data: bytes, *, name: str | None = None) -> FormFile:
    """Read a form's PDF. Raises :class:`NotAForm` for a file that is not one of our
    attestation forms (not a PDF, a progress statement, another program's PDF)."""
    import pypdf
    from pypdf.errors import PyPdfError

    if name is None:
        name = _("the file")
    if len(data) > MAX_FORM_BYTES:
        raise NotAForm(
            _("{name} is not an attestation form printed by supervisor_app (it is far too big).").format(
                name=name
            ),
            code="form.too_big",
            params={"name": name},
        )
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # a broken file is our message, not pypdf's warnings
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        info = reader.metadata or {}
        creator, title = str(info.get("/Creator") or ""), str(info.get("/Title") or "")
        keywords = str(info.get("/Keywords") or "")
        attachments = {key: list(value) for key, value in reader.attachments.items()}
        first_page = reader.pages[0].extract_text() if reader.pages else ""
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, OSError, RecursionError) as exc:
        raise NotAForm(
            _("{name} is not a PDF that can be read ({error}).").format(
                name=name, error=exc.__class__.__name__
            ),
            code="form.unreadable",
            params={"name": name, "error": exc.__class__.__name__},
        ) from None
    finally:
        quiet.setLevel(level)
    ours = creator.startswith("supervisor_app") and keywords.startswith("record fingerprint")
    if MANIFEST_NAME not in attachments and not ours:
        raise NotAForm(
            _(
                "{name} is not an attestation form printed by supervisor_app (no manifest and none of "
                "the form's marks)."
            ).format(name=name),
            code="form.not_ours",
            params={"name": name},
        )
    if _is_statement_title(title):
        raise NotAForm(
            _("{name} is a progress statement, not an attestation form: it attests nothing to check.").format(
                name=name
            ),
            code="form.is_statement",
            params={"name": name},
        )
    groups = _GROUPS.search(first_page)
    printed = groups.group(1).replace(" ", "") if groups else ""
    if MANIFEST_NAME not in attachments:
        return FormFile(name, None, printed, title)
    contents = attachments[MANIFEST_NAME]
    edited: list[str] = []
    if len(contents) != 1:
        edited.append(_("it holds {n} manifests instead of one").format(n=len(contents)))
    try:
        manifest = json.loads(contents[-1].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return FormFile(name, None, printed, title, (_("its manifest is not readable JSON"),))
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        raise NotAForm(
            _("{name} carries a file named {manifest}, but not a supervisor_app form manifest.").format(
                name=name, manifest=MANIFEST_NAME
            ),
            code="form.not_a_manifest",
            params={"name": name, "manifest": MANIFEST_NAME},
        )
    version = manifest.get("version")
    if not isinstance(version, int) or version > MANIFEST_VERSION or version < 1:
        raise NotAForm(
            _(
                "{name} was printed by a newer version of supervisor_app (manifest version {version!r}); "
                "check it with that version."
            ).format(name=name, version=version),
            code="form.newer_version",
            params={"name": name, "version": version},
        )
    return FormFile(name, manifest, printed, title, tuple(edited))


# --------------------------------------------------------------------------------------------
# Sources of signed records


@dataclass(frozen=True)
class SignedRecord:
    """What a source knows of one record now."""

    record_id: str
    kind: str  # session or experience
    status: str  # DisplayStatus value: pending, signed (standing), amended, voided
    date: str  # the session's date or the period's first day (ISO)
    date_to: str  # the period's last day ("" for a session)
    format: str  # individual/group, or paid/volunteer/internship
    minutes: dict[str, int]
    content_hash: str = ""  # of its sign link ("" when not signed)
    chain_hash: str = ""
    void_chain_hash: str = ""
    void_reason: str = ""
    replaced_by: str = ""  # the signed amendment that replaced it
    replaced_reason: str = ""
    problem: str = ""  # why it fails verification ("" when it verifies)


class RecordSource(Protocol):
    """Where check-form looks records up: this database, an hours file..."""

    description: str  # "the database /path/supervisor.db", for the report

    def lookup(self, record_ids: Sequence[str]) -> dict[str, SignedRecord]:
        """What the source knows of these records (ids it does not know are left out)."""
        ...


class DatabaseSource:
    """The signed records of an open database; each one looked up is verified first."""

    def __init__(self, uow: UnitOfWork, description: str) -> None:
        self.uow = uow
        self.description = description

    def lookup(self, record_ids: Sequence[str]) -> dict[str, SignedRecord]:
        from supervisor_app.services import signoff

        ids = [rid for rid in dict.fromkeys(record_ids) if isinstance(rid, str) and 0 < len(rid) <= 36]
        if not ids:
            return {}
        session = self.uow.session
        problems: dict[str, str] = {}
        for problem in signoff.verify(self.uow, record_ids=ids).problems:
            problems.setdefault(problem.record_id, problem.message)
        links: dict[tuple[str, str], tuple[str, str, str]] = {}
        for chunk in _chunks(ids):
            for rid, action, content, chain, reason in session.execute(
                select(
                    SignOff.record_id,
                    SignOff.action,
                    SignOff.content_hash,
                    SignOff.chain_hash,
                    SignOff.reason,
                ).where(SignOff.record_id.in_(chunk))
            ):
                links[(rid, action)] = (content, chain, reason)
        found: dict[str, SignedRecord] = {}
        S, SA, E, EA = SupervisionSession, SessionAllocation, ExperienceEntry, ExperienceAllocation
        for chunk in _chunks(ids):
            rows: list[tuple[str, str, Any, Any, str, str]] = [
                (rid, RecordKind.SESSION.value, day, None, fmt, status)
                for rid, day, fmt, status in session.execute(
                    select(S.id, S.date, S.format, S.status).where(S.id.in_(chunk))
                )
            ]
            rows += [
                (rid, RecordKind.EXPERIENCE.value, first, last, kind, status)
                for rid, first, last, kind, status in session.execute(
                    select(E.id, E.period_start, E.period_end, E.kind, E.status).where(E.id.in_(chunk))
                )
            ]
            minutes: dict[str, dict[str, int]] = {}
            for rid, code, spent in session.execute(
                select(SA.session_id, SA.domain_code, SA.minutes).where(SA.session_id.in_(chunk))
            ):
                minutes.setdefault(rid, {})[code] = int(spent)
            for rid, code, spent in session.execute(
                select(EA.entry_id, EA.domain_code, EA.minutes).where(EA.entry_id.in_(chunk))
            ):
                minutes.setdefault(rid, {})[code] = int(spent)
            replaced: dict[str, tuple[str, str]] = {}
            for table in (S, E):
                for newer, older, reason in session.execute(
                    select(table.id, table.supersedes_id, table.amendment_reason).where(
                        table.supersedes_id.in_(chunk), table.status == RecordStatus.SIGNED
                    )
                ):
                    replaced[older] = (newer, reason)
            for rid, kind, first, last, fmt, status in rows:
                sign = links.get((rid, SignOffAction.SIGN.value))
                void = links.get((rid, SignOffAction.VOID.value))
                newer, reason = replaced.get(rid, ("", ""))
                if status != RecordStatus.SIGNED.value:
                    shown = DisplayStatus.PENDING.value
                elif void is not None:
                    shown = DisplayStatus.VOIDED.value
                elif newer:
                    shown = DisplayStatus.AMENDED.value
                else:
                    shown = DisplayStatus.SIGNED.value
                found[rid] = SignedRecord(
                    record_id=rid,
                    kind=kind,
                    status=shown,
                    date=_iso(first),
                    date_to=_iso(last),
                    format=str(fmt),
                    minutes=minutes.get(rid, {}),
                    content_hash=sign[0] if sign else "",
                    chain_hash=sign[1] if sign else "",
                    void_chain_hash=void[1] if void else "",
                    void_reason=void[2] if void else "",
                    replaced_by=newer,
                    replaced_reason=reason or "",
                    problem=problems.get(rid, ""),
                )
        return found


def _chunks(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _iso(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


# --------------------------------------------------------------------------------------------
# The check


@dataclass(frozen=True)
class RecordDifference:
    record_id: str
    kind: str
    date: str
    reason: str  # missing, not signed, fails verification, changed, voided, amended, edited
    message: str

    def to_json(self) -> dict[str, str]:
        return {
            "id": self.record_id,
            "kind": self.kind,
            "date": self.date,
            "reason": self.reason,
            "message": self.message,
        }

    def __str__(self) -> str:
        text = (
            _("session {id} ({date}): {message}")
            if self.kind == RecordKind.SESSION.value
            else _("experience entry {id} ({date}): {message}")
        )
        return text.format(id=self.record_id[:8], date=self.date, message=self.message)


@dataclass(frozen=True)
class TotalDifference:
    name: str  # a key of the manifest's totals ("supervision_minutes", "domains.advocacy")
    label: str
    on_form: int
    now: int
    minutes: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "on_form": self.on_form, "now": self.now}

    def __str__(self) -> str:
        if self.minutes:
            return _("{label}: {on_form} h on the form, {now} h now").format(
                label=self.label, on_form=hours(self.on_form), now=hours(self.now)
            )
        return _("{label}: {on_form} on the form, {now} now").format(
            label=self.label, on_form=self.on_form, now=self.now
        )


@dataclass
class FormCheck:
    """The verdict on one form."""

    form: str
    source: str
    serial: str = ""
    fingerprint: str = ""
    supervisee: str = ""
    supervisor: str = ""
    key_fingerprint: str = ""
    date_from: str = ""
    date_to: str = ""
    records_checked: int = 0
    edited: list[str] = field(default_factory=list)  # how the file was changed after printing
    records: list[RecordDifference] = field(default_factory=list)
    totals: list[TotalDifference] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def matches(self) -> bool:
        return not (self.edited or self.records or self.totals)

    def to_json(self) -> dict[str, Any]:
        return {
            "form": self.form,
            "source": self.source,
            "matches": self.matches,
            "serial": self.serial,
            "fingerprint": self.fingerprint,
            "supervisee": self.supervisee,
            "supervisor": self.supervisor,
            "key_fingerprint": self.key_fingerprint,
            "from": self.date_from,
            "to": self.date_to,
            "records_checked": self.records_checked,
            "edited_after_printing": list(self.edited),
            "records": [d.to_json() for d in self.records],
            "totals": [d.to_json() for d in self.totals],
            "notes": list(self.notes),
        }

    def text(self) -> str:
        head = _("Form {serial}").format(serial=self.serial or _("(no serial)"))
        if self.supervisee:
            head += _(": {supervisee}, supervised by {supervisor}").format(
                supervisee=self.supervisee, supervisor=self.supervisor
            )
        if self.date_from:
            head += _(", {date_from} to {date_to}").format(date_from=self.date_from, date_to=self.date_to)
        checked = ngettext(
            "Checked against {source}: {n} records.",
            "Checked against {source}: {n} records.",
            self.records_checked,
        ).format(source=self.source, n=self.records_checked)
        lines = [head, checked]
        if self.matches:
            lines.append(
                _(
                    "MATCHES: every record on the form is signed and verified, unchanged since printing, "
                    "and the totals are equal."
                )
            )
        else:
            lines.append(_("DIFFERS:"))
            if self.edited:
                lines.append("  " + _("The file was edited after printing:"))
                lines.extend(f"    - {text}" for text in self.edited)
            if self.records:
                lines.append("  " + _("Records that differ:"))
                lines.extend(f"    - {d}" for d in self.records)
            if self.totals:
                lines.append("  " + _("Totals that differ:"))
                lines.extend(f"    - {d}" for d in self.totals)
        lines.extend(_("Note: {note}").format(note=note) for note in self.notes)
        return "\n".join(lines)


_TOTAL_LABELS = {
    "supervision_minutes": N_("supervision hours"),
    "individual_minutes": N_("individual supervision hours"),
    "group_minutes": N_("group supervision hours"),
    "sessions": N_("sessions counted"),
    "experience_minutes": N_("experience hours"),
    "experience_entries": N_("experience entries counted"),
}


def _total_label(name: str) -> str:
    """A total of the manifest in words ("supervision hours"), in the current language."""
    label = _TOTAL_LABELS.get(name)
    if label:
        return _(label)
    return _("{domain} supervision hours").format(domain=name.partition(".")[2])


def check_form(form: FormFile, source: RecordSource) -> FormCheck:
    """Whether ``form`` matches the signed records of ``source``, and where it differs."""
    result = FormCheck(form=form.name, source=source.description)
    result.edited.extend(form.edited)
    manifest = form.manifest
    if manifest is None:
        if not form.edited:
            result.edited.append(
                _(
                    "its manifest (the list of what it attests) was removed, so its records cannot be "
                    "checked; print the form again, or check the paper's fingerprint with 'attestations'"
                )
            )
        result.fingerprint = form.printed_fingerprint
        return result
    records = manifest.get("records")
    if not isinstance(records, list) or not all(_well_formed(r) for r in records):
        result.edited.append(_("its manifest's list of records is malformed"))
        return result
    result.serial = str(manifest.get("serial", ""))
    result.fingerprint = str(manifest.get("fingerprint", ""))
    supervisee, supervisor = manifest.get("supervisee") or {}, manifest.get("supervisor") or {}
    result.supervisee = str(supervisee.get("name", "")) if isinstance(supervisee, dict) else ""
    result.supervisor = str(supervisor.get("name", "")) if isinstance(supervisor, dict) else ""
    result.key_fingerprint = (
        str(supervisor.get("key_fingerprint", "")) if isinstance(supervisor, dict) else ""
    )
    result.date_from, result.date_to = str(manifest.get("from", "")), str(manifest.get("to", ""))
    result.records_checked = len(records)

    # The manifest against itself and the printed page.
    recomputed = manifest_fingerprint(records)
    if recomputed != result.fingerprint:
        result.edited.append(
            _(
                "its manifest's fingerprint is not the one its records' signatures give "
                "({manifest} in the manifest, {records} from its records)"
            ).format(manifest=_short(result.fingerprint), records=_short(recomputed))
        )
    if form.printed_fingerprint and form.printed_fingerprint != result.fingerprint:
        result.edited.append(
            _("the fingerprint printed on the page ({printed}) is not the manifest's ({manifest})").format(
                printed=_short(form.printed_fingerprint), manifest=_short(result.fingerprint)
            )
        )
    stated = manifest.get("totals")
    added = manifest_totals(records)
    for name, on_form, adds_up in _compare_totals(stated if isinstance(stated, dict) else {}, added):
        result.edited.append(
            _("its manifest states {stated} but its records add up to {added}").format(
                stated=_total_text(name, on_form), added=_total_text(name, adds_up)
            )
        )

    # Each record against the source.
    known = source.lookup([r["id"] for r in records])
    if records and not known:
        result.notes.append(
            _(
                "None of the form's records are in {source}: the form was printed from "
                "another database (or its records were deleted)."
            ).format(source=source.description)
        )
    now: list[dict[str, Any]] = []
    for record in records:
        found = known.get(record["id"])
        difference = _compare_record(record, found, source.description)
        if difference is not None:
            result.records.append(difference)
        now.append(
            {**record, "status": found.status, "minutes": found.minutes, "format": found.format}
            if found is not None and not found.problem
            else {**record, "status": "missing"}
        )
    current = manifest_totals(now)
    for name, on_form, today in _compare_totals(added, current):
        label = _total_label(name)
        result.totals.append(
            TotalDifference(name, label, on_form, today, minutes=name.endswith("minutes") or "." in name)
        )
    return result


def _well_formed(record: Any) -> bool:
    return (
        isinstance(record, dict)
        and isinstance(record.get("id"), str)
        and isinstance(record.get("minutes"), dict)
        and all(isinstance(m, int) and not isinstance(m, bool) for m in record["minutes"].values())
        and isinstance(record.get("sign"), dict)
        and (record.get("void") is None or isinstance(record.get("void"), dict))
    )


def _compare_totals(first: dict[str, Any], second: dict[str, Any]) -> list[tuple[str, int, int]]:
    """(name, first, second) of each total that differs; per-domain totals as ``domains.CODE``."""
    differ = []
    for name in _TOTAL_LABELS:
        a, b = first.get(name, 0), second.get(name, 0)
        if a != b:
            differ.append((name, a, b))
    first_domains = first.get("domains") if isinstance(first.get("domains"), dict) else {}
    second_domains = second.get("domains") if isinstance(second.get("domains"), dict) else {}
    for code in sorted(set(first_domains) | set(second_domains), key=str):
        a, b = first_domains.get(code, 0), second_domains.get(code, 0)
        if a != b:
            differ.append((f"domains.{code}", a, b))
    return differ


def _total_text(name: str, value: Any) -> str:
    label = _total_label(name)
    if isinstance(value, int) and (name.endswith("minutes") or "." in name):
        return _("{value} {label}").format(value=hours(value), label=label)
    return _("{value} {label}").format(value=value, label=label)


def _short(fingerprint: str) -> str:
    return fingerprint[:16] + "…" if len(fingerprint) > 16 else fingerprint or _("none")


def _compare_record(
    record: dict[str, Any], found: SignedRecord | None, source: str
) -> RecordDifference | None:
    rid, kind, date = record["id"], str(record.get("kind", "")), str(record.get("date", ""))

    def differs(reason: str, message: str) -> RecordDifference:
        return RecordDifference(rid, kind, date, reason, message)

    if found is None:
        return differs("missing", _("not in {source}").format(source=source))
    if found.problem:
        return differs("fails verification", _("fails verification: {problem}").format(problem=found.problem))
    if found.status == DisplayStatus.PENDING.value or not found.chain_hash:
        return differs("not signed", _("not signed"))
    sign = record["sign"]
    if (found.content_hash, found.chain_hash) != (sign.get("content_hash"), sign.get("chain_hash")):
        return differs(
            "changed",
            _("changed since printing: the signature on record now is not the one the form printed"),
        )
    printed = (date, str(record.get("to", "")), str(record.get("format", "")), record["minutes"])
    signed = (found.date, found.date_to, found.format, found.minutes)
    if printed != signed:
        return differs(
            "edited",
            _(
                "the form's manifest says {printed}, the signed record says {signed} (the file was edited)"
            ).format(printed=_describe(*printed), signed=_describe(*signed)),
        )
    shown = record.get("status")
    if shown == found.status:
        if (
            shown == DisplayStatus.VOIDED.value
            and (record.get("void") or {}).get("chain_hash") != found.void_chain_hash
        ):
            return differs("changed", _("voided by another signature than the one the form printed"))
        return None
    if found.status == DisplayStatus.VOIDED.value:
        return differs("voided", _("voided since printing ({reason})").format(reason=found.void_reason))
    if found.status == DisplayStatus.AMENDED.value:
        return differs(
            "amended",
            _("amended since printing: replaced by {newer} ({reason})").format(
                newer=found.replaced_by[:8], reason=found.replaced_reason
            ),
        )
    return differs(
        "edited",
        _("the form shows it {shown}, but it is {status} (the file was edited after printing)").format(
            shown=shown, status=found.status
        ),
    )


def _describe(date: str, date_to: str, fmt: str, minutes: dict[str, int]) -> str:
    when = _("{date} to {date_to}").format(date=date, date_to=date_to) if date_to else date
    spent = ", ".join(f"{code} {hours(m)} h" for code, m in sorted(minutes.items()))
    return f"{when}, {fmt}, {spent}"


def _is_statement_title(title: str) -> bool:
    """Whether a PDF's title is a progress statement's, in any language the app prints one in."""
    return any(
        title.startswith(i18n.translations(code).gettext(STATEMENT_TITLE).split("{")[0])
        for code in i18n.LANGUAGES
    )


__all__ = [
    "DatabaseSource",
    "FormCheck",
    "FormFile",
    "NotAForm",
    "RecordDifference",
    "RecordSource",
    "SignedRecord",
    "TotalDifference",
    "check_form",
    "read_form",
]
