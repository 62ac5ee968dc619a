"""The ``sync`` command: this database (``--db``, a laptop's file) with the agency database
(``--server URL``), up then down (:func:`supervisor_app.usecases.syncing.sync`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from supervisor_app.cli.common import EXIT_FAILURE, EXIT_OK, CliError, show
from supervisor_app.i18n import _


def sync_arguments(syncing: argparse.ArgumentParser) -> None:
    syncing.add_argument(
        "--server",
        required=True,
        metavar="URL",
        help=_("the agency database: postgresql+psycopg://user@host/database (from IT)"),
    )
    # Hidden: records per batch (tests/test_sync_crash.py makes many small batches to kill between).
    syncing.add_argument("--batch-records", type=_batch_records, default=None, help=argparse.SUPPRESS)


def _batch_records(text: str) -> int:
    try:
        value = int(text) if len(text) <= 10 else -1
    except ValueError:
        value = -1
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError(
            _("expected a number of records per batch from 1 to 1,000,000 (got {text!r})").format(
                text=text[:20]
            )
        )
    return value


def _server(url: str) -> str:
    """The agency database's URL (``postgresql+psycopg://``), or a database file that exists;
    anything else is a usage error (exit 2)."""
    if "://" in url:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            backend = make_url(url).get_backend_name()
        except ArgumentError:
            backend = ""
        if backend in ("postgresql", "sqlite"):
            return url
    elif Path(url).expanduser().is_file():
        return str(Path(url).expanduser())
    raise CliError(
        _(
            "--server {url!r} is neither the agency database's URL (postgresql+psycopg://...) nor a database file."
        ).format(url=url)
    )


def sync(args: argparse.Namespace) -> int:
    from supervisor_app.cli.running import database
    from supervisor_app.services.sync import BATCH_RECORDS
    from supervisor_app.storage import DatabaseError
    from supervisor_app.usecases import syncing

    if getattr(args, "demo", False) or getattr(args, "open_hours", None):
        raise CliError(
            _(
                "sync works on this computer's database (--db, or the default one); give no --demo or --open-hours."
            )
        )
    server = _server(args.server)
    with database(args, reading=False) as local:
        try:
            agency = syncing.open_agency(server)
        except DatabaseError as exc:
            raise CliError(str(exc), EXIT_FAILURE) from exc
        try:
            done = syncing.sync(
                local,
                agency,
                url=server,
                progress=lambda text: print(text, file=sys.stderr),
                batch_records=args.batch_records or BATCH_RECORDS,
            )
        finally:
            agency.close()
    show(
        args,
        {
            "sent": done.sent,
            "received": done.received,
            "skipped": done.skipped,
            "left_out": done.left_out,
            "batches": done.batches,
            "supervisees": done.supervisees,
        },
        done.text(),
    )
    return EXIT_OK
