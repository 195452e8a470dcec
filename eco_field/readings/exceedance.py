"""A reading against a limit, the one place that knows the three kinds and how a decision words each.

- max (最高允许限值, the default): a value above the limit exceeds; 超标倍数 = (value − limit) / limit
  (enforcement.md §5.3, as 吕梁's decisions compute it) — 「超过排放标准限值（50mg/L）0.20倍」;
- min (a lower bound such as 溶解氧 ≥ 5 mg/L of GB 3838-2002 Ⅲ类): a value below it is the exceedance —
  「低于标准下限5mg/L」; no 超标倍数;
- range (pH 6～9): a value outside low..high — 「超出6～9的范围」; pH has no unit, written 「（无量纲）」
  after the value as monitoring reports and decisions do; no 超标倍数.

The words follow the published decisions we have read (超过…限值…倍 for a maximum); for a lower bound and a
range no decision text was available to us this session: 「低于…下限」 and 「超出…的范围」 are the plain
wording of the standards' own tables (≥ / 6～9), not a quoted template.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eco_field.readings.units import exceed_multiple

KINDS = ("max", "min", "range")
DIMENSIONLESS = ("", "ph", "无量纲", "dimensionless", "-")
NO_UNIT = "（无量纲）"
# said in the fine's working where a lower bound or range exceeds: the multiple is not defined for them
MULTIPLE_NOT_APPLICABLE = "超标倍数仅适用于最高允许限值，下限、范围类限值（如溶解氧、pH值）不计算超标倍数"


def exceeds(kind: str, limit: float, low: float | None, high: float | None, value: float) -> bool:
    """Is value on the wrong side of the limit: above a maximum, below a minimum, outside a range."""
    if kind == "min":
        return value < limit
    if kind == "range" and low is not None and high is not None:
        return value < low or value > high
    return value > limit


def worst(kind: str, limit: float, low: float | None, high: float | None, lowest: float,
          highest: float) -> float:
    """The reading furthest on the wrong side: the highest for a maximum, the lowest for a minimum, the
    furthest out of a range."""
    if kind == "min":
        return lowest
    if kind == "range" and low is not None and high is not None:
        return lowest if low - lowest > highest - high else highest
    return highest


def no_unit(unit: str | None) -> bool:
    return (unit or "").strip().lower() in DIMENSIONLESS


def number(value: float) -> str:
    """6, 5.5, 0.3687: no trailing zeros, at most four decimals."""
    return f"{round(value, 4):g}"


def _amount(value: float, unit: str | None) -> str:
    """'5mg/L' (no blank: as decisions print it, and a line never splits the number from its unit);
    '11（无量纲）' for pH and other dimensionless values."""
    return number(value) + (NO_UNIT if no_unit(unit) else unit.strip())


def limit_text(kind: str, limit: float, low: float | None, high: float | None, unit: str | None) -> str:
    """How a limit reads on paper: '50mg/m³' (a maximum), '≥5mg/L', '6～9（无量纲）'."""
    if kind == "min":
        return "≥" + _amount(limit, unit)
    if kind == "range" and low is not None and high is not None:
        return f"{number(low)}～{number(high)}" + (NO_UNIT if no_unit(unit) else unit.strip())
    return _amount(limit, unit)


@dataclass(frozen=True)
class Exceedance:
    """One series found on the wrong side of its limit: which kind, the bound(s), the worst value."""

    pollutant: str        # the series' code (DO, PH, SO2 …)
    name: str             # its Chinese name (溶解氧, pH值 …)
    kind: str
    limit: float
    low: float | None
    high: float | None
    unit: str             # the limit's unit ('' for pH)
    value: float          # the worst reading, in the limit's unit (converted, O2-corrected for a maximum)
    multiple: float | None  # 超标倍数, a maximum only
    standard: str = ""
    outlet: str = ""
    converted: bool = False  # the value was converted to the limit's unit or corrected to the reference O2
    sound: bool = False      # a sound level: exceeded by so many dB(A), not by a multiple

    @property
    def wording(self) -> str:
        """The fact in a decision's words (see the module docstring)."""
        if self.kind == "min":
            return f"{self.name}最低值{_amount(self.value, self.unit)}，低于标准下限{_amount(self.limit, self.unit)}"
        if self.kind == "range":
            side = "最低值" if self.low is not None and self.value < self.low else "最高值"
            bounds = limit_text("range", self.limit, self.low, self.high, self.unit)
            bounds = bounds.removesuffix(NO_UNIT)  # the unit is said once, after the value
            return f"{self.name}{side}{_amount(self.value, self.unit)}，超出{bounds}的范围"
        highest = ("折算" if self.converted else "") + "最大值"
        if self.sound:  # noise decisions say by how many dB(A), never a multiple of a level in dB
            return (f"{self.name}{highest}{_amount(self.value, self.unit)}，超过排放标准限值（"
                    f"{_amount(self.limit, self.unit)}）{number(self.value - self.limit)}{self.unit.strip()}")
        return (f"{self.name}{highest}{_amount(self.value, self.unit)}，超过排放标准限值（"
                f"{_amount(self.limit, self.unit)}）{self.multiple or 0:.2f}倍")

    def as_record(self) -> dict[str, Any]:
        """Plain JSON for a document's record (what the document prints comes from its record)."""
        return {"pollutant": self.pollutant, "kind": self.kind, "limit": self.limit, "low": self.low,
                "high": self.high, "unit": self.unit, "value": self.value, "multiple": self.multiple,
                "standard": self.standard, "outlet": self.outlet, "wording": self.wording}


