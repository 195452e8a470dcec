"""The case's procedure on screen: what may happen next and why the rest is closed (procedure.next_steps),
and the forms that record an event, an approval, the party's statement, a monitoring report or a flagged
photo's note. Every form goes through the same services as the command line; a refusal comes back as the
procedure's own message."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QWidget,
)

from eco_field.errors import EcoFieldError
from eco_field.law.approvals import CHAIN_ROLES, FINAL_ROLES, STEPS
from eco_field.law.case_steps import event_data
from eco_field.law.procedure import event_label
from ui.case_evidence_forms import PhotoNoteForm, ReportForm, closed_hint, date_edit, iso
from ui.event_details import EventDetails
from ui.formatting import short_name
from ui.slots import emit

OPEN_COLOUR, CLOSED_COLOUR = "#1d6b45", "#8a8a8a"
WARNING_COLOUR = "#9a5b00"  # amber: allowed, but said (e.g. a monitoring report without its results)
# events with a form of their own (they carry details the plain event form has no fields for)
OWN_FORMS = {"statement": 2, "monitoring_report": 3, "evidence_explained": 4, "evidence_excluded": 4}
# The procedure words what is missing for the command line ("须写明审批人姓名（--by）"); on screen the option
# becomes the form's field, and options with no field here are left out.
FLAG_FIELDS = {"note": QT_TRANSLATE_NOOP("CaseFields", "Note"), "by": QT_TRANSLATE_NOOP("CaseFields", "Approver"),
               "text": QT_TRANSLATE_NOOP("CaseFields", "Explanation or reason"),
               "body": QT_TRANSLATE_NOOP("CaseFields", "Monitoring body"),
               "number": QT_TRANSLATE_NOOP("CaseFields", "Report number"),
               "reason": QT_TRANSLATE_NOOP("CaseFields", "Why"), "adopted": QT_TRANSLATE_NOOP("CaseFields", "Review"),
               "date": QT_TRANSLATE_NOOP("CaseFields", "Date"),
               "measure": QT_TRANSLATE_NOOP("CaseFields", "Measure"),
               "months": QT_TRANSLATE_NOOP("CaseFields", "Period (months)"),
               "ground-item": QT_TRANSLATE_NOOP("CaseFields", "Ground"),
               "ground": QT_TRANSLATE_NOOP("CaseFields", "Ground of release"),
               "approved-by": QT_TRANSLATE_NOOP("CaseFields", "Approved by"),
               "until": QT_TRANSLATE_NOOP("CaseFields", "Last day of payment"),
               "withdrawal-decision": QT_TRANSLATE_NOOP("CaseFields", "Withdrawal decision"),
               "evidence": QT_TRANSLATE_NOOP("CaseFields", "Re-check evidence"),
               "scope": QT_TRANSLATE_NOOP("CaseFields", "Rights waived")}
FLAG = re.compile(r"--([a-z][a-z-]*)(?: yes\|no)?")


CATALOG_ID = re.compile(r"\b[A-Z]{2,6}-\d{2,3}\b")
# catalog id -> the violation's description, for the case shown (CaseDetail.show_case sets it)
VIOLATION_NAMES: dict[str, str] = {}


def screen_text(text: str) -> str:
    """A procedure message as the window shows it: command-line options named by the form's fields, catalog
    ids (AIR-02) by the violation's name."""
    text = CATALOG_ID.sub(lambda m: f"“{short_name(VIOLATION_NAMES[m.group(0)])}”"
                          if m.group(0) in VIOLATION_NAMES else m.group(0), text)

    def field(match: re.Match) -> str:
        label = FLAG_FIELDS.get(match.group(1))
        return f"“{QCoreApplication.translate('CaseFields', label)}”" if label else ""

    out = FLAG.sub(field, text)
    for before, after in (("（，", "（"), ("（ ", "（"), ("，）", "）"), ("（）", ""), (" ）", "）"),
                          ("” ", "”"), (" “", "“")):
        out = out.replace(before, after)
    return re.sub(r" {2,}", " ", out).strip()


def kind_title(kind: str) -> str:
    """The document's own title (行政处罚决定书 …), the kind code when the kind is unknown."""
    from eco_field.documents.kinds import module_for

    try:
        return module_for(kind).TITLE
    except Exception:  # noqa: BLE001 - a kind this build cannot render is still named
        return kind


