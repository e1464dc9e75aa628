"""Extractor 'people': roles, agency, nationality and age, read from the words around a name.

Handles "NASA astronaut Scott Kelly", "Russian cosmonaut Mikhail Kornienko", "station flight
engineer Mikhail Kornienko", "cosmonauts A and B" (a plural role word covers the whole
list), "NASA's Scott Kelly", and appositions "Kelly, 52," / "Peggy Whitson, a NASA astronaut,".
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Token

from kg.extractors.base import Context, Emitter
from kg.nlp import gazetteer
from kg.types import Concept, Ref, Statement

NAME = "people"
_SKIP = {
    "veteran",
    "former",
    "retired",
    "fellow",
    "rookie",
    "first-time",
    "station",
    "mission",
    "expedition",
    "the",
    "a",
    "an",
    "acting",
    "interim",
}
_MAX_LEFT = 7
#: "Roscosmos chief X": a word that, right after an agency's name, makes the next name its head
_HEAD_WORDS = {"chief", "head", "boss"}
# "former bomber pilot", "test pilot", "fighter pilot": a job on Earth, not a crew role
_NOT_SPACE_JOBS = {"fighter", "bomber", "test", "helicopter", "airline", "navy", "jet", "military", "combat", "naval"}


def extract(ctx: Context) -> list[Statement]:
    """Role, agency, nationality and age statements for each person mention."""
    emit = Emitter(ctx, NAME)
    plural_roles: dict[int, list[tuple]] = {}  # end token of a mention -> facts a plural role word gave it
    for i, m in enumerate(ctx.mentions):
        refs = ctx.refs(i)
        if m.source == "counted" and refs:  # "Three Chinese astronauts" said of the three named
            span = ctx.span(m.start, m.end)
            facts = _group_facts(ctx, span.end) if span is not None else []
            for predicate, obj, _ in facts:  # ... and "Three astronauts of the Boreal Orbital Agency"
                for ref in refs:
                    emit(ref, predicate, obj, m.sentence, m.text)
            continue
        if m.kind != "person" or len(refs) != 1 or m.source == "pronoun":
            continue
        span = ctx.span(m.start, m.end)
        if span is None:
            continue
        if m.source == "nominal":  # "The NASA astronaut ..." says so of the one person just named
            if _sure_antecedent(ctx, i):
                facts = _left_facts(ctx, span.end, span.end)[0] + _age_before(ctx, m.start)
                aged = _AGE_ALONE.fullmatch(m.text)  # "The 45-year-old came home"
                facts += [("age", int(aged.group(1)), span.start)] if aged else []
                facts += _agency_after(ctx, span.end)  # "The Romanian astronaut, who flies for ..."
                for predicate, obj, at in facts:
                    emit(refs[0], predicate, obj, m.sentence, ctx.doc[min(at, span.start) : span.end].text)
            continue
        facts, plural = _left_facts(ctx, span.start, span.end)
        if not facts and span.start >= 1 and ctx.doc[span.start - 1].lower_ in ("and", ","):
            facts = _inherited(ctx, span.start, plural_roles)
            plural = bool(facts)  # passed on again: "astronauts A, B and C"
        if plural:
            plural_roles[span.end - 1] = list(facts)  # a copy: what follows the name is its own
        facts += _right_facts(ctx, span.end)
        if not any(p == "agency" for p, _, _ in facts):
            facts += _pair_agency(ctx, span.end, not plural and any(p == "role" for p, _, _ in facts))
        if not any(p == "agency" for p, _, _ in facts):
            facts += _agency_past_apposition(ctx, span.end)
        if not any(p == "agency" for p, _, _ in facts):
            facts += _shared_agency(ctx, span.end)
        facts += _age_before(ctx, m.start)
        for predicate, obj, evidence_start in facts:
            evidence = ctx.doc[min(evidence_start, span.start) : span.end].text
            emit(refs[0], predicate, obj, m.sentence, evidence)
    _agencies_flown_for(ctx, emit)
    _shared_ages(ctx, emit)
    return emit.statements


def _group_facts(ctx: Context, end: int) -> list[tuple]:
    """What is said of a counted group: 'Three Chinese astronauts', 'three astronauts of the Boreal
    Orbital Agency', 'a three-person crew from the X agency', 'All four are KASA astronauts'."""
    facts = _left_facts(ctx, end, end)[0] + _agency_after(ctx, end)
    if not any(p == "agency" for p, _, _ in facts) and end + 1 < len(ctx.doc) and ctx.doc[end].lower_ == "from":
        org = _org_ref(ctx, end + 1) or (_org_ref(ctx, end + 2) if ctx.doc[end + 1].lower_ == "the" else None)
        facts += [("agency", org, end)] if org is not None else []
    return facts + _role_after_copula(ctx, end)


