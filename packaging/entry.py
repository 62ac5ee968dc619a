"""The frozen app's entry point: the same ``main`` as the ``supervisor-app`` console script.

With no command it opens the desktop app; ``--version``, ``selftest`` and every other command
work from a terminal exactly as in a development checkout.
"""

from __future__ import annotations

import multiprocessing
import sys

from supervisor_app.cli import main

if __name__ == "__main__":
    # verify hashes a large database in worker processes; in a frozen app each worker is this
    # executable started again, and freeze_support() makes it run the worker, not the app.
    multiprocessing.freeze_support()
    sys.exit(main())
