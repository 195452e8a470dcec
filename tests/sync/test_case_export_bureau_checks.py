"""`bureau cases export` at its edges (on SQLite and on PostgreSQL): readings sources and signatures with
Chinese names and path separators, an unknown case, a device whose audit log reached the bureau only in
part; `verify-export` on a bureau case file whose audit entries were tampered with; the --json contract."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

from eco_field.casefile.layout import path_problem
from eco_field.clock import now_local
from eco_field.law import cases
from eco_field.store import evidence_rows
from eco_field.store.audit import entry_hash
from eco_field.store.database import write_transaction
from eco_field.sync.client import run_sync
from eco_field.sync.enrol import enroll
from eco_field.workspace import Workspace
from tests.sync.conftest import BureauServer, device_id_of, run_cli
from tests.sync.test_case_export_bureau import _case_with_document

NAMES = {  # what an officer's card or a colleague's share can hand over as a file's name
    "reading_source": ("监测数据/../出口1 烟气.csv", b"time,so2\n2026-03-01 08:00,35\n", "csv"),
    "signature": ("C:\\签名\\王建国.PNG", b"\x89PNG\r\n\x1a\n-signature-", "png"),
    "photo": ("现场/照片.图片", b"\xff\xd8\xff-photo-with-a-chinese-extension", "bin"),
}


def _add_evidence(ws: Workspace, inspection_id: str) -> dict[str, str]:
    """Each NAMES item linked to the inspection as the importers link theirs; kind -> sha256."""
    shas = {}
    with write_transaction(ws.db):
        for kind, (name, data, ext) in NAMES.items():
            ref = ws.blobs.put_bytes(data, ext)
            evidence_rows.link_evidence(ws.db, inspection_id, ref, kind, name)
            shas[kind] = ref.sha256
    return shas


def _export(bureau: BureauServer, case_id: str, out: Path):
    return bureau.admin("cases", "export", case_id, "-o", str(out))


def _synced_case_file(bureau: BureauServer, device: Workspace, tmp_path: Path) -> tuple[str, Path]:
    case_id, _ = _case_with_document(device)
    _add_evidence(device, cases.get(device.db, case_id).inspection_id)
    assert run_sync(device)["ok"]
    out = tmp_path / "case.zip"
    done = _export(bureau, case_id, out)
    assert done.returncode == 0, done.stderr
    return case_id, out


def test_readings_sources_signatures_and_hostile_names(bureau: BureauServer, device: Workspace,
                                                       tmp_path: Path) -> None:
    case_id, out = _synced_case_file(bureau, device, tmp_path)
    checked = run_cli("verify-export", str(out), "--json")
    assert checked.returncode == 0 and json.loads(checked.stdout)["ok"], checked.stdout
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
    assert all(path_problem(n) is None and ".." not in n for n in names), names
    by_role = {f["role"]: f for f in manifest["files"]}
    assert by_role["reading_source"]["path"].startswith("evidence/readings/")
    assert by_role["reading_source"]["path"].endswith(".csv")
    assert by_role["signature"]["path"].startswith("evidence/signatures/")
    assert by_role["signature"]["path"].endswith(".png")
    photo = next(f for f in manifest["files"] if f.get("original_name") == NAMES["photo"][0])
    assert photo["path"] == f"evidence/photos/{photo['sha256']}"  # no 图片 extension in the zip
    for kind, (name, data, _) in NAMES.items():  # the names are kept as written, beside the safe paths
        item = next(f for f in manifest["files"] if f.get("original_name") == name)
        assert item["role"] == kind
        with zipfile.ZipFile(out) as archive:
            assert archive.read(item["path"]) == data

    extracted = tmp_path / "extracted"
    assert run_cli("verify-export", str(out), "--extract", str(extracted)).returncode == 0
    assert all(p.resolve().is_relative_to(extracted.resolve()) for p in extracted.rglob("*"))


def test_an_unknown_case_exits_2_and_names_it(bureau: BureauServer, tmp_path: Path) -> None:
    out = tmp_path / "none.zip"
    refused = _export(bureau, "no-such-case", out)
    assert refused.returncode == 2 and "no-such-case" in refused.stderr and not out.exists()
    as_json = bureau.admin("cases", "export", "no-such-case", "-o", str(out), "--json")
    assert as_json.returncode == 2 and "no-such-case" in as_json.stderr and not out.exists()


def test_a_device_whose_audit_log_arrived_in_part_must_sync_first(bureau: BureauServer, device: Workspace,
                                                                  tmp_path: Path, monkeypatch) -> None:
    case_id, _ = _case_with_document(device)
    assert run_sync(device)["ok"]
    cases.record_event(device.db, case_id, "order_served", now_local().date())  # a change to the case
    # a sync cut after its outbox went and before its audit entries did (here: that stage skipped)
    monkeypatch.setattr("eco_field.sync.client.push_audit", lambda *args, **kwargs: kwargs.get("totals"))
    assert run_sync(device)["ok"]
    out = tmp_path / "case.zip"
    refused = _export(bureau, case_id, out)
    assert refused.returncode == 2 and not out.exists(), refused.stderr
    assert device_id_of(device) in refused.stderr and "laptop a" in refused.stderr
    assert "eco-field sync" in refused.stderr and "只传到局端一部分" in refused.stderr

    # the same with a photo pushed without its audit entry: the device is named, and the file
    _add_evidence(device, cases.get(device.db, case_id).inspection_id)
    assert run_sync(device)["ok"]
    refused = _export(bureau, case_id, out)
    assert refused.returncode == 2 and device_id_of(device) in refused.stderr and not out.exists()

    monkeypatch.undo()
    assert run_sync(device)["ok"]
    assert _export(bureau, case_id, out).returncode == 0
    assert run_cli("verify-export", str(out)).returncode == 0


def test_a_laptop_enrolled_again_after_a_cut_sync_counts_as_one_chain(bureau: BureauServer, device: Workspace,
                                                                     tmp_path: Path, monkeypatch) -> None:
    """A sync cut between outbox and audit, then the laptop enrolled again (say its token was revoked): its
    whole log goes again under the new device id, which covers what the old id pushed."""
    case_id, _ = _case_with_document(device)
    assert run_sync(device)["ok"]
    old_id = device_id_of(device)
    cases.record_event(device.db, case_id, "order_served", now_local().date())  # a change to the case
    monkeypatch.setattr("eco_field.sync.client.push_audit", lambda *args, **kwargs: kwargs.get("totals"))
    assert run_sync(device)["ok"]
    monkeypatch.undo()
    out = tmp_path / "case.zip"
    assert _export(bureau, case_id, out).returncode == 2  # the old id's chain is short

    enroll(device, bureau.url, bureau.code("14110100001"), "laptop a, enrolled again")
    assert device_id_of(device) != old_id
    assert run_sync(device)["ok"]
    exported = _export(bureau, case_id, out)
    assert exported.returncode == 0, exported.stderr
    assert run_cli("verify-export", str(out)).returncode == 0
    with zipfile.ZipFile(out) as archive:
        chains = {e["chain"] for e in json.loads(archive.read("manifest.json"))["audit"]}
    assert chains == {old_id, device_id_of(device)}


def test_a_restored_copy_of_the_laptop_is_no_continuation_of_it(bureau: BureauServer, device: Workspace,
                                                                  tmp_path: Path, monkeypatch) -> None:
    """A backup of laptop a restored on a second machine and enrolled too: its chain holds a's last pushed
    entry, but a's later change reaches it only as a pulled copy. a's own entry is in no chain, so the
    export is refused and names a, the laptop that must sync."""
    case_id, _ = _case_with_document(device)
    assert run_sync(device)["ok"]
    copy_dir = tmp_path / "device-b"
    shutil.copytree(device.data_dir, copy_dir)
    restored = Workspace.open(copy_dir)
    try:
        enroll(restored, bureau.url, bureau.code("14110100001"), "laptop b, a's backup restored")
        assert run_sync(restored)["ok"]  # b pushes the shared log again under its own id
        cases.record_event(device.db, case_id, "order_served", now_local().date())  # a change to the case
        monkeypatch.setattr("eco_field.sync.client.push_audit", lambda *args, **kwargs: kwargs.get("totals"))
        assert run_sync(device)["ok"]  # a's change applied, its audit entry not sent
        monkeypatch.undo()
        assert run_sync(restored)["ok"]  # b pulls a's change: a "pull" entry about the case in b's chain
        assert run_sync(restored)["ok"]  # and sends it with b's next sync
        out = tmp_path / "case.zip"
        refused = _export(bureau, case_id, out)
        assert refused.returncode == 2 and not out.exists(), refused.stderr
        assert device_id_of(device) in refused.stderr and device_id_of(restored) not in refused.stderr

        assert run_sync(device)["ok"]  # a sends its entries: nothing is missing any more
        assert _export(bureau, case_id, out).returncode == 0
        assert run_cli("verify-export", str(out)).returncode == 0
    finally:
        restored.db.conn.close()


def _rewrite(source: Path, target: Path, change) -> None:
    """A copy of the case file with its manifest's audit list passed through change()."""
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as copy:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["audit"] = change(manifest["audit"])
                data = json.dumps(manifest, ensure_ascii=False).encode()
            copy.writestr(info, data)


