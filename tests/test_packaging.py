"""The self-test IT runs on a new computer, the installer files, and (slow) the Linux build."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from supervisor_app import selftest
from supervisor_app.selftest import STEPS, run_selftest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"


def _run() -> tuple[int, list[str]]:
    lines: list[str] = []
    code = run_selftest(out=lines.append)
    return code, lines


def _step_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith(("ok  ", "FAIL ", "skip "))]


def test_selftest_passes_and_reports_every_step() -> None:
    code, lines = _run()
    steps = _step_lines(lines)
    assert code == 0, "\n".join(lines)
    assert [line.split(" (")[0] for line in steps] == [f"ok  {name}" for name, _ in STEPS]
    assert lines[0].startswith("supervisor_app ") and lines[0].endswith(" self-test")
    assert lines[-1].startswith(f"All {len(STEPS)} checks passed")


def test_selftest_leaves_nothing_behind_and_never_touches_the_users_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data_dir = Path(os.environ["SUPERVISOR_APP_DATA_DIR"])  # the conftest's throwaway folder
    before = sorted(data_dir.rglob("*"))
    folders: list[Path] = []

    def remember_folder(ctx: selftest._Context) -> str:
        folders.append(ctx.folder)
        return ""

    monkeypatch.setattr(selftest, "STEPS", [*STEPS, ("remember the folder", remember_folder)])
    code, lines = _run()
    assert code == 0, "\n".join(lines)
    assert folders and not folders[0].exists(), "the temporary folder was not deleted"
    assert sorted(data_dir.rglob("*")) == before


def test_a_failing_step_is_reported_and_the_rest_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ctx: selftest._Context) -> str:
        raise selftest.StepFailed("the disk is full")

    names = [name for name, _ in STEPS]
    broken_at = names.index("sign the session")
    replaced = list(STEPS)
    replaced[broken_at] = (names[broken_at], broken)
    monkeypatch.setattr(selftest, "STEPS", replaced)
    code, lines = _run()
    steps = _step_lines(lines)
    assert code == 1
    assert steps[broken_at] == "FAIL sign the session: the disk is full"
    assert all(line.startswith("ok  ") for line in steps[:broken_at])
    assert all(line.startswith("skip ") for line in steps[broken_at + 1 :])
    assert f"{broken_at} of {len(STEPS)} checks passed" in lines[-1]


def test_an_unexpected_error_names_its_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ctx: selftest._Context) -> str:
        raise OSError("read-only file system")

    monkeypatch.setattr(selftest, "STEPS", [(STEPS[0][0], broken), *STEPS[1:]])
    code, lines = _run()
    assert code == 1
    assert f"FAIL {STEPS[0][0]}: OSError: read-only file system" in lines


def test_selftest_runs_without_qt() -> None:
    """What IT runs over SSH on a machine with no display: Qt is never loaded."""
    code = (
        "import sys\n"
        "from supervisor_app.services.auth import use_fast_hashing_for_tests\n"
        "use_fast_hashing_for_tests()\n"
        "from supervisor_app.selftest import run_selftest\n"
        "code = run_selftest(out=lambda line: None)\n"
        "print(code, sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "0 []", result.stdout + result.stderr


# --------------------------------------------------------------------------------------------
# The installer files (Windows and macOS cannot be built here: these read them)


def test_icons_in_every_size() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = (ICONS / f"supervisor_app-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", png[16:24])
        assert (width, height) == (size, size)
    ico = (ICONS / "supervisor_app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 6
    sides = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sides
    icns = (ICONS / "supervisor_app.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_linux_desktop_file() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "supervisor-app.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] == "supervisor-app"
    assert desktop["Icon"] == "supervisor-app"
    assert desktop["Terminal"] == "false"
    assert desktop["Categories"].endswith(";")
    assert os.access(PACKAGING / "linux" / "install.sh", os.X_OK)
    assert os.access(PACKAGING / "build-linux", os.X_OK)


def test_windows_installer_is_per_user_with_a_start_menu_entry() -> None:
    iss = (PACKAGING / "windows" / "supervisor_app.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in iss
    assert "{autopf}" in iss  # %LOCALAPPDATA%\Programs when installing per user
    assert 'Name: "{autoprograms}\\{#AppName}"; Filename: "{app}\\{#AppExe}"' in iss
    assert "#ifndef AppVersion" in iss  # the version always comes from pyproject.toml


def test_windows_version_resource_comes_from_pyproject() -> None:
    sys.path.insert(0, str(PACKAGING))
    try:
        from windows.version_info import render, version_tuple
    finally:
        sys.path.remove(str(PACKAGING))
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert version_tuple("1.2.0rc1") == (1, 2, 0, 0)
    assert version_tuple("2") == (2, 0, 0, 0)
    text = render(product="supervisor_app", version=version, description="d", exe_name="supervisor-app")
    recorded: dict[str, object] = {}

    def record(name: str):  # type: ignore[no-untyped-def]
        def make(*args: object, **kwargs: object) -> tuple[str, tuple[object, ...], dict[str, object]]:
            if name == "StringStruct":
                recorded[str(args[0])] = args[1]
            if name == "FixedFileInfo":
                recorded["filevers"] = kwargs["filevers"]
            return (name, args, kwargs)

        return make

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct"]
    names += ["VarFileInfo", "VarStruct"]
    eval(text, {name: record(name) for name in names})  # how PyInstaller reads the file
    assert recorded["ProductVersion"] == version
    assert recorded["filevers"] == version_tuple(version)


# --------------------------------------------------------------------------------------------
# The real build (minutes; `uv run pytest -m slow tests/test_packaging.py`)


@pytest.mark.slow
@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="packaging/build-linux builds the Linux bundle"
)
def test_build_linux_bundle_passes_its_own_checks() -> None:
    if shutil.which("uv") is None:
        pytest.skip("uv is needed to run PyInstaller")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUPERVISOR_APP_")}
    result = subprocess.run(
        [str(PACKAGING / "build-linux")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30 * 60,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    assert "build-linux: all checks passed" in result.stdout
    assert f"All {len(STEPS)} checks passed" in result.stdout
