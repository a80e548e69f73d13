import Foundation

/// A file's lines with their own line endings, so that edits keep CRLF files CRLF.
struct Lines {
    private var items: [(text: String, ending: String)]
    private var bom: Bool
    private let ending: String

    init(_ text: String) {
        var body = text
        bom = body.unicodeScalars.first == "\u{FEFF}"
        if bom { body.unicodeScalars.removeFirst() }
        ending = body.contains("\r\n") ? "\r\n" : "\n"
        items = []
        var rest = Substring(body)
        while !rest.isEmpty {
            if let newline = rest.unicodeScalars.firstIndex(of: "\n") {
                var line = String(rest[..<newline])
                var lineEnding = "\n"
                if line.unicodeScalars.last == "\r" {
                    line.unicodeScalars.removeLast()
                    lineEnding = "\r\n"
                }
                items.append((line, lineEnding))
                rest = rest[rest.unicodeScalars.index(after: newline)...]
            } else {
                items.append((String(rest), ""))
                rest = ""
            }
        }
    }

    var count: Int { items.count }
    subscript(index: Int) -> String { items[index].text }

    var text: String { (bom ? "\u{FEFF}" : "") + items.map { $0.text + $0.ending }.joined() }

    /// The index of the first line that is a `---` fence.
    var firstFenceIndex: Int? {
        items.firstIndex { $0.text.trimmingCharacters(in: .whitespaces) == "---" }
    }

    mutating func insert(_ line: String, at index: Int) {
        if index == items.count, let last = items.last, last.ending.isEmpty {
            items[items.count - 1].ending = ending
        }
        items.insert((line, ending), at: index)
    }

    /// Replaces `old` by `new` at a 1-based line and column (in Unicode scalars); false when the
    /// text there is not `old`.
    mutating func replace(_ old: String, with new: String, at position: SourcePosition) -> Bool {
        let index = position.line - 1
        guard index >= 0, index < items.count else { return false }
        let scalars = Array(items[index].text.unicodeScalars)
        let start = position.column - 1
        let target = Array(old.unicodeScalars)
        guard start >= 0, start + target.count <= scalars.count,
            Array(scalars[start..<start + target.count]) == target
        else { return false }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[..<start])
        result.append(contentsOf: new.unicodeScalars)
        result.append(contentsOf: scalars[(start + target.count)...])
        items[index].text = String(result)
        return true
    }
}
