"""A seventh table of timeline rows for short news sentences, written apart from the others
(test_row_examples.py, _more.py, _third.py, _fourth.py, _fifth.py) and before running the code
on it. Its topics are the ones they lack: international English from British, Irish,
Australian, Indian, South African and UN/EU copy ("on 3rd March", "Tuesday 4th", "the 14th",
"from Monday week", "Boxing Day", "the bank holiday weekend", "this financial year",
"FY2023-24", "Wednesday (June 5)"), sport (legs, kick-offs, seasons, tournaments named by their
year), history and retrospectives (decades and centuries are backdrop; D-Day, anniversaries),
science and space (launch times, arrivals, missions' lengths), weather forecasts ("overnight
into Sunday", "by midweek", "through the weekend"), court and parliament calendars (recesses,
adjournments, "Friday week"), anaphora to the sentence before ("that day", "the same week",
"the following month", "by then"), spelled-out days and times ("the twenty-first of June",
"a quarter to three"), numeric dates (day-first, month-first, or no date at all) and generic
uses that are no date ("a 9/11-style plot", "a Monday-to-Friday job").

The conventions are the first table's (`Row`, `case`, `derived`, `check`): the rows a careful
reader would write, in the timeline's order (date, then text); two accepted values where a
reader could fairly write either, `either` (the fourth table's) where a period could fairly be
one value or a range, and a comment where the case is a decision."""

from __future__ import annotations

from datetime import date

import pytest
from tests.timeline.test_row_examples import Row, case, check, derived, table
from tests.timeline.test_row_examples_fourth import either

