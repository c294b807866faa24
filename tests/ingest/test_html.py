"""Saved web pages: the article without boilerplate, the page's metadata, identity, bad pages."""
from __future__ import annotations

import gzip
import re
from collections import Counter
from datetime import datetime, timezone

from searchkit.ingest import format_of, read_file, read_paths
from searchkit.ingest.html import site_name, split_authors, to_text
from searchkit.model import Article, Problem

WORDS = re.compile(r"\w+")


def overlap(true: str, pred: str) -> tuple[float, float]:
    """(precision, recall) of 4-word shingles, as the benchmark scores a body."""
    def bag(text):
        w = WORDS.findall(text)
        return Counter(tuple(w[i:i + 4]) for i in range(max(1, len(w) - 3)))
    t, p = bag(true), bag(pred)
    common = sum((t & p).values())
    return common / max(1, sum(p.values())), common / max(1, sum(t.values()))


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Flood waters rise in the valley | The Valley Post</title>
<link rel="canonical" href="{canonical}">
<meta property="og:site_name" content="The Valley Post">
<meta property="article:published_time" content="2021-07-07T10:30:00Z">
<meta name="author" content="Jane Doe">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> Subscribe now for our newsletter</nav>
<div class="cookie">We use cookies to improve your experience. Accept all cookies.</div>
<article><h1>Flood waters rise in the valley</h1>
<p>Flood waters rose across the valley on Wednesday as the river burst its banks after three days of heavy
rain, forcing hundreds of families from their homes in the low-lying villages along its course.</p>
<p>"We have never seen the water come up this fast," said Maria Lopez, the mayor of the riverside town, who
spent the night helping neighbours carry furniture to the upper floors of the town hall.</p>
<p>Emergency services said the water level was expected to peak on Thursday morning and warned residents not
to drive through flooded roads, where currents were strong enough to sweep cars away.</p>
</article>
<footer>Copyright 2021 The Valley Post. All rights reserved. Privacy policy. Terms of use.</footer>
</body></html>"""


def test_benchmark_pages_give_their_article_and_metadata(tmp_path, aeb_dir, aeb_truth, sample_keys):
    """A sample of the 181 real pages: id = canonical URL, body close to the true text, no boilerplate."""
    files = [aeb_dir / "html" / f"{k}.html.gz" for k in sample_keys]
    items = list(read_paths(files))
    assert all(isinstance(a, Article) for a in items), [str(p) for p in items if isinstance(p, Problem)]
    scores = []
    for key, article in zip(sample_keys, items):
        assert article.id == aeb_truth[key]["url"]  # every sampled page names its canonical URL
        assert article.url == article.id and article.title and article.source and article.date
        assert article.path.endswith(f"{key}.html.gz") and "\n\n" in article.body or len(article.body) < 500
        scores.append(overlap(aeb_truth[key]["articleBody"], article.body))
    precision = sum(p for p, _ in scores) / len(scores)
    recall = sum(r for _, r in scores) / len(scores)
    assert precision > 0.9 and recall > 0.9, scores


def test_wsj_page_metadata(aeb_dir, sample_keys):
    (article,) = read_file(aeb_dir / "html" / f"{sample_keys[0]}.html.gz")
    assert article.title.startswith("Google Stadia, Microsoft xCloud, Apple Arcade")
    assert article.date == datetime(2019, 11, 19, tzinfo=timezone.utc)
    assert article.authors == ("Sarah E Needleman",)
    assert article.source == "Wall Street Journal"


def test_page_without_boilerplate_and_with_its_metadata(tmp_path):
    path = tmp_path / "flood.html"
    path.write_text(PAGE.format(canonical="https://valleypost.example/news/2021/07/flood"), encoding="utf-8")
    (article,) = read_file(path)
    assert article.id == article.url == "https://valleypost.example/news/2021/07/flood"
    assert article.title == "Flood waters rise in the valley"
    assert article.source == "The Valley Post"
    assert article.date == datetime(2021, 7, 7, tzinfo=timezone.utc)
    assert article.authors == ("Jane Doe",)
    assert article.body.startswith("Flood waters rose across the valley")
    assert article.body.count("\n\n") == 2  # one paragraph each
    for boilerplate in ("Subscribe", "cookies", "Copyright", "Privacy"):
        assert boilerplate not in article.body


def test_without_a_canonical_url_the_id_comes_from_the_path(tmp_path):
    root = tmp_path / "root.htm"
    root.write_text(PAGE.format(canonical="https://valleypost.example/"), encoding="utf-8")
    none = tmp_path / "plain.html"
    none.write_text(PAGE.replace('<link rel="canonical" href="{canonical}">', ""), encoding="utf-8")
    (a,) = read_file(root)  # a site root names no story (templates give it to every page)
    (b,) = read_file(none)
    assert a.id != b.id
    assert a.id.startswith("root") and b.id.startswith("plain")
    assert a.url == b.url == ""


def test_gzipped_page_and_registered_names(tmp_path):
    path = tmp_path / "flood.html.gz"
    path.write_bytes(gzip.compress(PAGE.format(canonical="https://valleypost.example/a/1").encode()))
    (article,) = read_file(path)
    assert article.id == "https://valleypost.example/a/1"
    for name, kind in [("a.html", "html"), ("a.HTM", "html"), ("a.xhtml.gz", "html"), ("a.warc.gz", "warc"),
                       ("a.arc", "warc"), ("a.rss", "feed"), ("a.atom", "feed")]:
        assert format_of(tmp_path / name) == kind


def test_declared_charsets(tmp_path):
    russian = "<html><head><meta charset=windows-1251><title>Новости</title></head><body><article>" + \
        "<p>Москва. Власти города объявили о новых мерах поддержки малого бизнеса в этом году.</p>" * 6 + \
        "</article></body></html>"
    path = tmp_path / "ru.html"
    path.write_bytes(russian.encode("cp1251"))
    (article,) = read_file(path)
    assert "Власти города объявили" in article.body
    latin = PAGE.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; '
                         'charset=ISO-8859-1">').replace('"We have', "\u201cWe have").replace('this fast,"', "this fast,\u201d")
    path = tmp_path / "latin.html"
    path.write_bytes(latin.format(canonical="https://valleypost.example/b/2").encode("cp1252"))
    (article,) = read_file(path)  # ISO-8859-1 is read as windows-1252, as browsers do: curly quotes survive
    assert "\u201cWe have never seen" in article.body


def test_bad_pages_are_one_line_each_and_the_rest_is_indexed(tmp_path, capfd):
    (tmp_path / "good.html").write_text(PAGE.format(canonical="https://valleypost.example/c/3"), encoding="utf-8")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    (tmp_path / "empty.htm").write_text("", encoding="utf-8")
    (tmp_path / "junk.html").write_bytes(b"<<<<>>>>&&&&;;;;" * 100)
    items = list(read_paths([tmp_path]))
    articles = [i for i in items if isinstance(i, Article)]
    problems = {i.path.rsplit("/", 1)[1]: i.message for i in items if isinstance(i, Problem)}
    assert [a.id for a in articles] == ["https://valleypost.example/c/3"]
    assert problems == {"empty.htm": "empty file", "image.html": "not an HTML page (binary content)",
                        "junk.html": "no article text found in the page",
                        "menu.html": "no article text found in the page"}
    out, err = capfd.readouterr()
    assert out == err == ""  # the extractor's own logging stays quiet


def test_authors_split_and_feed_html_reduced_to_text():
    assert split_authors("Jane Doe; John Roe;  Jane Doe ; ;") == ("Jane Doe", "John Roe")
    assert split_authors(None) == ()
    # bylines.py rules: an agency beside a named person is the person's credit, as in one byline string
    assert split_authors("REUTERS; By JANE SMITH, Reuters") == ("Jane Smith",)
    assert split_authors("REUTERS") == ("Reuters",)
    text = to_text("<p>One <b>bold</b> line.</p><script>alert(1)</script><ul><li>a</li><li>b</li></ul>tail &amp; end")
    assert text == "One bold line.\n\na\n\nb\n\ntail & end"
    assert to_text("plain &amp; simple") == "plain & simple"


def test_page_authors_are_people_not_credits_or_site_accounts():
    """The user trial's web pages: the names a reader would search by, from what trafilatura joins with ';'."""
    assert split_authors("Analysis by Chris Cillizza; CNN Editor-at-large") == ("Chris Cillizza",)
    assert split_authors("LISA MASCARO; MARY CLARE JALONICK; ERIC TUCKER Associated Press") == (
        "Lisa Mascaro", "Mary Clare Jalonick", "Eric Tucker")
    assert split_authors("STEVE PEOPLES; AP National Political Writer") == ("Steve Peoples",)
    assert split_authors("Condé Nast; Molly Wood") == ("Molly Wood",)
    assert split_authors("Jill Disis; CNN Business") == ("Jill Disis",)
    assert split_authors("Amy Kuperinsky; NJ Advance Media") == ("Amy Kuperinsky",)
    assert split_authors("Mike Wuerthele; Malcolm Owen Monday; November") == ("Mike Wuerthele", "Malcolm Owen")
    for account in ("Admin", "Jdadmin", "webmaster", "Condé Nast", "Editorial"):
        assert split_authors(account) == (), account


