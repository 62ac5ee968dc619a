"""Text for people outside Qt: the gettext catalogues and locale formatting.

The services, the command line and the reports write every sentence a person reads as
``_("There is no supervisor with id {id}.").format(id=supervisor_id)``: a gettext message
whose placeholders are named (``{id}``), so a translation may put them in another order.
Counted texts use ``ngettext("{n} session", "{n} sessions", n).format(n=n)``. A text that
must be marked where it is written but translated later (a table of labels) is ``N_(...)``.

The Qt screens translate with ``tr()`` (resources/translations/supervisor_app_*.ts); this
module is the one way for everything else (resources/translations/<lang>/LC_MESSAGES/
supervisor_app.po). Both follow the same language: ``set_language`` at start (the command
line's ``--lang``, the app's setting or the system's locale), and ``using(lang)`` for one
piece of work in another language on this thread only (a supervisee's statement in their
language; the board's form always in English).

Never translate what is stored, hashed, signed, exported or written as ``--json``: those stay
in the app's own English words and neutral formats (ISO dates, ``1234.50``).

Catalogues are compiled (.po -> .mo) when first needed if the compiled file is missing or
older than its source, so a checkout, ``uv run`` and the bundle need no manual step.
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from supervisor_app.resources import resource_path

DOMAIN = "supervisor_app"
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
"""The languages the app speaks, each named in itself (as a language menu shows them)."""
SOURCE_LANGUAGE = "en"
LOCALES: dict[str, str] = {"en": "en_US", "es": "es_US"}
"""The locale each language formats dates and numbers in: US English, US Spanish."""

_process_language = SOURCE_LANGUAGE
_this_thread: ContextVar[str | None] = ContextVar("supervisor_app_language", default=None)
_catalogues: dict[str, _gettext.NullTranslations] = {}
_lock = threading.Lock()


class UnknownLanguage(ValueError):
    """A language code the app has no catalogue for."""


def normalize(code: str) -> str:
    """A language code as the app keeps it: ``"es_US.UTF-8"``, ``"es-MX"``, ``"ES"`` -> ``"es"``.
    Raises UnknownLanguage for a language the app does not speak."""
    base = code.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    if base not in LANGUAGES:
        known = ", ".join(f"{c} ({n})" for c, n in LANGUAGES.items())
        raise UnknownLanguage(f"unknown language {code!r}; the app speaks {known}")
    return base


def system_language(environ: dict[str, str] | None = None) -> str:
    """The language the system asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads
    them; on Windows and macOS the caller passes Qt's answer instead), or English."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for candidate in (env.get(name) or "").split(":"):
            if not candidate or candidate in ("C", "POSIX"):
                continue
            try:
                return normalize(candidate)
            except UnknownLanguage:
                continue
    return SOURCE_LANGUAGE


def set_language(code: str) -> None:
    """The language of this process (every thread that has not chosen its own)."""
    global _process_language
    _process_language = normalize(code)


def current() -> str:
    """The language text is written in now, on this thread."""
    return _this_thread.get() or _process_language


@contextmanager
def using(code: str | None) -> Iterator[str]:
    """Write in ``code`` on this thread for the ``with`` block (None: the current language).
    Other threads keep theirs: a statement built in Spanish while the window stays English."""
    language = normalize(code) if code else current()
    token = _this_thread.set(language)
    try:
        yield language
    finally:
        _this_thread.reset(token)


def catalogue_source(code: str) -> Path:
    """The .po file of a language."""
    return resource_path("translations", code, "LC_MESSAGES", f"{DOMAIN}.po")


def compiled_catalogue(code: str) -> Path | None:
    """The .mo file of a language, compiled from its .po now if missing or older; None for
    the source language or a language without a catalogue."""
    source = catalogue_source(code)
    if code == SOURCE_LANGUAGE or not source.is_file():
        return None
    return compiled_file(source, source.with_suffix(".mo"), _compile, cache=Path(code, f"{DOMAIN}.mo"))


def compiled_file(
    source: Path, target: Path, compile_file: Callable[[Path, Path], None], *, cache: Path
) -> Path:
    """``target`` compiled from ``source`` by ``compile_file`` if missing or older than it
    (a .po's .mo, a .ts's .qm); in a read-only installation, ``cache`` under the user's
    cache folder instead. Raises OSError if neither can be written."""
    if _fresh(target, source):
        return target
    try:
        compile_file(source, target)
        return target
    except OSError:  # a read-only installation: compile into the user's cache instead
        from platformdirs import user_cache_path

        cached = user_cache_path("supervisor_app", appauthor=False) / "translations" / cache
        if not _fresh(cached, source):
            cached.parent.mkdir(parents=True, exist_ok=True)
            compile_file(source, cached)
        return cached


def _fresh(compiled: Path, source: Path) -> bool:
    return compiled.is_file() and compiled.stat().st_mtime >= source.stat().st_mtime


def _compile(source: Path, target: Path) -> None:
    """Compile a .po into a .mo (Babel), written whole or not at all."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source.open("rb") as f:
        catalog = read_po(f)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with partial.open("wb") as f:
            write_mo(f, catalog, use_fuzzy=False)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def translations(code: str | None = None) -> _gettext.NullTranslations:
    """The catalogue of a language (default: the current one), loaded once."""
    language = normalize(code) if code else current()
    found = _catalogues.get(language)
    if found is not None:
        return found
    with _lock:
        found = _catalogues.get(language)
        if found is None:
            mo = compiled_catalogue(language)
            if mo is None:
                found = _gettext.NullTranslations()
            else:
                with mo.open("rb") as f:
                    found = _gettext.GNUTranslations(f)
            _catalogues[language] = found
    return found


def _(message: str) -> str:
    """``message`` in the current language."""
    return translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural of a counted text, in the current language."""
    return translations().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, where the same English has two meanings."""
    return translations().pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is written; ``_`` translates it where shown."""
    return message


# -- formatting for people (the UI and the statement; never stored data, exports or --json) --


def locale_name(code: str | None = None) -> str:
    """The Babel/Qt locale of a language: ``"es"`` -> ``"es_US"``."""
    return LOCALES[normalize(code) if code else current()]


def format_date(day: dt.date, *, style: str = "medium") -> str:
    """A date as people of the current language write it: ``Dec 4, 2026`` / ``4 dic 2026``."""
    from babel.dates import format_date as babel_date

    return babel_date(day, style, locale=locale_name())


def format_number(value: float | int, *, decimals: int = 0) -> str:
    """A number with the current locale's grouping and decimal marks."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, pattern, locale=locale_name())


def format_hours(minutes: int) -> str:
    """Minutes as hours with two decimals in the current locale: 90 -> ``1.50``."""
    return format_number(minutes / 60, decimals=2)


__all__ = [
    "LANGUAGES",
    "LOCALES",
    "N_",
    "SOURCE_LANGUAGE",
    "UnknownLanguage",
    "_",
    "catalogue_source",
    "compiled_catalogue",
    "compiled_file",
    "current",
    "format_date",
    "format_hours",
    "format_number",
    "locale_name",
    "ngettext",
    "normalize",
    "pgettext",
    "set_language",
    "system_language",
    "translations",
    "using",
]
