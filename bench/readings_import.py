"""Benchmark: import a long-form CSV of N readings (default 1,000,000) and compare with the sqlite3 shell.

Prints, from one run: the file size, our import time (eco_field.readings.service.import_file, which also
hashes the file, copies it into the evidence store and computes statistics), the sqlite3 shell's
`.import --csv` of the same file into a plain table, the ratio, and our peak memory (max RSS of the
importing process). Target: ours ≤ 2× the shell, peak ≤ 100 MB.

On a shared machine one run says little: --repeat N runs the shell and ours alternately N times (each of
ours into a fresh data folder) and reports the median wall and CPU seconds of each and the median ratios.

    python bench/readings_import.py [--rows N] [--repeat N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

POLLUTANTS = (("SO2", "mg/m³"), ("NOx", "mg/m³"), ("CO", "ppm"), ("O2", "%VOL"), ("PM10", "mg/m³"))

CHILD = r"""
import json, resource, sys, time
from eco_field import demo
from eco_field.store import inspections
from eco_field.workspace import Workspace
from eco_field.readings import service
data_dir, csv_path = sys.argv[1], sys.argv[2]
ws = Workspace.open(data_dir, create=True)
demo.seed(ws)
ent = demo.demo_enterprises()[0]
insp = inspections.create(ws.db, ent.id, ["14110000001", "14110000002"])
cpu0 = resource.getrusage(resource.RUSAGE_SELF)
start = time.perf_counter()
result = service.import_file(ws, insp.id, csv_path)
elapsed = time.perf_counter() - start
cpu1 = resource.getrusage(resource.RUSAGE_SELF)
rss_kb = cpu1.ru_maxrss
print(json.dumps({"seconds": elapsed, "max_rss_mb": rss_kb / 1024,
                  "cpu": cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime,
                  "samples": sum(s["n"] + s["flagged"] for s in result["series"]),
                  "series": len(result["series"])}))
"""

BASELINE = r"""
import resource, sys
from eco_field.workspace import Workspace
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def write_csv(path: Path, rows: int) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("timestamp,serial,pollutant,value,unit\n")
        base = 1780625730  # 2026-06-05 10:15:30 +08:00
        for i in range(rows):
            second, k = divmod(i, len(POLLUTANTS))
            name, unit = POLLUTANTS[k]
            stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(base + second + 8 * 3600))
            value = 10.0 + ((i * 7919) % 1000) / 10.0
            out.write(f"{stamp},ISC-MX6-0042,{name},{value:.2f},{unit}\n")


def run_ours(csv_path: Path, work: Path) -> dict:
    shutil.rmtree(work / "data", ignore_errors=True)
    proc = subprocess.run([sys.executable, "-c", CHILD, str(work / "data"), str(csv_path)],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_shell(csv_path: Path, work: Path) -> tuple[float, float]:
    """Wall and CPU seconds of `sqlite3 db ".import --csv FILE plain"` (a plain table made from the header)."""
    db = work / "shell.db"
    db.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(["sqlite3", str(db), f".import --csv {csv_path} plain"], check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1, help="interleaved runs of each; medians reported")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="readings-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        csv_path = work / "readings.csv"
        t0 = time.perf_counter()
        write_csv(csv_path, args.rows)
        print(f"rows: {args.rows:,}  file: {csv_path.stat().st_size / 1e6:.1f} MB  "
              f"(written in {time.perf_counter() - t0:.1f} s)")
        runs = []
        for _ in range(max(1, args.repeat)):  # alternate, so a load spike from elsewhere hits both alike
            runs.append((*run_shell(csv_path, work), run_ours(csv_path, work)))
        shell, shell_cpu = (statistics.median(r[i] for r in runs) for i in (0, 1))
        ours = {key: statistics.median(r[2][key] for r in runs) for key in ("seconds", "cpu", "max_rss_mb")}
        ours.update(samples=runs[0][2]["samples"], series=runs[0][2]["series"])
        wall_ratio = statistics.median(r[2]["seconds"] / r[0] for r in runs)
        cpu_ratio = statistics.median(r[2]["cpu"] / r[1] for r in runs)
        base_rss = float(subprocess.run([sys.executable, "-c", BASELINE], capture_output=True, text=True,
                                        check=True).stdout)
        if len(runs) > 1:
            print(f"{len(runs)} interleaved runs each; medians:")
            print("  per run (shell wall/CPU, ours wall/CPU): " + "; ".join(
                f"{r[0]:.2f}/{r[1]:.2f}, {r[2]['seconds']:.2f}/{r[2]['cpu']:.2f}" for r in runs))
        print(f"sqlite3 shell .import --csv: {shell:.2f} s wall, {shell_cpu:.2f} s CPU")
        print(f"eco-field import:            {ours['seconds']:.2f} s wall, {ours['cpu']:.2f} s CPU  "
              f"({ours['samples']:,} samples, {ours['series']} series)")
        print(f"ratio ours / shell:          {wall_ratio:.2f} wall, {cpu_ratio:.2f} CPU"
              "  (target ≤ 2)")
        print(f"peak memory (max RSS):       {ours['max_rss_mb']:.0f} MB  (interpreter + imports alone: "
              f"{base_rss:.0f} MB; target ≤ 100 MB)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    os.environ.pop("ECO_FIELD_HOME", None)
    main()
