"""POST /audit held to its contract against a real server (SQLite and PostgreSQL): malformed or oversized
bodies are refused with a 4xx naming what is wrong and store nothing; a revoked device is refused; a device
writes only its own chain; concurrent pushes of one device's chain neither fork nor corrupt it; an answer
lost in the network is made good by the next sync without a duplicate."""

from __future__ import annotations

import json
import threading
from typing import Any

import httpx
import pytest

from eco_field.bureau.audit_chain import chain_problem
from eco_field.store.audit import GENESIS, entry_hash
from eco_field.store.database import write_transaction
from eco_field.sync import state
from eco_field.sync.audit_push import KEYS, entries_after
from eco_field.sync.client import run_sync
from eco_field.workspace import Workspace
from tests.sync.conftest import BureauServer, device_id_of, new_inspection, token_of
from tests.sync.faultproxy import DropAnswerProxy


def synthetic_chain(count: int, data: str = "{}") -> list[dict[str, Any]]:
    """A valid audit chain of count entries, as a laptop's audit_log would hold it."""
    chain, prev = [], GENESIS
    for seq in range(1, count + 1):
        entry = {"seq": seq, "at": f"2026-03-01T08:{seq // 60 % 60:02d}:{seq % 60:02d}+00:00", "actor": "14110100001",
                 "entity": "inspection", "entity_id": f"insp-{seq % 7}", "action": "update", "data_json": data,
                 "prev_hash": prev}
        entry["hash"] = prev = entry_hash(*(entry[k] for k in KEYS[:-1]))
        chain.append(entry)
    return chain


def _post(bureau: BureauServer, token: str, body: Any = None, *, content: bytes | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"}
    if content is not None:
        return httpx.post(f"{bureau.url}/audit", content=content, timeout=60,
                          headers={**headers, "Content-Type": "application/json"})
    return httpx.post(f"{bureau.url}/audit", json=body, headers=headers, timeout=60)


def _stored(bureau: BureauServer, device_id: str) -> list[dict[str, Any]]:
    with bureau.storage() as storage:
        return storage.audit_chain(device_id)


GOOD = synthetic_chain(3)
BAD_BODIES = {
    "not an object": [1, 2],
    "entries not a list": {"entries": {"seq": 1}},
    "too many entries": {"entries": synthetic_chain(1001)},
    "entry not an object": {"entries": ["x"]},
    "seq as text": {"entries": [{**GOOD[0], "seq": "1"}]},
    "seq as float": {"entries": [{**GOOD[0], "seq": 1.0}]},
    "seq as bool": {"entries": [{**GOOD[0], "seq": True}]},
    "seq zero": {"entries": [{**GOOD[0], "seq": 0}]},
    "seq negative": {"entries": [{**GOOD[0], "seq": -5}]},
    "seq beyond a BIGINT": {"entries": [{**GOOD[0], "seq": 2 ** 70}]},
    "seq out of order": {"entries": [GOOD[1], GOOD[0]]},
    "a text missing": {"entries": [{k: v for k, v in GOOD[0].items() if k != "actor"}]},
    "data_json not a text": {"entries": [{**GOOD[0], "data_json": {"a": 1}}]},
    "hash not hex": {"entries": [{**GOOD[0], "hash": "Z" * 64}]},
    "NUL in a text": {"entries": [{**GOOD[0], "actor": "a\x00b"}]},
    "another chain named": {"entries": [{**GOOD[0], "device_id": "someone-else"}]},
    "huge data_json": {"entries": synthetic_chain(1, '"' + "x" * (5 * 1024 ** 2) + '"')},
}


@pytest.mark.parametrize("body", list(BAD_BODIES.values()), ids=list(BAD_BODIES))
def test_a_malformed_push_is_refused_and_stores_nothing(bureau: BureauServer, device: Workspace, body: Any) -> None:
    answer = _post(bureau, token_of(device), body)
    assert answer.status_code == 400, answer.text
    assert answer.json()["detail"]
    assert _stored(bureau, device_id_of(device)) == []


def test_bodies_that_are_not_json_or_too_large_are_refused(bureau: BureauServer, device: Workspace) -> None:
    token = token_of(device)
    assert _post(bureau, token, content=b"{not json").status_code == 400
    lone = {**GOOD[0], "actor": "\ud800"}  # valid JSON ("\\ud800"), not storable text
    assert _post(bureau, token, content=json.dumps({"entries": [lone]}).encode()).status_code == 400
    over = _post(bureau, token, content=b'{"entries": ["' + b"x" * (17 * 1024 ** 2) + b'"]}')
    assert over.status_code == 413 and "limit" in over.json()["detail"]
    assert _stored(bureau, device_id_of(device)) == []
    assert _post(bureau, token, {"entries": GOOD}).json() == {"stored": 3, "duplicates": 0, "last_seq": 3}


def test_a_revoked_device_cannot_push_its_chain(bureau: BureauServer, device: Workspace) -> None:
    bureau.admin_json("revoke", "--device", device_id_of(device))
    answer = _post(bureau, token_of(device), {"entries": GOOD})
    assert answer.status_code == 403 and "revoked" in answer.json()["detail"]
    assert _stored(bureau, device_id_of(device)) == []
    assert _post(bureau, "not-a-token", {"entries": GOOD}).status_code == 401


def test_a_device_writes_only_its_own_chain(bureau: BureauServer, device_factory) -> None:
    a, b = device_factory(name="a"), device_factory("14110100002", name="b")
    assert run_sync(b)["ok"]
    b_chain = _stored(bureau, device_id_of(b))
    assert b_chain
    # a names b's chain: refused; a sends b's entries as they are: they go to a's chain, b's is untouched
    named = _post(bureau, token_of(a), {"entries": [{**b_chain[0], "device_id": device_id_of(b)}]})
    assert named.status_code == 400 and "device of the token" in named.json()["detail"]
    assert _post(bureau, token_of(a), {"entries": b_chain[:2]}).json()["stored"] == 2
    assert _stored(bureau, device_id_of(b)) == b_chain
    # and a different chain from a now does not continue what a sent: refused, nothing changes
    refused = _post(bureau, token_of(a), {"entries": synthetic_chain(5)})
    assert refused.status_code == 409 and "differs" in refused.json()["detail"]
    assert [e["hash"] for e in _stored(bureau, device_id_of(a))] == [e["hash"] for e in b_chain[:2]]
    assert _stored(bureau, device_id_of(b)) == b_chain


def _push_like_a_client(bureau: BureauServer, token: str, chain: list[dict[str, Any]], batch: int,
                        errors: list[str]) -> None:
    """What audit_push does, with a batch size of its own: send from the cursor, follow the answer's last_seq."""
    cursor, rounds = 0, 0
    with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=60) as client:
        while cursor < len(chain) and rounds < 10 * len(chain):
            rounds += 1
            answer = client.post(f"{bureau.url}/audit", json={"entries": chain[cursor:cursor + batch]})
            if answer.status_code not in (200, 409):
                errors.append(f"{answer.status_code}: {answer.text}")
                return
            cursor = answer.json()["last_seq"]
    if cursor != len(chain):
        errors.append(f"batch {batch}: stopped at {cursor}")


