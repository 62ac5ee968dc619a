"""Credential profiles: the shipped TOML files load, carry their sources, and broken files are
refused with a ProfileError naming the file and the key."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from supervisor_app.services.profile_registry import ProfileRegistry, shipped_profiles_dir
from supervisor_app.services.profiles import ProfileError, Rule, load_profile

CRSS_TEXT = (shipped_profiles_dir() / "crss.toml").read_text(encoding="utf-8")


def _all_rules(profile) -> list[tuple[str, Rule]]:
    """Every Rule of a profile, named section.field."""
    rules = []
    for section in ("supervision", "experience"):
        requirement = getattr(profile, section)
        for f in dataclasses.fields(requirement):
            rule = getattr(requirement, f.name)
            if rule is not None:
                rules.append((f"{section}.{f.name}", rule))
    return rules


def _broken(text: str, old: str, new: str) -> str:
    """Replace exactly one occurrence, so a case cannot silently break nothing."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in crss.toml"
    return text.replace(old, new)


# --------------------------------------------------------------------------------------------
# Shipped profiles


def test_shipped_profiles_load():
    registry = ProfileRegistry.load()
    assert {"CRSS", "CPRS", "CADC", "LCPC"} <= set(registry.codes())
    for code in ("CRSS", "CPRS", "CADC", "LCPC"):
        assert code in registry
        profile = registry.get(code)
        assert profile.code == code
        assert profile.overridden is False
        assert profile.version == "2026-01"
        assert str(profile.effective) == "2026-01-01"
        assert profile.supervision.minute_increment.value == 15


def test_crss_domains_and_figures():
    crss = ProfileRegistry.load().get("CRSS")
    assert crss.domain_codes == (
        "advocacy",
        "professional-responsibility",
        "mentoring",
        "recovery-support",
    )
    assert crss.supervision.total_minutes.value == 6000
    assert crss.experience.total_minutes.value == 120000
    assert crss.attestation.show_recovery_support_51 is True


def test_cprs_cadc_lcpc_figures():
    registry = ProfileRegistry.load()
    cprs = registry.get("CPRS")
    assert cprs.domain_codes == (
        "advocacy",
        "mentoring-education",
        "recovery-wellness-support",
        "ethical-responsibility",
    )
    assert cprs.supervision.total_minutes.value == 25 * 60
    assert cprs.experience.total_minutes.value == 500 * 60
    assert cprs.attestation.show_recovery_support_51 is True

    cadc = registry.get("CADC")
    assert len(cadc.domains) == 12
    assert cadc.domain_codes[0] == "screening"
    assert "reports-record-keeping" in cadc.domain_codes
    assert cadc.supervision.total_minutes.value == 150 * 60
    assert cadc.supervision.domain_min_minutes.value == 10 * 60
    assert cadc.experience.total_minutes.value == 4000 * 60
    assert cadc.attestation.show_recovery_support_51 is False

    lcpc = registry.get("LCPC")
    assert lcpc.domain_codes == ("direct-service", "other-clinical")
    assert lcpc.label("direct-service") == "Direct face-to-face service"
    assert lcpc.experience.total_minutes.value == 3360 * 60
    assert lcpc.supervision.max_group_size is not None
    assert lcpc.supervision.max_group_size.value == 5
    assert lcpc.supervision.min_span_months.value == 24
    assert lcpc.attestation.show_recovery_support_51 is False


def test_peer_credentials_do_not_allow_general():
    registry = ProfileRegistry.load()
    for code in ("CRSS", "CPRS", "CADC"):
        profile = registry.get(code)
        assert profile.supervision.allow_general.value is False
        assert profile.supervision.cover_every_domain.value is True
        assert profile.supervision.min_span_months.value == 12


def test_every_rule_has_a_source():
    for profile in ProfileRegistry.load():
        assert profile.sources
        assert profile.education.source.strip()
        for name, rule in _all_rules(profile):
            assert isinstance(rule.source, str) and rule.source.strip(), (profile.code, name)


