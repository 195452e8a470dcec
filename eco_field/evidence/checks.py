"""The checks that tell an officer which photos are weak evidence, each a flag with its reason (a message
code rendered in the interface language, Chinese by default: the reasons are shown to officers and printed
on the photo evidence sheet).

no_timestamp, no_location, outside_window (capture time outside the inspection's start/end, give or take the
tolerance), far_from_site (farther from the enterprise's coordinates than its radius), duplicate (the same
bytes are evidence of another inspection that is not an amendment of this one), clock_mismatch (the camera's
clock disagrees with the GPS receiver's time of the same exposure by more than the clock tolerance).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from eco_field.messages import Message

EARTH_RADIUS_M = 6_371_008.8
FLAG_ORDER = ("no_timestamp", "no_location", "outside_window", "far_from_site", "duplicate", "clock_mismatch")
CLOCK_TOLERANCE_MIN = 5.0  # a GPS fix a few minutes old is normal; a wrong zone or date is not


@dataclass(frozen=True)
class Site:
    """What a photo is checked against: the inspection window and the enterprise's site."""

    started_at: datetime
    ended_at: datetime | None
    tolerance: timedelta
    lat: float | None
    lon: float | None
    radius_m: float
    clock_tolerance: timedelta = timedelta(minutes=CLOCK_TOLERANCE_MIN)


@dataclass
class CheckResult:
    flags: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)   # rendered in the interface language
    distance_m: float | None = None
    time_diff_min: float | None = None
    messages: dict[str, Message] = field(default_factory=dict)

    def add(self, flag: str, reason: Message) -> None:
        self.flags.append(flag)
        self.reasons[flag] = reason.text()
        self.messages[flag] = reason

    def stored_reasons(self) -> dict[str, Any]:
        """What evidence_checks keeps: each reason's code and parameters (rendered again when read)."""
        return {flag: dump(self.messages[flag]) if flag in self.messages else self.reasons[flag]
                for flag in self.flags if flag in self.reasons}

    @classmethod
    def stored(cls, flags: list[str], reasons: dict[str, Any], distance_m: float | None,
               time_diff_min: float | None) -> CheckResult:
        """The checks as evidence_checks kept them (a sealed inspection's), rendered in today's language;
        reasons stored as sentences by older versions are shown as they were written."""
        result = cls(list(flags), {}, distance_m, time_diff_min)
        for flag, value in reasons.items():
            if isinstance(value, dict) and "code" in value:
                result.messages[flag] = load(value)
                result.reasons[flag] = result.messages[flag].text()
            else:
                result.reasons[flag] = str(value)
        return result


def dump(message: Message) -> dict[str, Any]:
    """A message as plain JSON: its code and parameters, nested messages included."""
    def plain(value: Any) -> Any:
        if isinstance(value, Message):
            return dump(value)
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value
    return {"code": message.code, "params": {k: plain(v) for k, v in message.params.items()}}


def load(value: dict[str, Any]) -> Message:
    def revive(item: Any) -> Any:
        if isinstance(item, dict) and "code" in item:
            return load(item)
        if isinstance(item, list):
            return [revive(v) for v in item]
        return item
    return Message(value["code"], {k: revive(v) for k, v in value.get("params", {}).items()})


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance on the WGS-84 mean sphere."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def check(meta: dict[str, Any], site: Site, duplicate_of: list[Message], now: datetime | None = None) -> CheckResult:
    """duplicate_of: the other inspections holding the same bytes, as labels (never raw ids)."""
    result = CheckResult()
    _check_time(meta.get("taken_at_utc"), site, result, now or datetime.now(UTC))
    _check_place(meta.get("lat"), meta.get("lon"), site, result)
    if duplicate_of:
        result.add("duplicate", Message("evidence.flag.duplicate", {"others": list(duplicate_of)}))
    _check_clock(meta.get("clock_diff_s"), site, result)
    return result


def _check_clock(diff_s: float | None, site: Site, result: CheckResult) -> None:
    """The camera clock minus the GPS time of the same exposure (metadata.extract measured it)."""
    if diff_s is None or abs(diff_s) <= site.clock_tolerance.total_seconds():
        return
    tolerance = f"{site.clock_tolerance.total_seconds() / 60:g}"
    code = "evidence.flag.clock_fast" if diff_s > 0 else "evidence.flag.clock_slow"
    result.add("clock_mismatch", Message(code, {"amount": duration(abs(diff_s)), "tolerance": tolerance}))


def duration(seconds: float) -> Message:
    """A clock difference to the minute: 7 分钟, 2 小时 5 分钟, 1 天 5 小时 58 分钟."""
    minutes = round(seconds / 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return Message("evidence.unit.dhm", {"d": days, "h": hours, "m": mins})
    if hours:
        return Message("evidence.unit.hm", {"h": hours, "m": mins})
    return Message("evidence.unit.minutes", {"n": max(mins, 1) if seconds else 0})


def _check_time(taken_utc: str | None, site: Site, result: CheckResult, now: datetime) -> None:
    if not taken_utc:
        result.add("no_timestamp", Message("evidence.flag.no_timestamp"))
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
    code = "evidence.flag.outside_window_before" if diff < 0 else "evidence.flag.outside_window_after"
    tolerance = int(site.tolerance.total_seconds() // 60)
    result.add("outside_window", Message(code, {"amount": _minutes(abs(diff)), "tolerance": tolerance}))


def _minutes(value: float) -> Message:
    if value >= 2 * 24 * 60:
        return Message("evidence.unit.days", {"n": f"{value / (24 * 60):.1f}"})
    if value >= 120:
        return Message("evidence.unit.hours", {"n": f"{value / 60:.1f}"})
    return Message("evidence.unit.minutes", {"n": f"{value:.0f}"})


def _check_place(lat: float | None, lon: float | None, site: Site, result: CheckResult) -> None:
    if lat is None or lon is None:
        result.add("no_location", Message("evidence.flag.no_location"))
        return
    if site.lat is None or site.lon is None:
        return  # the enterprise has no site coordinates: nothing to compare with
    distance = distance_m(lat, lon, site.lat, site.lon)
    result.distance_m = round(distance, 1)
    if distance > site.radius_m:
        shown = (Message("evidence.unit.km", {"n": f"{distance / 1000:.1f}"}) if distance >= 10_000
                 else Message("evidence.unit.m", {"n": f"{distance:.0f}"}))
        result.add("far_from_site", Message("evidence.flag.far_from_site",
                                            {"distance": shown, "radius": f"{site.radius_m:.0f}"}))
