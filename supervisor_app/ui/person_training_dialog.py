"""A supervisor's own training and credentials (their CEUs and renewals), in a window."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from supervisor_app.services.person_credentials import Person
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.training_panel import TrainingPanel


class PersonTrainingDialog(QDialog):
    def __init__(
        self, ctx: AppContext, *, supervisor_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("person_training_dialog")
        title = self.tr("Training and credentials: {name}").format(name=name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        self.panel = TrainingPanel(ctx, self)
        layout.addWidget(self.panel, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        layout.addWidget(buttons)
        self.panel.show_person(Person(supervisor_id=supervisor_id))
        self.resize(980, 640)
