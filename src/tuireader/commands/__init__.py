"""The command-line sub-commands: plain Python over the domain, never Textual."""

COMMANDS = ("list", "cat", "timeline", "export", "notes", "add", "refresh", "feeds",
            "unsubscribe", "opml")
"""The sub-commands, in the order help lists them."""


class CommandError(Exception):
    """A failure with a message for the user (printed without a traceback, exit status 2)."""
