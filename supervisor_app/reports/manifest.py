"""The form's manifest and the record fingerprint: what a printed form attests, machine-readable.

The manifest is the JSON embedded in the form's PDF (:data:`MANIFEST_NAME`) that ``check-form``
reads back; the fingerprint is SHA-256 over the chain hashes of the links of every record the
form prints (the attestation package's docstring says which). Plain values in and out: no
database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any

from supervisor_app.reports.data import VerificationData


def fingerprint_of(chain_hashes: Iterable[str]) -> str:
    """SHA-256 over the chain hashes (already in ``seq`` order), concatenated as ASCII hex."""
    digest = hashlib.sha256()
    for chain in chain_hashes:
        digest.update(chain.encode("ascii"))
    return digest.hexdigest()


MANIFEST_FORMAT = "supervisor_app/attestation"
MANIFEST_VERSION = 1
MANIFEST_NAME = "attestation-manifest.json"
"""The manifest's file name inside the PDF (an embedded file)."""


def manifest_totals(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The totals a manifest's records add up to (counted records only): the form's figures."""
    totals: dict[str, Any] = {
        "supervision_minutes": 0,
        "individual_minutes": 0,
        "group_minutes": 0,
        "sessions": 0,
        "experience_minutes": 0,
        "experience_entries": 0,
        "domains": {},
    }
    domains: dict[str, int] = totals["domains"]
    for record in records:
        if record.get("status") != "signed":
            continue
        minutes = sum(int(m) for m in record.get("minutes", {}).values())
        if record.get("kind") == "session":
            totals["sessions"] += 1
            totals["supervision_minutes"] += minutes
            part = "group_minutes" if record.get("format") == "group" else "individual_minutes"
            totals[part] += minutes
            for code, spent in record.get("minutes", {}).items():
                domains[code] = domains.get(code, 0) + int(spent)
        else:
            totals["experience_entries"] += 1
            totals["experience_minutes"] += minutes
    return totals


def form_manifest(
    data: VerificationData, *, serial: str, generated: dt.date, app_version: str
) -> dict[str, Any]:
    """What a printed form attests, as the JSON the PDF carries and ``check-form`` reads.

    Every record the form prints (counted, voided, amended originals) with its minutes per
    domain and its sign (and void) link's hashes, and the totals they add up to; the
    fingerprint is recomputable from the records' chain hashes (:func:`manifest_fingerprint`).
    """
    records = [
        {
            "id": r.record_id,
            "kind": r.kind,
            "date": r.date.isoformat(),
            **({"to": r.date_to.isoformat()} if r.date_to else {}),
            "format": r.format,
            "status": r.status,
            "minutes": dict(r.domain_minutes),
            "sign": {"seq": r.sign_seq, "content_hash": r.content_hash, "chain_hash": r.chain_hash},
            "void": {"seq": r.void_seq, "chain_hash": r.void_chain_hash} if r.void_seq is not None else None,
        }
        for r in data.form_records
    ]
    return {
        "format": MANIFEST_FORMAT,
        "version": MANIFEST_VERSION,
        "serial": serial,
        "generated": generated.isoformat(),
        "app_version": app_version,
        "fingerprint": data.fingerprint,
        "signature_count": data.signature_count,
        "credential": data.credential_code,
        "supervisee": {
            "id": data.supervisee_id,
            "name": data.applicant_name,
            "icb_id": data.applicant_icb_id,
        },
        "supervisor": {
            "id": data.supervisor_id,
            "name": data.supervisor_name,
            "credentials": data.supervisor_credentials,
            "icb_number": data.supervisor_icb_number,
            "license": " ".join(
                p for p in (data.supervisor_license_type, data.supervisor_license_number) if p
            ),
            "key_fingerprint": data.supervisor_key_fingerprint,
        },
        "agency": data.agency_name,
        "from": data.date_from.isoformat(),
        "to": data.date_to.isoformat(),
        "records": records,
        "totals": manifest_totals(records),
    }


def manifest_fingerprint(records: Iterable[dict[str, Any]]) -> str:
    """The record fingerprint recomputed from a manifest's records (their links, in seq order)."""
    links: list[tuple[int, str]] = []
    for record in records:
        sign, void = record.get("sign") or {}, record.get("void") or {}
        if sign.get("chain_hash"):
            links.append((int(sign.get("seq") or 0), str(sign["chain_hash"])))
        if void.get("chain_hash"):
            links.append((int(void.get("seq") or 0), str(void["chain_hash"])))
    return fingerprint_of(chain for _seq, chain in sorted(links))


def qr_text(fingerprint: str, serial: str, key_fingerprint: str) -> str:
    """What a form's QR code says: ``FINGERPRINT/SERIAL/KEY`` in upper case (QR "alphanumeric"
    data, a smaller code than bytes); the key part is empty until supervisors have keys."""
    return f"{fingerprint}/{serial}/{key_fingerprint}".upper()


__all__ = [
    "MANIFEST_FORMAT",
    "MANIFEST_NAME",
    "MANIFEST_VERSION",
    "fingerprint_of",
    "form_manifest",
    "manifest_fingerprint",
    "manifest_totals",
    "qr_text",
]
