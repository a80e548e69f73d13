/// One row of the program overview: how a mentorship stands at a glance.
public struct OverviewRow: Sendable, Equatable, Codable {
    /// The mentorship id.
    public var id: String
    /// Its folder relative to the journal root.
    public var path: String
    /// "Mentee with Mentor".
    public var pair: String
    /// The agreement's status.
    public var status: AgreementStatus
    /// The date of the last held session.
    public var lastSession: CalendarDate?
    /// Days from the last held session to today.
    public var daysSinceLastSession: Int?
    /// When the next session is due.
    public var nextSessionDue: CalendarDate?
    /// Whether the pair keeps its cadence.
    public var cadence: CadenceState
    /// Days the next session is overdue (0 unless `cadence` is `overdue`).
    public var daysOverdue: Int
    /// Active goals with no overdue milestone and no passed target.
    public var goalsOnTrack: Int
    /// Active goals.
    public var goalsActive: Int
    /// Open action items.
    public var openActionItems: Int
    /// Open action items past their due date.
    public var overdueActionItems: Int
    /// Lint errors.
    public var lintErrors: Int
    /// How much the pair needs attention.
    public var attention: Attention = .ok
    /// Why, in plain sentences, worst first.
    public var reasons: [String] = []
    /// The confidence of the latest reflection that gave one.
    public var latestConfidence: Int?
    /// The date of the latest reflection.
    public var lastReflection: CalendarDate?
    /// The parties who wrote an evaluation (shown for completed and ended pairs).
    public var evaluations: [Role] = []
}

/// Whether a pair keeps its cadence, as the overview says it.
public enum CadenceState: String, Sendable, Equatable, Codable, CaseIterable {
    /// The next session is not overdue.
    case kept
    /// The next session is overdue.
    case overdue
    /// No session held yet.
    case none

    /// The few words the overview's table and pages show; `days` overdue.
    public func words(daysOverdue days: Int, short: Bool) -> String {
        switch self {
        case .kept: "kept"
        case .overdue: short ? "overdue \(days)d" : "overdue by \(DayCount.days(days))"
        case .none: short ? "no session" : "no session yet"
        }
    }
}
