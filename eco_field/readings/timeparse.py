"""Timestamps: the pattern is decided once per file from its values, then applied to every row.

What decides the instant, strongest first: an epoch column or a value with `Z`/an offset (absolute), a zone
or offset the file states in its header (LI-COR `Timezone:`, HOBO `GMT-05:00`, XL2 `UTC+01:00`), and only for
naive times without either, the configured zone (default Asia/Shanghai). `--tz` replaces the zone of naive
times, `--time-format` the pattern. Stored as UTC epoch seconds.

Day/month order is decided per file from the values: a pattern must read every sampled value; when the two
orders (or yy-mm-dd against dd-mm-yy) both do, the reading whose times run forward over the shortest span
wins (hourly rows read the wrong way jump months or years); when both give the same span, an importer's
known order decides, else the import is refused naming the column (AmbiguousDates).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from eco_field.errors import BadInput
from eco_field.messages import Message

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
    # milliseconds, two-digit years, 12-hour clocks (LGR, Aeris, EGM-5, HOBO, KorEXO, DustTrak)
    ("dmyf", "%d/%m/%Y %H:%M:%S.%f"), ("mdyf", "%m/%d/%Y %H:%M:%S.%f"),
    ("dmy2", "%d/%m/%y %H:%M:%S"), ("mdy2", "%m/%d/%y %H:%M:%S"),
    ("dmy2-hm", "%d/%m/%y %H:%M"), ("mdy2-hm", "%m/%d/%y %H:%M"),
    ("dmy12hm", "%d/%m/%Y %I:%M %p"), ("dmy2-12", "%d/%m/%y %I:%M:%S %p"), ("mdy2-12", "%m/%d/%y %I:%M:%S %p"),
    ("ymd2-12", "%y-%m-%d %I:%M:%S %p"), ("dmy2-12-", "%d-%m-%y %I:%M:%S %p"), ("mdy2-12-", "%m-%d-%y %I:%M:%S %p"),
    ("ymd2", "%y-%m-%d %H:%M:%S"), ("dmy2-", "%d-%m-%y %H:%M:%S"),
    ("ymd12", "%Y-%m-%d %I:%M:%S %p"), ("ymd/12", "%Y/%m/%d %I:%M:%S %p"),
    ("dmy.f", "%d.%m.%Y %H:%M:%S.%f"),
]
# Patterns that read the same text in another order; detect() decides between them from the values.
_DAY_FIRST = {"dmy", "dmy-hm", "dmy12", "dmyf", "dmy2", "dmy2-hm", "dmy12hm", "dmy2-12", "dmy2-12-", "dmy2-"}
_MONTH_FIRST = {"mdy", "mdy-hm", "mdy12", "mdyf", "mdy2", "mdy2-hm", "mdy12hm", "mdy2-12", "mdy2-12-"}
_YEAR_FIRST2 = {"ymd2-12", "ymd2"}
ORDER_OF = {**{n: "dmy" for n in _DAY_FIRST}, **{n: "mdy" for n in _MONTH_FIRST}, **{n: "ymd" for n in _YEAR_FIRST2}}
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_NAIVE_EPOCH = datetime(1970, 1, 1)
_EXCEL_EPOCH = datetime(1899, 12, 30)


class AmbiguousDates(BadInput):
    """Both day/month orders read every value over the same span: the user must say (--time-format).
    `patterns` holds the strptime patterns that read the values, day-first first."""

    patterns: list[str] = []


class TimeParser:
    """Parse one file's timestamps. `parse` returns UTC epoch seconds or None.

    `order` is an importer's known date order ("dmy", "mdy", "ymd"), used only when the values cannot decide;
    `fmt` (--time-format) is a strptime pattern that replaces detection.
    """

    def __init__(self, zone_name: str = "Asia/Shanghai", day_first: bool | None = None,
                 order: str | None = None, fmt: str | None = None) -> None:
        self.zone_name = zone_name
        self.zone = zone_of(zone_name)
        self.day_first = day_first
        self.order = order or ({True: "dmy", False: "mdy"}.get(day_first) if day_first is not None else None)
        self.pattern: str | None = None  # name from PATTERNS, "iso", "epoch" or None (not decided)
        self.fmt = fmt
        if fmt:
            self.pattern = "fmt:" + fmt
        self.ambiguous = False
        self.decided_by = ""  # "values", "span", "order", "format"
        self.aware = self.naive = 0
        self._last_text: object = None
        self._last_value: float | None = None
        self._offsets: dict[int, float] = {}
        self._minutes: dict[str, float | None] = {}

    def detect(self, values: Iterable[object], column: str = "") -> str | None:
        """Choose the pattern that reads the most of the values given (all of them, for a clean file); returns
        its name, or None when nothing fits. Raises AmbiguousDates naming `column` when the day/month order
        cannot be decided from the values and no order is known."""
        if self.fmt:
            self.decided_by = "format"
            return self.pattern
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
        self.decided_by = "values"
        orders = {ORDER_OF[n] for n in fitting if n in ORDER_OF}
        if len(orders) > 1 and any(isinstance(t, str) for t in texts):
            # typed cells (XLSX dates, numbers) fit every pattern; only text can be read two ways
            fitting = self._decide_order(fitting, texts, column)
        self.pattern = fitting[0]
        return self.pattern

    def _decide_order(self, fitting: list[str], texts: list, column: str) -> list[str]:
        """Among patterns of different orders that all read the values: the one whose times run forward over
        the shortest span; on a tie, the importer's known order; else refuse."""
        spans: dict[str, float] = {}
        for name in fitting:
            if name not in ORDER_OF:
                continue
            moments = [_to_datetime(t, name) for t in texts]
            moments = [m.replace(tzinfo=None) for m in moments if m is not None]
            backwards = sum(1 for a, b in zip(moments, moments[1:], strict=False) if b < a)
            if backwards > max(1, len(moments) // 20):
                continue  # read this way the rows jump back in time
            spans[name] = (max(moments) - min(moments)).total_seconds() if moments else 0.0
        if spans:
            shortest = min(spans.values())
            best = [n for n in spans if spans[n] == shortest]
            best_orders = {ORDER_OF[n] for n in best}
            if len(best_orders) == 1 and (len(spans) == 1 or len({ORDER_OF[n] for n in spans}) > 1):
                self.decided_by = "span"
                return best
        else:
            best = [n for n in fitting if n in ORDER_OF]
        known = [n for n in best if ORDER_OF[n] == self.order]
        if known:
            self.decided_by = "order"
            self.ambiguous = True
            return known
        sample = next((str(t) for t in texts if isinstance(t, str)), "")
        readings = sorted({ORDER_OF[n] for n in best})
        error = AmbiguousDates("readings.time.ambiguous_order", column=column or "?", sample=sample,
                               orders=" / ".join(str(order_word(o)) for o in readings))
        error.patterns = [_BY_NAME[n] for n in best if n in _BY_NAME]  # what --time-format could say, day first
        error.patterns.sort(key=lambda f: not f.startswith("%d"))
        raise error

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
            self.aware += 1
            return (moment - _EPOCH).total_seconds()
        self.naive += 1
        # the zone's offset looked up once per local hour, not once per timestamp
        hour = moment.toordinal() * 24 + moment.hour
        offset = self._offsets.get(hour)
        if offset is None:
            offset = self._offsets[hour] = moment.replace(tzinfo=self.zone).utcoffset().total_seconds()
        return (moment - _NAIVE_EPOCH).total_seconds() - offset

    def describe(self) -> str:
        return self.pattern or ""




def order_word(order: str | None) -> Message | str:
    """A date order ("dmy", "mdy", "ymd") as the user reads it, in the interface language."""
    return Message(f"readings.order.{order}") if order in ("dmy", "mdy", "ymd") else (order or "")


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
        if name == "iso" and text.endswith("Z"):
            return datetime.fromisoformat(text[:-1] + "+00:00")
        pattern = name[4:] if name and name.startswith("fmt:") else _BY_NAME.get(name or "")
        return datetime.strptime(text, pattern) if pattern else None
    except (ValueError, OverflowError):
        return None


_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


def offset_name(text: str) -> str | None:
    """'GMT-05:00', 'UTC+01:00', '+0800' -> the house name 'UTC-05:00'; None when text is no offset."""
    m = _OFFSET.match(text.strip())
    if not m:
        return "UTC+00:00" if text.strip().upper() in ("UTC", "GMT", "Z") else None
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes >= 60:
        return None
    return f"UTC{m.group(1)}{hours:02d}:{minutes:02d}"


def zone_of(name: str | None) -> tzinfo:
    """A zone by IANA name ('Europe/Copenhagen') or fixed offset ('UTC+01:00'); BadInput when unknown."""
    name = (name or "Asia/Shanghai").strip()
    fixed = offset_name(name) if name[:1] in "+-" or name.upper().startswith(("UTC", "GMT")) else None
    if fixed:
        sign = -1 if fixed[3] == "-" else 1
        return timezone(sign * timedelta(hours=int(fixed[4:6]), minutes=int(fixed[7:9])), fixed)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise BadInput("readings.time.unknown_zone", zone=name) from exc


def check_format(fmt: str) -> str:
    """A --time-format pattern must hold strptime fields (%Y, %d ...)."""
    if "%" not in fmt:
        raise BadInput("readings.time.bad_format", fmt=fmt)
    return fmt


def iso(epoch: float | None, zone_name: str) -> str | None:
    """An epoch second as ISO 8601 with the offset of the zone the file was read in."""
    if epoch is None:
        return None
    moment = datetime.fromtimestamp(epoch, zone_of(zone_name or "Asia/Shanghai"))
    return moment.isoformat(timespec="milliseconds" if epoch % 1 else "seconds")
