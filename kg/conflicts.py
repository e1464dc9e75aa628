"""Conflicts between sources: a value that should be single but is stated differently.

Built on ``queries/conflicts.rq`` (one row per claim), grouped here by subject and property so
that a report can show each disputed value next to the article and sentence that state it:
one outlet says the Soyuz landed at 11:25 p.m. EST, another 11:27.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, URIRef

from kg.errors import QueryError
from kg.resources import QUERIES_DIR
from kg.validate import curie, label, shorten, union_view

QUERY_FILE = QUERIES_DIR / "conflicts.rq"


@dataclass(frozen=True)
class Claim:
    """One stated value and where it is stated ('' when no assertion accounts for it)."""

    value: str
    document: str
    sentence: str


@dataclass(frozen=True)
class Conflict:
    """A subject whose property (or quantity kind) has several distinct claimed values."""

    subject: str
    subject_label: str | None
    property: str
    claims: tuple[Claim, ...]

    @property
    def values(self) -> tuple[str, ...]:
        """The distinct values, in claim order."""
        return tuple(dict.fromkeys(c.value for c in self.claims))


@lru_cache(maxsize=1)
def _query() -> object:
    from rdflib.plugins.sparql import prepareQuery

    try:
        text = QUERY_FILE.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{QUERY_FILE}: cannot read: {exc.strerror or exc}") from None
    try:
        return prepareQuery(text)
    except Exception as exc:  # noqa: BLE001 - pyparsing errors: the shipped query is broken
        raise QueryError(f"{QUERY_FILE}: not valid SPARQL: {' '.join(str(exc).split())[:200]}") from None


def find_conflicts(dataset: Graph) -> list[Conflict]:
    """Every conflict in the union of the dataset's graphs (the quarantine excluded), sorted."""
    grouped: dict[tuple[str, str], list[Claim]] = {}
    labels: dict[str, str | None] = {}
    with union_view(dataset) as graph:
        for row in graph.query(_query()):
            subject, prop, value, document, sentence = (row[i] for i in range(5))  # type: ignore[index]
            claim = Claim(
                str(value), "" if document is None else str(document), "" if sentence is None else str(sentence)
            )
            grouped.setdefault((str(subject), str(prop)), []).append(claim)
            if str(subject) not in labels:
                labels[str(subject)] = label(graph, subject)
    conflicts = []
    for (subject, prop), claims in sorted(grouped.items()):
        unique = tuple(sorted(set(claims), key=lambda c: (c.value, c.document, c.sentence)))
        if len({c.value for c in unique}) > 1:
            conflicts.append(Conflict(subject, labels[subject], prop, unique))
    return conflicts


def render_conflicts_text(conflicts: list[Conflict]) -> str:
    """A report for people: each disputed value with the document and sentence that state it."""
    if not conflicts:
        return "no conflicts between sources\n"
    lines = []
    for c in conflicts:
        name = curie(URIRef(c.subject)) + (f" ({c.subject_label})" if c.subject_label else "")
        lines.append(f"{name}: {curie(URIRef(c.property))} has {len(c.values)} different values")
        width = max(len(claim.value) for claim in c.claims)
        for claim in c.claims:
            where = (
                f"{claim.document}: \u201c{shorten(claim.sentence, 140)}\u201d"
                if claim.sentence
                else "(no source sentence)"
            )
            lines.append(f"  {claim.value:<{width}}  {where}")
        lines.append("")
    lines.append(f"{len(conflicts)} conflict{'s' * (len(conflicts) != 1)}")
    return "\n".join(lines) + "\n"
