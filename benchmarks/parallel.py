"""Benchmark: pages as the unit of work, on one large pack.

    python benchmarks/parallel.py            # 1,000-page packs
    python benchmarks/parallel.py --pages 300

Builds two packs the way benchmarks/run.py does: a realistic one (every sample in raw_docs/, its two
scanned ones included, then report prose: 6% of its pages are parsed) and a dense one (the born-digital
samples' pages over and over: tables on most pages, as on the real Kent packs in ../shared/realdocs,
where the triage parses 80% of the pages). Ingests each, each run in a fresh process with a fresh
database: on the local process pool with 1 and 2 workers, and through `--cluster local` (a Dask
LocalCluster) with 1 and 2 workers. Prints the seconds, pages/s and speed-up of each, side by side, and
the peak RSS of any one worker process (target <= 300 MB). Dask needs the `cluster` extra.
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

from run import build_pack, realistic_pack  # noqa: E402

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


def run_once(pack: Path, folder: Path, workers: int, cluster: str) -> dict:
    database = folder / f"bench-{pack.stem}-{cluster or 'pool'}-{workers}.db"
    done = subprocess.run([sys.executable, "-c", RUN, str(pack), str(database), str(workers), cluster],
                          cwd=PROJECT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    pages = parser.parse_args().pages
    samples = sorted((PROJECT / "raw_docs").glob("*.pdf"))
    born_digital = [path for path in samples if not path.stem.endswith("-scanned")]
    print(f"one {pages}-page pack at a time; each run a fresh process and database ({os.cpu_count()} cores)")
    print(f"{'pack':10s}{'engine':18s}{'1 worker':>10s}{'2 workers':>11s}{'speed-up':>10s}  target")
    rss, loads = 0.0, []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        packs = {"realistic": realistic_pack(samples, pages, folder),
                 "dense": build_pack(born_digital, pages, folder / f"dense-{pages}.pdf")}
        for kind, pack in packs.items():
            for engine, cluster in (("process pool", ""), ("--cluster local", "local")):
                one, two = (run_once(pack, folder, workers, cluster) for workers in (1, 2))
                loads.append(os.getloadavg()[0])
                rss = max(rss, one["worker_rss_mb"], two["worker_rss_mb"])
                print(f"{kind:10s}{engine:18s}{one['seconds']:8.1f} s{two['seconds']:9.1f} s"
                      f"{one['seconds'] / two['seconds']:9.2f}x  >= {TARGETS['speedup']}x "
                      f"({one['pages'] / one['seconds']:.0f} -> {two['pages'] / two['seconds']:.0f} pages/s)",
                      flush=True)
    print(f"peak RSS of one worker process: {rss:.0f} MB (target <= {TARGETS['rss_mb']:.0f} MB)")
    # A speed-up needs idle cores: other work on the machine takes them from the second worker.
    print(f"load average after each pair of runs: {', '.join(f'{load:.1f}' for load in loads)}")


if __name__ == "__main__":
    main()
