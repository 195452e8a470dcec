"""Readings charts for the console: one SVG bar per synced series (its minimum–maximum range, mean and the
limit), drawn from the series summaries the laptops sync (the raw points stay in the instrument file)."""

from __future__ import annotations

from typing import Any

from eco_field.readings import exceedance

WIDTH, HEIGHT, PAD = 560, 70, 12
STATISTICS = {"instantaneous": "瞬时值", "average": "平均值", "twa": "时间加权平均", "stel": "短时间接触",
              "peak": "峰值", "min": "最小值"}


def _num(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def readings_chart(series: dict[str, Any]) -> dict[str, Any]:
    """What approval.html draws for one series: label, numbers and the x positions of each mark."""
    low, high, mean, limit = (_num(series.get(k)) for k in ("min", "max", "mean", "limit"))
    top = max(v for v in (high, limit, mean, low, 1.0) if v is not None) * 1.15
    scale = (WIDTH - 2 * PAD) / top

    def x(v: float | None) -> float | None:
        return None if v is None else round(PAD + max(v, 0.0) * scale, 1)

    statistic = STATISTICS.get(str(series.get("statistic") or ""), "")
    # out of bounds as the laptop evaluated it: above a maximum, below a minimum (DO), outside a range (pH)
    found = exceedance.of_series(series) if limit is not None else None
    return {"label": f"{series.get('pollutant') or '—'}（{statistic}）".replace("（）", ""),
            "unit": series.get("unit") or "", "n": series.get("n"), "min": low, "max": high, "mean": mean,
            "limit": limit, "exceed": series.get("exceed_count") or 0, "t_start": series.get("t_start") or "",
            "t_end": series.get("t_end") or "", "x_min": x(low), "x_max": x(high), "x_mean": x(mean),
            "x_limit": x(limit), "width": WIDTH, "height": HEIGHT, "pad": PAD,
            "over": found is not None, "words": found.wording if found else "", "limit_text": _limit_text(series)}


def _limit_text(series: dict[str, Any]) -> str:
    """'50mg/m³', '≥5mg/L' (a minimum), '6～9（无量纲）' (a range): a lower bound never reads as a maximum."""
    evaluation = series.get("evaluation") or {}
    if _num(series.get("limit")) is None:
        return ""
    return exceedance.limit_text(evaluation.get("kind") or "max", float(series["limit"]), evaluation.get("low"),
                                 evaluation.get("high"), series.get("limit_unit") or series.get("unit"))
