"""`eco-field bureau ...`: run the reference bureau server and administer its data folder."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from eco_field.bureau import admin, auth, readouts
from eco_field.bureau.storage import DB_URL_ENV, BureauStorage, open_storage
from eco_field.cli.core import read_json_list
from eco_field.cli.output import add_json_flag, counts_text, emit, output_file, table
from eco_field.errors import BadInput
from eco_field.messages import has, os_reason, text
from eco_field.paths import default_data_dir

ORDER = 80
MAX_DEFAULT_WORKERS = 4  # each process holds a pool of PostgreSQL connections (POOL_SIZE)


def bureau_dir(args: argparse.Namespace) -> Path:
    """--data-dir, else ECO_BUREAU_HOME, else a `bureau` folder in the default data folder."""
    explicit = getattr(args, "data_dir", None)
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("ECO_BUREAU_HOME")
    return Path(env).expanduser() if env else default_data_dir() / "bureau"


def storage_of(args: argparse.Namespace) -> BureauStorage:
    return open_storage(bureau_dir(args), getattr(args, "db", None))


def _db_option(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="postgresql://USER:PASSWORD@HOST/DB instead of SQLite in the data folder"
                             " (default: $ECO_BUREAU_DB); blobs stay in the data folder")
    return parser


def register(commands) -> None:
    commands = _WithDb(commands)
    group = commands.group("bureau", "the reference bureau server and its administration")
    p = commands.command("serve", cmd_serve, "run the bureau's HTTP server on this data folder", parent=group)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8750)
    p.add_argument("--workers", type=int, metavar="N",
                   help=f"server processes: on PostgreSQL one per CPU by default (at most {MAX_DEFAULT_WORKERS});"
                        " on SQLite only 1")
    p.add_argument("--plain-put", action="store_true", help=argparse.SUPPRESS)  # benchmark baseline only
    p = commands.command("init", cmd_init, "create the bureau's data folder (--demo adds the demo data)",
                         parent=group)
    p.add_argument("--demo", action="store_true")
    add_json_flag(p)
    _officer_commands(commands, group)
    p = commands.command("enroll-code", cmd_enroll_code, "a one-time enrolment code for an officer's device",
                         parent=group)
    p.add_argument("--officer", required=True, help="执法证号")
    p.add_argument("--hours", type=float, default=24.0, help="valid for this many hours (default 24)")
    add_json_flag(p)
    _archive_commands(commands, group)
    cases = commands.group("cases", "case files from the bureau's records", parent=group)
    p = commands.command("export", cmd_cases_export, "write a case's case file (the format of `cases export`)"
                         " from the records, blobs and audit chains the devices pushed", parent=cases)
    p.add_argument("case_id")
    p.add_argument("-o", "--output", required=True, type=Path, help="the case file (.zip) to write")
    add_json_flag(p)
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.epilog = ("--json prints {\"file\", \"case_id\", \"files\": count, \"audit_entries\": count,\n"
                "\"devices\": [device ids whose audit chains the file carries]}.\n"
                "Exit 0: written; 2: unknown case, or the bureau cannot vouch for it yet (an original not\n"
                "sent or altered, a device that must sync its audit log first - the message names it);\n"
                "1: anything else. Check the file with `eco-field verify-export FILE`.")
    _case_approval_command(commands, cases)
    p = commands.command("settings", cmd_settings, "the bureau's settings (`settings set KEY VALUE`)",
                         parent=group)
    add_json_flag(p)
    sub = p.add_subparsers(title="settings commands", metavar="ACTION")
    put = _sub_parser(sub, "set", help="change a setting (upload_expiry_days: days an unfinished upload is"
                                       " kept, default 7)", parents=[commands.common])
    put.set_defaults(handler=cmd_settings_set)
    put.add_argument("key")
    put.add_argument("value")
    add_json_flag(put)
    p = commands.command("revoke", cmd_revoke, "refuse a device from now on (its uploads in flight end)",
                         parent=group)
    p.add_argument("--device", required=True)
    add_json_flag(p)
    for name, handler, about in (("inspections", cmd_inspections, "inspections received, and whether complete"),
                                ("evidence", cmd_evidence, "evidence files received"),
                                ("documents", cmd_documents, "documents received (verify FILE.pdf: was it issued?)"),
                                ("devices", cmd_devices, "enrolled devices"),
                                ("conflicts", cmd_conflicts, "entries kept as conflicts")):
        p = commands.command(name, handler, about, parent=group)
        add_json_flag(p)
        if name == "documents":
            _documents_verify_command(commands, p)


class _WithDb:
    """The command registry, adding --db to every bureau command it makes."""

    def __init__(self, commands) -> None:
        self._commands = commands
        self.common = commands.common

    def group(self, *args, **kwargs):
        return self._commands.group(*args, **kwargs)

    def command(self, *args, **kwargs) -> argparse.ArgumentParser:
        return _db_option(self._commands.command(*args, **kwargs))


def _sub_parser(sub, name: str, **kwargs) -> argparse.ArgumentParser:
    return _db_option(sub.add_parser(name, **kwargs))


def _officer_commands(commands, group) -> None:
    p = commands.command("officers", cmd_officers, "list the bureau's officers (add one with `officers add`)",
                         parent=group)
    add_json_flag(p)
    sub = p.add_subparsers(title="officers commands", metavar="ACTION")
    add = _sub_parser(sub, "add", help="add or update an officer", parents=[commands.common])
    add.set_defaults(handler=cmd_officers_add)
    add.add_argument("--name", required=True)
    add.add_argument("--cert-no", required=True, help="执法证号")
    add.add_argument("--unit", required=True, action="append", help="unit (county); repeat for several")
    add_json_flag(add)


def _documents_verify_command(commands, documents: argparse.ArgumentParser) -> None:
    sub = documents.add_subparsers(title="documents commands", metavar="ACTION")
    verify = _sub_parser(sub, "verify", parents=[commands.common],
                         help="is this PDF, byte for byte, a version a device issued and synced? (exit 0 only then)")
    verify.set_defaults(handler=cmd_documents_verify)
    verify.add_argument("file", type=Path)
    add_json_flag(verify)


def _archive_commands(commands, group) -> None:
    ent = commands.group("enterprises", "the bureau's enterprise archive", parent=group)
    p = commands.command("import", cmd_enterprises_import, "upsert enterprises from a JSON list", parent=ent)
    p.add_argument("file", type=Path)
    add_json_flag(p)
    tsk = commands.group("tasks", "tasks for officers", parent=group)
    p = commands.command("assign", cmd_tasks_assign, "assign a task", parent=tsk)
    p.add_argument("--enterprise", required=True, help="enterprise id or credit code")
    p.add_argument("--officer", action="append", required=True, help="执法证号; repeat for several")
    p.add_argument("--kind", required=True, help="random | complaint | reform | routine (or 双随机 ...)")
    p.add_argument("--due", help="YYYY-MM-DD")
    p.add_argument("--title", default="")
    add_json_flag(p)
    num = commands.group("numbers", "document number blocks", parent=group)
    p = commands.command("reserve", cmd_numbers_reserve, "reserve a block of document numbers for a device",
                         parent=num)
    p.add_argument("--device", required=True)
    p.add_argument("--kind", required=True, help="document kind, e.g. penalty_decision")
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--year", type=int)
    add_json_flag(p)
    cat = commands.group("catalog", "the catalog every device pulls", parent=group)
    p = commands.command("publish", cmd_catalog_publish, "publish a new catalog version from a JSON file",
                         parent=cat)
    p.add_argument("file", type=Path)
    add_json_flag(p)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from eco_field.bureau import app as bureau_app

    folder = bureau_dir(args)
    db_url = getattr(args, "db", None) or os.environ.get(DB_URL_ENV) or None
    workers = serve_workers(args.workers, db_url)
    where = "PostgreSQL" if db_url else "SQLite"
    print(text("bureau.cli.serving", host=args.host, port=args.port, folder=folder, db=where, workers=workers),
          flush=True)
    options = {"host": args.host, "port": args.port, "log_level": "warning", "timeout_graceful_shutdown": 5}
    if workers == 1:
        uvicorn.run(bureau_app.create_app(folder, plain_put=args.plain_put, db_url=db_url), **options)
        return 0
    open_storage(folder, db_url).close()  # migrations once, before the processes start
    os.environ.update(bureau_app.env_for_workers(folder, db_url, plain_put=args.plain_put))
    uvicorn.run("eco_field.bureau.app:app_from_env", factory=True, workers=workers, **options)
    return 0


def serve_workers(asked: int | None, db_url: str | None) -> int:
    """How many server processes: SQLite's one file takes one writer at a time, so it is served by one
    process; PostgreSQL lets several share the load (one per CPU by default)."""
    if asked is not None and asked < 1:
        raise BadInput("bureau.workers_min")
    only_one = "bureau.cli.workers_need_postgres" if not db_url else (
        # one PATCH per blob is held within one process there (uploads.PartFile)
        "bureau.cli.workers_need_posix" if os.name == "nt" else None)
    if only_one:
        if asked not in (None, 1):
            raise BadInput(only_one)
        return 1
    return asked or min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS)


def cmd_init(args: argparse.Namespace) -> int:
    folder = bureau_dir(args)
    storage = open_storage(folder, getattr(args, "db", None))
    done = admin.init_bureau(storage, args.demo)
    added, catalog = done["demo"], done["catalog"]
    if args.demo:  # the 双随机 lists of the office (categories, ratios, each demo enterprise's category)
        from eco_field.bureau.office.db import open_office_db
        from eco_field.bureau.office.directory import seed_demo

        added["lists"] = seed_demo(open_office_db(storage), storage)
    emit(args, {"data_dir": str(folder), "demo": added, "catalog": catalog},
         text("bureau.cli.ready", folder=folder, version=catalog["catalog_version"])
         + ("\n" + text("bureau.cli.demo_added", added=counts_text(added)) if added else ""))
    return 0


def cmd_officers(args: argparse.Namespace) -> int:
    items = storage_of(args).officers()
    emit(args, items, lambda: table(((o["cert_no"], o["name"], "、".join(o["units"])) for o in items),
                                    ("bureau.col.cert_no", "bureau.col.name", "bureau.col.units")))
    return 0


def cmd_officers_add(args: argparse.Namespace) -> int:
    item = admin.add_officer(storage_of(args), args.cert_no, args.name, args.unit)
    emit(args, item, text("bureau.cli.officer_added", name=item["name"], cert_no=item["cert_no"],
                          units="、".join(item["units"])))
    return 0


def cmd_enroll_code(args: argparse.Namespace) -> int:
    item = auth.new_enroll_code(storage_of(args), args.officer, args.hours)
    emit(args, item, text("bureau.cli.enroll_code", officer=args.officer, code=item["code"], expires=item["expires_at"]))
    return 0


def cmd_enterprises_import(args: argparse.Namespace) -> int:
    counts = admin.import_enterprises(storage_of(args), read_json_list(args.file), str(args.file))
    emit(args, counts, text("bureau.cli.imported", **counts))
    return 0


def cmd_tasks_assign(args: argparse.Namespace) -> int:
    task = admin.assign_task(storage_of(args), args.enterprise, args.officer, args.kind, args.due, args.title)
    emit(args, task, text("bureau.cli.task_assigned", id=task["id"], officers="、".join(task["officers"])))
    return 0


def cmd_numbers_reserve(args: argparse.Namespace) -> int:
    block = admin.reserve_numbers(storage_of(args), args.device, args.kind, args.count, args.year)
    emit(args, block, text("bureau.cli.numbers_reserved", kind=block["kind"], year=block["year"], start=block["start"],
                           end=block["end"], device=args.device))
    return 0


def cmd_catalog_publish(args: argparse.Namespace) -> int:
    try:
        catalog = json.loads(args.file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInput("bureau.not_json_file", path=args.file, detail=_json_problem(exc)) from exc
    result = admin.publish_catalog(storage_of(args), catalog, str(args.file))
    emit(args, result, text("bureau.cli.catalog_published" if result["published"] else "bureau.cli.catalog_already",
                            catalog_version=result["catalog_version"], version=result["version"]))
    return 0


def cmd_cases_export(args: argparse.Namespace) -> int:
    from eco_field.bureau.case_export import export_case

    output_file(args.output)
    storage = storage_of(args)
    try:
        manifest = export_case(storage, bureau_dir(args), args.case_id, args.output)
    finally:
        storage.close()
    summary = {"file": str(args.output), "case_id": args.case_id, "files": len(manifest["files"]),
               "audit_entries": len(manifest["audit"]),
               "devices": sorted({e["chain"] for e in manifest["audit"]})}
    emit(args, summary, text("bureau.cli.case_exported", path=args.output, files=summary["files"],
                             entries=summary["audit_entries"], devices=len(summary["devices"])))
    return 0


def _case_approval_command(commands, cases) -> None:
    p = commands.command("approve", cmd_cases_approve, "approve a step of a case at the bureau (立案审批, 负责人审批,"
                         " 法制审核, 集体讨论, 结案审批); the devices pull it", parent=cases)
    p.add_argument("case_id")
    p.add_argument("step", help="filing | decision | legal_review | collective | closing")
    p.add_argument("--by", required=True, help="the approver's name")
    p.add_argument("--role", required=True, help="e.g. 局负责人, 法制审核人员")
    p.add_argument("--opinion", default="", help="the approver's opinion (starting 不同意/不通过: not approved)")
    p.add_argument("--date", required=True, help="YYYY-MM-DD")
    add_json_flag(p)


def cmd_cases_approve(args: argparse.Namespace) -> int:
    from eco_field.bureau.case_approvals import approve

    storage = storage_of(args)
    try:
        result = approve(storage, args.case_id, args.step, args.by, args.role, args.date, args.opinion)
    finally:
        storage.close()
    emit(args, result, text("bureau.cli.approval_recorded", id=result["id"], case=args.case_id))
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    result = admin.revoke_device(storage_of(args), bureau_dir(args), args.device)
    emit(args, result, text("bureau.cli.device_revoked", device=args.device))
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    items = admin.settings(storage_of(args))
    emit(args, items, lambda: table(((i["key"], i["value"], i["about"]) for i in items), ("bureau.col.setting", "bureau.col.value", "bureau.col.about")))
    return 0


def cmd_settings_set(args: argparse.Namespace) -> int:
    item = admin.set_setting(storage_of(args), args.key, args.value)
    emit(args, item, f"{item['key']} = {item['value']}")
    return 0


def cmd_inspections(args: argparse.Namespace) -> int:
    items = readouts.inspections(storage_of(args))
    emit(args, items, lambda: table(((i["id"][:8], i["enterprise"], "、".join(i["officers"]), _term("bureau.status.", i["status"]),
                                      text("bureau.files_complete") if i["complete"]
                                      else text("bureau.files_missing", n=i["blobs_missing"])) for i in items),
                                    ("bureau.col.id", "bureau.col.enterprise", "bureau.col.officers",
                                     "bureau.col.status", "bureau.col.files")))
    return 0


def cmd_evidence(args: argparse.Namespace) -> int:
    items = readouts.evidence(storage_of(args))
    emit(args, items, lambda: table(((e["sha256"][:12], e["size"], e["inspection_id"][:8], e["kind"],
                                      text("bureau.blob_stored" if e["stored"] else "bureau.blob_missing"))
                                     for e in items),
                                    ("sha256", "bureau.col.size", "bureau.col.inspection", "bureau.col.kind",
                                     "bureau.col.blob")))
    return 0


def cmd_documents(args: argparse.Namespace) -> int:
    items = readouts.documents(storage_of(args))
    emit(args, items, lambda: table(((d["id"][:8], d["kind"], d["number"], "" if d["stored"] is None else
                                      text("bureau.blob_stored" if d["stored"] else "bureau.blob_missing"))
                                     for d in items),
                                    ("bureau.col.id", "bureau.col.kind", "bureau.col.number", "bureau.col.stored")))
    return 0


def cmd_documents_verify(args: argparse.Namespace) -> int:
    from eco_field.bureau.document_verify import verify_file
    from eco_field.documents.verification import text_report

    storage = storage_of(args)
    try:
        result = verify_file(storage, args.file)
    finally:
        storage.close()
    emit(args, result, text_report(result))
    return 0 if result["matches"] else 1


def cmd_devices(args: argparse.Namespace) -> int:
    items = readouts.devices(storage_of(args))
    emit(args, items, lambda: table(((d["id"], d["officer"], d["enrolled"], d["last_seen"],
                                      text("bureau.revoked") if d["revoked"] else "") for d in items),
                                    ("bureau.col.device", "bureau.col.officer", "bureau.col.enrolled",
                                     "bureau.col.last_seen", "bureau.col.status")))
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    items = readouts.conflicts(storage_of(args))
    from eco_field.sync.conflict_text import kind_text, reason_text  # the laptop's words for the same reasons

    emit(args, items, lambda: table(((c["id"], kind_text(c["entity"]), c["entity_id"][:8], reason_text(c),
                                      c["device_id"][:8])
                                     for c in items), ("bureau.col.id", "bureau.col.entity", "bureau.col.record",
                                                       "bureau.col.reason", "bureau.col.device")))
    return 0


def _term(prefix: str, value: str) -> str:
    """A stored value (a status) as the user reads it; an unknown one as it is."""
    return text(prefix + value) if has(prefix + value) else value


def _json_problem(exc: Exception) -> str:
    """Why a file is not readable JSON, in the interface language."""
    if isinstance(exc, json.JSONDecodeError):
        return text("bureau.json_line", line=exc.lineno, column=exc.colno)
    if isinstance(exc, UnicodeDecodeError):
        return text("bureau.not_utf8")
    return os_reason(exc)
