"""Extractor 'records': who holds which record, its scope, value, unit and year, and the
earlier record (and holder) it superseded.

Reads sentences that speak of a record ("record", "longest", "most time in space"):
"Kelly's spaceflight eclipses a 215-day U.S. record set in 2007 by ... Michael Lopez-Alegria"
gives Kelly's US record superseding Lopez-Alegria's 215-day record of 2007.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from kg.extractors.base import Context, Emitter
from kg.extractors.missions import LONGEST_FLIGHT_DAYS, Missions, _owner, durations_in
from kg.normalize.dates import SPACE_AGE_YEAR
from kg.types import Concept, PartialDate, Ref, Statement

NAME = "records"
_TRIGGER = re.compile(
    r"\brecords?\b|\bthe most (?:by|of|for) (?:any|an?)\b|(?-i:\bmarks?\b)|\blongest\b|\bmost (?:time|days|cumulative)\b|\bmilestone\b"
    r"|\bfirst (?:person|human|man|woman) (?:ever )?to (?:spend|log|reach|pass|top)\b"
    r"|\b(?:passed|surpassed|topped|eclipsed|broke|beat)\b.{0,80}\b(?:had |has )?set\b",  # "... that Whitson had set in 2008"
    re.I,
)
_BEAT = {
    "eclipse", "eclipses", "eclipsed", "eclipsing", "break", "breaks", "broke", "breaking", "surpass", "surpasses",
    "surpassed", "surpassing", "beat", "beats", "beating", "top", "tops", "topped", "topping", "overtake",
    "overtakes", "overtook", "overtaking", "pass", "passes", "passed", "passing", "exceed", "exceeds", "exceeded",
    "exceeding", "best", "bested", "shatter", "shattered", "shattering", "outlast", "outlasted",
}  # fmt: skip
_SCOPES = [
    (re.compile(r"\b(?:wom[ae]n|female)\b", re.I), "women"),
    (re.compile(r"(?<!\w)(?:U\.S\.|US|American|NASA|United States)(?!\w)"), "us"),
    (re.compile(r"\bworld\b|\bglobal\b|\bever\b|\banyone\b|\bany human\b", re.I), "world"),
    (re.compile(r"\b(?:Russian|Soviet|Russia)\b"), "russia"),
    (re.compile(r"\b(?:Chinese|China)\b"), "china"),
    (re.compile(r"\b(?:European|ESA|Europe)\b"), "europe"),
    (re.compile(r"\b(?:Japanese|Japan|JAXA)\b"), "japan"),
    (re.compile(r"\b(?:Canadian|Canada)\b"), "canada"),
]
_CUMULATIVE = re.compile(
    r"\bcumulative\b|\btotal\b|\bcareer\b|\bthe most of any\b|\blogged\b|\bcombined\b|\bover (?:\w+ )?(?:flights|missions)\b|\bmost (?:time|days)\b",
    re.I,
)
_SPACEWALK = re.compile(
    r"\bspacewalk|\bEVAs?\b|\bextravehicular\b|\bouting\b|\bexcursion\b|\boutside (?:a|the) (?:spacecraft|station)\b",
    re.I,
)
#: "a 6-hour, 52-minute excursion": the length of one outing, never a career total
_ONE_OUTING = re.compile(r"[\s,-]*(?:\d+[\s-]*minutes?[\s,-]*)?(?:spacewalk|excursion|outing|EVA)\b", re.I)
_HOURS = re.compile(r"\b\d+\s+hours\b", re.I)
_OFFSET = re.compile(r"\s+(?:into|after|before|later|earlier|ago)\b", re.I)
# what names a particular record when the sentence gives no length of its own
_SAYS_WHICH = re.compile(
    r"\blongest\b|\bmost\b|\bthe\s+(?:\S+\s+){0,3}record\b|\brecords?\s+for\b|(?-i:\bmark\b)", re.I
)  # not the name Mark
_PREVIOUS = re.compile(r"\b(?:previous|former|earlier|old|prior)\b", re.I)
_LIFE = re.compile(r"\b(?:retired|retiring|born|joined|died|selected|left)\b[^,;]*$", re.I)


_NATIONAL_PERSON = re.compile(
    r"(?:U\.S\.|US|American|NASA|Russian|Soviet|Chinese|European|ESA|Japanese|JAXA|Canadian)\s+(?:astronaut|cosmonaut|taikonaut|crew|space agency)",
)


_AMONG = re.compile(
    r"\b(?:by|of|for)\s+(?:(?:any|an?|all)\s+(?:other\s+)?(?P<who>(?:U\.S\.|\w+))\s+(?:astronauts?|cosmonauts?|taikonauts?|crew)"
    r"|(?P<many>(?:U\.S\.|\w+))\s+(?:astronauts|cosmonauts|taikonauts|crews?))\b"
)  # "by any Japanese astronaut", "ever made by Chinese astronauts", "flown by a Chinese crew"


def _scope(text: str) -> str | None:
    """The population a record is counted over, as the clause says it.

    Women's records beat the rest ("the longest spaceflight ever made by a woman"); an explicit
    "world" beats a nationality; a nationality that only introduces a person ("NASA astronaut
    X") says nothing about the record; "ever"/"anyone" means world when nothing else is said.
    """
    if _SCOPES[0][0].search(text):
        return "women"
    if re.search(r"\bworld\b", text, re.I):
        return "world"
    among = _AMONG.search(text)  # "the longest flight by any Japanese astronaut": counted among them
    if among and _scope(among.group("who") or among.group("many")):
        return _scope(among.group("who") or among.group("many"))
    cleaned = _NATIONAL_PERSON.sub(" ", text)
    found = [
        (m.start(), scope) for pattern, scope in _SCOPES[1:] if scope != "world" for m in [pattern.search(cleaned)] if m
    ]
    if found:
        return min(found)[1]
    return "world" if _SCOPES[2][0].search(text) else None


_SINGLE = re.compile(
    r"\bsingle\b|\bconsecutive\b|\bone (?:mission|flight|trip|stay)\b|\blongest (?:space)?flight\b|\bcontinuous\b", re.I
)


def _kind(text: str, previous: str = "") -> str:
    """What a record measures; a cumulative cue in the previous sentence carries over
    ('... has logged 534 days, the most of any U.S. astronaut. He passed the record of 520 days')."""
    if _SPACEWALK.search(text) or _HOURS.search(text) and _SPACEWALK.search(previous):
        return "spacewalk_duration"  # "... into the outing, she passed the 39 hours and 46 minutes that ..."
    if _SINGLE.search(text):
        return "single_flight_duration"
    if _CUMULATIVE.search(text) or _CUMULATIVE.search(previous):
        return "cumulative_duration"
    return "single_flight_duration"


@dataclass(frozen=True)
class Told:
    """What the other extractors found that dates or measures a record: each mission's end and
    start year, and each person's stated age ('Shatner, 90, ...')."""

    end_years: dict[Ref, int] = field(default_factory=dict)
    start_years: dict[Ref, int] = field(default_factory=dict)
    ages: dict[Ref, int] = field(default_factory=dict)


def extract(ctx: Context, missions: Missions, told: Told) -> list[Statement]:
    """Record statements for each sentence that states a record."""
    emit = Emitter(ctx, NAME)
    for s in ctx.sentences:
        if _AGE_RECORD.search(s.text):
            _age_sentence(ctx, missions, told, emit, s.index)
        elif _TRIGGER.search(s.text):
            _sentence(ctx, missions, told.end_years, emit, s.index)
    return _merge_unscoped(emit.statements)


# "became the oldest person ever to fly to space", "Shatner's age eclipsed the record of ..."
_AGE_RECORD = re.compile(r"\b(?:oldest|youngest)\s+(?:\w+\s+){0,2}(?:to|in|ever)\b|\b\w+['’]s age\b", re.I)
_AGE = re.compile(
    r"\b(?:at\s+(?:the\s+)?age\s+(?:of\s+)?|aged\s+|at\s+)(\d{2,3})\b(?!\s*(?:a\.m|p\.m|[:%]|percent|km|miles))"
)


def _age_sentence(ctx, missions, told: Told, emit, sentence) -> None:
    """An age record: the holder named before the superlative or the verb, their age as the value
    ('at the age of 90', or the age the article gives them), and the earlier holder named first
    after the verb with the age nearest after them ('eclipsed the record of Wally Funk, who flew
    ... at 82')."""
    text = ctx.sentences[sentence].text
    base = ctx.sentences[sentence].start
    span = ctx.sentence_span(sentence)
    beat = next((t for t in span if t.lower_ in _BEAT), None)
    cut = beat.idx - base if beat is not None else len(text)
    people = ctx.in_sentence(sentence, "person")
    holder = next((r for m, r in people if m.start - base < cut), None)
    if holder is None:
        return
    found = [m for m in _AGE.finditer(text) if 10 <= int(m.group(1)) <= 110]
    own = next((m for m in found if m.start() < cut), None)
    said = _said_value(emit, "age", holder)
    # the age the sentence gives, else the one a sentence before gave this record, else the person's
    value = int(own.group(1)) if own else said if said is not None else told.ages.get(holder)
    if value is None:
        return
    mission = missions.of(holder)
    years = SPACE_AGE_YEAR.findall(text[:cut])
    year = int(years[-1]) if years else told.end_years.get(mission) or told.start_years.get(mission)
    # "the youngest Chinese astronaut ever": the people it is counted over, else everyone
    sup = _AGE_RECORD.search(text)
    phrase = text[sup.start() : sup.end() + 30] if sup else ""
    scope = next((sc for pattern, sc in _SCOPES if sc != "world" and pattern.search(phrase)), "world")
    record = _age_record(emit, holder, scope, value, sentence, text, own.group(0) if own else text)
    if year:
        emit(record, "year", PartialDate(int(year)), sentence, text)
    if mission is not None:
        emit(record, "setDuring", mission, sentence, text)
    earlier = next(((m, r) for m, r in people if m.start - base >= cut and r != holder), None)
    if earlier is not None:
        at = earlier[0].start - base
        old_age = next((a for a in found if a.start() > at), None)
        old_value = int(old_age.group(1)) if old_age else None
        old = _age_record(emit, earlier[1], scope, old_value, sentence, text[cut:], old_age.group(0) if old_age else "")
        emit(record, "supersedes", old, sentence, text[cut:])


def _said_value(emit: Emitter, kind: str, holder: Ref) -> object | None:
    """The value an earlier sentence gave a record of this kind and holder (in any scope), if any."""
    return next(
        (
            st.object
            for st in emit.statements
            if st.predicate == "value" and st.subject.kind == "record" and st.subject.key[::2] == (kind, holder)
        ),
        None,
    )


def _age_record(emit, holder: Ref, scope: str, age: int | None, sentence: int, clause: str, evidence: str) -> Ref:
    """The age record of ``holder`` over ``scope``, with its age in years when known."""
    record = Ref("record", ("age", scope, holder))
    emit(record, "type", Concept("class", "Record"), sentence, clause)
    emit(record, "holder", holder, sentence, clause)
    emit(record, "recordKind", Concept("record-kind", "age"), sentence, clause)
    emit(record, "scope", Concept("scope", scope), sentence, clause)
    if age is not None:
        emit(record, "value", Decimal(age), sentence, evidence)
        emit(record, "unit", Concept("unit", "YR"), sentence, evidence)
    return record


def _merge_unscoped(statements: list[Statement]) -> list[Statement]:
    """A record stated without a scope ("after a record 328 days") is the same holder's scoped
    record of that kind when the article names one."""
    scoped: dict[tuple, Ref] = {}
    for st in statements:
        ref = st.subject
        if ref.kind == "record" and ref.key[1] != "unknown":
            scoped.setdefault((ref.key[0], ref.key[2]), ref)
    mapping = {
        st.subject: scoped[(st.subject.key[0], st.subject.key[2])]
        for st in statements
        if st.subject.kind == "record"
        and st.subject.key[1] == "unknown"
        and (st.subject.key[0], st.subject.key[2]) in scoped
    }
    out = []
    for st in statements:
        subject = mapping.get(st.subject, st.subject)
        obj = mapping.get(st.object, st.object) if isinstance(st.object, Ref) else st.object
        if subject == obj:
            continue
        out.append(replace(st, subject=subject, object=obj))
    return list(dict.fromkeys(out))


_HANDED = {"command", "control", "job", "helm", "baton", "reins"}


def _hands_over(token) -> bool:
    """'passed command on Saturday to X', 'passed the job to': a handover, not a record beaten."""
    doc = token.doc
    return any(doc[k].lower_ in _HANDED for k in range(token.i + 1, min(token.i + 3, len(doc))))


def _sentence(ctx, missions, end_years, emit, sentence) -> None:
    text = ctx.sentences[sentence].text
    base = ctx.sentences[sentence].start
    span = ctx.sentence_span(sentence)
    beat = next((t for t in span if (t.lower_ in _BEAT or _past(t)) and not _hands_over(t)), None)
    cut = beat.idx - base if beat is not None else len(text)
    new_text = text[:cut]
    kind = _kind(text, ctx.sentences[sentence - 1].text if sentence else "")
    # "a year-long stay", "six months": rhetorical lengths are not record values; spacewalks count hours
    units = ("hour",) if kind == "spacewalk_duration" else ("day", "week")
    # ... nor is "one day at a time": no duration record is counted in single days
    durations = [
        d
        for d in durations_in(text)
        if d.duration.unit in units
        and (d.duration.unit == "hour" or d.duration.whole_days() > 1)
        and not _OFFSET.match(text, d.end)  # "two hours and 12 minutes into the outing": when, not how long
    ]
    if kind == "cumulative_duration":  # "after 247 days aboard ..., became the woman with the most time": one flight's
        durations = [d for d in durations if not _flight_length(text, d)]
    if kind == "spacewalk_duration" and _CUMULATIVE.search(text):  # "record for total time ... after a 6-hour outing"
        durations = [d for d in durations if not _ONE_OUTING.match(text, d.end)]
    new_dur = next((d for d in durations if d.start < cut), None)
    if kind == "single_flight_duration" and new_dur is not None and new_dur.duration.whole_days() > LONGEST_FLIGHT_DAYS:
        kind = "cumulative_duration"  # "the first person to spend 1,000 days in space": no one flight is that long
    value_sentence = sentence
    carried = _carried(ctx, sentence, cut, new_dur, units)
    if carried is not None:
        # "That total beats the women's career record of 688 days held by X": the holder and the
        # value are the previous sentence's ("... the commander has logged 703 days in orbit")
        holders, new_dur, value_sentence = [carried[0]], carried[1], sentence - 1
    elif not ctx.people_in(sentence) and beat is not None and (crew := _flight_crew(ctx, missions, sentence, cut)):
        # "The flight, known as Skylab 2, broke the world record for a single space mission": its crew's
        holders = crew
    elif not ctx.people_in(sentence):
        # "... the retired Army colonel has logged 534 days in orbit, the most of any U.S. astronaut":
        # the article's main person, when the sentence before names them
        before = ctx.people_in(sentence - 1) if sentence else []
        ranked = sorted(before, key=lambda r: -ctx.counts[r])
        if new_dur is None or beat is not None or not ranked or _PREVIOUS.search(text):
            return
        if len(ranked) > 1 and ctx.counts[ranked[0]] == ctx.counts[ranked[1]]:
            return
        holders = ranked[:1]
    elif new_dur is not None:
        dspan = ctx.span(base + new_dur.start, base + new_dur.end)
        holders = _owner(ctx, sentence, dspan) if dspan is not None else []
    else:
        holders = [r for m, r in ctx.in_sentence(sentence, "person") if m.start - base < cut][:1]
    if not holders:
        return
    if new_dur is None and beat is None and not _SAYS_WHICH.search(text):
        return  # "Records like this are built one day at a time": no record named
    holder = max(holders, key=lambda r: (ctx.counts[r], str(r)))
    mission = missions.of(holder)
    info = missions.info(mission) if mission else None
    fallback = info.duration_days if info and kind == "single_flight_duration" else None
    value = _amount(new_dur) if new_dur else fallback
    unit = "HR" if new_dur is not None and new_dur.duration.unit == "hour" else "DAY"
    years = SPACE_AGE_YEAR.findall(new_text) or (
        SPACE_AGE_YEAR.findall(ctx.sentences[value_sentence].text) if carried else []
    )
    year = int(years[-1]) if years else end_years.get(mission)
    scope = _scope(new_text) or (_scope(ctx.sentences[value_sentence].text) if value_sentence != sentence else None)
    if scope is None and re.search(r"\bnational\b", text, re.I):  # "... That beat the previous national mark"
        scope = _told_scope(ctx, value_sentence)
    if value is None and beat is None and scope is None and not year:
        return  # "X called the record 'a milestone'": a record spoken of, with nothing of its own
    olds = _old_records(ctx, sentence, cut, durations, kind, holder, scope) if beat is not None else []
    scopes = [scope] if scope else sorted({o[1] for o in olds if o[1]}) or [_scope(text)]
    # a crew's flight is each member's record when it counts over everyone or over such crews
    # ('the longest mission yet flown by a Chinese crew'), not 'a record for a U.S. spaceflight'
    among = _AMONG.search(text)
    by_crews = among is not None and (among.group("many") is not None or "crew" in among.group(0))
    shared = kind == "single_flight_duration" and mission is not None and (scope in (None, "world") or by_crews)
    for scope in scopes:
        record = Ref("record", (kind, scope or "unknown", holder))
        emit(record, "type", Concept("class", "Record"), sentence, text)
        emit(record, "holder", holder, sentence, text)
        for other in holders:  # "Three Chinese astronauts ... ending a 192-day stay, the longest ...": a crew's flight
            if other != holder and shared and missions.of(other) == mission:
                emit(record, "holder", other, sentence, text)
        emit(record, "recordKind", Concept("record-kind", kind), sentence, text)
        if scope:
            emit(record, "scope", Concept("scope", scope), sentence, text)
        if value:
            emit(record, "value", Decimal(value), value_sentence, new_dur.text if new_dur else text)
            emit(record, "unit", Concept("unit", unit), value_sentence, text)
            if new_dur is not None and new_dur.duration.approximate:
                emit(record, "approximate", True, value_sentence, new_dur.text)
        if year:
            emit(record, "year", PartialDate(int(year)), sentence, text)
        if mission is not None:
            emit(record, "setDuring", mission, sentence, text)
        for old, old_scope, clause, at in olds:
            old_value = _clause_value(text, clause, at, durations)
            # the values this sentence gives, else those earlier sentences gave the two records
            mine = value or _said_value(emit, kind, holder)
            theirs = old_value or _said_value(emit, *old.key[::2])
            smaller = mine is not None and theirs is not None and theirs >= mine
            if (len(scopes) == 1 or old_scope == scope) and not smaller:  # a record beats a smaller one
                emit(record, "supersedes", old, sentence, clause)
    for old, _, clause, at in olds:
        for st in _old_facts(ctx, old, clause, at, durations, sentence):
            emit(*st)
        for other in _co_holders(ctx, sentence, at, old.key[2]):  # "set by A and B aboard Soyuz 9"
            emit(old, "holder", other, sentence, clause)


def _flight_crew(ctx: Context, missions: Missions, sentence: int, cut: int) -> list[Ref]:
    """The crew of the one flight a record sentence names before its verb, as its subject."""
    base = ctx.sentences[sentence].start
    named = {r for m, r in ctx.in_sentence(sentence, "mission") if m.start - base < cut}
    if len(named) != 1:
        return []
    info = missions.info(next(iter(named)))
    return list(info.crew) if info is not None else []


def _past(token) -> bool:
    """'moves her past the women's record', 'took him past': 'past' after an object pronoun beats."""
    return token.lower_ == "past" and token.i > 0 and token.doc[token.i - 1].lower_ in ("her", "him", "them", "it")


_ANAPHOR = re.compile(
    r"^(?:that|this|the|her|his|their)\s+(?:new\s+)?(?:total|tally|stay|flight|mission|mark|figure|sum|count|feat)\b"
    r"|^(?:that|this|it)\s+(?:\w+\s+)?(?:beat|beats|broke|breaks|topped|tops|surpassed|surpasses|eclipsed|eclipses|moves|moved|puts|put|took|takes)\b",
    re.I,
)  # "That total beats ...", "That beat the previous national mark ...", "That moves her past ..."


def _carried(ctx: Context, sentence: int, cut: int, new_dur, units) -> tuple[Ref, object] | None:
    """(holder, length) from the sentence before, for a record sentence whose subject points back
    to it ('That total beats ...', 'That stay beat ...') and that names no holder of its own."""
    text = ctx.sentences[sentence].text
    base = ctx.sentences[sentence].start
    if sentence == 0 or new_dur is not None or not _ANAPHOR.match(text):
        return None
    if any(m.start - base < cut and m.source != "pronoun" for m, _ in ctx.in_sentence(sentence, "person")):
        return None  # ("That moves her past ...": a pronoun names no other holder)
    lengths = [d for d in durations_in(ctx.sentences[sentence - 1].text) if d.duration.unit in units]
    if not lengths:
        return None
    length = max(lengths, key=_amount)  # "188 days in 1992 ... a total of 747 days": the total
    start = ctx.sentences[sentence - 1].start
    span = ctx.span(start + length.start, start + length.end)
    owners = _owner(ctx, sentence - 1, span) if span is not None else []
    return (max(owners, key=lambda r: (ctx.counts[r], str(r))), length) if owners else None


_FLIGHT_LENGTH = re.compile(r"\s*(?:-\s*)?(?:long\s+)?(?:flight|stay|mission|trip|expedition|spaceflight)\b", re.I)


def _flight_length(text: str, d) -> bool:
    """A length told as one flight's ('after 247 days aboard', 'a 247-day flight'), not a total."""
    return text[max(d.start - 6, 0) : d.start].lower().endswith("after ") or bool(_FLIGHT_LENGTH.match(text, d.end))


def _told_scope(ctx: Context, sentence: int) -> str | None:
    """What a 'national' record counts over: the scope the sentence before gives ('... holds the
    Canadian record', 'he is the first Chinese astronaut to ...')."""
    before = ctx.sentences[sentence - 1].text if sentence else ""
    return _scope(before)


def _clause_value(text: str, clause: str, at: int, durations) -> Decimal | int | None:
    length = _nearest(durations, at, text.find(clause), len(clause), lambda d: (d.start, d.end))
    return _amount(length) if length is not None else None


def _amount(match) -> Decimal | int:
    """Days for day and week lengths; hours as stated for spacewalk time."""
    if match.duration.unit == "hour":
        return match.duration.amount
    return match.duration.whole_days()


def _old_records(ctx, sentence, cut, durations, kind, holder, new_scope) -> list[tuple[Ref, str | None, str, int]]:
    """Each earlier record after the verb, with the stretch of the sentence that tells of it --
    from the holder named before to the one named after, 'the 215 days of A and the 340 days of
    B', "A's 438 days", 'B, whose 878 days had stood as the world mark since 2015' -- and where
    its holder is named, so that the nearest value and year are its own."""
    text = ctx.sentences[sentence].text
    base = ctx.sentences[sentence].start
    named = [(m, ref) for m, ref in ctx.in_sentence(sentence, "person") if m.start - base >= cut and ref != holder]
    named = [pair for n, pair in enumerate(named) if pair[1] not in {r for _, r in named[:n]}]
    named = [pair for n, pair in enumerate(named) if not (n and _joined(text, base, named[n - 1][0], pair[0]))]
    out = []
    for n, (m, ref) in enumerate(named):
        start = cut if n == 0 else named[n - 1][0].end - base
        end = named[n + 1][0].start - base if n + 1 < len(named) else len(text)
        clause = text[start:end]
        # the words up to its holder first ('the U.S. record of 115 days set by A, and the women's
        # mark ...' is A's U.S. record); a record beats one of its own kind
        scope = _scope(text[start : m.end - base]) or _scope(clause) or _scope(text[cut:]) or new_scope
        out.append((Ref("record", (kind, scope or "unknown", ref)), scope, clause, m.start - base))
    return out


def _joined(text: str, base: int, first, second) -> bool:
    """Two names with only 'and' between them ('set by A and B'): one record held by both."""
    return text[first.end - base : second.start - base].strip() == "and"


def _co_holders(ctx: Context, sentence: int, at: int, holder: Ref) -> list[Ref]:
    """The people joined to an earlier holder by 'and' ('Andriyan Nikolayev and Vitaly Sevastyanov')."""
    base = ctx.sentences[sentence].start
    text = ctx.sentences[sentence].text
    named = [(m, r) for m, r in ctx.in_sentence(sentence, "person") if m.start - base >= at]
    out: list[Ref] = []
    for (m1, _), (m2, r2) in zip(named, named[1:]):
        if not _joined(text, base, m1, m2):
            break
        if r2 != holder and r2 not in out:
            out.append(r2)
    return out


def _nearest(items: list, at: int, offset: int, size: int, where) -> object | None:
    """The item inside [offset, offset + size) of the sentence closest to position ``at``."""
    inside = [i for i in items if offset <= where(i)[0] < offset + size]
    return min(inside, key=lambda i: min(abs(where(i)[0] - at), abs(where(i)[1] - at)), default=None)


def _old_facts(ctx, old: Ref, clause: str, at: int, durations, sentence: int) -> list[tuple]:
    text = ctx.sentences[sentence].text
    offset = text.find(clause)
    facts: list[tuple] = [
        (old, "type", Concept("class", "Record"), sentence, clause),
        (old, "holder", old.key[2], sentence, clause),
        (old, "recordKind", Concept("record-kind", old.key[0]), sentence, clause),
    ]
    if old.key[1] != "unknown":
        facts.append((old, "scope", Concept("scope", old.key[1]), sentence, clause))
    length = _nearest(durations, at, offset, len(clause), lambda d: (d.start, d.end))
    if length is not None:
        unit = "HR" if length.duration.unit == "hour" else "DAY"
        facts.append((old, "value", Decimal(_amount(length)), sentence, length.text))
        facts.append((old, "unit", Concept("unit", unit), sentence, clause))
    # a year of the holder's life story ('who retired in 2032', 'born in 1960') dates no record
    years = [y for y in SPACE_AGE_YEAR.finditer(text) if not _LIFE.search(text[max(y.start() - 40, 0) : y.start()])]
    year = _nearest(years, at, offset, len(clause), lambda y: y.span())
    if year is not None:
        facts.append((old, "year", PartialDate(int(year.group())), sentence, clause))
    return facts
