"""Issue 17 part 2: the first start asks who uses the laptop and the bureau's details; demo or enrolment is a
choice; banners can be dismissed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from eco_field.store import officers, settings
from ui.app import build_window, first_start


def fresh_window(qtbot, empty_ctx):
    win = build_window(empty_ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def fill(dialog, name="李明", cert="14110100009", bureau="吕梁市生态环境局", prefix="吕"):
    dialog.names[0].setText(name)
    dialog.certs[0].setText(cert)
    dialog.bureau.setText(bureau)
    dialog.prefix.setText(prefix)


def test_setup_stores_the_officers_and_the_bureau_and_starts_empty(qtbot, empty_ctx):
    win = fresh_window(qtbot, empty_ctx)
    dialog = first_start(win)
    assert dialog.isVisible() and dialog.later.isChecked()  # nothing is loaded unless chosen
    fill(dialog, bureau="交城县生态环境局", prefix="交")
    dialog.names[1].setText("王芳")
    dialog.certs[1].setText("14110100010")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert [o.name for o in officers.list_officers(empty_ctx.db)] == ["李明", "王芳"]
    assert settings.get(empty_ctx.db, "bureau_name") == "交城县生态环境局"
    assert settings.get(empty_ctx.db, "doc_prefix") == "交"
    assert settings.get(empty_ctx.db, "officer_cert") == "14110100009"  # the actor of this laptop's audit entries
    assert win.tasks.list.model.rowCount() == 0
    assert "同步" in win.banner.text()


def test_wrong_details_are_named_in_chinese_and_nothing_is_stored(qtbot, empty_ctx):
    win = fresh_window(qtbot, empty_ctx)
    dialog = first_start(win)
    fill(dialog, prefix="LL")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and "机关代字" in dialog.error.text() and "LL" in dialog.error.text()
    fill(dialog, name="")
    dialog.buttons.accepted.emit()
    assert "姓名" in dialog.error.text()
    assert officers.list_officers(empty_ctx.db) == []


def test_the_demo_is_a_choice_and_its_banner_can_be_dismissed(qtbot, empty_ctx):
    win = fresh_window(qtbot, empty_ctx)
    dialog = first_start(win)
    fill(dialog)
    dialog.demo.setChecked(True)
    dialog.buttons.accepted.emit()
    assert win.tasks.list.model.rowCount() == 18
    assert win.banner.isVisible() and "演示" in win.banner.text()
    qtbot.mouseClick(win.banner.close_button, Qt.MouseButton.LeftButton)
    assert not win.banner.isVisible()


def test_enrolment_that_cannot_connect_says_so_in_chinese(qtbot, empty_ctx, dialogs):
    win = fresh_window(qtbot, empty_ctx)
    dialog = first_start(win)
    fill(dialog)
    dialog.enrol.setChecked(True)
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and "登记码" in dialog.error.text()  # asked for what enrolment needs
    dialog.url.setText("http://127.0.0.1:9")  # nothing listens on the discard port
    dialog.code.setText("ABCD-1234")
    dialog.buttons.accepted.emit()
    QApplication.processEvents()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "error" and "没有响应" in text and "127.0.0.1:9" in text
    assert "Errno" not in text and "ConnectError" not in text


def test_setup_fits_a_small_screen_and_tabs_in_form_order(qtbot, empty_ctx):
    win = fresh_window(qtbot, empty_ctx)
    dialog = first_start(win)
    assert dialog.sizeHint().height() <= 680 and dialog.sizeHint().width() <= 1280
    chain, widget = [], dialog.names[0]
    while len(chain) < 4:  # Tab follows the focus chain, over the widgets that take focus by Tab
        widget = widget.nextInFocusChain()
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled():
            chain.append(widget)
    assert chain == [dialog.certs[0], dialog.names[1], dialog.certs[1], dialog.bureau]
