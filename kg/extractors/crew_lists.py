"""A crew given as a list under a heading: 'The crew:' and then one line a person.

News pages often set a flight's crew out as bullets ('- Michael López-Alegría, 63, commander,
...') after a short line ending in a colon.  Each line is its own sentence and names no flight,
so nothing else ties those people to it: this pass makes each line's person a crew member of
the flight the heading names, else of the article's flight.
"""

from __future__ import annotations

import re

from kg.extractors.base import Context
from kg.extractors.missions import is_expedition, main_flight
from kg.types import Ref, Source, Statement

LISTED_CREW = "missions/listed-crew"
_CREW_NOUNS = r"(?:crew|crews|crew members|crewmates|astronauts|cosmonauts|taikonauts|fliers|flyers)"
#: "The crew:", "Crew-9's crew:", "The four crew members are:", "Aboard:"; and a sentence that
#: ends in a crew noun: "With Quispe-Halvorsen were three fellow ARSA astronauts:"
_HEADING = re.compile(
    rf"^(?:[\w’'.-]+\s+){{0,3}}(?:{_CREW_NOUNS}|crew roster|line-?up)(?:\s+(?:are|were|is|was))?\s*:$"
    r"|^(?:Aboard|On board|Who is flying|Who flew)\s*:$"
    rf"|^(?:With|Joining|Alongside) .+ (?:were|are|was|is) .*\b{_CREW_NOUNS}\s*:$",
    re.I,
)
#: "With X were ...:": X flew too
_WITH = re.compile(r"^(?:With|Joining|Alongside)\b", re.I)
#: words a line may open with before its name ("Commander", "NASA astronaut", "Pilot:")
_MAX_LEAD_WORDS = 4
#: how far back a heading that names no flight looks for the one the paragraph is about
_LOOK_BACK = 3


def listed_crew(ctx: Context, statements: list[Statement]) -> list[Statement]:
    """Add 'crewMember' statements for the people of a list under a crew heading."""
    have = {(st.subject, st.object) for st in statements if st.predicate == "crewMember"}
    added: list[Statement] = []
    for s in ctx.sentences:
        heading = s.text.strip()
        if not _HEADING.match(heading):
            continue
        named = ctx.people_in(s.index)
        if named and not _WITH.match(heading):
            continue
        flight = _heading_flight(ctx, s.index)
        if flight is None:
            continue
        people = [(p, s.index) for p in named]
        for item in range(s.index + 1, len(ctx.sentences)):
            person = _line_person(ctx, item)
            if person is None:
                break
            people.append((person, item))
        if len(people) == len(named):
            continue  # no list follows
        for person, item in people:
            if (flight, person) not in have:
                have.add((flight, person))
                evidence = f"{heading} … {ctx.sentences[item].text.strip()}"[:200]
                added.append(Statement(flight, "crewMember", person, Source(ctx.doc_id, item, LISTED_CREW, evidence)))
    return statements + added


def _heading_flight(ctx: Context, sentence: int) -> Ref | None:
    """The flight a heading names, else the article's, else the one named last in the sentences
    just before it (a heading or a sentence that names several says nothing sure)."""
    named = list(dict.fromkeys(r for _, r in ctx.in_sentence(sentence, "mission")))
    if named:
        return named[0] if len(named) == 1 else None
    flight = main_flight(ctx)
    if flight is not None:
        return flight
    for back in range(1, min(_LOOK_BACK, sentence) + 1):
        before = {r for _, r in ctx.in_sentence(sentence - back, "mission") if not is_expedition(r)}
        if before:
            return before.pop() if len(before) == 1 else None
    return None


def _line_person(ctx: Context, sentence: int) -> Ref | None:
    """The one person a list line opens with, if it opens with one."""
    people = ctx.in_sentence(sentence, "person")
    if not people or ctx.in_sentence(sentence, "mission"):
        return None
    first, ref = people[0]
    lead = ctx.text[ctx.sentences[sentence].start : first.start]
    if first.source in ("pronoun", "nominal", "counted") or "," in lead or len(lead.split()) > _MAX_LEAD_WORDS:
        return None
    return ref
