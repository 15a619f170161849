"""Where the per-tensor jobs run: in this process, in a local process pool, or on Ray.

Every engine runs at most ``workers`` jobs at once, because the memory budget is split by that
number; results come back as they finish so the progress bar moves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class EngineError(RuntimeError):
    """An engine that cannot start (e.g. Ray not installed)."""


class Engine(Protocol):
    """Runs one function over many small task objects; used as a context manager."""

    def map_unordered(self, fn: Callable[[T], R], tasks: Sequence[T]) -> Iterator[R]: ...

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc: object) -> None: ...


# BLAS libraries read these when they load: one thread per worker, because the pool already uses
# every core it was given, and threads spinning on a busy machine made a run 15 times slower.
_ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


class SerialEngine:
    """Runs jobs one after another in this process (one worker: no start-up cost)."""

    def __enter__(self) -> SerialEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def map_unordered(self, fn: Callable[[T], R], tasks: Sequence[T]) -> Iterator[R]:
        for task in tasks:
            yield fn(task)


class ProcessEngine:
    """A local pool of spawned processes (spawn, not fork: forking after a library started threads can hang)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._saved: dict[str, str | None] = {}

    def __enter__(self) -> ProcessEngine:
        ctx = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(self.workers, mp_context=ctx)
        # Workers start on the first submit and inherit the environment then (see _ONE_THREAD).
        self._saved = {k: os.environ.get(k) for k in _ONE_THREAD}
        os.environ.update(_ONE_THREAD)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        for key, value in self._saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value

    def map_unordered(self, fn: Callable[[T], R], tasks: Sequence[T]) -> Iterator[R]:
        if self._pool is None:
            raise EngineError("ProcessEngine used outside its 'with' block")
        pending: set[Future[R]] = set()
        queue = list(reversed(tasks))
        # Keep only as many jobs in flight as there are workers, plus one queued each, so that
        # finished results leave memory as soon as they are consumed.
        while queue or pending:
            while queue and len(pending) < 2 * self.workers:
                pending.add(self._pool.submit(fn, queue.pop()))
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                yield fut.result()


class RayEngine:
    """Ray tasks with one CPU each.

    Uses a Ray instance this process already joined; else the cluster named by RAY_ADDRESS; else
    starts a local one with ``workers`` CPUs. Only an instance started here is shut down here.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.address = os.environ.get("RAY_ADDRESS") or None
        self._started = False
        self._ray: Any = None

    def __enter__(self) -> RayEngine:
        try:
            import ray
        except ImportError as exc:
            raise EngineError("the ray engine needs Ray: pip install 'idprobe[ray]'") from exc
        self._ray = ray
        if not ray.is_initialized():
            # Workers import harness from wherever this process found it.
            root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
            env = {"env_vars": {"PYTHONPATH": root, **_ONE_THREAD}}
            kwargs: dict[str, Any] = {"include_dashboard": False, "runtime_env": env, "log_to_driver": False}
            if self.address:
                ray.init(address=self.address, **kwargs)
            else:
                ray.init(num_cpus=self.workers, **kwargs)
            self._started = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self._started:
            self._ray.shutdown()
            self._started = False

    def map_unordered(self, fn: Callable[[T], R], tasks: Sequence[T]) -> Iterator[R]:
        ray = self._ray
        remote = ray.remote(num_cpus=1, max_retries=0)(fn)
        queue = list(reversed(tasks))
        pending: list[Any] = []
        while queue or pending:
            while queue and len(pending) < 2 * self.workers:
                pending.append(remote.remote(queue.pop()))
            done, pending = ray.wait(pending, num_returns=1)
            for ref in done:
                yield ray.get(ref)


def make_engine(kind: str, workers: int) -> SerialEngine | ProcessEngine | RayEngine:
    """The engine for ``--engine``/``--workers``; one process worker runs in this process."""
    if kind == "ray":
        return RayEngine(workers)
    if kind == "process":
        return SerialEngine() if workers == 1 else ProcessEngine(workers)
    raise EngineError(f"unknown engine {kind!r} (process or ray)")
