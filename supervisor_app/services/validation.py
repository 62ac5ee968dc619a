"""Small input checks shared by every service. Each raises DomainError naming the field."""

from __future__ import annotations

import datetime as dt
import unicodedata

from supervisor_app.i18n import _
from supervisor_app.services.errors import DomainError

MAX_DIGITS = 18
"""Digits a whole number may have. Every such number fits SQLite's integers, and Python never
meets its limit on converting long digit strings (4,300 digits), which raises ValueError."""

SHOWN_CHARACTERS = 40
"""How much of a bad value a message quotes: a 50 MB cell is not repeated back."""


def shown(value: object) -> str:
    """A value quoted for a message, cut short (with its length) when it is long."""
    text = str(value)
    if len(text) <= SHOWN_CHARACTERS:
        return repr(value) if isinstance(value, str) else text
    return _("{start!r}... ({n} characters)").format(start=text[:SHOWN_CHARACTERS], n=f"{len(text):,}")


def too_many_digits(text: str, *, field: str, label: str) -> DomainError:
    """The error for a whole number longer than :data:`MAX_DIGITS` digits."""
    return DomainError(
        _("{label} has {digits} digits; a number here has at most {most}.").format(
            label=label, digits=f"{len(text.lstrip('-')):,}", most=MAX_DIGITS
        ),
        field=field,
        code="input.too_many_digits",
        params={"label": label, "most": MAX_DIGITS},
    )


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
        raise DomainError(
            _("{label} is required.").format(label=label),
            field=field,
            code="input.required",
            params={"label": label},
        )
    if len(text) > max_length:
        raise DomainError(
            _("{label} is too long ({length} characters; at most {limit}).").format(
                label=label, length=len(text), limit=max_length
            ),
            field=field,
            code="input.too_long",
            params={"label": label, "limit": max_length},
        )
    # isprintable() is False for every control, format, surrogate and private-use character
    # (and a few more): only then is each character looked at.
    allowed = {"\n", "\t"} if multiline else set()
    for char in () if text.isprintable() else text:
        if char not in allowed and unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co"):
            if unicodedata.category(char) == "Cf" and char in ("\u200d", "\u200c"):
                continue  # joiners are legitimate in some scripts
            raise DomainError(
                _("{label} contains a control character ({char}); remove it.").format(
                    label=label, char=f"{ord(char):#06x}"
                ),
                field=field,
                code="input.control_character",
                params={"label": label},
            )
    return unicodedata.normalize("NFC", text)


def parse_date(value: str | dt.date | None, *, field: str, label: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not value or not str(value).strip():
        raise DomainError(
            _("{label} is required.").format(label=label),
            field=field,
            code="input.required",
            params={"label": label},
        )
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise DomainError(
            _("{label} {value} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02.").format(
                label=label, value=shown(value)
            ),
            field=field,
            code="input.bad_date",
            params={"label": label, "value": value},
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
            _("{label} {value} is not a time; write it as HH:MM, e.g. 09:30.").format(
                label=label, value=shown(value)
            ),
            field=field,
            code="input.bad_time",
            params={"label": label, "value": value},
        ) from None
    return parsed.replace(second=0, microsecond=0, tzinfo=None)


def whole_minutes(value: object, *, field: str, label: str) -> int:
    """A positive whole number of minutes."""
    if isinstance(value, bool):
        raise DomainError(
            _("{label} must be a whole number of minutes.").format(label=label),
            field=field,
            code="input.not_whole_minutes",
            params={"label": label},
        )
    if isinstance(value, str):
        text = value.strip()
        if not text.lstrip("-").isdecimal():  # isdigit() accepts '²', which int() refuses
            raise DomainError(
                _("{label} {value} is not a whole number of minutes.").format(
                    label=label, value=shown(value)
                ),
                field=field,
                code="input.minutes_unreadable",
                params={"label": label, "value": value},
            )
        if len(text.lstrip("-")) > MAX_DIGITS:
            raise too_many_digits(text, field=field, label=label)
        value = int(text)
    if isinstance(value, float):
        if not value.is_integer():
            raise DomainError(
                _("{label} must be a whole number of minutes, not {value}.").format(label=label, value=value),
                field=field,
                code="input.minutes_fraction",
                params={"label": label, "value": value},
            )
        value = int(value)
    if not isinstance(value, int):
        raise DomainError(
            _("{label} must be a whole number of minutes.").format(label=label),
            field=field,
            code="input.not_whole_minutes",
            params={"label": label},
        )
    if value <= 0:
        raise DomainError(
            _("{label} must be more than 0 minutes (got {value}).").format(label=label, value=value),
            field=field,
            code="input.minutes_not_positive",
            params={"label": label, "value": value},
        )
    return value


def int_id(value: int | str, *, field: str, label: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = str(value).strip()
        if not text.isdecimal():  # isdigit() accepts '²', which int() refuses
            raise DomainError(
                _("{label} id {value} is not a number.").format(label=label, value=shown(value)),
                field=field,
                code="person.id_not_number",
                params={"label": label, "value": value},
            )
        if len(text) > MAX_DIGITS:  # int() would raise ValueError past 4,300 digits
            raise DomainError(
                _("There is no {label} with id {id}.").format(label=label.lower(), id=shown(text)),
                field=field,
                code="person.unknown_id",
                params={"label": label, "id": text},
            )
        number = int(text)
    if not 0 <= number < 2**31:  # the agency database's ids are 32-bit (SQLite's never get that far)
        raise DomainError(
            _("There is no {label} with id {id}.").format(label=label.lower(), id=value),
            field=field,
            code="person.unknown_id",
            params={"label": label, "id": value},
        )
    return number