INTERNATIONAL = [
    case("The strike begins on 3rd March, the union said.", "2025-03-03",
         published=date(2025, 2, 20)),
    # An ordinal day after a weekday: the next 4th that is a Tuesday (June's).
    case("The replay is on Tuesday 4th at Windsor Park.", "2024-06-04",
         published=date(2024, 5, 30)),
    case("Councillors will vote on the plan on the 14th.", "2024-11-14",
         published=date(2024, 11, 5)),
    # British "Monday week", said on a Wednesday: the Monday after the coming one.
    case("The new timetable applies from Monday week.", "2024-03-18",
         published=date(2024, 3, 6)),
    # "A fortnight on Friday": two weeks after the coming Friday (8 March).
    case("The inquiry will report a fortnight on Friday.", "2024-03-22",
         published=date(2024, 3, 4)),
    # Two weeks back from a Monday is a Monday; its ISO week is a fair value too.
    case("The bridge was shut a fortnight ago after cracks were found in a pier.",
         Row(("2024-02-19", "2024-W08")), published=date(2024, 3, 4)),
    case("Footfall on Boxing Day fell 3%, retailers said.", "2023-12-26",
         published=date(2023, 12, 28)),
    # The August bank holiday weekend just gone (Saturday 24 to Monday 26 August): the ISO
    # weekend, or the three days as a range.
    case("Roads to the coast were gridlocked over the bank holiday weekend.",
         either("2024-W34-WE", Row("2024-08-24", "2024-08-26")),
         published=date(2024, 8, 27)),
    # Decision: a British financial year (April to March) sits at the calendar year that
    # opens it, as "fiscal 2024" does in the second table; the two years as a range, or
    # TimeML's fiscal form, are fair too.
    case("The council expects to overspend by \u00a35m this financial year.",
         either("2024", "FY2024", Row("2024", "2025")), published=date(2024, 6, 1)),
    # Indian "FY2023-24" is April 2023 to March 2024: the two years as a range (the second
    # table's decision for "2008-09"), or the fiscal year TimeML names by either end.
    case("India's merchandise exports rose 11% in FY2023-24.",
         either(Row("2023", "2024"), "FY2024", "FY2023"), published=date(2024, 5, 15)),
    # Decision: a recess named by its season is a name; the day it starts is the event.
    case("The D\u00e1il rises for the summer recess on Thursday 11 July.", "2024-07-11",
         published=date(2024, 7, 1)),
    # Ireland's June bank holiday is the first Monday of June.
    case("The festival takes place on the June bank holiday Monday.", "2024-06-03",
         published=date(2024, 5, 1),
         xfail="world knowledge: only Ireland has a June bank holiday; the sentence does not "
               "say which country's calendar"),
    case("Thousands lined O'Connell Street for the St Patrick's Day parade on Sunday.",
         "2024-03-17", published=date(2024, 3, 18)),
    case("Leaving Cert results will be issued on Friday 23rd August.", "2024-08-23",
         published=date(2024, 8, 1)),
    case("Protesters marched through Melbourne on Australia Day.", "2024-01-26",
         published=date(2024, 1, 27)),
    case("Anzac Day falls on a Thursday this year.", "2024-04-25",
         published=date(2024, 3, 1)),
    case("The Reserve Bank will announce its decision at 2.30pm AEST on Tuesday.",
         "2024-02-06T14:30", published=date(2024, 2, 2)),
    case("Tax returns for the 2023-24 financial year are due by 31 October.",
         Row("2023", "2024"), "2024-10-31", published=date(2024, 7, 1)),
    case("The Melbourne Cup will be run on Tuesday in front of 100,000 people.",
         "2023-11-07", published=date(2023, 11, 5)),
    # An Indian paper's Independence Day is 15 August.
    case("The Prime Minister hoisted the flag at the Red Fort on Independence Day.",
         "2024-08-15", published=date(2024, 8, 16),
         xfail="world knowledge: the Red Fort makes it India's; a sentence naming the country "
               "(\"India's Independence Day\") is read"),
    # Indian copy repeats the day in brackets: the same day said twice, one row.
    case("The central bank kept its repo rate at 6.5% on Wednesday (June 5).", "2024-06-05",
         published=date(2024, 6, 6)),
    case("Counting of votes will take place on 4th June, the Election Commission said on "
         "Saturday.", "2024-03-16", "2024-06-04", published=date(2024, 3, 17)),
    case("Polling will be held in seven phases from 19th April to 1st June.",
         Row("2024-04-19", "2024-06-01"), published=date(2024, 3, 17)),
    # A quarter named by its months: the quarter, or its months as a range.
    case("Net profit for the April-June quarter rose 12%, the company said on 5th August.",
         either("2024-Q2", Row("2024-04", "2024-06")), "2024-08-05",
         published=date(2024, 8, 6)),
    case("The Republic Day parade on 26th January will feature 16 tableaux.", "2025-01-26",
         published=date(2025, 1, 10)),
    # The first election is a date ("since 2014" is a row in the first table).
    case("South Africans vote on 29 May in the seventh general election since 1994.",
         "1994", "2024-05-29", published=date(2024, 5, 1)),
    # "Stage 4" is a level, not a date.
    case("Eskom will implement stage 4 load-shedding from 05:00 to 22:00 on Tuesday.",
         Row("2023-02-14T05:00", "2023-02-14T22:00"), published=date(2023, 2, 12)),
    # Decision: holidays named by a season are a name; the day schools close is the event.
    case("Schools close on Friday for the winter holidays.", "2024-06-14",
         published=date(2024, 6, 10)),
    # A dateline and "today" are the same day: one row.
    case("Brussels, 12 March 2024 \u2013 The Commission today adopted new rules on "
         "packaging.", "2024-03-12", published=date(2024, 3, 12)),
    case("The regulation will apply from 2 August 2026.", "2026-08-02",
         published=date(2024, 7, 12)),
    case("The Commission will present its proposal in Q2 2025.", "2025-Q2",
         published=date(2024, 12, 1)),
    # Decision: "the 2030 Agenda" is a plan's name, like "the 1990 Act"; its adoption is dated.
    case("Member states adopted the 2030 Agenda in September 2015.", "2015-09",
         published=date(2020, 1, 10)),
    case("The Security Council extended the mission's mandate until 31 December 2025.",
         "2025-12-31", published=date(2024, 12, 20)),
    case("EU leaders meet in Brussels on 26-27 October.", Row("2023-10-26", "2023-10-27"),
         published=date(2023, 10, 20)),
    # The early hours are the night's end; the day is a fair value too.
    case("The summit ended in the early hours of Friday after 20 hours of talks.",
         Row(("2024-06-28TNI", "2024-06-28", "2024-06-28TMO")), published=date(2024, 6, 29)),
    # Decision: a year proclaimed for something is when that thing happens: a row.
    case("The General Assembly proclaimed 2025 the International Year of Quantum Science and "
         "Technology.", "2025", published=date(2024, 6, 10)),
    # Black Friday 2023 followed Thanksgiving on 23 November.
    case("Shoppers spent \u00a39bn on Black Friday, the retail group said.", "2023-11-24",
         published=date(2023, 11, 27)),
]

