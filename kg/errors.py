"""The project's exceptions.  The CLI maps each to an exit code and prints its message.

``one_line`` turns a parser's error into the one short line these messages quote.
"""

from __future__ import annotations

import re


class KGError(Exception):
    """Base class: a problem the user can act on (never a bug)."""

    exit_code = 2


class InputError(KGError):
    """An input article could not be read (empty, binary, too large, undecodable)."""

    exit_code = 1

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class GraphReadError(KGError):
    """A graph file could not be read or parsed."""

    exit_code = 2


class OutputError(KGError):
    """An output file could not be written."""

    exit_code = 2


class QueryError(KGError):
    """A SPARQL query is unknown, malformed or uses a forbidden feature."""

    exit_code = 2


class ShapesError(KGError):
    """A shapes graph could not be read or is not valid SHACL."""

    exit_code = 2


class UsageError(KGError):
    """Arguments that do not fit together (unknown format, bad parameter)."""

    exit_code = 2


def one_line(exc: object, limit: int = 240) -> str:
    """An error as one short line, starting with 'line N:' when the parser says where."""
    text = " ".join(str(exc).split())
    where = re.search(r"\bat line (\d+)(?: of <[^>]*>)?:?\s*", text)
    if where:
        text = f"line {where.group(1)}: " + text[: where.start()] + text[where.end() :]
    return text[:limit]
