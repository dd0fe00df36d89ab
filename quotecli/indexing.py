"""Index a stream of articles: extraction spread over processes, one writer.

The articles are cut into batches. Each batch loses the texts already indexed
(checked by hash before any extraction), goes to a worker process for
extraction (and, for HTML pages, for finding the article in the page), and
comes back to the one writer in this process, which stores it in one
transaction. Only a few batches are in flight at a time, so memory stays flat
however big the archive; and since every committed batch is complete, an
interrupted run leaves a consistent index that the next run continues.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import import_module
from itertools import chain, islice

from quotecli.documents import HtmlPage, content_hash
from quotecli.errors import InputError
from quotecli.model import Article
from quotecli.store import ADDED, DUPLICATE, REPLACED, UNCHANGED, Prepared, Store, prepare
from quotecli.trace import with_fingerprints

# Articles per batch: per transaction and per piece of work sent to a worker.
# Big enough that commits and inter-process messages cost little, small enough
# that an interrupted run loses under a second of work.
BATCH_SIZE = 64
# A batch is cut short when its first article has waited this long (seconds),
# so articles trickling through a pipe are committed as they come, and Ctrl-C
# loses at most this much of them.
MAX_BATCH_WAIT = 1.0
# Batches queued per worker beyond the one it is working on.
_QUEUED_PER_WORKER = 2

Item = Article | HtmlPage


@dataclass
class IndexSummary:
    """What an index run did (so far, while it runs)."""

    added: int = 0
    unchanged: int = 0
    quotes: int = 0
    warnings: tuple[str, ...] = ()
    replaced: int = 0
    skipped: int = 0
    articles: int = field(default=0, compare=False)
    # The same text as an article added earlier in this run (stored once).
    duplicates: int = 0


def default_jobs() -> int:
    """Worker processes to use: one per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@contextmanager
def _heap_frozen() -> Iterator[None]:
    """Keep the collector off the objects that exist when indexing starts.

    Those (the loaded program, the engine's word lists) live as long as the
    run, yet every full collection would walk them again: about 5% of the
    extraction's time. In forked workers it matters twice: a collection writes
    to every inherited object, copying each page the parent shares with them.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _load_engine() -> None:
    """Load the engine's passes now (they load on first use) and keep the collector off them."""
    import_module("quotecli.extract.pipeline")
    gc.freeze()