SPORT = [
    case("Liverpool must win the second leg on Wednesday to reach the final.", "2024-05-08",
         published=date(2024, 5, 2)),
    case("City host Arsenal on Sunday, with kick-off at 4.30pm.", "2024-03-31T16:30",
         published=date(2024, 3, 29)),
    case("Rice scored in the 89th minute to snatch a 2-1 win.", published=date(2024, 3, 4)),
    # A tournament named by its year (the first table's "2022 World Cup"): its year.
    case("The 2026 World Cup will be played in the United States, Canada and Mexico.", "2026",
         published=date(2024, 6, 1)),
    case("World Cup 2026 tickets go on sale in October.", "2025-10", "2026",
         published=date(2025, 8, 1)),
    # A season across two years is a period (the second table's decision).
    case("He scored 36 goals in the 2022\u201323 Premier League season.", Row("2022", "2023"),
         published=date(2023, 9, 1)),
    case("He made his debut in the 2009-10 season, aged 17, and left in the summer of 2016.",
         Row("2009", "2010"), "2016-SU", published=date(2024, 1, 1)),
    case("The first Ashes Test starts at Edgbaston on 16 June.", "2023-06-16",
         published=date(2023, 6, 1)),
    case("The All-Ireland hurling final takes place at Croke Park on Sunday 21 July.",
         "2024-07-21", published=date(2024, 7, 10)),
    case("Kohli made 82 not out on Sunday to win the match at the MCG.", "2022-10-23",
         published=date(2022, 10, 24)),
    case("Play resumes at 10.30am tomorrow, weather permitting.", "2024-06-29T10:30",
         published=date(2024, 6, 28)),
    case("The transfer window shuts at 11pm on Thursday 1 February.", "2024-02-01T23:00",
         published=date(2024, 1, 30)),
    case("The first leg finished 2-2 in Lisbon last Tuesday.", "2024-04-09",
         published=date(2024, 4, 15)),
    case("The derby has been moved to a 12.30pm kick-off on Saturday 9 March for television.",
         "2024-03-09T12:30", published=date(2024, 2, 20)),
    # A sprint time is no clock time.
    case("Bolt's world record of 9.58 seconds, set in Berlin in 2009, still stands.", "2009",
         published=date(2024, 8, 1)),
    case("The Giro d'Italia finishes in Rome on Sunday 26 May.", "2024-05-26",
         published=date(2024, 5, 4)),
    case("The club was founded in 1878 and won its first league title in 1908.", "1878",
         "1908", published=date(2024, 1, 1)),
    case("England face Scotland for the Calcutta Cup at Murrayfield on 24 February.",
         "2024-02-24", published=date(2024, 2, 1)),
    # The Test's name and its day are the same day.
    case("The Boxing Day Test at the MCG drew a record crowd on Thursday.", "2024-12-26",
         published=date(2024, 12, 27)),
    case("The A-League grand final kicks off at 7.45pm AEST on Saturday.", "2024-06-01T19:45",
         published=date(2024, 5, 28)),
    case("The horse won the Grand National in 2021 and again in 2022.", "2021", "2022",
         published=date(2023, 4, 1)),
    case("Salah was man of the match in the 1-0 win over Wolves on Boxing Day.", "2023-12-26",
         published=date(2024, 1, 5)),
    case("South Africa beat New Zealand 12-11 in the 2023 final in Paris.", "2023",
         published=date(2024, 1, 5)),
    # The weekend after a Saturday's: the next ISO weekend, or its Saturday.
    case("The semi-final is on Saturday 13 July. If it is drawn, the replay will be held the "
         "following weekend.", "2024-07-13",
         Row(("2024-W29-WE", "2024-07-20"), derived=True), published=date(2024, 7, 1)),
    # The tournament's year is a prefix of its first day: one row.
    case("IPL 2024 begins in Chennai on 22 March.", "2024-03-22", published=date(2024, 2, 23)),
    case("Euro 2024's final in Berlin on 14 July drew 65,000 fans.", "2024-07-14",
         published=date(2024, 7, 16)),
    case("The game was level at half-time and went to extra time after 90 minutes.",
         published=date(2024, 3, 4)),
    case("Ireland's next Test is against Fiji on 23 November.", "2024-11-23",
         published=date(2024, 11, 10)),
    case("The draw for the fourth round takes place at 7pm on Sunday.", "2024-01-07T19:00",
         published=date(2024, 1, 5)),
    # A count of races is no year.
    case("The 100th Boat Race was rowed in 1954.", "1954", published=date(2024, 3, 30)),
    case("Play was suspended for 40 minutes in the third set.", published=date(2024, 7, 2)),
    # The league's end is a week before the final (the fifth table's "six weeks after the
    # election was called").
    case("United meet City in the FA Cup final on 25 May, a week after the league season "
         "ends.", derived("2024-05-18"), "2024-05-25", published=date(2024, 4, 30)),
    case("The Class of '92 won the treble in 1999.", "1999", published=date(2020, 1, 1)),
]