_BOTH_AGE = re.compile(r"^,\s+both\s+(\d{2})\b")


def _shared_ages(ctx: Context, emit: Emitter) -> None:
    """'Commander A and pilot B, both 37, ...': the age a pair shares, said after the second name."""
    for i, m in enumerate(ctx.mentions):
        both = _BOTH_AGE.match(ctx.text[m.end : m.end + 12]) if m.kind == "person" else None
        if both is None or len(ctx.refs(i)) != 1:
            continue
        before = [(mm, r) for mm, r in ctx.in_sentence(m.sentence, "person") if mm.end <= m.start]
        if not before or " and " not in ctx.text[before[-1][0].end : m.start]:
            continue
        for ref in dict.fromkeys((before[-1][1], ctx.refs(i)[0])):
            emit(ref, "age", int(both.group(1)), m.sentence, ctx.text[before[-1][0].start : m.end + both.end()])


# "the Austral Space Directorate, the agency she flies for", "..., which he flew for"
_FLIES_FOR = re.compile(r",\s+(?:the\s+agency|which|whom)\s+(?P<who>she|he)\s+(?:flies|flew|works|worked)\s+for\b")


def _agencies_flown_for(ctx: Context, emit: Emitter) -> None:
    """An agency followed by 'the agency she flies for': the agency of the person the pronoun means."""
    for i, m in enumerate(ctx.mentions):
        if m.kind != "person" or m.source != "pronoun" or len(ctx.refs(i)) != 1:
            continue
        base = ctx.sentences[m.sentence].start
        text = ctx.sentences[m.sentence].text
        clause = next((c for c in _FLIES_FOR.finditer(text) if base + c.start("who") == m.start), None)
        if clause is None:
            continue
        span = ctx.span(base + clause.start() - 1, base + clause.start())
        org = _org_ref(ctx, span.start) if span is not None and len(span) else None
        if org is not None:
            emit(ctx.refs(i)[0], "agency", org, m.sentence, text[max(clause.start() - 40, 0) : clause.end()])


def _sure_antecedent(ctx: Context, i: int) -> bool:
    """A nominal whose sentence names nobody before it, when the nearest of the two sentences
    before that names anyone names exactly one person."""
    m = ctx.mentions[i]
    earlier = [j for j in ctx.by_sentence.get(m.sentence, []) if j < i and ctx.mentions[j].kind == "person"]
    if earlier:
        return False
    for back in (1, 2):
        if m.sentence - back < 0:
            return False
        named = ctx.people_in(m.sentence - back)
        if named:
            return named == list(ctx.refs(i))
    return False


def _entity_id(token: Token, kinds: tuple[str, ...]) -> str | None:
    entry = gazetteer.entries().get(token.ent_id_) if token.ent_id_ else None
    return entry.id if entry and entry.kind in kinds else None


