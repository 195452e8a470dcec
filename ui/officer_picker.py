"""Pick the officers present (at least two), each shown with their 执法证号 and unit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from eco_field.records import Officer
from ui.slots import emit
from ui.style import TOUCH_HEIGHT


class OfficerPicker(QWidget):
    changed = Signal()

    def __init__(self, officers: list[Officer], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._order: list[str] = []  # checked certificate numbers in the order they were ticked
        self.filter = QLineEdit(placeholderText=self.tr("Filter by name, certificate number or unit"),
                                clearButtonEnabled=True)
        self.list = QListWidget()
        self.list.setStyleSheet(f"QListWidget::item {{ min-height: {TOUCH_HEIGHT}px; }}")
        self.hint = QLabel()
        self.list.itemChanged.connect(self._item_changed)
        self.filter.textChanged.connect(self._apply_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        self.set_officers(officers)

    def set_officers(self, officers: list[Officer]) -> None:
        """Show these officers, none ticked (the list can change after a sync or the demo data)."""
        self.list.blockSignals(True)
        self.list.clear()
        cert_label = self.tr("Cert. No.")
        for officer in officers:
            item = QListWidgetItem(f"{officer.name}　{cert_label} {officer.cert_no}　{officer.unit}")
            item.setData(Qt.ItemDataRole.UserRole, officer.cert_no)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._order = []
        self._apply_filter(self.filter.text())
        self._update_hint()

    def set_checked(self, certs: list[str]) -> None:
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            cert = item.data(Qt.ItemDataRole.UserRole)
            item.setCheckState(Qt.CheckState.Checked if cert in certs else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        known = {self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.list.count())}
        self._order = [c for c in certs if c in known]
        self._move_checked_to_top()
        self._update_hint()

    def _move_checked_to_top(self) -> None:
        """The officers already chosen come first, so the officer sees at once who is on the record."""
        self.list.blockSignals(True)
        for position, cert in enumerate(self._order):
            row = next(r for r in range(self.list.count()) if self.list.item(r).data(Qt.ItemDataRole.UserRole) == cert)
            self.list.insertItem(position, self.list.takeItem(row))
        self.list.blockSignals(False)

    def checked(self) -> list[str]:
        return list(self._order)

    def set_read_only(self, read_only: bool) -> None:
        self.list.setEnabled(not read_only)
        self.filter.setEnabled(not read_only)

    def _item_changed(self, item: QListWidgetItem) -> None:
        cert = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked and cert not in self._order:
            self._order.append(cert)
        elif item.checkState() != Qt.CheckState.Checked and cert in self._order:
            self._order.remove(cert)
        self._update_hint()
        emit(self.changed)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def _update_hint(self) -> None:
        n = len(self._order)
        text = self.tr("{n} officers selected").format(n=n)
        if n < 2:
            text += " — " + self.tr("an inspection needs at least two officers with certificates")
        self.hint.setText(text)
