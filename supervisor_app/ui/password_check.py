"""Checking a supervisor's password at sign-in and unlock, also on a read-only database."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy.exc import OperationalError

from supervisor_app.db import Database, UnitOfWork
from supervisor_app.services.auth import WrongPassword, authenticate
from supervisor_app.services.keys import ensure_key
from supervisor_app.services.review import end_review
from supervisor_app.ui.context import write_now


def check_password(
    db: Database, *, supervisor_id: int, password: str, ending_review_of: int | None = None
) -> tuple[int, str]:
    """The supervisor's id and name when ``password`` is right; raises the service's errors.
    With ``ending_review_of`` (a supervisee), the right password also ends that review, in the
    audit trail.

    Through the app's one write path (:func:`~supervisor_app.ui.context.write_now`): on a
    writable database a success is committed (it clears the failed-attempt count). On a
    read-only one (another copy of the app holds it) nothing can be written: counting a wrong
    password fails, and that is reported as the wrong password it is.
    """

    def work(uow: UnitOfWork) -> tuple[int, str]:
        if ending_review_of is None:
            supervisor = authenticate(uow, supervisor_id=supervisor_id, password=password)
        else:
            supervisor = end_review(
                uow, supervisor_id=supervisor_id, password=password, supervisee_id=ending_review_of
            )
        if not db.readonly:
            ensure_key(uow, supervisor, password)  # a supervisor from before keys gets theirs now
        return supervisor.id, supervisor.name

    try:
        found: Any = write_now(db, f"supervisor:{supervisor_id}", work)
    except OperationalError as exc:
        if db.readonly and "readonly" in str(exc).replace("-", "").replace(" ", "").lower():
            raise WrongPassword(
                QCoreApplication.translate("check_password", "Wrong password."),
                code="auth.wrong_password_uncounted",
                field="password",
            ) from None
        raise
    return found
