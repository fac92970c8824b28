"""A second table of timeline rows for short news sentences, written apart from the first
(test_row_examples.py) and phrased the way wire services and local papers write: "Sept. 14",
"Monday, Dec. 5", "shortly after 3 p.m. local time (1500 GMT)", "a fortnight ago", "Jan. 3-7",
"the 2019-20 season", and the numbers a naive extractor dates ("a 7-Eleven", "F-16",
"a 3-2 win", "mid-90s temperatures").

The conventions are the first table's (its `Row`, `case`, `derived` and `check`): each case
is a sentence or two, a publication date and the rows a careful reader would write, in the
timeline's order (date, then text). Where a reader could fairly write either of two values,
both are accepted and the comment says why; where the case is a decision, the comment says
which and why."""

from __future__ import annotations

from datetime import date

import pytest
from tests.timeline.test_row_examples import Row, case, check, derived, table

DATE_FORMS = [
    # Transcripts spell years out: the year in words belongs to the month, season or day
    # before it.
    case("In January nineteen ninety-seven, the first talks failed.", "1997-01",
         published=date(1998, 2, 27)),
    case("It began in the winter of nineteen ninety-four.", "1994-WI",
         published=date(1998, 2, 27)),
    case("On May 4, nineteen seventy, guardsmen opened fire on students.", "1970-05-04",
         published=date(1998, 2, 27)),
    case("The hearing has been set for Sept. 14, the court clerk said.", "2023-09-14",
         published=date(2023, 8, 30)),
    case("The festival opens on 14th September with a lantern parade.", "2021-09-14",
         published=date(2021, 9, 1)),
    # A bare day of the month ahead of the one the paper is printed on, in the future tense:
    # next month's.
    case("The council meets again on the 3rd to vote on the budget.", "2022-11-03",
         published=date(2022, 10, 25)),
    # A past "3rd" after the 3rd of this month is this month's.
    case("He was arrested on the 3rd, police said.", "2022-02-03",
         published=date(2022, 2, 10)),
    # The month the story speaks of, not the paper's.
    case("The talks began on 3 May. On the 21st, they collapsed.", "2022-05-03",
         "2022-05-21", published=date(2022, 6, 10)),
    case("Offices reopen on the 3rd of next month.", "2022-03-03",
         published=date(2022, 2, 10)),
    # An ordinal that counts a floor or a hole is no day.
    case("She lives on the 3rd floor of the tower."),
    case("He birdied on the 18th hole to win."),
    # Decision: a US paper's "3/4" is month/day. A reader of a British paper would read 3
    # April; both are accepted, but it is a day either way, and one row.
    case("The fire broke out on 3/4 in a disused warehouse.",
         Row(("2023-03-04", "2023-04-03")), published=date(2023, 4, 10)),
    # A first number past 12 is no month: the day comes first.
    case("He was arrested on 25/3, police said.", "2023-03-25", published=date(2023, 4, 10)),
    # A fraction, or the hours of a shop, is no day.
    case("Prices rose on 3/4 of the trading days."),
    case("Staff are on 24/7 call until the storm passes."),
    # A schedule in the present is ahead, whatever tense the report is in.
    case("The fair takes place on Saturday, organisers said.", "2024-07-06",
         published=date(2024, 7, 1)),
    case("The exhibition runs until Sunday, the museum said.", "2024-07-07",
         published=date(2024, 7, 1)),
    case("Polling runs from 8 a.m. on Tuesday, the commission said.", "2024-07-02T08:00",
         published=date(2024, 7, 1)),
    case("Polls closed at 8 p.m. on Tuesday, officials said.", "2024-07-02T20:00",
         published=date(2024, 7, 4)),
    case("The crash happened Monday, Dec. 5, on the northbound lanes.", "2022-12-05",
         published=date(2022, 12, 7)),
    case("The lender filed for bankruptcy protection on Dec. 5, 2022.", "2022-12-05",
         published=date(2023, 1, 10)),
    case("Voters go to the polls on 5 December.", "2019-12-05", published=date(2019, 11, 20)),
    case("Forecasters expect the thaw to arrive by mid-March.", "2023-03",
         published=date(2023, 2, 14)),
    case("A decision is expected early next month, a spokeswoman said.", "2021-07",
         published=date(2021, 6, 16)),
    case("The plant was sold late last year to a Dutch group.", "2019",
         published=date(2020, 3, 5)),
    # Decision: "the end of the decade" is an era, like "the 1990s" in the first table: no
    # row (a target year, 2030, is a reader's guess, not what the text says).
    case("The government wants to ban new petrol cars by the end of the decade.",
         published=date(2022, 3, 1)),
    # Not an ISO week: the month is a fair value; the ISO weeks that hold 1-7 June 2024 are
    # W22 and W23.
    case("The first shipments arrive in the first week of June.",
         Row(("2024-06", "2024-W22", "2024-W23")), published=date(2024, 5, 20)),
    case("Revenue rose 12% in Q3 2023, the company reported.", "2023-Q3",
         published=date(2023, 10, 26)),
    # Decision: a fiscal year sits on the timeline at the calendar year that names it (its
    # months depend on the company); TimeML's "FY2024" is accepted too.
    case("The retailer expects its losses to narrow in fiscal 2024.",
         Row(("2024", "FY2024")), published=date(2023, 11, 15)),
    case("The couple married in the spring of 2019 in Lisbon.", "2019-SP",
         published=date(2021, 2, 2)),
    case("Revellers packed the square on New Year's Eve.", "2022-12-31",
         published=date(2023, 1, 2)),
    case("The church was bombed on Christmas Day 2021.", "2021-12-25",
         published=date(2022, 3, 1)),
    # Easter 2023 fell on 9 April.
    case("Thousands attended Mass in the square on Easter Sunday.", "2023-04-09",
         published=date(2023, 4, 11)),
    case("Lawmakers return to the capital on Tuesday, Jan. 3.", "2023-01-03",
         published=date(2022, 12, 28)),
    case("She was born on 2 February 1961 in Leeds.", "1961-02-02",
         published=date(2021, 2, 2)),
    case("On Sept. 11, 2001, hijacked planes struck the towers.", "2001-09-11",
         published=date(2021, 9, 10)),
    case("The deal closed in February, according to filings.", "2023-02",
         published=date(2023, 5, 4)),
    case("In August of 2017, the storm flooded much of Houston.", "2017-08",
         published=date(2022, 8, 25)),
    case("The ruling came on 1 Oct 2020 after a long delay.", "2020-10-01",
         published=date(2020, 10, 3)),
    case("The station went off the air in the summer of 1994.", "1994-SU",
         published=date(2019, 7, 1)),
    # The evening is the precise form; the day a fair one (the project's habit).
    case("The blaze started on the evening of Nov. 8 near a power line.",
         Row(("2018-11-08TEV", "2018-11-08")), published=date(2018, 11, 10)),
    case("Fans began queuing outside the stadium on 31st December.", "2022-12-31",
         published=date(2023, 1, 5)),
]

