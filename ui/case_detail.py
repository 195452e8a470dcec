"""One case: facts, violations, the fine assessment, statutory deadlines (overdue in red) and the events so far;
and, on a page of its own (办案程序), what the procedure allows next, why the rest is closed, and the forms."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eco_field.law.case_events import STATUSES
from eco_field.law.cases import Case
from ui import case_steps
from ui.case_steps import NextSteps, StepForms
from ui.daily_rounds import DailyRounds
from ui.slots import emit

DEADLINE_COLOURS = {"overdue": "#f6d0cc", "near": "#fbe7c2", "met_late": "#f6d0cc", "lapsed": "#e5e5e5"}


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table


class CaseDetail(QWidget):
    assess = Signal(object)  # Case
    document_chosen = Signal(str)  # a document kind the next steps offer, clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: Case | None = None
        self.title = QLabel(objectName="screenTitle", wordWrap=True)
        self.facts = QLabel(wordWrap=True)
        self.amount = QLabel(wordWrap=True)
        self.violations = _table([self.tr("Catalog"), self.tr("Facts")])
        self.deadlines = _table([self.tr("Deadline"), self.tr("Due"), self.tr("State"), self.tr("Basis")])
        self.events = _table([self.tr("Date"), self.tr("Event"), self.tr("Note")])
        self.next_steps = NextSteps()  # what the procedure allows now, and why the rest is closed
        self.forms = StepForms()       # event, approval, statement, monitoring report and photo forms
        self.next_steps.chosen.connect(self._chosen)
        self.procedure_title = QLabel(objectName="screenTitle", wordWrap=True)
        self.daily_rounds = DailyRounds()  # the 按日连续处罚 rounds, read-only
        self.procedure_page = self._procedure_page()  # the screen shows it as a tab of its own
        self.event_kind, self.event_date, self.add_event = self.forms.event_kind, self.forms.event_date, \
            self.forms.add_event
        self.assess_button = QPushButton(self.tr("Penalty calculator…"), objectName="primary")
        self.assess_button.clicked.connect(self._assess)
        self._build()
        self.setEnabled(False)

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.assess_button)
        deadlines_box = QGroupBox(self.tr("Statutory deadlines"))
        QVBoxLayout(deadlines_box).addWidget(self.deadlines)
        events_box = QGroupBox(self.tr("Procedure so far"))
        QVBoxLayout(events_box).addWidget(self.events)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.amount)
        layout.addWidget(self.violations, 1)
        layout.addWidget(deadlines_box, 2)
        layout.addWidget(events_box, 3)

    def _procedure_page(self) -> QWidget:
        page = QWidget(enabled=False)
        steps_box = QGroupBox(self.tr("Next steps"))
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.addWidget(self.next_steps.heading)  # stays in view however far the list is scrolled
        steps_layout.addWidget(self.next_steps)
        splitter = QSplitter(Qt.Orientation.Vertical)  # both at full width: the reasons are long sentences
        splitter.addWidget(steps_box)
        splitter.addWidget(self.forms)
        splitter.setSizes([330, 290])
        layout = QVBoxLayout(page)
        layout.addWidget(self.procedure_title)
        layout.addWidget(self.daily_rounds)  # only once a 复查 found the violation continuing
        layout.addWidget(splitter, 1)
        return page

    def _chosen(self, code: str) -> None:
        if "-" in code:  # a document kind (event codes use underscores)
            emit(self.document_chosen, code)
        else:
            self.forms.open_for(code)

    def show_case(self, case: Case, descriptions: dict[str, str], steps: dict | None = None,
                  reports: list[dict] | None = None, photos: list[dict] | None = None) -> None:
        """steps: procedure.next_steps (with its daily_rounds); reports: the monitoring reports attached (procedure.facts); photos:
        the flagged photos the case cites (case_steps.flagged_photos)."""
        self.case = case
        case_steps.VIOLATION_NAMES.update(descriptions)  # refusals name the violation, not its catalog id
        steps = steps or {"events": [], "documents": []}
        self.next_steps.show_steps(steps)
        self.daily_rounds.show_rounds(steps.get("daily_rounds", []))
        self.forms.set_case(case.id, steps, reports, photos)
        self.setEnabled(True)
        self.procedure_page.setEnabled(True)
        self.title.setText(f"{case.enterprise_name} · {STATUSES.get(case.status, case.status)}")
        self.procedure_title.setText(self.title.text())
        self.facts.setText(self.tr("Facts: {facts}").format(facts=case.facts))
        a = case.assessment
        self.amount.setText(self.tr("Fine: {amount} yuan (range {low}–{high})").format(
            amount=f"{a.amount:,}", low=f"{a.min:,}", high=f"{a.max:,}") if a else self.tr("Fine: not assessed yet"))
        self._fill(self.violations, [[descriptions.get(v.catalog_id, v.catalog_id), v.facts]
                                     for v in case.violations])
        for row, v in enumerate(case.violations):  # the catalog id stays at hand for the officer who needs it
            self.violations.item(row, 0).setToolTip(self.tr("Catalog entry {id}").format(id=v.catalog_id))
        # a catalog description is long: wrapped in a column of its own width, so the facts stay in view
        self.violations.setColumnWidth(0, min(self.violations.columnWidth(0), 300))
        self.violations.setWordWrap(True)
        self.violations.resizeRowsToContents()
        self._fill(self.deadlines, [[d["label"], d["due"], d["status_label"] + self._days_left(d), d["basis"]]
                                    for d in case.deadlines])
        for row, deadline in enumerate(case.deadlines):
            colour = DEADLINE_COLOURS.get(deadline["status"])
            if colour:
                for column in range(self.deadlines.columnCount()):
                    self.deadlines.item(row, column).setBackground(QColor(colour))
        self._fill(self.events, [[e["date"], e["label"], e["note"]] for e in case.events])

    def _days_left(self, deadline: dict) -> str:
        left = deadline.get("days_left")
        return "" if left is None or left < 0 else self.tr(" ({n} days left)").format(n=left)

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(str(text)))
        table.resizeColumnsToContents()

    def _assess(self) -> None:
        if self.case is not None:
            emit(self.assess, self.case)
