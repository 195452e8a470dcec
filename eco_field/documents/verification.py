"""Is this PDF a document that was issued? One verdict for the laptop (`documents verify`) and the bureau
(`bureau documents verify`): only a file whose SHA-256 is one kept on record for a version of the document
passes. A file carrying a genuine number, QR code or metadata but other bytes is identified, reported as
not the issued file, and answered with the record's facts so a paper or scanned copy can be compared by eye.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from eco_field.documents import qr
from eco_field.documents.signature_cells import ROLES
from eco_field.errors import BadInput

DRAFT_PREFIX = "ECOFIELD-DRAFT/1"
# A file whose SHA-256 matched no version is parsed for the number it carries only up to this size: issued
# documents are well under 1 MB and a scanned copy a few tens of MB; pypdf takes a minute per 300 MB of junk.
MAX_PARSE_BYTES = 64 * 2**20


def draft_keywords(kind: str, record_sha256: str) -> str:
    return f"{DRAFT_PREFIX}|{kind}|{record_sha256}"


def verdict(file_sha: str, carried: tuple[str, str] | None, doc: dict[str, Any], versions: list[dict[str, Any]],
            *, current_record_sha: str | None, record_problem: str = "") -> dict[str, Any]:
    """doc: number, kind, status, issued_at, inspection_id, case_id, record_sha256, pages, version, void_reason,
    superseded_by, facts, signatures. versions: pdf_sha256, version, pages, signatures of each version kept.
    carried: (number, record hash) the file carries, None when it carries none readable.
    current_record_sha: the record gathered again (the laptop), or None where it cannot be (the bureau)."""
    matched = next((v for v in versions if v["pdf_sha256"] == file_sha), None)
    issued_file_match = matched is not None
    record_match = issued_file_match or (carried is not None and carried == (doc["number"], doc["record_sha256"]))
    record_still = record_match if current_record_sha is None else (
        record_match and current_record_sha == doc["record_sha256"])
    latest = max((v["version"] for v in versions), default=1)
    shown = matched or next((v for v in versions if v["version"] == latest), {})
    problems = []
    if not issued_file_match:
        problems.append("不是签发的文件：其 SHA-256 与本文书任何一版签发文件都不一致（文件被改动、另存或伪造）"
                        if record_match else "不是签发的文件，所载文号或记录哈希也与记录不符")
    if record_problem:
        problems.append(record_problem)
    elif record_match and not record_still:
        problems.append("文书据以制作的记录在签发后已被更改")
    if doc["status"] != "issued":
        problems.append(f"文书 {doc['number']} 已作废" + (f"（{doc['void_reason']}）" if doc.get("void_reason") else ""))
    if issued_file_match and matched["version"] < latest:
        problems.append(f"此为第 {matched['version']} 版；现行为第 {latest} 版（其后又有签名）")
    signatures = shown.get("signatures") or doc.get("signatures") or []
    return {
        "number": doc["number"], "kind": doc["kind"], "status": doc["status"], "issued_at": doc["issued_at"],
        "inspection_id": doc.get("inspection_id"), "case_id": doc.get("case_id"),
        "record_sha256": carried[1] if carried else doc["record_sha256"],
        "current_record_sha256": current_record_sha, "record_matches": record_still,
        "pdf_sha256": file_sha, "pdf_matches_issued": issued_file_match,
        "issued_file_match": issued_file_match, "record_match": record_match,
        "matches": issued_file_match and record_still and doc["status"] == "issued" and not record_problem,
        "version": matched["version"] if matched else None, "current_version": latest,
        "pages": shown.get("pages", doc.get("pages")), "signed": bool(signatures),
        "signatures": [{**s, "role_label": ROLES.get(s.get("role", ""), s.get("role", ""))} for s in signatures],
        "current": doc["status"] == "issued", "void_reason": doc.get("void_reason", ""),
        "superseded_by": doc.get("superseded_by"), "facts": doc.get("facts") or {},
        "problem": "；".join(problems),
    }


def draft_result(path: Path, file_sha: str) -> dict[str, Any]:
    return {"number": None, "kind": None, "status": "draft", "draft": True, "pdf_sha256": file_sha,
            "issued_file_match": False, "record_match": False, "record_matches": False, "pdf_matches_issued": False,
            "matches": False, "problem": f"{path.name} 是草稿，没有文号，从未签发"}


def read_carried(path: Path) -> tuple[str, str] | None | str:
    """(number, record hash) from the PDF's metadata or its first page's QR code; "draft" for a draft;
    BadInput when the file is no readable PDF or carries neither."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not path.is_file():
        raise BadInput("os.not_found", path=path)
    with path.open("rb") as stream:  # a file that is no PDF at all is told at once, not after a parse of it all
        if b"%PDF-" not in stream.read(1024):
            raise BadInput("documents.not_pdf", path=path)
    size = path.stat().st_size
    if size > MAX_PARSE_BYTES:  # its hash matched no version; parsing it for a number would take minutes
        raise BadInput("documents.too_large_to_read", path=path, mb=size // 2**20, limit=MAX_PARSE_BYTES // 2**20)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on a foreign file would clutter stderr
    try:
        meta = PdfReader(path).metadata or {}
    except (PdfReadError, OSError, ValueError) as exc:
        raise BadInput("documents.not_pdf", path=path) from exc  # the parser's own words are English
    keywords = str(meta.get("/Keywords", ""))
    if keywords.startswith(DRAFT_PREFIX):
        return "draft"
    parsed = qr.parse(keywords) or payload_from_qr_code(path)
    if parsed is None:
        raise BadInput("documents.not_ours", path=path)
    return parsed


def payload_from_qr_code(path: Path) -> tuple[str, str] | None:
    """Decode the QR code of page 1 (a scan, or a copy whose metadata was stripped); None when no EcoField
    code is found. PDFium (pypdfium2) draws the page and zxing-cpp reads the code: both are wheels from pip,
    dependencies of the application, so an installed laptop (Windows has no poppler) verifies the same way."""
    import pypdfium2  # imported here: only a file without readable metadata needs them
    import zxingcpp

    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError:  # a file PDFium cannot read carries no code we can find
        return None
    try:
        if len(document) == 0:
            return None
        image = document[0].render(scale=200 / 72).to_pil()
    finally:
        document.close()
    codes = zxingcpp.read_barcodes(image)
    return next((found for code in codes if (found := qr.parse(code.text))), None)


def text_report(result: dict[str, Any]) -> str:
    """The CLI's answer: the verdict, then the record's facts."""
    from eco_field.documents import facts

    if result.get("draft"):
        return f"不是签发文书：{result['problem']}"
    if result["matches"]:
        head = (f"{result['number']}：与签发文件逐字节一致（第 {result['version']} 版，"
                f"SHA-256 {result['pdf_sha256'][:16]}…）" + (f"；{result['problem']}" if result["problem"] else ""))
    elif result["issued_file_match"]:
        head = f"{result['number']}：是签发的文件，但{result['problem']}"
    else:
        head = f"{result['number']}：{result['problem']}。以下为记录所载，请与纸质或扫描件逐项核对："
    return "\n".join([head, *("　" + line for line in facts.describe(result))])
