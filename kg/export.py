"""Export a graph as Turtle, N-Triples, TriG, N-Quads, JSON-LD, GraphML or GEXF.

Every format is byte-for-byte reproducible: the same input gives the same bytes
whatever the hash seed or the order triples were added in.  rdflib's Turtle/TriG
writers sort subjects, predicates and objects but keep named graphs in a set, and
its N-Triples/N-Quads writers do not sort at all; so Turtle/TriG get sorted input and
graphs in IRI order, N-Triples/N-Quads rows are sorted here, and JSON-LD is written
sorted by ``kg.jsonld``.  Blank nodes, if any, get canonical labels (rdflib.compare)
so that their names are stable too.  Turtle/TriG keep every literal's lexical form
(rdflib would print "340"^^xsd:decimal as 340.0, which does not round-trip).

A few private rdflib helpers are used (row writers, the canonicaliser): rdflib is
pinned in pyproject.toml and the tests cover them.

Turtle, N-Triples, JSON-LD, GraphML and GEXF hold the union of the article graphs;
TriG and N-Quads keep one named graph per article.  Provenance survives both ways
(it is carried by the assertions, see docs/data-model.md).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import _TripleCanonicalizer
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import NamespaceManager
from rdflib.plugins.serializers.nquads import _nq_row
from rdflib.plugins.serializers.nt import _nt_row
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

from kg import jsonld
from kg.errors import UsageError
from kg.graphio import EXPORT_FORMATS_BY_SUFFIX, format_for, write_atomic
from kg.vocab import PREFIXES

#: Format names accepted by :func:`serialize` / :func:`export`, in the order shown to users.
FORMATS: tuple[str, ...] = ("turtle", "nt", "trig", "nquads", "json-ld", "graphml", "gexf")
#: Other spellings users type for the same formats.
ALIASES: dict[str, str] = {
    "ttl": "turtle",
    "n-triples": "nt",
    "ntriples": "nt",
    "nq": "nquads",
    "n-quads": "nquads",
    "jsonld": "json-ld",
}

Quad = tuple[Node, Node, Node, Node]
_SEP = "\x1f"  # joins predicate and graph name while canonicalising blank nodes


def normalize_format(fmt: str) -> str:
    """The canonical format name for ``fmt``, or UsageError listing the known ones."""
    name = ALIASES.get(fmt.strip().lower(), fmt.strip().lower())
    if name not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return name


def export(dataset: Graph, path: str | Path, *, fmt: str | None = None) -> None:
    """Write ``dataset`` to ``path`` atomically; the format comes from ``fmt`` or the extension."""
    name = normalize_format(fmt) if fmt else format_for(path, suffixes=EXPORT_FORMATS_BY_SUFFIX)
    data = serialize(dataset, name)
    write_atomic(path, lambda tmp: tmp.write_bytes(data))


def serialize(dataset: Graph, fmt: str) -> bytes:
    """``dataset`` (a Dataset, or a plain Graph) in format ``fmt``, as UTF-8 bytes."""
    name = normalize_format(fmt)
    if name in ("graphml", "gexf"):
        return _NETWORK_WRITERS[name](dataset)
    return _WRITERS[name](dataset_quads(dataset))


# ------------------------------------------------------------------ input


def dataset_quads(data: Graph) -> set[Quad]:
    """All (s, p, o, graph name) of ``data`` (Dataset or Graph), blank nodes relabelled canonically."""
    if isinstance(data, Dataset) or getattr(data, "context_aware", False):
        quads = {(s, p, o, g.identifier if isinstance(g, Graph) else g) for s, p, o, g in data.quads()}
    else:
        quads = {(s, p, o, DATASET_DEFAULT_GRAPH_ID) for s, p, o in data}
    if any(isinstance(t, BNode) for q in quads for t in q[:3]):
        quads = _canonical_bnodes(quads)
    return quads


def sorted_quads(data: Graph) -> list[Quad]:
    """:func:`dataset_quads` in a fixed order (graph, subject, predicate, object)."""
    return sorted(dataset_quads(data), key=lambda q: (q[3].n3(), q[0].n3(), q[1].n3(), q[2].n3()))


def _canonical_bnodes(quads: set[Quad]) -> set[Quad]:
    """Relabel blank nodes from the dataset's structure only (graph names folded into predicates)."""
    folded = Graph()
    for s, p, o, g in quads:
        name = f"_:{g}" if isinstance(g, BNode) else str(g)  # no IRI starts with "_:"
        folded.add((s, URIRef(f"{p}{_SEP}{name}"), o))
    result = set()
    for s, fp, o in _TripleCanonicalizer(folded).canonical_triples():
        p, g = str(fp).rsplit(_SEP, 1)
        graph_name = BNode(g[2:]) if g.startswith("_:") else URIRef(g)
        result.add((s, URIRef(p), o, graph_name))
    return result


