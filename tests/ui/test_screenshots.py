"""`python -m ui.screenshots DIR` saves a PNG of every screen at 1280×720 with the worked examples."""

from __future__ import annotations

from PySide6.QtGui import QImage

from ui import i18n, screenshots


def test_every_screen_is_saved_at_1280x720(qtbot, tmp_path):
    saved = screenshots.save_all(tmp_path / "shots")
    i18n.install("zh_CN")
    names = [p.stem for p in saved]
    assert len(names) == len(set(names)) >= 20
    for path in saved:
        image = QImage(str(path))
        assert not image.isNull(), path
        if not path.stem.startswith(("15_", "16_", "17_", "18_", "19_", "20_", "21_", "25_", "29_")):  # dialogs: their own size
            assert (image.width(), image.height()) == screenshots.SIZE == (1280, 720), path
        else:  # every dialog fits 1280×720 with its title bar and a task bar
            assert image.width() <= 1280 and image.height() <= 720 - 60, path
