"""To sign: the signed-in supervisor's pending records. Select several (Shift/Ctrl, or
Ctrl+A) and sign them with one password."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from supervisor_app import clock
from supervisor_app.services import overview, qualification
from supervisor_app.ui.common import push_button, row_table, status_text
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.lazy_model import ROW_ROLE, Column, LazyTableModel
from supervisor_app.ui.record_actions import RecordActions
from supervisor_app.ui.refreshing import RefreshOnChange
from supervisor_app.units import duration


def _expiring(uow: Any, supervisor_id: int) -> list[tuple[str, str, dt.date]]:
    """(kind, number, expiry) of the signer's qualifying credentials expiring soon, as plain values."""
    rows = qualification.expiring(uow, supervisor_id=supervisor_id, today=clock.today())
    return [(r.kind, r.number, r.expires_on) for r in rows]


def _when(row: overview.PendingRow) -> str:
    if row.date == row.date_end:
        return row.date.isoformat()
    return f"{row.date.isoformat()} – {row.date_end.isoformat()}"


def _detail(row: overview.PendingRow) -> str:
    return " · ".join(
        status_text(part.strip())
        if part.strip()
        in ("individual", "group", "in-person", "video", "phone", "paid", "volunteer", "internship")
        else part.strip()
        for part in row.detail.split("·")
        if part.strip()
    )


COLUMNS = [
    Column(
        QCoreApplication.translate("ToSignPage", "Kind"),
        lambda r: (
            status_text(r.kind)
            + (QCoreApplication.translate("ToSignPage", " (amendment)") if r.supersedes_id else "")
        ),
    ),
    Column(QCoreApplication.translate("ToSignPage", "When"), _when),
    Column(QCoreApplication.translate("ToSignPage", "Length"), lambda r: duration(r.minutes), right=True),
    Column(
        QCoreApplication.translate("ToSignPage", "Supervisee(s)"),
        lambda r: r.supervisees,
        tooltip=lambda r: r.supervisees,
    ),
    Column(QCoreApplication.translate("ToSignPage", "Details"), _detail, tooltip=_detail),
    Column(
        QCoreApplication.translate("ToSignPage", "Domains"), lambda r: r.domains, tooltip=lambda r: r.domains
    ),
    Column(
        QCoreApplication.translate("ToSignPage", "Amendment reason"),
        lambda r: r.amendment_reason,
        tooltip=lambda r: r.amendment_reason,
    ),
    Column(QCoreApplication.translate("ToSignPage", "Record"), lambda r: r.id[:8], tooltip=lambda r: r.id),
]
KIND, WHEN, LENGTH, SUPERVISEES, DETAILS, DOMAINS, REASON, RECORD = range(len(COLUMNS))
FIXED_WIDTHS = {KIND: 140, WHEN: 170, LENGTH: 75, REASON: 150, RECORD: 80}
"""Columns sized to their content; the others share what is left of the window's width, so
nothing needs sideways scrolling at 1366 pixels (text cut short shows whole in its tooltip)."""