class NextSteps(QListWidget):
    """Three groups: the steps open now (under `heading`, kept above the list), the documents that may be made
    now (both in green, a click opens the form or the document), then the closed ones in grey, each with the
    procedure's reason."""

    chosen = Signal(str)  # an open event or document kind, clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrap the reasons when the pane is resized
        self.itemClicked.connect(self._clicked)
        self._state: dict[str, tuple[bool, str]] = {}
        # 「现在可以办理」 is a label the page places above the list, not a row of it: a long list of closed
        # steps would scroll it out of view
        self.heading = QLabel(objectName="nextStepsHeading")
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)

    def show_steps(self, steps: dict) -> None:
        self.clear()
        events, documents = steps.get("events", []), steps.get("documents", [])
        self._state = {e["event"]: (e["allowed"], screen_text(e["reason"])) for e in events}
        self._state.update({d["kind"]: (d["allowed"], screen_text(d["reason"])) for d in documents})
        open_events = [e for e in events if e["allowed"]]
        open_docs = [d for d in documents if d["allowed"]]
        closed = [(event_label(e["event"]), e["event"], self._state[e["event"]][1]) for e in events if not e["allowed"]]
        closed += [(f"《{kind_title(d['kind'])}》", d["kind"], self._state[d["kind"]][1]) for d in documents
                   if not d["allowed"]]
        self.heading.setText(self.tr("Open now ({n})").format(n=len(open_events)))
        for warning in steps.get("warnings", []):  # open steps that a reviewer would still question
            item = self._item(f"！{screen_text(warning)}", None)
            item.setForeground(QBrush(QColor(WARNING_COLOUR)))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if not open_events:
            self._note(self.tr("No step is open now: see the reasons below."))
        for e in open_events:
            self._open(f"● {event_label(e['event'])}", e["event"])
        self._header(self.tr("Documents that may be made now ({n})").format(n=len(open_docs)))
        for d in open_docs:
            self._open(f"● 《{kind_title(d['kind'])}》", d["kind"])
        self.closed_header = self._header(self.tr("Not open now, and why ({n})").format(n=len(closed)))
        for label, code, reason in closed:
            item = self._item(f"{label}：{reason}", code)
            item.setForeground(QBrush(QColor(CLOSED_COLOUR)))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, not a choice

    def _item(self, text: str, code: str | None) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setToolTip(text)
        item.setData(Qt.ItemDataRole.UserRole, code)
        self.addItem(item)
        return item

    def _header(self, text: str) -> QListWidgetItem:
        item = self._item(text, None)
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    def _note(self, text: str) -> None:
        self._item(text, None).setFlags(Qt.ItemFlag.ItemIsEnabled)

    def _open(self, text: str, code: str) -> None:
        item = self._item(text, code)
        item.setForeground(QBrush(QColor(OPEN_COLOUR)))
        item.setToolTip(self.tr("Open now: click to fill in its form"))

    def _clicked(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        if code and self._state.get(code, (False, ""))[0]:
            emit(self.chosen, code)

    def state(self, code: str) -> tuple[bool, str]:
        """(open now, the reason it is closed) as the list shows it."""
        return self._state.get(code, (False, ""))

    def allowed(self) -> list[str]:
        return [code for code, (open_now, _) in self._state.items() if open_now]


class StepForms(QTabWidget):
    """Record an event, an approval, a statement, a monitoring report or a photo's note for the case shown."""

    record_event = Signal(str, str, str, str, object)              # case id, event code, ISO date, note, data
    approve = Signal(str, str, str, str, str, str)                 # case id, step, by, role, opinion, ISO date
    statement = Signal(str, str, str, object, str, bool)           # case id, ISO date, text, adopted, reason, hearing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_id: str | None = None
        self._reasons: dict[str, str] = {}
        self.report_form, self.photo_form = ReportForm(), PhotoNoteForm()
        self.report, self.photo_note = self.report_form.submitted, self.photo_form.submitted
        self.addTab(self._event_form(), self.tr("Event"))
        self.addTab(self._approval_form(), self.tr("Approval"))
        self.addTab(self._statement_form(), self.tr("Statement"))
        self.addTab(self.report_form, self.tr("Monitoring report"))
        self.addTab(self.photo_form, self.tr("Flagged photos"))

    def _event_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.event_kind = QComboBox()
        self.event_kind.currentIndexChanged.connect(self._show_event_reason)
        self.event_reason = closed_hint()
        self.event_date = date_edit()
        self.add_event = QPushButton(self.tr("Record event"))
        self.add_event.clicked.connect(self._record_event)
        form.addRow(self.tr("Event"), self.event_kind)
        form.addRow(self.event_reason)
        form.addRow(self.tr("Date"), self.event_date)
        self.details = EventDetails(form, page)  # the chosen event's own fields, as rows of this form
        self.event_note = self.details.note
        form.addRow(self.add_event)
        return page

    def _approval_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.step = QComboBox()
        for code, label in STEPS.items():
            self.step.addItem(label, code)
        self.role = QComboBox(editable=True)
        self.approval_reason = closed_hint()
        self.step.currentIndexChanged.connect(self._fill_roles)
        self._fill_roles()
        self.approver, self.opinion, self.approval_date = QLineEdit(), QLineEdit(), date_edit()
        self.approve_button = QPushButton(self.tr("Record approval"))
        self.approve_button.clicked.connect(self._approve)
        form.addRow(self.tr("Step"), self.step)
        form.addRow(self.approval_reason)
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
        self._show(self.approval_reason, self._reasons.get(f"approve_{code}", ""))

    def _statement_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.statement_text, self.statement_reason = QLineEdit(), QLineEdit()
        self.statement_hint = closed_hint()
        self.adopted = QComboBox()
        self.adopted.addItem(self.tr("Not reviewed yet"), None)
        self.adopted.addItem(self.tr("Adopted"), True)
        self.adopted.addItem(self.tr("Not adopted"), False)
        self.at_hearing = QCheckBox(self.tr("Stated at the hearing"))
        self.statement_date = date_edit()
        self.statement_button = QPushButton(self.tr("Record statement"))
        self.statement_button.clicked.connect(self._statement)
        form.addRow(self.statement_hint)
        form.addRow(self.tr("What the party stated"), self.statement_text)
        form.addRow(self.tr("Review"), self.adopted)
        form.addRow(self.tr("Why"), self.statement_reason)
        form.addRow(self.at_hearing)
        form.addRow(self.tr("Date"), self.statement_date)
        form.addRow(self.statement_button)
        return page

    def set_case(self, case_id: str, steps: dict, reports: list[dict[str, Any]] | None = None,
                 photos: list[dict[str, Any]] | None = None) -> None:
        """Offer the events the procedure lists (open ones first; closed ones greyed, their reason shown when
        chosen). Approvals, statements, reports and photo notes have their own forms."""
        self.case_id = case_id
        self._reasons = {e["event"]: screen_text(e["reason"]) for e in steps.get("events", []) if not e["allowed"]}
        current = self.event_kind.currentData()
        self.event_kind.blockSignals(True)
        self.event_kind.clear()
        events = [e for e in steps.get("events", [])
                  if e["event"] not in OWN_FORMS and not e["event"].startswith("approve_")]
        for e in sorted(events, key=lambda e: not e["allowed"]):  # stable: the procedure's order within each
            self.event_kind.addItem(event_label(e["event"]), e["event"])
            if not e["allowed"]:
                index = self.event_kind.count() - 1
                self.event_kind.setItemData(index, QBrush(QColor(CLOSED_COLOUR)), Qt.ItemDataRole.ForegroundRole)
                self.event_kind.setItemData(index, self._reasons[e["event"]], Qt.ItemDataRole.ToolTipRole)
        index = self.event_kind.findData(current)
        self.event_kind.setCurrentIndex(max(index, 0))  # else the first open step
        self.event_kind.blockSignals(False)
        self._show_event_reason()
        self._show(self.approval_reason, self._reasons.get(f"approve_{self.step.currentData()}", ""))
        self._show(self.statement_hint, self._reasons.get("statement", ""))
        self.report_form.set_case(case_id, reports or [], self._reasons.get("monitoring_report", ""))
        self.photo_form.set_case(case_id, photos or [], self._reasons.get("evidence_explained", ""))

    def open_for(self, code: str) -> None:
        """Bring up the form that records this step, with the step chosen."""
        if code.startswith("approve_"):
            self.setCurrentIndex(1)
            self.step.setCurrentIndex(max(self.step.findData(code.removeprefix("approve_")), 0))
        elif code in OWN_FORMS:
            self.setCurrentIndex(OWN_FORMS[code])
            if code.startswith("evidence_"):
                self.photo_form.set_action(code)
        elif self.event_kind.findData(code) >= 0:
            self.setCurrentIndex(0)
            self.event_kind.setCurrentIndex(self.event_kind.findData(code))

    def _show_event_reason(self) -> None:
        code = self.event_kind.currentData() or ""
        self._show(self.event_reason, self._reasons.get(code, ""))
        if code != self.details.code:
            self.details.show_for(code)

    def _show(self, label: QLabel, reason: str) -> None:
        label.setText(self.tr("Not open now: {reason}").format(reason=reason) if reason else "")
        label.setVisible(bool(reason))

    def _record_event(self) -> None:
        if self.case_id:
            code = self.event_kind.currentData()
            values = self.details.values()
            try:
                note, data = event_data(code, values)
            except EcoFieldError:  # typed wrongly (an agent without a name …): the service call words it on screen
                note, data = values.pop("note", ""), values
            emit(self.record_event, self.case_id, code, iso(self.event_date), note, data)

    def _approve(self) -> None:
        if self.case_id:
            emit(self.approve, self.case_id, self.step.currentData(), self.approver.text().strip(),
                 self.role.currentText().strip(), self.opinion.text().strip(), iso(self.approval_date))

    def _statement(self) -> None:
        if self.case_id:
            emit(self.statement, self.case_id, iso(self.statement_date), self.statement_text.text().strip(),
                 self.adopted.currentData(), self.statement_reason.text().strip(), self.at_hearing.isChecked())
