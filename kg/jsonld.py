"""JSON-LD with one shipped context: generating it, compacting with it, reading safely.

The context (``ontology/context.jsonld``) is generated from the ontology by
:func:`build_context` (run ``python -m kg.jsonld`` after editing the ontology; a test
checks the committed file is current).  It gives every class and property a short key
(``Person``, ``crewMember``) and coerces object properties to IRIs and datatype
properties to their declared XSD range, so exported documents are short.

Four scheme prefixes are renamed in JSON-LD only, because their names are also
property keys: ``role:`` -> ``roles:``, ``scope:`` -> ``scopes:``, ``status:`` ->
``statuses:``, ``unit:`` -> ``units:``.

Reading JSON-LD never fetches a context: references to the shipped context (by
:data:`CONTEXT_IRI` or by a relative file name ending in ``context.jsonld``) are
replaced by its content, and any other referenced context is an error.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from rdflib import RDF, RDFS, BNode, Dataset, Graph, URIRef
from rdflib.namespace import OWL, XSD

from kg.errors import GraphReadError
from kg.graphio import write_atomic
from kg.resources import ONTOLOGY_DIR
from kg.vocab import PREFIXES, SF

#: Where the shipped context is published; documents may reference it by this IRI.
CONTEXT_IRI = "https://w3id.org/spaceflight-kg/context.jsonld"
CONTEXT_PATH = ONTOLOGY_DIR / "context.jsonld"
CONTEXT_FILE_NAME = CONTEXT_PATH.name

#: JSON-LD prefix names that differ from kg.vocab.PREFIXES (those names are property keys).
RENAMED_PREFIXES = {"role": "roles", "scope": "scopes", "status": "statuses", "unit": "units"}
#: Terms outside the sf: namespace that the graph uses: key -> (compact IRI, coercion).
EXTRA_TERMS: dict[str, tuple[str, str | None]] = {
    "prefLabel": ("skos:prefLabel", None),
    "altLabel": ("skos:altLabel", None),
    "label": ("rdfs:label", None),
    "subject": ("rdf:subject", "@id"),
    "predicate": ("rdf:predicate", "@id"),
    "object": ("rdf:object", None),
}

Term = dict[str, Any] | str


def build_context(ontology: str | Path = ONTOLOGY_DIR / "spaceflight.ttl") -> dict[str, Any]:
    """The context document derived from the ontology (what ``ontology/context.jsonld`` holds)."""
    onto = Graph().parse(ontology, format="turtle")
    sf = str(SF._NS)
    terms: dict[str, Term] = {}
    for prefix, ns in PREFIXES.items():
        terms[RENAMED_PREFIXES.get(prefix, prefix)] = ns

    def add(key: str, value: Term) -> None:
        if key in terms:
            raise ValueError(f"JSON-LD term {key!r} defined twice")
        terms[key] = value

    for cls in sorted(onto.subjects(RDF.type, OWL.Class)):
        if isinstance(cls, URIRef) and cls.startswith(sf):
            add(cls[len(sf) :], f"sf:{cls[len(sf) :]}")
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in sorted(onto.subjects(RDF.type, kind)):
            if not (isinstance(prop, URIRef) and prop.startswith(sf)):
                continue
            name = prop[len(sf) :]
            coercion = "@id" if kind == OWL.ObjectProperty else _datatype_coercion(onto, prop)
            add(name, {"@id": f"sf:{name}", "@type": coercion} if coercion else f"sf:{name}")
    for key, (iri, coercion) in EXTRA_TERMS.items():
        add(key, {"@id": iri, "@type": coercion} if coercion else iri)
    return {"@context": terms}


def _datatype_coercion(onto: Graph, prop: URIRef) -> str | None:
    """``xsd:X`` when the property has one XSD range other than xsd:string (plain strings stay plain)."""
    ranges = set(onto.objects(prop, RDFS.range))
    if len(ranges) != 1:
        return None
    (rng,) = ranges
    if not str(rng).startswith(str(XSD)) or rng == XSD.string:
        return None
    return f"xsd:{rng[len(str(XSD)) :]}"


def render_context(context: dict[str, Any] | None = None) -> str:
    """The context as the exact text committed in ``ontology/context.jsonld``."""
    return json.dumps(context or build_context(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def _shipped_text() -> str:
    try:
        return CONTEXT_PATH.read_text(encoding="utf-8")
    except OSError as exc:
        raise GraphReadError(f"{CONTEXT_PATH}: cannot read the shipped JSON-LD context: {exc.strerror}") from exc


def shipped_context() -> dict[str, Any]:
    """The term definitions of the shipped context (a fresh copy each call)."""
    return json.loads(_shipped_text())["@context"]


# ----------------------------------------------------------------- writing


class _Compactor:
    """Turns triples into compacted node objects using the shipped context's terms."""

    def __init__(self, terms: dict[str, Any]) -> None:
        self.terms = terms
        self.used: set[str] = set()
        self.by_iri: dict[str, tuple[str, str | None]] = {}
        self.prefixes: list[tuple[str, str]] = []
        for key, value in terms.items():
            iri, coercion = (value, None) if isinstance(value, str) else (value["@id"], value.get("@type"))
            if isinstance(value, str) and value.endswith(("/", "#")) and ":" in value.split("/")[0]:
                self.prefixes.append((value, key))
                continue
            self.by_iri[self.expand(iri)] = (key, self.expand(coercion) if coercion else None)
        self.prefixes.sort(key=lambda item: (-len(item[0]), item[1]))

    def expand(self, value: str) -> str:
        head, sep, tail = value.partition(":")
        target = self.terms.get(head) if sep and not tail.startswith("//") else None
        return target + tail if isinstance(target, str) else value

    def compact_iri(self, iri: str) -> str:
        """Compact IRI (``kgid:person/x``) where a prefix fits, else the IRI itself."""
        for ns, name in self.prefixes:
            if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns) :].startswith("//"):
                self.use(name)
                return f"{name}:{iri[len(ns) :]}"
        return iri

    def vocab(self, iri: str) -> str:
        """A key or type: the term name when the context has one for the IRI."""
        term = self.by_iri.get(iri)
        if term is not None:
            self.use(term[0])
            return term[0]
        return self.compact_iri(iri)

    def use(self, key: str) -> None:
        if key in self.used:
            return
        self.used.add(key)
        value = self.terms[key]
        for part in [value] if isinstance(value, str) else [value["@id"], value.get("@type") or ""]:
            head, sep, _ = part.partition(":")
            if sep and head in self.terms and head != key:
                self.use(head)

    def node_id(self, node: URIRef | BNode) -> str:
        return f"_:{node}" if isinstance(node, BNode) else self.compact_iri(str(node))

    def value(self, key_iri: str, obj: Any) -> Any:
        coercion = (self.by_iri.get(key_iri) or ("", None))[1]
        if isinstance(obj, (URIRef, BNode)):
            ref = self.node_id(obj)
            return ref if coercion == "@id" else {"@id": ref}
        if obj.language:
            return {"@value": str(obj), "@language": obj.language}
        if obj.datatype is None:
            return str(obj) if coercion is None else {"@value": str(obj)}
        if coercion == str(obj.datatype):
            return str(obj)
        return {"@value": str(obj), "@type": self.vocab(str(obj.datatype))}


