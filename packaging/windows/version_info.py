"""The Windows version resource (Explorer's Properties > Details), written at build time.

The spec calls :func:`write_version_file` with the name and version it read from
``pyproject.toml``, so the .exe never carries a stale version. The file is PyInstaller's
text format (a ``VSVersionInfo(...)`` expression), passed to ``EXE(version=...)``.
"""

from __future__ import annotations

import re
from pathlib import Path


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'1.2.3' -> (1, 2, 3, 0); '1.2.0rc1' -> (1, 2, 0, 0): Windows wants four small integers."""
    release = re.match(r"^\d+(\.\d+)*", version.strip())
    numbers = [int(n) for n in release.group(0).split(".")][:4] if release else []
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def render(
    *,
    product: str,
    version: str,
    description: str,
    exe_name: str,
    company: str = "",
    copyright_line: str = "",
) -> str:
    numbers = version_tuple(version)
    strings = {
        "CompanyName": company,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe_name,
        "LegalCopyright": copyright_line,
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": product,
        "ProductVersion": version,
    }
    string_structs = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""# UTF-8
# Generated from pyproject.toml by packaging/windows/version_info.py; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{string_structs}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_version_file(path: Path, **fields: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(**fields), encoding="utf-8")
    return path
