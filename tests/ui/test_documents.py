"""Documents: render in the background, review in QtPdf, print on A4 (to a PDF file here), save, sign."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import QPointF

from eco_field import demo
from eco_field.documents import numbering
from eco_field.store import inspections


def editor_documents(window, ctx):
    numbering.add_block(ctx.db, "inspection-record", date.today().year, 1, 50)
    task = demo.demo_tasks()[0]
    insp = inspections.create(ctx.db, task.enterprise_id, task.officers)
    window.open_inspection(insp)
    editor = window.inspections.editor
    editor.tabs.setCurrentWidget(editor.documents)
    return insp, editor.documents


def test_render_view_print_save_and_sign(window, ctx, dialogs, tmp_path):
    insp, panel = editor_documents(window, ctx)
    panel.kind.setCurrentIndex(panel.kind.findData("inspection-record"))
    assert panel.kind.currentText() == "现场检查（勘察）笔录"
    panel.render_button.click()
    assert panel.list.count() == 1 and "号" in panel.list.item(0).text()
    assert panel.pdf.pageCount() >= 1 and panel.print_button.isEnabled()
    # print: the scripted print dialog sends it to a PDF file; A4 pages come out
    printed = tmp_path / "printed.pdf"
    dialogs.answers.append(printed)
    panel.print_button.click()
    reader = PdfReader(printed)
    assert len(reader.pages) == panel.pdf.pageCount()
    width_pt, height_pt = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert abs(width_pt - 595) < 3 and abs(height_pt - 842) < 3
    # save a copy: byte for byte the issued PDF
    copy = tmp_path / "copy.pdf"
    dialogs.answers.append(copy)
    panel.save_button.click()
    doc = panel.current()
    assert copy.read_bytes() == open(doc["path"], "rb").read()
    # sign it: the signature goes into the PDF as version 2 of the same number, shown and printed from now on
    dialog = panel.sign_current()
    dialog.name.setText("王某")
    dialog.pad.stroke([QPointF(20, 100), QPointF(120, 60), QPointF(220, 120)])
    dialog.save()
    row = ctx.db.execute("SELECT id, original_name FROM evidence WHERE inspection_id = ? AND kind = 'signature'",
                         [insp.id]).fetchone()
    assert row and doc["number"] in row[1]
    shown = panel.current()
    assert shown["number"] == doc["number"] and shown["version"] == 2 and shown["pdf_sha256"] != doc["pdf_sha256"]
    assert shown["path"] != doc["path"] and all(len(p.images) >= 1 for p in PdfReader(shown["path"]).pages)
    assert panel.list.count() == 1 and "已签名" in panel.list.item(0).text()
    dialog.close()


def test_a_document_that_cannot_be_made_says_why(window, ctx, dialogs):
    task = demo.demo_tasks()[0]
    insp = inspections.create(ctx.db, task.enterprise_id, task.officers)
    window.open_inspection(insp)
    panel = window.inspections.editor.documents
    window.inspections.editor.tabs.setCurrentWidget(panel)
    panel.kind.setCurrentIndex(panel.kind.findData("photo-evidence"))
    panel.render_button.click()
    assert dialogs.shown[-1][0] == "error" and "没有照片" in dialogs.shown[-1][2]
    assert panel.render_button.isEnabled() and not panel.busy.isVisible() and panel.list.count() == 0


def test_start_up_does_not_import_reportlab(tmp_path):
    code = (
        "import sys, os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from ui.app import open_context, build_window\n"
        f"ctx, _ = open_context(__import__('pathlib').Path({str(tmp_path / 'd')!r}))\n"
        "win = build_window(ctx); win.show(); app.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.startswith('reportlab')))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
