"""Fields analysed in the extraction workers (schema.analyse) make the very index the writer would make."""
from __future__ import annotations

from whoosh import fields

from searchkit import Index
from searchkit.index import schema, writer


def contents(idx: Index) -> tuple:
    """Every term's postings (story, weight, encoded positions), stored fields, lengths and columns."""
    searcher = idx.backend.searcher()
    reader = searcher.reader()
    postings = {}
    for field, text in reader.all_terms():
        m = reader.postings(field, text)
        found = []
        while m.is_active():
            found.append((m.id(), m.weight(), m.value()))
            m.next()
        postings[(field, text)] = found
    n = reader.doc_count_all()
    stored = [searcher.stored_fields(d) for d in range(n)]
    lengths = [(f, reader.doc_field_length(d, f)) for f in ("title", "body", "location", "quote") for d in range(n)]
    columns = {c: list(reader.column_reader(c, translate=False))
               for c in ("year", "month", "source_key", "fold", "date", "id") if reader.has_column(c)}
    return postings, stored, lengths, columns


def test_worker_analysed_fields_give_the_same_index(reuters_dir, tmp_path, monkeypatch):
    files = sorted(reuters_dir.glob("reut2-*.sgm.gz"))[:2]
    ours = Index(tmp_path / "workers")
    ours.rebuild(files, procs=2)
    monkeypatch.setattr(writer, "with_analysed", lambda doc, analysed, schema: doc)  # the writer analyses
    plain = Index(tmp_path / "writer")
    plain.rebuild(files, procs=2)
    a, b = contents(ours), contents(plain)
    assert len(a[0]) > 20_000 and len(a[1]) == 2_000  # real postings were compared
    assert {f for f, _t in a[0]} >= {"title", "body", "location", "year", "source_key"}
    for part_a, part_b in zip(a, b):
        assert part_a == part_b
    ours.close()
    plain.close()


def test_an_index_of_whooshs_own_field_classes_gets_plain_values():
    doc = {"id": "1", "title": "Oil prices", "body": "Crude oil rose.", "year": "1987"}
    analysed = schema.analyse(doc)
    assert set(analysed) == {"title", "body", "year"}
    assert (b"oil", 1) in {(t, f) for t, f, _w, _v in analysed["title"]}
    old = fields.Schema(id=fields.ID(stored=True, unique=True), title=fields.TEXT(stored=True),
                        body=fields.TEXT(stored=True), year=fields.ID(sortable=True))
    assert schema.with_analysed(dict(doc), analysed, old) == doc
    ours = schema.with_analysed(dict(doc), analysed, schema.build_schema())
    assert isinstance(ours["body"], schema.Analysed) and ours["_stored_body"] == "Crude oil rose."
    assert ours["id"] == "1"  # deletions look `id` up by its value
