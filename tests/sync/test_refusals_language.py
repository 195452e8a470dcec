"""The bureau's refusals a laptop shows read in the officer's language (issue 17.1).

The bureau answers {"detail" (English, kept for older devices), "code", "params"}; the laptop renders the
code in its interface language inside 「局端…」. Through a real bureau on 127.0.0.1.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import uuid

import httpx
import pytest

from eco_field import messages
from eco_field.bureau.jsonbody import MAX_JSON_BYTES
from eco_field.sync import state
from eco_field.sync.client import run_sync
from eco_field.sync.conflict_text import reason_text, record_text
from eco_field.sync.enrol import enroll
from eco_field.sync.transport import SyncError, check
from eco_field.workspace import Workspace
from tests.sync.conftest import BureauServer, device_id_of, new_inspection, token_of

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese():
    messages.set_language("zh_CN")
    yield
    messages.set_language("zh_CN")


def test_a_rewritten_audit_chain_is_refused_in_chinese(bureau: BureauServer, device: Workspace, chinese) -> None:
    assert run_sync(device)["ok"]
    # someone with the laptop's database file rewrites its first audit entry and sends the chain again
    device.conn.execute("DROP TRIGGER audit_log_no_update")
    device.conn.execute("UPDATE audit_log SET hash = ? WHERE seq = 1", ["0" * 64])
    device.conn.execute("UPDATE sync_state SET value = '0' WHERE key = 'audit_cursor'")
    device.conn.commit()
    result = run_sync(device)
    assert not result["ok"]
    assert "第 1 条审计记录与本机此前发送的第 1 条不同" in result["error"], result["error"]
    assert "audit entry" not in result["error"]


def test_a_malformed_or_oversized_body_is_refused_in_the_interface_language(bureau: BureauServer,
                                                                           device: Workspace, chinese) -> None:
    headers = {"Authorization": f"Bearer {token_of(device)}", "Content-Type": "application/json"}
    malformed = httpx.post(f"{bureau.url}/push", content=b'{"entries": [', headers=headers, timeout=30)
    assert malformed.status_code == 400
    body = malformed.json()
    assert body["code"] == "bureau.refused.not_json" and body["detail"].startswith("body is not JSON")
    with pytest.raises(SyncError) as refused:
        check(malformed)
    assert "请求内容不是 JSON" in str(refused.value) and "body is not" not in str(refused.value)

    big = httpx.post(f"{bureau.url}/push", content=b" " * (MAX_JSON_BYTES + 1), headers=headers, timeout=60)
    assert big.status_code == 413 and big.json()["code"].startswith("bureau.refused.body")
    with pytest.raises(SyncError) as too_large:
        check(big)
    assert "超过上限" in str(too_large.value)
    messages.set_language("en")
    with pytest.raises(SyncError) as english:
        check(big)
    assert "over the limit" in str(english.value) and not CJK.search(str(english.value))


def test_an_upload_refusal_names_its_reason_in_chinese(bureau: BureauServer, device: Workspace, chinese) -> None:
    headers = {"Authorization": f"Bearer {token_of(device)}", "Upload-Offset": "0", "Upload-Length": "3",
               "Content-Type": "application/offset+octet-stream"}
    unknown = httpx.patch(f"{bureau.url}/uploads/{'a' * 64}", content=b"abc", headers=headers, timeout=30)
    assert unknown.status_code == 404 and unknown.json()["code"] == "bureau.refused.blob_unknown"
    assert "offset" in unknown.json()  # the tus answer keeps its fields
    with pytest.raises(SyncError) as refused:
        check(unknown)
    assert "本机的记录中没有哪一条用到这个文件" in str(refused.value)


def test_an_entry_the_bureau_does_not_accept_is_kept_naming_its_kind_and_field(bureau: BureauServer,
                                                                             device: Workspace, chinese) -> None:
    """A laptop whose outbox holds an inspection without its start time (old software, a damaged file): the
    bureau refuses that entry, the laptop keeps it as a conflict saying, in Chinese, which field is wrong."""
    assert run_sync(device)["ok"]
    inspection = new_inspection(device)
    row = device.conn.execute("SELECT entry_id, payload_json FROM outbox WHERE entity_id = ? AND state = 'pending'",
                              [inspection]).fetchone()
    payload = json.loads(row[1])
    del payload["started_at"]
    device.conn.execute("UPDATE outbox SET payload_json = ? WHERE entry_id = ?", [json.dumps(payload), row[0]])
    device.conn.commit()
    result = run_sync(device)
    assert result["ok"] and result["conflicts"] == 1  # the rest of the outbox went; this entry is kept
    assert inspection not in {i["id"] for i in bureau.read("inspections")}
    [conflict] = state.conflicts(device.db)
    said = f"{record_text(conflict)}：{reason_text(conflict)}"
    assert said.startswith("检查记录 ") and "局端不接受这项更改的内容：字段 payload.started_at 缺少" in said, said
    assert "Field required" not in said and "inspection" not in said and inspection not in said
    cli = subprocess.run([sys.executable, "-m", "eco_field", "--data-dir", str(device.data_dir), "sync", "conflicts"],
                         capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert cli.returncode == 0 and "字段 payload.started_at 缺少" in cli.stdout and "invalid" not in cli.stdout


def test_a_validation_refusal_keeps_its_english_detail_and_reads_in_english_when_chosen(
        bureau: BureauServer, device: Workspace) -> None:
    headers = {"Authorization": f"Bearer {token_of(device)}"}
    answer = httpx.get(f"{bureau.url}/changes", params={"since": -1}, headers=headers, timeout=30)
    assert answer.status_code == 422
    body = answer.json()
    assert body["detail"].startswith("query.since:") and body["errors"][0]["loc"] == "query.since"
    assert body["code"] == "bureau.refused.invalid" and body["params"]["count"] == 1
    messages.set_language("zh_CN")
    with pytest.raises(SyncError) as chinese_error:
        check(answer)
    assert "局端未接受本机发送的内容（422）：发送的内容有 1 处不符合局端的要求：字段 since 的数值超出允许的范围" \
        in str(chinese_error.value)
    messages.set_language("en")
    try:
        with pytest.raises(SyncError) as english_error:
            check(answer)
        english = str(english_error.value)
    finally:
        messages.set_language("zh_CN")
    assert "field since: out of the allowed range" in english and "did not accept" in english
    assert not CJK.search(english)


def test_a_push_of_an_unknown_kind_of_record_says_so(bureau: BureauServer, device: Workspace, chinese) -> None:
    headers = {"Authorization": f"Bearer {token_of(device)}"}
    entry = {"entry_id": str(uuid.uuid4()), "entity": "parking_ticket", "entity_id": str(uuid.uuid4()),
             "op": "create", "payload": {}}
    answer = httpx.post(f"{bureau.url}/push", json={"entries": [entry]}, headers=headers, timeout=30)
    assert answer.status_code == 422 and answer.json()["invalid"] == [entry["entry_id"]]
    with pytest.raises(SyncError) as refused:
        check(answer)
    assert "第 1 条记录（种类不明的记录）的记录种类或操作不是局端接受的" in str(refused.value)


@pytest.mark.parametrize(("entries", "said"), [
    ("not a list", "审计记录须以 entries 列表发送，每次不超过 1000 条"),
    ([{"seq": 1, "device": "someone else's"}], "本次发送的第 1 条审计记录含有不可接受的字段 device"),
    ([{"seq": 0}], "本次发送的第 1 条审计记录的序号须为正整数，而不是 0"),
    ([{"seq": 7, **{k: "x" for k in ("at", "actor", "entity", "entity_id", "action", "data_json")},
       "prev_hash": "0" * 64, "hash": "NOT-HEX"}], "第 7 条审计记录的 hash 须为 64 位小写十六进制数"),
])
def test_a_malformed_audit_push_names_the_entry_in_chinese(bureau: BureauServer, device: Workspace, chinese,
                                                           entries, said: str) -> None:
    headers = {"Authorization": f"Bearer {token_of(device)}"}
    answer = httpx.post(f"{bureau.url}/audit", json={"entries": entries}, headers=headers, timeout=30)
    assert answer.status_code == 400 and answer.json()["code"].startswith("bureau.refused.audit_")
    assert not CJK.search(answer.json()["detail"])  # the API's detail stays English
    with pytest.raises(SyncError) as refused:
        check(answer)
    assert said in str(refused.value), str(refused.value)
    assert "audit entry" not in str(refused.value)


def test_a_laptop_name_the_bureau_refuses_is_named_at_enrolment(bureau: BureauServer, tmp_path, chinese) -> None:
    """A laptop name with a hidden (zero-width) character: the enrolment says which field, in Chinese."""
    ws = Workspace.open(tmp_path / "fresh", create=True)
    try:
        with pytest.raises(SyncError) as refused:
            enroll(ws, bureau.url, bureau.code("14110100001"), "离石区\u200b笔记本")
    finally:
        ws.conn.close()
    said = str(refused.value)
    assert "局端未接受本机发送的内容（422）" in said and "字段 device_name 含有不显示的字符（U+200B）" in said, said
    assert "display" not in said and "device_name:" not in said


def test_the_bureaus_conflicts_read_out_names_kind_and_reason_in_chinese(bureau: BureauServer,
                                                                        device: Workspace) -> None:
    inspection = new_inspection(device)
    with bureau.storage() as storage:
        storage.add_conflict({"device_id": device_id_of(device), "entry_id": str(uuid.uuid4()),
                              "entity": "inspection", "entity_id": inspection, "reason": "stale_revision",
                              "client_revision": 1, "server_revision": 2, "client_payload": {},
                              "server_payload": {}, "at": "2026-12-06T05:00:00+00:00"})
    listed = bureau.admin("conflicts")
    assert listed.returncode == 0, listed.stderr
    row = listed.stdout.splitlines()[1]
    assert "检查记录" in row and "局端已有更新的版本" in row and "stale_revision" not in row and "inspection" not in row
