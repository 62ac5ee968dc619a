"""The pure requirements arithmetic (services/requirements.py): summed minutes folded into
progress by a profile's rules, and the plain words for what is missing. No database."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from supervisor_app.services import board_rules
from supervisor_app.services.profile_registry import ProfileRegistry
from supervisor_app.services.profiles import GENERAL_DOMAIN
from supervisor_app.services.requirements import Sums, explain, fold

REGISTRY = ProfileRegistry.load()
PROFILES = list(REGISTRY)
TODAY = dt.date(2026, 3, 1)


@st.composite
def profiles_and_sums(draw: st.DrawFn) -> tuple:
    profile = draw(st.sampled_from(PROFILES))
    codes = [*profile.domain_codes, GENERAL_DOMAIN, "from-an-older-version"]
    supervisors = st.integers(1, 4)
    minutes = st.integers(1, 100 * 60)
    signed = draw(
        st.dictionaries(
            st.tuples(supervisors, st.sampled_from(["individual", "group"]), st.sampled_from(codes)),
            minutes,
            max_size=12,
        )
    )
    experience = draw(
        st.dictionaries(st.tuples(supervisors, st.sampled_from(codes), st.booleans()), minutes, max_size=12)
    )
    pending = draw(st.dictionaries(st.sampled_from(codes), st.integers(-600, 600), max_size=4))
    first = draw(st.dates(dt.date(2020, 1, 1), dt.date(2026, 2, 1)))
    last = draw(st.dates(first, dt.date(2026, 3, 1)))
    sums = Sums(
        sorted((sup, fmt, code, m) for (sup, fmt, code), m in signed.items()),
        sorted((code, m) for code, m in pending.items() if m),
        (len(signed), first, last) if signed else (0, None, None),
        sorted((sup, code, m, inside) for (sup, code, inside), m in experience.items()),
        [],
    )
    cutoff = board_rules.window_start(profile, TODAY)
    return profile, sums, cutoff


@settings(max_examples=200, deadline=None)
@given(profiles_and_sums())
def test_the_fold_never_counts_more_than_was_signed_nor_group_minutes_over_the_cap(case: tuple) -> None:
    profile, sums, cutoff = case
    result = fold(profile, sums, TODAY, cutoff)
    sup, exp = result.supervision, result.experience
    signed = sum(m for *_k, m in sums.signed)
    group = sum(m for _s, fmt, _c, m in sums.signed if fmt == "group")
    assert sup.signed_minutes == signed == result.individual_minutes + result.group_minutes
    assert result.group_minutes == group
    assert sup.counted_minutes <= sup.signed_minutes
    counted_group = sup.counted_minutes - result.individual_minutes
    assert 0 <= counted_group <= group
    cap = board_rules.group_cap_minutes(profile)
    if cap is not None:
        assert counted_group <= cap
        assert counted_group == min(group, cap)
    else:
        assert sup.counted_minutes == signed
    # Each supervisor's share of what counts adds up to the supervisee's counted total.
    assert sum(s.supervision_counted_minutes for s in result.supervisors) == sup.counted_minutes
    assert all(s.supervision_counted_minutes <= s.supervision_minutes for s in result.supervisors)
    # Experience: what ended before the window does not count; the rest does.
    experience = sum(m for _s, _c, m, _inside in sums.experience)
    outside = sum(m for _s, _c, m, inside in sums.experience if cutoff is not None and not inside)
    assert result.outside_window_minutes == outside
    assert exp.counted_minutes == exp.signed_minutes == experience - outside <= experience
    assert sum(d.signed_minutes for d in sup.domains.values()) == sup.signed_minutes
    assert sum(d.pending_minutes for d in sup.domains.values()) == sup.pending_minutes
    if sums.sessions[1] is not None:
        assert result.span_months >= 0 and result.first_session == sums.sessions[1]


@settings(max_examples=100, deadline=None)
@given(profiles_and_sums())
def test_the_explanation_names_what_is_missing_exactly_when_a_part_falls_short(case: tuple) -> None:
    profile, sums, cutoff = case
    result = fold(profile, sums, TODAY, cutoff)
    explain(result, today=TODAY, cutoff=cutoff)
    sup, exp = result.supervision, result.experience
    short = any(line.startswith("Supervision needs ") for line in result.unmet)
    assert short == (sup.counted_minutes < sup.required_minutes)
    short = any(line.startswith("Supervised experience needs ") for line in result.unmet)
    assert short == (exp.counted_minutes < exp.required_minutes)
    assert result.eligible == (not result.unmet)
    # Every group-cap or window reason is also a note.
    assert set(result.supervision_reasons + result.experience_reasons) <= set(result.notes)


def test_enough_signed_minutes_in_every_domain_over_the_span_meet_the_crss() -> None:
    crss = REGISTRY.get("CRSS")
    sup_rules, exp_rules = crss.supervision, crss.experience
    per_domain = max(
        sup_rules.domain_min_minutes.value, sup_rules.total_minutes.value // len(crss.domains) + 60
    )
    experience = max(
        exp_rules.domain_min_minutes.value, exp_rules.total_minutes.value // len(crss.domains) + 60
    )
    sums = Sums(
        [(1, "individual", code, per_domain) for code in crss.domain_codes],
        [],
        (40, dt.date(2024, 1, 8), dt.date(2025, 12, 29)),
        [(1, code, experience, True) for code in crss.domain_codes],
        [],
    )
    cutoff = board_rules.window_start(crss, TODAY)
    result = fold(crss, sums, TODAY, cutoff, supervisee_id=7, supervisee_name="Ana")
    explain(result, today=TODAY, cutoff=cutoff)
    assert result.unmet == [] and result.eligible
    assert (result.supervisee_id, result.supervisee_name, result.span_months) == (7, "Ana", 23)

    # The same minutes, all signed in groups: only the capped share counts, and it says why.
    grouped = Sums(
        [(1, "group", c, m) for _s, _f, c, m in sums.signed], [], sums.sessions, sums.experience, []
    )
    result = fold(crss, grouped, TODAY, cutoff)
    explain(result, today=TODAY, cutoff=cutoff)
    cap = board_rules.group_cap_minutes(crss)
    assert cap is not None and cap < result.group_minutes  # the CRSS counts half in groups
    assert result.supervision.counted_minutes == cap
    assert any("group hours count" in note for note in result.notes)
    assert any(line.startswith("Supervision needs ") for line in result.unmet)


def test_the_requirements_module_imports_no_database() -> None:
    import subprocess
    import sys

    code = (
        "import sys; import supervisor_app.services.requirements; "
        "bad = [m for m in sys.modules if m.startswith(('sqlalchemy', 'PySide6'))]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
