"""Timeline rows of short made-up news sentences, as a careful reader would write them.

Each case is a sentence (or two), its publication date and the rows expected: the value (for
a range also its end), whether the row is derived from another date by an offset, and for some
the clause shown as its label. Rows are compared in the timeline's order (date, then text).
Where a reader could fairly expect either of two values, both are accepted and the comment
says why. The categories follow issue #13: nested dates, disjoint dates, ranges, generic
and non-calendar uses, what is not a row, derived rows, anaphora and labels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from tuireader.timeline import extract_timeline
from tuireader.timeline.rows import TimelineRow, timeline_rows

THU = date(2022, 9, 1)  # a Thursday; the default publication date


@dataclass(frozen=True)
class Row:
    value: str | tuple[str, ...]
    """The row's TIMEX3 value, or the values a reader could fairly expect."""
    end: str | None = None
    derived: bool = False
    label: str | None = None
    """The clause the row shows, when the case is about it."""

    def matches(self, row: TimelineRow) -> bool:
        values = (self.value,) if isinstance(self.value, str) else self.value
        return (row.value in values and row.end_value == self.end
                and (row.derived_from is not None) == self.derived
                and (self.label is None or row.label == self.label))


def case(text: str, *rows: Row | str, published: date = THU, why: str = "",
         xfail: str = "") -> Any:
    """A table line: a plain string stands for a row at that value."""
    expected = [Row(r) if isinstance(r, str) else r for r in rows]
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, published, expected, marks=marks, id=text[:60])


def derived(value: str, label: str | None = None) -> Row:
    return Row(value, derived=True, label=label)


def check(text: str, published: date, expected: list[Row]) -> None:
    rows = timeline_rows(text, extract_timeline(text, published))
    got = [(r.value, r.end_value, r.derived_from is not None, r.label) for r in rows]
    assert len(rows) == len(expected), got
    for want, row in zip(expected, rows, strict=True):
        assert want.matches(row), (want, got)


NESTED = [
    case("The statement was posted on Wednesday, 31 August, at 11:47 p.m.",
         "2022-08-31T23:47"),
    case("In 2019, on 3 May, the museum reopened its doors.", "2019-05-03"),
    # The project keeps "morning" after a weekday as the bare day (the training gold's
    # habit); a reader would accept either.
    case("Fire crews were called to the warehouse last Tuesday morning.",
         Row(("2022-08-30TMO", "2022-08-30"))),
    case("The minister will speak at noon on Friday.", "2022-09-02T12:00"),
    case("The ceasefire took effect at 6 a.m. on 14 March 2021.", "2021-03-14T06:00"),
    case("The plane landed in Lisbon on the morning of 2 February 2020.",
         Row(("2020-02-02TMO", "2020-02-02"))),
    case("In June 2018, on the 21st, the court delivered its verdict.", "2018-06-21"),
    case("The strike began at 8.30 a.m. on Monday 5 December 2022, in the first week of "
         "December.", "2022-12-05T08:30", published=date(2022, 12, 6)),
    case("On 4 July 2021, a Sunday, fireworks lit up the harbour.", "2021-07-04"),
    case("On Saturday, 12 November, the last ballots were counted.", "2022-11-12",
         published=date(2022, 11, 14)),
    case("The results arrived at 3 p.m. on 9 November 2016, a Wednesday.",
         "2016-11-09T15:00"),
    case("In early July, polls closed at 10 p.m. on Thursday 4 July 2024.",
         "2024-07-04T22:00", published=date(2024, 7, 5)),
    case("The storm made landfall at 3:05 p.m. on Sept. 28, 2022, near Cayo Costa.",
         "2022-09-28T15:05", published=date(2022, 9, 29)),
    case("Early in 2020, on January 9, the WHO reported a new virus.", "2020-01-09"),
    case("The last train left at 23:15 on Friday night.", "2022-08-26T23:15"),
]

