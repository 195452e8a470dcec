"""The 催告书 as a 法制审核 officer checks it: the late days and the 3 %/day 加处罚款 (行政处罚法第七十二条) run to
the document's own date, not the day it happened to be rendered; the due date is the procedure's (15 days
rolled past a weekend or holiday, or the day of an approved 分期/延期). A 催告书 issued before this (record
format 2: 15 calendar days, counted to the day of rendering) still verifies byte for byte."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from eco_field.documents import service
from eco_field.documents.kinds import common
from eco_field.law import case_steps, cases
from eco_field.law.workdays import load_calendar
from tests.law.procedure_helpers import TODAY, ago, allow_roles, ok, pdf_text, recent_case

WORKTREE = str(Path(__file__).resolve().parents[2])


def served_fine(ws, tmp_path: Path, amount: int, served_on: date) -> str:
    """A fine of amount 元 decided and served on served_on, walked through the procedure's own steps."""
    allow_roles(ws)
    back = (TODAY - served_on).days
    cid = recent_case(ws, tmp_path, days_ago=back + 12)["id"]
    case_steps.approve(ws.db, cid, "filing", "李建国", "局负责人", ago(back + 11))
    cases.record_event(ws.db, cid, "filed", ago(back + 11))
    cases.assess(ws.db, cid, {"impact": "medium"}, amount=amount, reason="裁量")
    cases.record_event(ws.db, cid, "investigated", ago(back + 10))
    service.render(ws, "penalty-notice", case_id=cid, issued_on=ago(back + 8))
    cases.record_event(ws.db, cid, "notified", ago(back + 8))
    cases.record_event(ws.db, cid, "waived", ago(back + 7))
    case_steps.approve(ws.db, cid, "decision", "李建国", "局负责人", ago(back + 6))
    service.render(ws, "penalty-decision", case_id=cid, issued_on=ago(back + 6))
    cases.record_event(ws.db, cid, "decided", ago(back + 6))
    cases.record_event(ws.db, cid, "served", served_on.isoformat())
    return cid


def cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def plain_weekday(day: date) -> bool:
    return day.weekday() < 5 and load_calendar().is_working_day(day) and day not in load_calendar().workdays


