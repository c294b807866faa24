"""Train NLTK's Punkt sentence splitter, unsupervised, on the shared news corpora; write it as JSON.

    python scripts/train_punkt.py [--shared DIR] [--out searchkit/data/punkt_news.json]

Training text: the bodies of the Reuters-21578 stories of LEWISSPLIT="TRAIN" and the texts of
PolNeAR train/ (wire copy and US political news; nothing from any split we report on). Punkt
learns, without labels, which words ending in a full stop are abbreviations, which pairs around a
full stop are collocations ("Jan. 5"), which words start sentences, and in which case each word is
seen at a sentence start or inside one. The result is written as a small JSON file (not a pickle),
which `searchkit.ingest.sentences` loads once. Rarely seen words are left out of the orthographic
table (`--min-count`); an unknown word simply counts as never seen by Punkt.

One filter on what Punkt learns: a "frequent sentence starter" that is mostly capitalised inside
sentences too is a name ("Trump", "Obama", "Agriculture Department"), not a word that starts
sentences; Punkt would split "Mr. Trump" before it. Only starters written in lower case at least
half the time inside a sentence are kept (counted over the same training text).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STRIP = ".,;:!?\"'()[]\u201c\u201d\u2018\u2019"
STRIP_CLOSE = "\"')]\u201d\u2019"
sys.path.insert(0, str(REPO))


def training_texts(shared: Path):
    """Reuters TRAIN bodies, then PolNeAR train texts without their title lines."""
    from searchkit.ingest import read_paths
    from searchkit.model import Article

    files = sorted((shared / "corpora" / "reuters21578").glob("reut2-*.sgm.gz"))
    polnear = sorted((shared / "corpora" / "polnear" / "train" / "text").glob("*.txt"))
    if not files or not polnear:
        sys.exit(f"Reuters-21578 or PolNeAR train/ not found under {shared / 'corpora'}; use --shared DIR")
    for item in read_paths([str(f) for f in files]):
        if isinstance(item, Article) and "split:train" in item.tags and item.body.strip():
            yield item.body
    for path in polnear:  # the body: a title-case headline would make every word look like a name
        text = path.read_text(encoding="utf-8")
        yield text.split("\n", 2)[2] if text.count("\n") >= 2 else text


def main(argv=None) -> int:
    from nltk.tokenize.punkt import PunktTrainer

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.environ.get("SEARCHKIT_SHARED") or str(REPO.parent / "shared"))
    ap.add_argument("--out", default=str(REPO / "searchkit" / "data" / "punkt_news.json"))
    ap.add_argument("--min-count", type=int, default=3, help="keep orthographic context of words seen this often")
    args = ap.parse_args(argv)
    trainer = PunktTrainer()
    counts: Counter[str] = Counter()
    mid_lower: Counter[str] = Counter()
    mid_upper: Counter[str] = Counter()
    stories = chars = 0
    for text in training_texts(Path(args.shared)):
        trainer.train(text, finalize=False)
        words = text.split()
        counts.update(w.lower() for w in words)
        for before, word in zip(words, words[1:]):
            bare = word.strip(STRIP)
            if bare[:1].isalpha() and not before.rstrip(STRIP_CLOSE).endswith((".", "!", "?", ":")):
                (mid_upper if bare[0].isupper() else mid_lower)[bare.lower()] += 1
        stories += 1
        chars += len(text)
    trainer.finalize_training()
    params = trainer.get_params()
    names = {w for w in params.sent_starters if mid_upper[w] >= mid_lower[w]}
    params.sent_starters -= names
    known = {w.strip(STRIP) for w, n in counts.items() if n >= args.min_count}
    ortho = {typ: flags for typ, flags in params.ortho_context.items() if typ.strip(".") in known or typ in known}
    model = {
        "about": f"NLTK Punkt parameters learned by scripts/train_punkt.py from {stories} stories "
                 f"({chars / 1e6:.1f} M characters): Reuters-21578 TRAIN bodies and PolNeAR train texts.",
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted([a, b] for a, b in params.collocations),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": dict(sorted(ortho.items())),
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{stories} stories, {chars / 1e6:.1f} M chars: {len(model['abbrev_types'])} abbreviations, "
          f"{len(model['collocations'])} collocations, {len(model['sent_starters'])} sentence starters "
          f"({len(names)} names left out), "
          f"{len(ortho)} of {len(params.ortho_context)} words' orthographic context -> {out} "
          f"({out.stat().st_size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
