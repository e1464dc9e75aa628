"""Stage 'people' on invented names: roles, agencies and nationalities from the words around a name."""

from __future__ import annotations

import pytest

import kg

TEXT = """Riding home with Ostrova were two first-time fliers: Lars Brekkevold of the European Space Agency, who is Norway's first astronaut, and Nurlan Temirbek, a cosmonaut from Kazakhstan.
With them was the station's commander, Yevgeny Starikov, and French astronaut Claire Vautrin.
She passed the 803 days logged by fellow Russian Pavel Dubinsky over six flights.
Ivanishin, NASA's Kara Whitlow and Japan's Haruto Kisaragi will keep the station running.
After landing in Kazakhstan Whitlow was flown to Houston.
"""


@pytest.fixture(scope="module")
def people(build_text):
    rows = kg.query(build_text({"p.txt": TEXT}).dataset, "people").rows
    out: dict[str, dict[str, set]] = {}
    for r in rows:
        person = out.setdefault(r["name"], {"role": set(), "agency": set(), "nationality": set()})
        for key in person:
            if r[key] is not None:
                person[key].add(r[key])
    return out


def people_rows(build_text, text: str) -> list[dict]:
    """The people query's rows for one article."""
    return kg.query(build_text({"a.txt": text}).dataset, "people").rows


def values(rows: list[dict], name: str, key: str) -> set:
    """Every value of one column for one person."""
    return {r[key] for r in rows if r["name"] == name}


@pytest.mark.parametrize(
    ("name", "key", "value"),
    [
        ("Lars Brekkevold", "agency", "European Space Agency"),
        ("Lars Brekkevold", "role", "astronaut"),  # "..., who is Norway's first astronaut"
        ("Lars Brekkevold", "nationality", "Norwegian"),
        ("Nurlan Temirbek", "role", "cosmonaut"),  # a name the model may call an organisation
        ("Nurlan Temirbek", "nationality", "Kazakh"),
        ("Yevgeny Starikov", "role", "commander"),  # "the station's commander, Yevgeny Starikov,"
        ("Claire Vautrin", "nationality", "French"),
        ("Pavel Dubinsky", "nationality", "Russian"),  # "fellow Russian Pavel Dubinsky"
        ("Haruto Kisaragi", "nationality", "Japanese"),  # "Japan's Haruto Kisaragi"
        ("Kara Whitlow", "agency", "NASA"),
    ],
)
def test_fact_around_a_name(people, name, key, value):
    assert value in people[name][key]


def test_a_country_name_before_a_name_is_not_a_nationality(people):
    assert "Kazakh" not in people["Kara Whitlow"]["nationality"]


def test_titles_and_institutions_are_not_names(build_text):
    text = (
        "Work on the Russian Orbital Segment continued while NASA's Commercial Crew Program waited.\n"
        "Japanese Prime Minister Sora Ikehata praised fellow Austrian Lukas Pfeiffenberger.\n"
    )
    rows = kg.query(build_text({"t.txt": text}).dataset, "people").rows
    found = {r["name"] for r in rows}
    assert found == {"Sora Ikehata", "Lukas Pfeiffenberger"}
    assert {r["nationality"] for r in rows if r["name"] == "Lukas Pfeiffenberger"} == {"Austrian"}


def test_a_described_nominal_tells_about_the_person_just_named(build_text):
    text = (
        "HOUSTON — Flight engineer Odalys Ferreira-Quint came back on Wednesday after 371 days in orbit.\n"
        "The NASA astronaut and Russian cosmonauts Arkady Belousko and Timur Zharkov landed in their "
        "Soyuz MS-47 capsule in Kazakhstan on Sept. 27, 2029.\n"
        "With them was the station's commander, Yelena Vorontsova.\n"
    )
    b = build_text({"n.txt": text})
    rows = kg.query(b.dataset, "people").rows
    odalys = {(r["role"], r["agency"]) for r in rows if r["name"] == "Odalys Ferreira-Quint"}
    assert ("astronaut", "NASA") in odalys
    crew = {r["personName"] for r in kg.query(b.dataset, "crew").rows if r["missionName"] == "Soyuz MS-47"}
    # "With them was ..." right after the landing: she came down in the capsule too
    assert crew == {"Odalys Ferreira-Quint", "Arkady Belousko", "Timur Zharkov", "Yelena Vorontsova"}
    assert {r["role"] for r in rows if r["name"] == "Yelena Vorontsova"} == {"commander"}


