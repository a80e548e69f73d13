"""`journal lsp` driven as an editor drives it, through pytest-lsp (pygls' client)."""
import asyncio
import json
import os
import pathlib
import subprocess

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import JOURNAL, TODAY, fresh_journal, lint

FOLDER = fresh_journal()
ENV = dict(os.environ, GIT_CEILING_DIRECTORIES=os.path.dirname(FOLDER), JOURNAL_TODAY=TODAY)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[JOURNAL, "lsp"], server_env=ENV))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                workspace=types.WorkspaceClientCapabilities(
                    workspace_edit=types.WorkspaceEditClientCapabilities(
                        document_changes=True, resource_operations=[types.ResourceOperationKind.Create]))),
            root_uri=pathlib.Path(FOLDER).as_uri()))
    yield
    await lsp_client.shutdown_session()


def uri(path):
    return pathlib.Path(FOLDER, path).as_uri()


def text_of(path):
    return pathlib.Path(FOLDER, path).read_text()


async def open_file(client, path, text=None):
    text = text_of(path) if text is None else text
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri(path), language_id="markdown", version=1, text=text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics.get(uri(path), [])


async def change_file(client, path, text, version=2):
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri(path), version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics.get(uri(path), [])


SESSION = "sessions/2026-11-03-first-pr.md"
SEVERITY = {"error": 1, "warning": 2, "info": 3}


def same_as_lint(diagnostics, expected):
    ours = sorted((d.code, d.range.start.line + 1, d.severity) for d in diagnostics)
    theirs = sorted((d["rule"], d["line"], SEVERITY[d["severity"]]) for d in expected)
    assert ours == theirs


async def test_diagnostics_while_typing_match_journal_lint(client: LanguageClient):
    text = text_of(SESSION)
    diagnostics = await open_file(client, SESSION)
    same_as_lint(diagnostics, lint(FOLDER, SESSION, text))
    # An unknown goal, a misspelt key and an item without owner, unsaved.
    broken = text.replace("goals:", "goals: [no-such-goal]\nstatsu: held\nold_goals:", 1) + "\n- [ ] book the room\n"
    diagnostics = await change_file(client, SESSION, broken)
    rules = {d.code for d in diagnostics}
    assert {"goal/unknown", "field/unknown", "action/no-owner"} <= rules
    same_as_lint(diagnostics, lint(FOLDER, SESSION, broken))
    # Nothing was written: the file on disk is as it was.
    assert text_of(SESSION) == text
    # Fixed again: the problems go.
    diagnostics = await change_file(client, SESSION, text, version=3)
    same_as_lint(diagnostics, lint(FOLDER, SESSION, text))


async def test_a_diagnostic_underlines_the_value_or_key_as_written(client: LanguageClient):
    """The range is what the reader found: a quoted value with spaces, a key, a value of the
    wrong kind over several lines, not a guess at the end of a word."""
    text = text_of(SESSION)
    await open_file(client, SESSION)
    lines = ["date: \"2026-02-30 at noon\"", "statsu: held", "duration:", "  - 1", "  - 2"]
    broken = text.replace("---\n", "---\n" + "\n".join(lines) + "\n", 1)
    broken = "\n".join(
        l for l in broken.split("\n")
        if l in lines or not l.startswith(("date:", "duration:")))
    diagnostics = await change_file(client, SESSION, broken)
    document = broken.split("\n")

    def underlined(rule):
        found = [d for d in diagnostics if d.code == rule]
        assert found, (rule, [(d.code, d.message) for d in diagnostics])
        r = found[0].range
        if r.start.line == r.end.line:
            return document[r.start.line][r.start.character:r.end.character]
        return (r.start.line, r.end.line)

    invalid = [d for d in diagnostics if d.code == "field/invalid"]
    spans = {document[d.range.start.line][d.range.start.character:d.range.end.character]
             if d.range.start.line == d.range.end.line else (d.range.start.line, d.range.end.line) for d in invalid}
    assert '"2026-02-30 at noon"' in spans
    assert underlined("field/unknown") == "statsu"
    # The list under `duration:` runs from its first item to its last.
    first = document.index("  - 1")
    assert any(isinstance(s, tuple) and s[0] == first and s[1] >= first + 1 for s in spans), spans
    await change_file(client, SESSION, text, version=3)


