"""An eighth table of timeline rows, written apart from the other seven (test_row_examples.py,
_more.py, _third.py ... _seventh.py) and before running the code on it. Its register is the
one they touch least: government, regulatory, scientific, medical and legal writing and press
releases. Fiscal, calendar and academic years ("fiscal year 2025", "FY25", "the 2024/25
academic year"), horizons and deadlines ("by end-2025", "mid-2026", "in H2", "through 2030",
"no earlier than", "as of June 30", "effective immediately"), legal filings ("on or about
March 3", "the period from ... through ..."), weeks and weekends named by a day ("the week of
May 6", "the weekend of 11-12 May"), ISO and compact dates beside document numbers
("Regulation (EU) 2016/679"), 24-hour and zoned clock times ("14:00 CET", "noon ET",
"0900 GMT"), clock ranges and nights across two dates, parts of days ("late on Tuesday",
"the early hours of 5 May"), trial and study timelines, regulation phases counted from one
another, offsets anchored to a date in the same sentence, datelines and release boilerplate,
and the habits and durations of rules, which are no rows.

The conventions are the first table's (`Row`, `case`, `derived`, `check`): the rows a careful
reader would write, in the timeline's order (date, then text). Where TimeML annotation and a
careful reader could go either way, both values are accepted; `either` (the fourth table's)
accepts a period written as one value or as a range. A comment says why where a case is a
decision."""

from __future__ import annotations

from datetime import date

import pytest
from tests.timeline.test_row_examples import Row, case, check, derived, table
from tests.timeline.test_row_examples_fourth import either

PR = date(2024, 5, 2)  # a Thursday in ISO week 18: the default release date

FISCAL = [
    # A fiscal year sits at the calendar year that names it; TimeML's "FY2025" is fair too
    # (the second table's decision for "fiscal 2024").
    case("The department's budget for fiscal year 2025 rises 4%, the White House said.",
         Row(("2025", "FY2025")), published=PR),
    case("The agency spent $3.1bn on grants in FY25, the audit found.",
         Row(("2025", "FY2025")), published=date(2025, 11, 10)),
    case("Emissions fell 6% in calendar year 2024, the regulator said on Tuesday.",
         "2024", "2025-03-11", published=date(2025, 3, 13)),
    # An academic year across two years is a span (the fifth table's "2023-24 school year").
    case("Tuition will rise 3% in the 2024/25 academic year.", Row("2024", "2025"),
         published=PR),
    case("Students admitted in the academic year 2025\u201326 will pay the new fee.",
         Row("2025", "2026"), published=date(2025, 6, 10)),
    # "Through" a year alone is the end of something under way: a row at it (the first
    # table's "until 30 June 2023").
    case("The scheme is funded through fiscal 2027.", Row(("2027", "FY2027")), published=PR),
    case("Congress must pass a budget before the fiscal year begins on Oct. 1.",
         "2024-10-01", published=date(2024, 9, 10)),
    # Several fiscal years are one span, in either the calendar or the fiscal form.
    case("The grant covers fiscal years 2025 through 2027.",
         either(Row("2025", "2027"), Row("FY2025", "FY2027")), published=PR),
    case("In calendar 2023, the pension fund returned 11%.", "2023",
         published=date(2024, 2, 1)),
    # The fiscal year is the period; the day it ended is the sentence's date.
    case("The state ended the fiscal year on June 30 with a $2bn surplus.", "2024-06-30",
         published=date(2024, 8, 1)),
    case("The FY2024 deficit was $1.8 trillion, Treasury figures show.",
         Row(("2024", "FY2024")), published=date(2024, 11, 1)),
    case("Calendar-year 2025 premiums will rise by an average of 7%.", "2025",
         published=date(2024, 10, 1)),
    # The end of a year: the year, its December or its last day (the sixth's "year-end").
    case("The tax credit expires at the end of calendar year 2025.",
         Row(("2025", "2025-12", "2025-12-31")), published=PR),
    # The US federal fiscal year under way in May 2024 is FY2024.
    case("The current fiscal year's budget is under review.", Row(("2024", "FY2024")),
         published=PR),
    case("Next fiscal year, the agency will cut 300 posts.", Row(("2025", "FY2025")),
         published=PR),
    case("The council set its budget for 2024-25 on Tuesday evening.",
         Row("2024", "2025"), Row(("2024-02-27TEV", "2024-02-27")),
         published=date(2024, 2, 29)),
]

