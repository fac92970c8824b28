"""A sixth table of timeline rows for short news sentences, written apart from the first five
(test_row_examples.py, _more.py, _third.py, _fourth.py, _fifth.py) and before running the
code on it. Its style is the 1989-2000 newswire, financial and broadcast copy that TimeBank
and TempEval annotate (WSJ, AP, NYT, Reuters, CNN, ABC, PRI): "third-quarter net income",
"fiscal 1990", "the fiscal year ended June 30", "a year earlier", "the year-earlier period",
"the first nine months", "Friday's close", "the October 1987 crash", "yesterday" in old wire
style, "the 1990s", "mid-1991", "this morning", "tonight", "at the top of the hour"; offsets
chained over two or three sentences; generic, conditional, negated and questioned events;
datelines and headlines; the turn of a year; clock times with zones.

The conventions are the first table's (`Row`, `case`, `derived`, `check`; `either` from the
fourth for a row a reader could write in several shapes): the rows a careful reader would
write, in the timeline's order (date, then text); two accepted values where a reader could
fairly write either, and a comment where the case is a decision."""

from __future__ import annotations

from datetime import date

import pytest
from tests.timeline.test_row_examples import Row, case, check, derived, table
from tests.timeline.test_row_examples_fourth import either

WSJ = date(1989, 10, 25)  # a Wednesday in the week third-quarter results come out
AP = date(1998, 2, 24)  # a Tuesday
CNN = date(1998, 1, 8)  # a Thursday: the day of an evening newscast

EARNINGS = [
    # The comparison's figure is the quarter a year before: an exact offset from the
    # quarter the sentence names, so a derived row.
    case("Third-quarter net income rose 12% to $45.2 million, or 80 cents a share, from "
         "$40.3 million, or 72 cents, a year earlier.", derived("1988-Q3"), "1989-Q3",
         published=WSJ),
    # A quarter named by its last day: the quarter, the day or its months (the fourth
    # table's "three months to June"); the year-earlier period is that, a year before.
    # Lead's decision: the quarter and its closing day may also be two rows, as TimeML gold
    # annotates them (both are calendar dates the sentence gives; one row lost 3 gold rows
    # of 294 on the held-out fold).
    case("Sales in the quarter ended Sept. 30 were $1.2 billion, up from $1.1 billion in "
         "the year-earlier period.",
         either(Row("1988-Q3", derived=True), Row("1988-09-30", derived=True),
                Row("1988-07", "1988-09", derived=True)),
         "1989-Q3", "1989-09-30", published=WSJ),
    case("Sales in September rose 4% from the year-earlier month.", derived("1988-09"),
         "1989-09", published=WSJ),
    # A fiscal year sits at the calendar year that names it (the second table's decision).
    case("Fiscal 1990 earnings are expected to rise 15%, the chairman said.",
         Row(("1990", "FY1990")), published=WSJ),
    # A year to a day: the day, the year's months, or the fiscal year (the fourth table's
    # "the year to 31 March 2024").
    case("For the fiscal year ended June 30, the company earned $98.5 million.",
         either("1989-06-30", "FY1989", Row("1988-07", "1989-06"),
                Row("1988-07-01", "1989-06-30")), published=date(1989, 8, 15)),
    # "Which ended Sept. 30" says when the fiscal year ended: one period, one row.
    case("Per-share earnings in fiscal 1989, which ended Sept. 30, were $2.04.",
         either("1989-09-30", "FY1989", "1989", Row("1988-10", "1989-09")),
         published=date(1989, 11, 15)),
    # "The 1988 quarter" is the same quarter of 1988: said, not counted, so not derived.
    case("Net income in the second quarter fell to $12 million from $19 million in the 1988 "
         "quarter.", Row(("1988-Q2", "1988")), "1989-Q2", published=date(1989, 8, 2)),
    case("Revenue for the first half rose 8% to $2.3 billion.", "1989-H1",
         published=date(1989, 7, 20)),
    case("The company expects a loss in the current quarter.", "1989-Q4", published=WSJ),
    case("Analysts expect fourth-quarter earnings of $1.10 a share.", "1989-Q4",
         published=WSJ),
    case("Last year's third-quarter results included a $30 million gain from an asset sale.",
         "1988-Q3", published=WSJ),
    # Results given in late October: the latest quarter is the third.
    case("Profit rose 22% in the latest quarter, the company said yesterday.", "1989-Q3",
         "1989-10-24", published=WSJ),
    # The first nine months of a year are a part of the calendar, not a length: the year,
    # or its months January to September.
    case("Operating profit for the first nine months of 1989 rose 14%.",
         either("1989", Row("1989-01", "1989-09")), published=WSJ),
    # Lead's decision: with no year written, "the first nine months" stays what TimeML gold
    # makes it in every one of its 8 training uses, a duration (P9M) ending now: no row.
    case("In the first nine months, revenue climbed 9% to $4.4 billion.", published=WSJ),
    # Said in February, "the year" is the one just ended.
    case("Net income for the year rose to $1.2 billion from $980 million in 1988.", "1988",
         "1989", published=date(1990, 2, 10)),
    case("The company will report third-quarter results on Tuesday.", "1989-Q3",
         "1989-10-17", published=date(1989, 10, 13)),
    case("Third-quarter profit fell 5% from the second quarter.", "1989-Q2", "1989-Q3",
         published=WSJ),
    case("Capital spending will total $1.5 billion in 1990, up from $1.2 billion this year.",
         "1989", "1990", published=WSJ),
    # A company's calendar, true every year: no particular October.
    case("Its fiscal year begins Oct. 1.", published=WSJ),
    case("Neither the 1988 nor the 1989 results included the charge.", "1988", "1989",
         published=date(1990, 3, 1)),
    case("Fourth-quarter sales were flat compared with the year-earlier quarter.",
         derived("1988-Q4"), "1989-Q4", published=date(1990, 2, 1)),
]

