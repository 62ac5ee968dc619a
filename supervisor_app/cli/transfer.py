"""The commands that move records in and out: ``import``, ``hours-file``, ``export`` and
``template`` (the use cases :mod:`supervisor_app.usecases.transfer` and
:mod:`supervisor_app.usecases.hours_files`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from supervisor_app.cli.common import EXIT_INVALID, EXIT_OK, CliError, no_dangling_link, show
from supervisor_app.i18n import _, ngettext

if TYPE_CHECKING:
    from supervisor_app.db import UnitOfWork


def import_arguments(importing: argparse.ArgumentParser) -> None:
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--dry-run", action="store_true", help=_("check and report, write nothing"))
    importing.add_argument(
        "--link-supervisee",
        metavar="ID",
        help=_("hours files: the file's supervisee is this person here (recorded under another id)"),
    )


def import_(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services.hours_files import is_hours_file, read_hours_file
    from supervisor_app.usecases import hours_files, transfer

    path = Path(args.file).expanduser()
    if not path.is_file():
        raise CliError(_("{path} does not exist.").format(path=path))
    if is_hours_file(path):  # by its content, whatever its name
        if args.dry_run:
            checked = read_hours_file(path)
            show(
                args,
                {"hours_file": str(path), "records": len(checked.records), "ok": True},
                ngettext(
                    "{file}: an hours file of {name}, {n} signed record(s), every signature checks. "
                    "Nothing was written (--dry-run).",
                    "{file}: an hours file of {name}, {n} signed record(s), every signature checks. "
                    "Nothing was written (--dry-run).",
                    len(checked.records),
                ).format(file=path.name, name=checked.supervisee["name"], n=len(checked.records)),
            )
            return EXIT_OK
        summary = hours_files.import_hours_file(uow, path, link_supervisee_id=args.link_supervisee)
        show(args, _hours_import_json(summary), summary.text())
        return EXIT_OK
    if args.link_supervisee is not None:
        raise CliError(_("--link-supervisee is for hours files; this is a spreadsheet."))
    report = transfer.import_records(uow.db, uow.actor, path, dry_run=args.dry_run)
    if not report.ok:
        print(report.text(), file=sys.stderr)
        if args.json:
            print(json.dumps(report.to_json(), ensure_ascii=False, default=str))
        return EXIT_INVALID
    show(args, report.to_json(), report.text())
    return EXIT_OK


def _hours_import_json(summary: Any) -> dict[str, Any]:
    return {
        "hours_file": str(summary.path),
        "supervisee": {"id": summary.supervisee_id, "name": summary.supervisee_name},
        "added": summary.added,
        "already": summary.already,
        "supervisee_added": summary.supervisee_added,
        "linked": summary.linked,
        "supervisors_added": list(summary.supervisors_added),
        "same_name": [{"id": pid, "name": name} for pid, name in summary.same_name],
    }


def hours_file_arguments(hours_file: argparse.ArgumentParser) -> None:
    hours_file.add_argument("--supervisee", required=True)
    hours_file.add_argument("--out", required=True, metavar="FILE")


def hours_file(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.usecases import hours_files

    out = Path(args.out).expanduser()
    written = hours_files.write_hours_file(uow, supervisee_id=args.supervisee, path=out)
    show(
        args,
        {
            "file": str(written.path),
            "supervisee": written.supervisee_id,
            "records": written.records,
            "voids": written.voids,
            "signatures": written.signatures,
            "left_out": list(written.left_out),
        },
        written.text(),
    )
    return EXIT_OK


def export_arguments(exporting: argparse.ArgumentParser) -> None:
    target = exporting.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", metavar="DIR", help=_("one CSV file per table in this folder"))
    target.add_argument("--json", dest="json_file", metavar="FILE", help=_("one JSON file"))
    target.add_argument(
        "--records", metavar="FILE", help=_("sessions and experience in the import format (.csv/.xlsx)")
    )


def export(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.usecases import transfer

    db = uow.db
    for option, value in (("--out", args.out), ("--json", args.json_file), ("--records", args.records)):
        if value:
            no_dangling_link(Path(value).expanduser(), option)
    if args.out:
        result = transfer.export_archive(db, uow.actor, Path(args.out).expanduser())
        show(
            args,
            {"files": [str(f) for f in result.files], "rows": result.rows},
            _("Exported {rows} rows to {files} CSV files in {folder}").format(
                rows=sum(result.rows.values()), files=len(result.files), folder=args.out
            ),
        )
    elif args.json_file:
        result = transfer.export_archive(db, uow.actor, Path(args.json_file).expanduser(), as_json=True)
        show(
            args,
            {"file": args.json_file, "rows": result.rows},
            _("Exported {rows} rows of {tables} tables to {file}").format(
                rows=sum(result.rows.values()), tables=len(result.rows), file=args.json_file
            ),
        )
    else:
        count = transfer.export_records(db, uow.actor, Path(args.records).expanduser())
        show(
            args,
            {"file": args.records, "records": count},
            _("Wrote {n} records to {file}").format(n=count, file=args.records),
        )
    return EXIT_OK


def file_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE")


def template(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.usecases import transfer

    no_dangling_link(Path(args.file).expanduser(), "template")
    path = transfer.write_template(Path(args.file).expanduser(), profiles=uow.db.profiles)
    show(args, {"file": str(path)}, _("Template written to {path}").format(path=path))
    return EXIT_OK
