"""Every kind of event the app writes to the audit trail reads as words on the Audit page,
in the UI's language (not as the stored code, "training-confirm")."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from supervisor_app.models import AuditEvent
from supervisor_app.services.audit import AuditAction
from supervisor_app.ui.audit_page import ACTION_WORDS

PACKAGE = Path(__file__).resolve().parents[2] / "supervisor_app"


def test_every_action_of_the_demo_trail_has_words(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.uow(reading=True) as uow:
        actions = set(uow.session.scalars(select(AuditEvent.action).distinct()))
    assert actions and actions <= set(ACTION_WORDS)


def test_every_action_the_code_writes_has_words() -> None:
    written = {value for name, value in vars(AuditAction).items() if name.isupper()}
    for path in (PACKAGE / "services").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        written |= set(re.findall(r'audit\.log\(\s*uow,\s*"([a-z-]+)"', text))
        written |= set(re.findall(r'^\s+"((?:training|job)-[a-z-]+)",$', text, flags=re.MULTILINE))
        written |= set(re.findall(r'_ACTION = "([a-z-]+)"', text))
    assert written - set(ACTION_WORDS) == set()
