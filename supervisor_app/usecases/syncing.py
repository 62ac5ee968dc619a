"""Sync a laptop's database with the agency database: up, then down (docs/SYNC.md).

Each batch is one transaction on the side that takes it: the agency commits a batch whole or
not at all, the laptop commits a batch together with ``sync_peer`` (what it took), so neither
side can claim what was not committed. Every step is keyed by ids and hashes: running sync
again, or after an interruption, re-sends what is missing and skips the rest. A refusal (a
record altered, a forked chain) raises the :class:`~supervisor_app.services.errors.DomainError`
naming the record; what earlier batches committed stays, and is valid.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from supervisor_app.i18n import _
from supervisor_app.services import sync as sync_service
from supervisor_app.services.errors import DomainError
from supervisor_app.services.hours_files import people_member, trail_member
from supervisor_app.services.hours_files.file_format import chain_identity
from supervisor_app.services.signoff import signing

if TYPE_CHECKING:
    from supervisor_app.db import Database, UnitOfWork


@dataclass(frozen=True)
class SyncSummary:
    """What a sync did."""

    sent: int  # records the agency took (or took a void of)
    sent_skipped: int  # records sent that the agency already held as they are
    received: int  # records this database took
    received_skipped: int
    left_out: int  # records signed before keys: they stay on this database
    batches: int
    supervisees: int  # whose records come down

    @property
    def skipped(self) -> int:
        return self.sent_skipped + self.received_skipped

    def text(self) -> str:
        lines = [
            _("Sync done: {sent} record(s) sent, {received} received, {skipped} already there.").format(
                sent=self.sent, received=self.received, skipped=self.skipped
            )
        ]
        if self.left_out:
            lines.append(
                _(
                    "{n} record(s) signed before signing keys existed stay on this database (nothing "
                    "proves them elsewhere)."
                ).format(n=self.left_out)
            )
        return "\n".join(lines)


# PostgreSQL's lock_not_available: a lock (the agency database's write lock,
# :data:`supervisor_app.db.WRITE_LOCK`) not granted within lock_timeout.
LOCK_NOT_AVAILABLE = "55P03"


def sync(
    local: Database,
    agency: Database,
    *,
    url: str = "",
    progress: Callable[[str], None] | None = None,
    batch_records: int = sync_service.BATCH_RECORDS,
) -> SyncSummary:
    """Sync ``local`` (a laptop's database) with ``agency`` (the agency database, ``url`` as
    given, kept only as a digest): up, then down, in batches of about ``batch_records``
    records. ``progress(text)`` is told after each batch. See the module's docstring.

    The agency's write lock held by another writer longer than a writer waits for it (a long
    signing, another sync's batch) raises :class:`~supervisor_app.storage.DatabaseError`
    saying the agency database is busy, not an error of the connection: the server answers."""
    try:
        return _sync(local, agency, url=url, progress=progress, batch_records=batch_records)
    except Exception as exc:
        if not _lock_not_granted(exc):
            raise
    # Raised here, outside the handler: nothing chains it to the driver's error, which callers
    # would take for a lost connection (ui/sync_control.problem walks the chain).
    raise _agency_busy()


def open_agency(url: str) -> Database:
    """The agency database at ``url`` (:func:`~supervisor_app.db.open_database`) for a sync; its
    write lock held by another writer while it opens raises the busy
    :class:`~supervisor_app.storage.DatabaseError` (:func:`sync`), not "cannot be reached"."""
    from supervisor_app.db import open_database
    from supervisor_app.storage import DatabaseError

    try:
        return open_database(url)
    except DatabaseError as exc:
        if not _lock_not_granted(exc):
            raise
    raise _agency_busy()


def _agency_busy() -> Exception:
    from supervisor_app.storage import DatabaseError

    return DatabaseError(
        _(
            "The agency database is busy: another sync or signing holds it. Nothing more was sent or "
            "received; what this sync moved before is kept. Try again in a minute."
        ),
        kind="busy",
    )


def _lock_not_granted(exc: BaseException) -> bool:
    """Whether ``exc`` (or the driver's error it wraps) is PostgreSQL's lock_not_available."""
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop()
        if item is None or any(item is s for s in seen):
            continue
        if getattr(item, "sqlstate", None) == LOCK_NOT_AVAILABLE:
            return True
        seen.append(item)
        todo += [item.__cause__, item.__context__, getattr(item, "orig", None)]
    return False


def _sync(
    local: Database,
    agency: Database,
    *,
    url: str,
    progress: Callable[[str], None] | None,
    batch_records: int,
) -> SyncSummary:
    say = progress or (lambda _text: None)
    with local.uow("sync", reading=True) as uow:
        laptop_chain, _keys_from = chain_identity(signing.dbapi(uow))
    with agency.uow("sync", reading=True) as uow:
        agency_chain, _keys_from = chain_identity(signing.dbapi(uow))
        agency_heads = sync_service.heads_of(uow)
        trail_heads = trail_member.held_heads(uow, laptop_chain)
    if laptop_chain == agency_chain:
        raise DomainError(
            _(
                "This database and the server's are the same database (chain {chain}): there is nothing to sync."
            ).format(chain=laptop_chain[:8]),
            code="sync.same_database",
        )
    up_source = _("the sync batch from database {chain}").format(chain=laptop_chain[:8])
    down_source = _("the sync batch from the agency database {chain}").format(chain=agency_chain[:8])

    # Up
    with local.uow("sync", reading=True) as uow, agency.uow("sync", reading=True) as held:
        sync_service.refuse_fork(uow, held, chain=laptop_chain)
    with local.uow("sync", reading=True) as uow:
        laptop_people = _supervisee_gids(uow)
        changes = people_member.supervisor_changes(uow, laptop_people)
        collected = sync_service.collect_up(
            uow,
            agency_heads,
            also_supervisors=people_member.referenced_supervisors(changes),
        )
        up_batches = sync_service.batches(collected.members, most=batch_records, after=agency_heads)
        people_up = people_member.collect_people(
            uow,
            supervisees=laptop_people,
            supervisors=sync_service.supervisors_of(up_batches),
            changes=changes,
        )
        trail = trail_member.collect_trail(uow, chain=laptop_chain, after=trail_heads)
    left_out = len(collected.left_out)
    up_batches = sync_service.with_trail(sync_service.with_people(up_batches, people_up), trail)
    sync_service.pause_point("up.collected")
    sent_ids: set[str] = set()
    won_here: list[dict[str, Any]] = []  # conflicts this database's edits won at the agency
    done: set[str] = set()
    up_ids = {r["id"] for b in up_batches for r in b["records.json"]}
    for i, members in enumerate(up_batches, 1):
        with agency.uow("sync") as uow:
            taken = sync_service.take_batch(uow, members, source=up_source, agency=True)
            sync_service.pause_point("up.before_commit")
            uow.commit()
        sync_service.pause_point("up.after_commit")
        sent_ids |= taken.taken
        won_here += people_member.won_by(taken.conflicts, laptop_chain)
        done |= {r["id"] for r in members["records.json"]}
        say(
            _("Sent batch {i} of {n}: {done} of {total} record(s).").format(
                i=i, n=len(up_batches), done=f"{len(done):,}", total=f"{len(up_ids):,}"
            )
        )

    # Down
    sync_service.pause_point("between")
    with local.uow("sync", reading=True) as uow:
        mine = sync_service.own_supervisors(uow)
        peer_heads, peer_supervisees = sync_service.read_peer(uow, agency_chain)
    with agency.uow("sync", reading=True) as uow:
        agency_heads = sync_service.heads_of(uow)
        wanted = sync_service.supervised_by(uow, mine)
        known = set(peer_supervisees)
        # the people both hold: those coming down and those already here (moved away, edited)
        both = sorted({gid for _sid, gid in wanted} | set(laptop_people))
        changes = people_member.supervisor_changes(uow, both)
        also = sorted({*mine, *people_member.referenced_supervisors(changes)})
        fresh = [sid for sid, gid in wanted if gid not in known]
        again = sync_service.collect_down(
            uow,
            [sid for sid, gid in wanted if gid in known],
            after=peer_heads,
            laptop_chain=laptop_chain,
            also_supervisors=() if fresh else also,
        )
        new = sync_service.collect_down(
            uow, fresh, after={}, laptop_chain=laptop_chain, also_supervisors=also if fresh else ()
        )
        down_batches = [
            b
            for c, after in ((again, peer_heads), (new, {}))
            if c is not None
            for b in sync_service.batches(
                c.members, most=batch_records, after={**after, laptop_chain: sync_service.BEYOND}
            )
        ]
        people_down = people_member.collect_people(
            uow, supervisees=both, supervisors=sync_service.supervisors_of(down_batches), changes=changes
        )
    down_batches = sync_service.with_people(down_batches, {**people_down, "conflicts": won_here})
    down_ids = {r["id"] for b in down_batches for r in b["records.json"]}
    sync_service.pause_point("down.collected")
    received_ids: set[str] = set()
    done = set()
    supervisees = sorted(gid for _sid, gid in wanted)
    for i, members in enumerate(down_batches, 1):
        with local.uow("sync") as uow:
            taken = sync_service.take_batch(uow, members, source=down_source)
            if i == len(down_batches):
                sync_service.write_peer(
                    uow, agency_chain, url=url, heads=agency_heads, supervisees=supervisees
                )
            sync_service.pause_point("down.before_commit")
            uow.commit()
        sync_service.pause_point("down.after_commit")
        received_ids |= taken.taken
        done |= {r["id"] for r in members["records.json"]}
        say(
            _("Received batch {i} of {n}: {done} of {total} record(s).").format(
                i=i, n=len(down_batches), done=f"{len(done):,}", total=f"{len(down_ids):,}"
            )
        )
    if not down_batches:
        with local.uow("sync") as uow:
            sync_service.write_peer(uow, agency_chain, url=url, heads=agency_heads, supervisees=supervisees)
            uow.commit()

    # Outside copies: each side remembers how far the other now holds its chain (verify then
    # reports a chain cut shorter than that; docs/SYNC.md).
    with agency.uow("sync", reading=True) as uow:
        held_up = sync_service.held_head(uow, laptop_chain)
    with local.uow("sync") as uow:
        sync_service.remember_copy(uow, held_up, peer=f"the agency database {agency_chain[:8]}")
        held_down = sync_service.held_head(uow, agency_chain)
        uow.commit()
    if held_down is not None:
        with agency.uow("sync") as uow:
            sync_service.remember_copy(uow, held_down, peer=f"the laptop database {laptop_chain[:8]}")
            uow.commit()
    sync_service.pause_point("end")
    return SyncSummary(
        sent=len(sent_ids),
        sent_skipped=len(up_ids - sent_ids),
        received=len(received_ids),
        received_skipped=len(down_ids - received_ids),
        left_out=left_out,
        batches=len(up_batches) + len(down_batches),
        supervisees=len(wanted),
    )


def _supervisee_gids(uow: UnitOfWork) -> list[str]:
    return [
        str(g)
        for (g,) in signing.dbapi(uow).execute("SELECT global_id FROM supervisee ORDER BY id").fetchall()
    ]