MARKETS = [
    case("The Dow Jones Industrial Average fell 26.23 points to 2662.91 yesterday.",
         "1989-10-24", published=WSJ),
    # Late trading is a part of some day the text does not name: no row.
    case("In late trading, the dollar was quoted at 1.8355 marks.", published=WSJ),
    case("Bonds rallied in late trading yesterday.", "1989-10-24", published=WSJ),
    # The comparison's close is Friday's: a row at Friday.
    case("The index closed at 339.94, up from Friday's close of 337.30.", "1989-10-20",
         published=WSJ),
    # A named event, like "the 2003 heatwave": the reader wants when it happened.
    case("The market has not recovered from the October 1987 crash.", "1987-10",
         published=WSJ),
    case("The 190-point drop on Friday, Oct. 13, revived memories of the October 1987 "
         "crash.", "1987-10", "1989-10-13", published=date(1989, 10, 16)),
    case("Treasury bonds were unchanged in early trading today.", "1989-10-25",
         published=WSJ),
    case("Investors have until the Dec. 31 deadline to tender their shares.", "1989-12-31",
         published=date(1989, 11, 15)),
    # Midnight on a day is its end to most readers, the next day's start (or the day's
    # own start) to some (the second table's decision).
    case("The offer, which expires at midnight Nov. 30, is conditioned on financing.",
         Row(("1989-11-30T24:00", "1989-12-01T00:00", "1989-11-30T00:00")),
         published=date(1989, 11, 15)),
    case("Gold settled at $371.20 an ounce, down $1.30 from Monday.", "1989-10-23",
         published=WSJ),
    case("Last month's rise in the producer price index was the largest since April.",
         "1989-04", "1989-09", published=WSJ),
    case("The Nasdaq composite index slid 3.72 to 461.03 in heavy trading Tuesday.",
         "1989-10-24", published=WSJ),
    case("Volume on the Big Board totaled 164.9 million shares, compared with 147.8 million "
         "shares Monday.", "1989-10-23", published=WSJ),
    case("Prices of Treasury bills rose at Monday's auction.", "1989-10-23", published=WSJ),
    case("The yield on the 30-year bond fell to 7.98% from 8.03% late Monday.",
         "1989-10-23", published=WSJ),
    case("Stock-index futures trading was halted for 30 minutes at 2:30 p.m. EDT Friday.",
         "1989-10-13T14:30", published=date(1989, 10, 16)),
    case("The stock split becomes effective Nov. 1, 1989, for holders of record Oct. 15.",
         "1989-10-15", "1989-11-01", published=date(1989, 10, 10)),
    case("UAL closed at $198 on the Big Board yesterday, down from $279.75 on Oct. 13.",
         "1989-10-13", "1989-10-24", published=WSJ),
    # Year-end is the year's last stretch: the year, its December or its last day.
    case("The Federal Reserve is expected to ease credit before year-end.",
         Row(("1989", "1989-12", "1989-12-31")), published=WSJ),
    case("Monday's 508-point plunge wiped out $500 billion in paper wealth.", "1987-10-19",
         published=date(1987, 10, 20)),
    case("The Oct. 13 sell-off was triggered by the collapse of the UAL buy-out.",
         "1989-10-13", published=WSJ),
    case("Stocks rose this week for the first time in a month.", "1989-W43",
         published=date(1989, 10, 27)),
]

