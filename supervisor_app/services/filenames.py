"""File names suggested from data (a supervisee's name in a PDF's name, a database's name in
its backup's): one function turns any text into one safe file name.

Whatever a name in the database holds (``../../../x``, ``C:\\Windows``, ``CON``, a newline, a
right-to-left override, 5,000 characters), the result is a single name that stays in the
folder it is saved to, on Windows, macOS and Linux alike.
"""

from __future__ import annotations

import re
import unicodedata

# Characters Windows refuses in a name, and the path separators of every system.
_FORBIDDEN = set('<>:"/\\|?*')
# Device names Windows reserves, with or without an extension (NUL.pdf is the device too).
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    "CONIN$",
    "CONOUT$",
    *(f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")),
}
MAX_NAME_LENGTH = 120  # characters; well under every file system's 255 bytes, even in UTF-8
_MAX_BYTES = 240


def _clean_char(char: str) -> str:
    if char in _FORBIDDEN:
        return "_"
    category = unicodedata.category(char)
    if category.startswith("C"):  # control, format (bidi overrides), surrogate, private, unassigned
        return "_"
    if category in ("Zl", "Zp") or char.isspace():
        return " "
    return char


def safe_file_name(text: str, *, fallback: str = "file", max_length: int = MAX_NAME_LENGTH) -> str:
    """``text`` as one file name: no path separators, no ``..``, no control characters, none
    that Windows refuses, not a reserved device name, not hidden (no leading dot), at most
    ``max_length`` characters (an extension such as ``.pdf`` is kept). ``fallback`` (itself
    made safe) when nothing usable is left."""
    name = "".join(_clean_char(c) for c in unicodedata.normalize("NFC", str(text)))
    name = re.sub(r"\.{2,}", ".", name)  # no '..' anywhere
    name = re.sub(r" {2,}", " ", name)
    name = name.strip(" .")  # Windows drops trailing dots and spaces; a leading dot hides the file
    stem, dot, suffix = name.rpartition(".")
    if not dot or not re.fullmatch(r"[A-Za-z0-9]{1,8}", suffix):
        stem, suffix = name, ""
    stem = _shorten(stem, max(1, max_length - len(suffix) - 1) if suffix else max_length)
    stem = stem.strip(" .")
    if not stem.strip("_ ."):
        stem = "".join(c for c in fallback if c.isalnum() or c in "-_ ").strip()[:max_length] or "file"
    if stem.split(".")[0].strip().upper() in _RESERVED:
        stem = "_" + stem
    return f"{stem}.{suffix}" if suffix else stem


def _shorten(text: str, length: int) -> str:
    text = text[:length]
    while len(text.encode("utf-8")) > _MAX_BYTES:
        text = text[:-1]
    return text
