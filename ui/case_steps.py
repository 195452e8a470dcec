"""The case's procedure on screen: what may happen next and why the rest is closed (procedure.next_steps),
and the forms that record an event, an approval or the party's statement. Every form goes through the same
services as the command line; a refusal comes back as the procedure's own message."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QWidget,
)

from eco_field.clock import now_local
from eco_field.law.approvals import CHAIN_ROLES, FINAL_ROLES, STEPS
from eco_field.law.procedure import event_label
from ui.slots import emit

CLOSED_COLOUR = "#777777"


def _date_edit() -> QDateEdit:
    today = now_local().date()  # the bureau's day, which the procedure's "not in the future" uses
    return QDateEdit(QDate(today.year, today.month, today.day), calendarPopup=True, displayFormat="yyyy-MM-dd")


def kind_title(kind: str) -> str:
    """The document's own title (行政处罚决定书 …), the kind code when the kind is unknown."""
    from eco_field.documents.kinds import module_for

    try:
        return module_for(kind).TITLE
    except Exception:  # noqa: BLE001 - a kind this build cannot render is still named
        return kind


def _iso(edit: QDateEdit) -> str:
    day = edit.date().toPython()
    return (day if isinstance(day, date) else date.today()).isoformat()


class NextSteps(QListWidget):
    """Open steps first (✓), then the closed ones with the reason each is closed (✗)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def show_steps(self, steps: dict) -> None:
        self.clear()
        events, documents = steps.get("events", []), steps.get("documents", [])
        for e in events:
            if e["allowed"]:
                self._add(f"✓ {event_label(e['event'])}", e["event"], True)
        for d in documents:
            if d["allowed"]:
                self._add("✓ " + self.tr("Document {kind}").format(kind=kind_title(d["kind"])), d["kind"], True)
        for e in events:
            if not e["allowed"]:
                self._add(f"✗ {event_label(e['event'])}：{e['reason']}", e["event"], False)
        for d in documents:
            if not d["allowed"]:
                self._add("✗ " + self.tr("Document {kind}").format(kind=kind_title(d["kind"])) + f"：{d['reason']}", d["kind"],
                          False)

    def _add(self, text: str, code: str, allowed: bool) -> None:
        item = QListWidgetItem(text)
        item.setToolTip(text)
        item.setData(Qt.ItemDataRole.UserRole, (code, allowed))
        if not allowed:
            item.setForeground(QColor(CLOSED_COLOUR))
        self.addItem(item)

    def allowed(self) -> list[str]:
        return [self.item(r).data(Qt.ItemDataRole.UserRole)[0] for r in range(self.count())
                if self.item(r).data(Qt.ItemDataRole.UserRole)[1]]


class StepForms(QTabWidget):
    """Record an event, an approval or a statement for the case shown."""

    record_event = Signal(str, str, str, str)                      # case id, event code, ISO date, note
    approve = Signal(str, str, str, str, str, str)                 # case id, step, by, role, opinion, ISO date
    statement = Signal(str, str, str, object, str, bool)           # case id, ISO date, text, adopted, reason, hearing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_id: str | None = None
        self.addTab(self._event_form(), self.tr("Event"))
        self.addTab(self._approval_form(), self.tr("Approval"))
        self.addTab(self._statement_form(), self.tr("Statement"))

    def _event_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.event_kind = QComboBox()
        self.event_date, self.event_note = _date_edit(), QLineEdit()
        self.event_note.setPlaceholderText(self.tr("Reason, ground or approval the step needs"))
        self.add_event = QPushButton(self.tr("Record event"))
        self.add_event.clicked.connect(self._record_event)
        form.addRow(self.tr("Event"), self.event_kind)
        form.addRow(self.tr("Date"), self.event_date)
        form.addRow(self.tr("Note"), self.event_note)
        form.addRow(self.add_event)
        return page

    def _approval_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.step = QComboBox()
        for code, label in STEPS.items():
            self.step.addItem(label, code)
        self.role = QComboBox(editable=True)
        self.step.currentIndexChanged.connect(self._fill_roles)
        self._fill_roles()
        self.approver, self.opinion, self.approval_date = QLineEdit(), QLineEdit(), _date_edit()
        self.approve_button = QPushButton(self.tr("Record approval"))
        self.approve_button.clicked.connect(self._approve)
        form.addRow(self.tr("Step"), self.step)
        form.addRow(self.tr("Approver"), self.approver)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Opinion"), self.opinion)
        form.addRow(self.tr("Date"), self.approval_date)
        form.addRow(self.approve_button)
        return page

    def _fill_roles(self) -> None:
        code = self.step.currentData()
        self.role.clear()
        self.role.addItems(list(FINAL_ROLES.get(code, ())) + list(CHAIN_ROLES.get(code, ())))

    def _statement_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.statement_text, self.statement_reason = QLineEdit(), QLineEdit()
        self.adopted = QComboBox()
        self.adopted.addItem(self.tr("Not reviewed yet"), None)
        self.adopted.addItem(self.tr("Adopted"), True)
        self.adopted.addItem(self.tr("Not adopted"), False)
        self.at_hearing = QCheckBox(self.tr("Stated at the hearing"))
        self.statement_date = _date_edit()
        self.statement_button = QPushButton(self.tr("Record statement"))
        self.statement_button.clicked.connect(self._statement)
        form.addRow(self.tr("What the party stated"), self.statement_text)
        form.addRow(self.tr("Review"), self.adopted)
        form.addRow(self.tr("Why"), self.statement_reason)
        form.addRow(self.at_hearing)
        form.addRow(self.tr("Date"), self.statement_date)
        form.addRow(self.statement_button)
        return page

    def set_case(self, case_id: str, steps: dict) -> None:
        """Offer the events the procedure lists (approvals and statements have their own forms)."""
        self.case_id = case_id
        current = self.event_kind.currentData()
        self.event_kind.clear()
        for e in steps.get("events", []):
            if e["event"] in ("statement",) or e["event"].startswith("approve_"):
                continue
            self.event_kind.addItem(("" if e["allowed"] else "✗ ") + event_label(e["event"]), e["event"])
        index = self.event_kind.findData(current)
        if index < 0:  # the first open step
            index = next((i for i in range(self.event_kind.count())
                          if not self.event_kind.itemText(i).startswith("✗")), 0)
        self.event_kind.setCurrentIndex(index)

    def _record_event(self) -> None:
        if self.case_id:
            emit(self.record_event, self.case_id, self.event_kind.currentData(), _iso(self.event_date),
                 self.event_note.text().strip())

    def _approve(self) -> None:
        if self.case_id:
            emit(self.approve, self.case_id, self.step.currentData(), self.approver.text().strip(),
                 self.role.currentText().strip(), self.opinion.text().strip(), _iso(self.approval_date))

    def _statement(self) -> None:
        if self.case_id:
            emit(self.statement, self.case_id, _iso(self.statement_date), self.statement_text.text().strip(),
                 self.adopted.currentData(), self.statement_reason.text().strip(), self.at_hearing.isChecked())
