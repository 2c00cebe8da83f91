"""Benchmark: pages as the unit of work, on one large pack.

    python benchmarks/parallel.py            # a 1,000-page pack
    python benchmarks/parallel.py --pages 300

Builds one pack the way benchmarks/run.py's realistic_pack does (every sample in raw_docs/, then
report prose), and ingests it, each run in a fresh process with a fresh database: on the local
process pool with 1 and 2 workers, and through `--cluster local` (a Dask LocalCluster) with 1 and 2
workers. Prints the seconds, pages/s and speed-up of each, side by side, and the peak RSS of any one
worker process (target <= 300 MB). Dask needs the `cluster` extra.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
PROJECT = BENCHMARKS.parent
sys.path.insert(0, str(BENCHMARKS))

from run import realistic_pack  # noqa: E402

TARGETS = {"speedup": 1.7, "rss_mb": 300.0}
# One run, in a process of its own: its worker processes are its children, so their peak RSS is its
# RUSAGE_CHILDREN once the pool or cluster is closed.
RUN = """
import json, resource, sys, time
from pipeline import db
from pipeline.ingest import ingest
from pipeline.scheduler import BatchSettings
pack, database, workers, cluster = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] or None
started = time.perf_counter()
summary = ingest([pack], db.connect(database), settings=BatchSettings(workers=workers, cluster=cluster))
seconds = time.perf_counter() - started
assert not summary.failures, summary.failures
print(json.dumps({"seconds": seconds, "pages": summary.pages,
                  "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""
CONFIGURATIONS = [("process pool", 1, ""), ("process pool", 2, ""), ("--cluster local", 1, "local"),
                  ("--cluster local", 2, "local")]


def run_once(pack: Path, folder: Path, workers: int, cluster: str) -> dict:
    database = folder / f"bench-{cluster or 'pool'}-{workers}.db"
    done = subprocess.run([sys.executable, "-c", RUN, str(pack), str(database), str(workers), cluster],
                          cwd=PROJECT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    pages = parser.parse_args().pages
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        pack = realistic_pack(sorted((PROJECT / "raw_docs").glob("*.pdf")), pages, folder)
        print(f"one {pages}-page pack: the samples in raw_docs/, then prose; each run a fresh process and database")
        results, loads = {}, []
        for name, workers, cluster in CONFIGURATIONS:
            results[name, workers] = run_once(pack, folder, workers, cluster)
            loads.append(os.getloadavg()[0])
    print(f"{'engine':18s}{'1 worker':>14s}{'2 workers':>14s}{'speed-up':>11s}  target")
    for name in ("process pool", "--cluster local"):
        one, two = results[name, 1], results[name, 2]
        speedup = one["seconds"] / two["seconds"]
        print(f"{name:18s}{one['seconds']:9.1f} s    {two['seconds']:9.1f} s    {speedup:8.2f}x  "
              f">= {TARGETS['speedup']}x ({one['pages'] / one['seconds']:.0f} -> "
              f"{two['pages'] / two['seconds']:.0f} pages/s)")
    rss = max(result["worker_rss_mb"] for result in results.values())
    print(f"peak RSS of one worker process: {rss:.0f} MB (target <= {TARGETS['rss_mb']:.0f} MB)")
    # A speed-up needs idle cores: other work on the machine takes them from the second worker.
    print(f"load average after each run: {', '.join(f'{load:.1f}' for load in loads)} ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
