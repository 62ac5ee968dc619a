"""Exporting: everything for the agency's archive, and the standing records in the import format.

:func:`export_csv` (one CSV per table) and :func:`export_json` (one file) write everything
except sign-in secrets. :func:`export_import_file` writes the standing sessions and experience
in the import format, so records can move between databases. Text is neutralised as
:mod:`spreadsheet` describes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy import text as sql_text

from supervisor_app import __version__
from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.models import (
    Base,
    DisplayStatus,
    ExperienceEntry,
    Supervisee,
    SupervisionSession,
    Supervisor,
)
from supervisor_app.services import audit, records
from supervisor_app.services.errors import DomainError
from supervisor_app.services.import_format import (
    EXPERIENCE,
    FIXED_COLUMNS,
    SESSION,
    TEMPLATE_SHEET,
    domain_columns,
)
from supervisor_app.services.spreadsheet import cell_value, csv_bytes, json_value, xlsx_bytes
from supervisor_app.storage import write_private

FORMAT_VERSION = 1
"""Version of the import column format and of the JSON export layout."""

# --------------------------------------------------------------------------------------------
# Writing files


def write_file(path: Path, data: bytes) -> None:
    """Write next to the target and rename, so a crash never leaves half a file; the user's
    eyes only (exports hold names and supervision topics)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, data)


# --------------------------------------------------------------------------------------------
# Export in the import format


def _person_ref(person: Supervisor | Supervisee) -> str:
    icb = person.icb_number if isinstance(person, Supervisor) else person.icb_id
    return f"{person.name} [{icb}]" if icb else person.name


def import_rows(uow: UnitOfWork) -> tuple[list[str], list[list[Any]]]:
    """The standing records (pending, and signed ones neither amended nor voided) as rows of
    the import format, oldest first: (header, rows) with plain values. A pending amendment is
    left out: its signed original stands until it is signed, and both rows would count twice
    in the database they are imported into."""
    standing = (DisplayStatus.PENDING.value, DisplayStatus.SIGNED.value)

    def stands(record: dict[str, Any]) -> bool:
        return record["status"] in standing and not (
            record["status"] == DisplayStatus.PENDING.value and record.get("supersedes")
        )

    sessions = [s for s in records.list_records(uow, "session") if stands(s)]
    entries = [e for e in records.list_records(uow, "experience") if stands(e)]
    supervisors = {p.id: p for p in uow.session.scalars(select(Supervisor))}
    supervisees = {p.id: p for p in uow.session.scalars(select(Supervisee))}
    used = {code for item in sessions + entries for code in item["allocations"]}
    domains = [c for c in domain_columns(uow.db.profiles) if c in used]
    domains += sorted(used - set(domains))
    if not domains:
        domains = domain_columns(uow.db.profiles)
    header = list(FIXED_COLUMNS) + domains
    body: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    for s in sessions:
        row = {
            "record": SESSION,
            "supervisor": _person_ref(supervisors[s["supervisor_id"]]),
            "supervisees": "; ".join(_person_ref(supervisees[i]) for i in s["supervisee_ids"]),
            "date": dt.date.fromisoformat(s["date"]),
            "start": dt.time.fromisoformat(s["start"]) if s["start"] else None,
            "minutes": s["minutes"],
            "format": s["format"],
            "modality": s["modality"],
            "site": s["site"],
            "topics": s["topics"],
            **s["allocations"],
        }
        body.append(((s["date"], s["start"] or "", s["id"]), row))
    for e in entries:
        row = {
            "record": EXPERIENCE,
            "supervisor": _person_ref(supervisors[e["supervisor_id"]]),
            "supervisees": _person_ref(supervisees[e["supervisee_id"]]),
            "from": dt.date.fromisoformat(e["from"]),
            "to": dt.date.fromisoformat(e["to"]),
            "minutes": e["minutes"],
            "setting": e["setting"],
            "kind": e["kind"],
            **e["allocations"],
        }
        body.append(((e["from"], "", e["id"]), row))
    body.sort(key=lambda item: item[0])
    return header, [[row.get(name) for name in header] for _key, row in body]


