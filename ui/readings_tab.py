"""The readings tab of an inspection: import an instrument export (format detected, or the mapping dialog),
the statistics table of every series, and the chart of the selected one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eco_field import messages
from eco_field.errors import Cancelled
from eco_field.readings import service
from eco_field.readings.model import UnreadableHeader
from eco_field.readings.timeparse import AmbiguousDates
from eco_field.records import Enterprise, Inspection
from eco_field.workspace import Workspace
from ui.context import AppContext
from ui.formatting import instrument_format
from ui.mapping_dialog import MappingDialog
from ui.readings_chart import ReadingsChart

FILE_FILTER = "Instrument exports (*.csv *.txt *.tsv *.xlsx *.xls *.log);;All files (*)"
COLUMNS = ("pollutant", "statistic", "unit", "n", "min", "max", "mean", "limit", "exceed_count", "max_exceed_multiple")


def statistic_labels() -> dict[str, str]:
    return {"instantaneous": QCoreApplication.translate("ReadingsTab", "instantaneous"),
            "average": QCoreApplication.translate("ReadingsTab", "average"), "twa": "TWA", "stel": "STEL",
            "peak": QCoreApplication.translate("ReadingsTab", "peak"),
            "min": QCoreApplication.translate("ReadingsTab", "minimum")}


def _number(value: Any) -> str:
    if value is None:
        return ""
    return f"{value:.4g}" if isinstance(value, float) else str(value)


class ReadingsTab(QWidget):
    WATCHES = frozenset({"reading"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.inspection: Inspection | None = None
        self.series: list[dict[str, Any]] = []
        self.import_button = QPushButton(self.tr("Import instrument data…"), objectName="primary")
        self.outlet = QComboBox()
        self.format = QComboBox()
        self.format.addItem(self.tr("Detect the format"), "")
        for fmt in service.formats():
            self.format.addItem(instrument_format(fmt["name"]), fmt["name"])
        self.busy = QProgressBar(visible=False, maximum=0)
        self.cancel = QPushButton(self.tr("Cancel import"), visible=False)
        self.cancel.clicked.connect(self.cancel_import)
        self.job = None
        self.message = QLabel(wordWrap=True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr("Pollutant"), self.tr("Statistic"), self.tr("Unit"), "n",
                                              self.tr("Min"), self.tr("Max"), self.tr("Mean"), self.tr("Limit"),
                                              self.tr("Exceeding"), self.tr("Max multiple")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.chart = ReadingsChart()
        # what the import of the selected series' file said, kept with the file: time basis, skipped rows
        self.notes_title = QLabel(messages.text("readings.ui.notes"))
        self.notes = QListWidget(objectName="readingNotes")
        self.notes.setWordWrap(True)
        self.notes.setMaximumHeight(140)
        self.import_button.clicked.connect(self._choose_file)
        self.table.currentCellChanged.connect(self._series_selected)
        self._build()

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.import_button)
        bar.addWidget(QLabel(self.tr("Outlet")))
        bar.addWidget(self.outlet)
        bar.addWidget(self.format)
        bar.addWidget(self.busy)
        bar.addWidget(self.cancel)
        bar.addWidget(self.message, 1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setSizes([680, 440])  # the statistics columns fit at 1280 px
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.notes_title)
        layout.addWidget(self.notes)

    def set_inspection(self, insp: Inspection | None, enterprise: Enterprise) -> None:
        self.inspection = insp
        self.outlet.clear()
        self.outlet.addItem(self.tr("no limit check"), "")
        for outlet in enterprise.outlets:
            self.outlet.addItem(f"{outlet.code} {outlet.name}", outlet.code)
        if enterprise.outlets:
            self.outlet.setCurrentIndex(1)
        self.import_button.setEnabled(insp is not None and not insp.sealed)
        if insp is None:
            self.message.setText(self.tr("Save the inspection first, then import its readings."))
        self.reload()

    def reload(self) -> None:
        if self.inspection is None:
            self._show([])
            return
        inspection_id = self.inspection.id
        self.ctx.run(lambda ws: service.list_series(ws.db, inspection_id), self._show)

    def _show(self, series: list[dict[str, Any]]) -> None:
        self.series = series
        self.table.setRowCount(len(series))
        labels = statistic_labels()
        for row, item in enumerate(series):
            for column, key in enumerate(COLUMNS):
                text = labels.get(item[key], item[key]) if key == "statistic" else _number(item.get(key))
                cell = QTableWidgetItem(text)
                if key == "pollutant":  # the parameter's name and the instrument's own column name
                    cell.setToolTip(f"{item.get('name', '')}\n{item.get('sensor', '')}".strip())
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        if series and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)
        if not series:
            self.notes.clear()

    # -- import ------------------------------------------------------------------------------------
    def _choose_file(self) -> None:
        [path, *_] = self.ctx.dialogs.open_files(self.tr("Import instrument data"), FILE_FILTER) or [None]
        if path is not None:
            self.import_file(Path(path))

    def import_file(self, path: Path, mapping: dict[str, str] | None = None, profile: str = "",
                    time_format: str | None = None) -> None:
        if self.inspection is None:
            return
        inspection_id, fmt, outlet = self.inspection.id, self.format.currentData() or None, self.outlet.currentData()

        def work(ws: Workspace, control) -> dict[str, Any]:
            if profile and mapping:
                service.save_profile(ws.db, profile, mapping)
            return service.import_file(ws, inspection_id, path, fmt=fmt if not mapping else "generic_table",
                                       outlet=outlet or None, mapping=mapping,
                                       progress=lambda n: control.report(n, 0, path.name),
                                       cancel=lambda: control.cancelled, time_format=time_format)

        self.busy.setVisible(True)
        self.cancel.setVisible(True)
        self.cancel.setEnabled(True)
        self.import_button.setEnabled(False)
        self.job = self.ctx.run_long(work, self._imported, self._progress, announce=("reading", "evidence"),
                                     on_error=self._idle,
                                     handle_error=lambda error: self._not_imported(error, path, mapping, profile))

    def cancel_import(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel.setEnabled(False)

    def _progress(self, done: int, _total: int, name: str) -> None:
        self.message.setText(self.tr("Reading {name}: {n} samples").format(name=name, n=f"{done:,}"))

    def _imported(self, result: dict[str, Any]) -> None:
        self._idle()
        text = self.tr("{fmt}: {n} series imported").format(fmt=instrument_format(result["format"]),
                                                                  n=len(result["series"]))
        if result.get("already_imported"):
            text = self.tr("This file was already imported.")
        self.message.setText(text + ("\n" + "；".join(result["warnings"][:3]) if result["warnings"] else ""))
        self.reload()

    def _idle(self) -> None:
        self.job = None
        self.busy.setVisible(False)
        self.cancel.setVisible(False)
        self.import_button.setEnabled(self.inspection is not None and not self.inspection.sealed)

    def _not_imported(self, error: BaseException, path: Path, mapping: dict[str, str] | None = None,
                      profile: str = "") -> bool:
        """A cancel is no error to report; an unreadable header opens the mapping dialog; dates whose day/month
        order the file cannot tell ask for the time format (what --time-format gives on the command line)."""
        if isinstance(error, Cancelled):
            self._idle()
            self.message.setText(self.tr("Import cancelled; nothing was stored."))
            return True
        if isinstance(error, AmbiguousDates):
            self._idle()
            suggestion = error.patterns[0] if error.patterns else "%d/%m/%Y %H:%M:%S"
            answer = self.ctx.dialogs.get_text(messages.text("readings.ui.time_format_title"),
                                               f"{error}\n{messages.text('readings.ui.time_format_label')}",
                                               suggestion)
            if answer and answer.strip():
                self.import_file(path, mapping, profile, time_format=answer.strip())
            return True
        return self._needs_mapping(error, path)

    def _needs_mapping(self, error: BaseException, path: Path) -> bool:
        if not isinstance(error, UnreadableHeader):
            return False
        self._idle()
        dialog = MappingDialog(path.name, error.columns, self)
        dialog.accepted.connect(lambda: self.import_file(path, dialog.mapping(), dialog.profile.text().strip()))
        dialog.open()
        self.mapping_dialog = dialog  # tests answer it
        return True

    # -- chart ---------------------------------------------------------------------------------------
    def _series_selected(self, row: int, *_rest: int) -> None:
        if 0 <= row < len(self.series):
            series_id = self.series[row]["id"]

            def load(ws: Workspace) -> dict[str, Any]:
                data = service.get_series(ws.db, series_id, samples=True)
                data["notes"] = service.source_notes(ws.db, data["source_id"])
                return data

            self.ctx.run(load, self._show_series)

    def _show_series(self, data: dict[str, Any]) -> None:
        self.chart.show_series(data, data["samples"])
        notes = data["notes"]
        self.notes.clear()
        self.notes_title.setText(messages.text("readings.ui.notes_of", name=notes["name"]))
        for text in ([notes["time_basis"]] if notes["time_basis"] else []) + notes["warnings"]:
            self.notes.addItem(text)
