"""A lazily loaded table of sessions or experience entries, with the actions that fit the
selected record: edit or delete while pending; amend or void once signed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.services import overview
from supervisor_app.ui.common import push_button, row_table, status_text
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.hours_file_facts import with_arrivals
from supervisor_app.ui.lazy_model import ROW_ROLE, Column, LazyTableModel
from supervisor_app.ui.record_actions import RecordActions
from supervisor_app.units import duration


def session_columns(*, attendees: bool = True) -> list[Column]:
    columns = [
        Column(QCoreApplication.translate("RecordTable", "Date"), lambda r: r.date.isoformat()),
        Column(QCoreApplication.translate("RecordTable", "Start"), lambda r: r.start),
        Column(
            QCoreApplication.translate("RecordTable", "Length"), lambda r: duration(r.minutes), right=True
        ),
        Column(QCoreApplication.translate("RecordTable", "Format"), lambda r: status_text(r.format)),
        Column(QCoreApplication.translate("RecordTable", "Modality"), lambda r: status_text(r.modality)),
    ]
    if attendees:
        columns.append(
            Column(
                QCoreApplication.translate("RecordTable", "Attendees"),
                lambda r: r.attendees,
                tooltip=lambda r: r.attendees,
            )
        )
    columns += [
        Column(QCoreApplication.translate("RecordTable", "Supervisor"), lambda r: r.supervisor_name),
        Column(
            QCoreApplication.translate("RecordTable", "Domains"),
            lambda r: r.domains,
            tooltip=lambda r: r.domains,
        ),
        Column(QCoreApplication.translate("RecordTable", "Status"), _status, tooltip=_status_tip),
        Column(
            QCoreApplication.translate("RecordTable", "Topics"),
            lambda r: r.topics.replace("\n", " "),
            tooltip=lambda r: r.topics,
        ),
        Column(
            QCoreApplication.translate("RecordTable", "Record"), lambda r: r.id[:8], tooltip=lambda r: r.id
        ),
    ]
    return columns


def experience_columns(*, supervisee: bool = True) -> list[Column]:
    columns = [
        Column(QCoreApplication.translate("RecordTable", "From"), lambda r: r.period_start.isoformat()),
        Column(QCoreApplication.translate("RecordTable", "To"), lambda r: r.period_end.isoformat()),
        Column(
            QCoreApplication.translate("RecordTable", "Length"), lambda r: duration(r.minutes), right=True
        ),
    ]
    if supervisee:
        columns.append(
            Column(QCoreApplication.translate("RecordTable", "Supervisee"), lambda r: r.supervisee_name)
        )
    columns += [
        Column(QCoreApplication.translate("RecordTable", "Kind"), lambda r: status_text(r.kind)),
        Column(QCoreApplication.translate("RecordTable", "Setting"), lambda r: r.setting),
        Column(QCoreApplication.translate("RecordTable", "Supervisor"), lambda r: r.supervisor_name),
        Column(
            QCoreApplication.translate("RecordTable", "Domains"),
            lambda r: r.domains,
            tooltip=lambda r: r.domains,
        ),
        Column(QCoreApplication.translate("RecordTable", "Status"), _status, tooltip=_status_tip),
        Column(
            QCoreApplication.translate("RecordTable", "Record"), lambda r: r.id[:8], tooltip=lambda r: r.id
        ),
    ]
    return columns


def _arrival(row: Any) -> Any:
    """Where a record signed in another database was signed (None for a record of this one)."""
    return getattr(row, "arrival", None)


def signed_elsewhere_text(row: Any) -> str:
    arrival = _arrival(row)
    if arrival is None:
        return ""
    if arrival.agency:
        return QCoreApplication.translate(
            "RecordTable", "Signed by {name} at {agency}, in another database"
        ).format(
            name=arrival.signer or QCoreApplication.translate("RecordTable", "its supervisor"),
            agency=arrival.agency,
        )
    return QCoreApplication.translate("RecordTable", "Signed by {name}, in another database").format(
        name=arrival.signer or QCoreApplication.translate("RecordTable", "its supervisor")
    )


def _status(row: Any) -> str:
    if _arrival(row) is not None and row.status == "signed":
        return QCoreApplication.translate("RecordTable", "Signed elsewhere")
    if row.amendment_waiting:
        return QCoreApplication.translate("RecordTable", "Signed · amendment waiting")
    return status_text(row.status)


def _status_tip(row: Any) -> str:
    parts = []
    if _arrival(row) is not None:
        parts.append(
            signed_elsewhere_text(row)
            + QCoreApplication.translate("RecordTable", " (arrived in an hours file; read-only here).")
        )
    if row.amendment_waiting:
        parts.append(
            QCoreApplication.translate(
                "RecordTable",
                "An amendment of this record waits for signature; it replaces this one once signed.",
            )
        )
    if row.supersedes_id:
        parts.append(
            QCoreApplication.translate("RecordTable", "Amends {id}: {reason}").format(
                id=row.supersedes_id[:8], reason=row.amendment_reason
            )
        )
    if row.status == "amended":
        parts.append(
            QCoreApplication.translate("RecordTable", "Replaced by a signed amendment; no longer counted.")
        )
    if row.status == "voided":
        parts.append(QCoreApplication.translate("RecordTable", "Voided; no longer counted."))
    if row.status == "pending":
        parts.append(
            QCoreApplication.translate(
                "RecordTable", "Waiting for the supervisor's signature; not counted yet."
            )
        )
    return "\n".join(parts)


class RecordTable(QWidget):
    """``kind`` is "session" or "experience"."""

    def __init__(
        self,
        ctx: AppContext,
        actions: RecordActions | None,
        *,
        kind: str,
        columns: list[Column],
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actions = actions
        self.kind = kind
        self.setAccessibleName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        layout.addLayout(bar)
        self.edit_button = push_button(
            self, self.tr("&Edit…"), self.tr("Edit the pending record"), self._edit
        )
        self.delete_button = push_button(
            self, self.tr("&Delete"), self.tr("Delete the pending record"), self._delete
        )
        self.amend_button = push_button(
            self, self.tr("A&mend…"), self.tr("Amend the signed record"), self._amend
        )
        self.amend_button.setToolTip(
            self.tr("Correct a signed record: the original stays on record, with your reason")
        )
        self.void_button = push_button(self, self.tr("&Void…"), self.tr("Void the signed record"), self._void)
        self.void_button.setToolTip(self.tr("Withdraw a signed record, with a reason and your password"))
        self.buttons = [self.edit_button, self.delete_button, self.amend_button, self.void_button]
        for button in self.buttons:
            bar.addWidget(button)
            button.setVisible(actions is not None and not ctx.read_only)
        bar.addStretch(1)
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Number of records"))
        bar.addWidget(self.count)

        self.empty = QLabel(self)
        self.empty.setObjectName(f"{kind}_empty")
        self.empty.setWordWrap(True)
        self.empty.setVisible(False)
        self.empty.setStyleSheet("color:#6b6b6b;padding:6px 2px;")
        layout.addWidget(self.empty)
        self.set_empty_text("")

        self.model = LazyTableModel(columns, status=lambda r: r.status, parent=self)
        self.view = row_table(self, self.model, name, object_name=f"{kind}_table")
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self._count_fn: Callable[[Any], int] | None = None
        self._token = 0

        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_empty)
        self.model.page_loaded.connect(lambda _n: self._update_empty())
        self.view.activated.connect(lambda _i: self._on_activated())
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete)
        self._update_buttons()

    # Data --------------------------------------------------------------------------------------
    def set_query(self, page: Callable[[Any, Any, int], list[Any]], count: Callable[[Any], int]) -> None:
        """``page(uow, after, limit)`` and ``count(uow)``; loads the first page now."""
        ctx = self.ctx
        self.model.set_fetch(
            lambda after, limit: ctx.read_now(lambda uow: with_arrivals(uow, page(uow, after, limit)))
        )
        self._count_fn = count
        self._refresh_count()
        widths = (
            [90, 50, 75, 80, 80, 200, 125, 220, 190, 260]
            if self.kind == "session"
            else [90, 90, 75, 180, 80, 130, 125, 220, 190]
        )
        for column in range(min(len(widths), self.model.columnCount())):
            self.view.setColumnWidth(column, widths[column])

    def refresh(self) -> None:
        self.model.reload()
        self._refresh_count()

    def set_empty_text(self, text: str) -> None:
        """What the table says when it has no rows (by default: none yet)."""
        self.empty.setText(
            text
            or (
                self.tr("No sessions yet.")
                if self.kind == "session"
                else self.tr("No experience entries yet.")
            )
        )

    def _update_empty(self) -> None:
        self.empty.setVisible(self.model.rowCount() == 0 and self.model.has_query)

    def _refresh_count(self) -> None:
        if self._count_fn is None:
            return
        self._token += 1
        token = self._token
        count_fn = self._count_fn
        self.ctx.read(count_fn, on_done=lambda n: self._show_count(token, n))

    def _show_count(self, token: int, total: int) -> None:
        if token != self._token:
            return
        if self.kind == "session":
            text = self.tr("{count} session(s)", "", total)
        else:
            text = self.tr("{count} experience entry(ies)", "", total)
        self.count.setText(text.format(count=f"{total:,}"))

    def current(self) -> Any | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return self.model.data(index, ROW_ROLE)

    # Actions -----------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        row = self.current()
        status = row.status if row is not None else None
        mine = row is not None and row.supervisor_id == self.ctx.supervisor_id
        self.edit_button.setEnabled(status == "pending")
        self.delete_button.setEnabled(status == "pending")
        for button in (self.edit_button, self.delete_button):
            button.setToolTip("")
        self.amend_button.setEnabled(status == "signed")
        self.amend_button.setToolTip(
            self.tr("An amendment of this record already waits for signature: sign, edit or delete it first")
            if row is not None and row.amendment_waiting
            else self.tr("Correct a signed record: the original stays on record, with your reason")
        )
        self.void_button.setEnabled(status == "signed" and mine)
        if status == "signed" and not mine:
            self.void_button.setToolTip(self.tr("Only the supervisor of record can void this record"))
        else:
            self.void_button.setToolTip(self.tr("Withdraw a signed record, with a reason and your password"))
        if row is not None and _arrival(row) is not None:
            reason = self.tr(
                "{signed}: read-only here. Only its own supervisor can amend or void it, where it was signed."
            ).format(signed=signed_elsewhere_text(row))
            for button in self.buttons:
                button.setEnabled(False)
                button.setToolTip(reason)

    def _describe(self, row: Any) -> str:
        if self.kind == "session":
            return self.tr("the session of {date} ({length}, {who})").format(
                date=row.date.isoformat(), length=duration(row.minutes), who=row.attendees
            )
        return self.tr("the experience entry {start} to {end} ({length}, {who})").format(
            start=row.period_start.isoformat(),
            end=row.period_end.isoformat(),
            length=duration(row.minutes),
            who=row.supervisee_name,
        )

    def _on_activated(self) -> None:
        row = self.current()
        if row is not None and row.status == "pending":
            self._edit()

    def _edit(self) -> None:
        row = self.current()
        if row is not None and self.actions is not None and _arrival(row) is None and row.status == "pending":
            self.actions.edit(self.kind, row.id)

    def _delete(self) -> None:
        row = self.current()
        if row is not None and self.actions is not None and _arrival(row) is None and row.status == "pending":
            self.actions.delete_pending(row.id, self._describe(row))

    def _amend(self) -> None:
        row = self.current()
        if row is not None and self.actions is not None and _arrival(row) is None and row.status == "signed":
            self.actions.amend(self.kind, row.id)

    def _void(self) -> None:
        row = self.current()
        if row is not None and self.actions is not None and _arrival(row) is None and row.status == "signed":
            self.actions.void(row.id, self._describe(row))

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)
        self._update_buttons()


def session_query(
    flt: overview.SessionFilter, *, private: bool = False
) -> tuple[Callable[..., list[Any]], Callable[[Any], int]]:
    """``private`` (a supervisee reviewing their own records): a group session's attendees are
    "Group of N", never the others' names, in every column, tooltip and message."""

    def page(uow: Any, after: Any, limit: int) -> list[Any]:
        rows = overview.session_page(uow, filter=flt, after=after, limit=limit)
        return [_without_others(row) for row in rows] if private else rows

    return page, lambda uow: overview.count_sessions(uow, filter=flt)


def _without_others(row: overview.SessionRow) -> overview.SessionRow:
    if row.attendee_count <= 1:
        return row
    return replace(
        row, attendees=QCoreApplication.translate("RecordTable", "Group of {n}").format(n=row.attendee_count)
    )


def experience_query(flt: overview.ExperienceFilter) -> tuple[Callable[..., list[Any]], Callable[[Any], int]]:
    return (
        lambda uow, after, limit: overview.experience_page(uow, filter=flt, after=after, limit=limit),
        lambda uow: overview.count_experience(uow, filter=flt),
    )
