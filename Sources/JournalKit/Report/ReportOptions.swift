/// Options that shape a report, from the command line.
public struct ReportOptions: Sendable, Equatable {
    /// The date relative facts are computed against.
    public var today: CalendarDate
    /// Start of the window, overriding the last session's date.
    public var since: CalendarDate?
    /// Whether private entries are shown.
    public var includePrivate: Bool

    /// Creates options.
    public init(today: CalendarDate, since: CalendarDate? = nil, includePrivate: Bool = false) {
        self.today = today
        self.since = since
        self.includePrivate = includePrivate
    }
}
