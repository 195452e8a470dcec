"""The first tab of an inspection: enterprise, task, times, place, the party present, and the officers."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from eco_field.clock import zone
from eco_field.records import Officer, Party
from ui.date_field import DateTimeField
from ui.officer_picker import OfficerPicker
from ui.slots import emitter

DATETIME_FORMAT = "yyyy-MM-dd HH:mm"


def to_qdatetime(iso: str | None, tz_name: str) -> QDateTime:
    """A stored ISO time shown as wall-clock time in the configured zone."""
    moment = datetime.fromisoformat(iso).astimezone(zone(tz_name)) if iso else datetime.now(zone(tz_name))
    return QDateTime(moment.year, moment.month, moment.day, moment.hour, moment.minute, 0)


def from_qdatetime(value: QDateTime) -> str:
    """Local wall-clock ISO text; the service reads it in the configured zone."""
    return value.toString("yyyy-MM-ddTHH:mm")


class InspectionForm(QWidget):
    changed = Signal()

    def __init__(self, officers: list[Officer], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enterprise = QLabel(wordWrap=True)
        self.task = QLabel(wordWrap=True)
        self.started = DateTimeField(fmt=DATETIME_FORMAT)
        self.ended = DateTimeField(fmt=DATETIME_FORMAT)
        self.has_ended = QCheckBox(self.tr("Finished"))
        self.place = QLineEdit()
        self.party_name = QLineEdit()
        self.party_title = QLineEdit()
        self.party_phone = QLineEdit()
        self.party_present = QCheckBox(self.tr("The party's representative is present"))
        self.officers = OfficerPicker(officers)
        self._loading = False
        self.ended.dateTimeChanged.connect(self._end_typed)  # typing an end time means it has ended
        self._build()
        for signal in (self.started.dateTimeChanged, self.ended.dateTimeChanged, self.has_ended.toggled,
                       self.place.textEdited, self.party_name.textEdited, self.party_title.textEdited,
                       self.party_phone.textEdited, self.party_present.toggled, self.officers.changed):
            signal.connect(emitter(self.changed))

    def _build(self) -> None:
        site = QFormLayout()
        site.addRow(self.tr("Enterprise"), self.enterprise)
        site.addRow(self.tr("Task"), self.task)
        site.addRow(self.tr("Started"), self.started)
        ended = QHBoxLayout()
        ended.addWidget(self.ended, 1)
        ended.addWidget(self.has_ended)
        site.addRow(self.tr("Ended"), ended)
        site.addRow(self.tr("Place"), self.place)
        party_box = QGroupBox(self.tr("Party's representative on site"))
        party = QFormLayout(party_box)
        party.addRow(self.tr("Full name"), self.party_name)
        party.addRow(self.tr("Position"), self.party_title)
        party.addRow(self.tr("Phone"), self.party_phone)
        party.addRow("", self.party_present)
        left = QVBoxLayout()
        left.addLayout(site)
        left.addWidget(party_box)
        left.addStretch(1)
        officers_box = QGroupBox(self.tr("Officers present (at least two)"))
        QVBoxLayout(officers_box).addWidget(self.officers)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(officers_box, 1)

    def load(self, enterprise: str, task: str, started: str | None, ended: str | None, place: str,
             party: Party, officer_certs: list[str], tz_name: str) -> None:
        self.blockSignals(True)
        self._loading = True
        self.enterprise.setText(enterprise)
        self.task.setText(task or self.tr("(none)"))
        self.started.setDateTime(to_qdatetime(started, tz_name))
        self.ended.setDateTime(to_qdatetime(ended, tz_name) if ended else self.started.dateTime())
        self.has_ended.setChecked(bool(ended))
        self.place.setText(place)
        self.party_name.setText(party.name)
        self.party_title.setText(party.title)
        self.party_phone.setText(party.phone)
        self.party_present.setChecked(party.present)
        self.officers.set_checked(officer_certs)
        self._loading = False
        self.blockSignals(False)

    def _end_typed(self) -> None:
        # The end-time field stays editable; what is typed there used to be dropped while 已结束 was
        # unchecked. Now an edited end time ticks 已结束, so it is saved.
        if not self._loading and self.ended.isEnabled():
            self.has_ended.setChecked(True)

    def party(self) -> Party:
        return Party(self.party_name.text().strip(), self.party_title.text().strip(),
                     self.party_phone.text().strip(), self.party_present.isChecked())

    def started_text(self) -> str:
        return from_qdatetime(self.started.dateTime())

    def ended_text(self) -> str | None:
        return from_qdatetime(self.ended.dateTime()) if self.has_ended.isChecked() else None

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.started, self.ended, self.has_ended, self.place, self.party_name, self.party_title,
                       self.party_phone, self.party_present):
            widget.setEnabled(not read_only)
        self.officers.set_read_only(read_only)
