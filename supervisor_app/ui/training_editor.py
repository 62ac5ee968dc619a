"""Record or change one training: dates, title, provider, delivery, hours per topic area and
the certificate (PDF or image, kept inside the database). Errors show beside their field;
nothing is saved until every field is right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.services import training
from supervisor_app.services.errors import DomainError
from supervisor_app.services.person_credentials import Person
from supervisor_app.ui.common import (
    FieldErrors,
    action_buttons,
    error_label,
    field_row,
    from_qdate,
    past_date_edit,
    to_qdate,
)
from supervisor_app.ui.context import AppContext


class TrainingEditor(QDialog):
    saved = Signal(str)  # the entry's id

    def __init__(
        self,
        ctx: AppContext,
        *,
        person: Person,
        areas: list[tuple[str, str]],
        entry: training.TrainingRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.person, self.entry = ctx, person, entry
        self.setObjectName("training_editor")
        title = self.tr("Change training") if entry else self.tr("New training")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.certificate: training.CertificateFile | None = None
        self.remove_certificate = False
        layout = QVBoxLayout(self)
        self.general_error = error_label(self)
        layout.addWidget(self.general_error)
        form = QFormLayout()
        layout.addLayout(form)
        labels: dict[str, QLabel] = {}
        self.date_from = past_date_edit(self, self.tr("First day"))
        self.date_to = past_date_edit(self, self.tr("Last day"))
        self.date_from.dateChanged.connect(self._on_from_changed)
        field_row(form, labels, self.tr("&From:"), "date_from", self.date_from)
        field_row(form, labels, self.tr("&To:"), "date_to", self.date_to)
        self.title = QLineEdit(self)
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setPlaceholderText(self.tr("As on the certificate"))
        field_row(form, labels, self.tr("T&itle:"), "title", self.title)
        self.provider = QLineEdit(self)
        self.provider.setAccessibleName(self.tr("Provider"))
        field_row(form, labels, self.tr("P&rovider:"), "provider", self.provider)
        self.delivery = QComboBox(self)
        self.delivery.setAccessibleName(self.tr("Delivery"))
        self.delivery.addItem(self.tr("In person"), "in-person")
        self.delivery.addItem(self.tr("Online"), "online")
        field_row(form, labels, self.tr("&Delivery:"), "delivery", self.delivery)

        box = QGroupBox(self.tr("Hours by topic area"), self)
        area_form = QFormLayout(box)
        self.hours: dict[str, QDoubleSpinBox] = {}
        for code, label in areas:
            spin = QDoubleSpinBox(box)
            spin.setObjectName(f"hours_{code}")
            spin.setDecimals(2)
            spin.setRange(0, 999)
            spin.setSingleStep(0.25)
            spin.setSuffix(self.tr(" h"))
            spin.setAccessibleName(self.tr("Hours of {area}").format(area=label))
            self.hours[code] = spin
            area_form.addRow(label + ":", spin)
        labels["areas"] = error_label(box)
        labels["areas"].setObjectName("error_areas")
        area_form.addRow(labels["areas"])
        layout.addWidget(box)

        cert_row = QHBoxLayout()
        self.certificate_name = QLabel(self.tr("No certificate attached"), self)
        self.certificate_name.setAccessibleName(self.tr("Certificate"))
        self.certificate_name.setWordWrap(True)
        cert_row.addWidget(self.certificate_name, 1)
        self.attach_button = QPushButton(self.tr("&Attach certificate…"), self)
        self.attach_button.setAccessibleName(self.tr("Attach the certificate (PDF or image, at most 5 MB)"))
        self.attach_button.clicked.connect(self._on_attach)
        cert_row.addWidget(self.attach_button)
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the certificate"))
        self.remove_button.clicked.connect(self._on_remove)
        cert_row.addWidget(self.remove_button)
        layout.addLayout(cert_row)
        labels["certificate"] = error_label(self)
        labels["certificate"].setObjectName("error_certificate")
        layout.addWidget(labels["certificate"])
        self.errors = FieldErrors(labels, fallback=self.general_error)
        buttons, self.save_button = action_buttons(self, self.tr("&Save"), self._on_save)
        layout.addWidget(buttons)
        if entry is not None:
            self.date_from.setDate(to_qdate(entry.date_from))
            self.date_to.setDate(to_qdate(entry.date_to))
            self.title.setText(entry.title)
            self.provider.setText(entry.provider)
            self.delivery.setCurrentIndex(max(0, self.delivery.findData(entry.delivery)))
            for code, minutes in entry.allocations.items():
                if code in self.hours:
                    self.hours[code].setValue(minutes / 60)
            if entry.certificate:
                self.certificate_name.setText(self.tr("Attached: {name}").format(name=entry.certificate))
        self.remove_button.setEnabled(bool(entry and entry.certificate))
        self.title.setFocus()
        self.resize(520, self.sizeHint().height())

    def _on_from_changed(self) -> None:
        if self.date_to.date() < self.date_from.date():
            self.date_to.setDate(self.date_from.date())

    def _on_attach(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach the certificate"),
            "",
            self.tr("Certificates (*.pdf *.png *.jpg *.jpeg);;All files (*)"),
        )
        if path:
            self.attach_file(path)

    def attach_file(self, path: str) -> None:
        """Take the certificate at ``path`` (checked now: size and type)."""
        try:
            self.certificate = training.read_certificate_file(path)
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.errors.clear()
        self.remove_certificate = False
        self.certificate_name.setText(self.tr("To attach: {name}").format(name=self.certificate.filename))
        self.remove_button.setEnabled(True)

    def _on_remove(self) -> None:
        self.certificate = None
        self.remove_certificate = bool(self.entry and self.entry.certificate)
        self.certificate_name.setText(self.tr("No certificate attached"))
        self.remove_button.setEnabled(False)

    def _values(self) -> dict[str, Any]:
        return {
            "date_from": from_qdate(self.date_from.date()),
            "date_to": from_qdate(self.date_to.date()),
            "title": self.title.text(),
            "provider": self.provider.text(),
            "delivery": self.delivery.currentData(),
            "allocations": {
                code: round(spin.value() * 60) for code, spin in self.hours.items() if spin.value()
            },
        }

    def _on_save(self) -> None:
        self.errors.clear()
        values = self._values()
        person, entry, certificate, remove = (
            self.person,
            self.entry,
            self.certificate,
            self.remove_certificate,
        )

        def work(uow: Any) -> str:
            if entry is None:
                return training.add_training(uow, person=person, certificate=certificate, **values)
            training.edit_training(uow, entry_id=entry.id, **values)
            if remove:
                training.remove_certificate(uow, entry_id=entry.id)
            if certificate is not None:
                training.attach_certificate(uow, entry_id=entry.id, certificate=certificate)
            return entry.id

        self.save_button.setEnabled(False)
        self.ctx.write(work, on_done=self._on_saved, on_error=self._on_failed)

    def _on_saved(self, entry_id: str) -> None:
        self.saved.emit(entry_id)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc)
