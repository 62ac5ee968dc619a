"""Child process for the display-scaling test: every page and dialog of the demo agency, at
the scale factor it is started with, on an offscreen 1366x768 screen. Prints one JSON line per
screen: its name, the smallest size its layout allows (``min_w``, ``min_h``) and the screen
(``screen_w``, ``screen_h``), all in the scaled units widgets are sized in, and for the main
tables how many of their essential columns show whole without scrolling sideways.

    QT_SCALE_FACTOR=1.5 QT_QPA_PLATFORM=offscreen:configfile=<1366x768 screen> \\
        uv run python tests/scaled_screens.py

Run by tests/ui/test_display_scaling.py; handy by hand when a screen is changed.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import QApplication, QScrollArea, QTableView, QWidget


def main() -> int:
    app = QApplication(sys.argv)
    app.setApplicationName("supervisor_app")
    from supervisor_app.services.auth import use_fast_hashing_for_tests

    use_fast_hashing_for_tests()
    from supervisor_app.db import open_database, provide_profiles
    from supervisor_app.usecases.opening import load_profiles

    provide_profiles(load_profiles)
    from supervisor_app.services.demo import DEMO_PASSWORD, load_demo
    from supervisor_app.ui.controller import AppController
    from supervisor_app.ui.pages import Page
    from supervisor_app.ui.settings import Preferences
    from supervisor_app.ui.tasks import TaskRunner
    from supervisor_app.ui.translations import install_translations

    install_translations(app, os.environ.get("SUPERVISOR_APP_LANG") or "en")  # Spanish runs longer
    screen = app.primaryScreen().availableGeometry()
    data = Path(tempfile.mkdtemp(prefix="supervisor_app-scaled-"))
    db = open_database(data / "demo.db")
    with db.uow("demo") as uow:
        load_demo(uow)
    prefs = Preferences(QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat))

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def report(name: str, widget: QWidget, **extra: object) -> None:
        settle()
        top = widget.window()
        hint = top.minimumSizeHint().expandedTo(top.minimumSize())
        print(
            json.dumps(
                {
                    "name": name,
                    "min_w": hint.width(),
                    "min_h": hint.height(),
                    "w": top.frameGeometry().width(),
                    "h": top.frameGeometry().height(),
                    "screen_w": screen.width(),
                    "screen_h": screen.height(),
                    "scale": top.devicePixelRatioF(),
                    **extra,
                }
            ),
            flush=True,
        )

    def columns_shown(table: QTableView, essential: list[str]) -> dict[str, object]:
        """With the window at the whole screen: the essential columns shown whole, unscrolled."""
        settle()
        model = table.model()
        headers = [str(model.headerData(c, _horizontal())) for c in range(model.columnCount())]
        source = model.sourceModel() if hasattr(model, "sourceModel") else model
        viewport = table.viewport().width()
        whole = []
        for title in essential:  # named in English, shown in the app's language
            column = headers.index(source.tr(title))
            x = table.columnViewportPosition(column)  # where it is shown (columns may be moved)
            if x >= 0 and x + table.columnWidth(column) <= viewport:
                whole.append(title)
        return {"essential": essential, "whole": whole, "first_header": headers[0]}

    def in_view(label: QWidget) -> bool:
        """Whether ``label`` shows, whole, inside the scroll area it may be in."""
        settle()
        if not label.isVisible():
            return False
        area = label.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is None:
            return True
        viewport = area.viewport()
        top_left = label.mapTo(viewport, QPoint(0, 0))
        return viewport.rect().contains(QRect(top_left, label.size()))

    controller = AppController(db, runner=TaskRunner(synchronous=True), prefs=prefs, demo=True)
    controller.start()
    report("sign-in", controller.dialog)
    controller.dialog.password.setText(DEMO_PASSWORD)
    controller.dialog.sign_in_button.click()
    window = controller.window
    window.show()
    window.setGeometry(screen)  # maximised on the laptop's screen
    settle()

    window.show_page(Page.SUPERVISEES)
    page = window.list_page
    report(
        "supervisees",
        window,
        **columns_shown(page.table, ["Supervisee", "Supervision", "Experience", "Status"]),
    )
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, 0).data() == "María Guadalupe Treviño":  # the longest name
            page.table.selectRow(row)
    window.open_supervisee(page.selected_id())
    report("supervisee progress", window)
    window.detail.tabs.setCurrentIndex(1)
    report("supervisee sessions", window)
    window.detail.tabs.setCurrentIndex(0)
    window.detail.edit_button.click()
    report("supervisee edit", window.detail.edit_dialog)
    window.detail.edit_dialog.done(0)

    editor = window.actions.new_session([window.detail.supervisee_id])
    editor.date.setDate(editor.date.date().addDays(-1))
    editor.minutes.setValue(60)
    editor.allocations.spin("advocacy").setValue(30)
    editor.topics.setPlainText("Preparing for a housing team meeting.")
    editor.save_button.click()  # refused: 30 minutes not allocated, said under the grid
    report("session editor", editor, error_in_view=in_view(editor.field_errors["allocations"]))
    editor.done(0)
    window.new_experience()
    report("experience entry editor", window.actions.dialog)
    window.actions.dialog.done(0)

    for index, name in (
        (Page.RECORDS, "records"),
        (Page.TO_SIGN, "to sign"),
        (Page.ATTESTATIONS, "attestations"),
        (Page.AUDIT, "audit"),
        (Page.SETTINGS, "settings"),
    ):
        window.show_page(index)
        report(name, window)
    window.show_page(Page.TO_SIGN)
    window.to_sign.view.selectAll()
    window.to_sign.sign_selected()
    report("sign batch", window.actions.dialog)
    window.actions.dialog.done(0)

    window.show_page(Page.SETTINGS)
    settings = window.settings_page
    settings.supervisors_view.selectRow(0)
    settings.edit_supervisor_button.click()
    report("supervisor edit", settings.supervisor_dialog)
    settings.supervisor_dialog.done(0)
    for name, opener in (
        ("new supervisee", window.new_supervisee),
        ("new supervisor", window.new_supervisor),
        ("change password", window.change_password),
        ("help", window.show_help),
        ("about", window.show_about),
    ):
        opener()
        report(name, window.dialog)
        window.dialog.done(0)

    window.show_page(Page.SUPERVISEES)
    window.open_supervisee(page.selected_id())
    window.detail.review_button.click()
    report("start review", window.dialog)
    window.dialog.done(0)

    controller.lock()
    report("locked", controller.lock_dialog)
    controller.lock_dialog.password.setText(DEMO_PASSWORD)
    controller.lock_dialog.unlock_button.click()
    settle()
    window.close_for_switch()
    controller.window = None
    controller.close()

    empty = open_database(data / "empty.db")
    first = AppController(empty, runner=TaskRunner(synchronous=True), prefs=prefs)
    first.start()
    report("first run", first.dialog)
    first.dialog.create_button.click()  # every mistake at once, beside its field
    report("first run with mistakes", first.dialog)
    first.dialog.done(0)
    first.close()
    empty.close()
    db.close()
    return 0


def _horizontal():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


if __name__ == "__main__":
    raise SystemExit(main())