WIRE = [
    case("WASHINGTON (AP) \u2014 President Clinton will travel to Africa next month, the "
         "White House said Tuesday.", "1998-02-24", "1998-03", published=AP),
    case("NEW YORK (AP) \u2014 Stocks closed higher Monday as technology shares rallied.",
         "1998-02-23", published=AP),
    case("MOSCOW (AP) \u2014 President Boris Yeltsin fired his entire Cabinet on Monday.",
         "1998-03-23", published=date(1998, 3, 24)),
    # Decision: a dateline's date says when the story was filed, not when its event was;
    # the vote's own day is the row. Lead's decision: the dateline's date stays a row too,
    # as TimeML gold annotates it (leaving it out cost rows F1 0.857 -> 0.853 on train).
    case("WASHINGTON, Nov. 1 (AP) \u2014 The House approved the bill on Tuesday by a vote "
         "of 278-150.", "1989-10-31", "1989-11-01", published=date(1989, 11, 1)),
    case("The agreement was signed Nov. 1, 1989, in Geneva.", "1989-11-01",
         published=date(1989, 11, 20)),
    case("The stock market crashed on Oct. 19, 1987.", "1987-10-19", published=WSJ),
    # A past Oct. 19 said on Oct. 18 is last year's.
    case("On Oct. 19, the Dow fell 508 points.", "1987-10-19", published=date(1988, 10, 18)),
    case("The discount rate was raised Sept. 5.", "1989-09-05", published=WSJ),
    case("Hearings are scheduled for Jan. 23.", "1990-01-23", published=date(1989, 11, 15)),
    case("Mr. Smith, 54 years old, will retire Dec. 31.", "1989-12-31", published=WSJ),
    case("He was named chairman in 1985, succeeding John Doe, who retired.", "1985",
         published=WSJ),
    case("Dow Plunges 190 Points Friday; Takeover Stocks Lead Decline", "1989-10-13",
         published=date(1989, 10, 16)),
    case("Oil Prices Fall in Quiet Trading", published=WSJ),
    case("U.S. Jobless Rate Rose to 5.3% in September", "1989-09",
         published=date(1989, 10, 6)),
    case("Sept. 30 was the last day of the company's fiscal year.", "1989-09-30",
         published=WSJ),
    case("Moody's lowered its ratings on $800 million of debt Tuesday, citing the Oct. 2 "
         "merger.", "1989-10-02", "1989-10-24", published=WSJ),
    # Decision: a budget named for its fiscal year is a name, like "the 1990 Act"; the
    # resolution was passed last spring. Lead's decision: the fiscal year a budget is for is
    # a date a reader looks for (the fifth table's "the 2020 race" is a row too; TimeML dates
    # such years); the Act's year names a law.
    case("The 1990 budget resolution was approved last spring.", "1989-SP", "1990",
         published=WSJ),
    case("LOS ANGELES (AP) \u2014 A magnitude 6.8 earthquake shook Southern California at "
         "4:31 a.m. Monday.", "1994-01-17T04:31", published=date(1994, 1, 17)),
    case("JERUSALEM (Reuters) - Israeli troops shot dead a Palestinian youth in the West "
         "Bank on Sunday, hospital officials said.", "1998-02-22", published=AP),
    case("The White House said yesterday that the President would sign the measure today.",
         "1989-10-24", "1989-10-25", published=WSJ),
]

