"""The forked worker pool parallel runs use on Linux: every item's result
comes back once, a worker's exception reaches the caller, and a worker that
dies loses only the item it was on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lint.run import forkpool

pytestmark = pytest.mark.skipif(not forkpool.AVAILABLE, reason="the fork pool is for Linux")


def test_every_item_comes_back_once_with_its_own_result():
    items = [f"item {i}" for i in range(3000)]  # more than one batch of indices
    results = dict(forkpool.imap_unordered(str.upper, items, jobs=2))
    assert results == {i: item.upper() for i, item in enumerate(items)}


def test_an_exception_in_a_worker_is_raised_in_the_caller():
    def fail_on_seven(item):
        if item == 7:
            raise ValueError("seven is not allowed")
        return item

    with pytest.raises(ValueError, match="seven is not allowed"):
        list(forkpool.imap_unordered(fail_on_seven, list(range(20)), jobs=2))


def test_an_exception_that_cannot_be_pickled_still_tells_what_happened():
    class Local(Exception):  # defined in a function: pickle cannot find it again
        pass

    def fail(item):
        raise Local(f"broke on {item}")

    with pytest.raises(RuntimeError, match="Local: broke on"):
        list(forkpool.imap_unordered(fail, [1, 2], jobs=2))


def test_a_dying_worker_loses_only_the_item_it_was_on():
    def die_on_five(item):
        if item == 5:
            os._exit(9)  # as if the kernel had killed it
        return item * 2

    results = dict(forkpool.imap_unordered(die_on_five, list(range(40)), jobs=2))
    assert 5 not in results
    assert results == {i: i * 2 for i in range(40) if i != 5}


def _children() -> set[int]:
    """This process's child processes, zombies included (from /proc)."""
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended while listed
        if int(fields[1]) == os.getpid():
            children.add(int(stat.parent.name))
    return children


def test_no_worker_is_left_behind():
    before = _children()
    assert len(dict(forkpool.imap_unordered(abs, list(range(10)), jobs=2))) == 10
    assert _children() <= before  # every worker ended and was reaped
