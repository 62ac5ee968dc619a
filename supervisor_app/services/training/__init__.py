"""Training and education hours, their certificates, a supervisor's confirmation, and the
progress they make toward a credential's education and toward its renewal (CEUs).

A training entry belongs to one person (a supervisee, or a supervisor for their own CEUs): its
dates, title, provider, delivery, and its minutes per topic area (a profile's domains and
training areas). The certificate (PDF, PNG or JPEG, at most :data:`MAX_CERTIFICATE_BYTES`) is
stored inside the database, so a backup carries it.

An entry is *self-reported* until a supervisor of the supervisee confirms it: the confirmation
is a keyed signature (the supervisor's Ed25519 key, opened with their password, as for
records) over a payload naming the entry's content hash, which covers every field, the areas
and the certificate's SHA-256. A confirmed entry never changes (triggers);
:func:`check_confirmations` re-checks every confirmation against the entry as stored.

Education counts every entry (confirmed or self-reported; the self-reported share is named):
the board asks for certificates, not a supervisor's word. A renewal counts the entries that
ended in the ``period_years`` before the credential expires.

The package is split by job: :mod:`.certificates`, :mod:`.entries` (checking and writing),
:mod:`.confirmation` and :mod:`.listing` (status and progress). Callers use
``training.<name>`` from here.
"""

from __future__ import annotations

from supervisor_app.services.training.certificates import (
    MAX_CERTIFICATE_BYTES,
    CertificateFile,
    certificate_type,
    new_certificate_row,
    read_certificate_file,
)
from supervisor_app.services.training.confirmation import (
    BROKEN,
    CONFIRM_ACTION,
    CONFIRM_FORMAT,
    CONFIRMED,
    SELF_REPORTED,
    check_confirmations,
    confirm_training,
    confirm_trainings,
    confirmation_problem,
    confirmation_problems,
    content_hash,
)
from supervisor_app.services.training.entries import (
    MAX_MINUTES_A_DAY,
    TrainingValues,
    add_training,
    area_choices,
    attach_certificate,
    certificate,
    check_training,
    confirmation_of,
    delete_training,
    edit_training,
    get_training,
    parse_hours,
    person_profiles,
    refuse_confirmed,
    remove_certificate,
)
from supervisor_app.services.training.listing import (
    HoursProgress,
    RequirementProgress,
    TrainingRow,
    education_progress,
    list_training,
    renewal_period,
    renewal_progress,
    training_json,
)

__all__ = [
    "BROKEN",
    "CONFIRMED",
    "CONFIRM_ACTION",
    "CONFIRM_FORMAT",
    "CertificateFile",
    "HoursProgress",
    "MAX_CERTIFICATE_BYTES",
    "MAX_MINUTES_A_DAY",
    "RequirementProgress",
    "SELF_REPORTED",
    "TrainingRow",
    "TrainingValues",
    "add_training",
    "area_choices",
    "attach_certificate",
    "certificate",
    "new_certificate_row",
    "certificate_type",
    "check_confirmations",
    "check_training",
    "confirm_training",
    "confirm_trainings",
    "confirmation_of",
    "confirmation_problem",
    "confirmation_problems",
    "content_hash",
    "delete_training",
    "edit_training",
    "education_progress",
    "get_training",
    "list_training",
    "parse_hours",
    "person_profiles",
    "read_certificate_file",
    "refuse_confirmed",
    "remove_certificate",
    "renewal_period",
    "renewal_progress",
    "training_json",
]
