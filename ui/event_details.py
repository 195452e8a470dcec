"""The details an event carries beyond its date (查封/扣押's measure, ground and approver, 限产's months, a
reason …), offered as the core describes them (case_steps.event_fields): one description for the command
line's options and these fields. The procedure checks the values; a refusal names the field on screen."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox

from eco_field.law import release_grounds
from eco_field.law.case_steps import event_fields
from ui.case_evidence_forms import date_edit, iso

CHINESE_ITEMS = "一二三四五六七八九"
T = "EventDetails"
# The note's label says what the event's note is for (the procedure refuses the event without it)
NOTE_LABELS = {
    "seized": QT_TRANSLATE_NOOP("EventDetails", "Facts and reason of the measure"),
    "seizure_extended": QT_TRANSLATE_NOOP("EventDetails", "Reason for the extension"),
    "seizure_lifted": QT_TRANSLATE_NOOP("EventDetails", "Facts of the release"),
    "preserved": QT_TRANSLATE_NOOP("EventDetails", "Evidence preserved and why"),
    "production_proposed": QT_TRANSLATE_NOOP("EventDetails", "Facts of the violation"),
    "production_limit_extended": QT_TRANSLATE_NOOP("EventDetails", "Reason for the extension"),
    "production_plan_filed": QT_TRANSLATE_NOOP("EventDetails", "Rectification plan filed"),
    "production_lifted": QT_TRANSLATE_NOOP("EventDetails", "Rectification completed and monitoring report"),
    "installments": QT_TRANSLATE_NOOP("EventDetails", "Reason for paying in instalments"),
    "detention_transfer": QT_TRANSLATE_NOOP("EventDetails", "Facts and reason of the transfer"),
    "criminal_transfer": QT_TRANSLATE_NOOP("EventDetails", "Facts and reason of the transfer"),
    "hearing_held": QT_TRANSLATE_NOOP("EventDetails", "Other remarks on the hearing"),
}
# an item of which article: 查封扣押办法第四条 for a seizure, 限产办法第六条 for 停产整治
ITEM_LABELS = {"seized": QT_TRANSLATE_NOOP("EventDetails", "Ground: item of art. 4 of the seizure measures"),
               "production_proposed": QT_TRANSLATE_NOOP("EventDetails", "Ground: item of art. 6 of the production measures")}

# the measures are recorded in the core's words (查封 …); shown in the interface language
MEASURE_LABELS = {"查封": QT_TRANSLATE_NOOP("EventDetails", "Seal up"),
                  "扣押": QT_TRANSLATE_NOOP("EventDetails", "Detain"),
                  "限制生产": QT_TRANSLATE_NOOP("EventDetails", "Limit production"),
                  "停产整治": QT_TRANSLATE_NOOP("EventDetails", "Halt production for rectification")}


# the 回避 answer as recorded (yes | no), blank when not recorded (the 听证笔录 keeps a line to write it on)
WITHDRAWAL_LABELS = {"": QT_TRANSLATE_NOOP("EventDetails", "Not recorded"),
                     "no": QT_TRANSLATE_NOOP("EventDetails", "No: the party did not apply"),
                     "yes": QT_TRANSLATE_NOOP("EventDetails", "Yes: the party applied")}


def _tr(text: str) -> str:
    """A text named in the tables above, in the interface language."""
    return QCoreApplication.translate(T, text)


class EventDetails(QObject):
    """The fields of one event at a time, as rows of the event form (so they align with its date); values()
    gives them keyed as the core's data (note included)."""

    def __init__(self, form: QFormLayout, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.code = ""
        self.measure = QComboBox()
        self.measure.currentIndexChanged.connect(self._measure_changed)
        self.ground_item = QComboBox()
        self.ground = QComboBox()  # the ground of a release: an item of 行政强制法第二十八条第一款
        self.months = QSpinBox(minimum=0, maximum=12, suffix=QCoreApplication.translate("EventDetails", " months"))
        self.months.setSpecialValueText(QCoreApplication.translate("EventDetails", "not given"))
        self.approved_by = QLineEdit(placeholderText=QCoreApplication.translate("EventDetails", "The responsible person who approved it"))
        self.until = date_edit()
        self.note = QLineEdit()
        self.widgets = {"measure": self.measure, "ground_item": self.ground_item, "ground": self.ground,
                        "months": self.months, "approved_by": self.approved_by, "until": self.until}
        labels = {"measure": QCoreApplication.translate("EventDetails", "Measure"), "ground_item": QCoreApplication.translate("EventDetails", "Ground"),
                  "ground": QCoreApplication.translate("EventDetails", "Ground of release"), "months": QCoreApplication.translate("EventDetails", "Period (at most 3 months)"),
                  "approved_by": QCoreApplication.translate("EventDetails", "Approved by"), "until": QCoreApplication.translate("EventDetails", "Last day of payment"), "note": QCoreApplication.translate("EventDetails", "Note")}
        labels.update(self._hearing_fields())
        labels.update(self._recheck_and_waiver_fields())
        self.widgets["note"] = self.note
        for key, widget in self.widgets.items():
            self.form.addRow(labels[key], widget)
        self.show_for("")

    def _hearing_fields(self) -> dict[str, str]:
        """听证 (hearing_held): who heard the case and who spoke for the party, the 回避 answer, the statements
        the 听证笔录 prints. Names are parted by 、; agents by ；, each 姓名（职务或与当事人的关系）."""
        self.time = QLineEdit(placeholderText=QCoreApplication.translate("EventDetails", "e.g. 2026-11-06 9时"))
        self.place = QLineEdit()
        self.presider = QLineEdit(placeholderText=QCoreApplication.translate("EventDetails", "Not one of the case's investigators"))
        self.hearing_officers = QLineEdit(placeholderText=QCoreApplication.translate("EventDetails", "Names, parted by 、"))
        self.recorder = QLineEdit()
        self.representatives = QLineEdit(
            placeholderText=QCoreApplication.translate("EventDetails", "Name (position or relationship); at most two, parted by ；"))
        self.withdrawal = QComboBox()
        for label, value in ((WITHDRAWAL_LABELS[""], ""), (WITHDRAWAL_LABELS["no"], "no"),
                             (WITHDRAWAL_LABELS["yes"], "yes")):
            self.withdrawal.addItem(_tr(label), value)
        self.withdrawal_decision = QLineEdit(placeholderText=QCoreApplication.translate("EventDetails", "Whom, why, and what was decided"))
        self.investigators_statement = QLineEdit(
            placeholderText=QCoreApplication.translate("EventDetails", "Beyond the facts, evidence and proposal on record (optional)"))
        self.final_statement = QLineEdit()
        self.text_fields = {"time": self.time, "place": self.place, "presider": self.presider,
                            "hearing_officers": self.hearing_officers, "recorder": self.recorder,
                            "representatives": self.representatives,
                            "withdrawal_decision": self.withdrawal_decision,
                            "investigators_statement": self.investigators_statement,
                            "final_statement": self.final_statement}
        self.widgets.update(self.text_fields)
        self.widgets["withdrawal"] = self.withdrawal
        return {"time": QCoreApplication.translate("EventDetails", "Hearing time"), "place": QCoreApplication.translate("EventDetails", "Hearing place"),
                "presider": QCoreApplication.translate("EventDetails", "Presiding officer"),
                "hearing_officers": QCoreApplication.translate("EventDetails", "Hearing officers"), "recorder": QCoreApplication.translate("EventDetails", "Recorder"),
                "representatives": QCoreApplication.translate("EventDetails", "Party's agents"),
                "withdrawal": QCoreApplication.translate("EventDetails", "Withdrawal applied for"),
                "withdrawal_decision": QCoreApplication.translate("EventDetails", "Withdrawal decision"),
                "investigators_statement": QCoreApplication.translate("EventDetails", "Investigators' added statement"),
                "final_statement": QCoreApplication.translate("EventDetails", "Party's final statement")}

    def _recheck_and_waiver_fields(self) -> dict[str, str]:
        """复查 (recheck_violation): its evidence and who re-checked; 书面放弃 (waived): what was given up."""
        self.evidence = QLineEdit(placeholderText=QCoreApplication.translate(
            "EventDetails", "Record number, photos, video, DCS data"))
        self.officers = QLineEdit(placeholderText=QCoreApplication.translate("EventDetails", "Names, parted by 、"))
        self.text_fields.update({"evidence": self.evidence, "officers": self.officers})
        self.scope = QComboBox()
        for label, value in ((QCoreApplication.translate("EventDetails", "As the notice offered (default)"), ""),
                             (QCoreApplication.translate("EventDetails", "Statement and defence only"), "statement"),
                             (QCoreApplication.translate("EventDetails", "Statement, defence and hearing"),
                              "statement_and_hearing")):
            self.scope.addItem(label, value)
        self.widgets.update({"evidence": self.evidence, "officers": self.officers, "scope": self.scope})
        return {"evidence": QCoreApplication.translate("EventDetails", "Re-check evidence"),
                "officers": QCoreApplication.translate("EventDetails", "Re-checked by"),
                "scope": QCoreApplication.translate("EventDetails", "Rights waived")}

    def show_for(self, code: str) -> None:
        """Only the fields this event takes; the choices and labels it needs."""
        self.code = code
        fields = {f.key: f for f in event_fields(code)}
        self.measure.blockSignals(True)
        self.measure.clear()
        for choice in fields["measure"].choices if "measure" in fields else ():
            self.measure.addItem(_tr(MEASURE_LABELS.get(choice, choice)), choice)
        self.measure.blockSignals(False)
        self.ground_item.clear()
        self.ground_item.addItem(QCoreApplication.translate("EventDetails", "Granted by the violation catalog (leave blank)") if code == "seized"
                                 else QCoreApplication.translate("EventDetails", "Not given"), "")
        for item in fields["ground_item"].choices if "ground_item" in fields else ():
            self.ground_item.addItem(QCoreApplication.translate("EventDetails", "Item {n}").format(n=item, cn=CHINESE_ITEMS[int(item) - 1]), item)
        self._fill_grounds("ground" in fields)
        self.form.labelForField(self.ground_item).setText(_tr(ITEM_LABELS.get(code, "Ground")))
        self.form.labelForField(self.note).setText(_tr(NOTE_LABELS.get(code, "Note")))
        self.note.setPlaceholderText(QCoreApplication.translate("EventDetails", "What the procedure asks for this step"))
        for key, widget in self.widgets.items():
            self.form.setRowVisible(widget, key in fields)
        self._measure_changed()

    def _fill_grounds(self, shown: bool) -> None:
        """The grounds of a release in the law's words (legal text stays Chinese), by item; nothing chosen
        at first, so the procedure names the missing ground rather than a default being recorded."""
        self.ground.clear()
        if not shown:
            return
        self.ground.addItem(QCoreApplication.translate("EventDetails", "Choose the ground"), "")
        for g in release_grounds.GROUNDS:
            if g.code == "corrected":
                label = QCoreApplication.translate("EventDetails", "Item {cn}: corrected, verified on the party's "
                                                   "application (art. 19(1) of the seizure measures)")
            else:
                label = QCoreApplication.translate("EventDetails", "Item {cn}: {words}")
            self.ground.addItem(label.format(cn=CHINESE_ITEMS[g.item - 1], words=g.words), g.code)

    def _measure_changed(self) -> None:
        """限制生产 takes months, 停产整治 the item of 第六条: only the one the chosen measure takes shows."""
        if self.code == "production_proposed":
            limit = self.measure.currentData() == "限制生产"
            self.form.setRowVisible(self.months, limit)
            self.form.setRowVisible(self.ground_item, not limit)

    def values(self) -> dict[str, str]:
        """The visible fields' values as the core's data keys (blank ones empty: the procedure names them)."""
        keys = {f.key for f in event_fields(self.code)}
        out = {"measure": self.measure.currentData() or "", "ground_item": self.ground_item.currentData() or "",
               "ground": self.ground.currentData() or "",
               "months": str(self.months.value()) if self.months.value() else "",
               "approved_by": self.approved_by.text(), "until": iso(self.until), "note": self.note.text(),
               "withdrawal": self.withdrawal.currentData() or "", "scope": self.scope.currentData() or ""}
        out.update({key: edit.text() for key, edit in self.text_fields.items()})
        if self.code == "production_proposed":
            out["months" if out["measure"] == "停产整治" else "ground_item"] = ""
        return {k: v for k, v in out.items() if k in keys}

    def clear(self) -> None:
        self.note.clear()
        for edit in self.text_fields.values():
            edit.clear()
        self.withdrawal.setCurrentIndex(0)
        self.scope.setCurrentIndex(0)
        self.approved_by.clear()
        self.months.setValue(0)
