"""The command line in Spanish (issue 21): tables, confirmations, refusals and help come out in
the language set with ``--lang es`` (as
the option does before the parser is built), while ``--json`` stays as it is in English and
numbers and dates keep their neutral formats."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import PASSWORD, TODAY, snapshot
from supervisor_app import i18n
from supervisor_app.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def run(*argv: object, stdin: str = "", lang: str = "en") -> Result:
        capsys.readouterr()
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        try:
            code = main(["--lang", lang, *(str(a) for a in argv)])
        finally:
            i18n.set_language("en")
        out, err = capsys.readouterr()
        assert "Traceback" not in err, err
        return Result(code, out, err)

    return run


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    i18n.set_language("en")


@dataclass
class Agency:
    path: Path
    dana: str
    ana: str
    session: str

    @property
    def db(self) -> list[str]:
        return ["--db", str(self.path)]


@pytest.fixture
def agency(cli, tmp_path: Path) -> Agency:  # type: ignore[no-untyped-def]
    path = tmp_path / "agency.db"

    def add(*argv: object, stdin: str = "") -> str:
        result = cli("--db", path, *argv, stdin=stdin)
        assert result.code == 0, result.err
        return result.out.strip()

    add("init")
    dana = add(
        "supervisor", "add", "--name", "Dana Whitaker", "--credentials", "CRSS, LCPC",
        "--agency", "Prairie Lakes (TEST)", "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    add("credential", "add", "--supervisor", dana, "--kind", "CRSS", "--number", "5100")
    start = (TODAY - dt.timedelta(days=300)).isoformat()
    ana = add(
        "supervisee", "add", "--name", "Ana Example", "--credential", "CRSS", "--start", start,
        "--supervisor", dana,
    )  # fmt: skip
    session = add(
        "session", "add", "--supervisor", dana, "--supervisee", ana,
        "--date", (TODAY - dt.timedelta(days=2)).isoformat(), "--minutes", "60",
        "--format", "individual", "--modality", "in-person", "--domain", "advocacy=60",
    )  # fmt: skip
    return Agency(path, dana, ana, session)


def test_a_table_has_spanish_headers_and_words(cli, agency: Agency) -> None:  # type: ignore[no-untyped-def]
    spanish = cli(*agency.db, "list", "supervisors", lang="es")
    assert spanish.code == 0, spanish.err
    header, rule, row = spanish.out.splitlines()
    assert header.split() == ["id", "nombre", "credenciales", "cargo", "activo"]
    assert set(rule.replace(" ", "")) == {"-"}
    assert row.split()[-1] == "sí"
    english = cli(*agency.db, "list", "supervisors")
    assert english.out.splitlines()[0].split() == ["id", "name", "credentials", "title", "active"]

    sessions = cli(*agency.db, "list", "sessions", lang="es").out.splitlines()
    assert sessions[0].split() == [
        "id", "fecha", "inicio", "min", "formato", "modalidad", "supervisados", "estado",
    ]  # fmt: skip
    assert sessions[2].split()[-1] == "pendiente"
    assert (TODAY - dt.timedelta(days=2)).isoformat() in sessions[2]  # dates stay ISO


def test_a_confirmation_in_spanish_counts_in_spanish(cli, agency: Agency) -> None:  # type: ignore[no-untyped-def]
    signed = cli(
        *agency.db, "sign", "--supervisor", agency.dana, "--all", "--password-stdin",
        stdin=PASSWORD + "\n", lang="es",
    )  # fmt: skip
    assert signed.code == 0, signed.err
    assert signed.out.strip() == "1 registro firmado como Dana Whitaker."
    listed = cli(*agency.db, "list", "sessions", lang="es").out.splitlines()
    assert listed[2].split()[-1] == "firmado"
    verified = cli(*agency.db, "verify", lang="es")
    assert verified.out.startswith("OK: 1 registros y 1 firmas verificados; no se alteró nada.")


def test_progress_reads_in_spanish_with_neutral_numbers(cli, agency: Agency) -> None:  # type: ignore[no-untyped-def]
    text = cli(*agency.db, "progress", "--supervisee", agency.ana, lang="es").out
    assert "Cumple los requisitos: no" in text
    assert "Supervisión: 0.00 h firmadas, 1.00 h pendientes, 100.00 h requeridas" in text
    assert "Experiencia: 0.00 h firmadas, 0.00 h pendientes, 2,000.00 h requeridas" in text
    assert "Falta todavía:" in text


def test_training_and_credentials_list_in_spanish(cli, agency: Agency) -> None:  # type: ignore[no-untyped-def]
    added = cli(
        *agency.db, "training", "add", "--supervisee", agency.ana, "--from", (TODAY - dt.timedelta(days=9)).isoformat(),
        "--title", "Ethics in peer work", "--delivery", "online", "--area", "ethics=6", lang="es",
    )  # fmt: skip
    assert added.code == 0, added.err
    listed = cli(*agency.db, "training", "list", "--supervisee", agency.ana, lang="es").out.splitlines()
    assert listed[0].endswith("Ethics in peer work (sin proveedor, en línea)  declarada")
    english = cli(*agency.db, "training", "list", "--supervisee", agency.ana).out.splitlines()
    assert english[0].endswith("Ethics in peer work (no provider, online)  self-reported")
    credentials = cli(*agency.db, "credential", "list", "--supervisor", agency.dana, lang="es").out
    assert "5100           emitida -  vence -" in credentials
    none = cli(*agency.db, "credential", "list", "--supervisee", agency.ana, lang="es")
    assert none.out.strip() == "No hay credenciales registradas."


def test_a_refusal_is_spanish_on_stderr_exit_2_and_nothing_written(cli, agency: Agency) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(agency.path)
    nothing = cli(*agency.db, "supervisor", "edit", agency.dana, lang="es")
    assert nothing.code == 2
    assert nothing.out == ""
    assert nothing.err.strip() == (
        "supervisor-app: Nada que cambiar: indique al menos una opción, p. ej. --license-expires 2027-06-30."
    )
    both = cli(
        *agency.db, "sign", "--supervisor", agency.dana, "--all", agency.session, "--password-stdin",
        stdin=PASSWORD + "\n", lang="es",
    )  # fmt: skip
    assert both.code == 2
    assert "Indique --all o uno o más id de registro." in both.err
    no_password = cli(*agency.db, "sign", "--supervisor", agency.dana, "--all", "--password-stdin", lang="es")
    assert no_password.code == 2
    assert "Se indicó --password-stdin, pero la entrada estándar está vacía." in no_password.err
    assert snapshot(agency.path) == before  # nothing was signed, nothing changed


def test_a_bad_argument_is_refused_in_spanish(cli, agency: Agency, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(agency.path)
    long_id = cli(*agency.db, "list", "sessions", "--supervisee", "9" * 40, lang="es")
    assert long_id.code == 2
    assert "un número de id tiene como máximo 19 dígitos (se recibieron 40 caracteres)" in long_id.err
    out = tmp_path / "form.txt"
    not_pdf = cli(
        *agency.db, "attest", "--supervisee", agency.ana, "--supervisor", agency.dana, "--out", out, lang="es"
    )
    assert not_pdf.code == 2
    assert f"--out debe indicar un archivo .pdf (se recibió {str(out)!r})." in not_pdf.err
    assert not out.exists()
    assert snapshot(agency.path) == before


def test_a_file_that_is_not_ours_is_refused_in_spanish_and_left_alone(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    refused = cli("--db", other, "list", "supervisors", lang="es")
    assert refused.code == 1
    assert (
        "other.db es un archivo de SQLite, pero no una base de datos de supervisor_app (tiene otras tablas). "
        "No se modificó." in refused.err
    )
    assert other.read_bytes() == before


def test_json_output_is_the_same_in_spanish(cli, agency: Agency) -> None:  # type: ignore[no-untyped-def]
    for argv in (
        ["list", "supervisors"],
        ["list", "sessions"],
        ["progress", "--supervisee", agency.ana],
        ["credential", "list", "--supervisor", agency.dana],
        ["verify"],
    ):
        english = cli(*agency.db, *argv, "--json")
        spanish = cli(*agency.db, *argv, "--json", lang="es")
        assert (spanish.code, spanish.out) == (english.code, english.out), argv
        assert spanish.out.strip().startswith(("{", "["))


def test_help_is_spanish(cli) -> None:  # type: ignore[no-untyped-def]
    def words(*argv: str, lang: str = "es") -> str:  # argparse wraps lines where it likes
        result = cli(*argv, lang=lang)
        assert result.code == 0, result.err
        return " ".join(result.out.split())

    top = words("--help")
    assert "Horas de supervisión, firmas y formularios de attestation del ICB." in top
    assert "firmar registros pendientes (se requiere contraseña)" in top
    assert "mostrar JSON legible por máquina" in top
    job = words("job", "add", "--help")
    assert "¿al menos el 51% de las funciones del empleo son de apoyo a la recuperación?" in job
    sign = words("sign", "--help")
    assert "firmar aunque el reloj de la computadora marque una hora anterior" in sign
    assert "sign pending records (password required)" in words("--help", lang="en")


# ------------------------------------------------------------- the layers below, in Spanish


def test_a_changed_schema_is_described_in_spanish_and_left_alone(cli, db) -> None:  # type: ignore[no-untyped-def]
    path = db.path
    db.close()
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP INDEX ix_session_date; CREATE TABLE notes (text TEXT); "
        "DROP TRIGGER audit_event_append_only_delete; DROP TRIGGER audit_event_append_only_update"
    )
    conn.close()
    before = snapshot(path)
    refused = cli("--db", path, "list", "supervisors", lang="es")
    assert refused.code == 1
    assert refused.out == ""
    lines = refused.err.splitlines()
    assert lines[0] == (
        f"supervisor-app: {path.name} fue modificado fuera de supervisor_app, así que no se puede "
        "confiar en sus registros firmados:"
    )
    assert set(lines[1:4]) == {
        "  • en el archivo se eliminó el índice ix_session_date",
        "  • el archivo tiene una tabla que la aplicación no creó: notes",
        "  • en el archivo se eliminaron los disparadores de protección audit_event_append_only_delete, "
        "audit_event_append_only_update",
    }
    assert lines[4] == "No se modificó. Puede restaurar en su lugar la copia de seguridad más reciente."
    assert lines[5].startswith("Para IT: el esquema del archivo")
    assert snapshot(path) == before


def test_file_and_lock_messages_in_spanish() -> None:
    from supervisor_app import check_state, fileops
    from supervisor_app.lockfile import LockHolder

    mounts = [("//files/peer", "/mnt/peer", "cifs")]
    holder = LockHolder("dana", "front-desk", 1, "not a time")
    with i18n.using("es"):
        assert fileops.posix_network_reason("/mnt/peer/supervisor.db", mounts) == (
            "está en /mnt/peer, una carpeta compartida en red (cifs desde //files/peer)"
        )
        assert fileops.windows_network_reason("\\\\server\\share\\supervisor.db", None) == (
            "está en la carpeta compartida en red \\\\server\\share"
        )
        assert holder.describe() == "dana en front-desk (desde not a time)"
        assert check_state.full_check_due(Path("/nonexistent/never.db")) == (
            "todavía no se ha revisado en esta computadora"
        )
    assert holder.describe() == "dana on front-desk (since not a time)"
    assert fileops.posix_network_reason("/mnt/peer/supervisor.db", mounts) == (
        "it is on /mnt/peer, a network share (cifs from //files/peer)"
    )
