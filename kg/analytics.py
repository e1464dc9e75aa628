"""The entity graph as networkx, and the graph questions asked of it: stats, lookup, paths.

:func:`entity_graph` is the documented bridge for notebook users::

    from kg.graphio import load_dataset
    from kg.analytics import entity_graph
    G = entity_graph(load_dataset("graph.trig"))   # networkx.MultiDiGraph
    nx.pagerank(G)

Nodes are the entities (IRIs typed with a subclass of ``sf:Entity``, or ``sf:Quantity``);
provenance nodes, literals and SKOS concepts are left out, except record kinds (they link records of one kind).  Node attributes:
``label`` (skos:prefLabel, else the IRI's last segment), ``aliases`` (sorted list),
``type`` (most specific class, e.g. ``"Capsule"``), ``kind`` (``person``,
``organization``, ``spacecraft``, ``mission``, ``event``, ``record``, ``place``,
``quantity``), plus one attribute per literal or concept fact named after the
property (``age``, ``role``, ``time``...): a single value as is, several as a sorted
list; numbers become int/float/bool, everything else keeps its lexical form (dates too),
and a concept or unit is its last IRI segment (``astronaut``, ``DAY``).  Blank-node
entities get ids ``_:label``.
Edges run subject -> object for each object property between two entities, keyed by
the property's short name, with ``predicate`` (short name), ``property`` (full IRI) and
``sources``: sorted ``(fileName, sentence text)`` pairs from the assertions.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.errors import UsageError
from kg.vocab import PREFIXES, SF

#: Entity classes: class -> (kind, depth); the deepest class a node has names its type.
ENTITY_CLASSES: dict[URIRef, tuple[str, int]] = {
    SF.Entity: ("entity", 0),
    SF.Person: ("person", 1),
    SF.Organization: ("organization", 1),
    SF.SpaceAgency: ("organization", 2),
    SF.Spacecraft: ("spacecraft", 1),
    SF.SpaceStation: ("spacecraft", 2),
    SF.Capsule: ("spacecraft", 2),
    SF.SpaceShuttle: ("spacecraft", 2),
    SF.LaunchVehicle: ("spacecraft", 2),
    SF.Mission: ("mission", 1),
    SF.Event: ("event", 1),
    SF.Launch: ("event", 2),
    SF.Landing: ("event", 2),
    SF.Splashdown: ("event", 2),
    SF.Docking: ("event", 2),
    SF.Undocking: ("event", 2),
    SF.Handover: ("event", 2),
    SF.Spacewalk: ("event", 2),
    SF.PressConference: ("event", 2),
    SF.Record: ("record", 1),
    SF.Place: ("place", 1),
    SF.Country: ("place", 2),
    SF.Quantity: ("quantity", 1),
}
PROVENANCE_CLASSES = frozenset({SF.Article, SF.Sentence, SF.Assertion, SF.Extractor})
_RESERVED = frozenset({"label", "aliases", "type", "kind"})
#: Above this many entities betweenness is estimated from a fixed sample of sources.
BETWEENNESS_EXACT_MAX = 1500
BETWEENNESS_SAMPLE = 500


def short_name(iri: Node) -> str:
    """``sf:crewMember`` -> ``crewMember``; other known namespaces keep their prefix."""
    text = str(iri)
    sf = str(SF._NS)
    if text.startswith(sf):
        return text[len(sf) :]
    for prefix, ns in PREFIXES.items():
        if text.startswith(ns) and len(text) > len(ns):
            return f"{prefix}:{text[len(ns) :]}"
    return text


def _node_id(node: Node) -> str:
    """Networkx node id: the IRI, or ``_:label`` for a blank node."""
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def _tail(iri: Node) -> str:
    return str(iri).rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1] or str(iri)


def _python(lit: Literal) -> Any:
    value = lit.toPython()
    if isinstance(value, Decimal) and value.is_finite():
        return int(value) if value == value.to_integral_value() else float(value)
    return value if isinstance(value, (int, float, bool)) and lit.datatype is not None else str(lit)


def _first(data: Graph, s: Node, p: URIRef) -> Node | None:
    return min(data.objects(s, p), default=None)


def _sources(data: Graph) -> dict[tuple[Node, Node, Node], set[tuple[str, str]]]:
    """(s, p, o) -> {(fileName, sentence text)} from the assertions."""
    index: dict[tuple[Node, Node, Node], set[tuple[str, str]]] = defaultdict(set)
    for a in set(data.subjects(RDF.type, SF.Assertion)):
        s, p, o = (_first(data, a, q) for q in (RDF.subject, RDF.predicate, RDF.object))
        sentence = _first(data, a, SF.sentence)
        if s is None or p is None or o is None or sentence is None:
            continue
        article = _first(data, sentence, SF.article)
        file_name = _first(data, article, SF.fileName) if article is not None else None
        index[(s, p, o)].add((str(file_name or ""), str(_first(data, sentence, SF.text) or "")))
    return index


def _entities(data: Graph) -> dict[Node, tuple[str, str]]:
    """Entity node -> (kind, short type name)."""
    types: dict[Node, set[Node]] = defaultdict(set)
    for s, o in data.subject_objects(RDF.type):
        types[s].add(o)
    result = {}
    for node, classes in types.items():
        known = [c for c in classes if c in ENTITY_CLASSES]
        if known and not classes & PROVENANCE_CLASSES and isinstance(node, (URIRef, BNode)):
            best = max(known, key=lambda c: (ENTITY_CLASSES[c][1], str(c)))
            result[node] = (ENTITY_CLASSES[best][0], short_name(best))
    # What a record measures is the one concept kept: it is what links records of one kind
    # ("longest single spaceflight"), so Kelly's US record and Polyakov's world record meet.
    for kind in set(data.objects(None, SF.recordKind)):
        if isinstance(kind, URIRef):
            result[kind] = ("record-kind", "RecordKind")
    return result


def entity_graph(data: Graph) -> nx.MultiDiGraph:
    """The entities of ``data`` (Dataset or Graph) and the facts linking them, as networkx."""
    entities = _entities(data)
    sources = _sources(data)
    graph = nx.MultiDiGraph()
    edges = []
    for node in sorted(entities, key=_node_id):
        kind, type_name = entities[node]
        labels: list[str] = []
        aliases: set[str] = set()
        facts: dict[str, list[Any]] = defaultdict(list)
        for p, o in sorted(set(data.predicate_objects(node)), key=lambda po: (po[0].n3(), po[1].n3())):
            if p == RDF.type:
                continue
            if p == SKOS.prefLabel or (p == RDFS.label and isinstance(o, Literal)):
                labels.append(str(o))
            elif p == SKOS.altLabel:
                aliases.add(str(o))
            elif o in entities:
                edges.append((node, o, p, sorted(sources.get((node, p, o), ()))))
            else:
                name = short_name(p)
                name = f"{name}_" if name in _RESERVED else name
                facts[name].append(_python(o) if isinstance(o, Literal) else _tail(o))
        label = min(labels) if labels else (type_name if isinstance(node, BNode) else _tail(node).replace("_", " "))
        aliases.update(x for x in labels if x != label)
        attrs: dict[str, Any] = {"label": label, "aliases": sorted(aliases), "type": type_name, "kind": kind}
        for name, values in facts.items():
            unique = sorted(set(values), key=lambda v: (type(v).__name__, str(v)))
            attrs[name] = unique[0] if len(unique) == 1 else unique
        graph.add_node(_node_id(node), **attrs)
    for s, o, p, srcs in edges:
        name = short_name(p)
        graph.add_edge(_node_id(s), _node_id(o), key=name, predicate=name, property=str(p), sources=srcs)
    return graph


def _as_entity_graph(data: Graph | nx.MultiDiGraph) -> nx.MultiDiGraph:
    return data if isinstance(data, nx.Graph) else entity_graph(data)


# ------------------------------------------------------------------ stats


@dataclass(frozen=True)
class Ranked:
    """An entity with a score (degree or betweenness)."""

    iri: str
    label: str
    score: float


@dataclass(frozen=True)
class Stats:
    """What ``kg stats`` prints: counts, the most central entities, connected components."""

    triples: int
    graphs: int
    entities: int
    relations: int
    classes: tuple[tuple[str, int], ...]
    properties: tuple[tuple[str, int], ...]
    kinds: tuple[tuple[str, int], ...]
    top_degree: tuple[Ranked, ...]
    top_betweenness: tuple[Ranked, ...]
    components: int
    component_sizes: tuple[int, ...]
    betweenness_sample: int | None = None


def _counted(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def _top(graph: nx.Graph, scores: dict[str, float], n: int) -> tuple[Ranked, ...]:
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], graph.nodes[kv[0]]["label"].casefold(), kv[0]))
    return tuple(Ranked(iri, graph.nodes[iri]["label"], round(score, 6)) for iri, score in ranked[:n])


def stats(data: Graph, *, top: int = 10) -> Stats:
    """Counts per class and property, top-``top`` entities by degree and betweenness, components."""
    triples = set(data.triples((None, None, None)))
    named = [g for g in data.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID] if isinstance(data, Dataset) else []
    classes = Counter(short_name(o) for s, p, o in triples if p == RDF.type)
    properties = Counter(short_name(p) for _, p, _ in triples)
    graph = entity_graph(data)
    simple = nx.Graph(graph.to_undirected())
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    n = simple.number_of_nodes()
    sample = BETWEENNESS_SAMPLE if n > BETWEENNESS_EXACT_MAX else None
    between = nx.betweenness_centrality(simple, k=sample, seed=0) if n else {}
    sizes = sorted((len(c) for c in nx.connected_components(simple)), reverse=True)
    return Stats(
        triples=len(triples),
        graphs=sum(1 for g in named if len(g)),
        entities=graph.number_of_nodes(),
        relations=graph.number_of_edges(),
        classes=_counted(classes),
        properties=_counted(properties),
        kinds=_counted(Counter(k for _, k in graph.nodes(data="kind"))),
        top_degree=_top(graph, dict(simple.degree()), top),
        top_betweenness=_top(graph, between, top),
        components=len(sizes),
        component_sizes=tuple(sizes),
        betweenness_sample=sample,
    )


def render_stats_text(s: Stats) -> str:
    """Plain-text report of :class:`Stats`."""
    lines = [
        f"{s.triples} triples in {s.graphs} article graphs; {s.entities} entities, {s.relations} relations",
        "",
        "Entities by kind:",
        *(f"  {n:>7}  {k}" for k, n in s.kinds),
        "",
        "Instances per class:",
        *(f"  {n:>7}  {k}" for k, n in s.classes),
        "",
        "Triples per property:",
        *(f"  {n:>7}  {k}" for k, n in s.properties),
        "",
        "Most connected (distinct neighbours):",
        *(f"  {int(r.score):>7}  {_clean(r.label)}  <{r.iri}>" for r in s.top_degree),
    ]
    how = f", estimated from {s.betweenness_sample} sources" if s.betweenness_sample else ""
    lines += [
        "",
        f"Highest betweenness centrality{how}:",
        *(f"  {r.score:>7.4f}  {_clean(r.label)}  <{r.iri}>" for r in s.top_betweenness),
    ]
    shown = ", ".join(map(str, s.component_sizes[:10])) + (", ..." if len(s.component_sizes) > 10 else "")
    lines += ["", f"Connected components: {s.components}" + (f" (sizes {shown})" if s.components else "")]
    return "\n".join(lines) + "\n"


def _clean(text: str, limit: int = 80) -> str:
    """One line, bounded length: labels come from news text and may hold anything."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# ----------------------------------------------------------------- lookup


