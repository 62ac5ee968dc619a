"""Hours files: give a supervisee's signed records to an hours file, import one. One way for
the app and the command line.

The services (:mod:`supervisor_app.services.hours_files`) check, change and flush; these
functions run one of them in the caller's unit of work (opened by the command line, by
:meth:`AppContext.write <supervisor_app.ui.context.AppContext.write>` or by the app's
background task), commit once, and return its summary. A refusal
(:class:`~supervisor_app.services.errors.DomainError`, or a record that fails verification)
is raised before the commit, so nothing is recorded.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from supervisor_app.services import hours_files

if TYPE_CHECKING:
    from supervisor_app.db import UnitOfWork


def write_hours_file(
    uow: UnitOfWork, *, supervisee_id: int | str, path: str | os.PathLike[str]
) -> hours_files.HoursFileSummary:
    """Write the supervisee's signed records, with their signatures, to the hours file
    ``path`` (whole or not at all), and record that it left (the audit trail)."""
    summary = hours_files.write_hours_file(uow, supervisee_id=supervisee_id, path=path)
    uow.commit()
    return summary


def import_hours_file(
    uow: UnitOfWork, path: str | os.PathLike[str], *, link_supervisee_id: int | str | None = None
) -> hours_files.HoursImportSummary:
    """Import an hours file, all or nothing; ``link_supervisee_id``: the file's supervisee is
    this person here (recorded under another id)."""
    summary = hours_files.import_hours_file(uow, path, link_supervisee_id=link_supervisee_id)
    uow.commit()
    return summary
