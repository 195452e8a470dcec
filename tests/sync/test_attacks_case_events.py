"""An attacker's enrolled laptop pushes case events the procedure would refuse on any laptop: the bureau asks the
procedure too (law.procedure.reason_for on the events it does not hold yet) and checks each event's data as the
laptop records it (a 听证's people, a 解除 ground, a monitoring report's results, an approval's step), so it
refuses them with 422 naming the entry and why, stores nothing of the batch, and takes the honest event."""

from __future__ import annotations

import copy
import json
import uuid
from dataclasses import replace
from datetime import date, timedelta

import httpx

from eco_field.bureau.storage import Record
from eco_field.clock import now_local
from eco_field.law import cases, monitoring_results
from eco_field.law.procedure_guards import status_of
from eco_field.law.procedure_state import Event
from eco_field.store import inspections
from eco_field.sync.client import run_sync
from eco_field.workspace import Workspace
from tests.sync.conftest import BureauServer, new_inspection, raw_push, token_of

TODAY = now_local().date()


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def status(events: list[dict]) -> str:
    """The status the laptop records with these events (cases.record_event)."""
    return status_of([Event(n, e["event"], date.fromisoformat(e["date"]), e["note"], e["data"])
                      for n, e in sorted(enumerate(events), key=lambda p: (p[1]["date"], p[0]))])


def ev(code: str, days: int, note: str = "", **data) -> dict:
    return {"event": code, "label": code, "date": ago(days), "note": note, "data": data}


FILED = [ev("discovered", 60), ev("approved", 59, step="filing", by="李建国", role="局负责人", source="device"),
         ev("filed", 59), ev("investigated", 50), ev("notified", 45)]
HEARING_DUE = [*FILED, ev("hearing_requested", 43), ev("hearing_notified", 42)]
PAID = [*FILED, ev("decided", 25), ev("served", 24), ev("paid", 10)]


class Held:
    """A case of the laptop's as the bureau holds it, with the events given (set in the bureau's storage: the
    steps before the attack are not what is tried here), and the attacker's pushes of it."""

    def __init__(self, bureau: BureauServer, device: Workspace, events: list[dict]) -> None:
        self.bureau, self.device = bureau, device
        inspection_id = new_inspection(device)
        self.investigators = [o.name for o in inspections.get(device.db, inspection_id).officers]
        self.case_id = cases.new_case(device.db, inspection_id, ["AIR-10"], "物料堆场未覆盖").id
        assert run_sync(device)["ok"]
        with bureau.storage() as storage, storage.transaction():
            held = storage.record("case", self.case_id)
            self.payload = {**held.payload, "events": events, "status": status(events), "revision": 5}
            storage.put_record(replace(held, payload=self.payload, revision=5))

    def push(self, *new: dict, claimed: str | None = None) -> httpx.Response:
        payload = {**copy.deepcopy(self.payload), "revision": 6}
        payload["events"] = [*payload["events"], *new]
        payload["status"] = claimed or status(payload["events"])
        return raw_push(self.bureau, self.device, [{"entry_id": str(uuid.uuid4()), "entity": "case",
                                                    "entity_id": self.case_id, "op": "event", "revision": 6,
                                                    "payload": payload}])

    def events(self) -> list[str]:
        with self.bureau.storage() as storage:
            return [e["event"] for e in storage.record("case", self.case_id).payload["events"]]


def refused(answer: httpx.Response, *words: str) -> dict:
    """A 422 with a code and parameters, naming the one entry (as the laptop keeps it: sync.push)."""
    assert answer.status_code == 422, answer.text
    body = answer.json()
    assert body["code"] and isinstance(body["params"], dict) and len(body["invalid"]) == 1, body
    shown = json.dumps(body, ensure_ascii=False)
    assert all(word in shown for word in words), shown
    assert body["entry_problems"][body["invalid"][0]], body
    return body


def test_a_hearing_heard_by_an_investigator_or_with_three_agents_is_refused(bureau: BureauServer,
                                                                           device: Workspace) -> None:
    case = Held(bureau, device, HEARING_DUE)
    people = {"presider": "钱主持", "recorder": "孙记录", "hearing_officers": ["周听证"], "withdrawal": "no",
              "representatives": [{"name": "刘代理", "role": "环保部经理"}], "time": f"{ago(30)} 9时",
              "place": "本局三楼听证室"}
    investigator = case.investigators[0]
    body = refused(case.push(ev("hearing_held", 30, **{**people, "presider": investigator})),
                   "hearing_held", investigator)
    assert body["code"] == "bureau.refused.case_event"
    refused(case.push(ev("hearing_held", 30, **{**people, "hearing_officers": ["周听证", investigator]})), investigator)
    three = [{"name": n, "role": "律师"} for n in ("甲", "乙", "丙")]
    refused(case.push(ev("hearing_held", 30, **{**people, "representatives": three})), "3")
    refused(case.push(ev("hearing_held", 30, **{**people, "withdrawal": "yes"})), "hearing_held")
    assert case.events()[-1] == "hearing_notified"  # nothing stored
    assert case.push(ev("hearing_held", 30, "公开举行", **people)).json()["results"][0]["status"] == "applied"
    assert case.events()[-1] == "hearing_held"


