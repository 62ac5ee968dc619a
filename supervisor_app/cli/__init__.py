"""The command line: the same use cases and services as the app, a contract other tools script
against.

A table of commands (:mod:`supervisor_app.cli.table`), each row a short handler
``(args, uow) -> exit code`` in the module of its subject (:mod:`~supervisor_app.cli.people`,
:mod:`~supervisor_app.cli.records`, :mod:`~supervisor_app.cli.forms`,
:mod:`~supervisor_app.cli.transfer`, :mod:`~supervisor_app.cli.admin`,
:mod:`~supervisor_app.cli.training`, :mod:`~supervisor_app.cli.jobs`); :func:`main` parses and
runs one (:mod:`supervisor_app.cli.running`). Handlers import what they need when they run,
so ``--help`` and ``--version`` start fast and a command loads only its own services.

Exit codes: 0 done; 2 invalid input or usage (message on stderr, nothing written); 1 any
other failure.
"""

from supervisor_app.cli.common import EXIT_FAILURE, EXIT_INVALID, EXIT_OK, CliError
from supervisor_app.cli.running import main, run
from supervisor_app.cli.table import COMMANDS, build_parser

__all__ = ["COMMANDS", "EXIT_FAILURE", "EXIT_INVALID", "EXIT_OK", "CliError", "build_parser", "main", "run"]
