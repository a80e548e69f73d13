import Foundation

/// Entries parsed earlier in this process, by path and the exact bytes they were parsed from:
/// a long-running reader (the language server) parses again only the files that changed.
public final class EntryMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [String: (kind: EntryKind, bytes: [UInt8], entry: Entry)] = [:]

    public init() {}

    /// The entry parsed from exactly `bytes` at `path`, when there is one.
    func entry(_ path: String, kind: EntryKind, bytes: [UInt8]) -> Entry? {
        lock.withLock {
            guard let held = kept[path], held.kind == kind, held.bytes == bytes else { return nil }
            return held.entry
        }
    }

    func keep(_ entry: Entry, bytes: [UInt8]) {
        lock.withLock { kept[entry.path] = (entry.kind, bytes, entry) }
    }
}
