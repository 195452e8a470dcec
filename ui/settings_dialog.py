"""Settings: who uses this machine, the bureau's name and document prefix, time zone, data folder, server, language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from eco_field.clock import zone
from eco_field.errors import BadInput
from eco_field.store import officers, settings
from eco_field.store.database import write_transaction
from eco_field.workspace import Workspace
from ui.context import AppContext
from ui.i18n import LANGUAGES

TIME_ZONES = ("Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "UTC")
def zone_label(tz: str) -> str:
    """A time zone as officers name it (北京时间), with its offset; an unknown id as it is."""
    from datetime import datetime

    names = {"Asia/Shanghai": QCoreApplication.translate("Settings", "Beijing time"),
             "Asia/Urumqi": QCoreApplication.translate("Settings", "Urumqi time"),
             "Asia/Hong_Kong": QCoreApplication.translate("Settings", "Hong Kong time"),
             "UTC": QCoreApplication.translate("Settings", "Coordinated Universal Time")}
    try:
        offset = datetime.now(zone(tz)).strftime("%z")
    except Exception:  # noqa: BLE001 - an unknown zone is shown by its id
        return tz
    return f"{names.get(tz, tz)}（UTC{offset[:3]}:{offset[3:]}）"


DATA_DIR_KEY = "data_dir"  # QSettings key: the folder used at the next start (no --data-dir, no ECO_FIELD_HOME)


def save_settings(ws: Workspace, values: dict[str, str]) -> dict[str, str]:
    """Validate and store the machine settings in one transaction."""
    zone(values["time_zone"])
    url = values["server_url"]
    if url and not url.startswith(("http://", "https://")):
        raise BadInput(f"Server URL must start with http:// or https://, not {url!r}")
    if not values["doc_prefix"].strip():
        raise BadInput("The document prefix (机关代字) is empty")
    if values.get("doc_font"):
        from eco_field.documents.fonts import font_set

        font_set(values["doc_font"])  # a missing or unembeddable font is refused before it is stored
    with write_transaction(ws.db):
        for key, value in values.items():
            settings.put(ws.db, key, value)
    return values


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(640)
        current = settings.get_all(ctx.db)
        self.officer = QComboBox()
        self.officer.addItem(self.tr("(not set)"), "")
        for officer in officers.list_officers(ctx.db):
            self.officer.addItem(f"{officer.name}　{officer.cert_no}　{officer.unit}", officer.cert_no)
        self.officer.setCurrentIndex(max(0, self.officer.findData(current["officer_cert"])))
        self.bureau = QLineEdit(current["bureau_name"])
        self.prefix = QLineEdit(current["doc_prefix"])
        self.time_zone = QComboBox()  # zones by their Chinese names; the IANA id is the item's data
        for tz in dict.fromkeys([current["time_zone"], *TIME_ZONES]):
            self.time_zone.addItem(zone_label(tz), tz)
        self.server = QLineEdit(current["server_url"], placeholderText="https://")
        self.language = QComboBox()
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current["language"])))
        self.data_dir = QLabel(str(ctx.data_dir), wordWrap=True)
        self.change_folder = QPushButton(self.tr("Change…"))
        self.change_folder.clicked.connect(self._choose_folder)
        # the first font of the documents' chain; registered by file, so the next document uses it
        self.font = QLineEdit(current.get("doc_font", ""), placeholderText=self.tr("Shipped font (WenQuanYi Micro Hei)"))
        self.choose_font = QPushButton(self.tr("Choose…"))
        self.choose_font.clicked.connect(self._choose_font)
        self.number_blocks_button = QPushButton(self.tr("Document number blocks…"))
        self.number_blocks_button.clicked.connect(self.open_number_blocks)
        self.number_blocks = None
        self.issuer_button = QPushButton(self.tr("Bureau details on decisions…"))
        self.issuer_button.clicked.connect(self.open_issuer)
        self.issuer = None
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._build()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("This machine's officer"), self.officer)
        form.addRow(self.tr("Bureau name"), self.bureau)
        form.addRow(self.tr("Document prefix (机关代字)"), self.prefix)
        form.addRow(self.tr("Time zone"), self.time_zone)
        folder = QHBoxLayout()
        folder.addWidget(self.data_dir, 1)
        folder.addWidget(self.change_folder)
        form.addRow(self.tr("Data folder"), folder)
        form.addRow(self.tr("Bureau server URL"), self.server)
        form.addRow(self.tr("Language"), self.language)
        font_row = QHBoxLayout()
        font_row.addWidget(self.font, 1)
        font_row.addWidget(self.choose_font)
        form.addRow(self.tr("Document font"), font_row)
        numbers = QHBoxLayout()
        numbers.addWidget(self.number_blocks_button)
        numbers.addStretch(1)
        form.addRow(self.tr("Document numbers (文号)"), numbers)
        issuer_row = QHBoxLayout()
        issuer_row.addWidget(self.issuer_button)
        issuer_row.addStretch(1)
        form.addRow(self.tr("Decisions (决定书)"), issuer_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, str]:
        return {"officer_cert": self.officer.currentData(), "bureau_name": self.bureau.text().strip(),
                "doc_prefix": self.prefix.text().strip(), "time_zone": self.time_zone.currentData(),
                "server_url": self.server.text().strip(), "language": self.language.currentData(),
                "doc_font": self.font.text().strip()}

    def open_number_blocks(self):
        """The device's blocks of document numbers: list, enter a block by hand, void a number."""
        from ui.number_blocks_dialog import NumberBlocksDialog

        self.number_blocks = NumberBlocksDialog(self.ctx, self)
        self.number_blocks.open()
        return self.number_blocks

    def open_issuer(self) -> IssuerSettingsDialog:
        self.issuer = IssuerSettingsDialog(self.ctx, parent=self)
        self.issuer.open()
        return self.issuer

    def _choose_font(self) -> None:
        chosen = self.ctx.dialogs.open_files(self.tr("Choose the document font"), "TrueType fonts (*.ttf *.ttc)")
        if chosen:
            self.font.setText(str(chosen[0]))

    def _choose_folder(self) -> None:
        folder = self.ctx.dialogs.open_folder(self.tr("Choose the data folder"))
        if folder is None:
            return
        QSettings("EcoField", "EcoField").setValue(DATA_DIR_KEY, str(Path(folder)))
        self.data_dir.setText(str(folder))
        self.ctx.dialogs.inform(self.tr("Data folder"),
                                self.tr("EcoField will use {path} from the next start.").format(path=folder))

    def save(self) -> None:
        self.ctx.run(lambda ws: save_settings(ws, self.values()), self._saved, announce=("settings",))

    def _saved(self, values: dict[str, str]) -> None:
        if values["language"] != self.ctx.language:
            self.ctx.language = values["language"]
        self.accept()


