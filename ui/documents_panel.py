"""Documents of an inspection or a case: choose a kind, preview it as a numberless 草稿, issue it (生成文书: one
number, taken when it is issued), review it in QtPdf, print it on A4 or save a copy; sign it on the signature
pad (a new version of the same numbered document; the latest version is shown and printed).

ReportLab is imported only when a document is first needed, never at start-up.
"""

from __future__ import annotations

import shutil
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from eco_field.workspace import Workspace
from ui.context import AppContext
from ui.pdf_print import a4_printer, print_pdf
from ui.placeholder import set_placeholder
from ui.signature_pad import SignatureDialog


def document_kinds(source: str) -> list[tuple[str, str]]:
    """(kind, Chinese title) of the documents made from an inspection or from a case."""
    from eco_field.documents.kinds import MODULES, module_for

    result = []
    for kind in MODULES:
        module = module_for(kind)
        if module.SOURCE in (source, "either"):
            result.append((kind, module.TITLE))
    return result


def list_documents(ws: Workspace, inspection_id: str | None, case_id: str | None) -> list[dict[str, Any]]:
    from eco_field.documents import service

    docs = service.list_documents(ws.db, inspection_id=inspection_id, case_id=case_id)
    for doc in docs:
        doc["path"] = str(service.latest_pdf_path(ws, doc) or "")
    return docs


def issue_check(ws: Workspace, kind: str) -> list[str]:
    """The bureau details issuing this kind still needs (Chinese labels); [] when none."""
    from eco_field.documents import issuer

    return [label for _, label in issuer.missing(ws.db, kind)]