TIMES = [
    case("The minister will make a statement at noon.", "2022-06-14T12:00",
         published=date(2022, 6, 14)),
    # Midnight "on Friday" is the end of Friday to most readers, its start to some.
    case("The curfew begins at midnight on Friday.",
         Row(("2021-01-08T24:00", "2021-01-09T00:00", "2021-01-08T00:00")),
         published=date(2021, 1, 5)),
    # The local time and the GMT one are the same moment said twice: one row.
    case("The quake hit shortly after 3 p.m. local time (1500 GMT) on Sunday.",
         "2023-03-12T15:00", published=date(2023, 3, 13)),
    case("The tanker was intercepted at 0700 GMT on Thursday.", "2022-09-01T07:00",
         published=date(2022, 9, 1)),
    case("The summit opens at 14:30 on Tuesday in Brussels.", "2019-10-08T14:30",
         published=date(2019, 10, 7)),
    # The early hours are the night's end; the day is a fair value too.
    case("The blast happened in the early hours of Sunday.",
         Row(("2020-08-02TNI", "2020-08-02", "2020-08-02TMO")), published=date(2020, 8, 3)),
    # "Overnight" in a morning paper is the night just gone.
    case("Heavy rain fell overnight, flooding roads across the county.",
         Row(("2021-07-14TNI", "2021-07-15TNI", "2021-07-15")), published=date(2021, 7, 15)),
    case("Police sealed off the square on Monday. That evening, protesters returned.",
         "2022-05-09", "2022-05-09TEV", published=date(2022, 5, 11)),
    # The night is the precise form; the project keeps a weekday's part of day as the bare
    # day (the training gold's habit, as in the first table), which a reader accepts.
    case("Gunmen attacked the convoy on Tuesday night.", Row(("2023-02-14TNI", "2023-02-14")),
         published=date(2023, 2, 16)),
    case("The match kicks off at 10pm.", "2022-11-21T22:00", published=date(2022, 11, 21)),
    case("The last flight landed at 11.50pm on Saturday.", "2019-06-01T23:50",
         published=date(2019, 6, 3)),
    case("At 9:45 a.m. Wednesday, the jury returned its verdict.", "2024-03-13T09:45",
         published=date(2024, 3, 14)),
    case("The alarm was raised at about 2am, police said.", "2021-11-29T02:00",
         published=date(2021, 11, 29)),
    case("Polls close at 8 p.m. Eastern time on Nov. 8.", "2022-11-08T20:00",
         published=date(2022, 11, 7)),
    case("The rocket lifted off at 1:47 a.m. EST on Wednesday, Nov. 16.", "2022-11-16T01:47",
         published=date(2022, 11, 16)),
    case("Shortly before midnight on 31 December 1999, the lights went out.",
         Row(("1999-12-31T24:00", "2000-01-01T00:00", "1999-12-31")),
         published=date(2000, 1, 3)),
    case("The vote is at 17:00 GMT on Wednesday, 5 June.", "2019-06-05T17:00",
         published=date(2019, 6, 3)),
    case("By 6 p.m., firefighters had the blaze under control.", "2020-09-10T18:00",
         published=date(2020, 9, 10)),
    case("The ferry docked this morning after a rough crossing.", "2020-10-12TMO",
         published=date(2020, 10, 12)),
    case("The chancellor spoke to reporters this afternoon.", "2021-06-09TAF",
         published=date(2021, 6, 9)),
]

