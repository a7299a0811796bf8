"""The `clientocracy` command line: open the app, create, import, export and check workshops."""

from __future__ import annotations

import argparse
import errno
import json
import re
import sys
from pathlib import Path
from typing import NoReturn, Sequence

from app import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
WRITER_WAIT = 30.0  # seconds import-promises waits for another writer of the same file before refusing
COMMANDS = ("new", "import", "export", "check", "import-promises", "import-readings", "merge", "serve")


class UsageError(Exception):
    """A mistake in how the command was called."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake in one line, with exit status 2."""

    def error(self, message: str) -> NoReturn:
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
    exp.add_argument("--page", choices=("A4", "A3"), default="A4", help="the handout's paper size (default A4)")
    exp.add_argument("--landscape", action="store_true", help="the handout in landscape")
    exp.add_argument("--pptx", type=Path, metavar="OUT")
    exp.add_argument("--slides-pdf", type=Path, metavar="OUT")
    exp.add_argument("--png", type=Path, metavar="DIR")
    exp.add_argument("--promises", type=Path, metavar="OUT", help="the promise table as .xlsx or .csv")
    exp.add_argument("--tree", action="store_true",
                     help="with --promises OUT.xlsx: the practitioners' tree layout (value, root promise, supporting "
                          "promises; a second sheet «Общие обещания»)")
    exp.add_argument("--logo", type=Path, metavar="FILE", help="a PNG, JPEG or SVG logo for handouts, slides and decks")
    exp.add_argument("--accent", metavar="#RRGGBB", help="the accent colour of handouts, slides and decks")
    exp.add_argument("--team", metavar="TEAM", help="with --pdf: the read-only «for the team» handout of one team "
                                                    "(its promises, figures and economics), by id or name")
    exp.add_argument("--full", action="store_true",
                     help="add the full registers (every promise and team) to the handout, slides and deck of a "
                          "large workshop as an appendix (by default they are summarised)")
    imp_p = sub.add_parser("import-promises", help="add the promises of a .xlsx or .csv table to a workshop")
    imp_p.add_argument("file", type=Path)
    imp_p.add_argument("table", type=Path)
    imp_p.add_argument("--skip-bad-rows", action="store_true",
                       help="import the rows that can be taken and report the others (default: import nothing)")
    imp_r = sub.add_parser("import-readings", help="add the figures (period, promise or team, value, met) of a "
                                                   ".xlsx or .csv table to a workshop")
    imp_r.add_argument("file", type=Path)
    imp_r.add_argument("table", type=Path)
    imp_r.add_argument("--skip-bad-rows", action="store_true",
                       help="import the rows that can be taken and report the others (default: import nothing)")
    chk = sub.add_parser("check", help="file integrity and methodology checks")
    chk.add_argument("file", type=Path)
    chk.add_argument("--json", action="store_true", help="print the findings as JSON")
    mrg = sub.add_parser("merge", help="merge two copies of one workshop against the copy both started from")
    mrg.add_argument("mine", type=Path, metavar="MINE")
    mrg.add_argument("theirs", type=Path, metavar="THEIRS")
    mrg.add_argument("--base", type=Path, metavar="BASE",
                     help="the copy both started from (found from the files' lineage when left out)")
    mrg.add_argument("-o", "--output", type=Path, metavar="OUT", required=True,
                     help="the merged workshop (.clientocracy or .json)")
    mrg.add_argument("--prefer", choices=("mine", "theirs"), default="mine",
                     help="the side each conflict is resolved to (default mine)")
    mrg.add_argument("--json", action="store_true", help="print the conflicts as JSON")
    from cli.serve import add_parser as add_serve_parser

    add_serve_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 done, 1 check found errors, 2 unusable input)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")) or argv[0] in ("--smoke",):
        return _run_gui(argv)
    from app.gate import FileRefused

    args = None
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            raise UsageError("clientocracy: no command given (see --help)")
        return _COMMANDS[args.command](args)
    except UsageError as e:
        return _fail(str(e))
    except FileRefused as e:
        return _fail(f"clientocracy: {e}")
    except Exception as e:  # noqa: BLE001  # only the failures _unusable knows; the others go on as they are
        message = _unusable(e, args)
        if message is None:
            raise
        return _fail(message)


def _user_file(args: argparse.Namespace | None) -> Path | None:
    """The user's file a command reads or writes (the one a message about it names)."""
    if args is None:
        return None
    return getattr(args, "output", None) if args.command in ("import", "merge") else getattr(args, "file", None)


