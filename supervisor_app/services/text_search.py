"""Searching text columns as a person means it: accents and case ignored beyond ASCII
("nguyen" finds "Nguyễn"), for the record lists and the audit trail."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import and_, literal, or_

from supervisor_app.db import UnitOfWork
from supervisor_app.sql_functions import ascii_like, not_plain_ascii, search_fold
from supervisor_app.units import fold


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# Search ignores accents and case beyond ASCII ("nguyen" finds "Nguyễn"), and SQLite's LIKE
# folds ASCII letters only. So a column is compared twice: LIKE (in C) on every row, and the
# Python fold (a registered function, see register_fold) only on the rows holding a
# character outside printable ASCII, where LIKE could miss; the needle is folded once. Lists
# without a search never call it, so opening them costs what it did. PostgreSQL runs no
# Python: there the fold is SQL made from the same table (supervisor_app.sql_functions), and
# the ASCII comparison ILIKE (its LIKE minds case).


def contains(column: Any, needle: str) -> Any:
    like = f"%{escape_like(needle)}%"
    return or_(
        ascii_like(column, literal(like)),
        and_(not_plain_ascii(column), search_fold(column).like(like, escape="\\")),
    )


def register_fold(uow: UnitOfWork) -> None:
    """Make ``search_fold(text)`` (:func:`~supervisor_app.units.fold`) known to the
    unit of work's connection (cheap; done before each search query). Nothing on PostgreSQL:
    there ``search_fold`` is SQL."""
    raw = uow.session.connection().connection.driver_connection
    if isinstance(raw, sqlite3.Connection):
        raw.create_function("search_fold", 1, _fold_or_none, deterministic=True)


def _fold_or_none(text: Any) -> str | None:
    return fold(text) if isinstance(text, str) else None
