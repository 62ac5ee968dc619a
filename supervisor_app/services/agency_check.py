"""The whole file verified once per change, and what it says of each supervisee: the
"verified" column of the agency's list and the Audit page's check."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from supervisor_app.db import UnitOfWork


def verify_file(uow: UnitOfWork, *, progress: Any = None) -> Any:
    """Verify the whole file (:func:`~supervisor_app.services.signoff.verify`) and remember the
    result for this process (:mod:`~supervisor_app.services.verified`): until the file
    changes, every supervisee's figures count as verified, and a supervisee's first view reads
    their records without hashing them again. Returns the report.

    A large file (:data:`~supervisor_app.services.signoff.workers.CHILD_MIN_RECORDS`) is
    verified in a child process (:func:`~supervisor_app.services.signoff.workers.verify_in_child`),
    so this process does not keep the memory a whole file's verification needs."""
    from supervisor_app.services import signoff, verified
    from supervisor_app.services.signoff.workers import verify_in_child

    # A large file is verified by a child process (the app stays small); its report is used
    # only when its snapshot is this transaction's, and kept only if nothing changed since.
    report = verify_in_child(uow.raw(), progress)
    if report is None:
        report = signoff.verify(uow, progress=progress)
    verified.remember_whole(uow, report, failing_supervisees(uow, report))
    return report


def failing_supervisees(uow: UnitOfWork, report: Any) -> set[int | None]:
    """The supervisees whose records a verification report names (the audit trail's and the
    print records' chains, and the outside copies, are the Audit page's); ``None`` among them
    when a failing record cannot be tied to anyone (then no supervisee is vouched for)."""
    from supervisor_app.services.canonical import select_in

    failing: set[int | None] = set()
    ids = [p.record_id for p in report.problems if p.kind == "record" and p.record_id]
    if ids:
        conn = uow.raw()
        mapped: set[Any] = set()
        for table, column in (
            ("session_attendee", "session_id"),
            ("experience_entry", "id"),
            ("audit_event", "record_id"),
        ):
            for rid, sid in select_in(conn, f"SELECT {column}, supervisee_id FROM {table}", column, ids):
                if sid is not None:
                    failing.add(sid)
                    mapped.add(rid)
        if set(ids) - mapped:
            failing.add(None)
    return failing


def verification_state(uow: UnitOfWork, supervisee_ids: Sequence[int]) -> dict[int, bool | None]:
    """{supervisee id: True (records verified as the file is now), False (they fail); absent:
    not known yet (the file's first verification has not finished)}. Supervisees whose records
    this process changed since the whole-file verification are verified here, one by one."""
    from supervisor_app.services import signoff, verified

    whole = verified.whole_file(uow)
    if whole is None:
        return {}
    state: dict[int, bool | None] = {sid: sid not in whole.failing for sid in supervisee_ids}
    for sid in verified.touched_since_whole(uow, whole) & set(supervisee_ids):
        state[sid] = signoff.read_supervisee(uow, sid).report.ok
    return state
