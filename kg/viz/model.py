"""The entity graph as the visualisations see it: nodes, edges, literal facts and their sources.

Built straight from the RDF (see docs/data-model.md) so that the page can show, for every fact,
the sentence and article it came from.  Provenance nodes (articles, sentences, assertions,
extractors) are left out; IRIs that are not entities (SKOS concepts such as ``role:astronaut``,
QUDT units) become literal-like facts of the entity that points to them.  Everything is sorted,
so the same dataset always gives the same model.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, BNode, Literal, URIRef
from rdflib.namespace import OWL, SKOS
from rdflib.term import Node

from kg.errors import UsageError
from kg.vocab import ID, SF


@dataclass(frozen=True)
class TypeStyle:
    """How one entity type is drawn, shared by the HTML page and the static picture."""

    name: str
    label: str
    colour: str
    shape: str  # cytoscape node shape
    marker: str  # matplotlib marker


#: Entity types in legend order; ``other`` catches anything the ontology does not name.
TYPE_STYLES: tuple[TypeStyle, ...] = (
    TypeStyle("person", "person", "#1f77b4", "ellipse", "o"),
    TypeStyle("mission", "mission", "#d62728", "diamond", "D"),
    TypeStyle("spacecraft", "spacecraft", "#2ca02c", "triangle", "^"),
    TypeStyle("record", "record", "#e6a800", "star", "*"),
    TypeStyle("event", "event", "#9467bd", "round-rectangle", "s"),
    TypeStyle("place", "place", "#8c564b", "hexagon", "h"),
    TypeStyle("agency", "agency / organization", "#17becf", "rectangle", "p"),
    TypeStyle("quantity", "quantity", "#e377c2", "tag", "v"),
    TypeStyle("other", "other", "#7f7f7f", "ellipse", "."),
)
TYPE_INDEX: dict[str, int] = {t.name: i for i, t in enumerate(TYPE_STYLES)}

_EVENTS = (
    "Event",
    "Launch",
    "Landing",
    "Splashdown",
    "Docking",
    "Undocking",
    "Handover",
    "Spacewalk",
    "PressConference",
)
_CATEGORY_BY_CLASS: dict[URIRef, str] = {
    SF.Person: "person",
    SF.Mission: "mission",
    **{
        getattr(SF, c): "spacecraft" for c in ("Spacecraft", "SpaceStation", "Capsule", "SpaceShuttle", "LaunchVehicle")
    },
    SF.Record: "record",
    **{getattr(SF, c): "event" for c in _EVENTS},
    SF.Place: "place",
    SF.Country: "place",
    SF.Organization: "agency",
    SF.SpaceAgency: "agency",
    SF.Quantity: "quantity",
}
#: Generic classes: a more specific type wins when naming an entity's kind.
_GENERIC = {SF.Entity, SF.Event, SF.Spacecraft, SF.Place, SF.Organization}
_PROVENANCE_CLASSES = {SF.Article, SF.Sentence, SF.Assertion, SF.Extractor}
_PROVENANCE_PREFIXES = (f"{ID}article/", f"{ID}extractor/")
#: Vocabularies whose instances are terms, not entities (concepts, ontology classes).
_TERM_NAMESPACES = (str(SKOS), str(OWL), str(RDFS), str(RDF))
_PRED_NAMES = {RDF.type: "type", SKOS.prefLabel: "label", SKOS.altLabel: "also known as", RDFS.label: "label"}


#: source, target, predicate index, sentence indices, article indices (when no sentence is known).
Edge = tuple[int, int, int, list[int], list[int]]
#: node, predicate index, value, sentence indices, article indices (when no sentence is known).
Fact = tuple[int, int, str, list[int], list[int]]


@dataclass
class VizNode:
    """One entity: its IRI, display label, type category, most specific class and aliases."""

    iri: str
    label: str
    type: str
    kind: str
    alts: list[str] = field(default_factory=list)
    degree: int = 0


@dataclass
class VizModel:
    """Nodes (sorted by IRI), edges and literal facts; sources are indices into ``sentences``."""

    nodes: list[VizNode]
    edges: list[Edge]
    facts: list[Fact]
    predicates: list[str]
    sentences: list[tuple[int, str]]  # article index, text
    articles: list[str]

    def index_of(self) -> dict[str, int]:
        """Node index by IRI."""
        return {n.iri: i for i, n in enumerate(self.nodes)}


def local_name(term: Node) -> str:
    """The readable tail of an IRI: 'https://…/role/flight_engineer' -> 'flight engineer'."""
    text = str(term).rstrip("/#")
    tail = text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return tail.replace("_", " ") or text


def _quads(dataset: object) -> Iterator[tuple[Node, Node, Node, Node | None]]:
    quads = getattr(dataset, "quads", None)
    if quads is not None:
        for s, p, o, g in quads((None, None, None, None)):
            yield s, p, o, getattr(g, "identifier", g)
    else:  # a plain rdflib Graph
        for s, p, o in dataset.triples((None, None, None)):  # type: ignore[attr-defined]
            yield s, p, o, None


def build_model(dataset: object) -> VizModel:
    """Read a Dataset (or Graph) into the sorted entity model the viewers draw."""
    graphs: dict[tuple[Node, Node, Node], set[Node]] = defaultdict(set)
    for s, p, o, g in _quads(dataset):
        graphs[(s, p, o)].add(g)
    triples = set(graphs)
    types: dict[Node, set[Node]] = defaultdict(set)
    for s, p, o in triples:
        if p == RDF.type:
            types[s].add(o)
    sources = _sources(triples, types, graphs)
    entities = sorted(_entities(triples, types), key=str)
    index = {e: i for i, e in enumerate(entities)}
    nodes = [VizNode(str(e), "", *_category(types.get(e, set()))) for e in entities]

    predicates = sorted({p for s, p, _o in triples if s in index}, key=lambda p: (_pred_name(p), str(p)))
    pred_index = {p: i for i, p in enumerate(predicates)}
    sentence_index = {s: i for i, s in enumerate(sources.sentence_order)}
    labels: dict[int, list[str]] = defaultdict(list)
    edges: list[Edge] = []
    facts: list[Fact] = []
    for s, p, o in triples:
        i = index.get(s)
        if i is None or isinstance(o, BNode):
            continue
        cites = sorted({sentence_index[x] for x in sources.by_triple.get((s, p, o), ())})
        arts = (
            [] if cites else sorted({sources.article_index[a] for a in graphs[(s, p, o)] if a in sources.article_index})
        )
        if p in (SKOS.prefLabel, RDFS.label):
            labels[i].append(str(o))
        elif p == SKOS.altLabel:
            nodes[i].alts.append(str(o))
        if o in index and p != RDF.type:
            edges.append((i, index[o], pred_index[p], cites, arts))
        else:
            value = str(o) if isinstance(o, Literal) else local_name(o)
            facts.append((i, pred_index[p], value, cites, arts))
    for i, node in enumerate(nodes):
        node.label = min(labels[i]) if labels.get(i) else local_name(URIRef(node.iri))
        node.alts = sorted(set(node.alts) - {node.label})
    edges.sort()
    facts.sort()
    for s_i, t_i, *_rest in edges:
        nodes[s_i].degree += 1
        nodes[t_i].degree += 1
    return VizModel(
        nodes,
        edges,
        facts,
        [_pred_name(p) for p in predicates],
        sources.sentences(sentence_index),
        sources.articles,
    )


@dataclass
class _Sources:
    by_triple: dict[tuple[Node, Node, Node], set[Node]]
    sentence_order: list[Node]
    text: dict[Node, str]
    article_of: dict[Node, int]
    articles: list[str]
    article_index: dict[Node, int]  # article IRI -> index into ``articles``

    def sentences(self, index: dict[Node, int]) -> list[tuple[int, str]]:
        return [(self.article_of.get(s, -1), self.text.get(s, "")) for s in sorted(index, key=index.get)]


def _sources(
    triples: set[tuple[Node, Node, Node]],
    types: dict[Node, set[Node]],
    graphs: dict[tuple[Node, Node, Node], set[Node]],
) -> _Sources:
    """Index the assertions: fact triple -> sentences, sentence -> text and article file name."""
    parts: dict[Node, dict[Node, Node]] = defaultdict(dict)
    sentence_parts: dict[Node, dict[Node, Node]] = defaultdict(dict)
    file_names: dict[Node, str] = {}
    wanted = {RDF.subject, RDF.predicate, RDF.object, SF.sentence}
    for s, p, o in triples:
        if p in wanted and SF.Assertion in types.get(s, ()):
            parts[s][p] = o
        elif p in (SF.text, SF.article, SF.index):
            sentence_parts[s][p] = o
        elif p == SF.fileName:
            file_names[s] = str(o)
    by_triple: dict[tuple[Node, Node, Node], set[Node]] = defaultdict(set)
    for a in parts.values():
        if len(a) == 4:
            by_triple[(a[RDF.subject], a[RDF.predicate], a[RDF.object])].add(a[SF.sentence])
    used = {s for group in by_triple.values() for s in group}
    article_iris = {a for a in (sentence_parts[s].get(SF.article) for s in used) if a is not None}
    article_iris |= {g for gs in graphs.values() for g in gs if SF.Article in types.get(g, ())}
    article_names = {a: file_names.get(a, local_name(a)) for a in article_iris}
    articles = sorted(set(article_names.values()))
    name_index = {name: i for i, name in enumerate(articles)}

    def order(s: Node) -> tuple[str, int, str]:
        art = sentence_parts[s].get(SF.article)
        idx = sentence_parts[s].get(SF.index)
        number = int(idx) if isinstance(idx, Literal) and str(idx).isdigit() else -1
        return (article_names.get(art, "") if art is not None else "", number, str(s))

    sentence_order = sorted(used, key=order)
    return _Sources(
        by_triple,
        sentence_order,
        {s: str(sentence_parts[s].get(SF.text, "")) for s in used},
        {s: name_index[article_names[a]] for s in used if (a := sentence_parts[s].get(SF.article)) is not None},
        articles,
        {a: name_index[name] for a, name in article_names.items()},
    )


def _entities(triples: set[tuple[Node, Node, Node]], types: dict[Node, set[Node]]) -> set[Node]:
    """IRIs that are entities: described subjects and minted objects, minus provenance and terms."""
    candidates = {s for s, _p, _o in triples if isinstance(s, URIRef)}
    candidates |= {o for _s, p, o in triples if isinstance(o, URIRef) and str(o).startswith(str(ID)) and p != RDF.type}
    out = set()
    for c in candidates:
        ts = types.get(c, set())
        if ts & _PROVENANCE_CLASSES or str(c).startswith(_PROVENANCE_PREFIXES):
            continue
        if ts and all(str(t).startswith(_TERM_NAMESPACES) for t in ts):
            continue
        if not ts and not str(c).startswith(str(ID)):
            continue  # an untyped foreign IRI (a unit, a concept): a value, not an entity
        out.add(c)
    return out


def _category(types: set[Node]) -> tuple[str, str]:
    """(type category, most specific class name) for an entity's rdf:types."""
    known = sorted((t for t in types if t in _CATEGORY_BY_CLASS), key=lambda t: (t in _GENERIC, str(t)))
    if known:
        return _CATEGORY_BY_CLASS[known[0]], local_name(known[0])
    other = sorted(str(t) for t in types)
    return "other", local_name(URIRef(other[0])) if other else "entity"


