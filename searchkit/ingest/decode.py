"""Bytes to text: gzip looked through, UTF-8 (BOM or not) with a cp1252 fallback, NULs dropped.

A file that is not text at all (an image, an archive, an executable named `.txt`) is told by a known
signature or by control bytes (NUL, 0x01...) making over a tenth of its start (`looks_binary`), so a
stray NUL in a story does not make it binary, and UTF-16 without a BOM (every other byte NUL) is text.

Files are read whole (one at a time), but gzip is inflated in chunks so that a truncated archive
still gives what it holds. A byte sequence that is not UTF-8 is decoded as cp1252 (latin-1 for the
five bytes cp1252 leaves undefined) *in place*: the valid UTF-8 around it is kept as UTF-8, so a
file with one stray Windows quote does not turn into mojibake.
"""
from __future__ import annotations

import codecs
import zlib
from pathlib import Path

from ..model import Problem

_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"RIFF",
                 b"\x00\x00\x01\x00", b"OggS", b"ID3", b"\x7fELF")
# Bytes no text holds, bar a stray one: C0 controls other than tab, newlines, form feed and escape; DEL.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0e, 0x1b), *range(0x1c, 0x20), 0x7f])
_SNIFF_BYTES = 4096
MAX_FILE_BYTES = 512 * 1024 * 1024  # one file is read whole; refuse what cannot sensibly fit
_CHUNK = 1 << 20


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as cp1252, keeping the rest of the text UTF-8."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start:error.end]
    chars = []
    for byte in bad:
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: undefined in cp1252
            chars.append(chr(byte))
    return "".join(chars), error.end


codecs.register_error("searchkit.cp1252", _cp1252_bytes)


def _inflate(path: Path) -> tuple[bytes, Problem | None]:
    """What a gzip file holds; a truncated or damaged one gives what could be read and a Problem."""
    out: list[bytes] = []
    size = 0
    inflater = zlib.decompressobj(wbits=31)  # gzip header and trailer
    fed = False  # whether the current gzip member has begun
    with open(path, "rb") as f:
        while packed := f.read(_CHUNK):
            while packed:
                try:
                    data = inflater.decompress(packed)
                except zlib.error as exc:
                    problem = f"damaged gzip file ({exc}): read the first {size:,} bytes of it"
                    return b"".join(out), Problem(str(path), problem)
                fed = True
                out.append(data)
                size += len(data)
                if size > MAX_FILE_BYTES:
                    return b"", Problem(str(path), f"file too large once uncompressed (over {MAX_FILE_BYTES:,} bytes)")
                packed = b""
                if inflater.eof:  # another gzip member may follow (concatenated archives)
                    packed = inflater.unused_data.lstrip(b"\x00")  # NUL padding after the last member
                    inflater, fed = zlib.decompressobj(wbits=31), False
    if fed and not inflater.eof:
        return b"".join(out), Problem(str(path), f"truncated gzip file: read the first {size:,} bytes of it")
    return b"".join(out), None


def _utf16_without_bom(head: bytes) -> bool:
    """Whether bytes read like UTF-16 text with no BOM: NULs at (nearly) every other byte, on one side only."""
    if len(head) < 4:
        return False
    evens, odds = head[0::2], head[1::2]
    return any(nuls.count(0) >= 0.9 * len(nuls) and other.count(0) == 0 for nuls, other in ((odds, evens), (evens, odds)))


def looks_binary(data: bytes) -> bool:
    """Whether bytes are an image, archive or other non-text file rather than text (or a page)."""
    head = data[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(head):
        return False
    if head.startswith(_BINARY_MAGIC):
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls * 10 > len(head)


def decode(data: bytes, path: Path) -> tuple[str, list[Problem]]:
    """Text of some bytes: UTF-8 (BOM dropped), UTF-16 when it has a BOM, else cp1252 with a warning."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace").replace("\x00", ""), []
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = data.decode("utf-8-sig", errors="searchkit.cp1252")
        return text, [Problem(str(path), "not valid UTF-8; read as cp1252", line, skipped=False)]


def read_bytes(path: Path) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a file (`.gz` inflated) and the problems met; None when nothing could be read."""
    problems: list[Problem] = []
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(str(path), f"file too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")]
        if path.name.lower().endswith(".gz"):
            data, problem = _inflate(path)
            if problem:
                problems.append(problem)
        else:
            data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(str(path), f"cannot read: {exc.strerror or exc}")]
    return data, problems


def open_text(path: Path, *, latin1: bool = False, text_only: bool = False) -> tuple[str | None, list[Problem]]:
    """The text of a file and the problems met; text is None when nothing could be read.

    text_only: a binary file (`looks_binary`) is refused with one Problem rather than read as cp1252
    junk; a story reader wants this, a metadata table reports its own reason.
    """
    data, problems = read_bytes(path)
    if data is None:
        return None, problems
    if text_only and looks_binary(data):
        return None, problems + [Problem(str(path), "binary, not text: not read")]
    if latin1:  # Reuters-21578 is latin-1 by definition; every byte is a character
        return data.replace(b"\x00", b"").decode("latin-1"), problems
    text, warnings = decode(data, path)
    return text, problems + warnings
