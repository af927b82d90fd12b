"""The ``gongshang-rules`` command line (also ``python -m gongshang_rules``).

Commands:

* ``demo``: decide the bundled example (the first cross-province case) and explain it.
* ``decide CASE.json|-``: decide one case and explain it for a person; ``--json`` prints the result object.
* ``batch IN.jsonl|-``: one result per line, streaming; a bad line gets an error result on its own line and the run
  goes on; ``--jobs N`` uses N processes, output in input order; a progress indicator on stderr when it is a terminal.
  When the input is a pipe, each result is written and flushed as soon as its line is decided (a co-process).
* ``verify THEIRS.jsonl --cases CASES.jsonl``: compare another implementation's results with ours, case by case,
  on the outcome, the set of decisive reason codes and the figures (notes too with ``--strict``);
  ``--format text|json|junit``.
* ``serve [--host 127.0.0.1] [--port N]``: the oracle as an HTTP JSON service (the optional ``serve`` extra).
* ``conformance [DIR]``: run the bundled corpus (or the ``*.jsonl`` files of DIR) against the expected results.
* ``reasons``: the reason catalogue (``--json`` for a list of objects).
* ``corpus``: print the bundled corpus (JSONL); ``schema case|result``: print a JSON Schema.
* ``whatif CASES.jsonl --parameters ALT.json``: decide every case under its own parameters and under ALT.json's,
  and report what changes (outcome transitions, money moved, codes gained and lost, the changed cases).

``decide``, ``batch`` and ``conformance`` take ``--parameters FILE`` (a parameter schedule, the JSON form
``gongshang_rules.unstructure(schedule)`` writes): every case of the run is decided under it, in place of its own.
``decide``, ``batch``, ``verify``, ``conformance`` and ``serve`` take ``--calendar FILE``: State Council schedules
(CSV) for years the bundle does not know. ``--version`` prints the version and the calendar years it knows, with
their sources.

Exit codes: 0 fine; 1 differences or failed cases; 2 bad input, usage, or an output that cannot be written;
3 an internal error (a defect of the library; ``batch`` still writes a result for every line); 130 interrupted
(Ctrl-C: ``batch`` stops after whole lines and says how far it got).
"""

from __future__ import annotations

import argparse
import collections
import functools
import importlib.resources
import itertools
import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..kernel._privacy import redact

if TYPE_CHECKING:
    from ..kernel.parameters import ParameterSchedule
    from ..kernel.workdays import WorkingDayCalendar
    from .cases import Case, Difference, Envelope

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_DIFFERENCES",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "main",
    "version_text",
]

EXIT_OK = 0
EXIT_DIFFERENCES = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C

_EPILOG = """\
exit codes:
  0  fine: decided, no differences, every case passed
  1  differences (verify), failed cases (conformance), or a result that differs from the case's expected (decide)
  2  bad input or usage: unreadable file, invalid JSON, a case the library rejects (batch: any such line);
     or the output cannot be written (a full disk, /dev/full, an I/O error)
  3  an internal error: the library itself failed (a defect to report). batch writes an error result marked
     "internal" for that line, counts it in its summary, and goes on with the other lines
130  interrupted (Ctrl-C): batch stops after whole result lines and says how many it wrote

The case and result formats are documented in docs/oracle.md; `gongshang-rules schema case` prints the schema.
"""

_CHUNK = 256  # lines per task with --jobs
_CHUNK_ALONE = 32  # lines written at a time without --jobs: Ctrl-C stops within a few milliseconds


# --- demo (kept exactly as it was) -------------------------------------------------------------------------------


def _demo() -> int:
    from ..rules.eligibility import decide_eligibility
    from ..rules.funds import fund_flow
    from ..rules.records import SettlementRecord
    from ..rules.scope import classify_scope
    from ..rules.settlement import decide_settlement
    from .examples import first_cross_province_case

    case = first_cross_province_case()
    facts = case.eligibility
    _say(case.title)
    _say(f"Source: {case.source}")
    _say("Assumed where the report is silent:")
    for line in case.assumptions:
        _say(f"  * {line}")
    _say()
    _say(classify_scope(facts.insured, facts.treatment))
    _say()
    _say(decide_eligibility(facts))
    _say()
    settled = decide_settlement(case.episode, registry=case.registry)
    _say(settled)
    _say()
    episode = case.episode
    assert settled.fund_share is not None and episode.settled_on is not None  # the news case settles directly
    record = SettlementRecord(
        settlement_id="NEWS-2025-09",
        identity_number=episode.worker.identity_number,
        institution_code=episode.institution_code,
        insured=episode.worker.insured,
        treatment=case.registry.get(episode.institution_code).place,
        started_on=episode.started_on,
        ended_on=episode.settled_on,
        bill=settled.bill,
        fund_share=settled.fund_share,
    )
    _say(fund_flow(record))
    return EXIT_OK


# --- helpers ------------------------------------------------------------------------------------------------------


def _say(*parts: object, **options: Any) -> None:
    """``print``, with any identity-number-shaped text masked: nothing this command writes shows one whole."""
    print(*(redact(str(part)) for part in parts), **options)


def _err(message: str) -> None:
    _say(f"gongshang-rules: {message}", file=sys.stderr)


