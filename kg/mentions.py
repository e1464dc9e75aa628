"""Stage: parsed spaCy ``Doc`` -> sentences and mentions, with character offsets.

Mentions are names (from the gazetteer, the named-flight patterns and the NER), later
references to a named person by surname in any case ("Kelly", "kelly"), and anaphors:
personal pronouns, "the astronaut"-style nominals and "the station"-style references.
Anaphors are resolved in ``kg.resolve``; nothing here decides identity.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span

from kg.nlp import gazetteer
from kg.nlp.components import UNLISTED, doc_text
from kg.normalize.times import find_times, iana_place_names
from kg.types import Mention, Sentence

_GAZ_LABELS = {"ORG": "organization", "SPACECRAFT": "spacecraft", "LOC": "place", "GPE": "country"}
#: Lines that are page furniture, not the story: photo credits, "PHOTOS:"/"NEWS:" teasers, sources.
_FURNITURE = re.compile(
    r"^\s*(?:photo|photos|image|images|credit|credits|source|news|read more|related|video|watch)\b[^:]{0,20}:", re.I
)
_NOT_PLACES = {"earth", "mars", "moon", "the moon", "space", "orbit", "sun", "venus"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
GROUP_PRONOUNS = {"they", "them", "their", "theirs"}
#: "the pair", "the three", "both men": the people of the last sentence that named several
GROUP_NOUNS = {
    "pair",
    "two",
    "three",
    "four",
    "trio",
    "crew",
    "duo",
    "men",
    "women",
    "astronauts",
    "cosmonauts",
    "crewmates",
}
STATION_NOUNS = {"station", "outpost", "laboratory", "lab", "complex", "space station"}
#: "the capsule docked": the crew vehicle last named
CAPSULE_NOUNS = {"capsule", "spacecraft", "spaceship"}
#: "the agency's director-general", "the consortium's flight director": an organisation just named
ORG_NOUNS = {"agency", "directorate", "consortium", "commission", "compact", "institute", "office", "administration"}


def find_sentences(doc: Doc) -> tuple[Sentence, ...]:
    """Non-blank sentences with offsets trimmed of surrounding white space."""
    spans: list[list[int]] = []
    full = doc_text(doc)
    clocks = [(t.start, t.end) for t in find_times(full)]
    for sent in doc.sents:
        text = sent.text
        if not text.strip():
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.start_char + len(text.rstrip())
        if spans and (
            _unclosed(full[spans[-1][0] : spans[-1][1]])
            or _splits_clock(full, clocks, spans[-1][1], start)
            or _mid_line(full, spans[-1][1], start)
        ):
            spans[-1][1] = end  # "... Tuesday (" + "10:27 a.m. ... March 2)." is one sentence
        else:
            spans.append([start, end])
    return tuple(Sentence(i, a, b, full[a:b]) for i, (a, b) in enumerate(spans))


_CLOCK_END = re.compile(r"\b[ap]\.\s?m\.$", re.I)
_ZONE_START = re.compile(r"(?:[A-Z]{2,5}\b|(?:[A-Z][a-z]+ ){1,3}(?i:time)\b|local time\b)")


def _splits_clock(text: str, clocks: list[tuple[int, int]], prev_end: int, start: int) -> bool:
    """'... at 9:56 a.m.' + 'British Summer Time on Aug. 17.': the splitter took 'a.m.' for a full
    stop inside a clock time and its zone (a listed one, or any '... time')."""
    if any(a < prev_end and b > start for a, b in clocks):
        return True
    return bool(_CLOCK_END.search(text[max(prev_end - 8, 0) : prev_end])) and bool(_ZONE_START.match(text[start:]))


def _mid_line(text: str, prev_end: int, start: int) -> bool:
    """'... and pilot Warren' + '"Woody" Hoburg, ...': a cut inside a line after a word, with no
    full stop; headlines and list items end at a line break instead."""
    return prev_end > 0 and text[prev_end - 1].isalnum() and "\n" not in text[prev_end:start]


def _unclosed(text: str) -> bool:
    """A sentence the parser cut inside brackets or quotes."""
    return text.count("(") > text.count(")") or text.count("“") > text.count("”")


def _sentence_index(sentences: tuple[Sentence, ...]) -> list[int]:
    return [s.start for s in sentences]


def _which(starts: list[int], offset: int) -> int:
    """Index of the sentence an offset falls in (the last one starting at or before it)."""
    return max(bisect_right(starts, offset) - 1, 0)


def _trim_person(span: Span) -> Span:
    end = span.end
    while end > span.start and span.doc[end - 1].text in ("’s", "'s", "’", "'"):
        end -= 1
    return span.doc[span.start : end]


def find_mentions(doc: Doc, sentences: tuple[Sentence, ...]) -> tuple[Mention, ...]:
    """All mentions in document order."""
    if not sentences:
        return ()
    starts = _sentence_index(sentences)
    entries = gazetteer.entries()
    mentions: list[Mention] = []
    covered: set[int] = set()

    def add(kind: str, span: Span, source: str, gaz: str | None = None, attrs: tuple = ()) -> None:
        mentions.append(
            Mention(
                kind, span.text, span.start_char, span.end_char, _which(starts, span.start_char), source, gaz, attrs
            )
        )
        covered.update(range(span.start, span.end))

    ents = doc.ents  # a new tuple of spans on every access: read once
    name_parts = {
        w.lower() for e in ents if e.label_ == "PERSON" and len(e.text.split()) >= 2 for w in e.text.split()[-1:]
    }
    furniture = {s.index for s in sentences if _FURNITURE.match(s.text)}
    text = doc_text(doc)
    clocks = [(t.start, t.end) for t in find_times(text)]
    for ent in ents:
        if ent.label_ == "PERSON" and _which(starts, ent.start_char) in furniture:
            continue  # "Credits: NASA/Bill Ingalls" names a photographer, not someone in the story
        if ent.label_ == "PERSON" and any(a <= ent.start_char < b for a, b in clocks):
            continue  # "3:26 a.m. British Summer Time": a zone, not a person
        if ent.label_ != "PERSON" and not ent.ent_id_ and ent.text.lower() in name_parts:
            add("person", ent, "alias")  # the model's "Hurley" (GPE) is the Doug Hurley named before
        elif ent.label_ == "PERSON" and ent.text in iana_place_names():
            add("place", ent, "ner")  # "flown to La Paz": a city the model took for a person
        elif ent.label_ == "PERSON":
            span = _trim_person(ent)
            if len(span):
                add("person", span, "ner", attrs=(("official", "yes"),) if _titled(doc, span.start) else ())
        elif ent.label_ == "MISSION":
            add("mission", ent, "pattern")
        elif ent.label_ == UNLISTED:  # "the Altamar orbital station": kind and class from the head word
            kind, _, rest = ent.id_.partition(":")
            cls, _, name = rest.partition(":")  # a full name when the text is short ("Resilience")
            add(kind, ent, "pattern", None, (("class", cls),) + ((("name", name),) if name else ()))
        elif ent.ent_id_ and ent.ent_id_ in entries:
            entry = entries[ent.ent_id_]
            add(entry.kind, ent, "gazetteer", entry.id, (("class", entry.cls),))
        elif ent.label_ in ("GPE", "LOC") and _place_like(ent.text):
            known = gazetteer.by_name().get(ent.text.lower())
            if known is not None:  # "BAIKONUR" in a dateline is the Baikonur Cosmodrome
                add(known.kind, ent, "gazetteer", known.id, (("class", known.cls),))
            else:
                add("place", ent, "ner")

    _add_surname_mentions(doc, text, mentions, covered, starts)
    _add_counted_groups(doc, text, mentions, covered, starts)
    _add_sized_crews(doc, text, mentions, covered, starts)
    _add_anaphors(doc, mentions, covered, starts)
    return tuple(sorted((_marked_quoted(m, text) for m in mentions), key=lambda m: (m.start, m.end)))


_QUOTES = re.compile(r'["“”]')


def _marked_quoted(m: Mention, text: str) -> Mention:
    """A person named or referred to inside a quotation is marked ('quoted'): a pronoun outside
    it means someone of the narrative ('"I am giving Amaru a station ...," X said as she ...')."""
    if m.kind != "person":
        return m
    start = text.rfind("\n", 0, m.start) + 1  # a quotation may run over sentences, not paragraphs
    if len(_QUOTES.findall(text, start, m.start)) % 2 == 0:
        return m
    return replace(m, attrs=m.attrs + (("quoted", "yes"),))


def _titled(doc: Doc, start: int) -> bool:
    """A name right after an office ('President Vladimir Putin', 'NASA Administrator Bill Nelson'):
    an official, whom 'the cosmonaut' never means."""
    return start > 0 and doc[start - 1].lower_ in gazetteer.titles() and "\n" not in doc[start - 1].whitespace_


def _place_like(text: str) -> bool:
    """A model's GPE/LOC that can be a place on Earth ('Earth Art' and 'Mars' cannot)."""
    low = text.lower()
    return text[:1].isupper() and low not in _NOT_PLACES and low.split()[0] not in _NOT_PLACES


