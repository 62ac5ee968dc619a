"""``supervisor-app selftest``: what IT runs on a new computer to see the app works there.

It goes through a supervisor's whole day on a throwaway database in a temporary folder: add
a supervisor (with a password) and a supervisee, record a session, sign it, verify every
signature, print an attestation and a progress statement to PDF. One line per step, ``ok``
or ``FAIL`` with the reason; exit code 0 only when every step passed.

It never opens the user's own database and writes nothing outside the temporary folder,
which is deleted at the end. No Qt: it runs on a machine without a display, and in the
packaged app it proves that the bundle carries what the core needs (resources, migrations,
fonts, the password hasher, the PDF renderer).
"""

from __future__ import annotations

import datetime as dt
import platform
import secrets
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from supervisor_app import __version__, clock
from supervisor_app.i18n import N_, _
from supervisor_app.services.errors import DomainError

Out = Callable[[str], object]

PREFERRED_CREDENTIAL = "CRSS"
SESSION_MINUTES = 60


class StepFailed(Exception):
    """A check inside a step did not hold; the message is the reason printed after FAIL."""


@dataclass
class _Context:
    """What one step leaves for the next."""

    folder: Path
    db: Any = None
    profiles: Any = None
    credential: str = ""
    supervisor_id: int | None = None
    supervisee_id: int | None = None
    session_id: str | None = None
    password: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    pdfs: list[Path] = field(default_factory=list)


def _check_pdf(pdf: bytes, path: Path) -> str:
    """Write ``pdf`` to ``path`` and check it looks like a whole PDF; returns a short size note."""
    if not pdf:
        raise StepFailed("the PDF is empty")
    if not pdf.startswith(b"%PDF"):
        raise StepFailed(f"the file does not start with %PDF (it starts with {pdf[:8]!r})")
    if b"%%EOF" not in pdf[-1024:]:
        raise StepFailed("the PDF is cut short (no %%EOF at its end)")
    path.write_bytes(pdf)
    if path.stat().st_size != len(pdf):
        raise StepFailed(f"{path} was not written in full")
    return f"{len(pdf) / 1024:.0f} KB"


# --------------------------------------------------------------------------------------------
# The steps: each takes the context and returns a short detail for its "ok" line (or "").


def _application_files(ctx: _Context) -> str:
    from supervisor_app.resources import resource_path, resources_dir
    from supervisor_app.storage import head_revision

    folder = resources_dir()
    fonts = sorted(p.name for p in resource_path("fonts").glob("*.ttf"))
    if not fonts:
        raise StepFailed(f"no fonts in {resource_path('fonts')}")
    head_revision()  # reads the migration files: raises if they are missing or inconsistent
    return str(folder)


def _credential_profiles(ctx: _Context) -> str:
    from supervisor_app.db import provide_profiles
    from supervisor_app.usecases.opening import load_profiles

    # The same profiles the app uses: shipped ones, replaced by this computer's overrides.
    ctx.profiles = load_profiles()
    provide_profiles(lambda: ctx.profiles)  # the self-test's database reads these
    codes = [p.code for p in ctx.profiles]
    if not codes:
        raise StepFailed("no credential profiles were found")
    ctx.credential = PREFERRED_CREDENTIAL if PREFERRED_CREDENTIAL in ctx.profiles else codes[0]
    overridden = [p.code for p in ctx.profiles if p.overridden]
    note = f"; overridden on this computer: {', '.join(overridden)}" if overridden else ""
    return ", ".join(codes) + note


def _create_database(ctx: _Context) -> str:
    from supervisor_app.db import open_database
    from supervisor_app.storage import head_revision

    ctx.db = open_database(ctx.folder / "selftest.db", remember=False)  # nothing kept in the data folder
    return _("schema {revision}").format(revision=head_revision())


def _add_supervisor(ctx: _Context) -> str:
    from supervisor_app.services import people

    with ctx.db.uow("selftest") as uow:
        supervisor = people.add_supervisor(
            uow,
            name="Self-Test Supervisor",
            credentials="CRSS, LCPC",
            title="Clinical Supervisor",
            agency="Self-Test Agency",
            password=ctx.password,
        )
        uow.commit()
        ctx.supervisor_id = supervisor.id
        if supervisor.password_hash is None:
            raise StepFailed("the password was not stored")
    return _("with a password")


def _add_supervisee(ctx: _Context) -> str:
    from supervisor_app.services import people

    with ctx.db.uow("selftest") as uow:
        supervisee = people.add_supervisee(
            uow,
            name="Self-Test Supervisee",
            credential=ctx.credential,
            start_date=clock.today() - dt.timedelta(days=30),
            supervisor_id=ctx.supervisor_id,
        )
        uow.commit()
        ctx.supervisee_id = supervisee.id
    return _("working toward the {credential}").format(credential=ctx.credential)


