import Foundation
import JournalKit

/// `journal lsp`: a Language Server Protocol (3.17) server on two file descriptors. Every lint
/// rule on the unsaved text of open buffers, with the rest of the journal read from disk;
/// completion, hover, definition, code actions and symbols that know goals, milestones,
/// action items and the pair. It never writes a file: edits go to the editor, which applies
/// them. A malformed message is answered with a protocol error, never an exit.
public final class LanguageServer {
    let connection: LSPConnection
    let today: CalendarDate
    var documents: [String: LSPDocument] = [:]
    /// Buffers whose diagnostics are to be published again.
    var dirty: Set<String> = []
    /// The diagnostics last published for each buffer, for hover to explain.
    var published: [String: [Diagnostic]] = [:]
    var encoding = PositionEncoding.utf16
    var workspaceRoot: URL?
    var shutdownRequested = false
    let memo = EntryMemo()

    /// A server reading requests from `input` and writing to `output`; "today" is the one every
    /// command uses (`--today`, `JOURNAL_TODAY`, the clock).
    public init(input: Int32, output: Int32, today: CalendarDate) {
        connection = LSPConnection(input: input, output: output)
        self.today = today
    }

    /// Serves until `exit` (0 after `shutdown`, 1 without) or the end of the input (1).
    public func run() -> Int32 {
        while true {
            switch connection.next() {
            case .end:
                return shutdownRequested ? 0 : 1
            case .malformed(let why):
                connection.send(["id": NSNull(), "error": ["code": -32700, "message": "cannot read \(why)"]])
            case .message(let message):
                if let status = handle(message) { return status }
            }
            // Changes that come in a burst are linted once, after the last of them.
            if !dirty.isEmpty, !connection.waitForInput(milliseconds: 15) { publishDiagnostics() }
        }
    }

    /// Handles one message; an exit status when it was `exit`.
    func handle(_ message: [String: Any]) -> Int32? {
        let id = message["id"]
        guard let method = message["method"] as? String else {
            // A response to something we never asked, or not a request: nothing to do with it.
            if id != nil, message["result"] == nil, message["error"] == nil {
                reply(id, error: -32600, "a request needs a method")
            }
            return nil
        }
        let params = message["params"] as? [String: Any] ?? [:]
        if method == "exit" { return shutdownRequested ? 0 : 1 }
        if shutdownRequested, id != nil, method != "shutdown" {
            reply(id, error: -32600, "the server is shutting down")
            return nil
        }
        if let empty = Self.answerForOversized[method],
            let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String,
            documents[uri]?.isOversized == true
        {
            // Over the entry limit: not read, as a file of that size is not (its diagnostic says so).
            reply(id, empty)
            return nil
        }
        switch Self.handlers[method] {
        case .request(let answer)?: reply(id, answer(self, params))
        case .notification(let take)?: take(self, params)
        case nil:
            if id != nil { reply(id, error: -32601, "journal lsp does not handle `\(method)`") }
        }
        return nil
    }

    /// What a method is to the server: a request it answers, or a notification it takes.
    enum Handler: Sendable {
        case request(@Sendable (LanguageServer, [String: Any]) -> Any)
        case notification(@Sendable (LanguageServer, [String: Any]) -> Void)
    }

    /// The table from method to handler: the one list of what journal lsp handles.
    static let handlers: [String: Handler] = [
        "initialize": .request { $0.initialize($1) },
        "shutdown": .request { server, _ in
            server.shutdownRequested = true
            return NSNull()
        },
        "initialized": .notification { _, _ in },
        "$/cancelRequest": .notification { _, _ in },
        "$/setTrace": .notification { _, _ in },
        "workspace/didChangeConfiguration": .notification { _, _ in },
        "textDocument/didOpen": .notification { $0.didOpen($1) },
        "textDocument/didChange": .notification { $0.didChange($1) },
        "textDocument/didClose": .notification { $0.didClose($1) },
        "textDocument/didSave": .notification { server, _ in server.dirty.formUnion(server.documents.keys) },
        "workspace/didChangeWatchedFiles": .notification { server, _ in
            server.dirty.formUnion(server.documents.keys)
        },
        "textDocument/completion": .request { $0.completion($1) },
        "textDocument/hover": .request { $0.hover($1) },
        "textDocument/definition": .request { $0.definition($1) },
        "textDocument/codeAction": .request { $0.codeActions($1) },
        "textDocument/documentSymbol": .request { $0.documentSymbols($1) },
        "workspace/symbol": .request { $0.workspaceSymbols($1) },
    ]

