"""What case documents state from a qualified body's monitoring report (record format 5 on): under each
exceedance violation, the results of the case's reports on the wrong side of their limits, in a decision's words —
「经吕梁市生态环境监测中心监测（报告编号LLJC-001，2026年10月10日），你单位焦炉烟囱（DA001）颗粒物排放浓度为
20.53mg/m³，超过《炼焦化学工业污染物排放标准》（GB 16171-2012）规定的15mg/m³限值0.37倍。」

The report is the proof of the exceedance: where it states the violation's results, the screening readings are not
repeated among the facts (they stay in the evidence, cited as 线索). A result within its limit is not stated; a
report attached without results is cited in the evidence only, as documents issued before did.
"""

from __future__ import annotations

from typing import Any

from eco_field.documents.kinds import measured
from eco_field.documents.kinds.common import Source, cn_date
from eco_field.law import monitoring_results


def reports(src: Source) -> list[dict[str, Any]]:
    """The case's monitoring reports as recorded up to the document's issue, each with its sound results."""
    from eco_field.documents.kinds.procedure_facts import event_rows

    return [{"body": str(r["data"].get("body", "")), "number": str(r["data"].get("number", "")), "date": r["date"],
             "results": monitoring_results.read(r["data"])} for r in event_rows(src, "monitoring_report")]


def exceeding(report: dict[str, Any], entry: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's results over their limits that the violation rests on (its medium: measured.for_violation)."""
    over = [r for r in report["results"] if monitoring_results.exceeds(r)]
    return [{"place": monitoring_results.place_text(r), "wording": monitoring_results.wording(r),
             "multiple": monitoring_results.multiple(r), "sampled": r.get("sampled")}
            for r in measured.for_violation(entry, over)]


def add_to_violations(src: Source, rec: dict[str, Any]) -> None:
    """violation["monitored"]: the reports' results printed under it, set only where there are some (a record
    without them is the record documents had before)."""
    found = reports(src) if src.case_id else []
    for violation in rec["violations"]:
        stated = [{"body": r["body"], "number": r["number"], "date": r["date"], "results": results}
                  for r in found if (results := exceeding(r, violation["entry"]))]
        if stated:
            violation["monitored"] = stated


def sentence(monitored: list[dict[str, Any]], subject: str = "你单位") -> str:
    """One sentence per report: who monitored, the report's number and date (and the sampling dates), then each
    result with its place (said once). subject: whom the document speaks of (你单位, or 当事人 in a record)."""
    out = []
    for report in monitored:
        sampled = list(dict.fromkeys(cn_date(r["sampled"]) for r in report["results"] if r.get("sampled")))
        when = cn_date(report["date"]) + ("；采样日期" + "、".join(sampled) if sampled else "")
        parts, said = [], set()
        for result in report["results"]:
            place = "" if result["place"] in said else result["place"]
            said.add(result["place"])
            parts.append(place + result["wording"])
        out.append(f"经{report['body']}监测（报告编号{report['number']}，{when}），{subject}" + "；".join(parts) + "。")
    return "".join(out)
