"""The session and experience editors from the keyboard: Tab visits the domain fields before
Save, every labelled field's Alt+letter is unique and reaches its field, and a date or time
typed whole ("03152026", "3/15/2026", "930") gives that date or time whatever part of the
field the cursor was in."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget
from sqlalchemy import func, select

from supervisor_app import clock
from supervisor_app.models import SupervisionSession
from supervisor_app.services import records
from supervisor_app.ui.common import to_qdate
from supervisor_app.ui.date_field import read_date, read_time
from supervisor_app.ui.experience_editor import ExperienceEditor
from supervisor_app.ui.session_editor import SessionEditor
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, session_fields, snapshot

TODAY = clock.today()
DAY = TODAY - dt.timedelta(days=100)  # a past day with two-digit month or day either way


def _session_editor(window, ids, *, qtbot) -> SessionEditor:  # type: ignore[no-untyped-def]
    editor = window.actions.new_session(ids)
    assert isinstance(editor, SessionEditor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    return editor


def _count(db) -> int:  # type: ignore[no-untyped-def]
    with db.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(SupervisionSession)) or 0


def _tab_cycle(dialog: QWidget, start: QWidget, qtbot) -> list[QWidget]:  # type: ignore[no-untyped-def]
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    seen = [start]
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is start:
            break
        seen.append(widget)
    return seen


def _mnemonics(dialog: QWidget) -> dict[str, QWidget]:
    """Alt+letter -> what it reaches: a label's buddy, a group box, a button."""
    found: dict[str, list[QWidget]] = {}
    texts = [
        (label.text(), label.buddy()) for label in dialog.findChildren(QLabel) if label.buddy() is not None
    ]
    texts += [(box.title(), box) for box in dialog.findChildren(QGroupBox)]
    texts += [(button.text(), button) for button in dialog.findChildren(QAbstractButton)]
    for text, target in texts:
        match = re.search(r"&([^&\s])", text.replace("&&", ""))
        if match and target.isVisibleTo(dialog):
            found.setdefault(match.group(1).lower(), []).append(target)
    repeated = {
        key: [w.objectName() or type(w).__name__ for w in ws] for key, ws in found.items() if len(ws) > 1
    }
    assert not repeated, f"Alt+letter used twice in {dialog.windowTitle()}: {repeated}"
    return {key: widgets[0] for key, widgets in found.items()}


# Tab order ------------------------------------------------------------------------------------


def test_tab_reaches_the_domain_minutes_before_save_and_cancel(world, make_window, qtbot) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    editor = _session_editor(window, [world.ana], qtbot=qtbot)
    cycle = _tab_cycle(editor, editor.supervisor, qtbot)
    spins = editor.allocations.spins()
    assert len(spins) == 4
    order = [editor.date, editor.start, editor.minutes, editor.attendees.list, *spins, editor.topics]
    order += [editor.save_button, editor.another_button, editor.cancel_button]
    positions = [cycle.index(w) for w in order]
    assert positions == sorted(positions), [type(cycle[p]).__name__ for p in positions]
    # Changing who attended makes new domain fields (Petra is CPRS): still before Save.
    editor.attendees.set_checked([world.petra])
    qtbot.waitUntil(lambda: all(spin.isVisible() for spin in editor.allocations.spins()))
    cycle = _tab_cycle(editor, editor.supervisor, qtbot)
    assert (
        cycle.index(editor.allocations.spins()[-1])
        < cycle.index(editor.topics)
        < cycle.index(editor.save_button)
    )


