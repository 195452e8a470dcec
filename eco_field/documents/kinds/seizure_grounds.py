"""Which measure (查封 or 扣押) a case took and on which ground: the catalog's grant (查封扣押办法第四条 with its
item) or the item the officer stated in the note of the `seized` event (「第四条第四项」). Shared by the
seizure decision, its extension notice and its release decision."""

from __future__ import annotations

import re
from typing import Any

from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds import provisions
from eco_field.documents.kinds.common import Source
from eco_field.errors import BadInput

CN_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6"}
ITEM = re.compile(r"第四条第?([一二三四五六1-6])项")


def measure_of(note: str) -> str:
    """查封 or 扣押, named alone in the event note; both or neither is refused."""
    sealed, seized = "查封" in note, "扣押" in note
    if sealed == seized:
        raise BadInput("kinds.seizure_measure")
    return "查封" if sealed else "扣押"


def stated_item(note: str) -> str | None:
    found = ITEM.search(note or "")
    return CN_DIGITS.get(found.group(1), found.group(1)) if found else None


def ground(src: Source, rec: dict[str, Any]) -> dict[str, Any]:
    """{measure, item, item_text, basis, on (date), granted_by ('catalog'|'officer'), note}; refused without one."""
    rows = facts.event_rows(src, "seized")
    event = rows[-1] if rows else None
    if event is None:
        raise BadInput("kinds.missing_event", case=rec["case"]["id"], event="seized（实施查封、扣押）",
                       why="record the day the measure was taken and name it (查封 or 扣押) in the note")
    # this measure's own event as recorded up to the issue (a later seizure of the case is another round's,
    # law/rounds.py); the engine's facts only for an event recorded without its data
    known = event.get("data") or {}
    if not known.get("measure"):
        known = (facts.law_facts(src) or {}).get("seizure") or {}
    measure = known.get("measure") if known.get("measure") in ("查封", "扣押") else measure_of(event["note"])
    item = str(known["ground_item"]) if known.get("ground_item") else stated_item(event["note"])
    granted_by = "officer"
    if item is None:
        granted = [m for v in rec["violations"] for m in v["entry"].get("measures", [])
                   if "查封" in m.get("measure", "") and m.get("item")]
        if not granted:
            raise BadInput("kinds.seizure_ground", case=rec["case"]["id"])
        item, granted_by = str(granted[0]["item"]), "catalog"
    # the items are those of 第四条第一款 (its second paragraph says which items oblige the bureau); format 2 and
    # before cited 「第四条第四项」
    item_citation = provisions.citation("查扣办法4", item) if src.record_format < 3 else \
        f"{provisions.citation('查扣办法4')}第一款第{provisions.cn_item(item)}项"
    basis = f"{provisions.citation('环保法25')}、{item_citation}"
    return {"measure": measure, "item": item, "item_text": provisions.item_text("查扣办法4", item), "basis": basis,
            "on": event["date"], "granted_by": granted_by, "note": event["note"]}
