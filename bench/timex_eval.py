"""Score tuireader.timeline on TimeML gold files with the shared TIMEX3 scorer.

    python bench/timex_eval.py GOLD_DIR [--scorer PATH] [--errors N] [--out DIR] [--by-folder]
        [--fold K/N | --train-fold K/N]

Dumps each document's text and reference date with the scorer, runs `extract_timeline`,
writes the scorer's JSON (one file per document, straight from `Event.to_json`) and prints the
scorer's report (overall and per gold type). `--fold K/N` scores only the documents of fold K
of N, `--train-fold K/N` every other one (the folds of bench/timeline_rows.py: cross-validate
by document).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from timeline_rows import parse_fold, selected_gold  # this folder is on a script's path

from tuireader.timeline import extract_timeline

DEFAULT_SCORER = Path("/work/shared/tools/timex_score.py")


def parse_reference(value: str) -> date | datetime | None:
    value = value.strip()
    try:
        return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value[:10])
    except ValueError:
        return None


def run(gold: Path, scorer: Path, errors: int, out: Path | None, by_folder: bool = False,
        fold: tuple[int, int] | None = None, inside: bool = True) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        gold = selected_gold(gold, Path(tmp), fold, inside)
        txt_dir = Path(tmp) / "txt"
        sys_dir = out or Path(tmp) / "sys"
        sys_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(scorer), "--dump-text", str(gold), str(txt_dir)],
                       check=True, stdout=subprocess.DEVNULL)
        started = time.perf_counter()
        n_docs = n_events = 0
        for txt in sorted(txt_dir.glob("*.txt")):
            text = txt.read_text(encoding="utf-8")
            ref = parse_reference(txt.with_suffix(".dct").read_text(encoding="utf-8"))
            events = extract_timeline(text, ref)
            n_docs += 1
            n_events += len(events)
            payload = {"timexes": [e.to_json() for e in events]}
            (sys_dir / f"{txt.stem}.json").write_text(json.dumps(payload), encoding="utf-8")
        took = time.perf_counter() - started
        print(f"extracted {n_events} timexes from {n_docs} documents in {took:.2f}s")
        cmd = [sys.executable, str(scorer), str(gold), str(sys_dir)]
        if errors:
            cmd += ["--errors", str(errors)]
        status = subprocess.run(cmd).returncode
        if by_folder:
            for part in sorted(p for p in gold.iterdir() if p.is_dir()):
                print(f"\n== {part.name} ==", flush=True)
                found = subprocess.run([sys.executable, str(scorer), str(part), str(sys_dir)],
                                       capture_output=True, text=True)
                # the other folders' system files are reported as extras; only figures matter
                lines = [ln for ln in found.stdout.splitlines() if not ln.startswith("warning:")]
                print("\n".join(lines))
        return status


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--errors", type=int, default=0, metavar="N")
    ap.add_argument("--out", type=Path, help="keep the system JSON here")
    ap.add_argument("--by-folder", action="store_true",
                    help="also score each sub-folder (e.g. TimeBank, AQUAINT) on its own")
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--fold", type=parse_fold, help="score only fold K of N")
    group.add_argument("--train-fold", type=parse_fold, help="score all but fold K of N")
    args = ap.parse_args(argv)
    if not args.gold_dir.is_dir():
        ap.error(f"not a directory: {args.gold_dir}")
    if not args.scorer.is_file():
        ap.error(f"scorer not found: {args.scorer} (pass --scorer)")
    return run(args.gold_dir, args.scorer, args.errors, args.out, args.by_folder,
               args.fold or args.train_fold, inside=args.fold is not None)


if __name__ == "__main__":
    sys.exit(main())
