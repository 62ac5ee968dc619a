"""The rules as the boards state them, each with its source in the profile: the LCPC's
modalities, individual supervision of 1-2 counselors, weekly supervision, direct-service
minimum and yearly cap; what counts (group cap, window) computed once for progress, the
statement and the form. Refusals leave the database as it was."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from conftest import PASSWORD, TODAY, snapshot, tamper
from supervisor_app.db import Database
from supervisor_app.services import board_rules, people, records
from supervisor_app.services.errors import DomainError
from supervisor_app.services.profile_registry import ProfileRegistry
from supervisor_app.services.profiles import ProfileError, Rule, load_profile
from supervisor_app.services.progress import compute_progress
from supervisor_app.usecases import signing

D = dt.date
REGISTRY = ProfileRegistry.load()
LCPC, CRSS, CPRS, CADC, QMHP = (REGISTRY.get(c) for c in ("LCPC", "CRSS", "CPRS", "CADC", "QMHP"))
DAY = dt.timedelta(days=1)


# --------------------------------------------------------------------------------------------
# The profiles carry each rule with its source


def test_the_lcpc_profile_states_the_rules_of_68_iac_1375() -> None:
    sup, exp = LCPC.supervision, LCPC.experience
    assert sup.counted_modalities is not None and sup.counted_modalities.value == ("in-person", "video")
    assert "phone or e-mail" in sup.counted_modalities.source and not sup.counted_modalities.verify
    assert sup.individual_max == 2 and "1 or 2 counselors" in sup.individual_max_supervisees.source  # type: ignore[union-attr]
    assert sup.weekly_min_minutes is not None and sup.weekly_min_minutes.value == 60
    assert "1375.130" in sup.weekly_min_minutes.source
    assert exp.yearly_cap_minutes is not None and exp.yearly_cap_minutes.value == 1680 * 60
    # Rule text and summaries differ on direct service: the rule's figure, flagged.
    assert exp.domain_minimums is not None and exp.domain_minimums.value == {"direct-service": 1920 * 60}
    assert exp.domain_minimums.verify and "50%" in exp.domain_minimums.note
    assert exp.minimum_for("direct-service") == 1920 * 60 and exp.minimum_for("other-clinical") == 0
    assert ("experience minimum by area", exp.domain_minimums) in LCPC.unconfirmed_rules()


def test_the_rule_132_practicum_profile() -> None:
    assert QMHP.name.startswith("Qualified Mental Health Professional")
    assert "59 Ill. Adm. Code 132" in QMHP.board
    assert QMHP.experience.total_minutes.value == 1000 * 60 and QMHP.experience.total_minutes.verify
    assert "Qualified Mental Health Professional under 59 Ill. Adm. Code 132" in QMHP.attestation.statement
    assert [d.label for d in QMHP.domains] == ["Direct mental health services", "Other practicum activities"]


@pytest.mark.parametrize("profile", [CRSS, CPRS, CADC])
def test_the_icb_profiles_state_no_lcpc_rule(profile) -> None:  # type: ignore[no-untyped-def]
    assert profile.supervision.counted_modalities is None
    assert profile.supervision.individual_max == 1
    assert profile.supervision.weekly_min_minutes is None
    assert profile.experience.yearly_cap_minutes is None and profile.experience.domain_minimums is None


@pytest.mark.parametrize("profile", list(REGISTRY), ids=lambda p: p.code)
def test_no_doubt_is_in_what_the_form_prints_from_a_profile(profile) -> None:  # type: ignore[no-untyped-def]
    """The title, the statement and the form notes go to the board; doubts go to verify_notes."""
    for text in (profile.attestation.title, profile.attestation.statement, *profile.attestation.notes):
        assert "verify" not in text.lower() and "confirm" not in text.lower(), text


BAD_RULES = [
    (
        "supervision",
        'counted_modalities = { value = ["fax"], source = "x" }',
        "counted_modalities.value",
        "unknown: fax",
    ),
    (
        "supervision",
        'counted_modalities = { value = [], source = "x" }',
        "counted_modalities.value",
        "at least one",
    ),
    (
        "supervision",
        'individual_max_supervisees = { value = 0, source = "x" }',
        "individual_max_supervisees.value",
        "at least 1",
    ),
    (
        "supervision",
        'weekly_min_hours = { value = "one", source = "x" }',
        "weekly_min_hours.value",
        "must be",
    ),
    (
        "experience",
        'domain_min_hours_by_area = { value = { nowhere = 5 }, source = "x" }',
        "nowhere",
        "not one of",
    ),
    (
        "experience",
        'domain_min_hours_by_area = { value = { direct-service = -1 }, source = "x" }',
        "direct-service",
        "0 or more",
    ),
    ("experience", 'yearly_cap_hours = { value = 0, source = "x" }', "yearly_cap_hours.value", "more than 0"),
    ("experience", 'yearly_cap_hour = { value = 1680, source = "x" }', "yearly_cap_hour", "unknown key"),
]


@pytest.mark.parametrize(("table", "line", "key", "message"), BAD_RULES)
def test_a_broken_board_rule_is_refused_naming_the_key(
    tmp_path: Path, table: str, line: str, key: str, message: str
) -> None:
    text = Path(LCPC.path).read_text(encoding="utf-8")
    for name in (
        "counted_modalities",
        "individual_max_supervisees",
        "weekly_min_hours",
        "yearly_cap_hours",
        "domain_min_hours_by_area",
    ):
        text = "\n".join(row for row in text.splitlines() if not row.startswith(f"{name} ="))
    text = text.replace(f"[{table}]\n", f"[{table}]\n{line}\n", 1)
    path = tmp_path / "lcpc.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert key in caught.value.key and message in caught.value.message


# --------------------------------------------------------------------------------------------
# What counts: one set of functions


def _cap(profile, fraction):  # type: ignore[no-untyped-def]
    sup = dataclasses.replace(
        profile.supervision, group_cap_fraction=Rule(fraction, "test") if fraction else None
    )
    return dataclasses.replace(profile, supervision=sup)


@pytest.mark.parametrize(
    ("fraction", "individual", "group", "counted", "reason"),
    [
        (0.5, 3000, 3000, 6000, ""),  # exactly the cap (50% of 100 h = 50 h)
        (0.5, 3000, 3060, 6000, "Only 50.00 group hours count (50% cap); 51.00 were signed."),
        (0.5, 0, 9000, 3000, "Only 50.00 group hours count"),
        (None, 0, 9000, 9000, ""),  # no cap
        (0.25, 6000, 1800, 7500, "Only 25.00 group hours count (25% cap); 30.00 were signed."),
    ],
)
def test_counted_supervision(fraction, individual, group, counted, reason) -> None:  # type: ignore[no-untyped-def]
    result = board_rules.counted_supervision(_cap(CRSS, fraction), individual, group)
    assert (result.signed_minutes, result.counted_minutes) == (individual + group, counted)
    assert (result.reasons[0] if result.reasons else "").startswith(reason)
    assert result.differs == bool(reason)


Y = 1680 * 60


@pytest.mark.parametrize(
    ("entries", "excess"),
    [
        ([], 0),
        ([(D(2024, 1, 1), Y)], 0),
        ([(D(2024, 1, 1), Y), (D(2024, 6, 1), 60)], 60),  # one hour over in the first year
        ([(D(2024, 1, 1), Y), (D(2025, 1, 1), 60)], 0),  # the second year starts on the anniversary
        ([(D(2024, 1, 1), Y), (D(2024, 12, 31), 60), (D(2025, 1, 1), Y + 120)], 180),
        ([(D(2025, 3, 1), 600), (D(2024, 3, 1), Y + 1)], 1),  # order does not matter
    ],
)
def test_the_lcpc_yearly_cap(entries, excess) -> None:  # type: ignore[no-untyped-def]
    assert board_rules.yearly_excess(LCPC, entries) == excess
    assert board_rules.yearly_excess(CRSS, entries) == 0  # no cap for the CRSS


@pytest.mark.parametrize(
    ("profile", "today", "entries", "counted", "why"),
    [
        (
            CRSS,
            D(2026, 6, 1),
            [(D(2021, 1, 1), D(2021, 2, 1), 600), (D(2026, 1, 1), D(2026, 2, 1), 900)],
            900,
            "ended before 2022-06-01",
        ),
        (CRSS, D(2026, 6, 1), [(D(2022, 5, 1), D(2022, 6, 1), 600)], 600, ""),  # ends on the cutoff: counts
        (LCPC, D(2030, 1, 1), [(D(2020, 1, 6), D(2020, 12, 31), Y + 600)], Y, "over the 1,680.00 hours"),
        (LCPC, D(2030, 1, 1), [(D(2020, 1, 6), D(2020, 12, 31), Y)], Y, ""),  # no window for the LCPC
    ],
)
def test_counted_experience(profile, today, entries, counted, why) -> None:  # type: ignore[no-untyped-def]
    result = board_rules.counted_experience(profile, entries, today=today)
    assert result.counted_minutes == counted
    assert why in " ".join(result.reasons) and bool(result.reasons) == bool(why)


MON = D(2026, 1, 5)  # a Monday


@pytest.mark.parametrize(
    ("sessions", "periods", "gaps"),
    [
        ([(MON, 60), (MON + 7 * DAY, 60)], [(MON, MON + 13 * DAY)], []),
        ([(MON, 45), (MON + 7 * DAY, 60)], [(MON, MON + 13 * DAY)], [MON]),  # 45 minutes is short
        ([(MON, 30), (MON + 4 * DAY, 30)], [(MON, MON + 6 * DAY)], []),  # two halves make the hour
        ([(MON + 6 * DAY, 60)], [(MON, MON + 13 * DAY)], [MON + 7 * DAY]),  # Sunday is in the week
        ([(MON, 60)], [(MON + 2 * DAY, MON + 16 * DAY)], [MON + 7 * DAY, MON + 14 * DAY]),
        (
            [(MON, 60), (MON + 21 * DAY, 60)],
            [],
            [MON + 7 * DAY, MON + 14 * DAY],
        ),  # no experience: the sessions' span
        ([], [], []),
    ],
)
def test_weekly_supervision_gaps(sessions, periods, gaps) -> None:  # type: ignore[no-untyped-def]
    assert board_rules.weekly_gaps(LCPC, sessions, periods) == gaps
    assert board_rules.weekly_gaps(CRSS, sessions, periods) == []  # not an ICB rule


@pytest.mark.parametrize(
    ("profile", "short"),
    [(CRSS, "ICB"), (LCPC, "IDFPR"), (QMHP, "Rule 132")],
)
def test_notes_name_the_board_to_verify_with(profile, short) -> None:  # type: ignore[no-untyped-def]
    assert board_rules.board_short_name(profile) == short


# --------------------------------------------------------------------------------------------
# LCPC refusals at entry and at signing, the database unchanged


@pytest.fixture
def lcpc(db: Database) -> tuple[Database, int, list[int]]:
    with db.uow("test") as uow:
        supervisor = people.add_supervisor(
            uow,
            name="Dana Whitaker",
            credentials="LCPC",
            license_type="LCPC",
            license_number="180.1",
            password=PASSWORD,
        )
        ids = [
            people.add_supervisee(
                uow,
                name=f"Counselor {n}",
                credential="LCPC",
                start_date=TODAY - 400 * DAY,
                supervisor_id=supervisor.id,
            ).id
            for n in range(6)
        ]
        uow.commit()
    return db, supervisor.id, ids


def _session(supervisor: int, who: list[int], **overrides):  # type: ignore[no-untyped-def]
    fields = dict(
        supervisor_id=supervisor,
        supervisee_ids=who,
        date=TODAY - 3 * DAY,
        start="09:00",
        minutes=60,
        format="individual",
        modality="in-person",
        allocations={"direct-service": 60},
    )
    fields.update(overrides)
    return fields


ENTRY_CASES = [
    # (format, how many supervisees, modality, refused with these words, on this field)
    ("individual", 1, "in-person", None, None),
    ("individual", 1, "video", None, None),
    ("individual", 1, "phone", "LCPC supervision by phone does not count", "modality"),
    ("group", 3, "phone", "LCPC supervision by phone does not count", "modality"),
    ("individual", 2, "in-person", None, None),  # 1-2 counselors with one supervisor: individual
    ("individual", 3, "in-person", "at most 2 supervisees", "supervisees"),
    ("group", 2, "in-person", "one supervisor with 2 supervisees is individual supervision", "format"),
    ("group", 3, "video", None, None),
    ("group", 5, "in-person", None, None),
    ("group", 6, "in-person", "at most 5 supervisees", "supervisees"),
]


@pytest.mark.parametrize(("fmt", "count", "modality", "refusal", "field"), ENTRY_CASES)
def test_lcpc_sessions_at_entry(lcpc, fmt, count, modality, refusal, field) -> None:  # type: ignore[no-untyped-def]
    db, supervisor, ids = lcpc
    before = snapshot(db)
    with db.uow("test") as uow:
        fields = _session(supervisor, ids[:count], format=fmt, modality=modality)
        if refusal is None:
            records.add_session(uow, **fields)
            uow.commit()
            assert snapshot(db) != before
            return
        with pytest.raises(DomainError) as caught:
            records.add_session(uow, **fields)
    assert refusal in caught.value.message and caught.value.field == field
    assert snapshot(db) == before


def test_crss_phone_supervision_still_counts(world) -> None:  # type: ignore[no-untyped-def]
    from conftest import session_fields

    with world.uow() as uow:
        records.add_session(uow, **session_fields(world, modality="phone"))
        uow.commit()


def test_an_lcpc_phone_session_is_refused_at_signing_and_nothing_changes(lcpc) -> None:  # type: ignore[no-untyped-def]
    db, supervisor, ids = lcpc
    with db.uow("test") as uow:
        kept = records.add_session(uow, **_session(supervisor, ids[:1], start="08:00")).id
        phoned = records.add_session(uow, **_session(supervisor, ids[:1], start="11:00")).id
        uow.commit()
    # Entered as video; the record says phone by the time it is signed (an edit from another
    # tool, or a profile the agency changed since): signing re-checks the board's rule.
    tamper(db.path, "UPDATE supervision_session SET modality = 'phone' WHERE id = :id", id=phoned)
    before = snapshot(db)
    with db.uow("test") as uow, pytest.raises(DomainError) as caught:
        signing.sign(uow, supervisor_id=supervisor, password=PASSWORD, record_ids=[kept, phoned])
    assert f"Record {phoned[:8]}" in caught.value.message
    assert "LCPC supervision by phone does not count" in caught.value.message
    # The same refusal as at entry, put in context: its code survives, the record is a param.
    assert caught.value.code == "records.modality_not_counted" and caught.value.params["record"] == phoned
    assert snapshot(db) == before  # all or none: the in-person session is not signed either
    with db.uow("test") as uow:
        signing.sign(uow, supervisor_id=supervisor, password=PASSWORD, record_ids=[kept])


# --------------------------------------------------------------------------------------------
# Progress: the LCPC's weekly supervision, direct-service minimum and yearly cap


def test_lcpc_progress_reports_the_board_rules(db: Database) -> None:
    import board_worlds

    built = board_worlds.build(db, "LCPC", today=TODAY, weeks=60)
    with db.uow("test") as uow:
        progress = compute_progress(uow, supervisee_id=built.supervisee, today=TODAY)
    data = progress.to_json()
    exp = progress.experience
    assert exp.domains["direct-service"].required_minutes == 1920 * 60
    signed_direct = exp.domains["direct-service"].signed_minutes
    assert (
        f"Direct face-to-face service needs {(1920 * 60 - signed_direct) / 60:,.2f} more experience hours."
        in progress.unmet
    )
    # The first year's entries are over 1,680 h: the excess does not count, and JSON says so.
    assert exp.counted_minutes < exp.signed_minutes
    assert data["experience"]["counted_minutes"] == exp.counted_minutes
    assert any("over the 1,680.00 hours one year" in note for note in data["notes"])
    # The weeks left without supervision, as gaps.
    assert data["weekly_gaps"] == [w.isoformat() for w in built.gap_weeks]
    assert any(
        note.startswith("3 weeks of the experience had less than 1.00 hours") for note in data["notes"]
    )
    assert any(note.startswith("Verify with IDFPR:") for note in data["notes"])


def test_phone_supervision_signed_before_the_rule_is_shown_not_counted(
    db_path: Path, empty_template: Path, _isolated_data_dir: Path
) -> None:
    """An agency that signed LCPC phone supervision under its own profile, then dropped the
    override: the sessions stay on the log, and form, statement and JSON leave them out alike."""
    import shutil

    from supervisor_app.db import open_database
    from supervisor_app.services import attestation

    shutil.copy(empty_template, db_path)
    override = _isolated_data_dir / "credentials" / "lcpc.toml"
    override.parent.mkdir(parents=True, exist_ok=True)
    text = Path(LCPC.path).read_text(encoding="utf-8")
    override.write_text(
        "\n".join(row for row in text.splitlines() if not row.startswith("counted_modalities =")),
        encoding="utf-8",
    )
    db = open_database(db_path)
    try:
        with db.uow("test") as uow:
            supervisor = people.add_supervisor(
                uow, name="Dana Whitaker", credentials="LCPC", password=PASSWORD
            )
            who = people.add_supervisee(
                uow,
                name="Ana Example",
                credential="LCPC",
                start_date=TODAY - 60 * DAY,
                supervisor_id=supervisor.id,
            )
            for days, modality in ((20, "phone"), (13, "in-person"), (6, "video")):
                records.add_session(
                    uow, **_session(supervisor.id, [who.id], date=TODAY - days * DAY, modality=modality)
                )
            records.add_experience(
                uow,
                supervisor_id=supervisor.id,
                supervisee_id=who.id,
                period_start=TODAY - 22 * DAY,
                period_end=TODAY - 2 * DAY,
                allocations={"direct-service": 600},
            )
            uow.commit()
            signing.sign(uow, supervisor_id=supervisor.id, password=PASSWORD, record_ids=None)
    finally:
        db.close()
    override.unlink()
    db = open_database(db_path)
    try:
        with db.uow("test") as uow:
            progress = compute_progress(uow, supervisee_id=who.id, today=TODAY)
            form = attestation.prepare_verification(
                uow, supervisee_id=who.id, supervisor_id=supervisor.id, today=TODAY
            )
            statement = attestation.prepare_statement(uow, supervisee_id=who.id, today=TODAY)
    finally:
        db.close()
    assert progress.supervision.signed_minutes == form.supervision_minutes == 180  # all three shown
    assert progress.supervision.counted_minutes == form.counted_supervision_minutes == 120
    assert statement.supervision.counted_minutes == 120
    reason = "1.00 signed supervision hours were given in a way that does not count"
    assert progress.supervision_reasons[0].startswith(reason) and reason in form.counted_reasons[0]
    assert statement.supervision_reasons == tuple(progress.supervision_reasons)
    assert [e.modality for e in form.log] == ["phone", "in-person", "video"]
    # The phone week is a week of the experience without supervision that counts.
    assert _monday(TODAY - 20 * DAY) in progress.weekly_gaps


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def test_the_agency_list_applies_the_board_rules_as_the_detail_page_does(db: Database) -> None:
    """An LCPC counselor whose first year is over the 1,680-hour cap and whose direct-service
    minimum is not met: the supervisee list says what their page says, not the bare sums."""
    import board_worlds

    from supervisor_app.services.overview import supervisee_summaries

    built = board_worlds.build(db, "LCPC", today=TODAY, weeks=60)
    with db.uow("test") as uow:
        page = compute_progress(uow, supervisee_id=built.supervisee, today=TODAY)
        [listed] = supervisee_summaries(uow, supervisee_ids=[built.supervisee], today=TODAY)
    assert page.experience.counted_minutes < page.experience.signed_minutes  # the cap applies
    assert listed.experience_counted_minutes == page.experience.counted_minutes
    assert listed.supervision_counted_minutes == page.supervision.counted_minutes
    assert listed.unmet == list(page.unmet)
    assert any("Direct face-to-face service" in line for line in listed.unmet)
