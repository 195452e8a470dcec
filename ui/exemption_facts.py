"""The facts the 免罚清单 asks about (首违不罚, 轻微不罚; 无主观过错), for the violations of one case: the same
facts `cases assess --factor first=yes …` takes. Each is left "not established" until the officer sets it;
the calculator then says which conditions are met, unmet or still unknown."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from eco_field.law.exemptions import ExemptionList
from ui.slots import emit

ALWAYS = ("no_fault",)  # 《行政处罚法》第三十三条第二款 applies to every violation


def fact_names(exemptions: ExemptionList, catalog_ids: Iterable[str]) -> list[str]:
    """The facts the list's items for these violations test, in the list's order of facts."""
    ids = set(catalog_ids)
    asked = {name for item in exemptions.items if ids & set(item.get("catalog_ids", []))
             for name, _op, _expected in item["conditions"]}
    return [name for name in exemptions.facts if name in asked or name in ALWAYS]


class ExemptionFacts(QWidget):
    changed = Signal()

    def __init__(self, exemptions: ExemptionList, catalog_ids: Iterable[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inputs: dict[str, QComboBox | QLineEdit] = {}
        form = QFormLayout(self)
        names = fact_names(exemptions, catalog_ids)
        note = QLabel(self.tr("Set only what the file establishes; the rest stays “not established”.")
                      if names else self.tr("The list has no item for these violations."), wordWrap=True)
        form.addRow(note)
        for name in names:
            fact = exemptions.facts[name]
            widget = self._input(fact)
            self.inputs[name] = widget
            form.addRow(str(fact.get("label", name)), widget)

    def _input(self, fact: dict) -> QComboBox | QLineEdit:
        kind = fact.get("type", "choice")
        if kind == "number":
            edit = QLineEdit(placeholderText=self.tr("not established"))
            edit.setValidator(QDoubleValidator(0, 1e12, 4))
            edit.textChanged.connect(lambda _text: emit(self.changed))
            return edit
        box = QComboBox()
        box.addItem(self.tr("not established"), "")
        if kind == "bool":
            box.addItem(self.tr("Yes"), "yes")
            box.addItem(str(fact.get("label_no") or self.tr("No")), "no")
        else:
            for code, label in fact.get("choices", {}).items():
                box.addItem(str(label), code)
        box.currentIndexChanged.connect(lambda _index: emit(self.changed))
        return box

    def values(self) -> dict[str, str]:
        """The facts set, as the assessment takes them (yes/no, a choice's code, a number)."""
        out = {}
        for name, widget in self.inputs.items():
            value = widget.text().strip() if isinstance(widget, QLineEdit) else widget.currentData()
            if value:
                out[name] = value
        return out

    def set_value(self, name: str, value: str) -> None:
        widget = self.inputs[name]
        if isinstance(widget, QLineEdit):
            widget.setText(value)
        else:
            widget.setCurrentIndex(max(widget.findData(value), 0))
