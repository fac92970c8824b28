"""Generate a deterministic library of news-like Markdown articles for the benchmarks.

`make_library.py N DIR [--seed S] [--big K]` writes N articles (YAML front matter: title,
date over 20 years, source, author, tags; bodies ~600 words on average, 100 to 3,000) with
dates, weekdays, times and durations in the text so the timeline has work, plus K articles of
~1 MB. Sentences come from templates filled once into a pool; articles draw from the pool, so
100k files take seconds. A DIR whose manifest matches is left as it is.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

GENERATOR_VERSION = 1
MANIFEST = ".bench-manifest.json"
TITLES_FILE = ".bench-titles.txt"
POOL_SIZE = 40_000
BIG_BYTES = 1_000_000
FIRST_DAY = date(2005, 1, 1)
DAYS = 20 * 365

PLACES = ("Lisbon", "Nairobi", "Oslo", "Quito", "Manila", "Tbilisi", "Hanoi", "Accra",
          "Montreal", "Dhaka", "Lima", "Tallinn", "Kigali", "Osaka", "Porto", "Valencia",
          "the harbour district", "the northern province", "the capital", "the river valley")
ACTORS = ("The council", "The ministry", "Regulators", "The union", "The central bank",
          "Health officials", "The mayor", "Investigators", "The court", "Local residents",
          "The electoral commission", "The company", "Lawmakers", "The coast guard",
          "Prosecutors", "Teachers", "The port authority", "Researchers", "Farmers",
          "The transport agency")
VERBS = ("announced", "delayed", "approved", "rejected", "postponed", "confirmed", "reviewed",
         "suspended", "extended", "questioned", "defended", "published", "withdrew",
         "proposed", "criticised", "welcomed")
OBJECTS = ("the budget", "a new tariff", "the harbour plan", "the water contract",
           "the vaccination drive", "the rail link", "a housing programme", "the audit",
           "the fishing quota", "the power-sharing deal", "the school reform",
           "the bridge repairs", "an emergency fund", "the flood barrier", "the wage agreement",
           "the licence renewal", "a data-protection rule", "the evacuation order")
ADJECTIVES = ("delayed", "disputed", "long-awaited", "controversial", "revised", "emergency",
              "provisional", "landmark", "scaled-back", "cross-border")
NOUNS = ("vote", "talks", "inquiry", "strike", "ruling", "deal", "budget", "report",
         "election", "storm", "audit", "protest", "merger", "summit", "recall", "tender")
SOURCES = ("Harbour Gazette", "Northern Courier", "Daily Ledger", "The Valley Times",
           "Coastal Post", "Metro Wire", "Evening Standard-Bearer", "Capital Review")
FIRST_NAMES = ("Ana", "Kofi", "Ingrid", "Mateo", "Priya", "Lena", "Tomas", "Aiko", "Samir",
               "Grace", "Yusuf", "Marta", "Chen", "Oluwaseun", "Elif", "Jonas")
LAST_NAMES = ("Silva", "Mensah", "Berg", "Rojas", "Raman", "Novak", "Tanaka", "Haddad",
              "Okafor", "Lindqvist", "Costa", "Wu", "Kaya", "Fischer", "Moreau", "Ibrahim")
TAGS = ("politics", "economy", "health", "transport", "climate", "courts", "education",
        "labour", "energy", "housing", "fisheries", "elections", "weather", "technology")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
RELATIVE = ("yesterday", "today", "last week", "next month", "two days ago", "last year",
            "earlier this month", "next Tuesday", "on Friday", "three weeks later",
            "the following morning", "this weekend")
DURATIONS = ("for three hours", "for two weeks", "over 18 months", "for 45 minutes",
             "for nearly a decade", "for six days", "over the next 90 days", "for a year")
FILLER = ("the", "a", "new", "plan", "said", "officials", "after", "before", "during", "while",
          "residents", "city", "report", "week", "minister", "public", "cost", "million",
          "project", "region", "agreement", "members", "spokesperson", "according", "its",
          "their", "further", "process", "local", "national", "support", "opposition")
QUOTES = ("\"We will not accept further delays,\" {first} {last} said.",
          "\"This is a turning point,\" said {first} {last}, a spokesperson.",
          "{first} {last} declined to comment {relative}.")


def _clock(rng: random.Random) -> str:
    hour = rng.randint(1, 12)
    minute = rng.choice((0, 0, 15, 30, 45, rng.randint(0, 59)))
    suffix = rng.choice(("a.m.", "p.m."))
    return f"{hour}:{minute:02d} {suffix}" if minute else f"{hour} {suffix}"


def _absolute_date(rng: random.Random) -> str:
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS + 400))
    style = rng.randrange(5)
    if style == 0:
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    if style == 1:
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    if style == 2:
        return day.isoformat()
    if style == 3:
        return f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}"
    return f"{MONTHS[day.month - 1]} {day.year}"


def _sentence(rng: random.Random) -> str:
    """One news-like sentence; about two in three carry a temporal expression."""
    actor, verb, obj, place = (rng.choice(ACTORS), rng.choice(VERBS), rng.choice(OBJECTS),
                               rng.choice(PLACES))
    filler = " ".join(rng.choices(FILLER, k=rng.randint(3, 12)))
    kind = rng.randrange(9)
    if kind == 0:
        return f"{actor} {verb} {obj} on {rng.choice(WEEKDAYS)} at {_clock(rng)} in {place}."
    if kind == 1:
        return f"On {_absolute_date(rng)}, {actor.lower()} {verb} {obj}, {filler}."
    if kind == 2:
        return f"{actor} {verb} {obj} {rng.choice(RELATIVE)}, {filler}."
    if kind == 3:
        return (f"The session in {place} lasted {rng.choice(DURATIONS).split(' ', 1)[1]} and ended "
                f"shortly after {_clock(rng)}, {filler}.")
    if kind == 4:
        return f"{actor} said {obj} would be {verb} by {_absolute_date(rng)}."
    if kind == 5:
        return (f"Between {rng.randint(1995, 2024)} and {rng.randint(2025, 2030)}, "
                f"{actor.lower()} {verb} {obj} {rng.choice(DURATIONS)}.")
    if kind == 6:
        return rng.choice(QUOTES).format(first=rng.choice(FIRST_NAMES),
                                         last=rng.choice(LAST_NAMES),
                                         relative=rng.choice(RELATIVE))
    return f"{actor} {verb} {obj} in {place}, {filler}."


def sentence_pool(seed: int) -> list[str]:
    rng = random.Random(f"pool-{seed}")
    return [_sentence(rng) for _ in range(POOL_SIZE)]


def _words_target(rng: random.Random) -> int:
    """Log-normal lengths: median ~500 words, mean ~600, clipped to 100..3,000."""
    return max(100, min(3000, int(rng.lognormvariate(math.log(470), 0.62))))


def _body(rng: random.Random, pool: list[str], words: int) -> tuple[str, int]:
    paragraphs: list[str] = []
    count = 0
    while count < words:
        chosen = rng.choices(pool, k=rng.randint(2, 6))
        paragraph = " ".join(chosen)
        count += paragraph.count(" ") + 1
        paragraphs.append(paragraph)
        if len(paragraphs) % 7 == 0 and count < words:
            paragraphs.append(f"## {rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)}")
    return "\n\n".join(paragraphs), count


def _title(rng: random.Random, place: str) -> str:
    return (f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(ADJECTIVES)} "
            f"{rng.choice(NOUNS)} in {place}")


def _yaml_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _article(index: int, seed: int, pool: list[str], words: int | None,
             first_day: date = FIRST_DAY) -> tuple[str, str, str]:
    """(relative path, title, file text) of article `index`; same inputs, same bytes."""
    rng = random.Random(seed * 1_000_003 + index)
    day = first_day + timedelta(days=rng.randrange(DAYS))
    published: date | datetime = day
    if rng.random() < 0.6:
        published = datetime(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60))
    place = rng.choice(PLACES)
    title = _title(rng, place)
    tags = sorted(set(rng.sample(TAGS, rng.randint(1, 3))))
    target = words if words is not None else _words_target(rng)
    lead = (f"{place.capitalize() if place.startswith('the') else place}, "
            f"{WEEKDAYS[day.weekday()]} — {title}, {rng.choice(FILLER)} "
            f"{rng.choice(RELATIVE)}.")
    body, _ = _body(rng, pool, target)
    text = (
        "---\n"
        f"title: {_yaml_quote(title)}\n"
        f"date: {published.isoformat()}\n"
        f"source: {_yaml_quote(rng.choice(SOURCES))}\n"
        f"author: {_yaml_quote(rng.choice(FIRST_NAMES) + ' ' + rng.choice(LAST_NAMES))}\n"
        f"tags: [{', '.join(tags)}]\n"
        "---\n\n"
        f"{lead}\n\n{body}\n"
    )
    slug = "-".join(title.lower().replace(",", "").split()[:6])
    return f"{day.year}/{index:06d}-{slug}.md", title, text


def _manifest(count: int, seed: int, big: int, words: int | None,
              first_day: date) -> dict[str, int | str | None]:
    manifest: dict[str, int | str | None] = {
        "generator_version": GENERATOR_VERSION, "count": count, "seed": seed, "big": big,
        "words": words}
    if first_day != FIRST_DAY:  # libraries written before the option keep their manifest
        manifest["first_day"] = first_day.isoformat()
    return manifest


def generate(count: int, root: Path, seed: int = 1, big: int = 0,
             quiet: bool = False, words: int | None = None,
             first_day: date = FIRST_DAY) -> Path:
    """Write the library unless `root` already holds it (manifest match); returns `root`.

    Dates fall in the 20 years from `first_day`: a later one puts these articles above
    another library's in the app's newest-first list."""
    manifest_path = root / MANIFEST
    wanted = _manifest(count, seed, big, words, first_day)
    try:
        if json.loads(manifest_path.read_text()) == wanted:
            if not quiet:
                print(f"{root}: already holds {count} articles (seed {seed}, big {big}); kept")
            return root
    except (OSError, ValueError):
        pass
    if root.exists() and any(root.iterdir()) and not manifest_path.exists():
        raise SystemExit(f"make_library: {root} is not empty and has no {MANIFEST}; "
                         "refusing to write into it")
    started = time.perf_counter()
    if manifest_path.exists():
        shutil.rmtree(root)  # ours, from other parameters: start clean
    root.mkdir(parents=True, exist_ok=True)
    pool = sentence_pool(seed)
    made_dirs: set[Path] = set()
    titles: list[str] = []
    total_bytes = 0
    big_words = BIG_BYTES * 10 // 66
    for index in range(count + big):
        target = big_words if index >= count else words
        relative, title, text = _article(index, seed, pool, target, first_day)
        if index >= count:
            relative = "big/" + relative.split("/", 1)[1].replace(".md", "-1mb.md")
        path = root / relative
        if path.parent not in made_dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            made_dirs.add(path.parent)
        data = text.encode()
        with open(path, "wb") as handle:
            handle.write(data)
        total_bytes += len(data)
        titles.append(f"{relative}\t{title}")
    (root / TITLES_FILE).write_text("\n".join(titles) + "\n")
    manifest_path.write_text(json.dumps({**wanted}, indent=1) + "\n")
    if not quiet:
        print(f"{root}: wrote {count} articles + {big} big ({total_bytes / 2**20:.0f} MiB) "
              f"in {time.perf_counter() - started:.1f} s")
    return root


def read_titles(root: Path) -> dict[str, str]:
    """relative path -> title, as written by `generate` (the benchmarks' screen predicates)."""
    titles: dict[str, str] = {}
    for line in (root / TITLES_FILE).read_text().splitlines():
        relative, _, title = line.partition("\t")
        titles[relative] = title
    return titles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int, metavar="N", help="number of ordinary articles")
    parser.add_argument("dir", type=Path, metavar="DIR", help="library folder to write")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same bytes (default 1)")
    parser.add_argument("--big", type=int, default=0, metavar="K",
                        help="also write K articles of ~1 MB under DIR/big/")
    parser.add_argument("--words", type=int, metavar="W",
                        help="every ordinary article ~W words (default: varied, mean ~600)")
    parser.add_argument("--first-year", type=int, default=FIRST_DAY.year,
                        help=f"dates fall in the 20 years from this one (default "
                             f"{FIRST_DAY.year})")
    parser.add_argument("--stats", action="store_true", help="print word-count statistics")
    args = parser.parse_args()
    if args.count < 0 or args.big < 0:
        parser.error("N and --big must not be negative")
    generate(args.count, args.dir, args.seed, args.big, words=args.words,
             first_day=date(args.first_year, 1, 1))
    if args.stats:
        counts = sorted(len(p.read_text().split()) for p in args.dir.rglob("*.md")
                        if "big" not in p.parts)
        if counts:
            print(f"words per article: min {counts[0]}, median {counts[len(counts) // 2]}, "
                  f"mean {sum(counts) / len(counts):.0f}, max {counts[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
