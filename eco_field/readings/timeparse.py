"""Timestamps: the pattern is decided once per file from its first values, then applied to every row.

Instrument files carry local time without an offset (ISC, TVA, Calcmet, HT8850, Chinese PC software);
such times are read in the given zone (default the workspace's, Asia/Shanghai). Stored as UTC epoch seconds.
Day/month order is decided per file: a pattern must read every sampled value, and when both orders do,
the caller's hint (culture) decides and a warning says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

# (name, strptime pattern); ISO 8601 is tried first through datetime.fromisoformat.
PATTERNS = [
    ("ymd/", "%Y/%m/%d %H:%M:%S"), ("ymd/f", "%Y/%m/%d %H:%M:%S.%f"), ("ymd/hm", "%Y/%m/%d %H:%M"),
    ("ymd-hm", "%Y-%m-%d %H:%M"), ("ymd.", "%Y.%m.%d %H:%M:%S"),
    ("cn", "%Y年%m月%d日 %H:%M:%S"), ("cn2", "%Y年%m月%d日%H:%M:%S"), ("cn3", "%Y年%m月%d日 %H时%M分%S秒"),
    ("cn-hm", "%Y年%m月%d日 %H:%M"),
    ("mdy12", "%m/%d/%Y %I:%M:%S %p"), ("mdy12hm", "%m/%d/%Y %I:%M %p"),
    ("mdy", "%m/%d/%Y %H:%M:%S"), ("dmy", "%d/%m/%Y %H:%M:%S"),
    ("mdy-hm", "%m/%d/%Y %H:%M"), ("dmy-hm", "%d/%m/%Y %H:%M"),
    ("dmy.", "%d.%m.%Y %H:%M:%S"), ("dmy.hm", "%d.%m.%Y %H:%M"), ("dmy-", "%d-%m-%Y %H:%M:%S"),
    ("dmy12", "%d/%m/%Y %I:%M:%S %p"),
    ("tva", "%d %b %y %H:%M:%S"), ("mdy-utc", "%m/%d/%Y-%H:%M:%S"),
    ("compact", "%Y%m%d%H%M%S"), ("exif", "%Y:%m:%d %H:%M:%S"),
]
_DAY_FIRST = {"dmy", "dmy-hm", "dmy12"}
_MONTH_FIRST = {"mdy", "mdy-hm", "mdy12"}
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_NAIVE_EPOCH = datetime(1970, 1, 1)
_EXCEL_EPOCH = datetime(1899, 12, 30)


class TimeParser:
    """Parse one file's timestamps. `parse` returns UTC epoch seconds or None."""

    def __init__(self, zone_name: str = "Asia/Shanghai", day_first: bool | None = None) -> None:
        self.zone_name = zone_name
        self.zone = ZoneInfo(zone_name)
        self.day_first = day_first
        self.pattern: str | None = None  # name from PATTERNS, "iso", "epoch" or None (not decided)
        self.ambiguous = False
        self._last_text: object = None
        self._last_value: float | None = None
        self._offsets: dict[int, float] = {}
        self._minutes: dict[str, float | None] = {}

    def detect(self, values: Iterable[object]) -> str | None:
        """Choose the pattern that reads the most of the values given (all of them, for a clean file); returns
        its name, or None when nothing fits."""
        texts = [v for v in values if v is not None and str(v).strip()][:300]
        if not texts:
            return None
        names = [n for n in _ALL_DETECT if any(_to_datetime(t, n) is not None for t in texts[:20])]
        scores = {name: sum(1 for t in texts if _to_datetime(t, name) is not None) for name in names}
        if not scores:
            return None
        best = max(scores.values())
        if best == 0:
            return None
        # the pattern that reads the most values (a stray header or note row does not veto the right one)
        fitting = [name for name, score in scores.items() if score == best]
        day = [n for n in fitting if n in _DAY_FIRST]
        month = [n for n in fitting if n in _MONTH_FIRST]
        if day and month:
            # typed cells (XLSX dates, numbers) fit every pattern; only text can be read two ways
            self.ambiguous = any(isinstance(t, str) for t in texts)
            fitting = day if self.day_first else month
        self.pattern = fitting[0]
        return self.pattern

    def parse(self, text: object) -> float | None:
        if text is self._last_text or text == self._last_text:
            return self._last_value
        if self.pattern == "iso" and type(text) is str:
            if len(text) == 19 and text[16] == ":" and text[17:].isdigit() and text[17:] < "60":
                # 'YYYY-MM-DD HH:MM:SS', the bulk case: one full parse per minute, then add the seconds
                base = self._minutes.get(text[:16])
                if base is None:
                    base = self._minutes[text[:16]] = self._iso_epoch(text[:16] + ":00")
                value = None if base is None else base + int(text[17:])
                self._last_text, self._last_value = text, value
                return value
            try:  # the bulk case, without the general dispatch
                moment = datetime.fromisoformat(text)
            except ValueError:
                moment = None
        else:
            moment = _to_datetime(text, self.pattern) if self.pattern else None
        if moment is None:
            moment = next((m for m in (_to_datetime(text, n) for n in _ALL) if m is not None), None)
        value = None if moment is None else self.epoch(moment)
        self._last_text, self._last_value = text, value
        return value

    def _iso_epoch(self, text: str) -> float | None:
        try:
            return self.epoch(datetime.fromisoformat(text))
        except ValueError:
            return None

    def epoch(self, moment: datetime) -> float:
        if moment.tzinfo is not None:
            return (moment - _EPOCH).total_seconds()
        # the zone's offset looked up once per local hour, not once per timestamp
        hour = moment.toordinal() * 24 + moment.hour
        offset = self._offsets.get(hour)
        if offset is None:
            offset = self._offsets[hour] = moment.replace(tzinfo=self.zone).utcoffset().total_seconds()
        return (moment - _NAIVE_EPOCH).total_seconds() - offset

    def describe(self) -> str:
        return self.pattern or ""


_ALL = ["iso", *(n for n, _ in PATTERNS)]
_ALL_DETECT = ["iso", "epoch", *(n for n, _ in PATTERNS)]
_BY_NAME = dict(PATTERNS)


def _to_datetime(value: object, name: str | None) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if name == "excel" or 20000 < value < 80000:
            return _EXCEL_EPOCH + timedelta(days=float(value))
        if name == "epoch" and 0 < value < 4e9:
            return datetime.fromtimestamp(float(value), UTC)
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        if name == "iso":
            return datetime.fromisoformat(text)
        if name == "epoch":
            if text.isdigit() and len(text) == 10:
                return datetime.fromtimestamp(int(text), UTC)
            return None
        pattern = _BY_NAME.get(name or "")
        return datetime.strptime(text, pattern) if pattern else None
    except (ValueError, OverflowError):
        return None


def iso(epoch: float | None, zone_name: str) -> str | None:
    """An epoch second as ISO 8601 with the offset of the zone the file was read in."""
    if epoch is None:
        return None
    moment = datetime.fromtimestamp(epoch, ZoneInfo(zone_name or "Asia/Shanghai"))
    return moment.isoformat(timespec="milliseconds" if epoch % 1 else "seconds")