def _add_surname_mentions(doc: Doc, text: str, mentions: list[Mention], covered: set[int], starts: list[int]) -> None:
    """Single words equal (in any case) to a part of a multi-word person name."""
    parts: set[str] = set()
    for m in mentions:
        if m.kind == "person":
            words = m.text.split()
            if len(words) >= 2:
                parts.add(words[-1].lower())
                if len(words[0]) > 2:
                    parts.add(words[0].lower())
    if not parts:
        return
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True)) + r")(?![\w-])", re.I
    )
    for match in pattern.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is None or len(match.group(0)) < 3 or any(t.i in covered for t in span):
            continue
        token = span[0]
        if (
            match.group(0).islower()
            and len(span) == 1
            and (token.is_stop or token.pos_ in ("VERB", "ADJ", "ADV", "ADP", "DET"))
        ):
            continue
        mentions.append(
            Mention("person", span.text, span.start_char, span.end_char, _which(starts, span.start_char), "alias")
        )
        covered.update(range(span.start, span.end))


_NOMINAL_ROLES = {"astronaut", "cosmonaut", "taikonaut", "commander"}
_NOMINAL_MODIFIERS = {"veteran", "former", "retired", "rookie", "first-time", "year", "old", "-", "’s", "'s", "station"}


def _definite(doc: Doc, i: int) -> bool:
    """'the astronaut', 'the NASA astronaut', 'the veteran Russian cosmonaut', 'the 47-year-old astronaut'."""
    j = i - 1
    while j >= 0 and i - j <= 8:
        t = doc[j]
        if t.lower_ == "the":
            return True
        entry = gazetteer.entries().get(t.ent_id_) if t.ent_id_ else None
        if not (entry and entry.kind in ("organization", "country") or t.lower_ in _NOMINAL_MODIFIERS or t.like_num):
            return False
        j -= 1
    return False


