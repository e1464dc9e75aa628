"""The only place instance IRIs are minted.

IRIs are pure functions of normalised keys: no counters, no randomness, no
clock.  Readable slugs are used where the key is short; long or structured keys
get a slug prefix plus a short SHA-256 digest so that distinct keys never collide.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.types import Ref
from kg.vocab import ID

_SLUG_MAX = 60


def slug(text: str) -> str:
    """Lowercase ASCII slug: 'Soyuz MS-22' -> 'soyuz-ms-22', 'Lopez-Alegría' -> 'lopez-alegria'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "x"


def digest(*parts: str, length: int = 12) -> str:
    """A short hex digest of the parts, joined unambiguously."""
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return h.hexdigest()[:length]


def key_text(ref: Ref) -> str:
    """A canonical text form of a structured key (nested refs included)."""
    parts = []
    for part in ref.key:
        parts.append(f"<{part.kind}:{key_text(part)}>" if isinstance(part, Ref) else part)
    return "|".join(parts)


def _readable(ref: Ref) -> str:
    words: list[str] = []
    for part in ref.key:
        if isinstance(part, Ref):
            words.append(_readable(part))
        else:
            words.append(part)
    return slug(" ".join(words))


def entity_iri(ref: Ref) -> URIRef:
    """IRI of an entity: id/<kind>/<slug>, with a digest suffix when the key is structured."""
    readable = _readable(ref)
    simple = len(ref.key) == 1 and not isinstance(ref.key[0], Ref)
    if simple and len(readable) <= _SLUG_MAX:
        return URIRef(f"{ID}{ref.kind}/{readable}")
    return URIRef(f"{ID}{ref.kind}/{readable[:_SLUG_MAX].rstrip('-')}-{digest(key_text(ref), length=8)}")


def article_iri(doc_id: str) -> URIRef:
    """IRI of an article; also the name of the graph holding its facts."""
    return URIRef(f"{ID}article/{doc_id}")


def sentence_iri(doc_id: str, index: int) -> URIRef:
    """IRI of sentence ``index`` of an article."""
    return URIRef(f"{ID}article/{doc_id}/sentence/{index}")


def assertion_iri(doc_id: str, *parts: str) -> URIRef:
    """IRI of one assertion (fact x sentence x extractor) of an article."""
    return URIRef(f"{ID}article/{doc_id}/assertion/{digest(*parts, length=16)}")


def extractor_iri(name: str) -> URIRef:
    """IRI of an extractor component."""
    return URIRef(f"{ID}extractor/{slug(name)}")
