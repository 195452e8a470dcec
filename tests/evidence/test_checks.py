"""Flags for weak evidence: no time, no position, outside the window (with tolerance), far from site."""

from __future__ import annotations

import pytest

from eco_field.evidence import checks, service
from eco_field.store import inspections, settings
from eco_field.store.database import write_transaction
from tests.evidence.conftest import SITE_LAT, SITE_LON, make_photo, shifted

BASE = "2026:06:05 09:00:00"  # the inspection runs 09:00-11:00 local (+08:00)


def flags_of(workspace, inspection, path):
    service.import_paths(workspace, inspection, [path])
    item = next(i for i in service.list_evidence(workspace.db, inspection) if i["original_name"] == path.name)
    return item


@pytest.mark.parametrize(("minutes", "flagged", "diff"), [
    (60, False, 0.0), (-29, False, 0.0), (-31, True, -31.0), (120 + 29, False, 0.0), (120 + 45, True, 45.0),
])
def test_time_window_with_default_tolerance(workspace, inspection, tmp_path, minutes, flagged, diff):
    item = flags_of(workspace, inspection, make_photo(tmp_path / "p.jpg", taken=shifted(BASE, minutes)))
    assert ("outside_window" in item["flags"]) is flagged
    assert item["time_diff_min"] == diff


def test_tolerance_setting_is_used(workspace, inspection, tmp_path):
    with write_transaction(workspace.db):
        settings.put(workspace.db, "photo_time_tolerance_min", "5")
    item = flags_of(workspace, inspection, make_photo(tmp_path / "p.jpg", taken=shifted(BASE, -10)))
    assert item["flags"] == ["outside_window"]
    assert "允许偏差 5 分钟" in item["flag_reasons"]["outside_window"]


def test_offset_in_photo_is_respected(workspace, inspection, tmp_path):
    # 03:30 UTC is 11:30 +08:00: inside the window with tolerance, though the wall time reads 03:30
    item = flags_of(workspace, inspection, make_photo(tmp_path / "p.jpg", taken="2026:06:05 03:30:00",
                                                      offset="+00:00"))
    assert item["flags"] == [] and item["taken_at"] == "2026-06-05T03:30:00+00:00"


def test_far_from_site_reports_distance(workspace, inspection, tmp_path):
    near = flags_of(workspace, inspection, make_photo(tmp_path / "near.jpg", lat=SITE_LAT + 0.003, lon=SITE_LON))
    far = flags_of(workspace, inspection, make_photo(tmp_path / "far.jpg", lat=SITE_LAT + 0.01, lon=SITE_LON, seed=5))
    assert near["flags"] == [] and near["distance_m"] == pytest.approx(333.6, abs=1)
    assert far["flags"] == ["far_from_site"] and far["distance_m"] == pytest.approx(1112, abs=2)


def test_no_timestamp_and_no_location(workspace, inspection, tmp_path):
    item = flags_of(workspace, inspection, make_photo(tmp_path / "p.jpg", taken=None, lat=None))
    assert item["flags"] == ["no_timestamp", "no_location"]
    assert item["distance_m"] is None and item["time_diff_min"] is None


def test_changing_the_inspection_window_updates_the_flags(workspace, inspection, tmp_path):
    flags_of(workspace, inspection, make_photo(tmp_path / "p.jpg", taken=shifted(BASE, 300)))
    inspections.update(workspace.db, inspection, ended_at="2026-06-05T14:00:00+08:00")
    assert service.list_evidence(workspace.db, inspection)[0]["flags"] == []


def test_haversine():
    assert checks.distance_m(37.5, 111.2, 37.5, 111.2) == 0
    assert checks.distance_m(0, 0, 0, 1) == pytest.approx(111_195, rel=1e-3)


def test_configured_zone_applies_at_import(workspace, inspection, tmp_path):
    with write_transaction(workspace.db):
        settings.put(workspace.db, "time_zone", "Europe/Berlin")
    item = flags_of(workspace, inspection, make_photo(tmp_path / "p.jpg", taken="2026:06:05 03:30:00"))
    assert item["taken_at"] == "2026-06-05T03:30:00+02:00"  # = 09:30 in Shanghai, inside the window
    assert item["flags"] == []
