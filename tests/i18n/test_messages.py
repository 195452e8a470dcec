"""The message catalogs: every code the source uses exists in Chinese and English with the same fields."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from eco_field import messages
from eco_field.errors import BadInput, NotFound

REPO = Path(__file__).resolve().parents[2]
# A code passed to an error class, text(), Message() or Term(): the first argument, a dotted identifier.
USE = re.compile(r"""(?:\b[A-Z]\w*(?:Error|Input|Found|Record|Unavailable|Cancelled)|\btext|\bMessage|\bTerm)\(\s*["']([a-z][a-z0-9_]*(?:\.[a-z0-9_-]+)+)["']""")


def used_codes() -> dict[str, str]:
    found = {}
    for folder in ("eco_field", "ui"):
        for path in (REPO / folder).rglob("*.py"):
            for code in USE.findall(path.read_text(encoding="utf-8")):
                found.setdefault(code, str(path.relative_to(REPO)))
    return found


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_in_the_source_has_both_languages():
    missing = [f"{code} ({where}): {lang}" for code, where in used_codes().items()
               for lang in messages.LANGUAGES if not messages.has(code, lang)]
    assert not missing, "codes without a message:\n" + "\n".join(missing)


def test_both_catalogs_hold_the_same_codes_with_the_same_fields():
    zh, en = messages.catalog("zh_CN"), messages.catalog("en")
    assert set(zh) == set(en), set(zh) ^ set(en)
    wrong = [code for code in zh if fields(zh[code]) != fields(en[code])]
    assert not wrong, wrong


def test_the_chinese_catalog_is_chinese():
    latin_only = [code for code, t in messages.catalog("zh_CN").items() if not re.search(r"[\u4e00-\u9fff]", t)]
    assert not latin_only, latin_only


@pytest.fixture
def restore_language():
    yield
    messages.set_language("zh_CN")


def test_an_error_renders_in_the_language_chosen_when_it_is_read(restore_language):
    error = NotFound("os.not_found", path="/media/DCIM/IMG_1.JPG")
    messages.set_language("zh_CN")
    assert str(error) == "找不到文件或文件夹：/media/DCIM/IMG_1.JPG"
    messages.set_language("en")
    assert str(error) == "No such file or folder: /media/DCIM/IMG_1.JPG"
    assert isinstance(error, BadInput) and error.exit_code == 2 and error.code == "os.not_found"


def test_a_refused_connection_reads_as_a_sentence_without_class_or_errno(restore_language):
    messages.set_language("zh_CN")
    text = messages.describe_exception(ConnectionRefusedError(111, "Connection refused"))
    assert "无法连接局端服务器" in text and "Errno" not in text and "Error" not in text


def test_pseudo_locale_marks_every_rendered_message(restore_language):
    messages.set_language("zh_CN", pseudo=True)
    assert messages.text("net.unreachable").startswith("[无法连接")
    assert messages.text("net.unreachable").endswith("~]")


def test_the_command_line_speaks_the_folders_language(cli):
    cli("init")
    assert cli("inspections", "show", "no-such-id").returncode == 2
    assert cli("settings", "set", "language", "en").returncode == 0
    run = cli("evidence", "list", "no-such-inspection")
    assert run.returncode == 2
