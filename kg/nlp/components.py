"""spaCy components of the pipeline, registered as ``kg_*`` factories.

- ``kg_paragraphs``: line breaks end sentences (headlines, datelines and paragraphs).
- ``kg_gazetteer``: known agencies, spacecraft, places and countries (an EntityRuler fed
  from ``patterns/gazetteer.jsonl``), placed before the statistical NER so it wins.
- ``kg_flights``: named flights found by the regular expressions of ``patterns/missions.tsv``.
- ``kg_people``: people introduced by a role word ("cosmonaut Valeri Polyakov") even when
  no statistical model is loaded, and clean-up of the model's false PERSON spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from spacy.attrs import ENT_ID, LOWER, ORTH
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.nlp import gazetteer

_HYPHENS = {"-", "‐"}
_NAME_PARTICLES = {"de", "da", "van", "von", "der", "la", "le", "del", "bin", "al"}


def doc_text(doc: Doc) -> str:
    """The document's text, built once: spaCy rebuilds ``doc.text`` from the tokens on every
    access (about half a millisecond an article), and the components never change the tokens."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


@Language.factory("kg_pos", assigns=["token.pos"], requires=["token.tag"], default_config={"table": {}, "words": {}})
def make_pos(nlp: Language, name: str, table: dict[str, str], words: dict[str, str]):
    """Coarse part of speech from the tagger's fine tag, by table lookup.

    The model's ``attribute_ruler`` does this with a Matcher of 179 patterns and costs ~9 ms an
    article here; we only need ``pos_``, so :func:`kg.nlp.build_nlp` reads its tag-only and
    tag-and-word patterns into these tables (``words`` is keyed "TAG word") and drops it."""

    def pos(doc: Doc) -> Doc:
        for token in doc:
            found = words.get(f"{token.tag_} {token.lower_}") or table.get(token.tag_)
            if found:
                token.pos_ = found
        return doc

    return pos


def pos_tables(ruler) -> tuple[dict[str, str], dict[str, str]]:
    """The ``kg_pos`` tables from an AttributeRuler's single-token patterns that set POS
    (those that also test the dependency label are left out: the parser runs later)."""
    table: dict[str, str] = {}
    words: dict[str, str] = {}
    for entry in ruler.patterns:
        pattern = entry["patterns"][0]
        pos = entry["attrs"].get("POS")
        if pos is None or len(pattern) != 1 or "TAG" not in pattern[0] or set(pattern[0]) - {"TAG", "LOWER"}:
            continue
        tag, lower = pattern[0]["TAG"], pattern[0].get("LOWER")
        if lower is None:
            table[tag] = pos
        else:
            for word in lower["IN"] if isinstance(lower, dict) else [lower]:
                words[f"{tag} {word}"] = pos
    return table, words