def test_every_name_of_a_list_is_a_person_with_the_list_role(build_text):
    text = (
        "Aboard were NASA astronauts Oren Valcourt, Mireille Dasgupta and Tobias Achebe-Lund, "
        "together with Kenji Ashworth-Obi of the Japan Aerospace Exploration Agency.\n"
        "Commander Ilse Brandvold thanked Mission Control and the Johnson Space Center.\n"
    )
    rows = people_rows(build_text, text)
    found = {r["name"] for r in rows}
    assert found == {"Oren Valcourt", "Mireille Dasgupta", "Tobias Achebe-Lund", "Kenji Ashworth-Obi", "Ilse Brandvold"}
    for name in ("Oren Valcourt", "Mireille Dasgupta", "Tobias Achebe-Lund"):
        assert values(rows, name, "agency") == {"NASA"}
    assert values(rows, "Kenji Ashworth-Obi", "agency") == {"JAXA"}


APPOSITIONS = """Meridel Oyarzun-Kask flew with flight engineer Tomas Ibarguren-Holm, 41, an Argentine astronaut of the Pampas Space Commission, and Maite Urrutia-Sand, 37, a Uruguayan physician.
At a news conference, Dorotea Vikstrom-Aru, director-general of the Danubian Space Agency, praised the crew.
Pavlo Sendrak-Yee, 47, a former bomber pilot, spent 196 days on the station.
Ilse Marovic-Tan, who flies for the Danubian Space Agency, was commander.
"""


@pytest.mark.parametrize(
    ("name", "key", "value"),
    [
        ("Tomas Ibarguren-Holm", "role", "astronaut"),  # after the age: ", 41, an Argentine astronaut"
        ("Tomas Ibarguren-Holm", "nationality", "Argentine"),
        ("Tomas Ibarguren-Holm", "agency", "Pampas Space Commission"),  # an agency no list has
        ("Maite Urrutia-Sand", "role", "physician"),
        ("Maite Urrutia-Sand", "nationality", "Uruguayan"),
        ("Dorotea Vikstrom-Aru", "role", "administrator"),  # "director-general", three tokens
        ("Dorotea Vikstrom-Aru", "agency", "Danubian Space Agency"),
        ("Ilse Marovic-Tan", "agency", "Danubian Space Agency"),  # ", who flies for ..."
    ],
)
def test_appositions(build_text, name, key, value):
    assert value in values(people_rows(build_text, APPOSITIONS), name, key)


LIST_LINES = """The crew:

Larry Tormund-Osei, 72, pilot, an American real-estate investor from Ohio
Mark Vaillancourt-Ibe, 52, mission specialist, a Canadian businessman from Montreal
"""


def test_appositions_one_after_another(build_text):
    rows = people_rows(build_text, LIST_LINES)
    assert values(rows, "Larry Tormund-Osei", "nationality") == {"American"}  # after ", pilot,"
    assert values(rows, "Mark Vaillancourt-Ibe", "nationality") == {"Canadian"}
    assert values(rows, "Mark Vaillancourt-Ibe", "role") == {"mission_specialist"}


def test_the_first_name_mark_is_no_record(build_text):
    assert not kg.query(build_text({"a.txt": LIST_LINES}).dataset, "records").rows


def test_an_earthly_pilot_is_not_a_crew_pilot(build_text):
    assert "pilot" not in values(people_rows(build_text, APPOSITIONS), "Pavlo Sendrak-Yee", "role")


def test_a_described_nominal_two_sentences_on(build_text):
    text = (
        "Ileana Dragomir-Vass touched down on the steppe on Tuesday.\n"
        "Recovery teams from the Rioplatense Space Commission had the hatch open within 25 minutes.\n"
        "The 49-year-old Romanian astronaut, who flies for the Danubian Space Agency, was commander of the flight.\n"
    )
    rows = people_rows(build_text, text)
    assert values(rows, "Ileana Dragomir-Vass", "nationality") == {"Romanian"}
    assert values(rows, "Ileana Dragomir-Vass", "age") == {49}
    assert values(rows, "Ileana Dragomir-Vass", "agency") == {"Danubian Space Agency"}


def test_the_cosmonaut_is_never_an_official(build_text):
    text = (
        "Cosmonaut Yelena Tsvetkova-Ngata lifted off on Saturday, March 4, 2028.\n"
        "Her flight was agreed in 2025 by President Arvid Kallenberg.\n"
        "The Belarusian cosmonaut spent 12 days on the station.\n"
    )
    rows = people_rows(build_text, text)
    assert values(rows, "Arvid Kallenberg", "role") == {None}
    assert values(rows, "Arvid Kallenberg", "nationality") == {None}
    crew = {r["personName"] for r in kg.query(build_text({"a.txt": text}).dataset, "crew").rows}
    assert "Arvid Kallenberg" not in crew


