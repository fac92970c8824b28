"""The extraction API the library and the feeds use: fragments and merged readings."""

from __future__ import annotations

from tuireader.web.consensus import merge_readings
from tuireader.web.extraction import fragment_markdown

LONG = "word " * 20


def test_a_fragment_keeps_paragraphs_headings_lists_and_quotes() -> None:
    fragment = (
        "<h2>Back <em>home</em></h2><p>First <b>bold</b> line.<br>Second line.</p>"
        "<ol><li>one</li><li>two</li></ol>"
        "<blockquote><p>quoted one</p><p>quoted two</p></blockquote><p>After.</p>"
        "<script>alert(1)</script>"
    )
    assert fragment_markdown(fragment) == (
        "## Back home\n\nFirst bold line.\n\nSecond line.\n\n1. one\n2. two\n\n"
        "> quoted one\n>\n> quoted two\n\nAfter."
    )


def test_plain_text_comes_back_as_it_was() -> None:
    assert fragment_markdown("  Just words, no markup.\n") == "Just words, no markup."


def core(n: int) -> list[str]:
    return [f"Paragraph {i} of the article body says something specific {i}." for i in range(n)]


def test_blocks_both_readings_agree_on_stay_in_order() -> None:
    assert merge_readings(core(4), core(4)) == core(4)


def test_a_lead_paragraph_only_one_reading_found_is_kept_first() -> None:
    lead = "The lead paragraph that one extractor missed " + LONG
    assert merge_readings(core(4), [lead, *core(4)]) == [lead, *core(4)]


def test_headlines_before_the_article_and_teasers_after_it_are_dropped() -> None:
    primary = ["### Related: another story", *core(4), "Teaser for a different story " + LONG]
    assert merge_readings(primary, core(4)) == core(4)


def test_a_block_only_one_reading_found_inside_the_article_is_kept() -> None:
    caption = "A caption the primary reading missed " + LONG
    secondary = [*core(2), caption, *core(4)[2:]]
    assert merge_readings(core(4), secondary) == [*core(2), caption, *core(4)[2:]]


def test_a_newsletter_pitch_only_one_reading_kept_is_dropped() -> None:
    pitch = "Let our news meet your inbox: sign up for the morning newsletter."
    assert merge_readings(core(4), [*core(2), pitch, *core(4)[2:]]) == core(4)


def test_readings_of_different_parts_of_the_page_give_the_primary() -> None:
    other = [f"Comment number {i} from a reader about something else entirely." for i in range(5)]
    assert merge_readings(core(4), other) == core(4)
