"""A case file from the bureau's records: the same zip as a laptop's `cases export` (casefile/export.py
writes both), made from what the devices pushed - the case and inspection records, document PDFs and
evidence originals from the bureau's blob store - with the covering entries of the pushing devices' audit
chains, each entry naming its chain (the device id), so `eco-field verify-export` checks it unchanged.

Nothing doubtful goes into a case file: a blob missing or altered in the store, a device chain that no
longer verifies, or a file no pushed audit entry covers (its device has not synced its audit log) refuses
the export with the reason.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from eco_field.bureau.audit_chain import chain_problem
from eco_field.bureau.storage import BureauStorage, Record
from eco_field.casefile.export import covered_ids, document_file, evidence_file, write_case_file
from eco_field.casefile.verify import covered_hashes
from eco_field.errors import BadInput, NotFound
from eco_field.messages import Message, Term
from eco_field.store.blobs import BlobStore, file_sha256, normalise_ext


def export_case(storage: BureauStorage, data_dir: Path, case_id: str, out: Path) -> dict[str, Any]:
    """Write the case file atomically to out; returns its manifest."""
    case = _live(storage.record("case", case_id), NotFound("bureau.no_case", id=case_id))
    inspection_id = str(case.payload.get("inspection_id") or "")
    missing = NotFound("bureau.export_no_inspection", inspection=inspection_id, case=case_id)
    inspection = _live(storage.record("inspection", inspection_id), missing)
    if inspection.unit != case.unit:
        raise missing
    # only records whose whole chain is this case's: its inspection, its unit (a record of another unit
    # naming this inspection is no part of it, whatever it names)
    linked = [r for r in storage.inspection_records(inspection_id)
              if not r.deleted and r.unit == case.unit and isinstance(r.payload, dict)
              and r.payload.get("inspection_id") == inspection_id]
    # as on the laptop: the inspection's own documents, then the case's
    documents = [{**r.payload, "id": r.entity_id} for r in linked
                 if r.entity == "document" and r.payload.get("case_id") is None]
    documents += [{**r.payload, "id": r.entity_id} for r in linked
                  if r.entity == "document" and r.payload.get("case_id") == case_id]
    evidence = [r for r in linked if r.entity == "evidence"]
    originals = _originals(storage, BlobStore(data_dir / "blobs"),
                           [d["pdf_sha256"] for d in documents] + [r.sha256 for r in evidence])
    files = [document_file({**d, "pdf_size": originals[d["pdf_sha256"]][1]}, originals[d["pdf_sha256"]][0])
             for d in documents]
    files += [f for f in (_evidence_file(r, originals) for r in evidence) if f is not None]
    by_id = {r.entity_id: r for r in [case, inspection, *linked]}
    entries = _audit_entries(storage, covered_ids(case_id, inspection_id, documents, files), files, by_id)
    record = {"case": case.payload, "inspection": inspection.payload}
    return write_case_file(out, case_id, record, files, entries, exported_from="bureau")


def _live(record: Record | None, missing: NotFound) -> Record:
    if record is None or record.deleted:
        raise missing
    return record


def _evidence_file(record: Record, originals: dict[str, tuple[Path, int]]) -> dict[str, Any] | None:
    p = record.payload
    name = str(p.get("original_name") or "")
    source, size = originals[record.sha256]
    ext = normalise_ext(name) if "." in name else ""
    # the name is the device's (any text, separators included): only an ASCII extension reaches the zip path
    return evidence_file(record.entity_id, record.sha256, str(p.get("kind") or "other"), name, size,
                         ext if ext.isascii() else "", source)


def _originals(storage: BureauStorage, store: BlobStore, hashes: list[str]) -> dict[str, tuple[Path, int]]:
    """(path, size) of every blob, each checked against its SHA-256 (the bureau never changes a blob)."""
    sizes = storage.blob_sizes(list(dict.fromkeys(hashes)))
    found = {}
    for sha in dict.fromkeys(hashes):
        path = store.find(sha) if sha in sizes else None
        if path is None:
            raise BadInput("bureau.original_missing", sha=sha)
        if file_sha256(path) != sha:
            raise BadInput("bureau.original_altered", sha=sha, path=path)
        found[sha] = (path, sizes[sha])
    return found


def _audit_entries(storage: BureauStorage, ids: set[str], files: list[dict[str, Any]],
                   records: dict[str, Record]) -> list[dict[str, Any]]:
    """The pushing devices' entries about these records, each naming its chain; every chain checked whole,
    and every device that changed these records has pushed its chain past those changes."""
    entries = storage.audit_entries(sorted(ids))
    for device_id in dict.fromkeys(e["device_id"] for e in entries):
        problem = chain_problem(storage, device_id)
        if problem:
            raise BadInput("bureau.chain_broken", device=_device(storage, device_id), problem=problem)
    behind = _devices_behind(storage, ids, entries)
    if behind:
        raise _sync_first(storage, behind, "bureau.sync_first_changes")
    covered = covered_hashes(entries)
    uncovered = [f for f in files if f["sha256"] not in covered]
    if uncovered:
        paths = ", ".join(f["path"] for f in uncovered)
        makers = {device: None for f in uncovered if (device := _maker(records, f))}
        if makers:
            raise _sync_first(storage, makers, "bureau.sync_first_files", paths=paths)
        raise BadInput("bureau.uncovered", paths=paths)
    return [{"chain": e["device_id"], **{k: v for k, v in e.items() if k != "device_id"}} for e in entries]


# Entries a laptop writes taking the bureau's version of a record (a pull, an inspection the bureau
# replaced): no outbox entry goes with them, so they never stand for a change the device sent.
RECEIVED_ACTIONS = frozenset({"pull", "pull_status", "accept_bureau"})  # (law/cases.PULLED_STATUS)


def _devices_behind(storage: BureauStorage, ids: set[str], entries: list[dict[str, Any]]) -> dict[str, str]:
    """device id -> a record it changed more often than its pushed audit entries say: a device writes an
    audit entry with every outbox entry and pushes its outbox first, so fewer entries mean a chain cut short.

    A laptop enrolled again (a new device id) pushes its whole chain again under the new id; the old id's
    chain, cut short by a sync that stopped between outbox and audit, is then part of the new one, and
    the two ids' changes are counted against the new chain. A copy of the laptop restored on another
    machine holds the same prefix but the old id's later changes only as pulled copies, which are not
    counted: that chain covers nothing of the old id's, and the old id is the one named."""
    own = Counter((e["device_id"], e["entity_id"]) for e in entries if e["action"] not in RECEIVED_ACTIONS)
    applied = storage.entry_counts(sorted(ids))
    short = {device_id for (device_id, entity_id), n in applied.items() if own[device_id, entity_id] < n}
    chains = {e["device_id"] for e in entries}
    continued = {device_id: later for device_id in short
                 if (later := _continuation(storage, device_id, chains - {device_id}))}
    counted = Counter()
    for (device_id, entity_id), n in applied.items():
        counted[continued.get(device_id, device_id), entity_id] += n
    # a continuation that falls short of what was counted against it covers none of it
    covering = set(continued.values()) - {device_id for (device_id, entity_id), n in counted.items()
                                          if own[device_id, entity_id] < n}
    return {device_id: entity_id for (device_id, entity_id), n in sorted(applied.items())
            if own[device_id, entity_id] < n and continued.get(device_id) not in covering}


