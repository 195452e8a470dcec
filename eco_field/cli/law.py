"""Law commands: the violation catalog, the fine calculator and penalty cases with their deadlines."""

from __future__ import annotations

import argparse
from datetime import date

from eco_field.cli.output import add_json_flag, emit, open_workspace, table
from eco_field.errors import BadInput
from eco_field.law import cases
from eco_field.law.catalog import get_entry, load_catalog
from eco_field.law.deadlines import daily_penalty
from eco_field.law.discretion import TREATMENTS, suggest
from eco_field.law.exemptions import load_exemptions
from eco_field.law.factors import load_config
from eco_field.messages import text
from eco_field.paths import resolve_data_dir

ORDER = 40


def register(commands) -> None:
    cat = commands.group("catalog", "violation catalog (违法行为及处罚依据)")
    p = commands.command("list", cmd_catalog_list, "list the catalog entries", parent=cat)
    add_json_flag(p)
    p = commands.command("show", cmd_catalog_show, "one catalog entry with its article text", parent=cat)
    p.add_argument("id", help="catalog id, e.g. AIR-02")
    add_json_flag(p)

    pen = commands.group("penalty", "fine calculator (自由裁量)")
    p = commands.command("suggest", cmd_penalty_suggest, "suggest a fine for a catalog entry", parent=pen)
    p.add_argument("catalog_id")
    _add_assessment_options(p)
    add_json_flag(p)
    p = commands.command("factors", cmd_penalty_factors, "the discretion factors and their levels", parent=pen)
    add_json_flag(p)
    p = commands.command("daily", cmd_penalty_daily, "daily continuous penalty (按日连续处罚)", parent=pen)
    p.add_argument("--original", required=True, help="original fine in yuan, up to two decimals (154000.50)")
    p.add_argument("--served", required=True, help="date the order to correct was served (YYYY-MM-DD)")
    p.add_argument("--recheck", action="append", default=[],
                   help="DATE or DATE:corrected — a re-check that found the violation (or found it corrected)")
    add_json_flag(p)

    cas = commands.group("cases", "penalty cases and their deadlines")
    p = commands.command("new", cmd_cases_new, "open a case on an inspection", parent=cas)
    p.add_argument("--inspection", required=True)
    p.add_argument("--violation", action="append", default=[], help="catalog id; repeat for several")
    p.add_argument("--facts", required=True)
    p.add_argument("--evidence", action="append", default=[],
                   help="evidence id of the inspection proving the violations; repeat")
    add_json_flag(p)
    p = commands.command("assess", cmd_cases_assess, "compute and store the fine of a case", parent=cas)
    p.add_argument("case_id")
    _add_assessment_options(p)
    p.add_argument("--amount", help="the decided fine in yuan with up to two decimals (1000000.05), instead of"
                                     " the suggestion")
    p.add_argument("--reason", default="", help="why the decided amount differs from the suggestion")
    p.add_argument("--legal-ground", help="legal ground for an amount outside the statutory range")
    add_json_flag(p)
    p = commands.command("list", cmd_cases_list, "list cases with their deadlines", parent=cas)
    add_json_flag(p)
    p = commands.command("show", cmd_cases_show, "one case", parent=cas)
    p.add_argument("case_id")
    add_json_flag(p)
    p = commands.command("event", cmd_cases_event, "record a dated procedure event (立案, 告知, 决定, 送达 …)",
                         parent=cas)
    p.add_argument("case_id")
    p.add_argument("event", help="filed | notified | decided | served | paid | closed | … (or 立案, 告知 …)")
    p.add_argument("--date", required=True, help="YYYY-MM-DD")
    p.add_argument("--note", default="", help="the reason, ground or approval the event needs (cases next says which)")
    _add_event_options(p)
    add_json_flag(p)
    p = commands.command("status", cmd_cases_status, "correct a wrong stored status (audited, with its reason)",
                         parent=cas)
    p.add_argument("case_id")
    p.add_argument("status")
    p.add_argument("--reason", default="", help="why the stored status is wrong (required)")
    add_json_flag(p)


