"""`eco-field bureau draw | draws | lists | complaints | dispatch | figures` (issue 18 parts 2, 3, 5): the
双随机 draw and its lists, complaint intake, the task list and the year's figures — the same services the
console's pages call (eco_field/bureau/office/)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eco_field.atomicfile import write_bytes_atomically
from eco_field.bureau.office import complaints, directory, dispatch, draws, figures
from eco_field.bureau.office.db import OfficeDB, open_office_db
from eco_field.cli.bureau import bureau_dir, storage_of
from eco_field.cli.output import add_json_flag, emit, output_file, table
from eco_field.errors import BadInput

ORDER = 82  # after cli/bureau.py (the `bureau` group) and bureau_office.py


def _opts(parser: argparse.ArgumentParser, json_flag: bool = True) -> argparse.ArgumentParser:
    parser.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="postgresql://... instead of SQLite in the data folder (default: $ECO_BUREAU_DB)")
    if json_flag:
        add_json_flag(parser)
    return parser


def register(commands) -> None:
    bureau = commands.group("bureau", "the reference bureau server and its administration")
    p = _opts(commands.command("draw", cmd_draw, "双随机: draw enterprises by category ratio and pair two officers"
                               " each; creates their tasks", parent=bureau))
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--category", action="append", default=[], metavar="NAME=RATIO",
                   help="a category and its ratio (0.25, 25%% or 1/4); repeat; default: every category at its"
                        " configured ratio")
    p.add_argument("--county", help="draw only this county's enterprises")
    p.add_argument("--seed", required=True, help="the seed (kept and published with the draw)")
    p.add_argument("--due", help="the tasks' due date (YYYY-MM-DD; default: 30 days from today)")
    group = commands.group("draws", "双随机 draws made: list, show, verify, export (一公开)", parent=bureau)
    p = _opts(commands.command("list", cmd_draws_list, "the draws made", parent=group))
    p.add_argument("--year", type=int)
    for name, handler, about in (("show", cmd_draws_show, "one draw with its enterprises and teams"),
                                 ("verify", cmd_draws_verify, "compute the draw again from its kept inputs")):
        _opts(commands.command(name, handler, about, parent=group)).add_argument("draw_id")
    p = _opts(commands.command("export", cmd_draws_export, "the 一公开 export of a draw and its results so far",
                               parent=group))
    p.add_argument("draw_id")
    p.add_argument("-o", "--output", type=Path, help="write JSON (.json) or a spreadsheet (.xlsx) here")
    _lists_commands(commands, bureau)
    _complaint_commands(commands, bureau)
    p = _opts(commands.command("dispatch", cmd_dispatch, "tasks of every kind with due dates and the status the"
                               " laptops report", parent=bureau))
    p.add_argument("--kind", help="random|complaint|reform|routine")
    p.add_argument("--status", help="open|in_progress|done|cancelled|overdue")
    p.add_argument("--county")
    p = _opts(commands.command("figures", cmd_figures, "the year's enforcement figures from what the devices"
                               " synced", parent=bureau))
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--county")
    p.add_argument("--xlsx", type=Path, metavar="FILE", help="also write the figures as a spreadsheet")
    p.add_argument("--pdf", type=Path, metavar="FILE", help="also write the figures as a PDF report")


def _lists_commands(commands, bureau) -> None:
    group = commands.group("lists", "双随机 lists: categories and ratios, 检查对象名录库, 执法人员名录库", parent=bureau)
    _opts(commands.command("show", cmd_lists_show, "both lists and the categories", parent=group))
    p = _opts(commands.command("category", cmd_lists_category, "add or change a category and its ratio",
                               parent=group))
    p.add_argument("name")
    p.add_argument("ratio")
    p.add_argument("--period", default="")
    p.add_argument("--source", default="", help="where the ratio comes from (a local rule)")
    p = _opts(commands.command("enterprise", cmd_lists_enterprise, "put an enterprise in a category", parent=group))
    p.add_argument("enterprise", help="enterprise id or 统一社会信用代码")
    p.add_argument("category")
    p.add_argument("--exclude", metavar="REASON", help="不参与双随机, with the reason")
    p = _opts(commands.command("officer", cmd_lists_officer, "take an officer out of the pool or back in",
                               parent=group))
    p.add_argument("cert_no")
    p.add_argument("--out", action="store_true", help="not in the pool (default: in)")
    p.add_argument("--note", default="")
    p = _opts(commands.command("conflict", cmd_lists_conflict, "an officer's declared 回避 for an enterprise",
                               parent=group))
    p.add_argument("cert_no")
    p.add_argument("enterprise")
    p.add_argument("--reason", required=True)


def _complaint_commands(commands, bureau) -> None:
    group = commands.group("complaints", "信访/举报: intake, 受理, assignment, 办结 with deadlines", parent=bureau)
    p = _opts(commands.command("add", cmd_complaints_add, "register a complaint", parent=group))
    p.add_argument("--channel", required=True, help="、".join(complaints.rules.CHANNELS))
    p.add_argument("--content", required=True)
    p.add_argument("--received", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--enterprise", default="", help="enterprise id or 统一社会信用代码")
    p.add_argument("--county", default="", help="needed when no enterprise is named")
    p.add_argument("--route", default="direct", choices=list(complaints.rules.ROUTES))
    p.add_argument("--source-ref", default="", help="the channel's own reference (e.g. 12369 工单号)")
    p.add_argument("--petitioner", default="")
    p.add_argument("--contact", default="")
    p.add_argument("--anonymous", action="store_true")
    p = _opts(commands.command("list", cmd_complaints_list, "complaints with deadlines and warnings", parent=group))
    p.add_argument("--status", help="received|accepted|not_accepted|closed|warning")
    p = _opts(commands.command("accept", cmd_complaints_accept, "受理 (starts the 60-day 办结 period)", parent=group))
    p.add_argument("complaint", help="number (信2026-00001) or id")
    p.add_argument("--on", required=True, metavar="YYYY-MM-DD")
    p = _opts(commands.command("refuse", cmd_complaints_refuse, "不予受理, with the reason", parent=group))
    p.add_argument("complaint")
    p.add_argument("--reason", required=True)
    p = _opts(commands.command("assign", cmd_complaints_assign, "assign as a 信访 task to officers", parent=group))
    p.add_argument("complaint")
    p.add_argument("--officer", action="append", default=[], required=True, help="执法证号 (at least two)")
    p.add_argument("--due", help="default: the 办结 deadline")
    p = _opts(commands.command("extend", cmd_complaints_extend, "extend the 办结 period (负责人 approval)",
                               parent=group))
    p.add_argument("complaint")
    p.add_argument("--days", type=int, required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--approved-by", required=True)
    p = _opts(commands.command("close", cmd_complaints_close, "办结", parent=group))
    p.add_argument("complaint")
    p.add_argument("--on", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--result", required=True, help="、".join(complaints.rules.RESULTS))
    p.add_argument("--reply", default="")


def _office(args: argparse.Namespace) -> tuple[OfficeDB, object]:
    bureau_dir(args).mkdir(parents=True, exist_ok=True)
    storage = storage_of(args)
    return open_office_db(storage), storage


# -- 双随机 ---------------------------------------------------------------------------------------------------
def cmd_draw(args: argparse.Namespace) -> int:
    office, storage = _office(args)
    made = draws.make_draw(office, storage, args.year, draws.parse_categories(args.category), args.seed,
                           args.county, made_by="cli", due=args.due)
    emit(args, made, lambda: _draw_text(made))
    return 0


def _draw_text(d: dict) -> str:
    head = (f"{d['year']}年第{d['number']}批 双随机抽查 {d['id']}\n比例：" + "，".join(
        f"{k} {v}" for k, v in d["ratios_text"].items()) + f"\n种子 SHA-256：{d['seed_sha256']}\n"
        f"名录快照 SHA-256：{d['snapshot_sha256']}\n抽中 {d['drawn']} 家：")
    return head + "\n" + table(((i["county"], i["category"], i["name"], "、".join(i["officer_names"]))
                                for i in d["items"]), ("区县", "类别", "企业", "检查人员"))


def cmd_draws_list(args: argparse.Namespace) -> int:
    office, _ = _office(args)
    items = draws.list_draws(office, args.year)
    for d in items:
        d.pop("items")
    emit(args, items, lambda: table(((d["year"], d["number"], d["county"] or "全市", d["drawn"], d["made_at"], d["id"])
                                     for d in items), ("年度", "批次", "范围", "抽中", "时间", "编号")))
    return 0


def cmd_draws_show(args: argparse.Namespace) -> int:
    office, _ = _office(args)
    d = draws.get_draw(office, args.draw_id)
    emit(args, d, lambda: _draw_text(d))
    return 0


def cmd_draws_verify(args: argparse.Namespace) -> int:
    office, _ = _office(args)
    result = draws.verify(office, args.draw_id)
    ok = result["snapshot_matches"] and result["same_result"]
    emit(args, result, "重新计算结果一致" if ok else "重新计算结果不一致")
    return 0 if ok else 1


def cmd_draws_export(args: argparse.Namespace) -> int:
    office, _ = _office(args)
    d = draws.get_draw(office, args.draw_id)
    data = draws.export(office, args.draw_id, dispatch.results_by_task(office, [i["task_id"] for i in d["items"]]))
    if args.output:
        path = output_file(args.output)
        if path.suffix.lower() == ".xlsx":
            from eco_field.bureau.office.exports import draw_xlsx

            write_bytes_atomically(path, draw_xlsx(data))
        else:
            write_bytes_atomically(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    emit(args, data, lambda: f"{data['title']}：{len(data['items'])} 家" + (f"，已写入 {args.output}" if args.output else ""))
    return 0


# -- lists ------------------------------------------------------------------------------------------------------
def cmd_lists_show(args: argparse.Namespace) -> int:
    office, storage = _office(args)
    data = {"categories": directory.categories(office), "enterprises": directory.enterprise_list(office, storage),
            "officers": directory.officer_list(office, storage)}
    emit(args, data, lambda: table(((c["name"], c["ratio_text"], c["period"], c["source"]) for c in data["categories"]),
                                   ("类别", "比例", "周期", "依据")) + f"\n检查对象 {len(data['enterprises'])} 家，"
         f"执法人员 {sum(o['active'] for o in data['officers'])} 名")
    return 0


def cmd_lists_category(args: argparse.Namespace) -> int:
    office, _ = _office(args)
    done = directory.set_category(office, args.name, args.ratio, args.period, args.source)
    emit(args, done, f"类别 {done['name']}：{directory.ratio_text(directory.parse_ratio(done['ratio']))}")
    return 0


def cmd_lists_enterprise(args: argparse.Namespace) -> int:
    office, storage = _office(args)
    done = directory.set_enterprise_category(office, storage, args.enterprise, args.category,
                                             excluded=args.exclude is not None, note=args.exclude or "")
    emit(args, done, f"{done['name']}：{done['category']}" + ("（不参与双随机）" if done["excluded"] else ""))
    return 0


def cmd_lists_officer(args: argparse.Namespace) -> int:
    office, storage = _office(args)
    done = directory.set_officer_active(office, storage, args.cert_no, not args.out, args.note)
    emit(args, done, f"{args.cert_no}：{'在' if done['active'] else '不在'}执法人员名录库")
    return 0


def cmd_lists_conflict(args: argparse.Namespace) -> int:
    office, storage = _office(args)
    done = directory.declare_conflict(office, storage, args.cert_no, args.enterprise, args.reason)
    emit(args, done, f"{args.cert_no} 回避 {args.enterprise}")
    return 0


# -- complaints -------------------------------------------------------------------------------------------------
def _complaint_text(c: dict) -> str:
    return (f"{c['number']} {c['status_label']} 受理告知期限 {c['accept_due']} 办结期限 {c['close_due'] or '—'}"
            + (f" {c['warning_of']}{c['warning_text']}" if c["warning"] else ""))


def cmd_complaints_add(args: argparse.Namespace) -> int:
    office, storage = _office(args)
    c = complaints.add(office, storage, channel=args.channel, content=args.content, county=args.county,
                       received_on=args.received, route=args.route, source_ref=args.source_ref,
                       petitioner=args.petitioner, contact=args.contact, anonymous=args.anonymous,
                       enterprise=args.enterprise, by="cli")
    emit(args, c, lambda: _complaint_text(c))
    return 0


def cmd_complaints_list(args: argparse.Namespace) -> int:
    office, _ = _office(args)
    items = complaints.list_complaints(office, status=args.status)
    emit(args, items, lambda: table(((c["number"], c["received_on"], c["county"], c["enterprise_name"],
                                      c["status_label"], c["close_due"] or c["accept_due"],
                                      c["warning_of"] + c["warning_text"]) for c in items),
                                    ("编号", "收到", "区县", "企业", "状态", "期限", "提醒")))
    return 0


def _one(args: argparse.Namespace, action) -> int:
    office, storage = _office(args)
    c = action(office, storage)
    emit(args, c, lambda: _complaint_text(c))
    return 0


def cmd_complaints_accept(args):
    return _one(args, lambda o, s: complaints.accept(o, args.complaint, args.on))


def cmd_complaints_refuse(args):
    return _one(args, lambda o, s: complaints.refuse(o, args.complaint, args.reason))


def cmd_complaints_assign(args):
    return _one(args, lambda o, s: complaints.assign(o, s, args.complaint, args.officer, args.due))


def cmd_complaints_extend(args):
    return _one(args, lambda o, s: complaints.extend(o, args.complaint, args.days, args.reason, args.approved_by))


def cmd_complaints_close(args):
    return _one(args, lambda o, s: complaints.close(o, args.complaint, args.on, args.result, args.reply))


# -- dispatch and figures ---------------------------------------------------------------------------------------
def cmd_dispatch(args: argparse.Namespace) -> int:
    office, _ = _office(args)
    kind = None
    if args.kind:
        from eco_field.records import task_kind_code

        kind = task_kind_code(args.kind)
    items = dispatch.tasks(office, kind=kind, county=args.county, status=args.status, limit=100000)
    emit(args, items, lambda: table(((t["due_date"], t["kind_label"], t["county"], t["title"], t["status_label"],
                                      "、".join(t["officers"]), t["warning_text"]) for t in items),
                                    ("期限", "类型", "区县", "任务", "状态", "人员", "提醒")))
    return 0


def cmd_figures(args: argparse.Namespace) -> int:
    office, _ = _office(args)
    if not 2000 <= args.year <= 2100:
        raise BadInput("dispatch.bad_year", year=args.year)
    data = figures.figures(office, args.year, args.county)
    from eco_field.bureau.office import exports

    if args.xlsx:
        write_bytes_atomically(output_file(args.xlsx), exports.figures_xlsx(data))
    if args.pdf:
        write_bytes_atomically(output_file(args.pdf), exports.figures_pdf(data))
    emit(args, data, lambda: table(((figures.LABELS[k], data[k]) for k in figures.KEYS), ("指标", f"{args.year}年")))
    return 0
