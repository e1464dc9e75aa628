"""SHACL validation of a knowledge graph: safe shape loading, fast validation, readable reports.

``load_shapes`` reads a shapes file and checks it against ``ontology/shacl-shacl.ttl``; shapes
that do not ship with kg may not run SPARQL or JavaScript (they are refused, not weakened).
``validate`` runs pyshacl on the union of the article graphs, then explains each result
(``Finding``) with the sentences its facts came from.  ``quarantine`` moves violating facts
and their assertions into a named graph instead of deleting them.

Speed (docs/validation-benchmark.md): pyshacl is run on the rdflib in-memory Dataset itself
(copying 1M quads into a Graph cost as much as validating them), with no inference and the
ontology's rdfs:subClassOf triples added for the run in a scratch graph; SPARQL constraints
marked ``sfsh:evaluateOnce`` run once for all focus nodes instead of once per node.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.plugins.stores.memory import Memory
from rdflib.term import Node

from kg.errors import ShapesError
from kg.vocab import ID, PREFIXES, SF

SH = Namespace("http://www.w3.org/ns/shacl#")
SFSH = Namespace("https://w3id.org/spaceflight-kg/shapes#")
#: Named graph that holds facts moved aside because they violate the shapes.
QUARANTINE = URIRef(f"{ID}graph/quarantine")
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
SEVERITIES: dict[Node, str] = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_RANK = {"Violation": 0, "Warning": 1, "Info": 2}
_CURIES = {**PREFIXES, "sh": str(SH), "sfsh": str(SFSH)}
_MAX_SOURCES = 5
# Terms that make pyshacl run SPARQL or JavaScript, or that need its advanced mode.
_UNSAFE = tuple(SH[name] for name in (
    "sparql", "select", "ask", "construct", "update", "validator", "nodeValidator", "propertyValidator",
    "target", "rule", "expression", "js", "jsFunctionName", "jsLibrary", "jsLibraryURL",
))  # fmt: skip
# How pyshacl always runs here: no inference, no SHACL-AF, no JavaScript, owl:imports never
# fetched, and in place (the data is never copied or changed by pyshacl).
_PYSHACL = {"inference": "none", "advanced": False, "js": False, "do_owl_imports": False, "inplace": True}


@dataclass(frozen=True)
class Finding:
    """One validation result, in words: what is wrong, where, and which sentences said it."""

    severity: str  # "Violation", "Warning" or "Info"
    focus: str
    path: str | None
    value: str | None
    shape: str
    constraint: str  # e.g. "sh:MinCountConstraintComponent"
    message: str
    sources: tuple[tuple[str, str], ...] = ()  # (document, sentence text)


@dataclass(frozen=True)
class ValidationResult:
    """The outcome: conforms means no Violations (Warnings and Info are allowed)."""

    conforms: bool
    findings: tuple[Finding, ...]
    report_graph: Graph  # the standard SHACL validation report
    triples: int = 0  # size of the validated union

    def count(self, severity: str) -> int:
        """How many findings have this severity."""
        return sum(1 for f in self.findings if f.severity == severity)


# ----------------------------------------------------------------------------- shapes


def load_shapes(path: str | Path | None = None, *, trusted: bool = False) -> Graph:
    """Read a Turtle shapes file (None: the shipped ontology/shapes.ttl) and check it is valid SHACL.

    Shapes that do not come with kg (``trusted=False``) must not use SHACL-SPARQL, SHACL-JS or
    SHACL advanced features: such files are refused with a ShapesError naming the term, so a
    file never silently checks less than it says.  owl:imports is never followed.
    """
    if path is None:
        shapes = Graph()
        shapes += _shipped_shapes()  # a copy: callers may change what they get
        return shapes
    file = Path(path)
    graph = _parse_turtle(file)
    if not any(graph.triples((None, None, None))):
        raise ShapesError(f"{file}: no shapes in this file")
    if not trusted:
        for term in _UNSAFE:
            if next(graph.subjects(term, None), None) is not None:
                raise ShapesError(
                    f"{file}: uses {curie(term)}; shapes from outside kg may not run SPARQL, "
                    "JavaScript or SHACL advanced features"
                )
    _check_shacl(graph, file)
    return graph


@lru_cache(maxsize=1)
def _shipped_shapes() -> Graph:
    file = ONTOLOGY_DIR / "shapes.ttl"
    graph = _parse_turtle(file)
    _check_shacl(graph, file)
    return graph


def _parse_turtle(file: Path) -> Graph:
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise ShapesError(f"{file}: cannot read: {exc.strerror or exc}") from None
    graph = Graph()
    try:
        graph.parse(data=data, format="turtle", publicID=file.resolve().as_uri())
    except Exception as exc:  # noqa: BLE001 - rdflib raises many types; all mean "not Turtle"
        raise ShapesError(f"{file}: not valid Turtle: {_one_line(exc)}") from None
    return graph


def _one_line(exc: object) -> str:
    """An error as one short line, starting with 'line N:' when the parser says where."""
    text = " ".join(str(exc).split())
    where = re.search(r"\bat line (\d+)(?: of <[^>]*>)?:?\s*", text)
    if where:
        text = f"line {where.group(1)}: " + text[: where.start()] + text[where.end() :]
    return text[:240]


@lru_cache(maxsize=1)
def _shacl_shacl() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shacl-shacl.ttl", format="turtle")


def _check_shacl(graph: Graph, file: Path) -> None:
    from pyshacl import validate as run_pyshacl

    meta = _shacl_shacl()
    conforms, report, _ = run_pyshacl(graph, shacl_graph=meta, **_PYSHACL)
    if conforms:
        return
    problems = sorted(_meta_problem(graph, meta, report, r) for r in report.objects(None, SH.result))
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    raise ShapesError(f"{file}: not valid SHACL: {problems[0]}{more}")


def _meta_problem(graph: Graph, meta: Graph, report: Graph, result: Node) -> str:
    focus = report.value(result, SH.focusNode)
    where = curie(focus, graph)
    if isinstance(focus, BNode):
        owner = graph.value(None, SH.property, focus)
        where = f"a property shape of {curie(owner, graph)}" if owner is not None else "a blank node"
    shape = report.value(result, SH.sourceShape)
    owner = meta.value(None, SH.property, shape) if isinstance(shape, BNode) else shape
    message = meta.value(owner, SH.message) if owner is not None else None
    return f"{where}: {message or report.value(result, SH.resultMessage)}"


@dataclass(frozen=True)
class _OnceRule:
    """A SPARQL constraint of a node shape, to run once for all focus nodes."""

    shape: Node
    constraint: Node
    query: str
    severity: Node
    messages: tuple[Literal, ...]


def _split_shapes(shapes: Graph) -> tuple[Graph, list[_OnceRule]]:
    """The shapes pyshacl should run, and the SPARQL constraints this module runs once instead."""
    core = Graph()
    core += shapes
    rules = []
    for shape, constraint in sorted(shapes.subject_objects(SH.sparql)):
        flag = shapes.value(constraint, SFSH.evaluateOnce)
        if not (isinstance(flag, Literal) and flag.toPython() is True):
            continue
        if shapes.value(shape, SH.path) is not None or shapes.value(shape, SH.target) is not None:
            continue
        core.remove((shape, SH.sparql, constraint))
        if any(shapes.value(n, SH.deactivated) == Literal(True) for n in (shape, constraint)):
            continue
        messages = tuple(shapes.objects(constraint, SH.message)) or tuple(shapes.objects(shape, SH.message))
        rules.append(
            _OnceRule(
                shape,
                constraint,
                _rule_query(shapes, constraint),
                shapes.value(shape, SH.severity) or SH.Violation,
                tuple(sorted(messages)),
            )
        )
    return core, rules


def _rule_query(shapes: Graph, constraint: Node) -> str:
    prefixes = {"rdf": str(RDF), "rdfs": str(RDFS), "sh": str(SH), "xsd": "http://www.w3.org/2001/XMLSchema#"}
    for holder in shapes.objects(constraint, SH.prefixes):
        for decl in shapes.objects(holder, SH.declare):
            prefixes[str(shapes.value(decl, SH.prefix))] = str(shapes.value(decl, SH.namespace))
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(prefixes.items()))
    return head + re.sub(r"[$?]this\b", "?this", str(shapes.value(constraint, SH.select)))


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

    core, rules = _split_shapes(shapes)
    try:
        _, report, _ = run_pyshacl(
            graph, shacl_graph=core, focus_nodes=None if focus is None else sorted(focus), **_PYSHACL
        )
    except ReportableRuntimeError as exc:
        raise ShapesError(f"the shapes cannot be run: {_one_line(exc)}") from None
    if not isinstance(report, Graph):
        raise ShapesError(f"the shapes cannot be run: {_one_line(report)}")
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


def _run_once(rule: _OnceRule, graph: Graph, shapes: Graph, report: Graph, focus: set[Node] | None) -> None:
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
    return (_RANK.get(f.severity, 3), f.focus, f.path or "", f.shape, f.constraint, f.value or "", f.message)


def curie(term: Node | None, graph: Graph | None = None) -> str:
    """A compact name for a term (sf:age, kgid:person/x), the full IRI when no prefix fits."""
    if term is None:
        return ""
    text = str(term)
    if isinstance(term, URIRef):
        for prefix, ns in sorted(_CURIES.items(), key=lambda kv: -len(kv[1])):
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns) :]}"
        if graph is not None:
            try:
                return graph.namespace_manager.normalizeUri(term)
            except Exception:  # noqa: BLE001 - no prefix fits: fall back to the full IRI
                pass
    return text if not isinstance(term, BNode) else f"_:{text}"


# ----------------------------------------------------------------------------- reports


def label(data: Graph, node: Node | str) -> str | None:
    """A node's name for people: its skos:prefLabel, else its rdfs:label description, else None."""
    term = node if isinstance(node, Node) else URIRef(node)
    for prop in (SKOS.prefLabel, RDFS.label):
        if isinstance(data, ConjunctiveGraph):
            found = sorted(str(q[2]) for q in data.quads((term, prop, None, None)))
        else:
            found = sorted(str(o) for o in data.objects(term, prop))
        if found:
            return found[0]
    return None


