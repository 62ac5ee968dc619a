"""The supervisee's page shows the hours per supervisor under the domain bars."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QTextDocument

from supervisor_app.services import people, records
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, TODAY, session_fields
from tests.ui.helpers import open_supervisee

DAY = dt.timedelta(days=1)


def _plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_the_page_lists_each_supervisors_signed_hours(qtbot, make_window, world) -> None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        mai = people.add_supervisor(
            uow, name="Mai Trần", credentials="CADC", agency="Lakeside Recovery (TEST)", password=PASSWORD
        ).id
        records.add_session(uow, **session_fields(world, date=TODAY - 3 * DAY))
        records.add_session(
            uow,
            **session_fields(
                world,
                supervisor_id=mai,
                date=TODAY - 2 * DAY,
                minutes=90,
                format="group",
                supervisee_ids=[world.ana, world.ben],
                allocations={"advocacy": 90},
            ),
        )
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD)
        signing.sign(uow, supervisor_id=mai, password=PASSWORD)
    window = make_window(world.db, supervisor_id=world.dana)
    open_supervisee(qtbot, window, world.ana)
    detail = window.detail
    assert detail.by_supervisor_box.isVisible()
    cells = [line.strip() for line in _plain(detail.by_supervisor.text()).splitlines() if line.strip()]
    assert cells == [
        "Supervisor",
        "Agency",
        "Supervision",
        "Experience",
        "Dana Whitaker (CRSS, LCPC)",
        "Prairie Lakes (TEST)",
        "1.00 h",
        "0.00 h",
        "Mai Trần (CADC)",
        "Lakeside Recovery (TEST)",
        "1.50 h",
        "0.00 h",
    ]

    # Nobody's hours signed yet: no table.
    open_supervisee(qtbot, window, world.carla)
    assert not detail.by_supervisor_box.isVisible()
