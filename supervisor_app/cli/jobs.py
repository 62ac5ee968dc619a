"""The ``job`` commands (issue 18): a supervisee's jobs and the 51% recovery-support answer
the CRSS/CPRS form prints (the same services as the app)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from supervisor_app.cli.common import EXIT_OK, show, write
from supervisor_app.i18n import _

if TYPE_CHECKING:
    from supervisor_app.db import UnitOfWork


def _fields(parser: argparse.ArgumentParser, *, adding: bool) -> None:
    parser.add_argument(
        "--title",
        required=adding,
        default=None,
        help=_("job title") if adding else _("job title (unchanged if not given)"),
    )
    parser.add_argument(
        "--employer",
        default=None,
        help=_("employer or agency") if adding else _("employer or agency (unchanged if not given)"),
    )
    parser.add_argument("--from", dest="date_from", required=adding, default=None, metavar="DATE")
    parser.add_argument(
        "--to",
        dest="date_to",
        default=None,
        metavar="DATE",
        help=_("last day ('' or none: still in the job)"),
    )
    parser.add_argument(
        "--recovery-support-51",
        dest="answer",
        default=None,
        metavar="yes|no|''",
        help=_("are at least 51%% of the job's duties recovery support? ('' : not answered)"),
    )
    parser.add_argument("--description", default=None, help=_("the job description as text"))
    parser.add_argument(
        "--description-file",
        default=None,
        metavar="FILE",
        help=_("the job description as a PDF, PNG or JPEG"),
    )


def add_arguments(add: argparse.ArgumentParser) -> None:
    add.add_argument("--supervisee", required=True, help=_("a supervisee's id"))
    _fields(add, adding=True)


def list_arguments(listing: argparse.ArgumentParser) -> None:
    listing.add_argument("--supervisee", required=True, help=_("a supervisee's id"))


def edit_arguments(edit: argparse.ArgumentParser) -> None:
    edit.add_argument("job", metavar="JOB")
    _fields(edit, adding=False)
    edit.add_argument("--remove-description-file", action="store_true")


def description_arguments(save: argparse.ArgumentParser) -> None:
    save.add_argument("job", metavar="JOB")
    save.add_argument("--out", required=True, metavar="FILE")


def _text(row: Any) -> str:
    answer = {True: _("yes"), False: _("no"), None: _("not answered")}[row.answer]
    end = row.date_to.isoformat() if row.date_to else _("present")
    description = (
        _("file {name}").format(name=row.file_name)
        if row.file_name
        else (_("text") if row.description else _("no description"))
    )
    who = f" ({row.answered_by}, {row.answered_at:%Y-%m-%d})" if row.answered_at else ""
    employer = f", {row.employer}" if row.employer else ""
    return (
        f"{row.id:>4}  {row.date_from.isoformat()}..{end}  {row.title}{employer}  "
        f"51%: {answer}{who}  [{description}]"
    )


def list_(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import jobs

    rows = jobs.list_jobs(uow, supervisee_id=args.supervisee)
    show(args, [r.to_json() for r in rows], "\n".join(_text(r) for r in rows) or _("No jobs recorded."))
    return EXIT_OK


def description(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import jobs
    from supervisor_app.services.errors import DomainError
    from supervisor_app.storage import write_private

    found = jobs.description_file(uow, args.job)
    if found is None:
        params = {"job": args.job}
        raise DomainError(
            _("Job {job} has no job description file.").format(**params),
            code="job.no_description_file",
            field="job",
            params=params,
        )
    target = Path(args.out).expanduser()
    write_private(target, found.data)
    show(
        args,
        {"file": str(target), "bytes": found.size},
        _("{name} saved to {path}").format(name=found.filename, path=target),
    )
    return EXIT_OK


def _values(args: argparse.Namespace) -> tuple[Any, dict[str, Any]]:
    """The description file given (read), and the job's fields as typed."""
    from supervisor_app.services import jobs

    file = (
        jobs.read_description_file(Path(args.description_file).expanduser())
        if args.description_file
        else None
    )
    values = {
        "title": args.title,
        "employer": args.employer,
        "date_from": args.date_from,
        "date_to": None
        if args.date_to is not None and args.date_to.strip().lower() == "none"
        else args.date_to,
        "answer": args.answer,
        "description": args.description,
    }
    return file, values


def add(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import jobs

    file, values = _values(args)
    values = {k: v for k, v in values.items() if v is not None}
    job_id = write(
        uow, lambda uow: jobs.add_job(uow, supervisee_id=args.supervisee, description_file=file, **values)
    )
    return _show_job(args, uow, job_id)


def edit(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import jobs

    file, values = _values(args)
    changes = {k: v for k, v in values.items() if v is not None}
    if args.date_to is not None:  # '' or none: still in the job
        changes["date_to"] = values["date_to"] or None
    job_id = jobs.get_job(uow, args.job).id
    write(
        uow,
        lambda uow: jobs.edit_job(
            uow,
            job_id=job_id,
            description_file=file,
            remove_description_file=args.remove_description_file,
            **changes,
        ),
    )
    return _show_job(args, uow, job_id)


def _show_job(args: argparse.Namespace, uow: UnitOfWork, job_id: int) -> int:
    from supervisor_app.services import jobs

    row = next(
        r
        for r in jobs.list_jobs(uow, supervisee_id=jobs.get_job(uow, job_id).supervisee_id)
        if r.id == job_id
    )
    show(args, row.to_json(), _text(row))
    return EXIT_OK