def _left_facts(ctx: Context, start: int, end: int) -> tuple[list[tuple], bool]:
    """Facts from the words just before a name, and whether the role word was plural.

    Also 'the station's commander, Viktor Afanasyev,' (a singular role set off by commas),
    'fellow Russian Sergei Krikalev' and "Japan's Takuya Onishi" (a country right before the name)."""
    roles = gazetteer.roles()
    doc = ctx.doc
    facts: list[tuple] = []
    if start >= 2 and doc[start - 1].lower_ == "by" and doc[start - 2].lower_ in ("commanded", "led"):
        facts.append(("role", Concept("role", "commander"), start - 2))  # "The flight is commanded by X"
    seat = _SEAT_BEFORE.search(doc[max(start - 6, 0) : start].text) if start else None
    if seat:  # "Commanding the mission is X", "Piloting the capsule was X"
        role = "commander" if seat.group(1).lower() in ("commanding", "leading") else "pilot"
        facts.append(("role", Concept("role", role), max(start - 5, 0)))
    plural = False
    j = start - 1
    seen_role = False
    while j >= 0 and start - j <= _MAX_LEFT and not doc[j].is_sent_end:
        tok = doc[j]
        low = tok.lower_
        two = f"{doc[j - 1].lower_} {low}" if j >= 1 else ""
        if two in roles:
            facts.append(("role", Concept("role", roles[two]), j - 1))
            org = _entity_id(doc[j - 1], ("organization",))  # "NASA Administrator Jim Bridenstine"
            if org:
                facts.append(("agency", Ref("organization", (org,)), j - 1))
            plural = plural or (two.endswith("s") and not two.endswith("ss"))  # "crew members A and B"
            seen_role = True
            j -= 2
            continue
        if low in _HEAD_WORDS and j == start - 1 and j >= 1 and (head_org := _org_ref(ctx, j - 1)):
            facts += [("role", Concept("role", "administrator"), j - 1), ("agency", head_org, j - 1)]
            break  # "Roscosmos chief Yuri Borisov", "ESA head X": the agency's head
        if low in roles and not (j >= 1 and doc[j - 1].lower_ in _NOT_SPACE_JOBS):
            facts.append(("role", Concept("role", roles[low]), j))
            plural = plural or (low.endswith("s") and not low.endswith("ss"))
            seen_role = True
            j -= 1
            continue
        org = _entity_id(tok, ("organization",))
        org_ref = Ref("organization", (org,)) if org else _org_ref(ctx, j)  # also "the agency's"
        country = _entity_id(tok, ("country",))
        if org_ref and seen_role:
            facts.append(("agency", org_ref, j))
        elif country and seen_role:
            facts.append(("nationality", Ref("place", (country,)), j))
        elif org_ref and tok.i + 1 < start and doc[tok.i + 1].text in ("’s", "'s") and tok.i + 2 == start:
            facts.append(("agency", org_ref, j))
            break
        elif country and (
            j == start - 1 and _demonym(tok, country) or doc[tok.i + 1].text in ("’s", "'s") and tok.i + 2 == start
        ):
            facts.append(("nationality", Ref("place", (country,)), j))
        elif (
            j == start - 1
            and j >= 1
            and low in _offices()
            and (home := _entity_id(doc[j - 1], ("country",)))
            and _demonym(doc[j - 1], home)
        ):
            facts.append(("nationality", Ref("place", (home,)), j - 1))  # "Belarusian President X"
            break
        elif tok.text == "," and j == start - 1 and _apposed(doc, j, end, roles):
            pass  # "the station's commander, Viktor Afanasyev,"
        elif low in ("was", "were", "is", "are") and j == start - 1 and j >= 1 and _role_ends_at(doc, j - 1):
            pass  # "The mission specialists were A, B and C", "The pilot was A"
        elif (
            tok.text == "," and j >= 1 and doc[j - 1].lower_ in roles and doc[j - 1].lower_.endswith("s") and not facts
        ):
            pass  # "two Russian cosmonauts, Yuri Onufrienko and Yuri Usachev"
        elif (
            tok.ent_type_ in ("MISSION",)
            or low in _SKIP
            or tok.like_num
            or tok.text in ("’s", "'s", "(", ")", "-")
            or tok.ent_iob_ == "I"
            and (org or country)
        ):
            pass
        else:
            break
        j -= 1
    return _dedupe(facts), plural


def _role_ends_at(doc, k: int) -> bool:
    """A role word or two-word role phrase ends at token ``k`` ('pilot', 'mission specialists')."""
    roles = gazetteer.roles()
    return doc[k].lower_ in roles or k >= 1 and f"{doc[k - 1].lower_} {doc[k].lower_}" in roles


@cache
def _offices() -> frozenset[str]:
    """Nouns for a person that name no spaceflight role ('businessman', 'President', 'leader')."""
    return gazetteer.person_nouns() | gazetteer.titles()


