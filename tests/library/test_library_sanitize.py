"""sanitize: untrusted article text can't drive the terminal, and offsets survive."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuireader.library import load, sanitize

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
DANGEROUS = [chr(code) for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))] + list(BIDI)


class TestSanitizeEscapes:
    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("\x1b[2J\x1b[Hhi", "␛[2J␛[Hhi"),
            ("title\x1b]0;pwned\x07end", "title␛]0;pwned␇end"),
            ("bell\x07 null\x00 bs\x08", "bell␇ null␀ bs␈"),
            ("cr\rleft", "cr␍left"),
            ("del\x7fx", "del␡x"),
            ("c1 csi\x9b31m", "c1 csi\ufffd31m"),
            ("\x85next line", "\ufffdnext line"),
        ],
    )
    def test_controls_become_visible_stand_ins(self, raw: str, expected: str) -> None:
        assert sanitize(raw) == expected

    @pytest.mark.parametrize("raw", ["a\tb\nc", "café “quoted” — 東京 🚀", ""])
    def test_ordinary_text_newlines_and_tabs_unchanged(self, raw: str) -> None:
        assert sanitize(raw) == raw


class TestSanitizeBidi:
    @pytest.mark.parametrize(
        "control",
        ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"],
    )
    def test_bidi_overrides_and_isolates_replaced(self, control: str) -> None:
        assert sanitize(f"invoice{control}fdp.exe") == "invoice\ufffdfdp.exe"


class TestSanitizeOffsets:
    def test_offset_of_a_word_after_an_escape_sequence_is_unchanged(self) -> None:
        raw = "Intro \x1b[31mred\x1b[0m then the word Geneva appears"
        clean = sanitize(raw)
        assert len(clean) == len(raw)
        assert clean.index("Geneva") == raw.index("Geneva")

    @given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from(DANGEROUS))))
    def test_length_preserved_and_no_controls_left(self, raw: str) -> None:
        clean = sanitize(raw)
        assert len(clean) == len(raw)
        leftovers = [
            char for char in clean if unicodedata.category(char) == "Cc" and char not in "\n\t"
        ]
        assert leftovers == []
        assert not set(clean) & set(BIDI)

    @given(st.text(alphabet=st.characters(exclude_categories=["Cc"])))
    def test_text_without_controls_only_loses_bidi(self, raw: str) -> None:
        expected = "".join("\ufffd" if char in BIDI else char for char in raw)
        assert sanitize(raw) == expected


class TestMetadataIsSanitized:
    def test_yaml_escapes_cannot_smuggle_control_characters(self, tmp_path: Path) -> None:
        path = tmp_path / "a.md"
        path.write_text(
            '---\ntitle: "Clear\\e[2J screen"\nsource: "x\\x07"\nauthor: "\\u202eevil"\n'
            'tags: ["a\\x9b"]\nid: "id\\e"\ndate: "\\e[31m"\n---\nBody\n'
        )
        article = load(path).article
        assert article.title == "Clear␛[2J screen"
        assert (article.source, article.author) == ("x␇", "\ufffdevil")
        assert (article.tags, article.id) == (("a\ufffd",), "id␛")
        assert article.warnings == ("date '␛[31m' not understood",)

    def test_file_name_used_as_title_is_sanitized(self, tmp_path: Path) -> None:
        path = tmp_path / "evil\x1b]0;x\x07.md"
        path.write_text("No heading here.\n")
        assert load(path).article.title == "evil␛]0;x␇"
