"""Stage 'records' on small invented articles: holders, values and the records they beat."""

from __future__ import annotations

from decimal import Decimal

import kg

MAIN_PERSON = """Astronaut Corin Vasquez-Halloran landed in Kazakhstan on Sept. 7, 2029, with cosmonauts Pyotr Adamek and Lev Sorokin-Bay.
With this fourth flight, the retired Navy captain has logged 612 days in orbit, the most of any U.S. astronaut.
He passed the previous American record of 598 days, held by Ansel Whitcombe-Ode, in August.
The previous women's mark of 334 days belonged to Ilse Marrow-Tagg.
"""


def records(build):
    return kg.query(build.dataset, "records").rows


def test_a_record_sentence_naming_nobody_is_the_main_persons(build_text):
    rows = records(build_text({"r.txt": MAIN_PERSON}))
    mine = [r for r in rows if r["holder"] == "Corin Vasquez-Halloran"]
    assert {(r["scope"], r["value"], r["previousHolder"]) for r in mine} == {("us", 612, "Ansel Whitcombe-Ode")}


def test_a_holder_introduced_by_held_by_or_belonged_to(build_text):
    rows = records(build_text({"r.txt": MAIN_PERSON}))
    holders = {r["holder"] for r in rows}
    assert {"Ansel Whitcombe-Ode", "Ilse Marrow-Tagg"} <= holders
    assert not [r for r in rows if r["holder"] == "Corin Vasquez-Halloran" and r["value"] == 334]


CARRIED = """Commander Sekar Ohanian-Voss splashed down off Mombasa on June 12, 2034, and the crew was lifted aboard the support ship Pwani Dawn.
With this flight the Indonesian commander has logged 703 days in orbit across three missions.
That total beats the women's career record of 688 days held by astronaut Marisol Quaye-Lindahl, who retired in 2032.
On her first flight Ohanian-Voss spent 231 days aboard the Marisma station, the longest single spaceflight by any Japanese astronaut.
"""

TWO_BEATEN = """Astronaut Ruth Abernathy-Koh landed on Sept. 26, 2031, after 188 days in space.
Her stay beat the U.S. record of 115 days set in 2030 by astronaut Norm Thackeray-Lund, and the women's mark of 169 days held by cosmonaut Elena Kondrashova-Ruiz.
On Feb. 4 the astronaut overtook Gennady Padlock-Ivers, a fellow cosmonaut, whose 178 days had stood as the world mark since 2015.
"""


def test_a_record_sentence_pointing_back_takes_the_holder_and_value_before_it(build_text):
    rows = records(build_text({"c.txt": CARRIED}))
    mine = {(r["scope"], r["value"], r["previousHolder"]) for r in rows if r["holder"] == "Sekar Ohanian-Voss"}
    assert ("women", 703, "Marisol Quaye-Lindahl") in mine
    assert not [r for r in rows if r["holder"] == "Pwani Dawn"]
    old = [r for r in rows if r["holder"] == "Marisol Quaye-Lindahl"]
    assert {(r["scope"], r["value"], r["year"]) for r in old} == {("women", 688, None)}


def test_by_any_japanese_astronaut_is_a_japanese_record(build_text):
    rows = records(build_text({"c.txt": CARRIED}))
    assert ("japan", 231) in {(r["scope"], r["value"]) for r in rows if r["holder"] == "Sekar Ohanian-Voss"}


def test_each_beaten_record_takes_its_own_scope_value_and_year(build_text):
    rows = records(build_text({"t.txt": TWO_BEATEN}))
    old = {r["holder"]: (r["scope"], r["value"], r["year"]) for r in rows if r["holder"] != "Ruth Abernathy-Koh"}
    assert old["Norm Thackeray-Lund"] == ("us", 115, "2030")
    assert old["Elena Kondrashova-Ruiz"] == ("women", 169, None)
    assert old["Gennady Padlock-Ivers"] == ("world", 178, "2015")


AGES = """LAUNCH SITE, Texas — Ottoline Brennan-Achterberg, the retired schoolteacher, became the oldest person ever to fly to space on Tuesday at the age of 88.
Brennan-Achterberg's age eclipsed the record of Fenwick Marlowe-Ude, the pioneering aviator who flew on the company's second crewed mission in 2030 at 84.
Ishaan Verhoeven-Kalu, 27, became the youngest Japanese astronaut ever to fly.
"""


