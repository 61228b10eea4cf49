"""Engines map the per-article function over batches of articles, in order.

Every engine yields each batch's results in corpus order, with a bounded number
of batches in flight, so memory stays flat and every engine writes the same
tables. ``serial`` runs in this process; ``processes`` uses a local process
pool; ``dask`` uses dask.distributed (a LocalCluster, or an existing cluster at
``scheduler``). A worker that dies costs only the article that killed it: its
batch is retried one article at a time and the culprit is reported as an error.
"""
from __future__ import annotations

import gc
import os
import pickle
import sys
from collections import deque
from contextlib import contextmanager
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from .codebook import load_codebook
from .errors import UserError
from .records import Article

ENGINES = ("serial", "processes", "dask")
WORKER_DIED = "worker died while processing this article"


@lru_cache(maxsize=4)
def _codebook(path: str | None, expected_hash: str):
    """The run's codebook in a worker, or None when the files changed since the run began."""
    cb = load_codebook(path)
    return cb if cb.hash == expected_hash else None


@contextmanager
def _fewer_collections(gen0: int = 50_000):
    """Annotating allocates hundreds of thousands of short-lived tuples per batch and frees
    them all; at Python's default (a collection every 700 allocations) the collector costs
    about 5% of a run and finds nothing. Restored afterwards."""
    old = gc.get_threshold()
    gc.set_threshold(max(gen0, old[0]), old[1], old[2])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def process_batch(articles: list[Article], codebook_path: str | None, codebook_hash: str) -> list[dict]:
    """Annotate a batch; one result dict per article (see ``pipeline.process_article``)."""
    from . import pipeline

    cb = _codebook(codebook_path, codebook_hash)
    if cb is None:  # never mix two codebooks in one set of tables
        return [{"doc_id": a.doc_id, "source": a.source,
                 "error": "the codebook files changed during the run; run again to use the new codebook"} for a in articles]
    with _fewer_collections():
        return pipeline.process_articles(articles, cb)


def process_packed(batch: bytes, codebook_path: str | None, codebook_hash: str) -> bytes:
    """``process_batch`` on a pickled batch, returning pickled results. Dask serialises a
    list item by item (100 articles in, 100 result dicts out); one pickle each way is one
    frame, and costs about a tenth of the workers' CPU less."""
    return pickle.dumps(process_batch(pickle.loads(batch), codebook_path, codebook_hash), protocol=pickle.HIGHEST_PROTOCOL)


class Engine:
    name = "serial"
    task_size = 50   # articles per task: small enough that workers finish together, big enough to amortise

    def __init__(self, codebook_path: str | None, codebook_hash: str, workers: int = 1):
        self.codebook_path, self.codebook_hash, self.workers = codebook_path, codebook_hash, max(1, workers)

    def imap(self, batches: Iterable[list[Article]], meanwhile: Callable[[], None] | None = None
             ) -> Iterator[list[dict]]:
        """Results of each batch, in order. ``meanwhile`` is called once, after the first
        batches have been handed to the workers: set-up work for this process that would
        otherwise wait idle for their results (serial: before the first batch)."""
        if meanwhile:
            meanwhile()
        for batch in batches:
            yield process_batch(batch, self.codebook_path, self.codebook_hash)

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _WindowedEngine(Engine):
    """Submit up to ``window`` batches ahead; yield results in submission order."""

    window_per_worker = 2

    def submit(self, batch: list[Article]):
        raise NotImplementedError

    def result(self, future) -> list[dict]:
        return future.result()

    def recover(self) -> None:
        """Make the engine usable again after a worker died."""

    def imap(self, batches: Iterable[list[Article]], meanwhile: Callable[[], None] | None = None
             ) -> Iterator[list[dict]]:
        pending: deque = deque()
        it = iter(batches)
        window = self.window_per_worker * self.workers
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                batch = next(it, None)
                if batch is None:
                    exhausted = True
                    break
                pending.append((batch, self.submit(batch)))
            if meanwhile:
                meanwhile()
                meanwhile = None
            if not pending:
                return
            batch, fut = pending.popleft()
            try:
                yield self.result(fut)
            except Exception:  # a worker died (or the pool broke): retry this batch article by article
                self.recover()
                resubmit = [b for b, _ in pending]
                pending.clear()
                yield self._one_by_one(batch)
                for b in resubmit:
                    pending.append((b, self.submit(b)))

    def _one_by_one(self, batch: list[Article]) -> list[dict]:
        out = []
        for a in batch:
            try:
                out.extend(self.result(self.submit([a])))
            except Exception as err:
                self.recover()
                out.append({"doc_id": a.doc_id, "source": a.source, "error": f"{WORKER_DIED} ({type(err).__name__})"})
        return out


