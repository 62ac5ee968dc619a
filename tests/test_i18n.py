"""The gettext side of the translations (supervisor_app/i18n.py)."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from supervisor_app import i18n

PACKAGE = Path(__file__).resolve().parents[1] / "supervisor_app"


def test_a_module_that_translates_never_rebinds_underscore():
    """``for _ in ...`` in a module that imports ``_`` from i18n would turn the next message
    into ``'int' object is not callable``."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports_underscore = any(
            isinstance(node, ast.ImportFrom)
            and node.module == "supervisor_app.i18n"
            and any(alias.name == "_" and alias.asname is None for alias in node.names)
            for node in ast.walk(tree)
        )
        if not imports_underscore:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
            if isinstance(node, ast.arg) and node.arg == "_":
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert offenders == []


def test_language_codes_are_normalised_and_unknown_ones_refused():
    assert i18n.normalize("es_US.UTF-8") == "es"
    assert i18n.normalize("ES-mx") == "es"
    assert i18n.normalize("en") == "en"
    with pytest.raises(i18n.UnknownLanguage, match="fr"):
        i18n.normalize("fr_FR")


def test_the_system_language_is_read_as_gettext_reads_it():
    assert i18n.system_language({"LANGUAGE": "fr:es", "LANG": "en_US.UTF-8"}) == "es"
    assert i18n.system_language({"LC_ALL": "C", "LANG": "es_US.UTF-8"}) == "es"
    assert i18n.system_language({}) == "en"


def test_using_changes_the_language_of_this_thread_only_for_the_block():
    before = i18n.current()
    with i18n.using("es"):
        assert i18n.current() == "es"
        assert i18n.format_date(dt.date(2026, 12, 4)) == "4 dic 2026"
    assert i18n.current() == before
    with i18n.using("en"):
        assert i18n.format_date(dt.date(2026, 12, 4)) == "Dec 4, 2026"
        assert i18n.format_hours(123456) == "2,057.60"