def test_experience_editor_tabs_through_the_domain_hours_before_save(world, make_window, qtbot) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    editor = window.actions.new_experience(world.ana)
    assert isinstance(editor, ExperienceEditor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    cycle = _tab_cycle(editor, editor.supervisee, qtbot)
    order = [
        editor.period_end,
        editor.kind,
        *editor.allocations.spins(),
        editor.save_button,
        editor.cancel_button,
    ]
    positions = [cycle.index(w) for w in order]
    assert positions == sorted(positions)


# Mnemonics ------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["new", "amend"])
def test_every_alt_letter_in_the_session_editor_is_unique_and_reaches_its_field(
    world, make_window, qtbot, mode
) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    if mode == "new":
        editor = _session_editor(window, [world.ana], qtbot=qtbot)
    else:
        with world.uow() as uow:
            rid = records.add_session(uow, **session_fields(world)).id
            uow.commit()
        with world.uow() as uow:
            signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[rid])
        editor = SessionEditor(window.ctx, mode="amend", record_id=rid, parent=window)
        editor.show()
        editor.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    keys = _mnemonics(editor)
    assert {"s", "l", "t", "d", "o", "f", "m", "i", "e", "n", "p", "k"} <= set(keys)
    expected = {
        "o": editor.supervisor,
        "d": editor.date,
        "t": editor.start,
        "l": editor.minutes,
        "f": editor.format,
        "m": editor.modality,
        "i": editor.site,
        "e": editor.attendees.filter,
        "n": editor.allocations.spins()[0],
        "p": editor.topics,
        "k": editor.has_start,
    }
    if mode == "amend":
        expected["r"] = editor.reason
    for key, widget in expected.items():
        editor.topics.setFocus() if widget is not editor.topics else editor.site.setFocus()
        qtbot.keyClick(
            QApplication.focusWidget(), getattr(Qt.Key, f"Key_{key.upper()}"), Qt.KeyboardModifier.AltModifier
        )
        if widget is editor.has_start:  # a check box's letter toggles it
            qtbot.waitUntil(lambda: not editor.has_start.isChecked())
            qtbot.keyClick(editor.has_start, Qt.Key.Key_Space)  # tick it again
            continue
        assert QApplication.focusWidget() is widget, f"Alt+{key.upper()} went to {QApplication.focusWidget()}"


