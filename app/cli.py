"""The `clientocracy` command line: open the app, create, import, export and check workshops."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import Sequence

from app import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
COMMANDS = ("new", "import", "export", "check")


class UsageError(Exception):
    """A mistake in how the command was called."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake in one line, with exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message} (see --help)")


def build_parser() -> argparse.ArgumentParser:
    """The parser of every subcommand."""
    parser = _Parser(prog="clientocracy", description="Clientocracy Studio: workshops from the command line.")
    parser.add_argument("--version", action="version", version=f"Clientocracy Studio {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    new = sub.add_parser("new", help="create a workshop file")
    new.add_argument("file", type=Path)
    new.add_argument("--sample", action="store_true", help="fill it with the bundled sample workshop")
    new.add_argument("--force", action="store_true", help="replace an existing file")
    imp = sub.add_parser("import", help="JSON interchange file -> workshop file")
    imp.add_argument("input", type=Path)
    imp.add_argument("output", type=Path)
    imp.add_argument("--force", action="store_true", help="replace an existing output file")
    exp = sub.add_parser("export", help="write JSON, handouts, slides or pictures")
    exp.add_argument("file", type=Path)
    exp.add_argument("--json", type=Path, metavar="OUT")
    exp.add_argument("--pdf", type=Path, metavar="OUT")
    exp.add_argument("--pptx", type=Path, metavar="OUT")
    exp.add_argument("--slides-pdf", type=Path, metavar="OUT")
    exp.add_argument("--png", type=Path, metavar="DIR")
    chk = sub.add_parser("check", help="file integrity and methodology checks")
    chk.add_argument("file", type=Path)
    chk.add_argument("--json", action="store_true", help="print the findings as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 done, 1 check found errors, 2 unusable input)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")) or argv[0] in ("--smoke",):
        return _run_gui(argv)
    from app.gate import FileRefused

    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            raise UsageError("clientocracy: no command given (see --help)")
        return _COMMANDS[args.command](args)
    except UsageError as e:
        return _fail(str(e))
    except FileRefused as e:
        return _fail(f"clientocracy: {e}")
    except OSError as e:
        return _fail(f"clientocracy: {e.filename or ''}: {e.strerror or e}")


def _fail(message: str) -> int:
    print(message.replace("\n", " "), file=sys.stderr)
    return EXIT_UNUSABLE


def _run_gui(argv: list[str]) -> int:
    """Open the desktop app (the GUI lives in `widgets`, which the core never imports by name)."""
    gui = importlib.import_module("widgets.gui")
    return gui.main(argv)


def _refuse_existing(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise UsageError(f"clientocracy: {path}: already exists (use --force to replace it)")


def cmd_new(args: argparse.Namespace) -> int:
    """`new FILE [--sample]`."""
    from app import model as m
    from app.workfile import read_workshop, write_workshop_file

    _refuse_existing(args.file, args.force)
    if args.sample:
        from app.resources import sample_path

        workshop = read_workshop(sample_path())
    else:
        workshop = m.Workshop(info=m.WorkshopInfo(title=args.file.stem))
    write_workshop_file(args.file, workshop)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """`import IN.json OUT.clientocracy`."""
    from app.workfile import read_workshop, write_workshop_file

    _refuse_existing(args.output, args.force)
    if args.input.suffix.lower() != ".json":
        raise UsageError(f"clientocracy: {args.input}: import takes a .json file in the interchange format")
    write_workshop_file(args.output, read_workshop(args.input))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """`export FILE [--json OUT] [--pdf OUT] [--pptx OUT] [--slides-pdf OUT] [--png DIR]`."""
    from app.workfile import read_workshop

    wanted = {k: getattr(args, k) for k in ("json", "pdf", "pptx", "slides_pdf", "png") if getattr(args, k)}
    if not wanted:
        raise UsageError("clientocracy export: say what to write (--json, --pdf, --pptx, --slides-pdf, --png)")
    workshop = read_workshop(args.file)
    for kind, out in wanted.items():
        _EXPORTERS[kind](workshop, out)
    return EXIT_OK


def _export_json(workshop, out: Path) -> None:
    from app.jsonio import write_json_file

    write_json_file(out, workshop)


def _export_with(name: str):
    def run(workshop, out: Path) -> None:
        try:
            exporters = importlib.import_module("exports")
            export = getattr(exporters, name)
        except (ImportError, AttributeError):
            what = name.replace("export_", "")
            raise UsageError(f"clientocracy export: {what} export is not available yet") from None
        export(workshop, out)

    return run


_EXPORTERS = {
    "json": _export_json,
    "pdf": _export_with("export_pdf"),
    "pptx": _export_with("export_pptx"),
    "slides_pdf": _export_with("export_slides_pdf"),
    "png": _export_with("export_pictures"),
}


def cmd_check(args: argparse.Namespace) -> int:
    """`check FILE [--json]`: exit 0 no errors, 1 errors found, 2 unreadable file."""
    from app.checks import finding_to_json, run_checks
    from app.workfile import read_workshop

    findings = run_checks(read_workshop(args.file))
    if args.json:
        print(json.dumps([finding_to_json(f) for f in findings], ensure_ascii=False, indent=2))
    else:
        for f in findings:
            print(f"{f.severity:8} {f.code:26} {f.message}")
        counts = {sev: sum(f.severity == sev for f in findings) for sev in ("error", "warning", "hint")}
        print(f"{args.file}: {counts['error']} errors, {counts['warning']} warnings, {counts['hint']} hints")
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK


_COMMANDS = {"new": cmd_new, "import": cmd_import, "export": cmd_export, "check": cmd_check}
