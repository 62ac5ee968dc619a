"""A sync killed at any moment (issue 17; docs/SYNC.md, "Crash safety"): the ``sync`` command
runs as a real process against the real PostgreSQL server and is killed with SIGKILL at each of
its pause points (``SUPERVISOR_APP_SYNC_PAUSE``, :mod:`supervisor_app.services.sync.pause`) and
at random moments (a seeded ``random.Random``; the seed is printed, and
``SYNC_CRASH_SEED=<seed>`` replays it), then run to the end. Afterwards the agency holds what
one uninterrupted sync of the same laptop gives, nothing doubled or lost, both sides verify,
and a further sync does nothing. Then the same during down, into a second laptop.

Also: after a sync each side remembers how far the other holds its chain (an outside copy),
so a chain cut off the end afterwards is named by ``verify``.
"""

from __future__ import annotations

import json
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import add_people, counts, days_ago
from sync_helpers import by_gid as _by_gid
from sync_helpers import verified as _verified

from conftest import PASSWORD, TODAY, tamper
from supervisor_app.db import Database, open_database
from supervisor_app.services import people, records, signoff, supervisors
from supervisor_app.services import sync as sync_service
from supervisor_app.services.errors import DomainError
from supervisor_app.services.sync.pause import PAUSE
from supervisor_app.usecases import signing
from supervisor_app.usecases.syncing import sync

BATCH = 16  # records per batch: the laptop's ~150 records go up in a dozen batches
TABLES = (
    "supervision_session",
    "experience_entry",
    "session_attendee",
    "foreign_link",
    "signature",
    "supervisor_key",
    "supervisor",
    "supervisee",
    "outside_copy",
)


@dataclass
class Laptop:
    path: Path
    supervisor: int
    supervisees: dict[str, int]


def _laptop(path: Path, supervisor: str, *names: str) -> Laptop:
    db = open_database(path)
    try:
        return Laptop(path, *add_people(db, supervisor, *names, since=900))
    finally:
        db.close()


def _fill(place: Laptop, rounds: int = 9, per_round: int = 16) -> None:
    """``rounds`` signings of ``per_round`` records each (individual and group sessions,
    experience entries), then voids and amendments of earlier ones, each signed on its own."""
    db = open_database(place.path)
    names = list(place.supervisees)
    signed: list[str] = []
    try:
        for r in range(rounds):
            ids = []
            with db.uow() as uow:
                for i in range(per_round):
                    day = 800 - r * 60 - i * 2
                    who = names[i % len(names)]
                    if i % 5 == 4:
                        row = records.add_experience(
                            uow,
                            supervisee_id=place.supervisees[who],
                            supervisor_id=place.supervisor,
                            period_start=days_ago(day),
                            period_end=days_ago(day - 1),
                            allocations={"recovery-support": 60 + 15 * (i % 3)},
                            setting="Drop-in center",
                            kind="paid",
                        )
                    else:
                        group = i % 5 == 3
                        row = records.add_session(
                            uow,
                            supervisor_id=place.supervisor,
                            supervisee_ids=[place.supervisees[w] for w in (names if group else [who])],
                            date=days_ago(day),
                            start="10:00",
                            minutes=30 + 15 * (i % 4),
                            format="group" if group else "individual",
                            modality="in-person",
                            allocations={"advocacy": 15, "mentoring": 15 + 15 * (i % 4)},
                            topics="Boundaries",
                        )
                    ids.append(row.id)
                uow.commit()
            with db.uow() as uow:
                signing.sign(uow, supervisor_id=place.supervisor, password=PASSWORD, record_ids=ids)
            signed += ids
        for record_id in signed[1:50:12]:  # voided under a later signature: travels twice
            with db.uow() as uow:
                signing.void(
                    uow,
                    record_id=record_id,
                    reason="Entered twice",
                    supervisor_id=place.supervisor,
                    password=PASSWORD,
                )
        amended = []
        with db.uow() as uow:
            for record_id in signed[32:96:16]:  # sessions (i % 5 == 0)
                records.amend_record(
                    uow,
                    record_id=record_id,
                    reason="It was 30 minutes",
                    minutes=30,
                    allocations={"advocacy": 30},
                )
                amended.append(record_id)
            uow.commit()
        with db.uow() as uow:
            signing.sign(uow, supervisor_id=place.supervisor, password=PASSWORD)
    finally:
        db.close()


