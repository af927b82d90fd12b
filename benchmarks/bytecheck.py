"""The batch output stays byte-identical: across ``--jobs``, across the two result writers, and against today's.

    .venv/bin/python benchmarks/bytecheck.py CASES.jsonl              # the corpus, and CASES.jsonl (bench.py makes one)
    .venv/bin/python benchmarks/bytecheck.py CASES.jsonl --update     # record a legitimately changed output

For the bundled corpus and for a file of generated cases, ``batch`` is run three ways: one process, ``--jobs 2``, and
one process with orjson hidden (``sys.modules["orjson"] = None`` before the package loads, so
:func:`gongshang_rules.oracle.jsontext.dumps_result` falls back to the standard library's writer). The sha256 of
each output (streamed, so 100,000 results of 4 KB need no memory) must be equal, and equal to the digest committed
in ``benchmarks/digests.json`` for that input (the corpus, and the generated file by its number of lines). A result
that changes on purpose (a new reason, a corrected figure) is recorded with ``--update`` and committed with it.
``bench.py --check-bytes`` (what ``make bench`` runs) runs this check on its generated file.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

DIGESTS = Path(__file__).resolve().parent / "digests.json"
HIDE_ORJSON = (
    "import sys; sys.modules['orjson'] = None; from gongshang_rules.oracle import jsontext; "
    "assert jsontext._orjson is None; from gongshang_rules.oracle.cli import main; sys.exit(main())"
)
WAYS = {
    "1 process": ["-m", "gongshang_rules", "batch"],
    "--jobs 2": ["-m", "gongshang_rules", "batch", "--jobs", "2"],
    "standard library writer": ["-c", HIDE_ORJSON, "batch"],
}


def _two_cores() -> None:
    """Let ``--jobs 2`` have two cores even when the caller (``bench.py``) is pinned to one (batch caps jobs at them)."""
    os.sched_setaffinity(0, sorted(os.sched_getaffinity(0) | set(range(os.cpu_count() or 1)))[:2])


def digest(way: list[str], source: Path) -> tuple[str, int, int]:
    """(sha256 of batch's output, its number of lines, batch's exit code) for one way of running it."""
    process = subprocess.Popen(
        [sys.executable, *way, str(source)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert process.stdout is not None
    sha, lines = hashlib.sha256(), 0
    while chunk := process.stdout.read(1 << 20):
        sha.update(chunk)
        lines += chunk.count(b"\n")
    return sha.hexdigest(), lines, process.wait()


def corpus_file(folder: Path) -> Path:
    """The bundled corpus as one JSONL file (what ``gongshang-rules corpus`` prints)."""
    path = folder / "corpus.jsonl"
    path.write_bytes(subprocess.run([sys.executable, "-m", "gongshang_rules", "corpus"], capture_output=True,
                                    check=True).stdout)  # fmt: skip
    return path


def check(generated: Path | None, update: bool = False) -> bool:
    """Run the check on the corpus and ``generated``; print each digest; True when every output agrees."""
    recorded: dict[str, str] = json.loads(DIGESTS.read_text()) if DIGESTS.exists() else {}
    fine = True
    try:
        import orjson  # noqa: F401
    except ImportError:
        print("  orjson is not installed: the first way already uses the standard library's writer")
    with tempfile.TemporaryDirectory() as folder:
        inputs = {"corpus": corpus_file(Path(folder))}
        if generated is not None:
            inputs[f"generated-{sum(1 for _ in generated.open('rb'))}"] = generated
        for name, source in inputs.items():
            results = {label: digest(way, source) for label, way in WAYS.items()}
            for label, (sha, lines, code) in results.items():
                print(f"  {name}, {label}: sha256 {sha[:16]}…, {lines:,} lines, exit {code}", flush=True)
            same = len(set(results.values())) == 1
            sha = results["1 process"][0]
            if update and same:
                recorded[name] = sha
            elif name not in recorded:
                print(f"  {name}: no committed digest (benchmarks/digests.json; --update records it)")
            elif recorded[name] != sha:
                print(f"  {name}: DIFFERS from the committed digest {recorded[name][:16]}…")
                fine = False
            print(f"  {name}: {'identical' if same else 'NOT IDENTICAL'} across the ways"
                  + (", and to the committed digest" if recorded.get(name) == sha else ""))  # fmt: skip
            fine = fine and same
    if update:
        DIGESTS.write_text(json.dumps(recorded, indent=2, sort_keys=True) + "\n")
    return fine


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("generated", nargs="?", type=Path, help="a JSONL file of generated cases (optional)")
    parser.add_argument("--update", action="store_true", help="record the digests in benchmarks/digests.json")
    args = parser.parse_args(argv)
    return 0 if check(args.generated, args.update) else 1


if __name__ == "__main__":
    sys.exit(main())