class IssuerSettingsDialog(QDialog):
    """The bureau's details every decision states (eco_field.documents.issuer): asked for the first time a
    decision is issued without them, and reachable from Settings. Saved in one transaction."""

    def __init__(self, ctx: AppContext, missing: list[str] | None = None, parent=None) -> None:
        from eco_field.documents import issuer

        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Bureau details on decisions"))
        self.setMinimumWidth(640)
        self.intro = QLabel(wordWrap=True)
        if missing:
            self.intro.setText(self.tr("A decision states these details of the bureau. Fill in what is missing "
                                       "before it is issued: {names}").format(names="、".join(missing)))
        else:
            self.intro.setText(self.tr("A decision states these details of the bureau."))
        self.fields: dict[str, QLineEdit] = {}
        labels = {label: key for key, label in issuer.ALL}
        self.required = tuple(labels[name] for name in missing or () if name in labels)
        form = QFormLayout()
        current = issuer.current(ctx.db)
        labels = {"bureau_name": self.tr("Bureau name"), "doc_prefix": self.tr("Document prefix (机关代字)"),
                  "doc_bureau_address": self.tr("Bureau address"), "doc_contact": self.tr("Contact and telephone"),
                  "doc_payment_bank": self.tr("Bank where fines are paid"),
                  "doc_payment_account": self.tr("Account (name and number)"),
                  "doc_review_body": self.tr("Administrative review body (复议机关)"),
                  "doc_court": self.tr("Court for administrative litigation")}
        for key, label in issuer.ALL:
            edit = QLineEdit(current.get(key, ""))
            edit.setObjectName(key)
            self.fields[key] = edit
            form.addRow(labels.get(key, label), edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.fields.items()}

    def save(self) -> None:
        from eco_field.documents import issuer

        values, required = self.values(), self.required
        self.ctx.run(lambda ws: issuer.save(ws.db, values, required), lambda _none: self.accept(),
                     announce=("settings",))