def _read_text(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    return Path(source).read_bytes()


def _out() -> IO[bytes]:
    return sys.stdout.buffer


def _write_line(stream: IO[bytes], text: str) -> None:
    stream.write(text.encode("utf-8") + b"\n")


def _lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(line number, text) of each non-blank line."""
    for number, raw in enumerate(stream, start=1):
        if raw.strip():
            yield number, raw


def decide_line(
    number: int,
    raw: bytes,
    parameters: ParameterSchedule | None = None,
    *,
    calendar: WorkingDayCalendar | None = None,
) -> tuple[str, bool]:
    """One JSONL line in, one result line out, and whether it is an error result (never raises, but for Ctrl-C).
    ``parameters`` replaces each case's own; ``calendar`` is the calendar the case is decided with (default: the
    bundled schedules; see ``--calendar``)."""
    line, status = _decide_line(number, raw, parameters, calendar)
    return line, status != _DECIDED


_DECIDED, _REJECTED, _INTERNAL = 0, 1, 2


def _decide_line(
    number: int,
    raw: bytes,
    parameters: ParameterSchedule | None = None,
    calendar: WorkingDayCalendar | None = None,
) -> tuple[str, int]:
    """One line's result and its status: decided, rejected (bad input) or an internal error (a defect)."""
    from . import cases, jsonio

    try:
        try:
            data = jsonio.loads(raw)
        except jsonio.CaseError as error:
            return jsonio.dumps(cases.error_result(error, line=number)), _REJECTED
        result = cases.decide_data(
            data,
            line=number,
            parameters=parameters,
            calendar=_calendar_of(None) if calendar is None else calendar,
        )[1]
        text = jsonio.dumps(result)
    except Exception as error:  # whatever it is, this line gets a result and the run goes on
        return jsonio.dumps(cases.internal_error_result(error, line=number)), _INTERNAL
    if "error" not in result:
        return text, _DECIDED
    return text, _INTERNAL if cases.is_internal_error(result) else _REJECTED


_Counts = tuple[int, int, int]  # decided, rejected, internal errors


def _decide_chunk(
    chunk: list[tuple[int, bytes]],
    parameters: ParameterSchedule | None = None,
    calendar_text: str | None = None,
) -> tuple[bytes, _Counts]:
    out: list[str] = []
    counts = [0, 0, 0]
    calendar = _calendar_of(calendar_text)
    for number, raw in chunk:
        line, status = _decide_line(number, raw, parameters, calendar)
        counts[status] += 1
        out.append(line)
    return ("\n".join(out) + "\n").encode("utf-8"), (counts[0], counts[1], counts[2])


class _Progress:
    """A one-line progress indicator on stderr, shown only when stderr is a terminal."""

    def __init__(self, total_bytes: int | None) -> None:
        self.enabled = sys.stderr.isatty()
        self.total = total_bytes
        self.start = time.monotonic()
        self.shown = 0.0
        self.count = 0

    def update(self, count: int, done_bytes: int) -> None:
        self.count = count
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.shown < 0.2:
            return
        self.shown = now
        rate = count / max(now - self.start, 1e-9)
        share = f" {100 * done_bytes / self.total:5.1f}%" if self.total else ""
        sys.stderr.write(f"\rbatch: {count:,} cases, {rate:,.0f}/s{share}   ")
        sys.stderr.flush()

    def close(self, counts: _Counts | None = None) -> None:
        if self.enabled:
            elapsed = time.monotonic() - self.start
            tally = f" ({_tally(counts)})" if counts is not None else ""
            sys.stderr.write(f"\rbatch: {self.count:,} cases in {elapsed:.1f} s{tally}{' ' * 20}\n")
            sys.stderr.flush()


def _tally(counts: _Counts) -> str:
    decided, rejected, internal = counts
    return f"{decided:,} decided, {rejected:,} rejected, {internal:,} internal errors"


_STDOUT = "standard output"


class _WriteError(Exception):
    """Writing the output failed (a full disk, /dev/full, an I/O error): reported with the output's name."""

    def __init__(self, name: str, error: OSError) -> None:
        super().__init__(name)
        self.name = name
        self.error = error


class _Interrupt:
    """Ctrl-C during a batch: the first press asks the run to stop after whole lines; a second one stops at once."""

    def __init__(self) -> None:
        self.requested = False
        self.previous: Any = None
        self.installed = threading.current_thread() is threading.main_thread()

    def __enter__(self) -> _Interrupt:
        if self.installed:
            self.previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, _signum: int, _frame: Any) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __exit__(self, *_exc: object) -> None:
        if self.installed:
            signal.signal(signal.SIGINT, self.previous)


def _ignore_interrupts() -> None:  # pragma: no cover - runs in the worker processes
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop


def _cores() -> int:
    """The processors this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


# --- decide ---------------------------------------------------------------------------------------------------------


def _decide(
    source: str,
    as_json: bool,
    parameters: ParameterSchedule | None = None,
    quote: bool = False,
    calendar_text: str | None = None,
) -> int:
    from . import cases, jsonio

    try:
        return _decide_source(source, as_json, parameters, quote, calendar_text)
    except OSError:  # writing the result failed: main reports it (reading is reported where it happens)
        raise
    # A defect of the library: said as such, never with a traceback that could echo the case.
    except Exception as error:
        if as_json:
            _write_line(_out(), jsonio.dumps(cases.internal_error_result(error)))
        _err(f"internal error ({type(error).__name__}): the library failed on this case; please report it")
        return EXIT_INTERNAL


def _decide_source(
    source: str,
    as_json: bool,
    parameters: ParameterSchedule | None = None,
    quote: bool = False,
    calendar_text: str | None = None,
) -> int:
    from . import cases, jsonio

    try:
        text = _read_text(source)
    except OSError as error:
        _err(f"cannot read {source}: {error.strerror or error}")
        return EXIT_BAD_INPUT
    try:
        data = jsonio.loads(text)
    except jsonio.CaseError as error:
        return _rejected(cases.error_result(error), None, as_json)
    try:
        case = cases.case_from_json(data, calendar=_calendar_of(calendar_text))
        ruling = cases.decide(case, parameters=parameters)
    except jsonio.CaseError as error:
        about = cases.envelope(data)
        return _rejected(cases.error_result(error, name=about.name, decision=about.decision), about, as_json)
    result = cases.result_of(case, ruling)
    differences = _against_expected(case, result)
    failed = cases.failing(differences)
    if as_json:
        _write_line(_out(), jsonio.dumps(result))
    else:
        _say(cases.explain(case, ruling, quote=quote))
        if case.expected is not None:
            _say()
            if failed:
                _say(f"Expected: {len(failed)} difference(s) from the case's expected result:")
            else:
                _say("Expected: the result agrees with the case's expected result.")
            for difference in differences:
                shown = "" if difference.fails else " (a note: listed, not failed)"
                _say(f"  {difference.what}: {difference.detail}{shown}")
    return EXIT_DIFFERENCES if failed else EXIT_OK


def _rejected(result: dict[str, Any], about: Envelope | None, as_json: bool) -> int:
    """Print the error result of a case that cannot be decided; exit 2, or the comparison with an expected error."""
    from . import cases, jsonio

    if as_json:
        _write_line(_out(), jsonio.dumps(result))
    else:
        if about is not None and about.name is not None:
            _say(f"Case: {about.name}")
        _say("Cannot be decided: the input is not valid.")
        for problem in result["error"]["problems"]:
            _say(f"  {problem['path']}: {problem['message']}")
    if about is None or about.expected is None or about.name is None:
        return EXIT_BAD_INPUT
    reference = about.expected.as_result(about.name, about.decision or "?")
    differences = cases.compare(reference, result, articles=about.articles, error_paths=True)
    if not as_json:
        _say()
        if differences:
            for difference in differences:
                _say(f"Expected: {difference.what}: {difference.detail}")
        else:
            _say("Expected: rejected, as the case's expected result says.")
    return EXIT_DIFFERENCES if differences else EXIT_OK


def _against_expected(case: Case, result: dict[str, Any]) -> list[Difference]:
    from . import cases

    expected = cases.expected_result(case)
    if expected is None:
        return []
    return cases.compare(expected, result, articles=case.articles, error_paths=True)


# --- batch ----------------------------------------------------------------------------------------------------------


def _batch(
    source: str,
    output: str | None,
    jobs: int,
    parameters: ParameterSchedule | None = None,
    calendar_text: str | None = None,
) -> int:
    """Decide every line; exit 3 if any internal error, else 2 if any line was rejected; 130 when interrupted."""
    try:
        stream = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115 - closed below
    except OSError as error:
        _err(f"cannot read {source}: {error.strerror or error}")
        return EXIT_BAD_INPUT
    try:
        sink = _out() if output is None else open(output, "wb")  # noqa: SIM115 - closed below
    except OSError as error:
        _err(f"cannot write {output}: {error.strerror or error}")
        stream.close()
        return EXIT_BAD_INPUT
    total = None
    if source != "-":
        try:
            total = os.fstat(stream.fileno()).st_size
        except OSError:  # pragma: no cover - a regular file always has a size
            total = None
    progress = _Progress(total)
    run = _BatchRun(_SafeSink(sink, output or _STDOUT), progress)
    failure: _WriteError | None = None
    try:
        with _Interrupt() as interrupt:
            if _is_regular_file(stream):
                _run_batch(stream, run, min(jobs, _cores()), interrupt, parameters, calendar_text)
            else:
                _run_stream(stream, run, min(jobs, _cores()), interrupt, parameters, calendar_text)
    except _WriteError as error:
        failure = error
    finally:
        progress.close(run.counts())
        if source != "-":
            stream.close()
        try:
            if output is not None:
                sink.close()
            else:
                sink.flush()
        except OSError as error:
            failure = failure or _WriteError(output or _STDOUT, error)
    if failure is not None:
        raise failure
    _decided, rejected, internal = run.counts()
    if run.interrupted:
        _err(
            f"batch: interrupted after {run.count:,} cases (input lines 1 to {run.last_line}); each of them has "
            f"its whole result line ({_tally(run.counts())}); the rest were not decided"
        )
        return EXIT_INTERRUPTED
    if (rejected or internal) and not progress.enabled:
        _err(f"batch: {run.count:,} cases: {_tally(run.counts())}")
    if internal:
        return EXIT_INTERNAL
    return EXIT_BAD_INPUT if rejected else EXIT_OK


class _SafeSink:
    """The output stream; a failed write becomes a :class:`_WriteError` naming the output."""

    def __init__(self, sink: IO[bytes], name: str) -> None:
        self.sink = sink
        self.name = name

    def write(self, data: bytes) -> None:
        try:
            self.sink.write(data)
        except OSError as error:
            raise _WriteError(self.name, error) from None

    def flush(self) -> None:
        try:
            self.sink.flush()
        except OSError as error:
            raise _WriteError(self.name, error) from None


class _BatchRun:
    """What a batch has written so far: whole result lines only, counted by status."""

    def __init__(self, sink: _SafeSink, progress: _Progress) -> None:
        self.sink = sink
        self.progress = progress
        self.count = self.done = self.last_line = 0
        self.tally = [0, 0, 0]
        self.interrupted = False

    def write(self, data: bytes, chunk: list[tuple[int, bytes]], counts: _Counts) -> None:
        self.sink.write(data)
        for index, value in enumerate(counts):
            self.tally[index] += value
        self.count += len(chunk)
        self.done += sum(len(raw) for _n, raw in chunk)
        self.last_line = chunk[-1][0]
        self.progress.update(self.count, self.done)

    def counts(self) -> _Counts:
        return self.tally[0], self.tally[1], self.tally[2]


def _chunks(lines: Iterable[tuple[int, bytes]], size: int) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    for item in lines:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_batch(
    stream: IO[bytes],
    run: _BatchRun,
    jobs: int,
    interrupt: _Interrupt,
    parameters: ParameterSchedule | None = None,
    calendar_text: str | None = None,
) -> None:
    """Decide every chunk of lines and write its results in input order; stop after whole chunks on Ctrl-C.

    ``jobs`` processes (already capped at the cores), and never more than there are chunks to decide.
    """
    chunks = _chunks(_lines(stream), _CHUNK if jobs > 1 else _CHUNK_ALONE)
    first: list[list[tuple[int, bytes]]] = []
    for chunk in chunks:
        first.append(chunk)
        if len(first) >= jobs:
            break
    jobs = min(jobs, len(first))
    everything = itertools.chain(first, chunks)
    if jobs <= 1:
        for chunk in everything:
            data, counts = _decide_chunk(chunk, parameters, calendar_text)
            run.write(data, chunk, counts)
            if interrupt.requested:
                run.interrupted = True
                return
        return
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    Pending = tuple[Future[tuple[bytes, _Counts]], list[tuple[int, bytes]]]
    pending: collections.deque[Pending] = collections.deque()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_ignore_interrupts) as pool:

        def drain(limit: int) -> None:
            while len(pending) > limit and not interrupt.requested:
                future, chunk = pending.popleft()
                data, counts = future.result()
                run.write(data, chunk, counts)

        for chunk in everything:
            pending.append((pool.submit(_decide_chunk, chunk, parameters, calendar_text), chunk))
            drain(4 * jobs)  # a bounded number of chunks in flight: memory stays flat
            if interrupt.requested:
                break
        drain(0)
        if interrupt.requested:
            run.interrupted = True
            for future, _chunk in pending:
                future.cancel()
            # The chunks already being decided finish: write them, in order, while they are whole.
            while pending:
                future, chunk = pending.popleft()
                if future.cancelled():
                    break
                data, counts = future.result()
                run.write(data, chunk, counts)


# --- reading JSONL files of cases and results --------------------------------------------------------------------


def _jsonl(path: Path, problems: list[str]) -> Iterator[tuple[int, Any]]:
    """(line number, parsed JSON) of each non-blank line; unreadable lines go to ``problems``."""
    from . import jsonio

    try:
        stream = path.open("rb")
    except OSError as error:
        problems.append(f"{path}: cannot read: {error.strerror or error}")
        return
    with stream:
        for number, raw in _lines(stream):
            try:
                yield number, jsonio.loads(raw)
            except jsonio.CaseError as error:
                problems.append(f"{path}:{number}: {error.problems[0]}")


# --- verify ---------------------------------------------------------------------------------------------------------


def _verify(
    theirs_path: str,
    cases_path: str,
    strict: bool = False,
    fmt: str = "text",
    calendar_text: str | None = None,
) -> int:
    from . import cases

    report = _VerifyReport(fmt)
    calendar = _calendar_of(calendar_text)
    bad: list[str] = []
    theirs: dict[str, Any] = {}
    for number, data in _jsonl(Path(theirs_path), bad):
        name = data.get("case") if type(data) is dict else None
        if type(name) is not str:
            bad.append(f'{theirs_path}:{number}: a result must be a JSON object with a "case" name')
        elif name in theirs:
            bad.append(f"{theirs_path}:{number}: a second result for the case {name!r}")
        else:
            theirs[name] = data
    total = agree = differ = missing = 0
    seen: set[str] = set()
    for number, data in _jsonl(Path(cases_path), bad):
        about = cases.envelope(data)
        if about.name is None:
            bad.append(f'{cases_path}:{number}: a case needs a "case" name')
            continue
        if about.name in seen:
            bad.append(f"{cases_path}:{number}: a second case named {about.name!r}")
            continue
        seen.add(about.name)
        total += 1
        ours = cases.decide_data(data, calendar=calendar)[1]
        candidate = theirs.get(about.name)
        if candidate is None:
            missing += 1
            report.missing(
                about, f"MISSING {about.name}: no result in {theirs_path} [{', '.join(about.articles)}]"
            )
            continue
        differences = cases.compare(ours, candidate, articles=about.articles, strict=strict)
        failing = bool(cases.failing(differences))
        if failing:
            differ += 1
        else:
            agree += 1
        report.compared(about, differences, failing)
    unknown = sorted(set(theirs) - seen)
    for name in unknown:
        report.unknown(name, f"UNKNOWN {name}: a result for a case not in {cases_path}")
    for line in bad:
        _err(line)
    summary = (
        f"verify: {total} cases: {agree} agree, {differ} differ, {missing} missing from theirs; "
        f"{len(unknown)} results for unknown cases; {len(bad)} unreadable lines"
    )
    report.finish(summary, bad)
    if bad:
        return EXIT_BAD_INPUT
    return EXIT_DIFFERENCES if differ or missing or unknown else EXIT_OK


# --- conformance ----------------------------------------------------------------------------------------------------


def _corpus_files() -> list[tuple[str, bytes]]:
    folder = importlib.resources.files("gongshang_rules").joinpath("corpus")
    return sorted(
        (entry.name, entry.read_bytes()) for entry in folder.iterdir() if entry.name.endswith(".jsonl")
    )


def _conformance(
    directory: str | None,
    verbose: bool,
    parameters: ParameterSchedule | None = None,
    strict: bool = False,
    calendar_text: str | None = None,
) -> int:
    from . import cases

    calendar = _calendar_of(calendar_text)
    bad: list[str] = []
    sources: list[tuple[str, Iterable[tuple[int, Any]]]] = []
    if directory is None:
        for name, text in _corpus_files():
            sources.append((f"corpus/{name}", _parse_lines(name, text, bad)))
    else:
        root = Path(directory)
        files = sorted(root.glob("*.jsonl")) if root.is_dir() else [root]
        if not root.exists() or not files:
            _err(f"no case files (*.jsonl) in {directory}")
            return EXIT_BAD_INPUT
        sources = [(str(path), _jsonl(path, bad)) for path in files]
    total = passed = failed = 0
    names: set[str] = set()
    for label, lines in sources:
        for number, data in lines:
            about = cases.envelope(data)
            if about.name is None or about.expected is None:
                bad.append(f'{label}:{number}: a conformance case needs a "case" name and a valid "expected"')
                continue
            if about.name in names:
                bad.append(f"{label}:{number}: a second case named {about.name!r}")
                continue
            names.add(about.name)
            total += 1
            result = cases.decide_data(data, parameters=parameters, calendar=calendar)[1]
            reference = about.expected.as_result(about.name, about.decision or "?")
            differences = cases.compare(
                reference, result, articles=about.articles, error_paths=True, strict=strict
            )
            if cases.failing(differences):
                failed += 1
                _say(f"FAIL {about.name}")
            else:
                passed += 1
                if verbose or differences:
                    _say(f"pass {about.name}")
            for difference in differences:
                shown = "" if difference.fails else " (a note: listed, not failed; --strict fails it)"
                _say(f"  {difference.what}: {difference.detail}{shown} [{', '.join(difference.articles)}]")
    for line in bad:
        _err(line)
    _say(f"conformance: {total} cases: {passed} pass, {failed} fail; {len(bad)} unreadable")
    if bad:
        return EXIT_BAD_INPUT
    return EXIT_DIFFERENCES if failed else EXIT_OK


def _parse_lines(name: str, text: bytes, bad: list[str]) -> Iterator[tuple[int, Any]]:
    from . import jsonio

    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            yield number, jsonio.loads(raw)
        except jsonio.CaseError as error:
            bad.append(f"corpus/{name}:{number}: {error.problems[0]}")


# --- corpus and schema ----------------------------------------------------------------------------------------------


def _corpus() -> int:
    sink = _out()
    for _name, text in _corpus_files():
        sink.write(text if text.endswith(b"\n") else text + b"\n")
    sink.flush()
    return EXIT_OK


def _schema(which: str) -> int:
    text = (
        importlib.resources.files("gongshang_rules").joinpath("schemas", f"{which}.schema.json").read_bytes()
    )
    sink = _out()
    sink.write(text)
    sink.flush()
    return EXIT_OK


# --- parameters and what-if (issue 10) ------------------------------------------------------------------------------


class _BadParameters(Exception):
    """A --parameters file that cannot be read; already reported on stderr."""


def _load_parameters(path: str | None) -> ParameterSchedule | None:
    """The schedule in ``path`` (None when no --parameters was given); every problem reported with its JSON path."""
    if path is None:
        return None
    from ..kernel.parameters import ParameterSchedule
    from . import jsonio

    try:
        text = _read_text(path)
    except OSError as error:
        _err(f"cannot read {path}: {error.strerror or error}")
        raise _BadParameters from None
    try:
        schedule: ParameterSchedule = jsonio.structure(jsonio.loads(text), ParameterSchedule)
    except jsonio.CaseError as error:
        for problem in error.problems:
            _err(f"{path}: {problem.path}: {problem.message}")
        raise _BadParameters from None
    return schedule


def _whatif(source: str, parameters: ParameterSchedule, as_json: bool) -> int:
    from . import cases, jsonio
    from .whatif import what_if

    bad: list[str] = []
    read: list[Case] = []
    rejected = 0
    for _number, data in _jsonl(Path(source), bad) if source != "-" else _parse_stdin(bad):
        try:
            read.append(cases.case_from_json(data))
        except jsonio.CaseError:
            rejected += 1  # rejected whatever the parameters: it cannot change
    report = what_if(read, parameters=parameters)
    if as_json:
        _write_line(_out(), jsonio.dumps(jsonio.output(report)))
    else:
        _say(str(report))
    if rejected:
        _err(f"whatif: {rejected} case(s) not compared: their facts are rejected whatever the parameters")
    for line in bad:
        _err(line)
    return EXIT_BAD_INPUT if bad else EXIT_OK


def _parse_stdin(bad: list[str]) -> Iterator[tuple[int, Any]]:
    from . import jsonio

    for number, raw in _lines(sys.stdin.buffer):
        try:
            yield number, jsonio.loads(raw)
        except jsonio.CaseError as error:
            bad.append(f"-:{number}: {error.problems[0]}")


def _add_parameters_option(command: argparse.ArgumentParser, *, required: bool = False) -> None:
    command.add_argument(
        "--parameters",
        metavar="FILE",
        required=required,
        help="a parameter schedule (JSON, as gongshang_rules.unstructure(schedule) writes): decide every case "
        "under it, in place of the case's own",
    )


# --- reasons ------------------------------------------------------------------------------------------------------


def _reasons(as_json: bool) -> int:
    from . import jsonio, reasons

    if as_json:
        _write_line(_out(), jsonio.dumps(reasons.catalogue()))
    else:
        _say(reasons.catalogue_text())
    return EXIT_OK


# --- the parser -----------------------------------------------------------------------------------------------------


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gongshang-rules",
        description="Hunan's work-injury out-of-area direct-settlement procedure (湘人社规〔2025〕24号): "
        "the reference implementation, as a test oracle.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="print the version and the calendar years it knows, and exit"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def sub(name: str, help_text: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=help_text,
            description=_description(name, help_text),
            epilog=_command_epilog(name),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    sub("demo", "decide the bundled example (the first cross-province case) and explain it")

    decide = sub("decide", "decide one case (a JSON file, or - for stdin) and explain it")
    decide.add_argument("case", metavar="CASE.json", help="the case file, or - to read stdin")
    decide.add_argument(
        "--json", action="store_true", help="print the result object instead of an explanation"
    )
    decide.add_argument(
        "--quote", action="store_true", help="show the text of each cited paragraph under its reason"
    )
    _add_parameters_option(decide)
    _add_calendar_option(decide)

    batch = sub("batch", "decide a JSONL file of cases: one result per line, in input order")
    batch.add_argument("input", metavar="IN.jsonl", help="one case per line, or - to read stdin")
    batch.add_argument("-o", "--output", metavar="OUT.jsonl", help="write results here (default: stdout)")
    batch.add_argument("--jobs", type=_jobs, default=1, metavar="N", help="processes to use (default 1)")
    _add_parameters_option(batch)
    _add_calendar_option(batch)

    verify = sub("verify", "compare another implementation's results with ours, case by case")
    verify.add_argument("theirs", metavar="THEIRS.jsonl", help="their results, one JSON object per line")
    verify.add_argument("--cases", required=True, metavar="CASES.jsonl", help="the cases they decided")
    verify.add_argument(
        "--strict", action="store_true", help="fail on differing notes too, not only decisive codes"
    )
    verify.add_argument(
        "--format",
        choices=("text", "json", "junit"),
        default="text",
        help="text (DIFF/NOTE/MISSING/UNKNOWN lines and a summary, the default), json (one report object) or "
        "junit (JUnit XML, a test case per case, for CI systems)",
    )
    _add_calendar_option(verify)

    conformance = sub("conformance", "run the bundled corpus, or a directory of cases with expected results")
    conformance.add_argument("directory", nargs="?", metavar="DIR", help="a directory of *.jsonl case files")
    conformance.add_argument("-v", "--verbose", action="store_true", help="name every passing case too")
    _add_parameters_option(conformance)
    conformance.add_argument(
        "--strict", action="store_true", help="fail on differing notes too, not only decisive codes"
    )
    _add_calendar_option(conformance)

    sub("corpus", "print the bundled conformance corpus (JSONL, one case per line)")
    schema = sub("schema", "print the JSON Schema of a case or of a result")
    schema.add_argument("which", choices=("case", "result"))

    whatif = sub(
        "whatif", "decide cases under their own parameters and under others, and report what changes"
    )
    whatif.add_argument("cases", metavar="CASES.jsonl", help="one case per line, or - to read stdin")
    _add_parameters_option(whatif, required=True)
    whatif.add_argument("--json", action="store_true", help="print the report as one JSON object")
    reasons = sub(
        "reasons", "print the reason catalogue: every code, its role, articles, decisions and when given"
    )
    reasons.add_argument("--json", action="store_true", help="print a JSON list of objects instead")
    _add_serve_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``gongshang-rules`` console script; returns the exit code.

    A usage error raises ``SystemExit(2)`` (argparse's own exit, with the usage on stderr).
    """
    args = _parser().parse_args(argv)
    try:
        code = _run(args)
        sys.stdout.flush()  # a write error shows here, not as a traceback when the interpreter exits
        return code
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        _drop_stdout()
        return EXIT_OK
    except _WriteError as error:
        if error.name == _STDOUT:
            _drop_stdout()
            if isinstance(error.error, BrokenPipeError):  # the reader went away (``| head``): stop quietly
                return EXIT_OK
        _err(f"cannot write {error.name}: {error.error.strerror or error.error}")
        return EXIT_BAD_INPUT
    except OSError as error:  # writing stdout failed (reads are reported where they happen)
        _drop_stdout()
        _err(f"cannot write standard output: {error.strerror or error}")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED
    # A defect of the library: said as such; its text could echo input, so it is not shown.
    except Exception as error:
        _err(f"internal error ({type(error).__name__}); please report it with the command that caused it")
        return EXIT_INTERNAL


