"""Supervisors' Ed25519 keys (sealed under the password) and the keyed-signature payload."""

from __future__ import annotations

import json
import sqlite3

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from conftest import PASSWORD, snapshot
from supervisor_app.db import Database
from supervisor_app.services import auth, keys, people, signatures
from supervisor_app.services.errors import DomainError

NEW_PASSWORD = "a brand new passphrase"


def _keys_of(db: Database, supervisor_id: int) -> list[tuple[str, str, str, object]]:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(
            "SELECT fingerprint, public_key, sealed_private_key, retired_at FROM supervisor_key "
            "WHERE supervisor_id = ? ORDER BY id",
            (supervisor_id,),
        ).fetchall()
    finally:
        conn.close()


def _add(db: Database, name: str = "Dana", password: str | None = PASSWORD) -> int:
    with db.uow("test") as uow:
        supervisor = people.add_supervisor(uow, name=name, credentials="CRSS", password=password)
        uow.commit()
        return supervisor.id


def test_a_new_account_gets_a_key_whose_private_half_is_stored_only_sealed(db: Database) -> None:
    dana = _add(db)
    [(fingerprint, public_hex, sealed, retired)] = _keys_of(db, dana)
    assert retired is None
    assert keys.fingerprint_of(public_hex) == fingerprint and len(fingerprint) == 64
    data = json.loads(sealed)
    assert data["kdf"] == "argon2id" and data["aead"] == "AES-256-GCM" and data["v"] == 1
    assert PASSWORD not in sealed
    with db.uow("test") as uow:
        key, private = keys.unlock(uow, dana, PASSWORD)
        assert key.fingerprint == fingerprint
        assert private.public_key().public_bytes_raw().hex() == public_hex


def test_a_wrong_password_or_another_fingerprint_does_not_open_the_sealed_key() -> None:
    private = Ed25519PrivateKey.generate()
    fingerprint = keys.fingerprint_of(private.public_key().public_bytes_raw().hex())
    sealed = keys.seal(private, PASSWORD, fingerprint)
    assert keys.open_sealed(sealed, PASSWORD, fingerprint) is not None
    assert keys.open_sealed(sealed, "not the password", fingerprint) is None
    assert keys.open_sealed(sealed, PASSWORD, "0" * 64) is None
    assert keys.open_sealed("not json", PASSWORD, fingerprint) is None


def test_a_supervisor_without_a_key_gets_one_when_the_password_is_at_hand(db: Database) -> None:
    dana = _add(db)
    conn = sqlite3.connect(db.path)
    conn.execute("DROP TRIGGER supervisor_key_no_delete")
    conn.execute("DELETE FROM supervisor_key")  # as a supervisor from before keys
    conn.commit()
    conn.close()
    with db.uow("test") as uow:
        key, _private = keys.unlock(uow, dana, PASSWORD)
        uow.commit()
    assert [row[0] for row in _keys_of(db, dana)] == [key.fingerprint]


def test_changing_the_password_reseals_the_same_key(db: Database) -> None:
    dana = _add(db)
    [(fingerprint, _, sealed, _)] = _keys_of(db, dana)
    with db.uow("test") as uow:
        auth.change_password(uow, supervisor_id=dana, old_password=PASSWORD, new_password=NEW_PASSWORD)
        uow.commit()
    [(after, _, resealed, retired)] = _keys_of(db, dana)
    assert after == fingerprint and resealed != sealed and retired is None
    assert keys.open_sealed(resealed, NEW_PASSWORD, fingerprint) is not None
    assert keys.open_sealed(resealed, PASSWORD, fingerprint) is None


def test_a_forgotten_password_means_a_new_key_and_the_old_one_stays_on_file(db: Database) -> None:
    dana, lee = _add(db), _add(db, "Lee")
    [(first, *_)] = _keys_of(db, dana)
    with db.uow("test") as uow:
        auth.set_password_by_another(
            uow, supervisor_id=dana, new_password=NEW_PASSWORD, by_supervisor_id=lee, by_password=PASSWORD
        )
        uow.commit()
    with db.uow("test") as uow:
        recovery = auth.new_recovery_key_for(uow, supervisor_id=dana, password=NEW_PASSWORD)
        uow.commit()
    with db.uow("test") as uow:
        auth.reset_with_recovery_key(
            uow, supervisor_id=dana, recovery_key=recovery, new_password="third password here"
        )
        uow.commit()
    rows = _keys_of(db, dana)
    assert rows[0][0] == first and len(rows) == 3
    assert [r[3] is not None for r in rows] == [True, True, False]
    assert keys.open_sealed(rows[2][2], "third password here", rows[2][0]) is not None


