"""The violation catalog: one entry per violation type, with its article, the quoted text and the fine range.

Data lives in resources/catalog/catalog.json; a catalog pulled from the bureau (<data_dir>/catalog.json)
takes precedence so every device applies the same list.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from eco_field.errors import BadInput, NotFound
from eco_field.law import resource_errors
from eco_field.messages import Message, Term
from eco_field.paths import RESOURCES_DIR

CATALOG_FILE = "catalog.json"
DEFAULT_CATALOG = RESOURCES_DIR / "catalog" / CATALOG_FILE
BASES = {
    "amount": "固定金额",
    "disposal_cost": "所需处置费用的倍数",
    "investment": "建设项目总投资额的百分比",
    "per_occurrence": "按次计罚",
}


@dataclass(frozen=True)
class FineRange:
    """A statutory fine range. min/max are yuan for amount and per_occurrence, multiples of the disposal
    cost for disposal_cost, and percent of total investment for investment."""

    basis: str
    min: float
    max: float
    basis_floor: int | None = None   # the disposal cost counts as at least this much (固废法 102, 112)
    when: str = ""                   # "" for the main range; uncorrected | serious | person for the others
    label: str = ""
    applies_to: str = "unit"         # unit | person
    discretionary: bool = False      # "可以处…罚款": the fine itself is optional
    note: str = ""

    def describe(self) -> str:
        """The range in Chinese, as a document quotes it."""
        if self.basis == "disposal_cost":
            text = f"所需处置费用{_cn(self.min)}倍以上{_cn(self.max)}倍以下"
            if self.basis_floor:
                text += f"（所需处置费用不足{_yuan(self.basis_floor)}的，按{_yuan(self.basis_floor)}计算）"
            return text
        if self.basis == "investment":
            return f"建设项目总投资额百分之{_cn(self.min)}以上百分之{_cn(self.max)}以下"
        per = "每次" if self.basis == "per_occurrence" else ""
        if not self.min:
            return f"{per}{_yuan(self.max)}以下"
        return f"{per}{_yuan(self.min)}以上{_yuan(self.max)}以下"


@dataclass(frozen=True)
class CatalogEntry:
    id: str
    law: str
    article: str
    clause: str
    description: str
    article_text: str
    fine: FineRange
    measures: list[dict[str, str]] = field(default_factory=list)
    overlap_notes: str = ""
    overlaps: list[str] = field(default_factory=list)
    other_fines: list[FineRange] = field(default_factory=list)
    law_version: str = ""
    violated_article: str = ""   # the obligation breached (违反了…的规定), e.g. 《…》第十八条
    violated_text: str = ""      # its text, quoted in decisions
    text_source: str = ""

    @property
    def citation(self) -> str:
        """《…》第…条第…项, the penalty basis as a decision cites it."""
        return f"{self.law}{self.article}{self.clause}"

    def fine_for(self, when: str = "") -> FineRange:
        if not when:
            return self.fine
        for option in self.other_fines:
            if option.when == when:
                return option
        options = ", ".join(f"{o.when} ({o.label})" for o in self.other_fines) or "none"
        raise BadInput("law.no_fine_range", id=self.id, when=when, options=options)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["citation"] = self.citation
        data["fine"]["text"] = self.fine.describe()
        for raw, option in zip(data["other_fines"], self.other_fines, strict=True):
            raw["text"] = option.describe()
        return data


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _cn(value: float) -> str:
    """Small whole numbers in Chinese (百分之一), as the statutes write them."""
    digits = "零一二三四五六七八九十"
    return digits[int(value)] if float(value).is_integer() and 0 <= value <= 10 else _num(value)


def _yuan(value: float) -> str:
    if value >= 10000 and value % 10000 == 0:
        return f"{_num(value / 10000)}万元"
    return f"{_num(value)}元"


def load_catalog(data_dir: Path | None = None) -> dict[str, CatalogEntry]:
    """The catalog by id: <data_dir>/catalog.json when present (pulled from the bureau), else the shipped one."""
    path = DEFAULT_CATALOG
    if data_dir is not None and (Path(data_dir) / CATALOG_FILE).is_file():
        path = Path(data_dir) / CATALOG_FILE
    return parse_catalog(_read_json(path), path)


def get_entry(catalog: dict[str, CatalogEntry], catalog_id: str) -> CatalogEntry:
    key = catalog_id.strip().upper()
    if key not in catalog:
        raise NotFound("law.no_catalog_entry", id=catalog_id)
    return catalog[key]


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise resource_errors.unreadable(resource_errors.CATALOG, path, exc) from exc
    except json.JSONDecodeError as exc:
        raise resource_errors.not_json(path, exc) from exc


CATALOG_NAME = Term("law.what_catalog")  # the source named in errors when the caller names none


def parse_catalog(doc: Any, source: Path | str | Message = CATALOG_NAME) -> dict[str, CatalogEntry]:
    items = doc.get("entries") if isinstance(doc, dict) else doc
    if not isinstance(items, list):
        raise BadInput("law.catalog_no_entries", source=source)
    catalog: dict[str, CatalogEntry] = {}
    for index, raw in enumerate(items):
        entry = _entry(raw, Message("law.catalog_entry_where", {"source": source, "index": index + 1}))
        if entry.id in catalog:
            raise BadInput("law.catalog_duplicate", source=source, id=entry.id)
        catalog[entry.id] = entry
    return catalog


def _entry(raw: Any, where: Message) -> CatalogEntry:
    if not isinstance(raw, dict):
        raise BadInput("law.catalog_not_object", where=where)
    for key in ("id", "law", "article", "description", "fine"):
        if not raw.get(key):
            raise BadInput("law.catalog_field_missing", where=where, key=key)
    return CatalogEntry(
        id=str(raw["id"]).upper(), law=str(raw["law"]), article=str(raw["article"]),
        clause=str(raw.get("clause") or ""), description=str(raw["description"]),
        article_text=str(raw.get("article_text") or ""), fine=_fine(raw["fine"], Message("law.catalog_fine_where", {"where": where, "id": raw["id"]})),
        measures=[dict(m) for m in raw.get("measures") or []], overlap_notes=str(raw.get("overlap_notes") or ""),
        overlaps=[str(o).upper() for o in raw.get("overlaps") or []],
        other_fines=[_fine(f, Message("law.catalog_other_fine_where", {"where": where, "id": raw["id"]}))
                     for f in raw.get("other_fines") or []],
        law_version=str(raw.get("law_version") or ""), violated_article=str(raw.get("violated_article") or ""),
        violated_text=str(raw.get("violated_text") or ""), text_source=str(raw.get("text_source") or ""),
    )


def _fine(raw: Any, where: Message) -> FineRange:
    if not isinstance(raw, dict) or raw.get("basis") not in BASES:
        raise BadInput("law.catalog_bad_basis", where=where, bases=", ".join(BASES))
    try:
        low, high = float(raw["min"]), float(raw["max"])
    except (KeyError, TypeError, ValueError) as exc:
        raise BadInput("law.catalog_bad_numbers", where=where) from exc
    if low < 0 or high <= 0 or low > high:
        raise BadInput("law.catalog_bad_range", where=where, low=low, high=high)
    floor = raw.get("basis_floor")
    return FineRange(basis=raw["basis"], min=low, max=high, basis_floor=int(floor) if floor else None,
                     when=str(raw.get("when") or ""), label=str(raw.get("label") or ""),
                     applies_to=str(raw.get("applies_to") or "unit"), discretionary=bool(raw.get("discretionary")),
                     note=str(raw.get("note") or ""))
