"""Issue 13 "done when": each path and each refusal walked through the window, as an officer would — the
case screen's forms (event, approval, statement, monitoring report, flagged photo) and its documents tab (made
with their date of issue), on a real SQLite file through the same services as the command line. A refusal
is shown in Chinese, naming what is missing; nothing is recorded by it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from eco_field.law import cases
from tests import pdftools
from tests.law.procedure_helpers import ago, allow_roles, recent_case
from ui.documents_panel import list_documents


def _qdate(days_ago: int) -> QDate:
    d = date.fromisoformat(ago(days_ago))
    return QDate(d.year, d.month, d.day)


class CaseWalker:
    """Drives the case screen's widgets for one case; every step is a click on the window."""

    def __init__(self, window, ctx, dialogs, case_id: str) -> None:
        self.window, self.ctx, self.dialogs, self.case_id = window, ctx, dialogs, case_id
        ctx.hub.announce("case")
        window.show_section("cases")
        self.screen = window.cases
        rows = [self.screen.list.model.record(r).id for r in range(self.screen.list.model.rowCount())]
        self.screen.list.table.selectRow(rows.index(case_id))
        self.detail, self.forms = self.screen.detail, self.screen.detail.forms
        assert self.detail.case.id == case_id

    def errors(self) -> int:
        return sum(1 for kind, *_ in self.dialogs.shown if kind == "error")

    def last_error(self) -> str:
        return next(text for kind, _title, text in reversed(self.dialogs.shown) if kind == "error")

    def done(self, before: int) -> None:
        assert self.errors() == before, self.last_error()

    def event(self, code: str, days_ago: int, note: str = "", check: bool = True) -> None:
        before = self.errors()
        self.screen.side.setCurrentWidget(self.detail.procedure_page)
        self.forms.setCurrentIndex(0)
        index = self.forms.event_kind.findData(code)
        assert index >= 0, code
        self.forms.event_kind.setCurrentIndex(index)
        self.forms.event_date.setDate(_qdate(days_ago))
        self.forms.event_note.setText(note)
        self.forms.add_event.click()
        if check:
            self.done(before)

    def approve(self, step: str, days_ago: int, by: str = "李建国", role: str = "局负责人",
                opinion: str = "同意。", check: bool = True) -> None:
        before = self.errors()
        self.screen.side.setCurrentWidget(self.detail.procedure_page)
        if self.detail.next_steps.state(f"approve_{step}")[0]:
            self.click_step(f"approve_{step}")  # the open approval in the next steps brings up its form
        else:
            self.forms.open_for(f"approve_{step}")
        assert self.forms.currentIndex() == 1 and self.forms.step.currentData() == step
        self.forms.approver.setText(by)
        self.forms.role.setCurrentText(role)
        self.forms.opinion.setText(opinion)
        self.forms.approval_date.setDate(_qdate(days_ago))
        self.forms.approve_button.click()
        if check:
            self.done(before)

    def statement(self, days_ago: int, text: str, adopted: bool | None = None, reason: str = "",
                  hearing: bool = False) -> None:
        before = self.errors()
        self.forms.open_for("statement")
        self.forms.statement_text.setText(text)
        self.forms.adopted.setCurrentIndex(self.forms.adopted.findData(adopted))
        self.forms.statement_reason.setText(reason)
        self.forms.at_hearing.setChecked(hearing)
        self.forms.statement_date.setDate(_qdate(days_ago))
        self.forms.statement_button.click()
        self.done(before)

    def document(self, kind: str, days_ago: int) -> dict:
        """The documents tab: choose the kind (from the next steps, where it is open), its date, 生成文书."""
        before = self.errors()
        assert self.detail.next_steps.state(kind)[0], self.detail.next_steps.state(kind)
        self.screen.side.setCurrentWidget(self.detail.procedure_page)
        self.click_step(kind)  # the open document in the next steps: a click brings up the documents tab
        panel = self.screen.documents
        assert self.screen.side.currentWidget() is panel and panel.kind.currentData() == kind
        panel.issue_date.setDate(_qdate(days_ago))
        panel.render_button.click()
        self.done(before)
        [doc] = [d for d in list_documents(self.ctx.ws, None, self.case_id) if d["kind"] == kind and d["current"]]
        return doc

    def click_step(self, code: str) -> None:
        steps = self.detail.next_steps
        [item] = [steps.item(r) for r in range(steps.count()) if steps.item(r).data(Qt.ItemDataRole.UserRole) == code]
        steps.scrollToItem(item)
        QTest.mouseClick(steps.viewport(), Qt.MouseButton.LeftButton, pos=steps.visualItemRect(item).center())

    def refused(self, click, *words: str) -> str:
        """The click is refused: an error in Chinese naming what is missing, and the case is unchanged."""
        before, revision = self.errors(), cases.get(self.ctx.db, self.case_id).revision
        click()
        assert self.errors() == before + 1, "not refused"
        text = self.last_error()
        for word in words:
            assert word in text, text
        assert cases.get(self.ctx.db, self.case_id).revision == revision
        return text

    def status(self) -> str:
        return cases.get(self.ctx.db, self.case_id).status