def _disk_full(error: BaseException) -> bool:
    """True for a write that failed because the disk (of the user's file or of the data folder) is full."""
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    import sqlite3

    return isinstance(error, sqlite3.OperationalError) and "disk is full" in str(error)


def _unusable(error: Exception, args: argparse.Namespace | None) -> str | None:
    """The one line for a failure the user can act on (a full disk, a file too large, an unreadable document),
    naming the user's file; None for anything else (a bug, which keeps its traceback)."""
    import sqlite3

    from app.document import EditRefused
    from app.jsonio import FormatError

    file = _user_file(args)
    if _disk_full(error):
        from app.workfile import data_dir

        reading = args is not None and args.command in ("check", "export")
        what = "cannot be read" if reading else "cannot be written"
        return (f"clientocracy: {file}: {what}: the disk is full (no space left on the disk of the file or of the "
                f"app's data folder {data_dir()}); nothing was written")
    if isinstance(error, FormatError):
        return f"clientocracy: {error}"
    if isinstance(error, EditRefused):
        return f"clientocracy: {file}: {error}; nothing was written"
    if isinstance(error, OSError):
        name = error.filename or file
        return f"clientocracy: {name}: {error.strerror or error}"
    if isinstance(error, sqlite3.OperationalError) and str(error) in ("disk I/O error", "unable to open database file"):
        return f"clientocracy: {file}: {error} (on the disk of the file or of the app's data folder)"
    return None


def _fail(message: str) -> int:
    print(message.replace("\n", " "), file=sys.stderr)
    return EXIT_UNUSABLE


def _run_gui(argv: list[str]) -> int:
    """Open the desktop app (imported only now: the other commands need no Qt)."""
    from widgets.shell import gui

    return gui.main(argv)


def _refuse_existing(path: Path, force: bool) -> None:
    """Refuse an existing output without --force, and any output that must never be replaced (a device, a
    folder, a read-only file), before anything is read or written."""
    from app.fsutil import write_target

    write_target(path)
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
    from app.fsutil import same_file
    from app.workfile import read_workshop, write_workshop_file

    if args.input.suffix.lower() != ".json":
        raise UsageError(f"clientocracy: {args.input}: import takes a .json file in the interchange format")
    if same_file(args.input, args.output):
        raise UsageError(f"clientocracy import: {args.output}: is the file being imported; nothing written "
                         "(choose another name for the workshop)")
    _refuse_existing(args.output, args.force)
    write_workshop_file(args.output, read_workshop(args.input))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """`export FILE [--json OUT] [--pdf OUT [--page A3] [--landscape]] [--pptx OUT] [--slides-pdf OUT] [--png DIR]
    [--promises OUT] [--logo F] [--accent C] [--full]`."""
    from app.workfile import read_workshop

    kinds = ("json", "pdf", "pptx", "slides_pdf", "png", "promises")
    wanted = {k: getattr(args, k) for k in kinds if getattr(args, k)}
    if not wanted:
        raise UsageError("clientocracy export: say what to write "
                         "(--json, --pdf, --pptx, --slides-pdf, --png, --promises)")
    if args.team is not None and set(wanted) != {"pdf"}:
        raise UsageError("clientocracy export: --team writes one team's handout: give it with --pdf only")
    if "promises" in wanted and wanted["promises"].suffix.lower() not in (".xlsx", ".csv"):
        raise UsageError(f"clientocracy export: {wanted['promises']}: --promises writes a .xlsx or .csv table")
    if args.tree and ("promises" not in wanted or wanted["promises"].suffix.lower() != ".xlsx"):
        raise UsageError("clientocracy export: --tree writes the tree of promises with --promises OUT.xlsx")
    branding = _branding(args)
    _refuse_unsafe_outputs(args, wanted)
    workshop = read_workshop(args.file)
    if args.team is not None:
        _export_team(workshop, args.team, wanted["pdf"], branding=branding, page=args.page)
        return EXIT_OK
    for kind, out in wanted.items():
        options = {"branding": branding, "full": args.full} if kind in _BRANDED else {}
        if kind == "pdf":
            options.update(page=args.page, landscape=args.landscape)
        if kind == "promises":
            options["tree"] = args.tree
        _EXPORTERS[kind](workshop, out, **options)
    return EXIT_OK


def _flag(kind: str) -> str:
    return "--" + kind.replace("_", "-")


