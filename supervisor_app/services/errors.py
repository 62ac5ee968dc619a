"""The one error type for everything a user can get wrong."""

from __future__ import annotations


class DomainError(Exception):
    """A request the rules refuse. ``field`` names the input it concerns (or None).

    The message is written for a supervisor, not a programmer. Raised before anything is
    committed, so a refused action changes nothing.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message
