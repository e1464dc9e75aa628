"""A crew given as a list under a heading: 'The crew:' and then one line a person.

News pages often set a flight's crew out as bullets ('- Michael López-Alegría, 63, commander,
...') after a short line ending in a colon.  Each line is its own sentence and names no flight,
so nothing else ties those people to it: this pass makes each line's person a crew member of
the flight the heading names, else of the article's flight.
"""

from __future__ import annotations

import re

from kg.extractors.base import Context
from kg.extractors.missions import main_flight
from kg.types import Ref, Source, Statement

LISTED_CREW = "missions/listed-crew"
#: "The crew:", "Crew-9's crew:", "The four crew members are:", "Aboard:", "Who is flying:"
_HEADING = re.compile(
    r"^(?:[\w’'.-]+\s+){0,3}(?:crew|crews|crew members|crewmates|astronauts|cosmonauts|taikonauts|crew roster|line-?up)"
    r"(?:\s+(?:are|were|is|was))?\s*:$|^(?:Aboard|On board|Who is flying|Who flew)\s*:$",
    re.I,
)
#: words a line may open with before its name ("Commander", "NASA astronaut", "Pilot:")
_MAX_LEAD_WORDS = 4


def listed_crew(ctx: Context, statements: list[Statement]) -> list[Statement]:
    """Add 'crewMember' statements for the people of a list under a crew heading."""
    have = {(st.subject, st.object) for st in statements if st.predicate == "crewMember"}
    added: list[Statement] = []
    for s in ctx.sentences:
        if not _HEADING.match(s.text.strip()) or ctx.people_in(s.index):
            continue
        named = [r for _, r in ctx.in_sentence(s.index, "mission")]
        flight = named[0] if len(named) == 1 else None if named else main_flight(ctx)
        if flight is None:
            continue
        for item in range(s.index + 1, len(ctx.sentences)):
            person = _line_person(ctx, item)
            if person is None:
                break
            if (flight, person) not in have:
                have.add((flight, person))
                evidence = f"{s.text.strip()} … {ctx.sentences[item].text.strip()}"[:200]
                added.append(Statement(flight, "crewMember", person, Source(ctx.doc_id, item, LISTED_CREW, evidence)))
    return statements + added


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