def _pred_name(p: Node) -> str:
    return _PRED_NAMES.get(p, local_name(p))


def find_node(model: VizModel, name: str) -> int:
    """Index of the entity called ``name`` (IRI, label or alias, case-insensitive); UsageError if none."""
    wanted = name.strip().casefold()
    ranked: list[tuple[int, int, str, int]] = []
    for i, n in enumerate(model.nodes):
        if n.iri == name:
            return i
        if n.label.casefold() == wanted:
            ranked.append((0, -n.degree, n.iri, i))
        elif any(a.casefold() == wanted for a in n.alts):
            ranked.append((1, -n.degree, n.iri, i))
    if not ranked:
        raise UsageError(f"no entity named {name!r} in the graph")
    return min(ranked)[3]


def neighbourhood(model: VizModel, start: int, hops: int) -> list[int]:
    """Node indices within ``hops`` edges of ``start`` (either direction), nearest first."""
    adjacent: dict[int, set[int]] = defaultdict(set)
    for s, t, *_rest in model.edges:
        adjacent[s].add(t)
        adjacent[t].add(s)
    seen = {start: 0}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        if seen[here] >= hops:
            continue
        for nxt in sorted(adjacent[here]):
            if nxt not in seen:
                seen[nxt] = seen[here] + 1
                queue.append(nxt)
    return sorted(seen, key=lambda i: (seen[i], -model.nodes[i].degree, i))


