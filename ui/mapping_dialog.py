"""The generic importer's column mapping: which column holds the time, the pollutant, the value, the unit,
or which column holds which pollutant; optionally saved as a named profile."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

ROLES = ("time", "pollutant", "value", "unit", "lat", "lon")
WIDE_ROWS = 4


class MappingDialog(QDialog):
    def __init__(self, file_name: str, columns: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which column is which?"))
        labels = {"time": self.tr("Time"), "pollutant": self.tr("Pollutant name (long form)"),
                  "value": self.tr("Value (long form)"), "unit": self.tr("Unit (long form)"),
                  "lat": self.tr("Latitude"), "lon": self.tr("Longitude")}
        form = QFormLayout()
        self.roles: dict[str, QComboBox] = {}
        for role in ROLES:
            self.roles[role] = self._column_box(columns)
            form.addRow(labels[role], self.roles[role])
        self.wide: list[tuple[QLineEdit, QComboBox]] = []
        for _ in range(WIDE_ROWS):
            code, column = QLineEdit(placeholderText=self.tr("pollutant code, e.g. SO2")), self._column_box(columns)
            self.wide.append((code, column))
            form.addRow(code, column)
        self.profile = QLineEdit(placeholderText=self.tr("optional: save this mapping under a name"))
        form.addRow(self.tr("Profile name"), self.profile)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("EcoField could not read the header of {name}. Tell it where the time "
                                        "and the values are.").format(name=file_name), wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(buttons)

    @staticmethod
    def _column_box(columns: list[str]) -> QComboBox:
        box = QComboBox()
        box.addItem("—", "")
        for column in columns:
            box.addItem(column, column)
        return box

    def mapping(self) -> dict[str, str]:
        result = {role: box.currentData() for role, box in self.roles.items() if box.currentData()}
        for code, column in self.wide:
            if code.text().strip() and column.currentData():
                result[code.text().strip()] = column.currentData()
        return result
