"""Down: from the agency, the people and the signed records of the supervisees this laptop's
supervisors supervise there, from every chain but the laptop's own."""

from __future__ import annotations

from collections.abc import Sequence

from supervisor_app.db import UnitOfWork
from supervisor_app.services.hours_files import Collected, collect_hours
from supervisor_app.services.signoff import signing

BEYOND = 2**62  # "after" for the laptop's own chain: its records are here already


def supervised_by(agency: UnitOfWork, supervisors: list[str]) -> list[tuple[int, str]]:
    """(id on the agency, global id) of the supervisees whose supervisor of record there is one
    of these (global ids)."""
    if not supervisors:
        return []
    marks = ", ".join("?" * len(supervisors))
    rows = signing.dbapi(agency).execute(
        "SELECT e.id, e.global_id FROM supervisee e JOIN supervisor s ON s.id = e.supervisor_id "
        f"WHERE s.global_id IN ({marks}) ORDER BY e.id",
        tuple(supervisors),
    )
    return [(int(sid), str(gid)) for sid, gid in rows.fetchall()]


def collect_down(
    agency: UnitOfWork,
    supervisee_ids: list[int],
    *,
    after: dict[str, int],
    laptop_chain: str,
    also_supervisors: Sequence[str] = (),
) -> Collected | None:
    """These supervisees' signed records on the agency after ``after`` (a supervisee new to the
    laptop gets ``after={}``: everything), never the laptop's own chain's; ``also_supervisors``
    (global ids) travel too (the laptop's own and those the people member names). None when
    there is no one to send. Reads only."""
    if not supervisee_ids and not also_supervisors:
        return None
    return collect_hours(
        agency,
        supervisee_ids=supervisee_ids,
        after={**after, laptop_chain: BEYOND},
        also_supervisors=also_supervisors,
    )
