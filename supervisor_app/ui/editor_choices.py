"""The people an editor offers (active supervisors and supervisees), read once per dialog."""

from __future__ import annotations

from dataclasses import dataclass

from supervisor_app.db import UnitOfWork
from supervisor_app.services import people
from supervisor_app.ui.attendee_picker import PersonChoice


@dataclass(frozen=True)
class EditorChoices:
    supervisors: list[tuple[int, str]]
    supervisees: list[PersonChoice]


def load_choices(uow: UnitOfWork, *, first_for_supervisor: int | None = None) -> EditorChoices:
    """Active people; a supervisor's own supervisees first."""
    supervisors = [(s.id, s.name) for s in people.list_supervisors(uow, active_only=True)]
    supervisees = [
        PersonChoice(s.id, s.name, s.credential, s.supervisor_id)
        for s in people.list_supervisees(uow, active_only=True)
    ]
    if first_for_supervisor is not None:
        supervisees.sort(key=lambda p: (p.supervisor_id != first_for_supervisor, p.name.casefold()))
    return EditorChoices(supervisors, supervisees)
