"""The local web page and JSON API over an index (`searchkit serve`): read-only, offline, escaped."""
from .app import create_app
from .server import listen, serve

__all__ = ["create_app", "listen", "serve"]
