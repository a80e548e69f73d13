/// Options that shape a report, from the command line.
public struct ReportOptions: Sendable, Equatable {
    /// The date relative facts are computed against.
    public var today: CalendarDate
    /// Start of the window, overriding the last session's date.
    public var since: CalendarDate?
    /// Whether private entries are shown.
    public var includePrivate: Bool

    /// The order of the overview's rows (the mentorships' sections stay in path order).
    public var sort: ReportSort = .attention
    /// Only the mentorships whose attention is one of these (all when empty).
    public var attention: Set<Attention> = []
    /// Only the mentorships whose agreement's status is one of these (all when empty).
    public var statuses: Set<AgreementStatus> = []

    /// Action items lint already folded as of `today` over every entry, by mentorship path: the
    /// builder takes them as they are when it shows every entry, instead of folding again.
    public var foldedActionItems: [String: [TrackedActionItem]] = [:]

    /// Creates options.
    public init(today: CalendarDate, since: CalendarDate? = nil, includePrivate: Bool = false) {
        self.today = today
        self.since = since
        self.includePrivate = includePrivate
    }
}