async def test_completion_knows_keys_statuses_goals_handles_and_dates(client: LanguageClient):
    text = "---\ndate: 2026-11-25\nstatus: \ngoals:\n  - \n\n---\n## Action items\n\n- [ ] @\n"
    path = "sessions/2026-11-25.md"
    await open_file(client, path, text)

    async def labels(line, character):
        result = await client.text_document_completion_async(types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri(path)),
            position=types.Position(line=line, character=character)))
        items = result.items if hasattr(result, "items") else result
        return {item.label: item for item in items}

    keys = await labels(5, 0)
    assert {"agenda", "next", "duration"} <= set(keys) and "date" not in keys and "status" not in keys
    assert set(await labels(2, 8)) == {"held", "planned", "cancelled", "rescheduled"}
    goals = await labels(4, 4)
    assert {"first-patch", "ssa-reading", "toy-compiler"} <= set(goals)
    assert goals["toy-compiler"].detail
    handles = await labels(9, 7)
    assert {"@mentor", "@mentee", "@ada", "@grace"} <= set(handles)
    dates = await labels(1, 6)
    assert TODAY in dates


async def test_hover_and_definition(client: LanguageClient):
    text = text_of(SESSION)
    await open_file(client, SESSION, text)
    lines = text.split("\n")
    goal_line = next(i for i, l in enumerate(lines) if "toy-compiler" in l)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri(SESSION)),
        position=types.Position(line=goal_line, character=lines[goal_line].index("toy-compiler") + 2)))
    assert "goal" in hover.contents.value and "Milestones" in hover.contents.value
    definition = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(SESSION)),
        position=types.Position(line=goal_line, character=lines[goal_line].index("toy-compiler") + 2)))
    target = definition[0] if isinstance(definition, list) else definition
    assert target.uri.endswith("goals/toy-compiler.md")
    date_line = next(i for i, l in enumerate(lines) if l.startswith("date:"))
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri(SESSION)), position=types.Position(line=date_line, character=8)))
    assert "Tuesday 2026-11-03, 22 days ago" in hover.contents.value
    handle_line = next(i for i, l in enumerate(lines) if "@mentor" in l)
    column = lines[handle_line].index("@mentor") + 2
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri(SESSION)), position=types.Position(line=handle_line, character=column)))
    assert "the mentor" in hover.contents.value and "Grace" in hover.contents.value
    definition = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(SESSION)), position=types.Position(line=handle_line, character=column)))
    target = definition[0] if isinstance(definition, list) else definition
    assert target.uri.endswith("agreement.md")


async def test_code_actions_fix_tick_and_start_a_session(client: LanguageClient):
    text = text_of(SESSION)
    broken = text.replace("date:", "dtae:", 1)
    await open_file(client, SESSION, broken)
    lines = broken.split("\n")
    item = next(i for i, l in enumerate(lines) if l.startswith("- [ ]"))
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(SESSION)),
        range=types.Range(start=types.Position(line=item, character=0), end=types.Position(line=item, character=0)),
        context=types.CodeActionContext(diagnostics=[])))
    titles = [a.title for a in actions]
    fix = next(a for a in actions if a.title.startswith("Fix:"))
    assert "date" in fix.title
    edit = fix.edit.changes[uri(SESSION)][0]
    assert "\ndate:" in edit.new_text and "dtae:" not in edit.new_text
    tick = next(a for a in actions if a.title.startswith("Tick"))
    change = tick.edit.changes[uri(SESSION)][0]
    assert change.new_text == "x" and change.range.start.line == item and change.range.start.character == 3
    start = next(a for a in actions if a.title.startswith("Start the session"))
    create, write = start.edit.document_changes
    assert create.uri.endswith("sessions/2026-11-25.md")
    assert "date: 2026-11-25" in write.edits[0].new_text
    # The open items of the journal are carried in.
    assert "lower arithmetic expressions" in write.edits[0].new_text
    assert not os.path.exists(os.path.join(FOLDER, "sessions", "2026-11-25.md")), "nothing written by the server"
    assert len(titles) == len(set(titles))


