"""The ontology's terms in one place.

Every term of the spaceflight ontology is reachable through ``SF`` (an rdflib
``DefinedNamespace``: using an undeclared term raises ``AttributeError``), and
the enumerations (roles, scopes, record kinds, quantity kinds, statuses) through
their own closed namespaces.  ``tests/test_vocab.py`` checks that this module,
``ontology/spaceflight.ttl``, the shapes and the queries agree.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/spaceflight-kg/"


class SF(DefinedNamespace):
    """Classes and properties of the spaceflight-news ontology."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Entity: URIRef
    Person: URIRef
    Organization: URIRef
    SpaceAgency: URIRef
    Spacecraft: URIRef
    SpaceStation: URIRef
    Capsule: URIRef
    SpaceShuttle: URIRef
    LaunchVehicle: URIRef
    Mission: URIRef
    Event: URIRef
    Launch: URIRef
    Landing: URIRef
    Splashdown: URIRef
    Docking: URIRef
    Undocking: URIRef
    Handover: URIRef
    Spacewalk: URIRef
    PressConference: URIRef
    Record: URIRef
    Place: URIRef
    Country: URIRef
    Quantity: URIRef
    Article: URIRef
    Sentence: URIRef
    Assertion: URIRef
    Extractor: URIRef
    RoleScheme: URIRef
    ScopeScheme: URIRef
    RecordKindScheme: URIRef
    QuantityKindScheme: URIRef
    StatusScheme: URIRef
    # people
    role: URIRef
    agency: URIRef
    nationality: URIRef
    age: URIRef
    demonym: URIRef
    # spacecraft
    operator: URIRef
    status: URIRef
    # missions
    crewMember: URIRef
    commander: URIRef
    spacecraft: URIRef
    startDate: URIRef
    endDate: URIRef
    durationDays: URIRef
    approximate: URIRef
    hasQuantity: URIRef
    quantityKind: URIRef
    # events
    mission: URIRef
    participant: URIRef
    vehicle: URIRef
    place: URIRef
    date: URIRef
    time: URIRef
    handedOverBy: URIRef
    handedOverTo: URIRef
    commandOf: URIRef
    station: URIRef
    # records
    holder: URIRef
    recordKind: URIRef
    scope: URIRef
    description: URIRef
    value: URIRef
    unit: URIRef
    year: URIRef
    supersedes: URIRef
    setDuring: URIRef
    # provenance
    sentence: URIRef
    extractor: URIRef
    evidence: URIRef
    article: URIRef
    text: URIRef
    start: URIRef
    end: URIRef
    index: URIRef
    contentHash: URIRef
    fileName: URIRef
    mediaType: URIRef
    published: URIRef
    title: URIRef


class ROLE(DefinedNamespace):
    """Roles a person can hold."""

    _NS = Namespace(BASE + "vocab/role/")
    _fail = True
    astronaut: URIRef
    cosmonaut: URIRef
    taikonaut: URIRef
    commander: URIRef
    pilot: URIRef
    flight_engineer: URIRef
    mission_specialist: URIRef
    payload_specialist: URIRef
    space_tourist: URIRef
    crew_member: URIRef
    administrator: URIRef
    flight_director: URIRef
    spokesperson: URIRef
    engineer: URIRef
    scientist: URIRef
    physician: URIRef


class SCOPE(DefinedNamespace):
    """Populations a record is counted over."""

    _NS = Namespace(BASE + "vocab/scope/")
    _fail = True
    world: URIRef
    us: URIRef
    nasa: URIRef
    russia: URIRef
    china: URIRef
    europe: URIRef
    japan: URIRef
    canada: URIRef
    women: URIRef


class RKIND(DefinedNamespace):
    """What a record measures."""

    _NS = Namespace(BASE + "vocab/record-kind/")
    _fail = True
    single_flight_duration: URIRef
    cumulative_duration: URIRef
    spacewalk_duration: URIRef
    spacewalk_count: URIRef
    flight_count: URIRef
    age: URIRef
    other: URIRef


class QKIND(DefinedNamespace):
    """What a measured quantity counts."""

    _NS = Namespace(BASE + "vocab/quantity-kind/")
    _fail = True
    orbits: URIRef
    distance: URIRef
    volume: URIRef
    crewmates: URIRef
    altitude: URIRef
    spacewalks: URIRef
    experiments: URIRef


class STATUS(DefinedNamespace):
    """Whether a spacecraft still flies."""

    _NS = Namespace(BASE + "vocab/status/")
    _fail = True
    active: URIRef
    defunct: URIRef
    retired: URIRef
    planned: URIRef


#: Where minted instance IRIs live (see ``kg.iris``).
ID = Namespace(BASE + "id/")
#: QUDT units used for values.
UNIT = Namespace("http://qudt.org/vocab/unit/")
QUDT = Namespace("http://qudt.org/schema/qudt/")
SCHEMA = Namespace("https://schema.org/")

#: Closed namespaces by the scheme name used in statements (``kg.types.Concept``).
SCHEMES: dict[str, type[DefinedNamespace]] = {
    "role": ROLE,
    "scope": SCOPE,
    "record-kind": RKIND,
    "quantity-kind": QKIND,
    "status": STATUS,
}

#: Prefixes bound on every graph this tool writes (only used ones are emitted).
PREFIXES: dict[str, str] = {
    "sf": str(SF._NS),
    "role": str(ROLE._NS),
    "scope": str(SCOPE._NS),
    "rkind": str(RKIND._NS),
    "qkind": str(QKIND._NS),
    "status": str(STATUS._NS),
    "kgid": str(ID),
    "unit": str(UNIT),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}
