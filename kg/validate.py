"""SHACL validation of a knowledge graph: fast validation, findings explained, quarantine.

``validate`` runs pyshacl on the union of the article graphs, then explains each result
(``Finding``) with the sentences its facts came from.  ``quarantine`` moves violating facts
and their assertions into a named graph instead of deleting them.  Shapes are loaded and
checked by ``kg.shapes``, reports written by ``kg.report``; both are re-exported here, so
``from kg.validate import load_shapes, render_text`` keeps working.

Speed (docs/validation-benchmark.md): pyshacl is run on the rdflib in-memory Dataset itself
(copying 1M quads into a Graph cost as much as validating them), with no inference and the
ontology's rdfs:subClassOf triples added for the run in a scratch graph; SPARQL constraints
marked ``sfsh:evaluateOnce`` run once for all focus nodes instead of once per node.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache

from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.plugins.stores.memory import Memory
from rdflib.term import Node

from kg.errors import ShapesError, one_line
from kg.findings import SEVERITIES, SFSH, SH, Finding, ValidationResult, severity_rank
from kg.report import curie, label, render_json, render_text, render_turtle, shorten, summary
from kg.shapes import ONTOLOGY_DIR, PYSHACL_OPTIONS, OnceRule, load_shapes, split_shapes
from kg.vocab import ID, SF

__all__ = [
    "ONTOLOGY_DIR",
    "QUARANTINE",
    "SFSH",
    "SH",
    "Finding",
    "ValidationResult",
    "curie",
    "label",
    "load_shapes",
    "quarantine",
    "render_json",
    "render_text",
    "render_turtle",
    "shorten",
    "summary",
    "union_view",
    "validate",
]

#: Named graph that holds facts moved aside because they violate the shapes.
QUARANTINE = URIRef(f"{ID}graph/quarantine")
_MAX_SOURCES = 5


# ----------------------------------------------------------------------------- validation


@lru_cache(maxsize=1)
def _class_hierarchy() -> tuple[tuple[Node, Node, Node], ...]:
    onto = Graph().parse(ONTOLOGY_DIR / "spaceflight.ttl", format="turtle")
    ns = str(SF._NS)
    return tuple(
        sorted(
            (s, RDFS.subClassOf, o)
            for s, o in onto.subject_objects(RDFS.subClassOf)
            if str(s).startswith(ns) and str(o).startswith(ns)
        )
    )


def _graphs(data: Graph) -> Iterable[Graph]:
    if isinstance(data, Dataset):
        return data.graphs()
    return data.contexts() if isinstance(data, ConjunctiveGraph) else (data,)


def _has_quarantine(data: Graph) -> bool:
    return any(g.identifier == QUARANTINE and len(g) > 0 for g in _graphs(data))


@contextmanager
def union_view(data: Graph) -> Iterator[Graph]:
    """The union of all graphs except the quarantine, as one graph to read (never to modify).

    An rdflib in-memory Dataset is used as it is, with default_union on for the duration
    (copying it would cost as much as validating it).  Anything else (a plain Graph, another
    store, a Dataset with a quarantine) is copied into a plain in-memory Graph.
    """
    if not (isinstance(data, Dataset) and isinstance(data.store, Memory) and not _has_quarantine(data)):
        copy = Graph()
        for ctx in _graphs(data):
            if ctx.identifier != QUARANTINE:
                copy.addN((s, p, o, copy) for s, p, o in ctx)
        yield copy
        return
    union_before = data.default_union
    data.default_union = True
    try:
        yield data
    finally:
        data.default_union = union_before


@contextmanager
def _hierarchy_added(graph: Graph) -> Iterator[Graph]:
    """The ontology's sf: rdfs:subClassOf triples, present in ``graph`` only while validating.

    SHACL finds instances of subclasses (sh:targetClass, sh:class) through rdfs:subClassOf
    triples in the data graph; the build writes the most specific type only.
    """
    missing = [t for t in _class_hierarchy() if t not in graph]
    if isinstance(graph, Dataset):
        scratch = graph.graph(URIRef(f"urn:x-kg-validate:{uuid.uuid4()}"))
        scratch.addN((s, p, o, scratch) for s, p, o in missing)
        try:
            yield graph
        finally:
            graph.remove_graph(scratch)
        return
    graph.addN((s, p, o, graph) for s, p, o in missing)  # a private copy made by union_view
    yield graph


def validate(data: Graph, *, shapes: Graph | None = None, focus_nodes: Iterable | None = None) -> ValidationResult:
    """Validate the union of ``data``'s graphs (the quarantine excluded) against ``shapes``.

    ``shapes`` defaults to the shipped shapes (pass others through ``load_shapes``);
    ``focus_nodes`` limits validation to those nodes, e.g. the ones a build changed.
    Raises ShapesError if pyshacl cannot run the shapes.
    """
    shapes = load_shapes() if shapes is None else shapes
    focus = None if focus_nodes is None else {n if isinstance(n, Node) else URIRef(str(n)) for n in focus_nodes}
    with union_view(data) as union:
        triples = len(union)
        if focus is not None and not focus:
            return ValidationResult(True, (), _empty_report(), triples)
        with _hierarchy_added(union) as graph:
            return _run(graph, shapes, triples, focus)


def _run(graph: Graph, shapes: Graph, triples: int, focus: set[Node] | None) -> ValidationResult:
    """pyshacl for the core shapes, then the run-once SPARQL rules, then findings with sources."""
    from pyshacl import validate as run_pyshacl
    from pyshacl.errors import ReportableRuntimeError

    core, rules = split_shapes(shapes)
    try:
        _, report, _ = run_pyshacl(
            graph, shacl_graph=core, focus_nodes=None if focus is None else sorted(focus), **PYSHACL_OPTIONS
        )
    except ReportableRuntimeError as exc:
        raise ShapesError(f"the shapes cannot be run: {one_line(exc)}") from None
    if not isinstance(report, Graph):
        raise ShapesError(f"the shapes cannot be run: {one_line(report)}")
    for rule in rules:
        _run_once(rule, graph, shapes, report, focus)
    findings = sorted((_finding(report, shapes, graph, r) for r in report.objects(None, SH.result)), key=_sort_key)
    return ValidationResult(not any(f.severity == "Violation" for f in findings), tuple(findings), report, triples)


def _empty_report() -> Graph:
    report = Graph()
    node = BNode()
    report.add((node, RDF.type, SH.ValidationReport))
    report.add((node, SH.conforms, Literal(True)))
    return report


def _focus_of(shape: Node, shapes: Graph, graph: Graph) -> set[Node]:
    nodes: set[Node] = set(shapes.objects(shape, SH.targetNode))
    classes = set(shapes.objects(shape, SH.targetClass))
    if (shape, RDF.type, RDFS.Class) in shapes:
        classes.add(shape)
    for cls in classes:
        for sub in graph.transitive_subjects(RDFS.subClassOf, cls):
            nodes.update(graph.subjects(RDF.type, sub))
    for p in shapes.objects(shape, SH.targetSubjectsOf):
        nodes.update(s for s, _ in graph.subject_objects(p))
    for p in shapes.objects(shape, SH.targetObjectsOf):
        nodes.update(o for _, o in graph.subject_objects(p))
    return nodes


def _run_once(rule: OnceRule, graph: Graph, shapes: Graph, report: Graph, focus: set[Node] | None) -> None:
    """Run one SPARQL constraint over the whole graph and add its results to the report."""
    targets = _focus_of(rule.shape, shapes, graph)
    if focus is not None:
        targets &= focus
    if not targets:
        return
    report_node = report.value(None, RDF.type, SH.ValidationReport)
    seen = set()
    for row in graph.query(_prepared(rule.query)):
        bound = row.asdict()  # type: ignore[union-attr]
        this = bound.get("this")
        if this not in targets:
            continue
        path, value = bound.get("path"), bound.get("value", this)
        key = (this, path, value, tuple(sorted(bound.items())))
        if key in seen:
            continue
        seen.add(key)
        r = BNode()
        report.add((report_node, SH.result, r))
        report.set((report_node, SH.conforms, Literal(False)))
        for p, o in (
            (RDF.type, SH.ValidationResult),
            (SH.focusNode, this),
            (SH.resultSeverity, rule.severity),
            (SH.sourceConstraintComponent, SH.SPARQLConstraintComponent),
            (SH.sourceShape, rule.shape),
            (SH.sourceConstraint, rule.constraint),
            (SH.resultPath, path),
            (SH.value, value),
        ):
            if o is not None:
                report.add((r, p, o))
        for message in rule.messages:
            report.add((r, SH.resultMessage, Literal(_fill(str(message), bound, graph), lang=message.language)))


@lru_cache(maxsize=64)
def _prepared(query: str) -> object:
    """Parsing a query costs about 0.1 s with rdflib: parse each rule's query once per process."""
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(query)


