"""Agencies, supervisors and supervisees."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from supervisor_app.db import UnitOfWork
from supervisor_app.models import Agency, Supervisee, Supervisor
from supervisor_app.services import audit
from supervisor_app.services.auth import hash_password
from supervisor_app.services.errors import DomainError
from supervisor_app.services.validation import clean_text, parse_date


def get_or_create_agency(uow: UnitOfWork, *, name: str, address: str = "", phone: str = "") -> Agency:
    name = clean_text(name, field="agency", label="Agency name", required=True)
    agency = uow.session.scalar(select(Agency).where(Agency.name == name))
    if agency is None:
        agency = Agency(
            name=name,
            address=clean_text(address, field="address", label="Agency address", max_length=400),
            phone=clean_text(phone, field="phone", label="Agency phone", max_length=40),
        )
        uow.session.add(agency)
        uow.flush()
        audit.log(uow, audit.AuditAction.CREATE, details={"agency": agency.id, "name": agency.name})
    return agency


def update_agency(uow: UnitOfWork, *, agency_id: int, name: str, address: str, phone: str) -> Agency:
    agency = uow.session.get(Agency, agency_id)
    if agency is None:
        raise DomainError(f"There is no agency with id {agency_id}.", field="agency")
    agency.name = clean_text(name, field="agency", label="Agency name", required=True)
    agency.address = clean_text(address, field="address", label="Agency address", max_length=400)
    agency.phone = clean_text(phone, field="phone", label="Agency phone", max_length=40)
    audit.log(uow, audit.AuditAction.EDIT, details={"agency": agency.id})
    return agency


def add_supervisor(
    uow: UnitOfWork,
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
    agency: str | None = None,
    password: str | None = None,
) -> Supervisor:
    """Add a supervisor (the password, if given, is stored only as an argon2id hash)."""
    agency_row = get_or_create_agency(uow, name=agency) if agency else _only_agency(uow)
    supervisor = Supervisor(
        **supervisor_details(
            name=name,
            credentials=credentials,
            title=title,
            icb_number=icb_number,
            license_type=license_type,
            license_number=license_number,
            email=email,
            phone=phone,
            certification_expires=certification_expires,
            license_expires=license_expires,
        ),
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
    email = clean_text(email, field="email", label="Email")
    if email and ("@" not in email or " " in email):
        raise DomainError(f"{email!r} does not look like an email address.", field="email")
    return {
        "name": clean_text(name, field="name", label="Supervisor name", required=True),
        "credentials": clean_text(credentials, field="credentials", label="Credentials", required=True),
        "title": clean_text(title, field="title", label="Title"),
        "icb_number": clean_text(
            icb_number, field="icb_number", label="ICB certification number", max_length=60
        ),
        "license_type": clean_text(license_type, field="license_type", label="License type", max_length=60),
        "license_number": clean_text(
            license_number, field="license_number", label="License number", max_length=60
        ),
        "email": email,
        "phone": clean_text(phone, field="phone", label="Phone", max_length=40),
        "certification_expires": _optional_date(
            certification_expires, field="certification_expires", label="Certification expiry"
        ),
        "license_expires": _optional_date(license_expires, field="license_expires", label="License expiry"),
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
    supervisor = uow.session.get(Supervisor, _int_id(supervisor_id, field=field, label="Supervisor"))
    if supervisor is None:
        raise DomainError(f"There is no supervisor with id {supervisor_id}.", field=field)
    return supervisor


def get_supervisee(uow: UnitOfWork, supervisee_id: int | str, *, field: str = "supervisee") -> Supervisee:
    supervisee = uow.session.get(Supervisee, _int_id(supervisee_id, field=field, label="Supervisee"))
    if supervisee is None:
        raise DomainError(f"There is no supervisee with id {supervisee_id}.", field=field)
    return supervisee


def _int_id(value: int | str, *, field: str, label: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = str(value).strip()
        if not text.isdecimal():  # isdigit() accepts '²', which int() refuses
            raise DomainError(f"{label} id {value!r} is not a number.", field=field)
        number = int(text)
    if not 0 <= number < 2**63:  # SQLite could not even look it up
        raise DomainError(f"There is no {label.lower()} with id {value}.", field=field)
    return number


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
    today: dt.date | None = None,
) -> Supervisee:
    profiles = uow.db.profiles
    code = (credential or "").strip().upper()
    if code not in profiles:
        raise DomainError(
            f"Unknown credential {credential!r}. Known credentials: {', '.join(profiles.codes())}.",
            field="credential",
        )
    start = parse_date(start_date, field="start_date", label="Start date") if start_date else None
    if start is not None and start > (today or dt.date.today()):
        raise DomainError(f"The start date {start.isoformat()} is in the future.", field="start_date")
    supervisor = get_supervisor(uow, supervisor_id) if supervisor_id not in (None, "") else None
    if supervisor is not None and not supervisor.active:
        raise DomainError(
            f"{supervisor.name} is inactive and cannot take on supervisees.", field="supervisor"
        )
    same_person = (
        get_supervisor(uow, same_person_supervisor_id, field="same_person")
        if same_person_supervisor_id not in (None, "")
        else None
    )
    if same_person is not None and supervisor is not None and same_person.id == supervisor.id:
        raise DomainError("A supervisor cannot be their own supervisor of record.", field="supervisor")
    if agency:
        agency_row = get_or_create_agency(uow, name=agency)
    elif supervisor is not None and supervisor.agency_id is not None:
        agency_row = supervisor.agency
    else:
        agency_row = _only_agency(uow)
    supervisee = Supervisee(
        name=clean_text(name, field="name", label="Supervisee name", required=True),
        credential=code,
        icb_id=clean_text(icb_id, field="icb_id", label="ICB applicant/ID number", max_length=60),
        position=clean_text(position, field="position", label="Position title"),
        start_date=start,
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
    person = (
        get_supervisor(uow, supervisor_id)
        if supervisor_id is not None
        else get_supervisee(uow, supervisee_id)
    )  # type: ignore[arg-type]
    person.active = active
    audit.log(
        uow,
        audit.AuditAction.EDIT,
        supervisee_id=supervisee_id,
        details={
            "supervisor" if supervisor_id is not None else "supervisee": person.id,
            "active": active,
        },
    )