def _drop_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor (captured)
        pass


def _run(args: argparse.Namespace) -> int:
    try:
        parameters = _load_parameters(getattr(args, "parameters", None))
    except _BadParameters:
        return EXIT_BAD_INPUT
    if args.command == "demo":
        return _demo()
    if args.command == "decide":
        return _decide(args.case, args.json, parameters, args.quote, args.calendar)
    if args.command == "batch":
        return _batch(args.input, args.output, args.jobs, parameters, args.calendar)
    if args.command == "verify":
        return _verify(args.theirs, args.cases, args.strict, args.format, args.calendar)
    if args.command == "conformance":
        return _conformance(args.directory, args.verbose, parameters, args.strict, args.calendar)
    if args.command == "serve":
        return _serve(args.host, args.port, args.calendar)
    if args.command == "whatif":
        assert parameters is not None  # required by the parser
        return _whatif(args.cases, parameters, args.json)
    if args.command == "corpus":
        return _corpus()
    if args.command == "reasons":
        return _reasons(args.json)
    return _schema(args.which)


# --- issue 11: the calendar, streaming, verify's formats, --version, per-command help, serve --------------------


def version_text() -> str:
    """What ``gongshang-rules --version`` prints: the version, and the calendar years it knows with their sources.

    The calendar is part of the oracle's version: a release fixes every working-day answer.
    """
    from importlib.metadata import PackageNotFoundError, version

    from ..kernel.workdays import BUNDLED_SCHEDULES

    try:
        number = version("gongshang-rules")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree without installing
        number = "unknown (not installed)"
    lines = [
        f"gongshang-rules {number}",
        "calendar: the State Council holiday schedules bundled with this release:",
        *(f"  {year}: {schedule.source}" for year, schedule in BUNDLED_SCHEDULES.items()),
        "  other years: unknown (an error, never a guess); supply one with --calendar FILE or a case's "
        '"calendar"',
    ]
    return "\n".join(lines)