def most_connected(model: VizModel, limit: int | None = None) -> list[int]:
    """Node indices by degree (highest first, ties by IRI order), at most ``limit`` of them."""
    order = sorted(range(len(model.nodes)), key=lambda i: (-model.nodes[i].degree, i))
    return order if limit is None else order[:limit]


def subset(model: VizModel, keep: Iterable[int]) -> VizModel:
    """The model restricted to some nodes (their edges and facts), re-indexed; unused sources dropped."""
    kept = sorted(set(keep))
    new = {old: i for i, old in enumerate(kept)}
    nodes = [VizNode(**vars(model.nodes[i])) for i in kept]
    for n in nodes:
        n.alts = list(n.alts)
    edges = [(new[s], new[t], *rest) for s, t, *rest in model.edges if s in new and t in new]
    facts = [(new[n], *rest) for n, *rest in model.facts if n in new]
    used = sorted({x for *_head, cites, _arts in edges + facts for x in cites})
    sent = {old: i for i, old in enumerate(used)}
    sentences = [model.sentences[i] for i in used]
    articles_used = sorted({a for a, _text in sentences if a >= 0} | {a for *_h, arts in edges + facts for a in arts})
    art = {old: i for i, old in enumerate(articles_used)}
    sentences = [(art.get(a, -1), text) for a, text in sentences]
    edges = [(s, t, p, [sent[x] for x in c], [art[a] for a in arts]) for s, t, p, c, arts in edges]
    facts = [(n, p, v, [sent[x] for x in c], [art[a] for a in arts]) for n, p, v, c, arts in facts]
    return VizModel(nodes, edges, facts, model.predicates, sentences, [model.articles[i] for i in articles_used])
