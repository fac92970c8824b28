"""Words per second: tuireader.timeline against dateparser's search_dates on the same texts.

    python bench/timeline_speed.py [DIR] [--repeat N] [--limit N]

DIR holds .txt files (with optional <stem>.dct reference dates, as the TIMEX scorer's
--dump-text writes) or .md files with a front-matter `date:`. Default: a dump of the TempEval
training set if the shared scorer is present, else sample_articles/. Prints figures only.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tuireader.timeline import extract_timeline  # noqa: E402  (after the src path insert)

SCORER = Path("/work/shared/tools/timex_score.py")
GOLD = Path("/work/shared/data/timex/train")
_FRONT_DATE = re.compile(r"^date:\s*['\"]?(\d{4}-\d\d-\d\d)", re.MULTILINE)


def load_texts(folder: Path) -> list[tuple[str, date | None]]:
    out: list[tuple[str, date | None]] = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".txt", ".md") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        ref: date | None = None
        dct = path.with_suffix(".dct")
        found = _FRONT_DATE.search(text) if path.suffix == ".md" else None
        raw = dct.read_text().strip()[:10] if dct.exists() else (found.group(1) if found else "")
        try:
            ref = date.fromisoformat(raw) if raw else None
        except ValueError:
            ref = None
        out.append((text, ref))
    return out


def words_per_second(fn: Callable[[str, date | None], object],
                     texts: list[tuple[str, date | None]], repeat: int) -> tuple[float, float]:
    words = sum(len(t.split()) for t, _ in texts)
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text, ref in texts:
            fn(text, ref)
        best = min(best, time.perf_counter() - started)
    return words / best, best


def ours(text: str, ref: date | None) -> object:
    return extract_timeline(text, ref)


def dateparser_search(text: str, ref: date | None) -> object:
    from dateparser.search import search_dates

    settings: dict[str, object] = {}
    if ref is not None:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
    try:
        return search_dates(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises on some inputs; count the time, not the failure
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N texts")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder
        if folder is None and SCORER.is_file() and GOLD.is_dir():
            folder = Path(tmp) / "dump"
            subprocess.run([sys.executable, str(SCORER), "--dump-text", str(GOLD), str(folder)],
                           check=True, stdout=subprocess.DEVNULL)
        elif folder is None:
            folder = ROOT / "sample_articles"
        if not folder.is_dir():
            ap.error(f"not a directory: {folder}")
        texts = load_texts(folder)
    if args.limit:
        texts = texts[: args.limit]
    if not texts:
        print(f"no .txt or .md files in {folder}")
        return 1
    words = sum(len(t.split()) for t, _ in texts)
    print(f"{len(texts)} texts, {words} words from {folder}")
    dateparser_search(texts[0][0][:200], None)  # warm-up: dateparser loads its language data
    extract_timeline("warm up on 1 May 2020", None)
    ours_wps, ours_s = words_per_second(ours, texts, args.repeat)
    dp_wps, dp_s = words_per_second(dateparser_search, texts, max(1, args.repeat // 3))
    print(f"tuireader.timeline      {ours_wps:10.0f} words/s  ({ours_s:.2f}s)")
    print(f"search_dates(['en'])    {dp_wps:10.0f} words/s  ({dp_s:.2f}s)")
    print(f"ratio                   {ours_wps / dp_wps:10.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