def _refuse_unsafe_outputs(args: argparse.Namespace, wanted: dict[str, Path]) -> None:
    """Before anything is read or written: no output may be the workshop, the logo or another output, and none
    may be a device, a folder or a read-only file (symlinks and hard links count as the file they reach)."""
    from app.fsutil import same_file, write_target

    inputs = [("the workshop being exported", args.file)] + ([("the logo", args.logo)] if args.logo else [])
    taken: list[tuple[str, Path]] = []
    for kind, out in wanted.items():
        for what, source in inputs:
            if same_file(out, source):
                raise UsageError(f"clientocracy export: {out}: {_flag(kind)} would overwrite {what}; "
                                 "nothing written (choose another name)")
        if kind == "png":  # a folder: its pictures are named after the canvases and diagrams
            if out.exists() and not out.is_dir():
                raise UsageError(f"clientocracy export: {out}: --png writes pictures into a folder, and this is "
                                 "not one; nothing written")
            if out.is_dir():
                write_target(out / "structure.png")  # a read-only folder is refused before any export is made
            continue
        for other_kind, other in taken:
            if same_file(out, other):
                raise UsageError(f"clientocracy export: {out}: given to both {_flag(other_kind)} and "
                                 f"{_flag(kind)}; nothing written (give each its own file)")
        write_target(out)
        taken.append((kind, out))


def _branding(args: argparse.Namespace) -> dict | None:
    """The --logo and --accent of `export`, checked (UsageError for a missing logo or a malformed colour)."""
    if args.logo is None and args.accent is None:
        return None
    if args.logo is not None:
        if args.logo.suffix.lower() not in (".png", ".jpg", ".jpeg", ".svg"):
            raise UsageError(f"clientocracy export: {args.logo}: the logo must be a .png, .jpg or .svg file")
        if not args.logo.is_file():
            from app.inputs import NOT_REGULAR

            reason = NOT_REGULAR if args.logo.exists() else "no such logo file"
            raise UsageError(f"clientocracy export: {args.logo}: {reason}")
        from exports.logo import LogoError, check_logo

        try:
            check_logo(args.logo)  # a logo no export could draw is refused before anything is read or written
        except LogoError as e:
            raise UsageError(f"clientocracy export: {e}") from None
    if args.accent is not None and re.fullmatch(r"#[0-9A-Fa-f]{6}", args.accent) is None:
        raise UsageError(f"clientocracy export: --accent {args.accent!r}: give a colour as #RRGGBB")
    return {"logo": str(args.logo) if args.logo else None, "accent": args.accent}


def _export_json(workshop, out: Path) -> None:
    from app.jsonio import write_json_file

    write_json_file(out, workshop)


def _export_with(name: str):
    def run(workshop, out: Path, **options) -> None:
        import exports as exporters  # reportlab and python-pptx load only when exporting

        export = getattr(exporters, name)
        try:
            export(workshop, out, **{k: v for k, v in options.items() if v is not None})
        except exporters.ExportError as e:
            raise UsageError(f"clientocracy export: {e}") from None

    return run


def _export_team(workshop, team: str, out: Path, **options) -> None:
    """The «for the team» handout of the team with id or name `team` (UsageError when there is none)."""
    from app.promise_sheet import normalize

    found = [t for t in workshop.teams if t.id == team] or [
        t for t in workshop.teams if normalize(t.name) == normalize(team)]
    if len(found) != 1:
        known = ", ".join(f"{t.id} ({t.name})" for t in workshop.teams[:20])
        reason = "several teams are" if found else "no team is"
        raise UsageError(f"clientocracy export: --team {team!r}: {reason} called so (teams: {known or 'none'})")
    _export_with("export_team_pdf")(workshop, out, team=found[0].id, **options)


def _export_promises(workshop, out: Path, tree: bool = False) -> None:
    from app.promise_sheet import write_sheet

    if tree:
        from app.promise_tree_sheet import write_tree_xlsx

        write_tree_xlsx(workshop, out)
    else:
        write_sheet(workshop, out)


_EXPORTERS = {
    "json": _export_json,
    "promises": _export_promises,
    "pdf": _export_with("export_pdf"),
    "pptx": _export_with("export_pptx"),
    "slides_pdf": _export_with("export_slides_pdf"),
    "png": _export_with("export_pictures"),
}
_BRANDED = ("pdf", "pptx", "slides_pdf")  # the exports that take --logo and --accent


