"""Loading SHACL shapes safely, and splitting off the SPARQL rules that run once.

``load_shapes`` reads a Turtle shapes file and checks it against ``ontology/shacl-shacl.ttl``;
shapes that do not ship with kg may not run SPARQL or JavaScript (they are refused, not
weakened), and owl:imports is never followed.  The shipped ``ontology/shapes.ttl`` is parsed
and checked once per process.

``split_shapes`` takes out the SPARQL constraints marked ``sfsh:evaluateOnce`` (as ``OnceRule``s),
which ``kg.validate`` runs once for all focus nodes instead of letting pyshacl run them once per
node (docs/validation-benchmark.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Graph, Literal
from rdflib.term import Node

from kg.errors import ShapesError, one_line
from kg.findings import SFSH, SH
from kg.report import curie
from kg.resources import ONTOLOGY_DIR

# Terms that make pyshacl run SPARQL or JavaScript, or that need its advanced mode.
_UNSAFE = tuple(SH[name] for name in (
    "sparql", "select", "ask", "construct", "update", "validator", "nodeValidator", "propertyValidator",
    "target", "rule", "expression", "js", "jsFunctionName", "jsLibrary", "jsLibraryURL",
))  # fmt: skip
#: How pyshacl always runs here: no inference, no SHACL-AF, no JavaScript, owl:imports never
#: fetched, and in place (the data is never copied or changed by pyshacl).
PYSHACL_OPTIONS = {"inference": "none", "advanced": False, "js": False, "do_owl_imports": False, "inplace": True}


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
        raise ShapesError(f"{file}: not valid Turtle: {one_line(exc)}") from None
    return graph


@lru_cache(maxsize=1)
def _shacl_shacl() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shacl-shacl.ttl", format="turtle")


def _check_shacl(graph: Graph, file: Path) -> None:
    from pyshacl import validate as run_pyshacl

    meta = _shacl_shacl()
    conforms, report, _ = run_pyshacl(graph, shacl_graph=meta, **PYSHACL_OPTIONS)
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
class OnceRule:
    """A SPARQL constraint of a node shape, to run once for all focus nodes."""

    shape: Node
    constraint: Node
    query: str
    severity: Node
    messages: tuple[Literal, ...]


def split_shapes(shapes: Graph) -> tuple[Graph, list[OnceRule]]:
    """The shapes pyshacl should run, and the SPARQL constraints kg.validate runs once instead."""
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
            OnceRule(
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
