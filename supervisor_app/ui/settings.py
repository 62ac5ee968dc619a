"""Preferences that persist between runs (QSettings in an INI file in the user's data folder).

The file sits beside the default database (``settings.ini``), so a test run that points the
data folder elsewhere never reads or writes the real user's settings.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from supervisor_app.storage import user_data_dir

DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240


class Preferences:
    """Typed access to the app's settings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        if settings is None:
            folder = user_data_dir()
            folder.mkdir(parents=True, exist_ok=True)
            settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        self._settings = settings

    # Idle lock ---------------------------------------------------------------------------
    @property
    def idle_minutes(self) -> int:
        try:
            value = int(self._settings.value("security/idle_lock_minutes", DEFAULT_IDLE_MINUTES))
        except (TypeError, ValueError):
            value = DEFAULT_IDLE_MINUTES
        return max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, value))

    @idle_minutes.setter
    def idle_minutes(self, minutes: int) -> None:
        self._settings.setValue("security/idle_lock_minutes", int(minutes))
        self._settings.sync()

    # Language ----------------------------------------------------------------------------
    @property
    def language(self) -> str:
        """The language chosen in Settings ("en", "es"), or "" to follow the system's."""
        return str(self._settings.value("ui/language", "") or "")

    @language.setter
    def language(self, code: str) -> None:
        if code != self.language:
            self._settings.setValue("ui/language", code)
            self._settings.sync()

    # The last database -------------------------------------------------------------------
    @property
    def last_database(self) -> str:
        return str(self._settings.value("database/last", "") or "")

    @last_database.setter
    def last_database(self, path: str) -> None:
        if path != self.last_database:  # set at every start: write (and fsync) only a change
            self._settings.setValue("database/last", path)
            self._settings.sync()

    @property
    def last_supervisor_id(self) -> int | None:
        value = self._settings.value("session/last_supervisor", None)
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    @last_supervisor_id.setter
    def last_supervisor_id(self, supervisor_id: int) -> None:
        if supervisor_id != self.last_supervisor_id:
            self._settings.setValue("session/last_supervisor", supervisor_id)
            self._settings.sync()

    # Where Save PDF last saved ---------------------------------------------------------------
    @property
    def pdf_folder(self) -> str:
        return str(self._settings.value("files/pdf_folder", "") or "")

    @pdf_folder.setter
    def pdf_folder(self, folder: str) -> None:
        if folder != self.pdf_folder:
            self._settings.setValue("files/pdf_folder", folder)
            self._settings.sync()

    # Window state ------------------------------------------------------------------------
    def geometry(self, name: str) -> QByteArray | None:
        value = self._settings.value(f"windows/{name}_geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, name: str, value: QByteArray) -> None:
        self._settings.setValue(f"windows/{name}_geometry", value)
        self._settings.sync()

    def state(self, name: str) -> QByteArray | None:
        value = self._settings.value(f"windows/{name}_state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, name: str, value: QByteArray) -> None:
        self._settings.setValue(f"windows/{name}_state", value)
        self._settings.sync()

    # The agency server (issue 17: sync) ---------------------------------------------------------
    # Its URL from IT, never with a password (the app asks for one once per run, or libpq's
    # ~/.pgpass gives it); when to sync; and what the last sync did, for the status bar.
    @property
    def sync_url(self) -> str:
        return str(self._settings.value("sync/url", "") or "")

    @sync_url.setter
    def sync_url(self, url: str) -> None:
        if url != self.sync_url:
            self._settings.setValue("sync/url", url)
            self._settings.sync()

    def _flag(self, key: str) -> bool:
        return str(self._settings.value(key, "false")).lower() in ("true", "1")

    def _set_flag(self, key: str, on: bool) -> None:
        self._settings.setValue(key, "true" if on else "false")
        self._settings.sync()

    @property
    def sync_at_start(self) -> bool:
        return self._flag("sync/at_start")

    @sync_at_start.setter
    def sync_at_start(self, on: bool) -> None:
        self._set_flag("sync/at_start", on)

    @property
    def sync_after_signing(self) -> bool:
        return self._flag("sync/after_signing")

    @sync_after_signing.setter
    def sync_after_signing(self, on: bool) -> None:
        self._set_flag("sync/after_signing", on)

    def sync_record(self, name: str) -> dict[str, Any]:
        """What was kept as ``name`` (``last``: the last sync's counts; ``unreachable``: since
        when the server could not be reached), or {}."""
        try:
            value = json.loads(str(self._settings.value(f"sync/{name}", "") or "{}"))
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def set_sync_record(self, name: str, value: dict[str, Any] | None) -> None:
        if value is None:
            self._settings.remove(f"sync/{name}")
        else:
            self._settings.setValue(f"sync/{name}", json.dumps(value, sort_keys=True))
        self._settings.sync()
