"""Extractor 'events': launches, landings, splashdowns, dockings, handovers, spacewalks and
press conferences, with date, time, place, participants and vehicle; and from launches and
landings, the start and end dates of the missions they open and close.

Relative dates ("Tuesday", "March 2") are resolved against the article's reference date:
its publication date when the input has one, else the end of its main mission (start plus
stated duration), else the latest full date it gives.  The verb's tense picks the past or
coming weekday.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Span

from kg.extractors.base import Context, Emitter
from kg.extractors.missions import (
    RECORD_WORDS,
    Missions,
    apart,
    clause_flight,
    crew_continuation,
    crew_in_sentence,
    governing_verb,
    is_expedition,
    lead_mission,
    main_flight,
    new_stay,
    station_of,
)
from kg.nlp import gazetteer
from kg.normalize.dates import SPACE_AGE_YEAR, DateMatch, find_dates, resolve
from kg.normalize.numbers import parse_number
from kg.normalize.times import combine, find_times
from kg.types import Concept, PartialDate, Ref, Statement

NAME = "events"
CLASS = {
    "launch": "Launch", "landing": "Landing", "splashdown": "Splashdown", "docking": "Docking",
    "undocking": "Undocking", "handover": "Handover", "spacewalk": "Spacewalk", "press_conference": "PressConference",
}  # fmt: skip
_MISSION_EVENTS = {"launch", "landing", "splashdown", "docking", "undocking"}
_PLACE_PREPS = {"in", "at", "near", "off", "from", "over", "on"}
_OFF_WORLD = {"mars", "moon", "the moon", "asteroid"}
_LANDER_WORDS = {("lunar", "module"), ("lunar", "lander"), ("ascent", "stage"), ("lunar", "surface")}
_PLAN_WORDS = {
    "scheduled", "expected", "planned", "set", "due", "slated", "poised", "expect", "expects", "plan", "plans",
    "intend", "intends", "hope", "hopes", "aim", "aims", "preparing", "prepares", "prepare",
}  # fmt: skip
_FUTURE = {"will", "scheduled", "expected", "due", "set", "planned", "is", "are"}
_SINCE = re.compile(r"\bsince\b", re.I)
#: a superlative before 'since' compares ('the first night splashdown since 1968')
_COMPARED_SINCE = re.compile(
    r"\b(?:first|smallest|largest|biggest|longest|shortest|fewest|most|least|only|highest|lowest)\b[^,;]*$", re.I
)
_SINCE_REACH = 12  # characters from 'since' to the date it governs ("since early March 27, 2015")
# "will land", "is scheduled to" -- but "a day later than planned" and "as expected" tell of the past
_PLAN_SENTENCE = re.compile(r"(?<!than )(?<!as )\b(?:will|scheduled|expected|due|planned|if)\b|’ll|'ll", re.I)
# "three hours after launch", "since landing": the event is a time reference, not news of this sentence
_REFERENCE_WORDS = {
    "after", "before", "since", "until", "till", "prior", "ahead", "awaiting", "pending",
    "watched", "watching", "watch", "saw", "followed", "witnessed",  # "watched the splashdown on a screen in ..."
}  # fmt: skip
_CRAFT_NOUNS = {"capsule", "spacecraft", "ship", "vehicle", "spaceship", "crew", "orbiter", "shuttle"}
_LATER = re.compile(
    r"\b(?:the\s+(?:next|following)\s+day|the\s+day\s+after|(?:a|one)\s+day\s+later|"
    r"(?P<n>two|three|four|five|six|seven|\d)\s+days\s+later)\b(?!\s+than)",
    re.I,
)
_RANGE = re.compile(r"\bfrom\b(?P<a>.+?)\b(?:until|to|through|till)\b(?P<b>.+)", re.I)


@cache
def _by_first_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Trigger phrases indexed by their first word, longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, kind in gazetteer.event_triggers().items():
        words = tuple(phrase.split())
        out.setdefault(words[0], []).append((words, kind))
    for options in out.values():
        options.sort(key=lambda o: -len(o[0]))
    return out


def triggers_in(span: Span) -> list[tuple[str, int, int]]:
    """(event type, first token, last token) for each trigger phrase in a sentence.

    Phrases match the words as written; ``events.tsv`` lists the inflected forms, and ``*`` in a
    phrase stands for up to three words of any kind.
    """
    index = _by_first_word()
    doc = span.doc
    found: list[tuple[str, int, int]] = []
    k = span.start
    while k < span.end:
        token = doc[k]
        hit = None
        for words, kind in index.get(token.lower_, ()):
            end = _match_from(doc, k + 1, words[1:], span.end)
            if end is not None:
                hit = (kind, k, end - 1)
                break
        if hit:
            found.append(hit)
            k = hit[2] + 1
        else:
            k += 1
    return found


_GAP = "*"  # in a trigger phrase: up to three words of any kind ("took over as * commander")
_GAP_MAX = 3


def _match_from(doc, k: int, words: tuple[str, ...], stop: int) -> int | None:
    """End token (exclusive) of ``words`` matched from token ``k``, or None."""
    if not words:
        return k
    if words[0] == _GAP:
        for skip in range(_GAP_MAX + 1):
            if k + skip > stop:
                break
            end = _match_from(doc, k + skip, words[1:], stop)
            if end is not None:
                return end
        return None
    if k < stop and doc[k].lower_ == words[0]:
        return _match_from(doc, k + 1, words[1:], stop)
    return None


@dataclass(frozen=True)
class Anchor:
    """What an article's relative dates and bare clock times are read against.

    ``firm``: the date is (about) when the story was written -- the publication date or the end
    of the main mission -- rather than only the latest date the text gives, a lower bound.
    ``zone``: the article's only stated time zone, for times written without one."""

    day: date | None
    firm: bool = False
    zone: str | None = None


