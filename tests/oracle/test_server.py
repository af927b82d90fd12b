"""``gongshang-rules serve``: the oracle over HTTP, tested with real requests on 127.0.0.1.

Each test class shares one server started in-test on an ephemeral port; it is told to stop at the end and is
joined with a bound, and every request has a timeout, so a hung server fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import builders
import pytest

from gongshang_rules.kernel.workdays import DEFAULT_CALENDAR, YearSchedule
from gongshang_rules.oracle import batch, cli, server  # the test extra installs the serve extra

TIMEOUT = 10.0


corpus_lines = builders.corpus_lines


class Running:
    """A server started in a thread on 127.0.0.1, port 0 (the system picks a free one)."""

    def __init__(self, **options: Any) -> None:
        self.server = server.server("127.0.0.1", 0, **options)
        self.thread = threading.Thread(target=self.server.run, name="test-server", daemon=True)
        self.thread.start()
        deadline = time.monotonic() + TIMEOUT
        while not self.server.started:
            if (
                time.monotonic() > deadline or not self.thread.is_alive()
            ):  # pragma: no cover - a broken server
                raise AssertionError("the server did not start")
            time.sleep(0.01)
        self.port = self.server.servers[0].sockets[0].getsockname()[1]

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, str, bytes]:
        """(status, content type, body) of one request."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=body, method=method)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
                return answer.status, answer.headers["content-type"], answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers["content-type"], error.read()

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(TIMEOUT)
        assert not self.thread.is_alive()


@pytest.fixture(scope="module")
def running() -> Iterator[Running]:
    """One server for the module, stopped at its end."""
    instance = Running()
    yield instance
    instance.stop()


def batch_lines(text: bytes) -> list[bytes]:
    """What ``gongshang-rules batch`` writes for JSON Lines ``text`` (in-process, with the same functions)."""
    return [
        batch.decide_line(n, raw)[0].encode("utf-8") + b"\n"
        for n, raw in enumerate(text.splitlines(), 1)
        if raw.strip()
    ]


class TestDecide:
    """POST /decide: one case in, its result out, byte-identical to batch's line."""

    def test_every_corpus_case_is_answered_as_batch_answers_it(self, running: Running) -> None:
        """The first 40 corpus cases, one request each: the body is batch's line; 422 exactly for error results."""
        for line in corpus_lines()[:40]:
            status, kind, body = running.request("POST", "/decide", line)
            assert body == batch_lines(line)[0]
            assert status == (422 if "error" in json.loads(body) else 200)
            assert kind.startswith("application/json")

    def test_bad_json_is_the_error_result_with_422(self, running: Running) -> None:
        """Text that is not JSON: the same error result batch writes, with HTTP 422."""
        status, _kind, body = running.request("POST", "/decide", b"{not json")
        assert status == 422
        assert body == batch_lines(b"{not json")[0]
        assert json.loads(body)["error"]["problems"][0]["path"] == "$"

    def test_a_rejected_case_names_the_field(self, running: Running) -> None:
        """A case whose facts are wrong: 422 and the problem at its JSON path."""
        case = {"case": "x", "decision": "scope", "today": "2025-09-01", "facts": {"insured": "430100"}}
        status, _kind, body = running.request("POST", "/decide", json.dumps(case).encode())
        assert status == 422
        assert json.loads(body)["error"]["problems"][0]["path"] == "$.facts.treatment"

    def test_a_get_is_not_allowed(self, running: Running) -> None:
        """/decide takes POST only: 405."""
        assert running.request("GET", "/decide")[0] == 405


