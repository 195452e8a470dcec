"""Foundation commands: init, enterprises, officers, tasks, inspections, audit, settings."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

from eco_field import demo, messages
from eco_field.cli.output import add_json_flag, counts_text, emit, open_workspace, table
from eco_field.clock import zone
from eco_field.errors import BadInput
from eco_field.industries import industry_code
from eco_field.records import Enterprise, Party
from eco_field.store import audit, enterprises, inspections, officers, settings, tasks
from eco_field.store.database import write_transaction

ORDER = 0


def register(commands) -> None:
    p = commands.command("init", cmd_init, "create the data folder and database (--demo adds demo data)")
    p.add_argument("--demo", action="store_true", help="add the demo enterprises, officers and tasks")
    add_json_flag(p)

    ent = commands.group("enterprises", "the enterprise archive (一企一档)")
    p = commands.command("list", cmd_enterprises_list, "list enterprises", parent=ent)
    p.add_argument("--county")
    p.add_argument("--search")
    add_json_flag(p)
    p = commands.command("add", cmd_enterprises_add, "add an enterprise", parent=ent)
    p.add_argument("--name", required=True)
    p.add_argument("--credit-code", required=True, help="统一社会信用代码 (18 characters)")
    p.add_argument("--county", required=True)
    # options left out keep what an existing enterprise with this credit code already has
    p.add_argument("--industry")
    p.add_argument("--address")
    p.add_argument("--legal-rep")
    p.add_argument("--permit-no")
    p.add_argument("--lat", type=float)
    p.add_argument("--lon", type=float)
    p.add_argument("--radius-m", type=float)
    add_json_flag(p)
    p = commands.command("import", cmd_enterprises_import, "upsert enterprises from a JSON list", parent=ent)
    p.add_argument("file", type=Path)
    add_json_flag(p)
    p = commands.command("show", cmd_enterprises_show, "one enterprise with outlets and limits", parent=ent)
    p.add_argument("id", help="id or credit code")
    add_json_flag(p)

    off = commands.group("officers", "enforcement officers (执法人员)")
    p = commands.command("list", cmd_officers_list, "list officers", parent=off)
    add_json_flag(p)
    p = commands.command("add", cmd_officers_add, "add or update an officer", parent=off)
    p.add_argument("--name", required=True)
    p.add_argument("--cert-no", required=True, help="执法证号")
    p.add_argument("--unit", required=True)
    add_json_flag(p)

    tsk = commands.group("tasks", "assigned tasks")
    p = commands.command("list", cmd_tasks_list, "list tasks", parent=tsk)
    p.add_argument("--status")
    add_json_flag(p)

    ins = commands.group("inspections", "on-site inspections")
    p = commands.command("new", cmd_inspections_new, "open an inspection (at least two officers)", parent=ins)
    p.add_argument("--enterprise", required=True, help="enterprise id or credit code")
    p.add_argument("--officer", action="append", default=[], help="执法证号; give at least two")
    p.add_argument("--task")
    p.add_argument("--start", help="ISO 8601; without offset it is local time (default: now)")
    p.add_argument("--place", default="")
    p.add_argument("--party-name", default="")
    p.add_argument("--party-title", default="")
    add_json_flag(p)
    p = commands.command("list", cmd_inspections_list, "list inspections", parent=ins)
    p.add_argument("--search")
    add_json_flag(p)
    p = commands.command("show", cmd_inspections_show, "one inspection", parent=ins)
    p.add_argument("id")
    add_json_flag(p)

    aud = commands.group("audit", "the hash-chained audit log")
    p = commands.command("verify", cmd_audit_verify, "re-check the whole chain (exit 1 if broken)", parent=aud)
    add_json_flag(p)

    st = commands.group("settings", "this machine's settings")
    p = commands.command("show", cmd_settings_show, "print the settings", parent=st)
    add_json_flag(p)
    p = commands.command("set", cmd_settings_set, "change a setting", parent=st)
    p.add_argument("key", choices=sorted(settings.DEFAULTS))
    p.add_argument("value")


def cmd_init(args: argparse.Namespace) -> int:
    with open_workspace(args, create=True) as ws:
        added = demo.seed(ws) if args.demo else {}
        emit(args, {"data_dir": str(ws.data_dir), "database": str(ws.db_path), "demo": added},
             messages.text("cli.init_ready", path=ws.data_dir)
             + ("\n" + messages.text("cli.init_demo", added=counts_text(added)) if added else ""))
    return 0


def cmd_enterprises_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        items = enterprises.list_enterprises(ws.db, county=args.county, search=args.search)
    emit(args, [e.to_dict() for e in items], lambda: table(
        ((e.id[:8], e.name, e.credit_code, e.county, e.industry) for e in items),
        ("id", "cli.col.name", "cli.col.credit_code", "cli.col.county", "cli.col.industry")))
    return 0


def cmd_enterprises_show(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        ent = enterprises.get(ws.db, args.id)
    emit(args, ent.to_dict(), lambda: json.dumps(ent.to_dict(), ensure_ascii=False, indent=2))
    return 0


def cmd_enterprises_add(args: argparse.Namespace) -> int:
    code = args.credit_code.strip().upper()
    given = {"name": args.name, "county": args.county, "address": args.address, "legal_rep": args.legal_rep,
             "lat": args.lat, "lon": args.lon, "radius_m": args.radius_m, "permit_no": args.permit_no,
             "industry": None if args.industry is None else industry_code(args.industry)}
    given = {key: value for key, value in given.items() if value is not None}
    with open_workspace(args) as ws, write_transaction(ws.db):
        # adding a known credit code completes that record; it must not wipe its outlets, site or permit
        known = ws.db.execute("SELECT id FROM enterprises WHERE credit_code = ?", [code]).fetchone()
        base = enterprises.get(ws.db, known[0]) if known else Enterprise(id="", name="", credit_code=code,
                                                                         county="", industry=industry_code(""))
        stored, created = enterprises.upsert(ws.db, replace(base, **given))
    emit(args, stored.to_dict(), messages.text("cli.enterprise_added" if created else "cli.enterprise_updated",
                                               name=stored.name, id=stored.id))
    return 0


def cmd_enterprises_import(args: argparse.Namespace) -> int:
    items = read_json_list(args.file)
    with open_workspace(args) as ws:
        counts = enterprises.import_many(ws.db, items, source=str(args.file))
    emit(args, counts, messages.text("cli.enterprises_imported", created=counts["created"], updated=counts["updated"]))
    return 0


def read_json_list(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise BadInput("os.not_found", path=path) from exc
    except (UnicodeDecodeError, OSError) as exc:
        raise BadInput("cli.cannot_read", path=path, detail=exc) from exc
    except json.JSONDecodeError as exc:
        raise BadInput("cli.not_json", path=path, line=exc.lineno, column=exc.colno, detail=exc.msg) from exc
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise BadInput("cli.not_json_list", path=path)
    return data


def cmd_officers_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        items = officers.list_officers(ws.db)
    emit(args, [o.to_dict() for o in items],
         lambda: table(((o.name, o.cert_no, o.unit) for o in items), ("cli.col.person", "cli.col.cert_no", "cli.col.unit")))
    return 0


def cmd_officers_add(args: argparse.Namespace) -> int:
    from eco_field.records import Officer

    with open_workspace(args) as ws:
        officer = officers.upsert(ws.db, Officer(args.cert_no.strip(), args.name.strip(), args.unit.strip()))
    emit(args, officer.to_dict(), messages.text("cli.officer_saved", name=officer.name, cert_no=officer.cert_no))
    return 0


def cmd_tasks_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        items = tasks.list_tasks(ws.db, status=args.status)
    emit(args, [t.to_dict() for t in items], lambda: table(
        ((t.id[:8], t.to_dict()["kind_label"], t.enterprise_name, t.due_date, t.to_dict()["status_label"])
         for t in items), ("id", "cli.col.kind", "cli.col.enterprise", "cli.col.due", "cli.col.status")))
    return 0


def cmd_inspections_new(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        created = inspections.create(ws.db, args.enterprise, args.officer, task_id=args.task,
                                     started_at=args.start, place=args.place,
                                     party=Party(args.party_name, args.party_title, "", bool(args.party_name)))
    emit(args, created.to_dict(), messages.text("cli.inspection_opened", id=created.id, enterprise=created.enterprise_name))
    return 0


def cmd_inspections_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        items = inspections.list_inspections(ws.db, search=args.search)
    emit(args, [i.to_dict() for i in items], lambda: table(
        ((i.id, i.enterprise_name, i.started_at, i.to_dict()["status_label"]) for i in items),
        ("id", "cli.col.enterprise", "cli.col.started", "cli.col.status")))
    return 0


def cmd_inspections_show(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        item = inspections.get(ws.db, args.id)
    emit(args, item.to_dict(), lambda: json.dumps(item.to_dict(), ensure_ascii=False, indent=2))
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        report = audit.verify(ws.db)
    emit(args, vars(report), messages.text("cli.audit_intact", entries=report.entries, head=report.head[:16])
         if report.ok else messages.text("cli.audit_broken", seq=report.first_bad_seq, problem=report.problem))
    return 0 if report.ok else 1


def cmd_settings_show(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        values = settings.get_all(ws.db)
    emit(args, values, lambda: "\n".join(f"{k} = {v}" for k, v in values.items()))
    return 0


NUMERIC_SETTINGS = ("photo_time_tolerance_min", "doc_hearing_threshold", "doc_serial_width", "doc_auto_block_size",
                    "procedure_statement_days", "procedure_legal_review_min_fine", "procedure_collective_min_fine")


def cmd_settings_set(args: argparse.Namespace) -> int:
    # a bad value stored here would make every later command fail, so it is refused now
    if args.key == "time_zone":
        zone(args.value)
    elif args.key in NUMERIC_SETTINGS and args.value.strip():
        try:
            float(args.value)
        except ValueError:
            raise BadInput("cli.setting_number", key=args.key, value=args.value) from None
    with open_workspace(args) as ws, write_transaction(ws.db):
        settings.put(ws.db, args.key, args.value)
    return 0