def reference_date(ctx: Context, missions: Missions) -> Anchor:
    """The article's anchor, computed once per article."""
    zones = {t.time.zone for s in ctx.sentences for t in find_times(s.text) if t.time.zone}
    day, firm = _reference(ctx, missions)
    return Anchor(day, firm, next(iter(zones)) if len(zones) == 1 else None)


# "CAPE CANAVERAL, Fla., June 6, 2024 -", "**BEIJING, 29 June 2012** —": a city in capitals, then the date
_DATELINE = re.compile(r"^[*_\s]*[A-Z][A-Z.'’ -]{2,},(?P<rest>[^—–\n]{4,60}?)[*_\s]*(?:[—–]|\s-\s)")


def _dateline_date(ctx: Context) -> date | None:
    """The full date of the article's dateline: when the story was filed."""
    for s in ctx.sentences[:4]:
        m = _DATELINE.match(s.text)
        if m:
            full = [dm.value.to_date() for dm in find_dates(m["rest"]) if dm.value and dm.value.to_date()]
            return full[0] if len(full) == 1 else None
    return None


def _reference(ctx: Context, missions: Missions) -> tuple[date | None, bool]:
    if ctx.article.published:
        return ctx.article.published, True
    dated = _dateline_date(ctx)
    if dated is not None:
        return dated, True
    full: list[date] = []
    derived: list[date] = []
    for s in ctx.sentences:
        span = ctx.sentence_span(s.index)
        starts = any(k == "launch" for k, _, _ in triggers_in(span)) or _SINCE.search(s.text)
        if _PLAN_SENTENCE.search(s.text):
            continue  # "the next crew will come home on Oct. 2": not when the story was written
        for dm in find_dates(s.text):
            d = dm.value.to_date() if dm.value else None
            if d is None:
                continue
            full.append(d)
            if starts:
                for person in ctx.people_in(s.index):
                    info = missions.info(missions.of(person)) if missions.of(person) else None
                    if info and info.duration_days:
                        derived.append(d + timedelta(days=info.duration_days))
    if derived:
        return max(derived), True
    return (max(full) if full else None), False


def _tense(span: Span, trigger_i: int) -> str:
    """'past', 'future' or 'any', from the verb that governs the trigger."""
    doc = span.doc
    token = governing_verb(doc[trigger_i])
    children = {c.lower_ for c in token.children}
    if children & {"will", "’ll", "'ll"} or _plan_verb(token) or "due" in children:
        return "future"
    if any(_plan_verb(a) for a in list(token.ancestors)[:2]):
        return "future"  # "expects to carry out spacewalks", "plans to launch"
    window = [t.lower_ for t in doc[max(span.start, trigger_i - 4) : trigger_i]]
    plain = [w for n, w in enumerate(window) if n == 0 or window[n - 1] not in ("as", "than")]  # "as planned"
    if any(w in ("will", "scheduled", "expected", "due", "planned") for w in plain):
        return "future"
    if window[-2:] in (["was", "to"], ["were", "to"], ["is", "to"], ["are", "to"]):
        return "future"  # "she was to come home in June": a plan, perhaps never carried out
    if token.tag_ in ("VBD", "VBN"):
        return "past"
    return "any"


def _plan_verb(token) -> bool:
    """'plans', 'expected', 'set to' -- not 'had set off' or 'set the record'."""
    after = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    return token.lower_ in _PLAN_WORDS and (token.lower_ != "set" or after == "to")


def _date_for(dm: DateMatch, anchor: date | None, tense: str, *, published: bool = True) -> PartialDate | None:
    """A date match as a date; a bare weekday is the one nearest the anchor in the verb's direction.

    When the anchor is only the latest date the story tells (``published`` false), the story was
    written after it: "launched Wednesday, Oct. 15 ... landed on Thursday" is the Thursday after."""
    if dm.weekday is not None and dm.value is None and anchor is not None and not _has_day(dm.text):
        offset = (dm.weekday - anchor.weekday()) % 7
        ahead = anchor + timedelta(days=offset)
        behind = ahead - timedelta(days=7) if offset else ahead
        if tense == "past" and published:
            d = behind
        elif tense == "future":
            d = ahead
        else:
            d = ahead if (ahead - anchor) <= (anchor - behind) else behind
        return PartialDate(d.year, d.month, d.day)
    found = resolve(dm, anchor)
    if dm.value is None and found is not None and anchor is not None and tense != "future":
        full = found.to_date()
        # "launched on Feb. 20", told in August: this year's.  An untensed date is a plan's only
        # with a future word (which makes the tense 'future'); the latest date a story gives is
        # only a lower bound of when it was written, so an untensed date may pass it by a month,
        # and a dated story may tell of the days just after its date ('returned on 31 October').
        slack = timedelta(days=7 if tense == "past" or published else 31)
        if full is not None and full > anchor + slack:
            found = PartialDate(found.year - 1, found.month, found.day)
    if dm.weekday is not None and found is not None and found.day is not None:
        # "Tuesday, 10 September": the year (of the one before, this, the next) whose 10 September is a Tuesday
        for year in (found.year, found.year - 1, found.year + 1):
            if _weekday(year, found.month, found.day) == dm.weekday:
                return PartialDate(year, found.month, found.day)
    return found


def _in_story_year(day: PartialDate, before: PartialDate | None) -> PartialDate:
    """A date without a year in a story that has moved back in time ('On 18 May 1991 she lifted
    off ... Two days later, on 20 May, the capsule docked', in a piece written in 2021): the year of
    the event told just before, when that puts it within two months after it."""
    told = before.to_date() if before is not None else None
    if told is None or day.to_date() is None or day.year == told.year:
        return day
    for year in (told.year, told.year + 1):
        try:
            candidate = date(year, day.month or 1, day.day or 1)
        except ValueError:  # 29 February of a common year
            continue
        if 0 <= (candidate - told).days <= 60:
            return PartialDate(year, day.month, day.day)
    return day


