"""The draft decision at the bureau (issue 18 part 4): a case walked on a real laptop to the point where the
法制审核 reviews it (filed, investigated, notice served, hearing held, statements reviewed) is synced; the
reviewer opens its file in the console and reads the 行政处罚决定书 draft the bureau makes from the synced
records — the laptop's own document code, so it reads word for word as the laptop's draft of the same day:
no number, 草稿 on every page, the notice's number and the bureau's details set on the 本局信息 page.
ECO_FIELD_SCREENSHOTS=DIR keeps the screenshots (docs/screenshots)."""

from __future__ import annotations

import re
from pathlib import Path

from eco_field.bureau import admin
from eco_field.clock import now_local
from eco_field.demo_cases import DETAILS, _report_pdf, _Walk
from eco_field.documents import issuer, service
from eco_field.documents.numbering import DEFAULT_CODES
from eco_field.law import case_steps, cases, procedure
from eco_field.readings import service as readings
from eco_field.store import settings
from eco_field.store.database import write_transaction
from eco_field.sync.client import run_sync
from eco_field.workspace import Workspace
from tests.console.conftest import login
from tests.office.test_office_browser import shot
from tests.pdftools import page_count, text
from tests.sync.conftest import BureauServer, device_id_of

READINGS = Path(__file__).resolve().parents[1] / "readings" / "synthetic" / "generic_long_utf8_synthetic.csv"


def _walk_to_legal_review(device: Workspace, folder: Path) -> tuple[str, list[str]]:
    """A 离石区 case up to the 法制审核: returns its id and the numbers issued on the way."""
    with write_transaction(device.db):
        for key, value in DETAILS.items():
            settings.put(device.db, key, value)
    folder.mkdir(parents=True, exist_ok=True)
    w = _Walk(device, folder, now_local().date())
    cid = w.open_case(13, "AIR-02", "焦炉烟囱颗粒物排放浓度超过特别排放限值", 40)
    w.approve(cid, "filing", 39, opinion="同意立案。")
    w.issue(cid, "filing-approval", 39)
    w.event(cid, "filed", 39)
    cases.assess(device.db, cid, {"impact": "medium"}, amount=250000, reason="超标持续时间较长")
    report = folder / "monitoring-report.pdf"
    report.write_bytes(_report_pdf())
    case_steps.attach_monitoring_report(device, cid, "LLJC-2026-017", "吕梁市生态环境监测中心", w.day(36), report)
    w.issue(cid, "investigation-report", 30)
    w.event(cid, "investigated", 30)
    w.issue(cid, "penalty-notice", 26)
    w.event(cid, "notified", 25, "直接送达，当事人签收")
    w.event(cid, "hearing_requested", 23, f"当事人书面申请听证。时间：{w.day(12)} 9时；地点：本局三楼听证室；"
            "主持人：钱主持；记录人：孙记录")
    w.issue(cid, "hearing-notice", 22)
    w.event(cid, "hearing_notified", 22)
    w.event(cid, "hearing_held", 12, f"公开举行。时间：{w.day(12)} 9时；地点：本局三楼听证室；主持人：钱主持；记录人：孙记录")
    case_steps.add_statement(device.db, cid, w.day(12), "除尘布袋突发破损，已更换，请求从轻处罚", at_hearing=True)
    case_steps.add_statement(device.db, cid, w.day(11), "除尘布袋突发破损，已更换，请求从轻处罚", False,
                             "事后更换布袋不影响超标排放事实的认定", at_hearing=True)
    w.issue(cid, "hearing-record", 11)
    # the officers' screening readings of the day (cited as a lead, 电子数据)
    readings.import_file(device, cases.get(device.db, cid).inspection_id, READINGS)
    return cid, w.issued


def _lines(pdf: Path) -> list[str]:
    return [" ".join(line.split()) for line in text(pdf).splitlines() if line.strip()]


