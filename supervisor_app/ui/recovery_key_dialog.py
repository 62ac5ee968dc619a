"""A recovery key, shown once: when an account gets its first password, and after a key is used
or replaced. Only its hash is kept, so this is the one time anybody sees it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class RecoveryKeyDialog(QDialog):
    def __init__(self, name: str, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_key_dialog")
        self.setWindowTitle(self.tr("Recovery key for {name}").format(name=name))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<p><b>Write this key down now</b> and keep it away from this computer (in your wallet, "
                "or with the agency's papers).</p>"
                "<p>If {name} forgets their password, this key sets a new one (on the sign-in screen: "
                "<i>Forgot password?</i>). It is shown only this once; a new key can be made in "
                "Settings.</p>"
            ).format(name=name),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(intro)
        self.key = QLineEdit(key, self)
        self.key.setObjectName("recovery_key")
        self.key.setReadOnly(True)
        self.key.setAccessibleName(self.tr("Recovery key"))
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.4 if font.pointSizeF() > 0 else 14)
        self.key.setFont(font)
        self.key.setMinimumWidth(self.key.fontMetrics().horizontalAdvance(key) + 24)
        layout.addWidget(self.key)
        buttons = QDialogButtonBox(self)
        self.done_button = buttons.addButton(
            self.tr("I have &written it down"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.done_button.setAccessibleName(self.tr("I have written it down"))
        self.done_button.setDefault(True)
        self.done_button.clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.key.selectAll()
        self.key.setFocus()


_OPEN: set[RecoveryKeyDialog] = set()


def show_recovery_key(parent: QWidget | None, name: str, key: str | None) -> RecoveryKeyDialog | None:
    """Open the key's dialog (nothing for no key); returned for tests. A dialog with no parent
    is kept until it is closed."""
    if not key:
        return None
    dialog = RecoveryKeyDialog(name, key, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:
        _OPEN.add(dialog)
        dialog.finished.connect(lambda _result: _OPEN.discard(dialog))
    else:
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog
