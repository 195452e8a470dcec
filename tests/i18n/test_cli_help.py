"""`eco-field --help` and argparse's own errors in the interface language (issue 17.1).

A Chinese-speaking officer typing `eco-field cases --help` or forgetting an argument reads Chinese by default;
ECO_FIELD_LANG=en gives English. Every sub-command's help is walked: a help text added in English without its
translation in resources/i18n/cli/help.zh_CN.json fails here, naming it.
"""

from __future__ import annotations

import contextlib
import io
import re

import pytest

from eco_field import messages
from eco_field.cli import help_language
from eco_field.cli.registry import build_parser
from tests.i18n.test_cli_language import EN, ENGLISH_RUN, assert_chinese, visible


@pytest.fixture
def chinese():
    messages.set_language("zh_CN")
    yield
    messages.set_language("zh_CN")


@pytest.mark.parametrize("args", [(), ("cases",), ("documents", "render")], ids=["top", "cases", "render"])
def test_help_reads_in_chinese_by_default_and_in_english_on_request(cli, args):
    zh = cli(*args, "--help")
    assert zh.returncode == 0, zh.stderr
    assert "用法：eco-field" in zh.stdout and "显示本帮助并退出" in zh.stdout
    assert_chinese(zh.stdout.replace(" ".join(("eco-field", *args)), ""))  # the command's own name stays
    en = cli(*args, "--help", env=EN)
    assert en.returncode == 0 and "usage: eco-field" in en.stdout and "show this help message" in en.stdout
    assert "用法" not in en.stdout and "选项" not in en.stdout  # (English help names Chinese terms: 立案 …)


def test_a_missing_argument_is_named_in_chinese_and_exits_2(cli):
    zh = cli("documents", "render", "penalty-decision")
    assert zh.returncode == 2, zh.stderr
    assert "错误" in zh.stderr and "须给出参数" in zh.stderr and "--inspection" in zh.stderr
    assert_chinese(zh.stderr.replace("eco-field documents render", ""))
    en = cli("documents", "render", "penalty-decision", env=EN)
    assert en.returncode == 2 and "error: one of the arguments --inspection --case is required" in en.stderr


def test_a_required_option_and_a_wrong_choice_in_chinese(cli):
    missing = cli("officers", "add", "--name", "张三")
    assert missing.returncode == 2 and "缺少以下必需参数：--cert-no, --unit" in missing.stderr
    wrong = cli("cases", "opne")
    assert wrong.returncode == 2 and "无效的选项：'opne'" in wrong.stderr
    no_value = cli("inspections", "list", "--search")
    assert no_value.returncode == 2 and "需要一个值" in no_value.stderr
    assert "usage" not in (missing.stderr + wrong.stderr + no_value.stderr)


def test_the_language_setting_of_the_given_data_folder_decides(cli):
    assert cli("init").returncode == 0
    assert cli("settings", "set", "language", "en").returncode == 0
    en = cli("cases", "--help")  # --data-dir comes first on the line (the fixture): its setting is read
    assert en.returncode == 0 and "penalty cases and their deadlines" in en.stdout


def test_every_command_help_is_translated(chinese):
    parser = build_parser()
    assert help_language.untranslated(parser, "zh_CN") == []
    for each in help_language.parsers(parser):
        page = each.format_help()
        assert page.startswith("用法："), each.prog
        words = re.sub(r"-{1,2}[\w-]+(?:[ =][A-Z][A-Z0-9_]*)*", " ",
                       re.sub(r"\{[^}]*\}", " ", page.replace(each.prog, "")))  # options, choices
        english = ENGLISH_RUN.findall(visible(words))
        assert not english, f"{each.prog}: {english}"


def test_every_command_help_runs_in_english(chinese):
    messages.set_language("en")
    parser = build_parser()
    for each in help_language.parsers(parser):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as ended:
            parser.parse_args([*each.prog.split()[1:], "--help"])
        assert ended.value.code == 0 and out.getvalue().startswith("usage: "), each.prog
