"""Round-trip latency of the oracle driven case by case: ``batch -`` as a co-process, and ``serve`` over HTTP.

    .venv/bin/python benchmarks/roundtrip.py            # 200 generated settlement cases, each way
    .venv/bin/python benchmarks/roundtrip.py --cases 1000

A harness writes one case and waits for its result before writing the next (what a Java or Go test does when it
asks the oracle per test). The figure is the median (and p90, p95) wall time per case, from the write to the parsed
result; the first 10 cases of each way warm up and are not counted. ``bench.py`` runs the same two measures (the
pipe and one kept-alive connection) in its run. This is a benchmark, not a test: nothing is asserted.
"""

from __future__ import annotations

import http.client
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

WARM_UP = 10


def summary(seconds: list[float]) -> dict[str, float]:
    """Median, p90 and p95 in milliseconds of the samples after the warm-up, and how many were counted."""
    counted = sorted(seconds[WARM_UP:])
    at = lambda share: 1000 * counted[int(share * (len(counted) - 1))]  # noqa: E731
    return {"median": 1000 * statistics.median(counted), "p90": at(0.90), "p95": at(0.95), "n": len(counted)}


def report(label: str, seconds: list[float]) -> dict[str, float]:
    figures = summary(seconds)
    print(
        f"  {label:<34} median {figures['median']:6.2f} ms   p90 {figures['p90']:6.2f} ms   "
        f"p95 {figures['p95']:6.2f} ms   n={figures['n']:.0f}",
        flush=True,
    )
    return figures


def _result(data: bytes, line: bytes) -> None:
    """The answer must be one settlement result (not an error), or the latency measured something else."""
    result = json.loads(data)
    if "error" in result or result.get("decision") != "settlement":
        raise SystemExit(f"not a settlement result for {line[:80]!r}: {data[:200]!r}")


def through_a_pipe(lines: list[bytes], preexec_fn: Callable[[], None] | None = None) -> list[float]:
    """``batch -`` as a co-process: write one line, flush, read one result line; wall seconds per case."""
    process = subprocess.Popen(
        [sys.executable, "-m", "gongshang_rules", "batch", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        preexec_fn=preexec_fn,
    )
    assert process.stdin is not None and process.stdout is not None
    seconds = []
    for line in lines:
        start = time.perf_counter()
        process.stdin.write(line + b"\n")
        process.stdin.flush()
        answer = process.stdout.readline()
        seconds.append(time.perf_counter() - start)
        _result(answer, line)
    process.stdin.close()
    process.wait(timeout=60)
    return seconds


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def over_http(
    lines: list[bytes], preexec_fn: Callable[[], None] | None = None, fresh: bool = True
) -> tuple[list[float], list[float]]:
    """(a new connection per case with urllib, or [] without ``fresh``; one kept-alive connection with http.client)."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gongshang_rules", "serve", "--port", str(port)],
        stderr=subprocess.DEVNULL,
        preexec_fn=preexec_fn,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        for _attempt in range(600):
            try:
                urllib.request.urlopen(f"{url}/health", timeout=2).read()
                break
            except OSError:
                if server.poll() is not None:
                    raise SystemExit("serve exited: is the serve extra installed?") from None
                time.sleep(0.05)
        seconds = []
        for line in lines if fresh else []:
            start = time.perf_counter()
            request = urllib.request.Request(f"{url}/decide", data=line, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=10) as answer:
                    data = answer.read()
            except urllib.error.HTTPError as error:  # 422: an error result, still an answer
                data = error.read()
            seconds.append(time.perf_counter() - start)
            _result(data, line)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        kept = []
        for line in lines:
            start = time.perf_counter()
            connection.request("POST", "/decide", body=line, headers={"Content-Type": "application/json"})
            data = connection.getresponse().read()
            kept.append(time.perf_counter() - start)
            _result(data, line)
        connection.close()
        return seconds, kept
    finally:
        server.terminate()
        server.wait(timeout=30)


def case_lines(count: int) -> list[bytes]:
    """``count`` generated settlement cases (after the warm-up ones), as JSON lines without the newline."""
    import random

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench import generated_case

    rng = random.Random(11)
    return [
        json.dumps(generated_case(rng, i), ensure_ascii=False).encode("utf-8") for i in range(count + WARM_UP)
    ]


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=200, help="settlement cases per way (default 200)")
    args = parser.parse_args(argv)
    lines = case_lines(args.cases)
    report("batch - (co-process pipe)", through_a_pipe(lines))
    fresh, kept = over_http(lines)
    report("POST /decide, new connection", fresh)
    report("POST /decide, keep-alive", kept)
    return 0


if __name__ == "__main__":
    sys.exit(main())
