"""Switching the whole app's language for a while: a review with a supervisee is shown in their
language (issue 21), and the supervisor's comes back when it ends.

The gettext side (:mod:`supervisor_app.i18n`: services' messages, the statement) follows
``i18n.set_language``; the Qt side follows the translators installed in the application:
the app's own (``resources/translations/supervisor_app_<lang>.qm``) and Qt's (``qtbase_<lang>``,
its dialogs' buttons), both installed by :func:`ui.translations.install_translations`, the one
way the app changes language. :func:`switch_language` speaks the new language and remembers the
old one; :func:`restore_language` speaks the old one again. Windows built after a switch are in
the new language: the caller builds the review's window after switching, and the supervisor's
after restoring.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from supervisor_app import i18n
from supervisor_app.ui.translations import install_translations

_before: list[str] = []
"""The languages switched away from, the latest last."""


def _speak(language: str) -> None:
    app = QCoreApplication.instance()
    if app is None:
        i18n.set_language(language)
    else:
        install_translations(app, language)


def switch_language(language: str) -> str:
    """Show the app in ``language`` from now on (until :func:`restore_language`): gettext's
    language, the app's and Qt's translators, the default locale. Returns the language it was
    in."""
    language = i18n.normalize(language)
    before = i18n.current()
    _speak(language)
    _before.append(before)
    return before


def restore_language() -> str:
    """Back to the language before the last :func:`switch_language` (nothing to do if none).
    Returns the language now in use."""
    if not _before:
        return i18n.current()
    language = _before.pop()
    _speak(language)
    return language


def switched() -> bool:
    """Whether a switch is in force (a review in another language is on)."""
    return bool(_before)


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
