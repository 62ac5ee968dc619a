"""The review service: a review's start and end are in the audit trail (who, for whom); ending
it takes a supervisor's password, counted toward the usual lock-out."""

from __future__ import annotations

import pytest

from supervisor_app.models import Supervisor
from supervisor_app.services import audit, people
from supervisor_app.services.auth import WrongPassword
from supervisor_app.services.errors import DomainError
from supervisor_app.services.review import end_review, start_review
from tests.conftest import PASSWORD, snapshot


def _events(world, action: str) -> list[audit.AuditEntry]:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        return [e for e in audit.list_events(uow) if e.action == action]


def test_start_and_end_are_audited_with_who_and_for_whom(world) -> None:
    with world.uow(f"supervisor:{world.dana}") as uow:
        assert start_review(uow, supervisor_id=world.dana, supervisee_id=world.ben) == "Ben Example"
        uow.commit()
    with world.uow(f"supervisor:{world.rafael}") as uow:
        supervisor = end_review(uow, supervisor_id=world.rafael, password=PASSWORD, supervisee_id=world.ben)
        assert supervisor.id == world.rafael
        uow.commit()
    (started,) = _events(world, audit.AuditAction.REVIEW_START)
    (ended,) = _events(world, audit.AuditAction.REVIEW_END)
    assert (started.actor, started.supervisee_id) == (f"supervisor:{world.dana}", world.ben)
    assert (ended.actor, ended.supervisee_id) == (f"supervisor:{world.rafael}", world.ben)
    assert f'"supervisor_id": {world.rafael}' in ended.details


def test_a_wrong_password_is_counted_and_ends_nothing(world) -> None:
    with world.uow(f"supervisor:{world.dana}") as uow, pytest.raises(WrongPassword, match="4 attempts left"):
        end_review(uow, supervisor_id=world.dana, password="nope", supervisee_id=world.ben)
    assert _events(world, audit.AuditAction.REVIEW_END) == []
    assert len(_events(world, audit.AuditAction.FAILED_SIGN_IN)) == 1
    with world.uow() as uow:
        assert uow.session.get(Supervisor, world.dana).failed_attempts == 1


@pytest.mark.parametrize("who", ["unknown supervisee", "inactive supervisor"])
def test_a_review_for_nobody_or_by_an_inactive_supervisor_is_refused_and_writes_nothing(world, who) -> None:
    if who == "inactive supervisor":
        with world.uow() as uow:
            people.set_active(uow, supervisor_id=world.rafael, active=False)
            uow.commit()
    before = snapshot(world.db)
    supervisor, supervisee = (world.dana, 999) if who == "unknown supervisee" else (world.rafael, world.ben)
    with world.uow() as uow, pytest.raises(DomainError) as raised:
        start_review(uow, supervisor_id=supervisor, supervisee_id=supervisee)
        uow.commit()
    assert raised.value.field == ("supervisee" if who == "unknown supervisee" else "supervisor")
    assert snapshot(world.db) == before
