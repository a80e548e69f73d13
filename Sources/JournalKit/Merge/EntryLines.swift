import Foundation

/// An entry cut into lines, each with its line break, as a merge reads it: the fences, the
/// front matter's lines and their YAML, the body's lines. Nil for anything that is not an
/// entry whose front matter reads as a mapping (or is empty).
struct EntryLines {
    var open: String
    var frontMatter: [String]
    var close: String
    var body: [String]
    /// The front matter's top-level mapping; nil when it is empty.
    var mapping: [YAMLPair]?

    init?(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        let lines = Self.lines(text)
        guard let first = lines.first, Self.isFence(first, closing: false),
            let closing = lines.indices.dropFirst().first(where: { Self.isFence(lines[$0], closing: true) })
        else { return nil }
        open = first
        frontMatter = Array(lines[1..<closing])
        close = lines[closing]
        body = Array(lines[(closing + 1)...])
        switch YAMLReader.read(frontMatter.joined(), firstLine: 1) {
        case .success(nil): mapping = nil
        case .success(.mapping(let pairs, _)?): mapping = pairs
        default: return nil
        }
    }

    /// The text's lines, each with its line break (the last one may have none).
    static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var start = text.utf8.startIndex
        for index in text.utf8.indices where text.utf8[index] == 0x0A {
            let end = text.utf8.index(after: index)
            lines.append(String(text[start..<end]))
            start = end
        }
        if start < text.utf8.endIndex { lines.append(String(text[start...])) }
        return lines
    }

    /// `---` (or `...` closing), trailing blanks and a line break allowed; a BOM before the first.
    static func isFence(_ line: String, closing: Bool) -> Bool {
        var text = Substring(line)
        if text.unicodeScalars.first == "\u{FEFF}" { text = Substring(text.unicodeScalars.dropFirst()) }
        while let last = text.unicodeScalars.last, last == "\n" || last == "\r" || last == " " || last == "\t"
        {
            text = Substring(text.unicodeScalars.dropLast())
        }
        return text == "---" || (closing && text == "...")
    }
}
