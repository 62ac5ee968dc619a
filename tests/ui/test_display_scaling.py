"""Every screen fits a 1366x768 laptop at 100% and at Windows' 125% and 150% display scaling,
and in Spanish (which runs about 25% longer) at 100% and 125%.

Each scale runs tests/scaled_screens.py in a Qt of its own (the scale factor is fixed when Qt
starts), offscreen on a 1366x768 screen: every page of the main window and every dialog it
reaches is opened as a person would, and each must be able to shrink to the screen (less
the taskbar and title bar) and must open no bigger than it. The supervisee list shows the
columns a supervisor reads (name, supervision and experience hours, status) whole, with no
sideways scrolling.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from supervisor_app.ui.screen_fit import WINDOW_CHROME_HEIGHT

HERE = Path(__file__).resolve().parent.parent
SCREEN = HERE / "offscreen-1366x768.json"
FRAME = 2  # the offscreen platform's window frame, each side

SCREENS = {
    "sign-in", "supervisees", "supervisee progress", "supervisee sessions", "supervisee edit",
    "session editor", "experience entry editor", "records", "to sign", "attestations", "audit",
    "settings", "sign batch", "supervisor edit", "new supervisee", "new supervisor",
    "change password", "help", "about", "start review", "locked", "first run",
    "first run with mistakes",
}  # fmt: skip


def _measure(scale: float, tmp_path_factory: pytest.TempPathFactory, language: str = "en") -> dict[str, dict]:
    if os.name == "nt":
        pytest.skip("the offscreen screen's size is given as a path, which a drive's colon would cut")
    env = {
        **os.environ,
        "QT_SCALE_FACTOR": str(scale),
        "QT_QPA_PLATFORM": f"offscreen:configfile={SCREEN}",
        "SUPERVISOR_APP_DATA_DIR": str(tmp_path_factory.mktemp(f"scaled-{scale}")),
        "SUPERVISOR_APP_LANG": language,
    }
    done = subprocess.run(
        [sys.executable, str(HERE / "scaled_screens.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=HERE.parent,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found = {}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            found[row["name"]] = row
    return found


@pytest.fixture(
    scope="module",
    params=[(1.0, "en"), (1.25, "en"), (1.5, "en"), (1.0, "es"), (1.25, "es")],
    ids=["100pct", "125pct", "150pct", "spanish-100pct", "spanish-125pct"],
)
def screens(request, tmp_path_factory) -> tuple[float, dict[str, dict]]:  # type: ignore[no-untyped-def]
    scale, language = request.param
    found = _measure(scale, tmp_path_factory, language)
    for row in found.values():
        row["language"] = language
    return scale, found


def test_every_screen_was_reached(screens) -> None:  # type: ignore[no-untyped-def]
    scale, found = screens
    assert set(found) == SCREENS
    assert all(row["scale"] == scale for row in found.values())
    assert found["sign-in"]["screen_w"] == round(1366 / scale)


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_it_fits_the_laptop_screen(screens, name: str) -> None:  # type: ignore[no-untyped-def]
    _scale, found = screens
    row = found[name]
    usable = row["screen_h"] - WINDOW_CHROME_HEIGHT
    assert row["min_w"] <= row["screen_w"], f"{name} cannot be narrower than {row['min_w']}: {row}"
    assert row["min_h"] <= usable, f"{name} cannot be shorter than {row['min_h']} (room: {usable}): {row}"
    assert row["w"] <= row["screen_w"] + 2 * FRAME, f"{name} opens wider than the screen: {row}"
    assert row["h"] <= row["screen_h"] + 2 * FRAME, f"{name} opens taller than the screen: {row}"


def test_the_spanish_screens_are_in_spanish(screens) -> None:  # type: ignore[no-untyped-def]
    """Their fit means something only if they are: the list's first column is not English."""
    _scale, found = screens
    if found["supervisees"]["language"] != "es":
        pytest.skip("English")
    assert found["supervisees"]["first_header"] != "Supervisee"


def test_the_supervisee_list_shows_its_essential_columns_whole(screens) -> None:  # type: ignore[no-untyped-def]
    _scale, found = screens
    row = found["supervisees"]
    assert row["whole"] == row["essential"] == ["Supervisee", "Supervision", "Experience", "Status"]


def test_a_refused_save_scrolls_its_message_into_view(screens) -> None:  # type: ignore[no-untyped-def]
    _scale, found = screens
    assert found["session editor"]["error_in_view"] is True
