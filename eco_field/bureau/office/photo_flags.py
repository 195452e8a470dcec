"""The flags of a synced photo, checked again at the bureau from its original: the laptop's checks
(evidence.checks: no time or place, outside the inspection window, far from the site, clock mismatch) run on
the stored blob against the synced inspection and enterprise. The laptop's tolerance settings are not
synced, so their defaults apply (evidence.rows / store.settings: 30 minutes, 5 minutes for the clock)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from eco_field.bureau.schemas.common import FIRST_YEAR, LAST_YEAR
from eco_field.clock import DEFAULT_TIME_ZONE, zone
from eco_field.evidence import checks, metadata

DEFAULT_TOLERANCE_MIN = 30.0   # store.settings default of photo_time_tolerance_min
DEFAULT_RADIUS_M = 500.0       # evidence.rows.load_site's default


def site_of(inspection: dict[str, Any], enterprise: dict[str, Any]) -> checks.Site | None:
    try:
        started = _aware(datetime.fromisoformat(str(inspection["started_at"])))
        ended = _aware(datetime.fromisoformat(str(inspection["ended_at"]))) if inspection.get("ended_at") else None
    except (KeyError, ValueError):
        return None
    if any(t is not None and not FIRST_YEAR <= t.year <= LAST_YEAR for t in (started, ended)):
        return None  # a year 9999 window (stored before the bureau bounded years) overflows the check
    return checks.Site(started, ended, timedelta(minutes=DEFAULT_TOLERANCE_MIN), enterprise.get("lat"),
                       enterprise.get("lon"), float(enterprise.get("radius_m") or DEFAULT_RADIUS_M))


def _aware(moment: datetime) -> datetime:
    """A time without an offset is local time (as the laptop reads one, clock.parse_local_time): compared with
    a photo's UTC time, a naive one raised TypeError and broke the case file page."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone(DEFAULT_TIME_ZONE))


def flags(path: Path, site: checks.Site | None) -> list[str]:
    """The reasons (Chinese sentences) this photo is weak evidence; [] when it passes or cannot be read."""
    if site is None or not path.is_file():
        return []
    data = path.read_bytes()
    media = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"
    try:
        meta = metadata.extract(data, media, DEFAULT_TIME_ZONE)
    except Exception:  # noqa: BLE001 - an unreadable photo is shown without flags rather than breaking the page
        return []
    result = checks.check(meta, site, [])
    return [result.reasons[f] for f in result.flags if f in result.reasons]
