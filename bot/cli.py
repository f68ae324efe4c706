"""`comp-coach`: the bot from a terminal, the servers, and the guide tools.

With no sub-command the mode follows the environment (Socket Mode, HTTP, or the
console), which is what `make run` does. Heavy imports (Slack, the store) happen
inside the commands that need them, so `ask` and `guides` start fast.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from bot.settings import Settings, SettingsError

CONNECT_HINT = (
    "Comp Coach console: no Slack credentials set. To connect to Slack, set SLACK_BOT_TOKEN with "
    "SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP), or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and "
    "SLACK_SIGNING_SECRET for many workspaces; see README.md. "
    "Type /comp planetscale ml remote, or a DM message; Ctrl-D ends."
)


def _answers(settings: Settings):
    from bot.answers import Answers

    return Answers.load(settings.guide_folders, state_dir=settings.state_path)


def _conversation(settings: Settings):
    from bot.conversation import Conversation

    return Conversation(_answers(settings), settings)


# --- console and ask -----------------------------------------------------------------------------


def cmd_console(args: argparse.Namespace, settings: Settings) -> int:
    conversation = _conversation(settings)
    print(CONNECT_HINT, file=sys.stderr, flush=True)
    for text in console_lines(sys.stdin.isatty()):
        if not text.strip():
            continue
        if text.strip().lower() in ("quit", "exit", ":q"):
            return 0
        for message in _answer(conversation, text, args.user, "console line").messages:
            print(for_terminal(message.text), flush=True)
        print(flush=True)
    return 0


def _answer(conversation, text: str, user: str, what: str):
    """The reply to one line; when answering fails, the apology (logged without the words)."""
    try:
        return conversation.handle(text, user=user) if text.strip() else conversation.blank()
    except Exception as error:  # one line failing must not end the session or shift later answers
        from bot.conversation import Reply
        from bot.slack.failures import apology, log_failure

        log_failure(what, None, error)
        return Reply(apology())


def console_lines(interactive: bool) -> Iterator[str]:
    """What a person types, line by line. At a terminal `input()` goes through readline:
    arrow keys edit the line and recall earlier ones. The history stays in this process
    and is never written to disk, since people type their own offers here."""
    if not interactive:
        for line in sys.stdin:
            yield line.rstrip("\n")
        return
    # Importing readline is what gives input() line editing; a Python built without it
    # still reads plain lines.
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401
    while True:
        try:
            yield input("> ")
        except EOFError:
            print(flush=True)
            return


def for_terminal(mrkdwn: str) -> str:
    """Mrkdwn as a person reads it in a terminal: Slack's entities decoded (`ask` keeps them)."""
    return mrkdwn.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    conversation = _conversation(settings)
    if args.text == ["-"]:
        # One output line per input line, blank ones too (they get the usage reply), so
        # output line N always answers input line N.
        for line in sys.stdin:
            reply = _answer(conversation, line.rstrip("\n"), args.user, "ask line")
            print(json.dumps(reply.payload(), ensure_ascii=False), flush=True)
        return 0
    reply = conversation.handle(" ".join(args.text), user=args.user)
    if args.json:
        print(json.dumps(reply.payload(), ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(message.text for message in reply.messages))
    return 0


# --- guides -----------------------------------------------------------------------------------------


def cmd_guides_check(args: argparse.Namespace, settings: Settings) -> int:
    from bot.guides.catalog import guide_folders
    from bot.guides.importer import check_guides

    paths = [Path(p) for p in args.paths] if args.paths else guide_folders(settings.guide_folders)
    summary = check_guides(paths, sys.stdout, progress=sys.stderr.isatty(), strict=args.strict)
    skipped = f", {summary.skipped} skipped as not guides" if summary.skipped else ""
    print(
        f"checked {summary.files} files: {summary.valid} guides valid, "
        f"{summary.errors} errors, {summary.warnings} warnings{skipped}",
        file=sys.stderr,
    )
    return 1 if summary.errors else 0


def cmd_guides_import(args: argparse.Namespace, settings: Settings) -> int:
    from bot.guides.importer import import_guides

    summary = import_guides([Path(p) for p in args.paths], Path(args.out), progress=sys.stderr.isatty())
    return 1 if summary.failed and not summary.imported else 0


# --- the store -------------------------------------------------------------------------------------------


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    """The Procfile's `release:` line: the schema upgraded before new web processes start (they
    would do it themselves on start; this makes a failed migration stop the release instead)."""
    from bot.store.database import Store
    from bot.store.migrate import current

    store = Store.open(settings.database_url, settings.state_path)
    try:
        print(f"store schema at revision {current(store.engine)}", file=sys.stderr)
    finally:
        store.dispose()
    return 0


# --- servers (need Slack credentials) -----------------------------------------------------------------


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from bot.slack.server import serve

    return serve(settings)


def cmd_socket(args: argparse.Namespace, settings: Settings) -> int:
    from bot.slack.socket import run_socket_mode

    return run_socket_mode(settings)


def cmd_purge(args: argparse.Namespace, settings: Settings) -> int:
    from bot.store.database import Store
    from bot.store.limits import failure_reason
    from bot.store.purge import purge_now

    try:
        store = Store.open(settings.database_url, settings.state_path)
        purged = purge_now(store)
    except Exception as error:  # the store unreachable: say so in one line, no traceback
        print(f"comp-coach purge: the store did not answer: {failure_reason(error)}", file=sys.stderr)
        return 1
    store.dispose()
    print(f"purged {purged.cases} expired cases, {purged.events} old event ids and {purged.replies} abandoned replies")
    return 0


def cmd_auto(args: argparse.Namespace, settings: Settings) -> int:
    mode = settings.mode
    if mode == "socket":
        return cmd_socket(args, settings)
    if mode in ("http", "oauth"):
        return cmd_serve(args, settings)
    args.user = "console"
    return cmd_console(args, settings)


# --- wiring ---------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="comp-coach",
        description="Comp Coach: pay bands, levers and counter scripts, in Slack or a terminal. "
        "With no command, the mode follows the environment: Socket Mode, HTTP (one workspace or many), "
        "or the console.",
    )
    parser.set_defaults(func=cmd_auto)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    console = commands.add_parser("console", help="the local console: type /comp ... or DM text")
    console.add_argument("--user", default="console", help="who is typing (default: console)")
    console.set_defaults(func=cmd_console)

    ask = commands.add_parser(
        "ask",
        help="answer one input as Slack would, and exit",
        description="Answer one input as Slack would. TEXT is a slash command "
        "(/comp planetscale ml remote) or a DM message; '-' reads one input per "
        "line from standard input and prints one JSON payload per line.",
    )
    ask.add_argument("text", nargs="+", metavar="TEXT", help="what a person types, or - for JSON Lines")
    ask.add_argument("--json", action="store_true", help="print the message payload as JSON")
    ask.add_argument("--user", default="console", help="the person's ID; DM turns continue one conversation")
    ask.set_defaults(func=cmd_ask)

    serve = commands.add_parser("serve", help="the HTTP server on $PORT (the Procfile's web line)")
    serve.set_defaults(func=cmd_serve)
    socket = commands.add_parser("socket", help="Socket Mode (the Procfile's worker line)")
    socket.set_defaults(func=cmd_socket)

    purge = commands.add_parser(
        "purge",
        help="delete expired cases and old event ids now",
        description="Delete expired coaching cases (their figures scrubbed from the store's files) "
        "and old Slack event ids now; servers also do it every COMP_COACH_PURGE_SECONDS.",
    )
    purge.set_defaults(func=cmd_purge)

    migrate = commands.add_parser(
        "migrate",
        help="create or upgrade the store's tables (the Procfile's release line)",
        description="Create or upgrade the store's tables (DATABASE_URL, or the SQLite file in the state "
        "folder) to the newest schema. Servers do this on start too; safe to run at any time.",
    )
    migrate.set_defaults(func=cmd_migrate)

    guides = commands.add_parser("guides", help="check or import guides")
    guide_commands = guides.add_subparsers(title="guide commands", metavar="COMMAND", required=True)
    check = guide_commands.add_parser(
        "check",
        help="validate guide data; exit 1 on errors",
        description="Validate guides (data files or Markdown). Errors print "
        "as 'file: field: problem' and exit 1; warnings do not (unless --strict).",
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: all guide folders)")
    check.add_argument(
        "--strict",
        action="store_true",
        help="for guide authors: every warning (a cell kept as written, a missing section) is an error",
    )
    check.set_defaults(func=cmd_guides_check)
    convert = guide_commands.add_parser("import", help="convert Markdown guides into data files")
    convert.add_argument("paths", nargs="+", metavar="PATH", help="Markdown files or folders (recursive)")
    convert.add_argument("--out", required=True, metavar="DIR", help="where the data files go")
    convert.set_defaults(func=cmd_guides_import)
    return parser


def main(argv: Iterable[str] | None = None) -> int:
    args = build_parser().parse_args(list(argv) if argv is not None else None)
    try:
        settings = Settings()
    except SettingsError as exc:
        print(f"comp-coach: environment: {exc}", file=sys.stderr)
        return 2
    level = settings.log_level.upper()
    if not isinstance(logging.getLevelName(level), int):
        print(f"comp-coach: environment: LOG_LEVEL: unknown level {settings.log_level!r}; using INFO", file=sys.stderr)
        level = "INFO"
    logging.basicConfig(level=level, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not hasattr(args, "user"):
        args.user = "console"
    try:
        return args.func(args, settings)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    finally:
        # The command is done: spare the interpreter's final collection from walking every
        # object pydantic and Jinja built (measured ~60 ms of a one-shot `ask`; bench/lookup.py).
        # Shutdown itself (atexit, flushing, closing) runs as usual.
        gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
