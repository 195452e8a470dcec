"""Sealing: show the officer exactly what will be sealed, then lock it; a sealed record is changed by amendment."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from eco_field import checklists
from eco_field.evidence import seal
from eco_field.seal_readiness import missing_before_seal
from eco_field.store import enterprises
from ui.context import AppContext
from ui.formatting import short_time

SHOWN_FILES = 12


def seal_summary(ctx: AppContext, inspection_id: str) -> str:
    """The canonical record a seal will cover, in words: people, times, checklist, findings, every file."""
    payload = seal.canonical_record(ctx.db, inspection_id)
    rec = payload["inspection"]
    ent = enterprises.get(ctx.db, rec["enterprise_id"])
    counts = checklists.summary(rec["checklist"], rec["checklist"].get("industry") or ent.industry)
    answers = "，".join(f"{label} {counts[code]}" for code, label in checklists.ANSWERS.items())
    files = [f"  · {e['original_name'] or e['sha256'][:12]}（{evidence_kind(e['kind'])}，SHA-256 {e['sha256'][:12]}…）"
             for e in payload["evidence"]]
    if len(files) > SHOWN_FILES:
        files = files[:SHOWN_FILES] + [QCoreApplication.translate("SealFlow", "  · … and {n} more").format(n=len(files) - SHOWN_FILES)]
    gaps = missing_before_seal(ctx.db, inspection_id)
    missing = [QCoreApplication.translate("SealFlow", "Still missing:"), *(f"  · {gap}" for gap in gaps), ""] \
        if gaps else []
    lines = [
        *missing,
        QCoreApplication.translate("SealFlow", "Enterprise: {name}").format(name=ent.name),
        QCoreApplication.translate("SealFlow", "Officers: {certs}").format(certs="、".join(rec["officers"])),
        QCoreApplication.translate("SealFlow", "Time: {start} – {end}").format(start=short_time(rec["started_at"]),
                                           end=short_time(rec["ended_at"]) or QCoreApplication.translate("SealFlow", "not ended")),
        QCoreApplication.translate("SealFlow", "Checklist: {answers}").format(answers=answers),
        QCoreApplication.translate("SealFlow", "Findings: {n}").format(n=len(rec["findings"])),
        QCoreApplication.translate("SealFlow", "Evidence files: {n}").format(n=len(payload["evidence"])), *files, "",
        QCoreApplication.translate("SealFlow", "After sealing the record is read-only; later changes are made as an amendment. Seal now?"),
    ]
    return "\n".join(lines)


def evidence_kind(kind: str) -> str:
    """A stored evidence kind as a word (never the raw id: document/photo/signature ...)."""
    words = {"photo": QCoreApplication.translate("SealFlow", "photo"),
             "document": QCoreApplication.translate("SealFlow", "document"),
             "signature": QCoreApplication.translate("SealFlow", "signature"),
             "reading_source": QCoreApplication.translate("SealFlow", "instrument export"),
             "markup": QCoreApplication.translate("SealFlow", "marked-up copy"),
             "video": QCoreApplication.translate("SealFlow", "video")}
    return words.get(kind, QCoreApplication.translate("SealFlow", "other file"))


def confirm_and_seal(ctx: AppContext, inspection_id: str, on_sealed: Callable[[dict], None]) -> bool:
    """Ask with the summary (what is missing first); when something is missing, ask once more; then seal in
    the background. Returns whether sealing started."""
    title = QCoreApplication.translate("SealFlow", "Seal this inspection")
    if not ctx.dialogs.ask(title, seal_summary(ctx, inspection_id)):
        return False
    gaps = missing_before_seal(ctx.db, inspection_id)
    if gaps and not ctx.dialogs.ask(title, QCoreApplication.translate(
            "SealFlow", "{n} things are still missing (listed above). A sealed record cannot be completed "
            "later, only amended. Seal anyway?").format(n=len(gaps))):
        return False
    ctx.run(lambda ws: seal.seal(ws, inspection_id), on_sealed, announce=("inspection",))
    return True


def start_amendment(ctx: AppContext, inspection_id: str, on_amended: Callable[[str], None]) -> None:
    ctx.run(lambda ws: seal.amend(ws, inspection_id), on_amended, announce=("inspection", "evidence"))
