"""SQL functions that SQLite and PostgreSQL spell differently, as SQLAlchemy expressions
compiled for the database they run on (``sqlalchemy.ext.compiler.compiles``): the services
write ``group_concat(col, ", ")`` or ``month_of(col)`` once and get SQLite's or PostgreSQL's
text (docs/AGENCY-DB.md, section 1).

- :class:`group_concat`: SQLite's ``group_concat(x, sep)``, PostgreSQL's ``string_agg(x::text, sep)``
  (no separator given: ``","``, as SQLite's);
- :class:`month_of`: ``YYYY-MM`` of a date: ``strftime('%Y-%m', d)`` / ``to_char(d, 'YYYY-MM')``;
- :class:`minutes_of_day`: minutes after midnight of a time (SQLite keeps it as text
  ``HH:MM:SS.ffffff``, PostgreSQL as a ``time``);
- :class:`search_fold`: text as :func:`~supervisor_app.units.fold` compares it: on SQLite the
  Python function registered on the connection
  (:func:`~supervisor_app.services.text_search.register_fold`), on PostgreSQL, which runs no
  Python, ``translate``/``replace`` over ``lower(x)`` with the table :data:`FOLD_TABLE` made
  from ``fold`` itself;
- :class:`not_plain_ascii`: true when the text holds a character outside printable ASCII
  (``GLOB`` / ``~``);
- :class:`ascii_like`: ``LIKE`` ignoring ASCII case, as SQLite's ``LIKE`` does (``ILIKE`` on
  PostgreSQL).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import Boolean, Integer, String, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from supervisor_app.agency_schema import _quote  # an SQL string literal: the one definition
from supervisor_app.units import fold

# --------------------------------------------------------------------------------------------
# group_concat


class group_concat(FunctionElement[str]):  # noqa: N801 (an SQL function's name)
    """The values of a group joined by ``separator`` (``","`` when not given)."""

    type = String()
    inherit_cache = True
    name = "group_concat"

    def __init__(self, value: Any, separator: str = ",") -> None:
        super().__init__(value, literal(separator))


@compiles(group_concat)
def _group_concat_sqlite(element: group_concat, compiler: Any, **kw: Any) -> str:
    return f"group_concat({compiler.process(element.clauses, **kw)})"


@compiles(group_concat, "postgresql")
def _group_concat_postgres(element: group_concat, compiler: Any, **kw: Any) -> str:
    value, separator = list(element.clauses)
    return f"string_agg(CAST({compiler.process(value, **kw)} AS TEXT), {compiler.process(separator, **kw)})"


# --------------------------------------------------------------------------------------------
# month_of, minutes_of_day


class month_of(FunctionElement[str]):  # noqa: N801
    """``YYYY-MM`` of a date."""

    type = String()
    inherit_cache = True
    name = "month_of"


@compiles(month_of)
def _month_of_sqlite(element: month_of, compiler: Any, **kw: Any) -> str:
    return f"strftime('%Y-%m', {compiler.process(element.clauses, **kw)})"


@compiles(month_of, "postgresql")
def _month_of_postgres(element: month_of, compiler: Any, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"


class minutes_of_day(FunctionElement[int]):  # noqa: N801
    """Minutes after midnight of a time of day (seconds dropped)."""

    type = Integer()
    inherit_cache = True
    name = "minutes_of_day"


@compiles(minutes_of_day)
def _minutes_of_day_sqlite(element: minutes_of_day, compiler: Any, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)  # the stored text, HH:MM:SS.ffffff
    return f"(CAST(substr({column}, 1, 2) AS INTEGER) * 60 + CAST(substr({column}, 4, 2) AS INTEGER))"


@compiles(minutes_of_day, "postgresql")
def _minutes_of_day_postgres(element: minutes_of_day, compiler: Any, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"CAST(EXTRACT(HOUR FROM {column}) * 60 + EXTRACT(MINUTE FROM {column}) AS INTEGER)"


# --------------------------------------------------------------------------------------------
# Search: fold, "not plain ASCII", case-blind LIKE

# The characters PostgreSQL folds as units.fold does, without Python: every letter of the
# Latin, Greek and Cyrillic blocks (both cases: lower() folds only ASCII under the C locale)
# whose fold is one other character goes through translate(), as do those whose fold is
# nothing (combining marks: past the end of translate's second string, so deleted); those
# whose fold is several characters ("ß" -> "ss", "ĳ" -> "ij") through replace(). tests/test_reading_postgres.py
# compares the result with units.fold character by character.
_FOLDED_BLOCKS = (
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x0300, 0x036F),  # combining marks (text stored decomposed): dropped
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x04FF),  # Cyrillic
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
    (0xFB00, 0xFB06),  # Latin ligatures (ﬁ, ﬂ)
)


def _fold_table() -> tuple[str, str, tuple[tuple[str, str], ...]]:
    source, target, dropped, longer = [], [], [], []
    for first, last in _FOLDED_BLOCKS:
        for code in range(first, last + 1):
            char = chr(code)
            if unicodedata.category(char) == "Cn":
                continue  # not assigned
            folded = fold(char)
            if folded == char:
                continue
            if len(folded) == 1:
                source.append(char)
                target.append(folded)
            elif not folded:
                dropped.append(char)
            else:
                longer.append((char, folded))
    return "".join(source + dropped), "".join(target), tuple(longer)


FOLD_TABLE = _fold_table()
"""(from, to, ((character, its fold of another length), ...)): what PostgreSQL's fold applies."""


