"""A third table of timeline rows for short news sentences, written apart from the first two
(test_row_examples.py, test_row_examples_more.py) and before running the code on it: wire
copy, science, sport, politics and business, in British and American date forms.

It follows the categories a held-out set judges: generic uses ("the first half", "in June"
said of every year, "on Fridays", "each year"), nested expressions (one row at the most
precise date), ranges (one row for a period), anchored offsets (a derived row), disjoint
dates (a row each) and what is no row (durations, sets, the present, names). The conventions
are the first table's (`Row`, `case`, `derived`, `check`): the rows a careful reader would
write, in the timeline's order (date, then text); two accepted values where a reader could
fairly write either, and a comment where the case is a decision."""

from __future__ import annotations

from datetime import date

import pytest
from tests.timeline.test_row_examples import Row, case, check, derived, table

GENERIC = [
    case("Liverpool dominated the first half and scored twice after the break.",
         published=date(2023, 4, 2)),
    case("Spain went ahead just before half-time.", published=date(2023, 8, 16)),
    case("The visitors conceded in stoppage time at the end of the second half.",
         published=date(2023, 2, 5)),
    case("The quarterback threw two touchdowns in the fourth quarter.",
         published=date(2023, 2, 13)),
    case("The winner struck in the 88th minute to seal a 2-1 victory.",
         published=date(2023, 5, 7)),
    case("After a goalless first half, Chelsea scored three times in 20 minutes.",
         published=date(2023, 3, 12)),
    case("The winner finished the marathon in 2:18:59.", published=date(2023, 4, 24)),
    # Said of every year, in the present tense: no particular June.
    case("In June, the city's jacarandas turn the streets purple."),
    case("Wildfires are most common in August."),
    case("Schools in England break up in late July."),
    case("Retail sales usually dip in January after the holiday rush."),
    case("Most years the harvest begins in September."),
    case("The prize is awarded annually in October."),
    case("The library closes early on Fridays."),
    case("On Saturdays, the square fills with market stalls."),
    case("The bins are collected every other Thursday."),
    case("Kick-off is at 3pm on Saturdays."),
    case("Monday mornings are the busiest time at the surgery."),
    case("Afternoon tea is served at 4 p.m. daily."),
    case("Hay fever peaks in late spring."),
    case("In winter the pass is often blocked by snow."),
    case("Ferries run twice a day in the summer months."),
    case("Swallows return each spring from southern Africa."),
    case("Each year, about 1,700 people die on the country's roads."),
    case("Every Christmas, the family flies to Lagos."),
    case("The clocks go back on the last Sunday in October."),
    # The habit is no row; the one Tuesday it broke is.
    case("The museum, which is closed on Mondays, reopened on Tuesday after repairs.",
         "2022-08-30"),
    case("The race, normally held every May, was cancelled in 2020.", "2020",
         published=date(2021, 3, 1)),
    case("Usually held in June, the festival took place in September this year.",
         "2022-09", published=date(2022, 10, 5)),
    # A half of a year is a calendar period, unlike a match's.
    case("In the second half of 2022, growth slowed sharply.", "2022-H2",
         published=date(2023, 2, 10)),
]

