"""What a verification finds (:class:`VerifyReport`, :class:`Problem`) and the checks of the chain,
the links and the records against their signatures."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from supervisor_app.i18n import _
from supervisor_app.services.canonical import (
    ACTION,
    AT,
    CHAIN,
    CONTENT,
    EXPERIENCE,
    GENESIS,
    KIND,
    PENDING,
    PREV,
    REASON,
    RID,
    SEQ,
    SESSION,
    SIGN,
    SIGNED,
    VERIFY_CHUNK,
    VOID,
    hex_digests,
    link_texts,
    void_content_hash,
)


@dataclass(frozen=True)
class Problem:
    record_id: str  # a record's id; for other kinds what the problem is about ("audit event #12")
    message: str
    # "record"; "audit" / "print" (their hash chains); "copy" (the file against an outside copy)
    kind: str = "record"

    def __str__(self) -> str:
        return f"{self.record_id}: {self.message}"


@dataclass
class VerifyReport:
    records_checked: int
    signatures_checked: int
    problems: list[Problem]
    # Not tampering (the chain is intact): signatures dated earlier than the one before them,
    # because the computer's clock was set back (or was ahead) at the time.
    warnings: list[Problem] = field(default_factory=list)
    # Not tampering either: records signed before keys existed (verified by the hash chain
    # alone), people whose details changed since they were signed by a recorded edit.
    notes: list[Problem] = field(default_factory=list)
    keyed_signatures_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def bad_record_ids(self) -> set[str]:
        return {p.record_id for p in self.problems if p.kind == "record"}


class RecordsFailVerification(Exception):
    """Records that fail verification were about to be used (progress, printing)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems[:20])
        more = "\n  " + _("... and {n} more").format(n=len(problems) - 20) if len(problems) > 20 else ""
        super().__init__(
            _(
                "These records fail verification (they were changed outside the app after signing), "
                "so they are not used:\n{lines}{more}\nRun 'verify' for the full report."
            ).format(lines=lines, more=more)
        )


def _check_links(
    links: Sequence[tuple[Any, ...]],
    digests: Sequence[str],
    expected_prevs: Sequence[str],
    prev_seq: int | None,
    add: Callable[[Problem], None],
) -> None:
    """The chain, link by link: ``prev_seq`` is the seq before the first (None: do not check
    that seqs run without gaps, as when only some links were read)."""
    for link, digest, expected_prev in zip(links, digests, expected_prevs, strict=True):
        seq, rid = link[SEQ], link[RID]
        if prev_seq is not None and seq != prev_seq + 1:
            add(
                Problem(
                    rid,
                    _("signature #{seq} follows #{prev_seq}: signatures in between are missing").format(
                        seq=seq, prev_seq=prev_seq
                    ),
                )
            )
        if link[PREV] != expected_prev:
            add(
                Problem(
                    rid,
                    _(
                        "signature #{seq} does not link to the signature before it "
                        "(chain broken: a signature was removed, added or reordered)"
                    ).format(seq=seq),
                )
            )
        if digest != link[CHAIN]:
            add(
                Problem(
                    rid,
                    _("signature #{seq} was altered (its signer, time, reason or hash changed)").format(
                        seq=seq
                    ),
                )
            )
        prev_seq = seq


def check_chain(
    links: list[tuple[Any, ...]], predecessors: dict[int, str] | None, add: Callable[[Problem], None]
) -> bool:
    """Each link's own hash, and its link to the one before it.

    ``predecessors`` (seq -> chain hash of seq - 1) when only some links were read; ``None``
    for the whole chain, which must also run 1, 2, 3... without gaps. Whole batches that are
    in order are checked with a few list comparisons; a batch with a problem link by link.
    True if any link had a problem.
    """
    broken = False
    prev_seq, prev_chain = 0, GENESIS
    for start in range(0, len(links), VERIFY_CHUNK):
        chunk = links[start : start + VERIFY_CHUNK]
        digests = hex_digests(link_texts(chunk))
        chains = list(map(itemgetter(CHAIN), chunk))
        seqs = list(map(itemgetter(SEQ), chunk))
        if predecessors is None:
            expected_prevs = [prev_chain, *chains[:-1]]
            in_order = seqs == list(range(prev_seq + 1, prev_seq + 1 + len(seqs)))
        else:
            expected_prevs = [predecessors.get(s, GENESIS if s == 1 else "(missing)") for s in seqs]
            in_order = True
        if not (in_order and digests == chains and list(map(itemgetter(PREV), chunk)) == expected_prevs):
            _check_links(chunk, digests, expected_prevs, prev_seq if predecessors is None else None, add)
            broken = True
        prev_seq, prev_chain = seqs[-1], chains[-1]
    return broken


