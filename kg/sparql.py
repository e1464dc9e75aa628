"""Named or file queries over a built graph, with safe parameter binding.

Only the given graph is ever queried: a query with ``FROM``/``FROM NAMED`` or ``SERVICE``
is refused (rdflib would otherwise read local files or fetch URLs), updates such as
``LOAD`` are not queries and fail to parse, and parameters are bound as RDF terms through
``initBindings`` — never pasted into the query text.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from kg.errors import QueryError, UsageError
from kg.resources import QUERIES_DIR
from kg.vocab import PREFIXES

FORMATS = ("table", "csv", "tsv", "json")


@dataclass(frozen=True)
class QueryResult:
    """Result columns and rows; values are Python values (str, int, Decimal, date, ...) or None."""

    variables: list[str]
    rows: list[dict[str, object]]


def named_queries() -> dict[str, Path]:
    """The shipped queries by name (file stem)."""
    return {p.stem: p for p in sorted(QUERIES_DIR.glob("*.rq"))}


def load_query_text(name_or_path: str) -> str:
    """Text of a shipped query by name, or of a .rq file."""
    known = named_queries()
    if name_or_path in known:
        return known[name_or_path].read_text(encoding="utf-8")
    path = Path(name_or_path)
    if path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read query: {exc}") from exc
    raise QueryError(f"unknown query {name_or_path!r}: use one of {', '.join(known)} or a .rq file")


def _walk(node, seen=None):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _walk(value)


def prepare(text: str) -> Query:
    """Parse a query and refuse anything that would read outside the given graph."""
    try:
        q = prepareQuery(text, initNs=PREFIXES)
    except Exception as exc:  # noqa: BLE001 - pyparsing errors of many kinds
        raise QueryError(f"not a valid SPARQL query: {' '.join(str(exc).split())[:200]}") from exc
    if getattr(q.algebra, "datasetClause", None):
        raise QueryError("FROM / FROM NAMED are not allowed: only the given graph is queried")
    for node in _walk(q.algebra):
        if getattr(node, "name", "") == "ServiceGraphPattern":
            raise QueryError("SERVICE is not allowed: only the given graph is queried")
    if q.algebra.name not in ("SelectQuery", "AskQuery", "ConstructQuery", "DescribeQuery"):
        raise QueryError("only SELECT, ASK, CONSTRUCT and DESCRIBE queries are supported")
    return q


def _term(graph: Graph, name: str, value: str):
    if value.startswith(("http://", "https://", "urn:")):
        return URIRef(value)
    if name == "subject":
        return _lookup(graph, value)
    return Literal(value)


def _lookup(graph: Graph, text: str) -> URIRef:
    """An entity by label or alias, case-insensitive; ambiguous or unknown names fail."""
    from rdflib.namespace import SKOS

    low = text.strip().lower()
    hits = sorted(
        {s for p in (SKOS.prefLabel, SKOS.altLabel) for s, o in graph.subject_objects(p) if str(o).lower() == low}
    )
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise UsageError(f"no entity is named {text!r}")
    raise UsageError(f"{text!r} names several entities: {', '.join(hits)}")


def run_query(dataset: Graph | Dataset, name_or_path: str, params: dict[str, str]) -> QueryResult:
    """Run a query with parameters bound as RDF terms."""
    q = prepare(load_query_text(name_or_path))
    bindings = {name: _term(dataset, name, value) for name, value in params.items()}
    try:
        result = dataset.query(q, initBindings=bindings)
    except Exception as exc:  # noqa: BLE001 - evaluation errors
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:200]}") from exc
    if result.type == "ASK":
        return QueryResult(["ask"], [{"ask": bool(result.askAnswer)}])
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        rows = [{"subject": str(s), "predicate": str(p), "object": _py(o)} for s, p, o in sorted(result.graph)]
        return QueryResult(["subject", "predicate", "object"], rows)
    variables = [str(v) for v in result.vars]
    rows = [{v: _py(row[i]) for i, v in enumerate(variables)} for row in result]
    return QueryResult(variables, rows)


def _py(term) -> object:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def render(result: QueryResult, fmt: str = "table") -> str:
    """Text of a result as an aligned table, CSV, TSV or JSON (header = variable names)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "json":
        rows = [{k: _text(v) if v is not None else None for k, v in row.items()} for row in result.rows]
        return json.dumps({"variables": result.variables, "rows": rows}, ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([_text(row[v]).replace("\t", " ").replace("\n", " ") for v in result.variables])
        return out.getvalue()
    cells = [[_text(row[v]).replace("\n", " ") for v in result.variables] for row in result.rows]
    widths = [max([len(v)] + [len(c[i]) for c in cells]) for i, v in enumerate(result.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.variables, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(cells)} rows)")
    return "\n".join(lines) + "\n"
