"""Working days: weekends and statutory holidays off, 调休 weekend days on.

《行政处罚法》 art. 85: its "二日 三日 五日 七日" are working days excluding statutory holidays; longer
periods are natural days. The yearly holiday notice is data (resources/catalog/calendar.json, or the
bureau's <data_dir>/calendar.json); a year not listed counts weekends only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from eco_field.law import resource_errors
from eco_field.paths import RESOURCES_DIR

CALENDAR_FILE = "calendar.json"
DEFAULT_CALENDAR = RESOURCES_DIR / "catalog" / CALENDAR_FILE


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[date]
    workdays: frozenset[date]
    years: frozenset[int]

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def add_working_days(self, start: date, count: int) -> date:
        """The count-th working day after start (the start day itself is not counted)."""
        day, left = start, count
        while left > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def next_working_day(self, day: date) -> date:
        """day itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day


def load_calendar(data_dir: Path | None = None) -> WorkCalendar:
    path = DEFAULT_CALENDAR
    if data_dir is not None and (Path(data_dir) / CALENDAR_FILE).is_file():
        path = Path(data_dir) / CALENDAR_FILE
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as exc:
        raise resource_errors.unreadable(resource_errors.CALENDAR, path, exc) from exc
    return _read_calendar(path, stamp)


@lru_cache(maxsize=8)
def _read_calendar(path: Path, _stamp: int) -> WorkCalendar:
    """Parsed once per file version (the stamp makes an edited file load again)."""
    try:
        years = json.loads(path.read_text(encoding="utf-8"))["years"]
        holidays = {date.fromisoformat(d) for y in years.values() for d in y.get("holidays", [])}
        workdays = {date.fromisoformat(d) for y in years.values() for d in y.get("workdays", [])}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise (resource_errors.unreadable(resource_errors.CALENDAR, path, exc) if isinstance(exc, OSError)
               else resource_errors.malformed(resource_errors.CALENDAR, path, exc)) from exc
    return WorkCalendar(frozenset(holidays), frozenset(workdays), frozenset(int(y) for y in years))