@Language.component("kg_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines never run into text."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc


@Language.factory("kg_gazetteer", assigns=["doc.ents", "token.ent_id"], requires=["token.text"])
def make_gazetteer(nlp: Language, name: str) -> EntityRuler:
    """An EntityRuler loaded with the committed gazetteer patterns."""
    ruler = EntityRuler(nlp, name=name, overwrite_ents=True, phrase_matcher_attr="ORTH")
    ruler.add_patterns(gazetteer.ruler_patterns())
    return ruler


@Language.component("kg_flights", assigns=["doc.ents"], requires=["token.text"])
def flights(doc: Doc) -> Doc:
    """Mark named flights (Expedition 46, Soyuz MS-22, STS-79, Shenzhou 5) as MISSION."""
    found: list[Span] = []
    text = doc_text(doc)
    for pattern in gazetteer.flight_patterns():
        for match in pattern.finditer(text):
            span = doc.char_span(match.start(), match.end(), label="MISSION", alignment_mode="expand")
            if span is not None:
                found.append(span)
    found += _same_series(doc, text, found)
    if found:
        keep = [e for e in doc.ents if not any(e.start < f.end and f.start < e.end for f in found)]
        doc.ents = filter_spans(keep + found)
    return doc


_DESIGNATION = re.compile(r"^([A-Z]{2,5})-\d{1,3}$")


def _same_series(doc: Doc, text: str, found: list[Span]) -> list[Span]:
    """'mission ACOC-14' makes ACOC a series of flights: 'first flew on ACOC-4 in 2012' and 'went back on
    ACOC-9' name flights too, though no cue word stands beside them."""
    series = {m.group(1) for f in found if (m := _DESIGNATION.match(f.text))}
    if not series:
        return []
    taken = {i for f in found for i in range(f.start, f.end)}
    out: list[Span] = []
    for match in re.finditer(rf"\b(?:{'|'.join(sorted(series))})-\d{{1,3}}\b(?!-)", text):
        span = doc.char_span(match.start(), match.end(), label="MISSION", alignment_mode="expand")
        if span is not None and not any(i in taken for i in range(span.start, span.end)):
            out.append(span)
            taken.update(range(span.start, span.end))
    return out


#: Label of names found by a head word rather than a gazetteer; the span id is "<kind>:<class>".
UNLISTED = "UNLISTED"
_NOT_CRAFT_NAMES = {"new", "next", "old", "first", "last", "same", "whole", "entire", "international", "national"}


@Language.component("kg_unlisted", assigns=["doc.ents", "token.ent_id"], requires=["doc.ents"])
def unlisted(doc: Doc) -> Doc:
    """Spacecraft and agencies no gazetteer lists, known by a head word: 'her Sabia-6 capsule',
    'the Altamar orbital station', 'a Jangada-2 rocket', 'the Rioplatense Space Commission';
    every later bare mention of the same name ('docked with Altamar') is marked too.
    The head word is stronger evidence than the model's guess (it took 'Ilha Celeste' for a person)."""
    found: list[Span] = []
    heads = gazetteer.name_heads_by_first_word()
    for token in doc:
        for head in heads.get(token.lower_, ()):
            end = token.i + len(head.words)
            if end > len(doc) or tuple(t.lower_ for t in doc[token.i : end]) != head.words:
                continue
            name = _name_before(doc, token.i, places=head.inside)
            if name is not None:
                start, stop = (name, end) if head.inside else (name, token.i)
                if head.inside and not all(t.text[:1].isupper() for t in doc[token.i : end]):
                    break  # "the Romanian space agency" describes, it does not name
                found.append(Span(doc, start, stop, label=UNLISTED, span_id=f"{head.kind}:{head.cls}"))
            break
    found += _short_names(doc)
    names = {f.text: f.id_ for f in found if f.label_ == UNLISTED}
    names.update(_acronyms(doc, found))
    for span, word in _named_instances(doc):
        found.append(span)
        names.setdefault(word, span.id_)  # later, 'Resilience' alone is the same capsule
    if not found:
        return doc
    found += _repeats(doc, found, names)
    keep = [e for e in doc.ents if not any(e.start < f.end and f.start < e.end for f in found)]
    doc.ents = filter_spans(keep + found)
    return doc


def _short_names(doc: Doc) -> list[Span]:
    """After 'the space shuttle Discovery', a bare 'Discovery' is that shuttle: a listed craft
    named in full lends its last word to the later mentions the gazetteer cannot take alone."""
    out: list[Span] = []
    taken = {i for e in doc.ents if e.ent_id_ for i in range(e.start, e.end)}
    entries = gazetteer.entries()
    text = doc_text(doc)
    for ent in [e for e in doc.ents if e.ent_id_ and len(e) > 1]:
        entry = entries.get(ent.ent_id_)
        short = ent[-1]
        if entry is None or entry.kind != "spacecraft" or ent.label_ == "MISSION":
            continue  # a flight's number ("T-12" of "Soyuz T-12") is no craft's name
        if not short.is_title or not short.is_alpha or len(short) < 4:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(short.text)}(?![\w-])", text[ent.end_char :]):
            start = ent.end_char + match.start()
            span = doc.char_span(start, start + len(short.text), label=ent.label_, span_id=ent.ent_id_)
            if span is not None and span.start not in taken:
                out.append(span)
                taken.add(span.start)
    return out


def _acronyms(doc: Doc, found: list[Span]) -> dict[str, str]:
    """'the Kalahari-Atlantic Space Authority (KASA)': the capitals in brackets after an agency's
    name are its short name, keyed to the full one ("organization:SpaceAgency:Kalahari-...")."""
    out: dict[str, str] = {}
    for span in found:
        if not span.id_.startswith("organization:") or span.end + 2 >= len(doc):
            continue
        short = doc[span.end + 1]
        if doc[span.end].text == "(" and doc[span.end + 2].text == ")" and short.is_upper and 2 <= len(short) <= 8:
            out[short.text] = f"{span.id_}:{span.text}"
    return out


def _named_instances(doc: Doc) -> list[tuple[Span, str]]:
    """A listed capsule type followed by the name of one capsule: 'Crew Dragon Resilience',
    'Starliner Calypso'.  The span id carries the full name ("spacecraft:Capsule:Crew Dragon
    Resilience") so a later bare 'Resilience' is keyed the same.  Title-case lines are skipped
    ('Crew Dragon Splashes Down')."""
    out: list[tuple[Span, str]] = []
    entries = gazetteer.entries()
    for ent in doc.ents:
        entry = entries.get(ent.ent_id_)
        if entry is None or entry.cls != "Capsule" or ent.end >= len(doc):
            continue
        nxt = doc[ent.end]
        if _craft_name(nxt) and ent[-1].whitespace_ and not _title_case(nxt.sent):
            span = doc[ent.start : ent.end + 1]
            out.append(
                (Span(doc, span.start, span.end, label=UNLISTED, span_id=f"spacecraft:Capsule:{span.text}"), nxt.text)
            )
            continue
        named = _appositive_name(doc, ent.end)
        if named is not None:  # "their Crew Dragon capsule, Endeavour,": the name alone, keyed in full
            name = f"{ent.text.removesuffix(' capsule').removesuffix(' spacecraft')} {named.text}"
            out.append(
                (Span(doc, named.i, named.i + 1, label=UNLISTED, span_id=f"spacecraft:Capsule:{name}"), named.text)
            )
    return out


