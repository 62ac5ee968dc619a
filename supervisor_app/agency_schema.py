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
    # Append-only tables (0001, 0002, 0005, 0006, 0007, 0008, 0009, 0014).
    for table, message in (
        ("sign_off", APPEND_ONLY),
        ("audit_event", APPEND_ONLY),
        ("attestation", APPEND_ONLY),
        ("supervisor_change", APPEND_ONLY),
        ("signature", APPEND_ONLY),
        ("database_identity", APPEND_ONLY),
        ("outside_copy", APPEND_ONLY),
        ("foreign_trail", APPEND_ONLY),
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


@dataclass(frozen=True)
class Made:
    """One trigger and the function it runs, as :func:`create_agency_schema` makes them: what
    :func:`made_sql` writes and what :func:`differences` expects to find."""

    trigger: str
    table: str
    timing: str  # BEFORE or AFTER
    events: tuple[str, ...]  # INSERT, UPDATE, DELETE, TRUNCATE, or "UPDATE OF a, b"
    level: str  # ROW or STATEMENT
    function: str
    body: str  # the PL/pgSQL between the $$ (pg_proc.prosrc)


def _refusal_made(refusal: Refusal) -> Made:
    """The function and the trigger for one refusal (a row trigger; 23001 restrict_violation,
    which drivers report as an integrity error, as SQLite's RAISE(ABORT) is)."""
    row = "OLD" if refusal.event == "DELETE" else "NEW"  # what a BEFORE trigger hands back
    raise_it = f"RAISE EXCEPTION USING MESSAGE = {_quote(refusal.message)}, ERRCODE = 'restrict_violation';"
    body = f"IF {refusal.condition} THEN {raise_it} END IF;" if refusal.condition else raise_it
    return Made(
        refusal.name,
        refusal.table,
        "BEFORE",
        (refusal.event,),
        "ROW",
        refusal.name,
        f"\nBEGIN\n  {body}\n  RETURN {row};\nEND\n",
    )


def _global_id_made(name: str) -> Made:
    return Made(
        name,
        name.removesuffix("_global_id_filled"),
        "BEFORE",
        ("INSERT",),
        "ROW",
        name,
        "\nBEGIN\n  IF NEW.global_id IS NULL THEN NEW.global_id := gen_random_uuid()::text; END IF;\n"
        "  RETURN NEW;\nEND\n",
    )


def made_sql(made: Made) -> list[str]:
    """The statements that make ``made``'s function and trigger."""
    return [
        f"CREATE FUNCTION {made.function}() RETURNS trigger LANGUAGE plpgsql AS $${made.body}$$",
        f"CREATE TRIGGER {made.trigger} {made.timing} {' OR '.join(made.events)} ON {made.table} "
        f"FOR EACH {made.level} EXECUTE FUNCTION {made.function}()",
    ]


def trigger_sql(refusal: Refusal) -> list[str]:
    """The function and the trigger for one refusal."""
    return made_sql(_refusal_made(refusal))


def protective_made() -> list[Made]:
    """Every trigger (and its function) that protects signed records, in order."""
    return [_refusal_made(refusal) for refusal in REFUSALS] + [_global_id_made(n) for n in GLOBAL_ID_FILLED]


def protective_sql() -> list[str]:
    """Every statement that makes the triggers, in order."""
    statements: list[str] = []
    for made in protective_made():
        statements += made_sql(made)
    return statements


# --------------------------------------------------------------------------------------------
# Change notices: what tells a running app that another connection changed the database


CHANNEL = "supervisor_app"  # what services.verified LISTENs on
CHANGED = "supervisor_app_changed"  # the function every change notice runs


def change_notices_made() -> list[Made]:
    """One statement-level trigger per table, after any write (TRUNCATE included), sending the
    writing transaction's id on :data:`CHANNEL` when it commits: the agency database's
    counterpart of SQLite's ``PRAGMA data_version`` for :mod:`supervisor_app.services.verified`
    (docs/AGENCY-DB.md). On every table, not only the records': the whole-database verification
    reads them all. (No Alembic revision adds them: no agency database exists in the field
    before them; the databases made since have them from :func:`create_agency_schema`.)"""
    from supervisor_app.models import Base

    body = (
        f"\nBEGIN\n  PERFORM pg_notify({_quote(CHANNEL)}, pg_current_xact_id()::text);\n  RETURN NULL;\nEND\n"
    )
    return [
        Made(
            f"{table.name}_changed",
            table.name,
            "AFTER",
            ("INSERT", "UPDATE", "DELETE", "TRUNCATE"),
            "STATEMENT",
            CHANGED,
            body,
        )
        for table in Base.metadata.sorted_tables
    ]


def made_by_app() -> list[Made]:
    """Every trigger and function :func:`create_agency_schema` makes."""
    return protective_made() + change_notices_made()


def made_by_app_sql() -> list[str]:
    """The statements that make them, each function once, before its first trigger."""
    statements: list[str] = []
    functions: set[str] = set()
    for made in made_by_app():
        function, trigger = made_sql(made)
        if made.function not in functions:
            functions.add(made.function)
            statements.append(function)
        statements.append(trigger)
    return statements


# --------------------------------------------------------------------------------------------
# The schema check: the database is used only with the app's protections exactly as made

_TGTYPE = {"ROW": 1, "BEFORE": 2, "INSERT": 4, "DELETE": 8, "UPDATE": 16, "TRUNCATE": 32}

# Every trigger on a table of the app's schema (the foreign keys' own are internal), what fires
# it (pg_trigger.tgtype: row or statement, before or after, which events), on which columns,
# whether it is enabled (tgenabled: 'O' fires in every ordinary session; 'D' disabled), and the
# function it runs (with its schema).
_TRIGGERS_SQL = """
SELECT t.tgname, c.relname, t.tgenabled, t.tgtype, pn.nspname || '.' || p.proname,
       t.tgconstraint <> 0 OR t.tgqual IS NOT NULL OR t.tgnargs <> 0,
       array_to_string(ARRAY(SELECT a.attname FROM pg_attribute a
                             WHERE a.attrelid = t.tgrelid AND a.attnum = ANY (t.tgattr)
                             ORDER BY a.attname), ', ')
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_proc p ON p.oid = t.tgfoid
JOIN pg_namespace pn ON pn.oid = p.pronamespace
WHERE n.nspname = 'public' AND NOT t.tgisinternal
"""
# Every function, procedure and aggregate in the app's schema: its body, language, result and
# arguments, and whether it runs as its owner or with settings of its own.
_FUNCTIONS_SQL = """
SELECT p.proname, pg_get_function_identity_arguments(p.oid), p.prosrc, l.lanname,
       pg_get_function_result(p.oid), p.prokind, p.prosecdef OR p.proconfig IS NOT NULL
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE n.nspname = 'public'
"""
# Tables, views and foreign tables; whether row security is on for them.
_RELATIONS_SQL = """
SELECT c.relname, c.relkind, c.relrowsecurity
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
"""
_OTHERS_SQL = """
SELECT 'rule', r.rulename || ' (' || c.relname || ')' FROM pg_rewrite r
JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND r.rulename <> '_RETURN'
UNION ALL
SELECT 'policy', p.polname || ' (' || c.relname || ')' FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public'
UNION ALL
SELECT 'operator', o.oprname FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
WHERE n.nspname = 'public'
UNION ALL
SELECT 'schemas', array_to_string(current_schemas(false), ', ')
"""


def _expected_trigger(made: Made) -> tuple[str, int, str, bool, str]:
    kinds = [event.split()[0] for event in made.events]
    tgtype = sum(_TGTYPE[k] for k in kinds) + _TGTYPE.get(made.level, 0) + _TGTYPE.get(made.timing, 0)
    columns = sorted(
        c.strip() for event in made.events if " OF " in event for c in event.split(" OF ", 1)[1].split(",")
    )
    return made.table, tgtype, f"public.{made.function}", False, ", ".join(columns)


def differences(conn: Connection) -> list[str]:
    """How the agency database's triggers, functions, tables, views, rules and row security
    differ from what :func:`create_agency_schema` makes, one line for each kind of difference
    naming every object, in words IT can act on (empty: exactly the app's).

    ``conn``: a connection to it, SQLAlchemy's or psycopg's (the app's role may read the
    catalogue; nothing is written).
    """
    from supervisor_app.models import Base

    run = conn.exec_driver_sql if hasattr(conn, "exec_driver_sql") else conn.execute

    made = made_by_app()
    expected_triggers = {m.trigger: _expected_trigger(m) for m in made}
    expected_functions = {m.function: m.body for m in made}
    expected_tables = {table.name for table in Base.metadata.sorted_tables} | {"alembic_version"}

    found: dict[str, list[str]] = {}

    def note(what: str, name: str) -> None:
        found.setdefault(what, []).append(name)

    triggers: dict[str, tuple[tuple[str, int, str, bool, str], str]] = {}
    for name, table, enabled, tgtype, function, special, columns in run(_TRIGGERS_SQL):
        if name in triggers:  # a second trigger of that name, on another table
            note("extra trigger", f"{name} ({table})")
        else:
            triggers[name] = ((table, tgtype, function, special, columns), enabled)
    for name, want in expected_triggers.items():
        have = triggers.pop(name, None)
        if have is None:
            note("trigger removed", name)
        elif have[0] != want:
            note("trigger changed", name)
        elif have[1] != "O":
            note("trigger disabled", name)
    for name in triggers:
        note("extra trigger", name)
    for name, arguments, source, language, result, kind, special in run(_FUNCTIONS_SQL):
        body = expected_functions.pop(name, None) if arguments == "" else None
        if body is None:
            note("extra function", name if arguments == "" else f"{name}({arguments})")
        elif (source, language, result, kind, special) != (body, "plpgsql", "trigger", "f", False):
            note("function changed", name)
    for name in expected_functions:
        note("function removed", name)
    for name, kind, row_security in run(_RELATIONS_SQL):
        if kind in ("v", "m"):
            note("extra view", name)
        elif name not in expected_tables or kind != "r":
            note("extra table", name)
        else:
            expected_tables.discard(name)
            if row_security:
                note("row security", name)
    for name in sorted(expected_tables):
        note("table removed", name)
    for kind, name in run(_OTHERS_SQL):
        if kind == "schemas":
            if name != "public":
                note("search path", name)
        else:
            note(f"extra {kind}", name)
    return [_difference_line(what, sorted(names)) for what, names in found.items()]


def _difference_line(what: str, names: list[str]) -> str:
    listed = ", ".join(names)
    lines = {
        "trigger removed": _("protection triggers removed: {names}"),
        "trigger changed": _("protection triggers changed (when they fire, or what they run): {names}"),
        "trigger disabled": _("protection triggers disabled: {names}"),
        "function removed": _("protection trigger functions removed: {names}"),
        "function changed": _("protection trigger functions changed: {names}"),
        "table removed": _("tables removed: {names}"),
        "extra trigger": _("triggers the app did not make: {names}"),
        "extra function": _("functions the app did not make: {names}"),
        "extra view": _("views the app did not make: {names}"),
        "extra table": _("tables the app did not make: {names}"),
        "extra rule": _("rules the app did not make: {names}"),
        "extra policy": _("row security policies the app did not make: {names}"),
        "extra operator": _("operators the app did not make: {names}"),
        "row security": _("row security turned on for tables: {names}"),
        "search path": _(
            "the app's role looks up tables and functions in {names} (its search_path), not in public alone"
        ),
    }
    return lines[what].format(names=listed)


def refuse_if_altered(conn: Connection) -> None:
    """A :class:`DatabaseError` naming every difference, unless the agency database's schema is
    exactly what :func:`create_agency_schema` makes."""
    problems = differences(conn)
    if problems:
        raise DatabaseError(
            "\n".join(
                [
                    _(
                        "The agency database was changed outside supervisor_app, so its signed records "
                        "cannot be trusted; it was not opened, and nothing in it was changed:"
                    )
                ]
                + [f"  • {problem}" for problem in problems]
                + [
                    _(
                        "For IT: its triggers, functions or tables differ from what supervisor_app makes "
                        "(supervisor_app/agency_schema.py, made by init as the owner role). Find who changed "
                        "them, and restore the database from a backup (pg_dump) taken before the change."
                    )
                ]
            ),
            kind="other",
        )


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

    from supervisor_app.db import _alembic_config

    command.stamp(_alembic_config(conn), "head")


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
            for statement in made_by_app_sql():
                conn.exec_driver_sql(statement)
            _stamp_head(conn)
        return head_revision()
    finally:
        if ours:
            engine.dispose()


def _revision(conn: Connection) -> tuple[bool, str | None]:
    """(whether the database has any table, the schema revision it is stamped at or None)."""
    from sqlalchemy import inspect, text

    tables = inspect(conn).get_table_names()
    if "alembic_version" not in tables:
        return bool(tables), None
    return True, conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def create_or_upgrade_agency_schema(url_or_engine: str | Engine) -> tuple[str | None, str]:
    """What ``init`` does on the agency database, as the owner role: in an empty database,
    :func:`create_agency_schema`; in one an earlier version made, bring it to head in one
    transaction. (The revision it was at, None if created; the revision it is at now.)

    Refused, nothing changed: a database with tables :func:`create_agency_schema` did not make
    (no revision), one made by a newer version, and one whose protections differ, after the
    upgrade, from what this version makes (:func:`differences`: changed outside the app; the
    upgrade is rolled back). At head, nothing is done."""
    from supervisor_app.storage import known_revisions

    engine, ours = _engine(url_or_engine)
    head = head_revision()
    try:
        with engine.connect() as conn:
            has_tables, found = _revision(conn)
        if not has_tables:
            return None, create_agency_schema(engine)
        if found is None:
            raise DatabaseError(
                _(
                    "This PostgreSQL database has tables but is not an agency database made by "
                    "supervisor_app (it has no schema revision); nothing was changed."
                )
            )
        if found not in known_revisions():
            raise DatabaseError(
                _(
                    "The agency database was made by a newer version of supervisor_app (schema "
                    "{revision}); install that version. Nothing was changed."
                ).format(revision=found),
                kind="newer",
            )
        if found != head:
            from alembic import command

            from supervisor_app.db import _alembic_config

            with engine.begin() as conn:
                command.upgrade(_alembic_config(conn), "head")
                refuse_if_altered(conn)  # raised inside the transaction: the upgrade is rolled back
        return found, head
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
