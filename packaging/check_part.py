"""Temporary (issue 21, while helpers translate in parallel): list the gettext messages in the
given source files that the given .po part lacks, has empty, or whose placeholders differ.

    uv run python packaging/check_part.py --po resources/translations/es/parts/NAME.po FILE_OR_DIR...
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "N_": None}
HOLE = re.compile(r"\{[^{}]*\}")


def messages(paths: list[Path]):
    for path in paths:
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for f in files:
            for lineno, message, _comments, context in extract_from_file(
                "python", str(f), keywords=KEYWORDS, comment_tags=("Translators:",)
            ):
                yield f, lineno, message, context


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--po", required=True)
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    with open(args.po, "rb") as f:
        catalog = read_po(f)
    problems = 0
    count = 0
    for f, lineno, message, context in messages([Path(p) for p in args.paths]):
        count += 1
        key = message[0] if isinstance(message, tuple) else message
        entry = catalog.get(key, context=context)
        where = f"{f}:{lineno}"
        if entry is None or not entry.string or (isinstance(entry.string, tuple) and not all(entry.string)):
            print(f"{where}: missing: {key!r}")
            problems += 1
            continue
        sources = message if isinstance(message, tuple) else (message,)
        targets = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        want = sorted(set(HOLE.findall(" ".join(sources))))
        for target in targets:
            if sorted(set(HOLE.findall(target))) != want:
                print(f"{where}: placeholders differ: {key!r} -> {target!r}")
                problems += 1
    print(f"{count} messages, {problems} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
