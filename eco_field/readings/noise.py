"""Sound levels: energy averaging and day/night periods.

Decibels are logarithms, so they are averaged as energy: Leq = 10·lg(mean(10^(L/10))), never as the
arithmetic mean of the dB values (60 and 80 dB average to 77.0 dB, not 70). Each interval row of a logger
counts with equal weight (loggers write equal intervals). Periods: 昼间 06:00–22:00 and 夜间 22:00–06:00 local
time at the site, the day/night division the Chinese acoustic-environment standards use (GB 3096-2008
defines these periods; its text was not available here, so the hours are stated, not quoted).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from eco_field.readings.timeparse import zone_of

DAY_START, NIGHT_START = 6, 22


def energy_mean(levels: Iterable[float]) -> float | None:
    """10·lg of the mean of 10^(L/10); None for no values."""
    total, n = 0.0, 0
    for level in levels:
        total += 10.0 ** (level / 10.0)
        n += 1
    return round(10.0 * math.log10(total / n), 2) if n else None


def is_day(epoch: float, zone_name: str) -> bool:
    hour = datetime.fromtimestamp(epoch, zone_of(zone_name)).hour
    return DAY_START <= hour < NIGHT_START


def summary(samples: Iterable[tuple[float | None, float]], zone_name: str) -> dict[str, Any]:
    """{averaging, leq, day: {leq, n}, night: {leq, n}} of (t, level) samples; periods by local hour."""
    all_levels: list[float] = []
    day: list[float] = []
    night: list[float] = []
    for t, level in samples:
        all_levels.append(level)
        if t is not None:
            (day if is_day(t, zone_name) else night).append(level)
    return {"averaging": "energy", "leq": energy_mean(all_levels),
            "day": {"leq": energy_mean(day), "n": len(day), "hours": "06:00-22:00"},
            "night": {"leq": energy_mean(night), "n": len(night), "hours": "22:00-06:00"}}
