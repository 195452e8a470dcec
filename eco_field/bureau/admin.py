"""The bureau's admin services (the `eco-field bureau ...` commands): officers, the archive, tasks, numbers."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from eco_field import demo, messages
from eco_field.bureau.storage import BureauStorage, Record
from eco_field.clock import utc_now
from eco_field.errors import BadInput, NotFound
from eco_field.records import COUNTIES, TASK_STATUSES, Enterprise, Task, task_kind_code

CITY_UNIT = "吕梁市"


def add_officer(storage: BureauStorage, cert_no: str, name: str, units: list[str]) -> dict[str, Any]:
    cert_no, name = cert_no.strip(), name.strip()
    units = [u.strip() for u in units if u.strip()]
    if not cert_no or not name or not units:
        raise BadInput("bureau.officer_incomplete")
    with storage.transaction():
        storage.put_officer(cert_no, name, units)
        payload = {"cert_no": cert_no, "name": name, "unit": units[0]}
        _put_admin_record(storage, "officer", cert_no, units[0], payload)
    return {"cert_no": cert_no, "name": name, "units": units}


def officer(storage: BureauStorage, cert_no: str) -> dict[str, Any]:
    found = next((o for o in storage.officers() if o["cert_no"] == cert_no), None)
    if found is None:
        raise NotFound("bureau.unknown_officer", cert_no=cert_no)
    return found


def _put_admin_record(storage: BureauStorage, entity: str, entity_id: str, unit: str, payload: dict[str, Any],
                      target_device: str | None = None) -> Record | None:
    """Store the bureau's own version of a record; unchanged content keeps its revision and feed place."""
    current = storage.record(entity, entity_id)
    if current is not None and current.payload == payload and current.unit == unit:
        return None
    revision = (current.revision or 0) + 1 if current is not None else int(payload.get("revision") or 1)
    if "revision" in payload:
        payload = {**payload, "revision": revision}
    return storage.put_record(Record(entity=entity, entity_id=entity_id, revision=revision, unit=unit,
                                     payload=payload, target_device=target_device, updated_at=utc_now()))


def import_enterprises(storage: BureauStorage, items: list[dict[str, Any]], source: str = "import") -> dict[str, int]:
    """Upsert enterprises (the shape `enterprises list --json` prints), matched by credit code; all or nothing."""
    parsed = []
    for index, item in enumerate(items):
        try:
            ent = Enterprise.from_dict(item)
            ent.validate()
        except (KeyError, TypeError, ValueError, AttributeError, BadInput) as exc:
            raise BadInput("bureau.enterprise_invalid", source=source, index=index + 1, error=exc) from exc
        parsed.append(ent)
    by_code = {r.payload.get("credit_code"): r for r in storage.records("enterprise")}
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    with storage.transaction():
        for ent in parsed:
            existing = by_code.get(ent.credit_code)
            ent.id = existing.entity_id if existing else (ent.id or str(uuid.uuid4()))
            if existing:
                ent.revision = existing.revision or 1
            stored = _put_admin_record(storage, "enterprise", ent.id, ent.county, ent.to_dict())
            key = "unchanged" if stored is None else ("updated" if existing else "created")
            counts[key] += 1
    return counts


def enterprise(storage: BureauStorage, enterprise_id: str) -> Record:
    record = storage.record("enterprise", enterprise_id)
    if record is None:
        record = next((r for r in storage.records("enterprise") if r.payload.get("credit_code") == enterprise_id),
                      None)
    if record is None:
        raise NotFound("bureau.no_enterprise", id=enterprise_id)
    return record


