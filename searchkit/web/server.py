"""Running the app: a socket bound first (so a taken port is one clear error), then uvicorn on it."""
from __future__ import annotations

import socket

from ..errors import SearchkitError

MAX_CONCURRENT = 64  # open connections answered at once; more get a 503
MAX_HEADER_BYTES = 16 * 1024


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: any free one); SearchkitError when it cannot be had."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise SearchkitError(f"cannot listen on {host!r}: {exc.strerror}") from None
    family, kind, proto, _name, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise SearchkitError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock


def server(app, *, quiet: bool = False):
    """A uvicorn server for the app: h11 with its request limits, no websockets, no proxy headers trusted."""
    import uvicorn

    config = uvicorn.Config(app, http="h11", ws="none", lifespan="off", proxy_headers=False, server_header=False,
                            limit_concurrency=MAX_CONCURRENT, timeout_keep_alive=5,
                            h11_max_incomplete_event_size=MAX_HEADER_BYTES,
                            log_level="warning" if quiet else "info", access_log=not quiet)
    return uvicorn.Server(config)


def serve(app, sock: socket.socket, *, quiet: bool = False) -> None:
    """Answer requests on the socket until Ctrl-C or SIGTERM."""
    server(app, quiet=quiet).run(sockets=[sock])
