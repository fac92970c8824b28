"""Score the rows of `tuireader timeline --json` sentence by sentence against TimeML gold.

Each gold document becomes a Markdown file whose front matter `date:` is its creation time;
the CLI (this checkout's source) extracts the timeline; each row's anchor (an offset into the
file) is shifted back into the document text and handed to the rows scorer
(timeline_rows_score.py: one row per distinct date per sentence, at its most precise value).
Output that has no `rows` yet (before issue #13) is scored as one row per calendar DATE/TIME
expression, which is what such a timeline shows.

    python bench/timeline_rows.py GOLD_DIR --scorer /path/to/timeline_rows_score.py
        [--fold K/N | --train-fold K/N] [--errors N] [--keep DIR]

`--fold K/N` scores the documents of fold K of N (documents are dealt to folds by a hash of
their file name, so a fold is the same on every run); `--train-fold K/N` scores every other
document: develop on one, check on the other.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from timex_cli_eval import write_markdown  # this folder is on the path of a script run here

SOURCE = Path(__file__).resolve().parents[1] / "src"
CALENDAR = re.compile(r"^\d{4}(?:$|-)")


def fold_of(stem: str, folds: int) -> int:
    return int(hashlib.sha1(stem.encode()).hexdigest(), 16) % folds


def parse_fold(value: str) -> tuple[int, int]:
    k, n = (int(part) for part in value.split("/"))
    if not 0 <= k < n:
        raise argparse.ArgumentTypeError("K/N with 0 <= K < N")
    return k, n


def selected_gold(gold: Path, work: Path, fold: tuple[int, int] | None, inside: bool) -> Path:
    """GOLD_DIR itself, or a copy of the documents of (or outside) the fold."""
    if fold is None:
        return gold
    k, n = fold
    chosen = work / "gold"
    chosen.mkdir(parents=True, exist_ok=True)
    for tml in sorted(gold.rglob("*.tml")):
        if (fold_of(tml.stem, n) == k) == inside:
            shutil.copy(tml, chosen / tml.name)
    return chosen


def rows_of(record: dict[str, Any], shift: int) -> list[dict[str, Any]]:
    """The record's rows with anchors in document text; one per calendar expression when the
    output has no rows."""
    if "rows" in record:
        return [
            {"anchor": row["anchor"] - shift, "value": row["value"],
             "end_value": row.get("end_value")}
            for row in record["rows"]
        ]
    return [
        {"anchor": event["start"] - shift, "value": event["value"], "end_value": None}
        for event in record["events"]
        if event["type"] in ("DATE", "TIME") and CALENDAR.match(event["value"])
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", type=Path, help="folder of TimeML .tml files")
    parser.add_argument("--scorer", type=Path, required=True, help="timeline_rows_score.py")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--fold", type=parse_fold, help="score only fold K of N")
    group.add_argument("--train-fold", type=parse_fold, help="score all but fold K of N")
    parser.add_argument("--errors", type=int, default=0, help="show N differing sentences")
    parser.add_argument("--keep", type=Path, help="keep the Markdown and JSON files here")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="timeline-rows-"))
    fold = args.fold or args.train_fold
    gold = selected_gold(args.gold_dir, work, fold, inside=args.fold is not None)
    header_lengths = write_markdown(args.scorer.parent / "timex_score.py", gold, work)
    system = work / "system"
    system.mkdir(parents=True, exist_ok=True)

    env = dict(os.environ, PYTHONPATH=f"{SOURCE}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
               TUIREADER_DATA_DIR=str(work / "data"))  # a fresh timeline cache, not the user's
    result = subprocess.run(
        [sys.executable, "-m", "tuireader", "timeline", "--json",
         *sorted(str(p) for p in (work / "md").glob("*.md"))],
        capture_output=True, text=True, check=False, env=env,
    )
    if result.stderr:
        print(result.stderr, file=sys.stderr)
    for line in result.stdout.splitlines():
        record = json.loads(line)
        stem = Path(record["path"]).stem
        rows = rows_of(record, header_lengths[stem])
        (system / f"{stem}.json").write_text(json.dumps({"rows": rows}), encoding="utf-8")

    command = [sys.executable, str(args.scorer), str(gold), str(system)]
    if args.errors:
        command += ["--errors", str(args.errors)]
    score = subprocess.run(command, capture_output=True, text=True, check=False)
    print(score.stdout, end="")
    print(score.stderr, end="", file=sys.stderr)
    return score.returncode


if __name__ == "__main__":
    raise SystemExit(main())
