"""Extractor 'records': who holds which record, its scope, value, unit and year, and the
earlier record (and holder) it superseded.

Reads sentences that speak of a record ("record", "longest", "most time in space"):
"Kelly's spaceflight eclipses a 215-day U.S. record set in 2007 by ... Michael Lopez-Alegria"
gives Kelly's US record superseding Lopez-Alegria's 215-day record of 2007.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kg.extractors.base import Context, Emitter
from kg.extractors.missions import Missions, _owner, durations_in
from kg.types import Concept, PartialDate, Ref, Statement

NAME = "records"
_TRIGGER = re.compile(r"\brecords?\b|\blongest\b|\bmost (?:time|days|cumulative)\b|\bmilestone\b", re.I)
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
_CUMULATIVE = re.compile(r"\bcumulative\b|\btotal\b|\bcareer\b|\bcombined\b|\bover (?:\w+ )?(?:flights|missions)\b|\bmost (?:time|days)\b", re.I)
_SPACEWALK = re.compile(r"\bspacewalk", re.I)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def _scope(text: str) -> str | None:
    for pattern, scope in _SCOPES:
        if pattern.search(text):
            return scope
    return None


def _kind(text: str) -> str:
    if _SPACEWALK.search(text):
        return "spacewalk_duration"
    return "cumulative_duration" if _CUMULATIVE.search(text) else "single_flight_duration"


def extract(ctx: Context, missions: Missions, end_years: dict) -> list[Statement]:
    """Record statements for each sentence that states a record."""
    emit = Emitter(ctx, NAME)
    for s in ctx.sentences:
        if not _TRIGGER.search(s.text):
            continue
        _sentence(ctx, missions, end_years, emit, s.index)
    return emit.statements


def _sentence(ctx, missions, end_years, emit, sentence) -> None:
    text = ctx.sentences[sentence].text
    base = ctx.sentences[sentence].start
    span = ctx.sentence_span(sentence)
    beat = next((t for t in span if t.lower_ in _BEAT), None)
    cut = beat.idx - base if beat is not None else len(text)
    new_text, old_text = text[:cut], text[cut:]
    durations = [d for d in durations_in(text) if d.duration.whole_days()]
    people = [r for _, r in ctx.in_sentence(sentence, "person")]
    if not people:
        return
    kind = _kind(text)
    scope = _scope(text) or ("world" if "world" in text.lower() else None)
    # the new (or only) record
    new_dur = next((d for d in durations if d.start < cut), None)
    if new_dur is not None:
        dspan = ctx.span(base + new_dur.start, base + new_dur.end)
        holders = _owner(ctx, sentence, dspan) if dspan is not None else []
    else:
        holders = [r for m, r in ctx.in_sentence(sentence, "person") if m.start - base < cut][:1]
    if not holders:
        return
    holder = max(holders, key=lambda r: (ctx.counts[r], str(r)))
    mission = missions.of(holder)
    info = missions.info(mission) if mission else None
    value = new_dur.duration.whole_days() if new_dur else (info.duration_days if info else None)
    approx = bool(new_dur and new_dur.duration.approximate)
    record = Ref("record", (kind, scope or "unknown", holder))
    evidence = text
    emit(record, "type", Concept("class", "Record"), sentence, evidence)
    emit(record, "holder", holder, sentence, evidence)
    emit(record, "recordKind", Concept("record-kind", kind), sentence, evidence)
    if scope:
        emit(record, "scope", Concept("scope", scope), sentence, evidence)
    if value:
        emit(record, "value", Decimal(value), sentence, new_dur.text if new_dur else evidence)
        emit(record, "unit", Concept("unit", "DAY"), sentence, evidence)
        if approx:
            emit(record, "approximate", True, sentence, new_dur.text)
    years = _YEAR.findall(new_text)
    year = int(years[-1]) if years else end_years.get(mission)
    if year:
        emit(record, "year", PartialDate(int(year)), sentence, evidence)
    if mission is not None:
        emit(record, "setDuring", mission, sentence, evidence)
    if beat is not None:
        _superseded(ctx, emit, sentence, beat, old_text, durations, cut, kind, scope, record, holder)


def _superseded(ctx, emit, sentence, beat, old_text, durations, cut, kind, scope, record, holder) -> None:
    base = ctx.sentences[sentence].start
    old_people = [r for m, r in ctx.in_sentence(sentence, "person") if m.start - base >= cut and r != holder]
    if not old_people:
        return
    old_holder = old_people[0]
    old_scope = _scope(old_text) or scope
    old = Ref("record", (kind, old_scope or "unknown", old_holder))
    emit(old, "type", Concept("class", "Record"), sentence, old_text)
    emit(old, "holder", old_holder, sentence, old_text)
    emit(old, "recordKind", Concept("record-kind", kind), sentence, old_text)
    if old_scope:
        emit(old, "scope", Concept("scope", old_scope), sentence, old_text)
    old_dur = next((d for d in durations if d.start >= cut), None)
    if old_dur is not None:
        emit(old, "value", Decimal(old_dur.duration.whole_days()), sentence, old_dur.text)
        emit(old, "unit", Concept("unit", "DAY"), sentence, old_text)
    years = _YEAR.findall(old_text)
    if years:
        emit(old, "year", PartialDate(int(years[0])), sentence, old_text)
    emit(record, "supersedes", old, sentence, ctx.sentences[sentence].text)