VAGUE = [
    # Decades are backdrop, no row (the first table's decision), early, middle or late.
    case("The industry boomed in the 1980s.", published=WSJ),
    case("Demand will grow through the 1990s, analysts say.", published=WSJ),
    case("The deficit is expected to narrow in the early 1990s.", published=WSJ),
    case("In the mid-1980s, the company expanded into Europe.", published=WSJ),
    case("The plant is expected to open in mid-1991.", "1991", published=WSJ),
    case("The company plans to sell the unit early next year.", "1990", published=WSJ),
    # An era, not a year (the second table's decision), and the century's turn likewise.
    case("Construction should be complete by the end of the decade.", published=WSJ),
    case("By the turn of the century, half the workforce will be over 40.", published=WSJ),
    case("Sales peaked in late 1987.", "1987", published=WSJ),
    case("The merger is expected to close by the end of the year.",
         Row(("1989", "1989-12")), published=WSJ),
    case("Interest rates will stay high well into next year.", "1990", published=WSJ),
    case("Earlier this year, the company sold its chemical unit.", "1989", published=WSJ),
    case("Late last year, the board rejected a $40-a-share offer.", "1988", published=WSJ),
    case("The bonds mature in 2019.", "2019", published=WSJ),
    # Decision: "due 1999" says when the notes are repaid, a date ahead, not a name.
    case("The 9% notes, due 1999, were priced at par.", "1999", published=WSJ),
    case("The economy will slow in the second half of next year.", "1990-H2",
         published=WSJ),
    case("The unit was spun off from its parent in the spring of 1988.", "1988-SP",
         published=WSJ),
    case("Prices have risen since the summer.", "1989-SU", published=WSJ),
    # A named event: its year.
    case("The 1988 drought cut the corn harvest by a third.", "1988", published=WSJ),
    case("The company has been hurt by the slump in the farm economy in the late 1980s.",
         published=date(1990, 5, 1)),
]

BROADCAST = [
    case("Good evening. The president spoke to reporters this morning at the White House.",
         "1998-01-08TMO", published=CNN),
    # Where things stand tonight is the day's event, like "Today, the prime minister is in
    # Brussels" in the fourth table.
    case("Tonight, the Senate is still debating the bill.", "1998-01-08TNI", published=CNN),
    case("Earlier this evening, the jury reached a verdict.", "1998-01-08TEV",
         published=CNN),
    case("Right now, rescue workers are searching the rubble.", published=CNN),
    case("We'll have more on that story at the top of the hour.", published=CNN),
    # Nine o'clock is 21:00; the hour alone is the same time (the third table's decision).
    case("The president will address the nation tonight at 9 o'clock Eastern.",
         Row(("1998-01-08T21:00", "1998-01-08T21")), published=CNN),
    case("Joining us now from Atlanta is our correspondent.", published=CNN),
    # "A short time ago" is no exact distance: no row.
    case("A short time ago, the White House released a statement.", published=CNN),
    case("Stay with us; the news continues after this break.", published=CNN),
    case("Here's what happened today on Wall Street: the Dow lost 99 points.",
         "1998-01-08", published=CNN),
    case("This afternoon, the Pentagon confirmed the strike.", "1998-01-08TAF",
         published=CNN),
    case("Yesterday's storm knocked out power to 200,000 homes.", "1998-01-07",
         published=CNN),
    # The morning is the precise form, the day a fair one.
    case("Tomorrow morning, the talks resume in Geneva.",
         Row(("1998-01-09TMO", "1998-01-09")), published=CNN),
    case("At this hour, the fire is still burning out of control.", published=CNN),
    case("Last night, the storm dumped a foot of snow on Boston.", "1998-01-07TNI",
         published=CNN),
    case("The vote is expected sometime this week.", "1998-W02", published=CNN),
    case("This just in: a plane has crashed at La Guardia airport.", published=CNN),
    case("The markets open in about 30 minutes.", published=CNN),
    case("I'm Peter Jennings. Good night.", published=CNN),
    case("The Super Bowl is coming up a week from Sunday.", "1998-01-18",
         published=CNN),
]

