"""Demo cases: three fictitious cases carried through the real procedure, so a newcomer sees every path.

  1. a fine with a hearing      (立案审批 → 立案 → 监测报告 → 调查终结 → 告知 → 听证 → 复核 → 法制审核 → 决定 → 送达 → 缴款
                                 → 结案审批 → 结案)
  2. a 首违不罚                  (立案 → 调查终结 → 负责人审批 → 不予行政处罚决定 → 送达 → 结案审批 → 结案)
  3. a 查封 then 按日连续处罚      (责令改正决定书 on site → 立案 → 查封 (with its 清单) → 决定 → 解除查封 → 复查
                                 (outside the 查封) → 按日告知 → 法制审核 → 集体讨论 → 按日决定)

The cases are made only against demo enterprises (名称带“（演示）”) in the laptop's own units (demo_candidates).

Every step goes through eco_field.law (the same checks as the command line) and every document is issued at
its step. Dates lie in the past. The approvers are fictitious and recorded with source "demo", so the laptop's
own approval setting is not changed. Run once per data folder (`eco-field cases demo`).
"""

from __future__ import annotations

import io
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from eco_field import demo
from eco_field.clock import now_local
from eco_field.documents import service
from eco_field.errors import BadInput, NotFound
from eco_field.law import case_steps, cases
from eco_field.messages import text
from eco_field.records import Enterprise, Party
from eco_field.store import inspections, settings
from eco_field.store.database import write_transaction
from eco_field.workspace import Workspace

MARK = "（演示案件）"
CITY = "吕梁市"  # the city bureau's unit (eco_field.demo: its officers work for all counties)
HEAD = ("李局长（演示）", "局负责人")
LEGAL = ("赵法制（演示）", "法制审核人员")
UNIT_HEAD = ("周科长（演示）", "承办机构负责人")  # the 执法科's head, second in the 结案审批 chain
# the bureau's details a decision prints; filled only where the setting is empty
DETAILS = {"doc_bureau_address": "吕梁市离石区演示路1号（演示）", "doc_contact": "演示联系人 0358-0000000",
           "doc_payment_bank": "演示银行吕梁分行", "doc_payment_account": "演示账户 0000000000000000000",
           "doc_review_body": "吕梁市人民政府", "doc_court": "吕梁市离石区人民法院"}


ON_SITE = ("王某（演示）", "环保负责人", "0358-0000001")  # the party's representative on site, where a case names none


@dataclass
class Site:
    """What the demo inspection recorded on site: findings (发现的问题), checklist answers {item id: (answer,
    note)}, the interview's questions and answers, the party's representative, the place, and photos taken
    later [(days after the inspection, label)]."""

    findings: list[str]
    answers: dict[str, tuple[str, str]] = field(default_factory=dict)
    interview: list[tuple[str, str]] = field(default_factory=list)
    party: Party | None = None
    place: str = ""
    later_photos: list[tuple[int, str]] = field(default_factory=list)


