"""Translations: every source text has a Chinese translation; English and pseudo-localisation work."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtWidgets import QLabel

from ui import i18n
from ui.app import build_window


def test_every_ts_message_is_translated():
    tree = ET.parse(i18n.I18N_DIR / "eco_field_zh_CN.ts")
    unfinished = [m.findtext("source") for m in tree.iter("message")
                  if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")]
    assert unfinished == []
    assert (i18n.I18N_DIR / "eco_field_zh_CN.qm").stat().st_size > 0


def test_english_window(qtbot, ctx):
    ctx.language = "en"
    win = build_window(ctx)
    qtbot.addWidget(win)
    assert win.sidebar.item(0).text() == "Tasks"
    i18n.install("zh_CN")


def test_pseudo_localisation_stretches_and_nothing_is_clipped(qtbot, ctx):
    win = build_window(ctx, pseudo=True)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    try:
        assert win.sidebar.item(0).text().startswith("[任务")
        clipped = [label.text() for label in win.findChildren(QLabel)
                   if label.isVisible() and not label.wordWrap() and label.text()
                   and label.sizeHint().width() > label.width() + 1]
        assert clipped == []
    finally:
        i18n.install("zh_CN")
