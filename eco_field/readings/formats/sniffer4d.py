"""Sniffer4D (Soarability) drone air-quality payload, Mapper CSV export.

`#Created by: Sniffer4DMapper …` comment, `项目名称 :…`, then a Chinese header: 采样点时间, 相对高度 m
(above take-off, not MSL), 经度 (longitude comes before latitude), 纬度, 温度 ℃, 湿度 %, 气压 Pa,
VOCs ppm, SO2 μg/m3, CO mg/m3, NO2 μg/m3, O3+NO2 μg/m3 (oxidants), PM1.0/PM2.5/PM10 μg/m3, 设备序列号.
Positions are kept on every sample. The unit trap: some exports write the payload's ppm numbers under
µg/m³ headers without converting; a gas column whose every value is below 2 is read as ppm, with a warning.
A `MM/DD/YYYY-HH:MM:SS` time is the payload's UTC clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from eco_field.messages import Message
from eco_field.readings.formats import generic_table
from eco_field.readings.formats.header import find_header
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, Sample
from eco_field.readings.textio import Source
from eco_field.readings.timeparse import TimeParser
from eco_field.readings.values import parse_value

NAME = "sniffer4d_mapper"
DESCRIPTION = "Sniffer4D drone payload Mapper CSV (comment lines, Chinese headers, positions; ppm-in-µg/m³ check)"
GASES = {"SO2", "NO2", "O3", "CO", "H2S", "NH3", "NO"}
PPM_MAGNITUDE = 2.0


def sniff(source: Source) -> bool:
    lines = source.head_lines(10)
    text = "\n".join(lines)
    return "Sniffer4D" in text or ("采样点时间" in text and "经度" in text and "纬度" in text)


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    rows = TableRows(source, delimiter=",")
    numbered = ((rows.line, row) for row in rows)
    header_line, header, layout = find_header(numbered, ctx)
    ctx.options.update(delimiter=",", encoding=rows.encoding, header_line=header_line)
    data = list(numbered)  # a flight is thousands of rows; the unit check needs them all
    _check_units(ctx, layout, data)
    _check_position_order(ctx, layout, data)
    timer = generic_table._time_parser(ctx, layout, data[:300])
    if timer.pattern == "mdy-utc":
        utc = TimeParser("UTC")
        utc.pattern = timer.pattern
        timer = utc
        ctx.options["time_zone_of_file"] = "UTC"
        ctx.note_time("utc_column", "UTC", "utcTime")
    instrument = {"make": "Soarability", "model": "Sniffer4D"}
    yield from generic_table._wide_rows(iter(data), ctx, layout, timer, False, instrument)


def _check_units(ctx: ImportContext, layout, data: list) -> None:
    for column in layout.columns:
        if column.pollutant not in GASES or column.unit != "µg/m³":
            continue
        values = [v for v in (parse_value(r[column.index])[0] for _, r in data if len(r) > column.index)
                  if v is not None]
        if values and max(abs(v) for v in values) < PPM_MAGNITUDE:
            column.unit = "ppm"
            ctx.warn(Message("readings.sniffer4d.ppm_magnitude", {"column": column.header, "limit": PPM_MAGNITUDE}))
        if column.pollutant == "O3":
            ctx.warn(Message("readings.sniffer4d.oxidants", {"column": column.header}))


def _check_position_order(ctx: ImportContext, layout, data: list) -> None:
    lat, lon = layout.roles.get("lat"), layout.roles.get("lon")
    if lat is None or lon is None:
        return
    sample = [(parse_value(r[lat])[0], parse_value(r[lon])[0]) for _, r in islice(data, 50) if len(r) > max(lat, lon)]
    if sample and all(a is not None and abs(a) > 90 and b is not None and abs(b) <= 90 for a, b in sample):
        layout.roles["lat"], layout.roles["lon"] = lon, lat
        ctx.warn(Message("readings.sniffer4d.swapped"))
