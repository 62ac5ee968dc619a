"""Reading an hours file and checking all of it: sizes first, then each signature under its key,
each link against the signed payload and its own chain hash, each record's content against its link."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from supervisor_app.i18n import _, pgettext
from supervisor_app.models import (
    ExperienceKind,
    Modality,
    SessionFormat,
)
from supervisor_app.services import signatures, signoff
from supervisor_app.services.canonical import sha256_hex, to_json
from supervisor_app.services.errors import DomainError
from supervisor_app.services.hours_files.file_format import (
    FORMAT,
    HEX64,
    LINK_KEYS,
    MAX_FILE_BYTES,
    MAX_MEMBER_BYTES,
    MAX_PART_BYTES,
    MAX_RECORDS,
    MAX_UNPACKED_BYTES,
    MEMBERS,
    UUID_PATTERN,
    VERSION,
    WIRE_VERSION,
    HoursFile,
    HoursRecord,
)


def refuse(code: str, path: Path | str, message: str) -> DomainError:
    """The refusal ``code`` of the hours file at ``path`` (or of the sync batch named so),
    its message put in context."""
    name = path.name if isinstance(path, Path) else path
    return DomainError(
        _("{file} is refused, nothing was imported: {message}").format(file=name, message=message),
        code=code,
        field="file",
        params={"file": name},
    )


def is_hours_file(path: str | os.PathLike[str]) -> bool:
    """True if ``path`` is an hours file by its content (a zip whose ``manifest.json`` names
    this format), whatever its name ends with. Reads at most the manifest."""
    target = Path(path)
    try:
        with target.open("rb") as handle:
            if handle.read(4) != b"PK\x03\x04":
                return False
        with zipfile.ZipFile(target) as archive:
            info = archive.getinfo("manifest.json")
            if info.file_size > MAX_MEMBER_BYTES["manifest.json"]:
                return True  # ours by name; read_hours_file says what is wrong with it
            manifest = json.loads(archive.read(info))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, NotImplementedError, RuntimeError):
        return False
    return isinstance(manifest, dict) and manifest.get("format") == FORMAT


def _members(path: Path) -> dict[str, Any]:
    """The four JSON members, parsed, after checking the sizes the zip states and reading no
    more than them (a member that unpacks to more than it says fails in zipfile itself)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DomainError(
            _("{path} cannot be opened: {reason}.").format(path=path, reason=exc.strerror or exc),
            code="hours_file.cannot_open",
            field="file",
        ) from None
    if size > MAX_FILE_BYTES:
        raise refuse(
            "hours_file.too_large",
            path,
            _("it is {size} MB; an hours file has at most {most} MB.").format(
                size=f"{size / 1024 / 1024:,.0f}", most=MAX_FILE_BYTES // 1024 // 1024
            ),
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > 16:
                raise refuse(
                    "hours_file.wrong_parts",
                    path,
                    _("it holds {parts} parts; an hours file has {expected}.").format(
                        parts=f"{len(infos):,}", expected=len(MEMBERS)
                    ),
                )
            names = [i.filename for i in infos]
            missing = [m for m in MEMBERS if m not in names]
            extra = sorted(set(names) - set(MEMBERS))
            if missing or extra or len(names) != len(set(names)):
                raise refuse(
                    "hours_file.not_hours_file",
                    path,
                    _(
                        "it is not an hours file of this app (its parts are {parts}; expected {expected})."
                    ).format(parts=", ".join(sorted(names)[:8]), expected=", ".join(MEMBERS)),
                )
            total = 0
            for info in infos:
                limit = MAX_MEMBER_BYTES.get(info.filename, MAX_PART_BYTES)
                total += info.file_size
                if info.file_size > limit or total > MAX_UNPACKED_BYTES:
                    raise refuse(
                        "hours_file.part_too_large",
                        path,
                        _(
                            "{part} unpacks to {size} MB, more than an hours file holds (at most {limit} MB a part, "
                            "{total} MB in all)."
                        ).format(
                            part=info.filename,
                            size=f"{info.file_size / 1024 / 1024:,.0f}",
                            limit=limit // 1024 // 1024,
                            total=MAX_UNPACKED_BYTES // 1024 // 1024,
                        ),
                    )
            parsed: dict[str, Any] = {}
            for name in MEMBERS:
                with archive.open(name) as member:
                    data = member.read(MAX_MEMBER_BYTES.get(name, MAX_PART_BYTES) + 1)
                parsed[name] = json.loads(data.decode("utf-8"))
                if name == "manifest.json":
                    _check_manifest(path, parsed[name])
            return parsed
    except DomainError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        EOFError,
        OSError,
        RuntimeError,
    ) as exc:
        raise refuse(
            "hours_file.not_zip", path, _("it is damaged or not a zip file ({error}).").format(error=exc)
        ) from None
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise refuse(
            "hours_file.bad_json",
            path,
            _("a part of it is not valid JSON ({error}).").format(error=str(exc)[:120]),
        ) from None