def test_unconfirmed_figures_are_reported():
    registry = ProfileRegistry.load()
    reported = {p.code: dict(p.unconfirmed_rules()) for p in registry}

    # CRSS: the 100 h / 2,000 h are confirmed; the per-domain minimum and window are not.
    assert "supervision total" not in reported["CRSS"]
    assert "experience total" not in reported["CRSS"]
    assert {"supervision per domain", "experience window"} <= set(reported["CRSS"])

    # CPRS ships the IC&RC minimum, marked as such.
    for name in ("supervision total", "experience total"):
        rule = reported["CPRS"][name]
        assert rule.verify is True
        assert rule.note == "Illinois figures not confirmed; IC&RC minimum shipped"

    assert {"supervision total", "supervision per domain", "experience total"} <= set(reported["CADC"])
    assert {"supervision total", "supervision span"} <= set(reported["LCPC"])
    assert "experience total" not in reported["LCPC"]
    assert "group size" not in reported["LCPC"]

    for profile in registry:
        assert profile.has_unconfirmed
        # Every reported rule really is marked verify = true.
        assert all(rule.verify for _, rule in profile.unconfirmed_rules())
        # New profiles explain every unconfirmed figure.
        if profile.code != "CRSS":
            for name, rule in _all_rules(profile):
                if rule.verify:
                    assert rule.note.strip(), (profile.code, name)


def test_verify_flag_in_a_file_is_reported(tmp_path: Path):
    path = tmp_path / "crss.toml"
    path.write_text(
        _broken(
            CRSS_TEXT,
            'total_hours = { value = 100, source = "Copeland Center (Illinois); NIAPP FAQ: '
            '100 hours of documented supervision" }',
            'total_hours = { value = 100, source = "x", verify = true, note = "check" }',
        ),
        encoding="utf-8",
    )
    names = [name for name, _ in load_profile(path).unconfirmed_rules()]
    assert "supervision total" in names


# --------------------------------------------------------------------------------------------
# User overrides


def test_user_file_overrides_shipped_profile(tmp_path: Path):
    user_dir = tmp_path / "credentials"
    user_dir.mkdir()
    override = user_dir / "agency-crss.toml"
    override.write_text(
        _broken(CRSS_TEXT, "total_hours = { value = 100,", "total_hours = { value = 120,"),
        encoding="utf-8",
    )

    registry = ProfileRegistry.load(user_dir=user_dir)
    crss = registry.get("crss")
    assert crss.overridden is True
    assert crss.path == str(override)
    assert crss.supervision.total_minutes.value == 120 * 60
    # The other shipped profiles are untouched.
    for code in ("CPRS", "CADC", "LCPC"):
        assert registry.get(code).overridden is False


def test_missing_user_dir_is_ignored(tmp_path: Path):
    registry = ProfileRegistry.load(user_dir=tmp_path / "does-not-exist")
    assert registry.get("CRSS").overridden is False


def test_unknown_code_names_known_codes():
    with pytest.raises(KeyError, match="CRSS"):
        ProfileRegistry.load().get("XYZ")


# --------------------------------------------------------------------------------------------
# Broken files