def test_alt_s_saves_and_alt_l_goes_to_the_length(world, make_window, qtbot) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    editor = _session_editor(window, [world.ana], qtbot=qtbot)
    editor.date.setDate(to_qdate(DAY))
    qtbot.keyClick(editor.date, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is editor.minutes
    qtbot.keyClicks(editor.minutes, "\b\b\b\b\b\b90")  # the length, typed
    assert editor.minutes.value() == 90
    editor.allocations.spin("advocacy").setValue(90)
    with qtbot.waitSignal(editor.finished):
        qtbot.keyClick(editor.minutes, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    with world.uow() as uow:
        rows = records.list_records(uow, "session", supervisee_id=world.ana)
    assert [(r["date"], r["minutes"]) for r in rows] == [(DAY.isoformat(), 90)]


def test_the_experience_editor_letters_are_unique_and_reach_their_fields(world, make_window, qtbot) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    editor = window.actions.new_experience(world.ana)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    keys = _mnemonics(editor)
    expected = {
        "p": editor.supervisee,
        "o": editor.supervisor,
        "f": editor.period_start,
        "t": editor.period_end,
        "n": editor.setting,
        "k": editor.kind,
        "h": editor.allocations.spins()[0],
    }
    assert set(expected) | {"s"} <= set(keys)
    for key, widget in expected.items():
        qtbot.keyClick(editor, getattr(Qt.Key, f"Key_{key.upper()}"), Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is widget, key


# Typing a date or a time ------------------------------------------------------------------------


def test_a_date_is_read_whole_in_us_or_iso_order() -> None:
    start = dt.date(2026, 12, 10)
    for typed in ("03152026", "3/15/2026", "3-15-26", "3.15.2026", "2026-03-15", "20260315", "3152026"):
        assert read_date(typed, start, final=True) == (dt.date(2026, 3, 15), ""), typed
    assert read_date("3/15", start, final=True) == (dt.date(2026, 3, 15), "")  # the year shown stays
    for typed, said in (
        ("02302026", "02/30/2026 is not a date"),
        ("13/01/2026", "There is no month 13"),
        ("3/15/202", "four digits"),
        ("3/15/2026/1", "month/day/year"),
    ):
        value, problem = read_date(typed, start, final=True)
        assert value is None and said in problem, (typed, problem)
    for typed, hour, minute in (
        ("930", 9, 30),
        ("0930", 9, 30),
        ("9:30", 9, 30),
        ("14:05", 14, 5),
        ("9", 9, 0),
    ):
        assert read_time(typed, dt.time(8, 0), final=True) == (dt.time(hour, minute), ""), typed
    assert read_time("9:3", dt.time(8, 0), final=True)[0] is None


def _focus_by(editor: SessionEditor, field: QWidget, how: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    if how == "tab":
        previous = editor.supervisor if field is editor.date else editor.date
        previous.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is previous)
        qtbot.keyClick(previous, Qt.Key.Key_Tab)
    else:  # a click on the last part (the day) or the first (the year / the hour)
        edit = field.lineEdit()
        x = edit.width() - 12 if how == "click-end" else 6
        editor.site.setFocus()
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(x, edit.height() // 2))
    qtbot.waitUntil(lambda: field.hasFocus())


@pytest.mark.parametrize("how", ["tab", "click-start", "click-end"])
def test_a_date_typed_whole_is_that_date_wherever_the_cursor_was(world, make_window, qtbot, how) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    editor = _session_editor(window, [world.ana], qtbot=qtbot)
    for typed in (
        f"{DAY.month:02d}{DAY.day:02d}{DAY.year}",
        f"{DAY.month}/{DAY.day}/{DAY.year}",
        DAY.isoformat(),
    ):
        editor.date.setDate(to_qdate(TODAY))
        _focus_by(editor, editor.date, how, qtbot)
        qtbot.keyClicks(editor.date, typed)
        assert editor.date.date() == to_qdate(DAY), (typed, editor.date.text())
        qtbot.keyClick(editor.date, Qt.Key.Key_Tab)
        assert editor.date.date() == to_qdate(DAY) and editor.error_text("date") == ""
    editor.start.setTime(editor.start.time().fromString("08:00", "HH:mm"))
    for typed in ("1415", "14:15"):
        _focus_by(editor, editor.start, how, qtbot)
        qtbot.keyClicks(editor.start, typed)
        qtbot.keyClick(editor.start, Qt.Key.Key_Tab)
        assert editor.start.time().toString("HH:mm") == "14:15", typed


def test_arrows_still_step_the_part_under_the_cursor(world, make_window, qtbot) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    editor = _session_editor(window, [world.ana], qtbot=qtbot)
    editor.date.setDate(to_qdate(DAY))
    _focus_by(editor, editor.date, "tab", qtbot)
    qtbot.keyClick(editor.date, Qt.Key.Key_Down)
    assert editor.date.date() != to_qdate(DAY)  # one step down in a part, not a typed date
    assert editor.date.problem() == ""


def test_a_typed_date_that_cannot_be_is_shown_beside_the_field_and_nothing_is_saved(
    world, make_window, qtbot
) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    editor = _session_editor(window, [world.ana], qtbot=qtbot)
    editor.date.setDate(to_qdate(DAY))
    editor.allocations.spin("advocacy").setValue(60)
    before = snapshot(world.db)
    _focus_by(editor, editor.date, "tab", qtbot)
    qtbot.keyClicks(editor.date, f"02/30/{DAY.year}")
    qtbot.keyClick(editor.date, Qt.Key.Key_Return)  # Enter saves... but the date is not one
    assert editor.isVisible()
    assert f"02/30/{DAY.year} is not a date" in editor.error_text("date")
    assert editor.date.date() == to_qdate(DAY)  # the field kept a real date, unsaved
    assert snapshot(world.db) == before and _count(world.db) == 0
    # Typing a real date clears the message; then Enter saves.
    qtbot.keyClicks(editor.date, f"{DAY.month}/{DAY.day}/{DAY.year}")
    assert editor.error_text("date") == ""
    qtbot.keyClick(editor.date, Qt.Key.Key_Return)
    assert not editor.isVisible() and _count(world.db) == 1


def test_a_future_date_typed_is_refused_beside_the_field(world, make_window, qtbot) -> None:
    window = make_window(world.db, supervisor_id=world.dana)
    editor = window.actions.new_experience(world.ana)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    editor.allocations.spins()[0].setValue(10)
    before = snapshot(world.db)
    future = TODAY + dt.timedelta(days=40)
    editor.period_end.setFocus()
    qtbot.waitUntil(lambda: editor.period_end.hasFocus())
    qtbot.keyClicks(editor.period_end, f"{future.month}/{future.day}/{future.year}")
    qtbot.keyClick(editor.period_end, Qt.Key.Key_Tab)
    assert "in the future" in editor.error_text("period_end")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and snapshot(world.db) == before