def _days_later(text: str, before: PartialDate | None) -> PartialDate | None:
    """'docked ... the next day, Wednesday', 'two days later': counted from the day of the event
    told before."""
    later = _LATER.search(text)
    if later is None or before is None or before.to_date() is None:
        return None
    count = parse_number(later.group("n")) if later.group("n") else None
    then = before.to_date() + timedelta(days=int(count.value) if count is not None else 1)
    return PartialDate(then.year, then.month, then.day)


def _has_day(text: str) -> bool:
    """'Tuesday, 10 September' gives a day of the month; 'on Tuesday' only a weekday."""
    return any(c.isdigit() for c in text)


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None


def extract(ctx: Context, missions: Missions, anchor: Anchor) -> list[Statement]:
    """Event statements, and mission start/end dates from launches and landings."""
    emit = Emitter(ctx, NAME)
    known_days: dict[Ref, PartialDate] = {}
    yearless: set[Ref] = set()
    for s in ctx.sentences:
        span = ctx.sentence_span(s.index)
        triggers = triggers_in(span)
        kinds = {k for k, _, _ in triggers}
        if "splashdown" in kinds:  # "returned to Earth, splashing down ...": one splashdown
            triggers = [t for t in triggers if t[0] != "landing"]
        triggers = [
            t
            for t in triggers
            if not (_is_time_reference(ctx, span, t[1], t[2]) or _modifier(ctx.doc, t[2]) or _in_record(ctx.doc, t[1]))
        ]
        for n, (kind, first, last) in enumerate(triggers):
            share = _share(ctx, s.index, triggers, n)
            told = _event(ctx, missions, anchor, emit, s.index, span, kind, first, last, known_days, share)
            if told is not None:
                yearless.add(told)
        _stay_dates(ctx, missions, emit, s.index)
    return _merge_unattached(_drop_undated(emit.statements, yearless))


_MODIFIED = {
    "schedule", "schedules", "pad", "pads", "site", "sites", "window", "windows", "port", "ports", "zone", "zones",
    "team", "teams", "tower", "complex", "system", "systems", "abort", "escape", "rehearsal", "rehearsals",
    "campaign", "preparations", "readiness", "manifest", "plans", "attempt", "attempts", "mechanism", "adapter",
    "suit", "suits", "training", "area", "areas", "control", "hatch", "hatches", "ring", "target", "probe",
    "sequence", "sequencer", "countdown", "vehicle", "vehicles", "director", "directors",
}  # fmt: skip


def _in_record(doc, first: int) -> bool:
    """'the record for the longest single spacewalk', 'the most spacewalks': a record's measure (the
    records extractor reads it), not an event of this sentence."""
    return any(t.lower_ in ("longest", "most", "record", "shortest") for t in doc[max(first - 3, 0) : first])


def _modifier(doc, last: int) -> bool:
    """'launch schedule', 'landing site', 'docking port': the trigger word names a thing, not an event."""
    return last + 1 < len(doc) and doc[last + 1].lower_ in _MODIFIED


def _is_time_reference(ctx: Context, span: Span, first: int, last: int) -> bool:
    """'three hours after launch', 'since its docking', 'after pulling away from the station': a
    trigger that times something else; 'after landing in Kazakhstan on June 2' still reports it."""
    doc = ctx.doc
    if first > span.start and doc[first - 1].lower_ in ("planned", "scheduled", "targeted"):
        return True  # "20 seconds before the planned liftoff at 4:21 p.m.": the plan's time, no event
    tail = ctx.text[doc[last].idx + len(doc[last].text) : span.end_char][:45]
    if (find_dates(tail) or find_times(tail)) and not _SCRUBBED.search(span.text):
        return False  # ... unless the sentence tells of a halted countdown ('stopped ... before launch on June 1')
    k = first - 1
    while k >= span.start and doc[k].lower_ in ("the", "its", "their", "his", "her", "to", "a"):
        k -= 1
    if k >= span.start and doc[k].lower_ in _REFERENCE_WORDS:
        return True
    # "a day after the long-delayed spacecraft lifted off": a subject between the word and the verb
    j = k
    while j >= span.start and k - j < 6 and _in_subject(doc[j]):
        j -= 1
    verb = any(doc[t].pos_ == "VERB" for t in range(first, last + 1))  # "a day after a ... rocket lifted"
    return j < k and j >= span.start and doc[j].lower_ in ("after", "since", "before") and verb


def _in_subject(token) -> bool:
    """A word of a short subject ('the long-delayed spacecraft'), not a clause's verb or comma."""
    return token.text != "," and (token.pos_ in ("ADJ", "NOUN", "PROPN", "DET", "PUNCT", "ADV") or token.tag_ == "VBN")


_SCRUBBED = re.compile(r"\b(?:scrub(?:bed|s)?|halted|called off|stopped the clock|postponed)\b", re.I)


def _share(ctx: Context, sentence: int, triggers: list[tuple[str, int, int]], n: int) -> tuple[int, int]:
    """The part of a sentence (character range) whose dates and times belong to its ``n``-th
    trigger: from the trigger to the next one ('lifted off at 3:26 a.m. on Aug. 17, 2032, and
    splashed down at 10:38 a.m. on March 8, 2033'); the first trigger also owns what comes before."""
    base = ctx.sentences[sentence].start
    start = 0 if n == 0 else ctx.doc[triggers[n][1]].idx - base
    end = ctx.doc[triggers[n + 1][1]].idx - base if n + 1 < len(triggers) else len(ctx.sentences[sentence].text)
    return start, end


