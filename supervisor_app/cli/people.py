"""The commands about people: ``supervisor``, ``supervisee`` and ``agency``. Each handler
calls the services through :func:`~supervisor_app.cli.common.write` (one commit) and prints
the answer."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from supervisor_app.cli.common import (
    EXIT_OK,
    SUPERVISEE_FIELDS,
    CliError,
    iso,
    person_json,
    read_password,
    show,
    show_recovery_key,
    two_lines,
    write,
)
from supervisor_app.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from supervisor_app.db import UnitOfWork


# --------------------------------------------------------------------------------------------
# supervisor add | passwd | edit | leave | reactivate | recover | recovery-key


def supervisor_add_arguments(add: argparse.ArgumentParser) -> None:
    add.add_argument("--name", required=True)
    add.add_argument("--credentials", required=True, help=_('as printed, e.g. "CRSS, LCPC"'))
    add.add_argument("--title", default="")
    add.add_argument("--icb-number", default="")
    add.add_argument("--license", default="", help=_('license type and number, e.g. "LCPC 180.000123"'))
    add.add_argument("--email", default="")
    add.add_argument("--phone", default="")
    add.add_argument("--agency", default=None)
    add.add_argument(
        "--certification-expires", default=None, metavar="DATE", help=_("ICB certification expiry")
    )
    add.add_argument("--license-expires", default=None, metavar="DATE")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help=_("read the password from standard input (the recovery key is then printed once, on stderr)"),
    )


def supervisor_add(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services.supervisors import create_supervisor

    password = read_password(args) if args.password_stdin else None
    license_type, __, license_number = args.license.strip().partition(" ")
    row, key = write(
        uow,
        lambda uow: create_supervisor(
            uow,
            name=args.name,
            credentials=args.credentials,
            title=args.title,
            icb_number=args.icb_number,
            license_type=license_type,
            license_number=license_number.strip(),
            email=args.email,
            phone=args.phone,
            certification_expires=args.certification_expires,
            license_expires=args.license_expires,
            agency=args.agency,
            password=password,
        ),
    )
    show(args, {"id": row.id, **({"recovery_key": key} if key else {})}, str(row.id))
    show_recovery_key(args, row.name, row.id, key)
    return EXIT_OK


def supervisor_passwd_arguments(passwd: argparse.ArgumentParser) -> None:
    passwd.add_argument("id")
    passwd.add_argument("--by", default=None, metavar="SUPERVISOR_ID", help=_("the supervisor who sets it"))


def supervisor_passwd(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import auth, people

    supervisor = people.get_supervisor(uow, args.id)
    if args.by is not None:
        by = people.get_supervisor(uow, args.by, field="by")
        by_password, new = two_lines(
            _("Give {name}'s password and the new password as two lines on standard input.").format(
                name=by.name
            )
        )
        uow.actor = f"supervisor:{by.id}"
        key = write(
            uow,
            lambda uow: auth.set_password_by_another(
                uow,
                supervisor_id=supervisor.id,
                new_password=new,
                by_supervisor_id=by.id,
                by_password=by_password,
            ),
        )
        text = _("Password set for {name} by {by}.").format(name=supervisor.name, by=by.name)
    else:
        old = sys.stdin.readline().rstrip("\r\n")
        new = sys.stdin.readline().rstrip("\r\n")
        if not new:
            raise CliError(_("Give the old and the new password as two lines on standard input."))
        uow.actor = f"supervisor:{supervisor.id}"
        key = write(
            uow,
            lambda uow: auth.change_password(
                uow, supervisor_id=supervisor.id, old_password=old, new_password=new
            ),
        )
        text = _("Password changed for {name}.").format(name=supervisor.name)
    show(args, {"id": supervisor.id, "changed": True, **({"recovery_key": key} if key else {})}, text)
    show_recovery_key(args, supervisor.name, supervisor.id, key)
    return EXIT_OK


SUPERVISOR_EDIT_OPTIONS = (
    "name",
    "credentials",
    "title",
    "icb-number",
    "license-type",
    "license-number",
    "email",
    "phone",
)


def supervisor_edit_arguments(edit: argparse.ArgumentParser) -> None:
    edit.add_argument("id")
    for option in SUPERVISOR_EDIT_OPTIONS:
        edit.add_argument(f"--{option}", default=None)
    edit.add_argument("--license", default=None, help=_('license type and number, e.g. "LCPC 180.000123"'))
    edit.add_argument(
        "--certification-expires", default=None, metavar="DATE", help=_('ICB certification; "" clears')
    )
    edit.add_argument("--license-expires", default=None, metavar="DATE", help=_('"" clears'))


def supervisor_edit(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import people, supervisors

    supervisor = people.get_supervisor(uow, args.id)
    changes = {
        field: getattr(args, field)
        for field in supervisors.EDITABLE
        if getattr(args, field, None) is not None
    }
    if args.license is not None:
        if "license_type" in changes or "license_number" in changes:
            raise CliError(_("Give --license, or --license-type and --license-number, not both."))
        license_type, __, license_number = args.license.strip().partition(" ")
        changes.update(license_type=license_type, license_number=license_number.strip())
    if not changes:
        raise CliError(_("Nothing to change: give at least one option, e.g. --license-expires 2027-06-30."))
    changed = write(uow, lambda uow: supervisors.edit_supervisor(uow, supervisor_id=supervisor.id, **changes))
    show(
        args,
        {"id": supervisor.id, "changed": {f: [iso(b), iso(a)] for f, (b, a) in changed.items()}},
        (
            _("Changed for {name}: {fields}.").format(name=supervisor.name, fields=", ".join(changed))
            if changed
            else _("Nothing changed.")
        ),
    )
    return EXIT_OK


def supervisor_leave_arguments(leave: argparse.ArgumentParser) -> None:
    leave.add_argument("id")
    leave.add_argument("--successor", default=None, metavar="SUPERVISOR_ID")
    leave.add_argument(
        "--from", dest="effective_from", default=None, metavar="DATE", help=_("default: today")
    )
    leave.add_argument("--reason", default="")


def supervisor_leave(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import people, supervisors

    supervisor = people.get_supervisor(uow, args.id)
    result = write(
        uow,
        lambda uow: supervisors.supervisor_leaves(
            uow,
            supervisor_id=supervisor.id,
            successor_id=args.successor,
            effective_from=args.effective_from,
            reason=args.reason,
        ),
    )
    lines = [
        _("{name} is marked inactive from {date}.").format(
            name=result.supervisor_name, date=result.left_on.isoformat()
        )
    ]
    if result.successor_id is not None:
        lines.append(
            ngettext(
                "{n} supervisee(s) now supervised by {successor}.",
                "{n} supervisee(s) now supervised by {successor}.",
                len(result.supervisees),
            ).format(n=len(result.supervisees), successor=result.successor_name)
            + (
                " "
                + ngettext(
                    "{n} pending record(s) for {successor} to review and sign "
                    "(list sessions --supervisor {id}; sign --supervisor {successor_id} RECORD_ID ...).",
                    "{n} pending record(s) for {successor} to review and sign "
                    "(list sessions --supervisor {id}; sign --supervisor {successor_id} RECORD_ID ...).",
                    result.pending,
                ).format(
                    n=result.pending,
                    successor=result.successor_name,
                    id=result.supervisor_id,
                    successor_id=result.successor_id,
                )
                if result.pending
                else ""
            )
        )
    show(
        args,
        {
            "id": result.supervisor_id,
            "successor": result.successor_id,
            "left_on": result.left_on.isoformat(),
            "supervisees": [m.supervisee_id for m in result.supervisees],
            "pending": result.pending,
        },
        "\n".join(lines),
    )
    return EXIT_OK


def one_id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id")


def supervisor_reactivate(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import people, supervisors

    supervisor = people.get_supervisor(uow, args.id)
    write(uow, lambda uow: supervisors.reactivate_supervisor(uow, supervisor_id=supervisor.id))
    show(
        args, {"id": supervisor.id, "active": True}, _("{name} is active again.").format(name=supervisor.name)
    )
    return EXIT_OK


def supervisor_recover(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import auth, people

    supervisor = people.get_supervisor(uow, args.id)
    recovery_key, new = two_lines(
        _("Give the recovery key and the new password as two lines on standard input.")
    )
    uow.actor = f"supervisor:{supervisor.id}"
    key = write(
        uow,
        lambda uow: auth.reset_with_recovery_key(
            uow, supervisor_id=supervisor.id, recovery_key=recovery_key, new_password=new
        ),
    )
    show(
        args,
        {"id": supervisor.id, "changed": True, "recovery_key": key},
        _("Password changed for {name}.").format(name=supervisor.name),
    )
    show_recovery_key(args, supervisor.name, supervisor.id, key)
    return EXIT_OK


def supervisor_recovery_key(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import auth, people

    supervisor = people.get_supervisor(uow, args.id)
    password = sys.stdin.readline().rstrip("\r\n")
    uow.actor = f"supervisor:{supervisor.id}"
    key = write(
        uow, lambda uow: auth.new_recovery_key_for(uow, supervisor_id=supervisor.id, password=password)
    )
    show(
        args,
        {"id": supervisor.id, "recovery_key": key},
        _("New recovery key made for {name}.").format(name=supervisor.name),
    )
    show_recovery_key(args, supervisor.name, supervisor.id, key)
    return EXIT_OK


# --------------------------------------------------------------------------------------------
# supervisee transfer | add | edit (hire-date: cli.training)


def supervisee_transfer_arguments(transfer: argparse.ArgumentParser) -> None:
    transfer.add_argument("id")
    transfer.add_argument("--to", required=True, metavar="SUPERVISOR_ID", help=_("the new supervisor"))
    transfer.add_argument("--from", dest="effective_from", required=True, metavar="DATE", help=_("first day"))
    transfer.add_argument("--reason", default="")


def supervisee_transfer(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import supervisors

    result = write(
        uow,
        lambda uow: supervisors.change_supervisor(
            uow,
            supervisee_id=args.id,
            supervisor_id=args.to,
            effective_from=args.effective_from,
            reason=args.reason,
        ),
    )
    stay = (
        " "
        + ngettext(
            "{n} record(s) of {previous} dated from then on stay theirs.",
            "{n} record(s) of {previous} dated from then on stay theirs.",
            result.records_from_then,
        ).format(n=result.records_from_then, previous=result.previous_supervisor_name)
        if result.records_from_then
        else ""
    )
    moved = {
        "supervisee": result.supervisee_name,
        "supervisor": result.supervisor_name,
        "date": result.effective_from.isoformat(),
        "previous": result.previous_supervisor_name,
    }
    show(
        args,
        {**result.__dict__, "effective_from": result.effective_from.isoformat()},
        (
            _("{supervisee}: supervised by {supervisor} from {date} (before: {previous}).").format(**moved)
            if result.previous_supervisor_name
            else _("{supervisee}: supervised by {supervisor} from {date}.").format(**moved)
        )
        + stay,
    )
    return EXIT_OK


LANGUAGE_HELP = N_("language of their progress statement and review mode: en, es, or app (as the app)")


def supervisee_add_arguments(add: argparse.ArgumentParser) -> None:
    add.add_argument("--name", required=True)
    add.add_argument("--credential", required=True, help=_("credential code, e.g. CRSS"))
    add.add_argument("--icb-id", default="")
    add.add_argument("--start", default=None, help=_("start date YYYY-MM-DD"))
    add.add_argument("--position", default="")
    add.add_argument("--supervisor", default=None, help=_("supervisor of record (id)"))
    add.add_argument("--agency", default=None)
    add.add_argument(
        "--same-person-as",
        default=None,
        metavar="SUPERVISOR_ID",
        help=_("this supervisee is also that supervisor (they may never sign their own hours)"),
    )
    add.add_argument("--language", default=None, help=_(LANGUAGE_HELP))


def supervisee_add(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import people

    row = write(
        uow,
        lambda uow: people.add_supervisee(
            uow,
            name=args.name,
            credential=args.credential,
            icb_id=args.icb_id,
            start_date=args.start,
            position=args.position,
            supervisor_id=args.supervisor,
            agency=args.agency,
            same_person_supervisor_id=args.same_person_as,
            language=args.language,
        ),
    )
    show(args, {"id": row.id}, str(row.id))
    return EXIT_OK


def supervisee_edit_arguments(edit: argparse.ArgumentParser) -> None:
    edit.add_argument("id", metavar="ID", help=_("supervisee id"))
    edit.add_argument("--name", default=None)
    edit.add_argument(
        "--credential", default=None, help=_("only while no records are in the old one's domains")
    )
    edit.add_argument("--icb-id", default=None, help=_('"" clears it'))
    edit.add_argument("--start", default=None, help=_('start date YYYY-MM-DD ("" clears it)'))
    edit.add_argument("--position", default=None, help=_('"" clears it'))
    edit.add_argument("--language", default=None, help=_(LANGUAGE_HELP))
    state = edit.add_mutually_exclusive_group()
    state.add_argument(
        "--inactive",
        dest="active",
        action="store_const",
        const=False,
        default=None,
        help=_("they left the agency"),
    )
    state.add_argument("--active", dest="active", action="store_const", const=True, help=_("reactivate them"))


def supervisee_edit(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import people
    from supervisor_app.services.supervisee_edits import update_supervisee

    given = {
        "name": args.name,
        "credential": args.credential,
        "icb_id": args.icb_id,
        "start_date": args.start,
        "position": args.position,
        "language": args.language,
    }
    given = {key: value for key, value in given.items() if value is not None}
    if not given and args.active is None:
        raise CliError(
            _(
                "Nothing to change: give --name, --credential, --icb-id, --start, --position, --language, "
                "--inactive or --active."
            )
        )
    person = people.get_supervisee(uow, args.id)
    keys = ["name", "credential", "icb_id", "start_date", "position", "language", "active"]
    before = {key: getattr(person, key) for key in keys}

    def change(uow: UnitOfWork) -> None:
        if given:
            current = {key: before[key] for key in keys if key != "active"}
            update_supervisee(uow, supervisee_id=person.id, **(current | given))
        if args.active is not None:
            people.set_active(uow, supervisee_id=person.id, active=args.active)

    write(uow, change)
    after = {key: getattr(person, key) for key in keys}
    show(
        args,
        person_json(person, SUPERVISEE_FIELDS),
        _("{name} (supervisee {id}): {changes}.").format(
            name=person.name, id=person.id, changes=_changed_text(before, after)
        ),
    )
    return EXIT_OK


# --------------------------------------------------------------------------------------------
# agency edit


def agency_edit_arguments(edit: argparse.ArgumentParser) -> None:
    edit.add_argument(
        "id", nargs="?", default=None, metavar="ID", help=_("agency id (needed only if there are several)")
    )
    edit.add_argument("--name", default=None)
    edit.add_argument("--address", default=None, help=_('"" clears it'))
    edit.add_argument("--phone", default=None, help=_('"" clears it'))
    edit.add_argument(
        "--supervisor-kinds",
        default=None,
        metavar="KINDS",
        help=_(
            "credentials that also qualify a supervisor here, comma-separated (CRSS, CPRS, CADC, QMHP "
            'profiles; not the LCPC, set by rule); "" clears them'
        ),
    )


def agency_edit(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from sqlalchemy import select

    from supervisor_app.models import Agency
    from supervisor_app.services import people

    if args.name is None and args.address is None and args.phone is None and args.supervisor_kinds is None:
        raise CliError(_("Nothing to change: give --name, --address, --phone or --supervisor-kinds."))
    if args.id is not None:
        agency = people.get_agency(uow, args.id)
    else:
        agencies = uow.session.scalars(select(Agency).order_by(Agency.id).limit(6)).all()
        if not agencies:
            raise CliError(_("There is no agency yet: `supervisor add --agency NAME` records one."))
        if len(agencies) > 1:
            listed = ", ".join(f"{a.id} ({a.name})" for a in agencies[:5])
            raise CliError(
                _("There are several agencies; give the id of the one to change: {agencies}.").format(
                    agencies=listed
                )
            )
        agency = agencies[0]
    keys = ["name", "address", "phone", "supervisor_kinds"]
    before = {key: getattr(agency, key) for key in keys}
    given = {
        "name": args.name,
        "address": args.address,
        "phone": args.phone,
        "supervisor_kinds": args.supervisor_kinds,
    }
    write(
        uow,
        lambda uow: people.update_agency(
            uow,
            agency_id=agency.id,
            **{key: before[key] if given[key] is None else given[key] for key in keys},
        ),
    )
    after = {key: getattr(agency, key) for key in keys}
    show(
        args,
        {"id": agency.id, **after},
        _("{name} (agency {id}): {changes}.").format(
            name=agency.name, id=agency.id, changes=_changed_text(before, after)
        ),
    )
    return EXIT_OK


def _changed_text(before: dict[str, Any], after: dict[str, Any]) -> str:
    """What an edit changed, one "field: old -> new" per change."""
    parts = [
        f"{key}: {_shown(before[key])} -> {_shown(after[key])}" for key in after if before[key] != after[key]
    ]
    return "; ".join(parts) if parts else _("nothing changed")


def _shown(value: Any) -> str:
    if value is None or value == "":
        return _("(none)")
    if isinstance(value, bool):
        return _("active") if value else _("inactive")
    return repr(value) if isinstance(value, str) else str(value)
