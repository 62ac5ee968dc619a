"""The catalogues: every message of the code is in them (none missing, none left over), every
Spanish translation is finished, and keeps the placeholders and the keyboard accelerator of
its English. The command line speaks the language ``--lang`` or $SUPERVISOR_APP_LANG asks for.

``packaging/make_translations.py`` brings the catalogues up to date with the code."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from supervisor_app import i18n
from supervisor_app.cli import main
from supervisor_app.cli.running import chosen_language
from supervisor_app.resources import resource_path

ROOT = Path(__file__).resolve().parents[1]
BRACES = re.compile(r"\{[^{}]*\}")
QT_HOLES = re.compile(r"%L?[1-9]|%n")


def _make_translations():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "make_translations", ROOT / "packaging" / "make_translations.py"
    )
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="module")
def tools():  # type: ignore[no-untyped-def]
    return _make_translations()


@pytest.fixture(scope="module")
def template(tools):  # type: ignore[no-untyped-def]
    """Every gettext message in the code outside ui/, as extracted now."""
    return tools.extract_gettext()


def _po(code: str):  # type: ignore[no-untyped-def]
    with i18n.catalogue_source(code).open("rb") as f:
        return read_po(f, locale=code)


def _key(message) -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    return (message.id if isinstance(message.id, str) else message.id[0], message.context)


def _ts(path: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _qt_key(context: str, message: ET.Element) -> tuple[str, str, str, bool]:
    return (
        context,
        message.findtext("source") or "",
        message.findtext("comment") or "",
        message.get("numerus") == "yes",
    )


def _qt_forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)\S", text.replace("&&", "")))


# -- current with the code --------------------------------------------------------------------------


def test_the_gettext_catalogues_hold_exactly_the_messages_of_the_code(template) -> None:  # type: ignore[no-untyped-def]
    wanted = {_key(m) for m in template if m.id}
    with (ROOT / "resources" / "translations" / "supervisor_app.pot").open("rb") as f:
        pot = {_key(m) for m in read_po(f) if m.id}
    assert pot == wanted, "run packaging/make_translations.py"
    for code in ("es",):
        have = {_key(m) for m in _po(code) if m.id}
        assert have == wanted, (
            f"run packaging/make_translations.py: missing {sorted(wanted - have, key=str)[:10]}, "
            f"left over {sorted(have - wanted, key=str)[:10]}"
        )


def test_the_spanish_screens_catalogue_holds_exactly_the_strings_of_the_screens(tools) -> None:  # type: ignore[no-untyped-def]
    root = tools.qt_messages()
    wanted = {
        _qt_key(context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    }
    have = {
        _qt_key(context, message)
        for context, message in _ts(resource_path("translations", "supervisor_app_es.ts"))
    }
    assert have == wanted, (
        f"run packaging/make_translations.py: missing {sorted(wanted - have)[:5]}, left over {sorted(have - wanted)[:5]}"
    )


# -- finished ---------------------------------------------------------------------------------------


def test_every_gettext_message_has_a_finished_spanish_translation(template) -> None:  # type: ignore[no-untyped-def]
    catalogue = _po("es")
    missing = []
    for message in template:
        if not message.id:
            continue
        found = catalogue.get(
            message.id if isinstance(message.id, str) else message.id[0], context=message.context
        )
        forms = () if found is None else found.string if isinstance(found.string, tuple) else (found.string,)
        if found is None or found.fuzzy or not forms or not all(forms):
            missing.append(_key(message)[0])
    assert not missing, f"{len(missing)} messages without Spanish, e.g. {missing[:5]}"


def test_every_screen_string_has_a_finished_spanish_translation() -> None:
    missing = [
        f"{context}: {message.findtext('source')}"
        for context, message in _ts(resource_path("translations", "supervisor_app_es.ts"))
        if (message.find("translation") is None)
        or message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")  # type: ignore[union-attr]
        or not all(_qt_forms(message))
    ]
    assert not missing, f"{len(missing)} screen strings without Spanish, e.g. {missing[:5]}"


# -- placeholders and accelerators (of what is translated) --------------------------------------------


def test_spanish_messages_keep_their_placeholders() -> None:
    wrong = []
    for message in _po("es"):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        want = set(BRACES.findall(" ".join(sources)))
        wrong += [
            f"{sources[0]!r} -> {form!r}" for form in forms if form and set(BRACES.findall(form)) != want
        ]
        printf = set(re.findall(r"%\(\w+\)[sdr]|%[sdr]", " ".join(sources)))
        wrong += [
            f"{sources[0]!r} -> {form!r}"
            for form in forms
            if form and set(re.findall(r"%\(\w+\)[sdr]|%[sdr]", form)) != printf
        ]
    assert not wrong, "\n".join(wrong)


def test_spanish_screen_strings_keep_placeholders_and_one_accelerator() -> None:
    wrong = []
    for context, message in _ts(resource_path("translations", "supervisor_app_es.ts")):
        source = message.findtext("source") or ""
        for form in _qt_forms(message):
            if not form:
                continue
            where = f"{context}: {source!r} -> {form!r}"
            if set(BRACES.findall(form)) != set(BRACES.findall(source)):
                wrong.append(f"{where}: {{placeholders}} differ")
            holes = set(QT_HOLES.findall(source))
            if message.get("numerus") == "yes":
                holes.discard("%n")  # a singular may say "una sesión" instead of "%n"
                if not holes <= set(QT_HOLES.findall(form)):
                    wrong.append(f"{where}: %-placeholders differ")
            elif set(QT_HOLES.findall(form)) != holes:
                wrong.append(f"{where}: %-placeholders differ")
            if _accelerators(form) != _accelerators(source):
                wrong.append(f"{where}: {_accelerators(source)} accelerator(s) in English")
    assert not wrong, "\n".join(wrong)


def test_the_english_catalogue_compiles_and_the_spanish_one_too() -> None:
    from supervisor_app.ui.translations import compiled_qt_catalogue

    for code in ("en", "es"):
        compiled = compiled_qt_catalogue(code)
        assert compiled is not None and compiled.stat().st_size > 0
        assert (
            compiled.stat().st_mtime
            >= resource_path("translations", f"supervisor_app_{code}.ts").stat().st_mtime
        )
    mo = i18n.compiled_catalogue("es")
    assert mo is not None and mo.stat().st_mtime >= i18n.catalogue_source("es").stat().st_mtime


# -- the command line's language ----------------------------------------------------------------------


def test_lang_es_prints_spanish_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "es", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("uso: supervisor-app")
    assert "opciones:" in out and "el idioma de los mensajes y la ayuda" in out
    assert main(["--lang=en", "--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: supervisor-app")


def test_lang_es_writes_refusals_in_spanish(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert (
        main(["--lang", "es", "--open-hours", str(tmp_path / "nada.hours"), "--db", "x.db", "progress"]) == 2
    )
    assert "Indique --db o --open-hours, no ambos." in capsys.readouterr().err
    assert main(["--lang", "es", "list", "everything"]) == 2
    assert "opción no válida: 'everything'" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--lang", "fr", "list", "supervisors"], ["--lang=klingon", "--help"]])
def test_an_unknown_language_is_a_usage_error_that_opens_nothing(
    argv: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SUPERVISOR_APP_DB", str(tmp_path / "agency.db"))
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "--lang: there is no language" in captured.err and "es (Español)" in captured.err
    assert list(tmp_path.iterdir()) == []  # no database created or opened


def test_the_environment_chooses_the_language_and_a_bad_one_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SUPERVISOR_APP_LANG", "es_MX.UTF-8")
    assert main(["--help"]) == 0
    assert capsys.readouterr().out.startswith("uso:")
    assert chosen_language(["--lang", "en", "list"]) == ("en", True)  # --lang wins
    monkeypatch.setenv("SUPERVISOR_APP_LANG", "fr_FR")
    assert main(["--help"]) == 2
    assert "$SUPERVISOR_APP_LANG: there is no language fr_FR" in capsys.readouterr().err


def test_without_a_choice_the_system_language_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUPERVISOR_APP_LANG")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "es_US.UTF-8")
    assert chosen_language(["progress"]) == ("es", False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")  # a language the app lacks: English
    assert chosen_language(["progress"]) == ("en", False)


def test_every_screen_context_is_one_qt_looks_up() -> None:
    """lupdate names the context of ``obj.tr(...)`` after the variable or the function it is in;
    Qt looks the text up under the object's class. Only a class of the screens, or a context
    written out in ``QCoreApplication.translate("Context", ...)``, is found at run time."""
    import ast

    known: set[str] = set()
    for path in (ROOT / "supervisor_app" / "ui").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                known.add(node.name)
            elif (
                isinstance(node, ast.Call)
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and (
                    (
                        isinstance(node.func, ast.Attribute)
                        and node.func.attr in ("translate", "QT_TRANSLATE_NOOP")
                    )
                    or (isinstance(node.func, ast.Name) and node.func.id in ("tr", "QT_TRANSLATE_NOOP"))
                )
            ):
                known.add(node.args[0].value)
    contexts = {context for context, _message in _ts(resource_path("translations", "supervisor_app_es.ts"))}
    assert contexts - known == set()
