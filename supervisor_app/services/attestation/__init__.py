"""What goes on a printed attestation: the data, the refusals, and the record of each print.

Three steps, so the UI can render off its thread and the CLI can refuse before writing:

1. :func:`prepare_verification` reads, from *signed, standing* records only, every field the
   board's form asks for (DOMAIN.md, "What the printed attestation carries") into a frozen
   :class:`VerificationData`. It refuses (:class:`DomainError`) when the range has no signed
   sessions or has pending records, and raises
   :class:`~supervisor_app.services.signoff.RecordsFailVerification` when any record it would
   print fails verification. It writes nothing.
2. :func:`record_print` creates (or, for a reprint, reuses) the :class:`Attestation` row and
   writes an audit ``print`` event every time.
3. :func:`supervisor_app.reports.render_verification` turns the data into PDF bytes.
   :mod:`supervisor_app.usecases.printing` does 1 to 3 and commits, and only then writes the
   file; the app can render first with the serial :func:`plan_print` foresees and have the
   use case record exactly that print (``record_print(planned=...)``).

The record fingerprint
----------------------
SHA-256 over the ASCII concatenation of the ``chain_hash`` values (64 lower-case hex digits
each, no separator) of the included signature links, in ``seq`` order. Included are *every*
link of every record the form prints:

- the sign link of each counted session and experience entry;
- the sign link of each amended original listed (in small type) under its replacement;
- the sign link *and* the void link of each voided session listed (struck through).

So the fingerprint covers everything on the paper, counted or not: if a record shown is later
amended or voided, the fingerprint (and so the serial number) changes. Anyone holding the
database can recompute it with :func:`~supervisor_app.reports.manifest.fingerprint_of`.

Reprints: a print with the same supervisee, supervisor, range and fingerprint reuses the row
(its serial number and first print date), so the PDF is byte-identical. The people and agency
details (names, addresses, numbers) are read fresh at each print: if they were edited
between two prints of the same records, the reprint shows the new details under the same
serial number.
"""

from __future__ import annotations

from supervisor_app.services.attestation.form import prepare_verification, rule_sources
from supervisor_app.services.attestation.prints import (
    SERIAL_PREFIX,
    VERIFICATION,
    AttestationEntry,
    list_attestations,
    plan_print,
    record_print,
)
from supervisor_app.services.attestation.statement import prepare_statement

__all__ = [
    "SERIAL_PREFIX",
    "VERIFICATION",
    "AttestationEntry",
    "list_attestations",
    "plan_print",
    "prepare_statement",
    "prepare_verification",
    "record_print",
    "rule_sources",
]
