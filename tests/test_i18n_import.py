"""The import's problems and report, and the people services' refusals, in Spanish (issue 21).

The messages are written with supervisor_app.i18n: under ``i18n.using("es")`` they come out of
the Spanish catalogue with their placeholders (line numbers, values) filled, while the codes,
the params, the report's JSON and the database stay as they are. English stays the default.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import conftest
from conftest import TODAY, World, snapshot
from supervisor_app import i18n
from supervisor_app.services import import_format, people, supervisors
from supervisor_app.services.errors import DomainError
from supervisor_app.usecases import transfer

ROOT = Path(__file__).resolve().parents[1]
D1 = (TODAY - dt.timedelta(days=2)).isoformat()
COLUMNS = [*import_format.FIXED_COLUMNS, "advocacy", "mentoring", "recovery-support"]


def session_row(**overrides: Any) -> dict[str, Any]:
    row = {
        "record": "session",
        "supervisor": "Dana Whitaker",
        "supervisees": "Ana Example",
        "date": D1,
        "start": "10:00",
        "minutes": "60",
        "format": "individual",
        "modality": "in-person",
        "advocacy": "30",
        "mentoring": "30",
    }
    row.update(overrides)
    return row


def experience_row(**overrides: Any) -> dict[str, Any]:
    row = {
        "record": "experience",
        "supervisor": "Dana Whitaker",
        "supervisees": "Carla Núñez",
        "from": (TODAY - dt.timedelta(days=30)).isoformat(),
        "to": (TODAY - dt.timedelta(days=24)).isoformat(),
        "kind": "paid",
        "recovery-support": "1200",
        "advocacy": "600",
    }
    row.update(overrides)
    return row


def write(tmp_path: Path, name: str, rows: list[dict[str, Any]], columns: list[str] = COLUMNS) -> Path:
    path = tmp_path / name
    path.write_bytes(conftest.csv_bytes(rows, columns))
    return path


def test_a_bad_spreadsheet_in_spanish_names_each_row_its_problem_and_writes_nothing(
    world: World, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "malo.csv",
        [
            session_row(),  # line 2: good
            session_row(supervisees="Zoe Nobody", start="14:00"),  # line 3
            session_row(record="visit", start="16:00"),  # line 4
            experience_row(minutes="999"),  # line 5: the domains add up to 1800
        ],
    )
    before = snapshot(world.db)
    with i18n.using("es"):
        report = transfer.import_records(world.db, "test", path)
        text = report.text()
        summary = report.summary()
    assert snapshot(world.db) == before
    assert not report.written and report.sessions == report.experience == 0
    assert [(n.line, n.column) for n in report.errors] == [(3, "supervisees"), (4, "record"), (5, "minutes")]
    lines = text.splitlines()
    assert lines[0] == (
        "línea 3 [supervisees]: No hay ninguna persona supervisada 'Zoe Nobody' (se buscó un nombre, "
        "un número de ICB y un id). Primero agregue a la persona supervisada en la aplicación, o "
        "corrija cómo está escrito."
    )
    assert lines[1] == "línea 4 [record]: La columna record debe decir session o experience (dice 'visit')."
    assert lines[2] == (
        "línea 5 [minutes]: Las columnas de dominio suman 1800 minutos, pero la columna minutes dice 999."
    )
    assert summary == lines[-1]
    assert summary == (
        "No se importó nada de malo.csv: primero hay que corregir 3 problemas (se importan todas las "
        "filas o ninguna)."
    )
    # What a program reads stays as it was: the JSON's keys, lines and column names.
    data = report.to_json()
    assert data["ok"] is False and [e["line"] for e in data["errors"]] == [3, 4, 5]

    # The same file in the default language: the English words, unchanged.
    english = transfer.import_records(world.db, "test", path)
    assert english.errors[1].message == "record must be session or experience (it is 'visit')."
    assert english.summary().startswith("Nothing was imported from malo.csv: 3 problems must be fixed first")
    assert snapshot(world.db) == before


def test_a_dry_run_in_spanish_counts_what_would_be_imported_and_the_skipped_duplicate(
    world: World, tmp_path: Path
) -> None:
    path = write(tmp_path, "bueno.csv", [session_row(), experience_row(), session_row()])
    before = snapshot(world.db)
    with i18n.using("es"):
        report = transfer.import_records(world.db, "test", path, dry_run=True)
        summary = report.summary()
        duplicate = str(report.duplicates[0])
    assert snapshot(world.db) == before
    assert summary == (
        "Se importarían 1 sesión y 1 registro de experiencia de bueno.csv; se omitió 1 fila "
        "duplicada. Simulación: no se guardó nada."
    )
    assert duplicate == f"línea 4: repite la línea 2 (sesión del {D1} a las 10:00, 60 min)."


def test_a_file_problem_in_spanish_says_what_to_do_in_excel(world: World, tmp_path: Path) -> None:
    pdf = tmp_path / "horas.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    missing = write(tmp_path, "sin_columnas.csv", [{"date": D1}], columns=["date", "advocacy"])
    before = snapshot(world.db)
    with i18n.using("es"):
        wrong_type = transfer.import_records(world.db, "test", pdf).text().splitlines()
        no_columns = transfer.import_records(world.db, "test", missing).errors[0]
    assert snapshot(world.db) == before
    assert wrong_type[0] == (
        "archivo: Solo se pueden importar archivos .csv y .xlsx (este es .pdf). En Excel, use "
        "Archivo > Guardar como y elija 'Libro de Excel (*.xlsx)' o 'CSV UTF-8 (delimitado por comas)'."
    )
    assert (no_columns.line, no_columns.message) == (
        1,
        "Al encabezado le faltan las columnas obligatorias record, supervisor, supervisees. "
        "La primera fila debe nombrar las columnas (vea la plantilla).",
    )


def test_a_people_refusal_in_spanish_keeps_its_code_and_params_and_changes_nothing(world: World) -> None:
    before = snapshot(world.db)
    with world.uow() as uow, i18n.using("es"), pytest.raises(DomainError) as refused:
        people.add_supervisee(uow, name="Luz Ejemplo", credential="XYZ", supervisor_id=world.dana)
    assert snapshot(world.db) == before
    error = refused.value
    assert error.message.startswith("Credencial desconocida: 'XYZ'. Credenciales conocidas: ")
    assert "CRSS" in error.message
    assert (error.code, error.field, error.params) == (
        "supervisee.unknown_credential",
        "credential",
        {"credential": "XYZ"},
    )
    with world.uow() as uow, pytest.raises(DomainError) as english:
        people.add_supervisee(uow, name="Luz Ejemplo", credential="XYZ", supervisor_id=world.dana)
    assert english.value.message.startswith("Unknown credential 'XYZ'. Known credentials: ")
    assert snapshot(world.db) == before


def test_a_supervisor_who_leaves_without_a_successor_is_refused_in_spanish_with_the_count(
    world: World,
) -> None:
    before = snapshot(world.db)
    with world.uow() as uow, i18n.using("es"), pytest.raises(DomainError) as refused:
        supervisors.supervisor_leaves(uow, supervisor_id=world.dana, today=TODAY)
    assert snapshot(world.db) == before
    assert refused.value.message == "Dana Whitaker tiene 4 supervisados; elija al sucesor que se hará cargo."
    assert refused.value.code == "handover.successor_needed"
    with world.uow() as uow, i18n.using("es"), pytest.raises(DomainError) as again:
        people.set_active(uow, supervisor_id=world.rafael, active=True)
    assert again.value.message == "Rafael Ortiz ya está activo."
    assert snapshot(world.db) == before
