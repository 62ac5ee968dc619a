"""Whole-file ``verify`` holds a supervisor's training confirmations to the audit trail: a
confirmation deleted, written outside the app, replaced, or its entry changed, is named (issue 20)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from supervisor_app.cli import main
from supervisor_app.db import open_database
from supervisor_app.services import signoff, training
from supervisor_app.services.errors import DomainError
from supervisor_app.services.person_credentials import Person
from supervisor_app.services.training import CertificateFile
from tests.conftest import PASSWORD, TODAY, World, snapshot, tamper

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def add(world: World, title: str, who: int | None = None) -> str:
    with world.uow() as uow:
        entry_id = training.add_training(
            uow,
            person=Person(supervisee_id=who or world.ana),
            date_from=TODAY - dt.timedelta(days=10),
            date_to=TODAY - dt.timedelta(days=10),
            title=title,
            provider="Prairie Training",
            delivery="online",
            allocations={"ethics": 120},
            certificate=CertificateFile("c.pdf", PDF),
        )
        uow.commit()
    return entry_id


def confirm(world: World, entry_id: str) -> None:
    with world.uow() as uow:
        training.confirm_training(uow, entry_id=entry_id, supervisor_id=world.dana, password=PASSWORD)
        uow.commit()


def problems(world: World) -> list[tuple[str, str, str]]:
    with world.uow() as uow:
        report = signoff.verify(uow)
    return [(p.record_id, p.message, p.kind) for p in report.problems]


def cli_verify(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", str(path), "verify"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    return code, out + err


@pytest.fixture
def confirmed(world: World) -> tuple[str, str, str]:
    """Two confirmed entries and one self-reported."""
    first, second, third = add(world, "Ethics in peer work"), add(world, "Advocacy"), add(world, "Mentoring")
    confirm(world, first)
    confirm(world, second)
    return first, second, third


def test_an_intact_file_with_confirmations_verifies_clean(
    world: World, confirmed: tuple[str, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert problems(world) == []
    world.db.close()
    assert cli_verify(world.db.path, capsys)[0] == 0


def test_a_deleted_confirmation_is_named_from_the_audit_trail(
    world: World, confirmed: tuple[str, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, _ = confirmed
    tamper(world.db.path, "DELETE FROM training_confirmation WHERE entry_id = :e", e=second)
    [(rid, message, kind)] = problems(world)
    assert (rid, kind) == (second, "training")
    assert message.startswith(f"training {second[:8]} (Advocacy): the audit trail says it was confirmed on ")
    assert message.endswith("but that confirmation is missing")
    with world.uow() as uow:
        rows = training.list_training(uow, person=Person(supervisee_id=world.ana))
    assert {r.id: r.status for r in rows}[second] == "self-reported"  # what the row alone says
    world.db.close()
    code, out = cli_verify(world.db.path, capsys)
    assert code == 1
    assert second in out and "that confirmation is missing" in out


def test_a_deleted_confirmation_and_entry_are_named(world: World, confirmed: tuple[str, str, str]) -> None:
    first, _, _ = confirmed
    tamper(
        world.db.path,
        "DELETE FROM training_confirmation WHERE entry_id = :e",
        "DELETE FROM training_certificate WHERE entry_id = :e",
        "DELETE FROM training_allocation WHERE entry_id = :e",
        "DELETE FROM training_entry WHERE id = :e",
        e=first,
    )
    [(rid, message, _)] = problems(world)
    assert rid == first
    assert message.startswith(f"training {first[:8]}: the audit trail says it was confirmed on ")
    assert message.endswith("but the entry and its confirmation are missing")


def test_a_confirmation_replayed_from_another_copy_has_no_audit_event(
    world: World, confirmed: tuple[str, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real confirmation, signed with the right key over this very entry, made in a copy of
    the file and put into this one by hand: only the missing audit event gives it away."""
    _, _, third = confirmed
    world.db.close()
    copy = tmp_path / "copy.sqlite"
    source, target = sqlite3.connect(world.db.path), sqlite3.connect(copy)
    source.backup(target)
    source.close(), target.close()
    other = open_database(copy)
    with other.uow("test") as uow:
        training.confirm_training(uow, entry_id=third, supervisor_id=world.dana, password=PASSWORD)
        uow.commit()
    other.close()
    conn = sqlite3.connect(copy)
    row = conn.execute("SELECT * FROM training_confirmation WHERE entry_id = ?", (third,)).fetchone()
    conn.close()
    values = {f"c{i}": value for i, value in enumerate(row)}
    tamper(
        world.db.path,
        f"INSERT INTO training_confirmation VALUES ({', '.join(':' + k for k in values)})",
        **values,
    )
    [(rid, message, kind)] = problems(world)
    assert (rid, kind) == (third, "training")
    assert (
        message
        == f"training {third[:8]} (Mentoring): its confirmation is not in the audit trail (written outside the app)"
    )
    code, out = cli_verify(world.db.path, capsys)
    assert code == 1
    assert "its confirmation is not in the audit trail" in out


