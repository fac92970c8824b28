"""Article-extraction quality: token precision / recall / F1 against ground truth.

`extract_quality.py DIR [--in-process]` finds pages with ground truth under DIR:

  - `ground-truth.json` ({id: {articleBody, url}}) beside `html/<id>.html.gz` (the
    article-extraction-benchmark layout);
  - `<name>/source.html` beside `<name>/expected.html` (the readability test-pages layout;
    the expected article's text is the truth).

For each page it scores `tuireader cat --json PATH`'s body (a fresh process per page, run from
this checkout's src/), and trafilatura and readability-lxml called directly, in the same run.
Tokens are words (`\\w+`, case-folded) counted as a multiset, so Markdown markers ("#", "-",
">") and punctuation are not words; a page's precision is the share of extracted tokens found
in the truth, recall the share of truth tokens extracted. Prints one row per page and the
mean of each column. `--in-process` calls `extract_page` directly instead of `tuireader cat`
(faster while developing; the figures are the same unless loading changes the text).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"\w+")
_BLOCKS = {
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br", "tr", "td",
    "th", "pre", "figcaption", "section", "article", "ul", "ol", "dd", "dt", "table",
}


@dataclass(frozen=True)
class Sample:
    name: str
    path: Path
    truth: str


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def tokens(text: str) -> Counter[str]:
    return Counter(word.casefold() for word in _WORD.findall(text))


def score(extracted: str, truth: str) -> Score:
    got, want = tokens(extracted), tokens(truth)
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(want.values()) if want else 0.0
    return Score(precision, recall)


def html_text(markup: str | bytes) -> str:
    """Visible text of an HTML document or fragment, blocks on their own lines."""
    from lxml import html

    root = html.fromstring(markup)
    for element in root.iter("script", "style", "noscript"):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return root.text_content()


def samples(directory: Path) -> Iterator[Sample]:
    for truth_file in sorted(directory.rglob("ground-truth.json")):
        truths = json.loads(truth_file.read_text(encoding="utf-8"))
        for page_id, entry in sorted(truths.items()):
            page = truth_file.parent / "html" / f"{page_id}.html.gz"
            if page.exists():
                yield Sample(page_id, page, entry.get("articleBody") or "")
    for expected in sorted(directory.rglob("expected.html")):
        source = expected.with_name("source.html")
        if source.exists():
            truth = html_text(expected.read_text(encoding="utf-8"))
            yield Sample(expected.parent.name, source, truth)


def page_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def ours_cat(path: Path) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run(
        [sys.executable, "-m", "tuireader", "cat", "--json", str(path)],
        capture_output=True, text=True, env=env, check=False,
    )
    if done.returncode != 0:
        print(f"  {path.name}: tuireader cat failed: {done.stderr.strip()}", file=sys.stderr)
        return ""
    return str(json.loads(done.stdout)["body"])


def ours_in_process(path: Path) -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from tuireader.web.extraction import extract_page

    return extract_page(page_bytes(path)).text


def trafilatura_text(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(page_bytes(path)) or ""


def readability_text(path: Path) -> str:
    from readability import Document

    return html_text(Document(page_bytes(path)).summary(html_partial=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--in-process", action="store_true")
    args = parser.parse_args()
    ours = ours_in_process if args.in_process else ours_cat
    extractors: dict[str, Callable[[Path], str]] = {
        "ours": ours, "trafilatura": trafilatura_text, "readability": readability_text,
    }
    found = list(samples(args.directory))
    if not found:
        sys.exit(f"extract_quality: no pages with ground truth under {args.directory}")
    columns = {name: [] for name in extractors}  # type: dict[str, list[Score]]
    print(f"{'page':<24}" + "".join(f"{name + ' P/R/F1':>26}" for name in extractors))
    for sample in found:
        row = f"{sample.name[:23]:<24}"
        for name, extract in extractors.items():
            result = score(extract(sample.path), sample.truth)
            columns[name].append(result)
            row += f"{result.precision:>10.3f}{result.recall:>8.3f}{result.f1:>8.3f}"
        print(row)
    print(f"{'mean (' + str(len(found)) + ' pages)':<24}" + "".join(
        f"{statistics.mean(s.precision for s in scores):>10.3f}"
        f"{statistics.mean(s.recall for s in scores):>8.3f}"
        f"{statistics.mean(s.f1 for s in scores):>8.3f}"
        for scores in columns.values()
    ))
    means = {name: statistics.mean(s.f1 for s in scores) for name, scores in columns.items()}
    print("\nmean F1: " + ", ".join(f"{name} {value:.3f}" for name, value in means.items()))


if __name__ == "__main__":
    main()
