"""`eco-field cases export CASE_ID -o case.zip` and `eco-field verify-export case.zip`."""

from __future__ import annotations

import argparse
from pathlib import Path

from eco_field import messages
from eco_field.cli.output import add_json_flag, emit, open_workspace, output_file

ORDER = 60


def register(commands) -> None:
    cases = commands.group("cases", "penalty cases and their deadlines")
    p = commands.command("export", cmd_export, "write the case file: documents, originals, manifest, audit entries",
                         parent=cases)
    p.add_argument("case_id")
    p.add_argument("-o", "--output", required=True, type=Path)
    add_json_flag(p)
    p = commands.command("verify-export", cmd_verify, "check a case file without the database (exit 1 on a mismatch)")
    p.add_argument("file", type=Path)
    p.add_argument("--extract", type=Path, help="after a clean check, extract into this empty folder")
    add_json_flag(p)


def cmd_export(args: argparse.Namespace) -> int:
    from eco_field.casefile.export import export_case

    output_file(args.output)
    with open_workspace(args) as ws:
        manifest = export_case(ws, args.case_id, args.output)
    summary = {"file": str(args.output), "case_id": args.case_id, "files": len(manifest["files"]),
               "audit_entries": len(manifest["audit"])}
    emit(args, summary, messages.text("casefile.written", path=args.output, files=summary["files"],
                                      audit=summary["audit_entries"]))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from eco_field.casefile.verify import verify_export

    report = verify_export(args.file, args.extract)
    emit(args, report, lambda: messages.text("casefile.intact") if report["ok"] else messages.text("casefile.broken")
         + "\n  " + "\n  ".join(report["problems"]))
    return 0 if report["ok"] else 1
