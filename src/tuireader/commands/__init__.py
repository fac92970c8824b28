"""The command-line sub-commands: plain Python over the domain, never Textual."""


class CommandError(Exception):
    """A failure with a message for the user (printed without a traceback, exit status 2)."""