def _check_manifest(path: Path | str, manifest: Any, expected: int = VERSION) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise refuse(
            "hours_file.other_format",
            path,
            _("it is not an hours file of this app (manifest.json names another format)."),
        )
    version = manifest.get("version")
    if version != expected:
        raise refuse(
            "hours_file.unknown_version",
            path,
            _(
                "it is in hours-file format version {version!r}, which this version of the app does not know "
                "(it reads version {known}). Update the app to import it."
            ).format(version=version, known=expected),
        )


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _check_content(record: Any) -> str | None:
    """What is wrong with a record's shape, or None."""
    if not isinstance(record, dict) or set(record) != {"kind", "id", "content", "sign", "void"}:
        return _("its entry is not a record")
    kind, rid, content = record["kind"], record["id"], record["content"]
    if kind not in ("session", "experience") or not _text(rid) or not UUID_PATTERN.fullmatch(rid):
        return _("its kind or id is not valid")
    if not isinstance(content, list) or len(content) != 15 or content[:3] != [2, kind, rid]:
        return _("its content is not a record's content (version 2)")
    if not all(_text(content[i]) for i in (3, 4, 7, 8, 9, 10, 12)):
        return _("a field of its content is not text")
    if content[11] is not None and not (_text(content[11]) and UUID_PATTERN.fullmatch(content[11])):
        return _("it amends a record with an invalid id")
    if not (isinstance(content[13], list) and isinstance(content[14], list)):
        return _("its attendees or domains are not lists")
    if not all(_text(v) for v in content[13]) or not all(_text(v) and "=" in v for v in content[14]):
        return _("an attendee or a domain allocation is not valid")
    try:
        for item in content[14]:
            if int(item.rpartition("=")[2]) <= 0:
                return _("a domain allocation is not a positive number of minutes")
        if kind == "session":
            dt.date.fromisoformat(content[4])
            if content[5] is not None:
                dt.time.fromisoformat(content[5])
            if not (content[6].isdecimal() and int(content[6]) > 0):
                return _("its minutes are not a positive number")
            if content[7] not in set(SessionFormat) or content[8] not in set(Modality):
                return _("its format or modality is unknown")
            if not content[13]:
                return _("a session without attendees")
        else:
            if dt.date.fromisoformat(content[5]) < dt.date.fromisoformat(content[4]):
                return _("its period ends before it starts")
            if not _text(content[6]) or content[7] not in set(ExperienceKind) or content[13]:
                return _("its supervisee or kind is not valid")
    except (TypeError, ValueError):
        return _("a date, time or number in it is not valid")
    return None


def _link_word(action: str) -> str:
    """A link's action (``sign``, ``void``) as a refusal names it."""
    if action == "sign":
        return pgettext("hours file link", "sign")
    if action == "void":
        return pgettext("hours file link", "void")
    return action


def _check_link(link: Any, action: str, rid: str, kind: str) -> bool:
    if not isinstance(link, dict) or set(link) != set(LINK_KEYS):
        return False
    return (
        link["action"] == action
        and link["record_id"] == rid
        and link["record_kind"] == kind
        and isinstance(link["seq"], int)
        and isinstance(link["signer_id"], int)
        and all(_text(link[k]) for k in ("chain", "signature", "signed_at", "reason"))
        and all(
            _text(link[k]) and HEX64.fullmatch(link[k])
            for k in ("prev_chain_hash", "content_hash", "chain_hash")
        )
    )


