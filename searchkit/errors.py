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


class QuerySyntaxError(SearchkitError):
    """The query string cannot be parsed."""
