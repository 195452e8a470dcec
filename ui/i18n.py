"""Translations: Qt Linguist .qm files from resources/i18n, Chinese by default, English as the source.

The pseudo-localisation translator stretches every string (Vorta's TRANS_SCALE) so that a test, or a
developer with --pseudo, sees at once which labels get clipped on a small screen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from eco_field import messages
from eco_field.paths import RESOURCES_DIR

I18N_DIR = RESOURCES_DIR / "i18n"
LANGUAGES = {"zh_CN": "中文", "en": "English"}
PSEUDO_SCALE = 1.4


class PseudoTranslator(QTranslator):
    """Wraps the real translation and pads it to PSEUDO_SCALE times its length."""

    def __init__(self, inner: QTranslator | None, scale: float = PSEUDO_SCALE) -> None:
        super().__init__()
        self.inner, self.scale = inner, scale

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        text = (self.inner.translate(context, source, disambiguation, n) if self.inner else "") or source
        extra = max(1, int(len(text) * (self.scale - 1)))
        return f"[{text}{'~' * extra}]"

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


_installed: list[QTranslator] = []


def load_translator(language: str) -> QTranslator | None:
    """The translator for a language code (None for English, the source language)."""
    if language.startswith("en"):
        return None
    translator = QTranslator()
    if translator.load(str(I18N_DIR / f"eco_field_{language}.qm")):
        return translator
    return None


def qt_translator(language: str) -> QTranslator | None:
    """Qt's own strings (Save, Cancel, the file and print dialogs) in the language, when Qt ships them."""
    if language.startswith("en"):
        return None
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator if translator.load(f"qtbase_{language}", folder) or translator.load(f"qt_{language}", folder) \
        else None


def install(language: str, pseudo: bool = False) -> None:
    """Replace the application's translators (call before building widgets, or rebuild them after)."""
    app = QCoreApplication.instance()
    messages.set_language(language, pseudo)  # the core's messages (errors, reports) follow the window
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    translator = load_translator(language)
    if pseudo:
        translator = PseudoTranslator(translator)
    for each in (qt_translator(language), translator):
        if each is not None:
            app.installTranslator(each)
            _installed.append(each)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese if language.startswith("zh") else QLocale.Language.English))


def error_text(error: BaseException) -> str:
    """An error as the window shows it: catalog messages in the language, never a class name or errno."""
    return messages.describe_exception(error)
