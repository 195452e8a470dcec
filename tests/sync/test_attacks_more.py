"""More attacks on the bureau (issue 15, tried after it was declared resolved), against a real server on both
backends: an enrolled 离石区 laptop, a 孝义市 one, a revoked one and clients with no token at all."""

from __future__ import annotations

import hashlib
import os
import socket
import uuid

import httpx
import pytest

from eco_field.workspace import Workspace
from tests.console.conftest import add_staff
from tests.console.test_http import _signed_in
from tests.evidence.conftest import make_photo
from tests.sync.conftest import (
    BureauServer,
    device_id_of,
    enterprise_in,
    evidence_entry,
    inspection_entry,
    raw_push,
    token_of,
)
from tests.sync.test_attacks import XIAOYI, _unchanged


def _auth(ws: Workspace) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_of(ws)}"}


def _case_entry(inspection: dict, **fields) -> dict:
    case_id = str(uuid.uuid4())
    events = [{"event": "discovered", "label": "发现违法行为", "date": "2026-06-01", "note": ""}]
    return {"entry_id": str(uuid.uuid4()), "entity": "case", "entity_id": case_id, "op": "create", "revision": 1,
            "payload": {"id": case_id, "inspection_id": inspection["entity_id"],
                        "enterprise_id": inspection["payload"]["enterprise_id"], "facts": "超标排放",
                        "violations": [{"catalog_id": "AIR-02", "facts": "", "evidence_ids": []}],
                        "assessment": None, "status": "open", "opened_at": "2026-06-01T09:00:00+08:00",
                        "events": events, "revision": 1, **fields}}


def _void(number: str) -> dict:
    return {"entry_id": str(uuid.uuid4()), "entity": "document_number", "entity_id": number, "op": "void",
            "revision": None, "payload": {"kind": "penalty-decision", "year": 2026, "serial": 17,
                                          "number": number, "reason": "填写错误，作废"}}


def test_a_devices_odd_times_do_not_break_the_case_file(bureau: BureauServer, device: Workspace, tmp_path) -> None:
    """A photo's case whose inspection times carry no offset opens for the reviewer (it answered 500: naive
    and aware times compared); times in year 9999 or 0001, which overflowed the photo window, are refused."""
    add_staff(bureau)
    enterprise = enterprise_in(device, "离石区")
    inspection = inspection_entry(enterprise, started_at="2026-06-05T09:00:00", ended_at="2026-06-05T10:00:00")
    photo = make_photo(tmp_path / "photo.jpg", taken="2026:06:05 14:30:00").read_bytes()
    sha = hashlib.sha256(photo).hexdigest()
    case = _case_entry(inspection)
    pushed = raw_push(bureau, device, [inspection, evidence_entry(inspection["entity_id"], sha, len(photo)), case])
    assert pushed.status_code == 200 and {r["status"] for r in pushed.json()["results"]} == {"applied"}
    assert httpx.patch(f"{bureau.url}/uploads/{sha}", content=photo, headers={
        **_auth(device), "Upload-Offset": "0", "Upload-Length": str(len(photo))}).status_code == 204
    reviewer = _signed_in(bureau, "reviewer")
    page = reviewer.get(f"/console/approvals/{case['entity_id']}")
    assert page.status_code == 200 and "超标排放" in page.text
    assert "拍摄于检查结束后" in page.text  # 14:30 is hours after a 10:00 end read as Beijing time
    before = _unchanged(bureau)
    for started, ended in (("9999-12-31T23:00:00+00:00", "9999-12-31T23:59:59-12:00"),
                           ("0001-01-01T00:00:00+14:00", None)):
        odd = inspection_entry(enterprise, started_at=started, ended_at=ended)
        assert raw_push(bureau, device, [odd]).status_code == 422, started
    late = _case_entry(inspection)
    late["payload"]["events"][0]["date"] = "9999-12-31"
    assert raw_push(bureau, device, [late]).status_code == 422
    assert _unchanged(bureau) == before