def _describes_person(doc, k: int) -> bool:
    """The demonym at token ``k`` describes a person: a person noun or role follows within three words
    ('an Italian air force pilot', 'a Portuguese air force officer'), or it stands as a noun itself
    ('the first Emirati to fly', 'another Russian,') -- not 'a Russian capsule', 'the Russian station'."""
    country = _entity_id(doc[k], ("country",))
    if country is None or not _demonym(doc[k], country):
        return False
    j = k + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    if j < len(doc) and doc[j].lower_ in ("to", "who", ",", ".", ";"):
        return True
    for t in doc[j : j + 5]:
        if t.is_punct and not (t.text == "-" and not t.whitespace_ and not doc[t.i - 1].whitespace_):
            return False  # ... but "a Canadian real-estate investor" goes on
        if t.lower_ in _offices() or _role_at(doc, t.i) is not None:
            return True
    return False


def _demonym(token: Token, country: str) -> bool:
    """'Russian', 'Danish', 'Kazakh' -- not 'Kazakhstan' ('landed in Kazakhstan Kelly ...')."""
    entry = gazetteer.entries()[country]
    text = token.text.removesuffix("s") if token.text.endswith("ans") else token.text  # "four Americans"
    return text != entry.label and (text == entry.attr("demonym") or text.endswith(("an", "ese", "ish", "ch", "ic")))


_SEAT_BEFORE = re.compile(
    r"\b(Commanding|Leading|Piloting)\s+(?:the|this|its)\s+(?:mission|flight|crew|capsule|spacecraft|expedition)\s+"
    r"(?:is|was|will be)\s*$",
    re.I,
)


def _apposed(doc, comma: int, end: int, roles: dict[str, str]) -> bool:
    """A singular role word before the comma, with a determiner or possessive before it, and the
    name closed by a comma, 'and' or the sentence end."""
    role = doc[comma - 1].lower_ if comma >= 1 else ""
    if role not in roles and comma >= 2:  # "the mission specialist, X"
        role = f"{doc[comma - 2].lower_} {role}"
    if role not in roles or role.endswith("s") and not role.endswith("ss"):
        return False
    det = comma - 1 - len(role.split())
    if det >= 1 and doc[det].lower_ == "the" and doc[det - 1].text == ",":
        return False  # "Conrad, 43, the commander, Joseph Kerwin, 41, ...": the role is Conrad's
    closed = end >= len(doc) or doc[end].text in (",", ".", ";") or doc[end].lower_ == "and"
    left = {t.lower_ for t in doc[max(comma - 4, 0) : comma - 1]}
    return closed and bool(left & {"the", "its", "their", "his", "her", "’s", "'s"})


_AGE_ALONE = re.compile(r"(\d{2,3})-year-old")
_YEAR_OLD = re.compile(r"\b(\d{2})-year-old(?:\s+[\w.’'-]+){0,3}\s+$")


def _age_before(ctx: Context, start: int) -> list[tuple]:
    """'52-year-old Scott Kelly', 'the 47-year-old New Zealander Talia ...'."""
    s = ctx.sentences[ctx.sentence_of(start)]
    window = s.text[max(0, start - s.start - 60) : start - s.start]
    match = _YEAR_OLD.search(window)
    if match and 10 <= int(match.group(1)) <= 110:
        token = ctx.doc.char_span(start, start + 1, alignment_mode="expand")
        return [("age", int(match.group(1)), token.start if token is not None else 0)]
    return []


def _inherited(ctx: Context, start: int, plural_roles: dict[int, list[tuple]]) -> list[tuple]:
    """Facts a plural role word ('cosmonauts A and B') passes on along a list of names."""
    doc = ctx.doc
    j = start - 1
    while j >= 0 and doc[j].lower_ in ("and", ","):
        j -= 1
    if j >= 1 and (_entity_id(doc[j], ("country",)) or _org_ref(ctx, j)):  # "specialists A, from Finland, and B"
        k = j
        while k > 0 and doc[k].ent_iob_ == "I":  # back to the country's first word ("United Arab Emirates")
            k -= 1
        if k >= 2 and doc[k - 1].lower_ == "the":  # "specialists A of the Japan Aerospace Exploration Agency and B"
            k -= 1
        if k >= 1 and doc[k - 1].lower_ in ("of", "from"):
            j = k - 2
            while j >= 0 and doc[j].text == ",":
                j -= 1
            if j >= 1 and doc[j].like_num and doc[j - 1].text == ",":  # "engineers A, 46, of Japan and B"
                j -= 2
    return list(plural_roles.get(j, []))


