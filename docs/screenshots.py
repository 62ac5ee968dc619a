"""Screenshots of the main screens, for the README: ``docs/screenshots/<size>/*.png``.

    uv run python docs/screenshots.py                 # 1366x768 and 1920x1080, offscreen
    QT_QPA_PLATFORM=xcb uv run python docs/screenshots.py --size 1366x768   # under a real X server
    uv run python docs/screenshots.py --scale 1.5     # docs/screenshots/150pct: a 1366x768 panel at 150%
    uv run python docs/screenshots.py --lang es       # docs/screenshots/es: every screen in Spanish, 1366x768

Runs on the demo agency in a throwaway folder (never your data). Each screen is reached the
way a user would (sign in, pick a supervisee, open a dialog) and grabbed with QWidget.grab();
a dialog is drawn centred over the window it belongs to.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", action="append", help="WIDTHxHEIGHT (repeatable)")
    parser.add_argument("--out", default=str(HERE / "screenshots"))
    parser.add_argument(
        "--scale",
        type=float,
        help="display scaling, e.g. 1.5 for Windows' 150%%: screens of a 1366x768 panel (unless --size) "
        "drawn at that scale, into <out>/<percent>pct",
    )
    parser.add_argument(
        "--lang",
        default="en",
        help="the app's language (en, es): other than English, into <out>/<lang> (1366x768, where "
        "longer labels are cut off first) or <out>/<lang>-<size>",
    )
    args = parser.parse_args()
    from supervisor_app import i18n

    language = i18n.normalize(args.lang)
    default_sizes = ["1366x768"] if args.scale or language != "en" else ["1366x768", "1920x1080"]
    sizes = [tuple(int(v) for v in s.split("x")) for s in (args.size or default_sizes)]
    if args.scale:
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"  # before Qt starts: every widget at that scale
    data = tempfile.mkdtemp(prefix="supervisor_app-shots-")
    if "QT_QPA_PLATFORM" not in os.environ:  # offscreen, on a screen the size of the largest shot
        screen = Path(data) / "screen.json"
        width, height = max(sizes)
        shape = {"name": "shots", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}
        screen.write_text(
            json.dumps({"screens": [{**shape, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8"
        )
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    os.environ["SUPERVISOR_APP_DATA_DIR"] = data

    from PySide6.QtCore import QPoint, QSettings
    from PySide6.QtGui import QColor, QPainter, QPixmap
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv)
    app.setApplicationName("supervisor_app")
    from supervisor_app.ui.translations import install_translations

    install_translations(app, language)  # as the app does: its language, "1 session", "2 sessions"

    from supervisor_app.db import open_database, provide_profiles
    from supervisor_app.services.demo import DEMO_PASSWORD, load_demo
    from supervisor_app.ui.controller import AppController
    from supervisor_app.ui.pages import Page
    from supervisor_app.ui.settings import Preferences
    from supervisor_app.ui.tasks import TaskRunner
    from supervisor_app.usecases.opening import load_profiles

    provide_profiles(load_profiles)  # this script assembles the app itself

    demo_path = Path(data) / "demo.db"
    db = open_database(demo_path)
    with db.uow("demo") as uow:
        load_demo(uow)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def over(window: QWidget, dialog: QWidget) -> QPixmap:
        """The window with the dialog drawn centred on top (as a window manager would show it)."""
        settle()
        base = window.grab()
        top = dialog.grab()
        painter = QPainter(base)
        painter.fillRect(base.rect(), QColor(0, 0, 0, 70))  # dim the window behind the dialog
        x = max(0, (base.width() - top.width()) // 2)
        y = max(0, (base.height() - top.height()) // 3)
        painter.fillRect(x - 1, y - 1, top.width() + 2, top.height() + 2, QApplication.palette().dark())
        painter.drawPixmap(QPoint(x, y), top)
        painter.end()
        return base

    for width, height in sizes:
        name = f"{width}x{height}"
        if args.scale:  # 150pct for the one panel, 150pct-1920x1080 beside it for others
            name = f"{round(args.scale * 100)}pct" + (f"-{name}" if (width, height) != (1366, 768) else "")
        if language != "en":  # es for the one panel, es-1920x1080 (es-150pct) beside it for others
            name = language if name == "1366x768" else f"{language}-{name}"
        folder = Path(args.out) / name
        if args.scale:  # the panel's pixels, in the scaled units widgets are sized in
            width, height = round(width / args.scale), round(height / args.scale)
        folder.mkdir(parents=True, exist_ok=True)
        prefs = Preferences(QSettings(str(Path(data) / f"settings-{width}.ini"), QSettings.Format.IniFormat))
        controller = AppController(db, runner=TaskRunner(synchronous=True), prefs=prefs, demo=True)
        controller.start()
        sign_in = controller.dialog
        settle()
        sign_in.grab().save(str(folder / "01-sign-in.png"))
        sign_in.password.setText(DEMO_PASSWORD)
        sign_in.sign_in_button.click()
        window = controller.window
        window.resize(width, height)
        window.show()
        settle()

        def shot(
            name: str,
            widget: QWidget | None = None,
            *,
            folder: Path = folder,
            controller: AppController = controller,
        ) -> None:
            settle()
            current = controller.window
            image = over(current, widget) if widget is not None else current.grab()
            image.save(str(folder / name))

        window.show_page(Page.SUPERVISEES)
        shot("02-supervisees.png")
        page = window.list_page
        for row in range(page.proxy.rowCount()):
            if page.proxy.index(row, 0).data() == "DeShawn Carter":
                page.table.selectRow(row)
        window.open_supervisee(page.selected_id())
        shot("03-supervisee-progress.png")
        window.detail.tabs.setCurrentIndex(1)
        shot("04-supervisee-sessions.png")
        window.detail.tabs.setCurrentIndex(0)

        editor = window.actions.new_session([window.detail.supervisee_id])
        editor.date.setDate(editor.date.date().addDays(-1))
        editor.minutes.setValue(60)
        editor.allocations.spin("advocacy").setValue(30)
        editor.allocations.spin("mentoring").setValue(15)
        editor.topics.setPlainText("Preparing for a housing team meeting; self-advocacy coaching.")
        editor.save_button.click()  # refused: 15 minutes not allocated; shown under the grid
        shot("05-session-editor.png", editor)
        editor.done(0)

        window.show_page(Page.TO_SIGN)
        to_sign = window.to_sign
        to_sign.view.selectRow(0)
        to_sign.view.selectionModel().select(
            to_sign.model.index(1, 0),
            to_sign.view.selectionModel().SelectionFlag.Select
            | to_sign.view.selectionModel().SelectionFlag.Rows,
        )
        shot("06-to-sign.png")
        to_sign.sign_selected()
        shot("07-sign-batch.png", window.actions.dialog)
        window.actions.dialog.done(0)

        window.show_page(Page.RECORDS)
        shot("08-records.png")

        window.show_page(Page.ATTESTATIONS)
        attest = window.attestations
        for row in range(attest.supervisee.count()):
            if attest.supervisee.itemText(row) == "José Núñez-Ávila":
                attest.supervisee.setCurrentIndex(row)
        attest.signed_only.setChecked(True)
        attest.preview_current()
        shot("09-attestations.png")

        window.show_page(Page.AUDIT)
        window.audit.verify()
        shot("10-audit.png")

        window.show_page(Page.SETTINGS)
        shot("11-settings.png")
        settings = window.settings_page
        settings.supervisors_view.selectRow(0)
        settings.edit_supervisor_button.click()
        shot("14-supervisor-edit.png", settings.supervisor_dialog)
        settings.supervisor_dialog.done(0)

        window.show_help()
        shot("15-help.png", window.dialog)
        window.dialog.done(0)

        window.show_page(Page.SUPERVISEES)
        page = window.list_page
        for row in range(page.proxy.rowCount()):
            if page.proxy.index(row, 0).data() == "DeShawn Carter":
                page.table.selectRow(row)
        window.open_supervisee(page.selected_id())
        window.detail.edit_button.click()
        shot("16-supervisee-edit.png", window.detail.edit_dialog)
        window.detail.edit_dialog.done(0)

        controller.lock()
        shot("12-locked.png", controller.lock_dialog)
        controller.lock_dialog.password.setText(DEMO_PASSWORD)
        controller.lock_dialog.unlock_button.click()
        settle()

        window.show_page(Page.SUPERVISEES)
        window.back_to_list()
        page = window.list_page
        for row in range(page.proxy.rowCount()):
            if page.proxy.index(row, 0).data() == "Nguyễn Thị Hương":
                page.table.selectRow(row)
        window.open_supervisee(page.selected_id())
        window.detail.review_button.click()
        shot("17-start-review.png", window.dialog)
        window.dialog.start_button.click()  # Review with Nguyễn Thị Hương: only her hours
        window = controller.window
        window.resize(width, height)
        window.show()
        shot("13-review-mode.png")
        window.close_for_switch()
        controller.window = None
        if controller.dialog is not None:
            controller.dialog.done(0)
        controller.close()

        empty = open_database(Path(data) / f"empty-{width}.db")
        first = AppController(empty, runner=TaskRunner(synchronous=True), prefs=prefs)
        first.start()
        settle()
        first.dialog.grab().save(str(folder / "00-first-run.png"))
        first.dialog.create_button.click()  # nothing typed: every mistake at once, beside its field
        settle()
        first.dialog.grab().save(str(folder / "18-first-run-mistakes.png"))
        first.dialog.done(0)
        first.close()
        empty.close()
        print(f"{folder}: {sorted(p.name for p in folder.glob('*.png'))}")
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
