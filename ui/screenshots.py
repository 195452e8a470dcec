"""Save a PNG of every screen with demo data at 1366×768: python -m ui.screenshots DIR [--lang en] [--pseudo]."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from eco_field import demo
from eco_field.evidence import service
from eco_field.paths import PROJECT_ROOT
from eco_field.records import Party
from eco_field.store import inspections
from eco_field.workspace import Workspace
from ui import tasks
from ui.app import build_window
from ui.context import AppContext
from ui.dialogs import ScriptedDialogs
from ui.main_window import MainWindow
from ui.style import STYLESHEET

SIZE = (1366, 768)
FIXTURE_PHOTOS = PROJECT_ROOT.parent / "shared" / "fixtures" / "photos"


def seed_examples(ws: Workspace) -> list[str]:
    """Demo data plus two inspections with checklist answers and a finding, so no screen is empty."""
    demo.seed(ws)
    ents = [t for t in demo.demo_tasks()[:2]]
    made = []
    for task in ents:
        insp = inspections.create(ws.db, task.enterprise_id, task.officers, task_id=task.id,
                                  party=Party("王某", "安全环保部部长", "13800000000", True))
        checklist = {"industry": "coking", "items": {
            "GEN-01": {"answer": "compliant", "note": ""},
            "GEN-07": {"answer": "non_compliant", "note": "发现焦炉烟气旁路挡板开启"},
            "COK-03": {"answer": "non_compliant", "note": "脱硝设施停运，无运行记录"}}}
        inspections.update(ws.db, insp.id, checklist=checklist, findings=[
            {"item_id": "COK-03", "facts": "脱硝设施停运，无运行记录", "basis": "大气法 第九十九条(三)"}])
        made.append(insp.id)
    photos = sorted(FIXTURE_PHOTOS.glob("*.jpg"))[:8] if FIXTURE_PHOTOS.is_dir() else []
    if photos:
        service.import_paths(ws, made[0], photos, workers=1)
    return made


def shots(window: MainWindow, inspection_ids: list[str]) -> list[tuple[str, Callable[[], None]]]:
    def editor_tab(index: int) -> Callable[[], None]:
        def show() -> None:
            window.show_section("inspections")
            window.inspections.open_inspection(inspections.get(window.ctx.db, inspection_ids[0]))
            window.inspections.editor.tabs.setCurrentIndex(index)
        return show

    def enterprise() -> None:
        window.show_section("enterprises")
        window.enterprises.list.table.selectRow(0)

    result = [("01_tasks", lambda: window.show_section("tasks")),
              ("02_inspections", lambda: (window.show_section("inspections"), window.inspections.show_list())),
              ("03_enterprises", enterprise)]
    result += [(f"04_inspection_tab{i}_{name}", editor_tab(i))
               for i, name in enumerate(window.inspections.editor.tab_names())]
    def site_map() -> None:
        editor_tab(3)()
        tab = window.inspections.editor.evidence
        tab.side.setCurrentWidget(tab.map)

    result.append(("04_inspection_tab3_site_map", site_map))
    result += [("05_new_inspection_from_task", lambda: window.start_from_task(demo.demo_tasks()[3])),
               ("06_cases", lambda: window.show_section("cases")), ("07_sync", lambda: window.show_section("sync"))]
    result += [(f"08_{name}", show) for name, show in window.extra_screenshots()]
    return result


def save_all(folder: Path, language: str = "zh_CN", pseudo: bool = False, data_dir: Path | None = None) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    app.setStyleSheet(STYLESHEET)
    tasks.set_pool(tasks.SynchronousPool())
    data_dir = data_dir or Path(tempfile.mkdtemp(prefix="ecofield-shots-"))
    ws = Workspace.open(data_dir, create=True)
    ids = seed_examples(ws)
    ctx = AppContext(data_dir=data_dir, ws=ws, dialogs=ScriptedDialogs(), language=language)
    window = build_window(ctx, pseudo)
    window.resize(*SIZE)
    window.show()
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for name, show in shots(window, ids):
        show()
        app.processEvents()
        path = folder / f"{name}.png"
        window.grab().save(str(path))
        saved.append(path)
    window.close()
    ctx.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--pseudo", action="store_true")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    for path in save_all(args.folder, args.lang, args.pseudo):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
