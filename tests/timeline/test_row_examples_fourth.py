"""A fourth table of timeline rows for short news sentences, written apart from the first three
(test_row_examples.py, _more.py, _third.py) and before running the code on it. Its styles are
the ones they lack: British broadsheet and BBC copy ("on Tuesday 4 March", "4pm GMT",
"from 9am to 5.30pm"), wire datelines, business results ("the three months to June", "the first
half of the year", "fiscal 2023"), court and parliament reports, fixtures and results, science
and space, obituaries, anniversaries ("75 years ago today"), weather and travel notices,
reported speech, headlines, and numbers that are no date ("2,023 people", "a 24-hour strike").

The conventions are the first table's (`Row`, `case`, `derived`, `check`): the rows a careful
reader would write, in the timeline's order (date, then text). Where a reader could fairly write
a period either as one value or as a range, `either` accepts both; a comment says why where the
case is a decision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from tests.timeline.test_row_examples import Row, case, check, derived, table

from tuireader.timeline.rows import TimelineRow


@dataclass(frozen=True)
class Either:
    """A row a reader could fairly write in any of several shapes (a quarter or its months)."""

    rows: tuple[Row, ...]

    def matches(self, row: TimelineRow) -> bool:
        return any(want.matches(row) for want in self.rows)


def either(*rows: Row | str) -> Any:
    return Either(tuple(Row(r) if isinstance(r, str) else r for r in rows))


GENERIC = [
    case("Arsenal were two goals up at half-time but fell apart after the interval.",
         published=date(2024, 3, 4)),
    case("Saka's penalty in the 17th minute was the only goal of the first half.",
         published=date(2024, 3, 4)),
    case("The Lions trailed 17-10 at the end of the third quarter.",
         published=date(2024, 1, 15)),
    # A Test match's days are counted from its start, not the calendar's.
    case("Rain washed out the whole of the second day's play at Lord's.",
         published=date(2024, 7, 12)),
    case("The hosts scored twice in the final ten minutes of the second half.",
         published=date(2024, 3, 4)),
    case("He scored in both halves, his first brace since the opening day of the season.",
         published=date(2024, 3, 4)),
    case("Wimbledon is played over a fortnight in late June and early July."),
    case("Daffodils flower in March across most of the country."),
    case("The UK tax year ends on 5 April."),
    case("The monsoon usually reaches Kerala in early June."),
    case("Hospitals are busiest in January, when flu peaks."),
    case("Fog is common on the estuary in November."),
    case("In summer, the towpath is crowded with cyclists."),
    case("Most weddings take place on Saturdays in summer."),
    case("The surgery is shut on bank holidays."),
    case("Pubs in the town call last orders at 11pm on weeknights."),
    case("The ferry sails at 7.45am on weekdays and at 9am at weekends."),
    case("On Sunday mornings the church bells ring for an hour."),
    case("Every Boxing Day, hundreds of swimmers plunge into the sea at Brighton."),
    case("The gallery stays open late on the first Friday of each month."),
    case("Markets in Tokyo open at 9am local time."),
    case("Interest is paid quarterly, on the last day of March, June, September and "
         "December."),
    # The habit is no row; the change it announces is.
    case("Bin collections move to Wednesdays from next month, the council said.", "2024-04",
         published=date(2024, 3, 4)),
    case("The Derby, run every June at Epsom, was won by a 20-1 outsider on Saturday.",
         "2024-06-01", published=date(2024, 6, 3)),
    case("The shop, which shuts on Wednesday afternoons, burned down on Wednesday night.",
         Row(("2023-10-11TNI", "2023-10-11")), published=date(2023, 10, 12)),
    # A film's title with a clock time in it; its remake is dated.
    case("The 3:10 to Yuma was remade in 2007.", "2007", published=date(2020, 1, 1)),
]

NESTED = [
    case("The Chancellor will deliver her Budget at 12.30pm on Wednesday 30 October.",
         "2024-10-30T12:30", published=date(2024, 10, 28)),
    case("On Tuesday 4 March, at 4pm GMT, shares in London closed sharply lower.",
         "2025-03-04T16:00", published=date(2025, 3, 5)),
    # The dateline is the story's day: the arrest's time that day is the one row.
    case("LONDON, Feb 11 (Reuters) - British police arrested a man at 6.15am on Tuesday "
         "over the attack.", "2025-02-11T06:15", published=date(2025, 2, 11)),
    case("WASHINGTON (AP) \u2014 The Senate voted shortly before 3am local time on Saturday "
         "to pass the bill.", "2024-06-01T03:00", published=date(2024, 6, 3)),
    case("The verdict was read out at 2.47pm on Friday 7 July in court 2 of the Old Bailey.",
         "2023-07-07T14:47", published=date(2023, 7, 8)),
    case("The division bell rang at 7pm on the evening of 14 March.", "2024-03-14T19:00",
         published=date(2024, 3, 20)),
    case("At 11pm GMT on Friday 31 January 2020, Britain formally left the European Union.",
         "2020-01-31T23:00", published=date(2020, 2, 1)),
    case("Chandrayaan-3 landed near the lunar south pole at 18:04 IST on 23 August 2023.",
         "2023-08-23T18:04", published=date(2023, 8, 24)),
    case("Totality began in Dallas at 1.40pm local time on Monday 8 April 2024.",
         "2024-04-08T13:40", published=date(2024, 4, 9)),
    case("At 3.12pm on Tuesday 19 July 2022, Coningsby in Lincolnshire recorded 40.3C.",
         "2022-07-19T15:12", published=date(2022, 7, 20)),
    case("On the evening of Saturday 6 May 2023, after the coronation, crowds lingered on "
         "the Mall.", Row(("2023-05-06TEV", "2023-05-06")), published=date(2023, 5, 8)),
    case("She was born in Swansea on 2 March 1931, in the middle of a snowstorm.",
         "1931-03-02", published=date(2024, 5, 10)),
    # One moment in two clocks: one row, in either.
    case("The ship struck the rocks at 1.30am local time (2330 GMT Friday) on Saturday.",
         Row(("2024-06-01T01:30", "2024-05-31T23:30")), published=date(2024, 6, 3)),
    case("The Prime Minister's statement, due at noon today, was delayed.",
         "2025-01-20T12:00", published=date(2025, 1, 20)),
    case("Early on Sunday morning, at about 4am, the dam gave way.", "2024-06-02T04:00",
         published=date(2024, 6, 3)),
    case("The postal strike began at one minute past midnight on Thursday 20 October.",
         "2022-10-20T00:01", published=date(2022, 10, 21)),
    case("Westminster Abbey, 2 June 1953: a queen is crowned.", "1953-06-02",
         published=date(2023, 6, 2)),
    case("The Queen died peacefully at Balmoral on the afternoon of Thursday 8 September "
         "2022.", Row(("2022-09-08TAF", "2022-09-08")), published=date(2022, 9, 9)),
    case("The launch window opens at 22:41 UTC on 12 December.", "2024-12-12T22:41",
         published=date(2024, 12, 1)),
    case("The consultation closes at 11.59pm on 31 March.", "2025-03-31T23:59",
         published=date(2025, 3, 4)),
    # Midnight "tonight" is the day's end; the next day's start is the same moment.
    # Where someone is today is the day's event, not the present age.
    case("Today, the prime minister is in Brussels for talks with EU leaders.", "2024-03-04",
         published=date(2024, 3, 4)),
    case("The embargo lifts at midnight tonight.",
         Row(("2024-03-04T24:00", "2024-03-05T00:00")), published=date(2024, 3, 4)),
    case("Police, who were called at 10pm on Saturday, are still searching the woods.",
         "2024-06-01T22:00", published=date(2024, 6, 3)),
    case("He was remanded in custody to appear at the Old Bailey on 3 April.", "2024-04-03",
         published=date(2024, 3, 20)),
    case("Nasa's Artemis II crew will fly around the Moon no earlier than September 2025.",
         "2025-09", published=date(2024, 3, 4)),
    case("The asteroid will pass within 38,000km of Earth on 13 April 2029.", "2029-04-13",
         published=date(2024, 1, 15)),
    case("The FTSE 100 closed 0.8% higher at 8,023 on Friday.", "2024-05-31",
         published=date(2024, 6, 3)),
    case("Last Thursday's storm left 20,000 homes without power.", "2023-11-02",
         published=date(2023, 11, 6)),
    case("MPs will sit until 10pm tonight to finish the debate.", "2024-03-05T22:00",
         published=date(2024, 3, 5)),
]

RANGES = [
    case("The counter at the town hall will be open from 9am to 5.30pm on Saturday for late "
         "registrations.", Row("2025-03-08T09:00", "2025-03-08T17:30"),
         published=date(2025, 3, 4)),
    # "Between Brighton and Lewes" is places.
    case("No trains will run between Brighton and Lewes from Saturday 8 March to Monday "
         "10 March.", Row("2025-03-08", "2025-03-10"), published=date(2025, 3, 4)),
    case("The exhibition is open 10 May\u201328 September at Tate Modern.",
         Row("2025-05-10", "2025-09-28"), published=date(2025, 5, 8)),
    case("Strikes are planned between 27 and 29 December, the union said.",
         Row("2024-12-27", "2024-12-29"), published=date(2024, 12, 10)),
    case("She was Chief Justice from 1996 until her retirement in 2004.",
         Row("1996", "2004"), published=date(2020, 1, 1)),
    case("Parliament will be prorogued from Thursday until Monday 14 October.",
         Row("2019-10-10", "2019-10-14"), published=date(2019, 10, 7)),
    # "Junctions 4 and 5" are places.
    case("The M6 will be shut from 9pm Friday to 6am Monday between junctions 4 and 5.",
         Row("2025-03-07T21:00", "2025-03-10T06:00"), published=date(2025, 3, 4)),
    # "Until X" alone: a row at X (the first table's decision).
    case("Voting in the leadership contest runs until 5pm on 26 August.", "2024-08-26T17:00",
         published=date(2024, 8, 1)),
    case("The knife amnesty ran 1\u201330 April.", Row("2024-04-01", "2024-04-30"),
         published=date(2024, 5, 10)),
    case("Sea temperatures were above average between May and August, the Met Office said.",
         Row("2024-05", "2024-08"), published=date(2024, 9, 17)),
    case("The heatwave will last from Wednesday until at least Sunday.",
         Row("2024-07-17", "2024-07-21"), published=date(2024, 7, 15)),
    case("The Tour de France runs from 29 June to 21 July this year.",
         Row("2024-06-29", "2024-07-21"), published=date(2024, 6, 3)),
    case("Shops will trade from 10am until 4pm on Easter Monday.",
         Row("2024-04-01T10:00", "2024-04-01T16:00"), published=date(2024, 3, 25)),
    case("The Blitz lasted from September 1940 to May 1941.", Row("1940-09", "1941-05"),
         published=date(2020, 9, 7)),
    case("Trading in the shares was suspended between 11.02am and 11.40am.",
         Row("2025-01-20T11:02", "2025-01-20T11:40"), published=date(2025, 1, 20)),
    case("Reading Festival takes place on 23\u201325 August at Richfield Avenue.",
         Row("2024-08-23", "2024-08-25"), published=date(2024, 8, 1)),
    case("Astronauts are due to work outside the station from 14 to 16 January.",
         Row("2025-01-14", "2025-01-16"), published=date(2025, 1, 10)),
    case("Sunak was prime minister from October 2022 until July 2024.",
         Row("2022-10", "2024-07"), published=date(2024, 9, 17)),
    case("Gusts of up to 80mph are expected from 6am to 9pm on Thursday.",
         Row("2023-11-02T06:00", "2023-11-02T21:00"), published=date(2023, 11, 1)),
    case("The trial ran from 6 March to 19 April 2023 at Manchester Crown Court.",
         Row("2023-03-06", "2023-04-19"), published=date(2023, 5, 1)),
    case("Refunds will be paid between Monday and 31 January.",
         Row("2025-01-20", "2025-01-31"), published=date(2025, 1, 15)),
    case("The Bank of England raised rates 14 times between December 2021 and August 2023.",
         Row("2021-12", "2023-08"), published=date(2024, 1, 15)),
    # A part of a day is the precise form of each end; the days are fair values.
    case("Heavy snow is forecast from this evening until Friday morning.",
         either(Row("2024-01-15TEV", "2024-01-19TMO"), Row("2024-01-15TEV", "2024-01-19"),
                Row("2024-01-15", "2024-01-19TMO"), Row("2024-01-15", "2024-01-19")),
         published=date(2024, 1, 15)),
    case("The Commons sat from 2.30pm on Monday until 4am on Tuesday.",
         Row("2024-03-04T14:30", "2024-03-05T04:00"), published=date(2024, 3, 6)),
]

PERIODS = [
    # A quarter named by its last month: the quarter, or its months as a range.
    case("Revenue rose 9% in the three months to June, the group said on Thursday.",
         either("2024-Q2", Row("2024-04", "2024-06")), "2024-07-25",
         published=date(2024, 7, 25)),
    case("In the first half of the year, pre-tax profit fell to \u00a31.2bn.", "2024-H1",
         published=date(2024, 7, 25)),
    case("Microsoft's fiscal 2023 revenue was $212bn.", Row(("2023", "FY2023")),
         published=date(2023, 10, 12)),
    case("Profit for the year to 31 March 2024 rose 12%.",
         either("2024-03-31", Row("2023-04", "2024-03"), Row("2023-04-01", "2024-03-31")),
         published=date(2024, 6, 1)),
    # Results given in February: last year's fourth quarter.
    case("Sales in the fourth quarter beat forecasts, the company said on Tuesday.",
         "2024-Q4", "2025-02-11", published=date(2025, 2, 11)),
    case("Output shrank in the third quarter of 2023 and again in the fourth.",
         "2023-Q3", "2023-Q4", published=date(2024, 2, 15)),
    case("The group will report half-year results on 30 July.", "2024-07-30",
         published=date(2024, 7, 1)),
    case("Annual inflation eased to 2.3% in April from 3.2% in March.", "2024-03", "2024-04",
         published=date(2024, 5, 22)),
    case("GDP grew by 0.6% in the January-to-March quarter.",
         either("2024-Q1", Row("2024-01", "2024-03")), published=date(2024, 5, 10)),
    case("The 2023/24 accounts show a deficit of \u00a34m.", Row("2023", "2024"),
         published=date(2024, 9, 17)),
    case("The carmaker said it would cut 2,023 jobs by the end of next year.", "2025",
         published=date(2024, 6, 3)),
    case("Like-for-like sales rose 4% in the 13 weeks to 30 March.",
         either("2024-03-30", Row("2023-12-31", "2024-03-30"), Row("2024-01", "2024-03"),
                "2024-Q1"), published=date(2024, 4, 18)),
    case("The chain swung to a loss in the second half of 2023.", "2023-H2",
         published=date(2024, 4, 18)),
    case("Full-year results are due on Thursday 6 March.", "2025-03-06",
         published=date(2025, 3, 4)),
    # The profits are this year's first half's, as "fiscal 2023 revenue" is that year's.
    case("Rolls-Royce shares jumped 8% in early trading on Thursday after first-half profits "
         "beat forecasts.", "2024-H1", "2024-08-01", published=date(2024, 8, 2)),
]

RELATIVE = [
    case("Seventy-five years ago today, the NHS was born.", "1948-07-05",
         published=date(2023, 7, 5)),
    case("On this day in 1966, England won the World Cup.", "1966-07-30",
         published=date(2024, 7, 30)),
    case("A century ago this month, the BBC made its first broadcast.", "1922-11",
         published=date(2022, 11, 14)),
    case("Ten years ago tomorrow, the factory closed.", "2014-03-05",
         published=date(2024, 3, 4)),
    case("Exactly 50 years ago, on 20 July 1969, Armstrong stepped onto the Moon.",
         "1969-07-20", published=date(2019, 7, 20)),
    case("The NHS turned 75 on Wednesday.", "2023-07-05", published=date(2023, 7, 7)),
    case("The ban comes into force a year from today.", "2025-03-04",
         published=date(2024, 3, 4)),
    case("In three weeks' time, voters go to the polls.", Row(("2024-07-04", "2024-W27")),
         published=date(2024, 6, 13)),
    case("The verdict is expected the week after next.", "2024-W12",
         published=date(2024, 3, 4)),
    case("Markets tumble on Monday as oil hits $90", "2023-10-09",
         published=date(2023, 10, 10)),
    case("Twenty years ago this week, the hunting ban became law.", "2004-W47",
         published=date(2024, 11, 18)),
    case("The club was relegated 12 months ago.", "2023-05", published=date(2024, 5, 20)),
    # The same day next year, or the year.
    case("By this time next year, the line will be electrified.", Row(("2025-03-04", "2025")),
         published=date(2024, 3, 4)),
    case("A fortnight today, the clocks go forward.", "2024-03-31",
         published=date(2024, 3, 17)),
]

OFFSETS = [
    case("The Commons passed the bill on Tuesday 12 March; the Lords approved it a week "
         "later.", "2024-03-12", derived("2024-03-19"), published=date(2024, 3, 25)),
    case("The home side scored 13 minutes after kick-off at 3pm on Saturday.",
         "2024-06-01T15:00", derived("2024-06-01T15:13"), published=date(2024, 6, 3)),
    case("The jury was sent out at 11.05am on Monday. Four hours later, it returned its "
         "verdicts.", "2023-11-13T11:05", derived("2023-11-13T15:05"),
         published=date(2023, 11, 14)),
    case("The Bank cut rates on 1 August. Six weeks later, it held them.", "2024-08-01",
         derived("2024-09-12"), published=date(2024, 9, 20)),
    case("The probe was launched on 14 April 2023 and is due to reach Jupiter eight years "
         "later.", "2023-04-14", derived("2031-04-14"), published=date(2023, 4, 15)),
    case("The comet was last seen in 1986; it returns 76 years after that.", "1986",
         derived("2062"), published=date(2020, 1, 1)),
    case("The ceasefire began at 7am on Friday 24 November, 48 hours after it was agreed.",
         derived("2023-11-22T07:00"), "2023-11-24T07:00", published=date(2023, 11, 25)),
    # A Wednesday's following week: the ISO week, or its Monday, or the Wednesday after.
    case("The MP was suspended on 3 May and resigned the following week.", "2023-05-03",
         Row(("2023-W19", "2023-05-08", "2023-05-10"), derived=True),
         published=date(2023, 6, 1)),
    case("Fire crews reached the blaze at 2.32am, 18 minutes after the first 999 call.",
         derived("2025-01-20T02:14"), "2025-01-20T02:32", published=date(2025, 1, 20)),
    case("The appeal was heard on 9 January 2025. Judgment was handed down a month later.",
         "2025-01-09", derived("2025-02-09"), published=date(2025, 3, 1)),
    case("A-level results are published on Thursday 15 August; clearing opens the day "
         "before.", derived("2024-08-14"), "2024-08-15", published=date(2024, 8, 1)),
    case("The treaty was signed in Rome on 25 March 1957 and came into force nine months "
         "later.", "1957-03-25", derived("1957-12-25"), published=date(2017, 3, 25)),
    case("The Commons rose on 5 November; the Lords followed the following afternoon.",
         "2024-11-05", Row(("2024-11-06TAF", "2024-11-06"), derived=True),
         published=date(2024, 11, 10)),
    # An offset that carries its own date places its anchor: the final, three days on.
    case("Three days before the final, on Thursday, the captain was injured.", "2024-05-30",
         derived("2024-06-02"), published=date(2024, 6, 3)),
    case("The satellite was launched at 10.32pm on 4 July; it separated from the rocket "
         "62 minutes later.", "2024-07-04T22:32", derived("2024-07-04T23:34"),
         published=date(2024, 7, 6)),
    # "Minutes before" is no exact distance: no derived row.
    case("The building was evacuated minutes before the roof fell in at 4.10pm on Friday.",
         "2024-05-31T16:10", published=date(2024, 6, 3)),
    # No date to count from: no row.
    case("A week before the election, the party was ahead by 20 points."),
    case("Four years after the Brexit vote of 23 June 2016, the UK left the single market.",
         "2016-06-23", derived("2020-06-23"), published=date(2021, 1, 1)),
    case("The liner sank on 14 April; the survivors were picked up two days afterwards.",
         "1912-04-14", derived("1912-04-16"), published=date(1912, 4, 20)),
    case("The King visited Kenya in October 2023 and Australia a year later.", "2023-10",
         derived("2024-10"), published=date(2024, 11, 1)),
    case("Armstrong stepped onto the Moon at 02:56 GMT on 21 July 1969, six and a half hours "
         "after landing.", derived("1969-07-20T20:26"), "1969-07-21T02:56",
         published=date(2019, 7, 21)),
    case("The verdict came at 4pm on Wednesday, two hours after the jury retired.",
         derived("2024-03-06T14:00"), "2024-03-06T16:00", published=date(2024, 3, 8)),
    case("Storm Henk struck on 2 January. A day later, rivers burst their banks.",
         "2024-01-02", derived("2024-01-03"), published=date(2024, 1, 10)),
    case("The ship docked at 6am; half an hour earlier, a fire had broken out in the hold.",
         derived("2024-03-04T05:30"), "2024-03-04T06:00", published=date(2024, 3, 4)),
]

DISJOINT = [
    case("She was born in Leeds on 2 March 1931 and died there on 5 May 2024.",
         "1931-03-02", "2024-05-05", published=date(2024, 5, 10)),
    case("Born in Glasgow in 1947, he joined the BBC in 1970 and retired in 2007.",
         "1947", "1970", "2007", published=date(2024, 1, 15)),
    case("Jones, 34, was convicted at Cardiff Crown Court on Friday and will be sentenced on "
         "14 June.", "2024-05-31", "2024-06-14", published=date(2024, 6, 3)),
    case("MPs debated the bill on Monday and will vote on it on Wednesday.", "2024-03-04",
         "2024-03-06", published=date(2024, 3, 5)),
    case("City beat United 3-1 on Saturday and face Real Madrid on Tuesday.", "2024-03-02",
         "2024-03-05", published=date(2024, 3, 4)),
    case("The Met Office issued a yellow warning on Wednesday; by Friday, 50mm of rain had "
         "fallen.", "2024-05-29", "2024-05-31", published=date(2024, 6, 3)),
    case("Voyager 1 was launched in 1977 and crossed into interstellar space in 2012.",
         "1977", "2012", published=date(2022, 9, 5)),
    case("The 737 Max was grounded in March 2019 and cleared to fly again in November 2020.",
         "2019-03", "2020-11", published=date(2021, 1, 1)),
    case("The appeal, lodged in 2021, was dismissed by the Supreme Court on 9 October 2023.",
         "2021", "2023-10-09", published=date(2023, 10, 12)),
    case("Fed holds rates in June, signals cut by December", "2024-06", "2024-12",
         published=date(2024, 6, 13)),
    case("The bridge, opened in 1894, was closed to traffic for a week in 2023.", "1894",
         "2023", published=date(2024, 1, 15)),
    case("Shakespeare was baptised on 26 April 1564 and died on 23 April 1616.",
         "1564-04-26", "1616-04-23", published=date(2016, 4, 23)),
    case("Wilson led Labour to victory in 1964 and 1966, and to defeat in 1970.", "1964",
         "1966", "1970", published=date(2016, 4, 23)),
    case("The sun rose at 7.02am and set at 5.38pm on Tuesday.", "2025-02-11T07:02",
         "2025-02-11T17:38", published=date(2025, 2, 11)),
    case("Storm Babet hit Scotland on 19 October, and Storm Ciar\u00e1n reached Cornwall on "
         "1 November.", "2023-10-19", "2023-11-01", published=date(2023, 11, 3)),
    case("The minister said on Tuesday that the ban, announced in January, would be lifted "
         "in May.", "2025-01", "2025-03-04", "2025-05", published=date(2025, 3, 5)),
    case("'The line will reopen on Monday,' a spokesman told reporters on Friday.",
         "2024-05-31", "2024-06-03", published=date(2024, 6, 1)),
    case("The station, which opened in 1863, is closing on Sunday and will reopen in 2027.",
         "1863", "2024-06-09", "2027", published=date(2024, 6, 3)),
    case("England lost to Australia at Twickenham on Saturday 4 November and play Wales at "
         "Cardiff on 11 November.", "2023-11-04", "2023-11-11", published=date(2023, 11, 6)),
    case("The Voyager probes left Earth in 1977; Pioneer 10 had gone in 1972.", "1972",
         "1977", published=date(2022, 9, 5)),
    case("The defendant told the jury he had bought the car in 2019 and sold it in 2021.",
         "2019", "2021", published=date(2024, 3, 6)),
    case("Ofgem will announce the new price cap on 23 August; it takes effect on "
         "1 October.", "2024-08-23", "2024-10-01", published=date(2024, 8, 1)),
    case("The Speaker was elected in 2019 and re-elected unopposed on 9 July 2024.",
         "2019", "2024-07-09", published=date(2024, 7, 20)),
]

NOT_ROWS = [
    case("The referee added six minutes of stoppage time."),
    case("The petition was signed by 2,023 people."),
    case("Diners on Route 66 still serve cherry pie."),
    case("Workers at the port staged a 24-hour strike."),
    case("The 737 Max remains under scrutiny."),
    case("The A1 was closed between junctions 34 and 35."),
    case("Flights from Terminal 2 are now running normally."),
    case("Visitors can stay for up to 90 days without a visa."),
    case("The jury deliberated for nine hours."),
    case("A 999 call was made from the house."),
    case("She served two terms as mayor."),
    case("The Premier League season lasts nine months."),
    case("The Fed has kept rates on hold for a year."),
    case("Apollo 17 astronaut Harrison Schmitt spoke at the event."),
    case("Interest rates are at their highest for 15 years."),
    case("Today, the town has a population of 12,000."),
    case("Today, the town is home to 12,000 people."),
    case("The exam lasts two and a half hours."),
    case("Thousands of patients wait more than 12 hours in A&E."),
    case("The storm could bring 100mm of rain in 24 hours."),
    case("Passengers should allow at least three hours for check-in."),
    case("Formula 1 returns to Las Vegas."),
    case("The BBC's Ten O'Clock News led with the story."),
    case("A Boeing 747 landed safely at Gatwick."),
    case("Windows 11 users reported crashes."),
    case("In his 80s, he took up painting."),
    case("The Mayday call came from a fishing boat."),
    case("The Supreme Court has nine justices."),
    case("The company now employs 3,000 people."),
    case("As of now, the roads remain closed."),
    case("The 1950s terrace is due to be demolished."),
    case("Trains run every 20 minutes on the Elizabeth line."),
    case("He was jailed for 18 months."),
    case("The Channel 4 series ran for seven seasons."),
    case("Temperatures will reach the mid-20s across the south."),
    case("The M4 bus lane operates at peak times."),
]

CATEGORIES = {
    "generic": GENERIC,  # match halves and quarters, schedules, every year's months and days
    "nested": NESTED,  # datelines, GMT and local clocks, noon and midnight inside a day
    "ranges": RANGES,  # "from 9am to 5.30pm", "10 May-28 September", closures and sittings
    "periods": PERIODS,  # results: quarters, halves, "the three months to", fiscal years
    "relative": RELATIVE,  # "75 years ago today", "a fortnight today", "the week after next"
    "offsets": OFFSETS,  # "a week later", "48 hours after it was agreed", "the day before"
    "disjoint": DISJOINT,  # obituaries, court and fixture reports, reported speech
    "not rows": NOT_ROWS,  # durations, the present, and numbers that are names or counts
}
TABLE = table(CATEGORIES)


@pytest.mark.parametrize(("text", "published", "expected"), TABLE)
def test_the_rows_a_reader_expects(text, published, expected):
    check(text, published, expected)