def _merge_unattached(statements: list[Statement]) -> list[Statement]:
    """An event the sentence gives no crew or flight for ('... splashing down in the Gulf') is
    the article's event of that type and day that has one; a landing on the day of a splashdown
    is that splashdown, and an undated handover the article's only dated one."""
    days: dict[Ref, object] = {st.subject: st.object for st in statements if st.predicate == "date"}

    def unattached(ref: Ref) -> bool:  # keyed by a vehicle or nothing: no crew, no flight
        return len(ref.key) == 3 and not (isinstance(ref.key[1], Ref) and ref.key[1].kind == "person")

    anchored: dict[tuple, Ref] = {}
    for ref in days:
        if ref.kind == "event" and not unattached(ref):
            anchored.setdefault((ref.key[0], days[ref]), ref)
    mapping = {
        ref: anchored[(ref.key[0], day)]
        for ref, day in days.items()
        if ref.kind == "event" and unattached(ref) and (ref.key[0], day) in anchored
    }
    # "Four astronauts came home on Sunday" in a story whose capsule splashed down that day
    handovers = [ref for ref in days if ref.kind == "event" and ref.key[0] == "handover"]
    if len(handovers) == 1:  # "... took command on March 13.  The handover marks ...": the one dated handover
        events = {st.subject for st in statements if st.subject.kind == "event" and st.subject.key[0] == "handover"}
        mapping.update({ref: handovers[0] for ref in events if ref not in days})
    splashdowns = {day: ref for ref, day in days.items() if ref.kind == "event" and ref.key[0] == "splashdown"}
    for ref, day in days.items():
        if ref.kind == "event" and ref.key[0] == "landing" and day in splashdowns:
            mapping[ref] = splashdowns[day]
    if not mapping:
        return statements
    out = [
        replace(st, subject=mapping.get(st.subject, st.subject))
        for st in statements
        if not (st.predicate == "type" and st.subject in mapping and mapping[st.subject].key[0] != st.subject.key[0])
    ]
    return list(dict.fromkeys(out))


def _drop_undated(statements: list[Statement], yearless: AbstractSet[Ref] = frozenset()) -> list[Statement]:
    """A launch, landing or docking the article never dates is a passing mention ("since
    launch"), not an event to report; the crew it named stays on the mission.  One told with a
    date or time the article gives no year for (``yearless``) is kept, undated."""
    dated = {st.subject for st in statements if st.predicate in ("date", "time")}
    attended = {st.subject for st in statements if st.predicate == "participant"}
    drop = {
        st.subject
        for st in statements
        if st.subject.kind == "event"
        and st.subject not in dated
        and st.subject not in yearless
        and (st.subject.key[0] in _MISSION_EVENTS or st.subject not in attended)
    }
    return [st for st in statements if st.subject not in drop and st.object not in drop]


#: "With him were ...", "Returning with her were ...": the one person just named had company
_WITH_THEM = re.compile(r"(?:\w+\s+){0,2}with\s+(?:him|her)\s+(?:were|was|came|rode|flew)\b", re.I)


def _next_text(ctx: Context, sentence: int) -> str:
    return ctx.sentences[sentence + 1].text if sentence + 1 < len(ctx.sentences) else ""


