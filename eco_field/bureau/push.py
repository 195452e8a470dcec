"""Applying a device's outbox entries: idempotent by (device, entry id), stale revisions kept as conflicts.

Any entity is stored generically as its latest revision. Per entry the answer is
- applied: stored (a new record or a newer revision);
- duplicate: this device sent this entry before with the same content, or the record already holds it;
- conflict: the entry id was reused with other content (409-style), the revision is stale, or the
  inspection is sealed. The conflict is kept on the server with both versions, and the device shows it.
A batch touching another unit's records is refused whole (Forbidden) and nothing of it is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eco_field.bureau.storage import BureauStorage, Device, Record
from eco_field.canonical import sha256_of
from eco_field.clock import utc_now

# A payload key naming another record: the new record belongs to that record's unit.
PARENT_KEYS = (("enterprise_id", "enterprise"), ("inspection_id", "inspection"), ("case_id", "case"),
               ("task_id", "task"))
ENTRY_KEYS = ("entry_id", "entity", "entity_id", "op", "payload")
BLOB_KEYS = ("sha256", "pdf_sha256")  # payload fields naming a blob the record needs (evidence, document PDF)


class Forbidden(Exception):
    def __init__(self, entry_ids: list[str], message: str) -> None:
        super().__init__(message)
        self.entry_ids = entry_ids


class MalformedEntry(ValueError):
    pass


def entry_digest(entry: dict[str, Any]) -> str:
    return sha256_of([entry["entity"], entry["entity_id"], entry["op"], entry.get("revision"), entry["payload"]])


def validate(entry: Any) -> dict[str, Any]:
    if not isinstance(entry, dict) or any(key not in entry for key in ENTRY_KEYS):
        raise MalformedEntry(f"an entry needs {', '.join(ENTRY_KEYS)}")
    for key in ("entry_id", "entity", "entity_id", "op"):
        if not isinstance(entry[key], str) or not entry[key] or len(entry[key]) > 200:
            raise MalformedEntry(f"entry field {key!r} must be a non-empty string")
    revision = entry.get("revision")
    if revision is not None and (not isinstance(revision, int) or isinstance(revision, bool)):
        raise MalformedEntry("entry revision must be an integer or null")
    return entry


@dataclass
class Batch:
    """What one batch's decisions read and write, fetched and stored in a few statements: the entries this
    device sent before, the records the batch names and their parents (kept up to date as the batch
    writes, so a later entry sees an earlier one's record), and the entries to store at the end."""

    seen: dict[str, tuple[str, dict[str, Any]]]
    records: dict[tuple[str, str], Record]
    new_entries: list[tuple[str, str, str, str, dict[str, Any]]] = field(default_factory=list)


def apply_batch(storage: BureauStorage, device: Device, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Apply the entries in order, all in one transaction; raises Forbidden (nothing stored)."""
    for entry in entries:
        validate(entry)
    with storage.transaction():
        batch = Batch(*storage.entries_and_records(device.id, [e["entry_id"] for e in entries],
                                                   _keys_named(entries)))
        results = [_apply(storage, device, entry, batch) for entry in entries]
        forbidden = [r["entry_id"] for r in results if r["status"] == "forbidden"]
        if forbidden:
            raise Forbidden(forbidden, f"{len(forbidden)} entr{'y' if len(forbidden) == 1 else 'ies'} touch records"
                            f" outside the units of officer {device.officer_cert} ({', '.join(device.units)})")
        storage.put_entries(device.id, batch.new_entries, utc_now())
    return results


def _keys_named(entries: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Every record a batch may read: the entries' own and the parents their payloads name."""
    keys = []
    for entry in entries:
        keys.append((entry["entity"], entry["entity_id"]))
        payload = entry["payload"] if isinstance(entry["payload"], dict) else {}
        keys += [(parent, payload[key]) for key, parent in PARENT_KEYS if isinstance(payload.get(key), str)]
    return keys


def _apply(storage: BureauStorage, device: Device, entry: dict[str, Any], batch: Batch) -> dict[str, Any]:
    entry_id, digest = entry["entry_id"], entry_digest(entry)
    seen = batch.seen.get(entry_id)
    if seen is not None:
        if seen[0] == digest:
            first = seen[1]
            return first if first["status"] == "conflict" else {**first, "status": "duplicate"}
        return _conflict(storage, device, entry, None, "entry_id_reused", record_entry=False)
    current = batch.records.get((entry["entity"], entry["entity_id"]))
    unit = _unit_of(batch, device, entry, current)
    if unit not in device.units or (current is not None and current.unit not in device.units):
        return {"entry_id": entry_id, "status": "forbidden"}
    result = _decide(storage, device, entry, current, unit, batch)
    batch.seen[entry_id] = (digest, result)
    batch.new_entries.append((entry_id, digest, entry["entity"], entry["entity_id"], result))
    return result


def merged_payload(entry: dict[str, Any], current: Record | None) -> Any:
    """What the record holds after the entry: a payload updates the fields it names and keeps the rest
    (a seal entry carries only the seal; the inspection's fields stay). Sealing sets status sealed."""
    payload = entry["payload"]
    if current is not None and isinstance(current.payload, dict) and isinstance(payload, dict):
        payload = {**current.payload, **payload}
    if entry["entity"] == "inspection" and entry["op"] == "seal" and isinstance(payload, dict):
        payload = {**payload, "status": "sealed"}
    return payload


def _decide(storage: BureauStorage, device: Device, entry: dict[str, Any], current: Record | None,
            unit: str, batch: Batch) -> dict[str, Any]:
    entry_id, revision = entry["entry_id"], entry.get("revision")
    payload = merged_payload(entry, current)
    if current is not None:
        if current.payload == payload and current.deleted == (entry["op"] == "delete"):
            return {"entry_id": entry_id, "status": "duplicate", "revision": current.revision}
        if current.entity == "inspection" and current.payload.get("status") == "sealed":
            return _conflict(storage, device, entry, current, "sealed")
        if revision is not None and current.revision is not None and revision <= current.revision:
            return _conflict(storage, device, entry, current, "stale_revision")
    record = _record_from(entry, payload, device, unit, current)
    storage.put_record(record)
    batch.records[record.entity, record.entity_id] = record
    return {"entry_id": entry_id, "status": "applied", "revision": record.revision, "seq": record.seq}


def _record_from(entry: dict[str, Any], payload: Any, device: Device, unit: str, current: Record | None) -> Record:
    revision = entry.get("revision")
    if revision is None and current is not None and current.revision is not None:
        revision = current.revision + 1
    fields = payload if isinstance(payload, dict) else {}
    sha = next((fields[k] for k in BLOB_KEYS if isinstance(fields.get(k), str)), None)
    inspection_id = fields.get("inspection_id") if entry["entity"] != "inspection" else None
    # a block of document numbers a device entered itself is that device's alone: never fed to others
    target = device.id if entry["entity"] == "number_block" else None
    return Record(entity=entry["entity"], entity_id=entry["entity_id"], revision=revision, unit=unit,
                  payload=payload, deleted=entry["op"] == "delete", origin_device=device.id, target_device=target,
                  inspection_id=inspection_id if sha and isinstance(inspection_id, str) else None,
                  sha256=sha, updated_at=utc_now())


def _conflict(storage: BureauStorage, device: Device, entry: dict[str, Any], current: Record | None,
              reason: str, *, record_entry: bool = True) -> dict[str, Any]:
    server = None if current is None else {"revision": current.revision, "payload": current.payload}
    storage.add_conflict({
        "device_id": device.id, "entry_id": entry["entry_id"], "entity": entry["entity"],
        "entity_id": entry["entity_id"], "reason": reason, "client_revision": entry.get("revision"),
        "server_revision": None if current is None else current.revision, "client_payload": entry["payload"],
        "server_payload": None if current is None else current.payload, "at": utc_now(),
    })
    return {"entry_id": entry["entry_id"], "status": "conflict", "reason": reason, "server": server}


def _unit_of(batch: Batch, device: Device, entry: dict[str, Any], current: Record | None) -> str:
    """The unit (county) a record belongs to: its own, its county, or its parent record's."""
    if current is not None:
        return current.unit
    payload = entry["payload"] if isinstance(entry["payload"], dict) else {}
    if entry["entity"] == "enterprise" and payload.get("county"):
        return str(payload["county"])
    if entry["entity"] == "officer" and payload.get("unit"):
        return str(payload["unit"])
    for key, parent_entity in PARENT_KEYS:
        parent_id = payload.get(key)
        if isinstance(parent_id, str) and parent_id:
            parent = batch.records.get((parent_entity, parent_id))
            if parent is not None:
                return parent.unit
    return device.units[0] if device.units else ""
