"""The evidence tab of an inspection: import photos (button or drag-and-drop) with progress and cancel,
the thumbnail grid with flag badges, the detail pane and the site map."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from eco_field.errors import EcoFieldError
from eco_field.evidence import redraw, service
from eco_field.evidence.service import ImportReport
from eco_field.records import Enterprise, Inspection
from eco_field.workspace import Workspace
from ui.context import AppContext
from ui.photo_detail import PhotoDetail
from ui.photo_grid import PhotoGrid
from ui.site_map import MapPoint, SiteMap
from ui.tasks import JobControl

PHOTO_FILTER = "Photos (*.jpg *.jpeg *.png *.tif *.tiff *.heic *.heif *.dng);;All files (*)"


def load_photos(ws: Workspace, inspection_id: str) -> list[tuple[dict[str, Any], QImage | None]]:
    """Background: the inspection's photos with their thumbnails decoded (QImage is safe off the GUI thread)."""
    result = []
    for photo in service.list_evidence(ws.db, inspection_id):
        try:
            image = QImage(str(service.thumbnail_path(ws, photo["sha256"], 256)))
        except EcoFieldError:
            image = None
        result.append((photo, image))
    return result


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
        self.message = QLabel(self.tr("Drop photos or folders here, or use the buttons."), wordWrap=True)
        self.grid = PhotoGrid()
        self.detail = PhotoDetail()
        self.map = SiteMap()
        self.import_files.clicked.connect(self._choose_files)
        self.import_folder.clicked.connect(self._choose_folder)
        self.cancel.clicked.connect(self.cancel_import)
        self.grid.currentItemChanged.connect(self._photo_selected)
        self.grid.filled.connect(self._grid_filled)
        self._build()
        ctx.hub.changed.connect(self.on_changed)

    def _build(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.import_files, self.import_folder, self.progress, self.cancel):
            bar.addWidget(widget)
        bar.addWidget(self.message, 1)
        side = QTabWidget()
        side.addTab(self.detail, self.tr("Details"))
        side.addTab(self.map, self.tr("Site map"))
        self.side = side
        splitter = QSplitter()
        splitter.addWidget(self.grid)
        splitter.addWidget(side)
        splitter.setSizes([700, 400])
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
        self.reload()

    def reload(self) -> None:
        if self.inspection is None:
            self._show([])
            return
        inspection_id = self.inspection.id
        self.ctx.run(lambda ws: load_photos(ws, inspection_id), self._show)

    def _show(self, photos: list[tuple[dict[str, Any], QImage | None]]) -> None:
        self._images = {p["id"]: image for p, image in photos}
        self.grid.show_photos(photos)
        if self.grid.currentItem() is None and self.grid.count():
            self.grid.setCurrentRow(0)

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
        if report.errors:
            self.ctx.dialogs.inform(self.tr("Some files were not imported"), "\n".join(
                f"{Path(e['path']).name}: {e['error']}" for e in report.errors[:20]))

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

    # -- detail and map ----------------------------------------------------------------------------
    def _photo_selected(self, *_args: object) -> None:
        photo = self.grid.current_photo()
        self.detail.show_photo(photo, self._images.get(photo["id"]) if photo else None)
        self._update_map()

    def _update_map(self) -> None:
        ent = self.enterprise
        current = self.grid.current_photo()
        points = [MapPoint(p["lat"], p["lon"], p["original_name"], "far_from_site" in p["flags"],
                           bool(current and current["id"] == p["id"]))
                  for p in self.grid.photos() if p.get("lat") is not None and p.get("lon") is not None]
        if ent is not None:
            self.map.set_site(ent.lat, ent.lon, ent.radius_m, points)
