"""Small input checks shared by every service. Each raises DomainError naming the field."""

from __future__ import annotations

import datetime as dt
import unicodedata

from supervisor_app.services.errors import DomainError


def clean_text(
    value: str | None,
    *,
    field: str,
    label: str,
    max_length: int = 200,
    required: bool = False,
    multiline: bool = False,
) -> str:
    """Trimmed text; refuses control characters, over-long and (if required) empty text."""
    text = (value or "").strip()
    if required and not text:
        raise DomainError(f"{label} is required.", field=field)
    if len(text) > max_length:
        raise DomainError(f"{label} is too long ({len(text)} characters; at most {max_length}).", field=field)
    # isprintable() is False for every control, format, surrogate and private-use character
    # (and a few more): only then is each character looked at.
    allowed = {"\n", "\t"} if multiline else set()
    for char in () if text.isprintable() else text:
        if char not in allowed and unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co"):
            if unicodedata.category(char) == "Cf" and char in ("\u200d", "\u200c"):
                continue  # joiners are legitimate in some scripts
            raise DomainError(
                f"{label} contains a control character ({ord(char):#06x}); remove it.", field=field
            )
    return unicodedata.normalize("NFC", text)


def parse_date(value: str | dt.date | None, *, field: str, label: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not value or not str(value).strip():
        raise DomainError(f"{label} is required.", field=field)
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise DomainError(
            f"{label} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02.",
            field=field,
        ) from None


def parse_time(value: str | dt.time | None, *, field: str, label: str) -> dt.time | None:
    if value is None or isinstance(value, dt.time):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        parsed = dt.time.fromisoformat(text)
    except ValueError:
        raise DomainError(
            f"{label} {value!r} is not a time; write it as HH:MM, e.g. 09:30.", field=field
        ) from None
    return parsed.replace(second=0, microsecond=0, tzinfo=None)


def whole_minutes(value: object, *, field: str, label: str) -> int:
    """A positive whole number of minutes."""
    if isinstance(value, bool):
        raise DomainError(f"{label} must be a whole number of minutes.", field=field)
    if isinstance(value, str):
        text = value.strip()
        if not text.lstrip("-").isdecimal():  # isdigit() accepts '²', which int() refuses
            raise DomainError(f"{label} {value!r} is not a whole number of minutes.", field=field)
        value = int(text)
    if isinstance(value, float):
        if not value.is_integer():
            raise DomainError(f"{label} must be a whole number of minutes, not {value}.", field=field)
        value = int(value)
    if not isinstance(value, int):
        raise DomainError(f"{label} must be a whole number of minutes.", field=field)
    if value <= 0:
        raise DomainError(f"{label} must be more than 0 minutes (got {value}).", field=field)
    return value
