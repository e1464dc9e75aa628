"""Stage: mentions -> entities, within one article and then across all articles.

Within an article (``resolve_local``): full names are grouped (misspellings such as
"Korneinko"/"Kornienko" merge when the first names agree and the surnames are close),
surnames in any case join the full name they belong to, and pronouns, "the astronaut"
nominals and "the station" references join the most salient earlier mention ("the station", a
sentence or more after another was named, is the first one the story named).

Across articles (``resolve_corpus``): local people are clustered by normalised name with the
same fuzzy rule; each cluster's canonical name is its most frequent spelling.  Names (and
flights) that differ in any digit never merge.  Statements are then re-keyed, and name claims
become ``skos:prefLabel`` / ``skos:altLabel``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from kg.iris import slug
from kg.nlp import gazetteer
from kg.types import ArticleResult, LocalEntity, Mention, PartialDate, Ref, Statement

_FUZZY_SURNAME = 80
_SALIENCE_WINDOW = 3


@dataclass(frozen=True)
class Resolution:
    """Entities of one article, and for each mention the entities it refers to."""

    entities: tuple[LocalEntity, ...]
    refs: tuple[tuple[Ref, ...], ...]  # aligned with the mentions


def norm_name(text: str) -> str:
    """Lowercase, accent-free, punctuation-free form of a name."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(re.sub(r"[^a-z0-9\- ]+", " ", folded).split())


