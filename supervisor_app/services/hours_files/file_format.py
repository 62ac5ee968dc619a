"""The hours file's format: its name, version, members and sizes, what its functions hand back,
and the record of every hours file given out and taken in (cutting-off detection)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from supervisor_app import clock
from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.services import copies
from supervisor_app.services.canonical import database_identity
from supervisor_app.services.errors import DomainError
from supervisor_app.services.signoff import signing

FORMAT = "supervisor_app/hours"
VERSION = 1
WIRE_VERSION = 2  # a sync batch: the same members, several supervisees, incremental (docs/SYNC.md)
SUFFIX = ".hours"
MEMBERS = ("manifest.json", "records.json", "signatures.json", "keys.json")

# Sizes an hours file may have. Ten years of one supervisee (about 1,400 records, with the
# signatures of the batches they were signed in) is a few megabytes; these leave room for far
# more while keeping a hostile file (a zip bomb) from using more than a few hundred MB.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_MEMBER_BYTES = {"manifest.json": 1024 * 1024, "keys.json": 4 * 1024 * 1024}
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_UNPACKED_BYTES = 128 * 1024 * 1024
MAX_RECORDS = 100_000

UUID_PATTERN = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
HEX64 = re.compile(r"[0-9a-f]{64}")
LINK_KEYS = (
    "chain",
    "seq",
    "signature",
    "prev_chain_hash",
    "record_kind",
    "record_id",
    "action",
    "signer_id",
    "signed_at",
    "reason",
    "content_hash",
    "chain_hash",
)


# --------------------------------------------------------------------------------------------
# What the functions hand back


@dataclass(frozen=True)
class HoursFileSummary:
    """What :func:`write_hours_file` wrote."""

    path: Path
    supervisee_id: int
    supervisee_name: str
    records: int  # signed records in the file (amended originals and voided ones included)
    voids: int
    signatures: int
    supervisors: tuple[str, ...]  # who signed or supervised them
    chain_id: str  # this database's
    last_seq: int  # this database's chain head when the file was made
    chain_hash: str
    left_out: tuple[str, ...] = ()  # records signed before keys existed: not in the file

    def text(self) -> str:
        lines = [
            _(
                "Wrote {path}: {records} signed record(s) of {name} ({voids} voided), {signatures} signature(s)."
            ).format(
                path=self.path,
                records=self.records,
                name=self.supervisee_name,
                voids=self.voids,
                signatures=self.signatures,
            )
        ]
        if self.left_out:
            lines.append(
                _(
                    "{n} record(s) signed before signing keys existed are not in the file "
                    "(they can only be shown on a printed statement or form from this database)."
                ).format(n=len(self.left_out))
            )
        return "\n".join(lines)


@dataclass(frozen=True)
class HoursRecord:
    """One signed record as the file holds it."""

    kind: str
    id: str
    content: list[Any]  # content version 2, exactly as signed
    sign: dict[str, Any]  # its sign link (keys: LINK_KEYS)
    void: dict[str, Any] | None

    @property
    def supervisor(self) -> str:
        return self.content[3]

    @property
    def supervisees(self) -> list[str]:
        return [self.content[6]] if self.kind == "experience" else list(self.content[13])

    @property
    def supersedes(self) -> str | None:
        return self.content[11]

    def people(self) -> dict[str, Any]:
        return {"supervisor": self.supervisor, "supervisees": sorted(self.supervisees)}


@dataclass
class HoursFile:
    """An hours file read and checked by :func:`read_hours_file`."""

    path: Path
    version: int
    supervisee: dict[str, Any]  # global_id, name, icb_id, credential, position, start_date
    made_at: str
    made_by_chain: str
    chains: dict[str, dict[str, Any]]  # {chain id: {"agency", "last_seq", "chain_hash"}}
    records: list[HoursRecord]
    signatures: list[dict[str, Any]]
    keys: list[dict[str, Any]]
    supervisors: list[dict[str, Any]]
    supervisees: list[dict[str, Any]] = field(
        default_factory=list
    )  # a sync batch's; a file's is [supervisee]
    people: dict[str, Any] | None = None  # a sync batch's people.json (people_member), if any
    trail: dict[str, Any] | None = None  # a sync batch's trail.json (trail_member), if any

    @property
    def voids(self) -> int:
        return sum(1 for r in self.records if r.void is not None)


@dataclass(frozen=True)
class HoursImportSummary:
    """What :func:`import_hours_file` did."""

    path: Path
    supervisee_id: int
    supervisee_name: str
    added: int  # records new here
    already: int  # records that were already here (a re-import)
    signatures_added: int
    supervisee_added: bool
    linked: bool  # the file's supervisee was linked to a person already here
    supervisors_added: tuple[str, ...]
    same_name: tuple[tuple[int, str], ...] = ()  # people here with the supervisee's name, not merged
    not_attached: int = 0  # group sessions already here for other attendees, not listing this one
    chains: tuple[str, ...] = ()
    voids_added: int = 0  # of the records already here, those whose void arrived now
    taken: frozenset[str] = frozenset()  # the ids of the records added or given their void now
    # a sync batch's people member: the sync-conflict events logged here (person_merge.Outcome's)
    conflicts: tuple[dict[str, Any], ...] = ()

    def text(self) -> str:
        who = _("{name} (id {id})").format(name=self.supervisee_name, id=self.supervisee_id)
        lines = [
            _("Imported {file} for {who}: {added} signed record(s) added, {already} already here.").format(
                file=self.path.name, who=who, added=self.added, already=self.already
            )
        ]
        if self.supervisee_added:
            lines.append(
                _("{name} was added as a new supervisee (id {id}).").format(
                    name=self.supervisee_name, id=self.supervisee_id
                )
            )
        if self.linked:
            lines.append(_("The file's supervisee was linked to {who}, as asked.").format(who=who))
        if self.supervisors_added:
            lines.append(
                _("Supervisors added (they signed elsewhere): {names}.").format(
                    names=", ".join(self.supervisors_added)
                )
            )
        for pid, name in self.same_name:
            lines.append(
                _(
                    "{name} (id {id}) here has the same name but is not linked. If it is the same person, "
                    "import the file again with --link-supervisee {id}."
                ).format(name=name, id=pid)
            )
        if self.not_attached:
            lines.append(
                _(
                    "{n} group session(s) were already here for another attendee and do not list this supervisee."
                ).format(n=self.not_attached)
            )
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Cutting-off detection: every hours file given out and taken in


def remember_outside_copy(
    uow: UnitOfWork,
    *,
    direction: str,
    chain_id: str,
    last_seq: int,
    chain_hash: str,
    path: Path | str,
    whose: str,
) -> None:
    """Record that a copy of this database's chain up to ``last_seq`` (whose chain hash is
    ``chain_hash``) left (``direction="out"``) or came back (``"in"``) in the hours file
    ``path`` of ``whose`` hours, so :func:`~supervisor_app.services.signoff.verify` reports this
    file's chain once it is shorter than the copy (:mod:`~supervisor_app.services.copies`).
    Another database's chain is not ours to compare: nothing is recorded for it. The caller
    commits."""
    ours, _keys_from = chain_identity(signing.dbapi(uow))
    if chain_id != ours:
        return
    given = direction == "out"
    copies.record_outside_copy(
        uow,
        kind=copies.HOURS_FILE_OUT if given else copies.HOURS_FILE_IN,
        label=(
            f"the hours file {'given to' if given else 'brought back by'} {whose} "
            f"on {clock.today():%Y-%m-%d} ({Path(path).name})"
        ),
        last_seq=last_seq,
        last_chain_hash=chain_hash,
    )


def chain_identity(conn: Any) -> tuple[str, int]:
    """This database's chain id and first keyed link (:func:`canonical.database_identity`);
    a database without one cannot give or take hours files."""
    chain, keys_from = database_identity(conn)
    if chain is None:
        raise DomainError(
            _("This database has no identity (it was not upgraded properly); run verify."),
            code="hours_file.no_identity",
        )
    return chain, keys_from
