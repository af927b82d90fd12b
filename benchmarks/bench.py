"""Benchmark the oracle: decisions in-process, ``batch`` end to end, the bare JSON ceiling, ``--jobs 2``, import time.

    .venv/bin/python benchmarks/bench.py                 # 100,000 generated settlement cases
    .venv/bin/python benchmarks/bench.py --lines 20000   # a quicker run
    .venv/bin/python benchmarks/bench.py --profile       # also profile batch's per-line path (cProfile, top 25)

Everything single-process is pinned to one core (the first this process may use); ``--jobs 2`` gets two. The
figures are ratios measured in one run (absolute times on shared machines drift), each against its issue-13 target:

- ``decide`` on one case as a whole process, against ``python -c pass`` (median of 7 each);
- a settlement decision in-process, against the bare if-chain floor of ``floor.py`` on the same parsed facts
  (checked first to agree with the library on every timed case: outcome, shares, decisive codes);
- ``batch`` on one process, against a bare ``json.loads`` + ``json.dumps`` round trip of the same lines;
- ``batch --jobs 2``, against one process;
- a settlement case's round trip case by case (target: median under 2 ms), through ``batch -`` as a co-process
  (write one line, flush, read one result line) and through ``serve`` (``POST /decide`` over one kept-alive
  ``http.client`` connection), median and p90 after a warm-up (``roundtrip.py``);
- with ``--check-bytes`` (``make bench`` passes it): the batch output of the corpus and of the generated file,
  identical with one process, ``--jobs 2`` and the standard library's writer, and to the digests committed in
  ``benchmarks/digests.json`` (``bytecheck.py``).

This is a benchmark, not a test: no timing is asserted anywhere (``tests/test_bench_floor.py`` checks the floor).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from stdnum.cn import ric

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bytecheck  # noqa: E402
import floor  # noqa: E402
import instructions  # noqa: E402
import roundtrip  # noqa: E402

# (insured, filing treatment, institution, care, service): intra-province, inbound, outbound.
SHAPES = (
    ("430100", "430200", "EX-0002", "INPATIENT", "MEDICAL"),
    ("430600", "430200", "EX-0002", "OUTPATIENT", "REHABILITATION"),
    ("650000", "430100", "EX-0001", "INPATIENT", "MEDICAL"),
    ("430100", "440000", "EX-0004", "INPATIENT", "MEDICAL"),
    ("431100", "440000", "EX-0004", "INPATIENT", "REHABILITATION"),
)
KINDS = {
    "MEDICAL": ("MEDICAL_ITEM", "DRUG", "INPATIENT_SERVICE"),
    "REHABILITATION": ("REHABILITATION_ITEM", "DRUG"),
}


def identity(rng: random.Random) -> str:
    """An invented identity number with a valid check digit."""
    body = f"430102{rng.randint(1960, 2000)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    return body + ric.calc_check_digit(body + "0")


def generated_case(rng: random.Random, index: int) -> dict[str, Any]:
    """One settlement case: a varied worker, filing, stay and bill (about 750 bytes as JSON)."""
    insured, treatment, code, care, service = rng.choice(SHAPES)
    filed = 20250801 + 0
    filed_on = f"2025-{rng.randint(8, 12):02d}-{rng.randint(1, 28):02d}"
    started = filed_on[:8] + f"{min(int(filed_on[8:]) + rng.randint(0, 3), 28):02d}"
    category = rng.choice(["REFERRAL", "LONG_TERM_RESIDENCE", "RESIDENT_WORK"])
    filing: dict[str, Any] = {"insured": insured, "treatment": treatment, "category": category, "service": service,
                              "filed_on": filed_on}  # fmt: skip
    if insured == "650000":
        filing.update(stated_valid_from=filed_on, stated_valid_through="2026-06-30")
    lines = [
        {"kind": kind, "amount": f"{rng.randint(1, 99999) / 100:.2f}", **({"compliant": False} if rng.random() < 0.1 else {})}
        for kind in rng.sample(KINDS[service], k=rng.randint(1, len(KINDS[service])))
    ]  # fmt: skip
    del filed
    return {
        "case": f"Generated settlement case {index}.",
        "decision": "settlement",
        "today": started,
        "facts": {
            "episode": {
                "worker": {"name": "测试职工", "identity_number": identity(rng), "insured": insured},
                "filing": filing,
                "institution_code": code,
                "care": care,
                "service": service,
                "started_on": started,
                "lines": lines,
                "credential": rng.choice(["SOCIAL_SECURITY_CARD", "ELECTRONIC_SOCIAL_SECURITY_CARD"]),
            },
            "registry": "example",
        },
    }


def write_cases(path: Path, count: int) -> int:
    """Write ``count`` generated cases as JSONL; return the file's size in bytes."""
    rng = random.Random(20250801)
    with path.open("w", encoding="utf-8") as stream:
        for index in range(count):
            stream.write(json.dumps(generated_case(rng, index), ensure_ascii=False) + "\n")
    return path.stat().st_size


