"""Command line: `tuireader [PATH...]` opens the app; sub-commands work without it.

Textual is imported only when the app is launched, so `list`, `cat`, `timeline`, `notes` and
`export` start fast and work where no terminal UI is possible.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from tuireader import __version__
from tuireader.commands import CommandError

Handler = Callable[[argparse.Namespace], int]

SUBCOMMANDS = ("list", "cat", "timeline")


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help="where reading state and notes live (default: $TUIREADER_DATA_DIR or the "
        "platform data dir)",
    )


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tuireader",
        description="A terminal reader for news articles with a fact-timeline view.",
        epilog="commands (each has --help): "
        "list (articles and reading state), cat (an article's text), "
        "timeline (dated events of articles)",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="article files or folders (default: the configured library, "
                        "else the bundled samples)")
    parser.add_argument("--version", action="version", version=f"tuireader {__version__}")
    _data_dir_option(parser)
    return parser


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tuireader")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    listing = commands.add_parser("list", help="list articles with their reading state")
    listing.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    _data_dir_option(listing)

    cat = commands.add_parser("cat", help="print an article as the reader shows it")
    cat.add_argument("path", type=Path, metavar="PATH")
    cat.add_argument("--json", action="store_true", help="one JSON object")

    timeline = commands.add_parser("timeline", help="print the dated events of articles")
    timeline.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    timeline.add_argument("--json", action="store_true",
                          help="one JSON object per article, one per line")
    timeline.add_argument("--reference-date", metavar="YYYY-MM-DD", type=_iso_date,
                          help="resolve relative dates against this date instead of the "
                          "article's own")
    return parser


def _iso_date(value: str) -> object:
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _first_positional(argv: Sequence[str]) -> str | None:
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token == "--data-dir":
            skip = True
        elif not token.startswith("-"):
            return token
    return None


def _handler(command: str) -> Handler:
    # Deferred imports: each command pays only for the modules it uses.
    if command == "list":
        from tuireader.commands.listing import run_list

        return run_list
    if command == "cat":
        from tuireader.commands.cat import run_cat

        return run_cat
    from tuireader.commands.timeline import run_timeline

    return run_timeline


def _run_app(args: argparse.Namespace) -> int:
    from tuireader import locations
    from tuireader.config import ConfigError, library_paths, load_config

    try:
        config = load_config()
    except ConfigError as error:
        raise CommandError(str(error)) from None
    paths = library_paths([path.expanduser() for path in args.paths], config)
    data_dir = locations.data_dir(args.data_dir)

    from tuireader.app import TuiReaderApp  # Textual is imported here and only here.

    app = TuiReaderApp(paths=paths, data_dir=data_dir)
    app.set_keymap(config.keymap)
    app.run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = _first_positional(arguments)
    try:
        if command in SUBCOMMANDS:
            args = _command_parser().parse_args(arguments)
            return _handler(args.command)(args)
        return _run_app(_app_parser().parse_args(arguments))
    except CommandError as error:
        print(f"tuireader: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `tuireader list | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