def test_a_number_another_county_voided_first_does_not_stop_a_laptops_pushes(bureau: BureauServer,
                                                                            device_factory) -> None:
    """A document number is guessable: a 离石区 laptop voids 吕环罚〔2026〕17号 before the 孝义市 laptop whose
    number it is. The 孝义市 laptop's push with its own void went 403 whole, on every sync, for good; now its
    batch is stored and the void is kept as a conflict that shows nothing of the other county's record."""
    lishi, xiaoyi = device_factory("14110100001", "lishi"), device_factory("14110200001", "xiaoyi")
    number = "吕环罚〔2026〕17号"
    assert raw_push(bureau, lishi, [_void(number)]).json()["results"][0]["status"] == "applied"
    own = inspection_entry(enterprise_in(xiaoyi, "孝义市"), officers=XIAOYI)
    answer = raw_push(bureau, xiaoyi, [own, _void(number)])
    assert answer.status_code == 200, answer.text
    applied, taken = answer.json()["results"]
    assert applied["status"] == "applied"
    assert (taken["status"], taken["reason"], taken["server"]) == ("conflict", "exists", None)
    assert "离石区" not in answer.text and "lishi" not in answer.text
    with bureau.storage() as storage:
        assert storage.record("inspection", own["entity_id"]).unit == "孝义市"
        assert storage.record("document_number", number).unit == "离石区"  # the first void stands
        kept = [c for c in storage.conflicts() if c["entity_id"] == number]
        assert len(kept) == 1 and kept[0]["server_payload"] is None
    # the same push again answers the same (the laptop retries until it has its answer)
    again = raw_push(bureau, xiaoyi, [own, _void(number) | {"entry_id": taken["entry_id"]}])
    assert again.status_code == 200 and again.json()["results"][1]["status"] == "conflict"


def test_a_revoked_laptop_is_refused_on_every_endpoint(bureau: BureauServer, device_factory) -> None:
    lishi, revoked = device_factory("14110100001", "lishi"), device_factory("14110100002", "revoked")
    inspection = inspection_entry(enterprise_in(lishi, "离石区"))
    assert raw_push(bureau, lishi, [inspection]).status_code == 200
    assert bureau.admin("revoke", "--device", device_id_of(revoked)).returncode == 0
    sha = "a" * 64
    for method, path, body in [("GET", "/me", {}), ("GET", "/changes", {}),
                               ("POST", "/push", {"json": {"entries": []}}),
                               ("POST", "/audit", {"json": {"entries": []}}),
                               ("POST", "/blobs/missing", {"json": {"hashes": [sha]}}),
                               ("HEAD", f"/uploads/{sha}", {}), ("PATCH", f"/uploads/{sha}", {"content": b"x"}),
                               ("GET", f"/records/inspection/{inspection['entity_id']}", {})]:
        answer = httpx.request(method, f"{bureau.url}{path}", headers=_auth(revoked), **body)
        assert answer.status_code == 403, (method, path)
    # the console knows no device tokens: its pages send a device to the sign-in page
    console = httpx.get(f"{bureau.url}/console/approvals", headers=_auth(lishi))
    assert console.status_code == 303 and console.headers["location"].startswith("/console/login")


@pytest.mark.parametrize("method", ["OPTIONS", "TRACE", "PUT", "DELETE"])
def test_methods_the_api_does_not_serve_are_405(bureau: BureauServer, device: Workspace, method: str) -> None:
    assert httpx.request(method, f"{bureau.url}/push", headers=_auth(device)).status_code == 405
    overridden = httpx.post(f"{bureau.url}/changes", headers={**_auth(device), "X-HTTP-Method-Override": "GET"})
    assert overridden.status_code == 405


def test_malformed_http_is_refused_and_the_service_stays_up(bureau: BureauServer, device: Workspace) -> None:
    token = token_of(device).encode()
    for raw in (b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n",
                b"POST /push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
                b"\r\nContent-Length: 2\r\nContent-Length: 50\r\n\r\n{}"):
        with socket.create_connection(("127.0.0.1", bureau.port), timeout=30) as sock:
            sock.sendall(raw)
            assert sock.recv(64).startswith(b"HTTP/1.1 400"), raw[:40]

    def chunks():  # a chunked body (no Content-Length) past the 16 MB limit
        for _ in range(20):
            yield b" " * 1024 * 1024

    assert httpx.post(f"{bureau.url}/push", content=chunks(), headers=_auth(device), timeout=60).status_code == 413
    assert httpx.get(f"{bureau.url}/health").status_code == 200