def one_core() -> set[int]:
    """The first core this process may run on."""
    return {min(os.sched_getaffinity(0))}


def pinned(cores: set[int]) -> Callable[[], None]:
    """A preexec_fn that pins a child process to ``cores``."""
    return lambda: os.sched_setaffinity(0, cores)


def timed(label: str, run: Callable[[], int]) -> tuple[float, int]:
    """Run once, return (seconds, items)."""
    start = time.perf_counter()
    items = run()
    seconds = time.perf_counter() - start
    print(f"  {label}: {items:,} in {seconds:.2f} s = {items / seconds:,.0f}/s", flush=True)
    return seconds, items


def bare_round_trip(path: Path) -> int:
    """json.loads + json.dumps of every line, written to /dev/null: the ceiling."""
    count = 0
    with path.open("rb") as source, open(os.devnull, "w", encoding="utf-8") as sink:
        for line in source:
            sink.write(json.dumps(json.loads(line)) + "\n")
            count += 1
    return count


def parsed_facts(path: Path, limit: int) -> list[Any]:
    """The ``SettlementFacts`` of the first ``limit`` cases, structured once (both timings below start from them)."""
    from gongshang_rules.oracle import cases, jsonio

    facts = []
    with path.open("rb") as source:
        for _index, line in zip(range(limit), source, strict=False):
            facts.append(cases.case_from_json(jsonio.loads(line)).facts)
    return facts


def in_process_decisions(facts: list[Any]) -> Callable[[], int]:
    """decide_settlement on already-structured episodes (the rule alone)."""
    from gongshang_rules.rules.settlement import decide_settlement

    def run() -> int:
        for f in facts:
            decide_settlement(f.episode, registry=f.registry)
        return len(facts)

    return run


def floor_decisions(facts: list[Any]) -> Callable[[], int]:
    """The bare if-chain of ``floor.py`` on the same episodes."""
    settle = floor.settle

    def run() -> int:
        for f in facts:
            settle(f.episode)
        return len(facts)

    return run


def batch(
    path: Path, jobs: int, cores: set[int], *extra: str, env: dict[str, str] | None = None
) -> Callable[[], int]:
    """``python -m gongshang_rules batch`` end to end (interpreter start included), output to /dev/null; ``env``
    to run another tree (``PYTHONPATH``)."""

    def run() -> int:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "gongshang_rules",
                "batch",
                str(path),
                "--jobs",
                str(jobs),
                "-o",
                os.devnull,
                *extra,
            ],
            preexec_fn=pinned(cores),
            check=False,
            env=env,
        )
        if done.returncode != 0:
            raise SystemExit(f"batch exited {done.returncode}")
        return sum(1 for _ in path.open("rb"))

    return run


