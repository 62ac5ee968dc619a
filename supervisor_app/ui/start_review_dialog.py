"""Review with a supervisee: the signed-in supervisor hands the computer to one supervisee,
who then sees only their own hours, read only, until a supervisor's password ends it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from supervisor_app import i18n
from supervisor_app.services import roster
from supervisor_app.ui.common import FieldErrors, action_buttons, error_label, fit_to_contents
from supervisor_app.ui.context import AppContext, Identity, write_now
from supervisor_app.ui.qt_fixes import emit


class StartReviewDialog(QDialog):
    started = Signal(object)  # Identity: the supervisee, in a review the supervisor opened

    def __init__(self, ctx: AppContext, supervisee_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._busy = False
        self.setObjectName("start_review_dialog")
        self.setWindowTitle(self.tr("Review with a supervisee"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        text = self.tr(
            "<p>The window will show only this supervisee's own progress, records and statement, read "
            "only: nobody else's name or hours, and group sessions only as “Group of N”.</p>"
            "<p>The review stays on this person, also after the lock. Ending it needs a supervisor's "
            "password.</p>"
        )
        if ctx.db.readonly:
            text += self.tr(
                "<p><i>This copy of the database is read only: the review is not recorded in the audit trail.</i></p>"
            )
        note = QLabel(text, self)
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        layout.addLayout(form)
        self.supervisee = QComboBox(self)
        self.supervisee.setAccessibleName(self.tr("Supervisee to review with"))
        for sid, name, credential in ctx.read_now(lambda uow: roster.supervisees(uow, active_only=False)):
            self.supervisee.addItem(f"{name} ({credential})", sid)
        if supervisee_id is not None and self.supervisee.findData(supervisee_id) >= 0:
            self.supervisee.setCurrentIndex(self.supervisee.findData(supervisee_id))
        caption = QLabel(self.tr("&Supervisee:"), self)
        caption.setBuddy(self.supervisee)
        form.addRow(caption, self.supervisee)
        # Their language, where it is not the app's: the review is shown in it (issue 21).
        self.language_note = QLabel(self)
        self.language_note.setObjectName("review_language")
        self.language_note.setWordWrap(True)
        form.addRow("", self.language_note)
        self.supervisee.currentIndexChanged.connect(lambda _i: self._show_language())
        self._show_language()
        self.error = error_label(self)
        self.error.setObjectName("error_supervisee")
        form.addRow("", self.error)
        self.errors = FieldErrors({"supervisee": self.error, "supervisor": self.error}, fallback=self.error)
        buttons, self.start_button = action_buttons(self, self.tr("&Start review"), self.start)
        self.start_button.setEnabled(self.supervisee.count() > 0)
        layout.addWidget(buttons)
        self.supervisee.setFocus()
        fit_to_contents(self, 480)

    def _show_language(self) -> None:
        """Say in which language the review will be shown, if not the app's."""
        from supervisor_app.ui.language_switch import supervisee_language

        sid = self.supervisee.currentData()
        language = supervisee_language(self.ctx, int(sid)) if sid is not None else None
        shown = bool(language) and language != i18n.current()
        self.language_note.setText(
            self.tr(
                "The review is shown in {language}, this supervisee's language; the app goes back to "
                "{current} when it ends."
            ).format(language=i18n.LANGUAGES.get(language or "", ""), current=i18n.LANGUAGES[i18n.current()])
            if shown
            else ""
        )
        self.language_note.setVisible(shown)

    def start(self) -> None:
        supervisor_id = self.ctx.supervisor_id
        if self._busy or supervisor_id is None or self.supervisee.currentIndex() < 0:
            return
        self.errors.clear()
        supervisee_id = int(self.supervisee.currentData())
        db = self.ctx.db

        def work(_progress: Any) -> str:
            from supervisor_app.services.review import start_review  # (the ORM)

            return write_now(
                db,
                f"supervisor:{supervisor_id}",
                lambda uow: start_review(uow, supervisor_id=supervisor_id, supervisee_id=supervisee_id),
            )

        def done(name: str) -> None:
            self._busy = False
            self.accept()
            emit(self.started, Identity(name=name, supervisee_id=supervisee_id, reviewer_id=supervisor_id))

        self._busy = True
        self.start_button.setEnabled(False)
        self.ctx.runner.run(work, on_done=done, on_error=self._on_error)

    def _on_error(self, exc: BaseException) -> None:
        self._busy = False
        self.start_button.setEnabled(True)
        self.errors.show(exc)
        fit_to_contents(self)
