"""Record or change one training: dates, title, provider, delivery, hours per topic area and
the certificate (PDF or image, kept inside the database). Errors show beside their field;
nothing is saved until every field is right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QWidget,
)

from supervisor_app.services import training
from supervisor_app.services.person_credentials import Person
from supervisor_app.ui.attachment_row import AttachmentTexts, add_attachment
from supervisor_app.ui.common import (
    error_label,
    field_row,
    from_qdate,
    past_date_edit,
    to_qdate,
)
from supervisor_app.ui.context import AppContext
from supervisor_app.ui.form_dialog import FormDialog


class TrainingEditor(FormDialog):
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
        super().__init__(ctx, parent, name="training_editor")
        self.person, self.entry = person, entry
        layout, form, labels = self._open_form(
            self.tr("Change training") if entry else self.tr("New training")
        )
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

        self.attachment = add_attachment(
            self,
            layout,
            labels,
            "certificate",
            AttachmentTexts(
                none=self.tr("No certificate attached"),
                name=self.tr("Certificate"),
                attach=self.tr("&Attach certificate…"),
                attach_name=self.tr("Attach the certificate (PDF or image, at most 5 MB)"),
                remove=self.tr("Re&move"),
                remove_name=self.tr("Remove the certificate"),
                dialog_title=self.tr("Attach the certificate"),
                dialog_filter=self.tr("Certificates (*.pdf *.png *.jpg *.jpeg);;All files (*)"),
            ),
            read=training.read_certificate_file,
            stored=entry.certificate if entry is not None else None,
        )
        self.certificate_name = self.attachment.name
        self.attach_button, self.remove_button = self.attachment.attach_button, self.attachment.remove_button
        self._close_form(layout, self.tr("&Save"), self._on_save)
        if entry is not None:
            self.date_from.setDate(to_qdate(entry.date_from))
            self.date_to.setDate(to_qdate(entry.date_to))
            self.title.setText(entry.title)
            self.provider.setText(entry.provider)
            self.delivery.setCurrentIndex(max(0, self.delivery.findData(entry.delivery)))
            for code, minutes in entry.allocations.items():
                if code in self.hours:
                    self.hours[code].setValue(minutes / 60)
        self.title.setFocus()
        self.resize(520, self.sizeHint().height())

    def _on_from_changed(self) -> None:
        if self.date_to.date() < self.date_from.date():
            self.date_to.setDate(self.date_from.date())

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
            self.attachment.file,
            self.attachment.remove,
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

        self._write(work, self.saved)