_COPULA = {
    "is", "was", "are", "were", "be", "been", "serves", "served", "serving", "serve", "becomes", "became", "become",
    "acts", "acted", "remains", "remained",
}  # fmt: skip


def _right_facts(ctx: Context, end: int) -> list[tuple]:
    """Appositions after a name: ', 52,', ', a NASA astronaut', ' of the Canadian Space Agency',
    ', 41, an Argentine astronaut of the commission', ', director-general of the Danubian Space
    Agency,', ' served as the spacecraft commander'."""
    doc = ctx.doc
    facts: list[tuple] = _agency_after(ctx, end) + _role_after_copula(ctx, end) + _home_after(doc, end)
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "from":
        facts += _home_after(doc, end + 1)  # "Riitta Dela-Mwangi, from Finland,"
    app = end
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].like_num and doc[end + 2].text in (",", ")", "."):
        try:
            age = int(doc[end + 1].text)
        except ValueError:
            age = None
        if age is not None and 10 <= age <= 110:
            facts.append(("age", age, end))
            app = end + 2  # the apposition may go on: "Inchauspe-Halvorsen, 41, an Argentine astronaut"
            facts += _agency_after(ctx, app + 1)  # "Gerst, 42, of the European Space Agency"
            facts += _home_after(doc, app + 1)  # "Genevieve Ashcombe-Tremblay, 44, of Canada,"
    for _ in range(_MAX_APPOSITIONS):  # "Mark Pathy, 52, mission specialist, a Canadian businessman"
        if not (app + 2 < len(doc) and doc[app].text == ","):
            break
        found, app = _apposition(ctx, app)
        facts += found
        if app is None:
            break
    return facts


def _apposition(ctx: Context, app: int) -> tuple[list[tuple], int | None]:
    """Facts of the apposition after the comma at ``app``, and the comma that ends it when
    another may follow (None when the apposition was not one, or ended otherwise)."""
    doc = ctx.doc
    k = app + 1
    if doc[k].lower_ in ("a", "an", "the", "another"):
        k += 1
    elif _role_at(doc, k) is None:
        return [], None
    pending: list[tuple] = []
    former = False
    while k < len(doc) and k < app + _MAX_APPOSITION and doc[k].text not in (",", ".", ";"):
        former = former or doc[k].lower_ in ("former", "onetime", "ex")
        if doc[k].ent_type_ == "PERSON":
            if k == app + 1 or _role_ends_at(doc, k - 1):
                return [], None  # "pilot A, mission specialist B and ...": a list, the words are B's
            break  # "..., a data engineer at Lockheed Martin": a name further on ends the apposition
        role = _role_at(doc, k)
        org = _org_ref(ctx, k)
        country = _entity_id(doc[k], ("country",))
        if role is not None:
            if not _earthly(doc, app + 1, k, role):
                pending.append(("role", Concept("role", role[0]), k))
            k += role[1]
            continue
        if org is not None and not former:  # "a former NASA astronaut who now works for ..."
            pending.append(("agency", org, k))
        elif doc[k].text.isdigit() and [t.lower_ for t in doc[k + 1 : k + 5]] == ["-", "year", "-", "old"]:
            pending.append(("age", int(doc[k].text), k))  # ", a 38-year-old air force pilot,"
        elif country:
            pending.append(("nationality", Ref("place", (country,)), k))
        k += 1
    closed = k if k < len(doc) and doc[k].text == "," else None
    if any(p == "role" for p, _, _ in pending):
        return pending, closed
    if _demonym_noun(doc, app + 2):  # "Teodora Lindqvist-Amani, a New Zealander who ..."
        return [p for p in pending if p[0] == "nationality"], closed
    # "X, the first Emirati to fly", "X, another Russian,", "X, an Italian air force pilot"
    return [p for p in pending if p[0] == "nationality" and _describes_person(doc, p[2])], closed


#: successive appositions read after a name ("X, 52, mission specialist, a Canadian businessman")
_MAX_APPOSITIONS = 3
#: tokens an apposition after a name may run to (", a 45-year-old Italian astronaut of the European Space Agency")
_MAX_APPOSITION = 15