RELATIVE = [
    # A year that opens the sentence or names its event frames a day said after it; one in a
    # clause of its own does not.
    case("In 2008, the bank failed on 15 September.", "2008-09-15", published=date(2016, 8, 1)),
    case("A program approved in 1987 that set no limit had bought shares through Sept. 29.",
         "1987", "2016-09-29", published=date(2016, 10, 1)),
    # The day, night or week beside a holiday is one date, counted from it.
    case("Shops opened early on the day after Thanksgiving.", "1989-11-24",
         published=date(1989, 12, 28)),
    case("It snowed on the night before Christmas.", "1989-12-24TNI",
         published=date(1989, 12, 28)),
    # Irregular pasts place a weekday in the week gone by.
    case("The ferry sank on Saturday off the coast.", "1998-02-21", published=date(1998, 2, 25)),
    case("Rebels shot down a helicopter on Sunday.", "1998-02-22", published=date(1998, 2, 25)),
    # A simple present that schedules points ahead: the coming weekday, not the last one.
    case("The team plays Arsenal on Sunday.", "2024-11-10", published=date(2024, 11, 5)),
    case("Parliament returns on Monday after the recess.", "2024-11-11",
         published=date(2024, 11, 5)),
    case("The museum closes at 5 p.m. on Sunday for the holiday.", "2024-11-10T17:00",
         published=date(2024, 11, 5)),
    case("The prime minister resigned yesterday.", "2019-07-23", published=date(2019, 7, 24)),
    case("The parcel was posted the day before yesterday.", "2020-02-04",
         published=date(2020, 2, 6)),
    case("Shares slumped earlier this week on the news.", "2022-W24",
         published=date(2022, 6, 17)),
    case("Two men were stabbed in the city centre last weekend.", "2021-W35-WE",
         published=date(2021, 9, 7)),
    # Two weeks back from a Wednesday is a Wednesday; its week is a fair value too.
    case("The boy went missing a fortnight ago.", Row(("2023-06-07", "2023-W23")),
         published=date(2023, 6, 21)),
    case("The restaurant opened three weeks ago.", Row(("2022-02-17", "2022-W07")),
         published=date(2022, 3, 10)),
    # "Next Friday" said on a Tuesday: this week's to some, the week after's to others.
    case("The results will be announced next Friday.", Row(("2022-09-09", "2022-09-16")),
         published=date(2022, 9, 6)),
    case("The parade takes place this coming Sunday.", "2024-05-19",
         published=date(2024, 5, 15)),
    case("Earlier today, the minister met union leaders.", "2021-03-03",
         published=date(2021, 3, 3)),
    case("Last night's storm brought down power lines.", "2022-01-30TNI",
         published=date(2022, 1, 31)),
    case("The band will tour Europe next year.", "2020", published=date(2019, 5, 20)),
    case("Car sales fell last month, the trade body said.", "2023-01",
         published=date(2023, 2, 8)),
    case("The trial opens later this month.", "2024-04", published=date(2024, 4, 3)),
    case("Tomorrow the court will hear the appeal.", "2022-12-16",
         published=date(2022, 12, 15)),
    case("Over the weekend, three shops were looted.", "2020-W22-WE",
         published=date(2020, 6, 1)),
    # "N units ago this month" is one date: this month, that many units back.
    case("Two years ago this month, the dam burst.", "2020-05", published=date(2022, 5, 17)),
    case("A year ago today, the factory closed its gates.", "2021-05-17",
         published=date(2022, 5, 17)),
    case("Fifty years ago this summer, the pier burned down.", "1972-SU",
         published=date(2022, 5, 17)),
    case("The talks collapsed on Friday, 3 March. The following Monday, the union called "
         "a strike.", "2023-03-03", derived("2023-03-06"), published=date(2023, 3, 10)),
    # Said of the previous sentence's day: its eve, derived from it.
    case("The body was found on Sunday, 9 April. The victim had been seen at a bar the "
         "previous evening.", derived(("2023-04-08TEV", "2023-04-08")), "2023-04-09",
         published=date(2023, 4, 11)),
]

