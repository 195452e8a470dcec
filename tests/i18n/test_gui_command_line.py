"""`python main.py --help` and the GUI's command-line errors in the interface language (issue 17.1).

The desktop program's own options (--data-dir, --lang, --no-demo …) read as the CLI's do: Chinese by default,
English with --lang en, argparse's own words ("usage:", "options:", "error:") included, and a colon after
Chinese text is the full-width one. Run as an officer runs it: a subprocess of main.py, with a fresh user
profile (no language remembered from an earlier start).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from eco_field import messages
from eco_field.cli import help_language
from eco_field.cli.registry import build_parser
from tests.i18n.test_cli_language import CJK, assert_chinese

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHINESE_THEN_ASCII_COLON = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef] ?:(?=\s|$)")  # "日期:corrected" is syntax


def main_py(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(PROJECT_ROOT), "COLUMNS": "80"}
    env.pop("ECO_FIELD_HOME", None)
    return subprocess.run([sys.executable, str(PROJECT_ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, env=env, cwd=tmp_path)


def test_the_help_reads_in_chinese_by_default(tmp_path: Path) -> None:
    zh = main_py(tmp_path, "--help")
    assert zh.returncode == 0, zh.stderr
    assert zh.stdout.startswith("用法：python main.py") and "\n选项：\n" in zh.stdout
    assert "显示本帮助并退出" in zh.stdout and "首次启动时不提供演示数据" in zh.stdout and "界面语言" in zh.stdout
    assert not CHINESE_THEN_ASCII_COLON.search(zh.stdout), zh.stdout
    assert_chinese(zh.stdout.replace("python main.py", ""))
    first, wrapped = zh.stdout.splitlines()[:2]  # 80 columns: the usage wraps, under its first option
    assert wrapped.startswith(" ") and first.startswith("用法：python main.py [-h]")
    assert len(wrapped) - len(wrapped.lstrip()) == len("用法：") * 2 + len("python main.py "), zh.stdout


@pytest.mark.parametrize("args", [("--lang", "en", "--help"), ("--help", "--lang=en")])
def test_the_help_reads_in_english_with_lang_en_wherever_it_stands(tmp_path: Path, args) -> None:
    en = main_py(tmp_path, *args)
    assert en.returncode == 0, en.stderr
    assert en.stdout.startswith("usage: python main.py") and "\noptions:\n" in en.stdout
    assert "do not offer demo data on first start" in en.stdout and not CJK.search(en.stdout)


def test_a_wrong_option_is_refused_in_chinese_with_exit_2(tmp_path: Path) -> None:
    wrong = main_py(tmp_path, "--lang", "fr")
    assert wrong.returncode == 2
    assert "python main.py：错误：参数 --lang：无效的选项：'fr'" in wrong.stderr, wrong.stderr
    assert "usage" not in wrong.stderr and "error" not in wrong.stderr
    unknown = main_py(tmp_path, "--no-demo", "--data-dri", "x")
    assert unknown.returncode == 2 and "无法识别的参数：--data-dri" in unknown.stderr, unknown.stderr
    english = main_py(tmp_path, "--lang", "en", "--bogus")
    assert english.returncode == 2 and "python main.py: error: unrecognized arguments: --bogus" in english.stderr


def test_no_chinese_text_in_the_cli_help_is_followed_by_an_ascii_colon() -> None:
    messages.set_language("zh_CN")
    parser = build_parser()
    for each in help_language.parsers(parser):
        page = each.format_help() + each.format_usage()
        assert not CHINESE_THEN_ASCII_COLON.search(page), f"{each.prog}: {CHINESE_THEN_ASCII_COLON.findall(page)}"
