"""Preferences that persist between runs (QSettings in an INI file in the user's data folder).

The file sits beside the default database (``settings.ini``), so a test run that points the
data folder elsewhere never reads or writes the real user's settings.
"""

from __future__ import annotations

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
