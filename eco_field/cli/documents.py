"""Document commands: `documents render|list|verify|sign|fonts` and the number blocks, `numbers add-block|list|void|
set-code`. ReportLab is imported only when a command runs (the GUI and --help stay light)."""

from __future__ import annotations

import argparse

from eco_field.cli.output import add_json_flag, emit, open_workspace, table
from eco_field.documents.kinds import MODULES  # names only; ReportLab is not imported
from eco_field.errors import BadInput
from eco_field.messages import has, text

ORDER = 60
KINDS = tuple(MODULES)


def register(commands) -> None:
    doc = commands.group("documents", "enforcement documents (执法文书) as PDF")
    p = commands.command("render", cmd_render, "issue a document: number it, render the PDF, keep it"
                         " (--draft: a numberless 草稿 that stores nothing)", parent=doc)
    p.add_argument("kind", choices=KINDS)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--inspection", help="inspection id")
    source.add_argument("--case", help="case id")
    p.add_argument("-o", "--output", help="also write the PDF here (a draft: write it here, else to the cache)")
    p.add_argument("--draft", action="store_true", help="render without a number, 草稿 on every page; store nothing")
    p.add_argument("--reason", default="", help="why an earlier document of this kind for the record is replaced"
                                               " (it is voided, 作废)")
    p.add_argument("--date", help="its date of issue (落款日期), YYYY-MM-DD, for a document recorded after the fact"
                                  " (default today; never in the future, nor before its step allows)")
    add_json_flag(p)
    p = commands.command("list", cmd_list, "documents issued on this device (current: the one in force)",
                         parent=doc)
    add_json_flag(p)
    p = commands.command("verify", cmd_verify, "is this PDF, byte for byte, a version that was issued?"
                         " (exit 0 only then; 1 otherwise, with the record's facts)", parent=doc)
    p.add_argument("file")
    add_json_flag(p)
    p = commands.command("sign", cmd_sign, "place a signature in an issued document (a new version of it)",
                         parent=doc)
    p.add_argument("number", help="the document's number (文号) or id")
    p.add_argument("--role", required=True, choices=("party", "officer", "witness"),
                   help="party 当事人, officer 执法人员, witness 见证人")
    p.add_argument("--name", required=True, help="the signer's name (an officer: as printed on the document)")
    p.add_argument("--image", required=True, help="the signature as an image (PNG), strokes on white")
    p.add_argument("--date", help="the date written beside it, YYYY-MM-DD (default today)")
    add_json_flag(p)
    p = commands.command("fonts", cmd_fonts, "the fonts documents are set in (--set PATH to configure)",
                         parent=doc)
    p.add_argument("--set", metavar="PATH", help="a CJK TrueType font (.ttf/.ttc; PATH#N for subfont N of a "
                   ".ttc) set first in the chain; '' for the shipped fonts. Applies at the next render, also "
                   "in a running app")
    p.add_argument("--check", metavar="TEXT", help="name the font that draws each character of TEXT "
                   "(exit 2 naming the characters no font has)")
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
        if args.draft:  # without -o the draft goes to the cache (cache/drafts), which may be cleared
            result = service.render_draft(ws, args.kind, inspection_id=args.inspection, case_id=args.case,
                                          out_path=args.output)
        else:
            result = service.issue(ws, args.kind, inspection_id=args.inspection, case_id=args.case,
                                   out_path=args.output, reason=args.reason, issued_on=args.date)
    if args.draft:
        still = result["missing_settings"]
        emit(args, result, text("documents.draft_written", pdf=result["pdf"], pages=result["pages"])
             + ("\n" + text("documents.draft_settings_missing", names="、".join(still)) if still else ""))
        return 0
    voided = "".join("\n" + text("documents.superseded", old=n, number=result["number"])
                     for n in result["superseded"])
    emit(args, result, text("documents.issued", number=result["number"], pdf=result["pdf"], pages=result["pages"],
                            sha=result["sha256"][:16]) + voided)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from eco_field.documents import service

    with open_workspace(args) as ws:
        items = service.list_documents(ws.db)
    for item in items:
        item["case"], item["sha256"] = item["case_id"], item["pdf_sha256"]
    emit(args, items, lambda: table(((d["number"], d["kind"], d["case_id"] or "", _status(d["status"]),
                                      text("documents.current" if d["current"] else "documents.void"),
                                      d["version"], text("documents.has_signature") if d["signed"] else "",
                                      d["pdf_sha256"][:16]) for d in items),
                                    ("documents.col_number", "documents.col_kind", "documents.col_case",
                                     "documents.col_status", "documents.col_current", "documents.col_version",
                                     "documents.col_signed", "documents.col_sha")))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from eco_field.documents import service, verification

    with open_workspace(args) as ws:
        result = service.verify_pdf(ws, args.file)
    emit(args, result, verification.text_report(result))
    return 0 if result["matches"] else 1


