"""The command line for changing who supervises (issue 13) and for passwords (issue 14):
`supervisee transfer`, `supervisor edit | leave | reactivate | passwd [--by] | recover |
recovery-key`. Every refusal: exit 2, a message on stderr, nothing changed."""

# ruff: noqa: F811  (the fixtures of test_cli, imported, are test arguments here)

from __future__ import annotations

import json

import pytest
from test_cli import (  # noqa: F401  (agency_template, agency, cli: fixtures)
    OTHER_PASSWORD,
    Agency,
    Cli,
    agency,
    agency_template,
    cli,
    days_ago,
    rows,
)

from conftest import PASSWORD, snapshot

NEW_PASSWORD = "a brand new passphrase"


def refused(cli: Cli, agency: Agency, match: str, *argv: object, stdin: str = "") -> None:
    before = snapshot(agency.path)
    result = cli(*agency.db, *argv, stdin=stdin)
    assert result.code == 2, (result.out, result.err)
    assert match in result.err and result.out == ""
    assert snapshot(agency.path) == before


def test_supervisee_transfer(cli: Cli, agency: Agency) -> None:
    result = cli(
        *agency.db, "supervisee", "transfer", agency.ana, "--to", agency.rafael, "--from", days_ago(1)
    )
    assert result.code == 0, result.err
    assert result.out.startswith(
        f"Ana Example: supervised by Rafael Ortiz from {days_ago(1)} (before: Dana Whitaker)."
    )
    assert "1 record(s) of Dana Whitaker dated from then on stay theirs" in result.out  # the signed session
    assert rows(agency.path, "SELECT supervisor_id FROM supervisee WHERE id = ?", (agency.ana,)) == [
        (int(agency.rafael),)
    ]
    assert rows(
        agency.path, "SELECT supervisor_id FROM supervision_session WHERE id = ?", (agency.s_signed,)
    ) == [(int(agency.dana),)]
    as_json = cli(
        *agency.db,
        "--json",
        "supervisee",
        "transfer",
        agency.ben,
        "--to",
        agency.rafael,
        "--from",
        days_ago(2),
    )
    assert as_json.json()["previous_supervisor_id"] == int(agency.dana)
    assert cli(*agency.db, "verify").code == 0


@pytest.mark.parametrize(
    ("argv", "match"),
    [
        (["--to", "{dana}", "--from", "{yesterday}"], "already Ana Example's supervisor"),
        (["--to", "{rafael}", "--from", "2999-01-01"], "in the future"),
        (["--to", "{rafael}", "--from", "01/02/2026"], "is not a date"),
        (["--to", "{rafael}", "--from", "1990-01-01"], "before Ana Example started"),
        (["--to", "77", "--from", "{yesterday}"], "There is no supervisor with id 77"),
        (["--to", "{rafael}"], "--from"),
    ],
)
def test_a_bad_transfer_exits_2_and_changes_nothing(
    cli: Cli, agency: Agency, argv: list[str], match: str
) -> None:
    values = {"dana": agency.dana, "rafael": agency.rafael, "yesterday": days_ago(1)}
    refused(cli, agency, match, "supervisee", "transfer", agency.ana, *[a.format(**values) for a in argv])