def _home_after(doc, k: int) -> list[tuple]:
    """'X of Norway', 'X, from Finland,': the country a phrase ends with is the person's (not in
    "of Canada's space agency", where the country only names the agency)."""
    if k >= len(doc) or doc[k].lower_ not in ("of", "from"):
        return []
    j = k + 2 if k + 1 < len(doc) and doc[k + 1].lower_ == "the" else k + 1
    country = _entity_id(doc[j], ("country",)) if j < len(doc) else None
    if country is None:
        return []
    after = j + 1
    while after < len(doc) and doc[after].ent_iob_ == "I":
        after += 1
    if after < len(doc) and doc[after].lower_ not in (",", ".", ";", "and", "who", ")", "—", "-"):
        return []
    return [("nationality", Ref("place", (country,)), j)]


def _pair_agency(ctx: Context, end: int, has_role: bool) -> list[tuple]:
    """'commander A and flight engineer B of Roscosmos', 'A and B of JAXA': the agency after a pair
    of names alike in form is both's (not in 'cosmonaut A and C of ESA', a list of unlike names)."""
    doc = ctx.doc
    if end >= len(doc) or doc[end].lower_ != "and":
        return []
    k = end + 1
    while k < len(doc) and k <= end + 4 and (role := _role_at(doc, k)) is not None:
        k += role[1]
    idx = ctx.mention_at_token(doc[k]) if k < len(doc) and (k > end + 1) == has_role else None
    if (
        idx is None
        or ctx.mentions[idx].kind != "person"
        or ctx.mentions[idx].source in ("pronoun", "nominal", "counted")
    ):
        return []
    other = ctx.span(ctx.mentions[idx].start, ctx.mentions[idx].end)
    if other is None or other.end < len(doc) and doc[other.end].lower_ != "of":
        return []
    return _agency_after(ctx, other.end)


def _demonym_noun(doc, k: int) -> bool:
    """A people noun right after 'a'/'an' ('a New Zealander', 'a Swede') that ends the phrase."""
    if k >= len(doc) or doc[k - 1].lower_ not in ("a", "an") or not _entity_id(doc[k], ("country",)):
        return False
    ent = next((e for e in doc.ents if e.start == k), None)
    after = ent.end if ent is not None else k + 1
    return after >= len(doc) or doc[after].lower_ in (",", ".", ";", "who", "whose", "and", "living", "making")


_EARTHLY = _NOT_SPACE_JOBS | {"former", "force", "army", "f-16", "f-18", "marine", "corps"}


def _earthly(doc, start: int, k: int, role: tuple[str, int]) -> bool:
    """'a former bomber pilot', 'an Army helicopter test pilot', 'a physician assistant': a job on Earth."""
    after = doc[k + role[1]].lower_ if k + role[1] < len(doc) else ""
    if after in ("assistant", "assistants", "’s", "'s"):
        return True
    return role[0] == "pilot" and any(t.lower_ in _EARTHLY for t in doc[start:k])


def _role_at(doc, k: int) -> tuple[str, int] | None:
    """The role a phrase starting at token ``k`` names, and its length in tokens
    ('astronaut', 'flight engineer', 'director-general' -- three tokens)."""
    roles = gazetteer.roles()
    low = doc[k].lower_
    if k + 2 < len(doc) and doc[k + 1].text == "-" and f"{low}-{doc[k + 2].lower_}" in roles:
        return roles[f"{low}-{doc[k + 2].lower_}"], 3
    if k + 1 < len(doc) and f"{low} {doc[k + 1].lower_}" in roles:
        return roles[f"{low} {doc[k + 1].lower_}"], 2
    return (roles[low], 1) if low in roles else None


def _org_ref(ctx: Context, k: int) -> Ref | None:
    """The agency or company a token belongs to, listed in the gazetteer or not ('the X Space Agency')."""
    idx = ctx.mention_at_token(ctx.doc[k])
    if idx is None:
        return None
    return next((r for r in ctx.refs(idx) if r.kind == "organization"), None)


