"""Evidence commands: import/list/thumbnail/redraw-thumbnails/verify/remove/caption/markup/undo-import/undo-remove,
and inspections seal/verify/amend."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from eco_field import messages
from eco_field.cli.output import Progress, add_json_flag, emit, open_workspace, table
from eco_field.errors import BadInput
from eco_field.evidence import handling, markup, redraw, seal, service
from eco_field.evidence.worker import write_atomic

ORDER = 20


def register(commands) -> None:
    ev = commands.group("evidence", "photo and drone evidence (取证照片)")
    p = commands.command("import", cmd_import, "import photos (files or folders, recursively) into an inspection",
                         parent=ev)
    p.add_argument("inspection_id")
    p.add_argument("paths", nargs="+", metavar="PATH")
    add_json_flag(p)
    p = commands.command("list", cmd_list, "the photos of an inspection with their metadata and flags", parent=ev)
    p.add_argument("inspection_id")
    p.add_argument("--all-kinds", action="store_true", help="also list instrument exports, signatures, documents")
    add_json_flag(p)
    p = commands.command("thumbnail", cmd_thumbnail, "write a photo's thumbnail (256) or preview (1600)", parent=ev)
    p.add_argument("sha256")
    p.add_argument("--size", type=int, choices=sorted(service.SIZES), default=256)
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p = commands.command("redraw-thumbnails", cmd_redraw, "draw again from the picture itself every thumbnail an"
                         " import drew from the camera's embedded preview (the app does this after each import)",
                         parent=ev)
    p.add_argument("inspection_id", nargs="?", metavar="INSPECTION", help="only this inspection's photos")
    add_json_flag(p)
    p = commands.command("verify", cmd_verify, "re-hash the stored originals (exit 1 if any is missing or altered)",
                         parent=ev)
    p.add_argument("inspection_id", nargs="?", metavar="INSPECTION")
    add_json_flag(p)
    p = commands.command("remove", cmd_remove, "take a file out of a draft inspection, with a reason (audited;"
                         " `evidence undo-remove` puts it back)", parent=ev)
    p.add_argument("evidence_id")
    p.add_argument("--reason", required=True, help="why it is removed (移除理由), kept in the audit log")
    add_json_flag(p)
    p = commands.command("caption", cmd_caption, "set what a photo proves (证明事项), printed on the photo"
                         " evidence sheet; an empty text clears it", parent=ev)
    p.add_argument("evidence_id")
    p.add_argument("text")
    add_json_flag(p)
    p = commands.command("markup", cmd_markup, "mark up a photo (arrow, circle, text) as a derived copy; the"
                         " original stays untouched. Coordinates are fractions 0-1 of the picture as shown",
                         parent=ev)
    p.add_argument("evidence_id")
    p.add_argument("--arrow", action="append", default=[], metavar="X1,Y1,X2,Y2", help="an arrow from X1,Y1 to X2,Y2")
    p.add_argument("--circle", action="append", default=[], metavar="X,Y,R", help="a circle, R a fraction of the"
                   " shorter side")
    p.add_argument("--text", action="append", default=[], metavar="X,Y,TEXT", help="a label at X,Y")
    p.add_argument("--shapes", type=Path, metavar="FILE", help="the shapes as a JSON list instead")
    add_json_flag(p)
    p = commands.command("removed", cmd_removed, "what was removed from an inspection, why and when (newest"
                         " first)", parent=ev)
    p.add_argument("inspection_id")
    add_json_flag(p)
    p = commands.command("undo-import", cmd_undo_import, "take out every file the last import added to a draft"
                         " inspection (`evidence undo-remove` puts them back)", parent=ev)
    p.add_argument("inspection_id")
    add_json_flag(p)
    p = commands.command("undo-remove", cmd_undo_remove, "put back what the last removal (or undone import) of a"
                         " draft inspection took out", parent=ev)
    p.add_argument("inspection_id")
    add_json_flag(p)

    ins = commands.group("inspections", "on-site inspections")
    p = commands.command("seal", cmd_seal, "finalise an inspection: hash its record and evidence, make it read-only",
                         parent=ins)
    p.add_argument("id")
    add_json_flag(p)
    p = commands.command("verify", cmd_seal_verify, "recompute a sealed inspection's seal (exit 1 on any difference)",
                         parent=ins)
    p.add_argument("id")
    add_json_flag(p)
    p = commands.command("amend", cmd_amend, "start an amendment of a sealed inspection (a new draft)", parent=ins)
    p.add_argument("id")
    add_json_flag(p)


def cmd_import(args: argparse.Namespace) -> int:
    bar = Progress("importing")

    def progress(done: int, total: int, path: str) -> None:
        bar.total = total
        bar.done = done - 1
        bar.advance(1, Path(path).name)

    with open_workspace(args) as ws:
        report = service.import_paths(ws, args.inspection_id, args.paths, progress=progress)
    bar.finish()
    emit(args, report.to_dict(), lambda: _import_text(report))
    if report.imported or report.duplicates:
        return 0
    print("eco-field: " + messages.text("evidence.nothing_imported", why=_why_nothing(report.errors)), file=sys.stderr)
    return 2


def _status_word(status: str) -> str:
    return messages.text("evidence.cli.status_missing" if status == "missing" else "evidence.cli.status_altered")


def _why_nothing(errors: list[dict]) -> str:
    if not errors:
        return messages.text("evidence.no_files_found")
    more = messages.text("evidence.more_refused", n=len(errors) - 1) if len(errors) > 1 else ""
    return f"{errors[0]['path']}: {errors[0].get('message') or errors[0]['error']}{more}"


def _import_text(report: service.ImportReport) -> str:
    lines = [messages.text("evidence.import_summary", imported=len(report.imported),
                           duplicates=len(report.duplicates), refused=len(report.errors))]
    lines += [f"  {e['original_name']}: {', '.join(e['flags'])}" for e in report.imported if e["flags"]]
    lines += ["  " + messages.text("evidence.import_refused_line", path=e["path"], why=e.get("message") or e["error"])
              for e in report.errors]
    return "\n".join(lines)


def cmd_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        items = service.list_evidence(ws.db, args.inspection_id, all_kinds=args.all_kinds)
    emit(args, items, lambda: table(
        ((i["sha256"][:12], i["original_name"], i["taken_at"] or "", _position(i), i["model"] or "",
          " ".join(i["flags"])) for i in items),
        ("sha256", "cli.col.file", "cli.col.taken", "cli.col.position", "cli.col.device", "cli.col.flags")))
    return 0


def _position(item: dict) -> str:
    if item["lat"] is None:
        return ""
    distance = f" ({item['distance_m']:.0f} m)" if item["distance_m"] is not None else ""
    return f"{item['lat']:.5f},{item['lon']:.5f}{distance}"


def cmd_thumbnail(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        source = service.thumbnail_path(ws, args.sha256, args.size)
    if str(args.output) == "-":
        shutil.copyfileobj(open(source, "rb"), sys.stdout.buffer)
        return 0
    try:
        write_atomic(args.output.resolve(), source.read_bytes(), durable=True)
    except OSError as exc:
        raise BadInput("cli.cannot_write", path=args.output, detail=messages.os_reason(exc)) from exc
    print(f"{args.output}", file=sys.stderr)
    return 0


def cmd_redraw(args: argparse.Namespace) -> int:
    bar = Progress("redrawing thumbnails")

    def progress(done: int, total: int, sha: str) -> None:
        bar.total = total
        bar.done = done - 1
        bar.advance(1, sha[:12])

    with open_workspace(args) as ws:
        done = redraw.redraw_thumbnails(ws, args.inspection_id, progress=progress)
    bar.finish()
    emit(args, done, lambda: "\n".join([messages.text("evidence.cli.redrawn", n=done["redrawn"])]
                                       + ["  " + messages.text("evidence.cli.not_shown", sha=r["sha256"], error=r["error"])
                                          for r in done["refused"]]))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        result = service.verify(ws, args.inspection_id)
    bad = result["missing"] + result["altered"]
    emit(args, result, lambda: "\n".join(
        [messages.text("evidence.cli.checked", checked=result["checked"], ok=result["ok"],
                       missing=len(result["missing"]), altered=len(result["altered"]))]
        + [f"  {_status_word(p['status'])} {p['sha256']} "
           + ", ".join(e["original_name"] for e in p["evidence"]) for p in bad]))
    return 1 if bad else 0


def cmd_remove(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        removed = service.remove(ws, args.evidence_id, args.reason)
    emit(args, removed, messages.text("evidence.cli.removed", name=removed["original_name"], reason=removed["reason"]))
    return 0


def cmd_caption(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        done = handling.set_caption(ws, args.evidence_id, args.text)
    emit(args, done, messages.text("evidence.cli.caption", caption=done["caption"] or "—"))
    return 0


def cmd_markup(args: argparse.Namespace) -> int:
    shapes = _shapes(args)
    with open_workspace(args) as ws:
        done = markup.save(ws, args.evidence_id, shapes)
    emit(args, done, messages.text("evidence.cli.marked", sha=done["sha256"], original=done["original_sha256"]))
    return 0


def _shapes(args: argparse.Namespace) -> list:
    if args.shapes is not None:
        try:
            return json.loads(args.shapes.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise BadInput("evidence.shapes_unreadable", path=args.shapes, detail=exc) from exc
    shapes: list = []
    for option, kind, count in (("--arrow", "arrow", 4), ("--circle", "circle", 3), ("--text", "text", 3)):
        for value in getattr(args, option[2:]):
            parts = value.split(",", 2 if kind == "text" else count)
            try:
                numbers = [float(p) for p in (parts[:2] if kind == "text" else parts)]
            except ValueError as exc:
                raise BadInput("evidence.shape_values", option=option, value=value, count=count) from exc
            if len(parts) != count:
                raise BadInput("evidence.shape_values", option=option, value=value, count=count)
            if kind == "arrow":
                shapes.append({"type": kind, "from": numbers[:2], "to": numbers[2:]})
            elif kind == "circle":
                shapes.append({"type": kind, "center": numbers[:2], "radius": numbers[2]})
            else:
                shapes.append({"type": kind, "at": numbers, "text": parts[2]})
    return shapes


def cmd_removed(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        service.rows.inspection_status(ws.db, args.inspection_id)  # NotFound for an unknown inspection
        items = handling.removals(ws.db, args.inspection_id)
    emit(args, items, lambda: table(
        ((i["removed_at"][:19], i["original_name"], i["reason"], (i["restored_at"] or "")[:19]) for i in items),
        ("evidence.col.removed_at", "cli.col.file", "evidence.col.reason", "evidence.col.restored")))
    return 0


def cmd_undo_import(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        done = handling.undo_import(ws, args.inspection_id)
    emit(args, done, messages.text("evidence.cli.import_undone", n=len(done["removed"])))
    return 0


def cmd_undo_remove(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        done = handling.undo_removal(ws, args.inspection_id)
    emit(args, done, messages.text("evidence.cli.restored", names=", ".join(r["original_name"] for r in done["restored"])))
    return 0


def cmd_seal(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        result = seal.seal(ws, args.id)
    emit(args, result, messages.text("evidence.cli.sealed", id=args.id, hash=result["seal_hash"], n=result["evidence"]))
    return 0


def cmd_seal_verify(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        result = seal.verify_seal(ws, args.id)
    emit(args, result, lambda: messages.text("evidence.cli.seal_intact", hash=result["seal_hash"]) if result["ok"] else
         messages.text("evidence.cli.seal_broken") + "\n" + "\n".join(f"  {p}" for p in result["problems"]))
    return 0 if result["ok"] else 1


def cmd_amend(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        new_id = seal.amend(ws, args.id)
    emit(args, {"id": new_id, "amends_id": args.id}, messages.text("evidence.cli.amendment", id=new_id, amends=args.id))
    return 0