def test_supervisor_edit(cli: Cli, agency: Agency) -> None:
    result = cli(
        *agency.db, "supervisor", "edit", agency.dana, "--license", "LCSW 149.0001", "--license-expires", "2027-06-30",
        "--certification-expires", "2026-12-31",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.out == (
        "Changed for Dana Whitaker: license_type, license_number, certification_expires, license_expires.\n"
    )
    assert rows(
        agency.path,
        "SELECT license_type, license_number, license_expires, certification_expires FROM supervisor WHERE id = ?",
        (agency.dana,),
    ) == [("LCSW", "149.0001", "2027-06-30", "2026-12-31")]
    [(details,)] = rows(agency.path, "SELECT details FROM audit_event ORDER BY id DESC LIMIT 1")
    assert json.loads(details)["before"]["license_type"] == "LCPC"
    assert (
        cli(*agency.db, "supervisor", "edit", agency.dana, "--title", "Clinical Supervisor").out
        == "Nothing changed.\n"
    )
    cleared = cli(*agency.db, "--json", "supervisor", "edit", agency.dana, "--license-expires", "")
    assert cleared.json()["changed"] == {"license_expires": ["2027-06-30", None]}


@pytest.mark.parametrize(
    ("argv", "match"),
    [
        ([], "Nothing to change"),
        (["--name", " "], "Supervisor name is required"),
        (["--email", "not-an-address"], "does not look like an email"),
        (["--license-expires", "June 2027"], "License expiry 'June 2027' is not a date"),
        (["--license", "LCPC 1", "--license-type", "LCSW"], "not both"),
    ],
)
def test_a_bad_edit_exits_2_and_changes_nothing(
    cli: Cli, agency: Agency, argv: list[str], match: str
) -> None:
    refused(cli, agency, match, "supervisor", "edit", agency.dana, *argv)


def test_a_supervisor_who_leaves_and_the_successor_who_signs(cli: Cli, agency: Agency) -> None:
    refused(cli, agency, "choose the successor", "supervisor", "leave", agency.dana)
    refused(cli, agency, "own successor", "supervisor", "leave", agency.dana, "--successor", agency.dana)
    refused(
        cli,
        agency,
        "in the future",
        "supervisor",
        "leave",
        agency.dana,
        "--successor",
        agency.rafael,
        "--from",
        "2999-01-01",
    )
    result = cli(*agency.db, "supervisor", "leave", agency.dana, "--successor", agency.rafael)
    assert result.code == 0, result.err
    assert "Dana Whitaker is marked inactive from" in result.out
    assert "3 supervisee(s) now supervised by Rafael Ortiz. 2 pending record(s)" in result.out
    refused(
        cli,
        agency,
        "already marked inactive",
        "supervisor",
        "leave",
        agency.dana,
        "--successor",
        agency.rafael,
    )
    # Dana cannot sign any more; Rafael signs what she left pending, as himself.
    refused(
        cli, agency, "inactive", "sign", "--supervisor", agency.dana, agency.s_group, "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    signed = cli(
        *agency.db, "sign", "--supervisor", agency.rafael, agency.s_group, agency.e_pending, "--password-stdin",
        stdin=OTHER_PASSWORD + "\n",
    )  # fmt: skip
    assert signed.code == 0, signed.err
    assert rows(agency.path, "SELECT signer_id FROM sign_off WHERE record_id = ?", (agency.s_group,)) == [
        (int(agency.rafael),)
    ]
    assert cli(*agency.db, "verify").code == 0
    out = agency.path.parent / "form.pdf"
    attest = cli(*agency.db, "attest", "--supervisee", agency.ana, "--supervisor", agency.dana, "--out", out)
    assert attest.code == 0, attest.err
    back = cli(*agency.db, "supervisor", "reactivate", agency.dana)
    assert back.code == 0 and back.out == "Dana Whitaker is active again.\n"
    refused(cli, agency, "already active", "supervisor", "reactivate", agency.dana)


def test_passwords_and_recovery_keys(cli: Cli, agency: Agency) -> None:
    # A new account with a password: its recovery key on stderr, once; stdout is the id.
    made = cli(
        *agency.db, "supervisor", "add", "--name", "Lee Tran", "--credentials", "CRSS", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    lee = made.value
    key = made.err.split("Recovery key for Lee Tran: ")[1].split()[0]
    assert len(key) == 29
    assert key not in agency.path.read_bytes().decode("latin-1")
    # A forgotten password: the key and a new password; a new key replaces the used one.
    refused(
        cli,
        agency,
        "Give the recovery key and the new password",
        "supervisor",
        "recover",
        lee,
        stdin=key + "\n",
    )
    wrong = cli(*agency.db, "supervisor", "recover", lee, stdin="AAAAA-BBBBB\n" + NEW_PASSWORD + "\n")
    assert wrong.code == 2 and "Wrong recovery key for Lee Tran" in wrong.err
    recovered = cli(
        *agency.db, "--json", "supervisor", "recover", lee, stdin=key + "\n" + NEW_PASSWORD + "\n"
    )
    assert recovered.code == 0, recovered.err
    assert recovered.json()["recovery_key"] != key
    # Another supervisor sets a password: a first one (created without) or a forgotten one.
    bare = cli(*agency.db, "supervisor", "add", "--name", "Mai Lê", "--credentials", "LCSW").value
    refused(
        cli,
        agency,
        "Another supervisor signed in sets the first one",
        "supervisor",
        "passwd",
        bare,
        stdin="\n" + NEW_PASSWORD + "\n",
    )
    # A wrong password of the one who sets it is counted (the lock-out), nothing else changes.
    wrong_by = cli(
        *agency.db,
        "supervisor",
        "passwd",
        bare,
        "--by",
        agency.dana,
        stdin="not dana's\n" + NEW_PASSWORD + "\n",
    )
    assert wrong_by.code == 2 and "Wrong password for Dana Whitaker" in wrong_by.err
    assert rows(agency.path, "SELECT password_hash FROM supervisor WHERE id = ?", (bare,)) == [(None,)]
    refused(
        cli,
        agency,
        "Another supervisor sets this password",
        "supervisor",
        "passwd",
        agency.dana,
        "--by",
        agency.dana,
        stdin=PASSWORD + "\n" + NEW_PASSWORD + "\n",
    )
    given = cli(
        *agency.db,
        "supervisor",
        "passwd",
        bare,
        "--by",
        agency.dana,
        stdin=PASSWORD + "\n" + NEW_PASSWORD + "\n",
    )
    assert given.code == 0 and given.out == "Password set for Mai Lê by Dana Whitaker.\n"
    assert "Recovery key for Mai Lê: " in given.err
    # Replacing one's own recovery key takes one's password.
    renewed = cli(*agency.db, "supervisor", "recovery-key", agency.rafael, stdin=OTHER_PASSWORD + "\n")
    assert renewed.code == 0 and "Recovery key for Rafael Ortiz" in renewed.err
