"""Memoisation for the text scanners: the extractors ask about the same sentence many times.

The date, time and duration scanners are pure functions of a string that return frozen matches,
and a sentence is scanned by several extractors (about twice on average).  Answers are kept
until :func:`forget` is called, which the pipeline does before each article, so the cache holds
one article's sentences and nothing learned from one article speeds up another (the build
benchmark repeats texts).  A fresh list is handed out so a caller's edits never reach the cache.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

T = TypeVar("T")

#: bound on one article's distinct texts per scanner, in case forget() is never called
CACHE_SIZE = 2048
_CLEARS: list[Callable[[], None]] = []


def per_text(scan: Callable[[str], list[T]]) -> Callable[[str], list[T]]:
    """``scan`` with its answers kept per text (non-strings pass straight through)."""
    kept = lru_cache(maxsize=CACHE_SIZE)(lambda text: tuple(scan(text)))
    _CLEARS.append(kept.cache_clear)

    @wraps(scan)
    def scan_once(text: str) -> list[T]:
        return list(kept(text)) if isinstance(text, str) else scan(text)

    return scan_once


def forget() -> None:
    """Drop every kept answer (called at the start of each article)."""
    for clear in _CLEARS:
        clear()