class DocumentsPanel(QWidget):
    WATCHES = frozenset({"document", "evidence"})

    def __init__(self, ctx: AppContext, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.source = ctx, source
        self.inspection_id: str | None = None
        self.case_id: str | None = None
        self._kinds_loaded = False
        self.kind = QComboBox()
        # a case's document may be recorded after the fact with its own date of issue (落款日期), as
        # `documents render --date` does; never a future one (the service refuses it)
        from ui.case_evidence_forms import date_edit

        self.issue_date = date_edit()
        self.issue_date_label = QLabel(self.tr("Date of issue"), buddy=self.issue_date)
        for widget in (self.issue_date, self.issue_date_label):
            widget.setVisible(source == "case")
        self.preview_button = QPushButton(self.tr("Preview draft"))
        self.render_button = QPushButton(self.tr("Make document"), objectName="primary")
        self.showing_draft: str | None = None  # the draft PDF in the view, if any (not in the list)
        self._select_id: str | None = None     # the document to select once the list is reloaded
        self.settings_dialog = None
        self.busy = QProgressBar(visible=False, maximum=0)
        self.message = QLabel(wordWrap=True)
        self.list = QListWidget()
        set_placeholder(self.list, self.tr("No documents yet: choose a kind above, then “Preview draft” to "
                                           "check it or “Make document” to issue it."))
        self.pdf = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.print_button = QPushButton(self.tr("Print (A4)…"))
        self.save_button = QPushButton(self.tr("Save a copy…"))
        self.sign_button = QPushButton(self.tr("Sign…"))
        self.render_button.clicked.connect(self.render)
        self.preview_button.clicked.connect(self.preview)
        self.list.currentItemChanged.connect(self._show_current)
        self.print_button.clicked.connect(self.print_current)
        self.save_button.clicked.connect(self.save_current)
        self.sign_button.clicked.connect(self.sign_current)
        self._build()
        ctx.hub.changed.connect(self.on_changed)
        self._update_buttons()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.kind, 1)
        top.addWidget(self.issue_date_label)
        top.addWidget(self.issue_date)
        top.addWidget(self.preview_button)
        top.addWidget(self.render_button)
        top.addWidget(self.busy)
        top.addWidget(self.message, 2)
        actions = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.sign_button):
            actions.addWidget(button)
        actions.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.view, 1)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([300, 800])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def set_source(self, inspection_id: str | None = None, case_id: str | None = None) -> None:
        self.inspection_id, self.case_id = inspection_id, case_id
        self.pdf.close()
        self.list.clear()
        self.render_button.setEnabled(bool(inspection_id or case_id))
        self.preview_button.setEnabled(bool(inspection_id or case_id))
        if not (inspection_id or case_id):
            self.message.setText(self.tr("Save the inspection first."))
        else:
            self._load_kinds()  # a record is open: past start-up, ReportLab may load now
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.reload()

    def _load_kinds(self) -> None:
        if not self._kinds_loaded:
            for kind, title in document_kinds(self.source):
                self.kind.addItem(title, kind)
            self._kinds_loaded = True

    def reload(self) -> None:
        self._load_kinds()
        if self.inspection_id or self.case_id:
            inspection_id, case_id = self.inspection_id, self.case_id
            self.ctx.run(lambda ws: list_documents(ws, inspection_id, case_id), self._show_list)

    def on_changed(self, entities: frozenset) -> None:
        if entities & self.WATCHES and self.isVisible():
            self.reload()

    def _show_list(self, docs: list[dict[str, Any]]) -> None:
        current = self.current()
        wanted = self._select_id or (current["id"] if current else None)
        self._select_id = None
        self.list.blockSignals(True)
        self.list.clear()
        titles = {self.kind.itemData(i): self.kind.itemText(i) for i in range(self.kind.count())}
        for doc in docs:
            state = "" if doc["current"] else self.tr("(void)")
            if doc.get("signed"):
                state += self.tr("(signed, version {n})").format(n=doc["version"])
            item = QListWidgetItem(f"{doc['number']}\n{titles.get(doc['kind'], doc['kind'])}{state}")
            item.setData(Qt.ItemDataRole.UserRole, doc)
            self.list.addItem(item)
            if wanted and wanted == doc["id"]:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count() and not self.showing_draft:
            self.list.setCurrentRow(self.list.count() - 1)
        self.list.blockSignals(False)
        if self.list.currentItem() is not None:
            self._show_current()
        self._update_buttons()

    def current(self) -> dict[str, Any] | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def current_of_kind(self, kind: str) -> dict[str, Any] | None:
        """The document of this kind in force for the open record (issuing again would void it)."""
        for row in range(self.list.count()):
            doc = self.list.item(row).data(Qt.ItemDataRole.UserRole)
            if doc["kind"] == kind and doc["current"]:
                return doc
        return None

    def _show_current(self, *_args: object) -> None:
        doc = self.current()
        if doc is None:
            return
        self.showing_draft = None
        self.pdf.close()
        if doc["path"]:
            self.pdf.load(doc["path"])
        self._update_buttons()

    def _update_buttons(self) -> None:
        doc = self.current()
        has = doc is not None and not self.showing_draft and self.pdf.pageCount() > 0
        for button in (self.print_button, self.save_button):
            button.setEnabled(has)
        self.sign_button.setEnabled(has and bool(doc and doc["current"]))

    # -- actions -----------------------------------------------------------------------------------
    def _selection(self) -> tuple[str | None, str | None, str | None]:
        return self.kind.currentData(), None if self.case_id else self.inspection_id, self.case_id

    def preview(self) -> None:
        """The document as it would be issued, without a number and marked 草稿: nothing is stored."""
        kind, inspection_id, case_id = self._selection()
        if not kind:
            return

        def make(ws: Workspace) -> dict[str, Any]:
            from eco_field.documents import service

            return service.render_draft(ws, kind, inspection_id=inspection_id, case_id=case_id)

        self._busy(self.tr("Making {title}…").format(title=self.kind.currentText()))
        self.ctx.run(make, self._previewed, on_error=self._idle)

    def _previewed(self, draft: dict[str, Any]) -> None:
        self._idle()
        self.list.blockSignals(True)
        self.list.setCurrentItem(None)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self.showing_draft = draft["pdf"]
        self.pdf.close()
        self.pdf.load(draft["pdf"])
        text = self.tr("Draft (no number, not issued), {pages} pages.").format(pages=draft["pages"])
        if draft["missing_settings"]:
            text += " " + self.tr("Issuing it needs: {names}").format(names="、".join(draft["missing_settings"]))
        self.message.setText(text)
        self._update_buttons()

    def render(self) -> None:
        """生成文书: issue the chosen kind (asks first when one is in force; the bureau details first if empty)."""
        kind, _inspection_id, _case_id = self._selection()
        if not kind:
            return
        earlier = self.current_of_kind(kind)
        if earlier and not self.ctx.dialogs.ask(
                self.tr("Issue again"),
                self.tr("{number} is in force for this record. Issuing again voids it (作废) and takes a new "
                        "number. Issue again?").format(number=earlier["number"])):
            return
        self.ctx.run(lambda ws: issue_check(ws, kind), lambda missing: self._issue_or_ask(kind, missing))

    def _issue_or_ask(self, kind: str, missing: list[str]) -> None:
        if not missing:
            self._issue(kind)
            return
        from ui.settings_dialog import IssuerSettingsDialog

        self.settings_dialog = IssuerSettingsDialog(self.ctx, missing, self)
        self.settings_dialog.accepted.connect(lambda: self._issue(kind))
        self.settings_dialog.open()

    def _issue(self, kind: str) -> None:
        _kind, inspection_id, case_id = self._selection()
        from ui.case_evidence_forms import iso

        issued_on = iso(self.issue_date) if case_id else None

        def make(ws: Workspace) -> dict[str, Any]:
            from eco_field.documents import service

            return service.issue(ws, kind, inspection_id=inspection_id, case_id=case_id, issued_on=issued_on)

        self._busy(self.tr("Making {title}…").format(title=self.kind.currentText()))
        self.ctx.run(make, self._rendered, announce=("document", "evidence"), on_error=self._idle)

    def _busy(self, text: str) -> None:
        self.busy.setVisible(True)
        self.render_button.setEnabled(False)
        self.preview_button.setEnabled(False)
        self.message.setText(text)

    def _rendered(self, doc: dict[str, Any]) -> None:
        self._idle()
        self.showing_draft = None
        self._select_id = doc["id"]  # the preview follows the document just issued
        text = self.tr("Issued {number} ({pages} pages).").format(number=doc["number"], pages=doc["pages"])
        if doc.get("superseded"):
            text += " " + self.tr("Voided: {numbers}").format(numbers="、".join(doc["superseded"]))
        self.message.setText(text)
        if not self.isVisible():
            self.reload()

    def _idle(self) -> None:
        self.busy.setVisible(False)
        self.render_button.setEnabled(bool(self.inspection_id or self.case_id))
        self.preview_button.setEnabled(bool(self.inspection_id or self.case_id))

    # kept for callers of the earlier name
    _render_failed = _idle

    def print_current(self) -> None:
        printer = a4_printer()
        if self.ctx.dialogs.setup_printer(printer):
            pages = print_pdf(self.pdf, printer)
            self.message.setText(self.tr("Sent {n} pages to the printer.").format(n=pages))

    def save_current(self) -> None:
        doc = self.current()
        if doc is None:
            return
        target = self.ctx.dialogs.save_file(self.tr("Save the document"), f"{doc['number']}.pdf", "PDF (*.pdf)")
        if target is not None:
            shutil.copyfile(doc["path"], target)
            self.message.setText(self.tr("Saved to {path}").format(path=target))

    def sign_current(self) -> SignatureDialog | None:
        doc = self.current()
        if doc is None or not doc["current"]:
            return None
        dialog = SignatureDialog(self.ctx, doc, self)
        dialog.signed.connect(self._signed)
        dialog.load_names()
        dialog.open()
        return dialog

    def _signed(self, result: dict[str, Any]) -> None:
        self._select_id = result["id"]
        self.message.setText(self.tr("Signed by {name}: version {n} of {number}.").format(
            name=result["name"], n=result["version"], number=result["number"]))
        self.reload()