def _agency_after(ctx: Context, end: int) -> list[tuple]:
    """'Chris Hadfield of the Canadian Space Agency', 'Kevin Ford of NASA', 'X, who flies for the Y agency'."""
    doc = ctx.doc
    k = end
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ == "who" and doc[k + 2].lower_ in _WORKS:
        k += 3
        k += 1 if k < len(doc) and doc[k].lower_ in ("for", "with") else 0
    elif k + 1 < len(doc) and doc[k].lower_ in _WORKS and doc[k + 1].lower_ == "for":
        k += 2  # "Pesquet flew for the European Space Agency"
    elif k < len(doc) and doc[k].lower_ == "of":
        k += 1
    elif k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ == "also" and doc[k + 2].lower_ == "of":
        k += 3  # "Megan Ordell, also of NASA,"
    else:
        return []
    for j in range(k, min(k + 5, len(doc))):
        org = _org_ref(ctx, j)
        if org is not None:
            return [("agency", org, j)]
        if doc[j].is_punct or (doc[j].ent_type_ == "PERSON"):
            break
    return []


def _shared_agency(ctx: Context, end: int) -> list[tuple]:
    """'A, the mission commander, and B, the pilot, both of NASA': the agency a closing 'both of' or
    'all (three) of' gives the names before it in the sentence (with 'both', at most one other)."""
    doc = ctx.doc
    others: set[int] = set()
    for k in range(end, min(end + 24, len(doc) - 2)):
        t = doc[k]
        if t.text in (".", ";", ":") or t.is_sent_start:
            return []
        if t.text == "," and doc[k + 1].lower_ in ("both", "all"):
            j = k + 2 + (doc[k + 2].like_num and doc[k + 1].lower_ == "all")  # "all three of"
            if j < len(doc) and doc[j].lower_ == "of" and (doc[k + 1].lower_ == "all" or len(others) <= 1):
                return _agency_after(ctx, j)
            return []
        idx = ctx.mention_at_token(t)
        if idx is not None and ctx.mentions[idx].kind == "person":
            others.add(idx)
    return []


_WORKS = {"flies", "flew", "flying", "works", "worked", "working", "serves", "served", "serving"}


def _agency_past_apposition(ctx: Context, end: int) -> list[tuple]:
    """'X, 39, a group captain in the air force who flies for the Indian Space Research
    Organisation': the agency a 'who flies for' clause ends the name's apposition with."""
    doc = ctx.doc
    if end >= len(doc) or doc[end].text != ",":
        return []
    for k in range(end + 1, min(end + 25, len(doc) - 2)):
        t = doc[k]
        if t.ent_type_ == "PERSON" or t.text in (".", ";") or t.is_sent_start:
            return []
        if t.lower_ == "who" and doc[k + 1].lower_ in _WORKS and doc[k + 2].lower_ in ("for", "with"):
            return _agency_after(ctx, k + 1)  # from "flies for ..." on
    return []


def _role_after_copula(ctx: Context, end: int) -> list[tuple]:
    """'Hurley ... served as the spacecraft commander', 'Kononenko, who is the current commander'."""
    roles = gazetteer.roles()
    doc = ctx.doc
    k = end
    if k < len(doc) and doc[k].lower_ == "of":  # "Andreas Mogensen of the European Space Agency, who is ..."
        k += 1
        while k < min(end + 7, len(doc)) and doc[k].text != "," and not doc[k].is_sent_end:
            k += 1
    if k < len(doc) and doc[k].text == ",":
        k += 1
    if k + 1 < len(doc) and doc[k].like_num and doc[k + 1].text == ",":
        k += 2  # "Hurley, 53, served as ..."
    if k < len(doc) and doc[k].lower_ == "who":
        k += 1
    elif k > end and doc[k - 1].text == ",":  # "Glenn, a former Mercury astronaut who ..., flew as ..."
        close = next((j for j in range(k, min(k + 25, len(doc))) if doc[j].text == "," or doc[j].is_sent_end), None)
        if close is not None and doc[close].text == "," and not any(t.ent_type_ == "PERSON" for t in doc[k:close]):
            after = close + 1
            if after + 1 < len(doc) and (doc[after].lower_ in _COPULA or _flew_as(doc, after)):
                k = after
    if k < len(doc) and _flew_as(doc, k):
        k += 1  # "flew as a payload specialist": read on from "as" like a copula
        return _role_after_as(doc, k)
    if k < len(doc) and doc[k].lower_ in _COMMANDED and _commanded_object(doc, k + 1):
        return [("role", Concept("role", "commander"), k)]  # "De Winne, who commanded the outpost in 2009"
    if k >= len(doc) or doc[k].lower_ not in _COPULA:
        return []
    facts: list[tuple] = []
    for j in range(k + 1, min(k + 7, len(doc))):
        tok = doc[j]
        if tok.lower_ in roles and not (j + 1 < len(doc) and doc[j + 1].lower_ == "of" and tok.lower_ != "commander"):
            facts.append(("role", Concept("role", roles[tok.lower_]), j))
            return facts  # the tagger sometimes calls "astronaut" a verb: test roles first
        org = _org_ref(ctx, j)
        country = _entity_id(tok, ("country",))
        if org is not None:
            facts.append(("agency", org, j))
        elif country:
            facts.append(("nationality", Ref("place", (country,)), j))
        elif tok.ent_type_ == "PERSON" or tok.text in (",", ".", ";") or tok.pos_ == "VERB":
            break
    return []


