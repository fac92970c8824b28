"""A fifth table of timeline rows for short news sentences, written apart from the first four
(test_row_examples.py, _more.py, _third.py, _fourth.py) and before running the code on it. Its
topics are the ones they lack: US local news and police blotters ("at about 2:15 a.m. Sunday",
"the 1900 block"), elections ("Election Day", "the day after the vote", "on the eve of the
vote"), health and science press releases, technology and company news ("the iPhone 15",
"Q3 FY24", "H1 2025"), entertainment and the arts, schools ("the 2023-24 school year"), legal
deadlines ("no later than March 1", "within 30 days of"), disasters, several sentences whose
offsets count from the sentence before, spelled-out and unusual forms ("the first of May",
"May the 4th", "the weekend before last", "this time last year", "a day shy of his 90th
birthday"), and the tenses of reported speech.

The conventions are the first table's (`Row`, `case`, `derived`, `check`): the rows a careful
reader would write, in the timeline's order (date, then text); two accepted values where a
reader could fairly write either, and a comment where the case is a decision."""

from __future__ import annotations

from datetime import date

import pytest
from tests.timeline.test_row_examples import Row, case, check, derived, table

MON = date(2023, 6, 12)  # a Monday: the morning after a police blotter's weekend

POLICE = [
    case("Officers responded to a shooting at about 2:15 a.m. Sunday in the parking lot of a "
         "nightclub.", "2023-06-11T02:15", published=MON),
    case("The victim was pronounced dead at the scene shortly before 11 p.m. Friday, police "
         "said.", "2023-06-09T23:00", published=MON),
    case("A man was arrested around 7:30 p.m. Thursday after a brief foot chase.",
         "2023-06-08T19:30", published=date(2023, 6, 10)),
    case("Deputies found the car abandoned on Highway 17 early Tuesday.",
         Row(("2023-06-13", "2023-06-13TMO")), published=date(2023, 6, 14)),
    case("The suspect is scheduled to be arraigned Monday in district court.", "2023-06-19",
         published=date(2023, 6, 16)),
    case("The crash, reported at 4:48 p.m. Wednesday, closed both lanes for three hours.",
         "2023-06-14T16:48", published=date(2023, 6, 15)),
    case("Police said the break-in happened between 1 a.m. and 3 a.m. Saturday.",
         Row("2023-06-10T01:00", "2023-06-10T03:00"), published=MON),
    case("The 13-year-old was last seen leaving school around 3 p.m. on May 2.",
         "2023-05-02T15:00", published=date(2023, 5, 5)),
    case("Anyone with information is asked to call Crime Stoppers at 713-222-8477.",
         published=MON),
    case("Officer Daniel Reyes, a 12-year veteran of the department, was placed on paid leave "
         "Thursday.", "2023-06-08", published=MON),
    case("The 911 call came in at 9:52 p.m. Saturday, and officers arrived eight minutes "
         "later.", "2023-06-10T21:52", derived("2023-06-10T22:00"), published=MON),
    # A block number is an address, not a year.
    case("Police were called to the 1900 block of Oak Avenue at 12:40 a.m. Sunday.",
         "2023-06-11T00:40", published=MON),
    # "Roughly" rounds the distance, like "about"; 30 hours before 6 a.m. is midnight.
    case("The bodies were discovered at about 6 a.m. Tuesday, roughly 30 hours after the "
         "couple was last heard from.",
         Row(("2023-06-12T00:00", "2023-06-11T24:00"), derived=True), "2023-06-13T06:00",
         published=date(2023, 6, 14)),
    case("An officer shot and wounded a man during a traffic stop late Saturday night.",
         Row(("2023-06-10TNI", "2023-06-10")), published=MON),
]