NESTED = [
    case("Police said the suspect entered the bank at about 10:20 a.m. on Tuesday, "
         "14 March 2023.", "2023-03-14T10:20", published=date(2023, 3, 15)),
    case("The explosion, at 6:08 p.m. on Aug. 4, 2020, flattened much of the port.",
         "2020-08-04T18:08", published=date(2020, 8, 10)),
    case("In the summer of 2012, on 27 July, the Olympic Games opened in London.",
         "2012-07-27", published=date(2022, 7, 27)),
    # "11 o'clock" on a morning is 11:00; the hour alone is the same time.
    case("The guns fell silent at 11 o'clock on the morning of 11 November 1918.",
         Row(("1918-11-11T11:00", "1918-11-11T11")), published=date(2018, 11, 11)),
    case("Trading in the lender's shares was suspended at 23:40 on Thursday 9 March 2023.",
         "2023-03-09T23:40", published=date(2023, 3, 10)),
    case("Last week, on Wednesday, the council approved the plan.", "2022-09-07",
         published=date(2022, 9, 12)),
    case("This week, on Monday, the regulator fined the bank \u00a340m.", "2022-09-05",
         published=date(2022, 9, 8)),
    case("Earlier this year, in February, the firm cut 200 jobs.", "2023-02",
         published=date(2023, 6, 1)),
    case("Last year, in October, the carmaker recalled 2 million vehicles.", "2022-10",
         published=date(2023, 3, 1)),
    case("Back in 1969, in July, Apollo 11 landed on the Moon.", "1969-07",
         published=date(2019, 7, 1)),
    case("On the night of 14 April 1912, at 11:40 p.m., the liner struck an iceberg.",
         "1912-04-14T23:40", published=date(2012, 4, 14)),
    case("The results, released at 7 a.m. on Thursday 24 August, showed a fall in top "
         "grades.", "2023-08-24T07:00", published=date(2023, 8, 25)),
    case("In autumn 2020, on 3 November, Americans chose a president.", "2020-11-03",
         published=date(2021, 1, 5)),
    case("Just after 2 p.m. on Saturday afternoon, the roof of the stand collapsed.",
         "2022-09-03T14:00", published=date(2022, 9, 5)),
    case("On 5 January 2024, shortly before 5 p.m., a door panel blew off the jet.",
         "2024-01-05T17:00", published=date(2024, 1, 8)),
    # Dawn is the morning's start; the day is a fair value too.
    case("Russian troops crossed the border at dawn on 24 February 2022.",
         Row(("2022-02-24TMO", "2022-02-24")), published=date(2022, 2, 25)),
    case("The deadline expired at 23:00 GMT on 29 March 2019.", "2019-03-29T23:00",
         published=date(2019, 3, 30)),
    case("On Tuesday, Nov. 8, at 7 p.m., polls closed in Indiana.", "2022-11-08T19:00",
         published=date(2022, 11, 9)),
    case("In the first week of January 2021, on 6 January, rioters stormed the Capitol.",
         "2021-01-06", published=date(2021, 2, 1)),
    case("At 9.02 on the morning of Wednesday 19 April 1995, a truck bomb exploded in "
         "Oklahoma City.", "1995-04-19T09:02", published=date(2020, 4, 19)),
    # A British "7.45" beside a day is a time; the part of the day after it places it.
    case("The last train left at 7.45 on Friday evening.", "2022-08-26T19:45"),
    case("Police were called at 10.15 on 3 March 2021.", "2021-03-03T10:15",
         published=date(2021, 3, 5)),
    # A part of the day holds the time said in it: one row.
    case("The ferry sank at 7:45 this morning.", "2022-09-01T07:45"),
    case("Yesterday at 4 p.m., the bridge was reopened to traffic.", "2022-08-31T16:00"),
    case("The fire broke out at around 1 a.m. today.", "2022-09-01T01:00"),
]