CREW_LIST = """Aboard were commander Halvard Ruusk and pilot Warren "Birdie" Quellmark, both Americans flying for NASA, mission specialist Tariq Al Zubaidan of the United Arab Emirates and Russian cosmonaut Oleg Varnavin of Roscosmos.
Al Zubaidan later said the flight had gone well.
Before leaving, the crew completed a handover with the four astronauts of Crew-19.
"""


def test_a_quoted_nickname_is_one_person_named_without_it(build_text):
    rows = people_rows(build_text, CREW_LIST)
    names = {r["name"] for r in rows}
    assert "Warren Quellmark" in names and not {"Birdie Quellmark", "Warren", "Birdie"} & names
    assert values(rows, "Warren Quellmark", "role") == {"pilot", "astronaut"}  # an American crew member


def test_a_two_word_family_name_is_the_person_named_in_full(build_text):
    names = {r["name"] for r in people_rows(build_text, CREW_LIST)}
    assert "Tariq Al Zubaidan" in names and "Al Zubaidan" not in names


def test_a_summing_up_group_looks_back(build_text):
    rows = people_rows(build_text, CREW_LIST)
    assert values(rows, "Warren Quellmark", "nationality") == {"American"}
    assert values(rows, "Tariq Al Zubaidan", "nationality") == {"Emirati"}  # his own "of the UAE", not "Americans"
    assert values(rows, "Oleg Varnavin", "nationality") == {"Russian"}


def test_a_crew_handover_is_not_a_change_of_command(build_text):
    rows = people_rows(build_text, CREW_LIST)
    assert values(rows, "Oleg Varnavin", "role") == {"cosmonaut"}
    assert "commander" not in values(rows, "Warren Quellmark", "role")


ACTING = """HALIFAX, Nova Scotia — Ferelith Varga-Ibekwe came back from orbit on Saturday after 277 days.
Ground Control told the crew to wait, and the White House said it was pleased.
"""


def test_a_name_before_a_verb_only_people_do_is_a_person_and_an_office_is_not(build_text):
    names = {r["name"] for r in people_rows(build_text, ACTING)}
    assert names == {"Ferelith Varga-Ibekwe"}


PARTICLES = """Commander Ysmael Okafor-van der Brink splashed down off Durban on March 3, 2031.
Okafor-van der Brink, a 51-year-old Dutch astronaut, was joined by pilot Renzo de la Cruz-Almagro, 44.
He handed command to Teodora Lindqvist-Amani, a New Zealander who arrived in January.
"""


def test_a_family_name_with_particles_and_hyphens_is_one_person(build_text):
    names = {r["name"] for r in people_rows(build_text, PARTICLES)}
    assert {"Ysmael Okafor-van der Brink", "Renzo de la Cruz-Almagro"} <= names
    assert not names & {"Ysmael Okafor", "Okafor-van", "Brink", "Renzo de la Cruz"}


def test_a_name_described_by_a_nationality_noun_is_a_person(build_text):
    rows = people_rows(build_text, PARTICLES)
    assert {r["nationality"] for r in rows if r["name"] == "Teodora Lindqvist-Amani"} == {"New Zealander"}


def test_an_age_that_ends_the_sentence_is_an_age(build_text):
    rows = people_rows(build_text, PARTICLES)
    assert {r["age"] for r in rows if r["name"] == "Renzo de la Cruz-Almagro"} == {44}


def test_a_name_set_off_after_a_role_word_is_a_person(build_text):
    text = (
        "Her crewmates were two cosmonauts: the commander, Arkady Tsvetanov-Reyes, and the flight "
        "engineer, Bogdan Ilyasov-Mendes, who was 32.\nThe call came from Project Hadrian, a British-Soviet venture.\n"
    )
    rows = people_rows(build_text, text)
    names = {r["name"] for r in rows}
    assert {"Arkady Tsvetanov-Reyes", "Bogdan Ilyasov-Mendes"} <= names and "Project Hadrian" not in names
    assert ("Arkady Tsvetanov-Reyes", "commander") in {(r["name"], r["role"]) for r in rows}


CREW_WORDS = """HOUSTON — The capsule splashed down off Pensacola on Oct. 25, 2030, with commander Idris Vantongeren-Saleh of NASA, pilot Maren Oyelade-Fisk of the European Space Agency, mission specialist Piet Abernathy-Kuol and Roscosmos cosmonaut Gleb Sorokin-Ilyin aboard.
Vantongeren-Saleh, 48, was on his second flight.
"""


