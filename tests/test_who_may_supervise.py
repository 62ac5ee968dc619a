"""Who may supervise (issue 18): each profile's qualifying credentials, the refusal at signing
with the database unchanged, the agency's added kinds, the 60-day warning in Due, the CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import delete

from supervisor_app.cli import main
from supervisor_app.models import PersonCredential
from supervisor_app.services import due, people, qualification, records
from supervisor_app.services.errors import DomainError
from supervisor_app.services.person_credentials import Person, add_credential
from supervisor_app.services.profile_registry import ProfileRegistry, shipped_profiles_dir
from supervisor_app.services.profiles import ProfileError, load_profile
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, TODAY, World, session_fields, snapshot

DAY = dt.timedelta(days=1)
RECORD_DAY = TODAY - 10 * DAY


def _only(world: World, supervisor_id: int, *credentials: dict, agency_kinds: str = "") -> None:  # type: ignore[type-arg]
    """Replace the supervisor's recorded credentials with these, and the agency's added kinds."""
    with world.uow() as uow:
        uow.session.execute(delete(PersonCredential).where(PersonCredential.supervisor_id == supervisor_id))
        for values in credentials:
            add_credential(uow, person=Person(supervisor_id=supervisor_id), **values)
        agency = people.agency_for(uow, supervisor_id=supervisor_id)
        assert agency is not None
        people.update_agency(
            uow,
            agency_id=agency.id,
            name=agency.name,
            address=agency.address,
            phone=agency.phone,
            supervisor_kinds=agency_kinds,
        )
        uow.commit()


def _pending_session(world: World, supervisee_id: int | None = None, **overrides) -> str:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        fields = session_fields(world, **{"date": RECORD_DAY, **overrides})
        if supervisee_id is not None:
            fields["supervisee_ids"] = [supervisee_id]
        record_id = records.add_session(uow, **fields).id
        uow.commit()
    return record_id


def _lcpc_supervisee(world: World) -> int:
    with world.uow() as uow:
        row = people.add_supervisee(
            uow,
            name="Lena Counselor",
            credential="LCPC",
            start_date=TODAY - 400 * DAY,
            supervisor_id=world.dana,
        )
        uow.commit()
        return row.id


CASES = [
    # id, credentials, agency kinds, LCPC supervisee?, refused with (None: signs)
    ("qualifies", [{"kind": "CRSS", "number": "5100", "expires_on": TODAY + 400 * DAY}], "", False, None),
    (
        "qualifies by its label, any case",
        [{"kind": "licensed clinical social worker", "number": "149.1"}],
        "",
        False,
        None,
    ),
    (
        "expired on the record's date",
        [{"kind": "LCPC", "number": "180.1", "issued_on": "2020-01-01", "expires_on": RECORD_DAY - DAY}],
        "",
        False,
        f"LCPC 180.1 expired on {(RECORD_DAY - DAY).isoformat()}: not held on {RECORD_DAY.isoformat()}",
    ),
    (
        "expires on the record's date: still held",
        [{"kind": "LCPC", "number": "180.1", "expires_on": RECORD_DAY}],
        "",
        False,
        None,
    ),
    (
        "not yet issued on the record's date",
        [{"kind": "CADC", "number": "C-1", "issued_on": RECORD_DAY + DAY}],
        "",
        False,
        f"CADC C-1 was issued only on {(RECORD_DAY + DAY).isoformat()}: not held on {RECORD_DAY.isoformat()}",
    ),
    (
        "wrong kind",
        [{"kind": "LSW", "number": "150.1"}],
        "",
        False,
        "credentials (LSW) do not qualify a CRSS supervisor; one of CRSS, CPRS, CADC, LCPC",
    ),
    ("agency-added kind", [{"kind": "LSW", "number": "150.1"}], "lsw, CCS", False, None),
    (
        "the LCPC's list is set by rule: an agency's kind does not count",
        [{"kind": "LSW", "number": "150.1"}],
        "LSW",
        True,
        "do not qualify a LCPC supervisor; one of LCPC, LCSW, LMFT, clinical psychologist, psychiatrist",
    ),
    (
        "LCPC supervised by a CRSS: wrong kind",
        [{"kind": "CRSS", "number": "5100"}],
        "",
        True,
        "credentials (CRSS) do not qualify a LCPC supervisor",
    ),
    ("LCPC supervised by an LMFT", [{"kind": "lmft", "number": "M-9"}], "", True, None),
]


@pytest.mark.parametrize(
    ("credentials", "agency_kinds", "lcpc", "refused"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_who_may_supervise_a_record_on_its_date(
    world: World,
    credentials: list[dict],  # type: ignore[type-arg]
    agency_kinds: str,
    lcpc: bool,
    refused: str | None,
) -> None:
    _only(world, world.dana, *credentials, agency_kinds=agency_kinds)
    if lcpc:
        record_id = _pending_session(world, _lcpc_supervisee(world), allocations={"direct-service": 60})
    else:
        record_id = _pending_session(world)
    before = snapshot(world.db)
    with world.uow() as uow:
        if refused is None:
            result = signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[record_id])
            assert result.signed == [record_id] and result.warnings == ()
            return
        with pytest.raises(DomainError) as caught:
            signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[record_id])
    message = str(caught.value)
    assert message.startswith(
        f"Session {record_id[:8]} of {RECORD_DAY.isoformat()} cannot be signed: Dana Whitaker"
    )
    assert refused in message
    assert "File > Training and credentials…" in message
    assert f"credential add --supervisor {world.dana} --kind KIND" in message
    assert snapshot(world.db) == before


def test_a_supervisor_with_no_credential_recorded_signs_with_a_warning(world: World) -> None:
    _only(world, world.dana)
    record_id = _pending_session(world)
    with world.uow() as uow:
        result = signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[record_id])
    assert result.signed == [record_id]
    [warning] = result.warnings
    assert warning.startswith(
        "Dana Whitaker has recorded no credential; a CRSS supervisor must hold one of: CRSS, CPRS, CADC"
    )
    assert "File > Training and credentials…" in warning


def test_a_batch_is_all_or_none(world: World) -> None:
    _only(world, world.dana, {"kind": "CRSS", "number": "5100", "expires_on": RECORD_DAY + DAY})
    good = _pending_session(world)
    late = _pending_session(world, date=RECORD_DAY + 5 * DAY)
    before = snapshot(world.db)
    with world.uow() as uow, pytest.raises(DomainError, match=f"Session {late[:8]} of .* expired on"):
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[good, late])
    assert snapshot(world.db) == before


def test_experience_is_checked_on_its_first_and_last_day(world: World) -> None:
    _only(world, world.dana, {"kind": "CRSS", "number": "5100", "expires_on": RECORD_DAY})
    with world.uow() as uow:
        entry = records.add_experience(
            uow,
            supervisee_id=world.ana,
            supervisor_id=world.dana,
            period_start=RECORD_DAY - 6 * DAY,
            period_end=RECORD_DAY + DAY,
            kind="paid",
            allocations={"advocacy": 600},
        )
        uow.commit()
    with (
        world.uow() as uow,
        pytest.raises(DomainError, match=f"not held on {(RECORD_DAY + DAY).isoformat()}"),
    ):
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[entry.id])


# ------------------------------------------------------------------------------ profiles


def test_every_profile_lists_who_may_supervise_with_sources() -> None:
    registry = ProfileRegistry.load()
    for profile in registry:
        rule = profile.who_may_supervise
        assert rule is not None and rule.kinds, profile.code
        assert all(k.source.strip() for k in rule.kinds)
    lcpc = registry.get("LCPC").who_may_supervise
    assert lcpc is not None and not lcpc.agency_may_add
    assert [k.kind for k in lcpc.kinds] == ["LCPC", "LCSW", "LMFT", "clinical psychologist", "psychiatrist"]
    assert all("1375.130" in k.source for k in lcpc.kinds if k.kind != "LMFT")
    for code in ("CRSS", "CPRS", "CADC", "QMHP"):
        rule = registry.get(code).who_may_supervise
        assert rule is not None and rule.agency_may_add
    assert registry.get("QMHP").who_may_supervise.kinds[0].kind == "QMHP"  # type: ignore[union-attr]
    # ICB names no list on a page found: every CRSS/CPRS kind is marked verify.
    assert all(k.verify for k in registry.get("CRSS").who_may_supervise.kinds)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ("[who_may_supervise]\nkinds = []\n", "who_may_supervise.kinds"),
        (
            '[who_may_supervise]\nkinds = [{ kind = "LCSW", label = "x" }]\n',
            "who_may_supervise.kinds[0].source",
        ),
        (
            '[who_may_supervise]\nkinds = [{ kind = "LCSW", label = "x", source = "s" }, '
            '{ kind = "lcsw", label = "y", source = "s" }]\n',
            "who_may_supervise.kinds[1].kind",
        ),
        ('[who_may_supervise]\nagency_may_add = "yes"\nkinds = []\n', "who_may_supervise.kinds"),
        ("[who_may_supervise]\nwho = 1\nkinds = []\n", "who_may_supervise.who"),
    ],
)
def test_a_broken_who_may_supervise_table_is_refused(tmp_path: Path, table: str, key: str) -> None:
    text = (shipped_profiles_dir() / "lcpc.toml").read_text(encoding="utf-8")
    text = text[: text.index("[who_may_supervise]")] + table
    path = tmp_path / "lcpc.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert caught.value.key == key


# ------------------------------------------------------------------------------ agency kinds


def test_agency_kinds_are_tidied_and_bad_ones_refused(world: World) -> None:
    _only(world, world.dana, agency_kinds=" lsw,CCS ;  lsw ")
    with world.uow() as uow:
        assert people.agency_for(uow, supervisor_id=world.dana).supervisor_kinds == "lsw, CCS"  # type: ignore[union-attr]
    before = snapshot(world.db)
    with world.uow() as uow, pytest.raises(DomainError) as caught:
        agency = people.agency_for(uow, supervisor_id=world.dana)
        assert agency is not None
        people.update_agency(
            uow, agency_id=agency.id, name=agency.name, address="", phone="", supervisor_kinds="X" * 41
        )
    assert caught.value.field == "supervisor_kinds"
    assert "longer than a credential's name" in str(caught.value)
    assert snapshot(world.db) == before


# ------------------------------------------------------------------------------ due, 60 days ahead


def test_due_warns_60_days_before_the_qualifying_credential_expires(world: World) -> None:
    soon = TODAY + 59 * DAY
    _only(world, world.dana, {"kind": "CRSS", "number": "5100", "expires_on": soon})
    _pending_session(world)
    with world.uow() as uow:
        texts = [i.text for i in due.due_items(uow, today=TODAY) if i.supervisor_id == world.dana]
        assert [r.expires_on for r in qualification.expiring(uow, supervisor_id=world.dana, today=TODAY)] == [
            soon
        ]
    assert (
        f"Dana Whitaker's CRSS (no. 5100) expires on {soon.isoformat()}, in 59 days. It qualifies them to "
        "supervise: records dated after it cannot be signed until the renewal is recorded."
    ) in texts
    # A second qualifying credential running past the 60 days: nothing stops the signing.
    with world.uow() as uow:
        add_credential(
            uow, person=Person(supervisor_id=world.dana), kind="LCSW", expires_on=TODAY + 300 * DAY
        )
        uow.commit()
        assert qualification.expiring(uow, supervisor_id=world.dana, today=TODAY) == []
        texts = [i.text for i in due.due_items(uow, today=TODAY) if i.supervisor_id == world.dana]
    assert f"Dana Whitaker's CRSS (no. 5100) expires on {soon.isoformat()}, in 59 days." in texts


def test_due_lists_a_supervisor_with_records_to_sign_and_no_qualifying_credential(world: World) -> None:
    _only(world, world.dana, {"kind": "LSW", "number": "150.1"})
    _pending_session(world)
    with world.uow() as uow:
        items = [i for i in due.due_items(uow, today=TODAY) if i.rule == "qualification"]
    assert [(i.supervisor_id, i.target) for i in items] == [(world.dana, due.SUPERVISOR)]
    assert items[0].text.startswith(
        "Dana Whitaker has records to sign and no credential recorded that qualifies"
    )


# ------------------------------------------------------------------------------ CLI


def test_cli_sign_refused_exits_2_with_the_reason_and_changes_nothing(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    _only(world, world.dana, {"kind": "CRSS", "number": "5100", "expires_on": RECORD_DAY - DAY})
    record_id = _pending_session(world)
    path = world.db.path
    world.db.close()
    before = snapshot(path)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code = main(["--db", str(path), "sign", "--supervisor", str(world.dana), record_id, "--password-stdin"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert f"cannot be signed: Dana Whitaker's CRSS 5100 expired on {(RECORD_DAY - DAY).isoformat()}" in err
    assert "credential add --supervisor" in err
    assert snapshot(path) == before

    # Recording the renewal, as the message says, lets it sign.
    code = main(
        ["--db", str(path), "credential", "add", "--supervisor", str(world.dana), "--kind", "CRSS",
         "--number", "5100", "--expires", (TODAY + 700 * DAY).isoformat()]
    )  # fmt: skip
    assert code == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    capsys.readouterr()
    code = main(["--db", str(path), "sign", "--supervisor", str(world.dana), record_id, "--password-stdin"])
    out, err = capsys.readouterr()
    assert code == 0 and "Signed 1 record" in out and err == ""


def test_cli_sign_warns_on_stderr_when_no_credential_is_recorded(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    _only(world, world.dana)
    record_id = _pending_session(world)
    world.db.close()
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code = main(
        ["--db", str(world.db.path), "sign", "--supervisor", str(world.dana), record_id, "--password-stdin"]
    )
    out, err = capsys.readouterr()
    assert code == 0 and "Signed 1 record" in out
    assert err.startswith("warning: Dana Whitaker has recorded no credential")


def test_cli_agency_edit_supervisor_kinds(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    path = world.db.path
    world.db.close()
    assert main(["--db", str(path), "agency", "edit", "--supervisor-kinds", "LSW, CCS"]) == 0
    assert "supervisor_kinds: (none) -> 'LSW, CCS'" in capsys.readouterr().out
    before = snapshot(path)
    assert main(["--db", str(path), "agency", "edit", "--supervisor-kinds", "Y" * 41]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "longer than a credential's name" in err
    assert snapshot(path) == before
