"""safe_file_name: every file name suggested from data (a supervisee's name in a PDF's name, a
database's name in its backup's) stays one plain name inside the folder it is saved to."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supervisor_app.services.filenames import MAX_NAME_LENGTH, safe_file_name

HOSTILE = [
    "../../../x",
    "..\\..\\Windows\\System32\\x.pdf",
    "/etc/passwd",
    "C:\\Users\\x.pdf",
    "~/x",
    "..",
    ".",
    "...pdf",
    "",
    "   ",
    "CON",
    "con.pdf",
    "NUL.tar.gz",
    "COM1",
    "lpt9 .pdf",
    "a\x00b.pdf",
    "line\nbreak\r.pdf",
    "evil\u202egpj.exe",  # right-to-left override: shows as 'exe.jpg'
    'a<b>c:d"e|f?g*h.pdf',
    "trailing dots...",
    ".hidden",
    "x" * 5000 + ".pdf",
    "é" * 400,
    "\ud800.pdf",  # a lone surrogate
]


def _is_safe(name: str) -> bool:
    return (
        bool(name)
        and "/" not in name
        and "\\" not in name
        and ".." not in name
        and not name.startswith((".", " "))
        and not name.endswith((".", " "))
        and not any(c in name for c in '<>:"|?*')
        and all(c.isprintable() for c in name)
        and len(name) <= MAX_NAME_LENGTH
        and len(name.encode("utf-8", "surrogatepass")) <= 255
        and name.split(".")[0].strip().upper()
        not in {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
    )


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_names_become_one_safe_name(text: str, tmp_path) -> None:
    name = safe_file_name(text)
    assert _is_safe(name), name
    target = tmp_path / name
    target.write_bytes(b"x")  # a real file, in the folder and nowhere else
    assert target.resolve().parent == tmp_path.resolve()


def test_ordinary_names_are_kept_and_the_extension_survives_shortening() -> None:
    assert safe_file_name("statement_Carla_Núñez_2026-01-05.pdf") == "statement_Carla_Núñez_2026-01-05.pdf"
    assert safe_file_name("Prairie Lakes backup 2026-01-05.db") == "Prairie Lakes backup 2026-01-05.db"
    long = safe_file_name("x" * 5000 + ".pdf")
    assert long.endswith(".pdf") and len(long) == MAX_NAME_LENGTH
    assert safe_file_name("../../../x") == "_._._x"
    assert safe_file_name("CON.pdf") == "_CON.pdf"
    assert safe_file_name("", fallback="statement") == "statement"
    assert safe_file_name("/.pdf", fallback="form") == "form.pdf"


@given(st.text())
def test_any_text_gives_a_safe_name(text: str) -> None:
    assert _is_safe(safe_file_name(text))