def _add_assessment_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--factor", action="append", default=[], metavar="NAME=LEVEL",
                   help="discretion factor, circumstance or exemption fact; repeat")
    p.add_argument("--investment", type=float, help="total investment of the project, yuan (EIA-01)")
    p.add_argument("--disposal-cost", type=float, help="cost of disposal, yuan (SW-01, HW-03, HW-04)")
    p.add_argument("--occurrences", type=int, default=1, help="number of occurrences (per-occurrence fines)")


def parse_factors(items: list[str]) -> dict[str, str]:
    factors: dict[str, str] = {}
    for item in items:
        name, sep, level = item.partition("=")
        if not sep or not name.strip() or not level.strip():
            raise BadInput("law.factor_syntax", item=item)
        if name.strip() in factors:
            raise BadInput("law.factor_given_twice", name=name.strip())
        factors[name.strip()] = level.strip()
    return factors


def _data_dir(args: argparse.Namespace):
    return resolve_data_dir(getattr(args, "data_dir", None))


def cmd_catalog_list(args: argparse.Namespace) -> None:
    entries = list(load_catalog(_data_dir(args)).values())
    emit(args, [e.to_dict() for e in entries], lambda: table(
        [(e.id, e.citation, e.fine.describe().split("（")[0], _short(e.description)) for e in entries],
        ["law.col_id", "law.col_citation", "law.col_fine", "law.col_violation"]))


