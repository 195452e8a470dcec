"""Photo ingest benchmark: our import vs a naive Pillow pipeline vs `vipsthumbnail -s 256`, same files.

    python bench/evidence_ingest.py [-n 100] [--previews both|mpf|none] [--workdir DIR]

Generates N 20-megapixel JPEGs (5472x3648, noise over a gradient so each is ~7-8 MB, with EXIF; the pixels
come from two encoded bases and every file differs in its EXIF, so no two files share a hash), then prints
photos/s for each pipeline and the peak memory (summed RSS of the importing process and its workers).
Two sets, each measured on its own: photos WITH the preview cameras, drones and phones embed (a 1620x1080
JPEG of the same picture, ~250 KB, appended as an MPF "large thumbnail (full HD)" image as CIPA DC-007
lays it out; exiftool reads it as such), from which our import draws the thumbnail, and photos WITHOUT one,
which our import decodes at 1/8 scale. vipsthumbnail and the naive pipeline (full decode + resize) decode
the picture in both sets. Targets on a 2-core machine: >= 18 photos/s, >= 1.4x vipsthumbnail, >= 8x naive,
<= 300 MB.

Measured 2026-11-28 on a quiet 2-core dev VM (load 1.2), N=100: with the MPF preview 67.3 photos/s, 5.10x
vipsthumbnail, 19.4x naive, 169 MB; without a preview 20.8 photos/s, 1.61x vips, 6.0x naive, 170 MB.
Earlier the same day on the shared 2-core AMD EPYC dev VM, N=100, best of 2 alternating rounds, four runs
(load average 3.7, 3.1, 13.3, 9.3 from other work, so wall-clock figures move a lot and are below what an
idle machine gives; with the preview, our wall time is 1.3-2.8x its CPU time over 2 cores: the machine's
other work, and the disk, as every 7.7 MB copy is written and fsynced - not measured apart here):
  with MPF preview: ours 32.5 / 47.7 / 28.2 / 61.3 photos/s, CPU 25-28 ms/photo, peak 168-169 MB |
    vipsthumbnail 12.8 / 12.9 / 10.7 / 12.3 photos/s (ours 2.6x / 3.7x / 2.6x / 5.0x) |
    naive 3.8 / 4.0 / 3.3 / 3.6 photos/s (ours 8.5x / 11.9x / 8.5x / 17.3x).
  without preview:  ours 11.6 / 12.5 / 20.2 / 19.8 photos/s, CPU 87-89 ms/photo, peak 169-170 MB |
    vipsthumbnail 13.0 / 13.0 / 13.3 / 13.3 (ours 0.89x / 0.96x / 1.52x / 1.48x) | naive 3.5 / 3.4 / 3.5 / 3.5
    photos/s (ours 3.3x / 3.7x / 5.8x / 5.7x); from CPU time on 2 idle cores ~23 photos/s, 1.7x vips, 6.5x
    naive. The decode path costs what it did before the preview path was added (A/B against the previous
    commit under the same load: 92-98 ms/photo both).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from PIL import Image

WIDTH, HEIGHT = 5472, 3648
PREVIEW = (1620, 1080)  # the size of the preview JPEG a 20 MP camera or drone embeds (MPF)


def generate(folder: Path, count: int, preview: bool) -> list[Path]:
    """count photos in folder (kept between runs); with preview, each carries its camera preview (MPF)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"DJI_{i:04d}.JPG" for i in range(count)]
    if all(path.exists() for path in paths):
        return paths
    bases = [_base_jpeg(seed) for seed in range(2)]
    for i, path in enumerate(paths):
        main, small = bases[i % 2]
        data = _with_exif(main, i)
        path.write_bytes(_with_mpf_preview(data, small) if preview else data)
    return paths


def _base_jpeg(seed: int) -> tuple[bytes, bytes]:
    """The 20 MP picture and its 1620x1080 preview, made from the same pixels as a camera does."""
    gradient = Image.linear_gradient("L").rotate(90 * seed).resize((WIDTH, HEIGHT)).convert("RGB")
    noise = Image.merge("RGB", [Image.effect_noise((WIDTH, HEIGHT), 28) for _ in range(3)])
    picture = Image.blend(gradient, noise, 0.55)
    out, small = io.BytesIO(), io.BytesIO()
    picture.save(out, "JPEG", quality=88)
    picture.resize(PREVIEW, Image.Resampling.BILINEAR).save(small, "JPEG", quality=92)
    return out.getvalue(), small.getvalue()


