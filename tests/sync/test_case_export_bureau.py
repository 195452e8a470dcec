"""Case files from the bureau: a device's inspection, photos, case and document reach the bureau with its
audit chain; `bureau cases export` writes a case file `verify-export` accepts; a tampered blob on the
bureau refuses the export; a broken device chain is refused at push (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import httpx

from eco_field.documents import numbering
from eco_field.documents import service as documents
from eco_field.evidence.service import import_paths
from eco_field.law import cases
from eco_field.store.audit import GENESIS, entry_hash
from eco_field.sync import state
from eco_field.sync.client import run_sync
from eco_field.workspace import Workspace
from tests.documents.conftest import fill_issuer_settings
from tests.evidence.conftest import make_photo
from tests.sync.conftest import BureauServer, device_id_of, new_inspection, run_cli, token_of


def _case_with_document(ws: Workspace) -> tuple[str, dict]:
    inspection_id = new_inspection(ws)
    import_paths(ws, inspection_id, [make_photo(ws.data_dir.parent / "card" / f"{inspection_id}.jpg")])
    case = cases.new_case(ws.db, inspection_id, ["AIR-02"], "焦炉烟囱颗粒物浓度超标")
    cases.assess(ws.db, case.id, {})
    numbering.add_block(ws.db, "rectification-order", date.today().year, 1, 10)
    fill_issuer_settings(ws)  # a decision states the bureau's details (documents/issuer.py)
    # an open case may issue the order to correct (the procedure allows no decision before 立案)
    return case.id, documents.render(ws, "rectification-order", case_id=case.id)


def _head(bureau: BureauServer, ws: Workspace) -> tuple[int, str | None]:
    with bureau.storage() as storage:
        return storage.audit_head(device_id_of(ws))


def test_a_case_exported_from_the_bureau_verifies(bureau: BureauServer, device: Workspace, tmp_path: Path) -> None:
    case_id, doc = _case_with_document(device)
    result = run_sync(device)
    assert result["ok"] and result["audit_sent"] > 0, result
    assert _head(bureau, device)[0] == int(state.get(device.db, "audit_cursor"))  # (pulled records add more)

    out = tmp_path / "from-bureau.zip"
    summary = bureau.admin_json("cases", "export", case_id, "-o", str(out))
    assert summary["devices"] == [device_id_of(device)] and summary["files"] == 2
    checked = run_cli("verify-export", str(out), "--json")
    assert checked.returncode == 0 and json.loads(checked.stdout)["ok"], checked.stdout
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        pdf = next(f for f in manifest["files"] if f["role"] == "document")
        assert archive.read(pdf["path"]) == Path(doc["stored_at"]).read_bytes()
    assert manifest["exported_from"] == "bureau" and {f["role"] for f in manifest["files"]} == {"document", "photo"}
    assert pdf["number"] == doc["number"] and all(e["chain"] == device_id_of(device) for e in manifest["audit"])

    # the entries of the first sync's pull go with the next; a lost cursor re-sends, nothing is stored twice
    assert run_sync(device)["ok"]
    local_last = device.db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    assert _head(bureau, device)[0] == local_last
    with device.db.conn:
        state.put(device.db, "audit_cursor", "0")
    again = run_sync(device)
    assert again["ok"] and again["audit_sent"] == 0 and _head(bureau, device)[0] == local_last


def test_a_tampered_blob_on_the_bureau_refuses_the_export(bureau: BureauServer, device: Workspace,
                                                          tmp_path: Path) -> None:
    case_id, doc = _case_with_document(device)
    assert run_sync(device)["ok"]
    blob = next((bureau.data_dir / "blobs").glob(f"*/{doc['sha256']}"))
    blob.write_bytes(blob.read_bytes()[:-4] + b"XXXX")
    out = tmp_path / "tampered.zip"
    refused = bureau.admin("cases", "export", case_id, "-o", str(out))
    assert refused.returncode == 2 and "已被改动" in refused.stderr and not out.exists()


def test_a_broken_device_chain_is_refused_at_push(bureau: BureauServer, device: Workspace) -> None:
    assert run_sync(device)["ok"]
    held = _head(bureau, device)
    new_inspection(device)  # new local entries, then one of them edited after the fact
    last = device.db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    conn = device.db.conn
    conn.execute("DROP TRIGGER audit_log_no_update")  # what someone editing the file by hand could do
    conn.execute("UPDATE audit_log SET actor = 'someone else' WHERE seq = ?", [last])
    conn.commit()
    result = run_sync(device)
    # the officer reads the bureau's refusal in Chinese, naming the altered entry
    assert not result["ok"] and f"第 {last} 条审计记录被改动过" in result["error"], result
    assert _head(bureau, device) == held  # nothing of the refused push was stored

    # a forged continuation (right hash, wrong prev_hash) and a rewritten entry are refused too
    headers = {"Authorization": f"Bearer {token_of(device)}"}
    forged = {"seq": held[0] + 1, "at": "2026-01-01T00:00:00+00:00", "actor": "x", "entity": "case",
              "entity_id": "c", "action": "create", "data_json": "{}", "prev_hash": GENESIS}
    forged["hash"] = entry_hash(*(forged[k] for k in ("seq", "at", "actor", "entity", "entity_id", "action",
                                                      "data_json", "prev_hash")))
    answer = httpx.post(f"{bureau.url}/audit", json={"entries": [forged]}, headers=headers)
    assert answer.status_code == 409 and "does not follow" in answer.json()["detail"]
    first = dict(zip(("seq", "at", "actor", "entity", "entity_id", "action", "data_json", "prev_hash", "hash"),
                     device.db.execute("SELECT seq, at, actor, entity, entity_id, action, data_json, prev_hash,"
                                       " hash FROM audit_log WHERE seq = 1").fetchone(), strict=True))
    answer = httpx.post(f"{bureau.url}/audit", json={"entries": [{**first, "hash": "0" * 64}]}, headers=headers)
    assert answer.status_code == 409 and "differs" in answer.json()["detail"]
    assert _head(bureau, device) == held


def test_a_bureau_behind_the_cursor_gets_the_missing_entries(bureau: BureauServer, device: Workspace) -> None:
    assert run_sync(device)["ok"]
    held = _head(bureau, device)[0]
    for _ in range(3):
        new_inspection(device)
    with device.db.conn:  # as if the bureau were restored from a backup older than the device's cursor
        state.put(device.db, "audit_cursor", str(held + 2))
    result = run_sync(device)
    assert result["ok"], result
    assert _head(bureau, device)[0] == device.db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
