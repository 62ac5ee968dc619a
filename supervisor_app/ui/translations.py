"""The app's translations. Today that is English plural forms: Qt chooses "1 session" or
"2 sessions" for ``tr("%n session(s)", "", n)`` only from a translation, so English has one
(resources/translations/supervisor_app_en.qm, built by packaging/make_translations.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from supervisor_app.resources import resource_path


def install_translations(app: QCoreApplication) -> None:
    """Load the translations into ``app`` (once; a second call does nothing)."""
    if app.findChild(QTranslator, "supervisor_app_en") is not None:
        return
    translator = QTranslator(app)
    translator.setObjectName("supervisor_app_en")
    if translator.load(str(resource_path("translations", "supervisor_app_en.qm"))):
        app.installTranslator(translator)