def find_entity(data: Graph | nx.MultiDiGraph, text: str) -> str:
    """The IRI of the one entity ``text`` names: exact IRI, label, alias, any case, or unique substring."""
    graph = _as_entity_graph(data)
    wanted = text.strip()
    for prefix, ns in PREFIXES.items():
        if wanted.startswith(f"{prefix}:") and not wanted.startswith(f"{prefix}://"):
            wanted = ns + wanted[len(prefix) + 1 :]
    if wanted in graph:
        return wanted
    names = {n: [a["label"], *a.get("aliases", [])] for n, a in graph.nodes(data=True)}
    folded = text.strip().casefold()
    steps = [
        lambda ns: ns[0] == text.strip(),
        lambda ns: text.strip() in ns[1:],
        lambda ns: any(x.casefold() == folded for x in ns),
        lambda ns: bool(folded) and any(folded in x.casefold() for x in ns),
    ]
    for matches in steps:
        found = sorted(n for n, ns in names.items() if matches(ns))
        if len(found) == 1:
            return found[0]
        if found:
            shown = "; ".join(f"{_clean(graph.nodes[n]['label'], 40)} <{n}>" for n in found[:8])
            more = f" and {len(found) - 8} more" if len(found) > 8 else ""
            raise UsageError(f"{_clean(text)!r} is ambiguous: {shown}{more}; give the IRI")
    labels = sorted({ns[0] for ns in names.values()})
    close = difflib.get_close_matches(text.strip(), labels, n=5, cutoff=0.6)
    hint = f"; did you mean {', '.join(map(repr, map(_clean, close)))}?" if close else ""
    raise UsageError(f"no entity matches {_clean(text)!r}{hint}")


