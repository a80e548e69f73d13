import Foundation

/// Entries parsed earlier, by path and the bytes they were parsed from (their length and a
/// stable digest): a long-running reader (the language server) parses again only the files that
/// changed, and a programme's mirror keeps them between runs (`save`, `load`), so a pair that
/// changed has only its changed entries parsed again.
public final class EntryMemo: @unchecked Sendable {
    private struct Kept {
        var kind: EntryKind
        var count: Int
        var digest: UInt64
        var entry: Entry
    }

    private let lock = NSLock()
    private var kept: [String: Kept] = [:]
    /// How many entries came from the memo since it was made.
    public private(set) var reused = 0

    public init() {}

    /// The entry parsed from exactly `bytes` at `path`, when there is one.
    func entry(_ path: String, kind: EntryKind, bytes: [UInt8]) -> Entry? {
        let digest = Self.digest(bytes)
        return lock.withLock {
            guard let held = kept[path], held.kind == kind, held.count == bytes.count, held.digest == digest
            else {
                return nil
            }
            reused += 1
            return held.entry
        }
    }

    func keep(_ entry: Entry, bytes: [UInt8]) {
        let digest = Self.digest(bytes)
        lock.withLock {
            kept[entry.path] = Kept(kind: entry.kind, count: bytes.count, digest: digest, entry: entry)
        }
    }

    static func digest(_ bytes: [UInt8]) -> UInt64 { StableHash.of(bytes: bytes) }

    /// The memo as a file's bytes, for this build of journal only; with `paths`, only theirs
    /// (the files of the journal as last read, not those deleted since).
    public func saved(keeping paths: Set<String>? = nil) -> [UInt8] {
        var writer = ByteWriter()
        writer.string(ParseCache.programIdentity ?? "")
        let entries = lock.withLock {
            kept.filter { paths?.contains($0.key) ?? true }.sorted { $0.key < $1.key }
        }
        writer.int(entries.count)
        for (path, held) in entries {
            writer.string(path)
            writer.int(held.count)
            writer.word(held.digest)
            let encoded = EntryCoding.encode(held.entry)
            writer.int(encoded.count)
            writer.bytes.append(contentsOf: encoded)
        }
        return writer.bytes
    }

    /// A memo from `saved()`'s bytes; empty when they are damaged or from another build.
    public static func load(_ bytes: [UInt8]) -> EntryMemo {
        let memo = EntryMemo()
        bytes.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            guard let program = try? reader.string(), program == (ParseCache.programIdentity ?? ""),
                let count = try? reader.int(), count >= 0
            else { return }
            for _ in 0..<count {
                guard let path = try? reader.string(), let size = try? reader.int(),
                    let digest = try? reader.word(),
                    let length = try? reader.int(), length >= 0, reader.index + length <= buffer.count
                else { return }
                let slice = UnsafeRawBufferPointer(rebasing: buffer[reader.index..<(reader.index + length)])
                reader.index += length
                guard let entry = EntryCoding.decode(slice) else { return }
                memo.kept[path] = Kept(kind: entry.kind, count: size, digest: digest, entry: entry)
            }
        }
        return memo
    }
}