def assign_task(storage: BureauStorage, enterprise_id: str, officer_certs: list[str], kind: str,
                due: str | None, title: str = "", task_id: str | None = None, status: str = "open",
                note: str = "") -> dict[str, Any]:
    ent = enterprise(storage, enterprise_id)
    if not officer_certs:
        raise BadInput("bureau.task_no_officer")
    details = [officer(storage, cert) for cert in dict.fromkeys(officer_certs)]
    if due:
        try:
            date.fromisoformat(due)
        except ValueError as exc:
            raise BadInput("bureau.bad_due", due=due) from exc
    if status not in TASK_STATUSES:
        raise BadInput("bureau.unknown_task_status", status=status, known=", ".join(TASK_STATUSES))
    task = Task(id=task_id or str(uuid.uuid4()), kind=task_kind_code(kind), enterprise_id=ent.entity_id,
                enterprise_name=ent.payload.get("name", ""), title=title or f"{ent.payload.get('name', '')} 检查任务",
                officers=[d["cert_no"] for d in details], due_date=due, status=status, note=note)
    payload = task.to_dict()
    payload["officer_details"] = [{"cert_no": d["cert_no"], "name": d["name"], "unit": d["units"][0]}
                                  for d in details]
    with storage.transaction():
        _put_admin_record(storage, "task", task.id, ent.unit, payload)
    return payload


def reserve_numbers(storage: BureauStorage, device_id: str, kind: str, count: int,
                    year: int | None = None) -> dict[str, Any]:
    """The next `count` document numbers of (kind, year), for one device only."""
    if count < 1 or count > 100000:
        raise BadInput("bureau.bad_count")
    _check_document_kind(kind)
    if storage.device(device_id) is None:
        raise NotFound("bureau.no_device", id=device_id)
    year = year or date.today().year
    with storage.transaction():
        start = storage.last_number(kind, year) + 1  # blocks come only from here (devices' are refused)
        block = {"id": str(uuid.uuid4()), "device_id": device_id, "kind": kind, "year": year, "start": start,
                 "end": start + count - 1, "reserved_at": utc_now()}
        storage.add_number_block(block)
        storage.put_record(Record(entity="number_block", entity_id=block["id"], revision=1, unit="",
                                  payload=block, target_device=device_id, updated_at=block["reserved_at"]))
    return block


def _check_document_kind(kind: str) -> None:
    try:
        from eco_field.documents.numbering import DEFAULT_CODES
    except ImportError:  # numbering not in this build: any non-empty kind
        DEFAULT_CODES = {kind: ""} if kind.strip() else {}
    if kind not in DEFAULT_CODES:
        raise BadInput("bureau.unknown_kind", kind=kind, known=", ".join(DEFAULT_CODES) or "—")


def set_case_status(storage: BureauStorage, case_id: str, status: str) -> dict[str, Any]:
    """The bureau decides a case's status (e.g. after legal review); the devices pull it."""
    current = storage.record("case", case_id)
    if current is None:
        raise NotFound("bureau.no_case", id=case_id)
    with storage.transaction():
        _put_admin_record(storage, "case", case_id, current.unit, {**current.payload, "status": status})
    return {"case_id": case_id, "status": status}


def publish_catalog(storage: BureauStorage, catalog: Any, source: str = "catalog") -> dict[str, Any]:
    """A new version of the violation catalog for every device, checked before it is published: it must
    read as a catalog (law.catalog.parse_catalog: every entry, its article and fine range) and carry a
    version newer than the published one. The same catalog again changes nothing."""
    from eco_field.law.catalog import parse_catalog

    parse_catalog(catalog, source)  # BadInput naming the entry and field
    version = catalog.get("version") if isinstance(catalog, dict) else None
    if not isinstance(version, str) or _version_key(version) is None:
        raise BadInput("bureau.catalog_no_version", source=source)
    current = storage.record("catalog", "current")
    if current is not None and current.payload.get("catalog") == catalog:
        return {"version": current.revision, "catalog_version": version, "published": False}
    published = current.payload.get("catalog_version") if current is not None else None
    if isinstance(published, str) and _version_key(published) and _version_key(version) <= _version_key(published):
        raise BadInput("bureau.catalog_not_newer", source=source, version=version, published=published)
    number = (current.revision or 0) + 1 if current else 1
    with storage.transaction():
        storage.put_record(Record(entity="catalog", entity_id="current", revision=number, unit="*",
                                  payload={"version": number, "catalog_version": version, "catalog": catalog},
                                  updated_at=utc_now()))
    return {"version": number, "catalog_version": version, "published": True}


