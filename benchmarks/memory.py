"""Benchmark: peak memory of one worker extracting packs of 500, 1,000 and 2,000 pages.

    python benchmarks/memory.py            # both kinds of pack, 500, 1,000 and 2,000 pages (about 8 minutes)
    python benchmarks/memory.py --quick    # 100 and 200 pages, a smoke test

A document is read page by page and what each page costs is released (pdfplumber's pages and
pdfminer's object cache, pypdfium2's parsed pages and fonts: both reopened every
Limits.reopen_every pages), so memory should stay flat as packs grow. Two kinds of pack, built
as benchmarks/run.py builds them from raw_docs/: realistic (every sample once, then report
prose) and dense (the samples' pages over and over: tables on most pages, the worst case).
Each is extracted by a fresh process, whose peak resident memory is printed against the target.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import PROJECT, TARGETS, build_pack, peak_rss_mb, realistic_pack  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small packs: a smoke test, not the figures")
    args = parser.parse_args()
    sources = sorted(path for path in (PROJECT / "raw_docs").glob("*.pdf") if not path.stem.endswith("-scanned"))
    sizes = (100, 200) if args.quick else (500, 1000, 2000)
    print(f"peak RSS of one process extracting a pack (target <= {TARGETS['rss_mb']:.0f} MB at any size)")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for kind in ("realistic", "dense"):
            for pages in sizes:
                pack = (realistic_pack(sources, pages, folder) if kind == "realistic"
                        else build_pack(sources, pages, folder / f"dense-{pages}.pdf"))
                rss = peak_rss_mb(pack)
                print(f"{kind:9s} {pages:5d} pages: {rss:4.0f} MB", flush=True)
                pack.unlink()


if __name__ == "__main__":
    main()
