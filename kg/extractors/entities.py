"""Extractor 'entities': the type and names of every entity an article mentions."""

from __future__ import annotations

from kg.extractors.base import Context, Emitter
from kg.nlp import gazetteer
from kg.resolve import nickname_form, without_nickname
from kg.types import Concept, Statement

NAME = "entities"
_KIND_CLASS = {"person": "Person", "mission": "Mission", "place": "Place", "organization": "Organization"}


def extract(ctx: Context) -> list[Statement]:
    """rdf:type and name claims (first mention of each spelling) for each entity."""
    emit = Emitter(ctx, NAME)
    entries = gazetteer.entries()
    typed: set = set()
    for i, m in enumerate(ctx.mentions):
        refs = ctx.refs(i)
        if len(refs) != 1 or m.source in ("pronoun", "nominal"):
            continue
        ref = refs[0]
        entry = entries.get(m.gazetteer_id) if m.gazetteer_id else None
        if ref not in typed:
            typed.add(ref)
            cls = entry.cls if entry else m.attr("class") or _KIND_CLASS.get(ref.kind)
            if cls:
                emit(ref, "type", Concept("class", cls), m.sentence, m.text)
            if entry:
                emit(ref, "prefLabel", entry.label, m.sentence, m.text)
                if entry.attr("demonym"):
                    emit(ref, "demonym", entry.attr("demonym"), m.sentence, m.text)
        if ref.kind == "person":
            name = " ".join(m.text.split())
            emit(ref, "name", without_nickname(name), m.sentence, m.text)
            # 'Warren "Woody" Hoburg' is also 'Woody Hoburg'
            emit(ref, "name", nickname_form(name), m.sentence, m.text)
        elif entry is None:
            name = m.attr("name")  # "Resilience" for a capsule first named "Crew Dragon Resilience"
            emit(ref, "prefLabel", " ".join((name or m.text).split()), m.sentence, m.text)
            if name and name != m.text:
                emit(ref, "altLabel", " ".join(m.text.split()), m.sentence, m.text)
    return emit.statements