def test_a_hearings_people_not_as_the_laptop_records_them_are_refused(bureau: BureauServer,
                                                                     device: Workspace) -> None:
    case = Held(bureau, device, HEARING_DUE)
    for bad in ({"representatives": "代" * 3_500_000}, {"representatives": [{"name": {"first": "刘"}, "role": ""}]},
                {"representatives": [{"name": "刘", "role": "经理", "extra": "x"}]},
                {"representatives": [{"name": "刘\u202e理经", "role": "经理"}]},
                {"presider": "钱\u200b主持"}, {"hearing_officers": "周听证"}, {"hearing_officers": [["周"]]},
                {"withdrawal": "maybe"}, {"anything": "else"}):
        field = next(iter(bad))
        body = refused(case.push(ev("hearing_held", 30, **bad)), field)
        assert body["code"] == "bureau.refused.invalid"
        assert body["params"]["problems"][0]["code"] == "bureau.invalid.event_data"
    too_large = case.push(ev("hearing_held", 30, representatives="代" * 6_000_000))
    assert too_large.status_code == 413 and too_large.json()["code"], too_large.text
    assert case.events()[-1] == "hearing_notified"


def test_a_monitoring_reports_results_are_as_check_makes_them(bureau: BureauServer, device: Workspace) -> None:
    case = Held(bureau, device, FILED[:3])
    good = monitoring_results.check({"place": "DA001", "pollutant": "二氧化硫", "value": "120", "unit": "mg/m3",
                                     "limit": "100", "standard": "GB 13223-2011"}, 1)
    report = {"number": "LLJC-2026-001", "body": "吕梁市生态环境监测中心"}
    for bad in ({**good, "value": "120"}, {**good, "value": -5.0}, {**good, "limit": 0},
                {**good, "unit": "furlong"}, {**good, "kind": "range", "low": 9.0, "high": 6.0},
                {k: v for k, v in good.items() if k != "pollutant"}, {**good, "standard": "GB\u202e1"}):
        refused(case.push(ev("monitoring_report", 40, **report, results=[bad])), "results")
    refused(case.push(ev("monitoring_report", 40, **report, results=[good] * (monitoring_results.MAX_RESULTS + 1))))
    refused(case.push(ev("monitoring_report", 40, **report, results={"0": good})), "results")
    nan = httpx.post(f"{bureau.url}/push", content=json.dumps({"entries": [{"x": float("nan")}]}),
                     headers={"Authorization": f"Bearer {token_of(device)}", "Content-Type": "application/json"})
    assert nan.status_code in (400, 422) and nan.json()["code"], nan.text
    assert case.events()[-1] == "filed"
    applied = case.push(ev("monitoring_report", 40, **report, results=[good]))
    assert applied.json()["results"][0]["status"] == "applied", applied.text


def test_measures_out_of_order_are_refused(bureau: BureauServer, device: Workspace) -> None:
    case = Held(bureau, device, PAID)
    refused(case.push(ev("seizure_lifted", 5, "已改正", ground="because")), "ground")
    refused(case.push(ev("seizure_lifted", 5, "已改正", ground="corrected")), "seizure_lifted")  # none in force
    refused(case.push(ev("closed", 5, "罚款已缴清")), "结案审批")
    refused(case.push(ev("daily_paid", 5, "银行缴款")), "daily_paid")
    refused(case.push(ev("production_lifted", 5, "整改完成")), "production_lifted")
    refused(case.push(ev("production_plan_filed", 5, "整改方案")), "production_plan_filed")
    # the approval from a role that may not approve the step, or from no one
    refused(case.push(ev("approved", 6, step="closing", by="张三", role="科员", source="device"), ev("closed", 5, "已缴清")),
            "科员")
    refused(case.push(ev("approved", 6, step="closing", by="", role="局负责人", source="device")), "approved")
    refused(case.push(ev("approved", 6, step="anything", by="张三", role="局负责人", source="device")), "step")
    # an event the bureau holds cannot be dropped to be recorded otherwise
    payload = case.payload
    case.payload = {**payload, "events": [e for e in payload["events"] if e["event"] != "paid"]}
    refused(case.push(), "1")
    case.payload = payload
    # nor a status its events do not make (a case claimed closed is shut to everyone of the county)
    closing = ev("approved", 6, step="closing", by="李建国", role="局负责人", source="device")
    refused(case.push(closing, claimed="closed"), "case_status_claimed")
    assert case.events()[-1] == "paid"
    assert case.push(closing, ev("closed", 5, "罚款已缴清")).json()["results"][0]["status"] == "applied"
    assert case.events()[-2:] == ["approved", "closed"]


def test_a_daily_round_is_paid_only_after_it_was_served(bureau: BureauServer, device: Workspace) -> None:
    rounds = [*PAID, ev("recheck_violation", 40), ev("daily_notified", 35), ev("daily_decided", 33)]
    case = Held(bureau, device, rounds)
    refused(case.push(ev("daily_paid", 31, "银行缴款")), "daily_paid")  # decided, not served
    refused(case.push(ev("daily_served", 32, "直接送达"), ev("daily_paid", 34, "银行缴款")), "daily_paid")
    assert case.push(ev("daily_served", 32, "直接送达"), ev("daily_paid", 31, "银行缴款")).json()["results"][0][
        "status"] == "applied"


def test_another_countys_case_cannot_be_approved(bureau: BureauServer, device: Workspace) -> None:
    case = Held(bureau, device, PAID)
    theirs = str(uuid.uuid4())
    with bureau.storage() as storage, storage.transaction():
        storage.put_record(Record("case", theirs, 5, "孝义市", {**case.payload, "id": theirs}))
    case.case_id, case.payload = theirs, {**case.payload, "id": theirs}
    answer = case.push(ev("approved", 6, step="closing", by="李建国", role="局负责人", source="device"))
    assert answer.status_code == 403 and answer.json()["code"] == "bureau.refused.push_forbidden", answer.text
    with bureau.storage() as storage:
        assert storage.record("case", theirs).payload["events"] == case.payload["events"]

