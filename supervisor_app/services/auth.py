"""Passwords (argon2id hashes only), recovery keys and the signing lock-out.

Five wrong passwords in a row lock that supervisor's signing for five minutes. The count and
the lock live in the database, so restarting the app does not reset them.

Who sets a password:
- the supervisor, with their old one (:func:`change_password`);
- a supervisor who has none yet (created without one) gets their first from another
  supervisor who confirms with their own password (:func:`set_password_by_another`), the same
  route as a forgotten password; only while no supervisor has a password at all (a new file)
  is the first one set without anybody's;
- a forgotten password: another supervisor of the agency, or the recovery key written down when
  the account was made (:func:`reset_with_recovery_key`). Wrong recovery keys count toward the
  same lock-out as wrong passwords.

A recovery key is random (:mod:`secrets`), shown once, and stored only as an argon2id hash.
"""

from __future__ import annotations

import datetime as dt
import math
import secrets
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _, ngettext
from supervisor_app.models import Supervisor, utcnow
from supervisor_app.services import audit, keys
from supervisor_app.services.errors import DomainError

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = dt.timedelta(minutes=5)
MIN_PASSWORD_LENGTH = 8


_HASHER_OPTIONS: dict[str, int] = {}


@cache
def _hasher() -> PasswordHasher:
    # argon2id with the library's recommended parameters (RFC 9106 low-memory profile).
    from argon2 import PasswordHasher  # when a password is hashed or checked, not by every command

    return PasswordHasher(**_HASHER_OPTIONS)


def use_fast_hashing_for_tests() -> None:
    """Cheaper argon2id parameters so a test suite can create hundreds of accounts.

    Still argon2id and still verified for real; only the work factors shrink. Never called
    by the application.
    """
    _HASHER_OPTIONS.update(time_cost=1, memory_cost=1024, parallelism=1)
    _hasher.cache_clear()
    keys.use_fast_kdf_for_tests()


def hash_password(password: str) -> str:
    check_new_password(password)
    return _hasher().hash(password)


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        params = {"minimum": MIN_PASSWORD_LENGTH}
        raise DomainError(
            _("The password must be at least {minimum} characters long.").format(**params),
            code="auth.password_too_short",
            field="password",
            params=params,
        )
    if password.strip() != password:
        raise DomainError(
            _("The password must not start or end with a space."),
            code="auth.password_spaces",
            field="password",
        )


def password_strength(password: str) -> str:
    """A hint for the password field: weak / fair / strong."""
    classes = sum(
        [
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        ]
    )
    if len(password) < MIN_PASSWORD_LENGTH:
        return "too short"
    if len(password) >= 14 or (len(password) >= 10 and classes >= 3):
        return "strong"
    return "fair" if classes >= 2 else "weak"


def lock_deadline(locked_until: dt.datetime | None, now: dt.datetime) -> dt.datetime | None:
    """When a stored lock ends, never later than :data:`LOCKOUT` from ``now``.

    The deadline was stored by a clock that may have been wrong: a lock set while the computer
    thought it was a year ahead would otherwise outlast its rule by that year once the clock is
    right again. A lock lasts at most as long as its rule, whatever was stored.
    """
    if locked_until is None:
        return None
    return min(locked_until, now + LOCKOUT)


class WrongPassword(DomainError):
    """The password did not match (the failure was counted)."""


def _attempted(record_ids: Sequence[str] | None) -> dict[str, Any]:
    """What the refused action was about, for the audit trail (never the password)."""
    if record_ids is None:
        return {"records": "all pending"}
    ids = [str(r) for r in record_ids]
    return {"records": ids[:50], **({"more_records": len(ids) - 50} if len(ids) > 50 else {})}


