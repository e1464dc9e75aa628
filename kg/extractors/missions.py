"""Extractor 'missions': which flights and stays an article talks about, their crew,
spacecraft and stated duration.

Named flights (Expedition 46, Soyuz MS-22, STS-79, Shenzhou 5) come from the flight patterns.
An unnamed stay ("a 340-day stay aboard the International Space Station", "a nearly 438-day
mission by cosmonaut Valeri Polyakov") is keyed by its lead crew member and station, so two
outlets describing the same stay give one mission.  Dates are attached by ``events``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from kg.extractors.base import Context, Emitter
from kg.nlp import gazetteer
from kg.normalize.dates import MONTH_NAME, month_named
from kg.normalize.durations import DurationMatch, find_durations
from kg.resolve import mission_key
from kg.types import Concept, PartialDate, Ref, Source, Statement

NAME = "missions"
MISSION_NOUNS = {
    "mission",
    "missions",
    "stay",
    "flight",
    "spaceflight",
    "expedition",
    "trip",
    "journey",
    "sojourn",
    "residency",
    "tour",
    "stint",
    "marathon",
    "voyage",
}
STAY_VERBS = {
    "spend",
    "spent",
    "spending",
    "spends",
    "live",
    "lived",
    "living",
    "logged",
    "log",
    "stayed",
    "stay",
    "orbited",
}
CUT_WORDS = {
    "surpassing", "surpassed", "surpasses", "eclipsing", "eclipsed", "eclipses", "beating", "beat", "beats", "breaking",
    "broke", "breaks", "than", "topping", "topped", "overtaking", "overtook", "passing", "besting", "bested",
}  # fmt: skip
#: who a crew met aboard are not its members ('joined A and B'; but 'joined by A' are)
_MET_WORDS = {
    "joined", "joining", "greet", "greeted", "welcomed", "relieved", "relieving", "replaced", "replacing",
}  # fmt: skip
RECORD_WORDS = {"record", "records", "mark", "milestone"}
_CLOSE = 4
_CAREER = re.compile(
    r"\bcumulative\b|\bcareer\b|\bcombined\b|\bin all\b|\baltogether\b|\btotal (?:time|of)\b.*\b(?:flights|missions)\b"
    r"|\bover (?:his|her|their)? ?(?:\w+ )?(?:flights|missions|trips)\b|\bacross (?:\w+ )?(?:flights|missions)\b"
    r"|\b(?:his|her|their|two|three|four|five|six|seven|both) (?:\w+ )?(?:flights|missions|trips|spaceflights)\b",
    re.I,
)
_EARLIER = re.compile(
    r"\b(?:previous|earlier|prior|former|first|second|third|last) (?:mission|flight|trip|stay|expedition)s?\b"
    r"|\bin (?:19|20)\d\d[.!]?$",
    re.I,
)
# "... who spent 437 days aboard Mir in 1994 and 1995.": a stay of its own, never this article's flight
_IN_YEARS = re.compile(r"\bin (?:19|20)\d\d\s*(?:and|to|-|–)\s*(?:19|20)?\d\d[.!]?$", re.I)
# "In all, the mission lasted 64 days": a total of one flight, not a career
#: No single flight has come near this (the record, Polyakov's, is 437 days): a longer stated
#: length is a career total whatever the words around it.
LONGEST_FLIGHT_DAYS = 450
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_ONE_FLIGHT = re.compile(r"\b(?:the|this|that|her|his|their) (?:mission|flight|stay|expedition)\b", re.I)
_CAREER_PLURAL = re.compile(r"\b(?:flights|missions|trips|spaceflights|cumulative|career|combined)\b", re.I)
_QUALIFIERS = re.compile(r"\b(?:consecutive|straight|continuous|uninterrupted|successive)\b", re.I)


def without_family_crafts(statements: list[Statement]) -> list[Statement]:
    """A flight (or event) of a named capsule ('Crew Dragon Resilience') is not also one of its
    type ('Crew Dragon', which the Crew-N pattern gives every such flight): the type is dropped.
    So is a type the article never names ('STS-160' with no word 'shuttle'): it would be a node
    with neither class nor name."""
    typed = {st.subject for st in statements if st.predicate == "type"}
    crafts: dict[tuple[Ref, str], set[str]] = {}
    for st in statements:
        if (
            st.predicate in ("spacecraft", "vehicle")
            and isinstance(st.object, Ref)
            and isinstance(st.object.key[0], str)
        ):
            crafts.setdefault((st.subject, st.predicate), set()).add(st.object.key[0])

    def family(st: Statement) -> bool:
        if (st.subject, st.predicate) not in crafts or not isinstance(st.object, Ref):
            return False
        key = st.object.key[0]
        listed = gazetteer.entries()
        if key in listed and st.object not in typed:
            return True
        return key in listed and any(
            other.startswith(key + "-") and other not in listed for other in crafts[(st.subject, st.predicate)]
        )

    return [st for st in statements if not family(st)]


CREW_BY_ROLE = "missions/crew-by-role"
_FLIGHT_ROLES = {"pilot", "mission_specialist", "payload_specialist", "flight_engineer", "space_tourist"}
# the sentence speaks of this flight's seats: "Steven Lindsey served as pilot", "The mission specialists were ..."
_OF_THIS_FLIGHT = re.compile(
    r"\b(?:served|flew|flies|flying) as\b|\bwere\b|\bjoined\b|\bcrewmates?\b|\b(?:the|this|its|their) (?:flight|mission|crew|cabin)\b"
    r"|\bsat\b|\bseated\b|\bbeside (?:her|him)\b|\bmodule pilot\b",
    re.I,
)
_COMMANDED_FLIGHT = re.compile(
    r"\bcommand\w* (?:the|this|its) (?:flight|mission|crew|spacecraft|capsule|shuttle)\b"
    r"|\bthe (?:\d+-year-old )?mission commander\b",
    re.I,
)


def crew_by_role(ctx: Context, statements: list[Statement]) -> list[Statement]:
    """People given a seat of the article's one flight ('Curtis Brown commanded the flight and
    Steven Lindsey served as pilot. The mission specialists were A, B and C.') in a sentence that
    names no other flight and no year (an earlier flight's) are that flight's crew; cited at the
    role statement, under their own extractor name."""
    flight = main_flight(ctx)
    if flight is None or is_expedition(flight):
        return statements
    on_flights = {st.object for st in statements if st.predicate == "crewMember" and st.subject.kind == "mission"}
    added: list[Statement] = []
    for st in statements:
        if st.predicate != "role" or st.source.extractor != "people" or st.subject in on_flights:
            continue
        text = ctx.sentences[st.source.sentence].text
        seat = st.object.name in _FLIGHT_ROLES and _OF_THIS_FLIGHT.search(text)
        if not (seat or st.object.name == "commander" and _COMMANDED_FLIGHT.search(text)):
            continue
        named = {r for _, r in ctx.in_sentence(st.source.sentence, "mission")}
        if named - {flight} or _YEAR.search(text):
            continue
        on_flights.add(st.subject)
        added.append(Statement(flight, "crewMember", st.subject, replace(st.source, extractor=CREW_BY_ROLE)))
    aboard = {st.object for st in statements + added if st.predicate == "crewMember" and st.subject == flight}
    for s in ctx.sentences:  # "Ferguson, 49, led a crew of four NASA astronauts: pilot A, ..."
        led = _CREW_OF.search(s.text)
        if led is None or {r for _, r in ctx.in_sentence(s.index, "mission")} - {flight} or _YEAR.search(s.text):
            continue
        for person in crew_in_sentence(ctx, s.index):
            if person not in aboard:  # (named on earlier flights too: "Every member had flown before")
                aboard.add(person)
                added.append(Statement(flight, "crewMember", person, Source(ctx.doc_id, s.index, CREW_BY_ROLE, led[0])))
    return statements + added


#: a sentence that sets out the flight's crew: "X led a crew of four NASA astronauts: ..."
_CREW_OF = re.compile(
    r"\b(?:led|leads|commanded|commands|headed|heads) (?:a|the|its|this) crew of (?:\w+ ){0,3}"
    r"(?:astronauts|cosmonauts|taikonauts|people|fliers|flyers)\b(?:, | and |:)",
    re.I,
)


JOINED = "missions/joined-flights"


def joined_flights(statements: list[Statement]) -> list[Statement]:
    """Up on one Soyuz, home on another: a flight that only started (Soyuz MS-22, launched
    2022-09-21) and one that only ended with a stated length (Soyuz MS-23, landed 2023-09-27 after
    371 days) are one stay when the length spans the two dates to within a day.  The stay gains
    the start and the first craft, and the launch gains the stay's crew, each claim citing the
    sentence it rests on under its own extractor name."""
    told: dict[Ref, dict[str, list[Statement]]] = {}  # mission -> predicate -> its statements
    for st in statements:
        if st.subject.kind == "mission" and st.predicate in (
            "startDate",
            "endDate",
            "durationDays",
            "spacecraft",
            "crewMember",
        ):
            told.setdefault(st.subject, {}).setdefault(st.predicate, []).append(st)
    added: list[Statement] = []
    for up, a in told.items():
        start = a["startDate"][0].object.to_date() if "startDate" in a and "endDate" not in a else None
        if start is None or a.get("crewMember"):
            continue
        for down, b in told.items():
            if down == up or "startDate" in b or "endDate" not in b or "durationDays" not in b:
                continue
            end = b["endDate"][0].object.to_date()
            days = b["durationDays"][0].object
            if end is None or not isinstance(days, int) or abs((end - start).days - days) > 1:
                continue
            cite = a["startDate"][0].source
            added.append(Statement(down, "startDate", a["startDate"][0].object, replace(cite, extractor=JOINED)))
            added += [
                Statement(down, "spacecraft", st.object, replace(st.source, extractor=JOINED))
                for st in a.get("spacecraft", [])
            ]
            launches = {
                st.subject
                for st in statements
                if st.predicate == "mission" and st.object == up and st.subject.key[0] == "launch"
            }
            added += [
                Statement(event, "participant", st.object, replace(cite, extractor=JOINED))
                for event in sorted(launches, key=str)
                for st in b.get("crewMember", [])
            ]
            break
    return statements + added


def durations_in(text: str) -> list[DurationMatch]:
    """Durations of a sentence; '340 consecutive days' counts as '340 days' (offsets kept)."""
    masked = _QUALIFIERS.sub(lambda m: " " * len(m.group(0)), text)
    return [replace(d, text=text[d.start : d.end]) for d in find_durations(masked)]


@dataclass(frozen=True)
class MissionInfo:
    """A mission of this article: its key, lead, crew and craft as seen so far."""

    ref: Ref
    lead: Ref | None
    crew: tuple[Ref, ...]
    spacecraft: tuple[Ref, ...]
    duration_days: int | None


@dataclass(frozen=True)
class Missions:
    """The article's missions and the statements made about them."""

    infos: tuple[MissionInfo, ...]
    by_person: dict  # person Ref -> mission Ref
    statements: tuple[Statement, ...]

    def of(self, person: Ref) -> Ref | None:
        return self.by_person.get(person)

    def info(self, ref: Ref) -> MissionInfo | None:
        return next((i for i in self.infos if i.ref == ref), None)


_CLAUSE_BREAK = re.compile(r",\s*(?:and|but|while|whereas)\b|;|\bwhile\b|\bwhereas\b")


def _one_clause(ctx: Context, a, b) -> bool:
    """Two mentions in the same clause: 'Tereshkova flew aboard Vostok 6 in 1963, and Savitskaya
    spent a week on the Salyut 7 space station' puts Vostok 6 and Salyut 7 in different ones."""
    first, second = sorted((a, b), key=lambda m: m.start)
    return not _CLAUSE_BREAK.search(ctx.text[first.end : second.start])


def _elsewhere(ctx: Context, flight) -> set[Ref]:
    """People of another clause with a subject and a craft of its own: in 'Tereshkova flew aboard
    Vostok 6 in 1963, and Savitskaya spent a week on the Salyut 7 space station' Savitskaya is not
    Vostok 6's crew.  'Hague, who commanded the Crew-9 mission, and Gorbunov, who flew as ...'
    (no craft of its own) and 'He first went up on Shenzhou-7 ..., and in 2016 spent 33 days on
    Shenzhou-11' (no subject before the flight in its clause) keep everyone."""
    people = ctx.in_sentence(flight.sentence, "person")
    span = ctx.span(flight.start, flight.end)
    if span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and len(_flights_named(ctx, flight.sentence)) > 1:
        # "A had flown Shenzhou-31 in 2025, and Shenzhou-38 docked ...": the flight is its clause's subject
        return {person for pm, person in people if not _one_clause(ctx, pm, flight)}
    if not any(pm.start < flight.start and _one_clause(ctx, pm, flight) for pm, _ in people):
        return set()
    crafts = ctx.in_sentence(flight.sentence, "spacecraft") + ctx.in_sentence(flight.sentence, "mission")
    others = [cm for cm, _ in crafts if cm is not flight and not _one_clause(ctx, flight, cm)]
    here = {person for pm, person in people if _one_clause(ctx, flight, pm)}
    return {person for pm, person in people if person not in here and any(_one_clause(ctx, pm, cm) for cm in others)}


def station_of(ctx: Context, sentence: int, *, anywhere: bool = True) -> Ref | None:
    """The station a sentence names (or refers back to), else (``anywhere``) the article's only one."""
    here = [r for m, r in ctx.in_sentence(sentence, "spacecraft") if _is_station(ctx, m, r)]
    if here:
        return here[0]
    if sentence > 0:
        before = [r for m, r in ctx.in_sentence(sentence - 1, "spacecraft") if _is_station(ctx, m, r)]
        if before:
            return before[0]
    if not anywhere:
        return None
    stations = [r for r in ctx.counts if r.kind == "spacecraft" and _is_station(ctx, None, r)]
    return stations[0] if len(stations) == 1 else None  # several stations named: do not guess


def _is_station(ctx: Context, mention, ref: Ref) -> bool:
    return ctx.class_of(ref) == "SpaceStation"


def mention_count(ctx: Context, ref: Ref) -> int:
    return ctx.counts[ref]


def extract(ctx: Context) -> Missions:
    """Find the article's missions; emit crew, spacecraft and duration statements."""
    emit = Emitter(ctx, NAME)
    crews: dict[Ref, list[Ref]] = {}
    crafts: dict[Ref, list[Ref]] = {}
    durations: dict[Ref, list[tuple[int, DurationMatch, int]]] = {}
    by_person: dict[Ref, Ref] = {}
    flights = _named_flights(ctx, emit, crews, crafts, by_person)
    for s in ctx.sentences:
        for dm in durations_in(s.text):
            _attach_duration(ctx, s.index, dm, by_person, crews, crafts, durations, flights, emit)
    latest = _latest_year(ctx)
    for s in ctx.sentences:
        _earlier_flight(ctx, s.index, latest, emit, crews, crafts)
    infos = []
    for ref in sorted(set(crews) | set(durations), key=lambda r: str(r)):
        crew = tuple(dict.fromkeys(crews.get(ref, [])))
        best = _best_duration(durations.get(ref, []))
        if best is not None:
            days, dm, sentence = best
            emit(ref, "durationDays", days, sentence, dm.text)
            if dm.duration.approximate:
                emit(ref, "approximate", True, sentence, dm.text)
        lead = max(crew, key=lambda r: (mention_count(ctx, r), str(r))) if crew else None
        infos.append(MissionInfo(ref, lead, crew, tuple(dict.fromkeys(crafts.get(ref, []))), best[0] if best else None))
    return Missions(tuple(infos), by_person, tuple(emit.statements))


def _named_flights(ctx, emit, crews, crafts, by_person) -> set[Ref]:
    """Named flights: type, craft (and the flight's own vehicle), crew named beside them."""
    entries = gazetteer.entries()
    flights: set[Ref] = set()
    for i, m in enumerate(ctx.mentions):
        if m.kind != "mission" or not ctx.refs(i):
            continue
        ref = ctx.refs(i)[0]
        flights.add(ref)
        pattern = next((p for p in gazetteer.flight_patterns() if p.regex.fullmatch(m.text)), None)
        if pattern is not None and pattern.spacecraft != "-":  # 'Voyage 8', 'mission TSD-14' name no craft
            family = Ref("spacecraft", (pattern.spacecraft,))
            craft = family
            if pattern.named_vehicle:
                craft = Ref("spacecraft", (mission_key(m.text),))
                emit(craft, "type", Concept("class", entries[pattern.spacecraft].cls), m.sentence, m.text)
                emit(craft, "prefLabel", " ".join(m.text.split()), m.sentence, m.text)
            crafts.setdefault(ref, []).append(craft)
            emit(ref, "spacecraft", craft, m.sentence, m.text)
        crews.setdefault(ref, [])
        station = next(
            (
                r
                for mm, r in ctx.in_sentence(m.sentence, "spacecraft")
                if _is_station(ctx, mm, r)
                and _one_clause(ctx, m, mm)
                and clause_flight(ctx, m.sentence, mm.start, mm.end) in (None, ref)
            ),
            None,
        )
        if station is not None and pattern is not None and pattern.family != "expedition":
            crafts.setdefault(ref, []).append(station)
            emit(ref, "spacecraft", station, m.sentence, ctx.sentences[m.sentence].text)
        people = crew_in_sentence(ctx, m.sentence) if _crew_context(ctx, m.sentence) else []
        people = [p for p in people if p not in _elsewhere(ctx, m)]
        if _compared(ctx, m, people):
            people = []  # "... 183 days, twice as long as the crew of Shenzhou-12": not that flight's crew
        listed = [(m.sentence, p) for p in people]
        if main_flight(ctx) in (None, ref):  # "... since Apollo 8 came back. Aboard were ...": not Apollo 8's crew
            # ... nor the crew of a flight named earlier ("all four crew members" after "he led Ax-1 in 2022")
            more = crew_continuations(ctx, m.sentence)
            listed += [(n, p) for n, p in more if p not in people and by_person.get(p) in (None, ref)]
        for sentence, person in listed:
            crews[ref].append(person)
            by_person.setdefault(person, ref)
            emit(ref, "crewMember", person, sentence, ctx.sentences[sentence].text)
    return flights


_COMPARISON = re.compile(
    r"\b(?:than|as long as|compared (?:with|to)|unlike|surpass\w*|eclips\w*|beat\w*|broke|break\w*|topp\w*"
    r"|passed|passing|overtak\w*|overtook)\b",
    re.I,
)


def _compared(ctx: Context, m, people: list[Ref]) -> bool:
    """A flight named after a comparison with the people the sentence names before it."""
    if not people:
        return False
    firsts = [pm.start for pm, r in ctx.in_sentence(m.sentence, "person") if r in people]
    between = ctx.text[min(firsts) : m.start] if firsts and min(firsts) < m.start else ""
    return bool(_COMPARISON.search(between))


def _flights_named(ctx: Context, sentence: int) -> list[Ref]:
    """Flights a sentence names, leaving out those it only compares with ('twice as long as Shenzhou-12')."""
    start = ctx.sentences[sentence].start
    return [r for m, r in ctx.in_sentence(sentence, "mission") if not _COMPARISON.search(ctx.text[start : m.start])]


_ON_BOARD = re.compile(
    r"\b(?:on board|aboard|crew(?:mates| members)?|joined by|riding|accompan\w+|with (?:him|her|them)"
    r"|shar(?:ing|ed) the (?:ride|capsule|cabin|flight)|(?:commander's|pilot's|left|right|center|centre) seat)\b",
    re.I,
)
# "X commanded the spacecraft, and Y was its pilot", "flew ... as one of two mission specialists"
_FLEW_AS = re.compile(
    r"\b(?:commanded the (?:spacecraft|capsule|flight|mission|crew)|was (?:its|the (?:spacecraft's|capsule's)) "
    r"(?:pilot|commander)|as (?:one of (?:the |two |three )?)?(?:a )?mission specialists?"
    r"|(?:It|That|This|The \w+) ended (?:a|the|their|his|her) [\w-]+(?: \w+)? (?:stay|mission|flight|trip))\b",
    re.I,
)


def crew_continuations(ctx: Context, sentence: int) -> list[tuple[int, Ref]]:
    """(sentence, person) for the people the next sentences list as aboard: '... lifted off.
    In the commander's seat was A.  Flying with him were B and C.' (up to two sentences), or
    name in their seat ('X commanded the spacecraft'), past a sentence that names no one."""
    out: list[tuple[int, Ref]] = []
    for nxt in range(sentence + 1, min(sentence + 4, len(ctx.sentences))):
        if ctx.in_sentence(nxt, "mission"):
            break
        text = ctx.sentences[nxt].text
        if _FLEW_AS.search(text):
            out += [(nxt, p) for p in crew_in_sentence(ctx, nxt) if p not in {q for _, q in out}]
            continue
        if not ctx.people_in(nxt) and not out:
            continue  # "The capsule had undocked ...": the crew may follow
        if nxt > sentence + 2 or not _ON_BOARD.search(text[:60]):
            break
        out += [(nxt, p) for p in crew_in_sentence(ctx, nxt) if p not in {q for _, q in out}]
    return out


def crew_continuation(ctx: Context, sentence: int) -> list[Ref]:
    """The people of :func:`crew_continuations`."""
    return [p for _, p in crew_continuations(ctx, sentence)]


def _crew_context(ctx: Context, sentence: int) -> bool:
    words = {t.lower_ for t in ctx.sentence_span(sentence)}
    triggers = {k.split()[-1] for k in gazetteer.event_triggers()}
    return bool(
        words
        & (triggers | {"aboard", "crew", "crewmates", "flew", "fly", "commanded", "members", "returned", "arrived"})
    )


def crew_in_sentence(ctx: Context, sentence: int) -> list[Ref]:
    """People of a sentence, leaving out those only named as earlier record holders."""
    span = ctx.sentence_span(sentence)
    cut = None
    for t in span:
        if t.lower_ in CUT_WORDS or t.lower_ in _MET_WORDS and _met(ctx, sentence, t):
            cut = t.idx  # "... and joined the station's resident cosmonauts, A, B and C": not aboard
            break
    people = (r for m, r in ctx.in_sentence(sentence, "person") if cut is None or m.start < cut)
    return list(dict.fromkeys(r for r in people if r not in ctx.ground_staff))


def _met(ctx: Context, sentence: int, token: Token) -> bool:
    """'joined A and B' (people met aboard), not 'joined by A' (crewmates) nor 'joined the Expedition
    2 crew: A, B' (the named flight's own crew, which the flight's sentence gives)."""
    if token.i + 1 < len(ctx.doc) and token.nbor().lower_ == "by":
        return False
    person = min((m.start for m, _ in ctx.in_sentence(sentence, "person") if m.start > token.idx), default=None)
    flight = min((m.start for m, _ in ctx.in_sentence(sentence, "mission") if m.start > token.idx), default=None)
    return flight is None or person is not None and person < flight  # "greet A, B and the members of Crew-9"


def _owner(ctx: Context, sentence: int, span: Span) -> list[Ref]:
    """Who a duration belongs to: 'mission by X', "X's 340-day", 'their 340-day', the subject."""
    doc = ctx.doc
    end = min(span.end + _CLOSE, len(doc))
    for k in range(span.end, end):
        if doc[k].lower_ == "by" and k + 1 < len(doc):
            people = _people_from(ctx, sentence, k + 1)
            if people:
                return people
    j = span.start - 1
    while j >= 0 and doc[j].lower_ in (
        "a",
        "an",
        "the",
        "nearly",
        "almost",
        "about",
        "record",
        "unprecedented",
        "full",
        "whole",
    ):
        j -= 1
    if j >= 0 and doc[j].text in ("’s", "'s") and j >= 1:
        found = _refs_at(ctx, j - 1)
        if found:
            return found
    if j >= 0 and doc[j].lower_ in ("his", "her", "their"):
        found = _refs_at(ctx, j)
        if found:
            return found
    people = crew_in_sentence(ctx, sentence)
    # the subject of the length's own verb first ("..., for which he rode up ..., Pesquet has spent 396 days")
    verb = governing_verb(span.root)
    for token in [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] + list(ctx.sentence_span(sentence)):
        if token.dep_ in ("nsubj", "nsubjpass"):
            found = _refs_at(ctx, token.i)
            if found and all(r in people for r in found):
                return _with_list(ctx, sentence, found)
            if token.head == verb and (beside := _named_in_apposition(ctx, token)):
                return beside
            if found and _is_group(ctx, token.i) or token.head == verb and (found := _possessor(ctx, token)):
                return found  # "the four spent about 22 days", "Their flight had lasted 23 days"
    return _with_list(ctx, sentence, people[:1])


def _named_in_apposition(ctx: Context, token: Token) -> list[Ref]:
    """'His countryman, astronaut Hazzaa AlMansoori, flew ...': the person a subject noun is set beside."""
    for child in token.children:
        if child.dep_ == "appos" and (found := _refs_at(ctx, child.i)):
            return found
    return []


def _is_group(ctx: Context, token_i: int) -> bool:
    idx = ctx.mention_at_token(ctx.doc[token_i])
    return idx is not None and ctx.mentions[idx].kind == "group"


def _possessor(ctx: Context, token: Token) -> list[Ref]:
    """The people whose flight a subject is: 'Their flight', "Kelly's stay"."""
    if token.lower_ not in MISSION_NOUNS:
        return []
    poss = next((c for c in token.children if c.dep_ == "poss"), None)
    return _refs_at(ctx, poss.i) if poss is not None else []


def governing_verb(token: Token) -> Token:
    """The verb a word hangs from, up to four steps up the parse (the word itself if none)."""
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head == token:
            break
        token = token.head
    return token


def _with_list(ctx: Context, sentence: int, found: list[Ref]) -> list[Ref]:
    """The people listed with the first one found: 'Zhai Zhigang, Wang Yaping and Ye Guangfu had spent ...'."""
    mentions = ctx.in_sentence(sentence, "person")
    out = list(found)
    previous = next((m for m, r in mentions if found and r == found[0]), None)
    for m, r in mentions:
        if previous is None or m.start <= previous.start:
            continue
        if ctx.text[previous.end : m.start].strip(" ,") not in ("", "and"):
            break
        if r not in out:
            out.append(r)
        previous = m
    return out


def _refs_at(ctx: Context, token_i: int) -> list[Ref]:
    idx = ctx.mention_at_token(ctx.doc[token_i])
    return [r for r in ctx.refs(idx) if r.kind == "person"] if idx is not None else []


def _people_from(ctx: Context, sentence: int, token_i: int) -> list[Ref]:
    doc = ctx.doc
    for k in range(token_i, min(token_i + 5, len(doc))):
        found = _refs_at(ctx, k)
        if found:
            return found
    return []


# "are to spend about 12 days"; not "will return on Tuesday after 340 days" (that length is stated)
_PLANNED = re.compile(
    r"\b(?:will|(?:is|are|was|were) (?:to|scheduled to|expected to|set to|due to)|plans? to|planned to)"
    r"\s+(?:spend|stay|remain|live|be aboard|(?:come home|return|land) with)\b",
    re.I,
)
_OFFSET_WORDS = {"before", "after", "later", "earlier", "ago", "prior", "into", "since", "from"}  # fmt: skip
_PLAN_REACH = 40  # characters between the plan's words and the length they govern


def planned(ctx: Context, sentence: int, offset: int) -> bool:
    """'The Belarusian cosmonaut and Novitsky are to spend about 12 days aboard before returning
    ... in Soyuz MS-24': a plan, which gives no flight its length or crew.  ``offset`` (within the
    sentence) is what is planned; the plan's words must come shortly before it."""
    text = ctx.sentences[sentence].text
    return any(0 <= offset - m.end() <= _PLAN_REACH for m in _PLANNED.finditer(text[:offset]))


#: "a flight of 220 days", "a stay of 186 days"
_NOUN_OF = {"flight", "stay", "mission", "expedition", "spaceflight", "trip"}


def _attach_duration(ctx, sentence, dm: DurationMatch, by_person, crews, crafts, durations, flights, emit) -> None:
    if planned(ctx, sentence, dm.start):
        return
    duration = dm.duration
    days = duration.whole_days()
    if days is None or days < 1 or duration.unit not in ("day", "week"):
        return  # "a year-long stay", "six months": rhetorical, not a stated length
    if days > LONGEST_FLIGHT_DAYS:
        return  # "a total of 505 days", "the first to spend 1,000 days": a career, no one flight
    text = ctx.sentences[sentence].text
    career = _CAREER.search(text) and not (_ONE_FLIGHT.search(text) and not _CAREER_PLURAL.search(text))
    if career or _EARLIER.search(text):
        return  # a career total, or an earlier flight, not this mission's length
    own_stay = bool(_IN_YEARS.search(text))
    base = ctx.sentences[sentence].start
    span = ctx.span(base + dm.start, base + dm.end)
    if span is None:
        return
    doc = ctx.doc
    after = [doc[k].lower_ for k in range(span.end, min(span.end + _CLOSE, len(doc)))]
    before = [doc[k].lower_ for k in range(max(span.start - 3, 0), span.start)]
    if any(w in RECORD_WORDS for w in after[:3]) or "record" in before[-1:]:
        return  # a record's value ("a record 340 days"): see records
    if after[:1] and after[0] in _OFFSET_WORDS:
        return  # "three days before leaving", "a day later": when, not how long
    if set(before[-2:]) & {"last", "first", "final", "closing", "opening"}:
        return  # "the last five weeks of the mission": a part of it
    # "the record of 195 days, set by Sunita Williams": that holder's own stay, not this article's flight
    own_stay = own_stay or bool(set(before[-2:]) & RECORD_WORDS)
    sentence_words = {t.lower_ for t in ctx.sentence_span(sentence)}
    noun = any(w in MISSION_NOUNS for w in after) or before[-2:-1] and before[-1] == "of" and before[-2] in _NOUN_OF
    stay = bool(sentence_words & STAY_VERBS) and (
        "space" in sentence_words or "orbit" in sentence_words or station_of(ctx, sentence) is not None
    )
    consecutive = "consecutive" in after or "straight" in after
    where = " ".join(after[:3])
    in_space = where.startswith(
        ("in space", "in orbit", "aboard", "on board", "on the station", "at the station", "off the planet")
    ) or (before[-1:] == ["for"] and bool(sentence_words & {"orbit", "space", "aboard"}))  # "in orbit for 379 days"
    lasted = _ONE_FLIGHT.search(text[: dm.start]) and bool(sentence_words & {"lasted", "lasting", "spanned"})
    if not (noun or stay or consecutive or in_space or lasted):
        return
    if set(before) & CUT_WORDS:  # "her flight beats the 341 days that Solveig Araujo spent ...": that one's stay
        after_people = [r for m, r in ctx.in_sentence(sentence, "person") if m.start >= base + dm.end]
        if not after_people:
            return
        owners, own_stay = after_people[:1], True
    else:
        owners = _owner(ctx, sentence, span)
    if not owners and (lasted or noun):
        named = _flights_named(ctx, sentence)  # "Soyuz T-12 landed ... after a flight of 11 days"
        mission = (named[0] if len(named) == 1 else None) or sole_flight(ctx)
        if mission is None and not named and (lasted or sentence_words & _HOME_WORDS):
            mission = main_flight(ctx)  # "The flight lasted 12 days", "Discovery came home ... after nine days"
        mission = mission or _only_mission(crews)
        if mission is not None:
            durations.setdefault(mission, []).append((days, dm, sentence))
        return
    if not owners:
        return
    listed = clause_flight(ctx, sentence, base + dm.start, base + dm.end)
    if listed is not None and set(owners) & set(crews.get(listed, [])):
        durations.setdefault(listed, []).append((days, dm, sentence))  # "..., and in 2016 spent 33 days on Shenzhou-11"
        return
    earlier = _earlier_named(ctx, sentence, owners, crews)
    if earlier is not None:  # "In June 2013 she spent 15 days in space on Shenzhou-10 with A and B"
        durations.setdefault(earlier, []).append((days, dm, sentence))
        return
    years = _stay_years(ctx, sentence, dm)
    if years is not None and not own_stay and years[0] <= _latest_year(ctx) - 2 and _close_year(text, dm, years[2]):
        own_stay = True  # "X flew an eight-day mission to the station in 2019", told in a 2023 story
    years = years if own_stay else None
    mission = _mission_for(
        ctx, sentence, owners, by_person, crews, crafts, flights, emit, own_stay=own_stay, year=years and years[0]
    )
    durations.setdefault(mission, []).append((days, dm, sentence))
    if years is not None and mission != main_flight(ctx):
        first, last, evidence = years
        emit(mission, "startDate", PartialDate(first), sentence, evidence)
        if last is not None:
            emit(mission, "endDate", PartialDate(last), sentence, evidence)


#: a sentence that brings a flight home: the length it gives, with no flight named, is the story's flight's
_HOME_WORDS = {"landed", "touched", "splashed", "came", "returned", "parachuted"}


def _earlier_named(ctx: Context, sentence: int, owners: list[Ref], crews: dict[Ref, list[Ref]]) -> Ref | None:
    """The one flight a sentence names, when it is not the story's, the owners are its crew and a
    year well before the story dates the sentence: an earlier flight's length is that flight's."""
    named = _flights_named(ctx, sentence)
    if len(named) != 1 or named[0] == main_flight(ctx) or not set(owners) <= set(crews.get(named[0], [])):
        return None
    years = [int(ym.group(1)) for ym in _YEARS.finditer(ctx.sentences[sentence].text)]
    return named[0] if len(years) == 1 and years[0] <= _latest_year(ctx) - 2 else None


def _close_year(text: str, dm: DurationMatch, words: str) -> bool:
    """The year words follow the length in the same clause, no other clause or name between:
    'an eight-day mission to the station in 2019', not '..., whose own stay ended in 2031'."""
    between = text[dm.end : text.find(words, dm.end)]
    return len(between) < 40 and not re.search(r"[,;(]|\b(?:by|who|whose|which)\b", between)


def _stay_years(ctx: Context, sentence: int, dm: DurationMatch) -> tuple[int, int | None, str] | None:
    """The years an earlier holder's stay is dated by after its length: 'Polyakov, who spent 437 days
    aboard Mir in 1994 and 1995', 'the mark of 212 days, set by X, who lived on the station in 2029 and
    2030' (first year, last year or None, and the words)."""
    text = ctx.sentences[sentence].text
    years = list(_YEARS.finditer(text, dm.end))
    if len(years) != 1 or _YEARS.search(text, 0, dm.start):
        return None
    first, last = int(years[0].group(1)), int(years[0].group(2)) if years[0].group(2) else None
    if first > _latest_year(ctx) - 1 or last is not None and last != first + 1:
        return None
    return first, last, years[0].group(0)


def clause_flight(ctx: Context, sentence: int, start: int, end: int) -> Ref | None:
    """In a sentence that names several flights, the one named in the same clause as the text
    between ``start`` and ``end`` (character offsets), if exactly one is."""
    named = [(m, r) for m, r in ctx.in_sentence(sentence, "mission")]
    if len({r for _, r in named}) < 2:
        return None
    here = {r for m, r in named if not apart(ctx.text, (m.start, m.end), (start, end))}
    return here.pop() if len(here) == 1 else None


def apart(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two character spans of a sentence in different clauses of a list ('..., and ...')."""
    return bool(LIST_BREAK.search(text[min(a[1], b[1]) : max(a[0], b[0])]))


def _mission_for(ctx, sentence, owners, by_person, crews, crafts, flights, emit, *, own_stay=False, year=None) -> Ref:
    """The mission of these people (a named flight they belong to, or their stay aboard a station),
    with the station the sentence names added to a flight ('a 172-day stay on the station')."""
    mission = _pick_mission(
        ctx, sentence, owners, by_person, crews, crafts, flights, emit, own_stay=own_stay, year=year
    )
    if mission in flights:
        for station in (r for m, r in ctx.in_sentence(sentence, "spacecraft") if _is_station(ctx, m, r)):
            if station not in crafts.setdefault(mission, []):
                crafts[mission].append(station)
                emit(mission, "spacecraft", station, sentence, ctx.sentences[sentence].text)
    return mission


def _pick_mission(ctx, sentence, owners, by_person, crews, crafts, flights, emit, *, own_stay=False, year=None) -> Ref:
    main = None if own_stay or _flights_named(ctx, sentence) else main_flight(ctx)
    if main is not None and any(by_person.get(p) not in (None, main) for p in owners):
        # a stay the sentence does not name is the article's flight, not an owner's earlier one
        by_person.update({p: main for p in owners})
    for person in owners:
        if person in by_person:
            mission = by_person[person]
            break
    else:
        mission = (None if own_stay else sole_flight(ctx)) or new_stay(ctx, sentence, owners, year=year)
        if mission in flights:
            crews.setdefault(mission, [])
            by_person.update({p: mission for p in owners})
            for person in owners:
                if person not in crews[mission]:
                    crews[mission].append(person)
                    emit(mission, "crewMember", person, sentence, ctx.sentences[sentence].text)
            return mission
        station = mission.key[2] if mission.key[2] != "space" else None
        if station is not None:
            crafts.setdefault(mission, []).append(station)
            emit(mission, "spacecraft", station, sentence, ctx.sentences[sentence].text)
        emit(mission, "type", Concept("class", "Mission"), sentence, ctx.sentences[sentence].text)
    for person in owners:
        by_person.setdefault(person, mission)
        if person not in crews.setdefault(mission, []):
            crews[mission].append(person)
            emit(mission, "crewMember", person, sentence, ctx.sentences[sentence].text)
    return mission


def _only_mission(crews: dict[Ref, list[Ref]]) -> Ref | None:
    """The one mission with crew found so far, if there is exactly one."""
    crewed = [m for m, people in crews.items() if people]
    return crewed[0] if len(crewed) == 1 else None


def is_expedition(ref: Ref) -> bool:
    """A station expedition (Expedition 46, Increment 14, Rotation 9): a stay, not a flight of its own."""
    return str(ref.key[0]).startswith(("expedition", "increment", "rotation"))


def sole_flight(ctx: Context) -> Ref | None:
    """The article's flight when it names exactly one (not counting station expeditions)."""
    flights = _flights(ctx)
    return flights[0] if len(flights) == 1 else None


#: the headline, a dateline line and the lede's first two sentences: a flight named there before any other leads the story
_OPENING = 3


def main_flight(ctx: Context) -> Ref | None:
    """The flight an article is about: the only one it names, else the one it names first unless
    another is named more than twice as often, else the one it names most often, or the one its
    opening sentences name when that is a tie.  For events the text does not tie to a
    crew ('the return capsule came down ...'); durations keep to :func:`sole_flight`."""
    flights = _flights(ctx)
    if len(flights) <= 1:
        return flights[0] if flights else None
    ranked = sorted(flights, key=lambda r: (-ctx.counts[r], _first_sentence(ctx, r)))
    best, second = ranked[0], ranked[1]
    first = min(flights, key=lambda r: (_first_sentence(ctx, r), str(r)))
    if first != best and ctx.counts[best] <= 2 * ctx.counts[first]:
        return first  # named first, and not far less often: the story's ('... designated Crew-7')
    if (
        ctx.counts[best] > ctx.counts[second]
        or _first_sentence(ctx, best) <= _opening_end(ctx)
        and _first_sentence(ctx, best) < _first_sentence(ctx, second)
    ):
        return best
    introduced = [r for r in flights if _introduced(ctx, r)]
    return introduced[0] if len(introduced) == 1 else None


#: "The flight, known as Skylab 2, ...", "The mission, designated MOA-9, ...": the story's flight named
_INTRODUCED = re.compile(
    r"^(?:The|This|Their|His|Her) (?:flight|mission|expedition|trip),? (?:known as|designated|dubbed|called|named)\s*$"
)


def _introduced(ctx: Context, flight: Ref) -> bool:
    for i, m in enumerate(ctx.mentions):
        if m.kind == "mission" and ctx.refs(i)[:1] == (flight,):
            start = ctx.sentences[m.sentence].start
            return bool(_INTRODUCED.match(ctx.text[start : m.start]))
    return False


def lead_mission(ctx: Context, missions: Missions) -> Ref | None:
    """The article's flight, else (no flight named) the mission of the person it leads with: one
    the headline or first two sentences name, the most mentioned of those with a mission."""
    flight = main_flight(ctx)
    if flight is not None or _flights(ctx):
        return flight  # named flights but no main one: the event stays unattached
    leads = {p for i in range(min(3, len(ctx.sentences))) for p in ctx.people_in(i) if missions.of(p)}
    return missions.of(max(leads, key=lambda p: (ctx.counts[p], str(p)))) if leads else None


def _flights(ctx: Context) -> list[Ref]:
    return sorted((r for r in ctx.counts if r.kind == "mission" and not is_expedition(r)), key=str)


def _opening_end(ctx: Context) -> int:
    """The last sentence of the opening: the third of six words or more, or sentence ``_OPENING``
    if later (a headline and a dateline split into short pieces do not use it up)."""
    full = [s.index for s in ctx.sentences if len(s.text.split()) >= 6]
    return max(_OPENING, full[2] if len(full) > 2 else len(ctx.sentences))


def _first_sentence(ctx: Context, ref: Ref) -> int:
    return ctx.first_sentence.get(ref, len(ctx.sentences))


def new_stay(ctx: Context, sentence: int, people: list[Ref], *, anywhere: bool = True, year: int | None = None) -> Ref:
    """An unnamed stay, keyed by its most mentioned crew member and the station (the one the
    sentence or the one before names; ``anywhere``: else the article's only station), and by the
    year it began when the text dates it: one person's stays of other years are other stays."""
    lead = max(people, key=lambda r: (mention_count(ctx, r), str(r)))
    station = station_of(ctx, sentence, anywhere=anywhere)
    return Ref("mission", ("stay", lead, station if station else "space") + ((str(year),) if year else ()))


# "in 2008", "in 1994 and 1995", "in March 1965", "during Nov. 2008"
_YEARS = re.compile(
    rf"\b(?:[Ii]n|[Dd]uring)\s+(?:{MONTH_NAME}\s*)?((?:19|20)\d\d)(?:\s*(?:and|to|-|–)\s*((?:19|20)\d\d))?\b"
)


def _began(ym: re.Match[str]) -> PartialDate:
    """When a flight dated by 'in 2008' or 'in March 1965' began: the year, and the month if named."""
    return PartialDate(int(ym.group(1)), None if ym.group(2) else month_named(ym.group(0)))


_FLIGHT_WORDS = {
    "flew", "fly", "flight", "flights", "mission", "launched", "rode", "riding", "spent", "visited", "went",
    "trip", "stay", "expedition", "aboard", "missions", "circled", "orbited", "commanded", "piloted",
}  # fmt: skip
_EARLIER_WORDS = {"first", "previous", "earlier", "prior", "former", "last", "second", "third", "before", "also"}


def _earlier_flight(ctx: Context, sentence: int, latest: int, emit, crews, crafts) -> None:
    """A person's earlier flight dated only by its year: 'Noguchi first flew on the shuttle Discovery
    in 2005', 'Wang Yaping first flew in 2013 on Shenzhou 10', 'in 2009 and 2010 he spent five
    months on the station'.  The year must lie well before the story (or the text say 'first',
    'previous' ...), so the article's own flight is never dated by it."""
    text = ctx.sentences[sentence].text
    match = _YEARS.search(text)
    if match is None:
        return
    words = {t.lower_ for t in ctx.sentence_span(sentence)}
    if not words & _FLIGHT_WORDS or words & CUT_WORDS or words & RECORD_WORDS:
        return
    crafts_here = [r for _, r in ctx.in_sentence(sentence, "spacecraft") if ctx.class_of(r) != "LaunchVehicle"]
    if not (crafts_here or ctx.in_sentence(sentence, "mission") or words & {"space", "orbit", "station"}):
        return  # "flew Black Hawk helicopters ... before joining NASA in 2017"
    people = crew_in_sentence(ctx, sentence)
    named = _flights_named(ctx, sentence)
    matches = list(_YEARS.finditer(text))
    pair = match.group(2) and int(match.group(2)) != int(match.group(1)) + 1 and " and " in match.group(0)
    if not named and len(people) == 1 and (len(matches) > 1 or pair):
        _years_of_stays(ctx, sentence, people[0], matches, latest, words, emit, crews, crafts)
        return
    start, end = int(match.group(1)), int(match.group(2)) if match.group(2) else None
    if end is not None and end != start + 1:
        return  # "her earlier flights, in 2025 and 2028": two flights, not one stay
    if not (start <= latest - 2 or words & _EARLIER_WORDS):
        return
    if len(named) > 1:
        _years_of_flights(ctx, sentence, people[0] if len(people) == 1 else None, latest, words, emit, crews)
        return
    if len(people) != 1:
        if len(named) == 1 and named[0] != main_flight(ctx) and (end is None or end == start + 1):
            _dated_flight(named[0], None, [], (_began(match), end), sentence, match.group(0), emit, crews, crafts)
        return  # "In June 2013 she spent 15 days on Shenzhou-10 with A and B": the flight's date, crew as named
    person = people[0]
    mission = named[0] if named else Ref("mission", ("flight", person, str(start)))
    if not named:
        emit(mission, "type", Concept("class", "Mission"), sentence, text)
    _dated_flight(
        mission,
        person,
        crafts_here,
        (_began(match), end if end is not None and end >= start else None),
        sentence,
        match.group(0),
        emit,
        crews,
        crafts,
    )


def _dated_flight(
    mission: Ref, person: Ref | None, crafts_here, years, sentence: int, evidence: str, emit, crews, crafts
) -> None:
    """A person's earlier flight: its crew member, the crafts its clause names and its first (and last) year."""
    text = emit.ctx.sentences[sentence].text
    if person is not None and person not in crews.setdefault(mission, []):
        crews[mission].append(person)
        emit(mission, "crewMember", person, sentence, text)
    for craft in crafts_here:
        if craft not in crafts.setdefault(mission, []):
            crafts[mission].append(craft)
            emit(mission, "spacecraft", craft, sentence, text)
    began = years[0] if isinstance(years[0], PartialDate) else PartialDate(years[0])
    emit(mission, "startDate", began, sentence, evidence)
    if years[1] is not None:
        emit(mission, "endDate", PartialDate(years[1]), sentence, evidence)


_CONTINUES = re.compile(r"^[\s,;]*(?:and\s+|then\s+|again\s+)*$")


def _years_of_stays(ctx: Context, sentence: int, person: Ref, matches, latest: int, words, emit, crews, crafts) -> None:
    """One person's earlier flights or stays, each dated by a year of its own: 'first flew in 2008 and
    has since spent long periods on the station in 2011 and 2012, in 2015 and in 2018 and 2019', 'her
    earlier flights, in 2025 and 2028'.  A year counts when the words before it tell of a flight,
    or it only goes on a list of such years ('..., in 2015 and in 2018'); 'joined NASA in 2009' does not."""
    text = ctx.sentences[sentence].text
    base = ctx.sentences[sentence].start
    crafts_at = [
        (m.start - base, r) for m, r in ctx.in_sentence(sentence, "spacecraft") if ctx.class_of(r) != "LaunchVehicle"
    ]
    told = [
        bool({w.lower() for w in re.findall(r"[\w-]+", text[a.end() if a else 0 : b.start()])} & _FLIGHT_WORDS)
        for a, b in zip([None, *matches], matches)
    ]
    flown, before, held = False, 0, []
    for n, ym in enumerate(matches):
        gap = text[before : ym.start()]
        # the first year is a flight's unless only a later one is told so ("joined NASA in 2009 and first flew in 2014")
        flown = told[n] or (flown and bool(_CONTINUES.match(gap))) or (n == 0 and not any(told))
        first, last = int(ym.group(1)), int(ym.group(2)) if ym.group(2) else None
        own = [r for at, r in crafts_at if before <= at < ym.end()] or held
        before, held = ym.end(), own
        if not flown or not (first <= latest - 2 or words & _EARLIER_WORDS):
            continue
        spans = [(first, last)] if last is None or last == first + 1 else [(first, None), (last, None)]
        if last is not None and last > first + 1 and " and " not in ym.group(0):
            continue  # "from 2011 to 2019": a career, not one flight
        for year, end in spans:
            mission = Ref("mission", ("flight", person, str(year)))
            emit(mission, "type", Concept("class", "Mission"), sentence, text)
            began = _began(ym) if len(spans) == 1 else PartialDate(year)
            _dated_flight(mission, person, own, (began, end), sentence, ym.group(0), emit, crews, crafts)


#: what ends a clause inside a list of a person's flights ("on Shenzhou-7 in 2008, commanded Shenzhou-9 ...")
LIST_BREAK = re.compile(r",|;|\band\b(?! \d)")


def _years_of_flights(
    ctx: Context, sentence: int, person: Ref | None, latest: int, words: set[str], emit, crews
) -> None:
    """One person's earlier flights listed with their years: 'He first went to space on Shenzhou-7 in
    2008, commanded Shenzhou-9 ... in 2012', 'who had flown on Shenzhou-6 in 2005 and on Shenzhou-10 in
    2013'.  Each flight takes the year of its own clause; the story's flight never does."""
    start = ctx.sentences[sentence].start
    text = ctx.sentences[sentence].text
    years = [(start + m.start(), m) for m in _YEARS.finditer(text)]
    main = main_flight(ctx)
    for m, flight in ctx.in_sentence(sentence, "mission"):
        if flight == main or flight not in _flights_named(ctx, sentence):
            continue
        mine = [(at, ym) for at, ym in years if not apart(ctx.text, (at, at), (m.start, m.end))]
        if len(mine) != 1:
            continue
        ym = mine[0][1]
        first, last = int(ym.group(1)), int(ym.group(2)) if ym.group(2) else None
        if not (first <= latest - 2 or words & _EARLIER_WORDS) or last is not None and last != first + 1:
            continue
        if person is not None and person not in crews.setdefault(flight, []):
            crews[flight].append(person)
            emit(flight, "crewMember", person, sentence, text)
        emit(flight, "startDate", _began(ym), sentence, ym.group(0))
        if last is not None:
            emit(flight, "endDate", PartialDate(last), sentence, ym.group(0))


def _latest_year(ctx: Context) -> int:
    """The latest year the article writes (a stand-in for when it was written)."""
    years = [int(y) for y in _YEAR.findall(ctx.text)]
    return max(years, default=0)


def _best_duration(found: list[tuple[int, DurationMatch, int]]) -> tuple[int, DurationMatch, int] | None:
    """The most often stated day count; day-unit statements beat 'a year' / 'six months'."""
    exact = [f for f in found if f[1].duration.unit in ("day", "week")] or found
    if not exact:
        return None
    counts = Counter(f[0] for f in exact)
    days = min(counts, key=lambda d: (-counts[d], -d))
    return next(f for f in exact if f[0] == days)