_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "both": 2}
_CREW_PLURALS = {
    "astronauts",
    "cosmonauts",
    "taikonauts",
    "crewmembers",
    "crewmates",
    "spacefliers",
    "flyers",
    "fliers",
    "travelers",
}
_GROUP_MODIFIERS = {
    "veteran", "rookie", "first-time", "other", "more", "civilian", "private", "female", "male", "fellow",
}  # fmt: skip


_COUNT_WORD = re.compile(r"(?<![\w-])(?:two|three|four|five|six|seven|both|[2-9])(?![\w-])", re.I)


def _add_counted_groups(doc: Doc, text: str, mentions: list[Mention], covered: set[int], starts: list[int]) -> None:
    """'Three Chinese astronauts', 'four NASA astronauts', 'two veteran cosmonauts': a group of a
    stated size, resolved later to the people the text names (before or after it)."""
    for match in _COUNT_WORD.finditer(text):  # a scan of the text, not of every token
        token = doc.char_span(match.start(), match.end())
        if token is None or token.start in covered:
            continue
        token = token[0]
        count = _COUNTS.get(token.lower_) or int(token.text)
        j = token.i + 1
        while j < len(doc) and j - token.i <= 4:
            t = doc[j]
            entry = gazetteer.entries().get(t.ent_id_) if t.ent_id_ else None
            if entry is not None and entry.kind in ("organization", "country") or t.lower_ in _GROUP_MODIFIERS:
                j += 1
                continue
            if j + 2 < len(doc) and doc[j + 1].text == "-" and t.is_alpha:  # "two first-time fliers"
                j += 3
                continue
            if t.ent_type_ == UNLISTED and t.ent_id_.startswith("organization:"):  # "three other MOA astronauts"
                j += 1
                continue
            break
        if j >= len(doc):
            continue
        end = j + 1
        seats = False
        if doc[j].lower_ == "crew" and end < len(doc) and doc[end].lower_ in ("members", "mates"):
            end += 1
        elif end < len(doc) and _plural_role(doc[j], doc[end]):
            end += 1  # "The two mission specialists", "two payload specialists"
            seats = True
        elif j > token.i and doc[j - 1].ent_id_ and _plural_demonym(doc[j - 1]):
            end = j  # "four Americans": the demonym is the noun
        elif doc[j].lower_ not in _CREW_PLURALS:
            if not _all_of_them(doc, token.i):
                continue
            end = j = token.i + 1  # "All three had launched together": the people just named
        if _of_a_named_flight(doc, end):
            continue
        span = doc[token.i - 1 if end == token.i + 1 else token.i : end]
        # "the two cosmonauts", and ", both Americans" set off after the names it sums up, look back
        before = doc[token.i - 1].lower_ if token.i > 0 else ""
        definite = before in ("the", "these", "those", "all") or before == "," and token.lower_ == "both"
        # (", three NASA astronauts dropped ..." after an opening phrase still looks ahead)
        if definite and seats and end < len(doc):  # "The two mission specialists ..."
            if doc[end].lower_ in ("are", "were") and end + 1 < len(doc) and doc[end + 1].ent_type_ == "PERSON":
                definite = False  # "... are A and B": the names that follow
            elif doc[end].text != ",":
                continue  # "... also end long gaps": whom it sums up is not sure
        attrs = (("count", str(count)), ("definite", "yes" if definite else "no"))
        if _AND_ONE_MORE.match(text, span.end_char):  # "Two Russian cosmonauts and an American astronaut"
            attrs += (("then", "1"),)
        _add_group(span, attrs, mentions, covered, starts)