class ProcessEngine(_WindowedEngine):
    name = "processes"

    def __init__(self, codebook_path, codebook_hash, workers=2):
        super().__init__(codebook_path, codebook_hash, workers)
        self._pool = self._new_pool()

    def _new_pool(self):
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=self.workers)

    def submit(self, batch):
        return self._pool.submit(process_batch, batch, self.codebook_path, self.codebook_hash)

    def recover(self):
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()

    def close(self):
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine(_WindowedEngine):
    name = "dask"
    # A Dask task costs ~20 ms to schedule and fetch: bigger tasks, more of them in flight
    # (20,000 articles, 2 workers: 49.8 s with 50 x 2, 41.5 s with 500 x 3; serial 77 s). With
    # forked workers 100 is best: case study 4.5 s (250: 5.1 s), 20,000 articles 43.4 s (250: 45.4 s).
    task_size = 100
    window_per_worker = 3

    def __init__(self, codebook_path, codebook_hash, workers=2, scheduler: str | None = None):
        super().__init__(codebook_path, codebook_hash, workers)
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise UserError("the dask engine needs dask.distributed: pip install 'dask[distributed]'") from None
        self._cluster = None
        if scheduler:
            try:
                self._client = Client(scheduler, timeout="20s")
            except OSError as err:
                raise UserError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
            self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        else:
            import dask

            # No memory limit: Dask's memory manager polls each worker and competes with the task
            # for the GIL (20,000 articles, two workers: worker CPU 83 s -> 75 s without it); the
            # run bounds its memory itself. Its statistical profiler is of no use here either.
            # On Linux the workers are forked: a spawned worker imports Python, Dask and this
            # package afresh (two workers: 1.0 s of CPU against 0.24 s forked). Forking a process
            # with threads (the cluster's event loop) is safe only while no other thread holds a
            # lock; set DASK_DISTRIBUTED__WORKER__MULTIPROCESSING_METHOD=spawn to opt out.
            method = os.environ.get("DASK_DISTRIBUTED__WORKER__MULTIPROCESSING_METHOD") or (
                "fork" if sys.platform == "linux" else "spawn")
            with dask.config.set({"distributed.worker.profile.enabled": False,
                                  "distributed.worker.multiprocessing-method": method}):
                self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                             dashboard_address=None, silence_logs=40, memory_limit=0)
            self._client = Client(self._cluster)

    def submit(self, batch):
        # pure=False: identical batches (e.g. a replicated corpus) still run, each once
        packed = pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL)
        return self._client.submit(process_packed, packed, self.codebook_path, self.codebook_hash, pure=False)

    def result(self, future) -> list[dict]:
        return pickle.loads(future.result())

    def close(self):
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(name: str, codebook_path: str | None, codebook_hash: str, workers: int = 1,
                scheduler: str | None = None) -> Engine:
    if name not in ENGINES:
        raise UserError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
    if workers < 1:
        raise UserError(f"--workers must be at least 1, got {workers}")
    if name == "serial":
        return Engine(codebook_path, codebook_hash, 1)
    if name == "processes":
        return ProcessEngine(codebook_path, codebook_hash, workers or os.cpu_count() or 1)
    return DaskEngine(codebook_path, codebook_hash, workers, scheduler)

