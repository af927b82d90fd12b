"""Issue 13's ratios as instruction counts: the same figures as ``bench.py``, independent of the machine's load.

    .venv/bin/python benchmarks/instructions.py                   # this tree
    .venv/bin/python benchmarks/instructions.py --baseline e063609  # and a commit of this repository, side by side

Wall-clock figures on these shared two-core machines drift by a factor of three or four within an hour; an
instruction count does not. Each figure is counted by valgrind's callgrind (it must be installed: the script says
so and stops otherwise) as the difference between two runs of the same child process, one doing the measured work
``ROUNDS`` times more than the other, so the interpreter's start, the imports and the setup cancel out:

- a settlement decision in-process (``decide_settlement`` on parsed facts) and the bare if-chain of ``floor.py``
  on the same facts: the issue's "at most 8 times the floor";
- a line through ``batch`` end to end (read, decide, write; one process, output to ``/dev/null``), with and
  without ``--no-messages`` where the tree has it, and the bare ``json.loads`` + ``json.dumps`` round trip of the
  same line: the batch rate;
- ``decide`` on one case as a whole process against ``python -c pass`` (bytecode cached, as an installed wheel
  has it): the cold start, "at most 5 times".

With ``--baseline REF`` the commit's ``src/`` is exported (``git archive``) and measured the same way in the same
run, so "1.5 times today's rate" is read as a ratio of instructions per line. Instructions are not seconds (a
cache miss costs more than an add), so the wall-clock figures of ``bench.py`` on free cores stay the reference;
this is their load-independent check. A benchmark, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

#: The child process each in-process measure runs: ``python -c CHILD MEASURE FILE ROUNDS``.
CHILD = r"""
import io, json, sys
sys.path.insert(0, sys.argv[4])
measure, path, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(path, "rb").read().splitlines()
if measure in ("decision", "floor"):
    try:
        from gongshang_rules.oracle import cases, jsonio
    except ImportError:  # a tree from before the kernel/rules/oracle layers
        from gongshang_rules import cases, jsonio
    from gongshang_rules import decide_settlement
    import floor
    facts = [cases.case_from_json(jsonio.loads(line)).facts for line in lines]
    if measure == "decision":
        def once():
            for f in facts:
                decide_settlement(f.episode, registry=f.registry)
    else:
        settle = floor.settle
        def once():
            for f in facts:
                settle(f.episode)
elif measure == "json":
    def once():
        for line in lines:
            json.dumps(json.loads(line), ensure_ascii=False, sort_keys=True)
else:
    raise SystemExit(f"unknown measure {measure}")
once()  # warm: the library's caches and the converters, as a long run has them
for _ in range(rounds):
    once()
"""

ROUNDS = 2


def callgrind(command: list[str], env: dict[str, str]) -> int:
    """The instructions ``command`` executes, counted by callgrind."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"callgrind failed on {' '.join(command)}:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def environment(src: Path, cache: Path) -> dict[str, str]:
    """The child's environment: ``src`` first on the path, bytecode cached under ``cache`` (written once)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(src)
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    env["PYTHONHASHSEED"] = "0"
    return env


def per_item(measure: str, path: Path, items: int, env: dict[str, str]) -> float:
    """Instructions per item of ``measure``: (ROUNDS extra rounds − none) / (ROUNDS × items)."""
    base = [sys.executable, "-c", CHILD, measure, str(path)]
    subprocess.run([*base, "0", str(HERE)], env=env, check=True)  # write the bytecode cache, untimed
    none = callgrind([*base, "0", str(HERE)], env)
    more = callgrind([*base, str(ROUNDS), str(HERE)], env)
    return (more - none) / (ROUNDS * items)


def has_no_messages(src: Path) -> bool:
    """Whether the tree's ``batch`` has ``--no-messages``."""
    return any("no-messages" in p.read_text("utf-8") for p in src.rglob("cli.py"))


def batch_per_line(path: Path, one: Path, items: int, env: dict[str, str], *extra: str) -> float:
    """Instructions per line of ``batch`` end to end: (the whole file − its first line alone) / (items − 1)."""
    command = [sys.executable, "-m", "gongshang_rules", "batch"]
    subprocess.run([*command, str(one), "-o", os.devnull, *extra], env=env, check=True)
    short = callgrind([*command, str(one), "-o", os.devnull, *extra], env)
    full = callgrind([*command, str(path), "-o", os.devnull, *extra], env)
    return (full - short) / (items - 1)


