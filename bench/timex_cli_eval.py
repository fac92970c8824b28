"""Score `tuireader timeline --json` the way the held-out TempEval set is scored.

Each gold document becomes a Markdown file whose front matter `date:` is its creation time;
the installed CLI extracts the timeline; offsets (into the file) are shifted back into the
document text and handed to the scorer. This checks the whole path a user's script takes,
not just the extractor (bench/timex_eval.py does that).

    python bench/timex_cli_eval.py /path/to/timex/train --scorer /path/to/timex_score.py
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def write_markdown(scorer: Path, gold: Path, work: Path) -> dict[str, int]:
    """<stem>.md per gold document under work/md, its creation time as front matter `date:`;
    returns each front matter's length (what shifts file offsets into document text)."""
    dump, markdown = work / "dump", work / "md"
    for folder in (dump, markdown):
        folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, str(scorer), "--dump-text", str(gold), str(dump)],
        check=True, capture_output=True,
    )
    header_lengths: dict[str, int] = {}
    for text_file in sorted(dump.glob("*.txt")):
        dct = text_file.with_suffix(".dct").read_text(encoding="utf-8").strip()
        header = f"---\ndate: {dct}\n---\n"
        header_lengths[text_file.stem] = len(header)
        body = text_file.read_text(encoding="utf-8")
        (markdown / f"{text_file.stem}.md").write_text(header + body, encoding="utf-8")
    return header_lengths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", type=Path, help="folder of TimeML .tml files")
    parser.add_argument("--scorer", type=Path, required=True, help="timex_score.py")
    parser.add_argument("--keep", type=Path, help="keep the Markdown and JSON files here")
    args = parser.parse_args()
    tuireader = shutil.which("tuireader")
    if tuireader is None:
        parser.error("the tuireader command is not installed (pip install -e .)")

    work = args.keep or Path(tempfile.mkdtemp(prefix="timex-cli-"))
    markdown, system = work / "md", work / "system"
    system.mkdir(parents=True, exist_ok=True)
    header_lengths = write_markdown(args.scorer, args.gold_dir, work)

    result = subprocess.run(
        [tuireader, "timeline", "--json", *sorted(str(p) for p in markdown.glob("*.md"))],
        capture_output=True, text=True, check=False,
    )
    if result.stderr:
        print(result.stderr, file=sys.stderr)
    for line in result.stdout.splitlines():
        record = json.loads(line)
        stem = Path(record["path"]).stem
        shift = header_lengths[stem]
        timexes = [
            {key: event[key] for key in ("text", "type", "value")}
            | {"start": event["start"] - shift, "end": event["end"] - shift}
            for event in record["events"]
        ]
        (system / f"{stem}.json").write_text(json.dumps({"timexes": timexes}), encoding="utf-8")

    score = subprocess.run(
        [sys.executable, str(args.scorer), str(args.gold_dir), str(system)],
        capture_output=True, text=True, check=False,
    )
    print(score.stdout, end="")
    print(score.stderr, end="", file=sys.stderr)
    return score.returncode


if __name__ == "__main__":
    raise SystemExit(main())
