"""One enterprise's archive page (一企一档): identity, outlets with their limits, past inspections."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from eco_field.industries import industry_label
from eco_field.law.case_events import STATUSES
from eco_field.readings.limits import describe as describe_limit
from eco_field.records import Enterprise, Inspection
from ui.formatting import inspection_status, short_time
from ui.placeholder import set_placeholder
from ui.slots import emit

RECENT_INSPECTIONS = 50


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    """Rows of text; the last column takes the room that is left (full text in the tooltip)."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    for column in range(table.columnCount() - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(table.columnCount() - 1, QHeaderView.ResizeMode.Stretch)


class EnterpriseDetail(QWidget):
    new_inspection = Signal(str)   # enterprise id
    open_inspection = Signal(object)  # Inspection

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enterprise: Enterprise | None = None
        self._inspections: list[Inspection] = []
        self.name = QLabel(objectName="screenTitle", wordWrap=True)
        self.fields = {key: QLabel(wordWrap=True) for key in
                       ("credit_code", "county", "industry", "address", "legal_rep", "permit_no", "site")}
        self.new_button = QPushButton(self.tr("New inspection"), objectName="primary")
        self.new_button.clicked.connect(self._new_clicked)
        self.limits = _table([self.tr("Outlet"), self.tr("Type"), self.tr("Pollutant"), self.tr("Limit"),
                              self.tr("Ref. O₂ %"), self.tr("Standard")])
        self.limits.setWordWrap(False)
        self.past = _table([self.tr("Started"), self.tr("Officers"), self.tr("Status")])
        self.past.doubleClicked.connect(self._open_past)
        self.cases = _table([self.tr("Registered"), self.tr("Violations"), self.tr("Status"), self.tr("Fine")])
        set_placeholder(self.limits, self.tr("No outlets or limits on record for this enterprise."))
        set_placeholder(self.past, self.tr("Not inspected yet: press “New inspection” to start one."))
        set_placeholder(self.cases, self.tr("No cases against this enterprise."))
        self._build()

    def _build(self) -> None:
        labels = {"credit_code": self.tr("Credit code"), "county": self.tr("County"),
                  "industry": self.tr("Industry"), "address": self.tr("Address"),
                  "legal_rep": self.tr("Legal representative"), "permit_no": self.tr("Discharge permit"),
                  "site": self.tr("Site")}
        form = QFormLayout()
        for key, label in labels.items():
            form.addRow(label, self.fields[key])
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.new_button)
        outlets = QGroupBox(self.tr("Outlets and limits"))
        QVBoxLayout(outlets).addWidget(self.limits)
        # one above the other as tabs: side by side, half the pane each, their columns were cut at 1280 px
        history = QTabWidget()
        history.addTab(self.past, self.tr("Past inspections"))
        history.addTab(self.cases, self.tr("Cases"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(outlets, 3)
        layout.addWidget(history, 2)

    def show_enterprise(self, ent: Enterprise, past: list[Inspection], cases: list | None = None) -> None:
        self.enterprise, self._inspections = ent, past
        self.name.setText(ent.name)
        site = (f"{ent.lat:.5f}, {ent.lon:.5f}　" + self.tr("radius {r} m").format(r=int(ent.radius_m))
                if ent.lat is not None else self.tr("not recorded"))
        values = {"credit_code": ent.credit_code, "county": ent.county, "industry": industry_label(ent.industry),
                  "address": ent.address, "legal_rep": ent.legal_rep, "permit_no": ent.permit_no or "—",
                  "site": site}
        for key, value in values.items():
            self.fields[key].setText(value)
        kinds = {"air": self.tr("air"), "water": self.tr("water")}
        _fill(self.limits, [[o.code, kinds.get(o.kind, o.kind), lim.pollutant,
                             describe_limit(lim), "" if lim.o2_ref is None else f"{lim.o2_ref:g}",
                             lim.standard] for o in ent.outlets for lim in o.limits])
        _fill(self.past, [[short_time(i.started_at), "、".join(o.name for o in i.officers), inspection_status(i)]
                          for i in past])
        _fill(self.cases, [[c.opened_at[:10], "、".join(v.catalog_id for v in c.violations),
                            STATUSES.get(c.status, c.status), f"{c.assessment.amount:,}" if c.assessment else "—"]
                           for c in cases or []])

    def _new_clicked(self) -> None:
        if self.enterprise is not None:
            emit(self.new_inspection, self.enterprise.id)

    def _open_past(self, index) -> None:
        if 0 <= index.row() < len(self._inspections):
            emit(self.open_inspection, self._inspections[index.row()])