ELECTIONS = [
    case("Georgia voters head to the polls for the primary on May 21.", "2024-05-21",
         published=date(2024, 5, 1)),
    case("Most results are expected on Election Day, Nov. 5.", "2024-11-05",
         published=date(2024, 10, 1)),
    # Election Day said after it is the day just gone; "the 2020 race" is a named event,
    # like "the 2003 heatwave": the reader wants its year.
    case("Turnout on Election Day fell short of the 2020 race.", "2020", "2024-11-05",
         published=date(2024, 11, 7)),
    case("The runoff was held on Tuesday, Dec. 6. The day after the vote, the Republican "
         "conceded.", "2022-12-06", derived("2022-12-07"), published=date(2022, 12, 10)),
    case("Britons voted on Thursday, 4 July. On the eve of the vote, the prime minister made "
         "a final appeal in Scotland.", derived("2024-07-03"), "2024-07-04",
         published=date(2024, 7, 6)),
    # The name of the day is the same day said twice: one row.
    case("The primary was held on March 5, Super Tuesday.", "2024-03-05",
         published=date(2024, 3, 10)),
    case("The senator, first elected in 2012, faces a primary challenger in August.", "2012",
         "2024-08", published=date(2024, 3, 10)),
    # Midnight "Saturday" is Saturday's end to most readers, its start to some.
    case("Congress must pass a spending bill before the government runs out of money at "
         "midnight Saturday.",
         Row(("2023-09-30T24:00", "2023-10-01T00:00", "2023-09-30T00:00")),
         published=date(2023, 9, 25)),
    case("In the run-up to the 2019 election, the party spent heavily on Facebook ads.",
         "2019", published=date(2020, 2, 1)),
    case("Polls opened at 7 a.m. on Thursday, and the exit poll was released 15 hours later.",
         "2024-07-04T07:00", derived("2024-07-04T22:00"), published=date(2024, 7, 5)),
    case("Britain goes to the polls on Thursday, 4 July, six weeks after the election was "
         "called.", derived("2024-05-23"), "2024-07-04", published=date(2024, 6, 20)),
    # A vote's shares are no range of days.
    case("Voters rejected the measure 58% to 42% in the Nov. 7 election.", "2023-11-07",
         published=date(2023, 11, 9)),
    case("The caucuses, held Jan. 15 in subzero temperatures, drew a record low turnout.",
         "2024-01-15", published=date(2024, 1, 20)),
    case("Polls are open 7 a.m.\u20138 p.m. on Tuesday.",
         Row("2024-11-05T07:00", "2024-11-05T20:00"), published=date(2024, 11, 4)),
]

HEALTH = [
    case("The trial enrolled 1,200 patients between January 2021 and June 2022.",
         Row("2021-01", "2022-06"), published=date(2023, 3, 1)),
    case("Participants took the drug once daily for 12 weeks."),
    case("The findings were published Wednesday in the New England Journal of Medicine.",
         "2023-03-01", published=date(2023, 3, 3)),
    case("The study, published online on 14 February in The Lancet, followed 5,000 adults "
         "for a decade.", "2023-02-14", published=date(2023, 2, 20)),
    case("The FDA is expected to decide on approval by Oct. 15, 2024.", "2024-10-15",
         published=date(2024, 5, 1)),
    case("The agency granted full approval on Aug. 23, 2021, nine months after the first "
         "emergency authorization.", derived("2020-11-23"), "2021-08-23",
         published=date(2021, 9, 1)),
    case("Researchers collected blood samples every two hours for three days."),
    case("The telescope captured the image on July 12, 2022, in its first full-color "
         "release.", "2022-07-12", published=date(2022, 7, 20)),
    case("The embargo lifts at 11 a.m. ET on Tuesday, March 7.", "2023-03-07T11:00",
         published=date(2023, 3, 3)),
    case("Flu season typically peaks between December and February."),
    case("Patients were assessed at six months and again at one year."),
    # "Since X" opens a period that runs to now; its event is at X (the first table's).
    case("Measles cases have more than doubled since 2019, the WHO said on Thursday.",
         "2019", "2024-02-15", published=date(2024, 2, 20)),
    case("The probe is scheduled to launch no earlier than mid-2026.", "2026",
         published=date(2024, 9, 1)),
    case("The comet will make its closest approach to Earth on the night of Oct. 12.",
         Row(("2024-10-12TNI", "2024-10-12")), published=date(2024, 10, 1)),
    case("The outbreak was declared over on 1 June 2023, 42 days after the last patient "
         "recovered.", derived("2023-04-20"), "2023-06-01", published=date(2023, 6, 5)),
]

