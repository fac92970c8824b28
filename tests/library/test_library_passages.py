"""Passage boundaries for selecting text to annotate: paragraphs, sentences, a growing selection."""

from __future__ import annotations

import pytest

from tuireader.library.passages import (
    PassageSelection,
    Unit,
    first_sentence_from,
    next_paragraph,
    next_sentence,
    paragraph_at,
    previous_paragraph,
    previous_sentence,
    sentence_at,
    sentences_in,
)

BODY = (
    "Title line.\n"
    "\n"
    "The council met on Monday. Dr. Reyes spoke first! Was it late?\n"
    "\n"
    "  \n"
    "A second paragraph starts here. It runs on\n"
    "over two lines.\n"
    "\n"
    "Last one.\n"
)


def text(span: tuple[int, int] | None) -> str | None:
    return None if span is None else BODY[span[0]:span[1]]


class TestParagraphs:
    @pytest.mark.parametrize(
        ("needle", "expected"),
        [
            ("Title", "Title line."),
            ("Reyes", "The council met on Monday. Dr. Reyes spoke first! Was it late?"),
            ("over two", "A second paragraph starts here. It runs on\nover two lines."),
            ("Last", "Last one."),
        ],
    )
    def test_paragraph_holding_an_offset(self, needle: str, expected: str) -> None:
        assert text(paragraph_at(BODY, BODY.index(needle))) == expected

    def test_blank_line_gives_the_next_paragraph(self) -> None:
        blank = BODY.index("\n\n") + 1
        assert text(paragraph_at(BODY, blank)).startswith("The council")  # type: ignore[union-attr]

    def test_trailing_blank_gives_the_last_paragraph(self) -> None:
        assert text(paragraph_at(BODY, len(BODY))) == "Last one."

    @pytest.mark.parametrize("body", ["", "\n\n  \n"])
    def test_blank_body_has_no_paragraph(self, body: str) -> None:
        assert paragraph_at(body, 0) is None
        assert PassageSelection.at(body, 0) is None

    def test_next_and_previous_paragraph_skip_whitespace_lines(self) -> None:
        council = paragraph_at(BODY, BODY.index("council"))
        assert council is not None
        following = next_paragraph(BODY, council)
        assert text(following).startswith("A second")  # type: ignore[union-attr]
        assert following is not None
        assert previous_paragraph(BODY, following) == council
        last = paragraph_at(BODY, BODY.index("Last"))
        assert last is not None
        assert next_paragraph(BODY, last) is None
        first = paragraph_at(BODY, 0)
        assert first is not None
        assert previous_paragraph(BODY, first) is None


class TestSentences:
    def test_sentences_keep_abbreviations_whole(self) -> None:
        council = paragraph_at(BODY, BODY.index("council"))
        assert council is not None
        assert [text(s) for s in sentences_in(BODY, council)] == [
            "The council met on Monday.", "Dr. Reyes spoke first!", "Was it late?"]

    def test_sentence_at_and_between(self) -> None:
        assert text(sentence_at(BODY, BODY.index("Reyes"))) == "Dr. Reyes spoke first!"
        space = BODY.index(" Dr.")
        assert text(sentence_at(BODY, space)) == "Dr. Reyes spoke first!"

    def test_next_sentence_crosses_paragraphs_and_stops_at_the_end(self) -> None:
        late = sentence_at(BODY, BODY.index("late"))
        assert late is not None
        assert text(next_sentence(BODY, late)) == "A second paragraph starts here."
        last = sentence_at(BODY, BODY.index("Last"))
        assert last is not None
        assert next_sentence(BODY, last) is None

    def test_previous_sentence_crosses_paragraphs_and_stops_at_the_start(self) -> None:
        second = sentence_at(BODY, BODY.index("A second"))
        assert second is not None
        assert text(previous_sentence(BODY, second)) == "Was it late?"
        assert previous_sentence(BODY, (0, 11)) is None

    @pytest.mark.parametrize(
        ("needle", "expected"),
        [
            ("The council", "The council met on Monday."),  # a sentence starts there
            ("council met", "Dr. Reyes spoke first!"),  # mid-sentence: the next one
            ("over two", "Last one."),  # the last sentence of its paragraph: the next one
        ],
    )
    def test_reading_resumes_at_the_first_sentence_starting_on_the_top_line(
        self, needle: str, expected: str
    ) -> None:
        assert text(first_sentence_from(BODY, BODY.index(needle))) == expected


class TestSelection:
    def selection(self, needle: str) -> PassageSelection:
        selection = PassageSelection.at(BODY, BODY.index(needle))
        assert selection is not None
        return selection

    def test_starts_with_one_sentence(self) -> None:
        assert text(self.selection("The council").span) == "The council met on Monday."

    def test_grows_and_shrinks_by_sentence(self) -> None:
        selection = self.selection("The council")
        selection = selection.extended(BODY, Unit.SENTENCE, 1).extended(BODY, Unit.SENTENCE, 1)
        assert text(selection.span) == BODY[BODY.index("The council"):BODY.index("late?") + 5]
        selection = selection.extended(BODY, Unit.SENTENCE, -1)
        assert text(selection.span) == "The council met on Monday. Dr. Reyes spoke first!"

    def test_grows_backwards_past_its_start(self) -> None:
        selection = self.selection("Dr. Reyes").extended(BODY, Unit.SENTENCE, -1)
        assert text(selection.span) == "The council met on Monday. Dr. Reyes spoke first!"

    def test_paragraph_steps_go_to_the_paragraph_end_then_the_next(self) -> None:
        selection = self.selection("Dr. Reyes").extended(BODY, Unit.PARAGRAPH, 1)
        assert text(selection.span) == "Dr. Reyes spoke first! Was it late?"
        selection = selection.extended(BODY, Unit.PARAGRAPH, 1)
        assert text(selection.span).endswith("over two lines.")  # type: ignore[union-attr]
        assert text(selection.span).startswith("Dr. Reyes")  # type: ignore[union-attr]

    def test_paragraph_step_back_reaches_the_paragraph_start(self) -> None:
        selection = self.selection("Was it").extended(BODY, Unit.PARAGRAPH, -1)
        assert text(selection.span) == (
            "The council met on Monday. Dr. Reyes spoke first! Was it late?")
        selection = selection.extended(BODY, Unit.PARAGRAPH, -1)
        assert text(selection.span).startswith("Title line.")  # type: ignore[union-attr]

    @pytest.mark.parametrize(("unit", "step"), [(Unit.SENTENCE, 1), (Unit.PARAGRAPH, 1)])
    def test_stays_put_at_the_end(self, unit: Unit, step: int) -> None:
        selection = self.selection("Last one")
        assert selection.extended(BODY, unit, step) == selection

    def test_large_body_stays_local(self) -> None:
        """A keypress in a 1 MB body only looks at the paragraphs around the selection."""
        paragraph = "One sentence here. Another one there.\n\n"
        body = paragraph * 30_000
        middle = len(body) // 2
        selection = PassageSelection.at(body, middle)
        assert selection is not None
        grown = selection.extended(body, Unit.SENTENCE, 1).extended(body, Unit.PARAGRAPH, 1)
        start, end = grown.span
        assert 0 < end - start < 3 * len(paragraph)
