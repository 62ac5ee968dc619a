"""Build resources/translations/supervisor_app_en.ts and .qm: the English plural forms
("1 session", "2 sessions") of every count the app shows through ``tr(text, "", n)``.

Qt picks a plural form only from a translation, so English needs one too. A counted string is
written "%n session(s)" (or "%n entry(ies)"); this fills in its two English forms. Run after
adding or changing one (a test fails until you do):

    uv run python packaging/make_translations.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "supervisor_app_en.ts"
TOOLS = Path(sys.executable).parent


def english_forms(source: str) -> tuple[str, str]:
    """The singular and plural of a counted source text."""
    singular = source.replace("y(ies)", "y").replace("(s)", "")
    plural = source.replace("y(ies)", "ies").replace("(s)", "s")
    return singular, plural


def counted_messages() -> list[tuple[str, str]]:
    """(context, source) of every counted string in the UI, as lupdate finds them."""
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "all.ts"
        sources = sorted(str(p) for p in (ROOT / "supervisor_app" / "ui").glob("*.py"))
        subprocess.run(
            [str(TOOLS / "pyside6-lupdate"), *sources, "-locations", "none", "-ts", str(scratch)],
            check=True,
            capture_output=True,
        )
        tree = ET.parse(scratch)
    found = []
    for context in tree.getroot().iter("context"):
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
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, "unicode") + "\n"
    )


def main() -> None:
    write_ts(counted_messages(), TS)
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    main()
