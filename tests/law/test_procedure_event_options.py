"""`cases event` takes each event's details from case_steps.EVENT_FIELDS (as the GUI's event form does): an option
the event does not take is refused in Chinese; the 查封决定书 prints the facts the officer stated for its ground."""

from __future__ import annotations

from tests.law.procedure_helpers import ago, allow_roles, file_case, ok, pdf_text, recent_case, refused


def test_an_option_the_event_does_not_take_is_refused_naming_it(cli, workspace, tmp_path):
    allow_roles(workspace)
    cid = recent_case(workspace, tmp_path, ("AIR-02",), days_ago=60)["id"]
    # filed takes only the note: --measure is refused before anything is recorded
    refused(cli("cases", "event", cid, "filed", "--date", ago(59), "--measure", "查封"), "不接受选项 --measure", "立案")
    refused(cli("cases", "event", cid, "seizure_lifted", "--date", ago(59), "--approved-by", "李建国"),
            "--approved-by", "--note")
    refused(cli("cases", "event", cid, "seized", "--date", ago(59), "--until", ago(1)), "--until")
    file_case(cli, cid, 59)
    # a choice outside the event's: the procedure words it
    refused(cli("cases", "event", cid, "seized", "--date", ago(58), "--measure", "停产整治", "--ground-item", "6",
                "--approved-by", "李建国", "--note", "超标"), "查封或扣押")
    ok(cli("cases", "event", cid, "seized", "--date", ago(58), "--measure", "查封", "--ground-item", "6",
           "--approved-by", "李建国", "--note", "颗粒物排放浓度超过排放标准4倍，下风向村庄居民投诉"))


def test_the_seizure_decision_prints_the_facts_stated_for_its_ground(cli, workspace, tmp_path):
    allow_roles(workspace)
    cid = recent_case(workspace, tmp_path, ("AIR-02",), days_ago=60)["id"]
    file_case(cli, cid, 59)
    facts = "颗粒物排放浓度超过排放标准4倍，下风向村庄居民投诉"
    ok(cli("cases", "event", cid, "seized", "--date", ago(58), "--measure", "查封", "--ground-item", "6",
           "--approved-by", "李建国", "--note", facts))
    pdf = tmp_path / "seal.pdf"
    ok(cli("documents", "render", "seizure-decision", "--case", cid, "--date", ago(58), "-o", str(pdf)))
    text = pdf_text(pdf)
    assert "经查，颗粒物排放浓度超过排放标准4倍，下风向村庄居民投诉。" in text
    assert "第四条第一款第六项规定的" in text and "第四条第六项" not in text  # items are those of 第一款