    /// What each request about a buffer answers when the buffer is over the entry limit.
    static var answerForOversized: [String: Any] {
        [
            "textDocument/completion": [Any](), "textDocument/hover": NSNull(),
            "textDocument/definition": NSNull(), "textDocument/codeAction": [Any](),
            "textDocument/documentSymbol": [Any](),
        ]
    }

    func reply(_ id: Any?, _ result: Any) {
        guard let id else { return }
        connection.send(["id": id, "result": result])
    }

    func reply(_ id: Any?, error code: Int, _ message: String) {
        connection.send(["id": id ?? NSNull(), "error": ["code": code, "message": message]])
    }

    // MARK: - Lifecycle and documents

    private func initialize(_ params: [String: Any]) -> [String: Any] {
        if let root = (params["rootUri"] as? String).flatMap(Self.file(of:)) {
            workspaceRoot = root
        } else if let path = params["rootPath"] as? String {
            workspaceRoot = URL(fileURLWithPath: path)
        } else if let folders = params["workspaceFolders"] as? [[String: Any]],
            let first = (folders.first?["uri"] as? String).flatMap(Self.file(of:))
        {
            workspaceRoot = first
        }
        let offered =
            ((params["capabilities"] as? [String: Any])?["general"] as? [String: Any])?["positionEncodings"]
            as? [String] ?? []
        // Scalars are what journal counts; UTF-16 is what every client understands.
        encoding = offered.contains("utf-32") ? .utf32 : .utf16
        return [
            "capabilities": [
                "positionEncoding": encoding.rawValue,
                "textDocumentSync": ["openClose": true, "change": 1, "save": ["includeText": false]],
                "completionProvider": [
                    "triggerCharacters": ["@", ":", " ", "-", "["], "resolveProvider": false,
                ],
                "hoverProvider": true,
                "definitionProvider": true,
                "codeActionProvider": ["codeActionKinds": ["quickfix", "refactor.rewrite", "source"]],
                "documentSymbolProvider": true,
                "workspaceSymbolProvider": true,
            ] as [String: Any],
            "serverInfo": ["name": "journal", "version": ReleaseVersion.current],
        ]
    }

    private func didOpen(_ params: [String: Any]) {
        guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String,
            let text = item["text"] as? String, let file = Self.file(of: uri)
        else { return }
        documents[uri] = LSPDocument(uri: uri, text: text, version: item["version"] as? Int ?? 0, file: file)
        dirty.insert(uri)
    }

    private func didChange(_ params: [String: Any]) {
        guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String,
            var document = documents[uri], let changes = params["contentChanges"] as? [[String: Any]]
        else { return }
        for change in changes {
            if let range = change["range"] as? [String: Any], let text = change["text"] as? String {
                // An incremental change from a client that sends them anyway.
                document.replace(apply(text, at: range, to: document), version: document.version)
            } else if let text = change["text"] as? String {
                document.replace(text, version: document.version)
            }
        }
        document.replace(document.text, version: item["version"] as? Int ?? document.version + 1)
        documents[uri] = document
        dirty.insert(uri)
    }

    private func apply(_ text: String, at range: [String: Any], to document: LSPDocument) -> String {
        func offset(_ position: Any?) -> String.Index? {
            guard let position = position as? [String: Any], let line = position["line"] as? Int,
                let character = position["character"] as? Int, line >= 0
            else { return nil }
            var index = document.text.startIndex
            for _ in 0..<line {
                guard let newline = document.text[index...].firstIndex(of: "\n") else {
                    return document.text.endIndex
                }
                index = document.text.index(after: newline)
            }
            // The line read from the text itself: a buffer over the entry limit keeps no lines.
            let lineText = document.text[index...].prefix { $0 != "\n" && $0 != "\r\n" }
            let scalars = encoding.scalars(character, in: lineText)
            let view = document.text.unicodeScalars
            return view.index(index, offsetBy: scalars, limitedBy: view.endIndex) ?? view.endIndex
        }
        guard let start = offset(range["start"]), let end = offset(range["end"]), start <= end else {
            return document.text
        }
        var updated = document.text
        updated.replaceSubrange(start..<end, with: text)
        return updated
    }

    private func didClose(_ params: [String: Any]) {
        guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String else { return }
        documents[uri] = nil
        dirty.remove(uri)
        published[uri] = nil
        connection.send([
            "method": "textDocument/publishDiagnostics", "params": ["uri": uri, "diagnostics": [Any]()],
        ])
    }