def cmd_check(args: argparse.Namespace) -> int:
    """`check FILE [--json]`: exit 0 no errors, 1 errors found, 2 unreadable file."""
    from app.checks import finding_to_json, run_checks
    from app.workfile import read_workshop
    from exports.findings import RU_TEMPLATES

    workshop = read_workshop(args.file)
    # The findings in the workshop's language, in the words the handout prints them (exports.findings).
    findings = run_checks(workshop, RU_TEMPLATES if workshop.info.language == "ru" else None)
    if args.json:
        print(json.dumps([finding_to_json(f) for f in findings], ensure_ascii=False, indent=2))
    else:
        from exports.i18n import Words

        counts = {sev: sum(f.severity == sev for f in findings) for sev in ("error", "warning", "hint")}
        if workshop.info.language == "ru":
            words = Words("ru")
            lines = [f"{words[f.severity]:14} {f.code:28} {f.message}" for f in findings]
            totals = ", ".join(f"{words[sev + 's'].lower()}: {counts[sev]}" for sev in counts)
            lines.append(f"{args.file}: {totals}")
        else:
            lines = [f"{f.severity:8} {f.code:28} {f.message}" for f in findings]
            lines.append(f"{args.file}: {counts['error']} errors, {counts['warning']} warnings, {counts['hint']} hints")
        print("\n".join(lines))  # one write: a company-wide workshop has tens of thousands of findings
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK


def _edit_file(path: Path, change):
    """Open a workshop file (.clientocracy or .json) for writing, apply `change(document)` and write it back
    atomically; returns what `change` returned (nothing is written when it raises)."""
    if path.suffix.lower() == ".json":
        from app.document import Document
        from app.filelock import holding
        from app.jsonio import write_json_file
        from app.workfile import read_workshop

        with holding(path, wait=WRITER_WAIT):  # read-modify-write under the lock beside the file
            document = Document(read_workshop(path))
            result = change(document)
            write_json_file(path, document.model)
        return result
    from app.workfile import WorkFile

    work = WorkFile.open(path, wait=WRITER_WAIT)  # waits for another writer; refuses an open app's file
    try:
        result = change(work.document)
        work.save()
    finally:
        work.close()
    return result


def cmd_import_readings(args: argparse.Namespace) -> int:
    """`import-readings FILE TABLE [--skip-bad-rows]`: add a table's figures to a workshop, written back atomically."""
    from app.reading_import import read_readings

    if args.table.suffix.lower() not in (".xlsx", ".csv"):
        raise UsageError(f"clientocracy import-readings: {args.table}: the table must be a .xlsx or .csv file")
    from app.fsutil import write_target

    write_target(args.file)  # a read-only workshop or a device is refused before any work
    read_readings(args.table)  # refuse an unreadable table before the workshop is opened
    result = _edit_file(args.file, lambda document: _readings_into(document, args))
    for problem in result.skipped:
        print(f"{args.table}: {problem}", file=sys.stderr)
    print(f"{args.file}: {result.added} readings added, {result.replaced} replaced from {args.table}")
    return EXIT_OK


def _readings_into(document, args: argparse.Namespace):
    """Build the readings' batch for `document` and apply it; UsageError (nothing applied) for unusable rows."""
    from app.document import EditRefused
    from app.reading_import import import_readings

    result = import_readings(document, args.table)
    if result.skipped and not args.skip_bad_rows:
        rows = "; ".join(str(p) for p in result.skipped)
        raise UsageError(f"clientocracy import-readings: {args.table}: rows that cannot be imported, nothing "
                         f"written (--skip-bad-rows imports the others): {rows}")
    if result.batch is None and not result.taken:
        raise UsageError(f"clientocracy import-readings: {args.table}: the table has no readings")
    if result.batch is not None:
        try:
            document.apply(result.batch)
        except EditRefused as e:
            raise UsageError(f"clientocracy import-readings: {args.table}: {e}") from None
    return result


def cmd_import_promises(args: argparse.Namespace) -> int:
    """`import-promises FILE TABLE [--skip-bad-rows]`: add a table's promises to a workshop, written back atomically."""
    from app.promise_tree_sheet import read_promise_table

    if args.table.suffix.lower() not in (".xlsx", ".csv"):
        raise UsageError(f"clientocracy import-promises: {args.table}: the table must be a .xlsx or .csv file")
    from app.fsutil import write_target

    write_target(args.file)  # a read-only workshop or a device is refused before any work
    read_promise_table(args.table)  # refuse an unreadable table before the workshop is opened
    if args.file.suffix.lower() == ".json":
        from app.document import Document
        from app.filelock import holding
        from app.jsonio import write_json_file
        from app.workfile import read_workshop

        with holding(args.file, wait=WRITER_WAIT):  # read-modify-write under the lock beside the file
            document = Document(read_workshop(args.file))
            result = _import_into(document, args)
            write_json_file(args.file, document.model)
    else:
        from app.workfile import WorkFile

        work = WorkFile.open(args.file, wait=WRITER_WAIT)  # waits for another writer; refuses an open app's file
        try:
            result = _import_into(work.document, args)
            work.save()
        finally:
            work.close()
    for problem in result.skipped + result.warnings:
        print(f"{args.table}: {problem}", file=sys.stderr)
    made = [f"{len(names)} new {what}" for what, names in
            (("teams", result.created_teams), ("segments", result.created_segments), ("values", result.created_values))
            if names]
    print(f"{args.file}: {result.taken} promises added from {args.table}" + (f" ({', '.join(made)})" if made else ""))
    return EXIT_OK


