"""Audit: the append-only trail, filterable, and *Verify records*: every signature and every
signed record re-checked in the background, with every problem listed."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.services import arrived_trail, audit_pages, overview, people, signoff
from supervisor_app.services.arrived_trail import ArrivedEntry
from supervisor_app.services.audit import (
    AuditAction,
    AuditEntry,
    RecordRef,
    record_refs,
    referenced_ids,
    short_record_id,
)
from supervisor_app.ui.common import from_qdate, row_table, show_error, status_text
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.lazy_model import Column, LazyTableModel
from supervisor_app.ui.refreshing import RefreshOnChange
from supervisor_app.ui.screen_fit import scrolling, short
from supervisor_app.units import duration, fold

_ANY_DATE = QDate(2000, 1, 1)
HERE, ARRIVED = "here", "arrived"  # the choice of trail: this database's, or other databases'
WHERE_COLUMN = 1  # shown for the events that arrived from other databases


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditPage", text)


ACTION_WORDS = {
    AuditAction.CREATE: QT_TRANSLATE_NOOP("AuditPage", "Created"),
    AuditAction.EDIT: QT_TRANSLATE_NOOP("AuditPage", "Edited"),
    AuditAction.DELETE_PENDING: QT_TRANSLATE_NOOP("AuditPage", "Deleted (pending)"),
    AuditAction.SIGN: QT_TRANSLATE_NOOP("AuditPage", "Signed"),
    AuditAction.AMEND: QT_TRANSLATE_NOOP("AuditPage", "Amended"),
    AuditAction.VOID: QT_TRANSLATE_NOOP("AuditPage", "Voided"),
    AuditAction.PRINT: QT_TRANSLATE_NOOP("AuditPage", "Printed"),
    AuditAction.EXPORT: QT_TRANSLATE_NOOP("AuditPage", "Exported"),
    AuditAction.IMPORT: QT_TRANSLATE_NOOP("AuditPage", "Imported"),
    AuditAction.BACKUP: QT_TRANSLATE_NOOP("AuditPage", "Backed up"),
    AuditAction.RESTORE: QT_TRANSLATE_NOOP("AuditPage", "Restored"),
    AuditAction.FAILED_SIGN_IN: QT_TRANSLATE_NOOP("AuditPage", "Wrong password"),
    AuditAction.LOCKED: QT_TRANSLATE_NOOP("AuditPage", "Signing locked"),
    AuditAction.PASSWORD_CHANGED: QT_TRANSLATE_NOOP("AuditPage", "Password changed"),
    AuditAction.REVIEW_START: QT_TRANSLATE_NOOP("AuditPage", "Review started"),
    AuditAction.REVIEW_END: QT_TRANSLATE_NOOP("AuditPage", "Review ended"),
    AuditAction.SYNC_CONFLICT: QT_TRANSLATE_NOOP("AuditPage", "Edited in two databases"),
    "training-add": QT_TRANSLATE_NOOP("AuditPage", "Training added"),
    "training-edit": QT_TRANSLATE_NOOP("AuditPage", "Training edited"),
    "training-delete": QT_TRANSLATE_NOOP("AuditPage", "Training deleted"),
    "training-confirm": QT_TRANSLATE_NOOP("AuditPage", "Training confirmed"),
    "training-certificate": QT_TRANSLATE_NOOP("AuditPage", "Certificate attached"),
    "training-certificate-removed": QT_TRANSLATE_NOOP("AuditPage", "Certificate removed"),
    "delete-credential": QT_TRANSLATE_NOOP("AuditPage", "Credential deleted"),
    "job-add": QT_TRANSLATE_NOOP("AuditPage", "Job added"),
    "job-edit": QT_TRANSLATE_NOOP("AuditPage", "Job edited"),
}


FIELD_WORDS = {
    "amends": QT_TRANSLATE_NOOP("AuditPage", "Amends"),
    "reason": QT_TRANSLATE_NOOP("AuditPage", "Reason"),
    "kind": QT_TRANSLATE_NOOP("AuditPage", "Kind"),
    "date": QT_TRANSLATE_NOOP("AuditPage", "Date"),
    "start": QT_TRANSLATE_NOOP("AuditPage", "Start"),
    "minutes": QT_TRANSLATE_NOOP("AuditPage", "Length"),
    "from": QT_TRANSLATE_NOOP("AuditPage", "From"),
    "to": QT_TRANSLATE_NOOP("AuditPage", "To"),
    "format": QT_TRANSLATE_NOOP("AuditPage", "Format"),
    "modality": QT_TRANSLATE_NOOP("AuditPage", "Modality"),
    "site": QT_TRANSLATE_NOOP("AuditPage", "Site"),
    "setting": QT_TRANSLATE_NOOP("AuditPage", "Setting"),
    "topics": QT_TRANSLATE_NOOP("AuditPage", "Topics"),
    "allocations": QT_TRANSLATE_NOOP("AuditPage", "Domains"),
    "supervisor": QT_TRANSLATE_NOOP("AuditPage", "Supervisor"),
    "supervisor_id": QT_TRANSLATE_NOOP("AuditPage", "Supervisor"),
    "supervisee": QT_TRANSLATE_NOOP("AuditPage", "Supervisee"),
    "supervisee_id": QT_TRANSLATE_NOOP("AuditPage", "Supervisee"),
    "supervisee_ids": QT_TRANSLATE_NOOP("AuditPage", "Supervisees"),
    "name": QT_TRANSLATE_NOOP("AuditPage", "Name"),
    "active": QT_TRANSLATE_NOOP("AuditPage", "Active"),
    "records": QT_TRANSLATE_NOOP("AuditPage", "Records"),
    "more_records": QT_TRANSLATE_NOOP("AuditPage", "More records"),
    "serial": QT_TRANSLATE_NOOP("AuditPage", "Serial"),
    "reprint": QT_TRANSLATE_NOOP("AuditPage", "Reprint"),
    "printed_by": QT_TRANSLATE_NOOP("AuditPage", "Printed by"),
    "fingerprint": QT_TRANSLATE_NOOP("AuditPage", "Fingerprint"),
    "icb_id": QT_TRANSLATE_NOOP("AuditPage", "ICB ID"),
    "credential": QT_TRANSLATE_NOOP("AuditPage", "Credential"),
    "position": QT_TRANSLATE_NOOP("AuditPage", "Position"),
    "start_date": QT_TRANSLATE_NOOP("AuditPage", "Start date"),
    "address": QT_TRANSLATE_NOOP("AuditPage", "Address"),
    "phone": QT_TRANSLATE_NOOP("AuditPage", "Phone"),
    "email": QT_TRANSLATE_NOOP("AuditPage", "Email"),
    "before": QT_TRANSLATE_NOOP("AuditPage", "Before"),
    "deleted": QT_TRANSLATE_NOOP("AuditPage", "Deleted"),
    "file": QT_TRANSLATE_NOOP("AuditPage", "File"),
    "rows": QT_TRANSLATE_NOOP("AuditPage", "Rows"),
    "sessions": QT_TRANSLATE_NOOP("AuditPage", "Sessions"),
    "experience": QT_TRANSLATE_NOOP("AuditPage", "Experience entries"),
    "duplicates_skipped": QT_TRANSLATE_NOOP("AuditPage", "Duplicates skipped"),
    "records_checked": QT_TRANSLATE_NOOP("AuditPage", "Records checked"),
    "title": QT_TRANSLATE_NOOP("AuditPage", "Title"),
    "content_hash": QT_TRANSLATE_NOOP("AuditPage", "Content hash"),
    "key": QT_TRANSLATE_NOOP("AuditPage", "Key"),
    "signing_key": QT_TRANSLATE_NOOP("AuditPage", "Signing key"),
}


class _DetailWords:
    """An event's details (stored as JSON with ids) in words: people by name, records by kind
    and date, lengths in hours or minutes."""

    def __init__(self) -> None:
        self.supervisors: dict[int, str] = {}
        self.supervisees: dict[int, str] = {}
        self.labels: dict[str, str] = {}
        self.records: dict[str, RecordRef] = {}

    def text(self, details: str) -> str:
        if not details:
            return ""
        try:
            data = json.loads(details)
        except ValueError:
            return details
        if not isinstance(data, dict):
            return details
        return self._fields(data)

    def _fields(self, data: dict[str, Any]) -> str:
        skip = {"id"} | ({"agency"} if "name" in data else set())
        before, after = data.get("before"), data.get("after")
        changed = isinstance(before, dict) and isinstance(after, dict)
        if changed:  # an edit: each changed field as "old → new", after the event's other fields
            skip |= {"before", "after"}
        order = {key: i for i, key in enumerate(FIELD_WORDS)}  # stored sorted; shown in reading order
        keys = sorted((k for k in data if k not in skip), key=lambda k: order.get(k, len(order)))
        parts = [
            f"{_tr(FIELD_WORDS[key]) if key in FIELD_WORDS else key}: {self._value(key, data[key])}"
            for key in keys
        ]
        if changed:
            fields = sorted(dict.fromkeys([*before, *after]), key=lambda k: order.get(k, len(order)))
            parts += [
                f"{_tr(FIELD_WORDS[key]) if key in FIELD_WORDS else key}: {self._value(key, before.get(key))} → "
                f"{self._value(key, after.get(key))}"
                for key in fields
            ]
        return "; ".join(parts)

    def _value(self, key: str, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return (
                QCoreApplication.translate("AuditPage", "yes")
                if value
                else QCoreApplication.translate("AuditPage", "no")
            )
        if key in ("supervisor", "supervisor_id") and isinstance(value, int):
            return self.supervisors.get(
                value, QCoreApplication.translate("AuditPage", "supervisor #{id}").format(id=value)
            )
        if key in ("supervisee", "supervisee_id") and isinstance(value, int):
            return self.supervisees.get(
                value, QCoreApplication.translate("AuditPage", "supervisee #{id}").format(id=value)
            )
        if key == "supervisee_ids" and isinstance(value, list):
            return ", ".join(self._value("supervisee", v) for v in value)
        if key == "minutes" and isinstance(value, int):
            return duration(value)
        if key == "allocations" and isinstance(value, dict):
            return ", ".join(f"{self.labels.get(k, k)} {self._value('minutes', v)}" for k, v in value.items())
        if key in ("amends", "records") and isinstance(value, str | list):
            if value == "all pending":
                return QCoreApplication.translate("AuditPage", "everything pending")
            ids = [value] if isinstance(value, str) else value
            return ", ".join(self.record(str(rid)) for rid in ids)
        if key in ("before", "deleted") and isinstance(value, dict):
            return f"({self._fields(value)})"
        if key == "fingerprint" and isinstance(value, str):
            return value[:12] + "…"
        if key in ("kind", "format", "modality") and isinstance(value, str):
            return status_text(value)
        if isinstance(value, dict | list):
            return json.dumps(value, ensure_ascii=False)
        return str(value)

    def record(self, record_id: str) -> str:
        ref = self.records.get(record_id)
        if ref is None:
            return QCoreApplication.translate("AuditPage", "record {id}").format(
                id=short_record_id(record_id)
            )
        if ref.kind == "session":
            return QCoreApplication.translate("AuditPage", "the session of {date}").format(
                date=ref.start.isoformat()
            )
        return QCoreApplication.translate("AuditPage", "the experience entry {start} – {end}").format(
            start=ref.start.isoformat(), end=ref.end.isoformat()
        )


class AuditPage(RefreshOnChange, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("audit_page")
        self.setAccessibleName(self.tr("Audit"))
        self._names: dict[str, str] = {}
        self._supervisees: dict[int, str] = {}
        self._words = _DetailWords()
        # Another database's events name its own supervisors and supervisees (its numbers):
        # they are not looked up among this database's people.
        self._arrived_words = _DetailWords()
        layout = QVBoxLayout(self)
        title = QHBoxLayout()  # the title, and beside it the choice of trail (the filters' row is full)
        layout.addLayout(title)
        title.addWidget(QLabel(self.tr("<h2>Audit trail</h2>"), self))
        title.addSpacing(12)

        filters = QHBoxLayout()
        layout.addLayout(filters)
        self.source = QComboBox(self)
        self.source.setObjectName("audit_source")
        self.source.setAccessibleName(self.tr("Whose audit trail"))
        self.source.addItem(self.tr("This database"), HERE)
        self.source.addItem(self.tr("Arrived from other databases"), ARRIVED)
        self.source.setToolTip(
            self.tr(
                "A laptop's audit trail arrives at the agency database when the laptop syncs: its "
                "events are kept as that database wrote them, read-only."
            )
        )
        title.addWidget(self.source)
        title.addStretch(1)
        self.record = QLineEdit(self)
        self.record.setPlaceholderText(self.tr("Record id (first characters)"))
        self.record.setAccessibleName(self.tr("Filter by record id"))
        self.record.setClearButtonEnabled(True)
        filters.addWidget(self.record, 1)
        self.supervisee = QComboBox(self)
        self.supervisee.setAccessibleName(self.tr("Filter by supervisee"))
        filters.addWidget(self.supervisee, 1)
        self.action = QComboBox(self)
        self.action.setAccessibleName(self.tr("Filter by action"))
        self.action.addItem(self.tr("Any action"), "")
        for code, words in ACTION_WORDS.items():
            self.action.addItem(_tr(words), code)
        filters.addWidget(self.action)
        self.actor = QLineEdit(self)
        self.actor.setPlaceholderText(self.tr("Who"))
        self.actor.setAccessibleName(self.tr("Filter by who did it"))
        self.actor.setClearButtonEnabled(True)
        filters.addWidget(self.actor)
        self.date_from = self._date_edit(self.tr("From date"))
        self.date_to = self._date_edit(self.tr("To date"))
        filters.addWidget(QLabel(self.tr("From"), self))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to"), self))
        filters.addWidget(self.date_to)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(splitter, 1)
        self.model = LazyTableModel(
            [
                Column(
                    self.tr("When (local time)"), lambda e: e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
                ),
                Column(self.tr("Where"), self._where, tooltip=lambda e: getattr(e, "chain_id", "")),
                Column(self.tr("Who"), self._who),
                Column(
                    self.tr("Action"),
                    lambda e: _tr(ACTION_WORDS[e.action]) if e.action in ACTION_WORDS else e.action,
                ),
                Column(self.tr("Record"), lambda e: short_record_id(e.record_id), tooltip=self._record_tip),
                Column(self.tr("Supervisee"), self._supervisee),
                Column(self.tr("Details"), self._details, tooltip=self._details),
            ],
            key=lambda e: e.key if isinstance(e, ArrivedEntry) else e.id,
            parent=self,
        )
        self.view = row_table(
            splitter, self.model, self.tr("Audit events"), object_name="audit_table", extended=True
        )
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate([150, 190, 150, 120, 130, 170]):
            self.view.setColumnWidth(column, width)
        self.view.setColumnHidden(WHERE_COLUMN, True)
        self.empty = QLabel(self)  # above the list, when it is empty: what that means
        self.empty.setObjectName("audit_empty")
        self.empty.setWordWrap(True)
        self.empty.setVisible(False)
        layout.insertWidget(layout.indexOf(splitter), self.empty)

        verify_box = QGroupBox(self.tr("Verify records"), splitter)
        verify_layout = QVBoxLayout(verify_box)
        explain = QLabel(
            self.tr(
                "Re-computes every signed record's fingerprint and checks each supervisor's key "
                "signature, this audit trail and the backups, to prove nothing was changed, added or "
                "removed after signing (for example by editing the database file directly)."
            ),
            verify_box,
        )
        explain.setWordWrap(True)
        verify_layout.addWidget(explain)
        row = QHBoxLayout()
        verify_layout.addLayout(row)
        self.verify_button = QPushButton(self.tr("&Verify records"), verify_box)
        self.verify_button.setAccessibleName(self.tr("Verify records"))
        row.addWidget(self.verify_button)
        self.progress = QProgressBar(verify_box)
        self.progress.setAccessibleName(self.tr("Verification progress"))
        self.progress.setVisible(False)
        row.addWidget(self.progress, 1)
        self.result = QLabel(verify_box)
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Verification result"))
        row.addWidget(self.result, 2)
        self.problems = QListWidget(verify_box)
        self.problems.setAccessibleName(self.tr("Problems found"))
        self.problems.setVisible(False)
        verify_layout.addWidget(self.problems, 1)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        if short(parent, 640):  # a laptop at 125-150%: the explanation scrolls rather than being cut
            splitter.replaceWidget(1, scrolling(verify_box, splitter, sideways=False))
            splitter.setStretchFactor(0, 1)
            splitter.setStretchFactor(1, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filters)
        self.record.textChanged.connect(lambda _t: self._debounce.start())
        self.actor.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.source, self.supervisee, self.action):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.apply_filters())
        self.verify_button.clicked.connect(self.verify)
        self._applied = False
        self.report: signoff.VerifyReport | None = None
        self.watch_records()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_ANY_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(_ANY_DATE)
        edit.setAccessibleName(name)
        return edit

    def _who(self, event: AuditEntry | ArrivedEntry) -> str:
        if isinstance(event, ArrivedEntry):  # that database's supervisor, by its number there
            kind, _sep, number = event.actor.partition(":")
            if kind == "supervisor" and number.isdigit():
                return self.tr("supervisor #{id} there").format(id=number)
            return event.actor
        return self._names.get(event.actor, event.actor)

    def _where(self, event: AuditEntry | ArrivedEntry) -> str:
        if not isinstance(event, ArrivedEntry):
            return self.tr("This database")
        if event.agency:
            return self.tr("Database {id} ({agency})").format(id=event.chain_id[:8], agency=event.agency)
        return self.tr("Database {id}").format(id=event.chain_id[:8])

    def _supervisee(self, event: AuditEntry | ArrivedEntry) -> str:
        if isinstance(event, ArrivedEntry):
            if event.supervisee_id is None:
                return ""
            return self.tr("supervisee #{id} there").format(id=event.supervisee_id)
        return self._supervisees.get(event.supervisee_id or -1, "")

    def _details(self, event: AuditEntry | ArrivedEntry) -> str:
        words = self._arrived_words if isinstance(event, ArrivedEntry) else self._words
        return words.text(event.details)

    def arrived(self) -> bool:
        """Whether the list shows the events that arrived from other databases."""
        return bool(self.source.currentData() == ARRIVED)

    def _record_tip(self, event: AuditEntry) -> str:
        rid = event.record_id or ""
        return f"{self._words.record(rid)}\n{rid}" if rid in self._words.records else rid

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._applied:
            self._load_names()
            self.apply_filters()
        else:
            self.refresh_if_stale()

    def _load_names(self) -> None:
        def work(uow: Any) -> tuple[dict[str, str], list[tuple[int, str]], dict[str, str]]:
            return (
                audit_pages.actor_names(uow),
                [(s.id, s.name) for s in people.list_supervisees(uow)],
                overview.domain_labels(uow),
            )

        names, supervisees, labels = self.ctx.read_now(work)
        self._names = names
        self._supervisees = dict(supervisees)
        self._words.supervisors = {int(code.split(":")[1]): name for code, name in names.items()}
        self._words.supervisees = self._supervisees
        self._words.labels = self._arrived_words.labels = labels
        current = self.supervisee.currentData()
        self.supervisee.blockSignals(True)
        self.supervisee.clear()
        self.supervisee.addItem(self.tr("Any supervisee"), None)
        for supervisee_id, name in supervisees:
            self.supervisee.addItem(name, supervisee_id)
        self.supervisee.setCurrentIndex(max(0, self.supervisee.findData(current)))
        self.supervisee.blockSignals(False)

    def current_filter(self) -> audit_pages.AuditFilter:
        def day(edit: QDateEdit) -> Any:
            return None if edit.date() == _ANY_DATE else from_qdate(edit.date())

        return audit_pages.AuditFilter(
            record_id=self.record.text(),
            supervisee_id=self.supervisee.currentData(),
            action=self.action.currentData() or "",
            actor=self._actor_filter(),
            date_from=day(self.date_from),
            date_to=day(self.date_to),
        )

    def _actor_filter(self) -> str:
        text = self.actor.text().strip()
        if not text:
            return ""
        for code, name in self._names.items():  # a name typed: match its "supervisor:N" code
            if fold(text) in fold(name):
                return code
        return text

    def apply_filters(self) -> None:
        self._applied = True
        self._stale = False
        arrived = self.arrived()
        self.view.setColumnHidden(WHERE_COLUMN, not arrived)
        # Another database numbers its supervisees itself: the list of this one's does not apply.
        self.supervisee.setEnabled(not arrived)
        self.supervisee.setToolTip(
            self.tr("Another database numbers its supervisees itself: filter its events by record instead.")
            if arrived
            else ""
        )
        flt = self.current_filter()
        if arrived:
            flt = dataclasses.replace(flt, supervisee_id=None)
        ctx = self.ctx
        words = self._words
        arrived_words = self._arrived_words

        def page(uow: Any, after: Any, limit: int) -> tuple[list[Any], bool]:
            entries: list[Any]
            if arrived:
                entries = arrived_trail.arrived_page(uow, filter=flt, before=after, limit=limit)
            else:
                entries = audit_pages.audit_page(uow, filter=flt, before_id=after, limit=limit)
            wanted = set().union(*(referenced_ids(e) for e in entries)) - set(words.records)
            words.records.update(record_refs(uow, wanted))  # the records the page names, by date
            arrived_words.records = words.records  # record ids are global: the same records
            held = (
                bool(entries) or after is not None or (arrived_trail.any_arrived(uow) if arrived else False)
            )
            return entries, held

        def fetch(after: Any, limit: int) -> list[Any]:
            entries, held = ctx.read_now(lambda uow: page(uow, after, limit))
            if after is None:
                self._show_empty(not entries, held=held, filtered=flt != audit_pages.AuditFilter())
            return entries

        self.model.set_fetch(fetch)

    def _show_empty(self, empty: bool, *, held: bool, filtered: bool) -> None:
        """Say what an empty list means: nothing arrived (yet), or nothing matches the filters."""
        self.empty.setVisible(empty)
        if not empty:
            return
        if filtered and (held or not self.arrived()):
            text = self.tr("No event matches these filters.")
        elif self.arrived():
            text = self.tr(
                "No audit events from other databases are kept here. A laptop's audit trail arrives at "
                "the agency database when the laptop syncs with it; until then each laptop's Audit page "
                "shows its own."
            )
        else:
            text = self.tr("Nothing has been recorded in this database's audit trail yet.")
        self.empty.setText(text)

    def refresh(self) -> None:
        self._stale = False
        if self._applied:
            self._load_names()
            self.model.reload()

    def focus_search(self) -> None:
        self.record.setFocus()

    # Verify ------------------------------------------------------------------------------------
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)  # busy until the first report
        self.result.setText(self.tr("Verifying…"))
        self.problems.clear()
        self.problems.setVisible(False)
        self.ctx.read(
            _verify_file,
            with_progress=True,
            on_progress=self._on_progress,
            on_done=self._on_verified,
            on_error=self._on_verify_failed,
        )

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _on_verified(self, report: signoff.VerifyReport) -> None:
        self.report = report
        self.verify_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        if report.ok:
            self.result.setText(
                self.tr(
                    "All good: {records} records and {signatures} signatures checked, no problems found."
                ).format(records=f"{report.records_checked:,}", signatures=f"{report.signatures_checked:,}")
            )
            self.result.setStyleSheet("color:#1e6b1e;font-weight:600;")
            self._show_warnings(report)
            return
        self.result.setText(
            self.tr(
                "%n problem(s) found in {records} records and {signatures} signatures:",
                "",
                len(report.problems),
            ).format(
                records=f"{report.records_checked:,}",
                signatures=f"{report.signatures_checked:,}",
            )
        )
        self.result.setStyleSheet("color:#a40000;font-weight:600;")
        self.problems.setVisible(True)
        for problem in report.problems:
            if problem.kind == "record":
                text = self.tr("Record {id}: {message}")
            else:  # the audit trail, the print records, the file against its backups
                text = self.tr("{subject}: {message}")
            self.problems.addItem(
                text.format(
                    id=problem.record_id,
                    subject=problem.record_id[:1].upper() + problem.record_id[1:],
                    message=problem.message,
                )
            )
        self._show_warnings(report)

    def _show_warnings(self, report: signoff.VerifyReport) -> None:
        """Not tampering, but worth knowing: signatures dated before the one linked ahead of them."""
        if not report.warnings:
            return
        self.problems.setVisible(True)
        for warning in report.warnings:
            text = (
                self.tr("Warning, record {id}: {message}")
                if warning.kind == "record"
                else self.tr("Warning, {subject}: {message}")
            )
            self.problems.addItem(
                text.format(id=warning.record_id, subject=warning.record_id, message=warning.message)
            )

    def _on_verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.progress.setVisible(False)
        self.result.setText("")
        show_error(self, exc)


def _verify_file(uow: Any, progress: Any) -> signoff.VerifyReport:
    """Off the UI thread: verify, remembered for this process until the file changes."""
    from supervisor_app.services.agency_check import verify_file

    return verify_file(uow, progress=progress)  # type: ignore[no-any-return]
