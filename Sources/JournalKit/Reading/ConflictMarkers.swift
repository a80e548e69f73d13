import Foundation

/// git's conflict markers: the one rule for what counts as one, asked by the entry parser (the
/// `merge/conflict-markers` diagnostic) and by `journal commit`, `sync` and `status` (a
/// conflicted file still to resolve).
///
/// A marker is a line that starts with exactly seven `<` or seven `>` followed by a space, the
/// end of the line or the end of the file, as git writes them (`<<<<<<< ours`, `>>>>>>> theirs`).
/// A longer run (`<<<<<<<<`) is text, as it is to git.
public enum ConflictMarkers {
    /// The 1-based lines holding a marker.
    public static func lines(in bytes: [UInt8]) -> [Int] {
        // Only line starts matter: jump from one line feed to the next with memchr.
        bytes.withUnsafeBufferPointer { buffer -> [Int] in
            guard let base = buffer.baseAddress else { return [] }
            var result: [Int] = []
            var line = 1
            var start = 0
            while start < buffer.count {
                let end =
                    memchr(base + start, 0x0A, buffer.count - start).map {
                        base.distance(to: $0.assumingMemoryBound(to: UInt8.self))
                    } ?? buffer.count
                if isMarker(buffer[start..<end]) { result.append(line) }
                line += 1
                start = end + 1
            }
            return result
        }
    }

    /// Whether the file at `url` holds a marker; false when it cannot be read.
    public static func present(in url: URL) -> Bool {
        guard case .bytes(let bytes) = JournalLoader.readFile(url.path, limit: 64 * 1024 * 1024) else {
            return false
        }
        return !lines(in: bytes).isEmpty
    }

    static func isMarker(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = line.first, first == UInt8(ascii: "<") || first == UInt8(ascii: ">"),
            line.count >= 7, line.prefix(7).allSatisfy({ $0 == first })
        else { return false }
        guard line.count > 7 else { return true }
        let after = line[line.startIndex + 7]
        return after == UInt8(ascii: " ") || after == UInt8(ascii: "\r") || after == UInt8(ascii: "\t")
    }

    /// What a person needs to know to resolve a conflicted file: whether both versions of
    /// every conflict read the same (they differ only in spaces or line ends), and whether a
    /// conflict lies in the front matter (where each key must be kept once).
    public struct Shape: Sendable, Equatable {
        public var bothReadTheSame: Bool
        public var inFrontMatter: Bool
    }

    /// The shape of the conflicts in `text` (nil when it holds none).
    public static func shape(of text: String) -> Shape? {
        // "\r\n" is one character to Swift: line ends are made one kind first.
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        let markers = Set(Self.lines(in: Array(text.utf8)))
        guard !markers.isEmpty else { return nil }
        // The front matter: from a first line `---` to the next `---` or `...`.
        var fenceEnd = -1
        if lines.first == "---" {
            fenceEnd = lines.dropFirst().firstIndex { $0 == "---" || $0 == "..." } ?? lines.count
        }
        var same = true
        var inFrontMatter = false
        var ours: [String] = []
        var theirs: [String] = []
        var side = 0  // 0 outside, 1 ours, 2 base (diff3), 3 theirs
        func normal(_ lines: [String]) -> [String] {
            lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        for (index, line) in lines.enumerated() {
            if markers.contains(index + 1) {
                if line.hasPrefix("<") {
                    side = 1
                    if index < fenceEnd { inFrontMatter = true }
                } else {
                    if normal(ours) != normal(theirs) { same = false }
                    ours = []
                    theirs = []
                    side = 0
                }
                continue
            }
            if side != 0, line.hasPrefix("|||||||") {
                side = 2
            } else if side != 0, line == "=======" {
                side = 3
            } else if side == 1 {
                ours.append(String(line))
            } else if side == 3 {
                theirs.append(String(line))
            }
        }
        return Shape(bothReadTheSame: same, inFrontMatter: inFrontMatter)
    }
}