def _import_into(document, args: argparse.Namespace):
    """Build the import batch for `document` and apply it; UsageError (nothing applied) for unusable rows."""
    from app.document import EditRefused
    from app.promise_import import import_sheet

    result = import_sheet(document, args.table)
    if result.skipped and not args.skip_bad_rows:
        rows = "; ".join(str(p) for p in result.skipped)
        raise UsageError(f"clientocracy import-promises: {args.table}: rows that cannot be imported, nothing "
                         f"written (--skip-bad-rows imports the others): {rows}")
    if result.batch is None:
        raise UsageError(f"clientocracy import-promises: {args.table}: the table has no promise rows")
    try:
        document.apply(result.batch)
    except EditRefused as e:
        raise UsageError(f"clientocracy import-promises: {args.table}: {e}") from None
    return result


def cmd_merge(args: argparse.Namespace) -> int:
    """`merge MINE THEIRS [--base BASE] -o OUT [--prefer mine|theirs] [--json]`: exit 0 merged cleanly, 1 merged
    with conflicts (each resolved to the preferred side, listed on standard output), 2 unusable or unrelated
    inputs (nothing written). The inputs are never changed."""
    from app.fsutil import same_file, write_target
    from app.lineage import common_base, merged_meta, read_copy
    from app.merge import MergeFailed, MergeRefused, conflict_json, conflicts_text, merge

    inputs = [("MINE", args.mine), ("THEIRS", args.theirs)] + ([("--base", args.base)] if args.base else [])
    for what, path in inputs:
        if path.suffix.lower() not in (".json", ".clientocracy"):
            raise UsageError(f"clientocracy merge: {path}: {what} must be a .clientocracy or .json workshop")
        if same_file(args.output, path):
            raise UsageError(f"clientocracy merge: {args.output}: -o would overwrite {what}; nothing written "
                             "(choose another name)")
    if args.output.suffix.lower() not in (".json", ".clientocracy"):
        raise UsageError(f"clientocracy merge: {args.output}: -o writes a .clientocracy or .json workshop")
    write_target(args.output)
    mine, mine_lineage = read_copy(args.mine)
    theirs, theirs_lineage = read_copy(args.theirs)
    if args.base is not None:
        base = read_copy(args.base)[0]
    else:
        found = common_base(mine_lineage, theirs_lineage)
        if found is None:
            raise UsageError(f"clientocracy merge: {args.mine} and {args.theirs} record no common ancestor (not "
                             "copies shared from one workshop, or a .json); give the copy both started from "
                             "with --base")
        base = found
    try:
        result = merge(base, mine, theirs, prefer=args.prefer)
    except (MergeRefused, MergeFailed) as e:
        raise UsageError(f"clientocracy merge: {e}; nothing written") from None
    if args.output.suffix.lower() == ".json":
        from app.jsonio import write_json_file

        write_json_file(args.output, result.workshop)
    else:
        from app.workfile import write_workshop_file

        has_lineage = mine_lineage.workshop_id or theirs_lineage.workshop_id
        lineage = merged_meta(mine_lineage, theirs_lineage, theirs) if has_lineage else None
        write_workshop_file(args.output, result.workshop, meta=lineage)
    if args.json:
        print(json.dumps([conflict_json(c) for c in result.conflicts], ensure_ascii=False, indent=2))
    else:
        for line in conflicts_text(result.conflicts):
            print(line)
        print(f"{args.output}: merged, {len(result.conflicts)} conflict{'' if len(result.conflicts) == 1 else 's'}"
              + (f" (resolved to {args.prefer})" if result.conflicts else ""))
    return EXIT_FINDINGS if result.conflicts else EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    """`serve`: a room for live co-editing without a window (cli/serve.py)."""
    from cli.serve import cmd_serve

    return cmd_serve(args)


_COMMANDS = {"new": cmd_new, "import": cmd_import, "export": cmd_export, "check": cmd_check,
             "import-promises": cmd_import_promises, "import-readings": cmd_import_readings, "merge": cmd_merge,
             "serve": _serve}
