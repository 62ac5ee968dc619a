"""Supervision sessions and experience entries: their status, the rules one record must meet,
adding, editing pending ones, amending, and listing them.

The package is split by job: :mod:`.status` (status in SQL, finding a record), :mod:`.values`
(the checked values and their limits), :mod:`.checks` (validation), :mod:`.overlaps` (overlap
checks), :mod:`.writing` (add, edit, delete, amend; nothing commits) and :mod:`.listing`
(records as plain dicts). Callers use ``records.<name>`` from here.
"""

from __future__ import annotations

from supervisor_app.services.records.checks import (
    check_counts_at_signing,
    check_experience,
    check_modality_counts,
    check_session,
    validate_experience,
    validate_session,
)
from supervisor_app.services.records.listing import (
    count_pending,
    experience_snapshot,
    list_records,
    session_snapshot,
)
from supervisor_app.services.records.overlaps import (
    ExperiencePeriod,
    TimedSession,
    batches,
    check_experience_overlap,
    check_session_overlap,
    experience_periods,
    timed_sessions,
)
from supervisor_app.services.records.status import (
    Record,
    amendment_waiting_clause,
    counts_clause,
    display_status,
    display_status_sql,
    find_record,
    record_kind,
    record_supervisee_ids,
    refuse_arrived,
    replaced_by_sql,
    set_aside_clause,
    set_aside_sql,
    superseded_clause,
    voided_clause,
)
from supervisor_app.services.records.values import (
    MAX_ENTRY_MINUTES,
    MAX_PERIOD_DAYS,
    MAX_TOPICS_LENGTH,
    NO_CLIENT_INFO_REMINDER,
    ExperienceValues,
    SessionValues,
    days_before,
)
from supervisor_app.services.records.writing import (
    INSERT_BATCH,
    add_experience,
    add_session,
    amend_record,
    delete_pending,
    describe,
    insert_checked,
    new_record_ids,
    update_experience,
    update_session,
    waiting_amendment,
)

__all__ = [
    "ExperiencePeriod",
    "ExperienceValues",
    "INSERT_BATCH",
    "MAX_ENTRY_MINUTES",
    "MAX_PERIOD_DAYS",
    "MAX_TOPICS_LENGTH",
    "NO_CLIENT_INFO_REMINDER",
    "Record",
    "SessionValues",
    "TimedSession",
    "add_experience",
    "add_session",
    "amend_record",
    "amendment_waiting_clause",
    "batches",
    "check_counts_at_signing",
    "check_experience",
    "check_experience_overlap",
    "check_modality_counts",
    "check_session",
    "check_session_overlap",
    "count_pending",
    "counts_clause",
    "days_before",
    "delete_pending",
    "describe",
    "display_status",
    "display_status_sql",
    "experience_periods",
    "experience_snapshot",
    "find_record",
    "insert_checked",
    "list_records",
    "new_record_ids",
    "record_kind",
    "record_supervisee_ids",
    "refuse_arrived",
    "replaced_by_sql",
    "session_snapshot",
    "set_aside_clause",
    "set_aside_sql",
    "superseded_clause",
    "timed_sessions",
    "update_experience",
    "update_session",
    "validate_experience",
    "validate_session",
    "voided_clause",
    "waiting_amendment",
]