# --------------------------------------------------------------------------------------------
# The sync command as a process


def _command(laptop: Path, url: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "supervisor_app.cli",
        "--db",
        str(laptop),
        "sync",
        "--server",
        url,
        "--batch-records",
        str(BATCH),
        "--json",
    ]


def _env(pause: str = "") -> dict[str, str]:
    """The test's environment (its data folder), the pause point, and bytecode kept between the
    runs (in a folder of the test's, not the source tree): each run then starts in a fraction
    of the time it takes to compile the app (PYTHONDONTWRITEBYTECODE is set on some machines)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("PYTHONPYCACHEPREFIX", os.environ["SUPERVISOR_APP_CACHE_DIR"] + "/pycache")
    return {**env, PAUSE: pause}


def _start(laptop: Path, url: str, pause: str = "") -> subprocess.Popen[str]:
    env = _env(pause)
    return subprocess.Popen(
        _command(laptop, url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )


def _run(laptop: Path, url: str) -> dict[str, Any]:
    done = subprocess.run(
        _command(laptop, url), capture_output=True, text=True, encoding="utf-8", timeout=120, env=_env()
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _kill_at(laptop: Path, url: str, point: str) -> None:
    """Run the sync until it pauses at ``point``, and kill it there."""
    proc = _start(laptop, url, pause=point)
    assert proc.stderr is not None
    fd = proc.stderr.fileno()  # read unbuffered: select() cannot see a TextIOWrapper's buffer
    deadline = time.monotonic() + 60
    seen = b""
    try:
        while f"PAUSE {point}\n".encode() not in seen and time.monotonic() < deadline:
            ready, _w, _x = select.select([fd], [], [], deadline - time.monotonic())
            chunk = os.read(fd, 65536) if ready else b""
            if not chunk:
                pytest.fail(f"the sync never paused at {point} (exit {proc.poll()}):\n{seen.decode()}")
            seen += chunk
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stderr.close()


def _kill_after(laptop: Path, url: str, seconds: float) -> bool:
    """Run the sync and kill it after ``seconds``; True if it was still running."""
    proc = _start(laptop, url)
    try:
        proc.wait(timeout=seconds)
        running = False
    except subprocess.TimeoutExpired:
        running = True
    proc.send_signal(signal.SIGKILL)
    _out, err = proc.communicate()
    assert running or proc.returncode == 0, err
    return running


# --------------------------------------------------------------------------------------------
# What the databases hold


def _counts(db: Database) -> dict[str, int]:
    return counts(db, TABLES)


def _contents(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """What must be the same however the sync went: links, signatures, records, attendees."""
    queries = {
        "links": "SELECT chain_id, seq, chain_hash, record_id FROM foreign_link",
        "signatures": "SELECT id FROM signature",
        "sessions": "SELECT id, status FROM supervision_session",
        "entries": "SELECT id, status FROM experience_entry",
        "attendees": "SELECT a.session_id, e.global_id FROM session_attendee a "
        "JOIN supervisee e ON e.id = a.supervisee_id",
        "people": "SELECT global_id FROM supervisee",
    }
    with db.uow(reading=True) as uow:
        conn = signoff.signing.dbapi(uow)
        return {
            name: sorted(tuple(map(str, row)) for row in conn.execute(sql).fetchall())
            for name, sql in queries.items()
        }


def _chain(db: Database) -> str:
    from supervisor_app.services.hours_files.file_format import chain_identity

    with db.uow(reading=True) as uow:
        return chain_identity(signoff.signing.dbapi(uow))[0]


def _held_seqs(db: Database, chain: str) -> list[int]:
    with db.uow(reading=True) as uow:
        rows = signoff.signing.dbapi(uow).execute(
            "SELECT seq FROM foreign_link WHERE chain_id = ? ORDER BY seq", (chain,)
        )
        return [int(seq) for (seq,) in rows.fetchall()]


def _peer(path: Path, agency_chain: str) -> tuple[dict[str, int], list[str]]:
    db = open_database(path)
    try:
        with db.uow(reading=True) as uow:
            return sync_service.read_peer(uow, agency_chain)
    finally:
        db.close()


@pytest.fixture
def seed() -> int:
    chosen = int(os.environ.get("SYNC_CRASH_SEED") or random.SystemRandom().randrange(1_000_000))
    print(f"test_sync_crash seed: {chosen} (SYNC_CRASH_SEED={chosen} replays it)")
    return chosen


@pytest.mark.postgres
def test_a_sync_killed_ten_times_ends_as_one_that_never_was(
    tmp_path: Path, postgres_server: Any, seed: int
) -> None:
    from postgres import agency_url

    rng = random.Random(seed)
    a = _laptop(tmp_path / "a.db", "Dana Whitaker", "Ana", "Ben", "Cruz")
    _fill(a)
    shutil.copy(a.path, tmp_path / "reference.db")
    url, reference_url = agency_url(postgres_server), agency_url(postgres_server)

    # One uninterrupted sync of the same laptop, to another agency database: what to end with.
    started = time.monotonic()
    whole = _run(tmp_path / "reference.db", reference_url)
    took = time.monotonic() - started
    assert whole["sent"] > 140 and whole["batches"] > 10, whole

    agency, reference = open_database(url), open_database(reference_url)
    laptop = open_database(a.path)
    try:
        laptop_chain, agency_chain = _chain(laptop), _chain(agency)
        with laptop.uow(reading=True) as uow:
            newest = signoff.signing.dbapi(uow).execute("SELECT max(seq) FROM sign_off").fetchone()[0]

        # Killed ten times: at each pause point of the way up and at random moments.
        plan: list[str | float] = [
            "up.collected",
            "up.before_commit",
            rng.uniform(0.5, 0.7 * took),
            "up.after_commit",
            "up.before_commit",
            rng.uniform(0.5, 0.7 * took),
            "up.after_commit",
            rng.uniform(0.5, 0.7 * took),
            "between",
            "end",
        ]
        for step in plan:
            if isinstance(step, str):
                _kill_at(a.path, url, step)
            else:
                _kill_after(a.path, url, step)
            held = _held_seqs(agency, laptop_chain)
            # Whatever committed is a true cursor: every link up to the agency's head, once.
            assert held == list(range(1, len(held) + 1)), (seed, step)
        assert 0 < len(_held_seqs(agency, laptop_chain)) <= newest
        _verified(agency)  # what ten killed syncs left is valid, if not complete

        last = _run(a.path, url)
        assert last["received"] == 0, last
        assert _held_seqs(agency, laptop_chain) == list(range(1, newest + 1))

        # The agency holds what the uninterrupted sync gave; nothing doubled, nothing lost.
        assert _contents(agency) == _contents(reference)
        assert _counts(agency) == _counts(reference)
        on_agency, on_laptop = _by_gid(agency), _by_gid(laptop)
        assert on_agency == on_laptop and len(on_laptop) == 3
        _verified(agency)
        _verified(laptop)
        heads, _taken = _peer(a.path, agency_chain)
        with agency.uow(reading=True) as uow:
            assert heads == sync_service.heads_of(uow)
        assert heads[laptop_chain] == newest

        # A further sync does nothing.
        before = (_counts(agency), _counts(laptop))
        again = _run(a.path, url)
        assert (again["sent"], again["received"]) == (0, 0)
        assert (_counts(agency), _counts(laptop)) == before

        _down_killed(tmp_path, url, agency, laptop, rng, seed)
    finally:
        for db in (agency, reference, laptop):
            db.close()


def _down_killed(
    tmp_path: Path, url: str, agency: Database, laptop: Database, rng: random.Random, seed: int
) -> None:
    """Rosa's new laptop is given Ana and Ben at the agency; its sync is killed during down."""
    b_path = tmp_path / "b.db"
    rosa = open_database(b_path)
    try:
        with rosa.uow() as uow:
            people.add_supervisor(uow, name="Rosa Diaz", credentials="CRSS", password=PASSWORD)
            uow.commit()
        sync(rosa, agency)  # Rosa is known at the agency now
    finally:
        rosa.close()
    agency_chain = _chain(agency)
    with agency.uow() as uow:
        conn = signoff.signing.dbapi(uow)
        rosa_here = conn.execute("SELECT id FROM supervisor WHERE name = 'Rosa Diaz'").fetchone()[0]
        moved = {}
        for name in ("Ana", "Ben"):
            gid, here = conn.execute(
                "SELECT global_id, id FROM supervisee WHERE name = ?", (f"{name} Example",)
            ).fetchone()
            moved[str(gid)] = here
            supervisors.change_supervisor(
                uow, supervisee_id=here, supervisor_id=rosa_here, effective_from=days_ago(5)
            )
        uow.commit()
    before = _peer(b_path, agency_chain)
    assert before[1] == []
    with agency.uow(reading=True) as uow:  # every record of Ana's and Ben's at the agency
        conn = signoff.signing.dbapi(uow)
        marks = ", ".join("?" * len(moved))
        wanted = sorted(
            str(r)
            for (r,) in conn.execute(
                f"SELECT a.session_id FROM session_attendee a WHERE a.supervisee_id IN ({marks}) "
                f"UNION SELECT id FROM experience_entry WHERE supervisee_id IN ({marks})",
                (*moved.values(), *moved.values()),
            ).fetchall()
        )
        heads = sync_service.heads_of(uow)

    def held() -> list[str]:
        rosa = open_database(b_path)
        try:
            contents = _contents(rosa)
        finally:
            rosa.close()
        return sorted(r[0] for r in contents["sessions"] + contents["entries"])

    started = time.monotonic()
    _kill_at(b_path, url, "down.collected")
    took = 2 * (time.monotonic() - started)
    for step in ("down.before_commit", "down.after_commit", rng.uniform(0.3, took), "down.after_commit"):
        if isinstance(step, str):
            _kill_at(b_path, url, step)
        else:
            _kill_after(b_path, url, step)
        # sync_peer is written with the last batch: until then it says nothing was taken.
        peer = _peer(b_path, agency_chain)
        assert peer == before or (peer == (heads, sorted(moved)) and held() == wanted), (seed, step)

    done = _run(b_path, url)
    assert done["sent"] == 0, done
    rosa = open_database(b_path)
    try:
        on_b, on_agency, on_a = _by_gid(rosa), _by_gid(agency), _by_gid(laptop)
        assert set(on_b) == set(moved)
        for gid in moved:
            assert on_b[gid] == on_agency[gid] == on_a[gid]
        _verified(rosa)
        assert held() == wanted  # every record of Ana's and Ben's at the agency is on B, once
        assert _peer(b_path, agency_chain) == (heads, sorted(moved))
        before_counts = (_counts(agency), _counts(rosa))
        again = _run(b_path, url)
        assert (again["sent"], again["received"]) == (0, 0)
        assert (_counts(agency), _counts(rosa)) == before_counts
    finally:
        rosa.close()


