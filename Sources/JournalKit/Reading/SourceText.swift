import Foundation

/// A file's text split into front matter and body, with the line where each starts.
struct SourceText: Sendable, Equatable {
    /// How the front matter fences were found.
    public enum FrontMatterState: Sendable, Equatable {
        /// The first line is not `---`.
        case missing
        /// A `---` opens it but no `---` or `...` line closes it.
        case unterminated
        /// Both fences were found.
        case present
    }

    /// Whether and how the front matter is fenced.
    public var state: FrontMatterState
    /// The YAML between the fences (empty unless `state` is `.present`).
    public var yaml: String
    /// The file line of the YAML's first line (the line after the opening fence).
    public var yamlFirstLine: Int
    /// The Markdown after the closing fence (the whole text when there is no front matter).
    public var body: String
    /// The file line of the body's first line.
    public var bodyFirstLine: Int

    /// Splits decoded text; a leading BOM is dropped and CRLF line ends are made LF.
    public init(_ raw: String) {
        var text = raw
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        if text.withUTF8({ bytes in bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false })
        {
            text = text.replacing("\r\n", with: "\n")
        }
        // Byte offsets over contiguous UTF-8: the generic `String.UTF8View` walk cost more
        // than the rest of the split.
        let split = text.withUTF8 { SourceText.split($0) }
        func string(_ range: Range<Int>) -> String {
            text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }
        switch split {
        case .missing:
            state = .missing
            yaml = ""
            yamlFirstLine = 2
            body = text
            bodyFirstLine = 1
        case .unterminated:
            state = .unterminated
            yaml = ""
            yamlFirstLine = 2
            body = ""
            bodyFirstLine = 1
        case .present(let yamlRange, let bodyStart, let bodyLine):
            state = .present
            yaml = string(yamlRange)
            yamlFirstLine = 2
            body = string(bodyStart..<text.utf8.count)
            bodyFirstLine = bodyLine
        }
    }

    private enum Split {
        case missing
        case unterminated
        case present(yaml: Range<Int>, bodyStart: Int, bodyLine: Int)
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> Split {
        func lineEnd(from start: Int) -> Int? {
            guard let base = bytes.baseAddress, start < bytes.count,
                let hit = memchr(base + start, 0x0A, bytes.count - start)
            else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        // The first line must be exactly `---` (trailing blanks allowed).
        guard let firstEnd = lineEnd(from: 0), isFence(bytes[0..<firstEnd], closing: false) else {
            return isFence(bytes[...], closing: false) ? .unterminated : .missing
        }
        var lineStart = firstEnd + 1
        var line = 2
        while lineStart < bytes.count {
            let end = lineEnd(from: lineStart) ?? bytes.count
            if isFence(bytes[lineStart..<end], closing: true) {
                return .present(
                    yaml: (firstEnd + 1)..<lineStart, bodyStart: min(end + 1, bytes.count), bodyLine: line + 1
                )
            }
            line += 1
            lineStart = end + 1
        }
        return .unterminated
    }

    private static func isFence(_ line: Slice<UnsafeBufferPointer<UInt8>>, closing: Bool) -> Bool {
        var bytes = line
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        guard bytes.count == 3 else { return false }
        if bytes.elementsEqual("---".utf8) { return true }
        return closing && bytes.elementsEqual("...".utf8)
    }
}