def test_site_names_that_name_no_site_give_way_to_the_host(tmp_path):
    page = tmp_path / "hosted.html"
    page.write_text(PAGE.format(canonical="https://hosted.ap.org/eagle/article/6486944b/sondland")
                    .replace('content="The Valley Post"', 'content="Hosted"')
                    .replace('content="Jane Doe"', 'content="Analysis by Chris Cillizza, CNN Editor-at-large"'),
                    encoding="utf-8")
    (article,) = read_file(page)
    assert article.source == "hosted.ap.org"
    assert article.authors == ("Chris Cillizza",)
    link = "https://www.linknaija.com/2018/10/story.html"
    assert site_name("LinkNaija | Nigeria's popular news platform", link) == "LinkNaija"
    assert site_name("Autoracing | F1 | Indy | MotoGP | StockCar", "https://www.autoracing.com.br/x") == \
        "autoracing.com.br"
    assert site_name("Autoracing | F1 | Indy | MotoGP | StockCar") == "Autoracing"
    assert site_name("Copyright 2014", "https://www.jaraguadosul.sc.gov.br/news/x") == "jaraguadosul.sc.gov.br"
    assert site_name("https://www.hawaiinewsnow.com", "") == "hawaiinewsnow.com"
    assert site_name("Wday_", "https://www.wday.ru/x") == "Wday"
    assert site_name("News | BBC", "https://www.bbc.co.uk/news/1") == "BBC"
    assert site_name("The Valley Post", "https://valleypost.example/a") == "The Valley Post"
