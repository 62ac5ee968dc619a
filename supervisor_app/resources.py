"""The one way code finds the files under ``resources/``.

In a wheel (and the PyInstaller bundle) the folder is shipped inside the package as
``supervisor_app/resources``; in a development checkout it sits beside the package at the
project's top level. Nothing else in the code builds a path to a resource.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """The folder holding credential profiles, fonts, icons and templates."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "supervisor_app" / "resources")
    package = Path(__file__).resolve().parent
    candidates.append(package / "resources")  # installed wheel
    candidates.append(package.parent / "resources")  # development checkout
    for candidate in candidates:
        if (candidate / "credentials").is_dir():
            return candidate
    raise FileNotFoundError(
        "supervisor_app cannot find its resources folder (looked in: "
        + ", ".join(str(c) for c in candidates)
        + "). The installation is incomplete; reinstall the application."
    )


def resource_path(*parts: str) -> Path:
    """A file or folder under the resources folder, e.g. ``resource_path("fonts")``."""
    return resources_dir().joinpath(*parts)
