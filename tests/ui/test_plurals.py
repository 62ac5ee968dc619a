"""Counts read as English: "1 session", "2 sessions", through Qt's plural forms (tr with n),
and every counted string in the UI has its English forms in the shipped translation."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET

from PySide6.QtWidgets import QLabel

from supervisor_app.resources import resource_path
from supervisor_app.services import records
from supervisor_app.ui.pages import Page
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.translations import compiled_qt_catalogue
from tests.conftest import PASSWORD, session_fields
from tests.ui.helpers import go_to, sign_in


def _make_translations():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_translations", "packaging/make_translations.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_every_counted_string_has_its_english_plural() -> None:
    shipped = ET.parse(resource_path("translations", "supervisor_app_en.ts")).getroot()
    have = {
        (context.findtext("name"), message.findtext("source"))
        for context in shipped.iter("context")
        for message in context.iter("message")
    }
    found = set(_make_translations().counted_messages())
    assert found and found <= have, f"run packaging/make_translations.py: {sorted(found - have)}"
    assert compiled_qt_catalogue("en") is not None  # compiled from the .ts when needed
    for message in shipped.iter("message"):
        forms = [f.text or "" for f in message.iter("numerusform")]
        assert len(forms) == 2 and not any("(s)" in f or "(ies)" in f for f in forms), forms


def test_one_session_and_two_sessions(world, make_window, qtbot) -> None:
    with world.uow() as uow:
        first = records.add_session(uow, **session_fields(world)).id
        uow.commit()
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.RECORDS)
    table = window.records_page.sessions
    qtbot.waitUntil(lambda: table.count.text() != "")
    assert table.count.text() == "1 session"
    dialog = window.actions.sign([first], minutes=60)
    assert "Sign 1 record, 1.00 h in all" in dialog.message.text()
    dialog.done(0)
    with world.uow() as uow:
        second = records.add_session(uow, **session_fields(world, start="12:00")).id
        uow.commit()
    emit(window.ctx.records_changed)
    qtbot.waitUntil(lambda: table.count.text() == "2 sessions")
    dialog = window.actions.sign([first, second], minutes=120)
    assert "Sign 2 records, 2.00 h in all" in dialog.message.text()
    dialog.done(0)


def test_the_idle_lock_counts_its_minutes(world, make_controller, prefs) -> None:
    for minutes, said in ((1, "after 1 minute without use"), (10, "after 10 minutes without use")):
        prefs.idle_minutes = minutes
        controller = make_controller(world.db)
        controller.start()
        sign_in(controller, world.dana, PASSWORD)
        controller.idle.last_input -= minutes * 60 + 1
        controller.idle.check()
        assert said in controller.lock_dialog.findChild(QLabel, "lock_reason").text()
