"""Hours files: a supervisee's signed records, with their proof, that travel with them.

An hours file (format ``supervisor_app/hours``, version 1; see ``docs/HOURS-FILE.md``) is a
zip of four JSON members:

- ``manifest.json``: the format and version, the supervisee (global id, name, ICB id,
  credential), when and by which database (chain id) it was made, and for each chain its
  records come from the agency it named and its head (last seq, chain hash).
- ``records.json``: each signed record, its content version 2 (people as global ids: what was
  signed), its sign link and, if voided, its void link, as their chain stored them.
- ``signatures.json``: the keyed signatures covering those links, verbatim.
- ``keys.json``: the signers' public keys and the supervisors the file names.

:func:`collect_hours` gathers the members (no zip), :func:`check_members` checks them and
:func:`import_members` writes them: the hours file's functions below are these plus the zip,
and sync (:mod:`supervisor_app.services.sync`) sends the same members in batches.

:func:`read_hours_file` checks everything (sizes first, then each signature under its key,
each link against the signed payload and its own chain hash, each record's content against
its link) and raises :class:`~supervisor_app.services.errors.DomainError` naming the record.
:func:`import_hours_file` writes all of it or nothing; the records arrive **signed**, are
read-only, count toward progress and are verified by
:func:`~supervisor_app.services.signoff.verify` against their foreign signatures.
:func:`open_hours_files` shows hours files without any supervisor account: imported into a
temporary database, opened read-only.
"""

from supervisor_app.services.hours_files.file_format import (
    FORMAT,
    MAX_FILE_BYTES,
    MAX_PART_BYTES,
    VERSION,
    WIRE_VERSION,
    HoursFile,
    HoursFileSummary,
    HoursImportSummary,
    HoursRecord,
    remember_outside_copy,
)
from supervisor_app.services.hours_files.importing import (
    HoursView,
    import_hours_file,
    import_members,
    known_records,
    open_hours_files,
)
from supervisor_app.services.hours_files.reading import check_members, is_hours_file, read_hours_file
from supervisor_app.services.hours_files.writing import Collected, collect_hours, write_hours_file

__all__ = [
    "FORMAT",
    "WIRE_VERSION",
    "Collected",
    "check_members",
    "collect_hours",
    "import_members",
    "known_records",
    "MAX_FILE_BYTES",
    "MAX_PART_BYTES",
    "VERSION",
    "HoursFile",
    "HoursFileSummary",
    "HoursImportSummary",
    "HoursRecord",
    "HoursView",
    "import_hours_file",
    "is_hours_file",
    "open_hours_files",
    "read_hours_file",
    "remember_outside_copy",
    "write_hours_file",
]
