"""The agency database on PostgreSQL: its tables, the triggers that protect signed records,
and the two roles.

A new agency database is made at the newest revision: :func:`create_agency_schema` creates
the models' tables (``Base.metadata.create_all``), then the PostgreSQL triggers equal to every
protective trigger of the SQLite schema at head (same names, same events, same refusals word
for word), then stamps Alembic's ``head``, all in one transaction. The older revisions only
ever existed as SQLite files, so they are never replayed here; the migrations written from now
on run on both.

Two roles, so the app cannot undo its own protections:

- the **owner** role creates the schema (it owns the tables, the trigger functions and the
  triggers). Only the IT person uses it, to create and later to migrate the database;
- the **app's** role (:func:`grant_app_role`) may SELECT, INSERT, UPDATE and DELETE rows and
  use the sequences, nothing else: it owns nothing, so PostgreSQL refuses it ``DROP
  TRIGGER``, ``ALTER TABLE ... DISABLE TRIGGER`` and ``TRUNCATE``. A superuser can do all
  of that: the app never connects as one.

Only ``postgresql+psycopg://`` URLs (psycopg 3) are accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from supervisor_app.i18n import _
from supervisor_app.storage import DatabaseError, head_revision

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

DRIVER = "postgresql+psycopg"

# The refusals, word for word as the SQLite triggers say them (migrations 0001 to 0009).
FINAL = "signed records are final: correct them with an amendment or a void"
APPEND_ONLY = "this table is append-only"
FOREIGN = "records from another database are never changed"
GLOBAL_ID = "a global id never changes"
KEY_KEPT = "a key is never deleted: what it signed must still verify"
PUBLIC_KEY = "a public key never changes"
CONFIRMED = "a confirmed training entry never changes"


@dataclass(frozen=True)
class Refusal:
    """One trigger: ``BEFORE <event> ON <table>`` refusing with ``message`` when ``condition``
    (a PL/pgSQL boolean over OLD/NEW; None: always)."""

    name: str
    table: str
    event: str  # INSERT, UPDATE, DELETE, or "UPDATE OF a, b"
    message: str
    condition: str | None = None


def _refusals() -> list[Refusal]:
    found: list[Refusal] = []
    # Signed records are final (0001): the records themselves, and their children.
    for table in ("supervision_session", "experience_entry"):
        for event in ("UPDATE", "DELETE"):
            found.append(
                Refusal(f"{table}_final_{event.lower()}", table, event, FINAL, "OLD.status <> 'pending'")
            )
    for child, parent, key in (
        ("session_allocation", "supervision_session", "session_id"),
        ("session_attendee", "supervision_session", "session_id"),
        ("experience_allocation", "experience_entry", "entry_id"),
    ):
        status = "(SELECT status FROM {parent} WHERE id = {row}.{key}) <> 'pending'"
        old = status.format(parent=parent, row="OLD", key=key)
        new = status.format(parent=parent, row="NEW", key=key)
        found += [
            Refusal(f"{child}_final_insert", child, "INSERT", FINAL, new),
            Refusal(f"{child}_final_update", child, "UPDATE", FINAL, f"{old} OR {new}"),
            Refusal(f"{child}_final_delete", child, "DELETE", FINAL, old),
        ]
    # Append-only tables (0001, 0002, 0005, 0006, 0007, 0008, 0009).
    for table, message in (
        ("sign_off", APPEND_ONLY),
        ("audit_event", APPEND_ONLY),
        ("attestation", APPEND_ONLY),
        ("supervisor_change", APPEND_ONLY),
        ("signature", APPEND_ONLY),
        ("database_identity", APPEND_ONLY),
        ("outside_copy", APPEND_ONLY),
        ("foreign_link", FOREIGN),
        ("supervisee_alias", FOREIGN),
        ("training_confirmation", CONFIRMED),
    ):
        for event in ("UPDATE", "DELETE"):
            found.append(Refusal(f"{table}_append_only_{event.lower()}", table, event, message))
    found.append(Refusal("foreign_chain_no_delete", "foreign_chain", "DELETE", FOREIGN))
    # Global ids (0006): filled when missing (see _FILL_GLOBAL_ID), never changed once set.
    for table in ("supervisor", "supervisee"):
        found.append(
            Refusal(
                f"{table}_global_id_fixed",
                table,
                "UPDATE OF global_id",
                GLOBAL_ID,
                "OLD.global_id IS NOT NULL AND NEW.global_id IS DISTINCT FROM OLD.global_id",
            )
        )
    # Keys (0006): never deleted, their public part never changed.
    found += [
        Refusal("supervisor_key_no_delete", "supervisor_key", "DELETE", KEY_KEPT),
        Refusal(
            "supervisor_key_public_fixed",
            "supervisor_key",
            "UPDATE OF supervisor_id, fingerprint, public_key",
            PUBLIC_KEY,
        ),
    ]
    # A confirmed training entry (0009): its areas and certificate stay as confirmed.
    confirmed = "EXISTS (SELECT 1 FROM training_confirmation c WHERE c.entry_id = {row}.{key})"
    for table in ("training_allocation", "training_certificate"):
        found += [
            Refusal(f"{table}_confirmed_insert", table, "INSERT", CONFIRMED, confirmed.format(row="NEW", key="entry_id")),
            Refusal(f"{table}_confirmed_update", table, "UPDATE", CONFIRMED, confirmed.format(row="OLD", key="entry_id")),
            Refusal(f"{table}_confirmed_delete", table, "DELETE", CONFIRMED, confirmed.format(row="OLD", key="entry_id")),
        ]  # fmt: skip
    for event in ("UPDATE", "DELETE"):
        found.append(
            Refusal(
                f"training_entry_confirmed_{event.lower()}",
                "training_entry",
                event,
                CONFIRMED,
                confirmed.format(row="OLD", key="id"),
            )
        )
    return found


REFUSALS: list[Refusal] = _refusals()

# The global id a row inserted without one gets (SQLite: an AFTER INSERT trigger writing a
# random version 4 UUID; here the same UUID is set before the row is written).
GLOBAL_ID_FILLED = ("supervisor_global_id_filled", "supervisee_global_id_filled")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def trigger_sql(refusal: Refusal) -> list[str]:
    """The function and the trigger for one refusal (a row trigger; 23001 restrict_violation,
    which drivers report as an integrity error, as SQLite's RAISE(ABORT) is)."""
    row = "OLD" if refusal.event == "DELETE" else "NEW"  # what a BEFORE trigger hands back
    raise_it = f"RAISE EXCEPTION USING MESSAGE = {_quote(refusal.message)}, ERRCODE = 'restrict_violation';"
    body = f"IF {refusal.condition} THEN {raise_it} END IF;" if refusal.condition else raise_it
    return [
        f"CREATE FUNCTION {refusal.name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN\n  {body}\n  RETURN {row};\nEND\n$$",
        f"CREATE TRIGGER {refusal.name} BEFORE {refusal.event} ON {refusal.table} "
        f"FOR EACH ROW EXECUTE FUNCTION {refusal.name}()",
    ]


def _global_id_sql(name: str) -> list[str]:
    table = name.removesuffix("_global_id_filled")
    return [
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n  IF NEW.global_id IS NULL THEN NEW.global_id := gen_random_uuid()::text; END IF;\n"
        "  RETURN NEW;\nEND\n$$",
        f"CREATE TRIGGER {name} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()",
    ]


def protective_sql() -> list[str]:
    """Every statement that makes the triggers, in order."""
    statements: list[str] = []
    for refusal in REFUSALS:
        statements += trigger_sql(refusal)
    for name in GLOBAL_ID_FILLED:
        statements += _global_id_sql(name)
    return statements


def refuse_unless_postgres(url: str) -> None:
    """A :class:`DatabaseError` unless ``url`` is a ``postgresql+psycopg://`` URL."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        driver = make_url(url).drivername
    except ArgumentError:
        driver = None
    if driver != DRIVER:
        raise DatabaseError(
            _(
                "The agency database must be a PostgreSQL URL starting with "
                "postgresql+psycopg:// (for example postgresql+psycopg://owner@server/agency), "
                "not {url}."
            ).format(url=url.split("@")[-1] if "@" in url else url)
        )


def _engine(url_or_engine: str | Engine) -> tuple[Engine, bool]:
    """The engine, and whether it is ours to dispose of."""
    from sqlalchemy import create_engine

    if isinstance(url_or_engine, str):
        refuse_unless_postgres(url_or_engine)
        return create_engine(url_or_engine), True
    refuse_unless_postgres(url_or_engine.url.render_as_string(hide_password=True))
    return url_or_engine, False


def _stamp_head(conn: Connection) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "supervisor_app:migrations")
    config.attributes["connection"] = conn
    command.stamp(config, "head")


def _add_identity(conn: Connection) -> None:
    """The agency database's own identity, as migration 0006 gives a new file its own: the
    chain id the signatures made on it name; every link of its chain keyed (from seq 1)."""
    from supervisor_app.models import DatabaseIdentity, new_uuid, utcnow

    conn.execute(
        DatabaseIdentity.__table__.insert().values(
            id=1, global_id=new_uuid(), keys_from_seq=1, created_at=utcnow()
        )
    )


def create_agency_schema(url_or_engine: str | Engine) -> str:
    """Create the agency database's tables and triggers at head, as the owner role; the
    revision it is at. A database that already has tables is refused, nothing changed."""
    from sqlalchemy import inspect

    from supervisor_app.models import Base

    engine, ours = _engine(url_or_engine)
    try:
        with engine.begin() as conn:
            existing = inspect(conn).get_table_names()
            if existing:
                raise DatabaseError(
                    _(
                        "This PostgreSQL database already has tables ({tables}); the agency "
                        "database is created only in an empty one. Nothing was changed."
                    ).format(tables=", ".join(sorted(existing)[:5]))
                )
            Base.metadata.create_all(conn)
            _add_identity(conn)
            for statement in protective_sql():
                conn.exec_driver_sql(statement)
            _stamp_head(conn)
        return head_revision()
    finally:
        if ours:
            engine.dispose()


def grant_app_role(url_or_engine: str | Engine, role: str) -> None:
    """Let ``role`` (an existing role that is not the owner) read and write the rows of every
    table and use the sequences, those the owner makes later included; nothing more. Run as
    the owner role."""
    from sqlalchemy import text

    engine, ours = _engine(url_or_engine)
    try:
        with engine.begin() as conn:
            owner = conn.execute(text("SELECT current_user")).scalar_one()
            if role == owner:
                raise DatabaseError(
                    _(
                        "The app's role must not be the owner of the agency database ({role}): "
                        "the owner can drop the triggers that protect signed records."
                    ).format(role=role)
                )
            quoted = conn.dialect.identifier_preparer.quote(role)
            conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {quoted}")
            conn.exec_driver_sql(
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}"
            )
            conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}")
            # The tables and sequences the owner makes later (the next migrations): the same rights.
            conn.exec_driver_sql(
                f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {quoted}"
            )
            conn.exec_driver_sql(
                f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {quoted}"
            )
    finally:
        if ours:
            engine.dispose()
