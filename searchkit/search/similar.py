"""Similar stories: the near-duplicate copies of a story, then the stories most like it (more-like-this)."""
from __future__ import annotations

from ..errors import SearchkitError
from ..index.schema import document
from ..model import Hit
from .snippets import lead
from .stored import to_hit

NUMTERMS = 20  # key terms of the story to search with (more_like_this needs 15-20 on small indexes)


def _story(searcher, article_id: str) -> tuple[int, dict, str]:
    """(document number, stored fields, near-duplicate cluster) of a story."""
    docnum = searcher.document_number(id=article_id)
    if docnum is None:
        raise SearchkitError(f"no article with id {article_id!r}")
    fields = document(searcher.reader(), docnum)
    return docnum, fields, fields.get("cluster") or article_id


def _copies(searcher, docnum: int, cluster: str) -> list[Hit]:
    dups = []
    first = searcher.document_number(id=cluster)
    members = ([first] if first is not None else []) + list(searcher.document_numbers(copy_of=cluster))
    for num in members:
        if num != docnum:
            other = document(searcher.reader(), num)
            dups.append(to_hit(other, 1.0, lead(other.get("body", "")), len(dups) + 1))
    return dups


def duplicates(searcher, article_id: str) -> list[Hit]:
    """The near-duplicate copies of a story (a term lookup: cheap, unlike the similar stories)."""
    docnum, _fields, cluster = _story(searcher, article_id)
    return _copies(searcher, docnum, cluster)


def similar(searcher, article_id: str, *, limit: int = 10, numterms: int = NUMTERMS) -> tuple[list[Hit], list[Hit]]:
    """(near-duplicates of a story, other stories about the same thing), best first."""
    docnum, fields, cluster = _story(searcher, article_id)
    dups = _copies(searcher, docnum, cluster)
    text = f"{fields.get('title', '')} {fields.get('body', '')}"
    found = searcher.more_like(docnum, "body", text=text, top=limit + len(dups) + 1, numterms=numterms)
    alike = [h for h in found if h.fields().get("cluster") != cluster and h.docnum != docnum][:limit]
    return dups, [to_hit(document(searcher.reader(), h.docnum), h.score or 0.0, lead(h.fields().get("body", "")), i)
                  for i, h in enumerate(alike, start=1)]
