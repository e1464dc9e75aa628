"""Stage: resolved statements -> rdflib Dataset with provenance.

One named graph per article (named by the article's IRI) holds the facts the article
states, the sentences they come from and one ``sf:Assertion`` per fact and sentence.
This is the first stage that uses rdflib terms.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal
from functools import cache

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Literal, URIRef
from rdflib.term import Node

from kg import iris
from kg.types import Article, Concept, PartialDate, Ref, Sentence, Statement
from kg.vocab import PREFIXES, SCHEMES, SF, UNIT

_SPECIAL = {"type": RDF.type, "prefLabel": SKOS.prefLabel, "altLabel": SKOS.altLabel, "label": RDFS.label}


@cache
def sf_term(name: str) -> URIRef:
    """``SF.<name>``, cached: a DefinedNamespace lookup is slow and this stage makes several per fact."""
    return getattr(SF, name)


def predicate_term(name: str) -> URIRef:
    """The RDF property for a statement's predicate name (unknown names fail)."""
    return _SPECIAL.get(name) or sf_term(name)


@cache
def _concept_term(obj: Concept) -> URIRef:
    if obj.scheme == "class":
        return sf_term(obj.name)
    if obj.scheme == "unit":
        return UNIT[obj.name]
    return getattr(SCHEMES[obj.scheme], obj.name)


def object_term(obj: object) -> Node:
    """The RDF term for a statement's object."""
    if isinstance(obj, Ref):
        return iris.entity_iri(obj)
    if isinstance(obj, Concept):
        return _concept_term(obj)
    if isinstance(obj, bool):
        return Literal(obj)
    if isinstance(obj, int):
        return Literal(obj, datatype=XSD.integer)
    if isinstance(obj, Decimal):
        return Literal(obj, datatype=XSD.decimal)
    if isinstance(obj, datetime):
        return Literal(obj.isoformat(), datatype=XSD.dateTime)
    if isinstance(obj, date):
        return Literal(obj.isoformat(), datatype=XSD.date)
    if isinstance(obj, PartialDate):
        dtype = XSD.gYear if obj.month is None else XSD.gYearMonth if obj.day is None else XSD.date
        return Literal(obj.iso(), datatype=dtype)
    if isinstance(obj, str):
        return Literal(obj)
    raise TypeError(f"cannot turn {type(obj).__name__} into RDF")


Triple = tuple[Node, Node, Node]

_extractor_iri = cache(iris.extractor_iri)


def fact_triples(
    s: Node, p: Node, o: Node, assertion: URIRef, sentence: URIRef, extractor: str, evidence: str
) -> list[Triple]:
    """A fact and the assertion that ties it to its sentence and extractor (the provenance model)."""
    out: list[Triple] = [
        (s, p, o),
        (assertion, RDF.type, sf_term("Assertion")),
        (assertion, RDF.subject, s),
        (assertion, RDF.predicate, p),
        (assertion, RDF.object, o),
        (assertion, sf_term("sentence"), sentence),
        (assertion, sf_term("extractor"), _extractor_iri(extractor)),
    ]
    if evidence:
        out.append((assertion, sf_term("evidence"), Literal(evidence)))
    return out


def sentence_triples(node: URIRef, article: URIRef, index: int, start: int, end: int, text: str) -> list[Triple]:
    """A source sentence: its article, position and character offsets, and its text."""
    return [
        (node, RDF.type, SF.Sentence),
        (node, SF.article, article),
        (node, SF.index, Literal(index, datatype=XSD.integer)),
        (node, SF.start, Literal(start, datatype=XSD.integer)),
        (node, SF.end, Literal(end, datatype=XSD.integer)),
        (node, SF.text, Literal(text)),
    ]


def new_dataset() -> Dataset:
    """An empty dataset whose default graph is the union of the named graphs, prefixes bound."""
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True, replace=True)
    return ds


def build_dataset(articles: list[tuple[Article, tuple[Sentence, ...]]], statements: list[Statement]) -> Dataset:
    """Add every statement to its article's graph, with its assertion and sentence."""
    ds = new_dataset()
    by_doc: dict[str, list[Statement]] = defaultdict(list)
    for st in statements:
        by_doc[st.source.doc_id].append(st)
    for article, sentences in sorted(articles, key=lambda a: a[0].doc_id):
        _add_article(ds, article, sentences, by_doc.get(article.doc_id, []))
    return ds


def _add_article(ds: Dataset, article: Article, sentences: tuple[Sentence, ...], statements: list[Statement]) -> None:
    doc = iris.article_iri(article.doc_id)
    g = ds.graph(doc)
    g.add((doc, RDF.type, SF.Article))
    g.add((doc, SF.contentHash, Literal(article.content_hash)))
    g.add((doc, SF.fileName, Literal(article.file_name)))
    g.add((doc, SF.mediaType, Literal(article.media_type)))
    if article.title:
        g.add((doc, SF.title, Literal(article.title)))
    if article.published:
        g.add((doc, SF.published, Literal(article.published.isoformat(), datatype=XSD.date)))
    used_sentences: set[int] = set()
    extractors: set[str] = set()
    triples: list[Triple] = []
    terms: dict[object, Node] = {}
    assertions: set[URIRef] = set()
    for st in statements:
        s = terms.get(st.subject) or terms.setdefault(st.subject, iris.entity_iri(st.subject))
        p = predicate_term(st.predicate)
        o = terms.get(st.object) if isinstance(st.object, Ref) else None
        o = o or object_term(st.object)
        src = st.source
        a = iris.assertion_iri(article.doc_id, s, p, o.n3(), str(src.sentence), src.extractor)
        if a in assertions:  # the same fact from the same sentence twice: one assertion, first evidence
            continue
        assertions.add(a)
        sentence = iris.sentence_iri(article.doc_id, src.sentence)
        triples += fact_triples(s, p, o, a, sentence, src.extractor, src.evidence)
        used_sentences.add(src.sentence)
        extractors.add(src.extractor)
    g.addN((s, p, o, g) for s, p, o in triples)
    for index in sorted(used_sentences):
        sentence = sentences[index]
        node = iris.sentence_iri(article.doc_id, index)
        for triple in sentence_triples(node, doc, index, sentence.start, sentence.end, sentence.text):
            g.add(triple)
    for name in sorted(extractors):
        node = iris.extractor_iri(name)
        g.add((node, RDF.type, SF.Extractor))
        g.add((node, RDFS.label, Literal(name)))