TECH = [
    case("Apple unveiled the iPhone 15 at its Cupertino headquarters on Tuesday.",
         "2023-09-12", published=date(2023, 9, 14)),
    case("Microsoft will end support for Windows 10 on Oct. 14, 2025.", "2025-10-14",
         published=date(2024, 3, 1)),
    # A fiscal quarter: TimeML's fiscal form, the calendar quarter that names it, or the
    # fiscal year at its calendar year (the second table's decision for "fiscal 2024").
    case("Revenue rose 8% in Q3 FY24, the chipmaker said.",
         Row(("FY2024-Q3", "2024-Q3", "2024")), published=date(2024, 5, 20)),
    case("The company expects margins to improve in H1 2025.", "2025-H1",
         published=date(2024, 11, 1)),
    case("Shares fell 12% in after-hours trading on Wednesday after the results.",
         "2024-05-22", published=date(2024, 5, 23)),
    case("The startup, founded in 2016, was bought by Google for $1.2bn in 2021.", "2016",
         "2021", published=date(2023, 1, 10)),
    case("The update rolls out to Pixel 8 owners next week.", "2024-W11",
         published=date(2024, 3, 4)),
    case("The outage began at 04:09 UTC on July 19 and lasted several hours.",
         "2024-07-19T04:09", published=date(2024, 7, 22)),
    case("Windows 11 was released on Oct. 5, 2021.", "2021-10-05",
         published=date(2022, 1, 10)),
    case("OpenAI announced GPT-4 in March 2023.", "2023-03", published=date(2023, 6, 1)),
    case("The company plans to ship the headset in early 2024.", "2024",
         published=date(2023, 6, 6)),
    case("Tesla delivered 466,140 vehicles in the second quarter, it said on Sunday.",
         "2023-Q2", "2023-07-02", published=date(2023, 7, 3)),
    case("The firm's fiscal year ends on the last Saturday of September."),
    # A named event, like "the 2003 heatwave".
    case("The chip shortage of 2021 forced carmakers to idle plants.", "2021",
         published=date(2023, 1, 10)),
    case("Version 2.0 ships on 1 April; version 2.1 follows six weeks later.", "2024-04-01",
         derived("2024-05-13"), published=date(2024, 3, 1)),
    case("The service will be shut down on 31 December, the company announced on Monday.",
         "2024-06-10", "2024-12-31", published=date(2024, 6, 12)),
    case("The store will be closed from Dec. 24 until Jan. 2.",
         Row("2023-12-24", "2024-01-02"), published=date(2023, 12, 10)),
]

ARTS = [
    # Decision: a film's year is part of what it is called, like a car's model year; the
    # Oscars it won are not placed. Lead's decision (the ninth table disagreed: "her 2019
    # album"): a work's year is when it came out, a date as TimeML annotates it; the Oscars
    # still are not placed.
    case("The 2019 film won four Oscars, including best picture.", "2019",
         published=date(2021, 1, 5)),
    case("The film premieres at the Venice Film Festival on 31 August and reaches cinemas on "
         "6 October.", "2023-08-31", "2023-10-06", published=date(2023, 8, 1)),
    case("The festival runs Thursday through Sunday at Zilker Park.",
         Row("2023-10-05", "2023-10-08"), published=date(2023, 10, 2)),
    case("The band's farewell tour kicks off in Dublin on May the 4th.", "2024-05-04",
         published=date(2024, 3, 1)),
    case("The Broadway revival opened on the second of June to rave reviews.", "2024-06-02",
         published=date(2024, 6, 10)),
    case("The series returns for its final season in the autumn.", "2024-FA",
         published=date(2024, 5, 10)),
    case("Her debut novel, published in 1997, has sold 120 million copies.", "1997",
         published=date(2022, 5, 1)),
    case("The museum's Vermeer show, which closed on June 4, drew 650,000 visitors.",
         "2023-06-04", published=date(2023, 6, 10)),
    case("Glastonbury tickets sold out in 58 minutes on Sunday morning.",
         Row(("2023-11-19TMO", "2023-11-19")), published=date(2023, 11, 21)),
    case("The show airs Sundays at 9 p.m. on HBO."),
    case("The album, recorded in the summer of 1971, was released the following spring.",
         "1971-SU", derived("1972-SP"), published=date(2021, 3, 1)),
    case("The actor, who turns 90 on Friday, will be honoured at a gala on Thursday.",
         "2024-06-13", "2024-06-14", published=date(2024, 6, 10)),
    # A comparison with other years is no offset.
    case("The Oscars ceremony takes place on March 10, a week earlier than usual.",
         "2024-03-10", published=date(2024, 1, 20)),
    case("Filming wrapped in late 2019, weeks before the pandemic hit.", "2019",
         published=date(2021, 5, 1)),
    case("Sundance runs from Jan. 18 to Jan. 28 in Park City.",
         Row("2024-01-18", "2024-01-28"), published=date(2024, 1, 5)),
]