# --------------------------------------------------------------------------------------------
# Outside copies: what the other side of a sync holds shows a chain cut off here


def _cut_newest(db: Database, server: Any) -> int:
    """As an attacker with the triggers out of the way: the newest signature cut off the end of
    ``db``'s own chain, its link and its signature row gone. Returns the seq cut."""
    with db.uow(reading=True) as uow:
        last = int(signoff.signing.dbapi(uow).execute("SELECT max(seq) FROM sign_off").fetchone()[0])
    if db.path is not None:
        tamper(
            db.path,
            f"DELETE FROM sign_off WHERE seq = {last}",
            f"DELETE FROM signature WHERE last_seq >= {last}",
        )
    else:
        from sqlalchemy.engine import make_url

        server.execute(
            "SET session_replication_role = replica; "
            f"DELETE FROM sign_off WHERE seq = {last}; DELETE FROM signature WHERE last_seq >= {last}",
            database=str(make_url(db.url).database),
        )
    return last


def _copy_problems(db: Database) -> list[str]:
    with db.uow(reading=True) as uow:
        return [str(p) for p in signoff.verify(uow).problems if p.kind == "copy"]


@pytest.mark.backends
def test_after_a_sync_each_side_names_its_chain_cut_shorter_than_the_other_holds(
    tmp_path: Path, db: Database, request: pytest.FixtureRequest
) -> None:
    """A sync leaves each side an outside copy of its own chain as the other holds it: the
    laptop's chain as the agency took it, the agency's chain as the laptop took it. Signatures
    cut off the end of either afterwards are named by ``verify`` there (and the laptop's next
    sync is refused: the agency holds a link it no longer has)."""
    server = request.getfixturevalue("postgres_server") if db.path is None else None
    a = _laptop(tmp_path / "a.db", "Dana Whitaker", "Ana")
    laptop = open_database(a.path)
    try:
        for day in (30, 20):
            with laptop.uow() as uow:
                row = records.add_session(
                    uow,
                    supervisor_id=a.supervisor,
                    supervisee_ids=[a.supervisees["Ana"]],
                    date=days_ago(day),
                    start="10:00",
                    minutes=60,
                    format="individual",
                    modality="in-person",
                    allocations={"advocacy": 60},
                    topics="Boundaries",
                )
                uow.commit()
            with laptop.uow() as uow:
                signing.sign(uow, supervisor_id=a.supervisor, password=PASSWORD, record_ids=[row.id])
        sync(laptop, db)
        # A director signs a session of Ana's at the agency; it comes down to the laptop.
        with db.uow() as uow:
            conn = signoff.signing.dbapi(uow)
            ana = conn.execute("SELECT id FROM supervisee WHERE name = 'Ana Example'").fetchone()[0]
            lee = people.add_supervisor(uow, name="Lee Park", credentials="CRSS", password=PASSWORD)
            row = records.add_session(
                uow,
                supervisor_id=lee.id,
                supervisee_ids=[ana],
                date=days_ago(10),
                start="10:00",
                minutes=45,
                format="individual",
                modality="in-person",
                allocations={"advocacy": 45},
                topics="Boundaries",
            )
            uow.commit()
        with db.uow() as uow:
            signing.sign(uow, supervisor_id=lee.id, password=PASSWORD, record_ids=[row.id])
        assert sync(laptop, db).received == 1
        laptop_chain, agency_chain = _chain(laptop), _chain(db)
        assert _copy_problems(laptop) == [] and _copy_problems(db) == []
        copies_before = (_counts(laptop)["outside_copy"], _counts(db)["outside_copy"])
        assert copies_before == (1, 1)
        sync(laptop, db)  # nothing moved: nothing more to remember
        assert (_counts(laptop)["outside_copy"], _counts(db)["outside_copy"]) == copies_before

        cut = _cut_newest(laptop, None)
        assert _copy_problems(laptop) == [
            f"signature chain: is shorter than the agency database {agency_chain[:8]} (synced on "
            f"{TODAY:%Y-%m-%d}): it had {cut:,} signatures, up to #{cut}; this file has {cut - 1:,}, up to "
            f"#{cut - 1}. Signatures were cut off the end of the chain."
        ]
        with pytest.raises(DomainError) as refused:
            sync(laptop, db)
        assert refused.value.code == "sync.chain_forked"

        cut = _cut_newest(db, server)
        assert _copy_problems(db) == [
            f"signature chain: is shorter than the laptop database {laptop_chain[:8]} (synced on "
            f"{TODAY:%Y-%m-%d}): it had {cut:,} signatures, up to #{cut}; this file has {cut - 1:,}. "
            "Signatures were cut off the end of the chain."
        ]
    finally:
        laptop.close()


@pytest.mark.parametrize("value", ["0", "-3", "many", "99999999999"])
def test_a_bad_batch_size_is_refused_and_changes_nothing(
    tmp_path: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import snapshot
    from supervisor_app.cli import main

    a = _laptop(tmp_path / "a.db", "Dana Whitaker", "Ana")
    agency = tmp_path / "agency.db"
    open_database(agency).close()
    before = (snapshot(a.path), snapshot(agency))
    capsys.readouterr()
    code = main(["--db", str(a.path), "sync", "--server", str(agency), "--batch-records", value])
    out, err = capsys.readouterr()
    assert code == 2 and not out
    assert "expected a number of records per batch from 1 to 1,000,000" in err and "Traceback" not in err
    assert (snapshot(a.path), snapshot(agency)) == before
