"""Where file dialogs open, and their filters in the interface language.

A camera card (a mounted volume with a DCIM folder) is where photos are: the dialogs open there when one is
mounted, else in the Pictures folder, never in the program's own folder.
"""

from __future__ import annotations

import getpass
import os
import string
import sys
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths

# The filter names used in ui/ (lupdate reads them here; translated when a dialog opens).
FILTER_NAMES = (QT_TRANSLATE_NOOP("FileFilters", "Photos"), QT_TRANSLATE_NOOP("FileFilters", "All files"),
                QT_TRANSLATE_NOOP("FileFilters", "Instrument exports"), QT_TRANSLATE_NOOP("FileFilters", "PDF"),
                QT_TRANSLATE_NOOP("FileFilters", "TrueType fonts"),
                QT_TRANSLATE_NOOP("FileFilters", "Monitoring reports"))


def mount_roots() -> list[Path]:
    """Folders where removable volumes appear on this platform."""
    if sys.platform == "win32":
        return [Path(f"{letter}:\\") for letter in string.ascii_uppercase[3:]]  # D: onwards
    if sys.platform == "darwin":
        return [Path("/Volumes")]
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = os.environ.get("USER", "")
    return [Path("/media") / user, Path("/run/media") / user, Path("/media"), Path("/mnt")]


def camera_cards(roots: Iterable[Path] | None = None) -> list[Path]:
    """DCIM folders of mounted volumes (a root itself, or one level below it)."""
    found = []
    for root in roots if roots is not None else mount_roots():
        try:
            if (root / "DCIM").is_dir():
                found.append(root / "DCIM")
                continue
            if root.is_dir():
                found += [vol / "DCIM" for vol in sorted(root.iterdir()) if (vol / "DCIM").is_dir()]
        except OSError:  # a drive letter with no medium, a folder we may not read
            continue
    return list(dict.fromkeys(found))


def start_folder(roots: Iterable[Path] | None = None) -> Path:
    """A camera card's DCIM folder when one is mounted, else Pictures, else the home folder."""
    cards = camera_cards(roots)
    if cards:
        return cards[0]
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return Path(pictures) if pictures and Path(pictures).is_dir() else Path.home()


def translated_filters(filters: str) -> str:
    """'Photos (*.jpg);;All files (*)' with each name in the interface language."""
    parts = []
    for part in filters.split(";;") if filters else []:
        name, _, patterns = part.partition(" (")
        parts.append(f"{QCoreApplication.translate('FileFilters', name)} ({patterns}" if patterns else part)
    return ";;".join(parts)