def test_an_age_record_holds_an_age_in_years_and_beats_the_next_oldest(build_text):
    rows = records(build_text({"a.txt": AGES}))
    oldest = {
        (r["scope"], r["value"], r["unit"], r["previousHolder"], r["previousValue"])
        for r in rows
        if r["holder"] == "Ottoline Brennan-Achterberg"
    }
    assert oldest == {("world", 88, "yr", "Fenwick Marlowe-Ude", 84)}


def test_an_age_record_is_counted_over_the_people_its_superlative_names(build_text):
    rows = records(build_text({"a.txt": AGES}))
    assert {(r["scope"], r["value"]) for r in rows if r["holder"] == "Ishaan Verhoeven-Kalu"} == {("japan", 27)}


LEAD = """MOSCOW — Cosmonaut Arkady Velmirov-Stasz landed on Aug. 28, 2031, after 379 days in orbit.
Velmirov-Stasz had launched from Baikonur on Aug. 14, 2030.
Only one flight has lasted longer: cosmonaut Bogdan Ilyushkin-Varo's mission of nearly 438 days.
Counting two earlier tours, the cosmonaut has now logged a total of 747 days in space, a new world record.
"""


def test_the_cosmonaut_is_the_storys_lead_not_the_person_last_compared(build_text):
    rows = records(build_text({"l.txt": LEAD}))
    assert {(r["holder"], r["value"]) for r in rows if r["value"] == 747} == {("Arkady Velmirov-Stasz", 747)}


NATIONAL = """Commander Odile Brassac-Whitmore, 44, of Canada, took command of Pellucid Station on May 18, 2033.
She already holds the Canadian record for the longest single spaceflight.
On her first mission she spent 248 days aboard Pellucid, coming home in March 2031.
That beat the previous national mark of 212 days, set by astronaut Lucien Marchetti-Dube.
"""


def test_that_beat_the_previous_national_mark_is_the_record_told_before(build_text):
    rows = records(build_text({"r.txt": NATIONAL}))
    mine = {(r["scope"], r["value"], r["year"], r["previousHolder"], r["previousValue"])
            for r in rows if r["holder"] == "Odile Brassac-Whitmore"}  # fmt: skip
    assert ("canada", 248, "2031", "Lucien Marchetti-Dube", 212) in {
        (a, b, c and str(c), d, e) for a, b, c, d, e in mine
    }


def test_moves_her_past_and_a_quote_about_records_names_none(build_text):
    text = (
        "Commander Ndeshi Kalumbu-Laine splashed down off Walvis Bay on March 16, 2034.\n"
        "With this flight, Kalumbu-Laine's career total stands at 733 days.\n"
        "That moves her past the women's cumulative record of 702 days set in 2032 by Ines Vukotic-Amari, "
        "a retired astronaut.\n"
        '"Records like this are built one day at a time," said spokeswoman Lerato Fenner-Dlamini.\n'
    )
    rows = records(build_text({"r.txt": text}))
    assert {
        (r["holder"], r["scope"], r["value"], r["previousHolder"])
        for r in rows
        if r["holder"] == "Ndeshi Kalumbu-Laine"
    } == {("Ndeshi Kalumbu-Laine", "women", 733, "Ines Vukotic-Amari")}


def test_a_crews_record_flight_is_each_members_and_chinese_astronauts_scope_it(build_text):
    text = (
        "Three Chinese astronauts, Zhou Minghai, Lu Jianping and Tan Xiaoyu, landed at Dongfeng on Nov. 4, 2031, "
        "ending a 192-day stay aboard Tiangong, the longest mission yet flown by a Chinese crew.\n"
    )
    rows = records(build_text({"r.txt": text}))
    assert {(r["holder"], r["scope"], r["value"]) for r in rows} == {
        (name, "china", 192) for name in ("Zhou Minghai", "Lu Jianping", "Tan Xiaoyu")
    }
    assert len({r["record"] for r in rows}) == 1


def test_the_owner_of_a_length_is_its_verbs_subject(build_text):
    text = (
        "Astronaut Ilse Brandvold landed on Nov. 9, 2031, with Pierre Castagnet-Roy.\n"
        "Counting his first flight, a 196-day stay for which he rode up in Soyuz MS-03, Castagnet-Roy has now spent "
        "396 days in orbit.\n"
        "That beats the European record of 362 days held by German astronaut Anselm Gerstacker.\n"
    )
    rows = records(build_text({"r.txt": text}))
    assert {(r["holder"], r["value"], r["previousHolder"]) for r in rows if r["previousHolder"]} == {
        ("Pierre Castagnet-Roy", 396, "Anselm Gerstacker")
    }