HORIZON = [
    case("The bank expects inflation to return to target by end-2025.",
         Row(("2025", "2025-12", "2025-12-31")), published=PR),
    # "Mid-" a year is the year (TimeML's value, with a modifier the row does not keep).
    case("Construction is due to finish in mid-2026.", "2026", published=PR),
    case("The regulator will publish draft rules in H2.", "2024-H2", published=PR),
    case("Subsidies continue through 2030 under the plan.", "2030", published=PR),
    case("Deliveries are expected to start no earlier than 2027.", "2027", published=PR),
    case("As of June 30, the fund held $4.2bn in assets.", "2024-06-30",
         published=date(2024, 8, 1)),
    case("The ban is effective immediately, the ministry said.", published=PR),
    case("The new tariff takes effect immediately and runs through Dec. 31.", "2024-12-31",
         published=PR),
    case("Cases have risen since early 2023, according to the agency.", "2023",
         published=PR),
    case("The target is net zero by 2050.", "2050", published=PR),
    case("By the end of the first half, the plant should be running at full capacity.",
         "2024-H1", published=PR),
    case("The authority aims to clear the backlog by year-end 2026.",
         Row(("2026", "2026-12", "2026-12-31")), published=PR),
    case("Rates will stay on hold until at least mid-2025.", "2025", published=PR),
    # A decade is backdrop (the first table's decision).
    case("Demand is forecast to peak in the late 2030s.", published=PR),
    # "A year later than planned" compares with a plan: no offset.
    case("The plant will close in H1 2027, a year later than planned.", "2027-H1",
         published=PR),
    # Results for a quarter and its year: the quarter is the precise period (the year goes
    # as its prefix in the gold); the release day is an event of its own.
    case("Results for Q4 and full-year 2024 will be released on 6 February 2025.",
         Row(("2024-Q4", "2024")), "2025-02-06", published=date(2025, 1, 10)),
    case("The consultation closes no later than 5 p.m. on 28 June.", "2024-06-28T17:00",
         published=PR),
    case("The programme will be reviewed in the second half of 2025 at the earliest.",
         "2025-H2", published=PR),
    case("The ECB will keep rates unchanged for the time being.", published=PR),
    case("A final decision is not expected before the autumn.", "2024-FA", published=PR),
    case("The pipeline should be operational within the next three years.", published=PR),
    case("Prices are projected to rise 2.1% in 2025 and 1.9% in 2026.", "2025", "2026",
         published=PR),
]

