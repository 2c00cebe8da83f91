"""Where tasks run: a pool of local worker processes (the default), or a Dask distributed cluster.

Both give the scheduler the same four things: submit a task, wait for the first ones done, the
outcome of one (its TaskResult, or LOST when the worker process died under it), and close. Each
worker process dies with its parent and holds at most the memory limit (tasks.prepare_worker).
"""

from __future__ import annotations

import concurrent.futures
import os
from collections.abc import Callable, Iterable
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from .errors import UsageError
from .tasks import TaskResult, prepare_worker

LOST = None  # the outcome of a task whose worker died under it


class Engine(Protocol):
    def workers(self) -> int:
        """How many tasks can run at once (worker processes, or the cluster's worker threads)."""

    def submit(self, function: Callable[..., TaskResult], *args: Any, key: str) -> Any: ...

    def wait(self, futures: Iterable[Any], timeout: float) -> set[Any]:
        """Those of `futures` done within `timeout` seconds (none when none is)."""

    def outcome(self, future: Any) -> TaskResult | BaseException | None:
        """The task's result; or LOST when its worker died; or the error that kept its result from coming
        back (its guard catches everything inside it, but not, say, memory running out as it is sent)."""

    def close(self) -> None: ...


class ProcessEngine:
    """A local process pool. When a worker dies the pool is broken: every task in flight is lost, and
    the next submit starts a new pool (the scheduler then retries the lost tasks one at a time)."""

    def __init__(self, workers: int, memory_limit_mb: int | None):
        self.size = workers
        self.memory_limit_mb = memory_limit_mb
        self.pool = self._new_pool()

    def _new_pool(self) -> concurrent.futures.ProcessPoolExecutor:
        return concurrent.futures.ProcessPoolExecutor(self.size, initializer=prepare_worker,
                                                      initargs=(self.memory_limit_mb,))

    def workers(self) -> int:
        return self.size

    def submit(self, function: Callable[..., TaskResult], *args: Any, key: str) -> Any:
        try:
            return self.pool.submit(function, *args)
        except BrokenProcessPool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new_pool()
            return self.pool.submit(function, *args)

    def wait(self, futures: Iterable[Any], timeout: float) -> set[Any]:
        return concurrent.futures.wait(list(futures), timeout, concurrent.futures.FIRST_COMPLETED).done

    def outcome(self, future: Any) -> TaskResult | BaseException | None:
        try:
            return future.result()
        except BrokenProcessPool:
            return LOST
        except Exception as error:  # noqa: BLE001 - the file's failure, named by the scheduler
            return error

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def open_engine(cluster: str | None, workers: int, memory_limit_mb: int | None, crash_tries: int) -> Engine:
    """A local process pool of `workers` (cluster None), a LocalCluster of `workers` ('local'), or the
    Dask scheduler at the address given."""
    if cluster is None:
        return ProcessEngine(workers, memory_limit_mb)
    try:
        from .cluster import DaskEngine
    except ImportError:
        raise UsageError("--cluster needs Dask: pip install 'council-tables[cluster]'") from None
    return DaskEngine(cluster, workers, memory_limit_mb, crash_tries)


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)
