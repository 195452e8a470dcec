"""First start: who uses this laptop, which bureau it belongs to, and whether to enrol or try the demo.

Shown once, over the window, when the data folder was just created. Nothing is loaded without asking:
the demo data is one of the three choices, and its banner can be dismissed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from eco_field import setup
from eco_field.errors import EcoFieldError
from eco_field.records import Officer
from eco_field.store import settings

ENROL, DEMO, LATER = "enrol", "demo", "later"


class FirstStartDialog(QDialog):
    chosen = Signal(str)  # ENROL, DEMO or LATER, after the setup was stored

    def __init__(self, window, offer_demo: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_, self.ctx = window, window.ctx
        self.setWindowTitle(self.tr("Set up this laptop"))
        self.names = [QLineEdit(), QLineEdit()]
        self.certs = [QLineEdit(), QLineEdit()]
        for edit in self.names:
            edit.setPlaceholderText(self.tr("Full name"))
        for edit in self.certs:
            edit.setPlaceholderText(self.tr("Certificate no. (执法证号)"))
        self.bureau = QLineEdit(settings.get(self.ctx.db, "bureau_name"))
        self.prefix = QLineEdit(settings.get(self.ctx.db, "doc_prefix"))
        self.prefix.setMaxLength(4)
        self.url = QLineEdit(settings.get(self.ctx.db, "server_url"))
        self.url.setPlaceholderText("https://")
        self.code = QLineEdit()
        self.choice = QButtonGroup(self)
        self.enrol = QRadioButton(self.tr("Enrol with the bureau now (needs the network and an enrolment code)"))
        self.demo = QRadioButton(self.tr("Try the demo: fictitious enterprises, officers and tasks"))
        self.later = QRadioButton(self.tr("Start empty; enrol later under Sync"))
        for button in (self.enrol, self.demo, self.later):
            self.choice.addButton(button)
        self.demo.setVisible(offer_demo)
        self.later.setChecked(True)
        self.error = QLabel(objectName="formError", wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Later"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.enrol.toggled.connect(self._enrol_fields)
        self._build()
        self._enrol_fields(False)

    def _build(self) -> None:
        people = QGroupBox(self.tr("Officers who use this laptop"))
        grid = QGridLayout(people)
        for row, (name, cert) in enumerate(zip(self.names, self.certs, strict=True)):
            grid.addWidget(name, row, 0)
            grid.addWidget(cert, row, 1)
        bureau = QGroupBox(self.tr("Bureau"))
        form = QFormLayout(bureau)
        form.addRow(self.tr("Bureau name"), self.bureau)
        form.addRow(self.tr("Bureau sign (机关代字)"), self.prefix)
        start = QGroupBox(self.tr("How to begin"))
        choices = QVBoxLayout(start)
        choices.addWidget(self.enrol)
        enrol_form = QFormLayout()
        enrol_form.addRow(self.tr("Bureau server URL"), self.url)
        enrol_form.addRow(self.tr("Enrolment code"), self.code)
        choices.addLayout(enrol_form)
        choices.addWidget(self.demo)
        choices.addWidget(self.later)
        layout = QVBoxLayout(self)
        for widget in (people, bureau, start, self.error, self.buttons):
            layout.addWidget(widget)
        # the tab order follows the form: name, certificate, second name, ...
        order = [self.names[0], self.certs[0], self.names[1], self.certs[1], self.bureau, self.prefix, self.enrol,
                 self.url, self.code, self.demo, self.later]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _enrol_fields(self, on: bool) -> None:
        self.url.setEnabled(on)
        self.code.setEnabled(on)

    def officers(self) -> list[Officer]:
        bureau = self.bureau.text().strip()
        return [Officer(cert.text().strip(), name.text().strip(), bureau)
                for name, cert in zip(self.names, self.certs, strict=True) if name.text().strip() or cert.text().strip()]

    def choice_made(self) -> str:
        return ENROL if self.enrol.isChecked() else DEMO if self.demo.isChecked() else LATER

    def save(self) -> None:
        """Store the officers and the bureau (checked by eco_field.setup), then begin as chosen."""
        try:
            setup.apply(self.ctx.db, self.officers(), self.bureau.text(), self.prefix.text())
            if self.choice_made() == ENROL and not (self.url.text().strip() and self.code.text().strip()):
                raise _Missing(self.tr("Enter the bureau server's address and the enrolment code, or choose "
                                       "another way to begin."))
        except (EcoFieldError, _Missing) as exc:
            self.error.setText(str(exc))
            return
        self.ctx.hub.announce("officer", "settings")
        choice = self.choice_made()
        self.accept()
        self.chosen.emit(choice)
        begin(self.window_, choice, self.url.text().strip(), self.code.text().strip())


class _Missing(Exception):
    pass


def begin(window, choice: str, url: str = "", code: str = "") -> None:
    """Load the demo, enrol, or leave a short line saying where to go next."""
    if choice == DEMO:
        window.load_demo()
    elif choice == ENROL:
        from eco_field.sync.enrol import enroll

        def enrolled(result: dict) -> None:
            window.show_banner(QCoreApplication.translate("FirstStart", "Enrolled with {url} as {name}. Sync fetches your tasks.")
                               .format(url=result["server_url"], name=result["officer"].get("name", "")))

        window.ctx.run(lambda ws: enroll(ws, url, code), enrolled, announce=("settings",))
    else:
        window.show_banner(QCoreApplication.translate("FirstStart", "Your data folder is {path}. Add enterprises, or enrol under Sync to receive "
                                     "tasks.").format(path=window.ctx.data_dir))


def offer(window, offer_demo: bool = True) -> FirstStartDialog:
    """Show the setup over the window (not blocking: the window keeps painting)."""
    dialog = FirstStartDialog(window, offer_demo)
    dialog.rejected.connect(lambda: window.show_banner(QCoreApplication.translate("FirstStart",
        "Your data folder is {path}. Enter this laptop's officers and bureau under Settings.")
        .format(path=window.ctx.data_dir)))
    dialog.open()
    return dialog
