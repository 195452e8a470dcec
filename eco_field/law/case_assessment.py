"""The fine for a whole case: each violation assessed on its own, then added up (分别裁量，合并处罚), except
that overlapping provisions for one act are fined once, at the higher amount (《行政处罚法》 art. 29)."""

from __future__ import annotations

from pathlib import Path

from eco_field.law.catalog import CatalogEntry
from eco_field.law.discretion import Assessment, suggest
from eco_field.law.readings_facts import LABELS, SCREENING

ART29 = "《中华人民共和国行政处罚法》第二十九条"


def assess_violations(entries: list[CatalogEntry], factors: dict[str, str], investment: float | None,
                      disposal_cost: float | None, occurrences: int, data_dir: Path | None,
                      known: dict[str, str] | None = None, notes: list[str] | None = None) -> Assessment:
    """known: facts from the records (readings, earlier cases); what the officer gives wins over them."""
    known = {k: v for k, v in (known or {}).items() if k not in factors}
    parts = [suggest(e, {**known, **factors}, investment, disposal_cost, occurrences, data_dir=data_dir)
             for e in entries]
    preface = _preface(known, notes or [])
    for part in parts:
        part.inputs["known_facts"] = dict(known)
        if preface:
            part.rationale = f"{preface}\n{part.rationale}"
    if len(parts) == 1:
        return parts[0]
    absorbed = _absorbed(entries, parts)
    counted = [p for i, p in enumerate(parts) if i not in absorbed]
    amount = sum(p.amount for p in counted)
    lines = []
    for i, (entry, part) in enumerate(zip(entries, parts, strict=True), 1):
        lines.append(f"【违法行为{i}】{entry.id}")
        lines.append(part.rationale)
        if i - 1 in absorbed:
            lines.append(f"（与同一违法行为的其他规定竞合，依照{ART29}按罚款数额高的规定处罚，本项罚款不另计。）")
    lines.append(f"合计建议罚款：人民币{amount}元。")
    formula = " + ".join(f"{p.amount}" for p in counted) + f" = {amount}元（分别裁量，合并处罚）"
    grounds = [p.legal_ground for p in parts if p.legal_ground]
    return Assessment(
        catalog_id=",".join(e.id for e in entries), amount=amount, min=sum(p.min for p in counted),
        max=sum(p.max for p in counted), formula=formula, rationale="\n".join(lines),
        law="、".join(dict.fromkeys(e.law for e in entries)), article="；".join(e.citation for e in entries),
        citation="；".join(e.citation for e in entries), factors=dict(parts[0].factors),
        treatment=parts[0].treatment, decision="fine" if amount > 0 else "no_penalty",
        legal_ground="；".join(dict.fromkeys(grounds)) or None, parts=parts)


def _preface(known: dict[str, str], notes: list[str]) -> str:
    lines = [f"{note}。" for note in notes]
    measured = "；".join(f"{LABELS[k]}{v}" for k, v in known.items() if k in LABELS)
    if measured:
        lines.insert(0, f"{SCREENING}：{measured}。")
    return "\n".join(lines)


def _absorbed(entries: list[CatalogEntry], parts: list[Assessment]) -> set[int]:
    """Indexes of violations that overlap a higher-fined one for the same act (art. 29)."""
    out: set[int] = set()
    for i, entry in enumerate(entries):
        for j, other in enumerate(entries):
            if i == j or j in out or other.id not in entry.overlaps:
                continue
            if (parts[i].amount, -i) < (parts[j].amount, -j):
                out.add(i)
    return out
