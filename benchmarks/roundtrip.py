"""Round-trip latency of the oracle driven case by case: ``batch -`` as a co-process, and ``serve`` over HTTP.

    .venv/bin/python benchmarks/roundtrip.py            # 200 generated settlement cases, each way
    .venv/bin/python benchmarks/roundtrip.py --cases 1000

A harness writes one case and waits for its result before writing the next (what a Java or Go test does when it
asks the oracle per test). The figure is the median wall time per case, from the write to the parsed result; the
first 10 cases of each way warm up and are not counted. This is a benchmark, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import generated_case

WARM_UP = 10


def report(label: str, seconds: list[float]) -> None:
    counted = sorted(seconds[WARM_UP:])
    p95 = counted[int(0.95 * (len(counted) - 1))]
    print(
        f"{label:<28} median {1000 * statistics.median(counted):6.2f} ms   p95 {1000 * p95:6.2f} ms   n={len(counted)}"
    )


def through_a_pipe(lines: list[bytes]) -> list[float]:
    process = subprocess.Popen(
        [sys.executable, "-m", "gongshang_rules", "batch", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert process.stdin is not None and process.stdout is not None
    seconds = []
    for line in lines:
        start = time.perf_counter()
        process.stdin.write(line + b"\n")
        process.stdin.flush()
        json.loads(process.stdout.readline())
        seconds.append(time.perf_counter() - start)
    process.stdin.close()
    process.wait(timeout=60)
    return seconds


def over_http(lines: list[bytes]) -> tuple[list[float], list[float]]:
    """(a new connection per case with urllib, one kept-alive connection with http.client)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "gongshang_rules", "serve", "--port", str(port)], stderr=subprocess.DEVNULL
    )
    try:
        url = f"http://127.0.0.1:{port}"
        for _attempt in range(200):
            try:
                urllib.request.urlopen(f"{url}/health", timeout=2).read()
                break
            except OSError:
                time.sleep(0.05)
        seconds = []
        for line in lines:
            start = time.perf_counter()
            request = urllib.request.Request(f"{url}/decide", data=line, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=10) as answer:
                    json.loads(answer.read())
            except urllib.error.HTTPError as error:  # 422: an error result, still an answer
                json.loads(error.read())
            seconds.append(time.perf_counter() - start)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        kept = []
        for line in lines:
            start = time.perf_counter()
            connection.request("POST", "/decide", body=line, headers={"Content-Type": "application/json"})
            json.loads(connection.getresponse().read())
            kept.append(time.perf_counter() - start)
        connection.close()
        return seconds, kept
    finally:
        server.terminate()
        server.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=200, help="settlement cases per way (default 200)")
    args = parser.parse_args(argv)
    rng = random.Random(11)
    lines = [
        json.dumps(generated_case(rng, i), ensure_ascii=False).encode("utf-8")
        for i in range(args.cases + WARM_UP)
    ]
    report("batch - (co-process pipe)", through_a_pipe(lines))
    fresh, kept = over_http(lines)
    report("POST /decide, new connection", fresh)
    report("POST /decide, keep-alive", kept)
    return 0


if __name__ == "__main__":
    sys.exit(main())
