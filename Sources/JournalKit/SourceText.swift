/// A file's text split into front matter and body, with the line where each starts.
public struct SourceText: Sendable, Equatable {
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
        if text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacing("\r\n", with: "\n")
        }
        let utf8 = text.utf8
        // The first line must be exactly `---` (trailing blanks allowed).
        guard let firstEnd = utf8.firstIndex(of: UInt8(ascii: "\n")),
            SourceText.isFence(utf8[utf8.startIndex..<firstEnd], closing: false)
        else {
            state = SourceText.isFence(utf8[...], closing: false) ? .unterminated : .missing
            yaml = ""
            yamlFirstLine = 2
            body = state == .missing ? text : ""
            bodyFirstLine = 1
            return
        }
        var lineStart = utf8.index(after: firstEnd)
        var line = 2
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            if SourceText.isFence(utf8[lineStart..<lineEnd], closing: true) {
                state = .present
                yaml = String(text[utf8.index(after: firstEnd)..<lineStart])
                yamlFirstLine = 2
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                body = String(text[bodyStart...])
                bodyFirstLine = line + 1
                return
            }
            line += 1
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        state = .unterminated
        yaml = ""
        yamlFirstLine = 2
        body = ""
        bodyFirstLine = 1
    }

    private static func isFence(_ line: Substring.UTF8View, closing: Bool) -> Bool {
        var bytes = line[...]
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        guard bytes.count == 3 else { return false }
        if bytes.elementsEqual("---".utf8) { return true }
        return closing && bytes.elementsEqual("...".utf8)
    }
}