def test_a_confirmation_replaced_by_another_is_named(world: World, confirmed: tuple[str, str, str]) -> None:
    """The second entry's confirmation put in place of the first's (both valid signatures by
    the same key): the first's audit event recorded another content hash."""
    first, second, _ = confirmed
    tamper(
        world.db.path,
        "DELETE FROM training_confirmation WHERE entry_id = :a",
        "INSERT INTO training_confirmation (entry_id, supervisor_id, confirmed_at, content_hash, key_fingerprint,"
        " payload, signature) SELECT :a, supervisor_id, confirmed_at, content_hash, key_fingerprint, payload,"
        " signature FROM training_confirmation WHERE entry_id = :b",
        a=first,
        b=second,
    )
    [(rid, message, _)] = problems(world)
    assert rid == first
    assert message.startswith(
        f"training {first[:8]} (Ethics in peer work): its confirmation is not the one audit event #"
    )
    assert message.endswith("recorded (replaced outside the app)")


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE training_entry SET title = 'Ethics (8 hours)' WHERE id = :e",
        "UPDATE training_allocation SET minutes = 480 WHERE entry_id = :e",
        "UPDATE training_certificate SET data = x'25504446' WHERE entry_id = :e",
    ],
)
def test_an_entry_changed_after_confirmation_is_named(
    world: World, confirmed: tuple[str, str, str], statement: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first, _, _ = confirmed
    tamper(world.db.path, statement, e=first)
    [(rid, message, kind)] = problems(world)
    assert (rid, kind) == (first, "training")
    assert message.startswith(f"training {first[:8]} (Ethics")
    assert message.endswith("was changed after it was confirmed")
    world.db.close()
    code, out = cli_verify(world.db.path, capsys)
    assert code == 1
    assert "was changed after it was confirmed" in out


def test_several_entries_are_confirmed_at_once_or_none_is(world: World) -> None:
    first, second = add(world, "Ethics in peer work"), add(world, "Advocacy")
    with world.uow() as uow:
        rows = training.confirm_trainings(
            uow, entry_ids=[first, second], supervisor_id=world.dana, password=PASSWORD
        )
        uow.commit()
    assert [r.entry_id for r in rows] == [first, second]
    assert problems(world) == []
    third = add(world, "Recovery support")
    before = snapshot(world.db)
    with world.uow() as uow, pytest.raises(DomainError, match="confirmed again"):
        training.confirm_trainings(uow, entry_ids=[third, first], supervisor_id=world.dana, password=PASSWORD)
    assert snapshot(world.db) == before


def test_the_demo_agency_has_training_credentials_and_due_items(demo_db) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from supervisor_app.models import Supervisee, TrainingCertificate
    from supervisor_app.services import due

    with demo_db.uow() as uow:
        supervisees = list(uow.session.scalars(select(Supervisee)))
        counts = {
            s.name: len(training.list_training(uow, person=Person(supervisee_id=s.id))) for s in supervisees
        }
        statuses = [
            r.status
            for s in supervisees
            for r in training.list_training(uow, person=Person(supervisee_id=s.id))
        ]
        [certificate] = [(c.media_type, c.size) for c in uow.session.scalars(select(TrainingCertificate))]
        hired = [s.hire_date for s in supervisees if s.hire_date is not None]
        items = due.due_items(uow, days=60)
        report = signoff.verify(uow)
    assert all(n >= 2 for n in counts.values()), counts
    assert "confirmed" in statuses and "self-reported" in statuses
    assert certificate[0] == "application/pdf" and certificate[1] < 10_000
    assert {"expiring", "renewal", "hire"} <= {i.rule for i in items}
    assert any(i.rule == "expiring" and i.supervisee_id is not None for i in items)
    assert hired
    assert report.ok, report.problems