def _version_key(version: str) -> tuple[int, ...] | None:
    parts = version.strip().split(".")
    return tuple(int(p) for p in parts) if all(p.isascii() and p.isdigit() for p in parts) else None


def publish_shipped_catalog(storage: BureauStorage) -> dict[str, Any]:
    """The catalog shipped with this program, unless the bureau publishes it or a newer one already."""
    from eco_field.law.catalog import DEFAULT_CATALOG

    catalog = json.loads(DEFAULT_CATALOG.read_text(encoding="utf-8"))
    current = storage.record("catalog", "current")
    published = current.payload.get("catalog_version") if current is not None else None
    if isinstance(published, str) and (_version_key(published) or ()) >= (_version_key(catalog["version"]) or ()):
        return {"version": current.revision, "catalog_version": published, "published": False}
    return publish_catalog(storage, catalog, str(DEFAULT_CATALOG))


def init_bureau(storage: BureauStorage, demo_data: bool = False) -> dict[str, Any]:
    """`bureau init`: the shipped catalog published, and the demo's officers, enterprises and tasks."""
    catalog = publish_shipped_catalog(storage)
    return {"catalog": catalog, "demo": seed_demo(storage) if demo_data else {}}


# -- the bureau's settings (its own records, never pulled) ---------------------------------------------
SETTINGS = {"upload_expiry_days": (float, 7.0, "days an unfinished upload is kept (its part file too)")}


def get_setting(storage: BureauStorage, key: str) -> Any:
    kind, default, _ = _setting(key)
    record = storage.record("setting", key)
    value = record.payload.get("value") if record is not None else None
    return kind(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else default


def set_setting(storage: BureauStorage, key: str, text: str) -> dict[str, Any]:
    kind, _, _ = _setting(key)
    try:
        value = kind(text)
    except ValueError as exc:
        raise BadInput("bureau.setting_not_number", key=key, value=text) from exc
    if not 0 < value <= 3650:
        raise BadInput("bureau.setting_range", key=key)
    with storage.transaction():
        _put_admin_record(storage, "setting", key, "", {"value": value})
    return {"key": key, "value": value}


def settings(storage: BureauStorage) -> list[dict[str, Any]]:
    return [{"key": key, "value": get_setting(storage, key), "about": messages.text(f"bureau.setting_about.{key}")}
            for key in SETTINGS]


def _setting(key: str) -> tuple[Any, Any, str]:
    if key not in SETTINGS:
        raise BadInput("bureau.unknown_setting", key=key, known=", ".join(SETTINGS))
    return SETTINGS[key]


def upload_expiry_days(storage: BureauStorage) -> float:
    return get_setting(storage, "upload_expiry_days")


def revoke_device(storage: BureauStorage, data_dir: Path, device_id: str) -> dict[str, Any]:
    """Refuse a device from now on, and end its uploads in flight (their part files removed)."""
    from eco_field.bureau.auth import revoke
    from eco_field.bureau.uploads import BlobArea

    result = revoke(storage, device_id)
    return {**result, "uploads_ended": BlobArea(data_dir, storage).end_device(device_id)}


def seed_demo(storage: BureauStorage) -> dict[str, int]:
    """The client demo's officers, enterprises and tasks (same ids), so a demo laptop syncs against it."""
    counts = {"officers": 0, "enterprises": 0, "tasks": 0}
    with storage.transaction():
        for o in demo.demo_officers():
            units = [o.unit] if o.unit in COUNTIES else [o.unit, *COUNTIES]
            add_officer(storage, o.cert_no, o.name, units)
            counts["officers"] += 1
        result = import_enterprises(storage, [e.to_dict() for e in demo.demo_enterprises()], "demo")
        counts["enterprises"] = sum(result.values())
        for task in demo.demo_tasks():
            if storage.record("task", task.id) is None:
                assign_task(storage, task.enterprise_id, task.officers, task.kind, task.due_date, task.title,
                            task_id=task.id)
                counts["tasks"] += 1
    return counts