def test_a_refused_password_change_changes_no_key(db: Database) -> None:
    dana = _add(db)
    before = snapshot(db.path)
    with db.uow("test") as uow, pytest.raises(DomainError):
        auth.change_password(uow, supervisor_id=dana, old_password=PASSWORD, new_password="short")
    assert snapshot(db.path) == before


def test_keys_are_never_deleted_and_their_public_half_never_changes(db: Database) -> None:
    dana = _add(db)
    conn = sqlite3.connect(db.path)
    try:
        for sql in (
            "DELETE FROM supervisor_key",
            "UPDATE supervisor_key SET public_key = 'ab'",
            "UPDATE supervisor_key SET fingerprint = 'ab'",
            "UPDATE supervisor_key SET supervisor_id = 99",
            "UPDATE supervisor SET global_id = 'someone-else'",
            "UPDATE database_identity SET keys_from_seq = 99",
        ):
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute(sql)
    finally:
        conn.close()
    assert len(_keys_of(db, dana)) == 1


def test_people_and_the_database_have_global_ids(db: Database) -> None:
    dana = _add(db)
    with db.uow("test") as uow:
        ana = people.add_supervisee(uow, name="Ana", credential="CRSS", supervisor_id=dana)
        uow.commit()
        assert len(ana.global_id or "") == 36
    conn = sqlite3.connect(db.path)
    try:
        conn.execute(
            "INSERT INTO supervisee (name, credential, icb_id, position, active, created_at, updated_at) "
            "VALUES ('Raw', 'CRSS', '', '', 1, '2026-01-01', '2026-01-01')"
        )
        conn.commit()
        ids = [r[0] for r in conn.execute("SELECT global_id FROM supervisee")]
        [(chain, keys_from)] = conn.execute(
            "SELECT global_id, keys_from_seq FROM database_identity"
        ).fetchall()
    finally:
        conn.close()
    assert len(set(ids)) == 2 and all(len(i) == 36 for i in ids)
    assert len(chain) == 36 and keys_from == 1


def _payload() -> dict[str, object]:
    return signatures.make_payload(
        signature_id="sig-1",
        chain="chain-1",
        action="sign",
        signed_at="2026-12-01 10:00:00.000000",
        prev_chain_hash="0" * 64,
        links=[
            {
                "seq": 1,
                "record_kind": "session",
                "record_id": "r1",
                "action": "sign",
                "content_hash": "a" * 64,
                "chain_hash": "b" * 64,
                "signer_id": 3,
            }
        ],
        signer=signatures.signer_identity(
            global_id="g-dana",
            name="Dana Ñúñez",
            credentials="CRSS",
            icb_number="1",
            license_type="",
            license_number="",
            key="f" * 64,
        ),
        supervisees=[
            signatures.supervisee_identity(global_id="g-ana", name="Ana", icb_id="7", credential="CRSS")
        ],
    )


def test_a_payload_signature_checks_only_for_exactly_what_was_signed() -> None:
    private = Ed25519PrivateKey.generate()
    public_hex = private.public_key().public_bytes_raw().hex()
    payload = _payload()
    text = signatures.payload_text(payload)
    assert text.encode() == signatures.payload_bytes(payload)
    assert "signer_id" not in text and "Ñúñez" in text  # link fields only; UTF-8, not escaped
    signed = signatures.sign_payload(private, payload)
    assert len(signed) == 128
    assert signatures.check(public_hex, text, signed)
    assert not signatures.check(public_hex, text.replace("sig-1", "sig-2"), signed)
    # The supervisees' details are digests: an hours file given to one of them does not carry
    # the others' names or ICB ids.
    assert '"Ana"' not in text and "g-ana" in text
    assert payload["supervisees"][0]["name"] == signatures.person_digest("g-ana", "name", "Ana")
    other = Ed25519PrivateKey.generate().public_key().public_bytes_raw().hex()
    assert not signatures.check(other, text, signed)
    assert not signatures.check("zz", text, signed) and not signatures.check(public_hex, text, "00")
    assert signatures.parse(text) == json.loads(text)
    assert signatures.parse('{"format": "other"}') is None
