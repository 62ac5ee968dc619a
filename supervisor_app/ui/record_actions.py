"""What can be done to a record, the same from every screen: edit or delete a pending one,
amend or void a signed one, sign a batch. Opens the dialogs, calls the services through
:meth:`AppContext.write`, and leaves refreshing to the "records changed" signal."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from supervisor_app.ui.context import AppContext
from supervisor_app.ui.qt_fixes import emit

if TYPE_CHECKING:  # imported when first used: editors and sign-off are not needed to start
    from supervisor_app.ui.experience_editor import ExperienceEditor
    from supervisor_app.ui.password_dialog import PasswordDialog
    from supervisor_app.ui.session_editor import SessionEditor


class RecordActions(QObject):
    message = Signal(str)  # a short confirmation for the status bar
    signed = Signal(int)  # a batch was signed (how many records): Settings may sync after it

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.dialog: QDialog | None = None
        self.confirm: Callable[[str, str], bool] = self._confirm

    # Opening dialogs -------------------------------------------------------------------------
    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog = dialog
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        dialog.finished.connect(lambda _result: self.window.activateWindow())  # keyboard focus comes back
        dialog.open()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self.window,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _writable(self) -> bool:
        return not self.ctx.read_only and self.ctx.identity is not None

    def new_session(self, supervisee_ids: Sequence[int] = ()) -> SessionEditor | None:
        from supervisor_app.ui.session_editor import SessionEditor

        if not self._writable():
            return None
        editor = SessionEditor(self.ctx, supervisee_ids=supervisee_ids, parent=self.window)
        editor.saved.connect(
            lambda _rid: emit(self.message, self.tr("Session saved; it waits for signature."))
        )
        return self._show(editor)  # type: ignore[return-value]

    def new_experience(self, supervisee_id: int | None = None) -> ExperienceEditor | None:
        from supervisor_app.ui.experience_editor import ExperienceEditor

        if not self._writable():
            return None
        editor = ExperienceEditor(self.ctx, supervisee_id=supervisee_id, parent=self.window)
        editor.saved.connect(
            lambda _rid: emit(self.message, self.tr("Experience entry saved; it waits for signature."))
        )
        return self._show(editor)  # type: ignore[return-value]

    def edit(self, kind: str, record_id: str) -> QDialog | None:
        if not self._writable():
            return None
        cls = _editor_class(kind)
        return self._show(cls(self.ctx, mode="edit", record_id=record_id, parent=self.window))

    def amend(self, kind: str, record_id: str) -> QDialog | None:
        from supervisor_app.services import records

        if not self._writable():
            return None
        waiting = self.ctx.read_now(lambda uow: _described(records.waiting_amendment(uow, record_id)))
        if waiting is not None:  # one amendment at a time: said before the form is filled in
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("An amendment is already waiting"),
                self.tr(
                    "This record already has an amendment waiting for signature: {what}, saved with "
                    "the reason “{reason}”. Sign, edit or delete that amendment (on To sign, or in this "
                    "list as Pending) before amending the record again."
                ).format(what=waiting[0], reason=waiting[1]),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            return self._show(box)
        cls = _editor_class(kind)
        editor = cls(self.ctx, mode="amend", record_id=record_id, parent=self.window)
        editor.saved.connect(
            lambda _rid: emit(self.message, self.tr("Amendment saved; it replaces the original once signed."))
        )
        return self._show(editor)

    # Immediate actions -----------------------------------------------------------------------
    def delete_pending(self, record_id: str, description: str) -> None:
        from supervisor_app.services import records

        if not self._writable():
            return
        if not self.confirm(
            self.tr("Delete pending record?"),
            self.tr(
                "Delete {what}? It was never signed, so it can be deleted; the audit trail keeps a copy."
            ).format(what=description),
        ):
            return
        self.ctx.write(
            lambda uow: records.delete_pending(uow, record_id=record_id),
            on_done=lambda _r: emit(self.message, self.tr("Pending record deleted.")),
            on_error=self._error,
        )

    def void(self, record_id: str, description: str) -> PasswordDialog | None:
        from supervisor_app.ui.password_dialog import PasswordDialog
        from supervisor_app.usecases import signing

        if not self._writable() or self.ctx.supervisor_id is None:
            return None
        supervisor_id = self.ctx.supervisor_id
        dialog = PasswordDialog(
            title=self.tr("Void signed record"),
            message=self.tr(
                "Void {what}. A voided record stays in the audit trail, crossed out, and no longer "
                "counts toward any total. This cannot be undone."
            ).format(what=description),
            action=self.tr("&Void record"),
            signer=self.ctx.identity.name if self.ctx.identity else "",
            with_reason=True,
            reason_label=self.tr("&Reason for the void:"),
            parent=self.window,
        )

        def submit(password: str, reason: str, clock_is_right: bool = False) -> None:
            self.ctx.write(
                lambda uow: signing.void(
                    uow,
                    record_id=record_id,
                    reason=reason,
                    supervisor_id=supervisor_id,
                    password=password,
                    clock_is_right=clock_is_right,
                ),
                on_done=lambda _r: (dialog.accept(), emit(self.message, self.tr("Record voided."))),
                on_error=self._clock_question(dialog, lambda: submit(password, reason, True)),
            )

        dialog.submitted.connect(submit)
        return self._show(dialog)  # type: ignore[return-value]

    def sign(
        self, record_ids: Sequence[str], *, minutes: int, on_signed: Callable[[int], None] | None = None
    ) -> PasswordDialog | None:
        if not self._writable() or self.ctx.supervisor_id is None or not record_ids:
            return None
        from supervisor_app.ui.password_dialog import PasswordDialog
        from supervisor_app.units import duration
        from supervisor_app.usecases import signing

        supervisor_id = self.ctx.supervisor_id
        ids = list(record_ids)
        count = len(ids)
        dialog = PasswordDialog(
            title=self.tr("Sign records"),
            message=self.tr(
                "Sign %n record(s), {length} in all, as {name}. Signed records are final: "
                "a later correction is an amendment or a void, with a reason.",
                "",
                count,
            ).format(length=duration(minutes), name=self.ctx.identity.name if self.ctx.identity else ""),
            action=self.tr("&Sign {count}").format(count=count),
            signer=self.ctx.identity.name if self.ctx.identity else "",
            parent=self.window,
        )

        def done(result: Any) -> None:
            dialog.accept()
            signed = self.tr("Signed %n record(s).", "", len(result.signed))
            emit(self.message, " ".join([signed, *getattr(result, "warnings", ())]))
            if on_signed is not None:
                on_signed(len(result.signed))
            emit(self.signed, len(result.signed))

        def submit(password: str, clock_is_right: bool = False) -> None:
            self.ctx.write(
                lambda uow: signing.sign(
                    uow,
                    supervisor_id=supervisor_id,
                    password=password,
                    record_ids=ids,
                    clock_is_right=clock_is_right,
                ),
                on_done=done,
                on_error=self._clock_question(dialog, lambda: submit(password, True)),
            )

        dialog.submitted.connect(lambda password, _reason: submit(password))
        return self._show(dialog)  # type: ignore[return-value]

    def _clock_question(
        self, dialog: PasswordDialog, again: Callable[[], None]
    ) -> Callable[[BaseException], None]:
        """The password dialog's error handler: when the computer's clock reads earlier than the
        newest signature, ask whether the clock is right; yes signs ``again`` with it confirmed,
        no shows the refusal in the dialog."""
        from supervisor_app.services.signoff import ClockBehind

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ClockBehind) and self.confirm(
                self.tr("Is the computer's clock right?"),
                self.tr(
                    "The computer's clock reads earlier than the newest signature, so this one would "
                    "be dated before it, and verification would point that out.\n\n{details}\n\n"
                    "Sign with the clock as it is? Choose No to correct the date and time first."
                ).format(details=str(exc)),
            ):
                again()
                return
            dialog.fail(exc)

        return failed

    def _error(self, exc: BaseException) -> None:
        from supervisor_app.ui.common import show_error

        show_error(self.window, exc)


def _described(record: Any) -> tuple[str, str] | None:
    """A pending amendment in words (what, and its reason), read inside the unit of work."""
    if record is None:
        return None
    from supervisor_app.models import SupervisionSession
    from supervisor_app.units import duration

    if isinstance(record, SupervisionSession):
        what = QCoreApplication.translate("RecordActions", "the session of {date}, {length}").format(
            date=record.date.isoformat(), length=duration(record.minutes)
        )
    else:
        what = QCoreApplication.translate(
            "RecordActions", "the experience entry {start} to {end}, {length}"
        ).format(
            start=record.period_start.isoformat(),
            end=record.period_end.isoformat(),
            length=duration(record.minutes),
        )
    return what, record.amendment_reason


def _editor_class(kind: str) -> type[QDialog]:
    if kind == "session":
        from supervisor_app.ui.session_editor import SessionEditor

        return SessionEditor
    from supervisor_app.ui.experience_editor import ExperienceEditor

    return ExperienceEditor