LEGAL = [
    case("The complaint was filed on or about March 3, 2024, in federal court.",
         "2024-03-03", published=PR),
    case("The audit covers the period from 1 January 2023 through 31 December 2023.",
         Row("2023-01-01", "2023-12-31"), published=PR),
    case("Claims arising between April 1, 2022, and March 31, 2023, are eligible.",
         Row("2022-04-01", "2023-03-31"), published=PR),
    case("The defendant made the payments from in or about 2018 through in or about 2021.",
         Row("2018", "2021"), published=PR),
    case("On or about the evening of June 4, 2023, the defendant entered the premises.",
         Row(("2023-06-04TEV", "2023-06-04")), published=PR),
    case("The court set a hearing for 10:00 a.m. on May 20, 2024.", "2024-05-20T10:00",
         published=PR),
    case("Responses are due within 21 days of service.", published=PR),
    case("The settlement was approved on 2024-04-15 and payments begin 30 days later.",
         "2024-04-15", derived("2024-05-15"), published=PR),
    # The week of a Monday: its ISO week, or the Monday.
    case("The judge adjourned the case until the week of June 10.",
         Row(("2024-W24", "2024-06-10")), published=PR),
    case("The order remains in force pending a further hearing.", published=PR),
    case("The consent decree, entered in 2019, expires five years from entry.", "2019",
         derived("2024"), published=PR),
    case("Objections must be postmarked no later than August 15, 2024.", "2024-08-15",
         published=PR),
    # A period that runs to the present is at its start, like "since".
    case("The class includes all persons who bought the product from January 1, 2020, to "
         "the present.", "2020-01-01", published=PR),
    case("The statute was amended effective July 1, 2023.", "2023-07-01", published=PR),
    case("The contract was executed on March 3 and terminated on or about May 1, 2024.",
         "2024-03-03", "2024-05-01", published=date(2024, 6, 1)),
    case("The indictment, unsealed Thursday, charges conduct dating back to 2015.", "2015",
         "2024-05-02", published=date(2024, 5, 3)),
    case("The parties have until close of business on Friday to respond.", "2024-05-03",
         published=PR),
    case("The appeal was dismissed on 12 April; the written reasons followed on 30 April.",
         "2024-04-12", "2024-04-30", published=PR),
    case("A bench warrant was issued after he failed to appear on Monday.", "2024-04-29",
         published=PR),
    case("The tribunal reserved judgment at the close of the hearing on 26 April.",
         "2024-04-26", published=PR),
    case("Under the rules, a claim must be brought within six years of the breach.",
         published=PR),
    # The term's end is implied by a duration, not said as an event: one row, at the start.
    case("The lease runs for 25 years from 1 January 2010.", "2010-01-01", published=PR),
]

WEEKS = [
    case("The committee will meet the week of May 6.", Row(("2024-W19", "2024-05-06")),
         published=PR),
    case("Inspections are planned for the week of 13 May, the agency said.",
         Row(("2024-W20", "2024-05-13")), published=PR),
    # A weekend by its two days: the ISO weekend, or the two days as a range.
    case("Polling stations will open over the weekend of 11\u201312 May.",
         either("2024-W19-WE", Row("2024-05-11", "2024-05-12")), published=PR),
    case("Engineering works close the line the weekend of June 8-9.",
         either("2024-W23-WE", Row("2024-06-08", "2024-06-09")), published=PR),
    case("During the week of March 10, 2025, the agency received 4,000 complaints.",
         Row(("2025-W11", "2025-03-10")), published=date(2025, 3, 20)),
    # Said on Thursday of week 18: next week is 19, the week after next 20.
    case("The ministry will publish the figures the week after next.", "2024-W20",
         published=PR),
    case("Schools close for the half-term week starting 27 May.",
         Row(("2024-W22", "2024-05-27")), published=PR),
    case("The festival takes place over the weekend of 29 and 30 June.",
         either("2024-W26-WE", Row("2024-06-29", "2024-06-30")), published=PR),
    case("The register will be updated weekly.", published=PR),
    case("Most of the damage was done in the week to Sunday, officials said.",
         Row(("2024-W17", "2024-04-28")), published=PR),
]

