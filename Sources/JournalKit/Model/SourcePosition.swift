/// A 1-based place in a file; columns count Unicode scalars, as editors do.
public struct SourcePosition: Sendable, Hashable, Comparable, Codable {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int

    /// A position; both parts are clamped to at least 1.
    public init(line: Int, column: Int) {
        self.line = max(1, line)
        self.column = max(1, column)
    }

    /// The start of the file, used for problems that concern the whole file.
    public static let fileStart = SourcePosition(line: 1, column: 1)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Where a piece of text lies in its file: its first character, and the position just past
/// its last.
public struct SourceSpan: Sendable, Hashable {
    /// The first character.
    public var start: SourcePosition
    /// Just past the last character.
    public var end: SourcePosition

    /// A span; an end before the start is taken as the start.
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = max(start, end)
    }
}