class ToSignPage(RefreshOnChange, QWidget):
    def __init__(self, ctx: AppContext, actions: RecordActions | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actions = actions
        self.setObjectName("to_sign_page")
        self.setAccessibleName(self.tr("To sign"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>To sign</h2>"), self))
        self.explain = QLabel(
            self.tr(
                "Records you supervise that wait for your signature. Read each one over, select the "
                "ones to sign (click; Ctrl+click or Shift+click for several; Select all or Ctrl+A for "
                "all), then Sign: your password is asked once for the whole batch. Signed records are "
                "final; corrections are amendments or voids with a reason."
            ),
            self,
        )
        if actions is None:
            self.explain.setText(
                self.tr(
                    "Records you supervise that wait for your signature. Signing is not possible here: this "
                    "copy of the app is read only (see the banner above)."
                )
            )
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        # Who may supervise (issue 18): the signer's qualifying credential about to expire.
        self.credential_warning = QLabel(self)
        self.credential_warning.setObjectName("credential_warning")
        self.credential_warning.setAccessibleName(self.tr("Credential warning"))
        self.credential_warning.setWordWrap(True)
        self.credential_warning.setStyleSheet("color:#8a4b00;font-weight:600;")
        self.credential_warning.setVisible(False)
        layout.addWidget(self.credential_warning)
        bar = QHBoxLayout()
        layout.addLayout(bar)
        self.sign_button = push_button(
            self, self.tr("&Sign selected…"), self.tr("Sign the selected records"), self.sign_selected
        )
        self.select_all_button = push_button(
            self, self.tr("Select &all"), self.tr("Select all records waiting for signature"), self.select_all
        )
        self.edit_button = push_button(
            self, self.tr("&Edit…"), self.tr("Edit the selected record"), self._edit
        )
        self.delete_button = push_button(
            self, self.tr("&Delete"), self.tr("Delete the selected record"), self._delete
        )
        for button in (self.sign_button, self.select_all_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        for button in (self.sign_button, self.edit_button, self.delete_button):
            button.setVisible(actions is not None)  # read only: the list, nothing to act with
        bar.addStretch(1)
        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("Selection summary"))
        bar.addWidget(self.summary)

        self.model = LazyTableModel(COLUMNS, parent=self)
        self.view = row_table(
            self,
            self.model,
            self.tr("Records waiting for signature"),
            object_name="pending_table",
            extended=True,
        )
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in FIXED_WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, width)
        header.setMinimumSectionSize(60)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.view, 1)
        self.empty = QLabel(self.tr("Nothing waits for your signature."), self)
        self.empty.setAccessibleName(self.tr("Nothing to sign"))
        self.empty.setStyleSheet("color:#1e6b1e;font-weight:600;")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.empty)
        self._filler = QWidget(self)  # takes the height the hidden table leaves, so the page stays at the top
        self._filler.setVisible(False)
        layout.addWidget(self._filler, 1)

        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.model.modelReset.connect(self._update)
        self.model.rowsInserted.connect(lambda *_: self._update())
        self.view.activated.connect(lambda _i: self._edit())
        self._total = 0
        self._loaded = False
        self.watch_records()
        self._update()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._loaded:
            self.refresh()
        else:
            self.refresh_if_stale()

    def refresh(self) -> None:
        self._stale = False
        supervisor_id = self.ctx.supervisor_id
        if supervisor_id is None:
            return
        ctx = self.ctx
        if not self._loaded:
            self._loaded = True
            self.model.set_fetch(
                lambda after, limit: ctx.read_now(
                    lambda uow: overview.pending_page(
                        uow, supervisor_id=supervisor_id, after=after, limit=limit
                    )
                )
            )
        else:
            self.model.reload()
        ctx.read(lambda uow: overview.count_pending(uow, supervisor_id=supervisor_id), on_done=self._on_count)
        ctx.read(lambda uow: _expiring(uow, supervisor_id), on_done=self._on_expiring)

    def _on_expiring(self, rows: list[tuple[str, str, Any]]) -> None:
        if not rows:
            self.credential_warning.setVisible(False)
            return
        kind, number, expires = rows[0]
        days = (expires - clock.today()).days
        self.credential_warning.setText(
            self.tr(
                "Your {kind} {number} expires on {date} (in %n day(s)). Records dated after that "
                "cannot be signed until you record the renewal (File > Training and credentials…).",
                "",
                days,
            ).format(kind=kind, number=number, date=expires.isoformat())
        )
        self.credential_warning.setVisible(True)

    def _on_count(self, total: int) -> None:
        self._total = total
        self._update()

    def selected_rows(self) -> list[overview.PendingRow]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        found = (self.model.row(r) for r in rows)  # rows outside the model's window are fetched again
        return [row for row in found if row is not None]

    def select_all(self) -> None:
        while self.model.canFetchMore():
            self.model.fetchMore()
        self.view.selectAll()
        self.view.setFocus()

    def _update(self) -> None:
        selected = self.selected_rows()
        minutes = sum(r.minutes for r in selected)
        self.sign_button.setEnabled(bool(selected))
        self.sign_button.setText(
            self.tr("&Sign {n} selected…").format(n=len(selected)) if selected else self.tr("&Sign selected…")
        )
        self.edit_button.setEnabled(len(selected) == 1)
        self.delete_button.setEnabled(len(selected) == 1)
        has_rows = self.model.rowCount() > 0
        self.select_all_button.setEnabled(has_rows)
        self.empty.setVisible(self._loaded and not has_rows)
        self.view.setVisible(has_rows or not self._loaded)
        self._filler.setVisible(not self.view.isVisibleTo(self))
        self.summary.setText(
            self.tr("{total} waiting · {n} selected ({length})").format(
                total=self._total, n=len(selected), length=duration(minutes)
            )
        )

    def sign_selected(self) -> None:
        selected = self.selected_rows()
        if selected and self.actions is not None:
            self.actions.sign([r.id for r in selected], minutes=sum(r.minutes for r in selected))

    def _edit(self) -> None:
        selected = self.selected_rows()
        if len(selected) == 1 and self.actions is not None:
            self.actions.edit(selected[0].kind, selected[0].id)

    def _delete(self) -> None:
        selected = self.selected_rows()
        if len(selected) == 1 and self.actions is not None:
            row = selected[0]
            self.actions.delete_pending(
                row.id,
                self.tr("the {kind} of {when} ({who})").format(
                    kind=status_text(row.kind).lower(), when=_when(row), who=row.supervisees
                ),
            )

    def current_row(self) -> Any:
        index = self.view.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None