def _event(ctx, missions, anchor: Anchor, emit, sentence, span, kind, first, last, known_days, share) -> Ref | None:
    doc = ctx.doc
    after = doc[last + 1 : min(last + 4, len(doc))].text.lower()
    off_world = any(w in after for w in _OFF_WORLD) or _lunar_craft_before(doc, first)
    if kind == "landing" and _into_water(doc, last):
        kind = "splashdown"  # "parachuted into the Atlantic", "came down off Jacksonville"
    text = ctx.sentences[sentence].text
    tense = _tense(span, first)
    day = None
    day_at = None
    dates = find_dates(text)
    own = [dm for dm in dates if share[0] <= dm.start < share[1]]
    at = (doc[first].idx, doc[last].idx + len(doc[last]))  # the trigger's characters
    here = clause_flight(ctx, sentence, *at)  # of a list of flights, the one the trigger's clause names
    if here is not None:  # "A flew Shenzhou-31 in 2025, and Shenzhou-38 docked at 5:42 a.m. on Friday": not 2025
        base = ctx.sentences[sentence].start
        own = [dm for dm in own or dates if not apart(ctx.text, (base + dm.start, base + dm.end), at)]
    for dm in own or dates:  # "... lifted off on Aug. 17 and docked two days later": the launch's date
        day = _date_for(dm, anchor.day, tense, published=anchor.firm)
        if day is not None:
            day_at = dm.start
            if dm.value is None and dm.weekday is None:
                day = _in_story_year(day, known_days.get(None))
            break
    times = [t for t in find_times(text) if share[0] <= t.start < share[1]]
    if all(dm.weekday is not None and dm.value is None for dm in own):  # no date of its own but a weekday
        day = _days_later(text[share[0] : share[1]], known_days.get(None)) or day
    participants = crew_in_sentence(ctx, sentence)
    if kind in ("press_conference", "handover"):  # officials take part in these too
        participants = list(dict.fromkeys(ctx.people_in(sentence)))
    named = [r for _, r in ctx.in_sentence(sentence, "mission")]
    if kind in _MISSION_EVENTS:  # "the capsule docked ..., and its crew joined the Expedition 68 team": no flight
        named = [r for r in named if not is_expedition(r)]
    if not participants and kind in _MISSION_EVENTS and (not named or main_flight(ctx) in (None, named[0])):
        participants = crew_continuation(ctx, sentence)  # "... since Apollo 8 came back. Aboard were ...": not its crew
    elif len(participants) == 1 and kind in _MISSION_EVENTS and _WITH_THEM.match(_next_text(ctx, sentence)):
        participants += [
            p for p in crew_continuation(ctx, sentence) if p not in participants
        ]  # "With him were A and B"
    place = _place(ctx, sentence, first, last)
    station = station_of(ctx, sentence) if kind in ("docking", "undocking") else None
    vehicle = _vehicle(ctx, sentence, here)
    if here is not None:  # of a list of flights, the people of the event's own clause
        participants = [p for p in participants if p in _clause_people(ctx, sentence, at)]
    if not (day or times or place or station or vehicle or participants):
        return
    if kind in _MISSION_EVENTS and not (day or times or place or station or vehicle):
        return
    planned = tense == "future"
    if planned and (not times or _conditional(span, first)):
        return  # "is scheduled to launch early next month", "if all goes well, he will land on ..."
    if off_world and (planned or not (day or times)):
        return  # "the first people to land on the moon": a feat spoken of, not a dated event
    mission = (here if here in named else None) or (named[0] if named else None)
    created = False
    if off_world:  # a landing on the moon, a lift-off from it: neither ends nor starts the flight
        mission = None
    elif mission is None:
        mission = _mission_of(ctx, missions, sentence, kind, participants, vehicle, emit.statements)
        if mission is not None and day is not None and _out_of_time(ctx, mission, kind, day, missions, emit.statements):
            mission, participants = None, []  # "The crew lifted off ... 1973" is not the 1971 crew named before
        if mission is None and participants and kind in ("launch", "landing", "splashdown"):
            mission = new_stay(ctx, sentence, participants, anywhere=False)  # the lead's (unnamed) stay
            created = True
    if kind in _MISSION_EVENTS and mission is not None:
        ref = Ref("event", (kind, mission))
    else:
        who = participants[0] if participants else (vehicle or "unknown")
        dated = kind in ("spacewalk", "launch", "landing", "splashdown", "docking", "undocking", "handover")
        ref = Ref("event", (kind, who, day.iso() if day and dated else ""))
    if day is None and times:
        # "landing ... at 11:25 p.m. EST": the day the article gave this event; an undocking, the
        # day its flight came home ("... hours before splashdown"); else the day of the event it
        # told just before ("docked ... at 1:06 p.m., three hours after launch")
        home = (
            [known_days.get(Ref("event", (k, mission))) for k in ("landing", "splashdown")]
            if kind == "undocking"
            else []
        )
        day = known_days.get(ref) or next((d for d in home if d), None) or known_days.get(None)
        if day is None and anchor.firm and anchor.day and tense == "past":  # in a story dated that day
            day = PartialDate(anchor.day.year, anchor.day.month, anchor.day.day)  # "... latched on at 1:34 p.m. EDT"
    elif day is not None and day.to_date():
        known_days.setdefault(ref, day)
        known_days[None] = day
    evidence = doc[first : last + 1].text
    emit(ref, "type", Concept("class", CLASS[kind]), sentence, evidence)
    if mission is not None:
        emit(ref, "mission", mission, sentence, evidence)
        if kind == "docking" and station is not None:
            emit(mission, "spacecraft", station, sentence, evidence)  # the station the flight went to
        if created:
            emit(mission, "type", Concept("class", "Mission"), sentence, evidence)
            if mission.key[2] != "space":
                emit(mission, "spacecraft", mission.key[2], sentence, evidence)
        if vehicle is not None and kind in ("launch", "landing", "splashdown") and not _is_rocket(ctx, vehicle):
            emit(mission, "spacecraft", vehicle, sentence, evidence)
    full = day.to_date() if day else None
    if full is not None:
        emit(ref, "date", full, sentence, evidence)
        clock = _clock(ctx, sentence, _nearest_first(times, day_at), place) or _in_zone(times, anchor.zone)
        if clock is not None:
            emit(ref, "time", combine(full, clock[0]), sentence, clock[1])
        if mission is not None and kind in ("landing", "splashdown") and not planned:
            emit(mission, "endDate", day, sentence, evidence)
        if mission is not None and kind == "launch" and not planned:
            emit(mission, "startDate", day, sentence, evidence)
    if place is not None:
        emit(ref, "place", place, sentence, evidence)
    if station is not None:
        emit(ref, "station", station, sentence, evidence)
    if vehicle is not None:
        emit(ref, "vehicle", vehicle, sentence, evidence)
    if kind == "handover":
        _handover(ctx, emit, ref, sentence, span, (first, last), participants, evidence)
        return
    for person in participants:
        emit(ref, "participant", person, sentence, evidence)
        if mission is not None and kind in ("landing", "splashdown", "launch") and not planned:
            emit(mission, "crewMember", person, sentence, evidence)
    # told with a day or a clock time that no year resolves ('at 3:29 a.m. CDT' in a story without
    # one): an event that happened, kept undated, not a passing mention
    return ref if day is None and (own or times) and not planned else None


def _lunar_craft_before(doc, first: int) -> bool:
    """'guided the lunar module Challenger to a landing', 'the ascent stage lifted off': a craft that
    lands on or leaves another world, named just before the trigger."""
    words = [t.lower_ for t in doc[max(first - 6, 0) : first]]
    pairs = set(zip(words, words[1:]))
    return bool(pairs & _LANDER_WORDS) or "lander" in words


def _clause_people(ctx: Context, sentence: int, at: tuple[int, int]) -> set[Ref]:
    """People named in the same clause as the characters ``at``."""
    return {r for m, r in ctx.in_sentence(sentence, "person") if not apart(ctx.text, (m.start, m.end), at)}


