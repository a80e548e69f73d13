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
    /// Whether today is after `nextSessionDue` (false when there is none).
    public var sessionOverdue: Bool
    /// Where the next session stands against today, as the builder measured it.
    public var nextSession: NextSession? { meetingAhead?.timing }
    /// The meeting ahead: its date, how it is known, its agreed agenda.
    public var meetingAhead: MeetingAhead?
    /// How many sessions were held.
    public var sessions: Int
    /// How many sessions were cancelled (not a meeting, but worth knowing).
    public var cancelledSessions: Int
    /// Sessions written ahead, not held yet (dated after today, or still `planned`).
    public var plannedSessions: Int = 0
    /// Each goal's standing, by goal file.
    public var goals: [GoalReport]
    /// Open action items, overdue first.
    public var actionItems: [ActionItemReport]
    /// Reflections in the window, oldest first.
    public var reflections: [ReflectionReport]
    /// The agreement's review date when it is due (today or earlier).
    public var reviewDue: CalendarDate?
    /// The agreement's `ends` date when it has passed and the mentorship is still active.
    public var pastEnd: CalendarDate?
    /// Files of the mentorship that hold conflict markers: left out of every fact until resolved.
    public var conflictedFiles: [String] = []
    /// Entries whose front matter cannot be read, with where and why: their facts are missing.
    public var unreadableFiles: [Diagnostic] = []
    /// The parties who wrote an evaluation.
    public var evaluations: [Role] = []
    /// The parties whose evaluation is still missing, once the mentorship is over.
    public var missingEvaluations: [Role] = []
    /// The confidence of the latest reflection that gave one.
    public var latestConfidence: Int?
    /// The confidence before it, for the trend.
    public var previousConfidence: Int?
    /// The date of the latest reflection.
    public var lastReflection: CalendarDate?
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

    /// Whether the mentorship is over (completed or ended): nothing is due any more.
    public var isOver: Bool { status.isOver }

    /// `cadence_days` of the JSON: weekly 7, biweekly 14, monthly 30, N units in days.
    public var cadenceDays: Int? { cadence?.days }
}
