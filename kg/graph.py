"""Stage: resolved statements -> rdflib Dataset with provenance.

One named graph per article (named by the article's IRI) holds the facts the article
states, the sentences they come from and one ``sf:Assertion`` per fact and sentence.
This is the first stage that uses rdflib terms.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Literal, URIRef
from rdflib.term import Node

from kg import iris
from kg.types import Article, Concept, PartialDate, Ref, Sentence, Statement
from kg.vocab import PREFIXES, SCHEMES, SF, UNIT

#: Literals are immutable and many repeat (evidence phrases, offsets, labels): build each once.
_literal = lru_cache(maxsize=1 << 16, typed=True)(Literal)

_SPECIAL = {"type": RDF.type, "prefLabel": SKOS.prefLabel, "altLabel": SKOS.altLabel, "label": RDFS.label}
# DefinedNamespace lookups are slow and this stage makes several per fact: the terms it uses, once
_TYPE, _SUBJECT, _PREDICATE, _OBJECT, _INTEGER = RDF.type, RDF.subject, RDF.predicate, RDF.object, XSD.integer


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
        return _literal(obj)
    if isinstance(obj, int):
        return _literal(obj, datatype=_INTEGER)
    if isinstance(obj, Decimal):
        return Literal(obj, datatype=XSD.decimal)  # not cached: 340 and 340.0 are equal keys, other lexical forms
    if isinstance(obj, datetime):
        return _literal(obj.isoformat(), datatype=XSD.dateTime)
    if isinstance(obj, date):
        return _literal(obj.isoformat(), datatype=XSD.date)
    if isinstance(obj, PartialDate):
        dtype = XSD.gYear if obj.month is None else XSD.gYearMonth if obj.day is None else XSD.date
        return _literal(obj.iso(), datatype=dtype)
    if isinstance(obj, str):
        return _literal(obj)
    raise TypeError(f"cannot turn {type(obj).__name__} into RDF")


Triple = tuple[Node, Node, Node]

_extractor_iri = cache(iris.extractor_iri)


def fact_triples(
    s: Node, p: Node, o: Node, assertion: URIRef, sentence: URIRef, extractor: str, evidence: str
) -> list[Triple]:
    """A fact and the assertion that ties it to its sentence and extractor (the provenance model)."""
    out: list[Triple] = [
        (s, p, o),
        (assertion, _TYPE, sf_term("Assertion")),
        (assertion, _SUBJECT, s),
        (assertion, _PREDICATE, p),
        (assertion, _OBJECT, o),
        (assertion, sf_term("sentence"), sentence),
        (assertion, sf_term("extractor"), _extractor_iri(extractor)),
    ]
    if evidence:
        out.append((assertion, sf_term("evidence"), _literal(evidence)))
    return out


def sentence_triples(node: URIRef, article: URIRef, index: int, start: int, end: int, text: str) -> list[Triple]:
    """A source sentence: its article, position and character offsets, and its text."""
    return [
        (node, _TYPE, sf_term("Sentence")),
        (node, sf_term("article"), article),
        (node, sf_term("index"), _literal(index, datatype=_INTEGER)),
        (node, sf_term("start"), _literal(start, datatype=_INTEGER)),
        (node, sf_term("end"), _literal(end, datatype=_INTEGER)),
        (node, sf_term("text"), _literal(text)),
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
    triples: list[Triple] = [
        (doc, _TYPE, sf_term("Article")),
        (doc, sf_term("contentHash"), _literal(article.content_hash)),
        (doc, sf_term("fileName"), _literal(article.file_name)),
        (doc, sf_term("mediaType"), _literal(article.media_type)),
    ]
    if article.title:
        triples.append((doc, sf_term("title"), _literal(article.title)))
    if article.published:
        triples.append((doc, sf_term("published"), _literal(article.published.isoformat(), datatype=XSD.date)))
    used_sentences: set[int] = set()
    extractors: set[str] = set()
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
    for index in sorted(used_sentences):
        sentence = sentences[index]
        node = iris.sentence_iri(article.doc_id, index)
        triples += sentence_triples(node, doc, index, sentence.start, sentence.end, sentence.text)
    for name in sorted(extractors):
        node = iris.extractor_iri(name)
        triples += [(node, _TYPE, sf_term("Extractor")), (node, RDFS.label, _literal(name))]
    # straight to the store: Graph.addN re-checks every term, and these are built right above
    ds.store.addN((s, p, o, g) for s, p, o in triples)
