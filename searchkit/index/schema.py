"""Whoosh fields and analyzers, and how an Article becomes an index document."""
from __future__ import annotations

import re
import threading
import weakref
from functools import lru_cache
from datetime import datetime, timezone

from whoosh import columns, fields
from whoosh.analysis import (
    CharsetFilter,
    CommaSeparatedTokenizer,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
)
from whoosh.lang.porter import stem as porter_stem
from whoosh.support.charset import accent_map
from whoosh.util.times import long_to_datetime

from ..model import Article, Quote, described
from .symbols import TOKEN_PATTERN, has_sign

# Bump whenever fields, analyzers or stored values change: older indexes must be rebuilt.
SCHEMA_VERSION = 7  # 2: bylines (author, author_key, authors); 3: MinHash of our own (16-bit values);
# 4: one positional field of exact words per text (stems expanded at query time), no empty stored values;
# 5: currency/percent signs and decimals kept with their numbers; 6: dates in a column only, near-duplicate
# clusters as a column and a `copy_of` term for copies only; 7: a described speaker's words before its head
# joined into one term (speaker_text)

# The English stemmer that groups a word's forms: "snowball" (the Snowball project's English stemmer,
# "Porter2", from its `snowballstemmer` package) or "porter" (Whoosh's Porter, which leaves doubled
# consonants: shipping -> shipp, running -> runn). Compared on the Reuters TRAIN split with
# bench/relevance.py --stemmer. (NLTK's copy of Snowball gave the same stems, bar 61 of Reuters' 69,575
# words, but importing nltk costs a query process over a second.)
STEMMER = "snowball"


def stem_function(name: str):
    """The word -> stem function of a stemmer name (safe to call from several threads)."""
    if name == "snowball":
        import snowballstemmer

        stemmer, lock = snowballstemmer.stemmer("english"), threading.Lock()

        def snowball(word: str) -> str:
            with lock:  # a Snowball stemmer keeps the word being stemmed in its own fields
                return stemmer.stemWord(word)

        return snowball
    if name != "porter":
        raise ValueError(f"unknown stemmer {name!r}")
    return porter_stem


UNDATED = 2**64 - 1  # what Whoosh's date column holds for a story without a date
_DATE_COLUMNS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


# Words are runs of letters/digits; everything else splits, so glued sentences
# ("message.Badghis") and hyphenated names ("Qala-e-Naw") yield separate words. Numbers keep their
# decimal point and thousands commas, and currency and percent signs stay on them (index/symbols.py).
WORD_PATTERN = TOKEN_PATTERN


class SlugFilter(Filter):
    """Turns a whole keyword value into a slug so "United States" and united-states match."""

    _non_word = re.compile(r"[\W_]+")

    def __call__(self, tokens):  # type: ignore[override]
        for token in tokens:
            token.text = self._non_word.sub("-", token.text).strip("-")
            if token.text:
                yield token


class WordFilter(Filter):
    """Lower-case, accent-fold and (optionally) stem each word in one step, memoised.

    The same terms as LowercaseFilter | CharsetFilter(accent_map) | StemFilter, at a third of the
    cost: indexing and snippet highlighting run every word of every story through it.
    """

    def __init__(self, stem: bool = True, cachesize: int = 200_000):
        self.stem = stem
        self.cachesize = cachesize
        self._cache: dict[str, str] = {}
        self._stemmer = None  # the STEMMER's function, looked up on first use

    def __eq__(self, other):
        return type(other) is type(self) and other.stem == self.stem

    def __getstate__(self):
        return {"stem": self.stem, "cachesize": self.cachesize}

    def __setstate__(self, state):
        self.__init__(**state)

    def _normalise(self, text: str) -> str:
        word = text.lower().translate(accent_map)
        if not self.stem or has_sign(word):
            return word
        if self._stemmer is None:
            self._stemmer = stem_function(STEMMER)
        found = self._stemmer(word)
        # A stem only rewrites the word's ending, so the word's forms can be found by prefix
        # (search/wordforms.py); Snowball's few exceptions (dying -> die) keep the word whole.
        return found if len(found) < 2 or word.startswith(found[:-1]) else word

    def __call__(self, tokens):  # type: ignore[override]
        cache = self._cache
        for token in tokens:
            text = token.text
            word = cache.get(text)
            if word is None:
                if len(cache) >= self.cachesize:
                    cache.clear()
                word = cache[text] = self._normalise(text)
            token.text = word
            yield token