def time_warnings(links: list[tuple[Any, ...]]) -> list[Problem]:
    """A warning for each link dated earlier than the link before it (the whole chain, in order)."""
    # As text (a hand-edited value of another type must not stop verification); stored stamps
    # all read "YYYY-MM-DD HH:MM:SS.ffffff", so text order is time order.
    times = list(map(str, map(itemgetter(AT), links)))
    if times == sorted(times):  # the usual case, in C
        return []
    warnings = []
    for i in range(1, len(links)):
        if times[i] < times[i - 1]:
            link, before = links[i], links[i - 1]
            warnings.append(
                Problem(
                    link[RID],
                    _(
                        "signature #{seq} is dated {at} UTC, earlier than signature "
                        "#{before} before it ({before_at} UTC): the computer's clock was "
                        "wrong when one of them was made. Time runs backwards here; nothing was altered."
                    ).format(
                        seq=link[SEQ], at=times[i][:16], before=before[SEQ], before_at=times[i - 1][:16]
                    ),
                )
            )
    return warnings


def index_links(
    links: list[tuple[Any, ...]], add: Callable[[Problem], None]
) -> tuple[dict[Any, tuple[Any, ...]], dict[Any, tuple[Any, ...]]]:
    """The signature and the void of each record (a record has at most one of each)."""
    signs: dict[Any, tuple[Any, ...]] = {}
    voids: dict[Any, tuple[Any, ...]] = {}
    for link in links:
        seq, rid, action = link[SEQ], link[RID], link[ACTION]
        if action == SIGN:
            target = signs
        elif action == VOID:
            target = voids
        else:
            add(
                Problem(
                    rid, _("signature #{seq} has an unknown action {action!r}").format(seq=seq, action=action)
                )
            )
            continue
        earlier = target.get(rid)
        if earlier is not None:
            repeats = (
                _("signature #{seq} repeats #{earlier}: a record is signed only once")
                if action == SIGN
                else _("signature #{seq} repeats #{earlier}: a record is voided only once")
            )
            add(Problem(rid, repeats.format(seq=seq, earlier=earlier[SEQ])))
            continue
        target[rid] = link
    for rid, voided in voids.items():
        signed = signs.get(rid)
        if signed is None:
            add(
                Problem(
                    rid, _("void #{seq} withdraws a record that has no signature").format(seq=voided[SEQ])
                )
            )
        elif voided[SEQ] < signed[SEQ]:
            add(
                Problem(
                    rid,
                    _("void #{seq} comes before the signature it withdraws (#{signed})").format(
                        seq=voided[SEQ], signed=signed[SEQ]
                    ),
                )
            )
    return signs, voids


AUDITED_SQL = "SELECT DISTINCT record_id, action FROM audit_event"
AUDITED = "action IN ('sign', 'void')"
LATEST_AUDITED_SQL = f"SELECT record_id, action FROM audit_event WHERE {AUDITED} ORDER BY id DESC LIMIT 1"


def check_audit_trail(
    audited: Iterable[tuple[Any, Any]],
    signs: dict[Any, tuple[Any, ...]],
    voids: dict[Any, tuple[Any, ...]],
    named: set[Any],
    add: Callable[[Problem], None],
) -> None:
    """Records the audit trail says were signed or voided (``audited``: its distinct
    ``(record id, action)`` rows), whose link is not in the chain.

    The chain alone cannot say which record a deleted link belonged to; the audit trail (its
    sign and void events are written with the links, in one transaction) can. ``named``:
    records already reported, not repeated.
    """
    for rid, action in audited:
        if rid in named or rid in (signs if action == SIGN else voids):
            continue
        missing = (
            _("the audit trail says it was signed, but that signature is missing from the chain")
            if action == SIGN
            else _("the audit trail says it was voided, but that signature is missing from the chain")
        )
        add(Problem(rid, missing))


