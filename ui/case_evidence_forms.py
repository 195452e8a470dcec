"""The case's evidence forms (issue 13 part 5): a qualified body's monitoring report with its PDF or scan, and
the officer's note on a flagged photo (explained, printed beside it; or left out of the case). They record
through eco_field.law.case_steps, as `cases report` and `cases photo --explain/--exclude` do."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from eco_field.clock import now_local
from ui.slots import emit

REPORT_FILTER = "Monitoring reports (*.pdf *.PDF *.jpg *.jpeg *.JPG *.png *.tif *.tiff);;All files (*)"


def date_edit() -> QDateEdit:
    today = now_local().date()  # the bureau's day, which the procedure's "not in the future" uses
    return QDateEdit(QDate(today.year, today.month, today.day), calendarPopup=True, displayFormat="yyyy-MM-dd")


def iso(edit: QDateEdit) -> str:
    day = edit.date().toPython()
    return (day if isinstance(day, date) else now_local().date()).isoformat()


def closed_hint() -> QLabel:
    """A grey line under a form's choice: why the step is not open now (hidden while it is)."""
    label = QLabel(wordWrap=True, objectName="closedHint", visible=False)
    label.setStyleSheet("color: #8a6d1d;")
    return label


RESULT_KEYS = ("place", "pollutant", "value", "unit", "limit", "standard", "sampled")  # law/monitoring_results.FIELDS