def _mission_of(ctx, missions, sentence, kind, participants, vehicle, told=()) -> Ref | None:
    """The flight an event belongs to when the sentence does not name it: its crew's, else the one
    flight its vehicle flew (as found so far, ``told``), else the article's only flight (for 'the
    capsule docked ...' too) unless the sentence names another vehicle."""
    mission = next((missions.of(p) for p in participants if missions.of(p)), None)
    main = main_flight(ctx)
    if mission not in (None, main) and main is not None and ctx.first_sentence.get(mission, 0) > sentence:
        mission = main  # a flight the text names only later ('He first went up on Shenzhou-7 ...'): not yet this one
    if mission is None and vehicle is not None:  # "the Oryx-4 docked ...": the one flight flown in it
        carried = {st.subject for st in told if st.predicate == "vehicle" and st.object == vehicle}
        flown = (
            {i.ref for i in missions.infos if vehicle in i.spacecraft}
            | {st.subject for st in told if st.predicate == "spacecraft" and st.object == vehicle}
            | {st.object for st in told if st.predicate == "mission" and st.subject in carried}
        )  # ... or the flight of an event told before in it ("Discovery lifted off ... on STS-95")
        mission = flown.pop() if len(flown) == 1 else None
    if mission is None and kind in _MISSION_EVENTS:
        words = {t.lower_ for t in ctx.sentence_span(sentence)}
        craft_word = words & _CRAFT_NOUNS or kind in ("docking", "undocking") and "it" in words  # "It had undocked"
        if participants or kind in ("launch", "landing", "splashdown") or craft_word:
            mission = lead_mission(ctx, missions)
    if mission is not None and vehicle is not None and _other_vehicle(ctx, missions, mission, vehicle):
        return None
    return mission


def _out_of_time(ctx: Context, mission: Ref, kind: str, day, missions, told) -> bool:
    """A launch after the flight already ended, or a return before it began, by the dates found so
    far; or an event years away from every year the sentences naming the flight give ('the mark
    set in June 1971 by A, B and C during their Soyuz 11 mission' is no 1973 flight)."""
    named_years = {
        int(y) for n in ctx.sentences_of.get(mission, ()) for y in SPACE_AGE_YEAR.findall(ctx.sentences[n].text)
    }
    far = named_years and not min(named_years) - 1 <= day.year <= max(named_years) + 1
    if far and kind in _MISSION_EVENTS and mission != main_flight(ctx):
        return True
    dates = {
        (st.predicate, st.object.year)
        for st in list(missions.statements) + list(told)
        if st.subject == mission and st.predicate in ("startDate", "endDate") and hasattr(st.object, "year")
    }
    if kind == "launch":
        return any(p == "endDate" and year < day.year for p, year in dates)
    if kind in ("landing", "splashdown"):
        return any(p == "startDate" and year > day.year for p, year in dates)
    return False


def _is_rocket(ctx: Context, craft: Ref) -> bool:
    """A launch vehicle carries a flight; it is not the flight's spacecraft."""
    return ctx.class_of(craft) == "LaunchVehicle"


_CREW_CRAFT = ("Capsule", "SpaceShuttle")


def _other_vehicle(ctx: Context, missions, mission: Ref, vehicle: Ref) -> bool:
    """A sentence naming a capsule the flight does not fly: another than its own named vehicle
    (Soyuz MS-22), or of another type than its capsule ('Starliner Calypso landed ...' in a
    story about a Crew Dragon flight).  A named capsule of the flight's type is its own."""
    if ctx.class_of(vehicle) not in _CREW_CRAFT:
        return False
    info = missions.info(mission)
    crafts = info.spacecraft if info else ()
    own = [c for c in crafts if c.key == mission.key]
    if own:
        return vehicle not in own
    types = [c.key[0] for c in crafts if ctx.class_of(c) in _CREW_CRAFT and isinstance(c.key[0], str)]
    key = vehicle.key[0] if isinstance(vehicle.key[0], str) else ""
    if ctx.class_of(vehicle) == "SpaceShuttle" and "space-shuttle" in types:
        return False  # an orbiter ('Discovery') of a shuttle flight (STS-95)
    return bool(types) and not any(key == t or key.startswith(t + "-") for t in types)


def _in_zone(times: list, zone: str | None):
    """A time written with no zone ('undocked at 12:44 a.m.') read in the article's only stated
    zone ('9:56 a.m. Beijing time' earlier on)."""
    bare = [t for t in times if not t.time.zone and not t.time.zone_text]
    return (replace(bare[0].time, zone=zone), bare[0].text) if bare and zone else None


def _conditional(span: Span, first: int) -> bool:
    """'If his mission ends on schedule, he will come home ...': a condition, not a plan of record."""
    return any(t.lower_ in ("if", "unless") for t in span.doc[span.start : first])


def _nearest_first(times: list, at: int | None) -> list:
    """The sentence's clock times, the one written next to the date first: '7:13 a.m. local time on
    Wednesday, Sept. 7 -- 9:13 p.m. EDT on Tuesday' dates the local time, not the EDT one."""
    if at is None or len(times) < 2:
        return times
    return sorted(times, key=lambda t: min(abs(t.end - at), abs(t.start - at)))


def _zone_of(ref: Ref | None) -> str | None:
    entry = gazetteer.entries().get(ref.key[0]) if ref is not None and isinstance(ref.key[0], str) else None
    return entry.attr("tz") if entry else None


def _clock(ctx: Context, sentence: int, times, place: Ref | None):
    """The (time, words) to report: the first time (see ``_nearest_first``) whose zone is stated, or
    is 'local time' read in the zone of the event's place, the sentence's or the dateline's (the
    first two sentences: a headline may come first); a time with no known zone is left out."""
    for t in times:
        if t.time.zone:
            return t.time, t.text
        if "local" in t.time.zone_text.lower():
            places = [place] + [
                r for n in (sentence, 0, 1) for m, r in ctx.in_sentence(n, "place") if not _demonym(m, r)
            ]
            zone = next((z for z in map(_zone_of, places) if z), None)
            if zone:
                return replace(t.time, zone=zone), t.text
    return None


