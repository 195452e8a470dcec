"""企业: the searchable enterprise archive (name, credit code, county, industry) beside the detail page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget

from eco_field.industries import INDUSTRIES
from eco_field.law.cases import list_cases
from eco_field.records import Enterprise, Inspection
from eco_field.store import enterprises, inspections
from ui.context import AppContext
from ui.empty_state import EmptyState
from ui.enterprise_detail import RECENT_INSPECTIONS, EnterpriseDetail
from ui.formatting import industry_name
from ui.list_page import ListPage
from ui.paged_model import PAGE_SIZE, Column


def search_terms(text: str) -> str | None:
    """An industry typed in Chinese (焦化) is searched by its stored code (coking)."""
    text = text.strip()
    for code, label in INDUSTRIES.items():
        if text and text in label:
            return code
    return text or None


class EnterprisesScreen(QWidget):
    WATCHES = frozenset({"enterprise", "inspection", "case"})

    def __init__(self, ctx: AppContext, load_demo: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        empty = EmptyState(self.tr("The archive is empty"),
                           self.tr("Enterprises come from the bureau when you sync, or from "
                                   "`eco-field enterprises import FILE`."))
        empty.add_action(self.tr("Load demo data"), load_demo, primary=True)
        columns = [Column(self.tr("Name"), lambda e: e.name), Column(self.tr("County"), lambda e: e.county),
                   Column(self.tr("Industry"), lambda e: industry_name(e.industry)),
                   Column(self.tr("Credit code"), lambda e: e.credit_code)]
        self.list = ListPage(self.tr("Enterprises"), columns, self._fetch, self._count, self.show_enterprise,
                             empty, search_hint=self.tr("Search name, credit code, county or industry"),
                             run_search=self._search_in_background)
        self.list.table.set_column_widths([215, 70, 90])
        self.list.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.detail = EnterpriseDetail()
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setSizes([600, 620])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        ctx.hub.changed.connect(self.on_changed)
        self.list.refresh()

    def _fetch(self, search: str, limit: int, offset: int) -> list[Enterprise]:
        return enterprises.list_enterprises(self.ctx.db, search=search_terms(search), limit=limit, offset=offset)

    def _search_in_background(self, text: str, done) -> None:
        terms = search_terms(text)

        def search(ws) -> tuple[int, list[Enterprise]]:
            return (enterprises.count_enterprises(ws.db, search=terms),
                    enterprises.list_enterprises(ws.db, search=terms, limit=PAGE_SIZE))

        self.ctx.run(search, done)

    def _count(self, search: str) -> int:
        return enterprises.count_enterprises(self.ctx.db, search=search_terms(search))

    def on_changed(self, entities: frozenset) -> None:
        if entities & self.WATCHES:
            current = self.detail.enterprise
            self.list.refresh()
            if current is not None:
                self.show_enterprise(enterprises.get(self.ctx.db, current.id))

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.show_enterprise(self.list.model.record(current.row()))

    def show_enterprise(self, ent: Enterprise) -> None:
        self.detail.show_enterprise(ent, self._past(ent), [c for c in list_cases(self.ctx.db)
                                                           if c.enterprise_id == ent.id])

    def _past(self, ent: Enterprise) -> list[Inspection]:
        # The service searches by name; keep only this enterprise's own inspections.
        found = inspections.list_inspections(self.ctx.db, search=ent.name, limit=RECENT_INSPECTIONS)
        return [i for i in found if i.enterprise_id == ent.id]
