"""Benchmark: the pipeline against plain camelot / pdfplumber / pypdfium2 on the same pages.

    python benchmarks/run.py            # full run (camelot on 137 pages takes about a minute)
    python benchmarks/run.py --quick    # smaller packs, for a smoke test

Builds agenda packs of 137, 320 and 1,000 pages the way real ones are made: every sample PDF in
raw_docs/ (front sheets, minutes, contributions tables, two forward plans) followed by pages of
report prose, as in the real 137-page Dorset pack whose 90-page self-evaluation is text. Then
prints, measured in this one run: the pipeline's end-to-end ingest time against Camelot lattice
and pdfplumber on every page and against pypdfium2 text extraction (the floor), for that pack
and for a worst case where every page is a sample page (tables on most of them), both inside this
process and as a whole `council-tables ingest` process (start to exit, imports included); pages/s
with 1 and 2 workers; the peak RSS of one worker extracting the 1,000-page pack; and how long
`council-tables --help` and `--version` take, start to exit. Where ../shared/realdocs is present,
the same comparison on its real council documents, with the share of their pages the triage parses.

Camelot is the `bench` extra: pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from pipeline import db  # noqa: E402
from pipeline.extract import pages_to_read  # noqa: E402
from pipeline.ingest import ingest  # noqa: E402
from pipeline.pdf import PdfDocument  # noqa: E402

TARGETS = {"camelot": 15.0, "pdfplumber_text": 5.0, "workers": 1.8, "rss_mb": 300.0, "help_s": 0.3,
           "version_s": 0.2}
COMMAND = [sys.executable, "-m", "pipeline"]  # what the council-tables console script runs
REAL_DOCUMENTS = PROJECT.parent / "shared" / "realdocs" / "council"  # optional: real published PDFs


def build_pack(sources: list[Path], pages: int, target: Path, rotate: int = 0, stride: int = 1) -> Path:
    """A pack of exactly `pages` pages, cycling through the sources' pages from `rotate`, every `stride`th."""
    pack = pdfium.PdfDocument.new()
    opened = [pdfium.PdfDocument(source) for source in sources]
    order = [(document, index) for document in opened for index in range(len(document))]
    position = rotate
    while len(pack) < pages:
        document, index = order[position % len(order)]
        pack.import_pages(document, [index])
        position += stride
    pack.save(target)
    for document in opened:
        document.close()
    pack.close()
    return target


PROSE = ("The report sets out the progress made over the past twelve months and the areas for development "
         "over the next twelve months, drawing on the views of children, families, partners and staff. It describes "
         "how services are led and governed, the quality and impact of practice, and the plans for continuing to "
         "strengthen services, with the evidence behind each judgement and the actions that follow from it. ")


