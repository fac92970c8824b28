"""Markdown articles: YAML front matter, title fallbacks, body offset, clear YAML errors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tuireader.library import load
from tuireader.library.formats.base import FormatError
from tuireader.library.formats.markdown import parse_markdown

WriteFile = Callable[..., Path]
MD = Path("notes/launch-day.md")


class TestFrontMatter:
    def test_all_fields(self) -> None:
        content = (
            "---\n"
            'title: "Artemis I lifts off"\n'
            "date: 2022-11-16T08:30:00-05:00\n"
            "source: https://example.org/artemis\n"
            "author: Ann Lee\n"
            "tags:\n  - space\n  - nasa\n"
            "id: artemis-1\n"
            "---\n"
            "\n\n"
            "The rocket rose at dawn.\n"
        )
        meta = parse_markdown(content, MD)
        assert meta.title == "Artemis I lifts off"
        assert meta.date == datetime(2022, 11, 16, 8, 30, tzinfo=timezone(timedelta(hours=-5)))
        assert meta.source == "https://example.org/artemis"
        assert meta.author == "Ann Lee"
        assert meta.tags == ("space", "nasa")
        assert meta.id == "artemis-1"
        assert content[meta.body_start :] == "The rocket rose at dawn.\n"

    @pytest.mark.parametrize(
        ("tags_yaml", "expected"),
        [
            ("tags: [space, nasa]", ("space", "nasa")),
            ("tags: space, nasa , moon", ("space", "nasa", "moon")),
            ("tags: space", ("space",)),
            ("tags:", ()),
            ("tags: [2022, space, space]", ("2022", "space")),
        ],
    )
    def test_tag_forms(self, tags_yaml: str, expected: tuple[str, ...]) -> None:
        meta = parse_markdown(f"---\ntitle: T\n{tags_yaml}\n---\nBody\n", MD)
        assert meta.tags == expected

    @pytest.mark.parametrize(
        ("date_yaml", "expected"),
        [
            ("date: 2022-09-01", date(2022, 9, 1)),
            ("date: '2022-09-01'", date(2022, 9, 1)),
            ("date: 1 September 2022", date(2022, 9, 1)),
            ("date: Sep 1, 2022", date(2022, 9, 1)),
            ("date: 2022-09-01 14:30:00", datetime(2022, 9, 1, 14, 30)),
            ("date: 'Thu, 01 Sep 2022 10:00:00 GMT'", datetime(2022, 9, 1, 10, 0, tzinfo=UTC)),
        ],
    )
    def test_date_forms(self, date_yaml: str, expected: date) -> None:
        assert parse_markdown(f"---\n{date_yaml}\n---\nBody\n", MD).date == expected

    def test_keys_are_case_insensitive_and_numbers_become_text(self) -> None:
        meta = parse_markdown("---\nTitle: 1984 revisited\nID: 42\n---\nBody\n", MD)
        assert (meta.title, meta.id) == ("1984 revisited", "42")

    @pytest.mark.parametrize(
        ("yaml_text", "warning"),
        [
            ("title: {nested: map}", "front matter 'title' is not a single value; ignored"),
            ("title: [a, b]", "front matter 'title' is not a single value; ignored"),
            (
                "tags: [ok, {bad: 1}]",
                "front matter 'tags' has entries that are not single values; skipped",
            ),
        ],
    )
    def test_structured_values_are_ignored_with_a_warning(
        self, yaml_text: str, warning: str
    ) -> None:
        meta = parse_markdown(f"---\n{yaml_text}\n---\nBody\n", MD)
        assert meta.warnings == (warning,)
        assert meta.title == "launch-day"
        assert meta.tags in ((), ("ok",))

    def test_alias_bomb_is_not_expanded_into_a_title(self) -> None:
        bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)},"
            f" *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
            for i in range(12)
        )
        content = f"---\n{bomb}title: *m\ntags: *m\n---\nBody\n"
        meta = parse_markdown(content, MD)
        assert meta.title == "launch-day"

    def test_closing_dots_and_no_trailing_newline(self) -> None:
        content = "---\ntitle: Dots\n...\nBody"
        meta = parse_markdown(content, MD)
        assert meta.title == "Dots"
        assert content[meta.body_start :] == "Body"

    def test_empty_front_matter(self) -> None:
        content = "---\n---\n# Heading title\n\nText\n"
        meta = parse_markdown(content, MD)
        assert meta.title == "Heading title"
        assert content[meta.body_start :] == "# Heading title\n\nText\n"

    def test_no_front_matter(self) -> None:
        content = "\n# Plain *markdown*\n\nText\n"
        meta = parse_markdown(content, MD)
        assert meta.title == "Plain *markdown*"
        assert meta.body_start == 1

    def test_unclosed_front_matter_is_read_as_markdown_with_a_warning(self) -> None:
        meta = parse_markdown("---\ntitle: never closed\n\n# Real heading\n", MD)
        assert meta.title == "Real heading"
        assert meta.warnings == ("front matter has no closing '---' line; read as plain Markdown",)


class TestTitleFallbacks:
    @pytest.mark.parametrize(
        ("content", "expected"),
        [
            ("---\ntitle: From YAML\n---\n# From heading\n", "From YAML"),
            ("---\ntitle: ''\n---\n# From heading\n", "From heading"),
            ("---\ndate: 2022-09-01\n---\n## Not level one\n# Level one  #\n", "Level one"),
            ("```\n# inside a code fence\n```\n# After fence\n", "After fence"),
            ("---\nauthor: A\n---\nJust text, no heading.\n", "launch-day"),
            ("#hashtag is not a heading\n", "launch-day"),
        ],
        ids=["yaml", "empty-yaml-title", "first-h1", "skip-fence", "stem", "not-heading"],
    )
    def test_title(self, content: str, expected: str) -> None:
        assert parse_markdown(content, MD).title == expected


class TestBadFrontMatter:
    """Front matter YAML refuses is a warning: the article, its body and what each line
    says on its own are kept (it used to cost the user the whole article)."""

    @pytest.mark.parametrize(
        ("content", "reason"),
        [
            (
                "---\ntitle: ok\ndate: [unclosed\n---\nBody\n",
                "front matter is not valid YAML"
                " (line 3: expected ',' or ']', but got '<stream end>'); read line by line",
            ),
            (
                "---\ntitle: a: b\n---\nBody\n",
                "front matter is not valid YAML (line 2: mapping values are not allowed here);"
                " read line by line",
            ),
            (
                "---\n- just\n- a list\n---\nBody\n",
                "front matter is not a list of 'key: value' lines; read line by line",
            ),
        ],
        ids=["unclosed-list", "colon", "not-a-mapping"],
    )
    def test_clear_reason_as_a_warning(self, content: str, reason: str) -> None:
        meta = parse_markdown(content, MD)
        assert meta.warnings[0] == reason
        assert content[meta.body_start :] == "Body\n"

    def test_each_line_is_recovered_where_it_can_be(self) -> None:
        content = (
            "---\n"
            "title: Dispatch 12: the vote\n"
            "date: 2023-05-04\n"
            "source: 'Wire: Reuters'\n"
            "author: \"Ann Lee\"\n"
            "tags:\n  - politics\n  - 'city hall'\n"
            "id: dispatch-12\n"
            "---\n\n"
            "The council met at noon.\n"
        )
        meta = parse_markdown(content, MD)
        assert meta.title == "Dispatch 12: the vote"
        assert meta.date == date(2023, 5, 4)
        assert (meta.source, meta.author) == ("Wire: Reuters", "Ann Lee")
        assert meta.tags == ("politics", "city hall")
        assert meta.id == "dispatch-12"
        assert content[meta.body_start :] == "The council met at noon.\n"
        assert meta.warnings == ("front matter is not valid YAML (line 2: mapping values are "
                                 "not allowed here); read line by line",)

    def test_a_recovered_export_mark_still_means_not_an_article(self) -> None:
        with pytest.raises(FormatError):
            parse_markdown("---\ntitle: a: b\nexported_at: 2023-05-04\n---\nBody\n", MD)

    def test_load_keeps_the_article_with_its_warning(self, write: WriteFile) -> None:
        path = write("bad.md", "---\ntitle: a: b\n---\nBody\n")
        loaded = load(path)
        assert loaded.article.title == "a: b"
        assert loaded.text.body == "Body\n"
        assert "line 2" in loaded.article.warnings[0]

    @pytest.mark.parametrize("suffix", [".md", ".markdown", ".MD"])
    def test_markdown_suffixes(self, write: WriteFile, suffix: str) -> None:
        loaded = load(write(f"a{suffix}", "---\ntitle: T\n---\nBody\n"))
        assert (loaded.article.format, loaded.text.body) == ("md", "Body\n")