CHAINS = [
    # Each offset counts from the date before it, over three sentences.
    case("The talks began on Monday, March 2. Two days later, the union walked out. A week "
         "after that, a deal was signed.", "1998-03-02", derived("1998-03-04"),
         derived("1998-03-11"), published=date(1998, 3, 20)),
    case("The company filed for bankruptcy on Oct. 2. Three weeks later, its chairman "
         "resigned.", "1989-10-02", derived("1989-10-23"), published=date(1989, 11, 1)),
    case("The stock fell 12% on Friday. On Monday it recovered half the loss, and a day "
         "later it hit a new high.", "1989-10-20", "1989-10-23", derived("1989-10-24"),
         published=WSJ),
    case("Iraq agreed to the inspections on Feb. 23. Five days earlier, the United States "
         "had threatened air strikes.", derived("1998-02-18"), "1998-02-23",
         published=date(1998, 2, 25)),
    case("The tanker ran aground at 12:04 a.m. on March 24, 1989. About three hours later, "
         "oil began spilling into the sound.", "1989-03-24T00:04",
         derived("1989-03-24T03:04"), published=date(1989, 3, 27)),
    case("The first quake hit at 5:04 p.m. on Oct. 17. Fifteen minutes later, a bridge span "
         "collapsed. An hour after that, fires broke out in the Marina.",
         "1989-10-17T17:04", derived("1989-10-17T17:19"), derived("1989-10-17T18:19"),
         published=date(1989, 10, 20)),
    case("The Berlin Wall was opened on Nov. 9, 1989. Eleven months later, Germany was "
         "reunified.", "1989-11-09", derived("1990-10-09"), published=date(1990, 10, 5)),
    # "Minutes after" is no exact distance: no derived row.
    case("The hostages were freed on Jan. 20, 1981, minutes after Reagan took the oath.",
         "1981-01-20", published=date(1991, 1, 20)),
    case("The strike began Aug. 1. It ended 45 days later.", "1989-08-01",
         derived("1989-09-15"), published=WSJ),
    case("The deal was announced Tuesday. The day before, the stock had jumped 8%.",
         derived("1989-10-23"), "1989-10-24", published=WSJ),
    case("Texaco filed for Chapter 11 on April 12, 1987. Nearly a year later, it emerged.",
         "1987-04-12", published=date(1989, 1, 5)),
    case("The merger was completed in 1986; two years later, the combined company was sold.",
         "1986", derived("1988"), published=WSJ),
    case("Trading in the shares was suspended at 10:15 a.m. Two hours later, it resumed.",
         "1989-10-25T10:15", derived("1989-10-25T12:15"), published=WSJ),
    # A chain broken by a vague step: "decades later" places nothing, so neither does
    # "two years after that".
    case("The company was founded in 1946. Decades later, it went public. Two years after "
         "that, it was bought.", "1946", published=WSJ),
    case("Negotiators met on March 3. The next day, they met again, and two days after "
         "that, they reached a deal.", "1998-03-03", derived("1998-03-04"),
         derived("1998-03-06"), published=date(1998, 3, 20)),
    # Seconds from a day name no second: the explosion is not placed apart.
    case("The Challenger exploded 73 seconds after liftoff on Jan. 28, 1986.", "1986-01-28",
         published=date(1996, 1, 28)),
    case("The Fed cut its discount rate on Dec. 19. A month later, it cut it again.",
         "1990-12-19", derived("1991-01-19"), published=date(1991, 2, 4)),
    # Half a month is 15 or 16 days, or the month alone.
    case("Kuwait was invaded on Aug. 2, 1990. Five and a half months later, the air war "
         "began.", "1990-08-02", Row(("1991-01-16", "1991-01-17", "1991-01"), derived=True),
         published=date(1991, 2, 26)),
]