def summary(result: ValidationResult) -> str:
    """One line such as 'conforms: 0 violations, 3 warnings, 1 info'."""
    v, w, i = (result.count(s) for s in ("Violation", "Warning", "Info"))
    head = "conforms" if result.conforms else "does not conform"
    return f"{head}: {v} violation{'s' * (v != 1)}, {w} warning{'s' * (w != 1)}, {i} info"


def render_text(result: ValidationResult, data: Graph) -> str:
    """A report for people: findings grouped by focus node, each with its source sentences."""
    lines: list[str] = []
    if result.triples == 0:
        lines.append("note: the graph has no triples, so there was nothing to check.")
    groups: dict[str, list[Finding]] = {}
    for f in result.findings:
        groups.setdefault(f.focus, []).append(f)
    order = sorted(groups, key=lambda focus: (min(_RANK.get(f.severity, 3) for f in groups[focus]), focus))
    for focus in order:
        name = label(data, focus)
        lines.append(f"{curie(URIRef(focus))}" + (f" ({name})" if name else ""))
        for f in groups[focus]:
            lines.append(f"  {f.severity:<9} {f.message}")
            detail = f"shape {f.shape}"
            if f.path:
                detail += f", {f.path}"
            if f.value is not None and f.value != f.focus:
                detail += f" = {shorten(curie(URIRef(f.value)) if '://' in f.value else f.value)}"
            lines.append(f"            {detail}")
            for document, sentence in f.sources:
                lines.append(f"            source {document}: \u201c{shorten(sentence, 160)}\u201d")
        lines.append("")
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def shorten(text: str, limit: int = 80) -> str:
    """Text on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def render_json(result: ValidationResult) -> str:
    """The findings as JSON, keys in a fixed order."""
    doc = {
        "conforms": result.conforms,
        "triples": result.triples,
        "violations": result.count("Violation"),
        "warnings": result.count("Warning"),
        "info": result.count("Info"),
        "findings": [
            {
                "severity": f.severity,
                "focus": f.focus,
                "path": f.path,
                "value": f.value,
                "shape": f.shape,
                "constraint": f.constraint,
                "message": f.message,
                "sources": [{"document": d, "sentence": s} for d, s in f.sources],
            }
            for f in result.findings
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def render_turtle(result: ValidationResult) -> str:
    """The standard SHACL validation report as Turtle, with stable blank node labels."""
    from rdflib.compare import to_canonical_graph

    canonical = to_canonical_graph(result.report_graph)
    out = Graph()
    for prefix, ns in _CURIES.items():
        out.bind(prefix, ns)
    out += canonical
    return out.serialize(format="turtle")


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
