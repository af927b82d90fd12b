"""``gongshang-rules serve``: the oracle as a small HTTP JSON service (the optional ``serve`` extra).

Built on Starlette and served by uvicorn; the core library never imports this module. Every answer is the one the
command line gives: ``POST /decide`` returns, byte for byte, the line ``batch`` writes for the same case (with a
final newline), and ``POST /batch`` the lines ``batch`` writes for the same JSON Lines.

========================  =================================================================================
``POST /decide``          one case (a JSON object) in, its result out; 200, or 422 with the error result
``POST /batch``           JSON Lines in, one result per non-blank line out, in order; 200, or 422 when some
                          line was bad input (its error result is on its line, as ``batch`` exits 2)
``GET /reasons``          the reason catalogue, as ``gongshang-rules reasons --json``: ``code``, ``role``,
                          ``articles``, ``interpretation``, ``decisions``, ``when``
``GET /schema/case``      the JSON Schema of a case; ``/schema/result`` that of a result
``GET /health``           ``{"status": "ok", "version": ..., "calendar": [{"year", "source"}, ...]}``
``GET /openapi.json``     the OpenAPI 3.1 document of this service
========================  =================================================================================

Deciding is CPU-bound and pure: each request is decided in a worker thread so that the server keeps answering.
A body larger than :data:`MAX_BODY` bytes is refused with 413.
"""

from __future__ import annotations

import importlib.resources
import json
import sys
from collections.abc import Mapping
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..kernel.workdays import DEFAULT_CALENDAR, WorkingDayCalendar

__all__ = ["MAX_BODY", "app", "openapi", "reasons_catalogue", "run"]

#: The largest request body accepted (bytes); a bigger one is refused with 413 (use ``batch`` through a pipe).
MAX_BODY = 64 * 1024 * 1024

_JSON = "application/json"
_JSONL = "application/x-ndjson"
_LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


def reasons_catalogue() -> list[dict[str, Any]]:
    """The reason catalogue, as ``gongshang-rules reasons --json`` prints it: ``code``, ``role``, ``articles``,
    ``interpretation``, ``decisions``, ``when``."""
    from .reasons import catalogue

    return catalogue()


def _schema_bytes(which: str) -> bytes:
    return (
        importlib.resources.files("gongshang_rules").joinpath("schemas", f"{which}.schema.json").read_bytes()
    )


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gongshang-rules")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree without installing
        return "unknown"


def openapi() -> dict[str, Any]:
    """The OpenAPI 3.1 document of the service (the case and result schemas are referenced at their routes)."""
    case_ref = {"$ref": "/schema/case"}
    result_ref = {"$ref": "/schema/result"}
    lines = {"type": "string", "description": "JSON Lines: one JSON object per line"}

    def answer(description: str, content: Mapping[str, Any]) -> dict[str, Any]:
        return {"description": description, "content": dict(content)}

    json_object = {_JSON: {"schema": {"type": "object"}}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "gongshang-rules",
            "version": _version(),
            "description": "The reference implementation of 湘人社规〔2025〕24号 as a test oracle. Results are "
            "those of `gongshang-rules batch`; docs/oracle.md documents the formats and how results are compared.",
        },
        "paths": {
            "/decide": {
                "post": {
                    "summary": "decide one case",
                    "requestBody": {"required": True, "content": {_JSON: {"schema": case_ref}}},
                    "responses": {
                        "200": answer("the result", {_JSON: {"schema": result_ref}}),
                        "413": answer("the body is too large", json_object),
                        "422": answer(
                            "the case cannot be decided: the error result", {_JSON: {"schema": result_ref}}
                        ),
                    },
                }
            },
            "/batch": {
                "post": {
                    "summary": "decide JSON Lines of cases, one result per non-blank line, in order",
                    "requestBody": {"required": True, "content": {_JSONL: {"schema": lines}}},
                    "responses": {
                        "200": answer("every line decided", {_JSONL: {"schema": lines}}),
                        "413": answer("the body is too large", json_object),
                        "422": answer(
                            "some line was bad input; its error result is on its line",
                            {_JSONL: {"schema": lines}},
                        ),
                    },
                }
            },
            "/reasons": {
                "get": {
                    "summary": "the reason catalogue",
                    "responses": {
                        "200": answer("code, role, articles, interpretation, decisions, when", json_object)
                    },
                }
            },
            "/schema/case": {
                "get": {
                    "summary": "the case schema",
                    "responses": {"200": answer("JSON Schema", json_object)},
                }
            },
            "/schema/result": {
                "get": {
                    "summary": "the result schema",
                    "responses": {"200": answer("JSON Schema", json_object)},
                }
            },
            "/health": {
                "get": {
                    "summary": "liveness, version and calendar",
                    "responses": {"200": answer("ok", json_object)},
                }
            },
            "/openapi.json": {
                "get": {"summary": "this document", "responses": {"200": answer("OpenAPI", json_object)}}
            },
        },
    }