HISTORY = [
    # A decade is backdrop (the first table's decision); the restoration is dated.
    case("The lido was built in the 1930s and restored in 2019.", "2019",
         published=date(2024, 5, 1)),
    # Centuries are no calendar value (the score's rule): no row.
    case("The custom died out in the late 19th century.", published=date(2024, 5, 1)),
    case("During the 1970s, the docks employed 10,000 men.", published=date(2024, 5, 1)),
    case("In the early 1900s, the village had three pubs.", published=date(2024, 5, 1)),
    case("The hospital, built in the 18th century, closed in 2009.", "2009",
         published=date(2024, 5, 1)),
    # D-Day is the same day said twice.
    case("On D-Day, 6 June 1944, Allied troops landed on the beaches of Normandy.",
         "1944-06-06", published=date(2024, 6, 6)),
    # Decision: counted back in centuries, the date is a century: no calendar value, no row
    # (unlike "fifty years ago", counted in years).
    case("The canal was dug two centuries ago.", published=date(2024, 5, 1)),
    case("Fifty years ago, the first barcode was scanned in an Ohio supermarket.", "1974",
         published=date(2024, 6, 26)),
    case("The cathedral will mark the 50th anniversary of its consecration on Sunday.",
         "2024-05-12", published=date(2024, 5, 8)),
    # A named event ("the 2003 heatwave"): its year, and the day it was marked.
    case("Portugal marked the 50th anniversary of the 1974 revolution on Thursday.", "1974",
         "2024-04-25", published=date(2024, 4, 26)),
    case("This year marks the 50th anniversary of the coup in Chile.", "2023",
         published=date(2023, 3, 1)),
    case("The abbey was founded in 1132 and dissolved in 1539.", "1132", "1539",
         published=date(2020, 1, 1)),
    # A named period with its years: a range (the third table's "2014\u20132016 Ebola").
    case("The Great Famine of 1845\u201352 killed about a million people.",
         Row("1845", "1852"), published=date(2020, 1, 1)),
    case("William was crowned in Westminster Abbey on Christmas Day 1066.", "1066-12-25",
         published=date(2016, 10, 14)),
    case("The Rising began on Easter Monday, 24 April 1916.", "1916-04-24",
         published=date(2016, 4, 24)),
    case("India and Pakistan became independent in August 1947.", "1947-08",
         published=date(2017, 8, 15)),
    # "After 27 years" is a duration, not an offset to a date.
    case("Mandela walked free on 11 February 1990 after 27 years in prison.", "1990-02-11",
         published=date(2020, 2, 11)),
    case("The Berlin Wall fell 35 years ago this week.", "1989-W45",
         published=date(2024, 11, 9)),
    # "In 1524" is the same year as five centuries back: one row.
    case("Five hundred years ago, in 1524, the bridge was first built in stone.", "1524",
         published=date(2024, 1, 1)),
    # "Until 2003" alone: a row at 2003 (the first table's "until X").
    case("The summer of 1976 was the hottest on record until 2003.", "1976-SU", "2003",
         published=date(2022, 7, 1)),
    case("The 1966 final was played at Wembley on 30 July.", "1966-07-30",
         published=date(2016, 7, 30)),
    case("Between the wars, the town's population doubled.", published=date(2020, 1, 1)),
    case("In the spring of 1945, as the war ended, the camp was liberated.", "1945-SP",
         published=date(2020, 1, 1)),
    # A war named by its length is no date.
    case("The treaty, signed in 1648, ended the Thirty Years' War.", "1648",
         published=date(2020, 1, 1)),
    # "Almost half a century" is no exact distance.
    case("Apartheid ended in 1994, almost half a century after it began.", "1994",
         published=date(2024, 4, 27)),
    case("Rationing ended in 1954, nine years after the war.", derived("1945"), "1954",
         published=date(2024, 7, 4)),
    case("The Victorian terrace dates from the 1880s.", published=date(2024, 5, 1)),
]

SPACE = [
    case("The satellite was launched at 06:42 GMT on Saturday from Sriharikota.",
         "2023-09-02T06:42", published=date(2023, 9, 4)),
    case("Perseverance will reach Mars in February 2021.", "2021-02",
         published=date(2020, 7, 30)),
    case("The probe begins a 10-year mission to study Jupiter's icy moons.",
         published=date(2023, 4, 14)),
    case("Juice launched on 14 April 2023 and will arrive at Jupiter in July 2031.",
         "2023-04-14", "2031-07", published=date(2023, 4, 20)),
    case("A total eclipse will be visible from northern Spain on 12 August 2026.",
         "2026-08-12", published=date(2024, 4, 9)),
    case("Halley's Comet, last seen in 1986, returns in 2061.", "1986", "2061",
         published=date(2023, 12, 9)),
    case("The spacecraft entered orbit at 13:45 UTC on Friday, 14 minutes after its engine "
         "burn began.", derived("2024-07-05T13:31"), "2024-07-05T13:45",
         published=date(2024, 7, 8)),
    # A year from a day is a day (the first table's).
    case("The capsule landed in the Utah desert on 24 September 2023, seven years after "
         "launch.", derived("2016-09-24"), "2023-09-24", published=date(2023, 9, 25)),
    case("The probe flew past Pluto on 14 July 2015, nine and a half years after it left "
         "Earth.", derived("2006-01-14"), "2015-07-14", published=date(2020, 1, 1)),
    # The night is the precise form; the day a fair one.
    case("The Perseids peak on the night of 12 August.", Row(("2024-08-12TNI", "2024-08-12")),
         published=date(2024, 8, 1)),
    case("The space station will be retired in 2030.", "2030", published=date(2024, 6, 1)),
    # The solstice fell on 20 June in 2024; most readers still write the 21st.
    case("Crowds gathered at Stonehenge for sunrise on the summer solstice.",
         Row(("2024-06-20", "2024-06-21")), published=date(2024, 6, 21)),
    case("The lander touched down at 23:24 GMT on Thursday evening.", "2024-02-22T23:24",
         published=date(2024, 2, 23)),
    case("The mission lasted 438 days, a record.", published=date(2024, 1, 1)),
    case("The next total eclipse visible from London will be in 2090.", "2090",
         published=date(2024, 4, 9)),
    # One moment on two clocks: one row, in either.
    case("The quake struck at 04:17 local time (01:17 GMT) on Monday.",
         Row(("2023-02-06T04:17", "2023-02-06T01:17")), published=date(2023, 2, 7)),
    case("Astronomers recorded the flare at 17:32 UTC on 14 May.", "2024-05-14T17:32",
         published=date(2024, 5, 16)),
    case("Arctic sea ice reached its lowest extent on record in September 2012.", "2012-09",
         published=date(2023, 1, 1)),
    case("The telescope has been observing the sky for more than 30 years.",
         published=date(2023, 1, 1)),
    case("The rover is expected to operate for at least two Martian years.",
         published=date(2023, 1, 1)),
]

