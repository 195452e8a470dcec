"""One inspection, new or existing: site and people, the industry checklist, and the findings.

A new inspection comes from a task (its enterprise and officers) or from an enterprise. Saving creates it
through eco_field.store.inspections.create and writes the rest with update, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from eco_field import checklists
from eco_field.law import cases
from eco_field.law.cases import CaseViolation
from eco_field.law.catalog import load_catalog
from eco_field.law.data_dir import data_dir_of
from eco_field.records import Inspection, Party
from eco_field.store import enterprises, inspections, officers, settings
from eco_field.store import tasks as task_store
from eco_field.store.database import write_transaction
from eco_field.workspace import Workspace
from ui.checklist_widget import ChecklistWidget
from ui.context import AppContext
from ui.documents_panel import DocumentsPanel
from ui.evidence_tab import EvidenceTab
from ui.findings_widget import FindingsWidget
from ui.inspection_form import InspectionForm
from ui.readings_tab import ReadingsTab
from ui.seal_flow import confirm_and_seal, start_amendment
from ui.slots import emit


@dataclass
class Draft:
    """What the editor is showing: an existing inspection (id) or a new one for an enterprise."""

    enterprise_id: str
    id: str | None = None
    task_id: str | None = None
    officers: list[str] = field(default_factory=list)


class InspectionEditor(QWidget):
    back = Signal()
    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.draft: Draft | None = None
        self.inspection: Inspection | None = None
        self.dirty = False
        self.title = QLabel(objectName="screenTitle")
        self.state = QLabel()
        self.back_button = QPushButton(self.tr("← Back to list"))
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), objectName="primary")
        self.seal_button = QPushButton(self.tr("Seal…"))
        self.amend_button = QPushButton(self.tr("Amend"))
        self.form = InspectionForm(officers.list_officers(ctx.db))
        self.checklist = ChecklistWidget()
        self.findings = FindingsWidget()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, self.tr("Site and people"))
        self.tabs.addTab(self.checklist, self.tr("Checklist"))
        self.tabs.addTab(self.findings, self.tr("Findings"))
        self.evidence = EvidenceTab(ctx)
        self.tabs.addTab(self.evidence, self.tr("Photos and evidence"))
        self.readings = ReadingsTab(ctx)
        self.tabs.addTab(self.readings, self.tr("Readings"))
        self.documents = DocumentsPanel(ctx, "inspection")
        self.tabs.addTab(self.documents, self.tr("Documents"))
        self._extra_names: list[str] = ["evidence", "readings", "documents"]
        self.enterprise = None
        self._build()
        for widget in (self.form, self.checklist, self.findings):
            widget.changed.connect(self._mark_dirty)
        self.findings.from_checklist.clicked.connect(self._findings_from_checklist)
        self.findings.catalog = load_catalog(data_dir_of(ctx.db))
        self.findings.case_button.clicked.connect(self.open_case)
        self.back_button.clicked.connect(self.request_back)
        self.save_button.clicked.connect(self.save)
        self.seal_button.clicked.connect(self.seal)
        self.amend_button.clicked.connect(self.amend)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        QShortcut(QKeySequence("Alt+Left"), self, activated=self.request_back)

    def _build(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.state)
        header.addWidget(self.save_button)
        header.addWidget(self.seal_button)
        header.addWidget(self.amend_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def tab_names(self) -> list[str]:
        return ["site", "checklist", "findings", *self._extra_names]

    # -- opening -------------------------------------------------------------------------------------
    def open_new(self, enterprise_id: str, task_id: str | None = None, officer_certs: list[str] | None = None) -> None:
        db = self.ctx.db
        ent = enterprises.get(db, enterprise_id)
        self.form.officers.set_officers(officers.list_officers(db))
        certs = list(officer_certs or [])
        own = settings.get(db, "officer_cert")
        if own and own not in certs:
            certs.insert(0, own)
        self.draft = Draft(enterprise_id=ent.id, task_id=task_id, officers=certs)
        self.inspection = None
        task_text = task_store.get(db, task_id).title if task_id else ""
        self.form.load(ent.name, task_text, None, None, ent.address, Party(), certs, settings.get(db, "time_zone"))
        self.checklist.load(ent.industry, {})
        self.findings.load([])
        self.enterprise = ent
        self.evidence.set_inspection(None, ent)
        self.readings.set_inspection(None, ent)
        self.documents.set_source(None)
        self._show_state(self.tr("New inspection: {name}").format(name=ent.name))
        self.tabs.setCurrentIndex(0)

    def open_existing(self, inspection_id: str) -> None:
        db = self.ctx.db
        insp = inspections.get(db, inspection_id)
        ent = enterprises.get(db, insp.enterprise_id)
        self.form.officers.set_officers(officers.list_officers(db))
        self.inspection = insp
        self.draft = Draft(enterprise_id=ent.id, id=insp.id, task_id=insp.task_id,
                           officers=[o.cert_no for o in insp.officers])
        task_text = task_store.get(db, insp.task_id).title if insp.task_id else ""
        self.form.load(ent.name, task_text, insp.started_at, insp.ended_at, insp.place, insp.party,
                       self.draft.officers, settings.get(db, "time_zone"))
        self.checklist.load(ent.industry, insp.checklist)
        self.findings.load(insp.findings)
        self.enterprise = ent
        self.evidence.set_inspection(insp, ent)
        self.readings.set_inspection(insp, ent)
        self.documents.set_source(inspection_id=insp.id)
        self._show_state(ent.name)

    def _show_state(self, title: str) -> None:
        self.title.setText(title)
        sealed = bool(self.inspection and self.inspection.sealed)
        for widget in (self.form, self.checklist, self.findings):
            widget.set_read_only(sealed)
        self.save_button.setEnabled(not sealed)
        self.seal_button.setVisible(not sealed)
        self.amend_button.setVisible(sealed)
        self.dirty = False
        self._update_state_label()

    def seal(self) -> None:
        if self.inspection is None or self.dirty:
            self.ctx.dialogs.inform(self.tr("Seal"), self.tr("Save the inspection before sealing it."))
            return
        confirm_and_seal(self.ctx, self.inspection.id, lambda _result: self.open_existing(self.inspection.id))

    def open_case(self) -> None:
        """Open a penalty case on the findings that name a catalog violation."""
        chosen = [f for f in self.findings.value() if f.get("catalog_id")]
        if self.inspection is None or self.dirty or not chosen:
            self.ctx.dialogs.inform(self.tr("Open case"), self.tr(
                "Save the inspection, and choose the catalog violation of at least one finding first."))
            return
        violations = [CaseViolation(f["catalog_id"], f["facts"]) for f in chosen]
        facts = "；".join(f["facts"] for f in chosen if f["facts"])
        inspection_id = self.inspection.id
        self.ctx.run(lambda ws: cases.new_case(ws.db, inspection_id, violations, facts), self._case_opened,
                     announce=("case",))

    def _case_opened(self, case: cases.Case) -> None:
        self.ctx.dialogs.inform(self.tr("Open case"), self.tr("Case opened for {name}; see 案件 (Cases).").format(
            name=case.enterprise_name))

    def amend(self) -> None:
        if self.inspection is not None and self.inspection.sealed:
            start_amendment(self.ctx, self.inspection.id, self.open_existing)

    def _update_state_label(self) -> None:
        self.seal_button.setEnabled(self.inspection is not None and not self.dirty)
        if self.inspection and self.inspection.sealed:
            text = self.tr("Sealed — read only")
        elif self.dirty:
            text = self.tr("Unsaved changes")
        elif self.inspection:
            text = self.tr("Saved (revision {n})").format(n=self.inspection.revision)
        else:
            text = self.tr("Not saved yet")
        if self.inspection and self.inspection.amends_id:
            text = self.tr("Amendment") + " · " + text
        self.state.setText(text)

    def _mark_dirty(self) -> None:
        self.dirty = True
        self._update_state_label()

    def _findings_from_checklist(self) -> None:
        added = self.findings.add_from_items(checklists.non_compliant(self.checklist.value(),
                                                                      self.checklist.industry))
        if not added:
            self.ctx.dialogs.inform(self.tr("Findings"), self.tr("No new non-compliant checklist items."))

    # -- saving --------------------------------------------------------------------------------------
    def save(self) -> None:
        if self.draft is None or (self.inspection and self.inspection.sealed):
            return
        draft, changes = self.draft, self._changes()
        certs = changes.pop("officers")

        def write(ws: Workspace) -> Inspection:
            with write_transaction(ws.db):
                if draft.id is None:
                    created = inspections.create(ws.db, draft.enterprise_id, certs, task_id=draft.task_id,
                                                 started_at=changes["started_at"], place=changes["place"],
                                                 party=changes["party"])
                    return inspections.update(ws.db, created.id, **changes)
                return inspections.update(ws.db, draft.id, officers=certs, **changes)

        self.ctx.run(write, self._saved, announce=("inspection", "task"))

    def _changes(self) -> dict:
        return {"officers": self.form.officers.checked(), "started_at": self.form.started_text(),
                "ended_at": self.form.ended_text(), "place": self.form.place.text().strip(),
                "party": self.form.party(), "checklist": self.checklist.value(), "findings": self.findings.value()}

    def _saved(self, insp: Inspection) -> None:
        first_save = self.draft.id is None
        self.inspection = insp
        if first_save:
            self.evidence.set_inspection(insp, self.enterprise)
            self.readings.set_inspection(insp, self.enterprise)
            self.documents.set_source(inspection_id=insp.id)
        self.draft.id = insp.id
        self.dirty = False
        self._update_state_label()
        emit(self.saved, insp.id)

    def request_back(self) -> None:
        if self.dirty and not self.ctx.dialogs.ask(self.tr("Unsaved changes"),
                                                   self.tr("Leave this inspection without saving?")):
            return
        self.dirty = False
        emit(self.back)