SCHOOLS = [
    # A school year across two years is a period from the first to the second (the second
    # table's decision for a season).
    case("Enrollment fell 3% in the 2023-24 school year.", Row("2023", "2024"),
         published=date(2024, 9, 1)),
    case("Classes resume on Aug. 14 for the fall semester.", "2023-08-14",
         published=date(2023, 8, 1)),
    case("Spring break runs from March 11 to March 15.", Row("2024-03-11", "2024-03-15"),
         published=date(2024, 2, 20)),
    case("The school board voted 5-2 on Tuesday night to close two elementary schools.",
         Row(("2024-02-20TNI", "2024-02-20")), published=date(2024, 2, 22)),
    case("Applications for the autumn term close at 5pm on 15 January.", "2024-01-15T17:00",
         published=date(2024, 1, 3)),
    case("The university was founded in 1636 as New College.", "1636",
         published=date(2020, 9, 1)),
    case("Term ends on Friday 19 July, and pupils return on Wednesday 4 September.",
         "2024-07-19", "2024-09-04", published=date(2024, 7, 10)),
    case("Exams were cancelled in 2020 and 2021 because of the pandemic.", "2020", "2021",
         published=date(2022, 3, 1)),
    # The text gives the first day; the length is a duration.
    case("Graduation ceremonies will be held over three days, starting on May 16.",
         "2024-05-16", published=date(2024, 4, 1)),
    case("The school lets out at 1 p.m. on Fridays."),
    # A decade is backdrop (the first table's decision); this summer is a row.
    case("The teacher, who joined the school in the 1990s, retires this summer.", "2024-SU",
         published=date(2024, 3, 1)),
]

LEGAL = [
    case("The defendant has 30 days from the ruling to file an appeal."),
    case("The judge ordered the company to respond no later than March 1.", "2024-03-01",
         published=date(2024, 2, 10)),
    case("Comments must be submitted by 5 p.m. on April 30, 2024.", "2024-04-30T17:00",
         published=date(2024, 3, 1)),
    case("The law takes effect 90 days after the governor signs it."),
    case("The governor signed the bill on June 3, and it takes effect 90 days later.",
         "2023-06-03", derived("2023-09-01"), published=date(2023, 6, 10)),
    case("Sentencing is set for Jan. 12, 2024.", "2024-01-12", published=date(2023, 10, 5)),
    case("The statute of limitations runs out seven years after the offence."),
    case("The plaintiffs filed suit in federal court on Monday, two weeks after the deadline "
         "passed.", derived("2024-04-01"), "2024-04-15", published=date(2024, 4, 17)),
    case("The settlement must be paid within 60 days of signing."),
    case("The court heard arguments on Oct. 4 and is expected to rule by the end of June.",
         "2023-10-04", "2024-06", published=date(2023, 10, 10)),
    case("The jury deliberated for about 11 hours over two days before reaching its verdict "
         "on Thursday.", "2024-05-30", published=date(2024, 6, 1)),
    case("The lease, signed in 2018, expires at the end of 2025.", "2018", "2025",
         published=date(2024, 3, 1)),
    # A law's year is part of its name (the second table's decision).
    case("The agency sued under the 1972 Clean Water Act."),
    # A deadline ahead: the next first of a month.
    case("Tenants have until the first of the month to pay.", "2024-04-01",
         published=date(2024, 3, 20)),
    case("The injunction remains in place until a full hearing on May 14.", "2024-05-14",
         published=date(2024, 5, 1)),
    case("The eviction moratorium ran from September 2020 until August 2021.",
         Row("2020-09", "2021-08"), published=date(2022, 1, 10)),
]

