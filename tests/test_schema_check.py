"""Proof that travels: a file is used only with the app's exact schema. A backup, a restored or
an opened file whose protection triggers were removed or changed, or that carries a trigger,
view, table or index the app did not make, is refused and left exactly as it was."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from conftest import PASSWORD, TODAY, World, session_fields, snapshot
from supervisor_app import schema_check, storage
from supervisor_app.cli import main
from supervisor_app.db import Database, make_engine, open_database, path_url, upgrade
from supervisor_app.services import auth, people, records, signoff
from supervisor_app.storage import DatabaseError, check_file, head_revision, revision_graph
from supervisor_app.usecases import backups, signing

FORGED = "a password the forger chose"
RESET_LOCKOUT = (
    "CREATE TRIGGER reset_lockout AFTER UPDATE OF failed_attempts, locked_until ON supervisor "
    "BEGIN UPDATE supervisor SET failed_attempts = 0, locked_until = NULL WHERE id = NEW.id; END"
)


def files(path: Path) -> dict[str, bytes]:
    """The database and any companion files beside it, byte for byte."""
    return {p.name: p.read_bytes() for p in path.parent.glob(path.name + "*")}


def crafted_copy(source: Path, dest: Path, *, supervisor_id: int) -> Path:
    """The backup from issue 16: a copy of ``source`` with the protection triggers removed, a
    signed record the supervisor never signed, and a trigger that undoes the lock-out. Its
    records pass verification: every hash in it was made by the app's own code."""
    storage.copy_database(source, dest)
    conn = sqlite3.connect(dest)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute(RESET_LOCKOUT)
    (real_hash,) = conn.execute(
        "SELECT password_hash FROM supervisor WHERE id = ?", (supervisor_id,)
    ).fetchone()
    conn.execute(  # a password the forger knows, for as long as it takes to sign
        "UPDATE supervisor SET password_hash = ? WHERE id = ?", (auth.hash_password(FORGED), supervisor_id)
    )
    conn.commit()
    conn.close()
    forged = Database(url=path_url(dest), engine=make_engine(path_url(dest)))  # no check: a forger's tool
    try:
        with forged.uow("forger") as uow:
            session = records.add_session(
                uow,
                supervisor_id=supervisor_id,
                supervisee_ids=[people.list_supervisees(uow)[0].id],
                date=TODAY - dt.timedelta(days=40),
                minutes=600,
                format="individual",
                modality="in-person",
                allocations={"advocacy": 600},
            )
            uow.commit()
        with forged.uow("forger") as uow:
            signing.sign(uow, supervisor_id=supervisor_id, password=FORGED, record_ids=[session.id])
        with forged.engine.begin() as conn2:
            conn2.exec_driver_sql(
                "UPDATE supervisor SET password_hash = ? WHERE id = ?", (real_hash, supervisor_id)
            )
        with forged.uow("check", reading=True) as uow:
            assert signoff.verify(uow).ok  # today's verification alone would call it verified
    finally:
        forged.close()
    out = sqlite3.connect(dest)
    out.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, like a real backup
    out.close()
    return dest


@pytest.fixture
def signed(world: World) -> World:
    with world.uow() as uow:
        for days in (3, 10):
            records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=days)))
        uow.commit()
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
    return world


@pytest.fixture
def crafted(signed: World, tmp_path: Path) -> Path:
    return crafted_copy(signed.db.path, tmp_path / "backup-from-a-stick.db", supervisor_id=signed.dana)


def assert_names_the_tampering(text: str) -> None:
    assert "changed outside supervisor_app" in text
    assert "protection triggers" in text and "sign_off_append_only_update" in text and "were removed" in text
    assert "the file has a trigger the app did not make: reset_lockout" in text
    assert "For IT:" in text and f"revision {head_revision()}" in text


# --------------------------------------------------------------------------- the crafted backup


def test_restore_refuses_the_crafted_backup_and_changes_nothing(signed: World, crafted: Path) -> None:
    path = signed.db.path
    signed.db.close()
    before, kept, source = files(path), storage.list_backups(path), crafted.read_bytes()
    with pytest.raises(DatabaseError) as refused:
        backups.restore(path, crafted)
    assert_names_the_tampering(str(refused.value))
    assert files(path) == before  # nothing switched, no leftovers beside it
    assert storage.list_backups(path) == kept  # not even a safety backup was taken
    assert crafted.read_bytes() == source


