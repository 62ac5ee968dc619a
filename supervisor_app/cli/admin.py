"""The commands that look after the database itself: ``init``, ``profiles``, ``demo``,
``check``, ``selftest``, ``backup``, ``restore`` and ``backups``."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from supervisor_app.cli.common import (
    EXIT_FAILURE,
    EXIT_INVALID,
    EXIT_OK,
    CliError,
    check_database_target,
    no_dangling_link,
    show,
    table,
)
from supervisor_app.i18n import _, ngettext

if TYPE_CHECKING:
    from supervisor_app.db import UnitOfWork


def _command(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from supervisor_app.cli.table import command_for  # the table imports this module

    return command_for(args)


def init_arguments(add: argparse.ArgumentParser) -> None:
    add.add_argument(
        "--app-role",
        default=None,
        metavar="ROLE",
        help=_(
            "agency database only: after creating it, let this role (the one laptops and desks "
            "connect as) read and write rows, and nothing more"
        ),
    )


def init(args: argparse.Namespace) -> int:
    """``init``: create or upgrade the database file; given a PostgreSQL URL (``--db`` or
    ``$SUPERVISOR_APP_DB``), create the agency database there, or upgrade one an earlier version
    made (:mod:`supervisor_app.agency_schema`)."""
    from supervisor_app.cli.running import actor, database
    from supervisor_app.db import ENV_DB

    target = args.db or os.environ.get(ENV_DB)
    if getattr(args, "demo", False) or getattr(args, "open_hours", None):
        target = None
    if target and target.startswith("postgres"):
        return _init_agency(args, target)
    if getattr(args, "app_role", None):
        raise CliError(
            _("--app-role is for the agency database (--db postgresql+psycopg://...), not a database file.")
        )
    with database(args, reading=False) as db, db.uow(actor()) as uow:
        db = uow.db
        show(args, {"database": db.url}, _("Database ready: {database}").format(database=db.path or db.url))
        if db.path is not None:
            from supervisor_app.fileops import sync_warning

            warning = sync_warning(db.path)  # OneDrive and the like: allowed, but said
            if warning:
                print(_("Warning: {warning}").format(warning=warning), file=sys.stderr)
    return EXIT_OK


def _init_agency(args: argparse.Namespace, url: str) -> int:
    from supervisor_app.agency_schema import (
        create_or_upgrade_agency_schema,
        grant_app_role,
        refuse_unless_postgres,
    )
    from supervisor_app.storage import DatabaseError

    try:
        refuse_unless_postgres(url)
    except DatabaseError as exc:
        raise CliError(str(exc)) from None  # a mistyped URL: bad input, exit 2
    from sqlalchemy.engine import make_url

    shown = make_url(url).render_as_string(hide_password=True)
    role = getattr(args, "app_role", None)
    if role is not None and (not role.strip() or role == make_url(url).username):
        raise CliError(
            _(
                "--app-role must name another role than the owner's ({role}): the owner can drop the "
                "triggers that protect signed records."
            ).format(role=role)
        )
    found, revision = create_or_upgrade_agency_schema(url)
    if found is None:
        done = _("Agency database created at revision {revision}: {database}")
    elif found == revision:
        done = _("Agency database already at revision {revision}: {database}")
    else:
        done = _("Agency database upgraded from revision {found} to {revision}: {database}")
    done = done.format(found=found, revision=revision, database=shown)
    if role is not None:
        grant_app_role(url, role)
    show(
        args,
        {"database": shown, "revision": revision, "upgraded_from": found, "app_role": role},
        done
        + (
            "\n" + _("The role {role} may now read and write its rows.").format(role=role)
            if role is not None
            else ""
        ),
    )
    return EXIT_OK


def profiles(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.units import hours

    data = []
    lines = []
    for p in uow.db.profiles:
        data.append(
            {
                "code": p.code,
                "name": p.name,
                "board": p.board,
                "version": p.version,
                "effective": p.effective.isoformat(),
                "domains": {d.code: d.label for d in p.domains},
                "supervision_minutes": p.supervision.total_minutes.value,
                "experience_minutes": p.experience.total_minutes.value,
                "unconfirmed": [name for name, __ in p.unconfirmed_rules()],
                "source_file": p.path,
                "overridden": p.overridden,
            }
        )
        flag = (
            " "
            + _("(verify with ICB: {rules})").format(rules=", ".join(_(n) for n, __ in p.unconfirmed_rules()))
            if p.has_unconfirmed
            else ""
        )
        lines.append(
            f"{p.code:6} "
            + _("{name} — {board}, version {version}").format(name=p.name, board=p.board, version=p.version)
            + "\n       "
            + _("supervision {supervision} h, experience {experience} h").format(
                supervision=hours(p.supervision.total_minutes.value),
                experience=hours(p.experience.total_minutes.value),
            )
            + flag
            + "\n       "
            + _("domains: {codes}").format(codes=", ".join(d.code for d in p.domains))
        )
    show(args, data, "\n".join(lines))
    return EXIT_OK


def demo(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services.demo import DEMO_PASSWORD, load_demo

    summary = load_demo(uow)
    show(
        args,
        summary.__dict__,
        _(
            "Sample agency added: {supervisors} supervisors, {supervisees} supervisees, "
            "{sessions} sessions, {experience} experience entries ({signed} signed). "
            "Demo supervisors' password: {password}"
        ).format(
            supervisors=summary.supervisors,
            supervisees=summary.supervisees,
            sessions=summary.sessions,
            experience=summary.experience,
            signed=summary.signed,
            password=DEMO_PASSWORD,
        ),
    )
    return EXIT_OK


def check(args: argparse.Namespace) -> int:
    """``check``: SQLite's page-by-page check of the whole file now, whatever the day, with the
    checks every command makes (header, length, schema, revision). Reads only."""
    from supervisor_app.db import open_database, resolve_database, url_database

    if getattr(args, "demo", False) or getattr(args, "open_hours", None):
        raise CliError(
            _("check looks at a database file (--db, or the default one); give no --demo or --open-hours.")
        )
    check_database_target(args.db, _command(args))
    database = url_database(resolve_database(args.db))
    if database is None or not Path(database).is_file():
        raise CliError(
            _("{database} does not exist: there is nothing to check.").format(database=database or args.db)
        )
    path = Path(database)
    started = time.perf_counter()
    db = open_database(path, integrity=True, reading=True, migrate=False)
    db.close()
    took = time.perf_counter() - started
    show(
        args,
        {"database": str(path), "sound": True, "seconds": round(took, 3)},
        _(
            "OK: {name} is sound: every page reads, and its schema and revision are supervisor_app's "
            "({seconds} s). The next whole-file check is due in a day."
        ).format(name=path.name, seconds=f"{took:.1f}"),
    )
    return EXIT_OK


def selftest(_args: argparse.Namespace) -> int:
    """Never opens the user's database."""
    from supervisor_app.selftest import run_selftest

    return run_selftest()


