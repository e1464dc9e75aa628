"""The build: input paths -> articles -> parsed documents -> statements -> Dataset.

Each stage is one module with one entry function; this module only wires them together,
collects per-file errors (a bad file never stops the others) and counts what was built.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from kg import ingest, resolve
from kg.errors import InputError
from kg.extractors import crew_lists, entities, events, missions, people, quantities, records, spacecraft
from kg.extractors.base import Context
from kg.labels import derived_labels
from kg.mentions import find_mentions, find_sentences
from kg.nlp import NLP, build_nlp
from kg.normalize import memo
from kg.types import Article, ArticleResult, PartialDate, Ref, Statement


@dataclass(frozen=True)
class BuildResult:
    """The built dataset, what went wrong per file, and the model used."""

    dataset: Dataset
    articles: tuple[Article, ...]
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    model: str | None = None
    statements: int = 0


def read_inputs(
    paths: Sequence[str | Path], *, max_bytes: int = ingest.DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[str], list[str]]:
    """Read every input file; return articles, one-line errors and warnings."""
    articles: list[Article] = []
    errors: list[str] = []
    warnings: list[str] = []
    seen: dict[str, str] = {}
    try:
        files = ingest.discover(paths)
    except InputError as exc:
        return [], [str(exc)], []
    for path in files:
        try:
            article = ingest.read_article(path, max_bytes=max_bytes)
        except InputError as exc:
            errors.append(str(exc))
            continue
        warnings.extend(f"{article.path}: {w}" for w in article.warnings)
        if article.content_hash in seen:
            warnings.append(f"{article.path}: same text as {seen[article.content_hash]}; read once")
            continue
        seen[article.content_hash] = article.path
        articles.append(article)
    return articles, errors, warnings


def extract_article(article: Article, doc) -> ArticleResult:
    """All extractors on one parsed article, in dependency order."""
    memo.forget()  # scanner answers are per article
    sentences = find_sentences(doc)
    mentions = find_mentions(doc, sentences)
    resolution = resolve.resolve_local(article.doc_id, mentions)
    ctx = Context(article, doc, sentences, mentions, resolution)
    statements: list[Statement] = []
    statements += entities.extract(ctx)
    statements += people.extract(ctx)
    statements += spacecraft.extract(ctx)
    found = missions.extract(ctx)
    statements += found.statements
    anchor = events.reference_date(ctx, found)
    event_statements = events.extract(ctx, found, anchor)
    statements += event_statements
    ages = {st.subject: st.object for st in statements if st.predicate == "age"}
    told = records.Told(_years(event_statements, "endDate"), _years(event_statements, "startDate"), ages)
    statements += records.extract(ctx, found, told)
    statements += quantities.extract(ctx, found)
    statements = missions.crew_by_role(ctx, missions.joined_flights(missions.without_family_crafts(statements)))
    statements = crew_lists.listed_crew(ctx, statements)
    statements = events.flight_vehicles(events.flight_crews(statements))
    statements = people.crew_roles(statements)
    return ArticleResult(article, sentences, resolution.entities, tuple(statements))


def _years(statements: list[Statement], predicate: str) -> dict[Ref, int]:
    """Each mission's year of the given date ('endDate', 'startDate')."""
    return {
        st.subject: st.object.year
        for st in statements
        if st.predicate == predicate and isinstance(st.object, PartialDate)
    }


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """The build makes millions of long-lived objects (the graph's terms and indexes), and the
    cyclic collector's default thresholds rescan them again and again: about 8% of the build's
    time.  Collect less often while building; the old thresholds come back afterwards."""
    old = gc.get_threshold()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def build(
    paths: Sequence[str | Path] = ("seeds",),
    *,
    model: str | None = "auto",
    nlp: NLP | None = None,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
) -> BuildResult:
    """Build the knowledge graph of the articles under ``paths``."""
    with _fewer_collections():
        return _build(paths, model=model, nlp=nlp, max_bytes=max_bytes)


def _build(paths: Sequence[str | Path], *, model: str | None, nlp: NLP | None, max_bytes: int) -> BuildResult:
    from kg.graph import build_dataset

    articles, errors, warnings = read_inputs(paths, max_bytes=max_bytes)
    nlp = nlp or build_nlp(model)
    if nlp.notice:
        warnings.insert(0, nlp.notice)
    results: list[ArticleResult] = []
    pipeline = nlp.pipeline
    for article, doc in zip(articles, pipeline.pipe((a.text for a in articles), batch_size=16)):
        try:
            results.append(extract_article(article, doc))
        except Exception as exc:  # noqa: BLE001 -- a fault on one article must not lose the others
            errors.append(f"{article.path}: could not be analysed ({exc.__class__.__name__}: {exc})"[:300])
    statements = resolve.resolve_corpus(results)
    statements += derived_labels(statements)
    dataset = build_dataset([(r.article, r.sentences) for r in results], statements)
    return BuildResult(
        dataset, tuple(r.article for r in results), tuple(errors), tuple(warnings), nlp.model, len(statements)
    )