async def _body(request: Request) -> bytes | Response:
    """The request body, or a 413 response when it is larger than :data:`MAX_BODY`."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            return JSONResponse(
                {"error": f"the body is larger than {MAX_BODY} bytes; use batch through a pipe"}, 413
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _decide_one(raw: bytes, calendar: WorkingDayCalendar) -> tuple[bytes, bool]:
    from .batch import decide_line

    line, bad = decide_line(1, raw, calendar=calendar)
    return line.encode("utf-8") + b"\n", bad


def _decide_lines(raw: bytes, calendar: WorkingDayCalendar) -> tuple[bytes, bool]:
    from .batch import decide_line

    out: list[bytes] = []
    any_bad = False
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        result, bad = decide_line(number, line, calendar=calendar)
        any_bad = any_bad or bad
        out.append(result.encode("utf-8") + b"\n")
    return b"".join(out), any_bad


def app(calendar: WorkingDayCalendar = DEFAULT_CALENDAR) -> Starlette:
    """The service as an ASGI application, deciding with ``calendar`` (default: the bundled schedules)."""
    if not isinstance(calendar, WorkingDayCalendar):
        from ..kernel.errors import InvalidInputError

        raise InvalidInputError("calendar", f"must be a WorkingDayCalendar, got {type(calendar).__name__}")
    reasons = json.dumps(reasons_catalogue(), ensure_ascii=False).encode("utf-8")
    document = json.dumps(openapi(), ensure_ascii=False).encode("utf-8")
    health = json.dumps(
        {
            "status": "ok",
            "version": _version(),
            "calendar": [
                {"year": year, "source": schedule.source}
                for year in calendar.known_years()
                if (schedule := calendar.schedule(year)) is not None
            ],
        },
        ensure_ascii=False,
    ).encode("utf-8")

    async def decide(request: Request) -> Response:
        body = await _body(request)
        if isinstance(body, Response):
            return body
        data, bad = await run_in_threadpool(_decide_one, body, calendar)
        return Response(data, 422 if bad else 200, media_type=_JSON)

    async def batch(request: Request) -> Response:
        body = await _body(request)
        if isinstance(body, Response):
            return body
        data, bad = await run_in_threadpool(_decide_lines, body, calendar)
        return Response(data, 422 if bad else 200, media_type=_JSONL)

    def fixed(content: bytes) -> Any:
        async def endpoint(_request: Request) -> Response:
            return Response(content, media_type=_JSON)

        return endpoint

    return Starlette(
        routes=[
            Route("/decide", decide, methods=["POST"]),
            Route("/batch", batch, methods=["POST"]),
            Route("/reasons", fixed(reasons), methods=["GET"]),
            Route("/schema/case", fixed(_schema_bytes("case")), methods=["GET"]),
            Route("/schema/result", fixed(_schema_bytes("result")), methods=["GET"]),
            Route("/health", fixed(health), methods=["GET"]),
            Route("/openapi.json", fixed(document), methods=["GET"]),
        ]
    )


def server(host: str, port: int, calendar: WorkingDayCalendar = DEFAULT_CALENDAR) -> uvicorn.Server:
    """A uvicorn server for :func:`app` (not started; ``run()`` it, or ``serve()`` it in an event loop)."""
    config = uvicorn.Config(
        app(calendar), host=host, port=port, log_level="warning", access_log=False, lifespan="off"
    )
    return uvicorn.Server(config)


def run(*, host: str = "127.0.0.1", port: int = 8000, calendar: WorkingDayCalendar = DEFAULT_CALENDAR) -> int:
    """Serve until interrupted; the exit code of ``gongshang-rules serve`` (2 when the address cannot be bound)."""
    if host not in _LOOPBACK:
        print(
            f"gongshang-rules: serving on {host}, not loopback: reachable from other machines",
            file=sys.stderr,
        )
    print(f"gongshang-rules: serving http://{host}:{port}/ (Ctrl-C stops)", file=sys.stderr)
    instance = server(host, port, calendar)
    try:
        instance.run()
    except KeyboardInterrupt:  # uvicorn shuts down cleanly on Ctrl-C, then re-raises the signal it caught
        return 0
    except SystemExit:  # uvicorn exits when the address cannot be bound (it logs why)
        return 2
    return 0