DISJOINT = [
    case("The company was founded in 1998 and went public in 2004.", "1998", "2004"),
    case("She was arrested on March 3, 2021, and released on April 19, 2021.",
         "2021-03-03", "2021-04-19"),
    case("The law was passed in 2015 but only took effect on 1 January 2018.",
         "2015", "2018-01-01"),
    case("He flew to Kyiv on Monday and returned to Warsaw on Wednesday.",
         "2022-08-29", "2022-08-31"),
    case("The bridge opened in 1932; it closed for repairs in 2021.", "1932", "2021"),
    case("Police said on Friday that the suspect was charged on Friday.", "2022-09-02",
         published=date(2022, 9, 3)),
    case("The election, held on 8 May 2022, was the first since the 8 May 2017 vote.",
         "2017-05-08", "2022-05-08"),
    case("The market fell on Monday, 3 October 2022, and on 3 October the pound also slid.",
         "2022-10-03", published=date(2022, 10, 5)),
    case("The first case was reported in December 2019, and the WHO declared a pandemic "
         "on 11 March 2020.", "2019-12", "2020-03-11"),
    # "more than three years after" is no exact distance: no derived row.
    case("Britain left the EU on 31 January 2020, more than three years after the 2016 "
         "referendum.", "2016", "2020-01-31"),
    case("The census was taken in 2011 and again in 2021.", "2011", "2021"),
]

RANGES = [
    case("The museum will be closed from 2 January to 15 January 2023.",
         Row("2023-01-02", "2023-01-15"), published=date(2022, 12, 20)),
    case("Inflation stayed high between 2021 and 2023, the bank said.",
         Row("2021", "2023"), published=date(2024, 2, 1)),
    case("The festival runs 12\u201315 August in Edinburgh.",
         Row("2022-08-12", "2022-08-15"), published=date(2022, 8, 1)),
    case("Repairs ran from Monday until Wednesday.", Row("2022-08-29", "2022-08-31")),
    case("The survey covered March\u2013May 2021.", Row("2021-03", "2021-05")),
    case("The trial ran from March to May 2021.", Row("2021-03", "2021-05")),
    case("Voting runs from 7 a.m. to 10 p.m. on Thursday, officials said.",
         Row("2024-07-04T07:00", "2024-07-04T22:00"), published=date(2024, 7, 1)),
    # Debatable: a period between two decades is backdrop, like "through the 1980s", which
    # makes no row (and decades are no calendar value for the rows score either).
    case("The band toured from the 1990s to the 2010s."),
    # "Since 2014" opens a period that runs to now; its event is at 2014.
    case("Since 2014, the city has built 40 new schools.", "2014"),
    # A deadline is a single day; its night is the precise form, the day a fair one.
    case("The agency must reply by Friday night.", Row(("2022-09-02TNI", "2022-09-02"))),
    case("The plant operated from 1971 until 2011.", Row("1971", "2011")),
    case("Between 1 and 3 March 2022, about 200 flights were cancelled.",
         Row("2022-03-01", "2022-03-03")),
    case("The exhibition ran from October 2019 through January 2020.",
         Row("2019-10", "2020-01")),
    case("Early voting runs Oct. 24\u2013Nov. 4.", Row("2022-10-24", "2022-11-04"),
         published=date(2022, 10, 1)),
    case("The count lasted from Tuesday to Thursday.", Row("2022-08-30", "2022-09-01"),
         published=date(2022, 9, 2)),
    case("Trading was halted between 10:15 and 11:30 on Monday.",
         Row("2022-08-29T10:15", "2022-08-29T11:30")),
    case("The dig ran from 2005 to 2009 and again in 2015.", Row("2005", "2009"), "2015"),
    # "until X" alone is the end of something already under way: a row at X.
    case("The road will be closed until 30 June 2023.", "2023-06-30",
         published=date(2023, 5, 2)),
    case("The strike lasted from 9 a.m. on Monday to 6 p.m. on Tuesday.",
         Row("2022-08-29T09:00", "2022-08-30T18:00")),
]

GENERIC = [
    case("The museum is free on Mondays."),
    case("The river floods every June."),
    case("Tourists crowd the beaches in summer."),
    case("Argentina led 2-0 in the first half, but France levelled in the second half.",
         published=date(2022, 12, 19)),
    case("Mbapp\u00e9 scored in the 90th minute to force extra time.",
         published=date(2022, 12, 19)),
    # A name, but a reader of a timeline wants the year the cup was played.
    case("The 2022 World Cup was the first held in the Middle East.", "2022",
         published=date(2022, 12, 19)),
    case("The helpline is staffed 24 hours a day."),
    case("Officials warned of a 9/11-style attack on the capital."),
    case("Many offices still ran Windows 95 at the time."),
    case("The Apollo 13 crew returned safely."),
    # Debatable: a car's model year is part of its name; nothing happened in 1987 here.
    case("He spent a year restoring the 1987 Chevrolet in his garage."),
    case("The motel stands on Route 66 in Arizona."),
    case("Leaders met at the G20 summit in Bali on Tuesday.", "2022-11-15",
         published=date(2022, 11, 17)),
    case("Flight 370 vanished from radar screens."),
    case("See figure 2 on page 14 of the report."),
    case("The motion passed by 1987 votes to 1204."),
    case("France won 4-2 on penalties after a 3-3 draw."),
    case("The final ended 1:0 after extra time."),
    case("The shop opens at 9 a.m. every day."),
    case("Each winter the lake freezes over."),
    case("The village holds its fair every year in September."),
]

