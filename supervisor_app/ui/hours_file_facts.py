"""What the app's screens say about hours files, worked out off the UI thread: what a file
holds (records, hours, who signed them and where), who here might be its supervisee, and which
records in a list arrived signed from another database.

Plain functions over :mod:`supervisor_app.services.hours_files` and a unit of work; no widget
is touched here, so the task runner can call them on a pool thread.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

if TYPE_CHECKING:
    from supervisor_app.db import UnitOfWork
    from supervisor_app.services.hours_files import HoursFile


@dataclass(frozen=True)
class FileFacts:
    """An hours file in the numbers a person reads."""

    supervisee: str
    credential: str
    icb_id: str
    records: int  # signed records in the file (amended originals and voided ones included)
    counted: int  # of them, the ones that count (not voided, not replaced by an amendment)
    voids: int
    supervision_minutes: int  # counted sessions
    experience_minutes: int  # counted experience entries
    signers: tuple[str, ...]  # who signed (the names in the signatures)
    supervisors: tuple[str, ...]  # every supervisor the file names
    places: tuple[str, ...]  # the agencies whose databases signed them ("" when unnamed)
    made_at: str


def facts(hours: HoursFile) -> FileFacts:
    """What ``hours`` (checked by :func:`~supervisor_app.services.hours_files.read_hours_file`) holds."""
    replaced = {r.supersedes for r in hours.records if r.supersedes and r.void is None}
    supervision = experience = counted = 0
    for record in hours.records:
        if record.void is not None or record.id in replaced:
            continue
        counted += 1
        if record.kind == "session":
            supervision += int(record.content[6])
        else:
            experience += sum(int(item.rpartition("=")[2]) for item in record.content[14])
    signers: list[str] = []
    for signature in hours.signatures:
        try:
            name = str(json.loads(signature["payload"]).get("signer", {}).get("name") or "")
        except (ValueError, AttributeError):
            name = ""
        if name and name not in signers:
            signers.append(name)
    chains_used = {r.sign["chain"] for r in hours.records}
    places = tuple(
        dict.fromkeys(
            str(info.get("agency") or "") for chain, info in hours.chains.items() if chain in chains_used
        )
    )
    return FileFacts(
        supervisee=str(hours.supervisee.get("name", "")),
        credential=str(hours.supervisee.get("credential", "")),
        icb_id=str(hours.supervisee.get("icb_id") or ""),
        records=len(hours.records),
        counted=counted,
        voids=hours.voids,
        supervision_minutes=supervision,
        experience_minutes=experience,
        signers=tuple(signers),
        supervisors=tuple(sorted(str(p.get("name", "")) for p in hours.supervisors)),
        places=places,
        made_at=hours.made_at,
    )


@dataclass(frozen=True)
class Candidate:
    """A supervisee here who may be the file's."""

    id: int
    name: str
    icb_id: str
    same_icb_id: bool


@dataclass(frozen=True)
class ImportPreview:
    """An hours file read and checked, and how its supervisee meets this database."""

    facts: FileFacts
    here: tuple[int, str] | None  # the file's supervisee is already here (same global id or linked)
    candidates: tuple[Candidate, ...] = field(default=())  # same name or ICB id, under another id


def preview(uow: UnitOfWork, path: Any) -> ImportPreview:
    """Read and check ``path`` (a refusal raises its DomainError) and find its supervisee here."""
    from supervisor_app.services.hours_files import read_hours_file

    hours = read_hours_file(path)
    info = hours.supervisee
    session = uow.session
    here = session.execute(
        text(
            "SELECT id, name FROM supervisee WHERE global_id = :g UNION ALL "
            "SELECT s.id, s.name FROM supervisee_alias a JOIN supervisee s ON s.id = a.supervisee_id "
            "WHERE a.global_id = :g"
        ),
        {"g": info["global_id"]},
    ).first()
    if here is not None:
        return ImportPreview(facts(hours), (int(here[0]), str(here[1])))
    name_key = " ".join(str(info["name"]).casefold().split())
    icb_id = str(info.get("icb_id") or "").strip()
    found: list[Candidate] = []
    for pid, name, icb, credential in session.execute(
        text("SELECT id, name, icb_id, credential FROM supervisee ORDER BY name, id")
    ):
        same_icb = bool(icb_id) and icb == icb_id and credential == info["credential"]
        if same_icb or " ".join(str(name).casefold().split()) == name_key:
            found.append(Candidate(int(pid), str(name), str(icb or ""), same_icb))
    return ImportPreview(facts(hours), None, tuple(found))


@dataclass(frozen=True)
class Arrival:
    """A record that arrived signed in an hours file: who signed it, where and when."""

    signer: str
    agency: str
    signed_at: str


def arrivals(uow: UnitOfWork, record_ids: Iterable[str]) -> dict[str, Arrival]:
    """{record id: its Arrival} for those of ``record_ids`` signed in another database."""
    ids = sorted(set(record_ids))
    if not ids:
        return {}
    from supervisor_app.services.canonical import in_list

    conn = uow.raw()  # the same SQL on the agency database (PostgreSQL): ``in_list``
    among, params = in_list(conn, "fl.record_id", ids)
    rows = conn.execute(
        "SELECT fl.record_id, COALESCE(s.name, ''), COALESCE(fc.agency, ''), fl.signed_at "
        "FROM foreign_link fl "
        "LEFT JOIN signature sg ON sg.id = fl.signature_id "
        "LEFT JOIN supervisor_key k ON k.fingerprint = sg.key_fingerprint "
        "LEFT JOIN supervisor s ON s.id = k.supervisor_id "
        "LEFT JOIN foreign_chain fc ON fc.chain_id = fl.chain_id "
        f"WHERE fl.action = 'sign' AND {among}",
        params,
    ).fetchall()
    return {rid: Arrival(signer, agency, str(at)) for rid, signer, agency, at in rows}


class ArrivedRow:
    """A record list's row with what :func:`arrivals` knows of it (``arrival``; None for a
    record of this database). Everything else is the row's own."""

    __slots__ = ("_row", "arrival")

    def __init__(self, row: Any, arrival: Arrival | None) -> None:
        self._row = row
        self.arrival = arrival

    def __getattr__(self, name: str) -> Any:
        return getattr(self._row, name)


def with_arrivals(uow: UnitOfWork, rows: list[Any]) -> list[Any]:
    """``rows`` (sessions or experience entries) each wrapped with its arrival."""
    if not rows:
        return rows
    found = arrivals(uow, (row.id for row in rows))
    return [ArrivedRow(row, found.get(row.id)) for row in rows]
