"""The print preview: the PDF itself (Qt PDF's QPdfView) when available, else a summary of
what the form carries and a note on how to see the real thing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget

from supervisor_app.ui.pdf_output import load_document, qt_pdf_available


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Print preview"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)
        self.placeholder = QLabel(self.tr("Choose what to print, then Preview."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)
        self.summary = QTextBrowser(self)
        self.summary.setAccessibleName(self.tr("What the form carries"))
        self.stack.addWidget(self.summary)
        self.view = None
        self._document = None
        self.pdf: bytes | None = None
        if qt_pdf_available():
            from PySide6.QtPdfWidgets import QPdfView

            self.view = QPdfView(self)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view.setAccessibleName(self.tr("Form preview"))
            self.stack.addWidget(self.view)

    def clear(self, text: str = "") -> None:
        self.pdf = None
        self.placeholder.setText(text or self.tr("Choose what to print, then Preview."))
        self.stack.setCurrentWidget(self.placeholder)

    def show_pdf(self, pdf: bytes, *, summary_html: str) -> None:
        self.pdf = pdf
        if self.view is not None:
            old = self._document
            self._document = load_document(pdf, self)
            self.view.setDocument(self._document)
            self.stack.setCurrentWidget(self.view)
            if old is not None:
                old.deleteLater()
            return
        note = self.tr(
            "<p style='color:#555'><i>The page preview needs Qt PDF (the PySide6-Addons package), which is "
            "not installed. Save PDF or Print opens the real form in your PDF viewer.</i></p>"
        )
        self.summary.setHtml(summary_html + note)
        self.stack.setCurrentWidget(self.summary)
