"""The bureau's apply rules on its storage directly (no HTTP): idempotency, stale revisions, units."""

from __future__ import annotations

import pytest

from eco_field.bureau import admin
from eco_field.bureau.push import Forbidden, Invalid, apply_batch
from eco_field.bureau.storage import open_storage
from tests.sync.conftest import inspection_entry

LISHI_ENTERPRISE = "8b82e9e9-b12c-5e0b-8636-21942029edc7"  # a demo enterprise of 离石区


@pytest.fixture
def storage(tmp_path):
    store = open_storage(tmp_path / "bureau")
    admin.seed_demo(store)
    store.add_device("dev-1", "14110100001", "a", "hash-1", "2026-01-01T00:00:00+00:00")
    store.add_device("dev-2", "14110100002", "b", "hash-2", "2026-01-01T00:00:00+00:00")
    yield store
    store.close()


def entry(entry_id: str, revision: int, place: str, entity_id: str = "i-1") -> dict:
    return inspection_entry(LISHI_ENTERPRISE, entity_id, op="update", revision=revision, entry_id=entry_id,
                            place=place)


def statuses(results: list[dict]) -> list[str]:
    return [r["status"] for r in results]


def test_idempotent_by_device_and_entry_id(storage) -> None:
    one = storage.device("dev-1")
    assert statuses(apply_batch(storage, one, [entry("e1", 1, "A"), entry("e2", 2, "B")])) == ["applied"] * 2
    seq = storage.last_seq()
    assert statuses(apply_batch(storage, one, [entry("e1", 1, "A"), entry("e2", 2, "B")])) == ["duplicate"] * 2
    assert storage.last_seq() == seq  # nothing written, no feed entry
    reused = apply_batch(storage, one, [entry("e2", 2, "C")])
    assert statuses(reused) == ["conflict"] and reused[0]["reason"] == "entry_id_reused"
    assert storage.record("inspection", "i-1").payload["place"] == "B"


def test_a_stale_revision_is_a_kept_conflict_and_its_retry_stays_one(storage) -> None:
    one, two = storage.device("dev-1"), storage.device("dev-2")
    apply_batch(storage, one, [entry("a1", 2, "东门")])
    result = apply_batch(storage, two, [entry("b1", 2, "西门")])
    assert statuses(result) == ["conflict"] and result[0]["server"]["payload"]["place"] == "东门"
    assert statuses(apply_batch(storage, two, [entry("b1", 2, "西门")])) == ["conflict"]
    assert len(storage.conflicts("i-1")) == 1
    assert statuses(apply_batch(storage, two, [entry("b2", 3, "西门")])) == ["applied"]  # a newer edit wins
    assert statuses(apply_batch(storage, one, [entry("a9", 3, "西门")])) == ["duplicate"]  # same content


def test_another_units_entry_refuses_the_whole_batch(storage) -> None:
    one = storage.device("dev-1")
    xiaoyi = next(r for r in storage.records("enterprise") if r.unit == "孝义市")
    foreign = inspection_entry(xiaoyi.entity_id, "i-9", entry_id="f1")
    with pytest.raises(Forbidden) as refused:
        apply_batch(storage, one, [entry("ok1", 1, "A", "i-2"), foreign])
    assert refused.value.entry_ids == ["f1"]
    assert storage.record("inspection", "i-2") is None and storage.entries_and_records("dev-1", ["ok1"], [])[0] == {}


def test_malformed_entries_are_refused(storage) -> None:
    with pytest.raises(Invalid):
        apply_batch(storage, storage.device("dev-1"), [{"entry_id": "x"}])
    with pytest.raises(Invalid) as refused:
        apply_batch(storage, storage.device("dev-1"), [entry("e0", 1, "A"), {**entry("e", 1, "A"), "revision": "1"}])
    assert refused.value.entry_ids == ["e"] and storage.record("inspection", "i-1") is None


def _snapshot(storage) -> tuple:
    records = {(r.entity_id, r.revision, str(r.payload)) for r in storage.records("inspection")}
    return records, storage.last_seq(), len(storage.conflicts())


def test_any_batch_sent_twice_changes_nothing_the_second_time(tmp_path) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    storage = open_storage(tmp_path / "prop")
    admin.seed_demo(storage)
    storage.add_device("dev-p", "14110100001", "p", "hash-p", "2026-01-01T00:00:00+00:00")
    device = storage.device("dev-p")
    counter = iter(range(10 ** 9))
    entries = st.lists(st.tuples(st.sampled_from(["i-a", "i-b", "i-c"]), st.integers(1, 4),
                                 st.sampled_from(["东门", "西门", "南门"])), min_size=1, max_size=6)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(entries)
    def check(items) -> None:
        batch = [entry(f"p-{next(counter)}", revision, place, entity_id) for entity_id, revision, place in items]
        first = apply_batch(storage, device, batch)
        before = _snapshot(storage)
        second = apply_batch(storage, device, batch)
        assert _snapshot(storage) == before
        for one, two in zip(first, second, strict=True):
            assert two["status"] == ("conflict" if one["status"] == "conflict" else "duplicate")

    try:
        check()
    finally:
        storage.close()
