#!/usr/bin/env python
"""searchkit's MinHash (one-permutation hashing, densified) against datasketch's, on Reuters-21578.

    python bench/minhash.py            # needs `pip install datasketch` for the comparison rows

Both run through searchkit's own Clusterer (the same 16 bands x 6 rows, threshold 0.8, same
side table), over the 21,577 stories with text in corpus order, and are compared on:
- the near-duplicate clusters found, against the exact repeats (stories whose body repeats an
  earlier story's body word for word): how many of them each one puts with their original;
- agreement of the two clusterings, story by story;
- estimated against true Jaccard similarity of 5-word shingles, on sampled pairs: every pair of
  stories with the same title (many share one and differ in body) plus pairs either version
  clustered, binned by the true similarity; and the decisions at the 0.8 threshold;
- time per signature.
Writes bench/results/minhash.md and minhash.json.
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402

from searchkit.index import duplicates as D  # noqa: E402


def datasketch_version():
    """The implementation searchkit used before (datasketch MinHash, 96 permutations, seed 7), or None."""
    try:
        import numpy as np
        from datasketch import MinHash
    except ImportError:
        return None
    template = MinHash(num_perm=D.NUM_PERM, seed=7)

    def signature(text: str):
        grams = D.shingles(text)
        if not grams:
            return None
        mh = MinHash(num_perm=D.NUM_PERM, permutations=template.permutations, hashfunc=template.hashfunc,
                     scheme=template.scheme)
        mh.update_batch(list(grams))
        return mh.hashvalues.astype("<u8").tobytes()

    def band_keys(sig: bytes):
        from hashlib import blake2b

        width = D.ROWS * 8
        return [int.from_bytes(blake2b(bytes([b]) + sig[b * width:(b + 1) * width], digest_size=8).digest(),
                               "little", signed=True) for b in range(D.BANDS)]

    def similarity(a: bytes, b: bytes) -> float:
        return float(np.mean(np.frombuffer(a, "<u8") == np.frombuffer(b, "<u8")))

    return {"signature": signature, "band_keys": band_keys, "similarity": similarity}


def own_version():
    return {"signature": D.signature, "band_keys": D.band_keys, "similarity": D.similarity}


def cluster(articles, version: dict) -> tuple[dict[str, str], float, dict[str, bytes]]:
    """{id: cluster} through searchkit's Clusterer with the version's functions; seconds in signatures."""
    saved = {k: getattr(D, k) for k in version}
    spent = [0.0]
    sigs: dict[str, bytes] = {}

    def timed(text):
        t = time.perf_counter()
        sig = version["signature"](text)
        spent[0] += time.perf_counter() - t
        return sig

    out = {}
    try:
        for k, f in version.items():
            setattr(D, k, f)
        D.signature = timed
        with tempfile.TemporaryDirectory() as tmp:
            c = D.Clusterer(Path(tmp))
            for a in articles:
                out[a.id] = c.assign(a)
            for sid, sig in c.db.execute("SELECT id, sig FROM story"):
                sigs[sid] = sig
            c.close(commit=False)
    finally:
        for k, f in saved.items():
            setattr(D, k, f)
    return out, spent[0], sigs


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared")
    ap.add_argument("--out", default=str(C.RESULTS))
    ap.add_argument("--pairs", type=int, default=3000, help="sampled pairs for the Jaccard comparison")
    args = ap.parse_args()
    articles, _ = C.load_articles(C.reuters_files(C.shared_dir(args.shared)))
    versions = {"searchkit (one permutation, densified)": own_version()}
    old = datasketch_version()
    if old is not None:
        versions["datasketch MinHash (before)"] = old
    first_body: dict[str, str] = {}
    repeats = {}
    for a in articles:
        key = " ".join(a.body.split())
        if not key:
            continue
        if key in first_body:
            repeats[a.id] = first_body[key]
        else:
            first_body[key] = a.id
    res: dict = {"stories": len(articles), "exact_repeats": len(repeats), "versions": {}}
    clusters, sigs = {}, {}
    for name, version in versions.items():
        found, seconds, sig = cluster(articles, version)
        clusters[name], sigs[name] = found, sig
        members = defaultdict(list)
        for sid, cid in found.items():
            members[cid].append(sid)
        res["versions"][name] = {
            "signature_ms_per_story": seconds / len(articles) * 1000,
            "stories_in_clusters": sum(len(m) for m in members.values() if len(m) > 1),
            "clusters_of_2_or_more": sum(1 for m in members.values() if len(m) > 1),
            "repeats_with_original": sum(1 for sid, orig in repeats.items() if found[sid] == found[orig]),
        }
    names = list(versions)
    if len(names) == 2:
        a, b = clusters[names[0]], clusters[names[1]]
        res["same_cluster_stories"] = sum(1 for sid in a if a[sid] == b[sid])
    # pairs: same titles, and pairs each version clustered
    text = {a.id: a.text for a in articles}
    by_title = defaultdict(list)
    for a in articles:
        if a.title.strip():
            by_title[a.title.strip().lower()].append(a.id)
    pairs = set()
    for ids in by_title.values():
        pairs.update(itertools.combinations(ids[:30], 2))
    for found in clusters.values():
        groups = defaultdict(list)
        for sid, cid in found.items():
            groups[cid].append(sid)
        for ids in groups.values():
            pairs.update(itertools.combinations(ids[:30], 2))
    pairs = sorted(pairs)
    random.Random(1).shuffle(pairs)
    pairs = pairs[:args.pairs]
    grams = {}
    bins = [(0.0, 0.2), (0.2, 0.5), (0.5, 0.8), (0.8, 1.01)]
    res["pairs"] = len(pairs)
    res["jaccard"] = {}
    for name in names:
        errs = defaultdict(list)
        decisions = {"agree": 0, "false_dup": 0, "missed_dup": 0}
        for x, y in pairs:
            for i in (x, y):
                if i not in grams:
                    grams[i] = D.shingles(text[i])
            true = jaccard(grams[x], grams[y])
            sx, sy = sigs[name].get(x), sigs[name].get(y)
            if sx is None or sy is None:
                continue
            est = versions[name]["similarity"](sx, sy)
            for lo, hi in bins:
                if lo <= true < hi:
                    errs[f"{lo:.1f}-{min(hi, 1.0):.1f}"].append(est - true)
            errs["all"].append(est - true)
            if (est >= D.THRESHOLD) == (true >= D.THRESHOLD):
                decisions["agree"] += 1
            elif est >= D.THRESHOLD:
                decisions["false_dup"] += 1
            else:
                decisions["missed_dup"] += 1
        res["jaccard"][name] = {
            "bins": {k: {"n": len(v), "mean_error": statistics.fmean(v), "mean_abs_error": statistics.fmean(map(abs, v)),
                         "rmse": statistics.fmean([e * e for e in v]) ** 0.5} for k, v in errs.items()},
            "threshold": decisions,
        }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "minhash.json").write_text(json.dumps(res, indent=2), encoding="utf-8")
    md = markdown(res, names)
    (out / "minhash.md").write_text(md, encoding="utf-8")
    print(md)


def markdown(res: dict, names: list[str]) -> str:
    lines = [f"# MinHash near-duplicates on Reuters-21578 ({res['stories']:,} stories, "
             f"{res['exact_repeats']} whose body repeats an earlier one's)", "",
             "| version | ms per signature | stories in clusters | clusters of 2+ | exact repeats with their original |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for name in names:
        v = res["versions"][name]
        lines.append(f"| {name} | {v['signature_ms_per_story']:.3f} | {v['stories_in_clusters']:,} | "
                     f"{v['clusters_of_2_or_more']:,} | {v['repeats_with_original']} / {res['exact_repeats']} |")
    if "same_cluster_stories" in res:
        lines += ["", f"Stories given the same cluster by both: {res['same_cluster_stories']:,} of {res['stories']:,}."]
    lines += ["", f"Estimated minus true Jaccard similarity on {res['pairs']:,} sampled pairs "
              "(same-title pairs and clustered pairs), by true similarity:", "",
              "| version | true similarity | pairs | mean error | mean abs error | RMSE |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    for name in names:
        for k, v in sorted(res["jaccard"][name]["bins"].items()):
            lines.append(f"| {name} | {k} | {v['n']} | {v['mean_error']:+.4f} | {v['mean_abs_error']:.4f} | {v['rmse']:.4f} |")
    lines += ["", "Decisions at the 0.8 threshold against the true similarity:", "",
              "| version | agree | called duplicate, truly below 0.8 | missed, truly 0.8 or more |", "| --- | ---: | ---: | ---: |"]
    for name in names:
        t = res["jaccard"][name]["threshold"]
        lines.append(f"| {name} | {t['agree']} | {t['false_dup']} | {t['missed_dup']} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
