"""Regenerate docs/screenshot.svg: the bundled samples with the UN article and its timeline.

    python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from tuireader.app import TuiReaderApp
from tuireader.locations import bundled_samples

OUT = Path(__file__).with_name("screenshot.svg")


async def main() -> None:
    with tempfile.TemporaryDirectory() as data:
        app = TuiReaderApp([bundled_samples()], Path(data),
                           now=lambda: datetime(2022, 9, 2, 9, 0, tzinfo=UTC))
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause(1.0)
            await pilot.press("slash", *"xinjiang", "enter")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause(2.0)
            await pilot.press("1", "escape")  # clear the filter: the whole library again
            await pilot.press("3", "j", "j", "j", "enter")  # 11:47 p.m., shown in the text
            await pilot.press("3")
            await pilot.pause(0.5)
            app.save_screenshot(str(OUT.name), str(OUT.parent))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    asyncio.run(main())