def _add_session(ctx: _Context) -> str:
    from supervisor_app.services import records

    domain = ctx.profiles.get(ctx.credential).domains[0]
    with ctx.db.uow("selftest") as uow:
        session = records.add_session(
            uow,
            supervisor_id=ctx.supervisor_id,
            supervisee_ids=[ctx.supervisee_id],
            date=clock.today() - dt.timedelta(days=7),
            start="10:00",
            minutes=SESSION_MINUTES,
            format="individual",
            modality="in-person",
            allocations=[(domain.code, SESSION_MINUTES)],
            topics="Self-test session.",
        )
        uow.commit()
        ctx.session_id = session.id
    return _("{n} minutes, {domain}").format(n=SESSION_MINUTES, domain=domain.label)


def _sign(ctx: _Context) -> str:
    from supervisor_app.usecases import signing

    assert ctx.session_id is not None and ctx.supervisor_id is not None
    with ctx.db.uow(f"supervisor:{ctx.supervisor_id}") as uow:
        result = signing.sign(
            uow, supervisor_id=ctx.supervisor_id, password=ctx.password, record_ids=[ctx.session_id]
        )
    if result.signed != [ctx.session_id]:
        raise StepFailed(f"expected the session to be signed, got {result.signed}")
    return _("password checked")


def _verify(ctx: _Context) -> str:
    from supervisor_app.services import signoff

    with ctx.db.uow("selftest") as uow:
        report = signoff.verify(uow)
    if not report.ok:
        raise StepFailed("; ".join(f"{p.record_id}: {p.message}" for p in report.problems))
    if report.records_checked < 1 or report.signatures_checked < 1:
        raise StepFailed("nothing was checked (the signed session is missing)")
    return _("{records} record, {signatures} signature, nothing altered").format(
        records=report.records_checked, signatures=report.signatures_checked
    )


def _attestation(ctx: _Context) -> str:
    from supervisor_app.usecases import printing

    with ctx.db.uow("selftest") as uow:
        request = printing.FormRequest(ctx.supervisee_id, ctx.supervisor_id)
        printed = printing.print_form(uow, request, printed_by="selftest", app_version=__version__)
    path = ctx.folder / "attestation.pdf"
    size = _check_pdf(printed.pdf, path)
    ctx.pdfs.append(path)
    return f"{printed.record.serial}, {size}"


def _statement(ctx: _Context) -> str:
    from supervisor_app.reports import render_statement
    from supervisor_app.services import attestation

    with ctx.db.uow("selftest") as uow:
        data = attestation.prepare_statement(uow, supervisee_id=ctx.supervisee_id)
    pdf = render_statement(data, generated=clock.today(), app_version=__version__)
    path = ctx.folder / "statement.pdf"
    size = _check_pdf(pdf, path)
    ctx.pdfs.append(path)
    return size


STEPS: list[tuple[str, Callable[[_Context], str]]] = [
    (N_("application files are in place"), _application_files),
    (N_("credential profiles load"), _credential_profiles),
    (N_("create a throwaway database"), _create_database),
    (N_("add a supervisor"), _add_supervisor),
    (N_("add a supervisee"), _add_supervisee),
    (N_("record a supervision session"), _add_session),
    (N_("sign the session"), _sign),
    (N_("verify every signature"), _verify),
    (N_("print an attestation to PDF"), _attestation),
    (N_("print a progress statement to PDF"), _statement),
]


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    if isinstance(exc, (StepFailed, DomainError)):  # already written for a person
        return text or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def run_selftest(out: Out = print) -> int:
    """Run every step, print one line each through ``out``; 0 if all passed, else 1."""
    started = time.perf_counter()
    out(_("supervisor_app {version} self-test").format(version=__version__))
    out(
        _("Python {version} on {system}").format(
            version=platform.python_version(), system=platform.platform(terse=True)
        )
    )
    out(_("This uses a throwaway database in a temporary folder; your own data is not touched."))
    out("")
    passed = 0
    failed_step = ""
    with tempfile.TemporaryDirectory(prefix="supervisor_app-selftest-", ignore_cleanup_errors=True) as tmp:
        ctx = _Context(folder=Path(tmp))
        try:
            for step_name, step in STEPS:
                name = _(step_name)
                if failed_step:
                    out("skip " + _("{step} (not run: an earlier step failed)").format(step=name))
                    continue
                try:
                    detail = step(ctx)
                except Exception as exc:  # noqa: BLE001 - every failure is reported, never raised
                    failed_step = name
                    out(f"FAIL {name}: {_reason(exc)}")
                else:
                    passed += 1
                    out(f"ok  {name}" + (f" ({detail})" if detail else ""))
        finally:
            if ctx.db is not None:
                ctx.db.close()  # before the folder goes: Windows cannot delete an open file
    seconds = time.perf_counter() - started
    out("")
    if not failed_step:
        out(
            _(
                "All {n} checks passed in {seconds} s: supervisor_app works on this computer. "
                "The temporary files were deleted."
            ).format(n=len(STEPS), seconds=f"{seconds:.1f}")
        )
        return 0
    out(
        _(
            "{passed} of {n} checks passed; the self-test stopped at: {step}. "
            "supervisor_app may not work correctly on this computer: send this output to whoever "
            "supports the app."
        ).format(passed=passed, n=len(STEPS), step=failed_step)
    )
    return 1


if __name__ == "__main__":  # pragma: no cover - `python -m supervisor_app.selftest`
    sys.exit(run_selftest())
