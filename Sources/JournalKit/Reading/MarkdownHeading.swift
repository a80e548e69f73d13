import Foundation

/// An ATX heading line (`## Next steps`) as text, outside any Markdown parser: what a merge
/// matches sections by, and what the language server lists.
public enum MarkdownHeading {
    /// The words of an ATX heading (`## Next steps` → `next steps`), nil for other lines.
    public static func words(_ line: Substring) -> String? {
        let level = line.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let rest = line.dropFirst(level)
        guard rest.isEmpty || rest.first?.isWhitespace == true else { return nil }
        var words = rest.trimmingCharacters(in: .whitespacesAndNewlines)
        while words.hasSuffix("#") { words.removeLast() }
        return "#" + words.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