def export_import_file(uow: UnitOfWork, path: str | os.PathLike[str]) -> ExportResult:
    """Write the standing sessions and experience in the import format (CSV or XLSX by the
    suffix), so another database can :func:`import_file` them; ``rows["records"]`` is the
    number of rows. People are named as ``Name [ICB id]`` (or the name alone without an ICB
    id): create the same people in the other database first. Only reads: the caller logs
    ``result.details`` with :func:`log_export` in a short write of its own."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise DomainError(
            _("Records are exported for import as .csv or .xlsx; choose one of those."),
            field="path",
            code="export.file_type",
        )
    header, rows = import_rows(uow)
    if suffix == ".csv":
        cells = [[cell_value(v) for v in row] for row in rows]
        write_file(path, csv_bytes(header, cells))
    else:
        cells = [[v if isinstance(v, dt.date | dt.time) else cell_value(v) for v in row] for row in rows]
        write_file(path, xlsx_bytes([(TEMPLATE_SHEET, header, cells)]))
    details = {"format": f"import-{suffix[1:]}", "file": path.name, "rows": len(rows)}
    return ExportResult([path], {"records": len(rows)}, details)


# --------------------------------------------------------------------------------------------
# Export for the archive

EXPORT_TABLES = tuple(t.name for t in Base.metadata.sorted_tables)
"""Every table, in export order: each after the tables it refers to (the metadata's order)."""

SECRET_COLUMNS = {
    "supervisor": frozenset({"password_hash", "recovery_key_hash", "failed_attempts", "locked_until"}),
    # The private key, sealed under the password: an offline guessing target, never exported.
    "supervisor_key": frozenset({"sealed_private_key"}),
}
"""Columns never exported: sign-in secrets and lock-out state."""


def _secret(table: str, column: str) -> bool:
    lowered = column.lower()
    return column in SECRET_COLUMNS.get(table, ()) or "password" in lowered or "secret" in lowered


def export_tables(uow: UnitOfWork) -> dict[str, tuple[list[str], list[dict[str, Any]]]]:
    """Every table as (columns, rows of plain Python values), secrets left out.

    Sessions and experience entries gain ``display_status`` (pending, signed, amended,
    voided) and a readable summary of their attendees and allocations; the link tables are
    exported as well.
    """
    result: dict[str, tuple[list[str], list[dict[str, Any]]]] = {}
    for table in Base.metadata.sorted_tables:
        columns = [c for c in table.columns if not _secret(table.name, c.name)]
        order = list(table.primary_key.columns) or columns[:1]
        rows = [dict(r._mapping) for r in uow.session.execute(select(*columns).order_by(*order))]
        result[table.name] = ([c.name for c in columns], rows)

    def group(link: str, key: str, value: Any) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for row in result.get(link, ([], []))[1]:
            grouped.setdefault(row[key], []).append(value(row))
        return grouped

    attendees = group("session_attendee", "session_id", lambda r: str(r["supervisee_id"]))
    session_allocations = group(
        "session_allocation", "session_id", lambda r: f"{r['domain_code']}={r['minutes']}"
    )
    entry_allocations = group(
        "experience_allocation", "entry_id", lambda r: f"{r['domain_code']}={r['minutes']}"
    )
    for name, model, extras in (
        ("supervision_session", SupervisionSession, (("supervisee_ids", attendees), ("allocations", session_allocations))),
        ("experience_entry", ExperienceEntry, (("allocations", entry_allocations),)),
    ):  # fmt: skip
        if name not in result:
            continue
        statuses = dict(uow.session.execute(select(model.id, records.display_status_sql(model))).all())
        columns, rows = result[name]
        for row in rows:
            row["display_status"] = statuses.get(row["id"])
            for extra, values in extras:
                row[extra] = ";".join(values.get(row["id"], []))
        columns.extend(["display_status", *(extra for extra, _values in extras)])
    return result


def _schema_revision(uow: UnitOfWork) -> str | None:
    # In the unit of work's own connection: the same snapshot as the tables.
    row = uow.session.execute(sql_text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


def log_export(uow: UnitOfWork, details: dict[str, Any]) -> None:
    """Record an export in the audit trail (flushed; the caller commits). Not in a read-only
    copy, which cannot write its audit trail (the export itself is harmless)."""
    if getattr(uow.db, "readonly", False):
        return
    audit.log(uow, audit.AuditAction.EXPORT, details=details)


@dataclass(frozen=True)
class ExportResult:
    files: list[Path]
    rows: dict[str, int]
    details: dict[str, Any] = field(default_factory=dict)
    """What the audit trail records of the export (:func:`log_export`)."""


def export_csv(uow: UnitOfWork, folder: str | os.PathLike[str]) -> ExportResult:
    """One CSV per table (``<table>.csv``, UTF-8 with BOM) in ``folder``, created if needed.

    Text a spreadsheet would run as a formula is neutralised; numbers stay numbers. Sign-in
    secrets are never written. Only reads (best in a reading unit of work): the caller logs
    ``result.details`` with :func:`log_export`.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise DomainError(
            _("{folder} is a file; export needs a folder.").format(folder=folder),
            field="out",
            code="export.not_a_folder",
            params={"folder": folder},
        )
    tables = export_tables(uow)
    files: list[Path] = []
    for name, (columns, rows) in tables.items():
        target = folder / f"{name}.csv"
        write_file(target, csv_bytes(columns, ([cell_value(r[c]) for c in columns] for r in rows)))
        files.append(target)
    counts = {name: len(rows) for name, (_columns, rows) in tables.items()}
    return ExportResult(files, counts, {"format": "csv", "folder": str(folder), "rows": counts})


def export_json(uow: UnitOfWork, path: str | os.PathLike[str]) -> ExportResult:
    """Every table in one JSON file: ``{"format", "version", "exported_at", "schema_revision",
    "app_version", "tables": {name: [row, ...]}}``. Text is neutralised as in the CSV export.
    Only reads, as :func:`export_csv`."""
    path = Path(path)
    if path.is_dir():
        raise DomainError(
            _("{path} is a folder; give a file name for the JSON export.").format(path=path),
            field="json",
            code="export.is_a_folder",
            params={"path": path},
        )
    tables = export_tables(uow)
    document = {
        "format": "supervisor_app-export",
        "version": FORMAT_VERSION,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(),
        "schema_revision": _schema_revision(uow),
        "app_version": __version__,
        "formula_neutralised": "text beginning with = + - @ tab CR or ' carries one extra leading '",
        "tables": {
            name: [{c: json_value(row[c]) for c in columns} for row in rows]
            for name, (columns, rows) in tables.items()
        },
    }
    data = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    write_file(path, data)
    counts = {name: len(rows) for name, (_columns, rows) in tables.items()}
    return ExportResult([path], counts, {"format": "json", "file": path.name, "rows": counts})
