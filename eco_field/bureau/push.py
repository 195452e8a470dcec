"""Applying a device's outbox entries: idempotent by (device, entry id), stale revisions kept as conflicts.

A batch is first checked against the declared schemas (schemas/entries.py): any entry that does not match
refuses the whole batch (Invalid, 422) and nothing is stored. Then, per entry, the answer is
- applied: stored (a new record or a newer revision);
- duplicate: this device sent this entry before with the same content, or the record already holds it;
- conflict: the entry id was reused with other content, the revision is stale, the inspection is sealed,
  the record exists already or a field it keeps was changed. The conflict is kept with both versions.
An entry naming a record this device may not write, or one the bureau does not hold (rules.py), refuses the
batch whole (Forbidden, 403) and nothing of it is stored; the answer is the same for both, so a push never
tells whether another unit's record exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from eco_field.bureau import case_procedure, rules
from eco_field.bureau.invalid_body import InvalidBody
from eco_field.bureau.refusals import Refusal
from eco_field.bureau.schemas.entries import ENTITIES, PUSH_BODY, VERSIONED
from eco_field.bureau.storage import BureauStorage, Device, Record
from eco_field.canonical import sha256_of
from eco_field.clock import utc_now

BLOB_KEYS = ("sha256", "pdf_sha256")  # payload fields naming a blob the record needs (evidence, document PDF)


class Forbidden(Refusal):
    """A batch naming records this device may not write or the bureau does not hold (403, nothing stored)."""

    def __init__(self, entry_ids: list[str]) -> None:
        super().__init__("bureau.refused.push_forbidden", count=len(entry_ids))
        self.entry_ids = entry_ids


class Invalid(InvalidBody):
    """Entries that match no declared schema (422): which (entry_ids), and why (errors, and by code)."""


def entry_digest(entry: dict[str, Any]) -> str:
    return sha256_of([entry["entity"], entry["entity_id"], entry["op"], entry.get("revision"), entry["payload"]])


def validate_body(body: Any) -> list[dict[str, Any]]:
    """The entries of a POST /push body (as sent: the schema only decides), or Invalid naming each entry
    that matches no schema and where."""
    try:
        PUSH_BODY.validate_python(body, strict=True)
    except ValidationError as exc:
        entries = body.get("entries") if isinstance(body, dict) else None
        errors = exc.errors(include_url=False, include_input=False)[:50]
        ids: list[str] = []
        for error in errors:
            loc = list(error["loc"])
            if len(loc) > 1 and loc[0] == "entries" and isinstance(loc[1], int) and isinstance(entries, list):
                entry = entries[loc[1]]
                entry_id = entry.get("entry_id") if isinstance(entry, dict) else None
                if isinstance(entry_id, str) and entry_id not in ids:
                    ids.append(entry_id)
        raise Invalid(errors, entries, ids) from None
    return body["entries"]


@dataclass
class Batch:
    """What one batch's decisions read and write, fetched and stored in a few statements: the entries this
    device sent before, the records the batch names and their parents (kept up to date as the batch
    writes, so a later entry sees an earlier one's record), and the entries to store at the end."""

    seen: dict[str, tuple[str, dict[str, Any]]]
    records: dict[tuple[str, str], Record]
    new_entries: list[tuple[str, str, str, str, dict[str, Any]]] = field(default_factory=list)


def apply_batch(storage: BureauStorage, device: Device, entries: list[dict[str, Any]], *,
                validated: bool = False) -> list[dict[str, Any]]:
    """Apply the entries in order, all in one transaction; raises Invalid or Forbidden (nothing stored).
    validated: the entries came through validate_body already (the route checks them before the token)."""
    if not validated:
        validate_body({"entries": entries})
    with storage.transaction():
        batch = Batch(*storage.entries_and_records(device.id, [e["entry_id"] for e in entries],
                                                   _keys_named(entries)))
        results = [_apply(storage, device, entry, batch) for entry in entries]
        forbidden = [r["entry_id"] for r in results if r["status"] == "forbidden"]
        if forbidden:
            raise Forbidden(forbidden)
        refused = {r["entry_id"]: r["problem"] for r in results if r["status"] == "refused"}
        if refused:
            raise case_procedure.EventsRefused(refused)
        storage.put_entries(device.id, batch.new_entries, utc_now())
    return results


def _keys_named(entries: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Every record a batch may read: the entries' own and the parents their payloads name (read in one
    round trip with the entries; a parent named only by the stored record is read when needed)."""
    keys = []
    for entry in entries:
        keys.append((entry["entity"], entry["entity_id"]))
        keys += [(parent, entry["payload"][key]) for key, parent in rules.PARENTS.get(entry["entity"], ())
                 if isinstance(entry["payload"].get(key), str)]
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
    if current is not None and current.unit not in device.units and _creates(entry):
        # an id another unit holds already (a document number is guessable: another county's laptop voided
        # it first). Refusing the batch would stop this device's pushes for good; kept as a conflict that
        # shows nothing of the other unit's record.
        result = _conflict(storage, device, entry, None, "exists")
        batch.seen[entry_id] = (digest, result)
        batch.new_entries.append((entry_id, digest, entry["entity"], entry["entity_id"], result))
        return result
    try:
        _read_parents_of(storage, entry, current, batch)
        unit = rules.unit_of(entry["entity"], entry["payload"], current, batch.records, device.units)
    except rules.Refused:
        return {"entry_id": entry_id, "status": "forbidden"}
    if current is None and entry["op"] in rules.UPDATE_OPS.get(entry["entity"], ()):
        return {"entry_id": entry_id, "status": "forbidden"}  # changes a record the bureau does not hold
    if current is None and entry["op"] == "reenter" and not _whole_record(entry):
        return {"entry_id": entry_id, "status": "forbidden"}  # a part of a record the bureau does not hold
    if entry["op"] == "create" and entry["payload"].get("amends_id"):
        return {"entry_id": entry_id, "status": "forbidden"}  # only `inspections amend` names a sealed one
    result = _decide(storage, device, entry, current, unit, batch)
    batch.seen[entry_id] = (digest, result)
    batch.new_entries.append((entry_id, digest, entry["entity"], entry["entity_id"], result))
    return result


def _whole_record(entry: dict[str, Any]) -> bool:
    """Whether a re-entered payload is a whole record (its create op's payload): a caption, a seal or a
    signed PDF alone made a record naming no parent, no number and no file of its own."""
    creates = rules.CREATE_OPS.get(entry["entity"], {"create"})
    model = next(m for ops, m in ENTITIES[entry["entity"]][2].items() if creates & set(ops))
    try:
        model.model_validate(entry["payload"], strict=True)
    except ValidationError:
        return False
    return True


def _creates(entry: dict[str, Any]) -> bool:
    return entry["op"] == "create" or entry["op"] in rules.CREATE_OPS.get(entry["entity"], ())


def _read_parents_of(storage: BureauStorage, entry: dict[str, Any], current: Record | None, batch: Batch) -> None:
    """Parents the stored record names but the entry does not (a partial update): read them now."""
    missing = [(parent, parent_id) for _, parent, parent_id in
               rules.parent_keys(entry["entity"], entry["payload"], current)
               if (parent, parent_id) not in batch.records]
    if missing:
        batch.records.update(storage.records_of(missing))


def merged_payload(entry: dict[str, Any], current: Record | None) -> dict[str, Any]:
    """What the record holds after the entry: a payload updates the fields it names and keeps the rest
    (a seal entry carries only the seal; the inspection's fields stay). Sealing sets status sealed."""
    payload = entry["payload"]
    if current is not None and isinstance(current.payload, dict):
        payload = {**current.payload, **payload}
    if entry["entity"] == "inspection" and entry["op"] == "seal":
        payload = {**payload, "status": "sealed"}
    return payload


def _decide(storage: BureauStorage, device: Device, entry: dict[str, Any], current: Record | None,
            unit: str, batch: Batch) -> dict[str, Any]:
    entry_id, revision, entity = entry["entry_id"], entry.get("revision"), entry["entity"]
    payload = merged_payload(entry, current)
    if current is not None and current.payload == payload and current.deleted == (entry["op"] == "delete"):
        return {"entry_id": entry_id, "status": "duplicate", "revision": current.revision}
    if rules.sealed_inspection_of(entity, entry["payload"], current, batch.records) is not None:
        return _conflict(storage, device, entry, current, "sealed")
    if current is not None:
        if entry["op"] in rules.CREATE_OPS.get(entity, ()):
            return _conflict(storage, device, entry, current, "exists")
        if rules.immutable_changed(entity, entry["payload"], current):
            return _conflict(storage, device, entry, current, "immutable")
        if entity in VERSIONED and current.revision is not None and revision <= current.revision:
            return _conflict(storage, device, entry, current, "stale_revision")
    if entry["op"] == "amend":
        problem = _amend_problem(storage, entry, batch)
        if problem:
            return _conflict(storage, device, entry, current, problem)
    if entity == "case" and _claims_bureau_approval(entry["payload"]):
        from eco_field.bureau.case_approvals import unconfirmed_bureau_approvals

        if unconfirmed_bureau_approvals(storage, payload):  # an approval the bureau never gave
            return _conflict(storage, device, entry, current, "unconfirmed_approval")
    if entity == "case" and (problem := case_procedure.problem(storage, payload, current, unit)):
        return {"entry_id": entry_id, "status": "refused", "problem": problem}  # the procedure refuses an event
    record = _record_from(entry, payload, device, unit, current)
    storage.put_record(record)
    batch.records[record.entity, record.entity_id] = record
    return {"entry_id": entry_id, "status": "applied", "revision": record.revision, "seq": record.seq}


def _claims_bureau_approval(payload: dict[str, Any]) -> bool:
    return any(isinstance(e, dict) and isinstance(e.get("data"), dict) and e["data"].get("source") == "bureau"
               for e in payload.get("events") or [])


def _amend_problem(storage: BureauStorage, entry: dict[str, Any], batch: Batch) -> str | None:
    """An amendment names a sealed inspection and carries every evidence file the bureau holds of it."""
    sealed = batch.records.get(("inspection", entry["payload"]["amends_id"]))
    if sealed is None or not rules.is_sealed(sealed):
        return "amends_unsealed"
    held = {r.sha256 for r in storage.inspection_records(sealed.entity_id)
            if r.entity == "evidence" and not r.deleted and r.unit == sealed.unit}
    return None if held <= set(entry["payload"].get("evidence", [])) else "amend_drops_evidence"


def _record_from(entry: dict[str, Any], payload: dict[str, Any], device: Device, unit: str,
                 current: Record | None) -> Record:
    revision = entry.get("revision")
    if revision is None and current is not None and current.revision is not None:
        revision = current.revision + 1
    sha = next((payload[k] for k in BLOB_KEYS if isinstance(payload.get(k), str)), None)
    inspection_id = payload.get("inspection_id") if entry["entity"] != "inspection" else None
    deleted = entry["op"] == "delete" or (current is not None and current.deleted and entry["op"] != "restore")
    return Record(entity=entry["entity"], entity_id=entry["entity_id"], revision=revision, unit=unit,
                  payload=payload, deleted=deleted, origin_device=device.id,
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