# ------------------------------------------------------------------- paths


@dataclass(frozen=True)
class PathStep:
    """One fact on a path, walked from ``start`` to ``end``; ``forward`` if the triple is start -> end."""

    start: str
    start_label: str
    predicate: str
    end: str
    end_label: str
    forward: bool
    sources: tuple[tuple[str, str], ...]


#: How to read a property backwards ("X holder Y" walked from Y: "Y holds X").
INVERSE_READINGS = {
    "holder": "holds",
    "crewMember": "crew member of",
    "commander": "commander of",
    "participant": "took part in",
    "spacecraft": "flew",
    "vehicle": "vehicle in",
    "mission": "includes",
    "place": "place of",
    "agency": "agency of",
    "nationality": "nationality of",
    "operator": "operates",
    "supersedes": "superseded by",
    "setDuring": "saw",
    "handedOverBy": "handed over in",
    "handedOverTo": "took over in",
    "commandOf": "changed hands in",
    "hasQuantity": "quantity of",
}
_UNIT_WORDS = {"DAY": "days", "HR": "hours", "MI": "miles", "KiloM": "km", "GAL_US": "gallons", "NUM": ""}


def _display(attrs: dict[str, Any]) -> str:
    label = _clean(attrs.get("label", ""))
    value, unit = attrs.get("value"), attrs.get("unit")
    if attrs.get("kind") in ("record", "quantity") and isinstance(value, (str, int, float)) and str(value) not in label:
        words = _UNIT_WORDS.get(str(unit), str(unit)) if isinstance(unit, str) else ""
        return f"{label} ({value} {words})".replace(" )", ")")
    return label


