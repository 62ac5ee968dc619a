"""Signing, voiding, and proving that nothing signed was altered: the public face of the
sign-off modules (:mod:`.signing`, :mod:`.verification` with :mod:`.checks`, :mod:`.keyed` and
the worker processes of :mod:`.workers`, the per-supervisee reads of :mod:`.supervisee`, and
the records signed elsewhere, :mod:`.foreign`).

Each signature (a :class:`~supervisor_app.models.SignOff` row) stores the SHA-256 of the
record's canonical content and a chain hash over its own fields and the previous signature's
chain hash: one chain per database, in signing order. :func:`verify` recomputes all of it
from the raw rows, so it catches an edit made straight in the SQLite file with the triggers
dropped: a changed field, a deleted row, a signature removed, repeated or reordered.

The canonical content of a record is read by the same code (:func:`~supervisor_app.services.canonical.read_records`) both when
signing and when verifying, so the two can never disagree about what the content is. It is
JSON over the record's fields, its attendees and its domain allocations, each read as the
typed value SQLite stores and never re-parsed from text, so no two different stored records
serialise alike: an allocation whose domain code contains ``=``, an attendee id stored as the
text ``'1,2'``, a blob where text was, each change the hash.

Speed: :func:`verify` must check at least 100,000 records a second. A whole database (of at
least ``workers._PARALLEL_MIN_RECORDS`` records, in a file) is hashed by two worker processes, one
per kind of record, each on its own read-only connection (see :class:`~.workers.Workers`), which also
check the keyed signatures' Ed25519 signatures and the audit and print chains, while this
process checks the chain; a supervisee's records are read by their indexes in a few queries
(:func:`read_supervisee`). Reading and serialising live in
:mod:`~supervisor_app.services.canonical`, which imports nothing heavy, so workers start fast.
In a frozen (PyInstaller) app the entry point must call ``multiprocessing.freeze_support()``.
Within each process it reads flat rows through
the driver (no ORM, no per-record queries, no cyclic GC meanwhile), checks each text column
once per batch for characters JSON would escape, and builds each record's text with one
f-string; hash lists are compared whole, and only the rows that differ are looked at one by
one. That fast path handles the types the app writes; anything else takes the reference path
(:func:`~supervisor_app.services.canonical.content_payload`,
:func:`~supervisor_app.services.canonical.link_fields`), which defines the format. Both give the same
text for the same values (``tests/test_verify.py`` checks it), and the same hashes as the
first version of this module, so no signature made by it goes stale.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from supervisor_app.services.signoff.checks import Problem, RecordsFailVerification, VerifyReport
    from supervisor_app.services.signoff.foreign import (
        ForeignLinks,
        foreign_content,
        foreign_digest,
        record_origins,
        signature_count,
    )
    from supervisor_app.services.signoff.signing import (
        ClockBehind,
        SignResult,
        chain_hash,
        check_clock,
        content_hash,
        pending_ids,
        sign,
        void,
        void_content_hash,
    )
    from supervisor_app.services.signoff.supervisee import (
        SuperviseeRecords,
        read_supervisee,
        read_supervisee_unchecked,
        require_supervisee_verified,
    )
    from supervisor_app.services.signoff.verification import require_verified, verify
    from supervisor_app.services.signoff.workers import (
        VerificationStopped,
        resume_verifications,
        stop_verifications,
    )

# Each name is imported from its module when first asked for (PEP 562), not all at once:
# verifying a supervisee (``progress``) needs neither signing nor the whole-file pass, which
# import SQLAlchemy and the models (issue 19: the command line starts fast).
_MODULES = {
    "checks": ("Problem", "RecordsFailVerification", "VerifyReport"),
    "foreign": ("ForeignLinks", "foreign_content", "foreign_digest", "record_origins", "signature_count"),
    "signing": (
        "ClockBehind",
        "SignResult",
        "chain_hash",
        "check_clock",
        "content_hash",
        "pending_ids",
        "sign",
        "void",
        "void_content_hash",
    ),
    "supervisee": (
        "SuperviseeRecords",
        "read_supervisee",
        "read_supervisee_unchecked",
        "require_supervisee_verified",
    ),
    "verification": ("require_verified", "verify"),
    "workers": ("VerificationStopped", "resume_verifications", "stop_verifications"),
}
_HOME = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "ClockBehind",
    "ForeignLinks",
    "Problem",
    "RecordsFailVerification",
    "SignResult",
    "SuperviseeRecords",
    "VerificationStopped",
    "VerifyReport",
    "chain_hash",
    "check_clock",
    "content_hash",
    "foreign_content",
    "foreign_digest",
    "pending_ids",
    "read_supervisee",
    "read_supervisee_unchecked",
    "record_origins",
    "require_supervisee_verified",
    "require_verified",
    "resume_verifications",
    "sign",
    "signature_count",
    "stop_verifications",
    "verify",
    "void",
    "void_content_hash",
]