class _VersionAction(argparse.Action):
    """``--version``: :func:`version_text`, computed only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        _say(version_text())
        parser.exit(EXIT_OK)


_DESCRIPTIONS = {
    "demo": "Decide the bundled example (the first cross-province case, the news report of 2025-09-17): its scope, "
    "eligibility, settlement and fund flow, explained for a person.",
    "decide": "Decide one case (a JSON object, from a file or - for stdin) and explain it for a person; with --json, "
    "print the result object instead (the same line batch writes). A case with an expected result is compared "
    "with it.",
    "batch": "Decide a JSON Lines file of cases: one result per non-blank line, in input order, to stdout or -o. A "
    "bad line gets an error result on its own line and the run goes on; a summary goes to stderr when some "
    "line was bad. From a pipe, each result is written and flushed as soon as its line is decided, so a "
    "harness can write one case and read one result.",
    "verify": "Compare another implementation's results (JSON Lines, matched by case name) with ours, case by "
    "case, on the outcome, the set of decisive reason codes and the figures; differing notes are listed, and fail "
    "only with --strict.",
    "conformance": "Run the bundled conformance corpus, or every *.jsonl file of DIR, against each case's expected "
    "result (the outcome, the decisive codes and the figures; notes too with --strict).",
    "corpus": "Print the bundled conformance corpus (JSON Lines, one case per line).",
    "schema": "Print the JSON Schema of a case or of a result.",
    "serve": "Serve the oracle over HTTP (JSON): POST /decide, POST /batch, GET /reasons, /schema/case, "
    "/schema/result, /health and /openapi.json. Needs the optional extra: pip install 'gongshang-rules[serve]'. "
    "Binds to loopback unless --host says otherwise; stops on Ctrl-C.",
}

_EXIT_CODES = {
    "demo": ["0  the example was decided and explained"],
    "decide": [
        "0  decided (and, with an expected result, it agrees)",
        "1  the result differs from the case's expected result",
        "2  bad input or usage: unreadable file, invalid JSON, a case the library rejects; or the output cannot be "
        "written",
        "3  an internal error: the library itself failed (a defect to report)",
    ],
    "batch": [
        "0  every line was decided",
        "2  some line was bad input (its error result is on its line; a summary on stderr), an unreadable or "
        "unwritable file, or usage",
        '3  some line hit an internal error (its result is marked "internal"; the other lines were decided)',
        "130  interrupted (Ctrl-C): whole result lines only, and how far it got on stderr",
    ],
    "verify": [
        "0  every case agrees",
        "1  a difference, a case missing from theirs, or a result for an unknown case",
        "2  an unreadable file or line, or usage",
    ],
    "conformance": [
        "0  every case passed",
        "1  a case failed",
        "2  an unreadable file or line, a case without a name or expected result, or usage",
    ],
    "corpus": ["0  printed"],
    "reasons": ["0  printed"],
    "whatif": [
        "0  every case was compared",
        "2  a case file or line that cannot be read, a bad --parameters file, or usage",
    ],
    "schema": ["0  printed", "2  usage (not case or result)"],
    "serve": [
        "0  stopped (Ctrl-C)",
        "2  the serve extra is not installed, the address cannot be bound, or usage",
    ],
}


def _description(name: str, help_text: str) -> str:
    import textwrap

    return textwrap.fill(_DESCRIPTIONS.get(name, help_text), width=100)


def _command_epilog(name: str) -> str:
    """The epilog of one command's ``--help``: only its own exit codes."""
    import textwrap

    codes = _EXIT_CODES.get(name, ["0  fine", "2  bad input or usage"])
    lines = ["exit codes:"]
    for code in codes:
        lines += textwrap.wrap(code, width=100, initial_indent="  ", subsequent_indent="     ")
    if name not in {"demo", "corpus", "schema", "reasons"}:
        lines += ["", "The case and result formats are documented in docs/oracle.md."]
    return "\n".join(lines) + "\n"


