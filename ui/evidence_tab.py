"""The evidence tab of an inspection: import photos (button or drag-and-drop) with progress and cancel,
the thumbnail grid with flag badges, the detail pane and the site map; before sealing, remove a photo (with
a reason), undo the last import or removal, write what a photo proves (证明事项) and mark it up (a derived
copy: eco_field.evidence.markup)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from eco_field.errors import EcoFieldError
from eco_field.evidence import handling, markup, redraw, service
from eco_field.evidence.service import ImportReport
from eco_field.records import Enterprise, Inspection
from eco_field.workspace import Workspace
from ui.context import AppContext
from ui.markup_dialog import MarkupDialog
from ui.photo_detail import PhotoDetail
from ui.photo_grid import PhotoGrid
from ui.site_map import MapPoint, SiteMap
from ui.tasks import JobControl

PHOTO_FILTER = "Photos (*.jpg *.jpeg *.png *.tif *.tiff *.heic *.heif *.dng);;All files (*)"


def load_photos(ws: Workspace, inspection_id: str) -> list[tuple[dict[str, Any], QImage | None]]:
    """Background: the inspection's photos with their thumbnails decoded (QImage is safe off the GUI thread);
    a photo the officer marked up shows its marked copy."""
    result = []
    for photo in service.list_evidence(ws.db, inspection_id):
        shown = photo["marked"]["sha256"] if photo.get("marked") else photo["sha256"]
        try:
            image = QImage(str(service.thumbnail_path(ws, shown, 256)))
        except EcoFieldError:
            image = None
        result.append((photo, image))
    return result


def load_tab(ws: Workspace, inspection_id: str) -> tuple[list[tuple[dict[str, Any], QImage | None]], dict[str, bool]]:
    """Background: the photos and whether there is an import and a removal to undo."""
    return load_photos(ws, inspection_id), handling.undo_state(ws.db, inspection_id)


def load_preview(ws: Workspace, photo: dict[str, Any]) -> QImage:
    """Background: the 1600 px preview of the original the mark-up dialog draws over."""
    return QImage(str(service.thumbnail_path(ws, photo["sha256"], 1600)))


class EvidenceTab(QWidget):
    WATCHES = frozenset({"evidence", "inspection"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.inspection: Inspection | None = None
        self.enterprise: Enterprise | None = None
        self.job: JobControl | None = None
        self._busy = False
        self._images: dict[str, QImage | None] = {}
        self.setAcceptDrops(True)
        self.import_files = QPushButton(self.tr("Import photos…"), objectName="primary")
        self.import_folder = QPushButton(self.tr("Import a folder…"))
        self.progress = QProgressBar(visible=False)
        self.cancel = QPushButton(self.tr("Cancel import"), visible=False)
        self.remove_button = QPushButton(self.tr("Remove…"), objectName="remove_photo")
        self.markup_button = QPushButton(self.tr("Mark up…"), objectName="markup_photo")
        self.undo_import_button = QPushButton(self.tr("Undo import"), objectName="undo_import")
        self.undo_removal_button = QPushButton(self.tr("Undo removal"), objectName="undo_removal")
        self.message = QLabel(self.tr("Drop photos or folders here, or use the buttons."), wordWrap=True)
        self.grid = PhotoGrid()
        self.detail = PhotoDetail()
        self.map = SiteMap()
        self._undo = {"import": False, "removal": False}
        self.import_files.clicked.connect(self._choose_files)
        self.import_folder.clicked.connect(self._choose_folder)
        self.cancel.clicked.connect(self.cancel_import)
        self.remove_button.clicked.connect(self.remove_current)
        self.markup_button.clicked.connect(self.markup_current)
        self.undo_import_button.clicked.connect(self.undo_import)
        self.undo_removal_button.clicked.connect(self.undo_removal)
        self.detail.caption_saved.connect(self.save_caption)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._context_menu)
        self.grid.currentItemChanged.connect(self._photo_selected)
        self.grid.filled.connect(self._grid_filled)
        self._build()
        ctx.hub.changed.connect(self.on_changed)

    def _build(self) -> None:
        bar = QHBoxLayout()  # one row: the screen's height goes to the photos (1280x720)
        for widget in (self.import_files, self.import_folder, self.progress, self.cancel):
            bar.addWidget(widget)
        bar.addSpacing(12)
        for widget in (self.remove_button, self.markup_button, self.undo_import_button, self.undo_removal_button):
            bar.addWidget(widget)
        bar.addWidget(self.message, 1)
        detail = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        detail.setWidget(self.detail)  # a photo with several flags is taller than a small screen
        detail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side = QTabWidget()
        side.addTab(detail, self.tr("Details"))
        side.addTab(self.map, self.tr("Site map"))
        self.side = side
        splitter = QSplitter()
        splitter.addWidget(self.grid)
        splitter.addWidget(side)
        splitter.setSizes([620, 480])  # the details pane fits a SHA-256 (two lines of 32) at 1280 px
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def set_inspection(self, insp: Inspection | None, enterprise: Enterprise) -> None:
        self.inspection, self.enterprise = insp, enterprise
        editable = insp is not None and not insp.sealed
        for button in (self.import_files, self.import_folder):
            button.setEnabled(editable)
        if insp is None:
            self.message.setText(self.tr("Save the inspection first, then import its photos."))
        elif insp.sealed:
            self.message.setText(self.tr("Sealed: photos can only be added to an amendment."))
        else:  # saved: the 请先保存 line of the unsaved inspection must not stay
            self.message.setText("")
        self.detail.set_editable(editable)
        self.reload()

    def editable(self) -> bool:
        return self.inspection is not None and not self.inspection.sealed and not self._busy

    def reload(self) -> None:
        if self.inspection is None:
            self._show(([], {"import": False, "removal": False}))
            return
        inspection_id = self.inspection.id
        self.ctx.run(lambda ws: load_tab(ws, inspection_id), self._show)

    def _show(self, loaded: tuple[list[tuple[dict[str, Any], QImage | None]], dict[str, bool]]) -> None:
        photos, self._undo = loaded
        self._images = {p["id"]: image for p, image in photos}
        self.grid.show_photos(photos)
        if self.grid.currentItem() is None and self.grid.count():
            self.grid.setCurrentRow(0)
        self._update_actions()

    def _update_actions(self) -> None:
        editable, chosen = self.editable(), self.grid.current_photo() is not None
        self.remove_button.setEnabled(editable and chosen)
        self.markup_button.setEnabled(editable and chosen)
        self.undo_import_button.setEnabled(editable and self._undo.get("import", False))
        self.undo_removal_button.setEnabled(editable and self._undo.get("removal", False))
        self.detail.set_editable(editable and chosen)

    def _grid_filled(self) -> None:
        self._update_map()

    def on_changed(self, entities: frozenset) -> None:
        if entities & self.WATCHES and self.job is None:
            self.reload()

    # -- import ------------------------------------------------------------------------------------
    def _choose_files(self) -> None:
        paths = self.ctx.dialogs.open_files(self.tr("Import photos"), PHOTO_FILTER)
        if paths:
            self.start_import(paths)

    def _choose_folder(self) -> None:
        folder = self.ctx.dialogs.open_folder(self.tr("Import a folder of photos"))
        if folder is not None:
            self.start_import([folder])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and self.import_files.isEnabled():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    def start_import(self, paths: list[Path]) -> None:
        if self.inspection is None or self._busy:
            return
        inspection_id = self.inspection.id
        self._set_busy(True)
        self.job = control = JobControl()
        self.ctx.run_long(
            lambda ws, control: service.import_paths(ws, inspection_id, paths, progress=control.report,
                                                     cancel=lambda: control.cancelled),
            lambda report: self._imported(report, inspection_id), self._progress, announce=("evidence",),
            on_error=lambda: self._set_busy(False), control=control)

    def cancel_import(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel.setEnabled(False)


    def _progress(self, done: int, total: int, path: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.message.setText(self.tr("Importing {done} of {total}: {name}").format(
            done=done, total=total, name=Path(path).name))

    def _imported(self, report: ImportReport, inspection_id: str) -> None:
        if report.imported:
            self._redraw_thumbnails(inspection_id)
        cancelled = report.cancelled or (self.job is not None and self.job.cancelled)
        self._set_busy(False)
        text = self.tr("{n} imported, {d} already here, {e} could not be read").format(
            n=len(report.imported), d=len(report.duplicates), e=len(report.errors))
        if cancelled:
            text = self.tr("Import cancelled.") + " " + text
        self.message.setText(text)
        if report.errors:  # the reasons in the interface language (message), never the English `error`
            self.ctx.dialogs.inform(self.tr("Some files were not imported"), "\n".join(
                f"{Path(e['path']).name}：{e.get('message') or e['error']}" for e in report.errors[:20]))

    def _redraw_thumbnails(self, inspection_id: str) -> None:
        """Quietly, after an import: thumbnails drawn from cameras' embedded previews are drawn again from
        the pictures themselves (eco_field/evidence/redraw.py); the grid reloads when any changed."""
        self.ctx.run(lambda ws: redraw.redraw_thumbnails(ws, inspection_id), self._thumbnails_redrawn)

    def _thumbnails_redrawn(self, done: dict[str, Any]) -> None:
        if done["redrawn"] or done["refused"]:
            self.ctx.hub.announce("evidence")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if not busy:
            self.job = None
        self.progress.setVisible(busy)
        self.cancel.setVisible(busy)
        self.cancel.setEnabled(busy)
        self.progress.setValue(0)
        for button in (self.import_files, self.import_folder):
            button.setEnabled(not busy and self.inspection is not None and not self.inspection.sealed)
        self._update_actions()

    # -- remove, undo, caption, mark-up (the services refuse a sealed inspection) -------------------
    def _context_menu(self, pos: QPoint) -> None:
        item = self.grid.itemAt(pos)
        if item is None or not self.editable():
            return
        self.grid.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(self.tr("Mark up…"), self.markup_current)
        menu.addAction(self.tr("Edit caption"), self.detail.focus_caption)
        menu.addSeparator()
        menu.addAction(self.tr("Remove…"), self.remove_current)
        menu.popup(self.grid.viewport().mapToGlobal(pos))
        self._menu = menu  # kept for tests and so it is not collected while shown

    def remove_current(self) -> None:
        photo = self.grid.current_photo()
        if photo is None or not self.editable():
            return
        reason = self.ctx.dialogs.get_text(self.tr("Remove photo"), self.tr(
            "Why is {name} removed? (kept in the audit log; the original stays in the evidence store)").format(
            name=photo["original_name"]))
        if reason is None:
            return
        if not reason.strip():
            self.ctx.dialogs.error(self.tr("Remove photo"), self.tr("Give a reason for removing the photo."))
            return
        evidence_id = photo["id"]
        self.ctx.run(lambda ws: service.remove(ws, evidence_id, reason), lambda done: self.message.setText(
            self.tr("Removed {name}. “Undo removal” puts it back.").format(name=done["original_name"])),
            announce=("evidence",))

    def undo_import(self) -> None:
        if self.inspection is None or not self.ctx.dialogs.ask(
                self.tr("Undo import"), self.tr("Take out every photo the last import added?")):
            return
        inspection_id = self.inspection.id
        self.ctx.run(lambda ws: handling.undo_import(ws, inspection_id), lambda done: self.message.setText(
            self.tr("Import undone: {n} photos taken out.").format(n=len(done["removed"]))), announce=("evidence",))

    def undo_removal(self) -> None:
        if self.inspection is None:
            return
        inspection_id = self.inspection.id
        self.ctx.run(lambda ws: handling.undo_removal(ws, inspection_id), self._restored, announce=("evidence",))

    def _restored(self, done: dict[str, Any]) -> None:
        names = "、".join(r["original_name"] for r in done["restored"])
        text = self.tr("Restored: {names}").format(names=names) if names else ""
        if done.get("already_there"):
            text += (" " if text else "") + self.tr("{n} were imported again meanwhile and are here already.").format(
                n=len(done["already_there"]))
        self.message.setText(text)

    def save_caption(self, evidence_id: str, text: str) -> None:
        self.ctx.run(lambda ws: handling.set_caption(ws, evidence_id, text), lambda _done: self.message.setText(
            self.tr("Caption saved.")), announce=("evidence",))

    def markup_current(self) -> None:
        photo = self.grid.current_photo()
        if photo is None or not self.editable():
            return
        self.ctx.run(lambda ws: load_preview(ws, photo), lambda image: self._open_markup(photo, image))

    def _open_markup(self, photo: dict[str, Any], image: QImage) -> None:
        shapes = photo["marked"]["shapes"] if photo.get("marked") else []
        dialog = MarkupDialog(image, photo["original_name"], self.ctx.dialogs, self, shapes=shapes)
        self.markup_dialog = dialog  # tests and screenshots reach the open dialog here
        dialog.accepted.connect(lambda: self._save_markup(photo["id"], dialog.shapes()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # window-modal, without a nested event loop

    def _save_markup(self, evidence_id: str, shapes: list[dict[str, Any]]) -> None:
        self.ctx.run(lambda ws: markup.save(ws, evidence_id, shapes), lambda _done: self.message.setText(
            self.tr("Marked copy saved; the original is unchanged.")), announce=("evidence",))

    # -- detail and map ----------------------------------------------------------------------------
    def _photo_selected(self, *_args: object) -> None:
        photo = self.grid.current_photo()
        self.detail.show_photo(photo, self._images.get(photo["id"]) if photo else None)
        self._update_actions()
        self._update_map()

    def _update_map(self) -> None:
        ent = self.enterprise
        current = self.grid.current_photo()
        points = [MapPoint(p["lat"], p["lon"], p["original_name"], "far_from_site" in p["flags"],
                           bool(current and current["id"] == p["id"]))
                  for p in self.grid.photos() if p.get("lat") is not None and p.get("lon") is not None]
        if ent is not None:
            self.map.set_site(ent.lat, ent.lon, ent.radius_m, points)