def _digits(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\d+", text))


def same_person_name(a: str, b: str) -> bool:
    """True when two normalised names are one person's: equal, or same first name and a close surname."""
    if a == b:
        return True
    if _digits(a) != _digits(b):
        return False
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2:
        return False
    first_ok = (
        wa[0] == wb[0] or (len(wa[0]) == 1 and wb[0].startswith(wa[0])) or (len(wb[0]) == 1 and wa[0].startswith(wb[0]))
    )
    return first_ok and fuzz.ratio(wa[-1], wb[-1]) >= _FUZZY_SURNAME and wa[-1][0] == wb[-1][0]


_OPERATOR = re.compile(r"^(?:nasa s |nasa |spacex |boeing )+(?=\S)")


def mission_key(text: str) -> str:
    """Normalised flight name: 'Soyuz MS-22' and 'Soyuz MS 22' -> 'soyuz ms 22'; an operator in
    front names the same flight ('SpaceX Crew-6' is 'Crew-6')."""
    key = _OPERATOR.sub("", " ".join(re.sub(r"[\s\-–]+", " ", norm_name(text)).split()))
    return _SHUTTLE_LETTER.sub(r"sts \1\2", _LONG_FORM.sub(r"ax \1", key))


#: a flight's long name that its short one abbreviates ('Axiom Mission 4' is 'Ax-4')
_LONG_FORM = re.compile(r"^axiom mission (\d+)$")
#: the 1980s shuttle numbering: 'STS-41-G' and 'STS-41G' are one flight, 'STS-41-B' another
_SHUTTLE_LETTER = re.compile(r"^sts (\d+) ?([a-z])$")


# ------------------------------------------------------------------ within an article


def resolve_local(doc_id: str, mentions: tuple[Mention, ...]) -> Resolution:
    """Group an article's mentions into entities."""
    refs: list[tuple[Ref, ...]] = [() for _ in mentions]
    people = _people_clusters(mentions)
    person_ref: dict[int, Ref] = {}
    for n, cluster in enumerate(people):
        ref = Ref("person", ("local", doc_id, str(n)))
        for i in cluster:
            person_ref[i] = ref
            refs[i] = (ref,)
    for i, m in enumerate(mentions):
        if refs[i] or m.kind in ("person", "group") or m.source in ("pronoun", "nominal"):
            continue
        if m.gazetteer_id:
            kind = "place" if m.kind == "country" else m.kind
            refs[i] = (Ref(kind, (m.gazetteer_id,)),)
        elif m.kind == "mission":
            refs[i] = (Ref("mission", (mission_key(m.text),)),)
        elif m.kind in ("spacecraft", "organization") and m.source == "pattern":  # unlisted: keyed by its slug
            refs[i] = (Ref(m.kind, (_listed_or_slug(m),)),)
        elif m.kind == "place":
            refs[i] = (Ref("place", (slug(m.text),)),)
    _resolve_anaphors(mentions, refs, person_ref)  # after the named: "the agency's" looks back at them
    entities = _local_entities(mentions, refs)
    return Resolution(entities, tuple(refs))


def _people_clusters(mentions: tuple[Mention, ...]) -> list[list[int]]:
    clusters: list[list[int]] = []
    names: list[str] = []
    singles: list[int] = []
    for i, m in enumerate(mentions):
        if m.kind != "person" or m.source in ("pronoun", "nominal"):
            continue
        name = norm_name(m.text)
        if len(name.split()) < 2:
            singles.append(i)
            continue
        for n, known in enumerate(names):
            if same_person_name(known, name) or _tail_of(known, name) or _tail_of(name, known):
                clusters[n].append(i)
                break
        else:
            names.append(name)
            clusters.append([i])
    for i in singles:
        word = norm_name(mentions[i].text)
        best = _match_single(word, names, clusters, mentions[i].start, mentions)
        if best is not None:
            clusters[best].append(i)
        elif mentions[i].source == "ner" and mentions[i].attr("role_intro"):
            names.append(word)
            clusters.append([i])
    return [sorted(c) for c in clusters]


def _tail_of(short: str, full: str) -> bool:
    """'al neyadi' in 'sultan al neyadi', 'vande hei' in 'mark vande hei': a family name of two words."""
    return full.endswith(" " + short) and len(short.split()) >= 2


def _match_single(word: str, names: list[str], clusters: list[list[int]], at: int, mentions) -> int | None:
    candidates = [n for n, name in enumerate(names) if len(name.split()) > 1 and word == name.split()[-1]]
    if not candidates:
        candidates = [n for n, name in enumerate(names) if len(name.split()) > 1 and word == name.split()[0]]
    if not candidates:
        candidates = [
            n
            for n, name in enumerate(names)
            if len(name.split()) > 1 and word[:1] == name.split()[-1][:1] and fuzz.ratio(word, name.split()[-1]) >= 85
        ]
    if not candidates:
        return None

    # several people share the word: the one mentioned most recently before it
    def last_before(n: int) -> int:
        return max((mentions[i].start for i in clusters[n] if mentions[i].start <= at), default=-1)

    return max(candidates, key=last_before)


def _class_of(m: Mention) -> str | None:
    """The ontology class of a listed or recognised thing ('SpaceAgency', 'Capsule')."""
    entry = gazetteer.entries().get(m.gazetteer_id) if m.gazetteer_id else None
    return entry.cls if entry else m.attr("class")


def _is_agency(m: Mention) -> bool:
    """A space agency, listed or recognised by its name ('the Benguela Space Agency')."""
    return _class_of(m) == "SpaceAgency"


def _listed_or_slug(m: Mention) -> str:
    """The key of a craft or agency: its gazetteer id, else the slug of its full name."""
    return m.gazetteer_id or slug(m.attr("name") or m.text)


def _counted_group(
    mentions: tuple[Mention, ...],
    refs: list[tuple[Ref, ...]],
    by_sentence: dict[int, list[int]],
    i: int,
    forward: bool = False,
    count: int = 0,
) -> tuple[Ref, ...]:
    """The people a group of stated size refers to.

    'the two cosmonauts' looks back ('Tereshkova ... Bykovsky ... the two cosmonauts'); 'Three
    Chinese astronauts landed ...' and 'Aboard were four Americans.' look ahead to the people the
    next sentences name.  Names are gathered sentence by sentence until there are that many;
    a count that does not come out exactly resolves to nobody."""
    m = mentions[i]
    definite = m.attr("definite") == "yes" or count > 0  # a count given here is 'the two'
    count = count or int(m.attr("count") or 0)
    step = -1 if definite and not forward else 1

    def named(sentence: int) -> list[Ref]:  # officials ("President X") are never one of the crew counted
        idx = [
            j
            for j in by_sentence.get(sentence, [])
            if mentions[j].kind == "person" and refs[j] and not mentions[j].attr("official")
        ]
        if sentence == m.sentence:
            idx = [j for j in idx if (j < i) == (step < 0)]
        return list(dict.fromkeys(r for j in idx for r in refs[j]))

    gathered: list[Ref] = []
    # "Two Russian cosmonauts and an American astronaut": the first two of the three named next
    need = count + int(m.attr("then") or 0) if step > 0 else count
    for distance in range(max(count, _SALIENCE_WINDOW) + (12 if step > 0 else 4)):
        found = named(m.sentence + step * distance)
        gathered += [r for r in (reversed(found) if step < 0 else found) if r not in gathered]
        if len(gathered) >= need:
            return tuple(gathered[:count]) if len(gathered) == need else ()
    if step < 0 and not gathered:  # "The three astronauts who rescued ... came home": a lede names them next
        return _counted_group(mentions, refs, by_sentence, i, forward=True, count=count)
    return ()


def _resolve_anaphors(mentions: tuple[Mention, ...], refs: list[tuple[Ref, ...]], person_ref: dict[int, Ref]) -> None:
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_sentence[m.sentence].append(i)
    last_station: Ref | None = None
    story_station: Ref | None = None  # the first station the article names: where its story is
    station_at = -1
    last_group: tuple[int, tuple[Ref, ...]] | None = None  # sentence and members of the last counted group
    officials = {refs[j][0] for j, mm in enumerate(mentions) if mm.attr("official") and refs[j]}
    last_capsule: Ref | None = None
    orgs: list[tuple[str, Ref, bool]] = []  # organisations named so far: text, entity, whether an agency
    for i, m in enumerate(mentions):
        if m.kind == "organization" and m.source != "nominal" and len(refs[i]) == 1:
            orgs.append((m.text.lower(), refs[i][0], _is_agency(m)))
        if m.kind == "spacecraft" and m.source != "nominal" and _class_of(m) == "Capsule" and len(refs[i]) == 1:
            last_capsule = refs[i][0]
        if m.kind == "spacecraft" and m.source in ("gazetteer", "pattern") and m.attr("class") == "SpaceStation":
            last_station = Ref("spacecraft", (_listed_or_slug(m),))
            story_station = story_station or last_station
            station_at = m.sentence
        if m.source == "counted":
            refs[i] = _counted_group(mentions, refs, by_sentence, i)
            if refs[i]:
                last_group = (m.sentence, refs[i])
            continue
        if m.source not in ("pronoun", "nominal"):
            continue
        if m.kind == "organization":  # "the directorate's": the last one so called, or the last agency
            noun = m.text.lower()
            found = [r for text, r, _ in orgs if noun in text] or [r for _, r, agency in orgs if agency]
            refs[i] = tuple(found[-1:])
            continue
        if m.kind == "spacecraft" and m.attr("class") == "Capsule":  # "the capsule": the last one named
            refs[i] = (last_capsule,) if last_capsule is not None else ()
            continue
        if m.kind == "spacecraft":
            # "the station" is the one just named, else (a sentence or more on) the story's own:
            # Mir named in a record's history does not move the crew of the ISS
            if last_station is not None:
                refs[i] = (last_station if station_at >= m.sentence - 1 else story_station,)
            continue
        same = [j for j in by_sentence[m.sentence] if j < i and refs[j] and mentions[j].kind == "person"]
        if m.kind == "person":
            if m.source == "nominal":  # "the cosmonaut" never means "President Vladimir Putin"
                same = [j for j in same if refs[j][0] not in officials]
            if (subject := m.attr("not_at")) is not None:  # "Whitson thanked him": not Whitson
                same = [j for j in same if not mentions[j].start <= int(subject) < mentions[j].end]
            if m.source == "pronoun" and not m.attr("quoted"):  # '"... Amaru ...," X said as she ...'
                same = [j for j in same if not mentions[j].attr("quoted")] or same
            if same:
                refs[i] = refs[same[0]]
                continue
            for back in range(1, _SALIENCE_WINDOW + 1):
                prev = [j for j in by_sentence.get(m.sentence - back, []) if refs[j] and mentions[j].kind == "person"]
                if m.source == "nominal":
                    prev = [j for j in prev if refs[j][0] not in officials]
                if prev:
                    refs[i] = refs[prev[0]]
                    if m.source == "nominal":  # "the cosmonaut" is the story's lead when the window holds them
                        refs[i] = _lead_in_window(mentions, refs, by_sentence, m.sentence, refs[i], officials)
                    break
        else:  # group pronoun: the people of the nearest sentence naming two or more
            for back in range(0, _SALIENCE_WINDOW + 1):
                # people named, or a group already resolved ("They ... . Their flight had lasted ...")
                idx = [
                    j
                    for j in by_sentence.get(m.sentence - back, [])
                    if mentions[j].kind in ("person", "group") and refs[j]
                ]
                if back == 0:
                    idx = [j for j in idx if j < i]
                group = tuple(dict.fromkeys(r for j in idx for r in refs[j]))
                if len(group) >= 2:
                    refs[i] = group
                    break
            # ... unless a counted group ('four Americans') holds them all: 'the astronauts' are the
            # four; a bare 'they' only right after it (two crews summed as 'six astronauts' stay two)
            reach = 2 * _SALIENCE_WINDOW if m.source == "nominal" else 1
            if last_group and m.sentence - last_group[0] <= reach and set(refs[i]) <= set(last_group[1]):
                refs[i] = last_group[1]
            count = _NOUN_COUNTS.get(m.text.lower(), 0) if m.source == "nominal" else 0
            if count and len(refs[i]) > count:  # 'The two had met before': two of the last four
                recent = last_group and m.sentence - last_group[0] <= reach and len(last_group[1]) == count
                fewer = last_group[1] if recent else _counted_group(mentions, refs, by_sentence, i, count=count)
                refs[i] = fewer if fewer and set(fewer) <= set(refs[i]) else refs[i]


#: group nouns that say how many they are
_NOUN_COUNTS = {"two": 2, "pair": 2, "duo": 2, "three": 3, "trio": 3, "four": 4}


def _lead_in_window(mentions, refs, by_sentence, sentence: int, nearest: tuple, officials: set) -> tuple:
    """Among the people of the sentences in the salience window, the one the article names most
    often, when that is more often than the nearest one: in 'Only one flight has lasted longer:
    Polyakov's ... . ... the cosmonaut has now logged 747 days', the cosmonaut is the story's Avdeyev."""
    named = Counter(
        refs[j][0]
        for j, mm in enumerate(mentions)
        if mm.kind == "person" and mm.source not in ("pronoun", "nominal") and len(refs[j]) == 1
    )
    window = {
        refs[j][0]
        for back in range(1, _SALIENCE_WINDOW + 1)
        for j in by_sentence.get(sentence - back, [])
        if mentions[j].kind == "person" and len(refs[j]) == 1 and refs[j][0] not in officials
    }
    best = max(window, key=lambda r: (named[r], r == nearest[0]), default=None)
    return (best,) if best is not None and named[best] > named[nearest[0]] else nearest


def _local_entities(mentions: tuple[Mention, ...], refs: list[tuple[Ref, ...]]) -> tuple[LocalEntity, ...]:
    grouped: dict[Ref, list[Mention]] = defaultdict(list)
    for m, rs in zip(mentions, refs):
        if len(rs) == 1 and m.source not in ("pronoun", "nominal"):
            grouped[rs[0]].append(m)
    out = []
    for ref, ms in grouped.items():
        out.append(LocalEntity(ref, ref.kind, best_name([m.text for m in ms]), tuple(ms)))
    return tuple(out)


_NICKNAME = re.compile(r"\s+[\"“‘']([^\"”’']+)[\"”’']\s+")


def without_nickname(name: str) -> str:
    """'Warren "Woody" Hoburg' -> 'Warren Hoburg'."""
    return _NICKNAME.sub(" ", name)


def nickname_form(name: str) -> str | None:
    """'Warren "Woody" Hoburg' -> 'Woody Hoburg'; None for a name without a quoted nickname."""
    found = _NICKNAME.search(name)
    return f"{found.group(1)} {name.split()[-1]}" if found else None


def best_name(texts: list[str]) -> str:
    """The most frequent multi-word spelling (ties: longer, then alphabetical), leaving out quoted
    nicknames and a family name that is the end of a longer spelling ('Al Neyadi')."""
    full = [without_nickname(t) for t in texts if len(t.split()) > 1] or texts
    folded = {norm_name(t) for t in full}
    full = [t for t in full if not any(_tail_of(norm_name(t), other) for other in folded)] or full
    counts = Counter(full)
    return min(counts, key=lambda t: (-counts[t], -len(t), t))


# ------------------------------------------------------------------ across articles


def resolve_corpus(results: list[ArticleResult]) -> list[Statement]:
    """Re-key every statement with corpus-wide person identities; names become labels."""
    local_names: dict[Ref, list[str]] = {}
    for result in results:
        for entity in result.entities:
            if entity.kind == "person":
                local_names[entity.ref] = [m.text for m in entity.mentions]
    canonical = _cluster_people(local_names)
    mapping = {ref: Ref("person", (norm_name(name),)) for ref, name in canonical.items()}
    out: list[Statement] = []
    seen: set[Statement] = set()
    for result in results:
        for st in result.statements:
            new = _rekey_statement(st, mapping, canonical)
            if new is not None and new not in seen:
                seen.add(new)
                out.append(new)
    return _one_preferred_name(_records_by_year(out))


def _records_by_year(statements: list[Statement]) -> list[Statement]:
    """A record is keyed by kind, scope and holder, so one holder's record of two eras (Whitson's
    U.S. total of 2008 and of 2017) would be one node with two values and two records it beat.
    When articles date one such record to different years, each dated article's record becomes
    one of that year; articles that give no year keep the undated record."""
    years: dict[Ref, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for st in statements:
        if st.subject.kind == "record" and st.predicate == "year" and isinstance(st.object, PartialDate):
            years[st.subject][st.source.doc_id].add(st.object.year)
    rekey: dict[tuple[Ref, str], Ref] = {}
    for ref, by_doc in years.items():
        if len(set().union(*by_doc.values())) < 2:
            continue
        for doc_id, told in by_doc.items():
            if len(told) == 1:  # an article that gives one record two years stays undecided
                rekey[(ref, doc_id)] = Ref("record", ref.key + (str(next(iter(told))),))
    if not rekey:
        return statements

    def moved(term: object, doc_id: str) -> object:
        return rekey.get((term, doc_id), term) if isinstance(term, Ref) and term.kind == "record" else term

    out = []
    for st in statements:
        doc_id = st.source.doc_id
        out.append(replace(st, subject=moved(st.subject, doc_id), object=moved(st.object, doc_id)))
    return list(dict.fromkeys(out))


def _one_preferred_name(statements: list[Statement]) -> list[Statement]:
    """Each entity keeps one skos:prefLabel across articles: its most stated spelling, written
    in ordinary case if any is ('Beijing' over 'BEIJING'); the others become skos:altLabel."""
    names: dict[Ref, Counter] = defaultdict(Counter)
    for st in statements:
        if st.predicate == "prefLabel" and isinstance(st.object, str):
            names[st.subject][st.object] += 1
    best = {ref: min(c, key=lambda n: (n.isupper(), -c[n], n)) for ref, c in names.items() if len(c) > 1}
    if not best:
        return statements
    out = []
    for st in statements:
        if st.predicate == "prefLabel" and st.subject in best and st.object != best[st.subject]:
            st = replace(st, predicate="altLabel")
        out.append(st)
    return list(dict.fromkeys(out))


def _cluster_people(local_names: dict[Ref, list[str]]) -> dict[Ref, str]:
    """Local person ref -> canonical name of its corpus-wide cluster."""
    order = sorted(local_names, key=lambda r: (norm_name(best_name(local_names[r])), r.key))
    clusters: list[list[Ref]] = []
    cluster_of: dict[str, int] = {}  # each distinct normalised name seen -> its cluster
    by_surname: dict[str, set[int]] = defaultdict(set)
    for ref in order:
        name = norm_name(best_name(local_names[ref]))
        target = cluster_of.get(name)
        if target is None and len(name.split()) > 1:
            initial = name.split()[-1][:1]
            candidates = sorted(
                {
                    cluster_of[k]
                    for k in cluster_of
                    if len(k.split()) > 1 and k.split()[-1][:1] == initial and same_person_name(k, name)
                }
            )
            target = candidates[0] if candidates else None
        if target is None and len(name.split()) == 1:
            hits = by_surname.get(name, set())
            target = next(iter(hits)) if len(hits) == 1 else None
        if target is None:
            target = len(clusters)
            clusters.append([])
        clusters[target].append(ref)
        cluster_of[name] = target
        if len(name.split()) > 1:
            by_surname[name.split()[-1]].add(target)
    canonical: dict[Ref, str] = {}
    for members in clusters:
        texts = [t for r in members for t in local_names[r]]
        name = best_name(texts)
        for r in members:
            canonical[r] = name
    return canonical


def _rekey(obj, mapping: dict[Ref, Ref]):
    if isinstance(obj, Ref):
        if obj in mapping:
            return mapping[obj]
        if any(isinstance(p, Ref) for p in obj.key):
            return Ref(obj.kind, tuple(_rekey(p, mapping) if isinstance(p, Ref) else p for p in obj.key))
    return obj


def _rekey_statement(st: Statement, mapping: dict[Ref, Ref], canonical: dict[Ref, str]) -> Statement | None:
    subject = _rekey(st.subject, mapping)
    obj = _rekey(st.object, mapping)
    if st.predicate == "name":
        if st.subject in canonical:
            label = "prefLabel" if obj == canonical[st.subject] else "altLabel"
        else:
            label = "prefLabel"
        return replace(st, subject=subject, predicate=label, object=obj)
    return replace(st, subject=subject, object=obj)
