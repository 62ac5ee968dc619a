"""A file attached to the record an editor is changing (a training certificate, a job
description): its name, *Attach…* and *Remove*. The file is read and checked (size, type)
the moment it is chosen; the editor saves :attr:`AttachmentRow.file` and
:attr:`AttachmentRow.remove` with the record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QBoxLayout, QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from supervisor_app.services.errors import DomainError
from supervisor_app.ui.common import error_label


@dataclass(frozen=True)
class AttachmentTexts:
    """What the row says, translated by the editor that shows it."""

    none: str  # "No certificate attached"
    name: str  # the label's accessible name
    attach: str  # the Attach button
    attach_name: str
    remove: str  # the Remove button
    remove_name: str
    dialog_title: str
    dialog_filter: str


class AttachmentRow(QHBoxLayout):
    def __init__(
        self,
        parent: QWidget,
        texts: AttachmentTexts,
        *,
        read: Callable[[str], Any],
        errors: Any,
        stored: str | None,
    ) -> None:
        """``read(path)`` reads and checks a chosen file (raising DomainError); ``errors``
        shows its refusal (the editor's FieldErrors); ``stored`` is the file name already
        attached to the record, if any."""
        super().__init__()
        self._parent, self._texts, self._read, self._errors = parent, texts, read, errors
        self._stored = stored
        self.file: Any = None  # to attach when the record is saved
        self.remove = False  # the stored file goes when the record is saved
        self.name = QLabel(texts.none, parent)
        self.name.setAccessibleName(texts.name)
        self.name.setWordWrap(True)
        self.addWidget(self.name, 1)
        self.attach_button = QPushButton(texts.attach, parent)
        self.attach_button.setAccessibleName(texts.attach_name)
        self.attach_button.clicked.connect(self._on_attach)
        self.addWidget(self.attach_button)
        self.remove_button = QPushButton(texts.remove, parent)
        self.remove_button.setAccessibleName(texts.remove_name)
        self.remove_button.clicked.connect(self._on_remove)
        self.addWidget(self.remove_button)
        if stored:
            self.name.setText(self.tr("Attached: {name}").format(name=stored))
        self.remove_button.setEnabled(bool(stored))

    def _on_attach(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent, self._texts.dialog_title, "", self._texts.dialog_filter
        )
        if path:
            self.attach_file(path)

    def attach_file(self, path: str) -> None:
        """Take the file at ``path`` (checked now: size and type)."""
        try:
            self.file = self._read(path)
        except DomainError as exc:
            self._errors.show(exc)
            return
        self._errors.clear()
        self.remove = False
        self.name.setText(self.tr("To attach: {name}").format(name=self.file.filename))
        self.remove_button.setEnabled(True)

    def _on_remove(self) -> None:
        self.file = None
        self.remove = bool(self._stored)
        self.name.setText(self._texts.none)
        self.remove_button.setEnabled(False)


def add_attachment(
    editor: Any,
    layout: QBoxLayout,
    labels: dict[str, QLabel],
    field: str,
    texts: AttachmentTexts,
    *,
    read: Callable[[str], Any],
    stored: str | None,
) -> AttachmentRow:
    """The attachment row at the foot of the ``editor``'s ``layout``, with the error label for
    ``field`` (``error_<field>``, kept in ``labels``) under it, shown by the editor's errors."""
    labels[field] = error_label(editor)
    labels[field].setObjectName(f"error_{field}")
    layout.addWidget(labels[field])
    row = AttachmentRow(editor, texts, read=read, errors=editor.errors, stored=stored)
    layout.insertLayout(layout.indexOf(labels[field]), row)
    return row