# The names documents print, whatever the interface language. Kept here, not taken from the translation
# catalog: an issued document is gathered again to verify it, so a retranslated label must not change it
# (a change here is a new record format, kinds/common.RECORD_FORMAT).
DOCUMENT_NAMES = {
    "SO2": "二氧化硫", "NO": "一氧化氮", "NO2": "二氧化氮", "NOx": "氮氧化物", "CO": "一氧化碳", "CO2": "二氧化碳",
    "H2S": "硫化氢", "NH3": "氨", "O2": "氧气", "CH4": "甲烷", "LEL": "可燃气体", "VOC": "挥发性有机物", "PM": "颗粒物",
    "PM1": "PM1颗粒物", "PM2.5": "细颗粒物（PM2.5）", "PM10": "可吸入颗粒物（PM10）", "PM4": "可吸入颗粒物（PM4）",
    "TSP": "总悬浮颗粒物", "O3": "臭氧", "H2O": "水汽", "N2O": "氧化亚氮", "TEMP": "温度", "RH": "相对湿度",
    "PRESSURE": "压力", "COD": "化学需氧量", "NH3-N": "氨氮", "TP": "总磷", "PH": "pH值", "DO": "溶解氧",
    "DO_SAT": "溶解氧饱和度", "COND": "电导率", "SPCOND": "比电导率（25℃）", "TURB": "浊度", "CHLA": "叶绿素",
    "ORP": "氧化还原电位", "SAL": "盐度", "TDS": "溶解性总固体", "DEPTH": "水深", "LAeq": "等效连续A声级",
    "LAmax": "最大A声级", "LAmin": "最小A声级", "L10": "累积百分声级L10", "L50": "累积百分声级L50",
    "L90": "累积百分声级L90", "LCpeak": "C计权峰值声级", "C2H6": "乙烷",
}


def chinese_name(code: str) -> str:
    """The parameter's name in documents (溶解氧, pH值); the code itself when it has none."""
    return DOCUMENT_NAMES.get(code, code)


def of_series(series: dict[str, Any]) -> Exceedance | None:
    """The exceedance of one stored series (the readings service's summary: limit, limit_unit,
    max_converted, max_exceed_multiple, evaluation {kind, low, high, worst, standard, outlet}), or None when
    it has no limit or stays on the right side of it."""
    limit = series.get("limit", series.get("limit_value"))
    evaluation = series.get("evaluation") or {}
    if limit is None:
        return None
    kind = evaluation.get("kind") or "max"  # an evaluation stored before limit kinds is a maximum
    low, high = evaluation.get("low"), evaluation.get("high")
    value = series.get("max_converted") if kind == "max" else evaluation.get("worst")
    if value is None or not exceeds(kind, limit, low, high, value):
        return None
    from eco_field.readings.pollutants import NOISE

    sound = series["pollutant"] in NOISE
    multiple = series.get("max_exceed_multiple")
    if kind == "max" and multiple is None:
        multiple = round(exceed_multiple(value, limit), 4)
    factor = evaluation.get("factor")
    converted = bool(evaluation.get("o2_corrected")) or (factor is not None and abs(factor - 1.0) > 1e-9)
    return Exceedance(pollutant=series["pollutant"], name=chinese_name(series["pollutant"]), kind=kind,
                      limit=limit, low=low, high=high, unit=series.get("limit_unit") or "", value=value,
                      multiple=multiple if kind == "max" and not sound else None,
                      standard=evaluation.get("standard") or "", outlet=evaluation.get("outlet") or "",
                      converted=converted, sound=sound)


# -- a qualified body's monitoring result (监测报告), as a decision states the fact it proves --
CONCENTRATION_UNITS = ("mg/m³", "µg/m³", "g/m³", "mg/L", "µg/L", "ppm", "ppb")


def multiple_text(multiple: float) -> str:
    """0.20 (two decimals, as the readings' wording prints it); a multiple that two decimals would show as
    0.00 keeps its own digits (0.004), so an exceedance never reads as none."""
    return f"{multiple:.2f}" if round(multiple, 2) > 0 else number(multiple)


def report_wording(name: str, value: float, unit: str, kind: str, limit: float, low: float | None,
                   high: float | None, standard: str) -> str:
    """One monitoring result on the wrong side of its limit in a decision's words, after the place:
    「二氧化硫排放浓度为120mg/m³，超过《火电厂大气污染物排放标准》（GB 13223-2011）规定的100mg/m³限值0.20倍」;
    a minimum 「…为2mg/L，低于…规定的5mg/L下限」, a range 「pH值为11（无量纲），超出…规定的6～9范围」, a sound
    level by its dB(A) 「…超过…规定的60dB(A)限值5.3dB(A)」. The caller has checked that it exceeds."""
    noun = ("排放浓度" if kind == "max" else "浓度") if unit in CONCENTRATION_UNITS else ""  # 溶解氧 is not discharged
    what = name + noun + "为" + _amount(value, unit)
    if kind == "min":
        return f"{what}，低于{standard}规定的{_amount(limit, unit)}下限"
    if kind == "range" and low is not None and high is not None:
        bounds = limit_text("range", limit, low, high, unit).removesuffix(NO_UNIT)
        return f"{what}，超出{standard}规定的{bounds}范围"
    if unit.strip() in ("dB(A)", "dB", "dB(C)"):  # a sound level exceeds by so many dB, never a multiple
        return f"{what}，超过{standard}规定的{_amount(limit, unit)}限值{number(value - limit)}{unit.strip()}"
    return f"{what}，超过{standard}规定的{_amount(limit, unit)}限值{multiple_text(exceed_multiple(value, limit))}倍"