NOT_ROWS = [
    case("The trial lasted three weeks."),
    case("The refugees now live in camps."),
    case("Prices are currently rising by 9 percent a year."),
    case("These days the port is quiet."),
    case("She has served on the board for 12 years."),
    case("Trains run every 15 minutes."),
    case("The fee is paid twice a year."),
    case("The new rules apply now, the minister said on Monday.", "2022-08-29"),
    case("For decades, the valley was cut off."),
    case("The rebuilding will take years."),
]

DERIVED = [
    case("The ceasefire was agreed on 3 May 2021 and collapsed two days later.",
         "2021-05-03", derived("2021-05-05")),
    case("The jury retired on 7 June 2019. A week earlier, the defence had rested.",
         derived("2019-05-31"), "2019-06-07"),
    case("The quake struck at 4:17 a.m. on 6 February 2023. Three hours later, a second "
         "tremor hit.", "2023-02-06T04:17", derived("2023-02-06T07:17")),
    case("Rescue teams arrived three hours after the quake struck at 4:17 a.m. on "
         "6 February 2023.", "2023-02-06T04:17", derived("2023-02-06T07:17")),
    case("The leak was reported at 11:47 p.m. on 30 June 2022, 13 minutes before the "
         "deadline.", "2022-06-30T23:47", derived("2022-07-01T00:00")),
    case("Parliament voted on 4 April 2019. The following day, the prime minister resigned.",
         "2019-04-04", derived("2019-04-05")),
    # A year from a day is a day.
    case("The bill passed on 10 March 2020, and a year after, it was struck down.",
         "2020-03-10", derived("2021-03-10")),
    case("The referendum took place on 23 June 2016, and the day after the vote, the pound "
         "fell.", "2016-06-23", derived("2016-06-24")),
    case("Rescuers reached the village on Saturday, 11 February 2023. The next morning, "
         "they found two survivors.", "2023-02-11", derived("2023-02-12TMO")),
    case("Two days later, the minister resigned."),
    case("A week earlier, prices had fallen sharply."),
    case("The plant shut on Oct. 3, 2022, and reopened 10 days later.",
         "2022-10-03", derived("2022-10-13"), published=date(2022, 11, 1)),
    # Hours from a day name no exact hour: the collision is not placed.
    case("The ferry sank on 3 May 2015, two hours after it struck a rock.", "2015-05-03"),
    case("The election was held on 5 May 2021, a week after the debate.",
         derived("2021-04-28"), "2021-05-05"),
    case("Markets opened at 9:30 a.m. on Monday, and 20 minutes later trading was halted.",
         "2022-08-29T09:30", derived("2022-08-29T09:50")),
    case("The treaty was signed in 1997 and took effect a year later.",
         "1997", derived("1998")),
    case("The envoy landed on Tuesday, 30 August. The day before, the border had been "
         "closed.", derived("2022-08-29"), "2022-08-30"),
]

ANAPHORA = [
    case("The pair won the Nobel Prize in 1993. The same year that they made their "
         "discovery, on November 16, 1974, the telescope beamed a message into space.",
         "1974-11-16", "1993", published=date(2020, 12, 2)),
    case("The factory closed in 2009. That year, unemployment in the town doubled.",
         "2009", "2009"),
    case("The dam broke on 4 June 2020. That day, 40 villages were flooded.",
         "2020-06-04", "2020-06-04"),
    case("Talks started in March 2021, and that month three rounds were held.", "2021-03"),
    case("She joined the firm in 2005 and left it the same year.", "2005"),
    case("Prices fell in 2008. The same month that the bank collapsed, in September 2008, "
         "lenders stopped lending.", "2008", "2008-09"),
    case("The riots began on 6 August 2011; later that day, shops were looted.",
         "2011-08-06"),
    case("The mine reopened in 2015. In the same year, a new road was built to it.",
         "2015", "2015"),
]