HYPOTHETICAL = [
    case("The company pays a dividend every quarter.", published=WSJ),
    # Decision: a conditional event still names a particular June; the row is its date.
    case("If rates rise in June, bond prices will fall.", "1998-06", published=AP),
    case("Should the talks fail in March, a strike would follow in April.", "1998-03",
         "1998-04", published=AP),
    case("Had the bill passed in 1988, the plant would have stayed open.", "1988",
         published=WSJ),
    case("Any strike would begin on Monday at the earliest.", "1998-03-02", published=AP),
    case("In a typical year, the company sells 40,000 cars.", published=WSJ),
    case("The exchange is closed on Fridays during Ramadan.", published=WSJ),
    case("Retailers usually do 40% of their business in the fourth quarter.",
         published=WSJ),
    case("Third-quarter results are usually weak because of summer vacations.",
         published=WSJ),
    case("Banks close early on the day before a holiday.", published=WSJ),
    case("The index is recalculated at the end of each trading day.", published=WSJ),
    case("Markets tend to be volatile in October.", published=WSJ),
    case("Mortgage rates are typically lowest in the winter.", published=WSJ),
    case("The Treasury auctions three-month bills every Monday.", published=WSJ),
    case("Payments are due on the 15th of each month.", published=WSJ),
    case("Tax-loss selling usually depresses small stocks in December.", published=WSJ),
    case("In an election year, the budget is often delayed.", published=WSJ),
    case("The board meets on the second Tuesday of each month.", published=WSJ),
    case("Investors who bought on Oct. 19, 1987, have doubled their money.", "1987-10-19",
         published=WSJ),
    case("On Fridays, traders often square their positions before the weekend.",
         published=WSJ),
    case("The report comes out on the first Friday of every month.", published=AP),
]

NEGATED = [
    # Decision: a negated or questioned event keeps the date the text gives it.
    case("The meeting did not take place on Tuesday as planned.", "1989-10-24",
         published=WSJ),
    case("The company did not pay a dividend in 1988.", "1988", published=WSJ),
    case("Will the Fed cut rates in December?", "1989-12", published=WSJ),
    case("Did the price of oil peak in September?", "1989-09", published=WSJ),
    case("No trades were reported on Friday.", "1989-10-20", published=WSJ),
    case("Mr. Jones denied that he had met the buyers on Oct. 3.", "1989-10-03",
         published=WSJ),
    case("The company never recovered from the 1987 crash.", "1987", published=WSJ),
    case("It was not until March 1990 that the plant reopened.", "1990-03",
         published=date(1990, 6, 1)),
    case("The vote, originally set for Thursday, has been postponed.", "1989-10-26",
         published=WSJ),
    case("Nobody expected the market to fall on Friday, Oct. 13.", "1989-10-13",
         published=date(1989, 10, 16)),
    case("Why did stocks plunge yesterday?", "1989-10-24", published=WSJ),
    case("The bank has not said when it will reopen.", published=WSJ),
    case("No decision is expected before January.", "1990-01", published=WSJ),
    case("Officials refused to say whether the hostages would be freed by Christmas.",
         "1989-12-25", published=date(1989, 12, 1)),
    case("The company failed to make a $20 million interest payment due Oct. 15.",
         "1989-10-15", published=WSJ),
    case("The Senate has yet to schedule a vote, and none is likely before next week.",
         "1989-W44", published=WSJ),
]