def _fill(template: str, bound: dict, graph: Graph) -> str:
    def show(match: re.Match) -> str:
        term = bound.get(match.group(1))
        return match.group(0) if term is None else _display(term, graph)

    return re.sub(r"\{[?$](\w+)\}", show, template)


def _display(term: Node, graph: Graph) -> str:
    if isinstance(term, URIRef):
        return label(graph, term) or curie(term)
    return str(term)


def _finding(report: Graph, shapes: Graph, graph: Graph, r: Node) -> Finding:
    severity_node = report.value(r, SH.resultSeverity)
    focus = report.value(r, SH.focusNode)
    path = report.value(r, SH.resultPath)
    value = report.value(r, SH.value)
    messages = sorted(report.objects(r, SH.resultMessage), key=lambda m: (m.language not in (None, "en"), str(m)))
    return Finding(
        severity=SEVERITIES.get(severity_node, curie(severity_node)),
        focus=str(focus),
        path=_path_text(report, path),
        value=None if value is None else str(value),
        shape=_shape_text(shapes, report.value(r, SH.sourceShape)),
        constraint=curie(report.value(r, SH.sourceConstraintComponent)),
        message=str(messages[0]) if messages else "",
        sources=_sources(graph, focus, path, value),
    )


def _path_text(report: Graph, path: Node | None) -> str | None:
    if path is None or isinstance(path, URIRef):
        return None if path is None else curie(path)
    inverse = report.value(path, SH.inversePath)
    return f"^{curie(inverse)}" if inverse is not None else "(path expression)"


