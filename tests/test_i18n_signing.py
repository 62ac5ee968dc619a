"""The signing, records, verification and requirement messages in Spanish (issue 21): a refusal
raised in Spanish keeps its code and params; findings and explanations read in Spanish; English
stays as it was; every message of these services is in the Spanish catalogue part."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import PASSWORD, TODAY, World, experience_fields, session_fields, snapshot, tamper
from supervisor_app import i18n
from supervisor_app.services import form_check, records, signoff
from supervisor_app.services.errors import DomainError
from supervisor_app.services.progress import compute_progress
from supervisor_app.usecases import signing

ROOT = Path(__file__).resolve().parents[1]


def _refusal(world: World, language: str, **overrides) -> DomainError:  # type: ignore[no-untyped-def]
    with i18n.using(language), world.uow() as uow, pytest.raises(DomainError) as caught:
        records.add_session(uow, **session_fields(world, **overrides))
    return caught.value


def test_a_refusal_raised_in_spanish_has_its_placeholders_filled_and_the_same_code_and_params(
    world: World,
) -> None:
    before = snapshot(world.db)
    english = _refusal(world, "en", minutes=65)
    spanish = _refusal(world, "es", minutes=65)
    assert (
        english.message
        == "CRSS supervision is recorded in 15-minute steps; 65 minutes is not (use 60 or 75)."
    )
    assert spanish.message == (
        "La supervisión de CRSS se registra en intervalos de 15 minutos; 65 minutos no lo es (use 60 o 75)."
    )
    assert (spanish.code, spanish.field, dict(spanish.params)) == (
        english.code,
        english.field,
        dict(english.params),
    )
    assert snapshot(world.db) == before  # refused: nothing written


def test_an_input_check_names_its_field_in_spanish(world: World) -> None:
    spanish = _refusal(world, "es", date="2026-02-30")
    assert spanish.message == (
        "Fecha '2026-02-30' no es una fecha; escríbala como AAAA-MM-DD, p. ej., 2026-03-02."
    )
    assert (spanish.code, spanish.field) == ("input.bad_date", "date")


def test_a_counted_refusal_takes_the_spanish_plural(world: World) -> None:
    start = TODAY - dt.timedelta(days=10)
    for days, word in ((1, "día"), (2, "días")):
        fields = experience_fields(
            world,
            period_start=start,
            period_end=start + dt.timedelta(days=days - 1),
            allocations={"advocacy": 13 * 60 * days},
        )
        with i18n.using("es"), world.uow() as uow, pytest.raises(DomainError) as caught:
            records.add_experience(uow, **fields)
        assert caught.value.message == (
            f"{13 * days}.00 horas en {days} {word} son más de 12 horas por día; revise las horas."
        )
        assert caught.value.code == "records.over_12_hours_a_day"


def test_a_signing_refusal_in_spanish_and_in_english(world: World) -> None:
    for language, text in (
        ("en", "Choose at least one record to sign."),
        ("es", "Elija al menos un registro para firmar."),
    ):
        with i18n.using(language), world.uow() as uow, pytest.raises(DomainError) as caught:
            signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[])
        assert (caught.value.message, caught.value.code) == (text, "sign.none_chosen")


def test_a_verification_finding_reads_in_spanish(world: World) -> None:
    with world.uow() as uow:
        rid = records.add_session(uow, **session_fields(world)).id
        uow.commit()
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[rid])
    tamper(world.db.path, "UPDATE supervision_session SET minutes = 120 WHERE id = :rid", rid=rid)
    with i18n.using("es"), world.uow() as uow:
        report = signoff.verify(uow)
    assert [(p.record_id, p.message) for p in report.problems] == [
        (rid, "el contenido cambió después de firmarse (firma #1)")
    ]
    with world.uow() as uow:
        report = signoff.verify(uow)
    assert [p.message for p in report.problems] == ["content changed after it was signed (signature #1)"]


def test_the_explanation_of_progress_reads_in_spanish(world: World) -> None:
    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))
        uow.commit()
    with i18n.using("es"), world.uow() as uow:
        progress = compute_progress(uow, supervisee_id=world.ana)
    assert any(line.startswith("A la supervisión le faltan ") for line in progress.unmet)
    assert (
        "Esperan firma: 1.00 horas de supervisión y 0.00 horas de experiencia (no cuentan hasta que se firmen)."
        in progress.notes
    )
    with world.uow() as uow:
        progress = compute_progress(uow, supervisee_id=world.ana)
    assert any(line.startswith("Supervision needs ") for line in progress.unmet)


def test_a_file_that_is_no_form_is_refused_in_spanish() -> None:
    with i18n.using("es"), pytest.raises(form_check.NotAForm) as caught:
        form_check.read_form(b"not a pdf at all")
    assert caught.value.message.startswith("el archivo no es un PDF que se pueda leer (")
    assert caught.value.code == "form.unreadable"