WEATHER = [
    # The night from Saturday into Sunday: Saturday's night, or Sunday.
    case("Heavy rain is expected overnight into Sunday.", Row(("2024-06-08TNI", "2024-06-09")),
         published=date(2024, 6, 7)),
    # Said on a Sunday: the coming week, or its Wednesday.
    case("Temperatures should return to normal by midweek.", Row(("2024-W24", "2024-06-12")),
         published=date(2024, 6, 9)),
    # "Through X" alone: a row at X (the second table's decision).
    case("Showers will continue through the weekend.", "2024-W23-WE",
         published=date(2024, 6, 7)),
    case("A yellow warning for wind is in force from 6pm on Friday until 9am on Saturday.",
         Row("2024-01-19T18:00", "2024-01-20T09:00"), published=date(2024, 1, 17)),
    case("Storm Ciar\u00e1n is expected to reach the south coast on Thursday morning.",
         Row(("2023-11-02TMO", "2023-11-02")), published=date(2023, 10, 31)),
    case("A hosepipe ban comes into force at 8am on Friday 5 August.", "2022-08-05T08:00",
         published=date(2022, 8, 2)),
    case("The Bureau of Meteorology declared an El Ni\u00f1o on Tuesday.", "2023-09-19",
         published=date(2023, 9, 20)),
    # A comparison with the usual date is no offset (the fifth table's Oscars).
    case("The monsoon reached Kerala on 8 June, a week later than normal.", "2023-06-08",
         published=date(2023, 6, 9)),
    case("Snow is forecast on higher ground later this week.", "2024-W03",
         published=date(2024, 1, 15)),
    # Midnight tonight is the day's end; the next day's start is the same moment.
    case("The Met \u00c9ireann warning runs until midnight tonight.",
         Row(("2024-01-22T24:00", "2024-01-23T00:00")), published=date(2024, 1, 22)),
    # The drought of 1976 is an event of its own.
    case("The drought, the worst since 1976, ended in September.", "1976", "2022-09",
         published=date(2022, 10, 10)),
    # "Between Cairns and Townsville" is places; late on Friday is Friday or its night.
    case("The cyclone is forecast to cross the coast between Cairns and Townsville late on "
         "Friday.", Row(("2024-01-26", "2024-01-26TNI", "2024-01-26TEV")),
         published=date(2024, 1, 24)),
    case("By the weekend, the heat will have eased.", "2024-W29-WE",
         published=date(2024, 7, 17)),
    # Two events: the rain clears tonight, the dry start is tomorrow's.
    case("Rain will clear overnight, leaving a dry, bright start tomorrow.",
         Row(("2024-03-04TNI", "2024-03-04")), Row(("2024-03-05", "2024-03-05TMO")),
         published=date(2024, 3, 4)),
    # "Since X" opens a period that runs to now; its event is at X.
    case("Bushfires have burned more than a million hectares since September.", "2019-09",
         published=date(2019, 11, 20)),
    # Decision: "the year" of a record is the record's span, not the event's date.
    case("Forecasters expect the hottest day of the year on Wednesday, with 34C possible in "
         "London.", "2024-07-31", published=date(2024, 7, 29)),
    case("Typhoon Haiyan struck the Philippines on 8 November 2013.", "2013-11-08",
         published=date(2023, 11, 8)),
    # A river's height is no time.
    case("The river peaked at 5.2 metres shortly after 2am on Saturday.", "2024-02-24T02:00",
         published=date(2024, 2, 26)),
    case("Temperatures are expected to dip below freezing from Sunday night.",
         Row(("2024-01-14TNI", "2024-01-14")), published=date(2024, 1, 12)),
]

