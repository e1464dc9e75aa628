"""Synthetic but realistic spaceflight graphs for benchmarks and scale tests.

``synth_dataset(n, seed)`` returns an rdflib Dataset shaped like the output of ``kg build``
(docs/data-model.md): one named graph per article, with people, agencies, spacecraft,
missions, events, records and quantities, and for every fact an ``sf:Assertion`` tied to a
sentence of the article.  Popular missions are mentioned by many articles, so entities recur
across graphs as they do in a news corpus; a few articles state an event time a few minutes
off or a different crewmate count, so the graph has realistic conflicts but no violations.

The output is deterministic for a given (n, seed) and holds between n - 60 and n quads.

    python benchmarks/synth.py 100000 -o /tmp/synth-100k.trig [--seed 0]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository's ``kg`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Literal, URIRef
from rdflib.term import Node

from kg.graph import Triple, fact_triples, sentence_triples
from kg.iris import article_iri, assertion_iri, digest, extractor_iri, sentence_iri, slug
from kg.vocab import ID, QKIND, RKIND, ROLE, SCOPE, SF, STATUS, UNIT


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_GIVEN = _words(
    "Anna Boris Chen Dmitri Elena Farid Greta Hiro Ilya Jessica Kenji Lena Mikhail Nadia Oleg "
    "Paolo Qing Rosa Sergei Tomas Ulla Victor Wang Xenia Yuri Zhanna Andre Bettina Carlos Dana "
    "Emil Fiona Gustav Helen Ivan Julia Karl Lucia Marek Nora"
)
_FAMILY = _words(
    "Abbott Belov Carver Dunaev Eriksen Fischer Grant Haas Ivanova Jensen Kato Lopez Morozov "
    "Novak Orlov Petrov Quinn Romanov Sato Tanaka Ueda Volkova Walsh Xu Yamada Zhou Aldrin "
    "Brandt Conti Dubois Egorov Ferrara Gorbunov Hale Ishii Juarez Kowal Lindqvist Marchetti "
    "Nyberg"
)
# (key, label, class, status, operator key)
_CRAFT = (
    ("iss", "International Space Station", SF.SpaceStation, STATUS.active, "nasa"),
    ("mir", "Mir", SF.SpaceStation, STATUS.defunct, "roscosmos"),
    ("tiangong", "Tiangong", SF.SpaceStation, STATUS.active, "cnsa"),
    ("soyuz", "Soyuz", SF.Capsule, STATUS.active, "roscosmos"),
    ("crew-dragon", "Crew Dragon", SF.Capsule, STATUS.active, "spacex"),
    ("shenzhou", "Shenzhou", SF.Capsule, STATUS.active, "cnsa"),
    ("space-shuttle", "Space Shuttle", SF.SpaceShuttle, STATUS.retired, "nasa"),
    ("falcon-9", "Falcon 9", SF.LaunchVehicle, STATUS.active, "spacex"),
    ("soyuz-fg", "Soyuz-FG", SF.LaunchVehicle, STATUS.retired, "roscosmos"),
)
# (key, label, class, country key, role)
_ORGS = (
    ("nasa", "NASA", SF.SpaceAgency, "united-states", ROLE.astronaut),
    ("roscosmos", "Roscosmos", SF.SpaceAgency, "russia", ROLE.cosmonaut),
    ("cnsa", "CNSA", SF.SpaceAgency, "china", ROLE.taikonaut),
    ("esa", "ESA", SF.SpaceAgency, "germany", ROLE.astronaut),
    ("jaxa", "JAXA", SF.SpaceAgency, "japan", ROLE.astronaut),
    ("spacex", "SpaceX", SF.Organization, "united-states", ROLE.engineer),
)
_COUNTRIES = (
    ("united-states", "United States", "American"),
    ("russia", "Russia", "Russian"),
    ("china", "China", "Chinese"),
    ("germany", "Germany", "German"),
    ("japan", "Japan", "Japanese"),
    ("kazakhstan", "Kazakhstan", "Kazakh"),
)
_PLACES = (
    ("baikonur-cosmodrome", "Baikonur Cosmodrome"),
    ("kennedy-space-center", "Kennedy Space Center"),
    ("jiuquan", "Jiuquan"),
    ("zhezkazgan", "Zhezkazgan"),
    ("gulf-of-mexico", "Gulf of Mexico"),
)
_ZONES = (
    timezone(timedelta(hours=-5)),
    timezone(timedelta(hours=-4)),
    timezone(timedelta(hours=6)),
    timezone.utc,
    timezone(timedelta(hours=8)),
)
_FILLER = (
    "officials said on Tuesday",
    "according to the agency",
    "in a statement released overnight",
    "as mission control confirmed",
    "the crew reported",
    "the space agency said",
)
_SCOPE_OF = {
    "nasa": SCOPE.nasa,
    "roscosmos": SCOPE.russia,
    "cnsa": SCOPE.china,
    "esa": SCOPE.europe,
    "jaxa": SCOPE.japan,
    "spacex": SCOPE.us,
}


@dataclass
class _Entity:
    iri: URIRef
    label: str
    cls: URIRef
    facts: list[tuple[URIRef, Node, str]] = field(default_factory=list)  # (predicate, object, extractor)
    refs: list[_Entity] = field(default_factory=list)  # entities a record's intro facts point at
    scope: URIRef = SCOPE.world  # people: the record scope of their agency
    value: int = 0  # records: the record value in days


@dataclass
class _Mission:
    entity: _Entity
    crew: list[_Entity]
    events: list[_Entity]
    extras: list[_Entity]  # records, quantities
    start: date
    end: date


class _World:
    """Every entity the synthetic corpus talks about, with its (mostly consistent) facts."""

    def __init__(self, rng: random.Random, n_articles: int) -> None:
        self.rng = rng
        self.countries = {
            k: self._entity("place", k, label, SF.Country, [(SF.demonym, Literal(dem), "people")])
            for k, label, dem in _COUNTRIES
        }
        self.places = [self._entity("place", k, label, SF.Place) for k, label in _PLACES]
        self.orgs = {k: self._entity("organization", k, label, cls) for k, label, cls, _, _ in _ORGS}
        self.craft = {}
        for key, label, cls, status, op in _CRAFT:
            self.craft[key] = self._entity(
                "spacecraft",
                key,
                label,
                cls,
                [(SF.status, status, "missions"), (SF.operator, self.orgs[op].iri, "missions")],
            )
        n_people = max(6, n_articles // 3)
        self.people = [self._person(i) for i in range(n_people)]
        self.missions = [self._mission(i) for i in range(max(2, n_articles // 5))]
        self._records()
        self.index: dict[URIRef, _Entity] = {}
        for e in [
            *self.countries.values(),
            *self.places,
            *self.orgs.values(),
            *self.craft.values(),
            *self.people,
        ]:
            self.index[e.iri] = e
        for m in self.missions:
            for e in (m.entity, *m.events, *m.extras):
                self.index[e.iri] = e

    @staticmethod
    def _entity(kind: str, key: str, label: str, cls: URIRef, facts: list | None = None) -> _Entity:
        return _Entity(URIRef(f"{ID}{kind}/{key}"), label, cls, list(facts or []))

    def _person(self, i: int) -> _Entity:
        given, family = _GIVEN[i % len(_GIVEN)], _FAMILY[(i // len(_GIVEN)) % len(_FAMILY)]
        label = f"{given} {family}" + (f" {i // (len(_GIVEN) * len(_FAMILY)) + 1}" if i >= 1600 else "")
        okey, _, _, ckey, role = _ORGS[self.rng.randrange(len(_ORGS) - 1)]
        person = self._entity(
            "person",
            slug(label),
            label,
            SF.Person,
            [
                (SKOS.altLabel, Literal(label.lower()), "people"),
                (SF.role, role, "people"),
                (SF.agency, self.orgs[okey].iri, "people"),
                (SF.nationality, self.countries[ckey].iri, "people"),
                (SF.age, Literal(self.rng.randint(29, 66)), "people"),
            ],
        )
        person.scope = _SCOPE_OF[okey]
        return person

    def _mission(self, i: int) -> _Mission:
        rng = self.rng
        station, capsule = rng.choice(
            (("iss", "soyuz"), ("iss", "crew-dragon"), ("tiangong", "shenzhou"), ("mir", "soyuz"))
        )
        label = f"Expedition {i + 1}"
        iri = URIRef(f"{ID}mission/{slug(label)}-{digest(label, length=8)}")
        crew = rng.sample(self.people, k=min(len(self.people), rng.randint(2, 4)))
        start = date(1995, 1, 1) + timedelta(days=rng.randrange(30 * 365))
        days = rng.choice((rng.randint(8, 20), rng.randint(120, 200), rng.randint(300, 440)))
        end = start + timedelta(days=days)
        start_lit = Literal(start) if rng.random() < 0.8 else Literal(start.strftime("%Y-%m"), datatype=XSD.gYearMonth)
        m = _Entity(
            iri,
            label,
            SF.Mission,
            [
                (SF.spacecraft, self.craft[station].iri, "missions"),
                (SF.spacecraft, self.craft[capsule].iri, "missions"),
                (SF.startDate, start_lit, "missions"),
                (SF.endDate, Literal(end), "missions"),
                (SF.durationDays, Literal(days), "missions"),
                (SF.commander, crew[0].iri, "missions"),
            ]
            + [(SF.crewMember, p.iri, "missions") for p in crew],
        )
        zone = rng.choice(_ZONES)
        events = [
            self._event("launch", SF.Launch, m, crew, start, zone, capsule),
            self._event("landing", SF.Landing, m, crew, end, zone, capsule),
        ]
        if rng.random() < 0.5:
            events.append(self._event("docking", SF.Docking, m, crew, start + timedelta(days=1), zone, station))
        if len(crew) > 1 and rng.random() < 0.3:
            h = self._event("handover", SF.Handover, m, crew[:2], end - timedelta(days=2), zone, station)
            h.facts += [
                (SF.handedOverBy, crew[0].iri, "events"),
                (SF.handedOverTo, crew[1].iri, "events"),
                (SF.commandOf, self.craft[station].iri, "events"),
            ]
            events.append(h)
        orbits = self._quantity(QKIND.orbits, iri, Decimal(round(days * 15.5 * rng.uniform(0.96, 1.04))), UNIT.NUM)
        extras = [orbits]
        m.facts.append((SF.hasQuantity, orbits.iri, "quantities"))
        return _Mission(m, crew, events, extras, start, end)

    def _event(
        self,
        kind: str,
        cls: URIRef,
        m: _Entity,
        crew: list[_Entity],
        day: date,
        zone: timezone,
        craft_key: str,
    ) -> _Entity:
        key = f"{kind}-{slug(m.label)}"
        ev = self._entity("event", f"{key}-{digest(str(m.iri), kind, length=8)}", f"{m.label} {kind}", cls)
        at = datetime(day.year, day.month, day.day, self.rng.randrange(24), self.rng.randrange(60), tzinfo=zone)
        ev.facts += [
            (SF.mission, m.iri, "events"),
            (SF.date, Literal(day), "events"),
            (SF.time, Literal(at), "events"),
            (SF.vehicle, self.craft[craft_key].iri, "events"),
        ]
        ev.facts += [(SF.participant, p.iri, "events") for p in crew]
        if kind in ("launch", "landing"):
            place = self.rng.choice(self.places)
            ev.facts.append((SF.place, place.iri, "events"))
        return ev

    def _quantity(self, kind: URIRef, subject: URIRef, value: Decimal, unit: URIRef) -> _Entity:
        name = str(kind).rsplit("/", 1)[1]
        q = self._entity(
            "quantity",
            f"{name}-{digest(str(subject), str(value), length=10)}",
            "",
            SF.Quantity,
            [
                (SF.quantityKind, kind, "quantities"),
                (SF.value, Literal(value), "quantities"),
                (SF.unit, unit, "quantities"),
            ],
        )
        return q

    def _records(self) -> None:
        """Chains of single-flight duration records per scope, each breaking the previous one."""
        chains: dict[URIRef, _Entity] = {}
        for m in sorted(self.missions, key=lambda m: m.start):
            days = (m.end - m.start).days
            holder = m.crew[0]
            scope = holder.scope
            previous = chains.get(scope)
            if days < 300 or (previous is not None and previous.value >= days):
                continue
            label = f"longest single spaceflight ({holder.label})"
            r = self._entity(
                "record",
                f"single-flight-duration-{slug(str(scope).rsplit('/', 1)[1])}-"
                f"{slug(holder.label)}-{digest(label, str(m.end), length=8)}",
                label,
                SF.Record,
                [
                    (SF.recordKind, RKIND.single_flight_duration, "records"),
                    (SF.scope, scope, "records"),
                    (SF.value, Literal(Decimal(days)), "records"),
                    (SF.unit, UNIT.DAY, "records"),
                    (SF.year, Literal(str(m.end.year), datatype=XSD.gYear), "records"),
                    (SF.setDuring, m.entity.iri, "records"),
                ],
            )
            r.facts.insert(0, (SF.holder, holder.iri, "records"))
            r.refs += [holder, m.entity]
            r.value = days
            if previous is not None:
                r.facts.append((SF.supersedes, previous.iri, "records"))
                r.refs.append(previous)
            chains[scope] = r
            m.extras.append(r)


class _ArticleWriter:
    """Turns entity facts into one article graph's triples: facts, assertions and sentences."""

    def __init__(self, world: _World, index: int, seed: int) -> None:
        self.world = world
        h = hashlib.sha256(f"synthetic article {seed} {index}".encode()).hexdigest()
        self.doc_id = h[:16]
        self.iri = article_iri(self.doc_id)
        self.bundles: list[set[Triple]] = [
            {
                (self.iri, RDF.type, SF.Article),
                (self.iri, SF.contentHash, Literal(f"sha256:{h}")),
                (self.iri, SF.fileName, Literal(f"{index:06d}_{self.doc_id}.txt")),
                (self.iri, SF.mediaType, Literal("text/plain")),
                *(
                    (extractor_iri(x), RDF.type, SF.Extractor)
                    for x in ("people", "missions", "events", "quantities", "records")
                ),
                *(
                    (extractor_iri(x), RDFS.label, Literal(x))
                    for x in ("people", "missions", "events", "quantities", "records")
                ),
            }
        ]
        self.sentence = -1
        self.offset = 0
        self.introduced: set[URIRef] = set()

    def _new_sentence(self, bundle: set[Triple], words: str) -> URIRef:
        self.sentence += 1
        rng = self.world.rng
        text = f"{words[:1].upper()}{words[1:]}, {rng.choice(_FILLER)}."
        s = sentence_iri(self.doc_id, self.sentence)
        bundle.update(sentence_triples(s, self.iri, self.sentence, self.offset, self.offset + len(text), text))
        self.offset += len(text) + 1
        return s

    def _fact(
        self, bundle: set[Triple], s: URIRef, p: URIRef, o: Node, extractor: str, sent: URIRef, evidence: str
    ) -> None:
        a = assertion_iri(self.doc_id, str(s), str(p), o.n3(), extractor)
        bundle.update(fact_triples(s, p, o, a, sent, extractor, evidence))

    def mention(self, e: _Entity, detail: bool, vary: dict[URIRef, Node] | None = None) -> None:
        """Introduce an entity (type, name, what it needs to be valid), then maybe more of its facts."""
        if e.iri in self.introduced:
            return
        for ref in e.refs if e.cls in (SF.Record,) else ():
            self.mention(ref, detail=False)
        self.introduced.add(e.iri)
        bundle: set[Triple] = set()
        sent = self._new_sentence(bundle, e.label or "the figure")
        kind = "quantities" if e.cls == SF.Quantity else "people"
        self._fact(bundle, e.iri, RDF.type, e.cls, kind, sent, e.label)
        if e.label and e.cls != SF.Quantity:
            self._fact(bundle, e.iri, SKOS.prefLabel, Literal(e.label), kind, sent, e.label)
        required = 3 if e.cls in (SF.Record, SF.Quantity) else 0
        facts = e.facts if detail else e.facts[:required]
        for i, (p, o, extractor) in enumerate(facts):
            o = (vary or {}).get(p, o)
            if i >= required and i % 3 == 0 and i:
                self.bundles.append(bundle)
                bundle = set()
                sent = self._new_sentence(bundle, f"{e.label} and {o}" if e.label else str(o))
            if isinstance(o, URIRef) and str(o).startswith(str(ID)):
                target = self._lookup(o)
                if target is not None and target.iri not in self.introduced:
                    self.bundles.append(bundle)
                    self.mention(target, detail=False)
                    bundle = set()
                    sent = self._new_sentence(bundle, e.label or str(o))
            self._fact(bundle, e.iri, p, o, extractor, sent, str(o) if isinstance(o, Literal) else e.label)
        self.bundles.append(bundle)

    def _lookup(self, iri: URIRef) -> _Entity | None:
        return self.world.index.get(iri)


