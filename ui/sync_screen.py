"""同步: enrol with a bureau (URL + one-time code), sync now with progress and cancel, see and settle conflicts."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eco_field.sync import state
from eco_field.sync.client import run_sync
from eco_field.sync.conflict_text import reason_text, record_text
from eco_field.sync.enrol import enroll
from eco_field.sync.status import sync_status
from ui.context import AppContext
from ui.formatting import short_time
from ui.placeholder import set_placeholder
from ui.tasks import JobControl

PULLED = ("task", "enterprise", "officer", "case", "inspection", "sync", "settings")


class SyncScreen(QWidget):
    WATCHES = frozenset({"sync", "settings", "inspection", "evidence", "case", "document"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job: JobControl | None = None
        self.status = {key: QLabel(wordWrap=True) for key in
                       ("enrolled", "server_url", "officer", "last_success", "last_error", "pending", "conflicts")}
        self.url = QLineEdit(placeholderText="https://bureau.example")
        self.code = QLineEdit(placeholderText=self.tr("one-time code from the bureau"))
        self.enrol_button = QPushButton(self.tr("Enrol this device"))
        self.sync_button = QPushButton(self.tr("Sync now"), objectName="primary")
        self.cancel = QPushButton(self.tr("Cancel"), visible=False)
        self.progress = QProgressBar(visible=False)
        self.message = QLabel(wordWrap=True)
        self.conflicts = QTableWidget(0, 5)
        self.conflicts.setHorizontalHeaderLabels([self.tr("Record"), self.tr("Reason"), self.tr("Mine"),
                                                  self.tr("Bureau's"), self.tr("Detected")])
        self.conflicts.horizontalHeader().setStretchLastSection(True)
        self.conflicts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.conflicts.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.compare = QPlainTextEdit(readOnly=True)
        self.compare.setPlaceholderText(self.tr("Choose a conflict to compare your version with the bureau's."))
        set_placeholder(self.conflicts, self.tr("No conflicts: when the bureau has kept another version of a "
                                                "record you changed, it is listed here to settle."))
        self.resolution = QComboBox()
        self.resolution.addItem(self.tr("The bureau's version stands"), "accepted_server")
        self.resolution.addItem(self.tr("Mine is re-entered as a new change"), "reentered_local")
        self.resolve_button = QPushButton(self.tr("Mark as settled"))
        self._items: list[dict[str, Any]] = []
        self.enrol_button.clicked.connect(self.enrol)
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel.clicked.connect(self.cancel_sync)
        self.conflicts.currentCellChanged.connect(self._conflict_selected)
        self.resolve_button.clicked.connect(self.resolve_current)
        self._build()
        ctx.hub.changed.connect(self.on_changed)
        self.refresh()

    def _build(self) -> None:
        titles = {"enrolled": self.tr("Enrolled"), "server_url": self.tr("Bureau server"),
                  "officer": self.tr("Officer"), "last_success": self.tr("Last successful sync"),
                  "last_error": self.tr("Last error"), "pending": self.tr("Waiting to be sent"),
                  "conflicts": self.tr("Open conflicts")}
        status_box = QGroupBox(self.tr("This device"))
        form = QFormLayout(status_box)
        for key, label in titles.items():
            form.addRow(label, self.status[key])
        enrol_box = QGroupBox(self.tr("Enrol with a bureau"))
        enrol = QFormLayout(enrol_box)
        enrol.addRow(self.tr("Server URL"), self.url)
        enrol.addRow(self.tr("Code"), self.code)
        enrol.addRow("", self.enrol_button)
        top = QHBoxLayout()
        top.addWidget(status_box, 3)
        top.addWidget(enrol_box, 2)
        bar = QHBoxLayout()
        for widget in (self.sync_button, self.progress, self.cancel):
            bar.addWidget(widget)
        bar.addWidget(self.message, 1)
        conflicts_box = QGroupBox(self.tr("Conflicts (the bureau kept another version)"))
        conflicts = QVBoxLayout(conflicts_box)
        lower = QHBoxLayout()
        lower.addWidget(self.conflicts, 1)
        lower.addWidget(self.compare, 1)
        conflicts.addLayout(lower)
        settle = QHBoxLayout()
        settle.addStretch(1)
        settle.addWidget(self.resolution)
        settle.addWidget(self.resolve_button)
        conflicts.addLayout(settle)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Sync"), objectName="screenTitle"))
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(conflicts_box, 1)

    def on_changed(self, entities: frozenset) -> None:
        if entities & self.WATCHES and self.job is None:
            self.refresh()

    def refresh(self) -> None:
        info = sync_status(self.ctx.ws)
        yes, no = self.tr("yes"), self.tr("no — enter the bureau's URL and a code")
        texts = {"enrolled": yes if info["enrolled"] else no, "server_url": info["server_url"] or "—",
                 "officer": info["officer"] or "—",
                 "last_success": short_time(info["last_success"]) if info["last_success"] else self.tr("never"),
                 "last_error": info["last_error"] or "—",
                 "pending": self.tr("{n} changes, {b} files").format(n=info["pending"], b=info["pending_blobs"]),
                 "conflicts": str(info["conflicts"])}
        for key, text in texts.items():
            self.status[key].setText(text)
        if info["server_url"] and not self.url.text():
            self.url.setText(info["server_url"])
        self.sync_button.setEnabled(info["enrolled"] and self.job is None)
        self._items = state.conflicts(self.ctx.db)
        self.conflicts.setRowCount(len(self._items))
        for row, item in enumerate(self._items):
            for column, text in enumerate((record_text(item), reason_text(item),
                                           item["local_revision"], item["server_revision"],
                                           short_time(item["detected_at"]))):
                cell = QTableWidgetItem("" if text is None else str(text))
                cell.setToolTip(cell.text() if column < 2 else "")  # the whole reason, when the column cuts it
                self.conflicts.setItem(row, column, cell)
        self.resolve_button.setEnabled(bool(self._items))

    # -- enrol and sync ----------------------------------------------------------------------------
    def enrol(self) -> None:
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url or not code:
            self.ctx.dialogs.inform(self.tr("Enrol"), self.tr("Enter the bureau's server URL and the code."))
            return
        self.ctx.run(lambda ws: enroll(ws, url, code), self._enrolled, announce=("sync", "settings"))

    def _enrolled(self, answer: dict[str, Any]) -> None:
        self.code.clear()
        self.message.setText(self.tr("Enrolled as {name} ({cert}).").format(
            name=answer["officer"].get("name", ""), cert=answer["officer"].get("cert_no", "")))

    def sync_now(self) -> None:
        if self.job is not None:
            return
        self.job = control = JobControl()
        self._busy(True)
        self.ctx.run_long(lambda ws, c: run_sync(ws, progress=lambda stage, done, total: c.report(
            done, total or 0, stage), cancel=lambda: c.cancelled), self._synced, self._progress,
            announce=PULLED, on_error=lambda: self._busy(False), control=control)

    def cancel_sync(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _progress(self, done: int, total: int, stage: str) -> None:
        self.progress.setMaximum(max(total, 1) if total else 0)
        self.progress.setValue(done)
        self.message.setText(f"{self._stage_label(stage)} {done}" + (f"/{total}" if total else ""))

    def _stage_label(self, stage: str) -> str:
        """run_sync's stage names as the officer reads them (translated like every other label)."""
        return {"push": self.tr("Uploading records"), "blobs": self.tr("Uploading evidence files"),
                "audit": self.tr("Uploading the audit log"), "pull": self.tr("Downloading updates")}.get(stage, stage)

    def _synced(self, result: dict[str, Any]) -> None:
        self._busy(False)
        if result.get("ok"):
            self.message.setText(self.tr("Synced: {p} sent, {b} files, {d} received, {c} conflicts").format(
                p=result["pushed"], b=result["blobs_sent"], d=result["pulled"], c=result["conflicts"]))
        elif result.get("cancelled"):
            self.message.setText(self.tr("Sync cancelled; it continues where it stopped next time."))
        else:
            self.message.setText(self.tr("Sync failed: {error}").format(error=result.get("error", "")))

    def _busy(self, busy: bool) -> None:
        if not busy:
            self.job = None
        self.progress.setVisible(busy)
        self.cancel.setVisible(busy)
        self.sync_button.setEnabled(not busy)

    # -- conflicts ---------------------------------------------------------------------------------
    def _conflict_selected(self, row: int, *_rest: int) -> None:
        if not 0 <= row < len(self._items):
            self.compare.clear()
            return
        item = self._items[row]
        dump = lambda value: json.dumps(value, ensure_ascii=False, indent=1)  # noqa: E731
        self.compare.setPlainText(reason_text(item) + "\n\n"  # why, first: the versions below are the data
                                  + self.tr("Mine:") + "\n" + dump(item["local_payload"]) + "\n\n"
                                  + self.tr("The bureau's:") + "\n" + dump(item["server_payload"]))

    def resolve_current(self) -> None:
        row = self.conflicts.currentRow()
        if not 0 <= row < len(self._items):
            return
        conflict_id, resolution = self._items[row]["id"], self.resolution.currentData()

        def settle(ws) -> None:
            from eco_field.sync.resolve import settle_conflict

            settle_conflict(ws, conflict_id, resolution)

        self.ctx.run(settle, announce=("sync", "inspection", "task", "enterprise", "case"))