class ResultsTable(QTableWidget):
    """The report's results as its table lists them, one row each; cells typed as on paper (the limit 100, ≥5 or
    6～9). What is wrong is said by the service naming the row and the field, as the command line's --result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(RESULT_KEYS), parent)
        self.setHorizontalHeaderLabels([self.tr("Outlet or point"), self.tr("Pollutant"), self.tr("Measured"),
                                        self.tr("Unit"), self.tr("Limit"), self.tr("Standard (name and number)"),
                                        self.tr("Sampling date")])
        for column, width in enumerate((100, 90, 70, 70, 60, 210)):
            self.setColumnWidth(column, width)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        self.setMinimumHeight(110)

    def add_row(self, values: dict[str, str] | None = None) -> None:
        row = self.rowCount()
        self.insertRow(row)
        for column, key in enumerate(RESULT_KEYS):
            self.setItem(row, column, QTableWidgetItem(str((values or {}).get(key, ""))))
        self.setCurrentCell(row, 0)

    def remove_current(self) -> None:
        if self.currentRow() >= 0:
            self.removeRow(self.currentRow())

    def results(self) -> list[dict[str, str]]:
        """The rows typed, blank rows left out."""
        rows = []
        for row in range(self.rowCount()):
            values = {key: (self.item(row, c).text().strip() if self.item(row, c) else "")
                      for c, key in enumerate(RESULT_KEYS)}
            if any(values.values()):
                rows.append(values)
        return rows


class ReportForm(QWidget):
    """监测报告: its number, the qualified body, its date, its results and the file kept unchanged as evidence."""

    submitted = Signal(str, str, str, str, str, object)  # case id, number, body, ISO date, file path, results

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_id: str | None = None
        self.choose_file: Callable[[], Path | None] | None = None  # set by the screen (the dialog service)
        self.hint, self.attached = closed_hint(), QLabel(wordWrap=True)
        self.number, self.body, self.day = QLineEdit(), QLineEdit(), date_edit()
        self.number.setPlaceholderText(self.tr("As printed on the report"))
        self.body.setPlaceholderText(self.tr("The qualified monitoring body that issued it"))
        self.file = QLineEdit(readOnly=True, placeholderText=self.tr("The report's PDF or scan"))
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.clicked.connect(self._browse)
        self.button = QPushButton(self.tr("Attach monitoring report"))
        self.button.clicked.connect(self._submit)
        self.path: Path | None = None
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse)
        self.results = ResultsTable()
        self.add_result, self.remove_result = QPushButton(self.tr("Add result")), QPushButton(self.tr("Remove result"))
        self.add_result.clicked.connect(lambda: self.results.add_row())
        self.remove_result.clicked.connect(self.results.remove_current)
        result_buttons = QHBoxLayout()
        result_buttons.addWidget(self.add_result)
        result_buttons.addWidget(self.remove_result)
        result_buttons.addStretch(1)
        results_hint = QLabel(self.tr("One row per result of the report. Limit: 100 (a maximum), ≥5 (a minimum) or "
                                      "6～9 (a range); write 无量纲 as the unit of pH; the sampling date (optional) as "
                                      "YYYY-MM-DD. The multiple is computed."),
                              wordWrap=True)
        results_hint.setStyleSheet("color: #666;")
        form = QFormLayout(self)
        form.addRow(self.hint)
        form.addRow(self.tr("Report number"), self.number)
        form.addRow(self.tr("Monitoring body"), self.body)
        form.addRow(self.tr("Report date"), self.day)
        form.addRow(self.tr("Report file"), file_row)
        form.addRow(self.tr("Results"), self.results)
        form.addRow("", result_buttons)
        form.addRow("", results_hint)
        form.addRow(self.button)
        form.addRow(self.attached)

    def set_case(self, case_id: str, reports: list[dict[str, Any]], closed_reason: str) -> None:
        if case_id != self.case_id:
            self.number.clear()
            self.set_file(None)
            self.results.setRowCount(0)
        self.case_id = case_id
        self.hint.setText(self.tr("Not open now: {reason}").format(reason=closed_reason) if closed_reason else "")
        self.hint.setVisible(bool(closed_reason))
        lines = [self.tr("{body}, report {number} of {date}").format(body=r["body"], number=r["number"],
                                                                      date=r["date"]) + self._results_text(r)
                 for r in reports]
        self.attached.setText(self.tr("Attached: {reports}").format(reports="；".join(lines)) if lines else
                              self.tr("No monitoring report attached yet. An exceedance needs one before the "
                                      "notice; screening readings are only a lead."))

    def _results_text(self, report: dict[str, Any]) -> str:
        results = report.get("results") or []
        if not results:
            return self.tr(" (no results entered: the notice and the decision cite it by number only)")
        return self.tr(" ({count} results, {over} over the limit)").format(
            count=len(results), over=sum(1 for r in results if r.get("exceeds")))

    def attached_done(self) -> None:
        """After a report is attached: ready for the next one."""
        self.set_file(None)
        self.results.setRowCount(0)

    def set_file(self, path: Path | None) -> None:
        self.path = path
        self.file.setText(path.name if path else "")
        self.file.setToolTip(str(path) if path else "")

    def _browse(self) -> None:
        if self.choose_file is not None:
            chosen = self.choose_file()
            if chosen:
                self.set_file(chosen)

    def _submit(self) -> None:
        if self.case_id:
            emit(self.submitted, self.case_id, self.number.text().strip(), self.body.text().strip(), iso(self.day),
                 str(self.path) if self.path else "", self.results.results())


class PhotoNoteForm(QWidget):
    """A flagged photo of the case: explain it (printed beside the photo) or leave it out of the case."""

    submitted = Signal(str, str, str, str, bool)  # case id, evidence id, text, ISO date, exclude

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_id: str | None = None
        self.hint, self.empty = closed_hint(), QLabel(wordWrap=True)
        self.photo = QComboBox()
        self.photo.currentIndexChanged.connect(self._show_photo)
        self.reasons = QLabel(wordWrap=True)
        self.explain = QRadioButton(self.tr("Explain it (printed beside the photo)"), checked=True)
        self.exclude = QRadioButton(self.tr("Leave it out of the case"))
        self.actions = QButtonGroup(self)
        for button in (self.explain, self.exclude):
            self.actions.addButton(button)
            button.toggled.connect(self._placeholder)
        self.text, self.day = QLineEdit(), date_edit()
        self.button = QPushButton(self.tr("Record the note"))
        self.button.clicked.connect(self._submit)
        self._placeholder()
        choice = QHBoxLayout()
        choice.addWidget(self.explain)
        choice.addWidget(self.exclude)
        choice.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.hint)
        form.addRow(self.empty)
        form.addRow(self.tr("Photo"), self.photo)
        form.addRow(self.tr("Flagged because"), self.reasons)
        form.addRow(self.tr("Action"), choice)
        form.addRow(self.tr("Explanation or reason"), self.text)
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.button)

    def set_case(self, case_id: str, photos: list[dict[str, Any]], closed_reason: str) -> None:
        current = self.photo.currentData() if case_id == self.case_id else None
        self.case_id = case_id
        self._photos = {p["id"]: p for p in photos}
        self.photo.blockSignals(True)
        self.photo.clear()
        for p in photos:
            self.photo.addItem(f"{p['name']}（{self._state(p)}）", p["id"])
        self.photo.setCurrentIndex(max(self.photo.findData(current), 0))
        self.photo.blockSignals(False)
        self._show_photo()
        self.hint.setText(self.tr("Not open now: {reason}").format(reason=closed_reason) if closed_reason else "")
        self.hint.setVisible(bool(closed_reason))
        self.empty.setText("" if photos else self.tr("None of the photos this case cites is flagged: nothing to "
                                                     "explain."))
        self.empty.setVisible(not photos)
        for widget in (self.photo, self.explain, self.exclude, self.text, self.day, self.button):
            widget.setEnabled(bool(photos))

    def _state(self, photo: dict[str, Any]) -> str:
        note = photo.get("note")
        if note is None:
            return self.tr("not explained yet")
        return self.tr("left out of the case") if note["action"] == "exclude" else self.tr("explained")

    def _show_photo(self) -> None:
        photo = self._photos.get(self.photo.currentData()) if hasattr(self, "_photos") else None
        if photo is None:
            self.reasons.setText("")
            return
        note = photo.get("note")
        said = "" if note is None else "\n" + self.tr("Noted: {text}").format(text=note["text"])
        self.reasons.setText("；".join(photo["reasons"]) + said)

    def set_action(self, code: str) -> None:
        (self.exclude if code == "evidence_excluded" else self.explain).setChecked(True)

    def _placeholder(self) -> None:
        self.text.setPlaceholderText(self.tr("Why it was taken then or there, e.g. the camera clock was wrong")
                                     if self.explain.isChecked() else
                                     self.tr("Why it is left out, e.g. taken at another site"))

    def _submit(self) -> None:
        if self.case_id and self.photo.currentData():
            emit(self.submitted, self.case_id, self.photo.currentData(), self.text.text().strip(), iso(self.day),
                 self.exclude.isChecked())
