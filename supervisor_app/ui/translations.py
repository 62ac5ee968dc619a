"""The app's language on screen: Qt's translators and locale, following ``i18n``'s language.

Three translators, searched last-installed first:

- ``supervisor_app_<lang>.qm``: the screens' own ``tr()`` texts (resources/translations/
  supervisor_app_es.ts). English has one too, for its plural forms: Qt chooses "1 session" or
  "2 sessions" for ``tr("%n session(s)", "", n)`` only from a translation. Spanish is
  installed over English, so a count Spanish has not translated yet still reads as English.
- Qt's own ``qtbase_<lang>.qm`` (from Qt's translations folder): the Cancel of a
  QDialogButtonBox, the file and print dialogs.

``QLocale.setDefault`` makes date edits, spin boxes and ``QLocale().toString`` follow too.

A ``.qm`` is compiled from its ``.ts`` (PySide6's lrelease) when missing or older than it, the
way ``i18n.compiled_catalogue`` compiles a ``.po``: beside it, or in the user's cache folder if
the installation is read-only. The bundle build compiles them beforehand.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from supervisor_app import i18n
from supervisor_app.resources import resource_path

_OBJECT_PREFIX = "supervisor_app_translator_"


def system_language() -> str:
    """The language the system asks for: the environment (as gettext reads it) on Linux, Qt's
    system locale on Windows and macOS (where the environment rarely says)."""
    if sys.platform in ("win32", "darwin"):
        for name in QLocale.system().uiLanguages():
            try:
                return i18n.normalize(name)
            except i18n.UnknownLanguage:
                continue
        return i18n.SOURCE_LANGUAGE
    return i18n.system_language()


def chosen_language(preference: str) -> str:
    """The language to start in: the saved choice (``"en"``, ``"es"``), else the system's.
    An unknown saved value (a settings file from a newer version) counts as no choice."""
    if preference:
        try:
            return i18n.normalize(preference)
        except i18n.UnknownLanguage:
            pass
    return system_language()


def start_language(app: QCoreApplication, preference: str, language: str | None = None) -> str:
    """At start: speak ``language`` if the command line asked for one (``--lang``), else the
    language chosen in Settings (``preference``), else the system's. Returns it."""
    return install_translations(app, language or chosen_language(preference))


def ts_source(code: str) -> Path:
    """The Qt translation source of a language."""
    return resource_path("translations", f"supervisor_app_{code}.ts")


def compiled_qt_catalogue(code: str) -> Path | None:
    """The ``.qm`` of a language, compiled now from its ``.ts`` if missing or older; None if
    the language has no ``.ts`` or it cannot be compiled (the screens then stay English)."""
    source = ts_source(code)
    if not source.is_file():
        return None
    beside = source.with_suffix(".qm")
    try:
        return i18n.compiled_file(source, beside, _lrelease, cache=Path(beside.name))
    except OSError:  # nowhere to write it: an older compiled file still serves
        from platformdirs import user_cache_path

        cached = user_cache_path("supervisor_app", appauthor=False) / "translations" / beside.name
        return cached if cached.is_file() else (beside if beside.is_file() else None)


def qt_tool(name: str) -> Path:
    """One of PySide6's Qt tools (``lrelease``, ``lupdate``), inside the PySide6 package, so a
    venv without scripts has it."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (f"{name}.exe", name, f"Qt/libexec/{name}"):
        if (folder / candidate).is_file():
            return folder / candidate
    raise FileNotFoundError(f"PySide6's {name} is not installed in {folder}")


def _lrelease(source: Path, target: Path) -> None:
    """Compile ``source`` (.ts) into ``target`` (.qm), written whole or not at all."""
    partial = target.with_name(f".{target.stem}.{os.getpid()}.tmp.qm")
    try:
        result = subprocess.run(
            [str(qt_tool("lrelease")), "-silent", str(source), "-qm", str(partial)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not partial.is_file():
            raise OSError(f"lrelease failed on {source}: {result.stderr.strip()}")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def install_translations(app: QCoreApplication, language: str | None = None) -> str:
    """Speak ``language`` (default: ``i18n``'s current one) in ``app``: gettext's language, the
    app's and Qt's translators, the default QLocale. Replaces translators an earlier call
    installed, so calling it again with the same language changes nothing. Returns the
    language."""
    code = i18n.normalize(language) if language else i18n.current()
    i18n.set_language(code)
    wanted: list[tuple[str, Path | None]] = [("app_en", compiled_qt_catalogue("en"))]
    if code != i18n.SOURCE_LANGUAGE:
        qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        wanted.append((f"qtbase_{code}", qt_folder / f"qtbase_{code}.qm"))
        wanted.append((f"app_{code}", compiled_qt_catalogue(code)))
    wanted = [(name, path) for name, path in wanted if path is not None and path.is_file()]
    QLocale.setDefault(QLocale(i18n.locale_name(code)))
    if installed_translators(app) == sorted(name for name, _path in wanted):
        return code  # already speaking it: nothing to reload
    for old in app.findChildren(QTranslator):
        if old.objectName().startswith(_OBJECT_PREFIX):
            app.removeTranslator(old)
            old.setParent(None)
    for name, path in wanted:
        translator = QTranslator(app)
        translator.setObjectName(f"{_OBJECT_PREFIX}{name}")
        if translator.load(str(path)):
            app.installTranslator(translator)
        else:
            translator.setParent(None)
    return code


def installed_translators(app: QCoreApplication) -> list[str]:
    """The names of the translators ``install_translations`` installed (for tests)."""
    return sorted(
        t.objectName().removeprefix(_OBJECT_PREFIX)
        for t in app.findChildren(QTranslator)
        if t.objectName().startswith(_OBJECT_PREFIX)
    )
