"""The shape of the code: a core that knows nothing of Qt, lower layers that import nothing
above them, resources found one way and shipped."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_core_never_imports_pyside6() -> None:
    core = ["supervisor_app.models", "supervisor_app.storage", "supervisor_app.db", "supervisor_app.cli"]
    for folder in ("services", "reports", "usecases"):
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


# --------------------------------------------------------------------------------------------
# Which layer imports which, read from the source (every import, at any depth: a function's
# lazy import counts as much as one at the top)

PACKAGE = ROOT / "supervisor_app"


def imports_of(path: Path, root: Path = ROOT) -> set[str]:
    """Every module ``path`` imports, anywhere in it; ``from a import b`` counts as both ``a``
    and ``a.b`` (``b`` may be a module), relative imports resolved against ``path``'s package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def offences(paths: list[Path], forbidden: tuple[str, ...], root: Path = ROOT) -> list[str]:
    """``file: module`` for each import in ``paths`` of a module under one of ``forbidden``."""
    return sorted(
        f"{path.relative_to(root)}: {module}"
        for path in paths
        for module in imports_of(path, root)
        if any(module == top or module.startswith(top + ".") for top in forbidden)
    )


def modules_in(*parts: str) -> list[Path]:
    target = PACKAGE.joinpath(*parts)
    return sorted(target.glob("*.py")) if target.is_dir() else [target]


ABOVE_STORAGE = (
    "supervisor_app.db",
    "supervisor_app.models",
    "supervisor_app.services",
    "supervisor_app.usecases",
    "supervisor_app.reports",
    "supervisor_app.ui",
    "supervisor_app.cli",
)
ABOVE_DB = tuple(m for m in ABOVE_STORAGE if m not in ("supervisor_app.db", "supervisor_app.models"))


def test_the_storage_module_imports_nothing_above_it() -> None:
    assert offences(modules_in("storage.py"), ABOVE_STORAGE) == []


def test_db_imports_no_services_use_cases_or_screens() -> None:
    assert offences(modules_in("db.py"), ABOVE_DB) == []


def test_the_agency_schema_is_db_layer_and_imports_no_services_use_cases_or_screens() -> None:
    assert offences(modules_in("agency_schema.py"), (*ABOVE_DB, "PySide6")) == []


def test_use_cases_import_no_qt_and_no_screens() -> None:
    assert offences(modules_in("usecases"), ("PySide6", "shiboken6", "supervisor_app.ui")) == []


def test_reports_import_no_sqlalchemy_and_nothing_from_services() -> None:
    assert offences(modules_in("reports"), ("sqlalchemy", "supervisor_app.services")) == []


@pytest.mark.parametrize(
    ("source", "forbidden", "caught"),
    [
        ("from supervisor_app.services import audit\n", ABOVE_DB, "supervisor_app.services"),
        (
            "def later():\n    from supervisor_app.services.profiles import ProfileRegistry\n",
            ABOVE_DB,
            "supervisor_app.services.profiles",
        ),
        ("import supervisor_app.usecases.backups\n", ABOVE_DB, "supervisor_app.usecases.backups"),
        ("from supervisor_app import ui\n", ABOVE_DB, "supervisor_app.ui"),
        ("from . import db\n", ABOVE_STORAGE, "supervisor_app.db"),
        ("from .services import backup\n", ABOVE_STORAGE, "supervisor_app.services"),
        ("class A:\n    def f(self):\n        import PySide6.QtCore\n", ("PySide6",), "PySide6.QtCore"),
        ("if True:\n    from sqlalchemy.orm import Session\n", ("sqlalchemy",), "sqlalchemy.orm"),
    ],
)
def test_the_import_rules_catch_a_bad_import(
    tmp_path: Path, source: str, forbidden: tuple[str, ...], caught: str
) -> None:
    """Each rule above fails when broken: a module in the package importing upward (at the
    top, in a function or a class, as a package's name, relatively) is named; a clean one is not."""
    package = tmp_path / "supervisor_app"
    package.mkdir()
    bad = package / "storage.py"
    bad.write_text('"""a lower layer"""\nimport sqlite3\n' + source, encoding="utf-8")
    found = offences([bad], forbidden, root=tmp_path)
    assert any(line == f"supervisor_app/storage.py: {caught}" for line in found), found
    clean = package / "clean.py"
    clean.write_text(
        "import sqlite3\nfrom pathlib import Path\nfrom supervisor_app import fileops\n", encoding="utf-8"
    )
    assert offences([clean], forbidden, root=tmp_path) == []
