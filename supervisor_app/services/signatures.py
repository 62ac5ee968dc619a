"""The keyed signature of a signing batch or a void: what is signed, and checking it.

Pure functions over plain values (no database). The payload (format version 2) is JSON::

    {"format": "supervisor_app/signature", "version": 2,
     "id": <signature uuid>, "chain": <database global id>, "action": "sign" | "void",
     "signed_at": <the links' signed_at stamp text>,
     "prev_chain_hash": <prev_chain_hash of the first link>,
     "links": [{"seq", "record_kind", "record_id", "action", "content_hash", "chain_hash"}...],
     "signer": {"global_id", "name", "credentials", "icb_number", "license", "key"},
     "supervisees": [{"global_id", "name", "icb_id", "credential"}...],  # details as person_digest
     "audit_head": null | {"id", "hash"},
     "heads": {<supervisee global id>: <head>...}}  # version 2

Version 2 adds ``heads``: for each supervisee the batch concerns, the head of their links in
this chain up to the batch's last link (:mod:`~supervisor_app.services.signoff.heads`), so a
supervisee's view checks the newest signature of each key over their links instead of every
weekly batch. Version 1 (no ``heads``) is still read and checked as before.

serialised by :func:`payload_bytes` (sorted keys, no spaces, UTF-8) and signed with the
supervisor's Ed25519 key (:mod:`~supervisor_app.services.keys`). The stored ``payload`` text
is exactly the bytes signed, so checking never re-serialises anything.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

FORMAT = "supervisor_app/signature"
VERSION = 2
VERSIONS = (1, 2)  # read and checked; new signatures are VERSION
LINK_FIELDS = ("seq", "record_kind", "record_id", "action", "content_hash", "chain_hash")


def payload_bytes(payload: Mapping[str, Any]) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def payload_text(payload: Mapping[str, Any]) -> str:
    """The payload as stored: the text of exactly the bytes signed."""
    return payload_bytes(payload).decode("utf-8")


def signer_identity(
    *,
    global_id: str | None,
    name: str,
    credentials: str,
    icb_number: str,
    license_type: str,
    license_number: str,
    key: str,
) -> dict[str, Any]:
    return {
        "global_id": global_id,
        "name": name,
        "credentials": credentials,
        "icb_number": icb_number,
        "license": f"{license_type} {license_number}".strip(),
        "key": key,
    }


def signer_of(supervisor: Any, *, key: str) -> dict[str, Any]:
    """:func:`signer_identity` of a :class:`~supervisor_app.models.Supervisor` as they stand
    now, signing with the key whose fingerprint is ``key``."""
    return signer_identity(
        global_id=supervisor.global_id,
        name=supervisor.name,
        credentials=supervisor.credentials,
        icb_number=supervisor.icb_number,
        license_type=supervisor.license_type,
        license_number=supervisor.license_number,
        key=key,
    )


SUPERVISEE_FIELDS = ("name", "icb_id", "credential")


def person_digest(global_id: Any, field: str, value: Any) -> str:
    """What a signature holds of a supervisee's detail: SHA-256 of the person's global id, the
    field's name and its value. A batch concerns everyone its supervisor signed for that week,
    and an hours file carries the batch's signature to one of them: digests let `verify` tell
    that a name, ICB id or credential changed without handing the others' details to them."""
    text = json.dumps([global_id, field, value], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def supervisee_identity(*, global_id: str | None, name: str, icb_id: str, credential: str) -> dict[str, Any]:
    values = {"name": name, "icb_id": icb_id, "credential": credential}
    return {"global_id": global_id, **{f: person_digest(global_id, f, values[f]) for f in SUPERVISEE_FIELDS}}


def link_entry(link: Mapping[str, Any]) -> dict[str, Any]:
    return {name: link[name] for name in LINK_FIELDS}


def make_payload(
    *,
    signature_id: str,
    chain: str,
    action: str,
    signed_at: str,
    prev_chain_hash: str,
    links: Iterable[Mapping[str, Any]],
    signer: Mapping[str, Any],
    supervisees: Sequence[Mapping[str, Any]],
    audit_head: Mapping[str, Any] | None = None,
    heads: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The payload to sign; version 2 with ``heads`` ({supervisee global id: head}), else 1."""
    payload = {
        "format": FORMAT,
        "version": VERSION if heads is not None else 1,
        "id": signature_id,
        "chain": chain,
        "action": action,
        "signed_at": signed_at,
        "prev_chain_hash": prev_chain_hash,
        "links": [link_entry(link) for link in links],
        "signer": dict(signer),
        "supervisees": sorted((dict(s) for s in supervisees), key=lambda s: str(s["global_id"])),
        "audit_head": dict(audit_head) if audit_head is not None else None,
    }
    if heads is not None:
        payload["heads"] = dict(heads)
    return payload


def sign_payload(private_key: Ed25519PrivateKey, payload: Mapping[str, Any]) -> str:
    """The Ed25519 signature of the payload's bytes, as hex (128 characters)."""
    return private_key.sign(payload_bytes(payload)).hex()


@lru_cache(maxsize=256)
def _public_key(public_key_hex: str) -> Ed25519PublicKey:
    """The key object, made once per key (a first view checks ~420 signatures by a few keys)."""
    return Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))


def check(public_key_hex: str, payload_text_: str, signature_hex: str) -> bool:
    """True if ``signature_hex`` is the Ed25519 signature of ``payload_text_`` (its UTF-8
    bytes) by the public key ``public_key_hex``. False for anything malformed."""
    try:
        public = _public_key(public_key_hex)
        public.verify(bytes.fromhex(signature_hex), payload_text_.encode("utf-8"))
    except (InvalidSignature, ValueError, TypeError, UnicodeEncodeError):
        return False
    return True


def parse(payload_text_: str) -> dict[str, Any] | None:
    """The payload read back, or None if it is not a payload of a known format and version."""
    try:
        payload = json.loads(payload_text_)
    except (ValueError, TypeError):
        return None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        return None
    version = payload.get("version")
    if version.__class__ is not int or version not in VERSIONS:
        return None
    if version >= 2 and not isinstance(payload.get("heads"), dict):
        return None
    if not isinstance(payload.get("links"), list) or not isinstance(payload.get("signer"), dict):
        return None
    return payload


def public_keys(conn: Any) -> dict[str, tuple[str, int]]:
    """{fingerprint: (public key hex, supervisor id)} of every key on file, retired ones too."""
    return {
        fp: (hex_, sid)
        for fp, hex_, sid in conn.execute("SELECT fingerprint, public_key, supervisor_id FROM supervisor_key")
    }


__all__ = [
    "FORMAT",
    "LINK_FIELDS",
    "VERSION",
    "check",
    "link_entry",
    "make_payload",
    "parse",
    "payload_bytes",
    "payload_text",
    "public_keys",
    "sign_payload",
    "signer_identity",
    "supervisee_identity",
]