def cold_start(one: Path, env: dict[str, str]) -> tuple[int, int]:
    """(instructions of ``decide`` on one case as a whole process, of ``python -c pass``)."""
    command = [sys.executable, "-m", "gongshang_rules", "decide", str(one)]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return callgrind(command, env), callgrind([sys.executable, "-c", "pass"], env)


def measure(src: Path, path: Path, one: Path, items: int, cache: Path) -> dict[str, float]:
    env = environment(src, cache)
    figures = {
        "decision": per_item("decision", path, items, env),
        "floor": per_item("floor", path, items, env),
        "json": per_item("json", path, items, env),
        "line": batch_per_line(path, one, items, env),
    }
    if has_no_messages(src):
        figures["line_no_messages"] = batch_per_line(path, one, items, env, "--no-messages")
    figures["decide"], figures["pass"] = cold_start(one, env)
    return figures


def exported(ref: str, folder: Path) -> Path | None:
    """The ``src/`` of commit ``ref`` of this repository, written under ``folder``; ``None`` (said) without git or
    the commit (an unpacked sdist has no history)."""
    archive = folder / "baseline.tar"
    with archive.open("wb") as out:
        done = subprocess.run(
            ["git", "-C", str(ROOT), "archive", ref, "src"], stdout=out, stderr=subprocess.PIPE, check=False
        )
    if done.returncode != 0:
        print(f"  no baseline: git cannot export {ref} here ({done.stderr.decode(errors='replace').strip()})")
        return None
    with tarfile.open(archive) as tar:
        tar.extractall(folder / "baseline", filter="data")
    return folder / "baseline" / "src"


def report(label: str, f: dict[str, float]) -> None:
    print(f"{label}:")
    print(f"  settlement decision: {f['decision']:>12,.0f} instructions; floor {f['floor']:,.0f}")
    print(f"  batch, one line:     {f['line']:>12,.0f} instructions; bare JSON round trip {f['json']:,.0f}")
    if "line_no_messages" in f:
        print(f"  batch --no-messages: {f['line_no_messages']:>12,.0f} instructions")
    print(f"  decide, one process: {f['decide']:>12,.0f} instructions; python -c pass {f['pass']:,.0f}")
    print(f"  decision / floor:         {f['decision'] / f['floor']:.1f}x (target at most 8x)")
    print(f"  decide / python -c pass:  {f['decide'] / f['pass']:.1f}x (target at most 5x)")
    print(f"  bare round trip / line:   {f['json'] / f['line']:.1%} of batch's rate")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--baseline", metavar="REF", help="also measure this commit's src/ (git archive)")
    parser.add_argument("--cases", type=int, default=300, help="generated settlement cases (default 300)")
    args = parser.parse_args(argv)
    import bench  # the case generator (bench.py imports this module: imported here, not at the top)

    if shutil.which("valgrind") is None:
        print("valgrind is not installed: no instruction counts (apt-get install valgrind)")
        return 0
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path, one = folder / "cases.jsonl", folder / "one.jsonl"
        bench.write_cases(path, args.cases)
        with path.open("rb") as source:
            one.write_bytes(source.readline())
        print(f"{args.cases} generated settlement cases; instructions counted by callgrind")
        trees = [("this tree", ROOT / "src")]
        baseline = exported(args.baseline, folder) if args.baseline else None
        if baseline is not None:
            trees.append((f"baseline {args.baseline}", baseline))
        results = {}
        for label, src in trees:
            results[label] = measure(src, path, one, args.cases, folder / f"pycache-{len(results)}")
            report(label, results[label])
        if baseline is not None:
            now, then = results["this tree"], results[f"baseline {args.baseline}"]
            print(f"batch rate against the baseline:        {then['line'] / now['line']:.2f}x (target 1.5x)")
            if "line_no_messages" in now:
                print(
                    f"--no-messages rate against the baseline: {then['line'] / now['line_no_messages']:.2f}x "
                    "(target 2x)"
                )
            print(f"settlement decision against the baseline: {then['decision'] / now['decision']:.2f}x")
            print(f"decide cold start against the baseline:   {then['decide'] / now['decide']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