def read_hours_file(path: str | os.PathLike[str]) -> HoursFile:
    """Read an hours file and check everything in it, changing nothing anywhere.

    Refused with a :class:`DomainError` (its message names the record concerned): a file
    too large or unpacking to too much, not an hours file, of an unknown format version, a
    signature that does not check under its key, a link that differs from what its
    signature lists or from its own chain hash, a record whose content is not what was
    signed, a void that does not match its record, a record that is not the supervisee's,
    an amendment without the original it replaces.
    """
    target = Path(path).expanduser()
    return check_members(_members(target), source=target)


def _a_person(supervisee: Any) -> bool:
    return (
        isinstance(supervisee, dict)
        and _text(supervisee.get("global_id"))
        and UUID_PATTERN.fullmatch(supervisee["global_id"]) is not None
        and _text(supervisee.get("name"))
        and bool(supervisee["name"].strip())
        and _text(supervisee.get("credential"))
    )


def check_members(
    parts: dict[str, Any], *, source: Path | str, known: Callable[[str], bool] | None = None
) -> HoursFile:
    """Check an hours file's members (parsed, as :func:`read_hours_file` unpacks them or
    :func:`~supervisor_app.services.hours_files.writing.collect_hours` gathers them), changing
    nothing anywhere; ``source`` names them in a refusal.

    ``known=None``: an hours file (version 1, one supervisee, whole). Given, a sync batch
    (version 2, :data:`WIRE_VERSION`): several supervisees, each record naming one of them,
    and an amendment's original either in the batch or ``known(record id)`` in the database
    the batch goes to. Everything else is checked alike.
    """
    target = source
    wire = known is not None
    manifest = parts.get("manifest.json")
    _check_manifest(target, manifest, WIRE_VERSION if wire else VERSION)
    people = manifest.get("supervisees") if wire else [manifest.get("supervisee")]
    only_people = wire and parts.get("records.json") == []  # a batch of supervisors alone
    if not (isinstance(people, list) and (people or only_people) and all(_a_person(p) for p in people)):
        raise refuse(
            "hours_file.no_supervisee", target, _("its manifest does not say whose hours these are.")
        )
    supervisee = people[0] if people else {}
    chains = manifest.get("chains")
    if not isinstance(chains, dict) or not all(isinstance(v, dict) for v in chains.values()):
        raise refuse(
            "hours_file.no_chains",
            target,
            _("its manifest does not list the databases the records come from."),
        )
    raw_keys, raw_records, raw_signatures = (
        parts["keys.json"],
        parts["records.json"],
        parts["signatures.json"],
    )
    if not (
        isinstance(raw_keys, dict)
        and isinstance(raw_keys.get("keys"), list)
        and isinstance(raw_keys.get("supervisors"), list)
    ):
        raise refuse("hours_file.bad_keys", target, _("keys.json does not list keys and supervisors."))
    if not isinstance(raw_records, list) or not isinstance(raw_signatures, list):
        raise refuse("hours_file.bad_lists", target, _("records.json or signatures.json is not a list."))
    if len(raw_records) > MAX_RECORDS:
        raise refuse(
            "hours_file.too_many_records",
            target,
            _("it holds {records} records; an hours file holds at most {most}.").format(
                records=f"{len(raw_records):,}", most=f"{MAX_RECORDS:,}"
            ),
        )

    supervisors: dict[str, dict[str, Any]] = {}
    for person in raw_keys["supervisors"]:
        if not (isinstance(person, dict) and _text(person.get("global_id")) and _text(person.get("name"))):
            raise refuse(
                "hours_file.bad_supervisor", target, _("a supervisor in keys.json has no global id or name.")
            )
        supervisors[person["global_id"]] = person
    keys: dict[str, dict[str, Any]] = {}
    for key in raw_keys["keys"]:
        if not (
            isinstance(key, dict)
            and all(_text(key.get(k)) for k in ("fingerprint", "public_key", "supervisor"))
        ):
            raise refuse("hours_file.incomplete_key", target, _("a key in keys.json is incomplete."))
        try:
            fingerprint = hashlib.sha256(bytes.fromhex(key["public_key"])).hexdigest()
        except ValueError:
            fingerprint = ""
        if fingerprint != key["fingerprint"] or len(key["public_key"]) != 64:
            raise refuse(
                "hours_file.key_fingerprint",
                target,
                _("key {key} is not the public key its fingerprint names.").format(
                    key=str(key["fingerprint"])[:12]
                ),
            )
        if key["supervisor"] not in supervisors:
            raise refuse(
                "hours_file.key_of_unnamed_supervisor",
                target,
                _("key {key} belongs to a supervisor the file does not name.").format(
                    key=key["fingerprint"][:12]
                ),
            )
        keys[key["fingerprint"]] = key

    # Which record each signature covers first, to name it in a refusal.
    records: list[HoursRecord] = []
    named_by: dict[str, str] = {}
    for raw in raw_records:
        problem = _check_content(raw)
        rid = raw.get("id") if isinstance(raw, dict) else None
        label = _("record {id}").format(id=rid) if _text(rid) else _("a record")
        if problem is not None:
            raise refuse(
                "hours_file.bad_record", target, _("{label}: {problem}.").format(label=label, problem=problem)
            )
        kind = raw["kind"]
        if not _check_link(raw["sign"], "sign", rid, kind):
            raise refuse(
                "hours_file.no_sign_link",
                target,
                _("{label}: its signature link is missing or incomplete.").format(label=label),
            )
        if raw["void"] is not None and not _check_link(raw["void"], "void", rid, kind):
            raise refuse(
                "hours_file.bad_void_link",
                target,
                _("{label}: its void link is incomplete.").format(label=label),
            )
        record = HoursRecord(kind, rid, raw["content"], raw["sign"], raw["void"])
        records.append(record)
        for link in (record.sign, record.void):
            if link is not None:
                named_by.setdefault(link["signature"], rid)

    checked: dict[str, dict[int, dict[str, Any]]] = {}
    signature_rows: list[dict[str, Any]] = []
    for row in raw_signatures:
        fields = ("id", "chain", "key", "first_seq", "last_seq", "signed_at", "payload", "signature")
        if not (
            isinstance(row, dict)
            and set(row) == set(fields)
            and all(_text(row[k]) for k in ("id", "chain", "key", "signed_at", "payload", "signature"))
        ):
            raise refuse(
                "hours_file.incomplete_signature", target, _("a signature in signatures.json is incomplete.")
            )
        sid = row["id"]
        who = (
            _("record {id}").format(id=named_by[sid])
            if sid in named_by
            else _("signature {id}").format(id=sid[:8])
        )
        key = keys.get(row["key"])
        if key is None:
            raise refuse(
                "hours_file.unknown_key",
                target,
                _("{who}: its signature names a key the file does not hold.").format(who=who),
            )
        if not signatures.check(key["public_key"], row["payload"], row["signature"]):
            raise refuse(
                "hours_file.signature_fails",
                target,
                _(
                    "{who}: its signature by {supervisor} does not check under their key "
                    "(the file was altered or damaged)."
                ).format(who=who, supervisor=supervisors[key["supervisor"]]["name"]),
            )
        try:
            payload = json.loads(row["payload"])
        except ValueError:
            payload = None
        if not isinstance(payload, dict) or not isinstance(payload.get("signer"), dict):
            raise refuse(
                "hours_file.not_a_payload",
                target,
                _("{who}: what its signature signs is not a signature payload.").format(who=who),
            )
        signer = payload["signer"]
        if (
            payload.get("format") != signatures.FORMAT
            or payload.get("id") != sid
            or payload.get("chain") != row["chain"]
            or signer.get("key") != row["key"]
            or signer.get("global_id") != key["supervisor"]
        ):
            raise refuse(
                "hours_file.signature_misplaced",
                target,
                _("{who}: its signature was stored under another id, database or key than it signed.").format(
                    who=who
                ),
            )
        links = payload.get("links")
        links = (
            [e for e in links if isinstance(e, dict) and isinstance(e.get("seq"), int)]
            if isinstance(links, list)
            else []
        )
        seqs = [entry["seq"] for entry in links]
        if not seqs or row["first_seq"] != min(seqs) or row["last_seq"] != max(seqs):
            raise refuse(
                "hours_file.signature_range",
                target,
                _("{who}: its signature's range is not the links it signed.").format(who=who),
            )
        checked[sid] = {entry["seq"]: entry for entry in links}
        signature_rows.append(row)

    by_id = {r.id: r for r in records}
    if len(by_id) != len(records):
        raise refuse("hours_file.duplicate_record", target, _("a record appears twice in it."))
    whose = {p["global_id"]: p for p in people}
    for record in records:
        label = _("record {id}").format(id=record.id)
        digest = sha256_hex(to_json(record.content))
        for link, content_hash in ((record.sign, digest), (record.void, None)):
            if link is None:
                continue
            entries = checked.get(link["signature"])
            if entries is None:
                raise refuse(
                    "hours_file.signature_missing",
                    target,
                    _("{label}: the signature covering it is not in the file.").format(label=label),
                )
            expected = {
                "seq": link["seq"],
                "record_kind": link["record_kind"],
                "record_id": link["record_id"],
                "action": link["action"],
                "content_hash": link["content_hash"],
                "chain_hash": link["chain_hash"],
            }
            if entries.get(link["seq"]) != expected:
                raise refuse(
                    "hours_file.link_not_signed",
                    target,
                    _("{label}: its {action} link is not what its signature lists (altered).").format(
                        label=label, action=_link_word(link["action"])
                    ),
                )
            own = signoff.chain_hash(
                prev=link["prev_chain_hash"],
                seq=link["seq"],
                kind=link["record_kind"],
                record_id=link["record_id"],
                action=link["action"],
                signer_id=link["signer_id"],
                signed_at=link["signed_at"],
                reason=link["reason"],
                content=link["content_hash"],
            )
            if own != link["chain_hash"]:
                raise refuse(
                    "hours_file.link_altered",
                    target,
                    _("{label}: its {action} link was altered (time, reason or hash).").format(
                        label=label, action=_link_word(link["action"])
                    ),
                )
            if content_hash is not None and content_hash != link["content_hash"]:
                raise refuse(
                    "hours_file.content_altered",
                    target,
                    _("{label}: its content is not what was signed (the record was altered).").format(
                        label=label
                    ),
                )
        if record.void is not None:
            if record.void["chain"] != record.sign["chain"] or record.void["seq"] <= record.sign["seq"]:
                raise refuse(
                    "hours_file.void_out_of_order",
                    target,
                    _("{label}: its void does not follow its signature in the same database.").format(
                        label=label
                    ),
                )
            if signoff.void_content_hash(digest, record.void["reason"]) != record.void["content_hash"]:
                raise refuse(
                    "hours_file.void_mismatch",
                    target,
                    _("{label}: its void does not match the record or its reason.").format(label=label),
                )
        if whose.keys().isdisjoint(record.supervisees):
            raise refuse(
                "hours_file.not_their_record",
                target,
                _("{label}: it is not a record of {supervisee}.").format(
                    label=label, supervisee=supervisee["name"]
                ),
            )
        if record.supervisor not in supervisors:
            raise refuse(
                "hours_file.unnamed_supervisor",
                target,
                _("{label}: its supervisor is not named in the file.").format(label=label),
            )
        if (
            record.supersedes is not None
            and record.supersedes not in by_id
            and not (known is not None and known(record.supersedes))
        ):
            raise refuse(
                "hours_file.amended_missing",
                target,
                _("{label}: it amends record {amended}, which is not in the file.").format(
                    label=label, amended=record.supersedes
                ),
            )
    return HoursFile(
        path=Path(target),
        version=manifest["version"],
        supervisee=supervisee,
        supervisees=list(people),
        made_at=str(manifest.get("made_at", "")),
        made_by_chain=str(manifest.get("made_by_chain", "")),
        chains=chains,
        records=records,
        signatures=signature_rows,
        keys=list(keys.values()),
        supervisors=list(supervisors.values()),
        people=_people_member(parts, target) if wire else None,
        trail=_trail_member(parts, target) if wire else None,
    )


def _people_member(parts: dict[str, Any], target: Path | str) -> dict[str, Any] | None:
    from supervisor_app.services.hours_files.people_member import PEOPLE_MEMBER, check_people

    return check_people(parts[PEOPLE_MEMBER], str(target)) if PEOPLE_MEMBER in parts else None


def _trail_member(parts: dict[str, Any], target: Path | str) -> dict[str, Any] | None:
    from supervisor_app.services.hours_files.trail_member import TRAIL_MEMBER, check_trail

    return check_trail(parts[TRAIL_MEMBER], str(target)) if TRAIL_MEMBER in parts else None
