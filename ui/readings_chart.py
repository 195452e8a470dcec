"""One reading series over time (QtCharts): the values, the outlet's limit line, exceedances in red."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from eco_field.readings import exceedance

MAX_POINTS = 4000  # a chart of a day of 1 s samples is thinned; every exceedance is always kept


def wall_clock_ms(iso: str) -> float:
    """The sample's own wall-clock time (in the series' zone) placed so that QDateTimeAxis, which shows the
    machine's local time, prints that same wall-clock time whatever zone the laptop is set to."""
    return datetime.fromisoformat(iso).replace(tzinfo=None).timestamp() * 1000


def limit_lines(series: dict[str, Any]) -> tuple[str, list[float]]:
    """(label value, levels to draw): '50' [50] for a maximum, '≥5' [5] for a minimum, '6–9' [6, 9] for a range."""
    evaluation = series.get("evaluation") or {}
    kind, limit = evaluation.get("kind", "max"), series.get("limit")
    if kind == "range" and evaluation.get("low") is not None:
        return f"{evaluation['low']:g}–{evaluation['high']:g}", [evaluation["low"], evaluation["high"]]
    if kind == "min":
        return f"≥{limit:g}", [limit]
    return f"{limit:g}", [limit]


def exceeds(series: dict[str, Any], value: float) -> bool:
    """Above a maximum, below a minimum, outside a range: the core's one evaluation (readings.exceedance)."""
    evaluation = series.get("evaluation") or {}
    return exceedance.exceeds(evaluation.get("kind", "max"), series.get("limit"), evaluation.get("low"),
                              evaluation.get("high"), value)


def plotted(series: dict[str, Any], samples: list[dict[str, Any]]) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """(points, exceedances) as (ms since epoch, value); in the limit's unit when a limit applies."""
    use_converted = series.get("limit") is not None
    limit = series.get("limit")
    points, over = [], []
    for sample in samples:
        value = sample.get("converted") if use_converted else sample.get("value")
        if not sample.get("ok") or value is None or not sample.get("t"):
            continue
        ms = wall_clock_ms(sample["t"])
        points.append((ms, value))
        if limit is not None and exceeds(series, value):
            over.append((ms, value))
    step = max(1, len(points) // MAX_POINTS)
    return points[::step], over


class ReadingsChart(QChartView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setChart(QChart())
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.points: list[tuple[float, float]] = []
        self.exceedances: list[tuple[float, float]] = []

    def show_series(self, series: dict[str, Any], samples: list[dict[str, Any]]) -> None:
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.points, self.exceedances = plotted(series, samples)
        unit = series.get("limit_unit") if series.get("limit") is not None else series.get("unit")
        chart.setTitle(f"{series['pollutant']}（{unit}）" if unit else series["pollutant"])
        if not self.points:
            self.setChart(chart)
            return
        line = QLineSeries(name=series["pollutant"])
        for x, y in self.points:
            line.append(x, y)
        chart.addSeries(line)
        added = [line]
        if series.get("limit") is not None:
            label, levels = limit_lines(series)
            for index, level in enumerate(levels):
                limit_line = QLineSeries(name=self.tr("Limit {v} {u}").format(v=label, u=unit or ""))
                limit_line.setPen(QPen(QColor("#c0392b"), 2, Qt.PenStyle.DashLine))
                limit_line.append(self.points[0][0], level)
                limit_line.append(self.points[-1][0], level)
                chart.addSeries(limit_line)
                added.append(limit_line)
                if index:  # a range's second line needs no second legend entry
                    chart.legend().markers(limit_line)[0].setVisible(False)
        if self.exceedances:
            over = QScatterSeries(name=self.tr("Exceeding ({n})").format(n=len(self.exceedances)))
            over.setColor(QColor("#c0392b"))
            over.setMarkerSize(8)
            for x, y in self.exceedances:
                over.append(x, y)
            chart.addSeries(over)
            added.append(over)
        self._axes(chart, added, series)
        self.setChart(chart)

    def _axes(self, chart: QChart, added: list, series: dict[str, Any]) -> None:
        first = QDateTime.fromMSecsSinceEpoch(int(self.points[0][0]))
        last = QDateTime.fromMSecsSinceEpoch(int(max(self.points[-1][0], self.points[0][0] + 60_000)))
        # one day's readings: the day goes in the title, so the ticks (HH:mm) fit a half-width chart
        one_day = first.date() == last.date()
        x_axis = QDateTimeAxis(format="HH:mm" if one_day else "MM-dd HH:mm",
                               titleText=self.tr("Time ({day})").format(day=first.toString("yyyy-MM-dd"))
                               if one_day else self.tr("Time"))
        x_axis.setRange(first, last)
        top = max([y for _x, y in self.points] + [series.get("limit") or 0])
        y_axis = QValueAxis(min=min(0.0, min(y for _x, y in self.points)), max=top * 1.1 or 1.0)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for item in added:
            item.attachAxis(x_axis)
            item.attachAxis(y_axis)