    static func file(of uri: String) -> URL? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL
    }

    // MARK: - The journal around a buffer

    /// The journal a buffer belongs to, read from disk with every open buffer over it.
    func journal(around document: LSPDocument) -> Journal {
        let root = URL(
            fileURLWithPath: JournalLoader.resolve(
                JournalLoader.findRoot(from: document.file.deletingLastPathComponent()).path))
        var overlay: [String: [UInt8]] = [:]
        for open in documents.values {
            let path =
                JournalLoader.resolve(open.file.deletingLastPathComponent().path) + "/"
                + open.file.lastPathComponent
            if let inJournal = RelativePath.inside(root.path, path), !inJournal.isEmpty {
                overlay[inJournal] = Array(open.text.utf8)
            }
        }
        return JournalLoader.load(
            source: OverlaySource(base: FolderSource(root: root), overlay: overlay), root: root, memo: memo)
    }

    /// The buffer's path relative to its journal's root.
    func path(of document: LSPDocument, in journal: Journal) -> String {
        let path =
            JournalLoader.resolve(document.file.deletingLastPathComponent().path) + "/"
            + document.file.lastPathComponent
        return RelativePath.inside(journal.root.path, path).flatMap { $0.isEmpty ? nil : $0 }
            ?? document.file.lastPathComponent
    }

    /// Whether the buffer's file lies inside the journal.
    func isInside(_ document: LSPDocument, _ journal: Journal) -> Bool {
        let path =
            JournalLoader.resolve(document.file.deletingLastPathComponent().path) + "/"
            + document.file.lastPathComponent
        return path.hasPrefix(journal.root.path + "/")
    }

    /// The mentorship holding the buffer (none for a file outside the journal).
    func mentorship(of document: LSPDocument, in journal: Journal) -> Mentorship? {
        guard isInside(document, journal) else { return nil }
        let path = path(of: document, in: journal)
        return journal.mentorships.filter { $0.path == "." || path.hasPrefix($0.path + "/") }
            .max { $0.path.count < $1.path.count }
    }

    // MARK: - Diagnostics

    func publishDiagnostics() {
        let uris = dirty
        dirty = []
        var done: Set<String> = []
        for uri in uris.sorted() where !done.contains(uri) {
            guard let document = documents[uri] else { continue }
            let journal = journal(around: document)
            // Only the mentorships holding open buffers are linted: the others did not change.
            let open = documents.values.filter { uris.contains($0.uri) }
            let holding = Set(open.compactMap { mentorship(of: $0, in: journal)?.path })
            var narrowed = journal
            narrowed.mentorships = journal.mentorships.filter { holding.contains($0.path) }
            let diagnostics = lint(narrowed, today: today)
            for other in open where !done.contains(other.uri) {
                // Buffers of other journals are published when their own journal is read.
                guard isInside(other, journal) || other.uri == uri else { continue }
                let path = path(of: other, in: journal)
                let mine = diagnostics.filter { $0.path == path }
                published[other.uri] = mine
                done.insert(other.uri)
                connection.send([
                    "method": "textDocument/publishDiagnostics",
                    "params": [
                        "uri": other.uri, "version": other.version,
                        "diagnostics": mine.map { lspDiagnostic($0, in: other) },
                    ] as [String: Any],
                ])
            }
        }
    }

    func lspDiagnostic(_ diagnostic: Diagnostic, in document: LSPDocument) -> [String: Any] {
        let line = max(0, diagnostic.line - 1)
        let start = max(0, diagnostic.column - 1)
        let range: [String: Any]
        if let end = diagnostic.end, end > SourcePosition(line: diagnostic.line, column: diagnostic.column) {
            // The stretch the reader found: a value or key as written, quotes and all.
            range = self.range(from: (line, start), to: (end.line - 1, end.column - 1), in: document)
        } else {
            // A place, not a stretch: the word it starts, or the first line for the file's start.
            let scalars = Array(document.line(line).unicodeScalars)
            var end = start
            while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
            if diagnostic.line == 1, diagnostic.column == 1 { end = scalars.count }
            if end == start { end = min(scalars.count, start + 1) }
            range = self.range(line: line, from: start, to: end, in: document)
        }
        let severity: Int =
            switch diagnostic.severity {
            case .error: 1
            case .warning: 2
            case .info: 3
            }
        return [
            "range": range,
            "severity": severity, "code": diagnostic.rule, "source": "journal", "message": diagnostic.message,
        ]
    }

    func range(line: Int, from start: Int, to end: Int, in document: LSPDocument) -> [String: Any] {
        range(from: (line, start), to: (line, end), in: document)
    }

    /// A range between two (0-based line, scalar offset) places, in the client's encoding.
    func range(
        from start: (line: Int, column: Int), to end: (line: Int, column: Int), in document: LSPDocument
    )
        -> [String: Any]
    {
        [
            "start": [
                "line": start.line,
                "character": encoding.character(start.column, in: document.line(start.line)),
            ],
            "end": [
                "line": end.line, "character": encoding.character(end.column, in: document.line(end.line)),
            ],
        ]
    }
}