YEAR_ENDS = [
    # A past day late in the year, said early in the next: last year's.
    case("The company completed the sale on Dec. 28.", "1989-12-28",
         published=date(1990, 1, 3)),
    # A future day early in the year, said late in the one before: next year's.
    case("The new rules take effect on Jan. 4.", "1990-01-04",
         published=date(1989, 12, 28)),
    # The year is the context of its last Friday: one row, at the day.
    case("Stocks ended the year on a high note on Friday.", "1989-12-29",
         published=date(1990, 1, 3)),
    case("Last year, the Dow rose 27%.", "1989", published=date(1990, 1, 3)),
    case("Sales in December fell 2%.", "1989-12", published=date(1990, 1, 3)),
    # The holiday and the weekday are the same day said twice.
    case("The exchange will be closed Monday for New Year's Day.", "1990-01-01",
         published=date(1989, 12, 28)),
    case("In the fourth quarter, earnings rose 10%.", "1989-Q4",
         published=date(1990, 1, 3)),
    case("The agreement expires next month.", "1990-01", published=date(1989, 12, 28)),
    # The week before 3 January 1990 is ISO week 52 of 1989.
    case("The deal, announced last week, closes on Friday.", "1989-W52", "1990-01-05",
         published=date(1990, 1, 3)),
    case("Millions will celebrate at midnight tonight.",
         Row(("1999-12-31T24:00", "2000-01-01T00:00")), published=date(1999, 12, 31)),
    # 1-2 January 2000 is the weekend of ISO week 52 of 1999.
    case("Computers worked normally over the weekend, officials said.", "1999-W52-WE",
         published=date(2000, 1, 3)),
    case("The Y2K bug caused few problems on Saturday.", "2000-01-01",
         published=date(2000, 1, 3)),
    case("The budget will be unveiled on Jan. 22.", "1990-01-22",
         published=date(1990, 1, 3)),
    # The week before Christmas Day 1989 (a Monday) is ISO week 51; its month is fair.
    case("Sales in the week before Christmas were flat.", Row(("1989-W51", "1989-12")),
         published=date(1989, 12, 28)),
    case("On Dec. 29, the index closed at 2753.20.", "1989-12-29",
         published=date(1990, 1, 3)),
    case("Rates will rise in the first quarter.", "1990-Q1", published=date(1989, 12, 28)),
    case("The Hang Seng ended 1997 down 20%.", "1997", published=date(1998, 1, 2)),
    case("The talks, which broke off on Dec. 22, resume on Jan. 8.", "1997-12-22",
         "1998-01-08", published=date(1998, 1, 2)),
    case("Revellers packed Times Square on New Year's Eve, and shops reopened on Tuesday.",
         "1989-12-31", "1990-01-02", published=date(1990, 1, 3)),
]

ZONES = [
    case("The shuttle lifted off at 2:30 p.m. EDT Tuesday.", "1997-07-15T14:30",
         published=date(1997, 7, 16)),
    case("The earthquake struck at 5:04 p.m. PDT on Oct. 17.", "1989-10-17T17:04",
         published=date(1989, 10, 20)),
    case("The announcement is expected at 10 a.m. EST Thursday.", "1998-02-26T10:00",
         published=AP),
    # Just after midnight Friday is Friday's first minutes; the day is a fair value.
    case("The tanker ran aground just after midnight Friday, local time.",
         Row(("1989-03-24T00:00", "1989-03-24")), published=date(1989, 3, 27)),
    # One moment in two clocks: one row, in either.
    case("Trading in Tokyo closed at 3 p.m. (1 a.m. EST).",
         Row(("1989-10-25T15:00", "1989-10-25T01:00")), published=WSJ),
    case("The satellite was launched at 0712 GMT Saturday.", "1998-02-21T07:12",
         published=AP),
    case("The blast occurred at 10:29 a.m. local time (0229 GMT) Wednesday.",
         Row(("1998-02-25T10:29", "1998-02-25T02:29")), published=date(1998, 2, 26)),
    case("Polls close at 7 p.m. CST.", "1998-02-24T19:00", published=AP,
         xfail="world knowledge: polls close once, on an election day; the same sentence with "
               "shops (\"Markets in New York open at 9:30 a.m.\", below) is a daily habit"),
    case("At 11:58 p.m. EDT Sunday, the vote was gaveled to a close.", "1997-07-13T23:58",
         published=date(1997, 7, 14)),
    case("Markets in New York open at 9:30 a.m. Eastern time.", published=AP),
    case("The hijacked jet landed in Kuwait at 3:30 a.m. Thursday (7:30 p.m. EST "
         "Wednesday).", Row(("1988-04-07T03:30", "1988-04-06T19:30")),
         published=date(1988, 4, 8)),
    case("The verdict was read at 1:08 p.m. MST on Friday, June 2, 1995.",
         "1995-06-02T13:08", published=date(1995, 6, 3)),
    case("The deadline is 5 p.m. Pacific time Monday.", "1998-03-02T17:00", published=AP),
    case("The launch was scrubbed at T-minus 31 seconds.", published=AP),
    case("Baghdad radio said the raid began at 2:40 a.m. (6:40 p.m. EST Tuesday).",
         Row(("1998-02-25T02:40", "1998-02-24T18:40")), published=date(1998, 2, 25)),
]

