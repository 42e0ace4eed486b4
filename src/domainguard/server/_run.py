"""Run the application with uvicorn, in one process or several.

Several workers each import the application anew, so the operator's settings travel to them in
one environment variable and ``app_from_env`` rebuilds the same application in every worker.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from typing import Final

import uvicorn
from fastapi import FastAPI

from domainguard import Registry
from domainguard.server._app import Settings, create_app

__all__ = ["app_from_env", "serve"]

_ENV: Final = "DOMAINGUARD_SERVER_SETTINGS"


def _log_to_stderr(level: str) -> None:
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(message)s")


def app_from_env() -> FastAPI:
    """The application for a uvicorn worker, from the settings ``serve`` left in the env."""
    raw = json.loads(os.environ.get(_ENV, "{}"))
    # a worker is a fresh interpreter: the parent's logging setup did not come with it
    _log_to_stderr(str(raw.get("log_level", "info")))
    return create_app(Settings(registry_files=tuple(raw.get("registry_files", ())),
                               plain=bool(raw.get("plain", False)),
                               only_registry=bool(raw.get("only_registry", False)),
                               cors_origins=tuple(raw.get("cors_origins", ()))))


def serve(*, host: str = "127.0.0.1", port: int = 8000, registry: Registry | None = None,
          registry_files: Sequence[str] = (), plain: bool = False, only_registry: bool = False,
          cors_origins: Sequence[str] = (), workers: int = 1, log_level: str = "info") -> None:
    """Serve until interrupted. Logs hold methods, routes, statuses, counts and timings only.

    ``registry`` is the one ``registry_files`` give, already loaded (the command line loads it
    to report a broken file as every command does); workers load the files again themselves.
    """
    _log_to_stderr(log_level)
    settings = Settings(registry_files=tuple(registry_files), plain=plain,
                        only_registry=only_registry, cors_origins=tuple(cors_origins))
    # access_log=False: uvicorn's access line holds the path and query, which may carry a URL
    options = {"host": host, "port": port, "access_log": False, "log_level": log_level,
               "server_header": False}
    if workers > 1:
        os.environ[_ENV] = json.dumps({"registry_files": list(registry_files), "plain": plain,
                                       "only_registry": only_registry, "log_level": log_level,
                                       "cors_origins": list(cors_origins)})
        if registry is None:
            settings.registry()  # a broken registry file fails here, once, not in every worker
        uvicorn.run("domainguard.server._run:app_from_env", factory=True, workers=workers,
                    **options)  # type: ignore[arg-type]
    else:
        uvicorn.run(create_app(settings, registry=registry), **options)  # type: ignore[arg-type]