def _demonym(mention, ref: Ref) -> bool:
    """'Romanian' in 'Romanian commander lands ...' names a nationality, not where anything happened."""
    entry = gazetteer.entries().get(ref.key[0]) if isinstance(ref.key[0], str) else None
    demonym = entry.attr("demonym") if entry else None
    return demonym is not None and mention.text.lower().rstrip("s") == demonym.lower()


_TAKING = {"take", "takes", "took", "taking", "assume", "assumes", "assumed", "assuming", "became", "become", "becomes"}


def _handover(ctx, emit, ref, sentence, span, trigger: tuple[int, int], participants, evidence) -> None:
    """Who handed command to whom: 'A handed command to B' (the subject gives), 'B took command
    from A' / 'B took over as commander' (the subject receives)."""
    first, last = trigger
    taking = ctx.doc[first].lower_ in _TAKING
    # "a handover with the crew of Crew-7" hands over the station's work, not its command
    command = any(t.lower_ in ("command", "commander", "helm") for t in span) or _command_told(
        ctx, sentence, first, last
    )
    other = _person_after(ctx, span, last, "from" if taking else "to")
    subject = next((p for p in participants if p != other), None)
    giver, receiver = (other, subject) if taking else (subject, other)
    if giver is not None:
        emit(ref, "handedOverBy", giver, sentence, evidence)
        emit(ref, "participant", giver, sentence, evidence)
        if command:
            emit(giver, "role", Concept("role", "commander"), sentence, evidence)
    if receiver is not None:
        emit(ref, "handedOverTo", receiver, sentence, evidence)
        emit(ref, "participant", receiver, sentence, evidence)
        if command:
            emit(receiver, "role", Concept("role", "commander"), sentence, evidence)
    station = station_of(ctx, sentence)
    if station is not None:
        emit(ref, "commandOf", station, sentence, evidence)


_STAND_INS = {"it", "job", "post", "reins", "role", "station", "outpost"}


def _command_told(ctx: Context, sentence: int, first: int, last: int) -> bool:
    """'took over as station commander ..., handing it to X', 'handed the job to X', 'became the
    first woman to command the station as Y handed over the outpost': what is handed over stands
    for a command the sentence has named."""
    doc = ctx.doc
    handed = {doc[k].lower_ for k in range(first + 1, min(last + 4, len(doc)))}
    said = ctx.sentences[sentence].text.lower()
    return bool(handed & _STAND_INS) and ("command" in said or "commander" in said)


def _person_after(ctx: Context, span: Span, last: int, word: str) -> Ref | None:
    """The person named within a few words after the first ``word`` ('to', 'from') after the trigger."""
    doc = ctx.doc
    for k in range(last + 1, span.end):
        if doc[k].lower_ == word:
            for j in range(k + 1, min(k + 7, span.end)):
                idx = ctx.mention_at_token(doc[j])
                people = [r for r in ctx.refs(idx) if r.kind == "person"] if idx is not None else []
                if people:
                    return people[0]
            return None
    return None


def _into_water(doc, last: int) -> bool:
    """A landing that ends in the sea: 'off' a coast or 'into' a listed sea right after the trigger."""
    entries = gazetteer.entries()
    window = doc[last + 1 : min(last + 5, len(doc))]
    if len(window) and window[0].lower_ == "off":
        return True
    return any(t.lower_ in ("into", "in") for t in window[:2]) and any(
        t.ent_id_ in entries and entries[t.ent_id_].attr("water") for t in window
    )


def _place(ctx: Context, sentence: int, first: int, last: int) -> Ref | None:
    """A place introduced by 'in/at/near/off/from ...' close to the trigger word; a sea gives way
    to the coast named after it ('in the Indian Ocean off Mombasa' is off Mombasa)."""
    doc = ctx.doc
    entries = gazetteer.entries()
    found: list[Ref] = []
    for m, ref in ctx.in_sentence(sentence, "place"):
        span = ctx.span(m.start, m.end)
        if span is None or span.start == 0 or not (first - 8 <= span.start <= last + 12):
            continue
        prev = doc[span.start - 1].lower_
        prev2 = doc[span.start - 2].lower_ if span.start >= 2 else ""
        if prev in _PLACE_PREPS or prev2 in _PLACE_PREPS and prev == "the":
            found.append(ref)
            entry = entries.get(m.gazetteer_id) if m.gazetteer_id else None
            if entry is None or not entry.attr("water"):
                break
    return found[-1] if found else None


def _vehicle(ctx: Context, sentence: int, flight: Ref | None = None) -> Ref | None:
    """The crew vehicle a sentence names: a named flight's own vehicle (Soyuz MS-22), else a capsule
    or shuttle (Atlantis before the generic 'space shuttle'); never the rocket that launched it.
    With ``flight`` (the one the event's clause names), only that flight's own vehicle."""
    entries = gazetteer.entries()
    for m, ref in ctx.in_sentence(sentence, "mission"):
        if flight is not None and ref != flight:
            continue
        pattern = next((p for p in gazetteer.flight_patterns() if p.regex.fullmatch(m.text)), None)
        if pattern is not None and pattern.named_vehicle:
            return Ref("spacecraft", ref.key)
    ranked = []
    for m, ref in ctx.in_sentence(sentence, "spacecraft"):
        if _names_a_program(ctx, m):
            continue
        entry = entries.get(ref.key[0]) if isinstance(ref.key[0], str) else None
        cls = ctx.class_of(ref) or "Capsule"
        # a type (Crew Dragon, Soyuz) gives way to one named craft of it ('Crew Dragon Endeavour')
        generic = entry is not None and (entry.id in ("space-shuttle", "soyuz-rocket") or entry.cls == "Capsule")
        rank = {"Capsule": 0, "SpaceShuttle": 0}.get(cls)  # a rocket carries the vehicle; it is not one
        if rank is not None:
            ranked.append((rank + generic, len(ranked), ref))
    return min(ranked)[2] if ranked else None


