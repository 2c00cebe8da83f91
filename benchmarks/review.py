"""Benchmark: how long the review report takes for ../shared/realdocs/ plus raw_docs/.

    python benchmarks/review.py                 # ingest both into a scratch database, then time the report
    python benchmarks/review.py --db council.db # time the report of a database ingested already

The report is written twice into the same folder: the first time every crop is drawn (cold), the
second time they are all found in the cache (warm). The target is the cold report in under 30 s.
Ingest time is printed, but is not the report's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from pipeline import db  # noqa: E402
from pipeline.engines import default_workers  # noqa: E402
from pipeline.ingest import ingest  # noqa: E402
from pipeline.review import ReviewSummary, write_review  # noqa: E402

TARGET_SECONDS = 30.0
SOURCES = [PROJECT.parent / "shared" / "realdocs", PROJECT / "raw_docs"]


def report_line(run: str, summary: ReviewSummary) -> str:
    return (f"{run:5s} report: {summary.documents} documents, {summary.findings} findings, {summary.pictures} "
            f"pictures ({summary.rendered} drawn, the rest from the cache) in {summary.seconds:.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a database ingested already (default: ingest the sources into a scratch one)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        database = arguments.db
        if database is None:
            missing = [str(source) for source in SOURCES if not source.is_dir()]
            if missing:
                print(f"missing: {', '.join(missing)}", file=sys.stderr)
                return 2
            database = str(Path(scratch) / "council.db")
            started = time.perf_counter()
            summary = ingest(SOURCES, db.connect(database), workers=default_workers())
            print(f"ingest: {len(summary.outcomes)} files, {summary.pages} pages in "
                  f"{time.perf_counter() - started:.1f} s (not part of the report's time)")
        out_dir = Path(scratch) / "review"
        cold = write_review(database, out_dir)
        print(report_line("cold", cold))
        warm = write_review(database, out_dir)
        print(report_line("warm", warm))
        if cold.without_pictures:
            print(f"{len(cold.without_pictures)} documents without pictures: "
                  + "; ".join(f"{name}: {why}" for name, why in cold.without_pictures.items()))
        verdict = "met" if cold.seconds < TARGET_SECONDS else "MISSED"
        print(f"target: cold report under {TARGET_SECONDS:.0f} s: {verdict}")
        return 0 if cold.seconds < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
