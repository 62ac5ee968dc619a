"""The main window: navigation on the left, one page at a time, a menu bar with the usual
shortcuts, and a status bar with the database and who is signed in.

A supervisor sees Supervisees, Records, To sign, Attestations, Audit and Settings. In a review
a supervisor opened for one supervisee (*Review with…*), the window shows only that person's
progress, records and statement: nobody else, not even the names in a group session, and
nothing can be edited, signed or printed but the statement. The lock keeps the review on that
person; leaving it needs a supervisor's password. The same read-only switch
(:attr:`AppContext.read_only`) covers a database that another copy of the app holds: every
page is there, with a banner saying who holds it, and nothing can be edited, signed, printed
or imported.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from supervisor_app import __version__
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.data_transfer import DataTransfer
from supervisor_app.ui.demo_banner import DemoBanner
from supervisor_app.ui.main_menus import MainMenus
from supervisor_app.ui.pages import Page, PageRegistry
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.read_only_banner import ReadOnlyBanner
from supervisor_app.ui.record_actions import RecordActions
from supervisor_app.ui.screen_fit import fit_to_screen
from supervisor_app.ui.sync_control import SyncControl, can_sync
from supervisor_app.ui.window_parts import add_screens, info_banner

if TYPE_CHECKING:
    from supervisor_app.ui.supervisee_list_page import SuperviseeListPage


class MainWindow(MainMenus, QMainWindow):
    lock_requested = Signal()
    sign_out_requested = Signal()
    open_database_requested = Signal()
    restore_requested = Signal(str)  # a backup file, confirmed in Settings
    quit_requested = Signal()
    idle_minutes_changed = Signal(int)
    review_started = Signal(object)  # Identity: the supervisee a supervisor opened a review for
    review_ended = Signal(object)  # Identity: the supervisor whose password ended it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.review = ctx.review
        self.read_only = ctx.read_only  # review mode, or another copy of the app holds the database
        self.setObjectName("main_window")
        self.setAccessibleName(self.tr("supervisor_app main window"))
        identity = ctx.identity
        who = identity.name if identity else ""
        # The platform adds the app's name ("— supervisor_app") to the title itself.
        title = who
        if self.review:
            title = self.tr("{who} (review, read only)").format(who=who)
        if ctx.demo:
            title += self.tr(" — Demo data")
        elif ctx.db.readonly:
            title += self.tr(" — read only (open elsewhere)")
        elif ctx.on_server:
            title += self.tr(" — agency database {place}").format(place=ctx.location)
        self.setWindowTitle(title)
        self.actions = RecordActions(ctx, self) if not self.read_only else None
        self.transfer = DataTransfer(ctx, self)
        self.dialog: QDialog | None = None

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 0)
        if ctx.demo:
            self.demo_banner: DemoBanner | None = DemoBanner(central)
            outer.addWidget(self.demo_banner)
        else:
            self.demo_banner = None
        self.read_only_banner: ReadOnlyBanner | None = None
        if ctx.db.readonly:
            self.read_only_banner = ReadOnlyBanner(ctx.held_by or self.tr("another user"), central)
            outer.addWidget(self.read_only_banner)
        if self.review:
            banner, row = info_banner(central, "review_banner", self.tr("Review mode"))
            text = QLabel(
                self.tr(
                    "<b>Review mode</b>: {name}'s own hours and progress, read only. Nothing can be changed or "
                    "signed here. When you are done, hand the computer back: ending the review needs a "
                    "supervisor's password."
                ).format(name=escape(who)),
                banner,
            )
            text.setWordWrap(True)
            row.addWidget(text, 1)
            self.end_review_button = QPushButton(self.tr("En&d review…"), banner)
            self.end_review_button.setAccessibleName(self.tr("End the review (a supervisor's password)"))
            self.end_review_button.clicked.connect(self.end_review)
            row.addWidget(self.end_review_button)
            outer.addWidget(banner)
        self.server_banner: QWidget | None = None
        if ctx.on_server:
            self._build_server_banner(central, outer)
        self.nav, self.stack = add_screens(self, central, outer)

        self._build_pages()
        self._build_menus()
        self._build_status_bar()
        self.sync_control: SyncControl | None = SyncControl(ctx, self) if can_sync(ctx) else None
        self.nav.currentRowChanged.connect(self.pages.on_nav)
        self.nav.setCurrentRow(0)
        if self.actions is not None:
            self.actions.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.transfer.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

        geometry = ctx.prefs.geometry("main")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 720)
        fit_to_screen(self)  # a laptop at 125-150%, or a size saved on a bigger screen

    # The agency database's server out of reach -------------------------------------------------
    def _build_server_banner(self, central: QWidget, outer: QVBoxLayout) -> None:
        """Hidden until a read or write finds the server out of reach (:attr:`AppContext.server_lost`):
        then it says so, calmly, over every page, with a button to try again."""
        banner, row = info_banner(central, "server_banner", self.tr("The agency database cannot be reached"))
        self.server_text = QLabel(
            self.tr(
                "<b>The agency database cannot be reached</b> ({place}): its server stopped, or the "
                "network is down. Nothing half-done was saved; the screens show what was read before."
            ).format(place=escape(self.ctx.location)),
            banner,
        )
        self.server_text.setWordWrap(True)
        row.addWidget(self.server_text, 1)
        self.retry_button = QPushButton(self.tr("&Try again"), banner)
        self.retry_button.setAccessibleName(self.tr("Try to reach the agency database again"))
        self.retry_button.clicked.connect(self.retry_server)
        row.addWidget(self.retry_button)
        banner.setVisible(False)
        outer.addWidget(banner)
        self.server_banner = banner
        self.ctx.server_lost.connect(self._on_server_lost)

    def _on_server_lost(self) -> None:
        if self.server_banner is not None and not self.server_banner.isVisible():
            self.server_banner.setVisible(True)
            self.statusBar().showMessage(self.tr("The agency database cannot be reached."), 8000)

    def retry_server(self) -> None:
        """Try the server again; once it answers, the banner goes and every view reads afresh."""
        self.retry_button.setEnabled(False)

        def answered(_result: Any) -> None:
            self.retry_button.setEnabled(True)
            if self.server_banner is not None:
                self.server_banner.setVisible(False)
            self.statusBar().showMessage(self.tr("The agency database is reachable again."), 6000)
            emit(self.ctx.records_changed)

        def still_lost(_exc: BaseException) -> None:
            self.retry_button.setEnabled(True)
            self.statusBar().showMessage(self.tr("The agency database still cannot be reached."), 6000)

        self.ctx.read(lambda uow: uow.rows("SELECT 1"), on_done=answered, on_error=still_lost)

    # Pages (see ui/pages.py) ------------------------------------------------------------------
    def _page(self, name: Page) -> Any:
        return self.pages.get(name)

    def _built(self, name: Page) -> Any:
        return self.pages.built(name)

    @property
    def detail(self) -> Any:  # SuperviseeDetailPage
        return self._page(Page.DETAIL)

    @property
    def attestations(self) -> Any:  # AttestationsPage
        return self._page(Page.ATTESTATIONS)

    @property
    def records_page(self) -> Any:  # RecordsPage | None (None in review mode)
        return self._page(Page.RECORDS)

    @property
    def to_sign(self) -> Any:  # ToSignPage | None
        return self._page(Page.TO_SIGN)

    @property
    def audit(self) -> Any:  # AuditPage | None
        return self._page(Page.AUDIT)

    @property
    def settings_page(self) -> Any:  # SettingsPage | None
        return self._page(Page.SETTINGS)

    @property
    def due_page(self) -> Any:  # DuePage | None
        return self._page(Page.DUE)

    def _build_due(self) -> Any:
        from supervisor_app.ui.due_page import DuePage

        page = DuePage(self.ctx, self)
        page.open_supervisee.connect(self._open_due_supervisee)
        page.open_to_sign.connect(lambda: self.show_page(Page.TO_SIGN))
        page.open_supervisor.connect(lambda supervisor_id: self.show_training(supervisor_id))
        page.count_changed.connect(self._show_due_count)
        return page

    def _open_due_supervisee(self, supervisee_id: int, tab: str) -> None:
        self.open_supervisee(supervisee_id)
        self.detail.show_tab(tab)

    def show_training(self, supervisor_id: int | None = None) -> QDialog | None:
        """A supervisor's training and credentials (default: the one signed in)."""
        supervisor_id = supervisor_id or self.ctx.supervisor_id
        if supervisor_id is None:
            return None
        from supervisor_app.services.people import get_supervisor
        from supervisor_app.ui.person_training_dialog import PersonTrainingDialog

        name = self.ctx.read_now(lambda uow: get_supervisor(uow, supervisor_id).name)
        return self._open_dialog(
            PersonTrainingDialog(self.ctx, supervisor_id=supervisor_id, name=name, parent=self)
        )

    def _update_due_count(self) -> None:
        if self.review:
            return
        from supervisor_app.services.due import due_items

        self.ctx.read(lambda uow: len(due_items(uow)), on_done=self._show_due_count, on_error=lambda _e: None)

    def _show_due_count(self, count: int) -> None:
        item = self.pages.item(Page.DUE)
        if item is None:
            return
        text = self.tr("Due ({n})").format(n=count) if count else self.tr("Due")
        item.setText(text)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, text)

    def _build_detail(self) -> Any:
        from supervisor_app.ui.supervisee_detail_page import SuperviseeDetailPage

        page = SuperviseeDetailPage(self.ctx, self.actions, self)
        if self.review:
            page.print_requested.connect(lambda _sid: self.show_page(Page.ATTESTATIONS))
        else:
            page.back_requested.connect(self.back_to_list)
            page.print_requested.connect(self.print_for)
            page.review_requested.connect(lambda sid: self.start_review(sid))
            page.hours_file_requested.connect(self.transfer.give_hours_file)
        return page

    def _build_attestations(self) -> Any:
        from supervisor_app.ui.attestations_page import AttestationsPage

        page = AttestationsPage(self.ctx, self)
        if self.review:
            assert self.ctx.identity is not None and self.ctx.identity.supervisee_id is not None
            page.set_supervisee(self.ctx.identity.supervisee_id)
        return page

    def _build_records(self) -> Any:
        from supervisor_app.ui.records_page import RecordsPage

        return RecordsPage(self.ctx, self.actions, self)

    def _build_to_sign(self) -> Any:
        from supervisor_app.ui.to_sign_page import ToSignPage

        return ToSignPage(self.ctx, self.actions, self)

    def _build_audit(self) -> Any:
        from supervisor_app.ui.audit_page import AuditPage

        return AuditPage(self.ctx, self)

    def _build_settings(self) -> Any:
        from supervisor_app.ui.settings_page import SettingsPage

        page = SettingsPage(self.ctx, self)
        page.open_database_requested.connect(self.open_database_requested)
        page.restore_requested.connect(self.restore_requested)
        page.idle_minutes_changed.connect(self.idle_minutes_changed)
        page.change_password_requested.connect(self.change_password)
        page.new_supervisor_requested.connect(self.new_supervisor)
        page.new_supervisee_requested.connect(self.new_supervisee)
        if self.sync_control is not None:
            page.server_changed.connect(self.sync_control.update)
        return page

    def _build_pages(self) -> None:
        ctx = self.ctx
        SP = QStyle.StandardPixmap
        self.pages = PageRegistry(self.nav, self.stack, self)
        self.list_page: SuperviseeListPage | None = None
        if self.review:
            assert ctx.identity is not None and ctx.identity.supervisee_id is not None
            self.pages.add(Page.DETAIL, self.tr("My progress"), SP.SP_FileDialogInfoView, self._build_detail)
            self.pages.add(
                Page.ATTESTATIONS, self.tr("My statement"), SP.SP_FileIcon, self._build_attestations
            )
            self.detail.show_supervisee(ctx.identity.supervisee_id)  # the first screen: built now
            for absent in (Page.RECORDS, Page.TO_SIGN, Page.AUDIT, Page.SETTINGS):
                self.pages.add_absent(absent)
            return
        from supervisor_app.ui.supervisee_list_page import SuperviseeListPage

        self.people = QStackedWidget(self)
        self.people.setAccessibleName(self.tr("Supervisees"))
        self.list_page = SuperviseeListPage(ctx, self.people)
        self.people.addWidget(self.list_page)
        self.pages.add_lazy(self.people, Page.DETAIL, self._build_detail)
        self.list_page.open_requested.connect(self.open_supervisee)
        self.list_page.new_session_requested.connect(
            lambda sid: self.actions.new_session([sid]) if self.actions is not None else None
        )
        self.list_page.new_supervisee_requested.connect(self.new_supervisee)
        # built now: the first screen
        self.pages.add_built(Page.SUPERVISEES, self.tr("Supervisees"), SP.SP_DirHomeIcon, self.people)
        self.pages.add(Page.RECORDS, self.tr("Records"), SP.SP_FileDialogDetailedView, self._build_records)
        self.pages.add(Page.TO_SIGN, self.tr("To sign"), SP.SP_DialogApplyButton, self._build_to_sign)
        self.pages.add(Page.ATTESTATIONS, self.tr("Attestations"), SP.SP_FileIcon, self._build_attestations)
        self.pages.add(Page.AUDIT, self.tr("Audit"), SP.SP_FileDialogContentsView, self._build_audit)
        self.pages.add(Page.SETTINGS, self.tr("Settings"), SP.SP_FileDialogListView, self._build_settings)
        self.pages.add(Page.DUE, self.tr("Due"), SP.SP_MessageBoxInformation, self._build_due)
        ctx.records_changed.connect(self._update_to_sign_badge)
        ctx.records_changed.connect(self._update_due_count)
        # Once the first screen has its figures: the badge's count is not worth delaying them for.
        self.list_page.figures_loaded.connect(self._first_badge)
        self._badge_shown = False

    def _first_badge(self) -> None:
        if not self._badge_shown:
            self._badge_shown = True
            self._update_to_sign_badge()
            self._update_due_count()

    def show_page(self, page: Page) -> None:
        self.pages.show(page)

    def current_page(self) -> QWidget:
        page = self.stack.currentWidget()
        if page is getattr(self, "people", None):
            return page.currentWidget()
        return page

    def open_supervisee(self, supervisee_id: int) -> None:
        self.detail.show_supervisee(supervisee_id)
        if not self.review:
            self.people.setCurrentWidget(self.detail)
            self.show_page(Page.SUPERVISEES)
        self.detail.tabs.setFocus()

    def back_to_list(self) -> None:
        if self.review or self.list_page is None:
            return
        self.people.setCurrentWidget(self.list_page)
        self.list_page.table.setFocus()

    def _update_to_sign_badge(self) -> None:
        if self.review or self.ctx.supervisor_id is None:
            return
        supervisor_id = self.ctx.supervisor_id
        self._badge_shown = True
        self.ctx.read(lambda uow: _pending_count(uow, supervisor_id), on_done=self._show_badge)

    def _show_badge(self, count: int) -> None:
        item = self.pages.item(Page.TO_SIGN)
        if item is None:
            return
        text = self.tr("To sign ({n})").format(n=count) if count else self.tr("To sign")
        item.setText(text)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, text)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.setVisible(False)
        status.addPermanentWidget(self.busy)
        identity = self.ctx.identity
        if identity is None:
            who = ""
        elif identity.review:
            who = self.tr("Reviewing: {name} (read only)").format(name=identity.name)
        else:
            who = self.tr("Signed in: {name}").format(name=identity.name)
        self.who_label = QLabel(who, self)
        self.who_label.setAccessibleName(self.tr("Who is signed in"))
        status.addPermanentWidget(self.who_label)
        # A long path is shortened in its middle (the whole of it in the tooltip), so the status
        # bar's messages beside it ("Not synced: ...") stay whole in a 1366-pixel-wide window.
        where = self.fontMetrics().elidedText(
            self.ctx.location, Qt.TextElideMode.ElideMiddle, 40 * self.fontMetrics().averageCharWidth()
        )
        location = self.tr("Database: {path}").format(path=where)
        if self.ctx.db.readonly:
            location = self.tr("Database (read only): {path}").format(path=where)
        elif self.ctx.on_server:
            location = self.tr("Agency database: {place}").format(place=where)
        self.db_label = QLabel(location, self)
        self.db_label.setAccessibleName(self.tr("Database file"))
        self.db_label.setAccessibleDescription(self.ctx.location)
        self.db_label.setToolTip(self.ctx.location)
        status.addPermanentWidget(self.db_label)
        self.ctx.runner.busy_changed.connect(self.busy.setVisible)

    # Commands ----------------------------------------------------------------------------------
    def _selected_supervisee(self) -> int | None:
        page = self.current_page()
        detail = self._built(Page.DETAIL)
        if detail is not None and page is detail:
            return detail.supervisee_id
        if page is self.list_page and self.list_page is not None:
            return self.list_page.selected_id()
        return None

    def new_session(self) -> None:
        if self.actions is not None:
            supervisee = self._selected_supervisee()
            self.actions.new_session(
                [supervisee]
                if supervisee is not None and self.current_page() is self._built(Page.DETAIL)
                else []
            )

    def new_experience(self) -> None:
        if self.actions is not None:
            self.actions.new_experience(self._selected_supervisee())

    def _open_dialog(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self.activateWindow())
        dialog.open()
        return dialog

    def new_supervisee(self) -> None:
        if self.review:
            return
        from supervisor_app.ui.supervisee_dialog import SuperviseeDialog

        dialog = SuperviseeDialog(self.ctx, self)
        dialog.saved.connect(lambda _id: self.statusBar().showMessage(self.tr("Supervisee added."), 6000))
        self._open_dialog(dialog)

    def new_supervisor(self) -> None:
        if self.review:
            return
        from supervisor_app.ui.supervisor_dialog import SupervisorDialog

        dialog = SupervisorDialog(self.ctx, self)
        dialog.saved.connect(lambda _id: self.statusBar().showMessage(self.tr("Supervisor added."), 6000))
        self._open_dialog(dialog)

    def change_password(self) -> None:
        if self.ctx.supervisor_id is not None:
            from supervisor_app.ui.change_password_dialog import ChangePasswordDialog

            dialog = ChangePasswordDialog(self.ctx, self)
            dialog.accepted.connect(lambda: self.statusBar().showMessage(self.tr("Password changed."), 6000))
            self._open_dialog(dialog)

    def find(self) -> None:
        page = self.current_page()
        focus = getattr(page, "focus_search", None)
        if focus is None and not self.review and self.list_page is not None:
            self.show_page(Page.SUPERVISEES)
            self.back_to_list()
            focus = self.list_page.focus_search
        if focus is not None:
            focus()

    def _name_give_hours(self) -> None:
        """The File menu names the supervisee on show: Give Ana Example their hours file…"""
        supervisee = None if self.review else self._selected_supervisee()
        if supervisee is None:
            self.give_hours_action.setText(self.tr("&Give hours file to the supervisee…"))
            return
        from supervisor_app.services import people

        name = self.ctx.read_now(lambda uow: people.get_supervisee(uow, supervisee).name)
        self.give_hours_action.setText(
            self.tr("&Give {name} their hours file…").format(name=name.replace("&", "&&"))
        )

    def give_hours_file(self) -> None:
        """File ▸ Give hours file: for the supervisee on show (their page, or the one selected)."""
        supervisee = self._selected_supervisee()
        if supervisee is None:
            self.statusBar().showMessage(
                self.tr("Open or select a supervisee first: the hours file is theirs."), 6000
            )
            return
        self.transfer.give_hours_file(supervisee)

    def print_for(self, supervisee_id: int) -> None:
        self.attestations.set_supervisee(supervisee_id)
        self.show_page(Page.ATTESTATIONS)

    def print_current(self) -> None:
        supervisee = self._selected_supervisee()
        if supervisee is not None:
            self.attestations.set_supervisee(supervisee)
        self.show_page(Page.ATTESTATIONS)
        self.attestations.print_current()

    def sign_selected(self) -> None:
        if self.to_sign is None:
            return
        if self.stack.currentWidget() is not self.to_sign:
            self.show_page(Page.TO_SIGN)
            return
        self.to_sign.sign_selected()

    def verify_records(self) -> None:
        if self.audit is None:
            return
        self.show_page(Page.AUDIT)
        self.audit.verify()

    def show_help(self, page: int = 0) -> None:
        """F1: the first evening's four tasks, and (``page=1``) every keyboard shortcut."""
        from supervisor_app.ui.help_dialog import HelpDialog, action_keys

        named = {a.objectName(): action_keys(a) for a in self.actions_with_shortcuts()}
        self._open_dialog(
            HelpDialog(self.actions_with_shortcuts(), keys=named, review=self.review, page=page, parent=self)
        )

    def show_shortcuts(self) -> None:
        self.show_help(page=1)

    def actions_with_shortcuts(self) -> list[QAction]:
        return [a for a in self.findChildren(QAction) if a.shortcuts() and a.isEnabled() and a.text()]

    def show_about(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About supervisor_app"),
            self.tr(
                "<h3>supervisor_app {version}</h3><p>Supervised hours, sign-off and ICB attestation forms for "
                "Illinois CRSS/CPRS supervisors. Works offline; nothing leaves this computer.</p>"
                "<p>Credential rules are data with their sources (Settings ▸ Credential profiles); ICB is the "
                "final word.</p>"
            ).format(version=__version__),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setAccessibleName(self.tr("About supervisor_app"))
        self._open_dialog(box)

    # Review with a supervisee -------------------------------------------------------------------
    def start_review(self, supervisee_id: int | None = None) -> None:
        """Ask which supervisee (the one on show, by default), then hand over the window."""
        if self.review or self.ctx.supervisor_id is None or not self.confirm_close():
            return
        from supervisor_app.ui.start_review_dialog import StartReviewDialog

        if supervisee_id is None:
            supervisee_id = self._selected_supervisee()
        dialog = StartReviewDialog(self.ctx, supervisee_id, self)
        dialog.started.connect(lambda identity: emit(self.review_started, identity))
        self._open_dialog(dialog)

    def end_review(self, *, quitting: bool = False) -> None:
        if not self.review:
            return
        from supervisor_app.ui.end_review_dialog import EndReviewDialog

        dialog = EndReviewDialog(self.ctx, self, quitting=quitting)
        if quitting:
            dialog.ended.connect(lambda _supervisor: self._quit_after_review())
        else:
            dialog.ended.connect(lambda supervisor: emit(self.review_ended, supervisor))
        self._open_dialog(dialog)

    def _quit_after_review(self) -> None:
        self._review_over = True
        self.close()

    # Closing -----------------------------------------------------------------------------------
    def open_editors(self) -> list[QDialog]:
        return [d for d in self.findChildren(QDialog) if d.isVisible() and hasattr(d, "is_dirty")]

    def has_unsaved_edits(self) -> bool:
        return any(d.is_dirty() for d in self.open_editors())  # type: ignore[attr-defined]

    def confirm_close(self) -> bool:
        if not self.has_unsaved_edits():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("An editor has changes that are not saved. Close anyway and lose them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def save_geometry(self) -> None:
        self.ctx.prefs.set_geometry("main", self.saveGeometry())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if getattr(self, "_closing_for_switch", False):
            self.save_geometry()
            event.accept()
            return
        if self.review and not getattr(self, "_review_over", False):
            event.ignore()  # quitting ends the review too: a supervisor's password
            self.end_review(quitting=True)
            return
        if not self.confirm_close():
            event.ignore()
            return
        self.save_geometry()
        event.accept()
        emit(self.quit_requested)

    def close_for_switch(self) -> None:
        """Close without asking (sign-out or another database, after the caller confirmed)."""
        self._closing_for_switch = True
        for dialog in self.findChildren(QDialog):
            dialog.done(0) if dialog.isVisible() else None
        self.close()
        self.deleteLater()


def _pending_count(uow: Any, supervisor_id: int) -> int:
    from supervisor_app.services.records import count_pending  # off the UI thread (it imports the ORM)

    return count_pending(uow, supervisor_id=supervisor_id)
