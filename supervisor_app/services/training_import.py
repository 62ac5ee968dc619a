"""Import training entries from CSV or XLSX, all or nothing, like records.

The file (a CSV, or the ``Training`` sheet of an XLSX: the import template has one) has one
training a row: ``supervisee`` or ``supervisor`` (whose training: a name, ``Name [ICB]`` or an
id), ``from``, ``to``, ``title``, ``provider``, ``delivery`` and one column per topic area
(its code) holding **hours**. Every row goes through :func:`training.check_training`; if any
row is wrong, the report lists every bad row with its line and nothing is written. A row equal
to a training already recorded (same person, dates and title) or to an earlier row is skipped
and reported. Imported training is self-reported until a supervisor confirms it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import N_, _, ngettext
from supervisor_app.models import TrainingEntry
from supervisor_app.services import audit, training
from supervisor_app.services.errors import DomainError
from supervisor_app.services.exporting import write_file
from supervisor_app.services.import_format import EXAMPLE_SUPERVISEES, RowNote, RowsReport, domain_credentials
from supervisor_app.services.importing import People
from supervisor_app.services.person_credentials import Person
from supervisor_app.services.profile_registry import ProfileRegistry
from supervisor_app.services.spreadsheet import cell_value, csv_bytes, header_key, read_table, text_cell
from supervisor_app.services.spreadsheet_limits import FileProblem
from supervisor_app.units import hours

SHEET = "Training"
COLUMNS = ("supervisee", "supervisor", "from", "to", "title", "provider", "delivery")
HELP = {
    "supervisee": "whose training: a supervisee's name, 'Name [ICB id]' or id (or leave empty and fill supervisor)",
    "supervisor": "or a supervisor's own training (CEUs): name, 'Name [ICB number]' or id",
    "from": "first day, YYYY-MM-DD",
    "to": "last day, YYYY-MM-DD (empty: the same day)",
    "title": "the training's title, as on the certificate",
    "provider": "who gave it",
    "delivery": "in-person or online",
}


def area_columns(profiles: ProfileRegistry, credentials: Sequence[str] | None = None) -> list[str]:
    codes: dict[str, None] = {}
    for code in domain_credentials(profiles, credentials):
        codes.update(dict.fromkeys(profiles.get(code).training_area_codes))
    return list(codes)


def template_sheet(
    profiles: ProfileRegistry, credentials: Sequence[str] | None = None
) -> tuple[str, list[str], list[list[Any]]]:
    """The template's Training sheet: header and one example row."""
    header = list(COLUMNS) + area_columns(profiles, credentials)
    example = {
        "supervisee": EXAMPLE_SUPERVISEES[0],
        "from": "2025-02-10",
        "to": "2025-02-11",
        "title": "Ethics for peer workers",
        "provider": "Example Training Institute",
        "delivery": "in-person",
        "ethics": 6,
    }
    return SHEET, header, [[cell_value(example.get(name)) for name in header]]


def help_rows(profiles: ProfileRegistry, credentials: Sequence[str] | None = None) -> list[list[Any]]:
    """Rows for the template's Columns sheet, explaining the Training sheet."""
    rows: list[list[Any]] = [
        [],
        ["Training sheet", "", "", "one training a row; imported all or nothing", ""],
    ]
    rows += [[name, "", "", text, ""] for name, text in HELP.items()]
    rows.append(["(area columns)", "", "", "hours in each topic area (e.g. 1.5); at least one", "6"])
    for code in domain_credentials(profiles, credentials):
        profile = profiles.get(code)
        rows.append([f"{profile.code} training areas", "", "", ", ".join(profile.training_area_codes), ""])
    return rows


def write_template(path: str | Path, *, profiles: ProfileRegistry) -> Path:
    """A CSV template for training alone (an XLSX template has a Training sheet)."""
    path = Path(path)
    if path.suffix.lower() != ".csv":
        raise DomainError(
            _("The training template is a .csv file; an .xlsx template has a Training sheet already."),
            field="path",
            code="template.training_file_type",
        )
    _sheet, header, rows = template_sheet(profiles)
    write_file(path, csv_bytes(header, rows))
    return path


@dataclass
class TrainingImportReport(RowsReport):
    imported: int = 0
    entry_ids: list[str] = field(default_factory=list)

    _none_below = N_("training")

    def _imported(self, verb: str, name: str) -> str:
        # One sentence per case (not ``verb``), so a translation can word each whole.
        params = {"n": self.imported, "hours": hours(self.minutes), "name": name}
        if self.dry_run:
            return ngettext(
                "{n} training entry ({hours} h) would be imported from {name}",
                "{n} training entries ({hours} h) would be imported from {name}",
                self.imported,
            ).format(**params)
        return ngettext(
            "{n} training entry ({hours} h) imported from {name}",
            "{n} training entries ({hours} h) imported from {name}",
            self.imported,
        ).format(**params)

    def _afterwards(self) -> str:
        return _("They are self-reported until a supervisor confirms them.") if self.imported else ""

    def to_json(self) -> dict[str, Any]:
        def notes(items: list[RowNote]) -> list[dict[str, Any]]:
            return [{"line": n.line, "column": n.column, "message": n.message} for n in items]

        return {
            "path": self.path,
            "dry_run": self.dry_run,
            "ok": self.ok,
            "rows": self.rows,
            "imported": self.imported,
            "minutes": self.minutes,
            "entry_ids": list(self.entry_ids),
            "duplicates": notes(self.duplicates),
            "errors": notes(self.errors),
        }


