import Foundation

/// The entry-aware three-way merge (format.md, "Merging"): the one mechanism behind
/// `journal sync`'s merges and `journal merge-driver`, so both give the same bytes.
///
/// Front matter merges key by key, the body section by section and action item by item, built
/// from the lines of the three versions as written. A file that is not an entry, a version
/// that does not read (or holds conflict markers), or one too large to compare: nil, and the
/// caller merges lines as git does. Nothing is dropped: every line a side added is in the
/// result or between markers.
public enum EntryMerge {
    /// A merged entry.
    public struct Result: Sendable, Equatable {
        /// The merged file.
        public var bytes: [UInt8]
        /// How many places hold conflict markers (0: merged cleanly).
        public var conflicts: Int
    }

    /// Larger versions are left to git's line merge.
    public static let sizeLimit = JournalLoader.maxFileSize

    /// Whether `path` names a file the merge may treat as an entry (Markdown).
    public static func applies(to path: String) -> Bool {
        path.lowercased().hasSuffix(".md")
    }

    /// The two versions whole, between conflict markers: for when no merge can be made (a
    /// version journal cannot read as an entry), so that neither side's words are lost.
    public static func bothKept(ours: [UInt8], theirs: [UInt8], labels: MergeLabels) -> [UInt8] {
        func lines(_ bytes: [UInt8]) -> [String] {
            String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0 + "\n" }.dropLast(bytes.last == 0x0A ? 1 : 0).map { $0 }
        }
        return Array(
            [MergePiece.conflict(ours: lines(ours), theirs: lines(theirs))].rendered(labels).text.utf8)
    }

    /// Merges `ours` and `theirs` from `base` (nil or empty when both sides added the file).
    public static func merge(
        base: [UInt8]?, ours: [UInt8], theirs: [UInt8], path: String, labels: MergeLabels
    ) -> Result? {
        let versions = [base ?? [], ours, theirs]
        guard applies(to: path), versions.allSatisfy({ $0.count <= sizeLimit }),
            versions.allSatisfy({ ConflictMarkers.lines(in: $0).isEmpty })
        else { return nil }
        guard var o = EntryLines(ours), var t = EntryLines(theirs) else { return nil }
        var b: EntryLines?
        if let base, !base.isEmpty {
            guard let read = EntryLines(base) else { return nil }
            b = read
        }
        // A last line without a line break is merged as if it had one.
        let unterminated = [b, o, t].compactMap { $0 }.allSatisfy { $0.endsWithoutLineBreak }
        b?.terminateLastLine()
        o.terminateLastLine()
        t.terminateLastLine()
        // A comparison too costly to make leaves the file to git's line merge.
        guard let frontMatter = try? FrontMatterMerge.merge(base: b, ours: o, theirs: t),
            let body = try? BodyMerge.merge(base: b?.body ?? [], ours: o.body, theirs: t.body)
        else { return nil }
        let pieces: [MergePiece] = [.text([o.open])] + frontMatter + [.text([o.close])] + body
        var (text, conflicts) = pieces.rendered(labels)
        if unterminated, conflicts == 0, text.utf8.last == 0x0A {
            text = String(text.utf8.dropLast()) ?? text
        }
        let bytes = Array(text.utf8)
        // A clean result must read as an entry; else the lines merge as git merges them.
        if conflicts == 0, EntryLines(bytes) == nil { return nil }
        return Result(bytes: bytes, conflicts: conflicts)
    }
}

extension EntryLines {
    var endsWithoutLineBreak: Bool {
        guard let last = body.last ?? Optional(close) else { return false }
        return last.utf8.last != 0x0A
    }

    mutating func terminateLastLine() {
        if let last = body.last {
            if last.utf8.last != 0x0A { body[body.count - 1] = last + "\n" }
        } else if close.utf8.last != 0x0A {
            close += "\n"
        }
    }
}
