"""Searching inspections: by enterprise name (short or long text), place and id, kept current on changes."""

from eco_field.records import Enterprise
from eco_field.store import enterprises, inspections

OFFICERS = ["14110100001", "14110100002"]


def _open(ws, credit_code, place=""):
    return inspections.create(ws.db, credit_code, OFFICERS, place=place)


def test_search_by_name_place_and_id(workspace):
    coking = _open(workspace, "91141102MA0D00000X", place="焦炉东侧")
    other = _open(workspace, enterprises.list_enterprises(workspace.db)[5].credit_code)
    ids = lambda text: {i.id for i in inspections.list_inspections(workspace.db, search=text)}  # noqa: E731
    assert ids("恒源焦化") == {coking.id}          # trigram index
    assert coking.id in ids("离石")                # two characters: enterprise filter
    assert ids("焦炉东侧") == {coking.id}
    assert ids(other.id[:8]) == {other.id}
    assert ids("没有这家企业") == set()
    assert inspections.count_inspections(workspace.db, "恒源焦化") == 1


def test_index_follows_updates_and_renames(workspace):
    insp = _open(workspace, "91141102MA0D00000X")
    inspections.update(workspace.db, insp.id, place="新的检查地点")
    assert [i.id for i in inspections.list_inspections(workspace.db, search="新的检查地点")] == [insp.id]
    ent = enterprises.get(workspace.db, "91141102MA0D00000X")
    renamed = Enterprise(**{**vars(ent), "name": "更名后的焦化厂（演示）"})
    enterprises.upsert(workspace.db, renamed)
    assert [i.id for i in inspections.list_inspections(workspace.db, search="更名后的焦化厂")] == [insp.id]
    assert inspections.list_inspections(workspace.db, search="恒源焦化") == []
