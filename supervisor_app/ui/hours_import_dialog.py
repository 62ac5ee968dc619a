"""Import an hours file (File ▸ Import records… with a supervisee's hours file): the file is
checked whole first, off the UI thread, and what it holds is shown (supervisee, records, hours,
who signed them and where). When someone here has the supervisee's name (or ICB id) under
another id, the supervisor says whether it is the same person (link) or someone new. A refused
file says why in words and nothing is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from supervisor_app.ui.context import AppContext
from supervisor_app.ui.hours_file_facts import FileFacts, ImportPreview
from supervisor_app.ui.import_steps import ImportStepsDialog, add_check_status, add_import_buttons
from supervisor_app.ui.qt_fixes import emit
from supervisor_app.ui.screen_fit import fit_to_screen
from supervisor_app.units import hours as hours_text

NEW_PERSON = 0  # a button id (supervisee ids start at 1; -1 means none checked)


class HoursImportDialog(ImportStepsDialog):
    imported = Signal(str)  # what was imported, in words

    def __init__(self, ctx: AppContext, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(ctx, path, parent, name="hours_import_dialog")
        self.preview: ImportPreview | None = None
        layout = self._open(
            self.tr("Import the hours file {name}").format(name=self.path.name),
            self.tr("Import an hours file"),
            self.tr(
                "An hours file holds one supervisee's signed records, with the signatures of the "
                "supervisors who signed them. It is checked whole first; nothing is saved until you "
                "choose Import. The records arrive signed and stay read-only here."
            ),
        )
        self.status, self.busy = add_check_status(self, layout, self.path)

        self.contents = QGroupBox(self.tr("What the file holds"), self)
        form = QFormLayout(self.contents)
        self.fields: dict[str, QLabel] = {}
        for key, caption in (
            ("supervisee", self.tr("Supervisee")),
            ("records", self.tr("Records")),
            ("hours", self.tr("Hours that count")),
            ("signed_by", self.tr("Signed by")),
            ("where", self.tr("Where they were signed")),
            ("supervisors", self.tr("Supervisors named")),
        ):
            value = QLabel(self.contents)
            value.setWordWrap(True)
            value.setAccessibleName(caption)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(QLabel(caption + ":", self.contents), value)
            self.fields[key] = value
        self.contents.setVisible(False)
        layout.addWidget(self.contents)

        self.person_box = QGroupBox(self.tr("Is this someone already here?"), self)
        self.person_layout = QVBoxLayout(self.person_box)
        self.person_note = QLabel(self.person_box)
        self.person_note.setWordWrap(True)
        self.person_layout.addWidget(self.person_note)
        self.choice = QButtonGroup(self)
        self.choice.idToggled.connect(lambda *_: self._update_import_button())
        self.person_box.setVisible(False)
        layout.addWidget(self.person_box)
        layout.addStretch(1)

        self.import_button, self.close_button = add_import_buttons(self, layout, self.import_now)
        self.resize(640, 480)
        fit_to_screen(self)  # a laptop at 125-150%: never bigger than the screen

    # Checking --------------------------------------------------------------------------------
    def check(self) -> None:
        """Read and check the file off the UI thread; what it holds comes back in :meth:`_on_checked`."""
        from supervisor_app.ui.hours_file_facts import preview

        path = self.path
        self._set_busy(True)
        self.ctx.read(lambda uow: preview(uow, path), on_done=self._on_checked, on_error=self._on_refused)

    def _on_checked(self, found: ImportPreview) -> None:
        self._set_busy(False)
        self.preview = found
        self._show_facts(found.facts)
        self.status.setText(
            self.tr("{name} checks: every record is as its supervisor signed it.").format(name=self.path.name)
        )
        self.status.setStyleSheet("font-weight:600;")
        self._show_person(found)
        if found.facts.records == 0:
            self.status.setText(
                self.tr("{name} holds no signed records: nothing to import.").format(name=self.path.name)
            )
            self.person_box.setVisible(False)
        self._update_import_button()
        if self.import_button.isEnabled():
            self.import_button.setDefault(True)
            self.import_button.setFocus()

    def _show_facts(self, facts: FileFacts) -> None:
        who = facts.supervisee + f" ({facts.credential}"
        who += self.tr(", ICB id {icb})").format(icb=facts.icb_id) if facts.icb_id else ")"
        records = self.tr("%n signed record(s)", "", facts.records)
        if facts.voids:
            records += self.tr(", %n voided", "", facts.voids)
        if facts.records != facts.counted:
            records += self.tr(
                "; %n replaced or voided record(s) not counted", "", facts.records - facts.counted
            )
        self.fields["supervisee"].setText(who)
        self.fields["records"].setText(records)
        self.fields["hours"].setText(
            self.tr("{s} h of supervision, {e} h of experience").format(
                s=hours_text(facts.supervision_minutes), e=hours_text(facts.experience_minutes)
            )
        )
        self.fields["signed_by"].setText(", ".join(facts.signers) or self.tr("nobody (no records)"))
        self.fields["where"].setText(
            ", ".join(p or self.tr("an agency that gave no name") for p in facts.places) or "–"
        )
        self.fields["supervisors"].setText(", ".join(facts.supervisors) or "–")
        self.contents.setVisible(True)

    def _show_person(self, found: ImportPreview) -> None:
        name = found.facts.supervisee
        if found.here is not None:
            self.person_note.setText(
                self.tr(
                    "{name} is already here (id {id}). Records already here are left as they are; "
                    "new ones are added."
                ).format(name=found.here[1], id=found.here[0])
            )
            self.person_box.setTitle(self.tr("Supervisee"))
            self.person_box.setVisible(True)
            return
        if not found.candidates:
            self.person_note.setText(
                self.tr("{name} is not here yet and is added as a new supervisee.").format(name=name)
            )
            self.person_box.setTitle(self.tr("Supervisee"))
            self.person_box.setVisible(True)
            return
        icb_match = any(c.same_icb_id for c in found.candidates)
        self.person_note.setText(
            self.tr(
                "Someone here has the same name or ICB id as {name}, under another id. If it is the same "
                "person, link the file to them: their records here and the file's add up. Otherwise add "
                "{name} as a new person."
            ).format(name=name)
        )
        for candidate in found.candidates:
            details = self.tr("id {id}").format(id=candidate.id)
            if candidate.icb_id:
                details += self.tr(", ICB id {icb}").format(icb=candidate.icb_id)
            button = QRadioButton(
                self.tr("The same person: link to {name} ({details})").format(
                    name=candidate.name, details=details
                ),
                self.person_box,
            )
            self.choice.addButton(button, candidate.id)
            self.person_layout.addWidget(button)
        new = QRadioButton(
            self.tr("Someone else: add {name} as a new person").format(name=name), self.person_box
        )
        self.choice.addButton(new, NEW_PERSON)
        self.person_layout.addWidget(new)
        if icb_match:
            new.setEnabled(False)
            new.setToolTip(
                self.tr("The ICB id is already someone's here: the file can only be linked to them.")
            )
            new.setText(new.text() + self.tr(" (not possible: the ICB id is already someone's here)"))
        self.person_box.setVisible(True)

    def _on_refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._finished()
        error = str(exc) or type(exc).__name__
        if "nothing was imported" not in error:  # the file's refusals say so themselves
            error = self.tr("Nothing was imported: {error}").format(error=error)
        self.status.setText(error)
        self.status.setStyleSheet("color:#a40000;font-weight:600;")
        self.status.setAccessibleDescription(self.status.text())

    def _chosen(self) -> int | None:
        """The supervisee here to link to (None: add or already here); raises nothing."""
        chosen = self.choice.checkedId()
        return chosen if chosen > 0 else None

    def _update_import_button(self) -> None:
        found = self.preview
        ready = (
            found is not None
            and found.facts.records > 0
            and not self.done_importing
            and not self.ctx.read_only
            and (not found.candidates or found.here is not None or self.choice.checkedButton() is not None)
        )
        self.import_button.setEnabled(ready)
        if found is not None:
            self.import_button.setText(self.tr("&Import %n record(s)", "", found.facts.records))

    # Importing -------------------------------------------------------------------------------
    def import_now(self) -> None:
        if not self.import_button.isEnabled():
            return
        from supervisor_app.usecases.hours_files import import_hours_file

        path, link = self.path, self._chosen()
        self._set_busy(True)
        self.status.setText(self.tr("Importing…"))
        self.ctx.write(
            lambda uow: import_hours_file(uow, path, link_supervisee_id=link),
            on_done=self._on_imported,
            on_error=self._on_refused,
        )

    def _on_imported(self, summary: Any) -> None:
        self._set_busy(False)
        self.done_importing = True
        self._finished()
        lines = [
            self.tr("Imported %n signed record(s) for {name}.", "", summary.added).format(
                name=summary.supervisee_name
            )
        ]
        if summary.already:
            lines.append(self.tr("%n record(s) already here left as they are.", "", summary.already))
        if summary.supervisee_added:
            lines.append(
                self.tr("{name} was added as a new supervisee.").format(name=summary.supervisee_name)
            )
        if summary.linked:
            lines.append(
                self.tr("The file was linked to {name}, as you chose.").format(name=summary.supervisee_name)
            )
        if summary.supervisors_added:
            lines.append(
                self.tr("Added (they signed elsewhere and cannot sign in here): {names}.").format(
                    names=", ".join(summary.supervisors_added)
                )
            )
        text = " ".join(lines)
        self.status.setText(text)
        self.status.setStyleSheet("color:#1e6b1e;font-weight:600;")
        self.status.setAccessibleDescription(text)
        emit(self.imported, text)
