"""Texts of the screens that lupdate could not see while they were built inside f-strings or
through a module's ``_tr(text)`` helper: now each is a literal ``tr``/``translate`` call, so it is
in the catalogue and shows in Spanish once a Spanish translator is installed."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from supervisor_app.services import attestation, records
from supervisor_app.services.profile_registry import ProfileRegistry
from supervisor_app.ui.print_summary import verification_html
from supervisor_app.ui.profile_view import ProfileView
from supervisor_app.ui.record_table import experience_columns, session_columns
from supervisor_app.usecases import signing
from tests.conftest import PASSWORD, TODAY, session_fields

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
SPANISH = TRANSLATIONS / "supervisor_app_es.ts"


@pytest.fixture
def spanish(qapp, tmp_path: Path) -> Iterator[None]:  # type: ignore[no-untyped-def]
    compiled = tmp_path / "es.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(SPANISH), "-qm", str(compiled)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_the_record_tables_headers_read_in_spanish(spanish) -> None:  # type: ignore[no-untyped-def]
    sessions = [column.title for column in session_columns()]
    assert sessions[:5] == ["Fecha", "Inicio", "Duración", "Formato", "Modalidad"]
    assert "Asistentes" in sessions and "Registro" in sessions
    entries = [column.title for column in experience_columns()]
    assert entries[:3] == ["Desde", "Hasta", "Duración"]


def test_the_profile_views_headings_read_in_spanish(spanish, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = ProfileView()
    qtbot.addWidget(view)
    view.show_profile(ProfileRegistry.load().get("CRSS"))
    text = view.toPlainText()
    for words in (
        "Dominios de desempeño",
        "Regla",
        "Valor",
        "Fuentes",
        "Para cambiar una regla para su agencia",
    ):
        assert words in text
    assert "Performance domains" not in text


def test_the_forms_summary_reads_in_spanish(spanish, world) -> None:  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        fields = session_fields(world, supervisee_ids=[world.ana], date=TODAY - dt.timedelta(days=7))
        record_id = records.add_session(uow, **fields).id
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=[record_id])
    with world.uow() as uow:
        data = attestation.prepare_verification(uow, supervisee_id=world.ana, supervisor_id=world.dana)
    html = verification_html(data, "")
    for words in (
        "<th>Dominio</th>",
        "<th>Grupal</th>",
        "se asigna al imprimir",
        "Huella digital de los registros",
    ):
        assert words in html
    assert "Record fingerprint" not in html


def test_without_a_spanish_translator_the_screens_stay_english(qapp) -> None:  # type: ignore[no-untyped-def]
    assert [column.title for column in session_columns()][:2] == ["Date", "Start"]
