"""A wrong password is counted in a unit of work of its own: kept although the action it was
typed for is refused (and rolled back), with nothing that action staged riding along; the
service never commits the action itself."""

from __future__ import annotations

import pytest

from conftest import PASSWORD, World, session_fields
from supervisor_app.models import AuditEvent, SupervisionSession
from supervisor_app.services import auth, people, records

NEW_PASSWORD = "a brand new password"


def attempts(world: World) -> tuple[int, bool]:
    with world.uow() as uow:
        dana = people.get_supervisor(uow, world.dana)
        return dana.failed_attempts, dana.locked_until is not None


def events(world: World, action: str) -> int:
    with world.uow() as uow:
        return uow.session.query(AuditEvent).filter(AuditEvent.action == action).count()


def test_a_wrong_password_is_counted_though_the_action_is_refused_and_its_changes_are_not_kept(
    world: World,
) -> None:
    with world.uow() as uow, pytest.raises(auth.WrongPassword, match="4 attempts left") as refused:
        records.add_session(uow, **session_fields(world))  # staged by the action, never kept
        auth.change_password(
            uow, supervisor_id=world.dana, old_password="not it at all", new_password=NEW_PASSWORD
        )
    assert refused.value.code == "auth.wrong_password" and refused.value.params["attempts_left"] == 4
    assert attempts(world) == (1, False)
    assert events(world, "failed-sign-in") == 1
    with world.uow() as uow:
        assert uow.session.query(SupervisionSession).count() == 0


def test_five_refused_actions_lock_signing_and_the_right_password_is_refused_then(world: World) -> None:
    for attempt in range(auth.MAX_FAILED_ATTEMPTS):
        with world.uow() as uow, pytest.raises(auth.WrongPassword) as refused:
            auth.new_recovery_key_for(uow, supervisor_id=world.dana, password=f"wrong guess {attempt}")
    assert str(refused.value) == "Wrong password. Signing is now locked for Dana Whitaker for 5 minutes."
    assert attempts(world) == (0, True)
    assert events(world, "locked") == 1 and events(world, "failed-sign-in") == auth.MAX_FAILED_ATTEMPTS
    with world.uow() as uow, pytest.raises(auth.DomainError, match="Signing is locked") as locked:
        auth.authenticate(uow, supervisor_id=world.dana, password=PASSWORD)
    assert locked.value.code == "auth.locked"


def test_the_services_leave_the_commit_to_the_caller(world: World) -> None:
    with world.uow() as uow, pytest.raises(auth.WrongPassword):
        auth.authenticate(uow, supervisor_id=world.dana, password="not it at all")
    assert attempts(world) == (1, False)
    with world.uow() as uow:  # the right password clears the count, but only once committed
        auth.authenticate(uow, supervisor_id=world.dana, password=PASSWORD)
        key = auth.new_recovery_key_for(uow, supervisor_id=world.dana, password=PASSWORD)
    assert attempts(world) == (1, False)
    with world.uow() as uow, pytest.raises(auth.DomainError, match="has no recovery key") as never_kept:
        auth.reset_with_recovery_key(
            uow, supervisor_id=world.dana, recovery_key=key, new_password=NEW_PASSWORD
        )
    assert never_kept.value.code == "auth.no_recovery_key"
    with world.uow() as uow:
        auth.authenticate(uow, supervisor_id=world.dana, password=PASSWORD)
        uow.commit()
    assert attempts(world) == (0, False)