ISO = [
    case("The directive entered into force on 2024-05-06.", "2024-05-06",
         published=date(2024, 5, 7)),
    case("Submissions received after 2024-06-30 will not be considered.", "2024-06-30",
         published=PR),
    case("The dataset covers 2019-01-01 to 2021-12-31.", Row("2019-01-01", "2021-12-31"),
         published=PR),
    case("Incident logged at 2024-03-14 09:42 UTC.", "2024-03-14T09:42", published=PR),
    case("The patch was released on 2024-04-30T18:00Z.", "2024-04-30T18:00",
         published=PR),
    # A version number is no date; "in May" is.
    case("Version 2024.05 of the standard was published in May.", "2024-05",
         published=date(2024, 6, 1)),
    # A file reference is no date.
    case("Ref. 2024/0123 concerns a complaint lodged on 12.03.2024.", "2024-03-12",
         published=PR),
    case("ISO 8601:2004 defines the date formats used in the register.", published=PR),
    # A regulation's number is no date.
    case("Regulation (EU) 2016/679 applies from 25 May 2018.", "2018-05-25", published=PR),
    case("Directive 2009/138/EC was transposed into national law by 31 March 2015.",
         "2015-03-31", published=PR),
    case("Meeting starts 09:30 on 2024-05-14.", "2024-05-14T09:30", published=PR,
         xfail="a bare 24-hour clock after a verb is read as a time only after 'at', before a "
               "zone or at a line's start: '10.30' is as often a price"),
    case("The filing is dated 20240506.", "2024-05-06", published=date(2024, 5, 10),
         xfail="compact YYYYMMDD dates are not read: an eight-digit number is as often a case or "
               "account number"),
    case("Week 2024-W19 saw the highest traffic on record.", "2024-W19",
         published=date(2024, 5, 20)),
    case("Between 2023-11-01 and 2023-11-30, 412 cases were reported.",
         Row("2023-11-01", "2023-11-30"), published=PR),
    case("Section 2024 of the code sets the penalty.", published=PR),
    case("Form 1099 must be sent to the contractor.", published=PR),
    case("The notice (No. 2023-17) was withdrawn on 2024-02-01.", "2024-02-01",
         published=PR),
]

ZONED = [
    case("The decision will be announced at 14:00 CET on Wednesday.", "2024-05-08T14:00",
         published=PR),
    case("The hearing resumes at noon ET on Monday.", "2024-05-06T12:00", published=PR),
    case("Trading was halted at 0900 GMT on 3 May.", "2024-05-03T09:00",
         published=date(2024, 5, 4)),
    # One moment on two clocks: one row, at either clock (the second table kept the first).
    case("The webcast begins at 8:30 a.m. EDT (12:30 GMT) on May 9.",
         Row(("2024-05-09T08:30", "2024-05-09T12:30")), published=PR),
    case("Results are due at 7 a.m. Sydney time on Saturday.", "2024-05-04T07:00",
         published=PR),
    case("The window closes at 23:59 UTC on 31 May.", "2024-05-31T23:59", published=PR),
    case("The launch is set for 06:15 local time (04:15 GMT) on Friday.",
         Row(("2024-05-03T06:15", "2024-05-03T04:15")), published=PR),
    case("Markets reopen at 9:30 a.m. New York time on Monday.", "2024-05-06T09:30",
         published=PR),
    # Midnight "on Sunday": its end to most readers, its start to some (the second table's).
    case("The ceasefire took hold at midnight GMT on Sunday.",
         Row(("2024-05-05T24:00", "2024-05-06T00:00", "2024-05-05T00:00")),
         published=date(2024, 5, 7)),
    case("Applications open at 10:00 BST on 1 July.", "2024-07-01T10:00", published=PR),
    # Two events on one day: the opening and the close are a row each.
    case("Polls opened at 7 a.m. local time (0500 GMT) on Sunday and closed at 8 p.m.",
         "2024-05-05T07:00", "2024-05-05T20:00", published=date(2024, 5, 6)),
    case("The statement was issued at 16:00 Brussels time on 30 April.",
         "2024-04-30T16:00", published=PR),
    case("The quake struck at 02:14 JST on Thursday (17:14 GMT on Wednesday).",
         Row(("2024-05-02T02:14", "2024-05-01T17:14")), published=PR),
    case("The vote closes at 17:00 CEST tomorrow.", "2024-05-03T17:00", published=PR),
    case("Briefings are held at 11:00 GMT on weekdays.", published=PR),
]

