"""``python -m supervisor_app.cli``: the command line, as the ``supervisor-app`` script."""

import sys

from supervisor_app.cli import main

sys.exit(main())