DISASTERS = [
    case("The tornado touched down at about 8:40 p.m. Friday near Rolling Fork.",
         "2023-03-24T20:40", published=date(2023, 3, 26)),
    case("Hurricane Ian made landfall as a Category 4 storm."),
    case("The wildfire, which started on Aug. 8, had burned 2,170 acres by Tuesday.",
         "2023-08-08", "2023-08-15", published=date(2023, 8, 17)),
    # "Through X" alone is the end of something under way: a row at X.
    case("Flood warnings remain in effect through Saturday morning.",
         Row(("2024-06-15TMO", "2024-06-15")), published=date(2024, 6, 13)),
    # The early hours are the night's end; the day is a fair value too.
    case("The levee failed in the early hours of Aug. 29, 2005.",
         Row(("2005-08-29TNI", "2005-08-29", "2005-08-29TMO")), published=date(2015, 8, 29)),
    case("More than 240 people died in the 2021 Texas winter storm.", "2021",
         published=date(2023, 2, 1)),
    case("The volcano last erupted in 1991, and scientists say it could erupt again within "
         "decades.", "1991", published=date(2024, 3, 1)),
    case("Crews restored power to most homes by late Wednesday.", "2024-06-12",
         published=date(2024, 6, 14)),
    case("The dam collapsed on 6 June 2023. The next day, water levels downstream peaked.",
         "2023-06-06", derived("2023-06-07"), published=date(2023, 6, 10)),
    case("Aftershocks continued for weeks."),
    case("A magnitude 7.8 quake hit the region in February 2023.", "2023-02",
         published=date(2024, 2, 6)),
    # Days before a time name a day; the same hour that day is a fair value too.
    case("Evacuation orders were lifted at noon Thursday, four days after the fire began.",
         Row(("2024-06-09", "2024-06-09T12:00"), derived=True), "2024-06-13T12:00",
         published=date(2024, 6, 15)),
    case("Snow fell for 36 hours straight."),
    case("Rescuers pulled a woman from the rubble 104 hours after the quake."),
    case("Rain is forecast between Tuesday and Thursday.", Row("2024-06-11", "2024-06-13"),
         published=date(2024, 6, 10)),
]

FOLLOW_ON = [
    case("The ferry left port at 10:10 p.m. on Saturday. Ninety minutes later, it capsized.",
         "2024-06-08T22:10", derived("2024-06-08T23:40"), published=date(2024, 6, 10)),
    # A chain: each offset counts from the one before.
    case("Talks broke down on 12 April. A fortnight later, the union walked out. Three days "
         "after that, the company gave in.", "2024-04-12", derived("2024-04-26"),
         derived("2024-04-29"), published=date(2024, 5, 10)),
    case("The senator announced her run on 1 February. Exactly a month later, she dropped "
         "out.", "2024-02-01", derived("2024-03-01"), published=date(2024, 4, 1)),
    case("The first case was confirmed on 3 January. By the end of that month, there were "
         "400.", "2020-01", "2020-01-03", published=date(2020, 3, 1)),
    # The week before a Monday's week: the ISO week, or its Monday.
    case("The strike began on Monday, 4 March. The week before, managers had offered a 3% "
         "rise.", Row(("2024-W09", "2024-02-26"), derived=True), "2024-03-04",
         published=date(2024, 3, 10)),
    case("The bridge was closed on 2 May. Six weeks later, it reopened to buses, and the "
         "following month to cars.", "2024-05-02", derived("2024-06-13"), derived("2024-07"),
         published=date(2024, 9, 1)),
    case("The king was crowned on 6 May 2023. Eight months earlier, his mother had died.",
         derived("2022-09-06"), "2023-05-06", published=date(2023, 6, 1)),
    case("Polls closed at 10 p.m. on Thursday 4 July. Some six hours later, the result was "
         "clear.", "2024-07-04T22:00", derived("2024-07-05T04:00"),
         published=date(2024, 7, 6)),
    case("The company warned on profits in January. Two months on, its chief executive quit.",
         "2024-01", derived("2024-03"), published=date(2024, 5, 1)),
    case("The patient received the transplant on 16 March. She left hospital 19 days later "
         "and was back at work a month after that.", "2024-03-16", derived("2024-04-04"),
         derived("2024-05-04"), published=date(2024, 6, 1)),
    # "A Tuesday" is no particular day: nothing to count from.
    case("The outage started on a Tuesday. Two days later, it was fixed."),
    # "Nearly four years" is no exact distance.
    case("Voters went to the polls on 8 November 2016. Nearly four years later, they did so "
         "again.", "2016-11-08", published=date(2020, 11, 10)),
]

