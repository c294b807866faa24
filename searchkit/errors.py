"""Errors a user can cause: each carries a one-line message the CLI prints as is."""


class SearchkitError(Exception):
    """Base of every error searchkit reports to people instead of a traceback."""


class InputError(SearchkitError):
    """An input path that cannot be read at all (missing, not a file or folder)."""


class IndexMissingError(SearchkitError):
    """No index where one was expected."""


class IndexLockedError(SearchkitError):
    """Another writer holds the index."""


class IndexVersionError(SearchkitError):
    """The index was written by another schema version and must be rebuilt."""


class IndexCorruptError(SearchkitError):
    """The index exists but cannot be read."""


class ArgumentError(SearchkitError, ValueError):
    """A caller passed a value searchkit cannot use (a wrong type, a bad option): their mistake, not the index's."""


class QuerySyntaxError(ArgumentError):
    """The query string cannot be parsed."""


class QueryLimitError(SearchkitError):
    """A query asks for more work than one search may do (too many expanded words, or over the time limit)."""
