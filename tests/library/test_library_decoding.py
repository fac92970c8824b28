"""Decoding: the encoding is detected, not assumed; binary and empty files are refused."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest

from tuireader.library import LoadError, load
from tuireader.library.decoding import DecodeError, decode

WriteFile = Callable[..., Path]

ARTICLE = (
    "Café owners protest “unfair” rent rises\n"
    "Date: 2022-09-01\n"
    "\n"
    "Owners of the café on the corner said the naïve plan would fail.\n"
)


class TestEncodings:
    @pytest.mark.parametrize(
        ("data", "encoding"),
        [
            (ARTICLE.encode("utf-8"), "utf-8"),
            (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8"),
            (ARTICLE.encode("utf-16"), "utf-16"),
            (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16"),
            (ARTICLE.encode("utf-32"), "utf-32"),
            (ARTICLE.encode("cp1252"), "cp1252"),
        ],
        ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-bom", "cp1252"],
    )
    def test_article_decodes_to_the_same_text(
        self, write: WriteFile, data: bytes, encoding: str
    ) -> None:
        loaded = load(write("a.txt", data))
        assert loaded.text.content == ARTICLE
        assert loaded.text.encoding == encoding
        assert loaded.article.title == "Café owners protest “unfair” rent rises"

    @pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
    def test_utf16_without_bom(self, write: WriteFile, encoding: str) -> None:
        loaded = load(write("a.txt", ARTICLE, encoding=encoding))
        assert (loaded.text.content, loaded.text.encoding) == (ARTICLE, "utf-16")

    def test_invalid_text_after_a_bom(self, write: WriteFile) -> None:
        with pytest.raises(LoadError) as caught:
            load(write("a.txt", codecs.BOM_UTF8 + b"Title \xff\xfe broken\n"))
        assert caught.value.reason == ("starts with a utf-8 byte order mark but is not valid utf-8")

    def test_latin1_accents_survive(self, write: WriteFile) -> None:
        text = "Résumé of the débâcle\n\nThe naïve façade crumbled at the café.\n"
        loaded = load(write("a.txt", text, encoding="latin-1"))
        assert loaded.text.content == text

    def test_shift_jis(self, write: WriteFile) -> None:
        text = "東京で会議\n\n首相は記者会見で、来月に新しい計画を発表すると述べた。\n"
        loaded = load(write("a.txt", text, encoding="shift_jis"))
        assert loaded.article.title == "東京で会議"
        assert loaded.text.body == "首相は記者会見で、来月に新しい計画を発表すると述べた。\n"

    def test_bom_is_dropped_so_offsets_start_at_the_text(self, write: WriteFile) -> None:
        loaded = load(write("a.txt", codecs.BOM_UTF8 + b"Title\n\nBody\n"))
        assert loaded.text.content.startswith("Title")
        assert loaded.text.body_start == loaded.text.content.index("Body")


class TestNewlines:
    @pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
    def test_universal_newlines(self, write: WriteFile, newline: str) -> None:
        raw = newline.join(["Title", "Source: Wire", "", "Line one", "Line two", ""])
        loaded = load(write("a.txt", raw))
        assert loaded.text.content == "Title\nSource: Wire\n\nLine one\nLine two\n"
        assert loaded.text.body == "Line one\nLine two\n"
        assert loaded.article.source == "Wire"


class TestRefusedFiles:
    @pytest.mark.parametrize(
        "data",
        [
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
            b"PK\x03\x04" + bytes(200),
            bytes([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0E, 0x0F] * 64),
        ],
        ids=["png", "zip", "control-bytes"],
    )
    def test_binary_file(self, write: WriteFile, data: bytes) -> None:
        with pytest.raises(LoadError) as caught:
            load(write("picture.txt", data))
        assert caught.value.reason == "binary file, not an article"

    @pytest.mark.parametrize("data", [b"", b"   \n\n\t\n", codecs.BOM_UTF8])
    def test_empty_file(self, write: WriteFile, data: bytes) -> None:
        with pytest.raises(LoadError) as caught:
            load(write("empty.md", data))
        assert caught.value.reason == "empty file"


class TestDecodeFunction:
    def test_decode_reports_a_reason_not_a_traceback(self) -> None:
        with pytest.raises(DecodeError, match="binary file"):
            decode(b"abc\x00def")

    def test_load_error_carries_path_and_reason(self, tmp_path: Path) -> None:
        missing = tmp_path / "gone.txt"
        with pytest.raises(LoadError) as caught:
            load(missing)
        assert caught.value.path == missing
        assert caught.value.reason == "no such file or directory"
        assert str(caught.value) == f"{missing}: no such file or directory"