def cmd_sign(args: argparse.Namespace) -> int:
    from pathlib import Path

    from eco_field.documents import service

    image = Path(args.image)
    if not image.is_file():
        raise BadInput("documents.no_image", path=image)
    with open_workspace(args) as ws:
        result = service.sign(ws, args.number, args.role, args.name, image, args.date)
    emit(args, result, text("documents.signed", number=result["number"], name=result["name"],
                            version=result["version"], pages="、".join(str(p) for p in result["pages_signed"]),
                            sha=result["pdf_sha256"][:16], previous=result["previous_sha256"][:16]))
    return 0


def cmd_fonts(args: argparse.Namespace) -> int:
    from eco_field.documents import fonts as doc_fonts
    from eco_field.store import settings
    from eco_field.store.database import write_transaction

    with open_workspace(args) as ws:
        if args.set is not None:
            spec = args.set.strip()
            if spec:  # stored absolute: the app and other shells read it from any folder
                path, subfont = doc_fonts.parse_spec(spec)
                spec = str(path.resolve()) + (f"#{subfont}" if subfont else "")
            doc_fonts.font_set(spec)  # refuse a font that cannot be embedded before storing it
            with write_transaction(ws.db):
                settings.put(ws.db, doc_fonts.FONT_SETTING, spec)
        chain = doc_fonts.font_set(settings.get(ws.db, doc_fonts.FONT_SETTING))
    result = {"main": chain.paths[0], "fallbacks": chain.paths[1:], "system_fonts": doc_fonts.system_source()}
    lines = [text("documents.font_main", path=chain.paths[0]),
             *(text("documents.font_fallback", path=p) for p in chain.paths[1:]),
             text("documents.font_system", source=result["system_fonts"])]
    if args.check:
        found = [{"char": c, "font": doc_fonts.font_file(chain.font_for(c))} for c in dict.fromkeys(args.check)
                 if c not in doc_fonts.WHITESPACE]
        result["characters"] = found
        lines += [f"{f['char']}  U+{ord(f['char']):04X}  {f['font'] or text('documents.font_none')}" for f in found]
        if any(f["font"] is None for f in found):
            chain.missing.update(f["char"] for f in found if f["font"] is None)
            chain.refuse_missing()
    emit(args, result, "\n".join(lines))
    return 0


def cmd_add_block(args: argparse.Namespace) -> int:
    from eco_field.documents import numbering

    with open_workspace(args) as ws:
        block = numbering.add_block(ws.db, args.kind, args.year, args.start, args.end)
    emit(args, block.to_dict(), text("numbers.block_added", kind=block.kind, year=block.year, start=block.start,
                                     end=block.end, remaining=block.remaining))
    return 0


def cmd_numbers_list(args: argparse.Namespace) -> int:
    from eco_field.documents import numbering

    with open_workspace(args) as ws:
        blocks = [b.to_dict() for b in numbering.list_blocks(ws.db, args.kind)]
        used = numbering.list_numbers(ws.db, args.kind)
    emit(args, {"blocks": blocks, "numbers": used}, lambda: table(
        ((b["kind"], b["year"], f"{b['start']}-{b['end']}", b["next"], b["remaining"],
          _term("numbers.source_", b["source"])) for b in blocks),
        ("numbers.col_kind", "numbers.col_year", "numbers.col_block", "numbers.col_next", "numbers.col_free",
         "numbers.col_source")) + "\n\n" + table(
        ((n["number"], _status(n["status"]), n["reason"]) for n in used),
        ("numbers.col_number", "numbers.col_status", "numbers.col_reason")))
    return 0


def cmd_void(args: argparse.Namespace) -> int:
    from eco_field.documents import numbering

    with open_workspace(args) as ws:
        if args.number:
            kind, year, serial = numbering.find_number(ws.db, args.number)
        elif args.kind and args.year and args.serial:
            kind, year, serial = args.kind, args.year, args.serial
        else:
            raise BadInput("numbers.void_what")
        number = numbering.void(ws.db, kind, year, serial, args.reason)
    emit(args, {"number": number, "status": "void", "reason": args.reason}, text("numbers.voided", number=number))
    return 0


def cmd_set_code(args: argparse.Namespace) -> int:
    from eco_field.documents import numbering

    with open_workspace(args) as ws:
        numbering.set_kind_code(ws.db, args.kind, args.code)
    return 0


def _term(prefix: str, value: str) -> str:
    """A stored value (a status, a source) as the user reads it; an unknown one as it is."""
    return text(prefix + value) if has(prefix + value) else value


def _status(status: str) -> str:
    return _term("numbers.status_", status)
