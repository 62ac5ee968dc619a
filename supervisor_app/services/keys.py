"""Each supervisor's Ed25519 key pair: made, sealed under the password, unlocked to sign.

The public key is stored in clear (hex of its 32 raw bytes) with its fingerprint, the SHA-256
of those bytes. The private key is stored only sealed: AES-256-GCM under a key derived from
the supervisor's password with argon2id, the fingerprint as associated data (a sealed key
moved to another public key does not open). The sealed form is JSON and carries its own
parameters, so keys sealed with other work factors (tests) still open::

    {"v": 1, "kdf": "argon2id", "t": 3, "m": 65536, "p": 1, "salt": b64,
     "aead": "AES-256-GCM", "nonce": b64, "ct": b64}

When keys are made: at account creation with a password; for a supervisor without one, at
their next successful sign-in or signing (:func:`ensure_key`, called by
:func:`~supervisor_app.services.auth.authenticate`); and anew when a password is set without
the old one (recovery key, another supervisor): the old key is retired, kept, and everything
it signed still verifies. A password change with the old one reseals the same key.

Keys of supervisors of another database (imported hours files) are stored with
``sealed_private_key = ""``: they only verify.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.models import Supervisor, SupervisorKey, utcnow
from supervisor_app.services import audit
from supervisor_app.services.errors import DomainError
from supervisor_app.services.signatures import public_keys

# argon2, AES-GCM and the key serialisation are imported where a key is sealed or opened: a
# command that only verifies signatures (``progress``) reads public keys alone (issue 19).

# argon2id work factors for the key that seals a private key (RFC 9106's second profile:
# 64 MiB, 3 passes); lowered by auth.use_fast_hashing_for_tests() through use_fast_kdf_for_tests.
_KDF: dict[str, int] = {"t": 3, "m": 65536, "p": 1}


def use_fast_kdf_for_tests() -> None:
    """Cheaper argon2id parameters for tests (still argon2id, still AES-GCM). Never called by
    the application."""
    _KDF.update(t=1, m=1024, p=1)


def raw_public(public: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint_of(public_hex: str) -> str:
    """The fingerprint of a public key given as hex: SHA-256 of its raw 32 bytes."""
    return hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(password: str, salt: bytes, t: int, m: int, p: int) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        password.encode("utf-8"), salt, time_cost=t, memory_cost=m, parallelism=p, hash_len=32, type=Type.ID
    )


def seal(private: Ed25519PrivateKey, password: str, fingerprint: str) -> str:
    """The private key, encrypted under the password, as the stored JSON text."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    salt, nonce = os.urandom(16), os.urandom(12)
    t, m, p = _KDF["t"], _KDF["m"], _KDF["p"]
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    ct = AESGCM(_derive(password, salt, t, m, p)).encrypt(nonce, raw, fingerprint.encode("ascii"))
    sealed = {
        "v": 1,
        "kdf": "argon2id",
        "t": t,
        "m": m,
        "p": p,
        "salt": _b64(salt),
        "aead": "AES-256-GCM",
        "nonce": _b64(nonce),
        "ct": _b64(ct),
    }
    return json.dumps(sealed, sort_keys=True, separators=(",", ":"))


def open_sealed(sealed: str, password: str, fingerprint: str) -> Ed25519PrivateKey | None:
    """The private key, or None if the password (or anything stored) does not open it."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        data: dict[str, Any] = json.loads(sealed)
        if data.get("v") != 1 or data.get("kdf") != "argon2id" or data.get("aead") != "AES-256-GCM":
            return None
        key = _derive(
            password, base64.b64decode(data["salt"]), int(data["t"]), int(data["m"]), int(data["p"])
        )
        raw = AESGCM(key).decrypt(
            base64.b64decode(data["nonce"]), base64.b64decode(data["ct"]), fingerprint.encode("ascii")
        )
        private = Ed25519PrivateKey.from_private_bytes(raw)
    except (InvalidTag, ValueError, KeyError, TypeError):
        return None
    if hashlib.sha256(raw_public(private.public_key())).hexdigest() != fingerprint:
        return None
    return private


def current_key(uow: UnitOfWork, supervisor_id: int) -> SupervisorKey | None:
    """The supervisor's unretired key, if any."""
    return uow.session.scalars(
        select(SupervisorKey)
        .where(SupervisorKey.supervisor_id == supervisor_id, SupervisorKey.retired_at.is_(None))
        .order_by(SupervisorKey.id.desc())
        .limit(1)
    ).first()


