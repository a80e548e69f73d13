import Foundation

/// Escaping for text placed in HTML or SVG markup.
enum HTMLText {
    /// `text` with `& < > " '` replaced by references, safe in element content and quoted attributes.
    public static func escape(_ text: String) -> String {
        // Most text has none of the five: a byte scan, and the string itself comes back.
        let special = text.utf8.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        guard special else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Markdown rendered by cmark-gfm in safe mode, with images turned into their alt text so that a
    /// report never fetches anything from the network.
    public static func markdown(_ markdown: String) -> String {
        let html = MarkdownParser.html(markdown)
        guard html.contains("<img") else { return html }
        // cmark escapes `<`, `>` and `"` inside attribute values, so `<img … />` never holds a `>`.
        var result = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<img") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: ">") else {
                rest = rest[rest.endIndex...]
                break
            }
            let tag = rest[open.lowerBound...close]
            var alt = ""
            if let start = tag.range(of: " alt=\"") {
                alt = String(tag[start.upperBound...].prefix { $0 != "\"" })
            }
            result += "<span class=\"image\">[image: \(alt)]</span>"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
