#!/usr/bin/env python3
"""How long `journal lsp` takes from an edit to the diagnostics of it, on a large journal.

Starts the server as an editor does, opens a session of the journal, then sends changes one
at a time (each waits for its diagnostics) and times each from sending `didChange` to reading
`publishDiagnostics` for that version.

Usage: lsp_latency.py JOURNAL FOLDER [--changes N]
"""
import argparse, json, os, pathlib, statistics, subprocess, sys, time


class Client:
    def __init__(self, journal, folder):
        env = dict(os.environ, JOURNAL_TODAY="2026-11-25", GIT_CEILING_DIRECTORIES=os.path.dirname(folder))
        self.process = subprocess.Popen([journal, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self.next_id = 0

    def send(self, message):
        body = json.dumps(dict(message, jsonrpc="2.0")).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise SystemExit("journal lsp closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id:
                return message

    def diagnostics(self, uri, version):
        while True:
            message = self.receive()
            params = message.get("params", {})
            if message.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri \
                    and params.get("version") == version:
                return params["diagnostics"]


def measure(journal, folder, changes=30):
    sessions = sorted(pathlib.Path(folder).rglob("sessions/*.md"))
    entries = len(list(pathlib.Path(folder).rglob("*.md")))
    path = sessions[len(sessions) // 2]
    uri = path.as_uri()
    text = path.read_text()
    client = Client(journal, folder)
    client.request("initialize", {"capabilities": {}, "rootUri": pathlib.Path(folder).as_uri()})
    client.send({"method": "initialized", "params": {}})
    start = time.perf_counter()
    client.send({"method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    client.diagnostics(uri, 1)
    first = time.perf_counter() - start
    times = []
    for version in range(2, changes + 2):
        edited = text + ("\nA line typed at change %d.\n" % version if version % 2 else "")
        start = time.perf_counter()
        client.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited}]}})
        client.diagnostics(uri, version)
        times.append(time.perf_counter() - start)
    client.request("shutdown", None)
    client.send({"method": "exit"})
    client.process.wait(timeout=10)
    return {"entries": entries, "first": first, "median": statistics.median(times), "max": max(times),
            "changes": changes}


def table(result):
    met = "yes" if result["median"] <= 0.1 else "no"
    return [
        f"A journal of {result['entries']} entries; one session open; {result['changes']} edits, each waiting for "
        "its diagnostics.", "",
        "| from | median | slowest | target | met |", "|---|---|---|---|---|",
        f"| opening the file to its diagnostics | {result['first'] * 1000:.0f} ms | | | |",
        f"| an edit to its diagnostics | {result['median'] * 1000:.0f} ms | {result['max'] * 1000:.0f} ms | "
        f"within 100 ms | {met} |"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("journal")
    parser.add_argument("folder")
    parser.add_argument("--changes", type=int, default=30)
    args = parser.parse_args()
    print("\n".join(table(measure(args.journal, args.folder, args.changes))))


if __name__ == "__main__":
    main()
