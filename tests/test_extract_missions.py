"""Stage 'missions' (and the group mentions it relies on) on small invented articles."""

from __future__ import annotations

import pytest

import kg


def crew_of(build_text, text: str, mission: str) -> set[str]:
    """Names of the crew the graph of one article gives a mission (by its name)."""
    crew = kg.query(build_text({"a.txt": text}).dataset, "crew").rows
    return {r["personName"] for r in crew if r["missionName"] == mission}


SPLASHDOWN = """Four astronauts came home on Sunday, ending Crew-14 after a long stay in orbit.
The Crew Dragon Fortitude hit the water at 3:12 a.m. EDT on May 9, 2027, off Pensacola.
It was the first night splashdown since Apollo 8 came back in 1968.
Aboard were NASA astronauts Oren Valcourt, Mireille Dasgupta and Tobias Achebe-Lund, together with Kenji Ashworth-Obi of the Japan Aerospace Exploration Agency.
They had spent 171 days in space.
"""

COUNTED = """Three Chinese astronauts landed in Inner Mongolia on Saturday, April 17, 2027.
Mission commander Liang Haoyu, Tan Meixi and Qiao Wenbo had spent 182 days in orbit, about twice as long as the crew of Shenzhou-31.
Liang first flew in 2019 on Shenzhou-29.
"""


def rows(build, name):
    return kg.query(build.dataset, name).rows


def test_crew_listed_after_the_flight_joins_the_main_flight_not_a_compared_one(build_text):
    b = build_text({"s.txt": SPLASHDOWN})
    crew = {(r["missionName"], r["personName"]) for r in rows(b, "crew")}
    names = {"Oren Valcourt", "Mireille Dasgupta", "Tobias Achebe-Lund", "Kenji Ashworth-Obi"}
    assert {p for m, p in crew if m == "Crew-14"} == names
    assert not {p for m, p in crew if m == "Apollo 8"}
    durations = {(r["name"], r["durationDays"]) for r in rows(b, "missions")}
    assert ("Crew-14", 171) in durations


def test_a_landing_on_the_day_of_a_splashdown_is_that_splashdown(build_text):
    b = build_text({"s.txt": SPLASHDOWN})
    types = {r["type"] for r in rows(b, "events")}
    assert "splashdown" in types and "landing" not in types
    people = {r["participant"] for r in rows(b, "events") if r["type"] == "splashdown"}
    assert "Oren Valcourt" in people


def test_a_counted_group_is_the_people_named_next(build_text):
    b = build_text({"c.txt": COUNTED})
    people = rows(b, "people")
    for name in ("Liang Haoyu", "Tan Meixi", "Qiao Wenbo"):
        assert {r["nationality"] for r in people if r["name"] == name} == {"Chinese"}
        assert "astronaut" in {r["role"] for r in people if r["name"] == name}
    landing = [r for r in rows(b, "events") if r["type"] == "landing"]
    assert len({str(r["participant"]) for r in landing}) == 3


def test_a_stay_the_sentence_does_not_name_is_the_main_flight_of_all_listed(build_text):
    b = build_text({"c.txt": COUNTED})
    crew = {(r["missionName"], r["personName"]) for r in rows(b, "crew")}
    by_mission = {r["name"]: r["durationDays"] for r in rows(b, "missions") if r["durationDays"] is not None}
    assert 182 not in {d for n, d in by_mission.items() if n == "Shenzhou-29"}
    assert {p for m, p in crew if m == "Shenzhou-29"} == {"Liang Haoyu"}


ONE_A_SENTENCE = """Aboard were four Americans.
Pell Oduya-Strand, 38, paid for the flight and served as its commander.
Rafe Lindqvist-Amaro, 51, was the pilot.
Inez Castellanos-Bright, 29, acted as medical officer, and Tomasz Adeyemi-Holt, 42, flew as mission specialist.
The amateur astronauts had blasted off on Wednesday, Sept. 15, 2027, from Kennedy Space Center.
"""


def test_a_counted_group_gathers_names_over_the_next_sentences(build_text):
    b = build_text({"o.txt": ONE_A_SENTENCE})
    people = rows(b, "people")
    names = {"Pell Oduya-Strand", "Rafe Lindqvist-Amaro", "Inez Castellanos-Bright", "Tomasz Adeyemi-Holt"}
    for name in names:
        assert {r["nationality"] for r in people if r["name"] == name} == {"American"}
    launch = {r["participant"] for r in rows(b, "events") if r["type"] == "launch"}
    assert launch == names  # "the amateur astronauts" are the four