def _calendar_file(path: str) -> str:
    """``--calendar FILE``: the CSV text, checked now so that a bad file is a usage error naming the problem."""
    from ..kernel.errors import GongshangError

    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise argparse.ArgumentTypeError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise argparse.ArgumentTypeError(f"{path} is not UTF-8 text") from None
    try:
        _calendar_of(text)
    except GongshangError as error:
        raise argparse.ArgumentTypeError(f"{path}: {error}") from None
    return text


def _add_calendar_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--calendar",
        type=_calendar_file,
        metavar="FILE",
        help="State Council schedules (CSV: date,kind,source; kind off or makeup_workday) added to the bundled "
        "ones, for a year they do not know; a year in FILE replaces the bundled one",
    )


@functools.lru_cache(maxsize=8)
def _calendar_of(text: str | None) -> WorkingDayCalendar:
    """The calendar cases are decided with: the bundled schedules, with those of ``--calendar``'s text added."""
    from ..kernel.workdays import DEFAULT_CALENDAR, schedules_from_csv

    calendar = DEFAULT_CALENDAR
    if text is not None:
        for schedule in schedules_from_csv(text):
            calendar = calendar.with_schedule(schedule)
    return calendar


def _is_regular_file(stream: IO[bytes]) -> bool:
    """Whether ``stream`` reads a regular file (read in chunks); anything else (a pipe, a terminal) streams."""
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError):  # an in-memory stream has no file descriptor
        return False


