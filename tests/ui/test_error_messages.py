"""Errors from the storage say what happened and what to do, in words a supervisor uses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from supervisor_app.db import make_engine
from supervisor_app.ui.common import show_error


def _shown_text(exc: BaseException) -> str:
    page = QWidget()
    show_error(page, exc)
    boxes = page.findChildren(QMessageBox)
    assert len(boxes) == 1
    text = boxes[0].text()
    boxes[0].done(0)
    return text


def _damage_the_sessions_table(path: Path) -> None:
    """Overwrite the sessions table's root page, as a failing disk would."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'supervision_session'").fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\x5a" * page_size
    path.write_bytes(bytes(data))


_READ = "SELECT * FROM supervision_session"  # what the Records page reads


def test_a_damaged_file_read_through_sqlite_or_sqlalchemy_says_so(world, qapp) -> None:
    path = world.db.path
    world.db.close()
    _damage_the_sessions_table(path)
    with pytest.raises(sqlite3.DatabaseError) as raw:
        sqlite3.connect(path).execute(_READ).fetchall()
    engine = make_engine(f"sqlite:///{path}")
    try:
        with pytest.raises(Exception) as wrapped, engine.connect() as conn:
            conn.exec_driver_sql(_READ).all()
    finally:
        engine.dispose()
    assert type(wrapped.value).__module__.startswith("sqlalchemy")
    for exc in (raw.value, wrapped.value):
        text = _shown_text(exc)
        assert "damaged" in text and "restore the newest backup" in text and "Nothing was saved" in text
        assert "malformed" in text  # what SQLite said, for whoever supports the agency's IT


def test_a_full_disk_and_a_busy_file_are_named(qapp) -> None:
    assert _shown_text(sqlite3.OperationalError("database or disk is full")).startswith("The disk is full")
    assert "Another program is using the database" in _shown_text(
        sqlite3.OperationalError("database is locked")
    )
    assert _shown_text(ValueError("odd")) == "Something went wrong and nothing was saved: odd"


def test_an_error_with_no_window_to_sit_on_stays_until_it_is_closed(qapp) -> None:
    show_error(None, sqlite3.OperationalError("database or disk is full"))
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert [b.text() for b in boxes] == [
        "The disk is full, so nothing was saved. Free some space and try again."
    ]
    boxes[0].done(0)