def test_the_counted_group_looks_back(build_text):
    text = (
        "Cosmonaut Irina Volskaya-Mbeki lifted off aboard Vostok 9 on June 3, 2027.\n"
        "Cosmonaut Pavel Oyelaran-Sorin had launched aboard Vostok 8 a day earlier, and the two cosmonauts "
        "talked by radio.\n"
        "Pavel Oyelaran-Sorin beat the 94 hours that cosmonaut Anton Brisk-Ward had logged.\n"
    )
    b = build_text({"t.txt": text})
    crew = {(r["missionName"], r["personName"]) for r in rows(b, "crew")}
    assert ("Vostok 9", "Anton Brisk-Ward") not in crew and ("Vostok 8", "Anton Brisk-Ward") not in crew


EARLIER = """Astronaut Ondine Farrow-Kessel landed on June 2, 2030, after 190 days on the station.
Farrow-Kessel first flew on the shuttle Atlantis in 2009.
Before joining the agency in 2017, astronaut Bram Osei-Lund flew fighter jets over the Pacific.
"""


def test_an_earlier_flight_dated_by_its_year(build_text):
    b = build_text({"e.txt": EARLIER})
    missions = rows(b, "missions")
    crew = {(str(r["mission"]), r["personName"]) for r in rows(b, "crew")}
    earlier = [r for r in missions if str(r["start"]) == "2009"]
    assert earlier and {r["spacecraft"] for r in earlier} == {"Space Shuttle Atlantis"}
    assert (str(earlier[0]["mission"]), "Ondine Farrow-Kessel") in crew
    assert not [r for r in missions if str(r["start"]) == "2017"]  # a career step, not a flight


def test_a_planned_stay_gives_no_length(build_text):
    text = (
        "Soyuz MS-41 lifted off from the Baikonur Cosmodrome on March 23, 2029, with cosmonaut Ruta Adamaityte-Kole.\n"
        "Adamaityte-Kole is to spend about 12 days aboard before returning on April 6.\n"
    )
    missions = rows(build_text({"p.txt": text}), "missions")
    assert 12 not in {r["durationDays"] for r in missions}


def test_a_clause_with_its_own_subject_and_craft_is_not_the_flights_crew(build_text):
    text = (
        "Cosmonaut Vera Ilyushkina-Dorn flew alone aboard Vostok 9 in June 1968, and cosmonaut Olga Brandt-Saar "
        "spent about a week on the Salyut 7 space station in 1982.\n"
        "Commander Ivo Marek-Lund, who led the Soyuz T-19 mission, and Pavel Ostrova-Kim, who flew as engineer, "
        "returned in 1985.\n"
    )
    crew = {(r["missionName"], r["personName"]) for r in rows(build_text({"c.txt": text}), "crew")}
    assert ("Vostok 9", "Vera Ilyushkina-Dorn") in crew and ("Vostok 9", "Olga Brandt-Saar") not in crew
    assert {p for m, p in crew if m == "Soyuz T-19"} == {"Ivo Marek-Lund", "Pavel Ostrova-Kim"}


def test_a_time_offset_or_a_planned_total_is_no_length(build_text):
    text = (
        "Astronaut Noor Halvard-Essien splashed down off Halifax on May 21, 2033, after 277 days in orbit.\n"
        "On Wednesday, three days before leaving the station, she handed command to Sverre Oduya-Lind.\n"
        "If the next flight ends on schedule, Oduya-Lind will come home with about 1,110 days in space.\n"
    )
    durations = {r["durationDays"] for r in rows(build_text({"o.txt": text}), "missions")} - {None}
    assert durations == {277}


def test_a_designation_after_the_word_mission_is_a_flight_without_a_craft(build_text):
    text = (
        "The crew of mission QRX-21 lifted off at 07:14 CEST on Sept. 13, 2033, from Andøya Spaceport. "
        "Commander Liesel Okonkwo-Varga flew the Gannet-9 capsule.\n"
    )
    b = build_text({"m.txt": text})
    names = {r["name"] for r in rows(b, "missions")}
    assert "QRX-21" in names
    people = {r["name"] for r in kg.query(b.dataset, "people").rows}
    assert "Andøya Spaceport" not in people


def test_a_skylab_crew_flight_is_a_named_mission_to_the_station(build_text):
    text = "The Skylab 5 crew splashed down in the Pacific on Feb. 8, 2031, after 91 days aboard Skylab.\n"
    b = build_text({"s.txt": text})
    assert {(r["name"], r["spacecraft"]) for r in rows(b, "missions")} >= {("Skylab 5", "Skylab")}


