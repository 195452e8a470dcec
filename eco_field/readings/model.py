"""What importers produce: series metadata declared to a context, and samples as plain tuples.

A sample is the tuple (series_id, line, t, value, ok, flag, seg, label, lat, lon, alt) — the column order
of reading_samples — so the service can hand the importer's generator straight to executemany.
`ok` is 1 for a value the instrument stood behind, 0 for a flagged, unusable one (marker, over-range,
detector off); `flag` also marks usable values with a warning (Calcmet "Warning", negative readings).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from eco_field.errors import BadInput
from eco_field.messages import Message
from eco_field.readings.timeparse import TimeParser, zone_of
from eco_field.readings.units import for_pollutant

Sample = tuple[int, int, float | None, float | None, int, str | None, int | None, str | None,
               float | None, float | None, float | None]

STATISTICS = ("instantaneous", "average", "twa", "stel", "peak", "min")


@dataclass
class SeriesMeta:
    pollutant: str
    unit: str
    statistic: str = "instantaneous"
    sensor: str = ""
    make: str = ""
    model: str = ""
    serial: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


class UnreadableHeader(BadInput):
    """The importer could not tell which columns hold time, pollutant and value; `columns` lists them."""

    def __init__(self, message: str, columns: list[str], header_line: int | None = None, /, **params: Any) -> None:
        super().__init__(message, **params)
        self.columns = columns
        self.line = header_line


# How the instant of each reading was decided (ImportContext.time_basis["basis"]).
TIME_BASES = ("epoch_column", "utc_column", "offset_in_values", "file_header", "elapsed_plus_start",
              "tz_option", "configured")
ROW_WARNINGS_KEPT = 50  # individual row warnings kept; beyond that one line counts the rest
BAD_ROW_SHARE = 0.05    # more bad rows than this and the file is refused


class ImportContext:
    """Collects an importer's series, warnings and assumptions; declare() gives each series its id.

    Time: `time_zone` is the configured zone (fallback for naive times), `tz_override` the --tz zone,
    `time_format` the --time-format pattern. An importer calls `zone_for_naive(file_zone, ...)` to learn the
    zone its naive times are in (and so records the basis), or `note_time` for absolute times."""

    def __init__(self, source_name: str, *, declare: Callable[[SeriesMeta], int] | None = None,
                 mapping: dict[str, str] | None = None, time_zone: str = "Asia/Shanghai",
                 tz_override: str | None = None, time_format: str | None = None) -> None:
        self.source_name = source_name
        self.mapping = dict(mapping or {})
        self.time_zone = time_zone
        self.tz_override = tz_override or None
        self.time_format = time_format or None
        self.display_zone = tz_override or time_zone  # the zone the series' times are shown in
        self.time_basis: dict[str, Any] = {}
        self.series: dict[int, SeriesMeta] = {}
        self.warnings: list[str | Message] = []
        self.options: dict[str, Any] = {}
        self.stats: dict[int, Any] = {}  # series id -> storage.SeriesStats
        self.keeps_stats = False  # set by an importer that updates self.stats itself (the bulk path)
        self.row_warnings = 0
        self.skipped_lines: list[int] = []
        self._declare = declare

    def declare(self, meta: SeriesMeta) -> int:
        meta.unit = for_pollutant(meta.pollutant, meta.unit)
        series_id = self._declare(meta) if self._declare else len(self.series) + 1
        self.series[series_id] = meta
        return series_id

    def warn(self, text: str | Message) -> None:
        if text not in self.warnings:
            self.warnings.append(text)

    def row_warn(self, line: int, code: str, **params: Any) -> None:
        """A warning about one row; after ROW_WARNINGS_KEPT of them only a count is kept."""
        self.row_warnings += 1
        if self.row_warnings <= ROW_WARNINGS_KEPT:
            self.warn(Message(code, {"line": line, **params}))

    def fail(self, line: int | None, code: str, **params: Any) -> BadInput:
        """A BadInput naming the file and line; `code` is a message catalog code (readings.*)."""
        return BadInput(code, file=self.source_name, line=line or "?", **params)

    # -- time ---------------------------------------------------------------------------------------------
    def zone_for_naive(self, file_zone: str | None = None, where: str = "") -> str:
        """The zone naive times are read in: --tz, else the zone the file states (`where` says where), else
        the configured one. Records the basis and makes it the series' display zone."""
        if self.tz_override:
            zone, basis, detail = self.tz_override, "tz_option", where
        elif file_zone:
            zone, basis, detail = file_zone, "file_header", where
        else:
            zone, basis, detail = self.time_zone, "configured", ""
        zone_of(zone)  # refuse an unknown zone now, naming it
        self.note_time(basis, zone, detail)
        return zone

    def note_time(self, basis: str, zone: str, detail: str = "") -> None:
        """Record what decided the instants (and the zone they are shown in); the last call wins."""
        self.display_zone = self.tz_override or zone
        self.time_basis = {"basis": basis, "zone": zone, "detail": detail}

    def time_parser(self, file_zone: str | None = None, where: str = "", order: str | None = None) -> TimeParser:
        """A TimeParser for naive times in the right zone, honouring --time-format."""
        zone = self.zone_for_naive(file_zone, where)
        return TimeParser(zone, order=order, fmt=self.time_format)

    def settle_time_basis(self, timer: TimeParser, column: str = "") -> None:
        """After the rows: values that carried Z or an offset were absolute, whatever the zone said."""
        if timer.aware and not timer.naive:
            last = str(timer._last_text or "").strip()
            basis = ("epoch_column" if timer.pattern == "epoch" else
                     "utc_column" if last.endswith(("Z", "+00:00", "+0000")) else "offset_in_values")
            self.note_time(basis, self.tz_override or ("UTC" if basis != "offset_in_values" else self.display_zone),
                           column)


