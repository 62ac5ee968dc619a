"""A sync batch is an hours file's members in memory (wire version 2,
:func:`~supervisor_app.services.hours_files.collect_hours`): this cuts the collected members into
batches of at most :data:`BATCH_RECORDS` records, each whole: a signature's links travel
together, an amendment travels with its original when both are new."""

from __future__ import annotations

from typing import Any

BATCH_RECORDS = 2000


def _units(records: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The records grouped so that no signature and no amendment (with its original in the
    batch) is split: union-find over signature ids and amended ids."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    ids = {r["id"] for r in records}
    for r in records:
        node = "r:" + r["id"]
        for link in (r["sign"], r["void"]):
            if link is not None:
                union(node, "s:" + link["signature"])
        amended = r["content"][11]
        if amended and amended in ids:
            union(node, "r:" + amended)
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        groups.setdefault(find("r:" + r["id"]), []).append(r)
    units = list(groups.values())
    units.sort(key=lambda unit: min((r["sign"]["chain"], r["sign"]["seq"]) for r in unit))
    return units


def batches(members: dict[str, Any], *, most: int = BATCH_RECORDS) -> list[dict[str, Any]]:
    """``members`` cut into batches of at most ``most`` records (a unit larger than that goes
    whole, alone), each with its signatures, their keys, the supervisors and the supervisees
    its records name; the supervisees no record names go with the first batch (there is one
    batch, empty, when there are no records: the people still travel)."""
    manifest = members["manifest.json"]
    records = members["records.json"]
    signatures = {s["id"]: s for s in members["signatures.json"]}
    keys = {k["fingerprint"]: k for k in members["keys.json"]["keys"]}
    people = manifest["supervisees"]
    chunks: list[list[dict[str, Any]]] = []
    for unit in _units(records):
        if chunks and len(chunks[-1]) + len(unit) <= most:
            chunks[-1].extend(unit)
        else:
            chunks.append(list(unit))
    if not chunks:
        chunks.append([])
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
