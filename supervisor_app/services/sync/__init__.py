"""Sync between a laptop's database and the agency database (issue 17; docs/SYNC.md).

No server of our own: the laptop connects to the agency database and moves hours-file members
(:mod:`supervisor_app.services.hours_files`, wire version 2) both ways, in batches
(:mod:`.wire`), each checked by the hours file's own checks and imported in one transaction:

- :mod:`.up`: the laptop's own and imported chains after the agency's head per chain;
- :mod:`.down`: the records of the supervisees the laptop's supervisors supervise on the
  agency, from every chain but the laptop's own, arriving foreign and read-only;
- :mod:`.state`: chain heads (the cursors) and ``sync_peer``.

:func:`supervisor_app.usecases.syncing.sync` runs a whole sync.
"""

from supervisor_app.services.sync.down import BEYOND, collect_down, supervised_by
from supervisor_app.services.sync.state import heads_of, own_supervisors, read_peer, write_peer
from supervisor_app.services.sync.up import collect_up, refuse_fork, take_batch
from supervisor_app.services.sync.wire import BATCH_RECORDS, batches, supervisors_of, with_people, with_trail

__all__ = [
    "BATCH_RECORDS",
    "BEYOND",
    "batches",
    "collect_down",
    "collect_up",
    "heads_of",
    "own_supervisors",
    "read_peer",
    "refuse_fork",
    "supervised_by",
    "supervisors_of",
    "take_batch",
    "with_people",
    "with_trail",
    "write_peer",
]
