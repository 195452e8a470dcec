"""案件: penalty cases with their next deadline (overdue and near ones stand out); beside them the case (概况),
its procedure (next steps and the forms that record them) and its documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QTabWidget, QWidget

from eco_field.errors import EcoFieldError
from eco_field.law import case_steps, cases, procedure
from eco_field.law.case_events import STATUSES
from eco_field.law.catalog import load_catalog
from eco_field.law.data_dir import data_dir_of
from ui.case_detail import CaseDetail
from ui.case_evidence_forms import REPORT_FILTER
from ui.case_steps import screen_text
from ui.context import AppContext
from ui.documents_panel import DocumentsPanel
from ui.empty_state import EmptyState
from ui.formatting import short_name
from ui.list_page import ListPage, matching
from ui.paged_model import Column
from ui.penalty_dialog import PenaltyDialog


def next_deadline(case: cases.Case) -> str:
    """The most urgent open deadline, e.g. '作出处理决定期限 2026-09-01（已超期）'."""
    open_ones = [d for d in case.deadlines if d["status"] in ("overdue", "near", "open")]
    if not open_ones:
        return ""
    first = min(open_ones, key=lambda d: d["due"])
    return f"{first['label']} {first['due']}（{first['status_label']}）"


class CasesScreen(QWidget):
    WATCHES = frozenset({"case", "inspection", "document"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._all: list[cases.Case] = []
        self._descriptions: dict[str, str] | None = None
        empty = EmptyState(self.tr("No cases"),
                           self.tr("A case is opened from an inspection's findings: open the inspection, pick "
                                   "the violations from the catalog under “Findings”, then press “Open case”."))
        columns = [Column(self.tr("Registered"), lambda c: c.opened_at[:10]),
                   Column(self.tr("Enterprise"), lambda c: c.enterprise_name),
                   Column(self.tr("Violations"), self._violation_names, tooltip=self._violation_ids),
                   Column(self.tr("Status"), lambda c: STATUSES.get(c.status, c.status)),
                   Column(self.tr("Next deadline"), next_deadline)]
        self.list = ListPage(self.tr("Cases"), columns, self._fetch, self._count, self.show_case, empty,
                             search_hint=self.tr("Search: enterprise, violation, facts (Ctrl+F)"))
        self.list.table.set_column_widths([110, 160, 190, 80])
        self.list.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.detail = CaseDetail()
        self.detail.forms.record_event.connect(self._record_event)
        self.detail.forms.approve.connect(self._approve)
        self.detail.forms.statement.connect(self._statement)
        self.detail.forms.report.connect(self._report)
        self.detail.forms.photo_note.connect(self._photo_note)
        self.detail.forms.report_form.choose_file = self._choose_report
        self.detail.assess.connect(self.open_calculator)
        self.detail.document_chosen.connect(self.show_document_kind)
        self.documents = DocumentsPanel(ctx, "case")
        self.side = QTabWidget()
        self.side.addTab(self.detail, self.tr("Case"))
        self.side.addTab(self.detail.procedure_page, self.tr("Procedure"))
        self.side.addTab(self.documents, self.tr("Documents"))
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.side)
        splitter.setSizes([560, 640])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        ctx.hub.changed.connect(self.on_changed)
        self.list.refresh()

    def _load(self) -> list[cases.Case]:
        # A laptop holds tens of cases; deadlines are computed per case, so they are read whole.
        self._all = cases.list_cases(self.ctx.db)
        return self._all

    def _fetch(self, _search: str, limit: int, offset: int) -> list[cases.Case]:
        return self._all[offset:offset + limit]

    def _count(self, search: str) -> int:
        self._all = matching(self._load(), search, lambda c: c.enterprise_name,
                             lambda c: " ".join(v.catalog_id for v in c.violations), self._violation_names,
                             lambda c: c.facts)
        return len(self._all)

    def _names(self) -> dict[str, str]:
        """Catalog id -> the violation's Chinese description (read once; the catalog changes only by sync)."""
        if self._descriptions is None:
            self._descriptions = {k: e.description for k, e in load_catalog(data_dir_of(self.ctx.db)).items()}
        return self._descriptions

    def _violation_names(self, case: cases.Case) -> str:
        """The violations as an officer names them (短名), never the catalog's ids."""
        return "；".join(short_name(self._names().get(v.catalog_id, v.catalog_id)) for v in case.violations)

    def _violation_ids(self, case: cases.Case) -> str:
        return "\n".join(f"{v.catalog_id} {self._names().get(v.catalog_id, '')}" for v in case.violations)

    def on_changed(self, entities: frozenset) -> None:
        if entities & self.WATCHES:
            current = self.detail.case
            self.list.refresh()
            if current is not None:
                self.show_case(cases.get(self.ctx.db, current.id))

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.show_case(self.list.model.record(current.row()))

    def show_case(self, case: cases.Case) -> None:
        self.detail.show_case(case, self._names(),
                              procedure.next_steps(self.ctx.db, case.id),
                              procedure.facts(self.ctx.db, case.id)["monitoring_reports"],
                              case_steps.flagged_photos(self.ctx.db, case.id))
        if self.documents.case_id != case.id:
            self.documents.set_source(case_id=case.id)

    def _record_event(self, case_id: str, event: str, day: str, note: str = "", data: dict | None = None) -> None:
        def record(ws):
            # the form's values as the core takes them (again: a list typed wrongly is refused here, on screen)
            typed_note, typed = case_steps.event_data(event, {**(data or {}), "note": note})
            return cases.record_event(ws.db, case_id, event, day, typed_note, typed or None)

        self._act(record, lambda _case: self.detail.forms.details.clear())

    def _approve(self, case_id: str, step: str, by: str, role: str, opinion: str, day: str) -> None:
        self._act(lambda ws: case_steps.approve(ws.db, case_id, step, by, role, day, opinion))

    def _statement(self, case_id: str, day: str, text: str, adopted, reason: str, hearing: bool) -> None:
        self._act(lambda ws: case_steps.add_statement(ws.db, case_id, day, text, adopted, reason, at_hearing=hearing))

    def _act(self, func, on_done=None, announce: tuple[str, ...] = ("case",)) -> None:
        """Record a step through the service; a refusal is shown as the procedure words it, the command
        line's options named by the form's fields."""
        self.ctx.run(func, on_done, announce=announce, handle_error=self._refused)

    def _refused(self, error: BaseException) -> bool:
        if not isinstance(error, EcoFieldError):
            return False  # the context's own message
        self.ctx.dialogs.error(QCoreApplication.translate("AppContext", "Cannot do that"), screen_text(str(error)))
        return True

    def _report(self, case_id: str, number: str, body: str, day: str, path: str, results: list | None = None) -> None:
        if not path:  # the other fields the procedure checks, naming them
            self.ctx.dialogs.error(QCoreApplication.translate("AppContext", "Cannot do that"),
                                   self.tr("Choose the report's PDF or scan first."))
            return
        self._act(lambda ws: case_steps.attach_monitoring_report(ws, case_id, number, body, day, Path(path), results),
                  lambda _case: self.detail.forms.report_form.attached_done(), ("case", "evidence"))

    def _choose_report(self) -> Path | None:
        chosen = self.ctx.dialogs.open_files(self.tr("Choose the monitoring report"), REPORT_FILTER)
        return chosen[0] if chosen else None

    def _photo_note(self, case_id: str, evidence_id: str, text: str, day: str, exclude: bool) -> None:
        self._act(lambda ws: case_steps.note_evidence(ws.db, case_id, evidence_id, text, day, exclude=exclude),
                  lambda _case: self.detail.forms.photo_form.text.clear())

    def show_document_kind(self, kind: str) -> None:
        """The documents tab with this kind chosen, ready to preview or make."""
        self.side.setCurrentWidget(self.documents)
        index = self.documents.kind.findData(kind)
        if index >= 0:
            self.documents.kind.setCurrentIndex(index)

    def open_calculator(self, case: cases.Case) -> PenaltyDialog:
        dialog = PenaltyDialog(self.ctx, case, self)
        dialog.open()
        return dialog
