"""The command line, driven in-process through `main` as a user would call it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from tests.cli.conftest import UN_TEXT

from tuireader.cli import main
from tuireader.library import loading
from tuireader.library.loading import load
from tuireader.store import Database
from tuireader.timeline import TimelineCache
from tuireader.timeline.cache import event_from_json


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


class TestList:
    def test_json_lists_each_article_with_state(self, library, capsys):
        assert main(["list", str(library), "--json"]) == 0
        rows = {row["title"]: row for row in json_lines(capsys.readouterr().out)}
        assert set(rows) == {"UN rights office publishes Xinjiang assessment",
                             "Storm season opens"}
        storm = rows["Storm season opens"]
        assert storm["date"] == "2022-06-01"
        assert storm["tags"] == ["weather"]
        assert storm["read"] is False and storm["starred"] is False
        assert storm["path"].endswith("storm.md")

    def test_table_shows_titles(self, library, capsys):
        assert main(["list", str(library)]) == 0
        out = capsys.readouterr().out
        assert "Storm season opens" in out and "2022-09-01" in out

    def test_bad_files_are_reported_on_stderr_and_the_rest_listed(self, library, capsys):
        (library / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
        assert main(["list", str(library), "--json"]) == 1
        captured = capsys.readouterr()
        assert len(json_lines(captured.out)) == 2
        assert "broken.txt" in captured.err and "binary" in captured.err
        assert "Traceback" not in captured.err

    def test_a_file_to_fix_is_listed_marked_and_said_once(self, library, capsys):
        (library / "loose.md").write_text(
            "---\ntitle: Loose front matter\ntags: [a, [b]]\n---\n\nText.\n", encoding="utf-8")
        assert main(["list", str(library), "--json"]) == 0  # read: a warning is no failure
        captured = capsys.readouterr()
        rows = {row["title"]: row for row in json_lines(captured.out)}
        assert rows["Loose front matter"]["warnings"] == [
            "front matter 'tags' has entries that are not single values; skipped"]
        assert rows["Storm season opens"]["warnings"] == []
        assert captured.err.count("tuireader: warning: ") == 1
        assert "loose.md: front matter 'tags' has entries" in captured.err
        assert main(["list", str(library)]) == 0
        [line] = [line for line in capsys.readouterr().out.splitlines() if "Loose" in line]
        assert "⚠" in line

    def test_an_empty_folder_says_what_to_give(self, tmp_path, capsys):
        (tmp_path / "empty").mkdir()
        assert main(["list", str(tmp_path / "empty"), "--json"]) == 0
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err == (f"tuireader: no articles found in {tmp_path / 'empty'}; give "
                                "folders of .txt, .md, .html or feed files\n")

    def test_missing_path_is_a_clear_message(self, tmp_path, capsys):
        assert main(["list", str(tmp_path / "nowhere")]) == 1
        assert "nowhere" in capsys.readouterr().err

    def test_ctrl_c_keeps_what_was_indexed_for_the_next_list(self, tmp_path, capsys,
                                                             monkeypatch):
        folder = tmp_path / "big"
        folder.mkdir()
        for number in range(6):
            (folder / f"{number}.md").write_text(f"# Story {number}\n\nText.\n")
        read: list[Path] = []
        real = loading.load_articles

        def interrupted_once(path: Path):
            read.append(path)
            if len(read) == 4:
                raise KeyboardInterrupt  # Ctrl-C while the fourth file is read
            return real(path)

        monkeypatch.setattr(loading, "load_articles", interrupted_once)
        assert main(["list", str(folder), "--json"]) == 130
        assert capsys.readouterr().out == ""
        assert main(["list", str(folder), "--json"]) == 0
        assert [path.name for path in read[4:]] == ["3.md", "4.md", "5.md"]
        assert len(json_lines(capsys.readouterr().out)) == 6


class TestCat:
    def test_prints_header_and_body(self, library, capsys):
        assert main(["cat", str(library / "un.txt")]) == 0
        out = capsys.readouterr().out
        assert out.startswith("UN rights office publishes Xinjiang assessment\n")
        assert "Source: https://example.org/un" in out
        assert out.rstrip().endswith("China rejected it on Thursday.")

    def test_json_body_offset_points_into_the_file(self, library, capsys):
        assert main(["cat", str(library / "un.txt"), "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert UN_TEXT[data["body_start"]:] == data["body"]
        assert data["date"] == "2022-09-01"

    def test_escape_sequences_are_neutralised(self, tmp_path, capsys):
        evil = tmp_path / "evil.txt"
        evil.write_text("Title \x1b[31mred\x1b[0m\n\nBody \x1b]0;pwned\x07 text\n")
        assert main(["cat", str(evil)]) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out
        assert "red" in out and "pwned" in out

    def test_missing_file(self, tmp_path, capsys):
        assert main(["cat", str(tmp_path / "gone.txt")]) == 2
        err = capsys.readouterr().err
        assert "gone.txt" in err and "Traceback" not in err

    def test_a_folder_is_said_to_be_a_folder(self, library, capsys):
        """It said 'unsupported file type (no suffix)'; `notes add` shares the lookup."""
        for command in (["cat", str(library)], ["notes", "add", str(library), "--text", "x"]):
            assert main(command) == 2
            err = capsys.readouterr().err
            assert err.startswith("tuireader: ") and err.count("\n") == 1
            assert "is a folder" in err and "tuireader list" in err
            assert "unsupported" not in err


class TestTimeline:
    def test_json_offsets_index_the_decoded_file(self, library, capsys):
        assert main(["timeline", str(library / "un.txt"), "--json"]) == 0
        [record] = json_lines(capsys.readouterr().out)
        assert record["reference_date"] == "2022-09-01"
        assert record["title"] == "UN rights office publishes Xinjiang assessment"
        for event in record["events"]:
            assert UN_TEXT[event["start"]:event["end"]] == event["text"]
            assert event["type"] in {"DATE", "TIME", "DURATION", "SET"}
            assert event["resolution"] in {"absolute", "relative", "inferred", "unresolved"}
            assert event["sentence"]
        values = {event["text"]: event["value"] for event in record["events"]}
        assert values.get("Thursday") == "2022-09-01"
        assert "2022-08-31" in {v[:10] for v in values.values()}

    def test_json_rows_are_events_with_their_expressions(self, library, capsys):
        assert main(["timeline", str(library / "un.txt"), "--json"]) == 0
        [record] = json_lines(capsys.readouterr().out)
        assert [event["text"] for event in record["events"]] == [  # one per expression
            "11:47 p.m.", "31 August 2022", "Thursday"]
        ids = {event["id"] for event in record["events"]}
        release, rejection = record["rows"]
        assert UN_TEXT[release["anchor"]:].startswith("11:47 p.m.")
        assert (release["value"], release["end_value"]) == ("2022-08-31T23:47", None)
        assert release["start"] == "2022-08-31T23:47:00"
        assert release["granularity"] == "minute"
        assert release["label"] in UN_TEXT and release["derived_from"] is None
        assert set(release["expressions"]) <= ids
        assert rejection["value"] == "2022-09-01"

    def test_the_end_of_a_term_is_a_row_derived_from_the_release(self, capsys):
        sample = Path(__file__).parents[2] / "sample_articles" / "un-xinjiang-assessment.txt"
        assert main(["timeline", str(sample), "--json"]) == 0
        [record] = json_lines(capsys.readouterr().out)
        by_value = {row["value"]: row for row in record["rows"]}
        release, close = by_value["2022-08-31T23:47"], by_value["2022-09-01T00:00"]
        assert close["derived_from"]["event"] == release["expressions"][0]
        assert close["derived_from"]["offset"] == "+PT13M"
        assert close["label"].startswith("13 minutes before")
        assert "2022-08" not in by_value and "2022-08-31" not in by_value

    def test_reads_the_timeline_the_app_cached(self, library, data_dir, capsys):
        text = load(library / "un.txt").text
        assert main(["timeline", str(library / "un.txt"), "--json"]) == 0
        [first] = json_lines(capsys.readouterr().out)
        cached = first["events"][-1] | {"value": "1999-12-31", "start": 0, "end": 3,
                                         "interval": {"start": "1999-12-31T00:00:00",
                                                      "end": "2000-01-01T00:00:00",
                                                      "granularity": "day"}}
        cache = TimelineCache(data_dir / "cache" / "timelines")
        cache.put(text.body, date(2022, 9, 1), [event_from_json(cached)])
        assert main(["timeline", str(library / "un.txt"), "--json"]) == 0
        [second] = json_lines(capsys.readouterr().out)
        assert [event["value"] for event in second["events"]] == ["1999-12-31"]
        assert [row["value"] for row in second["rows"]] == ["1999-12-31"]

    def test_reference_date_option_overrides_the_article_date(self, library, capsys):
        assert main(["timeline", str(library / "un.txt"), "--json",
                     "--reference-date", "2022-09-08"]) == 0
        [record] = json_lines(capsys.readouterr().out)
        assert record["reference_date"] == "2022-09-08"
        values = {event["text"]: event["value"] for event in record["events"]}
        assert values.get("Thursday") == "2022-09-08"

    def test_a_date_given_in_the_app_dates_an_undated_article(self, tmp_path, data_dir, capsys):
        seed = tmp_path / "seed.txt"
        seed.write_text("UN report out\n\nIt was published with 13 minutes left at 11:47 p.m. "
                        "on 31 August. China rejected it on Thursday.\n", encoding="utf-8")
        assert main(["list", str(seed), "--json"]) == 0
        [listed] = json_lines(capsys.readouterr().out)
        assert main(["timeline", str(seed), "--json"]) == 0
        [record] = json_lines(capsys.readouterr().out)
        assert record["reference_date"] is None and record["rows"] == []
        assert main(["timeline", str(seed)]) == 0  # the table says how to date it
        assert "--reference-date YYYY-MM-DD, or D in the app" in " ".join(
            capsys.readouterr().out.split())

        with Database(data_dir) as db:  # what D in the app keeps
            db.reference_dates.set(listed["id"], date(2022, 9, 1))
        assert main(["timeline", str(seed), "--json"]) == 0
        [record] = json_lines(capsys.readouterr().out)
        assert record["reference_date"] == "2022-09-01"
        values = [row["value"] for row in record["rows"]]
        assert "2022-08-31T23:47" in values and "2022-09-01" in values
        assert main(["timeline", str(seed), "--json", "--reference-date", "2021-09-01"]) == 0
        [record] = json_lines(capsys.readouterr().out)
        assert record["reference_date"] == "2021-09-01"  # the option still has the last word

    def test_dates_read_as_words_and_a_range_does_not_widen_the_date_column(
            self, tmp_path, capsys):
        launch = tmp_path / "launch.md"
        launch.write_text(
            "---\ntitle: Launch\ndate: 2021-12-26\n---\n\nThe storm formed late last week. "
            "Bad weather pushed the launch from December 24th to Christmas morning. It lifted "
            "off at 7:20 a.m. yesterday. Crews worked on the pad overnight.\n", encoding="utf-8")
        assert main(["timeline", str(launch)]) == 0
        lines = capsys.readouterr().out.splitlines()[2:-1]
        week = next(line for line in lines if "late last week" in line)
        assert week.startswith("week of 2021-12-13 ") and "-W" not in "\n".join(lines)
        night = next(line for line in lines if "overnight" in line)
        assert night.startswith("2021-12-26 night ")
        # The range's end goes below its start: every row's mark stays in one column, as
        # near the dates as the widest of the others lets it.
        start = next(i for i, line in enumerate(lines) if "December 24th" in line)
        assert lines[start].startswith("2021-12-24 Fri ")
        assert lines[start + 1] == "  – 2021-12-25 Sat"  # on its own line, written out
        marks = {line.index("  ~  ") for line in lines if "  ~  " in line}
        assert marks == {len("week of 2021-12-13")}

    def test_the_also_line_gives_no_date_to_what_is_no_date(self, tmp_path, capsys):
        match = tmp_path / "match.md"
        match.write_text("---\ntitle: Cup final\ndate: 2022-12-19\n---\n\nFrance scored "
                         "twice in the second half, and the game lasted more than two hours.\n",
                         encoding="utf-8")
        assert main(["timeline", str(match)]) == 0
        out = capsys.readouterr().out
        [also] = [line for line in out.splitlines() if line.startswith("also: ")]
        assert also == "also: not dated here: the second half · how long: more than two hours"

    def test_one_json_object_per_article(self, library, capsys):
        assert main(["timeline", str(library), "--json"]) == 0
        assert len(json_lines(capsys.readouterr().out)) == 2

    def test_human_output_shows_resolved_dates(self, library, capsys):
        assert main(["timeline", str(library / "un.txt")]) == 0
        out = capsys.readouterr().out
        assert "2022-09-01" in out and "China rejected it on Thursday." in out

    def test_human_output_shows_one_row_per_event(self, library, capsys):
        assert main(["timeline", str(library / "un.txt")]) == 0
        lines = capsys.readouterr().out.splitlines()
        release = [line for line in lines if "released the report" in line]
        assert len(release) == 1 and release[0].startswith("2022-08-31 23:47")

    @pytest.mark.parametrize("bad", ["yesterday", "2022-13-01", "01/09/2022"])
    def test_bad_reference_date_is_a_usage_error(self, library, bad, capsys):
        with pytest.raises(SystemExit) as exit_info:
            main(["timeline", str(library), "--reference-date", bad])
        assert exit_info.value.code == 2
        assert "YYYY-MM-DD" in capsys.readouterr().err


def test_help_lists_every_command_in_one_aligned_column(capsys) -> None:
    from tuireader.commands import COMMANDS

    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    listed = out[out.index("commands (each has its own --help):"):].splitlines()[1:]
    assert [line.split()[0] for line in listed] == list(COMMANDS)
    columns = {len(line) - len(line[2:].split(maxsplit=1)[1]) for line in listed}
    assert len(columns) == 1, listed  # 'unsubscribe' had a column of its own
