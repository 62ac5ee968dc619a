"""The app's language: chosen in Settings (saved, said to apply at the next start), then the
app started again speaks it: its own labels, Qt's buttons (Cancelar), the locale's month names."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QMessageBox

from supervisor_app import i18n
from supervisor_app.ui.pages import Page
from supervisor_app.ui.translations import chosen_language, installed_translators, start_language
from tests.ui.helpers import go_to


def _group_titles(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [box.title() for box in widget.findChildren(QGroupBox)]


def test_spanish_chosen_in_settings_applies_when_the_app_starts_again(
    world, make_window, prefs, qtbot, qapp
) -> None:
    assert prefs.language == ""  # by default: the system's language
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.SETTINGS)
    page = window.settings_page
    combo = page.language
    assert [combo.itemText(i) for i in range(combo.count())] == ["System (English)", "English", "Español"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)  # the keyboard: the last entry, Español
    assert combo.currentText() == "Español"
    assert prefs.language == "es"
    note = page.findChild(QLabel, "language_note")
    assert note.text() == "Saved. The app changes language the next time it starts."
    assert "Language" in _group_titles(page) and i18n.current() == "en"  # nothing half-switched now
    qtbot.keyClick(combo, Qt.Key.Key_Home)  # back to the system's (English here): nothing to wait for
    assert prefs.language == "" and note.text() == ""
    qtbot.keyClick(combo, Qt.Key.Key_End)
    window.close()

    # The next start, as run_app does it: the saved choice wins over the system's English.
    assert start_language(qapp, prefs.language) == "es"
    assert installed_translators(qapp) == ["app_en", "app_es", "qtbase_es"]
    assert i18n.current() == "es" and QLocale().name() == "es_US"
    window = make_window(world.db, supervisor_id=world.dana)
    go_to(qtbot, window, Page.SETTINGS)
    page = window.settings_page
    assert "Idioma" in _group_titles(page)
    assert page.language.currentText() == "Español" and page.findChild(QLabel, "language_note").text() == ""
    assert page.language.itemText(0) == "Sistema (English)"
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?", QMessageBox.StandardButton.Cancel, window)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Cancelar"  # Qt's own text, qtbase_es
    box.done(0)
    assert QLocale().toString(QDate(2026, 12, 1), "MMM yy").startswith("dic")  # the chart's months


def test_the_command_line_language_wins_and_english_leaves_no_spanish_behind(prefs, qapp) -> None:
    prefs.language = "es"
    assert start_language(qapp, prefs.language, "en") == "en"  # supervisor-app --lang en
    assert installed_translators(qapp) == ["app_en"]
    assert QLocale().name() == "en_US"
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?", QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Cancel"
    box.done(0)


def test_an_unknown_saved_language_follows_the_system(monkeypatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "es_PR.UTF-8")
    assert chosen_language("") == "es"  # no choice: the system's Spanish
    assert chosen_language("fr") == "es"  # a settings file from a newer version: as if no choice
    assert chosen_language("en") == "en"
    monkeypatch.setenv("LANG", "C")
    assert chosen_language("") == "en"


def test_hours_chart_months_follow_the_language(qapp) -> None:
    from supervisor_app.ui.translations import install_translations

    day = dt.date(2026, 5, 1)
    install_translations(qapp, "es")
    spanish = QLocale().toString(QDate(day.year, day.month, 1), "MMM yy")
    install_translations(qapp, "en")
    assert QLocale().toString(QDate(day.year, day.month, 1), "MMM yy") == "May 26"
    assert spanish.startswith("may") and spanish != "May 26"


def test_a_missing_or_older_qm_is_compiled_and_a_read_only_install_compiles_into_the_cache(
    tmp_path, monkeypatch
) -> None:
    import os
    import shutil

    from supervisor_app.resources import resource_path
    from supervisor_app.ui import translations

    installed = tmp_path / "installed"
    installed.mkdir()
    source = installed / "supervisor_app_es.ts"
    shutil.copy(resource_path("translations", "supervisor_app_es.ts"), source)
    monkeypatch.setattr(translations, "ts_source", lambda code: installed / f"supervisor_app_{code}.ts")
    compiled = translations.compiled_qt_catalogue("es")
    assert compiled == source.with_suffix(".qm") and compiled.stat().st_size > 0
    assert translations.compiled_qt_catalogue("fr") is None  # no .ts: the screens stay English

    os.utime(source)  # the translations changed after the .qm was built
    os.utime(compiled, (1, 1))
    real = translations._lrelease

    def read_only(ts, target):  # type: ignore[no-untyped-def]
        if target.parent == installed:
            raise PermissionError(13, "Read-only file system", str(target))
        real(ts, target)

    monkeypatch.setattr(translations, "_lrelease", read_only)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cached = translations.compiled_qt_catalogue("es")
    assert cached is not None and cached.is_relative_to(tmp_path / "cache") and cached.stat().st_size > 0
    assert compiled.stat().st_mtime == 1  # the installation was left alone