def _union(quads: Iterable[Quad]) -> list[tuple[Node, Node, Node]]:
    """The distinct triples, sorted (rdflib's Turtle writer breaks ties by insertion order)."""
    return sorted({q[:3] for q in quads}, key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3()))


def _bound(graph: Graph) -> Graph:
    """Bind the project's prefixes (rdflib's writers only print the ones they use)."""
    graph.namespace_manager = NamespaceManager(graph, bind_namespaces="core")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


# ---------------------------------------------------------------- writers


class _ExactLiterals:
    """Keep literals' lexical forms: rdflib prints "340"^^xsd:decimal as 340.0 otherwise."""

    def label(self, node: Node, position: int) -> str:
        text = super().label(node, position)  # type: ignore[misc]
        if isinstance(node, Literal) and not text.startswith('"') and text != str(node):
            return node._literal_n3(use_plain=False, qname_callback=lambda dt: self.get_pname(dt, False))  # type: ignore[attr-defined]
        return text


class _Turtle(_ExactLiterals, TurtleSerializer):
    pass


class _TriG(_ExactLiterals, TrigSerializer):
    """TriG with named graphs in IRI order (rdflib keeps them in a set)."""

    def __init__(self, store: Graph) -> None:
        super().__init__(store)
        self.contexts.sort(key=lambda c: (c.identifier != DATASET_DEFAULT_GRAPH_ID, c.identifier.n3()))


def _run(serializer: Any) -> bytes:
    buf = io.BytesIO()
    serializer.serialize(buf, encoding="utf-8")
    return buf.getvalue()


def _turtle(quads: set[Quad]) -> bytes:
    graph = _bound(Graph())
    for triple in _union(quads):
        graph.add(triple)
    return _run(_Turtle(graph))


def _dataset(quads: Iterable[Quad], ds: Dataset) -> Dataset:
    for s, p, o, g in quads:
        (ds if g == DATASET_DEFAULT_GRAPH_ID else ds.graph(g)).add((s, p, o))
    return ds


def _trig(quads: set[Quad]) -> bytes:
    ordered = sorted(quads, key=lambda q: (q[3].n3(), q[0].n3(), q[1].n3(), q[2].n3()))
    return _run(_TriG(_dataset(ordered, _bound(Dataset()))))


def _sorted_lines(lines: Iterable[str]) -> bytes:
    # rdflib's row writers (the ones its nt/nquads serializers use) escape newlines, so one row = one line
    return "".join(sorted(set(lines))).encode("utf-8")


def _nt(quads: set[Quad]) -> bytes:
    return _sorted_lines(_nt_row(q[:3]) for q in quads)


def _nquads(quads: set[Quad]) -> bytes:
    return _sorted_lines(_nq_row(q[:3], q[3]) for q in quads)


def _jsonld(quads: set[Quad]) -> bytes:
    return jsonld.dumps(jsonld.to_jsonld(_union(quads))).encode("utf-8")


def _flat_entity_graph(data: Graph) -> nx.MultiDiGraph:
    """The entity graph with every attribute a string (GraphML and GEXF hold scalars only)."""
    from kg.analytics import entity_graph  # local: only these two formats need analytics

    if any(isinstance(t, BNode) for triple in data.triples((None, None, None)) for t in triple):
        data = _dataset(sorted_quads(data), Dataset(default_union=True))  # stable blank node names
    source = entity_graph(data)
    flat = nx.MultiDiGraph()
    for node, attrs in source.nodes(data=True):
        flat.add_node(node, **{k: _flat(v) for k, v in attrs.items()})
    for u, v, key, attrs in source.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: _flat(val) for k, val in attrs.items()})
    return flat


def _flat(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _graphml(data: Graph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(_flat_entity_graph(data), buf, encoding="utf-8")
    return buf.getvalue()


def _gexf(data: Graph) -> bytes:
    buf = io.BytesIO()
    graph = _flat_entity_graph(data)
    for _, _, attrs in graph.edges(data=True):
        attrs["label"] = attrs["predicate"]
    nx.write_gexf(graph, buf, encoding="utf-8")
    # networkx stamps today's date into <meta>; drop it so the bytes only depend on the graph
    return re.sub(rb' lastmodifieddate="[^"]*"', b"", buf.getvalue(), count=1)


_WRITERS: dict[str, Callable[[set[Quad]], bytes]] = {
    "turtle": _turtle,
    "nt": _nt,
    "trig": _trig,
    "nquads": _nquads,
    "json-ld": _jsonld,
}
_NETWORK_WRITERS: dict[str, Callable[[Graph], bytes]] = {"graphml": _graphml, "gexf": _gexf}
