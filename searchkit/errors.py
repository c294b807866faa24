"""Errors a user can cause: each carries a one-line message the CLI prints as is."""


class SearchkitError(Exception):
    """Base of every error searchkit reports to people instead of a traceback."""


class InputError(SearchkitError):
    """An input path that cannot be read at all (missing, not a file or folder)."""


class IndexMissingError(SearchkitError):
    """No index where one was expected."""


class NotAnIndexError(IndexMissingError):
    """The index path is a folder of other files: searchkit never writes into it."""


class IndexLockedError(SearchkitError):
    """Another writer holds the index."""


class IndexVersionError(SearchkitError):
    """The index was written by another schema version and must be rebuilt."""


class IndexCorruptError(SearchkitError):
    """The index exists but cannot be read."""


class ArgumentError(SearchkitError, ValueError):
    """A caller passed a value searchkit cannot use (a wrong type, a bad option): their mistake, not the index's."""


class QuerySyntaxError(ArgumentError):
    """The query string cannot be parsed.

    position: 0-based column of the offending part of the query (None when the whole query is at fault);
    token: that part as typed. A page can point at them; the message (one line) says the same.
    """

    def __init__(self, message: str, *, position: int | None = None, token: str | None = None):
        super().__init__(message)
        self.position = position
        self.token = token


class QueryLimitError(SearchkitError):
    """A query asks for more work than one search may do (too many expanded words, or over the time limit)."""
