"""What a Chinese-speaking officer reads from `eco-field`: output and errors in the interface language.

Each case runs the real command line (a real data folder): in zh_CN (the default) the text is Chinese and
holds no English sentence; with ECO_FIELD_LANG=en the same failure reads in English.
"""

from __future__ import annotations

import re

import pytest

EN = {"ECO_FIELD_LANG": "en"}
# three or more English words in a row: a sentence that skipped translation (ids, paths, commands excluded below)
ENGLISH_RUN = re.compile(r"\b[A-Za-z]{2,}(?:[ ,;:]+[A-Za-z]{2,}){2,}\b")
CJK = re.compile(r"[\u4e00-\u9fff]")


def visible(text: str) -> str:
    """The words a user reads, without file paths, `commands` and 「quoted values」."""
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"「[^」]*」", " ", text)
    return re.sub(r"(?:/[\w.\-]+)+/?", " ", text)


def assert_chinese(text: str) -> None:
    assert CJK.search(text), text
    english = ENGLISH_RUN.findall(visible(text))
    assert not english, f"English in the Chinese interface: {english} in {text!r}"


@pytest.fixture
def inspection_id(cli) -> str:
    assert cli("init", "--demo").returncode == 0
    ent = cli("enterprises", "list", "--json").json()[0]["id"]
    certs = [o["cert_no"] for o in cli("officers", "list", "--json").json()[:2]]
    run = cli("inspections", "new", "--enterprise", ent, "--officer", certs[0], "--officer", certs[1], "--json")
    assert run.returncode == 0, run.stderr
    return run.json()["id"]


def test_init_says_the_folder_is_ready_in_the_interface_language(cli, data_dir):
    zh = cli("init")
    assert zh.returncode == 0 and "数据文件夹已就绪" in zh.stdout
    assert_chinese(zh.stdout)
    en = cli("init", env=EN)
    assert en.returncode == 0 and "data folder ready" in en.stdout and not CJK.search(en.stdout)


def test_a_bad_credit_code_is_refused_in_chinese_and_in_english(cli):
    cli("init")
    args = ("enterprises", "add", "--name", "测试化工有限公司", "--credit-code", "91110000ABC", "--county", "吕梁")
    zh = cli(*args)
    assert zh.returncode == 2 and "统一社会信用代码" in zh.stderr
    assert_chinese(zh.stderr)
    en = cli(*args, env=EN)
    assert en.returncode == 2 and "credit code" in en.stderr.lower() and not CJK.search(en.stderr.replace(
        "测试化工有限公司", ""))


def test_an_unknown_inspection_is_named_in_the_interface_language(cli):
    cli("init")
    zh = cli("inspections", "show", "no-such-inspection")
    assert zh.returncode == 2 and "no-such-inspection" in zh.stderr
    assert_chinese(zh.stderr)
    en = cli("evidence", "list", "no-such-inspection", env=EN)
    assert en.returncode == 2 and "no-such-inspection" in en.stderr and not CJK.search(en.stderr)


def test_a_missing_file_for_evidence_import_says_why_in_chinese(cli, inspection_id, tmp_path):
    missing = tmp_path / "DCIM" / "IMG_0001.JPG"
    zh = cli("evidence", "import", inspection_id, str(missing))
    assert zh.returncode == 2 and "IMG_0001.JPG" in zh.stderr and "未导入任何文件" in zh.stderr
    assert_chinese(zh.stderr)
    en = cli("evidence", "import", inspection_id, str(missing), env=EN)
    assert en.returncode == 2 and "nothing imported" in en.stderr and not CJK.search(en.stderr)


def test_cases_next_on_an_unknown_case(cli):
    cli("init")
    zh = cli("cases", "next", "no-such-case")
    assert zh.returncode == 2 and "没有案件" in zh.stderr
    assert_chinese(zh.stderr)
    en = cli("cases", "next", "no-such-case", env=EN)
    assert en.returncode == 2 and "No case" in en.stderr and not CJK.search(en.stderr)


def test_documents_verify_of_a_file_that_is_no_document(cli, tmp_path):
    cli("init")
    stranger = tmp_path / "scan.pdf"
    stranger.write_bytes(b"%PDF-1.4 this is no pdf at all")
    zh = cli("documents", "verify", str(stranger))
    assert zh.returncode == 2 and "PDF" in zh.stderr
    assert_chinese(zh.stderr)
    en = cli("documents", "verify", str(stranger), env=EN)
    assert en.returncode == 2 and "not a readable PDF" in en.stderr and not CJK.search(en.stderr)


def test_table_headers_follow_the_language(cli):
    cli("init", "--demo")
    zh = cli("officers", "list")
    assert zh.returncode == 0 and zh.stdout.splitlines()[0].split()[:2] == ["姓名", "执法证号"]
    en = cli("officers", "list", env=EN)
    assert en.stdout.splitlines()[0].split()[0] == "Name" and "Certificate" in en.stdout.splitlines()[0]