def _rehash(entry: dict[str, Any]) -> dict[str, Any]:
    keys = ("seq", "at", "actor", "entity", "entity_id", "action", "data_json", "prev_hash")
    return {**entry, "hash": entry_hash(*(entry[k] for k in keys))}


def _problems(path: Path) -> list[str]:
    checked = run_cli("verify-export", str(path), "--json")
    report = json.loads(checked.stdout)
    assert checked.returncode == (0 if report["ok"] else 1)
    return report["problems"]


def test_verify_export_on_a_tampered_bureau_case_file(bureau: BureauServer, device: Workspace,
                                                      tmp_path: Path) -> None:
    _, good = _synced_case_file(bureau, device, tmp_path)
    audit = json.loads(zipfile.ZipFile(good).read("manifest.json"))["audit"]
    positions = {(e["chain"], e["seq"]): i for i, e in enumerate(audit)}
    linked = next(i for i, e in enumerate(audit) if (e["chain"], e["seq"] + 1) in positions)
    covering = next(i for i, e in enumerate(audit) if json.loads(e["data_json"]).get("sha256") ==
                    next(f["sha256"] for f in json.loads(zipfile.ZipFile(good).read("manifest.json"))["files"]
                         if f["role"] == "signature"))
    bad = tmp_path / "bad.zip"

    def edited(entries, index, rehash=False):
        entry = {**entries[index], "actor": "someone else"}
        return [*entries[:index], _rehash(entry) if rehash else entry, *entries[index + 1:]]

    _rewrite(good, bad, lambda entries: edited(entries, 0))
    assert any("已被改动" in p and device_id_of(device) in p for p in _problems(bad))

    # edited and re-hashed: its successor in the file no longer follows it
    _rewrite(good, bad, lambda entries: edited(entries, linked, rehash=True))
    seq = audit[linked]["seq"]
    assert any(f"操作日志第 {seq + 1}（设备" in p and f"与第 {seq} 条接不上" in p for p in _problems(bad))

    # an entry taken out of the middle: the file it covered is no longer covered
    _rewrite(good, bad, lambda entries: [*entries[:covering], *entries[covering + 1:]])
    assert any(p.startswith("evidence/signatures/") and "没有操作日志记录涵盖" in p for p in _problems(bad))

    # one entry twice (a forked chain)
    _rewrite(good, bad, lambda entries: [*entries, edited(entries, 0, rehash=True)[0]])
    assert any("出现两次" in p for p in _problems(bad))

    # what the file alone cannot show (docs/bureau-storage.md): an entry that covers no file, taken out
    removable = next(i for i, e in enumerate(audit) if i not in (covering,) and not any(
        json.loads(e["data_json"]).get(k) for k in ("sha256", "pdf_sha256")))
    _rewrite(good, bad, lambda entries: [*entries[:removable], *entries[removable + 1:]])
    assert _problems(bad) == []


def test_the_json_output_is_what_help_documents(bureau: BureauServer, device: Workspace, tmp_path: Path) -> None:
    case_id, _ = _case_with_document(device)
    assert run_sync(device)["ok"]
    summary = bureau.admin_json("cases", "export", case_id, "-o", str(tmp_path / "c.zip"))
    assert set(summary) == {"file", "case_id", "files", "audit_entries", "devices"}
    shown = bureau.admin("cases", "export", "--help").stdout
    assert all(f'"{key}"' in shown for key in summary) and "退出码 0" in shown  # zh_CN help