def _create(
    uow: UnitOfWork, supervisor: Supervisor, password: str, now: dt.datetime
) -> tuple[SupervisorKey, Ed25519PrivateKey]:
    old = current_key(uow, supervisor.id)
    if old is not None:
        old.retired_at = now
    private = Ed25519PrivateKey.generate()
    public_hex = raw_public(private.public_key()).hex()
    fingerprint = fingerprint_of(public_hex)
    key = SupervisorKey(
        supervisor_id=supervisor.id,
        fingerprint=fingerprint,
        public_key=public_hex,
        sealed_private_key=seal(private, password, fingerprint),
        created_at=now,
    )
    uow.session.add(key)
    uow.flush()
    audit.log(
        uow,
        audit.AuditAction.EDIT,
        details={
            "supervisor": supervisor.id,
            "signing_key": fingerprint,
            **({"retired_key": old.fingerprint} if old is not None else {}),
        },
    )
    return key, private


def create_key(
    uow: UnitOfWork, supervisor: Supervisor, password: str, *, now: dt.datetime | None = None
) -> SupervisorKey:
    """A new key pair for ``supervisor``, sealed under ``password`` (already checked or just
    set). Their unretired key, if any, is retired (kept: what it signed still verifies). The
    caller commits."""
    return _create(uow, supervisor, password, now or utcnow())[0]


def unlock(
    uow: UnitOfWork, supervisor_id: int, password: str, *, now: dt.datetime | None = None
) -> tuple[SupervisorKey, Ed25519PrivateKey]:
    """The supervisor's key and private key, opened with ``password`` (which
    :func:`~supervisor_app.services.auth.authenticate` has checked). A supervisor without a
    usable key (none yet, or one the password no longer opens because it was set by a path
    that could not reseal it) gets a new one. The caller commits."""
    supervisor = uow.session.get(Supervisor, supervisor_id)
    if supervisor is None:
        raise DomainError(
            _("There is no supervisor with id {supervisor_id}.").format(supervisor_id=supervisor_id),
            code="keys.no_supervisor",
            field="supervisor",
            params={"supervisor_id": supervisor_id},
        )
    key = current_key(uow, supervisor_id)
    if key is not None and key.sealed_private_key:
        private = open_sealed(key.sealed_private_key, password, key.fingerprint)
        if private is not None:
            return key, private
    return _create(uow, supervisor, password, now or utcnow())


def ensure_key(uow: UnitOfWork, supervisor: Supervisor, password: str) -> None:
    """Make a key for a supervisor who has none (checked password at hand). The caller commits."""
    if current_key(uow, supervisor.id) is None:
        _create(uow, supervisor, password, utcnow())


def reseal(uow: UnitOfWork, supervisor_id: int, old_password: str, new_password: str) -> None:
    """The supervisor's key sealed under the new password (a password change with the old
    one); a new key if the old password does not open it, or there is none. The caller commits."""
    key = current_key(uow, supervisor_id)
    private = (
        open_sealed(key.sealed_private_key, old_password, key.fingerprint)
        if key is not None and key.sealed_private_key
        else None
    )
    if key is None or private is None:
        supervisor = uow.session.get(Supervisor, supervisor_id)
        assert supervisor is not None
        _create(uow, supervisor, new_password, utcnow())
        return
    key.sealed_private_key = seal(private, new_password, key.fingerprint)


def public_key(public_hex: str) -> Ed25519PublicKey:
    """The public key stored as hex (ValueError if it is not one)."""
    return Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex))


__all__ = [
    "create_key",
    "current_key",
    "ensure_key",
    "fingerprint_of",
    "open_sealed",
    "public_key",
    "public_keys",
    "reseal",
    "seal",
    "unlock",
    "use_fast_kdf_for_tests",
]
