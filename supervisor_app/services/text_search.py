"""Searching text columns as a person means it: accents and case ignored beyond ASCII
("nguyen" finds "Nguyễn"), for the record lists and the audit trail."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, or_

from supervisor_app.db import UnitOfWork
from supervisor_app.units import fold


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# Search ignores accents and case beyond ASCII ("nguyen" finds "Nguyễn"), and SQLite's LIKE
# folds ASCII letters only. So a column is compared twice: LIKE (in C) on every row, and the
# Python fold (a registered function, see register_fold) only on the rows holding a
# character outside printable ASCII, where LIKE could miss; the needle is folded once. Lists
# without a search never call it, so opening them costs what it did.
_NOT_PLAIN_ASCII = "*[^ -~]*"


def contains(column: Any, needle: str) -> Any:
    like = f"%{escape_like(needle)}%"
    return or_(
        column.like(like, escape="\\"),
        and_(column.op("GLOB")(_NOT_PLAIN_ASCII), func.search_fold(column).like(like, escape="\\")),
    )


def register_fold(uow: UnitOfWork) -> None:
    """Make ``search_fold(text)`` (:func:`~supervisor_app.units.fold`) known to the
    unit of work's connection (cheap; done before each search query)."""
    raw = uow.session.connection().connection.driver_connection
    if raw is not None:
        raw.create_function("search_fold", 1, _fold_or_none, deterministic=True)


def _fold_or_none(text: Any) -> str | None:
    return fold(text) if isinstance(text, str) else None