def _available_lines(stream: IO[bytes]) -> Iterator[list[tuple[int, bytes]]]:
    """(line number, text) of each non-blank line, in groups: the complete lines that had arrived at each read.

    From a file descriptor each read returns what the writer has written so far, so a harness writing one case at a
    time gets groups of one (answered at once), and a fast writer (``cat cases.jsonl |``) gets large groups (decided
    in chunks, as from a file). Numbering is that of :func:`_lines`. A stream without a descriptor: one by one.
    """
    try:
        fd = stream.fileno()
    except (OSError, ValueError):  # an in-memory stream
        for item in _lines(stream):
            yield [item]
        return
    number, rest = 0, b""
    while True:
        data = os.read(fd, 1 << 16)
        if not data:
            break
        *complete, rest = (rest + data).split(b"\n")
        group = []
        for text in complete:
            number += 1
            if text.strip():
                group.append((number, text + b"\n"))
        if group:
            yield group
    if rest.strip():
        yield [(number + 1, rest)]


def _run_stream(
    stream: IO[bytes],
    run: _BatchRun,
    jobs: int,
    interrupt: _Interrupt,
    parameters: ParameterSchedule | None = None,
    calendar_text: str | None = None,
) -> None:
    """Batch from a pipe: each result written and flushed as soon as its line is decided, in input order.

    With ``--jobs N`` the lines that have arrived go to N processes in chunks, and a writer thread writes each
    chunk's results, in order, as soon as they are ready; at most ``4 * N`` chunks are in flight, so memory stays
    flat. Ctrl-C stops after whole result lines.
    """
    if jobs <= 1:
        calendar = _calendar_of(calendar_text)
        for group in _available_lines(stream):
            for number, raw in group:
                line, status = _decide_line(number, raw, parameters, calendar)
                counts = [0, 0, 0]
                counts[status] = 1
                run.write((line + "\n").encode("utf-8"), [(number, raw)], (counts[0], counts[1], counts[2]))
                run.sink.flush()
                if interrupt.requested:
                    run.interrupted = True
                    return
        return
    import multiprocessing
    import queue

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    Pending = tuple[Future[tuple[bytes, _Counts]], list[tuple[int, bytes]]]
    pending: queue.Queue[Pending | None] = queue.Queue(maxsize=4 * jobs)
    failures: list[BaseException] = []

    def write_in_order() -> None:
        while (item := pending.get()) is not None:
            if failures:
                continue  # the sink failed: let the reader stop, and drain what it had queued
            future, chunk = item
            try:
                data, counts = future.result()
                run.write(data, chunk, counts)
                run.sink.flush()
            except BaseException as error:
                failures.append(error)

    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_ignore_interrupts) as pool:
        writer = threading.Thread(target=write_in_order, name="batch-writer", daemon=True)
        writer.start()
        try:
            for group in _available_lines(stream):
                if failures or interrupt.requested:
                    break
                for chunk in _chunks(group, max(1, min(_CHUNK, len(group) // jobs))):
                    future = pool.submit(_decide_chunk, chunk, parameters, calendar_text)
                    pending.put((future, chunk))
        finally:
            pending.put(None)
            writer.join()
    if interrupt.requested:
        run.interrupted = True
    if failures:
        raise failures[0]


class _VerifyReport:
    """What ``verify`` found, written as text (as it goes), or at the end as one JSON object or JUnit XML."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.cases: list[dict[str, Any]] = []
        self.unknowns: list[str] = []

    def compared(self, about: Envelope, differences: Sequence[Difference], failing: bool) -> None:
        """A compared case: ``failing`` when a difference fails (a decisive one, or a note under ``--strict``)."""
        if self.fmt == "text":
            for difference in differences:
                _say(f"{'DIFF' if difference.fails else 'NOTE'} {difference}")
            return
        self.cases.append(
            {
                "case": about.name,
                "decision": about.decision,
                "articles": list(about.articles),
                "status": "differ" if failing else "agree",
                "differences": [
                    {"what": d.what, "detail": d.detail, "articles": list(d.articles), "fails": d.fails}
                    for d in differences
                ],
            }
        )

    def missing(self, about: Envelope, line: str) -> None:
        if self.fmt == "text":
            _say(line)
            return
        self.cases.append(
            {
                "case": about.name,
                "decision": about.decision,
                "articles": list(about.articles),
                "status": "missing",
                "differences": [
                    {"what": "missing", "detail": line, "articles": list(about.articles), "fails": True}
                ],
            }
        )

    def unknown(self, name: str, line: str) -> None:
        if self.fmt == "text":
            _say(line)
        else:
            self.unknowns.append(name)

    def finish(self, summary: str, unreadable: Sequence[str]) -> None:
        if self.fmt == "text":
            _say(summary)
        elif self.fmt == "json":
            self._json(summary, unreadable)
        else:
            self._junit(summary, unreadable)

    def _counts(self) -> dict[str, int]:
        statuses = collections.Counter(c["status"] for c in self.cases)
        return {
            "cases": len(self.cases),
            "agree": statuses["agree"],
            "differ": statuses["differ"],
            "missing": statuses["missing"],
            "unknown": len(self.unknowns),
        }

    def _json(self, summary: str, unreadable: Sequence[str]) -> None:
        import json

        report = {
            "summary": {**self._counts(), "unreadable": len(unreadable), "text": summary},
            "cases": self.cases,
            "unknown": self.unknowns,
            "unreadable": list(unreadable),
        }
        _say(json.dumps(report, ensure_ascii=False, sort_keys=True))

    def _junit(self, summary: str, unreadable: Sequence[str]) -> None:
        import xml.etree.ElementTree as ET

        counts = self._counts()
        failures = counts["differ"] + counts["missing"] + counts["unknown"]
        attributes = {
            "name": "gongshang-rules verify",
            "tests": str(counts["cases"] + counts["unknown"] + (1 if unreadable else 0)),
            "failures": str(failures),
            "errors": "1" if unreadable else "0",
            "skipped": "0",
            "time": "0",
        }
        root = ET.Element("testsuites", attributes)
        suite = ET.SubElement(root, "testsuite", attributes)
        for case in self.cases:
            element = ET.SubElement(
                suite,
                "testcase",
                {
                    "classname": f"verify.{case['decision'] or 'unknown'}",
                    "name": str(case["case"]),
                    "time": "0",
                },
            )
            if case["status"] != "agree":
                lines = [
                    ("" if d["fails"] else "(a note) ")
                    + f"{d['what']}: {d['detail']}"
                    + (f" [{', '.join(d['articles'])}]" if d["articles"] else "")
                    for d in sorted(case["differences"], key=lambda d: not d["fails"])
                ]
                failure = ET.SubElement(
                    element,
                    "failure",
                    {"type": case["status"], "message": lines[0] if lines else case["status"]},
                )
                failure.text = "\n".join(lines)
        for name in self.unknowns:
            element = ET.SubElement(
                suite, "testcase", {"classname": "verify.unknown", "name": name, "time": "0"}
            )
            ET.SubElement(
                element,
                "failure",
                {"type": "unknown", "message": "a result for a case not in the cases file"},
            )
        if unreadable:
            element = ET.SubElement(
                suite, "testcase", {"classname": "verify.input", "name": "unreadable lines", "time": "0"}
            )
            error = ET.SubElement(element, "error", {"type": "unreadable", "message": unreadable[0]})
            error.text = "\n".join(unreadable)
        ET.SubElement(suite, "system-out").text = summary
        ET.indent(root)
        _say('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode"))


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be 0 to 65535, got {value}")
    return value


def _add_serve_command(sub: Any) -> None:
    serve = sub("serve", "serve the oracle over HTTP (JSON), on loopback unless told otherwise")
    serve.add_argument(
        "--host", default="127.0.0.1", help="the address to bind (default 127.0.0.1, loopback only)"
    )
    serve.add_argument(
        "--port", type=_port, default=8000, metavar="N", help="the port (default 8000; 0: any free)"
    )
    _add_calendar_option(serve)


def _serve(host: str, port: int, calendar_text: str | None) -> int:
    try:
        from . import server
    except ImportError as error:
        _err(f"serve needs the optional extra: pip install 'gongshang-rules[serve]' ({error})")
        return EXIT_BAD_INPUT
    return server.run(host=host, port=port, calendar=_calendar_of(calendar_text))
