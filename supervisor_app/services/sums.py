"""A supervisee's :class:`~supervisor_app.services.requirements.Sums`, added up in one of two
ways:

- :func:`sums_by_supervisee`: by SQL, for one supervisee or the whole agency in one pass (a
  few set-based queries), kept in memory per file (:mod:`~supervisor_app.services.verified`)
  for as long as nothing changes them;
- :func:`sums_from_records`: from the rows the integrity check has just read and verified
  (:func:`~supervisor_app.services.signoff.read_supervisee`), so that the progress view reads
  each record once; ``None`` when a row holds something only a hand edit stores (then SQL
  adds it up).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any

from supervisor_app.db import UnitOfWork
from supervisor_app.services.canonical import PENDING as _PENDING
from supervisor_app.services.canonical import SIGNED as _SIGNED
from supervisor_app.services.canonical import set_aside_sql, voided_ids_sql
from supervisor_app.services.requirements import Sums, net_pending
from supervisor_app.services.roster import as_date

if TYPE_CHECKING:  # the sign-off service is imported by whoever verified the records
    from supervisor_app.services.signoff import SuperviseeRecords


# Records that no longer count (a signed amendment replaced them, they were voided here or
# in the database they came from, or they are the older-signed of two signed amendments of
# one record: exactly one amendment stands), and those a pending amendment waits to replace:
# each set read once per query (the whole agency's: a scan of the void links; a few
# supervisees': their own records', by the indexes), not probed row by row.
def _gone(table: str, mine: str = "") -> str:
    """The CTEs ``gone`` and ``waiting`` of ``table``'s records. ``mine``: SQL of the ids of
    the only records the query adds up (a few supervisees' on SQLite): each set then holds only
    those, looked up by their ids on the indexes of ``supersedes_id``, the void links and the
    record's id. Without it SQLite read the whole file's sets for one supervisee (every
    amendment, every void link, and an index it built over every record for the set-aside
    amendments: 2.6 s at scale 1 instead of 0.03 s)."""

    def among(column: str) -> str:
        return f"{column} IN ({mine})" if mine else ""

    def also(column: str) -> str:
        return f" AND {among(column)}" if mine else ""

    return (
        f"gone(id) AS (SELECT supersedes_id FROM {table} WHERE status = 'signed' AND supersedes_id IS NOT NULL{also('supersedes_id')} "
        f"UNION {voided_ids_sql(among('record_id'))} "
        f"UNION {set_aside_sql(table, among('a.id'))}), "
        f"waiting(id) AS (SELECT supersedes_id FROM {table} WHERE status = 'pending' AND supersedes_id IS NOT NULL{also('supersedes_id')})"
    )


# A few supervisees' sessions (``{chosen}``): their attendee rows first (the index on
# ``supervisee_id``), then each of those sessions by its id; without it PostgreSQL's planner
# read all the agency's sessions to keep the few it wanted (0.1-0.3 s more for 19 supervisees,
# more when they are not in memory). The whole agency (``{chosen}`` empty) reads every
# attendee, in session order. ``{gone}``: :func:`_gone`, of the chosen sessions only on SQLite
# (``_GONE_CHOSEN``); PostgreSQL keeps the whole file's sets (one hashed subplan over the few
# hundred amended or voided ids, its void links by a partial index).
_CHOSEN = (
    "chosen(session_id, supervisee_id) AS MATERIALIZED "
    "(SELECT session_id, supervisee_id FROM session_attendee WHERE supervisee_id IN ({marks})), "
)
_EVERYONE = {"chosen": "", "attendees": "session_attendee", "gone": _gone("supervision_session")}
_GONE_CHOSEN = _gone("supervision_session", "SELECT session_id FROM chosen")
_SESSION_TOTALS = (
    "WITH {chosen}{gone} "
    "SELECT t.supervisee_id, s.status, s.supervisor_id, s.format, a.domain_code, s.id IN (SELECT id FROM waiting), sum(a.minutes) "
    "FROM supervision_session s JOIN {attendees} t ON t.session_id = s.id "
    "JOIN session_allocation a ON a.session_id = s.id "
    "WHERE (s.status = 'pending' OR (s.status = 'signed' AND s.id NOT IN (SELECT id FROM gone))) "
    "GROUP BY 1, 2, 3, 4, 5, 6"
)
_SESSION_SPANS = (
    "WITH {chosen}{gone} "
    "SELECT t.supervisee_id, s.status, count(*), min(s.date), max(s.date) "
    "FROM supervision_session s JOIN {attendees} t ON t.session_id = s.id "
    "WHERE (s.status = 'pending' OR (s.status = 'signed' AND s.id NOT IN (SELECT id FROM gone))) "
    "GROUP BY 1, 2"
)
_EXPERIENCE = (
    "WITH {chosen}{gone} "
    "SELECT e.supervisee_id, e.status, e.supervisor_id, a.domain_code, e.id IN (SELECT id FROM waiting), {inside}, sum(a.minutes) "
    "FROM experience_entry e JOIN experience_allocation a ON a.entry_id = e.id "
    "WHERE {who} AND (e.status = 'pending' OR (e.status = 'signed' AND e.id NOT IN (SELECT id FROM gone))) "
    "GROUP BY 1, 2, 3, 4, 5, 6"
)
# The experience totals with ``{who}`` and ``{inside}`` to fill: every entry's sets (the whole
# agency, and PostgreSQL), or on SQLite only the chosen supervisees' entries' (``{who}`` twice).
_EXPERIENCE_TOTALS = _EXPERIENCE.replace("{chosen}", "").replace("{gone}", _gone("experience_entry"))
_EXPERIENCE_TOTALS_CHOSEN = _EXPERIENCE.replace(
    "{chosen}", "chosen(id) AS MATERIALIZED (SELECT id FROM experience_entry e WHERE {who}), "
).replace("{gone}", _gone("experience_entry", "SELECT id FROM chosen"))

# PostgreSQL, for the rest of the transaction. Its default cost of a random read (4 times a
# sequential one, for spinning disks) makes its planner hash the whole agency's million
# attendee x allocation rows, spilling to disk, instead of merging them in id order from the
# covering indexes (migration 0015, index-only scans), which takes about two thirds of the
# time (benchmarks/README.md); 1.1 is the cost of reading from memory or an SSD. JIT compiling
# (0.08-0.19 s a query) did not pay for itself on these queries.
_MERGE_IN_ID_ORDER = "SELECT set_config('random_page_cost', '1.1', true), set_config('jit', 'off', true)"

# PostgreSQL, around a few supervisees' session queries only: without these its planner still
# merged (or hashed) their attendee rows with all the agency's sessions, reading every one of
# them, rather than looking each of the chosen sessions up by its id.
_FROM_THE_CHOSEN = (
    "SELECT current_setting('enable_hashjoin'), current_setting('enable_mergejoin'), "
    "set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)"
)
_JOINS_AS_BEFORE = "SELECT set_config('enable_hashjoin', ?, true), set_config('enable_mergejoin', ?, true)"


class _Beside:
    """One query of the unit of work's, run meanwhile on a second connection of the agency
    database in the same snapshot (PostgreSQL's ``pg_export_snapshot``): the whole agency's
    experience totals on one server process while this thread reads the session totals on
    another, so the cold list takes about the longer of the two instead of their sum."""

    def __init__(self, uow: UnitOfWork, sql: str, params: Sequence[Any]) -> None:
        import re
        import threading

        (snapshot,) = uow.raw().execute("SELECT pg_export_snapshot()").fetchone()  # type: ignore[misc]
        if not re.fullmatch(r"[0-9A-Fa-f-]+", str(snapshot)):  # spelled into SET below
            raise ValueError(f"unexpected snapshot id {snapshot!r}")
        self._snapshot = str(snapshot)
        self._raw = uow.db.engine.raw_connection()
        self._rows: list[tuple[Any, ...]] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(sql, tuple(params)), daemon=True)
        self._thread.start()

    def _run(self, sql: str, params: tuple[Any, ...]) -> None:
        from supervisor_app.db import READ_ONLY_SNAPSHOT, RawConnection

        conn = self._raw.driver_connection
        try:
            conn.execute(READ_ONLY_SNAPSHOT)
            conn.execute(f"SET TRANSACTION SNAPSHOT '{self._snapshot}'")
            raw = RawConnection(conn)
            raw.execute(_MERGE_IN_ID_ORDER)
            self._rows = raw.execute(sql, params).fetchall()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller by rows()
            self._error = exc
        finally:
            self._raw.close()  # back to the pool, its transaction rolled back

    def rows(self) -> list[tuple[Any, ...]]:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._rows


class _Adding:
    """One supervisee's sums while the rows come in (minutes by key)."""

    def __init__(self) -> None:
        self.signed: dict[tuple[int, str, str], int] = {}
        self.pending: dict[str, int] = {}
        self.replaced: dict[str, int] = {}
        self.sessions: tuple[int, Any, Any] = (0, None, None)
        self.last_live: dt.date | None = None
        self.experience: dict[tuple[int, str, bool], int] = {}
        self.experience_pending: dict[str, int] = {}
        self.experience_replaced: dict[str, int] = {}

    def sums(self) -> Sums:
        return Sums(
            [(sup, fmt, code, minutes) for (sup, fmt, code), minutes in sorted(self.signed.items())],
            net_pending(self.pending.items(), self.replaced.items()),
            self.sessions,
            [
                (sup, code, minutes, inside)
                for (sup, code, inside), minutes in sorted(self.experience.items())
            ],
            net_pending(self.experience_pending.items(), self.experience_replaced.items()),
            self.last_live,
        )


def _plus(totals: dict[Any, int], key: Any, minutes: Any) -> None:
    totals[key] = totals.get(key, 0) + int(minutes)


def sums_by_supervisee(
    uow: UnitOfWork, ids: Sequence[int], cutoffs: dict[int, dt.date | None], *, everyone: bool = False
) -> dict[int, Sums]:
    """Each supervisee's sums (``cutoffs``: their experience window's first day).

    Kept in memory per file (:mod:`~supervisor_app.services.verified`) for as long as nothing
    changes them: another connection's commit forgets them all, this process's own sign, void,
    amend, import or edit forgets those of the supervisees it touched; what is missing is added
    up by a few set-based queries (``everyone``: the whole agency in one pass, else by the
    supervisees' index)."""
    from supervisor_app.services import verified

    found: dict[int, Sums] = {}
    missing: list[int] = []
    for sid in ids:
        known = verified.figures(uow, sid, cutoffs.get(sid))
        if known is None:
            missing.append(sid)
        else:
            found[sid] = known
    if not missing:
        return found
    conn = uow.raw()
    if uow.db.is_postgres:
        conn.execute(_MERGE_IN_ID_ORDER)
    fresh: dict[int, _Adding] = {sid: _Adding() for sid in missing}
    chunks: list[list[int] | None] = (
        [None]
        if everyone or len(missing) > 200
        else [missing[i : i + 500] for i in range(0, len(missing), 500)]
    )
    # In the window: by each supervisee's cut-off (a CASE over the few distinct ones).
    by_cutoff: dict[dt.date, list[int]] = {}
    for sid, cutoff in cutoffs.items():
        if cutoff is not None:
            by_cutoff.setdefault(cutoff, []).append(sid)
    inside_sql = "1 = 1"  # a boolean on both databases (SQLite's is 1)
    inside_params: list[Any] = []
    if by_cutoff:
        cases = []
        for cutoff, sids in by_cutoff.items():
            cases.append(f"WHEN e.supervisee_id IN ({','.join('?' * len(sids))}) THEN e.period_end >= ?")
            inside_params.extend([*sids, cutoff.isoformat()])
        inside_sql = f"CASE {' '.join(cases)} ELSE 1 = 1 END"
    # The whole agency on SQLite without automatic indexes: their "set aside" subquery made
    # SQLite index every record again on each query (about 7 of the pass's 19 CPU s at scale 1).
    with uow.without_automatic_indexes() if chunks == [None] else nullcontext():
        for chunk in chunks:
            marks = ",".join("?" * len(chunk)) if chunk is not None else ""
            params = tuple(chunk) if chunk is not None else ()
            beside = (  # the whole agency on PostgreSQL: its experience beside its sessions
                _Beside(uow, _EXPERIENCE_TOTALS.format(who="1 = 1", inside=inside_sql), inside_params)
                if chunk is None and uow.db.is_postgres
                else None
            )

            def who(column: str) -> str:
                return f"{column} IN ({marks})" if chunk is not None else "1 = 1"  # noqa: B023

            few_here = chunk is not None and not uow.db.is_postgres  # their own records' sets only
            sessions = (
                {
                    "chosen": _CHOSEN.format(marks=marks),
                    "attendees": "chosen",
                    "gone": _GONE_CHOSEN if few_here else _EVERYONE["gone"],
                }
                if chunk is not None
                else _EVERYONE
            )
            joins_before = None
            if chunk is not None and uow.db.is_postgres:
                before = conn.execute(_FROM_THE_CHOSEN).fetchone()
                assert before is not None
                joins_before = (before[0], before[1])
            for sid, status, sup, fmt, code, waiting, minutes in conn.execute(
                _SESSION_TOTALS.format(**sessions), params
            ):
                mine = fresh.get(sid)
                if mine is None:
                    continue
                if status == "pending":
                    _plus(mine.pending, code, minutes)
                else:
                    _plus(mine.signed, (sup, fmt, code), minutes)
                    if waiting:
                        _plus(mine.replaced, code, minutes)
            for sid, status, count, first, last in conn.execute(_SESSION_SPANS.format(**sessions), params):
                mine = fresh.get(sid)
                if mine is None:
                    continue
                newest = as_date(last)
                if status == "signed":
                    mine.sessions = (int(count), as_date(first), newest)
                if newest is not None and (mine.last_live is None or newest > mine.last_live):
                    mine.last_live = newest
            if joins_before is not None:
                conn.execute(_JOINS_AS_BEFORE, joins_before)
            experience_rows = (
                beside.rows()
                if beside is not None
                else conn.execute(
                    (_EXPERIENCE_TOTALS_CHOSEN if few_here else _EXPERIENCE_TOTALS).format(
                        who=who("e.supervisee_id"), inside=inside_sql
                    ),
                    (*(params if few_here else ()), *inside_params, *params),
                )
            )
            for sid, status, sup, code, waiting, inside, minutes in experience_rows:
                mine = fresh.get(sid)
                if mine is None:
                    continue
                if status == "pending":
                    _plus(mine.experience_pending, code, minutes)
                else:
                    _plus(mine.experience, (sup, code, bool(inside)), minutes)
                    if waiting:
                        _plus(mine.experience_replaced, code, minutes)
    for sid, adding in fresh.items():
        found[sid] = adding.sums()
        verified.remember_figures(uow, sid, cutoffs.get(sid), found[sid])
    return found


def _add(totals: dict[Any, int], items: list[Any], key: Any = None) -> bool:
    """Add ``"code=minutes"`` items into ``totals`` (by code, or by ``(key, code)``); False,
    adding nothing more, at an item that is not regular."""
    for item in items:
        if item.__class__ is not str:
            return False
        code, _, minutes = item.rpartition("=")
        slot = code if key is None else (key, code)
        totals[slot] = totals.get(slot, 0) + int(minutes)
    return True


def sums_from_records(records: SuperviseeRecords, supervisee_id: int, cutoff: dt.date | None) -> Sums | None:
    """The same sums from the rows verification read (nothing is read twice); None when a row
    holds something only a hand edit stores (then SQL adds it up, as it always did)."""
    left_out = records.superseded | records.voided
    signed: dict[Any, int] = {}
    pending: dict[Any, int] = {}
    replaced: dict[Any, int] = {}
    dates: list[str] = []
    newest_pending = ""
    batch = records.sessions
    attendees, allocations = batch.attendees, batch.allocations
    amended = _amended_by_pending(batch.rows, left_out)
    for rid, status, sup, day, _start, _min, fmt, *_rest in batch.rows:
        if supervisee_id not in attendees.get(rid, ()):
            continue  # read only to be verified (the audit trail named it)
        if status == _PENDING:
            if day.__class__ is not str or not _add(pending, allocations.get(rid, ())):
                return None
            newest_pending = max(newest_pending, day)
        elif status == _SIGNED and rid not in left_out:
            if rid in amended and not _add(replaced, allocations.get(rid, ())):
                return None
            if fmt.__class__ is not str or day.__class__ is not str:
                return None
            dates.append(day)
            if not _add(signed, allocations.get(rid, ()), (sup, fmt)):
                return None
    bound = cutoff.isoformat() if cutoff is not None else None
    experience: dict[Any, int] = {}
    experience_pending: dict[Any, int] = {}
    experience_replaced: dict[Any, int] = {}
    batch = records.experience
    allocations = batch.allocations
    amended = _amended_by_pending(batch.rows, left_out)
    for rid, status, sup, _start, period_end, owner, *_rest in batch.rows:
        if owner != supervisee_id:
            continue
        if status == _PENDING:
            if not _add(experience_pending, allocations.get(rid, ())):
                return None
        elif status == _SIGNED and rid not in left_out:
            if rid in amended and not _add(experience_replaced, allocations.get(rid, ())):
                return None
            if period_end.__class__ is not str:
                return None
            if not _add(experience, allocations.get(rid, ()), (sup, bound is None or period_end >= bound)):
                return None
    newest = max([newest_pending, *dates])
    return Sums(
        [(sup, fmt, code, minutes) for ((sup, fmt), code), minutes in sorted(signed.items())],
        net_pending(pending.items(), replaced.items()),
        (len(dates), min(dates), max(dates)) if dates else (0, None, None),
        [
            (sup, code, minutes, inside)
            for ((sup, inside), code), minutes in sorted(experience.items(), key=_by_supervisor_and_code)
        ],
        net_pending(experience_pending.items(), experience_replaced.items()),
        as_date(newest) if newest else None,
    )


def _amended_by_pending(rows: list[Any], left_out: set[Any]) -> set[Any]:
    """Ids of the records a pending amendment among ``rows`` will replace (column 10 of a
    record row is ``supersedes_id``)."""
    return {row[10] for row in rows if row[1] == _PENDING and row[10] is not None and row[10] not in left_out}


def _by_supervisor_and_code(item: tuple[tuple[tuple[Any, bool], str], int]) -> tuple[Any, str, bool]:
    ((sup, inside), code), _minutes = item
    return sup, code, inside
