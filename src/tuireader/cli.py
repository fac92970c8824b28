"""Command line: `tuireader [PATH...]` opens the app; sub-commands work without it.

Textual is imported only when the app is launched, so `list`, `cat`, `timeline`, `notes` and
`export` start fast and work where no terminal UI is possible.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tuireader import __version__
from tuireader.commands import COMMANDS, CommandError
from tuireader.config import ConfigError

Handler = Callable[[argparse.Namespace], int]

ID_HELP = ("; an argument that is not a path is an article id, or a unique prefix of one, "
           "from `list --json`")

logger = logging.getLogger(__name__)

def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help="where reading state and notes live (default: $TUIREADER_DATA_DIR or the "
        "platform data dir)",
    )


def _common_options() -> argparse.ArgumentParser:
    """Options every command takes."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true",
                        help="print the traceback of a failure (it is always in tuireader.log "
                        "in the data dir)")
    return common


COMMAND_SUMMARIES = (
    ("list", "the library with reading state"),
    ("cat", "an article's text as the reader shows it"),
    ("timeline", "the dated events of articles"),
    ("export", "notes and timelines as Markdown"),
    ("notes", "list or add notes"),
    ("add", "subscribe to a feed, or save a web page"),
    ("refresh", "fetch the subscriptions' new entries"),
    ("feeds", "the subscriptions and their last refresh"),
    ("unsubscribe", "stop fetching a feed (its saved entries stay)"),
    ("opml", "import or export subscriptions as OPML"),
)
"""What `tuireader --help` lists under its commands."""


