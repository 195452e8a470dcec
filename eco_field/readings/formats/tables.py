"""Rows of a delimited text file or an XLSX sheet, with the physical line (row) number of each."""

from __future__ import annotations

from collections.abc import Iterator

from eco_field.errors import BadInput
from eco_field.readings.textio import LineReader, Source, csv_rows, sniff_delimiter


class TableRows:
    """Iterate rows (lists of cells); `line` is the line or sheet row of the row just yielded."""

    def __init__(self, source: Source, delimiter: str | None = None, encoding: str | None = None) -> None:
        self.source = source
        self.delimiter = delimiter
        self.encoding = encoding or source.encoding
        self._lines: LineReader | None = None
        self._row = 0
        if not source.is_xlsx and delimiter is None:
            self.delimiter = sniff_delimiter(source.head_lines(60, self.encoding))

    @property
    def line(self) -> int:
        return self._lines.number if self._lines is not None else self._row

    def __iter__(self) -> Iterator[list]:
        if self.source.is_xlsx:
            yield from self._xlsx_rows()
            return
        self._lines = LineReader(self.source, self.encoding)
        yield from csv_rows(self._lines, self.delimiter or ",")

    def _xlsx_rows(self) -> Iterator[list]:
        import zipfile

        from openpyxl import load_workbook

        try:
            book = load_workbook(self.source.path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise BadInput(f"{self.source.path}: not a readable XLSX workbook ({exc})") from exc
        try:
            sheet = next((s for s in book.worksheets if (s.max_row or 0) > 1), book.worksheets[0])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                self._row = number
                cells = ["" if v is None else v for v in values]
                while cells and cells[-1] == "":
                    cells.pop()
                yield cells
        finally:
            book.close()
