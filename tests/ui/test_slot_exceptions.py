"""A slot that raises fails the test that clicked it.

Qt calls a slot from its event loop: an exception there does not reach the test's own code, so
without a guard a click whose handler crashed would pass unnoticed. pytest-qt's exception
capture is the guard (on unless ``qt_no_exception_capture`` is set): these tests prove it is on
for this project's configuration, so it cannot be switched off without a test failing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

ROOT = Path(__file__).resolve().parents[2]


def _raise() -> None:
    raise RuntimeError("the slot broke")


def test_the_exception_of_a_clicked_slot_is_captured(qtbot) -> None:  # type: ignore[no-untyped-def]
    button = QPushButton("Break")
    qtbot.addWidget(button)
    button.clicked.connect(_raise)
    button.show()
    with qtbot.captureExceptions() as exceptions:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(exceptions) == 1
    kind, value, _traceback = exceptions[0]
    assert kind is RuntimeError and str(value) == "the slot broke"


INNER = """
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton


def test_click_a_button_whose_slot_raises(qtbot):
    button = QPushButton("Break")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: 1 / 0)
    button.show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # Nothing here fails by itself: only the guard can turn the slot's error into a failure.
"""


def test_a_test_whose_click_ran_a_raising_slot_fails_under_the_projects_settings(tmp_path: Path) -> None:
    inner = tmp_path / "test_inner.py"
    inner.write_text(INNER, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(ROOT / "pyproject.toml"),  # this project's pytest settings, pytest-qt's among them
            "--rootdir",
            str(tmp_path),
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            "-q",
            str(inner),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "1 failed" in output, output
    assert "ZeroDivisionError" in output, output
