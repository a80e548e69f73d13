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