def _with_mpf_preview(main: bytes, preview: bytes) -> bytes:
    """The main JPEG with an APP2 MPF index after its Exif segment and the preview appended after its EOI,
    laid out as cameras write it (CIPA DC-007): entry 1 the primary image (representative, dependent
    parent), entry 2 a dependent child of type "large thumbnail (full HD)"; offsets from the MPF header."""
    exif_end = 4 + int.from_bytes(main[4:6], "big")  # SOI, then the Exif APP1 spliced in by _with_exif
    segment_len = 2 + 4 + 8 + 2 + 3 * 12 + 4 + 32
    primary_size = len(main) + 2 + segment_len
    tiff_at = exif_end + 4 + 4  # APP2 marker and length, then "MPF\0", then the TIFF header
    ifd = b"MM\x00\x2a" + (8).to_bytes(4, "big") + (3).to_bytes(2, "big")
    ifd += struct.pack(">HHI4s", 0xB000, 7, 4, b"0100") + struct.pack(">HHII", 0xB001, 4, 1, 2)
    ifd += struct.pack(">HHII", 0xB002, 7, 32, 8 + 2 + 3 * 12 + 4) + (0).to_bytes(4, "big")
    ifd += struct.pack(">IIIHH", 0xA0030000, primary_size, 0, 0, 2)
    ifd += struct.pack(">IIIHH", 0x40010002, len(preview), primary_size - tiff_at, 0, 0)
    app2 = b"\xff\xe2" + segment_len.to_bytes(2, "big") + b"MPF\x00" + ifd
    assert len(app2) == 2 + segment_len
    return main[:exif_end] + app2 + main[exif_end:] + preview


def _with_exif(jpeg: bytes, index: int) -> bytes:
    """The same pixels with this file's own EXIF (time, position, serial), spliced in after SOI."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "DJI", "FC3411"
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = f"2026:06:05 09:{index // 60 % 60:02d}:{index % 60:02d}"
    sub[0xA431] = f"BENCH{index:06d}"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (37.0, 30.0, float(index % 60)), 3: "E", 4: (111.0, 12.0, 0.0)})
    block = exif.tobytes()  # starts with the Exif\0\0 header
    segment = b"\xff\xe1" + (len(block) + 2).to_bytes(2, "big") + block
    return jpeg[:2] + segment + jpeg[2:]


class PeakRss:
    """Samples the summed RSS of a process and all its descendants (Linux /proc), and their CPU time."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self.cpu_ticks: dict[int, int] = {}
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = _tree(self.pid)
            self.peak = max(self.peak, sum(_rss(pid) for pid in pids))
            for pid in pids:
                self.cpu_ticks[pid] = max(self.cpu_ticks.get(pid, 0), _cpu_ticks(pid))
            time.sleep(0.01)

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu_ticks.values()) / os.sysconf("SC_CLK_TCK")


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except (OSError, IndexError, ValueError):
        return 0


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_ours(folder: Path, data_dir: Path) -> None:
    """In a child process: a fresh data folder, then one timed import. Prints the seconds."""
    from eco_field import demo
    from eco_field.evidence import service
    from eco_field.store import enterprises, inspections, officers
    from eco_field.workspace import Workspace

    with Workspace.open(data_dir, create=True) as ws:
        demo.seed(ws)
        ent = enterprises.list_enterprises(ws.db)[0]
        certs = [o.cert_no for o in officers.list_officers(ws.db)[:2]]
        insp = inspections.create(ws.db, ent.id, certs, started_at="2026-06-05T09:00").id
        setup_cpu = time.process_time()
        start = time.perf_counter()
        report = service.import_paths(ws, insp, [folder])
        elapsed = time.perf_counter() - start
        sources = Counter(json.loads(row[0]).get("thumbnail_source") for row in
                          ws.db.execute("SELECT meta_json FROM photo_meta"))
    assert not report.errors and len(report.imported) == len(list(folder.iterdir())), report.errors
    print(json.dumps(dict(sources)))
    print(f"{elapsed:.4f} {setup_cpu:.4f}")


def measure_ours(folder: Path, work: Path) -> tuple[float, int, float, dict[str, int]]:
    data_dir = work / "data"
    shutil.rmtree(data_dir, ignore_errors=True)
    proc = subprocess.Popen([sys.executable, __file__, "--run-ours", str(folder), str(data_dir)],
                            stdout=subprocess.PIPE, text=True)
    with PeakRss(proc.pid) as peak:
        out, _ = proc.communicate()
    if proc.returncode:
        raise SystemExit("our import failed")
    *_, sources, times = out.strip().splitlines()
    elapsed, setup_cpu = map(float, times.split())
    # CPU of the import (main process + workers); what the thumbnails were drawn from, to show which path ran
    return elapsed, peak.peak, peak.cpu_seconds - setup_cpu, json.loads(sources)


