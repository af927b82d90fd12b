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
* ``conformance [DIR]``: run the bundled corpus (or the ``*.jsonl`` files of DIR) against the expected results
  (with ``--results THEIRS.jsonl``, another implementation's results, matched by id).
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

This module is the parser (each command's ``--help``), :func:`main`, the exit codes and the small commands
(``corpus``, ``schema``, ``reasons``, ``whatif``, ``serve``). The others are imported only when they run, so that
``decide`` loads neither the batch runner nor the reports: :mod:`.decide` (``demo``, ``decide``), :mod:`.batch`,
:mod:`.verify` (``verify``, ``conformance``). What they share (masked output, JSONL input, the ``--calendar``
calendar, the write error) is :mod:`._console`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..kernel import _data
from . import _console
from ._console import (
    STDOUT,
    WriteError,
    calendar_of,
    err,
    jsonl,
    numbered_lines,
    parsed,
    read_input,
    say,
    write_line,
)

if TYPE_CHECKING:
    from ..kernel.parameters import ParameterSchedule
    from .cases import Case

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_DIFFERENCES",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "main",
    "version_text",
]

#: The commands, in the order ``--help`` lists them.
COMMANDS = (
    "demo",
    "decide",
    "batch",
    "verify",
    "conformance",
    "corpus",
    "schema",
    "whatif",
    "reasons",
    "serve",
)

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


# --- corpus and schema ----------------------------------------------------------------------------------------------


def _corpus_files() -> list[tuple[str, bytes]]:
    """The bundled conformance corpus: (file name, bytes) of each ``corpus/*.jsonl``, by name."""
    return [(name, _data.data("corpus", name)) for name in _data.names("corpus") if name.endswith(".jsonl")]


def _corpus() -> int:
    sink = _console.out()
    for _name, text in _corpus_files():
        sink.write(text if text.endswith(b"\n") else text + b"\n")
    sink.flush()
    return EXIT_OK


def _schema(which: str) -> int:
    text = _data.data("schemas", f"{which}.schema.json")
    sink = _console.out()
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
        text = read_input(path)
    except OSError as error:
        err(f"cannot read {path}: {error.strerror or error}")
        raise _BadParameters from None
    try:
        schedule: ParameterSchedule = jsonio.structure(jsonio.loads(text), ParameterSchedule)
    except jsonio.CaseError as error:
        for problem in error.problems:
            err(f"{path}: {problem.path}: {problem.message}")
        raise _BadParameters from None
    return schedule


def _whatif(source: str, parameters: ParameterSchedule, as_json: bool) -> int:
    from . import cases, jsonio
    from .whatif import what_if

    bad: list[str] = []
    read: list[Case] = []
    rejected = 0
    found = jsonl(Path(source), bad) if source != "-" else parsed("-", numbered_lines(sys.stdin.buffer), bad)
    for _number, data in found:
        try:
            read.append(cases.case_from_json(data))
        except jsonio.CaseError:
            rejected += 1  # rejected whatever the parameters: it cannot change
    report = what_if(read, parameters=parameters)
    if as_json:
        write_line(jsonio.dumps(jsonio.output(report)))
    else:
        say(str(report))
    if rejected:
        err(f"whatif: {rejected} case(s) not compared: their facts are rejected whatever the parameters")
    for line in bad:
        err(line)
    return EXIT_BAD_INPUT if bad else EXIT_OK


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
        write_line(jsonio.dumps(reasons.catalogue()))
    else:
        say(reasons.catalogue_text())
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


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``command`` (one of :data:`COMMANDS`), only that command's parser is built
    under it (issue 13's cold start: a ``decide`` process builds one command's parser, not ten). A command's
    arguments are parsed the same either way: the commands are independent of each other, and the main parser's
    own usage and help are only shown for an argument list that names no command (then every command is built).
    """
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

    if command in (None, "demo"):
        sub("demo", "decide the bundled example (the first cross-province case) and explain it")
    if command in (None, "decide"):
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
    if command in (None, "batch"):
        batch = sub("batch", "decide a JSONL file of cases: one result per line, in input order")
        batch.add_argument("input", metavar="IN.jsonl", help="one case per line, or - to read stdin")
        batch.add_argument("-o", "--output", metavar="OUT.jsonl", help="write results here (default: stdout)")
        batch.add_argument("--jobs", type=_jobs, default=1, metavar="N", help="processes to use (default 1)")
        batch.add_argument(
            "--no-messages",
            dest="messages",
            action="store_false",
            help="leave each reason's message_zh and message_en out: codes, roles, articles, citations and figures "
            "only, for a conformance run (faster; every other key as without it)",
        )
        _add_parameters_option(batch)
        _add_calendar_option(batch)
    if command in (None, "verify"):
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
    if command in (None, "conformance"):
        conformance = sub(
            "conformance", "run the bundled corpus, or a directory of cases with expected results"
        )
        conformance.add_argument(
            "directory", nargs="?", metavar="DIR", help="a directory of *.jsonl case files"
        )
        conformance.add_argument("-v", "--verbose", action="store_true", help="name every passing case too")
        conformance.add_argument(
            "--results",
            metavar="THEIRS.jsonl",
            help="judge another implementation's results (matched by id, else by case name) instead of ours",
        )
        _add_parameters_option(conformance)
        conformance.add_argument(
            "--strict", action="store_true", help="fail on differing notes too, not only decisive codes"
        )
        _add_calendar_option(conformance)
    if command in (None, "corpus"):
        sub("corpus", "print the bundled conformance corpus (JSONL, one case per line)")
    if command in (None, "schema"):
        schema = sub("schema", "print the JSON Schema of a case or of a result")
        schema.add_argument("which", choices=("case", "result"))
    if command in (None, "whatif"):
        whatif = sub(
            "whatif", "decide cases under their own parameters and under others, and report what changes"
        )
        whatif.add_argument("cases", metavar="CASES.jsonl", help="one case per line, or - to read stdin")
        _add_parameters_option(whatif, required=True)
        whatif.add_argument("--json", action="store_true", help="print the report as one JSON object")
    if command in (None, "reasons"):
        reasons = sub(
            "reasons", "print the reason catalogue: every code, its role, articles, decisions and when given"
        )
        reasons.add_argument("--json", action="store_true", help="print a JSON list of objects instead")
    if command in (None, "serve"):
        _add_serve_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``gongshang-rules`` console script; returns the exit code.

    A usage error raises ``SystemExit(2)`` (argparse's own exit, with the usage on stderr).
    """
    given = sys.argv[1:] if argv is None else argv
    args = _parser(given[0] if given and given[0] in COMMANDS else None).parse_args(given)
    try:
        code = _run(args)
        sys.stdout.flush()  # a write error shows here, not as a traceback when the interpreter exits
        return code
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        _drop_stdout()
        return EXIT_OK
    except WriteError as error:
        if error.name == STDOUT:
            _drop_stdout()
            if isinstance(error.error, BrokenPipeError):  # the reader went away (``| head``): stop quietly
                return EXIT_OK
        err(f"cannot write {error.name}: {error.error.strerror or error.error}")
        return EXIT_BAD_INPUT
    except OSError as error:  # writing stdout failed (reads are reported where they happen)
        _drop_stdout()
        err(f"cannot write standard output: {error.strerror or error}")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        err("interrupted")
        return EXIT_INTERRUPTED
    # A defect of the library: said as such; its text could echo input, so it is not shown.
    except Exception as error:
        err(f"internal error ({type(error).__name__}); please report it with the command that caused it")
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
    # Each command's module is imported when it runs: ``decide`` loads neither the batch runner nor the reports.
    if args.command == "demo":
        from .decide import demo

        return demo()
    if args.command == "decide":
        from .decide import decide

        return decide(args.case, args.json, parameters, args.quote, args.calendar)
    if args.command == "batch":
        from . import batch

        return batch.run(args.input, args.output, args.jobs, parameters, args.calendar, args.messages)
    if args.command == "verify":
        from .verify import verify

        return verify(args.theirs, args.cases, args.strict, args.format, args.calendar)
    if args.command == "conformance":
        from .verify import conformance

        return conformance(args.directory, args.verbose, parameters, args.strict, args.calendar, args.results)
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


# --- issue 11: --version, per-command help, --calendar, serve -------------------------------------------------------


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
        say(version_text())
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
    "verify": "Compare another implementation's results (JSON Lines, matched by id, else by case name) with ours, "
    "case by case, on the outcome, the set of decisive reason codes and the figures; differing notes are listed, "
    "and fail only with --strict.",
    "conformance": "Run the bundled conformance corpus, or every *.jsonl file of DIR, against each case's expected "
    "result (the outcome, the decisive codes, present or absent, and the figures it lists; notes too with "
    "--strict): our library's results, or with --results another implementation's, matched by id.",
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
        "1  a case failed, a case has no result in --results, or a result is for none of the cases",
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
        calendar_of(text)
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
        err(f"serve needs the optional extra: pip install 'gongshang-rules[serve]' ({error})")
        return EXIT_BAD_INPUT
    return server.run(host=host, port=port, calendar=calendar_of(calendar_text))
