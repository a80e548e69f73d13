/// What the mentor reads before a check-in, for every mentorship in scope.
public struct Report: Sendable, Equatable {
    /// The date every relative fact is computed against.
    public var today: CalendarDate
    /// One section per mentorship, by path.
    public var mentorships: [MentorshipReport]
    /// The order of the overview's rows.
    public var sort: ReportSort = .attention
}
