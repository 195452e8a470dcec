"""Who may write what at the bureau: the one place that knows the chain of a device-owned record.

A record's unit (county) comes from every parent its payload names (PARENTS): each must be held by the
bureau, they must all be of one unit, and that unit one of the device's; a record with no parent (a voided
document number) is the device's first unit's. Parents never change once a record names them, and what
a parent says of a shared grandparent must agree (AGREE: a case's enterprise is its inspection's). Kinds
outside DEVICE_KINDS are the bureau's own: no entry model exists for them (schemas/entries.py).

A sealed inspection is sealed here too: nothing of it or of its evidence and readings changes, nothing is
added to it and nothing removed; an amendment (`inspections amend`) is a new inspection naming the sealed
one, of the same enterprise, carrying at least every evidence file the bureau holds of it.
"""

from __future__ import annotations

from typing import Any

from eco_field.bureau.storage import Record

# entity -> ((payload key, parent entity), ...)
PARENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "inspection": (("enterprise_id", "enterprise"), ("task_id", "task"), ("amends_id", "inspection")),
    "case": (("inspection_id", "inspection"), ("enterprise_id", "enterprise")),
    "evidence": (("inspection_id", "inspection"), ("derived_from", "evidence")),
    "reading_source": (("inspection_id", "inspection"),),
    "document": (("inspection_id", "inspection"), ("case_id", "case"), ("evidence_id", "evidence")),
    "document_version": (("document_id", "document"), ("inspection_id", "inspection"), ("case_id", "case")),
    "document_signature": (("document_id", "document"), ("evidence_id", "evidence"),
                           ("inspection_id", "inspection"), ("case_id", "case")),
    "signature": (("document_id", "document"), ("evidence_id", "evidence")),
    "document_number": (),
}
# (entity, key, parent key, parent's field): payload[key] must equal the parent's payload[field] when both
# are given, e.g. a case's enterprise is the enterprise of its inspection
AGREE: tuple[tuple[str, str, str, str], ...] = (
    ("inspection", "enterprise_id", "task_id", "enterprise_id"),
    ("inspection", "enterprise_id", "amends_id", "enterprise_id"),
    ("case", "enterprise_id", "inspection_id", "enterprise_id"),
    ("evidence", "inspection_id", "derived_from", "inspection_id"),
    ("document", "inspection_id", "case_id", "inspection_id"),
    ("document", "inspection_id", "evidence_id", "inspection_id"),
    ("document_version", "inspection_id", "document_id", "inspection_id"),
    ("document_version", "case_id", "document_id", "case_id"),
    ("document_signature", "inspection_id", "document_id", "inspection_id"),
    ("document_signature", "case_id", "document_id", "case_id"),
    ("signature", "document_id", "evidence_id", None),
)
# fields a record keeps once written (besides its parents): a file's hash is what it is
IMMUTABLE: dict[str, tuple[str, ...]] = {
    "evidence": ("sha256", "kind"),
    "reading_source": ("sha256",),
    "document": ("number", "kind", "record_sha256"),
    "document_number": ("kind", "year", "serial", "number"),
}
# ops that make a record: on a record already there (with other content) they are a conflict
CREATE_OPS = {"evidence": {"import"}, "reading_source": {"import"}, "document": {"issue"},
              "document_version": {"add"}, "document_signature": {"sign"}, "signature": {"sign"},
              "document_number": {"void"}}
# ops that change a record that must be there (an evidence file removed or put back, a document signed...)
UPDATE_OPS = {"evidence": {"update", "delete", "restore"}, "reading_source": {"evaluate"},
              "document": {"sign", "supersede", "void"}}
# the records of an inspection that its seal covers: none of them may change once it is sealed
SEALED_WITH = frozenset({"evidence", "reading_source"})


class Refused(Exception):
    """The entry names what this device may not write, or what the bureau does not hold (the same answer)."""


def parent_keys(entity: str, payload: dict[str, Any], current: Record | None) -> list[tuple[str, str, str]]:
    """(key, parent entity, parent id) of every parent the record names (its payload over the current one)."""
    merged = {**(current.payload if current is not None else {}), **payload}
    return [(key, parent, merged[key]) for key, parent in PARENTS.get(entity, ())
            if isinstance(merged.get(key), str) and merged[key]]


def unit_of(entity: str, payload: dict[str, Any], current: Record | None, records: dict[tuple[str, str], Record],
            device_units: list[str]) -> str:
    """The record's unit from its whole chain, or Refused. records: what the batch read (and wrote)."""
    if current is not None:
        for key, _ in PARENTS.get(entity, ()):
            if key in payload and payload[key] != current.payload.get(key):
                raise Refused(f"{key} of a record never changes")
    units = set()
    parents = {}
    for key, parent_entity, parent_id in parent_keys(entity, payload, current):
        parent = records.get((parent_entity, parent_id))
        if parent is None:
            raise Refused(f"names a {parent_entity} the bureau does not hold")
        parents[key] = parent
        units.add(parent.unit)
    if len(units) > 1:
        raise Refused("names records of different units")
    merged = {**(current.payload if current is not None else {}), **payload}
    for child, key, parent_key, field in AGREE:
        if child != entity or parent_key not in parents:
            continue
        parent = parents[parent_key]
        expected = parent.entity_id if field is None else parent.payload.get(field)
        if field is None:  # a signature's evidence is the signature's own file: its document's inspection
            document = parents.get("document_id")
            if document is not None and parent.payload.get("inspection_id") != document.payload.get("inspection_id"):
                raise Refused("its evidence file is not of its document's inspection")
            continue
        if merged.get(key) is not None and expected is not None and merged.get(key) != expected:
            raise Refused(f"its {key} is not the {key} of its {parent_key[:-3]}")
    unit = units.pop() if units else (current.unit if current is not None else (device_units or [""])[0])
    if unit not in device_units or (current is not None and current.unit != unit):
        raise Refused("belongs to another unit")
    return unit


def sealed_inspection_of(entity: str, payload: dict[str, Any], current: Record | None,
                         records: dict[tuple[str, str], Record]) -> Record | None:
    """The sealed inspection this entry would change or add to, if any."""
    if entity == "inspection":
        inspection = current
    elif entity in SEALED_WITH:
        inspection_id = {**(current.payload if current is not None else {}), **payload}.get("inspection_id")
        inspection = records.get(("inspection", inspection_id)) if isinstance(inspection_id, str) else None
    else:
        return None
    return inspection if inspection is not None and is_sealed(inspection) else None


def is_sealed(record: Record) -> bool:
    return record.entity == "inspection" and isinstance(record.payload, dict) \
        and record.payload.get("status") == "sealed"


def immutable_changed(entity: str, payload: dict[str, Any], current: Record) -> str | None:
    for key in IMMUTABLE.get(entity, ()):
        if key in payload and key in current.payload and payload[key] != current.payload[key]:
            return key
    return None
