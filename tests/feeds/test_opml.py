"""`tuireader opml import/export`: another reader's OPML in, the same subscriptions out."""

from __future__ import annotations

from pathlib import Path

import pytest
from feeds_support import FIXTURES, run, subscriptions

from tuireader.feeds.opml import OPMLError, read_opml


def test_import_keeps_the_folders_and_skips_refused_urls(capsys) -> None:
    status, out, err = run(capsys, "opml", "import", str(FIXTURES / "other_reader.opml"))
    assert status == 1  # one outline was skipped
    assert out.startswith("imported 3 subscriptions (0 already subscribed)")
    assert err == ("tuireader: skipped file:///home/someone/feed.xml: file: URLs are refused "
                   "(only http and https are fetched)\n")
    groups = {sub["url"]: (sub["title"], sub["group"]) for sub in subscriptions(capsys)}
    assert groups == {
        "http://feeds.example/harbour.xml": ("Harbour Gazette", ["News"]),
        "http://feeds.example/plants.rdf": ("Plant Letters", ["News", "Science"]),
        "http://feeds.example/sky.json": ("Night Sky Notes", []),
    }


def test_importing_twice_adds_nothing(capsys) -> None:
    run(capsys, "opml", "import", str(FIXTURES / "other_reader.opml"))
    _status, out, _err = run(capsys, "opml", "import", str(FIXTURES / "other_reader.opml"))
    assert out.startswith("imported 0 subscriptions (3 already subscribed)")
    assert len(subscriptions(capsys)) == 3


def test_round_trip_through_export(capsys, tmp_path: Path, monkeypatch) -> None:
    run(capsys, "opml", "import", str(FIXTURES / "other_reader.opml"))
    before = subscriptions(capsys)
    exported = tmp_path / "out.opml"
    status, out, _err = run(capsys, "opml", "export", "--out", str(exported))
    assert (status, out) == (0, f"{exported}\n")
    found = read_opml(exported.read_bytes())
    assert not found.refused

    monkeypatch.setenv("TUIREADER_DATA_DIR", str(tmp_path / "elsewhere"))
    status, _out, _err = run(capsys, "opml", "import", str(exported))
    assert status == 0
    after = subscriptions(capsys)
    assert [(sub["url"], sub["title"], sub["group"]) for sub in after] == [
        (sub["url"], sub["title"], sub["group"]) for sub in before]


def test_export_to_standard_output_is_opml(capsys) -> None:
    run(capsys, "opml", "import", str(FIXTURES / "other_reader.opml"))
    status, out, _err = run(capsys, "opml", "export")
    assert status == 0 and out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml')
    assert 'xmlUrl="http://feeds.example/plants.rdf"' in out


def test_hostile_opml_is_refused(tmp_path: Path, capsys) -> None:
    hostile = tmp_path / "x.opml"
    hostile.write_text('<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM '
                       '"file:///etc/passwd">]><opml><body><outline text="&x;" '
                       'xmlUrl="http://a.example/f"/></body></opml>')
    status, out, err = run(capsys, "opml", "import", str(hostile))
    assert status == 1 and out == "" and "refused" in err
    assert "root:" not in err


@pytest.mark.parametrize(("data", "reason"), [
    (b"<opml><body><outline", "not valid XML"),
    (b"<rss/>", "not OPML"),
])
def test_what_is_not_opml_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(OPMLError, match=reason):
        read_opml(data)
