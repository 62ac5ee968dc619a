"""A training certificate shown in the app: an image scaled to the window, or the PDF itself
(Qt PDF when installed), with Save a copy…."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.ui.common import show_error
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.pdf_output import load_document, qt_pdf_available


class CertificateViewer(QDialog):
    def __init__(
        self,
        *,
        filename: str,
        media_type: str,
        data: bytes,
        job_description: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("certificate_viewer")
        self.filename, self.data = filename, data
        if job_description:  # a supervisee's job description (the 51% question), shown the same way
            title, name, shown = (
                self.tr("Job description: {name}"),
                self.tr("Job description"),
                self.tr("Job description {name}"),
            )
            self._save_title = self.tr("Save a copy of the job description")
        else:
            title, name, shown = (
                self.tr("Certificate: {name}"),
                self.tr("Certificate"),
                self.tr("Certificate {name}"),
            )
            self._save_title = self.tr("Save a copy of the certificate")
        self.setWindowTitle(title.format(name=filename))
        self.setAccessibleName(name)
        layout = QVBoxLayout(self)
        self.view: QWidget
        if media_type == "application/pdf" and qt_pdf_available():
            from PySide6.QtPdfWidgets import QPdfView

            view = QPdfView(self)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self._document = load_document(data, self)
            view.setDocument(self._document)
            self.view = view
        elif media_type.startswith("image/"):
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            label = QLabel(self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if pixmap.isNull():
                label.setText(self.tr("This image cannot be shown; save a copy to open it elsewhere."))
            else:
                label.setPixmap(
                    pixmap.scaledToWidth(min(pixmap.width(), 760), Qt.TransformationMode.SmoothTransformation)
                )
            scroll = QScrollArea(self)
            scroll.setWidget(label)
            scroll.setWidgetResizable(True)
            self.view = scroll
        else:
            label = QLabel(
                self.tr(
                    "The PDF page view needs Qt PDF (PySide6-Addons). Save a copy to open it in your PDF viewer."
                ),
                self,
            )
            label.setWordWrap(True)
            self.view = label
        self.view.setAccessibleName(shown.format(name=filename))
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        save = buttons.addButton(self.tr("&Save a copy…"), QDialogButtonBox.ButtonRole.ActionRole)
        save.setAccessibleName(self._save_title)
        save.clicked.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 640)

    def _on_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self._save_title, self.filename)
        if not path:
            return
        from pathlib import Path

        from supervisor_app.storage import write_private

        try:
            write_private(Path(path), self.data)
        except OSError as exc:
            show_error(self, exc)


def stored_file_viewer(
    ctx: AppContext, load: Callable[[Any], Any], parent: QWidget, *, job_description: bool = False
) -> CertificateViewer | None:
    """A viewer of the file ``load(uow)`` finds in the database (a stored certificate or job
    description: ``filename``, ``media_type``, ``data``), or None when there is none."""

    def read(uow: Any) -> tuple[str, str, bytes] | None:
        found = load(uow)
        return (found.filename, found.media_type, found.data) if found is not None else None

    found = ctx.read_now(read)
    if found is None:
        return None
    filename, media_type, data = found
    return CertificateViewer(
        filename=filename, media_type=media_type, data=data, job_description=job_description, parent=parent
    )
