"""kg: a knowledge-graph builder for human-spaceflight news.

Public API (imports are lazy so that ``import kg`` stays cheap)::

    result = kg.build(["seeds"])                 # BuildResult with .dataset (rdflib Dataset)
    table = kg.query(result.dataset, "people")   # QueryResult with .variables and .rows
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from kg.pipeline import BuildResult
    from kg.sparql import QueryResult

__all__ = ["build", "query", "__version__"]
__version__ = "0.1.0"


def build(paths: Any = ("seeds",), **options: Any) -> BuildResult:
    """Build the graph of the articles under ``paths`` (see ``kg.pipeline.build``)."""
    from kg.pipeline import build as _build

    return _build(paths, **options)


def query(dataset: Any, name_or_path: str, params: dict[str, str] | None = None) -> QueryResult:
    """Run a named query from ``queries/`` or a ``.rq`` file (see ``kg.sparql.run_query``)."""
    from kg.sparql import run_query

    return run_query(dataset, name_or_path, params or {})
