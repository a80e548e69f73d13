import Foundation

/// A task-list line as written, cut into what comes before the mark, the mark, and the rest
/// (text, due date, Tasks fields, line break): what a merge matches and merges apart, and what
/// the language server ticks.
public struct TaskLine: Sendable, Equatable {
    /// What comes before the mark: indentation, quote markers, the bullet and `[`.
    public var prefix: String
    /// The mark between the brackets.
    public var mark: Character
    /// What follows `]`: the text, due date, Tasks fields and the line break.
    public var rest: String
    /// The item's identity (owner and text), as `ActionItem.identity` has it.
    public var identity: String

    /// Reads a line; nil when it is not a task-list item with text.
    public init?(_ line: String) {
        var index = line.startIndex
        func skip(_ allowed: (Character) -> Bool) {
            while index < line.endIndex, allowed(line[index]) { index = line.index(after: index) }
        }
        skip { $0 == " " || $0 == "\t" || $0 == ">" }
        guard index < line.endIndex else { return nil }
        if "-*+".contains(line[index]) {
            index = line.index(after: index)
        } else {
            let digits = index
            skip { $0.isASCII && $0.isNumber }
            guard index > digits, index < line.endIndex, line[index] == "." || line[index] == ")" else {
                return nil
            }
            index = line.index(after: index)
        }
        let spaces = index
        skip { $0 == " " || $0 == "\t" }
        guard index > spaces, index < line.endIndex, line[index] == "[" else { return nil }
        let markIndex = line.index(after: index)
        guard markIndex < line.endIndex else { return nil }
        let closing = line.index(after: markIndex)
        guard closing < line.endIndex, line[closing] == "]" else { return nil }
        let after = line.index(after: closing)
        guard after == line.endIndex || line[after].isWhitespace else { return nil }
        prefix = String(line[..<markIndex])
        mark = line[markIndex]
        rest = String(line[after...])
        let written = rest.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !written.isEmpty else { return nil }
        identity = ActionItem.identity(ofWritten: written)
    }

    /// The line again.
    public var text: String { prefix + String(mark) + "]" + rest }
}