SEATS = """The Crew Dragon Perseverance splashed down off Pensacola at 10:33 p.m. EST on Nov. 8, 2029, bringing the Crew-21 mission to a close after 199 days.
The capsule had undocked from the station at 2:05 p.m. EST.
Odile Marchetti-Vance, 43, flew for the European Space Agency as one of two mission specialists, alongside Japanese astronaut Kenta Ishimoto-Berg.
NASA's Wren Calloway-Ibsen commanded the spacecraft, and Lio Brightwater-Oka, also of NASA, was its pilot.
"""


def test_crew_named_in_their_seats_after_the_flight_joins_it(build_text):
    b = build_text({"s.txt": SEATS})
    crew = {r["personName"] for r in rows(b, "crew") if r["missionName"] == "Crew-21"}
    assert {"Odile Marchetti-Vance", "Wren Calloway-Ibsen", "Lio Brightwater-Oka"} <= crew


RIDE = """The Crew Dragon Constancy hit the sea at 5:57 p.m. EDT on March 18, 2029, off the coast of Tallahassee.
It ended a 286-day stay in orbit for Ilse Brandvold-Okafor and Teodor Marsh-Ilunga.
Sharing the ride were NASA's Pavel Quist-Amani and cosmonaut Arseny Volkhov-Reyes.
"""


def test_a_ride_shared_after_a_splashdown_is_its_crew(build_text):
    b = build_text({"r.txt": RIDE})
    riders = {r["participant"] for r in rows(b, "events") if r["type"] == "splashdown"}
    assert {"Ilse Brandvold-Okafor", "Teodor Marsh-Ilunga", "Pavel Quist-Amani", "Arseny Volkhov-Reyes"} <= riders


TWO_SOYUZ = """HOUSTON — Astronaut Orrin Feldspar-Muñoz came back on Saturday after 371 days in orbit.
He and cosmonauts Ilya Varnak-Oduya and Dmitri Solovetsky-Bain landed in their Soyuz MS-41 capsule at 7:17 a.m. EDT on Sept. 27, 2031.
The three launched from the Baikonur Cosmodrome on Sept. 21, 2030, aboard Soyuz MS-40.
"""


def test_a_stay_up_on_one_soyuz_and_home_on_another_is_one_mission(build_text):
    b = build_text({"s.txt": TWO_SOYUZ})
    stay = {
        (r["name"], r["spacecraft"], str(r["start"]), str(r["end"]))
        for r in rows(b, "missions")
        if r["durationDays"] == 371
    }
    assert ("Soyuz MS-41", "Soyuz MS-40", "2030-09-21", "2031-09-27") in stay
    launch = {r["participant"] for r in rows(b, "events") if r["type"] == "launch"}
    assert "Orrin Feldspar-Muñoz" in launch


def test_seats_of_the_storys_flight_make_its_crew_marked_as_inferred(build_text):
    text = (
        "The Crew-31 capsule lifted off from Kennedy Space Center at 2:19 p.m. EST on Oct. 29, 2031.\n"
        "Astronaut Ilse Marrow-Quinn rode along on her second flight.\n"
        "This time she shared the cabin with three crewmates.\n"
        "Curtis Braunfeld commanded the flight and Stevan Lindqvist-Oto served as pilot.\n"
        "The mission specialists were Scott Paravicini and Pedro Duquesne-Amar.\n"
        "In 2019 Hana Voskuijlen flew as a mission specialist on a shuttle.\n"
    )
    b = build_text({"c.txt": text})
    crew = {r["personName"] for r in kg.query(b.dataset, "crew").rows if r["missionName"] == "Crew-31"}
    assert {"Curtis Braunfeld", "Stevan Lindqvist-Oto", "Scott Paravicini", "Pedro Duquesne-Amar"} <= crew
    assert "Hana Voskuijlen" not in crew
    found = b.dataset.query(
        """PREFIX sf: <https://w3id.org/spaceflight-kg/ontology#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?name WHERE { GRAPH ?g {
          ?a rdf:predicate sf:crewMember ; rdf:object ?p ; sf:extractor ?x } ?x rdfs:label ?name .
          ?p skos:prefLabel "Pedro Duquesne-Amar" }"""
    )
    assert {str(r[0]) for r in found} == {"missions/crew-by-role"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The mission, designated PSA-7, was commanded by Oren Valcourt-Mbeki.",
        "Flight PSA-7 was commanded by Oren Valcourt-Mbeki.",
        "The PSA-7 crew was led by commander Oren Valcourt-Mbeki.",
    ],
)
def test_an_unlisted_designation_names_the_flight(build_text, sentence):
    text = f"{sentence}\nThe capsule splashed down off Perth on May 4, 2032, after 190 days in orbit.\n"
    crew = kg.query(build_text({"a.txt": text}).dataset, "crew").rows
    assert {(r["missionName"], r["personName"]) for r in crew} == {("PSA-7", "Oren Valcourt-Mbeki")}