RANGES = [
    # Coordinated dates share what the last one says: its year, its week.
    case("Prices rose between March and June last year.", Row("2021-03", "2021-06")),
    case("The talks ran from 30 December to 2 January 2013.",
         Row("2012-12-30", "2013-01-02")),
    case("The exhibition was open from May until August 2019.", Row("2019-05", "2019-08")),
    # One winter across two years is a season, not a range of years.
    case("Gas prices soared in the winter of 2021-22.", "2021-WI"),
    case("Energy use fell during winter 2022/23.", "2022-WI", published=date(2023, 6, 1)),
    case("The climate conference will run from 6 to 18 November in Sharm el-Sheikh.",
         Row("2022-11-06", "2022-11-18"), published=date(2022, 10, 20)),
    case("Flights were grounded between 9 a.m. and 1 p.m. on Sunday.",
         Row("2022-09-04T09:00", "2022-09-04T13:00"), published=date(2022, 9, 5)),
    case("He was chief executive from 2010 until 2019, when he retired.",
         Row("2010", "2019"), published=date(2022, 6, 1)),
    # A named period, like "the 2003 heatwave": the reader wants when it happened.
    case("The 2014\u20132016 Ebola epidemic killed more than 11,000 people.",
         Row("2014", "2016"), published=date(2020, 3, 1)),
    case("Temperatures will climb from Thursday to Sunday.",
         Row("2022-07-14", "2022-07-17"), published=date(2022, 7, 12)),
    case("Between 1914 and 1918, nearly a million British soldiers died.",
         Row("1914", "1918"), published=date(2018, 11, 11)),
    case("Sales grew between January and March, the retailer said.",
         Row("2023-01", "2023-03"), published=date(2023, 4, 20)),
    case("From Monday until Friday, the bridge will carry a single lane.",
         Row("2022-09-05", "2022-09-09"), published=date(2022, 9, 3)),
    case("The poll was conducted Sept. 8-12 among 1,000 adults.",
         Row("2022-09-08", "2022-09-12"), published=date(2022, 9, 20)),
    case("The nurses' strike ran 1\u20133 February.", Row("2023-02-01", "2023-02-03"),
         published=date(2023, 2, 10)),
    # As in the second table's "2008-09": two years, not a month.
    case("Profits fell in 2021\u201322, the annual report shows.", Row("2021", "2022"),
         published=date(2023, 5, 2)),
    case("The motorway was closed from 2 p.m. until 5 p.m. yesterday.",
         Row("2022-08-31T14:00", "2022-08-31T17:00")),
    case("The bank held rates at 0.1% from March 2020 to December 2021.",
         Row("2020-03", "2021-12"), published=date(2022, 2, 3)),
    case("Between 6 and 8 June, the storm dumped 300mm of rain on the coast.",
         Row("2023-06-06", "2023-06-08"), published=date(2023, 6, 12)),
    case("Riots spread across England from 6 to 11 August 2011.",
         Row("2011-08-06", "2011-08-11"), published=date(2021, 8, 6)),
    case("Ballots were cast from June 23 through June 26.",
         Row("2022-06-23", "2022-06-26"), published=date(2022, 7, 1)),
    case("Inflation averaged 2% between 1997 and 2007.", Row("1997", "2007"),
         published=date(2017, 5, 6)),
    case("Services will be suspended from 10pm on Saturday to 5am on Sunday.",
         Row("2022-09-10T22:00", "2022-09-11T05:00"), published=date(2022, 9, 7)),
    case("Trading was paused between 2:30 p.m. and 3 p.m.",
         Row("2022-09-01T14:30", "2022-09-01T15:00")),
    case("The heatwave lasted from July 18 until July 20.",
         Row("2022-07-18", "2022-07-20"), published=date(2022, 7, 25)),
    case("The Tokyo Olympics, delayed by a year, were held from 23 July to 8 August 2021.",
         Row("2021-07-23", "2021-08-08"), published=date(2021, 8, 9)),
    # "Until X" alone: a row at X (the first table's decision).
    case("The consultation runs until 12 May.", "2023-05-12", published=date(2023, 4, 1)),
    case("Delegates met between Tuesday and Thursday last week.",
         Row("2022-09-06", "2022-09-08"), published=date(2022, 9, 12)),
    case("Prices rose by 10% from 2020 to 2022 and by 3% in 2023.", Row("2020", "2022"),
         "2023", published=date(2024, 1, 15)),
    case("The pitch was closed from November 2019 until March 2020 for relaying.",
         Row("2019-11", "2020-03"), published=date(2020, 6, 1)),
]

