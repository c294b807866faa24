"""Dates, bylines and metadata tables, measured (the "Dates, authors and sidecar metadata" section).

    python bench/metadata_bench.py [--shared DIR] [--split dev|test|all] [-v]

Called by bench/extraction.py too. Four measures, none on data the rules were tuned on unless said:

1. PolNeAR read through its metadata table (`polnear/metadata.tsv`, found in the folder): how many
   of the 924 stories get the table's date, source, title and authors (byline columns parsed into
   names), and the table's problems.
2. Reuters-21578 <AUTHOR>: stories with authors (875 records carry the element), and the names of a
   hand-checked sample (`bench/gold/reuters_authors.tsv`: 60 AUTHOR values drawn with seed 12, the
   names a person reads in each) to score precision and recall of the parsed names.
3. Dates from the text, when the date is known but hidden from the reader:
   - Reuters-21578, every story with its DATE removed (dateline "SALVADOR, Feb 26" is all it says);
   - PolNeAR texts read without their table;
   - 181 saved web pages of the article-extraction benchmark, as a reader copying the story from the
     page gets it: from the headline line to the end of the true article text (`story_of_page`).
     Gold: `bench/gold/page_dates.tsv`, the publication day each page states (checked by hand against
     the page; "-" when the page states none). Rules were written looking at the pages whose sha256
     starts with 0-7 (dev); the figures reported are those of 8-f (test) unless --split says otherwise.
   A found date is right when it is the gold day. Precision = right / found, coverage = found / with gold.
4. Bylines from the text of the same page stories ("By Jane Smith" lines): gold names in
   `bench/gold/page_dates.tsv` (column authors, "|"-separated; "-" for none given as a byline).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import re
import sys
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "bench" / "gold"
sys.path.insert(0, str(REPO))


def shared_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("SEARCHKIT_SHARED") or REPO.parent / "shared").resolve()


# -- 1. PolNeAR through its table -------------------------------------------------------------

def polnear_table(shared: Path, verbose: bool = False) -> dict:
    """How much of metadata.tsv reaches the stories when the PolNeAR folder is read."""
    from searchkit.ingest import read_paths
    from searchkit.ingest.bylines import split_byline
    from searchkit.model import Article, Problem

    root = shared / "corpora" / "polnear"
    rows = {r["filename"]: r for r in csv.DictReader(open(root / "metadata.tsv", encoding="utf-8"), delimiter="\t")}
    items = list(read_paths([root]))
    stories = {a.id: a for a in items if isinstance(a, Article)}
    problems = [str(p) for p in items if isinstance(p, Problem)]
    counts = Counter()
    for name, row in rows.items():
        a = stories.get(name)
        if a is None:
            continue
        counts["stories"] += 1
        counts["date"] += bool(a.date and a.date.date().isoformat() == row["publication_date"])
        counts["source"] += a.source == row["publisher"]
        counts["title"] += a.title == " ".join(row["title"].split())
        wanted = split_byline(row["author"])
        counts["author rows"] += bool(wanted)
        counts["author"] += bool(wanted) and a.authors == wanted
        counts["author cells"] += row["author"].strip().lower() not in ("", "none")
    n = counts["stories"]
    print(f"\nPolNeAR read through metadata.tsv: {len(stories)} stories, {len(rows)} table rows, "
          f"{len(problems)} problems")
    for key in ("date", "source", "title"):
        print(f"  {key:<8} {counts[key]:4d} / {n} = {counts[key] / n:.3f} as the table gives it")
    print(f"  authors  {counts['author']:4d} / {counts['author rows']} rows whose byline names someone "
          f"({counts['author cells']} non-empty author cells; the rest are 'None', '', ', ,', 'ELECTIONS 2016'...)")
    if verbose:
        for p in problems:
            print("   ", p)
    return dict(counts)


# -- 2. Reuters <AUTHOR> ------------------------------------------------------------------------

def reuters_articles(shared: Path) -> list:
    from searchkit.ingest import read_paths
    from searchkit.model import Article

    files = sorted((shared / "corpora" / "reuters21578").glob("reut2-*.sgm.gz"))
    if not files:
        sys.exit(f"no Reuters-21578 under {shared / 'corpora'}; use --shared DIR")
    return [a for a in read_paths([str(f) for f in files]) if isinstance(a, Article)]


def raw_reuters_authors(shared: Path) -> dict[str, str]:
    """NEWID -> the AUTHOR element as the file has it."""
    out = {}
    for f in sorted((shared / "corpora" / "reuters21578").glob("reut2-*.sgm.gz")):
        text = gzip.open(f).read().decode("latin-1")
        for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', text, re.S):
            author = re.search(r"<AUTHOR>(.*?)</AUTHOR>", m.group(2), re.S)
            if author:
                out[m.group(1)] = author.group(1)
    return out


def drawn_sample(raw: dict[str, str], n: int = 60, seed: int = 12) -> list[str]:
    """The NEWIDs of the hand-checked sample: n of the stories with an AUTHOR, drawn with this seed."""
    rng = random.Random(seed)
    return sorted(rng.sample(sorted(raw, key=int), n), key=int)


def reuters_authors(shared: Path, articles: list, verbose: bool = False) -> dict:
    raw = raw_reuters_authors(shared)
    got = {a.id: a.authors for a in articles if a.authors}
    gold = {}
    for row in csv.DictReader(open(GOLD / "reuters_authors.tsv", encoding="utf-8"), delimiter="\t"):
        gold[row["newid"]] = tuple(n for n in row["names"].split("|") if n)
    assert list(gold) == drawn_sample(raw), "bench/gold/reuters_authors.tsv is not the drawn sample"
    tp = fp = fn = 0
    for newid, names in gold.items():  # a name is right when it is the same name, whatever its capitals
        found = {n.casefold() for n in got.get(newid, ())}
        want = {n.casefold() for n in names}
        tp += len(found & want)
        fp += len(found - want)
        fn += len(want - found)
        if verbose and found != want:
            print(f"   NEWID {newid}: {raw[newid].strip()!r} gold {names} got {tuple(found)}")
    names = Counter(n for ns in got.values() for n in ns)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"\nReuters <AUTHOR>: {len(raw)} records carry it, {len(got)} stories got authors "
          f"({sum(len(v) for v in got.values())} names, {len(names)} distinct)")
    print(f"  hand-checked sample of {len(gold)} AUTHOR values: name precision {p:.3f}, recall {r:.3f} "
          f"({tp} right, {fp} wrong, {fn} missed)")
    return {"records": len(raw), "with_authors": len(got), "precision": p, "recall": r, "sample": len(gold)}


# -- 3. dates from text ---------------------------------------------------------------------------

def _score_dates(pairs) -> dict:
    """pairs: (gold date or None, found date or None) -> counts."""
    c = Counter()
    for gold, found in pairs:
        c["stories"] += 1
        c["with gold"] += gold is not None
        if found is None:
            continue
        c["found"] += 1
        if gold is None:
            c["found without gold"] += 1
        elif found == gold:
            c["right"] += 1
        else:
            c["wrong"] += 1
    return c


def _line(name: str, c: Counter) -> str:
    judged = c["right"] + c["wrong"]
    precision = f"{c['right'] / judged:.3f}" if judged else "n/a (none found)"
    return (f"  {name:<34} {c['stories']:6d} stories, {c['found']:5d} dated from text: {c['right']} right, "
            f"{c['wrong']} wrong; precision {precision}, coverage {c['right'] / max(1, c['with gold']):.3f}")


def reuters_dates(articles: list, with_year: bool = False) -> Counter:
    """Reuters stories with DATE hidden; with_year: the year given as metadata (a table naming only the year)."""
    from searchkit.extract import body_dateline
    from searchkit.extract.dates import date_from_text

    pairs = []
    near = 0
    for a in articles:
        if not a.body or a.date is None:
            continue
        found = date_from_text(a.text, a.dateline or body_dateline(a.body), year=a.date.year if with_year else None)
        pairs.append((a.date.date(), found.date() if found else None))
        near += found is not None and abs((found.date() - a.date.date()).days) <= 1
    c = _score_dates(pairs)
    c["within a day"] = near
    return c


def polnear_dates(shared: Path) -> Counter:
    """PolNeAR stories read without the table: does any text state its date?"""
    from searchkit.extract import body_dateline
    from searchkit.extract.dates import date_from_text
    from searchkit.ingest import read_paths
    from searchkit.model import Article

    root = shared / "corpora" / "polnear"
    rows = {r["filename"]: r["publication_date"]
            for r in csv.DictReader(open(root / "metadata.tsv", encoding="utf-8"), delimiter="\t")}
    pairs = []
    for a in read_paths([root / "train" / "text", root / "dev" / "text"]):  # below the table's folder
        if isinstance(a, Article):
            found = date_from_text(a.text, a.dateline or body_dateline(a.body))
            pairs.append((_day(rows.get(a.id)), found.date() if found else None))
    return _score_dates(pairs)


def body_dates(shared: Path, gold: dict) -> Counter:
    """The true article text of each web page alone (no head): dates named in sentences must not count."""
    from searchkit.extract import body_dateline
    from searchkit.extract.dates import date_from_text

    truth = json.loads((shared / "corpora" / "article-extraction-benchmark" / "ground-truth.json").read_text("utf-8"))
    pairs = []
    for sha, page in truth.items():
        body = page["articleBody"]
        found = date_from_text(body, body_dateline(body))
        pairs.append((_day(gold.get(sha, {}).get("date")), found.date() if found else None))
    return _score_dates(pairs)


def _day(value):
    from datetime import date

    return date.fromisoformat(value) if value and value != "-" else None


class _Visible(HTMLParser):
    """The text a browser shows, one block element per line (a stand-in for selecting and copying)."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "section", "article",
              "header", "footer", "time", "span", "a", "ul", "ol", "figure", "figcaption", "aside", "nav",
              "main", "dd", "dt", "blockquote", "address"}
    HIDDEN = {"script", "style", "noscript", "template", "svg", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        if tag in self.BLOCKS:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        if tag in self.BLOCKS:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.out.append(data)


def visible_lines(html: str) -> list[str]:
    parser = _Visible()
    parser.feed(html)
    lines = (" ".join(line.split()) for line in "".join(parser.out).split("\n"))
    return [line for line in lines if line]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def story_of_page(html: str, body: str) -> str | None:
    """Headline line to end of the true article text, as the page shows it; None if no headline is found.

    The headline is the page's <h1> (else og:title); the story starts at its last appearance above the
    first paragraph of the true article text, and the true text follows the lines in between.
    """
    lines = visible_lines(html)
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if not paragraphs:
        return None
    first = _norm(paragraphs[0])[:60]
    start = next((i for i, line in enumerate(lines) if first[:40] and first[:40] in _norm(line)), None)
    heads = [_norm(re.sub(r"<[^>]+>", " ", h)) for h in re.findall(r"<h1\b[^>]*>(.*?)</h1>", html, re.S | re.I)]
    og = re.search(r'<meta[^>]+property="og:title"[^>]+content="([^"]*)"', html)
    if og:
        import html as html_lib

        heads.append(_norm(html_lib.unescape(og.group(1))))
    heads = [h for h in heads if len(h) >= 10]
    if start is None or not heads:
        return None
    top = None
    for i in range(start - 1, max(-1, start - 60), -1):
        if any(_norm(lines[i]) == h or (len(_norm(lines[i])) >= 10 and _norm(lines[i]) in h) for h in heads):
            top = i
            break
    if top is None:
        return None
    return "\n".join(lines[top:start]) + "\n\n" + "\n\n".join(paragraphs)


def page_stories(shared: Path) -> list[tuple[str, str, str | None]]:
    """(sha256, url, story text or None) for each page of the article-extraction benchmark."""
    root = shared / "corpora" / "article-extraction-benchmark"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for sha in sorted(truth):
        html = gzip.open(root / "html" / f"{sha}.html.gz").read().decode("utf-8", "replace")
        out.append((sha, truth[sha]["url"], story_of_page(html, truth[sha]["articleBody"])))
    return out


def page_gold() -> dict[str, dict]:
    with open(GOLD / "page_dates.tsv", encoding="utf-8") as f:
        return {r["sha256"]: r for r in csv.DictReader((line for line in f if not line.startswith("#")),
                                                        delimiter="\t")}


def in_split(sha: str, split: str) -> bool:
    return split == "all" or (sha[0] in "01234567") == (split == "dev")


def page_dates(stories, gold: dict, split: str, verbose: bool = False) -> tuple[Counter, Counter]:
    """Dates and bylines read from the page stories of one split, against the hand-checked gold."""
    from searchkit.extract.dates import find_date
    from searchkit.ingest.bylines import opening_byline

    pairs, c_auth = [], Counter()
    hows = Counter()
    for sha, url, story in stories:
        if not in_split(sha, split) or sha not in gold:
            continue
        if story is None:
            hows["no headline found"] += 1
            continue
        row = gold[sha]
        found = find_date(story)
        pairs.append((_day(row["date"]), found.date.date() if found else None))
        if found:
            hows[found.how] += 1
        if verbose and (found is None) != (row["date"] == "-") or verbose and found and str(found.date.date()) != row["date"]:
            print(f"   {sha[:8]} gold {row['date']} found {found.date.date() if found else None} "
                  f"({found.how if found else ''}) {url[:60]}")
        names, _, _ = opening_byline(story.split("\n", 40)[:40], look=12)
        want = {n for n in row["authors"].split("|") if n and n != "-"}
        c_auth["stories"] += 1
        c_auth["with byline"] += bool(want)
        c_auth["right"] += len(set(names) & want)
        c_auth["wrong"] += len(set(names) - want)
        c_auth["missed"] += len(want - set(names))
        if verbose and set(names) != want:
            print(f"   {sha[:8]} authors gold {sorted(want)} found {list(names)}")
    c = _score_dates(pairs)
    c["hows"] = dict(hows)
    return c, c_auth


def report(shared: Path, split: str = "test", verbose: bool = False) -> dict:
    """Print every figure of this section; returns them."""
    start = time.perf_counter()
    print("\n== Dates, authors and metadata tables ==")
    out = {"polnear_table": polnear_table(shared, verbose)}
    articles = reuters_articles(shared)
    out["reuters_authors"] = reuters_authors(shared, articles, verbose)
    print("\nDates from the text alone, where the true date is known but hidden:")
    rd = reuters_dates(articles)
    print(_line("Reuters-21578 (DATE removed)", rd))
    ry = reuters_dates(articles, with_year=True)
    print(_line("  the same, year given as metadata", ry))
    print(f"  {'':34} (dateline day vs DATE: {ry['within a day']} of {ry['found']} within a day; DATE is the wire's "
          "clock, the dateline the local day, so +-1 day is a time zone, not an error)")
    pd = polnear_dates(shared)
    print(_line("PolNeAR texts (table not read)", pd))
    gold = page_gold()
    print(_line("web pages' true article text alone", body_dates(shared, gold)))
    stories = page_stories(shared)
    pg, pa = page_dates(stories, gold, split, verbose)
    print(_line(f"web page stories ({split} split)", pg))
    print(f"  {'':34} how: {pg['hows']}")
    judged = pa["right"] + pa["wrong"]
    print(f"\nBylines read from the same {pa['stories']} page stories ({pa['with byline']} with a byline of names): "
          f"names right {pa['right']}, wrong {pa['wrong']}, missed {pa['missed']}; precision "
          f"{pa['right'] / judged if judged else float('nan'):.3f}, recall {pa['right'] / max(1, pa['right'] + pa['missed']):.3f}")
    out.update(reuters_dates=dict(rd), reuters_dates_with_year=dict(ry), polnear_dates=dict(pd), page_dates=dict(pg), page_bylines=dict(pa))
    print(f"({time.perf_counter() - start:.1f} s)")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="folder holding corpora/ (default $SEARCHKIT_SHARED or ../shared)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="test", help="which web pages to score")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    args = ap.parse_args(argv)
    report(shared_dir(args.shared), args.split, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