PARLIAMENT = [
    # Decision: a recess with no date is placed at its season, which "summer" names.
    case("Ministers hope to pass the bill before the summer recess.", "2024-SU",
         published=date(2024, 6, 3)),
    case("The bill will be debated when Parliament returns on 5 September.", "2022-09-05",
         published=date(2022, 7, 25)),
    # Adjourned in the past until a day still ahead: a row at that day.
    case("The hearing was adjourned until 12 October.", "2023-10-12",
         published=date(2023, 9, 20)),
    case("Sentencing was adjourned to a date to be fixed.", published=date(2023, 9, 20)),
    # "Friday week" said on a Monday: the Friday after the coming one.
    case("He was remanded in custody until Friday week.", "2024-03-15",
         published=date(2024, 3, 4)),
    case("The committee will take evidence from the minister on Tuesday week.", "2024-03-19",
         published=date(2024, 3, 7)),
    case("The High Court reserved judgment on Tuesday.", "2024-05-07",
         published=date(2024, 5, 9)),
    case("The monsoon session of Parliament runs from 22 July to 9 August.",
         Row("2024-07-22", "2024-08-09"), published=date(2024, 7, 10)),
    case("The matter was listed for mention on 3rd June.", "2024-06-03",
         published=date(2024, 5, 20)),
    # Two days said with "and", not "between": a row each (the third table's "3 May and
    # 4 June").
    case("The Constitutional Court will hear the case on 14 and 15 November.", "2024-11-14",
         "2024-11-15", published=date(2024, 10, 1)),
    # An Australian summer break is a name (and no northern summer): one row, the sitting.
    case("The Senate sits again on 6 February after the summer break.", "2024-02-06",
         published=date(2024, 1, 20)),
    case("The inquest, opened and adjourned in March, resumed on Monday.", "2024-03",
         "2024-06-10", published=date(2024, 6, 12)),
    case("Royal assent was granted on 26 October 2023.", "2023-10-26",
         published=date(2023, 11, 1)),
    # The small hours are the night's end; the day is a fair value too.
    case("The bill cleared the Lords in the small hours of Wednesday.",
         Row(("2024-04-24TNI", "2024-04-24", "2024-04-24TMO")), published=date(2024, 4, 25)),
    # Polling day is 35 days after the dissolution: a derived row.
    case("Parliament was dissolved on Thursday 30 May, 35 days before polling day.",
         "2024-05-30", derived("2024-07-04"), published=date(2024, 5, 31)),
    case("Judges return from the long vacation in October.", "2024-10",
         published=date(2024, 8, 12)),
    case("The court rose at 1pm and sat again at 2.05pm.", "2024-03-05T13:00",
         "2024-03-05T14:05", published=date(2024, 3, 5)),
    case("The trial is expected to last six weeks.", published=date(2024, 3, 5)),
    case("The jury was discharged on the 14th after failing to agree.", "2024-06-14",
         published=date(2024, 6, 20)),
    case("MEPs vote on the text at the plenary session of 22-25 April.",
         Row("2024-04-22", "2024-04-25"), published=date(2024, 4, 10)),
    case("The Security Council met in emergency session on Sunday night.",
         Row(("2023-10-08TNI", "2023-10-08")), published=date(2023, 10, 9)),
    case("The Chancellor will deliver the Budget on 22nd November.", "2023-11-22",
         published=date(2023, 10, 1)),
    case("Prime Minister's Questions takes place at noon every Wednesday.",
         published=date(2023, 10, 1)),
    # "Sine die" is no date.
    case("The Lok Sabha was adjourned sine die on Friday.", "2024-08-09",
         published=date(2024, 8, 10)),
    case("The D\u00e1il returns from its summer recess on 18 September.", "2024-09-18",
         published=date(2024, 7, 15)),
]