def process_time(command: list[str], env: dict[str, str] | None = None, runs: int = 7) -> float:
    """Median wall seconds of ``command`` as a whole process, pinned to one core, output discarded."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True, env=env, preexec_fn=pinned(one_core()))
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def cold_start(path: Path) -> tuple[float, float, float]:
    """(``decide`` on the first generated case with and without bytecode caches, ``python -c pass``), in seconds.

    With caches is what an installed wheel gives (pip compiles it): the package's bytecode is written once to a
    temporary ``PYTHONPYCACHEPREFIX`` by a first, untimed run. Without is what a source tree under
    ``PYTHONDONTWRITEBYTECODE=1`` pays: every module compiled again by every process.
    """
    with tempfile.TemporaryDirectory() as folder:
        case = Path(folder) / "case.json"
        with path.open("rb") as source:
            case.write_bytes(source.readline())
        command = [sys.executable, "-m", "gongshang_rules", "decide", str(case)]
        cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True, env=cached)
        with_cache = process_time(command, cached)
        uncached = dict(
            os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPYCACHEPREFIX=str(Path(folder) / "none")
        )
        without_cache = process_time(command, uncached)
    return with_cache, without_cache, process_time([sys.executable, "-c", "pass"])


def import_time(runs: int = 7) -> float:
    """Median seconds to import the package in a fresh interpreter."""
    code = "import time; t = time.perf_counter(); import gongshang_rules; print(time.perf_counter() - t)"
    samples = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              preexec_fn=pinned(one_core()))  # fmt: skip
        samples.append(float(done.stdout))
    return statistics.median(samples)


def profile(path: Path, limit: int) -> None:
    """cProfile of batch's per-line path on the first ``limit`` lines."""
    import cProfile
    import pstats

    from gongshang_rules.oracle.batch import decide_line

    lines = [line for _i, line in zip(range(limit), path.open("rb"), strict=False)]
    profiler = cProfile.Profile()
    profiler.enable()
    for number, line in enumerate(lines, start=1):
        decide_line(number, line)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


#: The commit issue 13 was measured on ("today's rate"): ``--baseline`` measures its ``batch`` in the same run.
ISSUE_13_BASELINE = "e063609"