class search_fold(FunctionElement[str]):  # noqa: N801
    """Text as :func:`~supervisor_app.units.fold` makes it (accents off, case folded)."""

    type = String()
    inherit_cache = True
    name = "search_fold"


@compiles(search_fold)
def _search_fold_sqlite(element: search_fold, compiler: Any, **kw: Any) -> str:
    return f"search_fold({compiler.process(element.clauses, **kw)})"


@compiles(search_fold, "postgresql")
def _search_fold_postgres(element: search_fold, compiler: Any, **kw: Any) -> str:
    source, target, longer = FOLD_TABLE
    sql = f"translate(lower({compiler.process(element.clauses, **kw)}), {_quote(source)}, {_quote(target)})"
    for char, folded in longer:
        sql = f"replace({sql}, {_quote(char)}, {_quote(folded)})"
    return sql


class not_plain_ascii(FunctionElement[bool]):  # noqa: N801
    """True when the text holds a character outside printable ASCII (where LIKE may miss)."""

    type = Boolean()
    inherit_cache = True
    name = "not_plain_ascii"


@compiles(not_plain_ascii)
def _not_plain_ascii_sqlite(element: not_plain_ascii, compiler: Any, **kw: Any) -> str:
    return f"({compiler.process(element.clauses, **kw)} GLOB '*[^ -~]*')"


@compiles(not_plain_ascii, "postgresql")
def _not_plain_ascii_postgres(element: not_plain_ascii, compiler: Any, **kw: Any) -> str:
    return f"({compiler.process(element.clauses, **kw)} ~ '[^ -~]')"


class ascii_like(FunctionElement[bool]):  # noqa: N801
    """``value LIKE pattern ESCAPE '\\'`` ignoring the case of ASCII letters (SQLite's LIKE)."""

    type = Boolean()
    inherit_cache = True
    name = "ascii_like"


@compiles(ascii_like)
def _ascii_like_sqlite(element: ascii_like, compiler: Any, **kw: Any) -> str:
    value, pattern = (compiler.process(c, **kw) for c in element.clauses)
    return f"({value} LIKE {pattern} ESCAPE '\\')"


@compiles(ascii_like, "postgresql")
def _ascii_like_postgres(element: ascii_like, compiler: Any, **kw: Any) -> str:
    value, pattern = (compiler.process(c, **kw) for c in element.clauses)
    return f"({value} ILIKE {pattern} ESCAPE '\\')"


__all__ = [
    "FOLD_TABLE",
    "ascii_like",
    "group_concat",
    "minutes_of_day",
    "month_of",
    "not_plain_ascii",
    "search_fold",
]