_COMMANDED = {"commanded", "commands", "command", "commanding", "led", "leads"}
_COMMAND_OBJECTS = {
    "flight", "mission", "station", "outpost", "crew", "capsule", "spacecraft", "expedition", "laboratory", "soyuz",
    "astronauts", "cosmonauts", "taikonauts", "shuttle", "complex", "lab", "ship",
}  # fmt: skip


def _commanded_object(doc, k: int) -> bool:
    """What 'commanded' governs is a flight, a craft or a crew ('the outpost', 'the Soyuz', 'the
    Crew-9 mission', 'the five NASA astronauts'), not 'respect' or 'a battalion'."""
    for j in range(k, min(k + 5, len(doc))):
        tok = doc[j]
        if tok.lower_ in _COMMAND_OBJECTS or tok.ent_type_ == "MISSION":
            return True
        if tok.text in (",", ".", ";") or tok.pos_ == "VERB":
            return False
    return False


def _flew_as(doc, k: int) -> bool:
    return doc[k].lower_ in ("flew", "flies", "flying", "fly") and k + 1 < len(doc) and doc[k + 1].lower_ == "as"


def _role_after_as(doc, k: int) -> list[tuple]:
    """The role right after 'as (a|the|one of the ...)': 'flew as a payload specialist'."""
    for j in range(k + 1, min(k + 6, len(doc))):
        role = _role_at(doc, j)
        if role is not None:
            return [] if _earthly(doc, k + 1, j, role) else [("role", Concept("role", role[0]), j)]
        if doc[j].text in (",", ".", ";"):
            break
    return []


def _dedupe(facts: list[tuple]) -> list[tuple]:
    seen = set()
    out = []
    for predicate, obj, at in facts:
        if (predicate, obj) not in seen:
            seen.add((predicate, obj))
            out.append((predicate, obj, at))
    return out


CREW_ROLE = "people/crew-role"
_SPACEFARERS = {"astronaut", "cosmonaut", "taikonaut", "space_tourist", "payload_specialist"}
_COSMONAUT_HOMES = {("organization", "roscosmos"), ("organization", "soviet-space-program"),
                    ("place", "russia"), ("place", "soviet-union")}  # fmt: skip


def crew_roles(statements: list[Statement]) -> list[Statement]:
    """A flight's crew member whom the article gives no spacefarer's word ('commander Stephen Bowen',
    "NASA's Kate Rubins" aboard the station) is an astronaut -- a cosmonaut when their agency and
    country are Russian or Soviet; one with neither gets no word.  Cited at the crew statement, under its own extractor name."""
    roles: dict[Ref, set[str]] = {}
    homes: dict[Ref, set[tuple]] = {}
    crew: dict[Ref, Statement] = {}
    for st in statements:
        if st.predicate == "role" and isinstance(st.object, Concept):
            roles.setdefault(st.subject, set()).add(st.object.name)
        elif st.predicate in ("agency", "nationality") and isinstance(st.object, Ref):
            homes.setdefault(st.subject, set()).add((st.object.kind, st.object.key[0]))
        elif st.predicate == "crewMember" and isinstance(st.object, Ref):
            crew.setdefault(st.object, st)
    added = []
    for person, st in crew.items():
        home = homes.get(person, set())
        if roles.get(person, set()) & _SPACEFARERS or not home:
            continue  # without an agency or a country, which word is a guess
        word = "cosmonaut" if home <= _COSMONAUT_HOMES else "astronaut"
        added.append(Statement(person, "role", Concept("role", word), replace(st.source, extractor=CREW_ROLE)))
    return statements + added