def text_analyzer():
    """Stemmed words with no stop list: how a query word is reduced to the stem its forms share."""
    return RegexTokenizer(WORD_PATTERN) | WordFilter(stem=True)


_STEMMER = WordFilter(stem=True)


def stem(word: str) -> str:
    """The stem of one indexed (lower-cased, accent-folded) word, as text_analyzer gives it."""
    found = _STEMMER._cache.get(word)
    if found is None:
        if len(_STEMMER._cache) >= _STEMMER.cachesize:
            _STEMMER._cache.clear()
        found = _STEMMER._cache[word] = _STEMMER._normalise(word)
    return found


def name_analyzer():
    """Unstemmed lower-case words: names (sources, speakers) and exact phrases."""
    return RegexTokenizer(WORD_PATTERN) | WordFilter(stem=False)


def keyword_analyzer():
    """Comma-separated values, each one slugged whole: facets and exact filters."""
    return CommaSeparatedTokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | SlugFilter()


@lru_cache(maxsize=1)
def _slugger():
    return keyword_analyzer()


@lru_cache(maxsize=50_000)
def slug(value: str) -> str:
    """The indexed form of a keyword value, for building filter terms."""
    tokens = [t.text for t in _slugger()(value.replace(",", " "))]
    return tokens[0] if tokens else ""


def build_schema() -> fields.Schema:
    """The searchkit schema: ranked text fields, filterable keywords, stored display values."""
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        # One copy of each text: its exact words with positions. "Quoted phrases" match them word for
        # word; a free word matches every indexed form of its stem (index/forms.py), scored as one
        # term; "did you mean" suggests from them. (Whoosh compresses each story's stored values.)
        title=fields.TEXT(analyzer=name_analyzer(), stored=True),
        body=fields.TEXT(analyzer=name_analyzer(), stored=True),
        date=_date_field(),  # a column only: read with document()
        day=fields.ID(),  # YYYYMMDD: whole-day ranges as a few terms instead of a numeric trie walk
        year=fields.ID(sortable=True),
        month=fields.ID(sortable=True),
        # Near-duplicate group: the id of its first member, stored, and as a column to fold hits by; only
        # later members (copies) index it, as `copy_of`, so that singletons add no term to the index.
        cluster=fields.STORED(),
        fold=fields.COLUMN(columns.VarBytesColumn()),
        copy_of=fields.ID(),
        source=fields.TEXT(analyzer=name_analyzer(), stored=True),
        source_key=fields.KEYWORD(analyzer=keyword_analyzer(), sortable=True),
        location=fields.KEYWORD(analyzer=keyword_analyzer(), scorable=True),
        country=fields.KEYWORD(analyzer=keyword_analyzer()),
        place=fields.KEYWORD(analyzer=keyword_analyzer(), stored=True),
        quote=fields.TEXT(analyzer=name_analyzer()),
        speaker=fields.TEXT(analyzer=name_analyzer()),
        speaker_key=fields.KEYWORD(analyzer=keyword_analyzer()),
        author=fields.TEXT(analyzer=name_analyzer()),  # bylines: unstemmed names, like speaker
        author_key=fields.KEYWORD(analyzer=keyword_analyzer()),
        tag=fields.KEYWORD(analyzer=keyword_analyzer(), stored=True),
        locations=fields.STORED(),
        countries=fields.STORED(),
        quotes=fields.STORED(),
        authors=fields.STORED(),
        dateline=fields.STORED(),
        path=fields.STORED(),
        line=fields.STORED(),
        url=fields.STORED(),
    )


def _date_field() -> fields.DATETIME:
    """A column of dates and nothing else: whole days are searched in `day`, `month` and `year`, finer
    spans read the column (search/whoosh_query.py), and stored copies would repeat the column."""
    field = fields.DATETIME(sortable=True)
    field.indexed = False
    return field


def document(reader, docnum: int) -> dict:
    """A story's stored fields, with its date from the date column (None when it has none)."""
    found = dict(reader.stored_fields(docnum))
    if "date" not in found and reader.has_column("date"):
        value = _dates(reader)[docnum]
        found["date"] = None if value == UNDATED else as_utc(long_to_datetime(value))
    return found


def _dates(reader):
    """The raw date column of a reader, opened once per reader."""
    cached = _DATE_COLUMNS.get(reader)
    if cached is None:
        cached = _DATE_COLUMNS[reader] = reader.column_reader("date", translate=False)
    return cached


