import Foundation

/// A fix to one file: its text before and after, what changed, and a diff.
public struct FileChange: Sendable, Equatable {
    /// The file, relative to the journal root.
    public var path: String
    /// The text as read.
    public var original: String
    /// The text after the fixes.
    public var updated: String
    /// One line per change, for people.
    public var summary: [String]

    /// A unified diff of the change (three lines of context).
    public var diff: String { UnifiedDiff.make(path: path, from: original, to: updated) }

    /// Writes the updated text atomically, with the file's own permissions, unless the file
    /// changed since it was read.
    public func apply(root: URL) throws {
        let url = root.appendingPathComponent(path)
        let current = try String(contentsOf: url, encoding: .utf8)
        guard current == original else { throw FixError.changedMeanwhile(path) }
        let mode = AtomicFile.mode(of: url.path) ?? 0o644
        do {
            try AtomicFile.write(Array(updated.utf8), to: url.path, mode: mode, replacing: true)
        } catch {
            throw FixError.cannotWrite(path, error)
        }
    }
}

/// Why a fix was not written.
enum FixError: Error, CustomStringConvertible {
    /// The file changed between reading and writing.
    case changedMeanwhile(String)
    /// The system refused to write it (it is left as it was).
    case cannotWrite(String, AtomicFile.Failure)

    public var description: String {
        switch self {
        case .changedMeanwhile(let path):
            return "\(path) changed while fixing it; run `journal lint --fix` again"
        case .cannotWrite(let path, .system(let reason)):
            return "cannot write \(path) (\(reason)); it is left as it was"
        case .cannotWrite(let path, .exists):
            return "cannot write \(path); it is left as it was"
        }
    }
}

/// The fixes that cannot lose content, edited into the lines they concern (never a YAML re-dump).
public enum Fixer {
    /// Fixes for the journal's entries, limited to `paths` (relative to the root) when given.
    public static func fixes(for journal: Journal, in paths: [String]? = nil) -> [FileChange] {
        var changes: [FileChange] = []
        for entry in journal.mentorships.flatMap(\.entries) {
            if let paths,
                !paths.contains(where: { $0.isEmpty || entry.path == $0 || entry.path.hasPrefix($0 + "/") })
            {
                continue
            }
            let fixable = entry.diagnostics.contains {
                [FrontMatterMissingRule.id, FieldUnknownRule.id, FieldMissingRule.id].contains($0.rule)
            }
            guard fixable,
                let data = FileManager.default.contents(
                    atPath: journal.root.appendingPathComponent(entry.path).path),
                let text = String(validating: [UInt8](data), as: UTF8.self)
            else { continue }
            if let change = fix(text, path: entry.path, kind: entry.kind) { changes.append(change) }
        }
        return changes
    }

    /// The fixed text of one file, or nil when nothing can be fixed safely. Each fix is kept
    /// only when the file reads afterwards with no diagnostic it did not have before: a key
    /// renamed to one whose value is wrong for it, say, is left for the person.
    public static func fix(_ original: String, path: String, kind: EntryKind) -> FileChange? {
        var lines = Lines(original)
        var summary: [String] = []
        var accepted = problems(lines.text, path: path, kind: kind)

        /// Keeps `candidate` when it brings no new problem; says whether it was kept.
        func attempt(_ candidate: Lines, _ note: String) -> Bool {
            let after = problems(candidate.text, path: path, kind: kind)
            guard after.isSubset(of: accepted), after != accepted else { return false }
            lines = candidate
            accepted = after
            summary.append(note)
            return true
        }

        // 1. Fences around a leading block that is clearly front matter.
        if SourceText(original).state == .missing, let end = leadingFrontMatterEnd(lines, kind: kind) {
            var candidate = lines
            candidate.insert("---", at: end)
            candidate.insert("---", at: 0)
            _ = attempt(candidate, "added the `---` lines around the front matter (lines 1 and \(end + 2))")
        }

        // 2. Misspelt keys renamed to their suggestion, on their own line and column.
        var entry = EntryParser.parse(path: path, kind: kind, bytes: Array(lines.text.utf8))
        let known = EntryParser.knownKeys(kind)
        for (key, place) in entry.fields.sorted(by: { $0.value.key > $1.value.key })
        where !known.contains(key) {
            var candidate = lines
            guard let suggestion = EditDistance.closest(to: key, among: known, within: 2),
                entry.fields[suggestion] == nil, candidate.replace(key, with: suggestion, at: place.key)
            else { continue }
            _ = attempt(candidate, "line \(place.key.line): renamed `\(key)` to `\(suggestion)`")
        }

        // 3. A missing date taken from the file name.
        entry = EntryParser.parse(path: path, kind: kind, bytes: Array(lines.text.utf8))
        let dated = kind == .session || kind == .reflection
        if dated, entry.fields["date"] == nil, let fileDate = entry.fileDate,
            SourceText(lines.text).state == .present,
            !entry.diagnostics.contains(where: { $0.rule.hasPrefix("front-matter/") }),
            let fence = lines.firstFenceIndex
        {
            var candidate = lines
            candidate.insert("date: \(fileDate)", at: fence + 1)
            _ = attempt(candidate, "line \(fence + 2): added `date: \(fileDate)` from the file name")
        }

        let updated = lines.text
        guard !summary.isEmpty, updated != original else { return nil }
        return FileChange(path: path, original: original, updated: updated, summary: summary)
    }