def test_a_crew_member_with_an_agency_or_country_is_an_astronaut_marked_as_inferred(build_text):
    b = build_text({"c.txt": CREW_WORDS})
    roles = {(r["name"], r["role"]) for r in kg.query(b.dataset, "people").rows}
    assert ("Idris Vantongeren-Saleh", "astronaut") in roles and ("Maren Oyelade-Fisk", "astronaut") in roles
    assert ("Gleb Sorokin-Ilyin", "cosmonaut") in roles and ("Gleb Sorokin-Ilyin", "astronaut") not in roles
    # no agency and no country: no guess
    assert not {r for n, r in roles if n == "Piet Abernathy-Kuol"} & {"astronaut", "cosmonaut"}
    found = b.dataset.query(
        """PREFIX sf: <https://w3id.org/spaceflight-kg/ontology#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?name WHERE { GRAPH ?g { ?a rdf:predicate sf:role ; rdf:subject ?p ; sf:extractor ?x .
          ?p ?label "Idris Vantongeren-Saleh" } ?x rdfs:label ?name }"""
    )
    assert "people/crew-role" in {str(r[0]) for r in found}


def test_a_role_listed_before_the_next_name_is_that_persons(build_text):
    roles = {
        (r["name"], r["role"], r["agency"]) for r in kg.query(build_text({"c.txt": CREW_WORDS}).dataset, "people").rows
    }
    assert {(r, a) for n, r, a in roles if n == "Piet Abernathy-Kuol"} == {("mission_specialist", None)}


def test_a_name_after_a_ship_prefix_or_comet_is_no_person(build_text):
    text = (
        "Astronaut Hedda Quarrington-Obi was lifted aboard USS Marrowcliff after splashdown on Feb. 8, 2031.\n"
        "The crew had photographed Comet Valkenbrug from orbit.\n"
    )
    names = {r["name"] for r in people_rows(build_text, text)}
    assert "Hedda Quarrington-Obi" in names and not {"Marrowcliff", "USS Marrowcliff", "Valkenbrug"} & names


def test_the_agency_a_pronoun_flies_for(build_text):
    text = (
        "Commander Ysolde Marrak-Tindall landed on Tuesday, Oct. 3, 2028.\n"
        "Recovery crews from the Solent Orbital Agency, the agency she flies for, reached the capsule.\n"
    )
    rows = people_rows(build_text, text)
    assert {r["agency"] for r in rows if r["name"] == "Ysolde Marrak-Tindall"} == {"Solent Orbital Agency"}


@pytest.mark.parametrize(
    ("text", "name", "agency"),
    [
        ("NASA Administrator Corwin Haldane-Price called the flight a success.", "Corwin Haldane-Price", "NASA"),
        ("In a statement, NASA's acting administrator, Odette Brannigan, thanked the crew.", "Odette Brannigan", "NASA"),
        ("Riding with Teodor Vasquez-Lind, 42, of the European Space Agency was a cosmonaut.", "Teodor Vasquez-Lind",
         "European Space Agency"),
        ("Mirela Oshiro-Banks flew for the European Space Agency as a mission specialist.", "Mirela Oshiro-Banks",
         "European Space Agency"),
        # one agency after a pair of names alike in form is both's
        ("On board were commander Arkady Voronin and flight engineer Ilya Serafimov of Roscosmos.", "Arkady Voronin",
         "Roscosmos"),
        ("Astronauts Ana Quillfeldt and Kenji Moriwake of JAXA waved.", "Ana Quillfeldt", "JAXA"),
        # "the directorate's": the organisation last so called
        ("A crew of the Solent Spaceflight Directorate docked on Friday.\n"
         "Anouk Varga-Tindall, the directorate's flight director, spoke to reporters.", "Anouk Varga-Tindall",
         "Solent Spaceflight Directorate"),
        ("The Benguela Space Agency launched its second crew.\n"
         "The agency's administrator, Sipho Marrak-Olsen, watched.", "Sipho Marrak-Olsen", "Benguela Space Agency"),
        # a distributed apposition, "also of", a long apposition, an agency's head
        ("Aboard were commander Wendeline Marsh-Obuya and pilot Corvin Tallisker, both Americans flying for NASA.",
         "Corvin Tallisker", "NASA"),
        ("Orla Demsey commanded the capsule, and Pell Ivarsson, also of NASA, was its pilot.", "Pell Ivarsson", "NASA"),
        ("With them was Satoshi Kibune, a 45-year-old Japanese astronaut of the Japan Aerospace Exploration Agency.",
         "Satoshi Kibune", "JAXA"),
        ("Tamsin Vole, the first British astronaut to fly for the European Space Agency, watched.", "Tamsin Vole",
         "European Space Agency"),
        ("Roscosmos chief Arkady Veltsin said the crew was well.", "Arkady Veltsin", "Roscosmos"),
        # an agency whose own name opens with a listed place or country
        ("With her was Joaquim Brandvik-Osei, 38, a Portuguese astronaut of the Atlantic Rim Space Office.",
         "Joaquim Brandvik-Osei", "Atlantic Rim Space Office"),
        ("Kenyan astronaut Wanjiru Kamau-Lind of the Kenya Space Agency watched the landing.", "Wanjiru Kamau-Lind",
         "Kenya Space Agency"),
        # other head words of an agency's name, and its short name defined in brackets
        ("Four astronauts of the Coral Sea Orbital Consortium (CSOC) lifted off.\n"
         "CSOC astronaut Ingrid Varro-Whitby will command the station.", "Ingrid Varro-Whitby",
         "Coral Sea Orbital Consortium"),
        ("Tariq Osei-Lund, 41, an astronaut of the Erythraean Space Cooperative, flew.", "Tariq Osei-Lund",
         "Erythraean Space Cooperative"),
    ],
)  # fmt: skip
def test_an_agency_given_around_a_name(build_text, text, name, agency):
    assert values(people_rows(build_text, text), name, "agency") == {agency}