RANGES = [
    # "X to Y" with no "from" is a range when the ends are two weekdays or a bare day and a
    # date.
    case("The exhibition runs 3 to 7 June in the old market hall.",
         Row("2024-06-03", "2024-06-07"), published=date(2024, 5, 20)),
    case("The conference runs Monday to Friday.", Row("2024-06-10", "2024-06-14"),
         published=date(2024, 6, 9)),
    # "Friday next week" is the Friday of next week, and so is a list's first day before it.
    case("The conference runs Monday to Friday next week.", Row("2024-06-10", "2024-06-14"),
         published=date(2024, 6, 5)),
    case("He came on Monday and Tuesday last week.", "2024-05-27", "2024-05-28",
         published=date(2024, 6, 5)),
    case("Mann served as mayor from 2001 through 2003.", Row("2001", "2003"),
         published=date(2015, 6, 2)),
    case("Talks will be held between Monday and Wednesday.",
         Row("2022-10-17", "2022-10-19"), published=date(2022, 10, 14)),
    case("The forum runs Jan. 3-7 in Davos.", Row("2023-01-03", "2023-01-07"),
         published=date(2022, 12, 15)),
    case("The exhibition runs 3\u20137 January at the town hall.",
         Row("2024-01-03", "2024-01-07"), published=date(2023, 12, 20)),
    # Decision: a season across two years is a period from the first to the second.
    case("He scored 30 goals in the 2019\u201320 season.", Row("2019", "2020"),
         published=date(2021, 1, 12)),
    # Decision: "2008-09" after "in" is two years (a fiscal or academic span), not
    # September 2008.
    case("Rates were cut sharply in 2008-09 during the crisis.", Row("2008", "2009"),
         published=date(2015, 1, 12)),
    case("Spending rose in the 2019/20 budget, the Treasury said.", Row("2019", "2020"),
         published=date(2021, 3, 3)),
    # Not consecutive years: no span of a season, and no date.
    case("The bill passed by 2010-35 in the upper house."),
    case("The road was shut from 10 p.m. Friday until 6 a.m. Monday.",
         Row("2021-04-02T22:00", "2021-04-05T06:00"), published=date(2021, 4, 7)),
    # Two verbs, two events: "and" between two dates is no range without "between".
    case("Applications open on 1 March and close on 31 March.", "2022-03-01", "2022-03-31",
         published=date(2022, 2, 10)),
    case("The scheme ran from the autumn of 2018 to the spring of 2020.",
         Row("2018-FA", "2020-SP"), published=date(2021, 5, 5)),
    case("Between 2010 and 2020, the town's population doubled.", Row("2010", "2020"),
         published=date(2022, 4, 4)),
    case("The festival was held July 12 to 14 on the waterfront.",
         Row("2019-07-12", "2019-07-14"), published=date(2019, 8, 1)),
    # "Through X" alone is the end of something under way: a row at X, like "until".
    case("Schools will stay closed through Jan. 15.", "2021-01-15",
         published=date(2021, 1, 4)),
    case("Polls open at 7 a.m. and close at 8 p.m. on Tuesday.",
         "2020-11-03T07:00", "2020-11-03T20:00", published=date(2020, 11, 2)),
    case("From 1939 to 1945, the factory made aircraft parts.", Row("1939", "1945"),
         published=date(2019, 9, 1)),
    case("The survey was carried out between 12 and 19 October 2020.",
         Row("2020-10-12", "2020-10-19"), published=date(2021, 1, 20)),
    case("The hotel was shut from mid-March to early June.", Row("2020-03", "2020-06"),
         published=date(2020, 7, 1)),
    case("The line will be closed from Saturday to Monday for engineering works.",
         Row("2022-12-10", "2022-12-12"), published=date(2022, 12, 5)),
    case("No trains will run between Christmas Day and New Year's Day.",
         Row("2022-12-25", "2023-01-01"), published=date(2022, 12, 1)),
]