def _reenter(entity: str, payload: dict, revision: int | None = None) -> dict:
    return {"entry_id": str(uuid.uuid4()), "entity": entity, "entity_id": str(uuid.uuid4()), "op": "reenter",
            "revision": revision, "payload": payload}


def test_a_reentered_part_of_a_record_the_bureau_does_not_hold_is_refused(bureau: BureauServer,
                                                                          device: Workspace) -> None:
    """"reenter" takes any payload of its entity (a device's own version after a conflict): a seal, a caption
    or a signed PDF alone made a new record with no enterprise, inspection, number or file of its own."""
    inspection = inspection_entry(enterprise_in(device, "离石区"))
    assert raw_push(bureau, device, [inspection]).status_code == 200
    before = _unchanged(bureau)
    for part in (_reenter("inspection", {"seal_hash": "a" * 64, "sealed_at": "2026-06-01T10:00:00+08:00",
                                         "evidence": 0, "format": "v1"}, revision=2),
                 _reenter("evidence", {"caption": "厂区东侧排口"}),
                 _reenter("document", {"version": 2, "pdf_sha256": "b" * 64, "pdf_size": 3}),
                 _reenter("reading_source", {"outlet": "DA001"})):
        refused = raw_push(bureau, device, [part])
        assert refused.status_code == 403 and refused.json()["forbidden"] == [part["entry_id"]], part["entity"]
    assert _unchanged(bureau) == before
    # a whole record re-entered (an import kept as a conflict, sent again) is taken
    whole = _reenter("evidence", evidence_entry(inspection["entity_id"], "c" * 64, 3)["payload"])
    assert raw_push(bureau, device, [whole]).json()["results"][0]["status"] == "applied"


def test_a_bureau_approval_claimed_with_a_higher_role_is_kept_as_a_conflict(bureau: BureauServer,
                                                                            device: Workspace) -> None:
    """The bureau gave 立案审批 as 承办机构负责人 (a step of the chain); the laptop's case names that approval but
    as the 局负责人's, which the procedure takes as the final one. The bureau compares the role too."""
    from eco_field.bureau import case_approvals

    inspection = inspection_entry(enterprise_in(device, "离石区"))
    case = _case_entry(inspection)
    assert [r["status"] for r in raw_push(bureau, device, [inspection, case]).json()["results"]] == ["applied"] * 2
    with bureau.storage() as storage:
        given = case_approvals.approve(storage, case["entity_id"], "filing", "李科长", "承办机构负责人", "2026-06-02")

    def claimed(role: str) -> dict:
        event = {"event": "approved", "label": "审批", "date": "2026-06-02", "note": "",
                 "data": {"step": "filing", "by": "李科长", "role": role, "opinion": "", "source": "bureau",
                          "approval_id": given["id"]}}
        payload = {**case["payload"], "events": [*case["payload"]["events"], event], "revision": 2}
        return {**case, "entry_id": str(uuid.uuid4()), "op": "event", "revision": 2, "payload": payload}

    forged = raw_push(bureau, device, [claimed("局负责人")]).json()["results"][0]
    assert (forged["status"], forged["reason"]) == ("conflict", "unconfirmed_approval")
    with bureau.storage() as storage:
        assert storage.record("case", case["entity_id"]).revision == 1
    assert raw_push(bureau, device, [claimed("承办机构负责人")]).json()["results"][0]["status"] == "applied"


