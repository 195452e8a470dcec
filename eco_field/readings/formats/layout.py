"""Understanding a table header: which columns hold time, pollutant, value, unit, status, position.

Works for Chinese and English headers, wide form (one column per pollutant, unit in the header) and long
form (a pollutant column, a value column, a unit column). A mapping (`time=采样时间`, `SO2=二氧化硫|mg/m3`)
overrides or completes what the header says.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from eco_field.readings import pollutants
from eco_field.readings.units import normalize_unit, split_name_unit

ROLES = {
    "time": {"时间", "采样时间", "采样点时间", "监测时间", "日期时间", "记录时间", "数据时间", "检测时间", "测量时间",
             "时间戳", "采集时间", "time", "datetime", "timestamp", "date/time", "datetime(utc)", "readingtime",
             "sampletime", "utctime", "localtime", "dateandtime", "date time", "时刻"},
    "date": {"日期", "date", "采样日期", "监测日期", "检测日期"},
    "pollutant": {"气体名称", "气体", "因子", "监测因子", "污染物", "污染物名称", "监测项目", "检测项目", "参数",
                  "项目", "名称", "传感器", "pollutant", "gas", "gasname", "sensor", "sensorname", "parameter",
                  "species", "component", "factor", "analyte", "compound", "channel"},
    "value": {"浓度", "数值", "值", "测量值", "监测值", "读数", "实测浓度", "实测值", "检测值", "浓度值", "测定值",
              "value", "reading", "concentration", "conc", "result", "measurement", "measuredvalue"},
    "unit": {"单位", "unit", "units", "计量单位", "浓度单位"},
    "status": {"状态", "报警状态", "标记", "数据标识", "标识", "数据状态", "status", "flag", "alarm", "quality",
               "alarmstatus", "state", "qc"},
    "lon": {"经度", "lon", "lng", "long", "longitude"},
    "lat": {"纬度", "lat", "latitude"},
    "alt": {"高度", "相对高度", "海拔", "海拔高度", "altitude", "height", "alt", "elevation", "relativealtitude"},
    "serial": {"设备序列号", "序列号", "仪器编号", "设备编号", "仪器序列号", "设备号", "serial", "sn", "serialnumber",
               "serialno", "instrument", "device", "deviceid", "instrumentsn"},
}
IGNORED = {"序号", "no", "no.", "index", "id", "#", "低报", "高报", "备注", "remark", "remarks", "note", "comment",
           "user", "site", "用户", "地点", "点位", "periodnumber", "line", "row"}
ROLE_NAMES = tuple(ROLES)


def header_key(text: object) -> str:
    key = unicodedata.normalize("NFKC", str(text or "")).strip().lower()
    return re.sub(r"[\s_]+", "", key)


_ROLE_KEYS = {role: {header_key(n) for n in names} for role, names in ROLES.items()}
_IGNORED_KEYS = {header_key(n) for n in IGNORED}


@dataclass
class Column:
    index: int
    header: str
    pollutant: str
    unit: str
    statistic: str


@dataclass
class Layout:
    roles: dict[str, int] = field(default_factory=dict)
    columns: list[Column] = field(default_factory=list)  # wide-form pollutant columns
    fixed_unit: str = ""          # unit given by the mapping for long form
    header: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)
    mapped: set[str] = field(default_factory=set)  # roles named by the user's mapping

    @property
    def long_form(self) -> bool:
        return "pollutant" in self.roles and "value" in self.roles

    @property
    def usable(self) -> bool:
        has_time = "time" in self.roles or "date" in self.roles
        return has_time and (self.long_form or bool(self.columns))

    def width(self) -> int:
        used = [*self.roles.values(), *(c.index for c in self.columns)]
        return max(used) + 1 if used else 0


def role_of(header: str) -> str | None:
    key = header_key(header)
    name, _unit = split_name_unit(header)
    for candidate in (key, header_key(name)):
        for role, keys in _ROLE_KEYS.items():
            if candidate in keys:
                return role
    return None


def analyse(header: list[str], mapping: dict[str, str] | None = None) -> Layout:
    """The layout of a header row; mapping entries (role or pollutant -> column name) win."""
    layout = Layout()
    mapped = _apply_mapping(layout, header, mapping or {})
    for index, cell in enumerate(header):
        text = str(cell or "").strip()
        if index in mapped or not text:
            continue
        role = role_of(text)
        if role and role not in layout.roles:
            layout.roles[role] = index
            continue
        if header_key(text) in _IGNORED_KEYS:
            continue
        name, unit = split_name_unit(text)
        code = pollutants.match(name) or pollutants.match(text)
        if code and not role:
            layout.columns.append(Column(index, text, code, unit, pollutants.statistic(text) or "instantaneous"))
        else:
            layout.unused.append(text)
    if "time" not in layout.roles and "date" in layout.roles:
        layout.roles["time"] = layout.roles.pop("date")  # a date-time column headed 日期/Date
    return layout


def _apply_mapping(layout: Layout, header: list[str], mapping: dict[str, str]) -> set[int]:
    from eco_field.readings.model import UnreadableHeader

    used: set[int] = set()
    for key, target in mapping.items():
        column, _, unit = str(target).partition("|")
        role = key.strip().lower()
        if role == "unit" and column and find_column(header, column) is None and normalize_unit(column) != column:
            layout.fixed_unit = normalize_unit(column)  # --map unit=ppm: one unit for every row
            continue
        index = find_column(header, column)
        if index is None:
            raise UnreadableHeader("readings.header.mapped_column_absent", [str(h) for h in header],
                                   mapping=f"{key}={target}")
        used.add(index)
        if role in ROLE_NAMES:
            layout.roles[role] = index
            layout.mapped.add(role)
        else:
            name, header_unit = split_name_unit(str(header[index]))
            code = pollutants.canonical(key) or key.strip()
            layout.columns.append(Column(index, str(header[index]), code, normalize_unit(unit) or header_unit,
                                         pollutants.statistic(str(header[index])) or "instantaneous"))
    return used


def find_column(header: list[str], name: str) -> int | None:
    wanted = header_key(name)
    for index, cell in enumerate(header):
        if header_key(cell) == wanted:
            return index
    if name.strip().isdigit() and 1 <= int(name) <= len(header):
        return int(name) - 1  # a 1-based column number
    return None
