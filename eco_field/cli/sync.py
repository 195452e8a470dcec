"""`eco-field enroll URL CODE`, `eco-field sync [--json] [--watch]`, `sync status`, `sync conflicts`."""

from __future__ import annotations

import argparse
import json
import sys
import threading
from typing import Any

from eco_field import messages
from eco_field.cli.output import add_json_flag, emit, open_workspace, print_json, table
from eco_field.sync import state
from eco_field.sync.status import sync_status

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
    from eco_field.sync.enrol import enroll  # httpx and the sync client load only for the commands that talk

    with open_workspace(args) as ws:
        result = enroll(ws, args.url, args.code, args.name)
    emit(args, result, messages.text("sync.cli.enrolled", device=result["device_id"], name=result["officer"]["name"],
                                     cert_no=result["officer"]["cert_no"], url=result["server_url"]))
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from eco_field.sync.client import run_sync

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
    from eco_field.sync.watch import watch

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
    lines = [messages.text("sync.cli.summary", pushed=result.get("pushed", 0), duplicates=result.get("duplicates", 0),
                           conflicts=result.get("conflicts", 0), files=result.get("blobs_sent", 0),
                           mb=f"{result.get('blob_bytes_sent', 0) / 1e6:.1f}", audit=result.get("audit_sent", 0),
                           pulled=result.get("pulled", 0))]
    for err in result.get("blob_errors", []):
        lines.append(messages.text("sync.cli.file_refused", sha=err["sha256"][:12], error=err["error"]))
    if result.get("conflicts"):
        lines.append(messages.text("sync.cli.see_conflicts"))
    if not result.get("ok"):
        lines.append(messages.text("sync.cli.unfinished", error=result.get("error") or messages.text("sync.cli.cancelled")))
    return "\n".join(lines)


def cmd_status(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        status = sync_status(ws)
    emit(args, status, lambda: _status_text(status))
    return 0


def _status_text(status: dict[str, Any]) -> str:
    if not status["enrolled"]:
        return messages.text("sync.cli.not_enrolled")
    lines = [messages.text("sync.cli.status_bureau", url=status["server_url"], device=status["device_id"]),
             messages.text("sync.cli.status_officer", officer=status["officer"], units="、".join(status["units"])),
             messages.text("sync.cli.status_last", when=status["last_success"] or messages.text("sync.cli.never")),
             messages.text("sync.cli.status_waiting", pending=status["pending"], files=status["pending_blobs"]),
             messages.text("sync.cli.status_conflicts", n=status["conflicts"])]
    if status["last_error"]:
        lines.append(messages.text("sync.cli.status_error", error=status["last_error"]))
    return "\n".join(lines)


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        items = state.conflicts(ws.db, include_resolved=args.all)
    if args.json:
        print_json(items)
    else:
        from eco_field.sync.conflict_text import kind_text, reason_text  # (it loads the HTTP client)

        print(table(((c["id"], kind_text(c["entity"]), c["entity_id"][:8], reason_text(c), c["local_revision"],
                      c["server_revision"], c["detected_at"]) for c in items),
                    ("id", "sync.col.entity", "sync.col.record", "sync.col.reason", "sync.col.mine", "sync.col.bureau",
                     "sync.col.when")))
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from eco_field.sync.resolve import ACCEPT_SERVER, settle_conflict

    with open_workspace(args) as ws:
        result = settle_conflict(ws, args.id, state.REENTER if args.keep == "mine" else ACCEPT_SERVER)
    emit(args, {"id": args.id, "resolved": True, "keep": args.keep, "applied_locally": result["applied_locally"]},
         messages.text("sync.cli.settled_mine" if args.keep == "mine" else "sync.cli.settled_bureau", id=args.id))
    return 0
