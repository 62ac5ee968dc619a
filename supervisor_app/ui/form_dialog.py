"""The frame the editing dialogs share (a job, a training, a supervisee, a change of
supervisor, a supervisor who left): what they say at the top, the general error, a form whose
fields each carry their error under them, the action button and Cancel. Saving runs in one
write; the action button is off meanwhile, and a refusal shows beside its field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from supervisor_app.ui.common import FieldErrors, action_buttons, error_label
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.qt_fixes import emit


class FormDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None, *, name: str) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(name)

    def _open_form(
        self, title: str, head: QWidget | None = None
    ) -> tuple[QVBoxLayout, QFormLayout, dict[str, QLabel]]:
        """Title the dialog; lay out ``head`` (if any), the general error and the form. Returns
        the dialog's layout, the form and the error labels by field, which :attr:`errors` shows."""
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        if head is not None:
            layout.addWidget(head)
        self.general_error = error_label(self)
        layout.addWidget(self.general_error)
        form = QFormLayout()
        layout.addLayout(form)
        labels: dict[str, QLabel] = {}
        self.errors = FieldErrors(labels, fallback=self.general_error)
        return layout, form, labels

    def _close_form(self, layout: QVBoxLayout, action: str, on_action: Callable[[], object]) -> None:
        """The action button (:attr:`save_button`) and Cancel, at the foot of ``layout``."""
        buttons, self.save_button = action_buttons(self, action, on_action)
        layout.addWidget(buttons)

    def _write(self, work: Callable[[Any], Any], done: Any) -> None:
        """Save by ``work(uow)``; then emit ``done`` (a signal) with its result and close."""

        def on_done(result: Any) -> None:
            emit(done, result)
            self.accept()

        self.save_button.setEnabled(False)
        self.ctx.write(work, on_done=on_done, on_error=self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc)

    def error_text(self, field: str) -> str:
        return self.errors.message(field)
