"""searchkit: full-text search for news reports (dates, sources, places, who said what)."""
from .api import Index, open_index
from .errors import (
    ArgumentError,
    IndexCorruptError,
    IndexLockedError,
    IndexMissingError,
    IndexVersionError,
    InputError,
    NotAnIndexError,
    QueryLimitError,
    QuerySyntaxError,
    SearchkitError,
)
from .model import Article, Hit, Problem, Quote, Results
from .search.request import SearchRequest

__version__ = "0.1.0"
__all__ = [
    "ArgumentError", "Article", "Hit", "Index", "IndexCorruptError", "IndexLockedError", "IndexMissingError",
    "IndexVersionError", "InputError", "NotAnIndexError", "Problem", "Quote", "QueryLimitError", "QuerySyntaxError",
    "Results", "SearchRequest", "SearchkitError", "open_index",
]
