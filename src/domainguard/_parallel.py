"""Work spread over processes, answers in input order: what ``scan --jobs`` runs on.

Each worker has a pipe of its own for work and another for answers, and holds at most one item
at a time. No lock is shared between processes, so a worker stopped at any moment (the reader
of the output gone, Ctrl-C, a crash) can hold up nothing: when the caller stops reading, the
workers are killed and the pipes closed, however the loop ended. ``multiprocessing.Pool``
shares one answer queue and its lock: a worker terminated while writing a big answer keeps that
lock, and ``Pool.terminate()`` then waits on it for ever. A worker that dies is reported as
``WorkerLost``; an exception raised by the work is raised again here.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

__all__ = ["WorkerLost", "ordered_map"]

_In = TypeVar("_In")
_Out = TypeVar("_Out")
_NO_ITEM: Final = object()


class WorkerLost(RuntimeError):
    """A worker process ended before it answered (killed, out of memory, a crash)."""


class _Failure:
    """An exception raised by the work, sent back in place of an answer."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


def _serve(work: Callable[[Any], Any], inbox: Connection, outbox: Connection) -> None:
    # the caller decides when work stops (and kills the workers then): Ctrl-C in a terminal
    # reaches every process of the group, and a worker's traceback would only be noise (one
    # still loading its modules can print one: the signal comes before this line)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            item = inbox.recv()
        except EOFError:  # the caller is gone
            return
        try:
            answer = work(item)
        except Exception as e:  # sent back for the caller to raise
            answer = _Failure(e)
        outbox.send(answer)


class _Worker:
    __slots__ = ("answers", "number", "process", "tasks")

    def __init__(self, process: Any, tasks: Connection, answers: Connection) -> None:
        self.process = process
        self.tasks = tasks
        self.answers = answers
        self.number = -1  # the item it holds


def ordered_map(work: Callable[[_In], _Out], items: Iterable[_In], jobs: int,
                window: int) -> Generator[_Out, None, None]:
    """``work(item)`` for each item in ``jobs`` spawned processes, yielded in input order.

    ``work`` and the items must pickle (``work`` is sent once to each worker). At most
    ``window`` items are out at a time, answered or not, so memory stays bounded on any input.
    """
    if jobs < 1 or window < 1:
        raise ValueError("jobs and window must be at least 1")
    import multiprocessing  # here: its import takes longer than a CLI's other imports

    context = multiprocessing.get_context("spawn")
    workers: list[_Worker] = []
    try:
        for _ in range(jobs):
            workers.append(_start(context, work))
        yield from _ordered(workers, iter(items), window)
    finally:
        for worker in workers:
            if worker.process.is_alive():
                worker.process.kill()
        for worker in workers:
            worker.process.join()
            worker.tasks.close()
            worker.answers.close()


def _start(context: Any, work: Callable[[Any], Any]) -> _Worker:
    task_end, tasks = context.Pipe(duplex=False)
    answers, answer_end = context.Pipe(duplex=False)
    process = context.Process(target=_serve, args=(work, task_end, answer_end), daemon=True)
    process.start()
    # only the worker holds these ends now: its death is an EOF on the answers
    task_end.close()
    answer_end.close()
    return _Worker(process, tasks, answers)


def _ordered(workers: list[_Worker], items: Iterator[_In], window: int
             ) -> Generator[Any, None, None]:
    from multiprocessing.connection import wait

    idle = list(reversed(workers))
    busy: dict[Connection, _Worker] = {}
    done: dict[int, Any] = {}
    sent = given = 0  # items handed out, answers yielded
    more = True
    while True:
        while more and idle and sent - given < window:
            item = next(items, _NO_ITEM)
            if item is _NO_ITEM:
                more = False
                break
            worker = idle.pop()
            try:
                # an idle worker waits in recv(), so this send cannot block for long
                worker.tasks.send(item)
            except OSError:  # it died while idle (a BrokenPipeError, not the output's)
                raise _lost(worker) from None
            worker.number = sent
            busy[worker.answers] = worker
            sent += 1
        if given in done:
            answer = done.pop(given)
            given += 1
            if isinstance(answer, _Failure):
                raise answer.error
            yield answer
            continue
        if not busy:
            return
        for ready in wait(list(busy)):
            worker = busy.pop(cast("Connection", ready))  # wait() returns what it was given
            try:
                done[worker.number] = worker.answers.recv()
            except (EOFError, OSError):  # OSError: the pipe closed in the middle of an answer
                raise _lost(worker) from None
            idle.append(worker)


def _lost(worker: _Worker) -> WorkerLost:
    worker.process.join(1)
    return WorkerLost(f"a worker process ended before it answered "
                      f"({_ending(worker.process.exitcode)})")


def _ending(code: int | None) -> str:
    if code is None:
        return "how is unknown"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"
