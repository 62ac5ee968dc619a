"""The app's exact schema: a database file is used only if its tables, indexes and protection
triggers are exactly what the app's own migrations make at the file's revision.

Signed records are protected by triggers in the file itself (migration 0001). A file edited
outside the app can drop them, change them, or add its own (a trigger that quietly resets a
supervisor's lock-out, a view that hides records); verification of the records' hashes cannot
see that. So every file the app opens, restores or checks is compared, object by object, with
the schema its revision should have, and any difference refuses it.

What each revision should have is kept in ``migrations/schema.json`` (type, name, table and
normalised SQL of every object in ``sqlite_master``, and a fingerprint of those rows exactly as
the migrations store them), generated from the migrations by ``python -m
supervisor_app.schema_check --write`` and checked against them by a test. A kept manifest
rather than a reference database migrated at run time: migrating one costs Alembic's import
and half a second per process, and opening a file must stay in milliseconds. A file whose rows
match the fingerprint (the usual case) costs one read of ``sqlite_master`` and a hash; only
another file's SQL is normalised and compared object by object. Before a file is refused it is
also compared with what the migrations make with this computer's own SQLAlchemy and SQLite
(built once per process, about a second), so libraries that write the same schema in other
words never refuse a sound file.

Imports nothing from SQLAlchemy, Alembic or the services until a manifest is generated.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from functools import cache
from pathlib import Path

from supervisor_app.i18n import _, pgettext

MANIFEST = Path(__file__).resolve().parent / "migrations" / "schema.json"

# Tables SQLite itself may add to any file (AUTOINCREMENT counters, ANALYZE statistics); their
# content cannot run anything. Every other object, whatever its name, must be the app's.
_SQLITE_OWN_TABLES = frozenset(
    {"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"}
)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compiled when a file's SQL has to be read closely, not to open a file that matches."""
    tokens = re.compile(
        r"""(?P<literal>'(?:[^']|'')*')"""  # a string literal: kept exactly (case and spaces matter)
        r"""|"(?P<dq>(?:[^"]|"")*)"|`(?P<bq>[^`]*)`|\[(?P<sq>[^\]]*)\]"""  # a quoted identifier
        r"""|(?P<space>\s+)"""
        r"""|(?P<other>[^'"`\[\s]+|.)""",
        re.DOTALL,
    )
    return tokens, re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*$")


def normalise_sql(sql: str | None) -> str | None:
    """``sql`` as SQLite means it: whitespace collapsed (none around brackets and commas),
    keywords and names in lower case, quotes dropped around plain names, a trailing ``;``
    dropped. String literals are kept exactly: ``'pending'`` is not ``'PENDING'``."""
    if sql is None:
        return None
    tokens, plain_name = _patterns()
    parts: list[str] = []  # a space is kept as " "; a literal as itself
    for match in tokens.finditer(sql.strip().rstrip(";").strip()):
        if match["literal"] is not None:
            parts.append(match["literal"])
        elif match["space"] is not None:
            parts.append(" ")
        elif match["other"] is not None:
            parts.append(match["other"].lower())
        else:
            name = next(g for g in (match["dq"], match["bq"], match["sq"]) if g is not None)
            name = name.replace('""', '"').lower()
            parts.append(name if plain_name.match(name) else '"' + name.replace('"', '""') + '"')
    kept = []
    for i, part in enumerate(parts):
        if part == " ":
            before = parts[i - 1] if i else ""
            after = parts[i + 1] if i + 1 < len(parts) else ""
            if not before or not after or before[-1] in "()," or after[0] in "(),":
                continue  # no space at either end, nor beside a bracket or a comma
        kept.append(part)
    return "".join(kept)


SchemaObject = tuple[str, str, str, str | None]
"""One row of ``sqlite_master``: type, name, table, SQL (a plain tuple: nothing to build at import)."""


