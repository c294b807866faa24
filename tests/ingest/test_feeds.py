"""RSS and Atom feeds: each entry a story with its title, date, link, authors and text."""
from __future__ import annotations

from datetime import datetime, timezone

from searchkit.ingest import format_of, iter_files, read_file
from searchkit.model import Article, Problem

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Valley Post: News</title><link>https://valleypost.example/</link>
<item><title>Flood waters rise &amp; roads close</title>
  <link>https://valleypost.example/news/flood</link><guid isPermaLink="false">vp-1</guid>
  <pubDate>Wed, 07 Jul 2021 10:30:00 +0200</pubDate><dc:creator>Jane Doe</dc:creator>
  <category>Weather</category><category>Local</category>
  <description>Short summary of the flood.</description>
  <content:encoded><![CDATA[<p>Flood waters rose across the valley.</p><script>track()</script>
  <p>"We have never seen this," said <b>Maria Lopez</b>.</p>]]></content:encoded></item>
<item><title>Second story, summary only</title><link>https://valleypost.example/news/flood</link>
  <guid>vp-2</guid><pubDate>sometime last week</pubDate>
  <description>&lt;p&gt;Only a &lt;em&gt;summary&lt;/em&gt; here.&lt;/p&gt;</description>
  <author>desk@valleypost.com (News Desk)</author></item>
<item><title>Neither link nor guid</title><description>Text.</description></item>
<item><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Harbour Daily</title>
<id>tag:harbour.example,2021:feed</id><updated>2021-07-08T00:00:00Z</updated>
<entry><title type="html">Harbour &lt;em&gt;reopens&lt;/em&gt;</title><id>tag:harbour.example,2021:1</id>
  <link rel="alternate" href="https://harbour.example/reopens"/><updated>2021-07-08T06:00:00Z</updated>
  <author><name>A. Writer</name></author><author><name>B. Reporter</name></author>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The harbour reopened.</p><p>Boats left.</p></div></content>
</entry>
<entry><title>Atom entry without a link</title><id>tag:harbour.example,2021:2</id>
  <published>2021-07-09T08:00:00+01:00</published><summary>Just a summary.</summary></entry>
</feed>"""


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


def test_rss_entries(tmp_path):
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    articles, problems = split(read_file(path))
    first, second, third = articles
    assert first.id == first.url == "https://valleypost.example/news/flood"
    assert first.title == "Flood waters rise & roads close"
    assert first.body == 'Flood waters rose across the valley.\n\n"We have never seen this," said Maria Lopez.'
    assert first.date == datetime(2021, 7, 7, 8, 30, tzinfo=timezone.utc)
    assert first.authors == ("Jane Doe",) and first.source == "Valley Post: News"
    assert first.tags == ("Weather", "Local") and first.line == 1
    assert second.id == "vp-2"  # its link is the first entry's: the guid keeps the two apart
    assert second.body == "Only a summary here." and second.date is None and second.authors == ("News Desk",)
    assert third.id.startswith("news") and third.id.endswith("-3")  # neither link nor guid: from the path
    assert [(p.line, p.skipped) for p in problems] == [(2, False), (4, True)]
    assert "bad date 'sometime last week'" in problems[0].message
    assert "neither title nor text" in problems[1].message


def test_atom_entries(tmp_path):
    path = tmp_path / "harbour.atom"
    path.write_text(ATOM, encoding="utf-8")
    articles, problems = split(read_file(path))
    assert problems == []
    first, second = articles
    assert first.id == "https://harbour.example/reopens" and first.title == "Harbour reopens"
    assert first.body == "The harbour reopened.\n\nBoats left."
    assert first.authors == ("A. Writer", "B. Reporter") and first.source == "Harbour Daily"
    assert first.date == datetime(2021, 7, 8, 6, tzinfo=timezone.utc)
    assert second.id == "tag:harbour.example,2021:2" and second.body == "Just a summary."
    assert second.date == datetime(2021, 7, 9, 7, tzinfo=timezone.utc)


def test_xml_files_are_read_when_they_are_feeds(tmp_path):
    (tmp_path / "feed.xml").write_text(RSS, encoding="utf-8")
    (tmp_path / "atom.xml").write_text(ATOM, encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/'
                                          'schemas/sitemap/0.9"><url><loc>https://a.example/</loc></url></urlset>',
                                          encoding="utf-8")
    assert [p.name for p in iter_files([tmp_path])] == ["atom.xml", "feed.xml"]
    assert format_of(tmp_path / "sitemap.xml") is None
    feed = tmp_path / "feed"  # no suffix: named explicitly, its content says what it is
    feed.write_text(RSS, encoding="utf-8")
    assert len(split(read_file(feed))[0]) == 3


def test_bad_feeds_are_one_line_each(tmp_path):
    (tmp_path / "page.rss").write_text("<html><body><p>Not a feed at all.</p></body></html>", encoding="utf-8")
    (tmp_path / "image.rss").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" + bytes(100))
    (tmp_path / "broken.rss").write_text(RSS.replace("</channel></rss>", "<item><title>cut"), encoding="utf-8")
    (problem,) = read_file(tmp_path / "page.rss")
    assert problem.message.startswith("not an RSS or Atom feed")
    (problem,) = read_file(tmp_path / "image.rss")
    assert problem.message == "not a feed (binary content)"
    articles, problems = split(read_file(tmp_path / "broken.rss"))
    assert len(articles) >= 3  # the entries before the damage are kept
    assert problems[0].message.startswith("feed is not well-formed") and not problems[0].skipped
