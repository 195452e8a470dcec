"""What is still missing before an inspection is sealed: the officer is told, and asked once more.

Sealing with gaps is allowed (a site visit can end early; the party can refuse to sign), so these are
warnings, not refusals; the GUI lists them in the seal confirmation and the CLI prints them.
"""

from __future__ import annotations

import json

import sqlite_utils

from eco_field import checklists
from eco_field.messages import Message

SHOWN_ITEMS = 5  # unchecked items named one by one; the rest are counted


def missing_before_seal(db: sqlite_utils.Database, inspection_id: str) -> list[Message]:
    """Each gap as a message: unchecked checklist items, no end time, flagged photos unexplained, no signature."""
    row = db.execute("SELECT i.ended_at, i.checklist_json, e.industry FROM inspections i"
                     " JOIN enterprises e ON e.id = i.enterprise_id WHERE i.id = ?", [inspection_id]).fetchone()
    if row is None:
        return []
    ended_at, checklist_json, industry = row
    gaps: list[Message] = []
    checklist = json.loads(checklist_json or "{}")
    given = checklists.answers_of(checklist)
    unchecked = [item for item in checklists.items_for(checklist.get("industry") or industry)
                 if given.get(item.id, {}).get("answer", "unchecked") == "unchecked"]
    if unchecked:
        named = "；".join(f"{item.id} {_short(item.text)}" for item in unchecked[:SHOWN_ITEMS])
        more = len(unchecked) - SHOWN_ITEMS
        gaps.append(Message("seal.missing.unchecked", {"n": len(unchecked), "items": named})
                    if more <= 0 else Message("seal.missing.unchecked_more",
                                              {"n": len(unchecked), "items": named, "more": more}))
    if not ended_at:
        gaps.append(Message("seal.missing.end_time"))
    unexplained = _flagged_without_caption(db, inspection_id)
    if unexplained:
        gaps.append(Message("seal.missing.photo_explanation", {"n": len(unexplained),
                                                                 "names": "、".join(unexplained[:SHOWN_ITEMS])}))
    signed = db.execute("SELECT count(*) FROM evidence WHERE inspection_id = ? AND kind = 'signature'",
                        [inspection_id]).fetchone()[0]
    if not signed:
        gaps.append(Message("seal.missing.party_signature"))
    return gaps


def _flagged_without_caption(db: sqlite_utils.Database, inspection_id: str) -> list[str]:
    """Photos the checks flagged whose caption (证明事项) says nothing about them."""
    has_caption = "caption" in {c.name for c in db["evidence"].columns}
    caption = "e.caption" if has_caption else "''"
    rows = db.execute(f"SELECT e.original_name, c.flags_json, {caption} FROM evidence e"
                      " JOIN evidence_checks c ON c.evidence_id = e.id"
                      " WHERE e.inspection_id = ? AND e.kind = 'photo' ORDER BY e.original_name", [inspection_id])
    return [name or "" for name, flags, text in rows if json.loads(flags or "[]") and not (text or "").strip()]


def _short(text: str, length: int = 18) -> str:
    return text if len(text) <= length else text[:length] + "…"
