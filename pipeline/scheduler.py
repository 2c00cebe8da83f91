"""The batch's scheduler: documents cut into tasks (tasks.py), spread over an engine's workers, and each
document handed back as soon as its last task is done, whatever the order the files were given in.

- Each document starts with its triage task; one with scanned pages then gets OCR tasks and is
  triaged again with their text; a large one then gets page-range tasks, and last a task that
  assembles them in page order. A document's tasks go ahead of the other documents' (so that a
  document started is finished first, and little is held).
- A file's time is what its tasks took in the workers, added up; past `timeout_per_file` it fails.
- A task whose worker died is retried, alone (nothing else in flight), so that a file that kills its
  worker is told apart from those that were running beside it; a file whose task kills the worker
  `crash_tries` times running alone fails, and the batch goes on.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import count
from typing import Any

from .engines import LOST, Engine, default_workers, open_engine
from .model import Extraction
from .pdf import KnownPage, shown_name
from .tables.pages import PageTables
from .tasks import (
    Source,
    Survey,
    TaskResult,
    TimeBudget,
    Triage,
    finish_document,
    ocr_pages,
    open_document,
    read_page_range,
)

# A document with at most this many pages that may hold a table is read in one task; a larger one in
# ranges of at least MIN and at most MAX such pages (MAX: pdf.py reopens pdfplumber every 40 pages anyway).
WHOLE_DOCUMENT_PAGES = 10
MIN_RANGE_PAGES, MAX_RANGE_PAGES = 5, 40
MAX_OCR_PAGES = 10  # scanned pages OCR'd in one task (a page takes seconds: ranges of one page are worth it)
TICK = 0.5  # seconds between progress reports while waiting for tasks


@dataclass(frozen=True)
class BatchSettings:
    """How a batch is spread over workers, and the limits every file is read under."""

    workers: int | None = None  # worker processes (local pool or LocalCluster); default one per CPU core
    cluster: str | None = None  # None: a local process pool; 'local': a Dask LocalCluster; or 'tcp://host:8786'
    pages_per_task: int | None = None  # table pages a task reads; default spread evenly over the workers
    timeout_per_file: float = 600.0  # seconds of worker time a file may take, all its tasks together
    memory_limit_mb: int | None = 2048  # address space a worker may take on beyond what it starts with
    crash_tries: int = 2  # a file whose task kills its worker this many times (running alone) fails


@dataclass
class Progress:
    """Where the batch stands, for a progress bar: pages, and the file that has been running longest."""

    pages_done: int = 0
    pages_known: int = 0  # pages of the documents opened so far
    files_done: int = 0
    slowest: tuple[str, float] | None = None  # its name and the seconds since its first task was sent


@dataclass
class Finished:
    source: Source
    extraction: Extraction | None
    error: str | None = None


@dataclass
class _Job:
    """One document on its way through its tasks."""

    source: Source
    started: float | None = None
    spent: float = 0.0  # worker seconds, all its tasks together
    crashes: int = 0
    pages: int = 0  # its page count, once known
    counted: set[int] = field(default_factory=set)  # its pages read, as the progress counted them
    ranges: int = 0
    parts: dict[int, list[PageTables]] = field(default_factory=dict)  # by first page
    known: list[KnownPage] = field(default_factory=list)  # every page's fast text, from the triage
    over: bool = False


@dataclass
class _Task:
    job: _Job
    function: Callable[..., TaskResult]
    args: tuple
    alone: bool = False


class Scheduler:
    def __init__(self, engine: Engine, settings: BatchSettings, on_progress: Callable[[Progress], None] | None = None):
        self.engine, self.settings = engine, settings
        self.workers = engine.workers()
        self.whole = settings.pages_per_task or WHOLE_DOCUMENT_PAGES  # table pages a document read whole may have
        self.on_progress = on_progress
        self.progress = Progress()
        self.queue: deque[_Task] = deque()
        self.suspects: deque[_Task] = deque()  # tasks whose worker died, to retry one at a time
        self.running: dict[Any, _Task] = {}
        self.keys = count()

    def run(self, sources: Iterable[Source]) -> Iterator[Finished]:
        """Each document as it is done (read, or failed with its one-line reason)."""
        self.queue.extend(_Task(_Job(source), open_document, (self.whole,)) for source in sources)
        while self.queue or self.suspects or self.running:
            yield from self._fill()
            for future in self.engine.wait(self.running, TICK):
                task = self.running.pop(future)
                yield from self._finished(task, self.engine.outcome(future))
            self._report()

    def _fill(self) -> Iterator[Finished]:
        if self.suspects:
            if not self.running:
                task = self.suspects.popleft()
                task.alone = True
                yield from self._submit(task)
            return
        while self.queue and len(self.running) < 2 * self.workers:
            yield from self._submit(self.queue.popleft())

    def _submit(self, task: _Task) -> Iterator[Finished]:
        job = task.job
        if job.over:
            return
        left = self.settings.timeout_per_file - job.spent
        if left <= 0:
            yield self._fail(job, f"{job.source.name}: passed the time limit of {self.settings.timeout_per_file:g} s "
                                  "per file (--timeout-per-file)")
            return
        job.started = job.started or time.monotonic()
        key = f"{task.function.__name__}-{shown_name(job.source.name)}-{next(self.keys)}"  # Dask's keys are UTF-8
        budget = TimeBudget(left, self.settings.timeout_per_file)
        self.running[self.engine.submit(task.function, job.source, budget, *task.args, key=key)] = task

    def _finished(self, task: _Task, result: TaskResult | BaseException | None) -> Iterator[Finished]:
        job = task.job
        if job.over:  # another of its tasks failed already
            return
        if isinstance(result, BaseException):
            yield self._fail(job, self._reason(job, result))
            return
        if result is LOST:
            job.crashes += task.alone
            if job.crashes >= self.settings.crash_tries:
                yield self._fail(job, self._crashed(job))
            else:
                task.alone = False
                self.suspects.append(task)
            return
        job.spent += result.seconds
        if result.error:
            yield self._fail(job, result.error)
        elif isinstance(result.value, Extraction):
            self._known(job, result.value.page_count)
            self._done(job, range(1, job.pages + 1))
            yield self._over(job, Finished(job.source, result.value))
        elif isinstance(result.value, Survey):
            self._surveyed(job, result.value)
        elif isinstance(result.value, Triage):
            self._triaged(job, result.value)
        elif task.function is ocr_pages:
            self._scanned(job, result.value)
        else:
            self._read(job, task, result.value)

    def _crashed(self, job: _Job) -> str:
        # Past its address-space limit, a worker may die inside C code (pdfium, zlib) rather than raise
        # MemoryError: the limit is then the likely cause, and worth naming.
        limit = self.settings.memory_limit_mb
        hint = f" (a worker past its {limit} MB --memory-limit ends so)" if limit else ""
        return f"{job.source.name}: the process reading it crashed {job.crashes} times{hint}"

    def _reason(self, job: _Job, error: BaseException) -> str:
        if isinstance(error, MemoryError):
            return (f"{job.source.name}: needs more than the {self.settings.memory_limit_mb} MB a worker may hold "
                    "(--memory-limit)")
        return f"{job.source.name}: its result did not come back ({type(error).__name__}: {str(error)[:120]})"

    def _surveyed(self, job: _Job, survey: Survey) -> None:
        """OCR tasks for the scanned pages, ahead of every other document's tasks; then the triage again."""
        self._known(job, survey.page_count)
        ranges = self._ranges(survey.scanned, 1, MAX_OCR_PAGES)
        job.ranges, job.known = len(ranges), survey.known
        self.queue.extendleft(reversed([_Task(job, ocr_pages, (pages,)) for pages in ranges]))

    def _scanned(self, job: _Job, pages: list[KnownPage]) -> None:
        for page in pages:
            job.known[page.values["number"] - 1] = page
        self._done(job, [page.values["number"] for page in pages])
        job.ranges -= 1
        if not job.ranges:
            self.queue.appendleft(_Task(job, open_document, (self.whole, job.known)))

    def _triaged(self, job: _Job, triage: Triage) -> None:
        """Page-range tasks for the pages to parse, ahead of every other document's tasks."""
        self._known(job, triage.page_count)
        self._done(job, set(range(1, triage.page_count + 1)).difference(triage.pages))
        ranges = self._ranges(triage.pages, MIN_RANGE_PAGES, MAX_RANGE_PAGES)
        job.ranges, job.known = len(ranges), triage.known
        tables_on = set(triage.table_pages)
        tasks = [_Task(job, read_page_range, (pages, [triage.known[number - 1] for number in pages],
                                              [number for number in pages if number in tables_on]))
                 for pages in ranges]
        self.queue.extendleft(reversed(tasks))

    def _read(self, job: _Job, task: _Task, pages: list[PageTables]) -> None:
        job.parts[task.args[0][0]] = pages
        self._done(job, task.args[0])
        if len(job.parts) == job.ranges:
            in_order = [page for first in sorted(job.parts) for page in job.parts[first]]
            self.queue.appendleft(_Task(job, finish_document, (in_order, job.known)))
            job.parts, job.known = {}, []

    def _ranges(self, pages: list[int], least: int, most: int) -> list[list[int]]:
        """`pages` cut into ranges of `least` to `most` pages: two ranges a worker (so that a slow range
        is made up for), in as many rounds as `most` needs."""
        tasks = 2 * self.workers * math.ceil(len(pages) / (2 * self.workers * most))
        size = self.settings.pages_per_task or max(least, math.ceil(len(pages) / tasks))
        return [pages[start:start + size] for start in range(0, len(pages), size)]

    def _known(self, job: _Job, pages: int) -> None:
        if not job.pages:
            job.pages = pages
            self.progress.pages_known += pages

    def _done(self, job: _Job, pages: Iterable[int]) -> None:
        """These pages are read: counted once each, however many tasks they went through."""
        new = set(pages).difference(job.counted)
        job.counted.update(new)
        self.progress.pages_done += len(new)
        self._report()

    def _fail(self, job: _Job, reason: str) -> Finished:
        self._done(job, range(1, job.pages + 1))
        return self._over(job, Finished(job.source, None, reason))

    def _over(self, job: _Job, finished: Finished) -> Finished:
        job.over = True
        self.progress.files_done += 1
        return finished

    def _report(self) -> None:
        now = time.monotonic()
        started = [(task.job.started, task.job.source.name) for task in self.running.values() if task.job.started]
        first, name = min(started, default=(None, None))
        self.progress.slowest = (name, now - first) if first is not None else None
        if self.on_progress:
            self.on_progress(self.progress)


def read_documents(sources: list[Source], settings: BatchSettings,
                   on_progress: Callable[[Progress], None] | None = None) -> Iterator[Finished]:
    """Each document read (or failed) as soon as it is, on the engine the settings name."""
    if not sources:
        return
    engine = open_engine(settings.cluster, settings.workers or default_workers(), settings.memory_limit_mb,
                         settings.crash_tries)
    try:
        yield from Scheduler(engine, settings, on_progress).run(sources)
    finally:
        engine.close()