ANAPHORA = [
    # "On that day" is the day the sentence before names: a row of its own, not derived
    # (the first table's "That day").
    case("Storm Eunice struck on 18 February 2022. On that day, a gust of 122mph was recorded "
         "on the Isle of Wight.", "2022-02-18", "2022-02-18", published=date(2022, 3, 1)),
    # "The same week" is that day's ISO week, as "that year" is its year: not derived.
    case("The first lockdown began on 23 March 2020. The same week, the Olympics were "
         "postponed.", "2020-03-23", "2020-W13", published=date(2021, 3, 23)),
    case("The company warned on profits on 4 April. The following month, it cut 500 jobs.",
         "2024-04-04", derived("2024-05"), published=date(2024, 6, 1)),
    # Decision: "by then" is the date the sentence before names, like "that year".
    case("The new line is due to open in 2031. By then, the city's population will have "
         "doubled.", "2031", "2031", published=date(2024, 5, 1)),
    case("The hospital opened on 5 July 1948. Later that year, it treated its first polio "
         "patients.", "1948", "1948-07-05", published=date(2018, 7, 5)),
    # Earlier that week: the ISO week of Good Friday, 10 April 1998.
    case("The agreement was signed on 10 April 1998, Good Friday. Earlier that week, talks "
         "had almost collapsed.", "1998-W15", "1998-04-10", published=date(2018, 4, 10)),
    case("The fire started in a bakery on 2 September 1666. By that evening, it had spread to "
         "the river.", "1666-09-02", "1666-09-02TEV", published=date(2016, 9, 2)),
    case("The minister resigned on Friday. The day before, he had told MPs he would stay.",
         derived("2024-06-06"), "2024-06-07", published=date(2024, 6, 10)),
    case("Celtic won the league on 11 May. A week later, they lifted the Scottish Cup as "
         "well.", "2024-05-11", derived("2024-05-18"), published=date(2024, 5, 30)),
    case("The liner sank in 1912. That same year, the first parachute jump from a plane was "
         "made.", "1912", "1912", published=date(2012, 1, 1)),
    case("Police were called to the square on Saturday night. By the next morning, the crowd "
         "had gone.", Row(("2024-06-08TNI", "2024-06-08")),
         Row(("2024-06-09TMO", "2024-06-09"), derived=True), published=date(2024, 6, 10)),
    case("The tunnel opened in 1994. Two decades later, it carried 20 million passengers a "
         "year.", "1994", derived("2014"), published=date(2020, 1, 1)),
    case("The firm was founded in 1923, and it marked its centenary last year.", "1923",
         "2023", published=date(2024, 3, 1)),
    # No date before it: no row.
    case("That week, prices fell by a third.", published=date(2024, 3, 1)),
    case("The bank collapsed on 15 September 2008. Earlier that month, the government had "
         "rescued two mortgage lenders.", "2008-09", "2008-09-15",
         published=date(2018, 9, 15)),
    case("The dam was finished in May 1936. The previous year, 96 workers had died on the "
         "site.", derived("1935"), "1936-05", published=date(2020, 1, 1)),
    case("The result was declared at 4am on 24 June 2016. That morning, the prime minister "
         "resigned.", "2016-06-24T04:00", "2016-06-24TMO", published=date(2016, 6, 25)),
    case("Voters in England go to the polls on 2 May. The same day, Londoners elect a mayor.",
         "2024-05-02", "2024-05-02", published=date(2024, 4, 20)),
    # A month before 30 March is the end of February (there is no 30 February).
    case("The band's last gig was in Leeds on 30 March 1989. A month earlier, their drummer "
         "had quit.", Row(("1989-02-28", "1989-03-02"), derived=True), "1989-03-30",
         published=date(2019, 3, 30)),
]

SPELLED = [
    case("The referendum will be held on the twenty-first of June.", "2024-06-21",
         published=date(2024, 5, 1)),
    case("Polls close on June twenty-first at 10pm.", "2024-06-21T22:00",
         published=date(2024, 5, 1)),
    case("The guns fell silent on the eleventh of November, nineteen eighteen.", "1918-11-11",
         published=date(2018, 11, 11)),
    case("In nineteen sixty-six, England won the World Cup at Wembley.", "1966",
         published=date(2016, 7, 30)),
    # Doors at a concert open in the evening; a reader who keeps the clock's hour is fair.
    case("Doors open at half past seven on Friday, and the band is on stage at nine.",
         Row(("2024-03-08T19:30", "2024-03-08T07:30")),
         Row(("2024-03-08T21:00", "2024-03-08T09:00")), published=date(2024, 3, 4)),
    case("The ceremony begins at a quarter to three on Saturday.",
         Row(("2024-03-09T14:45", "2024-03-09T02:45")), published=date(2024, 3, 4)),
    case("The wedding is on Saturday the twelfth.", "2024-10-12", published=date(2024, 10, 1)),
    case("Results will be announced on the fifteenth.", "2024-08-15",
         published=date(2024, 8, 1)),
    case("Russia invaded Ukraine on the twenty-fourth of February, twenty twenty-two.",
         "2022-02-24", published=date(2023, 2, 24)),
    case("The festival opens on June the twenty-first.", "2024-06-21",
         published=date(2024, 5, 1)),
    case("The first train left at ten past nine this morning.", "2024-03-04T09:10",
         published=date(2024, 3, 4)),
    case("The blast happened at twenty past midnight on Sunday.", "2024-03-03T00:20",
         published=date(2024, 3, 4)),
    case("In two thousand and eight, the banks came close to collapse.", "2008",
         published=date(2018, 1, 1)),
    case("The first of September is the deadline for applications.", "2024-09-01",
         published=date(2024, 7, 1)),
    case("Term starts on Wednesday the fourth of September.", "2024-09-04",
         published=date(2024, 8, 20)),
    case("The shop will close for good on the thirty-first.", "2024-01-31",
         published=date(2024, 1, 10)),
    # "A hundred" is an age.
    case("She turns a hundred on the second of March.", "2024-03-02",
         published=date(2024, 2, 20)),
    # A past "fifth" after the fifth of this month is this month's.
    case("At seven o'clock on the evening of the fifth, the polls closed.", "2024-11-05T19:00",
         published=date(2024, 11, 10)),
]