def _craft_name(token: Token, *, loose: bool = False) -> bool:
    """A word that can be one capsule's name ('Resilience'), not a date, place or common word;
    ``loose`` (a name set off after the type) also rules out a word of a person's name that the
    article gives in full ('the capsule, Kononenko, ...'); the model often calls a lone capsule
    name a person, so that tag alone does not count."""
    if not (token.is_alpha and token.is_title) or token.is_stop or token.ent_id_:
        return False
    if token.ent_type_ in ("MISSION", "DATE", "TIME", "GPE", "LOC") + (("NORP",) if loose else ()):
        return False  # "Crew Dragon Demo-2", "... Dragon Sunday", "... Dragon Florida"
    if loose and any(token.text in e.text.split() for e in token.doc.ents if e.label_ == "PERSON" and len(e) > 1):
        return False
    return token.lower_ not in _NOT_CRAFT_NAMES and not token.like_num


_NAMING_VERBS = {"named", "dubbed", "called", "nicknamed", "christened"}
_CRAFT_HEADS = {"capsule", "spacecraft", "spaceship", "vehicle", "craft"}


def _appositive_name(doc: Doc, i: int) -> Token | None:
    """The name given to a capsule right after its type: 'Crew Dragon capsule, Endeavour,',
    'a Dragon dubbed Freedom', 'the capsule, which the crew named Endeavour'."""
    if i < len(doc) and doc[i].lower_ in _CRAFT_HEADS:
        i += 1
    window = doc[i : min(i + 8, len(doc))]
    if (
        len(window) >= 3
        and window[0].text == ","
        and _craft_name(window[1], loose=True)
        and window[2].text in (",", ".", ")")
    ):
        return window[1]
    for k, token in enumerate(window[:-1]):
        if token.lower_ in _NAMING_VERBS and _craft_name(window[k + 1], loose=True):
            return window[k + 1]
        if token.is_punct and k > 0:
            break  # the naming clause ends at the next comma
    return None


def _title_case(sentence: Span) -> bool:
    """A headline in title case: no closing full stop, and most words capitalised."""
    text = sentence.text.rstrip()
    if text.endswith((".", "!", "?", '"', "”")):
        return False
    words = [t for t in sentence if t.is_alpha and not t.is_stop]
    return len(words) >= 3 and sum(t.is_title for t in words) / len(words) > 0.6


def _name_before(doc: Doc, i: int, *, places: bool = False) -> int | None:
    """Start of the capitalised name (up to three words) that ends right before token ``i``.
    With ``places``, a listed place or country opens the name too: an agency's own name
    ('the Kenya Space Agency', 'the Atlantic Rim Space Office'), never a craft's."""
    start = i
    while start > 0 and i - start < 3:
        t = doc[start - 1]
        joined = start >= 2 and doc[start - 2].text in ("-", "‐") and not doc[start - 2].whitespace_
        owned = places and _listed_kind(t) in ("place", "country") and t.text[:1].isupper()
        if (
            t.ent_id_
            and not joined
            and not owned
            or t.ent_type_ == "MISSION"
            or t.is_stop
            or t.lower_ in _NOT_CRAFT_NAMES
        ):
            break  # ... but a listed word joined into a longer name counts ('Kalahari-Atlantic Space Authority')
        if t.text[:1].isupper() and any(c.isalpha() for c in t.text) or t.like_num and start < i:
            start -= 1
            continue
        if t.text in ("-", "‐") and start < i and start >= 2 and not t.whitespace_ and not doc[start - 2].whitespace_:
            start -= 1  # "Pampero-L": the tokenizer splits off a letter suffix
            continue
        break
    if start == i or not doc[start].text[:1].isupper():
        return None
    if start > 0 and (doc[start - 1].ent_id_ or doc[start - 1].ent_type_ == "MISSION"):
        return None  # "SpaceX Crew Dragon capsule", "Soyuz MS-22 spacecraft": already known
    return start