def _words(predicate: str) -> str:
    out = "".join(f" {c.lower()}" if c.isupper() else c for c in predicate.split(":")[-1])
    return out.strip()


def shortest_path(data: Graph | nx.MultiDiGraph, a: str, b: str) -> list[PathStep]:
    """The shortest chain of facts between the entities ``a`` and ``b`` name, ignoring direction."""
    graph = _as_entity_graph(data)
    start, end = find_entity(graph, a), find_entity(graph, b)
    if start == end:
        raise UsageError(f"{_clean(a)!r} and {_clean(b)!r} name the same entity <{start}>")
    try:
        nodes = nx.shortest_path(graph.to_undirected(as_view=True), start, end)
    except nx.NetworkXNoPath:
        raise UsageError(
            f"no chain of facts links {_display(graph.nodes[start])!r} and "
            f"{_display(graph.nodes[end])!r}: they are in different components"
        ) from None
    return [_step(graph, u, v) for u, v in zip(nodes, nodes[1:], strict=False)]


def _step(graph: nx.MultiDiGraph, u: str, v: str) -> PathStep:
    options: list[tuple[bool, str, dict[str, Any]]] = [
        (True, k, d) for k, d in (graph.get_edge_data(u, v) or {}).items()
    ] + [(False, k, d) for k, d in (graph.get_edge_data(v, u) or {}).items()]
    forward, key, attrs = min(options, key=lambda o: (not o[2].get("sources"), not o[0], o[1]))
    return PathStep(
        u,
        _display(graph.nodes[u]),
        key,
        v,
        _display(graph.nodes[v]),
        forward,
        tuple(tuple(s) for s in attrs.get("sources", ())),
    )


def render_path(steps: Iterable[PathStep]) -> str:
    """The chain on one line, then each fact with the sentence(s) it came from."""
    steps = list(steps)
    if not steps:
        return ""
    chain = steps[0].start_label
    details = []
    for i, st in enumerate(steps, 1):
        words = _words(st.predicate)
        if st.forward:
            chain += f" — {words} → {st.end_label}"
        elif st.predicate in INVERSE_READINGS:
            chain += f" — {INVERSE_READINGS[st.predicate]} → {st.end_label}"
        else:
            chain += f" ← {words} — {st.end_label}"
        subj, obj = (st.start_label, st.end_label) if st.forward else (st.end_label, st.start_label)
        details.append(f"{i}. {subj} — {words} → {obj}")
        for file_name, sentence in st.sources[:3] or [("", "")]:
            details.append(f"     {file_name}: “{_clean(sentence, 300)}”" if sentence else "     (no source sentence)")
    return "\n".join([chain, "", *details]) + "\n"
