"""The bureau's refusals a laptop shows read in the officer's language (issue 17.1).

The bureau answers {"detail" (English, kept for older devices), "code", "params"}; the laptop renders the
code in its interface language inside 「局端…」. Through a real bureau on 127.0.0.1.
"""

from __future__ import annotations

import re

import httpx
import pytest

from eco_field import messages
from eco_field.bureau.jsonbody import MAX_JSON_BYTES
from eco_field.sync.client import run_sync
from eco_field.sync.transport import SyncError, check
from eco_field.workspace import Workspace
from tests.sync.conftest import BureauServer, token_of

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
