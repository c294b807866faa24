"""Text from the index made safe for a page: everything escaped, only the highlight marks kept."""
from __future__ import annotations

import html
import re
from datetime import datetime

from markupsafe import Markup, escape

_MARK = re.compile(r"(</?b>)")
_SCHEMES = ("http://", "https://")


def highlighted(text: str | None) -> Markup:
    """A snippet (HTML-escaped text, matches in <b>) as page markup, matches in <mark>.

    Not trusted as HTML: each piece between the marks is unescaped and escaped again, so nothing
    but the marks can survive, whatever the story held.
    """
    out, inside = [], False
    for part in _MARK.split(text or ""):
        if part == "<b>":
            if not inside:
                out.append("<mark>")
            inside = True
        elif part == "</b>":
            if inside:
                out.append("</mark>")
            inside = False
        elif part:
            out.append(str(escape(html.unescape(part))))
    if inside:
        out.append("</mark>")
    return Markup("".join(out))


def day(moment: datetime | None) -> str:
    """A story's date as people read it (its UTC day), or 'undated'."""
    return moment.strftime("%-d %B %Y") if moment else "undated"


def iso_day(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment else ""


def web_url(url: str | None) -> str | None:
    """A story's URL when it is a web address (never javascript: or data:), else None."""
    return url if url and url.lower().startswith(_SCHEMES) else None