def test_all_three_is_the_three_just_named_but_not_in_a_quote(build_text):
    text = (
        "Commander Ilka Rautavaara-Osei came home with flight engineers Femi Lindahl-Ocampo and Jun Aizawa-Brenner.\n"
        "All three had launched together on June 3, 2032, aboard the Skiff-4 capsule from Kourou.\n"
    )
    launch = {
        r["participant"] for r in kg.query(build_text({"a.txt": text}).dataset, "events").rows if r["type"] == "launch"
    }
    assert launch == {"Ilka Rautavaara-Osei", "Femi Lindahl-Ocampo", "Jun Aizawa-Brenner"}


def test_a_flight_of_n_days_is_its_length(build_text):
    text = (
        "The Soyuz MS-61 capsule carrying Odile Marchetti-Kwan and cosmonaut Pavel Drozdin-Eke landed near Arkalyk "
        "on April 20, 2031, ending a flight of 220 days.\n"
    )
    missions = kg.query(build_text({"a.txt": text}).dataset, "missions").rows
    assert {(r["name"], r["durationDays"]) for r in missions} >= {("Soyuz MS-61", 220)}


def test_a_named_flight_that_lands_after_a_flight_of_n_days_without_people(build_text):
    text = (
        "Cosmonauts Arkady Velt-Sorokin and Dana Ilyushkina-Moor lifted off aboard Soyuz T-40 on 17 July 1989.\n"
        "Soyuz T-40 landed southeast of Dzhezkazgan on 29 July 1989 after a flight of 11 days and 19 hours.\n"
    )
    b = build_text({"a.txt": text})
    missions = kg.query(b.dataset, "missions").rows
    assert {r["name"] for r in missions} == {"Soyuz T-40"}  # no flight called 'T-40'
    assert {r["durationDays"] for r in missions} == {11}


def test_their_flight_had_lasted_is_the_groups_flight(build_text):
    text = (
        "Commander Yuri Belenko-Rask, Anton Shtyrov-Lee and Marat Issayev-Grant lifted off aboard Soyuz 60 on June 6, 2031.\n"
        "They docked with the station a day later.\n"
        "The crew worked through a long list of experiments, and they filmed the Earth.\n"
        "Their flight had lasted 23 days, 18 hours and 21 minutes, beating the record of 17 days set by Ilya "
        "Nikov-Berg and Vitas Sevan-Ruiz aboard Soyuz 59.\n"
    )
    missions = kg.query(build_text({"a.txt": text}).dataset, "missions").rows
    assert {r["durationDays"] for r in missions if r["name"] == "Soyuz 60"} == {23}


@pytest.mark.parametrize(
    ("text", "crew"),
    [
        (
            "Soyuz T-41 docked with Salyut 7 the next day, and its crew, Ivo Kask-Merin and Lida Orlova-Pym, "
            "joined the station's resident cosmonauts, Gleb Tarasov-Inn and Oleg Zhurin-Sato.",
            {"Ivo Kask-Merin", "Lida Orlova-Pym"},
        ),
        (
            "Soyuz T-41 docked with Salyut 7 with commander Ivo Kask-Merin aboard, joined by Lida Orlova-Pym and "
            "Gleb Tarasov-Inn.",
            {"Ivo Kask-Merin", "Lida Orlova-Pym", "Gleb Tarasov-Inn"},
        ),
    ],
)
def test_people_a_crew_joined_aboard_are_not_its_members(build_text, text, crew):
    rows = kg.query(build_text({"a.txt": text + "\n"}).dataset, "crew").rows
    assert {r["personName"] for r in rows if r["missionName"] == "Soyuz T-41"} == crew


def test_a_stay_range_in_a_sentence_naming_an_earlier_flight_dates_that_flight(build_text):
    text = (
        "Astronaut Remy Castagnet-Obi splashed down aboard Crew-40 on Nov. 8, 2031, after launching on April 23, 2031.\n"
        "Counting his first flight, a 196-day stay on the station from November 2026 to June 2027 for which he rode up "
        "in Soyuz MS-70, Castagnet-Obi has now spent 396 days in orbit.\n"
        "For roughly the last five weeks of the mission Castagnet-Obi was in charge of the station.\n"
    )
    missions = kg.query(build_text({"a.txt": text}).dataset, "missions").rows
    dates = {(r["name"], str(r["start"]), str(r["end"])) for r in missions}
    assert ("Soyuz MS-70", "2026-11", "2027-06") in dates
    assert not any(r["name"] == "Crew-40" and str(r["end"]) == "2027-06" for r in missions)
    assert 35 not in {r["durationDays"] for r in missions}