def _of_a_named_flight(doc: Doc, end: int) -> bool:
    """'the four astronauts of Crew-7': another flight's crew, whom the text may not name."""
    return end + 1 < len(doc) and doc[end].lower_ in ("of", "from") and doc[end + 1].ent_type_ == "MISSION"


def _add_group(span: Span, attrs: tuple, mentions: list[Mention], covered: set[int], starts: list[int]) -> None:
    """A counted group's mention, its tokens taken."""
    mentions.append(
        Mention("group", span.text, span.start_char, span.end_char, _which(starts, span.start_char), "counted",
                attrs=attrs)
    )  # fmt: skip
    covered.update(range(span.start, span.end))


# "A three-person crew from the X agency", "the four-member crew": a crew of stated size
_SIZED_CREW = re.compile(
    r"(?<![\w-])(two|three|four|five|six|seven|[2-9])-(?:person|member|strong)\s+crew\b(?!-)", re.I
)


def _add_sized_crews(doc: Doc, text: str, mentions: list[Mention], covered: set[int], starts: list[int]) -> None:
    """'A three-person crew from the X agency splashed down ...': a group of that size, like
    'three astronauts', resolved later to the people the text names."""
    for match in _SIZED_CREW.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is None or any(t.i in covered for t in span):
            continue
        end = span.end
        if _of_a_named_flight(doc, end):
            continue
        word = match.group(1).lower()
        count = _COUNTS.get(word) or int(word)
        definite = span.start > 0 and doc[span.start - 1].lower_ in ("the", "this", "that", "its", "their")
        attrs = (("count", str(count)), ("definite", "yes" if definite else "no"))
        _add_group(span, attrs, mentions, covered, starts)


_THEN_WORDS = {"had", "have", "were", "are", "will", "would", "then", "of", "later", "returned", "launched", "spent"}


_AND_ONE_MORE = re.compile(
    r"\s+and\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,2}(?:astronaut|cosmonaut|taikonaut|crewmate|tourist)\b", re.I
)


