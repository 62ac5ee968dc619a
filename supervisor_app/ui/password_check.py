"""Checking a supervisor's password at sign-in and unlock, also on a read-only database."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy.exc import OperationalError

from supervisor_app.db import Database
from supervisor_app.services.auth import WrongPassword, authenticate
from supervisor_app.services.keys import ensure_key
from supervisor_app.services.review import end_review


def check_password(
    db: Database, *, supervisor_id: int, password: str, ending_review_of: int | None = None
) -> tuple[int, str]:
    """The supervisor's id and name when ``password`` is right; raises the service's errors.
    With ``ending_review_of`` (a supervisee), the right password also ends that review, in the
    audit trail.

    On a writable database a success is committed (it clears the failed-attempt count). On a
    read-only one (another copy of the app holds it) nothing can be written: the service's
    attempt to count a wrong password fails, and that is reported as the wrong password it is.
    """
    with db.uow(f"supervisor:{supervisor_id}") as uow:
        try:
            if ending_review_of is None:
                supervisor = authenticate(uow, supervisor_id=supervisor_id, password=password)
            else:
                supervisor = end_review(
                    uow, supervisor_id=supervisor_id, password=password, supervisee_id=ending_review_of
                )
        except OperationalError as exc:
            if db.readonly and "readonly" in str(exc).replace("-", "").replace(" ", "").lower():
                raise WrongPassword(
                    QCoreApplication.translate("check_password", "Wrong password."), field="password"
                ) from None
            raise
        found = (supervisor.id, supervisor.name)
        if not db.readonly:
            ensure_key(uow, supervisor, password)  # a supervisor from before keys gets theirs now
            uow.commit()
        return found
