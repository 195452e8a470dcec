"""Settings dialog: values are validated and stored; a language change rebuilds the window in English."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from eco_field.store import settings
from ui import i18n
from ui.app import show_window
from ui.settings_dialog import DATA_DIR_KEY, SettingsDialog


def test_settings_are_saved(qtbot, ctx):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.officer.setCurrentIndex(dialog.officer.findData("14110000001"))
    dialog.bureau.setText("演示市生态环境局")
    dialog.prefix.setText("演")
    dialog.server.setText("https://bureau.example")
    dialog.save()
    values = settings.get_all(ctx.db)
    assert (values["officer_cert"], values["bureau_name"], values["doc_prefix"], values["server_url"]) == (
        "14110000001", "演示市生态环境局", "演", "https://bureau.example")
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


def test_bad_time_zone_and_url_are_refused(qtbot, ctx, dialogs):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.time_zone.currentText().startswith("北京时间（UTC+08:00）")  # zones by name, not IANA id
    dialog.time_zone.addItem("Mars/Olympus", "Mars/Olympus")  # a zone stored by hand shows as it is
    dialog.time_zone.setCurrentIndex(dialog.time_zone.count() - 1)
    dialog.save()
    assert dialogs.shown[-1][0] == "error" and "Mars/Olympus" in dialogs.shown[-1][2]
    dialog.time_zone.setCurrentIndex(0)
    dialog.server.setText("bureau.example")
    dialog.save()
    assert "http" in dialogs.shown[-1][2]
    assert settings.get(ctx.db, "server_url") == ""


def test_data_folder_choice_is_kept_for_next_start(qtbot, ctx, dialogs, tmp_path):
    dialogs.answers.append(tmp_path / "elsewhere")
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.change_folder.click()
    assert QSettings("EcoField", "EcoField").value(DATA_DIR_KEY) == str(tmp_path / "elsewhere")
    assert dialogs.shown[-1][0] == "inform"


def test_language_change_rebuilds_window_in_english(qtbot, ctx):
    win = show_window(ctx)
    qtbot.addWidget(win)
    dialog = win.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.save()
    try:
        from ui.app import _shown

        assert _shown[-1] is not win
        qtbot.addWidget(_shown[-1])
        assert _shown[-1].sidebar.item(0).text() == "Tasks"
        assert settings.get(ctx.db, "language") == "en"
    finally:
        from ui.app import _shown

        for shown in list(_shown):
            shown.close()
            _shown.remove(shown)
        i18n.install("zh_CN")


def test_a_document_font_chosen_in_settings_applies_to_the_next_document(qtbot, ctx, dialogs):
    from eco_field.documents import fonts

    dialogs.answers.append([fonts.SHIPPED_FALLBACK])
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.font.text() == "" and "文泉驿微米黑" in dialog.font.placeholderText()
    dialog.choose_font.click()
    assert dialog.font.text() == str(fonts.SHIPPED_FALLBACK)
    dialog.save()
    assert settings.get(ctx.db, "doc_font") == str(fonts.SHIPPED_FALLBACK)
    # the running app's next document is set in it (fonts are registered by file, not by position)
    chain = fonts.font_set(settings.get(ctx.db, "doc_font"))
    assert fonts.face_name(chain.main) == "DroidSansFallback"


def test_a_file_that_is_no_embeddable_font_is_refused(qtbot, ctx, dialogs, tmp_path):
    (tmp_path / "仿宋.ttf").write_bytes(b"not a font")
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.font.setText(str(tmp_path / "仿宋.ttf"))
    dialog.save()
    assert dialogs.shown[-1][0] == "error" and "仿宋.ttf" in dialogs.shown[-1][2]
    assert settings.get(ctx.db, "doc_font") == ""
