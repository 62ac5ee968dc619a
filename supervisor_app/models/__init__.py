"""The tables. A supervisor's ten years of records live here: change only through migrations.

Conventions:
- Minutes are integers everywhere; hours exist only on screen and paper.
- Timestamps are timezone-aware UTC (stored naive-UTC by :class:`UTCDateTime`).
- Supervision sessions and experience entries have UUID text ids: they are the records that
  get signed, amended and voided, and their ids appear on printed forms.
- A record's stored ``status`` is only ``pending`` or ``signed``. Whether a signed record was
  later *amended* or *voided* is derived from other append-only rows (a signed amendment that
  supersedes it, a void sign-off), so a signed row never needs to change: see
  :mod:`supervisor_app.services.records`.

The tables are in modules by subject (:mod:`.base`, :mod:`.people`, :mod:`.records`,
:mod:`.signing`, :mod:`.training`); this package is their public face: import them from
``supervisor_app.models``. Importing it registers every table on ``Base.metadata``.
"""

from __future__ import annotations

from supervisor_app.models.base import (
    NAMING,
    Base,
    DisplayStatus,
    ExperienceKind,
    Modality,
    RecordKind,
    RecordStatus,
    SessionFormat,
    SignOffAction,
    Timestamps,
    UTCDateTime,
    new_uuid,
    utcnow,
)
from supervisor_app.models.people import (
    Agency,
    JobDescriptionFile,
    Supervisee,
    SuperviseeJob,
    Supervisor,
    SupervisorChange,
)
from supervisor_app.models.records import (
    ExperienceAllocation,
    ExperienceEntry,
    SessionAllocation,
    SessionAttendee,
    SupervisionSession,
)
from supervisor_app.models.signing import (
    Attestation,
    AuditEvent,
    DatabaseIdentity,
    ForeignChain,
    ForeignLink,
    ForeignTrail,
    OutsideCopy,
    Signature,
    SignOff,
    SuperviseeAlias,
    SupervisorKey,
    SyncPeer,
)
from supervisor_app.models.training import (
    PersonCredential,
    TrainingAllocation,
    TrainingCertificate,
    TrainingConfirmation,
    TrainingDelivery,
    TrainingEntry,
)

__all__ = [
    "NAMING",
    "Timestamps",
    "new_uuid",
    "Agency",
    "Attestation",
    "AuditEvent",
    "Base",
    "DatabaseIdentity",
    "DisplayStatus",
    "ExperienceAllocation",
    "ExperienceEntry",
    "ExperienceKind",
    "ForeignChain",
    "ForeignLink",
    "JobDescriptionFile",
    "Modality",
    "OutsideCopy",
    "PersonCredential",
    "RecordKind",
    "RecordStatus",
    "SessionAllocation",
    "SessionAttendee",
    "SessionFormat",
    "SignOff",
    "Signature",
    "SignOffAction",
    "Supervisee",
    "SuperviseeAlias",
    "SuperviseeJob",
    "Supervisor",
    "SupervisorChange",
    "SupervisorKey",
    "SyncPeer",
    "ForeignTrail",
    "SupervisionSession",
    "TrainingAllocation",
    "TrainingCertificate",
    "TrainingConfirmation",
    "TrainingDelivery",
    "TrainingEntry",
    "UTCDateTime",
    "utcnow",
]
