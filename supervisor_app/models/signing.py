"""Sign-offs, printed attestations, keys and signatures, links to records from other databases,
outside copies, and the audit trail."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from supervisor_app.models.base import (
    Base,
    RecordKind,
    SignOffAction,
    enum_check,
    new_uuid,
    utcnow,
)


class SignOff(Base):
    """One link of the signature chain: a signing or a void, in signing order.

    ``content_hash`` is SHA-256 over the record's canonical content (for a void: over the
    voided record's hash and the reason); ``chain_hash`` is SHA-256 over this link's fields and
    the previous link's ``chain_hash``. Rows are never updated or deleted (triggers).
    """

    __tablename__ = "sign_off"
    __table_args__ = (
        enum_check("record_kind", RecordKind),
        enum_check("action", SignOffAction),
        Index("ix_sign_off_record", "record_id", "action"),
        # The voided ids (status.VOIDED_IDS_SQL), read by every totals query: the few voids,
        # not a scan of the whole chain.
        Index(
            "ix_sign_off_void",
            "record_id",
            postgresql_where=text("action = 'void'"),
        ).ddl_if(dialect="postgresql"),
    )

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)  # the chain's: signing numbers it
    record_kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(10))
    signer_id: Mapped[int] = mapped_column(ForeignKey("supervisor.id"))
    signed_at: Mapped[dt.datetime] = mapped_column()
    reason: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64))
    prev_chain_hash: Mapped[str] = mapped_column(String(64))
    chain_hash: Mapped[str] = mapped_column(String(64), unique=True)


class Attestation(Base):
    """One printed attestation form: what was printed, for whom, over which records.

    The fingerprint is SHA-256 over the chain hashes of the signatures it includes, in order;
    printing the same records again reuses the row (and its serial number).
    """

    __tablename__ = "attestation"
    __table_args__ = (
        Index("ix_attestation_supervisee", "supervisee_id"),
        Index(
            "ix_attestation_lookup", "supervisee_id", "supervisor_id", "date_from", "date_to", "fingerprint"
        ),
    )

    # Numbered by trails.append, never by the database (no sequence on PostgreSQL: one left
    # behind by the explicit ids would hand out taken ones).
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    serial: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="verification")
    fingerprint: Mapped[str] = mapped_column(String(64))
    supervisee_id: Mapped[int] = mapped_column(ForeignKey("supervisee.id"))
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("supervisor.id"))
    date_from: Mapped[dt.date | None] = mapped_column()
    date_to: Mapped[dt.date | None] = mapped_column()
    record_count: Mapped[int] = mapped_column(Integer, default=0)
    supervision_minutes: Mapped[int] = mapped_column(Integer, default=0)
    experience_minutes: Mapped[int] = mapped_column(Integer, default=0)
    printed_by: Mapped[str] = mapped_column(String(200))
    printed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # The print records' own hash chain (services/trails.py), written by the one function that
    # inserts them: deleting or editing a print record breaks it.
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class DatabaseIdentity(Base):
    """This database file's own identity (one row): the "chain id" its keyed signatures name,
    and the first link of its chain that must be covered by a keyed signature (links before it
    were signed before keys existed). Made by migration 0006."""

    __tablename__ = "database_identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    global_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    keys_from_seq: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SupervisorKey(Base):
    """A supervisor's Ed25519 key pair. The public key is in clear; the private key only sealed
    under a key derived from their password (argon2id, AES-256-GCM; see services.keys), or ""
    for a key of a supervisor of another database. Never deleted; a retired key still verifies
    what it signed. Triggers forbid DELETE and changing the public key, fingerprint or owner."""

    __tablename__ = "supervisor_key"
    __table_args__ = (Index("ix_supervisor_key_supervisor", "supervisor_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("supervisor.id"))
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    public_key: Mapped[str] = mapped_column(String(64))
    sealed_private_key: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[dt.datetime | None] = mapped_column()


class Signature(Base):
    """A keyed signature over a signing batch or a void: the Ed25519 signature of ``payload``
    (the exact UTF-8 JSON signed, see services.signatures), which lists the ``sign_off`` links
    ``first_seq``..``last_seq`` of the chain ``chain_id``. Never updated or deleted (triggers)."""

    __tablename__ = "signature"
    __table_args__ = (Index("ix_signature_chain_seq", "chain_id", "first_seq"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    chain_id: Mapped[str] = mapped_column(String(36))
    key_fingerprint: Mapped[str] = mapped_column(String(64))
    first_seq: Mapped[int] = mapped_column(Integer)
    last_seq: Mapped[int] = mapped_column(Integer)
    signed_at: Mapped[dt.datetime] = mapped_column()
    payload: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(String(128))


class ForeignLink(Base):
    """A sign or void link of a record that arrived in an hours file, exactly as the chain
    ``chain_id`` (another database) stored it; the keyed ``signature`` covering it is stored
    verbatim. ``people``: JSON of the global ids the record names as signed. Never updated or
    deleted (triggers). See services.hours_files."""

    __tablename__ = "foreign_link"
    __table_args__ = (
        Index("ix_foreign_link_record", "record_id", "action"),
        Index(
            "ix_foreign_link_void",
            "record_id",
            postgresql_where=text("action = 'void'"),
        ).ddl_if(dialect="postgresql"),  # as ix_sign_off_void
    )

    chain_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    signature_id: Mapped[str] = mapped_column(String(36))
    record_kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(10))
    signer_id: Mapped[int] = mapped_column(Integer)  # the signer's id in that database, not here
    signed_at: Mapped[str] = mapped_column(String(40))  # the stamp text its chain hash covers
    reason: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    prev_chain_hash: Mapped[str] = mapped_column(String(64))
    chain_hash: Mapped[str] = mapped_column(String(64))
    people: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ForeignChain(Base):
    """Another database records came from: its chain id and the agency it named."""

    __tablename__ = "foreign_chain"

    chain_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    agency: Mapped[str] = mapped_column(String(200))
    first_imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SyncPeer(Base):
    """What this database last took from a database it syncs with (the agency's, by its chain
    id): per chain the last seq received (``heads``, JSON ``{chain: seq}``), the supervisees
    (global ids, JSON list) whose records were taken, and when. Written in the same transaction
    as the rows it accounts for; bookkeeping, not evidence: no protective triggers."""

    __tablename__ = "sync_peer"

    peer_chain_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    url_hash: Mapped[str] = mapped_column(String(64), default="")
    heads: Mapped[str] = mapped_column(Text, default="{}")
    supervisees: Mapped[str] = mapped_column(Text, default="[]")
    synced_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ForeignTrail(Base):
    """Another database's audit trail and print records as they arrived by sync (append-only):
    one row per (its chain, table, id), the row's fields as its database stored them (JSON
    list in ``trails.FIELDS`` order) and the hashes that chain them (``services.trails``),
    checked on arrival to continue the rows held here."""

    __tablename__ = "foreign_trail"

    chain_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tbl: Mapped[str] = mapped_column(String(20), primary_key=True)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    fields: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SuperviseeAlias(Base):
    """Another global id of a supervisee here, linked by the user's choice on import."""

    __tablename__ = "supervisee_alias"

    global_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    supervisee_id: Mapped[int] = mapped_column(ForeignKey("supervisee.id"))
    linked_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditEvent(Base):
    """The append-only audit trail (triggers forbid UPDATE and DELETE), hash-chained: each
    event's ``hash`` covers its fields and ``prev_hash``, the hash of the event before it
    (services/trails.py). Events are written only by :func:`services.audit.append_events`."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_record", "record_id"),
        # A supervisee's sign and void events are read on every progress view and form
        # (verification): covering, so they come from a few index pages, not a page each.
        Index("ix_audit_supervisee_action", "supervisee_id", "action", "record_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)  # as Attestation.id
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str | None] = mapped_column(String(36))
    supervisee_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class OutsideCopy(Base):
    """What a copy of this database's chains that left the file knows (an hours file given
    out or taken in): its newest signature link and audit event. ``verify`` compares the file
    with these (and with the backups), so signatures cut off the end of the chain are seen.
    Append-only (triggers)."""

    __tablename__ = "outside_copy"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(400))
    last_seq: Mapped[int | None] = mapped_column(Integer)
    last_chain_hash: Mapped[str | None] = mapped_column(String(64))
    audit_head_id: Mapped[int | None] = mapped_column(Integer)
    audit_head_hash: Mapped[str | None] = mapped_column(String(64))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