def test_opening_the_crafted_file_is_refused_and_leaves_it_as_it_was(crafted: Path) -> None:
    before = files(crafted)
    for attempt in (
        lambda: open_database(crafted),
        lambda: open_database(crafted, integrity=False),  # a large file: still checked at once
        lambda: open_database(crafted, readonly=True),
        lambda: check_file(crafted),
    ):
        with pytest.raises(DatabaseError) as refused:
            attempt()
        assert refused.value.kind == "damaged" and refused.value.offer_restore
        assert_names_the_tampering(str(refused.value))
    assert files(crafted) == before


def test_the_cli_refuses_the_crafted_file(
    signed: World, crafted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = signed.db.path
    signed.db.close()
    before, source = files(path), files(crafted)
    assert main(["--db", str(path), "restore", str(crafted)]) == 2  # a bad backup file is bad input
    assert_names_the_tampering(capsys.readouterr().err)
    assert main(["--db", str(crafted), "verify"]) == 1  # a file that cannot be opened
    err = capsys.readouterr().err
    assert_names_the_tampering(err)
    assert "Traceback" not in err
    assert files(path) == before and files(crafted) == source


def test_the_lock_out_reset_trigger_is_refused_on_its_own(signed: World) -> None:
    path = signed.db.path
    signed.db.close()
    conn = sqlite3.connect(path)
    conn.execute(RESET_LOCKOUT)
    conn.commit()
    conn.close()
    before = snapshot(path)
    with pytest.raises(DatabaseError, match="a trigger the app did not make: reset_lockout"):
        open_database(path)
    assert snapshot(path) == before


# ----------------------------------------------------------------------- each kind, by name

DEVIATIONS = [
    (
        "DROP TRIGGER sign_off_append_only_delete",
        "the file's protection trigger sign_off_append_only_delete was removed",
    ),
    (
        "DROP TRIGGER supervision_session_final_update; CREATE TRIGGER supervision_session_final_update "
        "BEFORE UPDATE ON supervision_session WHEN OLD.status = 'void' BEGIN SELECT RAISE(ABORT, 'no'); END",
        "the file's protection trigger supervision_session_final_update was changed",
    ),
    (
        "DROP TRIGGER audit_event_append_only_delete; DROP TRIGGER audit_event_append_only_update",
        "the file's protection triggers audit_event_append_only_delete, audit_event_append_only_update were removed",
    ),
    (RESET_LOCKOUT, "the file has a trigger the app did not make: reset_lockout"),
    (
        "CREATE VIEW everything_signed AS SELECT * FROM supervision_session",
        "the file has a view the app did not make: everything_signed",
    ),
    ("CREATE TABLE notes (text TEXT)", "the file has a table the app did not make: notes"),
    ("CREATE INDEX ix_mine ON supervisor (name)", "the file has an index the app did not make: ix_mine"),
    ("DROP INDEX ix_session_date", "the file's index ix_session_date was removed"),
    ("ALTER TABLE supervisor ADD COLUMN note TEXT", "the file's table supervisor was changed"),
    (
        "DROP INDEX ix_session_date; CREATE INDEX ix_session_date ON supervision_session (date DESC)",
        "the file's index ix_session_date was changed",
    ),
]


@pytest.mark.parametrize(
    ("sql", "named"), DEVIATIONS, ids=[named.split(": ")[-1] for _s, named in DEVIATIONS]
)
def test_each_kind_of_difference_is_named_and_nothing_changes(db: Database, sql: str, named: str) -> None:
    path = db.path
    db.close()
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.close()
    before = files(path)
    with pytest.raises(DatabaseError) as refused:
        open_database(path)
    text = str(refused.value)
    assert named in text
    assert "For IT:" in text
    assert files(path) == before


def test_a_table_replaced_by_a_view_is_named(tmp_path: Path) -> None:
    path = _at_revision(tmp_path, "0002")
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP TRIGGER attestation_append_only_update; DROP TRIGGER attestation_append_only_delete; "
        "DROP TABLE attestation; CREATE VIEW attestation AS SELECT 1 AS id"
    )
    conn.close()
    with pytest.raises(DatabaseError) as refused:
        check_file(path)
    assert "the file's table attestation was replaced by a view" in str(refused.value)
    assert (
        "protection triggers attestation_append_only_delete, attestation_append_only_update were removed"
        in str(refused.value)
    )


