"""What every extractor sees: the article, its parse, its mentions and their entities."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from kg.nlp import gazetteer
from kg.resolve import Resolution
from kg.types import Article, Mention, Object, Ref, Sentence, Source, Statement


@dataclass(frozen=True)
class Context:
    """One parsed article with its resolved mentions."""

    article: Article
    doc: Doc
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    resolution: Resolution

    @property
    def doc_id(self) -> str:
        return self.article.doc_id

    @property
    def text(self) -> str:
        """The article's text (``doc.text`` is the same, but spaCy rebuilds it on every access)."""
        return self.article.text

    @cached_property
    def by_sentence(self) -> dict[int, list[int]]:
        """Mention indexes per sentence."""
        out: dict[int, list[int]] = defaultdict(list)
        for i, m in enumerate(self.mentions):
            out[m.sentence].append(i)
        return out

    @cached_property
    def counts(self) -> Counter:
        """How many mentions refer to each entity (salience)."""
        return Counter(r for rs in self.resolution.refs for r in rs)

    @cached_property
    def first_sentence(self) -> dict[Ref, int]:
        """The sentence each entity is first mentioned in."""
        out: dict[Ref, int] = {}
        for i, m in enumerate(self.mentions):
            for r in self.refs(i):
                out.setdefault(r, m.sentence)
        return out

    @cached_property
    def sentences_of(self) -> dict[Ref, list[int]]:
        """The sentences each entity is mentioned in, in order."""
        out: dict[Ref, list[int]] = defaultdict(list)
        for i, m in enumerate(self.mentions):
            for r in self.refs(i):
                if not out[r] or out[r][-1] != m.sentence:
                    out[r].append(m.sentence)
        return out

    @cached_property
    def _sentence_spans(self) -> list[Span]:
        return [self.doc.char_span(s.start, s.end, alignment_mode="expand") for s in self.sentences]

    @cached_property
    def _token_mention(self) -> dict[int, int]:
        # the innermost mention: "MOA" inside the group "three other MOA astronauts" is the agency
        out: dict[int, int] = {}
        for i, m in sorted(enumerate(self.mentions), key=lambda p: (p[1].end - p[1].start, p[0])):
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    out.setdefault(t.i, i)
        return out

    @cached_property
    def ground_staff(self) -> frozenset[Ref]:
        """People the article introduces by a ground role (administrator, spokesperson, flight
        director, official): they talk about flights but are not their crew."""
        ground = {"administrator", "spokesperson", "flight_director", "official"}
        roles = gazetteer.roles()
        out = set()
        for i, m in enumerate(self.mentions):
            if m.kind != "person" or len(self.resolution.refs[i]) != 1:
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            before = [t.lower_ for t in self.doc[max(span.start - 3, 0) : span.start]]
            pairs = [f"{a} {b}" for a, b in zip(before, before[1:])]  # "Flight director X"
            if any(roles.get(w) in ground for w in before + pairs):
                out.add(self.resolution.refs[i][0])
        return frozenset(out)

    @cached_property
    def _classes(self) -> dict[Ref, str]:
        out: dict[Ref, str] = {}
        for i, m in enumerate(self.mentions):
            if m.attr("class") and len(self.refs(i)) == 1:
                out.setdefault(self.refs(i)[0], m.attr("class"))
        return out

    def class_of(self, ref: Ref | None) -> str | None:
        """Ontology class of a known or unlisted thing ('SpaceStation', 'Capsule', 'LaunchVehicle')."""
        if ref is None:
            return None
        entry = gazetteer.entries().get(ref.key[0]) if ref.key and isinstance(ref.key[0], str) else None
        return entry.cls if entry is not None else self._classes.get(ref)

    def refs(self, i: int) -> tuple[Ref, ...]:
        return self.resolution.refs[i]

    def in_sentence(self, sentence: int, kind: str | None = None) -> list[tuple[Mention, Ref]]:
        """(mention, entity) pairs of a sentence, in order; groups expand to their members."""
        out = []
        for i in self.by_sentence.get(sentence, []):
            m = self.mentions[i]
            for ref in self.refs(i):
                if kind is None or ref.kind == kind:
                    out.append((m, ref))
        return out

    def people_in(self, sentence: int) -> list[Ref]:
        """Distinct people a sentence refers to, in order of first mention."""
        return list(dict.fromkeys(ref for _, ref in self.in_sentence(sentence, "person")))

    def span(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def sentence_span(self, sentence: int) -> Span:
        return self._sentence_spans[sentence]

    def mention_at_token(self, token: Token) -> int | None:
        """Index of the mention covering a token, if any."""
        return self._token_mention.get(token.i)

    def sentence_of(self, offset: int) -> int:
        for s in self.sentences:
            if s.start <= offset < s.end + 1:
                return s.index
        return len(self.sentences) - 1

    def source(self, sentence: int, extractor: str, evidence: str = "") -> Source:
        return Source(self.doc_id, sentence, extractor, " ".join(evidence.split())[:300])


class Emitter:
    """Collects statements for one extractor, de-duplicated, in order."""

    def __init__(self, ctx: Context, extractor: str) -> None:
        self.ctx = ctx
        self.extractor = extractor
        self._out: dict[Statement, None] = {}

    def __call__(self, subject: Ref, predicate: str, obj: Object, sentence: int, evidence: str = "") -> None:
        if obj is None:
            return
        st = Statement(subject, predicate, obj, self.ctx.source(sentence, self.extractor, evidence))
        self._out.setdefault(st, None)

    @property
    def statements(self) -> list[Statement]:
        return list(self._out)
