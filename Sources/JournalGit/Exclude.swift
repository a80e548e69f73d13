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
        let existing: String
        if FileManager.default.fileExists(atPath: file.path) {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw GitError(
                    .other,
                    "cannot read \(file.path), where journal lists private entries so that a plain "
                        + "`git add` skips them: check its permissions (nothing was committed)")
            }
            existing = String(decoding: data, as: UTF8.self)
        } else {
            existing = ""
        }
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
            throw GitError(
                .other,
                "cannot write \(file.path), where journal lists private entries so that a plain "
                    + "`git add` skips them (\(error.localizedDescription)): check the permissions of "
                    + "the file and its folder. The private entries were not committed.")
        }
        return true
    }

    /// Adds `paths` (relative to the work tree) to the block, keeping what it lists: for
    /// `journal new --private`, which knows one new path and not the others.
    @discardableResult
    public func addKeptLocal(_ paths: [String]) throws -> Bool {
        try keepLocal(keptLocalPaths() + paths)
    }

    /// The paths in the block `journal` manages in `.git/info/exclude`.
    public func keptLocalPaths() -> [String] {
        let file = commonDirectory.appendingPathComponent("info/exclude")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        var paths: [String] = []
        var inBlock = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line == Self.excludeBegin {
                inBlock = true
            } else if line == Self.excludeEnd {
                inBlock = false
            } else if inBlock, line.hasPrefix("/") {
                var path = ""
                var escaped = false
                for character in line.dropFirst() {
                    if !escaped && character == "\\" {
                        escaped = true
                        continue
                    }
                    escaped = false
                    path.append(character)
                }
                paths.append(path)
            }
        }
        return paths
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