OFFSETS = [
    case("The couple married on 2 June 2018 and divorced three years later.",
         "2018-06-02", derived("2021-06-02"), published=date(2022, 1, 10)),
    case("The parcel was sent on Jan. 4. It arrived five days later.", "2023-01-04",
         derived("2023-01-09"), published=date(2023, 1, 20)),
    case("The boy was last seen on Friday, 7 July. Two days earlier, he had quit his job.",
         derived("2023-07-05"), "2023-07-07", published=date(2023, 7, 10)),
    case("The first dam burst at 2:10 a.m. on 11 September 2023, 13 minutes before the "
         "second gave way.", "2023-09-11T02:10", derived("2023-09-11T02:23"),
         published=date(2023, 9, 13)),
    case("The alarm sounded at 6:55 a.m. on 3 March 2021, five minutes after the fire "
         "started.", derived("2021-03-03T06:50"), "2021-03-03T06:55",
         published=date(2021, 3, 4)),
    case("The minister quit on 7 July 2022, a day after the scandal broke.",
         derived("2022-07-06"), "2022-07-07", published=date(2022, 7, 8)),
    case("The Taliban entered Kabul on 15 August 2021. The following day, crowds stormed "
         "the airport.", "2021-08-15", derived("2021-08-16"), published=date(2021, 8, 20)),
    case("The summit opened on Monday, 6 November. On the following day, talks stalled.",
         "2023-11-06", derived("2023-11-07"), published=date(2023, 11, 10)),
    case("The firm was floated in 2014; a year after that, its shares had halved.",
         "2014", derived("2015"), published=date(2020, 1, 1)),
    case("The truce was signed on 1 October 2020. A month later, fighting resumed.",
         "2020-10-01", derived("2020-11-01"), published=date(2021, 1, 1)),
    case("The patient was admitted on 12 March 2020 and died a week afterwards.",
         "2020-03-12", derived("2020-03-19"), published=date(2020, 4, 1)),
    case("The referendum was held on 18 September 2014. A year later, the party's "
         "membership had tripled.", "2014-09-18", derived("2015-09-18"),
         published=date(2016, 1, 1)),
    case("The result was declared at 4:40 a.m. on 24 June 2016; half an hour later, the "
         "pound hit a 31-year low.", "2016-06-24T04:40", derived("2016-06-24T05:10"),
         published=date(2016, 6, 25)),
    case("The storm hit on Sunday, 8 October. The previous day, residents had been told "
         "to leave.", derived("2023-10-07"), "2023-10-08", published=date(2023, 10, 10)),
    case("The chain collapsed in 2001, four years after it was founded.",
         derived("1997"), "2001", published=date(2010, 1, 1)),
    case("The treaty came into force on 1 November 1993, 21 months after it was signed.",
         derived("1992-02-01"), "1993-11-01", published=date(2003, 1, 1)),
    case("The yacht left Plymouth on 4 May 2022 and reached Antigua a fortnight later.",
         "2022-05-04", derived("2022-05-18"), published=date(2022, 6, 1)),
    case("Surgeons operated on 9 June 2020; the next day, the patient woke.",
         "2020-06-09", derived("2020-06-10"), published=date(2020, 6, 20)),
    case("Apollo 11 landed on the Moon on 20 July 1969, four days after launch.",
         derived("1969-07-16"), "1969-07-20", published=date(2019, 7, 20)),
    case("The central bank raised rates on 3 August. Two weeks on, mortgage costs were "
         "climbing.", "2023-08-03", derived("2023-08-17"), published=date(2023, 9, 1)),
    case("Police were called at 1:20 a.m. on Saturday, 2 December. Twenty minutes earlier, "
         "the first shots had been fired.", derived("2023-12-02T01:00"),
         "2023-12-02T01:20", published=date(2023, 12, 4)),
    # The week after a Monday's week is the next ISO week; its Monday is a fair value.
    case("Markets crashed on Monday, 19 October 1987. The following week, prices "
         "recovered some of their losses.", "1987-10-19",
         Row(("1987-W44", "1987-10-26"), derived=True), published=date(2017, 10, 19)),
    case("The vote is on 4 July; results are due two days after.", "2024-07-04",
         derived("2024-07-06"), published=date(2024, 6, 20)),
    case("The plane took off at 10:05 a.m. and crashed 12 minutes later.",
         "2022-09-01T10:05", derived("2022-09-01T10:17")),
    # No exact distance: no derived row.
    case("The wall fell on 9 November 1989, and less than a year later Germany was "
         "reunified.", "1989-11-09", published=date(2019, 11, 9)),
    case("The crash happened on 3 March 2023, weeks before the inquiry opened.",
         "2023-03-03", published=date(2023, 6, 1)),
    # No date to count from: no row.
    case("Six months later, the project was abandoned."),
    case("The day after, the council voted the plan down."),
    case("A decade earlier, the club had been relegated."),
]