def _keywords(values) -> str:
    """Comma-join values for a keyword field, dropping commas inside values."""
    return ",".join(v.replace(",", " ") for v in values if v)


def description_words(speaker: str) -> list[str]:
    """A described speaker's words as the speaker field reads them, its article left out ("a Reagan
    administration official" -> reagan, administration, official; "Donald Trump's campaign" -> donald, trump,
    campaign): the index and the quote matcher share them."""
    words = [t.text for i, t in enumerate(_name_tokens()(speaker)) if not (i and t.text == "s")]
    return words[1:] if len(words) > 1 and words[0] in _DETERMINERS else words


def speaker_text(speaker: str) -> str:
    """What the speaker field indexes: a name as written; a description ("Reagan administration official")
    as its head word after one term of the words before it ("reagan_administration official"), so that
    speaker:official and speaker:"reagan administration" find it and speaker:reagan does not."""
    if not described(speaker):
        return speaker
    words = description_words(speaker)
    return " ".join(["_".join(words[:-1]), words[-1]] if len(words) > 1 else words)


_DETERMINERS = frozenset("a an the one another".split())


@lru_cache(maxsize=1)
def _name_tokens():
    return name_analyzer()


def to_document(article: Article, cluster: str = "") -> dict:
    """The Whoosh document for an (enriched) article, with its near-duplicate cluster."""
    places = dict.fromkeys([*article.locations, *article.countries, article.place])
    speakers = dict.fromkeys(q.speaker for q in article.quotes if q.speaker)
    doc = {
        "id": article.id,
        "title": article.title,
        "body": article.body,
        "source": article.source,
        "source_key": _keywords([article.source]),
        "location": _keywords(places),
        "country": _keywords(article.countries),
        "place": _keywords([article.place]),
        "quote": "\n".join(q.text for q in article.quotes),
        "speaker": "\n".join(speaker_text(v) for v in speakers),
        "speaker_key": _keywords(speakers),
        "author": "\n".join(article.authors),
        "author_key": _keywords(article.authors),
        "tag": _keywords(article.tags),
        "locations": list(article.locations),
        "countries": list(article.countries),
        "quotes": [(q.text, q.speaker) for q in article.quotes],
        "authors": list(article.authors),
        "dateline": article.dateline,
        "path": article.path,
        "line": article.line,
        "url": article.url,
        "cluster": cluster or article.id,
        "fold": (cluster or article.id).encode("utf-8", "surrogatepass"),
        "copy_of": cluster if cluster and cluster != article.id else "",
    }
    if article.date is not None:
        day = as_utc(article.date)
        doc.update(date=day, day=f"{day.year:04d}{day.month:02d}{day.day:02d}", year=f"{day.year:04d}",
                   month=f"{day.year:04d}-{day.month:02d}")
    # Empty values are left out: nothing to index, and every stored one costs bytes in every story
    # (readers take a missing value as empty).
    return {k: v for k, v in doc.items() if v or k in ("id", "body")}


def from_document(fields: dict) -> Article:
    """The article a stored document was made from (what `show` prints; re-indexed as is)."""
    return Article(
        id=fields["id"],
        body=fields.get("body", ""),
        title=fields.get("title", ""),
        date=fields.get("date"),
        source=fields.get("source", ""),
        locations=tuple(fields.get("locations") or ()),
        countries=tuple(fields.get("countries") or ()),
        place=fields.get("place", ""),
        dateline=fields.get("dateline", ""),
        quotes=tuple(Quote(t, s) for t, s in fields.get("quotes") or ()),
        path=fields.get("path", ""),
        line=fields.get("line", 0),
        url=fields.get("url", ""),
        tags=tuple(t for t in (fields.get("tag") or "").split(",") if t),
        authors=tuple(fields.get("authors") or ()),
    )


def display_names(article: Article) -> dict[str, dict[str, str]]:
    """{keyword field: {indexed slug: display name}} for the values this article adds."""
    speakers = [q.speaker for q in article.quotes if q.speaker]
    places = [*article.locations, *article.countries, article.place]
    return {
        "source_key": {slug(v): v for v in [article.source] if v},
        "location": {slug(v): v for v in places if v},
        "speaker_key": {slug(v): v for v in speakers},
        "author_key": {slug(v): v for v in article.authors if v},
        "tag": {slug(v): v for v in article.tags if v},
    }


def as_utc(moment: datetime) -> datetime:
    """Timezone-aware UTC: naive datetimes are taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)
