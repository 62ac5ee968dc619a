"""The commands about records: ``session add``, ``experience add``, ``list``, ``progress``,
``sign``, ``amend``, ``void``, ``verify`` and ``audit``."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from supervisor_app.cli.common import (
    CLOCK_HELP,
    EXIT_FAILURE,
    EXIT_OK,
    SUPERVISEE_FIELDS,
    SUPERVISOR_FIELDS,
    CliError,
    domain_pair,
    person_json,
    read_password,
    show,
    table,
    write,
)
from supervisor_app.i18n import N_, _, ngettext
from supervisor_app.labels import domain_label

if TYPE_CHECKING:
    from supervisor_app.db import UnitOfWork


# --------------------------------------------------------------------------------------------
# session add | experience add


def session_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--supervisor", required=True, help=_("supervisor id"))
    parser.add_argument(
        "--supervisee",
        action="append",
        required=True,
        metavar="ID",
        help=_("supervisee id (repeat for a group)"),
    )
    parser.add_argument("--date", required=True, help=_("YYYY-MM-DD"))
    parser.add_argument("--start", help="HH:MM")
    parser.add_argument("--minutes", required=True)
    parser.add_argument("--format", required=True, help="individual|group")
    parser.add_argument("--modality", required=True, help="in-person|video|phone")
    parser.add_argument("--domain", action="append", type=domain_pair, required=True, metavar="CODE=MINUTES")
    parser.add_argument("--site", default=None)
    parser.add_argument("--topics", default=None, help=_("what was discussed; no client information"))


def session_add(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import records

    row = write(
        uow,
        lambda uow: records.add_session(
            uow,
            supervisor_id=args.supervisor,
            supervisee_ids=args.supervisee,
            date=args.date,
            start=args.start,
            minutes=args.minutes,
            format=args.format,
            modality=args.modality,
            allocations=args.domain,
            site=args.site or "",
            topics=args.topics or "",
        ),
    )
    show(args, {"id": row.id}, row.id)
    return EXIT_OK


def experience_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--supervisee", required=True)
    parser.add_argument("--supervisor", required=True)
    parser.add_argument("--from", dest="period_start", required=True, metavar="DATE")
    parser.add_argument("--to", dest="period_end", required=True, metavar="DATE")
    parser.add_argument("--domain", action="append", type=domain_pair, required=True, metavar="CODE=MINUTES")
    parser.add_argument("--setting", default=None)
    parser.add_argument("--kind", default=None, help="paid|volunteer|internship")


def experience_add(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import records

    row = write(
        uow,
        lambda uow: records.add_experience(
            uow,
            supervisee_id=args.supervisee,
            supervisor_id=args.supervisor,
            period_start=args.period_start,
            period_end=args.period_end,
            allocations=args.domain,
            setting=args.setting or "",
            kind=args.kind or "paid",
        ),
    )
    show(args, {"id": row.id}, row.id)
    return EXIT_OK


# --------------------------------------------------------------------------------------------
# list | progress


def list_arguments(listing: argparse.ArgumentParser) -> None:
    listing.add_argument("what", choices=["supervisors", "supervisees", "sessions", "experience"])
    listing.add_argument("--supervisee", default=None)
    listing.add_argument("--supervisor", default=None)


def list_(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import people, records
    from supervisor_app.units import hours

    supervisee_id = people.get_supervisee(uow, args.supervisee).id if args.supervisee else None
    supervisor_id = people.get_supervisor(uow, args.supervisor).id if args.supervisor else None
    if args.what == "supervisors":
        rows = people.list_supervisors(uow)
        data = [
            person_json(r, SUPERVISOR_FIELDS) | {"has_password": r.password_hash is not None} for r in rows
        ]
        show(
            args,
            data,
            lambda: table(
                [(r.id, r.name, r.credentials, r.title, _("yes") if r.active else _("no")) for r in rows],
                [_("id"), _("name"), _("credentials"), _("title"), _("active")],
            ),
        )
    elif args.what == "supervisees":
        rows = people.list_supervisees(uow, supervisor_id=supervisor_id)
        data = [person_json(r, SUPERVISEE_FIELDS) for r in rows]
        show(
            args,
            data,
            lambda: table(
                [
                    (
                        r.id,
                        r.name,
                        r.credential,
                        r.icb_id,
                        r.start_date or "",
                        r.supervisor_id or "",
                        _("yes") if r.active else _("no"),
                    )
                    for r in rows
                ],
                [_("id"), _("name"), _("credential"), _("icb id"), _("start"), _("supervisor"), _("active")],
            ),
        )
    elif args.what == "sessions":
        data = _with_origins(
            uow,
            records.list_records(uow, "session", supervisee_id=supervisee_id, supervisor_id=supervisor_id),
        )
        show(
            args,
            data,
            lambda: table(
                [
                    (
                        r["id"][:8],
                        r["date"],
                        r["start"] or "",
                        r["minutes"],
                        r["format"],
                        r["modality"],
                        ",".join(map(str, r["supervisee_ids"])),
                        _status(r["status"])
                        + (f" -> {r['replaced_by'][:8]}" if r["replaced_by"] else "")
                        + _origin_text(r),
                    )
                    for r in data
                ],
                [
                    _("id"),
                    _("date"),
                    _("start"),
                    _("min"),
                    _("format"),
                    _("modality"),
                    _("supervisees"),
                    _("status"),
                ],
            ),
        )
    else:
        data = _with_origins(
            uow,
            records.list_records(uow, "experience", supervisee_id=supervisee_id, supervisor_id=supervisor_id),
        )
        show(
            args,
            data,
            lambda: table(
                [
                    (
                        r["id"][:8],
                        r["from"],
                        r["to"],
                        hours(r["minutes"]),
                        r["kind"],
                        r["supervisee_id"],
                        _status(r["status"])
                        + (f" -> {r['replaced_by'][:8]}" if r["replaced_by"] else "")
                        + _origin_text(r),
                    )
                    for r in data
                ],
                [_("id"), _("from"), _("to"), _("hours"), _("kind"), _("supervisee"), _("status")],
            ),
        )
    return EXIT_OK


def progress_arguments(progress: argparse.ArgumentParser) -> None:
    progress.add_argument("--supervisee", help=_("supervisee id (with --open-hours: the files' supervisee)"))


def progress(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services.progress import compute_progress

    if args.supervisee is None:
        raise CliError(
            _(
                "the following arguments are required: --supervisee (or --open-hours with one "
                "supervisee's files)"
            )
        )
    result = compute_progress(uow, supervisee_id=args.supervisee)
    show(args, result.to_json(), lambda: _progress_text(result))
    return EXIT_OK


# --------------------------------------------------------------------------------------------
# sign | amend | void (usecases.signing: each commits once)


def sign_arguments(sign: argparse.ArgumentParser) -> None:
    sign.add_argument("--supervisor", required=True)
    sign.add_argument("--all", action="store_true", help=_("every pending record of this supervisor"))
    sign.add_argument("records", nargs="*", metavar="RECORD_ID")
    sign.add_argument("--password-stdin", action="store_true")
    sign.add_argument("--clock-is-right", action="store_true", help=_(CLOCK_HELP))


def sign(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import people
    from supervisor_app.usecases import signing

    if args.all == bool(args.records):
        raise CliError(_("Give either --all or one or more record ids."))
    supervisor = people.get_supervisor(uow, args.supervisor)
    password = read_password(args)
    uow.actor = f"supervisor:{supervisor.id}"
    result = signing.sign(
        uow,
        supervisor_id=supervisor.id,
        password=password,
        record_ids=None if args.all else args.records,
        clock_is_right=args.clock_is_right,
    )
    for warning in result.warnings:
        print(_("warning: {warning}").format(warning=warning), file=sys.stderr)
    show(
        args,
        {"signed": result.signed},
        ngettext(
            "Signed {n} record(s) as {name}.", "Signed {n} record(s) as {name}.", len(result.signed)
        ).format(n=len(result.signed), name=supervisor.name),
    )
    return EXIT_OK


def amend_arguments(amend: argparse.ArgumentParser) -> None:
    amend.add_argument("record", metavar="RECORD_ID")
    amend.add_argument("--reason", required=True)
    # The union of session and experience options; each applies to its own kind.
    amend.add_argument("--supervisor")
    amend.add_argument("--supervisee", action="append", metavar="ID")
    amend.add_argument("--date")
    amend.add_argument("--start")
    amend.add_argument("--minutes")
    amend.add_argument("--format")
    amend.add_argument("--modality")
    amend.add_argument("--domain", action="append", type=domain_pair, metavar="CODE=MINUTES")
    amend.add_argument("--site")
    amend.add_argument("--topics")
    amend.add_argument("--from", dest="period_start", metavar="DATE")
    amend.add_argument("--to", dest="period_end", metavar="DATE")
    amend.add_argument("--setting")
    amend.add_argument("--kind")


def amend(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.models import RecordKind
    from supervisor_app.services import records
    from supervisor_app.usecases import signing

    changes = {
        "supervisor_id": args.supervisor,
        "date": args.date,
        "start": args.start,
        "minutes": args.minutes,
        "format": args.format,
        "modality": args.modality,
        "allocations": list(args.domain) if args.domain else None,
        "site": args.site,
        "topics": args.topics,
        "period_start": args.period_start,
        "period_end": args.period_end,
        "setting": args.setting,
        "kind": args.kind,
    }
    original = records.find_record(uow, args.record)
    if records.record_kind(original) is RecordKind.SESSION:
        changes["supervisee_ids"] = args.supervisee
        for key in ("period_start", "period_end", "setting", "kind"):
            if changes.pop(key) is not None:
                raise CliError(
                    _("{option} applies to experience entries, not sessions.").format(
                        option="--" + key.replace("_", "-")
                    )
                )
    else:
        if args.supervisee:
            if len(args.supervisee) > 1:
                raise CliError(_("An experience entry has one supervisee."))
            changes["supervisee_id"] = args.supervisee[0]
        for key in ("date", "start", "minutes", "format", "modality", "site", "topics"):
            if changes.pop(key) is not None:
                raise CliError(
                    _("{option} applies to sessions, not experience entries.").format(option="--" + key)
                )
    row = signing.amend(uow, record_id=original.id, reason=args.reason, **changes)
    show(args, {"id": row.id, "amends": original.id}, row.id)
    return EXIT_OK


def void_arguments(void: argparse.ArgumentParser) -> None:
    void.add_argument("record", metavar="RECORD_ID")
    void.add_argument("--reason", required=True)
    void.add_argument("--supervisor", required=True)
    void.add_argument("--password-stdin", action="store_true")
    void.add_argument("--clock-is-right", action="store_true", help=_(CLOCK_HELP))


def void(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import people
    from supervisor_app.usecases import signing

    supervisor = people.get_supervisor(uow, args.supervisor)
    password = read_password(args)
    uow.actor = f"supervisor:{supervisor.id}"
    link = signing.void(
        uow,
        record_id=args.record,
        reason=args.reason,
        supervisor_id=supervisor.id,
        password=password,
        clock_is_right=args.clock_is_right,
    )
    show(
        args,
        {"voided": link.record_id, "signature": link.seq},
        _("Voided {record}.").format(record=link.record_id),
    )
    return EXIT_OK


# --------------------------------------------------------------------------------------------
# verify | audit


def verify(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import signoff

    report = signoff.verify(uow)
    data = {
        "ok": report.ok,
        "records_checked": report.records_checked,
        "signatures_checked": report.signatures_checked,
        "problems": [{"record_id": p.record_id, "problem": p.message} for p in report.problems],
        "warnings": [{"record_id": p.record_id, "warning": p.message} for p in report.warnings],
        "keyed_signatures_checked": report.keyed_signatures_checked,
        "notes": [{"record_id": p.record_id, "note": p.message} for p in report.notes],
    }
    if args.json:
        show(args, data, "")
    elif report.ok:
        print(
            _("OK: {records} records and {signatures} signatures verified; nothing was altered.").format(
                records=report.records_checked, signatures=report.signatures_checked
            )
        )
    else:
        for problem in report.problems:
            print(f"{problem.record_id}: {problem.message}")
    if not args.json:
        for warning in report.warnings:
            print(_("warning: {record}: {message}").format(record=warning.record_id, message=warning.message))
        for note in report.notes:
            print(
                _("note: {record}: {message}").format(record=note.record_id, message=note.message)
                if note.record_id
                else _("note: {text}").format(text=note.message)
            )
    return EXIT_OK if report.ok else EXIT_FAILURE


def _limit(text: str) -> int:
    try:
        value = int(text) if len(text) <= 10 else -1
    except ValueError:
        value = -1
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError(
            _("expected a number of events from 1 to 1,000,000 (got {text!r})").format(text=text[:20])
        )
    return value


def audit_arguments(audit: argparse.ArgumentParser) -> None:
    audit.add_argument("--record", default=None)
    audit.add_argument("--supervisee", default=None)
    audit.add_argument("--limit", type=_limit, default=200)


def audit(args: argparse.Namespace, uow: UnitOfWork) -> int:
    from supervisor_app.services import audit as audit_service
    from supervisor_app.services import people

    supervisee_id = people.get_supervisee(uow, args.supervisee).id if args.supervisee else None
    events = audit_service.list_events(
        uow, record_id=args.record, supervisee_id=supervisee_id, limit=args.limit
    )
    data = [{**e.__dict__, "at": e.at.isoformat()} for e in events]
    show(
        args,
        data,
        lambda: table(
            [
                (
                    e.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    e.actor,
                    e.action,
                    (e.record_id or "")[:8],
                    e.supervisee_id or "",
                    e.details[:60],
                )
                for e in events
            ],
            [_("when (local)"), _("who"), _("action"), _("record"), _("supervisee"), _("details")],
        ),
    )
    return EXIT_OK


def _with_origins(uow: Any, data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records that arrived in an hours file carry ``signed_elsewhere``: the agency and the
    database (chain) they were signed in, and by whom."""
    from supervisor_app.services.signoff import record_origins

    origins = record_origins(uow, [r["id"] for r in data])
    for row in data:
        if row["id"] in origins:
            row["signed_elsewhere"] = origins[row["id"]]
    return data