def test_the_same_schema_written_differently_is_the_same(db: Database) -> None:
    """Spaces, line breaks, letter case and quoted names do not change what SQL means."""
    path = db.path
    db.close()
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP TRIGGER sign_off_append_only_delete;\n"
        'create trigger "sign_off_append_only_delete"\n  before delete on [sign_off]\n'
        "  begin select raise(ABORT,   'this table is append-only') ; end;"
    )
    conn.close()
    open_database(path).close()
    # ... but a string literal is compared exactly: another message is another trigger
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP TRIGGER sign_off_append_only_delete; CREATE TRIGGER sign_off_append_only_delete BEFORE DELETE "
        "ON sign_off BEGIN SELECT RAISE(ABORT, 'This table is append-only'); END"
    )
    conn.close()
    with pytest.raises(DatabaseError, match="protection trigger sign_off_append_only_delete was changed"):
        open_database(path)


def test_sqlite_statistics_are_not_a_difference(db: Database) -> None:
    path = db.path
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("ANALYZE")
    conn.close()
    open_database(path).close()


# ------------------------------------------------------------------------- earlier revisions


def _order() -> list[str]:
    following = {down: rev for rev, down in revision_graph().items()}
    order, current = [], following.get(None)
    while current is not None:
        order.append(current)
        current = following.get(current)
    return order


def _at_revision(folder: Path, revision: str) -> Path:
    path = folder / f"at-{revision}.db"
    engine = make_engine(path_url(path))
    upgrade(engine, revision)
    engine.dispose()
    return path


def test_a_clean_file_of_every_revision_opens_and_upgrades(tmp_path: Path) -> None:
    order = _order()
    assert order[0] == "0001" and order[-1] == head_revision()
    for revision in order:
        path = _at_revision(tmp_path, revision)
        assert check_file(path).revision == revision
        open_database(path).close()
        assert check_file(path).revision == head_revision()


def test_an_older_file_is_checked_against_its_own_revision_before_the_upgrade(tmp_path: Path) -> None:
    path = _at_revision(tmp_path, "0001")
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER sign_off_append_only_update")
    conn.commit()
    conn.close()
    before = files(path)
    with pytest.raises(DatabaseError) as refused:
        open_database(path)
    assert "protection trigger sign_off_append_only_update was removed" in str(refused.value)
    assert "revision 0001" in str(refused.value)
    assert files(path) == before  # not upgraded
    assert storage.list_backups(path) == []  # no before-upgrade backup either


def test_the_kept_schema_is_what_the_migrations_make() -> None:
    """After adding a migration: python -m supervisor_app.schema_check --write"""
    kept, built = schema_check._manifest(), schema_check.build_manifest()
    assert list(kept) == list(built) == _order()
    for revision, entry in built.items():
        assert kept[revision]["objects"] == entry["objects"], revision
        assert entry["stored"][0] in kept[revision]["stored"], revision


def test_a_file_written_in_other_words_by_other_libraries_still_opens(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the kept schema differ from what the installed SQLAlchemy writes, the file is
    compared with what the migrations make here before anything is refused."""
    path = db.path
    db.close()
    kept = schema_check._manifest()
    head = head_revision()
    other_words = {
        "stored": ["0" * 64],
        "objects": [
            [kind, name, table, sql.replace("varchar(200)", "varchar(201)") if sql else sql]
            for kind, name, table, sql in kept[head]["objects"]
        ],
    }
    monkeypatch.setattr(schema_check, "_manifest", lambda: {**kept, head: other_words})
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(RESET_LOCKOUT)
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="a trigger the app did not make: reset_lockout"):
        open_database(path)
