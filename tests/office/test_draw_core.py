"""The 双随机 draw as a function: reproducible, by ratio, two officers of the enterprise's unit, never one
who declared a conflict (回避), never last time's pair when another exists."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from eco_field.bureau.office import draw_core
from eco_field.errors import BadInput

COUNTIES = ("离石区", "孝义市")


def officer(cert: str, county: str, *, active: bool = True, conflicts: tuple[str, ...] = (), extra=()) -> dict:
    return {"cert_no": cert, "name": f"人员{cert}", "units": [county, *extra], "active": active,
            "conflicts": [{"enterprise_id": e, "reason": "亲属"} for e in conflicts]}


def snapshot(per_category: int = 8, officers_per_county: int = 4, **extra) -> dict:
    enterprises = []
    for county in COUNTIES:
        for category in ("重点", "一般"):
            for i in range(per_category):
                eid = f"{county}-{category}-{i}"
                enterprises.append({"id": eid, "credit_code": f"CC{len(enterprises):04d}", "name": eid,
                                    "county": county, "category": category, "excluded": False, "note": ""})
    officers = [officer(f"{c}{n}", county) for c, county in enumerate(COUNTIES) for n in range(officers_per_county)]
    officers.append(officer("city", "吕梁市", extra=COUNTIES))
    return {"enterprises": enterprises, "officers": officers, "previous_pairs": {}, **extra}


PLAN = {"ratios": {"重点": "1/4", "一般": "1/20"}, "county": None}


def test_same_inputs_give_the_same_draw_and_another_seed_another():
    first = draw_core.draw("2026-公开摇号-1", snapshot(), PLAN)
    assert first == draw_core.draw("2026-公开摇号-1", snapshot(), PLAN)
    other = draw_core.draw("2026-公开摇号-2", snapshot(), PLAN)
    assert [i["id"] for i in other["items"]] != [i["id"] for i in first["items"]]


def test_each_category_and_county_draws_ceil_of_its_ratio():
    result = draw_core.draw("seed", snapshot(per_category=7), PLAN)
    for row in result["counts"]:
        ratio = Fraction(PLAN["ratios"][row["category"]])
        assert row["pool"] == 7 and row["drawn"] == math.ceil(ratio * 7)  # 25% of 7 -> 2, 5% of 7 -> 1
        drawn = [i for i in result["items"] if i["category"] == row["category"] and i["county"] == row["county"]]
        assert len(drawn) == row["drawn"] and len({i["id"] for i in drawn}) == len(drawn)
    assert draw_core.quota(Fraction(1, 4), 4) == 1  # exact: never 1.0000001 -> 2


def test_excluded_and_unlisted_enterprises_are_never_drawn_and_ratio_one_takes_all():
    snap = snapshot(per_category=3)
    snap["enterprises"][0]["excluded"] = True
    result = draw_core.draw("seed", snap, {"ratios": {"重点": "1"}, "county": "离石区"})
    ids = {i["id"] for i in result["items"]}
    assert ids == {"离石区-重点-1", "离石区-重点-2"}


def test_every_team_is_two_officers_of_the_county_unit():
    result = draw_core.draw("seed", snapshot(), {"ratios": {"重点": "1", "一般": "1"}, "county": None})
    units = {o["cert_no"]: o["units"] for o in snapshot()["officers"]}
    for item in result["items"]:
        assert len(set(item["officers"])) == 2
        assert all(units[c][0] == item["county"] for c in item["officers"]), "the county's own officers first"


def test_the_citys_officers_fill_in_only_when_the_county_has_fewer_than_two():
    snap = snapshot(officers_per_county=1)
    result = draw_core.draw("seed", snap, {"ratios": {"重点": "1"}, "county": "离石区"})
    assert all(set(i["officers"]) == {"00", "city"} for i in result["items"])


def test_a_declared_conflict_keeps_the_officer_off_that_enterprise():
    snap = snapshot(officers_per_county=3)
    target = "离石区-重点-0"
    snap["officers"][0] = officer("00", "离石区", conflicts=(target,))
    for seed in range(30):
        result = draw_core.draw(f"s{seed}", snap, {"ratios": {"重点": "1"}, "county": "离石区"})
        item = next(i for i in result["items"] if i["id"] == target)
        assert "00" not in item["officers"]
        assert {"cert_no": "00", "name": "人员00", "reason": "回避"} in item["skipped"]


def test_an_officer_out_of_the_pool_is_never_drawn():
    snap = snapshot(officers_per_county=3)
    snap["officers"][1] = officer("01", "离石区", active=False)
    result = draw_core.draw("seed", snap, {"ratios": {"重点": "1"}, "county": "离石区"})
    assert all("01" not in i["officers"] for i in result["items"])


def test_never_the_same_pair_as_last_time_when_another_exists():
    base = draw_core.draw("seed", snapshot(officers_per_county=3), {"ratios": {"重点": "1"}, "county": "离石区"})
    previous = {i["id"]: draw_core.pair_key(i["officers"]) for i in base["items"]}
    again = draw_core.draw("seed", snapshot(officers_per_county=3, previous_pairs=previous),
                           {"ratios": {"重点": "1"}, "county": "离石区"})
    for item in again["items"]:
        assert draw_core.pair_key(item["officers"]) != previous[item["id"]]
        assert not item["same_pair_unavoidable"]


def test_with_only_one_possible_pair_it_is_kept_and_said():
    snap = snapshot(officers_per_county=2)
    snap["officers"] = [o for o in snap["officers"] if o["cert_no"] != "city"]
    first = draw_core.draw("seed", snap, {"ratios": {"重点": "1"}, "county": "离石区"})
    snap["previous_pairs"] = {i["id"]: draw_core.pair_key(i["officers"]) for i in first["items"]}
    again = draw_core.draw("seed", snap, {"ratios": {"重点": "1"}, "county": "离石区"})
    assert all(i["same_pair_unavoidable"] for i in again["items"])


def test_fewer_than_two_officers_refuses_the_draw_naming_the_enterprise():
    snap = snapshot(officers_per_county=2)
    snap["officers"] = [o for o in snap["officers"] if o["cert_no"] not in ("city", "01")]
    with pytest.raises(BadInput) as refused:
        draw_core.draw("seed", snap, {"ratios": {"重点": "1/8"}, "county": "离石区"})
    assert "离石区" in str(refused.value) and "两名" in str(refused.value)


def test_the_random_stream_is_hmac_sha256_and_stays_in_range():
    import hashlib
    import hmac

    stream = draw_core.Stream("k", "objects|重点|离石区")
    digest = hmac.new(b"k", "objects|重点|离石区|0".encode(), hashlib.sha256).digest()
    assert stream._next64() == int.from_bytes(digest[:8], "big")  # anyone can recompute it from the export
    values = [draw_core.Stream("k", f"n{i}").below(3) for i in range(600)]
    assert set(values) == {0, 1, 2} and all(150 < values.count(v) < 250 for v in range(3))