DISJOINT = [
    case("Oscillations were recorded in October and November 2012.", "2012-10", "2012-11",
         published=date(2013, 9, 12)),
    case("Sales fell in October, November and December 2011.", "2011-10", "2011-11",
         "2011-12"),
    case("The votes were held on 3 May and 4 June 2021.", "2021-05-03", "2021-06-04"),
    case("Exports fell in the spring and summer of 2010.", "2010-SP", "2010-SU"),
    case("Protests took place on Monday and Tuesday of last week.", "2022-08-22",
         "2022-08-23"),
    case("Strikes are planned for Wednesday and Thursday of next week.", "2022-09-07",
         "2022-09-08"),
    # The tense is the expression's own clause's, not the next clause's plan.
    case("Engineers fired the thrusters for the first course correction about 12 hours after "
         "launch, on Saturday evening, and a second, smaller burn is planned for Monday.",
         Row(("2022-08-27TEV", "2022-08-27")), "2022-09-05"),
    case("Two men were arrested in a raid on a flat in the east of the city late on Friday, "
         "and a third man is expected to appear in court on Tuesday.", "2022-08-26",
         "2022-09-06"),
    case("The team won a tense semi-final against the champions in Madrid on Saturday; the "
         "final is scheduled for Wednesday.", "2022-08-27", "2022-09-07"),
    # "That year" is the year the text last named.
    case("The band formed in March 1994 and played its first gig on 12 November of that "
         "year.", "1994-03", "1994-11-12"),
    case("Voyager 1 lifted off on September 5, 1977, after its twin, which left on "
         "August 20 of that year.", "1977-08-20", "1977-09-05"),
    case("The plant closed in 2008. In March of the same year, its owner had filed for "
         "bankruptcy.", "2008", "2008-03"),
    case("The singer released her debut album in 2008 and her second in 2010.",
         "2008", "2010", published=date(2015, 1, 1)),
    case("The reactor was shut down in March 2011 and restarted in August 2015.",
         "2011-03", "2015-08", published=date(2016, 1, 1)),
    case("He was elected in November 2016 and impeached in December 2019.",
         "2016-11", "2019-12", published=date(2020, 2, 1)),
    # Two verbs: a sale's opening and its selling out, not a period.
    case("Tickets went on sale on 1 March and sold out on 3 March.",
         "2023-03-01", "2023-03-03", published=date(2023, 3, 10)),
    case("The first dose was given on 8 December 2020; by 15 January 2021, three million "
         "people had been jabbed.", "2020-12-08", "2021-01-15",
         published=date(2021, 1, 20)),
    case("The mayor, first elected in 2018, was re-elected in 2022.", "2018", "2022",
         published=date(2022, 6, 1)),
    case("Shares rose on Monday but fell on Tuesday.", "2022-09-05", "2022-09-06",
         published=date(2022, 9, 7)),
    case("The suspect was arrested in Madrid on 2 May and extradited on 30 June.",
         "2022-05-02", "2022-06-30", published=date(2022, 7, 15)),
    case("Hurricane Katrina struck in 2005, and Hurricane Harvey in 2017.",
         "2005", "2017", published=date(2020, 1, 1)),
    case("The film premiered at Cannes in May and opens in British cinemas on 4 August.",
         "2023-05", "2023-08-04", published=date(2023, 7, 1)),
    case("The company was listed in 1996, delisted in 2009 and relisted in 2021.",
         "1996", "2009", "2021", published=date(2022, 1, 1)),
    case("Argentina lifted the trophy in 1978, 1986 and 2022.", "1978", "1986", "2022",
         published=date(2023, 1, 1)),
    case("Inflation peaked at 11.1% in October 2022 and fell to 4% by December 2023.",
         "2022-10", "2023-12", published=date(2024, 1, 20)),
    case("The pope visited Ireland in 1979 and again in 2018.", "1979", "2018",
         published=date(2019, 1, 1)),
    case("She took office on Thursday and gave her first speech on Saturday.",
         "2022-09-01", "2022-09-03", published=date(2022, 9, 5)),
    case("Returns were due on 31 January; the firm filed them on 14 February.",
         "2023-01-31", "2023-02-14", published=date(2023, 3, 1)),
    case("The virus was detected last month and the first death was recorded yesterday.",
         "2020-02", "2020-03-09", published=date(2020, 3, 10)),
    case("Oil hit $147 a barrel in July 2008 but fell below $40 by December.",
         "2008-07", "2008-12", published=date(2009, 3, 1)),
    # A beginning and an end, each with its verb: two rows (the second table's decision
    # for "open on ... and close on ...").
    case("The walkout that began on Monday ended on Thursday.", "2022-08-29", "2022-09-01",
         published=date(2022, 9, 2)),
    case("Lawmakers approved the budget on 20 December 2022, and the president signed it "
         "on 29 December.", "2022-12-20", "2022-12-29", published=date(2023, 1, 5)),
    case("The plan was unveiled in the spring and approved in the autumn.",
         "2022-SP", "2022-FA", published=date(2022, 12, 1)),
    case("The bank was nationalised in 2008 and returned to private hands in 2021.",
         "2008", "2021", published=date(2022, 1, 1)),
]

