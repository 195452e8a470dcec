"""Start-up and list benchmarks for the desktop application. Prints figures; not a test.

    python bench/startup.py                       # full size: 100,000 inspections, 1,000,000 evidence rows
    python bench/startup.py --inspections 10000 --evidence 100000 --runs 3

1. Process start -> main window shown, with the demo database, against a bare PySide6 QMainWindow started the
   same way in the same run (target: at most 2x). The app shows its window (sidebar, first screen with a
   loading line) before it opens the data folder (ui/startup.py); "ready" is the moment the first screen
   shows the demo tasks, printed too.
2. On a generated bureau-sized database: time to open the inspections list (count + first page, as the
   screen does) and to search it (target: at most 100 ms each).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

BARE = """
import time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1366, 768); w.show(); app.processEvents()
print(f"shown {time.time():.6f}", flush=True)
"""


def moments(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launching the process to each '<moment> <time>' line it prints (shown, ready)."""
    start = time.time()
    proc = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    found = {}
    for line in proc.stdout.splitlines():
        name, _, stamp = line.partition(" ")
        if name in ("shown", "ready"):
            found[name] = float(stamp) - start
    if "shown" not in found:
        raise RuntimeError(f"{command[1]} did not report a shown window: {proc.stderr[-2000:]}")
    return found


def startup(runs: int) -> None:
    import compileall

    from eco_field import demo
    from eco_field.workspace import Workspace

    # An installed application has its bytecode compiled; with PYTHONDONTWRITEBYTECODE set (as on the CI
    # machines) every run would compile eco_field/ and ui/ from source, so compile them once first.
    for package in ("eco_field", "ui"):
        compileall.compile_dir(str(ROOT / package), quiet=1)

    folder = Path(tempfile.mkdtemp(prefix="ecofield-bench-start-"))
    try:
        with Workspace.open(folder, create=True) as ws:
            demo.seed(ws)
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "ECO_FIELD_QUIT_AFTER_SHOW": "1", "PYTHONPATH": str(ROOT)}
        app, ready, bare = [], [], []
        for _ in range(runs):
            bare.append(moments([sys.executable, "-c", BARE], env)["shown"])
            seen = moments([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder)], env)
            app.append(seen["shown"])
            ready.append(seen["ready"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    a, r, b = statistics.median(app), statistics.median(ready), statistics.median(bare)
    print(f"start-up to window shown (median of {runs}): EcoField {a * 1000:.0f} ms, "
          f"bare QMainWindow {b * 1000:.0f} ms, ratio {a / b:.2f} (target <= 2)")
    print(f"start-up to first screen with the demo tasks (median of {runs}): {r * 1000:.0f} ms, "
          f"ratio {r / b:.2f} to the bare window")


def generate(folder: Path, n_inspections: int, n_evidence: int) -> None:
    """A bureau-sized database made fast with executemany (a benchmark fixture, not an app path)."""
    from eco_field import demo
    from eco_field.workspace import Workspace

    rng = random.Random(7)
    with Workspace.open(folder, create=True) as ws:
        demo.seed(ws)
        db = ws.db
        ents = [r[0] for r in db.execute("SELECT id FROM enterprises")]
        certs = [r[0] for r in db.execute("SELECT cert_no FROM officers")]
        conn = db.conn
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("BEGIN")
        ids = [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(n_inspections)]
        conn.executemany(
            "INSERT INTO inspections (id, enterprise_id, started_at, place, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            ((i, rng.choice(ents), f"20{rng.randint(20, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
              f"T{rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}:00+08:00", f"第{k}号现场", "x", "x")
             for k, i in enumerate(ids)))
        conn.executemany("INSERT INTO inspection_officers (inspection_id, officer_cert, position) VALUES (?, ?, ?)",
                         ((i, c, p) for i in ids for p, c in enumerate(rng.sample(certs, 2))))
        n_blobs = max(1, n_evidence // 10)
        shas = [f"{rng.getrandbits(256):064x}" for _ in range(n_blobs)]
        conn.executemany("INSERT INTO blobs (sha256, size, ext, created_at) VALUES (?, 1000, 'jpg', 'x')",
                         ((s,) for s in shas))
        conn.executemany(
            "INSERT INTO evidence (id, inspection_id, sha256, kind, original_name, imported_at)"
            " VALUES (?, ?, ?, 'photo', ?, 'x')",
            ((str(uuid.UUID(int=rng.getrandbits(128))), ids[k % n_inspections], shas[(k // n_inspections + k * 7)
              % n_blobs], f"IMG_{k:07d}.jpg") for k in range(n_evidence)))
        conn.execute("COMMIT")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("ANALYZE")
        # a database at rest, as the app meets it: the bulk load folded from the WAL into the main file
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def timed(func, repeat: int = 5) -> float:
    """Median wall time in ms."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def lists(n_inspections: int, n_evidence: int, reuse: Path | None = None, keep: bool = False) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from eco_field.workspace import Workspace
    from ui import tasks
    from ui.context import AppContext
    from ui.dialogs import ScriptedDialogs
    from ui.inspections_screen import InspectionsScreen

    if reuse is not None:
        folder = reuse
    else:
        folder = Path(tempfile.mkdtemp(prefix="ecofield-bench-lists-"))
        start = time.perf_counter()
        generate(folder, n_inspections, n_evidence)
        print(f"generated {n_inspections:,} inspections and {n_evidence:,} evidence rows in "
              f"{time.perf_counter() - start:.1f} s ({folder})")
    app = QApplication.instance() or QApplication([])
    tasks.set_pool(tasks.SynchronousPool())
    ctx = AppContext(data_dir=folder, ws=Workspace.open(folder), dialogs=ScriptedDialogs())
    screen = InspectionsScreen(ctx, lambda: None)
    screen.resize(1200, 700)
    screen.show()
    app.processEvents()
    page = screen.list

    def search(text: str):
        def run() -> None:
            page.search.setText(text)
            page.refresh()
        return run

    open_ms = timed(page.refresh)
    scroll_ms = timed(lambda: page.model.fetchMore(page.model.index(0, 0).parent()))
    name_ms = timed(search("焦化"))
    rare_ms = timed(search("第99999号"))
    none_ms = timed(search("不存在的企业"))
    print(f"inspections list open (count + first {page.model.page_size} rows): {open_ms:.0f} ms (target <= 100)")
    print(f"next page on scroll: {scroll_ms:.0f} ms")
    print(f"search to results shown (runs off the GUI thread): '焦化' (many hits) {name_ms:.0f} ms; "
          f"'第99999号' (one hit) {rare_ms:.0f} ms; no hit {none_ms:.0f} ms (target <= 100)")
    ctx.close()
    if reuse is None and not keep:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inspections", type=int, default=100_000)
    parser.add_argument("--evidence", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--reuse", type=Path, help="a database folder generated before (skips generating)")
    parser.add_argument("--keep", action="store_true", help="keep the generated database folder (for --reuse)")
    args = parser.parse_args()
    if not args.skip_startup:
        startup(args.runs)
    lists(args.inspections, args.evidence, args.reuse, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
