/// A task-list item in an entry's body: something someone promised to do.
public struct ActionItem: Sendable, Equatable {
    /// The text without checkbox and due-date notation.
    public var text: String
    /// Whether it is ticked.
    public var done: Bool
    /// The first `@handle` in the text, without `@`, as written.
    public var owner: String?
    /// When it is due.
    public var due: CalendarDate?
    /// The file it is in, relative to the journal root.
    public var path: String
    /// Its line in the file.
    public var line: Int
    /// Its column in the file.
    public var column: Int
}