def test_a_national_record_of_a_shared_flight_is_not_each_crewmates(build_text):
    text = (
        "Astronaut Wren Tallis-Moore and cosmonaut Arkady Velichko landed on March 1, 2031.\n"
        "They worked with nine crewmates during their 340-day mission, a record for a U.S. spaceflight.\n"
    )
    rows = records(build_text({"r.txt": text}))
    assert len({r["holder"] for r in rows if r["value"] == 340}) == 1  # which one the words do not say


def test_a_length_no_single_flight_reaches_is_a_career_and_first_to_spend_is_a_record(build_text):
    text = (
        "MOSCOW — Russian cosmonaut Arseny Volkhovsky has become the first person to spend 1,100 days in space, "
        "the Russian space agency Roscosmos said on Wednesday, June 5, 2030.\n"
        "Volkhovsky is aboard the station with NASA astronaut Ruth Okwuosa-Lind.\n"
    )
    b = build_text({"r.txt": text})
    rows = records(b)
    assert {(r["holder"], r["scope"], r["value"]) for r in rows} == {("Arseny Volkhovsky", None, 1100)}
    assert "cumulative" in rows[0]["description"]
    durations = {r["durationDays"] for r in kg.query(b.dataset, "missions").rows}
    assert 1100 not in durations


def test_a_flights_length_is_not_a_career_total_and_a_remark_on_a_record_holds_none(build_text):
    text = (
        "Commander Talia Brandvik-Osei landed on Tuesday, May 6, 2031, after 247 days aboard the station, and with that flight "
        "became the woman with the most time in space.\n"
        "With this third mission, Brandvik-Osei has logged 702 days in orbit.\n"
        "That moves her past Renata Oberholz-Kaur, who set the women's mark of 688 days when she retired in 2029.\n"
        "Priya Rautenfeld-Oduya, the agency's administrator, called the record a milestone.\n"
    )
    rows = records(build_text({"r.txt": text}))
    assert {(r["holder"], r["value"]) for r in rows} == {("Talia Brandvik-Osei", 702), ("Renata Oberholz-Kaur", 688)}


def test_a_total_she_passed_that_another_had_set_is_a_spacewalk_record_after_an_outing(build_text):
    text = (
        "Commander Suri Walcott-Ines and Kenji Hoshimura began a spacewalk at 7:06 a.m. EDT on Sept. 5, 2031.\n"
        "Roughly two hours and 12 minutes into the outing, Walcott-Ines passed the women's career total of "
        "39 hours and 46 minutes set by Petra Wilkins-Oduya in 2028.\n"
    )
    rows = records(build_text({"r.txt": text}))
    old = [r for r in rows if r["holder"] == "Petra Wilkins-Oduya"]
    assert [(r["scope"], r["value"], str(r["year"])) for r in old] == [("women", Decimal("39.77"), "2028")]
    new = [r for r in rows if r["holder"] == "Suri Walcott-Ines"]
    assert {r["previousHolder"] for r in new} == {"Petra Wilkins-Oduya"}
    assert all(r["value"] != Decimal("2.2") for r in new)  # "two hours ... into the outing" is when, not how long


def test_a_total_spacewalk_record_takes_the_career_total_not_the_outings_length(build_text):
    text = (
        "DARWIN, Australia — Astronaut Ngaire Whitcombe-Sato set a new women's record for total time spent spacewalking after she completed a "
        "6-hour, 52-minute excursion outside the station.\n"
        "The outing was the 11th of her career and brought her cumulative time outside a spacecraft to 71 hours and "
        "30 minutes.\n"
        "That surpasses the women's record of 68 hours and 20 minutes, set in 2030 by astronaut Lusia Faleolo-Brandt.\n"
    )
    rows = records(build_text({"r.txt": text}))
    mine = {
        (r["scope"], r["value"], r["unit"], r["previousHolder"]) for r in rows if r["holder"] == "Ngaire Whitcombe-Sato"
    }
    assert mine == {("women", Decimal("71.5"), "hr", "Lusia Faleolo-Brandt")}


