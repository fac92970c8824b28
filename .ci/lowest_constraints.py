"""Print pip constraints pinning every runtime dependency of pyproject.toml to its lower bound.

CI installs the project with these into a second venv and runs the suite there, so the
ranges we declare are ranges the suite has passed on, not guesses.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

LOWER = re.compile(r"^\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*[^;]*?>=\s*([^,;\s]+)")


def lowest(requirements: list[str]) -> list[str]:
    pins = []
    for requirement in requirements:
        match = LOWER.match(requirement)
        if match is None:
            raise SystemExit(f"no lower bound in {requirement!r}: declare one")
        pins.append(f"{match[1]}=={match[2]}")
    return pins


def main() -> None:
    pyproject = Path(sys.argv[1] if len(sys.argv) > 1 else "pyproject.toml")
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    print("\n".join(lowest(project["dependencies"])))


if __name__ == "__main__":
    main()