def check_deleted(
    signs: dict[Any, tuple[Any, ...]],
    voids: dict[Any, tuple[Any, ...]],
    seen: set[Any],
    add: Callable[[Problem], None],
) -> None:
    """Links whose record was not among those read (``seen``): the record is gone."""
    for link in sorted(map(signs.__getitem__, signs.keys() - seen), key=itemgetter(SEQ)):
        add(
            Problem(
                link[RID],
                _("was signed (signature #{seq}) but the record has been deleted").format(seq=link[SEQ]),
            )
        )
    for link in sorted(map(voids.__getitem__, voids.keys() - seen - signs.keys()), key=itemgetter(SEQ)):
        add(
            Problem(link[RID], _("was voided (#{seq}) but the record has been deleted").format(seq=link[SEQ]))
        )


def _check_record(
    kind: str,
    rid: Any,
    status: Any,
    digest: str,
    signs: dict[Any, tuple[Any, ...]],
    voids: dict[Any, tuple[Any, ...]],
    add: Callable[[Problem], None],
) -> None:
    """A signed record must match its signature (and void); a pending one must have none."""
    link = signs.get(rid)
    if status == PENDING:
        if link is not None:
            add(
                Problem(
                    rid, _("was signed (signature #{seq}) but is marked pending again").format(seq=link[SEQ])
                )
            )
        elif rid in voids:
            add(
                Problem(rid, _("was voided (#{seq}) but is marked pending again").format(seq=voids[rid][SEQ]))
            )
        return
    if status != SIGNED:
        add(Problem(rid, _("has an unknown status {status!r}").format(status=status)))
        return
    if link is None:
        add(Problem(rid, _("is marked signed but has no signature")))
        return
    if link[KIND] != kind:
        add(
            Problem(
                rid,
                _("signature #{seq} is for a {signed_kind}, not a {kind}").format(
                    seq=link[SEQ], signed_kind=link[KIND], kind=kind
                ),
            )
        )
    if digest != link[CONTENT]:
        add(Problem(rid, _("content changed after it was signed (signature #{seq})").format(seq=link[SEQ])))
    voided = voids.get(rid)
    if voided is not None and void_content_hash(digest, voided[REASON]) != voided[CONTENT]:
        add(Problem(rid, _("void #{seq} no longer matches the record or its reason").format(seq=voided[SEQ])))


HEX = 64  # characters of one hex SHA-256 digest


def check_records(
    kind: str,
    ids: Sequence[Any],
    statuses: Sequence[Any],
    digests: Sequence[str] | str,
    special: set[Any],
    signs: dict[Any, tuple[Any, ...]],
    voids: dict[Any, tuple[Any, ...]],
    add: Callable[[Problem], None],
    contents: dict[Any, str] | None = None,
) -> None:
    """:func:`_check_record` for the records that can have a problem: those not signed, or
    whose hash differs from their signature's (a record signed as the other kind counts as
    having none), found with a few list operations; and the ``special`` ones (voided).
    ``digests``: one per record, or all of them as one string (from a worker process).
    ``contents``: :func:`signed_contents` of ``signs`` for ``kind``, if already made."""
    if contents is not None:
        expected: list[str | None] = list(map(contents.get, ids))
    else:
        expected = [
            None if link is None or link[KIND] != kind else link[CONTENT] for link in map(signs.get, ids)
        ]
    all_signed = statuses.count(SIGNED) == len(statuses)
    if isinstance(digests, str):
        if all_signed and None not in expected and "".join(expected) == digests:
            digests = expected  # equal, without cutting the string up
        else:
            digests = [digests[i : i + HEX] for i in range(0, len(digests), HEX)]
    if all_signed and digests == expected:
        todo: set[int] = set()
    else:
        todo = {
            i
            for i, (d, e, s) in enumerate(zip(digests, expected, statuses, strict=True))
            if d != e or s != SIGNED
        }
    if special:
        todo.update(i for i, rid in enumerate(ids) if rid in special)
    for i in sorted(todo):
        _check_record(kind, ids[i], statuses[i], digests[i], signs, voids, add)


def signed_contents(signs: dict[Any, tuple[Any, ...]]) -> dict[str, dict[Any, str]]:
    """{kind: {record id: the content hash its signature holds}}."""
    contents: dict[str, dict[Any, str]] = {SESSION: {}, EXPERIENCE: {}}
    for rid, link in signs.items():
        of_kind = contents.get(link[KIND])
        if of_kind is not None:
            of_kind[rid] = link[CONTENT]
    return contents