def _commands_epilog() -> str:
    """The commands in two aligned columns (`unsubscribe` set its own column when the
    lines were spaced by hand)."""
    width = max(len(name) for name, _ in COMMAND_SUMMARIES) + 2
    return "commands (each has its own --help):\n" + "".join(
        f"  {name.ljust(width)}{summary}\n" for name, summary in COMMAND_SUMMARIES)


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tuireader",
        parents=[_common_options()],
        description="A terminal reader for news articles with a fact-timeline view.",
        epilog=_commands_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
    common = [_common_options()]

    listing = commands.add_parser("list", parents=common,
                                  help="list articles with their reading state")
    listing.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    _data_dir_option(listing)

    cat = commands.add_parser("cat", parents=common,
                              help="print an article as the reader shows it")
    cat.add_argument("path", type=Path, metavar="PATH",
                     help="the article file, or its id (or a unique prefix of it) from "
                     "`list --json`")
    cat.add_argument("--json", action="store_true", help="one JSON object")

    timeline = commands.add_parser("timeline", parents=common,
                                   help="print the dated events of articles")
    timeline.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                          help="article files or folders" + ID_HELP + " (with --library: "
                          "the library's folders, default the app's library)")
    timeline.add_argument("--json", action="store_true",
                          help="one JSON object per article, one per line (with --library, "
                          "--from, --to or --format: one per row)")
    timeline.add_argument("--library", action="store_true",
                          help="every article's rows merged in date order, one per line")
    timeline.add_argument("--from", dest="since", metavar="YYYY-MM-DD", type=_iso_date,
                          help="only rows whose dates reach this day or later")
    timeline.add_argument("--to", dest="until", metavar="YYYY-MM-DD", type=_iso_date,
                          help="only rows whose dates reach this day or earlier")
    timeline.add_argument("--format", choices=("md", "csv", "json"),
                          help="write the merged rows as Markdown (headings by date), CSV or "
                          "JSON lines")
    timeline.add_argument("--reference-date", metavar="YYYY-MM-DD", type=_iso_date,
                          help="resolve relative dates against this date instead of the "
                          "article's own")
    _data_dir_option(timeline)  # its timeline cache, shared with the app

    export = commands.add_parser(
        "export", parents=common,
        help="write annotated articles as Markdown (timeline and notes)",
        description="Write each annotated article (with its timeline, notes and reading "
        "state) as a Markdown file with YAML front matter. Articles named as files are "
        "exported even without notes; from folders, only articles with notes.",
        epilog="--out: an existing folder, or a new path without a .md suffix, gets one file "
        "per article (or tuireader-export.md with --combined); an existing file or a path "
        "ending in .md gets the one article, or all of them with --combined. Only earlier "
        "exports are ever overwritten. Prints the files written. Exit status: 0 written; "
        "1 nothing to export or some articles could not be read; 2 bad arguments or the "
        "files could not be written.",
    )
    export.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="article files or folders (default: the configured library, "
                        "else the bundled samples)" + ID_HELP)
    export.add_argument("--out", type=Path, metavar="DIR_OR_FILE",
                        help="where to write (default: the current directory)")
    export.add_argument("--combined", action="store_true",
                        help="all articles in one file")
    export.add_argument("--all", action="store_true",
                        help="export articles without notes too")
    export.add_argument("--exported-at", metavar="ISO_TIME",
                        help="pin the exported_at field (e.g. 2026-11-27T06:00:00Z; no zone "
                        "means UTC) so repeated exports are byte-identical")
    _data_dir_option(export)

    notes = commands.add_parser("notes", help="list or add notes from scripts",
                                description="List or add notes without starting the UI.")
    actions = notes.add_subparsers(dest="notes_command", required=True, metavar="ACTION")
    notes_list = actions.add_parser(
        "list", parents=common,
        help="notes of articles",
        description="Each note with its passage (found again in the current text), text, "
        "update time and status (exact, moved, fuzzy, orphaned, or article for a note on "
        "the whole article).",
        epilog="--json: start/end are file offsets like `timeline --json` (body offsets + "
        "body_start), null when the passage is not found.",
    )
    notes_list.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                            help="article files or folders (default: the configured library, "
                            "else the bundled samples)" + ID_HELP)
    notes_list.add_argument("--json", action="store_true", help="one JSON object per note")
    _data_dir_option(notes_list)
    notes_add = actions.add_parser(
        "add", parents=common,
        help="add a note to an article",
        description="Add a note; prints its id. It is saved before the command returns.",
    )
    notes_add.add_argument("path", type=Path, metavar="PATH|ID",
                           help="the article file, or an article id from `list --json`")
    notes_add.add_argument("--text", required=True, metavar="TEXT",
                           help="the note (Markdown); - reads it from standard input")
    notes_add.add_argument("--quote", metavar="QUOTE",
                           help="the passage the note is about; it must occur in the article "
                           "(exactly, or differing only in whitespace)")
    notes_add.add_argument("--occurrence", type=int, metavar="N",
                           help="which match of --quote to use when it occurs several times "
                           "(default: the first)")
    notes_add.add_argument("--event", metavar="EVENT_ID",
                           help="attach the note to a timeline event (ids from "
                           "`tuireader timeline PATH --json`)")
    _data_dir_option(notes_add)
    _feed_parsers(commands, common)
    return parser


