"""Rows of a delimited text file or an XLSX sheet, with the physical line (row) number of each."""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count, repeat
from operator import attrgetter
from struct import error as struct_error

from eco_field.errors import BadInput
from eco_field.readings.textio import LineReader, Source, mixed_encoding_error, sniff_delimiter


class _SheetPosition:
    line_num = 0


class TableRows:
    """Iterate rows (lists of cells). While iterating, `reader.line_num` (also `line`) is the physical line
    (or sheet row) of the row just yielded."""

    def __init__(self, source: Source, delimiter: str | None = None, encoding: str | None = None) -> None:
        self.source = source
        self.delimiter = delimiter
        self.encoding = encoding or source.encoding
        self.reader = _SheetPosition()
        if not (source.is_xlsx or source.is_xls) and delimiter is None:
            self.delimiter = sniff_delimiter(source.head_lines(60, self.encoding))

    @property
    def line(self) -> int:
        return self.reader.line_num

    def __iter__(self) -> Iterator[list]:
        if self.source.is_xlsx:
            yield from self._xlsx_rows()
        elif self.source.is_xls:
            yield from self._xls_rows()
        elif self._plain_lines():
            yield from self._fast_rows()
        else:  # lone \r, \r\r\n, NUL bytes or UTF-16: line by line
            self.reader = csv.reader(LineReader(self.source, self.encoding), delimiter=self.delimiter or ",")
            yield from self.reader

    @contextmanager
    def opened(self, skip_to_line: int = 0) -> Iterator[Iterator[list]]:
        """The row iterator itself (for plain text files the csv module's C reader, no generator layer in
        between), positioned after line skip_to_line; `reader.line_num` follows it."""
        if self.source.is_xlsx or self.source.is_xls or not self._plain_lines():
            it = iter(self)
            self._skip(it, skip_to_line)
            yield it
            return
        with open(self.source.path, encoding=self.encoding, errors="strict", newline="") as fh:
            self.reader = csv.reader(fh, delimiter=self.delimiter or ",")
            try:
                self._skip(self.reader, skip_to_line)
                yield self.reader
            except UnicodeDecodeError as exc:
                raise mixed_encoding_error(self.source.path, self.encoding) from exc

    @contextmanager
    def numbered(self, skip_to_line: int = 0) -> Iterator[Iterator[tuple[list, int]]]:
        """(row, physical line) pairs after line skip_to_line, with no Python frame per row (the bulk path).

        A text file without a quote character or NUL byte (the usual instrument export) is split line by
        line, which is what the csv module would make of it, a third faster; any other goes through it."""
        if not self._splittable():
            with self.opened(skip_to_line) as rows:
                if rows is self.reader:  # the csv reader itself: its line_num is read after each row
                    yield zip(rows, map(attrgetter("line_num"), repeat(rows)), strict=False)
                else:
                    yield ((row, self.reader.line_num) for row in rows)
            return
        with open(self.source.path, encoding=self.encoding, errors="strict", newline="") as fh:
            try:
                for _ in range(max(0, skip_to_line)):
                    if not fh.readline():
                        break
                lines = map(str.rstrip, fh, repeat("\r\n"))
                yield zip(map(str.split, lines, repeat(self.delimiter or ",")), count(max(0, skip_to_line) + 1))
            except UnicodeDecodeError as exc:
                raise mixed_encoding_error(self.source.path, self.encoding) from exc

    def _splittable(self) -> bool:
        """Plain text lines with no '"' (so no quoted field, no field across lines) and no NUL anywhere."""
        if self.source.is_xlsx or self.source.is_xls or not self._plain_lines():
            return False
        with open(self.source.path, "rb") as fh:  # in pieces: memory stays flat on a large file
            while piece := fh.read(1 << 20):
                if b'"' in piece or b"\x00" in piece:
                    return False
        return True

    def _skip(self, it: Iterator[list], line: int) -> None:
        if line <= 0:
            return
        for _row in it:
            if self.reader.line_num >= line:
                return

    def _plain_lines(self) -> bool:
        head = self.source.head
        return (self.encoding not in ("utf-16", "utf-16-le") and b"\x00" not in head
                and head.count(b"\r") == head.count(b"\r\n"))

    def _fast_rows(self) -> Iterator[list]:
        """The csv module straight over the file: the common case, and the one that must be fast."""
        with open(self.source.path, encoding=self.encoding, errors="strict", newline="") as fh:
            self.reader = csv.reader(fh, delimiter=self.delimiter or ",")
            try:
                yield from self.reader
            except UnicodeDecodeError as exc:
                raise mixed_encoding_error(self.source.path, self.encoding) from exc

    def _xlsx_rows(self) -> Iterator[list]:
        from openpyxl import load_workbook

        position = self.reader = _SheetPosition()
        with open(self.source.path, "rb") as fh:  # a handle, so the file name's extension does not matter
            try:
                book = load_workbook(fh, read_only=True, data_only=True)
                sheet = next((s for s in book.worksheets if (s.max_row or 0) > 1), book.worksheets[0])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                    position.line_num = number
                    cells = ["" if v is None else v for v in values]
                    while cells and cells[-1] == "":
                        cells.pop()
                    yield cells
            except xlsx_errors() as exc:  # evaluated only when something was raised
                raise BadInput("readings.file.bad_xlsx", file=str(self.source.path), row=position.line_num + 1,
                               detail=str(exc)[:200]) from exc


    def _xls_rows(self) -> Iterator[list]:
        """A legacy .xls workbook through xlrd: date cells become datetime (a time-only cell, time)."""
        import xlrd
        import xlrd.compdoc

        position = self.reader = _SheetPosition()
        try:
            book = xlrd.open_workbook(str(self.source.path), on_demand=True)
            sheet = next((s for s in book.sheets() if s.nrows > 1), book.sheet_by_index(0))
            for number in range(sheet.nrows):
                position.line_num = number + 1
                cells = [_xls_cell(cell, book.datemode) for cell in sheet.row(number)]
                while cells and cells[-1] == "":
                    cells.pop()
                yield cells
        except (xlrd.XLRDError, xlrd.compdoc.CompDocError, ValueError, IndexError, struct_error, OverflowError,
                AssertionError, KeyError) as exc:
            raise BadInput("readings.file.bad_xls", file=str(self.source.path), row=position.line_num + 1,
                           detail=str(exc)[:200]) from exc


def _xls_cell(cell, datemode: int) -> object:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        moment = xlrd.xldate_as_datetime(cell.value, datemode)
        return moment.time() if cell.value < 1 else moment
    if cell.ctype == xlrd.XL_CELL_EMPTY or cell.ctype == xlrd.XL_CELL_BLANK:
        return ""
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return "#ERR"
    return cell.value


@functools.cache
def xlsx_errors() -> tuple[type[BaseException], ...]:
    """What a broken workbook raises (openpyxl loads on first need: ~0.13 s at every start otherwise)."""
    import zipfile
    import zlib
    from xml.etree.ElementTree import ParseError

    from openpyxl.utils.exceptions import InvalidFileException

    return (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, ParseError, InvalidFileException, KeyError,
            ValueError, TypeError, IndexError, AttributeError, EOFError, OSError)

