"""A test hook: stop a sync at a named point so a test can kill it there (docs/SYNC.md).

When the environment variable ``SUPERVISOR_APP_SYNC_PAUSE`` names a point (several: separated
by commas; ``*``: every point), the sync prints ``PAUSE <name>`` to stderr there and sleeps
(``SUPERVISOR_APP_SYNC_PAUSE_SECONDS``, 600 unless given), then goes on. Unset, it costs a
dictionary lookup. ``tests/test_sync_crash.py`` kills the ``sync`` command at each point.
"""

from __future__ import annotations

import os
import sys
import time

PAUSE = "SUPERVISOR_APP_SYNC_PAUSE"
PAUSE_SECONDS = "SUPERVISOR_APP_SYNC_PAUSE_SECONDS"

# Where a sync can be paused, in the order a run passes them (the batch points once a batch).
POINTS = (
    "up.collected",  # the laptop's batches are made, nothing sent yet
    "up.before_commit",  # an agency batch imported, its transaction not yet committed
    "up.after_commit",
    "between",  # everything sent, nothing received yet
    "down.collected",
    "down.before_commit",  # a laptop batch (with sync_peer on the last) imported, not committed
    "down.after_commit",
    "end",  # the outside copies recorded, the summary not yet returned
)


def pause_point(name: str) -> None:
    """Pause here when ``SUPERVISOR_APP_SYNC_PAUSE`` names ``name`` (or is ``*``)."""
    wanted = os.environ.get(PAUSE)
    if not wanted:
        return
    if wanted.strip() != "*" and name not in {w.strip() for w in wanted.split(",")}:
        return
    print(f"PAUSE {name}", file=sys.stderr, flush=True)
    try:
        seconds = float(os.environ.get(PAUSE_SECONDS) or 600)
    except ValueError:
        seconds = 600.0
    time.sleep(seconds)