def _plural_role(first, second) -> bool:
    """'mission specialists', 'flight engineers': a two-word role word in the plural."""
    word = f"{first.lower_} {second.lower_}"
    return word.endswith("s") and word[:-1] in gazetteer.roles()


def _all_of_them(doc: Doc, i: int) -> bool:
    """'All three had launched ...', 'all four of them': a count standing alone after 'all'."""
    if i == 0 or doc[i - 1].lower_ != "all" or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    if not (nxt.pos_ in ("VERB", "AUX", "ADV") or nxt.lower_ in _THEN_WORDS):
        return False
    before = doc_text(doc)[doc[i].sent.start_char : doc[i].idx]
    return before.count('"') % 2 == 0 and before.count("“") <= before.count("”")  # not someone's words


def _not_the_subject(token) -> tuple[tuple[str, str], ...]:
    """'Whitson thanked him': an object pronoun never means its own verb's subject.  With a parse,
    the subject's offset, which resolution then passes over; without one, nothing."""
    if token.lower_ not in ("him", "her") or token.dep_ not in ("dobj", "dative") or token.tag_ != "PRP":
        return ()
    subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    return (("not_at", str(subject.idx)),) if subject is not None else ()


def _described(doc: Doc, i: int) -> bool:
    """'the amateur astronauts', 'the Russian cosmonauts': one lowercase or demonym word after 'the'."""
    if i < 2 or doc[i - 2].lower_ != "the" or not doc[i].lower_.endswith("s"):
        return False
    word = doc[i - 1]
    return word.is_alpha and (word.is_lower or bool(word.ent_id_)) and not word.is_stop


def _plural_demonym(token) -> bool:
    """'Americans', 'Russians': a country's people, named by its plural demonym."""
    entry = gazetteer.entries().get(token.ent_id_)
    demonym = entry.attr("demonym") if entry is not None and entry.kind == "country" else None
    return demonym is not None and token.text.lower() == demonym.lower() + "s"


_ANAPHOR_WORDS = PERSON_PRONOUNS | GROUP_PRONOUNS | GROUP_NOUNS | STATION_NOUNS | ORG_NOUNS | CAPSULE_NOUNS


def _add_anaphors(doc: Doc, mentions: list[Mention], covered: set[int], starts: list[int]) -> None:
    """Pronouns, 'the astronaut' nominals and 'the station' references."""
    roles = gazetteer.roles()
    for token in doc:
        if token.i in covered:
            continue
        low = token.lower_
        aged = _aged_person(doc, token.i) if low == "old" else None
        if aged is not None and not any(t.i in covered for t in aged):  # "the 53-year-old biochemist"
            mentions.append(
                Mention("person", aged.text, aged.start_char, aged.end_char, _which(starts, aged.start_char), "nominal")
            )
            covered.update(range(aged.start, aged.end))
            continue
        if low not in _ANAPHOR_WORDS and low not in roles:
            continue
        sentence = _which(starts, token.idx)
        if low in PERSON_PRONOUNS:
            mentions.append(
                Mention("person", token.text, token.idx, token.idx + len(token.text), sentence, "pronoun",
                        attrs=_not_the_subject(token))
            )  # fmt: skip
        elif low in GROUP_PRONOUNS and not _things(doc, token.i):
            mentions.append(Mention("group", token.text, token.idx, token.idx + len(token.text), sentence, "pronoun"))
        elif (
            low in GROUP_NOUNS
            and token.i > 0
            and (doc[token.i - 1].lower_ in ("the", "both") or _described(doc, token.i))
            and token.dep_ in ("nsubj", "nsubjpass", "")
        ):
            mentions.append(Mention("group", token.text, token.idx, token.idx + len(token.text), sentence, "nominal"))
        elif low in roles and roles[low] in _NOMINAL_ROLES and _definite(doc, token.i):
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            named = nxt is not None and (
                nxt.text[:1].isupper() or nxt.text == "," and token.i + 2 < len(doc) and doc[token.i + 2].is_title
            )  # "the NASA astronaut Scott Kelly", "the station's commander, Viktor Afanasyev"
            if not named:
                mentions.append(
                    Mention("person", token.text, token.idx, token.idx + len(token.text), sentence, "nominal")
                )
        elif low in ORG_NOUNS and _possessive_org_noun(doc, token.i):
            mentions.append(
                Mention("organization", token.text, token.idx, token.idx + len(token.text), sentence, "nominal")
            )
        elif token.i > 0 and doc[token.i - 1].lower_ == "the" and low in CAPSULE_NOUNS:
            mentions.append(
                Mention("spacecraft", token.text, token.idx, token.idx + len(token.text), sentence, "nominal",
                        attrs=(("class", "Capsule"),))
            )  # fmt: skip
        elif token.i > 0 and doc[token.i - 1].lower_ == "the" and low in STATION_NOUNS:
            mentions.append(
                Mention("spacecraft", token.text, token.idx, token.idx + len(token.text), sentence, "nominal")
            )