GENERIC = [
    case("The 24-hour news cycle rewards speed over accuracy."),
    case("The robbery took place at a 7-Eleven on Main Street."),
    # Decision: a class's year is its name; the reunion is not in 2010.
    case("Members of the Class of 2010 gathered for a reunion."),
    case("COVID-19 cases rose again across the region."),
    case("An F-16 escorted the airliner to the ground."),
    # Decision: a law's year is part of its name; the sentence's event is not in 1990.
    # Debatable: TimeML news annotation dates the long form, "the ... Act of 1989" (the year
    # the law passed), and the timeline keeps that one a row.
    case("The council used powers under the 1990 Act to seize the land."),
    case("The bank may not meet the rules of the Financial Institutions Reform Act of 1989.",
         "1989", published=date(1989, 10, 25)),
    case("On Sundays at 11 a.m., the choir sings in the square."),
    # A deadline's time is a time that day, unlike a bulletin's.
    case("The 6 p.m. deadline passed on Friday without a deal.", "2022-08-26T18:00"),
    case("The airline filed for Chapter 11 protection."),
    case("She anchored the 6 p.m. news for a decade."),
    case("The farmers' market is held every Tuesday."),
    case("Most mornings, he swims in the lake before work."),
    case("Lambs are usually born in spring."),
    case("The festival happens once a year."),
    case("A 40-year-old man was arrested at the scene."),
    case("Protesters gathered outside No. 10."),
    case("City won 3-2 at home to stay top."),
    case("Forecasters expect mid-90s temperatures across the valley."),
    case("The suspect was driving a 2004 Honda Civic."),
    # A named event: the reader's timeline wants the year it happened.
    case("Temperatures hit 40C during the 2003 heatwave.", "2003",
         published=date(2019, 7, 26)),
    case("He wore the No. 7 shirt for a decade."),
    case("The Boeing 737 Max was grounded worldwide."),
    case("Call 911 in an emergency."),
    case("The M25 was closed near Junction 10."),
    case("The 1-0 defeat left them bottom of the table."),
    case("The corner shop is open 24/7."),
    case("The pharmacy shuts at 5 p.m. on Sundays."),
    case("Heathrow's Terminal 5 reopened on Monday.", "2022-05-02",
         published=date(2022, 5, 4)),
    case("About 2000 people marched through the city on Saturday.", "2022-06-11",
         published=date(2022, 6, 13)),
    case("Rent is due on the first of every month."),
    case("The summit draws world leaders every autumn."),
    case("Tesla's Model 3 outsold its rivals."),
    # A range said of every year is a habit: neither end is a row, whichever end the set
    # stands beside, or when the set opens the clause.
    case("The Atlantic hurricane season runs from June 1 to November 30 each year.",
         published=date(2022, 9, 28)),
    case("The festival runs June 1 through June 5 every year.", published=date(2022, 9, 28)),
    case("Every year from 3 to 5 May, the town holds a fair.", published=date(2022, 9, 28)),
    case("The market is held annually between March 3 and March 10.",
         published=date(2022, 9, 28)),
    case("Each year, the season runs from June 1 to November 30.",
         published=date(2022, 9, 28)),
    case("Each spring, the park opens on 1 April.", published=date(2022, 9, 28)),
    case("The season runs from June to November each year.", published=date(2022, 9, 28)),
    # The habit is the clause's; the day a report was made is a date.
    case("Every year about 400 people drown, the agency said on 3 March.", "2022-03-03",
         published=date(2022, 9, 28)),
]

