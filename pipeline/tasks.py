"""What a worker runs: the tasks a document is cut into, each under the file's limits.

A document is read in up to three kinds of task, so that the pages, not the files, are the unit of
work spread over the workers:

- `open_document`: the cheap triage, one pass over the fast text of every page, which picks the
  pages to parse (those that may hold a table, and those the forward-plan reader reads). A document
  with few such pages is read whole in this same task. A
  document with scanned pages has those read by `ocr_pages` tasks first (OCR is the costliest
  reading of all), then is triaged with their text.
- `read_page_range`: the expensive parsing (pdfplumber's words and rules, the table layer) of a
  range of those pages; the ranges of one document go to different workers.
- `finish_document`: everything else (meeting, agenda, pack, forward plans, checks) with the
  ranges' tables merged over page breaks in page order, exactly as a one-process run merges them,
  and the forward plans read from the words and rules the ranges handed back (no page parsed twice).

Every task returns a TaskResult: never an exception, so that a damaged file, a file past its time
or memory limit, or a bug, costs that file (one line naming it) and nothing else. Only the death
of the worker process itself (a parser crashing in C) is seen by the scheduler, as a lost task.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import ocr
from .extract import extract_document, pages_to_read, read_document_pages
from .model import Extraction
from .pdf import KnownPage, PdfDocument, PdfError
from .tables.pages import PageTables

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


@dataclass(frozen=True)
class Source:
    """A PDF as a task is given it: the path every worker reads it at, and the bytes' sha256 (as the
    client hashed them) so that a worker that sees other bytes there says so instead of reading them."""

    name: str  # what the user knows it by
    path: str
    sha256: str | None = None
    password: str | None = None


@dataclass(frozen=True)
class Survey:
    """A document with scanned pages: those, to OCR first in tasks of their own, and every page's fast text."""

    page_count: int
    scanned: list[int]
    known: list[KnownPage]


@dataclass(frozen=True)
class Triage:
    """A document too large to read in one task: the pages to parse, in ranges (`extract.pages_to_read`:
    those that may hold a table, and those the forward-plan reader reads), and every page's fast text
    (OCR's reading of scanned ones), which the later tasks need not read again."""

    page_count: int
    pages: list[int]
    table_pages: list[int]  # of `pages`, those the layer reads tables on
    known: list[KnownPage]


@dataclass
class TaskResult:
    value: Extraction | Survey | Triage | list[PageTables] | list[KnownPage] | None
    error: str | None = None  # one line naming the file, when it cannot be read
    seconds: float = 0.0  # time spent in the worker, counted against the file's limit


@dataclass(frozen=True)
class TimeBudget:
    """What is left of the file's time for this task, and the file's limit (--timeout-per-file)."""

    left: float
    limit: float


class FileTimeout(BaseException):
    """Raised into a task past its file's time: a BaseException, so that no `except Exception` on
    the way (an extractor's guard, a parser's) mistakes it for that part's own failure."""


def open_document(source: Source, budget: TimeBudget, pages_per_task: int,
                  known: list[KnownPage] | None = None) -> TaskResult:
    """The triage: the whole Extraction when at most `pages_per_task` pages may hold a table, else a
    Triage. A document with scanned pages is first only surveyed (a Survey: OCR is left to tasks of
    its own, spread over the workers), and triaged again with `known`, every page's text with OCR's."""
    def work(document: PdfDocument) -> Extraction | Triage | Survey:
        if known is None and ocr.available():
            document.ocr_later = True
            scanned = [page.number for page in document.pages() if page.needs_ocr]
            if scanned:
                return Survey(document.page_count, scanned, document.known_pages())
        document.add_known_pages(known or [])
        pages, tables_on = pages_to_read(document)
        if len(pages) <= pages_per_task:
            return extract_document(document, source.name)
        return Triage(document.page_count, pages, tables_on, document.known_pages())

    return _run(source, budget, work)


def ocr_pages(source: Source, budget: TimeBudget, pages: list[int]) -> TaskResult:
    """These scanned pages read by OCR (their KnownPage each)."""
    return _run(source, budget, lambda document: document.known_pages(pages))


def read_page_range(source: Source, budget: TimeBudget, pages: list[int], known: list[KnownPage],
                    tables_on: list[int]) -> TaskResult:
    """These pages read (one PageTables each, in order: the tables of those in `tables_on`, not yet
    merged over page breaks); `known` is their fast text, as the triage read it."""
    def work(document: PdfDocument) -> list[PageTables]:
        document.add_known_pages(known)
        document.ocr_later = True  # the page before the range is read for its text alone: never OCR it here
        return read_document_pages(document, pages, tables_on)

    return _run(source, budget, work)