def test_an_agency_after_a_list_of_unlike_names_is_only_the_last_ones(build_text):
    text = "Three remain: Russian cosmonaut Fyodor Ostrakov and Paolo Venturini-Lassi of the European Space Agency."
    rows = people_rows(build_text, text)
    assert values(rows, "Fyodor Ostrakov", "agency") == {None}
    assert values(rows, "Paolo Venturini-Lassi", "agency") == {"European Space Agency"}


HOMES = """Four astronauts of the Tasman Orbital Agency arrived at Pellucid Station on Sunday, May 15, 2033.
Aboard were commander Genevra Ashby-Trent, 44, of Canada, and pilot Ansgar Molle-Haugen of Norway.
Her crew were mission specialists Riitta Dela-Mwangi, from Finland, and Tomasz Iyen-Balogun of Poland.
Ndapewa Hallo-Ishikawa, a Namibian astronaut, watched from the Kalahari-Atlantic Space Authority (KASA) centre.
Ines Vukotic-Amari, a retired KASA astronaut, was there too.
"""


@pytest.mark.parametrize(
    ("name", "key", "value"),
    [
        ("Genevra Ashby-Trent", "nationality", "Canadian"),  # ", 44, of Canada,"
        ("Ansgar Molle-Haugen", "nationality", "Norwegian"),  # "of Norway"
        ("Riitta Dela-Mwangi", "nationality", "Finnish"),  # ", from Finland,"
        ("Tomasz Iyen-Balogun", "nationality", "Polish"),  # listed after a home phrase, still a person
        ("Tomasz Iyen-Balogun", "role", "mission_specialist"),  # the plural role reaches past it
        ("Ndapewa Hallo-Ishikawa", "nationality", "Namibian"),
        ("Genevra Ashby-Trent", "agency", "Tasman Orbital Agency"),  # "Four astronauts of the ..."
        ("Ines Vukotic-Amari", "agency", "Kalahari-Atlantic Space Authority"),  # its short name in brackets
    ],
)
def test_homes_and_agencies_of_a_crew(build_text, name, key, value):
    assert value in values(people_rows(build_text, HOMES), name, key)


def test_what_follows_the_first_name_of_a_list_is_not_passed_on(build_text):
    assert values(people_rows(build_text, HOMES), "Tomasz Iyen-Balogun", "nationality") == {"Polish"}


def test_a_dateline_name_before_took_is_a_person(build_text):
    text = "HOUSTON — Lucan Parmenter took charge of the station on Wednesday, Oct. 2, 2031.\n"
    assert {r["name"] for r in people_rows(build_text, text)} == {"Lucan Parmenter"}


