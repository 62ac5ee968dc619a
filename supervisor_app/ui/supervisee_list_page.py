"""Supervisees: a searchable list with progress columns and status."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.services.roster import others_exist, supervisee_names
from supervisor_app.ui.common import row_table, show_error
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.progress_delegate import ProgressDelegate
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.refreshing import RefreshOnChange
from supervisor_app.ui.screen_fit import narrow
from supervisor_app.ui.supervisee_table_model import ROW_ROLE, SEARCH_ROLE, SORT_ROLE, SuperviseeTableModel
from supervisor_app.units import fold

FIGURES_CHUNK = 40
"""Supervisees added up per read when everyone is shown: at agency scale (hundreds of people,
a decade of records) the figures then fill in from the top of the list, a chunk a second,
instead of all at once after about 20 s."""


class _Filter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.needle = ""
        self.setSortRole(SORT_ROLE)

    def set_needle(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            self.needle = fold(text.strip())
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.needle = fold(text.strip())
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        if not self.needle:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return all(part in (index.data(SEARCH_ROLE) or "") for part in self.needle.split())


class SuperviseeListPage(RefreshOnChange, QWidget):
    open_requested = Signal(int)
    new_session_requested = Signal(int)
    new_supervisee_requested = Signal()
    figures_loaded = Signal()  # the list has its progress figures (after every load)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("supervisee_list_page")
        self.setAccessibleName(self.tr("Supervisees"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<h2>Supervisees</h2>"), self)
        layout.addWidget(title)

        bar = QHBoxLayout()
        layout.addLayout(bar)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find a supervisee by name, credential or ICB ID (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Find a supervisee"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 1)
        self.only_mine = QCheckBox(self.tr("Only &mine"), self)
        self.only_mine.setAccessibleName(self.tr("Only my supervisees"))
        self.only_mine.setToolTip(self.tr("Show only the supervisees you are the supervisor of record for"))
        bar.addWidget(self.only_mine)
        self.show_inactive = QCheckBox(self.tr("Show &inactive"), self)
        self.show_inactive.setAccessibleName(self.tr("Show inactive supervisees"))
        bar.addWidget(self.show_inactive)

        actions = QHBoxLayout()
        layout.addLayout(actions)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setAccessibleName(self.tr("Open the selected supervisee"))
        self.open_button.setToolTip(self.tr("Progress, sessions and experience (Enter)"))
        self.session_button = QPushButton(self.tr("New &session with…"), self)
        self.session_button.setAccessibleName(self.tr("New session with the selected supervisee"))
        self.add_button = QPushButton(self.tr("New s&upervisee…"), self)
        self.add_button.setAccessibleName(self.tr("New supervisee"))
        for button in (self.open_button, self.session_button, self.add_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.checking = QLabel(self)
        self.checking.setObjectName("verification_label")
        self.checking.setAccessibleName(self.tr("Verification of the file"))
        self.checking.hide()
        actions.addWidget(self.checking)
        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("Summary"))
        actions.addWidget(self.summary)

        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)
        self.model = SuperviseeTableModel(self)
        self.model.on_server = ctx.on_server
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.table = row_table(
            self, self.proxy, self.tr("Supervisees and their progress"), object_name="supervisee_table"
        )
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(SuperviseeTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        delegate = ProgressDelegate(self.table)
        self.table.setItemDelegateForColumn(SuperviseeTableModel.SUPERVISION, delegate)
        self.table.setItemDelegateForColumn(SuperviseeTableModel.EXPERIENCE, delegate)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = [220, 80, 140, 170, 170, 85, 100]
        if narrow(parent):  # a laptop at 125-150%: name, hours and status show without scrolling
            widths = [170, 70, 120, 130, 130, 75, 95]
            header.moveSection(SuperviseeTableModel.STATUS, SuperviseeTableModel.EXPERIENCE + 1)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        if narrow(parent):
            self.table.setColumnWidth(SuperviseeTableModel.STATUS, 95)
        self.stack.addWidget(self.table)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("No supervisees"))
        self.stack.addWidget(self.empty)

        self.search.textChanged.connect(self._on_search)
        self.search.returnPressed.connect(self._open_current)
        self.only_mine.toggled.connect(lambda _on: self._on_filters())
        self.show_inactive.toggled.connect(lambda _on: self._on_filters())
        self.table.activated.connect(lambda _index: self._open_current())
        self.table.doubleClicked.connect(lambda _index: self._open_current())
        self.open_button.clicked.connect(self._open_current)
        self.session_button.clicked.connect(self._new_session)
        self.add_button.clicked.connect(self.new_supervisee_requested)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._loaded_once = False
        self._counts: bool | None = None  # the summary has eligible/overdue counts to show
        self._filters_changed = False
        self._loading = False
        self._again = False
        self._token = 0
        self._verifying = False
        self.watch_records()
        self._update_buttons()

    # Loading -----------------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh_if_stale()

    def refresh(self) -> None:
        """Load the list: when it is empty (first view, other filters), the names first (one
        indexed query) and then the progress figures; otherwise the figures straight away, so
        a list already showing figures never blinks back to "…"."""
        self._stale = False
        if self._loading:  # one load at a time: the newest state is loaded once this one is back
            self._again = True
            return
        self._loading = True
        self._token += 1
        token = self._token
        supervisor_id = self.ctx.supervisor_id if self.only_mine.isChecked() else None
        include_inactive = self.show_inactive.isChecked()
        first_for = self.ctx.supervisor_id if not self._loaded_once else None
        self.summary.setText(self.tr("Loading…"))

        def names(uow):  # type: ignore[no-untyped-def]
            if first_for is not None and supervisor_id is None:
                # The first view for a signed-in supervisor is "Only mine" when they have
                # supervisees of their own and others exist (at agency scale, totalling
                # everyone first took seconds).
                mine = supervisee_names(uow, supervisor_id=first_for, include_inactive=include_inactive)
                if mine and others_exist(uow, first_for, include_inactive=include_inactive):
                    return mine, True
            return supervisee_names(
                uow, supervisor_id=supervisor_id, include_inactive=include_inactive
            ), False

        if self.model.rowCount() == 0 or self._filters_changed:
            self._filters_changed = False
            self.ctx.read(
                names, on_done=lambda result: self._on_names(token, *result), on_error=self._on_failed
            )
        else:
            self._load_figures(token, supervisor_id, include_inactive)

    def _on_names(self, token: int, rows: list[Any], only_mine: bool) -> None:
        if token != self._token:  # cannot happen while loading (refresh waits), but never stay stuck
            self._loading = False
            return
        self._show_rows(rows, only_mine)
        if not rows:
            self._loading = False
            self._counts = None
            self._show_summary()
            if not self._after_load():
                emit(self.figures_loaded)
            return
        self.summary.setText(self.tr("%n supervisee(s) · adding up their hours…", "", len(rows)))
        supervisor_id = self.ctx.supervisor_id if self.only_mine.isChecked() else None
        self._load_figures(token, supervisor_id, self.show_inactive.isChecked(), names_shown=True)

    def _load_figures(
        self, token: int, supervisor_id: int | None, include_inactive: bool, *, names_shown: bool = False
    ) -> None:
        if supervisor_id is None and self.model.rowCount() > FIGURES_CHUNK:
            # Everyone, at agency scale: who is there now (one indexed query, unless the names
            # were just read and shown), then their figures a chunk at a time, in list order.
            if names_shown:
                self._load_chunks(token, include_inactive)
                return
            self.ctx.read(
                lambda uow: supervisee_names(uow, include_inactive=include_inactive),
                on_done=lambda names: self._on_fresh_names(token, names, include_inactive),
                on_error=self._on_failed,
            )
            return
        self.ctx.read(
            lambda uow: _summaries(uow, supervisor_id, include_inactive),
            on_done=lambda rows: self._on_loaded(token, rows),
            on_error=self._on_failed,
        )

    def _on_fresh_names(self, token: int, names: list[Any], include_inactive: bool) -> None:
        if self._restarted(token):
            return
        with_figures = {row.id: row for row in self.model.rows() if row.figures}
        # The people as they are now; those already added up keep their figures meanwhile.
        self._show_rows([with_figures.get(row.id, row) for row in names], self.only_mine.isChecked())
        self._load_chunks(token, include_inactive)

    def _load_chunks(self, token: int, include_inactive: bool) -> None:
        """The figures of everyone in the list, a chunk at a time, in the order it shows them."""
        ids = [self.proxy.index(r, 0).data(ROW_ROLE).id for r in range(self.proxy.rowCount())]
        shown = set(ids)
        ids += [row.id for row in self.model.rows() if row.id not in shown]  # hidden by the search box
        self._load_chunk(token, ids, 0, include_inactive, [])

    def _load_chunk(
        self, token: int, ids: list[int], start: int, include_inactive: bool, done: list[Any]
    ) -> None:
        # On the agency database (PostgreSQL) a chunk costs half of what everyone does, cold, at
        # the benchmark's scale 1 (load average 4: 1.3-1.6 s for 50 supervisees, their sessions
        # looked up one by one; 2.8-3.2 s for all 705 active ones, merged in id order), so
        # everyone is added up in one read there (benchmarks/README.md).
        size = len(ids) if self.ctx.on_server else FIGURES_CHUNK
        chunk = ids[start : start + size]
        self.ctx.read(
            lambda uow: _summaries(uow, None, include_inactive, chunk),
            on_done=lambda rows: self._on_chunk(token, ids, start + len(chunk), include_inactive, done, rows),
            on_error=self._on_failed,
        )

    def _on_chunk(
        self, token: int, ids: list[int], start: int, include_inactive: bool, done: list[Any], rows: list[Any]
    ) -> None:
        if self._restarted(token):
            return
        self.model.replace_rows(rows, key=lambda row: row.id)
        done.extend(rows)
        if start < len(ids):
            self.summary.setText(
                self.tr("%n supervisee(s)", "", len(ids))
                + self.tr(" · adding up their hours ({done} done)…").format(done=start)
            )
            self._load_chunk(token, ids, start, include_inactive, done)
        else:
            self._on_loaded(token, done)

    def _restarted(self, token: int) -> bool:
        """Records changed while the figures were being added up in chunks: start over (the
        rows already shown keep their figures until they are added up again)."""
        if not self._again and token == self._token:
            return False
        self._loading = False
        self._after_load()
        return True

    def _on_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.summary.clear()
        show_error(self, exc)

    def _after_load(self) -> bool:
        """A refresh asked for while loading runs now; True if it did."""
        if self._again:
            self._again = False
            self.refresh()
            return True
        return False

    def _on_loaded(self, token: int, rows: list[Any]) -> None:
        self._loading = False
        if self._after_load() or token != self._token:
            return
        self._show_rows(rows, self.only_mine.isChecked())
        self._counts = True
        self._show_summary()
        emit(self.figures_loaded)
        # Not on the agency database: verifying every signature there runs in this process (no
        # worker processes on PostgreSQL yet), minutes at agency scale, slowing every other read;
        # Audit ▸ Verify records does it when asked, and a supervisee's page checks theirs.
        if any(row.verified is None for row in rows) and not self.ctx.on_server:
            self._verify_file()

    # The file's verification -----------------------------------------------------------------
    def _verify_file(self) -> None:
        """Verify the whole file once (until it changes), off the UI thread, with its progress
        beside the list; then reload, so every figure shows as verified (or not)."""
        if self._verifying:
            return
        self._verifying = True
        self.checking.setText(self.tr("Verifying every signed record…"))
        self.checking.show()
        self.ctx.read(
            _verify_everything,
            with_progress=True,
            on_progress=self._on_verify_progress,
            on_done=self._on_verified,
            on_error=self._on_verify_failed,
        )

    def _on_verify_progress(self, done: int, total: int) -> None:
        percent = int(100 * done / total) if total else 0
        self.checking.setText(self.tr("Verifying every signed record: {pct}%…").format(pct=percent))

    def _on_verified(self, failing: int) -> None:
        self._verifying = False
        if failing:
            self.checking.setText(
                self.tr("%n supervisee(s) with records that fail verification", "", failing)
            )
        else:
            self.checking.hide()
        self.refresh()

    def _on_verify_failed(self, exc: BaseException) -> None:
        self._verifying = False
        self.checking.hide()
        show_error(self, exc)

    def _show_summary(self) -> None:
        """The count once loaded; with a search, of the supervisees it shows."""
        if self._loading:
            return  # "adding up…" stays until the figures are in
        shown = [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]
        total = self.model.rowCount()
        if not total:
            self.summary.setText(self.tr("No supervisees"))
            return
        text = (
            self.tr("%n supervisee(s)", "", total)
            if len(shown) == total
            else self.tr("{shown} of %n supervisee(s) match", "", total).format(shown=len(shown))
        )
        if self._counts:
            counts = {s: sum(1 for r in shown if r.status == s) for s in ("eligible", "overdue")}
            text += self.tr(" · {e} eligible · {o} overdue for supervision").format(
                e=counts["eligible"], o=counts["overdue"]
            )
        self.summary.setText(text)

    def _show_rows(self, rows: list[Any], only_mine: bool) -> None:
        selected = self.selected_id()
        self.model.set_rows(rows)
        if not self._loaded_once and self.ctx.supervisor_id is not None:
            self._loaded_once = True
            if only_mine:
                self.only_mine.blockSignals(True)
                self.only_mine.setChecked(True)
                self.only_mine.blockSignals(False)
        if rows:
            self._show_matches()
        else:
            self.empty.setText(
                self.tr(
                    "<h3>No supervisees yet</h3><p>Add the people you supervise with <b>New supervisee…</b> "
                    "(above, or File ▸ New supervisee). Their sessions, experience hours and progress "
                    "toward the credential will show here.</p>"
                )
                if not self.only_mine.isChecked()
                else self.tr(
                    "<h3>None of your own supervisees here</h3><p>Clear <b>Only mine</b> to see everyone.</p>"
                )
            )
            self.stack.setCurrentWidget(self.empty)
        self.select_id(selected)
        self._update_buttons()

    def _on_filters(self) -> None:
        self._filters_changed = True  # other people: names first again
        self.refresh()

    # Selection ---------------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return None
        row = index.data(ROW_ROLE) or self.proxy.index(index.row(), 0).data(ROW_ROLE)
        return row.id if row is not None else None

    def select_id(self, supervisee_id: int | None) -> None:
        if supervisee_id is None:
            if self.proxy.rowCount():
                self.table.selectRow(0)
            return
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).id == supervisee_id:
                self.table.selectRow(row)
                return

    def _on_search(self, text: str) -> None:
        self.proxy.set_needle(text)
        if self.proxy.rowCount():
            self.table.selectRow(0)
        if self.model.rowCount():
            self._show_matches()
            self._show_summary()
        self._update_buttons()

    def _show_matches(self) -> None:
        """The table, or (when the search box hides everyone) words saying nobody matches."""
        if self.proxy.rowCount() or not self.proxy.needle:
            self.stack.setCurrentWidget(self.table)
            return
        self.empty.setText(
            self.tr(
                "<h3>No supervisee matches “{text}”</h3><p>The search looks at names, credentials, "
                "supervisors and ICB IDs, ignoring accents and capitals. Clear the search box to "
                "see everyone.</p>"
            ).format(text=escape(self.search.text().strip()))
        )
        self.stack.setCurrentWidget(self.empty)

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.open_button.setEnabled(chosen)
        row = self.proxy.index(self.table.currentIndex().row(), 0).data(ROW_ROLE) if chosen else None
        active = row is None or row.active  # an inactive supervisee gets no new sessions
        self.session_button.setEnabled(chosen and active and not self.ctx.read_only)
        self.add_button.setEnabled(not self.ctx.read_only)

    def _open_current(self) -> None:
        supervisee_id = self.selected_id()
        if supervisee_id is not None:
            emit(self.open_requested, supervisee_id)

    def _new_session(self) -> None:
        supervisee_id = self.selected_id()
        if supervisee_id is not None:
            emit(self.new_session_requested, supervisee_id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()


def _summaries(
    uow: Any, supervisor_id: int | None, include_inactive: bool, supervisee_ids: list[int] | None = None
) -> list[Any]:
    """Off the UI thread: the list's figures (of these supervisees, if given). The progress
    services (and the ORM) are imported here, once the window is up, not before it shows."""
    from supervisor_app.services.overview import supervisee_summaries

    return supervisee_summaries(
        uow, supervisor_id=supervisor_id, include_inactive=include_inactive, supervisee_ids=supervisee_ids
    )


def _verify_everything(uow: Any, progress: Any) -> int:
    """Off the UI thread: the whole file verified and everyone's running totals added up, in
    one snapshot (both remembered until the file changes); how many supervisees fail."""
    from supervisor_app.services.overview import prepare_agency

    return prepare_agency(uow, progress=progress)
