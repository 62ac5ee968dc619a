"""The training, credential and due commands (issue 20): ``training``, ``credential``,
``supervisee hire-date`` and ``due`` (the same services as the app)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from supervisor_app.cli.common import EXIT_INVALID, EXIT_OK, read_password, show, write
from supervisor_app.i18n import N_, _

if TYPE_CHECKING:
    from supervisor_app.db import UnitOfWork


def _who(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    group = parser.add_mutually_exclusive_group(required=required)
    group.add_argument("--supervisee", default=None, help=_("a supervisee's id"))
    group.add_argument(
        "--supervisor", default=None, help=_("a supervisor's id (their own training or credentials)")
    )


def _area(text: str) -> tuple[str, str]:
    code, sep, value = text.partition("=")
    if not sep or not code.strip():
        raise argparse.ArgumentTypeError(
            _("{text!r}: write an area as CODE=HOURS, e.g. ethics=6").format(text=text)
        )
    return code.strip(), value.strip()


def due_arguments(due: argparse.ArgumentParser) -> None:
    due.add_argument("--days", default="60", help=_("look this many days ahead (default 60)"))


def training_add_arguments(add: argparse.ArgumentParser) -> None:
    _who(add)
    add.add_argument("--from", dest="date_from", required=True, metavar="DATE")
    add.add_argument(
        "--to", dest="date_to", default=None, metavar="DATE", help=_("last day (default: --from)")
    )
    add.add_argument("--title", required=True)
    add.add_argument("--provider", default="")
    add.add_argument("--delivery", default="in-person", help=_("in-person or online"))
    add.add_argument(
        "--area",
        action="append",
        type=_area,
        required=True,
        metavar="CODE=HOURS",
        help=_("hours in a topic area"),
    )
    add.add_argument(
        "--certificate", default=None, metavar="FILE", help=_("the certificate (PDF, PNG or JPEG)")
    )


def who_arguments(listing: argparse.ArgumentParser) -> None:
    _who(listing)


def confirm_arguments(confirm: argparse.ArgumentParser) -> None:
    confirm.add_argument("entry", metavar="ENTRY")
    confirm.add_argument("--supervisor", required=True)
    confirm.add_argument("--password-stdin", action="store_true")


def attach_arguments(attach: argparse.ArgumentParser) -> None:
    attach.add_argument("entry", metavar="ENTRY")
    attach.add_argument("file", metavar="FILE")


def certificate_arguments(cert: argparse.ArgumentParser) -> None:
    cert.add_argument("entry", metavar="ENTRY")
    cert.add_argument("--out", required=True, metavar="FILE")


def entry_argument(delete: argparse.ArgumentParser) -> None:
    delete.add_argument("entry", metavar="ENTRY")


def import_arguments(imp: argparse.ArgumentParser) -> None:
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true")


def credential_add_arguments(add: argparse.ArgumentParser) -> None:
    _who(add)
    add.add_argument("--kind", required=True, help=_("CRSS, CPRS, CADC, LCPC, LCSW..."))
    add.add_argument("--number", default="")
    add.add_argument("--issued", default=None, metavar="DATE")
    add.add_argument("--expires", default=None, metavar="DATE")
    add.add_argument("--board", default="", help=_("issuing board (default: the profile's)"))


def credential_delete_arguments(delete: argparse.ArgumentParser) -> None:
    delete.add_argument("credential_id", metavar="ID")


def hire_date_arguments(hire: argparse.ArgumentParser) -> None:
    hire.add_argument("id")
    hire.add_argument("date", metavar="DATE")


def _person(args: argparse.Namespace) -> Any:
    from supervisor_app.services.people import int_id
    from supervisor_app.services.person_credentials import Person

    if args.supervisee is not None:
        return Person(supervisee_id=int_id(args.supervisee, field="supervisee", label="Supervisee"))
    return Person(supervisor_id=int_id(args.supervisor, field="supervisor", label="Supervisor"))


def hire_date(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import person_credentials

    write(uow, lambda uow: person_credentials.set_hire_date(uow, supervisee_id=args.id, hire_date=args.date))
    row = person_credentials.get_supervisee(uow, args.id)
    shown = row.hire_date.isoformat() if row.hire_date else _("none")
    show(
        args,
        {"id": row.id, "hire_date": row.hire_date},
        _("{name}: hire date {date}.").format(name=row.name, date=shown),
    )
    return EXIT_OK


def due(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import due

    items = due.due_items(uow, days=due.check_days(args.days))
    text = "\n".join(f"{item.date.isoformat()}  {item.text}" for item in items) or _("Nothing is due.")
    show(args, [item.to_json() for item in items], text)
    return EXIT_OK


def credential_add(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import person_credentials

    new_id = write(
        uow,
        lambda uow: person_credentials.add_credential(
            uow,
            person=_person(args),
            kind=args.kind,
            number=args.number,
            issued_on=args.issued,
            expires_on=args.expires,
            board=args.board,
        ),
    )
    show(args, {"id": new_id}, str(new_id))
    return EXIT_OK


def credential_list(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import person_credentials

    rows = person_credentials.list_credentials(uow, person=_person(args))
    lines = [
        f"{r.id:>4}  {r.kind:8} {r.number or '-':14} "
        + _("issued {issued}  expires {expires}").format(
            issued=r.issued_on or "-", expires=r.expires_on or "-"
        )
        + f"  {r.board}"
        for r in rows
    ]
    show(
        args,
        [person_credentials.to_json(r) for r in rows],
        "\n".join(lines) or _("No credentials recorded."),
    )
    return EXIT_OK


def credential_delete(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import person_credentials

    write(uow, lambda uow: person_credentials.delete_credential(uow, credential_id=args.credential_id))
    show(
        args,
        {"deleted": int(args.credential_id)},
        _("Credential {id} deleted.").format(id=args.credential_id),
    )
    return EXIT_OK


def training_add(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import training

    allocations = {code: training.parse_hours(value, field="area", label=code) for code, value in args.area}
    certificate = (
        training.read_certificate_file(Path(args.certificate).expanduser()) if args.certificate else None
    )
    entry_id = write(
        uow,
        lambda uow: training.add_training(
            uow,
            person=_person(args),
            date_from=args.date_from,
            date_to=args.date_to,
            title=args.title,
            provider=args.provider,
            delivery=args.delivery,
            allocations=allocations,
            certificate=certificate,
        ),
    )
    show(args, {"id": entry_id}, entry_id)
    return EXIT_OK


def training_list(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import training
    from supervisor_app.units import hours

    person = _person(args)
    data = training.training_json(uow, person=person)
    show(args, data, lambda: _list_text(data, hours))
    return EXIT_OK


def training_confirm(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import training

    password = read_password(args)
    row = write(
        uow,
        lambda uow: training.confirm_training(
            uow, entry_id=args.entry, supervisor_id=int(args.supervisor), password=password
        ),
    )
    show(
        args,
        {"entry": row.entry_id, "content_hash": row.content_hash, "key": row.key_fingerprint},
        _("Training {entry} confirmed (signed with key {key}).").format(
            entry=row.entry_id[:8], key=row.key_fingerprint[:16]
        ),
    )
    return EXIT_OK


def training_attach(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import training

    certificate = training.read_certificate_file(Path(args.file).expanduser())
    write(uow, lambda uow: training.attach_certificate(uow, entry_id=args.entry, certificate=certificate))
    show(
        args,
        {"entry": args.entry, "file": certificate.filename},
        _("Certificate {name} attached.").format(name=certificate.filename),
    )
    return EXIT_OK


def training_certificate(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import training
    from supervisor_app.services.errors import DomainError
    from supervisor_app.storage import write_private

    found = training.certificate(uow, args.entry)
    if found is None:
        params = {"entry": args.entry}
        raise DomainError(
            _("Training {entry} has no certificate.").format(**params),
            code="training.no_certificate",
            field="entry",
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


def training_delete(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import training

    write(uow, lambda uow: training.delete_training(uow, entry_id=args.entry))
    show(args, {"deleted": args.entry}, _("Training {entry} deleted.").format(entry=args.entry))
    return EXIT_OK


def training_import(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.usecases import transfer

    report = transfer.import_training(uow.db, uow.actor, Path(args.file).expanduser(), dry_run=args.dry_run)
    if not report.ok:
        print(report.text(), file=sys.stderr)
        if args.json:
            print(json.dumps(report.to_json(), ensure_ascii=False))
        return EXIT_INVALID
    show(args, report.to_json(), report.text())
    return EXIT_OK


def training_template(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.usecases import transfer

    path = transfer.write_template(Path(args.file).expanduser(), profiles=uow.db.profiles, training=True)
    show(args, {"file": str(path)}, _("Training template written to {path}").format(path=path))
    return EXIT_OK


WORDS = {
    "in-person": N_("in-person"),
    "online": N_("online"),
    "self-reported": N_("self-reported"),
    "confirmed": N_("confirmed"),
    "confirmation does not match": N_("confirmation does not match"),
}
"""A training's delivery and status as the list shows them (``--json`` keeps the stored words)."""