STATUS_WORDS = {
    "pending": N_("pending"),
    "signed": N_("signed"),
    "amended": N_("amended"),
    "voided": N_("voided"),
}
"""A record's status as the table shows it (``--json`` keeps the stored word)."""


def _status(status: str) -> str:
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else status


def _origin_text(row: dict[str, Any]) -> str:
    origin = row.get("signed_elsewhere")
    if not origin:
        return ""
    where = origin["agency"] or _("database {chain}").format(chain=origin["chain"][:8])
    return " " + _("(signed by {signer}, {where})").format(signer=origin["signer"], where=where)


def _progress_text(result: Any) -> str:
    from supervisor_app.units import hours

    lines = [
        f"{result.supervisee_name} — {result.profile.code} ({result.profile.name})",
        _("Eligible: yes") if result.eligible else _("Eligible: no"),
        "",
    ]
    parts = (
        (_("Supervision: {signed} h signed, {pending} h pending, {required} h required"), result.supervision),
        (_("Experience: {signed} h signed, {pending} h pending, {required} h required"), result.experience),
    )
    for title, part in parts:
        lines.append(
            title.format(
                signed=hours(part.signed_minutes),
                pending=hours(part.pending_minutes),
                required=hours(part.required_minutes),
            )
        )
        labels = {code: domain_label(domain.label) for code, domain in part.domains.items()}
        width = max([32, *(len(label) for label in labels.values())])
        for code, domain in part.domains.items():
            required = (
                " / " + _("{hours} required").format(hours=hours(domain.required_minutes))
                if domain.required_minutes
                else ""
            )
            lines.append(
                f"  {labels[code]:{width}} "
                + _("{signed} signed{pending} pending").format(
                    signed=f"{hours(domain.signed_minutes):>9}", pending=f"{hours(domain.pending_minutes):>9}"
                )
                + required
            )
        lines.append("")
    if result.supervisors:
        lines.append(_("By supervisor (signed; counted in brackets when less):"))
        for share in result.supervisors:
            who = f"{share.name} ({share.credentials})" if share.credentials else share.name
            if share.agency:
                who += f", {share.agency}"
            supervision, experience = hours(share.supervision_minutes), hours(share.experience_minutes)
            if share.supervision_counted_minutes != share.supervision_minutes:
                supervision += f" ({hours(share.supervision_counted_minutes)})"
            if share.experience_counted_minutes != share.experience_minutes:
                experience += f" ({hours(share.experience_counted_minutes)})"
            lines.append(
                f"  {who:40} "
                + _("supervision {supervision} h  experience {experience} h").format(
                    supervision=f"{supervision:>9}", experience=f"{experience:>9}"
                )
            )
        lines.append("")
    if result.unmet:
        lines.append(_("Still needed:"))
        lines.extend(f"  - {text}" for text in result.unmet)
    if result.notes:
        lines.append(_("Notes:"))
        lines.extend(f"  - {text}" for text in result.notes)
    return "\n".join(lines).rstrip()
