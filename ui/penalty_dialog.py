"""The penalty (discretion) calculator: pick the factors, or the facts the 免罚清单 asks about (首违不罚,
轻微不罚, 无主观过错), see the amount, the range, the formula and the rationale as they change; save the
assessment to the case."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from eco_field.errors import EcoFieldError
from eco_field.law import cases
from eco_field.law.case_assessment import assess_violations
from eco_field.law.catalog import get_entry, load_catalog
from eco_field.law.data_dir import data_dir_of
from eco_field.law.discretion import TREATMENTS, Assessment, decide
from eco_field.law.exemptions import load_exemptions
from eco_field.law.factors import load_config
from ui.context import AppContext
from ui.exemption_facts import ExemptionFacts
from ui.formatting import short_name
from ui.i18n import error_text


class PenaltyDialog(QDialog):
    def __init__(self, ctx: AppContext, case: cases.Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.case = ctx, case
        self.data_dir = data_dir_of(ctx.db)
        self.entries = [get_entry(load_catalog(self.data_dir), v.catalog_id) for v in case.violations]
        self.config = load_config(self.data_dir)
        self.setWindowTitle(self.tr("Penalty calculator"))
        self.resize(1000, 620)  # fits 1280×720 with its title bar
        self.factor_boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        for factor in self.config.factors:
            box = QComboBox()
            box.addItem(self.tr("(not considered)"), "")
            for level in factor.levels:
                box.addItem(f"{level.label}（{float(level.share):+g}%）", level.code)
            box.currentIndexChanged.connect(self.recompute)
            self.factor_boxes[factor.name] = box
            form.addRow(factor.label, box)
        self.treatment = QComboBox()
        for code, label in TREATMENTS.items():
            self.treatment.addItem(label, code)
        self.treatment.currentIndexChanged.connect(self.recompute)
        form.addRow(self.tr("Treatment"), self.treatment)
        self.ground = QComboBox()
        self.ground.addItem(self.tr("(none)"), "")
        for ground in self.config.grounds:
            self.ground.addItem(ground.label, ground.code)
        self.ground.currentIndexChanged.connect(self.recompute)
        form.addRow(self.tr("Legal ground for lighter/reduced"), self.ground)
        self.investment = QDoubleSpinBox(maximum=1e12, decimals=0, suffix=" 元", specialValueText=self.tr("not given"))
        self.investment.valueChanged.connect(self.recompute)
        form.addRow(self.tr("Total investment (where the fine depends on it)"), self.investment)
        self.amount = QLabel(objectName="screenTitle", wordWrap=True)
        self.formula = QLabel(wordWrap=True)
        self.rationale = QPlainTextEdit(readOnly=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        left = QVBoxLayout()
        violations = QLabel("\n".join(e.description for e in self.entries), wordWrap=True)
        violations.setToolTip("\n".join(f"{e.id} {e.description}" for e in self.entries))
        self.exemption_facts = ExemptionFacts(load_exemptions(self.data_dir), [e.id for e in self.entries])
        self.exemption_facts.changed.connect(self.recompute)
        factors_page, facts_page = QWidget(), QScrollArea(widgetResizable=True)
        factors_page.setLayout(form)
        facts_page.setWidget(self.exemption_facts)
        self.left_tabs = QTabWidget()
        self.left_tabs.addTab(factors_page, self.tr("Discretion factors"))
        self.left_tabs.addTab(facts_page, self.tr("No penalty (exemption list)"))
        left.addWidget(self.left_tabs, 1)
        right = QVBoxLayout()
        right.addWidget(self.amount)
        right.addWidget(self.formula)
        right.addLayout(self._decided_form())
        right.addWidget(self.rationale, 1)
        body = QHBoxLayout()
        body.addLayout(left, 4)
        body.addLayout(right, 5)
        self.rationale.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(violations)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.result: Assessment | None = None
        self.recompute()
        self._opened_with = self._chosen()

    def _decided_form(self) -> QFormLayout:
        """The amount the bureau decided (e.g. after 集体讨论) in place of the suggestion: yuan with up to two
        decimals, checked by the same service as `cases assess --amount`."""
        form = QFormLayout()
        self.decided = QLineEdit(placeholderText=self.tr("Blank: the suggested fine; e.g. 1000000.05"))
        self.decided_reason = QLineEdit(placeholderText=self.tr("Why it differs from the suggestion"))
        self.legal_ground = QLineEdit(placeholderText=self.tr("Only for an amount outside the statutory range"))
        for edit in (self.decided, self.decided_reason, self.legal_ground):
            edit.textChanged.connect(self.recompute)
        form.addRow(self.tr("Decided fine (yuan)"), self.decided)
        form.addRow(self.tr("Reason"), self.decided_reason)
        form.addRow(self.tr("Legal ground"), self.legal_ground)
        return form

    def _chosen(self) -> tuple:
        return (self.factors(), self._investment(), self.decided.text(), self.decided_reason.text(),
                self.legal_ground.text())

    def _decided(self) -> tuple[str | None, str, str | None]:
        """(amount, reason, legal ground) as typed; amount None for the suggestion."""
        return (self.decided.text().strip() or None, self.decided_reason.text().strip(),
                self.legal_ground.text().strip() or None)

    def reject(self) -> None:
        """Esc or Close: chosen factors are not thrown away without asking."""
        if self._chosen() != self._opened_with and not self.ctx.dialogs.ask(
                self.tr("Discard the chosen factors?"),
                self.tr("The factors chosen here are not saved. Close the calculator without saving them?")):
            return
        super().reject()

    def factors(self) -> dict[str, str]:
        chosen = {name: box.currentData() for name, box in self.factor_boxes.items() if box.currentData()}
        chosen["treatment"] = self.treatment.currentData()
        if self.ground.currentData():
            chosen["ground"] = self.ground.currentData()
        chosen.update(self.exemption_facts.values())
        return chosen

    def _investment(self) -> float | None:
        return self.investment.value() or None

    def recompute(self, *_args: object) -> None:
        """The calculator is pure and fast: it runs on every change, on the GUI thread."""
        try:
            self.result = assess_violations(self.entries, self.factors(), self._investment(), None, 1, self.data_dir)
            amount, reason, ground = self._decided()
            if amount is not None:
                self.result = decide(self.result, amount, reason, ground)
        except EcoFieldError as exc:
            self.result = None
            self.amount.setText(self.tr("Cannot compute"))
            self.formula.setText(self._named(error_text(exc)))
            self.rationale.clear()
            return
        a = self.result
        decided = a.suggested_amount is not None and self._decided()[0] is not None
        self.amount.setText((self.tr("Decided fine: {amount} yuan") if decided
                             else self.tr("Suggested fine: {amount} yuan")).format(amount=f"{a.amount:,}"))
        self.formula.setText(self.tr("Statutory range {low}–{high} yuan; {formula}").format(
            low=f"{a.min:,}", high=f"{a.max:,}", formula=a.formula))
        self.rationale.setPlainText(a.rationale)

    def _named(self, text: str) -> str:
        """The calculator's messages start with the catalog id (AIR-02：…): the violation's name instead."""
        for entry in self.entries:
            text = text.replace(f"{entry.id}：", "" if len(self.entries) == 1 else f"{short_name(entry.description)}：")
        return text

    def save(self) -> None:
        if self.result is None:  # the refusal is on screen beside the amount; said once more, in a dialog
            self.ctx.dialogs.error(self.tr("Cannot save the fine"), self.formula.text())
            return
        case_id, factors, investment = self.case.id, self.factors(), self._investment()
        amount, reason, ground = self._decided()
        self.ctx.run(lambda ws: cases.assess(ws.db, case_id, factors, investment, amount=amount, reason=reason,
                                             legal_ground=ground), lambda _case: self.accept(), announce=("case",))