LABELS = [
    case("Congress directed NASA to build the SLS in 2010, and the agency once hoped to fly "
         "it for the first time in 2017.",
         Row("2010", label="Congress directed NASA to build the SLS in 2010"),
         Row("2017", label="the agency once hoped to fly it for the first time in 2017.")),
    # Two titles won: the first keeps the verb, the second its own part of the list.
    case("The victory adds to the titles Argentina won in 1978, on home soil, and in 1986 "
         "in Mexico, when Diego Maradona led the team.",
         Row("1978", label="The victory adds to the titles Argentina won in 1978, on home "
                           "soil"),
         Row("1986", label="in 1986 in Mexico, when Diego Maradona led the team."),
         published=date(2022, 12, 19)),
    case("The mine opened in 1998, but it was closed by the government in 2016.",
         Row("1998", label="The mine opened in 1998"),
         Row("2016", label="it was closed by the government in 2016.")),
    case("The treaty was signed on 4 March 2019; it was ratified on 9 October 2020.",
         Row("2019-03-04", label="The treaty was signed on 4 March 2019"),
         Row("2020-10-09", label="it was ratified on 9 October 2020.")),
    case("Prices rose between 2017 and 2019, and the bank raised rates in 2022.",
         Row("2017", "2019", label="Prices rose between 2017 and 2019"),
         Row("2022", label="the bank raised rates in 2022.")),
    case("The mayor resigned on Monday, and nobody was surprised.",
         Row("2022-08-29", label="The mayor resigned on Monday, and nobody was surprised.")),
    case("The ceasefire was agreed on 3 May 2021, and it collapsed two days later.",
         Row("2021-05-03", label="The ceasefire was agreed on 3 May 2021"),
         Row("2021-05-05", derived=True, label="it collapsed two days later.")),
    # A label starts where its clause does: a time phrase that closes a clause, or a verb
    # whose subject is before an aside, reaches back to it (not "shortly after 1:20 a.m.
    # Eastern time, so its journey ..."); a relative clause takes in the name before it.
    case("DART was launched on a Falcon 9 rocket from Vandenberg Space Force Base in "
         "California on Nov. 24, 2021, shortly after 1:20 a.m. Eastern time, so its journey "
         "to the asteroid lasted ten months.",
         Row("2021-11-24T01:20",
             label="DART was launched on a Falcon 9 rocket from Vandenberg Space Force Base in "
                   "California on Nov. 24, 2021, shortly after 1:20 a.m. Eastern time"),
         published=date(2022, 9, 27)),
    case("The launch, from Launch Complex 39B, came after two scrubbed attempts in late "
         "summer, a rollback to shelter from one hurricane and a stay on the pad through "
         "another.",
         Row("2022-SU", label="The launch, from Launch Complex 39B, came after two scrubbed "
                              "attempts in late summer"),
         published=date(2022, 11, 16)),
    case("The European Space Agency plans to follow up with its own mission, Hera, which is "
         "scheduled to launch in October 2024 and reach the asteroid pair two years later.",
         Row("2024-10", label="Hera, which is scheduled to launch in October 2024 and reach "
                              "the asteroid pair two years later."),
         derived("2026-10", label="Hera, which is scheduled to launch in October 2024 and "
                                  "reach the asteroid pair two years later."),
         published=date(2022, 9, 27)),
    # One verb for both dates: the sentence is each row's clause.
    case("The census was taken in 2011 and in 2021.",
         Row("2011", label="The census was taken in 2011 and in 2021."),
         Row("2021", label="The census was taken in 2011 and in 2021.")),
    case("Exports fell in 2020, while imports rose in 2021.",
         Row("2020", label="Exports fell in 2020"),
         Row("2021", label="imports rose in 2021.")),
]


CATEGORIES = {
    "nested": NESTED,  # one row at the most precise date, the others as context
    "disjoint": DISJOINT,  # a row per distinct date, one for the same date said twice
    "ranges": RANGES,  # a period is one row
    "generic": GENERIC,  # no row for no particular time, nor for names and scores
    "not rows": NOT_ROWS,  # durations, sets and the present
    "derived": DERIVED,  # an offset from a date near makes a row of its own
    "anaphora": ANAPHORA,  # "that year" is the year said nearest, in its sentence first
    "labels": LABELS,  # a row shows the clause of its event
}


def table(categories: dict[str, list[Any]]) -> list[Any]:
    """Every category's lines, each id'd "category: sentence"."""
    return [pytest.param(*line.values, marks=line.marks, id=f"{name}: {line.id}")
            for name, lines in categories.items() for line in lines]


TABLE = table(CATEGORIES)


@pytest.mark.parametrize(("text", "published", "expected"), TABLE)
def test_the_rows_a_reader_expects(text, published, expected):
    check(text, published, expected)