class _Walk:
    def __init__(self, ws: Workspace, folder: Path, today: date) -> None:
        self.ws, self.folder, self.today = ws, folder, today
        self.issued: list[str] = []

    def day(self, days_ago: int) -> str:
        return (self.today - timedelta(days=days_ago)).isoformat()

    def event(self, case_id: str, code: str, days_ago: int, note: str = "", **data: Any) -> None:
        cases.record_event(self.ws.db, case_id, code, self.day(days_ago), note, data)

    def approve(self, case_id: str, step: str, days_ago: int, who: tuple[str, str] = HEAD, opinion: str = "同意。") -> None:
        case_steps.approve(self.ws.db, case_id, step, who[0], who[1], self.day(days_ago), opinion, source="demo")

    def chain(self, case_id: str, step: str, days_ago: int, proposal: str, unit_opinion: str, head_opinion: str,
              spread: int = 2) -> None:
        """An approval up the chain (承办人 → 承办机构负责人 → 局负责人), the 承办人 `spread` days before the
        局负责人 (the 承办机构负责人 between), so the form prints every opinion."""
        officer = inspections.get(self.ws.db, cases.get(self.ws.db, case_id).inspection_id).officers[0].name
        self.approve(case_id, step, days_ago + spread, (officer, "承办人"), proposal)
        self.approve(case_id, step, days_ago + (spread + 1) // 2, UNIT_HEAD, unit_opinion)
        self.approve(case_id, step, days_ago, opinion=head_opinion)

    def file(self, case_id: str, days_ago: int, proposal: str) -> None:
        """立案审批 up the chain on the inspection's day and the next, the 立案审批表 issued, then 立案."""
        self.chain(case_id, "filing", days_ago, proposal, "情况属实，建议立案调查。", "同意立案。", spread=1)
        self.issue(case_id, "filing-approval", days_ago)
        self.event(case_id, "filed", days_ago)

    def close(self, case_id: str, days_ago: int, proposal: str, ground: str) -> None:
        """结案审批 up the chain (承办人 → 承办机构负责人 → 局负责人) two days to the day of 结案, the 结案审批表
        issued with their opinions, then 结案."""
        self.chain(case_id, "closing", days_ago, proposal, "情况属实，同意结案。", "同意结案。")
        self.issue(case_id, "closing-approval", days_ago)
        self.event(case_id, "closed", days_ago, ground)

    def issue(self, case_id: str, kind: str, days_ago: int) -> None:
        """Issued on its own date, as a file recorded after the fact: never after the event that serves it."""
        self.issued.append(service.render(self.ws, kind, case_id=case_id, issued_on=self.day(days_ago))["number"])

    def issue_for_inspection(self, case_id: str, kind: str) -> None:
        """A 笔录 of the case's inspection, dated the inspection's day: the case documents cite it by its number."""
        insp = inspections.get(self.ws.db, cases.get(self.ws.db, case_id).inspection_id)
        self.issued.append(service.render(self.ws, kind, inspection_id=insp.id,
                                          issued_on=insp.started_at[:10])["number"])

    def photo_id(self, case_id: str, name: str) -> str:
        """The evidence id of a photo the walk imported (by its file name)."""
        insp = cases.get(self.ws.db, case_id).inspection_id
        return self.ws.db.execute("SELECT id FROM evidence WHERE inspection_id = ? AND original_name LIKE ?",
                                  [insp, f"%{name}"]).fetchone()[0]

    def open_case(self, enterprise: int | Enterprise, catalog_id: str, facts: str, days_ago: int,
                  checklist: dict[str, Any] | None = None, *, site: Site | None = None) -> str:
        """The inspection that found the violation (its place, the party's representative on site, its
        checklist answers, findings and questions) with its photos, and the case opened on its day."""
        ent = demo.demo_enterprises()[enterprise] if isinstance(enterprise, int) else enterprise
        site = site or Site(findings=[f"{facts.rstrip('。')}。"])
        certs = inspectors(self.ws, ent.county)
        start = self.today - timedelta(days=days_ago)
        place = site.place or (f"{ent.name}厂区（{ent.address}）" if ent.address else f"{ent.name}厂区")
        made = inspections.create(self.ws.db, ent.id, certs, started_at=f"{start.isoformat()}T09:00:00+08:00",
                                  place=place, party=site.party or Party(*ON_SITE, present=True))
        stored = dict(checklist or {})
        if site.answers:
            stored.update(industry=ent.industry, items={k: {"answer": a, "note": n} for k, (a, n) in site.answers.items()})
        if site.interview:
            stored["interview"] = [{"q": q, "a": a} for q, a in site.interview]
        inspections.update(self.ws.db, made.id, ended_at=f"{start.isoformat()}T11:00:00+08:00",
                           findings=list(site.findings), **({"checklist": stored} if stored else {}))
        photos = [self.folder / f"{catalog_id}-{start.isoformat()}.jpg"]
        photos[0].write_bytes(_photo(start, ent.lat, ent.lon))
        for days_after, label in site.later_photos:  # e.g. the state after correction, taken at a 复查
            later = start + timedelta(days=days_after)
            photos.append(self.folder / f"{catalog_id}-{later.isoformat()}-{label}.jpg")
            photos[-1].write_bytes(_photo(later, ent.lat, ent.lon, seed=days_after))
        from eco_field.evidence.service import import_paths

        import_paths(self.ws, made.id, photos, workers=1)
        ids = [r[0] for r in self.ws.db.execute("SELECT id FROM evidence WHERE inspection_id = ?", [made.id])]
        # opened on the inspection's day like the rest of the walk, not on the day the demo was loaded: the
        # list's 登记 date and the 立案 deadline then tell the same story
        return cases.new_case(self.ws.db, made.id, [cases.CaseViolation(catalog_id, facts, ids)], facts + MARK,
                              opened_at=f"{start.isoformat()}T11:30:00+08:00").id


def own_units(ws: Workspace) -> list[str] | None:
    """The counties this laptop works for: the bureau's answer at enrolment, else the unit of the laptop's
    officer (settings officer_cert); None when nothing narrows it. An unenrolled laptop is never narrowed:
    no bureau refuses its records, and the unit its set-up records is the bureau's name, not a county."""
    from eco_field.store import officers
    from eco_field.sync import state

    if not enrolled(ws):
        return None
    units = json.loads(state.get(ws.db, "units") or "[]")
    if not units and settings.get(ws.db, "officer_cert"):
        try:
            units = [officers.get(ws.db, settings.get(ws.db, "officer_cert")).unit]
        except NotFound:
            units = []
    if not units or CITY in units:  # a 市局 officer works for every county
        return None
    return units


def enrolled(ws: Workspace) -> bool:
    from eco_field.sync import state

    return bool(state.get(ws.db, "server_url"))


def demo_candidates(ws: Workspace) -> list[Enterprise]:
    """The demo enterprises (名称带“（演示）”) in the laptop's own units that the laptop holds: a demo case is
    never made against a real enterprise, nor in a county the bureau will not take from this laptop."""
    units = own_units(ws)
    held = {row[0] for row in ws.db.execute("SELECT id FROM enterprises")}
    found = [e for e in demo.demo_enterprises() if e.id in held and (units is None or e.county in units)]
    if not found:
        raise BadInput("procedure.demo_no_enterprise", units="、".join(units or []) or "—")
    return found


def inspectors(ws: Workspace, county: str) -> list[str]:
    """Two officers of the county (法 art 42), the laptop's own officer first where it is one of them."""
    from eco_field.store import officers

    own = settings.get(ws.db, "officer_cert")
    certs = sorted((o.cert_no for o in officers.list_officers(ws.db) if o.unit == county),
                   key=lambda cert: (cert != own, cert))
    if len(certs) < 2:
        raise BadInput("procedure.demo_no_officers", county=county)
    return certs[:2]


def _pick(candidates: list[Enterprise], used: set[str], wants_air: bool) -> Enterprise:
    """The first unused candidate (with an air outlet when the path needs one), else the first at all."""
    def fits(e: Enterprise) -> bool:
        return not wants_air or any(o.kind == "air" and o.limits for o in e.outlets)

    order = [e for e in candidates if e.id not in used and fits(e)] + [e for e in candidates if fits(e)]
    chosen = (order or candidates)[0]
    used.add(chosen.id)
    return chosen


def seed_cases(ws: Workspace, folder: Path) -> dict[str, Any]:
    """Walk the three demo cases; folder holds the generated photos and report until they are imported.
    On a laptop enrolled with a bureau the cases use the demo enterprises it synced, in its own units only
    (the bureau refuses another unit's records), and no demo records are added behind the bureau's back."""
    if ws.db.execute("SELECT 1 FROM cases WHERE facts LIKE ?", [f"%{MARK}"]).fetchone():
        return {"cases": [], "documents": [], "note": text("procedure.demo_already_here")}
    if not enrolled(ws):
        demo.seed(ws)
    candidates = demo_candidates(ws)
    for ent in candidates[:3]:
        inspectors(ws, ent.county)  # refused before any case is made
    with write_transaction(ws.db):
        for key, value in DETAILS.items():
            if not settings.get(ws.db, key):
                settings.put(ws.db, key, value)
    folder.mkdir(parents=True, exist_ok=True)
    walk = _Walk(ws, folder, now_local(settings.get(ws.db, "time_zone")).date())
    used: set[str] = set()
    exceeding, first, evading = (_pick(candidates, used, air) for air in (True, False, True))
    made = [_fine_with_hearing(walk, exceeding), _first_violation(walk, first), _seizure_then_daily(walk, evading)]
    return {"cases": made, "documents": walk.issued}


def _exceedance_facts(ent: Enterprise) -> str:
    outlet = next(o for o in ent.outlets if o.kind == "air" and o.limits)
    limit = next((lim for lim in outlet.limits if lim.pollutant == "PM"), outlet.limits[0])
    standard = limit.standard.split(" 表")[0] if limit.standard else "排放标准"
    name = {"PM": "颗粒物", "SO2": "二氧化硫", "NOx": "氮氧化物"}.get(limit.pollutant, limit.pollutant)
    return f"{outlet.name}{name}排放浓度超过{standard}规定的排放限值"


def _report_results(ent: Enterprise, sampled: str) -> list[dict[str, str]]:
    """The demo report's results at the outlet its facts name: the particulates over the limit by the multiple of
    吕环不罚〔2025〕6007号 (20.53 against 15 mg/m³), the outlet's other pollutants within theirs."""
    outlet = next(o for o in ent.outlets if o.kind == "air" and o.limits)
    over = next((lim for lim in outlet.limits if lim.pollutant == "PM"), outlet.limits[0])
    return [{"place": outlet.code, "pollutant": lim.pollutant, "unit": lim.unit, "limit": f"{lim.limit:g}",
             "value": f"{lim.limit * (1.3687 if lim is over else 0.6):.2f}", "standard": lim.standard,
             "sampled": sampled} for lim in outlet.limits if lim.kind == "max"]


def _exceedance_site(ent: Enterprise) -> Site:
    """Case 1's inspection: the bag filter of the outlet its facts name found torn, the sampling arranged."""
    outlet = next(o for o in ent.outlets if o.kind == "air" and o.limits)
    return Site(
        findings=[f"{outlet.name}布袋除尘器运行中，现场检查发现除尘器第3仓室部分滤袋破损，烟囱出口可见明显烟尘；"
                  "除尘器压差运行记录显示自检查前一日起压差明显下降。",
                  f"执法人员当场告知当事人，将委托吕梁市生态环境监测中心（演示）对{outlet.name}颗粒物排放浓度进行采样监测。"],
        answers={"PROC-01": ("compliant", "执法人员二名到场，出示执法证件"),
                 "GEN-03": ("compliant", "持有效排污许可证"),
                 "GEN-06": ("non_compliant", "布袋除尘器部分滤袋破损，压差记录异常"),
                 "GEN-08": ("non_compliant", "烟囱出口可见明显烟尘，委托监测机构采样监测")},
        party=Party("刘代理（演示）", "环保部经理", "0358-0000002", present=True))


def _fine_with_hearing(w: _Walk, ent: Enterprise) -> str:
    cid = w.open_case(ent, "AIR-02", _exceedance_facts(ent), 60, site=_exceedance_site(ent))
    w.issue_for_inspection(cid, "inspection-record")
    w.file(cid, 59, "现场检查发现除尘设施滤袋破损、烟尘排放明显，涉嫌超标排放大气污染物，建议立案调查。")
    cases.assess(w.ws.db, cid, {"impact": "medium"}, amount=250000, reason="超标持续时间较长（演示）")
    report = w.folder / "monitoring-report.pdf"
    report.write_bytes(_report_pdf())
    case_steps.attach_monitoring_report(w.ws, cid, "LLJC-演示-001", "吕梁市生态环境监测中心（演示）", w.day(57), report,
                                        _report_results(ent, w.day(58)))
    w.issue(cid, "investigation-report", 50)
    w.event(cid, "investigated", 50)
    w.issue(cid, "penalty-notice", 46)
    w.event(cid, "notified", 45, "直接送达，当事人签收")
    # who hears the case and when, recorded with the request: the 听证通知书 names them (法第六十四条)
    hearing = {"time": f"{w.day(30)} 9时", "place": "本局三楼听证室", "presider": "钱主持（演示）",
               "hearing_officers": ["周听证（演示）"], "recorder": "孙记录（演示）"}
    w.event(cid, "hearing_requested", 43, "当事人书面申请听证", **hearing)
    w.issue(cid, "hearing-notice", 42)
    w.event(cid, "hearing_notified", 42)
    w.event(cid, "hearing_held", 30, "公开举行", **hearing,
            representatives=[{"name": "刘代理（演示）", "role": "当事人环保部经理"}], withdrawal="no",
            final_statement="布袋破损系突发情况，公司已及时更换并加强日常巡检，请求从轻处罚")
    said = "颗粒物超标系除尘布袋突发破损所致，已于次日更换，请求从轻处罚"
    case_steps.add_statement(w.ws.db, cid, w.day(30), said, at_hearing=True)
    w.issue(cid, "hearing-record", 30)  # the 听证笔录 is made at the hearing, on its day
    # the 复核: why the request is not adopted, in terms of what the fine rests on (no correction factor applied)
    case_steps.add_statement(w.ws.db, cid, w.day(29), said, False,
                             "滤袋破损未及时发现和处置属于当事人日常运行维护的责任，超标排放的事实有监测报告证实；"
                             "事后更换滤袋是当事人依法应当履行的改正义务，未能消除已经发生的超标排放后果，"
                             "不属于依法从轻或者减轻处罚的情形", at_hearing=True)
    w.approve(cid, "legal_review", 27, LEGAL, "事实清楚，证据确凿，程序合法，同意。")
    # the 负责人 approves on the 内部审批表 before it is filed: recorded first, so the issued form prints the opinion
    w.approve(cid, "decision", 26, opinion="同意按拟处罚意见作出决定。")
    w.issue(cid, "internal-approval", 26)
    w.issue(cid, "penalty-decision", 25)
    w.event(cid, "decided", 25)
    w.event(cid, "served", 24, "直接送达")
    w.event(cid, "paid", 10, "银行缴款")
    w.close(cid, 5, "当事人已缴清罚款，处罚决定已履行完毕，建议结案。", "罚款已缴清，处罚决定已履行完毕")
    return cid


FIRST_FACTS = "煤炭堆场约150平方米未采取有效覆盖措施，检查后5日内已全部覆盖"
CORRECTED_AFTER = 5  # days after the inspection the party had covered the yard (the 复查 photo's day)


def _first_violation_site() -> Site:
    """Case 2's inspection: each ground of 首违不罚 on record — the area measured on site (笔录), no earlier
    violation of the kind (the party's answer in the 询问笔录, checked against the bureau's archive), the
    correction within 7 days (a photo taken at the 复查, explained by the officer)."""
    return Site(
        findings=["煤炭堆场未采取有效覆盖措施，堆场内煤炭裸露，防尘网被掀开堆放于一侧。",
                  "经现场测量，煤炭堆场长约15米、宽约10米，面积约150平方米。",
                  "执法人员当场责令当事人立即对煤炭堆场采取覆盖措施。"],
        answers={"PROC-01": ("compliant", "执法人员二名到场，出示执法证件"),
                 "GEN-14": ("non_compliant", "煤炭堆场约150平方米未覆盖")},
        interview=[("你单位煤炭堆场为何未采取覆盖措施？", "前几天大风把防尘网掀开了，还没来得及重新覆盖。"),
                   ("你单位此前是否因物料堆场未覆盖等扬尘问题受到过生态环境部门的处罚？",
                    "没有，这是第一次。"),
                   ("你单位打算如何整改？什么时间完成？", "我们马上组织人员重新覆盖，5天内全部覆盖完毕，并加强巡查。")],
        party=Party("王某（演示）", "安全环保科科长", "0358-0000003", present=True),
        later_photos=[(CORRECTED_AFTER, "整改后")])


def _first_violation(w: _Walk, ent: Enterprise) -> str:
    cid = w.open_case(ent, "AIR-10", FIRST_FACTS, 30, site=_first_violation_site())
    w.issue_for_inspection(cid, "inspection-record")
    w.issue_for_inspection(cid, "interview-record")
    w.file(cid, 29, "现场检查发现煤炭堆场未采取有效覆盖措施，涉嫌违反大气污染防治法，建议立案调查。")
    # the 复查 photo was taken after the inspection: the officer says when and what it shows (printed beside it)
    after = _cn_day(w.today - timedelta(days=30 - CORRECTED_AFTER))
    w.event(cid, "evidence_explained", 24, evidence_id=w.photo_id(cid, "整改后.jpg"),
            text=f"该照片系执法人员于{after}复查时拍摄，证明当事人已对煤炭堆场全部覆盖")
    cases.assess(w.ws.db, cid, {"first": "yes", "area_m2": "150", "corrected_days": str(CORRECTED_AFTER)})
    w.issue(cid, "investigation-report", 20)
    w.event(cid, "investigated", 20)
    w.approve(cid, "decision", 18, opinion="符合首违不罚条件，同意不予行政处罚。")
    w.issue(cid, "internal-approval", 18)
    w.issue(cid, "no-penalty-decision", 18)
    w.event(cid, "no_penalty", 18)
    w.event(cid, "served", 17, "直接送达")
    w.close(cid, 10, "不予行政处罚决定已送达，当事人已改正违法行为，无需执行，建议结案。",
            "不予行政处罚决定已送达，当事人已改正违法行为，无需执行")
    return cid


def _sealed(outlet: str) -> list[dict[str, str]]:
    """What the demo seals (the 查封清单's 名称, 规格型号, 数量, 单位, 存放地点, 备注), kept with the inspection's
    checklist["seizure_items"] as the decision and the release read them (notes that hold for both lists)."""
    return [
        {"name": "旁路烟道挡板阀门", "spec": "DN1200 电动蝶阀", "quantity": "1", "unit": "台",
         "place": f"{outlet}废气治理设施旁路烟道", "note": "检查时处于开启状态"},
        {"name": "旁路阀门电动执行器控制箱", "spec": "380V", "quantity": "1", "unit": "台",
         "place": f"{outlet}废气治理设施配电室", "note": "已切断电源"},
    ]


def _seizure_then_daily(w: _Walk, ent: Enterprise) -> str:
    outlet = next((o.name for o in ent.outlets if o.kind == "air"), "锅炉")
    cid = w.open_case(ent, "AIR-03", "通过旁路烟道逃避监管排放大气污染物", 80, {"seizure_items": _sealed(outlet)})
    # 按日连续处罚办法第八条: the order to correct is served on site, on the inspection's day; the 按日 notice and
    # decision cite it by its number
    w.issue(cid, "rectification-order", 80)
    w.event(cid, "order_served", 80, "现场送达，责令立即停止通过旁路烟道排放大气污染物")
    w.approve(cid, "filing", 79, opinion="同意立案。")
    w.event(cid, "filed", 79)
    # the facts found (the decision prints 「经查，…」); what is sealed is listed in its 查封清单 (_sealed)
    found = (f"你单位于{_cn_day(w.today - timedelta(days=80))}在{outlet}废气治理设施停运的情况下，开启旁路烟道挡板阀门，"
             "通过旁路烟道直接排放未经处理的废气，逃避监管排放大气污染物")
    w.event(cid, "seized", 79, found, measure="查封", approved_by=HEAD[0])
    w.issue(cid, "seizure-decision", 79)
    cases.assess(w.ws.db, cid, {"impact": "medium"}, amount=150000, reason="逃避监管（演示）")
    w.event(cid, "investigated", 70)
    w.issue(cid, "penalty-notice", 66)
    w.event(cid, "notified", 65, "直接送达")
    w.event(cid, "waived", 64, "当事人书面放弃陈述、申辩", scope="statement")  # a fine under the hearing threshold
    w.approve(cid, "decision", 63)
    w.issue(cid, "penalty-decision", 63)
    w.event(cid, "decided", 63)
    w.event(cid, "served", 62, "直接送达")
    w.event(cid, "seizure_lifted", 62, "行政处罚决定已作出，不再需要查封", ground="decided")
    w.issue(cid, "seizure-release", 62)
    w.event(cid, "seizure_release_served", 61, "直接送达")
    # the 复查 (暗查) after the 查封 was lifted and within 30 days of the order's service: the days counted are
    # those after the release (按日连续处罚办法第二十条), 7 days × 150,000 元, so 法制审核 and 集体讨论 decide it
    officers = [o.name for o in inspections.get(w.ws.db, cases.get(w.ws.db, cid).inspection_id).officers]
    w.event(cid, "recheck_violation", 55, "暗查：旁路烟道挡板阀门处于开启状态，废气经旁路直接排放",
            evidence="复查现场检查笔录（演示）、现场照片3张、旁路烟道挡板阀门开启状态视频1段、治理设施DCS运行数据截图",
            officers=officers)
    w.issue(cid, "daily-penalty-notice", 51)
    w.event(cid, "daily_notified", 50, "直接送达")
    w.event(cid, "waived", 49, "当事人书面放弃陈述、申辩和听证的权利", scope="statement_and_hearing")
    w.approve(cid, "legal_review", 48, LEGAL, "事实清楚，证据确凿，计罚日数已扣除查封期间，程序合法，同意。")
    w.approve(cid, "collective", 47, opinion="经集体讨论，同意对当事人实施按日连续处罚。")
    w.approve(cid, "decision", 47, opinion="同意按日连续处罚。")
    w.issue(cid, "daily-penalty-decision", 47)
    w.event(cid, "daily_decided", 47)
    w.event(cid, "daily_served", 46, "直接送达")
    return cid


def _cn_day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _photo(day: date, lat: float, lon: float, seed: int = 0) -> bytes:
    """A small fictitious site photo with the inspection's time and the site's place in its EXIF."""
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Demo", "演示相机"
    exif.get_ifd(0x8769)[0x9003] = f"{day.strftime('%Y:%m:%d')} 09:30:00"

    def dms(value: float) -> tuple:
        degrees, minutes = int(value), int((value - int(value)) * 60)
        return (degrees, minutes, round((value - degrees - minutes / 60) * 3600, 2))

    exif.get_ifd(0x8825).update({1: "N", 2: dms(lat), 3: "E", 4: dms(lon)})
    rng = random.Random(day.toordinal() + seed)
    image = Image.effect_noise((320, 240), 30 + rng.randint(0, 20)).convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=85)
    return out.getvalue()


def _report_pdf() -> bytes:
    """A one-page fictitious monitoring report (the real one is the monitoring body's PDF or a scan)."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 760, "DEMO monitoring report LLJC-DEMO-001 (fictitious)")
    page.drawString(72, 740, "PM 20.53 mg/m3 against a limit of 15 mg/m3")
    page.save()
    return out.getvalue()
