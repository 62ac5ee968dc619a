"""The supervisee list verifies the whole file once, in the background, and says for each row
whether its figures are verified: a record changed outside the app shows on its supervisee's
row the next time the list loads (issue 19)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from supervisor_app.services import records
from supervisor_app.ui.supervisee_table_model import SuperviseeTableModel
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, session_fields, tamper

LEFT = Qt.MouseButton.LeftButton


def _rows(page):  # type: ignore[no-untyped-def]
    return {page.model.row(i).name: page.model.row(i) for i in range(page.model.rowCount())}


def _status(page, name: str) -> str:  # type: ignore[no-untyped-def]
    for i in range(page.model.rowCount()):
        if page.model.row(i).name == name:
            return page.model.index(i, SuperviseeTableModel.STATUS).data()
    raise AssertionError(name)


def test_every_row_is_verified_and_a_tampered_record_marks_its_supervisee(world, make_window, qtbot) -> None:
    with world.uow() as uow:
        ana = records.add_session(uow, **session_fields(world)).id
        records.add_session(uow, **session_fields(world, supervisee_ids=[world.ben], start="12:00"))
        uow.commit()
    with world.uow() as uow:
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
    window = make_window(world.db, supervisor_id=world.dana)
    page = window.list_page
    rows = _rows(page)
    assert rows and all(row.verified for row in rows.values())  # verified once the list showed
    assert not page.checking.isVisible()
    tip = page.model.index(0, SuperviseeTableModel.STATUS).data(Qt.ItemDataRole.ToolTipRole) or ""
    assert "Not verified yet" not in tip

    # Someone changes a signed record with sqlite3; the list loads again (the user shows the
    # inactive supervisees too): the file is verified again, and Ana's row says so.
    tamper(world.db.path, "UPDATE supervision_session SET minutes = 600 WHERE id = :id", id=ana)
    qtbot.mouseClick(page.show_inactive, LEFT)
    rows = _rows(page)
    assert rows["Ana Example"].verified is False
    assert _status(page, "Ana Example") == "Records fail verification"
    assert (
        rows["Ben Example"].verified is True and _status(page, "Ben Example") != "Records fail verification"
    )
    assert page.checking.isVisible()
    assert page.checking.text() == "1 supervisee with records that fail verification"
