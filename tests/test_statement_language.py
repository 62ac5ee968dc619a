"""The progress statement in its supervisee's language, the board's form always in English
(issue 21): the words, dates and hours of the statement follow the supervisee's language (or
the app's), its fingerprint and verification data do not change; the form reads the same
whatever the app's language."""

from __future__ import annotations

import datetime as dt
import io
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from supervisor_app import i18n
from supervisor_app.labels import DOMAIN_NAMES, domain_label
from supervisor_app.reports import statement as statement_report
from supervisor_app.resources import resource_path
from supervisor_app.services import records
from supervisor_app.services.supervisee_edits import update_supervisee
from supervisor_app.usecases import printing, signing
from tests.conftest import PASSWORD, TODAY, World, session_fields


@pytest.fixture
def app_language() -> Iterator[None]:
    """Whatever a test sets as the app's language is English again afterwards."""
    yield
    i18n.set_language("en")


def _signed(world: World) -> None:
    with world.uow() as uow:
        ids = [
            records.add_session(uow, **session_fields(world, date=TODAY - dt.timedelta(days=7 * (n + 1)))).id
            for n in range(2)
        ]
        uow.commit()
        signing.sign(uow, supervisor_id=world.dana, password=PASSWORD, record_ids=ids)


def _set_language(world: World, language: str | None) -> None:
    with world.uow() as uow:
        update_supervisee(
            uow,
            supervisee_id=world.ana,
            name="Ana Example",
            credential="CRSS",
            icb_id="A-0",
            start_date=TODAY - dt.timedelta(days=500),
            language=language,
        )
        uow.commit()


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def _statement(world: World):  # type: ignore[no-untyped-def]
    with world.uow() as uow:
        return printing.build_statement(uow, supervisee_id=world.ana, app_version="t", today=TODAY)


def _spanish_only_words() -> set[str]:
    """Words of the Spanish catalogue that no English message uses (accented, or not English)."""
    from babel.messages.pofile import read_po

    with i18n.catalogue_source("es").open("rb") as f:
        catalog = read_po(f)
    english: set[str] = set()
    spanish: set[str] = set()
    word = re.compile(r"[^\W\d_]{4,}")
    for message in catalog:
        if not message.id:
            continue
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            english.update(w.lower() for w in word.findall(text))
        for text in message.string if isinstance(message.string, tuple) else (message.string,):
            spanish.update(w.lower() for w in word.findall(text))
    loanwords = {"hashes"}  # English technical words the Spanish keeps ("hashes de contenido")
    return spanish - english - loanwords


def test_a_spanish_supervisees_statement_is_in_spanish_with_the_same_fingerprint(world: World) -> None:
    _signed(world)
    english_data, english_pdf = _statement(world)
    _set_language(world, "es")
    data, pdf = _statement(world)
    text = _text(pdf)
    assert "INFORME DE PROGRESO" in text and "SUPERVISIÓN" in text
    assert "Advocacy (Defensa)" in text  # the board's domain name, then the Spanish
    with i18n.using("es"):
        today = i18n.format_date(TODAY)
    assert today != i18n.format_date(TODAY)  # the Spanish date is written otherwise
    assert today in text
    assert "Página 1 de" in text and "Generado el" in text
    # The verification data are printed as they are, whatever the language.
    assert (data.fingerprint, data.signature_count) == (
        english_data.fingerprint,
        english_data.signature_count,
    )
    groups = " ".join(data.fingerprint[i : i + 4] for i in range(0, len(data.fingerprint), 4))
    assert groups in text.replace("\n", " ") and groups in _text(english_pdf).replace("\n", " ")
    assert "PROGRESS STATEMENT" in _text(english_pdf) and "INFORME" not in _text(english_pdf)
    assert i18n.current() == "en"  # the window's language is untouched


def test_a_statement_without_a_language_follows_the_app(world: World, app_language: None) -> None:
    _signed(world)
    i18n.set_language("es")
    _data, pdf = _statement(world)
    assert "INFORME DE PROGRESO" in _text(pdf)
    _set_language(world, "en")  # an English supervisee's, in a Spanish app
    _data, pdf = _statement(world)
    assert "PROGRESS STATEMENT" in _text(pdf) and "INFORME" not in _text(pdf)


def test_the_board_form_is_english_whatever_the_apps_language(
    world: World, tmp_path: Path, app_language: None
) -> None:
    _signed(world)
    _set_language(world, "es")  # the supervisee's language does not matter either
    i18n.set_language("es")
    with world.uow("Dana Whitaker") as uow:
        built = printing.build_form(uow, printing.FormRequest(world.ana, world.dana), app_version="t")
        printed = printing.print_form(
            uow,
            printing.FormRequest(world.ana, world.dana),
            printed_by="Dana Whitaker",
            app_version="t",
            out=tmp_path / "form.pdf",
            built=built,
        )
    text = _text(printed.pdf)
    assert "Page 1 of" in text and "Advocacy" in text
    words = {w.lower() for w in re.findall(r"[^\W\d_]{4,}", text)}
    spanish = _spanish_only_words()
    assert len(spanish) > 50  # the check means something
    assert words & spanish == set()
    assert i18n.current() == "es"


def test_every_statement_text_of_the_template_is_marked_for_translation() -> None:
    data = tomllib.loads(resource_path("templates", "attestation.toml").read_text(encoding="utf-8"))
    texts = set(data["statement"].values())
    for profile in data["profiles"].values():
        texts |= set(profile.get("statement", {}).values())
    texts |= {data["footer"][key] for key in ("page", "generated", "statement", "fingerprint")}
    assert texts == set(statement_report.TEMPLATE_TEXTS)


def test_every_domain_of_the_shipped_profiles_has_a_label_to_translate() -> None:
    labels = set()
    for path in resource_path("credentials").glob("*.toml"):
        labels |= {d["label"] for d in tomllib.loads(path.read_text(encoding="utf-8"))["domains"]}
    assert labels <= set(DOMAIN_NAMES)
    assert domain_label("Advocacy") == "Advocacy"
    with i18n.using("es"):
        assert domain_label("Advocacy") == "Advocacy (Defensa)"
        assert domain_label("A domain an agency added") == "A domain an agency added"


def test_a_refused_form_in_a_spanish_app_is_refused_the_same_and_changes_nothing(
    world: World, tmp_path: Path, app_language: None
) -> None:
    from supervisor_app.services.errors import DomainError
    from tests.conftest import snapshot

    with world.uow() as uow:
        records.add_session(uow, **session_fields(world))  # pending: the form refuses it
        uow.commit()
    before = snapshot(world.db)
    with world.uow("Dana Whitaker") as uow, pytest.raises(DomainError) as english:
        printing.print_form(
            uow,
            printing.FormRequest(world.ana, world.dana),
            printed_by="Dana Whitaker",
            app_version="t",
            out=tmp_path / "form.pdf",
        )
    i18n.set_language("es")
    with world.uow("Dana Whitaker") as uow, pytest.raises(DomainError) as spanish:
        printing.print_form(
            uow,
            printing.FormRequest(world.ana, world.dana),
            printed_by="Dana Whitaker",
            app_version="t",
            out=tmp_path / "form.pdf",
        )
    assert spanish.value.code == english.value.code and spanish.value.params == english.value.params
    assert i18n.current() == "es"
    assert snapshot(world.db) == before and not (tmp_path / "form.pdf").exists()
