"""How normalisers read a rule's match: by descriptive group names, and never by a wrong one."""

from __future__ import annotations

import pytest

from tuireader.timeline.anchoring import Tense
from tuireader.timeline.normalise import NORMALISERS, Ctx, DocState
from tuireader.timeline.patterns import RULES


def context(rule_name: str, text: str) -> Ctx:
    (rule,) = [r for r in RULES if r.name == rule_name]
    match = rule.regex.search(text)
    assert match is not None
    return Ctx(text, match, Tense.PAST, DocState(ref=None))


class TestGroups:
    def test_a_group_reads_its_stripped_text(self) -> None:
        ctx = context("month_day", "signed on Friday, August 31, 2022 in Geneva")
        assert (ctx.group("weekday"), ctx.group("month"), ctx.group("day"),
                ctx.group("year")) == ("Friday", "August", "31", "2022")

    def test_a_group_that_took_no_part_reads_empty(self) -> None:
        ctx = context("month_day", "signed on August 31 in Geneva")
        assert ctx.group("year") == ""
        assert ctx.group("weekday") == ""

    def test_a_name_the_pattern_lacks_raises(self) -> None:
        ctx = context("month_day", "signed on August 31, 2022")
        with pytest.raises(KeyError, match="no group 'd' in this rule's pattern"):
            ctx.group("d")
        with pytest.raises(KeyError, match="'hour'"):
            ctx.group("hour")  # a group of other rules is no group of this one

    def test_group_names_say_what_they_hold(self) -> None:
        short = {(r.name, g) for r in RULES for g in r.regex.groupindex if len(g) < 3}
        assert short == set()


def test_every_rule_has_one_normaliser() -> None:
    assert sorted(NORMALISERS) == sorted(r.name for r in RULES)
