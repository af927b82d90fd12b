"""``gongshang-rules batch``: a JSON Lines file of cases in, one result line per case out, in input order.

A bad line gets an error result on its own line and the run goes on (:func:`decide_line` never raises); ``--jobs N``
decides chunks of lines in N processes and writes their results in input order; a progress indicator goes to stderr
when it is a terminal, and a summary when some line was bad. From a pipe, each result is written and flushed as soon
as its line is decided (a co-process). Ctrl-C stops after whole result lines and says how far the run got; a write
that fails is a :class:`~gongshang_rules.oracle._console.WriteError` naming the output.

Exit codes: 0 every line decided; 2 some line rejected (bad input), or a file that cannot be read or written; 3 some
line hit an internal error (3 wins over 2); 130 interrupted.
"""

from __future__ import annotations

import collections
import itertools
import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import IO, TYPE_CHECKING, Any

from . import _console
from ._console import STDOUT, WriteError, calendar_of, err, numbered_lines
from .cli import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK
from .jsontext import dumps_result

if TYPE_CHECKING:
    from ..kernel.parameters import ParameterSchedule
    from ..kernel.workdays import WorkingDayCalendar

__all__ = ["decide_line", "run"]

_CHUNK = 256  # lines per task with --jobs
_CHUNK_ALONE = 32  # lines written at a time without --jobs: Ctrl-C stops within a few milliseconds


def decide_line(
    number: int,
    raw: bytes,
    parameters: ParameterSchedule | None = None,
    *,
    calendar: WorkingDayCalendar | None = None,
    messages: bool = True,
) -> tuple[str, bool]:
    """One JSONL line in, one result line out, and whether it is an error result (never raises, but for Ctrl-C).
    ``parameters`` replaces each case's own; ``calendar`` is the calendar the case is decided with (default: the
    bundled schedules; see ``--calendar``); without ``messages``, its reasons have no message texts (``--no-messages``)."""
    line, status = _decide_line(number, raw, parameters, calendar, messages)
    return line, status != _DECIDED


_DECIDED, _REJECTED, _INTERNAL = 0, 1, 2


def _decide_line(
    number: int,
    raw: bytes,
    parameters: ParameterSchedule | None = None,
    calendar: WorkingDayCalendar | None = None,
    messages: bool = True,
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
            calendar=calendar_of(None) if calendar is None else calendar,
            messages=messages,
        )[1]
        text = dumps_result(result)
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
    messages: bool = True,
) -> tuple[bytes, _Counts]:
    out: list[str] = []
    counts = [0, 0, 0]
    calendar = calendar_of(calendar_text)
    for number, raw in chunk:
        line, status = _decide_line(number, raw, parameters, calendar, messages)
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


def run(
    source: str,
    output: str | None,
    jobs: int,
    parameters: ParameterSchedule | None = None,
    calendar_text: str | None = None,
    messages: bool = True,
) -> int:
    """Decide every line; exit 3 if any internal error, else 2 if any line was rejected; 130 when interrupted."""
    try:
        stream = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115 - closed below
    except OSError as error:
        err(f"cannot read {source}: {error.strerror or error}")
        return EXIT_BAD_INPUT
    try:
        sink = _console.out() if output is None else open(output, "wb")  # noqa: SIM115 - closed below
    except OSError as error:
        err(f"cannot write {output}: {error.strerror or error}")
        stream.close()
        return EXIT_BAD_INPUT
    total = None
    if source != "-":
        try:
            total = os.fstat(stream.fileno()).st_size
        except OSError:  # pragma: no cover - a regular file always has a size
            total = None
    progress = _Progress(total)
    written = _BatchRun(_SafeSink(sink, output or STDOUT), progress)
    failure: WriteError | None = None
    try:
        with _Interrupt() as interrupt:
            if _is_regular_file(stream):
                _run_batch(
                    stream, written, min(jobs, _cores()), interrupt, parameters, calendar_text, messages
                )
            else:
                _run_stream(
                    stream, written, min(jobs, _cores()), interrupt, parameters, calendar_text, messages
                )
    except WriteError as error:
        failure = error
    finally:
        progress.close(written.counts())
        if source != "-":
            stream.close()
        try:
            if output is not None:
                sink.close()
            else:
                sink.flush()
        except OSError as error:
            failure = failure or WriteError(output or STDOUT, error)
    if failure is not None:
        raise failure
    _decided, rejected, internal = written.counts()
    if written.interrupted:
        err(
            f"batch: interrupted after {written.count:,} cases (input lines 1 to {written.last_line}); each of them "
            f"has its whole result line ({_tally(written.counts())}); the rest were not decided"
        )
        return EXIT_INTERRUPTED
    if (rejected or internal) and not progress.enabled:
        err(f"batch: {written.count:,} cases: {_tally(written.counts())}")
    if internal:
        return EXIT_INTERNAL
    return EXIT_BAD_INPUT if rejected else EXIT_OK


class _SafeSink:
    """The output stream; a failed write becomes a :class:`WriteError` naming the output."""

    def __init__(self, sink: IO[bytes], name: str) -> None:
        self.sink = sink
        self.name = name

    def write(self, data: bytes) -> None:
        try:
            self.sink.write(data)
        except OSError as error:
            raise WriteError(self.name, error) from None

    def flush(self) -> None:
        try:
            self.sink.flush()
        except OSError as error:
            raise WriteError(self.name, error) from None


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
    messages: bool = True,
) -> None:
    """Decide every chunk of lines and write its results in input order; stop after whole chunks on Ctrl-C.

    ``jobs`` processes (already capped at the cores), and never more than there are chunks to decide.
    """
    chunks = _chunks(numbered_lines(stream), _CHUNK if jobs > 1 else _CHUNK_ALONE)
    first: list[list[tuple[int, bytes]]] = []
    for chunk in chunks:
        first.append(chunk)
        if len(first) >= jobs:
            break
    jobs = min(jobs, len(first))
    everything = itertools.chain(first, chunks)
    if jobs <= 1:
        for chunk in everything:
            data, counts = _decide_chunk(chunk, parameters, calendar_text, messages)
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
            pending.append((pool.submit(_decide_chunk, chunk, parameters, calendar_text, messages), chunk))
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
    in chunks, as from a file). Numbering is that of :func:`~._console.numbered_lines`. A stream without a
    descriptor: one by one.
    """
    try:
        fd = stream.fileno()
    except (OSError, ValueError):  # an in-memory stream
        for item in numbered_lines(stream):
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
    messages: bool = True,
) -> None:
    """Batch from a pipe: each result written and flushed as soon as its line is decided, in input order.

    With ``--jobs N`` the lines that have arrived go to N processes in chunks, and a writer thread writes each
    chunk's results, in order, as soon as they are ready; at most ``4 * N`` chunks are in flight, so memory stays
    flat. Ctrl-C stops after whole result lines.
    """
    if jobs <= 1:
        calendar = calendar_of(calendar_text)
        for group in _available_lines(stream):
            for number, raw in group:
                line, status = _decide_line(number, raw, parameters, calendar, messages)
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
                    future = pool.submit(_decide_chunk, chunk, parameters, calendar_text, messages)
                    pending.put((future, chunk))
        finally:
            pending.put(None)
            writer.join()
    if interrupt.requested:
        run.interrupted = True
    if failures:
        raise failures[0]
