"""The GitHub workflows cannot run here; this checks they do what the scripts here do.

test.yml runs the test suite on Ubuntu, Windows and macOS with the same command (and, on
Ubuntu, the same packages) as .ci/run. release.yml, on a version tag, runs the tests first,
then on each system the build script a person runs by hand (packaging/build-linux,
packaging/build-windows.ps1, packaging/build-macos), each of which smoke-tests its bundle with
--version and selftest, and uploads what the script writes. The scripts build with the same
PyInstaller, and the installer is per user and keeps the user's data.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
PACKAGING = ROOT / "packaging"
BUILD_SCRIPTS = {
    "linux": PACKAGING / "build-linux",
    "windows": PACKAGING / "build-windows.ps1",
    "macos": PACKAGING / "build-macos",
}


def load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def runs(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def uses(job: dict[str, Any]) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def ci_run_command() -> str:
    """The last command of .ci/run: what CI runs."""
    lines = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    return lines[-1]


def apt_packages(text: str) -> set[str]:
    found: set[str] = set()
    for match in re.finditer(r"apt-get install ([^)&|\n]*)", text):
        found.update(word for word in shlex.split(match[1]) if not word.startswith("-"))
    return found


def test_the_test_workflow_runs_ci_s_command_on_three_systems() -> None:
    workflow = load("test.yml")
    assert {"push", "pull_request", "workflow_call"} <= set(workflow["on"])
    job = workflow["jobs"]["test"]
    systems = job["strategy"]["matrix"]["os"]
    assert {s.split("-")[0] for s in systems} == {"ubuntu", "windows", "macos"}
    assert job["runs-on"] == "${{ matrix.os }}"
    assert ci_run_command() == "uv run pytest"
    assert runs(job)[-1] == ci_run_command()
    assert "astral-sh/setup-uv" in uses(job) and "actions/checkout" in uses(job)


def test_ubuntu_gets_the_packages_ci_installs() -> None:
    job = load("test.yml")["jobs"]["test"]
    ci = apt_packages((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    assert ci, "no packages found in .ci/run"
    [step] = [s for s in job["steps"] if "apt-get" in s.get("run", "")]
    assert step["if"] == "runner.os == 'Linux'"
    assert apt_packages(step["run"]) == ci


def test_a_release_is_made_on_a_version_tag_after_the_tests() -> None:
    workflow = load("release.yml")
    assert workflow["on"]["push"]["tags"] == ["v*"]
    jobs = workflow["jobs"]
    assert jobs["test"]["uses"] == "./.github/workflows/test.yml"
    for name in BUILD_SCRIPTS:
        assert jobs[name]["needs"] == "test"


@pytest.mark.parametrize(
    ("job_name", "command", "artifact"),
    [
        ("linux", "packaging/build-linux", "dist/supervisor-app-*-linux-*.tar.gz"),
        ("windows", "./packaging/build-windows.ps1", "dist/supervisor-app-*-windows-setup.exe"),
        ("macos", "packaging/build-macos", "dist/supervisor-app-*-macos-*.dmg"),
    ],
)
def test_each_system_runs_its_build_script_and_uploads_what_it_writes(
    job_name: str, command: str, artifact: str
) -> None:
    job = load("release.yml")["jobs"][job_name]
    assert command in runs(job)
    script = BUILD_SCRIPTS[job_name]
    assert script.exists() and (job_name == "windows" or script.stat().st_mode & 0o111)
    [upload] = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact")]
    assert upload["with"]["path"] == artifact and upload["with"]["if-no-files-found"] == "error"
    # The script writes the file the upload looks for.
    text = script.read_text(encoding="utf-8")
    suffix = {"linux": "-linux-", "windows": "-windows-setup.exe", "macos": "-macos-"}[job_name]
    assert suffix in text
    runner = job["runs-on"]
    if job_name == "macos":
        assert set(job["strategy"]["matrix"]["os"]) == {"macos-latest", "macos-15-intel"}
    else:
        assert runner.startswith({"linux": "ubuntu-", "windows": "windows-"}[job_name])


@pytest.mark.parametrize("system", sorted(BUILD_SCRIPTS))
def test_each_build_script_smoke_tests_its_bundle(system: str) -> None:
    text = BUILD_SCRIPTS[system].read_text(encoding="utf-8")
    assert "--version" in text and "selftest" in text
    assert "packaging/supervisor_app.spec" in text.replace("\\", "/")
    assert "QT_QPA_PLATFORM" in text and "offscreen" in text  # a runner has no display
    assert "SUPERVISOR_APP_DATA_DIR" in text  # never the builder's own data


def test_the_build_scripts_use_the_same_pyinstaller() -> None:
    pins = {
        system: re.findall(r"pyinstaller==[\d.]+", path.read_text(encoding="utf-8"))
        for system, path in BUILD_SCRIPTS.items()
    }
    readme = re.findall(r"pyinstaller==[\d.]+", (PACKAGING / "README.md").read_text(encoding="utf-8"))
    assert all(len(found) == 1 for found in pins.values()), pins
    assert {found[0] for found in pins.values()} | set(readme) == {pins["linux"][0]}


def test_the_windows_script_builds_the_installer_installs_and_uninstalls_it() -> None:
    text = BUILD_SCRIPTS["windows"].read_text(encoding="utf-8")
    assert r"packaging\windows\supervisor_app.iss" in text and "/DAppVersion=$Version" in text
    assert "/VERYSILENT" in text and "unins000.exe" in text
    assert "the uninstall deleted the user's data" in text


def test_the_installer_is_per_user_and_keeps_the_data_saying_where() -> None:
    iss = (PACKAGING / "windows" / "supervisor_app.iss").read_text(encoding="utf-8-sig")
    assert re.search(r"^PrivilegesRequired=lowest$", iss, re.MULTILINE)
    assert "DefaultDirName={autopf}" in iss  # %LOCALAPPDATA%\Programs when per user
    assert "[UninstallDelete]" not in iss  # nothing beyond what it installed is removed
    entries = [line for line in iss.split("[Code]")[0].splitlines() if not line.startswith(";")]
    assert "{localappdata}" not in "\n".join(entries)  # no entry touches the data folder
    code = iss.split("[Code]")[1]
    assert "usPostUninstall" in code and "{localappdata}\\{#AppName}" in code
    for language in ("english", "spanish"):
        assert re.search(rf"^{language}\.DataKept=.*%1", iss, re.MULTILINE)
