import Foundation

extension GitRepository {
    static let excludeBegin = "# >>> journal: private entries, kept on this computer (managed by `journal`)"
    static let excludeEnd = "# <<< journal: private entries"

    /// Makes `.git/info/exclude` list exactly `paths` (relative to the work tree) in the block
    /// `journal` manages, so that a plain `git add -A` skips private entries too. Lines outside
    /// the block are kept as they are. Returns whether the file changed.
    @discardableResult
    public func keepLocal(_ paths: [String]) throws -> Bool {
        let info = commonDirectory.appendingPathComponent("info")
        let file = info.appendingPathComponent("exclude")
        let existing = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        var outside: [String] = []
        var inBlock = false
        for line in existing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line == Self.excludeBegin {
                inBlock = true
            } else if line == Self.excludeEnd {
                inBlock = false
            } else if !inBlock {
                outside.append(line)
            }
        }
        while outside.last == "" { outside.removeLast() }
        var lines = outside
        let patterns = Array(Set(paths)).sorted().map(Self.pattern)
        if !patterns.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines.append(Self.excludeBegin)
            lines += patterns
            lines.append(Self.excludeEnd)
        }
        let updated = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        guard updated != existing else { return false }
        do {
            try FileManager.default.createDirectory(at: info, withIntermediateDirectories: true)
            try Data(updated.utf8).write(to: file, options: .atomic)
        } catch {
            throw GitError(.other, "cannot update \(file.path): \(error.localizedDescription)")
        }
        return true
    }

    /// An ignore pattern matching exactly `path` from the top of the work tree.
    static func pattern(_ path: String) -> String {
        var escaped = ""
        for character in path {
            if "\\*?[]!# ".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return "/" + escaped
    }
}
