"""The devices' audit chains on the bureau: each device pushes its hash-chained audit log after its outbox
(POST /audit), and the bureau keeps one chain per device, so a case file exported from the bureau carries
the entries that cover its files, as the laptop's own export does.

A push is idempotent and resumable: entries the bureau already holds are answered as duplicates (the same
hash) and the rest must continue the stored chain, entry by entry: the next number, prev_hash equal to the
hash before it, and a hash that recomputes. Anything else refuses the whole push (409) and stores nothing.
"""

from __future__ import annotations

from typing import Any

from eco_field.bureau.refusals import Refusal
from eco_field.bureau.storage import BureauStorage, Device
from eco_field.clock import utc_now
from eco_field.store.audit import GENESIS, entry_hash, verify_rows

MAX_AUDIT_BATCH = 1000
# One entry's texts, in UTF-8 bytes: far above what a laptop writes (data_json is the change's outbox
# payload, itself held to the /push body limit), and low enough that one entry, JSON-escaped, fits a body.
MAX_ENTRY_BYTES = 4 * 1024 ** 2
MAX_SEQ = 2 ** 62  # a BIGINT on PostgreSQL; no chain gets near it
AUDIT_KEYS = ("seq", "at", "actor", "entity", "entity_id", "action", "data_json", "prev_hash", "hash")
TEXT_KEYS = ("at", "actor", "entity", "entity_id", "action", "data_json", "prev_hash", "hash")
HEX = frozenset("0123456789abcdef")


class ChainRefused(Refusal):
    """A push that does not continue the device's stored chain (409); last_seq says where the bureau is."""

    def __init__(self, code: str, last_seq: int, **params: Any) -> None:
        super().__init__(code, **params)
        self.last_seq = last_seq


class MalformedAudit(Refusal):
    """A POST /audit body that is no list of audit entries (400, nothing stored): which entry, what is wrong."""


def validate(entries: Any) -> list[dict[str, Any]]:
    """The entries of a POST /audit body, or MalformedAudit (400, nothing stored) naming what is wrong.
    An entry has exactly the audit columns: the chain is the device of the token, never named in the body."""
    if not isinstance(entries, list) or len(entries) > MAX_AUDIT_BATCH:
        raise MalformedAudit("bureau.refused.audit_batch", max=MAX_AUDIT_BATCH)
    for index, entry in enumerate(entries):
        _validate_entry(index + 1, entry)
    if any(b["seq"] <= a["seq"] for a, b in zip(entries, entries[1:], strict=False)):
        raise MalformedAudit("bureau.refused.audit_order")
    return entries


def _validate_entry(position: int, entry: Any) -> None:
    """position: the entry's place in the body, 1 first (its seq is named once it is known to be one)."""
    if not isinstance(entry, dict):
        raise MalformedAudit("bureau.refused.audit_not_object", position=position)
    extra = sorted(set(entry) - set(AUDIT_KEYS))
    if extra:
        raise MalformedAudit("bureau.refused.audit_unknown_fields", position=position,
                             fields=", ".join(f"{name!s:.40}" for name in extra[:5]), keys=", ".join(AUDIT_KEYS))
    seq = entry.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or not 1 <= seq <= MAX_SEQ:
        raise MalformedAudit("bureau.refused.audit_seq", position=position, value=f"{seq!r:.40}")
    texts = [entry.get(k) for k in TEXT_KEYS]
    if any(not isinstance(t, str) for t in texts):
        raise MalformedAudit("bureau.refused.audit_texts", seq=seq, keys=", ".join(TEXT_KEYS))
    try:  # a lone surrogate (legal in JSON) cannot be stored; a NUL cannot be stored on PostgreSQL
        size = sum(len(t.encode("utf-8")) for t in texts)
    except UnicodeEncodeError as exc:
        raise MalformedAudit("bureau.refused.audit_unicode", seq=seq) from exc
    if any("\x00" in t for t in texts):
        raise MalformedAudit("bureau.refused.audit_nul", seq=seq)
    if size > MAX_ENTRY_BYTES:
        raise MalformedAudit("bureau.refused.audit_too_large", seq=seq, max=MAX_ENTRY_BYTES)
    for key in ("prev_hash", "hash"):
        if len(entry[key]) != 64 or not HEX.issuperset(entry[key]):
            raise MalformedAudit("bureau.refused.audit_hash", seq=seq, key=key)


def receive(storage: BureauStorage, device: Device, entries: list[dict[str, Any]]) -> dict[str, Any]:
    """Store the entries that continue the device's chain; {"stored", "duplicates", "last_seq"}."""
    validate(entries)
    with storage.transaction():
        last_seq, last_hash = storage.audit_head(device.id)
        held = storage.audit_hashes(device.id, entries[0]["seq"], last_seq) if entries and last_seq else {}
        head_seq, head_hash, fresh = last_seq, last_hash or GENESIS, []
        for entry in entries:
            seq = entry["seq"]
            if seq <= last_seq:
                if held.get(seq) != entry["hash"]:
                    raise ChainRefused("bureau.refused.chain_rewritten", last_seq, seq=seq)
                continue
            _check_next(entry, head_seq, head_hash, last_seq)
            fresh.append(entry)
            head_seq, head_hash = seq, entry["hash"]
        storage.put_audit_entries(device.id, fresh, utc_now())
    return {"stored": len(fresh), "duplicates": len(entries) - len(fresh), "last_seq": head_seq}


def _check_next(entry: dict[str, Any], head_seq: int, head_hash: str, last_seq: int) -> None:
    seq = entry["seq"]
    if seq != head_seq + 1:
        raise ChainRefused("bureau.refused.chain_gap", last_seq, seq=seq, held=last_seq, next=head_seq + 1)
    if entry["prev_hash"] != head_hash:
        raise ChainRefused("bureau.refused.chain_broken", last_seq, seq=seq, head=head_seq)
    digest = entry_hash(seq, entry["at"], entry["actor"], entry["entity"], entry["entity_id"], entry["action"],
                        entry["data_json"], entry["prev_hash"])
    if digest != entry["hash"]:
        raise ChainRefused("bureau.refused.chain_altered", last_seq, seq=seq)


def chain_problem(storage: BureauStorage, device_id: str) -> str | None:
    """Why the bureau's copy of a device's chain no longer verifies (edited in the database), or None."""
    report = verify_rows([tuple(e[k] for k in AUDIT_KEYS) for e in storage.audit_chain(device_id)])
    return None if report.ok else report.problem
