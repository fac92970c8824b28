from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.store import AnchorStatus, Located, NoteAnchor, locate

ARTICLE = (
    "UN report says abuses in Xinjiang credible\n\n"
    "The report was published at 11:47 p.m. on 31 August 2022, minutes before the end of "
    "the commissioner's term. The ministry replied on Thursday that the findings were "
    "seventeen pages of lies. Officials in Geneva declined to comment further.\n"
)
WORDS = ["storm", "council", "vote", "report", "ministry", "the", "of", "findings", "pages"]
QUOTE = "the findings were seventeen pages of lies"


def anchor_for(quote: str, text: str = ARTICLE) -> NoteAnchor:
    start = text.index(quote)
    return NoteAnchor.from_text(text, start, start + len(quote))


class TestNoteAnchor:
    def test_from_text_keeps_32_characters_of_context(self) -> None:
        anchor = anchor_for(QUOTE)
        assert anchor.quote == QUOTE
        assert anchor.prefix == "nistry replied on Thursday that "
        assert anchor.suffix == ". Officials in Geneva declined t"
        assert (anchor.start, anchor.end) == (191, 232)
        assert ARTICLE[191:232] == QUOTE

    def test_context_is_cut_at_the_text_edges(self) -> None:
        anchor = NoteAnchor.from_text("short text", 0, 5)
        assert (anchor.prefix, anchor.quote, anchor.suffix) == ("", "short", " text")

    @pytest.mark.parametrize(("start", "end"), [(5, 5), (-1, 3), (3, 2), (0, 11)])
    def test_bad_offsets_are_refused(self, start: int, end: int) -> None:
        with pytest.raises(ValueError, match="start < end"):
            NoteAnchor.from_text("short text", start, end)

    def test_json_round_trip(self) -> None:
        anchor = anchor_for(QUOTE)
        assert NoteAnchor.from_json(anchor.to_json()) == anchor

    @pytest.mark.parametrize("stored", [None, "x", {"quote": 1}, {"quote": "q", "start": -1}])
    def test_malformed_stored_anchor_is_none(self, stored: object) -> None:
        assert NoteAnchor.from_json(stored) is None


class TestLocate:
    def test_unchanged_text_is_exact(self) -> None:
        assert locate(anchor_for(QUOTE), ARTICLE) == Located(191, 232, AnchorStatus.EXACT)

    def test_text_inserted_before_moves_the_passage(self) -> None:
        edited = "UPDATE (2 Sep): corrected the date.\n" + ARTICLE
        found = locate(anchor_for(QUOTE), edited)
        assert found == Located(191 + 36, 232 + 36, AnchorStatus.MOVED)
        assert edited[found.start : found.end] == QUOTE

    def test_slightly_edited_quote_is_found_fuzzily(self) -> None:
        edited = ARTICLE.replace("seventeen pages", "eighteen pages")
        found = locate(anchor_for(QUOTE), edited)
        assert found == Located(191, 231, AnchorStatus.FUZZY)
        assert edited[found.start : found.end] == "the findings were eighteen pages of lies"

    def test_edited_and_moved_quote_is_found_fuzzily(self) -> None:
        edited = "Breaking. " + ARTICLE.replace("pages of lies", "pages of fabrications")
        found = locate(anchor_for(QUOTE), edited)
        assert found.status is AnchorStatus.FUZZY
        assert edited[found.start : found.end] == (
            "the findings were seventeen pages of fabrications"
        )

    def test_deleted_passage_is_orphaned(self) -> None:
        edited = ARTICLE.replace(
            "The ministry replied on Thursday that the findings were seventeen pages of lies. ",
            "",
        )
        assert locate(anchor_for(QUOTE), edited) == Located(191, 191, AnchorStatus.ORPHANED)

    def test_orphan_offset_stays_inside_a_shorter_text(self) -> None:
        found = locate(anchor_for(QUOTE), "Gone.")
        assert found == Located(5, 5, AnchorStatus.ORPHANED)

    def test_repeated_quote_is_told_apart_by_its_context(self) -> None:
        text = "He said yes. Later, she said yes. Finally they said yes."
        anchor = anchor_for("she said yes", text)
        second_yes = NoteAnchor.from_text(text, text.index("yes", 20), text.index("yes", 20) + 3)
        shifted = "Intro. " + text
        assert locate(second_yes, shifted) == Located(36, 39, AnchorStatus.MOVED)
        assert locate(anchor, shifted).start == shifted.index("she said yes")

    def test_repeated_quote_without_context_takes_the_nearest(self) -> None:
        anchor = NoteAnchor(quote="yes", prefix="", suffix="", start=30, end=33)
        text = "yes " * 20
        assert locate(anchor, text) == Located(28, 31, AnchorStatus.MOVED)

    def test_large_text_is_searched(self) -> None:
        filler = "Nothing to see in this paragraph about the weather.\n" * 20_000
        edited = filler + ARTICLE.replace("seventeen", "eighteen") + filler
        found = locate(anchor_for(QUOTE), edited)
        assert found.status is AnchorStatus.FUZZY
        assert edited[found.start : found.end] == "the findings were eighteen pages of lies"


class TestLocateProperties:
    @settings(max_examples=150, deadline=None)
    @given(
        words=st.lists(st.sampled_from(WORDS), min_size=8, max_size=80),
        data=st.data(),
    )
    def test_an_untouched_passage_is_found_with_its_words(
        self, words: list[str], data: st.DataObject
    ) -> None:
        """Whatever is inserted or deleted elsewhere, the passage's own words are found."""
        text = " ".join(words)
        start = data.draw(st.integers(0, len(text) - 2))
        end = data.draw(st.integers(start + 1, min(len(text), start + 60)))
        anchor = NoteAnchor.from_text(text, start, end)
        assert locate(anchor, text) == Located(start, end, AnchorStatus.EXACT)
        cut = data.draw(st.integers(0, start))
        inserted = data.draw(st.text(alphabet="xyz .", max_size=40))
        edited = text[:cut] + inserted + text[cut:]
        found = locate(anchor, edited)
        assert found.status in (AnchorStatus.EXACT, AnchorStatus.MOVED)
        assert edited[found.start : found.end] == anchor.quote
