/// A milestone as the report shows it.
public struct MilestoneReport: Sendable, Equatable {
    /// The milestone's title.
    public var title: String
    /// When it is due.
    public var due: CalendarDate?
    /// Whether it was due before the report's date (and is not done).
    public var overdue: Bool = false
}