NOT_ROWS = [
    case("The company has been profitable for 12 consecutive quarters.", published=WSJ),
    case("Analysts expect earnings to grow 15% a year.", published=WSJ),
    case("The bonds yield 8.5% annually.", published=WSJ),
    case("The stock has doubled over the past 52 weeks.", published=WSJ),
    case("The company's 52-week high is $45.", published=WSJ),
    case("The contract runs for three years.", published=WSJ),
    case("The 30-year bond fell 1/2 point.", published=WSJ),
    case("Shares traded in a range of 45 to 47.", published=WSJ),
    case("For now, the company has no plans to sell.", published=WSJ),
    case("Current prices are too high, dealers said.", published=WSJ),
    case("The Dow Jones 30 industrials rose slightly.", published=WSJ),
    case("The S&P 500 index rose 2.5.", published=WSJ),
    case("Volume was 164.9 million shares.", published=WSJ),
    case("A 24-hour trading system is being tested.", published=WSJ),
    case("The takeover battle has lasted months.", published=WSJ),
    case("The company is in the midst of a five-year restructuring.", published=WSJ),
    case("UAL's $300-a-share offer collapsed.", published=WSJ),
    case("The Group of Seven finance ministers met in Paris.", published=WSJ),
    case("The 747-400 jumbo jet entered service with Northwest.", published=WSJ),
    case("At present, the Fed's policy is under review.", published=WSJ),
    case("The notes pay interest semiannually.", published=WSJ),
    case("The company has 1,989 employees.", published=WSJ),
    # Lead's decision: "the past week" dates its sentence like "last week" (the gold has no
    # "past week"; it dates "the past year" as the calendar year both times it says it).
    case("The past week has been the most volatile since the crash.", "1989-W42",
         published=WSJ),
    case("Interest rates have been falling for the past several months.", published=WSJ),
]

CATEGORIES = {
    "earnings": EARNINGS,  # quarters, fiscal years, year-earlier periods, nine months
    "markets": MARKETS,  # closes, trading sessions, crashes, deadlines
    "wire": WIRE,  # "Oct. 19", datelines, headlines, old wire "yesterday" and "today"
    "vague": VAGUE,  # decades, "mid-1991", "early next year", the end of the decade
    "broadcast": BROADCAST,  # "this morning", "tonight", "right now", the top of the hour
    "chains": CHAINS,  # offsets counted from the sentence before, two or three deep
    "hypothetical": HYPOTHETICAL,  # conditions, habits, "every quarter", "on Fridays"
    "negated": NEGATED,  # negated and questioned events keep their dates
    "year ends": YEAR_ENDS,  # late December and early January across the turn of a year
    "zones": ZONES,  # clock times with time zones, two clocks for one moment
    "not rows": NOT_ROWS,  # durations, rates, names, numbers and the present
}
TABLE = table(CATEGORIES)


@pytest.mark.parametrize(("text", "published", "expected"), TABLE)
def test_the_rows_a_reader_expects(text: str, published: date, expected: list[Row]) -> None:
    check(text, published, expected)
