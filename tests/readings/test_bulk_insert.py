"""A long file goes in many rows per INSERT statement: every sample must still land in its series, in file
order, with its own line, value and flag — across statement boundaries, in the tail group, and with markers,
negative values and a torn row in the middle. Checked by reading the samples back against the file."""

from __future__ import annotations

import pytest

from eco_field.readings import service
from tests.readings.conftest import parse

GASES = (("SO2", "mg/m3"), ("NOx", "mg/m3"), ("O2", "%"))


def long_form(tmp_path, rows: int):
    """(path, {pollutant: [(line, value or None, flag)]}) for a long-form CSV of `rows` data rows."""
    lines, expected = ["采样时间,气体名称,浓度,单位\n"], {g: [] for g, _ in GASES}
    for i in range(rows):
        line = i + 2
        gas, unit = GASES[i % 3]
        stamp = f"2026-06-05 {10 + i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}"
        if i == 700:
            lines.append(f"{stamp},SO2\n")  # torn: skipped with a warning, not a sample
            continue
        value, text, flag = round(10 + (i * 37 % 500) / 10, 1), None, None
        if i == 500:
            text, value, flag = "OVR", None, "OVR"
        elif i == 601:
            value, flag = -1.5, "negative"
        lines.append(f"{stamp},{gas},{text if text else value},{unit}\n")
        expected[gas].append((line, value, flag))
    path = tmp_path / "long.csv"
    path.write_text("".join(lines), encoding="utf-8")
    return path, expected


@pytest.mark.parametrize("rows", [1, 247, 248, 2000])
def test_every_sample_comes_back_in_file_order_with_its_line_value_and_flag(workspace, inspection, tmp_path, rows):
    path, expected = long_form(tmp_path, rows)
    result = service.import_file(workspace, inspection.id, path)
    stored = {s["pollutant"]: service.get_series(workspace.db, s["id"], samples=True) for s in result["series"]}
    assert set(stored) == {g for g, v in expected.items() if v}
    for gas, series in stored.items():
        assert [(s["line"], s["value"], s["flag"]) for s in series["samples"]] == expected[gas], gas
        usable = [v for _, v, _ in expected[gas] if v is not None]
        assert (series["n"], series["flagged"]) == (len(usable), len(expected[gas]) - len(usable))
        assert series["min"] == min(usable) and series["max"] == max(usable)
    if rows > 700:
        assert result["source"]["assumptions"]["skipped_lines"] == [702]


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_a_file_without_quotes_reads_exactly_as_the_csv_reader_reads_it(tmp_path, ending):
    # the bulk path splits a quote-free file itself; one quote anywhere sends it through the csv module
    body = ["2026-06-05 10:00:00,SO2,12.5,mg/m3", "2026-06-05 10:00:00,NOx,40,mg/m3", "",
            "2026-06-05 10:00:01,SO2,OVR,mg/m3", "2026-06-05 10:00:01,NOx", "2026-06-05 10:00:02,SO2,-0.4,mg/m3 ",
            "\t", "2026-06-05 10:00:02,NOx,41.5,mg/m3",
            *(f"2026-06-05 10:01:{i:02d},SO2,{i}.5,mg/m3" for i in range(30))]  # one torn row is under 5 %
    plain, quoted = tmp_path / "plain.csv", tmp_path / "quoted.csv"
    plain.write_bytes(ending.join(["采样时间,气体名称,浓度,单位", *body]).encode())  # no newline at the end
    quoted.write_bytes(ending.join(['"采样时间",气体名称,浓度,单位', *body]).encode())
    read = {path.name: parse(path) for path in (plain, quoted)}
    (_, plain_ctx, plain_samples), (_, quoted_ctx, quoted_samples) = read["plain.csv"], read["quoted.csv"]
    assert plain_samples == quoted_samples
    assert [s[1] for s in plain_samples][:5] == [2, 3, 5, 7, 9] and plain_samples[-1][1] == 39  # physical lines: the blank and torn ones skipped
    assert [str(w) for w in plain_ctx.warnings] == [str(w) for w in quoted_ctx.warnings]
    assert plain_ctx.skipped_lines == quoted_ctx.skipped_lines == [6]
