/// An open action item.
public struct ActionItemReport: Sendable, Equatable {
    /// The text without checkbox and due notation.
    public var text: String
    /// `mentor`, `mentee`, another handle, or nil.
    public var owner: String?
    /// When it is due.
    public var due: CalendarDate?
    /// Whether it is due before today.
    public var overdue: Bool
    /// Days past due (0 when not overdue).
    public var daysOverdue: Int
    /// The file, relative to the journal root.
    public var path: String
    /// The line in the file.
    public var line: Int
    /// Whether it comes from a private entry (only with `--include-private`).
    public var isPrivate: Bool = false
    /// `open`, `in-progress` (or an unknown mark, counted as open).
    public var state: ActionState = .open
    /// The date of the first entry the item appeared in.
    public var firstSeen: CalendarDate?
    /// Whether the mentorship is over: the item was left open, and is never overdue.
    public var leftOpen = false
}
