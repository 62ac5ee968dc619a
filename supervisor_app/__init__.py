"""supervisor_app: supervised hours, sign-off and ICB attestation forms, offline."""

from __future__ import annotations

APP_NAME = "supervisor_app"


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed package's metadata when first asked for:
    importlib.metadata costs tens of milliseconds, and most commands never print a version."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("supervisor-app")
    except PackageNotFoundError:  # running from a bundle without metadata
        value = "0.1.0"
    globals()["__version__"] = value
    return value
