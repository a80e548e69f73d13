import Foundation

/// The fixes that cannot lose content, edited into the lines they concern (never a YAML re-dump).
public enum Fixer {
    /// The rules whose descriptions say what `--fix` does about them.
    static let fixableRules = Set(
        Linter.rules.compactMap { $0.description.fix == nil ? nil : $0.description.id })

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
                fixableRules.contains($0.rule)
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
            entry.unreadable == nil,
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