CLOCK_RANGES = [
    case("The office will be closed between 9 and 11 a.m. on Friday for maintenance.",
         Row("2024-05-03T09:00", "2024-05-03T11:00"), published=PR),
    case("The polling station is open from 9:00 to 17:00 on 6 May.",
         Row("2024-05-06T09:00", "2024-05-06T17:00"), published=PR),
    # A night across two dates: TimeML's night of the first day, or the two days.
    case("Gunfire was heard on the night of 3 to 4 May.",
         either(Row(("2024-05-03TNI", "2024-05-03")), Row("2024-05-03", "2024-05-04")),
         published=date(2024, 5, 6)),
    case("The road will be shut from 22:00 on Saturday until 06:00 on Monday.",
         Row("2024-05-04T22:00", "2024-05-06T06:00"), published=PR),
    case("Voting took place from 0700 to 2200 hours on 4 July.",
         Row("2024-07-04T07:00", "2024-07-04T22:00"), published=date(2024, 7, 5)),
    case("The airspace was closed from 02:00 to 05:30 GMT on Tuesday.",
         Row("2024-04-30T02:00", "2024-04-30T05:30"), published=PR),
    case("Water will be off between noon and 4 p.m. tomorrow.",
         Row("2024-05-03T12:00", "2024-05-03T16:00"), published=PR),
    case("Services are suspended from 11pm on 10 May to 5am on 11 May.",
         Row("2024-05-10T23:00", "2024-05-11T05:00"), published=PR),
    case("Staff evacuated the building between 14:10 and 14:45 on 2 May.",
         Row("2024-05-02T14:10", "2024-05-02T14:45"), published=date(2024, 5, 3)),
    # From one part of a day to a part of the next: the parts, or the days.
    case("Clashes continued from the evening of 1 May into the early hours of 2 May.",
         either(Row("2024-05-01TEV", "2024-05-02TNI"), Row("2024-05-01TEV", "2024-05-02TMO"),
                Row("2024-05-01", "2024-05-02")), published=date(2024, 5, 3)),
    case("The helpline is staffed from 8:00 to 20:00.", published=PR),
    case("The curfew ran from 9 p.m. Friday to 6 a.m. Saturday.",
         Row("2024-04-26T21:00", "2024-04-27T06:00"), published=PR),
]

PARTS_OF_DAY = [
    # Late on a day: the day, its night or its evening (the seventh table's).
    case("The bill passed late on Tuesday after a 14-hour debate.",
         Row(("2024-04-30", "2024-04-30TNI", "2024-04-30TEV")), published=PR),
    # The early hours are the night's end; the day, or its morning, are fair too.
    case("The dam gave way in the early hours of 5 May.",
         Row(("2024-05-05TNI", "2024-05-05", "2024-05-05TMO")), published=date(2024, 5, 6)),
    case("Negotiators reached a deal in the small hours of Saturday.",
         Row(("2024-04-27TNI", "2024-04-27", "2024-04-27TMO")), published=PR),
    # Two possible days: a row for each.
    case("The vote is expected late on Wednesday or early on Thursday.",
         Row(("2024-05-08", "2024-05-08TNI", "2024-05-08TEV")),
         Row(("2024-05-09", "2024-05-09TMO", "2024-05-09TNI")), published=PR,
         xfail="said on a Thursday, 'early on Thursday' reads as today; that the pair runs from "
               "next Wednesday night needs the two read together"),
    case("Early on Monday morning, police raided 12 addresses.",
         Row(("2024-04-29TMO", "2024-04-29")), published=PR),
    case("The agency issued the alert late in the evening of 1 May.",
         Row(("2024-05-01TEV", "2024-05-01")), published=PR),
    case("The talks ran deep into the night on Tuesday.",
         Row(("2024-04-30TNI", "2024-04-30")), published=PR),
    case("The announcement came shortly before dawn on Sunday.",
         Row(("2024-04-28TMO", "2024-04-28", "2024-04-28TNI")), published=PR),
    case("Late on 30 April, the board accepted the offer.",
         Row(("2024-04-30", "2024-04-30TNI", "2024-04-30TEV")), published=PR),
    case("By mid-afternoon on Friday, the river had burst its banks.",
         Row(("2024-05-03TAF", "2024-05-03")), published=date(2024, 5, 6)),
    case("Late last night, the regulator suspended the licence.",
         Row(("2024-05-01TNI", "2024-05-01")), published=PR),
    case("The minister will respond in the House on Thursday afternoon.",
         Row(("2024-05-09TAF", "2024-05-09")), published=date(2024, 5, 6)),
]