def backup_arguments(backup: argparse.ArgumentParser) -> None:
    backup.add_argument("--out", required=True, metavar="FILE")


def backup(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.usecases import backups

    db = uow.db
    no_dangling_link(Path(args.out).expanduser(), "--out")
    out = Path(args.out).expanduser().resolve()
    if db.path is None:
        raise CliError(_("Only a database file can be backed up."))
    if out == db.path:
        raise CliError(_("The backup must go to another file than the database itself."))
    if out.exists() and out.is_dir():
        raise CliError(_("{path} is a folder; give a file name for the backup.").format(path=out))
    backups.backup_now(db, out)
    show(args, {"backup": str(out)}, _("Backed up to {path}").format(path=out))
    return EXIT_OK


def restore_arguments(restore: argparse.ArgumentParser) -> None:
    restore.add_argument("file", metavar="FILE")


def restore(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from supervisor_app.db import resolve_database
    from supervisor_app.lockfile import DatabaseLock
    from supervisor_app.storage import DatabaseError
    from supervisor_app.usecases import backups

    if getattr(args, "demo", False):
        raise CliError(_("restore does not apply to the demo database."))
    check_database_target(args.db, _command(args))
    database = make_url(resolve_database(args.db)).database
    if not database:
        raise CliError(_("restore needs a database file."))
    path = Path(database)
    lock = DatabaseLock(path)
    holder = lock.acquire()
    if holder is not None:
        raise CliError(
            _("The database is open in the app ({holder}); close it there first.").format(
                holder=holder.describe()
            ),
            EXIT_FAILURE,
        )
    try:
        result = backups.restore(path, Path(args.file).expanduser())
    except DatabaseError as exc:  # a bad backup file is bad input; a read-only or full disk is not
        raise CliError(
            str(exc), EXIT_FAILURE if exc.kind in ("read-only", "storage") else EXIT_INVALID
        ) from exc
    finally:
        lock.release()
    show(
        args,
        {
            "restored_from": str(result.restored_from),
            "replaced_copy": str(result.replaced_copy) if result.replaced_copy else None,
            "records_checked": result.records_checked,
        },
        ngettext(
            "Restored from {path} ({n} records verified).",
            "Restored from {path} ({n} records verified).",
            result.records_checked,
        ).format(path=result.restored_from, n=result.records_checked)
        + (
            " " + _("The replaced database is kept as {path}.").format(path=result.replaced_copy)
            if result.replaced_copy
            else ""
        ),
    )
    return EXIT_OK


def backups(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.storage import list_backups

    db = uow.db
    found = list_backups(db.path) if db.path else []
    data = [
        {"path": str(b.path), "taken_at": b.taken_at.isoformat(), "reason": b.reason, "size": b.size}
        for b in found
    ]
    show(
        args,
        data,
        lambda: (
            table(
                [
                    (
                        b.taken_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                        b.reason,
                        f"{b.size / 1e6:.1f} MB",
                        b.path,
                    )
                    for b in found
                ],
                [_("taken (local)"), _("why"), _("size"), _("file")],
            )
            if found
            else _("No automatic backups yet.")
        ),
    )
    return EXIT_OK
