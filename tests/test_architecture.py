"""The shape of the code: a core that knows nothing of Qt, resources found one way and shipped."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_core_never_imports_pyside6() -> None:
    core = ["supervisor_app.models", "supervisor_app.db", "supervisor_app.cli"]
    for folder in ("services", "reports"):
        for path in sorted((ROOT / "supervisor_app" / folder).glob("*.py")):
            if path.stem != "__init__":
                core.append(f"supervisor_app.{folder}.{path.stem}")
    code = (
        "import sys, importlib\n"
        f"for name in {core!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"the core imported {result.stdout.strip()}"


def test_no_source_file_outside_ui_imports_pyside6() -> None:
    import_line = re.compile(r"^\s*(from|import)\s+PySide6", re.MULTILINE)
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "supervisor_app").rglob("*.py")
        if path.relative_to(ROOT / "supervisor_app").parts[0] != "ui"
        and import_line.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_wheel_carries_resources_and_migrations(tmp_path: Path) -> None:
    subprocess.run(
        ["uv", "build", "--wheel", "--out-dir", str(tmp_path)], cwd=ROOT, check=True, capture_output=True
    )
    wheel = next(tmp_path.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "supervisor_app/resources/credentials/crss.toml" in names
    assert "supervisor_app/migrations/versions/0001_initial_schema.py" in names
    assert "supervisor_app/migrations/script.py.mako" in names