def prose_pages(count: int, target: Path) -> Path:
    """Pages of dense report text (about 45 lines each), as most pages of a real pack are."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(target), pagesize=A4, invariant=1)
    words = (PROSE * 8).split()
    for page in range(count):
        canvas.setFont("Helvetica", 10)
        for line in range(46):
            start = (page * 7 + line * 13) % (len(words) - 16)
            canvas.drawString(57, 800 - line * 16, " ".join(words[start:start + 15]))
        canvas.drawString(280, 30, f"Page {page + 1}")
        canvas.showPage()
    canvas.save()
    return target


def realistic_pack(sources: list[Path], pages: int, folder: Path) -> Path:
    """Every sample once, then prose up to `pages`."""
    sample_pages = sum(len(pdfium.PdfDocument(source)) for source in sources)
    prose = prose_pages(max(pages - sample_pages, 1), folder / f"prose-{pages}.pdf")
    return build_pack([*sources, prose], pages, folder / f"realistic-{pages}.pdf")


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def camelot_every_page(path: Path) -> None:
    import camelot

    camelot.read_pdf(str(path), pages="all", flavor="lattice")


def pdfplumber_tables_every_page(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()


def pdfplumber_text_every_page(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def pypdfium2_text(path: Path) -> None:
    document = pdfium.PdfDocument(path)
    for page in document:
        page.get_textpage().get_text_range()
    document.close()


def pipeline_ingest(paths: list[Path], workers: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        ingest(paths, db.connect(str(Path(scratch) / "bench.db")), workers=workers)


def whole_process_ingest(paths: list[Path]) -> float:
    """Seconds for a `council-tables ingest` process, start to exit, into a new database."""
    with tempfile.TemporaryDirectory() as scratch:
        command = [*COMMAND, "ingest", *map(str, paths), "--db", str(Path(scratch) / "bench.db"), "--workers", "1",
                   "-q", "--no-extracted"]
        return timed(lambda: subprocess.run(command, cwd=scratch, check=True, capture_output=True))


def command_seconds(*args: str, runs: int = 7) -> float:
    """The median time of `council-tables ARGS` start to exit (imports included), over `runs` runs."""
    times = sorted(timed(lambda: subprocess.run([*COMMAND, *args], check=True, capture_output=True))
                   for _ in range(runs))
    return times[len(times) // 2]


def run_startup() -> None:
    help_s, version_s = command_seconds("--help"), command_seconds("--version")
    validate_help = command_seconds("validate", "--help")
    print(f"start-up, whole process: --help {help_s:.2f} s (target <= {TARGETS['help_s']} s), validate --help "
          f"{validate_help:.2f} s, --version {version_s:.2f} s (target <= {TARGETS['version_s']} s)")


def peak_rss_mb(path: Path) -> float:
    """Peak resident memory of a fresh process extracting the pack (what one worker holds)."""
    code = ("import resource, sys; from pipeline.extract import extract_pdf; extract_pdf(sys.argv[1]); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    output = subprocess.run([sys.executable, "-c", code, str(path)], cwd=PROJECT, capture_output=True, text=True,
                            check=True)
    return int(output.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small packs: a smoke test, not the figures")
    parser.add_argument("--source", type=Path, default=PROJECT / "raw_docs", help="folder of PDFs to build packs")
    args = parser.parse_args()
    # Born-digital samples only: a scanned one would time tesseract, not the pipeline.
    sources = sorted(path for path in args.source.glob("*.pdf") if not path.stem.endswith("-scanned"))
    if not sources:
        sys.exit(f"no PDFs in {args.source}: run python scripts/make_samples.py")
    sizes = (20, 40, 60) if args.quick else (137, 320, 1000)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        packs = {size: realistic_pack(sources, size, folder) for size in sizes}
        print(f"packs of {', '.join(map(str, sizes))} pages: the {len(sources)} PDFs in {shown(args.source)}, "
              "then prose")
        run_startup()
        # First, while this process is small: a child's peak RSS counts the parent's memory it was forked from.
        rss = peak_rss_mb(packs[sizes[2]])
        print(f"peak RSS extracting the {sizes[2]}-page pack: {rss:.0f} MB "
              f"(target <= {TARGETS['rss_mb']:.0f} MB per worker)")
        print(f"\n== a realistic {sizes[0]}-page pack (samples, then report prose)")
        run_comparisons([packs[sizes[0]]])
        print(f"\n== worst case: {sizes[0]} pages cycling through the samples (tables on most pages)")
        run_comparisons([build_pack(sources, sizes[0], folder / "dense.pdf")])
        real = sorted(REAL_DOCUMENTS.glob("*.pdf"))
        if real and not args.quick:
            print(f"\n== the {len(real)} real council documents in {shown(REAL_DOCUMENTS)}")
            run_comparisons(real)
        run_workers([packs[sizes[2]]], folder, sizes[2])


def shown(folder: Path) -> str:
    """A folder as the printout names it: relative to the project, so that figures pasted elsewhere
    do not carry this machine's paths."""
    return os.path.relpath(folder.resolve(), PROJECT)


def parsed_share(paths: list[Path]) -> tuple[int, int]:
    """How many of the files' pages the triage has parsed, of how many."""
    parsed = total = 0
    for path in paths:
        with PdfDocument(path) as document:
            parsed += len(pages_to_read(document)[0])
            total += document.page_count
    return parsed, total


def run_comparisons(paths: list[Path]) -> None:
    pipeline = timed(lambda: pipeline_ingest(paths, workers=1))
    process = whole_process_ingest(paths)

    def every(baseline: Callable[[Path], None]) -> float:
        return timed(lambda: [baseline(path) for path in paths])

    rows = [
        ("camelot lattice, every page", every(camelot_every_page), "camelot"),
        ("pdfplumber extract_tables, every page", every(pdfplumber_tables_every_page), None),
        ("pdfplumber extract_text, every page", every(pdfplumber_text_every_page), "pdfplumber_text"),
        ("pypdfium2 text (the floor)", every(pypdfium2_text), None),
    ]
    parsed, pages = parsed_share(paths)
    print(f"pipeline end-to-end ingest of {pages} pages: {pipeline:.2f} s ({pages / pipeline:.0f} pages/s); "
          f"as a whole process, start to exit: {process:.2f} s; the triage parsed {parsed} of the pages")
    print(f"{'baseline on the same pages':42s} {'seconds':>8s} {'pipeline is':>12s} {'process is':>11s}  target")
    for name, seconds, target in rows:
        goal = f">= {TARGETS[target]:.0f}x faster" if target else ""
        print(f"{name:42s} {seconds:8.2f} {seconds / pipeline:10.1f}x {seconds / process:10.1f}x  {goal}")


def run_workers(sources: list[Path], folder: Path, pages: int) -> None:
    """The pack dealt into eight files (every eighth page each, so alike in content, different in bytes),
    ingested with 1 and with 2 workers."""
    batch = [build_pack(sources, pages // 8, folder / f"batch-{n}.pdf", rotate=n, stride=8) for n in range(8)]
    one = timed(lambda: pipeline_ingest(batch, workers=1))
    two = timed(lambda: pipeline_ingest(batch, workers=2))
    total = sum(len(pdfium.PdfDocument(path)) for path in batch)
    print(f"\n{len(batch)} packs, {total} pages: 1 worker {total / one:.0f} pages/s, 2 workers {total / two:.0f} "
          f"pages/s: {one / two:.2f}x (target >= {TARGETS['workers']}x)")


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