def against_baseline(path: Path, ref: str, core: set[int], rounds: int = 3) -> None:
    """``batch`` of this tree against ``batch`` of commit ``ref`` on the same file, one process on one core,
    alternating (best of ``rounds`` each, so that a burst of load elsewhere hits both): the issue's "at least 1.5
    times today's rate", and 2 times with ``--no-messages`` (which the baseline does not have)."""
    with tempfile.TemporaryDirectory() as folder:
        src = instructions.exported(ref, Path(folder))
        if src is None:
            return
        then = instructions.environment(src, Path(folder) / "pycache-baseline")
        now = instructions.environment(ROOT / "src", Path(folder) / "pycache-now")
        runs = (
            ("baseline", batch(path, 1, core, env=then)),
            ("now", batch(path, 1, core, env=now)),
            ("now --no-messages", batch(path, 1, core, "--no-messages", env=now)),
        )
        for _label, run in runs[:2]:
            run()  # the bytecode of both trees written once, untimed
        best: dict[str, float] = {}
        for _ in range(rounds):
            for label, run in runs:
                start = time.perf_counter()
                run()
                best[label] = min(best.get(label, float("inf")), time.perf_counter() - start)
    lines = sum(1 for _ in path.open("rb"))
    for label, seconds in best.items():
        print(
            f"  batch, {label} ({ref if label == 'baseline' else 'this tree'}): {lines / seconds:,.0f}/s (best of {rounds})"
        )
    print(
        f"batch / baseline {ref}:              {best['baseline'] / best['now']:.2f}x (target at least 1.5x)"
    )
    print(
        f"batch --no-messages / baseline {ref}: {best['baseline'] / best['now --no-messages']:.2f}x "
        "(target at least 2x)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--lines", type=int, default=100_000, help="cases in the generated file (default 100,000)"
    )
    parser.add_argument("--profile", action="store_true", help="profile batch's per-line path too")
    parser.add_argument(
        "--cases", type=int, default=500, help="settlement cases per round-trip measure (default 500)"
    )
    parser.add_argument(
        "--check-bytes",
        action="store_true",
        help="check the corpus and generated output is identical across --jobs and writers, and to digests.json",
    )
    parser.add_argument(
        "--baseline",
        default=ISSUE_13_BASELINE,
        metavar="REF",
        help=f"the commit whose batch rate is 'today's' (default {ISSUE_13_BASELINE}); 'none' to skip",
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count instructions with callgrind (instructions.py), this tree and the baseline",
    )
    args = parser.parse_args(argv)
    core = one_core()
    os.sched_setaffinity(0, core)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cases.jsonl"
        size = write_cases(path, args.lines)
        print(f"{args.lines:,} generated settlement cases, {size / args.lines:,.0f} bytes a line on average")
        facts = parsed_facts(path, min(args.lines, 20_000))
        print(f"  floor agrees with the library on all {floor.agree(facts):,} timed cases")
        in_process_decisions(facts)()  # warm the library's caches once, as a long run would
        decisions = timed("settlement decisions in-process", in_process_decisions(facts))
        bare = timed("bare if-chain floor, same facts", floor_decisions(facts))
        ceiling = timed("bare json.loads + json.dumps round trip", lambda: bare_round_trip(path))
        one = timed("batch, 1 process, end to end", batch(path, 1, core))
        available = sorted(os.sched_getaffinity(0) | set(range(os.cpu_count() or 1)))[:2]
        two = timed("batch --jobs 2, end to end", batch(path, 2, set(available)))
        imported = import_time()
        decide, uncached, nothing = cold_start(path)
        lines = roundtrip.case_lines(args.cases)
        both = pinned(set(available))  # the oracle may use either core; this process stays on its one
        piped = roundtrip.report("round trip, batch - (pipe)", roundtrip.through_a_pipe(lines, both))
        served = roundtrip.report(
            "round trip, serve (keep-alive)", roundtrip.over_http(lines, both, fresh=False)[1]
        )
        rate = {name: items / seconds for name, (seconds, items) in
                (("decisions", decisions), ("floor", bare), ("ceiling", ceiling), ("one", one),
                 ("two", two))}  # fmt: skip
        print(f"  import gongshang_rules: {imported * 1000:.0f} ms (median of 7)")
        print(f"  decide one case, whole process, bytecode cached: {decide * 1000:.0f} ms (median of 7)")
        print(f"  decide one case, whole process, no bytecode cache: {uncached * 1000:.0f} ms (median of 7)")
        print(f"  python -c pass: {nothing * 1000:.0f} ms (median of 7)")
        print()
        print("issue 13 (ratios in this run):")
        print(f"decide / python -c pass:  {decide / nothing:.1f}x (target at most 5x; bytecode cached)")
        print(f"  without bytecode cache: {uncached / nothing:.1f}x")
        print(f"settlement / floor:       {rate['floor'] / rate['decisions']:.1f}x (target at most 8x)")
        print(f"batch / bare round trip:  {rate['one'] / rate['ceiling']:.1%} (issue 12 target 25%)")
        print(f"--jobs 2 / 1 process:     {rate['two'] / rate['one']:.2f}x (target at least 1.7x)")
        print(f"import:                   {imported * 1000:.0f} ms (target < 150 ms)")
        for label, figures in (("batch - round trip:", piped), ("serve round trip:", served)):
            print(
                f"{label:<26}{figures['median']:.2f} ms median, {figures['p90']:.2f} ms p90 (target median < 2 ms)"
            )
        print(f"load average at the end:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        if args.baseline != "none":
            print()
            print(f"against the baseline (issue 13's 'today'), {min(args.lines, 20_000):,} lines:")
            short = Path(folder) / "short.jsonl"
            with path.open("rb") as source, short.open("wb") as out:
                out.writelines(line for _i, line in zip(range(20_000), source, strict=False))
            against_baseline(short, args.baseline, core)
        if args.instructions:
            print()
            instructions.main(["--baseline", args.baseline] if args.baseline != "none" else [])
        if args.check_bytes:
            print()
            print("byte-identical output (bytecheck.py):")
            if not bytecheck.check(path):
                print("batch output DIFFERS: see above")
                return 1
        if args.profile:
            profile(path, min(args.lines, 5_000))
    return 0


if __name__ == "__main__":
    sys.exit(main())
