"""文号号段 from Settings: list the device's blocks, enter one by hand (checked, Chinese messages), void a number."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from eco_field.documents import numbering
from eco_field.store import outbox
from eco_field.store.database import write_transaction
from ui import i18n
from ui.settings_dialog import SettingsDialog


@pytest.fixture(autouse=True)
def chinese():
    i18n.install("zh_CN")  # as the application does before building its window


def open_blocks(qtbot, ctx):
    settings_dialog = SettingsDialog(ctx)
    qtbot.addWidget(settings_dialog)
    qtbot.mouseClick(settings_dialog.number_blocks_button, Qt.MouseButton.LeftButton)
    dialog = settings_dialog.number_blocks
    assert dialog is not None and dialog.isVisible()
    dialog.settings_dialog = settings_dialog  # the parent lives as long as the test holds the dialog
    return dialog


def type_into(qtbot, field, text: str) -> None:
    """Keys for ASCII; Chinese and full-width text arrives committed by the input method, not as key presses."""
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insert(text)


def fill_block(qtbot, dialog, kind: str, year: str, start: str, end: str) -> None:
    dialog.add_kind.setCurrentIndex(dialog.add_kind.findData(kind))
    for field, text in ((dialog.add_year, year), (dialog.add_start, start), (dialog.add_end, end)):
        field.clear()
        type_into(qtbot, field, text)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)


def cells(table, row: int) -> list[str]:
    return [table.item(row, column).text() for column in range(table.columnCount())]


def test_entering_a_block_by_hand_lists_it_and_queues_it_for_the_bureau(qtbot, ctx):
    dialog = open_blocks(qtbot, ctx)
    assert dialog.block_table.rowCount() == 0
    assert dialog.add_kind.itemText(dialog.add_kind.findData("penalty-decision")) == "行政处罚决定书"
    pending = outbox.pending_count(ctx.db)
    fill_block(qtbot, dialog, "penalty-decision", "2026", "201", "300")
    assert [(b.kind, b.year, b.start, b.end, b.next, b.source) for b in numbering.list_blocks(ctx.db)] == [
        ("penalty-decision", 2026, 201, 300, 201, "local")]
    assert cells(dialog.block_table, 0) == ["行政处罚决定书", "2026", "201–300", "201", "100", "本机录入"]
    assert "100" in dialog.add_note.text() and not dialog.add_error.isVisible()
    assert dialog.add_start.text() == "" and outbox.pending_count(ctx.db) == pending + 1


def test_bad_blocks_are_refused_with_a_chinese_message_naming_the_field(qtbot, ctx):
    dialog = open_blocks(qtbot, ctx)
    fill_block(qtbot, dialog, "penalty-decision", "2026", "1", "100")
    cases = [("26", "1", "5", "年度须为四位数字"), ("2026", "", "5", "起始号须为不小于 1 的整数"),
             ("2026", "0", "5", "起始号须为不小于 1 的整数"), ("2026", "7", "abc", "截止号须为不小于 1 的整数"),
             ("2026", "50", "20", "截止号（20）小于起始号（50）"), ("2026", "90", "120", "与同种类同年度的已有号段 1–100 重叠")]
    for year, start, end, message in cases:
        fill_block(qtbot, dialog, "penalty-decision", year, start, end)
        assert dialog.add_error.isVisible() and message in dialog.add_error.text(), (year, start, end)
    assert len(numbering.list_blocks(ctx.db)) == 1  # nothing refused reached the database
    # the same serials for another kind, and full-width digits from a Chinese input method, are fine
    fill_block(qtbot, dialog, "rectification-order", "２０２６", "９０", "１２０")
    assert not dialog.add_error.isVisible()
    assert [(b.kind, b.start, b.end) for b in numbering.list_blocks(ctx.db, "rectification-order")] == [
        ("rectification-order", 90, 120)]


def test_voiding_an_unused_and_an_issued_number(qtbot, ctx, dialogs):
    numbering.add_block(ctx.db, "penalty-decision", 2026, 1, 10, source="bureau")
    with write_transaction(ctx.db):
        issued = numbering.issue(ctx.db, "penalty-decision", 2026)
    dialog = open_blocks(qtbot, ctx)
    assert cells(dialog.block_table, 0)[-1] == "局里下发" and cells(dialog.block_table, 0)[3] == "2"
    # selecting the block offers its next serial; a reason is required
    dialog.block_table.selectRow(0)
    assert dialog.void_serial.text() == "2"
    qtbot.mouseClick(dialog.void_button, Qt.MouseButton.LeftButton)
    assert "请填写作废原因" in dialog.void_error.text()
    type_into(qtbot, dialog.void_reason, "空白文书污损")
    qtbot.mouseClick(dialog.void_button, Qt.MouseButton.LeftButton)
    assert dialogs.shown[-1][0] == "ask" and "2" in dialogs.shown[-1][2]
    assert {(n["serial"], n["status"]) for n in numbering.list_numbers(ctx.db)} == {(1, "issued"), (2, "void")}
    assert "吕环罚〔2026〕2号" in dialog.void_note.text()
    assert cells(dialog.block_table, 0)[3:5] == ["3", "8"]  # the voided serial is skipped: next 3, 8 left
    # the issued number, picked from the list of used numbers
    dialog.tabs.setCurrentIndex(1)
    row = next(r for r in range(dialog.number_table.rowCount()) if cells(dialog.number_table, r)[1] == issued.number)
    assert cells(dialog.number_table, row)[2] == "已开具"
    dialog.number_table.selectRow(row)
    assert dialog.void_serial.text() == "1"
    type_into(qtbot, dialog.void_reason, "当事人名称写错")
    qtbot.mouseClick(dialog.void_button, Qt.MouseButton.LeftButton)
    assert {(n["serial"], n["status"]) for n in numbering.list_numbers(ctx.db)} == {(1, "void"), (2, "void")}
    # voiding again, or a serial in no block, is refused before the core is asked
    dialog.number_table.selectRow(0)
    type_into(qtbot, dialog.void_reason, "再次")
    qtbot.mouseClick(dialog.void_button, Qt.MouseButton.LeftButton)
    assert "已作废" in dialog.void_error.text()
    dialog.void_serial.setText("50")
    qtbot.mouseClick(dialog.void_button, Qt.MouseButton.LeftButton)
    assert "50 号不在本机此类文书的任何号段内" in dialog.void_error.text()


def test_declining_the_question_voids_nothing(qtbot, ctx, dialogs):
    numbering.add_block(ctx.db, "inspection-record", 2026, 1, 5)
    dialog = open_blocks(qtbot, ctx)
    dialog.block_table.selectRow(0)
    type_into(qtbot, dialog.void_reason, "试一下")
    dialogs.answers.append(False)
    qtbot.mouseClick(dialog.void_button, Qt.MouseButton.LeftButton)
    assert numbering.list_numbers(ctx.db) == []
