"""Training certificates: what a certificate file may be (PDF, PNG or JPEG, at most
:data:`MAX_CERTIFICATE_BYTES`), read and checked before it is stored inside the database."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from supervisor_app.i18n import N_, _
from supervisor_app.models import (
    TrainingCertificate,
    utcnow,
)
from supervisor_app.services.errors import DomainError
from supervisor_app.services.validation import clean_text

CERTIFICATE = N_("certificate")
"""What a certificate file is called in a refusal (a job description is checked the same way)."""
MAX_CERTIFICATE_BYTES = 5 * 1024 * 1024
"""A certificate is a scan or a PDF of a page or two; 5 MB keeps backups small."""

_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


# --------------------------------------------------------------------------------------------
# Certificates


def _too_large(filename: str, size: int, what: str, field: str) -> DomainError:
    return DomainError(
        _(
            "{filename} is {size} MB; a {what} may be at most {most} MB. "
            "Scan it at a lower resolution or save it as a smaller PDF."
        ).format(
            filename=filename,
            size=f"{size / 1024 / 1024:.1f}",
            what=_(what),
            most=MAX_CERTIFICATE_BYTES // 1024 // 1024,
        ),
        field=field,
        code="training.certificate_too_large",
        params={"filename": filename, "what": what},
    )


def certificate_type(
    filename: str, data: bytes, *, what: str = CERTIFICATE, field: str = "certificate"
) -> str:
    """The media type of a certificate (by its first bytes, not its name), or a DomainError.
    Any file kept in the database this way (a job description too: ``what``) is checked here."""
    if not data:
        raise DomainError(
            _("{filename} is empty; choose the {what} file itself.").format(filename=filename, what=_(what)),
            field=field,
            code="training.certificate_empty",
            params={"filename": filename, "what": what},
        )
    if len(data) > MAX_CERTIFICATE_BYTES:
        raise _too_large(filename, len(data), what, field)
    for magic, media_type in _MAGIC:
        if data.startswith(magic):
            return media_type
    raise DomainError(
        _("{filename} is not a PDF, PNG or JPEG file; save the {what} as one of those.").format(
            filename=filename, what=_(what)
        ),
        field=field,
        code="training.certificate_type",
        params={"filename": filename, "what": what},
    )


def read_certificate_file(
    path: str | Path, *, what: str = CERTIFICATE, field: str = "certificate"
) -> CertificateFile:
    """A certificate on disk, checked; a too-large one is refused before it is read."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_CERTIFICATE_BYTES:
            raise _too_large(path.name, size, what, field)
        data = path.read_bytes()
    except OSError as exc:
        raise DomainError(
            _("Cannot read {path}: {reason}.").format(path=path, reason=exc.strerror or exc),
            field=field,
            code="training.certificate_unreadable",
            params={"path": path},
        ) from None
    certificate_type(path.name, data, what=what, field=field)
    return CertificateFile(path.name, data)


@dataclass(frozen=True)
class CertificateFile:
    filename: str
    data: bytes


def new_certificate_row(entry_id: str, certificate: CertificateFile) -> TrainingCertificate:
    name = clean_text(
        certificate.filename, field="certificate", label=N_("Certificate file name"), max_length=255
    )
    media_type = certificate_type(name or _("The certificate"), certificate.data)
    return TrainingCertificate(
        entry_id=entry_id,
        filename=name or "certificate",
        media_type=media_type,
        size=len(certificate.data),
        sha256=hashlib.sha256(certificate.data).hexdigest(),
        data=certificate.data,
        added_at=utcnow(),
    )
