"""domainguard over HTTP: a JSON API under ``/v1`` and the "Cek tautan" page at ``/``.

An optional layer (``pip install 'domainguard[server]'``): it imports the core, the core never
imports it. ``create_app()`` gives the ASGI application; ``serve()`` runs it with uvicorn, which
``domainguard serve`` calls.
"""

from __future__ import annotations

from domainguard.server._app import OPENAPI_PATH, Settings, create_app
from domainguard.server._run import serve

__all__ = ["OPENAPI_PATH", "Settings", "create_app", "serve"]
