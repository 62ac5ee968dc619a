"""The CLI's training, credential and due commands (issue 20): ``training``, ``credential``,
``supervisee hire-date`` and ``due``. Parsers are added to the main parser by
:func:`add_parsers`; :func:`run` handles them (the same services as the app)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

COMMANDS = frozenset({"training", "credential", "due"})
READ_ONLY = frozenset({"due"})


def _who(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    group = parser.add_mutually_exclusive_group(required=required)
    group.add_argument("--supervisee", default=None, help="a supervisee's id")
    group.add_argument(
        "--supervisor", default=None, help="a supervisor's id (their own training or credentials)"
    )


def _area(text: str) -> tuple[str, str]:
    code, sep, value = text.partition("=")
    if not sep or not code.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: write an area as CODE=HOURS, e.g. ethics=6")
    return code.strip(), value.strip()


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    def command(name: str, help_: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_, parents=[common])

    due = command("due", "what is due: expiring credentials, renewals short of CEUs, supervision gaps, ...")
    due.add_argument("--days", default="60", help="look this many days ahead (default 60)")

    train = command("training", "training and education hours, certificates, confirmation")
    t_sub = train.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = t_sub.add_parser("add", parents=[common], help="record a training (self-reported)")
    _who(add)
    add.add_argument("--from", dest="date_from", required=True, metavar="DATE")
    add.add_argument("--to", dest="date_to", default=None, metavar="DATE", help="last day (default: --from)")
    add.add_argument("--title", required=True)
    add.add_argument("--provider", default="")
    add.add_argument("--delivery", default="in-person", help="in-person or online")
    add.add_argument(
        "--area",
        action="append",
        type=_area,
        required=True,
        metavar="CODE=HOURS",
        help="hours in a topic area",
    )
    add.add_argument("--certificate", default=None, metavar="FILE", help="the certificate (PDF, PNG or JPEG)")
    listing = t_sub.add_parser("list", parents=[common], help="a person's training, education and renewals")
    _who(listing)
    confirm = t_sub.add_parser("confirm", parents=[common], help="confirm a supervisee's training (signs it)")
    confirm.add_argument("entry", metavar="ENTRY")
    confirm.add_argument("--supervisor", required=True)
    confirm.add_argument("--password-stdin", action="store_true")
    attach = t_sub.add_parser("attach", parents=[common], help="attach (or replace) the certificate")
    attach.add_argument("entry", metavar="ENTRY")
    attach.add_argument("file", metavar="FILE")
    cert = t_sub.add_parser("certificate", parents=[common], help="save a training's certificate to a file")
    cert.add_argument("entry", metavar="ENTRY")
    cert.add_argument("--out", required=True, metavar="FILE")
    delete = t_sub.add_parser("delete", parents=[common], help="delete a self-reported training")
    delete.add_argument("entry", metavar="ENTRY")
    imp = t_sub.add_parser(
        "import", parents=[common], help="import training from CSV or XLSX (all or nothing)"
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true")
    template = t_sub.add_parser("template", parents=[common], help="write a training import template (.csv)")
    template.add_argument("file", metavar="FILE")

    cred = command("credential", "credentials and licences people hold (number, issue date, expiry)")
    c_sub = cred.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = c_sub.add_parser("add", parents=[common], help="record a credential a person holds")
    _who(add)
    add.add_argument("--kind", required=True, help="CRSS, CPRS, CADC, LCPC, LCSW...")
    add.add_argument("--number", default="")
    add.add_argument("--issued", default=None, metavar="DATE")
    add.add_argument("--expires", default=None, metavar="DATE")
    add.add_argument("--board", default="", help="issuing board (default: the profile's)")
    listing = c_sub.add_parser("list", parents=[common], help="a person's credentials")
    _who(listing)
    delete = c_sub.add_parser("delete", parents=[common], help="delete a credential recorded by mistake")
    delete.add_argument("credential_id", metavar="ID")


def add_hire_date_parser(see_sub: Any, common: argparse.ArgumentParser) -> None:
    hire = see_sub.add_parser(
        "hire-date", parents=[common], help="record the day the agency hired a supervisee ('' clears it)"
    )
    hire.add_argument("id")
    hire.add_argument("date", metavar="DATE")


def handles(args: argparse.Namespace) -> bool:
    return args.command in COMMANDS or (args.command == "supervisee" and args.action == "hire-date")


def _person(args: argparse.Namespace) -> Any:
    from supervisor_app.services.people import _int_id
    from supervisor_app.services.person_credentials import Person

    if args.supervisee is not None:
        return Person(supervisee_id=_int_id(args.supervisee, field="supervisee", label="Supervisee id"))
    return Person(supervisor_id=_int_id(args.supervisor, field="supervisor", label="Supervisor id"))


def run(args: argparse.Namespace, uow: Any, out: Any, read_password: Any) -> int:
    """One command; ``out(args, data, text)`` prints, ``read_password(args)`` asks."""
    from supervisor_app.services import due, person_credentials, training, training_import
    from supervisor_app.units import hours
    from supervisor_app.usecases import transfer

    if args.command == "supervisee":
        person_credentials.set_hire_date(uow, supervisee_id=args.id, hire_date=args.date)
        uow.commit()
        row = person_credentials.get_supervisee(uow, args.id)
        shown = row.hire_date.isoformat() if row.hire_date else "none"
        out(args, {"id": row.id, "hire_date": row.hire_date}, f"{row.name}: hire date {shown}.")
        return 0
    if args.command == "due":
        items = due.due_items(uow, days=due.check_days(args.days))
        text = "\n".join(f"{item.date.isoformat()}  {item.text}" for item in items) or "Nothing is due."
        out(args, [item.to_json() for item in items], text)
        return 0
    if args.command == "credential":
        if args.action == "add":
            new_id = person_credentials.add_credential(
                uow,
                person=_person(args),
                kind=args.kind,
                number=args.number,
                issued_on=args.issued,
                expires_on=args.expires,
                board=args.board,
            )
            uow.commit()
            out(args, {"id": new_id}, str(new_id))
        elif args.action == "list":
            rows = person_credentials.list_credentials(uow, person=_person(args))
            lines = [
                f"{r.id:>4}  {r.kind:8} {r.number or '-':14} issued {r.issued_on or '-'}  expires "
                f"{r.expires_on or '-'}  {r.board}"
                for r in rows
            ]
            out(
                args,
                [person_credentials.to_json(r) for r in rows],
                "\n".join(lines) or "No credentials recorded.",
            )
        else:
            person_credentials.delete_credential(uow, credential_id=args.credential_id)
            uow.commit()
            out(args, {"deleted": int(args.credential_id)}, f"Credential {args.credential_id} deleted.")
        return 0
    action = args.action
    if action == "add":
        allocations = {
            code: training.parse_hours(value, field="area", label=code) for code, value in args.area
        }
        certificate = (
            training.read_certificate_file(Path(args.certificate).expanduser()) if args.certificate else None
        )
        entry_id = training.add_training(
            uow,
            person=_person(args),
            date_from=args.date_from,
            date_to=args.date_to,
            title=args.title,
            provider=args.provider,
            delivery=args.delivery,
            allocations=allocations,
            certificate=certificate,
        )
        uow.commit()
        out(args, {"id": entry_id}, entry_id)
    elif action == "list":
        person = _person(args)
        data = training.training_json(uow, person=person)
        out(args, data, lambda: _list_text(data, hours))
    elif action == "confirm":
        password = read_password(args)
        row = training.confirm_training(
            uow, entry_id=args.entry, supervisor_id=int(args.supervisor), password=password
        )
        uow.commit()
        out(
            args,
            {"entry": row.entry_id, "content_hash": row.content_hash, "key": row.key_fingerprint},
            f"Training {row.entry_id[:8]} confirmed (signed with key {row.key_fingerprint[:16]}).",
        )
    elif action == "attach":
        certificate = training.read_certificate_file(Path(args.file).expanduser())
        training.attach_certificate(uow, entry_id=args.entry, certificate=certificate)
        uow.commit()
        out(
            args,
            {"entry": args.entry, "file": certificate.filename},
            f"Certificate {certificate.filename} attached.",
        )
    elif action == "certificate":
        from supervisor_app.storage import write_private

        found = training.certificate(uow, args.entry)
        if found is None:
            from supervisor_app.services.errors import DomainError

            raise DomainError(f"Training {args.entry} has no certificate.", field="entry")
        target = Path(args.out).expanduser()
        write_private(target, found.data)
        out(args, {"file": str(target), "bytes": found.size}, f"{found.filename} saved to {target}")
    elif action == "delete":
        training.delete_training(uow, entry_id=args.entry)
        uow.commit()
        out(args, {"deleted": args.entry}, f"Training {args.entry} deleted.")
    elif action == "import":
        report = transfer.import_training(
            uow.db, uow.actor, Path(args.file).expanduser(), dry_run=args.dry_run
        )
        if not report.ok:
            import json
            import sys

            print(report.text(), file=sys.stderr)
            if args.json:
                print(json.dumps(report.to_json(), ensure_ascii=False))
            return 2
        out(args, report.to_json(), report.text())
    elif action == "template":
        path = training_import.write_template(Path(args.file).expanduser(), profiles=uow.db.profiles)
        out(args, {"file": str(path)}, f"Training template written to {path}")
    return 0


def _list_text(data: dict[str, Any], hours: Any) -> str:
    lines = []
    for entry in data["entries"]:
        cert = f"  [certificate: {entry['certificate']}]" if entry["certificate"] else ""
        lines.append(
            f"{entry['id'][:8]}  {entry['from']}..{entry['to']}  {hours(entry['minutes']):>7} h  {entry['title']}"
            f" ({entry['provider'] or 'no provider'}, {entry['delivery']})  {entry['status']}{cert}"
        )
    if not lines:
        lines.append("No training recorded.")
    for part in ([data["education"]] if data["education"] else []) + data["renewals"]:
        title = part["title"]
        if part.get("period"):
            title += f" ({part['period'][0]} to {part['period'][1]})"
        lines.append("")
        lines.append(f"{title}: {hours(part['done_minutes'])} of {hours(part['required_minutes'])} h")
        lines.extend(f"  - {text}" for text in part["missing"])
        lines.extend(f"  note: {text}" for text in part["notes"])
    return "\n".join(lines)


def _today() -> dt.date:
    return dt.date.today()