def finish_document(source: Source, budget: TimeBudget, pages: list[PageTables], known: list[KnownPage]
                    ) -> TaskResult:
    """The Extraction, from the page ranges' tables (all of them, in page order) and every page's fast text."""
    def work(document: PdfDocument) -> Extraction:
        document.add_known_pages(known)
        return extract_document(document, source.name, pages)

    return _run(source, budget, work)


def _run(source: Source, budget: TimeBudget, work: Callable[[PdfDocument], Any]) -> TaskResult:
    started = time.perf_counter()
    try:
        with _WATCHDOG.limit(budget.left), PdfDocument(source.path, password=source.password) as document:
            if source.sha256 and document.sha256 != source.sha256:
                return TaskResult(None, f"{source.name}: the worker finds other bytes at {source.path} (the file "
                                        "changed, or the workers do not share the folder)")
            value = work(document)
    except FileTimeout:
        value, error = None, f"{source.name}: passed the time limit of {budget.limit:g} s per file (--timeout-per-file)"
    except MemoryError:
        value, error = None, f"{source.name}: needs more than the {memory_limit_mb()} MB a worker may hold " \
                             "(--memory-limit)"
    except PdfError as exc:
        value, error = None, f"{source.name}: {exc.reason}"
    except Exception as exc:  # a damaged PDF can break the parsers in many ways
        value, error = None, f"{source.name}: cannot be read ({type(exc).__name__}: {str(exc)[:120]})"
    else:
        error = None
    return TaskResult(value, error, time.perf_counter() - started)


class _Watchdog:
    """One thread per worker process that raises FileTimeout into a task's thread past its deadline
    (unlike SIGALRM, this works in any thread, such as a Dask worker's task thread). It is started once,
    not per task: starting a thread needs memory, which a task near the memory limit may not have."""

    def __init__(self) -> None:
        self.wake = threading.Condition()
        self.deadlines: dict[int, float] = {}
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        with self.wake:
            if self.thread is None:
                self.thread = threading.Thread(target=self._watch, name="council-tables watchdog", daemon=True)
                self.thread.start()

    def _watch(self) -> None:
        with self.wake:
            while True:
                now = time.monotonic()
                for thread, deadline in list(self.deadlines.items()):
                    if deadline <= now:
                        del self.deadlines[thread]
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread),
                                                                   ctypes.py_object(FileTimeout))
                self.wake.wait(min(self.deadlines.values(), default=now + 60) - now)

    @contextmanager
    def limit(self, seconds: float) -> Iterator[None]:
        """Raise FileTimeout in this thread once `seconds` have passed."""
        self.start()
        thread = threading.get_ident()
        with self.wake:
            self.deadlines[thread] = time.monotonic() + max(seconds, 0.0)
            self.wake.notify()
        try:
            yield
        finally:
            with self.wake:  # once disarmed under the lock, nothing more is raised into this thread
                self.deadlines.pop(thread, None)


_WATCHDOG = _Watchdog()


def prepare_worker(memory_limit_mb: int | None) -> None:
    """A local pool's worker process as it starts: it dies with its parent, and its memory is bounded."""
    die_with_parent()
    start_watchdog()
    limit_memory(memory_limit_mb)
    # One worker, one core, as pages are shared out: tesseract (OpenMP) would otherwise take every
    # core for each page it reads. Dask's workers are set so already (OMP_NUM_THREADS=1).
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def start_watchdog() -> None:
    """The thread that enforces the time limits, started before the memory limit is set."""
    _WATCHDOG.start()


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (a `kill -9` of the ingest leaves no
    worker behind, still working)."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


@dataclass
class _WorkerLimits:
    memory_mb: int | None = None  # address space a worker may take on beyond what it started with


_LIMITS = _WorkerLimits()


def limit_memory(memory_limit_mb: int | None) -> None:
    """At most `memory_limit_mb` more address space for this process than it holds now: past it an
    allocation fails with MemoryError, which fails the file being read, instead of the machine running
    out of memory. Counted from now because a forked worker starts with its parent's mappings (a large
    parent's libraries and arenas), which count against RLIMIT_AS although they cost the worker nothing."""
    if not memory_limit_mb:
        return
    limit = _address_space() + memory_limit_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    _LIMITS.memory_mb = memory_limit_mb


def memory_limit_mb() -> int | None:
    """This worker's memory allowance (--memory-limit), for the message of a file that passes it."""
    return _LIMITS.memory_mb


def _address_space() -> int:
    """Bytes of address space this process holds (Linux: /proc/self/statm's first field); 0 elsewhere."""
    try:
        return int(Path("/proc/self/statm").read_text().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0
