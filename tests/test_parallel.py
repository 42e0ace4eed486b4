"""ordered_map: answers in input order, bounded, and never a hang when a worker or the reader
goes away."""

from __future__ import annotations

import functools
import multiprocessing
import operator
import os

import pytest

from domainguard._parallel import WorkerLost, ordered_map


def test_answers_in_input_order() -> None:
    items = list(range(200))
    doubled = ordered_map(functools.partial(operator.mul, 2), items, jobs=2, window=3)
    assert list(doubled) == [2 * item for item in items]


def test_no_items_no_answers() -> None:
    assert list(ordered_map(abs, [], jobs=2, window=4)) == []


def test_an_error_in_the_work_is_raised_here() -> None:
    answers = ordered_map(int, ["1", "2", "three", "4"], jobs=2, window=4)
    assert next(answers) == 1
    assert next(answers) == 2
    with pytest.raises(ValueError, match="three"):
        next(answers)


def test_a_dead_worker_is_reported() -> None:
    # os._exit(3) ends the worker's process without an answer
    answers = ordered_map(os._exit, [3], jobs=1, window=1)
    with pytest.raises(WorkerLost, match="exit code 3"):
        list(answers)


def test_stopping_early_ends_the_workers() -> None:
    answers = ordered_map(functools.partial(operator.mul, "x" * 100_000), range(1, 50),
                          jobs=2, window=4)
    assert len(next(answers)) == 100_000
    assert len(multiprocessing.active_children()) == 2
    answers.close()  # the caller stops reading: the workers are killed, not waited for
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize(("jobs", "window"), [(0, 1), (1, 0)])
def test_bad_sizes(jobs: int, window: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        next(ordered_map(abs, [1], jobs=jobs, window=window))


def test_a_worker_that_dies_while_idle_is_reported() -> None:
    # the next item sent to a dead worker must not pass for the caller's own broken pipe
    answers = ordered_map(abs, [-1, -2, -3], jobs=1, window=1)
    assert next(answers) == 1  # the worker has answered and waits for the next item
    (worker,) = multiprocessing.active_children()
    worker.kill()
    worker.join()
    with pytest.raises(WorkerLost, match="killed by SIGKILL"):
        next(answers)