def test_the_long_name_of_an_axiom_flight_is_its_short_one_and_seats_make_its_crew(build_text):
    text = (
        "Axiom Mission 9, known as Ax-9, lifted off from Kennedy Space Center on June 25, 2031.\n"
        "Commanding the mission is Orla Brennock-Tiwari, 61, of Axiom Space.\n"
        "Beside her sat the pilot, Devang Rautela-Moss, 39.\n"
    )
    crew = kg.query(build_text({"a.txt": text}).dataset, "crew").rows
    assert len({r["mission"] for r in crew}) == 1
    assert {r["personName"] for r in crew} == {"Orla Brennock-Tiwari", "Devang Rautela-Moss"}


def test_a_crew_named_with_their_flight_is_not_lent_to_an_earlier_one_named_later(build_text):
    text = (
        "The capsule closed Ax-9, with Orla Brennock-Tiwari, Devang Rautela-Moss, Ines Carvalho-Lund and "
        "Piet Vos-Amari aboard.\n"
        "For Brennock-Tiwari the mission was a second Axiom command, after she led Ax-7 to the station in "
        "April 2029.\n"
        "Because all four crew members flew under European flags, Axiom billed the flight as the first all-European "
        "commercial crew.\n"
    )
    assert "Devang Rautela-Moss" not in crew_of(build_text, text, "Ax-7")


def test_a_counted_group_after_an_opening_phrase_looks_ahead(build_text):
    text = (
        "Fifty years ago this week, three NASA astronauts dropped into the Pacific aboard Apollo 40.\n"
        "Ships picked up commander Ansel Korvath-Lind, Rhea Dunmore-Oti and Benedikt Saar-Moreno.\n"
    )
    rows = kg.query(build_text({"a.txt": text}).dataset, "people").rows
    agencies = {r["name"]: r["agency"] for r in rows}
    assert agencies == {"Ansel Korvath-Lind": "NASA", "Rhea Dunmore-Oti": "NASA", "Benedikt Saar-Moreno": "NASA"}


def test_them_after_among_a_list_of_things_is_no_crew(build_text):
    text = (
        "Commander Ansel Korvath-Lind and Rhea Dunmore-Oti launched aboard Apollo 40 on April 11, 2031.\n"
        "Korvath-Lind was a veteran of three earlier missions, among them Apollo 38 in December 2028.\n"
    )
    assert "Rhea Dunmore-Oti" not in crew_of(build_text, text, "Apollo 38")


def test_two_crewmates_named_after_are_the_pair(build_text):
    text = (
        "Commander Jing Haorun-Li landed aboard Shenzhou-40 on Oct. 31, 2031.\n"
        "His two crewmates were on their first flights.\n"
        "Zhu Yanqiu-Ma, the flight engineer, is a trained engineer.\n"
        "Gui Haoming-Xu, the payload specialist, is a scientist.\n"
    )
    assert crew_of(build_text, text, "Shenzhou-40") == {
        "Jing Haorun-Li",
        "Zhu Yanqiu-Ma",
        "Gui Haoming-Xu",
    }


def test_people_greeting_a_crew_are_not_the_flight_named_after_them(build_text):
    text = (
        "Crew-40 docked with the station on March 16, 2031.\n"
        "Waiting to greet them were NASA's Don Pettersen-Ray, cosmonaut Alexei Ovchar-Lind and the four members "
        "of Crew-39.\n"
    )
    assert not crew_of(build_text, text, "Crew-39") & {"Don Pettersen-Ray", "Alexei Ovchar-Lind"}


def test_a_lede_counted_group_with_nobody_before_looks_ahead(build_text):
    text = (
        "HOUSTON — The three astronauts who repaired the station came home on Friday.\n"
        "Pete Corrigan-Vale, Jo Kerwick-Ade and Paul Weissmann-Obi splashed down off San Diego on June 22, 2033.\n"
    )
    rows = kg.query(build_text({"a.txt": text}).dataset, "people").rows
    assert {r["name"] for r in rows if r["role"] == "astronaut"} == {
        "Pete Corrigan-Vale",
        "Jo Kerwick-Ade",
        "Paul Weissmann-Obi",
    }


def test_a_lettered_gemini_flight_is_not_the_numbered_one(build_text):
    text = "Wally Schirrmann and Tom Stafforde launched aboard Gemini 16A on Dec. 15, 2031, after Gemini 16 was cancelled.\n"
    missions = {r["name"] for r in kg.query(build_text({"a.txt": text}).dataset, "missions").rows}
    assert {"Gemini 16A", "Gemini 16"} <= missions
    assert crew_of(build_text, text, "Gemini 16A") == {"Wally Schirrmann", "Tom Stafforde"}


