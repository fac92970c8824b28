"""CLI start-up: wall time of `tuireader list/cat/timeline/export/--help` beside `python -c pass`.

Each command runs --runs times as a subprocess (output discarded) with a private data and
config dir, after one untimed run (so `list` reads its library index warm; the cold index is
the subject of `startup.py` and `library_scan.py`); `list` runs on each of --sizes. Medians
are printed with the difference from `python -c pass` and from `python -c "import textual.app"`
(what a command would pay if it imported Textual). A command that imports Textual anyway is
caught by `-X importtime` and flagged.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from make_library import generate
from tmux_screen import (
    HarnessError,
    find_tuireader,
    machine_note,
    main_guard,
    print_table,
    private_env,
    python_of,
)


def wall(argv: list[str], env: dict[str, str], runs: int) -> tuple[list[float], int]:
    """`runs` timed runs after one untimed run (which builds the library index, if any)."""
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   stdin=subprocess.DEVNULL)
    samples = []
    code = 0
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        samples.append(time.perf_counter() - started)
        code = done.returncode
    return samples, code


def imports_textual(python: str, script: str, args: list[str], env: dict[str, str]) -> bool:
    done = subprocess.run([python, "-X", "importtime", script, *args], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, text=True)
    return any(line.rstrip().endswith((" textual", " textual.app")) for line in
               done.stderr.splitlines() if line.startswith("import time:"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9, help="runs per command (default 9)")
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="library sizes for `list` (default 1000,10000,100000)")
    parser.add_argument("--root", type=Path, default=Path("/tmp/tuireader-bench"))
    parser.add_argument("--tuireader")
    args = parser.parse_args()

    def run() -> int:
        tuireader = find_tuireader(args.tuireader)
        python = python_of(tuireader)
        sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
        libraries = {size: generate(size, args.root / f"lib-{size}", quiet=True)
                     for size in sizes}
        sample = next(iter(sorted(libraries[sizes[0]].rglob("*.md"))), None)
        if sample is None:
            raise HarnessError(f"no article in {libraries[sizes[0]]}")
        print(machine_note())
        with tempfile.TemporaryDirectory(prefix="cli-startup-") as tmp:
            env = {**os.environ, **private_env(Path(tmp))}
            env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed CLI keeps its bytecode
            out = Path(tmp) / "export"
            commands: list[tuple[str, list[str], list[str] | None]] = [
                ("python -c pass", [python, "-c", "pass"], None),
                ("python -c 'import textual.app'", [python, "-c", "import textual.app"], None),
                ("tuireader --help", [tuireader, "--help"], ["--help"]),
                ("tuireader list --help", [tuireader, "list", "--help"], ["list", "--help"]),
                *((f"tuireader list ({size:,} articles)", [tuireader, "list", str(library)],
                   ["list", str(library)]) for size, library in libraries.items()),
                ("tuireader cat ARTICLE", [tuireader, "cat", str(sample)],
                 ["cat", str(sample)]),
                ("tuireader timeline ARTICLE", [tuireader, "timeline", str(sample)],
                 ["timeline", str(sample)]),
                ("tuireader export --help", [tuireader, "export", "--help"],
                 ["export", "--help"]),
                ("tuireader export --all", [tuireader, "export", "--all", "--out", str(out)],
                 ["export", "--all", "--out", str(out)]),
            ]
            results = []
            for label, argv, script_args in commands:
                samples, code = wall(argv, env, args.runs)
                textual = (imports_textual(python, tuireader, script_args, env)
                           if script_args is not None else None)
                results.append((label, statistics.median(samples), min(samples), code,
                                textual))
        floor = results[0][1]
        textual_import = results[1][1]
        rows = []
        for label, med, low, code, textual in results:
            rows.append([label, f"{med * 1000:.0f}", f"{low * 1000:.0f}",
                         f"{(med - floor) * 1000:+.0f}", f"{(med - textual_import) * 1000:+.0f}",
                         str(code), "-" if textual is None else ("YES" if textual else "no")])
        print_table(["command", "median ms", "min ms", "vs python -c pass",
                     "vs import textual.app", "exit", "imports textual"], rows)
        return 0

    return main_guard(run)


if __name__ == "__main__":
    sys.exit(main())