@pytest.mark.parametrize(
    "text",
    [
        "Frank Delacourt-Venn, who commanded the outpost in 2029, watched the launch.",
        "The flight is commanded by Mei-Ling Achterholm, 44, a Norwegian astronaut.",
        "Rob Crispin-Hale, 45, commanded the five NASA astronauts.",
        "Anselm Gorbach-Teo, who led the Crew-19 mission, spoke first.",
    ],
)
def test_who_commanded_a_flight_or_a_crew_is_a_commander(build_text, text):
    rows = people_rows(build_text, text)
    assert "commander" in {r["role"] for r in rows}


def test_commanding_respect_is_no_command(build_text):
    rows = people_rows(build_text, "Ann Voskresenskaya-Lind commanded respect among engineers.")
    assert "commander" not in {r["role"] for r in rows}


def test_a_name_before_comma_who_is_a_person(build_text):
    rows = people_rows(build_text, "Anselm Gorbach-Teo, who trained for six years, spoke first.")
    assert {r["name"] for r in rows} == {"Anselm Gorbach-Teo"}


def test_a_name_after_a_two_word_role_is_a_person_whatever_the_model_says(build_text):
    text = "Pilot Tomas Ferrane-Ruiz sat beside her, with mission specialists Marguerite Thibodeau-Lanark of Canada and Kauri Penhallow-Sato in the rear seats."
    rows = people_rows(build_text, text)
    assert values(rows, "Marguerite Thibodeau-Lanark", "role") == {"mission_specialist"}
    assert values(rows, "Marguerite Thibodeau-Lanark", "nationality") == {"Canadian"}


def test_flew_as_gives_a_role_past_an_apposition_but_not_an_earthly_one(build_text):
    text = (
        "Jon Glennard, a former Mercury astronaut who now sits in the Senate, flew as a payload specialist.\n"
        "Ilse Varga-Moe flew as one of two mission specialists.\n"
        "Ann Quillon-Baptiste, 44, flew as a fighter pilot in the navy.\n"
    )
    rows = people_rows(build_text, text)
    assert "payload_specialist" in values(rows, "Jon Glennard", "role")
    assert "mission_specialist" in values(rows, "Ilse Varga-Moe", "role")
    assert "pilot" not in values(rows, "Ann Quillon-Baptiste", "role")


def test_a_definite_age_phrase_refers_to_the_person_just_named(build_text):
    text = (
        "Orla Fenwick-Adeyemi came home on Friday.\n"
        "The capsule carrying the 57-year-old geologist landed at dawn.\n"
        "Bram Okonjo-Vetter met reporters later.\n"
        "The 49-year-old said the flight had gone well.\n"
    )
    rows = people_rows(build_text, text)
    assert values(rows, "Orla Fenwick-Adeyemi", "age") == {57}
    assert values(rows, "Bram Okonjo-Vetter", "age") == {49}
    assert {r["name"] for r in rows} == {"Orla Fenwick-Adeyemi", "Bram Okonjo-Vetter"}


def test_an_age_phrase_about_a_thing_is_no_person(build_text):
    rows = people_rows(build_text, "Orla Fenwick-Adeyemi left the 13-year-old station on Friday.")
    assert values(rows, "Orla Fenwick-Adeyemi", "age") == {None}


def test_a_two_word_role_set_off_by_commas(build_text):
    text = "With her flew the pilot, Ravi Sundaresh-Okoro, 38, and the mission specialist, Ines Holmqvist-Abara, 36, a physician."
    rows = people_rows(build_text, text)
    assert "mission_specialist" in values(rows, "Ines Holmqvist-Abara", "role")
    assert "pilot" in values(rows, "Ravi Sundaresh-Okoro", "role")


def test_a_counted_group_takes_an_unlisted_agency_by_its_short_name(build_text):
    text = (
        "The capsule of the Coral Sea Orbital Agency (CSOA) splashed down on Friday.\n"
        "Flying with the commander were three other CSOA astronauts: Tane Whareaitu-Lind, Mele Fonua-Graves and Sione Kaufana-Berg.\n"
    )
    rows = people_rows(build_text, text)
    for name in ("Tane Whareaitu-Lind", "Mele Fonua-Graves", "Sione Kaufana-Berg"):
        assert values(rows, name, "agency") == {"Coral Sea Orbital Agency"}, name


def test_commanding_the_mission_is_x_and_an_agency_after_a_long_apposition(build_text):
    text = (
        "Commanding the mission is Orla Brennock-Tiwari, 61, a former NASA astronaut who now directs flights at "
        "Axiom Space.\n"
        "Beside her sat the pilot, Devang Rautela-Moss, 39, a group captain in the air force who flies for the "
        "Indian Space Research Organisation.\n"
    )
    rows = people_rows(build_text, text)
    assert "commander" in values(rows, "Orla Brennock-Tiwari", "role")
    assert "NASA" not in values(rows, "Orla Brennock-Tiwari", "agency")  # a former employer
    assert values(rows, "Devang Rautela-Moss", "agency") == {"Indian Space Research Organisation"}