    /// What is wrong with a text as one entry, by rule and message (positions move with the fixes).
    /// A message names the rule's subject; a fix that removes one and adds another is refused.
    static func problems(_ text: String, path: String, kind: EntryKind) -> Set<String> {
        var seen: [String: Int] = [:]
        var result: Set<String> = []
        for diagnostic in EntryParser.parse(path: path, kind: kind, bytes: Array(text.utf8)).diagnostics {
            let key = diagnostic.rule + " " + diagnostic.message
            seen[key, default: 0] += 1
            result.insert(key + " #\(seen[key] ?? 1)")
        }
        return result
    }

    /// The line index after a leading block of `key: value` lines that reads as this kind's
    /// front matter, or nil when the start of the file does not look like front matter.
    static func leadingFrontMatterEnd(_ lines: Lines, kind: EntryKind) -> Int? {
        var end = 0
        while end < lines.count, !lines[end].trimmingCharacters(in: .whitespaces).isEmpty { end += 1 }
        guard end > 0, end < 200 else { return nil }
        let block = (0..<end).map { lines[$0] }
        guard isKeyLine(block[0]) else { return nil }
        for line in block where !isKeyLine(line) {
            guard line.hasPrefix(" ") || line.hasPrefix("- ") else { return nil }
        }
        let yaml = block.joined(separator: "\n") + "\n"
        guard case .success(let value?) = YAMLReader.read(yaml, firstLine: 1), let pairs = value.pairs else {
            return nil
        }
        let known = Set(EntryParser.knownKeys(kind).filter { $0 != "type" })
        let keys = pairs.compactMap(\.key.text)
        return keys.contains(where: known.contains) ? end : nil
    }

    private static func isKeyLine(_ line: String) -> Bool {
        guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else { return false }
        let key = line[..<colon]
        guard let first = key.first, first.isLetter || first == "_" else { return false }
        guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return false }
        let after = line[line.index(after: colon)...]
        return after.isEmpty || after.first == " "
    }
}

/// A file's lines with their own line endings, so that edits keep CRLF files CRLF.
struct Lines {
    private var items: [(text: String, ending: String)]
    private var bom: Bool
    private let ending: String

    init(_ text: String) {
        var body = text
        bom = body.unicodeScalars.first == "\u{FEFF}"
        if bom { body.unicodeScalars.removeFirst() }
        ending = body.contains("\r\n") ? "\r\n" : "\n"
        items = []
        var rest = Substring(body)
        while !rest.isEmpty {
            if let newline = rest.unicodeScalars.firstIndex(of: "\n") {
                var line = String(rest[..<newline])
                var lineEnding = "\n"
                if line.unicodeScalars.last == "\r" {
                    line.unicodeScalars.removeLast()
                    lineEnding = "\r\n"
                }
                items.append((line, lineEnding))
                rest = rest[rest.unicodeScalars.index(after: newline)...]
            } else {
                items.append((String(rest), ""))
                rest = ""
            }
        }
    }

    var count: Int { items.count }
    subscript(index: Int) -> String { items[index].text }

    var text: String { (bom ? "\u{FEFF}" : "") + items.map { $0.text + $0.ending }.joined() }

    /// The index of the first line that is a `---` fence.
    var firstFenceIndex: Int? {
        items.firstIndex { $0.text.trimmingCharacters(in: .whitespaces) == "---" }
    }

    mutating func insert(_ line: String, at index: Int) {
        if index == items.count, let last = items.last, last.ending.isEmpty {
            items[items.count - 1].ending = ending
        }
        items.insert((line, ending), at: index)
    }

    /// Replaces `old` by `new` at a 1-based line and column (in Unicode scalars); false when the
    /// text there is not `old`.
    mutating func replace(_ old: String, with new: String, at position: SourcePosition) -> Bool {
        let index = position.line - 1
        guard index >= 0, index < items.count else { return false }
        let scalars = Array(items[index].text.unicodeScalars)
        let start = position.column - 1
        let target = Array(old.unicodeScalars)
        guard start >= 0, start + target.count <= scalars.count,
            Array(scalars[start..<start + target.count]) == target
        else { return false }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[..<start])
        result.append(contentsOf: new.unicodeScalars)
        result.append(contentsOf: scalars[(start + target.count)...])
        items[index].text = String(result)
        return true
    }
}

/// A minimal unified diff: one hunk from the first changed line to the last.
enum UnifiedDiff {
    static func make(path: String, from old: String, to new: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
            a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        {
            suffix += 1
        }
        if prefix == a.count && prefix == b.count { return "" }
        let context = 3
        let start = max(0, prefix - context)
        let endA = min(a.count, a.count - suffix + context)
        let endB = min(b.count, b.count - suffix + context)
        var lines = ["--- a/\(path)", "+++ b/\(path)"]
        lines.append("@@ -\(start + 1),\(endA - start) +\(start + 1),\(endB - start) @@")
        for index in start..<prefix { lines.append(" " + a[index]) }
        for index in prefix..<(a.count - suffix) { lines.append("-" + a[index]) }
        for index in prefix..<(b.count - suffix) { lines.append("+" + b[index]) }
        for index in (a.count - suffix)..<endA { lines.append(" " + a[index]) }
        return lines.joined(separator: "\n") + "\n"
    }
}
