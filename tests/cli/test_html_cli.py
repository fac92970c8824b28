"""`tuireader cat` and `timeline` on a saved web page."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tuireader.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "web"


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.html"
    shutil.copy(FIXTURES / "news_page.html", path)
    return path


def test_cat_json_gives_the_extracted_article(
    page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cat", str(page), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Harbour bridge reopens after repairs"
    assert data["author"] == "Marta Olsen"
    assert data["date"][:10] == "2023-03-09"
    assert data["source"] == "https://gazette.example/2023/03/harbour-bridge-reopens"
    assert data["body"].startswith("The harbour bridge reopened to traffic on Thursday morning")
    assert "<p>" not in data["body"] and "riverwatcher" not in data["body"]


def test_the_page_date_is_the_timeline_reference(
    page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["timeline", str(page), "--json"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert record["reference_date"][:10] == "2023-03-09"
    values = {event["text"]: event["value"] for event in record["events"]}
    assert values["Thursday morning"][:10] == "2023-03-09"  # "on Thursday morning"


def test_cat_on_a_page_without_an_article_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "app.html"
    shutil.copy(FIXTURES / "no_article.html", path)
    assert main(["cat", str(path)]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"tuireader: {path}: no article text found in this page\n"