def test_a_reminder_dated_30_days_ago_counts_the_surcharge_to_its_own_date(workspace, tmp_path):
    # served on a day whose 15th day after is a plain weekday: the due date needs no roll
    served = next(TODAY - timedelta(days=n) for n in range(80, 100) if plain_weekday(TODAY - timedelta(days=n - 15)))
    cid = served_fine(workspace, tmp_path, 50000, served)
    due, issued = served + timedelta(days=15), TODAY - timedelta(days=30)
    late = (issued - due).days
    out = service.render(workspace, "payment-reminder", case_id=cid, issued_on=issued.isoformat(),
                         out_path=tmp_path / "催告书.pdf")
    text = pdf_text(out["pdf"])
    surcharge = min(50000 * 3 * late // 100, 50000)
    # the law's fifteen days, and the last day said to be the party's (「前」 alone reads as the day before)
    assert f"应当自收到该决定书之日起十五日内（即{cn(due)}前，含当日）缴纳罚款" in text, text
    said = f"已达到罚款数额，为{surcharge:,}.00元" if surcharge == 50000 else f"{surcharge:,}.00元"  # capped
    assert f"截至{cn(issued)}，已逾期{late}日，加处罚款{said}" in text.replace("人民币", ""), text
    assert f"逾期{(TODAY - due).days}日" not in text  # not counted to the day it was rendered
    assert service.verify_pdf(workspace, out["pdf"])["matches"]


def test_a_due_date_on_a_weekend_rolls_to_the_next_working_day(workspace, tmp_path):
    # the 15th day after service a Saturday, the Monday after it a plain working day
    served = next(TODAY - timedelta(days=n) for n in range(60, 120)
                  if (TODAY - timedelta(days=n - 15)).weekday() == 5
                  and not load_calendar().is_working_day(TODAY - timedelta(days=n - 15))
                  and plain_weekday(TODAY - timedelta(days=n - 17)))
    saturday, monday = served + timedelta(days=15), served + timedelta(days=17)
    cid = served_fine(workspace, tmp_path, 50000, served)
    # the Monday still belongs to the party: no 催告书 that day, as the procedure says
    out = service.render(workspace, "payment-reminder", case_id=cid, issued_on=ago(5), out_path=tmp_path / "r.pdf")
    text = pdf_text(out["pdf"])
    assert f"即{cn(monday)}前，含当日" in text and cn(saturday) not in text
    assert f"已逾期{(TODAY - timedelta(days=5) - monday).days}日" in text


def test_an_approved_instalment_is_the_due_date_the_reminder_states(cli, workspace, tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", WORKTREE + os.pathsep + os.environ.get("PYTHONPATH", ""))  # this tree's code
    cid = served_fine(workspace, tmp_path, 80000, TODAY - timedelta(days=70))
    ok(cli("cases", "event", cid, "installments", "--date", ago(65), "--until", ago(40),
           "--note", "当事人经济困难，申请分期缴纳，局负责人李建国批准"))
    # before the approved day has passed the procedure refuses a 催告书, and so does the CLI
    early = cli("documents", "render", "payment-reminder", "--case", cid, "--date", ago(41))
    assert early.returncode == 2 and f"缴款期限至 {ago(40)} 届满" in early.stderr, early.stderr
    pdf = tmp_path / "催告书.pdf"
    ok(cli("documents", "render", "payment-reminder", "--case", cid, "--date", ago(10), "-o", str(pdf)))
    text = pdf_text(pdf)
    until = TODAY - timedelta(days=40)
    assert f"批准你单位分期（延期）缴纳罚款，你单位应当于{cn(until)}（含当日）前缴清罚款" in text, text
    assert "已逾期30日" in text and "加处罚款72,000.00元" in text.replace("人民币", "")
    assert cli("documents", "verify", str(pdf)).returncode == 0


def test_a_reminder_issued_before_the_procedure_set_its_due_date_still_verifies(workspace, tmp_path, monkeypatch):
    served = TODAY - timedelta(days=80)
    cid = served_fine(workspace, tmp_path, 50000, served)
    old = tmp_path / "old.pdf"
    with monkeypatch.context() as m:  # issued by the code of record format 2: counted to the day of rendering
        m.setattr(common, "RECORD_FORMAT", 2)
        issued = service.render(workspace, "payment-reminder", case_id=cid, issued_on=ago(30), out_path=old)
    calendar_due = served + timedelta(days=15)
    assert f"即{cn(calendar_due)}前，含当日" in pdf_text(old)
    assert f"截至{cn(TODAY)}，已逾期{(TODAY - calendar_due).days}日" in pdf_text(old)  # as it was printed then
    result = service.verify_pdf(workspace, old)
    assert result["matches"], result["problem"]
    # the same case issued now reads differently: the stored format is what verifies the old one
    fresh = service.render(workspace, "payment-reminder", case_id=cid, issued_on=ago(30), out_path=tmp_path / "n.pdf",
                           reason="按新版重新签发")
    assert fresh["record_sha256"] != issued["record_sha256"]
    assert f"截至{cn(TODAY - timedelta(days=30))}" in pdf_text(tmp_path / "n.pdf")
    assert service.verify_pdf(workspace, tmp_path / "n.pdf")["matches"]
    again = service.verify_pdf(workspace, old)  # voided by the re-issue, still the genuine file of its record
    assert again["issued_file_match"] and again["record_match"] and not again["current"], again


def test_the_reminder_and_the_deadlines_share_one_surcharge_to_the_fen_capped_at_the_fine(workspace, tmp_path):
    from eco_field.law.deadlines import late_surcharge

    served = next(TODAY - timedelta(days=n) for n in range(80, 100) if plain_weekday(TODAY - timedelta(days=n - 15)))
    cid = served_fine(workspace, tmp_path, 10050, served)
    due, issued = served + timedelta(days=15), TODAY - timedelta(days=55)
    late = (issued - due).days
    assert 0 < late < 33
    out = service.render(workspace, "payment-reminder", case_id=cid, issued_on=issued.isoformat(),
                         out_path=tmp_path / "r.pdf")
    text = pdf_text(out["pdf"]).replace("人民币", "")
    # 301.50 元 a day: the fen is kept, as the deadlines count it too
    assert f"已逾期{late}日，加处罚款{late * 301.5:,.2f}元" in text, text
    assert late_surcharge(10050, due, issued) == late * 301.5
    # today the surcharge has reached the fine: both stop there (第七十二条)
    payment = next(d for d in cases.get(workspace.db, cid).deadlines if d["code"] == "payment")
    assert payment["late_surcharge"] == 10050
    out = service.render(workspace, "payment-reminder", case_id=cid, issued_on=ago(0), out_path=tmp_path / "t.pdf",
                         reason="重新催告")
    capped = pdf_text(out["pdf"]).replace("人民币", "")
    assert "加处罚款已达到罚款数额，为10,050.00元" in capped, capped
    # the cap reached: the 3 % is not said to be still to come
    assert "到期不缴纳罚款的，我局将依照" not in capped and "将罚款及加处罚款缴至" in capped, capped