UNUSUAL = [
    case("The new bridge opens on the first of May.", "2024-05-01",
         published=date(2024, 3, 1)),
    # A decade is backdrop, and no target year (the first and second tables' decisions).
    case("Leaders expect the technology to be common by the mid-2020s.",
         published=date(2022, 4, 1)),
    case("The plant closed in late 2019.", "2019", published=date(2021, 3, 1)),
    case("The ministry will publish its plan early next year.", "2025",
         published=date(2024, 10, 1)),
    case("The city wants to plant a million trees by the end of the decade.",
         published=date(2022, 4, 1)),
    # The weeks before Christmas: December, or the day they lead to.
    case("Shoppers flocked to the high street in the run-up to Christmas.",
         Row(("2023-12", "2023-12-25")), published=date(2023, 12, 28)),
    # Said on a Wednesday: last weekend was 8-9 June, the one before it 1-2 June.
    case("The weekend before last, vandals smashed the chapel's windows.", "2024-W22-WE",
         published=date(2024, 6, 12)),
    case("This time last year, the reservoir was full.",
         Row(("2023-06-12", "2023-06", "2023")), published=date(2024, 6, 12)),
    # The birthday is the day after: a derived row, as a deadline "13 minutes" after is.
    case("He died on Sunday, a day shy of his 90th birthday.", "2024-06-09",
         derived("2024-06-10"), published=date(2024, 6, 11)),
    case("The referendum is set for the twenty-third of June.", "2016-06-23",
         published=date(2016, 6, 1)),
    case("The fair returns on the second Saturday of September.", "2024-09-14",
         published=date(2024, 6, 1)),
    case("Sales slumped in the last days of 2022.", Row(("2022-12", "2022")),
         published=date(2023, 2, 1)),
    # Said in the past before that half began, "the year" is the one just ended; one row,
    # not a half and a year.
    case("Sales rose 5% in the second half of the year.", "2023-H2",
         published=date(2024, 2, 10)),
    case("The firm expects growth to pick up in the second half of the year.", "2024-H2",
         published=date(2024, 3, 10)),
    case("Prices should ease in the back half of the year.", "2024-H2",
         published=date(2024, 3, 1)),
    case("Work on the line starts in the new year.", "2024", published=date(2023, 12, 10)),
    case("Midway through 2021, the firm changed its name.", "2021",
         published=date(2023, 1, 10)),
    case("Temperatures hit a record on the Fourth of July.", "2024-07-04",
         published=date(2024, 7, 10)),
    case("Since the start of the year, sales have risen 12%.",
         Row(("2024", "2024-01", "2024-01-01")), published=date(2024, 6, 1)),
    case("In the closing weeks of 2023, the bank cut 500 jobs.", Row(("2023-12", "2023")),
         published=date(2024, 2, 1)),
    case("Police made 40 arrests on Halloween night.", Row(("2023-10-31TNI", "2023-10-31")),
         published=date(2023, 11, 2)),
    # Memorial Day 2024 is the last Monday of May.
    case("The memorial will be unveiled on Memorial Day.", "2024-05-27",
         published=date(2024, 5, 1)),
    # A war named by its years, the second cut short: a period.
    case("His father fought in the 1939\u201345 war.", Row("1939", "1945"),
         published=date(2020, 5, 8)),
]

REPORTED = [
    # "Would" looks ahead from the day it was said: the Friday after that Monday.
    case("The mayor said on Monday that the road would reopen on Friday.", "2024-06-10",
         "2024-06-14", published=date(2024, 6, 12)),
    case("She told reporters she had met the minister on Tuesday.", "2024-06-11",
         published=date(2024, 6, 13)),
    case("He said last week that he would resign in September.", "2024-W23", "2024-09",
         published=date(2024, 6, 12)),
    case("Officials said on Thursday that the bridge had been closed since March.",
         "2024-03", "2024-06-13", published=date(2024, 6, 15)),
    case("'We will name the winner on Sunday,' the organisers said on Wednesday.",
         "2024-06-12", "2024-06-16", published=date(2024, 6, 13)),
    case("The company said it expected to return to profit next year.", "2025",
         published=date(2024, 6, 12)),
    case("The witness testified that she saw the defendant at 11 p.m. on June 3.",
         "2024-06-03T23:00", published=date(2024, 6, 20)),
    case("Police said the man, who was arrested on Saturday, will appear in court on Monday.",
         "2024-06-15", "2024-06-17", published=date(2024, 6, 16)),
    case("The minister insisted on Tuesday that inflation had peaked in October.", "2023-10",
         "2023-11-14", published=date(2023, 11, 16)),
    case("He claimed he had been at home all evening on 4 May.",
         Row(("2024-05-04TEV", "2024-05-04")), published=date(2024, 6, 1)),
    case("The chief executive told staff on Friday that the office would close at the end of "
         "March.", "2024-01-12", "2024-03", published=date(2024, 1, 15)),
    case("A spokesman said the talks, which began on Tuesday, had ended without a deal on "
         "Wednesday.", "2024-06-11", "2024-06-12", published=date(2024, 6, 13)),
]