def test_another_countys_sealed_inspection_cannot_be_amended_nor_derived_from(bureau: BureauServer,
                                                                              device_factory) -> None:
    lishi, xiaoyi = device_factory("14110100001", "lishi"), device_factory("14110200001", "xiaoyi")
    theirs = inspection_entry(enterprise_in(xiaoyi, "孝义市"), officers=XIAOYI)
    photo = evidence_entry(theirs["entity_id"], "d" * 64, 3)
    seal = {"entry_id": str(uuid.uuid4()), "entity": "inspection", "entity_id": theirs["entity_id"], "op": "seal",
            "revision": 2, "payload": {"seal_hash": "a" * 64, "sealed_at": "2026-06-01T10:00:00+08:00",
                                       "evidence": 1, "format": "v1"}}
    assert [r["status"] for r in raw_push(bureau, xiaoyi, [theirs, photo, seal]).json()["results"]] == ["applied"] * 3
    own = inspection_entry(enterprise_in(lishi, "离石区"))
    assert raw_push(bureau, lishi, [own]).status_code == 200
    before = _unchanged(bureau)
    for enterprise in (enterprise_in(xiaoyi, "孝义市"), enterprise_in(lishi, "离石区")):
        amendment = inspection_entry(enterprise, op="amend", amends_id=theirs["entity_id"], evidence=["d" * 64])
        assert raw_push(bureau, lishi, [amendment]).status_code == 403
    derived = evidence_entry(own["entity_id"], "e" * 64, 3)
    derived["payload"]["derived_from"] = photo["entity_id"]
    assert raw_push(bureau, lishi, [derived]).status_code == 403
    # an id of theirs taken for a new inspection of its own: not stored, nothing of theirs shown
    clash = raw_push(bureau, lishi, [inspection_entry(enterprise_in(lishi, "离石区"), theirs["entity_id"]),
                                     evidence_entry(theirs["entity_id"], "f" * 64, 3)])
    assert clash.status_code == 403 and "孝义" not in clash.text
    assert _unchanged(bureau) == before


def test_two_laptops_uploading_the_same_photo_at_once_store_it_once(bureau: BureauServer, device_factory) -> None:
    import threading

    from tests.sync.conftest import claim_blobs

    first, second = device_factory("14110100001", "first"), device_factory("14110100002", "second")
    data = os.urandom(3_000_000)
    sha = hashlib.sha256(data).hexdigest()
    for ws in (first, second):
        claim_blobs(bureau, ws, {sha: len(data)})
    answers: dict[str, int] = {}

    def upload(ws: Workspace, key: str) -> None:
        answers[key] = httpx.patch(f"{bureau.url}/uploads/{sha}", content=data, timeout=60, headers={
            **_auth(ws), "Upload-Offset": "0", "Upload-Length": str(len(data))}).status_code

    threads = [threading.Thread(target=upload, args=pair) for pair in ((first, "first"), (second, "second"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == {"first": 204, "second": 204}
    assert (bureau.data_dir / "blobs" / sha[:2] / sha).read_bytes() == data
    assert not list((bureau.data_dir / "uploads").iterdir())
    missing = httpx.post(f"{bureau.url}/blobs/missing", json={"hashes": [sha]}, headers=_auth(second)).json()
    assert missing == {"missing": [], "partial": {}}


def test_a_junk_assessment_is_refused_and_the_approvals_queue_stays_up(bureau: BureauServer,
                                                                       device: Workspace) -> None:
    """A case whose assessment is any object (the schema took a free JSON object) broke /console/approvals
    for every reviewer, not only that case's page (500: Assessment.from_dict)."""
    add_staff(bureau)
    inspection = inspection_entry(enterprise_in(device, "离石区"))
    assert raw_push(bureau, device, [inspection]).status_code == 200
    before = _unchanged(bureau)
    for junk in ({"fine": "lots", "amount": -5}, {"catalog_id": "AIR-02", "amount": "x", "min": 1, "max": 2,
                                                  "formula": "", "rationale": "", "law": "", "article": ""}):
        answer = raw_push(bureau, device, [_case_entry(inspection, assessment=junk)])
        assert answer.status_code == 422, junk
    assert _unchanged(bureau) == before
    assert _signed_in(bureau, "reviewer").get("/console/approvals").status_code == 200
