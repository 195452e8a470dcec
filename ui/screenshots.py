"""Save a PNG of every screen with demo data at 1280×720: python -m ui.screenshots DIR [--lang en] [--pseudo].

The data are the demo records plus worked examples made through the services (inspections with checklist
answers, photos, readings, a document and a case), so that no screen is shown empty.
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from eco_field import demo
from eco_field.documents import numbering
from eco_field.evidence import service as evidence
from eco_field.law import cases
from eco_field.law.catalog import load_catalog
from eco_field.readings import service as readings
from eco_field.records import Party
from eco_field.store import inspections
from eco_field.workspace import Workspace
from ui import tasks
from ui.app import build_window
from ui.context import AppContext
from ui.dialogs import ScriptedDialogs
from ui.main_window import MainWindow
from ui.style import STYLESHEET

SIZE = (1280, 720)  # the small laptop screen every screen and dialog must fit
COD_EXPORT = "采样时间,COD(mg/L)\n" + "".join(
    f"2026-06-05 09:{m:02d},{v}\n" for m, v in zip(range(0, 60, 5), (38, 41, 44, 52, 61, 58, 47, 43, 40, 39, 55, 42),
                                                     strict=True))


def site_photos(folder: Path, lat: float, lon: float) -> list[Path]:
    """Camera-like photos made here (no third-party files needed): seven around the site, one 12 km away."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    spots = [(lat + 0.0004 * math.cos(i), lon + 0.0005 * math.sin(i)) for i in range(7)] + [(lat + 0.11, lon)]
    paths = []
    for i, (y, x) in enumerate(spots):
        image = Image.new("RGB", (640, 480), (120 + 15 * i, 150, 170 - 10 * i))
        draw = ImageDraw.Draw(image)
        draw.rectangle((80 + 20 * i, 160, 300 + 20 * i, 420), fill=(90, 90, 95))  # a plant building
        draw.rectangle((360, 60, 400, 420), fill=(70, 70, 70))  # a stack
        draw.ellipse((330, 10 - 5 * i, 450, 90 - 5 * i), fill=(200, 200, 205))  # its plume
        exif = Image.Exif()
        exif[0x010F], exif[0x0110] = "DemoCam", "DC-1"
        exif.get_ifd(0x8769)[0x9003] = f"2026:06:05 08:{40 + i:02d}:00"
        exif.get_ifd(0x8825).update({1: "N", 2: _dms(y), 3: "E", 4: _dms(x)})
        path = folder / f"DSC_{i + 1:04d}.JPG"
        image.save(path, "JPEG", quality=85, exif=exif)
        paths.append(path)
    return paths


