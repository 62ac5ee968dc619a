"""supervisor_app: supervised hours, sign-off and ICB attestation forms, offline."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("supervisor-app")
except PackageNotFoundError:  # running from a bundle without metadata
    __version__ = "0.1.0"

APP_NAME = "supervisor_app"
