"""A realistic, obviously fictional sample agency, written through the real services.

Everything goes through the same validation and signing as real work, so the demo can never
show data the app would refuse. Deterministic (seeded) and relative to ``today``.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from supervisor_app import clock
from supervisor_app.db import Database, UnitOfWork
from supervisor_app.fileops import remove_file, temporary_folder
from supervisor_app.i18n import _
from supervisor_app.models import Supervisee, Supervisor
from supervisor_app.services import people, person_credentials, records, signoff, training
from supervisor_app.services.errors import DomainError

DEMO_PASSWORD = "demo-password"
DEMO_AGENCY = "Prairie Lakes Recovery Collaborative (DEMO)"

SUPERVISORS = [
    ("Dana Whitaker", "CRSS, LCPC", "Clinical Supervisor", "LCPC", "180.000000"),
    ("Rafael Ortiz", "CADC, CRSS", "Recovery Services Supervisor", "", ""),
    ("Grace Okafor", "CPRS, QMHP", "Peer Services Coordinator", "", ""),
    ("Mai Lê", "LCSW", "Program Director", "LCSW", "149.000000"),
]

# name, credential, supervisor index, stage, full-time
SUPERVISEES = [
    ("José Núñez-Ávila", "CRSS", 0, "eligible", True),
    ("Nguyễn Thị Hương", "CRSS", 0, "late", True),
    ("Agnieszka Wróblewska", "CRSS", 0, "halfway", True),
    ("DeShawn Carter", "CRSS", 0, "lagging", True),
    ("Layla Haddad", "CRSS", 0, "new", True),
    ("María Guadalupe Treviño", "CRSS", 0, "halfway", False),
    ("Tomasz Kowalczyk", "CRSS", 1, "eligible", True),
    ("Trần Văn Minh", "CRSS", 1, "halfway", True),
    ("Fatima Al-Sayed", "CRSS", 1, "early", True),
    ("Keisha Robinson", "CRSS", 1, "window", False),
    ("Luis Ángel Méndez", "CRSS", 1, "halfway", True),
    ("Joanna Zielińska", "CRSS", 1, "new", False),
    ("Omar Khalil", "CADC", 1, "halfway", True),
    ("Phạm Thu Trang", "CPRS", 2, "halfway", True),
    ("Brianna O'Connor", "CPRS", 2, "late", True),
    ("Rosa Elena Quiñones", "CPRS", 2, "early", False),
    ("Marek Dąbrowski", "CPRS", 2, "lagging", True),
    ("Yasmin Abdallah", "CRSS", 3, "late", True),
    ("Terrence Whitfield", "CRSS", 3, "halfway", True),
    ("Ana Sofía Cárdenas", "CRSS", 3, "early", True),
    ("Lê Hoàng Nam", "CRSS", 3, "lagging", False),
    ("Samantha Greer", "CRSS", 3, "new", True),
]

# How long ago each stage started, in weeks.
STAGE_WEEKS = {
    "new": 3,
    "early": 20,
    "halfway": 56,
    "lagging": 60,
    "late": 90,
    "eligible": 112,
    "window": 205,
}

SITES = ["Main office", "Outreach van", "Drop-in center", "Recovery home", "Video call"]
TOPICS = [
    "Boundaries when a peer asks for a ride; documenting recovery-support contacts.",
    "Sharing lived experience with purpose; self-care after a hard week.",
    "Advocating with a housing provider; how to prepare for a team meeting.",
    "Ethics refresher: dual relationships in a small community.",
    "Mentoring a new volunteer; role clarity between peer and case manager.",
    "Recovery planning conversation skills; motivational language.",
    "Navigating benefits appointments; systems advocacy vs individual advocacy.",
    "Supervision plan review and goals for next quarter.",
]


# Trainings: (title, provider, delivery, area codes it covers). The first area a person's
# profiles know is used; a training with none of theirs is skipped for them.
TRAININGS = [
    ("Ethics and boundaries for peer workers", "Illinois Certification Board", "online", ["ethics"]),
    ("Advocacy in housing and benefits systems", "Prairie Training Institute", "in-person", ["advocacy"]),
    ("Mentoring new peers", "Prairie Training Institute", "in-person", ["mentoring", "mentoring-education"]),
    ("Recovery-oriented conversations", "Central Illinois Recovery Network", "online",
     ["recovery-support", "recovery-wellness-support"]),
    ("Core functions of peer recovery support", "Illinois Certification Board", "in-person",
     ["core-functions", "counseling"]),
    ("Working with families in recovery", "Family Recovery Alliance (DEMO)", "online", ["family", "client-education"]),
    ("Crisis response and naloxone", "County Health Department (DEMO)", "in-person",
     ["professional-responsibility", "crisis-intervention", "ethical-responsibility"]),
]  # fmt: skip


# The education a credential asks for, taken as one course (minutes per area): what the
# supervisees near the end of their supervision have done.
ACADEMIES = {
    "CRSS": ("CRSS Academy", {"advocacy": 10, "professional-responsibility": 10, "mentoring": 10,
                              "recovery-support": 10, "ethics": 6, "core-functions": 54}),
    "CPRS": ("CPRS Academy", {"advocacy": 10, "mentoring-education": 10, "recovery-wellness-support": 10,
                              "ethical-responsibility": 10, "ethics": 16, "core-functions": 34, "family": 5,
                              "youth": 5}),
}  # fmt: skip


def _certificate_pdf(name: str, title: str, day: dt.date) -> bytes:
    """A one-page certificate of completion (a few KB), as a provider would send."""
    import io

    from reportlab.lib.pagesizes import landscape, letter
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=landscape(letter), invariant=1)
    width, height = landscape(letter)
    page.setTitle(f"Certificate of completion: {title}")
    page.setFont("Helvetica-Bold", 28)
    page.drawCentredString(width / 2, height - 150, "Certificate of Completion")
    page.setFont("Helvetica", 16)
    page.drawCentredString(width / 2, height - 220, "This certifies that")
    page.setFont("Helvetica-Bold", 22)
    page.drawCentredString(width / 2, height - 260, name)
    page.setFont("Helvetica", 16)
    page.drawCentredString(width / 2, height - 300, f"completed \u201c{title}\u201d on {day.isoformat()}")
    page.drawCentredString(
        width / 2, height - 330, "Illinois Certification Board (DEMO, not a real certificate)"
    )
    page.showPage()
    page.save()
    return out.getvalue()


def _load_training(
    uow: UnitOfWork,
    supervisors: list[Supervisor],
    supervisees: list[tuple[Supervisee, str, bool]],
    today: dt.date,
    seed: int,
) -> int:
    """Credentials held, hire dates and training (some confirmed, one with a certificate), so
    the Training tab and the Due view have something to show. Its own random generator: the
    records above stay what they were. Two supervisors confirm, each in one batch (the
    password and the key are argon2 work). Returns the number of entries."""
    rng = random.Random(seed * 1009 + 20)
    days = dt.timedelta
    # Supervisors: (kind, number, -, expires in days)
    held = [
        [("CRSS", "DEMO-CRSS-0412", 1, 410), ("LCPC", "180.000000", 2, 300)],
        [("CADC", "DEMO-CADC-7781", 1, 520), ("CRSS", "DEMO-CRSS-0977", 2, 38)],
        [("CPRS", "DEMO-CPRS-0233", 1, 250), ("QMHP", "DEMO-QMHP-0233", 1, 640)],
        [("LCSW", "149.000000", 3, 700)],
    ]
    for supervisor, credentials in zip(supervisors, held, strict=True):
        for kind, number, _years, expires in credentials:
            person_credentials.add_credential(
                uow,
                person=person_credentials.Person(supervisor_id=supervisor.id),
                kind=kind,
                number=number,
                # Held since before the demo's first record (no issue date): they qualify the
                # supervisor for every record signed (who may supervise, issue 18).
                expires_on=today + days(days=expires),
                today=today,
            )
    by_name = {s.name: s for s, _stage, _ft in supervisees}
    # Supervisees who already hold a credential: a CADC candidate's CRSS, due for renewal soon.
    for name, kind, number, expires, board in [
        ("Omar Khalil", "CRSS", "DEMO-CRSS-1188", 45, ""),
        ("Tomasz Kowalczyk", "CPR and First Aid", "DEMO-RC-55120", 200, "American Red Cross"),
        ("Phạm Thu Trang", "CPR and First Aid", "DEMO-RC-55187", 330, "American Red Cross"),
    ]:
        person_credentials.add_credential(
            uow,
            person=person_credentials.Person(supervisee_id=by_name[name].id),
            kind=kind,
            number=number,
            issued_on=today + days(days=expires) - days(days=730),
            expires_on=today + days(days=expires),
            board=board,
            today=today,
        )
    # Hire dates of the recent hires (the week before their supervision began): the employer's
    # deadline for the credential shows in the Due view.
    for supervisee, stage, _ft in supervisees:
        assert supervisee.start_date is not None
        if stage not in ("new", "early"):
            continue
        person_credentials.set_hire_date(
            uow, supervisee_id=supervisee.id, hire_date=supervisee.start_date - days(days=7), today=today
        )
    # Two to four trainings each, since (or a little before) supervision began.
    to_confirm: dict[int, list[str]] = {}
    certificate_done = False
    entries = 0
    people_list = [
        (person_credentials.Person(supervisee_id=s.id), s, s.start_date) for s, _st, _ft in supervisees
    ]
    people_list.append(
        (person_credentials.Person(supervisor_id=supervisors[0].id), None, today - days(days=600))
    )
    stages = {s.id: stage for s, stage, _ft in supervisees}
    for person, supervisee, since in people_list:
        assert since is not None
        academy = ACADEMIES.get(supervisee.credential) if supervisee is not None else None
        if academy is not None and stages[supervisee.id] in ("eligible", "window", "late"):
            # Five weeks of classes in the first months of supervision.
            start = since + days(days=21)
            entry_id = training.add_training(
                uow,
                person=person,
                date_from=start,
                date_to=start + days(days=34),
                title=academy[0],
                provider="Illinois Certification Board approved trainer (DEMO)",
                delivery="in-person",
                allocations={code: hours * 60 for code, hours in academy[1].items()},
                today=today,
            )
            entries += 1
            if supervisee.supervisor_id in (supervisors[0].id, supervisors[2].id):
                to_confirm.setdefault(supervisee.supervisor_id, []).append(entry_id)
        known = {code for code, _label in training.area_choices(uow, person)}
        choices = [t for t in TRAININGS if any(a in known for a in t[3])]
        span = max((today - since).days - 3, 10)
        for title, provider, delivery, areas in rng.sample(choices, k=min(len(choices), rng.randint(2, 4))):
            area = next(a for a in areas if a in known)
            length = rng.choice([1, 1, 1, 2])
            end = today - days(days=rng.randint(3, span))
            start = end - days(days=length - 1)
            who = supervisee.name if supervisee is not None else supervisors[0].name
            certificate = None
            if not certificate_done and supervisee is not None:
                certificate = training.CertificateFile(
                    "certificate-of-completion.pdf", _certificate_pdf(who, title, end)
                )
                certificate_done = True
            entry_id = training.add_training(
                uow,
                person=person,
                date_from=start,
                date_to=end,
                title=title,
                provider=provider,
                delivery=delivery,
                allocations={area: 60 * rng.choice([3, 4, 6]) * length},
                certificate=certificate,
                today=today,
            )
            entries += 1
            # Dana and Grace confirm most of their supervisees' trainings older than a month.
            if (
                supervisee is not None
                and supervisee.supervisor_id in (supervisors[0].id, supervisors[2].id)
                and (today - end).days > 30
                and (certificate is not None or rng.random() < 0.7)
            ):
                to_confirm.setdefault(supervisee.supervisor_id, []).append(entry_id)
    uow.commit()
    for supervisor_id, entry_ids in to_confirm.items():
        training.confirm_trainings(
            uow,
            entry_ids=entry_ids,
            supervisor_id=supervisor_id,
            password=DEMO_PASSWORD,
        )
    uow.commit()
    return entries


@dataclass
class DemoSummary:
    supervisors: int
    supervisees: int
    sessions: int
    experience: int
    signed: int
    trainings: int = 0


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _split(
    rng: random.Random, minutes: int, codes: list[str], lagging: str | None, step: int = 15
) -> dict[str, int]:
    """Spread ``minutes`` over 1-3 domains in ``step`` chunks; a lagging domain is rare."""
    chosen = rng.sample(codes, k=min(len(codes), rng.choice([1, 2, 2, 3])))
    if lagging in chosen and rng.random() < 0.8:
        chosen.remove(lagging)
        if not chosen:
            chosen = [c for c in codes if c != lagging][:1]
    parts = dict.fromkeys(chosen, 0)
    for index in range(minutes // step):
        parts[chosen[index % len(chosen)]] += step
    return {k: v for k, v in parts.items() if v}


def load_demo(uow: UnitOfWork, *, today: dt.date | None = None, seed: int = 7) -> DemoSummary:
    """Fill an empty database with the sample agency. Commits."""
    today = today or clock.today()
    rng = random.Random(seed)
    if people.list_supervisors(uow):
        raise DomainError(
            _("The database already has supervisors; the demo fills only an empty database."),
            code="demo.not_empty",
        )
    agency = people.get_or_create_agency(
        uow,
        name=DEMO_AGENCY,
        address="100 Example Avenue, Springfield, IL 62701",
        phone="(217) 555-0100",
    )
    supervisors: list[Supervisor] = []
    for index, (name, creds, title, license_type, license_number) in enumerate(SUPERVISORS):
        supervisors.append(
            people.add_supervisor(
                uow,
                name=name,
                credentials=creds,
                title=title,
                icb_number=f"DEMO-{5100 + index}",
                license_type=license_type,
                license_number=license_number,
                email=f"{name.split()[0].lower()}@example.org",
                phone=f"(217) 555-01{10 + index}",
                agency=agency.name,
                password=DEMO_PASSWORD,
            )
        )
    supervisees: list[tuple[Supervisee, str, bool]] = []
    for index, (name, credential, sup_index, stage, full_time) in enumerate(SUPERVISEES):
        start = _monday(today - dt.timedelta(weeks=STAGE_WEEKS[stage])) + dt.timedelta(days=rng.randint(0, 2))
        supervisees.append(
            (
                people.add_supervisee(
                    uow,
                    name=name,
                    credential=credential,
                    icb_id=f"DEMO-A{1001 + index}",
                    start_date=start,
                    position="Peer Support Specialist" if full_time else "Recovery Coach (volunteer)",
                    supervisor_id=supervisors[sup_index].id,
                    today=today,
                ),
                stage,
                full_time,
            )
        )
    uow.commit()

    sessions = experience = 0
    profiles = uow.db.profiles
    for supervisee, stage, full_time in supervisees:
        profile = profiles.get(supervisee.credential)
        codes = list(profile.domain_codes)
        lagging = codes[1] if stage == "lagging" else None
        assert supervisee.start_date is not None and supervisee.supervisor_id is not None
        week = _monday(supervisee.start_date) + dt.timedelta(weeks=1)
        # Weekly individual supervision, with holidays and sick weeks.
        hour = 9 + (supervisee.id % 6)
        while week + dt.timedelta(days=3) < today:
            if rng.random() > 0.1 and not (week.month == 12 and week.day > 20):
                length = 30 if rng.random() < 0.12 else 60
                day = week + dt.timedelta(days=supervisee.id % 4)
                records.add_session(
                    uow,
                    supervisor_id=supervisee.supervisor_id,
                    supervisee_ids=[supervisee.id],
                    date=day,
                    start=f"{hour:02d}:00",
                    minutes=length,
                    format="individual",
                    modality=rng.choice(["in-person", "in-person", "video", "phone"]),
                    site=rng.choice(SITES),
                    topics=rng.choice(TOPICS),
                    allocations=_split(rng, length, codes, lagging),
                    today=today,
                )
                sessions += 1
            week += dt.timedelta(weeks=1)
        # Monthly experience entries (about 40 h a week full time, fewer for volunteers).
        month = supervisee.start_date
        while month <= today:
            end = min(
                (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1),
                today,
            )
            if end > month:
                weeks = ((end - month).days + 1) / 7
                per_week = rng.randint(36, 40) if full_time else rng.randint(10, 16)
                minutes = int(weeks * per_week) * 60
                if minutes > 0:
                    records.add_experience(
                        uow,
                        supervisee_id=supervisee.id,
                        supervisor_id=supervisee.supervisor_id,
                        period_start=month,
                        period_end=end,
                        setting=rng.choice(SITES[:4]),
                        kind="paid" if full_time else "volunteer",
                        allocations=_split(rng, minutes, codes, None, step=60),
                        today=today,
                    )
                    experience += 1
            month = end + dt.timedelta(days=1)
    # Group supervision every other week per supervisor and credential (3-8 attendees).
    by_group: dict[tuple[int, str], list[Supervisee]] = {}
    for supervisee, _stage, _ft in supervisees:
        assert supervisee.supervisor_id is not None
        by_group.setdefault((supervisee.supervisor_id, supervisee.credential), []).append(supervisee)
    for (supervisor_id, credential), members in by_group.items():
        if len(members) < 3:
            continue
        codes = list(profiles.get(credential).domain_codes)
        first = min(m.start_date for m in members if m.start_date)
        week = _monday(first) + dt.timedelta(weeks=2)
        while week + dt.timedelta(days=4) < today:
            day = week + dt.timedelta(days=4)  # Fridays at 14:00
            present = [m for m in members if m.start_date and m.start_date <= day and rng.random() < 0.85]
            if len(present) >= 2:
                present = present[:8]
                records.add_session(
                    uow,
                    supervisor_id=supervisor_id,
                    supervisee_ids=[m.id for m in present],
                    date=day,
                    start="14:00",
                    minutes=90,
                    format="group",
                    modality="in-person",
                    site="Main office",
                    topics=rng.choice(TOPICS),
                    allocations=_split(rng, 90, codes, None),
                    today=today,
                )
                sessions += 1
            week += dt.timedelta(weeks=2)
    uow.commit()

    # Sign everything older than two weeks; the last two weeks stay pending for the to-sign list.
    signed = 0
    cutoff = today - dt.timedelta(days=14)
    for supervisor in supervisors:
        ids = [
            r["id"]
            for r in records.list_records(uow, "session", supervisor_id=supervisor.id)
            if dt.date.fromisoformat(r["date"]) < cutoff
        ] + [
            r["id"]
            for r in records.list_records(uow, "experience", supervisor_id=supervisor.id)
            if dt.date.fromisoformat(r["to"]) < cutoff
        ]
        if ids:
            signed += len(
                signoff.sign(uow, supervisor_id=supervisor.id, password=DEMO_PASSWORD, record_ids=ids).signed
            )
    # A few corrections, as real records have: two amendments (signed) and one void.
    for supervisee, stage, _ft in supervisees[:3]:
        rows = [
            r
            for r in records.list_records(uow, "session", supervisee_id=supervisee.id, status="signed")
            if r["format"] == "individual"
        ]
        if len(rows) < 10:
            continue
        target = rows[8]
        if stage == "late":
            signoff.void(
                uow,
                record_id=target["id"],
                reason="Entered twice: the same meeting is logged the day before.",
                supervisor_id=target["supervisor_id"],
                password=DEMO_PASSWORD,
            )
        else:
            new_minutes = 45 if target["minutes"] != 45 else 60
            codes = list(profiles.get(supervisee.credential).domain_codes)
            amended = records.amend_record(
                uow,
                record_id=target["id"],
                reason="Length corrected from the sign-in sheet.",
                minutes=new_minutes,
                allocations=_split(rng, new_minutes, codes, None),
                today=today,
            )
            uow.commit()
            signoff.sign(
                uow,
                supervisor_id=target["supervisor_id"],
                password=DEMO_PASSWORD,
                record_ids=[amended.id],
            )
    uow.commit()
    trainings = _load_training(uow, supervisors, supervisees, today, seed)
    return DemoSummary(len(supervisors), len(supervisees), sessions, experience, signed, trainings)


def demo_cache_path(today: dt.date | None = None) -> Path:
    """Where today's pre-built sample agency is kept (the user's cache folder, never their data)."""
    from platformdirs import user_cache_dir

    from supervisor_app import APP_NAME, __version__
    from supervisor_app.storage import head_revision

    today = today or clock.today()
    override = os.environ.get("SUPERVISOR_APP_CACHE_DIR")
    folder = Path(override) if override else Path(user_cache_dir(APP_NAME, appauthor=False))
    return folder / f"demo-{__version__}-{head_revision()}-{today.isoformat()}.db"


@contextmanager
def demo_database(today: dt.date | None = None) -> Iterator[Database]:
    """A throwaway copy of the sample agency.

    Building it through the services takes a few seconds, so the first build of the day is
    kept in the cache folder and later demo runs start from a copy of it. The copy lives in a
    temporary folder that is deleted afterwards: the demo never touches real records.
    """
    from supervisor_app.db import open_database
    from supervisor_app.storage import copy_database

    cached = demo_cache_path(today)
    with temporary_folder("supervisor_app-demo-") as folder:
        target = folder / "demo.db"
        if cached.exists():
            shutil.copyfile(cached, target)
            db = open_database(target, remember=False)
        else:
            db = open_database(target, remember=False)
            with db.uow("demo") as uow:
                load_demo(uow, today=today)
            try:
                cached.parent.mkdir(parents=True, exist_ok=True)
                copy_database(target, cached)
                for old in cached.parent.glob("demo-*.db"):
                    if old != cached:
                        remove_file(old, delays=())
            except OSError:
                pass  # no cache folder: the next demo simply builds again
        try:
            yield db
        finally:
            db.close()
