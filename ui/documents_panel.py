"""Documents of an inspection or a case: choose a kind, render it in the background, review it in QtPdf,
print it on A4 or save a copy; sign it on the signature pad.

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
        doc["path"] = str(ws.blobs.find(doc["pdf_sha256"]) or "")
    return docs


class DocumentsPanel(QWidget):
    WATCHES = frozenset({"document", "evidence"})

    def __init__(self, ctx: AppContext, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.source = ctx, source
        self.inspection_id: str | None = None
        self.case_id: str | None = None
        self._kinds_loaded = False
        self.kind = QComboBox()
        self.render_button = QPushButton(self.tr("Make document"), objectName="primary")
        self.busy = QProgressBar(visible=False, maximum=0)
        self.message = QLabel(wordWrap=True)
        self.list = QListWidget()
        self.pdf = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.print_button = QPushButton(self.tr("Print (A4)…"))
        self.save_button = QPushButton(self.tr("Save a copy…"))
        self.sign_button = QPushButton(self.tr("Sign…"))
        self.render_button.clicked.connect(self.render)
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
        self.list.clear()
        titles = {self.kind.itemData(i): self.kind.itemText(i) for i in range(self.kind.count())}
        for doc in docs:
            item = QListWidgetItem(f"{doc['number']}\n{titles.get(doc['kind'], doc['kind'])}"
                                   + ("" if doc["status"] == "issued" else f"（{doc['status']}）"))
            item.setData(Qt.ItemDataRole.UserRole, doc)
            self.list.addItem(item)
            if current and current["id"] == doc["id"]:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(self.list.count() - 1)
        self._update_buttons()

    def current(self) -> dict[str, Any] | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show_current(self, *_args: object) -> None:
        doc = self.current()
        self.pdf.close()
        if doc and doc["path"]:
            self.pdf.load(doc["path"])
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.current() is not None and self.pdf.pageCount() > 0
        for button in (self.print_button, self.save_button, self.sign_button):
            button.setEnabled(has)

    # -- actions -----------------------------------------------------------------------------------
    def render(self) -> None:
        kind = self.kind.currentData()
        if not kind:
            return
        inspection_id = None if self.case_id else self.inspection_id
        case_id = self.case_id

        def make(ws: Workspace) -> dict[str, Any]:
            from eco_field.documents import service

            return service.render(ws, kind, inspection_id=inspection_id, case_id=case_id)

        self.busy.setVisible(True)
        self.render_button.setEnabled(False)
        self.message.setText(self.tr("Making {title}…").format(title=self.kind.currentText()))
        self.ctx.run(make, self._rendered, announce=("document", "evidence"), on_error=self._render_failed)

    def _rendered(self, doc: dict[str, Any]) -> None:
        self._render_failed()
        self.message.setText(self.tr("Issued {number} ({pages} pages).").format(number=doc["number"],
                                                                                  pages=doc["pages"]))

    def _render_failed(self) -> None:
        self.busy.setVisible(False)
        self.render_button.setEnabled(True)
        self.message.clear()

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
        if doc is None or not doc.get("inspection_id"):
            return None
        dialog = SignatureDialog(self.ctx, doc, self)
        dialog.open()
        return dialog
