"""Spanish from the people, training, due, profile and hours-file services (issue 21): each
refusal raised under ``i18n.using("es")`` is in Spanish with its values filled in, the same code
and params as in English, and nothing changed; ``--json`` data stays English."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from conftest import PASSWORD, TODAY, World, snapshot
from supervisor_app import i18n
from supervisor_app.db import Database
from supervisor_app.models import utcnow
from supervisor_app.services import auth, due, hours_files, people, person_credentials, profiles, training
from supervisor_app.services.errors import DomainError
from supervisor_app.services.person_credentials import Person

ROOT = Path(__file__).resolve().parents[1]


def attempts(world: World) -> tuple[int, bool]:
    with world.uow() as uow:
        dana = people.get_supervisor(uow, world.dana)
        return dana.failed_attempts, dana.locked_until is not None


def test_wrong_passwords_and_the_lock_out_are_refused_in_spanish_counted_in_their_plurals(
    world: World,
) -> None:
    with i18n.using("es"):
        with world.uow() as uow, pytest.raises(auth.WrongPassword) as refused:
            auth.new_recovery_key_for(uow, supervisor_id=world.dana, password="not it at all")
        assert str(refused.value) == (
            "Contraseña incorrecta para Dana Whitaker. Quedan 4 intentos antes de que la firma se "
            "bloquee durante 5 minutos."
        )
        assert refused.value.code == "auth.wrong_password"
        assert dict(refused.value.params) == {"supervisor": "Dana Whitaker", "attempts_left": 4, "minutes": 5}
        for attempt in range(3):
            with world.uow() as uow, pytest.raises(auth.WrongPassword) as refused:
                auth.new_recovery_key_for(uow, supervisor_id=world.dana, password=f"wrong guess {attempt}")
        assert str(refused.value) == (
            "Contraseña incorrecta para Dana Whitaker. Queda 1 intento antes de que la firma se "
            "bloquee durante 5 minutos."
        )
        with world.uow() as uow, pytest.raises(auth.WrongPassword) as refused:
            auth.new_recovery_key_for(uow, supervisor_id=world.dana, password="the fifth")
        assert str(refused.value) == (
            "Contraseña incorrecta. La firma queda bloqueada para Dana Whitaker durante 5 minutos."
        )
        assert refused.value.code == "auth.wrong_password_locked"
        assert attempts(world) == (0, True)

        # Locked: even the right password is refused, in minutes counted down, and nothing changes.
        before = snapshot(world.db)
        with world.uow() as uow, pytest.raises(DomainError) as locked:
            auth.authenticate(uow, supervisor_id=world.dana, password=PASSWORD)
        assert str(locked.value) == (
            "La firma está bloqueada para Dana Whitaker después de 5 contraseñas incorrectas. "
            "Vuelva a intentarlo en aproximadamente 5 minutos."
        )
        assert locked.value.code == "auth.locked" and locked.value.params["minutes"] == 5
        almost = utcnow() + dt.timedelta(minutes=4, seconds=30)
        with world.uow() as uow, pytest.raises(DomainError) as locked:
            auth.authenticate(uow, supervisor_id=world.dana, password=PASSWORD, now=almost)
        assert str(locked.value).endswith("Vuelva a intentarlo en aproximadamente 1 minuto.")
        assert snapshot(world.db) == before
    # The same refusal in English, its singular unchanged.
    with i18n.using("en"), world.uow() as uow, pytest.raises(DomainError) as locked:
        auth.authenticate(uow, supervisor_id=world.dana, password=PASSWORD, now=almost)
    assert str(locked.value) == (
        "Signing is locked for Dana Whitaker after 5 wrong passwords. Try again in about 1 minute."
    )


def test_setting_ones_own_password_as_another_is_refused_in_spanish_and_nothing_changes(world: World) -> None:
    before = snapshot(world.db)
    with i18n.using("es"), world.uow() as uow, pytest.raises(DomainError) as refused:
        auth.set_password_by_another(
            uow,
            supervisor_id=world.dana,
            new_password="a brand new password",
            by_supervisor_id=world.dana,
            by_password=PASSWORD,
        )
    assert str(refused.value) == (
        "Otro supervisor establece esta contraseña; para cambiar la suya, escriba la actual."
    )
    assert refused.value.code == "auth.set_own_password" and refused.value.field == "by"
    assert snapshot(world.db) == before


def test_a_refused_hours_file_is_named_in_spanish_and_nothing_is_imported(
    tmp_path: Path, db: Database
) -> None:
    other = tmp_path / "otro.hours"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("hola.txt", "hola")
    cut = tmp_path / "cortado.hours"
    cut.write_bytes(b"PK\x03\x04 no es un zip")
    before = snapshot(db)
    with i18n.using("es"):
        with db.uow() as uow, pytest.raises(DomainError) as refused:
            hours_files.import_hours_file(uow, other)
        assert str(refused.value) == (
            "otro.hours se rechaza, no se importó nada: no es un archivo de horas de esta app (sus "
            "partes son hola.txt; se esperaba manifest.json, records.json, signatures.json, keys.json)."
        )
        assert refused.value.code == "hours_file.not_hours_file"
        assert dict(refused.value.params) == {"file": "otro.hours"}
        with db.uow() as uow, pytest.raises(DomainError) as refused:
            hours_files.import_hours_file(uow, cut)
        assert str(refused.value).startswith(
            "cortado.hours se rechaza, no se importó nada: está dañado o no es un archivo zip ("
        )
        assert refused.value.code == "hours_file.not_zip"
    assert snapshot(db) == before


def test_due_items_read_in_spanish_and_their_json_stays_english(world: World) -> None:
    expires = TODAY + dt.timedelta(days=10)
    with world.uow() as uow:
        person_credentials.add_credential(
            uow, person=Person(supervisee_id=world.ana), kind="CRSS", number="77", expires_on=expires
        )
        uow.commit()
        items = [i for i in due.due_items(uow) if i.supervisee_id == world.ana]
    expiring = next(i for i in items if i.rule == "expiring")
    renewal = next(i for i in items if i.rule == "renewal")
    with i18n.using("es"):
        assert expiring.text == (
            f"La credencial CRSS de Ana Example (n.º 77) vence el {expires.isoformat()}, en 10 días."
        )
        assert renewal.text.startswith(
            f"Ana Example, renovación antes del {expires.isoformat()}: Renovación de CRSS necesita 40.00 "
            "horas más de CEU (0.00 de 40.00)."
        )
        assert due.when(TODAY - dt.timedelta(days=1), TODAY) == "hace 1 día"
        assert due.when(TODAY, TODAY) == "hoy"
        assert expiring.to_json()["text"] == (
            f"Ana Example's CRSS (no. 77) expires on {expires.isoformat()}, in 10 days."
        )
        with pytest.raises(DomainError) as refused:
            due.check_days("-3")
        assert str(refused.value) == "Los días '-3' deben ser un número entero de 0 a 3650."
        assert refused.value.code == "due.bad_days"
    assert expiring.text.startswith("Ana Example's CRSS (no. 77) expires on")


def test_training_list_json_stays_english_in_spanish(world: World) -> None:
    with i18n.using("es"), world.uow() as uow:
        data = training.training_json(uow, person=Person(supervisee_id=world.ana))
        progress = training.education_progress(
            uow.db.profiles.get("CRSS"), training.list_training(uow, person=Person(supervisee_id=world.ana))
        )
    assert data["education"]["title"] == "Education"
    assert progress.title == "Educación"
    assert progress.missing[0].startswith("Educación necesita ")


def test_a_confirmed_or_unknown_training_is_refused_in_spanish(world: World) -> None:
    with i18n.using("es"), world.uow() as uow, pytest.raises(DomainError) as refused:
        training.get_training(uow, "0123456789")
    assert str(refused.value) == "No hay ninguna capacitación '0123456789'."
    assert refused.value.code == "training.not_found"


def test_profile_problems_and_rule_labels_are_spanish_for_the_it_person(tmp_path: Path) -> None:
    bad = tmp_path / "BAD.toml"
    bad.write_text("code = [unclosed", encoding="utf-8")
    with i18n.using("es"):
        with pytest.raises(profiles.ProfileError) as problem:
            profiles.load_profile(bad)
        assert problem.value.key == "(file)"
        assert problem.value.message.startswith("no es TOML válido: ")
        labels = {
            spec.key: i18n._(spec.label) for spec in profiles.RULES if spec.part == profiles.SUPERVISION
        }
        assert labels["total_hours"] == "Horas de supervisión"
    # Marked with N_, the rule tables stay English where they are read (the ICB form, --json).
    assert profiles.RULES[0].label == "Supervision hours"
