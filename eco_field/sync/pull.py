"""Receiving the bureau's changes since this device's cursor (CouchDB `_changes` style), page by page.

Each page is applied in one transaction together with the new cursor, so an interrupted pull resumes at
the last whole page. Records go through the same store services as local edits, with sync=False so
they are audited but not sent back. A change that cannot be applied is skipped and reported, never
allowed to block the feed.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from typing import Any

from eco_field.atomicfile import write_bytes_atomically
from eco_field.errors import EcoFieldError
from eco_field.messages import text
from eco_field.records import Enterprise, Officer, Task
from eco_field.store import enterprises, officers, settings, tasks
from eco_field.store.database import write_transaction
from eco_field.sync import state
from eco_field.sync.transport import BureauConnection
from eco_field.workspace import Workspace

PAGE = 200


def pull_changes(ws: Workspace, conn: BureauConnection, *, page_size: int = PAGE,
                 progress: Callable[[str, int, int | None], None] | None = None,
                 cancel: Callable[[], bool] | None = None, totals: dict[str, Any] | None = None) -> dict[str, Any]:
    """Counts pulled and pull_skipped (kept in totals as pages are applied, when given) and the cursor."""
    result = totals if totals is not None else {}
    result.setdefault("pulled", 0)
    result.setdefault("pull_skipped", [])
    while not (cancel and cancel()):
        since = state.cursor(ws.db)
        page = conn.json("GET", "/changes", params={"since": since, "limit": page_size})
        with write_transaction(ws.db):
            for change in page["changes"]:
                outcome = _apply_safely(ws, change)
                if outcome is None:
                    result["pulled"] += 1
                else:
                    result["pull_skipped"].append({"entity": change["entity"], "id": change["id"], "why": outcome})
            state.put(ws.db, "cursor", str(max(since, int(page["last_seq"]))))
        if progress:
            progress("pull", result["pulled"], None)
        if not page.get("more"):
            break
    result["cursor"] = state.cursor(ws.db)
    return result


def _apply_safely(ws: Workspace, change: dict[str, Any]) -> str | None:
    """None when applied, else why it was skipped (its savepoint rolled back)."""
    handler = APPLY.get(change["entity"])
    if handler is None:
        return text("sync.skip.unknown_entity", entity=change["entity"])
    if change.get("deleted"):
        return text("sync.skip.deletion")
    if not isinstance(change.get("payload"), dict):
        return text("sync.skip.not_object")
    try:
        with write_transaction(ws.db):
            return handler(ws, change["id"], change["payload"])
    except EcoFieldError as exc:
        return str(exc)
    except KeyError as exc:  # the bureau's record lacks a field this program needs
        return text("sync.skip.missing_field", field=exc.args[0] if exc.args else "?")
    except (TypeError, ValueError, AttributeError):
        return text("sync.skip.bad_value")


def _officer(ws: Workspace, _id: str, payload: dict[str, Any]) -> None:
    officers.upsert(ws.db, Officer(str(payload["cert_no"]), str(payload["name"]), str(payload["unit"])), sync=False)


def _enterprise(ws: Workspace, _id: str, payload: dict[str, Any]) -> None:
    enterprises.upsert(ws.db, Enterprise.from_dict(payload), sync=False)


def _task(ws: Workspace, _id: str, payload: dict[str, Any]) -> str | None:
    known = {row[0] for row in ws.db.execute("SELECT cert_no FROM officers")}
    for detail in payload.get("officer_details", []):
        if detail["cert_no"] not in known:
            _officer(ws, detail["cert_no"], detail)
    local = ws.db.execute("SELECT revision FROM tasks WHERE id = ?", [payload["id"]]).fetchone()
    if local and local[0] > int(payload.get("revision") or 1):
        return text("sync.skip.task_newer")
    tasks.save(ws.db, Task(id=payload["id"], kind=payload["kind"], enterprise_id=payload["enterprise_id"],
                           title=payload.get("title", ""), officers=list(payload.get("officers", [])),
                           due_date=payload.get("due_date"), status=payload.get("status", "open"),
                           note=payload.get("note", ""), revision=int(payload.get("revision") or 1)), sync=False)
    return None


def _number_block(ws: Workspace, _id: str, payload: dict[str, Any]) -> str | None:
    numbering = _optional_module("eco_field.documents.numbering")
    if numbering is None:
        return text("sync.skip.no_numbering")
    numbering.add_block(ws.db, payload["kind"], int(payload["year"]), int(payload["start"]), int(payload["end"]),
                        source="bureau")
    return None


def _case(ws: Workspace, _id: str, payload: dict[str, Any]) -> str | None:
    """A status change, or a whole case another device or the bureau made (law.case_sync decides)."""
    case_sync = _optional_module("eco_field.law.case_sync")
    if case_sync is None:
        return text("sync.skip.no_cases")
    case_sync.apply_remote(ws.db, {"id": _id, **payload})
    return None


def _case_approval(ws: Workspace, approval_id: str, payload: dict[str, Any]) -> str | None:
    """An approval given at the bureau (bureau cases approve): recorded on the case if the procedure allows it."""
    case_sync = _optional_module("eco_field.law.case_sync")
    if case_sync is None:
        return text("sync.skip.no_cases")
    return case_sync.apply_approval(ws.db, approval_id, payload)


def _catalog(ws: Workspace, _id: str, payload: dict[str, Any]) -> str | None:
    """The bureau's catalog, written where law.catalog reads it, only if it reads as a catalog (a broken
    one would stop `catalog list` and every case on this laptop)."""
    from eco_field.law.catalog import parse_catalog
    from eco_field.messages import Term

    catalog = payload.get("catalog")
    parse_catalog(catalog, Term("law.bureau_catalog"))  # BadInput: skipped and reported, the old one stays
    write_bytes_atomically(ws.data_dir / "catalog.json",
                           json.dumps(catalog, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8"))
    settings.put(ws.db, "catalog_version", str(payload.get("version", "")))
    return None


APPLY: dict[str, Callable[[Workspace, str, dict[str, Any]], str | None]] = {
    "officer": _officer, "enterprise": _enterprise, "task": _task, "number_block": _number_block,
    "case": _case, "catalog": _catalog, "case_approval": _case_approval,
}


def _optional_module(name: str):
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and name.startswith(exc.name):
            return None
        raise