def _repeats(doc: Doc, found: list[Span], names: dict[str, str]) -> list[Span]:
    """Later bare mentions of the names found ('... docked with Altamar two days later'),
    ``names`` giving the span id for each text to look for."""
    taken = {i for f in found for i in range(f.start, f.end)}
    out: list[Span] = []
    text = doc_text(doc)
    for name, span_id in names.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            span = doc.char_span(match.start(), match.end(), label=UNLISTED, span_id=span_id)
            if span is not None and not any(t.i in taken or t.ent_id_ for t in span):
                out.append(span)
                taken.update(range(span.start, span.end))
    return out


def _looks_like_name(tokens: list) -> bool:
    words = [t for t in tokens if t.text.lower() not in _NAME_PARTICLES]
    return bool(words) and all(t.text[:1].isupper() and t.is_alpha or "-" in t.text for t in words)


@Language.component("kg_people", assigns=["doc.ents"], requires=["doc.ents", "doc.sents"])
def people(doc: Doc) -> Doc:
    """Add PERSON spans after role words; drop PERSON spans that cannot be names."""
    role_words = gazetteer.roles()
    ents = [_without_title(e, role_words) if e.label_ == "PERSON" else e for e in doc.ents]
    ents = [e for e in ents if e is not None and not (e.label_ == "PERSON" and not _plausible_person(e, role_words))]
    cities = _dateline_cities(doc)
    ents = [
        Span(doc, e.start, e.end, label="GPE") if e.label_ == "PERSON" and e.text.lower() in cities else e for e in ents
    ]
    added: list[Span] = []
    # only the tokens that can introduce a name: role words, 'by'/'to'/'of', possessives, listed things
    listed = np.nonzero(doc.to_array(ENT_ID))[0].tolist() if len(doc) else []
    starts = (
        _where(doc, LOWER, [*role_words, *gazetteer.role_tails(), "by", "to", "of"])
        + _where(doc, ORTH, ["’s", "'s"])
        + listed
    )
    for token in (doc[i] for i in sorted(set(starts))):
        two = f"{doc[token.i - 1].lower_} {token.lower_}" if token.i else ""
        if token.i + 1 >= len(doc) or not (
            token.lower_ in role_words or two in role_words or _introduces_name(doc, token)
        ):
            continue
        j = token.i + 1
        apposed = doc[j].text == "," and token.lower_ in role_words  # "the commander, Anatoly Artsebarsky,"
        j += apposed
        name: list = []
        while j < len(doc) and sum(t.text not in _HYPHENS for t in name) < 4:  # four words; a hyphen is none
            t = doc[j]
            if (
                t.text[:1].isupper()
                and (t.is_alpha or "-" in t.text or "'" in t.text)
                or (
                    t.text in ("-", "‐")
                    and name
                    and j + 1 < len(doc)
                    and doc[j + 1].text[:1].isupper()
                    and not t.whitespace_
                )
                or t.text.lower() in _NAME_PARTICLES
                and name
            ):
                name.append(t)
            else:
                break
            j += 1
        while name and name[-1].text.lower() in _NAME_PARTICLES:
            name.pop()
        while name and (name[0].lower_ in role_words or name[0].lower_ in gazetteer.non_name_words()):
            name.pop(0)  # "Japanese Prime Minister Fumio Kishida"
        closed = j >= len(doc) or doc[j].text in (",", ".", ";") or doc[j].lower_ == "and"
        if (
            len(name) >= 2
            and (closed or not apposed)
            and _looks_like_name(name)
            and not any(t.is_stop for t in name)
            and not any(t.ent_id_ or t.ent_type_ == "MISSION" for t in name)
            and not any(t.lower_ in gazetteer.non_name_words() for t in name)
        ):
            added.append(Span(doc, name[0].i, name[-1].i + 1, label="PERSON"))
    added += _appositive_names(doc, role_words, ents + added)
    added += _aged_names(doc, ents + added)
    added += _acting_names(doc, role_words, ents + added)
    added += _nicknamed(doc)
    if added:
        ents = [e for e in ents if not any(e.start < a.end and a.start < e.end for a in added)] + added
    listed = _coordinated_names(doc, role_words, ents)
    if listed:
        ents = [e for e in ents if not any(e.start < a.end and a.start < e.end for a in listed)] + listed
    ents += _dateline_places(doc, cities, ents)
    ents = [_with_name_tail(e) if e.label_ == "PERSON" else e for e in ents]
    repeated = _repeated_names(doc, ents)
    if repeated:
        ents = [e for e in ents if not any(e.start < a.end and a.start < e.end for a in repeated)] + repeated
    doc.ents = filter_spans(ents)
    return doc


