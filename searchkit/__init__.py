"""searchkit: full-text search for news reports (dates, sources, places, who said what)."""
from .api import Index, open_index
from .errors import (
    IndexCorruptError,
    IndexLockedError,
    IndexMissingError,
    IndexVersionError,
    InputError,
    NotAnIndexError,
    QuerySyntaxError,
    SearchkitError,
)
from .model import Article, Hit, Problem, Quote, Results

__version__ = "0.1.0"
__all__ = [
    "Article", "Hit", "Index", "IndexCorruptError", "IndexLockedError", "IndexMissingError",
    "IndexVersionError", "InputError", "NotAnIndexError", "Problem", "Quote", "QuerySyntaxError", "Results",
    "SearchkitError", "open_index",
]