def _report_pdf(folder: Path) -> Path:
    """A qualified body's report as the officer receives it: a PDF (made here; any file is kept unchanged)."""
    from reportlab.pdfgen import canvas

    path = folder / "LLJC-2026-0611.pdf"
    page = canvas.Canvas(str(path))
    page.drawString(72, 760, "Monitoring report LLJC-2026-0611: PM 20.5 mg/m3, limit 15 mg/m3")
    page.save()
    return path


def test_a_fine_with_a_hearing_walked_through_the_window(window, ctx, dialogs, tmp_path):
    allow_roles(ctx.ws)
    made = recent_case(ctx.ws, tmp_path, ("AIR-02",), days_ago=60, flagged=True,
                       facts="焦炉烟囱颗粒物排放浓度超过排放标准")
    w = CaseWalker(window, ctx, dialogs, made["id"])

    # 立案审批 → 立案 (the filing approval form first; the 立案审批表 at its step)
    w.refused(lambda: w.event("filed", 59, check=False), "立案审批尚未完成")
    w.approve("filing", 59, opinion="同意立案。")
    w.document("filing-approval", 59)
    w.event("filed", 59)
    assert w.status() == "filed"

    # the fine: the calculator's answer stored on the case (heavier impact: a fine that carries a hearing)
    dialog = w.screen.open_calculator(w.detail.case)
    impact = dialog.factor_boxes["impact"]
    impact.setCurrentIndex(impact.findData("major"))
    dialog.save()
    assert cases.get(ctx.db, made["id"]).assessment.amount >= 200000

    # 调查取证: an exceedance needs a qualified body's report before 告知; the flagged photo needs a word
    report = w.forms.report_form
    dialogs.answers.append([_report_pdf(tmp_path)])
    w.screen.side.setCurrentWidget(w.detail.procedure_page)
    w.click_step("monitoring_report")
    assert w.forms.currentWidget() is report
    report.browse.click()
    assert report.file.text() == "LLJC-2026-0611.pdf"
    report.number.setText("LLJC-2026-0611")
    report.day.setDate(_qdate(57))
    w.refused(report.button.click, "监测机构")  # the body is required
    report.body.setText("吕梁市生态环境监测中心")
    before = w.errors()
    report.button.click()
    w.done(before)
    assert "吕梁市生态环境监测中心（报告编号 LLJC-2026-0611" in report.attached.text()
    photo = w.forms.photo_form
    w.click_step("evidence_explained")
    assert photo.photo.count() == 1 and "尚未说明" in photo.photo.currentText() and photo.reasons.text()
    photo.text.setText("相机时钟与定位设置有误，照片系本次检查时在厂区拍摄")
    photo.day.setDate(_qdate(57))
    before = w.errors()
    photo.button.click()
    w.done(before)
    assert "已说明" in photo.photo.currentText()

    # 调查终结 (案件调查报告) → 告知; the decision is refused before the notice is served
    w.document("investigation-report", 50)
    w.event("investigated", 50)
    assert not w.detail.next_steps.state("decided")[0]
    w.forms.event_kind.setCurrentIndex(w.forms.event_kind.findData("decided"))
    assert w.forms.event_reason.isVisibleTo(w.forms) and "暂不能办理" in w.forms.event_reason.text()
    w.refused(lambda: w.event("decided", 45, check=False), "作出行政处罚决定", "告知")
    notice = w.document("penalty-notice", 46)
    assert "听证" in pdftools.text(Path(notice["path"]))
    w.event("notified", 45, "直接送达，当事人签收")
    # the party has 5 days to ask for a hearing: deciding now is refused, the period named
    w.refused(lambda: w.event("decided", 44, check=False), "作出行政处罚决定")

    # 听证: requested, noticed, held; what the party said there, and its review
    w.event("hearing_requested", 43, f"当事人书面申请听证。时间：{ago(30)} 9时；地点：本局三楼听证室；"
            "主持人：钱主持；记录人：孙记录")
    w.document("hearing-notice", 42)
    w.event("hearing_notified", 42)
    # the hearing's people and answers in the event form's own fields; an investigator cannot preside (法 art 64)
    details = w.forms.details
    w.forms.event_kind.setCurrentIndex(w.forms.event_kind.findData("hearing_held"))
    assert details.presider.isVisibleTo(w.forms) and not details.measure.isVisibleTo(w.forms)
    details.time.setText(f"{ago(30)} 9时")
    details.place.setText("本局三楼听证室")
    details.presider.setText(made["officers"][0])
    details.recorder.setText("孙记录")
    refusal = w.refused(lambda: w.event("hearing_held", 30, "公开举行", check=False), "听证主持人",
                        made["officers"][0], "非本案调查人员")
    assert "--" not in refusal
    details.presider.setText("钱主持")
    details.hearing_officers.setText("周听证、吴听证")
    details.representatives.setText("刘代理（公司环保部经理）")
    details.withdrawal.setCurrentIndex(details.withdrawal.findData("no"))
    details.final_statement.setText("已及时更换布袋，请求从轻处罚")
    w.event("hearing_held", 30, "公开举行")
    held = next(e for e in cases.get(ctx.db, made["id"]).events if e["event"] == "hearing_held")
    assert held["data"]["presider"] == "钱主持" and held["data"]["hearing_officers"] == ["周听证", "吴听证"]
    assert held["data"]["representatives"] == [{"name": "刘代理", "role": "公司环保部经理"}]
    assert held["data"]["withdrawal"] == "no" and held["data"]["final_statement"] == "已及时更换布袋，请求从轻处罚"
    assert details.presider.text() == ""  # the form is cleared once recorded
    said = "颗粒物超标系除尘布袋突发破损所致，已于次日更换，请求从轻处罚"
    w.statement(30, said, hearing=True)
    w.statement(29, said, False, "事后更换布袋不影响超标排放事实的认定", hearing=True)
    record = pdftools.text(Path(w.document("hearing-record", 29)["path"]))
    for must in ("钱主持", "周听证、吴听证", "刘代理（公司环保部经理）", "答：不申请回避", "已及时更换布袋"):
        assert must in record, must

    # 法制审核 (a fine of this size is a 重大执法决定) → 负责人审批 → 决定 → 送达 → 执行 → 结案
    allowed, reason = w.detail.next_steps.state("penalty-decision")
    assert not allowed and "法制审核" in reason, reason
    w.refused(lambda: w.event("decided", 27, check=False), "法制审核")
    w.approve("legal_review", 27, "赵法制", "法制审核人员", "事实清楚，证据确凿，程序合法，同意。")
    w.document("internal-approval", 27)
    w.approve("decision", 25, opinion="同意按拟处罚意见作出决定。")
    decision = w.document("penalty-decision", 25)
    text = pdftools.text(Path(decision["path"]))
    assert "不予采纳" in text or "不采纳" in text
    w.event("decided", 25)
    w.refused(lambda: w.event("closed", 24, check=False), "结案")
    w.event("served", 24, "直接送达")
    w.event("paid", 10, "银行缴款")
    # 结案审批 on the form's own approve page: the 承办机构负责人's alone does not close the case
    w.approve("closing", 7, "周科长", "承办机构负责人", "同意结案。")
    w.refused(lambda: w.event("closed", 6, check=False), "结案审批尚未完成")
    w.approve("closing", 6, opinion="同意结案。")
    w.document("closing-approval", 6)
    w.event("closed", 5, "罚款已缴清，处罚决定已履行完毕")
    assert w.status() == "closed"
    assert "已结案" in w.detail.procedure_title.text()
    # a closed case offers nothing more, and says so
    assert not w.detail.next_steps.allowed()


