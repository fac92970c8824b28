"""The fast front-matter reader must give exactly what YAML gives, or step aside."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tuireader.library.formats import FormatError, ParsedMetadata, markdown
from tuireader.library.formats.simple_front_matter import simple_front_matter

KEYS = ["title", "Title", "date", "DATE", "source", "author", "tags", "id", "x_y", "a-b",
        "yes", "null", "on", "True", "_", "my key", "<<", "1", "title "]
VALUES = ["Council vote delayed", "2022-09-01", "2022-09-01T10:00:00", "2022-09-01 10:00:00",
          "2022-09-01t10:00:00.5Z", "2022-09-01 10:00:00 +02:00", "2022-9-1", "12", "1:30",
          "0x1F", "010", "1_000", "1.5", "1e3", ".inf", "-.INF", ".nan", "yes", "No", "ON",
          "~", "null", "NULL", "", "C#", "Issue #5", "a #b", "a: b", "a:b", "x:", "Q&A",
          "Wow!", "*alias", "&anchor x", "!tag x", "!!str 5", "|", ">", "%x", "@x", "`x`",
          "-5", "- item", "-foo", "?x", "? x", "[a, b]", "[a, b,]", "[]", "[ ]", "[a, [b]]",
          "[yes, 12, 2022-01-01]", "[\"a b\", c]", "[\"a,b\"]", "['a']", "{a: 1}", "{}",
          "\"quoted\"", "\"with \\\" escape\"", "\"a\" \"b\"", "\"\"", "'single'", "'it''s'",
          "'bad ' quote'", "''", "\"open", "'open", "x [y]", "x {y}", "x, y", "a  b",
          "Ünïcödé — dash", "tab\there", "…", "\u2028", "\ufeff", "\x85", "=", "<<",
          "2022-02-30", "9999-12-31T23:59:59", "1:2:3:4", "+12", "0o17", "0b101"]


def _yaml(block: str) -> object:
    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError as error:
        return f"error {type(error).__name__}"
    return {} if loaded is None else loaded


lines = st.one_of(
    st.builds(lambda k, sep, v: f"{k}{sep}{v}", st.sampled_from(KEYS),
              st.sampled_from([": ", ":", ":   ", ": \t", " : "]),
              st.one_of(st.sampled_from(VALUES), st.text(max_size=12))),
    st.sampled_from(["", "   ", "# comment", "  # indented comment", "- item", "  nested: 1",
                     "title: |", "  block text", "---", "..."]),
)


class TestSameAsYaml:
    @settings(max_examples=1500, deadline=None)
    @given(st.lists(lines, max_size=8).map(lambda items: "\n".join(items) + "\n"))
    @example("title: \"Council vote\"\ndate: 2022-09-01\ntags: [a, b]\n")
    @example("title: a\ntitle: b\nTitle: c\n")
    def test_fast_mapping_equals_yaml(self, block: str) -> None:
        fast = simple_front_matter(block)
        if fast is not None:
            assert repr(fast) == repr(_yaml(block))

    @pytest.mark.parametrize("value", VALUES)
    @pytest.mark.parametrize("key", ["title", "date", "tags"])
    def test_each_value_alone(self, key: str, value: str) -> None:
        block = f"{key}: {value}\n"
        fast = simple_front_matter(block)
        if fast is not None:
            assert repr(fast) == repr(_yaml(block))

    @pytest.mark.parametrize(
        "block",
        [
            'title: "Council vote"\ndate: 2022-09-01T10:30:00\nsource: "Daily"\n'
            "author: Ana Silva\ntags: [politics, economy]\n",
            "title: It's a plain title, with a comma\ndate: 2022-09-01\n",
            "# a comment\n\ntitle: 'it''s quoted'\nid: abc-123\n",
            "date: 2022-09-01 10:00:00 +02:00\ntags: [2022, yes]\n",
            "",
        ],
    )
    def test_common_front_matter_takes_the_fast_path(self, block: str) -> None:
        fast = simple_front_matter(block)
        assert fast is not None
        assert repr(fast) == repr(_yaml(block))

    @pytest.mark.parametrize(
        "block",
        ["title: |\n  multi\n", "tags:\n  - a\n  - b\n", "title: a # note\n",
         "title: *ref\n", "title: [a, [b]]\n", "yes: 1\n", "title:\tx\n", "title: \"a\\tb\"\n"],
    )
    def test_complex_front_matter_is_left_to_yaml(self, block: str) -> None:
        assert simple_front_matter(block) is None


def _parse(content: str, *, fast: bool, monkeypatch: pytest.MonkeyPatch) -> ParsedMetadata | str:
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(markdown, "simple_front_matter", lambda block: None)
        try:
            return markdown.parse_markdown(content, Path("note.md"))
        except FormatError as error:
            return f"FormatError: {error.reason}"


class TestSameMetadata:
    @settings(max_examples=600, deadline=None)
    @given(st.lists(lines, max_size=7), st.sampled_from(["# Heading\n\nBody.\n", "Body.\n", ""]))
    def test_parse_markdown_fast_equals_yaml_only(
        self, front: list[str], body: str
    ) -> None:
        content = "---\n" + "\n".join(front) + "\n---\n" + body
        with pytest.MonkeyPatch.context() as monkeypatch:
            fast = _parse(content, fast=True, monkeypatch=monkeypatch)
            slow = _parse(content, fast=False, monkeypatch=monkeypatch)
        assert repr(fast) == repr(slow)

    def test_generated_library_article(self, monkeypatch: pytest.MonkeyPatch) -> None:
        content = (
            '---\ntitle: "The council approved disputed vote in Oslo"\n'
            "date: 2011-04-05T13:07:00\nsource: \"Harbour Gazette\"\n"
            'author: "Ana Silva"\ntags: [economy, health]\n---\n\nOslo, Tuesday — text.\n'
        )
        fast = _parse(content, fast=True, monkeypatch=monkeypatch)
        assert isinstance(fast, ParsedMetadata)
        assert fast.title == "The council approved disputed vote in Oslo"
        assert fast.tags == ("economy", "health")
        assert repr(fast) == repr(_parse(content, fast=False, monkeypatch=monkeypatch))



class TestImpossibleTimestamps:
    @pytest.mark.parametrize("front", ["date: 2022-02-30", "date: '2022-02-30'",
                                       "date: 2022-02-30\ntags:\n  - x"])
    def test_calendar_impossible_date_is_a_warning_not_a_crash(self, front: str) -> None:
        meta = markdown.parse_markdown(f"---\ntitle: A\n{front}\n---\nBody\n", Path("a.md"))
        assert meta.title == "A"
        assert meta.date is None
        assert meta.warnings == ("date '2022-02-30' not understood",)
