"""Small frozen records passed between the pipeline's stages.

The flow is one-way::

    path -> Article -> ParsedArticle (sentences) -> Mention -> LocalEntity
         -> Statement (with Source) -> resolved Statement -> rdflib Dataset

Nothing here depends on rdflib: RDF terms appear only from ``kg.graph`` on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class Article:
    """One input article, decoded and normalised to plain text."""

    path: str
    file_name: str
    text: str
    content_hash: str  # "sha256:<64 hex>" of ``text``
    media_type: str  # text/plain, text/markdown or text/html
    title: str | None = None
    published: date | None = None
    warnings: tuple[str, ...] = ()

    @property
    def doc_id(self) -> str:
        """Short stable identifier derived from the content hash."""
        return self.content_hash.split(":", 1)[1][:16]


@dataclass(frozen=True)
class Sentence:
    """A sentence with its character offsets in ``Article.text``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PartialDate:
    """A calendar date that may lack its day or month ("January 1994", "2007")."""

    year: int
    month: int | None = None
    day: int | None = None

    def to_date(self) -> date | None:
        """The full date, or None when day or month is unknown."""
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    def iso(self) -> str:
        """ISO 8601 text at the known precision: 2015-03-27, 1994-01 or 2007."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class Concept:
    """A member of a closed vocabulary: scheme is 'role', 'scope', 'record-kind',
    'quantity-kind', 'status', 'class' (an ontology class) or 'unit' (a QUDT unit)."""

    scheme: str
    name: str


@dataclass(frozen=True)
class Ref:
    """A reference to an entity by kind and structured key.

    Before cross-article resolution a person is ``Ref("person", ("local", doc_id, "3"))``;
    afterwards ``Ref("person", ("scott kelly",))``.  Derived entities (missions,
    events, records, quantities) carry other refs inside their key, so resolving a
    person re-keys everything built on it.
    """

    kind: str
    key: tuple[str | Ref, ...]


Value = str | int | Decimal | bool | date | datetime | PartialDate
Object = Ref | Concept | Value


@dataclass(frozen=True)
class Source:
    """Where a statement comes from: article, sentence, extractor, and the words used."""

    doc_id: str
    sentence: int
    extractor: str
    evidence: str = ""


@dataclass(frozen=True)
class Statement:
    """One fact as one sentence states it.

    ``predicate`` is an ontology term name (``"crewMember"``), or one of
    ``"type"``, ``"name"`` (a name claim, turned into SKOS labels by resolution),
    ``"prefLabel"``, ``"altLabel"``, ``"label"`` (rdfs:label: a description of an unnamed entity).
    """

    subject: Ref
    predicate: str
    object: Object
    source: Source


@dataclass(frozen=True)
class Mention:
    """A span of text that names or refers to an entity."""

    kind: str  # person, organization, spacecraft, mission, place, country
    text: str
    start: int
    end: int
    sentence: int
    source: str  # ner, gazetteer, pattern, coref
    gazetteer_id: str | None = None
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, name: str) -> str | None:
        """Look up one of the gazetteer attributes (e.g. 'class', 'operator')."""
        for key, value in self.attrs:
            if key == name:
                return value
        return None


@dataclass(frozen=True)
class LocalEntity:
    """An entity as resolved within one article: its mentions and best name."""

    ref: Ref
    kind: str
    name: str
    mentions: tuple[Mention, ...] = field(default=())


@dataclass(frozen=True)
class ArticleResult:
    """Everything one article contributed, before cross-article resolution."""

    article: Article
    sentences: tuple[Sentence, ...]
    entities: tuple[LocalEntity, ...]
    statements: tuple[Statement, ...]
    warnings: tuple[str, ...] = ()
