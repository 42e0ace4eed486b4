"""The application: ``/v1`` JSON routes, the "Cek tautan" page at ``/``, and their errors.

Every answer is JSON or the page; an unexpected error still answers JSON (logged by its
type only). Nothing a client sends is logged or stored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware

from domainguard import Checker, Registry, __version__, data_versions
from domainguard.server import _models as m
from domainguard.server._middleware import AccessLog, BodyLimit, CatchAll, SecurityHeaders
from domainguard.server._records import SCHEMA_VERSION, link_record, result_record

__all__ = ["OPENAPI_PATH", "Settings", "create_app"]

OPENAPI_PATH: Final = "/v1/openapi.json"

_STATIC: Final = {"app.js": "text/javascript; charset=utf-8",
                  "app.css": "text/css; charset=utf-8",
                  "icon.svg": "image/svg+xml"}
_ERRORS: Final[dict[int | str, dict[str, Any]]] = {
    400: {"model": m.ErrorResponse, "description": "malformed JSON or Content-Length"},
    413: {"model": m.ErrorResponse, "description": "body over the size limit"},
    422: {"model": m.ErrorResponse, "description": "wrong types, unknown keys, over a limit"},
}


@dataclass(frozen=True, kw_only=True)
class Settings:
    """What an operator chooses: registry files, CORS origins, and the body limit."""

    registry_files: Sequence[str] = ()
    plain: bool = False  # the files are plain lists of domains, without provenance
    only_registry: bool = False
    cors_origins: Sequence[str] = ()
    max_body: int = m.MAX_BODY
    extra: dict[str, Any] = field(default_factory=dict)

    def registry(self) -> Registry:
        loaded = [Registry.from_file(path, require_provenance=not self.plain)
                  for path in self.registry_files]
        if self.only_registry and loaded:
            return Registry.combine(*loaded)
        return Registry.combine(Registry.default(), *loaded) if loaded else Registry.default()


def _error(status: int, code: str, message: str, details: list[dict[str, Any]] | None = None,
           headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "details": details or []}},
                        status_code=status, headers=headers)


def _validation_error(errors: Sequence[Any]) -> JSONResponse:
    # the client's own input is not echoed back: a location and a reason say enough
    details = [{"loc": list(e.get("loc", ())), "type": e.get("type", ""), "msg": e.get("msg", "")}
               for e in errors]
    types = {d["type"] for d in details}
    if "json_invalid" in types:
        return _error(400, "malformed_json", "the body is not valid JSON", details)
    for d in details:
        if d["type"] == "too_long" and d["loc"] == ["body", "urls"]:
            return _error(422, "too_many_urls", f"at most {m.MAX_URLS} URLs per request",
                          details)
        if d["type"] == "string_too_long" and d["loc"] == ["body", "text"]:
            return _error(422, "text_too_long",
                          f"at most {m.MAX_TEXT} characters per message", details)
        if d["type"] == "string_too_long":
            return _error(422, "url_too_long", f"at most {m.MAX_URL} characters per URL",
                          details)
    return _error(422, "invalid_request", "the body does not match the schema", details)


def _static(name: str) -> bytes:
    return resources.files("domainguard.server").joinpath("static").joinpath(name).read_bytes()


def create_app(settings: Settings | None = None, *, registry: Registry | None = None) -> FastAPI:
    """The ASGI application. The registry (``registry``, or the one ``settings`` name) is loaded
    here, once, not on the first request."""
    settings = settings or Settings()
    registry = registry if registry is not None else settings.registry()
    checker = Checker(registry)
    versions = {**data_versions(), "registry_entries": str(len(registry))}
    page = _static("index.html")
    assets = {name: _static(name) for name in _STATIC}

    app = FastAPI(
        title="domainguard",
        version=__version__,
        summary="Does this link imitate an official Indonesian government site, and why?",
        openapi_url=OPENAPI_PATH,
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN: not on this service
        redoc_url=None,
    )

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _validation_error(exc.errors())

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        # keep Starlette's headers: a 405 names the allowed methods in Allow (RFC 9110)
        return _error(exc.status_code, code, str(exc.detail), headers=exc.headers)

    @app.post("/v1/check/url", response_model=m.Record, responses=_ERRORS, tags=["check"])
    def check_url(body: m.UrlRequest, request: Request) -> JSONResponse:
        """Judge one URL or host name."""
        request.state.items = 1
        return JSONResponse(result_record(checker.check_url(body.url), body.lang))

    @app.post("/v1/check/urls", response_model=m.ManyResponse, responses=_ERRORS,
              tags=["check"])
    def check_urls(body: m.ManyRequest, request: Request) -> JSONResponse:
        """Judge up to 100 URLs; one record per URL, in order."""
        request.state.items = len(body.urls)
        results = checker.check_many(body.urls)
        return JSONResponse({"results": [result_record(r, body.lang) for r in results]})

    @app.post("/v1/check/text", response_model=m.TextResponse, responses=_ERRORS,
              tags=["check"])
    def check_text(body: m.TextRequest, request: Request) -> JSONResponse:
        """Find every link in a message and judge it; ``start``/``end`` say where it stands."""
        links = checker.check_text(body.text)
        request.state.items = len(links)
        return JSONResponse({"links": [link_record(link, body.lang) for link in links]})

    @app.get("/v1/health", response_model=m.Health, tags=["service"])
    async def health() -> JSONResponse:
        """Answers while the service can check links."""
        return JSONResponse({"status": "ok"})

    @app.get("/v1/versions", response_model=m.Versions, tags=["service"])
    async def version_info() -> JSONResponse:
        """The library's version, the record schema and the data judged with."""
        return JSONResponse({"domainguard": __version__, "schema_version": SCHEMA_VERSION,
                             "api": "v1", "data": versions})

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def index() -> Response:
        return Response(page, media_type="text/html; charset=utf-8")

    @app.api_route("/static/{name}", methods=["GET", "HEAD"], include_in_schema=False)
    async def static(name: str) -> Response:
        if name not in assets:
            return _error(404, "not_found", "no such file")
        return Response(assets[name], media_type=_STATIC[name],
                        headers={"cache-control": "public, max-age=3600"})

    # the last added is the outermost: the log sees every answer, headers go on the 413s too
    app.add_middleware(CatchAll)
    app.add_middleware(BodyLimit, limit=settings.max_body)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["content-type"])
    app.add_middleware(SecurityHeaders, page_paths=("/", *(f"/static/{n}" for n in assets)))
    app.add_middleware(AccessLog)
    return app
