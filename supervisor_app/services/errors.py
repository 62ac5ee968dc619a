"""The one error type for everything a user can get wrong."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
"""A stable error code: dotted lower-case words, area first (``sign.not_pending``)."""


class DomainError(Exception):
    """A request the rules refuse.

    - ``message`` is written for a supervisor, not a programmer, in the language current at the
      raise (:func:`supervisor_app.i18n.current`): made with i18n where it is raised,
      ``_("There is no supervisor with id {id}.").format(id=supervisor_id)``. It is for people to
      read, never to test or store; ``code`` and ``params`` are the stable key.
    - ``code`` is stable (``area.what``: the area first, ``records``, ``sign``, ``print``...,
      then the refusal, ``records.in_future``). Callers that react to a particular refusal test
      the code, never the message text. A code is never renamed once released (the CLI's
      scripts and the translations key on it); a new refusal gets a new code, and a code has
      one wording (a second wording is a second code). docs/ERROR-CODES.md lists them all,
      generated from the source by ``uv run python tests/error_codes.py``;
      tests/test_error_codes.py checks every raise has a code, each code one wording, and
      that the catalogue is current.
    - ``params`` are the values the message is made from (a name, a date, a count), keyed by
      the names a translated template will use.
    - ``field`` names the input it concerns (or None), so a form can show it beside that field.

    Raised before anything is committed, so a refused action changes nothing.
    """

    def __init__(
        self,
        message: str,
        *,
        code: str,
        field: str | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        if not CODE.match(code):
            raise ValueError(f"not an error code: {code!r}")
        self.message = message
        self.code = code
        self.field = field
        self.params: Mapping[str, Any] = MappingProxyType(dict(params or {}))

    def with_message(
        self, message: str, *, field: str | None = None, params: Mapping[str, Any] | None = None
    ) -> DomainError:
        """The same refusal (its code kept), its message put in context ("Record 3f2a…:
        <message>"); ``params`` adds the context's values to the refusal's own."""
        return DomainError(
            message, code=self.code, field=field or self.field, params={**self.params, **(params or {})}
        )

    def __str__(self) -> str:
        return self.message
