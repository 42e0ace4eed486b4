"""Plain ASGI layers around the app: a bounded body, security headers, and a log of counts.

Plain ASGI rather than Starlette's ``BaseHTTPMiddleware``: each layer costs one call, and the body
limit can answer before the application reads a byte.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from typing import Any, Final

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["AccessLog", "BodyLimit", "CatchAll", "SecurityHeaders", "error_bytes"]

log = logging.getLogger("domainguard.server")

PAGE_CSP: Final = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                   "connect-src 'self'; base-uri 'none'; form-action 'none'; "
                   "frame-ancestors 'none'")
API_CSP: Final = "default-src 'none'; frame-ancestors 'none'"
_COMMON: Final = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)


def error_bytes(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message, "details": []}}).encode()


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    body = error_bytes(code, message)
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse a body over ``limit`` bytes: at once when Content-Length says so, else as soon as
    the bytes received pass it. A body within the limit is handed on whole."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length":
                if not value.isdigit():
                    await _send_error(send, 400, "bad_content_length",
                                      "Content-Length is not a number")
                    return
                if int(value) > self.limit:
                    await _send_error(send, 413, "body_too_large",
                                      f"the body is over {self.limit} bytes")
                    return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                # the client left before the body ended: nothing to answer
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await _send_error(send, 413, "body_too_large",
                                  f"the body is over {self.limit} bytes")
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class CatchAll:
    """An unexpected exception becomes a JSON 500, logged by its type alone. Starlette's own
    last resort would log the traceback, whose message may quote a URL or a message."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as e:  # the last resort: every failure answers JSON
            log.error("unexpected %s", type(e).__name__)
            if not started:
                await _send_error(send, 500, "internal_error",
                                  "the service failed; nothing was stored")


class SecurityHeaders:
    """Headers on every response: the page's strict CSP, or a deny-all one for JSON."""

    def __init__(self, app: ASGIApp, page_paths: Iterable[str]) -> None:
        self.app = app
        self.page_paths = frozenset(page_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        page = scope["path"] in self.page_paths

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                headers.extend(_COMMON)
                headers.append((b"content-security-policy", (PAGE_CSP if page else API_CSP
                                                              ).encode()))
                if not page:
                    # answers about links are not for shared caches
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


class AccessLog:
    """One log line per request: method, route, status, item count and time. Never the URL's
    query, the body or anything a person wrote: paths of unknown routes are not logged either."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0

        async def record_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, record_status)
        finally:
            if log.isEnabledFor(logging.INFO):
                route: Any = scope.get("route")
                state: dict[str, Any] = scope.get("state") or {}
                log.info("%s %s %d items=%s %.1fms", scope["method"],
                         getattr(route, "path", "-"), status, state.get("items", "-"),
                         (time.perf_counter() - started) * 1000)