NOT_ROWS = [
    case("The bridge is closed until further notice."),
    case("Crime has fallen over the past decade."),
    case("Rescuers found survivors within hours."),
    case("The talks have dragged on for months."),
    case("Today's teenagers are more anxious than their parents."),
    case("At present, the mine employs 300 people."),
    case("The drug takes two weeks to work."),
    case("He visits his mother every other weekend."),
    case("In recent years, tourism has boomed."),
    case("The strike is the longest in 30 years."),
]

OFFSETS = [
    case("The first blast was heard at 9:40 p.m. on Saturday. Forty minutes later, a "
         "second explosion rocked the port.", "2020-08-08T21:40",
         derived("2020-08-08T22:20"), published=date(2020, 8, 10)),
    case("The factory caught fire on 2 March 2019. Two days after that, the owner was "
         "arrested.", "2019-03-02", derived("2019-03-04"), published=date(2019, 3, 8)),
    # A chain: the second offset counts from the first's date.
    case("The virus was identified on 7 January 2020. A week later, the first case abroad "
         "was confirmed, and two days after that, a second.", "2020-01-07",
         derived("2020-01-14"), derived("2020-01-16"), published=date(2020, 2, 1)),
    case("The ship left Lisbon on 3 May. Two days later, it docked in Cadiz. A week after "
         "that, it sank.", "2019-05-03", derived("2019-05-05"), derived("2019-05-12"),
         published=date(2020, 2, 1)),
    case("Three days later, the bridge reopened."),
    # With no day before it to follow, "the following Monday" is no particular Monday.
    case("The following Monday, the union called a strike.", published=date(2023, 3, 10)),
    case("Two weeks earlier, the club had sacked its coach."),
    case("The couple met in 2015. Two years earlier, she had left the army.",
         derived("2013"), "2015", published=date(2020, 6, 1)),
    case("Polls closed at 8 p.m. on Sunday, and the first results came in two hours later.",
         "2022-04-10T20:00", derived("2022-04-10T22:00"), published=date(2022, 4, 11)),
    # Minutes from a day name no minute: the orbit is not placed.
    case("The satellite was launched on 12 May 2021 and reached orbit 40 minutes later.",
         "2021-05-12", published=date(2021, 5, 13)),
    # The arrest is six months before the release.
    case("The suspect was released on 3 June 2018, six months after his arrest.",
         derived("2017-12-03"), "2018-06-03", published=date(2018, 6, 5)),
    case("Hours later, the fire was out."),
    # Decision: "hours later" from a morning time stays that day: a derived row at the day.
    case("The bomb went off at 8:05 a.m. on Tuesday. Hours later, police arrested a man.",
         "2019-04-23T08:05", derived("2019-04-23"), published=date(2019, 4, 25)),
    # The same, said of a day, and "minutes earlier" than a late time.
    case("The ship sank on Tuesday, and hours later the crew was found.",
         Row("2019-04-23", label="The ship sank on Tuesday"),
         derived("2019-04-23", label="hours later the crew was found."),
         published=date(2019, 4, 25)),
    case("Police arrived at 9:30 p.m. on Tuesday. Minutes earlier, shots were heard.",
         derived("2019-04-23"), "2019-04-23T21:30", published=date(2019, 4, 25)),
    # Decision: "hours later" than 10 p.m. may be the next day: no row for it.
    case("The ship sank at 10 p.m. on Tuesday. Hours later, the crew was found.",
         "2019-04-23T22:00", published=date(2019, 4, 25)),
    # "Days later" names no day.
    case("The dam burst on 3 May. Days later, the mayor quit.", "2019-05-03",
         published=date(2019, 5, 25)),
    case("The treaty was signed in March 1998. Five years on, it was torn up.",
         "1998-03", derived("2003-03"), published=date(2004, 1, 1)),
    # "About" rounds the distance; a reader still places the event there.
    case("The jet took off at 12:40 a.m. on 8 March 2014. About 40 minutes later, it "
         "vanished from radar.", "2014-03-08T00:40", derived("2014-03-08T01:20"),
         published=date(2014, 3, 9)),
    # "Within a week" is no distance: no second row.
    case("Lee was sworn in on 10 May 2017. Within a week, he had named his cabinet.",
         "2017-05-10", published=date(2017, 5, 20)),
    # An offset that carries its own date: one row, at that date.
    case("A day earlier, on 14 July, the ship had left port.", "2022-07-14",
         published=date(2022, 7, 20)),
    case("The verdict came on 9 Dec 2020, 18 months after the trial began.",
         derived("2019-06-09"), "2020-12-09", published=date(2020, 12, 10)),
    case("The results were published on Tuesday, 10 days after the vote.",
         derived("2023-05-06"), "2023-05-16", published=date(2023, 5, 18)),
    case("Flights resumed at 06:00 on 4 April, 36 hours after the airport closed.",
         derived("2022-04-02T18:00"), "2022-04-04T06:00", published=date(2022, 4, 5)),
]