class TestBatch:
    """POST /batch: JSON Lines in and out, in order."""

    def test_the_corpus_comes_back_as_batch_writes_it(self, running: Running) -> None:
        """The whole corpus in one request: byte-identical to batch; 422 because some corpus cases are rejected."""
        text = b"\n".join(corpus_lines()) + b"\n"
        status, kind, body = running.request("POST", "/batch", text)
        assert body == b"".join(batch_lines(text))
        assert status == 422 and kind.startswith("application/x-ndjson")

    def test_good_lines_only_are_200_and_blank_lines_are_skipped(self, running: Running) -> None:
        """Two decided cases with a blank line between: two results, 200."""
        good = [line for line in corpus_lines() if b'"error"' not in line][:2]
        status, _kind, body = running.request("POST", "/batch", good[0] + b"\n\n" + good[1] + b"\n")
        assert status == 200 and len(body.splitlines()) == 2

    def test_a_body_over_the_limit_is_refused_with_413(
        self, running: Running, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A body larger than MAX_BODY: 413, not read to the end."""
        monkeypatch.setattr(server, "MAX_BODY", 10)
        status, _kind, body = running.request("POST", "/batch", b"x" * 100)
        assert status == 413 and "larger" in json.loads(body)["error"]


class TestReference:
    """GET /reasons, /schema/case, /schema/result, /health, /openapi.json."""

    def test_the_reasons_are_the_catalogue(self, running: Running) -> None:
        """Every registered code, as `gongshang-rules reasons --json` lists it: role, articles, flag, when."""
        from gongshang_rules.oracle import reasons

        status, _kind, body = running.request("GET", "/reasons")
        catalogue = json.loads(body)
        assert status == 200 and catalogue == reasons.catalogue()
        review = next(r for r in catalogue if r["code"] == "REVIEW_DEADLINE_PROVISIONAL")
        assert review["articles"] == ["art. 10"] and review["interpretation"] is True
        assert review["role"] == "NOTE" and review["when"]

    @pytest.mark.parametrize("which", ["case", "result"])
    def test_the_schemas_are_the_published_ones(self, running: Running, which: str) -> None:
        """/schema/case and /schema/result are byte for byte what `gongshang-rules schema` prints."""
        status, _kind, body = running.request("GET", f"/schema/{which}")
        assert status == 200 and body == server._schema_bytes(which)

    def test_health_names_the_version_and_the_calendar(self, running: Running) -> None:
        """/health: ok, the version, and each known calendar year with its notice."""
        status, _kind, body = running.request("GET", "/health")
        health = json.loads(body)
        assert status == 200 and health["status"] == "ok"
        assert [c["year"] for c in health["calendar"]] == [2024, 2025, 2026]
        assert "国办发明电〔2024〕12号" in health["calendar"][1]["source"]

    def test_the_openapi_document_lists_every_route(self, running: Running) -> None:
        """/openapi.json is OpenAPI 3.1 with every path of the service."""
        status, _kind, body = running.request("GET", "/openapi.json")
        document = json.loads(body)
        assert status == 200 and document["openapi"].startswith("3.1")
        assert set(document["paths"]) == {
            "/decide", "/batch", "/reasons", "/schema/case", "/schema/result", "/health", "/openapi.json",
        }  # fmt: skip


class TestCalendar:
    """A server started with a calendar decides with it."""

    def test_a_supplied_2027_is_used(self) -> None:
        """With 2027 (01-01 off) the working day after 2026-12-31 is 2027-01-04; the health lists 2027."""
        calendar = DEFAULT_CALENDAR.with_schedule(
            YearSchedule(year=2027, days_off=frozenset(), makeup_workdays=frozenset(), source="test 2027")
        )
        instance = Running(calendar=calendar)
        try:
            case = {"case": "x", "decision": "working_day_after", "today": "2026-12-31",
                    "facts": {"date": "2026-12-31", "n": 1}}  # fmt: skip
            status, _kind, body = instance.request("POST", "/decide", json.dumps(case).encode())
            assert status == 200 and json.loads(body)["figures"]["date"] == "2027-01-01"
            assert [c["year"] for c in json.loads(instance.request("GET", "/health")[2])["calendar"]][
                -1
            ] == 2027
        finally:
            instance.stop()

    def test_the_app_checks_its_calendar(self) -> None:
        """A calendar that is not a WorkingDayCalendar is an InvalidInputError naming it."""
        from gongshang_rules import InvalidInputError

        with pytest.raises(InvalidInputError, match="calendar"):
            server.app(calendar="bundled")


class TestTheCommand:
    """`gongshang-rules serve` as a process: loopback by default, stops on a signal."""

    def test_serve_binds_loopback_and_answers_then_stops_on_interrupt(self) -> None:
        """Started on a free port, it answers /health on 127.0.0.1 and exits 0 after SIGINT, within bounds."""
        import signal
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        process = subprocess.Popen(
            [sys.executable, "-m", "gongshang_rules", "serve", "--port", str(port)],
            stderr=subprocess.PIPE,
        )
        try:
            deadline, answer = time.monotonic() + 20, None
            while answer is None and time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                        answer = json.loads(response.read())
                except OSError:
                    time.sleep(0.1)
            assert answer is not None and answer["status"] == "ok"
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=20) == 0
            assert b"127.0.0.1" in process.stderr.read()  # type: ignore[union-attr]
        finally:
            if process.poll() is None:  # pragma: no cover - only when the test failed
                process.kill()
                process.wait(timeout=10)

    def test_an_address_in_use_exits_two(self, running: Running, capsys: pytest.CaptureFixture[str]) -> None:
        """The port of the running test server cannot be bound again: exit 2, and a warning for a non-loopback host."""
        assert cli.main(["serve", "--host", "127.0.0.1", "--port", str(running.port)]) == 2
        assert "serving" in capsys.readouterr().err

    def test_a_port_out_of_range_is_a_usage_error(self) -> None:
        """--port 70000 and --port x are refused by the parser."""
        for port in ("70000", "x"):
            with pytest.raises(SystemExit) as caught:
                cli.main(["serve", "--port", port])
            assert caught.value.code == 2

    def test_without_the_extra_serve_says_what_to_install(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """When starlette or uvicorn cannot be imported: exit 2 naming the extra."""
        from gongshang_rules import oracle

        monkeypatch.setitem(sys.modules, "gongshang_rules.oracle.server", None)
        monkeypatch.delattr(oracle, "server")
        assert cli.main(["serve", "--port", "1"]) == 2
        assert "gongshang-rules[serve]" in capsys.readouterr().err

    def test_the_core_does_not_import_the_server_library(self) -> None:
        """Importing the library and deciding a case loads neither starlette nor uvicorn."""
        code = (
            "import sys, gongshang_rules, gongshang_rules.oracle.batch as c, gongshang_rules.oracle.cases as k;"
            "c.decide_line(1, b'{}');"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in {'starlette', 'uvicorn'}))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
        )
        assert out.stdout.strip() == "[]"