def test_a_first_violation_not_fined_walked_through_the_window(window, ctx, dialogs, tmp_path):
    allow_roles(ctx.ws)
    made = recent_case(ctx.ws, tmp_path, ("AIR-10",), days_ago=30,
                       facts="煤炭堆场约150平方米未采取有效覆盖措施，检查后5日内已全部覆盖")
    w = CaseWalker(window, ctx, dialogs, made["id"])
    w.approve("filing", 29, opinion="同意立案。")
    w.event("filed", 29)
    # 首违不罚: the calculator's 免罚清单 page asks the facts the list tests for this violation
    dialog = w.screen.open_calculator(w.detail.case)
    dialog.left_tabs.setCurrentIndex(1)
    facts = dialog.exemption_facts
    assert {"first", "area_m2", "corrected_days", "no_fault"} <= set(facts.inputs)
    facts.set_value("first", "yes")
    facts.set_value("area_m2", "150")
    assert dialog.result.amount > 0  # not yet: how fast it was corrected is not established
    facts.set_value("corrected_days", "5")
    assert dialog.result.amount == 0 and "首违不罚" in dialog.rationale.toPlainText()
    dialog.save()
    assert cases.get(ctx.db, made["id"]).assessment.decision == "no_penalty"
    w.event("investigated", 20)
    # no notice of a fine for a case assessed 不予处罚: closed, and the list says why
    allowed, reason = w.detail.next_steps.state("penalty-notice")
    assert not allowed and "不予" in reason, reason
    assert w.detail.next_steps.state("no-penalty-decision")[0] is False  # the 负责人 has not approved it
    w.refused(lambda: w.event("no_penalty", 18, check=False), "作出不予行政处罚决定")
    w.approve("decision", 18, opinion="符合首违不罚条件，同意不予行政处罚。")
    decision = w.document("no-penalty-decision", 18)
    text = pdftools.text(Path(decision["path"]))
    assert "不予行政处罚决定书" in text.replace(" ", "") and "AIR-10" not in text
    w.event("no_penalty", 18)
    w.event("served", 17, "直接送达")
    w.approve("closing", 10, opinion="同意结案。")
    w.event("closed", 10, "不予行政处罚决定已送达，当事人已改正")
    assert w.status() == "closed"