def _continuation(storage: BureauStorage, device_id: str, others: set[str]) -> str | None:
    """The longest other chain that holds this device's last pushed entry (same place, same hash: the
    same laptop's log, pushed again under a new enrolment), if any."""
    seq, hash_ = storage.audit_head(device_id)
    if not seq:
        return None  # nothing pushed under this id: nothing to recognise the laptop by
    holders = [(storage.audit_head(other)[0], other) for other in sorted(others)
               if storage.audit_hashes(other, seq, seq).get(seq) == hash_]
    return max(holders)[1] if holders else None


def _maker(records: dict[str, Record], file: dict[str, Any]) -> str | None:
    """The device that pushed a file's evidence or document record."""
    record = records.get(file.get("evidence_id") or file.get("document_id") or "")
    return record.origin_device if record else None


def _sync_first(storage: BureauStorage, devices: dict[str, Any], code: str, **params: Any) -> BadInput:
    """The devices whose audit log reached the bureau only in part: sync them, then export again."""
    names = [_device(storage, d) for d in devices]
    which = Term("bureau.that_device" if len(devices) == 1 else "bureau.those_devices")
    return BadInput(code, devices=names, which=which, **params)


def _device(storage: BureauStorage, device_id: str) -> Message:
    device = storage.device(device_id)
    if device is None:
        return Message("bureau.device", {"id": device_id})
    return Message("bureau.device_named", {"id": device_id, "name": device.name or Term("bureau.unnamed"),
                                           "officer": device.officer_cert})