NOT_ROWS = [
    case("Talks have been going on for six months."),
    case("The drought has now lasted four years."),
    case("The contract runs for five years."),
    case("The party has been in power for a decade."),
    case("Patients wait an average of 18 weeks for surgery."),
    case("Delays of up to 90 minutes are expected."),
    case("It was his first win in 18 months."),
    case("She now lives in Canada with her children."),
    case("Right now, the priority is to find survivors."),
    case("Currently, 40 percent of staff work from home."),
    case("At the moment, no flights are leaving the island."),
    case("Nowadays, few people write letters."),
    case("For the time being, the border remains closed."),
    case("The company has grown quickly over the years."),
    case("Life expectancy has risen over the past century."),
    case("The index is updated weekly."),
    case("Board meetings are held monthly."),
    case("The tablets are taken three times a day."),
    case("Cases are rising every week."),
    case("USA Today reported the figures first."),
    case("Sunday Times journalists were barred from the briefing."),
    case("The Times of India carried the story on its front page."),
    case("Backbenchers on the 1922 Committee demanded a vote."),
    # Decision: a law's year is part of its name (the second table's "the 1990 Act").
    case("The Housing Act 1988 gave tenants new rights."),
    case("The Equality Act 2010 bans discrimination at work."),
    # A name with a weekday in it, and a real day beside it.
    case("Good Morning America aired the interview on Tuesday.", "2022-08-30"),
    case("Nineteen Eighty-Four sold thousands of copies last month.", "2017-01",
         published=date(2017, 2, 10)),
    case("A new staging of Two Thousand Nineteen opened on Friday.", "2022-08-26"),
    # No time out of a price, a rate or a score, even beside a day.
    case("Shares in the bank closed at 9.02 on Monday.", "2022-08-29"),
    case("Inflation stood at 9.02 per cent on Tuesday.", "2022-08-30"),
    case("The index was at 2.5 million on Wednesday.", "2022-08-31"),
    case("Version 3.10 was released on Friday.", "2022-08-26"),
]

CATEGORIES = {
    "generic": GENERIC,  # halves, quarters, minutes, habits and every year's months
    "nested": NESTED,  # one row at the most precise date, the others as context
    "ranges": RANGES,  # a period is one row
    "offsets": OFFSETS,  # a distance from a date near makes a derived row; with none, no row
    "disjoint": DISJOINT,  # a row per event
    "not rows": NOT_ROWS,  # durations, sets, the present and names
}
TABLE = table(CATEGORIES)


@pytest.mark.parametrize(("text", "published", "expected"), TABLE)
def test_the_rows_a_reader_expects(text, published, expected):
    check(text, published, expected)