NUMERIC = [
    # Both numbers could be the month: a British reader reads 3 April, an American 4 March.
    case("The offer ends on 03/04/2024, the retailer said.",
         Row(("2024-04-03", "2024-03-04")), published=date(2024, 2, 20)),
    case("Applications close on 31/05/2024.", "2024-05-31", published=date(2024, 4, 1)),
    case("The meeting has been moved to 5.6.24.", Row(("2024-06-05", "2024-05-06")),
         published=date(2024, 5, 1)),
    case("The licence expires on 2024-02-29.", "2024-02-29", published=date(2024, 1, 5)),
    case("He was born on 12/25/1990 in Ohio.", "1990-12-25", published=date(2020, 1, 1)),
    # Dots with a four-digit year are continental: the day first.
    case("The form, dated 14.03.2023, was never filed.", "2023-03-14",
         published=date(2024, 1, 1)),
    # The week that ends on Friday 14 June: the day, or its ISO week.
    case("Figures for the week ending 14/6 show a rise in cases.",
         Row(("2024-06-14", "2024-W24")), published=date(2024, 6, 20)),
    # The second end's 31 sets the order for both: day first.
    case("The scheme ran from 1/4/2022 to 31/3/2023.", Row("2022-04-01", "2023-03-31"),
         published=date(2023, 6, 1)),
    case("The fixture was played on 29/2 this year.", "2024-02-29",
         published=date(2024, 3, 10)),
    # Two years with a slash: a span (the second table's "2019/20 budget").
    case("In 2020/21, the club lost \u00a350m.", Row("2020", "2021"),
         published=date(2022, 1, 1)),
    case("Sales fell by 1/4 in 2023.", "2023", published=date(2024, 2, 1)),
    case("The 50/50 draw raised \u00a3300 for the club."),
    case("She scored 9/10 in the final exam."),
    case("A 2/3 majority of members must approve the change."),
    case("Add 3/4 cup of sugar and stir."),
    case("The unit is open 9-5, Monday to Friday."),
]

GENERIC = [
    case("Intelligence chiefs feared a 9/11-style plot against the airport."),
    case("The May Day parade is held every year in the town square."),
    case("Ireland led 10-3 in the first half before fading."),
    case("It's a Monday-to-Friday job with weekends off."),
    case("Boxing Day sales now start before Christmas."),
    case("Bank holiday Mondays are the busiest days at the coast."),
    case("Anzac Day services are held at dawn every year."),
    case("India's financial year runs from April to March."),
    case("The Premier League season runs from August to May."),
    # "This year" makes it one Christmas.
    case("Christmas Day falls on a Wednesday this year.", "2024-12-25",
         published=date(2024, 11, 1)),
    case("The Proms run for eight weeks every summer."),
    case("Diwali is celebrated every autumn across India."),
    case("Railway timetables use the 24-hour clock."),
    case("He works the 6am to 2pm shift at the depot."),
    case("Kick-offs on Sundays have moved to 4.30pm."),
    case("The club has won the title in each of the last five seasons."),
    case("The flat has a 1970s-style kitchen."),
    case("The match will be replayed if it ends level after 90 minutes."),
    case("Voting takes place on the first Thursday in May in most years."),
    case("Schools in Australia break up for the summer in December."),
    case("The lunchtime news is read at 1pm."),
    case("The swimmers train at 5am on weekdays."),
    case("The Twelfth of July parades pass off peacefully most years."),
    case("Sunday trading laws restrict large shops to six hours."),
    case("The second half of the season is always harder."),
    case("Black Friday deals now start in early November."),
    case("Clocks go forward an hour in spring."),
    case("Freedom Day is celebrated every year on 27 April."),
    case("The 24-hour strike closed every school in the county on Tuesday.", "2024-03-05",
         published=date(2024, 3, 7)),
    case("The Melbourne Cup is run on the first Tuesday in November."),
]

CATEGORIES = {
    "international": INTERNATIONAL,  # UK, Irish, Australian, Indian, South African, UN/EU
    "sport": SPORT,  # legs, kick-offs, seasons, tournaments named by their year
    "history": HISTORY,  # decades and centuries, anniversaries, retrospectives
    "space": SPACE,  # launches, arrivals, missions' lengths, two clocks
    "weather": WEATHER,  # forecasts: overnight, midweek, the weekend, warnings
    "parliament": PARLIAMENT,  # recesses, adjournments, sittings, "Friday week"
    "anaphora": ANAPHORA,  # "that day", "the same week", "by then": the sentence before
    "spelled": SPELLED,  # days, years and times in words
    "numeric": NUMERIC,  # day-first, month-first, ISO, and fractions that are no date
    "generic": GENERIC,  # habits, names and numbers that are no date
}
TABLE = table(CATEGORIES)


@pytest.mark.parametrize(("text", "published", "expected"), TABLE)
def test_the_rows_a_reader_expects(text: str, published: date, expected: list[Row]) -> None:
    check(text, published, expected)
