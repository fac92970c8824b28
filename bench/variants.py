"""Runs of the app with and without an environment setting, alternated in one benchmark run.

`--compare LABEL:NAME=VALUE[,NAME=VALUE...]` (repeatable) adds a variant beside the default
one; every variant runs N times (`--rounds`, or the script's `--runs`), one after the other
(default, variant 1, variant 2, default, ...), so slow spells of a shared machine fall on all
of them alike.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from tmux_screen import HarnessError

T = TypeVar("T")
DEFAULT = "default"


@dataclass(frozen=True)
class Variant:
    label: str
    env: dict[str, str] = field(default_factory=dict)


def add_arguments(parser: argparse.ArgumentParser, rounds: bool = True) -> None:
    """`--compare`, and `--rounds` unless the script has its own count of runs."""
    parser.add_argument("--compare", action="append", default=[],
                        metavar="LABEL:NAME=VALUE[,NAME=VALUE]",
                        help="also run the app with these environment settings, alternating "
                             "with the default run (repeatable), e.g. "
                             "public:TUIREADER_PUBLIC_TEXTUAL=1")
    if rounds:
        parser.add_argument("--rounds", type=int, default=1,
                            help="runs of every variant, alternated (default 1)")


def parse(specs: list[str]) -> list[Variant]:
    """The default variant, then one per `--compare` spec."""
    variants = [Variant(DEFAULT)]
    for spec in specs:
        label, _, settings = spec.partition(":")
        env: dict[str, str] = {}
        for setting in filter(None, settings.split(",")):
            name, equals, value = setting.partition("=")
            if not equals or not name:
                raise HarnessError(f"--compare {spec!r}: want LABEL:NAME=VALUE[,NAME=VALUE]")
            env[name] = value
        if not label or label in {v.label for v in variants}:
            raise HarnessError(f"--compare {spec!r}: the label must be new and not empty")
        variants.append(Variant(label, env))
    return variants


def alternate(variants: list[Variant], rounds: int,
              measure: Callable[[Variant], dict[str, list[T]]]) -> dict[str, dict[str, list[T]]]:
    """`measure` every variant `rounds` times in turn; each variant's series, concatenated."""
    merged: dict[str, dict[str, list[T]]] = {v.label: {} for v in variants}
    for _ in range(max(1, rounds)):
        for variant in variants:
            for key, values in measure(variant).items():
                merged[variant.label].setdefault(key, []).extend(values)
    return merged


def heading(title: str, variant: Variant, variants: list[Variant]) -> str:
    """`title`, naming the variant and its settings when there is more than one."""
    if len(variants) == 1:
        return title
    settings = " ".join(f"{name}={value}" for name, value in variant.env.items())
    return f"{title}, {variant.label}" + (f" ({settings})" if settings else "")
