"""A real PostgreSQL server for the tests, started by the test session itself.

``PostgresServer.start()`` finds ``initdb`` and ``pg_ctl`` (the PATH, Debian's
/usr/lib/postgresql/<version>/bin, /usr/local/bin), makes a cluster in a temporary folder and
starts it on a free loopback port, its unix socket in that folder too. Fast rather than
durable: fsync off, small shared buffers. Run as root (CI, containers), where initdb refuses
to run, the cluster belongs to the unprivileged ``nobody`` and both programs run through
``runuser``. ``stop()`` stops the server and removes the folder.

Databases are made with :meth:`PostgresServer.create_database`; the superuser is
``postgres`` and every connection from loopback is trusted (the tests make their own roles).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "postgres"
UNPRIVILEGED = "nobody"  # who owns the cluster when the tests run as root
NO_SERVER = "no PostgreSQL server binary (initdb) on this machine; .ci/run installs Debian's postgresql"


def server_bin_dir() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when this machine has no server."""
    candidates = []
    found = shutil.which("initdb")
    if found:
        candidates.append(Path(found).resolve().parent)
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name or 0), reverse=True
    )
    candidates += [Path(p) for p in versions]
    candidates.append(Path("/usr/local/bin"))
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PostgresServer:
    bin_dir: Path
    folder: Path
    port: int
    started_in: float = 0.0
    _databases: int = field(default=0, repr=False)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def as_root(self) -> bool:
        return os.name == "posix" and os.geteuid() == 0

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", UNPRIVILEGED, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, cwd=self.folder)
        if result.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}{tail}")

    @classmethod
    def start(cls, settings: tuple[str, ...] = ()) -> PostgresServer:
        bin_dir = server_bin_dir()
        if bin_dir is None:
            raise FileNotFoundError(NO_SERVER)
        begun = time.perf_counter()
        # Not under pytest's own temporary folder: as root, that one is closed to ``nobody``.
        folder = Path(tempfile.mkdtemp(prefix="supervisor-app-pg-"))
        server = cls(bin_dir=bin_dir, folder=folder, port=_free_port())
        if server.as_root:
            shutil.chown(folder, user=UNPRIVILEGED)
        try:
            server._run(
                "initdb", "-D", str(server.data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-sync", "--no-instructions",
            )  # fmt: skip
            options = " ".join(
                [
                    f"-p {server.port}",
                    f"-k {folder}",
                    "-c listen_addresses=127.0.0.1",
                    "-c fsync=off",
                    "-c synchronous_commit=off",
                    "-c full_page_writes=off",
                    "-c shared_buffers=16MB",
                    "-c max_connections=40",
                    *(f"-c {setting}" for setting in settings),  # later ones win (the benchmark's)
                ]
            )
            server._run(
                "pg_ctl",
                "-D",
                str(server.data),
                "-l",
                str(folder / "server.log"),
                "-w",
                "-o",
                options,
                "start",
            )
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        server.started_in = time.perf_counter() - begun
        return server

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql+psycopg://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def execute(self, sql: str, database: str = "postgres") -> None:
        """Run ``sql`` as the superuser, outside a transaction (CREATE DATABASE, CREATE ROLE)."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname=database, autocommit=True
        ) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def create_database(self, owner: str = SUPERUSER, template: str | None = None) -> str:
        """A new database owned by ``owner`` (empty, or a copy of ``template``); its name."""
        self._databases += 1
        name = f"test_{self._databases}"
        copy = f" TEMPLATE {template}" if template else ""
        self.execute(f'CREATE DATABASE {name} OWNER "{owner}"{copy}')
        return name


APP_ROLE = "supervisor_app_test"
_AGENCY_TEMPLATE = "agency_template"


def agency_url(server: PostgresServer) -> str:
    """A new agency database at head, made by the owner (the superuser here), on which the
    app's role may read and write rows; the URL the app connects with. The first call makes a
    template with ``create_agency_schema`` + ``grant_app_role``; later ones copy it (fast)."""
    from supervisor_app.agency_schema import create_agency_schema, grant_app_role

    if not getattr(server, "_agency_template", False):
        try:
            server.execute(f"CREATE ROLE {APP_ROLE} LOGIN")
        except Exception:  # made by an earlier session on this server
            pass
        server.execute(f"CREATE DATABASE {_AGENCY_TEMPLATE}")
        owner = server.url(_AGENCY_TEMPLATE)
        create_agency_schema(owner)
        grant_app_role(owner, APP_ROLE)
        server._agency_template = True  # type: ignore[attr-defined]
    name = server.create_database(template=_AGENCY_TEMPLATE)
    # A copy would share the template's identity (its chain id): give it its own, as init does,
    # so two test agency databases are two databases (an hours file from one imports into the other).
    import uuid

    server.execute(  # one session: the SET lets the UPDATE past the append-only trigger
        f"SET session_replication_role = replica; UPDATE database_identity SET global_id = '{uuid.uuid4()}'",
        database=name,
    )
    return server.url(name, user=APP_ROLE)