def test_a_pair_sharing_an_age_and_a_count_followed_by_one_more(build_text):
    text = (
        "BAIKONUR, Kazakhstan — Two Russian cosmonauts and an American astronaut reached the station on Friday.\n"
        "The rocket carried commander Oleg Novak-Rusin and flight engineers Pyotr Dubinin-Lee and Mark Vandermeer.\n"
        "Commander Frank Bormann-Ruiz and pilot Jim Lovering, both 37, flew next.\n"
    )
    rows = people_rows(build_text, text)
    assert values(rows, "Pyotr Dubinin-Lee", "nationality") == {"Russian"}
    assert values(rows, "Oleg Novak-Rusin", "role") >= {"cosmonaut", "commander"}
    assert "Russian" not in values(rows, "Mark Vandermeer", "nationality")
    assert values(rows, "Frank Bormann-Ruiz", "age") == {37} and values(rows, "Jim Lovering", "age") == {37}


def test_a_plural_role_passes_over_an_age_and_a_home(build_text):
    text = (
        "The capsule splashed down off Chichijima, in Japan's Ogasawara Islands, on Friday.\n"
        "The other crew members were flight engineers Kazane Ibarra-Tsuki, 46, of Japan and Oyun Castell-Dorj, 39, "
        "of Mongolia.\n"
    )
    rows = people_rows(build_text, text)
    assert "flight_engineer" in values(rows, "Oyun Castell-Dorj", "role")
    assert values(rows, "Oyun Castell-Dorj", "nationality") == {"Mongolian"}
    assert "Ogasawara Islands" not in {r["name"] for r in rows}


def test_cities_the_model_calls_people_are_places(build_text):
    text = (
        "The three had lifted off on Sept. 14, 2033, from Punta Lobos, south of Lima, aboard the Suri-9 capsule.\n"
        "Flight director Ilka Varo-Mendes said the astronauts would be flown to La Paz for medical checks.\n"
    )
    rows = people_rows(build_text, text)
    assert {r["name"] for r in rows} == {"Ilka Varo-Mendes"}


def test_the_first_name_of_a_list_opening_the_text_is_a_person(build_text):
    text = "Nicola Mannheim-Oru, Josh Cassavet and Anna Kikova-Lind lifted off aboard Crew-45 on Oct. 5, 2032.\n"
    rows = people_rows(build_text, text)
    assert {r["name"] for r in rows} == {"Nicola Mannheim-Oru", "Josh Cassavet", "Anna Kikova-Lind"}


def test_an_agency_head_and_names_listed_past_an_agency(build_text):
    rows = people_rows(
        build_text,
        "Roscosmos chief Arkady Veltsin watched. On board were mission specialists Haruto Minegishi of the Japan "
        "Aerospace Exploration Agency and Ilya Brevnov.",
    )
    assert values(rows, "Arkady Veltsin", "role") == {"administrator"}
    assert values(rows, "Ilya Brevnov", "role") == {"mission_specialist"}  # the model alone misses the name


def test_a_name_further_on_ends_an_apposition_without_undoing_it(build_text):
    rows = people_rows(
        build_text,
        "Chris Sembrovski, 42, an Air Force veteran and data engineer at Lockheed Martin, flew too. The other was "
        "Chris Boshuyzen, an Australian who co-founded the satellite imaging company Planet Labs.",
    )
    assert values(rows, "Chris Sembrovski", "role") == {"engineer"}
    assert values(rows, "Chris Boshuyzen", "nationality") == {"Australian"}


@pytest.mark.parametrize(
    ("text", "name", "nationality"),
    [
        ("Dalia Fenwick-Oro, the first American woman to travel into space, landed.", "Dalia Fenwick-Oro", "American"),
        ("Joran Vesk, the first Emirati to fly in space, waved.", "Joran Vesk", "Emirati"),
        ("The record had belonged to Pavel Ostrin, another Russian, since 2015.", "Pavel Ostrin", "Russian"),
        ("Lucan Parrimo, an Italian air force pilot, took command.", "Lucan Parrimo", "Italian"),
        ("The pilot was Teodor Vaszarin, 39, a Hungarian test pilot.", "Teodor Vaszarin", "Hungarian"),
        ("Belarusian President Aleksei Lukin watched the launch.", "Aleksei Lukin", "Belarusian"),
        ("On board was American businessman Gregor Olsten.", "Gregor Olsten", "American"),
    ],
)  # fmt: skip
def test_a_demonym_that_describes_the_person(build_text, text, name, nationality):
    assert values(people_rows(build_text, text), name, "nationality") == {nationality}


