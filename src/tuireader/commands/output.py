"""What every sub-command shares: reporting load problems, JSON lines, safe console output."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.console import COLOR_SYSTEMS, Console
from rich.style import Style

from tuireader.json_lines import json_line
from tuireader.library import Article, LoadProblem, iter_scan, sanitize
from tuireader.library.skipped import skipped_notice

PIPE_WIDTH = 10_000
"""Output to a pipe or file is not cut to a terminal's width: scripts want whole lines."""


def console() -> Console:
    """A console that never interprets article text as markup or emoji codes."""
    width = None if sys.stdout.isatty() else PIPE_WIDTH
    return Console(markup=False, emoji=False, highlight=False, soft_wrap=False, width=width)


def report_problem(problem: LoadProblem) -> None:
    print(f"tuireader: skipped {display_path(problem.path)}: {problem.reason}", file=sys.stderr)


def collect_articles(
    paths: Sequence[Path], only: Mapping[Path, set[str]] | None = None
) -> tuple[list[Article], int]:
    """Scan `paths`, reporting each problem on stderr as it is met; returns (articles, problems).

    `only`: of the feed files it names, only the entries it lists (`entries_named`).
    """
    articles: list[Article] = []
    problems = 0
    for item in iter_scan(paths):
        if isinstance(item, LoadProblem):
            report_problem(item)
            problems += 1
        elif not only or item.path not in only or item.entry in only[item.path]:
            articles.append(item)
    return articles, problems


def report_skipped(skipped: Sequence[Path]) -> None:
    """The one line about files no format reads ("2 files skipped: .pdf, .docx")."""
    notice = skipped_notice(skipped)
    if notice:
        print(f"tuireader: {sanitize(notice)}", file=sys.stderr)


def display_path(path: Path) -> str:
    """A path safe to print: file names are untrusted too."""
    return sanitize(str(path))


def iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def write_json_lines(objects: Iterable[dict[str, Any]]) -> None:
    sys.stdout.writelines(map(json_line, objects))


def exit_status(problems: int) -> int:
    """1 when some input could not be used, so scripts notice partial results."""
    return 1 if problems else 0


Cell = tuple[str, str]
"""A table cell: its text and a Rich style name ("" for none)."""

WHEN_WIDTH = 20
"""The date column of a timeline table: "2022-09-28 afternoon". A range that does not fit
puts its end on a line of its own, so one range does not push every row's label right."""


def dated_rows(when: str, full: str, cells: Sequence[Cell]) -> list[list[Cell]]:
    """A table row with `when` (a compact date, `interval_label(compact=True)`) before
    `cells`; a range too wide for it puts its end, written out (`full` is the uncompacted
    label: "– 12-18 Sun" alone on its line reads as days 12 to 18), on a line below."""
    if cell_len(when) <= WHEN_WIDTH or " – " not in when:
        return [[(when, "cyan"), *cells]]
    start = when.split(" – ", 1)[0]
    end = full.split(" – ", 1)[-1]
    return [[(start, "cyan"), *cells], [(f"  – {end}", "cyan"), *[("", "")] * len(cells)]]


def write_table(
    out: Console, rows: Sequence[Sequence[Cell]], flexible: int, caps: dict[int, int] | None = None
) -> None:
    """Write `rows` as aligned lines, each cell cut to its column with an ellipsis.

    Each column is as wide as its widest cell (cut to `caps`), the `flexible` one cut to what
    the line leaves. Lines are built as strings and written at once: a Rich `Text` printed per
    row costs ~0.6 ms, a minute for a 100,000-article `list`.
    """
    if not rows:
        return
    cleaned = [[(sanitize(text), style) for text, style in row] for row in rows]
    widths = _column_widths(cleaned, out.width, flexible, caps or {})
    render = _styler(out)
    last = len(widths) - 1
    lines = [
        "  ".join(
            render(_fit(text, width, pad=index < last), style)
            for index, ((text, style), width) in enumerate(zip(row, widths, strict=True))
        ).rstrip(" ")  # a line whose last cells are empty (`dated_rows`) ends at its text
        for row in cleaned
    ]
    out.file.write("\n".join(lines) + "\n")
    out.file.flush()


def _column_widths(
    rows: Sequence[Sequence[Cell]], total: int, flexible: int, caps: dict[int, int]
) -> list[int]:
    count = len(rows[0])
    widths = [max(cell_len(row[index][0]) for row in rows) for index in range(count)]
    for index, cap in caps.items():
        widths[index] = min(widths[index], cap)
    fixed = sum(widths) - widths[flexible] + 2 * (count - 1)
    widths[flexible] = max(min(widths[flexible], total - fixed), 10)
    return widths


def _fit(text: str, width: int, *, pad: bool) -> str:
    """`text` in `width` cells: cut with an ellipsis when longer, padded when `pad`."""
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…" if width > 0 else ""
    return text + " " * (width - length) if pad else text


def _styler(out: Console) -> Callable[[str, str], str]:
    """Style text for this console: ANSI codes on a colour terminal, plain text elsewhere."""
    system = COLOR_SYSTEMS.get(out.color_system or "")
    if system is None or not out.is_terminal:
        return lambda text, _style: text
    styles: dict[str, Style] = {}

    def render(text: str, style: str) -> str:
        if not style or not text.strip():
            return text
        parsed = styles.get(style)
        if parsed is None:
            parsed = styles[style] = (
                Style.parse(style).without_color if out.no_color else Style.parse(style))
        return parsed.render(text, color_system=system)

    return render