GENERIC = [
    case("Under NFL rules, the two-minute warning comes near the end of each half."),
    case("The Yankees scored four runs in the seventh inning."),
    case("The Celtics trailed by 12 at halftime but won in overtime."),
    case("The Lakers led 58-51 at the break and pulled away in the fourth quarter."),
    case("The striker scored twice in the first 20 minutes."),
    case("In the second half, the Bears rushed for 200 yards."),
    case("In June, graduates flood the job market."),
    case("The DMV office is closed on Mondays and state holidays."),
    case("Come summer, the ski town turns into a mountain-bike hub."),
    case("Federal tax returns are due on April 15 each year."),
    case("Thanksgiving falls on the fourth Thursday of November."),
    case("The mall is busiest in the weeks before Christmas."),
    case("Nurses work 12-hour shifts three days a week."),
    case("The fall semester runs from late August to mid-December each year."),
    case("Every four years, Americans elect a president in November."),
    case("The legislature meets in odd-numbered years."),
    case("The museum offers free admission on the first Sunday of every month."),
    case("Ticket prices usually rise in the summer."),
]

NOT_ROWS = [
    case("The iPhone 15 Pro has a titanium frame."),
    case("Windows 11 now runs on ARM chips."),
    case("She was sentenced to 25 years to life."),
    case("The 49ers beat the Cowboys 24-21."),
    case("The hospital has 1,200 beds and 9,000 staff."),
    case("Detectives are now reviewing body camera footage."),
    case("The Route 9 bypass has been under construction for years."),
    case("PlayStation 5 sales have topped 50 million units."),
    case("The Fortune 500 company employs 80,000 people."),
    case("Interstate 95 remains closed in both directions."),
    case("The virus has an incubation period of up to 14 days."),
    case("Nearly 1 in 5 adults reported symptoms lasting 3 months or more."),
    case("The 2020s have been a turbulent decade for retailers."),
    case("Blink-182 played to a sold-out crowd."),
    case("The Ryzen 7000 chips use a 5-nanometre process."),
    case("Voters in District 9 will elect a new council member."),
    case("The company reports results quarterly."),
    case("Area 51 remains off-limits to the public."),
    case("Patients on the ward are monitored around the clock."),
    case("H5N1 has spread to dairy herds in 12 states."),
]

CATEGORIES = {
    "police": POLICE,  # US blotter times: "at about 2:15 a.m. Sunday", block numbers
    "elections": ELECTIONS,  # primaries, Election Day, the eve and the day after the vote
    "health": HEALTH,  # trials, journals, agencies, embargoes
    "tech": TECH,  # product names, fiscal quarters, halves, launches and outages
    "arts": ARTS,  # premieres, festivals, tours, a film's year
    "schools": SCHOOLS,  # terms, school years, board votes
    "legal": LEGAL,  # deadlines, sentencing dates, periods set by law
    "disasters": DISASTERS,  # storms, fires, quakes, floods
    "follow-on": FOLLOW_ON,  # offsets counted from the sentence before
    "unusual": UNUSUAL,  # spelled-out days, holidays, vague parts of years
    "reported": REPORTED,  # tenses in reported speech
    "generic": GENERIC,  # game periods, habits, every year's months and days
    "not rows": NOT_ROWS,  # durations, the present, names and numbers
}
TABLE = table(CATEGORIES)


@pytest.mark.parametrize(("text", "published", "expected"), TABLE)
def test_the_rows_a_reader_expects(text: str, published: date, expected: list[Row]) -> None:
    check(text, published, expected)
