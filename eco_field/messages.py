"""Messages the user reads, in the interface language: a code and parameters, rendered from a catalog.

The core never builds a user-facing sentence in one language. It names what happened with a code
("evidence.duplicate") and parameters (path=..., other=...); `text()` renders it in the language chosen
by `set_language()` (the setting `language`, zh_CN by default, en available), from the catalogs in
resources/i18n/messages/<area>.<language>.json. One file per area and language, so areas add messages
without touching each other's files. Templates use str.format fields: "{path}: 不是照片".

A parameter that is itself a Message (or a `Term`, a code with no parameters, e.g. a format key) is
rendered in the same language, so "gasmet_calcmet" reaches the window as 「Gasmet Calcmet 导出」.

The pseudo-locale (set_language(lang, pseudo=True)) wraps every rendered message in [..~~], so a test
can find the text on screen that skipped translation.
"""

from __future__ import annotations

import errno
import json
import os
import re
import threading
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from eco_field.paths import RESOURCES_DIR

CATALOG_DIR = RESOURCES_DIR / "i18n" / "messages"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_-]+)+$")  # "area.what" (a code, not a sentence)
PSEUDO_SCALE = 1.4

_state = {"language": DEFAULT_LANGUAGE, "pseudo": False}
_lock = threading.Lock()


def set_language(language: str | None, pseudo: bool = False) -> None:
    """Choose the language every later text() renders in (process-wide: one interface language at a time)."""
    with _lock:
        _state["language"] = normalise(language)
        _state["pseudo"] = pseudo


def language() -> str:
    return str(_state["language"])


def normalise(language: str | None) -> str:
    if not language:
        return DEFAULT_LANGUAGE
    return "en" if language.lower().startswith("en") else "zh_CN"


def is_code(text: object) -> bool:
    return isinstance(text, str) and bool(CODE.match(text))


@cache
def catalog(language: str) -> dict[str, str]:
    """Every area's messages in one language (resources/i18n/messages/*.<language>.json)."""
    merged: dict[str, str] = {}
    for path in sorted(CATALOG_DIR.glob(f"*.{language}.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def has(code: str, language: str | None = None) -> bool:
    return code in catalog(normalise(language or _state["language"]))


@dataclass(frozen=True)
class Message:
    """A code and its parameters; str() renders it in the current language."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, language: str | None = None) -> str:
        return text(self.code, language=language, **self.params)

    def __str__(self) -> str:
        return self.text()

    def as_json(self) -> dict[str, Any]:
        """For --json output and the database: the code, plain parameters and the rendered text."""
        return {"code": self.code, "params": {k: _plain(v) for k, v in self.params.items()}, "message": self.text()}


def Term(code: str) -> Message:  # noqa: N802 - reads like a type at the call site
    """A word from the catalog (a format, a document kind, a channel): rendered in the language, never raw."""
    return Message(code)


def text(code: str, /, language: str | None = None, **params: Any) -> str:
    """The message `code` in the language (default: the current one), its parameters filled in.

    A code missing from the catalog falls back to English, then to the code itself with its parameters
    (tests/test_messages.py fails on any code used in the source that the catalogs lack).
    """
    lang = normalise(language or _state["language"])
    template = catalog(lang).get(code) or catalog("en").get(code)
    rendered_params = {k: _render(v, lang) for k, v in params.items()}
    if template is None:
        body = code + "".join(f" {k}={v}" for k, v in rendered_params.items())
    else:
        try:
            body = template.format(**rendered_params)
        except (KeyError, IndexError, ValueError):
            body = template
    return _pseudo(body) if _state["pseudo"] and language is None else body


def from_json(value: dict[str, Any]) -> str:
    """Render a stored {"code": ..., "params": ...} (a flag reason, a report line) in the current language."""
    return text(value["code"], **value.get("params", {}))


def _render(value: Any, language: str) -> Any:
    if isinstance(value, Message):
        return text(value.code, language=language, **value.params)
    if isinstance(value, list | tuple) and value and all(isinstance(v, Message) for v in value):
        sep = "、" if language == "zh_CN" else ", "
        return sep.join(_render(v, language) for v in value)
    return value


def _plain(value: Any) -> Any:
    return value.as_json() if isinstance(value, Message) else value if isinstance(value, int | float | bool) \
        or value is None else str(value)


def _pseudo(body: str) -> str:
    return f"[{body}{'~' * max(1, int(len(body) * (PSEUDO_SCALE - 1)))}]"


def describe_exception(error: BaseException) -> str:
    """What the user reads for any error: ours rendered from the catalog, others as a plain sentence.

    No exception class names or errno numbers reach the window: a refused connection says the bureau
    cannot be reached, a missing file names the file.
    """
    from eco_field.errors import EcoFieldError

    if isinstance(error, EcoFieldError):
        return str(error)
    name = type(error).__name__
    module = type(error).__module__ or ""
    if module.startswith(("httpx", "httpcore")) or isinstance(error, ConnectionError):
        if "Timeout" in name:
            return text("net.timeout")
        if "Connect" in name or isinstance(error, ConnectionError):
            return text("net.unreachable")
        return text("net.failed", detail=_short(error))
    if isinstance(error, FileNotFoundError):
        return text("os.not_found", path=error.filename or "")
    if isinstance(error, PermissionError):
        return text("os.permission", path=error.filename or "")
    if isinstance(error, OSError):
        return text("os.failed", path=error.filename or "", detail=os_reason(error))
    return text("error.unexpected", detail=_short(error))


def os_reason(error: BaseException) -> str:
    """Why an OSError happened, in the interface language ('Not a directory' reads 路径中有一项不是文件夹).

    The library's English strerror never reaches the user: common errno values have a catalog entry, any
    other one is named by its symbol (ENOSPC) rather than its English text."""
    if not isinstance(error, OSError):
        return _short(error)
    return os_reason_message(error.errno).text()


def os_reason_message(number: int | None) -> Message:
    """The reason for an errno as a message (rendered later, in the language of the moment)."""
    if not isinstance(number, int):
        return Message("os.errno.unknown")
    name = errno.errorcode.get(number, str(number))
    code = f"os.errno.{name.lower()}"
    return Message(code) if has(code, "en") else Message("os.errno.other", {"code": name})


def strerror_reason(detail: str) -> Message | str:
    """An OS error's English text kept in a report ('Not a directory') as a message in the interface
    language; other text as it is. For reasons recorded as text before they reach a message (import refusals)."""
    number = _STRERRORS.get(detail.strip())
    return os_reason_message(number) if number is not None else detail


_STRERRORS = {os.strerror(n): n for n in errno.errorcode}


def _short(error: BaseException) -> str:
    detail = str(error).strip()
    return re.sub(r"\[Errno \d+\]\s*", "", detail)[:200]
