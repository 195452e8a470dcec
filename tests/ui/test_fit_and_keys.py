"""Every screen fits 1366×768, long (pseudo-localised) labels are not clipped, the keyboard works."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from eco_field import demo
from eco_field.store import inspections
from ui import i18n
from ui.app import build_window
from ui.main_window import SECTIONS


def every_view(win, ctx):
    """(name, show) for each section and each tab of the inspection editor."""
    task = demo.demo_tasks()[0]
    insp = inspections.create(ctx.db, task.enterprise_id, task.officers)
    views = [(key, lambda k=key: win.show_section(k)) for key in SECTIONS]
    editor_tabs = win.inspections.editor.tab_names()

    def tab(index: int):
        def show() -> None:
            win.open_inspection(inspections.get(ctx.db, insp.id))
            win.inspections.editor.tabs.setCurrentIndex(index)
        return show

    return views + [(f"inspection:{name}", tab(i)) for i, name in enumerate(editor_tabs)]


def clipped_labels(win) -> list[str]:
    """Visible labels and buttons narrower than their text, and sidebar entries wider than the sidebar."""
    labels = [label.text() for label in win.findChildren(QLabel)
              if label.isVisible() and not label.wordWrap() and label.text()
              and label.sizeHint().width() > label.width() + 1]
    buttons = [button.text() for button in win.findChildren(QPushButton)
               if button.isVisible() and button.text() and button.sizeHint().width() > button.width() + 1]
    metrics = win.sidebar.fontMetrics()
    sidebar = [win.sidebar.item(i).text() for i in range(win.sidebar.count())
               if metrics.horizontalAdvance(win.sidebar.item(i).text()) + 28 > win.sidebar.width()]
    return labels + buttons + sidebar


def test_every_view_fits_1366x768(window, ctx):
    window.resize(1366, 768)
    for name, show in every_view(window, ctx):
        show()
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768, (name, hint)
        assert window.width() <= 1366 and window.height() <= 768, name


def test_pseudo_localised_views_have_no_clipped_labels(qtbot, ctx):
    win = build_window(ctx, pseudo=True)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    try:
        problems = {}
        for name, show in every_view(win, ctx):
            show()
            QApplication.processEvents()
            clipped = clipped_labels(win)
            if clipped:
                problems[name] = clipped
        assert problems == {}
    finally:
        i18n.install("zh_CN")


def test_shortcuts_and_tab_order(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    window.show_section("enterprises")
    page = window.enterprises.list
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    page.search.setText("焦化")  # QTest cannot type CJK characters; the input method would
    page.refresh()
    assert page.model.rowCount() == 5  # the demo has five coking plants, found by the Chinese industry name
    qtbot.keyClick(page.search, Qt.Key.Key_Tab)
    assert page.table.hasFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.enterprises.detail.enterprise.industry == "coking"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "inspections"
