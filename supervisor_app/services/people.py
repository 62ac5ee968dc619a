"""Agencies, supervisors and supervisees."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from supervisor_app import clock
from supervisor_app.db import UnitOfWork
from supervisor_app.i18n import _
from supervisor_app.models import Agency, Supervisee, Supervisor
from supervisor_app.services import audit, keys
from supervisor_app.services.auth import hash_password
from supervisor_app.services.errors import DomainError
from supervisor_app.services.profiles import split_kinds
from supervisor_app.services.roster import no_supervisee
from supervisor_app.services.validation import clean_text, int_id, parse_date


def get_or_create_agency(uow: UnitOfWork, *, name: str, address: str = "", phone: str = "") -> Agency:
    values = _agency_values(name=name, address=address, phone=phone)
    agency = uow.session.scalar(select(Agency).where(Agency.name == values["name"]))
    if agency is None:
        agency = Agency(**values)
        uow.session.add(agency)
        uow.flush()
        audit.log(uow, audit.AuditAction.CREATE, details={"agency": agency.id, "name": agency.name})
    return agency


def _agency_values(*, name: str, address: str, phone: str) -> dict[str, str]:
    """An agency's details, checked in the order a form shows them: printed on every
    attestation form."""
    values = {
        "name": clean_text(name, field="agency", label=_("Agency name"), required=True),
        "address": clean_text(address, field="address", label=_("Agency address"), max_length=400),
        "phone": clean_text(phone, field="phone", label=_("Agency phone"), max_length=40),
    }
    if values["phone"] and sum(char.isdigit() for char in values["phone"]) < 7:
        raise DomainError(
            _(
                "Agency phone {phone!r} has too few digits for a phone number; write it as on a "
                "letterhead, e.g. (217) 555-0100."
            ).format(phone=values["phone"]),
            field="phone",
            code="agency.phone_too_short",
        )
    return values


def _supervisor_kinds(text: str) -> str:
    """'lsw,  CCS' -> 'lsw, CCS': the kinds an agency adds, each a credential's name (as a
    credential is recorded: at most 40 characters)."""
    text = clean_text(
        text, field="supervisor_kinds", label=_("Credentials that also qualify"), max_length=400
    )
    kinds = split_kinds(text)
    for kind in kinds:
        if len(kind) > 40:
            raise DomainError(
                _(
                    "{kind!r}… is longer than a credential's name (40 characters); separate kinds with commas."
                ).format(kind=kind[:40]),
                field="supervisor_kinds",
                code="agency.kind_too_long",
                params={"kind": kind},
            )
    return ", ".join(kinds)


def get_agency(uow: UnitOfWork, agency_id: int | str) -> Agency:
    agency = uow.session.get(Agency, int_id(agency_id, field="agency", label=_("Agency")))
    if agency is None:
        raise DomainError(
            _("There is no agency with id {id}.").format(id=agency_id),
            field="agency",
            code="agency.unknown",
            params={"id": agency_id},
        )
    return agency


def agency_for(uow: UnitOfWork, *, supervisor_id: int | None = None) -> Agency | None:
    """The agency a supervisor works for; without one, the first agency recorded (if any)."""
    supervisor = uow.session.get(Supervisor, supervisor_id) if supervisor_id is not None else None
    if supervisor is not None and supervisor.agency is not None:
        return supervisor.agency
    return uow.session.scalar(select(Agency).order_by(Agency.id).limit(1))


def update_agency(
    uow: UnitOfWork,
    *,
    agency_id: int | str,
    name: str,
    address: str,
    phone: str,
    supervisor_kinds: str | None = None,
) -> Agency:
    """Change the agency's name, address and phone (printed on the forms from now on; forms
    already printed keep what they say), and (unless None) the kinds of credential it adds to
    those that qualify a supervisor. Logged with the values before and after."""
    agency = get_agency(uow, agency_id)
    values = _agency_values(name=name, address=address, phone=phone)
    if supervisor_kinds is not None:
        values["supervisor_kinds"] = _supervisor_kinds(supervisor_kinds)
    other = uow.session.scalar(
        select(Agency).where(func.lower(Agency.name) == values["name"].lower(), Agency.id != agency.id)
    )
    if other is not None:
        raise DomainError(
            _("Another agency here is already called {other!r} (id {id}); choose another name.").format(
                other=other.name, id=other.id
            ),
            field="agency",
            code="agency.name_taken",
            params={"other": other.name},
        )
    changed = audit.changes({key: getattr(agency, key) for key in values}, values)
    if changed:
        for key, value in values.items():
            setattr(agency, key, value)
        uow.flush()
        audit.log(uow, audit.AuditAction.EDIT, details={"agency": agency.id, **changed})
    return agency


def add_supervisor(
    uow: UnitOfWork,
    *,
    agency: str | None = None,
    password: str | None = None,
    **details: Any,
) -> Supervisor:
    """Add a supervisor with the ``details`` :func:`supervisor_details` takes (``name`` and
    ``credentials`` at least); the password, if given, is stored only as an argon2id hash."""
    agency_row = get_or_create_agency(uow, name=agency) if agency else _only_agency(uow)
    supervisor = Supervisor(
        **supervisor_details(**details),
        agency_id=agency_row.id if agency_row else None,
        password_hash=hash_password(password) if password is not None else None,
    )
    uow.session.add(supervisor)
    uow.flush()
    audit.log(
        uow,
        audit.AuditAction.CREATE,
        details={"supervisor": supervisor.id, "name": supervisor.name},
    )
    if password is not None:
        keys.create_key(uow, supervisor, password)
    return supervisor


def supervisor_details(
    *,
    name: str,
    credentials: str,
    title: str = "",
    icb_number: str = "",
    license_type: str = "",
    license_number: str = "",
    email: str = "",
    phone: str = "",
    certification_expires: str | dt.date | None = None,
    license_expires: str | dt.date | None = None,
) -> dict[str, object]:
    """A supervisor's details, checked and cleaned (for adding and for editing)."""
    email = clean_text(email, field="email", label=_("Email"))
    if email and ("@" not in email or " " in email):
        raise DomainError(
            _("{email!r} does not look like an email address.").format(email=email),
            field="email",
            code="person.bad_email",
            params={"email": email},
        )
    return {
        "name": clean_text(name, field="name", label=_("Supervisor name"), required=True),
        "credentials": clean_text(credentials, field="credentials", label=_("Credentials"), required=True),
        "title": clean_text(title, field="title", label=_("Title")),
        "icb_number": clean_text(
            icb_number, field="icb_number", label=_("ICB certification number"), max_length=60
        ),
        "license_type": clean_text(
            license_type, field="license_type", label=_("License type"), max_length=60
        ),
        "license_number": clean_text(
            license_number, field="license_number", label=_("License number"), max_length=60
        ),
        "email": email,
        "phone": clean_text(phone, field="phone", label=_("Phone"), max_length=40),
        "certification_expires": _optional_date(
            certification_expires, field="certification_expires", label=_("Certification expiry")
        ),
        "license_expires": _optional_date(
            license_expires, field="license_expires", label=_("License expiry")
        ),
    }


