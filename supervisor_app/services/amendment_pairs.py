"""Two signed amendments of one record: the pairs, for the supervisee list's flag and the
director's list.

The same supervisor can amend one record twice without knowing it: once on the laptop the
record was signed on, once in another database that holds the record as foreign (it arrived
in an hours file; :func:`~supervisor_app.services.records.refuse_arrived` lets its own
supervisor amend it there). When both amendments meet in one database both are kept (signed
records never change); progress counts the newest-signed one and sets the other aside
(:func:`~supervisor_app.services.records.set_aside_sql`) until one of them is voided, by its
own supervisor in the database whose chain signed it. Nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from supervisor_app.db import UnitOfWork
from supervisor_app.services.canonical import VOIDED_IDS_SQL, database_identity, set_aside_sql

_TABLES = (
    (
        "session",
        "supervision_session",
        "SELECT session_id, supervisee_id FROM session_attendee WHERE session_id",
    ),
    ("experience", "experience_entry", "SELECT id, supervisee_id FROM experience_entry WHERE id"),
)

# Originals with more than one signed amendment standing (not voided here or where signed).
_PAIRED = (
    "SELECT supersedes_id FROM {table} WHERE status = 'signed' AND supersedes_id IS NOT NULL "
    f"AND id NOT IN ({VOIDED_IDS_SQL}) GROUP BY supersedes_id HAVING count(*) > 1"
)
# Each such amendment: id, original, signed where (NULL: here), when, who signed it (the
# supervisor here, or the owner of the key that signed it in its own database), and whether it
# counts (progress's rule: not set aside by a newer-signed one, :func:`set_aside_sql`).
_AMENDMENTS = (
    "SELECT r.id, r.supersedes_id, f.chain_id, "
    "coalesce(CAST(o.signed_at AS TEXT), f.signed_at), coalesce(so.name, sf.name, ''), "
    "CASE WHEN r.id IN ({aside}) THEN 0 ELSE 1 END "
    "FROM {table} r "
    "LEFT JOIN sign_off o ON o.record_id = r.id AND o.action = 'sign' "
    "LEFT JOIN supervisor so ON so.id = o.signer_id "
    "LEFT JOIN foreign_link f ON f.record_id = r.id AND f.action = 'sign' "
    "LEFT JOIN signature g ON g.id = f.signature_id "
    "LEFT JOIN supervisor_key k ON k.fingerprint = g.key_fingerprint "
    "LEFT JOIN supervisor sf ON sf.id = k.supervisor_id "
    "WHERE r.status = 'signed' AND r.supersedes_id IN ({paired}) AND r.id NOT IN ({voided})"
)


@dataclass(frozen=True)
class Amendment:
    """One of the amendments of a pair."""

    id: str
    signed_at: str  # as its sign link stores it (naive UTC)
    signer: str  # who signed it: the supervisor's name
    chain: str  # the database whose chain signed it
    here: bool  # signed in this database (so voidable here, by its own supervisor)
    counts: bool  # the newest-signed: the one progress counts


@dataclass(frozen=True)
class AmendmentPair:
    """A record with two (or more) signed amendments standing, the newest-signed first."""

    kind: str  # "session" | "experience"
    original: str
    supervisee_ids: tuple[int, ...]
    amendments: tuple[Amendment, ...]


def pairs(uow: UnitOfWork, *, supervisee_id: int | None = None) -> list[AmendmentPair]:
    """Every record with more than one signed amendment standing (neither voided), each pair's
    amendments newest-signed first, the one progress counts (ties: the higher id) first; only those
    of ``supervisee_id`` when given. By original id."""
    conn = uow.raw()
    chain, _keys_from = database_identity(conn)
    found: list[AmendmentPair] = []
    for kind, table, people_sql in _TABLES:
        paired = _PAIRED.format(table=table)
        aside = set_aside_sql(table, f"a.supersedes_id IN ({paired})")
        rows = list(
            conn.execute(_AMENDMENTS.format(table=table, paired=paired, voided=VOIDED_IDS_SQL, aside=aside))
        )
        if not rows:
            continue
        whose: dict[Any, set[int]] = {}
        ids = sorted({row[0] for row in rows})  # few: pairs are rare
        for record_id, person in conn.execute(f"{people_sql} IN ({','.join('?' * len(ids))})", ids):
            whose.setdefault(record_id, set()).add(person)
        by_original: dict[Any, list[tuple[Any, ...]]] = {}
        for row in rows:
            by_original.setdefault(row[1], []).append(row)
        for original, amendments in sorted(by_original.items()):
            # the one that counts first, then the others newest-signed first
            amendments.sort(key=lambda row: (row[5], str(row[3] or ""), row[0]), reverse=True)
            people = sorted(set().union(*(whose.get(row[0], set()) for row in amendments)))
            if supervisee_id is not None and supervisee_id not in people:
                continue
            found.append(
                AmendmentPair(
                    kind=kind,
                    original=original,
                    supervisee_ids=tuple(people),
                    amendments=tuple(
                        Amendment(
                            id=row[0],
                            signed_at=str(row[3] or ""),
                            signer=row[4],
                            chain=row[2] or chain or "",
                            here=row[2] is None,
                            counts=bool(row[5]),
                        )
                        for row in amendments
                    ),
                )
            )
    return found


def by_supervisee(uow: UnitOfWork) -> dict[int, list[AmendmentPair]]:
    """:func:`pairs`, under each supervisee they concern (the supervisee list's flag)."""
    mine: dict[int, list[AmendmentPair]] = {}
    for pair in pairs(uow):
        for person in pair.supervisee_ids:
            mine.setdefault(person, []).append(pair)
    return mine
