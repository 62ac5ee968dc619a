"""Every refusal carries a stable code, one code says one thing, and nothing recognises a
refusal by its English text (so messages can be translated without breaking behaviour).

Read from the source with ``ast`` (tests/error_codes.py), every module of supervisor_app.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import error_codes
import pytest
from error_codes import PACKAGE, ROOT, Site

from supervisor_app.services.errors import CODE, DomainError


@pytest.fixture(scope="module")
def sites() -> list[Site]:
    return error_codes.sites()


def test_the_scan_finds_the_refusals_it_should(sites: list[Site]) -> None:
    assert error_codes.CODE.pattern == CODE.pattern
    assert len(sites) > 200
    found = {(s.path, s.code) for s in sites}
    assert ("supervisor_app/services/records/checks.py", "records.in_future") in found
    assert ("supervisor_app/services/form_check.py", "form.not_ours") in found  # a subclass
    assert ("supervisor_app/services/signoff/workers.py", "verify.stopped") in found  # its own __init__
    assert (
        "supervisor_app/services/hours_files/reading.py",
        "hours_file.not_zip",
    ) in found  # refuse(code, ...)


def test_the_scan_reads_codes_messages_and_params_as_written(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "class Refused(DomainError):\n    pass\n"
        "def f(day, name, code):\n"
        "    raise DomainError(f'{day.isoformat()} is late for {name}.', code='a.late', params={'day': day})\n"
        "    raise Refused('No.')\n"
        "    raise DomainError('x', code=CODES[0])\n"
        "    raise DomainError('Long.' if day else f'Short {name}.', code='a.size')\n"
        "def refuse(code, path, message):\n"
        "    return DomainError(f'{path.name} is refused: {message}', code=code, params={'file': path.name})\n"
        "def g(path):\n"
        "    raise refuse('a.bad', path, 'it is bad.')\n"
    )
    found = {(s.line, s.code, s.templates, s.params) for s in error_codes.sites([sample])}
    assert found == {
        (4, "a.late", ("{day} is late for {name}.",), ("day",)),
        (5, None, ("No.",), ()),
        (6, "<expr>", ("x",), ()),
        (7, "a.size", ("Long.", "Short {name}."), ()),
        (11, "a.bad", ("{file} is refused: it is bad.",), ("file",)),
    }


def test_every_domain_error_is_raised_with_a_stable_code(sites: list[Site]) -> None:
    missing = [f"{s.where} {s.cls}(...)" for s in sites if s.code is None]
    not_literal = [f"{s.where} {s.cls}(code=...)" for s in sites if s.code == "<expr>"]
    malformed = [
        f"{s.where} {s.code!r}" for s in sites if s.code and s.code != "<expr>" and not CODE.match(s.code)
    ]
    assert missing == [], "give these a code= (area.what)"
    assert not_literal == [], "a code is a string literal, so it can be found and catalogued"
    assert malformed == []


def test_one_code_says_one_thing(sites: list[Site]) -> None:
    """A code stands for one message: its templates, with the values blanked, are one text
    (raised from several places is fine: the same refusal). A second wording is a second
    refusal and gets its own code, so a translation keyed by code has one text to translate.
    Messages passed on from elsewhere (a lower check's text) are not templates and are skipped."""
    shapes: dict[str, set[str]] = defaultdict(set)
    places: dict[str, set[str]] = defaultdict(set)
    for site in sites:
        if site.code and site.code != "<expr>":
            shapes[site.code].update(site.shapes)
            places[site.code].add(site.where)
    two = {code: sorted(s) for code, s in shapes.items() if len(s) > 1}
    assert two == {}, "split these codes (one per wording)"


def test_with_message_keeps_the_code_and_its_params() -> None:
    error = DomainError(
        "Too long.", code="records.session_too_long", field="minutes", params={"minutes": 900}
    )
    again = error.with_message(f"Record 3f2a: {error.message}")
    assert (again.message, again.code, again.field, dict(again.params)) == (
        "Record 3f2a: Too long.",
        "records.session_too_long",
        "minutes",
        {"minutes": 900},
    )
    assert again.with_message("x", field="date").field == "date"


def test_a_code_must_be_dotted_lower_case() -> None:
    with pytest.raises(ValueError):
        DomainError("x", code="Records.InFuture")
    with pytest.raises(ValueError):
        DomainError("x", code="nodot")


# --------------------------------------------------------------------------------------------
# Nothing matches on a message's text

# Exceptions whose text is the only way to tell one case from another: reading it is allowed.
TEXT_ONLY = {
    # SQLite reports a read-only or undecodable database only in the message of an
    # OperationalError (no error code through the sqlite3/SQLAlchemy layers we use).
    "OperationalError": "sqlite",
    # Python's limit on int("99…9") is a plain ValueError told apart only by its text.
    "ValueError": "int() digit limit",
}


def _caught(handler: ast.ExceptHandler) -> set[str]:
    if handler.type is None:
        return {"BaseException"}
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return {n for n in (error_codes._name(t) for t in types) if n}


def _reads_text(node: ast.AST, names: set[str]) -> bool:
    """``node`` holds an error's text: ``x.message``, ``str(x)``, ``x.args[...]`` or an f-string
    of ``x``, for ``x`` in ``names`` (``.message`` counts for any object: only errors have it)."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Attribute) and sub.attr == "message":
            return True
        if isinstance(sub, ast.Call) and error_codes._name(sub.func) == "str" and sub.args:
            if isinstance(sub.args[0], ast.Name) and sub.args[0].id in names:
                return True
        if isinstance(sub, ast.Attribute) and sub.attr == "args" and isinstance(sub.value, ast.Name):
            if sub.value.id in names:
                return True
        if isinstance(sub, ast.FormattedValue) and isinstance(sub.value, ast.Name) and sub.value.id in names:
            return True
    return False


_MATCHING = {"startswith", "endswith", "find", "index", "count", "search", "match", "fullmatch"}


def text_matches(path: Path) -> list[tuple[int, frozenset[str]]]:
    """Every place in ``path`` that tests an error's text (a comparison with ``==``, ``!=``,
    ``in``, ``not in``, or startswith/find/re.search...), with the exception types the tested
    name was caught as (empty: not an ``except ... as`` name, e.g. a DomainError's message)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, frozenset[str]]] = []

    def tests_text(node: ast.AST, names: set[str]) -> bool:
        if isinstance(node, ast.Compare) and any(
            isinstance(op, ast.In | ast.NotIn | ast.Eq | ast.NotEq) for op in node.ops
        ):
            return any(_reads_text(part, names) for part in [node.left, *node.comparators])
        if isinstance(node, ast.Call) and error_codes._name(node.func) in _MATCHING:
            parts = [*node.args, *(k.value for k in node.keywords)]
            if isinstance(node.func, ast.Attribute):
                parts.append(node.func.value)
            return any(_reads_text(part, names) for part in parts)
        return False

    def visit(node: ast.AST, bound: dict[str, frozenset[str]]) -> None:
        for child in ast.iter_child_nodes(node):
            inner = bound
            if isinstance(child, ast.ExceptHandler) and child.name:
                inner = {**bound, child.name: frozenset(_caught(child))}
            if tests_text(child, set(inner)):
                used = {n.id for n in ast.walk(child) if isinstance(n, ast.Name) and n.id in inner}
                kinds = frozenset().union(*(inner[n] for n in used)) if used else frozenset()
                found.append((child.lineno, kinds))
            visit(child, inner)

    visit(tree, {})
    return found


def test_nothing_recognises_a_refusal_by_its_text() -> None:
    error_types = error_codes.error_classes(error_codes._trees())
    offenders = []
    for path in error_codes.source_files():
        for line, kinds in text_matches(path):
            allowed = kinds and not (kinds & error_types) and kinds <= set(TEXT_ONLY)
            if not allowed:
                offenders.append(
                    f"{path.relative_to(ROOT)}:{line} ({', '.join(sorted(kinds)) or 'a message'})"
                )
    assert offenders == [], "test the error's code (exc.code), not its text"


def test_the_text_check_catches_a_match_on_a_domain_error(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "try:\n    pass\nexcept DomainError as exc:\n"
        "    if 'signed records only' in exc.message:\n        pass\n"
        "    if str(exc).startswith('No'):\n        pass\n"
        "try:\n    pass\nexcept OSError as err:\n    if 'x' in str(err):\n        pass\n"
        "for error in errors:\n    if error.message == 'x':\n        pass\n"
    )
    assert text_matches(sample) == [
        (4, frozenset({"DomainError"})),
        (6, frozenset({"DomainError"})),
        (11, frozenset({"OSError"})),
        (14, frozenset()),
    ]


# --------------------------------------------------------------------------------------------
# The catalogue


def test_the_catalogue_of_codes_is_up_to_date(sites: list[Site]) -> None:
    expected = error_codes.catalogue(sites)
    actual = error_codes.CATALOGUE.read_text(encoding="utf-8") if error_codes.CATALOGUE.exists() else ""
    assert actual == expected, "run: uv run python tests/error_codes.py"


def test_the_catalogue_script_runs() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "error_codes.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert PACKAGE.is_dir()


TRANSLATED = ("_(", "ngettext(", "pgettext(", "i18n._(", "QCoreApplication.translate(")


def test_every_refusal_written_at_its_raise_is_translated(sites: list[Site]) -> None:
    """A refusal is read by a supervisor in their language: its message goes through gettext
    (or Qt's tr in the screens) where it is written; a message passed on was translated where
    it was made."""
    untranslated = [
        f"{site.where}: {site.message_source[:80]}"
        for site in [*sites, *error_codes.contexts()]
        if site.templates is not None
        and not (site.message_source.startswith(TRANSLATED) or "self.tr(" in site.message_source)
    ]
    assert untranslated == []