def test_the_reviewer_reads_the_draft_decision_made_from_the_synced_case(
        console: BureauServer, device: Workspace, browser_page, tmp_path: Path) -> None:
    with console.storage() as storage:  # an enrolled laptop takes its document numbers from the bureau
        year = now_local().year
        for kind in DEFAULT_CODES:
            for y in (year - 1, year):
                admin.reserve_numbers(storage, device_id_of(device), kind, 20, y)
    assert run_sync(device)["ok"]
    case_id, issued = _walk_to_legal_review(device, tmp_path / "walk")
    result = run_sync(device)
    assert result["ok"] and not result["conflicts"], result
    notice = next(n for n in issued if "罚告" in n or "告" in n)
    page = browser_page

    # the admin states the bureau's details, as the laptop's settings hold them
    laptop = issuer.current(device.db)
    login(page, console, "admin", then="/console/bureau")
    for key, value in laptop.items():
        page.fill(f"input[name={key}]", value)
    page.click("form[action$='/bureau/save'] button")
    page.wait_for_load_state()
    assert "已保存" in page.inner_text("main")
    shot(page, "console_bureau.png", tmp_path)
    page.click("header .logout button")

    login(page, console, "reviewer", then=f"/console/approvals/{case_id}")
    section = page.locator("section#draft")
    assert "行政处罚决定书（草稿）" in section.inner_text()
    assert "本局信息为空" not in section.inner_text()
    shot(page, "console_approval_draft.png", tmp_path)
    href = section.locator("a").first.get_attribute("href")
    answer = page.request.get(f"{console.url}{href}")
    assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"
    bureau_pdf = tmp_path / "bureau-draft.pdf"
    bureau_pdf.write_bytes(answer.body())

    laptop_pdf = Path(service.render_draft(device, "penalty-decision", case_id=case_id,
                                           out_path=tmp_path / "laptop-draft.pdf")["pdf"])
    drafted = _lines(bureau_pdf)
    assert drafted == _lines(laptop_pdf), "the bureau's draft reads as the laptop's own"
    body = "".join(drafted)
    assert "行政处罚决定书" in body and "草稿" in body and "未编号" in body
    assert page_count(bureau_pdf) >= 2 and body.count("草稿") >= page_count(bureau_pdf), "草稿 on every page"
    assert notice in body, "the decision names the notice it rests on"
    assert laptop["bureau_name"] in body and laptop["doc_payment_account"] in body
    assert "250,000" in body or "贰拾伍万" in body
    assert "现场筛查数据" in body, "the synced readings are cited as a lead (电子数据)"
    assert not re.search(r"罚〔\d{4}〕\d+号", body.replace(notice, "")), "a draft carries no number of its own"

    # the reviewer approves; the next draft is made again (its records changed) and still reads the same
    page.fill("form[action$='/decide'] textarea[name=opinion]", "事实清楚，证据确凿，程序合法，同意。")
    page.click("form[action$='/decide'] button[value=approve]")
    page.wait_for_load_state()
    assert "法制审核已同意" in page.inner_text("main")
    again = page.request.get(f"{console.url}{href}")
    assert again.status == 200
    drafts = list((console.data_dir / "cache" / "drafts").glob(f"{case_id}-*.pdf"))
    assert len(drafts) == 1, "an out-of-date draft is not kept"
    assert again.headers["content-type"] == "application/pdf"
    assert run_sync(device)["ok"]
    pulled = [(a["step"], a["by"], a["source"]) for a in procedure.facts(device.db, case_id)["approvals"]]
    assert ("legal_review", "孙法制", "bureau") in pulled


def test_no_draft_before_the_procedure_allows_one(console: BureauServer, device: Workspace, browser_page) -> None:
    from tests.sync.conftest import new_inspection

    case = cases.new_case(device.db, new_inspection(device), ["AIR-10"], "物料堆场未覆盖")
    assert run_sync(device)["ok"]
    page = browser_page
    login(page, console, "leader", then=f"/console/approvals/{case.id}")
    section = page.locator("section#draft")
    assert "现在还不能拟写决定书" in section.inner_text() and section.locator("a").count() == 0
    refused = page.request.get(f"{console.url}/console/approvals/{case.id}/draft.pdf")
    assert refused.status == 400 and "现在还不能拟写决定书草稿" in refused.text()
    clerk_login = page.context.browser.new_context()
    try:
        anonymous = clerk_login.request.get(f"{console.url}/console/approvals/{case.id}/draft.pdf", max_redirects=0)
        assert anonymous.status == 303
    finally:
        clerk_login.close()


def test_only_the_admin_sets_the_bureau_details_and_each_change_is_audited(console: BureauServer) -> None:
    from tests.console.test_http import _csrf, _signed_in

    leader = _signed_in(console, "leader")
    assert leader.get("/console/bureau").status_code == 403
    assert leader.post("/console/bureau/save", data={"bureau_name": "假冒局",
                                                     "csrf_token": _csrf(leader.get("/console/").text)}).status_code == 403
    admin_client = _signed_in(console, "admin")
    assert admin_client.post("/console/bureau/save", data={"bureau_name": "无校验码局"}).status_code == 403
    token = _csrf(admin_client.get("/console/bureau").text)
    saved = admin_client.post("/console/bureau/save", data={"bureau_name": "吕梁市生态环境局", "doc_court": "离石区人民法院",
                                                            "csrf_token": token})
    assert saved.status_code == 303
    page = admin_client.get("/console/bureau").text
    assert 'value="吕梁市生态环境局"' in page and "假冒局" not in page and "无校验码局" not in page
    log = admin_client.get("/console/audit").text
    assert "修改本局信息" in log and "离石区人民法院" in log
