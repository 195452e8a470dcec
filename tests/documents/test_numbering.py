"""Document numbers: format, blocks, exhaustion, void, never reused, and no collision between processes."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from eco_field.documents import numbering
from eco_field.errors import BadInput
from eco_field.store import settings
from eco_field.store.database import write_transaction


def issue(ws, kind="penalty-decision", year=2026):
    with write_transaction(ws.db):
        return numbering.issue(ws.db, kind, year)


def test_number_follows_the_convention(workspace):
    numbering.add_block(workspace.db, "penalty-decision", 2026, 4, 10)
    assert issue(workspace).number == "吕环罚〔2026〕4号"
    assert issue(workspace).number == "吕环罚〔2026〕5号"


def test_prefix_code_and_padding_are_configurable(workspace):
    with write_transaction(workspace.db):
        settings.put(workspace.db, "doc_prefix", "辽市")
        settings.put(workspace.db, numbering.WIDTH_SETTING, "4")
    numbering.set_kind_code(workspace.db, "rectification-order", "责改")
    numbering.add_block(workspace.db, "rectification-order", 2025, 202, 210)
    assert issue(workspace, "rectification-order", 2025).number == "辽市环责改〔2025〕0202号"


def enrol(ws) -> None:
    with write_transaction(ws.db):
        settings.put(ws.db, "server_url", "https://bureau.example")


def test_blocks_are_per_kind_and_year(workspace):
    enrol(workspace)  # an enrolled device only issues from blocks it holds
    numbering.add_block(workspace.db, "penalty-decision", 2026, 1, 5)
    with pytest.raises(BadInput, match="没有 .* 年的文号段"):
        issue(workspace, "penalty-notice", 2026)
    with pytest.raises(BadInput, match="没有 .* 年的文号段"):
        issue(workspace, "penalty-decision", 2027)


def test_exhausted_block_is_refused_then_a_new_block_continues(workspace):
    numbering.add_block(workspace.db, "penalty-decision", 2026, 1, 2)
    issue(workspace), issue(workspace)
    with pytest.raises(BadInput, match="文号段已用完"):
        issue(workspace)
    numbering.add_block(workspace.db, "penalty-decision", 2026, 50, 60, source="bureau")
    assert issue(workspace).serial == 50


def test_a_standalone_device_reserves_its_first_block_itself(workspace):
    first = issue(workspace, "penalty-notice", 2026)
    assert first.number == "吕环罚告〔2026〕1号"
    [block] = numbering.list_blocks(workspace.db, "penalty-notice")
    assert (block.start, block.end, block.source) == (1, numbering.AUTO_BLOCK_SIZE, "local")
    pushed = workspace.db.execute("SELECT count(*) FROM outbox WHERE entity = 'number_block'").fetchone()[0]
    assert pushed == 1  # the bureau learns of it and allocates after it


def test_auto_block_can_be_turned_off(workspace):
    with write_transaction(workspace.db):
        settings.put(workspace.db, numbering.AUTO_BLOCK_SETTING, "0")
    with pytest.raises(BadInput, match="没有 .* 年的文号段"):
        issue(workspace)


def test_overlapping_block_is_refused_and_the_same_block_twice_is_a_no_op(workspace):
    numbering.add_block(workspace.db, "penalty-decision", 2026, 1, 10)
    with pytest.raises(BadInput, match="重叠"):
        numbering.add_block(workspace.db, "penalty-decision", 2026, 10, 20)
    again = numbering.add_block(workspace.db, "penalty-decision", 2026, 1, 10, source="bureau")
    assert (again.start, again.end) == (1, 10)
    assert len(numbering.list_blocks(workspace.db)) == 1


@pytest.mark.parametrize(("start", "end"), [(0, 5), (5, 4), (-3, 2)])
def test_invalid_block_is_refused(workspace, start, end):
    with pytest.raises(BadInput):
        numbering.add_block(workspace.db, "penalty-decision", 2026, start, end)


def test_void_numbers_are_recorded_and_never_issued(workspace):
    numbering.add_block(workspace.db, "penalty-decision", 2026, 1, 5)
    first = issue(workspace)
    numbering.void(workspace.db, "penalty-decision", 2026, first.serial, "打印错误")
    numbering.void(workspace.db, "penalty-decision", 2026, 2, "空白文书作废")  # an unused one
    assert issue(workspace).serial == 3
    rows = {n["number"]: n for n in numbering.list_numbers(workspace.db)}
    assert rows["吕环罚〔2026〕1号"]["status"] == "void" and rows["吕环罚〔2026〕1号"]["reason"] == "打印错误"
    assert rows["吕环罚〔2026〕2号"]["status"] == "void"
    with pytest.raises(BadInput, match="已作废"):
        numbering.void(workspace.db, "penalty-decision", 2026, 1, "again")
    audit = workspace.db.execute("SELECT count(*) FROM audit_log WHERE entity = 'document_number'").fetchone()[0]
    assert audit == 2


def test_a_block_entered_over_used_serials_skips_them(workspace):
    numbering.add_block(workspace.db, "penalty-decision", 2026, 1, 3)
    issue(workspace), issue(workspace), issue(workspace)
    # the same serials arriving again in a (wrong) bureau block must not be issued twice
    workspace.db.execute("DELETE FROM number_blocks")
    numbering.add_block(workspace.db, "penalty-decision", 2026, 1, 5, source="bureau")
    assert issue(workspace).serial == 4


def test_a_rolled_back_transaction_consumes_no_number(workspace):
    numbering.add_block(workspace.db, "penalty-decision", 2026, 1, 5)
    with pytest.raises(RuntimeError), write_transaction(workspace.db):
        numbering.issue(workspace.db, "penalty-decision", 2026)
        raise RuntimeError("render failed")
    assert issue(workspace).serial == 1


WORKER = textwrap.dedent("""
    import sys
    from eco_field.workspace import Workspace
    from eco_field.documents import numbering
    from eco_field.store.database import write_transaction
    ws = Workspace.open(sys.argv[1])
    for _ in range(int(sys.argv[2])):
        with write_transaction(ws.db):
            print(numbering.issue(ws.db, "penalty-decision", 2026).number, flush=True)
""")


def test_concurrent_processes_never_collide(workspace, data_dir):
    numbering.add_block(workspace.db, "penalty-decision", 2026, 1, 100)
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(data_dir), "15"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, encoding="utf-8") for _ in range(4)]
    numbers = []
    for proc in workers:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        numbers += out.split()
    assert len(numbers) == 60 and len(set(numbers)) == 60
    assert set(numbers) == {f"吕环罚〔2026〕{i}号" for i in range(1, 61)}
