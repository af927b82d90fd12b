"""Coverage-guided fuzzing of ``batch``'s per-line path with atheris (an optional tool, Linux).

Every input is one JSONL line given to :func:`gongshang_rules.oracle.batch.decide_line`'s worker. It must give one JSON
result line that is a result or an error result, never an exception, never an internal error (a defect), and never
a run of 15 or more digits (an identity number shown whole). Seeds: the bundled corpus and the pinned regression
examples in ``tests/data/fuzz/`` (each a finding, or an issue's repro, kept as a file the suite replays).

    pip install atheris                                        # or: pip install -e '.[test]'
    python tools/fuzz_line.py -atheris_runs=20000              # a longer run; or -max_total_time=600
    python tools/fuzz_line.py -runs=1500 -seed=1               # what CI runs (tests/oracle/test_fuzz.py)

A crash is written by libFuzzer as ``crash-<sha1>`` in the current folder: reproduce it with
``python tools/fuzz_line.py crash-<sha1>``, fix it, and copy it into ``tests/data/fuzz/`` as a regression example.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["gongshang_rules"]):
    from gongshang_rules.oracle import batch, cases, cli
ROOT = Path(__file__).resolve().parent.parent
REGRESSIONS = ROOT / "tests" / "data" / "fuzz"
_LONG_DIGITS = re.compile(r"\d{15,}")


def check(data: bytes) -> None:
    """The invariants of one line (raises AssertionError on a finding)."""
    line, _status = batch._decide_line(1, data)
    if "\n" in line:
        raise AssertionError("a result spans more than one line")
    result = json.loads(line)
    if type(result) is not dict or ("outcome" in result) == ("error" in result):
        raise AssertionError(f"not a result: {line[:200]}")
    if cases.is_internal_error(result):
        raise AssertionError(f"internal error: {line[:300]}")
    if _LONG_DIGITS.search(line):
        raise AssertionError("a run of 15 or more digits in the output: a whole identity number")


def seeds() -> str:
    """A folder of seed inputs: the bundled corpus, one case per file, and the regression examples."""
    # In the current folder, beside libFuzzer's own files: the suite runs this in a temporary folder it removes.
    folder = Path(tempfile.mkdtemp(prefix="gongshang-fuzz-seeds-", dir="."))
    lines = [line for _n, text in cli._corpus_files() for line in text.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        (folder / f"corpus-{index}").write_bytes(line)
    for path in sorted(REGRESSIONS.glob("*")):
        (folder / f"regression-{path.name}").write_bytes(path.read_bytes())
    return str(folder)


def main() -> None:
    args = sys.argv[:]
    if not any(not a.startswith("-") for a in args[1:]):  # no corpus folder or file given: use the seeds
        args.append(seeds())
    atheris.Setup(args, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
