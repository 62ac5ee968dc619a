"""Text that a person reads outside a widget's own ``self.tr``: the audit trail's words, the
status words, the date field's messages, the import dialogs' shared row, the "create a new
database?" question. lupdate finds each under the context it is looked up in, and words kept in
module-level tables are translated when shown, so a translation installed after import applies."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from supervisor_app.services import records
from supervisor_app.ui import audit_page, date_field
from supervisor_app.ui.common import status_text
from supervisor_app.ui.pages import Page
from tests.conftest import TODAY, session_fields, snapshot
from tests.ui.helpers import go_to

TOOLS = Path(sys.executable).parent
UI = Path("supervisor_app/ui")
MODULES = [
    "first_run_dialog",
    "audit_page",
    "common",
    "date_field",
    "backup_table_model",
    "import_steps",
    "database_opener",
]

SPANISH = {
    "AuditPage": {"Created": "Creado", "Kind": "Tipo", "Length": "Duración", "Action": "Acción"},
    "common": {"Pending": "Pendiente", "Session": "Sesión"},
    "FirstRunDialog": {"Agency name": "Nombre de la agencia", "Supervisor name": "Nombre del supervisor"},
    "date_field": {"There is no month {month}. {example}": "No existe el mes {month}. {example}"},
}


def _lupdate(tmp_path: Path) -> set[tuple[str, str]]:
    ts = tmp_path / "found.ts"
    sources = [str(UI / f"{name}.py") for name in MODULES]
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), *sources, "-locations", "none", "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    }


def test_lupdate_finds_the_text_under_the_context_it_is_looked_up_in(tmp_path) -> None:
    found = _lupdate(tmp_path)
    assert not {source for context, source in found if not context}, "a message without a context"
    for expected in [
        ("AuditPage", "Created"),
        ("AuditPage", "Reason"),
        ("AuditPage", "the session of {date}"),
        ("common", "Pending"),
        ("common", "The disk is full, so nothing was saved. Free some space and try again."),
        ("date_field", "{date} is too early."),
        ("BackupTableModel", "By hand"),
        ("ImportStepsDialog", "Checking {name}…"),
        ("DatabaseOpener", "Create a new database?"),
        ("DatabaseOpener", "&Create"),
        ("FirstRunDialog", "Supervisor name"),
    ]:
        assert expected in found, expected


def _spanish(tmp_path: Path) -> QTranslator:
    root = ET.Element("TS", version="2.1", language="es_US")
    for name, pairs in SPANISH.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source, text in pairs.items():
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation").text = text
    ts, qm = tmp_path / "es.ts", tmp_path / "es.qm"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, "unicode"))
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator


def test_words_from_tables_read_in_the_installed_language(qtbot, world, make_window, tmp_path) -> None:
    day = TODAY - dt.timedelta(days=3)
    with world.uow("supervisor:1") as uow:
        records.add_session(uow, **session_fields(world, date=day))
        uow.commit()
    assert audit_page.ACTION_WORDS  # imported, its tables built, before the translation is installed
    translator = _spanish(tmp_path)
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        assert status_text("pending") == "Pendiente"
        assert date_field.read_date("13/01/2026", TODAY, final=True)[1].startswith("No existe el mes 13. ")
        window = make_window(world.db, supervisor_id=world.dana)
        go_to(qtbot, window, Page.AUDIT)
        page = window.audit
        assert "Creado" in [page.action.itemText(i) for i in range(page.action.count())]
        action = next(c for c, col in enumerate(page.model.columns) if col.title == "Acción")
        created = next(
            r for r in range(page.model.rowCount()) if page.model.index(r, action).data() == "Creado"
        )
        column = next(c for c, col in enumerate(page.model.columns) if col.title == "Details")
        details = page.model.index(created, column).data()
        assert details.startswith("Tipo: Sesión; ") and "Duración: 1.00 h" in details
    finally:
        app.removeTranslator(translator)
    assert status_text("pending") == "Pending"


def test_the_first_run_screen_names_its_fields_in_the_installed_language(
    db, make_controller, qtbot, tmp_path
) -> None:
    translator = _spanish(tmp_path)
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        controller = make_controller(db)
        controller.start()
        dialog = controller.dialog
        qtbot.waitExposed(dialog)
        before = snapshot(db)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)  # nothing typed
        assert "Nombre de la agencia" in dialog.error_text("agency")
        assert "Nombre del supervisor" in dialog.error_text("name")
        assert snapshot(db) == before
        dialog.done(0)
    finally:
        app.removeTranslator(translator)
