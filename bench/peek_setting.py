"""What reading the saved theme costs before the first frame: `peek_setting` (the JSON file
read directly, no TinyDB) against the same read through TinyDB (import it and our storage,
parse the file, `Table` lookup), each in fresh processes that have imported Textual's app
module first, as the app has by then. Figures, no asserts.

    python bench/peek_setting.py [--runs 15]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

PRELUDE = "import sys, time, textual.app\nfrom pathlib import Path\ndata = Path(sys.argv[1])\n"
VARIANTS = {
    "peek_setting (no TinyDB)": (
        "t = time.perf_counter()\n"
        "from tuireader.store.settings import peek_setting\n"
        "value = peek_setting(data, 'ui.theme')\n"
    ),
    "through TinyDB": (
        "t = time.perf_counter()\n"
        "from tuireader.store.storage import AtomicJSONStorage\n"
        "from tuireader.store.tables import KeyedTinyDB\n"
        "storage = AtomicJSONStorage(data / 'tuireader.json')\n"
        "storage.load()\n"
        "doc = KeyedTinyDB(storage=lambda: storage).keyed_table('settings').document('ui.theme')\n"
        "value = doc['value']\n"
    ),
}
EPILOGUE = "assert value == 'nord', value\nprint(time.perf_counter() - t)\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="fresh processes per variant")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(SRC)], check=False)
    with tempfile.TemporaryDirectory(prefix="peek-setting-") as tmp:
        data = Path(tmp)
        notes = {f"n{i}": {"id": f"n{i}", "article_id": "a", "text": "x" * 200} for i in range(200)}
        (data / "tuireader.json").write_text(json.dumps(
            {"settings": {"ui.theme": {"value": "nord"}}, "notes": notes}))
        samples: dict[str, list[float]] = {name: [] for name in VARIANTS}
        for _ in range(args.runs):  # interleaved, so load changes hit both alike
            for name, code in VARIANTS.items():
                out = subprocess.run([sys.executable, "-c", PRELUDE + code + EPILOGUE, tmp],
                                     env=env, capture_output=True, text=True, check=True)
                samples[name].append(float(out.stdout))
    print(f"load average {os.getloadavg()[0]:.2f}; {args.runs} fresh processes each; ms")
    for name, values in samples.items():
        print(f"{name:28} median {statistics.median(values) * 1000:6.2f}  "
              f"min {min(values) * 1000:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
