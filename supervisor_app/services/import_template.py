"""The import template: the header, example rows and, in an XLSX, a sheet explaining every column."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from supervisor_app.i18n import _
from supervisor_app.services.errors import DomainError
from supervisor_app.services.exporting import write_file
from supervisor_app.services.import_format import (
    COLUMNS,
    DOMAIN_COLUMN_HELP,
    EXAMPLE_SUPERVISEES,
    EXAMPLE_SUPERVISOR,
    EXPERIENCE,
    FIXED_COLUMNS,
    HELP_SHEET,
    SESSION,
    TEMPLATE_SHEET,
    domain_columns,
    domain_credentials,
)
from supervisor_app.services.profile_registry import ProfileRegistry
from supervisor_app.services.spreadsheet import cell_value, csv_bytes, neutralise, xlsx_bytes


def write_template(
    path: str | os.PathLike[str],
    *,
    credentials: Sequence[str] | None = None,
    profiles: ProfileRegistry | None = None,
) -> Path:
    """Write an import template (CSV or XLSX, by the suffix): the header, example rows and,
    in an XLSX, a second sheet explaining every column. ``credentials`` limits the domain
    columns (default: every credential's)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise DomainError(
            _("The template is written as .csv or .xlsx; choose one of those."),
            field="path",
            code="template.file_type",
        )
    if profiles is None:
        from supervisor_app.storage import user_data_dir

        profiles = ProfileRegistry.load(user_dir=user_data_dir() / "credentials")
    if credentials:
        for code in credentials:
            if code not in profiles:
                raise DomainError(
                    _("Unknown credential {credential!r}.").format(credential=code),
                    field="credentials",
                    code="template.unknown_credential",
                    params={"credential": code},
                )
    domains = domain_columns(profiles, credentials)
    header = list(FIXED_COLUMNS) + domains
    first = profiles.get((credentials or domain_credentials(profiles))[0])
    codes = list(first.domain_codes)
    peer, second = EXAMPLE_SUPERVISEES
    examples = [
        {
            "record": SESSION, "supervisor": EXAMPLE_SUPERVISOR, "supervisees": peer,
            "date": "2025-03-04", "start": "10:00", "minutes": 60, "format": "individual",
            "modality": "in-person", "site": "Main office", "topics": "Boundaries and self-care",
            codes[0]: 30, codes[1 % len(codes)]: 30,
        },
        {
            "record": SESSION, "supervisor": EXAMPLE_SUPERVISOR, "supervisees": f"{peer}; {second}",
            "date": "2025-03-06", "start": "14:00", "minutes": 90, "format": "group",
            "modality": "video", "topics": "Sharing lived experience with purpose",
            codes[-1]: 90,
        },
        {
            "record": EXPERIENCE, "supervisor": EXAMPLE_SUPERVISOR, "supervisees": peer,
            "from": "2025-03-03", "to": "2025-03-07", "minutes": 1800, "setting": "Drop-in center",
            "kind": "paid", codes[-1]: 1200, codes[0]: 600,
        },
    ]  # fmt: skip
    rows = [[cell_value(example.get(name)) for name in header] for example in examples]
    if suffix == ".csv":
        write_file(path, csv_bytes(header, rows))
        return path
    help_rows: list[list[Any]] = [
        [c.name, c.session or "leave empty", c.experience or "leave empty", c.help, c.example]
        for c in COLUMNS
    ]
    help_rows.append(["(domain columns)", "at least one", "at least one", DOMAIN_COLUMN_HELP, "30"])
    help_rows.append([])
    for code in domain_credentials(profiles, credentials):
        profile = profiles.get(code)
        extra = " (and general)" if profile.supervision.allow_general.value else ""
        help_rows.append(
            [f"{profile.code} domains", "", "", ", ".join(profile.domain_codes) + extra, profile.name]
        )
    help_rows.append([])
    for note in IMPORT_RULES:
        help_rows.append(["rule", "", "", note, ""])
    from supervisor_app.services import training_import  # the Training sheet (issue 20)

    help_rows += training_import.help_rows(profiles, credentials)
    help_rows = [[neutralise(v) if isinstance(v, str) else v for v in r] for r in help_rows]
    data = xlsx_bytes(
        [
            (TEMPLATE_SHEET, header, rows),
            training_import.template_sheet(profiles, credentials),
            (
                HELP_SHEET,
                ["column", "session rows", "experience rows", "what to write", "example"],
                help_rows,
            ),
        ]
    )
    write_file(path, data)
    return path


IMPORT_RULES = (
    "The first row names the columns; their order does not matter. Delete the example rows.",
    "All or nothing: if any row breaks a rule, nothing is imported and the report lists every bad row "
    "with its line number.",
    "A row identical to a record already in the app (same supervisor, supervisees, date, start and "
    "minutes; for experience the same supervisee and period) or to an earlier row is skipped and reported.",
    "Imported records arrive pending: review them in the app and sign them.",
    "Dates are YYYY-MM-DD, times HH:MM, minutes whole numbers. Cells must hold values, not formulas.",
    "CSV files must be UTF-8 (Excel: Save As > CSV UTF-8). Text starting with = + - or @ is stored as "
    "plain text; one protective leading ' (as the app's exports write) is removed.",
)
