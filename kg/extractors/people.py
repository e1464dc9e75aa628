"""Extractor 'people': roles, agency, nationality and age, read from the words around a name.

Handles "NASA astronaut Scott Kelly", "Russian cosmonaut Mikhail Kornienko", "station flight
engineer Mikhail Kornienko", "cosmonauts A and B" (a plural role word covers the whole
list), "NASA's Scott Kelly", and appositions "Kelly, 52," / "Peggy Whitson, a NASA astronaut,".
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extractors.base import Context, Emitter
from kg.nlp import gazetteer
from kg.types import Concept, Ref, Statement

NAME = "people"
_SKIP = {"veteran", "former", "retired", "fellow", "rookie", "first-time", "station", "mission", "expedition", "the", "a", "an"}
_MAX_LEFT = 7


def extract(ctx: Context) -> list[Statement]:
    """Role, agency, nationality and age statements for each person mention."""
    emit = Emitter(ctx, NAME)
    plural_roles: dict[int, list[tuple]] = {}  # end token of a mention -> facts a plural role word gave it
    for i, m in enumerate(ctx.mentions):
        refs = ctx.refs(i)
        if m.kind != "person" or len(refs) != 1 or m.source in ("pronoun", "nominal"):
            continue
        span = ctx.span(m.start, m.end)
        if span is None:
            continue
        facts, plural = _left_facts(ctx, span.start)
        if not facts and span.start >= 1 and ctx.doc[span.start - 1].lower_ in ("and", ","):
            facts = _inherited(ctx, span.start, plural_roles)
        if plural:
            plural_roles[span.end - 1] = facts
        facts += _right_facts(ctx, span.end)
        for predicate, obj, evidence_start in facts:
            evidence = ctx.doc[min(evidence_start, span.start) : span.end].text
            emit(refs[0], predicate, obj, m.sentence, evidence)
    return emit.statements


def _entity_id(token: Token, kinds: tuple[str, ...]) -> str | None:
    entry = gazetteer.entries().get(token.ent_id_) if token.ent_id_ else None
    return entry.id if entry and entry.kind in kinds else None


def _left_facts(ctx: Context, start: int) -> tuple[list[tuple], bool]:
    """Facts from the words just before a name, and whether the role word was plural."""
    roles = gazetteer.roles()
    doc = ctx.doc
    facts: list[tuple] = []
    plural = False
    j = start - 1
    seen_role = False
    while j >= 0 and start - j <= _MAX_LEFT and not doc[j].is_sent_end:
        tok = doc[j]
        low = tok.lower_
        two = f"{doc[j - 1].lower_} {low}" if j >= 1 else ""
        if two in roles:
            facts.append(("role", Concept("role", roles[two]), j - 1))
            seen_role = True
            j -= 2
            continue
        if low in roles:
            facts.append(("role", Concept("role", roles[low]), j))
            plural = plural or (low.endswith("s") and not low.endswith("ss"))
            seen_role = True
            j -= 1
            continue
        org = _entity_id(tok, ("organization",))
        country = _entity_id(tok, ("country",))
        if org and seen_role:
            facts.append(("agency", Ref("organization", (org,)), j))
        elif country and seen_role:
            facts.append(("nationality", Ref("place", (country,)), j))
        elif org and tok.i + 1 < start and doc[tok.i + 1].text in ("’s", "'s") and tok.i + 2 == start:
            facts.append(("agency", Ref("organization", (org,)), j))
            break
        elif tok.ent_type_ in ("MISSION",) or low in _SKIP or tok.like_num or tok.text in ("’s", "'s", "(", ")", "-"):
            pass
        elif tok.ent_iob_ == "I" and (org or country):
            pass
        else:
            break
        j -= 1
    return _dedupe(facts), plural


def _inherited(ctx: Context, start: int, plural_roles: dict[int, list[tuple]]) -> list[tuple]:
    """Facts a plural role word ('cosmonauts A and B') passes on along a list of names."""
    j = start - 1
    while j >= 0 and ctx.doc[j].lower_ in ("and", ","):
        j -= 1
    return list(plural_roles.get(j, []))


def _right_facts(ctx: Context, end: int) -> list[tuple]:
    """Appositions after a name: ', 52,' and ', a NASA astronaut'."""
    doc = ctx.doc
    facts: list[tuple] = []
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].like_num and doc[end + 2].text in (",", ")"):
        try:
            age = int(doc[end + 1].text)
        except ValueError:
            age = None
        if age is not None and 10 <= age <= 110:
            facts.append(("age", age, end))
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("a", "an", "the"):
        roles = gazetteer.roles()
        k = end + 2
        pending: list[tuple] = []
        while k < len(doc) and k < end + 8 and doc[k].text not in (",", ".", ";"):
            low = doc[k].lower_
            two = f"{low} {doc[k + 1].lower_}" if k + 1 < len(doc) else ""
            org = _entity_id(doc[k], ("organization",))
            country = _entity_id(doc[k], ("country",))
            if two in roles:
                pending.append(("role", Concept("role", roles[two]), k))
                k += 1
            elif low in roles:
                pending.append(("role", Concept("role", roles[low]), k))
            elif org:
                pending.append(("agency", Ref("organization", (org,)), k))
            elif country:
                pending.append(("nationality", Ref("place", (country,)), k))
            k += 1
        if any(p == "role" for p, _, _ in pending):
            facts.extend(pending)
    return facts


def _dedupe(facts: list[tuple]) -> list[tuple]:
    seen = set()
    out = []
    for predicate, obj, at in facts:
        if (predicate, obj) not in seen:
            seen.add((predicate, obj))
            out.append((predicate, obj, at))
    return out
