"""Getting PDF bytes onto paper or disk.

With Qt PDF installed (the PySide6-Addons package: ``QtPdf``), pages are rendered at the
printer's resolution and sent through the platform print dialog (:class:`PrintJob`). Without
it, the PDF is opened in the computer's own PDF viewer to print from there. Saving is just
writing the bytes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtWidgets import QWidget

from supervisor_app.services.errors import DomainError
from supervisor_app.services.filenames import safe_file_name
from supervisor_app.storage import write_private


def qt_pdf_available() -> bool:
    try:
        from PySide6 import QtPdf, QtPdfWidgets  # noqa: F401
    except ImportError:
        return False
    return True


def save_pdf(pdf: bytes, path: str | Path) -> Path:
    target = pdf_path(path)
    write_private(target, pdf)  # never a half-written form on disk; the form holds names: the user's only
    return target


def load_document(pdf: bytes, parent: QWidget | None = None):  # type: ignore[no-untyped-def]
    """A QPdfDocument over these bytes (Qt PDF must be available)."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    document.setProperty("_buffer", buffer)  # keep it alive as long as the document
    return document


def ask_printer(title: str, parent: QWidget | None = None):  # type: ignore[no-untyped-def]
    """The platform print dialog for ``title``: the chosen QPrinter, or None if cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    # "Print to File" suggests <document name>.pdf: a name from data must stay one safe name.
    printer.setDocName(safe_file_name(title, fallback="form"))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("pdf_output", "Print {title}").format(title=title))
    accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
    dialog.deleteLater()
    return printer if accepted else None


def pdf_path(path: str | Path) -> Path:
    """Where a PDF saved as ``path`` goes: ``.pdf`` added when the name has another ending."""
    target = Path(path)
    return target if target.suffix.lower() == ".pdf" else target.with_suffix(".pdf")


def open_in_viewer(pdf: bytes, *, title: str) -> str:
    """Without Qt PDF: open the PDF in the computer's own viewer, to print it from there."""
    folder = Path(tempfile.mkdtemp(prefix="supervisor_app-print-"))
    path = save_pdf(pdf, folder / safe_file_name(f"{title}.pdf", fallback="form"))
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return QCoreApplication.translate(
        "pdf_output", "Opened in your PDF viewer: print it from there ({path})."
    ).format(path=path)


class PrintJob:
    """One print run in two steps, so a print is recorded only once the printer has started and
    before any page reaches it: :meth:`start` (a DomainError when the printer cannot start:
    then nothing was sent), then :meth:`send` the pages, or :meth:`cancel`."""

    def __init__(self, printer, *, title: str) -> None:  # type: ignore[no-untyped-def]
        self.printer = printer
        self.title = title
        self.painter = QPainter()

    def start(self) -> None:
        self.printer.setDocName(self.title)
        if not self.painter.begin(self.printer):
            raise DomainError(
                QCoreApplication.translate(
                    "pdf_output",
                    "The printer could not be started, so nothing was printed. Check the printer and try again.",
                ),
                code="print.printer_not_started",
            )

    def cancel(self) -> None:
        """Nothing to print after all (the print could not be recorded): end the run unsent."""
        self.printer.abort()
        self.painter.end()

    def send(self, pdf: bytes) -> str:
        """Every page to the started printer; returns what happened, in words."""
        from PySide6.QtPrintSupport import QPrinter

        printer, painter = self.printer, self.painter
        document = load_document(pdf)
        try:
            pages = document.pageCount()
            for page in range(pages):
                if page:
                    printer.newPage()
                target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
                size = document.pagePointSize(page)
                scale = min(target.width() / size.width(), target.height() / size.height())
                image = document.render(page, QSize(int(size.width() * scale), int(size.height() * scale)))
                painter.drawImage(0, 0, image)
        finally:
            sent = painter.end()
            document.close()
        if not sent or printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
            raise DomainError(
                QCoreApplication.translate(
                    "pdf_output",
                    "The printer stopped before the whole form was sent. Check the printer and try again.",
                ),
                code="print.printer_stopped",
            )
        return QCoreApplication.translate("pdf_output", "Sent %n page(s) to the printer.", None, pages)