def _optional_date(value: str | dt.date | None, *, field: str, label: str) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value, field=field, label=label)


def _only_agency(uow: UnitOfWork) -> Agency | None:
    """With a single agency in the database, new people belong to it by default."""
    agencies = uow.session.scalars(select(Agency).limit(2)).all()
    return agencies[0] if len(agencies) == 1 else None


def get_supervisor(uow: UnitOfWork, supervisor_id: int | str, *, field: str = "supervisor") -> Supervisor:
    supervisor = uow.session.get(Supervisor, int_id(supervisor_id, field=field, label=_("Supervisor")))
    if supervisor is None:
        raise DomainError(
            _("There is no supervisor with id {id}.").format(id=supervisor_id),
            field=field,
            code="supervisor.unknown",
            params={"id": supervisor_id},
        )
    return supervisor


def get_supervisee(uow: UnitOfWork, supervisee_id: int | str, *, field: str = "supervisee") -> Supervisee:
    supervisee = uow.session.get(Supervisee, int_id(supervisee_id, field=field, label=_("Supervisee")))
    if supervisee is None:
        raise no_supervisee(supervisee_id, field)
    return supervisee


def add_supervisee(
    uow: UnitOfWork,
    *,
    name: str,
    credential: str,
    icb_id: str = "",
    start_date: str | dt.date | None = None,
    position: str = "",
    supervisor_id: int | str | None = None,
    agency: str | None = None,
    same_person_supervisor_id: int | str | None = None,
    language: str | None = None,
    today: dt.date | None = None,
) -> Supervisee:
    values = supervisee_values(
        uow,
        name=name,
        credential=credential,
        icb_id=icb_id,
        position=position,
        start_date=start_date,
        today=today,
    )
    values["language"] = check_language(language)
    check_icb_id_free(uow, values["icb_id"], values["credential"])
    supervisor = get_supervisor(uow, supervisor_id) if supervisor_id not in (None, "") else None
    if supervisor is not None and not supervisor.active:
        raise DomainError(
            _("{supervisor} is inactive and cannot take on supervisees.").format(supervisor=supervisor.name),
            field="supervisor",
            code="supervisor.inactive",
            params={"supervisor": supervisor.name},
        )
    same_person = (
        get_supervisor(uow, same_person_supervisor_id, field="same_person")
        if same_person_supervisor_id not in (None, "")
        else None
    )
    if same_person is not None and supervisor is not None and same_person.id == supervisor.id:
        raise DomainError(
            _("A supervisor cannot be their own supervisor of record."),
            field="supervisor",
            code="supervisee.own_supervisor",
        )
    if agency:
        agency_row = get_or_create_agency(uow, name=agency)
    elif supervisor is not None and supervisor.agency_id is not None:
        agency_row = supervisor.agency
    else:
        agency_row = _only_agency(uow)
    supervisee = Supervisee(
        **values,
        supervisor_id=supervisor.id if supervisor else None,
        agency_id=agency_row.id if agency_row else None,
        same_person_supervisor_id=same_person.id if same_person else None,
    )
    uow.session.add(supervisee)
    uow.flush()
    audit.log(
        uow,
        audit.AuditAction.CREATE,
        supervisee_id=supervisee.id,
        details={"supervisee": supervisee.id, "name": supervisee.name},
    )
    return supervisee