def is_training_file(path: Path) -> bool:
    """True if the file's header (or its XLSX Training sheet) has a title column."""
    try:
        table = read_table(path, SHEET)
    except (FileProblem, DomainError):
        return False
    header = {header_key(str(h)) for h in table.header if h is not None}
    return "title" in header and ("supervisee" in header or "supervisor" in header)


def import_training(
    uow: UnitOfWork, path: str | Path, *, dry_run: bool = False, today: dt.date | None = None
) -> TrainingImportReport:
    """Check every row, then write them all or nothing: flushed, ``report.written`` set, for the
    caller to commit (:func:`supervisor_app.usecases.transfer.import_training`)."""
    path = Path(path)
    report = TrainingImportReport(str(path), dry_run=dry_run)
    try:
        table = read_table(path, SHEET)
    except FileProblem as exc:
        report.errors.append(RowNote(getattr(exc, "line", None), str(exc)))
        return report
    columns: dict[str, int] = {}
    areas: dict[str, int] = {}
    known_areas = set(area_columns(uow.db.profiles))
    for index, raw in enumerate(table.header):
        if raw is None or not str(raw).strip():
            continue
        key = header_key(str(raw))
        target = columns if key in COLUMNS else areas if key in known_areas else None
        if target is None:
            report.errors.append(
                RowNote(
                    table.header_line,
                    _(
                        "Unknown column {column!r}: the training columns are {columns} and the topic areas "
                        "({areas})."
                    ).format(
                        column=str(raw), columns=", ".join(COLUMNS), areas=", ".join(sorted(known_areas))
                    ),
                )
            )
            continue
        if key in target:
            report.errors.append(
                RowNote(table.header_line, _("The column {column!r} appears twice.").format(column=key))
            )
        target[key] = index
    for needed in ("from", "title"):
        if needed not in columns:
            report.errors.append(
                RowNote(table.header_line, _("The column {column!r} is missing.").format(column=needed))
            )
    if "supervisee" not in columns and "supervisor" not in columns:
        report.errors.append(
            RowNote(table.header_line, _("A column 'supervisee' or 'supervisor' is needed."))
        )
    if report.errors:
        return report
    people = People(uow)
    existing = {
        (row[0], row[1], row[2], row[3], row[4].casefold())
        for row in uow.session.execute(
            select(
                TrainingEntry.supervisee_id,
                TrainingEntry.supervisor_id,
                TrainingEntry.date_from,
                TrainingEntry.date_to,
                TrainingEntry.title,
            )
        )
    }
    checked: list[tuple[Person, training.TrainingValues]] = []
    for line, cells in table.rows:
        report.rows += 1

        def cell(name: str, cells: list[Any] = cells) -> str:
            index = columns.get(name)
            return text_cell(cells[index], name) if index is not None and index < len(cells) else ""

        column = None
        try:
            column = "supervisee"
            supervisee, supervisor = cell("supervisee").strip(), cell("supervisor").strip()
            if bool(supervisee) == bool(supervisor):
                raise DomainError(
                    _("Fill exactly one of supervisee and supervisor: whose training it is."),
                    code="training.one_person",
                )
            if supervisee:
                person = Person(
                    supervisee_id=people.find(supervisee, role="supervisee", column="supervisee").id
                )
            else:
                column = "supervisor"
                person = Person(
                    supervisor_id=people.find(supervisor, role="supervisor", column="supervisor").id
                )
            allocations = {}
            for code, index in areas.items():
                column = code
                value = text_cell(cells[index], code).strip() if index < len(cells) else ""
                if value:
                    allocations[code] = training.parse_hours(value, field=code, label=code)
            column = None
            values = training.check_training(
                uow,
                person=person,
                date_from=cell("from"),
                date_to=cell("to") or None,
                title=cell("title"),
                provider=cell("provider"),
                delivery=cell("delivery") or "in-person",
                allocations=allocations,
                today=today,
            )
        except DomainError as exc:
            report.errors.append(RowNote(line, exc.message, exc.field or column))
            continue
        key = (
            person.supervisee_id,
            person.supervisor_id,
            values.date_from,
            values.date_to,
            values.title.casefold(),
        )
        if key in existing:
            report.duplicates.append(
                RowNote(
                    line,
                    _("{title} ({date}) is already recorded.").format(
                        title=values.title, date=values.date_from.isoformat()
                    ),
                )
            )
            continue
        existing.add(key)
        checked.append((person, values))
    if report.errors or dry_run:
        report.imported = len(checked) if not report.errors else 0
        report.minutes = (
            sum(sum(v.allocations.values()) for _person, v in checked) if not report.errors else 0
        )
        return report
    for person, values in checked:
        report.entry_ids.append(training.add_training(uow, person=person, today=today, **values.__dict__))
    report.imported = len(checked)
    report.minutes = sum(sum(v.allocations.values()) for _person, v in checked)
    audit.log(uow, audit.AuditAction.IMPORT, details={"training_file": path.name, "entries": report.imported})
    report.written = True
    return report