_PROGRAM_NOUNS = {"crews", "crew", "program", "programme", "era", "missions", "flights", "astronauts", "veterans"}


def _names_a_program(ctx: Context, mention) -> bool:
    """'the pad that once sent Apollo crews to the moon': a craft named as a program, not this vehicle."""
    span = ctx.span(mention.start, mention.end)
    return span is not None and span.end < len(ctx.doc) and ctx.doc[span.end].lower_ in _PROGRAM_NOUNS


def _stay_dates(ctx, missions, emit, sentence) -> None:
    """'living aboard the station since March 27, 2015'; 'from January 1994 until March 1995'."""
    text = ctx.sentences[sentence].text
    rng = _RANGE.search(text)
    # the stay of the person named last before the range: "Her flight eclipses the mark set by
    # Pemberton-Abiodun, whose own stay ran from June 2029 to February 2030" dates his stay
    at = ctx.sentences[sentence].start + (rng.start() if rng else len(text))
    people = [r for m, r in reversed(ctx.in_sentence(sentence, "person")) if m.start < at] + ctx.people_in(sentence)
    mission = next((missions.of(p) for p in people if missions.of(p)), None)
    named = list(dict.fromkeys(r for _, r in ctx.in_sentence(sentence, "mission")))
    if rng and len(named) == 1:  # "a stay from November 2016 to June 2017, for which he rode up in Soyuz MS-03"
        mission = named[0]
    if mission is None:
        return
    if rng:
        a = [d for d in find_dates(rng.group("a")) if d.value]
        b = [d for d in find_dates(rng.group("b")) if d.value]
        started = [st.object for st in emit.statements if st.subject == mission and st.predicate == "startDate"]
        if a and b and any(_month_before(b[0].value, day) for day in started):
            return  # "his second stay ran from May 1991 to March 1992": ended before this flight began
        if a and b:
            emit(mission, "startDate", a[0].value, sentence, rng.group(0))
            emit(mission, "endDate", b[0].value, sentence, rng.group(0))
            return
    since = _SINCE.search(text)
    if since and _COMPARED_SINCE.search(text, 0, since.start()):
        since = None  # "the smallest shuttle crew since 1983": a comparison, not a stay's start
    if since and station_of(ctx, sentence) is not None and not _names_a_record(text):
        later = [d for d in find_dates(text[since.end() :]) if d.value]
        if later and later[0].start <= _SINCE_REACH:  # not "has since spent long periods there in 2011 and 2012"
            emit(mission, "startDate", later[0].value, sentence, text[since.start() : since.end() + 30])


def _month_before(end: PartialDate, start: PartialDate) -> bool:
    """Whether ``end`` falls in a month before ``start``'s (an unknown month spans its year)."""
    return (end.year, end.month or 12) < (start.year, start.month or 1)


def _names_a_record(text: str) -> bool:
    """'... whose 878 days had stood as the world mark since 2015': the date is the record's, not a stay's."""
    return bool({w.lower() for w in re.findall(r"\w+", text)} & RECORD_WORDS)


FLIGHT_CREW = "events/flight-crew"
FLIGHT_VEHICLE = "events/flight-vehicle"


def _flight_events(statements: list[Statement], told: str) -> dict[Ref, Statement]:
    """Each launch, docking, undocking or landing with no ``told`` fact of its own, mapped to the
    statement that ties it to its flight (the source every inferred claim cites)."""
    has = {st.subject for st in statements if st.predicate == told}
    flights: dict[Ref, Statement] = {}
    for st in statements:
        event = st.subject
        if st.predicate == "mission" and event.kind == "event" and event.key[0] in _MISSION_EVENTS and event not in has:
            flights.setdefault(event, st)
    return flights


def flight_crews(statements: list[Statement]) -> list[Statement]:
    """Participants of a flight event whose sentence names no one ('The capsule docked with the
    station at 11:01 p.m.'): the crew the article gives that flight.  Each claim cites the event's
    sentence under its own extractor name, so a reader can tell it was inferred, not read."""
    crews: dict[Ref, list[Ref]] = {}
    for st in statements:
        if st.predicate == "crewMember":
            crews.setdefault(st.subject, []).append(st.object)
    added = [
        Statement(event, "participant", person, replace(st.source, extractor=FLIGHT_CREW))
        for event, st in _flight_events(statements, "participant").items()
        for person in dict.fromkeys(crews.get(st.object, ()))
    ]
    return statements + added


def flight_vehicles(statements: list[Statement]) -> list[Statement]:
    """Vehicle of a named flight's event whose sentence names none ('Shenzhou-13 undocked from
    the station'): the one crew craft the article gives that flight.  A flight with two crew craft
    gets none, and so does a stay: its crew may have come up on one Soyuz and gone home on another.
    Cited like ``flight_crews``, under its own extractor name."""
    crew_craft = {
        st.subject
        for st in statements
        if st.predicate == "type" and isinstance(st.object, Concept) and st.object.name in _CREW_CRAFT
    }
    crafts: dict[Ref, set[Ref]] = {}
    for st in statements:
        if st.predicate == "spacecraft" and st.object in crew_craft:
            crafts.setdefault(st.subject, set()).add(st.object)
    added = [
        Statement(event, "vehicle", next(iter(own)), replace(st.source, extractor=FLIGHT_VEHICLE))
        for event, st in _flight_events(statements, "vehicle").items()
        if len(st.object.key) == 1  # a named flight (Crew-6, Shenzhou-13), not a stay
        and len(own := crafts.get(st.object, set())) == 1
    ]
    return statements + added