STUDIES = [
    case("Patients were enrolled between 2019 and 2021 at 40 sites.", Row("2019", "2021"),
         published=PR),
    case("Participants were followed up for five years.", published=PR),
    case("The cohort was recruited from March 2018 to February 2020 and followed up until "
         "31 December 2023.", Row("2018-03", "2020-02"), "2023-12-31", published=PR),
    case("Median follow-up was 4.2 years.", published=PR),
    case("The trial began enrolment in Q1 2022 and completed it in Q3 2023.", "2022-Q1",
         "2023-Q3", published=PR),
    case("Data were collected from January to December 2022.", Row("2022-01", "2022-12"),
         published=PR),
    case("The primary completion date is estimated as 2026-09-30.", "2026-09-30",
         published=PR),
    case("Outcomes were assessed at baseline, 6 weeks and 12 weeks.", published=PR),
    case("Samples were taken daily during the first week of treatment.", published=PR),
    case("The study ran from 1 October 2020 through 30 September 2022, with follow-up "
         "through 2025.", Row("2020-10-01", "2022-09-30"), "2025", published=PR),
    case("The results were presented at the annual meeting on June 1, 2024.", "2024-06-01",
         published=date(2024, 6, 3)),
    case("The vaccine was given in two doses 21 days apart.", published=PR),
    case("Patients diagnosed in 2010\u20132014 lived longer than those diagnosed in "
         "2000\u20132004.", Row("2000", "2004"), Row("2010", "2014"), published=PR),
    case("Recruitment closed on 15 March 2023, 18 months after the first patient was "
         "enrolled.", derived("2021-09-15"), "2023-03-15", published=PR),
    case("The registry has collected data since 1995.", "1995", published=PR),
    case("An interim analysis is planned for the second half of 2025.", "2025-H2",
         published=PR),
    case("Mortality was recorded at 30 days and at one year after surgery.", published=PR),
    # A reference number is no date.
    case("The study was approved by the ethics committee on 4 May 2021 (ref. 21/LO/0456).",
         "2021-05-04", published=PR),
    case("Participants aged 18 to 65 were eligible.", published=PR),
    case("Between 2015 and 2020, incidence rose by 3% a year.", Row("2015", "2020"),
         published=PR),
    case("The first participant was dosed on 8 January 2024, the sponsor said on Monday.",
         "2024-01-08", "2024-04-29", published=PR),
    case("Survival was measured from diagnosis to death or last contact.", published=PR),
    case("The trial was stopped early in November 2023 after a safety signal.", "2023-11",
         published=PR),
]

PHASES = [
    case("Phase one begins in 2025, and phase two follows two years later.", "2025",
         derived("2027"), published=PR),
    case("The rules take effect in three stages: in 2025, 2027 and 2030.", "2025", "2027",
         "2030", published=PR),
    case("The first tranche is due on 1 July 2024 and the second six months later.",
         "2024-07-01", derived("2025-01-01"), published=PR),
    case("New licences are banned from January 2026; existing ones lapse a year after that.",
         "2026-01", derived("2027-01"), published=PR),
    case("The levy rises to 2% in April and to 3% twelve months later.", "2024-04",
         derived("2025-04"), published=date(2024, 1, 15)),
    case("Member states must transpose the directive by 17 October 2024 and apply it from "
         "the following day.", "2024-10-17", derived("2024-10-18"), published=PR),
    case("The phase-out starts in 2030 and ends five years later.", "2030", derived("2035"),
         published=PR),
    case("Stage two will open three months after stage one, which launches on 1 September.",
         "2024-09-01", derived("2024-12-01"), published=PR),
    case("The transitional period lasts 24 months from entry into force.", published=PR),
    case("Each phase lasts about 18 months.", published=PR),
    case("The regulation entered into force on 1 August 2024, and most of its provisions "
         "apply two years later.", "2024-08-01", derived("2026-08-01"),
         published=date(2024, 9, 1)),
    case("The pilot ran from 2021 to 2023; a national rollout followed in 2024.",
         Row("2021", "2023"), "2024", published=PR),
    # The plan and the new date are both dates a reader looks for.
    case("The second phase, originally planned for 2026, has been pushed back to 2028.",
         "2026", "2028", published=PR),
    case("Phase three is scheduled to start in Q2 2026 and to end 18 months later.",
         "2026-Q2", derived("2027-Q4"), published=PR),
]