def test_a_demonym_that_describes_a_thing_is_no_nationality(build_text):
    rows = people_rows(build_text, "Tomas Reylan, a Russian capsule designer, watched from Baikonur.")
    assert values(rows, "Tomas Reylan", "nationality") == {None}


def test_an_agency_said_of_a_sized_crew_or_of_all_of_them(build_text):
    text = (
        "A three-person crew from the Benguela Space Agency splashed down in the Indian Ocean on Monday.\n"
        "The capsule carried commander Ilse Marrow-Quint, flight engineer Teodor Ashby-Vance and mission "
        "specialist Runa Kellgren-Obi.\n"
        "The flight was led by commander Nadia Okafor-Lund, 51. Her crew were pilot Matteus Orrego-Lind of Chile and "
        "mission specialists Riitta Delamere, from Finland, and Tomasz Ivory-Balo of Poland. All four are NASA astronauts.\n"
    )
    rows = people_rows(build_text, text)
    for name in ("Ilse Marrow-Quint", "Teodor Ashby-Vance", "Runa Kellgren-Obi"):
        assert values(rows, name, "agency") == {"Benguela Space Agency"}, name
    for name in ("Nadia Okafor-Lund", "Matteus Orrego-Lind", "Riitta Delamere", "Tomasz Ivory-Balo"):
        assert values(rows, name, "agency") == {"NASA"}, name
        assert "astronaut" in values(rows, name, "role"), name


def test_a_plural_two_word_role_over_the_names_it_counts(build_text):
    text = (
        "Orla Venn-Castell left the airlock on Thursday with fellow astronaut Ravi Oduya-Plate.\n"
        "The two mission specialists, clipped to tethers, tested a fuel valve.\n"
        "Rounding out the crew are two payload specialists, Canadian Marcel Garrow-Lind and Piet Scully-Haver.\n"
        "The two flight engineers are Ines Korvald-Sato and Umar Petrakis-Lee.\n"
    )
    rows = people_rows(build_text, text)
    for name in ("Orla Venn-Castell", "Ravi Oduya-Plate"):
        assert "mission_specialist" in values(rows, name, "role"), name
    for name in ("Marcel Garrow-Lind", "Piet Scully-Haver"):
        assert "payload_specialist" in values(rows, name, "role"), name
    for name in ("Ines Korvald-Sato", "Umar Petrakis-Lee"):
        assert "flight_engineer" in values(rows, name, "role"), name
    assert "flight_engineer" not in values(rows, "Orla Venn-Castell", "role")


def test_no_time_zone_name_is_taken_for_a_person(build_text):
    """Every zone phrase of two capitalised words or more ('Alaska Daylight Time') after a clock time
    stays part of the time: none becomes a person."""
    from kg.normalize.times import zone_table

    # keys are lower case: written as a newspaper would ('Alaska Daylight Time'), tz-database city names aside
    phrases = sorted(
        " ".join(w[:1].upper() + w[1:] for w in p.split())
        for p in zone_table()
        if len(p.split()) >= 3 and not p.isupper()
    ) + ["Alaska Daylight Time", "Hawaii-Aleutian Standard Time", "New Zealand Daylight Time"]
    text = "".join(
        f"Astronaut Odile Varga-Maret landed at {h % 12 + 1}:15 a.m. {p} on Friday.\n" for h, p in enumerate(phrases)
    )
    rows = people_rows(build_text, text)
    assert {r["name"] for r in rows} == {"Odile Varga-Maret"}


def test_an_agency_said_of_both_or_all_names_before_it(build_text):
    text = (
        "On board were astronauts Ysmay Pradhan-Okoro, the mission commander, and Tavish Lindqvist-Amaru, "
        "the pilot, both of the Boreal Orbital Agency.\n"
        "Waiting on the station were Odalys Brennan-Sato and Kwabena Ferrante, neither of them on the flight.\n"
    )
    rows = people_rows(build_text, text)
    assert values(rows, "Ysmay Pradhan-Okoro", "agency") == {"Boreal Orbital Agency"}
    assert values(rows, "Tavish Lindqvist-Amaru", "agency") == {"Boreal Orbital Agency"}
    assert values(rows, "Kwabena Ferrante", "agency") == {None}
