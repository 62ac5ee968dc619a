"""A sync batch is an hours file's members in memory (wire version 2,
:func:`~supervisor_app.services.hours_files.collect_hours`): this cuts the collected members into
batches of about :data:`BATCH_RECORDS` records, in chain order, a signature's links together."""

from __future__ import annotations

from typing import Any

from supervisor_app.services.hours_files.people_member import PEOPLE_MEMBER
from supervisor_app.services.hours_files.trail_member import TRAIL_MEMBER

BATCH_RECORDS = 2000


def _units(
    records: list[dict[str, Any]], signatures: dict[str, dict[str, Any]], after: dict[str, int]
) -> list[list[dict[str, Any]]]:
    """The records grouped by the signature of the link they carry, in chain order (a signature
    covers a run of seqs of one chain). A record voided under a later signature goes twice: its
    sign link with its signing batch (without the void; not again if the receiver has it,
    ``after``) and, whole, with the void's batch. So batches taken in order leave the receiver
    holding every link of a chain up to the highest it holds: its head stays a true cursor if a
    sync stops half way. An amendment comes after its original (same chain, later seq)."""
    units: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        sign, void = record["sign"], record["void"]
        if void is None or void["signature"] == sign["signature"]:
            units.setdefault(sign["signature"], []).append(record)
            continue
        if sign["seq"] > after.get(sign["chain"], 0):
            units.setdefault(sign["signature"], []).append({**record, "void": None})
        units.setdefault(void["signature"], []).append(record)
    return [
        units[sid]
        for sid in sorted(units, key=lambda sid: (signatures[sid]["chain"], signatures[sid]["first_seq"]))
    ]


def batches(
    members: dict[str, Any], *, most: int = BATCH_RECORDS, after: dict[str, int] | None = None
) -> list[dict[str, Any]]:
    """``members`` (collected after ``after``) cut into batches of at most ``most`` records (a
    signature's records go together, even more of them), in chain order, each with its
    signatures, their keys, the supervisors and the supervisees its records name; the
    supervisees no record names go with the first batch (one batch, without records, when
    there are only people or supervisors; none when there is nothing)."""
    manifest = members["manifest.json"]
    records = members["records.json"]
    signatures = {s["id"]: s for s in members["signatures.json"]}
    keys = {k["fingerprint"]: k for k in members["keys.json"]["keys"]}
    people = manifest["supervisees"]
    if not records and not people and not members["keys.json"]["supervisors"]:
        return []
    chunks: list[list[dict[str, Any]]] = []
    for unit in _units(records, signatures, after or {}):
        if chunks and len(chunks[-1]) + len(unit) <= most:
            chunks[-1].extend(unit)
        else:
            chunks.append(list(unit))
    # A record whose sign and void batches share a chunk goes once, whole (its later entry).
    chunks = [list({r["id"]: r for r in chunk}.values()) for chunk in chunks] or [[]]
    named_anywhere = {gid for r in records for gid in _named(r)}
    out: list[dict[str, Any]] = []
    for i, chunk in enumerate(chunks):
        named = {gid for r in chunk for gid in _named(r)}
        whose = [
            p for p in people if p["global_id"] in named or (i == 0 and p["global_id"] not in named_anywhere)
        ]
        sig_ids = {link["signature"] for r in chunk for link in (r["sign"], r["void"]) if link is not None}
        sigs = [
            signatures[s]
            for s in sorted(sig_ids, key=lambda s: (signatures[s]["chain"], signatures[s]["first_seq"]))
        ]
        fingerprints = sorted({s["key"] for s in sigs})
        chains = {
            chain: info
            for chain, info in manifest["chains"].items()
            if chain == manifest["made_by_chain"] or any(r["sign"]["chain"] == chain for r in chunk)
        }
        out.append(
            {
                "manifest.json": {
                    **manifest,
                    "supervisees": whose,
                    "chains": chains,
                    "counts": {"records": len(chunk), "signatures": len(sigs)},
                },
                "records.json": chunk,
                "signatures.json": sigs,
                "keys.json": {
                    "keys": [keys[f] for f in fingerprints],
                    "supervisors": members["keys.json"]["supervisors"],
                },
            }
        )
    return out


def _named(record: dict[str, Any]) -> list[str]:
    content = record["content"]
    return [content[6]] if record["kind"] == "experience" else list(content[13])


def with_people(out: list[dict[str, Any]], people: dict[str, Any]) -> list[dict[str, Any]]:
    """The batches with the people member (``hours_files.people_member``) in the last one: by
    then the receiver holds everyone it names (the earlier batches are committed). Once a sync,
    so a conflict is logged once."""
    if out:
        out[-1] = {**out[-1], PEOPLE_MEMBER: people}
    return out


def supervisors_of(out: list[dict[str, Any]]) -> set[str]:
    """The supervisors (global ids) these batches bring."""
    return {s["global_id"] for b in out for s in b["keys.json"]["supervisors"]}


def with_trail(out: list[dict[str, Any]], trail: dict[str, Any]) -> list[dict[str, Any]]:
    """The batches with the trail member (``hours_files.trail_member``) in the first one, so
    that every later batch's signatures reach an audit head the receiver already holds."""
    if out and any(trail["rows"].values()):
        out[0] = {**out[0], TRAIL_MEMBER: trail}
    return out