BROKEN = [
    # (id, old text, new text, key named in the error)
    ("invalid-toml", 'code = "CRSS"', 'code = "CRSS', "(file)"),
    ("missing-code", 'code = "CRSS"\n', "", "code"),
    ("lower-case-code", 'code = "CRSS"', 'code = "crss"', "code"),
    (
        "missing-supervision-total",
        'total_hours = { value = 100, source = "Copeland Center (Illinois); NIAPP FAQ: '
        '100 hours of documented supervision" }\n',
        "",
        "supervision.total_hours",
    ),
    (
        "negative-value",
        "min_span_months = { value = 12,",
        "min_span_months = { value = -12,",
        "supervision.min_span_months.value",
    ),
    (
        "string-for-number",
        "total_hours = { value = 100,",
        'total_hours = { value = "100",',
        "supervision.total_hours.value",
    ),
    (
        "bool-for-number",
        "total_hours = { value = 2000,",
        "total_hours = { value = true,",
        "experience.total_hours.value",
    ),
    (
        "float-for-whole-number",
        "max_group_size = { value = 8,",
        "max_group_size = { value = 8.5,",
        "supervision.max_group_size.value",
    ),
    (
        "duplicate-domain",
        'code = "mentoring"',
        'code = "advocacy"',
        "domains[2].code",
    ),
    ("reserved-domain", 'code = "advocacy"', 'code = "general"', "domains[0].code"),
    (
        "upper-case-domain",
        'code = "recovery-support"',
        'code = "Recovery-Support"',
        "domains[3].code",
    ),
    (
        "group-cap-over-one",
        "group_cap_fraction = { value = 0.5,",
        "group_cap_fraction = { value = 1.5,",
        "supervision.group_cap_fraction.value",
    ),
    (
        "group-of-one",
        "max_group_size = { value = 8,",
        "max_group_size = { value = 1,",
        "supervision.max_group_size.value",
    ),
    (
        "zero-increment",
        "minute_increment = { value = 15,",
        "minute_increment = { value = 0,",
        "supervision.minute_increment.value",
    ),
    (
        "empty-sources",
        CRSS_TEXT[CRSS_TEXT.index("sources = [") : CRSS_TEXT.index("verify_notes")],
        "sources = []\n",
        "sources",
    ),
    (
        "empty-rule-source",
        'domain_min_hours = { value = 0, source = "no per-domain experience minimum published" }',
        'domain_min_hours = { value = 0, source = "  " }',
        "experience.domain_min_hours.source",
    ),
    (
        "missing-rule-source",
        'cover_every_domain = { value = true, source = "NIAPP FAQ: supervision must cover '
        'the performance domains" }',
        "cover_every_domain = { value = true }",
        "supervision.cover_every_domain.source",
    ),
    ("bad-effective-date", "effective = 2026-01-01", 'effective = "2026-01-01"', "effective"),
    ("misnamed-education", "[education]\n", "[education_]\n", "education_"),
    (
        "missing-education",
        "[education]\ntotal_hours",
        "[education_x.y]\ntotal_hours",
        "education_x",
    ),
    (
        "notes-not-text",
        "\nnotes = []\n",
        "\nnotes = [3]\n",
        "attestation.notes",
    ),
]

NAN_CASE = pytest.param(
    "nan-hours",
    "total_hours = { value = 100,",
    "total_hours = { value = nan,",
    "supervision.total_hours.value",
    id="nan-hours",
)
MISSPELT_CASE = pytest.param(
    "misspelt-key",
    "cover_every_domain = { value = true,",
    "cover_every_domain = { value = true, verfy = true,",
    "supervision.cover_every_domain.verfy",
    id="misspelt-key",
)


@pytest.mark.parametrize(
    ("case", "old", "new", "key"),
    [pytest.param(*case, id=case[0]) for case in BROKEN] + [NAN_CASE, MISSPELT_CASE],
)
def test_broken_profile_is_refused(tmp_path: Path, case: str, old: str, new: str, key: str):
    path = tmp_path / f"{case}.toml"
    path.write_text(_broken(CRSS_TEXT, old, new), encoding="utf-8")

    with pytest.raises(ProfileError) as caught:
        load_profile(path)

    error = caught.value
    assert error.key == key
    assert error.path == str(path)
    assert str(path) in str(error)
    assert key in str(error)


def test_broken_user_file_is_refused_by_registry(tmp_path: Path):
    user_dir = tmp_path / "credentials"
    user_dir.mkdir()
    path = user_dir / "crss.toml"
    path.write_text(_broken(CRSS_TEXT, 'code = "CRSS"\n', ""), encoding="utf-8")

    with pytest.raises(ProfileError) as caught:
        ProfileRegistry.load(user_dir=user_dir)
    assert caught.value.key == "code"
    assert str(path) in str(caught.value)


# --------------------------------------------------------------------------------------------
# One registry of rules (profiles.RULES)


def test_every_rule_of_every_shipped_profile_is_in_the_registry() -> None:
    import tomllib

    from supervisor_app.services.profile_registry import shipped_profiles_dir
    from supervisor_app.services.profiles import RULES

    known = {(spec.part, spec.key) for spec in RULES}
    files = sorted(shipped_profiles_dir().glob("*.toml"))
    assert files
    for path in files:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for part in ("supervision", "experience"):
            for key in data[part]:
                assert (part, key) in known, (path.name, part, key)
    # Each entry names a field of its requirement, once; notes name each rule differently.
    for spec in RULES:
        for profile in ProfileRegistry.load():
            spec.of(profile)  # the field exists
    assert len({(s.part, s.attr) for s in RULES}) == len(RULES)
    assert len({s.name for s in RULES}) == len(RULES)