async def test_symbols(client: LanguageClient):
    goal = "goals/toy-compiler.md"
    await open_file(client, goal)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri(goal))))
    names = [s.name for s in symbols]
    assert any(s.detail == "milestone" for s in symbols)
    await open_file(client, SESSION)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri(SESSION))))
    items = [c for s in symbols for c in (s.children or [])]
    assert any("lower arithmetic expressions" in c.name for c in items)
    found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="compiler"))
    assert any(s.location.uri.endswith("goals/toy-compiler.md") for s in found)


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_malformed_messages_get_protocol_errors_not_an_exit():
    messages = [
        frame(b"{not json"),
        frame(b"[1, 2]"),
        b"Content-Length: nope\r\n\r\n",
        frame(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {"nonsense": True}}).encode()),
        frame(json.dumps({"jsonrpc": "2.0", "id": 2, "method": "no/such/method"}).encode()),
        frame(json.dumps({"jsonrpc": "2.0", "id": 3, "method": "initialize", "params": {"capabilities": {}}}).encode()),
        frame(json.dumps({"jsonrpc": "2.0", "id": 4, "method": "shutdown"}).encode()),
        frame(json.dumps({"jsonrpc": "2.0", "method": "exit"}).encode()),
    ]
    run = subprocess.run([JOURNAL, "lsp"], input=b"".join(messages), capture_output=True, env=ENV, timeout=30)
    assert run.returncode == 0, run.stderr
    out = run.stdout.decode()
    replies = []
    while out:
        header, _, rest = out.partition("\r\n\r\n")
        length = int(header.split(":")[1])
        replies.append(json.loads(rest[:length]))
        out = rest[length:]
    errors = [r["error"]["code"] for r in replies if "error" in r]
    assert errors.count(-32700) >= 3 and -32601 in errors
    assert any(r.get("id") == 1 and r.get("result") is None for r in replies)
    assert any(r.get("id") == 3 and "capabilities" in r["result"] for r in replies)


async def test_buffers_of_two_journals_each_get_their_own_diagnostics(client: LanguageClient):
    other = fresh_journal()
    broken = pathlib.Path(other, SESSION).read_text().replace("goals:", "goals: [no-such-goal]\nold_goals:", 1)
    mine = text_of(SESSION)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri(SESSION), language_id="markdown", version=1, text=mine)))
    other_uri = pathlib.Path(other, SESSION).as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=other_uri, language_id="markdown", version=1, text=broken)))
    for _ in range(2):
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    await asyncio.sleep(0.3)
    same_as_lint(client.diagnostics.get(uri(SESSION), []), lint(FOLDER, SESSION, mine))
    assert "goal/unknown" in {d.code for d in client.diagnostics.get(other_uri, [])}
    same_as_lint(client.diagnostics.get(other_uri, []), lint(other, SESSION, broken))


