"""Time: UTC stamps for records, and local times in the bureau's zone (default Asia/Shanghai)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from eco_field.errors import BadInput

DEFAULT_TIME_ZONE = "Asia/Shanghai"


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or DEFAULT_TIME_ZONE)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise BadInput("time.unknown_zone", name=name) from exc


def parse_local_time(text: str, tz_name: str | None = None) -> datetime:
    """ISO 8601 date-time; one without an offset is local time in the configured zone."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise BadInput("time.not_iso", text=text) from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone(tz_name))
    return moment


def now_local(tz_name: str | None = None) -> datetime:
    return datetime.now(zone(tz_name)).replace(microsecond=0)
