"""The supervisee list flags a record amended twice (in two databases, both amendments arrived
here): "two amendments" in the status column, and its tooltip names both amendments, who
signed each, where, and which counts; voiding one clears the flag on the next refresh."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.supervisee_table_model import SuperviseeTableModel
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD
from tests.test_amendment_pairs import two_amendments


def _status(page) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    index = page.model.index(0, SuperviseeTableModel.STATUS)
    return index.data(), index.data(Qt.ItemDataRole.ToolTipRole) or ""


def test_the_list_flags_two_amendments_and_voiding_one_clears_it(tmp_path: Path, make_window) -> None:  # type: ignore[no-untyped-def]
    laptop, desk, at_desk, on_laptop = two_amendments(tmp_path)
    try:
        window = make_window(laptop.db, supervisor_id=laptop.dana)
        page = window.list_page
        page.refresh()
        assert page.model.rowCount() == 1
        text, tip = _status(page)
        assert text.endswith("· two amendments")
        assert f"{on_laptop[:8]}: Dana Whitaker" in tip and f"{at_desk[:8]}: Dana Whitaker" in tip
        assert (
            "signed here; counts" in tip and "signed in another database; left out until one is voided" in tip
        )

        with laptop.uow() as uow:
            signing.void(
                uow, record_id=on_laptop, reason="Amended twice", supervisor_id=laptop.dana, password=PASSWORD
            )
        emit(window.ctx.records_changed)
        text, tip = _status(page)
        assert "two amendments" not in text and "two signed amendments" not in tip
    finally:
        laptop.db.close()
        desk.db.close()
