"""立行立改 from the laptop to the bureau's figures (issue 18 part 5): the officer ticks 「已立行立改」 on a finding
in the inspection's findings tab, saves and seals; after a sync the bureau's `immediate_rectifications` counts
the check — and not before, and not an unticked finding. A value that is not true/false is refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from eco_field.errors import BadInput
from eco_field.evidence.seal import seal
from eco_field.findings import RECTIFIED
from eco_field.store import inspections
from eco_field.sync.client import run_sync
from tests.sync.conftest import BureauServer
from ui import i18n
from ui import tasks as ui_tasks
from ui.app import build_window
from ui.context import AppContext
from ui.dialogs import ScriptedDialogs
from ui.findings_widget import RECTIFIED_COLUMN


@pytest.fixture
def laptop_window(device, qtbot, tmp_path):
    """The GUI on the enrolled demo laptop (離石区), in Chinese, jobs run inline."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    ui_tasks.set_pool(ui_tasks.SynchronousPool())
    i18n.install("zh_CN")
    ctx = AppContext(data_dir=device.data_dir, ws=device, dialogs=ScriptedDialogs(), language="zh_CN")
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.show()
    # the status bar asks the bureau once, 0.5 s after showing: let it, before the laptop's database closes
    qtbot.waitUntil(lambda: window.status._network_ready, timeout=10_000)
    yield window
    ui_tasks.set_pool(None)


def _county_figure(bureau: BureauServer, year: str) -> int:
    return bureau.admin_json("figures", "--year", year, "--county", "离石区")["immediate_rectifications"]


def test_a_finding_ticked_on_the_laptop_is_counted_by_the_bureau(bureau: BureauServer, device, laptop_window,
                                                                  qtbot) -> None:
    window = laptop_window
    window.show_section("tasks")
    window.tasks.list.table.selectRow(0)
    qtbot.mouseClick(window.tasks.start_button, Qt.MouseButton.LeftButton)
    editor = window.inspections.editor
    editor.tabs.setCurrentWidget(editor.findings)
    findings = editor.findings
    header = findings.table.horizontalHeaderItem(RECTIFIED_COLUMN).text()
    assert header == "立行立改"
    findings.add({"item_id": "GEN-02", "facts": "危险废物台账未及时填写，当场补记", "basis": ""})
    findings.add({"item_id": "GEN-07", "facts": "雨水排口有黄色积水", "basis": ""})
    mark = findings.table.item(0, RECTIFIED_COLUMN)
    assert mark.text() == "已立行立改" and mark.checkState() == Qt.CheckState.Unchecked
    # the officer ticks the first finding with the keyboard (space on the check box cell)
    findings.table.setFocus()
    findings.table.setCurrentCell(0, RECTIFIED_COLUMN)
    qtbot.keyClick(findings.table, Qt.Key.Key_Space)
    assert mark.checkState() == Qt.CheckState.Checked
    assert editor.dirty
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.dirty
    stored = inspections.get(device.db, editor.inspection.id)
    assert [f.get(RECTIFIED) for f in stored.findings] == [True, None], "an unticked finding gains no key"

    # opened again, the tick is shown; sealed, it can no longer be changed in the editor
    year = stored.started_at[:4]
    before = _county_figure(bureau, year)
    seal(device, stored.id)
    editor.open_existing(stored.id)
    mark = editor.findings.table.item(0, RECTIFIED_COLUMN)
    assert mark.checkState() == Qt.CheckState.Checked
    assert not mark.flags() & Qt.ItemFlag.ItemIsUserCheckable, "a sealed record's tick cannot be changed"
    assert _county_figure(bureau, year) == before, "nothing synced yet"
    result = run_sync(device)
    assert result["ok"] and not result["conflicts"], result
    assert _county_figure(bureau, year) == before + 1
    assert bureau.admin_json("figures", "--year", year)["immediate_rectifications"] == before + 1


def test_the_findings_editor_keeps_an_unticked_mark_and_refuses_odd_values(device, laptop_window, qtbot) -> None:
    window = laptop_window
    window.show_section("tasks")
    window.tasks.list.table.selectRow(0)
    qtbot.mouseClick(window.tasks.start_button, Qt.MouseButton.LeftButton)
    editor = window.inspections.editor
    editor.findings.add({"item_id": "GEN-02", "facts": "台账缺失", "basis": "", RECTIFIED: True})
    editor.findings.set_rectified(0, False)  # an officer's second thought: not corrected after all
    assert editor.findings.value()[0][RECTIFIED] is False
    editor.save()
    insp_id = editor.inspection.id
    assert inspections.get(device.db, insp_id).findings[0][RECTIFIED] is False
    editor.findings.set_read_only(True)
    assert not editor.findings.table.item(0, RECTIFIED_COLUMN).flags() & Qt.ItemFlag.ItemIsUserCheckable
    for odd in ("是", 1, None):
        with pytest.raises(BadInput, match="rectified_on_site"):
            inspections.update(device.db, insp_id, findings=[{"facts": "台账缺失", RECTIFIED: odd}])
    assert inspections.get(device.db, insp_id).findings[0][RECTIFIED] is False, "a refused edit changes nothing"