def test_refusals_are_shown_in_chinese_and_change_nothing(window, ctx, dialogs, tmp_path):
    allow_roles(ctx.ws)
    made = recent_case(ctx.ws, tmp_path, ("AIR-10",), days_ago=10, flagged=True)
    w = CaseWalker(window, ctx, dialogs, made["id"])
    # a document the procedure does not allow yet: refused by the documents tab, the reason in Chinese
    w.detail.document_chosen.emit("penalty-decision")
    w.screen.documents.render_button.click()
    assert w.errors() == 1 and "案件尚未立案" in w.last_error()
    assert not [d for d in list_documents(ctx.ws, None, made["id"]) if d["kind"] == "penalty-decision"]
    # a date in the future
    w.approve("filing", 9)
    tomorrow = QDate.currentDate().addDays(3)
    w.forms.event_kind.setCurrentIndex(w.forms.event_kind.findData("filed"))
    w.forms.event_date.setDate(tomorrow)
    w.refused(w.forms.add_event.click, "立案")
    w.event("filed", 9)
    w.event("investigated", 5)
    cases.assess(ctx.db, made["id"], {"impact": "medium"})
    ctx.hub.announce("case")
    # the flagged photo keeps the case from 告知 until it is explained or left out
    allowed, reason = w.detail.next_steps.state("notified")
    assert not allowed and "old.jpg" in reason, reason
    photo = w.forms.photo_form
    w.forms.open_for("evidence_excluded")
    assert photo.exclude.isChecked()
    w.refused(photo.button.click, "说明或理由")  # a reason is required; the form's field is named
    photo.text.setText("系2019年在其他地点拍摄，与本案无关")
    before = w.errors()
    photo.button.click()
    w.done(before)
    assert "已排除" in photo.photo.currentText()
    assert "old.jpg" not in w.detail.next_steps.state("notified")[1]
    # no refusal on screen names a command-line option, English or an internal id
    shown = [t for kind, _title, t in dialogs.shown if kind == "error"]
    shown += [w.detail.next_steps.item(r).text() for r in range(w.detail.next_steps.count())]
    assert not [t for t in shown if "--" in t or "AIR-" in t]


def test_loading_the_demo_brings_the_three_demo_cases(qtbot, empty_ctx):
    """试用演示: a newcomer sees the three paths walked through the real procedure, each with its documents."""
    from ui.app import build_window

    win = build_window(empty_ctx)
    qtbot.addWidget(win)
    win.load_demo()
    assert "3 件演示案件" in win.banner.text()
    win.show_section("cases")
    page = win.cases.list
    made = [page.model.record(r) for r in range(page.model.rowCount())]
    assert len(made) == 3 and all("演示案件" in c.facts for c in made)
    kinds = {c.id: {d["kind"] for d in list_documents(empty_ctx.ws, None, c.id)} for c in made}
    assert any("hearing-record" in k and "penalty-decision" in k for k in kinds.values())
    assert any("no-penalty-decision" in k for k in kinds.values())
    assert any("seizure-decision" in k and "daily-penalty-decision" in k for k in kinds.values())
    # the first case's procedure page lists what was done and offers nothing more on a closed case
    closed = next(r for r, c in enumerate(made) if c.status == "closed")
    page.table.selectRow(closed)
    assert not win.cases.detail.next_steps.allowed()
    assert win.cases.detail.events.rowCount() >= 6  # discovered … closed
    win.load_demo()  # again: nothing is doubled
    assert page.model.rowCount() == 3
