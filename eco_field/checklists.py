"""Inspection checklists per industry (resources/checklists/*.json), and the answers an officer records.

A checklist for an industry is the procedure items (PROC), the general items (GEN) and the industry's own
items, in that order. Answers are stored in the inspection's checklist as
{"industry": code, "items": {item_id: {"answer": "compliant", "note": "..."}}}.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from eco_field.errors import BadInput
from eco_field.industries import INDUSTRIES
from eco_field.paths import RESOURCES_DIR

CHECKLIST_DIR = RESOURCES_DIR / "checklists"

# answer code -> label; "unchecked" is what an item without an answer means
ANSWERS: dict[str, str] = {
    "compliant": "符合",
    "non_compliant": "不符合",
    "not_applicable": "不适用",
    "unchecked": "未查",
}


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    section: str
    text: str
    basis: str
    inferred: bool = False


@cache
def _load(name: str, folder: Path = CHECKLIST_DIR) -> tuple[ChecklistItem, ...]:
    path = folder / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return tuple(ChecklistItem(id=i["id"], section=i["section"], text=i["text"], basis=i.get("basis", ""),
                                   inferred=bool(i.get("inferred", False))) for i in data["items"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BadInput("checklist.unreadable", path=path, detail=exc) from exc


def items_for(industry: str) -> list[ChecklistItem]:
    """Procedure + general + industry items (general alone for an unknown or empty industry)."""
    code = industry if industry in INDUSTRIES else "general"
    items = list(_load("procedure")) + list(_load("general"))
    if code != "general":
        items += list(_load(code))
    return items


def answers_of(checklist: dict[str, Any]) -> dict[str, dict[str, str]]:
    """The per-item answers in an inspection's stored checklist (empty when none)."""
    items = checklist.get("items", {}) if isinstance(checklist, dict) else {}
    return {str(k): {"answer": str(v.get("answer", "unchecked")), "note": str(v.get("note", ""))}
            for k, v in items.items() if isinstance(v, dict)}


def answer(checklist: dict[str, Any], industry: str, item_id: str, value: str, note: str = "") -> dict[str, Any]:
    """A new checklist dict with one item answered (the input is not modified)."""
    if value not in ANSWERS:
        raise BadInput("checklist.bad_answer", value=value, answers=", ".join(ANSWERS))
    items = answers_of(checklist)
    items[item_id] = {"answer": value, "note": note}
    return {"industry": industry, "items": items}


def summary(checklist: dict[str, Any], industry: str) -> dict[str, int]:
    """How many items have each answer (unanswered items count as unchecked)."""
    given = answers_of(checklist)
    counts = dict.fromkeys(ANSWERS, 0)
    for item in items_for(industry):
        counts[given.get(item.id, {}).get("answer", "unchecked")] += 1
    return counts


def non_compliant(checklist: dict[str, Any], industry: str) -> list[tuple[ChecklistItem, str]]:
    """Items answered 不符合 with their notes: the starting points of findings."""
    given = answers_of(checklist)
    return [(item, given[item.id]["note"]) for item in items_for(industry)
            if given.get(item.id, {}).get("answer") == "non_compliant"]