def _article(world: _World, index: int, seed: int) -> _ArticleWriter:
    rng = world.rng
    weights = [1.0 / (i + 1) for i in range(len(world.missions))]
    m = rng.choices(world.missions, weights=weights)[0]
    w = _ArticleWriter(world, index, seed)
    w.mention(m.entity, detail=rng.random() < 0.7)
    for person in m.crew:
        w.mention(person, detail=rng.random() < 0.6)
    for ev in m.events:
        if rng.random() < 0.6:
            vary = None
            if rng.random() < 0.05:  # another outlet reports the time a few minutes off
                t = next(o for p, o, _ in ev.facts if p == SF.time).value
                vary = {SF.time: Literal(t + timedelta(minutes=rng.choice((-2, 2))))}
            w.mention(ev, detail=True, vary=vary)
    for extra in m.extras:
        if rng.random() < 0.5:
            w.mention(extra, detail=True)
    if rng.random() < 0.3:  # "worked with N crewmates", sometimes counted differently
        person = m.crew[0]
        n = Decimal(len(m.crew) - 1 + rng.choice((0, 0, 0, 6)) + 8)
        q = world._quantity(QKIND.crewmates, person.iri, n, UNIT.NUM)
        world.index[q.iri] = q
        w.mention(q, detail=True)
        bundle: set[Triple] = set()
        sent = w._new_sentence(bundle, f"{person.label} worked with {n} crewmates")
        w._fact(bundle, person.iri, SF.hasQuantity, q.iri, "quantities", sent, f"{n} crewmates")
        w.bundles.append(bundle)
    return w


