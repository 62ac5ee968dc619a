"""A synthetic agency for the benchmark: ten years of supervision records, most of them signed.

    uv run python benchmarks/generate.py [--scale S] [--out PATH] [--force]

At ``--scale 1`` (the default): 40 supervisors, 800 supervisees, 10 years, about 1.1 million
supervision sessions and experience entries with their attendees and domain allocations.
Everything is obviously fictional and deterministic (``--seed``), relative to ``--today``.

What the agency does, week by week (DOMAIN.md, "Realistic sample data"):

- every supervisee has a weekly individual hour with their supervisor (a fixed Mon-Thu slot,
  30 minutes now and then), skipped for holidays and sick weeks;
- now and then a 30-minute phone or video check-in (no start time recorded);
- group supervision every other Friday per supervisor and credential (3-8 attendees, 90 min);
- weekly experience entries (timesheets): full-time staff log 36-40 h, often split over two
  programmes (Mon-Wed, Thu-Fri); volunteers log 10-16 h;
- every supervisee stays on staff (ongoing supervision after the credential), a few leave.

Records are signed by their supervisor the Monday after (one batch per supervisor and week),
so the signature chain reads chronologically; the last two weeks are pending. Supervisor 1
is back from leave: their newest records (at least 1,000 at full scale) wait for signature,
which is what the ``sign_batch`` metric signs. A few signed records are amended (the signed
amendment supersedes them) or voided, with reasons.

How it writes quickly: the schema comes from the app's own migrations (``open_database``);
then one raw ``sqlite3`` connection drops the secondary indexes and the triggers, inserts
everything with ``executemany`` in one transaction (journal off, ``synchronous=OFF``: fine
for a file nobody else has open and that is thrown away if generation fails), and recreates
the indexes and triggers from their stored SQL, byte for byte. Content and chain hashes are
computed by :func:`supervisor_app.services.signoff.content_hash` / ``chain_hash`` over
exactly the values stored, and the audit trail's hash chain by
:func:`supervisor_app.services.trails.chain_hashes`, so ``verify`` finds nothing wrong. The audit trail is written as
the app writes it: for each record and each supervisee it concerns, a create (or amend) event
when it is entered and a sign (and void) event when it is signed, week by week.
Verification reads a supervisee's sign and void events on every progress view, so a trail
the size of a real one belongs in the measurement.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import sqlite3
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from supervisor_app.services import demo

PASSWORD = "benchmark-password"
"""Every generated supervisor's password (stored as a real argon2id hash)."""

BACKLOG_SUPERVISOR = 1
"""The supervisor back from leave, whose newest records wait for signature."""
BACKLOG_RECORDS = 1_000

AGENCY = "Prairie Lakes Recovery Collaborative (BENCHMARK, fictional)"

SUPERVISOR_FIRST = [
    "Dana", "Rafael", "Grace", "Mai", "Ewa", "Hassan", "Lucía", "Thanh", "Marcus", "Zofia",
    "Aaliyah", "Tomás", "Nadia", "Bogdan", "Quyên", "Imani", "Andrés", "Layla", "Jerome", "Krystyna",
]  # fmt: skip
SUPERVISOR_LAST = [
    "Whitaker", "Ortiz", "Okafor", "Lê", "Nowicka", "Haddad", "Fernández", "Phạm", "Bell",
    "Kamińska", "Greer", "Saldaña", "Khoury", "Wiśniewski", "Trương", "Washington",
]  # fmt: skip
FIRST = [
    "José", "María", "Nguyễn", "Agnieszka", "DeShawn", "Layla", "Tomasz", "Trần", "Fatima",
    "Keisha", "Luis Ángel", "Joanna", "Omar", "Phạm Thu", "Brianna", "Rosa Elena", "Marek",
    "Yasmin", "Terrence", "Ana Sofía", "Lê Hoàng", "Samantha", "Jakub", "Guadalupe", "Hương",
    "Mariam", "Tyrone", "Małgorzata", "Minh", "Rania", "Darnell", "Inés", "Paweł", "Bảo",
    "Khalid", "Shanice", "Andrzej", "Xiomara", "Thảo", "Youssef",
]  # fmt: skip
LAST = [
    "Núñez-Ávila", "Wróblewska", "Carter", "Kowalczyk", "Al-Sayed", "Robinson", "Méndez",
    "Zielińska", "Khalil", "O'Connor", "Quiñones", "Dąbrowski", "Abdallah", "Whitfield",
    "Cárdenas", "Greer", "Treviño", "Văn Minh", "Thị Lan", "Jabłoński", "Haddad", "Ibarra",
    "Sánchez", "Lewandowska", "Đặng", "Mansour", "Jefferson", "Szymańska", "Hoàng", "Nasser",
    "Brooks", "Peña", "Wójcik", "Vũ", "Saleh", "Coleman", "Grabowski", "Castañeda", "Bùi", "Farouk",
]  # fmt: skip
PROGRAMS = [
    "Drop-in center",
    "Recovery home",
    "Outreach team",
    "Crisis respite",
    "Warm line",
    "Re-entry program",
]
# The demo's sites and topics, and a few more.
SITES = [*demo.SITES, "Crisis respite"]
TOPICS = [
    *demo.TOPICS,
    "Group check-in: burnout signs, coverage for the warm line, de-escalation practice.",
    "Documentation review: writing notes that describe the peer's own work, no client details.",
]
AMEND_REASONS = [
    "Length corrected from the sign-in sheet.",
    "Domains re-allocated after reviewing the supervision notes.",
    "Hours corrected against the payroll timesheet.",
]
VOID_REASONS = [
    "Entered twice: the same meeting is logged the day before.",
    "Logged under the wrong supervisee; re-entered correctly.",
    "The session was cancelled; entered by mistake.",
]
CREDENTIALS = [("CRSS", 0.75), ("CPRS", 0.20), ("CADC", 0.05)]