def _short(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def cmd_catalog_show(args: argparse.Namespace) -> None:
    entry = get_entry(load_catalog(_data_dir(args)), args.id)
    lines = [f"{entry.id}  {entry.description}",
             text("law.show_citation", citation=entry.citation, version=entry.law_version),
             text("law.show_fine", fine=entry.fine.describe())]
    lines += [text("law.show_other_fine", label=o.label, fine=o.describe()) for o in entry.other_fines]
    if entry.violated_article:
        lines.append(text("law.show_violated", article=entry.violated_article, text=entry.violated_text))
    lines += [text("law.show_article", text=entry.article_text)]
    lines += [text("law.show_measure", measure=m["measure"])
              + (text("law.show_measure_condition", condition=m["condition"]) if m.get("condition") else "")
              + (text("law.show_measure_basis", basis=m["basis"]) if m.get("basis") else "") for m in entry.measures]
    if entry.overlap_notes:
        lines.append(text("law.show_overlap", notes=entry.overlap_notes))
    emit(args, entry.to_dict(), "\n".join(lines))


def cmd_penalty_suggest(args: argparse.Namespace) -> None:
    data_dir = _data_dir(args)
    entry = get_entry(load_catalog(data_dir), args.catalog_id)
    result = suggest(entry, parse_factors(args.factor), args.investment, args.disposal_cost, args.occurrences,
                     data_dir=data_dir)
    emit(args, result.to_dict(), lambda: f"{result.rationale}\n\n" + text(
        "law.suggested", amount=result.amount, min=result.min, max=result.max, formula=result.formula))


def cmd_penalty_factors(args: argparse.Namespace) -> None:
    config, exemptions = load_config(_data_dir(args)), load_exemptions(_data_dir(args))
    data = [{"name": f.name, "label": f.label, "aliases": list(f.aliases),
             "levels": [{"code": lv.code, "label": lv.label, "share": float(lv.share), "aliases": list(lv.aliases),
                         "range": None if lv.low is None else [float(lv.low), None if lv.high is None else float(lv.high)]}
                        for lv in f.levels]} for f in config.factors]
    value = {"factors": data, "treatments": TREATMENTS, "grounds": [g.__dict__ for g in config.grounds],
             "tiers": "tier=uncorrected | serious | person, where the entry has such a range (catalog show ID)",
             "exemption_facts": exemptions.facts}
    rows = [(f["name"], f["label"], "  ".join(f"{lv['code']}={lv['share']:g}%" for lv in f["levels"])) for f in data]
    rows.append(("treatment", text("law.row_treatment"), "  ".join(f"{c}（{n}）" for c, n in TREATMENTS.items())))
    rows.append(("ground", text("law.row_ground"), "  ".join(g.code for g in config.grounds)))
    rows += [(name, fact.get("label", name), text("law.row_exemption_fact")) for name, fact in exemptions.facts.items()]
    emit(args, value, lambda: table(rows, ["law.col_name", "law.col_factor", "law.col_levels"]))


def cmd_penalty_daily(args: argparse.Namespace) -> None:
    rechecks = []
    for item in args.recheck:
        day, _, finding = item.partition(":")
        rechecks.append((_day(day), finding.strip() not in ("corrected", "已改正")))
    result = daily_penalty(args.original, _day(args.served), rechecks)
    emit(args, result, lambda: text("law.daily_result", days=result["days"], start=result["from"],
                                    end=result["to"] or "—", formula=result["formula"], basis=result["basis"]))


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise BadInput("law.not_a_date", value=text) from exc


def cmd_cases_new(args: argparse.Namespace) -> None:
    with open_workspace(args) as ws:
        violations = [cases.CaseViolation(v, "", list(args.evidence)) for v in args.violation]
        case = cases.new_case(ws.db, args.inspection, violations, args.facts)
    emit(args, case.to_dict(), lambda: text("law.case_opened", case=case.id,
                                            violations="、".join(v.catalog_id for v in case.violations)))


def cmd_cases_assess(args: argparse.Namespace) -> None:
    with open_workspace(args) as ws:
        case = cases.assess(ws.db, args.case_id, parse_factors(args.factor), args.investment, args.disposal_cost,
                            args.occurrences, amount=args.amount, reason=args.reason, legal_ground=args.legal_ground)
    a = case.assessment
    emit(args, case.to_dict(), lambda: f"{a.rationale}\n\n" + text("law.case_assessed", case=case.id, amount=a.amount))


def cmd_cases_list(args: argparse.Namespace) -> None:
    with open_workspace(args) as ws:
        items = cases.list_cases(ws.db)
    emit(args, [c.to_dict() for c in items], lambda: table(
        [(c.id[:8], c.enterprise_name, ",".join(v.catalog_id for v in c.violations), c.to_dict()["status_label"],
          c.assessment.amount if c.assessment else "", _deadline_text(c)) for c in items],
        ["law.col_case", "law.col_party", "law.col_violation", "law.col_status", "law.col_amount",
         "law.col_deadlines"]))


def _deadline_text(case: cases.Case) -> str:
    pending = [d for d in case.deadlines if d["status"] in ("open", "near", "overdue")]
    return "；".join(f"{d['label']} {d['due']} {d['status_label']}" for d in pending)


def cmd_cases_show(args: argparse.Namespace) -> None:
    with open_workspace(args) as ws:
        case = cases.get(ws.db, args.case_id)
    emit(args, case.to_dict(), lambda: _case_text(case))


def _case_text(case: cases.Case) -> str:
    lines = [text("law.case_heading", case=case.id), text("law.case_party", party=case.enterprise_name),
             text("law.case_inspection", inspection=case.inspection_id),
             text("law.case_status", status=case.to_dict()["status_label"]), text("law.case_facts", facts=case.facts)]
    lines += [text("law.case_violation", id=v.catalog_id, facts=v.facts) for v in case.violations]
    lines += [f"{e['date']} {e['label']}" + (f"（{e['note']}）" if e["note"] else "") for e in case.events]
    lines += [text("law.case_deadline", label=d["label"], due=d["due"], status=d["status_label"],
                   day_kind=text("law.working_days" if d["day_kind"] == "working" else "law.calendar_days"))
              for d in case.deadlines]
    if case.assessment:
        lines += ["", case.assessment.rationale]
    return "\n".join(lines)


# help of each detail option, in the order the options are listed; the events taking it come from EVENT_FIELDS
_OPTION_HELP = {
    "measure": "查封 | 扣押 | 限制生产 | 停产整治",
    "months": "months (1-3, 限产办法第十五条)",
    "ground_item": "the item (1-6) of 查封扣押办法第四条 (seized, where the catalog grants none) or of 限产办法第六条 (停产整治)",
    "approved_by": "the 负责人 who approved it",
    "until": "the approved last day of payment (YYYY-MM-DD)",
    "time": "the hearing's time (e.g. 2026-11-06 9时)",
    "place": "the hearing's place",
    "presider": "the presiding officer (听证主持人; not one of the case's investigators)",
    "hearing_officers": "a hearing officer (听证员; not an investigator); repeat for each",
    "recorder": "the recorder (记录人)",
    "representatives": "the party's agent as 姓名（职务或与当事人的关系）; repeat for each (at most 2)",
    "withdrawal": "yes | no: whether the party applied for withdrawal (回避)",
    "withdrawal_decision": "the withdrawal application and the decision on it",
    "investigators_statement": "what the investigators stated beyond the facts, evidence and proposal on record",
    "final_statement": "the party's final statement (最后陈述)",
    "evidence": "the re-check's evidence: record number, photos, video, DCS data (按日连续处罚办法第十六条)",
    "officers": "an officer who re-checked; repeat for each",
    "scope": "what the party waived in writing: statement (陈述、申辩 only) | statement_and_hearing",
    "ground": "the ground, item 1-5 of 行政强制法第二十八条第一款 (no-violation, unrelated, decided,"
              " expired, other) or corrected (申请解除，经核查确已改正: 查扣办法第十九条第一项)",
}


def _add_event_options(p: argparse.ArgumentParser) -> None:
    """One option per detail any event takes (case_steps.EVENT_FIELDS, shared with the GUI's event form)."""
    from eco_field.law.case_steps import EVENT_FIELDS

    takers: dict[str, list[str]] = {}
    options = {}
    for code, fields in EVENT_FIELDS.items():
        for f in fields:
            if f.key != "note":
                takers.setdefault(f.key, []).append(code)
                options[f.key] = f
    for key, codes in takers.items():
        f = options[key]
        p.add_argument(f.option, dest=key, default=None, action="append" if f.repeats else "store",
                       metavar=f.option[2:].upper().replace("-", "_"),
                       help=f"{', '.join(codes)}: {_OPTION_HELP.get(key, key)}")


def _event_options(args: argparse.Namespace, code: str) -> dict:
    """The event's data from its own options; an option the event does not take is refused, naming it."""
    from eco_field.law.case_events import EVENTS
    from eco_field.law.case_steps import EVENT_FIELDS, event_data, event_fields

    taken = {f.key: f for f in event_fields(code)}
    every = {f.key: f for fs in EVENT_FIELDS.values() for f in fs if f.key != "note"}
    given = {key: getattr(args, key) for key in every if getattr(args, key, None) is not None}
    for key in given:
        if key not in taken:
            raise BadInput("procedure.option_not_taken", option=every[key].option, event=EVENTS.get(code, code),
                           options="、".join(f.option for f in taken.values()) or "--note")
    for key, value in given.items():
        if taken[key].kind == "date" and str(value).strip():
            given[key] = _day(str(value)).isoformat()
    return event_data(code, given)[1]


def cmd_cases_event(args: argparse.Namespace) -> None:
    with open_workspace(args) as ws:
        from eco_field.law.case_events import event_code

        own = {"approved": "cases approve", "statement": "cases statement", "monitoring_report": "cases report",
               "evidence_explained": "cases photo", "evidence_excluded": "cases photo"}.get(event_code(args.event))
        if own:  # these steps carry details that only their own command asks for
            raise BadInput("procedure.use_command", command=own)
        data = _event_options(args, event_code(args.event))
        case = cases.record_event(ws.db, args.case_id, args.event, args.date, args.note, data)
    emit(args, case.to_dict(), lambda: _case_text(case))


def cmd_cases_status(args: argparse.Namespace) -> None:
    with open_workspace(args) as ws:
        case = cases.set_status(ws.db, args.case_id, args.status, reason=args.reason)
    emit(args, case.to_dict(), lambda: text("law.case_status_now", case=case.id, status=case.to_dict()["status_label"]))
