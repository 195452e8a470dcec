"""现场监测数据报告: each instrument series of the inspection as a table row and a chart against its limit.

Charts plot the values in the limit's unit (converted, O2-corrected) when a limit applies, else as exported.
Long series are thinned to at most MAX_POINTS per chart keeping each bucket's minimum and maximum, so a
peak is never lost; the record carries the SHA-256 of every sample so any change to them is detected."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from eco_field.canonical import canonical_json
from eco_field.documents import sources
from eco_field.documents.kinds.common import Source, bureau, cn_time, officer_signatures
from eco_field.documents.layout import FRAME_W, Page
from eco_field.errors import BadInput
from eco_field.readings import exceedance

KIND = "readings-report"
TITLE = "现场监测数据报告"
SOURCE = "inspection"
MAX_POINTS = 400
STATISTICS = {"instantaneous": "瞬时值", "average": "均值", "twa": "时间加权均值", "stel": "短时接触值",
              "peak": "峰值", "min": "最小值"}


def gather(src: Source) -> dict[str, Any]:
    from eco_field.readings.service import get_series, list_series

    insp = sources.inspection(src.db, src.need_inspection())
    series = []
    for summary in list_series(src.db, insp["id"]):
        full = get_series(src.db, summary["id"], samples=True)
        series.append(_series_record(full, src.record_format))
    if not series:
        raise BadInput("documents.no_readings", inspection=insp["id"])
    return {"inspection": insp, "party": sources.party(src.db, insp["enterprise_id"], strict=False),
            "series": series, "bureau": bureau(src), "time_zone": src.setting("time_zone")}


def _series_record(full: dict[str, Any], record_format: int) -> dict[str, Any]:
    samples = full.pop("samples")
    limited = full.get("limit") is not None and any("converted" in s for s in samples)
    points = [(s["t"], s["converted"] if limited else s["value"]) for s in samples
              if s["ok"] and s["t"] and (s.get("converted") if limited else s["value"]) is not None]
    keep = ("pollutant", "statistic", "unit", "n", "flagged", "t_start", "t_end", "min", "max", "mean", "limit",
            "limit_unit", "o2_ref", "exceed_count", "max_converted", "max_exceed_multiple", "sensor", "instrument",
            "uuid")
    record = {**{k: full.get(k) for k in keep}, "note": (full.get("evaluation") or {}).get("note", ""),
              "plotted_unit": full.get("limit_unit") if limited else full.get("unit"),
              "points": thin(points), "samples_sha256": hashlib.sha256(canonical_json(samples).encode()).hexdigest()}
    if record_format >= 2:  # the limit's kind: a minimum prints ≥ 5, a range 6～9 (format 1 printed the number)
        evaluation = full.get("evaluation") or {}
        found = exceedance.of_series(full)
        record.update(limit_kind=evaluation.get("kind") or "max", limit_low=evaluation.get("low"),
                      limit_high=evaluation.get("high"), worst=evaluation.get("worst"),
                      exceedance=found.wording if found else "")
    return record


def thin(points: list[tuple[str, float]]) -> list[list[Any]]:
    """At most MAX_POINTS points: per bucket the minimum and the maximum, in time order."""
    if len(points) <= MAX_POINTS:
        return [[t, round(v, 6)] for t, v in points]
    size = -(-len(points) // (MAX_POINTS // 2))
    out: list[list[Any]] = []
    for start in range(0, len(points), size):
        bucket = points[start:start + size]
        low = min(range(len(bucket)), key=lambda i: bucket[i][1])
        high = max(range(len(bucket)), key=lambda i: bucket[i][1])
        for i in sorted({low, high}):
            out.append([bucket[i][0], round(bucket[i][1], 6)])
    return out


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    insp, party, tz = rec["inspection"], rec["party"], rec["time_zone"]
    out: list[Flowable] = page.heading()
    out.append(page.fields([("被检查单位", party["name"]), ("检查时间", cn_time(insp["started_at"], tz)),
                            ("检查地点", insp["place"]), ("监测项目数", f"{len(rec['series'])}项")],
                           label_width=24 * mm, columns=2))
    out.append(Spacer(1, 3 * mm))
    rows = [[i + 1, _name(s), _instrument(s), s["n"], _stats(s), _limit(s), s.get("exceed_count") if
             s.get("exceed_count") is not None else "—", _multiple(s.get("max_exceed_multiple"))]
            for i, s in enumerate(rec["series"])]
    # format 2 with a minimum or a range: the column holds the worst reading, not always the highest
    kinds = any(s.get("limit_kind") in ("min", "range") for s in rec["series"])
    out.append(page.grid(["序号", "监测项目", "仪器", "有效数据", "最小／平均／最大",
                          "折算值／限值" if kinds else "折算最大值／限值", "超标次数", "最大超标倍数"], rows,
                         [10 * mm, 24 * mm, 24 * mm, 14 * mm, 30 * mm, 30 * mm, 12 * mm, FRAME_W - 144 * mm]))
    notes = sorted({s["note"] for s in rec["series"] if s["note"]})
    for note in notes:
        out.append(page.p(f"注：{note}", "small"))
    out.append(page.p("超标倍数＝（折算浓度－限值）÷限值。", "small"))
    if kinds:
        out.append(page.p("限值前标“≥”者为标准下限，低于下限即为超标；标为“6～9”等区间者为标准范围，超出范围即为超标；"
                          "二者均不计超标倍数。折算值列最高允许限值的折算最大值、下限的最低值、范围的偏离最远值。",
                          "small"))
        for s in rec["series"]:
            if s.get("exceedance"):
                out.append(page.p(f"{s['exceedance']}。", "small"))
    for index, series in enumerate(rec["series"], start=1):
        if len(series["points"]) >= 2:
            out.append(KeepTogether([page.p(f"图{index}　{_name(series)}（{_unit(series)}）",
                                            "heading"), chart(page, series)]))
    out.append(page.signatures(officer_signatures(insp["officers"], "监测人员") + [("当事人", party["name"])]))
    return out


def _name(s: dict[str, Any]) -> str:
    code = "pH" if s["pollutant"] == "PH" and "limit_kind" in s else s["pollutant"]  # format 2 spells pH right
    return f"{code} {STATISTICS.get(s['statistic'], s['statistic'])}"


def _unit(s: dict[str, Any]) -> str:
    if not s["plotted_unit"] and "limit_kind" in s and s.get("limit") is not None:
        return "无量纲"  # format 2: pH and the like say so instead of empty brackets
    return s["plotted_unit"] or ""


def _instrument(s: dict[str, Any]) -> str:
    inst = s.get("instrument") or {}
    return " ".join(x for x in (inst.get("make"), inst.get("model"), inst.get("serial")) if x) or "—"


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.4g}"


def _multiple(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.4g}" if value > 0 else "未超标"


def _stats(s: dict[str, Any]) -> str:
    return f"{_fmt(s['min'])}／{_fmt(s['mean'])}／{_fmt(s['max'])} {s['unit'] or ''}"


def _limit(s: dict[str, Any]) -> str:
    if s.get("limit") is None:
        return "无适用限值"
    kind = s.get("limit_kind")
    if kind in ("min", "range"):  # format 2: the worst reading against ≥ 5 / 6～9
        shown = exceedance.limit_text(kind, s["limit"], s.get("limit_low"), s.get("limit_high"), s.get("limit_unit"))
        return f"{_fmt(s.get('worst'))}／{shown}"
    return f"{_fmt(s.get('max_converted'))}／{_fmt(s['limit'])} {s.get('limit_unit') or ''}"


def chart(page: Page, series: dict[str, Any]) -> Drawing:
    """The series against its limit. Every label (axis numbers, times, unit, limit) is drawn through the
    document's font chain (page.text), so a main font without Latin glyphs cannot blank them."""
    font = page.fonts.font_for("0") or page.fonts.main
    start = datetime.fromisoformat(series["points"][0][0])
    data = [((datetime.fromisoformat(t) - start).total_seconds() / 60, v) for t, v in series["points"]]
    width, height = FRAME_W, 62 * mm
    drawing = Drawing(width, height, initialFontName=font)
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 14 * mm, 10 * mm, width - 20 * mm, height - 16 * mm
    lines = [data]
    if series.get("limit") is not None and series["plotted_unit"] == series.get("limit_unit"):
        for bound in _bounds(series):
            lines.append([(data[0][0], bound), (data[-1][0], bound)])
    plot.data = lines
    plot.lines[0].strokeColor, plot.lines[0].strokeWidth = colors.HexColor("#1f4e99"), 0.8
    for line in range(1, len(lines)):
        plot.lines[line].strokeColor, plot.lines[line].strokeWidth = colors.red, 1
        plot.lines[line].strokeDashArray = [4, 2]
    peak = max(max(v for _, v in data), series.get("limit") or 0)
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = min(0, min(v for _, v in data)), peak * 1.1 or 1
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.visibleLabels = 0  # drawn below, character by character from the chain
    span = data[-1][0] - data[0][0]
    pattern = "%H:%M:%S" if span < 10 else "%H:%M" if span < 48 * 60 else "%m-%d %H:%M"
    drawing.add(plot.draw())  # draw() configures the axes: their tick values and scale are known after it
    for value in plot.xValueAxis._tickValues:
        label = (start + _minutes(value)).strftime(pattern)
        drawing.add(page.text(plot.xValueAxis.scale(value), plot.y - 13, label, 7, "middle"))  # below the ticks
    for value in plot.yValueAxis._tickValues:
        drawing.add(page.text(plot.x - 7, plot.yValueAxis.scale(value) - 2.5, f"{value:g}", 7, "end"))
    drawing.add(page.text(14 * mm, height - 4 * mm, f"{series['plotted_unit'] or ''}", 7))
    if len(lines) > 1:
        drawing.add(page.text(width - 40 * mm, height - 4 * mm, _limit_label(series), 7, fill=colors.red))
    return drawing


def _bounds(series: dict[str, Any]) -> list[float]:
    """The limit lines drawn: both ends of a range, else the one limit."""
    if series.get("limit_kind") == "range" and series.get("limit_low") is not None:
        return [series["limit_low"], series["limit_high"]]
    return [series["limit"]]


def _limit_label(series: dict[str, Any]) -> str:
    kind = series.get("limit_kind")
    if kind == "min":
        return f"红色虚线：标准下限 {series['limit']:g}"
    if kind == "range" and series.get("limit_low") is not None:
        return f"红色虚线：标准范围 {series['limit_low']:g}～{series['limit_high']:g}"
    return f"红色虚线：限值 {series['limit']:g}"


def _minutes(value: float):
    from datetime import timedelta

    return timedelta(minutes=value)
