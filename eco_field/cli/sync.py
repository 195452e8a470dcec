"""`eco-field enroll URL CODE`, `eco-field sync [--json] [--watch]`, `sync status`, `sync conflicts`."""

from __future__ import annotations

import argparse
import json
import sys
import threading
from typing import Any

from eco_field.cli.output import add_json_flag, emit, open_workspace, print_json, table
from eco_field.sync import state
from eco_field.sync.client import run_sync
from eco_field.sync.enrol import enroll
from eco_field.sync.resolve import ACCEPT_SERVER, settle_conflict
from eco_field.sync.status import sync_status
from eco_field.sync.watch import watch

ORDER = 70


def register(commands) -> None:
    p = commands.command("enroll", cmd_enroll, "register this device with the bureau (a one-time code)")
    p.add_argument("url", help="the bureau's address, e.g. http://10.0.0.5:8750")
    p.add_argument("code", help="the enrolment code from the bureau")
    p.add_argument("--name", help="this device's name (default: the computer's name)")
    add_json_flag(p)

    p = commands.command("sync", cmd_sync, "sync with the bureau: send records and files, receive tasks")
    add_json_flag(p)
    p.add_argument("--watch", action="store_true", help="keep syncing whenever the bureau is reachable")
    p.add_argument("--batch", type=int, default=200, help=argparse.SUPPRESS)
    p.add_argument("--chunk-mb", type=float, default=4.0, help=argparse.SUPPRESS)
    sub = p.add_subparsers(title="sync commands", metavar="ACTION")
    st = sub.add_parser("status", help="last success, what is waiting to be sent", parents=[commands.common])
    st.set_defaults(handler=cmd_status)
    add_json_flag(st)
    cf = sub.add_parser("conflicts", help="changes the bureau did not accept, kept for review",
                        parents=[commands.common])
    cf.set_defaults(handler=cmd_conflicts)
    cf.add_argument("--all", action="store_true", help="include resolved conflicts")
    add_json_flag(cf)
    rs = sub.add_parser("resolve", help="mark a conflict as handled", parents=[commands.common])
    rs.set_defaults(handler=cmd_resolve)
    rs.add_argument("id", type=int)
    rs.add_argument("--keep", choices=("theirs", "mine"), default="theirs",
                    help="theirs: the bureau's version stands; mine: send my version again as a new change")
    add_json_flag(rs)


def cmd_enroll(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        result = enroll(ws, args.url, args.code, args.name)
    emit(args, result, f"enrolled as device {result['device_id']} for {result['officer']['name']} "
                       f"({result['officer']['cert_no']}) at {result['server_url']}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        if args.watch:
            return _watch(args, ws)
        result = run_sync(ws, progress=None if args.json else _progress_printer(),
                          batch_size=max(1, args.batch), chunk_size=max(64 * 1024, int(args.chunk_mb * 1024 ** 2)))
    if not args.json and sys.stderr.isatty():
        sys.stderr.write("\n")
    emit(args, result, lambda: _summary(result))
    return 0 if result["ok"] else 1


def _watch(args: argparse.Namespace, ws) -> int:
    def report(result: dict[str, Any]) -> None:
        if args.json:
            print(json.dumps(result, ensure_ascii=False, default=str), flush=True)
        else:
            print(_summary(result), flush=True)

    try:
        watch(ws, threading.Event(), on_result=report)
    except KeyboardInterrupt:
        return 0
    return 0


def _progress_printer():
    if not sys.stderr.isatty():
        return None

    def show(stage: str, done: int, total: int | None) -> None:
        of = f"/{total}" if total else ""
        sys.stderr.write(f"\r{stage}: {done}{of}          ")
        sys.stderr.flush()

    return show


def _summary(result: dict[str, Any]) -> str:
    lines = [f"sent {result.get('pushed', 0)} changes ({result.get('duplicates', 0)} already there, "
             f"{result.get('conflicts', 0)} conflicts), {result.get('blobs_sent', 0)} files "
             f"({result.get('blob_bytes_sent', 0) / 1e6:.1f} MB), {result.get('audit_sent', 0)} audit entries; "
             f"received {result.get('pulled', 0)} records"]
    for err in result.get("blob_errors", []):
        lines.append(f"file {err['sha256'][:12]} not accepted: {err['error']}")
    if result.get("conflicts"):
        lines.append("see `eco-field sync conflicts` for the changes the bureau did not accept")
    if not result.get("ok"):
        lines.append(f"sync did not finish: {result.get('error') or 'cancelled'}")
    return "\n".join(lines)


def cmd_status(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        status = sync_status(ws)
    emit(args, status, lambda: _status_text(status))
    return 0


def _status_text(status: dict[str, Any]) -> str:
    if not status["enrolled"]:
        return "not enrolled with a bureau (run `eco-field enroll URL CODE`)"
    return "\n".join([
        f"bureau:        {status['server_url']} (device {status['device_id']})",
        f"officer:       {status['officer']} ({'、'.join(status['units'])})",
        f"last success:  {status['last_success'] or 'never'}",
        f"waiting:       {status['pending']} changes, {status['pending_blobs']} files",
        f"conflicts:     {status['conflicts']} open" + ("" if not status["last_error"] else
                                                          f"\nlast error:    {status['last_error']}"),
    ])


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        items = state.conflicts(ws.db, include_resolved=args.all)
    if args.json:
        print_json(items)
    else:
        print(table(((c["id"], c["entity"], c["entity_id"][:8], c["reason"], c["local_revision"],
                      c["server_revision"], c["detected_at"]) for c in items),
                    ("id", "entity", "record", "reason", "mine", "bureau's", "when")))
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        result = settle_conflict(ws, args.id, state.REENTER if args.keep == "mine" else ACCEPT_SERVER)
    emit(args, {"id": args.id, "resolved": True, "keep": args.keep, "applied_locally": result["applied_locally"]},
         f"conflict {args.id} settled ({'my version goes again' if args.keep == 'mine' else 'the bureau’s stands'})")
    return 0