class RowProblems:
    """Malformed rows. A torn or unreadable row is skipped with a warning naming its line; a run of them at
    the end of the file is dropped (ISC corruption and undock notes, an export cut off mid-line). The file
    is refused when more than 5 % of its rows are bad (then it is not the format it looked like)."""

    def __init__(self, ctx: ImportContext, header: list[str] | None = None) -> None:
        self.ctx = ctx
        self.header = [str(c).strip() for c in header] if header else None
        self.pending: list[tuple[int, str]] = []
        self.blocks = 1
        self.rows = 0
        self.skipped: list[tuple[int, str]] = []

    def bad(self, line: int, why: str, row: list | None = None) -> None:
        if self.header and row is not None and [str(c).strip() for c in row] == self.header:
            # the header again: several sessions exported into one file; what sat between them was their preamble
            self.blocks += 1
            self.ctx.warn(Message("readings.rows.header_repeats", {"line": line, "block": self.blocks,
                                                                   "skipped": len(self.pending)}))
            self.pending = []
            return
        self.pending.append((line, why))

    def good(self) -> None:
        self.rows += 1
        if self.pending:
            for line, why in self.pending:
                self.ctx.row_warn(line, "readings.rows.skipped", why=why)
                self.ctx.skipped_lines.append(line)
            self.skipped += self.pending
            self.pending = []

    def finish(self, rows: int | None = None) -> None:
        """End of the data; `rows` is the count of good rows when the caller kept it (the bulk path)."""
        good = self.rows if rows is None else rows
        for line, why in self.pending:
            self.ctx.row_warn(line, "readings.rows.trailing_dropped", why=why)
        bad = len(self.skipped)  # a torn end (an export cut off, a trailer note) is expected, not counted
        if bad and bad > BAD_ROW_SHARE * (good + bad):
            line, why = self.skipped[0]
            raise BadInput("readings.rows.too_many_bad", file=self.ctx.source_name, bad=bad, total=good + bad,
                           line=line, why=why)
        self.pending = []
