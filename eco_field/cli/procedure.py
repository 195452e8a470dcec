"""Case procedure commands: what may happen next, approvals, the party's statements, monitoring reports and
flagged photos. Every step is checked by eco_field/law/procedure.py; a refusal exits 2 naming what is missing."""

from __future__ import annotations

import argparse

from eco_field.cli.output import add_json_flag, emit, open_workspace
from eco_field.law import case_steps, monitoring_results, procedure
from eco_field.messages import text

ORDER = 41
RESULT_HELP = ("one result of the report, repeatable: outlet or point;pollutant;value;unit;limit;standard[;sampling "
               "date], e.g. \"DA001;二氧化硫;120;mg/m3;100;GB 13223-2011;2026-10-08\"; the limit is 100 (a maximum), "
               ">=5 (a minimum) or 6-9 (a range); the 超标倍数 is computed")


def register(commands) -> None:
    cas = commands.group("cases", "penalty cases and their deadlines")
    p = commands.command("next", cmd_cases_next, "the events and documents allowed now, and why the rest are not",
                         parent=cas)
    p.add_argument("case_id")
    add_json_flag(p)

    p = commands.command("approve", cmd_cases_approve, "record an approval (立案审批, 负责人审批, 法制审核, 集体讨论, 结案审批)",
                         parent=cas)
    p.add_argument("case_id")
    p.add_argument("step", help="filing | decision | legal_review | collective | closing")
    p.add_argument("--by", required=True, help="the approver's name")
    p.add_argument("--role", required=True, help="e.g. 局负责人, 承办机构负责人, 法制审核人员")
    p.add_argument("--opinion", default="", help="the approver's opinion (starting 不同意/不通过: not approved)")
    p.add_argument("--date", required=True, help="YYYY-MM-DD")
    add_json_flag(p)

    p = commands.command("statement", cmd_cases_statement, "record the party's 陈述申辩 (and its 复核)", parent=cas)
    p.add_argument("case_id")
    p.add_argument("--date", required=True, help="YYYY-MM-DD")
    p.add_argument("--text", required=True, help="what the party stated")
    p.add_argument("--adopted", help="yes | no: whether the statement was adopted (复核)")
    p.add_argument("--reason", default="", help="why it was or was not adopted")
    p.add_argument("--hearing", action="store_true", help="stated at the hearing (听证)")
    add_json_flag(p)

    p = commands.command("report", cmd_cases_report, "attach a qualified body's monitoring report (监测报告)",
                         parent=cas)
    p.add_argument("case_id")
    p.add_argument("--number", required=True, help="the report's number")
    p.add_argument("--body", required=True, help="the monitoring body (有资质的监测机构)")
    p.add_argument("--date", required=True, help="the report's date, YYYY-MM-DD")
    p.add_argument("--file", required=True, help="the report's PDF or scan (kept unchanged as evidence)")
    p.add_argument("--result", action="append", default=[], metavar="RESULT", help=RESULT_HELP)
    add_json_flag(p)

    p = commands.command("demo", cmd_cases_demo, "walk three fictitious cases through the procedure (a fine with a"
                         " hearing, a 首违不罚, a 查封 followed by 按日连续处罚)", parent=cas)
    add_json_flag(p)

    p = commands.command("photo", cmd_cases_photo, "explain a flagged photo, or leave it out of the case",
                         parent=cas)
    p.add_argument("case_id")
    p.add_argument("evidence_id")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--explain", metavar="TEXT", help="the officer's explanation, printed beside the photo")
    group.add_argument("--exclude", metavar="REASON", help="leave the photo out of the case, and why")
    p.add_argument("--date", required=True, help="YYYY-MM-DD")
    add_json_flag(p)


def _round(step: dict) -> str:
    """「（第2轮）」 beside a step of a kind that repeats, once a later round is open."""
    return text("procedure.cli.round", round=step["round"]) if step.get("round", 1) > 1 else ""


def _next_text(steps: dict) -> str:
    lines = [text("procedure.cli.daily_round", round=r["round"], start=r["from"] or "—", end=r["to"] or "—",
                  days=r["days"], amount=r["amount"],
                  decided=r["decided"] or text("procedure.cli.daily_round_open"))
             for r in steps.get("daily_rounds", [])]
    lines += [f"! {warning}" for warning in steps.get("warnings", [])]
    lines.append(text("procedure.cli.open"))
    # an event is named by its label (`cases event` takes the label as printed); a document also by its kind,
    # which `documents render` needs typed
    lines += [f"  ✓ {procedure.event_label(e['event'])}{_round(e)}" for e in steps["events"] if e["allowed"]]
    lines += [text("procedure.cli.open_document", label=procedure.event_label(d["kind"]), round=_round(d),
                   kind=d["kind"]) for d in steps["documents"] if d["allowed"]]
    lines.append(text("procedure.cli.closed"))
    lines += [f"  ✗ {procedure.event_label(e['event'])}: {e['reason']}" for e in steps["events"] if not e["allowed"]]
    lines += [f"  ✗ {procedure.event_label(d['kind'])}: {d['reason']}" for d in steps["documents"] if not d["allowed"]]
    return "\n".join(lines)


def cmd_cases_next(args: argparse.Namespace) -> None:
    with open_workspace(args) as ws:
        steps = procedure.next_steps(ws.db, args.case_id)
    emit(args, steps, lambda: _next_text(steps))


def cmd_cases_approve(args: argparse.Namespace) -> None:
    with open_workspace(args) as ws:
        case = case_steps.approve(ws.db, args.case_id, args.step, args.by, args.role, args.date, args.opinion)
    emit(args, case.to_dict(), lambda: text("procedure.cli.approved", case=case.id, by=args.by, role=args.role))


def cmd_cases_statement(args: argparse.Namespace) -> None:
    with open_workspace(args) as ws:
        case = case_steps.add_statement(ws.db, args.case_id, args.date, args.text,
                                        case_steps.parse_adopted(args.adopted), args.reason, at_hearing=args.hearing)
    emit(args, case.to_dict(), lambda: text("procedure.cli.statement", case=case.id))


def cmd_cases_report(args: argparse.Namespace) -> None:
    with open_workspace(args) as ws:
        results = [monitoring_results.parse(spec, i) for i, spec in enumerate(args.result, start=1)]
        case = case_steps.attach_monitoring_report(ws, args.case_id, args.number, args.body, args.date, args.file,
                                                   results)
    emit(args, case.to_dict(), lambda: text("procedure.cli.report", case=case.id, number=args.number, body=args.body))


def cmd_cases_photo(args: argparse.Namespace) -> None:
    with open_workspace(args) as ws:
        case = case_steps.note_evidence(ws.db, args.case_id, args.evidence_id, args.explain or args.exclude,
                                        args.date, exclude=args.exclude is not None)
    emit(args, case.to_dict(), lambda: text("procedure.cli.photo_excluded" if args.exclude else "procedure.cli.photo_explained",
                                            case=case.id, evidence=args.evidence_id))


def cmd_cases_demo(args: argparse.Namespace) -> None:
    from eco_field.demo_cases import seed_cases

    with open_workspace(args, create=True) as ws:
        result = seed_cases(ws, ws.cache_dir / "demo-cases")
    emit(args, result, lambda: result.get("note") or text("procedure.cli.demo", cases=len(result["cases"]),
                                                          documents="、".join(result["documents"])))