CAREER = """BEIJING — Astronaut Jing Haorun landed on Friday, April 3, 2026, after six months aboard Tiangong.
He first went to space on Shenzhou-7 in 2008, commanded Shenzhou-9 when it docked with the Tiangong-1 laboratory in 2012, and in 2016 spent 33 days in orbit on Shenzhou-11 with fellow astronaut Chen Dongming.
The mission was the third flight for Nie Wenjie, who had flown on Shenzhou-6 in 2005 and on Shenzhou-10 in 2013.
"""


def test_each_earlier_flight_of_a_list_takes_the_year_and_length_of_its_own_clause(build_text):
    b = build_text({"a.txt": CAREER})
    missions = {(r["name"], r["spacecraft"], str(r["start"]), r["durationDays"]) for r in rows(b, "missions")}
    assert missions == {
        ("Shenzhou-7", "Shenzhou-7", "2008", None),
        ("Shenzhou-9", "Shenzhou-9", "2012", None),
        ("Shenzhou-9", "Tiangong-1", "2012", None),
        ("Shenzhou-11", "Shenzhou-11", "2016", 33),
        ("Shenzhou-6", "Shenzhou-6", "2005", None),
        ("Shenzhou-10", "Shenzhou-10", "2013", None),
    }  # and Tiangong-1, which Shenzhou-9 docked with, is not Shenzhou-7's


def test_an_event_of_a_list_of_flights_takes_its_own_clauses_date_crew_and_vehicle(build_text):
    text = (
        "BEIJING — Three astronauts reached Tiangong on Friday, Nov. 30, 2029.\n"
        "Fei Junlong-Ma had flown Shenzhou-31 in 2025, and Shenzhou-38 docked with Tiangong at 5:42 a.m. "
        "Beijing time on Friday.\n"
    )
    b = build_text({"a.txt": text})
    docking = [r for r in rows(b, "events") if r["type"] == "docking"]
    assert {(str(r["date"]), r["vehicle"], r["participant"]) for r in docking} == {("2029-11-30", "Shenzhou-38", None)}
    assert crew_of(build_text, text, "Shenzhou-38") == set()


def test_an_earlier_holders_stay_is_dated_by_the_years_after_its_length(build_text):
    text = (
        "HOUSTON — Astronaut Dorota Vellacourt landed in Kazakhstan on Friday, May 9, 2031, after 372 days aboard the "
        "International Space Station.\n"
        "That beat the previous national mark of 212 days, set by astronaut Lucan Brassel-Moe, who lived on the "
        "station in 2024 and 2025.\n"
    )
    missions = kg.query(build_text({"a.txt": text}).dataset, "missions").rows
    assert {(str(r["start"]), str(r["end"])) for r in missions if r["durationDays"] == 212} == {("2024", "2025")}


def test_one_persons_stays_of_other_years_stay_apart_across_articles(build_text):
    old = (
        "HOUSTON — Astronaut Dorota Vellacourt landed in Kazakhstan on Friday, May 9, 2031, after 372 days aboard "
        "the International Space Station.\n"
        "That beat the previous mark of 195 days, set by astronaut Imke Sarravalle during a station stay in 2006 and "
        "2007.\n"
    )
    new = (
        "HOUSTON — Astronaut Imke Sarravalle landed in Kazakhstan on Monday, March 3, 2025, after 201 days aboard "
        "the International Space Station.\n"
    )
    b = build_text({"a.txt": old, "b.txt": new})
    stays = {
        (str(r["start"]), str(r["end"]), r["durationDays"])
        for r in rows(b, "missions")
        if r["durationDays"] in (195, 201)
    }
    assert stays == {("2006", "2007", 195), ("None", "2025-03-03", 201)}


def test_each_year_of_a_list_of_earlier_stays_is_a_stay_of_its_own(build_text):
    text = (
        "MOSCOW — Cosmonaut Oleg Kovrenko landed on Friday, June 7, 2024, after 374 days aboard the International "
        "Space Station.\n"
        "Kovrenko first flew in 2008 and has since spent long periods on the station in 2011 and 2012, in 2015 and "
        "in 2018 and 2019.\n"
        "Cosmonaut Tamara Velikova joined the agency in 2009 and first flew to the station in 2014.\n"
    )
    b = build_text({"a.txt": text})
    dated = {(str(r["start"]), str(r["end"]), r["durationDays"]) for r in rows(b, "missions")}
    assert dated == {
        ("2008", "None", None),
        ("None", "2024-06-07", 374),  # not started "since ... 2011"
        ("2011", "2012", None),
        ("2015", "None", None),
        ("2018", "2019", None),
        ("2014", "None", None),  # not 2009, the year she joined the agency
    }