_AGED_MODIFIERS = {"former", "retired", "veteran", "rookie", "first-time", "onetime", "longtime", "experienced"}


def _aged_person(doc: Doc, i: int) -> Span | None:
    """'the 53-year-old biochemist', 'the 61-year-old former engineer', 'The 45-year-old came home':
    the person a definite age phrase speaks of -- the noun it introduces, or the phrase itself when
    a verb follows -- when no name follows and it is not a thing ('the 13-year-old station').
    Role words ('the 47-year-old astronaut') take the role-nominal path."""
    if doc[i].lower_ != "old" or i < 5 or [x.lower_ for x in doc[i - 3 : i]] != ["-", "year", "-"]:
        return None
    if not doc[i - 4].like_num or doc[i - 5].lower_ != "the" or i + 1 >= len(doc):
        return None
    tagged = doc.has_annotation("POS")
    j = i + 1
    while j < len(doc) and (doc[j].lower_ in _AGED_MODIFIERS or doc[j].dep_ == "compound" and doc[j].is_lower):
        j += 1
    if j >= len(doc) or tagged and doc[j].pos_ in ("VERB", "AUX"):
        return doc[i - 4 : i + 1] if j == i + 1 else None  # "The 45-year-old came home"
    t = doc[j]
    if not (t.is_alpha and t.is_lower) or tagged and t.pos_ != "NOUN":
        return None
    low = t.lower_
    if low in gazetteer.roles() or low in _THINGS or low in _ANAPHOR_WORDS:
        return None
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    return None if nxt is not None and nxt.is_title and nxt.is_alpha else doc[j : j + 1]


#: an age phrase before these speaks of a thing, not a person
_THINGS = {
    "station",
    "outpost",
    "laboratory",
    "lab",
    "module",
    "capsule",
    "spacecraft",
    "rocket",
    "program",
    "record",
    "mission",
    "telescope",
    "vehicle",
    "ship",
    "satellite",
    "craft",
    "complex",
    "company",
    "agency",
    "facility",
}


def _things(doc: Doc, i: int) -> bool:
    """'three earlier missions, among them Apollo 8', '33 days, most of them aboard': 'them' after
    'among'/'of' with a plural noun for things just before it is those things, not people."""
    if doc[i].lower_ != "them" or i < 2 or doc[i - 1].lower_ not in ("among", "of"):
        return False
    people = _CREW_PLURALS | GROUP_NOUNS | set(gazetteer.roles())
    quantified = i >= 3 and doc[i - 2].lower_ in ("most", "many", "some", "several", "half", "part", "none")
    for t in doc[max(i - (14 if quantified else 6), 0) : i - 1]:  # "33 days ... with X, most of them aboard"
        plural = t.tag_ == "NNS" if t.tag_ else t.is_lower and t.is_alpha and t.lower_.endswith("s")
        if plural and t.lower_ not in people:
            return True
    return False


def _possessive_org_noun(doc: Doc, i: int) -> bool:
    """'the agency's', 'the space agency's', "the directorate's": only the possessive, where a
    role or a person follows ('the agency said' names no one)."""
    before = doc[i - 2].lower_ if i >= 2 and doc[i - 1].lower_ == "space" else doc[i - 1].lower_ if i >= 1 else ""
    return before == "the" and i + 1 < len(doc) and doc[i + 1].text in ("'s", "’s")
