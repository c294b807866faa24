#!/usr/bin/env python
"""Currency and percent signs: do amount queries find the stories that state that amount?

    python bench/symbols.py            # both tokenizations, side by side
    python bench/symbols.py --limit 300

Stories: PolNeAR (train and dev: 924 US political news articles, full of `$` amounts and `%`) and
the 181 true article texts of the article-extraction benchmark (British and American sites, a few `£`).
Queries: the distinct signed amounts written in those texts, as a reader would type them: the amount
and the scale word after it when there is one (`$185 million`, `$16.50`, `5%`, `£2bn`); a fixed-seed
sample of `--limit` of them. A story is relevant when it states that amount in any usual spelling:
`$185 million`, `185 million dollars`; `5%`, `5 percent`, `5 per cent`, `5 pct`. Each query runs
through `Index.search` (all words, no partial matches, no folding) and every hit is kept.

Two indexes of the same stories: the old analysis (`\\w+`: `$16.50` is the words `16` and `50`,
`5%` is `5`) and searchkit's (signs kept on their numbers, decimals kept; index/symbols.py).
Reported: precision and recall averaged over queries, and the queries with a false hit.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402

SCALES = ("million", "billion", "trillion", "mln", "bn", "m")
NAMES = {"$": r"(?:dollars?|dlrs?|usd)", "£": r"(?:pounds?|sterling|stg|gbp)", "€": r"(?:euros?|eur)",
         "%": r"(?:%|\s?percent|\s?per cent|\s?pct)"}
_AMOUNT = re.compile(r"(?<![\w$£€])([$£€])(\d+(?:[.,]\d+)*)(?:\s?(million|billion|trillion|mln|bn|m)\b)?"
                     r"|(?<![\w.,])(\d+(?:[.,]\d+)*)%")

_QUERY = re.compile(r"([$£€])(\d+(?:[.,]\d+)*)\s?(\w+)?")


def stories(shared: Path) -> list[tuple[str, str, str]]:
    """(id, title, body) of the PolNeAR articles and the extraction benchmark's true texts."""
    out = []
    for split in ("train", "dev"):
        for path in sorted((shared / "corpora" / "polnear" / split / "text").glob("*.txt")):
            title, _, body = path.read_text(encoding="utf-8", errors="replace").partition("\n")
            out.append((f"polnear/{split}/{path.stem}", title.strip(), body.strip()))
    truth = shared / "corpora" / "article-extraction-benchmark" / "ground-truth.json"
    if truth.is_file():
        for key, value in json.loads(truth.read_text(encoding="utf-8")).items():
            out.append((f"pages/{key[:16]}", "", value.get("articleBody") or ""))
    if not out:
        sys.exit(f"no PolNeAR or article-extraction-benchmark texts under {shared / 'corpora'}")
    return out


def amount_queries(docs, limit: int, seed: int = 1125) -> list[str]:
    found = set()
    for _id, title, body in docs:
        found.update(m.group(0) for m in _AMOUNT.finditer(f"{title}\n{body}"))
    ordered = sorted(found)
    random.Random(seed).shuffle(ordered)
    return sorted(ordered[:limit])


def relevant_pattern(query: str) -> re.Pattern:
    """Where a story states the amount of a query, in any usual spelling."""
    if query.endswith("%"):
        number = re.escape(query[:-1])
        return re.compile(rf"(?<![\w.,]){number}{NAMES['%']}(?!\w)", re.I)
    sign, number, scale = _QUERY.fullmatch(query).groups()
    n, s = re.escape(number), (rf"\s?{re.escape(scale)}\b" if scale else r"(?![\w.,]\d)")
    signed = rf"{re.escape(sign)}{n}{s}"
    spelled = rf"(?<![\w.,$£€]){n}{s}\s+{NAMES[sign]}\b"
    return re.compile(rf"{signed}|{spelled}", re.I)


def child(args) -> None:
    """One tokenization: index the stories, run the queries, print per-query hits as JSON."""
    from searchkit.index import schema

    if args.child == "old":
        schema.WORD_PATTERN = r"\w+"
    from searchkit import Index
    from searchkit.model import Article

    docs = stories(Path(args.shared))
    queries = json.loads(Path(args.queries).read_text())
    with tempfile.TemporaryDirectory() as tmp:
        idx = Index(Path(tmp) / "index")
        idx.add_articles(Article(id=i, title=t, body=b) for i, t, b in docs)
        out = {q: [h.id for h in idx.search(q, limit=10_000, fill=False, collapse=False, snippets=False,
                                            suggest=False, correct=False).hits] for q in queries}
        idx.close()
    print(json.dumps(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(C.shared_dir(None)))
    ap.add_argument("--limit", type=int, default=300, help="amount queries sampled (fixed seed)")
    ap.add_argument("--out", default=str(C.RESULTS))
    ap.add_argument("--child", choices=("old", "new"), help=argparse.SUPPRESS)
    ap.add_argument("--queries", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    docs = stories(Path(args.shared))
    queries = amount_queries(docs, args.limit)
    texts = {i: f"{t}\n{b}" for i, t, b in docs}
    qrels = {q: {i for i, text in texts.items() if relevant_pattern(q).search(text)} for q in queries}
    rows, lines = {}, []
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(queries, fh)
    for variant in ("old", "new"):
        done = subprocess.run([sys.executable, __file__, "--child", variant, "--queries", fh.name, "--shared",
                               args.shared], capture_output=True, text=True, check=True)
        hits = json.loads(done.stdout.strip().splitlines()[-1])
        precision, recall, wrong = [], [], []
        for q in queries:
            got, rel = set(hits[q]), qrels[q]
            precision.append(len(got & rel) / len(got) if got else 1.0)
            recall.append(len(got & rel) / len(rel) if rel else 1.0)
            if got - rel:
                wrong.append(q)
        rows[variant] = {"precision": sum(precision) / len(queries), "recall": sum(recall) / len(queries),
                         "queries_with_false_hits": len(wrong), "false_hit_examples": wrong[:12],
                         "hits": sum(len(h) for h in hits.values())}
    Path(fh.name).unlink()
    md = [f"# Amount queries — {len(docs):,} stories (PolNeAR train+dev, article-extraction benchmark), "
          f"{len(queries)} queries", "",
          "| analysis | precision | recall | queries with a false hit | hits in all |", "| --- | ---: | ---: | ---: | ---: |"]
    for variant, label in (("old", "`\\w+` (signs dropped, `16.50` = `16` `50`)"),
                           ("new", "searchkit: signs and decimals kept (index/symbols.py)")):
        r = rows[variant]
        md.append(f"| {label} | {r['precision']:.3f} | {r['recall']:.3f} | {r['queries_with_false_hits']} | {r['hits']:,} |")
    md += ["", f"Queries with a false hit, old: {', '.join(rows['old']['false_hit_examples'])}",
           f"; new: {', '.join(rows['new']['false_hit_examples']) or 'none'}."]
    text = "\n".join(md) + "\n"
    print(text)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "symbols.md").write_text(text, encoding="utf-8")
    (out / "symbols.json").write_text(json.dumps({"queries": len(queries), "stories": len(docs), **rows}, indent=1),
                                      encoding="utf-8")


if __name__ == "__main__":
    main()