ANCHORED = [
    # The talks are a week before the dated summit; the vote has no date to count from.
    case("The talks will be held two days after the vote and a week before the summit on "
         "12 June.", derived("2024-06-05"), "2024-06-12", published=PR,
         xfail="two offsets of one event, one counted from an event the text never dates (the "
               "vote): the rows count the first from the summit's date"),
    case("The report was published on 3 May, a day after the vote and five days before the "
         "deadline.", derived("2024-05-02"), "2024-05-03", derived("2024-05-08"),
         published=date(2024, 5, 10)),
    case("The sanctions take effect on 1 June, 30 days after the order was signed.",
         derived("2024-05-02"), "2024-06-01", published=PR),
    # The election's own date is a row; the change of leader counts back from it.
    case("Ten days before the 6 June election, the party changed its leader.",
         derived("2024-05-27"), "2024-06-06", published=date(2024, 6, 10)),
    case("The bill passed the Senate on Tuesday, a week after it cleared the House.",
         derived("2024-04-23"), "2024-04-30", published=PR),
    case("Three weeks after the 14 March filing, the regulator opened an inquiry.",
         "2024-03-14", derived("2024-04-04"), published=PR),
    case("The embargo was lifted at 09:00 on 2 May, 48 hours after it was imposed.",
         derived("2024-04-30T09:00"), "2024-05-02T09:00", published=date(2024, 5, 3)),
    case("The board meets on 20 May, and the shareholder vote is set for two weeks later.",
         "2024-05-20", derived("2024-06-03"), published=PR),
    # An offset that carries its own date: a row at that date, not derived.
    case("The deadline, 60 days after publication on 1 March, falls on 30 April.",
         "2024-03-01", "2024-04-30", published=PR),
    case("The inspection took place on 2024-04-18, one week before the licence expired.",
         "2024-04-18", derived("2024-04-25"), published=PR),
    case("The committee will vote the day before the plenary session on 15 May.",
         derived("2024-05-14"), "2024-05-15", published=PR),
    # "Some" rounds the distance; a reader still places the event there.
    case("The agency was notified at 16:40 on 29 April, some six hours after the breach.",
         derived("2024-04-29T10:40"), "2024-04-29T16:40", published=PR),
    # "More than a year" is no exact distance.
    case("The ruling came on 3 May, more than a year after the appeal was lodged.",
         "2024-05-03", published=date(2024, 5, 6)),
    case("The licence was suspended on 2 April and reinstated 28 days later.",
         "2024-04-02", derived("2024-04-30"), published=PR),
    case("The merger closed on 31 January, a month after regulators cleared it.",
         derived("2023-12-31"), "2024-01-31", published=PR),
]