def _feed_parsers(commands: Any, common: list[argparse.ArgumentParser]) -> None:
    """`add`, `refresh`, `feeds` and `opml`: what is fetched goes into the library folder
    (`library_dir` in the config, else DATA_DIR/library)."""
    add = commands.add_parser(
        "add", parents=common, help="subscribe to a feed, or save a web page as an article",
        description="Fetch URL: a feed is subscribed and its entries saved into the library "
        "folder; a page is saved as one article (and the feeds it links are named).",
        epilog="Exit status: 0 done; 1 the URL could not be fetched or read.",
    )
    add.add_argument("url", metavar="URL", help="an http or https URL")
    add.add_argument("--subscribe", action="store_true",
                     help="for a page that links a feed: subscribe to that feed instead")
    add.add_argument("--full-text", action="store_true",
                     help="save each entry's linked page (the extracted article) instead of "
                     "the feed's summary; kept with the subscription")
    _data_dir_option(add)

    refresh = commands.add_parser(
        "refresh", parents=common, help="fetch new entries of every subscription",
        description="Fetch every subscription (or the given ones) concurrently and save new "
        "and changed entries; one line per feed: +N new, or failed and why.",
        epilog="Exit status: 0 all refreshed; 1 some feeds failed; 2 a URL is not a "
        "subscription.",
    )
    refresh.add_argument("urls", nargs="*", metavar="URL",
                         help="subscriptions to refresh (default: all)")
    _data_dir_option(refresh)

    feeds = commands.add_parser("feeds", parents=common,
                                help="list subscriptions with their last result")
    feeds.add_argument("--json", action="store_true", help="one JSON object per line")
    _data_dir_option(feeds)

    unsubscribe = commands.add_parser(
        "unsubscribe", parents=common, help="stop fetching a feed (its saved entries stay)",
        description="Remove subscriptions: refresh no longer fetches them. The entries "
        "already saved stay in the library folder, with their notes and reading state.",
        epilog="Exit status: 0 done; 2 a URL is not a subscription (nothing is removed).",
    )
    unsubscribe.add_argument("urls", nargs="+", metavar="URL",
                             help="subscriptions to remove (as `tuireader feeds` lists them)")
    _data_dir_option(unsubscribe)

    opml = commands.add_parser("opml", help="import or export subscriptions as OPML",
                               description="Move subscriptions to and from other readers.")
    actions = opml.add_subparsers(dest="opml_command", required=True, metavar="ACTION")
    opml_import = actions.add_parser("import", parents=common,
                                     help="subscribe to the feeds of an OPML file "
                                     "(folders kept; nothing is fetched until refresh)")
    opml_import.add_argument("file", type=Path, metavar="FILE")
    _data_dir_option(opml_import)
    opml_export = actions.add_parser("export", parents=common,
                                     help="write the subscriptions as OPML 2.0")
    opml_export.add_argument("--out", type=Path, metavar="FILE",
                             help="where to write (default: standard output)")
    _data_dir_option(opml_export)


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
    if command == "export":
        from tuireader.commands.export import run_export

        return run_export
    if command == "notes":
        from tuireader.commands.notes import run_notes

        return run_notes
    if command in ("add", "refresh", "feeds", "unsubscribe"):
        from tuireader.commands import feeds

        return {"add": feeds.run_add, "refresh": feeds.run_refresh,
                "feeds": feeds.run_feeds, "unsubscribe": feeds.run_unsubscribe}[command]
    if command == "opml":
        from tuireader.commands.opml import run_opml

        return run_opml
    from tuireader.commands.timeline import run_timeline

    return run_timeline


def _run_app(args: argparse.Namespace) -> int:
    # Start-up makes nothing the collector could free, yet its passes over the growing import
    # and widget graphs cost ~70 ms before the first paint; the main screen turns it back on
    # once the list is painted (and freezes what start-up made).
    gc.disable()
    try:
        from tuireader import locations
        from tuireader.config import library_paths, load_config
        from tuireader.launch import existing_paths, require_terminal

        given = existing_paths([path.expanduser() for path in args.paths])
        config = load_config()
        data_dir = locations.data_dir(args.data_dir)
        paths = library_paths(given, config, data_dir)
        require_terminal()

        from tuireader.app import TuiReaderApp  # Textual is imported here and only here.

        app = TuiReaderApp(paths=paths, data_dir=data_dir, config=config)
        app.set_keymap(config.keymap)
        app.run()
    finally:
        gc.enable()
    return 0


def _start_log(args: argparse.Namespace) -> Path | None:
    from tuireader import locations
    from tuireader.log_file import start_logging

    return start_logging(locations.data_dir(getattr(args, "data_dir", None)))


def _report_failure(error: Exception, args: argparse.Namespace | None,
                    log: Path | None) -> int:
    """An unexpected failure: one line (the traceback with --debug, and always in the log)."""
    logger.exception("tuireader failed")
    if args is not None and args.debug:
        traceback.print_exc()
    where = f"; the traceback is in {log}" if log is not None else ""
    hint = "" if args is not None and args.debug else f"{where} (--debug prints it)"
    reason = str(error) or type(error).__name__
    print(f"tuireader: {reason}{hint}", file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = _first_positional(arguments)
    args: argparse.Namespace | None = None
    log: Path | None = None
    try:
        if command in COMMANDS:
            args = _command_parser().parse_args(arguments)
            log = _start_log(args)
            return _handler(args.command)(args)
        args = _app_parser().parse_args(arguments)
        log = _start_log(args)
        return _run_app(args)
    except (CommandError, ConfigError) as error:
        print(f"tuireader: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `tuireader list | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        return _report_failure(error, args, log)
