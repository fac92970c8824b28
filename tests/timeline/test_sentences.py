"""Sentences with offsets: what an event's "what happened" line is cut from."""

from __future__ import annotations

import pytest

from tuireader.timeline.anchoring import Tense, tense_near
from tuireader.timeline.sentences import split_sentences


class TestSplitSentences:
    def test_offsets_point_at_the_sentence_text(self) -> None:
        text = "  First one.  Second one?\n\nThird one!  "
        sentences = split_sentences(text)
        assert [s.text for s in sentences] == ["First one.", "Second one?", "Third one!"]
        for s in sentences:
            assert text[s.start : s.end] == s.text

    @pytest.mark.parametrize(
        "text",
        [
            "Mr. Wang said so on Thursday.",
            "It went online at 11:47 p.m. in Geneva.",
            "The U.S. envoy left on Aug. 31 for talks.",
            "It was signed by J. R. Smith in Geneva.",
        ],
    )
    def test_abbreviations_do_not_end_a_sentence(self, text: str) -> None:
        assert [s.text for s in split_sentences(text)] == [text]

    def test_quotes_and_paragraphs_end_sentences(self) -> None:
        text = '"It is over," he said. The vote failed\nA new paragraph'
        assert [s.text for s in split_sentences(text)] == [
            '"It is over," he said.', "The vote failed\nA new paragraph"
        ]

    def test_a_day_of_the_month_ends_a_sentence(self) -> None:
        text = "He arrived on May 1. Two weeks later he left."
        assert [s.text for s in split_sentences(text)] == [
            "He arrived on May 1.", "Two weeks later he left."
        ]

    def test_empty_text_has_no_sentences(self) -> None:
        assert split_sentences("   \n ") == []


class TestTense:
    @pytest.mark.parametrize(
        ("sentence", "word", "tense"),
        [
            ("The ministry condemned the report on Thursday.", "Thursday", Tense.PAST),
            ("The council will vote on Monday.", "Monday", Tense.FUTURE),
            ("He said Friday that he would resign.", "Friday", Tense.PAST),
            ("Friday's vote was close.", "Friday", Tense.PAST),
            ("It must be filed by Tuesday.", "Tuesday", Tense.FUTURE),
            ("They had not called him a suspect until Thursday.", "Thursday", Tense.PAST),
            ("Prices have risen since May.", "May", Tense.PAST),
            ("Talks resume Monday.", "Monday", Tense.FUTURE),
            ("The index stands at 500 on Monday.", "Monday", Tense.PRESENT),
            ("The rally ran late on Monday.", "Monday", Tense.PAST),
            ("She spoke to the press on Monday.", "Monday", Tense.PAST),
            ("The firm sold the unit in May.", "May", Tense.PAST),
        ],
    )
    def test_tense_near_the_expression(self, sentence: str, word: str, tense: Tense) -> None:
        start = sentence.index(word)
        assert tense_near(sentence, start, start + len(word)) is tense
