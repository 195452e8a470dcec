"""The checks that tell an officer which photos are weak evidence, each a flag with its reason (in Chinese:
the reasons are shown to officers and printed on the photo evidence sheet).

no_timestamp, no_location, outside_window (capture time outside the inspection's start/end, give or take the
tolerance), far_from_site (farther from the enterprise's coordinates than its radius), duplicate (the same
bytes are evidence of another inspection that is not an amendment of this one).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

EARTH_RADIUS_M = 6_371_008.8
FLAG_ORDER = ("no_timestamp", "no_location", "outside_window", "far_from_site", "duplicate")


@dataclass(frozen=True)
class Site:
    """What a photo is checked against: the inspection window and the enterprise's site."""

    started_at: datetime
    ended_at: datetime | None
    tolerance: timedelta
    lat: float | None
    lon: float | None
    radius_m: float


@dataclass
class CheckResult:
    flags: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)
    distance_m: float | None = None
    time_diff_min: float | None = None

    def add(self, flag: str, reason: str) -> None:
        self.flags.append(flag)
        self.reasons[flag] = reason


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance on the WGS-84 mean sphere."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def check(meta: dict[str, Any], site: Site, duplicate_of: list[str], now: datetime | None = None) -> CheckResult:
    result = CheckResult()
    _check_time(meta.get("taken_at_utc"), site, result, now or datetime.now(UTC))
    _check_place(meta.get("lat"), meta.get("lon"), site, result)
    if duplicate_of:
        result.add("duplicate", "同一文件已是检查 " + "、".join(duplicate_of) + " 的证据")
    return result


def _check_time(taken_utc: str | None, site: Site, result: CheckResult, now: datetime) -> None:
    if not taken_utc:
        result.add("no_timestamp", "照片未记录拍摄时间（EXIF DateTimeOriginal 或 XMP 日期）")
        return
    taken = datetime.fromisoformat(taken_utc)
    start = site.started_at - site.tolerance
    end = (site.ended_at or max(now, site.started_at)) + site.tolerance
    if taken < start:
        diff = (taken - site.started_at).total_seconds() / 60
    elif taken > end:
        diff = (taken - (site.ended_at or now)).total_seconds() / 60
    else:
        result.time_diff_min = 0.0
        return
    result.time_diff_min = round(diff, 1)
    side = "检查开始前" if diff < 0 else "检查结束后"
    tolerance = int(site.tolerance.total_seconds() // 60)
    result.add("outside_window", f"拍摄于{side}{_minutes(abs(diff))}（允许偏差 {tolerance} 分钟）")


def _minutes(value: float) -> str:
    if value >= 2 * 24 * 60:
        return f"{value / (24 * 60):.1f} 天"
    if value >= 120:
        return f"{value / 60:.1f} 小时"
    return f"{value:.0f} 分钟"


def _check_place(lat: float | None, lon: float | None, site: Site, result: CheckResult) -> None:
    if lat is None or lon is None:
        result.add("no_location", "照片未记录 GPS 位置")
        return
    if site.lat is None or site.lon is None:
        return  # the enterprise has no site coordinates: nothing to compare with
    distance = distance_m(lat, lon, site.lat, site.lon)
    result.distance_m = round(distance, 1)
    if distance > site.radius_m:
        shown = f"{distance / 1000:.1f} 公里" if distance >= 10_000 else f"{distance:.0f} 米"
        result.add("far_from_site", f"拍摄位置距厂址 {shown}（厂区半径 {site.radius_m:.0f} 米）")
