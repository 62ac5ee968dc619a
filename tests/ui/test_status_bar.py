"""The status bar at 1366 pixels wide: a database with a long path shows it shortened in the
middle (the whole path in its tooltip), so a message beside it stays whole."""

from __future__ import annotations

from pathlib import Path

from supervisor_app.db import open_database
from supervisor_app.services import people
from tests.conftest import PASSWORD

MESSAGE = "Not synced: the agency server cannot be reached. Your work is safe on this laptop."


def test_a_long_path_leaves_room_for_the_message(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "Agency Records" / "Peer Recovery Program" / "Clinical Supervision Files 2026"
    folder.mkdir(parents=True)
    path = folder / "Dana Whitaker" / "supervision-records-main-office.db"
    path.parent.mkdir()
    db = open_database(path)
    try:
        with db.uow("test") as uow:
            dana = people.add_supervisor(uow, name="Dana Whitaker", credentials="CRSS", password=PASSWORD)
            uow.commit()
        window = make_window(db, supervisor_id=dana.id)
        window.resize(1366, 728)
        status = window.statusBar()
        status.showMessage(MESSAGE)
        qtbot.waitUntil(lambda: window.width() == 1366)
        label = window.db_label
        assert label.toolTip() == str(path) and label.accessibleDescription() == str(path)
        assert label.text().startswith("Database: ") and "…" in label.text()
        assert label.text().endswith(".db") and str(path)[:8] in label.text()  # both ends kept
        permanent = [label, window.who_label, window.sync_control.box, window.busy]
        first = min(w.mapTo(status, w.rect().topLeft()).x() for w in permanent if w.isVisible())
        assert status.fontMetrics().horizontalAdvance(MESSAGE) + 16 < first  # the message is whole
        assert label.width() >= label.sizeHint().width()  # and so is the shortened path
    finally:
        db.close()
