"""What the session and experience editors share: the form's building blocks (a captioned field
with its message under it, the supervisor of record, the amendment's reason, the box of time per
performance domain), the unit of work a save runs (a new record, an edit of a pending one, or an
amendment of a signed one), the message shown next to a field, a typed date or time that is not
one, the Tab order, and asking before unsaved typing is lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.services.errors import DomainError
from supervisor_app.ui.allocation_grid import AllocationGrid
from supervisor_app.ui.common import FieldErrors, error_label
from supervisor_app.ui.date_field import DateField, TimeField


class RecordEditor(QDialog):
    """Subclasses pass ``mode`` ("new", "edit" or "amend") and ``record_id`` to ``__init__``, set
    ``reason`` (the amendment's reason field, or None), ``field_errors`` and ``_initial`` (what
    ``_fields()`` gave when the editor was filled), and implement ``_fields()`` and
    ``_unsaved_text()``."""

    ctx: Any  # AppContext
    mode: str
    allocations: AllocationGrid
    record_id: str | None
    reason: QLineEdit | None
    field_errors: dict[str, QLabel]
    errors: FieldErrors
    _initial: dict[str, Any]
    _typing: dict[str, DateField | TimeField]

    def __init__(
        self, ctx: Any, *, mode: str, record_id: str | None, parent: QWidget | None, name: str
    ) -> None:
        super().__init__(parent)
        assert mode in ("new", "edit", "amend")
        self.ctx = ctx
        self.mode = mode
        self.record_id = record_id
        self._saving = False
        self.setObjectName(name)

    def _set_title(self, titles: dict[str, str]) -> None:
        """Title the editor, and name it for screen readers, by ``titles[mode]``."""
        self.setWindowTitle(titles[self.mode])
        self.setAccessibleName(self.windowTitle())

    def _fields(self) -> dict[str, Any]:
        raise NotImplementedError

    # The form ------------------------------------------------------------------------------------
    def _form_row(
        self,
        form: QFormLayout,
        labels: dict[str, QLabel],
        text: str,
        field: str,
        widget: QWidget,
        buddy: QWidget | None = None,
    ) -> None:
        """A captioned row of ``form``: ``widget`` with the message for ``field`` under it
        (kept in ``labels``); the caption's mnemonic goes to ``buddy`` (default: the widget)."""
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget)
        labels[field] = error_label(holder)
        labels[field].setObjectName(f"error_{field}")
        box.addWidget(labels[field])
        caption = QLabel(text, self)
        caption.setBuddy(buddy or widget)
        form.addRow(caption, holder)

    def _supervisor_row(self, form: QFormLayout, labels: dict[str, QLabel], choices: Any) -> QComboBox:
        """The supervisor of record: the agency's supervisors, the one signed in chosen."""
        supervisor = QComboBox(self)
        supervisor.setAccessibleName(self.tr("Supervisor of record"))
        for supervisor_id, name in choices.supervisors:
            supervisor.addItem(name, supervisor_id)
        if self.ctx.supervisor_id is not None:
            supervisor.setCurrentIndex(max(0, supervisor.findData(self.ctx.supervisor_id)))
        self._form_row(form, labels, self.tr("Supervis&or:"), "supervisor", supervisor)
        return supervisor

    def _reason_row(
        self, form: QFormLayout, labels: dict[str, QLabel], placeholder: str = ""
    ) -> QLineEdit | None:
        """An amendment's reason (None when not amending)."""
        if self.mode != "amend":
            return None
        reason = QLineEdit(self)
        reason.setAccessibleName(self.tr("Reason for the amendment"))
        if placeholder:
            reason.setPlaceholderText(placeholder)
        self._form_row(form, labels, self.tr("&Reason:"), "reason", reason)
        return reason

    def _allocations_box(self, title: str, unit: str, labels: dict[str, QLabel]) -> QGroupBox:
        """The box of time per performance domain (``self.allocations``) with its message under it."""
        box = QGroupBox(title, self)
        box_layout = QVBoxLayout(box)
        self.allocations = AllocationGrid(unit=unit, parent=box)
        box_layout.addWidget(self.allocations)
        labels["allocations"] = error_label(box)
        labels["allocations"].setObjectName("error_allocations")
        box_layout.addWidget(labels["allocations"])
        return box

    def _keep_errors(self, labels: dict[str, QLabel], general: QLabel) -> None:
        """Where messages go: under the field they name, else in ``general`` (the whole record)."""
        labels["record"] = general
        self.field_errors = labels
        self.errors = FieldErrors(labels, fallback=general)

    def _unsaved_text(self) -> str:
        """The question asked before unsaved typing is lost."""
        raise NotImplementedError

    def _save_work(
        self, fields: dict[str, Any], add: Callable[..., Any], update: Callable[..., Any]
    ) -> Callable[[Any], str]:
        """The unit of work saving ``fields`` in this editor's mode; it returns the record id."""
        record_id = self.record_id
        if self.mode == "new":
            return lambda uow: add(uow, **fields).id
        if self.mode == "edit":
            return lambda uow: update(uow, record_id=record_id, **fields).id
        from supervisor_app.usecases import signing

        reason = self.reason.text() if self.reason is not None else ""
        return lambda uow: signing.amend(uow, record_id=record_id, reason=reason, **fields).id

    def _watch_typing(self, fields: dict[str, DateField | TimeField]) -> None:
        """Show a typed date or time that is not one under its field, as it is typed."""
        self._typing = fields
        for name, field in fields.items():
            field.problem_changed.connect(lambda problem, name=name: self._on_typing_problem(name, problem))

    def _on_typing_problem(self, name: str, problem: str) -> None:
        label = self.field_errors[name]
        label.setText(problem)
        label.setVisible(bool(problem))
        label.setAccessibleDescription(problem)

    def _refuse_typing(self) -> bool:
        """True (and the message under the field) when a typed date or time is not one."""
        for name, field in self._typing.items():
            if field.problem():
                self.errors.show(DomainError(field.problem(), field=name, code="input.typed_not_a_value"))
                field.setFocus()
                return True
        return False

    def _chain_tab_order(self, *widgets: QWidget | None) -> None:
        """Tab visits ``widgets`` in this order (the domain fields are made after the buttons)."""
        present = [w for w in widgets if w is not None]
        for first, second in zip(present, present[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def is_dirty(self) -> bool:
        reason = self.reason.text().strip() if self.reason is not None else ""
        return self._fields() != self._initial or bool(reason)

    def error_text(self, field: str) -> str:
        """The message shown next to ``field`` (empty if none)."""
        label = self.field_errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard changes?"),
            self._unsaved_text(),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self.is_dirty() and not self.confirm_discard():
            return
        super().reject()
