"""The gate every request passes: read-only methods, bounded sizes, expected Host names, security headers.

A plain ASGI middleware, outermost, so its headers are on every answer (error pages included).
"""
from __future__ import annotations

from typing import Iterable

MAX_PATH_BYTES = 4_096
MAX_QUERY_STRING_BYTES = 8_192
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})

# No inline script or style anywhere: the page's one script and stylesheet come from /static.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def host_name(header: str) -> str:
    """The name in a Host header, without its port (`[::1]:8080` -> `::1`)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """Refuses what a read-only local page never needs, before the app sees it.

    hosts: the Host names accepted (None: any). A server on 127.0.0.1 accepts only loopback names,
    so a web page elsewhere cannot read it through a DNS name rebound to 127.0.0.1.
    """

    def __init__(self, app, hosts: Iterable[str] | None = LOOPBACK_NAMES):
        self.app = app
        self.hosts = None if hosts is None else frozenset(h.lower() for h in hosts)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self.refusal(scope)
        if refusal is not None:
            status, message, extra = refusal
            await _plain(send, status, message, extra)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _v in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def refusal(self, scope) -> tuple[int, str, list] | None:
        """(status, message, headers) for a request refused here, else None."""
        if scope["method"] not in ("GET", "HEAD"):
            return 405, "this server is read-only: GET and HEAD only", [(b"allow", b"GET, HEAD")]
        if len(scope.get("raw_path") or scope["path"].encode()) > MAX_PATH_BYTES:
            return 414, f"the address is too long (at most {MAX_PATH_BYTES:,} bytes)", []
        if len(scope.get("query_string", b"")) > MAX_QUERY_STRING_BYTES:
            return 414, f"the query string is too long (at most {MAX_QUERY_STRING_BYTES:,} bytes)", []
        headers = dict(scope.get("headers") or [])
        if headers.get(b"content-length", b"0").strip() not in (b"", b"0") or b"transfer-encoding" in headers:
            return 413, "requests carry no body here", []
        if self.hosts is not None:
            host = host_name(headers.get(b"host", b"").decode("latin-1"))
            if host not in self.hosts:
                return 400, "unexpected Host header: this server answers to localhost only (see --host)", []
        return None


async def _plain(send, status: int, message: str, extra: list) -> None:
    body = (message + "\n").encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *extra, *HEADERS]})
    await send({"type": "http.response.body", "body": body})
