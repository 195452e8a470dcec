"""The 按日连续处罚 rounds of the case shown, read-only: each round's 复查, the days it counts, the amount and
whether its decision is made. The numbers are the procedure's own (procedure.next_steps → daily_rounds, the
same as `eco-field cases next`); nothing is counted here."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eco_field.money import parse_yuan, yuan_text


class DailyRounds(QGroupBox):
    """Hidden while the case has no 按日连续处罚 round (no 复查 found the violation continuing yet)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Daily continuous penalty"), parent)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Round"), self.tr("Re-check date"),
                                              self.tr("Period counted"), self.tr("Days counted"),
                                              self.tr("Amount (yuan)"), self.tr("Decided on")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        QVBoxLayout(self).addWidget(self.table)
        self.hide()

    def show_rounds(self, rounds: list[dict[str, Any]]) -> None:
        self.table.setRowCount(len(rounds))
        for row, r in enumerate(rounds):
            period = f"{r['from']} — {r['to']}" if r.get("from") and r.get("to") else "—"
            cells = [self.tr("Round {n}").format(n=r["round"]), r.get("to") or "—", period,
                     self.tr("{n} days").format(n=r["days"]), yuan_text(parse_yuan(r["amount"])),
                     r.get("decided") or self.tr("Not decided yet")]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(str(text)))
        self.table.resizeColumnsToContents()
        # as tall as its rows: a round or two, never a scrolled box on the procedure page
        height = self.table.horizontalHeader().height() + sum(self.table.rowHeight(r) for r in range(len(rounds)))
        self.table.setFixedHeight(height + 2 * self.table.frameWidth() + 2)
        self.setVisible(bool(rounds))

    def rows(self) -> list[list[str]]:
        """The table as shown (for tests and screenshots)."""
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]
