"""Dask distributed as the engine (the `cluster` extra): `ingest --cluster local` or `--cluster tcp://HOST:8786`.

The client (the ingest process) submits the tasks and alone writes to the database; workers only
read PDFs, at the path the client names (see README, "Many machines"). Dask retries a task whose
worker died on another worker, up to the scheduler's `distributed.scheduler.allowed-failures`; past
that the task is lost (KilledWorker) and the scheduler of the batch takes it from there. A worker
process already exits when its nanny goes (Dask's own parent-alive pipe); the plugin below adds the
memory limit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import dask
from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin, wait

from .engines import LOST
from .errors import UsageError
from .tasks import TaskResult, limit_memory, start_watchdog


class WorkerSetup(WorkerPlugin):
    """Run in every worker process as it starts (restarted ones included): the time and memory limits."""

    def __init__(self, memory_limit_mb: int | None):
        self.memory_limit_mb = memory_limit_mb

    def setup(self, worker: Any) -> None:
        start_watchdog()
        limit_memory(self.memory_limit_mb)


class DaskEngine:
    """Tasks sent to the Dask scheduler at `address`, or to a LocalCluster of `workers` single-threaded
    worker processes started here ('local')."""

    def __init__(self, address: str, workers: int, memory_limit_mb: int | None, crash_tries: int):
        self.cluster = None
        if address == "local":
            # the profiler samples the task thread's stack every 10 ms: a real cost on pure-Python parsing
            with dask.config.set({"distributed.scheduler.allowed-failures": crash_tries,
                                  "distributed.worker.profile.enabled": False}):
                # memory_limit=0: Dask's own memory manager off; the address-space limit bounds a worker instead
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            memory_limit=0, dashboard_address=None)
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(address, timeout="20s")
            except OSError as error:
                raise UsageError(f"cannot reach the Dask scheduler at {address} ({error})") from None
        self.client.register_plugin(WorkerSetup(memory_limit_mb), name="council-tables-worker")

    def workers(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def submit(self, function: Callable[..., TaskResult], *args: Any, key: str) -> Any:
        return self.client.submit(function, *args, key=key, pure=False)

    def wait(self, futures: Iterable[Any], timeout: float) -> set[Any]:
        try:
            return wait(list(futures), timeout=timeout, return_when="FIRST_COMPLETED").done
        except TimeoutError:
            return set()

    def outcome(self, future: Any) -> TaskResult | BaseException | None:
        if future.status == "finished":
            return future.result()
        error = future.exception()
        return LOST if isinstance(error, KilledWorker) else error

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
