"""Extractor 'spacecraft': operator and status from the words around a craft's name.

"the now-defunct Soviet Mir space station" -> operator Soviet Union, status defunct;
"Their Russian Soyuz capsule" -> operator Russia; "NASA's Orion" -> operator NASA.
"""

from __future__ import annotations

from kg.extractors.base import Context, Emitter
from kg.nlp import gazetteer
from kg.types import Concept, Ref, Statement

NAME = "spacecraft"
STATUS_WORDS = {
    "defunct": "defunct", "now-defunct": "defunct", "decommissioned": "defunct", "deorbited": "defunct",
    "retired": "retired", "mothballed": "retired", "planned": "planned", "future": "planned",
}  # fmt: skip
_WINDOW = 4


def extract(ctx: Context) -> list[Statement]:
    """Operator and status statements for gazetteer spacecraft."""
    emit = Emitter(ctx, NAME)
    entries = gazetteer.entries()
    doc = ctx.doc
    for i, m in enumerate(ctx.mentions):
        refs = ctx.refs(i)
        if m.kind != "spacecraft" or not m.gazetteer_id or len(refs) != 1:
            continue
        span = ctx.span(m.start, m.end)
        if span is None:
            continue
        j = span.start - 1
        while j >= 0 and span.start - j <= _WINDOW and not doc[j].is_punct:
            tok = doc[j]
            entry = entries.get(tok.ent_id_) if tok.ent_id_ else None
            words = [tok.lower_, doc[j - 1].lower_ + tok.lower_ if j else ""]
            status = next((STATUS_WORDS[w] for w in words if w in STATUS_WORDS), None)
            if status:
                emit(refs[0], "status", Concept("status", status), m.sentence, doc[j : span.end].text)
            elif entry and entry.kind == "organization":
                emit(refs[0], "operator", Ref("organization", (entry.id,)), m.sentence, doc[j : span.end].text)
            elif entry and entry.kind == "country":
                emit(refs[0], "operator", Ref("place", (entry.id,)), m.sentence, doc[j : span.end].text)
            elif tok.pos_ not in ("ADJ", "DET", "PROPN", "NOUN", "PUNCT", "") and tok.lower_ not in ("now",):
                break
            j -= 1
    return emit.statements