EARLIER_FLIGHTS = """BAIKONUR, Kazakhstan, May 4, 2026 - Orrin Vale-Castro and Tamsin Ortega-Blake lifted off aboard Soyuz MS-40 on Monday.
Vale-Castro, 50, was making his fifth trip into space. He first flew in March 2005 on Gemini 3, with fellow astronaut Gus Brannock, and returned to orbit in July 2006 on Gemini 10. He circled the moon on Apollo 10 in May 2009.
Ortega-Blake is a veteran of three shuttle missions: STS-73 in 1995, STS-92 in 2000 and STS-113 in 2002.
In June 2013 she spent 15 days in space on Shenzhou-10 with fellow astronauts Nie Haoran and Zhang Xiaobo.
"""


def test_earlier_named_flights_dated_to_the_month_their_clause_gives(build_text):
    found = {r["name"]: r for r in rows(build_text({"e.txt": EARLIER_FLIGHTS}), "missions")}
    starts = {name: str(r["start"]) for name, r in found.items()}
    assert starts["Gemini 3"] == "2005-03" and starts["Gemini 10"] == "2006-07"
    assert starts["Apollo 10"] == "2009-05"  # "circled the moon on Apollo 10 in May 2009"
    assert (starts["STS-73"], starts["STS-92"], starts["STS-113"]) == ("1995", "2000", "2002")  # "a veteran of"
    assert starts["Shenzhou-10"] == "2013-06" and found["Shenzhou-10"]["durationDays"] == 15  # told with three people
    assert found["Soyuz MS-40"]["durationDays"] is None


def test_a_series_named_once_with_a_cue_names_its_other_flights(build_text):
    text = (
        "AKTAU, Kazakhstan, Oct. 15, 2031 - Mission QRX-14 docked with Tamsk Station on Wednesday with commander "
        "Dilnaz Orynbek-Hale aboard.\n"
        "She went back to the station on QRX-9, a 226-day flight that ran from November 2023 to June 2024.\n"
    )
    found = {r["name"]: r for r in rows(build_text({"q.txt": text}), "missions")}
    assert str(found["QRX-9"]["start"]) == "2023-11" and str(found["QRX-9"]["end"]) == "2024-06"
    assert found["QRX-14"]["end"] is None


LISTED = """# Private crew back from orbit

*HOUSTON, May 3, 2031* — Four people splashed down off Galveston on Monday, ending a stay on the station.

The Crew Dragon Tenacity came down at 1:06 p.m. EDT, carrying the crew of Vireo Mission 3.

"We are happy to be home," the commander said.

It flew after a long delay, and the STS-88 veteran in command said the wait was worth it.

The crew:

- **Orla Brennan-Maiga**, 63, commander, a veteran of four earlier flights
- **Tadeo Ruusuvaara**, 72, pilot, an American investor from Ohio
- Mission specialist **Pim Achterberg-Nakamura**, 52, a Dutch businessman

Each paid about $55 million for the seat.
"""


def test_a_crew_listed_under_a_heading_is_the_flights(build_text):
    b = build_text({"a.md": LISTED})
    crew = {(r["missionName"], r["personName"]) for r in rows(b, "crew")}
    listed = {"Orla Brennan-Maiga", "Tadeo Ruusuvaara", "Pim Achterberg-Nakamura"}
    assert {p for m, p in crew if m == "Vireo Mission 3"} == listed  # the flight the opening names first
    splashdown = {r["participant"] for r in rows(b, "events") if r["type"] == "splashdown"}
    assert splashdown >= listed  # the flight's events gain its crew


def test_a_list_under_another_heading_is_no_crew(build_text):
    text = LISTED.replace("The crew:", "Those who watched:")
    crew = {(r["missionName"], r["personName"]) for r in rows(build_text({"a.md": text}), "crew")}
    assert not {p for m, p in crew if m == "Vireo Mission 3"} & {"Tadeo Ruusuvaara", "Pim Achterberg-Nakamura"}


WITH_LIST = """# Relief crew reaches Velmora Station

**OSLO, 13 March 2031** — A relief crew of the Nordic Space Office (NSO) docked with Velmora Station on Tuesday.

The NSO-26 crew lifted off at 10:42 GMT on Tuesday, 11 March, from Andøya.

The Skarv-7 capsule docked at 17:19 GMT. With Tormod Akintola-Brask were three fellow NSO astronauts:

- pilot **Hinemoa Varga-Pék**, 39, on her first mission
- flight engineer **Baptiste Oduya-Lind**, 44, a Swedish materials scientist
- mission specialist **Yasmina Tollef-Moreau**, 36, a Moroccan physician

Her earlier missions were NSO-11 in 2023 and NSO-17 in 2027.
"""


