"""Cell values: numbers in any culture, and the markers instruments write instead of numbers.

A marker (OVR, OVER, ---, N/A, -999 ...) becomes a flagged sample with no value, never a number.
"""

from __future__ import annotations

import math
import re
import unicodedata

MARKERS = {"OVR", "OVER", "OVERRANGE", "OR", "UR", "UNDER", "---", "--", "-", "------", "N/A", "NA", "NAN", "NULL",
           "NONE", "ERR", "ERROR", "FAULT", "INF", "-INF", "+INF", "#N/A", "#VALUE!", "超量程", "故障", "无效", "/",
           "NODATA"}  # Aeris MIRA writes `No Data` (spaces are dropped before the lookup)
SENTINELS = {-999.0, -9999.0, -99999.0}
_DASHES = re.compile(r"^-{2,}$")
_NUMBER_WITH_UNIT = re.compile(r"^([+-]?\d+(?:[.,]\d+)?)\s*(?:ppm|ppb|%|%LEL|%VOL|mg/m3|mg/m³|ug/m3|µg/m³|μg/m3|℃|°C)$",
                               re.IGNORECASE)


def parse_value(text: object, decimal_comma: bool = False) -> tuple[float | None, str | None]:
    """(value, flag): a number gives (v, None) or (v, 'negative'); a marker gives (None, 'MARKER')."""
    if isinstance(text, bool):
        return None, "unparsed"
    if isinstance(text, int | float):
        return _checked(float(text), str(text))
    if text is None:
        return None, "empty"
    s = str(text)
    try:
        value = float(s.replace(",", ".") if decimal_comma else s)
    except ValueError:
        return _slow(s, decimal_comma)
    return _checked(value, s)


def _checked(value: float, raw: str) -> tuple[float | None, str | None]:
    if math.isnan(value) or math.isinf(value):
        return None, raw.strip().upper() or "NaN"
    if value in SENTINELS:
        return None, raw.strip()
    if value < 0:
        return value, "negative"
    return value, None


def _slow(s: str, decimal_comma: bool) -> tuple[float | None, str | None]:
    text = unicodedata.normalize("NFKC", s).strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None, "empty"
    upper = text.upper()
    if upper in MARKERS or _DASHES.match(text):
        return None, upper
    if decimal_comma and "," in text:
        text = text.replace(".", "").replace(",", ".")  # 1.234,5: '.' groups thousands
    elif "," in text and re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")  # thousands separators
    try:
        return _checked(float(text), s)
    except ValueError:
        pass
    if upper.startswith(("OVR", "OVER", ">")):
        return None, "OVR"
    if text.startswith("<"):
        return None, "<LOD:" + text[1:20]  # below the detection limit: no value to compare
    with_unit = _NUMBER_WITH_UNIT.match(text)
    if with_unit:  # '12.5ppm', '3.2 mg/m3': the number stands, the unit is the column's
        return _checked(float(with_unit.group(1).replace(",", ".")), s)
    return None, "unparsed:" + text[:20]


def is_empty(text: object) -> bool:
    return text is None or (isinstance(text, str) and not text.strip())