def _shape_text(shapes: Graph, shape: Node | None) -> str:
    if isinstance(shape, BNode):
        owner = shapes.value(None, SH.property, shape)
        path = shapes.value(shape, SH.path)
        if owner is not None:
            return f"{curie(owner)}/{curie(path) if isinstance(path, URIRef) else 'property'}"
        return "(anonymous shape)"
    return curie(shape)


def _sources(graph: Graph, focus: Node | None, path: Node | None, value: Node | None) -> tuple[tuple[str, str], ...]:
    """(document, sentence) pairs of the assertions that state the focus node's faulty fact."""
    if focus is None or not (path is None or isinstance(path, URIRef)):
        return ()
    predicate = RDF.type if path is None else path
    found = set()
    for a in graph.subjects(RDF.subject, focus):
        if (a, RDF.predicate, predicate) not in graph:
            continue
        if path is not None and value is not None and (a, RDF.object, value) not in graph:
            continue
        sentence = graph.value(a, SF.sentence)
        text = graph.value(sentence, SF.text) if sentence is not None else None
        article = graph.value(sentence, SF.article) if sentence is not None else None
        name = graph.value(article, SF.fileName) if article is not None else None
        if text is not None:
            found.add((str(name) if name is not None else curie(article), str(text)))
    return tuple(sorted(found)[:_MAX_SOURCES])


def _sort_key(f: Finding) -> tuple:
    return (severity_rank(f.severity), f.focus, f.path or "", f.shape, f.constraint, f.value or "", f.message)


# ----------------------------------------------------------------------------- quarantine


def quarantine(dataset: Dataset, result: ValidationResult) -> int:
    """Move violating facts (focus, path, value) and their assertions into the quarantine graph.

    Only facts that are present can move: a missing fact (sh:minCount) or a problem with a
    node as a whole stays reported but nothing moves.  Returns how many distinct triples moved.
    """
    report = result.report_graph
    facts = set()
    for r in report.objects(None, SH.result):
        path, value = report.value(r, SH.resultPath), report.value(r, SH.value)
        if report.value(r, SH.resultSeverity) == SH.Violation and isinstance(path, URIRef) and value is not None:
            facts.add((report.value(r, SH.focusNode), path, value))
    target = dataset.graph(QUARANTINE) if facts else None
    moved: set[tuple[Node, Node, Node]] = set()
    for s, p, o in facts:
        triples = {(s, p, o)}
        for a in {q[0] for q in dataset.quads((None, RDF.subject, s, None))}:
            if _holds(dataset, (a, RDF.predicate, p)) and _holds(dataset, (a, RDF.object, o)):
                triples.update(q[:3] for q in dataset.quads((a, None, None, None)))
        for triple in triples:
            for *_, ctx in list(dataset.quads((*triple, None))):
                if _ident(ctx) != QUARANTINE:
                    dataset.graph(_ident(ctx)).remove(triple)
                    moved.add(triple)
            if triple in moved:
                target.add(triple)  # type: ignore[union-attr]
    return len(moved)


def _holds(dataset: Dataset, triple: tuple[Node, Node, Node]) -> bool:
    return next(iter(dataset.quads((*triple, None))), None) is not None


def _ident(ctx: object) -> Node:
    return ctx.identifier if isinstance(ctx, Graph) else ctx  # type: ignore[return-value]
