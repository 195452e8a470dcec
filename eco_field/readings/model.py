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

    def __init__(self, message: str, columns: list[str], line: int | None = None) -> None:
        super().__init__(message)
        self.columns = columns
        self.line = line


class ImportContext:
    """Collects an importer's series, warnings and assumptions; declare() gives each series its id."""

    def __init__(self, source_name: str, *, declare: Callable[[SeriesMeta], int] | None = None,
                 mapping: dict[str, str] | None = None, time_zone: str = "Asia/Shanghai") -> None:
        self.source_name = source_name
        self.mapping = dict(mapping or {})
        self.time_zone = time_zone
        self.series: dict[int, SeriesMeta] = {}
        self.warnings: list[str] = []
        self.options: dict[str, Any] = {}
        self.stats: dict[int, Any] = {}  # series id -> storage.SeriesStats
        self.keeps_stats = False  # set by an importer that updates self.stats itself (the bulk path)
        self._declare = declare

    def declare(self, meta: SeriesMeta) -> int:
        meta.unit = for_pollutant(meta.pollutant, meta.unit)
        series_id = self._declare(meta) if self._declare else len(self.series) + 1
        self.series[series_id] = meta
        return series_id

    def warn(self, text: str) -> None:
        if text not in self.warnings:
            self.warnings.append(text)

    def fail(self, line: int | None, text: str) -> BadInput:
        where = f"line {line}: " if line else ""
        return BadInput(f"{self.source_name}: {where}{text}")


class RowProblems:
    """Malformed rows: a run of them at the end of the file is dropped with a warning (ISC corruption and
    undock notes, an export cut off mid-line); one followed by good rows is an error naming its line."""

    def __init__(self, ctx: ImportContext, header: list[str] | None = None) -> None:
        self.ctx = ctx
        self.header = [str(c).strip() for c in header] if header else None
        self.pending: list[tuple[int, str]] = []
        self.blocks = 1

    def bad(self, line: int, why: str, row: list | None = None) -> None:
        if self.header and row is not None and [str(c).strip() for c in row] == self.header:
            # the header again: several sessions exported into one file; what sat between them was their preamble
            self.blocks += 1
            self.ctx.warn(f"line {line}: the header repeats — block {self.blocks} of the file starts here"
                          + (f"; {len(self.pending)} line(s) before it skipped" if self.pending else ""))
            self.pending = []
            return
        self.pending.append((line, why))

    def good(self) -> None:
        if self.pending:
            line, why = self.pending[0]
            raise self.ctx.fail(line, why)

    def finish(self) -> None:
        for line, why in self.pending:
            self.ctx.warn(f"line {line}: {why}; the malformed trailing line was dropped")
        self.pending = []