class RawServer:
    """`journal lsp` over its pipes, one request at a time, for buffers too large for a client
    library to be quick with."""

    def __init__(self):
        self.process = subprocess.Popen([JOURNAL, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=ENV)
        self.next_id = 0
        self.buffer = b""

    def send(self, message):
        body = json.dumps(dict(message, jsonrpc="2.0")).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self, timeout):
        import select
        import time
        deadline = time.monotonic() + timeout
        while True:
            header, separator, rest = self.buffer.partition(b"\r\n\r\n")
            if separator:
                length = int(header.split(b":")[1])
                if len(rest) >= length:
                    self.buffer = rest[length:]
                    return json.loads(rest[:length])
            left = deadline - time.monotonic()
            assert left > 0, "no answer"
            ready, _, _ = select.select([self.process.stdout], [], [], left)
            assert ready, "no answer"
            chunk = os.read(self.process.stdout.fileno(), 1 << 20)
            assert chunk, "the server ended"
            self.buffer += chunk

    def request(self, method, params, timeout=120):
        import time
        self.next_id += 1
        start = time.perf_counter()
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            reply = self.receive(timeout)
            if reply.get("id") == self.next_id:
                return reply, time.perf_counter() - start


REQUESTS = [
    ("textDocument/documentSymbol", lambda u: {"textDocument": {"uri": u}}),
    ("textDocument/completion", lambda u: {"textDocument": {"uri": u}, "position": {"line": 1, "character": 3}}),
    ("textDocument/hover", lambda u: {"textDocument": {"uri": u}, "position": {"line": 1, "character": 1}}),
    ("textDocument/definition", lambda u: {"textDocument": {"uri": u}, "position": {"line": 1, "character": 1}}),
    ("textDocument/codeAction", lambda u: {"textDocument": {"uri": u}, "range": {
        "start": {"line": 0, "character": 0}, "end": {"line": 3, "character": 0}}, "context": {"diagnostics": []}}),
]


def test_every_request_is_answered_for_buffers_of_any_size_and_shutdown_too():
    """1, 2.5, 5 and 10 MB buffers through every request: each is answered (a buffer over the
    entry limit, as a file of that size, is not read: its answers are empty), and so is shutdown.
    Bounded cost is checked as a ratio: a buffer just under the limit whose front matter never
    closes costs about what an ordinary buffer of the same size costs."""
    server = RawServer()
    server.request("initialize", {"capabilities": {}, "rootUri": pathlib.Path(FOLDER).as_uri()})
    server.send({"method": "initialized", "params": {}})
    line = "- [ ] @mentee a step with some words (due 2026-12-01)\n"
    timings = {}
    for name, megabytes, opening in [("ordinary", 0.99, "---\ndate: 2026-11-20\n---\n"),
                                     ("unclosed front matter", 0.99, "---\ndate: 2026-11-20\n"),
                                     ("1 MB", 1.0, "---\ndate: 2026-11-20\n---\n"),
                                     ("2.5 MB", 2.5, "---\ndate: 2026-11-20\n---\n"),
                                     ("5 MB", 5.0, "---\ndate: 2026-11-20\n---\n"),
                                     ("10 MB", 10.0, "---\ndate: 2026-11-20\n---\n")]:
        size = int(megabytes * 1024 * 1024)
        text = opening + line * ((size - len(opening)) // len(line) + (1 if megabytes >= 1 else 0))
        text = text[:size] if megabytes < 1 else text
        u = uri(f"sessions/2026-11-20-{name.replace(' ', '-')}.md")
        server.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": u, "languageId": "markdown", "version": 1, "text": text}}})
        total = 0.0
        for method, params in REQUESTS:
            reply, seconds = server.request(method, params(u))
            assert "error" not in reply, (name, method, reply)
            total += seconds
            if len(text.encode()) > 1024 * 1024 and method == "textDocument/documentSymbol":
                assert reply["result"] == [], (name, "a buffer over the limit is not read")
            if name == "ordinary" and method == "textDocument/documentSymbol":
                assert reply["result"], "a buffer under the limit is read"
        timings[name] = total
        server.send({"method": "textDocument/didClose", "params": {"textDocument": {"uri": u}}})
    assert timings["unclosed front matter"] < 5 * timings["ordinary"], timings
    reply, _ = server.request("shutdown", None, timeout=60)
    assert reply.get("result", "missing") is None, reply
    server.send({"method": "exit"})
    assert server.process.wait(timeout=60) == 0
