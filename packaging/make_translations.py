"""The one maintenance command for the app's translations (docs/TRANSLATING.md):

    uv run python packaging/make_translations.py            refresh every catalogue from the code
    uv run python packaging/make_translations.py --compile  only compile them (the bundle build)

Refreshing does, in order:

1. ``resources/translations/supervisor_app_en.ts``: the English plural forms ("1 session",
   "2 sessions") of every count the screens show through ``tr(text, "", n)``. Qt picks a
   plural form only from a translation, so English needs one too. A counted string is written
   "%n session(s)" (or "%n entry(ies)"); this fills in its two English forms.
2. ``resources/translations/supervisor_app_es.ts``: lupdate over ``supervisor_app/ui/*.py``,
   keeping the translations already made and dropping strings the code no longer has.
3. ``resources/translations/supervisor_app.pot``: every gettext message of the code outside
   ``ui/`` (``_``, ``ngettext``, ``pgettext``, ``N_``), extracted with Babel.
4. ``resources/translations/<lang>/LC_MESSAGES/supervisor_app.po`` updated from the .pot:
   translations kept, new messages added empty, messages the code no longer has dropped.

Then it compiles them (.ts -> .qm with lrelease, .po -> .mo with Babel), as the app itself does
on demand when a compiled file is missing or older than its source. Compiled files are not
committed (.gitignore). ``tests/test_translations.py`` fails when a catalogue is not current.
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "supervisor_app_en.ts"
POT = TRANSLATIONS / "supervisor_app.pot"
PACKAGE = ROOT / "supervisor_app"
UI = PACKAGE / "ui"
TRANSLATED = ("es",)
"""The languages besides English (each has a .ts for the screens and a .po for the rest)."""
LANGUAGE_TEAMS = {"es": "Spanish"}
GETTEXT_KEYWORDS = {"_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "N_": None}


def lupdate_program() -> Path:
    from supervisor_app.ui.translations import qt_tool

    return qt_tool("lupdate")


def ui_sources() -> list[str]:
    return sorted(str(p) for p in UI.glob("*.py"))


# -- 1. English plural forms ---------------------------------------------------------------------


def english_forms(source: str) -> tuple[str, str]:
    """The singular and plural of a counted source text."""
    singular = source.replace("y(ies)", "y").replace("(s)", "")
    plural = source.replace("y(ies)", "ies").replace("(s)", "s")
    return singular, plural


def qt_messages() -> ET.Element:
    """Every tr() string of the screens (a fresh .ts, untranslated): lupdate's, completed with
    what it cannot see (:func:`helper_messages`)."""
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "all.ts"
        subprocess.run(
            [str(lupdate_program()), *ui_sources(), "-locations", "none", "-ts", str(scratch)],
            check=True,
            capture_output=True,
        )
        root = ET.parse(scratch).getroot()
    complete(root, {})
    return root


def helper_messages() -> list[tuple[str, str]]:
    """(context, source) of the screens' strings lupdate cannot see, found in the code's syntax:

    - calls of a module's own helper ``def _tr(text): return QCoreApplication.translate("Ctx",
      text)`` with a written string, ``_tr("Date")``;
    - calls through an alias ``tr = QCoreApplication.translate``, ``tr("Ctx", "text")`` (which
      lupdate reads as a source and a comment in no context).

    A helper called with a variable (``_tr(word)``) is invisible here too: mark the strings
    where they are written with ``QT_TRANSLATE_NOOP("Ctx", "text")``."""
    import ast

    def is_translate(node: ast.AST) -> bool:
        return isinstance(node, ast.Attribute) and node.attr == "translate"

    found: list[tuple[str, str]] = []
    for source in ui_sources():
        tree = ast.parse(Path(source).read_text(encoding="utf-8"))
        helpers: dict[str, str] = {}
        aliases: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.args.args and node.body:
                last = node.body[-1]
                call = last.value if isinstance(last, ast.Return) else None
                if (
                    isinstance(call, ast.Call)
                    and is_translate(call.func)
                    and len(call.args) == 2
                    and isinstance(call.args[0], ast.Constant)
                    and isinstance(call.args[0].value, str)
                    and isinstance(call.args[1], ast.Name)
                    and call.args[1].id == node.args.args[0].arg
                ):
                    helpers[node.name] = call.args[0].value
            elif isinstance(node, ast.Assign) and is_translate(node.value):
                aliases.update(t.id for t in node.targets if isinstance(t, ast.Name))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            texts = [
                a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                for a in node.args
            ]
            if node.func.id in helpers and texts and texts[0] is not None:
                found.append((helpers[node.func.id], texts[0]))
            elif node.func.id in aliases and len(texts) >= 2 and None not in texts[:2]:
                found.append((texts[0], texts[1]))  # type: ignore[arg-type]
    return sorted(set(found))


def complete(root: ET.Element, previous: dict[tuple[str, str], ET.Element]) -> None:
    """Add :func:`helper_messages` to a .ts lupdate wrote (with their ``previous``
    translations), and drop what lupdate misread from aliases (the context without a name)."""
    contexts = {c.findtext("name") or "": c for c in root.findall("context")}
    if "" in contexts:
        root.remove(contexts.pop(""))
    for name, source in helper_messages():
        context = contexts.get(name)
        if context is None:
            context = ET.Element("context")
            ET.SubElement(context, "name").text = name
            contexts[name] = context
            names = sorted(contexts)  # as lupdate orders them
            root.insert(names.index(name), context)
        sources = {m.findtext("source") for m in context.findall("message") if not m.findtext("comment")}
        if source in sources:
            continue
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        kept = previous.get((name, source))
        if kept is not None:
            message.append(kept)
        else:
            ET.SubElement(message, "translation", type="unfinished")


def counted_messages() -> list[tuple[str, str]]:
    """(context, source) of every counted string in the UI."""
    found = []
    for context in qt_messages().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if name and message.get("numerus") == "yes":
                found.append((name, message.findtext("source") or ""))
    return sorted(set(found))


def write_ts(messages: list[tuple[str, str]], path: Path) -> None:
    root = ET.Element("TS", version="2.1", language="en")
    by_context: dict[str, list[str]] = {}
    for context, source in messages:
        by_context.setdefault(context, []).append(source)
    for context, sources in by_context.items():
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = context
        for source in sources:
            message = ET.SubElement(element, "message", numerus="yes")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            for form in english_forms(source):
                ET.SubElement(translation, "numerusform").text = form
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, "unicode") + "\n",
        encoding="utf-8",
    )


# -- 2. The screens' translations -----------------------------------------------------------------


def update_qt(code: str) -> Path:
    """lupdate the screens' strings into supervisor_app_<code>.ts, keeping translations."""
    target = TRANSLATIONS / f"supervisor_app_{code}.ts"
    previous: dict[tuple[str, str], ET.Element] = {}
    if target.is_file():  # lupdate drops the strings it cannot see: keep their translations
        for context in ET.parse(target).getroot().iter("context"):
            for message in context.iter("message"):
                translation = message.find("translation")
                if (
                    translation is not None
                    and translation.get("type") != "unfinished"
                    and not message.findtext("comment")
                ):
                    previous[(context.findtext("name") or "", message.findtext("source") or "")] = translation
    subprocess.run(
        [
            str(lupdate_program()),
            *ui_sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            code,
            "-silent",
            "-ts",
            str(target),
        ],
        check=True,
    )
    tree = ET.parse(target)
    complete(tree.getroot(), previous)
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), "unicode", short_empty_elements=False)
    body = re.sub(r"^    ", "", body, flags=re.MULTILINE)  # contexts at the margin, as lupdate writes them
    target.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return target