@_heap_frozen()
def index_articles(
    store: Store,
    articles: Iterable[Item],
    on_article: Callable[[Article, bool], None] | None = None,
    *,
    jobs: int = 1,
    batch_size: int = BATCH_SIZE,
    on_batch: Callable[[IndexSummary], None] | None = None,
    warn: Callable[[str], None] | None = None,
    slow_input: bool = False,
) -> IndexSummary:
    """Extract and store every article; return what was added, replaced and left alone.

    Unchanged texts are skipped before extraction. With ``jobs`` > 1 and more
    than one batch of input, extraction runs in that many worker processes.
    ``on_article(article, added)`` is called after each article is committed,
    ``on_batch(summary)`` after each batch; problems that cost an article go
    to ``warn`` (else into the summary's warnings). ``slow_input`` says the
    input may pause (a pipe): workers are then started at once, since reading
    ahead to see whether they would pay off could wait on the pipe.
    """
    summary = IndexSummary()
    warnings: list[str] = []
    say = warn or warnings.append
    items = iter(articles)
    head = [] if slow_input else list(islice(items, 2 * batch_size))
    # Workers pay off from the second batch on; they are started before the
    # reading thread, because forking a process that runs threads is unsafe.
    many = slow_input or len(head) > batch_size
    pool = _pool(jobs) if jobs > 1 and many else None
    if pool is None:
        _load_engine()
    incoming = _Prefetch(chain(head, items), batch_size)
    # Articles added by this run: their text met again is a duplicate, not unchanged.
    added_ids: set[int] = set()
    in_flight: deque[tuple[list[Item], Future | list]] = deque()

    def write(items: list[Item], done: Future | list) -> None:
        results = _named(items, done.result()) if isinstance(done, Future) else done
        ready: list[tuple[Article, Prepared]] = []
        for item, (converted, prepared, problem) in zip(items, results, strict=True):
            if problem is not None:
                say(problem)
                summary.skipped += 1
                continue
            ready.append((converted or item, prepared))
        outcomes = store.write_batch(ready)
        for (article, prepared), (article_id, outcome) in zip(ready, outcomes, strict=True):
            if outcome == UNCHANGED and article_id in added_ids:
                outcome = DUPLICATE
            if outcome == ADDED:
                added_ids.add(article_id)
            summary.added += outcome == ADDED
            summary.replaced += outcome == REPLACED
            summary.unchanged += outcome == UNCHANGED
            summary.duplicates += outcome == DUPLICATE
            stored = outcome in (ADDED, REPLACED)
            if stored:
                summary.quotes += len(prepared.quotes)
            if on_article is not None:
                on_article(article, stored)
        if on_batch is not None:
            on_batch(summary)

    def write_ready(limit: int) -> None:
        # Write what is ready as soon as it is; wait only when too much is queued.
        while in_flight and (len(in_flight) > limit or _ready(in_flight[0][1])):
            write(*in_flight.popleft())

    finished = False
    try:
        while True:
            try:
                batch = incoming.get()
            except queue.Empty:  # the input is slow: meanwhile, commit what is done
                write_ready(limit=len(in_flight))
                continue
            if batch is None:
                break
            summary.articles += len(batch)
            for item in batch:
                if isinstance(item, Article):
                    for warning in item.warnings:
                        say(warning)
            todo = _not_yet_indexed(store, batch, summary, on_article, added_ids)
            if pool is not None:
                # The last batch is shared out, so that no worker sits idle while
                # another extracts it alone; each share is still written in order.
                for share in _shares(todo, jobs) if incoming.ended else [todo]:
                    sent = pool.submit(extract_work, [_work(item) for item in share])
                    in_flight.append((share, sent))
            else:
                in_flight.append((todo, extract_batch(todo)))
            write_ready(limit=jobs * (1 + _QUEUED_PER_WORKER) if pool is not None else 0)
        write_ready(limit=0)
        finished = True
    finally:
        incoming.close()
        if pool is not None:
            if not finished:
                # Interrupted: stop the workers now instead of waiting for their
                # batches (lost anyway).
                for process in list((getattr(pool, "_processes", None) or {}).values()):
                    process.terminate()
            # Always wait: a pool's manager thread still running at exit races the
            # interpreter's own shutdown of it over a closed pipe (a traceback on
            # stderr). After a clean run every future is done, and after an
            # interruption the workers are gone, so the wait is short.
            pool.shutdown(wait=True, cancel_futures=not finished)
    summary.warnings = tuple(warnings)
    return summary