def _rows(conn: sqlite3.Connection) -> list[SchemaObject]:
    """The file's ``sqlite_master`` as stored, by name (SQLite's own tables left out)."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return sorted(
        (r for r in rows if not (r[0] == "table" and r[1] in _SQLITE_OWN_TABLES)), key=lambda r: r[1]
    )


def _digest(rows: list[SchemaObject]) -> str:
    """A fingerprint of the rows exactly as stored: equal to the reference's, nothing to compare."""
    text = "\x1e".join("\x1f".join((kind, name, table, sql or "")) for kind, name, table, sql in rows)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def _manifest() -> dict[str, dict]:  # type: ignore[type-arg]
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def expected_schema(revision: str) -> dict[str, SchemaObject] | None:
    """What the migrations make at ``revision``; None for a revision the manifest lacks."""
    entry = _manifest().get(revision)
    if entry is None:
        return None
    return {row[1]: tuple(row) for row in entry["objects"]}  # type: ignore[misc]


def _made_here(revision: str) -> dict[str, SchemaObject]:
    """What the migrations make at ``revision`` with the libraries installed here, built once per
    process and only for a file that differs from the kept schema: another SQLAlchemy or SQLite
    may write the same schema in other words, and that must not refuse a sound file."""
    rows = _built_here().get(revision, {}).get("objects", [])
    return {row[1]: tuple(row) for row in rows}  # type: ignore[misc]


@cache
def _built_here() -> dict[str, dict]:  # type: ignore[type-arg]
    return build_manifest()  # every revision in one pass of the migrations (about a second)


def _kinds() -> dict[str, tuple[str, str]]:
    """An object the app did not make, one and many (in the current language)."""
    return {
        "trigger": (pgettext("schema object, one", "a trigger"), pgettext("schema object, many", "triggers")),
        "view": (pgettext("schema object, one", "a view"), pgettext("schema object, many", "views")),
        "index": (pgettext("schema object, one", "an index"), pgettext("schema object, many", "indexes")),
        "table": (pgettext("schema object, one", "a table"), pgettext("schema object, many", "tables")),
    }


def _named(what: str, many: bool) -> str:
    """A kind of object of the app's schema, as named before its names (in the current language)."""
    words = {
        "table": (pgettext("schema object, named", "table"), pgettext("schema objects, named", "tables")),
        "index": (pgettext("schema object, named", "index"), pgettext("schema objects, named", "indexes")),
        "view": (pgettext("schema object, named", "view"), pgettext("schema objects, named", "views")),
        "protection trigger": (
            pgettext("schema object, named", "protection trigger"),
            pgettext("schema objects, named", "protection triggers"),
        ),
    }
    found = words.get(what)
    if found is None:
        return f"{what}s" if many else what
    return found[1] if many else found[0]


def differences(conn: sqlite3.Connection, revision: str) -> list[str]:
    """How the file's schema differs from what the app makes at ``revision``, in words a
    supervisor can read, every object named (empty: the schema is exactly the app's)."""
    entry = _manifest().get(revision)
    if entry is None:
        return []  # a revision the app does not know is refused as newer, elsewhere
    rows = _rows(conn)
    if _digest(rows) in entry["stored"]:
        return []  # exactly as the app's migrations wrote it: the usual case, in a fraction of a ms
    found = {name: (kind, name, table, normalise_sql(sql)) for kind, name, table, sql in rows}
    expected = expected_schema(revision) or {}
    if found != expected and found == _made_here(revision):
        return []  # written differently by this computer's SQLAlchemy or SQLite: the same schema
    groups: dict[tuple[str, str], list[str]] = {}  # (what, how) -> names
    for name in sorted(expected):
        want, have = expected[name], found.get(name)
        if have == want:
            continue
        want_kind, have_kind = want[0], have[0] if have is not None else None
        what = "protection trigger" if want_kind == "trigger" else want_kind
        if have is None:
            how = "removed"
        elif have_kind != want_kind:
            how = f"replaced:{have_kind}"
        else:
            how = "changed"
        groups.setdefault((what, how), []).append(name)
    for name in sorted(set(found) - set(expected)):
        groups.setdefault(("extra", found[name][0]), []).append(name)
    kinds = _kinds()
    lines = []
    for (what, how), names in groups.items():
        listed = ", ".join(names)
        if what == "extra":
            one, many = kinds.get(how, (f"a {how}", f"{how}s"))
            lines.append(
                _("the file has {objects} the app did not make: {names}").format(
                    objects=one if len(names) == 1 else many, names=listed
                )
            )
            continue
        several = len(names) > 1
        named = {"what": _named(what, several), "names": listed}
        if how == "removed":
            text = (
                _("the file's {what} {names} were removed")
                if several
                else _("the file's {what} {names} was removed")
            )
        elif how == "changed":
            text = (
                _("the file's {what} {names} were changed")
                if several
                else _("the file's {what} {names} was changed")
            )
        else:
            kind = how.partition(":")[2]
            named["kind"] = kinds.get(kind, (f"a {kind}",))[0]
            text = (
                _("the file's {what} {names} were replaced by {kind}")
                if several
                else _("the file's {what} {names} was replaced by {kind}")
            )
        lines.append(text.format(**named))
    return lines


