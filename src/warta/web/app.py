"""The FastAPI application: REST API under /api/, server-rendered pages elsewhere, assets from the package.

Requests are bounded before any route sees them (URL length, body size), every bad parameter is a
4xx, and pages carry a strict Content-Security-Policy: no script or style from anywhere else.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HERE = Path(__file__).parent
MAX_URL_BYTES = 4096  # path + query string
MAX_BODY_BYTES = 64 * 1024  # the API is read-only: nothing legitimate sends a large body

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


class RequestGuard:
    """ASGI middleware: 414 for an oversized URL, 413 for a declared oversized body, security headers on replies.

    A body without a length (chunked) is counted as it is read by FastAPI's own `max_body_size`.
    """

    def __init__(self, app: ASGIApp, max_url: int = MAX_URL_BYTES, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_url = max_url
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        url_bytes = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b""))
        if url_bytes > self.max_url:
            await _plain(send, 414, "URI too long")
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _plain(send, 413 if declared.isdigit() else 400, "request body too large or malformed")
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _open_store(store_or_url: Any) -> Any:
    if isinstance(store_or_url, (str, Path)):
        from warta.store.db import Store

        return Store(str(store_or_url))
    return store_or_url


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def create_app(store_or_url: Any) -> FastAPI:
    """The app over a `warta.store.db.Store`, or over the store at a URL / SQLite path."""
    from warta.store.models import QueryError
    from warta.web import api, pages

    app = FastAPI(
        title="warta",
        summary="Clean, structured Indonesian news: articles, search, entities, quotes and figures.",
        version=_version(),
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        max_body_size=MAX_BODY_BYTES,
    )
    app.state.store = _open_store(store_or_url)
    app.mount("/static", StaticFiles(directory=HERE / "static", follow_symlink=False), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)
        return pages.error_page(request, exc.status_code, str(exc.detail))

    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):  # FastAPI's documented 422 shape
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        return pages.error_page(request, 400, problems)

    async def query_error(request: Request, exc: QueryError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return pages.error_page(request, 400, str(exc))

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(QueryError, query_error)
    app.add_middleware(RequestGuard)
    return app


def _version() -> str:
    from warta import __version__

    return __version__