def synth_dataset(n_triples: int, seed: int = 0) -> Dataset:
    """A Dataset of about ``n_triples`` quads (never more, at most 60 fewer) following docs/data-model.md.

    Articles are added whole until the next one would not fit; the last one is cut at a
    boundary between facts, so every fact still has its assertion and sentence.
    """
    if n_triples < 0:
        raise ValueError("n_triples must be >= 0")
    rng = random.Random(seed)
    world = _World(rng, n_articles=max(10, n_triples // 380))
    ds = Dataset(default_union=True)
    total = 0
    index = 0
    while True:
        writer = _article(world, index, seed)
        graph = ds.graph(writer.iri)
        seen: set[Triple] = set()
        for bundle in writer.bundles:
            new = bundle - seen
            if total + len(new) > n_triples:
                return ds
            graph.addN((s, p, o, graph) for s, p, o in new)
            seen |= new
            total += len(new)
        index += 1


def main(argv: list[str] | None = None) -> int:
    """Command line: write a synthetic dataset of N quads to a graph file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of quads")
    parser.add_argument("-o", "--output", required=True, help="output file (.trig or .nq)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    from kg.graphio import format_for, write_atomic

    fmt = format_for(args.output)
    if fmt not in ("trig", "nquads"):
        parser.error("the output must be .trig or .nq to keep one graph per article")
    ds = synth_dataset(args.n, args.seed)
    write_atomic(args.output, lambda tmp: ds.serialize(tmp, format=fmt))
    print(f"{args.output}: {sum(len(g) for g in ds.graphs())} quads")
    return 0


if __name__ == "__main__":
    sys.exit(main())