def test_a_list_after_with_x_were_joins_x_and_the_flight_just_named(build_text):
    b = build_text({"a.md": WITH_LIST})
    crew = {(r["missionName"], r["personName"]) for r in rows(b, "crew")}
    listed = {"Tormod Akintola-Brask", "Hinemoa Varga-Pék", "Baptiste Oduya-Lind", "Yasmina Tollef-Moreau"}
    assert {p for m, p in crew if m == "NSO-26"} == listed
    people = kg.query(b.dataset, "people").rows
    assert {r["role"] for r in people if r["name"] == "Baptiste Oduya-Lind"} >= {"astronaut", "flight_engineer"}


LED_A_CREW = """Halcyon orbiter rolls to a stop, closing the program

BRANDVIK, July 21, 2031 -- The orbiter Halcyon touched down at Brandvik on Thursday, bringing the NOF-88 crew home.
"Everyone should feel this landing belongs to them," commander Corvin Ferguson-Vale said.
Ferguson-Vale, 49, led a crew of four NOF astronauts: pilot Duarte Kellerman, 44, and mission specialists Siri Oyelaran-Hult, 46, and Rex Wallingford, 48.
It was the smallest crew since 2013; had the orbiter been damaged, the astronauts would have returned aboard capsules.
The flight lasted 12 days, 18 hours and 28 minutes. Halcyon docked with the Corvina orbital station on July 10.
Every member of the crew had flown before. Kellerman flew on NOF-61 in 2026.
"""


def test_a_crew_led_in_a_sentence_naming_no_flight_is_the_stories(build_text):
    b = build_text({"a.txt": LED_A_CREW})
    crew = {(r["missionName"], r["personName"]) for r in rows(b, "crew")}
    assert {p for m, p in crew if m == "NOF-88"} >= {"Duarte Kellerman", "Siri Oyelaran-Hult", "Rex Wallingford"}
    missions = {r["name"]: r for r in rows(b, "missions")}
    assert missions["NOF-88"]["durationDays"] == 12  # "The flight lasted ...": the story's, among several
    assert all(str(r["start"]) != "2013" for r in rows(b, "missions"))  # "the smallest crew since 2013" compares


SHORT_HEADLINE_PIECES = """NEWS ROUNDUP
SELENE 9 COMES HOME:
LAST CREW OF THE PROGRAM SPLASHES DOWN

HOUSTON, Dec. 19, 2031 -- The three astronauts of Selene 9 are back on Earth. Their capsule parachuted into the Pacific Ocean at 1:10 p.m. EDT today.

Navy swimmers secured the capsule, and a helicopter lifted commander Talia Moreau-Quist, command module pilot Ren Adeyemi-Sato and lunar module pilot Benedikt Oyelaran-Funk to the deck of the ship.

Moreau-Quist was making her second trip; she flew as a member of the Selene 4 crew in May 2027.
"""


def test_a_headline_in_short_pieces_does_not_push_the_lede_out_of_the_opening(build_text):
    """The story's flight is the one its lede names first, however many short lines come before."""
    b = build_text({"a.txt": SHORT_HEADLINE_PIECES})
    crew = {(r["missionName"], r["personName"]) for r in kg.query(b.dataset, "crew").rows}
    assert {("Selene 9", "Ren Adeyemi-Sato"), ("Selene 9", "Benedikt Oyelaran-Funk")} <= crew
    assert ("Selene 4", "Talia Moreau-Quist") in crew


EARLIER_COUNTRYMAN = """DUBAI, May 2, 2031 — Astronaut Rashid Al-Qemzi-Varga made his country's first spacewalk on Friday outside the International Space Station.
He arrived at the station aboard Tern-6 in March. His countryman, astronaut Omar Benhaddou-Lind, flew an eight-day mission to the station in 2027, his country's first.
"""


def test_a_subject_set_beside_a_name_owns_the_length_and_its_year(build_text):
    """'His countryman, astronaut X, flew an eight-day mission ... in 2027': X's own earlier stay, not
    the story's flight and not the 'his' it hangs from."""
    b = build_text({"a.txt": EARLIER_COUNTRYMAN})
    rows = kg.query(b.dataset, "missions").rows
    crew = {(r["mission"], r["personName"]) for r in kg.query(b.dataset, "crew").rows}
    eight = [r for r in rows if r["durationDays"] is not None and int(r["durationDays"]) == 8]
    assert len(eight) == 1 and str(eight[0]["start"]) == "2027"
    assert {name for mission, name in crew if mission == eight[0]["mission"]} == {"Omar Benhaddou-Lind"}