def test_concurrent_pushes_of_one_chain_neither_fork_nor_corrupt_it(bureau: BureauServer, device: Workspace) -> None:
    """Four pushers of one device (two sync processes and more) racing over overlapping batches."""
    chain = synthetic_chain(400)
    errors: list[str] = []
    pushers = [threading.Thread(target=_push_like_a_client, args=(bureau, token_of(device), chain, size, errors))
               for size in (7, 31, 100, 250)]
    for pusher in pushers:
        pusher.start()
    for pusher in pushers:
        pusher.join(timeout=300)
    assert not errors, errors
    stored = _stored(bureau, device_id_of(device))
    assert stored == chain  # every entry once, in order, byte for byte
    with bureau.storage() as storage:
        assert chain_problem(storage, device_id_of(device)) is None


def test_two_sync_runs_at_once_leave_one_whole_chain(bureau: BureauServer, device: Workspace, tmp_path) -> None:
    """Two `eco-field sync` processes of one laptop at the same time."""
    import subprocess

    from tests.sync.conftest import eco_field_command

    for _ in range(3):
        new_inspection(device)
    device.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    runs = [subprocess.Popen([*eco_field_command(), "sync", "--data-dir", str(device.data_dir), "--json"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert any(run.returncode == 0 for run in runs), outputs
    assert run_sync(device)["ok"]  # whatever the race left, one more sync completes
    local = entries_after(device.db, 0, 100_000)
    assert _stored(bureau, device_id_of(device)) == local
    with bureau.storage() as storage:
        assert chain_problem(storage, device_id_of(device)) is None


def test_an_audit_answer_lost_in_the_network_is_made_good_without_duplicates(bureau: BureauServer,
                                                                              device: Workspace) -> None:
    new_inspection(device, [b"photo-1"])
    proxy = DropAnswerProxy(bureau.port)
    try:
        with write_transaction(device.db):
            state.put(device.db, "server_url", proxy.url)
        proxy.drop_next.add("/audit")
        first = run_sync(device)
        assert proxy.dropped == ["/audit"] and not first["ok"] and first["error_kind"] == "unreachable", first
        sent = _stored(bureau, device_id_of(device))
        assert sent and state.get(device.db, "audit_cursor", "0") == "0"  # stored, never acknowledged

        local_before = len(entries_after(device.db, 0, 100_000))
        second = run_sync(device)  # the lost batch comes back as duplicates, only the rest is stored
        assert second["ok"] and second["audit_sent"] == local_before - len(sent), second
        assert run_sync(device)["ok"]  # (the entries of the second sync's pull)
    finally:
        proxy.close()
    local = entries_after(device.db, 0, 100_000)
    assert _stored(bureau, device_id_of(device)) == local


def test_a_big_local_chain_goes_in_batches_under_the_body_limit(bureau: BureauServer, device: Workspace,
                                                                 monkeypatch) -> None:
    """Entries with large data are cut into several requests rather than one the bureau must refuse."""
    from eco_field.sync import audit_push

    monkeypatch.setattr(audit_push, "MAX_BODY_BYTES", 64 * 1024)
    for _ in range(4):
        new_inspection(device)
    sizes: list[int] = []
    original = audit_push.BureauConnection.request

    def request(self, method, path, **kwargs):
        if path == "/audit":
            sizes.append(len(kwargs["json"]["entries"]))
        return original(self, method, path, **kwargs)

    monkeypatch.setattr(audit_push.BureauConnection, "request", request)
    assert run_sync(device)["ok"]
    assert len(sizes) > 1 and all(n >= 1 for n in sizes)
    assert _stored(bureau, device_id_of(device))[-1]["seq"] == int(state.get(device.db, "audit_cursor"))