def measure_naive(paths: list[Path]) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        with Image.open(path) as image:
            image.load()  # full-size decode, no DCT scaling
            ratio = 256 / max(image.size)
            image.resize((round(image.width * ratio), round(image.height * ratio)), Image.Resampling.LANCZOS)
    return time.perf_counter() - start, time.process_time() - cpu


def measure_vips(paths: list[Path], work: Path) -> tuple[float, float] | None:
    if not shutil.which("vipsthumbnail"):
        return None
    out = work / "vips"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(["vipsthumbnail", "-s", "256", "-o", f"{out}/%s.jpg", *map(str, paths)], check=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=100, help="number of photos (default 100)")
    parser.add_argument("--naive-n", type=int, default=None, help="photos for the naive pipeline (default: all)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds of ours and vips (best kept)")
    parser.add_argument("--previews", choices=("both", "mpf", "none"), default="both",
                        help="photos with an embedded MPF preview, without one (the decode path), or both sets")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "eco_field_bench")
    args = parser.parse_args()
    print(f"load average before the run: {os.getloadavg()[0]:.1f} (other work on the machine slows every figure)")
    sets = {"mpf": [True], "none": [False], "both": [True, False]}[args.previews]
    for preview in sets:
        name = f"photos_{args.n}_mpf" if preview else f"photos_{args.n}_plain"
        bench_set(generate(args.workdir / name, args.n, preview), preview, args)


def bench_set(paths: list[Path], preview: bool, args: argparse.Namespace) -> None:
    for path in paths:  # same start for every pipeline: files in the page cache, as after copying a card
        path.read_bytes()
    size_mb = sum(p.stat().st_size for p in paths) / len(paths) / 1e6
    kind = f"WITH an embedded {PREVIEW[0]}x{PREVIEW[1]} MPF preview" if preview else "WITHOUT an embedded preview"
    print(f"\n== {len(paths)} photos {WIDTH}x{HEIGHT} {kind}, {size_mb:.1f} MB each on average, "
          f"{os.cpu_count()} cores")
    # alternate the two fast pipelines and keep each one's best round: on a shared machine the load moves
    ours_runs, vips_runs = [], []
    for _round in range(args.rounds):
        ours_runs.append(measure_ours(paths[0].parent, args.workdir))
        vips_runs.append(measure_vips(paths, args.workdir))
    ours, peak, ours_cpu, sources = min(ours_runs, key=lambda run: run[0])
    peak = max(run[1] for run in ours_runs)
    vips = min(vips_runs, key=lambda run: run[0]) if vips_runs[0] is not None else None
    naive_paths = paths[: args.naive_n] if args.naive_n else paths
    naive, naive_cpu = measure_naive(naive_paths)
    n, n_naive = len(paths), len(naive_paths)
    ours_rate, naive_rate = n / ours, n_naive / naive
    print(f"thumbnails made from: {sources}")
    print(f"our import (hash+copy+metadata+thumbnail, fresh data folder): {ours_rate:6.1f} photos/s ({ours:.1f} s),"
          f" CPU {1000 * ours_cpu / n:4.0f} ms/photo, peak memory {peak / 1e6:.0f} MB")
    if vips is not None:
        vips_rate = n / vips[0]
        print(f"vipsthumbnail -s 256:                                         {vips_rate:6.1f} photos/s "
              f"({vips[0]:.1f} s), CPU {1000 * vips[1] / n:4.0f} ms/photo -> ours is {ours_rate / vips_rate:.2f}x")
    print(f"naive Pillow (full decode + resize), {n_naive:3d} photos:            {naive_rate:6.1f} photos/s "
          f"({naive:.1f} s), CPU {1000 * naive_cpu / n_naive:4.0f} ms/photo -> ours is {ours_rate / naive_rate:.1f}x")
    # On a shared machine the wall-clock figures measure the other work too; CPU time per photo does not.
    cores = min(os.cpu_count() or 1, 4)
    ideal = {"ours": cores * n / ours_cpu, "naive": n_naive / naive_cpu}
    if vips is not None:
        ideal["vips"] = n / vips[1]
    print(f"if the {cores} cores were idle (from CPU time; vips and naive decode one file at a time): ours "
          f"{ideal['ours']:.1f}/s" + (f", vips {ideal['vips']:.1f}/s ({ideal['ours'] / ideal['vips']:.2f}x)" if vips else "")
          + f", naive {ideal['naive']:.1f}/s ({ideal['ours'] / ideal['naive']:.1f}x)")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--run-ours":
        run_ours(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        main()