P_SKIP_WEEK = 0.08  # holidays, sick weeks: no individual session
P_CHECK_IN = 0.35  # a 30-minute phone/video check-in that week
P_GROUP_PRESENT = 0.85
P_SPLIT_WEEK = 0.7  # a full-timer's week split over two programmes
P_AMEND = 0.0005
P_VOID = 0.0002
GROUP_TIMES = ["14:00:00.000000", "16:00:00.000000", "10:00:00.000000", "12:00:00.000000"]
PENDING_DAYS = 14  # records of the last two weeks are not signed yet

SESSION_SQL = (
    "INSERT INTO supervision_session (id, supervisor_id, date, start_time, minutes, format, modality, site, "
    "topics, status, supersedes_id, amendment_reason, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
ATTENDEE_SQL = "INSERT INTO session_attendee (session_id, supervisee_id) VALUES (?,?)"
SESSION_ALLOCATION_SQL = "INSERT INTO session_allocation (session_id, domain_code, minutes) VALUES (?,?,?)"
EXPERIENCE_SQL = (
    "INSERT INTO experience_entry (id, supervisee_id, supervisor_id, period_start, period_end, setting, kind, "
    "status, supersedes_id, amendment_reason, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
)
EXPERIENCE_ALLOCATION_SQL = (
    "INSERT INTO experience_allocation (entry_id, domain_code, minutes) VALUES (?,?,?)"
)
AUDIT_SQL = (
    "INSERT INTO audit_event (id, at, actor, action, record_id, supervisee_id, details, prev_hash, hash) "
    "VALUES (?,?,?,?,?,?,?,?,?)"
)
SIGNATURE_SQL = (
    "INSERT INTO signature (id, chain_id, key_fingerprint, first_seq, last_seq, signed_at, payload, signature) "
    "VALUES (?,?,?,?,?,?,?,?)"
)
SIGN_OFF_SQL = (
    "INSERT INTO sign_off (seq, record_kind, record_id, action, signer_id, signed_at, reason, content_hash, "
    "prev_chain_hash, chain_hash) VALUES (?,?,?,?,?,?,?,?,?,?)"
)
BIG_TABLES = (
    "supervision_session",
    "session_attendee",
    "session_allocation",
    "experience_entry",
    "experience_allocation",
    "sign_off",
    "signature",
    "audit_event",
)


@dataclass
class Person:
    id: int
    name: str
    credential: str
    supervisor_id: int
    start: dt.date
    end: dt.date | None  # left the agency (inactive) after this day
    full_time: bool
    slot: int  # index among the supervisor's supervisees: the weekly individual slot
    codes: list[str]
    lagging: str | None

    def active_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class Group:
    supervisor_id: int
    index: int  # among the supervisor's groups: which weeks and what time
    codes: list[str]
    members: list[Person]


@dataclass
class Summary:
    path: Path
    scale: float
    supervisors: int
    supervisees: int
    sessions: int = 0
    experience: int = 0
    attendees: int = 0
    allocations: int = 0
    signatures: int = 0
    audit_events: int = 0
    pending: int = 0
    backlog_pending: int = 0
    amended: int = 0
    voided: int = 0
    seconds: float = 0.0
    rows: int = 0
    size_bytes: int = 0
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def records(self) -> int:
        return self.sessions + self.experience

    def lines(self) -> list[str]:
        rate = self.rows / self.seconds if self.seconds else 0.0
        return [
            f"generated {self.path} (scale {self.scale:g}, today {self.today.isoformat()})",
            f"  {self.supervisors:,} supervisors, {self.supervisees:,} supervisees",
            f"  {self.records:,} records: {self.sessions:,} sessions ({self.attendees:,} attendees) and "
            f"{self.experience:,} experience entries; {self.allocations:,} domain allocations",
            f"  {self.signatures:,} signatures; {self.pending:,} pending (supervisor {BACKLOG_SUPERVISOR}'s "
            f"backlog: {self.backlog_pending:,}); {self.amended:,} amended, {self.voided:,} voided",
            f"  {self.audit_events:,} audit events",
            f"  {self.rows:,} rows in {self.seconds:.1f} s = {rate:,.0f} rows/s; "
            f"file {self.size_bytes / 1e6:,.0f} MB",
        ]


def _credentials(sid: int) -> str:
    return "CRSS, LCPC" if sid % 3 else "CADC, CRSS"


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _names(rng: random.Random, first: list[str], last: list[str], count: int, taken: set[str]) -> list[str]:
    pairs = [f"{given} {family}" for given in first for family in last]
    rng.shuffle(pairs)
    names: list[str] = []
    serial = 2
    while len(names) < count:
        for name in pairs:
            candidate = name if serial == 2 else f"{name} {_roman(serial)}"
            if candidate not in taken:
                taken.add(candidate)
                names.append(candidate)
                if len(names) == count:
                    break
        serial += 1
    return names


def _roman(n: int) -> str:
    return {3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX"}.get(n, str(n))


class _Generator:
    def __init__(self, *, scale: float, years: int, seed: int, today: dt.date) -> None:
        from supervisor_app.services.canonical import GENESIS
        from supervisor_app.services.profile_registry import ProfileRegistry, shipped_profiles_dir
        from supervisor_app.services.signoff import chain_hash, content_hash, void_content_hash

        self._content_hash = content_hash
        self._chain_hash = chain_hash
        self._void_hash = void_content_hash
        self.rng = random.Random(seed)
        self.today = today
        self.first_day = _years_before(today, years)
        self.profiles = ProfileRegistry.load(user_dir=None, shipped_dir=shipped_profiles_dir())
        self.n_supervisors = max(1, round(40 * scale))
        self.n_supervisees = max(2, round(800 * scale))
        self.pending_from: dict[int, dt.date] = {}
        self.sessions: list[tuple[Any, ...]] = []
        self.attendees: list[tuple[Any, ...]] = []
        self.session_allocations: list[tuple[Any, ...]] = []
        self.experience: list[tuple[Any, ...]] = []
        self.experience_allocations: list[tuple[Any, ...]] = []
        self.sign_offs: list[tuple[Any, ...]] = []
        self.audit: list[tuple[Any, ...]] = []
        self.audit_id = 0  # the newest audit event's id, and its hash (the trail's chain)
        self.audit_prev = "0" * 64
        # Signatures not yet chained, by the Monday of their batch: (stamp, date, id, ...).
        self.events: dict[dt.date, list[tuple[Any, ...]]] = {}
        self.seq = 0
        self.prev = GENESIS
        # Keyed signatures (content version 2: people as global ids), one per batch and void.
        from supervisor_app.services.canonical import Hashing

        self.hashing = Hashing(keys_from=1, v1=set(), supervisors={}, supervisees={})
        self.chain_id = ""
        self.signer: dict[int, tuple[Any, dict[str, Any]]] = {}  # {id: (private key, identity)}
        self.supervisee_ident: dict[int, dict[str, Any]] = {}
        self.heads: dict[int, str] = {}  # each supervisee's head over their links so far (signoff.heads)
        self.keys: list[tuple[Any, ...]] = []
        self.signatures: list[tuple[Any, ...]] = []

    def _uuid(self) -> str:
        import uuid

        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def identities(
        self, supervisors: list[tuple[int, str]], persons: list[Person], chain_id: str, stamp: str
    ) -> None:
        """Global ids, a key pair per supervisor (sealed under the benchmark password with the
        app's real parameters) and the identities keyed signatures carry."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        from supervisor_app.services import keys, signatures

        self.chain_id = chain_id
        for sid, name in supervisors:
            gid = self._uuid()
            self.hashing.supervisors[sid] = gid
            private = Ed25519PrivateKey.from_private_bytes(self.rng.randbytes(32))
            public_hex = private.public_key().public_bytes_raw().hex()
            fingerprint = keys.fingerprint_of(public_hex)
            self.keys.append((sid, fingerprint, public_hex, keys.seal(private, PASSWORD, fingerprint), stamp))
            self.signer[sid] = (
                private,
                signatures.signer_identity(
                    global_id=gid,
                    name=name,
                    credentials=_credentials(sid),
                    icb_number=f"BENCH-{5000 + sid}",
                    license_type="",
                    license_number="",
                    key=fingerprint,
                ),
            )
        for person in persons:
            gid = self._uuid()
            self.hashing.supervisees[person.id] = gid
            self.supervisee_ident[person.id] = signatures.supervisee_identity(
                global_id=gid,
                name=person.name,
                icb_id=f"BENCH-A{10000 + person.id}",
                credential=person.credential,
            )

    def _keyed(self, links: list[dict[str, Any]], signer: int, stamp: str, who: set[int]) -> None:
        from supervisor_app.services import signatures

        private, identity = self.signer[signer]
        sid = self._uuid()
        payload = signatures.make_payload(
            signature_id=sid,
            chain=self.chain_id,
            action=links[0]["action"],
            signed_at=stamp,
            prev_chain_hash=links[0]["prev_chain_hash"],
            links=links,
            signer=identity,
            supervisees=[self.supervisee_ident[p] for p in sorted(who)],
            heads={self.hashing.supervisees[p]: self.heads[p] for p in sorted(who)},
        )
        self.signatures.append(
            (
                sid,
                self.chain_id,
                identity["key"],
                links[0]["seq"],
                links[-1]["seq"],
                stamp,
                signatures.payload_text(payload),
                signatures.sign_payload(private, payload),
            )
        )

    # People -----------------------------------------------------------------------------------
    def people(self) -> tuple[list[tuple[Any, ...]], list[Person]]:
        rng = self.rng
        taken: set[str] = set()
        supervisor_names = _names(rng, SUPERVISOR_FIRST, SUPERVISOR_LAST, self.n_supervisors, taken)
        names = _names(rng, FIRST, LAST, self.n_supervisees, taken)
        supervisors = []
        for index, name in enumerate(supervisor_names, start=1):
            supervisors.append((index, name))
        persons: list[Person] = []
        slots: dict[int, int] = {}
        span = (self.today - self.first_day).days
        for index, name in enumerate(names, start=1):
            supervisor_id = (index - 1) % self.n_supervisors + 1
            slot = slots.get(supervisor_id, 0)
            slots[supervisor_id] = slot + 1
            roll = rng.random()
            credential = "CRSS"
            acc = 0.0
            for code, share in CREDENTIALS:
                acc += share
                if roll < acc:
                    credential = code
                    break
            codes = list(self.profiles.get(credential).domain_codes)
            start = self.first_day + dt.timedelta(days=rng.randint(0, int(span * 0.15)))
            end = None
            if rng.random() < 0.1:  # left the agency
                end = start + dt.timedelta(days=rng.randint(365, max(366, (self.today - start).days - 60)))
            persons.append(
                Person(
                    id=index,
                    name=name,
                    credential=credential,
                    supervisor_id=supervisor_id,
                    start=start,
                    end=end,
                    full_time=rng.random() < 0.8,
                    slot=slot,
                    codes=codes,
                    lagging=codes[1] if rng.random() < 0.1 else None,
                )
            )
        return supervisors, persons

    def groups(self, persons: list[Person]) -> list[Group]:
        by_key: dict[tuple[int, str], list[Person]] = {}
        for person in persons:
            by_key.setdefault((person.supervisor_id, person.credential), []).append(person)
        groups: list[Group] = []
        counters: dict[int, int] = {}
        for (supervisor_id, _credential), members in sorted(by_key.items()):
            if len(members) < 3:
                continue
            count = math.ceil(len(members) / 8)
            size = math.ceil(len(members) / count)
            for start in range(0, len(members), size):
                index = counters.get(supervisor_id, 0)
                counters[supervisor_id] = index + 1
                groups.append(
                    Group(supervisor_id, index, members[start].codes, members[start : start + size])
                )
        return groups

    def plan_backlog(self, persons: list[Person], groups: list[Group]) -> None:
        """Supervisor 1's pending backlog starts early enough to hold ~1,000 records."""
        default = self.today - dt.timedelta(days=PENDING_DAYS)
        for supervisor_id in range(1, self.n_supervisors + 1):
            self.pending_from[supervisor_id] = default
        mine = [p for p in persons if p.supervisor_id == BACKLOG_SUPERVISOR and p.end is None]
        per_week = sum(
            (1 - P_SKIP_WEEK) + P_CHECK_IN + (1 + P_SPLIT_WEEK if p.full_time else 1) for p in mine
        ) + 0.5 * sum(1 for g in groups if g.supervisor_id == BACKLOG_SUPERVISOR)
        weeks = min(52, max(2, math.ceil(BACKLOG_RECORDS * 1.1 / max(per_week, 0.1))))
        self.pending_from[BACKLOG_SUPERVISOR] = self.today - dt.timedelta(weeks=weeks)

    # Records ----------------------------------------------------------------------------------
    def _id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _split(self, minutes: int, codes: list[str], lagging: str | None, step: int) -> list[tuple[str, int]]:
        rng = self.rng
        chosen = rng.sample(codes, k=min(len(codes), rng.choice((1, 2, 2, 3))))
        if lagging in chosen and len(chosen) > 1 and rng.random() < 0.8:
            chosen.remove(lagging)
        parts = dict.fromkeys(chosen, 0)
        for index in range(minutes // step):
            parts[chosen[index % len(chosen)]] += step
        return sorted((code, value) for code, value in parts.items() if value)

    @staticmethod
    def _stamp(day: dt.date, supervisor_id: int, hour: int) -> tuple[dt.date, str]:
        """The Monday after ``day`` and the signing time that day (one batch per supervisor)."""
        monday = day + dt.timedelta(days=7 - day.weekday())
        return monday, f"{monday.isoformat()} {hour:02d}:{supervisor_id % 60:02d}:00.000000"

    @staticmethod
    def _allocate(rows: list[tuple[Any, ...]], rid: str, allocations: list[tuple[str, int]]) -> list[str]:
        """Add a record's allocation rows; return its items as its content hash spells them."""
        rows.extend((rid, code, value) for code, value in allocations)
        return [f"{code}={value}" for code, value in allocations]

    def _queue(self, monday: dt.date, event: tuple[Any, ...]) -> None:
        self.events.setdefault(monday, []).append(event)

    def session(
        self,
        *,
        supervisor_id: int,
        attendees: list[int],
        day: dt.date,
        start: str | None,
        minutes: int,
        fmt: str,
        modality: str,
        site: str,
        topics: str,
        allocations: list[tuple[str, int]],
        summary: Summary,
        codes: list[str],
        supersedes: tuple[str, str] | None = None,
        signed_at: tuple[dt.date, str] | None = None,
    ) -> None:
        rid = self._id()
        day_text = day.isoformat()
        signed = day < self.pending_from[supervisor_id] if supersedes is None else True
        created = f"{day_text} 20:00:00.000000"
        supersedes_id, reason = supersedes if supersedes else (None, "")
        if signed:
            monday, stamp = signed_at or self._stamp(day, supervisor_id, 17)
        else:
            monday, stamp = day, created
        self.sessions.append(
            (rid, supervisor_id, day_text, start, minutes, fmt, modality, site, topics,
             "signed" if signed else "pending", supersedes_id, reason, created, stamp)
        )  # fmt: skip
        for attendee in attendees:
            self.attendees.append((rid, attendee))
        self._entered(
            rid, supervisor_id, created, attendees, supersedes, kind="session", date=day_text, minutes=minutes
        )
        items = self._allocate(self.session_allocations, rid, allocations)
        summary.sessions += 1
        summary.attendees += len(attendees)
        summary.allocations += len(allocations)
        if not signed:
            summary.pending += 1
            summary.backlog_pending += supervisor_id == BACKLOG_SUPERVISOR
            return
        content = self._content_hash(
            "session",
            (rid, "signed", supervisor_id, day_text, start, minutes, fmt, modality, site, topics,
             supersedes_id, reason, attendees, items),
            self.hashing,
        )  # fmt: skip
        self._queue(
            monday, (stamp, day_text, rid, "session", "sign", supervisor_id, "", content, tuple(attendees))
        )
        if supersedes is None and day < self.pending_from[supervisor_id] - dt.timedelta(days=60):
            roll = self.rng.random()
            if roll < P_AMEND:
                new_minutes = 45 if minutes != 45 else 60
                self.session(
                    supervisor_id=supervisor_id,
                    attendees=attendees,
                    day=day,
                    start=start,
                    minutes=new_minutes,
                    fmt=fmt,
                    modality=modality,
                    site=site,
                    topics=topics,
                    allocations=self._split(new_minutes, codes, None, 15),
                    summary=summary,
                    codes=codes,
                    supersedes=(rid, self.rng.choice(AMEND_REASONS)),
                    signed_at=self._stamp(monday, supervisor_id, 18),
                )
                summary.amended += 1
            elif roll < P_AMEND + P_VOID:
                self._void("session", rid, day_text, supervisor_id, content, monday, tuple(attendees))
                summary.voided += 1

    def _void(
        self,
        kind: str,
        rid: str,
        day_text: str,
        supervisor_id: int,
        content: str,
        monday: dt.date,
        who: tuple[int, ...],
    ) -> None:
        reason = self.rng.choice(VOID_REASONS)
        later, stamp = self._stamp(monday + dt.timedelta(days=7), supervisor_id, 19)
        self._queue(
            later,
            (
                stamp,
                day_text,
                rid,
                kind,
                "void",
                supervisor_id,
                reason,
                self._void_hash(content, reason),
                who,
            ),
        )

    def _entered(
        self,
        rid: str,
        supervisor_id: int,
        created: str,
        who: list[int],
        supersedes: tuple[str, str] | None,
        **details: Any,
    ) -> None:
        """The create (or amend) events of a record, one per supervisee, as the app logs them."""
        if supersedes is None:
            action, text = "create", json.dumps(details, sort_keys=True)
        else:
            action, text = (
                "amend",
                json.dumps({"amends": supersedes[0], "reason": supersedes[1]}, sort_keys=True),
            )
        actor = f"supervisor:{supervisor_id}"
        self.audit.extend((created, actor, action, rid, supervisee, text) for supervisee in who)

    def entry(
        self,
        person: Person,
        start: dt.date,
        end: dt.date,
        minutes: int,
        setting: str,
        summary: Summary,
        supersedes: tuple[str, str] | None = None,
        signed_at: tuple[dt.date, str] | None = None,
    ) -> None:
        rid = self._id()
        supervisor_id = person.supervisor_id
        kind = "paid" if person.full_time else "volunteer"
        signed = end < self.pending_from[supervisor_id] if supersedes is None else True
        end_text = end.isoformat()
        created = f"{end_text} 21:00:00.000000"
        supersedes_id, reason = supersedes if supersedes else (None, "")
        if signed:
            monday, stamp = signed_at or self._stamp(end, supervisor_id, 17)
        else:
            monday, stamp = end, created
        allocations = self._split(minutes, person.codes, None, 60)
        start_text = start.isoformat()
        self.experience.append(
            (rid, person.id, supervisor_id, start_text, end_text, setting, kind,
             "signed" if signed else "pending", supersedes_id, reason, created, stamp)
        )  # fmt: skip
        items = self._allocate(self.experience_allocations, rid, allocations)
        self._entered(
            rid,
            supervisor_id,
            created,
            [person.id],
            supersedes,
            kind="experience",
            **{"from": start_text, "to": end_text, "minutes": minutes},
        )
        summary.experience += 1
        summary.allocations += len(allocations)
        if not signed:
            summary.pending += 1
            summary.backlog_pending += supervisor_id == BACKLOG_SUPERVISOR
            return
        content = self._content_hash(
            "experience",
            (rid, "signed", supervisor_id, start_text, end_text, person.id, kind, setting, "", "",
             supersedes_id, reason, [], items),
            self.hashing,
        )  # fmt: skip
        self._queue(
            monday, (stamp, end_text, rid, "experience", "sign", supervisor_id, "", content, (person.id,))
        )
        if supersedes is None and end < self.pending_from[supervisor_id] - dt.timedelta(days=60):
            roll = self.rng.random()
            if roll < P_AMEND:
                self.entry(
                    person,
                    start,
                    end,
                    max(60, minutes - 120),
                    setting,
                    summary,
                    supersedes=(rid, self.rng.choice(AMEND_REASONS)),
                    signed_at=self._stamp(monday, supervisor_id, 18),
                )
                summary.amended += 1
            elif roll < P_AMEND + P_VOID:
                self._void("experience", rid, end_text, supervisor_id, content, monday, (person.id,))
                summary.voided += 1

    def chain_until(self, monday: dt.date | None) -> None:
        """Chain every queued signature of batches before ``monday`` (all, for None)."""
        from supervisor_app.services.signoff.heads import next_head

        chain_hash = self._chain_hash
        for batch_day in sorted(d for d in self.events if monday is None or d < monday):
            # Within a day: by time (supervisor batch), then as sign() orders a batch: date, id.
            # A batch (one keyed signature): the signings of one supervisor at one time; a void alone.
            batch: list[dict[str, Any]] = []
            batch_key: tuple[Any, ...] = ()
            batch_who: set[int] = set()
            for stamp, _day, rid, kind, action, signer, reason, content, who in sorted(
                self.events.pop(batch_day)
            ):
                key = (stamp, signer, action)
                if batch and (key != batch_key or action == "void"):
                    self._keyed(batch, batch_key[1], batch_key[0], batch_who)
                    batch, batch_who = [], set()
                batch_key = key
                batch_who.update(who)
                self.seq += 1
                link = chain_hash(
                    prev=self.prev,
                    seq=self.seq,
                    kind=kind,
                    record_id=rid,
                    action=action,
                    signer_id=signer,
                    signed_at=stamp,
                    reason=reason,
                    content=content,
                )
                self.sign_offs.append(
                    (self.seq, kind, rid, action, signer, stamp, reason, content, self.prev, link)
                )
                batch.append(
                    {
                        "seq": self.seq,
                        "record_kind": kind,
                        "record_id": rid,
                        "action": action,
                        "content_hash": content,
                        "chain_hash": link,
                        "prev_chain_hash": self.prev,
                    }
                )
                details = json.dumps({"reason": reason}) if action == "void" else ""
                self.audit.extend((stamp, f"supervisor:{signer}", action, rid, s, details) for s in who)
                for person in who:
                    self.heads[person] = next_head(self.heads.get(person, ""), link)
                self.prev = link
            if batch:
                self._keyed(batch, batch_key[1], batch_key[0], batch_who)

    def weeks(self) -> Iterator[tuple[int, dt.date]]:
        monday = _monday(self.first_day)
        index = 0
        while monday <= self.today:
            yield index, monday
            monday += dt.timedelta(weeks=1)
            index += 1

    def week(
        self, index: int, monday: dt.date, persons: list[Person], groups: list[Group], summary: Summary
    ) -> None:
        rng = self.rng
        today = self.today
        holiday = monday.month == 12 and monday.day > 20
        for person in persons:
            if monday < _monday(person.start) + dt.timedelta(weeks=1) or not person.active_on(monday):
                continue
            if not holiday and rng.random() > P_SKIP_WEEK:
                day = monday + dt.timedelta(days=person.slot % 4)
                if day < today and person.active_on(day):
                    length = 30 if rng.random() < 0.12 else 60
                    self.session(
                        supervisor_id=person.supervisor_id,
                        attendees=[person.id],
                        day=day,
                        start=f"{8 + (person.slot // 4) % 10:02d}:00:00.000000",
                        minutes=length,
                        fmt="individual",
                        modality=rng.choice(("in-person", "in-person", "in-person", "video", "phone")),
                        site=rng.choice(SITES),
                        topics=rng.choice(TOPICS),
                        allocations=self._split(length, person.codes, person.lagging, 15),
                        summary=summary,
                        codes=person.codes,
                    )
            if not holiday and rng.random() < P_CHECK_IN:
                day = monday + dt.timedelta(days=4)
                if day < today and person.active_on(day):
                    self.session(
                        supervisor_id=person.supervisor_id,
                        attendees=[person.id],
                        day=day,
                        start=None,
                        minutes=30,
                        fmt="individual",
                        modality=rng.choice(("phone", "video")),
                        site="",
                        topics="Check-in.",
                        allocations=self._split(30, person.codes, person.lagging, 15),
                        summary=summary,
                        codes=person.codes,
                    )
            # A timesheet for the week (Mon-Fri), logged once the week is over.
            friday = monday + dt.timedelta(days=4)
            if friday >= today or not person.active_on(friday) or (holiday and rng.random() < 0.5):
                continue
            if person.full_time:
                hours = rng.randint(36, 40)
                if rng.random() < P_SPLIT_WEEK:
                    first, second = rng.sample(PROGRAMS, 2)
                    early = round(hours * 0.6)
                    self.entry(person, monday, monday + dt.timedelta(days=2), early * 60, first, summary)
                    self.entry(
                        person, monday + dt.timedelta(days=3), friday, (hours - early) * 60, second, summary
                    )
                else:
                    self.entry(person, monday, friday, hours * 60, rng.choice(PROGRAMS), summary)
            else:
                self.entry(person, monday, friday, rng.randint(10, 16) * 60, rng.choice(PROGRAMS), summary)
        if holiday:
            return
        for group in groups:
            if (index + group.index) % 2:
                continue
            day = monday + dt.timedelta(days=4)
            if day >= today:
                continue
            present = sorted(
                p.id
                for p in group.members
                if p.active_on(day) and p.start < day and rng.random() < P_GROUP_PRESENT
            )
            if len(present) < 2:
                continue
            self.session(
                supervisor_id=group.supervisor_id,
                attendees=present,
                day=day,
                start=GROUP_TIMES[(group.index // 2) % len(GROUP_TIMES)],
                minutes=90,
                fmt="group",
                modality="in-person",
                site="Main office",
                topics=rng.choice(TOPICS),
                allocations=self._split(90, group.codes, None, 15),
                summary=summary,
                codes=group.codes,
            )


def _chained_events(gen: _Generator, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Audit rows numbered and hash-chained as the app's writer does (services/trails.py)."""
    from supervisor_app.services.trails import chain_hashes

    numbered = [(gen.audit_id + i, *row) for i, row in enumerate(rows, start=1)]
    hashes = chain_hashes(gen.audit_prev, numbered)
    prevs = [gen.audit_prev, *hashes[:-1]]
    gen.audit_id += len(rows)
    gen.audit_prev = hashes[-1]
    return [(*row, p, h) for row, p, h in zip(numbered, prevs, hashes, strict=True)]


def _flush(conn: sqlite3.Connection, gen: _Generator, summary: Summary) -> None:
    for sql, rows in (
        (SESSION_SQL, gen.sessions),
        (ATTENDEE_SQL, gen.attendees),
        (SESSION_ALLOCATION_SQL, gen.session_allocations),
        (EXPERIENCE_SQL, gen.experience),
        (EXPERIENCE_ALLOCATION_SQL, gen.experience_allocations),
        (SIGN_OFF_SQL, gen.sign_offs),
        (SIGNATURE_SQL, gen.signatures),
        (AUDIT_SQL, gen.audit),
    ):
        if sql is AUDIT_SQL and rows:
            summary.audit_events += len(rows)
            rows[:] = _chained_events(gen, rows)
        if rows:
            conn.executemany(sql, rows)
            summary.rows += len(rows)
            rows.clear()


def generate(
    out: str | Path,
    *,
    scale: float = 1.0,
    years: int = 10,
    seed: int = 20_251_125,
    today: dt.date | None = None,
    force: bool = False,
    log: Any = None,
) -> Summary:
    """Write the synthetic agency to ``out`` (a new file); return what was written."""
    from supervisor_app.db import open_database
    from supervisor_app.services.auth import hash_password

    started = time.perf_counter()
    path = Path(out).expanduser().resolve()
    if path.exists():
        if not force:
            raise FileExistsError(f"{path} exists; pass --force to replace it")
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    today = today or dt.date.today()
    database = open_database(path, backup_before_migration=False)  # the app's own migrations
    database.close()

    gen = _Generator(scale=scale, years=years, seed=seed, today=today)
    summary = Summary(
        path=path, scale=scale, supervisors=gen.n_supervisors, supervisees=gen.n_supervisees, today=today
    )
    supervisors, persons = gen.people()
    groups = gen.groups(persons)
    gen.plan_backlog(persons, groups)
    password_hash = hash_password(PASSWORD)  # real argon2id parameters, as the app stores them
    chain_conn = sqlite3.connect(path)
    try:
        (chain_id,) = chain_conn.execute("SELECT global_id FROM database_identity").fetchone()
    finally:
        chain_conn.close()
    gen.identities(supervisors, persons, chain_id, f"{gen.first_day.isoformat()} 09:00:00.000000")

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("PRAGMA cache_size = -1000000")  # ~1 GB of page cache while writing
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("BEGIN")
        # Secondary indexes and triggers are rebuilt afterwards from their own stored SQL.
        schema = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL "
            f"AND tbl_name IN ({','.join('?' * len(BIG_TABLES))}) ORDER BY rowid",
            BIG_TABLES,
        ).fetchall()
        for kind, name, _sql in schema:
            conn.execute(f'DROP {kind.upper()} "{name}"')
        stamp = f"{gen.first_day.isoformat()} 09:00:00.000000"
        conn.execute(
            "INSERT INTO agency (id, name, address, phone, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?)",
            (AGENCY, "100 Example Avenue, Springfield, IL 62701", "(217) 555-0100", stamp, stamp),
        )
        conn.executemany(
            "INSERT INTO supervisor (id, agency_id, name, credentials, title, icb_number, license_type, "
            "license_number, email, phone, active, password_hash, failed_attempts, locked_until, created_at, "
            "updated_at, global_id) VALUES (?, 1, ?, ?, ?, ?, '', '', ?, ?, 1, ?, 0, NULL, ?, ?, ?)",
            [
                (
                    sid,
                    name,
                    _credentials(sid),
                    "Clinical Supervisor",
                    f"BENCH-{5000 + sid}",
                    f"supervisor{sid}@example.org",
                    f"(217) 555-{1000 + sid:04d}",
                    password_hash,
                    stamp,
                    stamp,
                    gen.hashing.supervisors[sid],
                )
                for sid, name in supervisors
            ],
        )
        conn.executemany(
            "INSERT INTO supervisee (id, agency_id, supervisor_id, name, icb_id, credential, position, start_date, "
            "active, same_person_supervisor_id, created_at, updated_at, global_id) "
            "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
            [
                (
                    p.id,
                    p.supervisor_id,
                    p.name,
                    f"BENCH-A{10000 + p.id}",
                    p.credential,
                    "Peer Support Specialist" if p.full_time else "Recovery Coach (volunteer)",
                    p.start.isoformat(),
                    int(p.end is None),
                    f"{p.start.isoformat()} 09:00:00.000000",
                    f"{p.start.isoformat()} 09:00:00.000000",
                    gen.hashing.supervisees[p.id],
                )
                for p in persons
            ],
        )
        conn.executemany(
            "INSERT INTO supervisor_key (supervisor_id, fingerprint, public_key, sealed_private_key, created_at) "
            "VALUES (?,?,?,?,?)",
            gen.keys,
        )
        summary.rows += 1 + len(supervisors) + len(persons) + len(gen.keys)
        for index, monday in gen.weeks():
            gen.chain_until(monday)
            gen.week(index, monday, persons, groups, summary)
            if len(gen.sessions) + len(gen.experience) > 50_000:
                _flush(conn, gen, summary)
                if log is not None:
                    log(f"  ... {monday.isoformat()}: {summary.records:,} records")
        gen.chain_until(None)
        _flush(conn, gen, summary)
        summary.signatures = gen.seq
        if log is not None:
            log(f"  rows written in {time.perf_counter() - started:.1f} s; rebuilding indexes and triggers")
        for _kind, _name, sql in schema:
            conn.execute(sql)
        conn.execute("COMMIT")
        conn.execute("PRAGMA locking_mode = NORMAL")
        conn.execute("PRAGMA journal_mode = WAL")  # what the app uses; also releases the exclusive lock
    except BaseException:
        conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    conn.close()
    summary.seconds = time.perf_counter() - started
    summary.size_bytes = path.stat().st_size
    return summary


def main(argv: list[str] | None = None) -> int:
    from supervisor_app.db import provide_profiles
    from supervisor_app.usecases.opening import load_profiles

    provide_profiles(load_profiles)  # as the app's start does
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale", type=float, default=1.0, help="1.0 = 40 supervisors, 800 supervisees (default)"
    )
    parser.add_argument("--out", default="benchmarks/agency.db", help="the database file to write")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=20_251_125)
    parser.add_argument(
        "--today", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (default: today)"
    )
    parser.add_argument("--force", action="store_true", help="replace --out if it exists")
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    try:
        summary = generate(
            args.out,
            scale=args.scale,
            years=args.years,
            seed=args.seed,
            today=args.today,
            force=args.force,
            log=lambda text: print(text, file=sys.stderr, flush=True),
        )
    except FileExistsError as exc:
        print(exc, file=sys.stderr)
        return 2
    print("\n".join(summary.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
