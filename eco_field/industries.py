"""Industries the bureau supervises; the code names the inspection checklist used for it."""

from __future__ import annotations

from eco_field.errors import BadInput

INDUSTRIES: dict[str, str] = {
    "coking": "焦化",
    "steel": "钢铁",
    "cement": "水泥",
    "coal_mine": "煤矿",
    "sewage_plant": "污水处理厂",
    "hazardous_waste": "危险废物",
    "tailings_pond": "尾矿库",
    "gas_station": "加油站",
    "radiation": "核技术利用/辐射",
    "general": "一般工业",
}


def industry_code(text: str) -> str:
    """Accept the code (coking) or the Chinese name (焦化); empty means general."""
    text = (text or "").strip()
    if not text:
        return "general"
    for code, label in INDUSTRIES.items():
        if text in (code, label):
            return code
    raise BadInput("enterprise.unknown_industry", text=text,
                   known=", ".join(f"{c} ({n})" for c, n in INDUSTRIES.items()))


def industry_label(code: str) -> str:
    return INDUSTRIES.get(code, code)