def _family_name(span: Span) -> Span | None:
    """The family name that ends a person's span of two or more words: 'Quispe-Halvorsen' of
    'Amaru Kenji Quispe-Halvorsen' (a joined name whole), 'Kornienko' of 'Mikhail Kornienko'."""
    start = span.end - 1
    while start - 2 >= span.start and span.doc[start - 1].text in ("-", "‐") and not span.doc[start - 1].whitespace_:
        start -= 2
    if len([t for t in span if t.is_alpha]) < 2 or len(span.doc[start : span.end].text) < 4:
        return None
    return span.doc[start : span.end]


def _repeated_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Every other bare use of a person's family name is that person too, with the given names
    before it when a lowercase word or a comma comes first ('to the newly arrived Amaru Kenji
    Quispe-Halvorsen' once 'Quispe-Halvorsen, a 47-year-old Peruvian test pilot' is known): the
    model often knows a name in one sentence and misses it in the next.  Not inside a longer
    capitalised name ('White House' for Ed White), nor over a person, a flight or a listed thing
    (a model's ORG guess gives way: it took 'Amaru Kenji Quispe-Halvorsen' for one)."""
    taken = _firm_tokens(ents)
    families = {f.text for e in ents if e.label_ == "PERSON" and (f := _family_name(e)) is not None}
    if not families:
        return []
    blocked = gazetteer.non_name_words()
    text = doc_text(doc)
    out: list[Span] = []
    for family in sorted(families):
        if family.lower() in blocked:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(family)}(?![\w-])", text):
            span = doc.char_span(match.start(), match.end())
            if span is None or any(t.i in taken for t in span):
                continue
            if span.end < len(doc) and doc[span.end].is_title and not doc[span.end].is_sent_start:
                continue  # "the White House"
            start = span.start
            while start > 0 and span.start - start < 3 and start - 1 not in taken:
                t = doc[start - 1]
                if not (t.is_alpha and t.is_title and not t.is_stop and t.lower_ not in blocked) or t.is_sent_start:
                    break
                start -= 1
            if start < span.start and not (doc[start - 1].is_lower or doc[start - 1].text in (",", "(")):
                start = span.start  # a capitalised word opening the sentence may be anything
            out.append(Span(doc, start, span.end, label="PERSON"))
            taken.update(range(start, span.end))
    return out


# "VAN HORN, Texas —" at the head of a line near the top: the dateline's city, in capitals
_DATELINE_CITY = re.compile(r"^[*_ \t]*([A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+){0,3}),", re.M)


def _dateline_cities(doc: Doc) -> set[str]:
    """The dateline's city, lowercase: later 'north of Van Horn' names that place, not a person."""
    return {m[1].lower() for m in _DATELINE_CITY.finditer(doc_text(doc)[:1500]) if len(m[1]) > 2}


def _dateline_places(doc: Doc, cities: set[str], ents: list[Span]) -> list[Span]:
    """Every bare mention of the dateline's city ('MOMBASA, Kenya — ... splashed down off Mombasa')
    is that place, when no other entity holds it (the model often misses a city it does not know)."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out: list[Span] = []
    text = doc_text(doc) if cities else ""
    for city in cities:
        for match in re.finditer(rf"(?<![\w-]){re.escape(city)}(?![\w-])", text, re.I):
            span = doc.char_span(match.start(), match.end(), label="GPE")
            if span is not None and span.text[:1].isupper() and not any(t.i in taken for t in span):
                out.append(span)
                taken.update(range(span.start, span.end))
    return out


def _with_name_tail(span: Span) -> Span:
    """A person's span stretched over the rest of a joined or particled family name that the model
    cut off: 'Ysolde Kariuki' + '-van der Hoeven', 'Anselm de la Fuente' + '-Marrak'."""
    doc, end = span.doc, span.end
    last = span[-1]
    if (  # the model stopped on the hyphen itself: 'Ásdís Quilla Mamani-' of 'Mamani-Rautio'
        len(span) > 1
        and last.text in _HYPHENS
        and not span[-2].whitespace_
        and not last.whitespace_
        and end < len(doc)
        and doc[end].is_alpha
        and doc[end].is_title
        and not doc[end].ent_id_
    ):
        end += 1
    while end + 1 < len(doc):
        k = end
        if doc[k].text in ("-", "‐") and not doc[k - 1].whitespace_ and not doc[k].whitespace_:
            k += 1
        while k < len(doc) and doc[k].lower_ in _NAME_PARTICLES and doc[k].is_lower:
            k += 1
        if k == end or k >= len(doc) or not (doc[k].is_alpha and doc[k].is_title) or doc[k].ent_id_:
            break  # "Kariuki-van" + "der Hoeven": particles count only before a capitalised word
        end = k + 1
    return span if end == span.end else Span(doc, span.start, end, label=span.label_)


#: What joins names in a list, longest first (", together with" before ",").
_LIST_LINKS = ((",", "together", "with"), (",", "along", "with"), ("as", "well", "as"), (",", "and"),
               ("together", "with"), ("along", "with"), ("and",), (",",), ("with",))  # fmt: skip


def _coordinated_names(doc: Doc, role_words: dict[str, str], ents: list[Span]) -> list[Span]:
    """Names listed with a person: 'Michael Hopkins, Victor Glover and Shannon Walker, together with
    Soichi Noguchi' -- the model often takes the later ones for an ORG or a PRODUCT."""
    firm = {i for e in ents if e.ent_id_ or e.label_ == "MISSION" for i in range(e.start, e.end)}
    people = {e.start for e in ents if e.label_ == "PERSON"}
    out: list[Span] = []
    queue = sorted(e for e in ents if e.label_ == "PERSON")
    while queue:
        person = queue.pop(0)
        end = _past_home(doc, person.end)
        for link in _LIST_LINKS:
            j = end + len(link)
            if j >= len(doc) or [t.lower_ for t in doc[end:j]] != list(link):
                continue
            name = _name_at(doc, j)
            if (
                len(name) >= 2
                and name[0].i not in people
                and not any(t.i in firm or t.is_stop or t.lower_ in role_words for t in name)
                and not any(t.lower_ in gazetteer.non_name_words() for t in name)
                and not doc[name[0].i : name[-1].i + 1].text.endswith(("-", "‐"))
            ):
                span = Span(doc, name[0].i, name[-1].i + 1, label="PERSON")
                people.add(span.start)
                out.append(span)
                queue.append(span)
            break
    out += _first_of_list(doc, role_words, ents + out, firm)
    return out


def _first_of_list(doc: Doc, role_words: dict[str, str], ents: list[Span], firm: set[int]) -> list[Span]:
    """'Nicola Mannheim-Oru, Josh Cassavet and Anna Kikova-Lind lifted off': the first name of a
    list of people, which the model takes for an ORG when it opens the text."""
    people = sorted((e for e in ents if e.label_ == "PERSON"), key=lambda e: e.start)
    taken = {i for e in people for i in range(e.start, e.end)}
    out: list[Span] = []
    for person in people:
        if person.start < 2 or doc[person.start - 1].text != ",":
            continue
        end = person.start - 1
        k = end
        while k > 0 and end - k < 5 and (doc[k - 1].is_title and doc[k - 1].is_alpha or doc[k - 1].text in ("-", "‐")):
            k -= 1
        name = doc[k:end]
        words = [t for t in name if t.is_alpha]
        if len(words) < 2 or not name[0].is_title or any(t.i in firm or t.i in taken for t in name):
            continue
        if k > 0 and not (doc[k].is_sent_start or doc[k - 1].is_punct or doc[k - 1].is_lower):
            continue  # the whole run of capitalised words before the comma is the name
        if any(t.lower_ in role_words or t.lower_ in gazetteer.non_name_words() or t.is_stop for t in name):
            continue
        out.append(Span(doc, k, end, label="PERSON"))
        taken.update(range(k, end))
    return out


def _past_home(doc: Doc, end: int) -> int:
    """The token after a home phrase that follows a name ('A of Chile and B', 'A of NASA and B', 'A, from Finland, and
    B'), else ``end`` itself."""
    k = end + 1 if end < len(doc) and doc[end].text == "," else end
    first = k + 2 if k + 2 < len(doc) and doc[k + 1].lower_ == "the" else k + 1
    if first < len(doc) and doc[k].lower_ in ("of", "from") and (_is_country(doc[first]) or _is_agency(doc[first])):
        after = first + 1
        while after < len(doc) and doc[after].ent_iob_ == "I":
            after += 1
        return after if k == end or (after < len(doc) and doc[after].text == ",") else end
    return end


def _name_at(doc: Doc, j: int) -> list:
    """Up to three capitalised name words from token ``j`` on ('Soichi Noguchi', 'Lopez-Alegria')."""
    name: list = []
    while j < len(doc) and len(name) < 3:
        t = doc[j]
        if t.text[:1].isupper() and t.is_alpha or (t.text in ("-", "‐") and name and not t.whitespace_):
            name.append(t)
        else:
            break
        j += 1
    while name and name[-1].text in ("-", "‐"):
        name.pop()
    return name


_HELD = {"held", "set", "belonged", "belongs", "owned", "established"}


_HANDING = {"handed", "handing", "hands", "hand", "passed", "passing", "passes", "turned", "turning", "turns"}


def _introduces_name(doc: Doc, token) -> bool:
    """A nationality word ('fellow Russian Pavel Dubinsky'), a country's or agency's possessive
    ("Japan's Haruto Kisaragi", "NASA's Kara Whitlow") or a record's holder ('held by', 'belonged
    to') right before a capitalised name."""
    if token.lower_ in ("by", "to") and token.i >= 1 and doc[token.i - 1].lower_ in _HELD:
        return True
    if token.lower_ == "to" and any(t.lower_ in _HANDING for t in doc[max(token.i - 5, 0) : token.i]):
        return True  # "handed command of the station to Anders Mukherjee-Salo"
    if token.lower_ == "of" and token.i >= 1 and doc[token.i - 1].lower_ in ("record", "mark"):
        return True  # "eclipsed the record of Wally Funk"
    if token.text in ("’s", "'s") and token.i >= 1:
        entry = gazetteer.entries().get(doc[token.i - 1].ent_id_)
        return entry is not None and entry.kind in ("country", "organization")
    entry = gazetteer.entries().get(token.ent_id_) if token.ent_id_ else None
    if entry is None or entry.kind != "country" or token.text == entry.label:
        return False
    return token.ent_iob_ == "B" and (token.i + 1 >= len(doc) or not doc[token.i + 1].ent_id_)


def _appositive_names(doc: Doc, role_words: dict[str, str], known: list[Span]) -> list[Span]:
    """Names the model missed but an apposition introduces: 'Talia Morrow-Quist, the commander of ...'."""
    # a model's ORG or GPE guess without a gazetteer id gives way ('Aidyn Aimbetov, a cosmonaut')
    firm = [e for e in known if e.label_ in ("PERSON", "MISSION") or e.ent_id_]
    taken = {i for e in firm for i in range(e.start, e.end)}
    out: list[Span] = []
    for comma in (doc[k] for k in _where(doc, ORTH, [","])):
        if comma.i < 2 or comma.i + 2 >= len(doc):
            continue
        nxt = doc[comma.i + 1]
        compound = f"{nxt.lower_}-{doc[comma.i + 3].lower_}" if comma.i + 3 < len(doc) else ""
        if nxt.lower_ in role_words or doc[comma.i + 2].text == "-" and compound in role_words:
            pass  # "Dorotea Vikstrom-Aru, director-general of ...", "X, commander of ..."
        elif nxt.lower_ not in ("a", "an", "the"):
            continue
        else:
            k = comma.i + 2
            if doc[k].like_num and [t.lower_ for t in doc[k + 1 : k + 5]] == ["-", "year", "-", "old"]:
                k += 5  # "X, a 47-year-old Peruvian test pilot": the words after the age tell
            tail = doc[k : min(k + 5, len(doc))]
            nouns = gazetteer.person_nouns()
            pairs = {f"{a.lower_} {b.lower_}" for a, b in zip(tail, tail[1:])}  # "the directorate's flight director"
            if not (
                pairs & role_words.keys()
                or any(t.lower_ in role_words or t.lower_ in nouns or _is_country(t) for t in tail)
            ):
                continue  # "X, a New Zealander who ...", "X, the flight's commander"
        end = comma.i
        start = end
        while start > 0 and end - start < 4:
            t = doc[start - 1]
            if t.text[:1].isupper() and t.is_alpha or (t.text in ("-", "‐") and not t.whitespace_):
                start -= 1
            else:
                break
        if start < end and doc[start].text in ("-", "‐"):
            start += 1
        words = [t for t in doc[start:end] if t.is_alpha]
        blocked = gazetteer.non_name_words()
        if len(words) >= 2 and not any(
            t.i in taken or t.is_stop or t.ent_id_ or t.lower_ in blocked for t in doc[start:end]
        ):
            out.append(Span(doc, start, end, label="PERSON"))
    return out


def _listed_kind(token: Token) -> str | None:
    """The gazetteer kind of the entry a token belongs to ('country', 'organization', ...), if any."""
    entry = gazetteer.entries().get(token.ent_id_) if token.ent_id_ else None
    return entry.kind if entry is not None else None


def _is_country(token: Token) -> bool:
    return _listed_kind(token) == "country"


def _is_agency(token: Token) -> bool:
    """The first word of a listed agency ('A of the Japan Aerospace Exploration Agency and B')."""
    return token.ent_iob_ == "B" and _listed_kind(token) == "organization"


def _where(doc: Doc, attr: int, words: Iterable[str]) -> list[int]:
    """Indices of the tokens whose text (ORTH) or lowercase form (LOWER) is one of ``words``: one
    array pass, where a Python loop over every token would cost more than the rules it feeds."""
    if not len(doc):
        return []
    hashes = np.array([doc.vocab.strings.add(w) for w in words], dtype=np.uint64)
    return np.nonzero(np.isin(doc.to_array(attr), hashes))[0].tolist()


def _aged_names(doc: Doc, known: list[Span]) -> list[Span]:
    """A name with an age set off by commas is a person: 'Tomasz Adeyemi-Holt, 42, flew as ...'."""
    firm = _firm_tokens(known)
    out: list[Span] = []
    for k in _where(doc, ORTH, [","]):
        if k < 2 or k + 2 >= len(doc) or doc[k + 2].text not in (",", ")"):
            continue
        if not (doc[k + 1].text.isdigit() and 10 <= int(doc[k + 1].text) <= 110):
            continue
        span = _capitalised_before(doc, k, firm)
        if span is not None:
            out.append(span)
    return out


def _acting_names(doc: Doc, role_words: dict[str, str], known: list[Span]) -> list[Span]:
    """A name right before a verb only people do ('Ferelith Nakashima-Aucoin came back from orbit',
    'Ilse Varga-Okafor said') or before ', who': the model may call it an organisation, or miss it."""
    # a PERSON span may grow by a first name the model mislabelled ('Lucan' NORP + 'Parmenter' PERSON)
    firm = _firm_tokens([e for e in known if e.label_ != "PERSON"])
    verbs = gazetteer.person_verbs()
    blocked = gazetteer.non_name_words()
    out: list[Span] = []
    # ... and a name set off before 'who' ('Anselm Gorbach-Teo, who led ...'): 'who' is said of people
    whos = [w - 1 for w in _where(doc, LOWER, ["who"]) if w >= 1 and doc[w - 1].text == ","]
    for k in sorted(_where(doc, LOWER, verbs) + whos):
        if k < 2:
            continue
        span = _capitalised_before(doc, k, firm)
        if span is None or len([t for t in span if t.is_alpha]) > 3 or span.text.isupper():
            continue
        if not any(t.lower_ in role_words or t.lower_ in blocked or t.ent_type_ == "DATE" for t in span):
            out.append(span)
    return out


_QUOTES = {'"', "“", "”", "'", "‘", "’"}


def _nicknamed(doc: Doc) -> list[Span]:
    """'Warren "Woody" Hoburg': a name with a quoted nickname is one person (the model splits it)."""
    out: list[Span] = []
    for i in _where(doc, ORTH, _QUOTES):
        if not 1 <= i < len(doc) - 3:
            continue
        first, nick, close, last = doc[i - 1], doc[i + 1], doc[i + 2], doc[i + 3]
        if close.text in _QUOTES and all(w.is_title and w.is_alpha for w in (first, nick, last)):
            out.append(Span(doc, i - 1, i + 4, label="PERSON"))
    return out


def _firm_tokens(known: list[Span]) -> set[int]:
    """Tokens of people, flights and listed things: a new name never overlaps them."""
    return {i for e in known if e.label_ in ("PERSON", "MISSION") or e.ent_id_ for i in range(e.start, e.end)}


def _capitalised_before(doc: Doc, k: int, firm: set[int]) -> Span | None:
    """A PERSON span of two or more capitalised words (hyphens joined) ending right before token ``k``."""
    start = k
    while start > 0 and k - start < 5:
        t = doc[start - 1]
        if t.text[:1].isupper() and not t.is_stop or t.text in ("-", "‐") and not t.whitespace_:
            start -= 1
        else:
            break
    while start < k and doc[start].text in ("-", "‐"):
        start += 1
    words = doc[start:k]
    if len(words) >= 2 and _looks_like_name(list(words)) and not any(t.i in firm for t in words):
        return Span(doc, start, k, label="PERSON")
    return None


def _without_title(ent: Span, role_words: dict[str, str]) -> Span | None:
    """A PERSON span without the titles in front ('Prime Minister Fumio Kishida' -> 'Fumio Kishida')."""
    titles = gazetteer.non_name_words()
    start = ent.start
    while start < ent.end and (ent.doc[start].lower_ in role_words or ent.doc[start].lower_ in titles):
        start += 1
    if start == ent.start:
        return ent
    return Span(ent.doc, start, ent.end, label="PERSON") if start < ent.end else None


#: Nouns and prefixes that name a vessel, craft or comet right before its name ("the support ship Pwani Star").
_VESSEL_NOUNS = {
    "ship",
    "vessel",
    "boat",
    "barge",
    "tug",
    "capsule",
    "spacecraft",
    "rocket",
    "module",
    "craft",
    "yacht",
    "uss",  # "the recovery ship USS New Orleans"
    "hms",
    "comet",  # "Comet Kohoutek": a comet's name
}


def _plausible_person(ent: Span, role_words: dict[str, str]) -> bool:
    text = ent.text
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in _VESSEL_NOUNS:
        return False
    if any(ch.isdigit() for ch in text) or not text[:1].isupper():
        return False
    if len(ent) > 1 and text.isupper():
        return False  # "GOBERNADOR GREGORES, Argentina --": a dateline, not a name
    words = text.replace("’s", "").replace("'s", "").split()
    if any(w.lower() in role_words or w.lower() in gazetteer.non_name_words() for w in words):
        return False
    return not all(t.is_stop for t in ent)