SUPERVISEE_LANGUAGE_APP = "app"
"""``--language app``: a supervisee's statement and review follow the app's language."""


def check_language(language: str | None) -> str | None:
    """A supervisee's language as stored: a code of ``i18n.LANGUAGES`` ("en", "es"), or None
    for "as the app" (None, "" or "app"). Not part of anyone's signed identity."""
    from supervisor_app.i18n import LANGUAGES

    text = (language or "").strip().lower()
    if text in ("", SUPERVISEE_LANGUAGE_APP):
        return None
    if text not in LANGUAGES:
        params = {"language": language, "known": ", ".join([*LANGUAGES, SUPERVISEE_LANGUAGE_APP])}
        raise DomainError(
            _("There is no language {language!r} for statements and review; choose one of {known}.").format(
                **params
            ),
            field="language",
            code="supervisee.language_unknown",
            params=params,
        )
    return text


def supervisee_values(
    uow: UnitOfWork,
    *,
    name: str,
    credential: str,
    icb_id: str,
    position: str,
    start_date: str | dt.date | None,
    today: dt.date | None,
) -> dict[str, Any]:
    """A supervisee's own details, checked (the same rules for a new one and an edit)."""
    profiles = uow.db.profiles
    code = (credential or "").strip().upper()
    if code not in profiles:
        raise DomainError(
            _("Unknown credential {credential!r}. Known credentials: {known}.").format(
                credential=credential, known=", ".join(profiles.codes())
            ),
            field="credential",
            code="supervisee.unknown_credential",
            params={"credential": credential},
        )
    start = parse_date(start_date, field="start_date", label=_("Start date")) if start_date else None
    if start is not None and start > (today or clock.today()):
        raise DomainError(
            _("The start date {start} is in the future.").format(start=start.isoformat()),
            field="start_date",
            code="supervisee.start_in_future",
            params={"start": start},
        )
    return {
        "name": clean_text(name, field="name", label=_("Supervisee name"), required=True),
        "credential": code,
        "icb_id": clean_text(icb_id, field="icb_id", label=_("ICB applicant/ID number"), max_length=60),
        "position": clean_text(position, field="position", label=_("Position title")),
        "start_date": start,
    }