def authenticate(
    uow: UnitOfWork,
    *,
    supervisor_id: int,
    password: str,
    now: dt.datetime | None = None,
    record_ids: Sequence[str] | None = (),
) -> Supervisor:
    """Check ``password`` for a supervisor, honouring and updating the lock-out.

    A wrong password raises :class:`WrongPassword`; the failure is counted (and logged, with
    the ``record_ids`` the supervisor was about to sign) in a short unit of work of its own
    once ``uow`` ends (:meth:`~supervisor_app.db.UnitOfWork.afterwards`), so the count survives
    the refused action and nothing the action staged rides along. ``record_ids=None`` means
    "all pending records". A right password clears the count in ``uow``: the caller commits.
    """
    now = now or utcnow()
    supervisor = _may_try(uow, supervisor_id, now)
    if supervisor.password_hash is None:
        raise _no_password(supervisor)
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        _hasher().verify(supervisor.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise _count_failure(uow, supervisor_id, now, record_ids) from None
    if supervisor.failed_attempts or supervisor.locked_until is not None:
        supervisor.failed_attempts = 0
        supervisor.locked_until = None
    if _hasher().check_needs_rehash(supervisor.password_hash):
        supervisor.password_hash = _hasher().hash(password)
    return supervisor


def _no_password(supervisor: Supervisor) -> DomainError:
    params = {"supervisor": supervisor.name, "supervisor_id": supervisor.id}
    return DomainError(
        _(
            "{supervisor} has no password yet. Another supervisor signed in sets the first one "
            "(Settings > Supervisors > Set password, or: supervisor passwd {supervisor_id} --by THEIR_ID)."
        ).format(**params),
        code="auth.no_password",
        field="password",
        params=params,
    )


def _may_try(uow: UnitOfWork, supervisor_id: int, now: dt.datetime) -> Supervisor:
    """The supervisor, if they exist, are active and not locked out."""
    supervisor = _supervisor(uow, supervisor_id)
    if not supervisor.active:
        raise DomainError(
            _("{supervisor} is marked inactive and cannot sign.").format(supervisor=supervisor.name),
            code="auth.inactive_signer",
            field="supervisor",
            params={"supervisor": supervisor.name},
        )
    locked_until = lock_deadline(supervisor.locked_until, now)
    if locked_until is not None and locked_until != supervisor.locked_until:
        # Stored by a clock that was ahead: the lock now ends at most LOCKOUT from now, and
        # that is stored (in a unit of work of its own, kept even if this action fails), or
        # it would slide forever.
        supervisor.locked_until = locked_until
        uow.afterwards(lambda short: _store_lock(short, supervisor_id, locked_until))
    if locked_until is not None and locked_until > now:
        minutes = max(1, math.ceil((locked_until - now).total_seconds() / 60))
        params = {"supervisor": supervisor.name, "minutes": minutes, "attempts": MAX_FAILED_ATTEMPTS}
        raise DomainError(
            ngettext(
                "Signing is locked for {supervisor} after {attempts} wrong passwords. "
                "Try again in about {minutes} minute.",
                "Signing is locked for {supervisor} after {attempts} wrong passwords. "
                "Try again in about {minutes} minutes.",
                minutes,
            ).format(**params),
            code="auth.locked",
            field="password",
            params=params,
        )
    return supervisor


def _supervisor(uow: UnitOfWork, supervisor_id: int) -> Supervisor:
    supervisor = uow.session.get(Supervisor, supervisor_id)
    if supervisor is None:
        raise DomainError(
            _("There is no supervisor with id {supervisor_id}.").format(supervisor_id=supervisor_id),
            code="auth.no_such_supervisor",
            field="supervisor",
            params={"supervisor_id": supervisor_id},
        )
    return supervisor


def _inactive(supervisor: Supervisor) -> DomainError:
    return DomainError(
        _("{supervisor} is marked inactive.").format(supervisor=supervisor.name),
        code="auth.inactive",
        field="supervisor",
        params={"supervisor": supervisor.name},
    )


def _store_lock(uow: UnitOfWork, supervisor_id: int, locked_until: dt.datetime) -> None:
    supervisor = uow.session.get(Supervisor, supervisor_id)
    if (
        supervisor is not None
        and supervisor.locked_until is not None
        and supervisor.locked_until > locked_until
    ):
        supervisor.locked_until = locked_until


def _count_failure(
    uow: UnitOfWork,
    supervisor_id: int,
    now: dt.datetime,
    record_ids: Sequence[str] | None,
    *,
    what: str = "password",
) -> WrongPassword:
    """The error to raise for one wrong password; the failure itself is counted (and logged,
    and the lock set at the fifth) in a short unit of work of its own once ``uow`` ends."""
    supervisor = _supervisor(uow, supervisor_id)
    left = max(MAX_FAILED_ATTEMPTS - (supervisor.failed_attempts + 1), 0)
    minutes = int(LOCKOUT.total_seconds() // 60)
    uow.afterwards(lambda short: count_failure(short, supervisor_id, now, record_ids, what=what))
    name, field = supervisor.name, "recovery_key" if what == "recovery key" else "password"
    params = {"supervisor": name, "attempts_left": left, "minutes": minutes}
    if what == "recovery key" and left <= 0:
        return WrongPassword(
            _("Wrong recovery key. Signing is now locked for {supervisor} for {minutes} minutes.").format(
                **params
            ),
            code="auth.wrong_recovery_key_locked",
            field=field,
            params=params,
        )
    if what == "recovery key":
        return WrongPassword(
            ngettext(
                "Wrong recovery key for {supervisor}. {attempts_left} attempt left "
                "before signing locks for {minutes} minutes.",
                "Wrong recovery key for {supervisor}. {attempts_left} attempts left "
                "before signing locks for {minutes} minutes.",
                left,
            ).format(**params),
            code="auth.wrong_recovery_key",
            field=field,
            params=params,
        )
    if left <= 0:
        return WrongPassword(
            _("Wrong password. Signing is now locked for {supervisor} for {minutes} minutes.").format(
                **params
            ),
            code="auth.wrong_password_locked",
            field=field,
            params=params,
        )
    return WrongPassword(
        ngettext(
            "Wrong password for {supervisor}. {attempts_left} attempt left before signing locks for {minutes} minutes.",
            "Wrong password for {supervisor}. {attempts_left} attempts left before signing locks for {minutes} minutes.",
            left,
        ).format(**params),
        code="auth.wrong_password",
        field=field,
        params=params,
    )


def count_failure(
    uow: UnitOfWork,
    supervisor_id: int,
    now: dt.datetime,
    record_ids: Sequence[str] | None,
    *,
    what: str = "password",
) -> None:
    """Count one wrong password (or recovery key) and log it; the fifth in a row locks signing
    for :data:`LOCKOUT`. Flushed; the caller (:func:`_count_failure`'s short unit of work) commits."""
    supervisor = _supervisor(uow, supervisor_id)
    supervisor.failed_attempts += 1
    details: dict[str, Any] = {"supervisor_id": supervisor.id}
    if record_ids is None or record_ids:
        details.update(_attempted(record_ids))
    single = record_ids[0] if record_ids is not None and len(record_ids) == 1 else None
    audit.log(uow, audit.AuditAction.FAILED_SIGN_IN, record_id=single, details=details)
    if supervisor.failed_attempts >= MAX_FAILED_ATTEMPTS:
        supervisor.locked_until = now + LOCKOUT
        supervisor.failed_attempts = 0
        audit.log(uow, audit.AuditAction.LOCKED, details={"supervisor_id": supervisor.id})
    uow.flush()


def change_password(
    uow: UnitOfWork,
    *,
    supervisor_id: int,
    old_password: str,
    new_password: str,
    now: dt.datetime | None = None,
) -> str | None:
    """Set a new password with the old one; the caller commits.

    A supervisor who has none yet gets their first from another supervisor
    (:func:`set_password_by_another`); only on a file where no supervisor has a password at all
    is the first one set here without one. Then a recovery key is made and returned, to be
    shown once; otherwise None.
    """
    supervisor = _supervisor(uow, supervisor_id)
    first = supervisor.password_hash is None
    if first:
        if _anyone_else_has_a_password(uow, supervisor.id):
            raise _no_password(supervisor)
        if old_password:
            raise DomainError(
                _("{supervisor} has no password yet; leave the old password empty.").format(
                    supervisor=supervisor.name
                ),
                code="auth.no_old_password",
                field="old_password",
                params={"supervisor": supervisor.name},
            )
        if not supervisor.active:
            raise _inactive(supervisor)
    else:
        supervisor = authenticate(uow, supervisor_id=supervisor_id, password=old_password, now=now)
    if new_password == old_password:
        raise DomainError(
            _("The new password is the same as the old one."), code="auth.same_password", field="password"
        )
    supervisor.password_hash = hash_password(new_password)
    if first:
        keys.create_key(uow, supervisor, new_password)
    else:
        keys.reseal(uow, supervisor.id, old_password, new_password)
    key = issue_recovery_key(uow, supervisor) if first else None
    audit.log(
        uow,
        audit.AuditAction.PASSWORD_CHANGED,
        details={"supervisor_id": supervisor.id, **({"first": True} if first else {})},
    )
    return key


def _anyone_else_has_a_password(uow: UnitOfWork, supervisor_id: int) -> bool:
    return (
        uow.session.scalar(
            select(Supervisor.id)
            .where(Supervisor.id != supervisor_id, Supervisor.password_hash.is_not(None))
            .limit(1)
        )
        is not None
    )


def set_password_by_another(
    uow: UnitOfWork,
    *,
    supervisor_id: int,
    new_password: str,
    by_supervisor_id: int,
    by_password: str,
    now: dt.datetime | None = None,
) -> str | None:
    """Another supervisor, confirming with their own password, sets this one's password: the
    first one of a supervisor created without any, or a new one for a forgotten password; the
    caller commits.

    Returns a recovery key to show once when the supervisor had none (else None: the key they
    wrote down stays valid).
    """
    now = now or utcnow()
    supervisor = _supervisor(uow, supervisor_id)
    if by_supervisor_id == supervisor_id:
        raise DomainError(
            _("Another supervisor sets this password; to change your own, give your current one."),
            code="auth.set_own_password",
            field="by",
        )
    by = authenticate(uow, supervisor_id=by_supervisor_id, password=by_password, now=now)
    supervisor = uow.session.get(Supervisor, supervisor_id)
    assert supervisor is not None
    if not supervisor.active:
        raise _inactive(supervisor)
    first = supervisor.password_hash is None
    supervisor.password_hash = hash_password(new_password)
    supervisor.failed_attempts = 0
    supervisor.locked_until = None
    # Nobody knows the old password here: a new key (the old one is retired and still verifies).
    keys.create_key(uow, supervisor, new_password)
    key = issue_recovery_key(uow, supervisor) if supervisor.recovery_key_hash is None else None
    audit.log(
        uow,
        audit.AuditAction.PASSWORD_CHANGED,
        details={"supervisor_id": supervisor.id, "set_by": by.id, **({"first": True} if first else {})},
    )
    return key


# --------------------------------------------------------------------------------------------
# Recovery keys

# Letters and digits without the look-alikes 0/O and 1/I/L: 31 symbols, 25 of them ~ 124 bits.
RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
RECOVERY_GROUPS, RECOVERY_GROUP_LENGTH = 5, 5


def new_recovery_key() -> str:
    """A random key, in groups of five for writing down: ``K7QMW-4RTXC-...``."""
    chars = [secrets.choice(RECOVERY_ALPHABET) for _unused in range(RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH)]
    return "-".join(
        "".join(chars[i : i + RECOVERY_GROUP_LENGTH]) for i in range(0, len(chars), RECOVERY_GROUP_LENGTH)
    )


def _key_text(key: str) -> str:
    """A key as typed (any case, spaces or dashes) in the form it is hashed."""
    return "".join(c for c in key.upper() if c.isalnum())


def issue_recovery_key(uow: UnitOfWork, supervisor: Supervisor) -> str:
    """A new recovery key for ``supervisor`` (the old one stops working); only its argon2id
    hash is stored. The caller shows the key once and commits."""
    key = new_recovery_key()
    supervisor.recovery_key_hash = _hasher().hash(_key_text(key))
    audit.log(uow, audit.AuditAction.EDIT, details={"supervisor": supervisor.id, "recovery_key": "new"})
    return key


def new_recovery_key_for(
    uow: UnitOfWork, *, supervisor_id: int, password: str, now: dt.datetime | None = None
) -> str:
    """A supervisor, with their password, replaces their recovery key (lost, or never had one).
    Returns the key to show once; the caller commits."""
    supervisor = authenticate(uow, supervisor_id=supervisor_id, password=password, now=now)
    key = issue_recovery_key(uow, supervisor)
    return key


def reset_with_recovery_key(
    uow: UnitOfWork,
    *,
    supervisor_id: int,
    recovery_key: str,
    new_password: str,
    now: dt.datetime | None = None,
) -> str:
    """A forgotten password replaced with the recovery key. The key is used up: a new one is
    made and returned, to be shown once. Wrong keys count toward the lock-out. The caller commits."""
    now = now or utcnow()
    supervisor = _may_try(uow, supervisor_id, now)
    if supervisor.recovery_key_hash is None:
        raise DomainError(
            _(
                "{supervisor} has no recovery key. Another supervisor of the agency can set a new "
                "password (Settings > Supervisors > Set password)."
            ).format(supervisor=supervisor.name),
            code="auth.no_recovery_key",
            field="recovery_key",
            params={"supervisor": supervisor.name},
        )
    typed = _key_text(recovery_key)
    if not typed:
        raise DomainError(_("Type the recovery key."), code="auth.recovery_key_missing", field="recovery_key")
    check_new_password(new_password)
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        _hasher().verify(supervisor.recovery_key_hash, typed)
    except (VerificationError, InvalidHashError):
        raise _count_failure(uow, supervisor_id, now, (), what="recovery key") from None
    supervisor.password_hash = hash_password(new_password)
    supervisor.failed_attempts = 0
    supervisor.locked_until = None
    keys.create_key(uow, supervisor, new_password)  # the old key is retired and still verifies
    key = issue_recovery_key(uow, supervisor)
    audit.log(
        uow,
        audit.AuditAction.PASSWORD_CHANGED,
        details={"supervisor_id": supervisor.id, "with": "recovery key"},
    )
    return key