def message(file_name: str, revision: str, problems: list[str]) -> str:
    """What the supervisor reads when a file is refused (a line for each kind of change), and a
    line for IT."""
    return "\n".join(
        [
            _("{name} was changed outside supervisor_app, so its signed records cannot be trusted:").format(
                name=file_name
            )
        ]
        + [f"  • {problem}" for problem in problems]
        + [
            _("It was not changed. You can restore the newest backup instead."),
            _(
                "For IT: the file's schema (sqlite3 {name} .schema) differs from what supervisor_app's "
                "migrations make at revision {revision} (supervisor_app/migrations/schema.json)."
            ).format(name=file_name, revision=revision),
        ]
    )


# --------------------------------------------------------------------------------------------
# The manifest, made from the migrations (developers, and the test that keeps it honest)


def build_manifest() -> dict[str, dict]:  # type: ignore[type-arg]
    """Migrate a temporary database one revision at a time; after each, its ``sqlite_master``:
    every object normalised (``objects``), and the fingerprint of the rows as stored
    (``stored``: a file exactly like it needs no closer look)."""
    import tempfile

    from supervisor_app.db import make_engine, path_url, upgrade
    from supervisor_app.storage import revision_graph

    graph = revision_graph()
    order: list[str] = []
    following = {down: rev for rev, down in graph.items()}
    current = following.get(None)
    while current is not None:
        order.append(current)
        current = following.get(current)
    manifest: dict[str, dict] = {}  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory(prefix="supervisor_app-schema-") as folder:
        path = Path(folder) / "reference.db"
        engine = make_engine(path_url(path))
        try:
            for revision in order:
                upgrade(engine, revision)
                conn = sqlite3.connect(path)
                try:
                    rows = _rows(conn)
                finally:
                    conn.close()
                manifest[revision] = {
                    "stored": [_digest(rows)],
                    "objects": [[kind, name, table, normalise_sql(sql)] for kind, name, table, sql in rows],
                }
        finally:
            engine.dispose()
    return manifest


def write_manifest() -> Path:
    revisions = [
        f"  {json.dumps(revision)}: {{\n"
        f'    "stored": {json.dumps(entry["stored"])},\n'
        '    "objects": [\n'
        + ",\n".join(f"      {json.dumps(row)}" for row in entry["objects"])
        + "\n    ]\n  }"
        for revision, entry in build_manifest().items()
    ]
    text = "{\n" + ",\n".join(revisions) + "\n}\n"  # one object a line: a new migration reads as a diff
    MANIFEST.write_text(text, encoding="utf-8")
    _manifest.cache_clear()
    return MANIFEST


if __name__ == "__main__":
    import sys

    if sys.argv[1:] != ["--write"]:
        print("usage: python -m supervisor_app.schema_check --write  (after adding a migration)")
        sys.exit(2)
    print(f"wrote {write_manifest()}")