def _dms(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    return (float(degrees), float(minutes), round((value - degrees - minutes / 60) * 3600, 4))


def seed_examples(ws: Workspace, scratch: Path) -> dict[str, str]:
    """Demo data plus worked examples; returns the ids the shots open."""
    demo.seed(ws)
    coking, sewage = demo.demo_tasks()[0], next(t for t in demo.demo_tasks() if "污水" in t.title)
    insp = inspections.create(ws.db, coking.enterprise_id, coking.officers, task_id=coking.id,
                              started_at="2026-06-05T08:30", party=Party("王某", "安全环保部部长", "13800000000", True))
    inspections.update(ws.db, insp.id, checklist={"industry": "coking", "items": {
        "GEN-01": {"answer": "compliant", "note": ""},
        "GEN-07": {"answer": "non_compliant", "note": "焦炉烟气旁路挡板开启"},
        "COK-03": {"answer": "non_compliant", "note": "脱硝设施停运，无运行记录"}}}, findings=[
        {"item_id": "COK-03", "catalog_id": "AIR-03", "facts": "脱硝设施停运，无运行记录",
         "basis": load_catalog()["AIR-03"].citation}])  # as choosing the catalog entry fills it in
    ent = next(e for e in demo.demo_enterprises() if e.id == coking.enterprise_id)
    evidence.import_paths(ws, insp.id, site_photos(scratch / "DCIM" / "100MEDIA", ent.lat, ent.lon), workers=1)
    water = inspections.create(ws.db, sewage.enterprise_id, sewage.officers, task_id=sewage.id,
                               started_at="2026-06-05T08:30")
    export = scratch / "COD_2026-06-05.csv"
    export.write_text(COD_EXPORT, encoding="utf-8")
    readings.import_file(ws, water.id, export, outlet="DW001")
    from eco_field.documents import service as documents

    documents.render(ws, "inspection-record", inspection_id=insp.id)
    numbering.add_block(ws.db, "penalty-decision", 2026, 201, 300, source="bureau")
    numbering.add_block(ws.db, "rectification-order", 2026, 51, 80)
    numbering.void(ws.db, "penalty-decision", 2026, 201, "文书打印错误")
    photos = [r[0] for r in ws.db.execute("SELECT id FROM evidence WHERE inspection_id = ? ORDER BY original_name",
                                          [insp.id])]  # the last one, 12 km away, is flagged
    # opened on the inspection's day: opened "now", the list showed it registered half a year after its own
    # 立案 deadline (2026-06-20)
    case = cases.new_case(ws.db, insp.id, [cases.CaseViolation("AIR-03", "脱硝设施停运", photos)],
                          "脱硝设施停运，无运行记录", opened_at="2026-06-05T11:00:00+08:00")
    cases.assess(ws.db, case.id, {"impact": "medium"})
    return {"coking": insp.id, "sewage": water.id, "case": case.id}


def shots(window: MainWindow, ids: dict[str, str]) -> list[tuple[str, Callable[[], QWidget | None]]]:
    db = window.ctx.db

    def editor(inspection: str, tab: str, then: Callable[[], None] | None = None) -> Callable[[], None]:
        def show() -> None:
            window.open_inspection(inspections.get(db, ids[inspection]))
            ed = window.inspections.editor
            ed.tabs.setCurrentIndex(ed.tab_names().index(tab))
            if then:
                then()
        return show

    def site_map() -> None:
        tab = window.inspections.editor.evidence
        tab.side.setCurrentWidget(tab.map)

    def enterprise() -> None:
        window.show_section("enterprises")
        window.enterprises.list.table.selectRow(0)

    def case(tab: int) -> Callable[[], None]:
        def show() -> None:
            window.show_section("cases")
            window.cases.list.table.selectRow(0)
            window.cases.side.setCurrentIndex(tab)
        return show

    def procedure(form: int) -> Callable[[], None]:
        def show() -> None:
            case(1)()
            forms = window.cases.detail.forms
            forms.setCurrentIndex(form)
            steps = window.cases.detail.next_steps
            if form == 0:  # where the open steps end and the closed ones, with their reasons, begin
                steps.scrollToItem(steps.closed_header, steps.ScrollHint.PositionAtCenter)
            elif form == 3:  # a monitoring report being attached
                forms.report_form.number.setText("LLJC-2026-0611")
                forms.report_form.body.setText("吕梁市生态环境监测中心")
                forms.report_form.set_file(Path("监测报告LLJC-2026-0611.pdf"))
                forms.report_form.results.add_row({"place": "DA001", "pollutant": "颗粒物", "value": "20.53",
                                                   "unit": "mg/m³", "limit": "15", "standard": "GB 16171-2012 表6"})
            elif form == 4:  # the far photo being explained
                forms.photo_form.text.setText("相机时间与位置设置有误，照片系本次检查时在厂区拍摄")
        return show

    def event_form(code: str, **values: str) -> Callable[[], None]:
        """The event form with the event's own fields (case_steps.event_fields) filled as an officer would."""
        def show() -> None:
            procedure(0)()
            forms = window.cases.detail.forms
            forms.event_kind.setCurrentIndex(max(forms.event_kind.findData(code), 0))
            details = forms.details
            for key, value in values.items():
                widget = details.widgets[key]
                if key in ("measure", "ground_item"):
                    widget.setCurrentIndex(max(widget.findData(value), 0))
                elif key == "months":
                    widget.setValue(int(value))
                else:
                    widget.setText(value)
        return show

    def decided_amount() -> QWidget:
        dialog = calculator()
        dialog.decided.setText("500000.05")
        dialog.decided_reason.setText("经集体讨论，考虑其整改态度")
        return dialog

    def calculator() -> QWidget:
        case(0)()
        return window.cases.open_calculator(window.cases.detail.case)

    def exemption_facts() -> QWidget:
        dialog = calculator()
        dialog.left_tabs.setCurrentIndex(1)
        return dialog

    def settings() -> QWidget:
        return window.open_settings()

    def signature() -> QWidget:
        editor("coking", "documents")()
        dialog = window.inspections.editor.documents.sign_current()
        dialog.name.setText("王某")
        # a pen stroke: pressing harder in the middle draws wider
        dialog.pad.stroke([QPointF(60 + x * 9, 150 + 40 * math.sin(x / 3)) for x in range(60)],
                          [0.15 + 0.8 * math.sin(math.pi * x / 59) for x in range(60)])
        return dialog

    def number_blocks(tab: int) -> Callable[[], QWidget]:
        def show() -> QWidget:
            from ui.number_blocks_dialog import NumberBlocksDialog

            dialog = NumberBlocksDialog(window.ctx, window)
            dialog.show()
            dialog.tabs.setCurrentIndex(tab)
            if tab == 0:  # a block that overlaps one the bureau sent: the message says so
                dialog.add_kind.setCurrentIndex(dialog.add_kind.findData("penalty-decision"))
                dialog.add_start.setText("290")
                dialog.add_end.setText("350")
                dialog.add_block()
            else:
                dialog.number_table.selectRow(0)
            return dialog
        return show

    def first_start() -> QWidget:
        from ui.first_start import FirstStartDialog

        dialog = FirstStartDialog(window)
        dialog.names[0].setText("李明")
        dialog.certs[0].setText("14110100009")
        dialog.show()
        return dialog

    def seal_confirmation() -> QWidget:
        from ui.message_dialog import MessageDialog
        from ui.seal_flow import seal_summary

        editor("coking", "site")()
        dialog = MessageDialog(window, QCoreApplication.translate("SealFlow", "Seal this inspection"),
                               seal_summary(window.ctx, ids["coking"]),
                               question=True)
        dialog.show()
        return dialog

    return [
        ("01_tasks", lambda: window.show_section("tasks")),
        ("02_inspections", lambda: (window.show_section("inspections"), window.inspections.show_list())),
        ("03_enterprises", enterprise),
        ("04_inspection_site", editor("coking", "site")),
        ("05_inspection_checklist", editor("coking", "checklist")),
        ("06_inspection_findings", editor("coking", "findings")),
        ("07_inspection_evidence", editor("coking", "evidence")),
        ("08_inspection_site_map", editor("coking", "evidence", site_map)),
        ("09_inspection_readings", editor("sewage", "readings")),
        ("10_inspection_documents", editor("coking", "documents")),
        ("11_new_inspection_from_task", lambda: window.start_from_task(demo.demo_tasks()[3])),
        ("12_cases", case(0)),
        ("13_case_documents", case(2)),
        ("14_sync", lambda: window.show_section("sync")),
        ("15_penalty_calculator", calculator),
        ("16_settings", settings),
        ("17_signature", signature),
        ("18_number_blocks", number_blocks(0)),
        ("19_number_blocks_void", number_blocks(1)),
        ("20_first_start", first_start),
        ("21_seal_confirmation", seal_confirmation),
        ("22_case_procedure", procedure(0)),
        ("23_case_monitoring_report", procedure(3)),
        ("24_case_flagged_photo", procedure(4)),
        ("25_penalty_exemption_facts", exemption_facts),
        ("26_case_seizure_form", event_form("seized", measure="查封", ground_item="6", approved_by="李建国",
                                            note="颗粒物排放浓度超标4倍，周边村庄受影响")),
        ("27_case_production_form", event_form("production_proposed", measure="限制生产", months="2",
                                               note="焦炉烟囱颗粒物排放浓度持续超过排放标准")),
        ("28_case_seizure_extension_form", event_form("seizure_extended", note="检测报告尚未出具，需待检测结论",
                                                      approved_by="李建国")),
        ("29_penalty_decided_amount", decided_amount),
    ]


def opening_shot(folder: Path, language: str) -> Path:
    """The window as first shown, before the data folder is open (ui.startup)."""
    shell = MainWindow(language=language)
    shell.resize(*SIZE)
    shell.show()
    QTest.qWait(100)
    path = folder / "00_opening.png"
    shell.grab().save(str(path))
    shell.close()
    return path


def save_all(folder: Path, language: str = "zh_CN", pseudo: bool = False) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    app.setStyleSheet(STYLESHEET)
    tasks.set_pool(tasks.SynchronousPool())
    scratch = Path(tempfile.mkdtemp(prefix="ecofield-shots-"))
    ws = Workspace.open(scratch / "data", create=True)
    ids = seed_examples(ws, scratch)
    ctx = AppContext(data_dir=scratch / "data", ws=ws, dialogs=ScriptedDialogs(), language=language)
    window = build_window(ctx, pseudo)
    folder.mkdir(parents=True, exist_ok=True)
    saved = [opening_shot(folder, language)]
    window.resize(*SIZE)
    window.show()
    for name, show in shots(window, ids):
        dialog = show()
        QTest.qWait(400)  # QPdfView and QtCharts paint asynchronously
        widget = dialog if isinstance(dialog, QWidget) else window
        path = folder / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path)
        if isinstance(dialog, QWidget):
            dialog.close()
    window.close()
    ctx.close()
    shutil.rmtree(scratch, ignore_errors=True)
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
