"""Document commands: `documents render|list|verify|fonts` and the number blocks, `numbers add-block|list|void|
set-code`. ReportLab is imported only when a command runs (the GUI and --help stay light)."""

from __future__ import annotations

import argparse

from eco_field.cli.output import add_json_flag, emit, open_workspace, table
from eco_field.errors import BadInput

ORDER = 60
KINDS = ("inspection-record", "interview-record", "rectification-order", "penalty-notice", "penalty-decision",
         "seizure-decision", "daily-penalty-decision", "service-receipt", "photo-evidence", "readings-report")


def register(commands) -> None:
    doc = commands.group("documents", "enforcement documents (执法文书) as PDF")
    p = commands.command("render", cmd_render, "issue a document: number it, render the PDF, keep it", parent=doc)
    p.add_argument("kind", choices=KINDS)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--inspection", help="inspection id")
    source.add_argument("--case", help="case id")
    p.add_argument("-o", "--output", help="also write the PDF here")
    add_json_flag(p)
    p = commands.command("list", cmd_list, "documents issued on this device", parent=doc)
    add_json_flag(p)
    p = commands.command("verify", cmd_verify, "does this PDF still match its record? (exit 1 if not)", parent=doc)
    p.add_argument("file")
    add_json_flag(p)
    p = commands.command("fonts", cmd_fonts, "the fonts documents are set in (--set PATH to configure)",
                         parent=doc)
    p.add_argument("--set", metavar="PATH", help="a CJK TrueType font (.ttf/.ttc); '' for automatic")
    add_json_flag(p)

    num = commands.group("numbers", "document number blocks (文号) reserved for this device")
    p = commands.command("add-block", cmd_add_block, "enter a block of serials for one kind and year", parent=num)
    p.add_argument("--kind", required=True, choices=KINDS)
    p.add_argument("--year", required=True, type=int)
    p.add_argument("--start", required=True, type=int)
    p.add_argument("--end", required=True, type=int)
    add_json_flag(p)
    p = commands.command("list", cmd_numbers_list, "blocks with what is left, and numbers issued or void",
                         parent=num)
    p.add_argument("--kind", choices=KINDS)
    add_json_flag(p)
    p = commands.command("void", cmd_void, "record a number as void (issued or not yet used)", parent=num)
    p.add_argument("number", nargs="?", help="the printed number, e.g. 吕环罚〔2026〕12号")
    p.add_argument("--kind", choices=KINDS)
    p.add_argument("--year", type=int)
    p.add_argument("--serial", type=int)
    p.add_argument("--reason", required=True)
    add_json_flag(p)
    p = commands.command("set-code", cmd_set_code, "set the 文种代字 of a kind (e.g. 罚)", parent=num)
    p.add_argument("kind", choices=KINDS)
    p.add_argument("code")


def cmd_render(args: argparse.Namespace) -> int:
    from eco_field.documents import service

    with open_workspace(args) as ws:
        result = service.render(ws, args.kind, inspection_id=args.inspection, case_id=args.case,
                                out_path=args.output)
    emit(args, result, f"{result['number']} issued: {result['pdf']} ({result['pages']} pages, "
                       f"sha256 {result['sha256'][:16]}…)")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from eco_field.documents import service

    with open_workspace(args) as ws:
        items = service.list_documents(ws.db)
    for item in items:
        item["case"], item["sha256"] = item["case_id"], item["pdf_sha256"]
    emit(args, items, lambda: table(((d["number"], d["kind"], d["case_id"] or "", d["status"],
                                      d["pdf_sha256"][:16]) for d in items),
                                    ("文号", "kind", "case", "status", "pdf sha256")))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from eco_field.documents import service

    with open_workspace(args) as ws:
        result = service.verify_pdf(ws, args.file)
    if result["matches"]:
        text = f"{result['number']}: matches its record (record sha256 {result['record_sha256'][:16]}…)"
        if not result["pdf_matches_issued"]:
            text += "; the PDF file differs from the one issued (re-saved or altered)"
    else:
        text = f"{result['number']}: DOES NOT MATCH — {result['problem']}"
    emit(args, result, text)
    return 0 if result["matches"] else 1


def cmd_fonts(args: argparse.Namespace) -> int:
    from eco_field.documents.fonts import FONT_SETTING, font_set
    from eco_field.store import settings
    from eco_field.store.database import write_transaction

    with open_workspace(args) as ws:
        if args.set is not None:
            font_set(args.set)  # refuse a font that cannot be embedded before storing it
            with write_transaction(ws.db):
                settings.put(ws.db, FONT_SETTING, args.set)
        fonts = font_set(settings.get(ws.db, FONT_SETTING))
    emit(args, {"main": fonts.paths[0], "fallbacks": fonts.paths[1:]},
         "\n".join([f"main: {fonts.paths[0]}", *(f"fallback: {p}" for p in fonts.paths[1:])]))
    return 0


def cmd_add_block(args: argparse.Namespace) -> int:
    from eco_field.documents import numbering

    with open_workspace(args) as ws:
        block = numbering.add_block(ws.db, args.kind, args.year, args.start, args.end)
    emit(args, block.to_dict(), f"block {block.kind} {block.year} {block.start}-{block.end}: "
                                f"{block.remaining} numbers free")
    return 0


def cmd_numbers_list(args: argparse.Namespace) -> int:
    from eco_field.documents import numbering

    with open_workspace(args) as ws:
        blocks = [b.to_dict() for b in numbering.list_blocks(ws.db, args.kind)]
        used = numbering.list_numbers(ws.db, args.kind)
    emit(args, {"blocks": blocks, "numbers": used}, lambda: table(
        ((b["kind"], b["year"], f"{b['start']}-{b['end']}", b["next"], b["remaining"], b["source"]) for b in blocks),
        ("kind", "year", "block", "next", "free", "source")) + "\n\n" + table(
        ((n["number"], n["status"], n["reason"]) for n in used), ("文号", "status", "reason")))
    return 0


def cmd_void(args: argparse.Namespace) -> int:
    from eco_field.documents import numbering

    with open_workspace(args) as ws:
        if args.number:
            kind, year, serial = numbering.find_number(ws.db, args.number)
        elif args.kind and args.year and args.serial:
            kind, year, serial = args.kind, args.year, args.serial
        else:
            raise BadInput("Give the number to void, or --kind, --year and --serial")
        number = numbering.void(ws.db, kind, year, serial, args.reason)
    emit(args, {"number": number, "status": "void", "reason": args.reason}, f"{number} recorded as void")
    return 0


def cmd_set_code(args: argparse.Namespace) -> int:
    from eco_field.documents import numbering

    with open_workspace(args) as ws:
        numbering.set_kind_code(ws.db, args.kind, args.code)
    return 0