RELEASES = [
    # The dateline and "today" are one day: one row.
    case("WASHINGTON, May 6, 2024 /PRNewswire/ -- The company today announced a $50m "
         "investment.", "2024-05-06", published=date(2024, 5, 6)),
    case("BRUSSELS, 2 May 2024 \u2013 The Commission today adopted new rules on packaging.",
         "2024-05-02", published=PR),
    case("FOR IMMEDIATE RELEASE", published=PR),
    case("EMBARGOED UNTIL 00:01 BST, THURSDAY 9 MAY 2024", "2024-05-09T00:01",
         published=PR),
    case("The company will host a conference call at 8:00 a.m. ET today to discuss the "
         "results.", "2024-05-02T08:00", published=PR),
    case("Forward-looking statements speak only as of the date of this release.",
         published=PR),
    case("The dividend is payable on June 14 to shareholders of record on May 31.",
         "2024-05-31", "2024-06-14", published=PR),
    case("The offer expires at 5:00 p.m., New York City time, on June 28, 2024, unless "
         "extended.", "2024-06-28T17:00", published=PR),
    case("About the Agency: Founded in 1970, the agency protects human health.", "1970",
         published=PR),
    # A quarter said by the day it ended: the day, the quarter, or its months. Lead's
    # decision (as in the sixth table): the quarter and its closing day are two rows, as
    # TimeML gold annotates them.
    case("The company reported results for the quarter ended March 31, 2024.",
         "2024-Q1", "2024-03-31", published=PR),
    case("Updated 14:32 GMT, 2 May 2024.", "2024-05-02T14:32", published=PR),
    case("Media contact: press@agency.gov, +1 202 555 0142", published=PR),
    case("The ministry confirmed on Wednesday that the scheme will close on 31 July.",
         "2024-05-01", "2024-07-31", published=PR),
    case("The figures, first published on 15 April, were revised on 1 May.", "2024-04-15",
         "2024-05-01", published=PR),
    # Day first (a British or EU release) or month first: either is a fair reading.
    case("Last updated: 02/05/2024", Row(("2024-05-02", "2024-02-05")),
         published=date(2024, 5, 3)),
    case("The agency will release its next report in early June.", "2024-06", published=PR),
]

NOT_ROWS = [
    case("Reports are due annually by 31 January.", published=PR),
    case("Returns must be filed within 90 days of the end of the fiscal year.",
         published=PR,
         xfail="a rule's 'the fiscal year' (any year) is read as this year"),
    case("Businesses must keep records for six years.", published=PR),
    case("The board meets quarterly.", published=PR),
    case("Benefits are paid on the first business day of each month.", published=PR),
    case("The office is open 9:00\u201317:00, Monday to Friday.", published=PR),
    case("Inspections take place at least once every 24 months.", published=PR),
    case("The federal fiscal year runs from 1 October to 30 September.", published=PR),
    case("Hours of operation: 0800\u20131800 daily.", published=PR),
    case("Effective immediately, all visits are suspended.", published=PR),
    case("Until further notice, the office is closed.", published=PR),
    case("The loan carries interest at 4.5% per annum.", published=PR),
    case("Dosing was twice daily for 14 days.", published=PR),
    case("Refunds are processed within five working days.", published=PR),
    case("Each fiscal year, the agency must report to Congress by March 31.", published=PR),
    case("Doses are taken every 12 hours, at 08:00 and 20:00.", published=PR),
    case("The permit is valid for 12 months from the date of issue.", published=PR),
    case("Patients are seen within two weeks of referral.", published=PR),
    case("The tax is due on the 15th day of the fourth month after the year ends.",
         published=PR,
         xfail="a rule's 'the year' (any year) is read as this year"),
    case("Emergency calls are answered around the clock.", published=PR),
]

CATEGORIES = {
    "fiscal": FISCAL,  # fiscal, calendar, academic and tax years
    "horizon": HORIZON,  # targets, forecasts, deadlines: end-, mid-, H2, through, no earlier
    "legal": LEGAL,  # filings, "on or about", periods from ... through, hearings
    "weeks": WEEKS,  # the week of a day, weekends named by their days
    "iso": ISO,  # ISO and compact dates beside document numbers that are no date
    "zoned": ZONED,  # 24-hour and zoned clock times, two clocks for one moment
    "clock ranges": CLOCK_RANGES,  # clock times from ... to, nights across two dates
    "parts of day": PARTS_OF_DAY,  # late on, the early hours, before dawn
    "studies": STUDIES,  # enrolment, follow-up, data collection, registries
    "phases": PHASES,  # stages of a rule or a project counted from one another
    "anchored": ANCHORED,  # offsets anchored to a date in the same sentence
    "releases": RELEASES,  # datelines, embargoes, release boilerplate
    "not rows": NOT_ROWS,  # the habits and durations of rules and treatments
}
TABLE = table(CATEGORIES)


@pytest.mark.parametrize(("text", "published", "expected"), TABLE)
def test_the_rows_a_reader_expects(text: str, published: date, expected: list[Row]) -> None:
    check(text, published, expected)
