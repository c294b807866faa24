"""The `searchkit` command: a thin click layer over searchkit.api (parse options, call, render)."""
from __future__ import annotations

import html
import json
import os
import re
import signal
import sys
from pathlib import Path

import click

from . import api
from .errors import SearchkitError
from .index import store
from .model import quotation_dict, quotes_summary
from .search.request import EXPAND_ANY, FACETS


class _Printable:
    """ingest.printable, imported on first use: `searchkit query` need not load the readers."""

    def __getattr__(self, name):
        from .ingest import printable as module

        return getattr(module, name)


printable = _Printable()

EXIT_NO_HITS = 1
EXIT_ERROR = 2
EXIT_LOSSES = 3  # `index` wrote what it could, but records were lost (id collisions, or most skipped)
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_TERMINATED = 143  # SIGTERM
EXIT_INTERNAL = 70  # a fault of searchkit itself (EX_SOFTWARE); SEARCHKIT_DEBUG=1 shows the traceback


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: every writer already cleans up on KeyboardInterrupt."""


def _on_sigterm(_signum, _frame):
    raise Terminated()


class Failure(click.ClickException):
    """A one-line error and exit status 2, never a traceback."""

    exit_code = EXIT_ERROR


def _index_option(f):
    return click.option(
        "--index", "index_path", envvar="SEARCHKIT_INDEX", type=click.Path(path_type=Path),
        default=None, show_envvar=True, help="Index folder [default: ./index].",
    )(f)


def _wait_option(f):
    return click.option("--wait", type=click.FloatRange(min=0), default=0.0, show_default=True,
                        help="Seconds to wait for another writer to finish.")(f)


def _one_line(exc: click.UsageError) -> Failure:
    """A usage error as one line (not click's Usage/Try/Error block), with where to find help."""
    where = f"; see '{exc.ctx.command_path} -h'" if exc.ctx is not None else ""
    return Failure(exc.format_message().rstrip(".") + where)


_NEGATIVE = re.compile(r"-(\d+\.?\d*|\.\d+)")


class _Command(click.Command):
    """Reads a negative number after an option whose value is optional (`--recency -5`) as its value, so
    the option's own check can say what is wrong with it, not click "No such option '-5'"."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        optional = {name for p in self.params if getattr(p, "_flag_needs_value", False) for name in p.opts}
        out, i = [], 0
        while i < len(args):
            if args[i] == "--":
                out += args[i:]
                break
            name, eq, value = args[i].partition("=")
            if name in optional and not eq and i + 1 < len(args) and _NEGATIVE.fullmatch(args[i + 1]):
                eq, value = "=", args[i + 1]
                i += 1
            if name in optional and eq and _NEGATIVE.fullmatch(value):
                # click reads a value starting with "-" as an option, even after "="; not one after a
                # space, which float() and int() ignore
                out.append(f"{name}= {value}")
            else:
                out.append(args[i])
            i += 1
        return super().parse_args(ctx, out)


class _Group(click.Group):
    """Turns library errors, usage errors and Ctrl-C into one-line messages."""

    command_class = _Command

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:  # `searchkit --bogus`
            raise _one_line(exc) from None

    def invoke(self, ctx):
        try:
            previous = signal.signal(signal.SIGTERM, _on_sigterm)
        except ValueError:  # not the main thread: leave signals alone
            previous = None
        try:
            return super().invoke(ctx)
        except SearchkitError as exc:
            raise Failure(printable.text(str(exc))) from None
        except click.UsageError as exc:  # a bad option or value, an unknown command
            raise _one_line(exc) from None
        except KeyboardInterrupt as exc:
            what = "terminated" if isinstance(exc, Terminated) else "interrupted"
            click.echo(f"{what}; the index holds its last committed state", err=True)
            ctx.exit(EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED)
        except BrokenPipeError:  # `searchkit query x | head`
            sys.stderr.close()
            ctx.exit(0)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - a bug: one line for people, the traceback on request
            if os.environ.get("SEARCHKIT_DEBUG"):
                raise
            message = printable.text(" ".join(f"{type(exc).__name__}: {exc}".split()))[:300]
            click.echo(f"internal error ({message}): a fault of searchkit, not of your input; please report "
                       "it (SEARCHKIT_DEBUG=1 shows where it happened)", err=True)
            ctx.exit(EXIT_INTERNAL)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="searchkit")
def main() -> None:
    """Full-text search for news reports: dates, sources, places, and who said what."""


# -- index ------------------------------------------------------------------------------

PROGRESS_EVERY = 10.0  # seconds between progress lines when stderr is not a terminal (a log, a pipe)


def _progress_reporter():
    """A click progress bar on a terminal, created once the total size is known; elsewhere (a log file,
    a CI job) a plain line every PROGRESS_EVERY seconds, so a long build is seen to move."""
    import time

    state: dict = {"last": time.monotonic()}

    def report(done: int, total: int) -> None:
        if not sys.stderr.isatty():
            now = time.monotonic()
            if now - state["last"] >= PROGRESS_EVERY and done < total:
                state["last"] = now
                click.echo(f"indexing: {100 * done // max(total, 1)}% ({done / 1e6:,.1f} of {total / 1e6:,.1f} MB)",
                           err=True)
            return
        bar = state.get("bar")
        if bar is None:
            bar = state["bar"] = click.progressbar(length=max(total, 1), label="indexing", file=sys.stderr,
                                                   show_eta=True, show_percent=True)
            bar.__enter__()
            state["done"] = 0
        bar.update(done - state["done"])
        state["done"] = done

    def close() -> None:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)

    return report, close


def _print_problems(problems, verbose: bool, limit: int = 10) -> None:
    shown = problems if verbose else problems[:limit]
    for p in shown:
        click.echo(f"{'skipped' if p.skipped else 'warning'}: {p}", err=True)
    if len(problems) > len(shown):
        click.echo(f"... and {len(problems) - len(shown)} more (use --verbose to list all)", err=True)


@main.command("index")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--rebuild", is_flag=True, help="Build a fresh index beside the old one and swap it in.")
@click.option("--procs", type=click.IntRange(1, 16), default=None,
              help="Processes reading places and quotations [default: 2 for inputs over 4 MB, else 1].")
@_wait_option
@_index_option
@click.option("--metadata", "metadata", multiple=True, type=click.Path(path_type=Path), metavar="FILE",
              help="A table (TSV, CSV, JSON Lines) of file name, date, source, author, title... for the "
                   "stories (repeatable; tables named like metadata.tsv inside PATHS are read anyway).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("-v", "--verbose", is_flag=True, help="List every problem.")
def index_cmd(paths, rebuild, procs, wait, index_path, metadata, as_json, verbose):
    """Add new and changed articles from PATHS (files or folders); --rebuild starts afresh.

    With no PATHS, re-reads the paths the index was built from (or ./corpus), with its metadata tables;
    a recorded path that no longer exists is reported and the others are read.

    \b
    Exit status: 0 when everything readable was indexed (skipped records are listed and counted);
    3 when records were lost: an id already used by another record, or more than half skipped;
    2 on an error (missing path, locked or foreign index folder).
    """
    idx = api.Index(index_path)
    for table in metadata:
        if not table.is_file():
            raise Failure(f"no such metadata table: {table}")
    if not paths:
        if rebuild:  # a rebuild starts a fresh record: carry the tables over
            metadata = (*metadata, *map(Path, idx.metadata_tables()))
        recorded = [Path(p) for p in idx.sources()]
        paths = [p for p in recorded if p.exists()]
        for gone in (p for p in recorded if not p.exists()):
            click.echo(f"warning: {printable.path(gone)}: recorded source no longer exists; not read", err=True)
        if not recorded and Path(api.DEFAULT_CORPUS).is_dir():
            paths = [Path(api.DEFAULT_CORPUS)]
        if not recorded and not paths:
            raise click.UsageError("no PATHS given and no ./corpus folder to index")
        if not paths:
            raise Failure("none of the paths this index was built from exists any more; pass PATHS")
    for p in paths:
        if not p.exists():
            raise Failure(f"no such file or folder: {printable.path(p)}")
    existed = (idx.path / store.CURRENT).is_file()  # an index was there, even one a rebuild repairs
    report, close = _progress_reporter()
    try:
        run = idx.rebuild if rebuild else idx.add
        result = run(paths, wait=wait, procs=procs, progress=report, metadata=metadata)
    finally:
        close()
    _print_problems(result.problems, verbose)
    if result.recovered:
        click.echo(f"note: {result.recovered}", err=True)
    if as_json:
        data = {k: v for k, v in result.__dict__.items() if k != "problems"}
        data["problems"] = [str(p) for p in result.problems]
        data["losses"] = result.losses
        click.echo(json.dumps(data))
    else:
        done = "updated" if not result.rebuilt else "rebuilt" if existed else "built"
        click.echo(
            f"{done} {printable.path(idx.path)}: {_plural(result.added, 'article')} "
            "indexed" + (f" ({result.undated:,} undated)" if result.undated else "")
            + f", {result.unchanged:,} unchanged, {result.skipped:,} skipped, {_plural(result.warnings, 'warning')} "
            f"({_plural(result.files, 'file')}, {result.files_unchanged:,} unchanged) in {result.seconds:.1f} s"
        )
    if result.losses:
        why = (f"{result.collisions:,} with an id another record already has" if result.collisions
               else "more than half of the input")
        click.echo(f"indexed with losses: {result.skipped:,} records skipped ({why}); exit status {EXIT_LOSSES}",
                   err=True)
        sys.exit(EXIT_LOSSES)


# -- query ------------------------------------------------------------------------------

def _open_for_reading(index_path: Path | None, wait: float = 0.0) -> api.Index:
    """Open the index; on first use of the default location, build it from ./corpus.

    wait: seconds to wait for another process that holds the write lock (e.g. building it).
    """
    idx = api.Index(index_path)
    if not idx.exists() and wait:  # its first build may be under way
        store.await_writer(idx.path, wait)
    if idx.exists():
        return idx
    corpus = Path(api.DEFAULT_CORPUS)
    if index_path is None and corpus.is_dir():
        click.echo(f"building the index in {idx.path} from {corpus}/ (first use)...", err=True)
        report, close = _progress_reporter()
        try:
            result = idx.build_missing([corpus], wait=wait, progress=report)
        finally:
            close()
        if result is not None:
            _print_problems(result.problems, verbose=False)
        return idx
    raise store.missing_error(idx.path)


def _today():
    """The reference date for relative dates: $SEARCHKIT_TODAY (YYYY-MM-DD) pins it, e.g. in tests."""
    from datetime import datetime, timezone

    pinned = os.environ.get("SEARCHKIT_TODAY")
    now = datetime.now(timezone.utc)
    return _date_option("SEARCHKIT_TODAY", pinned, end=False, today=now) if pinned else now


def _date_option(name: str, value: str | None, *, end: bool, today):
    """A date option's bound (search/dates.py grammar), or a one-line error naming the option."""
    from .search.dates import DateError, option_bound

    if value is None:
        return None
    try:
        return option_bound(value, end=end, basedate=today)
    except DateError as exc:
        raise Failure(f"{name}: {exc}") from None


def _meta_line(hit) -> str:
    parts = [hit.date.date().isoformat() if hit.date else "undated"]
    if hit.source:
        parts.append(hit.source)
    if hit.authors:
        parts.append("by " + ", ".join(hit.authors[:3]) + (" et al." if len(hit.authors) > 3 else ""))
    if hit.locations:
        shown = list(hit.locations[:4]) + (["…"] if len(hit.locations) > 4 else [])
        parts.append(", ".join(shown))
    parts.append(f"id {hit.id}")
    return " · ".join(parts)


def _bold(text: str) -> str:
    return click.style(text, bold=True, fg="yellow")


@main.command("query")
@click.argument("query")
@click.option("-n", "--limit", type=click.IntRange(1, 10_000), default=10, show_default=True, help="Hits per page.")
@click.option("-p", "--page", type=click.IntRange(1), default=1, show_default=True, help="Page of hits.")
@click.option("--sort", type=click.Choice(list(api.SORT_NAMES), case_sensitive=False), default="relevance",
              show_default=True, help="Order: relevance, newest first (also: date), or oldest first (undated "
                                      "stories last).")
@click.option("--any", "match_any", is_flag=True, help="Match any word instead of all words.")
@click.option("--from", "date_from", metavar="DATE", help="Only articles on or after DATE (YYYY[-MM[-DD]], 7d, \"last week\").")
@click.option("--to", "date_to", metavar="DATE", help="Only articles on or before DATE (the end of that day, month, year).")
@click.option("--since", metavar="SPAN", help="Only articles in the last SPAN (7d, 2w, 3m, 1y: whole days up to today).")
@click.option("--location", help="Only articles mentioning this place (comma = any of them).")
@click.option("--source", help="Only articles from this source.")
@click.option("--speaker", help="Only articles quoting this speaker.")
@click.option("--tag", help="Only articles with this tag (e.g. a Reuters topic).")
@click.option("--author", help="Only articles with this byline (e.g. \"jane smith\").")
@click.option("--facet", "facets", multiple=True, type=click.Choice(list(FACETS)),
              help="Count hits per value of this field (repeatable).")
@click.option("--recency", "recency", type=float, is_flag=False, flag_value=30.0, default=None, metavar="DAYS",
              help="Favour recent stories: score halves every DAYS days older [flag alone: 30].")
@click.option("--fuzzy", is_flag=True, help="Tolerate a typo in each word.")
@click.option("--expand/--no-expand", "expand", default=None,
              help="Pseudo-relevance feedback (RM3): add the words the best stories share "
                   f"[default: {'on with --any, ' if EXPAND_ANY else ''}off].")
@click.option("--strict", is_flag=True, help="Only stories with all the words, even when they fill less than a page.")
@click.option("--no-proximity", "no_proximity", is_flag=True,
              help="Rank by BM25F alone: no bonus for query words next to each other in a story.")
@click.option("--no-correct", "no_correct", is_flag=True,
              help="Do not run the did-you-mean spelling when the query as typed finds nothing.")
@click.option("--all", "show_all", is_flag=True, help="Show near-duplicate (wire copy) stories too.")
@click.option("--explain", is_flag=True, help="Show the per-field term contributions to each score.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit (JSON Lines).")
@_wait_option
@_index_option
def query_cmd(query, limit, page, sort, match_any, date_from, date_to, since, location, source, speaker, tag,
              author, facets, recency, fuzzy, expand, strict, no_proximity, no_correct, show_all, explain, as_json, wait,
              index_path):
    """Search for QUERY: words, "phrases", AND/OR/NOT, field:value, date:[FROM to TO].

    \b
    Examples:
      searchkit query "prison escape"
      searchkit query '"prison gate"'
      searchkit query 'quote:enemy speaker:shams location:badghis'
      searchkit query 'taliban date:[2021-07-01 to 2021-07-31]' --sort date
    When all the words find less than a page, the best stories with some of them follow, marked
    partial (--strict: none). A query that finds nothing is run again with its did-you-mean
    spelling (--no-correct: not).
    Fields: title body source location country place quote speaker author tag date id.
    Exit status: 0 with hits, 1 with none, 2 on a usage or query error.
    """
    from .search.request import SearchRequest

    today = _today()
    start = _date_option("--since", since, end=False, today=today) if since else \
        _date_option("--from", date_from, end=False, today=today)
    end = _date_option("--to", date_to, end=True, today=today)
    request = SearchRequest.build(
        query, limit=limit, page=page, sort=api.SORT_NAMES[sort], match="any" if match_any else "all",
        date_from=start, date_to=end, location=location, source=source, speaker=speaker, tag=tag, author=author, basedate=today,
        facets=facets, recency=recency, fuzzy=fuzzy, collapse=not show_all, explain=explain, expand=expand,
        fill=not strict, correct=not no_correct, proximity=not no_proximity)
    idx = _open_for_reading(index_path, wait)
    results = idx.search(request)
    if as_json:
        for hit in results.hits:
            click.echo(json.dumps(hit.to_dict(), ensure_ascii=False))
        # always a last line, marked, even with no hits: what /api/search returns as "summary"
        click.echo(json.dumps({"summary": results.to_dict()}, ensure_ascii=False))
    else:
        _print_results(results, _scope(request.filters))
    if not results.hits:
        sys.exit(EXIT_NO_HITS)


def _scope(filters) -> str:
    """The options that narrowed a search, for its header: ` from 1987-10-01 to 1987-10-31, location: bahrain`."""
    first, last = filters.date_from, filters.date_to
    parts = []
    if first and last:
        parts.append(f"from {first.date().isoformat()} to {last.date().isoformat()}")
    elif first or last:
        parts.append(f"from {first.date().isoformat()}" if first else f"up to {last.date().isoformat()}")
    parts += [f"{name}: {value}" for name in ("location", "source", "speaker", "tag", "author")
              if (value := getattr(filters, name))]
    return (" " + ", ".join(parts)) if parts else ""


_TAG = re.compile(r"<b>(.*?)</b>", re.S)


def render(snippet: str, bold) -> str:
    """A snippet for a terminal: `bold(text)` styles matches, HTML entities unescaped."""
    out, last = [], 0
    for m in _TAG.finditer(snippet):
        out.append(html.unescape(snippet[last:m.start()]))
        out.append(bold(html.unescape(m.group(1))))
        last = m.end()
    out.append(html.unescape(snippet[last:]))
    return "".join(out)


def _print_results(results, scope: str = "") -> None:
    if results.corrected_from is not None:
        click.echo(f"no hits for {results.corrected_from!r}; showing results for "
                   + click.style(repr(results.query), bold=True), err=True)
    if results.suggestion:
        click.echo(f"did you mean: {click.style(results.suggestion, bold=True)}", err=True)
    for note in results.notes:
        click.echo(f"note: {note}", err=True)
    if results.expansion:
        click.echo(f"expanded with: {', '.join(results.expansion)}", err=True)
    if not results.total and not results.partial:
        click.echo(f"no hits for {results.query!r}{scope}", err=True)
        return
    folded = results.matched - results.total
    extra = f"; {folded:,} near-duplicate{'s' if folded != 1 else ''} folded in" if folded > 0 else ""
    if results.hits:
        first = results.hits[0].rank
        shown = f"showing {first}-{results.hits[-1].rank}, page {results.page} of {results.pages}"
    else:
        shown = f"page {results.page} of {results.pages}"
    partial = (f" + {results.partial:,} partial match{'es' if results.partial != 1 else ''} (some of the words)"
               if results.partial else "")
    click.echo(
        f"{results.total:,} hit{'s' if results.total != 1 else ''} for {results.query!r}{scope}{partial}"
        f" ({shown}, {results.seconds * 1000:.0f} ms{extra})\n"
    )
    if not results.hits:
        click.echo(f"page {results.page} is past the last page ({results.pages})", err=True)
    shown_partial = False
    for hit in results.hits:
        if hit.partial and not shown_partial:
            click.echo(click.style("-- partial matches: stories with only some of the words --", dim=True) + "\n")
            shown_partial = True
        title = hit.title or "(untitled)"
        score = "" if hit.score is None else click.style(f"  [{hit.score:.2f}]", dim=True)
        mark = click.style("[partial] ", fg="magenta") if hit.partial else ""
        click.echo(f"{hit.rank}. " + mark + click.style(title, bold=True) + score)
        click.echo("   " + click.style(_meta_line(hit), fg="cyan"))
        click.echo("   " + render(hit.snippet, _bold))
        for quote in hit.extra.get("matched_quotes", ())[:3]:
            click.echo(f"   \u201c{render(quote['highlighted'], _bold)}\u201d \u2014 "
                       + click.style(quote["speaker"] or "unattributed", bold=True))
        if hit.duplicates:
            click.echo(click.style(f"   + {hit.duplicates} near-duplicate(s): searchkit similar {hit.id}", dim=True))
        for part in hit.extra.get("explain", ()):
            if part.get("proximity"):
                click.echo(click.style(f"     {part['score']:8.3f}  words next to each other: {part['term']}", dim=True))
                continue
            click.echo(click.style(
                f"     {part['score']:8.3f}  {part['field']}:{part['term']}  (boost {part['boost']:g}, "
                f"weight {part['weight']:g}, in {part['doc_frequency']:,} docs)", dim=True))
        click.echo()
    for name, counts in results.facets.items():
        click.echo(click.style(f"{name}:", bold=True))
        for value, count in counts:
            click.echo(f"  {count:>7,}  {value}")


# -- show / stats / delete -----------------------------------------------------------------

@main.command("show")
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
@_wait_option
@_index_option
def show_cmd(article_id, as_json, wait, index_path):
    """Print the whole article with id ARTICLE_ID (e.g. `001` or `business/001`) and what was extracted from it."""
    idx = _open_for_reading(index_path, wait)
    article_id = printable.path(article_id)  # as stored: a byte that is not UTF-8 reads `\xNN`
    article = idx.get(article_id)
    if article is None:
        raise Failure(f"no article with id {article_id!r} in {printable.path(idx.path)}")
    if as_json:
        click.echo(json.dumps(article.to_dict(), ensure_ascii=False))
        return
    click.echo(click.style(article.title or "(untitled)", bold=True))
    rows = [
        ("id", article.id),
        ("date", article.date.isoformat() if article.date else "undated"),
        ("source", article.source),
        ("authors", ", ".join(article.authors)),
        ("place", article.place),
        ("locations", ", ".join(article.locations)),
        ("countries", ", ".join(article.countries)),
        ("tags", ", ".join(article.tags)),
        ("file", f"{article.path}:{article.line}" if article.line else article.path),
        ("url", article.url),
    ]
    for name, value in rows:
        if value:
            click.echo(f"{name:>10}: {value}")
    for q in article.quotes:
        click.echo(f"{'quote':>10}: \u201c{q.text}\u201d \u2014 {q.speaker or 'unattributed'}")
    click.echo()
    click.echo(article.body)


@main.command("stats")
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True, help="How many of each to list.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@_wait_option
@_index_option
def stats_cmd(top, as_json, wait, index_path):
    """Counts, date span, top sources, authors, locations and speakers."""
    idx = _open_for_reading(index_path, wait)
    data = idx.stats(top=top)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    click.echo(f"index     {data['path']}")
    click.echo(f"articles  {data['articles']:,} ({data['dated']:,} dated, {data['undated']:,} undated)")
    if data["first_date"]:
        click.echo(f"dates     {data['first_date'][:10]} to {data['last_date'][:10]}")
    if data.get("duplicates"):
        click.echo(f"near-duplicates  {data['duplicates']:,} (folded under their first copy in results)")
    for key in ("sources", "authors", "locations", "countries", "speakers", "described_speakers", "tags", "years"):
        if data.get(key):
            click.echo(f"\ntop {key.replace('_', ' ')}:")
            for name, count in data[key]:
                click.echo(f"  {count:>7,}  {name}")


@main.command("similar")
@click.argument("article_id")
@click.option("-n", "--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: duplicates first (\"kind\": \"duplicate\").")
@_wait_option
@_index_option
def similar_cmd(article_id, limit, as_json, wait, index_path):
    """Near-duplicate copies of story ARTICLE_ID, then the stories most like it."""
    idx = _open_for_reading(index_path, wait)
    dups, alike = idx.similar(article_id, limit=limit)
    if as_json:
        for kind, hits in (("duplicate", dups), ("similar", alike)):
            for hit in hits:
                click.echo(json.dumps({"kind": kind, **hit.to_dict()}, ensure_ascii=False))
    else:
        click.echo(click.style(f"{len(dups)} near-duplicate(s) of {article_id}", bold=True))
        for hit in dups:
            click.echo(f"  {hit.id}  {hit.title}  ({_meta_line(hit)})")
        click.echo(click.style(f"\nstories like {article_id}", bold=True))
        for hit in alike:
            click.echo(f"{hit.rank:>3}. {hit.title or '(untitled)'}  [{hit.score:.2f}]")
            click.echo("     " + click.style(_meta_line(hit), fg="cyan"))
    if not dups and not alike:
        sys.exit(EXIT_NO_HITS)


@main.command("quotes")
@click.argument("query")
@click.option("-n", "--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.option("--speaker", help="Only quotations by this speaker.")
@click.option("--location", help="Only from articles mentioning this place.")
@click.option("--source", help="Only from this source.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per quotation.")
@_wait_option
@_index_option
def quotes_cmd(query, limit, speaker, location, source, as_json, wait, index_path):
    """Quotations whose words match QUERY, with speaker, date and article (newest first)."""
    idx = _open_for_reading(index_path, wait)
    found = idx.quotes(query, limit=limit, speaker=speaker, location=location, source=source,
                       basedate=_today())
    for quote, hit in found:
        if as_json:
            click.echo(json.dumps(quotation_dict(quote, hit), ensure_ascii=False))
            continue
        click.echo(f"\u201c{render(hit.snippet, _bold)}\u201d")
        click.echo("   \u2014 " + click.style(quote.speaker or "unattributed", bold=True)
                   + click.style(f"  ({_meta_line(hit)})", fg="cyan"))
        click.echo()
    if as_json:  # a last line, marked, as /api/quotes returns it
        click.echo(json.dumps({"summary": quotes_summary(query, found, limit)}, ensure_ascii=False))
    if not found:
        if not as_json:
            click.echo(f"no quotations match {query!r}", err=True)
        sys.exit(EXIT_NO_HITS)


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but 127.0.0.1/localhost lets other machines read the index.")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True, help="Port (0: any free one).")
@click.option("--quiet", is_flag=True, help="Do not log each request.")
@_wait_option
@_index_option
def serve_cmd(host, port, quiet, wait, index_path):
    """Search the index in a browser: a local web page and a JSON API (read-only).

    \b
    Pages: / (search, facets, chart), /article?id=ID, /quotes.
    JSON:  /api/search?q=..., /api/article/ID, /api/quotes?q=... (as --json prints).
    Builds the index from ./corpus on first use, like `query`. Ctrl-C stops it.
    """
    from .web import create_app, listen, serve
    from .web.guard import LOOPBACK_NAMES

    idx = _open_for_reading(index_path, wait)
    if not idx.exists():
        raise store.missing_error(idx.path)
    sock = listen(host, port)
    local = host.lower().strip("[]") in LOOPBACK_NAMES
    app = create_app(idx, today=_today, hosts=LOOPBACK_NAMES if local else None)
    where = f"[{host}]" if ":" in host else host
    click.echo(f"searchkit: serving {printable.path(idx.path)} at http://{where}:{sock.getsockname()[1]}/ "
               f"(read-only{'' if local else ', reachable from other machines'}; Ctrl-C stops)", err=True)
    try:
        serve(app, sock, quiet=quiet)
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
        idx.close()
    click.echo("searchkit: stopped", err=True)


@main.command("delete")
@click.argument("ids", nargs=-1, required=True)
@_wait_option
@_index_option
def delete_cmd(ids, wait, index_path):
    """Remove the articles with these IDS from the index."""
    idx = api.Index(index_path)
    if not idx.exists() and wait:
        store.await_writer(idx.path, wait)
    if not idx.exists():
        raise store.missing_error(idx.path)
    ids = list(dict.fromkeys(printable.path(i) for i in ids))  # an id given twice is one article
    missing = [i for i in ids if idx.get(i) is None]
    n = idx.delete([i for i in ids if i not in missing], wait=wait)
    click.echo(f"deleted {n:,} of {_plural(len(ids), 'article')}")
    if missing:
        shown = ", ".join(missing[:20]) + (f" and {len(missing) - 20:,} more" if len(missing) > 20 else "")
        click.echo(f"not found: {shown}", err=True)
    if n < len(ids):
        sys.exit(EXIT_NO_HITS)


def _plural(count: int, word: str) -> str:
    """`1 article`, `2 articles` (numbers with thousands separators)."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


if __name__ == "__main__":  # pragma: no cover
    main()
