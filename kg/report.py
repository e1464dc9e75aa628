"""Validation results made readable: a text report for people, JSON, and the SHACL report as Turtle.

Also the naming helpers the other modules share: ``curie`` (sf:age, kgid:person/x), ``label``
(a node's name for people) and ``shorten`` (text cut to one short line).
"""

from __future__ import annotations

import json

from rdflib import RDFS, SKOS, BNode, Graph, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.term import Node

from kg.findings import SFSH, SH, Finding, ValidationResult, severity_rank
from kg.vocab import PREFIXES

_CURIES = {**PREFIXES, "sh": str(SH), "sfsh": str(SFSH)}


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
    order = sorted(groups, key=lambda focus: (min(severity_rank(f.severity) for f in groups[focus]), focus))
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
