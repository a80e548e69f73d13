/// Where the next session stands against the report's date.
public enum NextSession: Sendable, Equatable {
    /// It was due this many days ago.
    case overdue(days: Int)
    /// It is due on the report's date.
    case today
    /// It is due in this many days.
    case upcoming(days: Int)
}