def _shares(items: list[Item], count: int) -> list[list[Item]]:
    """The items in at most ``count`` runs of about equal length, in order."""
    size = -(-len(items) // count) or 1
    return [items[i : i + size] for i in range(0, len(items), size)] or [items]


def _ready(done: Future | list) -> bool:
    return not isinstance(done, Future) or done.done()


class _Prefetch:
    """Batches of articles read in a background thread.

    Reading (parsing JSON, decoding files) overlaps with writing, and when the
    input is slow (a pipe from another program) the writer still commits what
    the workers have finished instead of waiting for the next batch to fill;
    a batch whose first article has waited MAX_BATCH_WAIT goes out unfilled.
    """

    POLL = 0.1  # seconds between checks for finished work while the input is slow

    def __init__(self, items: Iterator[Item], size: int, depth: int = 2) -> None:
        self._size = size
        self._queue: queue.Queue = queue.Queue(maxsize=size * depth)
        self._closed = threading.Event()
        self._pending: list[Item] = []
        self._deadline = 0.0
        self._ended = False
        self._thread = threading.Thread(
            target=self._read, args=(items,), name="quotecli-reader", daemon=True
        )
        self._thread.start()

    def _read(self, items: Iterator[Item]) -> None:
        try:
            for item in items:
                if not self._put(("item", item)):
                    return
            self._put(("end", None))
        except BaseException as exc:  # handed to the writer's thread, which raises it
            self._put(("error", exc))

    def _put(self, message: tuple[str, object]) -> bool:
        while not self._closed.is_set():
            try:
                self._queue.put(message, timeout=self.POLL)
                return True
            except queue.Full:
                continue
        return False

    def get(self) -> list[Item] | None:
        """The next batch, None at the end; queue.Empty when none is ready within POLL seconds."""
        while len(self._pending) < self._size and not self._ended:
            wait = self.POLL
            if self._pending:
                wait = min(wait, self._deadline - time.monotonic())
                if wait <= 0:
                    break
            try:
                kind, value = self._queue.get(timeout=wait)
            except queue.Empty:
                if self._pending and time.monotonic() >= self._deadline:
                    break
                raise
            if kind == "error":
                raise value  # type: ignore[misc]
            if kind == "end":
                self._ended = True
            else:
                if not self._pending:
                    self._deadline = time.monotonic() + MAX_BATCH_WAIT
                self._pending.append(value)  # type: ignore[arg-type]
        if not self._pending:
            return None
        batch, self._pending = self._pending, []
        return batch

    @property
    def ended(self) -> bool:
        """Whether the input has ended: the batch last returned was the last one."""
        return self._ended and not self._pending

    def close(self) -> None:
        self._closed.set()


def _not_yet_indexed(
    store: Store,
    batch: list[Item],
    summary: IndexSummary,
    on_article: Callable[[Article, bool], None] | None,
    added_ids: set[int],
) -> list[Item]:
    """The batch without the articles whose text is already in the index."""
    digests = [content_hash(i.text) if isinstance(i, Article) else None for i in batch]
    known = store.known_texts([d for d in digests if d is not None])
    todo: list[Item] = []
    stale: list[tuple[str, str]] = []
    for item, digest in zip(batch, digests, strict=True):
        if digest is None or digest not in known:
            todo.append(item)
            continue
        article_id, key = known[digest]
        if article_id in added_ids:
            summary.duplicates += 1
        else:
            summary.unchanged += 1
        if key != item.key and item.key is not None:
            stale.append((item.key, digest))
        if on_article is not None and isinstance(item, Article):
            on_article(item, False)
    # A file now holding another file's text no longer says what it said before.
    store.retire(stale)
    return todo


Extracted = tuple[Article | None, Prepared | None, str | None]
# What crosses to a worker for one item: an article's text alone (its other
# fields stay with the writer, which has them), or a page to find the article in.
Work = str | HtmlPage


def extract_batch(items: list[Item]) -> list[Extracted]:
    """Extract each article: (the article if it was converted here, extraction, problem).

    The extraction comes prepared for the writer (``store.prepare``): speakers
    settled within the article and quote rows made where the work is spread
    over processes leave the one writer only what needs the whole index. One
    article the engine cannot handle is skipped with a problem, not fatal.
    """
    return _named(items, extract_work([_work(item) for item in items]))


def _work(item: Item) -> Work:
    return item.text if isinstance(item, Article) else item


def _named(items: list[Item], results: list[Extracted]) -> list[Extracted]:
    """Results of ``extract_work`` with each article's problem told with its name."""
    return [
        (converted, prepared, f"skipped {item.source}: {problem}")
        if problem is not None and isinstance(item, Article)
        else (converted, prepared, problem)
        for item, (converted, prepared, problem) in zip(items, results, strict=True)
    ]


def extract_work(works: list[Work]) -> list[Extracted]:
    """``extract_batch`` as the worker processes run it, on what crosses to them.

    It returns only what the writer lacks: the extraction, and the article
    itself only for an HTML page converted here. A text's problem comes without
    the article's name, which only the writer has (``_named`` adds it).
    """
    import quotecli.extract as engine  # looked up per call, so tests can replace it

    results: list[Extracted] = []
    for work in works:
        converted = None
        try:
            if isinstance(work, HtmlPage):
                converted = work.to_article()
            text = converted.text if converted is not None else work
            assert isinstance(text, str)
            extraction = with_fingerprints(engine.extract(text))
            results.append((converted, prepare(text, extraction), None))
        except InputError as exc:
            results.append((None, None, f"skipped {exc}"))
        except Exception as exc:
            failed = f"extraction failed ({exc!r})"
            if isinstance(work, HtmlPage):
                failed = f"skipped {work.source}: {failed}"
            results.append((None, None, failed))
    return results


def _pool(jobs: int) -> ProcessPoolExecutor:
    """Worker processes, all started now.

    On Linux they are forked (elsewhere spawned: forking is unsafe on macOS).
    Each loads the engine itself, all at once and while this process goes on
    reading, instead of this process loading it before the fork: the writer
    never extracts, and the start of a run is the part no worker shortens.
    """
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=multiprocessing.get_context(method), initializer=_worker_init
    )
    # The first task makes the pool fork every worker now, before any thread
    # runs; there is no need to wait for it.
    pool.submit(int)
    return pool


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group; only the writer should act on
    # it (rolling back its batch), not every worker with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    _load_engine()


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the indexing process dies, even by SIGKILL."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # elsewhere an orphaned worker exits when its queue closes