LABELS = [
    case("The liner left Southampton on 10 April 1912, and she sank five days later.",
         Row("1912-04-10", label="The liner left Southampton on 10 April 1912"),
         Row("1912-04-15", derived=True, label="she sank five days later."),
         published=date(2012, 4, 10)),
    case("Smith joined the club in 2012, while Jones arrived in 2014.",
         Row("2012", label="Smith joined the club in 2012"),
         Row("2014", label="Jones arrived in 2014."), published=date(2020, 1, 1)),
    case("The mill shut in 1981; the town has not recovered since.",
         Row("1981", label="The mill shut in 1981; the town has not recovered since."),
         published=date(2020, 1, 1)),
    case("The clinic opened on 4 May 2015, but it lost its licence on 2 June 2019.",
         Row("2015-05-04", label="The clinic opened on 4 May 2015"),
         Row("2019-06-02", label="it lost its licence on 2 June 2019."),
         published=date(2020, 1, 1)),
]

CATEGORIES = {
    "date forms": DATE_FORMS,  # the ways a calendar date is written
    "times": TIMES,  # clock times and parts of days
    "relative": RELATIVE,  # counted from the publication date, or from the sentence before
    "ranges": RANGES,  # a period is one row; its two ends are no two events
    "generic": GENERIC,  # numbers, names and habits that are no date
    "not rows": NOT_ROWS,  # durations, sets and the present
    "offsets": OFFSETS,  # a distance from a date near makes a derived row; with none, no row
    "labels": LABELS,  # a row shows the clause of its event
}
TABLE = table(CATEGORIES)


@pytest.mark.parametrize(("text", "published", "expected"), TABLE)
def test_the_rows_a_reader_expects(text, published, expected):
    check(text, published, expected)
