"""Switching the whole app's language for a while: a review with a supervisee is shown in their
language (issue 21), and the supervisor's comes back when it ends.

The gettext side (:mod:`supervisor_app.i18n`: services' messages, the statement) follows
``i18n.set_language``; the Qt side follows the translators installed in the application:
the app's own (``resources/translations/supervisor_app_<lang>.qm``) and Qt's (``qtbase_<lang>``,
its dialogs' buttons). :func:`switch_language` installs the new language's translators, takes
away any other language's for the while (whoever installed them), and :func:`restore_language`
puts everything back as it was. Windows built after a switch are in the new language: the
caller builds the review's window after switching, and the supervisor's after restoring.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from supervisor_app import i18n
from supervisor_app.resources import resource_path

_OWN = "language_switch"
"""Object name prefix of the translators this module installs."""


@dataclass
class _Switched:
    language: str  # i18n's process language before the switch
    set_aside: list[QTranslator] = field(default_factory=list)  # other languages' translators
    installed: list[QTranslator] = field(default_factory=list)
    locale: QLocale = field(default_factory=QLocale)


_stack: list[_Switched] = []


def _translator_language(translator: QTranslator) -> str | None:
    """The language of an installed translator (its .qm's, else its file name's), or None."""
    for candidate in (translator.language(), translator.filePath().rsplit("/", 1)[-1].rsplit(".", 1)[0]):
        if not candidate:
            continue
        tail = candidate.rsplit("_", 1)[-1] if "_" in candidate else candidate
        for code in (candidate, tail):
            try:
                return i18n.normalize(code)
            except i18n.UnknownLanguage:
                continue
    return None


def _load(app: QCoreApplication, name: str, folder: str, language: str) -> QTranslator | None:
    translator = QTranslator(app)
    translator.setObjectName(f"{_OWN}_{name}")
    if not translator.load(f"{name}_{language}", folder):
        translator.deleteLater()
        return None
    return translator


def switch_language(language: str) -> str:
    """Show the app in ``language`` from now on (until :func:`restore_language`): gettext's
    process language and Qt's translators. Returns the language it was in."""
    language = i18n.normalize(language)
    app = QCoreApplication.instance()
    state = _Switched(language=i18n.current(), locale=QLocale())
    i18n.set_language(language)
    if app is not None:
        loaded: dict[str, QTranslator] = {}
        if language != i18n.SOURCE_LANGUAGE:
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            own_folder = str(resource_path("translations"))
            for name, folder in (("qtbase", qt_folder), ("supervisor_app", own_folder)):
                translator = _load(app, name, folder, language)
                if translator is not None:
                    loaded[name] = translator
        # Other languages' translators step aside, unless the app has no translation of its own
        # in this language (then its English plural forms still serve).
        if language == i18n.SOURCE_LANGUAGE or "supervisor_app" in loaded:
            for translator in app.findChildren(QTranslator):
                if translator.objectName().startswith(_OWN):
                    continue
                found = _translator_language(translator)
                if found is not None and found != language and app.removeTranslator(translator):
                    state.set_aside.append(translator)
        for translator in loaded.values():
            if app.installTranslator(translator):
                state.installed.append(translator)
        QLocale.setDefault(QLocale(i18n.locale_name(language)))
    _stack.append(state)
    return state.language


def restore_language() -> str:
    """Back to the language before the last :func:`switch_language` (nothing to do if none).
    Returns the language now in use."""
    if not _stack:
        return i18n.current()
    state = _stack.pop()
    app = QCoreApplication.instance()
    if app is not None:
        for translator in state.installed:
            app.removeTranslator(translator)
            translator.deleteLater()
        for translator in state.set_aside:
            app.installTranslator(translator)
    QLocale.setDefault(state.locale)
    i18n.set_language(state.language)
    return state.language


def switched() -> bool:
    """Whether a switch is in force (a review in another language is on)."""
    return bool(_stack)


def supervisee_language(ctx: Any, supervisee_id: int) -> str | None:
    """The language a supervisee's statement and review are in (None: the app's)."""
    from supervisor_app.services import people

    return ctx.read_now(lambda uow: people.get_supervisee(uow, supervisee_id).language)


def follow_identity(ctx: Any, identity: Any) -> None:
    """Before the window of a new identity is built: a review (``identity`` a supervisee) in the
    supervisee's language, a supervisor's window (the review over) in the language before it."""
    if switched():
        restore_language()
    if identity.review and identity.supervisee_id is not None:
        language = supervisee_language(ctx, identity.supervisee_id)
        if language and language != i18n.current():
            switch_language(language)


__all__ = ["follow_identity", "restore_language", "supervisee_language", "switch_language", "switched"]