# -- 3, 4. gettext ------------------------------------------------------------------------------


def extract_gettext():  # type: ignore[no-untyped-def]
    """A Babel catalogue of every gettext message in the code outside ui/ (the .pot)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_file

    from supervisor_app import __version__

    catalog = Catalog(
        project="supervisor_app",
        version=__version__,
        domain="supervisor_app",
        fuzzy=False,
        msgid_bugs_address="",
        header_comment="# The gettext messages of supervisor_app (packaging/make_translations.py writes this).",
    )
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if UI in path.parents or "migrations" in relative.parts:
            continue
        for lineno, message, comments, context in extract_from_file(
            "python", str(path), keywords=GETTEXT_KEYWORDS, comment_tags=("Translators:",)
        ):
            catalog.add(
                message,
                None,
                [(relative.as_posix(), lineno)],
                auto_comments=comments,
                context=context,
                flags=("python-brace-format",) if "{" in str(message) else (),
            )
    return catalog


def write_pot(template) -> None:  # type: ignore[no-untyped-def]
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, template, width=100, include_lineno=False, sort_output=True)
    _write_if_changed(POT, buffer.getvalue())


_DATED = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"$', re.MULTILINE)


def _write_if_changed(path: Path, content: bytes) -> None:
    """Write ``content`` unless only its dates differ from what the file holds (no churn in git)."""
    if path.is_file() and _DATED.sub(b"", path.read_bytes()) == _DATED.sub(b"", content):
        return
    path.write_bytes(content)


def update_po(code: str, template) -> Path:  # type: ignore[no-untyped-def]
    """Update <code>/LC_MESSAGES/supervisor_app.po from the template: keep translations, add the
    new messages empty, drop what the code no longer has (no fuzzy guesses)."""
    from babel.messages.pofile import read_po, write_po

    from supervisor_app.i18n import catalogue_source

    path = catalogue_source(code)
    with path.open("rb") as f:
        catalog = read_po(f, locale=code)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.project, catalog.version, catalog.msgid_bugs_address = template.project, template.version, ""
    catalog.last_translator, catalog.language_team = "supervisor_app", LANGUAGE_TEAMS.get(code, code)
    catalog.header_comment = f"# supervisor_app in {LANGUAGE_TEAMS.get(code, code)} (docs/TRANSLATING.md)."
    catalog.obsolete.clear()
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, no_location=True, include_previous=False, sort_output=True)
    _write_if_changed(path, buffer.getvalue())
    return path


# -- compiling ----------------------------------------------------------------------------------


def compile_all() -> list[Path]:
    """Compile every catalogue (.ts -> .qm, .po -> .mo) that is missing or older than its source."""
    from supervisor_app import i18n
    from supervisor_app.ui.translations import compiled_qt_catalogue

    built = []
    for code in ("en", *TRANSLATED):
        qm = compiled_qt_catalogue(code)
        if qm is None:
            raise SystemExit(f"make_translations: could not compile supervisor_app_{code}.ts")
        built.append(qm)
        if code != i18n.SOURCE_LANGUAGE:
            mo = i18n.compiled_catalogue(code)
            if mo is None:
                raise SystemExit(f"make_translations: {code} has no gettext catalogue")
            built.append(mo)
    return built


def refresh() -> None:
    write_ts(counted_messages(), TS)
    for code in TRANSLATED:
        update_qt(code)
    template = extract_gettext()
    write_pot(template)
    for code in TRANSLATED:
        update_po(code, template)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile", action="store_true", help="only compile the catalogues")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if not args.compile:
        refresh()
    for path in compile_all():
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