def check_icb_id_free(
    uow: UnitOfWork, icb_id: str, credential: str, *, supervisee_id: int | None = None
) -> None:
    """One application, one ICB ID: no two supervisees working toward the same credential share
    one (the same person earning a second credential keeps their ID, so other credentials may)."""
    if not icb_id:
        return
    query = select(Supervisee).where(
        func.lower(Supervisee.icb_id) == icb_id.lower(), Supervisee.credential == credential
    )
    if supervisee_id is not None:
        query = query.where(Supervisee.id != supervisee_id)
    other = uow.session.scalar(query.order_by(Supervisee.id).limit(1))
    if other is not None:
        raise DomainError(
            _(
                "ICB ID {icb_id} is already recorded for {other} (id {id}), also working toward "
                "{credential}. Check the number: each applicant has their own."
            ).format(icb_id=icb_id, other=other.name, id=other.id, credential=credential),
            field="icb_id",
            code="supervisee.icb_id_taken",
            params={"icb_id": icb_id, "other": other.name, "credential": credential},
        )


def list_supervisors(uow: UnitOfWork, *, active_only: bool = False) -> list[Supervisor]:
    query = select(Supervisor).order_by(Supervisor.name, Supervisor.id)
    if active_only:
        query = query.where(Supervisor.active.is_(True))
    return list(uow.session.scalars(query))


def list_supervisees(
    uow: UnitOfWork,
    *,
    supervisor_id: int | None = None,
    active_only: bool = False,
    search: str = "",
) -> list[Supervisee]:
    query = select(Supervisee).order_by(Supervisee.name, Supervisee.id)
    if supervisor_id is not None:
        query = query.where(Supervisee.supervisor_id == supervisor_id)
    if active_only:
        query = query.where(Supervisee.active.is_(True))
    if search:
        query = query.where(func.lower(Supervisee.name).contains(search.lower()))
    return list(uow.session.scalars(query))


def set_active(
    uow: UnitOfWork,
    *,
    supervisor_id: int | None = None,
    supervisee_id: int | None = None,
    active: bool,
) -> None:
    """Mark a person inactive (they left the agency: hidden from new records and from the
    lists by default; everything recorded for them stays) or active again."""
    person = (
        get_supervisor(uow, supervisor_id)
        if supervisor_id is not None
        else get_supervisee(uow, supervisee_id)
    )  # type: ignore[arg-type]
    if person.active == active and active:
        raise DomainError(
            _("{person} is already active.").format(person=person.name),
            field="active",
            code="person.already_active",
            params={"person": person.name},
        )
    if person.active == active:
        raise DomainError(
            _("{person} is already marked inactive.").format(person=person.name),
            field="active",
            code="person.already_inactive",
            params={"person": person.name},
        )
    changed = audit.changes({"active": person.active}, {"active": active})
    person.active = active
    uow.flush()
    audit.log(
        uow,
        audit.AuditAction.EDIT,
        supervisee_id=person.id if supervisor_id is None else None,
        details={"supervisor" if supervisor_id is not None else "supervisee": person.id, **changed},
    )