def _shown(word: str) -> str:
    return _(WORDS[word]) if word in WORDS else word


def _list_text(data: dict[str, Any], hours: Any) -> str:
    lines = []
    for entry in data["entries"]:
        cert = (
            "  [" + _("certificate: {name}").format(name=entry["certificate"]) + "]"
            if entry["certificate"]
            else ""
        )
        provider = entry["provider"] or _("no provider")
        lines.append(
            f"{entry['id'][:8]}  {entry['from']}..{entry['to']}  {hours(entry['minutes']):>7} h  {entry['title']}"
            f" ({provider}, {_shown(entry['delivery'])})  {_shown(entry['status'])}{cert}"
        )
    if not lines:
        lines.append(_("No training recorded."))
    for part in ([data["education"]] if data["education"] else []) + data["renewals"]:
        title = part["title"]
        if part.get("period"):
            title += " (" + _("{start} to {end}").format(start=part["period"][0], end=part["period"][1]) + ")"
        lines.append("")
        lines.append(
            _("{title}: {done} of {required} h").format(
                title=title, done=hours(part["done_minutes"]), required=hours(part["required_minutes"])
            )
        )
        lines.extend(f"  - {text}" for text in part["missing"])
        lines.extend("  " + _("note: {text}").format(text=text) for text in part["notes"])
    return "\n".join(lines)