def to_jsonld(triples: Any) -> dict[str, Any]:
    """A compacted JSON-LD document (flat ``@graph``, sorted) for an iterable of triples.

    The inline context holds only the terms the document uses, copied from the shipped one.
    """
    comp = _Compactor(shipped_context())
    nodes: dict[str, dict[str, list[Any]]] = {}
    for s, p, o in triples:
        node = nodes.setdefault(comp.node_id(s), {})
        if p == RDF.type and isinstance(o, URIRef):
            node.setdefault("@type", []).append(comp.vocab(str(o)))
        else:
            node.setdefault(comp.vocab(str(p)), []).append(comp.value(str(p), o))
    graph = []
    for node_id in sorted(nodes):
        obj: dict[str, Any] = {"@id": node_id}
        for key, values in nodes[node_id].items():
            unique = sorted({_sort_key(v): v for v in values}.items())
            obj[key] = unique[0][1] if len(unique) == 1 else [v for _, v in unique]
        graph.append(obj)
    context = {key: comp.terms[key] for key in sorted(comp.used)}
    return {"@context": context, "@graph": graph}


def _sort_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def dumps(doc: dict[str, Any]) -> str:
    """Stable text of a JSON-LD document."""
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# ----------------------------------------------------------------- reading


def is_shipped_reference(ref: str) -> bool:
    """True for the shipped context's IRI or a relative reference to a file named context.jsonld."""
    if ref == CONTEXT_IRI:
        return True
    has_scheme = re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", ref) is not None
    return not has_scheme and not ref.startswith("/") and PurePosixPath(ref).name == CONTEXT_FILE_NAME


def resolve_contexts(doc: Any, where: str) -> Any:
    """``doc`` with every context reference replaced by the shipped context; others are refused."""

    def context_value(value: Any) -> Any:
        if isinstance(value, str):
            if not is_shipped_reference(value):
                raise GraphReadError(
                    f"{where}: JSON-LD context {value!r} is not allowed: only the shipped context "
                    f"({CONTEXT_IRI} or {CONTEXT_FILE_NAME}) is used, remote and file contexts never are"
                )
            return shipped_context()
        if isinstance(value, list):
            return [context_value(item) for item in value]
        if isinstance(value, dict):
            result = walk(value)
            imported = result.pop("@import", None)
            if imported is not None:
                base = context_value(imported) if isinstance(imported, str) else imported
                if not isinstance(base, dict):
                    raise GraphReadError(f"{where}: JSON-LD @import must name a context")
                result = {**base, **result}
            return result
        return value

    def walk(value: Any) -> Any:
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, dict):
            return {k: context_value(v) if k == "@context" else walk(v) for k, v in value.items()}
        return value

    return walk(doc)


def parse_jsonld(ds: Dataset, path: str | Path) -> None:
    """Parse a JSON-LD file into ``ds`` without fetching anything (see :func:`resolve_contexts`)."""
    p = Path(path)
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise GraphReadError(f"{p}: not valid JSON-LD: {' '.join(str(exc).split())[:200]}") from exc
    doc = resolve_contexts(doc, str(p))
    ds.parse(data=json.dumps(doc), format="json-ld", publicID=p.resolve().as_uri())


def parse_jsonld_text(text: str, base: str | None = None) -> Dataset:
    """Like :func:`parse_jsonld` for a string (used by tests and the export round trip)."""
    ds = Dataset(default_union=True)
    doc = resolve_contexts(json.loads(text), "<string>")
    ds.parse(data=json.dumps(doc), format="json-ld", publicID=base)
    return ds


def main() -> None:
    """Regenerate ``ontology/context.jsonld`` from the ontology."""
    text = render_context()
    write_atomic(CONTEXT_PATH, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    print(f"wrote {CONTEXT_PATH}")


if __name__ == "__main__":
    main()
