/// The report of one mentorship; field meanings follow cli.md's `journal-report/1`.
public struct MentorshipReport: Sendable, Equatable {
    /// The mentorship id.
    public var id: String
    /// Its folder relative to the journal root.
    public var path: String
    /// The agreement's status.
    public var status: AgreementStatus
    /// The mentor.
    public var mentor: Person
    /// The mentee.
    public var mentee: Person
    /// Start of the window: `--since`, else the last held session's date.
    public var since: CalendarDate?
    /// The cadence as written in the agreement.
    public var cadence: Cadence?
    /// The date of the last held session.
    public var lastSession: CalendarDate?
    /// Days from the last held session to today.
    public var daysSinceLastSession: Int?
    /// When the next session is due.
    public var nextSessionDue: CalendarDate?
    /// Whether today is after `nextSessionDue`.
    public var sessionOverdue: Bool?
    /// Where the next session stands against today, as the builder measured it.
    public var nextSession: NextSession?
    /// How many sessions were held.
    public var sessions: Int
    /// How many sessions were cancelled (not a meeting, but worth knowing).
    public var cancelledSessions: Int
    /// Each goal's standing, by goal file.
    public var goals: [GoalReport]
    /// Open action items, overdue first.
    public var actionItems: [ActionItemReport]
    /// Reflections in the window, oldest first.
    public var reflections: [ReflectionReport]
    /// The agreement's review date when it is due (today or earlier).
    public var reviewDue: CalendarDate?
    /// Lint errors in the mentorship.
    public var lintErrors: Int
    /// Lint warnings in the mentorship.
    public var lintWarnings: Int
    /// Commits in the window by author, from git history (filled in by the command, which
    /// reads git; empty outside a repository).
    public var activity: [ActivityReport] = []

    /// Every dated event of the mentorship, for the pictures (not limited to the window); filled by
    /// the journal-wide `ReportBuilder.build`, or by `ReportBuilder.history(of:options:)`.
    public var history = MentorshipHistory()

    /// The suggested agenda for the next check-in, each line with its kind and whether it is private.
    public var agendaItems: [AgendaItem] = []

    /// The lines of the suggested agenda.
    public var agenda: [String] { agendaItems.map(\.text) }

    /// This mentorship's row of the program overview, measured by the builder.
    public var overview: OverviewRow?

    /// `cadence_days` of the JSON: weekly 7, biweekly 14, monthly 30, N units in days.
    public var cadenceDays: Int? { cadence?.days }
}