def test_an_earlier_record_set_by_two_is_held_by_both(build_text):
    text = (
        "Cosmonaut Pyotr Dobrova-Lind's flight lasted 23 days, beating the world record of 17 days set by Arvo "
        "Nikolaisen-Kuru and Vitas Sevander-Oja aboard Soyuz 59 in 1970.\n"
    )
    rows = records(build_text({"r.txt": text}))
    old = {(r["holder"], r["value"]) for r in rows if r["value"] == 17}
    assert old == {("Arvo Nikolaisen-Kuru", 17), ("Vitas Sevander-Oja", 17)}


def test_a_flight_that_broke_a_record_gives_it_to_its_crew(build_text):
    text = (
        "HOUSTON — The three astronauts who repaired the station came home on Friday after 28 days in orbit.\n"
        "Pete Corrigan-Vale, 43, the commander, Jo Kerwick-Ade, 41, and Paul Weissmann-Obi, 40, landed at "
        "9:49 a.m. EDT on June 22, 2033.\n"
        "Skylab 9 had launched on May 25, 2033, with Corrigan-Vale, Kerwick-Ade and Weissmann-Obi aboard.\n"
        "The flight, known as Skylab 9, broke the world record for a single space mission.\n"
    )
    b = build_text({"r.txt": text})
    rows = records(b)
    assert {r["holder"] for r in rows if r["value"] == 28 and r["scope"] == "world"} == {
        "Pete Corrigan-Vale",
        "Jo Kerwick-Ade",
        "Paul Weissmann-Obi",
    }
    roles = {(r["name"], r["role"]) for r in kg.query(b.dataset, "people").rows}
    assert ("Jo Kerwick-Ade", "commander") not in roles and ("Pete Corrigan-Vale", "commander") in roles


def test_passing_command_is_no_record_and_a_record_never_beats_a_larger_one(build_text):
    text = (
        "PARIS, March 17, 2034 - Leonor Abrantes-Vale came home on Friday after 241 days aboard Zerzura Station, "
        "the longest single spaceflight by a European.\n"
        "Her flight eclipsed the European record of 211 days set in 2030 by Danish astronaut Sigbrit Halden-Moss.\n"
        '"Sigbrit called me on the day I passed her and told me the record was only on loan," Abrantes-Vale said.\n'
        "Before leaving, Abrantes-Vale passed command on Saturday to Russian cosmonaut Pavel Dorokhin-Ilyin.\n"
    )
    b = build_text({"r.txt": text})
    holders = {(r["holder"], r["previousHolder"]) for r in kg.query(b.dataset, "records").rows}
    assert ("Leonor Abrantes-Vale", "Sigbrit Halden-Moss") in holders
    assert ("Sigbrit Halden-Moss", "Leonor Abrantes-Vale") not in holders
    assert not any(prev == "Pavel Dorokhin-Ilyin" for _, prev in holders)
    from kg.validate import validate

    assert validate(b.dataset).conforms


def test_one_holders_record_of_two_years_is_two_records(build_text):
    """Two articles date the same holder's U.S. career record to different years: two records,
    each with its own value and the record it beat, not one record that is smaller than the
    record it supersedes."""
    early = (
        "HOUSTON, April 19, 2031 — NASA astronaut Odile Marchetti-Varga landed in Kazakhstan on Saturday. "
        "In 2031 the flight lifted her career total to 377 days in orbit, a U.S. record, beating the 374 days "
        "of NASA astronaut Piers Okafor-Lund.\n"
    )
    late = (
        "HOUSTON, Sept. 3, 2039 — NASA astronaut Odile Marchetti-Varga landed in Kazakhstan on Sunday. "
        "In 2039 her career total reached 665 days in orbit, a U.S. record, beating the 534 days of NASA astronaut "
        "Tobias Wend-Asante.\n"
    )
    b = build_text({"a.txt": early, "b.txt": late})
    mine = {(r["year"], r["value"], r["previousHolder"]) for r in records(b) if r["holder"] == "Odile Marchetti-Varga"}
    assert {(str(y), int(v), p) for y, v, p in mine} == {
        ("2031", 377, "Piers Okafor-Lund"),
        ("2039", 665, "Tobias Wend-Asante"),
    }
    from kg.validate import validate

    assert not [f for f in validate(b.dataset).findings if f.severity == "Violation"]
