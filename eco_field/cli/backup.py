"""`eco-field backup -o FILE` and `eco-field restore FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from eco_field import backup, messages
from eco_field.cli.output import Progress, add_json_flag, emit, open_workspace, output_file
from eco_field.paths import resolve_data_dir

ORDER = 90


def register(commands) -> None:
    p = commands.command("backup", cmd_backup, "write a backup (database + evidence originals) to one zip file")
    p.add_argument("-o", "--output", required=True, type=Path)
    add_json_flag(p)
    p = commands.command("restore", cmd_restore, "restore a backup into the data folder")
    p.add_argument("file", type=Path)
    p.add_argument("--force", action="store_true", help="replace an existing database")
    add_json_flag(p)


def cmd_backup(args: argparse.Namespace) -> int:
    output_file(args.output)
    progress = Progress("backup")
    with open_workspace(args) as ws:
        manifest = backup.backup(ws, args.output, progress=lambda done, total: progress.advance(1))
    progress.finish()
    summary = {"file": str(args.output), "files": len(manifest["files"]), "created_at": manifest["created_at"]}
    emit(args, summary, messages.text("backup.written", path=args.output, files=summary["files"]))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    result = backup.restore(args.file, resolve_data_dir(getattr(args, "data_dir", None)), force=args.force)
    emit(args, result, messages.text("backup.restored", files=result["files"], path=result["restored_to"]))
    return 0
