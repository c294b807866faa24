"""Free C-heap memory handed back to the system during a long write (glibc's malloc_trim).

Whoosh's posting buffer is a Python list of millions of tuples; each time it spills to disk the
list's large arrays and many objects are freed, and glibc kept those pages: a 5x Reuters build's
writer process grew by about 20 MB with every spill (bench/README.md, "Scaling"). Trimming now and
then keeps the process at the size of one buffer. Elsewhere than glibc this does nothing.
"""
from __future__ import annotations

import ctypes


def _malloc_trim():
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


_TRIM = _malloc_trim()


def trim() -> None:
    """Return the C heap's free pages to the system (a few ms; the pages fault back in when reused)."""
    if _TRIM is not None:
        _TRIM(0)
